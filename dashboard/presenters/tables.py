"""Turning service frames into what a table shows: translated labels instead of codes,
"< 5" for suppressed counts, lists as text, timestamps in Brussels time."""

from __future__ import annotations

from enum import Enum

import polars as pl

from dashboard.i18n import in_language, label, t
from dashboard.i18n.formatting import BRUSSELS
from dashboard.services.suppression import SUPPRESSED_TEXT


def translate(frame: pl.DataFrame, column: str, vocabulary: type[Enum]) -> pl.DataFrame:
    """Replace a column of vocabulary keys by their labels in the current language."""
    mapping = {member.value: label(member) for member in vocabulary}
    return frame.with_columns(
        pl.col(column).replace_strict(mapping, default=pl.col(column), return_dtype=pl.String)
    )


def suppressed_text(frame: pl.DataFrame, column: str, formatter=None) -> pl.DataFrame:  # noqa: ANN001
    """A suppressed count column as text: "< 5" where suppressed, the number otherwise."""
    flag = f"{column}_suppressed"
    shown = (
        pl.col(column).cast(pl.String)
        if formatter is None
        else pl.col(column).map_elements(in_language(formatter), return_dtype=pl.String)
    )
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


CHECK_MARK = "✓"


def yes_no_text(value: bool | None) -> str | None:
    """A yes/no value as a projector reads it: "✓ Oui" / "Non" (Ja, Yes...); None stays None
    (the grid's placeholder)."""
    if value is None:
        return None
    return f"{CHECK_MARK} {t('common.yes')}" if value else t("common.no")


def _is_checkbox(config: object) -> bool:
    return isinstance(config, dict) and (config.get("type_config") or {}).get("type") == "checkbox"


def read_only_grid(frame: pl.DataFrame, column_config: dict | None = None) -> tuple[pl.DataFrame, dict]:
    """What a read-only grid shows: its yes/no columns as text in the reader's language.

    Streamlit draws a read-only checkbox pale grey on grey, unreadable on a projector; a
    committee reads "✓ Oui" / "Non" instead. A column configured as a checkbox keeps its
    title, width and help as a text column. Editable grids keep real checkboxes."""
    config = dict(column_config or {})
    booleans = [name for name, dtype in frame.schema.items() if dtype == pl.Boolean]
    shown = frame.with_columns(
        pl.col(name).replace_strict(
            {True: yes_no_text(True), False: yes_no_text(False)}, default=None, return_dtype=pl.String
        )
        for name in booleans
    )
    for name in booleans:
        setting = config.get(name)
        if _is_checkbox(setting) or setting is None:
            kept = {
                k: v
                for k, v in (setting or {}).items()
                if k in ("label", "width", "help", "pinned", "alignment")
            }
            config[name] = {**kept, "type_config": {"type": "text"}}
    return shown, config
