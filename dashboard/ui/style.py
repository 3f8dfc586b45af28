"""The app's own CSS, on every page and on the login screen (the theme itself is in
.streamlit/config.toml and set by the app's options)."""

from __future__ import annotations

import streamlit as st

# Streamlit draws captions (st.caption, widget help under a field) in the text colour at 60 %
# opacity: #73797f on white, a contrast of 4.4:1, under WCAG AA's 4.5:1 (axe's color-contrast;
# tests/browser/test_accessibility_browser.py). Full opacity in a dark grey reads 8:1 on
# white and on the sidebar's background, still lighter than body text. The same for the key
# a button's shortcut shows (Page Down on the meeting's item steps), on the light buttons.
GLOBAL_CSS = """
<style>
.stApp [data-testid="stCaptionContainer"] { opacity: 1; color: #3d4a56; }
.stApp [data-testid="stBaseButton-secondary"] kbd { opacity: 1; color: #3d4a56; }
</style>
"""


def apply_global_css() -> None:
    st.html(GLOBAL_CSS)
