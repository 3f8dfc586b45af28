"""Since the last meeting, on a project where every kind of change happened after its previous
meeting: the documented walkthrough makes the project (then its history is moved to two months
ago), a meeting is held a month ago, and every change after it is made through the services."""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import polars as pl
import pytest
from sqlalchemy import text

from dashboard.cli import main
from dashboard.errors import InvalidInput
from dashboard.i18n import t
from dashboard.presenters.governance import since_sections
from dashboard.services.access import cli_actor
from dashboard.services.actions import edits, portfolio
from dashboard.services.evaluation import indicators, maturity
from dashboard.services.evaluation import indicator_definitions
from dashboard.services.evaluation import indicator_values
from dashboard.services.governance import decisions, meetings
from dashboard.services.governance.decisions import DecisionInput
from dashboard.services.governance.since import changes_since
from dashboard.services.partners.survey_import import apply_survey_import
from dashboard.services.population.risk_import import apply_risk_import
from models.db import session_scope
from tests.test_walkthrough import walkthrough_commands
from dashboard import clock

ROOT = Path(__file__).resolve().parents[2]
TODAY = clock.today()
SURVEY_HEADER = (ROOT / "docs/formats/surveys-example.csv").read_text(encoding="utf-8").splitlines()[0]
ITEMS = SURVEY_HEADER.split(",")[3:-2]


def _survey(respondents: int, satisfaction: int, prefix: str, days_ago: int = 2) -> bytes:
    day = TODAY - dt.timedelta(days=days_ago)
    lines = [SURVEY_HEADER]
    for n in range(respondents):
        answers = [str(satisfaction if item.startswith("SAT") else 3 + n % 2) for item in ITEMS]
        lines.append(f"{prefix}-{n},{day.isoformat()} 10:{n:02d},first_line,{','.join(answers)},,")
    return ("\n".join(lines) + "\n").encode()


def _risk(year: int, high: int) -> bytes:
    rows = [
        "region,year,stratum,age_band,sex,condition,persons,population",
        f"POP,{year},0,,,,{25402 - (high - 918) * 3 // 5},42010",
        f"POP,{year},1,,,,{11871 - (high - 918) * 2 // 5},42010",
        f"POP,{year},2,,,,3819,42010",
        f"POP,{year},3,,,,{high},42010",
    ]
    return ("\n".join(rows) + "\n").encode()


def _action(actor, code: str) -> dict:  # noqa: ANN001
    return portfolio.actions_frame(actor).filter(pl.col("code") == code).row(0, named=True)


@pytest.fixture
def westhoek(empty_db, monkeypatch, capsys):  # noqa: ANN001, ANN201
    """The walkthrough's project two months ago, with a survey wave, a maturity round and
    baselines, and its previous meeting a month ago."""
    monkeypatch.chdir(ROOT)
    for arguments, stdin in walkthrough_commands():
        if arguments[0] == "init" or arguments[:2] == ["users", "add"]:
            continue
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        assert main(arguments) == 0, capsys.readouterr()
    actor = cli_actor("westhoek")
    apply_survey_import(
        actor,
        _survey(6, 2, "a", days_ago=75),
        "wave-2025.csv",
        "2025",
        closed_on=TODAY - dt.timedelta(days=70),
    )
    round_id = maturity.open_round(actor, "2025", TODAY - dt.timedelta(days=70))
    maturity.record_consensus(
        actor, round_id, [maturity.DimensionScore(1, 2, ""), maturity.DimensionScore(2, 3, "")]
    )
    with session_scope() as session:
        for code in ("GP_AFTER_DISCHARGE",):
            indicator_id = session.execute(
                text("SELECT id FROM indicator WHERE code = :code"), {"code": code}
            ).scalar_one()
            indicator_definitions.set_baseline_and_target(
                session,
                indicator_id,
                baseline_value=60.0,
                baseline_period="2024",
                target_value=80.0,
                target_period="2028",
                owner="",
            )
        past = dt.datetime.now(dt.UTC) - dt.timedelta(days=60)
        for table, column in (
            ("action", "created_at"),
            ("action_change", "changed_at"),
            ("import_log", "imported_at"),
            ("indicator_value", "entered_at"),
            ("indicator_value_change", "changed_at"),
            ("maturity_consensus", "recorded_at"),
        ):
            session.execute(text(f"UPDATE {table} SET {column} = :at"), {"at": past})  # noqa: S608
    meetings.create_meeting(actor, TODAY - dt.timedelta(days=30), "Stuurgroep herfst", quorum_min=1)
    return actor


def test_every_kind_of_change_since_the_last_meeting(westhoek):
    actor = westhoek
    before = changes_since(actor)
    assert before.since == TODAY - dt.timedelta(days=29) and before.meeting.title == "Stuurgroep herfst"
    assert before.empty  # the walkthrough's data predates the meeting

    # Actions: a status, a date, the lead partner and the care regions of 1.1.2; a new action.
    running = _action(actor, "1.1.2")
    regions = portfolio.care_regions_frame(actor)
    partners = portfolio.partners_frame(actor)
    other_lead = partners.filter(pl.col("name") != running["lead_partner"])["id"][0]
    edits.update_actions(
        actor,
        [
            edits.ActionEdit(
                running["id"],
                running["version"],
                {
                    "status": "on_hold",
                    "planned_end": TODAY - dt.timedelta(days=3),
                    "lead_partner_id": other_lead,
                },
                region_ids=tuple(regions["id"][:1]),
            )
        ],
    )
    planned = _action(actor, "2.9.1")
    new_id = edits.add_action(actor, planned["objective_id"], "2.9.2", "Medicatienazicht in de apotheek")
    # Governance: a conditional go, its conditions checked (not met), a postponement to review.
    go = decisions.record_decision(
        actor, DecisionInput(new_id, "conditional_go", "Pilot first.", conditions="A pharmacist per region.")
    )
    decisions.record_condition_review(actor, go, False, "Only one region so far.")
    decisions.record_decision(
        actor,
        DecisionInput(
            planned["id"], "postponed", "Wait for the budget.", review_date=TODAY + dt.timedelta(days=5)
        ),
    )
    # Indicators: a value that moves GP_AFTER_DISCHARGE on track, and a small count, hidden.
    ids = {row["code"]: row["id"] for row in indicators.overview(actor).iter_rows(named=True)}
    indicator_values.enter_value(
        actor, indicator_values.ValueEntry(ids["GP_AFTER_DISCHARGE"], "2026-Q4", None, 79.0)
    )
    indicator_values.enter_value(
        actor, indicator_values.ValueEntry(ids["CASE_MANAGED"], "2026-Q4", None, None, 3, 6500)
    )
    # Surveys: a new wave, more satisfied; risk: a new year where stratum 3 grew in Poperinge.
    apply_survey_import(actor, _survey(8, 5, "b"), "wave-2026.csv", "2026")
    apply_risk_import(actor, _risk(2024, 918), "risk-2024.csv")  # an older year, imported now
    apply_risk_import(actor, _risk(2026, 1418), "risk-2026.csv")
    # Maturity: a new round and its consensus.
    round_id = maturity.open_round(actor, "2026", TODAY)
    maturity.record_consensus(
        actor, round_id, [maturity.DimensionScore(1, 4, ""), maturity.DimensionScore(2, 3, "")]
    )

    report = changes_since(actor)
    changed = {(c.code, c.field): (c.old, c.new) for c in report.action_changes}
    assert changed[("1.1.2", "status")] == ("in_progress", "on_hold")
    assert changed[("1.1.2", "planned_end")] == ("2026-12-31", (TODAY - dt.timedelta(days=3)).isoformat())
    assert changed[("1.1.2", "lead_partner")] == (
        running["lead_partner"],
        partners.filter(pl.col("id") == other_lead)["name"][0],
    )
    assert ("1.1.2", "care_regions") in changed
    assert all(c.changed_by == "Command line" or c.changed_by for c in report.action_changes)
    assert [a.code for a in report.new_actions] == ["2.9.2"]
    assert "1.1.2" in [a.code for a in report.became_late]
    assert "1.1.1" not in [a.code for a in report.became_late]  # done long ago: never late
    assert [(d.code, d.outcome) for d in report.decisions] == [
        ("2.9.2", "conditional_go"),
        ("2.9.1", "postponed"),
    ]
    assert [(c.code, c.met) for c in report.condition_checks] == [("2.9.2", False)]
    assert [(r.code, r.overdue) for r in report.reviews] == [("2.9.1", False)]
    values = {(v.code, v.period): v for v in report.indicator_values}
    assert values[("GP_AFTER_DISCHARGE", "2026-Q4")].value == 79.0
    hidden = values[("CASE_MANAGED", "2026-Q4")]
    assert hidden.suppressed and hidden.value is None
    statuses = {s.code: (s.before, s.after) for s in report.indicator_statuses}
    assert statuses["GP_AFTER_DISCHARGE"] == ("at_risk", "on_track")
    (wave,) = report.survey_waves
    assert (wave.name, wave.previous_name, wave.respondents) == ("2026", "2025", 8)
    assert wave.satisfaction == pytest.approx(5.0) and wave.change == pytest.approx(3.0)
    assert wave.verdict == "improved"
    years = {r.year: r for r in report.risk_years}
    assert years[2024].base_year is None and years[2026].base_year == 2025
    top = years[2026].moves[0]
    assert (top.region_code, top.stratum) == ("POP", 3)
    assert top.change == pytest.approx(100 * (1418 - 918) / 42010)
    (assessment,) = report.maturity
    assert assessment.new_round and assessment.consensus
    assert [(m.dimension, m.before, m.after) for m in assessment.moves] == [(1, 2, 4)]

    # In words, in each language, every section once; no count under 5 is written.
    for lang in ("fr", "nl", "en"):
        sections = since_sections(report, lang)
        assert len(sections) == 11
        assert all(line.page for section in sections for line in section.lines)


def test_a_small_wave_gives_no_figure_and_a_chosen_day_narrows_the_period(westhoek):
    actor = westhoek
    apply_survey_import(actor, _survey(3, 5, "c"), "wave-small.csv", "2026-small")
    (wave,) = changes_since(actor).survey_waves
    assert wave.suppressed and wave.respondents is None
    figures = (wave.satisfaction, wave.satisfaction_low, wave.change, wave.improved, wave.declined)
    assert figures == (None,) * 5
    (section,) = [s for s in since_sections(changes_since(actor), "en") if s.key == "survey_waves"]
    assert [line.text for line in section.lines] == [t("since.wave_small", lang="en", name="2026-small")]
    with pytest.raises(InvalidInput):
        changes_since(actor, TODAY + dt.timedelta(days=1))
    later = changes_since(actor, TODAY)
    assert later.since == TODAY and later.meeting is None


def test_an_agenda_note_is_kept_refused_to_readers_and_frozen_once_the_meeting_closes(westhoek):
    from dashboard.errors import PermissionDenied
    from dashboard.services.access import Actor
    from dashboard.services.governance import minutes
    from models.vocab import Role

    actor = westhoek
    meeting_id = meetings.create_meeting(actor, TODAY, "Stuurgroep winter", quorum_min=1)
    action_id = _action(actor, "2.9.1")["id"]
    meetings.add_to_agenda(actor, meeting_id, [(action_id, "other")])
    assert meetings.set_agenda_note(actor, meeting_id, action_id, "  Budget asked.\n") is True
    assert meetings.set_agenda_note(actor, meeting_id, action_id, "Budget asked.") is False  # unchanged
    view = meetings.meeting_view(actor, meeting_id)
    assert view.agenda[0].note == "Budget asked."
    assert "Budget asked." in minutes.minutes_markdown(view, "Westhoek", "en")
    viewer = Actor("v", "V", actor.project_id, actor.project_slug, Role.viewer)
    with pytest.raises(PermissionDenied):
        meetings.set_agenda_note(viewer, meeting_id, action_id, "No.")
    meetings.close_meeting(actor, meeting_id)
    with pytest.raises(InvalidInput):
        meetings.set_agenda_note(actor, meeting_id, action_id, "Changed afterwards.")
    with pytest.raises(InvalidInput):
        meetings.set_agenda_note(actor, meeting_id, action_id, "x" * (meetings.MAX_NOTE + 1))


def test_a_change_made_just_after_belgian_midnight_is_in_todays_window(westhoek, monkeypatch):
    """A server on UTC: at 23:30 UTC it is already tomorrow in Brussels, and a status changed
    then must be among the changes since the last meeting (it fell outside the window when
    "today" was the server's date)."""
    actor = westhoek
    late = dt.datetime.combine(clock.utc_now().date(), dt.time(23, 30), dt.UTC)
    monkeypatch.setattr(clock, "utc_now", lambda: late + dt.timedelta(minutes=5))
    running = _action(actor, "1.1.2")
    edits.update_actions(actor, [edits.ActionEdit(running["id"], running["version"], {"status": "on_hold"})])
    with session_scope() as session:
        session.execute(
            text("UPDATE action_change SET changed_at = :at WHERE changed_at > :past"),
            {
                "at": late,
                "past": late - dt.timedelta(days=20),
            },
        )
    report = changes_since(actor)
    assert report.until == late.astimezone(clock.BRUSSELS).date()
    changed = {(c.code, c.field): (c.old, c.new) for c in report.action_changes}
    assert changed[("1.1.2", "status")] == ("in_progress", "on_hold")


def test_an_import_without_its_years_reports_the_latest_year_without_reading_every_count(westhoek):
    """A risk import that did not record its years stands for the latest year of the data; the
    report finds that year without fetching the project's counts (at national scale the old
    query fetched 4 M rows: 7 s of the page's 10 s). Every statement on risk_count is a DISTINCT
    or restricted to the years wanted."""
    from sqlalchemy import event

    from models.db import get_engine

    actor = westhoek
    apply_risk_import(actor, _risk(2026, 1418), "risk-2026.csv")
    with session_scope() as session:  # an import logged before the years were recorded
        session.execute(text("UPDATE import_log SET summary = '{}' WHERE kind = 'risk'"))
    sent: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):  # noqa: ANN001, ARG001
        sent.append(" ".join(statement.split()).upper())

    from models import db

    bulk_read = db._read

    def read(statement, *args):  # noqa: ANN001, ANN002, ANN202 (reads through the cursor too)
        sent.append(" ".join(str(statement).split()).upper())
        return bulk_read(statement, *args)

    engine = get_engine()
    event.listen(engine, "before_cursor_execute", record)
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(db, "_read", read)
            report = changes_since(actor)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert [r.year for r in report.risk_years] == [2026]
    assert report.risk_years[0].moves[0].region_code == "POP"
    on_counts = [s for s in sent if "FROM RISK_COUNT" in s]
    assert on_counts
    assert all("DISTINCT" in s or "RISK_COUNT.YEAR IN" in s for s in on_counts), on_counts
