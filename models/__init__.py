"""The data model: SQLModel tables (models.tables), vocabularies (models.vocab), the one database
gateway (models.db) and its migrations (models.migrate, models/migrations)."""

from models.tables import *  # noqa: F401,F403 - the tables are this package's public API
