"""Portfolio: the actions of the plan (strategic > operational > action), their status, what is
late or coming, the social-entrepreneurship share, breakdowns, and each action's detail."""

import datetime as dt

import streamlit as st

from dashboard.i18n import t
from dashboard.services.actions import portfolio
from dashboard.ui import cache
from dashboard.ui.actions import portfolio as ui
from dashboard.ui.components import page_header
from dashboard.ui.context import page_context

context = page_context()
today = dt.date.today()
page_header(context, t("portfolio.title"))

actions = portfolio.with_late_flag(cache.actions(context), today)
shown = ui.filter_bar(context, actions)
ui.key_figures(context, shown, today)

plan_tab, table_tab, charts_tab = st.tabs(
    [t("portfolio.tab.plan"), t("portfolio.tab.table"), t("portfolio.tab.charts")]
)
with plan_tab:
    ui.plan_tab(context, shown)
with table_tab:
    ui.table_tab(context, actions, shown)
with charts_tab:
    ui.charts_tab(context, actions, shown, today)

ui.open_action_detail(context)
