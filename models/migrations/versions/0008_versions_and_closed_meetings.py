"""a version on every record users edit; closed meetings and their corrections

Meetings, survey waves, indicator definitions, the project's settings and maturity rounds (their
consensus) get a `version` column, used for optimistic locking as actions already were: the
second of two simultaneous saves is refused instead of silently undoing the first.

A meeting can be closed (`closed_by`, `closed_at`, status `closed`); a closed meeting's
attendance, quorum rule and agenda then change only by a correction, one `meeting_correction`
row per thing changed (who, when, why, from and to), shown in the minutes.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VERSIONED = ("project", "meeting", "survey_wave", "indicator", "maturity_round")


def upgrade() -> None:
    for table in VERSIONED:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    op.add_column(
        "meeting",
        sa.Column("closed_by", sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=""),
    )
    op.add_column("meeting", sa.Column("closed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
    op.create_table(
        "meeting_correction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("field", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=False),
        sa.Column("new_value", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("corrected_by", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("corrected_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_correction_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_correction")),
    )
    with op.batch_alter_table("meeting_correction") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_correction_corrected_at"), ["corrected_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_meeting_correction_meeting_id"), ["meeting_id"], unique=False)


def downgrade() -> None:
    op.drop_table("meeting_correction")
    # ALTER TABLE ... DROP COLUMN (SQLite >= 3.35, PostgreSQL): a batch copy of `project` would
    # drop the table every other one references.
    op.execute("ALTER TABLE meeting DROP COLUMN closed_at")
    op.execute("ALTER TABLE meeting DROP COLUMN closed_by")
    for table in VERSIONED:
        op.execute(f"ALTER TABLE {table} DROP COLUMN version")
