"""Signing in, on users and sessions from the database (dashboard.services.admin.sessions).

The login cookie is a JWT (HS256, signed with LIVINGLAB_COOKIE_KEY, at least 32 bytes; without
it, a random key is generated once and kept in data/.cookie_key, with a warning) carrying the
random token of a session kept in the database, never a username: a logout ends the session, so
a copied cookie no longer logs in. A cookie that does not decode (another algorithm, another
key, garbage, expired) is no cookie.

streamlit-authenticator's own login checks passwords against a credentials dict in memory,
counts failures per browser session and signs cookies that name a user: none of which could give
a lockout per account and client, the same cost for unknown users, or revocable sessions. So the
login form is ours; the cookie is written in the browser with the component the library uses
(extra_streamlit_components' CookieManager) and read from the request (st.context.cookies).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import secrets
from pathlib import Path

import extra_streamlit_components as stx
import jwt
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from dashboard.i18n import t
from dashboard.services.admin import sessions
from models.db import ROOT

COOKIE_NAME = "livinglab_session"
COOKIE_KEY_VARIABLE = "LIVINGLAB_COOKIE_KEY"
CLIENT_HEADER_VARIABLE = "LIVINGLAB_CLIENT_IP_HEADER"  # e.g. X-Forwarded-For behind a proxy
MIN_COOKIE_KEY_BYTES = 32
LOGOUT_BUTTON_KEY = "sidebar_logout"  # never "logout": streamlit-authenticator's old key
LOGOUT_EVERYWHERE_KEY = "logout_everywhere"
JUST_LOGGED_IN = "_just_logged_in"
QUERY_AFTER_LOGIN = "_query_after_login"
SESSION_TOKEN = "_session_token"
SESSION_ENDED = "_session_ended"
LOGIN_OUTCOME = "_login_outcome"
AUTH_KEYS = ("authentication_status", "username", "name", SESSION_TOKEN)

log = logging.getLogger(__name__)


class CookieKeyTooShort(RuntimeError):
    pass


_COOKIE_VALUE = "_livinglab_cookie_value"  # the cookie being set, until the browser has it


def load_secrets() -> bool:
    """Read `secrets.toml` (`.streamlit/secrets.toml` where the server was started, or
    `~/.streamlit/secrets.toml`) now: Streamlit exports its top-level keys as environment
    variables when it reads the file, so LIVINGLAB_COOKIE_KEY, LIVINGLAB_LOG_KEY and
    LIVINGLAB_DATABASE_URL may be kept there. True when a file was found."""
    return st.secrets.load_if_toml_exists()


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


# ---------------------------------------------------------------- the cookie


def encode_cookie(token: str, *, now: dt.datetime | None = None) -> str:
    now = now or dt.datetime.now(dt.UTC)
    expires = now + dt.timedelta(days=sessions.max_age_days())
    return jwt.encode({"sid": token, "exp": expires}, cookie_key(), algorithm="HS256")


def decode_cookie(value: object) -> str | None:
    """The session token a cookie carries, or None for anything else (never an exception)."""
    if not isinstance(value, str) or not value or len(value) > 4096:
        return None
    try:
        claims = jwt.decode(value, cookie_key(), algorithms=["HS256"], options={"require": ["exp", "sid"]})
    except (jwt.PyJWTError, ValueError, TypeError, KeyError):
        return None
    token = claims.get("sid") if isinstance(claims, dict) else None
    return token if isinstance(token, str) and 0 < len(token) <= 200 else None


def _cookie_value() -> str | None:
    try:
        return st.context.cookies.get(COOKIE_NAME)
    except Exception:  # noqa: BLE001 - no request context (a bare script run): no cookie
        return None


def _cookie_manager() -> stx.CookieManager:
    return stx.CookieManager(key="livinglab_cookies")


# ---------------------------------------------------------------- who is logged in


def client_id() -> str:
    """Who is knocking, for the lockout per client: the IP address (from the header named by
    LIVINGLAB_CLIENT_IP_HEADER behind a reverse proxy), else this browser session."""
    header = os.environ.get(CLIENT_HEADER_VARIABLE)
    address = None
    try:
        if header:
            address = (st.context.headers.get(header) or "").split(",")[0].strip() or None
        address = address or st.context.ip_address
    except Exception:  # noqa: BLE001 - no request context
        address = None
    if isinstance(address, str) and address:
        return f"ip:{address}"
    ctx = get_script_run_ctx(suppress_warning=True)
    return f"session:{ctx.session_id if ctx else 'none'}"


def _forget() -> None:
    for key in AUTH_KEYS:
        st.session_state.pop(key, None)
    for key in ("project_slug", "_page_context"):
        st.session_state.pop(key, None)


def _adopt(token: str, user: sessions.SessionUser) -> None:
    st.session_state[SESSION_TOKEN] = token
    st.session_state["authentication_status"] = True
    st.session_state["username"] = user.username
    st.session_state["name"] = user.display_name


def current_user() -> sessions.SessionUser | None:
    """The user of this browser, checked against the database on every run: the session of this
    browser tab, else the one the cookie names. An ended or expired session logs the tab out."""
    token = st.session_state.get(SESSION_TOKEN)
    had_session = token is not None
    if token is None:
        token = decode_cookie(_cookie_value())
    user = sessions.touch(token) if token else None
    if user is None:
        if had_session:
            st.session_state[SESSION_ENDED] = True  # ended elsewhere, or expired: say so
        _forget()
        return None
    _adopt(token, user)  # type: ignore[arg-type]
    return user


def is_logged_in() -> bool:
    return bool(st.session_state.get("authentication_status")) and SESSION_TOKEN in st.session_state


def _submit_login() -> None:
    state = st.session_state
    result = sessions.sign_in(
        state.get("login_username") or "", state.get("login_password") or "", client_id()
    )
    state["login_password"] = ""
    state[LOGIN_OUTCOME] = result.outcome
    if result.outcome is sessions.Outcome.signed_in:
        _adopt(result.token, result.user)  # type: ignore[arg-type]
        state.pop(SESSION_ENDED, None)
        state[JUST_LOGGED_IN] = True
        state.pop(_COOKIE_VALUE, None)  # a new session: its own cookie
        # Streamlit clears query parameters when the login page gives way to the real page;
        # keep them so that a link such as /portfolio?action=2.3.1 still works after a login.
        state[QUERY_AFTER_LOGIN] = st.query_params.to_dict()


def render_login() -> None:
    """The login form; the app takes over in the same run once the user is in."""
    with st.form("login_form", enter_to_submit=True):
        st.subheader(t("auth.form_title"))
        st.text_input(t("auth.username"), key="login_username", autocomplete="username")
        st.text_input(
            t("auth.password"), type="password", key="login_password", autocomplete="current-password"
        )
        st.form_submit_button(t("auth.submit"), type="primary", on_click=_submit_login)
    outcome = st.session_state.pop(LOGIN_OUTCOME, None)
    if outcome is sessions.Outcome.wrong:
        st.error(t("auth.wrong_credentials"))
    elif outcome is sessions.Outcome.locked:
        st.error(t("auth.locked", minutes=f"{sessions.lockout_minutes():g}"))
    elif st.session_state.get(SESSION_ENDED):
        st.info(t("auth.session_ended"))
    else:
        st.info(t("auth.please_log_in"))


def restore_query_after_login() -> None:
    kept = st.session_state.pop(QUERY_AFTER_LOGIN, None)
    if kept:
        st.query_params.update(kept)


def remember_login() -> None:
    """Set the login cookie after a login, in every run until the browser reports it: a run cut
    short by a rerun (a click right after logging in) discards the cookie component before the
    browser runs it, and the login was then forgotten at the next page load."""
    if not st.session_state.get(JUST_LOGGED_IN):
        return
    value = st.session_state.get(_COOKIE_VALUE)
    if value is None:
        value = st.session_state[_COOKIE_VALUE] = encode_cookie(st.session_state[SESSION_TOKEN])
    with st.sidebar:
        manager = _cookie_manager()
        if (manager.cookies or {}).get(COOKIE_NAME) == value:
            st.session_state.pop(JUST_LOGGED_IN, None)
            st.session_state.pop(_COOKIE_VALUE, None)
            return
        manager.set(
            COOKIE_NAME,
            value,
            key="livinglab_cookie_set",
            expires_at=dt.datetime.now() + dt.timedelta(days=sessions.max_age_days()),
            same_site="strict",
        )


def _delete_cookie() -> None:
    manager = _cookie_manager()
    if COOKIE_NAME in (manager.cookies or {}):
        manager.delete(COOKIE_NAME, key="livinglab_cookie_delete")
    else:  # the component has not reported the browser's cookies yet: delete blindly
        manager.cookie_manager(
            method="delete", cookie=COOKIE_NAME, key="livinglab_cookie_delete", default=False
        )


def logout(*, everywhere: bool = False) -> None:
    """End this browser's session (or every session of the user) and delete the cookie."""
    token = st.session_state.get(SESSION_TOKEN)
    username = st.session_state.get("username")
    if everywhere and username:
        sessions.end_all_sessions(username)
    elif token:
        sessions.end_session(token)
    _forget()
    _delete_cookie()
