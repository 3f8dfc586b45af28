"""one data version per area of a project

Pages cache their reads under the project's data version, which every write increments: an
action's status change threw away the risk map's cached figures, seconds to rebuild at
national scale. Each area (actions, governance, population, partners, evaluation) now has its
own version beside the project-wide one.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

AREAS = ("actions", "governance", "population", "partners", "evaluation")


def upgrade() -> None:
    for area in AREAS:
        op.add_column(
            "project", sa.Column(f"{area}_version", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN (SQLite >= 3.35, PostgreSQL): a batch copy of the table
    # would drop `project`, which every other table references.
    for area in AREAS:
        op.execute(f"ALTER TABLE project DROP COLUMN {area}_version")
