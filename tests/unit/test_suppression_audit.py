"""The suppression audit that scales (sparse elimination, exact modulo a prime) finds exactly
the hidden cells that the dense audit it replaced (one SVD of all the equations) finds, on
thousands of random tables and hiding patterns; and suppress_in_margins leaves no hidden cell
determined on random tables of two to four dimensions."""

from __future__ import annotations

import itertools
import os

import numpy as np
import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.services import suppression
from dashboard.services.suppression import suppress_in_margins
from tests.unit import suppression_reference

ALL = -1
# Random tables compared per run; `LIVINGLAB_AUDIT_EXAMPLES=5000 pytest ...` for a longer search.
EXAMPLES = int(os.environ.get("LIVINGLAB_AUDIT_EXAMPLES", "400"))


def dense_determined(marked: pl.DataFrame, flag: str, totals: dict, keys: list[str]) -> set[int]:
    """The audit as it was before it scaled: per table, every line with its total is an
    equation over the hidden cells, and a hidden cell is determined when its unit vector lies
    in the row space of the equations (leverage 1 in an SVD). Cubic in the hidden cells."""
    determined: set[int] = set()
    tables = marked.partition_by(keys, maintain_order=True) if keys else [marked]
    for table in tables:
        hidden = table.filter(pl.col(flag))["__row"].to_list()
        column = {row: i for i, row in enumerate(hidden)}
        equations = []
        for dimension, total in totals.items():
            line = [d for d in totals if d != dimension] + keys or ["__one"]
            grouped = (
                table.with_columns((pl.col(dimension) == total).alias("__t"))
                .group_by(line)
                .agg(
                    (pl.col("__t").any() & (~pl.col("__t")).any()).alias("__eq"),
                    pl.col("__row").filter(pl.col(flag)),
                    pl.col("__t").filter(pl.col(flag)),
                )
            )
            for rows, is_total, is_equation in grouped.select("__row", "__t", "__eq").iter_rows():
                if not is_equation or not rows:
                    continue
                equation = np.zeros(len(hidden))
                for row, on_total in zip(rows, is_total, strict=True):
                    equation[column[row]] = -1.0 if on_total else 1.0
                equations.append(equation)
        if not equations:
            continue
        _, singular, vt = np.linalg.svd(np.array(equations), full_matrices=False)
        rank = int((singular > 1e-9 * max(singular.max(), 1.0)).sum())
        leverage = (vt[:rank] ** 2).sum(axis=0)
        determined |= {hidden[i] for i in np.flatnonzero(leverage > 1 - 1e-6)}
    return determined


def table_with_margins(sizes: tuple[int, ...], counts: list[int], years: int = 1) -> pl.DataFrame:
    """A table of len(sizes) dimensions (d0, d1, ...) with a total (-1) in every dimension and
    every combination of them, for each year, from its inner counts."""
    names = [f"d{i}" for i in range(len(sizes))]
    inner = [(year, *cell) for year in range(years) for cell in itertools.product(*(range(n) for n in sizes))]
    base = pl.DataFrame(inner, schema=["year", *names], orient="row").with_columns(
        pl.Series("persons", [counts[i % len(counts)] for i in range(len(inner))])
    )
    parts = []
    for k in range(len(names) + 1):
        for summed in itertools.combinations(names, k):
            kept = [d for d in names if d not in summed]
            part = base.group_by(["year", *kept]).agg(pl.col("persons").sum()) if summed else base
            parts.append(
                part.with_columns(pl.lit(ALL, dtype=pl.Int64).alias(d) for d in summed).select(base.columns)
            )
    return pl.concat(parts).sort(["year", *names])


tables = st.tuples(
    st.lists(st.integers(1, 4), min_size=1, max_size=4).map(tuple),
    st.lists(st.sampled_from([0, 1, 2, 3, 4, 5, 8, 20, 300]), min_size=1, max_size=40),
    st.integers(1, 2),
)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=tables, hide=st.lists(st.booleans(), min_size=1, max_size=60))
def test_sparse_audit_finds_the_cells_the_dense_audit_finds(table, hide):
    sizes, counts, years = table
    frame = table_with_margins(sizes, counts, years)
    totals = {f"d{i}": ALL for i in range(len(sizes))}
    marked = frame.with_row_index("__row").with_columns(
        pl.Series("hidden", [hide[i % len(hide)] for i in range(frame.height)]), pl.lit(0).alias("__one")
    )
    dense = dense_determined(marked, "hidden", totals, ["year"])
    # the elimination by rounds of numpy pivots, then the loop (as the app runs it), and the
    # numpy rounds alone to the end (a round of one pivot at least)
    assert set(suppression._determined_cells(marked, "hidden", totals, ["year"])) == dense
    assert set(suppression._determined_cells(marked, "hidden", totals, ["year"], few_pivots=1)) == dense
    assert set(suppression._determined_cells(marked, "hidden", totals, ["year"], few_pivots=10**9)) == dense


@settings(max_examples=EXAMPLES // 4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=tables)
def test_suppressed_random_tables_leave_no_hidden_cell_determined(table):
    sizes, counts, years = table
    frame = table_with_margins(sizes, counts, years)
    totals = {f"d{i}": ALL for i in range(len(sizes))}
    result = suppress_in_margins(frame, "persons", totals, keys=("year",))
    shown = result.filter(~pl.col("persons_suppressed"))
    assert (shown["persons"] >= 5).all()
    marked = result.with_row_index("__row").with_columns(pl.lit(0).alias("__one"))
    assert not dense_determined(marked, "persons_suppressed", totals, ["year"])


def test_a_rectangle_of_hidden_cells_is_not_determined_but_a_hidden_cell_alone_in_a_line_is():
    # 2 x 2 with margins: hiding the four inner cells leaves each free (move +1/-1 around
    # the rectangle); hiding one inner cell and its row total determines both (column line)
    frame = table_with_margins((2, 2), [10, 20, 30, 40])
    totals = {"d0": ALL, "d1": ALL}
    rectangle = frame.with_row_index("__row").with_columns(
        ((pl.col("d0") >= 0) & (pl.col("d1") >= 0)).alias("hidden"), pl.lit(0).alias("__one")
    )
    assert suppression._determined_cells(rectangle, "hidden", totals, ["year"]) == []
    corner = frame.with_row_index("__row").with_columns(
        (((pl.col("d0") == 0) & (pl.col("d1") == 0)) | ((pl.col("d0") == 0) & (pl.col("d1") == ALL))).alias(
            "hidden"
        ),
        pl.lit(0).alias("__one"),
    )
    hidden_rows = corner.filter("hidden")["__row"].to_list()
    assert suppression._determined_cells(corner, "hidden", totals, ["year"]) == hidden_rows


def test_an_empty_table_stays_empty():
    frame = table_with_margins((2,), [10, 20]).clear()
    result = suppress_in_margins(frame, "persons", {"d0": ALL}, keys=("year",))
    assert result.height == 0
    assert {"persons_suppressed", "persons_masked"} <= set(result.columns)


@settings(max_examples=EXAMPLES // 2, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=tables, none_total=st.booleans(), shuffle=st.randoms(use_true_random=False))
def test_the_numpy_suppression_hides_exactly_the_cells_the_polars_one_hid(table, none_total, shuffle):
    # the same primary and secondary cells as the implementation it replaced, whatever the
    # order of the rows and whether a total is a value or null
    sizes, counts, years = table
    frame = table_with_margins(sizes, counts, years)
    rows = list(range(frame.height))
    shuffle.shuffle(rows)
    frame = frame[rows]
    totals = {f"d{i}": ALL for i in range(len(sizes))}
    if none_total:
        frame = frame.with_columns(
            pl.when(pl.col("d0") == ALL).then(None).otherwise(pl.col("d0")).alias("d0")
        )
        totals["d0"] = None
    new = suppress_in_margins(frame, "persons", totals, keys=("year",))
    old = suppression_reference.suppress_in_margins(frame, "persons", totals, keys=("year",))
    assert new.equals(old)


def test_without_keys_the_whole_frame_is_one_table():
    frame = table_with_margins((3, 2), [1, 20, 30, 7, 50, 60])
    totals = {"d0": ALL, "d1": ALL}
    new = suppress_in_margins(frame.drop("year"), "persons", totals)
    assert new.equals(suppression_reference.suppress_in_margins(frame.drop("year"), "persons", totals))
    assert new["persons_suppressed"].sum() >= 4  # the 1 and 7, a companion of each, ...
