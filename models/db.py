"""The one gateway to the database: engines, sessions and frame reads. Nothing else creates an
engine. The URL comes from LIVINGLAB_DATABASE_URL (default sqlite:///data/livinglab.db, relative
paths taken from the repository root); PostgreSQL URLs look like postgresql+psycopg://user:pw@host/db.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import polars as pl
from sqlalchemy import event
from sqlalchemy import types as sa_types
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, create_engine

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "sqlite:///data/livinglab.db"
URL_VARIABLE = "LIVINGLAB_DATABASE_URL"

_engines: dict[str, Engine] = {}


def database_url() -> str:
    """The configured database URL, with a relative SQLite path made absolute."""
    url = make_url(os.environ.get(URL_VARIABLE) or DEFAULT_URL)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        path = Path(url.database)
        if not path.is_absolute():
            path = ROOT / path
        path.parent.mkdir(parents=True, exist_ok=True)
        url = url.set(database=str(path))
    return url.render_as_string(hide_password=False)


def is_sqlite(url: str | None = None) -> bool:
    return make_url(url or database_url()).get_backend_name() == "sqlite"


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never wait for the writer
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=15000")  # writers queue instead of failing at once
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


POOL_SIZE = 20  # connections kept open per process
POOL_OVERFLOW = 20  # opened beyond them at peaks, closed after use


def get_engine(url: str | None = None) -> Engine:
    """The process-wide engine for `url` (default: the configured one)."""
    url = url or database_url()
    engine = _engines.get(url)
    if engine is None:
        # Every browser session runs its script in a thread of its own, and a read inside a
        # unit of work may hold two connections: with the default pool (5 + 10) ten sessions
        # on national data waited for connections and failed ("QueuePool limit ... reached").
        if is_sqlite(url):
            engine = create_engine(
                url,
                connect_args={"check_same_thread": False, "timeout": 15},
                pool_size=POOL_SIZE,
                max_overflow=POOL_OVERFLOW,
            )
            event.listen(engine, "connect", _set_sqlite_pragmas)
        else:
            engine = create_engine(url, pool_pre_ping=True, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW)
        _engines[url] = engine
    return engine


def dispose_engine(url: str) -> None:
    """Close and forget the engine of `url` (e.g. a backup's temporary snapshot)."""
    engine = _engines.pop(url, None)
    if engine is not None:
        engine.dispose()


def dispose_engines() -> None:
    """Close every pooled connection (tests switch databases; the CLI exits)."""
    for engine in _engines.values():
        engine.dispose()
    _engines.clear()


@contextmanager
def session_scope(url: str | None = None) -> Iterator[Session]:
    """One unit of work: everything done in the block is committed together or not at all."""
    with Session(get_engine(url), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def _polars_type(sql_type: Any) -> Any:
    """The polars type of a SQL column type (TypeDecorators such as SQLModel's AutoString or
    UTCDateTime are judged by the type they wrap)."""
    if isinstance(sql_type, sa_types.TypeDecorator):
        sql_type = sql_type.impl_instance
    if isinstance(sql_type, sa_types.Boolean):
        return pl.Boolean
    if isinstance(sql_type, sa_types.Integer):
        return pl.Int64
    if isinstance(sql_type, (sa_types.Float, sa_types.Numeric)):
        return pl.Float64
    if isinstance(sql_type, sa_types.DateTime):
        return pl.Datetime("us", "UTC")
    if isinstance(sql_type, sa_types.Date):
        return pl.Date
    if isinstance(sql_type, sa_types.String):
        return pl.String
    return pl.Object  # JSON and anything else: left to polars


def _statement_schema(statement: Any) -> dict[str, Any]:
    return {column.name: _polars_type(column.type) for column in getattr(statement, "selected_columns", ())}


def read_frame(
    statement: Any, session: Session | None = None, schema_overrides: dict | None = None
) -> pl.DataFrame:
    """Run a SELECT (SQLAlchemy/SQLModel statement) and return a polars frame typed from the
    statement's columns (also when no row matches, or a column starts with NULLs).

    Within a unit of work, pass its `session` so the read sees the work's own uncommitted rows.
    """
    schema = _statement_schema(statement) | (schema_overrides or {})
    typed = {name: dtype for name, dtype in schema.items() if dtype is not pl.Object}
    if session is not None:
        frame = _read(statement, session.connection(), schema, typed)
    else:
        with get_engine().connect() as connection:
            frame = _read(statement, connection, schema, typed)
    if frame.height == 0:
        return pl.DataFrame(schema=schema)
    return frame


# Column types whose SQLite values need no conversion by SQLAlchemy (no result processor):
# integers, floats, text. A statement of such columns only is read through the DBAPI cursor.
_PLAIN_TYPES = (
    sa_types.Integer,
    sa_types.BigInteger,
    sa_types.Float,
    sa_types.String,
    sa_types.Text,
    sa_types.Boolean,  # 0 / 1, cast after the read
)


def _plain(statement: Any, schema: dict[str, Any]) -> bool:
    columns = list(getattr(statement, "selected_columns", ()))
    if not columns or len(columns) != len(schema):
        return False
    for column in columns:
        sql_type = column.type
        if isinstance(sql_type, sa_types.TypeDecorator):
            if type(sql_type).__name__ != "AutoString":  # SQLModel's str column: plain text
                return False
            sql_type = sql_type.impl_instance
        plain = isinstance(sql_type, _PLAIN_TYPES) and not isinstance(sql_type, sa_types.Enum)
        if not plain or schema.get(column.name) not in (
            pl.Int64,
            pl.Float64,
            pl.String,
            pl.Boolean,
        ):
            return False
    return True


def _read(statement: Any, connection: Any, schema: dict[str, Any], typed: dict[str, Any]) -> pl.DataFrame:
    """Large fact tables are read in bulk: on SQLite, a SELECT of integer, float and text columns
    goes through the driver's cursor into the frame (no SQLAlchemy row objects, which cost half
    the time of a read of a million answers or counts); anything else through polars'
    read_database on the SQLAlchemy connection."""
    if connection.dialect.name != "sqlite" or not _plain(statement, schema):
        return pl.read_database(statement, connection=connection, schema_overrides=typed)
    compiled = statement.compile(dialect=connection.dialect, compile_kwargs={"render_postcompile": True})
    parameters = [compiled.params[name] for name in compiled.positiontup or ()]
    cursor = connection.connection.driver_connection.cursor()
    try:
        cursor.execute(str(compiled), parameters)
        names = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
    finally:
        cursor.close()
    if names != list(schema):
        return pl.read_database(statement, connection=connection, schema_overrides=typed)
    read = {name: pl.Int64 if dtype == pl.Boolean else dtype for name, dtype in schema.items()}
    frame = pl.DataFrame(rows, schema=read, orient="row")
    return frame.with_columns(pl.col(n).cast(pl.Boolean) for n, d in schema.items() if d == pl.Boolean)
