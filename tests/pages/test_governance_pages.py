"""Decisions and Meetings pages, driven as the committee drives them."""

import datetime as dt

import polars as pl
from sqlalchemy import text

from dashboard.i18n import plural, t
from dashboard.services.governance import decisions as governance
from dashboard.services.governance import meetings
from dashboard.services.access import actor_for
from dashboard.services.actions.portfolio import actions_frame
from models.db import get_engine
from tests.governance_helpers import meeting_held_today
from tests.pages.apptest import logged_in, open_page, texts
from dashboard import clock


def test_the_log_shows_the_tamper_check_and_catches_a_direct_edit(demo_sqlite):
    at = open_page(logged_in("demo-viewer", project="empact"), "decisions")
    entries = governance.verify_chain(actor_for("demo-viewer", "empact")).entries
    assert plural("decisions.chain_intact", entries, lang="en") in [s.value for s in at.success]
    with get_engine().begin() as connection:
        connection.execute(
            text(
                "UPDATE decision SET rationale = 'edited' WHERE sequence = 2 "
                "AND project_id = (SELECT id FROM project WHERE slug='empact')"
            )
        )
    at.run()
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and errors[0].startswith(t("decisions.chain_broken", lang="en"))
    assert f"- {t('decisions.problem.content', lang='en', sequence=2)}" in errors[0].splitlines()


def test_the_log_filters_and_flags(demo_sqlite):
    at = open_page(logged_in("demo-academic", project="chronicopole"), "decisions")
    log = governance.log_frame(actor_for("demo-academic", "chronicopole"))
    assert plural("decisions.shown", log.height, "en", total=log.height) in texts(at)
    table = at.dataframe[0].value
    assert str(table["recorded_at"].dt.tz) == "Europe/Brussels"  # as the entry dialog shows
    assert list(table.columns[:6]) == [
        "sequence",
        "recorded_at",
        "action_link",
        "action_title",
        "outcome",
        "flags",
    ]
    at.multiselect(key="log_outcome").set_value(["no_go"]).run()
    no_gos = log.filter(outcome="no_go").height
    assert plural("decisions.shown", no_gos, "en", total=log.height) in texts(at)
    table = at.dataframe[0].value
    assert table.shape[0] == no_gos
    at.multiselect(key="log_outcome").set_value([]).run()
    at.toggle(key="log_flagged").set_value(True).run()
    table = at.dataframe[0].value
    flagged = log.filter(pl.col("review_overdue") | pl.col("conditions_unmet")).height
    assert table.shape[0] == flagged > 0
    assert all("⚠" in flag for flag in table["flags"])


def test_an_entry_shows_what_the_committee_knew_and_can_be_corrected(demo_sqlite):
    at = logged_in("demo-steering", project="chronicopole")
    log = governance.log_frame(actor_for("demo-steering", "chronicopole"))
    corrected = log.filter(pl.col("superseded_by").is_not_null()).row(0, named=True)
    at.query_params["entry"] = str(corrected["sequence"])
    open_page(at, "decisions")
    page = texts(at)
    assert t("decisions.evidence", lang="en") in page
    assert t("decisions.corrected_line", lang="en", sequence=corrected["superseded_by"]) in page
    assert f"Recorded by {corrected['recorded_by_name']} on" in page  # the name, not the login
    assert corrected["recorded_by_name"] != corrected["recorded_by"]
    latest = log.filter(pl.col("superseded_by").is_null(), outcome="conditional_go").row(0, named=True)
    at.query_params["entry"] = str(latest["sequence"])
    at.run()
    assert t("decisions.check_conditions", lang="en") in texts(at)


def test_only_steering_and_admin_see_the_decision_forms(demo_sqlite):
    for username, sees in (("demo-coordinator", False), ("demo-steering", True), ("demo-viewer", False)):
        at = open_page(logged_in(username, project="empact"), "decisions")
        labels = [e.label for e in at.expander]
        assert (t("decisions.record_outside", lang="en") in labels) is sees, username


def test_a_meeting_held_on_the_shared_screen(demo_sqlite):
    """The steering committee goes through the agenda and records a decision; the minutes
    show it."""
    actor = actor_for("demo-steering", "empact")
    upcoming = meeting_held_today(actor)
    at = open_page(logged_in("demo-steering", project="empact"), "meetings")
    assert at.selectbox(key="meeting_id").value == upcoming
    view = meetings.meeting_view(actor, upcoming)
    first = view.agenda[0]
    page = texts(at)
    assert f"{first.state['code']} · {first.state['title']}" in page
    assert t("meetings.quorum_met", lang="en") in page
    key = f"decide_{upcoming}_0"
    at.segmented_control(key=f"{key}_outcome").set_value("postponed")
    at.text_area(key=f"{key}_rationale").input("Wait for the first year's evaluation.")
    at.date_input(key=f"{key}_review").set_value(clock.today() + dt.timedelta(days=90))
    next(b for b in at.button if b.label == t("governance.record", lang="en")).click().run()
    assert not at.exception
    assert t("meetings.recorded", lang="en", code=first.state["code"]) in texts(at)
    after = actions_frame(actor).filter(pl.col("code") == first.state["code"])
    assert after["review_date"][0] == clock.today() + dt.timedelta(days=90)
    minutes_text = next(m.value for m in at.markdown if m.value.startswith("# "))
    assert "Wait for the first year's evaluation." in minutes_text
    labels = [b.label for b in at.get("download_button")]
    assert t("meetings.download_md", lang="en") in labels
    assert t("meetings.download_pdf", lang="en") in labels


def test_a_refused_decision_is_explained_on_the_meeting_screen(demo_sqlite):
    actor = actor_for("demo-admin", "chronicopole")
    upcoming = meeting_held_today(actor)
    at = open_page(logged_in("demo-admin", project="chronicopole"), "meetings")
    key = f"decide_{upcoming}_0"
    at.segmented_control(key=f"{key}_outcome").set_value("conditional_go")
    at.text_area(key=f"{key}_rationale").input("Yes, if funded.")
    next(b for b in at.button if b.label == t("governance.record", lang="en")).click().run()
    assert not at.exception
    assert t("problem.conditions_required", lang="en") in at.error[0].value


def test_the_coordinator_prepares_but_does_not_decide(demo_sqlite):
    at = open_page(logged_in("demo-coordinator", project="empact"), "meetings")
    labels = [b.label for b in at.button]
    assert t("governance.record", lang="en") not in labels
    assert t("meetings.add_selected", lang="en") in labels or t(
        "meetings.no_suggestions", lang="en"
    ) in texts(at)
    assert t("meetings.save", lang="en") in labels  # attendance and quorum rule
    viewer = open_page(logged_in("demo-viewer", project="empact"), "meetings")
    viewer_labels = [b.label for b in viewer.button]
    assert t("meetings.save", lang="en") not in viewer_labels
    assert t("governance.record", lang="en") not in viewer_labels


def test_a_coordinator_creates_a_meeting_with_last_attendees(demo_sqlite):
    at = open_page(logged_in("demo-coordinator", project="empact"), "meetings")
    actor = actor_for("demo-coordinator", "empact")
    before = meetings.meetings_list(actor).height
    next(b for b in at.button if b.label == t("meetings.create", lang="en")).click().run()
    assert not at.exception
    assert t("meetings.created", lang="en") in texts(at)
    listing = meetings.meetings_list(actor)
    assert listing.height == before + 1
    created = meetings.meeting_view(actor, at.selectbox(key="meeting_id").value)
    assert len(created.attendees) > 5 and all(a.present for a in created.attendees)


def test_an_old_evidence_snapshot_still_shows(demo_sqlite):
    """Snapshots are kept forever; one made by an earlier version, with fewer fields, shows."""
    with get_engine().begin() as connection:
        connection.execute(
            text(
                "UPDATE decision SET evidence = :e WHERE sequence = 1 AND project_id = "
                "(SELECT id FROM project WHERE slug = 'empact')"
            ),
            {"e": '{"code": "1.2.4", "status": "planned", "planned_end": "2019-06-30"}'},
        )
    at = logged_in("demo-viewer", project="empact")
    at.query_params["entry"] = "1"
    open_page(at, "decisions")
    assert "30/06/2019" in [m.value for m in at.metric]


def test_a_refused_decision_keeps_what_was_typed_and_marks_the_field(demo_sqlite):
    """A decision without its required date cleared the whole form; the problem named the
    field by its code."""
    at = open_page(logged_in("demo-steering", project="chronicopole"), "decisions")
    at.selectbox(key="record_action").set_value("2.6.3").run()
    key = "record_outside_form"
    at.segmented_control(key=f"{key}_outcome").set_value("postponed")
    at.text_area(key=f"{key}_conditions").input("Once the AViQ confirms.")
    at.text_area(key=f"{key}_rationale").input("Wait for the funding decision.")
    next(b for b in at.button if b.label == t("governance.record", lang="en")).click().run()
    assert not at.exception
    assert at.text_area(key=f"{key}_rationale").value == "Wait for the funding decision."
    assert at.text_area(key=f"{key}_conditions").value == "Once the AViQ confirms."
    assert at.segmented_control(key=f"{key}_outcome").value == "postponed"
    errors = [e.value for e in at.error]
    assert errors == [
        t(
            "governance.field_problem",
            lang="en",
            field=t("governance.review_date_help", lang="en"),
            problem=t("problem.review_date_required", lang="en"),
        )
    ]
    assert "review_date" not in errors[0]


def test_a_coming_meeting_expects_its_attendance_and_takes_no_decision_yet(demo_sqlite):
    """A meeting two weeks ahead said 'Quorum … reached' from attendance copied in advance, and
    offered the decision form."""
    at = open_page(logged_in("demo-steering", project="chronicopole", lang="fr"), "meetings")
    actor = actor_for("demo-steering", "chronicopole")
    upcoming = meetings.meeting_view(actor, at.selectbox(key="meeting_id").value)
    assert upcoming.coming
    assert t(
        "meetings.quorum_expected_line",
        lang="fr",
        present=upcoming.quorum.present,
        required=upcoming.quorum.required,
    ) in [i.value for i in at.info]
    assert t("meetings.quorum_met", lang="fr") not in texts(at)
    assert t("governance.record", lang="fr") not in [b.label for b in at.button]
    assert t(
        "meetings.decide_on_the_day", lang="fr", held_on=upcoming.meeting["held_on"].strftime("%d/%m/%Y")
    ) in texts(at)


def test_the_coordinator_moves_an_agenda_item_down(demo_sqlite):
    at = open_page(logged_in("demo-coordinator", project="chronicopole"), "meetings")
    actor = actor_for("demo-coordinator", "chronicopole")
    upcoming = at.selectbox(key="meeting_id").value
    before = [e.state["code"] for e in meetings.meeting_view(actor, upcoming).agenda]
    first = meetings.meeting_view(actor, upcoming).agenda[0].action_id
    at.selectbox(key=f"reorder_{upcoming}").set_value(first)
    at.button(key=f"move_1_{upcoming}").click().run()
    assert not at.exception
    agenda = next(d.value for d in at.dataframe if "position" in d.value.columns)
    assert list(agenda["code"][:2]) == [before[1], before[0]]
    assert at.selectbox(key=f"reorder_{upcoming}").value == first  # ready to move it again


def test_another_meeting_opens_on_its_own_first_item(demo_sqlite):
    """The item chosen in one meeting (the third) was chosen in the next meeting opened."""
    at = open_page(logged_in("demo-steering", project="empact"), "meetings")
    actor = actor_for("demo-steering", "empact")
    upcoming = at.selectbox(key="meeting_id").value
    at.pills(key=f"session_item_{upcoming}").set_value(2).run()
    other = meetings.create_meeting(actor, clock.today(), "Extra")
    for code in ("1.1.5", "2.2.4", "3.1.6"):
        meetings.add_to_agenda(
            actor, other, [(actions_frame(actor).filter(pl.col("code") == code)["id"][0], "other")]
        )
    at.run()  # the new meeting is in the list
    at.selectbox(key="meeting_id").set_value(other).run()
    assert not at.exception
    assert at.pills(key=f"session_item_{other}").value == 0
    assert "1.1.5 · " in texts(at)


def _shown_choice(at, key: str, before: str) -> str:  # noqa: ANN001
    """The label a browser shows in a selectbox after a run: the browser keeps its own value
    (the label it last showed) unless the run sets it (set_value, raw_value)."""
    proto = at.selectbox(key=key).proto
    return proto.raw_value if proto.set_value else before


def test_the_meeting_chooser_speaks_the_new_language_after_a_switch(demo_sqlite):
    at = open_page(logged_in("demo-steering", lang="fr", project="chronicopole"), "meetings")
    chooser = at.selectbox(key="meeting_id")
    shown_fr = chooser.proto.options[chooser.proto.default]
    at.button(key="lang_app_nl").click().run()
    assert not at.exception
    chooser = at.selectbox(key="meeting_id")
    shown = _shown_choice(at, "meeting_id", shown_fr)
    assert shown in list(chooser.proto.options)  # a label of the NL options, not the FR one
    assert shown != shown_fr
    assert chooser.proto.label == t("meetings.choose", lang="nl")


def test_a_log_filtered_to_nothing_says_so_in_the_readers_language_not_empty(demo_sqlite):
    # An empty grid draws Streamlit's own English "empty" across its only row.
    at = open_page(logged_in("demo-academic", lang="nl", project="chronicopole"), "decisions")
    assert len(at.dataframe) == 1
    at.text_input(key="log_text").input("zzz-geen-beslissing").run()
    assert not at.exception
    assert len(at.dataframe) == 0
    assert t("common.empty", lang="nl") in [c.value for c in at.caption]


def test_a_log_key_too_short_stops_the_app_with_a_message(demo_sqlite, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from tests.pages.apptest import APP

    monkeypatch.setenv("LIVINGLAB_LOG_KEY", "short")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert [e.value for e in at.error] == [t("auth.bad_log_key", lang="fr")]
    assert not at.exception


def test_the_agenda_pills_keep_the_chosen_item_after_a_language_switch(demo_sqlite):
    """After FR -> NL the chosen agenda item stays chosen and its pill shows a current label:
    the labels hold no translated word (number, code, title), and Streamlit resends a pills
    value whose label is no longer an option (checked with a translated word added), so no
    relabelling is needed here."""
    at = open_page(logged_in("demo-steering", lang="fr", project="empact"), "meetings")
    meeting = at.selectbox(key="meeting_id").value
    pills = at.pills(key=f"session_item_{meeting}").set_value(1).run().pills(key=f"session_item_{meeting}")
    shown_fr = list(pills.formatted_values)  # what the browser sent
    at.button(key="lang_app_nl").click().run()
    assert not at.exception
    pills = at.pills(key=f"session_item_{meeting}")
    assert pills.value == 1
    shown = list(pills.proto.raw_values) if pills.proto.set_value else shown_fr
    assert shown == [pills.proto.options[1].content]
    assert pills.proto.label == t("meetings.items", lang="nl")


def test_the_meeting_screen_opens_with_what_changed_since_the_previous_meeting(demo_sqlite):
    """Item 0 of every meeting: the changes since the meeting before it, each a link."""
    actor = actor_for("demo-steering", "chronicopole")
    upcoming = meeting_held_today(actor)
    at = open_page(logged_in("demo-viewer", project="empact"), "meetings")
    assert t("since.agenda_item", lang="en") in [e.label for e in at.expander]
    at = open_page(logged_in("demo-steering", project="chronicopole"), "meetings")
    from dashboard.presenters.governance import since_heading
    from dashboard.services.governance.since import changes_since

    report = changes_since(actor, meeting_id=upcoming)
    assert report.meeting is not None and report.meeting.held_on < clock.today()
    assert since_heading(report, "en") in texts(at).replace("\\", "")


def test_each_agenda_item_opens_its_action_and_takes_notes_for_the_minutes(demo_sqlite):
    """The item shown links to its action on the Portfolio page; the secretary's notes, saved
    as the meeting goes, are in the minutes at once; readers see them and cannot edit them."""
    actor = actor_for("demo-coordinator", "empact")
    upcoming = meeting_held_today(actor)
    first = meetings.meeting_view(actor, upcoming).agenda[0]
    at = open_page(logged_in("demo-coordinator", project="empact"), "meetings")
    links = [(link.proto.page, link.proto.query_string) for link in at.get("page_link")]
    assert ("portfolio", f"action={first.state['code']}") in links
    at.text_area(key=f"note_text_{upcoming}_{first.action_id}").input(
        "Partners asked for a second pilot site."
    )
    next(b for b in at.button if b.label == t("meetings.note_save", lang="en")).click().run()
    assert not at.exception
    assert t("meetings.note_saved", lang="en") in texts(at)
    minutes_text = next(m.value for m in at.markdown if m.value.startswith("# "))
    assert "Partners asked for a second pilot site." in minutes_text
    assert meetings.meeting_view(actor, upcoming).agenda[0].note == "Partners asked for a second pilot site."
    viewer = open_page(logged_in("demo-viewer", project="empact"), "meetings")
    assert f"note_text_{upcoming}_{first.action_id}" not in [w.key for w in viewer.text_area]
    assert "Partners asked for a second pilot site." in [e.value for e in viewer.text]


def test_the_meeting_pack_is_offered_to_those_who_may_download(demo_sqlite):
    """The Meetings page offers the pack (PDF, in the reader's language) to the roles with
    `download`; a viewer keeps the minutes only."""
    for username, offered in (("demo-academic", True), ("demo-viewer", False)):
        at = open_page(logged_in(username, project="empact", lang="nl"), "meetings")
        labels = [b.label for b in at.get("download_button")]
        assert t("meetings.download_pdf", lang="nl") in labels
        assert (t("pack.download", lang="nl") in labels) is offered, username


def test_next_and_previous_item_buttons_step_through_the_agenda_with_their_keys(demo_sqlite):
    from dashboard.ui.presentation import NEXT_ITEM_KEY, PREVIOUS_ITEM_KEY

    at = open_page(logged_in("demo-steering", project="empact"), "meetings")
    meeting = at.selectbox(key="meeting_id").value
    item = f"session_item_{meeting}"
    at.pills(key=item).set_value(0).run()
    assert at.button(key=f"{item}_previous").disabled
    assert at.button(key=f"{item}_next").proto.shortcut.lower() == NEXT_ITEM_KEY.lower()
    assert at.button(key=f"{item}_previous").proto.shortcut.lower() == PREVIOUS_ITEM_KEY.lower()
    at.button(key=f"{item}_next").click().run()
    assert not at.exception
    assert at.pills(key=item).value == 1
    at.button(key=f"{item}_previous").click().run()
    assert at.pills(key=item).value == 0


def test_the_next_page_button_opens_the_next_page_of_the_menu(demo_sqlite):
    from dashboard.navigation import neighbours

    at = logged_in("demo-viewer")
    _, after = neighbours("viewer", "home")
    expected = open_page(logged_in("demo-viewer"), after.key).title[0].value
    assert at.title[0].value != expected
    at.button(key="page_next").click().run()
    assert not at.exception
    assert at.title[0].value == expected
