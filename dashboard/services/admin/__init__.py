"""Administration: users, projects and the demo consortium."""
