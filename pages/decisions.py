"""Decisions: the governance log, newest first, with its tamper check."""

import streamlit as st

from dashboard.i18n import t
from dashboard.services import governance
from dashboard.ui.components import DATE_FORMAT, page_header
from dashboard.ui.context import page_context
from dashboard.ui.tables import translate
from models.vocab import DecisionOutcome

context = page_context()
page_header(context, t("decisions.title"))

check = governance.verify_chain(context.project.id)
if check.intact:
    st.success(t("decisions.chain_intact", count=check.entries), icon=":material/verified:")
else:
    st.error(t("decisions.chain_broken", sequence=check.first_broken_sequence,
               reason=check.reason), icon=":material/gpp_bad:")

log = translate(governance.decisions_frame(context.project.id), "outcome", DecisionOutcome)
st.dataframe(
    log.select("sequence", "recorded_at", "action_code", "action_title", "outcome", "conditions",
               "rationale", "review_date", "meeting_title", "recorded_by", "superseded_by"),
    hide_index=True, placeholder="–", width="stretch", height=640,
    column_config={
        "sequence": st.column_config.NumberColumn(t("decisions.col.sequence"), width="small"),
        "recorded_at": st.column_config.DatetimeColumn(t("decisions.col.recorded_at"),
                                                       format="DD/MM/YYYY HH:mm"),
        "action_code": st.column_config.TextColumn(t("decisions.col.action"), width="small"),
        "action_title": st.column_config.TextColumn("", width="medium"),
        "outcome": t("decisions.col.outcome"),
        "conditions": t("decisions.col.conditions"),
        "rationale": st.column_config.TextColumn(t("decisions.col.rationale"), width="large"),
        "review_date": st.column_config.DateColumn(t("decisions.col.review_date"),
                                                   format=DATE_FORMAT),
        "meeting_title": t("decisions.col.meeting"),
        "recorded_by": t("decisions.col.recorded_by"),
        "superseded_by": st.column_config.NumberColumn(t("decisions.col.superseded_by")),
    },
)
