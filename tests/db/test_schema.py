"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

from models import migrate
from models.db import get_engine


def test_migrations_match_the_models(empty_db):
    assert migrate.is_up_to_date()
    with get_engine().connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, SQLModel.metadata)
    assert differences == []


def test_every_table_of_the_model_exists(empty_db):
    tables = set(inspect(get_engine()).get_table_names())
    assert set(SQLModel.metadata.tables) <= tables


def test_upgrade_is_idempotent(empty_db):
    migrate.upgrade()
    assert migrate.is_up_to_date()
