"""Downloads never carry a live spreadsheet formula (CSV / formula injection, OWASP): a text cell
starting with = + - @, a tab or a carriage return gets an apostrophe in front, in CSV and in XLSX,
whatever column it is in; the rest of the cell is kept as it was, and other cells are untouched."""

from __future__ import annotations

import csv
import io

import openpyxl
import polars as pl
import pytest

from dashboard.services.exports import neutralise_formulas, to_csv_bytes, to_file_bytes

DANGEROUS = [
    "=1+1",
    '=HYPERLINK("http://evil.example","click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]
HARMLESS = [
    "normal",
    "1.2.3",
    " =leading space",
    "a=b",
    "e-mail: x@y.be",
    "'already quoted",
    "Chronicopôle – opstart",
    "",
]


def test_every_dangerous_first_character_is_neutralised():
    frame = pl.DataFrame({"text": DANGEROUS + HARMLESS})
    assert neutralise_formulas(frame)["text"].to_list() == (["'" + value for value in DANGEROUS] + HARMLESS)


def test_nulls_numbers_and_dates_are_left_alone():
    frame = pl.DataFrame({"text": [None, "+32 470 12 34 56"], "n": [-1, 2], "x": [-1.5, None]})
    safe = neutralise_formulas(frame)
    assert safe["text"].to_list() == [None, "'+32 470 12 34 56"]
    assert safe["n"].to_list() == [-1, 2] and safe["x"].to_list() == [-1.5, None]


def test_csv_cells_read_back_with_the_apostrophe(tmp_path):
    frame = pl.DataFrame(
        {
            "code": [f"1.1.{i}" for i in range(len(DANGEROUS))],
            "title": DANGEROUS,
            "note": list(reversed(DANGEROUS)),
        }
    )
    text = to_csv_bytes(frame).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == ["code", "title", "note"]
    assert [row[1] for row in rows[1:]] == ["'" + value for value in DANGEROUS]
    assert [row[2] for row in rows[1:]] == ["'" + value for value in reversed(DANGEROUS)]
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row)
    # Also with the separator European Excel uses.
    semicolon = to_csv_bytes(frame, separator=";").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(semicolon, newline=""), delimiter=";"))
    assert [row[1] for row in rows[1:]] == ["'" + value for value in DANGEROUS]


def test_lists_are_neutralised_after_being_joined():
    frame = pl.DataFrame({"regions": [["=A1", "Centrum"], ["Centrum", "=A1"]]})
    text = to_csv_bytes(frame).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert [row[0] for row in rows[1:]] == ["'=A1; Centrum", "Centrum; =A1"]


def test_xlsx_cells_are_text_never_formulas():
    frame = pl.DataFrame({"title": DANGEROUS, "n": list(range(len(DANGEROUS)))})
    content = to_file_bytes(frame, "xlsx")
    # Values as Excel reads them (calamine undoes the file's _x000D_ escape of a carriage
    # return, openpyxl does not); cell types from openpyxl.
    assert pl.read_excel(io.BytesIO(content)).rows() == [
        ("'" + value, n) for n, value in enumerate(DANGEROUS)
    ]
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    cells = [sheet.cell(row=i + 2, column=1) for i in range(len(DANGEROUS))]
    assert all(c.data_type == "s" and c.value.startswith("'") for c in cells)  # never "f"


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_export_formats_share_the_protection(file_format):
    content = to_file_bytes(pl.DataFrame({"title": ["@SUM(1+1)"]}), file_format)
    if file_format == "csv":
        assert b"'@SUM(1+1)" in content and b"\n@SUM" not in content
    else:
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        assert sheet["A2"].value == "'@SUM(1+1)"
