"""SQL that tries to recover small cells from the Explore catalogue gets only suppressed values.

The fixture is the demo's Chronicopôle project: its raw risk counts (read straight from the
database) hold cells of 1-4 persons; every attack below targets those cells."""

from __future__ import annotations

import polars as pl
import pytest

from dashboard.services.access import actor_for
from dashboard.services.explore.catalogue import MARGIN, catalogue
from dashboard.services.explore.sql import run_query
from dashboard.services.population.risk import ALL, ALL_STRATA, _counts


@pytest.fixture
def explore(demo_sqlite):  # noqa: ANN001, ANN201
    actor = actor_for("demo-academic", "chronicopole")
    datasets = catalogue(actor)
    frames = {name: d.frame for name, d in datasets.items()}
    counts = {c for d in datasets.values() for c in d.count_columns}
    return actor, frames, counts


def _small_raw_cells(project_id: int) -> pl.DataFrame:
    raw = _counts(project_id).filter(pl.col("persons").is_between(1, 4))
    return raw.with_columns(
        pl.when(pl.col("stratum") == ALL_STRATA)
        .then(pl.lit(MARGIN))
        .otherwise(pl.col("stratum").cast(pl.String))
        .alias("stratum"),
        *[
            pl.when(pl.col(c) == ALL).then(pl.lit(MARGIN)).otherwise(pl.col(c)).alias(c)
            for c in ("age_band", "sex")
        ],
    )


def _numbers(result: pl.DataFrame) -> list[float]:
    numeric = [c for c, dtype in result.schema.items() if dtype.is_numeric()]
    return [v for c in numeric for v in result[c].drop_nulls().to_list()]


def _reveals_small(result: pl.DataFrame) -> list[float]:
    return [v for v in _numbers(result) if 0 < v < 5]


def _target(explore) -> dict:  # noqa: ANN001
    actor, frames, _ = explore
    small = _small_raw_cells(actor.project_id).filter(
        (pl.col("age_band") != MARGIN) & (pl.col("sex") != MARGIN) & (pl.col("stratum") != MARGIN)
    )
    assert small.height > 0, "the fixture must hold small cells for the attacks to mean anything"
    cell = small.row(0, named=True)
    return {**cell, "region_code": _code_of(cell["region_id"])}


def _code_of(region_id: int) -> str:
    from sqlmodel import select

    from models.db import session_scope
    from models.tables import CareRegion

    with session_scope() as session:
        return session.exec(select(CareRegion.code).where(CareRegion.id == region_id)).one()


def _where(cell: dict, *, age_band: str | None = None) -> str:
    band = cell["age_band"] if age_band is None else age_band
    return (
        f"year = {cell['year']} AND region_code = '{cell['region_code']}' AND stratum = '{cell['stratum']}'"
        f" AND sex = '{cell['sex']}' AND age_band = '{band}'"
    )


def test_the_small_cell_reaches_sql_as_null(explore):  # noqa: ANN001
    _, frames, counts = explore
    cell = _target(explore)
    result, _ = run_query(
        frames, f"SELECT persons, persons_suppressed FROM risk_counts WHERE {_where(cell)}", counts
    )
    assert result.rows() == [(None, True)]


def test_a_finer_group_by_returns_no_small_sum(explore):  # noqa: ANN001
    _, frames, counts = explore
    result, _ = run_query(
        frames,
        "SELECT year, region_code, stratum, age_band, sex, SUM(persons) AS persons, COUNT(persons) AS n"
        " FROM risk_counts WHERE NOT is_margin GROUP BY ALL",
        counts,
    )
    assert result.height > 0
    assert _reveals_small(result) == []


def test_a_total_minus_its_shown_parts_is_not_a_small_number(explore):  # noqa: ANN001
    _, frames, counts = explore
    cell = _target(explore)
    others = _where(cell).replace(
        f"age_band = '{cell['age_band']}'", f"age_band NOT IN ('{MARGIN}', '{cell['age_band']}')"
    )
    sql = (
        f"WITH total AS (SELECT persons FROM risk_counts WHERE {_where(cell, age_band=MARGIN)}),"
        f" shown AS (SELECT SUM(persons) AS persons FROM risk_counts WHERE {others})"
        " SELECT total.persons - shown.persons AS derived, (total.persons - shown.persons) / 10.0 AS tenth"
        " FROM total CROSS JOIN shown"
    )
    result, _ = run_query(frames, sql, counts)
    derived, tenth = result.row(0)
    assert derived is None or derived >= 5
    assert tenth is None or tenth * 10 >= 5 or tenth == 0


def test_a_window_over_the_margins_is_not_a_small_number(explore):  # noqa: ANN001
    _, frames, counts = explore
    sql = (
        "SELECT year, region_code, stratum, sex, age_band,"
        " MAX(CASE WHEN age_band = 'all' THEN persons END) OVER (PARTITION BY year, region_code, stratum, sex)"
        " - SUM(CASE WHEN age_band <> 'all' THEN persons END) OVER (PARTITION BY year, region_code, stratum, sex)"
        " AS hidden FROM risk_counts"
    )
    result, _ = run_query(frames, sql, counts)
    assert result.height > 0
    assert _reveals_small(result) == []


def test_a_join_of_two_datasets_reveals_no_small_cell(explore):  # noqa: ANN001
    _, frames, counts = explore
    sql = (
        "SELECT r.region_code, r.year, i.period, r.persons - COALESCE(i.numerator, 0) AS d, r.persons"
        " FROM risk_counts r JOIN indicator_values i ON r.region_code = i.region_code"
        " WHERE NOT r.is_margin"
    )
    result, _ = run_query(frames, sql, counts)
    assert _reveals_small(result) == []


def test_survey_respondents_of_one_category_are_not_recovered_from_the_total(explore):  # noqa: ANN001
    _, frames, counts = explore
    sql = (
        "WITH parts AS (SELECT wave, code, SUM(respondents) AS shown FROM survey_results"
        " WHERE category <> (SELECT MIN(category) FROM survey_results) GROUP BY wave, code)"
        " SELECT s.wave, s.code, s.category, s.respondents, s.respondents - p.shown AS rest"
        " FROM survey_results s JOIN parts p ON s.wave = p.wave AND s.code = p.code"
    )
    result, _ = run_query(frames, sql, counts)
    assert _reveals_small(result) == []
