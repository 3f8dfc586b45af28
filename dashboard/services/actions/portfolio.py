"""The portfolio of actions: reads as polars frames, and the pure computations shown on the
Portfolio, Gantt and Home pages (late actions, social-entrepreneurship share, states as of a date
reconstructed from the change history)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl
from sqlalchemy.orm import aliased
from sqlmodel import Session, func, select

from dashboard.errors import NotFound
from dashboard.permissions import Permission
from dashboard.services.access import Actor, require
from data_loaders.fields import contains_text
from models.db import read_frame, session_scope
from models.tables import (
    Action,
    ActionChange,
    ActionPartner,
    ActionRegion,
    CareRegion,
    Decision,
    Objective,
    Partner,
    User,
)
from models.vocab import ActionStatus

# Statuses in which an action past its planned end counts as late.
OPEN_STATUSES = (ActionStatus.planned, ActionStatus.in_progress, ActionStatus.on_hold)
# Statuses that count in the social-entrepreneurship share (ideas are not yet in the portfolio,
# stopped actions no longer are).
SHARE_STATUSES = (ActionStatus.planned, ActionStatus.in_progress, ActionStatus.on_hold, ActionStatus.done)
# What the social-entrepreneurship share depends on.
SHARE_FIELDS = ("status", "social_entrepreneurship")
# Fields whose past values the history lets us reconstruct, with their polars types.
TRACKED_FIELDS: dict[str, pl.DataType] = {
    "status": pl.String(),
    "title": pl.String(),
    "planned_start": pl.Date(),
    "planned_end": pl.Date(),
    "actual_start": pl.Date(),
    "actual_end": pl.Date(),
    "review_date": pl.Date(),
    "social_entrepreneurship": pl.Boolean(),
    "target_stratum": pl.Int64(),
    "lead_partner_id": pl.Int64(),
    "budget_eur": pl.Float64(),
    "time_bank_hours": pl.Float64(),
}


def natural_code_key(column: str = "code") -> pl.Expr:
    """A sort key that orders "2.10.1" after "2.9.1" (each part zero-padded)."""
    return pl.col(column).str.split(".").list.eval(pl.element().str.zfill(5)).list.join(".")


def actions_frame(actor: Actor) -> pl.DataFrame:
    """Every action of the actor's project (see `actions_frame_of`)."""
    require(actor, Permission.read)
    return actions_frame_of(actor.project_id)


def actions_frame_of(project_id: int, session: Session | None = None) -> pl.DataFrame:
    """Every action of the project with its place in the hierarchy, lead partner, care regions
    and partners, sorted by code."""
    operational = aliased(Objective)
    strategic = aliased(Objective)
    statement = (
        select(
            Action.id,
            Action.code,
            Action.title,
            Action.description,
            Action.status,
            Action.planned_start,
            Action.planned_end,
            Action.actual_start,
            Action.actual_end,
            Action.lead_partner_id,
            Partner.name.label("lead_partner"),  # type: ignore[attr-defined]
            Action.target_stratum,
            Action.social_entrepreneurship,
            Action.budget_eur,
            Action.time_bank_hours,
            Action.review_date,
            Action.version,
            Action.created_at,
            Action.updated_at,
            Action.updated_by,
            # Who is named on screen: the display name (the login name when there is none).
            func.coalesce(User.display_name, Action.updated_by).label("updated_by_name"),
            Action.objective_id,
            operational.code.label("objective_code"),  # type: ignore[attr-defined]
            operational.title.label("objective_title"),  # type: ignore[attr-defined]
            strategic.code.label("strategic_code"),  # type: ignore[attr-defined]
            strategic.title.label("strategic_title"),  # type: ignore[attr-defined]
        )
        .join(operational, operational.id == Action.objective_id)
        .join(strategic, strategic.id == operational.parent_id, isouter=True)
        .join(Partner, Partner.id == Action.lead_partner_id, isouter=True)
        .join(User, User.username == Action.updated_by, isouter=True)
        .where(Action.project_id == project_id)
    )
    actions = read_frame(statement, session)
    regions = (
        read_frame(
            select(ActionRegion.action_id, CareRegion.code, CareRegion.name)
            .join(CareRegion, CareRegion.id == ActionRegion.region_id)
            .where(CareRegion.project_id == project_id),
            session,
        )
        .sort("code")
        .group_by("action_id")
        .agg(pl.col("code").alias("region_codes"), pl.col("name").alias("region_names"))
    )
    partners = (
        read_frame(
            select(ActionPartner.action_id, Partner.name)
            .join(Partner, Partner.id == ActionPartner.partner_id)
            .where(Partner.project_id == project_id),
            session,
        )
        .sort("name")
        .group_by("action_id")
        .agg(pl.col("name").alias("partner_names"))
    )
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


def changes_frame(actor: Actor) -> pl.DataFrame:
    """The change history of every action of the actor's project, oldest first."""
    require(actor, Permission.read)
    return changes_frame_of(actor.project_id)


def changes_frame_of(project_id: int, session: Session | None = None) -> pl.DataFrame:
    statement = (
        select(
            ActionChange.id,
            ActionChange.action_id,
            ActionChange.changed_at,
            ActionChange.changed_by,
            func.coalesce(User.display_name, ActionChange.changed_by).label("changed_by_name"),
            ActionChange.field,
            ActionChange.old_value,
            ActionChange.new_value,
            ActionChange.source,
            ActionChange.decision_id,
        )
        .join(Action, Action.id == ActionChange.action_id)
        .join(User, User.username == ActionChange.changed_by, isouter=True)
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


def reconstruct(
    actions: pl.DataFrame,
    changes: pl.DataFrame,
    moment: dt.datetime | None = None,
    fields: tuple[str, ...] | None = None,
) -> pl.DataFrame:
    """The actions as they stood at `moment`, from their current values and their history.

    A field changed after `moment` takes the old value of its first such change. Actions
    created after `moment` are left out. With `moment=None`, every change is undone: the actions
    as first recorded (the plan as first approved). `fields` limits the work to the fields a
    computation needs (default: every tracked field).
    """
    later = changes
    frame = actions
    if moment is not None:
        later = changes.filter(pl.col("changed_at") > moment)
        frame = actions.filter(pl.col("created_at") <= moment)
    fields = [f for f in (fields or TRACKED_FIELDS) if f in frame.columns]
    first_later = (
        later.filter(pl.col("field").is_in(fields))
        .sort("changed_at", "id")
        .group_by("action_id", "field", maintain_order=True)
        .first()
    )
    for field in fields:
        olds = first_later.filter(pl.col("field") == field).select(
            "action_id", pl.col("old_value").alias("__old"), pl.lit(True).alias("__changed")
        )
        frame = (
            frame.join(olds, left_on="id", right_on="action_id", how="left")
            .with_columns(
                pl.when(pl.col("__changed"))
                .then(_parse_history(pl.col("__old"), TRACKED_FIELDS[field]))
                .otherwise(pl.col(field))
                .alias(field)
            )
            .drop("__old", "__changed")
        )
    return frame


def with_late_flag(frame: pl.DataFrame, today: dt.date) -> pl.DataFrame:
    """Adds `late`: the planned end has passed and the action is neither done nor stopped
    (nor still an idea, whose dates are tentative)."""
    return frame.with_columns(
        (
            pl.col("planned_end").is_not_null()
            & (pl.col("planned_end") < today)
            & pl.col("status").is_in([s.value for s in OPEN_STATUSES])
        ).alias("late")
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


# ---------------------------------------------------------------- filters shared by the pages


@dataclass(frozen=True)
class ActionFilters:
    """What the Portfolio and Gantt pages are narrowed to (empty = no restriction)."""

    strategic_codes: tuple[str, ...] = ()
    objective_codes: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    region_codes: tuple[str, ...] = ()
    lead_partners: tuple[str, ...] = ()
    strata: tuple[int, ...] = ()
    social_entrepreneurship: bool | None = None
    text: str = ""
    late_only: bool = False

    @property
    def active(self) -> bool:
        return self != ActionFilters()


def filter_actions(frame: pl.DataFrame, filters: ActionFilters) -> pl.DataFrame:
    """The actions matching every filter; text matches code, title, description or lead partner,
    without case or accents."""
    conditions = []
    if filters.strategic_codes:
        conditions.append(pl.col("strategic_code").is_in(filters.strategic_codes))
    if filters.objective_codes:
        conditions.append(pl.col("objective_code").is_in(filters.objective_codes))
    if filters.statuses:
        conditions.append(pl.col("status").is_in(filters.statuses))
    if filters.region_codes:
        conditions.append(
            pl.col("region_codes").list.eval(pl.element().is_in(filters.region_codes)).list.any()
        )
    if filters.lead_partners:
        conditions.append(pl.col("lead_partner").is_in(filters.lead_partners))
    if filters.strata:
        conditions.append(pl.col("target_stratum").is_in(filters.strata))
    if filters.social_entrepreneurship is not None:
        conditions.append(pl.col("social_entrepreneurship") == filters.social_entrepreneurship)
    if filters.late_only and "late" in frame.columns:
        conditions.append(pl.col("late"))
    if filters.text.strip():
        conditions.append(contains_text(["code", "title", "description", "lead_partner"], filters.text))
    return frame.filter(*conditions) if conditions else frame


# ---------------------------------------------------------------- what the pages show


def upcoming(frame: pl.DataFrame, today: dt.date, days: int = 90) -> tuple[int, int]:
    """(actions starting, actions ending) within `days` of `today` among those not closed."""
    horizon = today + dt.timedelta(days=days)
    starting = frame.filter(
        pl.col("planned_start").is_between(today, horizon), pl.col("status").is_in(["idea", "planned"])
    ).height
    ending = frame.filter(
        pl.col("planned_end").is_between(today, horizon),
        pl.col("status").is_in([s.value for s in OPEN_STATUSES]),
    ).height
    return starting, ending


def counts_by(frame: pl.DataFrame, column: str) -> pl.DataFrame:
    """Actions per value of `column` (a list column counts an action once per element) and
    status: columns `value`, `status`, `actions`."""
    exploded = (
        frame.explode(column, empty_as_null=True)  # no region: counted as "not given"
        if isinstance(frame.schema[column], pl.List)
        else frame
    )
    return (
        exploded.group_by(pl.col(column).alias("value"), "status")
        .agg(pl.len().alias("actions"))
        .sort("value", "status")
    )


def lead_partner_categories(actor: Actor, frame: pl.DataFrame) -> pl.DataFrame:
    """The frame with `lead_category`, the category of each action's lead partner."""
    require(actor, Permission.read)
    categories = read_frame(
        select(Partner.id, Partner.category).where(Partner.project_id == actor.project_id)
    )
    return frame.join(
        categories.rename({"id": "lead_partner_id", "category": "lead_category"}),
        on="lead_partner_id",
        how="left",
    )


def with_baseline(
    actions: pl.DataFrame, changes: pl.DataFrame, as_of: dt.datetime | None = None
) -> pl.DataFrame:
    """Adds `baseline_start` / `baseline_end`: the planned dates as first approved (as_of None)
    or as they stood at `as_of` (null for actions that did not exist then)."""
    baseline = reconstruct(actions, changes, as_of, ("planned_start", "planned_end")).select(
        "id", pl.col("planned_start").alias("baseline_start"), pl.col("planned_end").alias("baseline_end")
    )
    return actions.join(baseline, on="id", how="left")


def social_entrepreneurship_trend(
    actions: pl.DataFrame, changes: pl.DataFrame, first_year: int, today: dt.date
) -> pl.DataFrame:
    """The share at the end of each year since `first_year` (this year: today): columns `year`,
    `share`, `actions`."""
    rows = []
    for year in range(first_year, today.year + 1):
        moment = min(
            dt.datetime(year, 12, 31, 23, 59, tzinfo=dt.UTC),
            dt.datetime.combine(today, dt.time(23, 59), tzinfo=dt.UTC),
        )
        share, counted, _ = social_entrepreneurship_share(reconstruct(actions, changes, moment, SHARE_FIELDS))
        if share is not None:
            rows.append({"year": year, "share": share, "actions": counted})
    return pl.DataFrame(rows, schema={"year": pl.Int64, "share": pl.Float64, "actions": pl.Int64})


@dataclass(frozen=True)
class ActionDetail:
    action: dict
    partners: list[str]
    regions: list[str]
    history: pl.DataFrame  # changed_at, changed_by, field, old_value, new_value, source, decision
    decisions: pl.DataFrame  # sequence, recorded_at, outcome, conditions, rationale, review_date


def action_detail(actor: Actor, action_id: int) -> ActionDetail:
    require(actor, Permission.read)
    frame = actions_frame(actor).filter(pl.col("id") == action_id)
    if frame.height == 0:
        raise NotFound("error.not_found")
    action = frame.row(0, named=True)
    sequences = read_frame(select(Decision.id, Decision.sequence).where(Decision.action_id == action_id))
    history = (
        changes_frame(actor)
        .filter(pl.col("action_id") == action_id)
        .join(
            sequences.rename({"id": "decision_id", "sequence": "decision_sequence"}),
            on="decision_id",
            how="left",
        )
    )
    partners = dict(
        read_frame(select(Partner.id, Partner.name).where(Partner.project_id == actor.project_id)).iter_rows()
    )
    history = history.with_columns(
        pl.when(pl.col("field") == "lead_partner_id")
        .then(
            pl.col(c)
            .cast(pl.Int64, strict=False)
            .replace_strict(partners, default=pl.col(c), return_dtype=pl.String)
        )
        .otherwise(pl.col(c))
        .alias(c)
        for c in ("old_value", "new_value")
    ).sort("changed_at", "id", descending=True)
    decisions = read_frame(
        select(
            Decision.id,
            Decision.sequence,
            Decision.recorded_at,
            Decision.outcome,
            Decision.conditions,
            Decision.rationale,
            Decision.review_date,
            Decision.supersedes_id,
        )
        .where(Decision.action_id == action_id)
        .order_by(Decision.sequence.desc())  # type: ignore[attr-defined]
    )
    return ActionDetail(
        action, list(action["partner_names"]), list(action["region_names"]), history, decisions
    )


def action_id_by_code(actor: Actor, code: str) -> int | None:
    require(actor, Permission.read)
    """The action of a link such as /portfolio?action=2.3.1; None for any other text (too long
    for a code, or with a NUL, which PostgreSQL refuses in a query)."""
    if len(code) > 32 or "\x00" in code:
        return None
    with session_scope() as session:
        return session.exec(
            select(Action.id).where(Action.project_id == actor.project_id, Action.code == code)
        ).first()


def objectives_frame(actor: Actor) -> pl.DataFrame:
    require(actor, Permission.read)
    project_id = actor.project_id
    return read_frame(
        select(Objective.id, Objective.code, Objective.title, Objective.level, Objective.parent_id).where(
            Objective.project_id == project_id
        )
    ).sort(natural_code_key())


def partners_frame(actor: Actor) -> pl.DataFrame:
    require(actor, Permission.read)
    project_id = actor.project_id
    return read_frame(
        select(Partner.id, Partner.name, Partner.category)
        .where(Partner.project_id == project_id)
        .order_by(Partner.name)
    )


def gantt_rows(frame: pl.DataFrame) -> pl.DataFrame:
    """The actions ready for the Gantt chart: `group` (the strategic objective, as a heading),
    `group_order` and `order` (position by code)."""
    return frame.sort(natural_code_key()).with_columns(
        pl.concat_str([pl.col("strategic_code"), pl.col("strategic_title")], separator=" · ").alias("group"),
        pl.col("strategic_code").cast(pl.Int64, strict=False).alias("group_order"),
        pl.int_range(pl.len()).alias("order"),
    )


def care_regions_frame(actor: Actor) -> pl.DataFrame:
    require(actor, Permission.read)
    project_id = actor.project_id
    return read_frame(
        select(CareRegion.id, CareRegion.code, CareRegion.name)
        .where(CareRegion.project_id == project_id)
        .order_by(CareRegion.name)
    )
