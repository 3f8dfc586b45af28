"""Stratified risk of the population by care region: what the Risk map page shows.

Counts of persons never leave this module below 5. Everything the page can show for a project —
each region and the whole project, each stratum and all strata, each age band and all ages, each
sex and both, every year — is built as one table of cells with its margins and suppressed at once
(`services.suppression.suppress_in_margins`), so that no view, total or difference between views
reveals a small count. Shares, rates and changes computed from a suppressed count are null and
flagged too. Beside each `<column>_suppressed` flag, `<column>_masked` says the value is hidden
only so that a small count cannot be worked out (no count under it is below 5): pages show it
as "masked", not as "< 5".

The pure functions over frames (cells, measures, coverage; colour classes in `risk_classes`,
coverage gaps in `risk_gaps`) take what `load_risk_data` read, so pages can cache that read under the project's data version.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from enum import StrEnum

import polars as pl
from shapely import set_precision
from shapely.geometry import mapping, shape
from sqlalchemy import String, cast
from sqlmodel import func, select

from dashboard.permissions import Permission
from dashboard.services.actions import portfolio
from dashboard.services.access import Actor, require
from dashboard.services.suppression import (
    SUPPRESSED_TEXT,
    suppress_in_margins,
)
from data_loaders.geo import geometry_bounds, label_point
from models.db import read_frame
from models.tables import CareRegion, NationalRiskReference, RegionPopulation, RiskCount
from models.vocab import RiskStratum

# Sentinels of the margins (instead of nulls, so that joins and pivots keep them).
PROJECT = 0  # region_id of the whole project
ALL_STRATA = -1  # stratum of the population (all strata)
ALL = ""  # age band / sex meaning all (as stored in RiskCount)
STRATA = tuple(int(s) for s in RiskStratum)
# The source of the demo's synthetic national reference, as stored (the page names it in the
# reader's language); databases loaded before it was neutral hold the English sentence.
DEMO_REFERENCE_SOURCE = "demo"
DEMO_REFERENCE_SOURCES = (DEMO_REFERENCE_SOURCE, "Synthetic national reference (demo)")


class Measure(StrEnum):
    """What the map colours the regions by (labels: `risk.measure.<value>`)."""

    share = "share"  # persons in the stratum, % of the population
    count = "count"  # persons in the stratum
    rate = "rate"  # persons in the stratum per 1,000 inhabitants
    prevalence = "prevalence"  # persons with a condition per 1,000 inhabitants
    change = "change"  # change of the share since a base year, in percentage points


# The column of the region table that holds each measure, and its suppression flag.
MEASURE_COLUMN = {
    Measure.share: "share",
    Measure.count: "persons",
    Measure.rate: "rate",
    Measure.prevalence: "prevalence",
    Measure.change: "change",
}


@dataclass(frozen=True)
class RiskView:
    """What the user chose to look at."""

    year: int
    measure: Measure = Measure.share
    stratum: int = 3
    condition: str | None = None
    age_band: str = ALL
    sex: str = ALL
    base_year: int | None = None


@dataclass(frozen=True)
class RiskData:
    """Everything the Risk map page needs from the database, already suppressed."""

    regions: pl.DataFrame  # region_id, code, name, geometry (GeoJSON text), source, label point
    cells: pl.DataFrame  # year, region_id, stratum, age_band, sex, persons, persons_suppressed,
    #                      persons_masked
    conditions: pl.DataFrame  # year, region_id, condition, age_band, sex, persons, ..._suppressed
    national: pl.DataFrame  # year, stratum, share, source
    coverage: pl.DataFrame  # region_id (PROJECT: all), stratum (ALL_STRATA: any), actions
    bounds: tuple[float, float, float, float] | None  # west, south, east, north

    # What the project has in the database, when `cells` / `conditions` hold only part of it
    # (the page reads and suppresses the years and the condition it shows): None = as in the
    # frames.
    year_list: tuple[int, ...] | None = None
    condition_list: tuple[str, ...] | None = None
    age_band_list: tuple[str, ...] | None = None
    sex_list: tuple[str, ...] | None = None

    @property
    def years(self) -> list[int]:
        if self.year_list is not None:
            return sorted(self.year_list)
        return sorted(self.cells["year"].unique().to_list())

    @property
    def age_bands(self) -> list[str]:
        bands = self.cells["age_band"].unique() if self.age_band_list is None else self.age_band_list
        return sorted((b for b in bands if b), key=age_band_key)

    @property
    def sexes(self) -> list[str]:
        sexes = self.cells["sex"].unique() if self.sex_list is None else self.sex_list
        return sorted(s for s in sexes if s)

    @property
    def condition_keys(self) -> list[str]:
        if self.condition_list is not None:
            return sorted(self.condition_list)
        return sorted(self.conditions["condition"].unique().to_list())

    @property
    def sources(self) -> list[str]:
        return sorted({s for s in self.regions["geometry_source"] if s})


def age_band_key(band: str) -> tuple[int, str]:
    """ "0-17" < "18-44" < ... < "75+" (by the first age)."""
    match = re.match(r"\d+", band)
    return (int(match.group()) if match else 10_000, band)


# ---------------------------------------------------------------- reads


def regions_frame(actor: Actor) -> pl.DataFrame:
    require(actor, Permission.read)
    project_id = actor.project_id
    return read_frame(
        select(
            CareRegion.id, CareRegion.code, CareRegion.name, CareRegion.population, CareRegion.geometry_source
        )
        .where(CareRegion.project_id == project_id)
        .order_by(CareRegion.name)
    )


def years(actor: Actor) -> list[int]:
    require(actor, Permission.read)
    project_id = actor.project_id
    frame = read_frame(select(RiskCount.year).where(RiskCount.project_id == project_id).distinct())
    return sorted(frame["year"].to_list())


def project_strata(actor: Actor, year: int) -> pl.DataFrame:
    """The whole project's persons and share per stratum in `year`, as the Risk map shows them
    (suppressed with their margins; the share of the recorded population). Built from the
    finest counts the project has: a file by age band and sex has no total rows, and summing
    only total rows gave 0 % for such a project."""
    require(actor, Permission.read)
    shares = stratum_shares(_year_cells(actor.project_id, [year]))
    return (
        shares.filter(pl.col("region_id") == PROJECT)
        .select("stratum", "persons", "persons_suppressed", "share")
        .sort("stratum")
    )


def _region_shapes(project_id: int) -> tuple[pl.DataFrame, tuple | None]:
    """The project's regions with their geometry (GeoJSON text, simplified for the map: see
    `display_tolerance`) and a point inside each for its label, and the bounds of all
    geometries."""
    frame = read_frame(
        select(
            CareRegion.id.label("region_id"),
            CareRegion.code,
            CareRegion.name,
            cast(CareRegion.geometry, String).label("geometry"),
            CareRegion.geometry_source,
        )
        .where(CareRegion.project_id == project_id)
        .order_by(CareRegion.name),
        schema_overrides={"geometry": pl.String},
    )
    geometries = [json.loads(g) if isinstance(g, str) else g for g in frame["geometry"]]
    present = [g for g in geometries if g]
    bounds = geometry_bounds(present) if present else None
    tolerance = display_tolerance(bounds) if bounds else 0.0
    points = [label_point(g) if g else (None, None) for g in geometries]
    frame = pl.DataFrame(
        {
            "region_id": frame["region_id"],
            "code": frame["code"],
            "name": frame["name"],
            "geometry": [
                json.dumps(display_geometry(g, tolerance), separators=(",", ":")) if g else None
                for g in geometries
            ],
            "geometry_source": frame["geometry_source"].fill_null(""),
            "label_lon": [p[0] for p in points],
            "label_lat": [p[1] for p in points],
        },
        schema={
            "region_id": pl.Int64,
            "code": pl.String,
            "name": pl.String,
            "geometry": pl.String,
            "geometry_source": pl.String,
            "label_lon": pl.Float64,
            "label_lat": pl.Float64,
        },
    )
    return frame, bounds


def _counts(project_id: int, years: list[int] | None = None) -> pl.DataFrame:
    """The stratum counts (no condition) of the project, of `years` (None: all)."""
    statement = select(
        RiskCount.region_id,
        RiskCount.year,
        RiskCount.stratum,
        RiskCount.age_band,
        RiskCount.sex,
        RiskCount.condition,
        RiskCount.persons,
    ).where(RiskCount.project_id == project_id, RiskCount.condition == ALL)
    if years is not None:
        statement = statement.where(RiskCount.year.in_(years))
    return read_frame(statement)


def _condition_counts(project_id: int, condition: str | None = None) -> pl.DataFrame:
    """Persons with each condition (or `condition`), all strata added up in the database."""
    statement = (
        select(
            RiskCount.region_id,
            RiskCount.year,
            RiskCount.age_band,
            RiskCount.sex,
            RiskCount.condition,
            func.sum(RiskCount.persons).label("persons"),
        )
        .where(RiskCount.project_id == project_id, RiskCount.condition != ALL)
        .group_by(RiskCount.region_id, RiskCount.year, RiskCount.age_band, RiskCount.sex, RiskCount.condition)
    )
    if condition is not None:
        statement = statement.where(RiskCount.condition == condition)
    return read_frame(statement, schema_overrides={"persons": pl.Int64})


def _populations(project_id: int, years: list[int] | None = None) -> pl.DataFrame:
    statement = (
        select(RegionPopulation.region_id, RegionPopulation.year, RegionPopulation.population)
        .join(CareRegion, CareRegion.id == RegionPopulation.region_id)
        .where(CareRegion.project_id == project_id)
    )
    if years is not None:
        statement = statement.where(RegionPopulation.year.in_(years))
    return read_frame(statement)


def _risk_base(project_id: int) -> RiskData:
    """What the Risk map shows that does not depend on the year or condition chosen: the
    regions and their outlines, the national reference, which years, conditions, age bands and
    sexes the counts have. No cells (see `_year_cells`, `_condition_cells`) and no
    coverage (it depends on the actions: `_coverage`)."""
    national = read_frame(
        select(
            NationalRiskReference.year,
            NationalRiskReference.stratum,
            NationalRiskReference.share,
            NationalRiskReference.source,
        )
    )
    regions, bounds = _region_shapes(project_id)
    breakdowns = read_frame(
        select(RiskCount.year, RiskCount.age_band, RiskCount.sex)
        .where(RiskCount.project_id == project_id, RiskCount.condition == ALL)
        .distinct()
    )
    conditions = read_frame(
        select(RiskCount.condition)
        .where(RiskCount.project_id == project_id, RiskCount.condition != ALL)
        .distinct()
    )
    return RiskData(
        regions=regions,
        cells=stratum_cells(_counts(project_id, []), _populations(project_id, [])),
        conditions=condition_cells(_condition_counts(project_id, "")),
        national=national,
        coverage=_coverage(project_id, regions),
        bounds=bounds,
        year_list=tuple(sorted(set(breakdowns["year"]))),
        condition_list=tuple(sorted(conditions["condition"])),
        age_band_list=tuple(sorted(set(breakdowns["age_band"]))),
        sex_list=tuple(sorted(set(breakdowns["sex"]))),
    )


def _year_cells(project_id: int, years: list[int]) -> pl.DataFrame:
    """The stratum cells of `years`, suppressed (each year is suppressed on its own, so the
    cells of a year are the same whichever other years are read with it)."""
    return stratum_cells(_counts(project_id, years), _populations(project_id, years))


def _condition_cells(project_id: int, condition: str | None = None) -> pl.DataFrame:
    """The cells of `condition` (None: every condition), every year, suppressed (each year and
    condition on its own)."""
    return condition_cells(_condition_counts(project_id, condition))


def _coverage(project_id: int, regions: pl.DataFrame) -> pl.DataFrame:
    return action_coverage(portfolio.actions_frame_of(project_id), regions)


# The reads pages make: each checks that the actor may read the project's data.


def load_risk_base(actor: Actor) -> RiskData:
    """`_risk_base` of the actor's project: what the Risk map shows whatever the year or
    condition chosen."""
    require(actor, Permission.read)
    return _risk_base(actor.project_id)


def load_year_cells(actor: Actor, years: list[int]) -> pl.DataFrame:
    """`_year_cells` of the actor's project: the suppressed stratum cells of `years`."""
    require(actor, Permission.read)
    return _year_cells(actor.project_id, years)


def load_condition_cells(actor: Actor, condition: str | None = None) -> pl.DataFrame:
    """`_condition_cells` of the actor's project: the suppressed cells of `condition`."""
    require(actor, Permission.read)
    return _condition_cells(actor.project_id, condition)


def load_coverage(actor: Actor, regions: pl.DataFrame) -> pl.DataFrame:
    """The actor's project's actions per region and stratum, for the map's labels."""
    require(actor, Permission.read)
    return _coverage(actor.project_id, regions)


def with_parts(
    base: RiskData,
    cells: pl.DataFrame | None = None,
    conditions: pl.DataFrame | None = None,
    coverage: pl.DataFrame | None = None,
) -> RiskData:
    """`base` with the cells, conditions and coverage read apart (None: as in `base`)."""
    return replace(
        base,
        cells=base.cells if cells is None else cells,
        conditions=base.conditions if conditions is None else conditions,
        coverage=base.coverage if coverage is None else coverage,
    )


def load_risk_data(actor: Actor) -> RiskData:
    """Read and suppress everything the Risk map shows for the actor's project, every year and
    condition (the page reads them apart; exports and benchmarks read them whole)."""
    require(actor, Permission.read)
    base = _risk_base(actor.project_id)
    return with_parts(
        base, cells=_year_cells(actor.project_id, base.years), conditions=_condition_cells(actor.project_id)
    )


# Outlines are simplified to a quarter of a pixel of the map showing the project whole
# (deck.gl's 512-pixel world at the initial zoom, MAP_WIDTH_PIXELS wide): invisible at that zoom
# and two zoom levels in, and a national map of 565 municipalities well under 1 MB.
MAP_WIDTH_PIXELS = 820
SIMPLIFY_PIXELS = 0.25
COORDINATE_DECIMALS = 5  # about 1 m


def display_tolerance(bounds: tuple[float, float, float, float]) -> float:
    """The simplification tolerance (degrees) of the outlines of a map showing `bounds`."""
    west, south, east, north = bounds
    extent = max(east - west, (north - south) * 1.6)  # a degree of latitude is longer
    return extent / MAP_WIDTH_PIXELS * SIMPLIFY_PIXELS


def display_geometry(geometry: dict, tolerance: float) -> dict:
    """A GeoJSON geometry simplified (keeping its topology: no ring crosses itself or
    vanishes) within `tolerance` degrees, coordinates rounded to COORDINATE_DECIMALS."""
    shaped = shape(geometry)
    if tolerance > 0:
        shaped = shaped.simplify(tolerance, preserve_topology=True)
    shaped = set_precision(shaped, 10**-COORDINATE_DECIMALS)
    if shaped.is_empty:  # a sliver smaller than the grid: keep the outline as given
        return geometry
    mapped = mapping(shaped)
    return json.loads(json.dumps(mapped), parse_float=lambda v: round(float(v), COORDINATE_DECIMALS))


# ---------------------------------------------------------------- cells and their margins


def _with_breakdown_totals(frame: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
    """Adds the cells "all ages" and "both sexes" that the file did not give, by adding up the
    finer ones (age band x sex first, then age band alone or sex alone). Given cells win."""
    by_band_and_sex = frame.filter((pl.col("age_band") != ALL) & (pl.col("sex") != ALL))
    by_band = frame.filter((pl.col("age_band") != ALL) & (pl.col("sex") == ALL))
    by_sex = frame.filter((pl.col("age_band") == ALL) & (pl.col("sex") != ALL))
    persons = pl.col("persons").sum()

    def added(source: pl.DataFrame, over: list[str], age_band: bool, sex: bool) -> pl.DataFrame:
        summed = source.group_by(keys + over).agg(persons)
        return summed.with_columns(
            *([pl.lit(ALL).alias("age_band")] if age_band else []),
            *([pl.lit(ALL).alias("sex")] if sex else []),
        ).select(frame.columns)

    candidates = [
        frame,
        added(by_band_and_sex, ["age_band"], False, True),
        added(by_band_and_sex, ["sex"], True, False),
        added(by_band_and_sex, [], True, True),
        added(by_band, [], True, True),
        added(by_sex, [], True, True),
    ]
    return pl.concat(candidates).unique(keys + ["age_band", "sex"], keep="first", maintain_order=True)


def stratum_cells(counts: pl.DataFrame, populations: pl.DataFrame) -> pl.DataFrame:
    """Persons per year x region (and PROJECT) x stratum (and ALL_STRATA) x age band (and all) x
    sex (and both), suppressed with all their margins.

    `counts`: RiskCount rows (region_id, year, stratum, age_band, sex, condition, persons);
    only rows without a condition are used. `populations`: region_id, year, population; the
    population of a region (all ages, both sexes) is its recorded population when there is one,
    else the sum of its strata.
    """
    base = counts.filter(pl.col("condition") == ALL).select(
        "year", "region_id", "stratum", "age_band", "sex", pl.col("persons").cast(pl.Int64)
    )
    cells = _with_breakdown_totals(base, ["year", "region_id", "stratum"])
    strata_sums = (
        cells.group_by("year", "region_id", "age_band", "sex")
        .agg(pl.col("persons").sum())
        .with_columns(pl.lit(ALL_STRATA, dtype=pl.Int64).alias("stratum"))
    )
    recorded = populations.select(
        "year", "region_id", pl.col("population").cast(pl.Int64).alias("__population")
    )
    strata_sums = (
        strata_sums.join(recorded, on=["year", "region_id"], how="left")
        .with_columns(
            pl.when(
                (pl.col("age_band") == ALL) & (pl.col("sex") == ALL) & pl.col("__population").is_not_null()
            )
            .then(pl.col("__population"))
            .otherwise(pl.col("persons"))
            .alias("persons")
        )
        .drop("__population")
        .select(cells.columns)
    )
    cells = pl.concat([cells, strata_sums])
    project = (
        cells.group_by("year", "stratum", "age_band", "sex")
        .agg(pl.col("persons").sum())
        .with_columns(pl.lit(PROJECT, dtype=pl.Int64).alias("region_id"))
        .select(cells.columns)
    )
    cells = pl.concat([cells, project]).sort("year", "region_id", "stratum", "age_band", "sex")
    return suppress_in_margins(
        cells,
        "persons",
        {"region_id": PROJECT, "stratum": ALL_STRATA, "age_band": ALL, "sex": ALL},
        keys=("year",),
    )


def condition_cells(counts: pl.DataFrame) -> pl.DataFrame:
    """Persons with each condition (all strata together) per year x region (and PROJECT) x age
    band (and all) x sex (and both), suppressed with their margins."""
    base = (
        counts.filter(pl.col("condition") != ALL)
        .group_by("year", "region_id", "condition", "age_band", "sex")
        .agg(pl.col("persons").sum().cast(pl.Int64))
        .select("year", "region_id", "condition", "age_band", "sex", "persons")
    )
    cells = _with_breakdown_totals(base, ["year", "region_id", "condition"])
    project = (
        cells.group_by("year", "condition", "age_band", "sex")
        .agg(pl.col("persons").sum())
        .with_columns(pl.lit(PROJECT, dtype=pl.Int64).alias("region_id"))
        .select(cells.columns)
    )
    cells = pl.concat([cells, project]).sort("year", "condition", "region_id", "age_band", "sex")
    return suppress_in_margins(
        cells, "persons", {"region_id": PROJECT, "age_band": ALL, "sex": ALL}, keys=("year", "condition")
    )


# ---------------------------------------------------------------- measures


def _ratio(numerator: str, denominator: str, scale: float) -> pl.Expr:
    return (
        pl.when(pl.col(denominator) > 0).then(pl.col(numerator) / pl.col(denominator) * scale).otherwise(None)
    )


def stratum_shares(cells: pl.DataFrame, age_band: str = ALL, sex: str = ALL) -> pl.DataFrame:
    """Per year, region (and PROJECT) and stratum: persons, the population of the group and the
    stratum's share of it (null when the count is suppressed)."""
    group = cells.filter(pl.col("age_band") == age_band, pl.col("sex") == sex)
    population = group.filter(pl.col("stratum") == ALL_STRATA).select(
        "year",
        "region_id",
        pl.col("persons").alias("population"),
        pl.col("persons_suppressed").alias("population_suppressed"),
        pl.col("persons_masked").alias("population_masked"),
    )
    return (
        group.filter(pl.col("stratum") != ALL_STRATA)
        .join(population, on=["year", "region_id"], how="left")
        .with_columns(_ratio("persons", "population", 1.0).alias("share"))
        .select(
            "year",
            "region_id",
            "stratum",
            "persons",
            "persons_suppressed",
            "persons_masked",
            "population",
            "population_suppressed",
            "population_masked",
            "share",
        )
        .sort("year", "region_id", "stratum")
    )


def measure_values(data: RiskData, view: RiskView) -> pl.DataFrame:
    """Every measure of the view, per year and region (and PROJECT): population, persons in the
    chosen stratum, share, rate per 1,000, prevalence of the chosen condition per 1,000, change
    of the share since the base year (points); `<measure>_suppressed` says a value is hidden
    (null without the flag: no data), `<measure>_masked` that it is hidden although no count
    under it is below 5 (every hidden count under it is masked)."""
    shares = stratum_shares(data.cells, view.age_band, view.sex)
    chosen = shares.filter(pl.col("stratum") == view.stratum).drop("stratum")
    frame = chosen.with_columns(
        (pl.col("share") * 100).alias("share"),
        _ratio("persons", "population", 1000.0).alias("rate"),
        pl.col("persons_suppressed").alias("share_suppressed"),
        pl.col("persons_suppressed").alias("rate_suppressed"),
        pl.col("persons_masked").alias("share_masked"),
        pl.col("persons_masked").alias("rate_masked"),
    )
    if view.base_year is not None:
        base = frame.filter(pl.col("year") == view.base_year).select(
            "region_id",
            pl.col("share").alias("__base"),
            pl.col("share_suppressed").alias("__base_suppressed"),
            pl.col("share_masked").alias("__base_masked"),
        )
        # Hidden when either share is; without counts in the base year there is no change.
        frame = (
            frame.join(base, on="region_id", how="left")
            .with_columns(
                (pl.col("share") - pl.col("__base")).alias("change"),
                (
                    pl.col("__base_suppressed").is_not_null()
                    & (pl.col("share_suppressed") | pl.col("__base_suppressed"))
                ).alias("change_suppressed"),
                _only_masked(
                    ("share_suppressed", "share_masked"), ("__base_suppressed", "__base_masked")
                ).alias("change_masked"),
            )
            .drop("__base", "__base_suppressed", "__base_masked")
        )
    else:
        frame = frame.with_columns(
            pl.lit(None, dtype=pl.Float64).alias("change"),
            pl.lit(False).alias("change_suppressed"),
            pl.lit(False).alias("change_masked"),
        )
    conditions = data.conditions.filter(
        pl.col("condition") == (view.condition or ""),
        pl.col("age_band") == view.age_band,
        pl.col("sex") == view.sex,
    )
    frame = (
        frame.join(
            conditions.select(
                "year",
                "region_id",
                pl.col("persons").alias("condition_persons"),
                pl.col("persons_suppressed").alias("condition_persons_suppressed"),
                pl.col("persons_masked").alias("condition_persons_masked"),
            ),
            on=["year", "region_id"],
            how="left",
        )
        .with_columns(
            _ratio("condition_persons", "population", 1000.0).alias("prevalence"),
            pl.col("condition_persons_suppressed").fill_null(False),
            pl.col("condition_persons_masked").fill_null(False),
        )
        .with_columns(
            (pl.col("condition_persons_suppressed") | pl.col("population_suppressed")).alias(
                "prevalence_suppressed"
            ),
            _only_masked(
                ("condition_persons_suppressed", "condition_persons_masked"),
                ("population_suppressed", "population_masked"),
            ).alias("prevalence_masked"),
        )
    )
    return frame.with_columns(
        pl.when(pl.col(f"{c}_suppressed")).then(None).otherwise(pl.col(c)).alias(c)
        for c in ("share", "rate", "change", "prevalence")
    ).sort("year", "region_id")


def _only_masked(*flags: tuple[str, str]) -> pl.Expr:
    """A value computed from several counts ((suppressed, masked) flag columns) is masked when
    some of them are hidden and every hidden one is masked (none is below 5)."""
    hidden = pl.any_horizontal([pl.col(s).fill_null(False) for s, _ in flags])
    small = pl.any_horizontal([pl.col(s).fill_null(False) & ~pl.col(m).fill_null(False) for s, m in flags])
    return hidden & ~small


def with_value(frame: pl.DataFrame, measure: Measure) -> pl.DataFrame:
    """Adds `value`, `value_suppressed` and `value_masked`: the chosen measure's column and
    flags."""
    column = MEASURE_COLUMN[measure]
    return frame.with_columns(
        pl.col(column).cast(pl.Float64).alias("value"),
        pl.col(f"{column}_suppressed").alias("value_suppressed"),
        pl.col(f"{column}_masked").alias("value_masked"),
    )


def region_table(data: RiskData, view: RiskView) -> pl.DataFrame:
    """One row per region, then the PROJECT row, for the view's year: name, population, every
    measure, the persons of each stratum (`persons_<s>`, with flags) and the actions aimed at
    the chosen stratum in the region (`actions`) and all the region's actions (`actions_all`)."""
    values = (
        with_value(measure_values(data, view), view.measure).filter(pl.col("year") == view.year).drop("year")
    )
    strata = stratum_shares(data.cells, view.age_band, view.sex).filter(pl.col("year") == view.year)
    wide = strata.pivot(on="stratum", index="region_id", values="persons")
    flags = strata.pivot(on="stratum", index="region_id", values="persons_suppressed")
    masks = strata.pivot(on="stratum", index="region_id", values="persons_masked")
    per_stratum = (
        wide.rename({str(s): f"persons_{s}" for s in STRATA if str(s) in wide.columns})
        .join(
            flags.rename({str(s): f"persons_{s}_suppressed" for s in STRATA if str(s) in flags.columns}),
            on="region_id",
        )
        .join(
            masks.rename({str(s): f"persons_{s}_masked" for s in STRATA if str(s) in masks.columns}),
            on="region_id",
        )
    )
    for s in STRATA:  # a stratum absent from the data is shown as no data
        if f"persons_{s}" not in per_stratum.columns:
            per_stratum = per_stratum.with_columns(
                pl.lit(None, dtype=pl.Int64).alias(f"persons_{s}"),
                pl.lit(False).alias(f"persons_{s}_suppressed"),
                pl.lit(False).alias(f"persons_{s}_masked"),
            )
    names = pl.concat(
        [
            data.regions.select("region_id", "code", "name"),
            pl.DataFrame(
                {"region_id": [PROJECT], "code": [""], "name": [""]},
                schema={"region_id": pl.Int64, "code": pl.String, "name": pl.String},
            ),
        ]
    )
    coverage = coverage_by_region(data.coverage, view.stratum)
    table = (
        names.join(values, on="region_id", how="left")
        .join(per_stratum, on="region_id", how="left")
        .join(coverage, on="region_id", how="left")
        .with_columns(
            pl.col("actions").fill_null(0),
            pl.col("actions_all").fill_null(0),
            pl.col("^.*_suppressed$").fill_null(False),
            pl.col("^.*_masked$").fill_null(False),
            (pl.col("region_id") == PROJECT).alias("is_project"),
        )
    )
    return table.sort("is_project", "name")


def sort_regions(table: pl.DataFrame, column: str, descending: bool = True) -> pl.DataFrame:
    """Regions by a measure (no data and hidden values last), then the project row."""
    regions = table.filter(~pl.col("is_project")).sort(
        column, "name", descending=[descending, False], nulls_last=True
    )
    return pl.concat([regions, table.filter(pl.col("is_project"))])


def trend(data: RiskData, view: RiskView) -> pl.DataFrame:
    """The view's measure per region and year (for the small multiples)."""
    values = with_value(measure_values(data, view), view.measure)
    return (
        values.filter(pl.col("region_id") != PROJECT)
        .join(data.regions.select("region_id", "name"), on="region_id")
        .select("year", "region_id", "name", "value", "value_suppressed", "value_masked")
        .sort("year", "name")
    )


# Beyond this many regions a map per year is too small to tell the regions apart (a
# municipality would be a few pixels) and too heavy to draw: the years tab then draws the lines
# of the TOP_REGIONS regions with the highest value, the chosen region and the project.
SMALL_MULTIPLES_MAX_REGIONS = 50
TOP_REGIONS = 10


def top_regions(table: pl.DataFrame, top: int = TOP_REGIONS) -> list[int]:
    """The `top` regions of a region table with the highest value (hidden values rank
    nowhere), highest first."""
    return (
        table.filter(~pl.col("is_project"), pl.col("value").is_not_null())
        .sort(["value", "name"], descending=[True, False])
        .head(top)["region_id"]
        .to_list()
    )


def trend_lines(
    data: RiskData, view: RiskView, region_id: int = PROJECT, top: int = TOP_REGIONS
) -> pl.DataFrame:
    """The view's measure over the years for a few regions: the `top` regions with the highest
    value in the view's year (a hidden value ranks nowhere), the chosen `region_id` if it is
    not among them, and the whole project. Columns: year, region_id, name ("" for the
    project), value, value_suppressed, value_masked, role ("top", "chosen" or "project") and
    rank (1 = highest; 0 for the project; top + 1 for a chosen region outside the top).
    The values are those of the map and the tables, already suppressed."""
    values = with_value(measure_values(data, view), view.measure)
    names = data.regions.select("region_id", "name")
    ranked = (
        values.filter(
            pl.col("year") == view.year, pl.col("region_id") != PROJECT, pl.col("value").is_not_null()
        )
        .join(names, on="region_id")
        .sort(["value", "name"], descending=[True, False])
        .head(top)
        .with_row_index("rank", offset=1)
        .select("region_id", pl.col("rank").cast(pl.Int64), pl.lit("top").alias("role"))
    )
    chosen = [region_id] if region_id != PROJECT and region_id not in ranked["region_id"] else []
    roles = pl.concat(
        [
            ranked,
            pl.DataFrame(
                {"region_id": chosen, "rank": [top + 1] * len(chosen), "role": ["chosen"] * len(chosen)},
                schema={"region_id": pl.Int64, "rank": pl.Int64, "role": pl.String},
            ),
            pl.DataFrame(
                {"region_id": [PROJECT], "rank": [0], "role": ["project"]},
                schema={"region_id": pl.Int64, "rank": pl.Int64, "role": pl.String},
            ),
        ]
    )
    named = pl.concat([names, pl.DataFrame({"region_id": [PROJECT], "name": [""]}, schema=names.schema)])
    return (
        values.join(roles, on="region_id")
        .join(named, on="region_id")
        .select("year", "region_id", "name", "value", "value_suppressed", "value_masked", "role", "rank")
        .sort("rank", "year")
    )


def pyramid(data: RiskData, view: RiskView, region_id: int) -> pl.DataFrame:
    """Shares of each stratum for the region, the project and (all ages, both sexes only) the
    national reference: series ("region", "project", "national"), stratum, share,
    share_suppressed, share_masked."""
    shares = stratum_shares(data.cells, view.age_band, view.sex).filter(pl.col("year") == view.year)
    rows = []
    for series, rid in (("region", region_id), ("project", PROJECT)):
        if series == "region" and region_id == PROJECT:
            continue
        part = shares.filter(pl.col("region_id") == rid).select(
            pl.lit(series).alias("series"),
            "stratum",
            "share",
            pl.col("persons_suppressed").alias("share_suppressed"),
            pl.col("persons_masked").alias("share_masked"),
        )
        rows.append(part)
    if view.age_band == ALL and view.sex == ALL:
        rows.append(
            data.national.filter(pl.col("year") == view.year).select(
                pl.lit("national").alias("series"),
                pl.col("stratum").cast(pl.Int64),
                pl.col("share").cast(pl.Float64),
                pl.lit(False).alias("share_suppressed"),
                pl.lit(False).alias("share_masked"),
            )
        )
    return pl.concat(rows) if rows else pl.DataFrame()


# ---------------------------------------------------------------- action coverage


def action_coverage(actions: pl.DataFrame, regions: pl.DataFrame) -> pl.DataFrame:
    """Actions in the portfolio (planned, in progress, on hold or done) per region and target
    stratum: region_id (PROJECT: every action, with or without regions), stratum (ALL_STRATA:
    actions aimed at no particular stratum), actions."""
    live = actions.filter(pl.col("status").is_in([s.value for s in portfolio.SHARE_STATUSES]))
    live = live.select(
        "id", pl.col("target_stratum").fill_null(ALL_STRATA).cast(pl.Int64).alias("stratum"), "region_codes"
    )
    codes = regions.select("region_id", pl.col("code"))
    by_region = (
        live.explode("region_codes")
        .rename({"region_codes": "code"})
        .join(codes, on="code")
        .group_by("region_id", "stratum")
        .agg(pl.col("id").n_unique().cast(pl.Int64).alias("actions"))
    )
    project = (
        live.group_by("stratum")
        .agg(pl.col("id").n_unique().cast(pl.Int64).alias("actions"))
        .with_columns(pl.lit(PROJECT, dtype=pl.Int64).alias("region_id"))
        .select(by_region.columns)
    )
    return pl.concat([by_region, project]).sort("region_id", "stratum")


def coverage_by_region(coverage: pl.DataFrame, stratum: int) -> pl.DataFrame:
    """Per region (and PROJECT): actions aimed at `stratum` there, and all its actions."""
    return coverage.group_by("region_id").agg(
        pl.col("actions").filter(pl.col("stratum") == stratum).sum().alias("actions"),
        pl.col("actions").sum().alias("actions_all"),
    )


# ---------------------------------------------------------------- export


def export_frame(actor: Actor, frame: pl.DataFrame) -> pl.DataFrame:
    """A table as shown, for download: every column with a `<column>_suppressed` flag stays
    numeric where nothing in it is hidden and becomes text, with "< 5" in the hidden cells,
    where something is; the flags are dropped (`_masked` ones too: see
    the note on hidden cells in ui/risk_display). Refused to roles that may not download."""
    require(actor, Permission.download)
    columns = []
    for name in frame.columns:
        if name.endswith(("_suppressed", "_masked")):
            continue
        flag = f"{name}_suppressed"
        if flag in frame.columns and frame[flag].any():
            columns.append(
                pl.when(pl.col(flag))
                .then(pl.lit(SUPPRESSED_TEXT))
                .otherwise(pl.col(name).cast(pl.String))
                .alias(name)
            )
        else:
            columns.append(pl.col(name))
    return frame.select(columns)
