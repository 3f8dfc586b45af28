"""Meetings: prepare (agenda, attendance, quorum rule), hold on the shared screen (each agenda
item's state and the decision buttons, once the quorum is reached) and minute a committee
meeting."""

import datetime as dt

import polars as pl
import streamlit as st

from dashboard.errors import ConflictError, DashboardError
from dashboard.i18n import label, label_of, plural, t
from dashboard.i18n.formatting import format_date, format_long_date, markdown_text
from dashboard.permissions import Permission
from dashboard.services.governance import meetings
from dashboard.services.governance import minutes
from dashboard.services.governance.meetings import Attendee
from dashboard.services.actions.portfolio import actions_frame, partners_frame
from dashboard.ui.components import page_header, show_error, show_table
from dashboard.ui.context import page_context
from dashboard.ui import cache
from dashboard.ui.governance import (
    agenda_downloads,
    agenda_item_label,
    agenda_item_tools,
    decision_form,
    meeting_pack_button,
    outcome_text,
    render_action_state,
    render_since,
)
from dashboard.ui.session import relabel_after_language_switch
from dashboard.ui import versions
from models.vocab import ActionStatus, AgendaReason, MeetingStatus

context = page_context()
project = context.project
today = dt.date.today()
page_header(context, t("meetings.title"))
can_prepare = context.can(Permission.prepare_meeting)
# The meeting forms' fields, named by their labels in problems (the service uses codes).
MEETING_FIELDS = {
    "held_on": t("meetings.date"),
    "title": t("meetings.meeting_title"),
    "location": t("meetings.location"),
    "quorum_min": t("meetings.quorum_rule"),
}

done = st.session_state.pop("meetings_done", None)
if done:
    st.success(done, icon=":material/task_alt:")

listing = meetings.meetings_list(context.actor)
labels = {
    row["id"]: f"{format_date(row['held_on'])} · {row['title']} · {label(MeetingStatus(row['status']))}"
    for row in listing.iter_rows(named=True)
}
chooser, creator = st.columns([3, 2])
if labels:
    default = meetings.default_meeting(listing, today)
    # A selection decided during the previous run (a new meeting, the next agenda item) is
    # staged under its own key: a widget's key cannot be set once the widget exists.
    if "_select_meeting" in st.session_state:
        st.session_state["meeting_id"] = st.session_state.pop("_select_meeting")
    if st.session_state.get("meeting_id") not in labels:
        st.session_state["meeting_id"] = default
    relabel_after_language_switch("meeting_id")  # its labels hold the translated status
    chooser.selectbox(t("meetings.choose"), list(labels), format_func=labels.__getitem__, key="meeting_id")
else:
    chooser.info(t("meetings.none_yet"))

if can_prepare:
    with creator.expander(t("meetings.new"), icon=":material/add:"):
        with st.form("new_meeting", clear_on_submit=True):
            held_on = st.date_input(t("meetings.date"), today + dt.timedelta(days=14), format="DD/MM/YYYY")
            title = st.text_input(
                t("meetings.meeting_title"), t("meetings.default_title", project=project.name)
            )
            location = st.text_input(t("meetings.location"))
            quorum_min = st.number_input(t("meetings.quorum_rule"), min_value=1, value=5)
            copy = st.checkbox(t("meetings.copy_attendees"), value=bool(labels))
            if st.form_submit_button(t("meetings.create"), type="primary"):
                attendees = []
                if copy and labels:
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
                    st.session_state["meetings_done"] = t("meetings.created")
                    st.rerun()
                except DashboardError as error:
                    show_error(error, MEETING_FIELDS)

if not labels:
    st.stop()

meeting_id = st.session_state["meeting_id"]
view = meetings.meeting_view(context.actor, meeting_id, today)
meeting = view.meeting
quorum = view.quorum
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
closed = view.closed
if closed:
    st.info(t("meetings.closed_info"), icon=":material/lock:")

# Keyed, the chosen tab stays chosen through the reruns that adding items or saving makes.
session_tab, agenda_tab, attendance_tab, minutes_tab = st.tabs(
    [
        t("meetings.tab.session"),
        t("meetings.tab.agenda"),
        t("meetings.tab.attendance"),
        t("meetings.tab.minutes"),
    ],
    key="meeting_tab",
    on_change="rerun",
)

with session_tab:
    # Item 0: what changed since the previous meeting, before the actions on the agenda.
    with st.expander(t("since.agenda_item"), icon=":material/history:"):
        render_since(cache.since_report(context, meeting_id=meeting_id))
    if not view.agenda:
        st.info(t("meetings.empty_agenda"))
    else:
        items = {index: entry for index, entry in enumerate(view.agenda)}

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
        st.pills(
            t("meetings.items"), list(items), format_func=item_label, key=item_key, selection_mode="single"
        )
        index = st.session_state.get(item_key) or 0
        entry = items[index]
        state = entry.state
        st.markdown(f"## {markdown_text(state['code'])} · {markdown_text(state['title'])}")
        st.caption(t("meetings.on_agenda_because", reason=label_of("agenda_reason", entry.reason)))
        render_action_state(context, state)
        agenda_item_tools(context, meeting_id, entry, closed)
        for decision in entry.decisions:
            st.success(
                t(
                    "meetings.decided_line",
                    sequence=decision["sequence"],
                    outcome=outcome_text(decision["outcome"]),
                    rationale=markdown_text(decision["rationale"]),
                )
            )
        if context.can(Permission.record_decision):
            if closed:
                if not entry.decisions:
                    st.info(t("meetings.closed_no_decision"), icon=":material/lock:")
            elif view.coming:
                st.info(
                    t("meetings.decide_on_the_day", held_on=format_date(meeting["held_on"])),
                    icon=":material/event:",
                )
            elif not quorum.met:
                st.error(t("meetings.no_quorum_no_decision"), icon=":material/block:")
            elif not entry.decisions:
                st.markdown(f"### {t('meetings.record_title')}")
                if decision_form(
                    context, entry.action_id, key=f"decide_{meeting_id}_{index}", meeting_id=meeting_id
                ):
                    st.session_state["meetings_done"] = t("meetings.recorded", code=state["code"])
                    following = [i for i in undecided if i > index]
                    st.session_state["_select_item"] = following[0] if following else index
                    st.rerun()

with agenda_tab:
    agenda_rows = pl.DataFrame(
        [
            {
                "position": n + 1,
                "code": e.state["code"],
                "title": e.state["title"],
                "reason": label_of("agenda_reason", e.reason),
                "status": label(ActionStatus(e.state["status"])),
                "decided": ", ".join(label_of("outcome", d["outcome"]) for d in e.decisions),
            }
            for n, e in enumerate(view.agenda)
        ],
        schema={
            "position": pl.Int64,
            "code": pl.String,
            "title": pl.String,
            "reason": pl.String,
            "status": pl.String,
            "decided": pl.String,
        },
    )
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
    agenda_downloads(context, agenda_rows, meeting)
    if can_prepare and len(view.agenda) > 1 and not closed:
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
    if can_prepare and not closed:
        suggestions = meetings.agenda_suggestions(context.actor, meeting_id, today)
        st.markdown(f"**{t('meetings.suggestions')}**")
        if suggestions.height == 0:
            st.caption(t("meetings.no_suggestions"))
        else:
            with st.form(f"suggestions_{meeting_id}"):
                edited = st.data_editor(
                    suggestions.with_columns(
                        pl.col("suggested").alias("add"),
                        pl.col("reason")
                        .replace_strict({r.value: label(r) for r in AgendaReason}, return_dtype=pl.String)
                        .alias("reason_label"),
                        pl.col("status")
                        .replace_strict({s.value: label(s) for s in ActionStatus}, return_dtype=pl.String)
                        .alias("status_label"),
                    ).select(
                        "add", "code", "title", "reason_label", "status_label", "review_date", "planned_end"
                    ),
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
                        "review_date": st.column_config.DateColumn(
                            t("portfolio.col.review_date"), format="DD/MM/YYYY"
                        ),
                        "planned_end": st.column_config.DateColumn(
                            t("portfolio.col.planned_end"), format="DD/MM/YYYY"
                        ),
                    },
                )
                if st.form_submit_button(t("meetings.add_selected"), type="primary"):
                    chosen = suggestions.filter(pl.Series(edited["add"]))
                    try:
                        added = meetings.add_to_agenda(
                            context.actor, meeting_id, list(chosen.select("action_id", "reason").iter_rows())
                        )
                        st.session_state["meetings_done"] = plural("meetings.added", added)
                        st.rerun()
                    except DashboardError as error:
                        show_error(error)
    if can_prepare:
        other, removal = st.columns(2)
        with other.form(f"add_any_{meeting_id}", clear_on_submit=True):
            listed = {e.state["code"] for e in view.agenda}
            all_actions = actions_frame(context.actor).filter(~pl.col("code").is_in(listed))
            titles = dict(all_actions.select("code", "title").iter_rows())
            ids = dict(all_actions.select("code", "id").iter_rows())
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
                    if closed:
                        st.session_state["meetings_done"] = t("meetings.corrected")
                    st.rerun()
                except DashboardError as error:
                    show_error(error)
        with removal.form(f"remove_{meeting_id}"):
            undecided_codes = {e.state["code"]: e.action_id for e in view.agenda if not e.decisions}
            removed = st.multiselect(
                t("meetings.remove"), list(undecided_codes), placeholder=t("common.none")
            )
            remove_reason = st.text_input(t("meetings.correction_reason")) if closed else ""
            if st.form_submit_button(t("meetings.remove_button")) and removed:
                try:
                    for code in removed:
                        meetings.remove_from_agenda(
                            context.actor, meeting_id, undecided_codes[code], correction_reason=remove_reason
                        )
                    if closed:
                        st.session_state["meetings_done"] = t("meetings.corrected")
                    st.rerun()
                except DashboardError as error:
                    show_error(error)

with attendance_tab:
    attendees = pl.DataFrame(
        [a.__dict__ for a in view.attendees],
        schema={"name": pl.String, "partner": pl.String, "is_voting": pl.Boolean, "present": pl.Boolean},
    )
    columns = {
        "name": st.column_config.TextColumn(t("meetings.attendee"), required=True),
        "partner": st.column_config.SelectboxColumn(
            t("meetings.partner"), options=partners_frame(context.actor)["name"].to_list()
        ),
        "is_voting": st.column_config.CheckboxColumn(t("meetings.voting"), default=True),
        "present": st.column_config.CheckboxColumn(t("meetings.present"), default=True),
    }
    if not can_prepare:
        show_table(attendees, hide_index=True, width="stretch", placeholder="–", column_config=columns)
    else:
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
                        attendees=[
                            Attendee(r["name"] or "", r["partner"], bool(r["is_voting"]), bool(r["present"]))
                            for r in edited.iter_rows(named=True)
                        ],
                        version=version,
                        correction_reason=reason,
                    )
                    versions.forget(record)
                    done_key = "meetings.corrected" if closed else "meetings.saved"
                    st.session_state["meetings_done"] = t(done_key if changed else "meetings.unchanged")
                    st.rerun()
                except ConflictError as error:
                    versions.refused(record, error)
                except DashboardError as error:
                    show_error(error, MEETING_FIELDS, {"name": t("meetings.attendee")})
        versions.show_conflict(record)

with minutes_tab:
    lang = context.lang
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
    meeting_pack_button(context, meeting_id, meeting["held_on"], pack_column)
    if can_prepare and meeting["status"] == MeetingStatus.planned and meeting["held_on"] <= today:
        if third.button(t("meetings.mark_held"), icon=":material/event_available:"):
            meetings.mark_held(context.actor, meeting_id)
            st.rerun()
    if context.can(Permission.record_decision) and not closed and meeting["held_on"] <= today:
        if st.button(
            t("meetings.close"), icon=":material/lock:", help=t("meetings.close_help"), key="close_meeting"
        ):
            try:
                meetings.close_meeting(context.actor, meeting_id)
                st.session_state["meetings_done"] = t("meetings.closed")
                st.rerun()
            except DashboardError as error:
                show_error(error)
