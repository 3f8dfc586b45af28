"""Indicators: each indicator's latest value against its target and trajectory, grouped by
Quadruple Aim dimension, with the status rule stated; the detail of one indicator (opened from
the grid or a link such as /indicators?indicator=PACIC); definitions and values to download;
entry of values and definitions for coordinators and admins."""

import datetime as dt

import streamlit as st

from dashboard.i18n import t
from dashboard.ui import cache
from dashboard.ui.components import page_header
from dashboard.ui.context import page_context
from dashboard.ui.evaluation import indicators as ui

context = page_context()
today = dt.date.today()
page_header(context, t("indicators.title"))
if not st.query_params.get(ui.OPEN_INDICATOR):  # else the detail shows it, above its forms
    ui.show_flash()

overview = cache.indicator_overview(context, today)
if overview.height == 0:
    ui.no_catalogue(context)
    st.stop()
ui.at_a_glance(overview)

names = ["by_aim", "progress", "catalogue"]
tabs = dict(zip(names, st.tabs([t(f"indicators.tab.{n}") for n in names]), strict=True))
with tabs["by_aim"]:
    ui.by_aim_tab(context, overview, today)
with tabs["progress"]:
    ui.progress_tab(context, today)
with tabs["catalogue"]:
    ui.catalogue_tab(context)

ui.new_indicator_button(context)
ui.open_indicator_detail(context, today)
