"""An indicator's status against its trajectory from baseline to target.

Status rule (stated on the page, `indicators.rule`): the trajectory is the straight line from
the baseline (value, period) to the target (value, period). A value is judged at the end of its
period (at today's date while the period is not over). On track: no worse than the line, give or
take a tenth of the distance from baseline to target (TOLERANCE). At risk: worse than that, but
better than the baseline. Off track: no better than the baseline. Without a baseline: on track
once the target is met, at risk before. Without a target: no status.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl

from data_loaders.periods import period_end
from models.vocab import (
    Polarity,
)

# How far from the trajectory a value may fall and still be on track, as a share of the
# distance from baseline to target: yearly figures move by noise of about that size.
TOLERANCE = 0.1
STATUSES = ("on_track", "at_risk", "off_track", "no_target", "no_data")


@dataclass(frozen=True)
class TrajectoryStatus:
    status: str  # on_track, at_risk, off_track, no_target, no_data
    expected: float | None  # the trajectory's value when the value was measured


def trajectory_status(
    *,
    value: float | None,
    period: str | None,
    baseline_value: float | None,
    baseline_period: str,
    target_value: float | None,
    target_period: str,
    polarity: str,
    today: dt.date | None = None,
) -> TrajectoryStatus:
    """Where a value stands against the straight line from baseline to target (the rule in this
    module's docstring). The value is placed at the end of its period, or at `today` when the
    period is not over yet."""
    if target_value is None or not target_period:
        return TrajectoryStatus("no_target", None)
    if value is None or not period:
        return TrajectoryStatus("no_data", None)
    sign = 1 if polarity == Polarity.higher_is_better else -1
    if baseline_value is None or not baseline_period:
        met = sign * (value - target_value) >= -1e-9
        return TrajectoryStatus("on_track" if met else "at_risk", target_value)
    expected = expected_value(
        baseline_value, baseline_period, target_value, target_period, measured_on(period, today)
    )
    tolerance = TOLERANCE * abs(target_value - baseline_value)
    if sign * (value - expected) >= -tolerance - 1e-9:
        return TrajectoryStatus("on_track", expected)
    if sign * (value - baseline_value) > 1e-9:
        return TrajectoryStatus("at_risk", expected)
    return TrajectoryStatus("off_track", expected)


def measured_on(period: str, today: dt.date | None = None) -> dt.date:
    """When a value of `period` is judged: the period's last day, or today if that is later."""
    end = period_end(period)
    return min(end, today) if today else end


def expected_value(
    baseline_value: float, baseline_period: str, target_value: float, target_period: str, on: dt.date
) -> float:
    """The trajectory's value on a day: the straight line from the end of the baseline period
    to the end of the target period; the baseline before it, the target after it."""
    start, end = period_end(baseline_period), period_end(target_period)
    span = (end - start).days
    progress = min(max((on - start).days / span, 0.0), 1.0) if span > 0 else 1.0
    return baseline_value + (target_value - baseline_value) * progress


def progress_towards_target(frame: pl.DataFrame) -> pl.DataFrame:
    """How far along the way from baseline to target the latest value is (`progress`: 0 at the
    baseline, 1 at the target, negative when worse than the baseline) and how far the trajectory
    expects it to be by then (`expected_progress`); null without a baseline and a target."""
    distance = pl.col("target_value") - pl.col("baseline_value")
    usable = (distance != 0) & pl.col("baseline_value").is_not_null()
    # A hidden value's progress is hidden too: with the baseline and target shown, it would
    # give the value back (and the value with the denominator, the small count).
    hidden = pl.col("latest_value_suppressed").fill_null(False)
    return frame.with_columns(
        pl.when(usable & ~hidden)
        .then((pl.col("latest_value_raw") - pl.col("baseline_value")) / distance)
        .alias("progress"),
        pl.when(usable)
        .then((pl.col("expected") - pl.col("baseline_value")) / distance)
        .alias("expected_progress"),
    )
