"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

from models import migrate
from models.db import get_engine


def test_migrations_match_the_models(empty_db):
    assert migrate.is_up_to_date()
    with get_engine().connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, SQLModel.metadata)
    assert differences == []


def test_every_table_of_the_model_exists(empty_db):
    tables = set(inspect(get_engine()).get_table_names())
    assert set(SQLModel.metadata.tables) <= tables


def test_upgrade_is_idempotent(empty_db):
    migrate.upgrade()
    assert migrate.is_up_to_date()


def test_numerator_and_denominator_texts_become_trilingual(demo_db):
    """0002 down then up: a text of the single columns is copied into the three languages; the
    default catalogue's own English texts get their French and Dutch versions back."""
    from alembic import command
    from sqlalchemy import text

    from data_loaders.catalogues.indicators import CATALOGUE

    command.downgrade(migrate.alembic_config(), "0001")
    with get_engine().begin() as connection:
        old = dict(
            connection.execute(
                text(
                    "SELECT code, numerator_definition FROM indicator WHERE project_id = "
                    "(SELECT min(project_id) FROM indicator)"
                )
            ).all()
        )
        connection.execute(
            text(
                "UPDATE indicator SET numerator_definition = 'Valpartijen bij 65-plussers', "
                "denominator_definition = '' WHERE code = 'PACIC'"
            )
        )
    polypharmacy = next(d for d in CATALOGUE if d.code == "POLYPHARMACY")
    assert old["POLYPHARMACY"] == polypharmacy.numerator_definition_en  # English kept
    migrate.upgrade()
    assert migrate.is_up_to_date()
    with get_engine().connect() as connection:
        rows = {
            row.code: row
            for row in connection.execute(
                text("SELECT * FROM indicator WHERE project_id = (SELECT min(project_id) FROM indicator)")
            )
        }
    assert "numerator_definition" not in rows["PACIC"]._fields
    assert (
        rows["PACIC"].numerator_definition_fr,
        rows["PACIC"].numerator_definition_nl,
        rows["PACIC"].numerator_definition_en,
    ) == ("Valpartijen bij 65-plussers",) * 3
    assert rows["PACIC"].denominator_definition_nl == ""
    for column in ("numerator_definition", "denominator_definition"):
        for lang in ("fr", "nl", "en"):
            assert getattr(rows["POLYPHARMACY"], f"{column}_{lang}") == getattr(
                polypharmacy, f"{column}_{lang}"
            )


def test_scirocco_dimensions_4_and_5_swap_to_the_official_order(demo_db):
    """0003 (issue #16): a score stored as 4 under the old order (Finance & Funding) is 5 after
    the upgrade, and 5 (Standardisation & Simplification) is 4; downgrading swaps back."""
    from alembic import command
    from sqlalchemy import text

    def by_dimension(table: str) -> dict[int, int]:
        with get_engine().connect() as connection:
            return dict(
                connection.execute(text(f"SELECT dimension, count(*) FROM {table} GROUP BY dimension")).all()
            )

    def scores_of(dimension: int) -> list[tuple]:
        with get_engine().connect() as connection:
            return sorted(
                connection.execute(
                    text("SELECT round_id, assessor, score FROM maturity_score WHERE dimension = :d"),
                    {"d": dimension},
                ).all()
            )

    upgraded = {d: scores_of(d) for d in (4, 5)}
    links = by_dimension("action_maturity_dimension")
    command.downgrade(migrate.alembic_config(), "0002")
    assert scores_of(5) == upgraded[4] and scores_of(4) == upgraded[5]
    assert by_dimension("action_maturity_dimension").get(4) == links.get(5)
    migrate.upgrade()
    assert migrate.is_up_to_date()
    assert {d: scores_of(d) for d in (4, 5)} == upgraded
    assert by_dimension("action_maturity_dimension") == links


def test_the_se_indicator_s_own_target_moves_to_the_project(demo_db):
    """0004: the social-entrepreneurship indicator's target is the project's, stored once. A
    project without a target takes the indicator's; the indicator's own is emptied."""
    from alembic import command
    from sqlalchemy import text

    command.downgrade(migrate.alembic_config(), "0003")
    with get_engine().begin() as connection:
        assert set(
            connection.execute(
                text("SELECT target_value FROM indicator WHERE computation = 'social_entrepreneurship_share'")
            ).scalars()
        ) == {25.0, 50.0}
        connection.execute(
            text("UPDATE project SET social_entrepreneurship_target = NULL WHERE slug = 'chronicopole'")
        )
    migrate.upgrade()
    with get_engine().connect() as connection:
        targets = dict(
            connection.execute(text("SELECT slug, social_entrepreneurship_target FROM project")).all()
        )
        left = set(
            connection.execute(
                text("SELECT target_value FROM indicator WHERE computation = 'social_entrepreneurship_share'")
            ).scalars()
        )
    assert targets["chronicopole"] == 0.25 and targets["empact"] == 0.5
    assert left == {None}
