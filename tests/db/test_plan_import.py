"""Importing action plans: good files, every kind of bad file, re-import, changes, export round
trip. On SQLite and PostgreSQL."""

from __future__ import annotations

import io
from pathlib import Path

import polars as pl
import pytest
from sqlmodel import func, select

from dashboard.errors import PermissionDenied, ValidationFailed
from dashboard.services.actions import plan_import
from dashboard.services.access import actor_for, cli_actor
from dashboard.services.actions.portfolio import actions_frame, changes_frame
from dashboard.services.admin.projects import create_project
from models.db import session_scope
from models.tables import (
    Action,
    ActionChange,
    CareRegion,
    ImportLog,
    Objective,
    Partner,
)

DATA = Path(__file__).resolve().parent.parent / "data" / "actions"


@pytest.fixture
def leuven(empty_db):
    """An empty project with three care regions and one partner."""
    project = create_project("leuven", "Zorgzaam Leuven")
    with session_scope() as session:
        session.add_all(
            [
                CareRegion(project_id=project.id, code="CTR", name="Centrum"),
                CareRegion(project_id=project.id, code="KES", name="Kessel-Lo"),
                CareRegion(project_id=project.id, code="HEV", name="Heverlee"),
            ]
        )
        session.add(Partner(project_id=project.id, name="Huisartsenkring Leuven", category="first_line"))
    return cli_actor("leuven")


def file(name: str) -> tuple[bytes, str]:
    return (DATA / name).read_bytes(), name


def counts() -> dict[str, int]:
    with session_scope() as session:
        return {
            t.__name__: session.exec(select(func.count()).select_from(t)).one()
            for t in (Action, ActionChange, Objective, Partner, ImportLog)
        }


def test_a_good_plan_builds_the_hierarchy(leuven):
    preview = plan_import.preview_plan_import(leuven, *file("good.csv"))
    assert preview.problems == []
    assert [a.code for a in preview.new_actions] == ["1.1.1", "1.1.2", "1.2.1", "2.1.1"]
    assert preview.new_partners == ["Nieuwe vzw"]
    plan_import.apply_plan_import(leuven, *file("good.csv"))
    actions = actions_frame(leuven)
    first = actions.filter(pl.col("code") == "1.1.1").row(0, named=True)
    assert first["status"] == "in_progress"  # "lopend"
    assert first["social_entrepreneurship"] is True  # "ja"
    assert first["budget_eur"] == 12500.5  # "12.500,50"
    assert first["region_names"] == ["Kessel-Lo"]
    assert (first["strategic_code"], first["objective_code"]) == ("1", "1.1")
    second = actions.filter(pl.col("code") == "1.1.2").row(0, named=True)
    assert second["status"] == "planned"  # "Planned"
    assert str(second["planned_start"]) == "2024-09-01"  # "01/09/2024"
    assert second["region_names"] == ["Centrum", "Heverlee"]  # "HEV|Centrum"
    assert second["lead_partner"] == "Nieuwe vzw"
    assert actions.filter(pl.col("code") == "2.1.1")["status"][0] == "in_progress"  # EN COURS
    with session_scope() as session:
        objectives = {o.code: o.title for o in session.exec(select(Objective))}
    # 1.2, 2 and 2.1 are referred to but not named: their code is their title.
    assert objectives == {"1": "Zorgzame buurten", "1.1": "Buurtteams", "1.2": "1.2", "2": "2", "2.1": "2.1"}


def test_reimporting_the_same_file_changes_nothing(leuven):
    plan_import.apply_plan_import(leuven, *file("good.csv"))
    before = counts()
    preview = plan_import.apply_plan_import(leuven, *file("good.csv"))
    assert not preview.has_changes
    assert sorted(preview.unchanged_actions) == ["1.1.1", "1.1.2", "1.2.1", "2.1.1"]
    assert counts() == before  # not even an import log entry


def test_a_changed_file_updates_by_code_keeps_absent_actions_and_records_the_import(leuven):
    plan_import.apply_plan_import(leuven, *file("good.csv"))
    preview = plan_import.apply_plan_import(leuven, *file("changed.csv"))
    assert {a.code for a in preview.changed_actions} == {"1.1.1", "1.1.2"}
    assert preview.renamed_objectives == [("1.1", "Buurtteams", "Buurtteams in elke wijk")]
    assert preview.absent_actions == [("2.1.1", "Vroegdetectie")]
    actions = actions_frame(leuven)
    assert "2.1.1" in actions["code"].to_list()  # kept, not deleted
    done = actions.filter(pl.col("code") == "1.1.1").row(0, named=True)
    assert done["status"] == "done" and str(done["planned_end"]) == "2024-10-31"
    history = changes_frame(leuven).filter(pl.col("action_id") == done["id"], pl.col("field") == "status")
    change = history.row(-1, named=True)
    assert (change["old_value"], change["new_value"], change["source"]) == ("in_progress", "done", "import")
    with session_scope() as session:
        logs = session.exec(select(ImportLog).order_by(ImportLog.id)).all()
        assert [log.file_name for log in logs] == ["good.csv", "changed.csv"]
        imported = session.exec(
            select(ActionChange).where(
                ActionChange.action_id == done["id"],
                ActionChange.field == "status",
                ActionChange.new_value == "done",
            )
        ).one()
        assert imported.import_id == logs[-1].id and imported.changed_by == "cli"


def test_encoding_separator_headers_and_unknown_columns_are_detected(leuven):
    preview = plan_import.preview_plan_import(leuven, *file("semicolon-cp1252.csv"))
    assert preview.problems == []
    assert preview.unknown_columns == ["Extra column"]
    assert preview.new_actions[0].title == "Équipe de quartier été"
    changes = {c.field: c.new for c in preview.new_actions[0].changes}
    assert changes["status"] == "done"  # "terminée"
    bom = plan_import.preview_plan_import(leuven, *file("utf8-bom.csv"))
    assert bom.problems == [] and bom.new_actions[0].title == "Buurtteam met BOM"


def test_a_new_action_with_stratum_0_and_no_budget_shows_both(leuven):
    content = (
        "code,title,social_entrepreneurship,target_stratum,budget_eur\n1.1.1,Preventie,nee,0,0\n"
    ).encode()
    preview = plan_import.preview_plan_import(leuven, content, "zero.csv")
    assert preview.problems == []
    changes = {c.field: c.new for c in preview.new_actions[0].changes}
    assert changes["target_stratum"] == 0 and changes["budget_eur"] == 0
    assert "social_entrepreneurship" not in changes  # "no" is every new action's default


def test_xlsx_imports_like_csv(leuven):
    frame = pl.read_csv(DATA / "good.csv", infer_schema=False)
    buffer = io.BytesIO()
    frame.write_excel(buffer)
    preview = plan_import.apply_plan_import(leuven, buffer.getvalue(), "good.xlsx")
    assert [a.code for a in preview.new_actions] == ["1.1.1", "1.1.2", "1.2.1", "2.1.1"]
    assert plan_import.preview_plan_import(leuven, *file("good.csv")).has_changes is False


BAD_FILES = {
    # file: [(line, column, catalogue key)]
    "bad-missing-column.csv": [(1, "title", "problem.missing_column")],
    "bad-empty-code.csv": [(3, "code", "problem.empty_cell")],
    "bad-empty-title.csv": [(2, "title", "problem.empty_cell")],
    "bad-code.csv": [(2, "code", "problem.bad_code"), (3, "code", "problem.bad_code")],
    "bad-duplicate-code.csv": [(3, "code", "problem.duplicate_code")],
    "bad-status.csv": [(2, "status", "problem.unknown_status")],
    "bad-date.csv": [(2, "start", "problem.bad_date"), (2, "end", "problem.bad_date")],
    "bad-end-before-start.csv": [(2, "end", "problem.end_before_start")],
    "bad-region.csv": [(2, "care_regions", "problem.unknown_region")],
    "bad-stratum.csv": [(2, "target_stratum", "problem.bad_stratum")],
    "bad-budget.csv": [(2, "budget_eur", "problem.negative_budget"), (3, "budget_eur", "problem.bad_number")],
    "bad-parent.csv": [(2, "title", "problem.empty_cell"), (3, "code", "problem.parent_not_placed")],
    "bad-done-without-actual-end.csv": [(2, "actual_end", "problem.done_without_actual_end")],
    "bad-done-no-actual-end-column.csv": [(2, "statut", "problem.done_without_actual_end")],
    "bad-actual-dates.csv": [
        (2, "actual_start", "problem.bad_date"),
        (3, "actual_end", "problem.end_before_start"),
    ],
    "bad-status-code.csv": [
        (2, "status_code", "problem.unknown_status_code"),
        (3, "status", "problem.status_disagrees"),
    ],
    "bad-many.csv": [
        (2, "end", "problem.end_before_start"),
        (3, "status", "problem.unknown_status"),
        (3, "start", "problem.bad_date"),
        (3, "target_stratum", "problem.bad_stratum"),
    ],
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_file_lists_every_problem_and_writes_nothing(leuven, name):
    before = counts()
    preview = plan_import.preview_plan_import(leuven, *file(name))
    found = [(p.line, p.column, p.key) for p in preview.problems]
    assert found == BAD_FILES[name]
    assert all(p.file == name for p in preview.problems)
    with pytest.raises(ValidationFailed) as refused:
        plan_import.apply_plan_import(leuven, *file(name))
    assert len(refused.value.problems) == len(BAD_FILES[name])
    assert counts() == before


def test_an_unknown_region_suggests_the_closest_names(leuven):
    problem = plan_import.preview_plan_import(leuven, *file("bad-region.csv")).problems[0]
    assert problem.value == "Kesel-Lo"
    assert "Kessel-Lo" in problem.params["closest"]


def test_a_file_that_is_not_a_table(leuven):
    preview = plan_import.preview_plan_import(leuven, b"", "empty.csv")
    assert [p.key for p in preview.problems] == ["problem.empty_file"]
    preview = plan_import.preview_plan_import(leuven, b"PK\x03\x04garbage", "broken.xlsx")
    assert [p.key for p in preview.problems] == ["problem.not_a_table"]


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_an_export_imports_back_to_no_change(demo_db, file_format):
    actor = cli_actor("chronicopole")
    exported = plan_import.export_plan(actor, file_format)
    preview = plan_import.preview_plan_import(actor, exported, f"plan.{file_format}")
    assert preview.problems == []
    assert not preview.has_changes
    assert len(preview.unchanged_actions) == actions_frame(actor).height


def test_formula_like_titles_survive_an_export_round_trip(leuven):
    content = b'code,title\n1.1.1,=HYPERLINK("http://x")\n1.1.2,-2 budget cut\n'
    plan_import.apply_plan_import(leuven, content, "formulas.csv")
    exported = plan_import.export_plan(leuven, "csv").decode("utf-8-sig")
    assert "'=HYPERLINK" in exported and "'-2 budget cut" in exported
    again = plan_import.preview_plan_import(leuven, exported.encode(), "export.csv")
    assert not again.has_changes


def test_only_importers_may_import(demo_db):
    for username in ("demo-viewer", "demo-academic", "demo-steering"):
        actor = actor_for(username, "empact")
        with pytest.raises(PermissionDenied):
            plan_import.preview_plan_import(actor, *file("good.csv"))
        with pytest.raises(PermissionDenied):
            plan_import.apply_plan_import(actor, *file("good.csv"))
    coordinator = actor_for("demo-coordinator", "empact")
    assert plan_import.preview_plan_import(coordinator, *file("utf8-bom.csv")).problems == []


def test_actual_dates_and_status_codes_are_read(leuven):
    preview = plan_import.apply_plan_import(leuven, *file("good-actual-dates.csv"))
    assert preview.problems == [] and len(preview.new_actions) == 2
    actions = {a["code"]: a for a in actions_frame(leuven).iter_rows(named=True)}
    done, running = actions["1.1.1"], actions["1.1.2"]
    assert (done["status"], str(done["actual_start"]), str(done["actual_end"])) == (
        "done",
        "2023-02-01",
        "2024-09-15",
    )
    assert (running["status"], str(running["actual_start"]), running["actual_end"]) == (
        "in_progress",
        "2024-09-15",
        None,
    )
    assert done["target_stratum"] == 2  # the label beside it is for the reader, not read
    assert preview.unknown_columns == []


def test_a_done_action_keeps_the_actual_end_it_has_when_the_file_has_no_such_column(leuven):
    plan_import.apply_plan_import(leuven, *file("good-actual-dates.csv"))
    content = "code,title,status\n1.1.1,Buurtteam Kessel-Lo,Terminée\n".encode()
    assert plan_import.preview_plan_import(leuven, content, "status-only.csv").problems == []


def test_the_refusal_of_a_done_action_without_actual_end_names_file_line_and_column(leuven):
    from dashboard.errors import describe

    problem = plan_import.preview_plan_import(leuven, *file("bad-done-without-actual-end.csv")).problems[0]
    assert describe(problem, "fr") == (
        "bad-done-without-actual-end.csv, ligne 2, colonne actual_end : l'action 1.1.1 est "
        "terminée mais sa fin réelle manque : indiquez la date à laquelle elle s'est terminée "
        "(colonne actual_end)."
    )


def test_an_export_has_labels_beside_codes_real_types_and_actual_dates(demo_db):
    """The export had raw codes ('done', 'no') and numbers and dates as text, and no actual
    dates: the share of actions per stratum that finished late could not be computed."""
    from dashboard.i18n import set_language

    actor = actor_for("demo-academic", "chronicopole")
    set_language("fr")
    plan = plan_import.plan_frame(actor)
    assert {
        name: str(dtype)
        for name, dtype in plan.schema.items()
        if name
        in (
            "start",
            "end",
            "actual_start",
            "actual_end",
            "target_stratum",
            "budget_eur",
            "social_entrepreneurship",
        )
    } == {
        "start": "Date",
        "end": "Date",
        "actual_start": "Date",
        "actual_end": "Date",
        "target_stratum": "Int64",
        "budget_eur": "Float64",
        "social_entrepreneurship": "Boolean",
    }
    actions = plan.filter(pl.col("status_code").is_not_null())
    labels = dict(actions.select("status_code", "status").unique().iter_rows())
    assert labels["done"] == "Terminée" and labels["in_progress"] == "En cours"
    from dashboard.services.admin.projects import get_project

    project = get_project("chronicopole")
    strata = actions.filter(pl.col("target_stratum").is_not_null())
    assert strata.height and all(
        label == project.stratum_label(stratum, "fr")
        for stratum, label in strata.select("target_stratum", "target_stratum_label").iter_rows()
    )
    done = actions.filter(pl.col("status_code") == "done")
    assert done.height and done["actual_end"].null_count() == 0

    # what the academic partners asked for, straight from the Excel file
    excel = pl.read_excel(io.BytesIO(plan_import.export_plan(actor, "xlsx")))
    assert excel.schema["actual_end"] == pl.Date and excel.schema["target_stratum"] == pl.Int64
    late_by_stratum = (
        excel.filter(pl.col("status_code") == "done")
        .group_by("target_stratum")
        .agg((pl.col("actual_end") > pl.col("end")).mean().alias("late"))
    )
    assert late_by_stratum.height >= 2 and late_by_stratum["late"].is_between(0, 1).all()
