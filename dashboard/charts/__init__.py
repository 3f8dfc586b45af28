"""Altair chart builders: pure functions from polars frames to charts, themed for a projector."""
