"""Statistics of the survey answers: confidence intervals of means, the change between two waves,
the Likert summary of each item and dimension."""

from __future__ import annotations

import math

import polars as pl

from dashboard.services.suppression import (
    SMALL_CELL_THRESHOLD,
    hide_small_parts,
    suppress,
)

CONFIDENCE_Z = 1.959963984540054  # two-sided 95 %


def t_quantile(degrees_of_freedom: float, z: float = CONFIDENCE_Z) -> float:
    """Student's t quantile matching the normal quantile `z` (Cornish-Fisher expansion; within
    0.01 of the exact value from 3 degrees of freedom, which is below any group shown)."""
    v = max(degrees_of_freedom, 1.0)
    return (
        z
        + (z**3 + z) / (4 * v)
        + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * v**2)
        + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * v**3)
        + (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / (92160 * v**4)
    )


def mean_intervals(means: pl.DataFrame, by: list[str]) -> pl.DataFrame:
    """Per group of respondent means: respondents, mean, and a 95 % t interval of the mean
    (low, high); groups under 5 respondents come out suppressed."""
    stats = means.group_by(by).agg(
        pl.len().alias("respondents"), pl.col("score").mean().alias("mean"), pl.col("score").std().alias("sd")
    )
    rows = []
    for row in stats.iter_rows(named=True):
        n, sd = row["respondents"], row["sd"] or 0.0
        half = t_quantile(n - 1) * sd / math.sqrt(n) if n > 1 else None
        rows.append(
            {
                **row,
                "low": None if half is None else row["mean"] - half,
                "high": None if half is None else row["mean"] + half,
            }
        )
    frame = pl.DataFrame(rows, schema={**stats.schema, "low": pl.Float64, "high": pl.Float64})
    return _null_when_small(frame, ["mean", "sd", "low", "high"])


def _null_when_small(frame: pl.DataFrame, columns: list[str]) -> pl.DataFrame:
    """Suppress `respondents` under 5 (if not yet) and null the statistics of those rows."""
    if "respondents_suppressed" not in frame.columns:
        frame = suppress(frame, ["respondents"])
    return frame.with_columns(
        pl.when(pl.col("respondents_suppressed")).then(None).otherwise(pl.col(c)).alias(c) for c in columns
    )


def wave_change(means: pl.DataFrame, baseline_wave: int, wave: int) -> pl.DataFrame:
    """Per dimension: the change of the mean score from `baseline_wave` to `wave`, with a 95 %
    Welch interval of the difference of respondent-level means. `verdict` is "improved" or
    "declined" when the interval excludes 0 (a change larger than the noise), else "stable";
    dimensions with fewer than 5 respondents in either wave are suppressed."""

    def side(wave_id: int, suffix: str) -> pl.DataFrame:
        return (
            means.filter(pl.col("wave_id") == wave_id)
            .group_by("dimension_code")
            .agg(
                pl.len().alias(f"n{suffix}"),
                pl.col("score").mean().alias(f"mean{suffix}"),
                pl.col("score").var().alias(f"var{suffix}"),
            )
        )

    joined = side(baseline_wave, "_before").join(
        side(wave, "_after"), on="dimension_code", how="full", coalesce=True
    )
    rows = []
    for row in joined.iter_rows(named=True):
        n_a, n_b = row["n_before"] or 0, row["n_after"] or 0
        shown = n_a >= SMALL_CELL_THRESHOLD and n_b >= SMALL_CELL_THRESHOLD
        result = {
            "dimension_code": row["dimension_code"],
            "change": None,
            "low": None,
            "high": None,
            "mean_before": None,
            "mean_after": None,
            "verdict": None,
            "suppressed": not shown,
        }
        if shown:
            se_a, se_b = (row["var_before"] or 0.0) / n_a, (row["var_after"] or 0.0) / n_b
            se = math.sqrt(se_a + se_b)
            df = (se_a + se_b) ** 2 / (se_a**2 / (n_a - 1) + se_b**2 / (n_b - 1)) if se > 0 else n_a + n_b - 2
            change = row["mean_after"] - row["mean_before"]
            half = t_quantile(df) * se
            verdict = "improved" if change - half > 0 else "declined" if change + half < 0 else "stable"
            result.update(
                change=change,
                low=change - half,
                high=change + half,
                mean_before=row["mean_before"],
                mean_after=row["mean_after"],
                verdict=verdict,
            )
        rows.append(result)
    return pl.DataFrame(
        rows,
        schema={
            "dimension_code": pl.String,
            "change": pl.Float64,
            "low": pl.Float64,
            "high": pl.Float64,
            "mean_before": pl.Float64,
            "mean_after": pl.Float64,
            "verdict": pl.String,
            "suppressed": pl.Boolean,
        },
    )


def likert_summary(
    answers: pl.DataFrame,
    by: list[str],
    level: str,
    scale_min: int,
    scale_max: int,
    hidden_cells: pl.DataFrame | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Distribution of answers on one scale, per group of `by`.

    Returns (summary, distribution). summary: respondents (distinct), answers, mean of `level`,
    share_disagree (levels below the middle), share_neutral (the middle, odd scales only),
    share_agree (above); distribution: one row per group and shown level with its share and
    its place on a diverging bar (x_start, x_end: disagreeing to the left of 0, agreeing to
    the right, the neutral share centred on 0). Groups under 5 respondents: summary
    suppressed, no distribution.

    Levels given 1-4 times are hidden (`suppression.hide_small_parts`): they leave the distribution and
    are drawn as one segment at the right end, `level` null, holding their total share (5
    answers or more); the summary's share of a side that holds a hidden level is null, and so
    is the mean of a group with hidden levels (`levels_hidden`): with n and the shown levels it
    would give the hidden levels' counts (two levels, two equations)."""
    middle = (scale_min + scale_max) / 2
    levels = pl.DataFrame({"level": list(range(scale_min, scale_max + 1))}, schema={"level": pl.Int64})
    summary = answers.group_by(by).agg(
        pl.col("respondent_id").n_unique().cast(pl.Int64).alias("respondents"),
        pl.len().cast(pl.Int64).alias("answers"),
        pl.col(level).mean().alias("mean"),
        (pl.col(level) < middle).mean().alias("share_disagree"),
        (pl.col(level) == middle).mean().alias("share_neutral"),
        (pl.col(level) > middle).mean().alias("share_agree"),
    )
    summary = _null_when_small(summary, ["answers", "mean", "share_disagree", "share_neutral", "share_agree"])
    shown = summary.filter(~pl.col("respondents_suppressed")).select(by)
    counts = (
        answers.join(shown, on=by)
        .group_by([*by, level])
        .agg(pl.len().alias("count"))
        .rename({level: "level"})
        .with_columns(pl.col("level").cast(pl.Int64))
    )
    grid = shown.join(levels, how="cross").join(counts, on=[*by, "level"], how="left")
    grid = grid.with_columns(pl.col("count").fill_null(0))
    if hidden_cells is not None:  # hidden beforehand (`margin_hidden_levels`): by, level, level_hidden
        grid = grid.join(hidden_cells.select(*by, "level", "level_hidden"), on=[*by, "level"], how="left")
    grid = hide_small_parts(
        grid,
        by,
        "count",
        "level_hidden",
    )
    with_shares = grid.with_columns((pl.col("count") / pl.col("count").sum().over(by)).alias("share"))
    sides = with_shares.group_by(by).agg(
        (pl.col("level_hidden") & (pl.col("level") < middle)).any().alias("__disagree"),
        (pl.col("level_hidden") & (pl.col("level") == middle)).any().alias("__neutral"),
        (pl.col("level_hidden") & (pl.col("level") > middle)).any().alias("__agree"),
        pl.col("level_hidden").any().alias("levels_hidden"),
    )
    summary = (
        summary.join(sides, on=by, how="left")
        .with_columns(
            pl.when(pl.col(f"__{side}").fill_null(False))
            .then(None)
            .otherwise(pl.col(f"share_{side}"))
            .alias(f"share_{side}")
            for side in ("disagree", "neutral", "agree")
        )
        .with_columns(
            pl.col("levels_hidden").fill_null(False),
            # The hidden levels are two or more (one alone is joined by the smallest shown):
            # their total is known from the shares, and the mean with n and the shown levels
            # gives their weighted sum, a second equation; two levels are then solved, more
            # are often pinned by counts being whole numbers. So no mean beside hidden levels.
            pl.when(pl.col("levels_hidden").fill_null(False))
            .then(None)
            .otherwise(pl.col("mean"))
            .alias("mean"),
        )
        .drop("__disagree", "__neutral", "__agree")
    )
    hidden = (
        with_shares.filter(pl.col("level_hidden"))
        .group_by(by)
        .agg(pl.col("share").sum())
        .with_columns(pl.lit(None, dtype=pl.Int64).alias("level"))
    )
    distribution = pl.concat(
        [
            with_shares.filter(~pl.col("level_hidden")).select(*by, "level", "share"),
            hidden.select(*by, "level", "share"),
        ]
    ).sort([*by, "level"], nulls_last=True)
    offset = (
        pl.when(pl.col("level") < middle)
        .then(pl.col("share"))
        .when(pl.col("level") == middle)
        .then(pl.col("share") / 2)
        .otherwise(0.0)
        .sum()
        .over(by)
    )
    distribution = distribution.with_columns(
        (pl.col("share").cum_sum().over(by) - offset).alias("x_end")
    ).with_columns((pl.col("x_end") - pl.col("share")).alias("x_start"))
    return summary.sort(by), distribution
