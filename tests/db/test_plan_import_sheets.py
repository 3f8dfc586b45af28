"""An action plan in an XLSX workbook with more than one sheet: the first sheet is the plan
(docs/formats/actions.md, "XLSX (first sheet)"), whichever sheet was open when the file was
saved; the other sheets (notes, lists, an older version) are never read."""

from __future__ import annotations

import io

import openpyxl
import pytest

from dashboard.errors import ValidationFailed
from dashboard.services.actions import plan_import
from dashboard.services.access import cli_actor
from dashboard.services.actions.portfolio import actions_frame
from dashboard.services.admin.projects import create_project

HEADER = ["code", "title", "status", "start", "end"]
PLAN = [
    ["1", "Zorgzame buurten", None, None, None],
    ["1.1", "Buurtteams", None, None, None],
    ["1.1.1", "Buurtteam Kessel-Lo", "lopend", "2024-01-01", "2024-12-31"],
    ["1.1.2", "Buurtteam Heverlee", "planned", "01/09/2024", "30/06/2025"],
]
OTHER = [
    ["9.9.1", "Oude versie van het plan", "done", "2020-01-01", "2020-12-31"],
    ["9.9.2", "Nog een oude actie", "stopped", None, None],
]


@pytest.fixture
def leuven(empty_sqlite):
    create_project("leuven", "Zorgzaam Leuven")
    return cli_actor("leuven")


def workbook(*sheets: tuple[str, list[list]], active: int = 0) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.active = active
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("active", [0, 1], ids=["first-open", "second-open"])
def test_the_first_sheet_is_the_plan(leuven, active):
    content = workbook(("Plan", [HEADER, *PLAN]), ("Oud plan", [HEADER, *OTHER]), active=active)
    preview = plan_import.preview_plan_import(leuven, content, "plan.xlsx")
    assert preview.problems == [] and preview.unknown_columns == []
    assert [a.code for a in preview.new_actions] == ["1.1.1", "1.1.2"]
    plan_import.apply_plan_import(leuven, content, "plan.xlsx")
    actions = actions_frame(leuven).sort("code")
    assert actions.select("code", "title", "status").rows() == [
        ("1.1.1", "Buurtteam Kessel-Lo", "in_progress"),
        ("1.1.2", "Buurtteam Heverlee", "planned"),
    ]
    assert str(actions["planned_start"][1]) == "2024-09-01"
    again = plan_import.preview_plan_import(leuven, content, "plan.xlsx")
    assert not again.has_changes


def test_other_sheets_are_not_checked(leuven):
    """Notes that are no plan at all, on a later sheet, do not make the file refused."""
    notes = [["Notities van de stuurgroep"], [None], ["=SUM(1+1)", "vrije tekst", 12]]
    content = workbook(("Plan", [HEADER, *PLAN]), ("Notities", notes))
    preview = plan_import.preview_plan_import(leuven, content, "plan.xlsx")
    assert preview.problems == []
    assert [a.code for a in preview.new_actions] == ["1.1.1", "1.1.2"]


def test_a_plan_on_the_second_sheet_only_is_not_found(leuven):
    """The importer does not go looking for the plan: a first sheet without the plan's columns is
    refused (nothing written), even when the second sheet holds a good plan."""
    content = workbook(("Toelichting", [["Zie het tweede blad"]]), ("Plan", [HEADER, *PLAN]))
    preview = plan_import.preview_plan_import(leuven, content, "plan.xlsx")
    assert preview.problems and not preview.new_actions
    assert {p.column for p in preview.problems} >= {"code", "title"}  # what is missing
    with pytest.raises(ValidationFailed):
        plan_import.apply_plan_import(leuven, content, "plan.xlsx")
    assert actions_frame(leuven).height == 0
