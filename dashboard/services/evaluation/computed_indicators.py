"""The indicators the app computes from its own data (actions, surveys): their yearly values,
replaced by the unit of work after every write that changes their inputs."""

from __future__ import annotations

import datetime as dt

import polars as pl
from sqlalchemy import delete
from sqlmodel import Session, select

from dashboard import clock
from dashboard.services.actions import portfolio
from dashboard.services.partners import surveys
from data_loaders.periods import period_end
from models.tables import (
    Indicator,
    IndicatorValue,
    Project,
)
from models.vocab import (
    ActionStatus,
)


def _year_ends(first_year: int, today: dt.date) -> list[tuple[str, dt.date, dt.datetime]]:
    """(period, period end, moment of the state used) per year; the current year so far."""
    ends = []
    for year in range(first_year, today.year + 1):
        end = dt.date(year, 12, 31)
        moment = min(
            dt.datetime.combine(end, dt.time(23, 59, 59), tzinfo=dt.UTC),
            dt.datetime.combine(today, dt.time(23, 59, 59), tzinfo=dt.UTC),
        )
        ends.append((str(year), end, moment))
    return ends


def social_entrepreneurship_series(
    actions: pl.DataFrame, changes: pl.DataFrame, periods: list[tuple[str, dt.date, dt.datetime]]
) -> list[dict]:
    rows = []
    for period, end, moment in periods:
        share, counted, with_component = portfolio.social_entrepreneurship_share(
            portfolio.reconstruct(actions, changes, moment, portfolio.SHARE_FIELDS)
        )
        if share is not None:
            rows.append(
                {
                    "period": period,
                    "period_end": end,
                    "value": round(100 * share, 2),
                    "numerator": float(with_component),
                    "denominator": float(counted),
                }
            )
    return rows


def actions_on_time_series(
    actions: pl.DataFrame, changes: pl.DataFrame, periods: list[tuple[str, dt.date, dt.datetime]]
) -> list[dict]:
    """Share of actions done by each period's end whose actual end is not later than the end
    in the plan as first recorded."""
    original_end = portfolio.reconstruct(actions, changes, None, ("planned_end",)).select(
        "id", pl.col("planned_end").alias("original_end")
    )
    rows = []
    for period, end, moment in periods:
        done = (
            portfolio.reconstruct(actions, changes, moment, ("status", "actual_end"))
            .filter(pl.col("status") == ActionStatus.done, pl.col("actual_end").is_not_null())
            .join(original_end, on="id")
        )
        if done.height == 0:
            continue
        on_time = done.filter(
            pl.col("original_end").is_not_null() & (pl.col("actual_end") <= pl.col("original_end"))
        ).height
        rows.append(
            {
                "period": period,
                "period_end": end,
                "value": round(100 * on_time / done.height, 2),
                "numerator": float(on_time),
                "denominator": float(done.height),
            }
        )
    return rows


def partner_satisfaction_series(session: Session, project_id: int) -> list[dict]:
    """Mean 'overall satisfaction' per wave; a wave with fewer than 5 respondents gives no
    value (its mean would describe too few people)."""
    rows = []
    for wave in surveys.dimension_means_by_wave(session, project_id, "satisfaction"):
        if wave["mean"] is None:
            continue
        rows.append(
            {
                "period": wave["period"],
                "period_end": period_end(wave["period"]),
                "value": round(wave["mean"], 2),
                "numerator": None,
                "denominator": None,
            }
        )
    return rows


def recompute(session: Session, project_id: int, today: dt.date | None = None) -> None:
    """Replace the values of every computed indicator of the project. Called in the same
    transaction as any write that changes their inputs."""
    today = today or clock.today()
    computed = session.exec(
        select(Indicator).where(Indicator.project_id == project_id, Indicator.computation.is_not(None))
    ).all()  # type: ignore[union-attr]
    if not computed:
        return
    project = session.get(Project, project_id)
    actions = portfolio.actions_frame_of(project_id, session)
    changes = portfolio.changes_frame_of(project_id, session)
    first_year = (
        project.starts_on.year
        if project and project.starts_on
        else min([today.year, *actions["created_at"].dt.year().to_list()])
    )
    periods = _year_ends(first_year, today)
    for indicator in computed:
        if indicator.computation == "social_entrepreneurship_share":
            rows = social_entrepreneurship_series(actions, changes, periods)
        elif indicator.computation == "actions_on_time":
            rows = actions_on_time_series(actions, changes, periods)
        elif indicator.computation == "partner_satisfaction":
            rows = partner_satisfaction_series(session, project_id)
        else:
            raise ValueError(f"unknown computation {indicator.computation!r}")
        session.exec(
            delete(IndicatorValue).where(  # type: ignore[call-overload]
                IndicatorValue.indicator_id == indicator.id
            )
        )
        session.add_all(
            IndicatorValue(indicator_id=indicator.id, source="computed", entered_by="app", **row)
            for row in rows
        )
    session.flush()
