"""Decisions: the governance log, newest first, with its tamper check, its flags (overdue reviews,
unmet conditions), filters, what the committee knew at each decision, corrections and downloads."""

import streamlit as st

from dashboard.errors import DashboardError
from dashboard.i18n import label, message, plural, t
from dashboard.i18n.formatting import format_date, format_datetime, format_number, markdown_text
from dashboard.permissions import Permission
from dashboard.services.governance import decisions as governance
from dashboard.services.actions.portfolio import actions_frame
from dashboard.services.governance.decisions import LogFilters
from dashboard.ui.components import downloads, page_header, show_error, show_table
from dashboard.ui.context import page_context
from dashboard.ui.governance import (
    decision_form,
    log_column_config,
    log_table,
    outcome_text,
    render_action_state,
)
from models.vocab import DecisionOutcome

OPEN_ENTRY = "entry"  # query parameter: the number of the entry whose detail is open

context = page_context()
project = context.project
page_header(context, t("decisions.title"))

check = governance.verify_chain(context.actor)
if check.intact:
    st.success(plural("decisions.chain_intact", check.entries), icon=":material/verified:")
else:
    st.error(
        "\n".join(
            [t("decisions.chain_broken"), ""] + [f"- {message(p.key, **p.params)}" for p in check.problems]
        ),
        icon=":material/gpp_bad:",
    )

log = governance.log_frame(context.actor)
figures = st.columns(6)
figures[0].metric(t("decisions.figure.entries"), format_number(log.height), border=True)
for column, outcome in zip(figures[1:5], DecisionOutcome, strict=True):
    column.metric(label(outcome), format_number(log.filter(outcome=outcome.value).height), border=True)
flagged = int(log["review_overdue"].sum() + log["conditions_unmet"].sum())
figures[5].metric(
    t("decisions.figure.flagged"), format_number(flagged), border=True, help=t("decisions.flags_help")
)

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
    strategic = sorted(log["strategic_code"].drop_nulls().unique().to_list(), key=int)
    objectives = first[2].multiselect(
        project.level_name(1), strategic, key="log_objective", placeholder=t("filters.any")
    )
    codes = sorted(log["action_code"].unique().to_list(), key=lambda c: [int(p) for p in c.split(".")])
    actions = first[3].multiselect(
        t("decisions.col.action"), codes, key="log_action", placeholder=t("filters.any")
    )
    second = st.columns([4, 4, 3])
    meeting_titles = dict(log.select("meeting_id", "meeting_title").drop_nulls().unique().iter_rows())
    chosen_meetings = second[0].multiselect(
        t("decisions.col.meeting"),
        list(meeting_titles),
        format_func=meeting_titles.__getitem__,
        key="log_meeting",
        placeholder=t("filters.any"),
    )
    period = second[1].date_input(t("decisions.period"), value=(), format="DD/MM/YYYY", key="log_period")
    flagged_only = second[2].toggle(t("decisions.flagged_only"), key="log_flagged")
since, until = (tuple(period) + (None, None))[:2] if period else (None, None)
shown = governance.filter_log(
    log,
    LogFilters(
        outcomes=tuple(outcomes),
        strategic_codes=tuple(objectives),
        action_codes=tuple(actions),
        meeting_ids=tuple(chosen_meetings),
        since=since,
        until=until,
        text=text,
        flagged_only=flagged_only,
    ),
)
st.caption(plural("decisions.shown", shown.height, total=log.height))

# The table's key changes each time a detail is closed, so that the closed entry's row is no
# longer ticked: a ticked row would open its detail again on every rerun.
TABLE_ROUND = "log_table_round"
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
downloads(
    context, lambda: governance.export_frame(context.actor), f"decisions-{project.slug}", key="log_export"
)


def close_entry() -> None:
    st.query_params.pop(OPEN_ENTRY, None)
    st.session_state[TABLE_ROUND] = st.session_state.get(TABLE_ROUND, 0) + 1


@st.dialog(t("decisions.entry_title"), width="large", on_dismiss=close_entry)
def show_entry(decision_id: int) -> None:
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


if number := st.query_params.get(OPEN_ENTRY):
    # Any text may come in the address: only a plain entry number opens an entry ("²" is a digit
    # to str.isdigit but not to int(); 400 digits overflow the column).
    wanted = int(number) if number.isascii() and number.isdigit() and len(number) <= 9 else None
    match = log.filter(sequence=wanted) if wanted is not None else log.clear()
    if match.height:
        show_entry(match["id"][0])
    else:
        close_entry()

if context.can(Permission.record_decision):
    with st.expander(t("decisions.record_outside"), icon=":material/gavel:"):
        st.caption(t("decisions.record_outside_help"))
        all_actions = actions_frame(context.actor)
        titles = dict(all_actions.select("code", "title").iter_rows())
        ids = dict(all_actions.select("code", "id").iter_rows())
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
