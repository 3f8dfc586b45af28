"""The key figures of a project's home page, one from each area."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl
from sqlmodel import func, select

from dashboard.permissions import Permission
from dashboard.services.governance import decisions as governance
from dashboard.services.evaluation import indicators
from dashboard.services.evaluation import maturity
from dashboard.services.actions import portfolio
from dashboard.services.population import risk
from dashboard.services.partners import surveys
from dashboard.services.access import Actor, require
from models.db import session_scope
from models.tables import CareRegion, Partner, RegionPopulation
from dashboard import clock

UPCOMING_DAYS = 90


@dataclass(frozen=True)
class HomeFigures:
    actions: int
    status_counts: dict[str, int]
    late: int
    starting_soon: int
    ending_soon: int
    social_entrepreneurship_share: float | None
    next_meeting: tuple[dt.date, str, int] | None  # date, title, agenda items
    decisions: int
    reviews_due: int
    reviews_overdue: int
    regions: int
    # The regions' population in the latest year of the risk data, as the Risk map counts it.
    population: int | None
    risk_year: int | None
    high_complexity_share: float | None  # strata 2 and 3
    partners: int
    satisfaction: tuple[str, float] | None  # wave, mean score 1-5
    response_rate: tuple[str, float] | None  # wave, share
    indicator_status: dict[str, int]
    maturity: tuple[str, float] | None  # round, median consensus score

    @property
    def judged_indicators(self) -> dict[str, int]:
        """Indicators on track, at risk and off track (zero when none)."""
        return {key: self.indicator_status.get(key, 0) for key in ("on_track", "at_risk", "off_track")}

    @property
    def unjudged_indicators(self) -> int:
        """Indicators without a project-wide value or a target: the judged ones and these add
        up to the number of indicators."""
        return sum(self.indicator_status.values()) - sum(self.judged_indicators.values())


def home_figures(actor: Actor, today: dt.date | None = None) -> HomeFigures:
    require(actor, Permission.read)
    today = today or clock.today()
    pid = actor.project_id
    actions = portfolio.with_late_flag(portfolio.actions_frame(actor), today)
    soon = today + dt.timedelta(days=UPCOMING_DAYS)
    open_statuses = [s.value for s in portfolio.OPEN_STATUSES]
    share, _, _ = portfolio.social_entrepreneurship_share(actions)

    meetings = governance.meetings_frame(actor).filter(
        pl.col("held_on") >= today, pl.col("status") == "planned"
    )
    next_meeting = None
    if meetings.height:
        row = meetings.sort("held_on").row(0, named=True)
        next_meeting = (row["held_on"], row["title"], int(row["agenda_items"]))
    due, overdue = governance.reviews(actor, today)

    risk_years = risk.years(actor)
    high_share = None
    if risk_years:
        strata = risk.project_strata(actor, risk_years[-1])
        high_share = float(strata.filter(pl.col("stratum") >= 2)["share"].sum())

    satisfaction = None
    population = None
    with session_scope() as session:
        if risk_years:
            population = session.exec(
                select(func.sum(RegionPopulation.population))
                .join(CareRegion, CareRegion.id == RegionPopulation.region_id)
                .where(CareRegion.project_id == pid, RegionPopulation.year == risk_years[-1])
            ).one()
        partners = session.exec(
            select(func.count()).select_from(Partner).where(Partner.project_id == pid)
        ).one()
        means = [
            w for w in surveys.dimension_means_by_wave(session, pid, "satisfaction") if w["mean"] is not None
        ]
        if means:
            satisfaction = (means[-1]["wave"], float(means[-1]["mean"]))
    rates = surveys.response_rates(actor).filter(pl.col("rate").is_not_null())
    response_rate = None
    if rates.height:
        last = rates.row(-1, named=True)
        response_rate = (last["name"], float(last["rate"]))

    overview = indicators.overview(actor)
    indicator_status = dict(overview.group_by("status").len().iter_rows())

    consensus = maturity.consensus_frame(actor)
    maturity_latest = None
    if consensus.height:
        last_round = consensus.sort("held_on")["round"][-1]
        maturity_latest = (
            last_round,
            float(consensus.filter(pl.col("round") == last_round)["score"].median()),
        )

    return HomeFigures(
        actions=actions.height,
        status_counts=portfolio.status_counts(actions),
        late=int(actions["late"].sum()),
        starting_soon=actions.filter(
            pl.col("planned_start").is_between(today, soon), pl.col("status").is_in(["idea", "planned"])
        ).height,
        ending_soon=actions.filter(
            pl.col("planned_end").is_between(today, soon), pl.col("status").is_in(open_statuses)
        ).height,
        social_entrepreneurship_share=share,
        next_meeting=next_meeting,
        decisions=len(governance.decisions_frame(actor)),
        reviews_due=due,
        reviews_overdue=overdue,
        regions=risk.regions_frame(actor).height,
        population=int(population) if population is not None else None,
        risk_year=risk_years[-1] if risk_years else None,
        high_complexity_share=high_share,
        partners=partners,
        satisfaction=satisfaction,
        response_rate=response_rate,
        indicator_status=indicator_status,
        maturity=maturity_latest,
    )
