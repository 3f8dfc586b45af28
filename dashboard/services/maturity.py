"""The SCIROCCO / B3 integrated-care maturity self-assessment: rounds, individual scores and the
consensus per dimension."""

from __future__ import annotations

import polars as pl
from sqlmodel import select

from models.db import read_frame
from models.tables import MaturityConsensus, MaturityRound, MaturityScore


def rounds_frame(project_id: int) -> pl.DataFrame:
    return read_frame(select(MaturityRound).where(MaturityRound.project_id == project_id)
                      .order_by(MaturityRound.held_on))


def consensus_frame(project_id: int) -> pl.DataFrame:
    """Consensus score per round and dimension, rounds in date order."""
    return read_frame(
        select(MaturityRound.name.label("round"), MaturityRound.held_on,  # type: ignore[attr-defined]
               MaturityConsensus.dimension, MaturityConsensus.score, MaturityConsensus.note)
        .join(MaturityRound, MaturityRound.id == MaturityConsensus.round_id)
        .where(MaturityRound.project_id == project_id)
        .order_by(MaturityRound.held_on, MaturityConsensus.dimension)
    )


def scores_frame(project_id: int) -> pl.DataFrame:
    return read_frame(
        select(MaturityRound.name.label("round"), MaturityRound.held_on,  # type: ignore[attr-defined]
               MaturityScore.assessor, MaturityScore.dimension, MaturityScore.score,
               MaturityScore.justification)
        .join(MaturityRound, MaturityRound.id == MaturityScore.round_id)
        .where(MaturityRound.project_id == project_id)
        .order_by(MaturityRound.held_on, MaturityScore.dimension, MaturityScore.assessor)
    )


def spread_by_dimension(scores: pl.DataFrame) -> pl.DataFrame:
    """Per round and dimension: median, min, max and range of the individual scores; a range of
    3 or more points is a split, not a shared view."""
    return (scores.group_by("round", "held_on", "dimension")
            .agg(pl.col("score").median().alias("median"), pl.col("score").min().alias("min"),
                 pl.col("score").max().alias("max"), pl.len().alias("assessors"))
            .with_columns((pl.col("max") - pl.col("min")).alias("range"))
            .with_columns((pl.col("range") >= 3).alias("split"))
            .sort("held_on", "dimension"))
