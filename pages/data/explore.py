"""Explore: the project's datasets for academic partners: pivots and charts whose view is a
URL, read-only SQL, downloads; every small count already suppressed by the service."""

import streamlit as st

from dashboard.i18n import t
from dashboard.permissions import Permission
from dashboard.ui import cache
from dashboard.ui import explore as ui
from dashboard.ui.components import page_header
from dashboard.ui.context import page_context

context = page_context(Permission.explore)
page_header(context, t("explore.title"), t("explore.caption"))
datasets = cache.explore_catalogue(context)
name = ui.choose_dataset(context)
dataset = datasets[name]

pivot_tab, sql_tab = st.tabs([t("explore.tab.pivot"), t("explore.tab.sql")])
with pivot_tab:
    spec = ui.choose_pivot(context, dataset)
    ui.pivot_view(context, dataset, spec)
with sql_tab:
    ui.sql_view(context, dataset)
