"""The Explore page's texts: dataset and column labels, values as labels (not codes), and a
pivot's result as a table ("< 5" where the service suppressed a count)."""

from __future__ import annotations

import polars as pl

from dashboard.i18n import t
from dashboard.services.explore.catalogue import MARGIN
from dashboard.services.explore.pivot import ROWS_COUNT, VALUE
from dashboard.services.suppression import SUPPRESSED_TEXT

# Columns holding a vocabulary's keys, and the catalogue prefix of their labels.
VOCABULARIES = {
    ("actions", "status"): "status",
    ("actions", "target_stratum"): "stratum",
    ("decisions", "outcome"): "outcome",
    ("meetings", "status"): "meeting_status",
    ("action_changes", "source"): "change_source",
    ("risk_counts", "stratum"): "stratum",
    ("risk_counts", "sex"): "sex",
    ("indicator_values", "source"): "value_source",
    ("maturity_scores", "dimension"): "maturity_dimension",
    ("maturity_consensus", "dimension"): "maturity_dimension",
}


def dataset_label(name: str, lang: str) -> str:
    return t(f"explore.ds.{name}", lang=lang)


def column_label(column: str, lang: str) -> str:
    if column == ROWS_COUNT:
        return t("explore.measure.rows", lang=lang)
    return t(f"explore.col.{column}", lang=lang)


def value_label(dataset: str, column: str, value: str | None, lang: str) -> str | None:
    """A value as shown: the vocabulary's label, "All" for a margin, the value otherwise."""
    if value is None:
        return t("explore.project_wide", lang=lang) if column in ("region_code", "region_name") else None
    if value == MARGIN:
        return t("explore.all", lang=lang)
    if value in ("true", "false"):
        return t(f"common.{'yes' if value == 'true' else 'no'}", lang=lang)
    prefix = VOCABULARIES.get((dataset, column))
    return t(f"{prefix}.{value}", lang=lang) if prefix else value


def labelled_keys(frame: pl.DataFrame, dataset: str, keys: list[str], lang: str) -> pl.DataFrame:
    """The pivot's key columns as labels in `lang`."""
    return frame.with_columns(
        pl.col(k).map_elements(
            lambda v, k=k: value_label(dataset, k, v, lang), return_dtype=pl.String, skip_nulls=False
        )
        for k in keys
    )


def pivot_table(frame: pl.DataFrame, dataset: str, keys: list[str], lang: str) -> pl.DataFrame:
    """The pivot as a table: rows down, columns across, "< 5" where suppressed, headers labelled."""
    shown = labelled_keys(frame, dataset, keys, lang).with_columns(
        pl.when(pl.col(f"{VALUE}_suppressed"))
        .then(pl.lit(SUPPRESSED_TEXT))
        .otherwise(pl.col(VALUE).round(2).cast(pl.String))
        .alias(VALUE)
    )
    if len(keys) == 2:
        shown = shown.pivot(on=keys[1], index=keys[0], values=VALUE, aggregate_function="first")
        return shown.rename({keys[0]: column_label(keys[0], lang)})
    return shown.select(keys[0], VALUE).rename(
        {keys[0]: column_label(keys[0], lang), VALUE: t("explore.col.value", lang=lang)}
    )


def chart_frame(frame: pl.DataFrame, dataset: str, keys: list[str], lang: str) -> pl.DataFrame:
    """The pivot for its chart: labelled keys, suppressed values left null (not drawn)."""
    return labelled_keys(frame, dataset, keys, lang).drop(f"{VALUE}_suppressed")
