"""The SCIROCCO / B3 integrated-care maturity self-assessment: rounds, individual scores, the
consensus per dimension, and the actions that address each dimension.

Who does what (decided for issue 7):
- a coordinator or an admin opens a round (Permission.open_maturity_round);
- every role but viewers scores the 12 dimensions for themselves, 0 to 5, each score with a
  short justification (Permission.score_maturity); the assessor is the user (their username,
  shown by display name), so each can change only their own scores;
- after the consensus workshop, a coordinator, a steering-committee member or an admin records
  the consensus score of each dimension (Permission.record_maturity_consensus). A round with a
  consensus is closed: individual scores no longer change; the consensus itself may still be
  corrected (who and when are kept with it);
- coordinators and admins link actions to the dimensions they address (Permission.edit_actions).

Reading the scores (shared/DOMAIN.md, data_loaders/catalogues/scirocco.py): a median of 0-2 is
"initial", 3-4 "progressing", 5 "optimising"; individual scores 3 or more points apart on a
dimension (not within one 3-point region around the median) are a split, not a shared view:
SCIROCCO then reads the dimension's level as "uncertain", itself worth discussing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import polars as pl
from sqlalchemy import delete
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, func, select

from dashboard.errors import ConflictError, InvalidInput, NotFound, ValidationFailed
from dashboard.permissions import Permission
from dashboard.services.unit_of_work import mark_changed, write_scope
from dashboard.services.access import Actor, require
from data_loaders.fields import is_one_line
from data_loaders.problems import Problems
from models.db import read_frame, session_scope
from models.tables import (
    Action,
    ActionMaturityDimension,
    MaturityConsensus,
    MaturityRound,
    MaturityScore,
    User,
    utcnow,
)
from data_loaders.catalogues.scirocco import SPLIT_LEVEL
from models.vocab import Area, MATURITY_SCORE_RANGE, ActionStatus, MaturityDimension

SPLIT_RANGE = 3  # individual scores this far apart on a dimension: a split
LOW_SCORE = 2  # a consensus (or median) at or below this is "initial"
MAX_NAME = 60
MAX_TEXT = 1000
# Actions that address a dimension: those in the plan (ideas not yet, stopped ones no longer).
ADDRESSING_STATUSES = (
    ActionStatus.planned,
    ActionStatus.in_progress,
    ActionStatus.on_hold,
    ActionStatus.done,
)
DIMENSIONS = tuple(d.value for d in MaturityDimension)


def level(score: float | None) -> str | None:
    """The maturity level of a score or median: initial (0-2), progressing (3-4), optimising
    (5); a median between two levels (2.5, 4.5) takes the lower one."""
    if score is None:
        return None
    if score < 3:
        return "initial"
    if score < 5:
        return "progressing"
    return "optimising"


def scores_level(median: float | None, split: bool) -> str | None:
    """SCIROCCO's reading of a dimension's individual scores: "uncertain" when they are split,
    whatever their median; else the median's level."""
    if split:
        return SPLIT_LEVEL
    return level(median)


# ---------------------------------------------------------------- reads


def rounds_frame_of(project_id: int, session: Session | None = None) -> pl.DataFrame:
    """The project's rounds, oldest first, with how many assessors scored and whether the
    consensus is recorded (`closed`)."""
    rounds = read_frame(
        select(MaturityRound)
        .where(MaturityRound.project_id == project_id)
        .order_by(MaturityRound.held_on, MaturityRound.id),
        session,
    )
    assessors = read_frame(
        select(MaturityScore.round_id, func.count(func.distinct(MaturityScore.assessor)).label("assessors"))
        .join(MaturityRound, MaturityRound.id == MaturityScore.round_id)
        .where(MaturityRound.project_id == project_id)
        .group_by(MaturityScore.round_id),
        session,
        schema_overrides={"round_id": pl.Int64, "assessors": pl.Int64},
    )
    consensus = read_frame(
        select(MaturityConsensus.round_id, func.count(MaturityConsensus.id).label("consensus_dimensions"))
        .join(MaturityRound, MaturityRound.id == MaturityConsensus.round_id)
        .where(MaturityRound.project_id == project_id)
        .group_by(MaturityConsensus.round_id),
        session,
        schema_overrides={"round_id": pl.Int64, "consensus_dimensions": pl.Int64},
    )
    return (
        rounds.join(assessors, left_on="id", right_on="round_id", how="left")
        .join(consensus, left_on="id", right_on="round_id", how="left")
        .with_columns(pl.col("assessors").fill_null(0), pl.col("consensus_dimensions").fill_null(0))
        .with_columns((pl.col("consensus_dimensions") > 0).alias("closed"))
    )


def consensus_frame(actor: Actor) -> pl.DataFrame:
    """Consensus score per round and dimension of the actor's project, rounds in date order."""
    require(actor, Permission.read)
    return consensus_frame_of(actor.project_id)


def consensus_frame_of(project_id: int, session: Session | None = None) -> pl.DataFrame:
    """Consensus score per round and dimension, rounds in date order."""
    return read_frame(
        select(
            MaturityRound.id.label("round_id"),  # type: ignore[union-attr]
            MaturityRound.name.label("round"),
            MaturityRound.held_on,  # type: ignore[attr-defined]
            MaturityConsensus.dimension,
            MaturityConsensus.score,
            MaturityConsensus.note,
            MaturityConsensus.recorded_by,
            MaturityConsensus.recorded_at,
        )
        .join(MaturityRound, MaturityRound.id == MaturityConsensus.round_id)
        .where(MaturityRound.project_id == project_id)
        .order_by(MaturityRound.held_on, MaturityConsensus.dimension),
        session,
    )


def scores_frame_of(project_id: int, session: Session | None = None) -> pl.DataFrame:
    """Every individual score, with the assessor's display name (`assessor_name`: the stored
    name itself when it is not a user's, e.g. a group that scored together)."""
    scores = read_frame(
        select(
            MaturityRound.id.label("round_id"),  # type: ignore[union-attr]
            MaturityRound.name.label("round"),
            MaturityRound.held_on,  # type: ignore[attr-defined]
            MaturityScore.assessor,
            MaturityScore.dimension,
            MaturityScore.score,
            MaturityScore.justification,
            User.display_name,
        )
        .join(MaturityRound, MaturityRound.id == MaturityScore.round_id)
        .join(User, User.username == MaturityScore.assessor, isouter=True)
        .where(MaturityRound.project_id == project_id)
        .order_by(MaturityRound.held_on, MaturityScore.dimension, MaturityScore.assessor),
        session,
    )
    return scores.with_columns(
        pl.when(pl.col("display_name").is_null() | (pl.col("display_name") == ""))
        .then(pl.col("assessor"))
        .otherwise(pl.col("display_name"))
        .alias("assessor_name"),
    ).drop("display_name")


def spread_by_dimension(scores: pl.DataFrame) -> pl.DataFrame:
    """Per round and dimension: median, min, max and range of the individual scores, and
    `split` when they are SPLIT_RANGE or more points apart."""
    return (
        scores.group_by("round", "held_on", "dimension")
        .agg(
            pl.col("score").median().alias("median"),
            pl.col("score").min().alias("min"),
            pl.col("score").max().alias("max"),
            pl.len().alias("assessors"),
        )
        .with_columns((pl.col("max") - pl.col("min")).alias("range"))
        .with_columns((pl.col("range") >= SPLIT_RANGE).alias("split"))
        .sort("held_on", "dimension")
    )


def score_distribution(scores: pl.DataFrame) -> pl.DataFrame:
    """How many assessors gave each score, per dimension (one round's scores), with their
    names: what the spread chart draws."""
    return (
        scores.group_by("dimension", "score")
        .agg(pl.len().alias("assessors"), pl.col("assessor_name").sort().str.join(", ").alias("names"))
        .sort("dimension", "score")
    )


def dimension_actions_of(project_id: int, session: Session | None = None) -> pl.DataFrame:
    """Every link between a dimension and an action: dimension, action id, code, title,
    status."""
    return read_frame(
        select(
            ActionMaturityDimension.dimension,
            Action.id.label("action_id"),  # type: ignore[union-attr]
            Action.code,
            Action.title,
            Action.status,
        )
        .join(Action, Action.id == ActionMaturityDimension.action_id)
        .where(Action.project_id == project_id)
        .order_by(ActionMaturityDimension.dimension, Action.code),
        session,
    )


def dimension_summary(
    consensus: pl.DataFrame, scores: pl.DataFrame, links: pl.DataFrame, round_id: int, previous_id: int | None
) -> pl.DataFrame:
    """One row per dimension (1-12) for a round: its consensus, the previous round's and the
    change; the individual scores' median, min, max, range and split; the actions addressing
    it (`actions`: those in the plan; `action_codes`; `linked`: every linked action, ideas and
    stopped ones too); and `low_without_action` when its
    consensus (or, before the consensus, the median) is LOW_SCORE or less and no action in the
    plan addresses it."""
    dimensions = pl.DataFrame({"dimension": list(DIMENSIONS)}, schema={"dimension": pl.Int64})
    this = consensus.filter(pl.col("round_id") == round_id).select(
        "dimension", pl.col("score").alias("consensus"), "note"
    )
    before = consensus.filter(pl.col("round_id").is_in([previous_id] if previous_id else [])).select(
        "dimension", pl.col("score").alias("previous")
    )
    spread = spread_by_dimension(scores.filter(pl.col("round_id") == round_id)).select(
        "dimension", "median", "min", "max", "range", "split", "assessors"
    )
    addressing = (
        links.filter(pl.col("status").is_in([s.value for s in ADDRESSING_STATUSES]))
        .sort("code")
        .group_by("dimension")
        .agg(pl.len().alias("actions"), pl.col("code").alias("action_codes"))
    )
    linked = links.group_by("dimension").agg(pl.len().alias("linked"))
    frame = (
        dimensions.join(this, on="dimension", how="left")
        .join(before, on="dimension", how="left")
        .join(spread, on="dimension", how="left")
        .join(addressing, on="dimension", how="left")
        .join(linked, on="dimension", how="left")
        .with_columns(
            (pl.col("consensus") - pl.col("previous")).alias("change"),
            pl.col("actions").fill_null(0).cast(pl.Int64),
            pl.col("linked").fill_null(0).cast(pl.Int64),
            pl.col("action_codes").fill_null(pl.lit([], dtype=pl.List(pl.String))),
            pl.col("split").fill_null(False),
            pl.col("assessors").fill_null(0).cast(pl.Int64),
        )
    )
    judged = pl.coalesce(pl.col("consensus").cast(pl.Float64), pl.col("median"))
    return frame.with_columns(
        (judged.is_not_null() & (judged <= LOW_SCORE) & (pl.col("actions") == 0)).alias("low_without_action")
    ).sort("dimension")


def radar_frame(consensus: pl.DataFrame, round_ids: Sequence[int]) -> pl.DataFrame:
    """The consensus of the given rounds (e.g. this one and the one before), one row per round
    and dimension: round, held_on, dimension, score."""
    return (
        consensus.filter(pl.col("round_id").is_in(list(round_ids)))
        .select("round_id", "round", "held_on", "dimension", "score")
        .sort("held_on", "dimension")
    )


@dataclass(frozen=True)
class MaturityView:
    """What the maturity page shows for one round."""

    rounds: pl.DataFrame  # rounds_frame
    round: dict  # the chosen round (a row of rounds)
    previous: dict | None  # the round before it, if any
    summary: pl.DataFrame  # dimension_summary
    scores: pl.DataFrame  # this round's individual scores (scores_frame)
    consensus: pl.DataFrame  # consensus_frame of this round and the previous one
    links: pl.DataFrame  # dimension_actions
    my_scores: pl.DataFrame  # the actor's own scores of this round


def maturity_view(actor: Actor, round_id: int | None = None) -> MaturityView | None:
    """One round (default: the latest) with everything the page shows; None without rounds."""
    require(actor, Permission.read)
    with session_scope() as session:
        rounds = rounds_frame_of(actor.project_id, session)
        if rounds.height == 0:
            return None
        ids = rounds["id"].to_list()
        if round_id not in ids:
            round_id = ids[-1]
        position = ids.index(round_id)
        previous_id = ids[position - 1] if position > 0 else None
        consensus = consensus_frame_of(actor.project_id, session)
        scores = scores_frame_of(actor.project_id, session)
        links = dimension_actions_of(actor.project_id, session)
    this_round = scores.filter(pl.col("round_id") == round_id)
    return MaturityView(
        rounds=rounds,
        round=rounds.row(position, named=True),
        previous=rounds.row(position - 1, named=True) if previous_id else None,
        summary=dimension_summary(consensus, scores, links, round_id, previous_id),
        scores=this_round,
        consensus=radar_frame(consensus, [i for i in (previous_id, round_id) if i]),
        links=links,
        my_scores=this_round.filter(pl.col("assessor") == actor.username),
    )


# ---------------------------------------------------------------- writes


def _project_round(session: Session, actor: Actor, round_id: int) -> MaturityRound:
    maturity_round = session.get(MaturityRound, round_id)
    if maturity_round is None or maturity_round.project_id != actor.project_id:
        raise NotFound("error.not_found")
    return maturity_round


def _is_closed(session: Session, round_id: int) -> bool:
    return (
        session.exec(select(MaturityConsensus.id).where(MaturityConsensus.round_id == round_id)).first()
        is not None
    )


def open_round(actor: Actor, name: str, held_on: dt.date) -> int:
    """Open a new assessment round (coordinators, admins); returns its id."""
    require(actor, Permission.open_maturity_round)
    name = (name or "").strip()
    problems = Problems()
    if not name:
        problems.add("problem.empty_cell", column="name")
    elif not is_one_line(name):
        problems.add("problem.line_break", column="name", value=name)
    elif len(name) > MAX_NAME:
        problems.add("problem.maturity.too_long", column="name", value=name, limit=MAX_NAME)
    if not isinstance(held_on, dt.date):
        problems.add("problem.bad_date", column="held_on", value=held_on)
    with write_scope(actor, Permission.open_maturity_round) as session:
        if (
            name
            and session.exec(
                select(MaturityRound.id).where(
                    MaturityRound.project_id == actor.project_id, MaturityRound.name == name
                )
            ).first()
            is not None
        ):
            problems.add("problem.maturity.round_exists", column="name", value=name)
        if problems:
            raise ValidationFailed(problems.items)
        maturity_round = MaturityRound(project_id=actor.project_id, name=name, held_on=held_on)
        session.add(maturity_round)
        session.flush()
        mark_changed(session, Area.evaluation)
        return maturity_round.id  # type: ignore[return-value]


@dataclass(frozen=True)
class DimensionScore:
    """A score (None: not scored) given to one dimension, with its justification or note."""

    dimension: int
    score: int | None
    text: str = ""


def _check_scores(entries: Sequence[DimensionScore], require_text: bool) -> Problems:
    problems = Problems()
    low, high = MATURITY_SCORE_RANGE
    seen: set[int] = set()
    for entry in entries:
        record = str(entry.dimension)
        if entry.dimension not in DIMENSIONS or entry.dimension in seen:
            problems.add(
                "problem.maturity.bad_dimension", record=record, column="dimension", value=entry.dimension
            )
            continue
        seen.add(entry.dimension)
        text = (entry.text or "").strip()
        if entry.score is not None and (
            isinstance(entry.score, bool)
            or not isinstance(entry.score, int)
            or not low <= entry.score <= high
        ):
            problems.add(
                "problem.maturity.bad_score",
                record=record,
                column="score",
                value=entry.score,
                low=low,
                high=high,
            )
        if require_text and entry.score is not None and not text:
            problems.add("problem.maturity.justification_required", record=record, column="justification")
        if len(text) > MAX_TEXT:
            problems.add(
                "problem.maturity.too_long",
                record=record,
                column="justification",
                value=text[:40] + "…",
                limit=MAX_TEXT,
            )
    return problems


def save_my_scores(actor: Actor, round_id: int, entries: Sequence[DimensionScore]) -> int:
    """The actor's own scores of a round (every role but viewers): each given score 0-5 with a
    justification; a dimension left without a score removes the actor's score of it. Refused
    once the round's consensus is recorded. Returns how many scores changed."""
    require(actor, Permission.score_maturity)
    problems = _check_scores(entries, require_text=True)
    with write_scope(actor, Permission.score_maturity) as session:
        maturity_round = _project_round(session, actor, round_id)
        if _is_closed(session, round_id):
            raise InvalidInput("error.maturity_round_closed", round=maturity_round.name)
        if problems:
            raise ValidationFailed(problems.items)
        mine = {
            s.dimension: s
            for s in session.exec(
                select(MaturityScore).where(
                    MaturityScore.round_id == round_id, MaturityScore.assessor == actor.username
                )
            )
        }
        changed = _write_scores(
            session,
            mine,
            entries,
            "justification",
            lambda entry, text: MaturityScore(
                round_id=round_id,
                assessor=actor.username,
                dimension=entry.dimension,
                score=entry.score,
                justification=text,
            ),
        )
        if changed:
            mark_changed(session, Area.evaluation)
        return changed


def _write_scores(
    session: Session,
    current: dict[int, MaturityScore | MaturityConsensus],
    entries: Sequence[DimensionScore],
    text_field: str,
    new_row: Callable[[DimensionScore, str], object],
    on_change: Callable[[object], None] | None = None,
) -> int:
    """Make the stored rows (one per dimension, `current`) what `entries` say: a row added
    for a new score, changed for a different score or text, deleted for no score. Returns how
    many dimensions changed."""
    changed = 0
    for entry in entries:
        row = current.get(entry.dimension)
        text = (entry.text or "").strip()
        if entry.score is None:
            if row is not None:
                session.delete(row)
                changed += 1
        elif row is None:
            session.add(new_row(entry, text))
            changed += 1
        elif (row.score, getattr(row, text_field)) != (entry.score, text):
            row.score = entry.score
            setattr(row, text_field, text)
            if on_change:
                on_change(row)
            changed += 1
    return changed


def record_consensus(
    actor: Actor, round_id: int, entries: Sequence[DimensionScore], *, version: int | None = None
) -> int:
    """The consensus scores of a round after the workshop (coordinators, steering committee,
    admins), with a note each; a dimension left without a score has no consensus. Recording
    closes the round to individual scoring. Returns how many dimensions changed.

    `version`: the round's version the user saw (`MaturityRound.version`, bumped by every change
    of its consensus); a save over a newer consensus is refused (ConflictError)."""
    require(actor, Permission.record_maturity_consensus)
    problems = _check_scores(entries, require_text=False)
    try:
        return _record_consensus(actor, round_id, entries, version, problems)
    except StaleDataError:  # saved by someone else between our read and our write
        with session_scope() as session:
            name = _project_round(session, actor, round_id).name
        raise ConflictError("error.consensus_conflict", round=name) from None


def _record_consensus(
    actor: Actor,
    round_id: int,
    entries: Sequence[DimensionScore],
    version: int | None,
    problems: Problems,
) -> int:
    with write_scope(actor, Permission.record_maturity_consensus) as session:
        maturity_round = _project_round(session, actor, round_id)
        if version is not None and maturity_round.version != version:
            raise ConflictError("error.consensus_conflict", round=maturity_round.name)
        if problems:
            raise ValidationFailed(problems.items)
        if all(entry.score is None for entry in entries) and not _is_closed(session, round_id):
            raise InvalidInput("error.maturity_empty_consensus")
        recorded = {
            c.dimension: c
            for c in session.exec(select(MaturityConsensus).where(MaturityConsensus.round_id == round_id))
        }

        def corrected(row: MaturityConsensus) -> None:
            row.recorded_by, row.recorded_at = actor.display_name, utcnow()

        changed = _write_scores(
            session,
            recorded,
            entries,
            "note",
            lambda entry, note: MaturityConsensus(
                round_id=round_id,
                dimension=entry.dimension,
                score=entry.score,
                note=note,
                recorded_by=actor.display_name,
            ),
            corrected,
        )
        if changed:
            flag_modified(maturity_round, "name")  # the round's version counts its consensus
            session.flush()  # the version check happens here
            mark_changed(session, Area.evaluation)
        return changed


def set_dimension_actions(actor: Actor, dimension: int, action_ids: Sequence[int]) -> int:
    """The actions that address a dimension (coordinators, admins): links added and removed
    so that exactly `action_ids` address it. Returns how many links changed."""
    require(actor, Permission.edit_actions)
    if dimension not in DIMENSIONS:
        raise InvalidInput("error.maturity_bad_dimension", dimension=dimension)
    with write_scope(actor, Permission.edit_actions) as session:
        project_actions = set(
            session.exec(select(Action.id).where(Action.project_id == actor.project_id)).all()
        )
        unknown = [i for i in action_ids if i not in project_actions]
        if unknown:
            raise NotFound("error.not_found")
        linked = set(
            session.exec(
                select(ActionMaturityDimension.action_id)
                .join(Action, Action.id == ActionMaturityDimension.action_id)
                .where(Action.project_id == actor.project_id, ActionMaturityDimension.dimension == dimension)
            ).all()
        )
        wanted = set(action_ids)
        if linked - wanted:
            session.exec(
                delete(ActionMaturityDimension).where(  # type: ignore[call-overload]
                    ActionMaturityDimension.dimension == dimension,
                    ActionMaturityDimension.action_id.in_(sorted(linked - wanted)),
                )
            )  # type: ignore[attr-defined]
        session.add_all(
            ActionMaturityDimension(action_id=action_id, dimension=dimension)
            for action_id in sorted(wanted - linked)
        )
        changed = len(linked ^ wanted)
        if changed:
            mark_changed(session, Area.evaluation)
        return changed
