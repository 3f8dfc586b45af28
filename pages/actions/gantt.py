"""Gantt: the actions on a time line, grouped by strategic objective, against a baseline."""

import datetime as dt

import streamlit as st

from dashboard.charts.actions import gantt_chart
from dashboard.presenters.actions import gantt_words
from dashboard.i18n import label, plural, t
from dashboard.services.actions import portfolio
from dashboard.ui import cache
from dashboard.ui.components import chart, chart_downloads, chart_spec, page_header
from dashboard.ui.context import page_context
from dashboard.ui.actions.portfolio import filter_bar, filtered_download
from models.vocab import ActionStatus

context = page_context()
project = context.project
today = dt.date.today()
page_header(context, t("gantt.title"))

actions = portfolio.with_late_flag(cache.actions(context), today)
shown = filter_bar(context, actions)

modes = {
    "first": t("gantt.baseline_first"),
    "date": t("gantt.baseline_date"),
    "none": t("gantt.baseline_none"),
}
controls = st.columns([4, 2, 2])
mode = controls[0].radio(
    t("gantt.baseline"), list(modes), format_func=modes.__getitem__, horizontal=True, key="gantt_baseline"
)
as_of = None
if mode == "date":
    day = controls[1].date_input(
        t("gantt.baseline_as_of"),
        value=dt.date(today.year - 1, 1, 1),
        min_value=dt.date(2000, 1, 1),
        max_value=today,
        format="DD/MM/YYYY",
        key="gantt_as_of",
    )
    as_of = dt.datetime.combine(day, dt.time(23, 59), tzinfo=dt.UTC)
sorts = {"code": t("gantt.sort_code"), "start": t("gantt.sort_start")}
sort_by = controls[2].segmented_control(
    t("gantt.sort"), list(sorts), default="code", format_func=sorts.__getitem__, key="gantt_sort"
)

rows = portfolio.gantt_rows(portfolio.with_baseline(shown, cache.changes(context), as_of))
undated = rows.filter(rows["planned_start"].is_null() | rows["planned_end"].is_null()).height
if rows.height - undated == 0:
    st.info(t("gantt.empty"))
    st.stop()

words = gantt_words()
spec = chart_spec(
    gantt_chart(
        rows,
        today=today,
        status_labels={s.value: label(s) for s in ActionStatus},
        words=words,
        show_baseline=mode != "none",
        sort_by=sort_by or "code",
    )
)
st.caption(t("gantt.legend"))
with st.container(height=720):
    chart(spec, key="gantt_chart")
if undated:
    st.caption(plural("gantt.undated", undated))
download = filtered_download(context, actions, shown)  # the images show the actions shown
chart_downloads(
    context,
    spec,
    f"gantt-{project.slug}-{today.isoformat()}{download.suffix}",
    key="gantt",
    caption=download.caption,
)
