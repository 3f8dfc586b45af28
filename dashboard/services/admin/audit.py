"""The audit log: who did what, when (append-only; the database refuses UPDATE and DELETE).

Services record their events with `record(session, ...)` in the transaction of the change they
log (an event without its change, or a change without its event, never stays), or with `log(...)`
when there is no transaction (a download, a failed login). A project admin reads the events of
the project and the account events (logins, passwords) of the project's members; the command
line exports everything (`python -m dashboard audit export -o FILE.csv`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

import polars as pl
from sqlalchemy import or_
from sqlmodel import Session, select

from dashboard.permissions import Permission
from dashboard.services.access import Actor, require
from models.db import session_scope
from models.tables import AuditEvent, Membership, Project, User, utcnow


class AuditKind(StrEnum):
    login = "login"
    login_failed = "login_failed"
    login_locked = "login_locked"
    logout = "logout"
    logout_everywhere = "logout_everywhere"
    account_created = "account_created"
    account_deactivated = "account_deactivated"
    account_reactivated = "account_reactivated"
    member_added = "member_added"
    member_removed = "member_removed"
    role_changed = "role_changed"
    password_changed = "password_changed"
    password_reset = "password_reset"
    data_import = "data_import"
    data_export = "data_export"
    correction = "correction"


# Events about an account rather than a project's data: shown to the admins of its projects.
ACCOUNT_KINDS = frozenset(
    {
        AuditKind.login,
        AuditKind.login_failed,
        AuditKind.login_locked,
        AuditKind.logout,
        AuditKind.logout_everywhere,
        AuditKind.account_created,
        AuditKind.account_deactivated,
        AuditKind.account_reactivated,
        AuditKind.password_changed,
        AuditKind.password_reset,
    }
)


def _who(actor: Actor | str | None) -> str:
    if actor is None:
        return ""
    return (actor.username if isinstance(actor, Actor) else actor)[:64]


def record(
    session: Session,
    actor: Actor | str | None,
    kind: AuditKind,
    *,
    subject: str = "",
    project: Actor | tuple[int, str] | None = None,
    detail: dict | None = None,
    client: str = "",
    at: dt.datetime | None = None,
) -> None:
    """Add an event in the caller's transaction. `project`: the actor (its project) or
    (project id, slug); by default the actor's project when `actor` is an Actor."""
    if project is None and isinstance(actor, Actor):
        project = actor
    project_id, slug = (
        (project.project_id, project.project_slug) if isinstance(project, Actor) else (project or (None, ""))
    )
    session.add(
        AuditEvent(
            at=at or utcnow(),
            actor=_who(actor),
            event=kind.value,
            subject=subject[:64],
            project_id=project_id,
            project_slug=slug[:64],
            detail=detail or None,
            client=client[:200],
        )
    )


def log(actor: Actor | str | None, kind: AuditKind, **fields: object) -> None:
    """Add an event in a transaction of its own (see `record` for the fields)."""
    with session_scope() as session:
        record(session, actor, kind, **fields)  # type: ignore[arg-type]


def log_import(session: Session, actor: Actor, kind: str, file_name: str, **detail: object) -> None:
    """For the importers: a file of `kind` applied to the actor's project."""
    record(session, actor, AuditKind.data_import, detail={"kind": kind, "file": file_name, **detail})


def log_export(actor: Actor, what: str, file_format: str, **detail: object) -> None:
    """For downloads and export commands: `what` of the actor's project, as `file_format`."""
    log(actor, AuditKind.data_export, detail={"what": what, "format": file_format, **detail})


# ---------------------------------------------------------------- reading


@dataclass(frozen=True)
class AuditFilter:
    kinds: tuple[str, ...] = ()  # none: every kind
    user: str = ""  # actor or subject containing this (case-insensitive)
    since: dt.date | None = None
    until: dt.date | None = None  # inclusive
    limit: int = 5000


COLUMNS = ("at", "actor", "event", "subject", "project", "detail", "client")


def _frame(rows: list[AuditEvent]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "at": [r.at for r in rows],
            "actor": [r.actor for r in rows],
            "event": [r.event for r in rows],
            "subject": [r.subject for r in rows],
            "project": [r.project_slug for r in rows],
            "detail": ["; ".join(f"{k}={v}" for k, v in (r.detail or {}).items()) for r in rows],
            # the same, as data, for a reader's labels (presenters.admin.detail_text)
            "details": [
                [{"key": str(k), "value": str(v)} for k, v in (r.detail or {}).items()] for r in rows
            ],
            "client": [r.client for r in rows],
        },
        schema={
            "at": pl.Datetime("us", "UTC"),
            **{name: pl.String for name in COLUMNS if name != "at"},
            "details": pl.List(pl.Struct({"key": pl.String, "value": pl.String})),
        },
    )


def _filtered(statement, audit_filter: AuditFilter):  # noqa: ANN001, ANN202
    if audit_filter.kinds:
        statement = statement.where(AuditEvent.event.in_(audit_filter.kinds))  # type: ignore[attr-defined]
    if audit_filter.user.strip():
        pattern = f"%{audit_filter.user.strip().lower()}%"
        statement = statement.where(
            or_(AuditEvent.actor.ilike(pattern), AuditEvent.subject.ilike(pattern))  # type: ignore[attr-defined]
        )
    if audit_filter.since:
        statement = statement.where(
            AuditEvent.at >= dt.datetime.combine(audit_filter.since, dt.time(), dt.UTC)  # type: ignore[operator]
        )
    if audit_filter.until:
        statement = statement.where(
            AuditEvent.at < dt.datetime.combine(audit_filter.until + dt.timedelta(days=1), dt.time(), dt.UTC)  # type: ignore[operator]
        )
    return statement.order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(audit_filter.limit)  # type: ignore[attr-defined]


def project_events(actor: Actor, audit_filter: AuditFilter = AuditFilter()) -> pl.DataFrame:
    """What a project admin may read: the project's events, and the account events of its
    members (a login attempt naming no member, e.g. an unknown username, is not shown)."""
    require(actor, Permission.manage_users)
    with session_scope() as session:
        members = (
            select(User.username)
            .join(Membership, Membership.user_id == User.id)
            .where(Membership.project_id == actor.project_id)
        )
        statement = select(AuditEvent).where(
            or_(
                AuditEvent.project_id == actor.project_id,
                AuditEvent.event.in_([k.value for k in ACCOUNT_KINDS]) & AuditEvent.subject.in_(members),  # type: ignore[attr-defined]
            )
        )
        return _frame(list(session.exec(_filtered(statement, audit_filter)).all()))


def all_events(
    project_slug: str | None = None, audit_filter: AuditFilter = AuditFilter(limit=10**9)
) -> pl.DataFrame:
    """Every event (the command line: shell access to the server is administration)."""
    with session_scope() as session:
        statement = select(AuditEvent)
        if project_slug:
            project_id = session.exec(select(Project.id).where(Project.slug == project_slug)).first()
            statement = (
                statement.where(AuditEvent.project_slug == project_slug)
                if project_id is None
                else statement.where(AuditEvent.project_id == project_id)
            )
        return _frame(list(session.exec(_filtered(statement, audit_filter)).all()))
