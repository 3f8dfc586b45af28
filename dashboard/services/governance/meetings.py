"""Committee meetings: preparing them (date, attendees, quorum rule, agenda), holding them (the
state of each agenda item, the quorum), closing them, and what they decided. Decisions
themselves are recorded by dashboard.services.governance.decisions.record_decision.

A meeting is **closed** (`is_closed`) when the committee closed it (steering or an admin, on or
after its day: status `closed`), or by itself once its day has passed with a decision recorded
at it, since those decisions were taken with its attendance and quorum. A closed meeting's date,
title, location, quorum rule, attendance and agenda then change only by a correction: a reason
is required, and each change is kept (`MeetingCorrection`: who, when, why, from, to) and shown
in the minutes, as a decision is corrected by a new entry that supersedes it.

Saves of a meeting carry the version the user saw (`Meeting.version`): the second of two
simultaneous saves is refused (ConflictError) instead of undoing the first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import json

import polars as pl
from sqlalchemy import delete
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, select

from dashboard.errors import ConflictError, InvalidInput, NotFound, ValidationFailed
from dashboard.permissions import Permission
from dashboard.services.unit_of_work import mark_changed, write_scope
from dashboard.services.access import Actor, require
from dashboard.services.governance.evidence import (
    REVIEW_HORIZON_DAYS,
    action_state,
    anchor_after,
    display_names,
)
from dashboard.services.actions.portfolio import OPEN_STATUSES, natural_code_key
from data_loaders.fields import is_one_line
from data_loaders.problems import Problems
from models.db import read_frame, session_scope
from models.tables import (
    Action,
    AgendaItem,
    Decision,
    Meeting,
    MeetingAttendee,
    MeetingCorrection,
    Partner,
    Project,
    utcnow,
)
from models.vocab import Area, AgendaReason, MeetingStatus
from dashboard import clock


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


def _has_decisions(session: Session, meeting: Meeting) -> bool:
    return session.exec(select(Decision.id).where(Decision.meeting_id == meeting.id)).first() is not None


def is_closed(session: Session, meeting: Meeting, today: dt.date | None = None) -> bool:
    """Closed by the committee, or its day passed with decisions recorded (module docstring)."""
    if meeting.status == MeetingStatus.closed:
        return True
    return meeting.held_on < (today or clock.today()) and _has_decisions(session, meeting)


def _check_version(meeting: Meeting, version: int | None) -> None:
    """Refuse a save made over a meeting that changed since the user read it."""
    if version is not None and meeting.version != version:
        raise _conflict(meeting)


def _conflict(meeting: Meeting) -> ConflictError:
    return ConflictError("error.meeting_conflict", title=meeting.title)


def _attendee_text(attendee: Attendee | None) -> str:
    """An attendee as a correction stores it (language-neutral; the minutes put it in words)."""
    if attendee is None:
        return ""
    return json.dumps(
        {
            "name": attendee.name.strip(),
            "partner": attendee.partner or None,
            "is_voting": bool(attendee.is_voting),
            "present": bool(attendee.present),
        },
        ensure_ascii=False,
        sort_keys=True,
    )


def _current_attendees(session: Session, meeting: Meeting) -> list[Attendee]:
    partners = {
        p.id: p.name for p in session.exec(select(Partner).where(Partner.project_id == meeting.project_id))
    }
    return [
        Attendee(a.name, partners.get(a.partner_id), a.is_voting, a.present)
        for a in session.exec(
            select(MeetingAttendee)
            .where(MeetingAttendee.meeting_id == meeting.id)
            .order_by(MeetingAttendee.id)
        )
    ]


def meeting_changes(
    meeting: Meeting, before: list[Attendee], fields: dict[str, object], after: list[Attendee]
) -> list[tuple[str, str, str]]:
    """What a save changes, as (field, old, new) texts: one per meeting field and one per
    attendee added, removed or changed (attendees are known by their name)."""
    changes = []
    for name, new in fields.items():
        old = getattr(meeting, name)
        if old != new:
            as_text = (lambda v: v.isoformat()) if isinstance(new, dt.date) else str
            changes.append((name, as_text(old), as_text(new)))
    old_by_name = {a.name.strip(): a for a in before}
    new_by_name = {a.name.strip(): a for a in after}
    for name in [*old_by_name, *(n for n in new_by_name if n not in old_by_name)]:
        old_text = _attendee_text(old_by_name.get(name))
        new_text = _attendee_text(new_by_name.get(name))
        if old_text != new_text:
            changes.append(("attendee", old_text, new_text))
    return changes


def _closed_change(
    session: Session,
    actor: Actor,
    meeting: Meeting,
    changes: list[tuple[str, str, str]],
    correction_reason: str,
    today: dt.date | None,
) -> None:
    """A change of a closed meeting: refused without a reason, else recorded as a correction."""
    if not changes or not is_closed(session, meeting, today):
        return
    reason = correction_reason.strip()
    if not reason:
        raise InvalidInput("error.meeting_closed", title=meeting.title)
    at = utcnow()
    session.add_all(
        MeetingCorrection(
            meeting_id=meeting.id,
            field=field,
            old_value=old,
            new_value=new,
            reason=reason,
            corrected_by=actor.username,
            corrected_at=at,
        )
        for field, old, new in changes
    )


def _touch(meeting: Meeting) -> None:
    """Make the flush UPDATE the meeting's row (and so check and bump its version) although
    only its attendance or agenda changed."""
    flag_modified(meeting, "quorum_min")


def _check_meeting(title: str, quorum_min: int, attendees: list[Attendee], location: str = "") -> None:
    problems = Problems()
    if not title.strip():
        problems.add("problem.empty_cell", column="title")
    for column, text in (("title", title), ("location", location)):
        if not is_one_line(text.strip()):
            problems.add("problem.line_break", column=column, value=text)
    for attendee in attendees:
        for column, text in (("name", attendee.name), ("partner", attendee.partner or "")):
            if not is_one_line(text.strip()):
                problems.add("problem.line_break", column=column, value=text)
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
    _check_meeting(title, quorum_min, attendees, location)
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
    version: int | None = None,
    correction_reason: str = "",
    today: dt.date | None = None,
) -> bool:
    """Change a meeting's date, title, quorum rule and attendance (who came, who votes);
    returns whether anything changed.

    `version` is the meeting's version the user saw (refused with ConflictError if someone saved
    it since). A closed meeting changes only with a `correction_reason`, each change being kept
    and shown in the minutes; a meeting with decisions cannot be left without its quorum."""
    require(actor, Permission.prepare_meeting)
    _check_meeting(title, quorum_min, attendees, location)
    fields = {
        "held_on": held_on,
        "title": title.strip(),
        "location": location.strip(),
        "quorum_min": quorum_min,
    }
    try:
        with write_scope(actor, Permission.prepare_meeting) as session:
            meeting = _meeting(session, actor, meeting_id)
            _check_version(meeting, version)
            changes = meeting_changes(meeting, _current_attendees(session, meeting), fields, attendees)
            if not changes:
                return False
            _closed_change(session, actor, meeting, changes, correction_reason, today)
            if _has_decisions(session, meeting):
                present = sum(1 for a in attendees if a.is_voting and a.present)
                if present < quorum_min:
                    raise InvalidInput(
                        "error.meeting_quorum_after_decisions", count=present, required=quorum_min
                    )
            for name, value in fields.items():
                setattr(meeting, name, value)
            _write_attendees(session, actor, meeting, attendees)
            _touch(meeting)
            session.flush()  # the version check happens here
            mark_changed(session, Area.governance)
            return True
    except StaleDataError:  # saved by someone else between our read and our write
        raise ConflictError("error.meeting_conflict", title=title.strip()) from None


def mark_held(actor: Actor, meeting_id: int) -> None:
    require(actor, Permission.prepare_meeting)
    with write_scope(actor, Permission.prepare_meeting) as session:
        meeting = _meeting(session, actor, meeting_id)
        if meeting.status == MeetingStatus.planned:
            meeting.status = MeetingStatus.held
            mark_changed(session, Area.governance)


def close_meeting(actor: Actor, meeting_id: int, today: dt.date | None = None) -> None:
    """Close a meeting (steering, admins), on or after its day: from then on its attendance,
    quorum rule and agenda change only by a recorded correction, and no new decision is
    recorded at it (a decision taken there can still be corrected)."""
    require(actor, Permission.record_decision)
    today = today or clock.today()
    with write_scope(actor, Permission.record_decision) as session:
        meeting = _meeting(session, actor, meeting_id)
        if meeting.status == MeetingStatus.closed:
            return
        if meeting.held_on > today:
            raise InvalidInput("error.meeting_close_future", held_on=meeting.held_on.strftime("%d/%m/%Y"))
        meeting.status = MeetingStatus.closed
        meeting.closed_by = actor.username
        meeting.closed_at = utcnow()
        mark_changed(session, Area.governance)


def _agenda_change(
    session: Session,
    actor: Actor,
    meeting: Meeting,
    action: Action,
    added: bool,
    correction_reason: str,
    today: dt.date | None,
) -> None:
    """An agenda change of a closed meeting is a correction (refused without a reason)."""
    text = f"{action.code} {action.title}"
    change = ("agenda", "", text) if added else ("agenda", text, "")
    _closed_change(session, actor, meeting, [change], correction_reason, today)


def add_to_agenda(
    actor: Actor,
    meeting_id: int,
    items: list[tuple[int, str]],
    *,
    correction_reason: str = "",
    today: dt.date | None = None,
) -> int:
    """Put actions on the agenda, each with its reason; returns how many were added (an action
    already on the agenda is left as it is). On a closed meeting, only as a correction."""
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
            _agenda_change(session, actor, meeting, action, True, correction_reason, today)
            position += 1
            session.add(
                AgendaItem(meeting_id=meeting.id, action_id=action_id, position=position, reason=reason)
            )
            present.add(action_id)
            added += 1
        if added:
            mark_changed(session, Area.governance)
        return added


def remove_from_agenda(
    actor: Actor,
    meeting_id: int,
    action_id: int,
    *,
    correction_reason: str = "",
    today: dt.date | None = None,
) -> None:
    """Take an action off the agenda (on a closed meeting, only as a correction). An item
    decided at the meeting stays: its decision refers to it."""
    require(actor, Permission.prepare_meeting)
    with write_scope(actor, Permission.prepare_meeting) as session:
        meeting = _meeting(session, actor, meeting_id)
        item = session.exec(
            select(AgendaItem).where(AgendaItem.meeting_id == meeting.id, AgendaItem.action_id == action_id)
        ).first()
        if item is not None:
            decided = session.exec(
                select(Decision.id).where(Decision.meeting_id == meeting.id, Decision.action_id == action_id)
            ).first()
            if decided is not None:
                raise InvalidInput("error.agenda_item_decided")
            action = session.get(Action, action_id)
            _agenda_change(session, actor, meeting, action, False, correction_reason, today)
            session.delete(item)
            mark_changed(session, Area.governance)


MAX_NOTE = 4000


def set_agenda_note(
    actor: Actor, meeting_id: int, action_id: int, note: str, *, today: dt.date | None = None
) -> bool:
    """Write what the minutes say of an agenda item's discussion, as the meeting goes (who
    prepares the meeting: the secretary); returns whether it changed. A closed meeting's
    minutes are final: refused."""
    require(actor, Permission.prepare_meeting)
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise InvalidInput("error.note_too_long", limit=MAX_NOTE)
    with write_scope(actor, Permission.prepare_meeting) as session:
        meeting = _meeting(session, actor, meeting_id)
        item = session.exec(
            select(AgendaItem).where(AgendaItem.meeting_id == meeting.id, AgendaItem.action_id == action_id)
        ).first()
        if item is None:
            raise NotFound("error.not_found")
        if item.note == note:
            return False
        if is_closed(session, meeting, today):
            raise InvalidInput("error.meeting_closed", title=meeting.title)
        item.note = note
        mark_changed(session, Area.governance)
        return True


def move_on_agenda(
    actor: Actor, meeting_id: int, action_id: int, step: int, *, today: dt.date | None = None
) -> bool:
    """Move an agenda item one place up (`step` -1) or down (+1); returns whether it moved (the
    first item cannot go up, nor the last down). Positions are renumbered 1..n on the way. The
    order of a closed meeting's agenda is the one its minutes were taken in: refused."""
    require(actor, Permission.prepare_meeting)
    if step not in (-1, 1):
        raise InvalidInput("error.invalid_input")
    with write_scope(actor, Permission.prepare_meeting) as session:
        meeting = _meeting(session, actor, meeting_id)
        if is_closed(session, meeting, today):
            raise InvalidInput("error.meeting_closed_order", title=meeting.title)
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
    today = today or clock.today()
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


def meetings_list(actor: Actor, today: dt.date | None = None) -> pl.DataFrame:
    """The project's meetings, newest first; `status` says `closed` also of a meeting closed
    by its decisions (see is_closed)."""
    require(actor, Permission.read)
    today = today or clock.today()
    with session_scope() as session:
        listing = read_frame(
            select(Meeting.id, Meeting.held_on, Meeting.title, Meeting.status)
            .where(Meeting.project_id == actor.project_id)
            .order_by(Meeting.held_on.desc()),  # type: ignore[attr-defined]
            session,
        )
        decided = set(
            session.exec(
                select(Decision.meeting_id).where(
                    Decision.project_id == actor.project_id,
                    Decision.meeting_id.is_not(None),  # type: ignore[union-attr]
                )
            ).all()
        )
    return listing.with_columns(
        pl.when((pl.col("held_on") < today) & pl.col("id").is_in(list(decided)))
        .then(pl.lit(MeetingStatus.closed.value))
        .otherwise(pl.col("status"))
        .alias("status")
    )


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
    note: str = ""  # what the minutes say of the discussion (set_agenda_note)


@dataclass(frozen=True)
class MeetingView:
    meeting: dict
    attendees: list[Attendee]
    quorum: Quorum
    agenda: list[AgendaEntry]
    coming: bool = False  # dated after today: attendance is expected, nothing can be decided yet
    is_demo: bool = False  # the project holds synthetic demo data: its minutes say so
    closed: bool = False  # see is_closed: changes only by a correction
    closed_by_name: str = ""  # who closed it explicitly ("" when closed by its decisions)
    # Corrections made after it closed, oldest first: dicts of MeetingCorrection's fields and
    # `corrected_by_name`.
    corrections: tuple[dict, ...] = ()
    anchor: str = ""  # the log's anchor after the meeting's last decision (for its minutes)


def meeting_view(actor: Actor, meeting_id: int, today: dt.date | None = None) -> MeetingView:
    """Everything the meeting screen and the minutes show."""
    require(actor, Permission.read)
    today = today or clock.today()
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
        corrections = session.exec(
            select(MeetingCorrection)
            .where(MeetingCorrection.meeting_id == meeting.id)
            .order_by(MeetingCorrection.corrected_at, MeetingCorrection.id)
        ).all()
        names = display_names(
            session,
            {d.recorded_by for d in taken}
            | {c.corrected_by for c in corrections}
            | ({meeting.closed_by} if meeting.closed_by else set()),
        )
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
                    item.note,
                )
            )
        return MeetingView(
            meeting.model_dump(),
            attendees,
            quorum_of(session, meeting),
            agenda,
            coming=meeting.held_on > today,
            is_demo=bool(session.get(Project, meeting.project_id).is_demo),
            closed=is_closed(session, meeting, today),
            closed_by_name=names[meeting.closed_by] if meeting.closed_by else "",
            corrections=tuple(
                {**c.model_dump(), "corrected_by_name": names[c.corrected_by]} for c in corrections
            ),
            anchor=(anchor_after(session, taken[-1]) or "") if taken else "",
        )
