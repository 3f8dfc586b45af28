"""Actions: what the Portfolio, Gantt and Update actions pages draw."""
