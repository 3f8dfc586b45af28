"""Evaluation: what the Indicators and Maturity pages draw. Every figure comes suppressed from
the services; every write goes through them. Shared here: status labels, figures with their
unit, and the success message shown after a write."""

from __future__ import annotations

import streamlit as st

from dashboard.i18n import t

# Pure, shared with the meeting pack: in the presenters (named here for the pages' modules).
from dashboard.presenters.evaluation import figure, status_labels, unit_label, with_unit  # noqa: F401

STATUS_BADGE = {
    "on_track": "green",
    "at_risk": "orange",
    "off_track": "red",
    "no_target": "gray",
    "no_data": "gray",
}
STATUS_ICON = {
    "on_track": ":material/check_circle:",
    "at_risk": ":material/warning:",
    "off_track": ":material/error:",
    "no_target": ":material/remove:",
    "no_data": ":material/remove:",
}
DONE_KEY = "evaluation_done"  # a success message to show after the rerun a write causes


def flash(message: str) -> None:
    """Show `message` after the rerun that follows a successful write."""
    st.session_state[DONE_KEY] = message


def show_flash() -> None:
    if message := st.session_state.pop(DONE_KEY, None):
        st.success(message, icon=":material/task_alt:")


def labels_of(fields: dict[str, str]) -> dict[str, str]:
    """A form's field labels in the current language (code -> label), for show_error."""
    return {code: t(key) for code, key in fields.items()}
