"""Who is acting, in which project, with which role; and the permission check services call."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select, update

from dashboard.errors import NotFound, PermissionDenied
from dashboard.permissions import Permission, can
from models.db import session_scope
from models.tables import Membership, Project, User
from models.vocab import Area, Role

CLI_USERNAME = "cli"


@dataclass(frozen=True)
class Actor:
    """A user acting in one project."""

    username: str
    display_name: str
    project_id: int
    project_slug: str
    role: Role

    def can(self, permission: Permission) -> bool:
        return can(self.role, permission)


def require(actor: Actor, permission: Permission) -> None:
    """Raise PermissionDenied unless the actor's role in its project grants `permission`."""
    if not actor.can(permission):
        raise PermissionDenied("error.permission_denied", role=actor.role.value, permission=permission.value)


def actor_for(username: str, project_slug: str) -> Actor:
    """The actor for a logged-in user in a project; refused if the user is not a member."""
    with session_scope() as session:
        row = session.exec(
            select(User, Membership, Project)
            .join(Membership, Membership.user_id == User.id)
            .join(Project, Project.id == Membership.project_id)
            .where(User.username == username, Project.slug == project_slug)
        ).first()
        if row is None or not row[0].is_active:
            raise PermissionDenied("error.not_a_member", username=username, project=project_slug)
        user, membership, project = row
        return Actor(
            user.username, user.display_name or user.username, project.id, project.slug, Role(membership.role)
        )


def cli_actor(project_slug: str, username: str | None = None) -> Actor:
    """The actor for a command-line operation. Shell access to the server is administration;
    with `username`, the command acts as that user (and with that user's role)."""
    if username:
        return actor_for(username, project_slug)
    with session_scope() as session:
        project = session.exec(select(Project).where(Project.slug == project_slug)).first()
        if project is None:
            raise NotFound("error.unknown_project", project=project_slug)
        return Actor(CLI_USERNAME, "Command line", project.id, project.slug, Role.admin)


def bump_data_version(session: Session, project_id: int, *areas: Area) -> None:
    """Mark the data of `areas` of the project as changed, in the writer's transaction (pages
    cache their reads under the versions of the areas they show). Without areas, every area:
    for writes every page shows, such as the project's settings or its members."""
    changed = areas or tuple(Area)
    session.exec(  # type: ignore[call-overload]
        update(Project)
        .where(Project.id == project_id)  # type: ignore[arg-type]
        .values(
            data_version=Project.data_version + 1,
            **{f"{area}_version": getattr(Project, f"{area}_version") + 1 for area in changed},
        )
    )
