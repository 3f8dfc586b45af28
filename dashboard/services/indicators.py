"""Self-evaluation indicators: the catalogue, their values, the indicators the app computes from
its own data, and each indicator's status against the trajectory from baseline to target."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl
from sqlalchemy import delete
from sqlmodel import Session, select

from dashboard.services import portfolio, surveys
from data_loaders.catalogues.indicators import CATALOGUE
from data_loaders.periods import period_end
from models.db import read_frame
from models.tables import Indicator, IndicatorAction, IndicatorValue, Project
from models.vocab import ActionStatus, Polarity


def install_default_catalogue(session: Session, project_id: int) -> dict[str, int]:
    """Add the default indicators the project does not have yet; returns every code's id."""
    existing = {i.code: i.id for i in session.exec(
        select(Indicator).where(Indicator.project_id == project_id))}
    for definition in CATALOGUE:
        if definition.code in existing:
            continue
        indicator = Indicator(project_id=project_id, **definition.__dict__)
        session.add(indicator)
        session.flush()
        existing[definition.code] = indicator.id
    return existing  # type: ignore[return-value]


def set_baseline_and_target(session: Session, indicator_id: int, *, baseline_value: float | None,
                            baseline_period: str, target_value: float | None, target_period: str,
                            owner: str) -> None:
    indicator = session.get(Indicator, indicator_id)
    assert indicator is not None
    indicator.baseline_value = baseline_value
    indicator.baseline_period = baseline_period
    indicator.target_value = target_value
    indicator.target_period = target_period
    indicator.owner = owner


def delete_indicators(session: Session, indicator_ids: list[int]) -> None:
    if indicator_ids:
        session.exec(delete(Indicator).where(Indicator.id.in_(indicator_ids)))  # type: ignore[call-overload,union-attr]


# ---------------------------------------------------------------- computed indicators


def _year_ends(first_year: int, today: dt.date) -> list[tuple[str, dt.date, dt.datetime]]:
    """(period, period end, moment of the state used) per year; the current year so far."""
    ends = []
    for year in range(first_year, today.year + 1):
        end = dt.date(year, 12, 31)
        moment = min(dt.datetime.combine(end, dt.time(23, 59, 59), tzinfo=dt.UTC),
                     dt.datetime.combine(today, dt.time(23, 59, 59), tzinfo=dt.UTC))
        ends.append((str(year), end, moment))
    return ends


def social_entrepreneurship_series(actions: pl.DataFrame, changes: pl.DataFrame,
                                   periods: list[tuple[str, dt.date, dt.datetime]]) -> list[dict]:
    rows = []
    for period, end, moment in periods:
        share, counted, with_component = portfolio.social_entrepreneurship_share(
            portfolio.reconstruct(actions, changes, moment, portfolio.SHARE_FIELDS))
        if share is not None:
            rows.append({"period": period, "period_end": end, "value": round(100 * share, 2),
                         "numerator": float(with_component), "denominator": float(counted)})
    return rows


def actions_on_time_series(actions: pl.DataFrame, changes: pl.DataFrame,
                           periods: list[tuple[str, dt.date, dt.datetime]]) -> list[dict]:
    """Share of actions done by each period's end whose actual end is not later than the end
    in the plan as first recorded."""
    original_end = portfolio.reconstruct(actions, changes, None, ("planned_end",)).select(
        "id", pl.col("planned_end").alias("original_end"))
    rows = []
    for period, end, moment in periods:
        done = (portfolio.reconstruct(actions, changes, moment, ("status", "actual_end"))
                .filter(pl.col("status") == ActionStatus.done, pl.col("actual_end").is_not_null())
                .join(original_end, on="id"))
        if done.height == 0:
            continue
        on_time = done.filter(pl.col("original_end").is_not_null()
                              & (pl.col("actual_end") <= pl.col("original_end"))).height
        rows.append({"period": period, "period_end": end,
                     "value": round(100 * on_time / done.height, 2),
                     "numerator": float(on_time), "denominator": float(done.height)})
    return rows


def partner_satisfaction_series(session: Session, project_id: int) -> list[dict]:
    """Mean 'overall satisfaction' per wave; a wave with fewer than 5 respondents gives no
    value (its mean would describe too few people)."""
    rows = []
    for wave in surveys.dimension_means_by_wave(session, project_id, "satisfaction"):
        if wave["mean"] is None:
            continue
        rows.append({"period": wave["period"], "period_end": period_end(wave["period"]),
                     "value": round(wave["mean"], 2), "numerator": None, "denominator": None})
    return rows


def recompute(session: Session, project_id: int, today: dt.date | None = None) -> None:
    """Replace the values of every computed indicator of the project. Called in the same
    transaction as any write that changes their inputs."""
    today = today or dt.date.today()
    computed = session.exec(select(Indicator).where(
        Indicator.project_id == project_id, Indicator.computation.is_not(None))).all()  # type: ignore[union-attr]
    if not computed:
        return
    project = session.get(Project, project_id)
    actions = portfolio.actions_frame(project_id, session)
    changes = portfolio.changes_frame(project_id, session)
    first_year = (project.starts_on.year if project and project.starts_on else
                  min([today.year, *actions["created_at"].dt.year().to_list()]))
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
        session.exec(delete(IndicatorValue).where(  # type: ignore[call-overload]
            IndicatorValue.indicator_id == indicator.id))
        session.add_all(IndicatorValue(indicator_id=indicator.id, source="computed",
                                       entered_by="app", **row) for row in rows)
    session.flush()


# ---------------------------------------------------------------- status against trajectory


@dataclass(frozen=True)
class TrajectoryStatus:
    status: str  # on_track, at_risk, off_track, no_target, no_data
    expected: float | None  # the trajectory's value at the latest period


def trajectory_status(*, value: float | None, period: str | None, baseline_value: float | None,
                      baseline_period: str, target_value: float | None, target_period: str,
                      polarity: str) -> TrajectoryStatus:
    """Where the latest value stands against the straight line from baseline to target.

    On track: at or better than the line. At risk: worse than the line but better than the
    baseline. Off track: no better than the baseline. Without a baseline, on track once the
    target is met, at risk before.
    """
    if target_value is None or not target_period:
        return TrajectoryStatus("no_target", None)
    if value is None or not period:
        return TrajectoryStatus("no_data", None)
    sign = 1 if polarity == Polarity.higher_is_better else -1
    if baseline_value is None or not baseline_period:
        met = sign * (value - target_value) >= 0
        return TrajectoryStatus("on_track" if met else "at_risk", target_value)
    start, end, now = (period_end(baseline_period), period_end(target_period), period_end(period))
    span = (end - start).days
    progress = min(max((now - start).days / span, 0.0), 1.0) if span > 0 else 1.0
    expected = baseline_value + (target_value - baseline_value) * progress
    if sign * (value - expected) >= -1e-9:
        return TrajectoryStatus("on_track", expected)
    if sign * (value - baseline_value) > 0:
        return TrajectoryStatus("at_risk", expected)
    return TrajectoryStatus("off_track", expected)


def overview(project_id: int, session: Session | None = None) -> pl.DataFrame:
    """One row per indicator: definition fields, latest project-wide value and its status."""
    indicators = read_frame(select(Indicator).where(Indicator.project_id == project_id), session)
    values = read_frame(
        select(IndicatorValue.indicator_id, IndicatorValue.period, IndicatorValue.period_end,
               IndicatorValue.value)
        .join(Indicator, Indicator.id == IndicatorValue.indicator_id)
        .where(Indicator.project_id == project_id, IndicatorValue.region_id.is_(None),  # type: ignore[union-attr]
               IndicatorValue.value.is_not(None)),  # type: ignore[union-attr]
        session,
    )
    latest = (values.sort("period_end").group_by("indicator_id").last()
              .rename({"period": "latest_period", "value": "latest_value"})
              .drop("period_end"))
    frame = indicators.join(latest, left_on="id", right_on="indicator_id", how="left")
    statuses = [
        trajectory_status(value=row["latest_value"], period=row["latest_period"],
                          baseline_value=row["baseline_value"],
                          baseline_period=row["baseline_period"],
                          target_value=row["target_value"], target_period=row["target_period"],
                          polarity=row["polarity"])
        for row in frame.iter_rows(named=True)
    ]
    return frame.with_columns(
        pl.Series("status", [s.status for s in statuses], dtype=pl.String),
        pl.Series("expected", [s.expected for s in statuses], dtype=pl.Float64),
    ).sort("aim", "code")


def linked_action_ids(session: Session, indicator_id: int) -> list[int]:
    return list(session.exec(select(IndicatorAction.action_id).where(
        IndicatorAction.indicator_id == indicator_id)))
