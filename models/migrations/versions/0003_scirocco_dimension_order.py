"""SCIROCCO dimensions 4 and 5 in the official order

The self-assessment numbered "Finance & Funding" 4 and "Standardisation & Simplification" 5;
the SCIROCCO / B3 maturity model numbers them the other way round (4 Standardisation &
Simplification, 5 Funding; issue #16). Stored dimension numbers (individual scores, consensus,
actions' dimensions) are swapped so that each keeps its meaning under the official number.
Downgrading swaps them back. The swap goes through a free number (-4): the unique constraints
on (round, assessor, dimension) and (round, dimension) are checked row by row.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("maturity_score", "maturity_consensus", "action_maturity_dimension")


def _swap_four_and_five() -> None:
    for table in TABLES:
        for old, new in ((4, -4), (5, 4), (-4, 5)):
            op.execute(
                sa.text(f"UPDATE {table} SET dimension = :new WHERE dimension = :old").bindparams(
                    old=old, new=new
                )
            )


def upgrade() -> None:
    _swap_four_and_five()


def downgrade() -> None:
    _swap_four_and_five()
