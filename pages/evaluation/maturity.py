"""Maturity: the SCIROCCO self-assessment round by round — the consensus on a radar against the
previous round, the spread of individual scores (agreement or split), the actions addressing
each dimension (a low dimension without action is flagged); scoring, the consensus and new
rounds for the roles that may."""

import streamlit as st

from dashboard.i18n import t
from dashboard.permissions import Permission
from dashboard.ui import cache
from dashboard.ui.components import page_header
from dashboard.ui.context import page_context
from dashboard.ui.evaluation import maturity as ui
from dashboard.ui.evaluation import show_flash
from models.vocab import Area

context = page_context()
page_header(context, t("maturity.title"))
show_flash()

latest = cache.maturity_view(context, None)
if latest is None:
    st.info(t("maturity.no_data"))
    if context.can(Permission.open_maturity_round):
        ui.open_round_form(context)
    st.stop()

view = ui.round_chooser(context, latest)
ui.at_a_glance(view)

tab_names = ["results", "spread", "actions"]
if context.can(Permission.score_maturity):
    tab_names.append("my_scores")
if context.can(Permission.record_maturity_consensus):
    tab_names.append("consensus")
tab_names.append("rounds")
tabs = dict(zip(tab_names, st.tabs([t(f"maturity.tab.{n}") for n in tab_names]), strict=True))
radar, spread = cache.derived(context, (Area.evaluation,), ui.maturity_charts, view.round["id"])

with tabs["results"]:
    ui.results_tab(context, view, radar)
with tabs["spread"]:
    ui.spread_tab(context, view, spread)
with tabs["actions"]:
    ui.actions_tab(context, view)
if "my_scores" in tabs:
    with tabs["my_scores"]:
        ui.scores_editor(context, view)
if "consensus" in tabs:
    with tabs["consensus"]:
        ui.consensus_editor(context, view)
with tabs["rounds"]:
    ui.rounds_tab(context, view)
