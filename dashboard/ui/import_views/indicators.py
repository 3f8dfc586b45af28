"""Import tab: indicator values (one row per indicator x period x care region)."""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard.i18n import t
from dashboard.i18n.formatting import format_number, markdown_text
from dashboard.services.evaluation.indicator_import import (
    IndicatorPreview,
    PlannedValue,
    apply_indicator_import,
    preview_indicator_import,
)
from dashboard.ui.components import show_table
from dashboard.ui.context import PageContext
from dashboard.ui.imports import import_panel
from dashboard.ui.municipal import key_choice, render_keying

ORDER = 60
TITLE_KEY = "import.kind.indicators"


def _figure(number: float | None) -> str:
    return "–" if number is None else format_number(number, 2).rstrip("0").rstrip(",")


def _row(value: PlannedValue, what: str) -> dict:
    old = value.old or (None, None, None)
    return {
        "line": value.line,
        "what": what,
        "indicator": value.indicator,
        "period": value.period,
        "region": value.region or t("indicators.whole_project"),
        "old": " / ".join(_figure(n) for n in old) if value.old else "",
        "new": " / ".join(_figure(n) for n in value.new),
    }


def render_preview(preview: IndicatorPreview) -> None:
    counts = st.columns(3)
    counts[0].metric(t("import.indicators.new"), len(preview.new_values))
    counts[1].metric(t("import.indicators.changed"), len(preview.changed_values))
    counts[2].metric(t("import.indicators.unchanged"), preview.unchanged_values)
    render_keying(preview.keying)
    if preview.new_indicators:
        st.info(t("import.indicators.new_indicators", codes=markdown_text(", ".join(preview.new_indicators))))
    rows = [_row(v, t("import.indicators.new")) for v in preview.new_values]
    rows += [_row(v, t("import.indicators.changed")) for v in preview.changed_values]
    if rows:
        st.caption(t("import.indicators.figures"))
        show_table(
            pl.DataFrame(rows),
            hide_index=True,
            placeholder="–",
            width="stretch",
            height=min(420, 40 + 35 * len(rows)),
            column_config={
                "line": t("import.col.line"),
                "what": t("import.actions.what"),
                "indicator": t("indicators.col.code"),
                "period": t("indicators.col.period"),
                "region": t("indicators.col.region"),
                "old": t("import.actions.old"),
                "new": t("import.actions.new_value"),
            },
        )


def render(context: PageContext) -> None:
    key = key_choice("import_indicators")
    import_panel(
        context,
        key="import_indicators",
        format_path="docs/formats/indicators.md",
        preview=preview_indicator_import,
        apply=apply_indicator_import,
        render_preview=render_preview,
        extra_arguments={"key": key},
        columns_help=t("import.indicators.columns"),
        example="docs/formats/indicators-example.csv",
    )
