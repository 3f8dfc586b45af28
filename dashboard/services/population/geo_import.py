"""Importing care-region geometries (docs/formats/geo.md).

Two ways: a GeoJSON file whose features are the care regions (a region-code property on each),
or a GeoJSON file of municipalities (a NIS-code property on each) with a mapping of municipality
NIS codes to care regions — from a mapping file, or else the municipalities the project already
records for its regions — dissolved into regions. Outlines are simplified for the browser.

A region of the file the project does not have is created (named by the file, else by its
code); an existing region gets the new outline and keeps its name; the project's regions absent
from the file are left as they are. `preview_geo_import` writes nothing; `apply_geo_import`
writes everything in one transaction or raises ValidationFailed and writes nothing. Importing
the same files again changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from shapely.ops import unary_union
from sqlmodel import Session, select

from dashboard.errors import ValidationFailed
from dashboard.permissions import Permission
from dashboard.services.admin import audit
from dashboard.services.unit_of_work import mark_changed, write_scope
from dashboard.services.access import Actor, require
from data_loaders.fields import fold, is_one_line
from data_loaders import nis
from data_loaders.geo import (
    RegionShape,
    find_property,
    municipalities_from_features,
    nis_property,
    parse_mapping,
    reads_as_nis,
    read_geojson,
    region_property,
    regions_from_features,
    simplified,
)
from data_loaders.problems import Problem, Problems, UnreadableFile
from data_loaders.tabular import read_table
from models.db import session_scope
from models.tables import CareRegion, ImportLog

MAX_CODE_LENGTH = 64


@dataclass(frozen=True)
class RegionOutline:
    code: str
    name: str
    size: int  # bytes of GeoJSON sent to the browser
    municipalities: int = 0


@dataclass
class GeoPreview:
    """What importing the files would do."""

    file_name: str
    sha256: str = ""
    mode: str = "regions"  # "regions" (polygons per region) or "municipalities" (dissolved)
    attribution: str = ""
    new_regions: list[RegionOutline] = field(default_factory=list)
    changed_regions: list[RegionOutline] = field(default_factory=list)
    unchanged_regions: list[str] = field(default_factory=list)
    absent_regions: list[str] = field(default_factory=list)  # kept as they are
    unused_municipalities: int = 0  # in the GeoJSON but in no region
    unknown_columns: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)  # what was repaired, converted, ignored
    code_property: str = ""  # the property read as the region or NIS code
    code_candidates: list[str] = field(default_factory=list)  # for the user to choose among

    @property
    def has_changes(self) -> bool:
        return bool(self.new_regions or self.changed_regions)

    @property
    def total_size(self) -> int:
        return sum(r.size for r in self.new_regions + self.changed_regions)


@dataclass
class _Plan:
    preview: GeoPreview
    outlines: dict[str, tuple[str | None, dict, list[str] | None]] = field(default_factory=dict)


def _canonical(geometry: dict | None) -> str:
    return json.dumps(geometry, sort_keys=True, separators=(",", ":"))


def code_years(codes: list[str]) -> str:
    """Which years' NIS codes a list of codes is of: "2025" (today's), "2019-2024" (codes that
    stopped at the 2025 mergers) or "before 2019"."""
    changes = nis.code_changes()
    years = {changes[c].effective.year for c in codes if c in changes}
    if 2019 in years:
        return "before 2019"
    return "2019-2024" if years else "2025"


def _missing_problem(
    code: str,
    region: str,
    file_codes: set[str],
    project_years: str,
    file_name: str,
    line: int | None,
    column: str,
) -> Problem:
    """A municipality of a region that the GeoJSON lacks, saying when the file has the same
    municipality under its code of another year (the 2019 and 2025 mergers)."""
    today = nis.current_code(code)
    same = ({today} | nis.predecessors().get(today, frozenset())) - {code}
    in_file = sorted(same & file_codes)
    params = {"region": region, "file_name": file_name, "years": project_years}
    if in_file:
        return Problem(
            "problem.geo.unknown_municipality_year",
            params | {"codes": ", ".join(in_file)},
            line=line,
            column=column,
            value=code,
        )
    return Problem("problem.geo.unknown_municipality", params, line=line, column=column, value=code)


def _plan(
    session: Session,
    actor: Actor,
    content: bytes,
    file_name: str,
    mapping_content: bytes | None,
    mapping_name: str | None,
    attribution: str | None,
    code_property: str | None = None,
) -> _Plan:
    preview = GeoPreview(file_name)
    plan = _Plan(preview)
    try:
        parsed = read_geojson(content, file_name)
    except UnreadableFile as error:
        preview.problems = [Problem(error.key, error.params, file=file_name)]
        return plan
    preview.sha256 = parsed.sha256
    preview.attribution = (attribution or "").strip() or parsed.attribution or f"Imported from {file_name}"
    regions = session.exec(select(CareRegion).where(CareRegion.project_id == actor.project_id)).all()
    known_codes = {r.code for r in regions}
    chosen = None
    if code_property:
        chosen = find_property(parsed, code_property)
        if chosen is None:
            preview.problems = [
                Problem(
                    "problem.geo.no_such_property",
                    {"expected": ", ".join(parsed.property_names()) or "–"},
                    file=file_name,
                    value=code_property,
                )
            ]
            return plan
    shapes: dict[str, RegionShape] = {}
    region_key = None
    if mapping_content is None:
        if chosen is not None:
            region_key = None if reads_as_nis(parsed, chosen) else chosen
        else:
            region_key = region_property(parsed, known_codes)
    if region_key is not None:
        preview.code_property = region_key
        shapes = regions_from_features(parsed, region_key)
        problems = list(parsed.problems.items)
    else:
        preview.mode = "municipalities"
        problems: list[Problem] = []
        mapping_problems = Problems(mapping_name or "")
        # region code -> [(nis, line in the mapping file)]
        members: dict[str, list[tuple[str, int | None]]] = {}
        nis_column = ""
        names: dict[str, str] = {}
        if mapping_content is not None:
            try:
                table = read_table(mapping_content, mapping_name or "mapping.csv")
            except UnreadableFile as error:
                preview.problems = list(parsed.problems.items) + [
                    Problem(error.key, error.params, file=mapping_name or "")
                ]
                return plan
            rows, mapping_problems = parse_mapping(table)
            for row in rows:
                nis_column = row.column
                members.setdefault(row.region, []).append((row.nis, row.line))
                if row.region_name:
                    names[row.region] = row.region_name
        else:
            for region in regions:
                for code in region.municipality_nis or []:
                    members.setdefault(region.code, []).append((str(code), None))
        wanted = {code for nis_lines in members.values() for code, _ in nis_lines}
        nis_key = chosen or nis_property(parsed)
        preview.code_property = nis_key or ""
        municipalities = municipalities_from_features(parsed, nis_key, wanted or None) if nis_key else {}
        problems = list(parsed.problems.items)
        preview.code_candidates = list(parsed.code_candidates)
        belgian = next((n for n in parsed.notes.items if n.key == "note.geo.belgian_region"), None)
        if belgian is not None and (nis_key is None or not members):
            problems.insert(
                0,
                Problem(
                    "problem.geo.belgian_region", file=file_name, column=belgian.column, value=belgian.value
                ),
            )
        elif not members and mapping_content is None:
            problems.append(Problem("problem.geo.no_mapping", file=file_name))
        years = code_years(sorted(wanted))
        for code, nis_lines in members.items():
            missing = [(m, line) for m, line in nis_lines if m not in municipalities]
            if nis_key:
                for m, line in missing:
                    mapping_problems.items.append(
                        _missing_problem(m, code, set(municipalities), years, file_name, line, nis_column)
                    )
            found = [municipalities[m] for m, _ in nis_lines if m in municipalities]
            if found and not missing:
                shapes[code] = RegionShape(
                    code, names.get(code), unary_union(found), tuple(m for m, _ in nis_lines)
                )
        if mapping_content is None:  # problems about the project's own lists
            for problem in mapping_problems.items:
                problems.append(
                    Problem(
                        problem.key,
                        problem.params,
                        file=file_name,
                        record=problem.params.get("region", ""),
                        value=problem.value,
                    )
                )
        else:
            problems += [
                Problem(
                    p.key,
                    p.params,
                    file=mapping_name or "",
                    line=p.line,
                    column=p.column,
                    record=p.record,
                    value=p.value,
                )
                for p in mapping_problems.items
            ]
        preview.unused_municipalities = len(set(municipalities) - wanted)
    preview.notes = list(parsed.notes.items)
    by_code = {fold(r.code): r for r in regions}
    names_taken = {fold(r.name): r.code for r in regions}
    for code, region_shape in shapes.items():
        if len(code) > MAX_CODE_LENGTH:
            problems.append(
                Problem("problem.geo.code_too_long", {"max": MAX_CODE_LENGTH}, file=file_name, value=code)
            )
            continue
        existing = by_code.get(fold(code))
        if existing is None:
            name = region_shape.name or code
            if not is_one_line(name):
                problems.append(Problem("problem.line_break", file=file_name, column="name", value=name))
                continue
            if fold(name) in names_taken:
                problems.append(
                    Problem(
                        "problem.geo.name_taken",
                        {"region": names_taken[fold(name)]},
                        file=file_name,
                        value=name,
                    )
                )
                continue
            names_taken[fold(name)] = code
    preview.problems = problems
    if problems:
        return plan

    for code, region_shape in sorted(shapes.items()):
        geometry = simplified(region_shape.geometry)
        size = len(json.dumps(geometry, separators=(",", ":")))
        existing = by_code.get(fold(code))
        parts = list(region_shape.parts) or None
        if existing is None:
            outline = RegionOutline(code, region_shape.name or code, size, len(parts or []))
            preview.new_regions.append(outline)
            plan.outlines[code] = (outline.name, geometry, parts)
            continue
        same = (
            _canonical(existing.geometry) == _canonical(geometry)
            and existing.geometry_source == preview.attribution
            and (parts is None or sorted(existing.municipality_nis or []) == sorted(parts))
        )
        if same:
            preview.unchanged_regions.append(existing.name)
        else:
            preview.changed_regions.append(
                RegionOutline(existing.code, existing.name, size, len(parts or []))
            )
            plan.outlines[existing.code] = (None, geometry, parts)
    in_file = {fold(code) for code in shapes}
    preview.absent_regions = [r.name for r in regions if fold(r.code) not in in_file]
    return plan


def preview_geo_import(
    actor: Actor,
    content: bytes,
    file_name: str,
    *,
    mapping_content: bytes | None = None,
    mapping_name: str | None = None,
    attribution: str | None = None,
    code_property: str | None = None,
) -> GeoPreview:
    """What importing the files would do; writes nothing. `code_property` names the property
    holding the code (a municipality's NIS code, or a care region's code), when the file has
    several that could be it."""
    require(actor, Permission.import_data)
    with session_scope() as session:
        plan = _plan(
            session, actor, content, file_name, mapping_content, mapping_name, attribution, code_property
        )
        session.rollback()
        return plan.preview


def apply_geo_import(
    actor: Actor,
    content: bytes,
    file_name: str,
    *,
    mapping_content: bytes | None = None,
    mapping_name: str | None = None,
    attribution: str | None = None,
    code_property: str | None = None,
) -> GeoPreview:
    """Import the outlines: all of them in one transaction, or nothing (ValidationFailed)."""
    require(actor, Permission.import_data)
    with write_scope(actor, Permission.import_data) as session:
        plan = _plan(
            session, actor, content, file_name, mapping_content, mapping_name, attribution, code_property
        )
        preview = plan.preview
        if preview.problems:
            raise ValidationFailed(preview.problems, "import.refused")
        if not preview.has_changes:
            return preview
        # only a file that changes something is an import worth recording: re-importing
        # the same file writes nothing, not even to the audit log
        audit.log_import(session, actor, "geo", file_name)
        regions = {
            r.code: r
            for r in session.exec(select(CareRegion).where(CareRegion.project_id == actor.project_id))
        }
        for code, (name, geometry, parts) in plan.outlines.items():
            region = regions.get(code)
            if region is None:
                region = CareRegion(project_id=actor.project_id, code=code, name=name or code)
                session.add(region)
            region.geometry = geometry
            region.geometry_source = preview.attribution
            if parts is not None:
                region.municipality_nis = parts
        session.add(
            ImportLog(
                project_id=actor.project_id,
                kind="geo",
                file_name=file_name,
                file_sha256=preview.sha256,
                imported_by=actor.username,
                summary={
                    "mode": preview.mode,
                    "new_regions": len(preview.new_regions),
                    "changed_regions": len(preview.changed_regions),
                    "mapping": mapping_name,
                },
            )
        )
        mark_changed(session)
        return preview
