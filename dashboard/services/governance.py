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
from sqlalchemy.orm import aliased
from sqlmodel import Session, func, select

from models.db import read_frame, session_scope
from models.tables import Action, AgendaItem, Decision, Meeting

GENESIS_HASH = "0" * 64
HASHED_FIELDS = (
    "project_id", "sequence", "action_id", "meeting_id", "outcome", "conditions", "rationale",
    "review_date", "recorded_by", "recorded_at", "evidence", "supersedes_id", "correction_reason",
)


def _canonical(value: object) -> object:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:  # SQLite hands back naive UTC
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC).isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def entry_content(decision: Decision) -> dict:
    """The fields of an entry that its hash covers, in a database-independent form."""
    return {name: _canonical(getattr(decision, name)) for name in HASHED_FIELDS}


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


def count_decisions(session: Session, project_id: int) -> int:
    return session.exec(
        select(func.count()).select_from(Decision).where(Decision.project_id == project_id)
    ).one()


# ---------------------------------------------------------------- reads


def decisions_frame(project_id: int) -> pl.DataFrame:
    """The log, newest first: each entry with its action, meeting, and the entry that
    supersedes it (if any)."""
    superseding = aliased(Decision)
    statement = (
        select(Decision.id, Decision.sequence, Decision.recorded_at, Decision.recorded_by,
               Decision.outcome, Decision.conditions, Decision.rationale, Decision.review_date,
               Decision.supersedes_id, Decision.correction_reason, Decision.action_id,
               Action.code.label("action_code"), Action.title.label("action_title"),  # type: ignore[attr-defined]
               Action.status.label("action_status"),  # type: ignore[attr-defined]
               Meeting.held_on.label("meeting_date"), Meeting.title.label("meeting_title"),  # type: ignore[attr-defined]
               superseding.sequence.label("superseded_by"))  # type: ignore[attr-defined]
        .join(Action, Action.id == Decision.action_id)
        .join(Meeting, Meeting.id == Decision.meeting_id, isouter=True)
        .join(superseding, superseding.supersedes_id == Decision.id, isouter=True)
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
