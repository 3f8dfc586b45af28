"""The sign-in service: the same bcrypt cost for unknown accounts, the lockout's arithmetic."""

import datetime as dt

import bcrypt
import pytest

from dashboard.services.admin import sessions
from dashboard.services.admin.sessions import Outcome, sign_in

PASSWORD = "livinglab-demo"
NOW = dt.datetime(2026, 12, 7, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def checked(monkeypatch):  # noqa: ANN001, ANN201
    """The hashes bcrypt was asked to check a password against."""
    hashes: list[bytes] = []
    real = bcrypt.checkpw

    def spy(password: bytes, hashed: bytes) -> bool:
        hashes.append(hashed)
        return real(password, hashed)

    monkeypatch.setattr(sessions.bcrypt, "checkpw", spy)
    return hashes


def test_an_unknown_user_costs_a_bcrypt_check_against_the_dummy_hash(demo_db, checked):
    assert sign_in("nobody-here", "whatever password", "ip:1", now=NOW).outcome is Outcome.wrong
    assert checked == [sessions.dummy_hash()]
    # The dummy hash has the cost new passwords get ($2b$04$ under the tests' setting).
    assert sessions.dummy_hash().startswith(b"$2b$04$")


def test_an_inactive_user_costs_the_same_and_gets_the_same_answer(demo_db, checked):
    from sqlmodel import select

    from models.db import session_scope
    from models.tables import User

    with session_scope() as session:
        session.exec(select(User).where(User.username == "demo-viewer")).one().is_active = False
    assert sign_in("demo-viewer", PASSWORD, "ip:1", now=NOW).outcome is Outcome.wrong
    assert checked == [sessions.dummy_hash()]


def test_a_locked_account_costs_a_check_too(demo_db, checked):
    for _ in range(5):
        sign_in("demo-admin", "wrong password", "ip:1", now=NOW)
    checked.clear()
    assert sign_in("demo-admin", PASSWORD, "ip:2", now=NOW).outcome is Outcome.locked
    assert checked == [sessions.dummy_hash()]


def test_the_lockout_ends_after_its_period_and_is_not_extended_meanwhile(demo_db):
    for _ in range(5):
        assert sign_in("demo-admin", "wrong password", "ip:1", now=NOW).outcome is Outcome.wrong
    later = NOW + dt.timedelta(minutes=14)
    assert sign_in("demo-admin", PASSWORD, "ip:2", now=later).outcome is Outcome.locked
    after = NOW + dt.timedelta(minutes=15, seconds=1)
    assert sign_in("demo-admin", PASSWORD, "ip:2", now=after).outcome is Outcome.signed_in


def test_the_limits_are_configurable(demo_db, monkeypatch):
    monkeypatch.setenv("LIVINGLAB_LOGIN_MAX_FAILURES", "2")
    monkeypatch.setenv("LIVINGLAB_LOGIN_LOCKOUT_MINUTES", "60")
    for _ in range(2):
        sign_in("demo-admin", "wrong password", "ip:1", now=NOW)
    assert (
        sign_in("demo-admin", PASSWORD, "ip:2", now=NOW + dt.timedelta(minutes=59)).outcome is Outcome.locked
    )


def test_a_success_clears_the_account_s_count(demo_db):
    for _ in range(4):
        sign_in("demo-admin", "wrong password", "ip:1", now=NOW)
    assert sign_in("demo-admin", PASSWORD, "ip:1", now=NOW).outcome is Outcome.signed_in
    for _ in range(4):
        sign_in("demo-admin", "wrong password", "ip:2", now=NOW)
    assert sign_in("demo-admin", PASSWORD, "ip:3", now=NOW).outcome is Outcome.signed_in


def test_a_password_bcrypt_cannot_take_is_wrong_not_a_crash(demo_db):
    assert sign_in("demo-admin", "é" * 100, "ip:1", now=NOW).outcome is Outcome.wrong


def test_a_login_opens_a_session_the_database_can_end(demo_db):
    result = sign_in("demo-admin", PASSWORD, "ip:1", now=NOW)
    assert sessions.touch(result.token, now=NOW).username == "demo-admin"
    sessions.end_session(result.token)
    assert sessions.touch(result.token, now=NOW) is None


def test_a_session_lasts_at_most_its_maximum_age(demo_db, monkeypatch):
    monkeypatch.setenv("LIVINGLAB_SESSION_IDLE_MINUTES", str(30 * 24 * 60))  # never idle here
    token = sign_in("demo-admin", PASSWORD, "ip:1", now=NOW).token
    assert sessions.touch(token, now=NOW + dt.timedelta(days=6)) is not None
    assert sessions.touch(token, now=NOW + dt.timedelta(days=7, minutes=1)) is None
