"""Periods, history values, exports."""

import datetime as dt
import io

import openpyxl
import polars as pl
import pytest

from dashboard.services.exports import neutralise_formulas, to_csv_bytes, to_xlsx_bytes
from data_loaders.periods import period_end
from models.history import from_history_value, to_history_value
from models.vocab import status_after_decision


def test_period_ends():
    assert period_end("2021") == dt.date(2021, 12, 31)
    assert period_end("2021-Q1") == dt.date(2021, 3, 31)
    assert period_end(" 2020-q1 ") == dt.date(2020, 3, 31)
    assert period_end("2024-02") == dt.date(2024, 2, 29)
    for bad in ("21", "2021-Q5", "2021-13", "2021/06", ""):
        with pytest.raises(ValueError):
            period_end(bad)


@pytest.mark.parametrize(
    "field,value",
    [
        ("planned_end", dt.date(2022, 3, 1)),
        ("social_entrepreneurship", True),
        ("social_entrepreneurship", False),
        ("target_stratum", 3),
        ("budget_eur", 1500.5),
        ("status", "done"),
        ("actual_end", None),
    ],
)
def test_history_values_round_trip(field, value):
    assert from_history_value(field, to_history_value(value)) == value


def test_exports_neutralise_spreadsheet_formulas():
    frame = pl.DataFrame(
        {"title": ['=HYPERLINK("x")', "+1", "-2", "@SUM(A1)", "normal"], "n": [1, 2, 3, 4, 5]}
    )
    safe = neutralise_formulas(frame)
    assert safe["title"].to_list() == ['\'=HYPERLINK("x")', "'+1", "'-2", "'@SUM(A1)", "normal"]
    csv = to_csv_bytes(frame).decode("utf-8-sig")
    assert "'=HYPERLINK" in csv
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(frame))).active
    assert sheet["A2"].value == '\'=HYPERLINK("x")'
    assert sheet["A2"].data_type == "s"  # text, never a formula


def test_decision_effects_on_status():
    assert status_after_decision("go", "idea") == "planned"
    assert status_after_decision("conditional_go", "idea") == "planned"
    assert status_after_decision("go", "in_progress") == "in_progress"
    assert status_after_decision("no_go", "in_progress") == "stopped"
    assert status_after_decision("postponed", "idea") == "idea"


def test_the_next_review_after_a_decision():
    """A date given is the next review whatever the outcome; without one, an existing review is
    kept unless the decision answers it (due by the meeting) or stops the action."""
    import datetime as dt

    from dashboard.services.governance.decisions import review_after_decision

    today = dt.date(2026, 12, 23)
    given, far, due = dt.date(2027, 3, 15), dt.date(2027, 6, 1), dt.date(2026, 12, 23)
    for outcome in ("go", "conditional_go", "postponed", "no_go"):
        assert review_after_decision(outcome, given, due, today) == given
    assert review_after_decision("conditional_go", None, far, today) == far
    assert review_after_decision("go", None, due, today) is None
    assert review_after_decision("go", None, today + dt.timedelta(days=7), today) is None
    assert review_after_decision("no_go", None, far, today) is None
    assert review_after_decision("go", None, None, today) is None


def test_decision_form_problems_are_by_field_and_name_the_field_by_its_label():
    from dashboard.i18n import t
    from dashboard.presenters.governance import field_problems
    from data_loaders.problems import Problem

    problems = [
        Problem("problem.rationale_required", column="rationale"),
        Problem("problem.review_date_required", column="review_date"),
        Problem("problem.review_date_past", column="review_date", value="2026-01-01"),
        Problem("error.log_busy"),
    ]
    fr = field_problems(problems, "fr")
    assert fr["rationale"] == ["Motivation : la motivation est obligatoire."]
    assert len(fr["review_date"]) == 2
    assert all(m.startswith(t("governance.review_date_help", lang="fr") + " : ") for m in fr["review_date"])
    assert fr[""] == [t("error.log_busy", lang="fr")]
    nl = field_problems(problems[:1], "nl")
    assert nl == {"rationale": ["Motivering: de motivering is verplicht."]}
    assert not any("rationale" in m or "review_date" in m for messages in fr.values() for m in messages)


def test_an_agenda_pill_shows_the_code_and_a_shortened_title():
    """The pills read "1. 2.6.3" only: which action that is, nobody at the table knew."""
    from dashboard.presenters.governance import AGENDA_TITLE_CHARACTERS, agenda_item_label

    assert agenda_item_label(1, "2.6.3", "Guichet unique") == "1. 2.6.3 · Guichet unique"
    long = "Renforcer la coordination des soins à domicile entre les partenaires du réseau"
    shown = agenda_item_label(2, "2.7.2", long, decided=True)
    assert shown.startswith("2. 2.7.2 · Renforcer la coordination")
    assert shown.endswith("… ✓")
    title = shown.removeprefix("2. 2.7.2 · ").removesuffix("… ✓")
    assert len(title) <= AGENDA_TITLE_CHARACTERS and long.startswith(title)
    assert not title.endswith(" ")  # cut at a word boundary
    assert agenda_item_label(3, "1.1", "Line\nbreak") == "3. 1.1 · Line break"
