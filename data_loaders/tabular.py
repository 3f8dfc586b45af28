"""Reading the tables users bring (CSV or XLSX) into rows of text, with the line each row came
from, and collecting problems by file, line and column.

CSV: separator `,`, `;` or tab, detected from the header; encoding UTF-8 (with or without BOM),
UTF-16 with a BOM, else Windows-1252. XLSX: the first sheet, every cell read as text. Line numbers are the ones a
spreadsheet or text editor shows: the header is line 1.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from data_loaders.problems import Problems, UnreadableFile


@dataclass(frozen=True)
class Table:
    """A table as read: header names as written, rows of text (None for empty cells)."""

    file_name: str
    columns: list[str]
    rows: list[dict[str, str | None]]
    lines: list[int]  # the line each row starts on
    sha256: str
    unnamed_positions: tuple[int, ...] = ()  # columns (1 = first) without a header, ignored

    def column_for(self, name: str, aliases: tuple[str, ...] = ()) -> str | None:
        """The header, as written, that means `name` (compared without case, accents or
        spacing), or None."""
        wanted = {normalise_header(n) for n in (name, *aliases)}
        for column in self.columns:
            if normalise_header(column) in wanted:
                return column
        return None

    def frame(self) -> pl.DataFrame:
        """The rows as a frame of strings, with the line of each row in `__line`."""
        data = {column: [row.get(column) for row in self.rows] for column in self.columns}
        return pl.DataFrame(
            {**data, "__line": self.lines},
            schema={**{c: pl.String for c in self.columns}, "__line": pl.Int64},
        )


_ACCENTS = str.maketrans("àâäáãåçéèêëíìîïñóòôöõúùûüýÿ", "aaaaaaceeeeiiiinooooouuuuyy")


def normalise_header(name: str) -> str:
    """ "Début prévu " -> "debut_prevu"; "Lead partner" -> "lead_partner"."""
    text = name.strip().lower().translate(_ACCENTS)
    return re.sub(r"[\s\-/.]+", "_", text).strip("_")


def decode(content: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 with or without BOM, UTF-16 with its BOM (Excel's "Unicode
    text"), else Windows-1252, else Latin-1."""
    if content.startswith(b"\xef\xbb\xbf"):
        try:
            return content[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            pass  # a BOM and then not UTF-8: read as the bytes say below
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return content.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    try:
        return content.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return content.decode("latin-1"), "latin-1"


def _separator(text: str) -> str:
    """The separator that splits the header into the most columns (`,` on a tie)."""
    header = text.splitlines()[0] if text else ""
    counts = {}
    for sep in (",", ";", "\t"):
        try:
            counts[sep] = len(next(csv.reader([header], delimiter=sep), []))
        except csv.Error:  # e.g. a header cell over the cell limit: read_records says so
            counts[sep] = 0
    return max(counts, key=lambda sep: (counts[sep], sep == ","))


CELL_LIMIT = csv.field_size_limit()  # characters in one cell (csv's own limit, 131,072)


def read_records(text: str, delimiter: str, file_name: str) -> Iterator[tuple[int, list[str]]]:
    """(line the record starts on, cells) of every record of a CSV text. A record that cannot
    be read (a cell over CELL_LIMIT characters, a broken quote) refuses the file with
    UnreadableFile naming its line."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    previous_end = 0
    try:
        for record in reader:
            start, previous_end = previous_end + 1, reader.line_num
            yield start, record
    except csv.Error as error:
        if "field limit" in str(error):
            raise UnreadableFile(
                "problem.cell_too_long", file=file_name, line=previous_end + 1, limit=CELL_LIMIT
            ) from error
        raise UnreadableFile(
            "problem.not_a_table", file=file_name, reason=f"line {reader.line_num}: {error}"
        ) from error


def _clean(value: object) -> str | None:
    """Trimmed text, None when empty. An apostrophe our exports put before = + - @ (so that
    spreadsheets do not run the cell as a formula) is taken off again."""
    if value is None:
        return None
    text = str(value).strip()
    if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@"):  # (no regex: called per cell)
        text = text[1:]
    return text or None


def _read_csv(content: bytes, file_name: str) -> tuple[list[str], list[list[str | None]], list[int]]:
    text, _ = decode(content)
    if not text.strip():
        raise UnreadableFile("problem.empty_file", file=file_name)
    records = read_records(text, _separator(text), file_name)
    _, header = next(records, (1, []))
    rows, lines = [], []
    for start, record in records:
        if not any(cell.strip() for cell in record):
            continue
        rows.append([_clean(cell) for cell in record])
        lines.append(start)
    return [h.strip() for h in header], rows, lines


def _read_xlsx(content: bytes, file_name: str) -> tuple[list[str], list[list[str | None]], list[int]]:
    try:
        sheet = pl.read_excel(
            io.BytesIO(content),
            engine="calamine",
            sheet_id=1,
            infer_schema_length=0,
            has_header=False,
            raise_if_empty=False,
        )
    except Exception as error:  # noqa: BLE001 - the reader raises many kinds; all mean "unreadable"
        raise UnreadableFile("problem.not_a_table", file=file_name, reason=str(error)[:200]) from error
    if sheet.height == 0:
        raise UnreadableFile("problem.empty_file", file=file_name)
    records = [[_clean(_excel_text(v)) for v in row] for row in sheet.iter_rows()]
    header = [cell or "" for cell in records[0]]
    rows, lines = [], []
    for index, record in enumerate(records[1:], start=2):
        if any(cell is not None for cell in record):
            rows.append(record)
            lines.append(index)
    return header, rows, lines


def _excel_text(value: object) -> object:
    """Dates come out of Excel as "2021-03-01 00:00:00": keep the date."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2} 00:00:00", value):
        return value[:10]
    return value


def read_table(content: bytes, file_name: str, ignore_unnamed: bool = False) -> Table:
    """Read a CSV or XLSX file (by extension; XLSX also recognised by its zip signature).
    A column without a header refuses the file, unless `ignore_unnamed` (survey exports, whose
    tools write such columns): it is then left out and its position kept in the Table."""
    is_xlsx = Path(file_name).suffix.lower() in (".xlsx", ".xlsm") or content[:2] == b"PK"
    header, records, lines = (_read_xlsx if is_xlsx else _read_csv)(content, file_name)
    while header and not header[-1]:  # trailing empty header cells (common in exports)
        header.pop()
    if not any(header):
        raise UnreadableFile("problem.no_header", file=file_name)
    unnamed: tuple[int, ...] = ()
    if ignore_unnamed and not all(header):
        unnamed = tuple(position for position, name in enumerate(header, start=1) if not name)
        kept = [index for index, name in enumerate(header) if name]
        header = [header[index] for index in kept]
        records = [[record[index] if index < len(record) else None for index in kept] for record in records]
    seen: dict[str, int] = {}
    for position, name in enumerate(header, start=1):
        if not name:
            raise UnreadableFile("problem.empty_header", file=file_name, position=position)
        key = normalise_header(name)
        if key in seen:
            raise UnreadableFile("problem.duplicate_header", file=file_name, column=name)
        seen[key] = position
    rows = []
    for record in records:
        padded = list(record) + [None] * (len(header) - len(record))
        rows.append(dict(zip(header, padded[: len(header)], strict=True)))
    return Table(file_name, header, rows, lines, hashlib.sha256(content).hexdigest(), unnamed)


@dataclass(frozen=True)
class ColumnMap:
    """Which header of a file holds each of our columns, and what the file has beside them."""

    names: dict[str, str]  # our column name -> the header as written
    unknown: list[str]  # headers that are none of our columns (reported, ignored)
    missing: list[str]  # required columns the file lacks


def map_columns(
    table: Table,
    columns: tuple[str, ...],
    required: tuple[str, ...],
    aliases: dict[str, tuple[str, ...]],
    problems: Problems,
) -> ColumnMap:
    """Find our columns among the file's headers (any case, accents, or listed alias); a missing
    required column is a problem on line 1."""
    names = {}
    for name in columns:
        header = table.column_for(name, aliases.get(name, ()))
        if header is not None:
            names[name] = header
    known = set(names.values())
    missing = [name for name in required if name not in names]
    for name in missing:
        problems.add("problem.missing_column", line=1, column=name, expected=", ".join(required))
    return ColumnMap(names, [c for c in table.columns if c not in known], missing)
