"""Pivots of a catalogue dataset: rows x columns x an aggregate of a measure, in polars.

The dataset's frame is already suppressed (a count of 1-4 is null). An aggregate of a count
column is itself suppressed (null, with `value_suppressed`) as soon as one of the cells it
gathers is, so that a partial sum never lets a hidden cell be worked out from a total; and a
result of 1-4 is suppressed as well. Datasets published with their margins (the risk counts:
"all" strata, ages, sexes, the whole project) are read at the margin of every dimension the
pivot does not use, so a total is the service's own published total, never a sum of cells."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from dashboard.services.explore.catalogue import MARGIN, Dataset
from models.vocab import SMALL_CELL_THRESHOLD

ROWS_COUNT = "rows"  # the measure "number of rows"
AGGREGATES = ("sum", "mean", "min", "max", "count")
VALUE = "value"
NUMERIC = ("integer", "number")
# Columns whose value MARGIN ("all") or null marks a published total, per dataset; a region's
# name goes with its code.
MARGINS: dict[str, dict[str, str | None]] = {
    "risk_counts": {"stratum": MARGIN, "age_band": MARGIN, "sex": MARGIN, "region_code": None},
    "indicator_values": {"region_code": None},
}
COMPANIONS = {"region_name": "region_code"}


@dataclass(frozen=True)
class PivotSpec:
    rows: str
    columns: str | None = None
    measure: str = ROWS_COUNT
    aggregate: str = "count"
    filter_column: str | None = None
    filter_values: tuple[str, ...] = ()

    @property
    def keys(self) -> list[str]:
        return [c for c in (self.rows, self.columns) if c]


def groupable(dataset: Dataset) -> list[str]:
    """Columns a pivot may group by: every column but the counts and their flags."""
    counts = set(dataset.count_columns)
    return [f.name for f in dataset.fields if f.name not in counts and not f.name.endswith("_suppressed")]


def measures(dataset: Dataset) -> list[str]:
    """Numeric columns a pivot may aggregate (identifiers excepted), after the count of rows."""
    return [ROWS_COUNT] + [
        f.name
        for f in dataset.fields
        if f.kind in NUMERIC and not f.name.endswith("id") and f.name not in ("sequence", "year")
    ]


def default_rows(dataset: Dataset, keys: list[str]) -> str:
    """The first breakdown a new visitor sees: the column with the fewest distinct values that
    still splits the rows (status rather than one bar per action code), else the first."""
    splitting = [
        (dataset.frame.get_column(key).n_unique(), position, key)
        for position, key in enumerate(keys)
        if dataset.frame.get_column(key).n_unique() >= 2
    ]
    return min(splitting)[2] if splitting else keys[0]


def valid_spec(dataset: Dataset, spec: PivotSpec) -> PivotSpec:
    """The spec with every unknown choice replaced by a default (a URL may hold anything)."""
    keys = groupable(dataset)
    rows = spec.rows if spec.rows in keys else default_rows(dataset, keys)
    columns = spec.columns if spec.columns in keys and spec.columns != rows else None
    measure = spec.measure if spec.measure in measures(dataset) else ROWS_COUNT
    aggregate = spec.aggregate if spec.aggregate in AGGREGATES else "count"
    if measure == ROWS_COUNT:
        aggregate = "count"
    elif aggregate == "count":
        aggregate = "sum"
    filter_column = spec.filter_column if spec.filter_column in keys else None
    values = tuple(spec.filter_values) if filter_column else ()
    return PivotSpec(rows, columns, measure, aggregate, filter_column, values)


def _at_margins(dataset: Dataset, spec: PivotSpec) -> pl.DataFrame:
    frame = dataset.frame
    used = {COMPANIONS.get(c, c) for c in [*spec.keys, spec.filter_column] if c}
    for column, margin in MARGINS.get(dataset.name, {}).items():
        is_margin = pl.col(column).is_null() if margin is None else pl.col(column) == margin
        frame = frame.filter(~is_margin if column in used else is_margin)
    return frame


def filter_options(dataset: Dataset, column: str) -> list[str]:
    """The values a filter on `column` may take, as text, sorted."""
    values = dataset.frame.get_column(column).drop_nulls().cast(pl.String).unique().sort()
    return values.to_list()


def pivot_frame(dataset: Dataset, spec: PivotSpec) -> pl.DataFrame:
    """One row per (rows, columns) group: the keys as text, `value` and `value_suppressed`."""
    spec = valid_spec(dataset, spec)
    frame = _at_margins(dataset, spec)
    if spec.filter_column and spec.filter_values:
        frame = frame.filter(pl.col(spec.filter_column).cast(pl.String).is_in(list(spec.filter_values)))
    frame = frame.with_columns(pl.col(k).cast(pl.String) for k in spec.keys)
    is_count = spec.measure in dataset.count_columns
    if spec.measure == ROWS_COUNT:
        value = pl.len().cast(pl.Float64)
    else:
        column = pl.col(spec.measure).cast(pl.Float64)
        value = getattr(column, spec.aggregate)()
        if is_count:
            value = pl.when(pl.col(spec.measure).null_count() > 0).then(None).otherwise(value)
    result = frame.group_by(spec.keys).agg(value.alias(VALUE)).sort(spec.keys, nulls_last=True)
    hidden = pl.col(VALUE).is_null() if is_count else pl.lit(False)
    if is_count:
        small = pl.col(VALUE).is_between(1, SMALL_CELL_THRESHOLD - 1)
        result = result.with_columns(pl.when(small).then(None).otherwise(pl.col(VALUE)).alias(VALUE))
    return result.with_columns(hidden.alias(f"{VALUE}_suppressed"))
