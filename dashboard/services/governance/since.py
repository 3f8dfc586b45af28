"""Since the last meeting: everything that changed in a project between the previous meeting
(or a chosen day) and now, as plain data (no labels; `presenters.governance` puts it in words).

One entry point, `changes_since(actor, since=None, *, meeting_id=None)`:

- `since` given: changes from the start of that day (Brussels time) up to now;
- else the window starts the day after the previous meeting: the latest meeting held before
  today, or before the meeting `meeting_id` when one is given (its first agenda item); without
  any previous meeting, the last `DEFAULT_DAYS` days;
- the window ends today, or on the day of the meeting `meeting_id` when it is already past.

Counts of respondents below 5 never leave this module: a small wave's respondents and means
are None (`suppressed`), and the risk strata's moves come from the Risk map's suppressed cells.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import polars as pl
from sqlmodel import Session, select

from dashboard.errors import InvalidInput, NotFound
from dashboard.permissions import Permission
from dashboard.services.access import Actor, require
from dashboard.services.actions import portfolio
from dashboard.services.evaluation import indicators as indicator_service
from dashboard.services.evaluation import indicator_status
from dashboard.services.evaluation import maturity as maturity_service
from dashboard.services.governance.evidence import REVIEW_HORIZON_DAYS, display_names
from dashboard.services.partners import surveys as survey_service
from dashboard.services.population import risk as risk_service
from dashboard.services.suppression import SMALL_CELL_THRESHOLD
from data_loaders.periods import period_end
from models.db import read_frame, session_scope
from models.tables import (
    Action,
    Decision,
    DecisionConditionReview,
    ImportLog,
    Indicator,
    IndicatorValue,
    IndicatorValueChange,
    Meeting,
    Partner,
)
from dashboard import clock

BRUSSELS = "Europe/Brussels"
DEFAULT_DAYS = 30  # the window without any previous meeting
# The action fields whose changes are reported (care regions are kept as one field).
ACTION_FIELDS = ("status", "planned_start", "planned_end", "actual_start", "actual_end", "lead_partner_id")
LINK_FIELDS = ("care_regions",)
REVIEW_STATUSES = ("idea", "planned", "in_progress", "on_hold")
TOP_MOVES = 3  # strata moves reported per new risk year
SATISFACTION = "satisfaction"  # the survey's headline dimension


@dataclass(frozen=True)
class MeetingRef:
    meeting_id: int
    held_on: dt.date
    title: str


@dataclass(frozen=True)
class ActionFieldChange:
    """One field of one action changed. `field`: status, planned_start, planned_end,
    actual_start, actual_end, lead_partner or care_regions; `old` / `new`: a status key, an ISO
    date, a partner's name, or care-region names joined by "; " (None: empty)."""

    action_id: int
    code: str
    title: str
    field: str
    old: str | None
    new: str | None
    changed_at: dt.datetime  # UTC
    changed_by: str  # the display name
    source: str  # vocab.ChangeSource


@dataclass(frozen=True)
class ActionRef:
    action_id: int
    code: str
    title: str
    status: str
    planned_end: dt.date | None


@dataclass(frozen=True)
class DecisionItem:
    decision_id: int
    sequence: int
    action_id: int
    code: str
    title: str
    outcome: str  # vocab.DecisionOutcome
    recorded_at: dt.datetime
    recorded_by: str
    is_correction: bool
    review_date: dt.date | None


@dataclass(frozen=True)
class ConditionCheck:
    sequence: int  # the decision's number in the log
    code: str
    title: str
    met: bool
    recorded_at: dt.datetime
    recorded_by: str


@dataclass(frozen=True)
class ReviewItem:
    action_id: int
    code: str
    title: str
    review_date: dt.date
    overdue: bool  # else due within REVIEW_HORIZON_DAYS


@dataclass(frozen=True)
class IndicatorValueItem:
    """A project-wide value entered, imported or computed in the window (the latest of its
    period). `value` is None when the small-cell rule hides it (`suppressed`)."""

    code: str
    names: dict[str, str]  # {"fr": ..., "nl": ..., "en": ...}
    unit: str
    decimals: int
    period: str
    value: float | None
    suppressed: bool
    is_new: bool  # the period had no value before


@dataclass(frozen=True)
class IndicatorStatusChange:
    code: str
    names: dict[str, str]
    before: str  # indicators.STATUSES
    after: str


@dataclass(frozen=True)
class SurveyWaveItem:
    """A wave imported or closed in the window, against the wave before it. Every figure is
    None when its group has fewer than 5 respondents (`suppressed`: the wave itself)."""

    wave_id: int
    name: str
    previous_name: str | None
    respondents: int | None
    suppressed: bool
    satisfaction: float | None  # mean of the overall-satisfaction dimension
    satisfaction_low: float | None  # 95 % interval, as on the Surveys page
    satisfaction_high: float | None
    change: float | None  # since the previous wave
    change_low: float | None
    change_high: float | None
    verdict: str | None  # improved, declined, stable (surveys.wave_change)
    improved: int | None  # dimensions that moved more than the noise
    declined: int | None


@dataclass(frozen=True)
class StratumMove:
    region_id: int
    region_code: str
    region_name: str
    stratum: int
    share_before: float  # %, of the region's population
    share_after: float
    change: float  # percentage points


@dataclass(frozen=True)
class RiskYearItem:
    year: int
    base_year: int | None  # the year before it in the data (None: the first year)
    moves: list[StratumMove]  # the largest moves, suppressed cells left out


@dataclass(frozen=True)
class DimensionMove:
    dimension: int
    before: int | None  # the previous round's consensus
    after: int


@dataclass(frozen=True)
class MaturityItem:
    round_id: int
    name: str
    held_on: dt.date
    new_round: bool  # held in the window
    consensus: bool  # its consensus was recorded in the window
    moves: list[DimensionMove]  # consensus scores that differ from the previous round's


@dataclass(frozen=True)
class SinceReport:
    since: dt.date  # first day counted
    until: dt.date  # last day counted
    meeting: MeetingRef | None  # the previous meeting the window starts after
    action_changes: list[ActionFieldChange] = field(default_factory=list)
    new_actions: list[ActionRef] = field(default_factory=list)
    became_late: list[ActionRef] = field(default_factory=list)
    decisions: list[DecisionItem] = field(default_factory=list)
    condition_checks: list[ConditionCheck] = field(default_factory=list)
    reviews: list[ReviewItem] = field(default_factory=list)
    indicator_values: list[IndicatorValueItem] = field(default_factory=list)
    indicator_statuses: list[IndicatorStatusChange] = field(default_factory=list)
    survey_waves: list[SurveyWaveItem] = field(default_factory=list)
    risk_years: list[RiskYearItem] = field(default_factory=list)
    maturity: list[MaturityItem] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not any(
            (
                self.action_changes,
                self.new_actions,
                self.became_late,
                self.decisions,
                self.condition_checks,
                self.reviews,
                self.indicator_values,
                self.indicator_statuses,
                self.survey_waves,
                self.risk_years,
                self.maturity,
            )
        )


def _start_of(day: dt.date) -> dt.datetime:
    """Midnight of `day` in Brussels, in UTC."""
    from zoneinfo import ZoneInfo

    return dt.datetime.combine(day, dt.time(), ZoneInfo(BRUSSELS)).astimezone(dt.UTC)


def _in_window(column: str, start: dt.datetime, end: dt.datetime) -> pl.Expr:
    """Timestamps (stored in UTC; naive ones taken as UTC) in [start, end)."""
    moment = pl.col(column)
    return (moment >= start) & (moment < end)


def _utc(frame: pl.DataFrame, *columns: str) -> pl.DataFrame:
    return frame.with_columns(
        (
            pl.col(c).dt.replace_time_zone("UTC")
            if frame.schema[c].time_zone is None  # type: ignore[union-attr]
            else pl.col(c).dt.convert_time_zone("UTC")
        )
        for c in columns
        if c in frame.columns
    )


def _window(
    session: Session, project_id: int, since: dt.date | None, meeting_id: int | None, today: dt.date
) -> tuple[dt.date, dt.date, MeetingRef | None]:
    until = today
    before = today
    if meeting_id is not None:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None or meeting.project_id != project_id:
            raise NotFound("error.not_found")
        until = min(today, meeting.held_on)
        before = meeting.held_on
    previous = None
    if since is None:
        previous = session.exec(
            select(Meeting)
            .where(Meeting.project_id == project_id, Meeting.held_on < before)
            .order_by(Meeting.held_on.desc(), Meeting.id.desc())  # type: ignore[attr-defined]
        ).first()
        since = (
            previous.held_on + dt.timedelta(days=1) if previous else until - dt.timedelta(days=DEFAULT_DAYS)
        )
    if since > until:
        raise InvalidInput("error.since_after_today")
    ref = MeetingRef(previous.id, previous.held_on, previous.title) if previous else None  # type: ignore[arg-type]
    return since, until, ref


def changes_since(
    actor: Actor,
    since: dt.date | None = None,
    *,
    meeting_id: int | None = None,
    today: dt.date | None = None,
) -> SinceReport:
    """What changed in the actor's project in the window (module docstring), every kind of
    change at once; every role that reads the project may read it."""
    require(actor, Permission.read)
    today = today or clock.today()
    with session_scope() as session:
        since, until, previous = _window(session, actor.project_id, since, meeting_id, today)
        start, end = _start_of(since), _start_of(until + dt.timedelta(days=1))
        report = SinceReport(since, until, previous)
        _actions(session, actor.project_id, report, start, end)
        _governance(session, actor.project_id, report, start, end)
        _indicators(session, actor.project_id, report, start, end)
        _surveys(session, actor.project_id, report, start, end)
        _maturity(session, actor.project_id, report, start, end)
        wanted_years, unknown_years = _risk_years_imported(session, actor.project_id, start, end)
    if wanted_years or unknown_years:
        report.risk_years.extend(_risk_moves(actor, wanted_years, latest=unknown_years))
    return report


# ---------------------------------------------------------------- actions


def _actions(
    session: Session, project_id: int, report: SinceReport, start: dt.datetime, end: dt.datetime
) -> None:
    actions = _utc(portfolio.actions_frame_of(project_id, session), "created_at")
    changes = _utc(portfolio.changes_frame_of(project_id, session), "changed_at")
    partners = dict(
        session.exec(select(Partner.id, Partner.name).where(Partner.project_id == project_id)).all()
    )
    titles = {row["id"]: (row["code"], row["title"]) for row in actions.iter_rows(named=True)}
    window = changes.filter(
        _in_window("changed_at", start, end), pl.col("field").is_in([*ACTION_FIELDS, *LINK_FIELDS])
    )
    for row in window.iter_rows(named=True):
        old, new, name = row["old_value"], row["new_value"], row["field"]
        if name == "lead_partner_id":
            name = "lead_partner"
            old = partners.get(int(old)) if old else None
            new = partners.get(int(new)) if new else None
        code, title = titles[row["action_id"]]
        report.action_changes.append(
            ActionFieldChange(
                row["action_id"],
                code,
                title,
                name,
                old,
                new,
                row["changed_at"],
                row["changed_by_name"],
                row["source"],
            )
        )

    def ref(row: dict) -> ActionRef:
        return ActionRef(row["id"], row["code"], row["title"], row["status"], row["planned_end"])

    for row in actions.filter(_in_window("created_at", start, end)).iter_rows(named=True):
        report.new_actions.append(ref(row))
    since = start.astimezone(dt.UTC)
    before = portfolio.with_late_flag(
        portfolio.reconstruct(actions, changes, since, fields=("status", "planned_end")),
        report.since,
    ).filter(pl.col("late"))
    now = portfolio.with_late_flag(actions, report.until).filter(pl.col("late"))
    for row in now.filter(~pl.col("id").is_in(before["id"].implode())).iter_rows(named=True):
        report.became_late.append(ref(row))


# ---------------------------------------------------------------- governance


def _governance(
    session: Session, project_id: int, report: SinceReport, start: dt.datetime, end: dt.datetime
) -> None:
    titles = dict(
        (row[0], (row[1], row[2]))
        for row in session.exec(
            select(Action.id, Action.code, Action.title).where(Action.project_id == project_id)
        )
    )
    decisions = [
        d
        for d in session.exec(
            select(Decision).where(Decision.project_id == project_id).order_by(Decision.sequence)
        ).all()
    ]
    by_id = {d.id: d for d in decisions}
    checks = session.exec(
        select(DecisionConditionReview)
        .join(Decision, Decision.id == DecisionConditionReview.decision_id)
        .where(Decision.project_id == project_id)
        .order_by(DecisionConditionReview.sequence)
    ).all()

    def inside(moment: dt.datetime) -> bool:
        moment = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
        return start <= moment < end

    recent = [d for d in decisions if inside(d.recorded_at)]
    recent_checks = [c for c in checks if inside(c.recorded_at)]
    names = display_names(session, {d.recorded_by for d in recent} | {c.recorded_by for c in recent_checks})
    for d in recent:
        code, title = titles[d.action_id]
        report.decisions.append(
            DecisionItem(
                d.id,  # type: ignore[arg-type]
                d.sequence,
                d.action_id,
                code,
                title,
                d.outcome,
                d.recorded_at,
                names[d.recorded_by],
                d.supersedes_id is not None,
                d.review_date,
            )
        )
    for c in recent_checks:
        decision = by_id[c.decision_id]
        code, title = titles[decision.action_id]
        report.condition_checks.append(
            ConditionCheck(decision.sequence, code, title, c.met, c.recorded_at, names[c.recorded_by])
        )
    horizon = report.until + dt.timedelta(days=REVIEW_HORIZON_DAYS)
    due = session.exec(
        select(Action)
        .where(
            Action.project_id == project_id,
            Action.review_date.is_not(None),  # type: ignore[union-attr]
            Action.review_date <= horizon,  # type: ignore[operator]
            Action.status.in_(REVIEW_STATUSES),  # type: ignore[attr-defined]
        )
        .order_by(Action.review_date, Action.code)
    ).all()
    for action in due:
        report.reviews.append(
            ReviewItem(
                action.id, action.code, action.title, action.review_date, action.review_date < report.until
            )  # type: ignore[arg-type]
        )


# ---------------------------------------------------------------- indicators


def _names(row: dict) -> dict[str, str]:
    return {lang: row[f"name_{lang}"] or row["name_fr"] for lang in ("fr", "nl", "en")}


def _indicators(
    session: Session, project_id: int, report: SinceReport, start: dt.datetime, end: dt.datetime
) -> None:
    changes = _utc(
        read_frame(
            select(
                IndicatorValueChange.indicator_id,
                IndicatorValueChange.period,
                IndicatorValueChange.old_value,
                IndicatorValueChange.changed_at,
                IndicatorValueChange.id,
            )
            .join(Indicator, Indicator.id == IndicatorValueChange.indicator_id)
            .where(Indicator.project_id == project_id, IndicatorValueChange.region_id.is_(None)),  # type: ignore[union-attr]
            session,
        ),
        "changed_at",
    )
    later = changes.filter(pl.col("changed_at") >= start).sort("changed_at", "id")
    # The value each period had when the window opened: the old value of its first later change.
    at_start = later.group_by("indicator_id", "period", maintain_order=True).first()
    window = later.filter(pl.col("changed_at") < end)
    overview = indicator_service.overview_of(project_id, session, today=report.until)
    definitions = {row["id"]: row for row in overview.iter_rows(named=True)}
    if window.height:
        shown = indicator_service.values_frame(project_id, session=session).filter(
            pl.col("region_id").is_null()
        )
        current = {(r["indicator_id"], r["period"]): r for r in shown.iter_rows(named=True)}
        for row in (
            at_start.join(window.select("indicator_id", "period").unique(), on=["indicator_id", "period"])
            .sort("indicator_id", "period")
            .iter_rows(named=True)
        ):
            value = current.get((row["indicator_id"], row["period"]))
            definition = definitions.get(row["indicator_id"])
            if value is None or definition is None:  # deleted since
                continue
            report.indicator_values.append(
                IndicatorValueItem(
                    definition["code"],
                    _names(definition),
                    definition["unit"],
                    definition["decimals"],
                    row["period"],
                    value["value"],
                    bool(value["value_suppressed"]),
                    row["old_value"] is None,
                )
            )
    # The status each indicator had when the window opened, from the values as they stood.
    raw = read_frame(
        select(IndicatorValue.indicator_id, IndicatorValue.period, IndicatorValue.value)
        .join(Indicator, Indicator.id == IndicatorValue.indicator_id)
        .where(Indicator.project_id == project_id, IndicatorValue.region_id.is_(None)),  # type: ignore[union-attr]
        session,
    )
    undone = at_start.select(
        "indicator_id", "period", pl.col("old_value").alias("__old"), pl.lit(True).alias("__later")
    )
    past = (
        raw.join(undone, on=["indicator_id", "period"], how="full", coalesce=True)
        .with_columns(
            pl.when(pl.col("__later")).then(pl.col("__old")).otherwise(pl.col("value")).alias("value")
        )
        .filter(pl.col("value").is_not_null())
    )
    day_before = report.since - dt.timedelta(days=1)
    latest: dict[int, tuple[str, float]] = {}
    for row in past.iter_rows(named=True):
        kept = latest.get(row["indicator_id"])
        if kept is None or period_end(row["period"]) > period_end(kept[0]):
            latest[row["indicator_id"]] = (row["period"], row["value"])
    for indicator_id, definition in definitions.items():
        period, value = latest.get(indicator_id, (None, None))
        before = indicator_status.trajectory_status(
            value=value,
            period=period,
            baseline_value=definition["baseline_value"],
            baseline_period=definition["baseline_period"],
            target_value=definition["target_value"],
            target_period=definition["target_period"],
            polarity=definition["polarity"],
            today=day_before,
        ).status
        if before != definition["status"]:
            report.indicator_statuses.append(
                IndicatorStatusChange(definition["code"], _names(definition), before, definition["status"])
            )


# ---------------------------------------------------------------- surveys


def _surveys(
    session: Session, project_id: int, report: SinceReport, start: dt.datetime, end: dt.datetime
) -> None:
    imported = set()
    for summary, at in session.exec(
        select(ImportLog.summary, ImportLog.imported_at).where(
            ImportLog.project_id == project_id, ImportLog.kind == "survey"
        )
    ).all():
        at = at if at.tzinfo else at.replace(tzinfo=dt.UTC)
        if start <= at < end:
            imported.add((summary or {}).get("wave"))
    data = survey_service.load_survey_data_of(project_id, session)
    waves = data.waves.sort("wave_order")
    closed = waves.filter(
        pl.col("closed_on").is_not_null(),
        pl.col("closed_on") >= report.since,
        pl.col("closed_on") <= report.until,
    )
    new = [
        r
        for r in waves.iter_rows(named=True)
        if r["name"] in imported or r["wave_id"] in set(closed["wave_id"])
    ]
    if not new:
        return
    order = waves["wave_id"].to_list()
    names = dict(waves.select("wave_id", "name").iter_rows())
    counts = dict(data.respondents.group_by("wave_id").len().iter_rows())
    for wave in new:
        wave_id = wave["wave_id"]
        position = order.index(wave_id)
        previous = order[position - 1] if position else None
        n = counts.get(wave_id, 0)
        small = n < SMALL_CELL_THRESHOLD
        # The Surveys page's own figures: means and changes at their safe precision.
        shown = survey_service.build_report(data, wave_id, survey_service.ALL_CATEGORIES, previous)
        satisfaction = shown.dimension_summary.filter(
            pl.col("dimension_code") == SATISFACTION, ~pl.col("respondents_suppressed")
        )
        mean = low = high = None
        if satisfaction.height and not small:
            mean, low, high = satisfaction.select("mean", "low", "high").row(0)
        change = change_low = change_high = verdict = improved = declined = None
        if previous is not None and not small:
            moved = shown.change.filter(~pl.col("suppressed"))
            if moved.height:
                improved = moved.filter(pl.col("verdict") == "improved").height
                declined = moved.filter(pl.col("verdict") == "declined").height
                headline = moved.filter(pl.col("dimension_code") == SATISFACTION)
                if headline.height:
                    change, change_low, change_high, verdict = headline.select(
                        "change", "low", "high", "verdict"
                    ).row(0)
        report.survey_waves.append(
            SurveyWaveItem(
                wave_id,
                wave["name"],
                names.get(previous) if previous is not None else None,
                None if small else n,
                small,
                mean,
                low,
                high,
                change,
                change_low,
                change_high,
                verdict,
                improved,
                declined,
            )
        )


# ---------------------------------------------------------------- risk


def _risk_years_imported(
    session: Session, project_id: int, start: dt.datetime, end: dt.datetime
) -> tuple[list[int], bool]:
    """The years of the risk files imported in the window, and whether an import in the window
    did not record its years (then the latest year of the data stands for it: `_risk_moves`)."""
    logs = session.exec(
        select(ImportLog.summary, ImportLog.imported_at).where(
            ImportLog.project_id == project_id, ImportLog.kind == "risk"
        )
    ).all()
    years: set[int] = set()
    unknown = False
    for summary, at in logs:
        at = at if at.tzinfo else at.replace(tzinfo=dt.UTC)
        if start <= at < end:
            recorded = (summary or {}).get("years")
            if recorded:
                years.update(int(y) for y in recorded)
            else:
                unknown = True
    return sorted(years), unknown


def _risk_moves(actor: Actor, years: list[int], *, latest: bool = False) -> list[RiskYearItem]:
    """Per new year (and the latest year of the data when `latest`): the strata whose share of
    a region's population moved most since the year before, from the Risk map's suppressed
    cells (a hidden share on either side is left out)."""
    known = risk_service.years(actor)  # one indexed DISTINCT; never the counts themselves
    if latest and known:
        years = sorted({*years, known[-1]})
    regions = {
        r["id"]: (r["code"], r["name"]) for r in risk_service.regions_frame(actor).iter_rows(named=True)
    }
    items = []
    for year in years:
        if year not in known:
            continue
        earlier = [y for y in known if y < year]
        base = earlier[-1] if earlier else None
        moves: list[StratumMove] = []
        if base is not None:
            shares = risk_service.stratum_shares(risk_service.load_year_cells(actor, [base, year])).filter(
                pl.col("region_id") != risk_service.PROJECT, pl.col("share").is_not_null()
            )
            joined = (
                shares.filter(pl.col("year") == base)
                .select("region_id", "stratum", pl.col("share").alias("before"))
                .join(
                    shares.filter(pl.col("year") == year).select(
                        "region_id", "stratum", pl.col("share").alias("after")
                    ),
                    on=["region_id", "stratum"],
                )
                .with_columns(((pl.col("after") - pl.col("before")) * 100).alias("change"))
                .with_columns(pl.col("change").abs().alias("__size"))
                .filter(pl.col("__size") > 0)
                .sort("__size", "region_id", "stratum", descending=[True, False, False])
                .head(TOP_MOVES)
            )
            for row in joined.iter_rows(named=True):
                code, name = regions.get(row["region_id"], ("", ""))
                moves.append(
                    StratumMove(
                        row["region_id"],
                        code,
                        name,
                        row["stratum"],
                        100 * row["before"],
                        100 * row["after"],
                        row["change"],
                    )
                )
        items.append(RiskYearItem(year, base, moves))
    return items


# ---------------------------------------------------------------- maturity


def _maturity(
    session: Session, project_id: int, report: SinceReport, start: dt.datetime, end: dt.datetime
) -> None:
    rounds = maturity_service.rounds_frame_of(project_id, session)
    consensus = _utc(maturity_service.consensus_frame_of(project_id, session), "recorded_at")
    recorded = set(consensus.filter(_in_window("recorded_at", start, end))["round_id"].to_list())
    order = rounds["id"].to_list()
    for row in rounds.iter_rows(named=True):
        new_round = report.since <= row["held_on"] <= report.until
        if not new_round and row["id"] not in recorded:
            continue
        moves = []
        if row["id"] in recorded:
            position = order.index(row["id"])
            previous = order[position - 1] if position else None
            before = dict(
                consensus.filter(pl.col("round_id") == previous).select("dimension", "score").iter_rows()
            )
            for dimension, score in (
                consensus.filter(pl.col("round_id") == row["id"]).select("dimension", "score").iter_rows()
            ):
                if before.get(dimension) != score:
                    moves.append(DimensionMove(dimension, before.get(dimension), score))
        report.maturity.append(
            MaturityItem(row["id"], row["name"], row["held_on"], new_round, row["id"] in recorded, moves)
        )
