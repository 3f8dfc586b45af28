"""What the Decisions and Meetings pages show, built by pure functions: labels in the reader's
language instead of codes, Belgian dates, and the evidence of older snapshots read safely."""

import datetime as dt

import polars as pl
import pytest

from dashboard.i18n import set_language
from dashboard.presenters import governance as present
from dashboard.services.governance.meetings import AgendaEntry, Attendee


def _entry(position: int, code: str, status: str, reason: str, outcomes: list[str]) -> AgendaEntry:
    return AgendaEntry(
        position=position,
        action_id=100 + position,
        reason=reason,
        state={"code": code, "title": f"Action {code}", "status": status},
        decisions=[{"outcome": o} for o in outcomes],
    )


def test_the_meeting_chooser_reads_date_title_and_status_in_the_readers_language():
    listing = pl.DataFrame(
        {
            "id": [7, 3],
            "held_on": [dt.date(2026, 12, 23), dt.date(2026, 3, 2)],
            "title": ["Comité", "Kick-off"],
        }
    ).with_columns(status=pl.Series(["planned", "closed"]))
    assert present.meeting_labels(listing) == {
        7: "23/12/2026 · Comité · Planifiée",
        3: "02/03/2026 · Kick-off · Clôturée",
    }
    set_language("nl")
    assert present.meeting_labels(listing)[7] == "23/12/2026 · Comité · Gepland"
    assert present.meeting_labels(listing.clear()) == {}


def test_the_agenda_table_numbers_items_from_one_and_labels_codes():
    agenda = [
        _entry(0, "2.6.3", "on_hold", "review_due", ["go", "postponed"]),
        _entry(1, "1.2", "planned", "other", []),
    ]
    table = present.agenda_table(agenda)
    assert table.columns == list(present.AGENDA_SCHEMA)
    assert table["position"].to_list() == [1, 2]
    assert table["reason"].to_list() == ["Révision due", "Autre"]
    assert table["status"].to_list() == ["En pause", "Planifiée"]
    assert table["decided"].to_list() == ["Go, Reporté", ""]
    set_language("nl")
    assert present.agenda_table(agenda)["status"].to_list() == ["Gepauzeerd", "Gepland"]
    empty = present.agenda_table([])
    assert empty.height == 0 and empty.schema == pl.Schema(present.AGENDA_SCHEMA)


def test_suggestions_are_ticked_as_the_service_suggests_with_labels():
    suggestions = pl.DataFrame(
        {
            "action_id": [1, 2],
            "code": ["1.1", "1.2"],
            "title": ["A", "B"],
            "status": ["in_progress", "idea"],
            "reason": ["review_due", "late"],
            "review_date": [dt.date(2026, 12, 1), None],
            "planned_end": [None, dt.date(2026, 1, 1)],
            "suggested": [True, False],
        }
    )
    table = present.suggestions_table(suggestions)
    assert table.columns == list(present.SUGGESTION_COLUMNS)
    assert table["add"].to_list() == [True, False]
    assert table["reason_label"].to_list() == ["Révision due", "En retard"]
    assert table["status_label"].to_list() == ["En cours", "Idée"]


def test_attendance_goes_to_the_editor_and_back_unchanged():
    attendees = [Attendee("Anne", "CPAS", True, False), Attendee("Bram", None, False, True)]
    frame = present.attendees_frame(attendees)
    assert frame.columns == ["name", "partner", "is_voting", "present"]
    assert present.attendees_from_rows(frame.iter_rows(named=True)) == attendees
    # A row added in the editor and left without a name reaches the service as "", never None.
    added = {"name": None, "partner": None, "is_voting": None, "present": True}
    assert present.attendees_from_rows([added]) == [Attendee("", None, False, True)]
    assert present.attendees_frame([]).schema == pl.Schema(present.ATTENDEE_SCHEMA)


def test_tied_indicators_read_older_snapshots_that_lack_fields():
    tied = [
        {
            "code": "I1",
            "name_fr": "Patients suivis",
            "name_nl": "Gevolgde patiënten",
            "value": 1234.5,
            "unit": "%",
            "period": "2025",
            "target": 1500,
            "target_period": "2027",
            "status": "on_track",
        },
        {"code": "I2"},  # a snapshot taken before names, values and statuses were kept
    ]
    table = present.tied_indicators_table(tied, "fr")
    assert table.row(0, named=True) == {
        "indicator": "Patients suivis",
        "value": "1\u202f234,5 %",  # French groups thousands with a narrow space
        "period": "2025",
        "target": "1\u202f500,0 (2027)",
        "status": "En bonne voie",
    }
    assert table.row(1, named=True) == {
        "indicator": "I2",
        "value": "–",
        "period": "–",
        "target": "–",
        "status": "Pas de données",
    }
    set_language("nl")
    nl = present.tied_indicators_table(tied, "nl")
    assert nl["indicator"][0] == "Gevolgde patiënten" and nl["status"][0] == "Op koers"
    assert nl["value"][0] == "1.234,5 %"


def test_evidence_dates_statuses_and_earlier_decisions_as_read():
    assert present.iso_date_text("2026-02-14") == "14/02/2026"
    assert present.iso_date_text(None) == "–"
    assert present.status_text("on_hold") == "En pause"
    assert present.status_text("retired") == "–"  # a status older snapshots may hold
    assert present.status_text(None) == "–"
    previous = [
        {"sequence": 10, "outcome": "go", "recorded_at": "2026-07-10T15:19:00+00:00"},
        {"sequence": 11, "outcome": "postponed", "recorded_at": "2026-07-10T15:20:00+00:00"},
    ]
    assert (
        present.previous_decisions_text(previous)
        == "n° 10 Go (10/07/2026 17:19); n° 11 Reporté (10/07/2026 17:20)"
    )
    set_language("nl")
    assert present.previous_decisions_text(previous[1:]) == "nr. 11 Uitgesteld (10/07/2026 17:20)"


def test_outcomes_read_with_their_icon():
    assert present.outcome_text("no_go") == ":material/block: No-go"
    set_language("nl")
    assert present.outcome_text("conditional_go") == ":material/rule: Go onder voorwaarden"


def test_action_choices_leave_out_the_codes_asked_for():
    actions = pl.DataFrame({"id": [1, 2, 3], "code": ["1.1", "1.2", "2.1"], "title": ["A", "B", "C"]})
    titles, ids = present.action_choices(actions, {"1.2"})
    assert titles == {"1.1": "A", "2.1": "C"}
    assert ids == {"1.1": 1, "2.1": 3}
    assert present.action_choices(actions)[1] == {"1.1": 1, "1.2": 2, "2.1": 3}


def _log() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "outcome": ["go", "go", "no_go", "conditional_go"],
            "review_overdue": [False, True, False, True],
            "conditions_unmet": [False, False, False, True],
            "strategic_code": ["10", "2", None, "2"],
            "action_code": ["2.10.1", "2.9.3", "10.1", "2.9.3"],
            "meeting_id": [4, 4, None, 5],
            "meeting_title": ["Comité", "Comité", None, "Bureau"],
        }
    )


def test_the_logs_figures_count_each_outcome_and_each_flag():
    figures = present.log_figures(_log())
    assert figures == [
        ("Entrées", 4),
        ("Go", 2),
        ("No-go", 1),
        ("Go sous conditions", 1),
        ("Reporté", 0),
        ("À suivre", 3),  # two overdue reviews and one unmet condition
    ]


def test_the_logs_filters_offer_codes_in_numeric_order():
    strategic, codes, meetings = present.log_options(_log())
    assert strategic == ["2", "10"]
    assert codes == ["2.9.3", "2.10.1", "10.1"]
    assert meetings == {4: "Comité", 5: "Bureau"}


@pytest.mark.parametrize(
    ("period", "bounds"),
    [
        (None, (None, None)),
        ((), (None, None)),
        ((dt.date(2026, 1, 1),), (dt.date(2026, 1, 1), None)),  # the second end not chosen yet
        ((dt.date(2026, 1, 1), dt.date(2026, 2, 1)), (dt.date(2026, 1, 1), dt.date(2026, 2, 1))),
    ],
)
def test_a_period_being_chosen_has_one_end(period, bounds):
    assert present.period_bounds(period) == bounds


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("12", 12),
        ("0", 0),
        (None, None),
        ("", None),
        ("²", None),
        ("1e3", None),
        ("-1", None),
        ("9" * 400, None),
    ],
)
def test_only_a_plain_entry_number_in_the_address_opens_an_entry(text, number):
    assert present.entry_number(text) == number
