"""Alembic environment: SQLModel's metadata, the URL from models.db, batch mode on SQLite."""

from alembic import context
from sqlmodel import SQLModel

import models  # noqa: F401 - registers the tables on SQLModel.metadata
from models.db import database_url, get_engine, is_sqlite

config = context.config
url = config.attributes.get("url") or database_url()
target_metadata = SQLModel.metadata


def run_migrations_offline() -> None:
    context.configure(
        url=url, target_metadata=target_metadata, render_as_batch=is_sqlite(url), literal_binds=True
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    with get_engine(url).connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=is_sqlite(url),
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
