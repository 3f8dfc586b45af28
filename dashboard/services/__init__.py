"""Domain logic. Every read a page shows and every write goes through here; each write command
checks the actor's permission, validates, and writes everything in one transaction."""
