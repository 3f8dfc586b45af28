"""Statbel population tables (CSV / XLSX), read as populations per municipality.

Two layouts (docs/formats/population.md):
- the table "Population by place of residence" as Statbel publishes it, in Dutch
  (`NIS code, Woonplaats, Mannen, Vrouwen, Totaal`) or French (`Code NIS, Lieu de résidence,
  Hommes, Femmes, Total`), with title lines above the header ("... op 1 januari 2024") and
  subtotal lines (country, regions, provinces, arrondissements) among the municipalities;
- Statbel's open data (`CD_REFNIS, ..., MS_POPULATION`, one line per municipality x sex x age
  x ...), whose lines are added up per municipality.
The year is the one of the title, of a year column, or given. Reads and checks; never writes.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from data_loaders.fields import parse_whole
from data_loaders.indicators import parse_count
from data_loaders.nis import is_higher_level, is_known, nis5
from data_loaders.problems import Problems, UnreadableFile
from data_loaders.tabular import _read_xlsx, decode, normalise_header, read_records

CODE_HEADERS = ("nis_code", "code_nis", "cd_refnis", "refnis", "nis", "niscode", "code_ins", "ins", "nis5")
TOTAL_HEADERS = (
    "totaal",
    "total",
    "ms_population",
    "population",
    "bevolking",
    "inwoners",
    "habitants",
    "totaal_bevolking",
    "population_totale",
)
YEAR_HEADERS = ("year", "jaar", "annee", "cd_year")
SUMMED = ("ms_population",)  # open data: one line per breakdown, added up per municipality
_TITLE_YEAR = re.compile(
    r"(?:1(?:er)?\s*(?:janvier|januari|january|jan\.?)|01[/.-]01[/.-])\s*(\d{4})"
    r"|(\d{4})-01-01",
    re.IGNORECASE,
)


@dataclass
class ParsedPopulation:
    file_name: str
    sha256: str = ""
    populations: dict[str, int] = field(default_factory=dict)  # code as written -> persons
    lines: dict[str, int] = field(default_factory=dict)  # code -> first line
    year: int | None = None
    year_line: int | None = None
    subtotals: int = 0  # lines of the country, regions, provinces, arrondissements
    code_column: str = ""
    problems: Problems = field(default_factory=Problems)


def _records(content: bytes, file_name: str) -> list[tuple[int, list[str | None]]]:
    """(line, cells) of every non-empty line, title lines included."""
    if Path(file_name).suffix.lower() in (".xlsx", ".xlsm") or content[:2] == b"PK":
        header, rows, lines = _read_xlsx(content, file_name)
        return [(1, list(header)), *zip(lines, rows, strict=True)]
    text, _ = decode(content)
    if not text.strip():
        raise UnreadableFile("problem.empty_file", file=file_name)
    best: list[tuple[int, list[str | None]]] = []
    for separator in (";", ",", "\t"):
        found = []
        for start, record in read_records(text, separator, file_name):
            if any(cell.strip() for cell in record):
                found.append((start, [cell.strip() or None for cell in record]))
        if _header_index(found) is not None:
            return found
        best = best or found
    return best


def _header_index(records: list[tuple[int, list[str | None]]]) -> int | None:
    for position, (_, cells) in enumerate(records):
        names = {normalise_header(cell) for cell in cells if cell}
        if names & set(CODE_HEADERS) and names & set(TOTAL_HEADERS):
            return position
    return None


def title_year(texts: list[str]) -> int | None:
    """The year of "Bevolking op 1 januari 2024", "Population au 1er janvier 2024",
    "... 01/01/2024" in title lines, or None."""
    for text in texts:
        if match := _TITLE_YEAR.search(text):
            return int(match.group(1) or match.group(2))
    return None


def parse_population_table(content: bytes, file_name: str) -> ParsedPopulation:
    parsed = ParsedPopulation(file_name, hashlib.sha256(content).hexdigest(), problems=Problems(file_name))
    problems = parsed.problems
    records = _records(content, file_name)
    start = _header_index(records)
    if start is None:
        problems.add("problem.population.no_header", line=1)
        return parsed
    header_line, header = records[start]
    normalised = [normalise_header(cell or "") for cell in header]
    code_at = next(i for i, name in enumerate(normalised) if name in CODE_HEADERS)
    total_at = next(i for i, name in enumerate(normalised) if name in TOTAL_HEADERS)
    year_at = next((i for i, name in enumerate(normalised) if name in YEAR_HEADERS), None)
    parsed.code_column = header[code_at] or ""
    total_column = header[total_at] or ""
    summed = normalised[total_at] in SUMMED
    parsed.year = title_year([" ".join(c for c in cells if c) for _, cells in records[:start]])
    if parsed.year is not None:
        parsed.year_line = records[0][0]
    for line, cells in records[start + 1 :]:

        def cell(at: int | None, cells: list[str | None] = cells) -> str | None:
            return cells[at] if at is not None and at < len(cells) else None

        text = cell(code_at)
        code = nis5(text) if text else None
        if code is None:
            if text and text.isdigit():
                problems.add(
                    "problem.nis.unknown_code", line=line, column=parsed.code_column, value=text, code=text
                )
            continue  # a note under the table ("Bron: Statbel")
        if is_higher_level(code):
            parsed.subtotals += 1
            continue
        if not is_known(code):
            problems.add(
                "problem.nis.unknown_code", line=line, column=parsed.code_column, value=code, code=code
            )
            continue
        total = cell(total_at)
        try:
            persons = parse_whole(str(parse_count(total))) if total else None
            if persons is None or persons < 0:
                raise ValueError(total)
        except ValueError:
            if total is None:
                problems.add("problem.empty_cell", line=line, column=total_column)
            else:
                problems.add("problem.risk.bad_count", line=line, column=total_column, value=total)
            continue
        if (year_text := cell(year_at)) is not None:
            try:
                year = parse_whole(year_text)
            except ValueError:
                problems.add(
                    "problem.risk.bad_year", line=line, column=header[year_at] or "", value=year_text
                )
                continue
            if parsed.year is None:
                parsed.year, parsed.year_line = year, line
            elif year != parsed.year:
                problems.add(
                    "problem.population.year_differs",
                    line=line,
                    column=header[year_at] or "",
                    value=year_text,
                    found=year,
                    given=parsed.year,
                )
                continue
        if code in parsed.populations and not summed:
            problems.add(
                "problem.population.duplicate",
                line=line,
                column=parsed.code_column,
                value=code,
                first_line=parsed.lines[code],
            )
            continue
        parsed.lines.setdefault(code, line)
        parsed.populations[code] = parsed.populations.get(code, 0) + persons
    if not parsed.populations and not problems:
        problems.add("problem.risk.no_rows", line=header_line + 1)
    return parsed
