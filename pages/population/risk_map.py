"""Risk map: where the people of each risk stratum live, how it changes, and whether the actions
reach them."""

import streamlit as st

from dashboard.i18n import t
from dashboard.services.population import risk
from dashboard.services.population import risk_classes
from dashboard.ui import cache
from dashboard.ui import population as ui
from dashboard.ui.components import page_header
from dashboard.ui.context import page_context

context = page_context()
keys = ui.RiskKeys(context.project.slug)
page_header(context, t("risk.title"))
if context.project.is_demo:
    st.caption(t("risk.demo_caption"))

data = cache.risk_base(context)
if not data.years:
    st.info(t("risk.no_data"))
    st.stop()

view = ui.view_chooser(context, data, keys)
data = ui.with_view_cells(context, data, view, keys)
table = risk.region_table(data, view)
classes = risk_classes.measure_breaks(data, view)

map_column, side_column = st.columns([3, 2], gap="large")
with map_column:
    ui.map_panel(context, data, view, table, classes, keys)
with side_column:
    region_id = ui.legend_and_pyramid(context, data, view, table, classes, keys)

regions_tab, coverage_tab, years_tab = st.tabs(
    [t("risk.tab.regions"), t("risk.tab.coverage"), t("risk.tab.years")]
)
with regions_tab:
    ui.regions_table(context, view, table, keys)
with coverage_tab:
    ui.coverage_table(context, data, view, keys)
with years_tab:
    ui.years_chart(context, data, view, region_id, keys)
