"""An indicator's values: what a value may be (units, checks), which may be shown (small cells),
and how values are stored and changed.

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
from dataclasses import dataclass, field

import polars as pl
from sqlalchemy import insert, update
from sqlmodel import Session, select

from dashboard.errors import NotFound, ValidationFailed
from dashboard.permissions import Permission
from dashboard.services.access import Actor, require
from dashboard.services.suppression import is_small
from dashboard.services.unit_of_work import mark_changed, write_scope
from data_loaders.periods import normalise_period, period_end
from data_loaders.problems import Problems
from models.db import read_frame
from models.tables import (
    CareRegion,
    Indicator,
    IndicatorValue,
    IndicatorValueChange,
)
from models.vocab import (
    SMALL_CELL_THRESHOLD,
    Area,
    ValueSource,
)


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
