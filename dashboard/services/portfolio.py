"""The portfolio of actions: reads as polars frames, and the pure computations shown on the
Portfolio, Gantt and Home pages (late actions, social-entrepreneurship share, states as of a date
reconstructed from the change history)."""

from __future__ import annotations

import datetime as dt

import polars as pl
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from models.db import read_frame
from models.tables import (
    Action, ActionChange, ActionPartner, ActionRegion, CareRegion, Objective, Partner,
)
from models.vocab import ActionStatus

# Statuses in which an action past its planned end counts as late.
OPEN_STATUSES = (ActionStatus.planned, ActionStatus.in_progress, ActionStatus.on_hold)
# Statuses that count in the social-entrepreneurship share (ideas are not yet in the portfolio,
# stopped actions no longer are).
SHARE_STATUSES = (ActionStatus.planned, ActionStatus.in_progress, ActionStatus.on_hold,
                  ActionStatus.done)
# Fields whose past values the history lets us reconstruct, with their polars types.
TRACKED_FIELDS: dict[str, pl.DataType] = {
    "status": pl.String(), "title": pl.String(), "planned_start": pl.Date(),
    "planned_end": pl.Date(), "actual_start": pl.Date(), "actual_end": pl.Date(),
    "review_date": pl.Date(), "social_entrepreneurship": pl.Boolean(),
    "target_stratum": pl.Int64(), "lead_partner_id": pl.Int64(), "budget_eur": pl.Float64(),
    "time_bank_hours": pl.Float64(),
}


def natural_code_key(column: str = "code") -> pl.Expr:
    """A sort key that orders "2.10.1" after "2.9.1" (each part zero-padded)."""
    return (pl.col(column).str.split(".")
            .list.eval(pl.element().str.zfill(5)).list.join("."))


def actions_frame(project_id: int, session: Session | None = None) -> pl.DataFrame:
    """Every action of the project with its place in the hierarchy, lead partner, care regions
    and partners, sorted by code."""
    operational = aliased(Objective)
    strategic = aliased(Objective)
    statement = (
        select(
            Action.id, Action.code, Action.title, Action.description, Action.status,
            Action.planned_start, Action.planned_end, Action.actual_start, Action.actual_end,
            Action.lead_partner_id, Partner.name.label("lead_partner"),  # type: ignore[attr-defined]
            Action.target_stratum, Action.social_entrepreneurship, Action.budget_eur,
            Action.time_bank_hours, Action.review_date, Action.version, Action.created_at,
            Action.updated_at, Action.updated_by, Action.objective_id,
            operational.code.label("objective_code"),  # type: ignore[attr-defined]
            operational.title.label("objective_title"),  # type: ignore[attr-defined]
            strategic.code.label("strategic_code"),  # type: ignore[attr-defined]
            strategic.title.label("strategic_title"),  # type: ignore[attr-defined]
        )
        .join(operational, operational.id == Action.objective_id)
        .join(strategic, strategic.id == operational.parent_id, isouter=True)
        .join(Partner, Partner.id == Action.lead_partner_id, isouter=True)
        .where(Action.project_id == project_id)
    )
    actions = read_frame(statement, session)
    regions = read_frame(
        select(ActionRegion.action_id, CareRegion.code, CareRegion.name)
        .join(CareRegion, CareRegion.id == ActionRegion.region_id)
        .where(CareRegion.project_id == project_id), session,
    ).sort("code").group_by("action_id").agg(
        pl.col("code").alias("region_codes"), pl.col("name").alias("region_names"))
    partners = read_frame(
        select(ActionPartner.action_id, Partner.name)
        .join(Partner, Partner.id == ActionPartner.partner_id)
        .where(Partner.project_id == project_id), session,
    ).sort("name").group_by("action_id").agg(pl.col("name").alias("partner_names"))
    return (
        actions.join(regions, left_on="id", right_on="action_id", how="left")
        .join(partners, left_on="id", right_on="action_id", how="left")
        .with_columns(
            pl.col("region_codes").fill_null(pl.lit([], dtype=pl.List(pl.String))),
            pl.col("region_names").fill_null(pl.lit([], dtype=pl.List(pl.String))),
            pl.col("partner_names").fill_null(pl.lit([], dtype=pl.List(pl.String))),
        )
        .sort(natural_code_key())
    )


def changes_frame(project_id: int, session: Session | None = None) -> pl.DataFrame:
    statement = (
        select(ActionChange.id, ActionChange.action_id, ActionChange.changed_at,
               ActionChange.changed_by, ActionChange.field, ActionChange.old_value,
               ActionChange.new_value, ActionChange.source, ActionChange.decision_id)
        .join(Action, Action.id == ActionChange.action_id)
        .where(Action.project_id == project_id)
        .order_by(ActionChange.changed_at, ActionChange.id)
    )
    return read_frame(statement, session)


def _parse_history(expr: pl.Expr, dtype: pl.DataType) -> pl.Expr:
    if dtype == pl.Date():
        return expr.str.to_date("%Y-%m-%d", strict=False)
    if dtype == pl.Boolean():
        return expr == "true"
    if dtype == pl.String():
        return expr
    return expr.cast(dtype, strict=False)


def reconstruct(actions: pl.DataFrame, changes: pl.DataFrame,
                moment: dt.datetime | None = None) -> pl.DataFrame:
    """The actions as they stood at `moment`, from their current values and their history.

    A field changed after `moment` takes the old value of its first such change. Actions
    created after `moment` are left out. With `moment=None`, every change is undone: the actions
    as first recorded (the plan as first approved).
    """
    later = changes
    frame = actions
    if moment is not None:
        later = changes.filter(pl.col("changed_at") > moment)
        frame = actions.filter(pl.col("created_at") <= moment)
    fields = [f for f in TRACKED_FIELDS if f in frame.columns]
    first_later = (later.filter(pl.col("field").is_in(fields))
                   .sort("changed_at", "id").group_by("action_id", "field", maintain_order=True)
                   .first())
    for field in fields:
        olds = (first_later.filter(pl.col("field") == field)
                .select("action_id", pl.col("old_value").alias("__old"),
                        pl.lit(True).alias("__changed")))
        frame = (
            frame.join(olds, left_on="id", right_on="action_id", how="left")
            .with_columns(
                pl.when(pl.col("__changed"))
                .then(_parse_history(pl.col("__old"), TRACKED_FIELDS[field]))
                .otherwise(pl.col(field)).alias(field))
            .drop("__old", "__changed")
        )
    return frame


def with_late_flag(frame: pl.DataFrame, today: dt.date) -> pl.DataFrame:
    """Adds `late`: the planned end has passed and the action is neither done nor stopped
    (nor still an idea, whose dates are tentative)."""
    return frame.with_columns(
        (pl.col("planned_end").is_not_null() & (pl.col("planned_end") < today)
         & pl.col("status").is_in([s.value for s in OPEN_STATUSES])).alias("late")
    )


def social_entrepreneurship_share(frame: pl.DataFrame) -> tuple[float | None, int, int]:
    """(share, actions counted, actions with the component) over actions in the portfolio."""
    counted = frame.filter(pl.col("status").is_in([s.value for s in SHARE_STATUSES]))
    if counted.height == 0:
        return None, 0, 0
    with_component = int(counted["social_entrepreneurship"].sum())
    return with_component / counted.height, counted.height, with_component


def status_counts(frame: pl.DataFrame) -> dict[str, int]:
    """Actions per status, every status present (zero when none)."""
    counts = dict(frame.group_by("status").len().iter_rows())
    return {status.value: int(counts.get(status.value, 0)) for status in ActionStatus}
