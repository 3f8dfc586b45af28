"""What every page needs to know about the current run: who acts, in which project, in which
language. app.py builds it once per rerun; pages read it with `page_context()`."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from dashboard.i18n import t
from dashboard.permissions import Permission
from dashboard.services.access import Actor
from dashboard.services.projects import MembershipInfo, ProjectInfo

CONTEXT_KEY = "_page_context"


@dataclass(frozen=True)
class PageContext:
    actor: Actor
    project: ProjectInfo
    memberships: tuple[MembershipInfo, ...]
    lang: str

    def can(self, permission: Permission) -> bool:
        return self.actor.can(permission)


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
