"""Files for download: CSV (UTF-8 with BOM, so that Excel opens accents correctly) and XLSX.

Text cells starting with = + - @ (or a tab / carriage return) are prefixed with an apostrophe so
that a spreadsheet never runs them as formulas (CSV/formula injection)."""

from __future__ import annotations

import io

import polars as pl

FORMULA_PATTERN = r"^[=+\-@\t\r]"


def neutralise_formulas(frame: pl.DataFrame) -> pl.DataFrame:
    text_columns = [name for name, dtype in frame.schema.items() if dtype == pl.String]
    return frame.with_columns(
        pl.when(pl.col(c).str.contains(FORMULA_PATTERN))
        .then(pl.lit("'") + pl.col(c))
        .otherwise(pl.col(c))
        .alias(c)
        for c in text_columns
    )


def _flatten(frame: pl.DataFrame) -> pl.DataFrame:
    """Lists become "a; b" so that every cell is a plain value."""
    return frame.with_columns(
        pl.col(name).list.join("; ")
        for name, dtype in frame.schema.items()
        if isinstance(dtype, pl.List) and dtype.inner == pl.String
    )


def to_csv_bytes(frame: pl.DataFrame, separator: str = ",") -> bytes:
    safe = neutralise_formulas(_flatten(frame))
    return "\ufeff".encode() + safe.write_csv(separator=separator).encode()


def to_xlsx_bytes(
    frame: pl.DataFrame, sheet: str = "data", more_sheets: dict[str, pl.DataFrame] | None = None
) -> bytes:
    """The frame on its sheet, then `more_sheets` ({name: frame}, e.g. the filters applied)."""
    if not more_sheets:
        buffer = io.BytesIO()
        neutralise_formulas(_flatten(frame)).write_excel(buffer, worksheet=sheet[:31], autofit=True)
        return buffer.getvalue()
    from xlsxwriter import Workbook

    buffer = io.BytesIO()
    with Workbook(buffer) as workbook:
        for name, content in {sheet: frame, **more_sheets}.items():
            neutralise_formulas(_flatten(content)).write_excel(workbook, worksheet=name[:31], autofit=True)
    return buffer.getvalue()


def to_file_bytes(frame: pl.DataFrame, file_format: str, sheet: str = "data") -> bytes:
    """The frame as a CSV or XLSX file (the formats the export commands offer)."""
    if file_format == "csv":
        return to_csv_bytes(frame)
    if file_format == "xlsx":
        return to_xlsx_bytes(frame, sheet=sheet)
    raise ValueError(f"unknown file format {file_format!r}")
