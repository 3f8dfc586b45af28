"""Small building blocks of the pages: header, errors, key figures, tables, charts, downloads."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import altair as alt
import polars as pl
import streamlit as st

from dashboard.charts.images import to_png, to_svg
from dashboard.charts.table import chart_table
from dashboard.charts.theme import for_presentation, legible, stretched, themed
from dashboard.errors import DashboardError, ValidationFailed, describe, in_form_words
from dashboard.i18n import current_language, t
from dashboard.i18n.formatting import markdown_text
from dashboard.permissions import Permission
from dashboard.services.admin import audit
from dashboard.services.exports import to_csv_bytes, to_xlsx_bytes
from dashboard.services.suppression import SUPPRESSED_TEXT
from dashboard.ui import presentation
from dashboard.ui.context import PageContext
from dashboard.presenters.tables import read_only_grid

DATE_FORMAT = "DD/MM/YYYY"  # column_config (moment.js) format


def page_header(context: PageContext, title: str, caption: str | None = None) -> None:
    st.title(markdown_text(title) if title == context.project.name else title)
    line = markdown_text(context.project.region_label)
    if title != context.project.name:
        line = f"{markdown_text(context.project.name)} · {line}"
    if caption:
        line = f"{line} — {caption}"
    st.caption(line)


def show_error(
    error: DashboardError, fields: Mapping[str, str] | None = None, columns: Mapping[str, str] | None = None
) -> None:
    """A service's refusal or validation problems, in the interface language; with `fields`
    (and `columns` of a grid), each problem names the form's field by its label (code ->
    label), never by its code."""
    st.error(error_markdown(in_form_words(error, fields, columns), current_language()))


def error_markdown(error: DashboardError, lang: str) -> str:
    """An error as a Markdown element shows it: the values it quotes (a title, a cell of a
    file) as text, each problem of a refused input an item of a list."""
    if isinstance(error, ValidationFailed):
        head = DashboardError.message(error, lang)
        return "\n".join(
            [markdown_text(head), *(f"- {markdown_text(describe(p, lang))}" for p in error.problems)]
        )
    return markdown_text(error.message(lang))


def count_text(value: int | None, suppressed: bool, formatter=str) -> str:  # noqa: ANN001
    """A count as shown: the number, or "< 5" when the service suppressed it."""
    if suppressed:
        return SUPPRESSED_TEXT
    return "–" if value is None else formatter(value)


def chart(
    spec: alt.TopLevelMixin | dict, key: str | None = None, *, width: str = "stretch", stretch: bool = True
) -> None:
    """Show an Altair chart (or a spec dict made by `chart_spec`).

    The chart builders are tested to produce valid Vega-Lite, so the spec is handed over without
    a second schema validation, which costs tens of milliseconds per rerun on large charts.
    A chart of fixed width is shown as wide as the page (`stretched`) unless `stretch` is off.
    Its data is shown as a table beside it (`chart_data`)."""
    if not isinstance(spec, dict):
        spec = chart_spec(spec)
    if presentation.is_on():
        spec = for_presentation(spec)
    elif stretch:
        spec = stretched(spec)
    st.vega_lite_chart(spec, theme=None, width=width, key=key)
    chart_data(spec, key)


def chart_data(spec: dict, key: str | None = None) -> None:
    """The data of a chart as a table under it, folded (for readers who cannot see the chart:
    a screen reader reads the table). It is the frame the chart draws, so a count the service
    suppressed stays suppressed here."""
    table = chart_table(spec)
    if table.width == 0 or table.height == 0:
        return
    with st.expander(t("common.chart_data"), icon=":material/table:"):
        st.dataframe(table, hide_index=True, width="stretch", key=f"{key}_data" if key else None)


def chart_spec(spec: alt.TopLevelMixin) -> dict:
    """The themed chart as a Vega-Lite dict (data inline), ready for `chart` or caching."""
    return legible(themed(spec).to_dict(validate=False))


XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def downloads(
    context: PageContext,
    frame: pl.DataFrame | Callable[[], pl.DataFrame],
    basename: str,
    key: str,
    caption: str | None = None,
    more_sheets: dict[str, pl.DataFrame] | None = None,
) -> None:
    """CSV and Excel downloads of a frame (already suppressed by its service), for the roles
    that may download. The files are made when clicked, not on every rerun; `frame` may be a
    function giving the frame, so that it too is only computed then. `caption` (e.g. the
    filters applied) is shown beside the buttons; `more_sheets` are added to the Excel file."""
    if not context.can(Permission.download):
        return
    if isinstance(frame, pl.DataFrame):
        if frame.height == 0:
            return
        rows = frame
        frame = lambda: rows  # noqa: E731
    left, right, beside = st.columns([1, 1, 4], vertical_alignment="center")
    left.download_button(
        t("common.download_csv"),
        lambda: logged_export(context, basename, "csv", to_csv_bytes(frame())),
        f"{basename}.csv",
        mime="text/csv",
        key=f"{key}_csv",
        icon=":material/download:",
    )
    right.download_button(
        t("common.download_xlsx"),
        lambda: logged_export(context, basename, "xlsx", to_xlsx_bytes(frame(), more_sheets=more_sheets)),
        f"{basename}.xlsx",
        mime=XLSX_MIME,
        key=f"{key}_xlsx",
        icon=":material/download:",
    )
    if caption:
        beside.caption(markdown_text(caption))  # filters name user text: shown as text


def logged_export(context: PageContext, what: str, file_format: str, data: bytes) -> bytes:
    """A data file made for a download, with its audit event (made when clicked: pass it in the
    download button's callable)."""
    audit.log_export(context.actor, what, file_format)
    return data


def captioned_title(title: str | dict | None, caption: str) -> dict:
    """A chart's title with `caption` (the filters in force) under it; the caption alone as
    the title of a chart that has none (the chart's own title is never lost)."""
    text = title.get("text") if isinstance(title, dict) else title
    if text:
        base = title if isinstance(title, dict) else {"text": text}
        return {**base, "subtitle": caption, "subtitleFontSize": 12, "anchor": "start"}
    return {"text": caption, "anchor": "start", "fontSize": 12, "fontWeight": "normal"}


def chart_downloads(
    context: PageContext, spec: alt.TopLevelMixin | dict, basename: str, key: str, caption: str | None = None
) -> None:
    """PNG and SVG of a chart as shown (rendered on click). `caption` (e.g. the filters applied)
    is shown beside the buttons and written at the top of the images."""
    if not context.can(Permission.download):
        return
    if caption:
        if not isinstance(spec, dict):
            spec = chart_spec(spec)
        spec = {**spec, "title": captioned_title(spec.get("title"), caption)}
    # One row that wraps, each button as wide as its label: in a half-width column the labels
    # of fixed columns were cut to "Image…", PNG and SVG no longer told apart.
    row = st.container(horizontal=True, vertical_alignment="center", wrap=True)
    row.download_button(
        t("common.download_png"),
        lambda: to_png(spec),
        f"{basename}.png",
        mime="image/png",
        key=f"{key}_png",
        icon=":material/image:",
        width="content",
    )
    row.download_button(
        t("common.download_svg"),
        lambda: to_svg(spec),
        f"{basename}.svg",
        mime="image/svg+xml",
        key=f"{key}_svg",
        icon=":material/image:",
        width="content",
    )
    if caption:
        row.caption(markdown_text(caption))


def show_table(
    frame: pl.DataFrame,
    *,
    column_config: dict | None = None,
    placeholder: str = "–",
    empty_text: str | None = None,
    **kwargs,
) -> None:  # noqa: ANN003
    """A read-only grid as a projector reads it: yes/no as text in the reader's language
    (tables.read_only_grid), an empty cell as "–" and, with no row at all, a sentence in the
    reader's language instead of the grid's own English "empty"."""
    if frame.height == 0:
        st.caption(empty_text or t("common.empty"))
        return
    shown, config = read_only_grid(frame, column_config)
    st.dataframe(shown, column_config=config, placeholder=placeholder, **kwargs)
