"""Since the last meeting: what changed in the project since the previous meeting (or a chosen
day), every area at once, each line opening the page it is about."""

import datetime as dt

import streamlit as st

from dashboard.errors import DashboardError
from dashboard.i18n import t
from dashboard.ui import cache
from dashboard.ui.components import page_header, show_error
from dashboard.ui.context import page_context
from dashboard.ui.governance.meetings import render_since

context = page_context()
page_header(context, t("since.title"))

default = cache.since_report(context)
chosen = st.columns([1, 4])[0].date_input(
    t("since.choose_date"),
    default.since,
    max_value=dt.date.today(),
    format="DD/MM/YYYY",
    key="since_day",
)
report = default
if chosen and chosen != default.since:
    try:
        report = cache.since_report(context, since=chosen)
    except DashboardError as error:
        show_error(error)
render_since(report)
