"""The pages keep the version of a record the user saw (not the one re-read when the form is
submitted), so that a save over someone else's newer change is refused with a message to
reload; and a closed meeting's page asks for a correction's reason."""

from __future__ import annotations


import polars as pl

from dashboard.i18n import t
from dashboard.services.governance import meetings
from dashboard.services.admin import projects
from dashboard.services.access import actor_for
from tests.pages.apptest import logged_in, open_page, texts
from dashboard import clock

TODAY = clock.today()


def _save_elsewhere(actor, meeting_id: int, **changes) -> None:  # noqa: ANN001
    view = meetings.meeting_view(actor, meeting_id)
    meetings.update_meeting(
        actor,
        meeting_id,
        **{
            "held_on": view.meeting["held_on"],
            "title": view.meeting["title"],
            "location": view.meeting["location"],
            "quorum_min": view.meeting["quorum_min"],
            "attendees": list(view.attendees),
            **changes,
        },
    )


def test_a_meeting_saved_by_someone_else_meanwhile_is_not_overwritten(demo_sqlite):
    at = open_page(logged_in("demo-coordinator", project="chronicopole", lang="fr"), "meetings")
    actor = actor_for("demo-coordinator", "chronicopole")
    meeting_id = at.selectbox(key="meeting_id").value
    title = meetings.meeting_view(actor, meeting_id).meeting["title"]
    _save_elsewhere(actor_for("demo-admin", "chronicopole"), meeting_id, location="Salle du conseil")
    at.button(key=f"attendance_save_{meeting_id}").click().run()
    assert not at.exception
    assert t("error.meeting_conflict", lang="fr", title=title) in [e.value for e in at.error]
    assert meetings.meeting_view(actor, meeting_id).meeting["location"] == "Salle du conseil"
    # Reloading takes the current version: the next save goes through.
    at.button(key=f"reload_meeting_{meeting_id}").click().run()
    at.button(key=f"attendance_save_{meeting_id}").click().run()
    assert not at.error, [e.value for e in at.error]


def test_a_closed_meeting_asks_for_the_reason_of_a_correction(demo_sqlite):
    coordinator = actor_for("demo-coordinator", "chronicopole")
    past = meetings.meetings_list(coordinator).filter(pl.col("held_on") < TODAY)
    meeting_id = next(m for m in past["id"] if meetings.meeting_view(coordinator, m).closed)
    at = logged_in("demo-coordinator", project="chronicopole", lang="nl")
    at.session_state["_select_meeting"] = meeting_id
    at = open_page(at, "meetings")
    assert t("meetings.closed_info", lang="nl") in [i.value for i in at.info]
    reason_label = t("meetings.correction_reason", lang="nl")
    assert reason_label in [i.label for i in at.text_input]
    # Saved unchanged, with a reason: nothing is recorded, and the page says so.
    [i for i in at.text_input if i.label == reason_label][-1].input("Nothing really.")
    at.button(key=f"attendance_save_{meeting_id}").click().run()
    assert t("meetings.unchanged", lang="nl") in texts(at)
    [i for i in at.text_input if i.label == reason_label][-1].input("")
    at.number_input[-1].set_value(1)  # the quorum rule, without a reason
    at.button(key=f"attendance_save_{meeting_id}").click().run()
    assert any("afgesloten" in e.value for e in at.error)
    assert meetings.meeting_view(coordinator, meeting_id).corrections == ()
    at.number_input[-1].set_value(1)
    # The attendance form's (the agenda's forms ask for theirs too).
    [i for i in at.text_input if i.label == reason_label][-1].input("Reglement: quorum 1.")
    at.button(key=f"attendance_save_{meeting_id}").click().run()
    assert not at.error, [e.value for e in at.error]
    assert t("meetings.corrected", lang="nl") in texts(at)
    (correction,) = meetings.meeting_view(coordinator, meeting_id).corrections
    assert correction["field"] == "quorum_min" and correction["new_value"] == "1"
    # The decision form is gone from a closed meeting.
    assert t("governance.record", lang="nl") not in [b.label for b in at.button]


def test_project_settings_saved_by_someone_else_meanwhile_are_not_overwritten(demo_sqlite):
    at = open_page(logged_in("demo-admin", project="empact"), "administration")
    admin = actor_for("demo-admin", "empact")
    seen = projects.get_project("empact")
    projects.update_project_settings(
        admin,
        social_entrepreneurship_target=seen.social_entrepreneurship_target,
        target_group_size=777,
        stratum_labels={},
    )
    at.button(key="project_settings_save").click().run()
    assert not at.exception
    assert t("error.settings_conflict", lang="en", project=seen.name) in [e.value for e in at.error]
    assert projects.get_project("empact").target_group_size == 777
