"""What every page needs to know about the current run: who acts, in which project, in which
language. app.py builds it once per rerun; pages read it with `page_context()`."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from dashboard.i18n import t
from dashboard.permissions import Permission
from dashboard.services.access import Actor
from dashboard.services.admin.projects import MembershipInfo, ProjectInfo
from models.vocab import Area

CONTEXT_KEY = "_page_context"


@dataclass(frozen=True)
class PageContext:
    actor: Actor
    project: ProjectInfo
    memberships: tuple[MembershipInfo, ...]
    lang: str

    def can(self, permission: Permission) -> bool:
        return self.actor.can(permission)

    def cache_key(self, *areas: Area) -> tuple:
        """What a cached read of `areas` for this actor depends on: the project, the role (what
        a service lets the actor see depends on nothing else) and the areas' data versions.
        Cached functions take the actor as `_actor`, which Streamlit does not hash, and this
        key: one cache entry per project and role, not per user."""
        return (self.actor.project_id, self.actor.role.value, *self.project.version(*areas))


def page_context(permission: Permission = Permission.read) -> PageContext:
    """The current context; stops the page with a message if the role lacks `permission`
    (sensitive pages re-check, even though navigation already hides them)."""
    context: PageContext | None = st.session_state.get(CONTEXT_KEY)
    if context is None:
        st.stop()
    if not context.can(permission):
        st.error(t("error.page_not_allowed"))
        st.stop()
    return context  # type: ignore[return-value]
