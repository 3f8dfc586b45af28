"""Evaluation: self-evaluation indicators, their import, and the maturity self-assessment."""
