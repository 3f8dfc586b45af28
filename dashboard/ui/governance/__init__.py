"""Governance: what the Decisions and Meetings pages draw (`decisions`, `meetings`), and the
pieces both share: an action's state as the committee sees it (live on the meeting screen,
frozen in a decision's evidence) and the form that records a decision or a correction."""

from __future__ import annotations

import datetime as dt

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from dashboard.errors import DashboardError, ValidationFailed
from dashboard.i18n import current_language, label, t
from dashboard.i18n.formatting import format_eur, markdown_text
from dashboard.permissions import Permission
from dashboard.presenters.governance import (
    field_problems,
    iso_date_text,
    previous_decisions_text,
    status_text,
    tied_indicators_table,
)
from dashboard.services.governance import decisions as governance
from dashboard.ui.components import show_error, show_table
from dashboard.ui.context import PageContext
from data_loaders.problems import Problem
from models.vocab import DecisionOutcome
from dashboard import clock


def render_action_state(context: PageContext, state: dict) -> None:
    """Status, dates, indicators tied to the action and the decisions already taken on it.

    Evidence snapshots are kept forever: read them field by field, tolerating snapshots taken by
    earlier versions of the app that lack a field."""
    figures = st.columns(4)
    figures[0].metric(t("portfolio.col.status"), status_text(state.get("status")))
    figures[1].metric(t("portfolio.col.planned_start"), iso_date_text(state.get("planned_start")))
    figures[2].metric(
        t("portfolio.col.planned_end"),
        iso_date_text(state.get("planned_end")),
        delta=t("governance.late") if state.get("late") else None,
        delta_color="inverse",
        delta_arrow="off",
    )
    figures[3].metric(t("portfolio.col.budget"), format_eur(state.get("budget_eur")))
    facts = [
        f"**{t('portfolio.col.lead_partner')}** · {markdown_text(state.get('lead_partner') or '–')}",
        f"**{t('portfolio.col.regions')}** · {markdown_text(', '.join(state.get('care_regions') or []) or '–')}",
        f"**{t('portfolio.col.actual_start')}** · {iso_date_text(state.get('actual_start'))}",
        f"**{t('portfolio.col.review_date')}** · {iso_date_text(state.get('review_date'))}",
    ]
    if state.get("target_stratum") is not None:
        facts.append(
            f"**{t('portfolio.col.stratum')}** · "
            f"{markdown_text(context.project.stratum_label(state['target_stratum']))}"
        )
    left, right = st.columns(2)
    for index, fact in enumerate(facts):
        (left if index % 2 == 0 else right).markdown(fact)
    tied = state.get("indicators") or []
    if tied:
        st.markdown(f"**{t('governance.tied_indicators')}**")
        show_table(
            tied_indicators_table(tied, current_language()),
            hide_index=True,
            width="stretch",
            placeholder="–",
            column_config={
                "indicator": st.column_config.TextColumn(t("indicators.col.name"), width="large"),
                "value": t("indicators.col.latest"),
                "period": t("indicators.col.period"),
                "target": t("indicators.col.target"),
                "status": t("indicators.col.status"),
            },
        )
    else:
        st.caption(t("governance.no_tied_indicators"))
    previous = state.get("previous_decisions")
    if isinstance(previous, list) and previous:
        st.markdown(f"**{t('governance.previous_decisions')}** · {previous_decisions_text(previous)}")
    else:
        st.caption(t("governance.no_previous_decision"))


def decision_form(
    context: PageContext,
    action_id: int,
    *,
    key: str,
    meeting_id: int | None = None,
    supersedes: dict | None = None,
) -> bool:
    """The form that records a decision (or, with `supersedes`, a correction of an entry).
    Returns True once recorded. Only steering and admin see it; the service checks again.

    A refused submit keeps what was typed and shows each problem under its field."""
    if not context.can(Permission.record_decision):
        return False
    outcomes = [o.value for o in DecisionOutcome]
    slots: dict[str, DeltaGenerator] = {}
    with st.form(key, clear_on_submit=False, border=True):
        outcome = st.segmented_control(
            t("decisions.col.outcome"),
            outcomes,
            key=f"{key}_outcome",
            format_func=lambda o: label(DecisionOutcome(o)),
            default=supersedes["outcome"] if supersedes else None,
        )
        slots["outcome"] = st.empty()
        conditions = st.text_area(t("governance.conditions_help"), key=f"{key}_conditions", height=80)
        slots["conditions"] = st.empty()
        rationale = st.text_area(t("decisions.col.rationale"), key=f"{key}_rationale", height=90)
        slots["rationale"] = st.empty()
        review_date = st.date_input(
            t("governance.review_date_help"),
            value=None,
            min_value=clock.today() + dt.timedelta(days=1),
            format="DD/MM/YYYY",
            key=f"{key}_review",
        )
        slots["review_date"] = st.empty()
        reason = ""
        if supersedes:
            reason = st.text_input(t("governance.correction_reason"), key=f"{key}_reason")
            slots["correction_reason"] = st.empty()
        submitted = st.form_submit_button(
            t("governance.record_correction") if supersedes else t("governance.record"),
            type="primary",
            icon=":material/gavel:",
        )
        slots[""] = st.empty()
    if not submitted:
        return False
    try:
        if outcome is None:
            raise ValidationFailed([Problem("problem.bad_outcome", column="outcome")])
        governance.record_decision(
            context.actor,
            governance.DecisionInput(
                action_id=action_id,
                outcome=outcome,
                rationale=rationale,
                conditions=conditions,
                review_date=review_date,
                meeting_id=meeting_id,
                supersedes_id=supersedes["id"] if supersedes else None,
                correction_reason=reason,
            ),
        )
    except ValidationFailed as error:
        for field, messages in field_problems(error.problems, current_language()).items():
            (slots.get(field) or slots[""]).error("\n\n".join(messages), icon=":material/error:")
        return False
    except DashboardError as error:
        show_error(error)
        return False
    return True
