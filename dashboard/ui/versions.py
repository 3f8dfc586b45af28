"""The version of a record as the user saw it when a form showed it (optimistic locking).

A page re-reads its data at every rerun, including the one a form's submit starts: a save that
passed the version read then would always pass, and silently undo a change someone else saved
while the user was typing. So a form keeps the version it was first drawn with (`seen`), passes
that one to the service, and the service refuses the save (ConflictError) if the record changed
since. The version is read again when the form was not drawn in the previous run (the page was
left and opened again), after a save, and when the user reloads (`show_conflict`'s button).
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from dashboard.errors import DashboardError
from dashboard.i18n import current_language, t
from dashboard.ui.components import error_markdown

_SEEN = "_versions_seen"
_CONFLICTS = "_version_conflicts"


def seen(name: str, current: Any, marker: str) -> Any:
    """The version (or versions) of record `name` as the user first saw them; `current` is what
    was just read. `marker` is the key of a widget of the form (e.g. its submit button): while
    it exists in the session, the form has been on screen since the version was taken."""
    store: dict[str, Any] = st.session_state.setdefault(_SEEN, {})
    if marker not in st.session_state or name not in store:
        store[name] = current
        st.session_state.setdefault(_CONFLICTS, {}).pop(name, None)
    return store[name]


def forget(name: str, *widgets: str) -> None:
    """Take the version afresh at the next run (after a save, or when the user reloads), and
    drop the state of `widgets` (an editor's edits made over the old version)."""
    st.session_state.setdefault(_SEEN, {}).pop(name, None)
    st.session_state.setdefault(_CONFLICTS, {}).pop(name, None)
    for widget in widgets:
        st.session_state.pop(widget, None)


def refused(name: str, error: DashboardError) -> None:
    """Remember a save of `name` refused because someone else saved it meanwhile."""
    st.session_state.setdefault(_CONFLICTS, {})[name] = error


def show_conflict(name: str, *widgets: str) -> None:
    """The refusal of the last save of `name`, if any, with a button that reloads the record
    (and forgets what was typed in `widgets`)."""
    error = st.session_state.get(_CONFLICTS, {}).get(name)
    if error is None:
        return
    st.error(error_markdown(error, current_language()), icon=":material/sync_problem:")
    st.button(
        t("common.reload_page"),
        key=f"reload_{name}",
        on_click=forget,
        args=(name, *widgets),
        type="primary",
        icon=":material/refresh:",
    )
