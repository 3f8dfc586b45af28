"""Portfolio: the actions of the plan, strategic > operational > action, with their status."""

import datetime as dt

import streamlit as st

from dashboard.i18n import label, t
from dashboard.services import portfolio
from dashboard.ui.components import DATE_FORMAT, page_header
from dashboard.ui.context import page_context
from dashboard.ui.tables import joined, translate
from models.vocab import ActionStatus

context = page_context()
project = context.project
page_header(context, t("portfolio.title"))

actions = portfolio.with_late_flag(portfolio.actions_frame(project.id), dt.date.today())
counts = portfolio.status_counts(actions)
for column, status in zip(st.columns(len(ActionStatus)), ActionStatus, strict=True):
    column.metric(label(status), counts[status.value], border=True)

table = joined(translate(actions, "status", ActionStatus), "region_names")
st.dataframe(
    table.select("strategic_code", "objective_code", "code", "title", "status", "planned_start",
                 "planned_end", "lead_partner", "region_names", "late"),
    hide_index=True, width="stretch", height=640,
    column_config={
        "strategic_code": st.column_config.TextColumn(project.level_name(1), width="small"),
        "objective_code": st.column_config.TextColumn(project.level_name(2), width="small"),
        "code": st.column_config.TextColumn(t("portfolio.col.code"), width="small"),
        "title": st.column_config.TextColumn(t("portfolio.col.title"), width="large"),
        "status": t("portfolio.col.status"),
        "planned_start": st.column_config.DateColumn(t("portfolio.col.planned_start"),
                                                     format=DATE_FORMAT),
        "planned_end": st.column_config.DateColumn(t("portfolio.col.planned_end"),
                                                   format=DATE_FORMAT),
        "lead_partner": t("portfolio.col.lead_partner"),
        "region_names": t("portfolio.col.regions"),
        "late": st.column_config.CheckboxColumn(t("portfolio.col.late")),
    },
)
