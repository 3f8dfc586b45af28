"""What the Meetings page draws: the meeting chooser and the new-meeting form, the quorum line,
and its four tabs: the session (each agenda item's state and the decision form), the agenda
(table, order, suggestions, additions and removals), the attendance and the minutes."""

from __future__ import annotations

import datetime as dt

import polars as pl
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from dashboard.errors import ConflictError, DashboardError
from dashboard.i18n import current_language, label_of, plural, t
from dashboard.i18n.formatting import format_date, format_long_date, markdown_text
from dashboard.permissions import Permission
from dashboard.presenters.governance import (
    action_choices,
    agenda_item_label,
    agenda_table,
    attendees_frame,
    attendees_from_rows,
    outcome_text,
    suggestions_table,
)
from dashboard.services.actions.portfolio import actions_frame, partners_frame
from dashboard.services.governance import meetings, minutes
from dashboard.services.governance.meetings import Attendee, MeetingView
from dashboard.ui import cache, versions
from dashboard.ui.components import downloads, show_error, show_table
from dashboard.ui.context import PageContext
from dashboard.ui.presentation import item_steps
from dashboard.ui.governance import decision_form, render_action_state
from dashboard.ui.session import relabel_after_language_switch
from models.vocab import MeetingStatus

DONE = "meetings_done"  # the message a change leaves for the next run to show


def meeting_fields() -> dict[str, str]:
    """The meeting forms' fields, named by their labels in problems (the service uses codes)."""
    return {
        "held_on": t("meetings.date"),
        "title": t("meetings.meeting_title"),
        "location": t("meetings.location"),
        "quorum_min": t("meetings.quorum_rule"),
    }


def show_done() -> None:
    if done := st.session_state.pop(DONE, None):
        st.success(done, icon=":material/task_alt:")


def _done(text: str) -> None:
    st.session_state[DONE] = text
    st.rerun()


def choose_meeting(
    column: DeltaGenerator, listing: pl.DataFrame, labels: dict[int, str], today: dt.date
) -> None:
    """The meeting chooser (key `meeting_id`), on the meeting of the day or the next one."""
    if not labels:
        column.info(t("meetings.none_yet"))
        return
    default = meetings.default_meeting(listing, today)
    # A selection decided during the previous run (a new meeting, the next agenda item) is
    # staged under its own key: a widget's key cannot be set once the widget exists.
    if "_select_meeting" in st.session_state:
        st.session_state["meeting_id"] = st.session_state.pop("_select_meeting")
    if st.session_state.get("meeting_id") not in labels:
        st.session_state["meeting_id"] = default
    relabel_after_language_switch("meeting_id")  # its labels hold the translated status
    column.selectbox(t("meetings.choose"), list(labels), format_func=labels.__getitem__, key="meeting_id")


def new_meeting(context: PageContext, column: DeltaGenerator, listing: pl.DataFrame, today: dt.date) -> None:
    """The new-meeting form; it may copy the latest meeting's attendees (as expected, present)."""
    with column.expander(t("meetings.new"), icon=":material/add:"):
        with st.form("new_meeting", clear_on_submit=True):
            held_on = st.date_input(t("meetings.date"), today + dt.timedelta(days=14), format="DD/MM/YYYY")
            title = st.text_input(
                t("meetings.meeting_title"), t("meetings.default_title", project=context.project.name)
            )
            location = st.text_input(t("meetings.location"))
            quorum_min = st.number_input(t("meetings.quorum_rule"), min_value=1, value=5)
            copy = st.checkbox(t("meetings.copy_attendees"), value=listing.height > 0)
            if not st.form_submit_button(t("meetings.create"), type="primary"):
                return
            attendees = []
            if copy and listing.height:
                latest = meetings.meeting_view(context.actor, listing["id"][0])
                attendees = [Attendee(a.name, a.partner, a.is_voting, True) for a in latest.attendees]
            try:
                new_id = meetings.create_meeting(
                    context.actor,
                    held_on,
                    title,
                    location=location,
                    quorum_min=quorum_min,
                    attendees=attendees,
                )
                st.session_state["_select_meeting"] = new_id
                _done(t("meetings.created"))
            except DashboardError as error:
                show_error(error, meeting_fields())


def heading(view: MeetingView) -> None:
    """The meeting's title and date, its quorum line and, once closed, that it is."""
    meeting, quorum = view.meeting, view.quorum
    st.subheader(f"{markdown_text(meeting['title'])} — {format_long_date(meeting['held_on'])}")
    quorum_text = plural("meetings.quorum_line", quorum.present, required=quorum.required)
    if view.coming:  # attendance copied in advance says who is expected, not who came
        st.info(
            t("meetings.quorum_expected_line", present=quorum.present, required=quorum.required),
            icon=":material/event_upcoming:",
        )
    elif quorum.met:
        st.success(f"{quorum_text} · {t('meetings.quorum_met')}", icon=":material/how_to_vote:")
    else:
        st.warning(f"{quorum_text} · {t('meetings.quorum_not_met')}", icon=":material/how_to_vote:")
    if view.closed:
        st.info(t("meetings.closed_info"), icon=":material/lock:")


def tabs() -> list[DeltaGenerator]:
    """Session, agenda, attendance, minutes. Keyed, the chosen tab stays chosen through the
    reruns that adding items or saving makes."""
    return st.tabs(
        [
            t("meetings.tab.session"),
            t("meetings.tab.agenda"),
            t("meetings.tab.attendance"),
            t("meetings.tab.minutes"),
        ],
        key="meeting_tab",
        on_change="rerun",
    )


# ---------------------------------------------------------------- the session


def session(context: PageContext, view: MeetingView) -> None:
    """Item 0, what changed since the meeting before; then one agenda item at a time (pills),
    its state, its link and notes, what was decided and the decision form."""
    with st.expander(t("since.agenda_item"), icon=":material/history:"):
        render_since(cache.since_report(context, meeting_id=view.meeting["id"]))
    if not view.agenda:
        st.info(t("meetings.empty_agenda"))
        return
    meeting_id = view.meeting["id"]
    items = dict(enumerate(view.agenda))

    def item_label(index: int) -> str:
        entry = items[index]
        return markdown_text(  # a pill's label is Markdown
            agenda_item_label(index + 1, entry.state["code"], entry.state["title"], bool(entry.decisions))
        )

    undecided = [i for i, e in items.items() if not e.decisions]
    # One chosen item per meeting: another meeting opens on its own first undecided item.
    item_key = f"session_item_{meeting_id}"
    if "_select_item" in st.session_state:
        st.session_state[item_key] = st.session_state.pop("_select_item")
    if st.session_state.get(item_key) not in items:
        st.session_state[item_key] = undecided[0] if undecided else 0
    st.pills(t("meetings.items"), list(items), format_func=item_label, key=item_key, selection_mode="single")
    item_steps(item_key, len(items))
    index = st.session_state.get(item_key) or 0
    entry = items[index]
    state = entry.state
    st.markdown(f"## {markdown_text(state['code'])} · {markdown_text(state['title'])}")
    st.caption(t("meetings.on_agenda_because", reason=label_of("agenda_reason", entry.reason)))
    render_action_state(context, state)
    agenda_item_tools(context, meeting_id, entry, view.closed)
    for decision in entry.decisions:
        st.success(
            t(
                "meetings.decided_line",
                sequence=decision["sequence"],
                outcome=outcome_text(decision["outcome"]),
                rationale=markdown_text(decision["rationale"]),
            )
        )
    if not context.can(Permission.record_decision):
        return
    if view.closed:
        if not entry.decisions:
            st.info(t("meetings.closed_no_decision"), icon=":material/lock:")
    elif view.coming:
        st.info(
            t("meetings.decide_on_the_day", held_on=format_date(view.meeting["held_on"])),
            icon=":material/event:",
        )
    elif not view.quorum.met:
        st.error(t("meetings.no_quorum_no_decision"), icon=":material/block:")
    elif not entry.decisions:
        st.markdown(f"### {t('meetings.record_title')}")
        if decision_form(context, entry.action_id, key=f"decide_{meeting_id}_{index}", meeting_id=meeting_id):
            following = [i for i in undecided if i > index]
            st.session_state["_select_item"] = following[0] if following else index
            _done(t("meetings.recorded", code=state["code"]))


# ---------------------------------------------------------------- the agenda


def agenda(context: PageContext, view: MeetingView, today: dt.date) -> None:
    """The agenda's table and, for those who prepare meetings, its order, the suggestions and
    the forms that add or remove items (on a closed meeting, as corrections)."""
    agenda_rows = agenda_table(view.agenda)
    show_table(
        agenda_rows,
        hide_index=True,
        width="stretch",
        placeholder="–",
        column_config={
            "position": st.column_config.NumberColumn("#", width="small"),
            "code": t("portfolio.col.code"),
            "title": st.column_config.TextColumn(t("portfolio.col.title"), width="large"),
            "reason": t("meetings.reason"),
            "status": t("portfolio.col.status"),
            "decided": t("meetings.decided"),
        },
    )
    agenda_downloads(context, agenda_rows, view.meeting)
    if not context.can(Permission.prepare_meeting):
        return
    if len(view.agenda) > 1 and not view.closed:
        _reorder(context, view)
    if not view.closed:
        _suggestions(context, view.meeting["id"], today)
    other, removal = st.columns(2)
    _add_any(context, view, other)
    _remove(context, view, removal)


def _reorder(context: PageContext, view: MeetingView) -> None:
    meeting_id = view.meeting["id"]
    # Code and title, no number: the number changes with each move, the item does not.
    order = {e.action_id: f"{e.state['code']} · {e.state['title']}" for e in view.agenda}
    chosen_item, up, down = st.columns([6, 1, 1], vertical_alignment="bottom")
    moved = chosen_item.selectbox(
        t("meetings.reorder"), list(order), format_func=order.__getitem__, key=f"reorder_{meeting_id}"
    )
    for column, step, text, icon in (
        (up, -1, "meetings.move_up", "arrow_upward"),
        (down, 1, "meetings.move_down", "arrow_downward"),
    ):
        if column.button(
            t(text), icon=f":material/{icon}:", width="stretch", key=f"move_{step}_{meeting_id}"
        ):
            try:
                if meetings.move_on_agenda(context.actor, meeting_id, moved, step):
                    st.rerun()
            except DashboardError as error:
                show_error(error)


def _suggestions(context: PageContext, meeting_id: int, today: dt.date) -> None:
    suggestions = meetings.agenda_suggestions(context.actor, meeting_id, today)
    st.markdown(f"**{t('meetings.suggestions')}**")
    if suggestions.height == 0:
        st.caption(t("meetings.no_suggestions"))
        return
    date_column = st.column_config.DateColumn
    with st.form(f"suggestions_{meeting_id}"):
        edited = st.data_editor(
            suggestions_table(suggestions),
            hide_index=True,
            width="stretch",
            placeholder="–",
            key="suggestion_editor",
            disabled=["code", "title", "reason_label", "status_label", "review_date", "planned_end"],
            column_config={
                "add": st.column_config.CheckboxColumn(t("meetings.add"), width="small"),
                "code": t("portfolio.col.code"),
                "title": st.column_config.TextColumn(t("portfolio.col.title"), width="large"),
                "reason_label": t("meetings.reason"),
                "status_label": t("portfolio.col.status"),
                "review_date": date_column(t("portfolio.col.review_date"), format="DD/MM/YYYY"),
                "planned_end": date_column(t("portfolio.col.planned_end"), format="DD/MM/YYYY"),
            },
        )
        if st.form_submit_button(t("meetings.add_selected"), type="primary"):
            chosen = suggestions.filter(pl.Series(edited["add"]))
            try:
                added = meetings.add_to_agenda(
                    context.actor, meeting_id, list(chosen.select("action_id", "reason").iter_rows())
                )
                _done(plural("meetings.added", added))
            except DashboardError as error:
                show_error(error)


def _agenda_changed(closed: bool) -> None:
    if closed:
        _done(t("meetings.corrected"))
    st.rerun()


def _add_any(context: PageContext, view: MeetingView, column: DeltaGenerator) -> None:
    meeting_id, closed = view.meeting["id"], view.closed
    with column.form(f"add_any_{meeting_id}", clear_on_submit=True):
        titles, ids = action_choices(actions_frame(context.actor), {e.state["code"] for e in view.agenda})
        code = st.selectbox(
            t("meetings.add_any"),
            list(titles),
            index=None,
            format_func=lambda c: f"{c} · {titles[c]}",
            placeholder=t("decisions.choose_action"),
        )
        # A closed meeting's agenda changes by a correction, with its reason.
        add_reason = st.text_input(t("meetings.correction_reason")) if closed else ""
        if st.form_submit_button(t("meetings.add")) and code:
            try:
                meetings.add_to_agenda(
                    context.actor, meeting_id, [(ids[code], "other")], correction_reason=add_reason
                )
                _agenda_changed(closed)
            except DashboardError as error:
                show_error(error)


def _remove(context: PageContext, view: MeetingView, column: DeltaGenerator) -> None:
    meeting_id, closed = view.meeting["id"], view.closed
    with column.form(f"remove_{meeting_id}"):
        undecided_codes = {e.state["code"]: e.action_id for e in view.agenda if not e.decisions}
        removed = st.multiselect(t("meetings.remove"), list(undecided_codes), placeholder=t("common.none"))
        remove_reason = st.text_input(t("meetings.correction_reason")) if closed else ""
        if st.form_submit_button(t("meetings.remove_button")) and removed:
            try:
                for code in removed:
                    meetings.remove_from_agenda(
                        context.actor, meeting_id, undecided_codes[code], correction_reason=remove_reason
                    )
                _agenda_changed(closed)
            except DashboardError as error:
                show_error(error)


# ---------------------------------------------------------------- attendance and minutes


def attendance(context: PageContext, view: MeetingView) -> None:
    """Who attends; those who prepare meetings edit it with the meeting's date, title, place and
    quorum rule (on a closed meeting, as a correction with its reason)."""
    attendees = attendees_frame(view.attendees)
    columns = {
        "name": st.column_config.TextColumn(t("meetings.attendee"), required=True),
        "partner": st.column_config.SelectboxColumn(
            t("meetings.partner"), options=partners_frame(context.actor)["name"].to_list()
        ),
        "is_voting": st.column_config.CheckboxColumn(t("meetings.voting"), default=True),
        "present": st.column_config.CheckboxColumn(t("meetings.present"), default=True),
    }
    if not context.can(Permission.prepare_meeting):
        show_table(attendees, hide_index=True, width="stretch", placeholder="–", column_config=columns)
        return
    meeting, closed = view.meeting, view.closed
    meeting_id = meeting["id"]
    # The version the form was first drawn with: a save over someone else's newer one is
    # refused (the editor's key changes with it, so a reload shows the attendance afresh).
    record = f"meeting_{meeting_id}"
    submit_key = f"attendance_save_{meeting_id}"
    version = versions.seen(record, meeting["version"], submit_key)
    with st.form(f"attendance_{meeting_id}"):
        first = st.columns([2, 3, 3, 2])
        held_on = first[0].date_input(t("meetings.date"), meeting["held_on"], format="DD/MM/YYYY")
        title = first[1].text_input(t("meetings.meeting_title"), meeting["title"])
        location = first[2].text_input(t("meetings.location"), meeting["location"])
        quorum_min = first[3].number_input(
            t("meetings.quorum_rule"),
            min_value=1,
            value=meeting["quorum_min"],
            help=t("meetings.quorum_help"),
        )
        edited = st.data_editor(
            attendees,
            hide_index=True,
            width="stretch",
            num_rows="dynamic",
            placeholder="–",
            column_config=columns,
            key=f"attendees_{meeting_id}_{version}",
        )
        reason = st.text_input(t("meetings.correction_reason")) if closed else ""
        if st.form_submit_button(
            t("meetings.record_correction" if closed else "meetings.save"), type="primary", key=submit_key
        ):
            try:
                changed = meetings.update_meeting(
                    context.actor,
                    meeting_id,
                    held_on=held_on,
                    title=title,
                    location=location,
                    quorum_min=int(quorum_min),
                    attendees=attendees_from_rows(edited.iter_rows(named=True)),
                    version=version,
                    correction_reason=reason,
                )
                versions.forget(record)
                done_key = "meetings.corrected" if closed else "meetings.saved"
                _done(t(done_key if changed else "meetings.unchanged"))
            except ConflictError as error:
                versions.refused(record, error)
            except DashboardError as error:
                show_error(error, meeting_fields(), {"name": t("meetings.attendee")})
    versions.show_conflict(record)


def minutes_tab(context: PageContext, view: MeetingView, today: dt.date) -> None:
    """The minutes on screen and as Markdown and PDF; marking the meeting held; closing it."""
    project, meeting, lang = context.project, view.meeting, context.lang
    text = minutes.minutes_markdown(view, project.name, lang)
    with st.container(border=True):
        st.markdown(text)
    left, right, pack_column, third = st.columns([1, 1, 1.4, 2])
    stem = f"minutes-{project.slug}-{meeting['held_on'].isoformat()}"
    left.download_button(
        t("meetings.download_md"),
        text,
        f"{stem}.md",
        mime="text/markdown",
        icon=":material/download:",
        key="minutes_md",
        on_click="ignore",
    )
    right.download_button(
        t("meetings.download_pdf"),
        lambda: minutes.minutes_pdf(view, project.name, lang),
        f"{stem}.pdf",
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        key="minutes_pdf",
        on_click="ignore",
    )
    meeting_pack_button(context, meeting["id"], meeting["held_on"], pack_column)
    can_prepare = context.can(Permission.prepare_meeting)
    if can_prepare and meeting["status"] == MeetingStatus.planned and meeting["held_on"] <= today:
        if third.button(t("meetings.mark_held"), icon=":material/event_available:"):
            meetings.mark_held(context.actor, meeting["id"])
            st.rerun()
    if context.can(Permission.record_decision) and not view.closed and meeting["held_on"] <= today:
        if st.button(
            t("meetings.close"), icon=":material/lock:", help=t("meetings.close_help"), key="close_meeting"
        ):
            try:
                meetings.close_meeting(context.actor, meeting["id"])
                _done(t("meetings.closed"))
            except DashboardError as error:
                show_error(error)


# ---------------------------------------------------------------- since, notes, pack, agenda file


def render_since(report, heading_level: str = "###") -> None:  # noqa: ANN001 - since.SinceReport
    """ "Since the last meeting": its period, then each section with its lines, each a link to
    the page it is about, opened on its action, entry or indicator (the texts are the users':
    shown as text)."""
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
    from dashboard.presenters import meeting_pack as pack
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
