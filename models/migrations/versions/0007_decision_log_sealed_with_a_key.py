"""the decision log sealed with a server key, condition reviews chained, a sealed head

Entries were chained with plain SHA-256, which anyone with database access could recompute after
rewriting an entry; condition reviews were outside the chain; and deleting the newest entries
went unnoticed. Entries are now sealed with HMAC-SHA256 under a key kept outside the database
(models.log_key), condition reviews get their own sealed chain, and `decision_log_head` seals how
many entries and reviews each project's log holds.

This migration re-seals each project's existing log with the key, but only after checking it
against its old SHA-256 chain: a log that was already broken is left as it was (and reported
here), so `decisions verify` keeps showing the damage instead of the migration blessing it.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

import hashlib
import json
import logging
from collections.abc import Sequence
from types import SimpleNamespace

import sqlalchemy as sa
import sqlmodel
from alembic import op

from models import log_seal
from models.log_key import log_key

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger("alembic.runtime.migration")

decision = sa.table(
    "decision",
    sa.column("id", sa.Integer),
    sa.column("project_id", sa.Integer),
    sa.column("sequence", sa.Integer),
    sa.column("action_id", sa.Integer),
    sa.column("meeting_id", sa.Integer),
    sa.column("outcome", sa.String),
    sa.column("conditions", sa.Text),
    sa.column("rationale", sa.Text),
    sa.column("review_date", sa.Date),
    sa.column("recorded_by", sa.String),
    sa.column("recorded_at", sqlmodel.sql.sqltypes.UTCDateTime()),
    sa.column("evidence", sa.JSON),
    sa.column("supersedes_id", sa.Integer),
    sa.column("correction_reason", sa.Text),
    sa.column("previous_hash", sa.String),
    sa.column("entry_hash", sa.String),
)
review = sa.table(
    "decision_condition_review",
    sa.column("id", sa.Integer),
    sa.column("decision_id", sa.Integer),
    sa.column("met", sa.Boolean),
    sa.column("note", sa.Text),
    sa.column("recorded_by", sa.String),
    sa.column("recorded_at", sqlmodel.sql.sqltypes.UTCDateTime()),
    sa.column("sequence", sa.Integer),
    sa.column("previous_mac", sa.String),
    sa.column("mac", sa.String),
)
head = sa.table(
    "decision_log_head",
    sa.column("project_id", sa.Integer),
    sa.column("entries", sa.Integer),
    sa.column("last_mac", sa.String),
    sa.column("reviews", sa.Integer),
    sa.column("last_review_mac", sa.String),
    sa.column("mac", sa.String),
)


def _legacy_hash(content: dict, previous: str) -> str:
    """The SHA-256 that sealed entries before this revision."""
    payload = json.dumps(
        {"content": content, "previous_hash": previous},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def _legacy_intact(entries: list) -> bool:
    previous = log_seal.GENESIS
    for expected, entry in enumerate(entries, start=1):
        if entry.sequence != expected or entry.previous_hash != previous:
            return False
        if _legacy_hash(log_seal.entry_content(entry), entry.previous_hash) != entry.entry_hash:
            return False
        previous = entry.entry_hash
    return True


def upgrade() -> None:
    with op.batch_alter_table("decision_condition_review", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sequence", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(
            sa.Column(
                "previous_mac", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False, server_default=""
            )
        )
        batch_op.add_column(
            sa.Column("mac", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False, server_default="")
        )
    op.create_table(
        "decision_log_head",
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.Column("last_mac", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("reviews", sa.Integer(), nullable=False),
        sa.Column("last_review_mac", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("mac", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["project.id"],
            name=op.f("fk_decision_log_head_project_id_project"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("project_id", name=op.f("pk_decision_log_head")),
    )
    connection = op.get_bind()
    projects = [row[0] for row in connection.execute(sa.select(decision.c.project_id).distinct())]
    if not projects:
        return
    key = log_key()
    for project_id in projects:
        entries = connection.execute(
            sa.select(decision).where(decision.c.project_id == project_id).order_by(decision.c.sequence)
        ).all()
        if not _legacy_intact(entries):
            log.warning(
                "decision log of project %s was already broken: left as it was, "
                "`decisions verify` reports it",
                project_id,
            )
            continue
        previous = log_seal.GENESIS
        macs: dict[int, tuple[int, str]] = {}
        for entry in entries:
            mac = log_seal.entry_mac(key, log_seal.entry_content(entry), previous)
            connection.execute(
                sa.update(decision)
                .where(decision.c.id == entry.id)
                .values(previous_hash=previous, entry_hash=mac)
            )
            macs[entry.id] = (entry.sequence, mac)
            previous = mac
        rows = connection.execute(
            sa.select(review)
            .where(review.c.decision_id.in_(list(macs)))
            .order_by(review.c.recorded_at, review.c.id)
        ).all()
        previous_review = log_seal.GENESIS
        for number, row in enumerate(rows, start=1):
            sequence, decision_mac = macs[row.decision_id]
            content = log_seal.review_content(
                SimpleNamespace(**{**row._asdict(), "sequence": number}), project_id, sequence, decision_mac
            )
            mac = log_seal.review_mac(key, content, previous_review)
            connection.execute(
                sa.update(review)
                .where(review.c.id == row.id)
                .values(sequence=number, previous_mac=previous_review, mac=mac)
            )
            previous_review = mac
        connection.execute(
            sa.insert(head).values(
                project_id=project_id,
                entries=len(entries),
                last_mac=previous,
                reviews=len(rows),
                last_review_mac=previous_review,
                mac=log_seal.head_mac(key, project_id, len(entries), previous, len(rows), previous_review),
            )
        )


def downgrade() -> None:
    op.drop_table("decision_log_head")
    with op.batch_alter_table("decision_condition_review", schema=None) as batch_op:
        batch_op.drop_column("mac")
        batch_op.drop_column("previous_mac")
        batch_op.drop_column("sequence")
