"""Turning the surveys service's plain data (codes, numbers, suppressed flags, the
questionnaire's texts in every language) into what the Surveys page, its downloads and the
meeting pack show in one language: category labels, the questionnaire's texts, level labels,
the heatmap's row labels, "< 5" where the service hid a count, the headers of the exports."""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from dashboard.i18n import label_of, t
from dashboard.services.partners.surveys import (
    ALL_CATEGORIES,
    DIMENSION_TEXTS,
    HIDDEN_CATEGORY,
    ITEM_TEXTS,
    NO_CATEGORY,
    SurveyReport,
    category_rank,
)
from dashboard.services.suppression import SUPPRESSED_TEXT


def category_label(key: str, lang: str) -> str:
    if key == ALL_CATEGORIES:
        return t("surveys.all_categories", lang=lang)
    if key == NO_CATEGORY:
        return t("surveys.no_category", lang=lang)
    if key == HIDDEN_CATEGORY:
        return t("surveys.hidden_category", lang=lang)
    return label_of("partner_category", key, lang)


def category_options(keys: list[str], lang: str) -> list[tuple[str, str]]:
    """(key, label) of partner categories, for a chooser."""
    return [(key, category_label(key, lang)) for key in keys]


def favourable_levels(points: int, lang: str) -> list[str]:
    """Labels of the score levels of a dimension, low to high: favourable wording, since
    reversed items are turned round in scores."""
    if points == 5:
        return [
            t(f"surveys.favour.{k}", lang=lang)
            for k in ("very_unfavourable", "unfavourable", "neutral", "favourable", "very_favourable")
        ]
    return [str(n) for n in range(1, points + 1)]


def in_language(frame: pl.DataFrame, texts: list[str], name: str, lang: str) -> pl.DataFrame:
    """The column `name` in place of the per-language text columns `texts` (`label_fr`, ...):
    the one in `lang`."""
    if texts[0] not in frame.columns:
        return frame
    chosen = next(text for text in texts if text.endswith(f"_{lang}"))
    columns = []
    for column in frame.columns:
        if column == texts[0]:
            columns.append(pl.col(chosen).alias(name))
        elif column not in texts:
            columns.append(pl.col(column))
    return frame.select(columns)


def _dimensions_in(frame: pl.DataFrame, lang: str) -> pl.DataFrame:
    return in_language(in_language(frame, ITEM_TEXTS, "item", lang), DIMENSION_TEXTS, "dimension", lang)


def with_category_label(frame: pl.DataFrame, lang: str) -> pl.DataFrame:
    """`category_label` beside the category codes (before `category_order` where there is one)."""
    labelled = frame.with_columns(
        pl.col("category")
        .map_elements(lambda c: category_label(c, lang), return_dtype=pl.String)
        .alias("category_label")
    )
    if "category_order" not in frame.columns:
        return labelled
    columns = [c for c in frame.columns if c != "category_order"]
    return labelled.select(*columns, "category_label", "category_order")


@dataclass(frozen=True)
class SurveyView(SurveyReport):
    """A SurveyReport in one language: what the Surveys page's charts and tables draw. Its
    frames carry `dimension` and `item` (the questionnaire's texts), `category_label` and the
    heatmap's `row_label`."""

    dimension_levels: list[str] = field(default_factory=list)  # labels of the score levels, low to high
    item_levels: list[str] = field(default_factory=list)  # labels of the answer levels (the items' own scale)


def _heatmap(heatmap: pl.DataFrame, lang: str) -> pl.DataFrame:
    """Row labels carry the category's respondents in the wave ("< 5" when hidden)."""
    size = (
        pl.when(pl.col("group_respondents").is_not_null())
        .then(pl.lit("n = ") + pl.col("group_respondents").cast(pl.String))
        .otherwise(pl.lit(SUPPRESSED_TEXT))
    )
    return (
        with_category_label(_dimensions_in(heatmap, lang), lang)
        .with_columns((pl.col("category_label") + pl.lit(" (") + size + pl.lit(")")).alias("row_label"))
        .drop("group_respondents")
    )


def label_report(report: SurveyReport, lang: str) -> SurveyView:
    """The report with its labels in `lang`."""
    low, high = report.scale
    return SurveyView(
        waves=report.waves,
        categories=report.categories,
        response_rates=with_category_label(report.response_rates, lang),
        dimension_summary=_dimensions_in(report.dimension_summary, lang),
        dimension_distribution=_dimensions_in(report.dimension_distribution, lang),
        dimension_levels=favourable_levels(high - low + 1, lang),
        item_summary=_dimensions_in(report.item_summary, lang),
        item_distribution=_dimensions_in(report.item_distribution, lang),
        item_levels=report.item_scale_labels.get(lang) or [str(n) for n in range(low, high + 1)],
        scale=report.scale,
        change=_dimensions_in(report.change, lang),
        trend=_dimensions_in(report.trend, lang),
        heatmap=_heatmap(report.heatmap, lang),
        respondents=report.respondents,
        item_scale_labels=report.item_scale_labels,
    )


# ---------------------------------------------------------------- the page's pieces


@dataclass(frozen=True)
class KeyFigures:
    respondents_text: str  # a number, or "< 5"
    rate: float | None
    satisfaction: float | None  # mean of the overall-satisfaction dimension
    satisfaction_change: float | None  # since the baseline wave
    satisfaction_verdict: str | None
    improved: int | None  # dimensions whose change is larger than the noise, upwards
    declined: int | None  # (None: no change can be shown)


def key_figures(report_: SurveyReport, wave_id: int, category: str) -> KeyFigures:
    rates = report_.response_rates.filter(pl.col("wave_id") == wave_id, pl.col("category") == category)
    rate = rates["rate"][0] if rates.height else None
    satisfaction = report_.dimension_summary.filter(pl.col("dimension_code") == "satisfaction")
    change = report_.change.filter(~pl.col("suppressed"))
    satisfaction_change = change.filter(pl.col("dimension_code") == "satisfaction")
    return KeyFigures(
        respondents_text=(SUPPRESSED_TEXT if report_.respondents is None else str(report_.respondents)),
        rate=rate,
        satisfaction=satisfaction["mean"][0] if satisfaction.height else None,
        satisfaction_change=(satisfaction_change["change"][0] if satisfaction_change.height else None),
        satisfaction_verdict=(satisfaction_change["verdict"][0] if satisfaction_change.height else None),
        improved=change.filter(pl.col("verdict") == "improved").height if change.height else None,
        declined=change.filter(pl.col("verdict") == "declined").height if change.height else None,
    )


@dataclass(frozen=True)
class ItemsView:
    summary: pl.DataFrame
    distribution: pl.DataFrame


def items_of(view: SurveyView, dimension: str | None) -> ItemsView:
    """The items of one dimension (all with None); a reversed item's text is marked, since
    agreeing with it is unfavourable."""
    marker = t("surveys.reversed_marker")

    def mark(frame: pl.DataFrame) -> pl.DataFrame:
        chosen = frame if dimension is None else frame.filter(pl.col("dimension_code") == dimension)
        return chosen.with_columns(
            pl.when(pl.col("reversed"))
            .then(pl.col("item") + pl.lit(f" {marker}"))
            .otherwise(pl.col("item"))
            .alias("item")
        )

    return ItemsView(mark(view.item_summary), mark(view.item_distribution))


# ---------------------------------------------------------------- comments


def label_comments(frame: pl.DataFrame, lang: str) -> pl.DataFrame:
    """The service's comments with their dimension ("general comment" for none) and category
    as labels in `lang`."""
    return (
        in_language(frame, DIMENSION_TEXTS, "dimension", lang)
        .with_columns(pl.col("dimension").fill_null(t("surveys.general_comment", lang=lang)))
        .pipe(with_category_label, lang)
        .select("wave_id", "dimension_code", "category", "wave", "dimension", "category_label", "text")
    )


def comment_categories(frame: pl.DataFrame) -> list[tuple[str, str]]:
    """(key, label) of the categories labelled comments can be filtered by, "small groups" last."""
    pairs = frame.select("category", "category_label").unique().iter_rows()
    return sorted(pairs, key=lambda pair: (pair[0] == HIDDEN_CATEGORY, category_rank(pair[0])))


# ---------------------------------------------------------------- downloads


def results_labelled(frame: pl.DataFrame, lang: str) -> pl.DataFrame:
    """The service's results (`surveys.results_frame`) with the category, level and label in
    `lang`; respondents stay numbers with their suppressed flag."""
    if frame.is_empty():
        return frame
    levels = {level: t(f"surveys.level.{level}", lang=lang) for level in ("dimension", "item")}
    return in_language(frame, DIMENSION_TEXTS, "label", lang).with_columns(
        pl.col("category").map_elements(lambda c: category_label(c, lang), return_dtype=pl.String),
        pl.col("level").replace_strict(levels, return_dtype=pl.String),
    )


def results_export(frame: pl.DataFrame, lang: str) -> pl.DataFrame:
    """The results as downloaded: labels in `lang`, counts as text so that a suppressed one reads "< 5"."""
    if frame.is_empty():
        return pl.DataFrame()
    return (
        results_labelled(frame, lang)
        .with_columns(
            pl.when(pl.col("respondents_suppressed"))
            .then(pl.lit(SUPPRESSED_TEXT))
            .otherwise(pl.col("respondents").cast(pl.String))
            .alias("respondents")
        )
        .drop("respondents_suppressed")
    )


def response_rates_export(view: SurveyView, lang: str) -> pl.DataFrame:
    return view.response_rates.select(
        pl.col("name").alias(t("surveys.col.wave", lang=lang)),
        pl.col("category_label").alias(t("surveys.col.category", lang=lang)),
        pl.col("invited").alias(t("surveys.col.invited", lang=lang)),
        pl.when(pl.col("respondents_suppressed"))
        .then(pl.lit(SUPPRESSED_TEXT))
        .otherwise(pl.col("respondents").cast(pl.String))
        .alias(t("surveys.col.responded", lang=lang)),
        pl.col("rate").round(3).alias(t("surveys.col.rate", lang=lang)),
    )
