"""Importing risk-stratification tables (docs/formats/risk.md).

A file is the truth for the region-years it covers: importing it replaces the counts of those
region-years by the file's, and leaves every other year and region alone. `preview_risk_import`
reads and checks a file and works out what it would add and change, without writing;
`apply_risk_import` does the same inside one transaction and writes it all, or raises
ValidationFailed and writes nothing. Importing the same file again changes nothing.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field

import numpy as np
import polars as pl
from sqlalchemy import delete, insert, tuple_, update
from sqlmodel import Session, select

from dashboard.errors import ValidationFailed
from dashboard.i18n import catalogue
from dashboard.permissions import Permission
from dashboard.services.admin import audit
from dashboard.services.unit_of_work import mark_changed, write_scope
from dashboard.services.access import Actor, require
from data_loaders.fields import closest, fold, similar
from data_loaders.nis import KeyProblem, PlaceIndex, RegionRef, decide_mode, label
from data_loaders.problems import Problem, Problems, UnreadableFile
from data_loaders.risk import ParsedRisk, parse_risk_table, read_risk_file
from models.db import read_frame, session_scope
from models.tables import CareRegion, ImportLog, Project, RegionPopulation, RiskCount
from models.vocab import Area, LANGUAGES, Condition, RiskStratum, Sex

INSERT_CHUNK = 50_000  # counts per bulk INSERT

# Ways of writing a sex besides its key and labels (F/M, femme/homme, vrouw/man, ...).
SEX_SYNONYMS = {
    "f": "female",
    "v": "female",
    "w": "female",
    "woman": "female",
    "femme": "female",
    "vrouw": "female",
    "m": "male",
    "h": "male",
    "man": "male",
    "men": "male",
    "homme": "male",
    "mannen": "male",
}


def _labels(prefix: str, value: str) -> list[str]:
    texts = catalogue()[f"{prefix}.{value}"]
    return [texts[i] for i in range(len(LANGUAGES))]


def stratum_words(stratum_labels: dict | None = None) -> dict[str, int]:
    """Every accepted way of writing a stratum besides its number: its default labels and the
    project's own labels, in each language."""
    words: dict[str, int] = {}
    for stratum in RiskStratum:
        for text in _labels("stratum", str(stratum.value)):
            words[fold(text)] = stratum.value
        words[fold(stratum.name)] = stratum.value
        for text in ((stratum_labels or {}).get(str(stratum.value)) or {}).values():
            words[fold(text)] = stratum.value
    return words


def sex_words() -> dict[str, str]:
    words = dict(SEX_SYNONYMS)
    for sex in Sex:
        words[fold(sex.value)] = sex.value
        for text in _labels("sex", sex.value):
            words[fold(text)] = sex.value
    return words


def condition_words() -> dict[str, str]:
    words = {}
    for condition in Condition:
        words[fold(condition.value)] = condition.value
        words[fold(condition.value.replace("_", " "))] = condition.value
        for text in _labels("condition", condition.value):
            words[fold(text)] = condition.value
    return words


@dataclass(frozen=True)
class RegionYearChange:
    """What a file does to the counts of one region in one year."""

    region: str
    year: int
    added: int  # cells the project did not have
    changed: int  # cells with another count
    removed: int  # cells the project had that the file does not give
    population: tuple[int | None, int] | None = None  # (old, new) when it changes


@dataclass(frozen=True)
class OutsideMunicipality:
    """A municipality of the file in none of the project's care regions: not imported."""

    code: str  # as the file writes it
    label: str  # name and code(s), e.g. "Gent (44021)"
    rows: int


@dataclass
class MunicipalityKeying:
    """How a file keyed by municipality was read (for the preview): no counts, only places."""

    mode: str = "auto"  # the key mode used: auto, region, municipality
    municipalities: int = 0  # municipalities of the file inside the project's regions
    regions: list[str] = field(default_factory=list)  # care regions their figures add up to
    old_codes: list[str] = field(default_factory=list)  # codes of before a merger, as labels
    outside: list[OutsideMunicipality] = field(default_factory=list)


@dataclass
class RiskPreview:
    """What importing a file would do."""

    file_name: str
    sha256: str = ""
    rows: int = 0
    new: list[RegionYearChange] = field(default_factory=list)  # region-years without counts
    changed: list[RegionYearChange] = field(default_factory=list)
    unchanged: list[tuple[str, int]] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    keying: MunicipalityKeying = field(default_factory=MunicipalityKeying)

    @property
    def has_changes(self) -> bool:
        return bool(self.new or self.changed)


def _closest(name: str, regions: list[CareRegion]) -> str:
    """Names of the regions whose name or code looks like `name` (short codes need a closer
    match, or "Ypres" would suggest "ROE")."""
    by_name = similar(name, {r.name: r.name for r in regions}, 0.5)
    by_code = similar(name, {r.code: r.name for r in regions}, 0.75)
    return closest(name, {n: max(by_name.get(n, 0.0), by_code.get(n, 0.0)) for n in by_name | by_code})


@dataclass
class _Plan:
    preview: RiskPreview
    parsed: ParsedRisk | None = None
    # The counts as the file wants them (region_id, year, stratum, age_band, sex, condition,
    # persons; summed over municipalities), and each region-year's population.
    wanted: pl.DataFrame | None = None
    populations: dict[tuple[int, int], int] = field(default_factory=dict)
    # region-year -> population stored, and the id of its row
    stored_populations: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)


def region_refs(regions: list[CareRegion]) -> list[RegionRef]:
    return [
        RegionRef(r.id, r.code, r.name, tuple(r.municipality_nis or ()))  # type: ignore[arg-type]
        for r in regions
    ]


def add_key_problem(
    problems: Problems, problem: KeyProblem, *, line: int, column: str, value: str, regions: list[CareRegion]
) -> None:
    params = dict(problem.params)
    if problem.key == "problem.unknown_region":
        params["closest"] = _closest(value, regions) or "—"
    problems.add(problem.key, line=line, column=column, value=value, **params)


def add_undecided_key_problems(
    problems: Problems,
    decision,
    rows,
    *,  # noqa: ANN001
    column: str,
    regions: list[CareRegion],
) -> None:
    """A file whose key (care region or municipality) its values cannot settle: each value
    that reads both ways, on the first line it stands on (`rows`: the parsed rows, with
    `region` and `line`; `decision`: nis.decide_mode's KeyDecision)."""
    lines: dict[str, int] = {}
    for row in rows:
        lines.setdefault(row.region, row.line)
    for value, problem in decision.problems:
        add_key_problem(problems, problem, line=lines[value], column=column, value=value, regions=regions)


def outside_municipalities(lines: dict[str, list[int]]) -> list[OutsideMunicipality]:
    return [OutsideMunicipality(code, label(code), len(found)) for code, found in sorted(lines.items())]


def _plan(session: Session, actor: Actor, content: bytes, file_name: str, key: str = "auto") -> _Plan:
    preview = RiskPreview(file_name)
    plan = _Plan(preview)
    try:
        table = read_risk_file(content, file_name)
    except UnreadableFile as error:
        preview.problems = [Problem(error.key, error.params, file=file_name)]
        return plan
    project = session.get(Project, actor.project_id)
    parsed = parse_risk_table(
        table, stratum_words(project.stratum_labels if project else None), sex_words(), condition_words()
    )
    plan.parsed = parsed
    preview.sha256 = parsed.sha256
    preview.rows = len(table.rows)
    preview.unknown_columns = parsed.unknown_columns
    problems = Problems(file_name, list(parsed.problems.items))

    regions = list(session.exec(select(CareRegion).where(CareRegion.project_id == actor.project_id)).all())
    index = PlaceIndex(region_refs(regions))
    names = {region.id: region.name for region in regions}
    region_column = parsed.column_names.get("region", "region")
    decision = decide_mode(index, (row.region for row in parsed.rows), key, parsed.key_kind)
    if decision.mode is None:
        add_undecided_key_problems(problems, decision, parsed.rows, column=region_column, regions=regions)
        preview.problems = sorted(problems.items, key=lambda p: p.line or 0)
        return plan
    mode = preview.keying.mode = decision.mode
    population_line: dict[tuple, tuple[int, int]] = {}  # (region id or code given, year)
    region_year_line: dict[tuple[int, int], int] = {}
    direct: set[tuple[int, int]] = set()  # region-years given by region
    # region-years given by municipality: today's code -> the codes the file writes for it
    via: dict[tuple[int, int], dict[str, set[str]]] = {}
    outside: dict[str, list[int]] = {}
    # Each row kept: its line, care region and owner (the region or municipality as given, as a
    # number), in compact arrays; its cell comes from the parsed rows' columns afterwards.
    kept_lines, kept_regions, kept_owners = array("q"), array("q"), array("q")
    owners: dict[int | str, int] = {}
    for row in parsed.rows:
        try:
            place = index.resolve(row.region, mode)
        except KeyProblem as problem:
            add_key_problem(
                problems, problem, line=row.line, column=region_column, value=row.region, regions=regions
            )
            continue
        if place.region_id is None:
            outside.setdefault(place.given_code, []).append(row.line)
            continue
        region_year = (place.region_id, row.year)
        owner: int | str = place.given_code or place.region_id
        kept_lines.append(row.line)
        kept_regions.append(place.region_id)
        kept_owners.append(owners.setdefault(owner, len(owners)))
        region_year_line.setdefault(region_year, row.line)
        if place.municipality:
            via.setdefault(region_year, {}).setdefault(place.municipality, set()).add(place.given_code)
        else:
            direct.add(region_year)
        if row.population is not None:
            earlier = population_line.setdefault((owner, row.year), (row.population, row.line))
            if earlier[0] != row.population:
                problems.add(
                    "problem.risk.population_differs",
                    line=row.line,
                    column=parsed.column_names["population"],
                    value=row.population,
                    other=earlier[0],
                    other_line=earlier[1],
                )
            if not place.municipality:
                plan.populations[region_year] = earlier[0]
    plan.wanted = _wanted_counts(parsed, kept_lines, kept_regions, kept_owners, problems, region_column)
    del kept_lines, kept_regions, kept_owners
    _check_municipal_region_years(
        problems,
        index,
        names,
        direct,
        via,
        region_year_line,
        population_line,
        plan,
        region_column,
        decision.because if key == "auto" else "",
    )
    keying = preview.keying
    given_codes = {code for parts in via.values() for codes in parts.values() for code in codes}
    keying.municipalities = len(given_codes)
    keying.regions = sorted({names[region_id] for region_id, _ in via})
    keying.old_codes = [
        label(code)
        for code in sorted(given_codes)
        if code not in {c for parts in via.values() for c in parts}
    ]
    keying.outside = outside_municipalities(outside)
    # In the order of the file, whichever check found them.
    preview.problems = sorted(problems.items, key=lambda p: p.line or 0)
    if problems:
        return plan

    _compare_with_stored(session, actor.project_id, plan, names)
    return plan


_CELL = ["stratum", "age_band", "sex", "condition"]
_KEY = ["region_id", "year", *_CELL]


def _wanted_counts(
    parsed: ParsedRisk, lines: array, region_ids: array, owners: array, problems: Problems, column: str
) -> pl.DataFrame:
    """The counts the file wants per care region, year and cell (municipalities' summed), from
    the rows kept; a second row of the same place and cell is a problem (and not counted)."""
    kept = pl.DataFrame(
        {
            "line": np.frombuffer(lines, dtype=np.int64),
            "region_id": np.frombuffer(region_ids, dtype=np.int64),
            "owner": np.frombuffer(owners, dtype=np.int64),
        }
    )
    rows = parsed.rows.frame().join(kept, on="line", how="inner")
    del kept
    rows = rows.with_columns(pl.col("line").min().over(["owner", "year", *_CELL]).alias("first_line"))
    duplicates = rows.filter(pl.col("line") != pl.col("first_line"))
    if duplicates.height:
        lines_of = set(duplicates["line"].to_list())
        # A duplicate row is only reported as one (as when rows were read one by one).
        problems.items[:] = [
            p
            for p in problems.items
            if not (p.key == "problem.risk.population_differs" and p.line in lines_of)
        ]
        for line, value, first in duplicates.select("line", "region", "first_line").iter_rows():
            problems.add("problem.risk.duplicate", line=line, column=column, value=value, first_line=first)
    return (
        rows.filter(pl.col("line") == pl.col("first_line"))
        .group_by(_KEY, maintain_order=True)
        .agg(pl.col("persons").sum())
        .with_columns(pl.col("stratum").cast(pl.Int64), pl.col("year").cast(pl.Int64))
    )


def _compare_with_stored(session: Session, project_id: int, plan: _Plan, names: dict[int, str]) -> None:
    """Each region-year of the file against its stored counts (read in one query, compared with
    joins): new, changed (cells added, changed, removed; population) or unchanged."""
    preview, wanted = plan.preview, plan.wanted
    assert wanted is not None
    region_years = wanted.select("region_id", "year").unique()
    region_ids = region_years["region_id"].unique().to_list()
    now = read_frame(
        select(
            RiskCount.region_id,
            RiskCount.year,
            RiskCount.stratum,
            RiskCount.age_band,
            RiskCount.sex,
            RiskCount.condition,
            RiskCount.persons.label("persons_now"),
        ).where(  # type: ignore[attr-defined]
            RiskCount.project_id == project_id,
            RiskCount.region_id.in_(region_ids),  # type: ignore[union-attr]
            RiskCount.year.in_(region_years["year"].unique().to_list()),
        ),  # type: ignore[attr-defined]
        session,
    ).cast({"region_id": pl.Int64, "year": pl.Int64, "stratum": pl.Int64, "persons_now": pl.Int64})
    now = now.join(region_years, on=["region_id", "year"], how="semi")
    both = wanted.join(now, on=_KEY, how="full", coalesce=True)
    del now
    summary = both.group_by("region_id", "year").agg(
        pl.col("persons_now").is_null().sum().alias("added"),
        (
            pl.col("persons").is_not_null()
            & pl.col("persons_now").is_not_null()
            & (pl.col("persons") != pl.col("persons_now"))
        )
        .sum()
        .alias("changed"),
        pl.col("persons").is_null().sum().alias("removed"),
        pl.col("persons_now").is_not_null().any().alias("stored"),
    )
    del both
    plan.stored_populations = {
        (p.region_id, p.year): (p.population, p.id)
        for p in session.exec(select(RegionPopulation).where(RegionPopulation.region_id.in_(region_ids)))
    }  # type: ignore[union-attr]
    rows = sorted(summary.iter_rows(named=True), key=lambda r: (names[r["region_id"]], r["year"]))
    for row in rows:
        region_id, year = row["region_id"], row["year"]
        population = None
        new_population = plan.populations.get((region_id, year))
        old_population = plan.stored_populations.get((region_id, year), (None, None))[0]
        if new_population is not None and old_population != new_population:
            population = (old_population, new_population)
        added, changed, removed = row["added"], row["changed"], row["removed"]
        change = RegionYearChange(names[region_id], year, added, changed, removed, population)
        if not row["stored"]:
            preview.new.append(change)
        elif added or changed or removed or population:
            preview.changed.append(change)
        else:
            preview.unchanged.append((names[region_id], year))


def _check_municipal_region_years(
    problems: Problems,
    index: PlaceIndex,
    names: dict[int, str],
    direct: set[tuple[int, int]],
    via: dict[tuple[int, int], dict[str, set[str]]],
    region_year_line: dict[tuple[int, int], int],
    population_line: dict[tuple, tuple[int, int]],
    plan: _Plan,
    column: str,
    because: str = "",
) -> None:
    """A region-year added up from municipalities needs all of them (else its counts would be
    too low), each once (a code of today beside the old codes that became it counts twice),
    and not also rows of the region itself; its population is the municipalities' sum."""
    for region_year, parts in sorted(via.items(), key=lambda item: region_year_line[item[0]]):
        region_id, year = region_year
        line = region_year_line[region_year]
        if region_year in direct:
            problems.add(
                "problem.nis.region_and_municipalities",
                line=line,
                column=column,
                region=names[region_id],
                year=year,
            )
            continue
        missing = index.missing_parts(region_id, parts)
        if missing:
            problems.add(
                "problem.nis.region_incomplete_deduced" if because else "problem.nis.region_incomplete",
                line=line,
                column=column,
                region=names[region_id],
                year=year,
                count=len(missing),
                missing=", ".join(missing[:8]) + (" …" if len(missing) > 8 else ""),
                because=because,
            )
        for code, olds in index.overlapping_codes(parts):
            problems.add(
                "problem.nis.old_and_new_code",
                line=line,
                column=column,
                municipality=label(code),
                old=", ".join(olds),
                year=year,
            )
        codes = sorted({code for written in parts.values() for code in written})
        given = [population_line.get((code, year)) for code in codes]
        if all(found is not None for found in given):
            plan.populations[region_year] = sum(found[0] for found in given)  # type: ignore[index]
        elif any(found is not None for found in given):
            problems.add(
                "problem.nis.population_partial",
                line=line,
                column=column,
                region=names[region_id],
                year=year,
                missing=", ".join(
                    label(code) for code, found in zip(codes, given, strict=True) if found is None
                ),
            )


def preview_risk_import(actor: Actor, content: bytes, file_name: str, key: str = "auto") -> RiskPreview:
    """What importing the file would do; writes nothing. `key`: how its region column is read
    (auto, region, municipality; data_loaders.nis.PlaceIndex.resolve)."""
    require(actor, Permission.import_data)
    with session_scope() as session:
        plan = _plan(session, actor, content, file_name, key)
        session.rollback()
        return plan.preview


def apply_risk_import(actor: Actor, content: bytes, file_name: str, key: str = "auto") -> RiskPreview:
    """Import the file: the counts of every region-year it covers, in one transaction, or
    nothing (ValidationFailed). A file that changes nothing writes nothing. A file keyed by
    municipality is added up to care regions first: only region counts are stored."""
    require(actor, Permission.import_data)
    with write_scope(actor, Permission.import_data) as session:
        plan = _plan(session, actor, content, file_name, key)
        preview = plan.preview
        if preview.problems:
            raise ValidationFailed(preview.problems, "import.refused")
        if not preview.has_changes:
            return preview
        # only a file that changes something is an import worth recording: re-importing
        # the same file writes nothing, not even to the audit log
        audit.log_import(session, actor, "risk", file_name)
        names = {
            r.name: r.id
            for r in session.exec(select(CareRegion).where(CareRegion.project_id == actor.project_id))
        }
        touched = [(names[c.region], c.year) for c in preview.new + preview.changed]
        for start in range(0, len(touched), 400):
            session.exec(
                delete(RiskCount).where(  # type: ignore[call-overload]
                    RiskCount.project_id == actor.project_id,
                    tuple_(RiskCount.region_id, RiskCount.year).in_(touched[start : start + 400]),
                )
            )
        assert plan.wanted is not None
        written = plan.wanted.join(
            pl.DataFrame(touched, schema={"region_id": pl.Int64, "year": pl.Int64}, orient="row"),
            on=["region_id", "year"],
            how="semi",
        )
        for chunk in written.with_columns(project_id=pl.lit(actor.project_id)).iter_slices(INSERT_CHUNK):
            session.execute(insert(RiskCount), chunk.to_dicts())
        del written
        _write_populations(session, plan, touched)
        session.add(
            ImportLog(
                project_id=actor.project_id,
                kind="risk",
                file_name=file_name,
                file_sha256=preview.sha256,
                imported_by=actor.username,
                summary={
                    "rows": preview.rows,
                    "new_region_years": len(preview.new),
                    "changed_region_years": len(preview.changed),
                    "years": sorted({c.year for c in [*preview.new, *preview.changed]}),
                    "key": preview.keying.mode,
                    "municipalities": preview.keying.municipalities,
                    "outside_regions": [m.code for m in preview.keying.outside],
                },
            )
        )
        mark_changed(session, Area.population)
        return preview


def _write_populations(session: Session, plan: _Plan, touched: list[tuple[int, int]]) -> None:
    """The populations the file gives, in bulk; a region's own population follows its latest
    year's."""
    stored = plan.stored_populations
    added, changed = [], []
    for region_id, year in touched:
        population = plan.populations.get((region_id, year))
        if population is None:
            continue
        if (region_id, year) in stored:
            changed.append({"id": stored[(region_id, year)][1], "population": population})
        else:
            added.append({"region_id": region_id, "year": year, "population": population})
    if added:
        session.execute(insert(RegionPopulation), added)
    if changed:
        session.execute(update(RegionPopulation), changed)
    newest: dict[int, int] = {}  # region -> its latest year with a population, after the import
    for region_id, year in stored:
        newest[region_id] = max(year, newest.get(region_id, year))
    given: dict[int, int] = {}  # region -> the latest year the file gives a population of
    for region_id, year in touched:
        if plan.populations.get((region_id, year)) is not None:
            given[region_id] = max(year, given.get(region_id, year))
            newest[region_id] = max(year, newest.get(region_id, year))
    latest = [
        {"id": region_id, "population": plan.populations[(region_id, year)]}
        for region_id, year in given.items()
        if year >= newest[region_id]
    ]
    if latest:
        session.execute(update(CareRegion), latest)
