"""Indicators: each indicator's latest value against its target and trajectory, grouped by
Quadruple Aim dimension, with the status rule stated; the detail of one indicator (opened from
the grid or a link such as /indicators?indicator=PACIC); definitions and values to download;
entry of values and definitions for coordinators and admins."""

import datetime as dt

import polars as pl
import streamlit as st

from dashboard.errors import DashboardError
from dashboard.i18n import label, plural, t
from dashboard.i18n.formatting import format_number, markdown_text
from dashboard.permissions import Permission
from dashboard.services.evaluation import indicators
from dashboard.ui import cache
from dashboard.ui.evaluation import indicators as ui
from dashboard.ui.components import chart, downloads, page_header, show_error, show_table
from dashboard.ui.context import page_context
from models.vocab import Area, QuadrupleAim

OPEN_INDICATOR = "indicator"  # query parameter: the code of the indicator whose detail is open

context = page_context()
project, lang = context.project, context.lang
today = dt.date.today()
page_header(context, t("indicators.title"))
if not st.query_params.get(OPEN_INDICATOR):  # else the detail shows it, above its forms
    ui.show_flash()


overview = cache.indicator_overview(context, today)
if overview.height == 0:
    st.info(t("indicators.no_catalogue"))
    if context.can(Permission.enter_indicator_values) and st.button(
        t("indicators.install_catalogue"), type="primary", icon=":material/library_add:"
    ):
        try:
            added = indicators.install_catalogue(context.actor)
        except DashboardError as error:
            show_error(error)
        else:
            ui.flash(plural("indicators.catalogue_installed", added))
            st.rerun()
    st.stop()

# ---- at a glance: how many are on track, and the rule that says so
counts = dict(overview.group_by("status").len().iter_rows())
figures = st.columns(4)
for column, status in zip(figures, ("on_track", "at_risk", "off_track"), strict=False):
    column.metric(t(f"indicators.status.{status}"), format_number(counts.get(status, 0)), border=True)
figures[3].metric(
    t("indicators.figure.without_status"),
    format_number(counts.get("no_target", 0) + counts.get("no_data", 0)),
    border=True,
    help=t("indicators.without_status_help"),
)
st.info(t("indicators.rule"), icon=":material/rule:")


def select(key: str, codes: list[str]) -> None:
    """A row was clicked: open that indicator (its code goes in the URL)."""
    rows = st.session_state[key].selection.rows
    if rows:
        st.query_params[OPEN_INDICATOR] = codes[rows[0]]


def close_detail() -> None:
    st.query_params.pop(OPEN_INDICATOR, None)


def show_detail(indicator_id: int) -> None:
    detail = cache.indicator_detail(context, indicator_id, today)
    row = detail.indicator

    # Titled by its name (a committee reads names); the code, for files, ends the caption.
    @st.dialog(
        markdown_text(indicators.text_in(row, "name", lang) or row["code"]),
        width="large",
        on_dismiss=close_detail,
    )
    def dialog() -> None:
        ui.indicator_detail_panel(
            context,
            detail,
            cache.derived(context, (Area.evaluation, Area.actions), ui.detail_charts, indicator_id, today),
        )

    dialog()


@st.dialog(t("indicators.new"), width="large")
def new_indicator() -> None:
    saved = ui.definition_form(context, None, [])
    if saved is not None:
        st.rerun()


rows = ui.overview_rows(overview, lang)
names = ["by_aim", "progress", "catalogue"]
tabs = dict(zip(names, st.tabs([t(f"indicators.tab.{n}") for n in names]), strict=True))
with tabs["by_aim"]:
    st.caption(t("indicators.select_hint"))
    for aim in QuadrupleAim:
        group = rows.filter(pl.col("aim") == aim.value)
        if group.height == 0:
            continue
        st.subheader(label(aim))
        key = f"indicators_{aim.value}"
        show_table(
            group.drop("aim"),
            hide_index=True,
            placeholder="–",
            width="stretch",
            key=key,
            on_select=lambda k=key, codes=group["code"].to_list(): select(k, codes),
            selection_mode="single-row",
            row_height=44,
            # The code last: an identifier for files, not what a committee reads first.
            column_order=(
                "name",
                "latest",
                "period",
                "target",
                "expected",
                "unit",
                "status",
                "trend",
                "kind",
                "code",
            ),
            column_config=ui.overview_column_config(),
        )
with tabs["progress"]:
    st.caption(t("indicators.progress_help"))
    chart(
        cache.derived(context, (Area.evaluation,), ui.progress_chart, today),
        key="indicators_progress_chart",
    )
with tabs["catalogue"]:
    st.caption(t("indicators.catalogue_help"))
    catalogue = ui.catalogue_table(indicators.catalogue_frame(context.actor, lang))
    show_table(
        catalogue,
        hide_index=True,
        placeholder="–",
        width="stretch",
        height=420,
        column_config=ui.catalogue_column_config(),
    )
    if context.can(Permission.download):
        st.markdown(f"**{t('indicators.download_catalogue')}**")
        downloads(context, catalogue, f"indicators-catalogue-{project.slug}", key="indicators_catalogue")
        st.markdown(f"**{t('indicators.download_values')}**")
        downloads(
            context,
            lambda: indicators.export_values(context.actor),
            f"indicators-values-{project.slug}",
            key="indicators_values",
        )

if context.can(Permission.enter_indicator_values) and st.button(
    t("indicators.new"), icon=":material/add:", key="indicator_new"
):
    new_indicator()

# An indicator opens from a row click, or from a link such as /indicators?indicator=PACIC.
if code := st.query_params.get(OPEN_INDICATOR):
    indicator_id = indicators.indicator_id_by_code(context.actor, code)
    if indicator_id is None:
        close_detail()
    else:
        show_detail(indicator_id)
