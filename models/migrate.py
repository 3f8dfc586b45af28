"""Apply the Alembic migrations in models/migrations to the configured database."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from models.db import database_url, get_engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(url: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    # Passed as an attribute, not an option: URLs may hold '%' that ConfigParser would mangle.
    config.attributes["url"] = url or database_url()
    return config


def upgrade(url: str | None = None) -> None:
    command.upgrade(alembic_config(url), "heads")


def is_up_to_date(url: str | None = None) -> bool:
    script = ScriptDirectory.from_config(alembic_config(url))
    with get_engine(url).connect() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
    return current == set(script.get_heads())
