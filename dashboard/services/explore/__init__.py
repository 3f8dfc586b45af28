"""Explore: the project's datasets for academic partners, built only from service reads that
already suppress small cells, queried by read-only SQL and exported as a data package."""
