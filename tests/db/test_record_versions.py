"""Every record users edit carries a version: of two people who opened the same meeting, wave,
indicator definition, project settings or maturity consensus and both save, the second is
refused (ConflictError, with a message telling them to reload) and the first one's change is
kept. On SQLite and PostgreSQL.

Before: these records had no version and the last of two simultaneous saves silently undid the
first. A save that loses the race between its read and its write (StaleDataError at the
flush) is refused the same way (`test_a_save_racing_another_...`)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import polars as pl
import pytest
from sqlmodel import select

from dashboard.errors import ConflictError
from dashboard.services.evaluation import indicators
from dashboard.services.evaluation import indicator_definitions
from dashboard.services.evaluation import maturity
from dashboard.services.governance import meetings
from dashboard.services.admin import projects
from dashboard.services.partners import survey_import
from dashboard.services.access import actor_for
from dashboard.services.evaluation.maturity import DimensionScore
from dashboard.services.governance.meetings import Attendee
from models.db import session_scope
from models.tables import Meeting
from dashboard import clock

TODAY = clock.today()


def _refused(error: pytest.ExceptionInfo, key: str) -> None:
    assert error.value.key == key
    for lang, word in (("fr", "Rechargez"), ("nl", "Laad"), ("en", "Reload")):
        assert word in error.value.message(lang)


def test_two_saves_of_one_meeting(demo_db):
    ana, ben = actor_for("demo-coordinator", "chronicopole"), actor_for("demo-admin", "chronicopole")
    meeting_id = meetings.default_meeting(meetings.meetings_list(ana), TODAY)
    seen_by_ana = meetings.meeting_view(ana, meeting_id)
    seen_by_ben = meetings.meeting_view(ben, meeting_id)
    assert seen_by_ana.meeting["version"] == seen_by_ben.meeting["version"]

    def save(actor, view, **changes):  # noqa: ANN001, ANN202
        values = {
            "held_on": view.meeting["held_on"],
            "title": view.meeting["title"],
            "location": view.meeting["location"],
            "quorum_min": view.meeting["quorum_min"],
            "attendees": list(view.attendees),
            "version": view.meeting["version"],
        }
        return meetings.update_meeting(actor, meeting_id, **{**values, **changes})

    # Ana notes an apology (attendance only: the meeting's row still gets a new version).
    apologised = [
        dataclasses.replace(view, present=False) if i == 0 else view
        for i, view in enumerate(seen_by_ana.attendees)
    ]
    assert save(ana, seen_by_ana, attendees=apologised)
    with pytest.raises(ConflictError) as refused:
        save(ben, seen_by_ben, location="Salle B", attendees=[*seen_by_ben.attendees, Attendee("Zoé")])
    _refused(refused, "error.meeting_conflict")
    now = meetings.meeting_view(ana, meeting_id)
    assert now.attendees == tuple(apologised) or list(now.attendees) == apologised
    assert now.meeting["location"] == seen_by_ana.meeting["location"]
    # Ben reloads and saves over what is there now.
    assert save(ben, now, location="Salle B")
    assert meetings.meeting_view(ana, meeting_id).attendees == now.attendees


def test_two_saves_of_the_survey_waves(demo_db):
    ana, ben = actor_for("demo-coordinator", "empact"), actor_for("demo-admin", "empact")

    def edits(actor, **first):  # noqa: ANN001, ANN202
        waves, invitations = survey_import.waves_with_invitations(actor)
        table = survey_import.invitation_table(waves, invitations, "en")
        found = survey_import.wave_edits(waves, waves.drop("wave_id", "version"), table)
        found[0] = dataclasses.replace(found[0], **first)
        return found

    for_ana = edits(ana, name="2020 (pilot)")
    for_ben = edits(ben, invitations={**edits(ben)[0].invitations, "first_line": 99})
    assert survey_import.update_waves(ana, for_ana) == 1
    with pytest.raises(ConflictError) as refused:
        survey_import.update_waves(ben, for_ben)
    _refused(refused, "error.wave_conflict")
    assert "2020 (pilot)" in refused.value.message("en")
    waves, invitations = survey_import.waves_with_invitations(ana)
    first = waves.row(0, named=True)
    assert first["name"] == "2020 (pilot)"
    of_first = invitations.filter(pl.col("wave_id") == first["wave_id"], pl.col("category") == "first_line")
    assert of_first["invited"].to_list() != [99]
    # An invitation change alone is a new version of the wave too.
    assert survey_import.update_waves(ben, edits(ben, invitations={"first_line": 99})) == 1
    with pytest.raises(ConflictError):
        survey_import.update_waves(ana, for_ana)


def test_two_saves_of_an_indicator_definition(demo_db):
    ana, ben = actor_for("demo-coordinator", "empact"), actor_for("demo-admin", "empact")
    row = indicators.overview(ana).filter(pl.col("computation").is_null()).row(0, named=True)
    fields = {f.name for f in dataclasses.fields(indicator_definitions.IndicatorInput)} - {"action_ids"}
    base = indicator_definitions.IndicatorInput(**{name: row[name] for name in fields})
    with session_scope() as session:
        linked = tuple(indicator_definitions.linked_action_ids(session, row["id"]))
    indicator_definitions.save_indicator(
        ana, dataclasses.replace(base, owner="Ana", action_ids=linked), row["id"], version=row["version"]
    )
    with pytest.raises(ConflictError) as refused:
        indicator_definitions.save_indicator(
            ben,
            dataclasses.replace(base, unit="per 1,000", action_ids=linked),
            row["id"],
            version=row["version"],
        )
    _refused(refused, "error.indicator_conflict")
    now = indicators.overview(ana, indicator_id=row["id"]).row(0, named=True)
    assert (now["owner"], now["unit"]) == ("Ana", row["unit"])
    assert now["version"] == row["version"] + 1
    # Linking an action is a change of the definition too.
    others = [a for a in indicators.actions_of(ana) if a not in linked]
    indicator_definitions.save_indicator(
        ana,
        dataclasses.replace(base, owner="Ana", action_ids=(*linked, others[0])),
        row["id"],
        version=now["version"],
    )
    with pytest.raises(ConflictError):
        indicator_definitions.save_indicator(
            ben, dataclasses.replace(base, owner="Ben", action_ids=linked), row["id"], version=now["version"]
        )


def test_two_saves_of_the_project_settings(demo_db):
    ana = actor_for("demo-admin", "empact")
    seen = projects.get_project("empact")
    settings = {
        "social_entrepreneurship_target": seen.social_entrepreneurship_target,
        "target_group_size": seen.target_group_size,
        "stratum_labels": {},
    }
    after = projects.update_project_settings(
        ana, **{**settings, "target_group_size": 1234}, version=seen.settings_version
    )
    assert after.settings_version == seen.settings_version + 1
    with pytest.raises(ConflictError) as refused:
        projects.update_project_settings(
            ana, **{**settings, "social_entrepreneurship_target": 0.3}, version=seen.settings_version
        )
    _refused(refused, "error.settings_conflict")
    now = projects.get_project("empact")
    assert (now.target_group_size, now.social_entrepreneurship_target) == (
        1234,
        seen.social_entrepreneurship_target,
    )
    # Writes to the project's data (which bump its data versions) do not count as settings edits.
    meetings.create_meeting(actor_for("demo-coordinator", "empact"), TODAY, "Stuurgroep")
    assert projects.get_project("empact").settings_version == now.settings_version


def test_two_saves_of_a_maturity_consensus(demo_db):
    coordinator, steering = actor_for("demo-coordinator", "empact"), actor_for("demo-steering", "empact")
    round_id = maturity.open_round(coordinator, "2026", dt.date(2026, 11, 20))
    version = maturity.maturity_view(coordinator, round_id).round["version"]
    assert maturity.record_consensus(
        coordinator, round_id, [DimensionScore(1, 3, "Workshop")], version=version
    )
    with pytest.raises(ConflictError) as refused:
        maturity.record_consensus(steering, round_id, [DimensionScore(1, 4, "Mine")], version=version)
    _refused(refused, "error.consensus_conflict")
    view = maturity.maturity_view(steering, round_id)
    assert view.summary.filter(pl.col("dimension") == 1).select("consensus", "note").row(0) == (3, "Workshop")
    assert maturity.record_consensus(
        steering, round_id, [DimensionScore(1, 4, "Mine")], version=view.round["version"]
    )


def test_a_save_racing_another_between_its_read_and_its_write_is_refused(demo_db, monkeypatch):
    """Both saves pass the version check; the other one commits first; ours then updates no
    row at the flush (version_id_col), and is refused, not applied."""
    ana = actor_for("demo-coordinator", "chronicopole")
    meeting_id = meetings.default_meeting(meetings.meetings_list(ana), TODAY)
    view = meetings.meeting_view(ana, meeting_id)
    real = meetings._current_attendees

    def and_someone_saves(session, meeting):  # noqa: ANN001, ANN202
        with session_scope() as other:
            other.exec(select(Meeting).where(Meeting.id == meeting_id)).one().location = "Elsewhere"
        return real(session, meeting)

    monkeypatch.setattr(meetings, "_current_attendees", and_someone_saves)
    with pytest.raises(ConflictError):
        meetings.update_meeting(
            ana,
            meeting_id,
            held_on=view.meeting["held_on"],
            title="Mine",
            location=view.meeting["location"],
            quorum_min=view.meeting["quorum_min"],
            attendees=list(view.attendees),
            version=view.meeting["version"],
        )
    monkeypatch.undo()
    now = meetings.meeting_view(ana, meeting_id).meeting
    assert (now["title"], now["location"]) == (view.meeting["title"], "Elsewhere")
