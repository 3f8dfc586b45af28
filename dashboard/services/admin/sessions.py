"""Signing in: the password check, the lockout, and the sessions kept in the database.

- **Same cost for everyone.** A username that does not exist (or an inactive account, or a
  locked one) is checked against a dummy bcrypt hash of the same cost, so the time a login takes
  does not tell whether the account exists; the answer is the same "wrong username or password".
- **Lockout.** Consecutive failures are counted per account and per client (IP address, or the
  browser session when the address is unknown), each within `lockout_minutes()` of the previous
  one. After `max_failures()` of them the account, or the client, is refused for
  `lockout_minutes()` whatever the password; the refusal does not say whether the account
  exists. An attempt is counted before its password is checked, so parallel attempts cannot
  slip past the limit; a success takes its own attempt back and clears the account's count
  (not the client's: one valid account must not reset a client trying many others).
- **Sessions.** A login opens a `LoginSession`; the cookie carries its random token, the
  database only the token's SHA-256. Every run checks it (`touch`): ended, expired after
  `idle_minutes()` without activity or `max_age_days()` after the login, or its user
  deactivated, and the browser is logged out. Ending it (logout, log out everywhere, a password
  change or reset, a deactivation) ends every copy of the cookie.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import secrets
from dataclasses import dataclass
from enum import StrEnum

import bcrypt
from sqlalchemy import delete, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from dashboard.services.admin import audit
from dashboard.services.admin.audit import AuditKind
from models.db import session_scope
from models.tables import LoginSession, LoginThrottle, User, utcnow

TOUCH_EVERY = dt.timedelta(seconds=60)  # how often a session's last activity is written


def _setting(name: str, default: float) -> float:
    value = os.environ.get(name)
    try:
        return float(value) if value else default
    except ValueError:
        return default


def max_failures() -> int:
    """Failed logins in a row, per account and per client, before the lockout."""
    return max(1, int(_setting("LIVINGLAB_LOGIN_MAX_FAILURES", 5)))


def lockout_minutes() -> float:
    return _setting("LIVINGLAB_LOGIN_LOCKOUT_MINUTES", 15)


def idle_minutes() -> float:
    """A session unused for this long is ended (the user logs in again)."""
    return _setting("LIVINGLAB_SESSION_IDLE_MINUTES", 120)


def max_age_days() -> float:
    """A session (and its cookie) lasts at most this long after the login."""
    return _setting("LIVINGLAB_SESSION_MAX_DAYS", 7)


class Outcome(StrEnum):
    signed_in = "signed_in"
    wrong = "wrong"  # unknown user, wrong password or inactive account: one answer
    locked = "locked"  # too many failures for this account or from this client


class EndReason(StrEnum):
    logout = "logout"
    logout_everywhere = "logout_everywhere"
    password_changed = "password_changed"
    password_reset = "password_reset"
    deactivated = "deactivated"
    expired = "expired"


@dataclass(frozen=True)
class SessionUser:
    username: str
    display_name: str
    must_change_password: bool


@dataclass(frozen=True)
class SignIn:
    outcome: Outcome
    token: str | None = None
    user: SessionUser | None = None


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@functools.cache
def _dummy_hash(rounds: int) -> bytes:
    return bcrypt.hashpw(secrets.token_bytes(16), bcrypt.gensalt(rounds))


def dummy_hash() -> bytes:
    """A bcrypt hash of nothing anyone knows, at the cost new passwords get."""
    return _dummy_hash(int(os.environ.get("LIVINGLAB_BCRYPT_ROUNDS", "12")))


def check_password(password: str, password_hash: bytes) -> bool:
    """bcrypt's check; a password bcrypt cannot take (over 72 bytes) costs the same and fails."""
    data = password.encode()
    if len(data) > 72:
        bcrypt.checkpw(data[:72], password_hash)
        return False
    return bcrypt.checkpw(data, password_hash)


def _keys(username: str, client: str) -> tuple[str, str]:
    return f"user:{username}"[:200], f"client:{client}"[:200]


def _count_attempt(key: str, now: dt.datetime) -> bool:
    """Count one attempt against `key`; False when `key` is locked (the attempt is refused and
    not counted, so a lockout does not grow while it is being hammered)."""
    stale_before = now - dt.timedelta(minutes=lockout_minutes())
    limit = max_failures()
    for _ in range(2):  # a second time when a parallel first attempt inserted the row
        try:
            with session_scope() as session:
                counted = session.exec(  # type: ignore[call-overload]
                    update(LoginThrottle)
                    .where(
                        LoginThrottle.key == key,  # type: ignore[arg-type]
                        ~(
                            (LoginThrottle.failures >= limit)  # type: ignore[operator]
                            & (LoginThrottle.last_failure_at > stale_before)  # type: ignore[operator]
                        ),
                    )
                    .values(
                        failures=_case_stale(stale_before),
                        last_failure_at=now,
                    )
                ).rowcount
                if counted:
                    return True
                if session.get(LoginThrottle, key) is not None:
                    return False  # locked
                session.add(LoginThrottle(key=key, failures=1, last_failure_at=now))
            return True
        except IntegrityError:
            continue
    return False


def _case_stale(stale_before: dt.datetime):  # noqa: ANN202
    from sqlalchemy import case

    return case(
        (LoginThrottle.last_failure_at <= stale_before, 1),  # type: ignore[operator]
        else_=LoginThrottle.failures + 1,
    )


def password_attempt_allowed(username: str, *, now: dt.datetime | None = None) -> bool:
    """Count a password check outside the login form (e.g. the current password asked before a
    change) against the account, like a login: False once the account is locked out."""
    return _count_attempt(_keys(username, "")[0], now or utcnow())


def clear_account_failures(username: str) -> None:
    with session_scope() as session:
        session.exec(delete(LoginThrottle).where(LoginThrottle.key == _keys(username, "")[0]))  # type: ignore[arg-type]


def _take_back(session, user_key: str, client_key: str) -> None:  # noqa: ANN001
    session.exec(delete(LoginThrottle).where(LoginThrottle.key == user_key))  # type: ignore[arg-type]
    session.exec(  # type: ignore[call-overload]
        update(LoginThrottle)
        .where(LoginThrottle.key == client_key, LoginThrottle.failures > 0)  # type: ignore[arg-type,operator]
        .values(failures=LoginThrottle.failures - 1)
    )


def sign_in(username: str, password: str, client: str, *, now: dt.datetime | None = None) -> SignIn:
    """Check a login (see the module docstring); open a session when it succeeds."""
    now = now or utcnow()
    username = username.strip().lower()  # usernames are lower case; a password is never touched
    user_key, client_key = _keys(username, client)
    account_open = _count_attempt(user_key, now)
    client_open = _count_attempt(client_key, now)
    with session_scope() as session:
        user = session.exec(select(User).where(User.username == username)).first()
    typed = {"subject": username[:64], "client": client, "at": now}
    if not (account_open and client_open):
        check_password(password, dummy_hash())  # the same cost as any other answer
        locked = [name for name, open_ in (("account", account_open), ("client", client_open)) if not open_]
        audit.log(None, AuditKind.login_locked, detail={"locked": ", ".join(locked)}, **typed)
        return SignIn(Outcome.locked)
    usable = user is not None and user.is_active
    if not check_password(password, user.password_hash.encode() if usable else dummy_hash()) or not usable:
        reason = (
            "wrong password" if usable else ("inactive account" if user is not None else "unknown account")
        )
        audit.log(None, AuditKind.login_failed, detail={"reason": reason}, **typed)
        return SignIn(Outcome.wrong)
    token = secrets.token_urlsafe(32)
    with session_scope() as session:
        _take_back(session, user_key, client_key)
        audit.record(session, user.username, AuditKind.login, **typed)
        session.add(
            LoginSession(
                token_hash=token_hash(token),
                user_id=user.id,
                created_at=now,
                last_seen_at=now,
                client=client[:200],
            )
        )
    return SignIn(
        Outcome.signed_in,
        token,
        SessionUser(user.username, user.display_name or user.username, user.must_change_password),
    )


def touch(token: str, *, now: dt.datetime | None = None) -> SessionUser | None:
    """The user of a live session (and note its activity); None when the session is unknown,
    ended, expired, or its user is no longer active (the session is then ended)."""
    now = now or utcnow()
    with session_scope() as session:
        row = session.exec(
            select(LoginSession, User)
            .join(User, User.id == LoginSession.user_id)
            .where(LoginSession.token_hash == token_hash(token))
        ).first()
        if row is None:
            return None
        login, user = row
        if login.ended_at is not None:
            return None
        reason = None
        if not user.is_active:
            reason = EndReason.deactivated
        elif now - login.last_seen_at > dt.timedelta(
            minutes=idle_minutes()
        ) or now - login.created_at > dt.timedelta(days=max_age_days()):
            reason = EndReason.expired
        if reason is not None:
            login.ended_at, login.end_reason = now, reason.value
            return None
        if now - login.last_seen_at > TOUCH_EVERY:
            login.last_seen_at = now
        return SessionUser(user.username, user.display_name or user.username, user.must_change_password)


def end_session(token: str, reason: EndReason = EndReason.logout, *, now: dt.datetime | None = None) -> None:
    with session_scope() as session:
        row = session.exec(
            select(LoginSession, User.username)
            .join(User, User.id == LoginSession.user_id)
            .where(LoginSession.token_hash == token_hash(token), LoginSession.ended_at.is_(None))  # type: ignore[union-attr]
        ).first()
        if row is None:
            return
        login, username = row
        login.ended_at, login.end_reason = now or utcnow(), reason.value
        if reason is EndReason.logout:
            audit.record(session, username, AuditKind.logout, subject=username, client=login.client)


def end_user_sessions(session, user_id: int, reason: EndReason, *, keep_token: str | None = None) -> int:  # noqa: ANN001
    """End every open session of a user, in the caller's transaction (but the one holding
    `keep_token`: the browser that changed its own password stays logged in)."""
    condition = [LoginSession.user_id == user_id, LoginSession.ended_at.is_(None)]  # type: ignore[union-attr]
    if keep_token:
        condition.append(LoginSession.token_hash != token_hash(keep_token))
    return session.exec(  # type: ignore[call-overload]
        update(LoginSession).where(*condition).values(ended_at=utcnow(), end_reason=reason.value)
    ).rowcount


def end_all_sessions(username: str, reason: EndReason = EndReason.logout_everywhere) -> int:
    """Log a user out everywhere (every browser, every copy of a cookie)."""
    with session_scope() as session:
        user = session.exec(select(User).where(User.username == username)).first()
        if user is None:
            return 0
        if reason is EndReason.logout_everywhere:
            audit.record(session, username, AuditKind.logout_everywhere, subject=username)
        return end_user_sessions(session, user.id, reason)  # type: ignore[arg-type]


def open_sessions(username: str) -> int:
    with session_scope() as session:
        return len(
            session.exec(
                select(LoginSession.id)
                .join(User, User.id == LoginSession.user_id)
                .where(User.username == username, LoginSession.ended_at.is_(None))  # type: ignore[union-attr]
            ).all()
        )


def open_session(username: str, client: str = "") -> str:
    """Open a session for an active user without a password (tests, benchmarks); its token."""
    token = secrets.token_urlsafe(32)
    with session_scope() as session:
        user = session.exec(select(User).where(User.username == username, User.is_active == True)).one()  # noqa: E712
        session.add(LoginSession(token_hash=token_hash(token), user_id=user.id, client=client[:200]))  # type: ignore[arg-type]
    return token
