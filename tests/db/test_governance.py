"""The governance log and meetings: what recording a decision does, the rules it keeps, who may
record, the quorum, corrections, condition checks, flags, minutes and export. On SQLite and
PostgreSQL."""

from __future__ import annotations

import datetime as dt
import io

import polars as pl
import pytest
from sqlalchemy import text
from sqlmodel import select

from dashboard.errors import ConflictError, InvalidInput, NotFound, PermissionDenied, ValidationFailed
from dashboard.services.governance import decisions as governance
from dashboard.services.governance import meetings
from dashboard.services.governance import minutes
from dashboard.services.access import actor_for
from dashboard.services.governance.decisions import DecisionInput, LogFilters
from dashboard.services.governance.meetings import Attendee
from dashboard.services.actions.portfolio import actions_frame, changes_frame
from models.db import get_engine, session_scope
from models.tables import Decision
from tests.governance_helpers import meeting_held_today
from dashboard import clock

TODAY = clock.today()


def action(actor, code: str) -> dict:
    return actions_frame(actor).filter(pl.col("code") == code).row(0, named=True)


@pytest.fixture
def steering(demo_db):
    return actor_for("demo-steering", "chronicopole")


def decide(actor, code: str, outcome: str, **fields) -> int:
    return governance.record_decision(
        actor,
        DecisionInput(
            action_id=action(actor, code)["id"],
            outcome=outcome,
            rationale=fields.pop("rationale", "Discussed in committee."),
            **fields,
        ),
    )


def test_a_go_on_an_idea_plans_it_and_the_history_names_the_decision(steering):
    idea = action(steering, "1.2.6")
    assert idea["status"] == "idea"
    decision_id = decide(steering, "1.2.6", "go")
    assert action(steering, "1.2.6")["status"] == "planned"
    change = (
        changes_frame(steering)
        .filter(pl.col("action_id") == idea["id"], pl.col("field") == "status")
        .row(-1, named=True)
    )
    assert (change["old_value"], change["new_value"], change["source"], change["decision_id"]) == (
        "idea",
        "planned",
        "decision",
        decision_id,
    )
    assert governance.verify_chain(steering).intact


def test_a_no_go_stops_and_a_postponement_keeps_the_status_with_a_review_date(steering):
    running = action(steering, "2.2.1")
    decide(steering, "2.2.1", "postponed", review_date=TODAY + dt.timedelta(days=60))
    after = action(steering, "2.2.1")
    assert after["status"] == running["status"]
    assert after["review_date"] == TODAY + dt.timedelta(days=60)
    decide(steering, "2.2.1", "no_go")
    after = action(steering, "2.2.1")
    assert after["status"] == "stopped"
    assert after["review_date"] is None  # the pending review is answered


def test_a_review_date_given_with_a_conditional_go_is_kept_shown_and_next(steering):
    """A conditional go with a review date lost the date and wiped the action's own review."""
    held = meeting_held_today(steering)
    review = TODAY + dt.timedelta(days=98)
    entry_id = decide(
        steering,
        "2.6.3",
        "conditional_go",
        conditions="AViQ funding confirmed",
        rationale="Resume once funded.",
        review_date=review,
        meeting_id=held,
    )
    assert action(steering, "2.6.3")["review_date"] == review
    log = governance.log_frame(steering)
    assert log.filter(pl.col("id") == entry_id)["review_date"][0] == review
    assert governance.entry(steering, entry_id)["review_date"] == review
    text = minutes.minutes_markdown(meetings.meeting_view(steering, held), "Chronicopôle", "fr")
    assert f"Révision le: {review:%d/%m/%Y}" in text
    assert governance.verify_chain(steering).intact


def test_a_decision_without_a_date_keeps_a_later_review_and_closes_the_one_it_answers(steering):
    later = TODAY + dt.timedelta(days=120)
    decide(steering, "2.2.1", "postponed", review_date=later)
    decide(steering, "2.2.1", "go")  # no date given: the review planned in 4 months stands
    assert action(steering, "2.2.1")["review_date"] == later
    assert action(steering, "5.1.3")["review_date"] < TODAY  # overdue in the demo
    decide(steering, "5.1.3", "go")  # the review that brought it on the agenda is answered
    assert action(steering, "5.1.3")["review_date"] is None


@pytest.mark.parametrize("outcome", ["go", "conditional_go", "no_go"])
def test_a_review_date_in_the_past_is_refused_with_any_outcome(steering, outcome):
    with pytest.raises(ValidationFailed) as refused:
        decide(steering, "2.6.3", outcome, conditions="c", review_date=TODAY)
    assert [p.key for p in refused.value.problems] == ["problem.review_date_past"]


def test_the_log_the_entry_and_the_minutes_name_people_by_display_name(steering):
    """'Encodée par demo-steering': the login, where the committee reads people's names."""
    held = meeting_held_today(steering)
    entry_id = decide(steering, "2.6.3", "go", meeting_id=held)
    governance.record_condition_review(
        steering,
        governance.log_frame(steering).filter(pl.col("outcome") == "conditional_go")["id"][0],
        True,
        "",
    )
    log = governance.log_frame(steering)
    assert log.filter(pl.col("id") == entry_id)["recorded_by_name"][0] == "Demo Comité de pilotage"
    assert not governance.filter_log(log, LogFilters(text="comité de pilotage")).is_empty()
    entry = governance.entry(steering, entry_id)
    assert entry["recorded_by"] == "demo-steering"  # the log keeps the login, hashed
    assert entry["recorded_by_name"] == "Demo Comité de pilotage"
    checked = log.filter(pl.col("conditions_checked_at").is_not_null())["id"][0]
    assert (
        governance.entry(steering, checked)["condition_reviews"][-1]["recorded_by_name"]
        == "Demo Comité de pilotage"
    )
    text = minutes.minutes_markdown(meetings.meeting_view(steering, held), "Chronicopôle", "fr")
    assert "Encodée par Demo Comité de pilotage" in text and "demo-steering" not in text


def test_the_evidence_is_what_the_committee_saw_before_deciding(steering):
    before = action(steering, "2.9.1")  # tied to the polypharmacy indicator in the demo
    decision_id = decide(steering, "2.9.1", "no_go")
    evidence = governance.entry(steering, decision_id)["evidence"]
    assert evidence["status"] == before["status"]  # not "stopped": the state it was decided on
    assert evidence["planned_end"] == before["planned_end"].isoformat()
    assert [i["code"] for i in evidence["indicators"]] == ["POLYPHARMACY"]
    assert evidence["indicators"][0]["value"] is not None
    assert evidence["indicators"][0]["status"] in ("on_track", "at_risk", "off_track")


@pytest.mark.parametrize(
    "fields,key",
    [
        ({"outcome": "maybe"}, "problem.bad_outcome"),
        ({"rationale": "  "}, "problem.rationale_required"),
        ({"outcome": "conditional_go"}, "problem.conditions_required"),
        ({"outcome": "postponed"}, "problem.review_date_required"),
        ({"outcome": "postponed", "review_date": TODAY}, "problem.review_date_past"),
    ],
)
def test_a_decision_is_checked_before_anything_is_written(steering, fields, key):
    target = action(steering, "3.1.1")
    entries = governance.verify_chain(steering).entries
    values = {"outcome": "go", "rationale": "Because.", **fields}
    with pytest.raises(ValidationFailed) as refused:
        governance.record_decision(steering, DecisionInput(action_id=target["id"], **values))
    assert refused.value.problems[0].key == key
    assert governance.verify_chain(steering).entries == entries
    assert action(steering, "3.1.1") == target


@pytest.mark.parametrize("username", ["demo-coordinator", "demo-academic"])
def test_only_steering_and_admin_record_refused_by_the_service(demo_db, username):
    actor = actor_for(username, "chronicopole")
    target = action(actor, "1.2.6")
    with pytest.raises(PermissionDenied):
        governance.record_decision(actor, DecisionInput(target["id"], "go", "Why not."))
    some_decision = governance.log_frame(actor)["id"][0]
    with pytest.raises(PermissionDenied):
        governance.record_condition_review(actor, some_decision, True, "")
    assert action(actor, "1.2.6")["status"] == "idea"
    admin = actor_for("demo-admin", "chronicopole")
    governance.record_decision(admin, DecisionInput(target["id"], "go", "Agreed."))


def test_the_viewer_may_not_prepare_meetings(demo_db):
    viewer = actor_for("demo-viewer", "empact")
    with pytest.raises(PermissionDenied):
        meetings.create_meeting(viewer, TODAY, "Stuurgroep")
    coordinator = actor_for("demo-coordinator", "empact")
    assert meetings.create_meeting(coordinator, TODAY, "Stuurgroep", quorum_min=1)


def test_no_decision_in_a_meeting_still_to_come(steering):
    """Attendance copied in advance 'reached' the quorum of a meeting two weeks ahead, and its
    decisions could be recorded before it took place."""
    upcoming = meetings.default_meeting(meetings.meetings_list(steering), TODAY)
    view = meetings.meeting_view(steering, upcoming)
    assert view.meeting["held_on"] > TODAY and view.coming and view.quorum.met
    before = governance.verify_chain(steering).entries
    with pytest.raises(InvalidInput) as refused:
        governance.record_decision(
            steering, DecisionInput(view.agenda[0].action_id, "go", "Agreed in advance.", meeting_id=upcoming)
        )
    assert refused.value.key == "error.meeting_in_future"
    assert view.meeting["held_on"].strftime("%d/%m/%Y") in refused.value.message("fr")
    assert governance.verify_chain(steering).entries == before
    text = minutes.minutes_markdown(view, "Chronicopôle", "fr")
    assert "Quorum atteint" not in text and "membres votants attendus : 9" in text
    assert not meetings.meeting_view(steering, meeting_held_today(steering)).coming


def test_no_decision_without_quorum(steering):
    coordinator = actor_for("demo-coordinator", "chronicopole")
    meeting_id = meetings.create_meeting(
        coordinator,
        TODAY,
        "Extraordinary committee",
        quorum_min=3,
        attendees=[
            Attendee("Anne", None, True, True),
            Attendee("Marc", None, True, False),
            Attendee("Observer", None, False, True),
            Attendee("Julie", None, True, True),
        ],
    )
    view = meetings.meeting_view(steering, meeting_id)
    assert (view.quorum.present, view.quorum.required, view.quorum.met) == (2, 3, False)
    with pytest.raises(InvalidInput) as refused:
        decide(steering, "1.2.6", "go", meeting_id=meeting_id)
    assert refused.value.key == "error.no_quorum"
    meetings.update_meeting(
        coordinator,
        meeting_id,
        held_on=TODAY,
        title="Extraordinary",
        location="",
        quorum_min=3,
        attendees=[Attendee("Anne"), Attendee("Marc"), Attendee("Julie")],
    )
    decide(steering, "1.2.6", "go", meeting_id=meeting_id)
    log = governance.log_frame(steering)
    assert log.filter(pl.col("meeting_id") == meeting_id)["action_code"].to_list() == ["1.2.6"]


def test_a_correction_supersedes_and_both_entries_stay_unchanged(steering):
    first = decide(steering, "3.1.2", "go", rationale="Launch now.")
    with session_scope() as session:
        original = session.get(Decision, first).model_dump()
    with pytest.raises(ValidationFailed):  # a correction must say why
        governance.record_decision(
            steering,
            DecisionInput(
                action(steering, "3.1.2")["id"],
                "postponed",
                "Wait for the budget.",
                review_date=TODAY + dt.timedelta(days=30),
                supersedes_id=first,
            ),
        )
    second = governance.record_decision(
        steering,
        DecisionInput(
            action(steering, "3.1.2")["id"],
            "postponed",
            "Wait for the budget.",
            review_date=TODAY + dt.timedelta(days=30),
            supersedes_id=first,
            correction_reason="Misrecorded: the committee postponed.",
        ),
    )
    log = governance.log_frame(steering)
    corrected = log.filter(pl.col("id") == first).row(0, named=True)
    correction = log.filter(pl.col("id") == second).row(0, named=True)
    assert corrected["superseded_by"] == correction["sequence"]
    assert correction["supersedes_sequence"] == corrected["sequence"]
    with session_scope() as session:
        assert session.get(Decision, first).model_dump() == original
    with pytest.raises(InvalidInput) as again:
        governance.record_decision(
            steering,
            DecisionInput(
                action(steering, "3.1.2")["id"], "go", "x", supersedes_id=first, correction_reason="Twice"
            ),
        )
    assert again.value.key == "error.already_superseded"
    with pytest.raises(InvalidInput):  # a correction concerns the same action
        governance.record_decision(
            steering,
            DecisionInput(
                action(steering, "3.3.1")["id"],
                "go",
                "x",
                supersedes_id=second,
                correction_reason="Wrong action",
            ),
        )
    assert governance.verify_chain(steering).intact


def test_flags_for_overdue_reviews_and_unmet_conditions(steering):
    log = governance.log_frame(steering)
    overdue = log.filter(pl.col("review_overdue"))["action_code"].to_list()
    assert "5.1.3" in overdue  # postponed to 30/06/2024 in the demo, never reviewed
    unmet = log.filter(pl.col("conditions_unmet"))
    assert "2.10.3" in unmet["action_code"].to_list()
    entry_id = unmet.filter(pl.col("action_code") == "2.10.3")["id"][0]
    governance.record_condition_review(steering, entry_id, True, "AViQ letter received")
    log = governance.log_frame(steering)
    assert not log.filter(pl.col("id") == entry_id)["conditions_unmet"][0]
    with pytest.raises(InvalidInput):
        go = log.filter(pl.col("outcome") == "go")["id"][0]
        governance.record_condition_review(steering, go, True, "")
    decide(steering, "5.1.3", "no_go", rationale="The federal framework did not come.")
    log = governance.log_frame(steering)
    assert not log.filter(pl.col("action_code") == "5.1.3")["review_overdue"].any()


def test_log_filters(steering):
    log = governance.log_frame(steering)
    assert governance.filter_log(log, LogFilters(outcomes=("no_go",)))["outcome"].unique().to_list() == [
        "no_go"
    ]
    duplicates = governance.filter_log(log, LogFilters(text="DOUBLON"))
    assert sorted(duplicates["action_code"].to_list()) == ["5.2.1", "5.2.2", "5.2.3"]
    assert governance.filter_log(log, LogFilters(strategic_codes=("5",)))[
        "strategic_code"
    ].unique().to_list() == ["5"]
    old = governance.filter_log(log, LogFilters(until=dt.date(2019, 12, 31)))
    assert old.height == 2
    flagged = governance.filter_log(log, LogFilters(flagged_only=True))
    assert (flagged["review_overdue"] | flagged["conditions_unmet"]).all()


def test_agenda_suggestions_and_editing(steering):
    coordinator = actor_for("demo-coordinator", "chronicopole")
    upcoming = meetings.default_meeting(meetings.meetings_list(coordinator), TODAY)
    on_agenda = {e.state["code"] for e in meetings.meeting_view(coordinator, upcoming).agenda}
    assert {"2.6.3", "2.7.2"} <= on_agenda  # reviews falling due
    suggestions = meetings.agenda_suggestions(coordinator, upcoming, TODAY)
    assert not set(suggestions["code"]) & on_agenda
    assert set(suggestions["reason"]) <= {"review_due", "proposed", "late"}
    assert suggestions.filter(pl.col("suggested"))["reason"].is_in(["review_due", "proposed"]).all()
    other = meetings.create_meeting(coordinator, TODAY + dt.timedelta(days=40), "Next one")
    assert not set(meetings.agenda_suggestions(coordinator, other, TODAY)["code"]) & on_agenda
    late = suggestions.filter(pl.col("reason") == "late").row(0, named=True)
    assert late["planned_end"] < TODAY
    added = meetings.add_to_agenda(coordinator, upcoming, [(late["action_id"], "late")] * 2)
    assert added == 1
    meetings.remove_from_agenda(coordinator, upcoming, late["action_id"])
    assert late["code"] not in {e.state["code"] for e in meetings.meeting_view(coordinator, upcoming).agenda}


def test_agenda_items_move_up_and_down(steering):
    coordinator = actor_for("demo-coordinator", "chronicopole")
    upcoming = meetings.default_meeting(meetings.meetings_list(coordinator), TODAY)

    def order() -> list[str]:
        return [e.state["code"] for e in meetings.meeting_view(coordinator, upcoming).agenda]

    before = order()
    second = meetings.meeting_view(coordinator, upcoming).agenda[1].action_id
    assert meetings.move_on_agenda(coordinator, upcoming, second, -1)
    assert order() == [before[1], before[0], *before[2:]]
    assert not meetings.move_on_agenda(coordinator, upcoming, second, -1)  # already first
    assert meetings.move_on_agenda(coordinator, upcoming, second, 1)
    assert order() == before
    last = meetings.meeting_view(coordinator, upcoming).agenda[-1]
    assert not meetings.move_on_agenda(coordinator, upcoming, last.action_id, 1)
    assert [e.position for e in meetings.meeting_view(coordinator, upcoming).agenda] == list(
        range(1, len(before) + 1)
    )
    with pytest.raises(PermissionDenied):
        meetings.move_on_agenda(actor_for("demo-academic", "chronicopole"), upcoming, second, 1)
    off_agenda = action(coordinator, "1.1.1")["id"]
    assert "1.1.1" not in before
    with pytest.raises(NotFound):
        meetings.move_on_agenda(coordinator, upcoming, off_agenda, 1)
    assert order() == before


def test_minutes_tell_attendance_quorum_and_decisions(steering):
    upcoming = meeting_held_today(steering)
    view = meetings.meeting_view(steering, upcoming)
    first = view.agenda[0]
    governance.record_decision(
        steering, DecisionInput(first.action_id, "go", "The plan is ready.", meeting_id=upcoming)
    )
    view = meetings.meeting_view(steering, upcoming)
    text = minutes.minutes_markdown(view, "Chronicopôle", "fr")
    assert view.meeting["title"] in text
    assert "Quorum atteint" in text
    assert f"{first.state['code']} {first.state['title']}" in text
    assert "**Go**" in text and "The plan is ready." in text
    assert all(a.name in text for a in view.attendees)
    assert "Points sans décision" in text  # the rest of the agenda
    # The log's anchor after the meeting's decision is written down, and it verifies.
    anchor = governance.current_anchor(steering)
    assert view.anchor == anchor and f"**{anchor}**" in text
    assert governance.verify_chain(steering, anchor=view.anchor).intact
    pdf = minutes.minutes_pdf(view, "Chronicopôle", "nl")
    assert pdf.startswith(b"%PDF") and len(pdf) > 2000


def test_the_minutes_anchor_is_the_log_as_of_the_meetings_last_decision(steering):
    """A later decision (at another meeting) does not change a meeting's anchor, which still
    verifies; a meeting without decisions has none."""
    held = meeting_held_today(steering)
    view = meetings.meeting_view(steering, held)
    assert view.anchor == "" and "decisions verify --anchor" not in minutes.minutes_markdown(view, "C", "en")
    governance.record_decision(
        steering, DecisionInput(view.agenda[0].action_id, "go", "Ready.", meeting_id=held)
    )
    anchor = meetings.meeting_view(steering, held).anchor
    governance.record_decision(
        steering,
        DecisionInput(
            view.agenda[1].action_id, "postponed", "Later.", review_date=TODAY + dt.timedelta(days=30)
        ),
    )
    assert meetings.meeting_view(steering, held).anchor == anchor != governance.current_anchor(steering)
    assert governance.verify_chain(steering, anchor=anchor).intact


def test_export_has_every_entry_in_order(steering):
    frame = pl.read_csv(io.BytesIO(governance.export_log(steering, "csv")))
    assert frame["sequence"].to_list() == sorted(frame["sequence"].to_list())
    assert frame.height == governance.verify_chain(steering).entries
    assert {"outcome", "rationale", "entry_hash", "review_overdue"} <= set(frame.columns)
    sheet = pl.read_excel(io.BytesIO(governance.export_log(steering, "xlsx")))
    assert sheet.height == frame.height


def test_every_entry_of_the_demo_has_a_readable_evidence(steering):
    with session_scope() as session:
        for decision in session.exec(select(Decision)).all():
            assert {"status", "planned_end", "indicators", "previous_decisions"} <= set(decision.evidence)


def test_an_action_saved_while_a_decision_is_recorded_refuses_the_decision_cleanly(steering, monkeypatch):
    """Someone saves the action after the decision read it and before it writes (found by the
    concurrency test on PostgreSQL: StaleDataError reached the page): the decision is refused
    as a conflict naming the action and who saved it, and nothing is recorded."""
    seen = action(steering, "2.3.2")
    real_state = governance.action_state

    def state_then_someone_else_saves(session, action_row, today):  # noqa: ANN001
        state = real_state(session, action_row, today)
        with get_engine().connect() as other:
            other.execute(
                text(
                    "UPDATE action SET title = 'Saved meanwhile', version = version + 1, "
                    "updated_by = 'demo-coordinator' WHERE id = :id"
                ),
                {"id": seen["id"]},
            )
            other.commit()
        return state

    monkeypatch.setattr(governance, "action_state", state_then_someone_else_saves)
    with session_scope() as session:
        entries = len(session.exec(select(Decision.id)).all())
    with pytest.raises(ConflictError) as conflict:
        decide(steering, "2.3.2", "no_go")
    assert conflict.value.key == "error.action_conflict" and conflict.value.params["code"] == "2.3.2"
    assert conflict.value.params["by"] == "Demo Coordinator"
    with session_scope() as session:
        assert len(session.exec(select(Decision.id)).all()) == entries
    assert action(steering, "2.3.2")["title"] == "Saved meanwhile"
    assert governance.verify_chain(steering).intact
