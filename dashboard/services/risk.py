"""Stratified risk of the population by care region: counts per stratum, always suppressed below
5 persons before they leave this module."""

from __future__ import annotations

import polars as pl
from sqlmodel import select

from dashboard.services.suppression import suppress
from models.db import read_frame
from models.tables import CareRegion, RiskCount


def regions_frame(project_id: int) -> pl.DataFrame:
    return read_frame(
        select(CareRegion.id, CareRegion.code, CareRegion.name, CareRegion.population,
               CareRegion.geometry_source)
        .where(CareRegion.project_id == project_id).order_by(CareRegion.name)
    )


def years(project_id: int) -> list[int]:
    frame = read_frame(select(RiskCount.year).where(RiskCount.project_id == project_id)
                       .distinct())
    return sorted(frame["year"].to_list())


def stratum_totals(project_id: int, year: int) -> pl.DataFrame:
    """Persons per region and stratum in `year` (no breakdown), with the region's total and the
    stratum's share of it. Counts below 5 are null, flagged `persons_suppressed`."""
    counts = read_frame(
        select(RiskCount.region_id, RiskCount.stratum, RiskCount.persons)
        .where(RiskCount.project_id == project_id, RiskCount.year == year,
               RiskCount.age_band == "", RiskCount.sex == "", RiskCount.condition == "")
    )
    regions = regions_frame(project_id).select(pl.col("id").alias("region_id"), "code", "name")
    totals = counts.group_by("region_id").agg(pl.col("persons").sum().alias("region_persons"))
    frame = (counts.join(totals, on="region_id").join(regions, on="region_id")
             .with_columns((pl.col("persons") / pl.col("region_persons")).alias("share"))
             .sort("name", "stratum"))
    suppressed = suppress(frame, ["persons"])
    # A share computed from a suppressed count would reveal it.
    return suppressed.with_columns(
        pl.when(pl.col("persons_suppressed")).then(None).otherwise(pl.col("share")).alias("share")
    )


def project_strata(project_id: int, year: int) -> pl.DataFrame:
    """Persons per stratum over all regions in `year`, with shares (suppressed below 5)."""
    counts = read_frame(
        select(RiskCount.stratum, RiskCount.persons)
        .where(RiskCount.project_id == project_id, RiskCount.year == year,
               RiskCount.age_band == "", RiskCount.sex == "", RiskCount.condition == "")
    ).group_by("stratum").agg(pl.col("persons").sum()).sort("stratum")
    total = counts["persons"].sum()
    frame = counts.with_columns((pl.col("persons") / total).alias("share"))
    return suppress(frame, ["persons"]).with_columns(
        pl.when(pl.col("persons_suppressed")).then(None).otherwise(pl.col("share")).alias("share"))
