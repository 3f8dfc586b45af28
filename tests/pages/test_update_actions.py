"""The Update actions page, driven as coordinators drive it, including while someone else changes
the same actions: a save is never made over a change the user did not see."""

from __future__ import annotations

import datetime as dt

import polars as pl

from dashboard.i18n import plural, t
from dashboard.services.actions import edits as commands
from dashboard.services.access import actor_for
from dashboard.services.actions.edits import ActionEdit
from dashboard.services.actions.portfolio import actions_frame, objectives_frame
from dashboard.ui.actions.editing import SEEN_KEY, next_action_code
from tests.pages.apptest import logged_in, open_page, texts

PROJECT = "empact"


def _action(code: str) -> dict:
    actor = actor_for("demo-coordinator", PROJECT)
    return actions_frame(actor).filter(pl.col("code") == code).row(0, named=True)


def _as_admin(code: str, changes: dict) -> None:
    """Someone else saves a change through the service, behind the open page."""
    seen = _action(code)
    commands.update_actions(
        actor_for("demo-admin", PROJECT), [ActionEdit(seen["id"], seen["version"], changes)]
    )


def _coordinator_page():  # noqa: ANN202
    return open_page(logged_in("demo-coordinator", project=PROJECT), "update_actions")


def _type_in_grid(at, edits: dict[str, dict]) -> None:  # noqa: ANN001
    """Edit cells of the grid as shown (no filter: every action, in code order), as the browser
    sends them: by row position."""
    seen = at.session_state[SEEN_KEY]
    codes = seen.actions["code"].to_list()
    at.session_state[seen.editor_key] = {
        "edited_rows": {codes.index(code): columns for code, columns in edits.items()},
        "added_rows": [],
        "deleted_rows": [],
    }


def _grid_title(at, code: str) -> str:  # noqa: ANN001
    return at.session_state[SEEN_KEY].actions.filter(pl.col("code") == code)["title"][0]


def _save_button(at, form_key: str):  # noqa: ANN001, ANN202
    return next(b for b in at.button if b.label == t("update.save", lang="en") and b.form_id == form_key)


def _one_action_form(at) -> str:  # noqa: ANN001
    """The id of the one-action form (the Save button that is not the grid's)."""
    return next(
        b.form_id for b in at.button if b.label == t("update.save", lang="en") and b.form_id != "bulk_form"
    )


def _refusal(at) -> str:  # noqa: ANN001
    assert at.error, f"no refusal shown: {texts(at)}"
    return at.error[0].value


def _differences(at):  # noqa: ANN001, ANN202
    """The table comparing what the user saw, what is saved now, and what they typed."""
    return next(table.value for table in at.dataframe if "now" in table.value.columns)


def _reload(at) -> None:  # noqa: ANN001
    next(b for b in at.button if b.key == "update_reload_bulk" or b.key == "update_reload_one").click().run()
    assert not at.exception


def test_a_coordinator_edits_several_actions_in_the_editor(demo_sqlite):
    at = _coordinator_page()
    before = _action("1.1.2")
    _type_in_grid(
        at,
        {
            "1.1.2": {
                "status": t("status.on_hold", lang="en"),
                "title": "Huisartscontact binnen 7 dagen (65+)",
            }
        },
    )
    _save_button(at, "bulk_form").click().run()
    assert not at.exception
    assert plural("update.saved", 1, "en") in texts(at)
    after = _action("1.1.2")
    assert after["status"] == "on_hold" and after["title"].endswith("(65+)")
    assert after["version"] == before["version"] + 1
    assert _grid_title(at, "1.1.2").endswith("(65+)")  # the grid shows what was saved


def test_the_editor_shows_server_side_refusals(demo_sqlite):
    at = _coordinator_page()
    _type_in_grid(at, {"2.1.1": {"planned_start": "2026-06-01", "planned_end": "2026-01-01"}})
    _save_button(at, "bulk_form").click().run()
    assert not at.exception
    assert "2.1.1" in _refusal(at) and "the end is before the start" in _refusal(at)


def test_a_grid_save_over_a_change_made_since_it_was_shown_is_refused(demo_sqlite):
    at = _coordinator_page()
    untouched_by_admin = _action("1.1.2")
    _as_admin("1.1.3", {"title": "Titel van de beheerder"})
    _type_in_grid(
        at, {"1.1.2": {"title": "Mijn titel voor 1.1.2"}, "1.1.3": {"title": "Mijn titel voor 1.1.3"}}
    )
    _save_button(at, "bulk_form").click().run()
    assert not at.exception
    assert plural("update.saved", 1, "en") not in texts(at)
    refusal = _refusal(at)
    assert "1.1.3" in refusal and "Demo Admin" in refusal and "nothing was saved" in refusal
    # Nothing written, not even the action nobody else touched (all or nothing).
    assert _action("1.1.3")["title"] == "Titel van de beheerder"
    assert _action("1.1.2") == untouched_by_admin
    # What the admin changed, next to what the coordinator typed.
    differences = _differences(at)
    row = differences[differences["code"] == "1.1.3"].iloc[0]
    assert row["now"] == "Titel van de beheerder (Demo Admin)"
    assert row["yours"] == "Mijn titel voor 1.1.3"
    # The grid still holds the coordinator's input until they reload the current values.
    assert _grid_title(at, "1.1.3") != "Titel van de beheerder"
    _reload(at)
    assert _grid_title(at, "1.1.3") == "Titel van de beheerder"
    assert not at.error
    _type_in_grid(at, {"1.1.3": {"title": "Mijn titel, na het herladen"}})
    _save_button(at, "bulk_form").click().run()
    assert plural("update.saved", 1, "en") in texts(at)
    assert _action("1.1.3")["title"] == "Mijn titel, na het herladen"


def test_a_grid_edit_lands_on_its_action_when_someone_adds_an_action_meanwhile(demo_sqlite):
    at = _coordinator_page()
    admin = actor_for("demo-admin", PROJECT)
    objective = objectives_frame(admin).filter(code="1.1").row(0, named=True)
    shown_codes = at.session_state[SEEN_KEY].actions["code"].to_list()
    target = shown_codes[-1]
    added = next_action_code("1.1", shown_codes)
    commands.add_action(admin, objective["id"], added, "Toegevoegd door de beheerder")
    # In a fresh read, the new action pushes the target one row down.
    assert actions_frame(admin)["code"].to_list().index(target) == len(shown_codes)
    _type_in_grid(at, {target: {"title": "Nieuwe titel"}})
    _save_button(at, "bulk_form").click().run()
    assert not at.exception
    assert plural("update.saved", 1, "en") in texts(at)
    assert _action(target)["title"] == "Nieuwe titel"
    assert _action(added)["title"] == "Toegevoegd door de beheerder"


def test_the_one_action_form_refuses_a_stale_save_and_keeps_what_was_typed(demo_sqlite):
    at = _coordinator_page()
    at.selectbox(key=at.session_state[SEEN_KEY].chooser_key).set_value("1.1.1").run()
    form = _one_action_form(at)
    title_input = next(w for w in at.text_input if w.form_id == form)
    _as_admin("1.1.1", {"title": "Titel van de beheerder"})
    title_input.input("Titel van de coördinator")
    _save_button(at, form).click().run()
    assert not at.exception
    refusal = _refusal(at)
    assert "1.1.1" in refusal and "Demo Admin" in refusal
    assert _action("1.1.1")["title"] == "Titel van de beheerder"
    # The typed title is still in the form, and the current one is shown next to it.
    assert next(w for w in at.text_input if w.form_id == form).value == "Titel van de coördinator"
    differences = _differences(at)
    title_row = differences[differences["field"] == t("portfolio.col.title", lang="en")].iloc[0]
    assert title_row["now"] == "Titel van de beheerder (Demo Admin)"
    assert title_row["yours"] == "Titel van de coördinator"
    # Reloading shows the current values in a fresh form.
    _reload(at)
    form = _one_action_form(at)
    assert next(w for w in at.text_input if w.form_id == form).value == "Titel van de beheerder"


def test_the_one_action_form_saves_what_was_typed_and_stays_on_the_action(demo_sqlite):
    at = _coordinator_page()
    at.selectbox(key=at.session_state[SEEN_KEY].chooser_key).set_value("1.2.1").run()
    form = _one_action_form(at)
    next(w for w in at.text_input if w.form_id == form).input("Een nieuwe titel")
    _save_button(at, form).click().run()
    assert not at.exception
    assert plural("update.saved", 1, "en") in texts(at)
    assert _action("1.2.1")["title"] == "Een nieuwe titel"
    chooser = at.selectbox(key=at.session_state[SEEN_KEY].chooser_key)
    assert chooser.value == "1.2.1" and "Een nieuwe titel" in chooser.options[chooser.index]
    form = _one_action_form(at)
    assert next(w for w in at.text_input if w.form_id == form).value == "Een nieuwe titel"


def test_the_page_shows_the_current_values_when_opened_again(demo_sqlite):
    at = _coordinator_page()
    _as_admin("1.1.3", {"title": "Titel van de beheerder"})
    assert _grid_title(at, "1.1.3") != "Titel van de beheerder"
    open_page(at, "portfolio")
    open_page(at, "update_actions")
    assert _grid_title(at, "1.1.3") == "Titel van de beheerder"


def test_a_coordinator_adds_an_action(demo_sqlite):
    at = open_page(logged_in("demo-coordinator", project="chronicopole"), "update_actions")
    at.selectbox(key="add_objective").set_value("2.9").run()
    inputs = {w.label: w for w in at.text_input if w.form_id == "add_form_2.9"}
    assert inputs[t("portfolio.col.code", lang="en")].value == "2.9.4"
    inputs[t("portfolio.col.title", lang="en")].input("Bilan de médication en officine")
    next(b for b in at.button if b.label == t("update.add", lang="en")).click().run()
    assert not at.exception
    assert t("update.added", lang="en", code="2.9.4") in texts(at)
    actor = actor_for("demo-coordinator", "chronicopole")
    added = actions_frame(actor).filter(pl.col("code") == "2.9.4").row(0, named=True)
    assert added["status"] == "idea"
    assert "2.9.4" in at.session_state[SEEN_KEY].actions["code"].to_list()


def test_done_without_an_actual_end_is_refused_with_a_message_asking_for_it(demo_sqlite):
    """An action could be set to "Terminée" without its actual end: whether it finished late
    was then unknown."""
    for lang in ("fr", "nl"):
        at = open_page(logged_in("demo-coordinator", lang=lang, project=PROJECT), "update_actions")
        running = at.session_state[SEEN_KEY].actions.filter(
            pl.col("status") == "in_progress", pl.col("actual_end").is_null()
        )["code"][0]
        _type_in_grid(at, {running: {"status": t("status.done", lang=lang)}})
        next(
            b for b in at.button if b.label == t("update.save", lang=lang) and b.form_id == "bulk_form"
        ).click().run()
        assert not at.exception
        refusal = _refusal(at)
        actual_end = t("portfolio.col.actual_end", lang=lang)
        assert running in refusal and actual_end in refusal and "actual_end" not in refusal
        assert _action(running)["status"] == "in_progress"  # nothing saved

        # with the actual end, it is saved
        _type_in_grid(at, {running: {"status": t("status.done", lang=lang), "actual_end": "2026-10-01"}})
        next(
            b for b in at.button if b.label == t("update.save", lang=lang) and b.form_id == "bulk_form"
        ).click().run()
        assert _action(running)["status"] == "done"
        assert str(_action(running)["actual_end"]) == "2026-10-01"


def test_a_date_typed_in_the_grid_as_day_first_text_saves_that_date(demo_sqlite):
    at = _coordinator_page()
    _type_in_grid(at, {"2.1.1": {"planned_start": "15/03/2027", "planned_end": "2027-06-30"}})
    _save_button(at, "bulk_form").click().run()
    assert not at.exception and not at.error, texts(at)
    saved = _action("2.1.1")
    assert (saved["planned_start"], saved["planned_end"]) == (dt.date(2027, 3, 15), dt.date(2027, 6, 30))
    # The grid shows the saved date as day-first text.
    grid = next(table.value for table in at.dataframe if "planned_start" in table.value.columns)
    assert grid[grid["code"] == "2.1.1"].iloc[0]["planned_start"] == "15/03/2027"


def test_a_date_in_the_grid_that_cannot_be_told_is_refused_and_nothing_is_saved(demo_sqlite):
    at = _coordinator_page()
    before = [_action("1.1.2"), _action("2.1.1")]
    _type_in_grid(
        at,
        {
            "1.1.2": {"title": "Un titre qui ne doit pas être enregistré"},
            "2.1.1": {"planned_start": "03/15/2027"},
        },
    )
    _save_button(at, "bulk_form").click().run()
    assert not at.exception
    refusal = _refusal(at)
    assert "2.1.1, column Planned start" in refusal
    assert "expected YYYY-MM-DD or DD/MM/YYYY" in refusal and "'03/15/2027'" in refusal
    assert plural("update.saved", 1, "en") not in texts(at)
    assert [_action("1.1.2"), _action("2.1.1")] == before
