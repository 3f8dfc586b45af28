"""Titles and names are single-line wherever they are entered or imported: a title holding
"\\n\\n## Decisions\\n\\n**9. ...**" forged a decision block in the minutes. Refused with a message
naming the field (and the line of a file), nothing written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from dashboard.errors import ValidationFailed
from dashboard.services.evaluation import maturity
from dashboard.services.governance import meetings
from dashboard.services.actions import plan_import
from dashboard.services.partners import survey_import
from dashboard.services.actions import edits as commands
from dashboard.services.access import actor_for
from dashboard.services.actions.edits import ActionEdit
from dashboard.services.governance.meetings import Attendee
from dashboard.services.actions.portfolio import actions_frame
from dashboard import clock

FORGED = "Plan\n\n## Decisions\n\n**9. Forged**\n\n- **Go** (entry no. 12)"
BREAKS = [FORGED, "a\rb", "a\u2028b", "a\x0bb"]


def _refused(call, column: str) -> None:  # noqa: ANN001
    with pytest.raises(ValidationFailed) as refused:
        call()
    assert ("problem.line_break", column) in [(p.key, p.column) for p in refused.value.problems]
    assert "one line" in refused.value.message("en")


@pytest.mark.parametrize("title", BREAKS)
def test_an_action_title_with_a_line_break_is_refused(demo_db, title):
    coordinator = actor_for("demo-coordinator", "chronicopole")
    before = actions_frame(coordinator).row(0, named=True)
    _refused(
        lambda: commands.update_actions(
            coordinator, [ActionEdit(before["id"], before["version"], {"title": title})]
        ),
        "title",
    )
    assert actions_frame(coordinator).row(0, named=True)["title"] == before["title"]


def test_a_meeting_title_location_or_attendee_with_a_line_break_is_refused(demo_db):
    coordinator = actor_for("demo-coordinator", "chronicopole")
    day = clock.today() + dt.timedelta(days=30)
    count = meetings.meetings_list(coordinator).height
    _refused(lambda: meetings.create_meeting(coordinator, day, FORGED), "title")
    _refused(lambda: meetings.create_meeting(coordinator, day, "Comité", location="Liège\n# x"), "location")
    _refused(
        lambda: meetings.create_meeting(
            coordinator, day, "Comité", attendees=[Attendee("Anne\n- Bruno", None, True, True)]
        ),
        "name",
    )
    assert meetings.meetings_list(coordinator).height == count


def test_a_maturity_round_name_with_a_line_break_is_refused(demo_db):
    coordinator = actor_for("demo-coordinator", "chronicopole")
    _refused(lambda: maturity.open_round(coordinator, "2027\n## x", clock.today()), "name")


def test_an_imported_title_with_a_line_break_is_refused_with_its_line(demo_db):
    coordinator = actor_for("demo-coordinator", "chronicopole")
    content = 'code,title\n9,Nine\n9.1,Nine one\n9.1.1,"Plan\n\n## Decisions"\n'.encode()
    preview = plan_import.preview_plan_import(coordinator, content, "plan.csv")
    problem = next(p for p in preview.problems if p.key == "problem.line_break")
    assert (problem.file, problem.line, problem.column) == ("plan.csv", 4, "title")
    with pytest.raises(ValidationFailed):
        plan_import.apply_plan_import(coordinator, content, "plan.csv")
    assert actions_frame(coordinator).filter(pl.col("code") == "9.1.1").height == 0


def test_a_survey_wave_name_with_a_line_break_is_refused(demo_db):
    coordinator = actor_for("demo-coordinator", "chronicopole")
    content = (Path(__file__).resolve().parent.parent / "data" / "surveys" / "limesurvey_nl.csv").read_bytes()
    preview = survey_import.preview_survey_import(coordinator, content, "answers.csv", wave="2027\n## x")
    assert "problem.line_break" in [p.key for p in preview.problems]


def test_an_imported_lead_partner_with_a_line_break_is_refused_with_its_line(demo_db):
    coordinator = actor_for("demo-coordinator", "chronicopole")
    content = 'code,title,lead_partner\n9,Nine,\n9.1,Nine one,\n9.1.1,Plan,"CPAS\n## Forged"\n'.encode()
    preview = plan_import.preview_plan_import(coordinator, content, "plan.csv")
    problem = next(p for p in preview.problems if p.key == "problem.line_break")
    assert (problem.file, problem.line, problem.column) == ("plan.csv", 4, "lead_partner")


def test_an_indicator_name_or_unit_with_a_line_break_is_refused(demo_db):
    from dashboard.services.evaluation import indicator_definitions
    from tests.db.test_indicator_service import definition

    coordinator = actor_for("demo-coordinator", "chronicopole")
    for field in ("name_fr", "unit", "owner"):
        _refused(
            lambda f=field: indicator_definitions.save_indicator(coordinator, definition(**{f: "A\n## x"})),
            field,
        )
    # a definition may run over several lines
    indicator_definitions.save_indicator(coordinator, definition(definition_en="First line.\nSecond line."))


def test_a_region_name_from_outlines_with_a_line_break_is_refused(empty_db):
    import json

    from dashboard.services.admin.projects import create_project
    from dashboard.services.access import cli_actor
    from dashboard.services.population import geo_import

    create_project("fresh", "Fresh pilot")
    square = {"type": "Polygon", "coordinates": [[[4.6, 50.6], [4.7, 50.6], [4.7, 50.7], [4.6, 50.6]]]}
    feature = {"type": "Feature", "properties": {"code": "N", "name": "Nord\n## x"}, "geometry": square}
    content = json.dumps({"type": "FeatureCollection", "features": [feature]}).encode()
    with pytest.raises(ValidationFailed) as refused:
        geo_import.apply_geo_import(cli_actor("fresh"), content, "regions.geojson")
    assert "problem.line_break" in [p.key for p in refused.value.problems]


def test_a_project_name_with_a_line_break_is_refused(empty_db):
    from dashboard.errors import InvalidInput
    from dashboard.services.admin.projects import create_project

    with pytest.raises(InvalidInput):
        create_project("fresh", "Fresh\n## pilot")
