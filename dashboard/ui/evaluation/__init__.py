"""Evaluation: what the Indicators and Maturity pages draw. Every figure comes suppressed from
the services; every write goes through them. Shared here: status labels, figures with their
unit, and the success message shown after a write."""

from __future__ import annotations

import streamlit as st

from dashboard.i18n import t
from dashboard.i18n.formatting import format_number

# Not bound as `indicators`: that name is this package's submodule.
from dashboard.services.evaluation import indicators as indicator_service
from dashboard.services.suppression import SUPPRESSED_TEXT

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


def status_labels() -> dict[str, str]:
    return {s: t(f"indicators.status.{s}") for s in indicator_service.STATUSES}


def figure(value: float | None, decimals: int, suppressed: bool = False) -> str:
    """A value as shown: "< 5" when hidden, "–" when missing, Belgian format otherwise."""
    if suppressed:
        return SUPPRESSED_TEXT
    return format_number(value, decimals)


# Units of the default catalogue, labelled in the interface language; other units are shown as
# the project wrote them.
_UNIT_KEYS = {"per 1,000": "per_1000", "score 1–5": "score_1_5"}


def unit_label(unit: str) -> str:
    key = _UNIT_KEYS.get(unit)
    return t(f"indicators.unit.{key}") if key else unit


def with_unit(text: str, unit: str) -> str:
    """A figure with its unit when the unit is a sign (42,8 %); otherwise the figure alone
    (the unit is beside it, in the column or the definition)."""
    if text in ("–", SUPPRESSED_TEXT) or unit not in ("%", "‰"):
        return text
    return f"{text}\u00a0{unit}"


def flash(message: str) -> None:
    """Show `message` after the rerun that follows a successful write."""
    st.session_state[DONE_KEY] = message


def show_flash() -> None:
    if message := st.session_state.pop(DONE_KEY, None):
        st.success(message, icon=":material/task_alt:")


def labels_of(fields: dict[str, str]) -> dict[str, str]:
    """A form's field labels in the current language (code -> label), for show_error."""
    return {code: t(key) for code, key in fields.items()}
