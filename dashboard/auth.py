"""Authentication with streamlit-authenticator, on users from the database.

The re-login cookie is signed with LIVINGLAB_COOKIE_KEY (at least 32 bytes). Without it, a random
key is generated once and kept in data/.cookie_key (outside git), with a warning.
"""

from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path

import streamlit as st
import streamlit_authenticator as stauth
from streamlit_authenticator.utilities.exceptions import LoginError

from dashboard.i18n import t
from dashboard.services.admin import users
from models.db import ROOT

COOKIE_NAME = "livinglab_session"
COOKIE_EXPIRY_DAYS = 7
COOKIE_KEY_VARIABLE = "LIVINGLAB_COOKIE_KEY"
MIN_COOKIE_KEY_BYTES = 32
LOGOUT_BUTTON_KEY = "sidebar_logout"  # never "logout": the library keeps its own state there
JUST_LOGGED_IN = "_just_logged_in"
QUERY_AFTER_LOGIN = "_query_after_login"

log = logging.getLogger(__name__)


class CookieKeyTooShort(RuntimeError):
    pass


def cookie_key_file() -> Path:
    return Path(os.environ.get("LIVINGLAB_COOKIE_KEY_FILE") or ROOT / "data" / ".cookie_key")


def cookie_key() -> str:
    key = os.environ.get(COOKIE_KEY_VARIABLE)
    if key is not None:
        if len(key.encode()) < MIN_COOKIE_KEY_BYTES:
            raise CookieKeyTooShort(COOKIE_KEY_VARIABLE)
        return key
    path = cookie_key_file()
    if path.exists():
        return path.read_text().strip()
    key = secrets.token_urlsafe(48)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(key)
    path.chmod(0o600)
    log.warning(
        "%s is not set: generated a cookie key and stored it in %s. Set the variable "
        "in production (at least %d bytes).",
        COOKIE_KEY_VARIABLE,
        path,
        MIN_COOKIE_KEY_BYTES,
    )
    return key


def authenticator() -> stauth.Authenticate:
    """A fresh authenticator for this rerun, with the current users (hashes pre-computed)."""
    return stauth.Authenticate(
        credentials=users.authenticator_credentials(),
        cookie_name=COOKIE_NAME,
        cookie_key=cookie_key(),
        cookie_expiry_days=COOKIE_EXPIRY_DAYS,
        auto_hash=False,
        login_sleep_time=0,
    )


def is_logged_in() -> bool:
    return bool(st.session_state.get("authentication_status"))


def render_login(authenticate: stauth.Authenticate) -> None:
    """The login form; reruns into the app once the user is in (or re-logged by cookie)."""
    try:
        authenticate.login(
            location="main",
            key="login_form",
            fields={
                "Form name": t("auth.form_title"),
                "Username": t("auth.username"),
                "Password": t("auth.password"),
                "Login": t("auth.submit"),
            },
        )
    except LoginError as error:  # e.g. a cookie naming a user who no longer exists
        st.session_state["authentication_status"] = None
        st.error(t("auth.login_failed", reason=str(error)))
        return
    status = st.session_state.get("authentication_status")
    if status:
        st.session_state[JUST_LOGGED_IN] = True
        # Streamlit clears query parameters when the login page gives way to the real page;
        # keep them so that a link such as /portfolio?action=2.3.1 still works after a login.
        st.session_state[QUERY_AFTER_LOGIN] = st.query_params.to_dict()
        st.rerun()
    elif status is False:
        st.error(t("auth.wrong_credentials"))
    else:
        st.info(t("auth.please_log_in"))


def restore_query_after_login() -> None:
    kept = st.session_state.pop(QUERY_AFTER_LOGIN, None)
    if kept:
        st.query_params.update(kept)


def remember_login(authenticate: stauth.Authenticate) -> None:
    """Set the re-login cookie in the first complete run after a login.

    login() sets it too, but the rerun that follows a login discards the cookie component before
    the browser runs it; this run is not cut short, so the browser stores the cookie.
    """
    if st.session_state.pop(JUST_LOGGED_IN, False):
        with st.sidebar:
            authenticate.cookie_controller.set_cookie()


def logout(authenticate: stauth.Authenticate) -> None:
    """Log out and delete the re-login cookie (rendered in this run, so the browser gets it)."""
    authenticate.logout(location="unrendered")
    for key in ("project_slug", "_page_context"):
        st.session_state.pop(key, None)
