"""The survey's free-text comments: for roles with Permission.view_comments only, never with a
respondent identifier, a category's comments under HIDDEN_CATEGORY where the category is
suppressed in its wave."""

from __future__ import annotations

import polars as pl
from sqlmodel import Session, select

from dashboard.permissions import Permission
from dashboard.services.access import Actor, require
from dashboard.services.partners.surveys import (
    ALL_CATEGORIES,
    DIMENSION_TEXTS,
    HIDDEN_CATEGORY,
    NO_CATEGORY,
    SurveyData,
    _dimension_labels,
    category_groups,
    load_survey_data_of,
)
from data_loaders.fields import fold
from models.db import read_frame, session_scope
from models.tables import (
    SurveyComment,
    SurveyDimension,
    SurveyRespondent,
    SurveyWave,
)


def comments_of(data: SurveyData, comments_: pl.DataFrame) -> pl.DataFrame:
    """Comments with their wave, dimension (code and its texts `label_fr/nl/en`, null for a
    general comment) and category code, newest wave first. The category of a respondent whose category is hidden in that wave becomes
    "small groups" (HIDDEN_CATEGORY): a comment must not point at a group under 5."""
    hidden = (
        category_groups(data.respondents, data.invitations)
        .filter(pl.col("respondents_suppressed"))
        .select("wave_id", "category", pl.lit(True).alias("__hidden"))
    )
    frame = (
        comments_.join(hidden, on=["wave_id", "category"], how="left")
        .with_columns(
            pl.when(pl.col("__hidden"))
            .then(pl.lit(HIDDEN_CATEGORY))
            .otherwise(pl.col("category"))
            .alias("category")
        )
        .drop("__hidden")
    )
    return (
        frame.join(_dimension_labels(data), on="dimension_code", how="left")
        .join(data.waves.select("wave_id", pl.col("name").alias("wave"), "wave_order"), on="wave_id")
        .sort(["wave_order", "dimension_position"], descending=[True, False], nulls_last=True)
        .select("wave_id", "dimension_code", "category", "wave", *DIMENSION_TEXTS, "text")
    )


def filter_comments(
    frame: pl.DataFrame,
    *,
    wave_id: int | None = None,
    dimension: str | None = None,
    category: str | None = None,
    search: str = "",
) -> pl.DataFrame:
    """The comments of one wave, dimension and category (None / ALL_CATEGORIES: any) that
    contain every word searched (without case or accents)."""
    if wave_id is not None:
        frame = frame.filter(pl.col("wave_id") == wave_id)
    if dimension:
        frame = frame.filter(pl.col("dimension_code") == dimension)
    if category and category != ALL_CATEGORIES:
        frame = frame.filter(pl.col("category") == category)
    words = fold(search).split()
    if words:
        folded = pl.col("text").map_elements(fold, return_dtype=pl.String)
        frame = frame.filter(pl.all_horizontal(folded.str.contains(word, literal=True) for word in words))
    return frame


def comments_frame_of(project_id: int, session: Session | None = None) -> pl.DataFrame:
    """Every comment with its wave, dimension code and respondent's category (no respondent
    identifier: not even the internal one)."""
    return read_frame(
        select(
            SurveyRespondent.wave_id,
            SurveyRespondent.partner_category.label("category"),  # type: ignore[attr-defined]
            SurveyDimension.code.label("dimension_code"),
            SurveyComment.text,
        )  # type: ignore[attr-defined]
        .join(SurveyRespondent, SurveyRespondent.id == SurveyComment.respondent_id)
        .join(SurveyWave, SurveyWave.id == SurveyRespondent.wave_id)
        .join(SurveyDimension, SurveyDimension.id == SurveyComment.dimension_id, isouter=True)
        .where(SurveyWave.project_id == project_id),
        session,
    ).with_columns(pl.col("category").fill_null(NO_CATEGORY))


def comments(actor: Actor, data: SurveyData | None = None) -> pl.DataFrame:
    """The partners' comments, for roles that may read them (see comments_of); `data`: the
    project's survey data when the caller already read it (as for `surveys.report`)."""
    require(actor, Permission.view_comments)
    with session_scope() as session:
        data = data if data is not None else load_survey_data_of(actor.project_id, session)
        frame = comments_frame_of(actor.project_id, session)
    return comments_of(data, frame)
