"""Risk-stratification tables (CSV / XLSX / Parquet, long format): reading and checking a file
on its own, before the service checks it against the project (its care regions) and works out
what would change.

Format (docs/formats/risk.md): one row per care region x year x stratum, optionally broken down
by age band, sex or condition; columns `region`, `year`, `stratum`, `persons` required;
`age_band`, `sex`, `condition`, `population` optional. Parquet files have no lines: a row's
"line" is its position + 1 (the first row is line 2), as if the file were a spreadsheet with a
header line.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import astuple, dataclass, field
from pathlib import Path

import polars as pl

from data_loaders.fields import match_word, parse_whole
from data_loaders.nis import key_column
from data_loaders.problems import Problems, UnreadableFile
from data_loaders.tabular import Table, map_columns, normalise_header, read_table

REQUIRED = ("region", "year", "stratum", "persons")
OPTIONAL = ("age_band", "sex", "condition", "population")
COLUMNS = REQUIRED + OPTIONAL
ALIASES: dict[str, tuple[str, ...]] = {
    "region": ("care_region", "region_code", "region_name", "zorgregio", "regio", "region_de_soins"),
    "year": ("annee", "jaar", "cd_year"),
    "stratum": ("strate", "risk_stratum", "strata", "niveau_de_risque", "risiconiveau"),
    "persons": ("count", "n", "personnes", "personen", "nombre", "aantal", "ms_persons"),
    "age_band": (
        "age",
        "age_group",
        "tranche_d_age",
        "tranche_d'age",
        "classe_d_age",
        "classe_d'age",
        "leeftijd",
        "leeftijdsgroep",
    ),
    "sex": ("sexe", "geslacht", "gender"),
    "condition": ("pathologie", "maladie", "aandoening", "ziekte", "disease"),
    "population": ("habitants", "inwoners", "bevolking", "inhabitants", "ms_population"),
}
EARLIEST_YEAR, LATEST_YEAR = 2000, 2100
_BAND_RANGE = re.compile(r"^(\d{1,3})\s*[-–—]\s*(\d{1,3})$")
_BAND_OPEN = re.compile(r"^(\d{1,3})\s*\+$")


@dataclass(frozen=True, slots=True)
class RiskRow:
    """A count as the file gives it; "" for an age band, sex or condition means all."""

    line: int
    region: str
    year: int
    stratum: int
    persons: int
    age_band: str = ""
    sex: str = ""
    condition: str = ""
    population: int | None = None

    @property
    def cell(self) -> tuple[int, int, str, str, str]:
        return (self.year, self.stratum, self.age_band, self.sex, self.condition)


_ROW_SCHEMA = {
    "line": pl.Int64,
    "region": pl.String,
    "year": pl.Int32,
    "stratum": pl.Int8,
    "persons": pl.Int64,
    "age_band": pl.String,
    "sex": pl.String,
    "condition": pl.String,
    "population": pl.Int64,
}


class RiskRows(Sequence[RiskRow]):
    """The rows read, in order, kept as polars columns a chunk at a time and given back as
    RiskRow when iterated: a national file's 4 M rows as Python objects took gigabytes."""

    CHUNK = 100_000

    def __init__(self) -> None:
        self._frames: list[pl.DataFrame] = []
        self._pending: list[tuple] = []

    def append(self, row: RiskRow) -> None:
        self._pending.append(astuple(row))
        if len(self._pending) >= self.CHUNK:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._frames.append(pl.DataFrame(self._pending, schema=_ROW_SCHEMA, orient="row"))
            self._pending = []

    def frame(self) -> pl.DataFrame:
        """Every row as one frame (columns as RiskRow's)."""
        self._flush()
        return pl.concat(self._frames) if self._frames else pl.DataFrame(schema=_ROW_SCHEMA)

    def __len__(self) -> int:
        return sum(f.height for f in self._frames) + len(self._pending)

    def __iter__(self) -> Iterator[RiskRow]:
        self._flush()
        for frame in self._frames:
            for chunk in frame.iter_slices(10_000):
                for values in chunk.iter_rows():
                    yield RiskRow(*values)

    def __getitem__(self, index):  # noqa: ANN001, ANN204
        if isinstance(index, slice):
            return list(self)[index]
        return RiskRow(*self.frame().row(index))


@dataclass
class ParsedRisk:
    file_name: str
    sha256: str = ""
    rows: RiskRows = field(default_factory=RiskRows)
    unknown_columns: list[str] = field(default_factory=list)
    problems: Problems = field(default_factory=Problems)
    column_names: dict[str, str] = field(default_factory=dict)  # our name -> header as written
    key_kind: str = "region"  # "municipality" when the key column is named as municipalities


def read_risk_file(content: bytes, file_name: str) -> Table:
    """CSV or XLSX (data_loaders.tabular), or Parquet (by extension or signature)."""
    if Path(file_name).suffix.lower() == ".parquet" or content[:4] == b"PAR1":
        return _read_parquet(content, file_name)
    return read_table(content, file_name)


def _read_parquet(content: bytes, file_name: str) -> Table:
    try:
        frame = pl.read_parquet(io.BytesIO(content))
    except Exception as error:  # noqa: BLE001 - the reader raises many kinds; all mean "unreadable"
        raise UnreadableFile("problem.risk.not_parquet", file=file_name, reason=str(error)[:200]) from error
    if frame.width == 0:
        raise UnreadableFile("problem.empty_file", file=file_name)
    seen: set[str] = set()
    for name in frame.columns:
        if normalise_header(name) in seen:
            raise UnreadableFile("problem.duplicate_header", file=file_name, column=name)
        seen.add(normalise_header(name))
    return Table(
        file_name,
        list(frame.columns),
        _ParquetRows(frame),  # type: ignore[arg-type]
        range(2, frame.height + 2),
        hashlib.sha256(content).hexdigest(),
    )  # type: ignore[arg-type]


class _ParquetRows(Sequence[dict]):
    """A Parquet file's rows as text (like a CSV's), made a slice at a time as they are read
    rather than all at once."""

    def __init__(self, frame: pl.DataFrame) -> None:
        self._frame = frame

    def __len__(self) -> int:
        return self._frame.height

    def __iter__(self) -> Iterator[dict]:
        for chunk in self._frame.iter_slices(10_000):
            for record in chunk.iter_rows(named=True):
                yield {name: _parquet_text(value) for name, value in record.items()}

    def __getitem__(self, index):  # noqa: ANN001, ANN204
        if isinstance(index, slice):
            return [
                dict(zip(self._frame.columns, (_parquet_text(v) for v in row), strict=True))
                for row in self._frame[index].iter_rows()
            ]
        return {name: _parquet_text(value) for name, value in self._frame.row(index, named=True).items()}


def _parquet_text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def normalise_age_band(text: str) -> str:
    """ "0 – 17" -> "0-17", "75 +" -> "75+"; ValueError for anything else."""
    value = text.strip()
    if match := _BAND_RANGE.match(value):
        low, high = int(match.group(1)), int(match.group(2))
        if low >= high:
            raise ValueError(text)
        return f"{low}-{high}"
    if match := _BAND_OPEN.match(value):
        return f"{int(match.group(1))}+"
    raise ValueError(text)


def parse_risk_table(
    table: Table, stratum_words: dict[str, int], sex_words: dict[str, str], condition_words: dict[str, str]
) -> ParsedRisk:
    """Read every row, collecting every problem (not only the first).

    The word maps take a folded word (key, or label in French, Dutch or English) to its key:
    `stratum_words` to 0-3 (numbers are accepted anyway), `sex_words` to female / male,
    `condition_words` to a condition key.
    """
    parsed = ParsedRisk(table.file_name, table.sha256, problems=Problems(table.file_name))
    problems = parsed.problems
    region_aliases, parsed.key_kind, both = key_column(table, ALIASES["region"])
    if both is not None:
        problems.add("problem.nis.two_key_columns", line=1, column=both)
        return parsed
    columns = map_columns(table, COLUMNS, REQUIRED, ALIASES | {"region": region_aliases}, problems)
    parsed.column_names, parsed.unknown_columns = columns.names, columns.unknown
    missing = columns.missing
    if missing:
        return parsed
    col = parsed.column_names
    for row, line in zip(table.rows, table.lines, strict=True):
        parsed_row = _parse_row(row, line, col, stratum_words, sex_words, condition_words, problems)
        if parsed_row is not None:
            parsed.rows.append(parsed_row)
    if not table.rows:
        problems.add("problem.risk.no_rows", line=2)
    return parsed


def _parse_row(
    row: dict,
    line: int,
    col: dict[str, str],
    stratum_words: dict[str, int],
    sex_words: dict[str, str],
    condition_words: dict[str, str],
    problems: Problems,
) -> RiskRow | None:
    before = len(problems)

    def cell(name: str) -> str | None:
        return row.get(col[name]) if name in col else None

    values: dict[str, object] = {}
    for name in REQUIRED:
        if cell(name) is None:
            problems.add("problem.empty_cell", line=line, column=col[name])
    if (text := cell("year")) is not None:
        try:
            year = parse_whole(text)
            if not EARLIEST_YEAR <= year <= LATEST_YEAR:
                raise ValueError(text)
            values["year"] = year
        except ValueError:
            problems.add("problem.risk.bad_year", line=line, column=col["year"], value=text)
    if (text := cell("stratum")) is not None:
        try:
            values["stratum"] = _stratum(text, stratum_words)
        except ValueError:
            problems.add("problem.risk.bad_stratum", line=line, column=col["stratum"], value=text)
    for name in ("persons", "population"):
        if (text := cell(name)) is not None:
            try:
                number = parse_whole(text)
                if number < 0:
                    raise ValueError(text)
                values[name] = number
            except ValueError:
                problems.add("problem.risk.bad_count", line=line, column=col[name], value=text)
    if (text := cell("age_band")) is not None:
        try:
            values["age_band"] = normalise_age_band(text)
        except ValueError:
            problems.add("problem.risk.bad_age_band", line=line, column=col["age_band"], value=text)
    if (text := cell("sex")) is not None:
        try:
            values["sex"] = match_word(text, sex_words)
        except ValueError:
            problems.add("problem.risk.bad_sex", line=line, column=col["sex"], value=text)
    if (text := cell("condition")) is not None:
        try:
            values["condition"] = match_word(text, condition_words)
        except ValueError:
            problems.add(
                "problem.risk.bad_condition",
                line=line,
                column=col["condition"],
                value=text,
                expected=", ".join(sorted(set(condition_words.values()))),
            )
    if len(problems) > before:
        return None
    return RiskRow(
        line=line,
        region=cell("region") or "",
        year=values["year"],  # type: ignore[arg-type]
        stratum=values["stratum"],
        persons=values["persons"],  # type: ignore[arg-type]
        age_band=str(values.get("age_band", "")),
        sex=str(values.get("sex", "")),
        condition=str(values.get("condition", "")),
        population=values.get("population"),  # type: ignore[arg-type]
    )


def _stratum(text: str, words: dict[str, int]) -> int:
    try:
        stratum = parse_whole(text)
    except ValueError:
        return int(match_word(text, words))  # type: ignore[arg-type]
    if not 0 <= stratum <= 3:
        raise ValueError(text)
    return stratum
