"""Partners: satisfaction surveys and their import."""
