"""Users, passwords and project memberships; the credentials handed to streamlit-authenticator."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

import bcrypt
from sqlmodel import select

from dashboard.errors import InvalidInput, NotFound
from dashboard.permissions import Permission
from dashboard.services.unit_of_work import finish, mark_changed, write_scope
from dashboard.services.access import Actor, require
from models.db import session_scope
from models.tables import Membership, Project, User
from models.vocab import LANGUAGES, Role

USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,62}$")
MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_BYTES = 72  # bcrypt ignores (and bcrypt 5 refuses) anything longer


def hash_password(password: str) -> str:
    """bcrypt hash; cost 12 unless LIVINGLAB_BCRYPT_ROUNDS says otherwise (the tests use 4)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput("error.password_too_short", minimum=MIN_PASSWORD_LENGTH)
    if len(password.encode()) > MAX_PASSWORD_BYTES:
        raise InvalidInput("error.password_too_long", maximum=MAX_PASSWORD_BYTES)
    rounds = int(os.environ.get("LIVINGLAB_BCRYPT_ROUNDS", "12"))
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds)).decode()


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
    username: str, password: str, *, display_name: str = "", email: str = "", language: str = "fr"
) -> None:
    _validate_user_fields(username, language)
    password_hash = hash_password(password)
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
            )
        )


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
        else:
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
                u.username, u.display_name, u.email, u.language, u.is_active, tuple(by_user.get(u.id, []))
            )
            for u in users
        ]  # type: ignore[arg-type]


def authenticator_credentials() -> dict:
    """The credentials dict streamlit-authenticator expects, built from the users table
    (pre-hashed passwords; never a YAML file, which the library would rewrite)."""
    with session_scope() as session:
        users = session.exec(select(User).where(User.is_active == True)).all()  # noqa: E712
        roles: dict[int, set[str]] = {}
        for user_id, role in session.exec(select(Membership.user_id, Membership.role)).all():
            roles.setdefault(user_id, set()).add(role)
        return {
            "usernames": {
                u.username: {
                    "name": u.display_name or u.username,
                    "email": u.email,
                    "password": u.password_hash,
                    "roles": sorted(roles.get(u.id, ())),
                }
                for u in users
            }
        }


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


# ---------------------------------------------------------------- project administration


@dataclass(frozen=True)
class Member:
    username: str
    display_name: str
    email: str
    role: str
    is_active: bool


def project_members(actor: Actor) -> list[Member]:
    require(actor, Permission.manage_users)
    with session_scope() as session:
        rows = session.exec(
            select(User, Membership.role)
            .join(Membership, Membership.user_id == User.id)
            .where(Membership.project_id == actor.project_id)
            .order_by(User.username)
        ).all()
        return [Member(u.username, u.display_name, u.email, role, u.is_active) for u, role in rows]


def _admins_left(session, project_id: int, excluding: str) -> int:  # noqa: ANN001
    return len(
        session.exec(
            select(User.id)
            .join(Membership, Membership.user_id == User.id)
            .where(
                Membership.project_id == project_id, Membership.role == Role.admin, User.username != excluding
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


def change_member_role(actor: Actor, username: str, role: str) -> None:
    """Set a member's role in the actor's project; the last admin cannot give up the role."""
    require(actor, Permission.manage_users)
    role_value = _role(role)
    with write_scope(actor, Permission.manage_users) as session:
        membership = _membership(session, actor.project_id, username)
        if (
            membership.role == Role.admin
            and role_value != Role.admin
            and _admins_left(session, actor.project_id, username) == 0
        ):
            raise InvalidInput("error.last_admin")
        membership.role = role_value
        mark_changed(session)


def remove_member(actor: Actor, username: str) -> None:
    require(actor, Permission.manage_users)
    with write_scope(actor, Permission.manage_users) as session:
        membership = _membership(session, actor.project_id, username)
        if membership.role == Role.admin and _admins_left(session, actor.project_id, username) == 0:
            raise InvalidInput("error.last_admin")
        session.delete(membership)
        mark_changed(session)


def add_member(
    actor: Actor,
    username: str,
    role: str,
    *,
    password: str | None = None,
    display_name: str = "",
    email: str = "",
    language: str = "fr",
) -> None:
    """Add a user to the actor's project; creates the account when `password` is given."""
    require(actor, Permission.manage_users)
    if password is not None and not user_exists(username):
        create_user(username, password, display_name=display_name, email=email, language=language)
    elif not user_exists(username):
        raise NotFound("error.unknown_user", username=username)
    set_membership(username, actor.project_slug, role)
