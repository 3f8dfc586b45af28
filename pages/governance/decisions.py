"""Decisions: the governance log, newest first, with its tamper check, its flags (overdue reviews,
unmet conditions), filters, what the committee knew at each decision, corrections and downloads."""

import streamlit as st

from dashboard.i18n import plural, t
from dashboard.services.governance import decisions as governance
from dashboard.ui.components import downloads, page_header
from dashboard.ui.context import page_context
from dashboard.ui.governance import decisions as views

context = page_context()
project = context.project
page_header(context, t("decisions.title"))

views.chain_status(governance.verify_chain(context.actor))
log = governance.log_frame(context.actor)
views.figures(log)
shown = governance.filter_log(log, views.filters(context, log))
st.caption(plural("decisions.shown", shown.height, total=log.height))
views.log_view(shown)
downloads(
    context, lambda: governance.export_frame(context.actor), f"decisions-{project.slug}", key="log_export"
)
views.open_entry(context, log)
views.record_outside(context)
