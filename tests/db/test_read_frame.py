"""`models.db.read_frame`: a SELECT of integer, float, text and boolean columns is read in bulk
through the SQLite cursor (no SQLAlchemy row objects: half the time of reading a survey's
150,000 answers), with the same frame as polars' read_database would give."""

from __future__ import annotations

import polars as pl
import pytest
from polars.testing import assert_frame_equal
from sqlmodel import select

from models import db
from models.db import read_frame, session_scope
from models.tables import CareRegion, Project, SurveyItem


def _through_polars(statement, schema_overrides=None):  # noqa: ANN001, ANN202
    """The frame the slow path gives (polars' read_database on the SQLAlchemy connection)."""
    schema = db._statement_schema(statement) | (schema_overrides or {})
    typed = {n: d for n, d in schema.items() if d is not pl.Object}
    with db.get_engine().connect() as connection:
        frame = pl.read_database(statement, connection=connection, schema_overrides=typed)
    return pl.DataFrame(schema=schema) if frame.height == 0 else frame


STATEMENTS = {
    "text, integers, nulls and an IN list": lambda: (
        select(
            CareRegion.id, CareRegion.code, CareRegion.name, CareRegion.population, CareRegion.geometry_source
        )
        .where(CareRegion.id.in_([1, 2, 3, 5, 8]))
        .order_by(CareRegion.id)
    ),
    "booleans and a label": lambda: select(
        SurveyItem.code.label("item_code"), SurveyItem.reversed, SurveyItem.scale_min
    ).order_by(SurveyItem.id),
    "no row": lambda: select(CareRegion.id, CareRegion.name).where(CareRegion.id == -1),
}


@pytest.mark.parametrize("name", list(STATEMENTS))
def test_plain_columns_are_read_through_the_cursor_with_the_same_frame(demo_db, monkeypatch, name):
    statement = STATEMENTS[name]()
    expected = _through_polars(statement)

    def refused(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise AssertionError("plain columns read through SQLAlchemy rows")

    if db.get_engine().dialect.name == "sqlite":  # other databases keep read_database
        monkeypatch.setattr(db.pl, "read_database", refused)
    got = read_frame(statement)
    assert_frame_equal(got, expected)
    if name == "booleans and a label":
        assert got.schema["reversed"] == pl.Boolean and got["reversed"].any()
    if name == "text, integers, nulls and an IN list":
        assert got.height == 5


def test_other_columns_and_a_session_s_own_rows_still_read_as_before(demo_db):
    """Dates and enums need SQLAlchemy's conversions: those reads keep the slow path; a read in
    a unit of work sees its own uncommitted rows on both paths."""
    statement = select(Project.id, Project.slug, Project.created_at).order_by(Project.id)
    assert read_frame(statement).schema["created_at"] == pl.Datetime("us", "UTC")
    assert_frame_equal(read_frame(statement), _through_polars(statement))
    with session_scope() as session:
        project_id = read_frame(select(Project.id), session)["id"][0]
        session.add(CareRegion(project_id=project_id, code="ZZ-NEW", name="Nouvelle région"))
        session.flush()
        names = read_frame(select(CareRegion.name).where(CareRegion.code == "ZZ-NEW"), session)
        assert names["name"].to_list() == ["Nouvelle région"]
        session.rollback()
