"""Migration 0007 seals the logs kept before the key existed: a log whose old SHA-256 chain was
intact verifies intact afterwards; one already tampered with stays broken. SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import json

from alembic import command
from sqlalchemy import text

from dashboard.services.access import cli_actor
from dashboard.services.governance import decisions as governance
from models import migrate
from models.db import dispose_engines, get_engine
from models.log_seal import GENESIS


def _legacy_hash(content: dict, previous: str) -> str:
    payload = json.dumps(
        {"content": content, "previous_hash": previous},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def _back_to_the_sha256_log(url: str) -> None:
    """The database as revision 0006 left it: entries chained with plain SHA-256."""
    from models.db import session_scope
    from models.tables import Decision
    from sqlmodel import select

    with session_scope() as session:
        entries = session.exec(select(Decision).order_by(Decision.project_id, Decision.sequence)).all()
        previous: dict[int, str] = {}
        for entry in entries:
            entry.previous_hash = previous.get(entry.project_id, GENESIS)
            entry.entry_hash = _legacy_hash(governance.entry_content(entry), entry.previous_hash)
            previous[entry.project_id] = entry.entry_hash
            session.add(entry)
        session.commit()
    dispose_engines()
    command.downgrade(migrate.alembic_config(url), "0006")
    dispose_engines()


def test_an_intact_log_verifies_intact_after_the_upgrade(demo_db):
    _back_to_the_sha256_log(demo_db)
    migrate.upgrade(demo_db)
    dispose_engines()
    for slug in ("chronicopole", "empact"):
        check = governance.verify_chain(cli_actor(slug))
        assert check.intact and check.entries > 5, (slug, check.problems)
    reviews = (
        get_engine()
        .connect()
        .execute(text("SELECT count(*) FROM decision_condition_review WHERE mac = ''"))
        .scalar()
    )
    assert reviews == 0


def test_a_log_already_broken_is_not_blessed_by_the_upgrade(demo_db):
    _back_to_the_sha256_log(demo_db)
    with get_engine().begin() as connection:
        connection.execute(
            text(
                "UPDATE decision SET rationale = 'edited before the upgrade' WHERE sequence = 4 AND "
                "project_id = (SELECT id FROM project WHERE slug = 'empact')"
            )
        )
    migrate.upgrade(demo_db)
    dispose_engines()
    assert not governance.verify_chain(cli_actor("empact")).intact
    assert governance.verify_chain(cli_actor("chronicopole")).intact
