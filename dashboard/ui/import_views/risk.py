"""Import tab: risk-stratification tables (CSV, XLSX or Parquet)."""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard.i18n import t
from dashboard.i18n.formatting import format_number
from dashboard.services.population.risk_import import RiskPreview, apply_risk_import, preview_risk_import
from dashboard.ui.components import show_table
from dashboard.ui.context import PageContext
from dashboard.ui.imports import import_panel
from dashboard.ui.municipal import key_choice, render_keying

ORDER = 40
TITLE_KEY = "import.kind.risk"


def _population(change: tuple[int | None, int] | None) -> str:
    if change is None:
        return ""
    old, new = change
    return f"{format_number(old)} → {format_number(new)}"


def render_preview(preview: RiskPreview) -> None:
    counts = st.columns(4)
    counts[0].metric(t("import.risk.rows"), format_number(preview.rows))
    counts[1].metric(t("import.risk.new"), len(preview.new))
    counts[2].metric(t("import.risk.changed"), len(preview.changed))
    counts[3].metric(t("import.risk.unchanged"), len(preview.unchanged))
    st.caption(t("import.risk.replaces"))
    render_keying(preview.keying)
    rows = [
        {
            "region": c.region,
            "year": str(c.year),
            "added": c.added,
            "changed": c.changed,
            "removed": c.removed,
            "population": _population(c.population),
        }
        for c in preview.new + preview.changed
    ]
    if rows:
        show_table(
            pl.DataFrame(rows),
            hide_index=True,
            width="stretch",
            height=min(420, 38 * (len(rows) + 1) + 4),
            column_config={
                "region": t("import.risk.col.region"),
                "year": t("import.risk.col.year"),
                "added": t("import.risk.col.added"),
                "changed": t("import.risk.col.changed"),
                "removed": t("import.risk.col.removed"),
                "population": t("import.risk.col.population"),
            },
        )


def render(context: PageContext) -> None:
    key = key_choice("import_risk")
    import_panel(
        context,
        key="import_risk",
        format_path="docs/formats/risk.md",
        preview=preview_risk_import,
        apply=apply_risk_import,
        render_preview=render_preview,
        extra_arguments={"key": key},
        columns_help=t("import.risk.columns"),
        example="docs/formats/risk-example.csv",
        file_types=("csv", "xlsx", "txt", "parquet"),
        upload_label=t("import.risk.upload"),
    )
