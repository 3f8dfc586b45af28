"""The governance log: go / no-go decisions on actions, append-only and hash-chained.

Each entry's `entry_hash` is SHA-256 over its content and the previous entry's hash, so an entry
changed or removed behind the application's back breaks the chain from that entry on
(`verify_chain`). Corrections are new entries that supersede the old one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

import polars as pl
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased
from sqlmodel import Session, func, select

from dashboard.errors import ConflictError, InvalidInput, NotFound, ValidationFailed
from dashboard.permissions import Permission
from dashboard.services.unit_of_work import mark_changed, write_scope
from dashboard.services.access import Actor, require
from dashboard.services.actions import Cause, apply_field_changes
from dashboard.services.evidence import (
    REVIEW_HORIZON_DAYS, action_state, canonical, display_names,
)
from dashboard.services.exports import to_file_bytes
from dashboard.services.meetings import quorum_of
from data_loaders.fields import contains_text
from data_loaders.problems import Problems
from models.db import read_frame, session_scope
from models.tables import (
    Action, AgendaItem, Decision, DecisionConditionReview,
    Meeting, Objective, User, utcnow,
)
from models.vocab import Area, DecisionOutcome, status_after_decision

GENESIS_HASH = "0" * 64
HASHED_FIELDS = (
    "project_id", "sequence", "action_id", "meeting_id", "outcome", "conditions", "rationale",
    "review_date", "recorded_by", "recorded_at", "evidence", "supersedes_id", "correction_reason",
)





def entry_content(decision: Decision) -> dict:
    """The fields of an entry that its hash covers, in a database-independent form."""
    return {name: canonical(getattr(decision, name)) for name in HASHED_FIELDS}


def entry_hash(content: dict, previous_hash: str) -> str:
    payload = json.dumps({"content": content, "previous_hash": previous_hash}, sort_keys=True,
                         ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode()).hexdigest()


def append_entry(session: Session, decision: Decision) -> Decision:
    """Number the entry, chain it to the project's last entry and add it to the session.

    A concurrent append gets the same sequence number and fails on the (project, sequence)
    unique constraint when its transaction commits, so the chain never forks.
    """
    last = session.exec(
        select(Decision.sequence, Decision.entry_hash)
        .where(Decision.project_id == decision.project_id)
        .order_by(Decision.sequence.desc())  # type: ignore[attr-defined]
        .limit(1)
    ).first()
    decision.sequence = (last[0] + 1) if last else 1
    decision.previous_hash = last[1] if last else GENESIS_HASH
    decision.recorded_at = decision.recorded_at.replace(microsecond=0)
    decision.entry_hash = entry_hash(entry_content(decision), decision.previous_hash)
    session.add(decision)
    session.flush()
    return decision


@dataclass(frozen=True)
class ChainCheck:
    intact: bool
    entries: int
    first_broken_sequence: int | None = None
    reason: str = ""  # "content" (hash mismatch), "link" (previous hash), "gap" (missing entry)


def verify_chain(project_id: int) -> ChainCheck:
    """Recompute every entry's hash in order; report the first entry that does not match."""
    with session_scope() as session:
        decisions = session.exec(
            select(Decision).where(Decision.project_id == project_id).order_by(Decision.sequence)
        ).all()
        previous = GENESIS_HASH
        for expected_sequence, decision in enumerate(decisions, start=1):
            if decision.sequence != expected_sequence:
                return ChainCheck(False, len(decisions), expected_sequence, "gap")
            if decision.previous_hash != previous:
                return ChainCheck(False, len(decisions), decision.sequence, "link")
            if entry_hash(entry_content(decision), decision.previous_hash) != decision.entry_hash:
                return ChainCheck(False, len(decisions), decision.sequence, "content")
            previous = decision.entry_hash
        return ChainCheck(True, len(decisions))


# ---------------------------------------------------------------- reads


def decisions_frame(project_id: int) -> pl.DataFrame:
    """The log, newest first: each entry with its action, meeting, and the entry that
    supersedes it (if any)."""
    superseding = aliased(Decision)
    statement = (
        select(Decision.id, Decision.sequence, Decision.recorded_at, Decision.recorded_by,
               # Who is named on screen: the display name (the login when there is none).
               func.coalesce(func.nullif(User.display_name, ""), Decision.recorded_by)
               .label("recorded_by_name"),
               Decision.meeting_id, Decision.entry_hash,
               Decision.outcome, Decision.conditions, Decision.rationale, Decision.review_date,
               Decision.supersedes_id, Decision.correction_reason, Decision.action_id,
               Action.code.label("action_code"), Action.title.label("action_title"),  # type: ignore[attr-defined]
               Action.status.label("action_status"),  # type: ignore[attr-defined]
               Meeting.held_on.label("meeting_date"), Meeting.title.label("meeting_title"),  # type: ignore[attr-defined]
               superseding.sequence.label("superseded_by"))  # type: ignore[attr-defined]
        .join(Action, Action.id == Decision.action_id)
        .join(Meeting, Meeting.id == Decision.meeting_id, isouter=True)
        .join(superseding, superseding.supersedes_id == Decision.id, isouter=True)
        .join(User, User.username == Decision.recorded_by, isouter=True)
        .where(Decision.project_id == project_id)
        .order_by(Decision.sequence.desc())  # type: ignore[attr-defined]
    )
    return read_frame(statement)





def meetings_frame(project_id: int) -> pl.DataFrame:
    agenda = (select(AgendaItem.meeting_id, func.count().label("agenda_items"))
              .group_by(AgendaItem.meeting_id).subquery())
    statement = (
        select(Meeting.id, Meeting.held_on, Meeting.title, Meeting.status, Meeting.quorum_min,
               func.coalesce(agenda.c.agenda_items, 0).label("agenda_items"))
        .join(agenda, agenda.c.meeting_id == Meeting.id, isouter=True)
        .where(Meeting.project_id == project_id)
        .order_by(Meeting.held_on.desc())  # type: ignore[attr-defined]
    )
    return read_frame(statement)


def reviews(project_id: int, today: dt.date, horizon_days: int = 30) -> tuple[int, int]:
    """(reviews due within `horizon_days`, reviews overdue) over open actions."""
    with session_scope() as session:
        dates = session.exec(select(Action.review_date).where(
            Action.project_id == project_id, Action.review_date.is_not(None),  # type: ignore[union-attr]
            Action.status.in_(["idea", "planned", "in_progress", "on_hold"]))).all()  # type: ignore[attr-defined]
    due = sum(1 for d in dates if today <= d <= today + dt.timedelta(days=horizon_days))
    overdue = sum(1 for d in dates if d < today)
    return due, overdue


# ---------------------------------------------------------------- what the committee sees





# ---------------------------------------------------------------- recording


@dataclass(frozen=True)
class DecisionInput:
    """A decision as the committee takes it (or a correction of an earlier entry)."""

    action_id: int
    outcome: str
    rationale: str
    conditions: str = ""
    review_date: dt.date | None = None
    meeting_id: int | None = None
    supersedes_id: int | None = None
    correction_reason: str = ""


def _validate(decision: DecisionInput, today: dt.date) -> Problems:
    problems = Problems()
    if decision.outcome not in {o.value for o in DecisionOutcome}:
        problems.add("problem.bad_outcome", column="outcome", value=decision.outcome)
    if not decision.rationale.strip():
        problems.add("problem.rationale_required", column="rationale")
    if decision.outcome == DecisionOutcome.conditional_go and not decision.conditions.strip():
        problems.add("problem.conditions_required", column="conditions")
    if decision.outcome == DecisionOutcome.postponed and decision.review_date is None:
        problems.add("problem.review_date_required", column="review_date")
    if decision.review_date is not None and decision.review_date <= today:
        problems.add("problem.review_date_past", column="review_date",
                     value=decision.review_date)
    if decision.supersedes_id is not None and not decision.correction_reason.strip():
        problems.add("problem.correction_reason_required", column="correction_reason")
    return problems


def review_after_decision(outcome: str, given: dt.date | None, current: dt.date | None,
                          today: dt.date) -> dt.date | None:
    """The action's next review once a decision is recorded: the date the committee gave, with
    any outcome. Without one, a review falling due by the meeting (the one the decision answers,
    as the agenda suggested it) is closed, a later one is kept, and a stopped action has none."""
    if given is not None:
        return given
    if outcome == DecisionOutcome.no_go:
        return None
    if current is not None and current <= today + dt.timedelta(days=REVIEW_HORIZON_DAYS):
        return None
    return current


def record_decision(actor: Actor, decision: DecisionInput, today: dt.date | None = None) -> int:
    """Append a decision to the log and apply it to the action, in one transaction.

    A go (or conditional go) on an idea plans it; a no-go stops it; a postponement keeps the
    status. A review date given with any decision is kept with the entry and becomes the action's
    next review (`review_after_decision`). The state of
    the action as the committee saw it is stored with the entry. A correction supersedes an
    earlier entry of the same action, which stays in the log. Returns the new entry's id.
    """
    require(actor, Permission.record_decision)
    today = today or dt.date.today()
    problems = _validate(decision, today)
    if problems:
        raise ValidationFailed(problems.items)
    try:
        with write_scope(actor, Permission.record_decision, today=today) as session:
            action = session.get(Action, decision.action_id)
            if action is None or action.project_id != actor.project_id:
                raise NotFound("error.not_found")
            if decision.meeting_id is not None:

                meeting = session.get(Meeting, decision.meeting_id)
                if meeting is None or meeting.project_id != actor.project_id:
                    raise NotFound("error.not_found")
                if meeting.held_on > today:  # attendance and quorum are not known yet
                    raise InvalidInput("error.meeting_in_future",
                                       held_on=meeting.held_on.strftime("%d/%m/%Y"))
                quorum = quorum_of(session, meeting)
                if not quorum.met:
                    raise InvalidInput("error.no_quorum", count=quorum.present,
                                       required=quorum.required)
            if decision.supersedes_id is not None:
                _check_supersedable(session, actor, decision)
            entry = append_entry(session, Decision(
                project_id=actor.project_id, action_id=action.id,
                meeting_id=decision.meeting_id, outcome=decision.outcome,
                conditions=decision.conditions.strip(), rationale=decision.rationale.strip(),
                review_date=decision.review_date,
                recorded_by=actor.username, recorded_at=utcnow(),
                evidence=action_state(session, action, today),
                supersedes_id=decision.supersedes_id,
                correction_reason=decision.correction_reason.strip(),
            ))
            cause = Cause(actor.username, "decision", decision_id=entry.id)
            effects: dict[str, object] = {
                "status": status_after_decision(decision.outcome, action.status),
                "review_date": review_after_decision(decision.outcome, decision.review_date,
                                                     action.review_date, today),
            }
            apply_field_changes(session, action, effects, cause, at=entry.recorded_at)
            mark_changed(session, Area.governance, Area.actions)
            return entry.id  # type: ignore[return-value]
    except IntegrityError:
        # Two entries got the same sequence number: someone recorded at the same moment.
        raise ConflictError("error.log_busy") from None


def _check_supersedable(session: Session, actor: Actor, decision: DecisionInput) -> None:
    earlier = session.get(Decision, decision.supersedes_id)
    if earlier is None or earlier.project_id != actor.project_id:
        raise NotFound("error.not_found")
    if earlier.action_id != decision.action_id:
        raise InvalidInput("error.correction_other_action")
    if session.exec(select(Decision.id).where(
            Decision.supersedes_id == earlier.id)).first() is not None:
        raise InvalidInput("error.already_superseded", sequence=earlier.sequence)


def record_condition_review(actor: Actor, decision_id: int, met: bool, note: str) -> None:
    """Record whether a conditional go's conditions are met (appended, never edited)."""
    require(actor, Permission.record_decision)
    with write_scope(actor, Permission.record_decision) as session:
        decision = session.get(Decision, decision_id)
        if decision is None or decision.project_id != actor.project_id:
            raise NotFound("error.not_found")
        if decision.outcome != DecisionOutcome.conditional_go:
            raise InvalidInput("error.not_conditional")
        session.add(DecisionConditionReview(decision_id=decision.id, met=met, note=note.strip(),
                                            recorded_by=actor.username))
        mark_changed(session, Area.governance)


# ---------------------------------------------------------------- the log as pages show it


def log_frame(actor: Actor, today: dt.date | None = None) -> pl.DataFrame:
    """Every entry, newest first, with its action and objective, its meeting, the entry that
    supersedes it and the one it supersedes, the latest check of its conditions, and two flags:
    `review_overdue` (a postponement whose review date has passed with no later decision on the
    action) and `conditions_unmet` (a conditional go not yet checked as met)."""
    require(actor, Permission.read)
    today = today or dt.date.today()
    log = decisions_frame(actor.project_id)
    reviews = read_frame(
        select(DecisionConditionReview.decision_id, DecisionConditionReview.met,
               DecisionConditionReview.note, DecisionConditionReview.recorded_at)
        .join(Decision, Decision.id == DecisionConditionReview.decision_id)
        .where(Decision.project_id == actor.project_id)
    ).sort("recorded_at").group_by("decision_id").last().rename(
        {"met": "conditions_met", "note": "condition_note",
         "recorded_at": "conditions_checked_at"})
    objectives = read_frame(
        select(Action.id.label("action_id"), Objective.code.label("objective_code"))  # type: ignore[attr-defined]
        .join(Objective, Objective.id == Action.objective_id)
        .where(Action.project_id == actor.project_id))
    log = (log.join(reviews, left_on="id", right_on="decision_id", how="left")
           .join(objectives, on="action_id", how="left")
           .with_columns(pl.col("objective_code").str.split(".").list.first()
                         .alias("strategic_code")))
    supersedes = log.select(pl.col("id").alias("supersedes_id"),
                            pl.col("sequence").alias("supersedes_sequence"))
    latest_per_action = log.group_by("action_id").agg(pl.col("sequence").max()
                                                      .alias("latest_on_action"))
    return (log.join(supersedes, on="supersedes_id", how="left")
            .join(latest_per_action, on="action_id", how="left")
            .with_columns(
                ((pl.col("outcome") == DecisionOutcome.postponed)
                 & pl.col("review_date").is_not_null() & (pl.col("review_date") < today)
                 & (pl.col("sequence") == pl.col("latest_on_action"))
                 & pl.col("superseded_by").is_null()).alias("review_overdue"),
                ((pl.col("outcome") == DecisionOutcome.conditional_go)
                 & pl.col("superseded_by").is_null()
                 & ~pl.col("conditions_met").fill_null(False)).alias("conditions_unmet"),
            ).drop("latest_on_action").sort("sequence", descending=True))


@dataclass(frozen=True)
class LogFilters:
    outcomes: tuple[str, ...] = ()
    strategic_codes: tuple[str, ...] = ()
    action_codes: tuple[str, ...] = ()
    meeting_ids: tuple[int, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    text: str = ""
    flagged_only: bool = False


def filter_log(log: pl.DataFrame, filters: LogFilters) -> pl.DataFrame:
    conditions = []
    if filters.outcomes:
        conditions.append(pl.col("outcome").is_in(filters.outcomes))
    if filters.strategic_codes:
        conditions.append(pl.col("strategic_code").is_in(filters.strategic_codes))
    if filters.action_codes:
        conditions.append(pl.col("action_code").is_in(filters.action_codes))
    if filters.meeting_ids:
        conditions.append(pl.col("meeting_id").is_in(filters.meeting_ids))
    recorded_on = pl.col("recorded_at").dt.convert_time_zone("Europe/Brussels").dt.date()
    if filters.since:
        conditions.append(recorded_on >= filters.since)
    if filters.until:
        conditions.append(recorded_on <= filters.until)
    if filters.flagged_only:
        conditions.append(pl.col("review_overdue") | pl.col("conditions_unmet"))
    if filters.text.strip():
        conditions.append(contains_text(["action_code", "action_title", "conditions",
                                         "rationale", "correction_reason", "meeting_title",
                                         "recorded_by", "recorded_by_name"], filters.text))
    return log.filter(*conditions) if conditions else log


def entry(actor: Actor, decision_id: int) -> dict:
    """One entry with its evidence snapshot and its condition checks."""
    require(actor, Permission.read)
    with session_scope() as session:
        decision = session.get(Decision, decision_id)
        if decision is None or decision.project_id != actor.project_id:
            raise NotFound("error.not_found")
        checks = session.exec(select(DecisionConditionReview).where(
            DecisionConditionReview.decision_id == decision_id)
            .order_by(DecisionConditionReview.recorded_at)).all()
        names = display_names(session, {decision.recorded_by, *(c.recorded_by for c in checks)})
        return {**decision.model_dump(), "recorded_by_name": names[decision.recorded_by],
                "condition_reviews": [{**c.model_dump(), "recorded_by_name": names[c.recorded_by]}
                                      for c in checks]}


EXPORT_COLUMNS = ("sequence", "recorded_at", "recorded_by", "action_code", "action_title",
                  "outcome", "conditions", "rationale", "review_date", "meeting_date",
                  "meeting_title", "supersedes_sequence", "correction_reason", "superseded_by",
                  "conditions_met", "review_overdue", "conditions_unmet", "entry_hash")


def export_frame(actor: Actor, today: dt.date | None = None) -> pl.DataFrame:
    """The log for download (roles with Permission.download, as on the page). `recorded_by`
    names the recorder as the app shows them: the display name, the login only for an account
    without one."""
    require(actor, Permission.download)
    return (log_frame(actor, today).sort("sequence")
            .with_columns(pl.col("recorded_at").dt.convert_time_zone("Europe/Brussels")
                          .dt.strftime("%Y-%m-%d %H:%M"),
                          pl.col("recorded_by_name").alias("recorded_by"))
            .select(EXPORT_COLUMNS))


def export_log(actor: Actor, file_format: str) -> bytes:
    return to_file_bytes(export_frame(actor), file_format, sheet="decisions")
