"""Entry script of the living-lab dashboard: `streamlit run dashboard/app.py`.

Every request runs this script first: it logs the visitor in (or shows only the login page,
whatever URL was asked for), builds the page context of the user's current project, renders the
sidebar and hands over to the page the user chose, among those the role may see.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit import config

from dashboard import auth, navigation
from dashboard.i18n import t
from dashboard.ui import sidebar
from dashboard.ui.administration import PASSWORD_DONE, change_password_form
from dashboard.ui.presentation import init_presentation
from dashboard.ui.style import apply_global_css

FORCED_CHANGE = "_forced_password_change"
from dashboard.ui.session import build_context, init_language, language_switch
from models.log_key import LogKeyTooShort, log_key

# What the app needs whatever directory the server was started from (.streamlit/config.toml is
# read from the working directory only). Tables are downloaded through the pages' own buttons,
# which check the download permission and neutralise formulas, never through the data grid's
# toolbar: export off for every role, whatever the configuration. Unexpected errors show a
# generic message, never a traceback, unless an operator asked otherwise (config, flag or
# STREAMLIT_CLIENT_SHOW_ERROR_DETAILS).
st.set_option("client.disableDataExport", True)
for option, value in (("client.showErrorDetails", "none"), ("client.toolbarMode", "minimal")):
    if not config.is_manually_set(option):
        st.set_option(option, value)

auth.load_secrets()  # before any key or the database URL is read

st.set_page_config(
    page_title="Living lab",
    # A file of ours, not ":material/hub:": Streamlit fetches a Material icon used as the tab's
    # icon from fonts.gstatic.com, and no request may leave the server (offline installations).
    page_icon=str(Path(__file__).resolve().parent / "static" / "favicon.png"),
    layout="wide",
    initial_sidebar_state="expanded",
)
apply_global_css()  # before the login gate: the login screen takes it too

lang = init_language()
try:
    auth.cookie_key()
except auth.CookieKeyTooShort:
    st.error(t("auth.bad_cookie_key"))
    st.stop()
try:
    log_key()  # the decision log's seal: refuse to run with a weak one rather than seal with it
except LogKeyTooShort:
    st.error(t("auth.bad_log_key"))
    st.stop()

if auth.is_logged_in() and st.session_state.get(auth.LOGOUT_BUTTON_KEY):
    auth.logout()
if auth.is_logged_in() and st.session_state.get(auth.LOGOUT_EVERYWHERE_KEY):
    auth.logout(everywhere=True)
user = auth.current_user()  # checked against the database on every run
if user is not None:
    lang = init_language(user.username)


def login_page() -> None:
    st.title(t("app.title"))
    st.caption(t("app.tagline"))
    auth.render_login()
    with st.columns([1, 3])[0]:
        language_switch()


if user is None:
    navigation.login_navigation(login_page).run()
    st.stop()

if user.must_change_password:  # a one-time password: a password of one's own, before anything
    st.title(t("account.must_change_title"))
    st.info(t("account.must_change"))
    st.session_state[FORCED_CHANGE] = True
    change_password_form(user.username, st.session_state.get(auth.SESSION_TOKEN))
    st.button(t("auth.logout"), key=auth.LOGOUT_BUTTON_KEY)
    st.stop()
if st.session_state.pop(FORCED_CHANGE, False) and st.session_state.pop(PASSWORD_DONE, False):
    st.toast(t("account.password_changed"), icon=":material/check:")

context = build_context(user.username, user.display_name, lang)
if context is None:
    st.warning(t("auth.no_project"))
    st.button(t("auth.logout"), key=auth.LOGOUT_BUTTON_KEY)
    st.stop()

init_presentation(user.username)
navigation_menu = navigation.app_navigation(context.actor.role)
auth.restore_query_after_login()  # after st.navigation, which clears them on a page switch
sidebar.render(context, navigation_menu.url_path)
auth.remember_login()
navigation_menu.run()
