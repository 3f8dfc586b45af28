"""A new visitor's first pivot splits the rows into a few groups, not one bar per code."""

import polars as pl

from dashboard.services.explore.catalogue import Dataset, Field
from dashboard.services.explore.pivot import PivotSpec, default_rows, valid_spec


def _actions() -> Dataset:
    frame = pl.DataFrame(
        {
            "code": ["1.1.1", "1.1.2", "1.2.1", "2.1.1"],
            "project": ["p", "p", "p", "p"],
            "status": ["planned", "in_progress", "planned", "done"],
        }
    )
    fields = (Field("code", "text"), Field("project", "text"), Field("status", "text"))
    return Dataset("actions", "test", fields, frame)


def test_the_default_rows_are_the_smallest_breakdown_that_splits():
    dataset = _actions()
    assert default_rows(dataset, ["code", "project", "status"]) == "status"


def test_an_unknown_or_missing_rows_choice_falls_back_to_that_default():
    spec = valid_spec(_actions(), PivotSpec("nonsense", None, "rows", "count", None, ()))
    assert spec.rows == "status"
