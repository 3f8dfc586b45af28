"""What survey results may show by partner category without giving back a count under 5:
the categories' cells hidden with their complement, the answer levels hidden across the
category x level table (its all-partners margin included), and the figures of a chosen
category that the complement rule hides. Pure functions over polars frames."""

from __future__ import annotations

import polars as pl

from dashboard.services.suppression import suppress_in_margins, suppress_until_safe

ALL_CATEGORIES = "all"  # the all-partners row of a category breakdown


def category_cell_suppression(
    counts: pl.DataFrame, count: str, partition: list[str], hidden_groups: pl.DataFrame
) -> pl.DataFrame:
    """Suppress the per-category cells of `counts` (one row per partition x category): the
    categories hidden in their wave, cells under 5, and the complement that keeps a hidden union
    from being derived from the all-categories cell."""
    marked = counts.join(
        hidden_groups.select("wave_id", "category", pl.col("respondents_suppressed").alias("__hidden_group")),
        on=["wave_id", "category"],
        how="left",
    ).with_columns(pl.col("__hidden_group").fill_null(True))
    return suppress_until_safe(marked, count, partition, already="__hidden_group").drop("__hidden_group")


def margin_hidden_levels(
    answers: pl.DataFrame,
    key: str,
    level: str,
    scale_min: int,
    scale_max: int,
    groups: pl.DataFrame,
) -> pl.DataFrame:
    """Which answer levels each partner category and all partners together hide, per wave and
    `key` (item or dimension), so that no hidden count can be worked out across the category
    x level table: the all-partners row is the sum of the categories' rows, and each row's
    total is its n. A level hidden in one category only would be all partners minus the other
    categories: `suppress_in_margins` hides companions (in another category, or the
    all-partners cell) until no hidden cell is determined. Rows of categories hidden in the
    wave, or whose `key` cell the complement rule hides, are hidden whole from the start.
    Returns wave_id, key, category (ALL_CATEGORIES: all partners), level, level_hidden."""
    levels = pl.DataFrame({"level": list(range(scale_min, scale_max + 1))}, schema={"level": pl.Int64})
    schema = {
        "wave_id": pl.Int64,
        key: pl.String,
        "category": pl.String,
        "level": pl.Int64,
        "level_hidden": pl.Boolean,
    }
    if answers.height == 0:
        return pl.DataFrame(schema=schema)
    per_category = (
        answers.group_by("wave_id", key, "category", level)
        .agg(pl.len().cast(pl.Int64).alias("count"))
        .rename({level: "level"})
        .with_columns(pl.col("level").cast(pl.Int64))
    )
    rows = answers.group_by("wave_id", key, "category").agg(
        pl.col("respondent_id").n_unique().cast(pl.Int64).alias("respondents")
    )
    row_hidden = category_cell_suppression(rows, "respondents", ["wave_id", key], groups).select(
        "wave_id", key, "category", pl.col("respondents_suppressed").alias("__row_hidden")
    )
    cells = (
        rows.select("wave_id", key, "category")
        .join(levels, how="cross")
        .join(per_category, on=["wave_id", key, "category", "level"], how="left")
    )
    everyone = (
        cells.group_by("wave_id", key, "level")
        .agg(pl.col("count").sum())
        .with_columns(pl.lit(ALL_CATEGORIES).alias("category"))
    )
    table = pl.concat([cells, everyone.select(cells.columns)])
    totals = (
        table.group_by("wave_id", key, "category")
        .agg(pl.col("count").sum())
        .with_columns(pl.lit(None, dtype=pl.Int64).alias("level"))
    )
    table = (
        pl.concat([table, totals.select(table.columns)])
        .join(row_hidden, on=["wave_id", key, "category"], how="left")
        .with_columns(
            pl.col("__row_hidden").fill_null(False),
            # a level nobody gave is shown as none: no count to hide (nor to pick as companion)
            pl.when(pl.col("count") == 0).then(None).otherwise(pl.col("count")).alias("count"),
        )
    )
    hidden = suppress_in_margins(
        table, "count", {"category": ALL_CATEGORIES, "level": None}, ("wave_id", key), already="__row_hidden"
    )
    return hidden.filter(pl.col("level").is_not_null()).select(
        "wave_id", key, "category", "level", pl.col("count_suppressed").alias("level_hidden")
    )


_SUMMARY_STATISTICS = [
    "respondents",
    "answers",
    "mean",
    "share_disagree",
    "share_neutral",
    "share_agree",
    "low",
    "high",
]


def hide_complement_cells(
    summary: pl.DataFrame, key: str, wave_answers: pl.DataFrame, category: str, groups: pl.DataFrame
) -> pl.DataFrame:
    """For one chosen category, also hide the items or dimensions (`key`) that the complement
    rule hides in the category breakdown, so that the category's figure cannot be derived
    from the all-categories figure and the other categories' (`wave_answers`: the wave's
    answers of every category)."""
    if category == ALL_CATEGORIES or summary.height == 0:
        return summary
    cells = wave_answers.group_by("wave_id", key, "category").agg(
        pl.col("respondent_id").n_unique().cast(pl.Int64).alias("respondents")
    )
    cells = category_cell_suppression(cells, "respondents", ["wave_id", key], groups)
    hidden = cells.filter(pl.col("respondents_suppressed"), pl.col("category") == category)[key]
    flagged = summary.with_columns(
        (pl.col("respondents_suppressed") | pl.col(key).is_in(hidden.implode())).alias(
            "respondents_suppressed"
        )
    )
    return flagged.with_columns(
        pl.when(pl.col("respondents_suppressed")).then(None).otherwise(pl.col(c)).alias(c)
        for c in _SUMMARY_STATISTICS
        if c in flagged.columns
    )
