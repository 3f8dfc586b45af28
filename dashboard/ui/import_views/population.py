"""Import tab: Statbel population tables, added up into care-region populations."""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard.i18n import t
from dashboard.i18n.formatting import format_number
from dashboard.services.population.population_import import (
    PopulationPreview,
    apply_population_import,
    preview_population_import,
)
from dashboard.ui.context import PageContext
from dashboard.ui.imports import import_panel
from dashboard.ui.municipal import render_outside

ORDER = 45
TITLE_KEY = "import.kind.population"


def render_preview(preview: PopulationPreview) -> None:
    st.caption(
        t(
            "import.population.summary",
            year=preview.year,
            municipalities=preview.municipalities,
            subtotals=preview.subtotals,
        )
    )
    render_outside(preview.outside)
    rows = [
        {
            "region": c.region,
            "old": "" if c.old is None else format_number(c.old),
            "new": format_number(c.new),
        }
        for c in preview.changes
    ]
    if rows:
        st.dataframe(
            pl.DataFrame(rows),
            hide_index=True,
            width="stretch",
            height=min(420, 38 * (len(rows) + 1) + 4),
            column_config={
                "region": t("import.population.col.region"),
                "old": t("import.population.col.old"),
                "new": t("import.population.col.new"),
            },
        )


def render(context: PageContext) -> None:
    year = st.number_input(
        t("import.population.year"),
        min_value=1990,
        max_value=2100,
        value=None,
        step=1,
        key="import_population_year",
        help=t("import.population.year_help"),
    )
    import_panel(
        context,
        key="import_population",
        format_path="docs/formats/population.md",
        preview=preview_population_import,
        apply=apply_population_import,
        render_preview=render_preview,
        columns_help=t("import.population.columns"),
        extra_arguments={"year": int(year) if year is not None else None},
        example="docs/formats/population-example.csv",
        upload_label=t("import.population.upload"),
    )
