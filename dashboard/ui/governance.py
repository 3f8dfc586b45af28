"""Pieces shared by the Decisions and Meetings pages: an action's state as the committee sees it
(live on the meeting screen, frozen in a decision's evidence), the form that records a
decision or a correction, and the log as the Decisions table shows it."""

from __future__ import annotations

import datetime as dt

import polars as pl
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from dashboard.errors import DashboardError, ValidationFailed
from dashboard.i18n import current_language, label, label_of, message, t
from dashboard.i18n.formatting import format_date, format_datetime, format_eur, format_number, markdown_text
from dashboard.permissions import Permission
from dashboard.services.governance import decisions as governance
from dashboard.ui.components import DATE_FORMAT, downloads, show_error, show_table
from dashboard.ui.context import PageContext
from dashboard.presenters.tables import in_brussels, translate
from data_loaders.problems import Problem
from models.vocab import ActionStatus, DecisionOutcome

OUTCOME_ICONS = {
    "go": ":material/check_circle:",
    "conditional_go": ":material/rule:",
    "postponed": ":material/schedule:",
    "no_go": ":material/block:",
}


def _date(text: str | None) -> str:
    return format_date(dt.date.fromisoformat(text)) if text else "–"


def render_action_state(context: PageContext, state: dict) -> None:
    """Status, dates, indicators tied to the action and the decisions already taken on it.

    Evidence snapshots are kept forever: read them field by field, tolerating snapshots taken by
    earlier versions of the app that lack a field."""
    status = state.get("status")
    figures = st.columns(4)
    figures[0].metric(
        t("portfolio.col.status"),
        label(ActionStatus(status)) if status in {s.value for s in ActionStatus} else "–",
    )
    figures[1].metric(t("portfolio.col.planned_start"), _date(state.get("planned_start")))
    figures[2].metric(
        t("portfolio.col.planned_end"),
        _date(state.get("planned_end")),
        delta=t("governance.late") if state.get("late") else None,
        delta_color="inverse",
        delta_arrow="off",
    )
    figures[3].metric(t("portfolio.col.budget"), format_eur(state.get("budget_eur")))
    facts = [
        f"**{t('portfolio.col.lead_partner')}** · {markdown_text(state.get('lead_partner') or '–')}",
        f"**{t('portfolio.col.regions')}** · {markdown_text(', '.join(state.get('care_regions') or []) or '–')}",
        f"**{t('portfolio.col.actual_start')}** · {_date(state.get('actual_start'))}",
        f"**{t('portfolio.col.review_date')}** · {_date(state.get('review_date'))}",
    ]
    if state.get("target_stratum") is not None:
        facts.append(
            f"**{t('portfolio.col.stratum')}** · "
            f"{markdown_text(context.project.stratum_label(state['target_stratum']))}"
        )
    left, right = st.columns(2)
    for index, fact in enumerate(facts):
        (left if index % 2 == 0 else right).markdown(fact)
    lang = current_language()
    tied = state.get("indicators") or []
    if tied:
        st.markdown(f"**{t('governance.tied_indicators')}**")
        show_table(
            pl.DataFrame(
                [
                    {
                        "indicator": i.get(f"name_{lang}") or i.get("code", ""),
                        "value": f"{format_number(i['value'], 1)} {i.get('unit', '')}".strip()
                        if i.get("value") is not None
                        else "–",
                        "period": i.get("period") or "–",
                        "target": f"{format_number(i['target'], 1)} ({i.get('target_period', '')})"
                        if i.get("target") is not None
                        else "–",
                        "status": t(f"indicators.status.{i.get('status') or 'no_data'}"),
                    }
                    for i in tied
                ]
            ),
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
        earlier = "; ".join(
            f"{t('decisions.entry_number', sequence=d['sequence'])} "
            f"{label(DecisionOutcome(d['outcome']))} "
            f"({format_datetime(dt.datetime.fromisoformat(d['recorded_at']))})"
            for d in previous
        )
        st.markdown(f"**{t('governance.previous_decisions')}** · {earlier}")
    else:
        st.caption(t("governance.no_previous_decision"))


# The decision form's fields, by the code the service names them with (Problem.column), and the
# catalogue key of the label the user reads next to each.
DECISION_FIELD_LABELS = {
    "outcome": "decisions.col.outcome",
    "conditions": "governance.conditions_help",
    "rationale": "decisions.col.rationale",
    "review_date": "governance.review_date_help",
    "correction_reason": "governance.correction_reason",
}


def field_problems(problems: list[Problem], lang: str) -> dict[str, list[str]]:
    """The service's problems with a submitted form, by field: each message names the field by
    the label the user reads ("Motivation : la motivation est obligatoire."), never by its code.
    Problems of no known field are under "" (shown at the foot of the form)."""
    by_field: dict[str, list[str]] = {}
    for problem in problems:
        field = problem.column if problem.column in DECISION_FIELD_LABELS else ""
        text = message(problem.key, lang=lang, **problem.params)
        if field:
            text = t(
                "governance.field_problem",
                lang=lang,
                field=t(DECISION_FIELD_LABELS[field], lang=lang),
                problem=text,
            )
        by_field.setdefault(field, []).append(text)
    return by_field


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
            min_value=dt.date.today() + dt.timedelta(days=1),
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


AGENDA_TITLE_CHARACTERS = 32  # of an action's title on its agenda pill (they sit side by side)


def agenda_item_label(number: int, code: str, title: str, decided: bool = False) -> str:
    """An agenda item as its pill on the meeting screen reads: number, code and the title
    shortened to a word boundary ("1. 2.6.3 · Renforcer la coordination…"), ✓ once decided."""
    title = " ".join(title.split())
    if len(title) > AGENDA_TITLE_CHARACTERS:
        cut = title[:AGENDA_TITLE_CHARACTERS]
        title = (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:-–") + "…"
    return f"{number}. {code} · {title}" + (" ✓" if decided else "")


def outcome_text(outcome: str) -> str:
    return f"{OUTCOME_ICONS[outcome]} {label_of('outcome', outcome)}"


# The Decisions table, left to right: what identifies an entry, what was decided and whether it
# needs following up, then why; where it was decided and who typed it last (scroll to see).
LOG_COLUMNS = (
    "sequence",
    "recorded_at",
    "action_link",
    "action_title",
    "outcome",
    "flags",
    "conditions",
    "rationale",
    "review_date",
    "correction",
    "meeting_title",
    "recorded_by",
)


def log_table(log: pl.DataFrame) -> pl.DataFrame:
    """Entries of governance.log_frame as the Decisions table shows them: outcome labels, times
    in Brussels time, a link to each action, the follow-up flags and a short correction mark
    ("← n° 7": corrects entry 7; "→ n° 12": corrected by entry 12)."""
    links = log.select("supersedes_sequence", "superseded_by").iter_rows()
    corrections = [
        t("decisions.corrects", sequence=corrects)
        if corrects is not None
        else t("decisions.corrected_by", sequence=corrected_by)
        if corrected_by is not None
        else None
        for corrects, corrected_by in links
    ]
    table = in_brussels(translate(log, "outcome", DecisionOutcome), "recorded_at").with_columns(
        pl.col("recorded_by_name").alias("recorded_by"),  # the person's name, not the login
        pl.concat_str([pl.lit("/portfolio?action="), pl.col("action_code")]).alias("action_link"),
        pl.concat_str(
            [
                pl.when(pl.col("review_overdue"))
                .then(pl.lit("⚠ " + t("decisions.flag.review_overdue")))
                .otherwise(pl.lit("")),
                pl.when(pl.col("conditions_unmet"))
                .then(pl.lit("⚠ " + t("decisions.flag.conditions_unmet")))
                .otherwise(pl.lit("")),
            ],
            separator=" ",
        )
        .str.strip_chars()
        .alias("flags"),
        pl.Series("correction", corrections, dtype=pl.String),
    )
    return table.select(LOG_COLUMNS)


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


def render_since(report, heading_level: str = "###") -> None:  # noqa: ANN001 - since.SinceReport
    """ "Since the last meeting": its period, then each section with its lines, each a link to
    the page it is about, opened on its action, entry or indicator (the texts are the users':
    shown as text)."""
    from dashboard.i18n import current_language
    from dashboard.navigation import page_path
    from dashboard.presenters.governance import since_heading, since_sections

    lang = current_language()
    st.markdown(f"{heading_level} {markdown_text(since_heading(report, lang))}")
    sections = since_sections(report, lang)
    if not sections:
        st.info(t("since.nothing"), icon=":material/check:")
        return
    for section in sections:
        with st.expander(section.title, expanded=len(section.lines) <= 8):
            for line in section.lines:
                st.page_link(
                    page_path(line.page),
                    label=markdown_text(line.text),
                    query_params=line.query or None,
                    icon=":material/arrow_forward:",
                )


def agenda_item_tools(context: PageContext, meeting_id: int, entry, closed: bool) -> None:  # noqa: ANN001
    """Under the agenda item on the meeting screen: a link opening its action on the Portfolio
    page, and the notes the minutes keep of its discussion (written there by who prepares the
    meeting, as the meeting goes; read by everyone else)."""
    from dashboard.navigation import page_path
    from dashboard.services.governance import meetings

    code = entry.state["code"]
    st.page_link(
        page_path("portfolio"),
        label=markdown_text(t("meetings.open_action", code=code)),
        query_params={"action": code},
        icon=":material/open_in_new:",
    )
    if not context.can(Permission.prepare_meeting) or closed:
        if entry.note:
            st.markdown(f"**{t('minutes.note')}**")
            st.text(entry.note)
        return
    with st.form(f"note_{meeting_id}_{entry.action_id}", border=False):
        note = st.text_area(t("meetings.note"), entry.note, key=f"note_text_{meeting_id}_{entry.action_id}")
        if st.form_submit_button(t("meetings.note_save"), icon=":material/edit_note:"):
            try:
                if meetings.set_agenda_note(context.actor, meeting_id, entry.action_id, note):
                    st.session_state["meetings_done"] = t("meetings.note_saved")
                    st.rerun()
            except DashboardError as error:
                show_error(error)


def meeting_pack_button(
    context: PageContext, meeting_id: int, held_on: dt.date, where: DeltaGenerator
) -> None:
    """The meeting pack's download (PDF in the reader's language, with the Portfolio's filters
    in force), made when clicked, for the roles that may take figures away."""
    if not context.can(Permission.download):
        return
    from dashboard.services.admin import audit
    from dashboard.services.governance import pack
    from dashboard.ui.actions.portfolio import applied_filters

    filters, lang = applied_filters(), context.lang

    def made() -> bytes:
        data = pack.meeting_pack(context.actor, meeting_id=meeting_id, lang=lang, filters=filters)
        audit.log_export(context.actor, "meeting-pack", "pdf")
        return data

    where.download_button(
        t("pack.download"),
        made,
        pack.file_name(context.project.slug, held_on, lang),
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        key="meeting_pack",
        on_click="ignore",
        help=t("pack.download_help"),
    )


def agenda_downloads(context: PageContext, agenda: pl.DataFrame, meeting: dict) -> None:
    """The agenda as CSV and Excel, its columns named as on screen, the meeting in its name."""
    headers = {
        "position": "#",
        "code": t("portfolio.col.code"),
        "title": t("portfolio.col.title"),
        "reason": t("meetings.reason"),
        "status": t("portfolio.col.status"),
        "decided": t("meetings.decided"),
    }
    downloads(
        context,
        agenda.rename(headers),
        f"agenda-{context.project.slug}-{meeting['held_on'].isoformat()}",
        key="agenda",
        caption=f"{meeting['title']} · {format_date(meeting['held_on'])}",
    )
