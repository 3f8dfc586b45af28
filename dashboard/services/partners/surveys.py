"""Partner satisfaction surveys: the questionnaire, waves and answers, and every aggregate the
Surveys page and its downloads show.

Privacy: answers leave this module only as aggregates, and any group of fewer than 5
respondents is suppressed here (its count, mean, shares and distribution are null, with a
`*_suppressed` flag), never in the page. A partner category is shown for a wave only when it
has 5 respondents or more AND the hidden categories of that wave hold 5 or more together (so
that the wave's total cannot reveal them by subtraction); cells of items and dimensions follow
the same rule. Comments are for roles with Permission.view_comments only, and never carry a
respondent identifier.

Scores: `value` is the answer as given; `score` turns reversed items round, so that a higher
score is always more favourable. Items are shown as answered; dimensions by score. A
dimension's mean is the mean of its respondents' means over its items. Statistics (means with
their intervals, changes between waves, Likert summaries) are in `survey_statistics`, the
comments in `survey_comments`.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl
from sqlmodel import Session, select

from dashboard.permissions import Permission
from dashboard.services.access import Actor, require
from dashboard.services.partners.mean_precision import dimension_steps, round_changes, round_to_step
from dashboard.services.suppression import (
    SMALL_CELL_THRESHOLD,
    hide_small_parts,
    suppress,
    suppress_until_safe,
)
from data_loaders.catalogues.questionnaire import AGREEMENT_SCALE, DIMENSIONS, ITEMS
from models.db import read_frame, session_scope
from models.tables import (
    SurveyAnswer,
    SurveyDimension,
    SurveyInvitation,
    SurveyItem,
    SurveyRespondent,
    SurveyWave,
)
from models.vocab import LANGUAGES, PartnerCategory
from dashboard.services.partners.survey_disclosure import (
    ALL_CATEGORIES,
    category_cell_suppression,
    hide_complement_cells,
    margin_hidden_levels,
)
from dashboard.services.partners.survey_statistics import likert_summary, mean_intervals, wave_change

NO_CATEGORY = "none"  # respondents whose file gave no partner category
HIDDEN_CATEGORY = "small_groups"  # comments of categories suppressed in their wave


# ---------------------------------------------------------------- questionnaire and waves


def install_default_questionnaire(session: Session, project_id: int) -> dict[str, int]:
    """Add the default questionnaire's dimensions and items the project lacks; returns every
    item code's id."""
    dimensions = dimension_ids(session, project_id)
    for position, (code, fr, nl, en) in enumerate(DIMENSIONS, start=1):
        if code not in dimensions:
            dimension = SurveyDimension(
                project_id=project_id, code=code, label_fr=fr, label_nl=nl, label_en=en, position=position
            )
            session.add(dimension)
            session.flush()
            dimensions[code] = dimension.id  # type: ignore[assignment]
    items = {
        i.code: i.id for i in session.exec(select(SurveyItem).where(SurveyItem.project_id == project_id))
    }
    for position, (code, dimension, reversed_, fr, nl, en) in enumerate(ITEMS, start=1):
        if code not in items:
            item = SurveyItem(
                project_id=project_id,
                dimension_id=dimensions[dimension],
                code=code,
                text_fr=fr,
                text_nl=nl,
                text_en=en,
                scale_min=1,
                scale_max=5,
                scale_labels=AGREEMENT_SCALE,
                reversed=reversed_,
                position=position,
            )
            session.add(item)
            session.flush()
            items[code] = item.id
    return items  # type: ignore[return-value]


def dimension_ids(session: Session, project_id: int) -> dict[str, int]:
    return {
        d.code: d.id
        for d in session.exec(  # type: ignore[misc]
            select(SurveyDimension).where(SurveyDimension.project_id == project_id)
        )
    }


def dimensions(session: Session, project_id: int) -> list[SurveyDimension]:
    return list(
        session.exec(
            select(SurveyDimension)
            .where(SurveyDimension.project_id == project_id)
            .order_by(SurveyDimension.position)
        )
    )


def wave_periods(waves: pl.DataFrame) -> pl.DataFrame:
    """Adds `period` to a frame of waves: the closing year, or year-month when two waves close in
    the same year."""
    closing = pl.coalesce("closed_on", "opened_on")
    return waves.with_columns(
        pl.when(closing.dt.year().count().over(closing.dt.year()) > 1)
        .then(closing.dt.strftime("%Y-%m"))
        .otherwise(closing.dt.year().cast(pl.String))
        .alias("period")
    )


def answers_frame_of(project_id: int, session: Session | None = None) -> pl.DataFrame:
    """Every answer with its wave, respondent category, item and dimension; `score` is the answer
    turned so that higher is always more favourable (reversed items flipped). The answers are
    read as three integer columns (the bulk path of `read_frame`) and joined in polars with the
    project's respondents and items, instead of repeating their texts on every answer row."""
    answers = read_frame(
        select(SurveyAnswer.respondent_id, SurveyAnswer.item_id, SurveyAnswer.value)
        .join(SurveyItem, SurveyItem.id == SurveyAnswer.item_id)
        .where(SurveyItem.project_id == project_id),
        session,
    )
    respondents = read_frame(
        select(
            SurveyRespondent.id.label("respondent_id"),  # type: ignore[union-attr]
            SurveyRespondent.wave_id,
            SurveyRespondent.partner_category,
        )
        .join(SurveyWave, SurveyWave.id == SurveyRespondent.wave_id)
        .where(SurveyWave.project_id == project_id),
        session,
    )
    items = read_frame(
        select(
            SurveyItem.id.label("item_id"),  # type: ignore[union-attr]
            SurveyItem.code.label("item_code"),  # type: ignore[attr-defined]
            SurveyItem.reversed,
            SurveyItem.scale_min,
            SurveyItem.scale_max,
            SurveyDimension.code.label("dimension_code"),  # type: ignore[attr-defined]
        )
        .join(SurveyDimension, SurveyDimension.id == SurveyItem.dimension_id)
        .where(SurveyItem.project_id == project_id),
        session,
    )
    return (
        answers.join(respondents, on="respondent_id")
        .join(items, on="item_id")
        .select(
            "respondent_id",
            "value",
            "wave_id",
            "partner_category",
            "item_code",
            "reversed",
            "scale_min",
            "scale_max",
            "dimension_code",
        )
        .with_columns(
            pl.when(pl.col("reversed"))
            .then(pl.col("scale_min") + pl.col("scale_max") - pl.col("value"))
            .otherwise(pl.col("value"))
            .alias("score")
        )
    )


def waves_frame_of(project_id: int, session: Session | None = None) -> pl.DataFrame:
    waves = read_frame(select(SurveyWave).where(SurveyWave.project_id == project_id), session)
    return wave_periods(waves).sort("closed_on", "opened_on", "name")


def respondent_means(answers: pl.DataFrame) -> pl.DataFrame:
    """One row per respondent and dimension: the mean score over the dimension's items the
    respondent answered (the unit of every dimension mean and interval)."""
    return answers.group_by("respondent_id", "wave_id", "category", "dimension_code").agg(
        pl.col("score").mean().alias("score")
    )


def dimension_means_by_wave(session: Session, project_id: int, dimension: str) -> list[dict]:
    """Per wave: mean score of a dimension for all partners, as the Surveys page's trend shows
    it (rounded to its safe precision, `mean_precision`), and its respondents; mean None below
    5 respondents or when withheld."""
    data = load_survey_data_of(project_id, session)
    if data.waves.height == 0:
        return []
    trend = build_report(data, None, ALL_CATEGORIES, None).trend.filter(pl.col("dimension_code") == dimension)
    means = {row["wave_id"]: row["mean"] for row in trend.iter_rows(named=True)}
    respondents = dict(
        data.answers.filter(pl.col("dimension_code") == dimension)
        .group_by("wave_id")
        .agg(pl.col("respondent_id").n_unique())
        .iter_rows()
    )
    return [
        {
            "wave": wave["name"],
            "period": wave["period"],
            "mean": means.get(wave["wave_id"])
            if respondents.get(wave["wave_id"], 0) >= SMALL_CELL_THRESHOLD
            else None,
            "respondents": respondents.get(wave["wave_id"], 0),
        }
        for wave in data.waves.sort("wave_order").iter_rows(named=True)
    ]


def response_rates(actor: Actor) -> pl.DataFrame:
    """Per wave: invited, responded and the response rate (respondent counts below 5 are shown
    as "< 5": `responded` null, `responded_suppressed` true; invitations as `hide_invitations`
    says, and no rate then)."""
    require(actor, Permission.read)
    project_id = actor.project_id
    waves = waves_frame_of(project_id).select(pl.col("id").alias("wave_id"), "name", "period", "closed_on")
    invited = (
        read_frame(
            select(SurveyInvitation.wave_id, SurveyInvitation.invited)
            .join(SurveyWave, SurveyWave.id == SurveyInvitation.wave_id)
            .where(SurveyWave.project_id == project_id)
        )
        .group_by("wave_id")
        .agg(pl.col("invited").sum())
    )
    responded = (
        read_frame(
            select(SurveyRespondent.wave_id, SurveyRespondent.id)
            .join(SurveyWave, SurveyWave.id == SurveyRespondent.wave_id)
            .where(SurveyWave.project_id == project_id)
        )
        .group_by("wave_id")
        .agg(pl.len().alias("responded"))
    )
    frame = (
        waves.join(invited, on="wave_id", how="left")
        .join(responded, on="wave_id", how="left")
        .with_columns(pl.col("responded").fill_null(0).cast(pl.Int64))
        .with_columns((pl.col("responded") / pl.col("invited")).alias("rate"))
    )
    return (
        hide_invitations(
            suppress(
                frame.with_columns(
                    pl.col("responded").alias("__responded"), pl.lit(ALL_CATEGORIES).alias("category")
                ),
                ["responded"],
            )
        )
        .drop("__responded", "category")
        .with_columns(
            pl.when(pl.col("responded_suppressed") | pl.col("invited_suppressed"))
            .then(None)
            .otherwise(pl.col("rate"))
            .alias("rate")
        )
    )


# ---------------------------------------------------------------- the data analysed


@dataclass(frozen=True)
class SurveyData:
    """A project's survey data at respondent level. Stays inside the services: pages get the
    aggregates computed from it."""

    waves: pl.DataFrame  # wave_id, name, opened_on, closed_on, period, wave_order
    dimensions: pl.DataFrame  # dimension_code, label_fr, label_nl, label_en, dimension_position
    items: (
        pl.DataFrame
    )  # item_code, dimension_code, text_fr/nl/en, scale_min, scale_max, reversed, item_position
    scale_labels: dict[str, dict[str, list[str]]]  # item code -> {lang: labels}
    respondents: pl.DataFrame  # respondent_id, wave_id, category
    answers: pl.DataFrame  # respondent_id, wave_id, category, item_code, dimension_code, value, score
    invitations: pl.DataFrame  # wave_id, category, invited


def load_survey_data_of(project_id: int, session: Session | None = None) -> SurveyData:
    waves = (
        waves_frame_of(project_id, session)
        .select(pl.col("id").alias("wave_id"), "name", "opened_on", "closed_on", "period")
        .with_row_index("wave_order")
    )
    dimension_rows = read_frame(
        select(
            SurveyDimension.code.label("dimension_code"),
            SurveyDimension.label_fr,  # type: ignore[attr-defined]
            SurveyDimension.label_nl,
            SurveyDimension.label_en,
            SurveyDimension.position.label("dimension_position"),
        ).where(SurveyDimension.project_id == project_id),  # type: ignore[attr-defined]
        session,
    )
    items = read_frame(
        select(
            SurveyItem.code.label("item_code"),  # type: ignore[attr-defined]
            SurveyDimension.code.label("dimension_code"),  # type: ignore[attr-defined]
            SurveyItem.text_fr,
            SurveyItem.text_nl,
            SurveyItem.text_en,
            SurveyItem.scale_min,
            SurveyItem.scale_max,
            SurveyItem.reversed,
            SurveyItem.position.label("item_position"),
            SurveyItem.scale_labels,
        )  # type: ignore[attr-defined]
        .join(SurveyDimension, SurveyDimension.id == SurveyItem.dimension_id)
        .where(SurveyItem.project_id == project_id),
        session,
    )
    scale_labels = (
        dict(zip(items["item_code"].to_list(), items["scale_labels"].to_list(), strict=True))
        if items.height
        else {}
    )
    items = items.drop("scale_labels")
    respondents = read_frame(
        select(
            SurveyRespondent.id.label("respondent_id"),
            SurveyRespondent.wave_id,  # type: ignore[union-attr]
            SurveyRespondent.partner_category.label("category"),
        )  # type: ignore[union-attr]
        .join(SurveyWave, SurveyWave.id == SurveyRespondent.wave_id)
        .where(SurveyWave.project_id == project_id),
        session,
    ).with_columns(pl.col("category").fill_null(NO_CATEGORY))
    answers = answers_frame_of(project_id, session).select(
        "respondent_id",
        "wave_id",
        pl.col("partner_category").fill_null(NO_CATEGORY).alias("category"),
        "item_code",
        "dimension_code",
        "value",
        "score",
    )
    invitations = read_frame(
        select(
            SurveyInvitation.wave_id,
            SurveyInvitation.partner_category.label("category"),  # type: ignore[attr-defined]
            SurveyInvitation.invited,
        )
        .join(SurveyWave, SurveyWave.id == SurveyInvitation.wave_id)
        .where(SurveyWave.project_id == project_id),
        session,
    )
    return SurveyData(
        waves,
        dimension_rows.sort("dimension_position"),
        items.sort("item_position"),
        scale_labels or {},
        respondents,
        answers,
        invitations,
    )


# ---------------------------------------------------------------- suppression


def category_groups(respondents: pl.DataFrame, invitations: pl.DataFrame | None = None) -> pl.DataFrame:
    """Respondents per wave and category (categories invited but silent included, with 0),
    suppressed so that no hidden group nor union of hidden groups under 5 can be read or
    derived from the wave's total: wave_id, category, respondents, respondents_suppressed."""
    counts = respondents.group_by("wave_id", "category").agg(pl.len().alias("respondents"))
    if invitations is not None and invitations.height:
        counts = (
            invitations.select("wave_id", "category")
            .unique()
            .join(counts, on=["wave_id", "category"], how="full", coalesce=True)
            .with_columns(pl.col("respondents").fill_null(0))
        )
    counts = counts.with_columns(pl.col("respondents").cast(pl.Int64))
    return suppress_until_safe(counts, "respondents", ["wave_id"]).sort("wave_id", "category")


# ---------------------------------------------------------------- what the page shows


@dataclass(frozen=True)
class SurveyReport:
    """Everything the Surveys page shows for one choice of wave, category and baseline, every
    group under 5 respondents already suppressed. Plain data: codes, numbers, suppressed flags,
    and the questionnaire's own texts in every language (`label_fr/nl/en` of a dimension,
    `text_fr/nl/en` of an item); `presenters.partners.label_report` turns it into what the page
    shows in one language."""

    waves: pl.DataFrame  # wave_id, name, period, opened_on, closed_on
    categories: list[str]  # keys of the categories with respondents
    response_rates: pl.DataFrame
    dimension_summary: pl.DataFrame
    dimension_distribution: pl.DataFrame
    item_summary: pl.DataFrame
    item_distribution: pl.DataFrame
    item_scale_labels: dict[str, list[str]]  # lang -> the items' own answer labels, when they share them
    scale: tuple[int, int]
    change: pl.DataFrame
    trend: pl.DataFrame
    heatmap: pl.DataFrame
    respondents: int | None  # in the chosen wave and category; None when suppressed

    @property
    def empty(self) -> bool:
        return self.waves.height == 0


def category_rank(key: str) -> int:
    members = [c.value for c in PartnerCategory]
    return members.index(key) if key in members else len(members) + (key == NO_CATEGORY)


DIMENSION_TEXTS = [f"label_{lang}" for lang in LANGUAGES]
ITEM_TEXTS = [f"text_{lang}" for lang in LANGUAGES]


def _dimension_labels(data: SurveyData) -> pl.DataFrame:
    return data.dimensions.select("dimension_code", "dimension_position", *DIMENSION_TEXTS)


def _in_category(frame: pl.DataFrame, category: str) -> pl.DataFrame:
    return frame if category == ALL_CATEGORIES else frame.filter(pl.col("category") == category)


def _scale(data: SurveyData) -> tuple[int, int]:
    """The scale most items use (the default questionnaire: 1-5)."""
    if data.items.height == 0:
        return 1, 5
    common = data.items.group_by("scale_min", "scale_max").len().sort("len", descending=True)
    return int(common["scale_min"][0]), int(common["scale_max"][0])


def build_report(
    data: SurveyData, wave_id: int | None, category: str, baseline_wave_id: int | None
) -> SurveyReport:
    """The report over already loaded data (pure: unit-tested on crafted data)."""
    groups = category_groups(data.respondents, data.invitations)
    hidden = groups.filter(pl.col("respondents_suppressed")).select("wave_id", "category")
    visible_categories = sorted(
        {c for c in data.respondents["category"].unique().to_list()}, key=category_rank
    )
    dimension_labels = _dimension_labels(data)
    scale_min, scale_max = _scale(data)
    answers = data.answers
    means = respondent_means(answers)

    # A chosen category that is hidden in a wave shows nothing of that wave.
    def restricted(frame: pl.DataFrame) -> pl.DataFrame:
        chosen = _in_category(frame, category)
        if category == ALL_CATEGORIES:
            return chosen
        return chosen.join(
            hidden.filter(pl.col("category") == category), on=["wave_id", "category"], how="anti"
        )

    of_wave = restricted(answers.filter(pl.col("wave_id").eq_missing(wave_id)))
    on_scale = _on_scale(data, of_wave)

    wave_answers = answers.filter(pl.col("wave_id").eq_missing(wave_id))
    # Levels hidden across the category x level tables, all partners included (b of issue 13).
    wave_on_scale = _on_scale(data, wave_answers)
    view = category if category != ALL_CATEGORIES else ALL_CATEGORIES
    every_hidden = margin_hidden_levels(
        _on_scale(data, answers), "item_code", "value", scale_min, scale_max, groups
    )
    item_hidden = every_hidden.filter(
        pl.col("wave_id").eq_missing(wave_id), pl.col("category") == view
    ).select("item_code", "level", "level_hidden")
    # the same cells on `score` (reversed items turned round), for the dimension means' steps
    score_hidden = every_hidden.join(data.items.select("item_code", "reversed"), on="item_code").with_columns(
        pl.when(pl.col("reversed"))
        .then(scale_min + scale_max - pl.col("level"))
        .otherwise(pl.col("level"))
        .alias("level")
    )
    dimension_hidden = (
        margin_hidden_levels(wave_on_scale, "dimension_code", "score", scale_min, scale_max, groups)
        .filter(pl.col("category") == view)
        .select("dimension_code", "level", "level_hidden")
    )
    dimension_summary, dimension_distribution = likert_summary(
        on_scale, ["dimension_code"], "score", scale_min, scale_max, dimension_hidden
    )
    # Dimension means at the precision that keeps merged levels' counts unsolved
    # (mean_precision): beside the items' rows they would otherwise give them back.
    dimension_means = (
        mean_intervals(respondent_means(of_wave), ["dimension_code"])
        .join(
            dimension_steps(
                on_scale,
                [],
                scale_min,
                scale_max,
                score_hidden.filter(pl.col("wave_id").eq_missing(wave_id), pl.col("category") == view),
            ),
            on="dimension_code",
            how="left",
        )
        .pipe(round_to_step)
        .select("dimension_code", pl.col("mean").alias("mean_of_respondents"), "low", "high")
    )
    dimension_summary = (
        dimension_summary.join(dimension_means, on="dimension_code", how="left")
        .with_columns(pl.col("mean_of_respondents").alias("mean"))
        .drop("mean_of_respondents")
        .pipe(hide_complement_cells, "dimension_code", wave_answers, category, groups)
    )
    dimension_summary = (
        dimension_labels.join(dimension_summary, on="dimension_code", how="left")
        .pipe(_fill_missing_as_suppressed)
        .sort("dimension_position")
    )
    dimension_distribution = dimension_distribution.join(
        dimension_summary.filter(~pl.col("respondents_suppressed")).select("dimension_code"),
        on="dimension_code",
    ).join(dimension_labels, on="dimension_code")

    item_labels = data.items.select(
        "item_code",
        "dimension_code",
        "item_position",
        "reversed",
        "scale_min",
        "scale_max",
        *ITEM_TEXTS,
    ).join(dimension_labels, on="dimension_code")
    item_summary, item_distribution = likert_summary(
        on_scale, ["item_code"], "value", scale_min, scale_max, item_hidden
    )
    item_summary = hide_complement_cells(item_summary, "item_code", wave_answers, category, groups)
    item_summary = (
        item_labels.join(item_summary, on="item_code", how="left")
        .pipe(_fill_missing_as_suppressed)
        .sort("dimension_position", "item_position")
    )
    item_distribution = item_distribution.join(
        item_summary.filter(~pl.col("respondents_suppressed")).select("item_code"), on="item_code"
    ).join(item_labels, on="item_code")
    item_scale_labels = {
        lang: labels for lang in LANGUAGES if (labels := _item_levels(data, lang, scale_min, scale_max))
    }

    chosen_means = restricted(means)
    if category != ALL_CATEGORIES:
        # As in the heatmap: a category's dimension cell hidden by the complement rule in a
        # wave gives no point in the trend and no change.
        cells = means.group_by("wave_id", "dimension_code", "category").agg(
            pl.len().cast(pl.Int64).alias("respondents")
        )
        cells = category_cell_suppression(cells, "respondents", ["wave_id", "dimension_code"], groups)
        chosen_means = chosen_means.join(
            cells.filter(pl.col("respondents_suppressed"), pl.col("category") == category).select(
                "wave_id", "dimension_code"
            ),
            on=["wave_id", "dimension_code"],
            how="anti",
        )
    # Each wave's dimension means at their safe precision (mean_precision), and the change
    # made of those rounded means, so that it tells nothing finer than they do.
    steps = dimension_steps(
        _on_scale(data, restricted(answers)),
        ["wave_id"],
        scale_min,
        scale_max,
        score_hidden.filter(pl.col("category") == view),
    )
    trend = mean_intervals(chosen_means, ["wave_id", "dimension_code"]).join(
        steps, on=["wave_id", "dimension_code"], how="left"
    )
    trend = round_to_step(trend)
    change = (
        wave_change(chosen_means, baseline_wave_id, wave_id)
        if baseline_wave_id is not None and wave_id is not None
        else wave_change(chosen_means.clear(), -1, -2)
    )
    change = round_changes(
        change.drop("mean_before", "mean_after")
        .join(_rounded_means(trend, baseline_wave_id, "before"), on="dimension_code", how="left")
        .join(_rounded_means(trend, wave_id, "after"), on="dimension_code", how="left")
        .select(*change.columns, "step_before", "step_after")
    )
    change = (
        dimension_labels.join(change, on="dimension_code", how="left")
        .with_columns(pl.col("suppressed").fill_null(True))
        .sort("dimension_position")
    )
    trend = (
        trend.drop("step")
        .join(data.waves.select("wave_id", "name", "period", "wave_order"), on="wave_id")
        .join(dimension_labels, on="dimension_code")
        .sort("dimension_position", "wave_order")
    )
    heatmap = _heatmap(
        means.filter(pl.col("wave_id").eq_missing(wave_id)),
        groups,
        dimension_labels,
        dimension_steps(
            wave_on_scale,
            ["wave_id", "category"],
            scale_min,
            scale_max,
            score_hidden.filter(pl.col("category") != ALL_CATEGORIES),
        ),
        dimension_steps(
            wave_on_scale,
            ["wave_id"],
            scale_min,
            scale_max,
            score_hidden.filter(pl.col("category") == ALL_CATEGORIES),
        ),
    )
    rates = response_rates_by_category(data, groups)
    total = of_wave["respondent_id"].n_unique() if of_wave.height else 0
    respondents = total if total >= SMALL_CELL_THRESHOLD else None
    return SurveyReport(
        waves=data.waves,
        categories=visible_categories,
        response_rates=rates,
        dimension_summary=dimension_summary,
        dimension_distribution=dimension_distribution,
        item_summary=item_summary,
        item_distribution=item_distribution,
        item_scale_labels=item_scale_labels,
        scale=(scale_min, scale_max),
        change=change,
        trend=trend,
        heatmap=heatmap,
        respondents=respondents,
    )


def _on_scale(data: SurveyData, answers: pl.DataFrame) -> pl.DataFrame:
    """The answers to the items on the scale the charts draw (the others show no levels)."""
    scale_min, scale_max = _scale(data)
    on_scale = data.items.filter((pl.col("scale_min") == scale_min) & (pl.col("scale_max") == scale_max))
    return answers.filter(pl.col("item_code").is_in(on_scale["item_code"].implode()))


def _rounded_means(trend: pl.DataFrame, wave_id: int | None, side: str) -> pl.DataFrame:
    """dimension_code, mean_<side>, step_<side>: one wave's rounded means from the trend."""
    return trend.filter(pl.col("wave_id").eq_missing(wave_id)).select(
        "dimension_code", pl.col("mean").alias(f"mean_{side}"), pl.col("step").alias(f"step_{side}")
    )


def _fill_missing_as_suppressed(frame: pl.DataFrame) -> pl.DataFrame:
    """Rows of the questionnaire nobody in the group answered: shown as "< 5" like small ones."""
    return frame.with_columns(pl.col("respondents_suppressed").fill_null(True))


def _item_levels(data: SurveyData, lang: str, scale_min: int, scale_max: int) -> list[str] | None:
    """Labels of the answer levels in `lang`: the items' own labels when they share them, else
    None (the presenter numbers them)."""
    for code in data.items.filter((pl.col("scale_min") == scale_min) & (pl.col("scale_max") == scale_max))[
        "item_code"
    ]:
        labels = (data.scale_labels.get(code) or {}).get(lang)
        if labels and len(labels) == scale_max - scale_min + 1:
            return list(labels)
    return None


def _heatmap(
    means: pl.DataFrame,
    groups: pl.DataFrame,
    dimension_labels: pl.DataFrame,
    category_steps: pl.DataFrame,
    everyone_steps: pl.DataFrame,
) -> pl.DataFrame:
    """Dimension means per partner category in one wave, and for all categories together:
    category, dimension, respondents, mean, with suppressed cells flagged, and the category's
    respondents in the wave (`group_respondents`, null when under 5 or hidden). Each mean is
    rounded to the step of its group (`*_steps`, mean_precision)."""

    def rounded(frame: pl.DataFrame, steps: pl.DataFrame) -> pl.DataFrame:
        keys = [c for c in steps.columns if c != "step"]
        return (
            frame.join(steps, on=keys, how="left")
            .with_columns(
                pl.lit(None, dtype=pl.Float64).alias("low"), pl.lit(None, dtype=pl.Float64).alias("high")
            )
            .pipe(round_to_step)
            .drop("step", "low", "high")
        )

    per_category = means.group_by("wave_id", "category", "dimension_code").agg(
        pl.len().cast(pl.Int64).alias("respondents"), pl.col("score").mean().alias("mean")
    )
    per_category = rounded(per_category, category_steps)
    per_category = category_cell_suppression(
        per_category, "respondents", ["wave_id", "dimension_code"], groups
    )
    everyone = (
        means.group_by("wave_id", "dimension_code")
        .agg(pl.len().cast(pl.Int64).alias("respondents"), pl.col("score").mean().alias("mean"))
        .with_columns(pl.lit(ALL_CATEGORIES).alias("category"))
    )
    everyone = rounded(everyone, everyone_steps)
    everyone = suppress(everyone, ["respondents"])
    cells = pl.concat([everyone.select(per_category.columns), per_category], how="vertical")
    cells = cells.with_columns(
        pl.when(pl.col("respondents_suppressed")).then(None).otherwise(pl.col("mean")).alias("mean")
    )
    # The category's respondents in the wave (the rows' labels carry it; null when hidden).
    sizes = pl.concat(
        [
            groups.select("wave_id", "category", "respondents"),
            means.group_by("wave_id")
            .agg(pl.col("respondent_id").n_unique().cast(pl.Int64).alias("respondents"))
            .with_columns(pl.lit(ALL_CATEGORIES).alias("category"))
            .select("wave_id", "category", "respondents"),
        ]
    )
    sizes = sizes.with_columns(
        pl.when(pl.col("respondents") >= SMALL_CELL_THRESHOLD)
        .then(pl.col("respondents"))
        .otherwise(None)
        .alias("group_respondents")
    ).drop("respondents")
    return (
        cells.join(dimension_labels, on="dimension_code")
        .join(sizes, on=["wave_id", "category"], how="left")
        .with_columns(_category_order_column())
        .sort("category_order", "dimension_position")
    )


def _category_order_column() -> pl.Expr:
    """Where a category stands in tables and charts: all categories first, then the vocabulary's order."""
    return (
        pl.col("category")
        .map_elements(lambda c: -1 if c == ALL_CATEGORIES else category_rank(c), return_dtype=pl.Int64)
        .alias("category_order")
    )


def hide_invitations(frame: pl.DataFrame, threshold: int = SMALL_CELL_THRESHOLD) -> pl.DataFrame:
    """Null the invitation counts that would give a small count away, flagging them in
    `invited_suppressed`: fewer than 5 invited, or 1-4 invited who did not answer (8 invited
    and 5 answers tell 3 silent ones). `frame`: wave_id, category (ALL_CATEGORIES: the
    wave's total), invited and the true number of respondents in `__responded`. Within a
    wave, the categories' hidden counts hide a companion (`hide_small_parts`) so that the
    total minus the shown categories gives 5 or more."""
    silent = (pl.col("invited") - pl.col("__responded")).clip(lower_bound=0)
    marked = frame.with_columns(
        pl.col("invited").is_between(1, threshold - 1).fill_null(False).alias("invited_suppressed"),
        silent.fill_null(0).alias("__silent"),
        pl.col("invited").fill_null(0).alias("__invited"),
    )
    categories = marked.filter(pl.col("category") != ALL_CATEGORIES)
    totals = marked.filter(pl.col("category") == ALL_CATEGORIES)
    categories = hide_small_parts(categories, ["wave_id"], "__invited", "invited_suppressed", threshold)
    categories = hide_small_parts(categories, ["wave_id"], "__silent", "invited_suppressed", threshold)
    totals = totals.with_columns(
        (pl.col("invited_suppressed") | pl.col("__silent").is_between(1, threshold - 1)).alias(
            "invited_suppressed"
        )
    )
    return (
        pl.concat([totals, categories])
        .with_columns(
            pl.when(pl.col("invited_suppressed")).then(None).otherwise(pl.col("invited")).alias("invited"),
            pl.col("invited_suppressed") & pl.col("invited").is_not_null(),
        )
        .drop("__silent", "__invited")
    )


def response_rates_by_category(data: SurveyData, groups: pl.DataFrame) -> pl.DataFrame:
    """Per wave and partner category, and per wave for all categories: invited, responded
    (suppressed as in `category_groups`) and the response rate (null when suppressed or
    unknown)."""
    invited = data.invitations.group_by("wave_id", "category").agg(pl.col("invited").sum())
    per_category = groups.join(invited, on=["wave_id", "category"], how="left")
    totals = (
        data.respondents.group_by("wave_id")
        .agg(pl.len().cast(pl.Int64).alias("respondents"))
        .join(
            invited.group_by("wave_id").agg(pl.col("invited").sum()), on="wave_id", how="full", coalesce=True
        )
        .with_columns(pl.col("respondents").fill_null(0), pl.lit(ALL_CATEGORIES).alias("category"))
    )
    totals = suppress(totals, ["respondents"])
    frame = pl.concat([totals.select(per_category.columns), per_category], how="vertical")
    raw = (
        data.respondents.group_by("wave_id", "category")
        .agg(pl.len().alias("__responded"))
        .pipe(
            lambda counts: pl.concat(
                [
                    counts,
                    counts.group_by("wave_id")
                    .agg(pl.col("__responded").sum())
                    .with_columns(pl.lit(ALL_CATEGORIES).alias("category"))
                    .select(counts.columns),
                ]
            )
        )
    )
    frame = hide_invitations(
        frame.join(raw, on=["wave_id", "category"], how="left").with_columns(
            pl.col("__responded").fill_null(0)
        )
    ).drop("__responded")
    frame = frame.with_columns(
        pl.when(
            pl.col("respondents_suppressed")
            | pl.col("invited_suppressed")
            | (pl.col("invited").fill_null(0) == 0)
        )
        .then(None)
        .otherwise(pl.col("respondents") / pl.col("invited"))
        .alias("rate")
    )
    return (
        frame.join(data.waves.select("wave_id", "name", "wave_order"), on="wave_id")
        .with_columns(_category_order_column())
        .sort("wave_order", "category_order")
    )


def survey_data(actor: Actor) -> SurveyData:
    """Every wave, respondent and answer of the actor's project, read once: the page keeps it
    under the partners version and builds each wave's report and the comments from it."""
    require(actor, Permission.read)
    return load_survey_data_of(actor.project_id)


def report(
    actor: Actor,
    wave_id: int | None,
    category: str,
    baseline_wave_id: int | None,
    data: SurveyData | None = None,
) -> SurveyReport:
    """The Surveys page's figures for the actor's project (every role may read them); `data`:
    what `survey_data` read for it (read here when not given)."""
    require(actor, Permission.read)
    data = data if data is not None else load_survey_data_of(actor.project_id)
    return build_report(data, wave_id, category, baseline_wave_id)


# ---------------------------------------------------------------- downloads


def results_frame(data: SurveyData) -> pl.DataFrame:
    """Aggregated results of every wave, for all partners and each partner category, per
    dimension and per item: what the page shows, suppressed the same way. One row a wave,
    category (code), level ("dimension" or "item"), code, with the questionnaire's texts
    (`label_fr/nl/en`), respondents (null with `respondents_suppressed`), mean and shares."""
    frames = []
    categories = [ALL_CATEGORIES] + sorted(data.respondents["category"].unique().to_list(), key=category_rank)
    for wave in data.waves.iter_rows(named=True):
        for category in categories:
            report = build_report(data, wave["wave_id"], category, None)
            for level, summary, texts in (
                ("dimension", report.dimension_summary, DIMENSION_TEXTS),
                ("item", report.item_summary, ITEM_TEXTS),
            ):
                code = "dimension_code" if level == "dimension" else "item_code"
                frames.append(
                    summary.select(
                        pl.lit(wave["name"]).alias("wave"),
                        pl.lit(category).alias("category"),
                        pl.lit(level).alias("level"),
                        pl.col(code).alias("code"),
                        *(
                            pl.col(text).alias(f"label_{lang}")
                            for text, lang in zip(texts, LANGUAGES, strict=True)
                        ),
                        pl.when(pl.col("respondents_suppressed"))
                        .then(None)
                        .otherwise(pl.col("respondents"))
                        .alias("respondents"),
                        "respondents_suppressed",
                        pl.col("mean").round(2),
                        pl.col("share_disagree").round(3),
                        pl.col("share_neutral").round(3),
                        pl.col("share_agree").round(3),
                    )
                )
    if not frames:
        return pl.DataFrame()
    return pl.concat(frames, how="vertical")


def export_results(actor: Actor) -> pl.DataFrame:
    """The aggregated results for download (roles with Permission.download); labelled by
    `presenters.partners.results_export`."""
    require(actor, Permission.download)
    return results_frame(load_survey_data_of(actor.project_id))


# ---------------------------------------------------------------- the page's pieces


@dataclass(frozen=True)
class SurveyChoices:
    waves: list[tuple[int, str]]  # (id, name), oldest first
    categories: list[str]  # keys of the categories that responded


def choices(actor: Actor) -> SurveyChoices:
    """What the page's filters offer: the waves, and the partner categories with respondents."""
    require(actor, Permission.read)
    with session_scope() as session:
        waves = waves_frame_of(actor.project_id, session)
        categories = session.exec(
            select(SurveyRespondent.partner_category)
            .join(SurveyWave, SurveyWave.id == SurveyRespondent.wave_id)
            .where(SurveyWave.project_id == actor.project_id)
            .distinct()
        ).all()
    keys = sorted({c or NO_CATEGORY for c in categories}, key=category_rank)
    return SurveyChoices(list(waves.select("id", "name").iter_rows()), keys)
