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

import polars as pl
from sqlmodel import Session, select

from dashboard.errors import ValidationFailed
from dashboard.permissions import Permission
from dashboard.services.admin import audit
from dashboard.services.evaluation import indicator_definitions
from dashboard.services.evaluation import indicator_values
from dashboard.services.unit_of_work import mark_changed, write_scope
from dashboard.services.access import Actor, require
from dashboard.services.population.risk_import import (
    MunicipalityKeying,
    add_key_problem,
    add_undecided_key_problems,
    outside_municipalities,
    region_refs,
)
from data_loaders.fields import closest
from data_loaders.catalogues.indicators import CATALOGUE
from data_loaders.indicators import ParsedValues, ValueRow, parse_indicator_values
from data_loaders.nis import KeyProblem, PlaceIndex, decide_mode, label
from data_loaders.problems import Problem, Problems, UnreadableFile
from data_loaders.tabular import read_table
from models.db import session_scope
from models.tables import CareRegion, ImportLog, Indicator
from models.vocab import Area, ValueSource


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
    keying: MunicipalityKeying = field(default_factory=MunicipalityKeying)

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


COUNT_UNITS = frozenset({"", "n", "count", "number", "persons", "personnes", "personen", "nombre", "aantal"})


@dataclass
class _MunicipalGroup:
    """Rows of municipalities that add up to one value of a care region."""

    line: int
    row: ValueRow
    code: str
    unit: str
    decimals: int
    parts: dict[str, set[str]] = field(default_factory=dict)  # today's code -> codes written
    numerator: float = 0.0
    denominator: float = 0.0
    value: float = 0.0
    values_only: bool = False  # a row gave a value without numerator and denominator


def _plan(
    session: Session, actor: Actor, content: bytes, file_name: str, key: str = "auto"
) -> tuple[IndicatorPreview, pl.DataFrame | None]:
    preview = IndicatorPreview(file_name)
    try:
        table = read_table(content, file_name)
    except UnreadableFile as error:
        preview.problems = [Problem(error.key, error.params, file=file_name)]
        return preview, None
    preview.sha256 = table.sha256
    parsed: ParsedValues = parse_indicator_values(table)
    preview.unknown_columns = parsed.unknown_columns
    problems = Problems(file_name, list(parsed.problems.items))
    columns = parsed.column_names

    existing = {
        i.code: i for i in session.exec(select(Indicator).where(Indicator.project_id == actor.project_id))
    }
    defaults = {d.code: d for d in CATALOGUE}
    regions = list(session.exec(select(CareRegion).where(CareRegion.project_id == actor.project_id)).all())
    region_names = {r.id: r.name for r in regions}
    index = PlaceIndex(region_refs(regions))
    decision = decide_mode(index, (row.region for row in parsed.rows if row.region), key, parsed.key_kind)
    region_column = columns.get("region", "region")
    if decision.mode is None:
        add_undecided_key_problems(problems, decision, parsed.rows, column=region_column, regions=regions)
        preview.problems = sorted(problems.items, key=lambda p: p.line or 0)
        return preview, None
    preview.keying.mode = decision.mode
    targets: list[_Target] = []
    groups: dict[tuple[str, str, int], _MunicipalGroup] = {}
    outside: dict[str, list[int]] = {}
    first_line: dict[tuple, int] = {}
    for row in parsed.rows:
        before = len(problems)
        code = row.indicator.strip().upper()
        definition = existing.get(code) or defaults.get(code)
        if definition is None:
            problems.add(
                "problem.indicator.unknown",
                line=row.line,
                column=columns["indicator"],
                value=row.indicator,
                closest=closest(code, sorted(existing)) or closest(code, sorted(defaults)) or "–",
            )
        elif definition.computation:
            problems.add(
                "problem.indicator.computed", line=row.line, column=columns["indicator"], value=row.indicator
            )
        place = None
        if row.region:
            try:
                place = index.resolve(row.region, decision.mode)
            except KeyProblem as problem:
                add_key_problem(
                    problems, problem, line=row.line, column=region_column, value=row.region, regions=regions
                )
        if definition is not None and not definition.computation:
            value, found = indicator_values.check_value(
                definition.unit, definition.decimals, row.value, row.numerator, row.denominator
            )
            for problem in found:
                problems.add(
                    problem.key,
                    line=row.line,
                    column=columns.get(problem.column, problem.column),
                    value=_given(row, problem.column),
                    **problem.params,
                )
        if len(problems) > before or definition is None:
            continue
        if place is not None and place.region_id is None:
            outside.setdefault(place.given_code, []).append(row.line)
            continue
        region_id = place.region_id if place else None
        owner = place.given_code if place and place.municipality else region_id
        row_key = (code, row.period, owner)
        if row_key in first_line:  # e.g. a region by its code on one line, its name on another
            problems.add(
                "problem.indicator.duplicate_row",
                line=row.line,
                column=columns.get("region", columns["indicator"]),
                value=f"{row.indicator} {row.period} {row.region}".strip(),
                first_line=first_line[row_key],
            )
            continue
        first_line[row_key] = row.line
        if code not in existing and code not in preview.new_indicators:
            preview.new_indicators.append(code)
        if place is not None and place.municipality:
            group = groups.setdefault(
                (code, row.period, place.region_id),
                _MunicipalGroup(row.line, row, code, definition.unit, definition.decimals),
            )  # type: ignore[arg-type]
            group.parts.setdefault(place.municipality, set()).add(place.given_code)
            if row.numerator is not None and row.denominator is not None:
                group.numerator += row.numerator
                group.denominator += row.denominator
            else:
                group.values_only = True
            group.value += value or 0.0
            continue
        targets.append(
            _Target(
                row,
                code,
                region_id,
                region_names.get(region_id, "") if region_id else "",
                (value, row.numerator, row.denominator),
            )
        )
    for (_, _, region_id), group in groups.items():
        targets.extend(_aggregate(group, region_id, region_names[region_id], index, problems, region_column))
    keying = preview.keying
    given_codes = {c for g in groups.values() for codes in g.parts.values() for c in codes}
    today = {c for g in groups.values() for c in g.parts}
    keying.municipalities = len(given_codes)
    keying.regions = sorted({region_names[r] for _, _, r in groups})
    keying.old_codes = [label(c) for c in sorted(given_codes - today)]
    keying.outside = outside_municipalities(outside)
    preview.problems = sorted(problems.items, key=lambda p: p.line or 0)
    if problems:
        return preview, None

    compared = indicator_values.compare_with_stored(session, _targets_frame(targets, existing))
    outcome = compared["outcome"]
    preview.unchanged_values = int((outcome == "unchanged").sum())
    for row in compared.filter(outcome != "unchanged").iter_rows(named=True):
        old = (
            None
            if row["stored_id"] is None
            else (row["old_value"], row["old_numerator"], row["old_denominator"])
        )
        planned = PlannedValue(
            row["line"],
            row["code"],
            row["period"],
            row["region_name"],
            old,
            (row["value"], row["numerator"], row["denominator"]),
        )
        (preview.new_values if old is None else preview.changed_values).append(planned)
    return preview, compared


def _targets_frame(targets: list[_Target], existing: dict[str, Indicator]) -> pl.DataFrame:
    """The values to write, one row each in the file's order; indicator_id is null for an
    indicator of the default catalogue the import will add."""
    ids = {code: indicator.id for code, indicator in existing.items()}
    return pl.DataFrame(
        {
            "line": [t.row.line for t in targets],
            "code": [t.code for t in targets],
            "indicator_id": [ids.get(t.code) for t in targets],
            "period": [t.row.period for t in targets],
            "region_id": [t.region_id for t in targets],
            "region_name": [t.region_name for t in targets],
            "value": [t.figures[0] for t in targets],
            "numerator": [t.figures[1] for t in targets],
            "denominator": [t.figures[2] for t in targets],
        },
        schema={
            "line": pl.Int64,
            "code": pl.String,
            "indicator_id": pl.Int64,
            "period": pl.String,
            "region_id": pl.Int64,
            "region_name": pl.String,
            "value": pl.Float64,
            "numerator": pl.Float64,
            "denominator": pl.Float64,
        },
    )


def _aggregate(
    group: _MunicipalGroup, region_id: int, region: str, index: PlaceIndex, problems: Problems, column: str
) -> list[_Target]:
    """A care region's value from its municipalities': numerators and denominators add up (the
    value is worked out from the sums); values add up only for counts; rates, shares and
    scores alone cannot be combined. Every municipality of the region is needed."""
    before = len(problems)
    missing = index.missing_parts(region_id, group.parts)
    if missing:
        problems.add(
            "problem.nis.region_incomplete",
            line=group.line,
            column=column,
            region=region,
            year=group.row.period,
            count=len(missing),
            missing=", ".join(missing[:8]) + (" …" if len(missing) > 8 else ""),
        )
    for code, olds in index.overlapping_codes(group.parts):
        problems.add(
            "problem.nis.old_and_new_code",
            line=group.line,
            column=column,
            municipality=label(code),
            old=", ".join(olds),
            year=group.row.period,
        )
    counts = group.unit.strip().lower() in COUNT_UNITS
    if group.values_only and not counts:
        problems.add(
            "problem.nis.not_aggregable",
            line=group.line,
            column=column,
            value=group.row.region,
            unit=group.unit,
        )
    if len(problems) > before:
        return []
    if group.values_only:
        figures = (round(group.value, group.decimals + 2), None, None)
    else:
        value, _ = indicator_values.check_value(
            group.unit, group.decimals, None, group.numerator, group.denominator
        )
        figures = (value, group.numerator, group.denominator)
    return [_Target(group.row, group.code, region_id, region, figures)]


def _given(row: ValueRow, column: str) -> str:
    number = {"value": row.value, "numerator": row.numerator, "denominator": row.denominator}.get(column)
    return "" if number is None else f"{number:g}"


def preview_indicator_import(
    actor: Actor, content: bytes, file_name: str, key: str = "auto"
) -> IndicatorPreview:
    """What importing the file would do; writes nothing. `key` as for risk files."""
    require(actor, Permission.import_data)
    with session_scope() as session:
        preview, _ = _plan(session, actor, content, file_name, key)
        session.rollback()
        return preview


def apply_indicator_import(
    actor: Actor, content: bytes, file_name: str, key: str = "auto"
) -> IndicatorPreview:
    """Import the file: every value it adds or changes, in one transaction, or nothing
    (ValidationFailed). A file that changes nothing writes nothing."""
    require(actor, Permission.import_data)
    with write_scope(actor, Permission.import_data) as session:
        preview, compared = _plan(session, actor, content, file_name, key)
        if preview.problems:
            raise ValidationFailed(preview.problems, "import.refused")
        if not preview.has_changes or compared is None:
            return preview
        # only a file that changes something is an import worth recording: re-importing
        # the same file writes nothing, not even to the audit log
        audit.log_import(session, actor, "indicators", file_name)
        if preview.new_indicators:
            indicator_definitions.install_default_catalogue(session, actor.project_id, preview.new_indicators)
        by_code = {
            i.code: i for i in session.exec(select(Indicator).where(Indicator.project_id == actor.project_id))
        }
        session.add(
            ImportLog(
                project_id=actor.project_id,
                kind="indicators",
                file_name=file_name,
                file_sha256=preview.sha256,
                imported_by=actor.username,
                summary={
                    "new_values": len(preview.new_values),
                    "changed_values": len(preview.changed_values),
                    "new_indicators": preview.new_indicators,
                    "key": preview.keying.mode,
                    "municipalities": preview.keying.municipalities,
                    "outside_regions": [m.code for m in preview.keying.outside],
                },
            )
        )
        compared = compared.with_columns(
            pl.col("code")
            .replace_strict({code: i.id for code, i in by_code.items()}, return_dtype=pl.Int64)
            .alias("indicator_id")
        )
        indicator_values.write_values(session, compared, source=ValueSource.imported, username=actor.username)
        mark_changed(session, Area.evaluation)
        return preview
