"""Actions: the portfolio, its edits and the action-plan import."""
