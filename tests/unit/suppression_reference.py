"""The polars implementation of `suppress_in_margins` that the numpy one replaced (main at
d332d91, verbatim but for names): kept as a test oracle, so that the numpy code is checked to
hide exactly the cells this one hid, on random tables (tests/unit/test_suppression_audit.py).
The sparse elimination and `is_small` are imported from the service, not copied."""

# ruff: noqa

from __future__ import annotations

import polars as pl

# The sparse elimination modulo a prime is shared with the service (it is not what the
# comparison tests: that is the numpy grid that replaced these polars lines and companions).
from dashboard.services.suppression import _determined_by, is_small
from models.vocab import SMALL_CELL_THRESHOLD


def suppress_in_margins(
    frame: pl.DataFrame,
    count: str,
    totals: dict[str, object],
    keys: tuple[str, ...] = (),
    threshold: int = SMALL_CELL_THRESHOLD,
) -> pl.DataFrame:
    """The same contract as `dashboard.services.suppression.suppress_in_margins` (its docstring
    says what is hidden and why), computed the former way: polars lines, then the audit."""
    flag = f"{count}_suppressed"
    masked = f"{count}_masked"
    pending = frame.with_row_index("__row").with_columns(
        is_small(pl.col(count), threshold).alias(flag), pl.lit(0).alias("__one")
    )
    settled = []
    while pending.height:
        pending = _suppress_lines(pending, count, flag, totals, list(keys), threshold)
        determined = _determined_cells(pending, flag, totals, list(keys))
        companions = _companions(pending, count, flag, totals, list(keys), determined) if determined else []
        if not companions:  # nothing determined, or the tables are all hidden
            settled.append(pending)
            break
        pending = pending.with_columns((pl.col(flag) | pl.col("__row").is_in(companions)).alias(flag))
        if keys:  # only the tables (years) that got a companion need another pass
            touched = pending.filter(pl.col("__row").is_in(companions)).select(keys).unique()
            settled.append(pending.join(touched, on=list(keys), how="anti", nulls_equal=True))
            pending = pending.join(touched, on=list(keys), how="semi", nulls_equal=True)
    marked = (pl.concat(settled) if settled else pending).with_columns(
        (pl.col(flag) & ~is_small(pl.col(count), threshold)).alias(masked)
    )
    return (
        marked.with_columns(pl.when(pl.col(flag)).then(None).otherwise(pl.col(count)).alias(count))
        .sort("__row")
        .drop("__row", "__one")
    )


def _is_total(dimension: str, total: object) -> pl.Expr:
    return pl.col(dimension).is_null() if total is None else pl.col(dimension) == total


def _line_of(dimension: str, totals: dict[str, object], keys: list[str]) -> list[str]:
    """The columns that stay the same along a line of `dimension`."""
    return [d for d in totals if d != dimension] + keys or ["__one"]


def _suppress_lines(
    marked: pl.DataFrame, count: str, flag: str, totals: dict[str, object], keys: list[str], threshold: int
) -> pl.DataFrame:
    """The line rule of suppress_in_margins, until no line gives anything away."""
    dimensions = list(totals)
    # What does not change from pass to pass, once: each line as one integer (windows over one
    # integer column are several times faster than over four mixed ones), its total cell, and
    # whether the line has a total and an inner cell.
    static = []
    for i, dimension in enumerate(dimensions):
        is_total = _is_total(dimension, totals[dimension])
        line = pl.struct(_line_of(dimension, totals, keys)).rank("dense")
        static += [line.alias(f"__line{i}"), is_total.alias(f"__total{i}")]
    marked = marked.with_columns(static).with_columns(
        (pl.col(f"__total{i}").any() & (~pl.col(f"__total{i}")).any())
        .over(f"__line{i}")
        .alias(f"__has_total{i}")
        for i in range(len(dimensions))
    )
    while True:
        for i in range(len(dimensions)):
            line, is_total = f"__line{i}", pl.col(f"__total{i}")
            # Inner cells are preferred to the total, then the smallest.
            candidate = pl.when(~pl.col(flag)).then(
                pl.col(count).cast(pl.Float64) + pl.when(is_total).then(1e15).otherwise(0.0)
            )
            hidden_inner = pl.col(flag) & ~is_total
            marked = marked.with_columns(
                pl.col(flag).sum().over(line).alias("__suppressed"),
                hidden_inner.sum().over(line).alias("__suppressed_inner"),
                pl.when(hidden_inner).then(pl.col(count)).otherwise(0).sum().over(line).alias("__hidden"),
                (is_total & ~pl.col(flag)).any().over(line).alias("__total_shown"),
                candidate.rank("ordinal").over(line).alias("__rank"),
            ).with_columns(
                (
                    pl.col(f"__has_total{i}")
                    & (pl.col("__rank") == 1)
                    & (
                        (pl.col("__suppressed") == 1)  # one hidden cell: recovered exactly
                        | (
                            pl.col("__total_shown")
                            & (pl.col("__suppressed_inner") >= 1)
                            & (pl.col("__hidden") < threshold)
                        )
                    )  # hidden cells hold < 5 together
                )
                .fill_null(False)
                .alias(f"__new{i}")
            )
            marked = marked.with_columns((pl.col(flag) | pl.col(f"__new{i}")).alias(flag))
        changed = marked.select(
            pl.any_horizontal([pl.col(f"__new{i}") for i in range(len(dimensions))]).any()
        ).item()
        marked = marked.drop(
            [f"__new{i}" for i in range(len(dimensions))]
            + ["__suppressed", "__suppressed_inner", "__hidden", "__total_shown", "__rank"]
        )
        if not changed:
            return marked.drop(
                f"__{name}{i}" for name in ("line", "total", "has_total") for i in range(len(dimensions))
            )


def _determined_cells(
    marked: pl.DataFrame, flag: str, totals: dict[str, object], keys: list[str]
) -> list[int]:
    """The hidden cells (`__row`) that the shown cells determine exactly: every line is an
    equation (its total = the sum of its inner cells), restricted to the hidden cells."""
    return sorted(_determined_by(_hidden_equations(marked, flag, totals, keys)))


def _hidden_equations(
    marked: pl.DataFrame, flag: str, totals: dict[str, object], keys: list[str]
) -> list[dict[int, int]]:
    """Each line that has its total and an inner cell, as {hidden `__row`: +1 inner / -1 total}
    (the shown cells only move the equation's constant, which determinacy does not depend on).
    The lines hold the `keys`, so separate tables (years) give separate equations."""
    equations: list[dict[int, int]] = []
    for dimension in totals:
        is_total = _is_total(dimension, totals[dimension])
        lines = (
            marked.with_columns(is_total.alias("__t"))
            .group_by(_line_of(dimension, totals, keys))
            .agg(
                (pl.col("__t").any() & (~pl.col("__t")).any()).alias("__equation"),
                pl.col("__row").filter(pl.col(flag)).alias("__rows"),
                pl.col("__t").filter(pl.col(flag)).alias("__totals"),
            )
            .filter(pl.col("__equation") & (pl.col("__rows").list.len() > 0))
        )
        for rows, is_totals in lines.select("__rows", "__totals").iter_rows():
            equations.append({row: -1 if total else 1 for row, total in zip(rows, is_totals, strict=True)})
    return equations


def _companions(
    marked: pl.DataFrame,
    count: str,
    flag: str,
    totals: dict[str, object],
    keys: list[str],
    determined: list[int],
) -> list[int]:
    """For each determined hidden cell, the smallest shown cell of one of its lines (inner
    cells before totals; on a tie, the first dimension, then the first cell)."""
    cells = marked.filter(pl.col("__row").is_in(determined))
    offers = []
    for order, dimension in enumerate(totals):
        line = _line_of(dimension, totals, keys)
        is_total = _is_total(dimension, totals[dimension])
        smallest = (
            marked.filter(~pl.col(flag))
            .select(
                *line,
                "__row",
                (pl.col(count).cast(pl.Float64) + pl.when(is_total).then(1e15).otherwise(0.0)).alias(
                    "__size"
                ),
            )
            .sort("__size", "__row")
            .group_by(line, maintain_order=True)
            .first()
            .rename({"__row": "__companion"})
        )
        offers.append(
            cells.select("__row", *line)
            .join(smallest, on=line, how="inner", nulls_equal=True)
            .select("__row", "__companion", "__size", pl.lit(order).alias("__order"))
        )
    if not offers:
        return []
    chosen = (
        pl.concat(offers)
        .sort("__row", "__size", "__order", "__companion")
        .group_by("__row", maintain_order=True)
        .first()
    )
    return chosen["__companion"].to_list()
