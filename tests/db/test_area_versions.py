"""Each area has its own data version: a write bumps the areas it changes, so the pages of the
other areas keep their cached reads (an action's status change must not rebuild the risk map
of a national project). On SQLite and PostgreSQL."""

from __future__ import annotations

import polars as pl
import pytest

from dashboard.services.actions import edits as commands
from dashboard.services.admin import projects
from dashboard.services.population import risk_import
from dashboard.services.access import actor_for, cli_actor
from dashboard.services.actions.edits import ActionEdit
from dashboard.services.actions.portfolio import actions_frame
from dashboard.services.admin.projects import get_project
from models.vocab import Area
from tests.db.test_risk_import import file


def versions(slug: str) -> dict[str, int]:
    return dict(get_project(slug).area_versions)


@pytest.fixture
def coordinator(demo_db):
    return actor_for("demo-coordinator", "chronicopole")


def changed_areas(before: dict[str, int], after: dict[str, int]) -> set[str]:
    return {area for area in before if after[area] != before[area]}


def test_a_status_change_bumps_the_actions_and_the_computed_indicators_only(coordinator):
    before, total = versions("chronicopole"), get_project("chronicopole").data_version
    action = actions_frame(coordinator).filter(pl.col("code") == "3.3.5").row(0, named=True)
    commands.update_actions(coordinator, [ActionEdit(action["id"], action["version"], {"status": "on_hold"})])
    # The app computes indicators from the actions (share with social entrepreneurship, on
    # time), so evaluation changes too; the risk map, surveys and decisions keep their caches.
    assert changed_areas(before, versions("chronicopole")) == {Area.actions, Area.evaluation}
    assert get_project("chronicopole").data_version > total


def test_a_risk_import_bumps_the_population_area_only(demo_db):
    before = versions("empact")
    risk_import.apply_risk_import(cli_actor("empact"), *file("risk", "good.csv"))
    assert changed_areas(before, versions("empact")) == {Area.population}


def test_a_change_of_the_project_settings_bumps_every_area(demo_db):
    admin = actor_for("demo-admin", "empact")
    project = get_project("empact")
    before = versions("empact")
    projects.update_project_settings(
        admin,
        social_entrepreneurship_target=0.4,
        target_group_size=project.target_group_size,
        stratum_labels={},
    )
    assert changed_areas(before, versions("empact")) == set(Area)


def test_the_cache_key_holds_the_versions_of_the_areas_asked_in_their_order(demo_db):
    project = get_project("empact")
    assert project.version(Area.population, Area.actions) == (
        project.area_versions["population"],
        project.area_versions["actions"],
    )
