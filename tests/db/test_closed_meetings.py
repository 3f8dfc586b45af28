"""Held meetings are locked: once closed (by the committee, or by its decisions once its day has
passed), a meeting's attendance, quorum rule and agenda change only by a recorded correction,
shown in the minutes. On SQLite and PostgreSQL.

Before: a meeting already held, with decisions, could be edited freely, and its minutes then
said "Quorum not reached" under the decisions it had taken."""

from __future__ import annotations

import dataclasses
import datetime as dt

import polars as pl
import pytest

from dashboard.errors import InvalidInput, PermissionDenied
from dashboard.services.governance import decisions as governance
from dashboard.services.governance import meetings
from dashboard.services.governance import minutes
from dashboard.services.access import actor_for
from dashboard.services.governance.decisions import DecisionInput
from dashboard.services.governance.meetings import Attendee
from dashboard.services.actions.portfolio import actions_frame
from dashboard import clock

TODAY = clock.today()


@pytest.fixture
def people(demo_db):
    return actor_for("demo-coordinator", "chronicopole"), actor_for("demo-steering", "chronicopole")


def _action_id(actor, code: str) -> int:
    return actions_frame(actor).filter(pl.col("code") == code)["id"][0]


def _meeting_with_a_decision(coordinator, steering) -> int:
    """A meeting held today with a quorum of 3 (3 voting members present) and a decision."""
    meeting_id = meetings.create_meeting(
        coordinator,
        TODAY,
        "Comité de pilotage",
        quorum_min=3,
        attendees=[Attendee("Anne"), Attendee("Marc"), Attendee("Julie"), Attendee("Paul", present=False)],
    )
    meetings.add_to_agenda(coordinator, meeting_id, [(_action_id(coordinator, "1.2.6"), "proposed")])
    governance.record_decision(
        steering,
        DecisionInput(_action_id(steering, "1.2.6"), "go", "Agreed.", meeting_id=meeting_id),
    )
    return meeting_id


def _save(actor, meeting_id: int, **changes):  # noqa: ANN202
    view = meetings.meeting_view(actor, meeting_id)
    values = {
        "held_on": view.meeting["held_on"],
        "title": view.meeting["title"],
        "location": view.meeting["location"],
        "quorum_min": view.meeting["quorum_min"],
        "attendees": list(view.attendees),
    }
    values.update(changes)
    return meetings.update_meeting(actor, meeting_id, **values)


def test_a_meeting_with_decisions_cannot_lose_its_quorum_even_before_closing(people):
    coordinator, steering = people
    meeting_id = _meeting_with_a_decision(coordinator, steering)
    with pytest.raises(InvalidInput) as refused:
        _save(coordinator, meeting_id, quorum_min=4)
    assert refused.value.key == "error.meeting_quorum_after_decisions"
    # A late arrival on the day is still noted without ceremony.
    assert _save(
        coordinator,
        meeting_id,
        attendees=[Attendee("Anne"), Attendee("Marc"), Attendee("Julie"), Attendee("Paul")],
    )
    assert meetings.meeting_view(coordinator, meeting_id).quorum.present == 4


def test_a_closed_meetings_attendance_changes_only_by_a_correction_shown_in_the_minutes(people):
    coordinator, steering = people
    meeting_id = _meeting_with_a_decision(coordinator, steering)
    with pytest.raises(PermissionDenied):  # the committee closes, not the coordinator
        meetings.close_meeting(coordinator, meeting_id)
    meetings.close_meeting(steering, meeting_id)
    before = meetings.meeting_view(coordinator, meeting_id)
    assert before.closed and before.meeting["status"] == "closed"
    corrected = [Attendee("Anne"), Attendee("Marc"), Attendee("Julie"), Attendee("Paul")]

    with pytest.raises(InvalidInput) as refused:
        _save(coordinator, meeting_id, attendees=corrected)
    assert refused.value.key == "error.meeting_closed"
    unchanged = meetings.meeting_view(coordinator, meeting_id)
    assert unchanged.attendees == before.attendees and unchanged.corrections == ()

    assert _save(
        coordinator, meeting_id, attendees=corrected, correction_reason="Paul arrived before item 1."
    )
    after = meetings.meeting_view(coordinator, meeting_id)
    assert after.quorum.present == 4
    (correction,) = after.corrections
    assert correction["field"] == "attendee" and correction["corrected_by"] == "demo-coordinator"
    assert correction["reason"] == "Paul arrived before item 1."
    text = minutes.minutes_markdown(after, "Chronicopôle", "fr")
    assert "Clôture et corrections" in text
    assert f"Réunion clôturée par {steering.display_name}" in text
    line = next(line for line in text.splitlines() if "Paul arrived before item 1." in line)
    assert "Paul (votant, absent) → Paul (votant, présent)" in line
    assert coordinator.display_name in line
    nl = minutes.minutes_markdown(after, "Chronicopôle", "nl")
    assert "Afsluiting en correcties" in nl and "deelnemer: Paul (stemgerechtigd, afwezig)" in nl
    assert minutes.minutes_pdf(after, "Chronicopôle", "fr").startswith(b"%PDF")


def test_a_closed_meetings_quorum_rule_and_agenda_change_only_by_a_correction(people):
    coordinator, steering = people
    meeting_id = _meeting_with_a_decision(coordinator, steering)
    meetings.close_meeting(steering, meeting_id)
    late = _action_id(coordinator, "2.2.1")
    with pytest.raises(InvalidInput) as refused:
        _save(coordinator, meeting_id, quorum_min=2)
    assert refused.value.key == "error.meeting_closed"
    with pytest.raises(InvalidInput):
        meetings.add_to_agenda(coordinator, meeting_id, [(late, "other")])
    assert [e.action_id for e in meetings.meeting_view(coordinator, meeting_id).agenda] == [
        _action_id(coordinator, "1.2.6")
    ]
    _save(coordinator, meeting_id, quorum_min=2, correction_reason="The rules say 2.")
    meetings.add_to_agenda(
        coordinator, meeting_id, [(late, "other")], correction_reason="Discussed, omitted."
    )
    with pytest.raises(InvalidInput) as order:
        meetings.move_on_agenda(coordinator, meeting_id, late, -1)
    assert order.value.key == "error.meeting_closed_order"
    with pytest.raises(InvalidInput):
        meetings.remove_from_agenda(coordinator, meeting_id, late)
    view = meetings.meeting_view(coordinator, meeting_id)
    assert [(c["field"], c["old_value"], c["new_value"]) for c in view.corrections] == [
        ("quorum_min", "3", "2"),
        ("agenda", "", f"2.2.1 {view.agenda[1].state['title']}"),
    ]
    text = minutes.minutes_markdown(view, "Chronicopôle", "en")
    assert "Quorum" in text and ": 3 → 2. Reason: The rules say 2." in text
    assert "agenda item added: 2.2.1" in text
    # No new decision is recorded at a closed meeting; the one taken there can be corrected.
    with pytest.raises(InvalidInput) as closed:
        governance.record_decision(steering, DecisionInput(late, "go", "Late.", meeting_id=meeting_id))
    assert closed.value.key == "error.meeting_closed_no_decision"
    first = view.agenda[0].decisions[0]
    governance.record_decision(
        steering,
        DecisionInput(
            first["action_id"],
            "no_go",
            "Recounted.",
            meeting_id=meeting_id,
            supersedes_id=first["id"],
            correction_reason="Wrong outcome typed.",
        ),
    )
    assert governance.verify_chain(steering).intact


def test_a_past_meeting_with_decisions_is_closed_without_anyone_closing_it(people):
    coordinator, steering = people
    meeting_id = _meeting_with_a_decision(coordinator, steering)
    assert not meetings.meeting_view(coordinator, meeting_id).closed
    tomorrow = TODAY + dt.timedelta(days=1)
    view = meetings.meeting_view(coordinator, meeting_id, today=tomorrow)
    assert view.closed
    # The meeting chooser says so too (its status, not only its page).
    listing = meetings.meetings_list(coordinator, today=tomorrow)
    assert listing.filter(pl.col("id") == meeting_id)["status"].to_list() == ["closed"]
    assert meetings.meetings_list(coordinator).filter(pl.col("id") == meeting_id)["status"].to_list() == [
        "planned"
    ]
    with pytest.raises(InvalidInput) as refused:
        meetings.update_meeting(
            coordinator,
            meeting_id,
            held_on=TODAY,
            title="Renamed",
            location="",
            quorum_min=3,
            attendees=list(view.attendees),
            today=tomorrow,
        )
    assert refused.value.key == "error.meeting_closed"
    assert "Réunion clôturée : des décisions y ont été prises" in minutes.minutes_markdown(
        view, "Chronicopôle", "fr"
    )
    # The demo's past meetings, which took decisions, are closed as well.
    listing = meetings.meetings_list(coordinator).filter(pl.col("held_on") < TODAY)
    decided = [
        m for m in listing["id"] if any(e.decisions for e in meetings.meeting_view(coordinator, m).agenda)
    ]
    assert decided and all(meetings.meeting_view(coordinator, m).closed for m in decided)


def test_a_meeting_still_to_come_cannot_be_closed(people):
    coordinator, steering = people
    upcoming = meetings.default_meeting(meetings.meetings_list(steering), TODAY)
    view = meetings.meeting_view(steering, upcoming)
    assert view.coming
    with pytest.raises(InvalidInput) as refused:
        meetings.close_meeting(steering, upcoming)
    assert refused.value.key == "error.meeting_close_future"
    # Preparing it stays free.
    assert _save(
        coordinator, upcoming, title="Préparation", attendees=[dataclasses.replace(view.attendees[0])]
    )
