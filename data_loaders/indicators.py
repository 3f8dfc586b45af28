"""Indicator values (CSV / XLSX): parsing and checking a file on its own, before the service
checks it against the project (its indicators, care regions, units) and works out what would
change.

Format (docs/formats/indicators.md): one row per indicator x period x care region; columns
`indicator` (the indicator's code) and `period` ("2021", "2021-Q3" or "2021-06") required;
`region` (empty: the whole project), `value`, `numerator`, `denominator` optional, but each row
needs a value, or a numerator and a denominator (the service works the value out from them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from data_loaders.fields import fold, parse_number
from data_loaders.nis import key_column
from data_loaders.periods import normalise_period, period_end
from data_loaders.problems import Problems
from data_loaders.tabular import Table, map_columns

REQUIRED = ("indicator", "period")
OPTIONAL = ("region", "value", "numerator", "denominator")
COLUMNS = REQUIRED + OPTIONAL
# Column names also accepted (compared without case or accents), as exports name them.
ALIASES: dict[str, tuple[str, ...]] = {
    "indicator": (
        "code",
        "indicator_code",
        "indicateur",
        "code_indicateur",
        "indicatorcode",
        "indicator code",
    ),
    "period": ("periode", "year", "annee", "jaar", "date"),
    "region": ("care_region", "region_code", "region_de_soins", "zorgregio", "regio"),
    "value": ("valeur", "waarde"),
    "numerator": ("numerateur", "teller", "num"),
    "denominator": ("denominateur", "noemer", "den"),
}


_GROUPED_WHOLE = re.compile(r"^\d{1,3}(?:[.\s\u00a0\u202f]\d{3})+$")


def parse_count(text: str) -> float:
    """A numerator or denominator: as parse_number, except that "1.200" (a dot before exactly
    three digits, as Belgian files group thousands) is 1200, since counts of persons are whole."""
    if _GROUPED_WHOLE.match(text.strip()):
        return float(re.sub(r"[.\s\u00a0\u202f]", "", text))
    return parse_number(text)


@dataclass(frozen=True)
class ValueRow:
    """One value as the file gives it. `region` is "" for the whole project."""

    line: int
    indicator: str
    period: str
    region: str
    value: float | None
    numerator: float | None
    denominator: float | None

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.indicator.upper(), self.period, fold(self.region))


@dataclass
class ParsedValues:
    file_name: str
    rows: list[ValueRow] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)
    problems: Problems = field(default_factory=Problems)
    column_names: dict[str, str] = field(default_factory=dict)  # our name -> header as written
    key_kind: str = "region"  # "municipality" when the region column is named as municipalities


def parse_indicator_values(table: Table) -> ParsedValues:
    """Read every row, collecting every problem (not only the first)."""
    parsed = ParsedValues(table.file_name, problems=Problems(table.file_name))
    problems = parsed.problems
    region_aliases, parsed.key_kind, both = key_column(table, ALIASES["region"])
    if both is not None:
        problems.add("problem.nis.two_key_columns", line=1, column=both)
        return parsed
    columns = map_columns(table, COLUMNS, REQUIRED, ALIASES | {"region": region_aliases}, problems)
    parsed.column_names, parsed.unknown_columns = columns.names, columns.unknown
    if not any(name in parsed.column_names for name in ("value", "numerator", "denominator")):
        problems.add("problem.indicator.no_value_column", line=1, column="value")
    if problems:
        return parsed

    col = parsed.column_names
    first_line: dict[tuple[str, str, str], int] = {}
    for row, line in zip(table.rows, table.lines, strict=True):
        before = len(problems)

        def cell(name: str, row: dict = row) -> str | None:
            return row.get(col[name]) if name in col else None

        code = cell("indicator")
        if code is None:
            problems.add("problem.empty_cell", line=line, column=col["indicator"])
        period_text = cell("period")
        period = ""
        if period_text is None:
            problems.add("problem.empty_cell", line=line, column=col["period"])
        else:
            period = normalise_period(period_text)
            try:
                period_end(period)
            except ValueError:
                problems.add(
                    "problem.indicator.bad_period", line=line, column=col["period"], value=period_text
                )
        numbers: dict[str, float | None] = {}
        for name in ("value", "numerator", "denominator"):
            text = cell(name)
            numbers[name] = None
            if text is None:
                continue
            try:
                numbers[name] = parse_number(text) if name == "value" else parse_count(text)
            except ValueError:
                problems.add("problem.bad_number", line=line, column=col[name], value=text)
                continue
            if name != "value" and numbers[name] < 0:  # type: ignore[operator]
                problems.add("problem.indicator.negative_count", line=line, column=col[name], value=text)
        if all(cell(name) is None for name in ("value", "numerator", "denominator")):
            problems.add(
                "problem.indicator.no_value",
                line=line,
                column=col.get("value") or col.get("numerator") or col["denominator"],
            )
        if len(problems) > before or code is None:
            continue
        value_row = ValueRow(
            line,
            code,
            period,
            cell("region") or "",
            numbers["value"],
            numbers["numerator"],
            numbers["denominator"],
        )
        if value_row.key in first_line:
            problems.add(
                "problem.indicator.duplicate_row",
                line=line,
                column=col["indicator"],
                value=f"{code} {period} {value_row.region}".strip(),
                first_line=first_line[value_row.key],
            )
            continue
        first_line[value_row.key] = line
        parsed.rows.append(value_row)
    return parsed
