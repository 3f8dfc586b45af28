"""Small cells of the risk map: every count below 5 is hidden, and no hidden count can be
worked out from the totals and the other cells shown, in any view the page offers."""

import itertools
import random

import numpy as np
import polars as pl
import pytest

from dashboard.services.population.risk import ALL, ALL_STRATA, PROJECT, condition_cells, stratum_cells
from dashboard.services.suppression import suppress_in_margins

TOTALS = {"region_id": PROJECT, "stratum": ALL_STRATA, "age_band": ALL, "sex": ALL}


def cube(leaves: dict[tuple, int]) -> pl.DataFrame:
    """Every cell of a region x stratum x age-band x sex table with all its margins, from its
    inner cells {(region, stratum, band, sex): persons}."""
    regions = sorted({k[0] for k in leaves})
    strata = sorted({k[1] for k in leaves})
    bands = sorted({k[2] for k in leaves})
    sexes = sorted({k[3] for k in leaves})
    rows = []
    for r, s, b, x in itertools.product(
        [PROJECT, *regions], [ALL_STRATA, *strata], [ALL, *bands], [ALL, *sexes]
    ):
        persons = sum(
            v
            for (r2, s2, b2, x2), v in leaves.items()
            if r in (PROJECT, r2) and s in (ALL_STRATA, s2) and b in (ALL, b2) and x in (ALL, x2)
        )
        rows.append({"year": 2024, "region_id": r, "stratum": s, "age_band": b, "sex": x, "persons": persons})
    return pl.DataFrame(rows)


def lines(frame: pl.DataFrame) -> list[pl.DataFrame]:
    """Every line of the table: cells equal in all dimensions but one, with its total."""
    found = []
    for dimension, total in TOTALS.items():
        others = [d for d in TOTALS if d != dimension] + ["year"]
        for _, line in frame.group_by(others):
            if (line[dimension] == total).any():
                found.append(line.with_columns((pl.col(dimension) == total).alias("is_total")))
    return found


def assert_nothing_given_away(original: pl.DataFrame, suppressed: pl.DataFrame) -> None:
    keys = ["year", "region_id", "stratum", "age_band", "sex"]
    joined = original.join(suppressed.rename({"persons": "shown"}), on=keys)
    # every small count hidden, every shown count untouched
    assert joined.filter(pl.col("persons") < 5, ~pl.col("persons_suppressed")).height == 0
    shown = joined.filter(~pl.col("persons_suppressed"))
    assert (shown["shown"] == shown["persons"]).all()
    assert (
        joined.filter(pl.col("persons_suppressed"))["shown"].null_count()
        == joined["persons_suppressed"].sum()
    )
    for line in lines(joined):
        hidden = line.filter("persons_suppressed")
        assert hidden.height != 1, line
        total = line.filter("is_total")
        if total.height and not total["persons_suppressed"][0]:
            inner_hidden = hidden.filter(~pl.col("is_total"))
            if inner_hidden.height:
                assert inner_hidden["persons"].sum() >= 5, line


def assert_no_cell_determined(original: pl.DataFrame, suppressed: pl.DataFrame) -> None:
    """No hidden count is fixed by what is shown: for every hidden cell there is a change of
    the hidden cells that keeps every line's equation (total = sum of its cells) true and
    changes that cell, i.e. a vector of the equations' null space that moves it."""
    keys = ["year", "region_id", "stratum", "age_band", "sex"]
    hidden = suppressed.filter("persons_suppressed").select(keys).rows()
    if not hidden:
        return
    index = {cell: i for i, cell in enumerate(hidden)}
    equations = [np.zeros(len(hidden))]
    marked = original.join(suppressed.select(*keys, "persons_suppressed"), on=keys)
    for line in lines(marked):
        if line["is_total"].all():  # a total without parts is no equation
            continue
        row = np.zeros(len(hidden))
        for cell, is_total in zip(line.select(keys).rows(), line["is_total"], strict=True):
            if cell in index:
                row[index[cell]] += -1.0 if is_total else 1.0
        equations.append(row)
    matrix = np.array(equations)
    padded = np.vstack([matrix, np.zeros((max(0, len(hidden) - len(matrix)), len(hidden)))])
    _, singular, vt = np.linalg.svd(padded)
    null_space = vt[int((singular > 1e-9).sum()) :]
    movable = np.abs(null_space).max(axis=0) if len(null_space) else np.zeros(len(hidden))
    for cell, amount in zip(hidden, movable, strict=True):
        assert amount > 1e-9, f"hidden cell {cell} is determined by the cells shown"


def test_a_lone_small_cell_is_hidden_with_a_companion_in_each_of_its_lines():
    leaves = {
        (1, 0, "0-17", "f"): 400,
        (1, 3, "0-17", "f"): 2,
        (2, 0, "0-17", "f"): 380,
        (2, 3, "0-17", "f"): 40,
        (3, 0, "0-17", "f"): 500,
        (3, 3, "0-17", "f"): 60,
    }
    original = cube(leaves)
    result = suppress_in_margins(original, "persons", TOTALS, keys=("year",))
    hidden = set(result.filter("persons_suppressed").select("region_id", "stratum").unique().rows())
    # the 2 itself, its region's other stratum (stratum line) and the smallest other region
    # of stratum 3 (region line), and then the cell closing the rectangle
    assert {(1, 3), (1, 0), (2, 3), (2, 0)} <= hidden
    assert_nothing_given_away(original, result)
    assert_no_cell_determined(original, result)


def test_small_cells_that_add_up_to_fewer_than_five_get_a_larger_companion():
    leaves = {(1, s, "all", "x"): n for s, n in enumerate([900, 1, 2, 300])}
    leaves |= {(2, s, "all", "x"): n for s, n in enumerate([800, 50, 60, 200])}
    original = cube(leaves)
    result = suppress_in_margins(original, "persons", TOTALS, keys=("year",))
    region_1 = result.filter(
        pl.col("region_id") == 1,
        pl.col("age_band") == ALL,
        pl.col("sex") == ALL,
        pl.col("stratum") != ALL_STRATA,
    )
    # 1 and 2 are hidden, and so is 300 (the population minus 900 would say "3 persons")
    assert region_1["persons_suppressed"].to_list() == [False, True, True, True]
    assert_nothing_given_away(original, result)
    assert_no_cell_determined(original, result)


def test_zeros_are_hidden_too():
    leaves = {
        (1, 0, "a", "x"): 0,
        (1, 1, "a", "x"): 0,
        (1, 2, "a", "x"): 70,
        (2, 0, "a", "x"): 10,
        (2, 1, "a", "x"): 20,
        (2, 2, "a", "x"): 70,
    }
    original = cube(leaves)
    result = suppress_in_margins(original, "persons", TOTALS, keys=("year",))
    assert_nothing_given_away(original, result)
    assert_no_cell_determined(original, result)


@pytest.mark.parametrize("seed", range(8))
def test_random_tables_with_many_small_cells_give_nothing_away(seed):
    rng = random.Random(seed)
    leaves = {
        (r, s, b, x): rng.choice([0, 1, 2, 3, 4, 6, 9, 15, 40, 120, 800])
        for r in (1, 2, 3)
        for s in (0, 1, 2, 3)
        for b in ("0-17", "18-64", "65+")
        for x in ("f", "m")
    }
    original = cube(leaves)
    result = suppress_in_margins(original, "persons", TOTALS, keys=("year",))
    assert_nothing_given_away(original, result)
    assert_no_cell_determined(original, result)


def test_years_are_separate_tables():
    one = cube({(1, 0, "a", "x"): 100, (1, 1, "a", "x"): 100})
    two = cube({(1, 0, "a", "x"): 100, (1, 1, "a", "x"): 3}).with_columns(
        pl.lit(2025, dtype=pl.Int64).alias("year")
    )
    result = suppress_in_margins(pl.concat([one, two]), "persons", TOTALS, keys=("year",))
    assert not result.filter(pl.col("year") == 2024)["persons_suppressed"].any()
    assert result.filter(pl.col("year") == 2025)["persons_suppressed"].any()


def counts_frame(rows: list[tuple]) -> pl.DataFrame:
    return pl.DataFrame(
        rows, schema=["region_id", "year", "stratum", "age_band", "sex", "condition", "persons"], orient="row"
    )


NO_POPULATION = pl.DataFrame(schema={"region_id": pl.Int64, "year": pl.Int64, "population": pl.Int64})


def test_the_service_cube_adds_missing_totals_and_hides_what_subtraction_would_reveal(monkeypatch):
    """A file with stratum totals and age x sex breakdowns (as IMA gives them): the page can
    show all ages, one age band, one sex, or one band and sex; nothing in any of those views
    gives a small count away."""
    import dashboard.services.population.risk as risk

    rng = random.Random(7)
    rows = []
    for region in (11, 12, 13):
        for stratum in range(4):
            leaves = {
                (b, x): (rng.choice([0, 1, 3, 7]) if stratum == 3 and b == "0-17" else rng.randint(5, 400))
                for b in ("0-17", "18-64", "65+")
                for x in ("female", "male")
            }
            rows += [(region, 2024, stratum, b, x, "", n) for (b, x), n in leaves.items()]
            rows.append((region, 2024, stratum, "", "", "", sum(leaves.values())))
    counts = counts_frame(rows)
    cells = stratum_cells(counts, NO_POPULATION)
    # the derived views exist: one age band for both sexes, one sex for all ages
    assert cells.filter(pl.col("age_band") == "0-17", pl.col("sex") == ALL).height == 4 * 5
    assert cells.filter(pl.col("age_band") == ALL, pl.col("sex") == "male").height == 4 * 5
    # the same cells with their true counts: the cube built without suppression
    monkeypatch.setattr(risk, "suppress_in_margins", lambda frame, *_, **__: frame)
    original = risk.stratum_cells(counts, NO_POPULATION)
    assert original.height == cells.height
    assert_nothing_given_away(original, cells)
    assert_no_cell_determined(original, cells)


def test_condition_counts_are_hidden_across_regions_too():
    rows = [(11, 2024, s, "", "", "diabetes", n) for s, n in ((1, 2), (2, 1))]
    rows += [(12, 2024, s, "", "", "diabetes", n) for s, n in ((1, 300), (2, 90))]
    rows += [(13, 2024, s, "", "", "diabetes", n) for s, n in ((1, 200), (2, 80))]
    cells = condition_cells(counts_frame(rows)).filter(pl.col("age_band") == ALL, pl.col("sex") == ALL)
    by_region = dict(zip(cells["region_id"], cells["persons_suppressed"], strict=True))
    # region 11 has 3 persons with diabetes: hidden, and region 13 (the smallest other) too,
    # or the project's total would give it away
    assert by_region == {PROJECT: False, 11: True, 12: False, 13: True}
