"""Per-session state of the shell: the interface language and the selected project."""

from __future__ import annotations

import streamlit as st

from streamlit.runtime.scriptrunner import get_script_run_ctx

from dashboard.i18n import DEFAULT_LANGUAGE, set_language, t, use_language_source
from dashboard.services.admin import projects
from dashboard.services.admin import users
from dashboard.services.access import Actor
from dashboard.ui.context import CONTEXT_KEY, PageContext
from models.vocab import LANGUAGES, Role

LANG_KEY = "lang"
PROJECT_KEY = "project_slug"


def session_language() -> str | None:
    """The session's language, for runs that skip the entry script (fragments, dialogs)."""
    if get_script_run_ctx(suppress_warning=True) is None:
        return None
    return st.session_state.get(LANG_KEY)


use_language_source(session_language)


def init_language(username: str | None = None) -> str:
    """Set this run's language: the user's choice, else their saved preference, else the
    browser's language, else French."""
    if LANG_KEY not in st.session_state:
        locale = (st.context.locale or "")[:2].lower()
        st.session_state[LANG_KEY] = locale if locale in LANGUAGES else DEFAULT_LANGUAGE
    if username and not st.session_state.get("_lang_user_applied"):
        st.session_state["_lang_user_applied"] = True
        preferred = users.preferred_language(username)
        if preferred and not st.session_state.get("_lang_chosen"):
            st.session_state[LANG_KEY] = preferred
    set_language(st.session_state[LANG_KEY])
    return st.session_state[LANG_KEY]


def _language_chosen(username: str | None, language: str) -> None:
    st.session_state[LANG_KEY] = language
    st.session_state["_lang_chosen"] = True
    if username:
        users.set_preferred_language(username, language)


def language_switch(username: str | None = None, container=None) -> None:  # noqa: ANN001
    """One button per language, the current one highlighted.

    Buttons, not a radio: a radio's value lives in the browser too, and a browser still holding
    the login page's (or an older run's) value sent it back after a re-login by cookie, showing
    one language while the page spoke another and, at the next click, switching to it and saving
    it as the user's preference. A button's click is an event of one run, never replayed.
    """
    where = container or st
    where.caption(t("sidebar.language"))
    for column, language in zip(where.columns(len(LANGUAGES)), LANGUAGES, strict=True):
        column.button(
            language.upper(),
            key=f"lang_{'app' if username else 'login'}_{language}",
            type="primary" if language == st.session_state[LANG_KEY] else "secondary",
            width="stretch",
            on_click=_language_chosen,
            args=(username, language),
            help=t(f"language.{language}"),
        )


def build_context(username: str, display_name: str | None, lang: str) -> PageContext | None:
    """The page context of a logged-in user (None when the user belongs to no project)."""
    memberships = tuple(projects.memberships_of(username))
    if not memberships:
        st.session_state.pop(CONTEXT_KEY, None)
        return None
    slugs = [m.project.slug for m in memberships]
    if st.session_state.get(PROJECT_KEY) not in slugs:
        st.session_state[PROJECT_KEY] = slugs[0]
    current = memberships[slugs.index(st.session_state[PROJECT_KEY])]
    actor = Actor(
        username, display_name or username, current.project.id, current.project.slug, Role(current.role)
    )
    context = PageContext(actor, current.project, memberships, lang)
    st.session_state[CONTEXT_KEY] = context
    return context


def relabel_after_language_switch(key: str) -> None:
    """Call before a keyed choice widget whose option labels are translated.

    A selectbox's value lives in the browser as the label it showed (Streamlit sends the
    formatted option back). A keyed widget keeps its identity when its labels change, and
    Streamlit only resets the browser's value when it no longer matches an option by the
    server-side value: after FR -> NL the browser kept showing the French label. Assigning
    the value once per language makes Streamlit send the new label to the browser."""
    seen = st.session_state.setdefault("_labels_language", {})
    language = st.session_state.get(LANG_KEY)
    if seen.get(key) != language:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]
        seen[key] = language
