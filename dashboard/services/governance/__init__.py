"""Governance: the decision log, meetings, minutes and the evidence a decision rests on."""
