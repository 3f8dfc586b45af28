"""Partner satisfaction surveys: the questionnaire, waves and answers, and the aggregates shown
(always with groups of fewer than 5 respondents suppressed)."""

from __future__ import annotations

import polars as pl
from sqlmodel import Session, select

from dashboard.services.suppression import SMALL_CELL_THRESHOLD, suppress
from data_loaders.catalogues.questionnaire import AGREEMENT_SCALE, DIMENSIONS, ITEMS
from models.db import read_frame
from models.tables import (
    SurveyAnswer, SurveyDimension, SurveyInvitation, SurveyItem, SurveyRespondent, SurveyWave,
)


def install_default_questionnaire(session: Session, project_id: int) -> dict[str, int]:
    """Add the default questionnaire's dimensions and items the project lacks; returns every
    item code's id."""
    dimensions = dimension_ids(session, project_id)
    for position, (code, fr, nl, en) in enumerate(DIMENSIONS, start=1):
        if code not in dimensions:
            dimension = SurveyDimension(project_id=project_id, code=code, label_fr=fr,
                                        label_nl=nl, label_en=en, position=position)
            session.add(dimension)
            session.flush()
            dimensions[code] = dimension.id  # type: ignore[assignment]
    items = {i.code: i.id for i in session.exec(
        select(SurveyItem).where(SurveyItem.project_id == project_id))}
    for position, (code, dimension, reversed_, fr, nl, en) in enumerate(ITEMS, start=1):
        if code not in items:
            item = SurveyItem(project_id=project_id, dimension_id=dimensions[dimension],
                              code=code, text_fr=fr, text_nl=nl, text_en=en, scale_min=1,
                              scale_max=5, scale_labels=AGREEMENT_SCALE, reversed=reversed_,
                              position=position)
            session.add(item)
            session.flush()
            items[code] = item.id
    return items  # type: ignore[return-value]


def dimension_ids(session: Session, project_id: int) -> dict[str, int]:
    return {d.code: d.id for d in session.exec(  # type: ignore[misc]
        select(SurveyDimension).where(SurveyDimension.project_id == project_id))}


def wave_periods(waves: pl.DataFrame) -> pl.DataFrame:
    """Adds `period` to a frame of waves: the closing year, or year-month when two waves close in
    the same year."""
    closing = pl.coalesce("closed_on", "opened_on")
    return waves.with_columns(
        pl.when(closing.dt.year().count().over(closing.dt.year()) > 1)
        .then(closing.dt.strftime("%Y-%m")).otherwise(closing.dt.year().cast(pl.String))
        .alias("period")
    )


def answers_frame(project_id: int, session: Session | None = None) -> pl.DataFrame:
    """Every answer with its wave, respondent category, item and dimension; `score` is the answer
    turned so that higher is always more favourable (reversed items flipped)."""
    statement = (
        select(SurveyAnswer.respondent_id, SurveyAnswer.value, SurveyRespondent.wave_id,
               SurveyRespondent.partner_category, SurveyItem.code.label("item_code"),  # type: ignore[attr-defined]
               SurveyItem.reversed, SurveyItem.scale_min, SurveyItem.scale_max,
               SurveyDimension.code.label("dimension_code"))  # type: ignore[attr-defined]
        .join(SurveyRespondent, SurveyRespondent.id == SurveyAnswer.respondent_id)
        .join(SurveyItem, SurveyItem.id == SurveyAnswer.item_id)
        .join(SurveyDimension, SurveyDimension.id == SurveyItem.dimension_id)
        .where(SurveyItem.project_id == project_id)
    )
    return read_frame(statement, session).with_columns(
        pl.when(pl.col("reversed"))
        .then(pl.col("scale_min") + pl.col("scale_max") - pl.col("value"))
        .otherwise(pl.col("value")).alias("score")
    )


def waves_frame(project_id: int, session: Session | None = None) -> pl.DataFrame:
    waves = read_frame(select(SurveyWave).where(SurveyWave.project_id == project_id), session)
    return wave_periods(waves).sort("closed_on", "opened_on", "name")


def dimension_means_by_wave(session: Session, project_id: int, dimension: str) -> list[dict]:
    """Per wave: mean score of a dimension and its respondents; mean None below 5 respondents."""
    answers = answers_frame(project_id, session).filter(pl.col("dimension_code") == dimension)
    result = []
    for wave in waves_frame(project_id, session).iter_rows(named=True):
        of_wave = answers.filter(pl.col("wave_id") == wave["id"])
        respondents = of_wave["respondent_id"].n_unique()
        mean = of_wave["score"].mean() if respondents >= SMALL_CELL_THRESHOLD else None
        result.append({"wave": wave["name"], "period": wave["period"], "mean": mean,
                       "respondents": respondents})
    return result


def response_rates(project_id: int) -> pl.DataFrame:
    """Per wave: invited, responded and the response rate (respondent counts below 5 are shown
    as "< 5": `responded` null, `responded_suppressed` true)."""
    waves = waves_frame(project_id).select(pl.col("id").alias("wave_id"), "name", "period",
                                           "closed_on")
    invited = read_frame(
        select(SurveyInvitation.wave_id, SurveyInvitation.invited)
        .join(SurveyWave, SurveyWave.id == SurveyInvitation.wave_id)
        .where(SurveyWave.project_id == project_id)
    ).group_by("wave_id").agg(pl.col("invited").sum())
    responded = read_frame(
        select(SurveyRespondent.wave_id, SurveyRespondent.id)
        .join(SurveyWave, SurveyWave.id == SurveyRespondent.wave_id)
        .where(SurveyWave.project_id == project_id)
    ).group_by("wave_id").agg(pl.len().alias("responded"))
    frame = (waves.join(invited, on="wave_id", how="left").join(responded, on="wave_id",
                                                                 how="left")
             .with_columns(pl.col("responded").fill_null(0).cast(pl.Int64))
             .with_columns((pl.col("responded") / pl.col("invited")).alias("rate")))
    return suppress(frame, ["responded"]).with_columns(
        pl.when(pl.col("responded_suppressed")).then(None).otherwise(pl.col("rate"))
        .alias("rate"))


def dimensions(session: Session, project_id: int) -> list[SurveyDimension]:
    return list(session.exec(select(SurveyDimension).where(SurveyDimension.project_id == project_id)
                             .order_by(SurveyDimension.position)))
