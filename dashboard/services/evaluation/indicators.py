"""Self-evaluation indicators, the reads: the overview (latest value, status and progress of
each indicator), the values as they may be shown, one indicator's detail, the catalogue and the
export. Their parts: `indicator_values` (checks, small cells, storing values),
`indicator_status` (the status against the trajectory), `indicator_definitions` (the catalogue
and its edits), `computed_indicators` (the indicators the app computes from its own data)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import polars as pl
from sqlmodel import Session, select

from dashboard import clock
from dashboard.errors import NotFound
from dashboard.i18n import fallback_order
from dashboard.permissions import Permission
from dashboard.services.actions import portfolio
from dashboard.services.access import Actor, require
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
from dashboard.services.evaluation.indicator_status import progress_towards_target, trajectory_status
from dashboard.services.evaluation.indicator_values import (
    is_proportion,
    suppress_history,
    suppress_values,
    value_scale,
)

# Indicators the app computes whose numerator and denominator count actions, not persons.
COUNTS_OF_ACTIONS = frozenset({"social_entrepreneurship_share", "actions_on_time"})
# The indicator whose target is the project's social-entrepreneurship target: one value, stored
# on the project (Project.social_entrepreneurship_target, a share 0..1, set by an admin) and
# shown by the indicator in %; the indicator's own target_value is left empty (migration 0003).
SE_COMPUTATION = "social_entrepreneurship_share"


# ---------------------------------------------------------------- catalogue


# ---------------------------------------------------------------- values: units and checks


# ---------------------------------------------------------------- small cells


# ---------------------------------------------------------------- computed indicators


# ---------------------------------------------------------------- status against trajectory


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
            "data_source",
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


# ---------------------------------------------------------------- writes
