"""The data a chart draws, as a table for the readers who cannot read the chart."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl


def chart_table(spec: dict) -> pl.DataFrame:
    """The rows of a Vega-Lite spec's inline data (every dataset, one after another), limited to
    the fields its encodings and tooltips show and headed by their titles (the labels the
    reader sees on the chart). Internal fields (sort keys, flags) are left out; a field shown
    under no title keeps its name. No rows: an empty frame."""
    rows = [row for dataset in (spec.get("datasets") or {}).values() for row in dataset]
    inline = (spec.get("data") or {}).get("values")
    if isinstance(inline, list):
        rows.extend(inline)
    if not rows:
        return pl.DataFrame()
    titles: dict[str, str] = {}
    for field, title in encoded_fields(spec):
        if title or field not in titles:
            titles[field] = title or titles.get(field) or field
    frame = pl.DataFrame(rows, infer_schema_length=None)
    shown = [field for field in titles if field in frame.columns]
    if not shown:
        return frame
    frame = frame.select(shown)
    # Two fields under one title: the second keeps its own name rather than lose a column.
    names: dict[str, str] = {}
    for field in shown:
        names[field] = titles[field] if titles[field] not in names.values() else field
    return frame.rename(names)


def encoded_fields(node: object) -> Iterator[tuple[str, str | None]]:
    """Every (field, title) of the encodings and tooltips anywhere in a spec (layers, concats)."""
    if isinstance(node, dict):
        field = node.get("field")
        if isinstance(field, str) and ("type" in node or "title" in node):
            title = node.get("title")
            yield field, title if isinstance(title, str) and title else None
        for key, value in node.items():
            if key not in ("datasets", "data"):
                yield from encoded_fields(value)
    elif isinstance(node, list):
        for item in node:
            yield from encoded_fields(item)
