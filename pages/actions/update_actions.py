"""Update actions (coordinators, admins): several actions at once in an editor, one action in a
form, or a new action under an objective. The service validates and keeps the history."""

import datetime as dt

import streamlit as st

from dashboard.i18n import t
from dashboard.permissions import Permission
from dashboard.services.actions import portfolio
from dashboard.ui.actions import editing as ui
from dashboard.ui.components import page_header
from dashboard.ui.context import page_context

context = page_context(Permission.edit_actions)
page_header(context, t("update.title"))

# Not re-read at each rerun: the edits must carry the versions the user saw, so that a save over
# someone else's newer change is refused rather than silently undoing it.
seen = ui.actions_as_seen(context.actor, lambda: portfolio.actions_frame(context.actor))
actions = portfolio.with_late_flag(seen.actions, dt.date.today())
vocabulary = ui.vocabulary_of(context)
ui.saved_notice(seen)

bulk_tab, one_tab, add_tab = st.tabs([t("update.tab.bulk"), t("update.tab.one"), t("update.tab.add")])
with bulk_tab:
    ui.bulk_editor(context, seen, actions, vocabulary)
with one_tab:
    ui.one_action_form(context, seen, actions, vocabulary)
with add_tab:
    ui.add_action_form(context, actions, vocabulary)
