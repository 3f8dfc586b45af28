"""The demo consortium is built from the seeds and is internally consistent."""

import datetime as dt
from collections import Counter

import pytest

from data_loaders.demo.builder import build_demo

TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def projects():
    return {p.slug: p for p in build_demo(TODAY)}


def test_chronicopole_has_its_real_plan(projects):
    plan = projects["chronicopole"]
    levels = Counter(level for _, level, _, _ in plan.objectives)
    assert levels == {1: 5, 2: 21}
    codes = {a.code for a in plan.actions}
    # The seed lists 5.1.1-5.1.3 twice; the second time they are objective 5.2's actions.
    assert {"5.1.1", "5.1.2", "5.1.3", "5.2.1", "5.2.2", "5.2.3"} <= codes
    assert next(a.title for a in plan.actions if a.code == "3.2.1") == "Implémenter la plateforme TETRYS"
    assert len([a for a in plan.actions if a.created_at.date() == dt.date(2018, 1, 15)]) == 64
    assert plan.population == 232_806 and plan.target_group_size == 22_640
    assert len(plan.partners) == 62


def test_empact_has_six_care_regions_three_programmes_and_the_fifty_percent_target(projects):
    plan = projects["empact"]
    assert [r.name for r in plan.regions] == [
        "Ieper",
        "Poperinge",
        "Diksmuide",
        "Roeselare",
        "Izegem",
        "Tielt",
    ]
    assert [code for code, level, _, _ in plan.objectives if level == 1] == ["1", "2", "3"]
    assert plan.social_entrepreneurship_target == 0.5
    assert 55 <= len(plan.partners) <= 65


def test_every_decision_outcome_a_correction_and_a_pending_review_are_shown(projects):
    for plan in projects.values():
        outcomes = {d.outcome for d in plan.decisions}
        assert outcomes == {"go", "no_go", "conditional_go", "postponed"}
        assert any(d.supersedes_ref is not None and d.correction_reason for d in plan.decisions)
        assert any(a.review_date and a.review_date >= TODAY for a in plan.actions)
        upcoming = [m for m in plan.meetings if m.held_on > TODAY]
        assert upcoming and upcoming[0].agenda


def test_history_replays_to_the_current_state(projects):
    for plan in projects.values():
        for action in plan.actions:
            fields = {}
            for entry in action.history:
                if entry.field != "created":
                    fields[entry.field] = entry.new
            if "status" in fields:
                assert fields["status"] == action.status, action.code
            for name in ("planned_end", "actual_start", "actual_end"):
                if name in fields:
                    value = getattr(action, name)
                    assert fields[name] == (value.isoformat() if value else None)
            assert all(e.at.date() <= TODAY for e in action.history), action.code


def test_a_decision_records_the_state_the_committee_saw(projects):
    plan = projects["chronicopole"]
    no_go = next(d for d in plan.decisions if d.action_code == "5.2.1")
    assert no_go.outcome == "no_go"
    assert no_go.evidence["status"] == "planned"  # before the decision stopped it
    assert set(no_go.evidence) >= {"planned_end", "late", "care_regions", "indicators", "previous_decisions"}
    assert next(a for a in plan.actions if a.code == "5.2.1").status == "stopped"


def test_risk_counts_break_down_exactly_into_age_and_sex(projects):
    for plan in projects.values():
        totals = {}
        parts = Counter()
        for region, year, stratum, age, sex, condition, persons in plan.risk_counts:
            if not age and not sex and not condition:
                totals[(region, year, stratum)] = persons
            elif age and sex:
                parts[(region, year, stratum)] += persons
        assert totals == dict(parts)
        assert any(persons < 5 for *_, persons in plan.risk_counts)  # small cells exist


def test_the_build_is_reproducible():
    first, second = build_demo(TODAY), build_demo(TODAY)
    assert [a.status for a in first[0].actions] == [a.status for a in second[0].actions]


def test_no_action_starts_long_before_its_first_plan(projects):
    """What ran cannot begin years before what was planned (the Gantt would show nonsense)."""
    for plan in projects.values():
        for action in plan.actions:
            first_start = next(
                (
                    dt.date.fromisoformat(e.old)
                    for e in action.history
                    if e.field == "planned_start" and e.old
                ),
                action.planned_start,
            )
            if action.actual_start and first_start:
                assert (first_start - action.actual_start).days < 60, action.code
