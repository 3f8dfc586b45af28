"""The role matrix, decided on purpose (README, "Roles"), is what the services enforce: every
write and download, tried by every role, is refused exactly where the matrix says so. Hidden
buttons prove nothing: these calls go straight to the services."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from dashboard.services.explore.catalogue import catalogue

from dashboard.errors import PermissionDenied
from dashboard.permissions import ROLE_PERMISSIONS, Permission, can
from dashboard.services.actions import edits as actions
from dashboard.services.governance import decisions as governance
from dashboard.services.evaluation import indicator_definitions
from dashboard.services.evaluation import indicator_values
from dashboard.services.evaluation import maturity
from dashboard.services.governance import meetings
from dashboard.services.actions import plan_import
from dashboard.services.admin import projects
from dashboard.services.partners import survey_comments
from dashboard.services.admin import users
from dashboard.services.access import actor_for
from dashboard.services.actions.edits import ActionEdit
from dashboard.services.governance.decisions import DecisionInput
from dashboard.services.actions.portfolio import actions_frame
from models.db import get_engine
from models.vocab import Role
from sqlalchemy import text
from dashboard import clock

README = Path(__file__).resolve().parents[2] / "README.md"
DAY = clock.today() + dt.timedelta(days=40)


def _ids(admin) -> dict:  # noqa: ANN001
    first = actions_frame(admin).row(0, named=True)
    with get_engine().connect() as connection:
        indicator = connection.execute(
            text("SELECT id FROM indicator WHERE project_id = :p ORDER BY id LIMIT 1"),
            {"p": admin.project_id},
        ).scalar_one()
        round_id = connection.execute(
            text("SELECT id FROM maturity_round WHERE project_id = :p ORDER BY id DESC LIMIT 1"),
            {"p": admin.project_id},
        ).scalar_one()
    return {"action": first["id"], "version": first["version"], "indicator": indicator, "round": round_id}


# One service call per permission: each is the real command a page or the CLI makes.
OPERATIONS = {
    Permission.read: lambda a, ids: governance.log_frame(a),
    Permission.download: lambda a, ids: governance.export_frame(a),
    Permission.view_comments: lambda a, ids: survey_comments.comments(a),
    Permission.edit_actions: lambda a, ids: actions.update_actions(
        a, [ActionEdit(ids["action"], ids["version"], {"title": "Renamed"})]
    ),
    Permission.import_data: lambda a, ids: plan_import.preview_plan_import(
        a, b"code,title\n9,Nine\n", "plan.csv"
    ),
    Permission.prepare_meeting: lambda a, ids: meetings.create_meeting(a, DAY, "Comité"),
    Permission.record_decision: lambda a, ids: governance.record_decision(
        a, DecisionInput(ids["action"], "postponed", "Wait.")
    ),
    Permission.enter_indicator_values: lambda a, ids: indicator_values.delete_value(
        a, ids["indicator"], "1900", None
    ),
    Permission.comment_indicator: lambda a, ids: indicator_definitions.add_comment(
        a, ids["indicator"], "A comment."
    ),
    Permission.score_maturity: lambda a, ids: maturity.save_my_scores(a, ids["round"], []),
    Permission.open_maturity_round: lambda a, ids: maturity.open_round(a, "Round 2099", DAY),
    Permission.record_maturity_consensus: lambda a, ids: maturity.record_consensus(a, ids["round"], []),
    Permission.manage_users: lambda a, ids: users.project_members(a),
    Permission.explore: lambda a, ids: catalogue(a),
    Permission.manage_project: lambda a, ids: projects.update_project_settings(
        a, social_entrepreneurship_target=None, target_group_size=None, stratum_labels={}
    ),
}


def test_every_permission_has_a_service_call_here():
    assert set(OPERATIONS) == set(Permission)


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("permission", list(Permission))
def test_the_services_enforce_the_matrix(demo_sqlite, role, permission):
    admin = actor_for("demo-admin", "chronicopole")
    actor = dataclasses.replace(admin, role=role)
    ids = _ids(admin)
    if can(role, permission):
        try:
            OPERATIONS[permission](actor, ids)
        except PermissionDenied as refused:  # pragma: no cover - the failure being tested
            pytest.fail(f"{role} refused {permission}: {refused}")
        except Exception:  # noqa: BLE001 - past the permission check; the input may be refused
            pass
    else:
        with pytest.raises(PermissionDenied):
            OPERATIONS[permission](actor, ids)


def _readme_matrix() -> dict[Role, set[str]]:
    section = README.read_text(encoding="utf-8").split("\n## Roles\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    header = next(line for line in section.splitlines() if line.startswith("| permission"))
    roles = [Role(cell.strip(" `")) for cell in header.strip("|").split("|")[1:]]
    matrix: dict[Role, set[str]] = {role: set() for role in roles}
    for row in rows:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        permission = re.search(r"`(\w+)`", cells[0]).group(1)
        for role, cell in zip(roles, cells[1:], strict=True):
            if cell == "✓":
                matrix[role].add(permission)
    return matrix


def test_the_readme_states_the_matrix_the_code_has():
    matrix = _readme_matrix()
    assert set(matrix) == set(Role)
    for role, permissions in ROLE_PERMISSIONS.items():
        assert matrix[role] == {p.value for p in permissions}, role
