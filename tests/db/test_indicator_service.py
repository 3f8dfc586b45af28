"""Indicator services on SQLite and PostgreSQL: the import (preview, all-or-nothing, re-import
changes nothing), the entry form's server-side checks and history, small cells as the pages and
exports get them, comments, definitions, and the indicators the app computes following the
portfolio."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest
from sqlmodel import delete, func, select

from dashboard.errors import NotFound, PermissionDenied, ValidationFailed
from dashboard.presenters.evaluation import source_as_stored, source_label
from dashboard.services.evaluation import indicators
from dashboard.services.evaluation import indicator_definitions
from dashboard.services.evaluation import indicator_values
from dashboard.services.access import actor_for, cli_actor
from dashboard.services.actions.edits import ActionEdit, add_action, update_actions
from dashboard.services.evaluation.indicator_import import apply_indicator_import, preview_indicator_import
from dashboard.services.actions.portfolio import actions_frame
from models.db import session_scope
from models.tables import CareRegion, IndicatorValue, IndicatorValueChange, Project
from dashboard import clock

DATA = Path(__file__).resolve().parent.parent / "data" / "indicators"


def file(name: str) -> tuple[bytes, str]:
    return (DATA / name).read_bytes(), name


def counts() -> tuple[int, int, int]:
    """Values, history rows, and the data versions of all projects together."""
    with session_scope() as session:
        return (
            session.exec(select(func.count()).select_from(IndicatorValue)).one(),
            session.exec(select(func.count()).select_from(IndicatorValueChange)).one(),
            session.exec(select(func.sum(Project.data_version))).one(),
        )


def value_of(actor, code: str, period: str, region: str | None = None) -> dict:  # noqa: ANN001
    indicator_id = indicators.indicator_id_by_code(actor, code)
    frame = indicators.values_frame(actor.project_id, indicator_id).filter(
        pl.col("period") == period,
        pl.col("region_name").is_null() if region is None else pl.col("region_name") == region,
    )
    assert frame.height == 1, (code, period, region)
    return frame.row(0, named=True)


# ---------------------------------------------------------------- import


def test_import_preview_then_apply_then_again(demo_db):
    coordinator = actor_for("demo-coordinator", "empact")
    before = counts()
    preview = preview_indicator_import(coordinator, *file("values.csv"))
    assert not preview.problems
    assert (len(preview.new_values), len(preview.changed_values)) == (7, 0)
    assert preview.new_indicators == ["WORK_DISABILITY"]  # from the default catalogue
    assert counts() == before  # a preview writes nothing
    apply_indicator_import(coordinator, *file("values.csv"))
    after = counts()
    assert after[0] == before[0] + 7 and after[1] == before[1] + 7 and after[2] > before[2]
    assert value_of(coordinator, "GP_AFTER_DISCHARGE", "2026", "Roeselare")["value"] == 63.0
    # Worked out from the counts: 3120 / 6500 = 48 %.
    assert value_of(coordinator, "CASE_MANAGED", "2026")["value"] == pytest.approx(48.0)
    assert value_of(coordinator, "WORK_DISABILITY", "2025")["source"] == "imported"
    added = indicators.catalogue_frame(coordinator, "nl").filter(
        pl.col("code") == "WORK_DISABILITY"
    )  # added with its texts in the three languages
    assert added["numerator_definition"][0] == (
        "Verzekerden van 18 tot 64 jaar die langer dan een jaar arbeidsongeschikt zijn"
    )
    again = apply_indicator_import(coordinator, *file("values.csv"))
    assert not again.has_changes and again.unchanged_values == 7
    assert counts() == after


def test_an_import_changes_what_differs_and_keeps_the_rest(demo_db):
    coordinator = actor_for("demo-coordinator", "empact")
    previous = value_of(coordinator, "POLYPHARMACY", "2025")["value"]
    content = (
        b"indicator;period;region;value\nPOLYPHARMACY;2025;;20,1\n"
        + f"POLYPHARMACY;2024;;{value_of(coordinator, 'POLYPHARMACY', '2024')['value']}".replace(
            ".", ","
        ).encode()
        + b"\n"
    )
    preview = apply_indicator_import(coordinator, content, "fix.csv")
    assert [(v.period, v.old[0], v.new[0]) for v in preview.changed_values] == [("2025", previous, 20.1)]
    assert preview.unchanged_values == 1
    assert value_of(coordinator, "POLYPHARMACY", "2025")["value"] == 20.1
    assert value_of(coordinator, "POLYPHARMACY", "2023")["value"] is not None  # kept
    detail = indicators.indicator_detail(
        coordinator, indicators.indicator_id_by_code(coordinator, "POLYPHARMACY")
    )
    change = detail.history.row(0, named=True)
    assert (change["old_value"], change["new_value"], change["source"]) == (previous, 20.1, "imported")


def test_dutch_and_french_files(demo_db):
    empact = actor_for("demo-coordinator", "empact")
    assert not apply_indicator_import(empact, *file("values_nl.csv")).problems
    assert value_of(empact, "POLYPHARMACY", "2026", "Tielt")["value"] == 19.7
    assert value_of(empact, "CASE_MANAGED", "2026-06", "Izegem")["denominator"] == 1200
    chronicopole = actor_for("demo-coordinator", "chronicopole")
    assert not apply_indicator_import(chronicopole, *file("values_fr.xlsx")).problems
    assert value_of(chronicopole, "GMD_COVERAGE", "2026", "Huy – Condroz")["value"] == 87.2


def test_a_bad_file_is_refused_whole_with_every_problem(demo_db):
    coordinator = actor_for("demo-coordinator", "empact")
    before = counts()
    with pytest.raises(ValidationFailed) as refused:
        apply_indicator_import(coordinator, *file("bad_values.csv"))
    found = [(p.line, p.column, p.key.rsplit(".", 1)[1]) for p in refused.value.problems]
    assert found == [
        (2, "period", "bad_period"),
        (3, "indicator", "unknown"),
        (4, "indicator", "computed"),
        (5, "region", "unknown_region"),
        (6, "numerator", "numerator_above_denominator"),
        (7, "value", "inconsistent_value"),
        (8, "value", "bad_number"),
        (9, "numerator", "negative_count"),
        (11, "region", "duplicate_row"),
        (12, "value", "no_value"),
    ]
    unknown = refused.value.problems[1]
    assert unknown.params["closest"] == "GP_AFTER_DISCHARGE" and unknown.value == "GP_AFTERDISCHARGE"
    assert refused.value.problems[5].params["expected"] == "50.0"
    assert counts() == before


def _monthly_values(count: int, shift: float = 0.0) -> tuple[bytes, str]:
    """`count` monthly values of GP_AFTER_DISCHARGE for the project, from January 1900."""
    lines = ["indicator,period,region,value"] + [
        f"GP_AFTER_DISCHARGE,{1900 + n // 12}-{n % 12 + 1:02d},,{50 + (n % 40) + shift:.1f}"
        for n in range(count)
    ]
    return ("\n".join(lines) + "\n").encode(), f"monthly-{count}.csv"


def _statements(run) -> int:  # noqa: ANN001
    """How many SQL statements `run()` sends to the database."""
    from sqlalchemy import event

    from models.db import get_engine

    sent: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):  # noqa: ANN001, ARG001
        sent.append(statement)

    engine = get_engine()
    event.listen(engine, "before_cursor_execute", count)
    try:
        run()
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return len(sent)


def test_an_import_sends_as_many_statements_for_500_values_as_for_50(demo_db):
    """The importer compares the file with the stored values in bulk: no query per value, for
    the preview, the first import (all added), a changed file (all changed) and a re-import."""
    coordinator = actor_for("demo-coordinator", "empact")
    sent: dict[int, list[int]] = {}
    for count in (50, 500):
        with session_scope() as session:  # the same starting point for both sizes
            for table in (IndicatorValue, IndicatorValueChange):
                session.exec(delete(table).where(table.period.like("19%")))
        first, changed = _monthly_values(count), _monthly_values(count, shift=0.5)
        sent[count] = [
            _statements(lambda f=first: preview_indicator_import(coordinator, *f)),
            _statements(lambda f=first: apply_indicator_import(coordinator, *f)),
            _statements(lambda f=changed: apply_indicator_import(coordinator, *f)),
            _statements(lambda f=changed: apply_indicator_import(coordinator, *f)),
        ]
        detail = indicators.indicator_detail(
            coordinator, indicators.indicator_id_by_code(coordinator, "GP_AFTER_DISCHARGE")
        )
        history = detail.history.filter(pl.col("period").str.starts_with("19"))
        assert history.height == 2 * count  # added, then changed: two history rows each
    assert sent[500] == sent[50]
    assert value_of(coordinator, "GP_AFTER_DISCHARGE", "1941-08")["value"] == 50 + 499 % 40 + 0.5


@pytest.mark.parametrize("username", ["demo-steering", "demo-academic", "demo-viewer"])
def test_only_coordinators_and_admins_import(demo_db, username):
    with pytest.raises(PermissionDenied):
        preview_indicator_import(actor_for(username, "empact"), *file("values.csv"))


# ---------------------------------------------------------------- the entry form


def region_id(actor, name: str) -> int:  # noqa: ANN001
    with session_scope() as session:
        return session.exec(
            select(CareRegion.id).where(CareRegion.project_id == actor.project_id, CareRegion.name == name)
        ).one()


def test_a_value_entered_then_corrected_keeps_its_history(demo_db):
    coordinator = actor_for("demo-coordinator", "empact")
    pacic = indicators.indicator_id_by_code(coordinator, "PACIC")
    entry = indicator_values.ValueEntry(pacic, "2026-q2", None, 3.66)
    assert indicator_values.enter_value(coordinator, entry) == "added"
    assert indicator_values.enter_value(coordinator, entry) == "unchanged"
    corrected = indicator_values.ValueEntry(pacic, "2026-Q2", None, 3.68)
    assert indicator_values.enter_value(coordinator, corrected) == "changed"
    detail = indicators.indicator_detail(coordinator, pacic)
    history = detail.history.select("period", "old_value", "new_value", "changed_by", "source").rows()
    # who entered and changed values: the user's display name, not the login name
    assert history[:2] == [
        ("2026-Q2", 3.66, 3.68, "Demo Coordinator", "entered"),
        ("2026-Q2", None, 3.66, "Demo Coordinator", "entered"),
    ]
    entered = detail.values.filter(pl.col("period") == "2026-Q2")["entered_by"].to_list()
    assert entered == ["Demo Coordinator"]
    indicator_values.delete_value(coordinator, pacic, "2026-Q2", None)
    after = indicators.indicator_detail(coordinator, pacic)
    assert after.values.filter(pl.col("period") == "2026-Q2").height == 0
    assert after.history.row(0, named=True)["source"] == "deleted"


@pytest.mark.parametrize(
    ("figures", "column", "key"),
    [
        (("2026-13", 40.0, None, None), "period", "bad_period"),
        (("2026", None, 700.0, 600.0), "numerator", "numerator_above_denominator"),
        (("2026", 55.0, 300.0, 600.0), "value", "inconsistent_value"),
        (("2026", None, 300.0, None), "value", "no_value"),
        (("2026", 130.0, None, None), "value", "share_out_of_range"),
        (("2026", None, 3.0, 0.0), "denominator", "zero_denominator"),
    ],
)
def test_the_form_is_checked_on_the_server(demo_db, figures, column, key):
    coordinator = actor_for("demo-coordinator", "empact")
    before = counts()
    period, value, numerator, denominator = figures
    entry = indicator_values.ValueEntry(
        indicators.indicator_id_by_code(coordinator, "CASE_MANAGED"),
        period,
        None,
        value,
        numerator,
        denominator,
    )
    with pytest.raises(ValidationFailed) as refused:
        indicator_values.enter_value(coordinator, entry)
    problem = refused.value.problems[0]
    assert (problem.column, problem.key, problem.record) == (
        column,
        f"problem.indicator.{key}",
        "CASE_MANAGED",
    )
    assert counts() == before


def test_values_of_computed_indicators_and_other_projects_are_refused(demo_db):
    coordinator = actor_for("demo-coordinator", "empact")
    se_share = indicators.indicator_id_by_code(coordinator, "SE_SHARE")
    with pytest.raises(ValidationFailed) as refused:
        indicator_values.enter_value(coordinator, indicator_values.ValueEntry(se_share, "2026", None, 60.0))
    assert refused.value.problems[0].key == "problem.indicator.computed"
    other = indicators.indicator_id_by_code(actor_for("demo-admin", "chronicopole"), "PACIC")
    with pytest.raises(NotFound):
        indicator_values.enter_value(coordinator, indicator_values.ValueEntry(other, "2026", None, 3.0))
    huy = region_id(actor_for("demo-admin", "chronicopole"), "Huy – Condroz")
    with pytest.raises(ValidationFailed) as refused:
        indicator_values.enter_value(
            coordinator,
            indicator_values.ValueEntry(
                indicators.indicator_id_by_code(coordinator, "PACIC"), "2026", huy, 3.0
            ),
        )
    assert refused.value.problems[0].key == "problem.indicator.bad_region"


@pytest.mark.parametrize("username", ["demo-steering", "demo-academic", "demo-viewer"])
def test_only_coordinators_and_admins_enter_values(demo_db, username):
    actor = actor_for(username, "empact")
    pacic = indicators.indicator_id_by_code(actor, "PACIC")
    with pytest.raises(PermissionDenied):
        indicator_values.enter_value(actor, indicator_values.ValueEntry(pacic, "2026", None, 3.6))


# ---------------------------------------------------------------- small cells


def test_small_counts_never_leave_the_service(demo_db):
    coordinator = actor_for("demo-coordinator", "empact")
    case = indicators.indicator_id_by_code(coordinator, "CASE_MANAGED")
    regions = {name: region_id(coordinator, name) for name in ("Ieper", "Poperinge", "Diksmuide")}
    for region, (numerator, denominator) in {
        None: (60.0, 200.0),
        "Ieper": (3.0, 40.0),
        "Poperinge": (27.0, 80.0),
        "Diksmuide": (30.0, 80.0),
    }.items():
        indicator_values.enter_value(
            coordinator,
            indicator_values.ValueEntry(case, "2027", regions.get(region), None, numerator, denominator),
        )
    shown = (
        indicators.values_frame(coordinator.project_id, case)
        .filter(pl.col("period") == "2027")
        .sort("region_name", nulls_last=False)
    )
    assert shown.select("region_name", "value", "numerator", "denominator").rows() == [
        (None, 30.0, 60.0, 200.0),
        ("Diksmuide", 37.5, 30.0, 80.0),
        ("Ieper", None, None, 40.0),  # 3 persons
        ("Poperinge", None, None, 80.0),  # else 60 - 30 - 27 = 3
    ]
    exported = indicators.export_values(coordinator).filter(pl.col("period") == "2027")
    assert exported.filter(pl.col("region") == "IEP").select("value", "numerator").row(0) == ("< 5", "< 5")
    # The project's own latest value: 2 of 40 hides it, its status is still given.
    indicator_values.enter_value(
        coordinator, indicator_values.ValueEntry(case, "2028", None, None, 38.0, 40.0)
    )
    row = indicators.overview(coordinator).filter(pl.col("code") == "CASE_MANAGED")
    assert row["latest_value"][0] is None and row["latest_value_suppressed"][0]
    assert row["latest_period"][0] == "2028" and row["status"][0] in ("on_track", "at_risk")
    assert row["trend"][0][-1] is None


# ---------------------------------------------------------------- comments and definitions


def test_turn_the_curve_comments(demo_db):
    academic = actor_for("demo-academic", "empact")
    workload = indicators.indicator_id_by_code(academic, "PROVIDER_WORKLOAD")
    indicator_definitions.add_comment(academic, workload, "  Meer digitaal overleg sinds maart.  ")
    comments = indicators.indicator_detail(academic, workload).comments
    newest = comments.row(0, named=True)
    assert (newest["author"], newest["text"]) == (academic.display_name, "Meer digitaal overleg sinds maart.")
    with pytest.raises(ValidationFailed):
        indicator_definitions.add_comment(academic, workload, "   ")
    with pytest.raises(PermissionDenied):
        indicator_definitions.add_comment(actor_for("demo-viewer", "empact"), workload, "Hello")


def definition(**changes: object) -> indicator_definitions.IndicatorInput:
    base = dict(
        code="falls_65",
        name_fr="Chutes (65+)",
        name_nl="Valpartijen (65+)",
        name_en="Falls (65+)",
        aim="population_health",
        component=5,
        kind="outcome",
        unit="per 1,000",
        polarity="lower_is_better",
        decimals=1,
        baseline_value=31.0,
        baseline_period="2023",
        target_value=25.0,
        target_period="2027",
    )
    return indicator_definitions.IndicatorInput(**{**base, **changes})  # type: ignore[arg-type]


def test_a_new_indicator_with_its_links_then_edited(demo_db):
    coordinator = actor_for("demo-coordinator", "empact")
    actions = actions_frame(coordinator).head(2)["id"].to_list()
    new_id = indicator_definitions.save_indicator(coordinator, definition(action_ids=tuple(actions)))
    detail = indicators.indicator_detail(coordinator, new_id)
    assert detail.indicator["code"] == "FALLS_65" and detail.indicator["status"] == "no_data"
    assert sorted(detail.actions["id"].to_list()) == sorted(actions)
    indicator_definitions.save_indicator(
        coordinator, definition(target_value=24.0, action_ids=(actions[0],)), new_id
    )
    detail = indicators.indicator_detail(coordinator, new_id)
    assert detail.indicator["target_value"] == 24.0 and detail.actions["id"].to_list() == [actions[0]]
    with pytest.raises(ValidationFailed) as refused:
        indicator_definitions.save_indicator(coordinator, definition(code="PACIC"))
    assert refused.value.problems[0].key == "problem.code_taken"
    with pytest.raises(ValidationFailed) as refused:
        indicator_definitions.save_indicator(
            coordinator,
            definition(
                code="x", name_en="", baseline_period="2024-13", target_period="2022", target_value=None
            ),
        )
    keys = {(p.column, p.key) for p in refused.value.problems}
    assert {
        ("code", "problem.indicator.bad_code"),
        ("name_en", "problem.empty_cell"),
        ("baseline_period", "problem.indicator.bad_period"),
        ("target_value", "problem.indicator.value_and_period"),
    } <= keys
    with pytest.raises(PermissionDenied):
        indicator_definitions.save_indicator(actor_for("demo-steering", "empact"), definition())


def test_a_computed_indicator_keeps_its_definition(demo_db):
    coordinator = actor_for("demo-coordinator", "empact")
    se_share = indicators.indicator_id_by_code(coordinator, "SE_SHARE")
    before = indicators.indicator_detail(coordinator, se_share).indicator
    indicator_definitions.save_indicator(
        coordinator,
        definition(
            code="OTHER",
            unit="EUR",
            target_value=55.0,
            target_period="2027",
            baseline_value=30.0,
            baseline_period="2018",
        ),
        se_share,
    )
    after = indicators.indicator_detail(coordinator, se_share).indicator
    assert (after["code"], after["unit"], after["computation"]) == (
        before["code"],
        before["unit"],
        "social_entrepreneurship_share",
    )
    # its target value is the project's (set by an admin), whatever the form says; the
    # period is the indicator's
    assert (after["target_value"], after["target_period"]) == (50.0, "2027")


def test_a_new_project_installs_the_default_catalogue(demo_db):
    from dashboard.services.admin.projects import create_project
    from dashboard.services.admin.users import set_membership

    create_project("leuven", "Zorgzaam Leuven")
    set_membership("demo-coordinator", "leuven", "coordinator")
    coordinator = actor_for("demo-coordinator", "leuven")
    assert indicators.overview(coordinator).height == 0
    assert indicator_definitions.install_catalogue(coordinator) == 11
    assert indicator_definitions.install_catalogue(coordinator) == 0
    with pytest.raises(PermissionDenied):
        indicator_definitions.install_catalogue(actor_for("demo-steering", "empact"))


# ---------------------------------------------------------------- computed from the app's data


def latest(actor, code: str) -> tuple[float, float | None, float | None]:  # noqa: ANN001
    row = (
        indicators.values_frame(actor.project_id, indicators.indicator_id_by_code(actor, code))
        .sort("period_end")
        .row(-1, named=True)
    )
    return row["value"], row["numerator"], row["denominator"]


def test_actions_on_time_follows_actions_finished_in_time_or_late(demo_db):
    """On time means not later than the end first planned, whatever the plan says now."""
    from dashboard.services.actions.portfolio import changes_frame

    coordinator = actor_for("demo-coordinator", "empact")
    today = clock.today()
    postponed = set(
        changes_frame(coordinator).filter(pl.col("field") == "planned_end")["action_id"].to_list()
    )
    running = actions_frame(coordinator).filter(
        pl.col("status") == "in_progress", pl.col("planned_end") >= today
    )
    late = running.filter(pl.col("id").is_in(list(postponed))).row(0, named=True)
    objective = actions_frame(coordinator).row(0, named=True)
    new_id = add_action(
        coordinator,
        objective["objective_id"],
        f"{objective['objective_code']}.99",
        "Nieuwe actie",
        {
            "status": "in_progress",
            "planned_start": today - dt.timedelta(days=30),
            "planned_end": today + dt.timedelta(days=30),
        },
    )
    in_time = actions_frame(coordinator).filter(pl.col("id") == new_id).row(0, named=True)
    _, on_time, finished = latest(coordinator, "ACTIONS_ON_TIME")
    update_actions(
        coordinator, [ActionEdit(in_time["id"], in_time["version"], {"status": "done", "actual_end": today})]
    )
    assert latest(coordinator, "ACTIONS_ON_TIME")[1:] == (on_time + 1, finished + 1)
    update_actions(
        coordinator, [ActionEdit(late["id"], late["version"], {"status": "done", "actual_end": today})]
    )
    value, on_time_after, finished_after = latest(coordinator, "ACTIONS_ON_TIME")
    assert (on_time_after, finished_after) == (on_time + 1, finished + 2)
    assert value == pytest.approx(round(100 * on_time_after / finished_after, 2))


def test_the_social_entrepreneurship_share_follows_a_stopped_action(demo_db):
    coordinator = actor_for("demo-coordinator", "empact")
    target = (
        actions_frame(coordinator)
        .filter(pl.col("status").is_in(["planned", "in_progress"]), pl.col("social_entrepreneurship"))
        .row(0, named=True)
    )
    _, with_component, counted = latest(coordinator, "SE_SHARE")
    update_actions(coordinator, [ActionEdit(target["id"], target["version"], {"status": "stopped"})])
    _, with_component_after, counted_after = latest(coordinator, "SE_SHARE")
    assert (with_component_after, counted_after) == (with_component - 1, counted - 1)
    status = indicators.overview(cli_actor("empact")).filter(pl.col("code") == "SE_SHARE")["latest_value"][0]
    assert status == pytest.approx(round(100 * with_component_after / counted_after, 2))


def test_numerator_and_denominator_in_the_readers_language(demo_db):
    academic = actor_for("demo-academic", "empact")
    dutch = indicators.catalogue_frame(academic, "nl").filter(pl.col("code") == "POLYPHARMACY")
    assert dutch.select("numerator_definition", "denominator_definition").row(0) == (
        "Verzekerden van 65 jaar en ouder die aan het polyfarmaciecriterium voldoen",
        "Verzekerden van 65 jaar en ouder",
    )
    french = indicators.catalogue_frame(academic, "fr").filter(pl.col("code") == "SE_SHARE")
    assert french["denominator_definition"][0] == "Actions (hors idées et actions arrêtées)"

    coordinator = actor_for("demo-coordinator", "empact")
    new_id = indicator_definitions.save_indicator(
        coordinator,
        definition(
            numerator_definition_nl="  Valpartijen van 65-plussers ",
            numerator_definition_en="Falls",
            denominator_definition_en="Inhabitants aged 65+",
        ),
    )
    row = indicators.indicator_detail(coordinator, new_id).indicator
    assert (row["numerator_definition_fr"], row["numerator_definition_nl"]) == (
        "",
        "Valpartijen van 65-plussers",
    )
    # An empty language falls back to another one: French, then Dutch, then English.
    assert indicators.text_in(row, "numerator_definition", "fr") == "Valpartijen van 65-plussers"
    assert indicators.text_in(row, "numerator_definition", "en") == "Falls"
    assert indicators.text_in(row, "denominator_definition", "nl") == "Inhabitants aged 65+"
    assert indicators.text_in(row, "definition", "nl") == ""
    shown = indicators.catalogue_frame(academic, "fr").filter(pl.col("code") == "FALLS_65")
    assert shown.select("numerator_definition", "denominator_definition").row(0) == (
        "Valpartijen van 65-plussers",
        "Inhabitants aged 65+",
    )
    with pytest.raises(ValidationFailed) as refused:
        indicator_definitions.save_indicator(
            coordinator,
            definition(denominator_definition_fr="x" * (indicator_definitions.MAX_TEXT + 1)),
            new_id,
        )
    assert [(p.column, p.key) for p in refused.value.problems] == [
        ("denominator_definition_fr", "problem.indicator.too_long")
    ]


def test_a_catalogue_source_edited_in_french_stays_translated(demo_db):
    """The edit form shows a catalogue source in the reader's language; saving it as shown
    keeps the catalogue's source, so Dutch readers still read it in Dutch."""
    coordinator = actor_for("demo-coordinator", "empact")
    new_id = indicator_definitions.save_indicator(
        coordinator, definition(data_source=source_as_stored("Enquête partenaires (cette application)"))
    )
    stored = indicators.indicator_detail(coordinator, new_id).indicator["data_source"]
    assert stored == "Partner survey (this app)"
    assert source_label(stored, "nl") == "Partnerbevraging (deze toepassing)"
    catalogue = indicators.catalogue_frame(coordinator, "nl")
    assert catalogue.filter(pl.col("code") == "FALLS_65")["data_source"].to_list() == [stored]
    typed = indicator_definitions.save_indicator(coordinator, definition(code="OWN", data_source="Mijn bron"))
    assert indicators.indicator_detail(coordinator, typed).indicator["data_source"] == "Mijn bron"
