"""Editing actions: server-side validation, history, permissions, and no lost update when two
people edit the same action (optimistic locking). On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from sqlalchemy import text

from dashboard.errors import ConflictError, NotFound, PermissionDenied, ValidationFailed
from dashboard.services.actions import edits as commands
from dashboard.services.access import actor_for
from dashboard.services.actions.edits import ActionEdit
from dashboard.services.actions.portfolio import actions_frame, changes_frame, objectives_frame
from models.db import get_engine


def action(actor, code: str) -> dict:
    return actions_frame(actor).filter(pl.col("code") == code).row(0, named=True)


@pytest.fixture
def coordinator(demo_db):
    return actor_for("demo-coordinator", "chronicopole")


def test_an_edit_changes_the_fields_and_records_each_in_the_history(coordinator):
    before = action(coordinator, "3.3.5")
    new_end = (before["planned_end"] or dt.date(2025, 1, 1)) + dt.timedelta(days=90)
    changed = commands.update_actions(
        coordinator,
        [ActionEdit(before["id"], before["version"], {"status": "on_hold", "planned_end": new_end})],
    )
    assert changed == 1
    after = action(coordinator, "3.3.5")
    assert after["status"] == "on_hold" and after["planned_end"] == new_end
    assert after["version"] == before["version"] + 1
    assert after["updated_by"] == "demo-coordinator"
    history = (
        changes_frame(coordinator)
        .filter(pl.col("action_id") == before["id"], pl.col("source") == "edit")
        .tail(2)
    )
    assert sorted(history["field"].to_list()) == ["planned_end", "status"]
    status_change = history.filter(pl.col("field") == "status").row(0, named=True)
    assert (status_change["old_value"], status_change["new_value"], status_change["changed_by"]) == (
        before["status"],
        "on_hold",
        "demo-coordinator",
    )


def test_regions_and_partners_are_edited_with_history(coordinator):
    before = action(coordinator, "1.1.1")
    regions = dict(
        pl.DataFrame(
            actions_frame(coordinator).select(
                pl.col("region_codes").explode(), pl.col("region_names").explode()
            )
        )
        .unique()
        .iter_rows()
    )
    from dashboard.services.actions.portfolio import care_regions_frame

    huy = care_regions_frame(coordinator).filter(pl.col("code") == "HUY")["id"][0]
    commands.update_actions(coordinator, [ActionEdit(before["id"], before["version"], region_ids=(huy,))])
    after = action(coordinator, "1.1.1")
    assert after["region_names"] == ["Huy – Condroz"]
    change = (
        changes_frame(coordinator)
        .filter(pl.col("action_id") == before["id"], pl.col("field") == "care_regions")
        .row(-1, named=True)
    )
    assert change["new_value"] == "Huy – Condroz"
    assert change["old_value"] == "; ".join(sorted(before["region_names"]))
    assert regions  # the demo's actions are spread over regions


def test_nothing_to_change_writes_nothing(coordinator):
    before = action(coordinator, "1.1.1")
    assert (
        commands.update_actions(
            coordinator, [ActionEdit(before["id"], before["version"], {"status": before["status"]})]
        )
        == 0
    )
    assert action(coordinator, "1.1.1")["version"] == before["version"]


@pytest.mark.parametrize(
    "changes,column,key",
    [
        ({"status": "finished"}, "status", "problem.bad_status"),
        (
            {"planned_start": dt.date(2024, 6, 1), "planned_end": dt.date(2024, 1, 1)},
            "planned_end",
            "problem.end_before_start",
        ),
        (
            {"actual_start": dt.date(2024, 6, 1), "actual_end": dt.date(2024, 1, 1)},
            "actual_end",
            "problem.end_before_start",
        ),
        ({"planned_end": dt.date(1999, 12, 31)}, "planned_end", "problem.bad_date"),
        ({"planned_start": dt.date(2150, 1, 1)}, "planned_start", "problem.bad_date"),
        ({"target_stratum": 7}, "target_stratum", "problem.bad_stratum"),
        ({"budget_eur": -5.0}, "budget_eur", "problem.negative_budget"),
        ({"title": "  "}, "title", "problem.empty_cell"),
        ({"lead_partner_id": 999_999}, "lead_partner", "problem.unknown_partner"),
    ],
)
def test_values_are_validated_on_the_server(coordinator, changes, column, key):
    before = action(coordinator, "2.2.1")
    with pytest.raises(ValidationFailed) as refused:
        commands.update_actions(coordinator, [ActionEdit(before["id"], before["version"], changes)])
    problem = refused.value.problems[0]
    assert (problem.record, problem.column, problem.key) == ("2.2.1", column, key)
    assert action(coordinator, "2.2.1") == before


def test_a_bulk_edit_is_all_or_nothing(coordinator):
    first, second = action(coordinator, "1.2.1"), action(coordinator, "1.2.2")
    with pytest.raises(ValidationFailed):
        commands.update_actions(
            coordinator,
            [
                ActionEdit(first["id"], first["version"], {"title": "A fine new title"}),
                ActionEdit(second["id"], second["version"], {"status": "nonsense"}),
            ],
        )
    assert action(coordinator, "1.2.1")["title"] == first["title"]


def test_a_stale_version_is_refused_naming_the_action_and_who_changed_it(coordinator):
    seen = action(coordinator, "2.3.1")
    other = actor_for("demo-admin", "chronicopole")
    commands.update_actions(
        other, [ActionEdit(seen["id"], seen["version"], {"title": "Changed by the admin"})]
    )
    with pytest.raises(ConflictError) as conflict:
        commands.update_actions(
            coordinator, [ActionEdit(seen["id"], seen["version"], {"title": "Changed by me"})]
        )
    assert conflict.value.params["code"] == "2.3.1"
    assert conflict.value.params["by"] == "Demo Admin"  # the name users know, not the login
    assert "2.3.1" in conflict.value.message("en") and "Demo Admin" in conflict.value.message("en")
    assert action(coordinator, "2.3.1")["title"] == "Changed by the admin"


def test_a_stale_bulk_save_names_every_action_changed_meanwhile_and_writes_nothing(coordinator):
    seen = {code: action(coordinator, code) for code in ("2.3.1", "2.3.2", "2.3.3")}
    other = actor_for("demo-admin", "chronicopole")
    for code in ("2.3.1", "2.3.3"):
        commands.update_actions(
            other, [ActionEdit(seen[code]["id"], seen[code]["version"], {"title": f"Admin {code}"})]
        )
    with pytest.raises(ConflictError) as conflict:
        commands.update_actions(
            coordinator,
            [ActionEdit(seen[code]["id"], seen[code]["version"], {"title": f"Mine {code}"}) for code in seen],
        )
    message = conflict.value.message("en")
    assert "2.3.1" in message and "2.3.3" in message and "2.3.2" not in message
    assert "Demo Admin" in message
    assert action(coordinator, "2.3.2") == seen["2.3.2"]
    assert action(coordinator, "2.3.1")["title"] == "Admin 2.3.1"


def test_a_concurrent_save_between_read_and_write_is_caught_by_the_version_column(coordinator, monkeypatch):
    """Another transaction commits after this one read the action and before it writes: the
    UPDATE ... WHERE version = <read> matches nothing, and the save is refused."""
    seen = action(coordinator, "2.3.2")
    real_validate = commands.validate_action

    def validate_then_someone_else_saves(values, record, problems):  # noqa: ANN001
        real_validate(values, record, problems)
        with get_engine().connect() as other:
            other.execute(
                text(
                    "UPDATE action SET title = 'Saved meanwhile', "
                    "version = version + 1, updated_by = 'demo-admin' "
                    "WHERE id = :id"
                ),
                {"id": seen["id"]},
            )
            other.commit()

    monkeypatch.setattr(commands, "validate_action", validate_then_someone_else_saves)
    with pytest.raises(ConflictError) as conflict:
        commands.update_actions(coordinator, [ActionEdit(seen["id"], seen["version"], {"title": "Mine"})])
    assert conflict.value.params["code"] == "2.3.2"
    assert conflict.value.params["by"] == "Demo Admin"  # the name users know, not the login
    assert action(coordinator, "2.3.2")["title"] == "Saved meanwhile"
    mine = changes_frame(coordinator).filter(pl.col("new_value") == "Mine")
    assert mine.height == 0  # no history of the refused save either


@pytest.mark.parametrize("username", ["demo-viewer", "demo-academic", "demo-steering"])
def test_only_coordinators_and_admins_edit(demo_db, username):
    actor = actor_for(username, "empact")
    target = actions_frame(actor).row(0, named=True)
    with pytest.raises(PermissionDenied):
        commands.update_actions(actor, [ActionEdit(target["id"], target["version"], {"title": "x"})])
    objective = objectives_frame(actor).filter(level=2).row(0, named=True)
    with pytest.raises(PermissionDenied):
        commands.add_action(actor, objective["id"], f"{objective['code']}.99", "New")


def test_an_action_of_another_project_is_not_found(demo_db):
    empact = actor_for("demo-coordinator", "empact")
    other = actions_frame(actor_for("demo-coordinator", "chronicopole")).row(0, named=True)
    with pytest.raises(NotFound):
        commands.update_actions(empact, [ActionEdit(other["id"], other["version"], {"title": "x"})])


def test_adding_an_action_under_an_objective(coordinator):
    objective = objectives_frame(coordinator).filter(code="2.9").row(0, named=True)
    action_id = commands.add_action(
        coordinator,
        objective["id"],
        "2.9.9",
        "Bilan de médication en officine",
        {"status": "idea", "planned_start": dt.date(2027, 1, 1)},
    )
    added = action(coordinator, "2.9.9")
    assert added["id"] == action_id and added["status"] == "idea"
    assert added["objective_code"] == "2.9" and added["strategic_code"] == "2"
    created = changes_frame(coordinator).filter(pl.col("action_id") == action_id)
    assert created["field"].to_list() == ["created"]
    for code, key in (
        ("2.9.9", "problem.code_taken"),
        ("3.1.1", "problem.code_outside_objective"),
        ("2.9", "problem.code_outside_objective"),
    ):
        with pytest.raises(ValidationFailed) as refused:
            commands.add_action(coordinator, objective["id"], code, "Another")
        assert refused.value.problems[0].key == key
    with pytest.raises(ValidationFailed):
        commands.add_action(coordinator, objective["id"], "2.9.10", "")


def test_an_edit_recomputes_the_indicators_it_feeds(demo_db):
    from dashboard.services.evaluation.indicators import overview

    coordinator = actor_for("demo-coordinator", "empact")
    share_before = overview(coordinator).filter(code="SE_SHARE")["latest_value"][0]
    candidates = actions_frame(coordinator).filter(
        pl.col("status").is_in(["planned", "in_progress"]), ~pl.col("social_entrepreneurship")
    )
    target = candidates.row(0, named=True)
    commands.update_actions(
        coordinator, [ActionEdit(target["id"], target["version"], {"social_entrepreneurship": True})]
    )
    share_after = overview(coordinator).filter(code="SE_SHARE")["latest_value"][0]
    assert share_after > share_before
