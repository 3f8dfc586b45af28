"""Coverage gaps: the regions and chronic strata with many persons at risk and few actions aimed at
them."""

from __future__ import annotations

from enum import StrEnum

import polars as pl

from dashboard.services.population.risk import ALL_STRATA, PROJECT, RiskData, stratum_shares

# A region and stratum is a coverage gap when the region has at least the project's share of
# people in that (chronic) stratum and at most this many actions aimed at it there (see
# `flag_gaps` for the other case).
FEW_ACTIONS = 1
GAP_STRATA = (1, 2, 3)
# ... and also when it has at least half an average region's persons in the stratum and no
# action aimed at them (a large region just below the project's share is still a large need).
MANY_PERSONS = 0.5


class GapReason(StrEnum):
    """Why a region and stratum is a coverage gap (labels: `risk.gap.<value>`)."""

    share = "share"  # at least the project's share of the stratum, few actions aimed at it
    persons = "persons"  # many persons in the stratum, no action aimed at it


def flag_gaps(frame: pl.DataFrame) -> pl.DataFrame:
    """Adds `gap` and `gap_reason` to the rows (one per region and stratum: persons, share,
    project_share, project_persons, regions, actions). A region and stratum is a gap when

    - its share is at least the project's (index >= 100) and at most FEW_ACTIONS actions aim
      at the stratum there, or
    - it has many persons in the stratum — at least MANY_PERSONS of an average region's
      (project_persons / regions) — and no action aimed at them: a big region a hair below
      the project's share (EMPACT's Roeselare, 2,043 persons in Cat. 4) is the largest need.

    A hidden count (null) flags nothing, so a flag tells nothing about a small count."""
    by_share = (pl.col("share") >= pl.col("project_share")) & (pl.col("actions") <= FEW_ACTIONS)
    by_persons = (pl.col("persons") >= MANY_PERSONS * pl.col("project_persons") / pl.col("regions")) & (
        pl.col("actions") == 0
    )
    return (
        frame.with_columns(
            by_share.fill_null(False).alias("__by_share"),
            by_persons.fill_null(False).alias("__by_persons"),
        )
        .with_columns(
            (pl.col("__by_share") | pl.col("__by_persons")).alias("gap"),
            pl.when(pl.col("__by_share"))
            .then(pl.lit(GapReason.share.value))
            .when(pl.col("__by_persons"))
            .then(pl.lit(GapReason.persons.value))
            .otherwise(None)
            .alias("gap_reason"),
        )
        .drop("__by_share", "__by_persons")
    )


def coverage_gaps(data: RiskData, year: int) -> pl.DataFrame:
    """Every region x chronic stratum in `year` (whole population): persons, share, the
    project's share, the region's index (share / project share x 100), the actions aimed at the
    stratum there, `gap` and `gap_reason` (see `flag_gaps`). Gaps first (fewest actions, most
    persons)."""
    shares = stratum_shares(data.cells).filter(pl.col("year") == year, pl.col("stratum").is_in(GAP_STRATA))
    project = shares.filter(pl.col("region_id") == PROJECT).select(
        "stratum", pl.col("share").alias("project_share"), pl.col("persons").alias("project_persons")
    )
    aimed = data.coverage.filter(pl.col("stratum") != ALL_STRATA)
    regions = shares.filter(pl.col("region_id") != PROJECT)
    frame = (
        regions.join(project, on="stratum", how="left")
        .join(aimed, on=["region_id", "stratum"], how="left")
        .join(data.regions.select("region_id", "name"), on="region_id")
        .with_columns(
            pl.col("actions").fill_null(0),
            pl.col("region_id").n_unique().over("stratum").alias("regions"),
            (pl.col("share") / pl.col("project_share") * 100).alias("index"),
        )
    )
    return (
        flag_gaps(frame)
        .select(
            "region_id",
            "name",
            "stratum",
            "persons",
            "persons_suppressed",
            "persons_masked",
            "share",
            "project_share",
            "index",
            "actions",
            "gap",
            "gap_reason",
        )
        .sort(
            ["gap", "actions", "persons", "name", "stratum"],
            descending=[True, False, True, False, False],
            nulls_last=True,
        )
    )
