"""The sidebar below the navigation: project switcher, role, demo badge, language, logout;
and, drawing nothing, Streamlit's own widget texts in the interface language."""

from __future__ import annotations

import streamlit as st

from dashboard.auth import LOGOUT_BUTTON_KEY
from dashboard.i18n import label, t
from dashboard.i18n.formatting import markdown_text
from dashboard.ui.context import PageContext
from dashboard.ui.localization import localize_widgets
from dashboard.ui.presentation import page_steps, presentation_toggle
from dashboard.ui.session import PROJECT_KEY, language_switch


def render(context: PageContext, url_path: str) -> None:
    with st.sidebar:
        if len(context.memberships) > 1:
            names = {m.project.slug: m.project.name for m in context.memberships}
            st.selectbox(t("sidebar.project"), list(names), format_func=names.__getitem__, key=PROJECT_KEY)
        else:
            st.markdown(f"**{markdown_text(context.project.name)}**")
        st.caption(
            t("sidebar.signed_in_as", name=markdown_text(context.actor.display_name))
            + " · "
            + t("sidebar.role", role=label(context.actor.role))
        )
        if context.project.is_demo:
            st.badge(t("demo.badge"), icon=":material/science:", color="orange")
        language_switch(context.actor.username)
        presentation_toggle(context.actor.username)
        page_steps(context.actor.role, url_path)
        st.button(t("auth.logout"), key=LOGOUT_BUTTON_KEY, icon=":material/logout:")
        localize_widgets(context.lang)
