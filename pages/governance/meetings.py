"""Meetings: prepare (agenda, attendance, quorum rule), hold on the shared screen (each agenda
item's state and the decision buttons, once the quorum is reached) and minute a committee
meeting."""

import datetime as dt

import streamlit as st

from dashboard.i18n import t
from dashboard.permissions import Permission
from dashboard.presenters.governance import meeting_labels
from dashboard.services.governance import meetings
from dashboard.ui.components import page_header
from dashboard.ui.context import page_context
from dashboard.ui.governance import meetings as views

context = page_context()
today = dt.date.today()
page_header(context, t("meetings.title"))
views.show_done()

listing = meetings.meetings_list(context.actor)
labels = meeting_labels(listing)
chooser, creator = st.columns([3, 2])
views.choose_meeting(chooser, listing, labels, today)
if context.can(Permission.prepare_meeting):
    views.new_meeting(context, creator, listing, today)
if not labels:
    st.stop()

view = meetings.meeting_view(context.actor, st.session_state["meeting_id"], today)
views.heading(view)
session_tab, agenda_tab, attendance_tab, minutes_tab = views.tabs()
with session_tab:
    views.session(context, view)
with agenda_tab:
    views.agenda(context, view, today)
with attendance_tab:
    views.attendance(context, view)
with minutes_tab:
    views.minutes_tab(context, view, today)
