"""Importing Statbel population tables as care-region populations (docs/formats/population.md).

The populations of a region's municipalities (NIS codes of any year) are added up into the
region's population on 1 January of the table's year (RegionPopulation), and the region's
latest population when that year is its newest. A region needs every one of its
municipalities; municipalities outside every region are reported, not imported. The project's
own population (its published figure, which is not the sum of municipalities) is left alone.
`preview_population_import` writes nothing; `apply_population_import` writes all in one
transaction or raises ValidationFailed; importing the same table again changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, select

from dashboard.errors import ValidationFailed
from dashboard.permissions import Permission
from dashboard.services.admin import audit
from dashboard.services.unit_of_work import mark_changed, write_scope
from dashboard.services.access import Actor, require
from dashboard.services.population.risk_import import OutsideMunicipality, outside_municipalities, region_refs
from data_loaders.nis import PlaceIndex, current_code, label
from data_loaders.population import parse_population_table
from data_loaders.problems import Problem, Problems, UnreadableFile
from models.db import session_scope
from models.vocab import Area
from models.tables import CareRegion, ImportLog, RegionPopulation

EARLIEST_YEAR, LATEST_YEAR = 1990, 2100


@dataclass(frozen=True)
class PopulationChange:
    region: str
    old: int | None
    new: int


@dataclass
class PopulationPreview:
    file_name: str
    sha256: str = ""
    year: int | None = None
    municipalities: int = 0  # of the file, inside the project's regions
    subtotals: int = 0
    changes: list[PopulationChange] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    outside: list[OutsideMunicipality] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return bool(self.changes)


def _plan(
    session: Session, actor: Actor, content: bytes, file_name: str, year: int | None
) -> tuple[PopulationPreview, dict[int, int]]:
    preview = PopulationPreview(file_name)
    try:
        parsed = parse_population_table(content, file_name)
    except UnreadableFile as error:
        preview.problems = [Problem(error.key, error.params, file=file_name)]
        return preview, {}
    preview.sha256, preview.subtotals = parsed.sha256, parsed.subtotals
    problems = Problems(file_name, list(parsed.problems.items))
    if year is not None and not EARLIEST_YEAR <= year <= LATEST_YEAR:
        problems.add("problem.risk.bad_year", value=year)
    elif year is not None and parsed.year is not None and year != parsed.year:
        problems.add(
            "problem.population.year_differs",
            line=parsed.year_line,
            value=parsed.year,
            found=parsed.year,
            given=year,
        )
    preview.year = year if year is not None else parsed.year
    if preview.year is None and not problems:
        problems.add("problem.population.no_year", line=1)
    regions = list(session.exec(select(CareRegion).where(CareRegion.project_id == actor.project_id)).all())
    index = PlaceIndex(region_refs(regions))
    by_region: dict[int, dict[str, set[str]]] = {}
    totals: dict[int, int] = {}
    outside: dict[str, list[int]] = {}
    for code, persons in parsed.populations.items():
        today = current_code(code)
        homes = index.by_municipality.get(today, [])
        if not homes:
            outside.setdefault(code, []).append(parsed.lines[code])
            continue
        if len(homes) > 1:
            problems.add(
                "problem.nis.in_several_regions",
                line=parsed.lines[code],
                column=parsed.code_column,
                value=code,
                municipality=label(today),
                regions=", ".join(sorted(r.name for r in regions if r.id in homes)),
            )
            continue
        by_region.setdefault(homes[0], {}).setdefault(today, set()).add(code)
        totals[homes[0]] = totals.get(homes[0], 0) + persons
    names = {r.id: r.name for r in regions}
    for region_id, parts in sorted(by_region.items(), key=lambda item: names[item[0]]):
        missing = index.missing_parts(region_id, parts)
        if missing:
            problems.add(
                "problem.population.region_incomplete",
                line=min(parsed.lines[c] for codes in parts.values() for c in codes),
                column=parsed.code_column,
                region=names[region_id],
                count=len(missing),
                missing=", ".join(missing[:8]) + (" …" if len(missing) > 8 else ""),
            )
        for today, olds in index.overlapping_codes(parts):
            problems.add(
                "problem.nis.old_and_new_code",
                line=parsed.lines[today],
                column=parsed.code_column,
                municipality=label(today),
                old=", ".join(olds),
                year=preview.year,
            )
    if parsed.populations and not by_region and not problems:
        problems.add("problem.population.no_region", line=1, column=parsed.code_column)
    preview.municipalities = sum(len(codes) for parts in by_region.values() for codes in parts.values())
    preview.outside = outside_municipalities(outside)
    preview.problems = sorted(problems.items, key=lambda p: p.line or 0)
    if preview.problems:
        return preview, {}
    current = {
        p.region_id: p.population
        for p in session.exec(
            select(RegionPopulation).where(
                RegionPopulation.region_id.in_(list(totals)),  # type: ignore[union-attr]
                RegionPopulation.year == preview.year,
            )
        )
    }
    for region_id in sorted(totals, key=names.__getitem__):
        if current.get(region_id) == totals[region_id]:
            preview.unchanged.append(names[region_id])
        else:
            preview.changes.append(
                PopulationChange(names[region_id], current.get(region_id), totals[region_id])
            )
    return preview, totals


def preview_population_import(
    actor: Actor, content: bytes, file_name: str, year: int | None = None
) -> PopulationPreview:
    """What importing the table would do; writes nothing. `year`: 1 January of which year,
    when the table's title does not say."""
    require(actor, Permission.import_data)
    with session_scope() as session:
        preview, _ = _plan(session, actor, content, file_name, year)
        session.rollback()
        return preview


def apply_population_import(
    actor: Actor, content: bytes, file_name: str, year: int | None = None
) -> PopulationPreview:
    require(actor, Permission.import_data)
    with write_scope(actor, Permission.import_data) as session:
        preview, totals = _plan(session, actor, content, file_name, year)
        if preview.problems:
            raise ValidationFailed(preview.problems, "import.refused")
        if not preview.has_changes:
            return preview
        # only a file that changes something is an import worth recording: re-importing
        # the same file writes nothing, not even to the audit log
        audit.log_import(session, actor, "population", file_name)
        assert preview.year is not None
        names = {
            r.name: r
            for r in session.exec(select(CareRegion).where(CareRegion.project_id == actor.project_id))
        }
        for change in preview.changes:
            region = names[change.region]
            row = session.exec(
                select(RegionPopulation).where(
                    RegionPopulation.region_id == region.id, RegionPopulation.year == preview.year
                )
            ).first()
            if row is None:
                session.add(RegionPopulation(region_id=region.id, year=preview.year, population=change.new))
            else:
                row.population = change.new
            newest = session.exec(
                select(RegionPopulation.year)
                .where(RegionPopulation.region_id == region.id)
                .order_by(RegionPopulation.year.desc())
            ).first()  # type: ignore[attr-defined]
            if newest is None or newest <= preview.year:
                region.population = change.new
        session.add(
            ImportLog(
                project_id=actor.project_id,
                kind="population",
                file_name=file_name,
                file_sha256=preview.sha256,
                imported_by=actor.username,
                summary={
                    "year": preview.year,
                    "changed_regions": len(preview.changes),
                    "municipalities": preview.municipalities,
                    "outside_regions": [m.code for m in preview.outside],
                },
            )
        )
        mark_changed(session, Area.population)
        return preview
