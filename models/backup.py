"""Backup and restore of the whole database, in one portable format for SQLite and PostgreSQL.

A backup is a zip file:

- `manifest.json`: the format and its version, the Alembic revision of the schema, when and
  from which kind of database it was made, a fingerprint of the decision log's key (not the
  key), and for each table in dependency order its columns, their kinds, its row count and the
  SHA-256 of its data file;
- `manifest.sha256`: the SHA-256 of `manifest.json`;
- `tables/<table>.jsonl`: one JSON array per row, in primary-key order.

`backup` reads a consistent snapshot: on SQLite a copy made with SQLite's online backup API
(the app may keep writing meanwhile), on PostgreSQL one REPEATABLE READ, read-only
transaction. Rows are streamed in chunks, never all in memory, and the file appears under its
name only once complete.

`restore` refuses, with a one-line reason (BackupError) and before writing anything: a file that
is not a backup, a corrupt one (a checksum or a row count that does not match), one made by a
newer schema than this app knows, and a target database that holds data. It then migrates the
target to the backup's revision, loads every table in dependency order in one transaction
(PostgreSQL sequences moved past the restored ids), and migrates on to the current schema if
the backup is older. A backup from SQLite restores into PostgreSQL and back.

The decision log's key (LIVINGLAB_LOG_KEY or data/.log_key) is not in the backup, on purpose:
back it up separately. `key_matches` tells whether the key in use is the one the log was sealed
with when the backup was made.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import sqlite3
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy.engine import Connection, make_url
from sqlmodel import SQLModel

import models  # noqa: F401 - registers the tables on SQLModel.metadata
from models.db import database_url, dispose_engine, get_engine, is_sqlite
from models.log_key import log_key
from models.migrate import alembic_config

FORMAT = "livinglab-backup"
FORMAT_VERSION = 1
CHUNK_ROWS = 5_000
MANIFEST = "manifest.json"
MANIFEST_SUM = "manifest.sha256"


class BackupError(Exception):
    """A backup or restore refused; the message is one line saying why and what to do."""


@dataclass(frozen=True)
class TableInfo:
    name: str
    columns: list[str]
    kinds: list[str]  # integer, float, text, boolean, date, datetime, json
    rows: int
    sha256: str

    @property
    def member(self) -> str:
        return f"tables/{self.name}.jsonl"


@dataclass(frozen=True)
class Manifest:
    revision: str
    created_at: str
    source: str  # sqlite or postgresql
    key_fingerprint: str
    tables: list[TableInfo] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)


def key_fingerprint(key: bytes | None = None) -> str:
    """A fingerprint of the decision log's key, safe to store: it tells whether two keys are the
    same, and cannot be turned back into the key."""
    return hmac.new(key or log_key(), b"livinglab backup: which log key", hashlib.sha256).hexdigest()[:16]


def key_matches(manifest: Manifest) -> bool:
    return hmac.compare_digest(manifest.key_fingerprint, key_fingerprint())


# ---------------------------------------------------------------- values in JSON


def _kind(column: sa.Column) -> str:
    column_type = column.type
    if isinstance(column_type, sa.types.TypeDecorator):
        column_type = column_type.impl_instance
    for kind, types in (
        ("boolean", sa.Boolean),
        ("integer", sa.Integer),
        ("float", (sa.Float, sa.Numeric)),
        ("datetime", sa.DateTime),
        ("date", sa.Date),
        ("json", sa.JSON),
    ):
        if isinstance(column_type, types):
            return kind
    return "text"


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        if value.utcoffset() is not None:
            value = value.astimezone(dt.UTC)
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _decoder(kind: str):  # noqa: ANN202
    if kind == "datetime":

        def datetime_value(value: Any) -> Any:
            if value is None:
                return None
            parsed = dt.datetime.fromisoformat(value)
            return parsed if parsed.utcoffset() is not None else parsed.replace(tzinfo=dt.UTC)

        return datetime_value
    if kind == "date":
        return lambda value: None if value is None else dt.date.fromisoformat(value)
    if kind == "boolean":
        return lambda value: None if value is None else bool(value)
    return lambda value: value


# ---------------------------------------------------------------- backup


def _revision(connection: Connection) -> str | None:
    heads = MigrationContext.configure(connection).get_current_heads()
    return heads[0] if len(heads) == 1 else None


def _head() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()  # type: ignore[return-value]


@dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest: Manifest
    sha256: str  # of the whole file, for the operator's records


def backup(output: Path, url: str | None = None) -> BackupResult:
    """Write a backup of the database at `url` (default: the configured one) to `output`."""
    url = url or database_url()
    output = Path(output)
    with get_engine(url).connect() as connection:
        revision = _revision(connection)
    if revision != _head():
        raise BackupError(
            f"the database is at schema {revision or 'none'}, not {_head()}: run `python -m dashboard init` first"
        )
    partial = output.with_name(f".{output.name}.partial")
    try:
        if is_sqlite(url):
            with _sqlite_snapshot(url) as snapshot_url:
                with get_engine(snapshot_url).connect() as connection:
                    manifest = _write(connection, partial, revision, "sqlite")
                dispose_engine(snapshot_url)
        else:
            with get_engine(url).connect() as connection:
                connection = connection.execution_options(isolation_level="REPEATABLE READ")
                with connection.begin():
                    connection.execute(sa.text("SET TRANSACTION READ ONLY"))
                    manifest = _write(connection, partial, revision, "postgresql")
        os.replace(partial, output)
    finally:
        partial.unlink(missing_ok=True)
    return BackupResult(output, manifest, _file_sha256(output))


class _sqlite_snapshot:  # noqa: N801 - used as a context manager
    """A consistent copy of a SQLite database, made with SQLite's online backup API."""

    def __init__(self, url: str) -> None:
        self.source = make_url(url).database

    def __enter__(self) -> str:
        self.folder = tempfile.TemporaryDirectory(prefix="livinglab-backup-")
        target = Path(self.folder.name) / "snapshot.db"
        source = sqlite3.connect(self.source)
        copy = sqlite3.connect(target)
        try:
            with copy:
                source.backup(copy)
        finally:
            copy.close()
            source.close()
        return f"sqlite:///{target}"

    def __exit__(self, *_exc: object) -> None:
        self.folder.cleanup()


def _write(connection: Connection, path: Path, revision: str, source: str) -> Manifest:
    tables = []
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        for table in SQLModel.metadata.sorted_tables:
            columns = list(table.columns)
            digest, rows = hashlib.sha256(), 0
            info_name = f"tables/{table.name}.jsonl"
            with archive.open(info_name, "w", force_zip64=True) as member:
                order = list(table.primary_key.columns) or columns
                result = connection.execution_options(yield_per=CHUNK_ROWS).execute(
                    sa.select(*columns).order_by(*order)
                )
                for chunk in result.partitions():
                    data = b"".join(
                        json.dumps(
                            [_encode(v) for v in row], ensure_ascii=False, separators=(",", ":")
                        ).encode()
                        + b"\n"
                        for row in chunk
                    )
                    member.write(data)
                    digest.update(data)
                    rows += len(chunk)
            tables.append(
                TableInfo(
                    table.name,
                    [c.name for c in columns],
                    [_kind(c) for c in columns],
                    rows,
                    digest.hexdigest(),
                )
            )
        manifest = Manifest(
            revision=revision,
            created_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            source=source,
            key_fingerprint=key_fingerprint(),
            tables=tables,
        )
        text = json.dumps(
            {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "revision": manifest.revision,
                "created_at": manifest.created_at,
                "source": manifest.source,
                "key_fingerprint": manifest.key_fingerprint,
                "tables": [t.__dict__ for t in tables],
            },
            indent=1,
        ).encode()
        archive.writestr(MANIFEST, text)
        archive.writestr(MANIFEST_SUM, hashlib.sha256(text).hexdigest())
    return manifest


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# ---------------------------------------------------------------- reading a backup


def read_manifest(archive: zipfile.ZipFile, name: str) -> Manifest:
    """The manifest of an open backup, checked against its checksum and this app's schema."""
    try:
        text = archive.read(MANIFEST)
        expected = archive.read(MANIFEST_SUM).decode().strip()
    except KeyError:
        raise BackupError(f"{name} is not a backup of this app (no manifest)") from None
    if hashlib.sha256(text).hexdigest() != expected:
        raise BackupError(f"{name} is corrupt: its manifest does not match its checksum")
    data = json.loads(text)
    if data.get("format") != FORMAT:
        raise BackupError(f"{name} is not a backup of this app (format {data.get('format')!r})")
    if data.get("format_version", 0) > FORMAT_VERSION:
        raise BackupError(
            f"{name} was written by a newer version of the app (backup format {data['format_version']}): "
            "upgrade the app to restore it"
        )
    manifest = Manifest(
        revision=data["revision"],
        created_at=data["created_at"],
        source=data["source"],
        key_fingerprint=data["key_fingerprint"],
        tables=[TableInfo(**t) for t in data["tables"]],
    )
    try:
        known = ScriptDirectory.from_config(alembic_config()).get_revision(manifest.revision)
    except CommandError:
        known = None
    if known is None:
        raise BackupError(
            f"{name} has a newer schema (revision {manifest.revision}) than this app knows "
            f"(up to {_head()}): upgrade the app first"
        )
    return manifest


def _lines(archive: zipfile.ZipFile, table: TableInfo) -> Iterator[bytes]:
    with archive.open(table.member) as member:
        yield from member


def _check_data(archive: zipfile.ZipFile, manifest: Manifest, name: str) -> None:
    """Every table file present, its checksum and row count as the manifest says."""
    for table in manifest.tables:
        digest, rows = hashlib.sha256(), 0
        try:
            for line in _lines(archive, table):
                digest.update(line)
                rows += 1
        except KeyError:
            raise BackupError(f"{name} is corrupt: {table.member} is missing") from None
        if digest.hexdigest() != table.sha256 or rows != table.rows:
            raise BackupError(f"{name} is corrupt: {table.member} does not match its checksum")


def open_backup(path: Path) -> tuple[zipfile.ZipFile, Manifest]:
    """An open, fully checked backup (the caller closes it)."""
    name = Path(path).name
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise BackupError(f"{path}: no such file") from None
    except (zipfile.BadZipFile, OSError):
        raise BackupError(
            f"{name} is not a backup of this app (not a zip archive), or it is truncated"
        ) from None
    try:
        manifest = read_manifest(archive, name)
        _check_data(archive, manifest, name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError) as error:
        archive.close()
        raise BackupError(f"{name} is corrupt: {error}") from None
    except BaseException:
        archive.close()
        raise
    return archive, manifest


# ---------------------------------------------------------------- restore


@dataclass(frozen=True)
class RestoreResult:
    manifest: Manifest
    migrated_from: str | None  # the backup's revision when it was migrated on to the current one


def _check_target(connection: Connection, manifest: Manifest) -> str | None:
    """The target's revision, once sure it holds no data."""
    inspector = sa.inspect(connection)
    existing = set(inspector.get_table_names())
    for table in manifest.tables:
        if table.name in existing:
            count = connection.execute(sa.select(sa.func.count()).select_from(sa.table(table.name))).scalar()
            if count:
                raise BackupError(
                    f"the target database is not empty ({table.name} holds {count} rows): "
                    "restore into an empty database"
                )
    revision = _revision(connection) if "alembic_version" in existing else None
    if revision is None and existing - {"alembic_version"}:
        raise BackupError(
            "the target database holds tables of another application: restore into an empty database"
        )
    return revision


def restore(path: Path, url: str | None = None) -> RestoreResult:
    """Restore the backup at `path` into the empty database at `url` (default: the configured
    one). Everything is checked before anything is written (see the module docstring)."""
    url = url or database_url()
    archive, manifest = open_backup(path)
    with archive:
        script = ScriptDirectory.from_config(alembic_config(url))
        with get_engine(url).connect() as connection:
            current = _check_target(connection, manifest)
        if current is not None and current != manifest.revision:
            ancestors = {r.revision for r in script.iterate_revisions(manifest.revision, "base")}
            if current not in ancestors:
                raise BackupError(
                    f"the target database is at schema {current}, newer than the backup's "
                    f"{manifest.revision}: restore into a new database (do not run init on it first)"
                )
        command.upgrade(alembic_config(url), manifest.revision)
        engine = get_engine(url)
        with engine.begin() as connection:
            _load(connection, archive, manifest)
        if manifest.revision != _head():
            command.upgrade(alembic_config(url), "heads")
    return RestoreResult(manifest, manifest.revision if manifest.revision != _head() else None)


def _target_table(connection: Connection, table: TableInfo) -> sa.Table:
    """The target's table (as migrated to the backup's revision) with the app's own column types
    where it knows the column, so that values are stored as the app stores them."""
    reflected = sa.Table(table.name, sa.MetaData(), autoload_with=connection)
    known = SQLModel.metadata.tables.get(table.name)
    missing = [c for c in table.columns if c not in reflected.columns]
    if missing:
        raise BackupError(
            f"the backup's table {table.name} has columns the schema lacks: {', '.join(missing)}"
        )
    columns = []
    for name in table.columns:
        column_type = (
            known.columns[name].type
            if known is not None and name in known.columns
            else reflected.columns[name].type
        )
        columns.append(sa.Column(name, column_type, primary_key=reflected.columns[name].primary_key))
    return sa.Table(table.name, sa.MetaData(), *columns)


def _load(connection: Connection, archive: zipfile.ZipFile, manifest: Manifest) -> None:
    for info in manifest.tables:
        table = _target_table(connection, info)
        decoders = [_decoder(kind) for kind in info.kinds]
        reflected = sa.Table(info.name, sa.MetaData(), autoload_with=connection)
        # A column referring to its own table (an objective's parent, a decision it supersedes):
        # a row whose target comes later in the file is inserted without it, then completed.
        own = [
            (fk.parent.name, fk.column.name)
            for fk in reflected.foreign_keys
            if fk.column.table.name == info.name and fk.parent.name in info.columns
        ]
        seen: dict[str, set] = {target: set() for _, target in own}
        later: list[tuple[dict, str, Any]] = []
        chunk: list[dict] = []
        for line in _lines(archive, info):
            row = {
                name: decode(value)
                for name, decode, value in zip(info.columns, decoders, json.loads(line), strict=True)
            }
            for column, target in own:
                value = row[column]
                if value is not None and value not in seen[target]:
                    later.append(({c.name: row[c.name] for c in table.primary_key.columns}, column, value))
                    row[column] = None
            for target in seen:
                seen[target].add(row[target])
            chunk.append(row)
            if len(chunk) >= CHUNK_ROWS:
                connection.execute(table.insert(), chunk)
                chunk = []
        if chunk:
            connection.execute(table.insert(), chunk)
        for key, column, value in later:
            condition = sa.and_(*(table.c[name] == v for name, v in key.items()))
            connection.execute(table.update().where(condition).values({column: value}))
    if connection.dialect.name == "postgresql":
        _reset_sequences(connection, manifest)


def _reset_sequences(connection: Connection, manifest: Manifest) -> None:
    """Move each serial column's sequence past the ids restored, so new rows get new ids."""
    for info in manifest.tables:
        for column in info.columns:
            sequence = connection.execute(
                sa.text("SELECT pg_get_serial_sequence(:table, :column)"),
                {"table": info.name, "column": column},
            ).scalar()
            if sequence:
                connection.execute(
                    sa.text(
                        f'SELECT setval(:sequence, COALESCE((SELECT MAX("{column}") FROM "{info.name}"), 0) + 1, false)'
                    ),
                    {"sequence": sequence},
                )
