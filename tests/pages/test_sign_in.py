"""Signing in through the app: lockout, messages that reveal nothing, sessions the server can
end (logout, log out everywhere, deactivation, inactivity), and cookies that do not decode."""

import datetime as dt

import jwt
import pytest

from dashboard import auth
from dashboard.i18n import t
from dashboard.services.admin import sessions
from tests.pages.apptest import anonymous, logged_in, texts

PASSWORD = "livinglab-demo"


def _log_in(at, username: str, password: str):  # noqa: ANN001, ANN202
    at.text_input(key="login_username").input(username)
    at.text_input(key="login_password").input(password)
    at.button[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _with_cookie(monkeypatch, value):  # noqa: ANN001, ANN202
    """The next anonymous visit comes with this cookie (AppTest sends no request headers)."""
    monkeypatch.setattr(auth, "_cookie_value", lambda: value)
    return anonymous()


def _is_login_form(at) -> bool:  # noqa: ANN001
    return [w.key for w in at.text_input] == ["login_username", "login_password"]


def test_fifty_wrong_passwords_then_the_right_one_is_refused(demo_sqlite):
    at = anonymous()
    for _ in range(50):
        _log_in(at, "demo-coordinator", "not the password")
    _log_in(at, "demo-coordinator", PASSWORD)
    assert _is_login_form(at)
    assert [e.value for e in at.error] == [t("auth.locked", lang="fr", minutes="15")]
    # Another browser (another client) cannot log in to the locked account either.
    other = _log_in(anonymous(), "demo-coordinator", PASSWORD)
    assert _is_login_form(other)


def test_the_lockout_message_is_the_same_for_an_unknown_account(demo_sqlite):
    known, unknown = anonymous(), anonymous()
    for _ in range(5):
        _log_in(known, "demo-steering", "not the password")
        _log_in(unknown, "nobody-here", "not the password")
    _log_in(known, "demo-steering", "not the password")
    _log_in(unknown, "nobody-here", "not the password")
    assert [e.value for e in known.error] == [e.value for e in unknown.error]
    assert [e.value for e in known.error] == [t("auth.locked", lang="fr", minutes="15")]


def test_four_failures_then_the_right_password_logs_in(demo_sqlite):
    at = anonymous()
    for _ in range(4):
        _log_in(at, "demo-viewer", "not the password")
    _log_in(at, "demo-viewer", PASSWORD)
    assert not _is_login_form(at)


def test_a_client_is_locked_out_after_five_failures_on_any_accounts(demo_sqlite):
    at = anonymous()
    for name in ("a-user", "b-user", "c-user", "d-user", "e-user"):
        _log_in(at, name, "not the password")
    _log_in(at, "demo-academic", PASSWORD)  # a real account, the right password, the same client
    assert _is_login_form(at)
    assert [e.value for e in at.error] == [t("auth.locked", lang="fr", minutes="15")]


def test_a_copied_cookie_no_longer_logs_in_after_logout(demo_sqlite, monkeypatch):
    at = _log_in(anonymous(), "demo-steering", PASSWORD)
    cookie = auth.encode_cookie(at.session_state[auth.SESSION_TOKEN])
    assert not _is_login_form(_with_cookie(monkeypatch, cookie))  # the cookie works in another browser
    at.button(key="sidebar_logout").click().run()
    assert _is_login_form(at)
    assert _is_login_form(_with_cookie(monkeypatch, cookie))


def test_log_out_everywhere_ends_every_browser_of_the_user(demo_sqlite, monkeypatch):
    first = _log_in(anonymous(), "demo-steering", PASSWORD)
    second = _log_in(anonymous(), "demo-steering", PASSWORD)
    cookie = auth.encode_cookie(first.session_state[auth.SESSION_TOKEN])
    sessions.end_all_sessions("demo-steering")
    first.run()
    second.run()
    assert _is_login_form(first) and _is_login_form(second)
    assert t("auth.session_ended", lang="fr") in texts(first)
    assert _is_login_form(_with_cookie(monkeypatch, cookie))


def test_a_session_unused_for_too_long_ends(demo_sqlite, monkeypatch):
    at = logged_in("demo-academic")
    token = at.session_state[auth.SESSION_TOKEN]
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=sessions.idle_minutes() + 1)
    assert sessions.touch(token, now=later) is None
    at.run()
    assert _is_login_form(at)


def test_the_inactivity_limit_is_configurable(demo_sqlite, monkeypatch):
    at = logged_in("demo-academic")
    token = at.session_state[auth.SESSION_TOKEN]
    monkeypatch.setenv("LIVINGLAB_SESSION_IDLE_MINUTES", "5")
    assert sessions.touch(token, now=dt.datetime.now(dt.UTC) + dt.timedelta(minutes=4)) is not None
    assert sessions.touch(token, now=dt.datetime.now(dt.UTC) + dt.timedelta(minutes=10)) is None


def _forged(**claims) -> str:  # noqa: ANN003
    return jwt.encode(claims, auth.cookie_key(), algorithm="HS256")


@pytest.mark.parametrize(
    "cookie",
    [
        jwt.encode({"username": "demo-admin", "exp_date": 4102444800}, "x" * 64, algorithm="HS512"),
        jwt.encode(
            {"sid": "whatever", "exp": 4102444800},
            auth.cookie_key() if False else "k" * 40,
            algorithm="HS512",
        ),
        "garbage",
        "a.b.c",
        "",
        "x" * 10_000,
        jwt.encode(
            {"sid": "x", "exp": 4102444800}, "another key of at least thirty-two bytes", algorithm="HS256"
        ),
        "expired",
        "no-sid",
        "old-format",
    ],
)
def test_a_bad_cookie_is_no_cookie_and_shows_the_login_form(demo_sqlite, monkeypatch, cookie):
    forged = {
        "expired": lambda: _forged(
            sid=sessions.open_session("demo-admin"), exp=dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
        ),
        "no-sid": lambda: _forged(exp=4102444800),
        # What streamlit-authenticator used to write: a username, no session.
        "old-format": lambda: _forged(username="demo-admin", exp_date=4102444800),
    }
    value = forged[cookie]() if cookie in forged else cookie
    at = _with_cookie(monkeypatch, value)
    assert not at.exception
    assert _is_login_form(at)
    assert t("auth.please_log_in", lang="fr") in texts(at)


def test_a_valid_cookie_logs_in(demo_sqlite, monkeypatch):
    at = _with_cookie(monkeypatch, auth.encode_cookie(sessions.open_session("demo-admin")))
    assert not _is_login_form(at)
    assert at.session_state["username"] == "demo-admin"


def test_a_deactivated_user_s_sessions_end(demo_sqlite):
    from sqlmodel import select

    from models.db import session_scope
    from models.tables import User

    at = logged_in("demo-viewer")
    with session_scope() as session:
        session.exec(select(User).where(User.username == "demo-viewer")).one().is_active = False
    at.run()
    assert _is_login_form(at)
