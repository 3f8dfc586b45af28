"""Importing indicator values (docs/formats/indicators.md).

`preview_indicator_import` reads and checks a file against the project (its indicators, care
regions and the indicators' units) and works out what it would add and change, without writing.
`apply_indicator_import` does the same inside one transaction and writes all of it, or raises
ValidationFailed and writes nothing. A value already there with the same figures is left alone,
so importing the same file twice changes nothing; values absent from the file are kept. A code
of the default catalogue the project does not have yet adds that indicator; values of the
indicators the app computes are refused (they come from the app's own data).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, select

from dashboard.errors import ValidationFailed
from dashboard.permissions import Permission
from dashboard.services import indicators
from dashboard.services.access import Actor, bump_data_version, require
from data_loaders.catalogues.indicators import CATALOGUE
from data_loaders.fields import fold
from data_loaders.indicators import ParsedValues, ValueRow, parse_indicator_values
from data_loaders.problems import Problem, Problems, UnreadableFile
from data_loaders.tabular import read_table
from models.db import session_scope
from models.tables import CareRegion, ImportLog, Indicator, IndicatorValue
from models.vocab import ValueSource


@dataclass(frozen=True)
class PlannedValue:
    """A value the import adds or changes: where it is in the file and what it becomes."""

    line: int
    indicator: str  # code
    period: str
    region: str  # care region's name, "" for the whole project
    old: tuple[float | None, float | None, float | None] | None  # value, numerator, denominator
    new: tuple[float | None, float | None, float | None]


@dataclass
class IndicatorPreview:
    """What importing a file would do."""

    file_name: str
    sha256: str = ""
    new_values: list[PlannedValue] = field(default_factory=list)
    changed_values: list[PlannedValue] = field(default_factory=list)
    unchanged_values: int = 0
    new_indicators: list[str] = field(default_factory=list)  # codes from the default catalogue
    unknown_columns: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return bool(self.new_values or self.changed_values or self.new_indicators)


@dataclass(frozen=True)
class _Target:
    """A row checked against the project: which indicator (code) and region id it goes to."""

    row: ValueRow
    code: str
    region_id: int | None
    region_name: str
    figures: tuple[float | None, float | None, float | None]


def _plan(session: Session, actor: Actor, content: bytes, file_name: str
          ) -> tuple[IndicatorPreview, list[_Target]]:
    preview = IndicatorPreview(file_name)
    try:
        table = read_table(content, file_name)
    except UnreadableFile as error:
        preview.problems = [Problem(error.key, error.params, file=file_name)]
        return preview, []
    preview.sha256 = table.sha256
    parsed: ParsedValues = parse_indicator_values(table)
    preview.unknown_columns = parsed.unknown_columns
    problems = Problems(file_name, list(parsed.problems.items))
    columns = parsed.column_names

    existing = {i.code: i for i in session.exec(
        select(Indicator).where(Indicator.project_id == actor.project_id))}
    defaults = {d.code: d for d in CATALOGUE}
    regions = session.exec(select(CareRegion).where(
        CareRegion.project_id == actor.project_id)).all()
    region_lookup = {fold(r.name): r for r in regions} | {fold(r.code): r for r in regions}
    targets: list[_Target] = []
    first_line: dict[tuple[str, str, int | None], int] = {}
    for row in parsed.rows:
        before = len(problems)
        code = row.indicator.strip().upper()
        definition = existing.get(code) or defaults.get(code)
        if definition is None:
            problems.add("problem.indicator.unknown", line=row.line,
                         column=columns["indicator"], value=row.indicator,
                         closest=indicators.closest(code, sorted(existing))
                         or indicators.closest(code, sorted(defaults)) or "–")
        elif definition.computation:
            problems.add("problem.indicator.computed", line=row.line,
                         column=columns["indicator"], value=row.indicator)
        region = None
        if row.region:
            region = region_lookup.get(fold(row.region))
            if region is None:
                problems.add("problem.unknown_region", line=row.line, column=columns["region"],
                             value=row.region, region=row.region,
                             closest=indicators.closest(row.region, [r.name for r in regions])
                             or "–")
        if definition is not None and not definition.computation:
            value, found = indicators.check_value(definition.unit, definition.decimals,
                                                  row.value, row.numerator, row.denominator)
            for problem in found:
                problems.add(problem.key, line=row.line,
                             column=columns.get(problem.column, problem.column),
                             value=_given(row, problem.column), **problem.params)
        if len(problems) > before:
            continue
        key = (code, row.period, region.id if region else None)
        if key in first_line:  # e.g. a region written by its code on one line, its name on another
            problems.add("problem.indicator.duplicate_row", line=row.line,
                         column=columns.get("region", columns["indicator"]),
                         value=f"{row.indicator} {row.period} {row.region}".strip(),
                         first_line=first_line[key])
            continue
        first_line[key] = row.line
        if code not in existing and code not in preview.new_indicators:
            preview.new_indicators.append(code)
        targets.append(_Target(row, code, region.id if region else None,
                               region.name if region else "",
                               (value, row.numerator, row.denominator)))
    preview.problems = sorted(problems.items, key=lambda p: p.line or 0)
    if problems:
        return preview, targets

    ids = [i.id for i in existing.values()]
    stored = {}
    if ids:
        stored = {(v.indicator_id, v.period, v.region_id): v for v in session.exec(
            select(IndicatorValue).where(IndicatorValue.indicator_id.in_(ids)))}  # type: ignore[union-attr]
    for target in targets:
        indicator = existing.get(target.code)
        current = stored.get((indicator.id, target.row.period, target.region_id)) \
            if indicator else None
        old = (current.value, current.numerator, current.denominator) if current else None
        planned = PlannedValue(target.row.line, target.code, target.row.period,
                               target.region_name, old, target.figures)
        if old is None:
            preview.new_values.append(planned)
        elif old != target.figures:
            preview.changed_values.append(planned)
        else:
            preview.unchanged_values += 1
    return preview, targets


def _given(row: ValueRow, column: str) -> str:
    number = {"value": row.value, "numerator": row.numerator,
              "denominator": row.denominator}.get(column)
    return "" if number is None else f"{number:g}"


def preview_indicator_import(actor: Actor, content: bytes, file_name: str) -> IndicatorPreview:
    """What importing the file would do; writes nothing."""
    require(actor, Permission.import_data)
    with session_scope() as session:
        preview, _ = _plan(session, actor, content, file_name)
        session.rollback()
        return preview


def apply_indicator_import(actor: Actor, content: bytes, file_name: str) -> IndicatorPreview:
    """Import the file: every value it adds or changes, in one transaction, or nothing
    (ValidationFailed). A file that changes nothing writes nothing."""
    require(actor, Permission.import_data)
    with session_scope() as session:
        preview, targets = _plan(session, actor, content, file_name)
        if preview.problems:
            raise ValidationFailed(preview.problems, "import.refused")
        if not preview.has_changes:
            return preview
        if preview.new_indicators:
            indicators.install_default_catalogue(session, actor.project_id,
                                                 preview.new_indicators)
        by_code = {i.code: i for i in session.exec(
            select(Indicator).where(Indicator.project_id == actor.project_id))}
        session.add(ImportLog(project_id=actor.project_id, kind="indicators",
                              file_name=file_name, file_sha256=preview.sha256,
                              imported_by=actor.username,
                              summary={"new_values": len(preview.new_values),
                                       "changed_values": len(preview.changed_values),
                                       "new_indicators": preview.new_indicators}))
        for target in targets:
            indicators.write_value(session, by_code[target.code], target.row.period,
                                   target.region_id, target.figures,
                                   source=ValueSource.imported, username=actor.username)
        bump_data_version(session, actor.project_id)
        return preview

