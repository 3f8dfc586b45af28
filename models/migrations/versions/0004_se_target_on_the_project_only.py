"""the social-entrepreneurship indicator's target is the project's target, stored once

The computed indicator `social_entrepreneurship_share` (SE_SHARE) kept a target of its own
(25 %) beside the project's social-entrepreneurship target that an admin sets (30 %): two
sources of truth. The project's target (a share, 0..1) is now the one stored value, and the
indicator shows it in %. A project without a target takes the indicator's; the indicator's own
target is then emptied. Downgrading copies the project's target back onto the indicator.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SE_COMPUTATION = "social_entrepreneurship_share"

project = sa.table(
    "project", sa.column("id", sa.Integer()), sa.column("social_entrepreneurship_target", sa.Float())
)
indicator = sa.table(
    "indicator",
    sa.column("id", sa.Integer()),
    sa.column("project_id", sa.Integer()),
    sa.column("computation", sa.String()),
    sa.column("target_value", sa.Float()),
)


def upgrade() -> None:
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(indicator.c.project_id, indicator.c.target_value).where(
            indicator.c.computation == SE_COMPUTATION, indicator.c.target_value.is_not(None)
        )
    ).all()
    for project_id, target_value in rows:
        connection.execute(
            project.update()
            .where(project.c.id == project_id, project.c.social_entrepreneurship_target.is_(None))
            .values(social_entrepreneurship_target=target_value / 100)
        )
    connection.execute(
        indicator.update().where(indicator.c.computation == SE_COMPUTATION).values(target_value=None)
    )


def downgrade() -> None:
    connection = op.get_bind()
    targets = connection.execute(
        sa.select(project.c.id, project.c.social_entrepreneurship_target).where(
            project.c.social_entrepreneurship_target.is_not(None)
        )
    ).all()
    for project_id, share in targets:
        connection.execute(
            indicator.update()
            .where(indicator.c.project_id == project_id, indicator.c.computation == SE_COMPUTATION)
            .values(target_value=100 * share)
        )
