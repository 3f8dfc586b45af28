"""Turning service frames into what a table shows: translated labels instead of codes,
"< 5" for suppressed counts, lists as text, timestamps in Brussels time."""

from __future__ import annotations

from enum import Enum

import polars as pl

from dashboard.i18n import in_language, label
from dashboard.i18n.formatting import BRUSSELS
from dashboard.services.suppression import SUPPRESSED_TEXT


def translate(frame: pl.DataFrame, column: str, vocabulary: type[Enum]) -> pl.DataFrame:
    """Replace a column of vocabulary keys by their labels in the current language."""
    mapping = {member.value: label(member) for member in vocabulary}
    return frame.with_columns(
        pl.col(column).replace_strict(mapping, default=pl.col(column), return_dtype=pl.String))


def suppressed_text(frame: pl.DataFrame, column: str, formatter=None) -> pl.DataFrame:  # noqa: ANN001
    """A suppressed count column as text: "< 5" where suppressed, the number otherwise."""
    flag = f"{column}_suppressed"
    shown = pl.col(column).cast(pl.String) if formatter is None else pl.col(column).map_elements(
        in_language(formatter), return_dtype=pl.String)
    return frame.with_columns(
        pl.when(pl.col(flag)).then(pl.lit(SUPPRESSED_TEXT)).otherwise(shown).alias(column)
    ).drop(flag)


def joined(frame: pl.DataFrame, column: str, separator: str = ", ") -> pl.DataFrame:
    return frame.with_columns(pl.col(column).list.join(separator))


def in_brussels(frame: pl.DataFrame, *columns: str) -> pl.DataFrame:
    """Timestamp columns (stored in UTC; a naive one is taken as UTC) in Brussels time.

    A table's DatetimeColumn shows a timestamp in its column's own time zone: converted here,
    tables show the times that dialogs and minutes show (formatting.format_datetime)."""
    converted = []
    for column in columns:
        expression = pl.col(column)
        if frame.schema[column].time_zone is None:  # type: ignore[union-attr]
            expression = expression.dt.replace_time_zone("UTC")
        converted.append(expression.dt.convert_time_zone(BRUSSELS.key))
    return frame.with_columns(converted)
