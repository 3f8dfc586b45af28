"""The catalogue of datasets: each a polars frame built from an existing, already suppressed
service read, with its data dictionary. Suppressed counts are null, never a number 1-4."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import polars as pl

from dashboard.permissions import Permission
from dashboard.services.access import Actor, require
from dashboard.services.actions.portfolio import actions_frame, changes_frame
from dashboard.services.evaluation.indicators import values_frame
from dashboard.services.evaluation.maturity import consensus_frame, scores_frame_of, spread_by_dimension
from dashboard.services.governance.decisions import log_frame
from dashboard.services.governance.meetings import meetings_list
from dashboard.services.partners.surveys import load_survey_data_of, results_frame
from dashboard.services.population.risk import ALL, ALL_STRATA, load_risk_data


MARGIN = "all"


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    unit: str = ""
    suppressed: bool = False


@dataclass(frozen=True)
class Dataset:
    name: str
    source: str
    fields: tuple[Field, ...]
    frame: pl.DataFrame

    @property
    def count_columns(self) -> list[str]:
        return [f.name for f in self.fields if f.suppressed]


ACTIONS = (
    Field("code", "string"),
    Field("title", "string"),
    Field("status", "string"),
    Field("planned_start", "date"),
    Field("planned_end", "date"),
    Field("actual_start", "date"),
    Field("actual_end", "date"),
    Field("lead_partner", "string"),
    Field("target_stratum", "string"),
    Field("social_entrepreneurship", "boolean"),
    Field("budget_eur", "number", "EUR"),
    Field("time_bank_hours", "number", "h"),
    Field("objective_code", "string"),
    Field("strategic_code", "string"),
    Field("strategic_title", "string"),
    Field("finished_late", "boolean"),
    Field("region_codes", "string"),
)
CHANGES = (
    Field("action_code", "string"),
    Field("changed_at", "datetime"),
    Field("field", "string"),
    Field("old_value", "string"),
    Field("new_value", "string"),
    Field("source", "string"),
    Field("decision_id", "integer"),
)
DECISIONS = (
    Field("id", "integer"),
    Field("sequence", "integer"),
    Field("recorded_at", "datetime"),
    Field("year", "integer"),
    Field("outcome", "string"),
    Field("action_code", "string"),
    Field("meeting_date", "date"),
    Field("review_date", "date"),
    Field("supersedes_id", "integer"),
    Field("superseded_by", "integer"),
    Field("corrected", "boolean"),
    Field("conditions_met", "boolean"),
    Field("conditions_unmet", "boolean"),
    Field("objective_code", "string"),
    Field("strategic_code", "string"),
)
MEETINGS = (
    Field("id", "integer"),
    Field("held_on", "date"),
    Field("title", "string"),
    Field("status", "string"),
)
SURVEYS = (
    Field("wave", "string"),
    Field("category", "string"),
    Field("level", "string"),
    Field("code", "string"),
    Field("label", "string"),
    Field("respondents", "integer", "respondents", suppressed=True),
    Field("respondents_suppressed", "boolean"),
    Field("mean", "number", "points"),
    Field("share_disagree", "number", "share"),
    Field("share_neutral", "number", "share"),
    Field("share_agree", "number", "share"),
)
RISK = (
    Field("year", "integer"),
    Field("region_code", "string"),
    Field("region_name", "string"),
    Field("stratum", "string"),
    Field("age_band", "string"),
    Field("sex", "string"),
    Field("is_margin", "boolean"),
    Field("persons", "integer", "persons", suppressed=True),
    Field("persons_suppressed", "boolean"),
)
INDICATORS = (
    Field("indicator_id", "integer"),
    Field("period", "string"),
    Field("period_end", "date"),
    Field("region_code", "string"),
    Field("region_name", "string"),
    Field("value", "number"),
    Field("numerator", "number", suppressed=True),
    Field("denominator", "number", suppressed=True),
    Field("value_suppressed", "boolean"),
    Field("source", "string"),
)
MATURITY_SCORES = (
    Field("round", "string"),
    Field("held_on", "date"),
    Field("dimension", "string"),
    Field("median", "number", "level"),
    Field("min", "number", "level"),
    Field("max", "number", "level"),
    Field("range", "number", "level"),
    Field("split", "boolean"),
)
MATURITY_CONSENSUS = (
    Field("round", "string"),
    Field("held_on", "date"),
    Field("dimension", "string"),
    Field("score", "number", "level"),
)


def _as_text(*columns: str) -> list[pl.Expr]:
    return [pl.col(c).cast(pl.String) for c in columns]


def _actions(actor: Actor) -> pl.DataFrame:
    frame = actions_frame(actor)
    return frame.with_columns(
        *_as_text("target_stratum"),
        (pl.col("actual_end") > pl.col("planned_end")).alias("finished_late"),
        pl.col("region_codes").list.join(", "),
    )


def _changes(actor: Actor) -> pl.DataFrame:
    codes = actions_frame(actor).select(pl.col("id").alias("action_id"), pl.col("code").alias("action_code"))
    return changes_frame(actor).join(codes, on="action_id", how="left")


def _decisions(actor: Actor) -> pl.DataFrame:
    return log_frame(actor).with_columns(
        pl.col("recorded_at").dt.year().cast(pl.Int64).alias("year"),
        pl.col("superseded_by").is_not_null().alias("corrected"),
    )


# Labels a frame of `surveys.results_frame` in a language (presenters.partners.results_labelled):
# given by the caller, as services never translate.
SurveyLabels = Callable[[pl.DataFrame, str], pl.DataFrame]


def _surveys(actor: Actor, lang: str, label_surveys: SurveyLabels | None) -> pl.DataFrame:
    frame = results_frame(load_survey_data_of(actor.project_id))
    if label_surveys is not None:
        return label_surveys(frame, lang)
    # Without labels: category and level as codes, the dimension's or item's stored text in `lang`.
    return frame.with_columns(pl.col(f"label_{lang}").alias("label")) if frame.height else frame


def _risk(actor: Actor) -> pl.DataFrame:
    data = load_risk_data(actor)
    hidden = pl.col("persons_suppressed") | pl.col("persons_masked")
    regions = data.regions.select(
        pl.col("region_id"), pl.col("code").alias("region_code"), pl.col("name").alias("region_name")
    )
    return data.cells.with_columns(
        pl.when(hidden).then(None).otherwise(pl.col("persons")).alias("persons"),
        hidden.alias("persons_suppressed"),
        _margin_is_all(pl.col("stratum") == ALL_STRATA, pl.col("stratum").cast(pl.String)).alias("stratum"),
        *[_margin_is_all(pl.col(c) == ALL, pl.col(c)).alias(c) for c in ("age_band", "sex")],
        ((pl.col("stratum") == ALL_STRATA) | (pl.col("age_band") == ALL) | (pl.col("sex") == ALL)).alias(
            "is_margin"
        ),
    ).join(regions, on="region_id", how="left")


def _margin_is_all(is_margin: pl.Expr, value: pl.Expr) -> pl.Expr:
    return pl.when(is_margin).then(pl.lit(MARGIN)).otherwise(value)


def _indicators(actor: Actor) -> pl.DataFrame:
    return values_frame(actor.project_id)


def _maturity_scores(actor: Actor) -> pl.DataFrame:
    spread = spread_by_dimension(scores_frame_of(actor.project_id))
    return spread.with_columns(
        *_as_text("dimension"), *[pl.col(c).cast(pl.Float64) for c in ("min", "max", "range")]
    )


def _maturity_consensus(actor: Actor) -> pl.DataFrame:
    return consensus_frame(actor).with_columns(*_as_text("dimension"), pl.col("score").cast(pl.Float64))


BUILDERS: dict[str, tuple[str, tuple[Field, ...], Callable[..., pl.DataFrame]]] = {
    "actions": ("services.actions.portfolio.actions_frame", ACTIONS, _actions),
    "action_changes": ("services.actions.portfolio.changes_frame", CHANGES, _changes),
    "decisions": ("services.governance.decisions.log_frame", DECISIONS, _decisions),
    "meetings": ("services.governance.meetings.meetings_list", MEETINGS, meetings_list),
    "survey_results": ("services.partners.surveys.results_frame", SURVEYS, _surveys),
    "risk_counts": ("services.population.risk.load_risk_data", RISK, _risk),
    "indicator_values": ("services.evaluation.indicators.values_frame", INDICATORS, _indicators),
    "maturity_scores": (
        "services.evaluation.maturity.spread_by_dimension",
        MATURITY_SCORES,
        _maturity_scores,
    ),
    "maturity_consensus": (
        "services.evaluation.maturity.consensus_frame",
        MATURITY_CONSENSUS,
        _maturity_consensus,
    ),
}

NAMES = tuple(BUILDERS)


def _dataset(actor: Actor, name: str, lang: str, label_surveys: SurveyLabels | None) -> Dataset:
    source, fields, build = BUILDERS[name]
    frame = build(actor, lang, label_surveys) if build is _surveys else build(actor)
    return Dataset(name, source, fields, frame.select([f.name for f in fields]))


def catalogue(
    actor: Actor, lang: str = "en", label_surveys: SurveyLabels | None = None
) -> dict[str, Dataset]:
    """Every dataset of the actor's project (Permission.explore); the survey results labelled
    by `label_surveys` in `lang` when given."""
    require(actor, Permission.explore)
    return {name: _dataset(actor, name, lang, label_surveys) for name in NAMES}
