"""Small-cell suppression: counts of persons or respondents below 5 never leave the services as
numbers.

A suppressed count becomes null with a companion boolean column `<name>_suppressed`; pages and
exports show "< 5" for it. Where a total is shown beside its parts, `suppress_with_complement`
suppresses a second part so the first cannot be recovered by subtraction. `suppress_in_margins`
also says which hidden cells are not small themselves (`<name>_masked`: hidden only so that a
small one cannot be worked out); pages show both kinds as "< 5" all the same, since telling
them apart would say the second kind holds at least 5 persons and so bound the small one.
"""

from __future__ import annotations

import polars as pl

from models.vocab import SMALL_CELL_THRESHOLD

SUPPRESSED_TEXT = "< 5"


def is_small(expr: pl.Expr, threshold: int = SMALL_CELL_THRESHOLD) -> pl.Expr:
    return expr.is_not_null() & (expr < threshold)


def suppress(frame: pl.DataFrame, columns: list[str],
             threshold: int = SMALL_CELL_THRESHOLD) -> pl.DataFrame:
    """Null every count below `threshold` in `columns`, flagging it in `<column>_suppressed`."""
    return frame.with_columns(
        expr
        for column in columns
        for expr in (
            pl.when(is_small(pl.col(column), threshold)).then(None)
            .otherwise(pl.col(column)).alias(column),
            is_small(pl.col(column), threshold).alias(f"{column}_suppressed"),
        )
    )


def suppress_with_complement(frame: pl.DataFrame, count: str, groups: list[str],
                             threshold: int = SMALL_CELL_THRESHOLD) -> pl.DataFrame:
    """Primary suppression of `count`, then, in every group (cells that add up to a total that is
    shown) where exactly one cell is suppressed, also suppress the smallest other cell.

    Returns the frame with `count` nulled where suppressed and `<count>_suppressed` set.
    """
    flag = f"{count}_suppressed"
    marked = frame.with_row_index("__row").with_columns(is_small(pl.col(count), threshold)
                                                        .alias(flag))
    # Rank the unsuppressed cells of each group by size, smallest first.
    marked = marked.with_columns(
        pl.col(flag).sum().over(groups).alias("__primary"),
        pl.when(~pl.col(flag)).then(pl.col(count)).otherwise(None)
        .rank("ordinal").over(groups).alias("__rank"),
    )
    marked = marked.with_columns(
        (pl.col(flag) | ((pl.col("__primary") == 1) & (pl.col("__rank") == 1))).alias(flag)
    )
    return (marked.with_columns(pl.when(pl.col(flag)).then(None).otherwise(pl.col(count))
                                .alias(count))
            .sort("__row").drop("__row", "__primary", "__rank"))


def suppress_until_safe(frame: pl.DataFrame, count: str, groups: list[str],
                        threshold: int = SMALL_CELL_THRESHOLD,
                        already: str | None = None) -> pl.DataFrame:
    """Like suppress_with_complement, but safe when several small cells share a group: while
    the suppressed cells of a group (the cells that add up to a shown total) hold between 1
    and threshold-1 persons together, the smallest shown cell is suppressed too, so that
    subtracting the shown cells from the total only ever reveals threshold or more persons.
    Cells flagged in the boolean column `already` count as suppressed from the start.

    Returns the frame with `count` nulled where suppressed and `<count>_suppressed` set.
    """
    flag = f"{count}_suppressed"
    primary = is_small(pl.col(count), threshold) | pl.col(count).is_null()
    if already is not None:
        primary = primary | pl.col(already)
    marked = frame.with_row_index("__row").with_columns(primary.alias(flag))
    marked = marked.with_columns(
        pl.when(pl.col(flag)).then(pl.col(count).fill_null(0)).otherwise(0).sum().over(groups)
        .alias("__hidden"),
        pl.when(~pl.col(flag)).then(pl.col(count)).otherwise(None)
        .rank("ordinal").over(groups).alias("__rank"),
    )
    # Every shown cell holds at least `threshold` persons, so one more is always enough.
    marked = marked.with_columns(
        (pl.col(flag) | ((pl.col("__hidden") > 0) & (pl.col("__hidden") < threshold)
                         & (pl.col("__rank") == 1))).alias(flag))
    return (marked.with_columns(pl.when(pl.col(flag)).then(None).otherwise(pl.col(count))
                                .alias(count))
            .sort("__row").drop("__row", "__hidden", "__rank"))


def suppressed_total(frame: pl.DataFrame, count: str) -> int | None:
    """The total of a column, or None when it is itself below the threshold."""
    total = int(frame[count].sum() or 0)
    return None if total < SMALL_CELL_THRESHOLD else total


def count_or_none(count: int) -> int | None:
    """A single count as it may leave the service: None (shown "< 5") when small."""
    return None if count < SMALL_CELL_THRESHOLD else count


def suppress_in_margins(frame: pl.DataFrame, count: str, totals: dict[str, object],
                        keys: tuple[str, ...] = (),
                        threshold: int = SMALL_CELL_THRESHOLD) -> pl.DataFrame:
    """Small-cell suppression of a table shown with its margins, in any number of dimensions.

    `frame` holds every cell that can be shown: the inner cells and, in each dimension of
    `totals` ({column: the value that means "all"}), the total cells (e.g. region None = the
    whole project, age_band "" = all ages). `keys` are columns whose values are never added up
    (e.g. the year): each value is a separate table.

    Primary suppression nulls the counts below `threshold`. A line of the table (cells that
    differ in one dimension only, with that dimension's total) then gives a hidden cell away
    when it is the line's only hidden cell (inner or total: it is the total minus the others,
    or their sum), and gives away the sum of its hidden inner cells when its total is shown:
    in those lines, and where that sum is below `threshold`, the smallest shown inner cell is
    suppressed too (the total, when no inner cell is left). This repeats until no line gives
    anything away, since each new suppression may expose another line. Lines can also be
    combined (a rectangle of hidden cells whose other corners are shown, ...): an audit solves
    all the lines' equations together and, while a hidden cell is still determined by them,
    hides the smallest shown cell of one of its lines and starts again.

    Returns the frame with `count` nulled where suppressed, `<count>_suppressed` set, and
    `<count>_masked` set on the suppressed cells that are not small themselves (secondary
    suppression: hidden only so that a small cell cannot be worked out).
    """
    flag = f"{count}_suppressed"
    masked = f"{count}_masked"
    marked = frame.with_row_index("__row").with_columns(
        is_small(pl.col(count), threshold).alias(flag), pl.lit(0).alias("__one"))
    while True:
        marked = _suppress_lines(marked, count, flag, totals, list(keys), threshold)
        determined = _determined_cells(marked, flag, totals, list(keys))
        if not determined:
            break
        companions = _companions(marked, count, flag, totals, list(keys), determined)
        if not companions:  # nothing left to hide around them: the table is all hidden
            break
        marked = marked.with_columns((pl.col(flag) | pl.col("__row").is_in(companions))
                                     .alias(flag))
    marked = marked.with_columns((pl.col(flag) & ~is_small(pl.col(count), threshold))
                                 .alias(masked))
    return (marked.with_columns(pl.when(pl.col(flag)).then(None).otherwise(pl.col(count))
                                .alias(count))
            .sort("__row").drop("__row", "__one"))


def _is_total(dimension: str, total: object) -> pl.Expr:
    return pl.col(dimension).is_null() if total is None else pl.col(dimension) == total


def _line_of(dimension: str, totals: dict[str, object], keys: list[str]) -> list[str]:
    """The columns that stay the same along a line of `dimension`."""
    return [d for d in totals if d != dimension] + keys or ["__one"]


def _suppress_lines(marked: pl.DataFrame, count: str, flag: str, totals: dict[str, object],
                    keys: list[str], threshold: int) -> pl.DataFrame:
    """The line rule of suppress_in_margins, until no line gives anything away."""
    dimensions = list(totals)
    while True:
        for dimension in dimensions:
            is_total = _is_total(dimension, totals[dimension])
            line = _line_of(dimension, totals, keys)
            # Inner cells are preferred to the total, then the smallest.
            candidate = pl.when(~pl.col(flag)).then(
                pl.col(count).cast(pl.Float64) + pl.when(is_total).then(1e15).otherwise(0.0))
            hidden_inner = pl.col(flag) & ~is_total
            marked = marked.with_columns(
                pl.col(flag).sum().over(line).alias("__suppressed"),
                hidden_inner.sum().over(line).alias("__suppressed_inner"),
                pl.when(hidden_inner).then(pl.col(count)).otherwise(0).sum().over(line)
                .alias("__hidden"),
                (is_total.any() & (~is_total).any()).over(line).alias("__has_total"),
                (is_total & ~pl.col(flag)).any().over(line).alias("__total_shown"),
                candidate.rank("ordinal").over(line).alias("__rank"),
            ).with_columns(
                (pl.col("__has_total") & (pl.col("__rank") == 1) & (
                    (pl.col("__suppressed") == 1)  # one hidden cell: recovered exactly
                    | (pl.col("__total_shown") & (pl.col("__suppressed_inner") >= 1)
                       & (pl.col("__hidden") < threshold)))  # hidden cells hold < 5 together
                 ).fill_null(False).alias(f"__new_{dimension}"))
            marked = marked.with_columns((pl.col(flag) | pl.col(f"__new_{dimension}"))
                                         .alias(flag))
        changed = marked.select(pl.any_horizontal(
            [pl.col(f"__new_{d}") for d in dimensions]).any()).item()
        marked = marked.drop([f"__new_{d}" for d in dimensions] + [
            "__suppressed", "__suppressed_inner", "__hidden", "__has_total", "__total_shown",
            "__rank"])
        if not changed:
            return marked


def _determined_cells(marked: pl.DataFrame, flag: str, totals: dict[str, object],
                      keys: list[str]) -> list[int]:
    """The hidden cells (`__row`) that the shown cells determine exactly: every line is an
    equation (its total = the sum of its inner cells); a hidden cell is determined when its
    unit vector lies in the row space of the equations restricted to the hidden cells."""
    import numpy as np  # shapely's dependency; only needed here

    determined: list[int] = []
    tables = marked.partition_by(keys, maintain_order=True) if keys else [marked]
    for table in tables:
        hidden = table.filter(pl.col(flag))["__row"].to_list()
        if not hidden:
            continue
        column = {row: i for i, row in enumerate(hidden)}
        equations = []
        for dimension in totals:
            grouped = (table.with_columns(_is_total(dimension, totals[dimension]).alias("__t"))
                       .filter(pl.col(flag))
                       .group_by(_line_of(dimension, totals, keys))
                       .agg(pl.col("__row"), pl.col("__t")))
            # A line is an equation when it has its total and at least one inner cell.
            lines_with_total = (table.with_columns(_is_total(dimension, totals[dimension])
                                                   .alias("__t"))
                                .group_by(_line_of(dimension, totals, keys))
                                .agg((pl.col("__t").any() & (~pl.col("__t")).any())
                                     .alias("__has_total")))
            grouped = grouped.join(lines_with_total, on=_line_of(dimension, totals, keys))
            for rows, is_total, has_total in grouped.select(
                    "__row", "__t", "__has_total").iter_rows():
                if not has_total:
                    continue
                equation = np.zeros(len(hidden))
                for row, total in zip(rows, is_total, strict=True):
                    equation[column[row]] = -1.0 if total else 1.0
                equations.append(equation)
        if not equations:
            continue
        _, singular, vt = np.linalg.svd(np.array(equations), full_matrices=False)
        rank = int((singular > 1e-9 * max(singular.max(), 1.0)).sum())
        # Share of each hidden cell's unit vector inside the row space: 1 = determined.
        leverage = (vt[:rank] ** 2).sum(axis=0)
        determined += [hidden[i] for i in np.flatnonzero(leverage > 1 - 1e-6)]
    return determined


def _companions(marked: pl.DataFrame, count: str, flag: str, totals: dict[str, object],
                keys: list[str], determined: list[int]) -> list[int]:
    """For each determined hidden cell, the smallest shown cell of one of its lines (inner
    cells before totals)."""
    chosen = []
    for row in determined:
        cell = marked.filter(pl.col("__row") == row).row(0, named=True)
        best: tuple[float, int] | None = None
        for dimension in totals:
            same = [pl.col(c) == cell[c] if cell[c] is not None else pl.col(c).is_null()
                    for c in _line_of(dimension, totals, keys) if c != "__one"]
            line = marked.filter(*same, ~pl.col(flag)) if same else marked.filter(~pl.col(flag))
            is_total = _is_total(dimension, totals[dimension])
            ranked = line.select("__row", (pl.col(count).cast(pl.Float64)
                                           + pl.when(is_total).then(1e15).otherwise(0.0))
                                 .alias("__size")).sort("__size")
            if ranked.height and (best is None or ranked["__size"][0] < best[0]):
                best = (ranked["__size"][0], ranked["__row"][0])
        if best is not None:
            chosen.append(best[1])
    return chosen
