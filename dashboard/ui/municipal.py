"""Import pages: choosing how a file's region column is read (care regions or municipalities)
and what a file keyed by municipality became. Places and row counts only, never counts of
persons (those were added up per care region before anything is shown)."""

from __future__ import annotations

import streamlit as st

from dashboard.i18n import t
from dashboard.i18n.formatting import markdown_text
from data_loaders.nis import KEY_MODES


def key_choice(key: str) -> str:
    """The key mode chosen on the page (auto by default)."""
    return st.selectbox(
        t("import.key"),
        KEY_MODES,
        key=f"{key}_key",
        format_func=lambda mode: t(f"import.key.{mode}"),
        help=t("import.key_help"),
    )


def render_keying(keying) -> None:  # noqa: ANN001 - risk_import.MunicipalityKeying
    if keying.municipalities:
        st.info(
            t(
                "import.municipal.summary",
                municipalities=keying.municipalities,
                count=len(keying.regions),
                regions=markdown_text(", ".join(keying.regions)),
            ),
            icon=":material/join:",
        )
    if keying.old_codes:
        st.caption(t("import.municipal.old_codes", codes=markdown_text(", ".join(keying.old_codes))))
    render_outside(keying.outside)


def render_outside(outside: list) -> None:
    if outside:
        shown = ", ".join(m.label for m in outside[:30]) + (" …" if len(outside) > 30 else "")
        st.warning(
            t("import.municipal.outside", count=len(outside), municipalities=markdown_text(shown)),
            icon=":material/location_off:",
        )
