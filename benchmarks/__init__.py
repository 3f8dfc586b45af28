"""Performance budgets, measured as medians over repeated runs (not timed tests)."""
