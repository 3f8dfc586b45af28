"""Users, passwords and project memberships, and the administration of accounts.

Accounts are never deleted (decisions, edits and the audit log name their users): they are
deactivated, which ends their sessions. A password reset and an invitation give a one-time
password that must be changed at the next login. The password policy applies to every password
a person chooses or is given (the demo loader's published password meets it too).
"""

from __future__ import annotations

import functools
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

import bcrypt
from sqlmodel import select

from dashboard.errors import InvalidInput, NotFound, PermissionDenied
from dashboard.permissions import Permission
from dashboard.services.admin import audit
from dashboard.services.admin import sessions
from dashboard.services.admin.audit import AuditKind
from dashboard.services.unit_of_work import finish, mark_changed, write_scope
from dashboard.services.access import CLI_USERNAME, Actor, require
from models.db import session_scope
from models.tables import Membership, Project, User
from models.vocab import LANGUAGES, Role

USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,62}$")
MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_BYTES = 72  # bcrypt ignores (and bcrypt 5 refuses) anything longer
COMMON_PASSWORDS_FILE = Path(__file__).with_name("common_passwords.txt")


@functools.cache
def common_passwords() -> frozenset[str]:
    """The shipped list of common passwords (see the file's header), lower case."""
    lines = COMMON_PASSWORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def check_password_policy(password: str, username: str = "") -> None:
    """At least 12 characters, at most 72 bytes, not a common password, not the username.
    Spaces are kept exactly as typed (a passphrase may begin or end with one): the login form
    sends the password untouched, so what is stored is what logs in."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput("error.password_too_short", minimum=MIN_PASSWORD_LENGTH)
    if len(password.encode()) > MAX_PASSWORD_BYTES:
        raise InvalidInput("error.password_too_long", maximum=MAX_PASSWORD_BYTES)
    folded = password.strip().lower()
    if folded in common_passwords() or len(set(folded)) <= 2:
        raise InvalidInput("error.password_common")
    if username and folded == username.strip().lower():
        raise InvalidInput("error.password_is_username")


def hash_password(password: str, username: str = "") -> str:
    """bcrypt hash of a password that meets the policy; cost 12 unless LIVINGLAB_BCRYPT_ROUNDS
    says otherwise (the tests use 4)."""
    check_password_policy(password, username)
    rounds = int(os.environ.get("LIVINGLAB_BCRYPT_ROUNDS", "12"))
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds)).decode()


def one_time_password() -> str:
    """A random password for an invitation or a reset (changed at the next login)."""
    while True:
        password = "-".join(secrets.token_urlsafe(6) for _ in range(3))
        try:
            check_password_policy(password)
            return password
        except InvalidInput:  # pragma: no cover - a random draw of almost one character
            continue


def _validate_user_fields(username: str, language: str) -> None:
    if not USERNAME_PATTERN.match(username):
        raise InvalidInput("error.bad_username", username=username)
    if language not in LANGUAGES:
        raise InvalidInput("error.bad_language", language=language)


def _role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise InvalidInput("error.bad_role", role=role, roles=", ".join(r.value for r in Role)) from None


def create_user(
    username: str,
    password: str | None,
    *,
    display_name: str = "",
    email: str = "",
    language: str = "fr",
    one_time: bool = False,
    by: Actor | str = CLI_USERNAME,
) -> str | None:
    """Create an account. Without a password, a one-time password is drawn and returned (an
    invitation); `one_time`: the given password must be changed at the first login too."""
    _validate_user_fields(username, language)
    generated = password is None
    if password is None:
        password = one_time_password()
    password_hash = hash_password(password, username)
    with session_scope() as session:
        if session.exec(select(User).where(User.username == username)).first():
            raise InvalidInput("error.user_exists", username=username)
        session.add(
            User(
                username=username,
                password_hash=password_hash,
                display_name=display_name or username,
                email=email,
                language=language,
                must_change_password=generated or one_time,
            )
        )
        audit.record(
            session,
            by,
            AuditKind.account_created,
            subject=username,
            detail={"one_time_password": generated or one_time},
        )
    return password if generated else None


def set_membership(username: str, project_slug: str, role: str) -> None:
    """Give a user a role in a project (replacing any previous role there)."""
    role_value = _role(role)
    with session_scope() as session:
        user = session.exec(select(User).where(User.username == username)).first()
        if user is None:
            raise NotFound("error.unknown_user", username=username)
        project = session.exec(select(Project).where(Project.slug == project_slug)).first()
        if project is None:
            raise NotFound("error.unknown_project", project=project_slug)
        membership = session.exec(
            select(Membership).where(Membership.user_id == user.id, Membership.project_id == project.id)
        ).first()
        if membership is None:
            session.add(Membership(user_id=user.id, project_id=project.id, role=role_value))
            audit.record(
                session,
                CLI_USERNAME,
                AuditKind.member_added,
                subject=username,
                project=(project.id, project.slug),  # type: ignore[arg-type]
                detail={"role": role_value.value},
            )
        else:
            if membership.role != role_value:
                audit.record(
                    session,
                    CLI_USERNAME,
                    AuditKind.role_changed,
                    subject=username,
                    project=(project.id, project.slug),  # type: ignore[arg-type]
                    detail={"from": membership.role, "to": role_value.value},
                )
            membership.role = role_value
        # Pages listing members (people pickers, the Users page) cache under the data version.
        mark_changed(session)
        finish(session, project.id)  # type: ignore[arg-type]  # no acting user: the CLI


def user_exists(username: str) -> bool:
    with session_scope() as session:
        return session.exec(select(User.id).where(User.username == username)).first() is not None


@dataclass(frozen=True)
class UserRow:
    username: str
    display_name: str
    email: str
    language: str
    is_active: bool
    memberships: tuple[tuple[str, str], ...]  # (project slug, role)
    must_change_password: bool = False


def list_users() -> list[UserRow]:
    with session_scope() as session:
        users = session.exec(select(User).order_by(User.username)).all()
        rows = session.exec(
            select(Membership.user_id, Project.slug, Membership.role)
            .join(Project, Project.id == Membership.project_id)
            .order_by(Project.slug)
        ).all()
        by_user: dict[int, list[tuple[str, str]]] = {}
        for user_id, slug, role in rows:
            by_user.setdefault(user_id, []).append((slug, role))
        return [
            UserRow(
                u.username,
                u.display_name,
                u.email,
                u.language,
                u.is_active,
                tuple(by_user.get(u.id, [])),
                u.must_change_password,
            )
            for u in users
        ]  # type: ignore[arg-type]


def preferred_language(username: str) -> str | None:
    with session_scope() as session:
        return session.exec(select(User.language).where(User.username == username)).first()


def set_preferred_language(username: str, language: str) -> None:
    if language not in LANGUAGES:
        raise InvalidInput("error.bad_language", language=language)
    with session_scope() as session:
        user = session.exec(select(User).where(User.username == username)).first()
        if user is not None:
            user.language = language


def presentation_view(username: str) -> bool:
    """Whether the user asked for pages drawn for a projector (remembered across sessions)."""
    with session_scope() as session:
        return bool(session.exec(select(User.presentation_view).where(User.username == username)).first())


def set_presentation_view(username: str, on: bool) -> None:
    with session_scope() as session:
        user = session.exec(select(User).where(User.username == username)).first()
        if user is not None:
            user.presentation_view = bool(on)


# ---------------------------------------------------------------- project administration


@dataclass(frozen=True)
class Member:
    username: str
    display_name: str
    email: str
    role: str
    is_active: bool
    must_change_password: bool = False


def project_members(actor: Actor) -> list[Member]:
    require(actor, Permission.manage_users)
    with session_scope() as session:
        rows = session.exec(
            select(User, Membership.role)
            .join(Membership, Membership.user_id == User.id)
            .where(Membership.project_id == actor.project_id)
            .order_by(User.username)
        ).all()
        return [
            Member(u.username, u.display_name, u.email, role, u.is_active, u.must_change_password)
            for u, role in rows
        ]


def _admins_left(session, project_id: int, excluding: str) -> int:  # noqa: ANN001
    """Active admins of the project other than `excluding` (a deactivated admin administers
    nothing)."""
    return len(
        session.exec(
            select(User.id)
            .join(Membership, Membership.user_id == User.id)
            .where(
                Membership.project_id == project_id,
                Membership.role == Role.admin,
                User.username != excluding,
                User.is_active == True,  # noqa: E712
            )
        ).all()
    )


def _membership(session, project_id: int, username: str) -> Membership:  # noqa: ANN001
    membership = session.exec(
        select(Membership)
        .join(User, User.id == Membership.user_id)
        .where(User.username == username, Membership.project_id == project_id)
    ).first()
    if membership is None:
        raise NotFound("error.unknown_member", username=username)
    return membership


def _user(session, username: str) -> User:  # noqa: ANN001
    user = session.exec(select(User).where(User.username == username)).first()
    if user is None:
        raise NotFound("error.unknown_user", username=username)
    return user


def change_member_role(actor: Actor, username: str, role: str) -> None:
    """Set a member's role in the actor's project; the last admin cannot give up the role."""
    require(actor, Permission.manage_users)
    role_value = _role(role)
    with write_scope(actor, Permission.manage_users) as session:
        _change_role(session, actor, _membership(session, actor.project_id, username), username, role_value)
        mark_changed(session)


def _change_role(session, actor: Actor, membership: Membership, username: str, role: Role) -> None:  # noqa: ANN001
    """A member's new role, audited; the last admin cannot give up the role."""
    if (
        membership.role == Role.admin
        and role != Role.admin
        and _admins_left(session, actor.project_id, username) == 0
    ):
        raise InvalidInput("error.last_admin")
    if membership.role != role:
        audit.record(
            session,
            actor,
            AuditKind.role_changed,
            subject=username,
            detail={"from": membership.role, "to": role.value},
        )
    membership.role = role


def set_project_role(actor: Actor, username: str, role: str) -> None:
    """Give an existing account a role in the actor's project: a new membership, or a changed
    role (`users set-role`); the last admin cannot give up the role."""
    require(actor, Permission.manage_users)
    role_value = _role(role)
    with write_scope(actor, Permission.manage_users) as session:
        user = _user(session, username)
        membership = session.exec(
            select(Membership).where(Membership.user_id == user.id, Membership.project_id == actor.project_id)
        ).first()
        if membership is None:
            session.add(Membership(user_id=user.id, project_id=actor.project_id, role=role_value))
            audit.record(
                session, actor, AuditKind.member_added, subject=username, detail={"role": role_value.value}
            )
        else:
            _change_role(session, actor, membership, username, role_value)
        mark_changed(session)


def remove_member(actor: Actor, username: str) -> None:
    require(actor, Permission.manage_users)
    with write_scope(actor, Permission.manage_users) as session:
        membership = _membership(session, actor.project_id, username)
        if membership.role == Role.admin and _admins_left(session, actor.project_id, username) == 0:
            raise InvalidInput("error.last_admin")
        audit.record(
            session, actor, AuditKind.member_removed, subject=username, detail={"role": membership.role}
        )
        session.delete(membership)
        mark_changed(session)


def add_member(
    actor: Actor,
    username: str,
    role: str,
    *,
    password: str | None = None,
    new_account: bool = False,
    display_name: str = "",
    email: str = "",
    language: str = "fr",
) -> str | None:
    """Add a member to the actor's project. `new_account`: create the account, with `password`
    or, without one, an invitation's one-time password (returned, to hand over once); either
    must be changed at the first login. Otherwise the account must exist and not be a member
    yet: a typed password for an existing account is refused, never silently ignored."""
    require(actor, Permission.manage_users)
    role_value = _role(role)
    generated = None
    if new_account or password:
        if user_exists(username):
            raise InvalidInput("error.user_exists", username=username)
        generated = create_user(
            username,
            password,
            display_name=display_name,
            email=email,
            language=language,
            one_time=True,
            by=actor,
        )
    with write_scope(actor, Permission.manage_users) as session:
        user = _user(session, username)
        if session.exec(
            select(Membership).where(Membership.user_id == user.id, Membership.project_id == actor.project_id)
        ).first():
            raise InvalidInput("error.already_member", username=username)
        session.add(Membership(user_id=user.id, project_id=actor.project_id, role=role_value))
        audit.record(
            session, actor, AuditKind.member_added, subject=username, detail={"role": role_value.value}
        )
        mark_changed(session)
    return generated


# ---------------------------------------------------------------- accounts (every project)


def _may_manage_account(session, actor: Actor | None, user: User) -> None:  # noqa: ANN001
    """An account-wide change (deactivation, password reset) by the command line (`actor` None),
    or by an admin of the actor's project who is an admin of every project the user is in: the
    admin of one project cannot lock a user out of another."""
    if actor is None or actor.username == CLI_USERNAME:
        return
    require(actor, Permission.manage_users)
    if actor.username == user.username:
        raise InvalidInput("error.own_account")
    projects_of_user = set(
        session.exec(select(Membership.project_id).where(Membership.user_id == user.id)).all()
    )
    if actor.project_id not in projects_of_user:
        raise NotFound("error.unknown_member", username=user.username)
    administered = set(
        session.exec(
            select(Membership.project_id)
            .join(User, User.id == Membership.user_id)
            .where(User.username == actor.username, Membership.role == Role.admin, User.is_active == True)  # noqa: E712
        ).all()
    )
    if not projects_of_user <= administered:
        raise PermissionDenied("error.account_in_other_projects", username=user.username)


def _touch_projects(session, user: User) -> None:  # noqa: ANN001
    """Pages listing members cache under the data version of each project of the user."""
    for project_id in session.exec(select(Membership.project_id).where(Membership.user_id == user.id)).all():
        mark_changed(session)
        finish(session, project_id)


def deactivate_user(actor: Actor | None, username: str) -> None:
    """Deactivate an account (never deleted: past records keep its name); its sessions end. The
    last active admin of a project cannot be deactivated."""
    with session_scope() as session:
        user = _user(session, username)
        _may_manage_account(session, actor, user)
        if not user.is_active:
            return
        for project_id in session.exec(
            select(Membership.project_id).where(Membership.user_id == user.id, Membership.role == Role.admin)
        ).all():
            if _admins_left(session, project_id, username) == 0:
                raise InvalidInput("error.last_admin")
        user.is_active = False
        ended = sessions.end_user_sessions(session, user.id, sessions.EndReason.deactivated)  # type: ignore[arg-type]
        audit.record(
            session,
            actor or CLI_USERNAME,
            AuditKind.account_deactivated,
            subject=username,
            detail={"sessions_ended": ended},
        )
        _touch_projects(session, user)


def reactivate_user(actor: Actor | None, username: str) -> None:
    with session_scope() as session:
        user = _user(session, username)
        _may_manage_account(session, actor, user)
        if user.is_active:
            return
        user.is_active = True
        audit.record(session, actor or CLI_USERNAME, AuditKind.account_reactivated, subject=username)
        _touch_projects(session, user)


def reset_password(actor: Actor | None, username: str) -> str:
    """A new one-time password for the account (returned, to hand over once; changed at the next
    login); every session of the user ends."""
    password = one_time_password()
    password_hash = hash_password(password, username)
    with session_scope() as session:
        user = _user(session, username)
        _may_manage_account(session, actor, user)
        user.password_hash = password_hash
        user.must_change_password = True
        ended = sessions.end_user_sessions(session, user.id, sessions.EndReason.password_reset)  # type: ignore[arg-type]
        audit.record(
            session,
            actor or CLI_USERNAME,
            AuditKind.password_reset,
            subject=username,
            detail={"sessions_ended": ended},
        )
    return password


def change_own_password(username: str, current: str, new: str, *, keep_token: str | None = None) -> None:
    """Change one's own password: the current one first (a wrong one counts as a failed login,
    so a borrowed session cannot guess it); the new one meets the policy and differs from it. Every other session of the user ends (this browser, `keep_token`, stays)."""
    allowed = sessions.password_attempt_allowed(username)  # guesses count as failed logins
    with session_scope() as session:
        user = _user(session, username)
        password_hash = user.password_hash.encode() if user.is_active and allowed else sessions.dummy_hash()
        if not sessions.check_password(current, password_hash) or not allowed:
            raise InvalidInput(
                "error.wrong_current_password" if allowed else "error.password_attempts_locked"
            )
    sessions.clear_account_failures(username)
    if new == current:
        raise InvalidInput("error.password_unchanged")
    password_hash = hash_password(new, username)
    with session_scope() as session:
        user = _user(session, username)
        user.password_hash = password_hash
        user.must_change_password = False
        ended = sessions.end_user_sessions(
            session,
            user.id,  # type: ignore[arg-type]
            sessions.EndReason.password_changed,
            keep_token=keep_token,
        )
        audit.record(
            session, username, AuditKind.password_changed, subject=username, detail={"sessions_ended": ended}
        )
