"""The presentation view: pages drawn for a projector read from across a room.

A per-user choice, remembered on the user's row (services.admin.users), toggled in the sidebar.
When on, the page takes PRESENTATION_CSS (larger type, high contrast, the full width of the
screen), charts take larger type (charts.theme.for_presentation), and a new session starts with
the sidebar collapsed."""

from __future__ import annotations

import streamlit as st

from dashboard import navigation
from dashboard.i18n import t
from dashboard.services.admin import users

PRESENTATION_KEY = "presentation_view"
_APPLIED_FOR = "_presentation_user"

# Streamlit sizes its text in rem: a larger root size enlarges every text, widget and spacing;
# the top padding clears Streamlit's toolbar at that size. Body text in black on white,
# secondary text (captions, help) dark enough for a washed-out projector, focus outlines thick
# enough to follow the keyboard from the back of the room.
PRESENTATION_CSS = """
<style>
html { font-size: 135%; }
.stApp, .stApp [data-testid="stMarkdownContainer"], .stApp label, .stApp p { color: #000000; }
.stApp { background-color: #ffffff; }
.stApp [data-testid="stCaptionContainer"] { opacity: 1 !important; }
.stApp [data-testid="stCaptionContainer"], .stApp [data-testid="stCaptionContainer"] * { color: #1f1f1f !important; }
.stApp a { color: #003d80; text-decoration: underline; }
.stApp [data-testid="stMainBlockContainer"] { max-width: 100%; padding: 4.5rem 2rem 3rem 2rem; }
.stApp [data-testid="stMetricValue"] { font-size: 2.6rem; }
.stApp :focus-visible { outline: 0.25rem solid #000000 !important; outline-offset: 0.15rem; }
</style>
"""


def is_on() -> bool:
    return bool(st.session_state.get(PRESENTATION_KEY, False))


def init_presentation(username: str) -> bool:
    """This session's presentation view: the user's saved choice, read once per session (and
    again when another user signs in on it)."""
    if st.session_state.get(_APPLIED_FOR) != username:
        st.session_state[_APPLIED_FOR] = username
        st.session_state[PRESENTATION_KEY] = users.presentation_view(username)
    if is_on():
        st.set_page_config(initial_sidebar_state="collapsed")
        st.html(PRESENTATION_CSS)
    return is_on()


def _toggled(username: str) -> None:
    users.set_presentation_view(username, is_on())


def presentation_toggle(username: str) -> None:
    st.toggle(
        t("sidebar.presentation"),
        key=PRESENTATION_KEY,
        help=t("sidebar.presentation_help"),
        on_change=_toggled,
        args=(username,),
    )


# Keys a presenter's remote (a "clicker") sends too: Page Down / Page Up.
NEXT_ITEM_KEY = "PageDown"
PREVIOUS_ITEM_KEY = "PageUp"
NEXT_PAGE_KEY = "Shift+PageDown"
PREVIOUS_PAGE_KEY = "Shift+PageUp"


def page_steps(role: str, url_path: str) -> None:
    """Previous and next page in the menu's order, as buttons (reachable with Tab) that also
    answer Shift+Page Up / Shift+Page Down."""
    before, after = navigation.neighbours(role, url_path or "home")
    steps = (
        ("nav.previous_page", "page_previous", ":material/arrow_back:", before, PREVIOUS_PAGE_KEY),
        ("nav.next_page", "page_next", ":material/arrow_forward:", after, NEXT_PAGE_KEY),
    )
    for column, (label, key, icon, target, shortcut) in zip(st.columns(2), steps, strict=True):
        if column.button(
            t(label),
            key=key,
            icon=icon,
            disabled=target is None,
            shortcut=shortcut,
            width="stretch",
            help=t(target.title_key) if target else None,
        ):
            st.switch_page(target.path)
    st.caption(t("nav.page_keys"))


def item_steps(item_key: str, count: int) -> None:
    """Previous and next agenda item, as buttons that also answer Page Up / Page Down."""
    index = st.session_state.get(item_key) or 0

    def step(to: int) -> None:
        st.session_state[item_key] = to

    left, middle, right = st.columns([1, 1, 3])
    left.button(
        t("meetings.previous_item"),
        key=f"{item_key}_previous",
        icon=":material/arrow_upward:",
        disabled=index <= 0,
        shortcut=PREVIOUS_ITEM_KEY,
        on_click=step,
        args=(index - 1,),
        width="stretch",
    )
    middle.button(
        t("meetings.next_item"),
        key=f"{item_key}_next",
        icon=":material/arrow_downward:",
        disabled=index >= count - 1,
        shortcut=NEXT_ITEM_KEY,
        on_click=step,
        args=(index + 1,),
        width="stretch",
    )
    right.caption(t("meetings.item_keys"))
