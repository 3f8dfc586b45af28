"""Self-evaluation indicators: the catalogue, their values, the indicators the app computes from
its own data, each indicator's status against the trajectory from baseline to target, and the
commands that change them (values entered, definitions edited, "turn the curve" comments).

Status rule (stated on the page, `indicators.rule`): the trajectory is the straight line from
the baseline (value, period) to the target (value, period). A value is judged at the end of its
period (at today's date while the period is not over). On track: no worse than the line, give or
take a tenth of the distance from baseline to target (TOLERANCE). At risk: worse than that, but
better than the baseline. Off track: no better than the baseline. Without a baseline: on track
once the target is met, at risk before. Without a target: no status.

Small cells: an indicator's numerator and denominator are counts of persons. A value is hidden
(shown "< 5") when its numerator, its denominator or, for a percentage, the persons outside the
numerator (denominator - numerator) are fewer than 5; its numerator is then hidden too, and its
denominator whenever that is below 5. Among the care regions of one indicator and period (which
add up to the project's figure), while the hidden regions hold 1 to 4 persons together in any of
those counts, the shown region with the smallest such count is hidden too (`suppress_values`).
The status of a hidden value is still given: it says where the value stands, not the value.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

import polars as pl
from sqlalchemy import delete, insert, update
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, select

from dashboard.errors import ConflictError, NotFound, ValidationFailed
from dashboard.i18n import fallback_order, t
from dashboard.permissions import Permission
from dashboard.services.actions import portfolio
from dashboard.services.partners import surveys
from dashboard.services.unit_of_work import mark_changed, write_scope
from dashboard.services.access import Actor, require
from dashboard.services.suppression import is_small
from data_loaders.catalogues.indicators import CATALOGUE, CATALOGUE_SOURCES
from data_loaders.fields import is_one_line
from data_loaders.periods import normalise_period, period_end
from data_loaders.problems import Problems
from models.db import read_frame, session_scope
from models.tables import (
    Action,
    CareRegion,
    Indicator,
    IndicatorAction,
    IndicatorComment,
    IndicatorValue,
    IndicatorValueChange,
    Project,
    User,
)
from models.vocab import (
    Area,
    INTEGRATED_CARE_COMPONENTS,
    SMALL_CELL_THRESHOLD,
    ActionStatus,
    IndicatorKind,
    Polarity,
    QuadrupleAim,
    ValueSource,
)
from dashboard import clock

# Indicators the app computes whose numerator and denominator count actions, not persons.
COUNTS_OF_ACTIONS = frozenset({"social_entrepreneurship_share", "actions_on_time"})
# The indicator whose target is the project's social-entrepreneurship target: one value, stored
# on the project (Project.social_entrepreneurship_target, a share 0..1, set by an admin) and
# shown by the indicator in %; the indicator's own target_value is left empty (migration 0003).
SE_COMPUTATION = "social_entrepreneurship_share"
# How far from the trajectory a value may fall and still be on track, as a share of the
# distance from baseline to target: yearly figures move by noise of about that size.
TOLERANCE = 0.1
STATUSES = ("on_track", "at_risk", "off_track", "no_target", "no_data")
CODE_PATTERN = re.compile(r"^[A-Z][A-Z0-9_]{1,63}$")
MAX_COMMENT = 2000
MAX_TEXT = 4000
_LANGUAGES = ("fr", "nl", "en")  # an indicator's texts are in each, as name_fr, name_nl, name_en


# ---------------------------------------------------------------- catalogue


def install_default_catalogue(
    session: Session, project_id: int, codes: Sequence[str] | None = None
) -> dict[str, int]:
    """Add the default indicators (those of `codes` only, if given) the project does not have
    yet; returns every code's id."""
    existing = {
        i.code: i.id for i in session.exec(select(Indicator).where(Indicator.project_id == project_id))
    }
    for definition in CATALOGUE:
        if definition.code in existing or (codes is not None and definition.code not in codes):
            continue
        indicator = Indicator(project_id=project_id, **definition.__dict__)
        session.add(indicator)
        session.flush()
        existing[definition.code] = indicator.id
    return existing  # type: ignore[return-value]


def install_catalogue(actor: Actor) -> int:
    """Give the project the default indicators it lacks (coordinators, admins), and compute the
    ones the app computes; returns how many were added."""
    require(actor, Permission.enter_indicator_values)
    with write_scope(actor, Permission.enter_indicator_values) as session:
        before = len(session.exec(select(Indicator.id).where(Indicator.project_id == actor.project_id)).all())
        added = len(install_default_catalogue(session, actor.project_id)) - before
        if added:
            mark_changed(session, Area.evaluation, recompute=True)
        return added


def set_baseline_and_target(
    session: Session,
    indicator_id: int,
    *,
    baseline_value: float | None,
    baseline_period: str,
    target_value: float | None,
    target_period: str,
    owner: str,
) -> None:
    indicator = session.get(Indicator, indicator_id)
    assert indicator is not None
    indicator.baseline_value = baseline_value
    indicator.baseline_period = baseline_period
    # The social-entrepreneurship target is the project's (SE_COMPUTATION): not stored twice.
    indicator.target_value = None if indicator.computation == SE_COMPUTATION else target_value
    indicator.target_period = target_period
    indicator.owner = owner


def delete_indicators(session: Session, indicator_ids: list[int]) -> None:
    if indicator_ids:
        session.exec(delete(Indicator).where(Indicator.id.in_(indicator_ids)))  # type: ignore[call-overload,union-attr]


# ---------------------------------------------------------------- values: units and checks


def value_scale(unit: str) -> float:
    """What numerator / denominator is multiplied by to give the value: 100 for "%", 1,000 for
    "‰" or "per 1,000", 100,000 for "per 100,000", else 1 (a mean, a score)."""
    text = unit.replace(".", "").replace(",", "").replace("\u202f", "").replace(" ", "")
    if text == "%":
        return 100.0
    if "100000" in text:
        return 100_000.0
    if text == "‰" or "1000" in text:
        return 1000.0
    return 1.0


def is_proportion(unit: str) -> bool:
    """A percentage (or per-mille) of persons: its numerator is part of its denominator."""
    return unit.strip() in ("%", "‰")


@dataclass(frozen=True)
class ValueProblem:
    key: str
    column: str
    params: dict = field(default_factory=dict)


def check_value(
    unit: str, decimals: int, value: float | None, numerator: float | None, denominator: float | None
) -> tuple[float | None, list[ValueProblem]]:
    """The value to store and what is wrong with the figures given for one period.

    A value, or a numerator and a denominator, must be given. Counts are not negative, a
    denominator is not 0, and the numerator of a percentage is not above its denominator. When
    all three are given, the value must be numerator / denominator x scale once rounded to the
    indicator's decimals; when only the counts are given, the value is worked out from them."""
    problems: list[ValueProblem] = []
    for name, count in (("numerator", numerator), ("denominator", denominator)):
        if count is not None and count < 0:
            problems.append(ValueProblem("problem.indicator.negative_count", name))
    if denominator is not None and denominator == 0:
        problems.append(ValueProblem("problem.indicator.zero_denominator", "denominator"))
    if (
        is_proportion(unit)
        and numerator is not None
        and denominator is not None
        and 0 < denominator < numerator
    ):
        problems.append(
            ValueProblem(
                "problem.indicator.numerator_above_denominator",
                "numerator",
                {"denominator": f"{denominator:g}"},
            )
        )
    if value is None and (numerator is None or denominator is None):
        problems.append(ValueProblem("problem.indicator.no_value", "value"))
    if problems:
        return None, problems
    if numerator is not None and denominator is not None:
        computed = numerator / denominator * value_scale(unit)
        if value is None:
            return round(computed, decimals + 2), []
        if abs(value - computed) > 0.5 * 10**-decimals + 1e-9:
            problems.append(
                ValueProblem(
                    "problem.indicator.inconsistent_value",
                    "value",
                    {"expected": f"{round(computed, decimals):.{decimals}f}", "unit": unit},
                )
            )
    if is_proportion(unit) and value is not None and not 0 <= value <= value_scale(unit):
        problems.append(ValueProblem("problem.indicator.share_out_of_range", "value", {"unit": unit}))
    return value, problems


# ---------------------------------------------------------------- small cells


def suppress_values(values: pl.DataFrame, threshold: int = SMALL_CELL_THRESHOLD) -> pl.DataFrame:
    """Hide the small cells of indicator values (the rule in this module's docstring).

    `values` needs indicator_id, period, region_id (null: the whole project), value, numerator,
    denominator, proportion (bool: a percentage of persons) and persons (bool: the counts are
    counts of persons; the app's own indicators count actions, which need no protection).
    Returns it with value, numerator and denominator nulled where hidden and the flags
    value_suppressed, numerator_suppressed, denominator_suppressed.
    """
    # A rate entered with its denominator but no numerator still tells the numerator (5.0 %
    # of 40 is 2 persons, 0.05 per 1,000 of 40,000 too): judge the count it implies.
    scale = (
        pl.col("scale")
        if "scale" in values.columns
        else pl.when(pl.col("proportion")).then(pl.lit(100.0)).otherwise(pl.lit(1.0))
    )
    numerator = pl.coalesce(
        pl.col("numerator"), pl.when(scale > 1).then(pl.col("value") / scale * pl.col("denominator"))
    )
    complement = pl.when(pl.col("proportion")).then(pl.col("denominator") - numerator)
    marked = (
        values.with_row_index("__row")
        .with_columns(
            pl.when(pl.col("persons")).then(complement).alias("__complement"),
            pl.when(pl.col("persons")).then(numerator).alias("__numerator"),
            pl.when(pl.col("persons")).then(pl.col("denominator")).alias("__denominator"),
        )
        .with_columns(
            is_small(pl.col("__denominator"), threshold).alias("denominator_suppressed"),
        )
        .with_columns(
            (
                is_small(pl.col("__numerator"), threshold)
                | pl.col("denominator_suppressed")
                | is_small(pl.col("__complement"), threshold)
            ).alias("value_suppressed"),
        )
    )
    regional = pl.col("region_id").is_not_null()
    groups = ["indicator_id", "period", "__regional"]
    marked = marked.with_columns(regional.alias("__regional"))
    # Secondary suppression among regions: a hidden count must not be the project's figure
    # minus the shown regions. Each pass hides at most one more region per group, with a
    # count of at least `threshold` (shown counts all are), so one pass per count suffices.
    for count, flag in (
        ("__numerator", "value_suppressed"),
        ("__complement", "value_suppressed"),
        ("__denominator", "denominator_suppressed"),
    ):
        hidden = pl.col(flag) & pl.col(count).is_not_null()
        marked = (
            marked.with_columns(
                pl.when(hidden).then(pl.col(count)).otherwise(0).sum().over(groups).alias("__hidden"),
                pl.when(~pl.col(flag) & pl.col(count).is_not_null())
                .then(pl.col(count))
                .rank("ordinal")
                .over(groups)
                .alias("__rank"),
            )
            .with_columns(
                (
                    pl.col("__regional")
                    & (pl.col("__hidden") > 0)
                    & (pl.col("__hidden") < threshold)
                    & (pl.col("__rank") == 1)
                )
                .fill_null(False)
                .alias("__more"),
            )
            .with_columns(
                (pl.col("value_suppressed") | pl.col("__more")).alias("value_suppressed"),
                (
                    pl.col("denominator_suppressed") | (pl.col("__more") & pl.lit(count == "__denominator"))
                ).alias("denominator_suppressed"),
            )
        )
    return (
        marked.with_columns(
            (pl.col("value_suppressed") & pl.col("numerator").is_not_null()).alias("numerator_suppressed"),
        )
        .with_columns(
            pl.when(pl.col("value_suppressed")).then(None).otherwise(pl.col("value")).alias("value"),
            pl.when(pl.col("numerator_suppressed"))
            .then(None)
            .otherwise(pl.col("numerator"))
            .alias("numerator"),
            pl.when(pl.col("denominator_suppressed"))
            .then(None)
            .otherwise(pl.col("denominator"))
            .alias("denominator"),
        )
        .sort("__row")
        .drop(
            "__row",
            "__numerator",
            "__complement",
            "__denominator",
            "__regional",
            "__hidden",
            "__rank",
            "__more",
        )
    )


def suppress_history(
    history: pl.DataFrame, current: pl.DataFrame, threshold: int = SMALL_CELL_THRESHOLD
) -> pl.DataFrame:
    """Hide past values that would give a small count away.

    `history` (indicator_id, period, region_id, old_value, new_value) is joined on those keys
    to `current` (values as `values_frame` gives them: scale, proportion, persons, the
    denominator as shown and the value_suppressed flag). A past value is hidden when the value it belongs to is hidden now, or
    when with the denominator shown now it would give fewer than `threshold` persons (or, for a
    percentage, fewer than `threshold` outside the numerator). Adds old_suppressed and
    new_suppressed."""
    keys = ["indicator_id", "period", "region_id"]
    joined = history.join(
        current.select(
            *keys,
            pl.col("denominator").alias("__denominator"),
            pl.col("value_suppressed").alias("__hidden_now"),
            "scale",
            "proportion",
            "persons",
        ),
        on=keys,
        how="left",
        nulls_equal=True,
    )

    def gives_away(column: str) -> pl.Expr:
        implied = pl.col(column) * pl.col("__denominator") / pl.col("scale")
        outside = pl.when(pl.col("proportion")).then(pl.col("__denominator") - implied)
        return pl.col(column).is_not_null() & (
            pl.col("__hidden_now").fill_null(False)
            | (
                pl.col("persons") & ((implied.round(6) < threshold) | (outside.round(6) < threshold))
            ).fill_null(False)
        )

    return (
        joined.with_columns(
            gives_away("old_value").alias("old_suppressed"),
            gives_away("new_value").alias("new_suppressed"),
        )
        .with_columns(
            pl.when(pl.col("old_suppressed")).then(None).otherwise(pl.col("old_value")).alias("old_value"),
            pl.when(pl.col("new_suppressed")).then(None).otherwise(pl.col("new_value")).alias("new_value"),
        )
        .drop("__denominator", "__hidden_now", "scale", "proportion", "persons")
    )


# ---------------------------------------------------------------- computed indicators


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


# ---------------------------------------------------------------- status against trajectory


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


# ---------------------------------------------------------------- reads


_VALUE_SCHEMA = {
    "indicator_id": pl.Int64,
    "period": pl.String,
    "period_end": pl.Date,
    "region_id": pl.Int64,
    "value": pl.Float64,
    "numerator": pl.Float64,
    "denominator": pl.Float64,
}


def _raw_values(
    project_id: int, session: Session | None, indicator_id: int | None = None, *, project_wide: bool = False
) -> pl.DataFrame:
    """Every value of the project (or of one indicator; or only the project-wide ones, region
    null), with the unit's scale and whether it is a proportion (for the small-cell rule)."""
    statement = (
        select(
            IndicatorValue.id,
            IndicatorValue.indicator_id,
            IndicatorValue.period,
            IndicatorValue.period_end,
            IndicatorValue.region_id,
            IndicatorValue.value,
            IndicatorValue.numerator,
            IndicatorValue.denominator,
            IndicatorValue.source,
            IndicatorValue.entered_by,
            IndicatorValue.entered_at,
            Indicator.unit,
            Indicator.computation,
        )
        .join(Indicator, Indicator.id == IndicatorValue.indicator_id)
        .where(Indicator.project_id == project_id)
    )
    if indicator_id is not None:
        statement = statement.where(IndicatorValue.indicator_id == indicator_id)
    if project_wide:
        statement = statement.where(IndicatorValue.region_id.is_(None))  # type: ignore[union-attr]
    frame = read_frame(statement, session)
    units = frame["unit"].unique().to_list()
    return frame.with_columns(
        pl.col("unit")
        .replace_strict({u: value_scale(u) for u in units}, default=1.0, return_dtype=pl.Float64)
        .alias("scale"),
        pl.col("unit")
        .replace_strict({u: is_proportion(u) for u in units}, default=False, return_dtype=pl.Boolean)
        .alias("proportion"),
        ~pl.col("computation").is_in(list(COUNTS_OF_ACTIONS)).fill_null(False).alias("persons"),
    ).drop("unit", "computation")


def project_se_target(project_id: int, session: Session | None = None) -> float | None:
    """The project's social-entrepreneurship target in % (the SE indicator's target)."""
    shares = read_frame(
        select(Project.social_entrepreneurship_target).where(Project.id == project_id), session
    )
    share = shares.item() if shares.height else None
    return None if share is None else round(100 * share, 6)


def with_project_targets(
    indicators: pl.DataFrame, project_id: int, session: Session | None = None
) -> pl.DataFrame:
    """Indicator rows (with `computation` and `target_value`) whose social-entrepreneurship
    indicator carries the project's target: the one value an admin sets, read, not copied."""
    return indicators.with_columns(
        pl.when(pl.col("computation") == SE_COMPUTATION)
        .then(pl.lit(project_se_target(project_id, session), dtype=pl.Float64))
        .otherwise(pl.col("target_value").cast(pl.Float64))
        .alias("target_value")
    )


def overview(actor: Actor, today: dt.date | None = None, indicator_id: int | None = None) -> pl.DataFrame:
    """The indicators overview of the actor's project (see `overview_of`)."""
    require(actor, Permission.read)
    return overview_of(actor.project_id, today=today, indicator_id=indicator_id)


def overview_of(
    project_id: int,
    session: Session | None = None,
    today: dt.date | None = None,
    indicator_id: int | None = None,
) -> pl.DataFrame:
    """One row per indicator: its definition fields, latest project-wide value (null and flagged
    `latest_value_suppressed` when hidden) and period, its status, the trajectory's expected
    value then, progress from baseline to target, and `trend`, the project-wide values in
    period order (hidden ones null) for a sparkline. With `indicator_id`, that indicator's row
    only.

    Only project-wide values are read: the small-cell rule hides a project-wide value by its
    own counts (secondary suppression works among a period's regions), so the regional values,
    nearly all of a national project's, cannot change this frame."""
    today = today or clock.today()
    definitions = select(Indicator).where(Indicator.project_id == project_id)
    if indicator_id is not None:
        definitions = definitions.where(Indicator.id == indicator_id)
    indicators = with_project_targets(read_frame(definitions, session), project_id, session)
    raw = _raw_values(project_id, session, indicator_id, project_wide=True)
    shown = suppress_values(raw)
    project_wide = (
        shown.with_columns(raw["value"].alias("value_raw"))
        .filter(pl.col("region_id").is_null(), pl.col("value_raw").is_not_null())
        .sort("period_end")
    )
    latest = project_wide.group_by("indicator_id", maintain_order=True).agg(
        pl.col("period").last().alias("latest_period"),
        pl.col("value").last().alias("latest_value"),
        pl.col("value_raw").last().alias("latest_value_raw"),
        pl.col("value_suppressed").last().alias("latest_value_suppressed"),
        pl.col("value").alias("trend"),
        pl.col("period").alias("trend_periods"),
    )
    frame = indicators.join(latest, left_on="id", right_on="indicator_id", how="left")
    statuses = [
        trajectory_status(
            value=row["latest_value_raw"],
            period=row["latest_period"],
            baseline_value=row["baseline_value"],
            baseline_period=row["baseline_period"],
            target_value=row["target_value"],
            target_period=row["target_period"],
            polarity=row["polarity"],
            today=today,
        )
        for row in frame.select(
            "latest_value_raw",
            "latest_period",
            "baseline_value",
            "baseline_period",
            "target_value",
            "target_period",
            "polarity",
        ).iter_rows(named=True)
    ]
    frame = frame.with_columns(
        pl.Series("status", [s.status for s in statuses], dtype=pl.String),
        pl.Series("expected", [s.expected for s in statuses], dtype=pl.Float64),
        pl.col("latest_value_suppressed").fill_null(False),
        pl.col("trend").fill_null(pl.lit([], dtype=pl.List(pl.Float64))),
    )
    return progress_towards_target(frame).drop("latest_value_raw").sort("aim", "code")


def values_frame(
    project_id: int, indicator_id: int | None = None, session: Session | None = None
) -> pl.DataFrame:
    """The values as they may be shown: small cells hidden (`suppress_values`), with the care
    region's code and name (null for the whole project), by indicator, period and region."""
    raw = _raw_values(project_id, session, indicator_id)
    regions = read_frame(
        select(
            CareRegion.id,
            CareRegion.code.label("region_code"),  # type: ignore[attr-defined]
            CareRegion.name.label("region_name"),
        ).where(CareRegion.project_id == project_id),  # type: ignore[attr-defined]
        session,
    )
    return (
        suppress_values(raw)
        .join(regions, left_on="region_id", right_on="id", how="left")
        .sort("indicator_id", "period_end", "region_name", nulls_last=False)
    )


def latest_by_region(values: pl.DataFrame) -> pl.DataFrame:
    """The regions' values of the latest period that has regional values (a frame of
    `values_frame` for one indicator), with the project-wide value of that period in
    `project_value`; empty when no value is regional."""
    regional = values.filter(pl.col("region_id").is_not_null())
    if regional.height == 0:
        return regional.with_columns(pl.lit(None, dtype=pl.Float64).alias("project_value"))
    last = regional.sort("period_end")["period"][-1]
    project = values.filter(pl.col("region_id").is_null(), pl.col("period") == last)
    project_value = project["value"][0] if project.height else None
    return (
        regional.filter(pl.col("period") == last)
        .with_columns(pl.lit(project_value, dtype=pl.Float64).alias("project_value"))
        .sort("region_name")
    )


@dataclass(frozen=True)
class IndicatorDetail:
    indicator: dict  # a row of overview_of()
    values: pl.DataFrame  # values_frame() of this indicator
    actions: pl.DataFrame  # linked actions: id, code, title, status, planned_end, late
    comments: pl.DataFrame  # author, created_at, text (newest first)
    history: pl.DataFrame  # changed_at, changed_by, source, period, region_name, old, new


def indicator_id_by_code(actor: Actor, code: str) -> int | None:
    """The indicator of a link such as /indicators?indicator=PACIC; None for any other text."""
    require(actor, Permission.read)
    if len(code) > 64 or "\x00" in code:
        return None
    with session_scope() as session:
        return session.exec(
            select(Indicator.id).where(Indicator.project_id == actor.project_id, Indicator.code == code)
        ).first()


def indicator_detail(actor: Actor, indicator_id: int, today: dt.date | None = None) -> IndicatorDetail:
    """Everything the detail of one indicator shows; NotFound outside the actor's project."""
    require(actor, Permission.read)
    today = today or clock.today()
    with session_scope() as session:
        indicator = session.get(Indicator, indicator_id)
        if indicator is None or indicator.project_id != actor.project_id:
            raise NotFound("error.not_found")
        row = overview_of(actor.project_id, session, today, indicator_id)
        values = values_frame(actor.project_id, indicator_id, session)
        actions = portfolio.with_late_flag(
            read_frame(
                select(Action.id, Action.code, Action.title, Action.status, Action.planned_end)
                .join(IndicatorAction, IndicatorAction.action_id == Action.id)
                .where(IndicatorAction.indicator_id == indicator_id),
                session,
            ),
            today,
        )
        comments = read_frame(
            select(
                IndicatorComment.id,
                IndicatorComment.author,
                IndicatorComment.created_at,
                IndicatorComment.text,
            )
            .where(IndicatorComment.indicator_id == indicator_id)
            .order_by(IndicatorComment.created_at.desc()),
            session,
        )  # type: ignore[attr-defined]
        changes = read_frame(
            select(
                IndicatorValueChange.indicator_id,
                IndicatorValueChange.period,
                IndicatorValueChange.region_id,
                IndicatorValueChange.old_value,
                IndicatorValueChange.new_value,
                IndicatorValueChange.changed_by,
                IndicatorValueChange.changed_at,
                IndicatorValueChange.source,
                CareRegion.name.label("region_name"),
            )  # type: ignore[attr-defined]
            .join(CareRegion, CareRegion.id == IndicatorValueChange.region_id, isouter=True)
            .where(IndicatorValueChange.indicator_id == indicator_id)
            .order_by(IndicatorValueChange.changed_at.desc()),
            session,
        )  # type: ignore[attr-defined]
        history = suppress_history(changes, values)
        names = _display_names(
            session, {*values["entered_by"].drop_nulls(), *history["changed_by"].drop_nulls()}
        )
        values = values.with_columns(pl.col("entered_by").replace(names))
        history = history.with_columns(pl.col("changed_by").replace(names))
    return IndicatorDetail(
        row.row(0, named=True), values, actions.sort(portfolio.natural_code_key()), comments, history
    )


def _display_names(session: Session, usernames: set[str]) -> dict[str, str]:
    """{username: display name} of the users who entered or changed values (the login name
    when a user has none)."""
    if not usernames:
        return {}
    users = session.exec(
        select(User.username, User.display_name).where(User.username.in_(sorted(usernames)))
    ).all()  # type: ignore[attr-defined]
    return {username: name or username for username, name in users}


def text_in(row: Mapping[str, object], attribute: str, lang: str) -> str:
    """An indicator's text (definition, numerator_definition, ...) in `lang`, or when that is
    empty in another language (French, Dutch, English); "" when it has none."""
    for candidate in fallback_order(lang):
        if row.get(f"{attribute}_{candidate}"):
            return str(row[f"{attribute}_{candidate}"])
    return ""


def text_in_column(attribute: str, lang: str) -> pl.Expr:
    """text_in as a column named `attribute`."""
    order = fallback_order(lang)
    return (
        pl.coalesce(
            [
                pl.when(pl.col(f"{attribute}_{candidate}") != "").then(pl.col(f"{attribute}_{candidate}"))
                for candidate in order
            ]
        )
        .fill_null("")
        .alias(attribute)
    )


def source_label(source: str, lang: str) -> str:
    """An indicator's data source as the reader reads it: a source of the default catalogue
    ("Portfolio (this app)") in `lang`, a source an admin typed as typed."""
    key = CATALOGUE_SOURCES.get(source)
    return t(f"indicators.data_source.{key}", lang=lang) if key else source


def source_as_stored(text: str) -> str:
    """The stored form of a data source: a default catalogue source's label in any language (as
    the edit form shows it) back to the catalogue's own, so it stays translated for everyone."""
    for stored, key in CATALOGUE_SOURCES.items():
        if text in {t(f"indicators.data_source.{key}", lang=lang) for lang in _LANGUAGES}:
            return stored
    return text


def catalogue_frame(actor: Actor, lang: str) -> pl.DataFrame:
    """The dictionary behind the numbers: every indicator's definition, in one language (texts
    empty in it in another, as text_in), with vocabulary keys as stored (for academic partners
    and downloads)."""
    require(actor, Permission.read)
    indicators = with_project_targets(
        read_frame(select(Indicator).where(Indicator.project_id == actor.project_id)), actor.project_id
    )
    links = read_frame(
        select(IndicatorAction.indicator_id, Action.code)
        .join(Action, Action.id == IndicatorAction.action_id)
        .where(Action.project_id == actor.project_id)
    )
    codes = (
        links.sort("code").group_by("indicator_id").agg(pl.col("code").str.join("; ").alias("linked_actions"))
    )
    return (
        indicators.join(codes, left_on="id", right_on="indicator_id", how="left")
        .select(
            "code",
            pl.col(f"name_{lang}").alias("name"),
            "aim",
            "component",
            "kind",
            text_in_column("definition", lang),
            text_in_column("numerator_definition", lang),
            text_in_column("denominator_definition", lang),
            "unit",
            "polarity",
            "decimals",
            "baseline_value",
            "baseline_period",
            "target_value",
            "target_period",
            pl.col("data_source").map_elements(lambda s: source_label(s, lang), return_dtype=pl.String),
            "owner",
            "computation",
            "linked_actions",
        )
        .sort("aim", "code")
    )


def export_values(actor: Actor) -> pl.DataFrame:
    """Every value in the import format (indicator, period, region, value, numerator,
    denominator), small cells as "< 5" (docs/formats/indicators.md)."""
    require(actor, Permission.download)
    values = values_frame(actor.project_id)
    codes = read_frame(select(Indicator.id, Indicator.code).where(Indicator.project_id == actor.project_id))
    from dashboard.services.suppression import SUPPRESSED_TEXT

    def shown(column: str, flag: str) -> pl.Expr:
        return (
            pl.when(pl.col(flag))
            .then(pl.lit(SUPPRESSED_TEXT))
            .otherwise(pl.col(column).map_elements(lambda v: f"{v:g}", return_dtype=pl.String))
            .alias(column)
        )

    return (
        values.join(codes, left_on="indicator_id", right_on="id")
        .sort("code", "period_end", "region_code", nulls_last=False)
        .select(
            pl.col("code").alias("indicator"),
            "period",
            pl.col("region_code").alias("region"),
            shown("value", "value_suppressed"),
            shown("numerator", "numerator_suppressed"),
            shown("denominator", "denominator_suppressed"),
        )
    )


def regions_of(actor: Actor) -> dict[int, str]:
    """The project's care regions, {id: name}, by name (for choosing one in a form)."""
    require(actor, Permission.read)
    with session_scope() as session:
        return dict(
            session.exec(
                select(CareRegion.id, CareRegion.name)
                .where(CareRegion.project_id == actor.project_id)
                .order_by(CareRegion.name)
            ).all()
        )


def actions_of(actor: Actor) -> dict[int, str]:
    """The project's actions, {id: "code · title"}, in plan order (for linking)."""
    require(actor, Permission.read)
    actions = read_frame(
        select(Action.id, Action.code, Action.title).where(Action.project_id == actor.project_id)
    ).sort(portfolio.natural_code_key())
    return {row["id"]: f"{row['code']} · {row['title']}" for row in actions.iter_rows(named=True)}


def linked_action_ids(session: Session, indicator_id: int) -> list[int]:
    return list(
        session.exec(select(IndicatorAction.action_id).where(IndicatorAction.indicator_id == indicator_id))
    )


# ---------------------------------------------------------------- writes


@dataclass(frozen=True)
class ValueEntry:
    """The figures of one period (and care region, None: the whole project) as a user gives
    them; the period as typed ("2024", "2024-Q3", "2024-06")."""

    indicator_id: int
    period: str
    region_id: int | None
    value: float | None
    numerator: float | None = None
    denominator: float | None = None


def _project_indicator(session: Session, actor: Actor, indicator_id: int) -> Indicator:
    indicator = session.get(Indicator, indicator_id)
    if indicator is None or indicator.project_id != actor.project_id:
        raise NotFound("error.not_found")
    return indicator


_KEY = ["indicator_id", "period", "region_id"]
_FIGURES = ("value", "numerator", "denominator")
WRITE_CHUNK = 20_000  # rows per bulk INSERT / UPDATE (executemany)
_READ_CHUNK = 500  # indicator ids per stored-values query (SQLite's parameter limit)


def compare_with_stored(session: Session, values: pl.DataFrame) -> pl.DataFrame:
    """`values` (indicator_id, period, region_id (null: the whole project), value, numerator,
    denominator, any other columns) with the stored value of each key (`stored_id`, `old_value`,
    `old_numerator`, `old_denominator`, null when there is none) and its `outcome`: "added",
    "changed" or "unchanged" (same three figures). The stored values are read in one query per
    500 indicators, whatever the number of values."""
    ids = values["indicator_id"].drop_nulls().unique().sort().to_list()
    periods = values["period"].unique().sort().to_list()
    parts = [
        read_frame(
            select(
                IndicatorValue.id.label("stored_id"),
                IndicatorValue.indicator_id,  # type: ignore[union-attr]
                IndicatorValue.period,
                IndicatorValue.region_id,
                IndicatorValue.value.label("old_value"),  # type: ignore[union-attr]
                IndicatorValue.numerator.label("old_numerator"),  # type: ignore[union-attr]
                IndicatorValue.denominator.label("old_denominator"),
            ).where(  # type: ignore[union-attr]
                IndicatorValue.indicator_id.in_(ids[i : i + _READ_CHUNK]),  # type: ignore[union-attr]
                IndicatorValue.period.in_(periods),
            ),
            session,
        )  # type: ignore[attr-defined]
        for i in range(0, len(ids), _READ_CHUNK)
    ]
    schema = {
        "stored_id": pl.Int64,
        "indicator_id": pl.Int64,
        "period": pl.String,
        "region_id": pl.Int64,
        "old_value": pl.Float64,
        "old_numerator": pl.Float64,
        "old_denominator": pl.Float64,
    }
    stored = pl.concat([p.cast(schema) for p in parts]) if parts else pl.DataFrame(schema=schema)
    values = values.cast(
        {"indicator_id": pl.Int64, "region_id": pl.Int64, **{name: pl.Float64 for name in _FIGURES}}
    )
    compared = values.join(stored, on=_KEY, how="left", nulls_equal=True, maintain_order="left")
    same = pl.all_horizontal(pl.col(name).eq_missing(pl.col(f"old_{name}")) for name in _FIGURES)
    return compared.with_columns(
        pl.when(pl.col("stored_id").is_null())
        .then(pl.lit("added"))
        .when(same)
        .then(pl.lit("unchanged"))
        .otherwise(pl.lit("changed"))
        .alias("outcome")
    )


def write_values(session: Session, compared: pl.DataFrame, *, source: str, username: str) -> None:
    """Store the added and changed values of `compare_with_stored`'s frame and record each
    change, with bulk inserts and updates by primary key (a statement per WRITE_CHUNK rows,
    not per value); the unchanged ones are left alone."""
    now = dt.datetime.now(dt.UTC)
    written = compared.filter(pl.col("outcome") != "unchanged")
    if written.height == 0:
        return
    ends = {p: period_end(p) for p in written["period"].unique().to_list()}
    changes = written.select(
        "indicator_id",
        "period",
        "region_id",
        pl.col("old_value"),
        pl.col("value").alias("new_value"),
        pl.lit(username).alias("changed_by"),
        pl.lit(now, dtype=pl.Datetime("us", "UTC")).alias("changed_at"),
        pl.lit(source).alias("source"),
    )
    added = written.filter(pl.col("outcome") == "added").select(
        "indicator_id",
        "period",
        pl.col("period").replace_strict(ends, return_dtype=pl.Date).alias("period_end"),
        "region_id",
        *_FIGURES,
        pl.lit(source).alias("source"),
        pl.lit(username).alias("entered_by"),
        pl.lit(now, dtype=pl.Datetime("us", "UTC")).alias("entered_at"),
    )
    changed = written.filter(pl.col("outcome") == "changed").select(
        pl.col("stored_id").alias("id"),
        *_FIGURES,
        pl.lit(source).alias("source"),
        pl.lit(username).alias("entered_by"),
        pl.lit(now, dtype=pl.Datetime("us", "UTC")).alias("entered_at"),
    )
    for table, frame, statement in (
        (IndicatorValueChange, changes, insert),
        (IndicatorValue, added, insert),
        (IndicatorValue, changed, update),
    ):
        for chunk in frame.iter_slices(WRITE_CHUNK):
            session.execute(statement(table), chunk.to_dicts())  # type: ignore[operator]


def write_value(
    session: Session,
    indicator: Indicator,
    period: str,
    region_id: int | None,
    figures: tuple[float | None, float | None, float | None],
    *,
    source: str,
    username: str,
) -> str:
    """Store one value (value, numerator, denominator) of a period and region, keeping (indicator,
    period, region) unique and recording the change; returns "added", "changed" or "unchanged"
    (nothing written). The entry form's path through the importer's bulk comparison."""
    compared = compare_with_stored(
        session,
        pl.DataFrame(
            [
                {
                    "indicator_id": indicator.id,
                    "period": period,
                    "region_id": region_id,
                    **dict(zip(_FIGURES, figures, strict=True)),
                }
            ],
            schema={
                "indicator_id": pl.Int64,
                "period": pl.String,
                "region_id": pl.Int64,
                **{name: pl.Float64 for name in _FIGURES},
            },
        ),
    )
    write_values(session, compared, source=source, username=username)
    return compared["outcome"][0]


def enter_value(actor: Actor, entry: ValueEntry) -> str:
    """A value entered in the form (coordinators, admins), checked like an imported one;
    returns "added", "changed" or "unchanged"."""
    require(actor, Permission.enter_indicator_values)
    with write_scope(actor, Permission.enter_indicator_values) as session:
        indicator = _project_indicator(session, actor, entry.indicator_id)
        problems = Problems()
        record = indicator.code
        if indicator.computation:
            problems.add("problem.indicator.computed", record=record, column="value")
        period = normalise_period(entry.period or "")
        try:
            period_end(period)
        except ValueError:
            problems.add("problem.indicator.bad_period", record=record, column="period", value=entry.period)
        if entry.region_id is not None:
            region = session.get(CareRegion, entry.region_id)
            if region is None or region.project_id != actor.project_id:
                problems.add(
                    "problem.indicator.bad_region", record=record, column="region", value=entry.region_id
                )
        value, found = check_value(
            indicator.unit, indicator.decimals, entry.value, entry.numerator, entry.denominator
        )
        for problem in found:
            problems.add(problem.key, record=record, column=problem.column, **problem.params)
        if problems:
            raise ValidationFailed(problems.items)
        outcome = write_value(
            session,
            indicator,
            period,
            entry.region_id,
            (value, entry.numerator, entry.denominator),
            source=ValueSource.entered,
            username=actor.username,
        )
        if outcome != "unchanged":
            mark_changed(session, Area.evaluation)
        return outcome


def delete_value(actor: Actor, indicator_id: int, period: str, region_id: int | None) -> None:
    """Remove a value entered or imported by mistake; the history keeps it."""
    require(actor, Permission.enter_indicator_values)
    with write_scope(actor, Permission.enter_indicator_values) as session:
        indicator = _project_indicator(session, actor, indicator_id)
        if indicator.computation:
            raise _computed_refusal(indicator)
        existing = session.exec(
            select(IndicatorValue).where(
                IndicatorValue.indicator_id == indicator_id,
                IndicatorValue.period == period,
                IndicatorValue.region_id == region_id
                if region_id is not None  # type: ignore[arg-type]
                else IndicatorValue.region_id.is_(None),
            )
        ).first()  # type: ignore[union-attr]
        if existing is None:
            raise NotFound("error.not_found")
        session.add(
            IndicatorValueChange(
                indicator_id=indicator_id,
                period=period,
                region_id=region_id,
                old_value=existing.value,
                new_value=None,
                changed_by=actor.username,
                source="deleted",
            )
        )
        session.delete(existing)
        mark_changed(session, Area.evaluation)


def _computed_refusal(indicator: Indicator) -> ValidationFailed:
    problems = Problems()
    problems.add("problem.indicator.computed", record=indicator.code, column="value")
    return ValidationFailed(problems.items)


def add_comment(actor: Actor, indicator_id: int, text: str) -> int:
    """A "turn the curve" comment (every role but viewers): who, when, what."""
    require(actor, Permission.comment_indicator)
    body = (text or "").strip()
    problems = Problems()
    if not body:
        problems.add("problem.empty_cell", column="comment")
    elif len(body) > MAX_COMMENT:
        problems.add("problem.indicator.too_long", column="comment", limit=MAX_COMMENT)
    with write_scope(actor, Permission.comment_indicator) as session:
        indicator = _project_indicator(session, actor, indicator_id)
        if problems:
            raise ValidationFailed(problems.items)
        comment = IndicatorComment(
            indicator_id=indicator.id,
            author=actor.display_name,  # type: ignore[arg-type]
            text=body,
        )
        session.add(comment)
        session.flush()
        mark_changed(session, Area.evaluation)
        return comment.id  # type: ignore[return-value]


@dataclass(frozen=True)
class IndicatorInput:
    """An indicator's definition as the form gives it. For an indicator the app computes, only
    baseline, target, owner, data source and linked actions may change."""

    code: str
    name_fr: str
    name_nl: str
    name_en: str
    aim: str
    component: int | None
    kind: str
    definition_fr: str = ""
    definition_nl: str = ""
    definition_en: str = ""
    numerator_definition_fr: str = ""
    numerator_definition_nl: str = ""
    numerator_definition_en: str = ""
    denominator_definition_fr: str = ""
    denominator_definition_nl: str = ""
    denominator_definition_en: str = ""
    unit: str = ""
    polarity: str = Polarity.higher_is_better.value
    decimals: int = 1
    baseline_value: float | None = None
    baseline_period: str = ""
    target_value: float | None = None
    target_period: str = ""
    data_source: str = ""
    owner: str = ""
    action_ids: tuple[int, ...] = ()


# The texts besides the names an indicator has in each language (definition_fr, ...).
_TRANSLATED_FIELDS = tuple(
    f"{text}_{lang}"
    for text in ("definition", "numerator_definition", "denominator_definition")
    for lang in _LANGUAGES
)
_DEFINITION_FIELDS = (
    "code",
    "name_fr",
    "name_nl",
    "name_en",
    "aim",
    "component",
    "kind",
    *_TRANSLATED_FIELDS,
    "unit",
    "polarity",
    "decimals",
)
_TARGET_FIELDS = (
    "baseline_value",
    "baseline_period",
    "target_value",
    "target_period",
    "data_source",
    "owner",
)


def _check_definition(data: IndicatorInput, record: str, problems: Problems) -> dict:
    """The definition's fields, cleaned; problems for what is wrong."""
    values = {name: getattr(data, name) for name in (*_DEFINITION_FIELDS, *_TARGET_FIELDS)}
    for name in (
        "code",
        "name_fr",
        "name_nl",
        "name_en",
        "unit",
        "data_source",
        "owner",
        "baseline_period",
        "target_period",
        *_TRANSLATED_FIELDS,
    ):
        values[name] = (values[name] or "").strip()
        if len(values[name]) > MAX_TEXT:
            problems.add("problem.indicator.too_long", record=record, column=name, limit=MAX_TEXT)
        elif name not in _TRANSLATED_FIELDS and not is_one_line(values[name]):
            problems.add("problem.line_break", record=record, column=name, value=values[name])
    values["data_source"] = source_as_stored(values["data_source"])
    values["code"] = values["code"].upper()
    if not CODE_PATTERN.match(values["code"]):
        problems.add("problem.indicator.bad_code", record=record, column="code", value=data.code)
    for name in ("name_fr", "name_nl", "name_en"):
        if not values[name]:
            problems.add("problem.empty_cell", record=record, column=name)
    if values["aim"] not in {a.value for a in QuadrupleAim}:
        problems.add("problem.indicator.bad_choice", record=record, column="aim", value=values["aim"])
    if values["kind"] not in {k.value for k in IndicatorKind}:
        problems.add("problem.indicator.bad_choice", record=record, column="kind", value=values["kind"])
    if values["polarity"] not in {p.value for p in Polarity}:
        problems.add(
            "problem.indicator.bad_choice", record=record, column="polarity", value=values["polarity"]
        )
    if values["component"] is not None and values["component"] not in INTEGRATED_CARE_COMPONENTS:
        problems.add(
            "problem.indicator.bad_choice", record=record, column="component", value=values["component"]
        )
    if not isinstance(values["decimals"], int) or not 0 <= values["decimals"] <= 4:
        problems.add(
            "problem.indicator.bad_decimals", record=record, column="decimals", value=values["decimals"]
        )
    ends = {}
    for which in ("baseline", "target"):
        period, value = values[f"{which}_period"], values[f"{which}_value"]
        if period:
            values[f"{which}_period"] = period = normalise_period(period)
            try:
                ends[which] = period_end(period)
            except ValueError:
                problems.add(
                    "problem.indicator.bad_period", record=record, column=f"{which}_period", value=period
                )
        if (value is None) != (not period):
            problems.add("problem.indicator.value_and_period", record=record, column=f"{which}_value")
    if len(ends) == 2 and ends["target"] <= ends["baseline"]:
        problems.add(
            "problem.indicator.target_before_baseline",
            record=record,
            column="target_period",
            value=values["target_period"],
            baseline=values["baseline_period"],
        )
    return values


def save_indicator(
    actor: Actor, data: IndicatorInput, indicator_id: int | None = None, *, version: int | None = None
) -> int:
    """Add an indicator to the project's catalogue, or change one (coordinators, admins), with
    the actions it is linked to; returns its id. An indicator the app computes keeps its
    definition: only its baseline, target, owner, data source and links change.

    `version`: the definition's version the user saw; a save over a newer one is refused
    (ConflictError), as is one that loses the race with a simultaneous save."""
    require(actor, Permission.enter_indicator_values)
    try:
        return _save_indicator(actor, data, indicator_id, version)
    except StaleDataError:  # saved by someone else between our read and our write
        raise ConflictError("error.indicator_conflict", code=(data.code or "").strip().upper()) from None


def _save_indicator(actor: Actor, data: IndicatorInput, indicator_id: int | None, version: int | None) -> int:
    with write_scope(actor, Permission.enter_indicator_values) as session:
        indicator = _project_indicator(session, actor, indicator_id) if indicator_id is not None else None
        if indicator is not None and version is not None and indicator.version != version:
            raise ConflictError("error.indicator_conflict", code=indicator.code)
        record = indicator.code if indicator else (data.code or "").strip().upper()
        problems = Problems()
        se_indicator = indicator is not None and indicator.computation == SE_COMPUTATION
        if se_indicator:
            # Its target is the project's, set on the project's settings: checked as such,
            # not taken from the form, not stored on the indicator.
            data = replace(data, target_value=project_se_target(actor.project_id, session))
        values = _check_definition(data, record, problems)
        if indicator is not None and indicator.computation:
            values = {name: values[name] for name in _TARGET_FIELDS}
        if se_indicator:
            values["target_value"] = None
        else:
            clash = session.exec(
                select(Indicator.id).where(
                    Indicator.project_id == actor.project_id, Indicator.code == values["code"]
                )
            ).first()
            if clash is not None and clash != indicator_id:
                problems.add("problem.code_taken", record=record, column="code", value=values["code"])
        actions = set(session.exec(select(Action.id).where(Action.project_id == actor.project_id)).all())
        for action_id in data.action_ids:
            if action_id not in actions:
                problems.add("problem.indicator.bad_action", record=record, column="actions", value=action_id)
        if problems:
            raise ValidationFailed(problems.items)
        if indicator is None:
            indicator = Indicator(project_id=actor.project_id, **values)
            session.add(indicator)
            session.flush()
        else:
            for name, value in values.items():
                setattr(indicator, name, value)
        wanted = set(data.action_ids)
        linked = set(linked_action_ids(session, indicator.id))  # type: ignore[arg-type]
        if wanted != linked and indicator_id is not None:
            flag_modified(indicator, "code")  # its links are part of the definition: versioned
        if linked - wanted:
            session.exec(
                delete(IndicatorAction).where(  # type: ignore[call-overload]
                    IndicatorAction.indicator_id == indicator.id,
                    IndicatorAction.action_id.in_(linked - wanted),
                )
            )  # type: ignore[attr-defined]
        session.add_all(
            IndicatorAction(indicator_id=indicator.id, action_id=action_id)  # type: ignore[arg-type]
            for action_id in sorted(wanted - linked)
        )
        mark_changed(session, Area.evaluation)
        return indicator.id  # type: ignore[return-value]
