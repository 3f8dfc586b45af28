"""Small building blocks of the pages: header, errors, key figures, tables, charts, downloads."""

from __future__ import annotations

import altair as alt
import polars as pl
import streamlit as st

from dashboard.charts.theme import themed
from dashboard.errors import DashboardError
from dashboard.i18n import current_language, t
from dashboard.permissions import Permission
from dashboard.services.exports import to_csv_bytes, to_xlsx_bytes
from dashboard.services.suppression import SUPPRESSED_TEXT
from dashboard.ui.context import PageContext

DATE_FORMAT = "DD/MM/YYYY"  # column_config (moment.js) format


def page_header(context: PageContext, title: str, caption: str | None = None) -> None:
    st.title(title)
    line = context.project.region_label
    if title != context.project.name:
        line = f"{context.project.name} · {line}"
    if caption:
        line = f"{line} — {caption}"
    st.caption(line)


def show_error(error: DashboardError) -> None:
    """A service's refusal or validation problems, in the interface language."""
    st.error(error.message(current_language()))


def count_text(value: int | None, suppressed: bool, formatter=str) -> str:  # noqa: ANN001
    """A count as shown: the number, or "< 5" when the service suppressed it."""
    if suppressed:
        return SUPPRESSED_TEXT
    return "–" if value is None else formatter(value)


def chart(spec: alt.TopLevelMixin, key: str | None = None) -> None:
    st.altair_chart(themed(spec), theme=None, width="stretch", key=key)


def downloads(context: PageContext, frame: pl.DataFrame, basename: str, key: str) -> None:
    """CSV and Excel downloads of a frame (already suppressed by its service), for the roles
    that may download."""
    if not context.can(Permission.download) or frame.height == 0:
        return
    left, right, _ = st.columns([1, 1, 4])
    left.download_button(t("common.download_csv"), to_csv_bytes(frame), f"{basename}.csv",
                         mime="text/csv", key=f"{key}_csv", icon=":material/download:")
    right.download_button(t("common.download_xlsx"), to_xlsx_bytes(frame), f"{basename}.xlsx",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml"
                               ".sheet", key=f"{key}_xlsx", icon=":material/download:")
