"""`python -m dashboard backup` and `restore`: a round trip leaves every table equal and the
decision logs verifying, on SQLite, on PostgreSQL and from SQLite to PostgreSQL; a corrupt
file, a newer schema or a database holding data is refused in one line with a non-zero exit,
and nothing is written; a different log key is named as the cause when the log does not
verify. (Before: no backup command at all.)"""

from __future__ import annotations

import json
import os
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlmodel import SQLModel

from dashboard.cli import main
from dashboard.services.governance import meetings
from dashboard.services.access import actor_for
from models import backup as backups
from models.db import URL_VARIABLE, dispose_engines, get_engine
from models.tables import Objective
from dashboard import clock

TODAY = clock.today()


def _use(url: str) -> None:
    dispose_engines()
    os.environ[URL_VARIABLE] = url


def run(capsys, url: str, *args: str) -> tuple[int, str, str]:  # noqa: ANN001
    _use(url)
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def tables_of(url: str) -> dict[str, list[tuple]]:
    """Every row of every table of the app, in primary-key order, as the app reads them."""
    found = {}
    with get_engine(url).connect() as connection:
        for table in SQLModel.metadata.sorted_tables:
            order = list(table.primary_key.columns) or list(table.columns)
            found[table.name] = [tuple(r) for r in connection.execute(sa.select(table).order_by(*order))]
    return found


@pytest.fixture
def new_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator:
    """A maker of new, empty databases (no tables at all) on SQLite or on PostgreSQL."""
    made: list[tuple[sa.Engine, str]] = []

    def make(backend: str) -> str:
        if backend == "sqlite":
            return f"sqlite:///{tmp_path / f'target-{uuid.uuid4().hex[:6]}.db'}"
        server = request.getfixturevalue("postgres_server")
        name = f"ll_restore_{uuid.uuid4().hex[:10]}"
        admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
        made.append((admin, name))
        return make_url(server).set(database=name).render_as_string(hide_password=False)

    yield make
    dispose_engines()
    for admin, name in made:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _backend(url: str) -> str:
    return make_url(url).get_backend_name()


def _add_later_rows(url: str) -> None:
    """Rows a plain dump in id order would trip on: an objective whose parent comes after it
    in the table, and a closed meeting with a correction."""
    _use(url)
    with get_engine(url).begin() as connection:
        first = connection.execute(
            sa.select(Objective.id, Objective.project_id).where(Objective.level == 2).order_by(Objective.id)
        ).first()
        new_parent = connection.execute(
            sa.insert(Objective)
            .values(project_id=first.project_id, code="99", level=1, title="Later parent", description="")
            .returning(Objective.id)
        ).scalar()
        connection.execute(sa.update(Objective).where(Objective.id == first.id).values(parent_id=new_parent))
    coordinator = actor_for("demo-coordinator", "chronicopole")
    closed = next(
        m for m in meetings.meetings_list(coordinator)["id"] if meetings.meeting_view(coordinator, m).closed
    )
    view = meetings.meeting_view(coordinator, closed)
    meetings.update_meeting(
        coordinator,
        closed,
        held_on=view.meeting["held_on"],
        title=view.meeting["title"],
        location="Huy",
        quorum_min=view.meeting["quorum_min"],
        attendees=list(view.attendees),
        correction_reason="Held in Huy, not Liège.",
    )


def _round_trip(capsys, source: str, target: str, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    _add_later_rows(source)
    monkeypatch.setattr(backups, "CHUNK_ROWS", 7)  # many chunks, their edges crossed
    before = tables_of(source)
    file = tmp_path / "backup.zip"
    code, out, err = run(capsys, source, "backup", "-o", str(file))
    assert code == 0, err
    assert "sha256" in out and "key is not in the backup" in out
    with zipfile.ZipFile(file) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["revision"] == backups._head() and manifest["source"] == _backend(source)
    assert {t["name"] for t in manifest["tables"]} == set(SQLModel.metadata.tables)

    code, out, err = run(capsys, target, "restore", str(file))
    assert code == 0, err
    assert "chronicopole: decision log intact" in out and "empact: decision log intact" in out
    after = tables_of(target)
    for name, rows in before.items():
        assert after[name] == rows, name
    assert sum(map(len, before.values())) > 1000
    # The restored database works on: new rows get new ids (PostgreSQL sequences moved on).
    _use(target)
    new_id = meetings.create_meeting(actor_for("demo-coordinator", "empact"), TODAY, "Stuurgroep")
    assert new_id > max(row[0] for row in before["meeting"])
    assert run(capsys, target, "decisions", "verify", "--project", "empact")[0] == 0


def test_a_round_trip_leaves_every_table_equal_and_the_log_verifying(
    demo_db, new_database, capsys, tmp_path, monkeypatch
):
    _round_trip(capsys, demo_db, new_database(_backend(demo_db)), tmp_path, monkeypatch)


@pytest.mark.postgres
def test_a_sqlite_backup_restores_into_postgresql(demo_sqlite, new_database, capsys, tmp_path, monkeypatch):
    _round_trip(capsys, demo_sqlite, new_database("postgresql"), tmp_path, monkeypatch)


@pytest.fixture
def saved(demo_sqlite, capsys, tmp_path) -> Path:  # noqa: ANN001
    file = tmp_path / "saved.zip"
    assert run(capsys, demo_sqlite, "backup", "-o", str(file))[0] == 0
    return file


def _rewrite(source: Path, target: Path, change) -> None:  # noqa: ANN001
    """A copy of a backup with one member changed by `change(name, data) -> data`."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            new.writestr(item.filename, change(item.filename, old.read(item.filename)))


def _refused(capsys, target: str, file: Path, words: str) -> None:  # noqa: ANN001
    code, out, err = run(capsys, target, "restore", str(file))
    assert code == 2 and words in err, err
    assert err.count("\n") == 1 and err.startswith("error: ")
    assert not sa.inspect(get_engine(target)).get_table_names()  # nothing written, not even tables


def test_a_corrupt_or_foreign_file_is_refused_and_nothing_is_written(saved, new_database, capsys, tmp_path):
    target = new_database("sqlite")
    # A row changed in a table's file (the zip itself is sound).
    changed = tmp_path / "changed.zip"
    _rewrite(
        saved,
        changed,
        lambda name, data: (
            data.replace(b'"Chronicop', b'"Xhronicop', 1) if name == "tables/project.jsonl" else data
        ),
    )
    _refused(capsys, target, changed, "tables/project.jsonl does not match its checksum")
    # A table's file missing.
    missing = tmp_path / "missing.zip"
    with zipfile.ZipFile(saved) as old, zipfile.ZipFile(missing, "w") as new:
        for item in old.infolist():
            if item.filename != "tables/decision.jsonl":
                new.writestr(item.filename, old.read(item.filename))
    _refused(capsys, target, missing, "tables/decision.jsonl is missing")
    # The manifest edited without its checksum.
    forged = tmp_path / "forged.zip"
    _rewrite(
        saved,
        forged,
        lambda name, data: data.replace(b'"rows": ', b'"rows": 1', 1) if name == "manifest.json" else data,
    )
    _refused(capsys, target, forged, "its manifest does not match its checksum")
    # Bytes damaged on disk: the zip's own CRC or structure catches it.
    damaged = tmp_path / "damaged.zip"
    data = bytearray(saved.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = bytes(64)
    damaged.write_bytes(bytes(data))
    _refused(capsys, target, damaged, "damaged.zip")
    # Not a backup at all, or cut short.
    text = tmp_path / "notes.zip"
    text.write_text("not a zip")
    _refused(capsys, target, text, "not a backup of this app")
    cut = tmp_path / "cut.zip"
    cut.write_bytes(saved.read_bytes()[: len(data) // 3])
    _refused(capsys, target, cut, "cut.zip")


def test_a_backup_of_a_newer_schema_is_refused(saved, new_database, capsys, tmp_path):
    import hashlib

    newer = tmp_path / "newer.zip"

    def change(name: str, data: bytes) -> bytes:
        if name == "manifest.json":
            return data.replace(f'"revision": "{backups._head()}"'.encode(), b'"revision": "0999"')
        return data

    with zipfile.ZipFile(saved) as old, zipfile.ZipFile(newer, "w") as new:
        manifest = change("manifest.json", old.read("manifest.json"))
        for item in old.infolist():
            if item.filename == "manifest.json":
                new.writestr(item.filename, manifest)
            elif item.filename == "manifest.sha256":
                new.writestr(item.filename, hashlib.sha256(manifest).hexdigest())
            else:
                new.writestr(item.filename, old.read(item.filename))
    _refused(capsys, new_database("sqlite"), newer, "newer schema (revision 0999)")


def test_a_database_holding_data_is_not_restored_over(saved, demo_sqlite, capsys):
    before = tables_of(demo_sqlite)
    code, _, err = run(capsys, demo_sqlite, "restore", str(saved))
    assert code == 2 and "the target database is not empty" in err and err.count("\n") == 1
    assert tables_of(demo_sqlite) == before


def test_an_initialised_empty_database_is_restored_into(saved, demo_sqlite, empty_sqlite, capsys):
    code, out, err = run(capsys, empty_sqlite, "restore", str(saved))
    assert code == 0, err
    assert tables_of(empty_sqlite) == tables_of(demo_sqlite)


def test_restore_says_when_the_log_key_is_another(saved, new_database, capsys, monkeypatch):
    monkeypatch.setenv("LIVINGLAB_LOG_KEY", "another-server-key-" + "z" * 40)
    code, out, err = run(capsys, new_database("sqlite"), "restore", str(saved))
    assert code == 1
    assert "chronicopole: decision log does not verify" in err
    assert "sealed with another key" in err and "LIVINGLAB_LOG_KEY" in err


def test_backup_needs_a_migrated_database(new_database, capsys, tmp_path):
    code, _, err = run(capsys, new_database("sqlite"), "backup", "-o", str(tmp_path / "b.zip"))
    assert code == 2 and "python -m dashboard init" in err and err.count("\n") == 1
    assert not (tmp_path / "b.zip").exists()


def test_a_backup_is_written_whole_or_not_at_all(demo_sqlite, capsys, tmp_path, monkeypatch):
    file = tmp_path / "b.zip"

    def broken(*_args, **_kwargs):  # noqa: ANN002, ANN003, ANN202
        raise OSError(28, "No space left on device", str(file))

    monkeypatch.setattr(backups, "_file_sha256", broken)
    monkeypatch.setattr(backups.os, "replace", broken)
    code, _, err = run(capsys, demo_sqlite, "backup", "-o", str(file))
    assert code == 2 and "No space left" in err
    assert not file.exists() and not list(tmp_path.glob(".b.zip*"))
