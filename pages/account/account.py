"""My account (every role): change one's own password, log out everywhere."""

import streamlit as st

from dashboard.auth import LOGOUT_EVERYWHERE_KEY, SESSION_TOKEN
from dashboard.i18n import label, t
from dashboard.services.admin import sessions
from dashboard.ui.administration import change_password_form
from dashboard.ui.components import page_header
from dashboard.ui.context import page_context
from models.vocab import Role

context = page_context()
page_header(context, t("account.title"))
st.caption(
    t("account.signed_in_as", username=context.actor.username, name=context.actor.display_name)
    + " · "
    + ", ".join(f"{m.project.name}: {label(Role(m.role))}" for m in context.memberships)
)

change_password_form(context.actor.username, st.session_state.get(SESSION_TOKEN))

st.subheader(t("account.sessions_title"))
st.caption(t("account.sessions_help", count=sessions.open_sessions(context.actor.username)))
st.button(t("account.logout_everywhere"), key=LOGOUT_EVERYWHERE_KEY, icon=":material/devices:")
