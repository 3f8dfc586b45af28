"""Property-based tests of every importer (issue 13 item 10): whatever bytes a user brings —
arbitrary bytes, another encoding (UTF-8 with BOM, Windows-1252, UTF-16), another separator,
huge fields, empty files, cells that look like formulas, edge dates — an import either succeeds
(and importing the same file again changes nothing) or is refused with ValidationFailed whose
every problem names the file (and, when it is about a line, the line), and then nothing at all
was written: the row count of every table is the same before and after.

Fast and reproducible: a fixed number of examples per importer, derandomized (the same
examples on every run and in CI), on the demo database on SQLite (the importers' SQL is the same
on PostgreSQL, covered by the importers' own tests).
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import SQLModel, func, select

from dashboard.errors import ValidationFailed, describe
from dashboard.services.population import geo_import
from dashboard.services.evaluation import indicator_import
from dashboard.services.actions import plan_import
from dashboard.services.population import population_import
from dashboard.services.population import risk_import
from dashboard.services.partners import survey_import
from dashboard.services.access import cli_actor
from models.db import session_scope

DATA = Path(__file__).resolve().parent.parent / "data"

PROPERTIES = settings(
    max_examples=int(os.environ.get("LIVINGLAB_PROPERTY_EXAMPLES", "25")),
    derandomize=os.environ.get("LIVINGLAB_PROPERTY_RANDOM") != "1",
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

FORMULAS = ["=1+1", "+32 2 555 00 00", "-5", "@SUM(A1:A9)", '=HYPERLINK("http://x","y")', "=cmd|'/c calc'!A0"]
EDGE_DATES = [
    "29/02/2024",
    "29/02/2023",
    "31/12/9999",
    "9999-12-31",
    "00/00/0000",
    "0000-00-00",
    "31/04/2025",
    "1/1/1",
    "2025-13-01",
    "01/01/1900",
]
ODD_TEXT = [
    "",
    " ",
    "\u00a0",
    "é",
    "'",
    '"',
    "\n",
    "\r\n",
    "\t",
    ";",
    ",",
    "\x00",
    "\ufeff",
    "NaN",
    "inf",
    "-0",
]


def table_counts() -> dict[str, int]:
    """Rows of every table of the data model."""
    with session_scope() as session:
        return {
            name: session.exec(select(func.count()).select_from(table)).one()
            for name, table in sorted(SQLModel.metadata.tables.items())
        }


# ---------------------------------------------------------------- the files to mutate


def _rows(path: Path) -> list[list[str]]:
    text = path.read_bytes().decode("utf-8-sig")
    delimiter = ";" if text.splitlines()[0].count(";") > text.splitlines()[0].count(",") else ","
    return [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


@dataclass(frozen=True)
class Importer:
    name: str
    seed: Callable[[], list[list[str]]]  # the rows (header first) of a file it accepts
    apply: Callable[[bytes, str], object]  # imports into the demo project EMPACT
    suffix: str = ".csv"


def _empact():
    return cli_actor("empact")


def _plan_seed() -> list[list[str]]:
    text = plan_import.export_plan(_empact(), "csv").decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline="")))


IMPORTERS = {
    "actions": Importer(
        "actions", _plan_seed, lambda content, name: plan_import.apply_plan_import(_empact(), content, name)
    ),
    "risk": Importer(
        "risk",
        lambda: _rows(DATA / "risk" / "good.csv"),
        lambda content, name: risk_import.apply_risk_import(_empact(), content, name),
    ),
    "indicators": Importer(
        "indicators",
        lambda: _rows(DATA / "indicators" / "values_nl.csv"),
        lambda content, name: indicator_import.apply_indicator_import(_empact(), content, name),
    ),
    "population": Importer(
        "population",
        lambda: _rows(DATA / "population" / "statbel_nl_2024.csv"),
        lambda content, name: population_import.apply_population_import(_empact(), content, name),
    ),
    "survey": Importer(
        "survey",
        lambda: _rows(DATA / "surveys" / "limesurvey_nl.csv"),
        lambda content, name: survey_import.apply_survey_import(_empact(), content, name, wave="Fuzz"),
    ),
    "questionnaire": Importer(
        "questionnaire",
        lambda: _rows(DATA / "surveys" / "questionnaire_innovation.csv"),
        lambda content, name: survey_import.apply_questionnaire_import(_empact(), content, name),
    ),
    "geo-mapping": Importer(
        "geo-mapping",
        lambda: _rows(DATA / "geo" / "mapping_westhoek.csv"),
        lambda content, name: geo_import.apply_geo_import(
            _empact(),
            (DATA / "geo" / "statbel_municipalities_invalid.geojson").read_bytes(),
            "statbel_municipalities_invalid.geojson",
            mapping_content=content,
            mapping_name=name,
        ),
    ),
}


def xlsx(rows: list[list[str]]) -> bytes:
    """The rows as the first sheet of a workbook, every cell text."""
    width = max((len(row) for row in rows), default=1) or 1
    columns = [f"c{i}" for i in range(width)]
    frame = pl.DataFrame([[*row, *[None] * (width - len(row))] for row in rows], schema=columns, orient="row")
    buffer = io.BytesIO()
    frame.write_excel(buffer, include_header=False)
    return buffer.getvalue()


@st.composite
def tables(draw: st.DrawFn, seed: list[list[str]]) -> bytes:
    """The seed file with some cells replaced, written with some separator and encoding."""
    rows = [list(row) for row in seed]
    width = max(len(row) for row in rows)
    for _ in range(draw(st.integers(0, 4))):
        line = draw(st.integers(0, len(rows) - 1))
        column = draw(st.integers(0, width))
        cell = draw(
            st.one_of(
                st.sampled_from(FORMULAS),
                st.sampled_from(EDGE_DATES),
                st.sampled_from(ODD_TEXT),
                st.text(max_size=12),
                st.integers(-(10**20), 10**20).map(str),
                st.floats(allow_nan=True, allow_infinity=True).map(str),
                st.just("x" * 200_000),
            )
        )
        row = rows[line]
        if column < len(row):
            row[column] = cell
        else:
            row.append(cell)
    shape = draw(st.sampled_from(["whole", "header only", "no header", "truncated", "one column"]))
    if shape == "header only":
        rows = rows[:1]
    elif shape == "no header":
        rows = rows[1:]
    elif shape == "one column":
        rows = [row[:1] for row in rows]
    if draw(st.integers(0, 5)) == 0:
        return xlsx(rows)
    buffer = io.StringIO(newline="")
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    csv.writer(buffer, delimiter=delimiter, lineterminator=draw(st.sampled_from(["\n", "\r\n"]))).writerows(
        rows
    )
    text = buffer.getvalue()
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    content = text.encode(encoding, errors="replace")
    if shape == "truncated":
        content = content[: draw(st.integers(0, len(content)))]
    return content


def anything(seed: list[list[str]]) -> st.SearchStrategy[bytes]:
    return st.one_of(
        tables(seed),
        tables(seed),
        tables(seed),
        st.binary(max_size=400),
        st.tuples(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]), st.binary(max_size=60)).map(
            lambda parts: parts[0] + parts[1]
        ),
        st.sampled_from([b"", b"\n", b"\r\n\r\n", b"\xef\xbb\xbf", b"\xff\xfe", b"PK\x03\x04", b",,,\n,,,"]),
    )


# ---------------------------------------------------------------- the property


def import_cleanly(importer: Importer, content: bytes, name: str) -> None:
    """Either a correct import (and a second import changes nothing) or a clean refusal
    (ValidationFailed naming the file, nothing written); never another exception."""
    before = table_counts()
    try:
        importer.apply(content, name)
    except ValidationFailed as refused:
        assert refused.problems, "a refusal names at least one problem"
        for problem in refused.problems:
            assert problem.file in (name, "statbel_municipalities_invalid.geojson"), problem
            assert describe(problem, "fr") and describe(problem, "nl") and describe(problem, "en")
        assert table_counts() == before, "a refused import wrote something"
        return
    after = table_counts()
    importer.apply(content, name)
    assert table_counts() == after, "importing the same file again changed something"


@pytest.fixture
def empact(demo_sqlite):
    return _empact()


@pytest.mark.parametrize("kind", sorted(IMPORTERS))
def test_an_importer_accepts_or_refuses_cleanly(empact, kind):
    importer = IMPORTERS[kind]
    seed = importer.seed()

    @PROPERTIES
    @given(content=anything(seed), suffix=st.sampled_from([importer.suffix] * 4 + [".txt", ".xlsx"]))
    def check(content: bytes, suffix: str) -> None:
        import_cleanly(importer, content, f"fuzz{suffix}")

    check()


# ---------------------------------------------------------------- region outlines (GeoJSON)


def _geojson(draw: st.DrawFn) -> bytes:
    document = json.loads((DATA / "geo" / "regions.geojson").read_text("utf-8"))
    for feature in document.get("features", []):
        if draw(st.booleans()):
            key = draw(st.sampled_from(sorted(feature.get("properties") or {}) or ["code"]))
            feature.setdefault("properties", {})[key] = draw(
                st.one_of(
                    st.sampled_from(FORMULAS + ODD_TEXT),
                    st.none(),
                    st.integers(),
                    st.just("x" * 200_000),
                    st.lists(st.integers(), max_size=2),
                )
            )
        if draw(st.integers(0, 5)) == 0:
            feature["geometry"] = draw(
                st.sampled_from(
                    [
                        None,
                        {},
                        {"type": "Point", "coordinates": [1, 2]},
                        {"type": "Polygon", "coordinates": []},
                        {"type": "Polygon", "coordinates": [[[0, 0], [1, 1]]]},
                        {"type": "Polygon", "coordinates": [[[0, 0], [1e308, 1e308], [0, 1], [0, 0]]]},
                        {"type": "MultiPolygon", "coordinates": [[]]},
                        {"type": "Polygon", "coordinates": "x"},
                    ]
                )
            )
    text = json.dumps(document, ensure_ascii=draw(st.booleans()))
    content = text.encode(draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16"])))
    if draw(st.integers(0, 4)) == 0:
        content = content[: draw(st.integers(0, len(content)))]
    return content


@st.composite
def geojson_files(draw: st.DrawFn) -> bytes:
    return _geojson(draw)


def test_the_outline_importer_accepts_or_refuses_cleanly(empact):
    importer = Importer("geo", list, lambda content, name: geo_import.apply_geo_import(empact, content, name))

    @PROPERTIES
    @given(content=st.one_of(geojson_files(), st.binary(max_size=300), st.just(b"")))
    def check(content: bytes) -> None:
        import_cleanly(importer, content, "fuzz.geojson")

    check()


# ---------------------------------------------------------------- one table, any spelling


def write(rows: list[list[str]], delimiter: str, encoding: str, newline: str = "\r\n") -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator=newline).writerows(rows)
    return buffer.getvalue().encode(encoding)


@pytest.mark.parametrize("kind", sorted(IMPORTERS))
def test_the_same_table_in_any_encoding_and_separator_is_the_same_data(empact, kind):
    """A file a user saves from Excel as 'CSV UTF-8', 'CSV (;)' (Windows-1252) or 'Unicode
    text' (UTF-16, tabs) holds the same table: once one is imported, every other changes
    nothing."""
    importer = IMPORTERS[kind]
    rows = importer.seed()
    importer.apply(write(rows, ",", "utf-8"), "plain.csv")
    after = table_counts()

    @PROPERTIES
    @given(
        delimiter=st.sampled_from([",", ";", "\t"]),
        encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-16-le", "utf-16-be"]),
        newline=st.sampled_from(["\n", "\r\n"]),
    )
    def check(delimiter: str, encoding: str, newline: str) -> None:
        content = write(rows, delimiter, encoding, newline)
        if encoding in ("utf-16-le", "utf-16-be"):  # Excel writes the byte-order mark
            content = "\ufeff".encode(encoding) + content
        preview = importer.apply(content, f"same{'.txt' if delimiter == chr(9) else '.csv'}")
        assert not preview.problems and not preview.has_changes, (delimiter, encoding)
        assert table_counts() == after

    check()
