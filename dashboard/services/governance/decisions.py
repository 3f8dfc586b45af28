"""The governance log: go / no-go decisions on actions, append-only and sealed.

Each entry's `entry_hash` is a keyed MAC (HMAC-SHA256, models.log_seal) over its content and the
previous entry's MAC; condition reviews form a second chain, each sealed with its decision's MAC;
and the project's `DecisionLogHead` seals how many entries and reviews there are and the last MAC
of each, updated in the transaction of every append. The key lives outside the database
(models.log_key), so someone who can only write the database cannot re-seal what they change, and
deleting the newest entries leaves a head that counts more than the log holds (`verify_chain`).
Corrections are new entries that supersede the old one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import polars as pl
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, func, select

from dashboard.errors import ConflictError, InvalidInput, NotFound, ValidationFailed
from dashboard.permissions import Permission
from dashboard.services.admin import audit
from dashboard.services.unit_of_work import mark_changed, write_scope
from dashboard.services.access import Actor, require
from dashboard.services.actions.edits import Cause, apply_field_changes, conflict_error
from dashboard.services.governance.evidence import (
    REVIEW_HORIZON_DAYS,
    action_state,
    display_names,
    log_anchor,
)
from dashboard.services.exports import to_file_bytes
from dashboard.services.governance.meetings import is_closed, quorum_of
from data_loaders.fields import contains_text
from data_loaders.problems import Problems
from models import log_seal
from models.db import read_frame, session_scope
from models.log_key import log_key
from models.tables import (
    Action,
    AgendaItem,
    Decision,
    DecisionConditionReview,
    DecisionLogHead,
    Meeting,
    Objective,
    User,
    utcnow,
)
from models.vocab import Area, DecisionOutcome, status_after_decision
from dashboard import clock

GENESIS_HASH = log_seal.GENESIS
HASHED_FIELDS = log_seal.ENTRY_FIELDS


def entry_content(decision: Decision) -> dict:
    """The fields of an entry that its MAC covers, in a database-independent form."""
    return log_seal.entry_content(decision)


def entry_hash(content: dict, previous_hash: str) -> str:
    """The entry's MAC, with the server's log key."""
    return log_seal.entry_mac(log_key(), content, previous_hash)


def _head(session: Session, project_id: int) -> DecisionLogHead | None:
    return session.exec(select(DecisionLogHead).where(DecisionLogHead.project_id == project_id)).first()


def _advance_head(
    session: Session,
    project_id: int,
    head: DecisionLogHead | None,
    *,
    entries: int,
    last_mac: str,
    reviews: int,
    last_review_mac: str,
) -> None:
    """Move the sealed head forward, only from the state this append read: a concurrent append
    that moved it first makes this one fail (no fork), on SQLite and PostgreSQL alike."""
    values = {
        "entries": entries,
        "last_mac": last_mac,
        "reviews": reviews,
        "last_review_mac": last_review_mac,
        "mac": log_seal.head_mac(log_key(), project_id, entries, last_mac, reviews, last_review_mac),
    }
    if head is None:
        session.add(DecisionLogHead(project_id=project_id, **values))
        session.flush()  # a concurrent first append fails here on the primary key
        return
    moved = session.execute(
        update(DecisionLogHead)
        .where(
            DecisionLogHead.project_id == project_id,  # type: ignore[arg-type]
            DecisionLogHead.entries == head.entries,  # type: ignore[arg-type]
            DecisionLogHead.reviews == head.reviews,
        )  # type: ignore[arg-type]
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    if moved.rowcount != 1:  # type: ignore[attr-defined]
        raise ConflictError("error.log_busy")
    session.expire(head)


def append_entry(session: Session, decision: Decision) -> Decision:
    """Number the entry, chain it to the project's last entry, seal the head, add it to the
    session.

    A concurrent append gets the same sequence number and fails on the (project, sequence)
    unique constraint (or on the head that moved) when its transaction commits, so the chain
    never forks.
    """
    head = _head(session, decision.project_id)
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
    _advance_head(
        session,
        decision.project_id,
        head,
        entries=decision.sequence,
        last_mac=decision.entry_hash,
        reviews=head.reviews if head else 0,
        last_review_mac=head.last_review_mac if head else GENESIS_HASH,
    )
    return decision


def append_review(
    session: Session, decision: Decision, review: DecisionConditionReview
) -> DecisionConditionReview:
    """Number a condition review in the project's review chain, seal it to its decision and to
    the previous review, seal the head, and add it to the session."""
    head = _head(session, decision.project_id)
    last = session.exec(
        select(DecisionConditionReview.sequence, DecisionConditionReview.mac)
        .join(Decision, Decision.id == DecisionConditionReview.decision_id)
        .where(Decision.project_id == decision.project_id)
        .order_by(DecisionConditionReview.sequence.desc())  # type: ignore[attr-defined]
        .limit(1)
    ).first()
    review.decision_id = decision.id  # type: ignore[assignment]
    review.sequence = (last[0] + 1) if last else 1
    review.previous_mac = last[1] if last else GENESIS_HASH
    review.recorded_at = review.recorded_at.replace(microsecond=0)
    review.mac = log_seal.review_mac(
        log_key(),
        log_seal.review_content(review, decision.project_id, decision.sequence, decision.entry_hash),
        review.previous_mac,
    )
    session.add(review)
    session.flush()
    _advance_head(
        session,
        decision.project_id,
        head,
        entries=head.entries if head else decision.sequence,
        last_mac=head.last_mac if head else decision.entry_hash,
        reviews=review.sequence,
        last_review_mac=review.mac,
    )
    return review


@dataclass(frozen=True)
class ChainFinding:
    """One thing wrong with the log.

    kind: "content" (entry changed), "moved" (entry renumbered: it was `was`), "link" (the
    entry no longer follows the one before it), "gap" (entries `sequence`.. missing, `count` of
    them), "tail" (`count` entries missing after no. `sequence`), "extra" (an entry the head does
    not know), "head" (the head is missing, forged, or does not match the last entry), and the
    same for condition reviews: "review_content", "review_link", "review_gap", "review_tail",
    "review_extra" (`sequence` is the review's number, `entry` its decision's); against an
    anchor kept in the minutes: "anchor_tail" / "anchor_review_tail" (`count` entries or reviews
    the anchor counts are missing after no. `sequence`), "anchor" (the log up to the anchor's
    entries and reviews is not the one it sealed: rewritten or replaced).
    """

    kind: str
    sequence: int | None = None
    count: int = 1
    was: int | None = None
    entry: int | None = None
    anchor: str = ""  # the anchor checked against ("anchor", "anchor_tail", "anchor_review_tail")

    @property
    def key(self) -> str:
        """Its message (dashboard.i18n.message, with `params`)."""
        return f"decisions.problem.{self.kind}"

    @property
    def params(self) -> dict:
        sequence = self.sequence or 0
        return {
            "sequence": sequence,
            "count": self.count,
            "was": self.was,
            "entry": self.entry,
            "previous": sequence - 1,
            "last": sequence + self.count - 1,
            "anchor": self.anchor,
        }


@dataclass(frozen=True)
class ChainCheck:
    intact: bool
    entries: int
    problems: tuple[ChainFinding, ...] = field(default=())
    reviews: int = 0

    @property
    def first_broken_sequence(self) -> int | None:
        numbered = [
            p.sequence
            for p in self.problems
            if p.sequence is not None and not p.kind.startswith(("review", "anchor"))
        ]
        return min(numbered) if numbered else None

    @property
    def reason(self) -> str:
        """The kind of the first entry problem (the first problem when only reviews are)."""
        first = self.first_broken_sequence
        for problem in self.problems:
            if first is None or problem.sequence == first:
                return problem.kind
        return ""


def _missing_runs(present: list[int], upto: int) -> list[tuple[int, int]]:
    """(first missing number, how many) for each run of numbers in 1..upto not in `present`."""
    have = set(present)
    runs: list[tuple[int, int]] = []
    for number in range(1, upto + 1):
        if number in have:
            continue
        if runs and runs[-1][0] + runs[-1][1] == number:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((number, 1))
    return runs


def _check_entries(key: bytes, decisions: list[Decision]) -> list[ChainFinding]:
    problems: list[ChainFinding] = []
    by_sequence = {d.sequence: d for d in decisions}
    top = max(by_sequence, default=0)
    gaps = _missing_runs(list(by_sequence), top)
    problems += [ChainFinding("gap", first, count) for first, count in gaps]
    for decision in decisions:
        content = entry_content(decision)
        if not log_seal.macs_equal(
            log_seal.entry_mac(key, content, decision.previous_hash), decision.entry_hash
        ):
            was = next(
                (
                    n
                    for n in range(1, top + len(decisions) + 1)
                    if n != decision.sequence
                    and log_seal.macs_equal(
                        log_seal.entry_mac(key, {**content, "sequence": n}, decision.previous_hash),
                        decision.entry_hash,
                    )
                ),
                None,
            )
            problems.append(
                ChainFinding("moved", decision.sequence, was=was)
                if was
                else ChainFinding("content", decision.sequence)
            )
            continue
        before = by_sequence.get(decision.sequence - 1)
        expected = (
            GENESIS_HASH if decision.sequence == 1 else (before.entry_hash if before is not None else None)
        )
        if expected is not None and not log_seal.macs_equal(decision.previous_hash, expected):
            problems.append(ChainFinding("link", decision.sequence))
    return problems


def _check_reviews(
    key: bytes, project_id: int, rows: list[tuple[DecisionConditionReview, int, str]]
) -> list[ChainFinding]:
    problems: list[ChainFinding] = []
    by_sequence = {review.sequence: (review, seq, mac) for review, seq, mac in rows}
    top = max(by_sequence, default=0)
    problems += [
        ChainFinding("review_gap", first, count) for first, count in _missing_runs(list(by_sequence), top)
    ]
    for review, decision_sequence, decision_mac in rows:
        content = log_seal.review_content(review, project_id, decision_sequence, decision_mac)
        if not log_seal.macs_equal(log_seal.review_mac(key, content, review.previous_mac), review.mac):
            problems.append(ChainFinding("review_content", review.sequence, entry=decision_sequence))
            continue
        before = by_sequence.get(review.sequence - 1)
        expected = GENESIS_HASH if review.sequence == 1 else (before[0].mac if before is not None else None)
        if expected is not None and not log_seal.macs_equal(review.previous_mac, expected):
            problems.append(ChainFinding("review_link", review.sequence, entry=decision_sequence))
    return problems


def _check_head(
    key: bytes,
    project_id: int,
    head: DecisionLogHead | None,
    decisions: list[Decision],
    reviews: list[tuple[DecisionConditionReview, int, str]],
) -> list[ChainFinding]:
    top = max((d.sequence for d in decisions), default=0)
    top_review = max((r.sequence for r, _, _ in reviews), default=0)
    if head is None:
        return [ChainFinding("head")] if decisions or reviews else []
    if not log_seal.macs_equal(
        head.mac,
        log_seal.head_mac(key, project_id, head.entries, head.last_mac, head.reviews, head.last_review_mac),
    ):
        return [ChainFinding("head")]
    problems: list[ChainFinding] = []
    if head.entries > top:
        problems.append(ChainFinding("tail", top, head.entries - top))
    elif head.entries < top:
        problems.append(ChainFinding("extra", head.entries + 1, top - head.entries))
    else:
        last = next((d for d in decisions if d.sequence == top), None)
        if last is not None and not log_seal.macs_equal(last.entry_hash, head.last_mac):
            problems.append(ChainFinding("head"))
    if head.reviews > top_review:
        problems.append(ChainFinding("review_tail", top_review, head.reviews - top_review))
    elif head.reviews < top_review:
        problems.append(ChainFinding("review_extra", head.reviews + 1, top_review - head.reviews))
    else:
        last_review = next((r for r, _, _ in reviews if r.sequence == top_review), None)
        if last_review is not None and not log_seal.macs_equal(last_review.mac, head.last_review_mac):
            problems.append(ChainFinding("head"))
    return problems


def _check_anchor(
    session: Session,
    project_id: int,
    anchor: str,
    decisions: list[Decision],
    reviews: list[tuple[DecisionConditionReview, int, str]],
) -> list[ChainFinding]:
    entries, review_count, digits = log_seal.parse_anchor(anchor)  # type: ignore[misc]
    written = log_seal.format_anchor(entries, review_count, digits)
    top = max((d.sequence for d in decisions), default=0)
    top_review = max((r.sequence for r, _, _ in reviews), default=0)
    problems = []
    if top < entries:
        problems.append(ChainFinding("anchor_tail", top, entries - top, anchor=written))
    if top_review < review_count:
        problems.append(
            ChainFinding("anchor_review_tail", top_review, review_count - top_review, anchor=written)
        )
    if problems:
        return problems
    now = log_anchor(session, project_id, entries, review_count)
    if now is None or not log_seal.macs_equal(now, written):
        return [ChainFinding("anchor", entries, anchor=written)]
    return []


def parse_anchor(anchor: str) -> str:
    """The anchor as `decisions anchor` prints it, or InvalidInput naming what was expected."""
    parsed = log_seal.parse_anchor(anchor)
    if parsed is None:
        raise InvalidInput("error.bad_anchor", anchor=anchor.strip()[:40])
    return log_seal.format_anchor(*parsed)


def current_anchor(actor: Actor) -> str:
    """The anchor of the log as it is now (all its entries and condition reviews): what the
    committee writes in its minutes. Only of a log that verifies (InvalidInput otherwise)."""
    if not verify_chain(actor).intact:
        raise InvalidInput("error.anchor_of_broken_log")
    project_id = actor.project_id
    with session_scope() as session:
        entries = session.exec(
            select(func.max(Decision.sequence)).where(Decision.project_id == project_id)
        ).one()
        reviews = session.exec(
            select(func.max(DecisionConditionReview.sequence))
            .join(Decision, Decision.id == DecisionConditionReview.decision_id)
            .where(Decision.project_id == project_id)
        ).one()
        return log_anchor(session, project_id, entries or 0, reviews or 0)  # type: ignore[return-value]


def verify_chain(actor: Actor, anchor: str | None = None) -> ChainCheck:
    """Check every entry's and every condition review's MAC and link, and the sealed head:
    every problem found, in order (changed, renumbered, missing in the middle or at the end).
    With `anchor` (as `decisions anchor` printed it and the minutes keep it), also that the log
    still holds what the anchor sealed: InvalidInput if it is not an anchor."""
    require(actor, Permission.read)
    project_id = actor.project_id
    if anchor is not None:
        anchor = parse_anchor(anchor)
    key = log_key()
    with session_scope() as session:
        decisions = list(
            session.exec(
                select(Decision).where(Decision.project_id == project_id).order_by(Decision.sequence)
            ).all()
        )
        reviews = [
            tuple(row)
            for row in session.exec(
                select(DecisionConditionReview, Decision.sequence, Decision.entry_hash)
                .join(Decision, Decision.id == DecisionConditionReview.decision_id)
                .where(Decision.project_id == project_id)
                .order_by(DecisionConditionReview.sequence, DecisionConditionReview.id)
            ).all()
        ]
        head = _head(session, project_id)
        problems = (
            _check_entries(key, decisions)
            + _check_head(key, project_id, head, decisions, reviews)  # type: ignore[arg-type]
            + _check_reviews(key, project_id, reviews)
        )  # type: ignore[arg-type]
        entry_problems = sorted(
            (p for p in problems if not p.kind.startswith("review") and p.kind != "head"),
            key=lambda p: p.sequence or 0,
        )
        others = [p for p in problems if p.kind.startswith("review") or p.kind == "head"]
        if anchor is not None:
            others += _check_anchor(session, project_id, anchor, decisions, reviews)  # type: ignore[arg-type]
        ordered = tuple(entry_problems + others)
        return ChainCheck(not ordered, len(decisions), ordered, len(reviews))


# ---------------------------------------------------------------- reads


def decisions_frame(actor: Actor) -> pl.DataFrame:
    """The log, newest first: each entry with its action, meeting, and the entry that
    supersedes it (if any)."""
    require(actor, Permission.read)
    project_id = actor.project_id
    superseding = aliased(Decision)
    statement = (
        select(
            Decision.id,
            Decision.sequence,
            Decision.recorded_at,
            Decision.recorded_by,
            # Who is named on screen: the display name (the login when there is none).
            func.coalesce(func.nullif(User.display_name, ""), Decision.recorded_by).label("recorded_by_name"),
            Decision.meeting_id,
            Decision.entry_hash,
            Decision.outcome,
            Decision.conditions,
            Decision.rationale,
            Decision.review_date,
            Decision.supersedes_id,
            Decision.correction_reason,
            Decision.action_id,
            Action.code.label("action_code"),
            Action.title.label("action_title"),  # type: ignore[attr-defined]
            Action.status.label("action_status"),  # type: ignore[attr-defined]
            Meeting.held_on.label("meeting_date"),
            Meeting.title.label("meeting_title"),  # type: ignore[attr-defined]
            superseding.sequence.label("superseded_by"),
        )  # type: ignore[attr-defined]
        .join(Action, Action.id == Decision.action_id)
        .join(Meeting, Meeting.id == Decision.meeting_id, isouter=True)
        .join(superseding, superseding.supersedes_id == Decision.id, isouter=True)
        .join(User, User.username == Decision.recorded_by, isouter=True)
        .where(Decision.project_id == project_id)
        .order_by(Decision.sequence.desc())  # type: ignore[attr-defined]
    )
    return read_frame(statement)


def meetings_frame(actor: Actor) -> pl.DataFrame:
    require(actor, Permission.read)
    project_id = actor.project_id
    agenda = (
        select(AgendaItem.meeting_id, func.count().label("agenda_items"))
        .group_by(AgendaItem.meeting_id)
        .subquery()
    )
    statement = (
        select(
            Meeting.id,
            Meeting.held_on,
            Meeting.title,
            Meeting.status,
            Meeting.quorum_min,
            func.coalesce(agenda.c.agenda_items, 0).label("agenda_items"),
        )
        .join(agenda, agenda.c.meeting_id == Meeting.id, isouter=True)
        .where(Meeting.project_id == project_id)
        .order_by(Meeting.held_on.desc())  # type: ignore[attr-defined]
    )
    return read_frame(statement)


def reviews(actor: Actor, today: dt.date, horizon_days: int = 30) -> tuple[int, int]:
    """(reviews due within `horizon_days`, reviews overdue) over open actions."""
    require(actor, Permission.read)
    project_id = actor.project_id
    with session_scope() as session:
        dates = session.exec(
            select(Action.review_date).where(
                Action.project_id == project_id,
                Action.review_date.is_not(None),  # type: ignore[union-attr]
                Action.status.in_(["idea", "planned", "in_progress", "on_hold"]),
            )
        ).all()  # type: ignore[attr-defined]
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
        problems.add("problem.review_date_past", column="review_date", value=decision.review_date)
    if decision.supersedes_id is not None and not decision.correction_reason.strip():
        problems.add("problem.correction_reason_required", column="correction_reason")
    return problems


def review_after_decision(
    outcome: str, given: dt.date | None, current: dt.date | None, today: dt.date
) -> dt.date | None:
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
    today = today or clock.today()
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
                    raise InvalidInput(
                        "error.meeting_in_future", held_on=meeting.held_on.strftime("%d/%m/%Y")
                    )
                if decision.supersedes_id is None and is_closed(session, meeting, today):
                    # Its minutes are final: a decision taken there can still be corrected.
                    raise InvalidInput("error.meeting_closed_no_decision", title=meeting.title)
                quorum = quorum_of(session, meeting)
                if not quorum.met:
                    raise InvalidInput("error.no_quorum", count=quorum.present, required=quorum.required)
            if decision.supersedes_id is not None:
                _check_supersedable(session, actor, decision)
            entry = append_entry(
                session,
                Decision(
                    project_id=actor.project_id,
                    action_id=action.id,
                    meeting_id=decision.meeting_id,
                    outcome=decision.outcome,
                    conditions=decision.conditions.strip(),
                    rationale=decision.rationale.strip(),
                    review_date=decision.review_date,
                    recorded_by=actor.username,
                    recorded_at=utcnow(),
                    evidence=action_state(session, action, today),
                    supersedes_id=decision.supersedes_id,
                    correction_reason=decision.correction_reason.strip(),
                ),
            )
            if decision.supersedes_id is not None:
                audit.record(
                    session,
                    actor,
                    audit.AuditKind.correction,
                    detail={
                        "what": "decision",
                        "entry": entry.sequence,
                        "supersedes": decision.supersedes_id,
                    },
                )
            cause = Cause(actor.username, "decision", decision_id=entry.id)
            effects: dict[str, object] = {
                "status": status_after_decision(decision.outcome, action.status),
                "review_date": review_after_decision(
                    decision.outcome, decision.review_date, action.review_date, today
                ),
            }
            apply_field_changes(session, action, effects, cause, at=entry.recorded_at)
            mark_changed(session, Area.governance, Area.actions)
            return entry.id  # type: ignore[return-value]
    except IntegrityError:
        # Two entries got the same sequence number: someone recorded at the same moment.
        raise ConflictError("error.log_busy") from None
    except StaleDataError:
        # The action was saved (an edit, or another decision on it) between this decision's
        # read of it and its write: the evidence is stale, so nothing is recorded.
        with session_scope() as session:
            action = session.get(Action, decision.action_id)
        raise (conflict_error([action]) if action else ConflictError("error.log_busy")) from None


def _check_supersedable(session: Session, actor: Actor, decision: DecisionInput) -> None:
    earlier = session.get(Decision, decision.supersedes_id)
    if earlier is None or earlier.project_id != actor.project_id:
        raise NotFound("error.not_found")
    if earlier.action_id != decision.action_id:
        raise InvalidInput("error.correction_other_action")
    if session.exec(select(Decision.id).where(Decision.supersedes_id == earlier.id)).first() is not None:
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
        append_review(
            session,
            decision,
            DecisionConditionReview(
                decision_id=decision.id, met=met, note=note.strip(), recorded_by=actor.username
            ),
        )
        mark_changed(session, Area.governance)


# ---------------------------------------------------------------- the log as pages show it


def log_frame(actor: Actor, today: dt.date | None = None) -> pl.DataFrame:
    """Every entry, newest first, with its action and objective, its meeting, the entry that
    supersedes it and the one it supersedes, the latest check of its conditions, and two flags:
    `review_overdue` (a postponement whose review date has passed with no later decision on the
    action) and `conditions_unmet` (a conditional go not yet checked as met)."""
    require(actor, Permission.read)
    today = today or clock.today()
    log = decisions_frame(actor)
    reviews = (
        read_frame(
            select(
                DecisionConditionReview.decision_id,
                DecisionConditionReview.met,
                DecisionConditionReview.note,
                DecisionConditionReview.recorded_at,
            )
            .join(Decision, Decision.id == DecisionConditionReview.decision_id)
            .where(Decision.project_id == actor.project_id)
        )
        .sort("recorded_at")
        .group_by("decision_id")
        .last()
        .rename({"met": "conditions_met", "note": "condition_note", "recorded_at": "conditions_checked_at"})
    )
    objectives = read_frame(
        select(Action.id.label("action_id"), Objective.code.label("objective_code"))  # type: ignore[attr-defined]
        .join(Objective, Objective.id == Action.objective_id)
        .where(Action.project_id == actor.project_id)
    )
    log = (
        log.join(reviews, left_on="id", right_on="decision_id", how="left")
        .join(objectives, on="action_id", how="left")
        .with_columns(pl.col("objective_code").str.split(".").list.first().alias("strategic_code"))
    )
    supersedes = log.select(
        pl.col("id").alias("supersedes_id"), pl.col("sequence").alias("supersedes_sequence")
    )
    latest_per_action = log.group_by("action_id").agg(pl.col("sequence").max().alias("latest_on_action"))
    return (
        log.join(supersedes, on="supersedes_id", how="left")
        .join(latest_per_action, on="action_id", how="left")
        .with_columns(
            (
                (pl.col("outcome") == DecisionOutcome.postponed)
                & pl.col("review_date").is_not_null()
                & (pl.col("review_date") < today)
                & (pl.col("sequence") == pl.col("latest_on_action"))
                & pl.col("superseded_by").is_null()
            ).alias("review_overdue"),
            (
                (pl.col("outcome") == DecisionOutcome.conditional_go)
                & pl.col("superseded_by").is_null()
                & ~pl.col("conditions_met").fill_null(False)
            ).alias("conditions_unmet"),
        )
        .drop("latest_on_action")
        .sort("sequence", descending=True)
    )


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
        conditions.append(
            contains_text(
                [
                    "action_code",
                    "action_title",
                    "conditions",
                    "rationale",
                    "correction_reason",
                    "meeting_title",
                    "recorded_by",
                    "recorded_by_name",
                ],
                filters.text,
            )
        )
    return log.filter(*conditions) if conditions else log


def entry(actor: Actor, decision_id: int) -> dict:
    """One entry with its evidence snapshot and its condition checks."""
    require(actor, Permission.read)
    with session_scope() as session:
        decision = session.get(Decision, decision_id)
        if decision is None or decision.project_id != actor.project_id:
            raise NotFound("error.not_found")
        checks = session.exec(
            select(DecisionConditionReview)
            .where(DecisionConditionReview.decision_id == decision_id)
            .order_by(DecisionConditionReview.recorded_at)
        ).all()
        names = display_names(session, {decision.recorded_by, *(c.recorded_by for c in checks)})
        return {
            **decision.model_dump(),
            "recorded_by_name": names[decision.recorded_by],
            "condition_reviews": [
                {**c.model_dump(), "recorded_by_name": names[c.recorded_by]} for c in checks
            ],
        }


EXPORT_COLUMNS = (
    "sequence",
    "recorded_at",
    "recorded_by",
    "action_code",
    "action_title",
    "outcome",
    "conditions",
    "rationale",
    "review_date",
    "meeting_date",
    "meeting_title",
    "supersedes_sequence",
    "correction_reason",
    "superseded_by",
    "conditions_met",
    "review_overdue",
    "conditions_unmet",
    "entry_hash",
)


def export_frame(actor: Actor, today: dt.date | None = None) -> pl.DataFrame:
    """The log for download (roles with Permission.download, as on the page). `recorded_by`
    names the recorder as the app shows them: the display name, the login only for an account
    without one."""
    require(actor, Permission.download)
    return (
        log_frame(actor, today)
        .sort("sequence")
        .with_columns(
            pl.col("recorded_at").dt.convert_time_zone("Europe/Brussels").dt.strftime("%Y-%m-%d %H:%M"),
            pl.col("recorded_by_name").alias("recorded_by"),
        )
        .select(EXPORT_COLUMNS)
    )


def export_log(actor: Actor, file_format: str) -> bytes:
    return to_file_bytes(export_frame(actor), file_format, sheet="decisions")
