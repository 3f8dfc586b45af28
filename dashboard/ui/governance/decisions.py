"""What the Decisions page draws: the log's tamper check and figures, its filters, the table
whose rows open an entry's detail (with its condition checks and corrections), and the form
that records a decision taken outside a meeting."""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard.errors import DashboardError
from dashboard.i18n import label, message, plural, t
from dashboard.i18n.formatting import format_date, format_datetime, format_number, markdown_text
from dashboard.permissions import Permission
from dashboard.presenters.governance import (
    action_choices,
    entry_number,
    log_figures,
    log_options,
    log_table,
    outcome_text,
    period_bounds,
)
from dashboard.services.actions.portfolio import actions_frame
from dashboard.services.governance import decisions as governance
from dashboard.services.governance.decisions import ChainCheck, LogFilters
from dashboard.ui.components import DATE_FORMAT, show_error, show_table
from dashboard.ui.context import PageContext
from dashboard.ui.governance import decision_form, render_action_state
from models.vocab import DecisionOutcome

OPEN_ENTRY = "entry"  # query parameter: the number of the entry whose detail is open
# The table's key changes each time a detail is closed, so that the closed entry's row is no
# longer ticked: a ticked row would open its detail again on every rerun.
TABLE_ROUND = "log_table_round"


def chain_status(check: ChainCheck) -> None:
    """The tamper check's verdict: intact, or every problem found."""
    if check.intact:
        st.success(plural("decisions.chain_intact", check.entries), icon=":material/verified:")
    else:
        st.error(
            "\n".join(
                [t("decisions.chain_broken"), ""]
                + [f"- {message(p.key, **p.params)}" for p in check.problems]
            ),
            icon=":material/gpp_bad:",
        )


def figures(log: pl.DataFrame) -> None:
    """Entries, one figure per outcome, and the entries needing a follow-up."""
    columns = st.columns(6)
    shown = log_figures(log)
    for column, (text, count) in zip(columns[:-1], shown[:-1], strict=True):
        column.metric(text, format_number(count), border=True)
    text, count = shown[-1]
    columns[-1].metric(text, format_number(count), border=True, help=t("decisions.flags_help"))


def filters(context: PageContext, log: pl.DataFrame) -> LogFilters:
    """The log's filters (text, outcome, objective, action, meeting, period, flagged only)."""
    strategic, codes, meeting_titles = log_options(log)
    with st.container(border=True):
        first = st.columns([3, 3, 3, 3])
        text = first[0].text_input(
            t("filters.search"), key="log_text", placeholder=t("decisions.search_placeholder")
        )
        outcomes = first[1].multiselect(
            t("decisions.col.outcome"),
            [o.value for o in DecisionOutcome],
            format_func=lambda o: label(DecisionOutcome(o)),
            key="log_outcome",
            placeholder=t("filters.any"),
        )
        objectives = first[2].multiselect(
            context.project.level_name(1), strategic, key="log_objective", placeholder=t("filters.any")
        )
        actions = first[3].multiselect(
            t("decisions.col.action"), codes, key="log_action", placeholder=t("filters.any")
        )
        second = st.columns([4, 4, 3])
        chosen_meetings = second[0].multiselect(
            t("decisions.col.meeting"),
            list(meeting_titles),
            format_func=meeting_titles.__getitem__,
            key="log_meeting",
            placeholder=t("filters.any"),
        )
        period = second[1].date_input(t("decisions.period"), value=(), format="DD/MM/YYYY", key="log_period")
        flagged_only = second[2].toggle(t("decisions.flagged_only"), key="log_flagged")
    since, until = period_bounds(period)
    return LogFilters(
        outcomes=tuple(outcomes),
        strategic_codes=tuple(objectives),
        action_codes=tuple(actions),
        meeting_ids=tuple(chosen_meetings),
        since=since,
        until=until,
        text=text,
        flagged_only=flagged_only,
    )


def log_column_config() -> dict:
    """Widths (pixels) that fit the columns up to Correction at 1920 px with the sidebar open
    (about 1,400 px beside the row selection column), long enough for the outcomes and flags in
    every language ("Go onder voorwaarden", "⚠ voorwaarden niet vervuld")."""
    column = st.column_config
    return {
        "sequence": column.NumberColumn(t("decisions.col.sequence"), width=48, pinned=True),
        "recorded_at": column.DatetimeColumn(
            t("decisions.col.recorded_at"), width=124, format="DD/MM/YYYY HH:mm"
        ),
        "action_link": column.LinkColumn(t("decisions.col.action"), display_text=r"action=(.*)$", width=64),
        "action_title": column.TextColumn(t("portfolio.col.title"), width=220),
        "outcome": column.TextColumn(t("decisions.col.outcome"), width=160),
        "flags": column.TextColumn(t("decisions.col.flags"), width=196, help=t("decisions.flags_help")),
        "conditions": column.TextColumn(t("decisions.col.conditions"), width=170),
        "rationale": column.TextColumn(t("decisions.col.rationale"), width=220),
        "review_date": column.DateColumn(t("decisions.col.review_date"), width=104, format=DATE_FORMAT),
        "correction": column.TextColumn(
            t("decisions.col.correction"), width=84, help=t("decisions.correction_help")
        ),
        "meeting_title": column.TextColumn(t("decisions.col.meeting"), width=220),
        "recorded_by": column.TextColumn(t("decisions.col.recorded_by"), width=140),
    }


def log_view(shown: pl.DataFrame) -> None:
    """The log's table; ticking a row opens that entry's detail (by the address)."""
    table_key = f"log_table_{st.session_state.get(TABLE_ROUND, 0)}"

    def open_selected_entry() -> None:
        """Open the detail of the row just ticked (only when the selection changes)."""
        rows = st.session_state[table_key].selection.rows
        if rows:
            st.query_params[OPEN_ENTRY] = str(shown["sequence"][rows[0]])

    show_table(
        log_table(shown),
        hide_index=True,
        width="stretch",
        height=520,
        placeholder="–",
        key=table_key,
        on_select=open_selected_entry,
        selection_mode="single-row",
        column_config=log_column_config(),
    )
    st.caption(t("decisions.select_hint"))


def close_entry() -> None:
    st.query_params.pop(OPEN_ENTRY, None)
    st.session_state[TABLE_ROUND] = st.session_state.get(TABLE_ROUND, 0) + 1


def open_entry(context: PageContext, log: pl.DataFrame) -> None:
    """The detail of the entry the address names, in a dialog; an address naming no entry of the
    log is cleared."""
    if not (number := st.query_params.get(OPEN_ENTRY)):
        return
    wanted = entry_number(number)
    match = log.filter(sequence=wanted) if wanted is not None else log.clear()
    if match.height:
        dialog = st.dialog(t("decisions.entry_title"), width="large", on_dismiss=close_entry)
        dialog(_entry)(context, log, match["id"][0])
    else:
        close_entry()


def _entry(context: PageContext, log: pl.DataFrame, decision_id: int) -> None:
    entry = governance.entry(context.actor, decision_id)
    row = log.filter(id=decision_id).row(0, named=True)
    st.subheader(
        f"{t('decisions.entry_number', sequence=entry['sequence'])} · "
        f"{markdown_text(row['action_code'])} {markdown_text(row['action_title'])}"
    )
    st.markdown(f"### {outcome_text(entry['outcome'])}")
    st.caption(
        t(
            "decisions.recorded_line",
            by=markdown_text(entry["recorded_by_name"]),
            at=format_datetime(entry["recorded_at"]),
            meeting=markdown_text(row["meeting_title"])
            if row["meeting_title"]
            else t("decisions.no_meeting"),
        )
    )
    if entry["conditions"]:
        st.markdown(f"**{t('decisions.col.conditions')}** · {markdown_text(entry['conditions'])}")
    st.markdown(f"**{t('decisions.col.rationale')}** · {markdown_text(entry['rationale'])}")
    if entry["review_date"]:
        st.markdown(f"**{t('decisions.col.review_date')}** · {format_date(entry['review_date'])}")
    if row["supersedes_sequence"]:
        st.info(
            t(
                "decisions.corrects_line",
                sequence=row["supersedes_sequence"],
                reason=markdown_text(entry["correction_reason"]),
            )
        )
    if row["superseded_by"]:
        st.warning(t("decisions.corrected_line", sequence=row["superseded_by"]))
    for review in entry["condition_reviews"]:
        st.markdown(
            t(
                "decisions.condition_check_line",
                result=t("common.yes") if review["met"] else t("common.no"),
                by=markdown_text(review["recorded_by_name"]),
                at=format_datetime(review["recorded_at"]),
                note=markdown_text(review["note"]) if review["note"] else "–",
            )
        )
    st.markdown(f"#### {t('decisions.evidence')}")
    st.caption(t("decisions.evidence_help"))
    if entry["evidence"]:
        render_action_state(context, entry["evidence"])
    if not context.can(Permission.record_decision) or row["superseded_by"]:
        return
    if entry["outcome"] == "conditional_go":
        _condition_review_form(context, decision_id)
    with st.expander(t("decisions.correct_entry")):
        st.caption(t("decisions.correct_help"))
        if decision_form(
            context,
            entry["action_id"],
            key=f"correct_{decision_id}",
            meeting_id=entry["meeting_id"],
            supersedes=entry,
        ):
            close_entry()
            st.rerun()


def _condition_review_form(context: PageContext, decision_id: int) -> None:
    with st.form(f"conditions_{decision_id}"):
        st.markdown(f"**{t('decisions.check_conditions')}**")
        met = st.radio(
            t("decisions.conditions_met"),
            [True, False],
            horizontal=True,
            format_func=lambda v: t("common.yes") if v else t("common.no"),
        )
        note = st.text_input(t("decisions.condition_note"))
        if st.form_submit_button(t("decisions.record_check")):
            try:
                governance.record_condition_review(context.actor, decision_id, met, note)
                st.rerun()
            except DashboardError as error:
                show_error(error)


def record_outside(context: PageContext) -> None:
    """A decision taken outside any meeting, on any action (steering and admin only)."""
    if not context.can(Permission.record_decision):
        return
    with st.expander(t("decisions.record_outside"), icon=":material/gavel:"):
        st.caption(t("decisions.record_outside_help"))
        titles, ids = action_choices(actions_frame(context.actor))
        code = st.selectbox(
            t("decisions.col.action"),
            list(titles),
            key="record_action",
            format_func=lambda c: f"{c} · {titles[c]}",
            index=None,
            placeholder=t("decisions.choose_action"),
        )
        if code and decision_form(context, ids[code], key="record_outside_form"):
            st.session_state.pop("record_action", None)
            st.rerun()
