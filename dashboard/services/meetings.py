"""Committee meetings: preparing them (date, attendees, quorum rule, agenda), holding them (the
state of each agenda item, the quorum) and what they decided. Decisions themselves are recorded
by dashboard.services.governance.record_decision."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl
from sqlalchemy import delete
from sqlmodel import Session, select

from dashboard.errors import InvalidInput, NotFound, ValidationFailed
from dashboard.permissions import Permission
from dashboard.services.unit_of_work import mark_changed, write_scope
from dashboard.services.access import Actor, require
from dashboard.services.evidence import REVIEW_HORIZON_DAYS, action_state, anchor_after, display_names
from dashboard.services.portfolio import OPEN_STATUSES, natural_code_key
from data_loaders.problems import Problems
from models.db import read_frame, session_scope
from models.tables import (
    Action,
    AgendaItem,
    Decision,
    Meeting,
    MeetingAttendee,
    Partner,
    Project,
)
from models.vocab import Area, AgendaReason, MeetingStatus


@dataclass(frozen=True)
class Attendee:
    name: str
    partner: str | None = None  # the partner organisation's name
    is_voting: bool = True
    present: bool = True


@dataclass(frozen=True)
class Quorum:
    present: int  # voting members present
    required: int

    @property
    def met(self) -> bool:
        return self.present >= self.required


def quorum_of(session: Session, meeting: Meeting) -> Quorum:
    present = len(
        session.exec(
            select(MeetingAttendee.id).where(
                MeetingAttendee.meeting_id == meeting.id,
                MeetingAttendee.is_voting == True,  # noqa: E712
                MeetingAttendee.present == True,
            )
        ).all()
    )  # noqa: E712
    return Quorum(present, meeting.quorum_min)


def _meeting(session: Session, actor: Actor, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None or meeting.project_id != actor.project_id:
        raise NotFound("error.not_found")
    return meeting


def _check_meeting(title: str, quorum_min: int, attendees: list[Attendee]) -> None:
    problems = Problems()
    if not title.strip():
        problems.add("problem.empty_cell", column="title")
    if quorum_min < 1:
        problems.add("problem.bad_quorum", column="quorum_min", value=quorum_min)
    names = [a.name.strip() for a in attendees]
    for name in names:
        if not name:
            problems.add("problem.empty_cell", column="name")
    for name in {n for n in names if n and names.count(n) > 1}:
        problems.add("problem.duplicate_attendee", column="name", value=name)
    if problems:
        raise ValidationFailed(problems.items)


def _write_attendees(session: Session, actor: Actor, meeting: Meeting, attendees: list[Attendee]) -> None:
    partners = {
        p.name: p.id for p in session.exec(select(Partner).where(Partner.project_id == actor.project_id))
    }
    session.exec(
        delete(MeetingAttendee).where(  # type: ignore[call-overload]
            MeetingAttendee.meeting_id == meeting.id
        )
    )
    session.add_all(
        MeetingAttendee(
            meeting_id=meeting.id,
            name=a.name.strip(),
            partner_id=partners.get(a.partner or ""),
            is_voting=a.is_voting,
            present=a.present,
        )
        for a in attendees
    )


def create_meeting(
    actor: Actor,
    held_on: dt.date,
    title: str,
    *,
    location: str = "",
    quorum_min: int = 1,
    attendees: list[Attendee] | None = None,
) -> int:
    require(actor, Permission.prepare_meeting)
    attendees = attendees or []
    _check_meeting(title, quorum_min, attendees)
    with write_scope(actor, Permission.prepare_meeting) as session:
        meeting = Meeting(
            project_id=actor.project_id,
            held_on=held_on,
            title=title.strip(),
            location=location.strip(),
            quorum_min=quorum_min,
            created_by=actor.username,
        )
        session.add(meeting)
        session.flush()
        _write_attendees(session, actor, meeting, attendees)
        mark_changed(session, Area.governance)
        return meeting.id  # type: ignore[return-value]


def update_meeting(
    actor: Actor,
    meeting_id: int,
    *,
    held_on: dt.date,
    title: str,
    location: str,
    quorum_min: int,
    attendees: list[Attendee],
) -> None:
    """Change a meeting's date, title, quorum rule and attendance (who came, who votes)."""
    require(actor, Permission.prepare_meeting)
    _check_meeting(title, quorum_min, attendees)
    with write_scope(actor, Permission.prepare_meeting) as session:
        meeting = _meeting(session, actor, meeting_id)
        meeting.held_on = held_on
        meeting.title = title.strip()
        meeting.location = location.strip()
        meeting.quorum_min = quorum_min
        _write_attendees(session, actor, meeting, attendees)
        mark_changed(session, Area.governance)


def mark_held(actor: Actor, meeting_id: int) -> None:
    require(actor, Permission.prepare_meeting)
    with write_scope(actor, Permission.prepare_meeting) as session:
        _meeting(session, actor, meeting_id).status = MeetingStatus.held
        mark_changed(session, Area.governance)


def add_to_agenda(actor: Actor, meeting_id: int, items: list[tuple[int, str]]) -> int:
    """Put actions on the agenda, each with its reason; returns how many were added (an action
    already on the agenda is left as it is)."""
    require(actor, Permission.prepare_meeting)
    with write_scope(actor, Permission.prepare_meeting) as session:
        meeting = _meeting(session, actor, meeting_id)
        present = set(
            session.exec(select(AgendaItem.action_id).where(AgendaItem.meeting_id == meeting.id)).all()
        )
        position = len(present)
        added = 0
        for action_id, reason in items:
            action = session.get(Action, action_id)
            if action is None or action.project_id != actor.project_id:
                raise NotFound("error.not_found")
            if reason not in {r.value for r in AgendaReason}:
                raise InvalidInput("error.invalid_input")
            if action_id in present:
                continue
            position += 1
            session.add(
                AgendaItem(meeting_id=meeting.id, action_id=action_id, position=position, reason=reason)
            )
            present.add(action_id)
            added += 1
        mark_changed(session, Area.governance)
        return added


def remove_from_agenda(actor: Actor, meeting_id: int, action_id: int) -> None:
    require(actor, Permission.prepare_meeting)
    with write_scope(actor, Permission.prepare_meeting) as session:
        meeting = _meeting(session, actor, meeting_id)
        item = session.exec(
            select(AgendaItem).where(AgendaItem.meeting_id == meeting.id, AgendaItem.action_id == action_id)
        ).first()
        if item is not None:
            session.delete(item)
            mark_changed(session, Area.governance)


def move_on_agenda(actor: Actor, meeting_id: int, action_id: int, step: int) -> bool:
    """Move an agenda item one place up (`step` -1) or down (+1); returns whether it moved (the
    first item cannot go up, nor the last down). Positions are renumbered 1..n on the way."""
    require(actor, Permission.prepare_meeting)
    if step not in (-1, 1):
        raise InvalidInput("error.invalid_input")
    with write_scope(actor, Permission.prepare_meeting) as session:
        meeting = _meeting(session, actor, meeting_id)
        items = list(
            session.exec(
                select(AgendaItem)
                .where(AgendaItem.meeting_id == meeting.id)
                .order_by(AgendaItem.position, AgendaItem.id)
            )
        )
        index = next((i for i, item in enumerate(items) if item.action_id == action_id), None)
        if index is None:
            raise NotFound("error.not_found")
        target = index + step
        if not 0 <= target < len(items):
            return False
        items[index], items[target] = items[target], items[index]
        for position, item in enumerate(items, start=1):
            item.position = position
        mark_changed(session, Area.governance)
        return True


def agenda_suggestions(actor: Actor, meeting_id: int, today: dt.date | None = None) -> pl.DataFrame:
    """Actions that belong on the agenda and are not on it yet (nor on another planned
    meeting's): proposals awaiting a first decision, reviews falling due by the meeting, and
    late actions. `suggested` says which the coordinator will usually want: reviews and
    proposals; late actions are there to choose from."""
    require(actor, Permission.read)
    today = today or dt.date.today()
    with session_scope() as session:
        meeting = _meeting(session, actor, meeting_id)
        on_agenda = set(
            session.exec(
                select(AgendaItem.action_id)
                .join(Meeting, Meeting.id == AgendaItem.meeting_id)
                .where(
                    Meeting.project_id == actor.project_id,
                    (Meeting.id == meeting.id) | (Meeting.status == MeetingStatus.planned),
                )
            ).all()
        )
        decided = set(
            session.exec(select(Decision.action_id).where(Decision.project_id == actor.project_id)).all()
        )
        actions = session.exec(select(Action).where(Action.project_id == actor.project_id)).all()
        horizon = max(meeting.held_on, today) + dt.timedelta(days=REVIEW_HORIZON_DAYS)
        rows = []
        for action in actions:
            if action.id in on_agenda:
                continue
            reason = None
            if action.review_date is not None and action.review_date <= horizon:
                reason = AgendaReason.review_due
            elif action.status == "idea" and action.id not in decided:
                reason = AgendaReason.proposed
            elif (
                action.planned_end is not None
                and action.planned_end < today
                and action.status in [s.value for s in OPEN_STATUSES]
            ):
                reason = AgendaReason.late
            if reason is not None:
                rows.append(
                    {
                        "action_id": action.id,
                        "code": action.code,
                        "title": action.title,
                        "status": action.status,
                        "reason": reason.value,
                        "review_date": action.review_date,
                        "planned_end": action.planned_end,
                        "suggested": reason != AgendaReason.late,
                    }
                )
    order = {AgendaReason.review_due.value: 0, AgendaReason.proposed.value: 1, AgendaReason.late.value: 2}
    frame = pl.DataFrame(
        rows,
        schema={
            "action_id": pl.Int64,
            "code": pl.String,
            "title": pl.String,
            "status": pl.String,
            "reason": pl.String,
            "review_date": pl.Date,
            "planned_end": pl.Date,
            "suggested": pl.Boolean,
        },
    )
    return (
        frame.with_columns(pl.col("reason").replace_strict(order, return_dtype=pl.Int64).alias("__order"))
        .sort("__order", natural_code_key())
        .drop("__order")
    )


def meetings_list(actor: Actor) -> pl.DataFrame:
    require(actor, Permission.read)
    return read_frame(
        select(Meeting.id, Meeting.held_on, Meeting.title, Meeting.status)
        .where(Meeting.project_id == actor.project_id)
        .order_by(Meeting.held_on.desc())
    )  # type: ignore[attr-defined]


def default_meeting(meetings: pl.DataFrame, today: dt.date) -> int | None:
    """The next planned meeting, else the latest one."""
    if meetings.height == 0:
        return None
    coming = meetings.filter(pl.col("status") == MeetingStatus.planned, pl.col("held_on") >= today).sort(
        "held_on"
    )
    return (coming if coming.height else meetings.sort("held_on", descending=True))["id"][0]


@dataclass(frozen=True)
class AgendaEntry:
    position: int
    action_id: int
    reason: str
    state: dict  # services.evidence.action_state
    decisions: list[dict]  # taken on this action at this meeting, oldest first


@dataclass(frozen=True)
class MeetingView:
    meeting: dict
    attendees: list[Attendee]
    quorum: Quorum
    agenda: list[AgendaEntry]
    coming: bool = False  # dated after today: attendance is expected, nothing can be decided yet
    is_demo: bool = False  # the project holds synthetic demo data: its minutes say so
    anchor: str = ""  # the log's anchor after the meeting's last decision (for its minutes)


def meeting_view(actor: Actor, meeting_id: int, today: dt.date | None = None) -> MeetingView:
    """Everything the meeting screen and the minutes show."""
    require(actor, Permission.read)
    today = today or dt.date.today()
    with session_scope() as session:
        meeting = _meeting(session, actor, meeting_id)
        partners = {
            p.id: p.name for p in session.exec(select(Partner).where(Partner.project_id == actor.project_id))
        }
        attendees = [
            Attendee(a.name, partners.get(a.partner_id), a.is_voting, a.present)
            for a in session.exec(
                select(MeetingAttendee)
                .where(MeetingAttendee.meeting_id == meeting.id)
                .order_by(MeetingAttendee.id)
            )
        ]
        taken = session.exec(
            select(Decision).where(Decision.meeting_id == meeting.id).order_by(Decision.sequence)
        ).all()
        names = display_names(session, {d.recorded_by for d in taken})
        agenda = []
        for item in session.exec(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == meeting.id)
            .order_by(AgendaItem.position, AgendaItem.id)
        ):
            action = session.get(Action, item.action_id)
            agenda.append(
                AgendaEntry(
                    item.position,
                    item.action_id,
                    item.reason,
                    action_state(session, action, today),
                    [
                        {**d.model_dump(), "recorded_by_name": names[d.recorded_by]}
                        for d in taken
                        if d.action_id == item.action_id
                    ],
                )
            )
        return MeetingView(
            meeting.model_dump(),
            attendees,
            quorum_of(session, meeting),
            agenda,
            coming=meeting.held_on > today,
            is_demo=bool(session.get(Project, meeting.project_id).is_demo),
            anchor=(anchor_after(session, taken[-1]) or "") if taken else "",
        )
