"""Small-cell suppression: counts of persons or respondents below 5 never leave the services as
numbers.

A suppressed count becomes null with a companion boolean column `<name>_suppressed`; pages and
exports show "< 5" for it. Where a total is shown beside its parts, `suppress_with_complement`
suppresses a second part so the first cannot be recovered by subtraction.
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


def suppressed_total(frame: pl.DataFrame, count: str) -> int | None:
    """The total of a column, or None when it is itself below the threshold."""
    total = int(frame[count].sum() or 0)
    return None if total < SMALL_CELL_THRESHOLD else total


def count_or_none(count: int) -> int | None:
    """A single count as it may leave the service: None (shown "< 5") when small."""
    return None if count < SMALL_CELL_THRESHOLD else count
