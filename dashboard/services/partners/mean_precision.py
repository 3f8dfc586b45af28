"""How precisely a survey dimension's mean may be shown (issue 13).

An item whose rare answer levels are merged shows n, the shares of its other levels and the
merged segment's share, but no mean: with two merged levels the mean would solve their counts.
A dimension's mean is (when every respondent answered every item) the sum of its items' scores
over n x items: shown exactly beside the other items' counts, it gives the merged items' sum
back, and from it their merged counts. So a dimension's mean, its interval and its change
between waves are rounded to a step coarse enough that the merged counts keep at least two
solutions: the step is at least 2 x (scale range) / (n x items), since moving one answer
between two merged levels moves the items' sum by at most the scale range, and a rounding
bin of twice that always holds the true sum and one of its neighbours.

That holds inside the possible sums, not at their ends (every merged count at its least or
most): `safe_step` audits every rounding bin with what the page shows anyway (n, the shown
levels, which levels are merged and their total) and takes the next coarser step of `STEPS`
while a bin would leave one possibility for an item's merged counts. The audit reads nothing
hidden, so the step chosen tells nothing either. No step is safe: the mean is withheld.
"""

from __future__ import annotations

import math
from fractions import Fraction
from functools import lru_cache

import polars as pl

from dashboard.services.suppression import SMALL_CELL_THRESHOLD, hide_small_parts

# The steps a mean may be shown at (readable with two decimals).
STEPS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1.0)


def nominal_step(respondents: int, items: int, scale_range: int) -> float | None:
    """The finest step of STEPS at least 2 x scale_range / (respondents x items); None when even
    the coarsest is finer (a tiny group: its mean is not shown anyway)."""
    if respondents <= 0 or items <= 0:
        return None
    needed = Fraction(2 * scale_range, respondents * items)
    return next((step for step in STEPS if Fraction(str(step)) >= needed), None)


@lru_cache(maxsize=4096)
def merged_sums(levels: tuple[int, ...], total: int) -> frozenset[int]:
    """Every sum of level x count that merged `levels` holding `total` answers together can
    give, each level holding one answer or more (a merged level is never empty)."""
    if len(levels) == 0:
        return frozenset({0})
    # reachable[c]: the sums of the levels so far holding c answers together
    reachable: dict[int, set[int]] = {0: {0}}
    for position, level in enumerate(levels):
        left = len(levels) - position - 1  # the levels after this one need one answer each
        nxt: dict[int, set[int]] = {}
        for used, sums in reachable.items():
            for count in range(1, total - used - left + 1):
                nxt.setdefault(used + count, set()).update(s + level * count for s in sums)
        reachable = nxt
    return frozenset(reachable.get(total, set()))


def _bin(total: int, cells: int, step: Fraction) -> int:
    """The rounding bin of mean total / cells at `step` (round half up, exactly, in integers)."""
    return (2 * total * step.denominator + cells * step.numerator) // (2 * cells * step.numerator)


def _sumset(parts: list[frozenset[int]]) -> set[int]:
    sums = {0}
    for part in parts:
        sums = {a + b for a in sums for b in part}
    return sums


@lru_cache(maxsize=65536)
def safe_step(
    known: int,
    merged: tuple[tuple[tuple[int, ...], int], ...],
    respondents: int,
    items: int,
    scale_range: int,
) -> float | None:
    """The step a dimension mean may be shown at: the nominal step, or the next coarser one
    while some rounding bin leaves one possibility for the merged counts of an item.

    `known`: the sum of the scores the page shows (items without merged levels, and the shown
    levels of the others); `merged`: per item with merged levels, (its merged score levels,
    their answers together); the mean taken is (known + merged sums) / (respondents x items).
    """
    if not merged:  # every count is shown: the mean tells nothing more, at any precision
        return STEPS[0]
    first = nominal_step(respondents, items, scale_range)
    if first is None:
        return None
    cells = respondents * items
    choices = [merged_sums(levels, total) for levels, total in merged]
    # an item pinned alone (one possible sum, e.g. one merged level) is not this rule's case
    others = [_sumset([c for j, c in enumerate(choices) if j != i]) for i in range(len(choices))]
    for step in STEPS[STEPS.index(first) :]:
        exact = Fraction(str(step))
        safe = True
        for i, own in enumerate(choices):
            per_bin: dict[int, set[int]] = {}
            for x in own:
                for rest in others[i]:
                    per_bin.setdefault(_bin(known + x + rest, cells, exact), set()).add(x)
            if any(len(xs) < 2 for xs in per_bin.values()) and len(own) > 1:
                safe = False
                break
        if safe:
            return step
    return None


def dimension_steps(
    answers: pl.DataFrame,
    by: list[str],
    scale_min: int,
    scale_max: int,
    hidden_cells: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Per group of `by` and dimension: the step its mean may be shown at (`step`, null:
    withheld), from the answers on the common scale (`score`, `item_code`, `dimension_code`,
    `respondent_id`), with the items' levels merged as the items chart merges them (levels
    given 1-4 times, `hide_small_parts`; reversing an item maps its levels one to one, so the
    merged levels are the same on `score`). `hidden_cells` (by, item_code, level on `score`,
    level_hidden): levels hidden beforehand, as the items chart hides them too."""
    keys = [*by, "dimension_code"]
    schema = {**{c: answers.schema[c] for c in keys}, "step": pl.Float64}
    if answers.height == 0:
        return pl.DataFrame(schema=schema)
    levels = pl.DataFrame({"level": list(range(scale_min, scale_max + 1))}, schema={"level": pl.Int64})
    item_keys = [*keys, "item_code"]
    counts = (
        answers.group_by([*item_keys, "score"])
        .agg(pl.len().cast(pl.Int64).alias("count"))
        .rename({"score": "level"})
        .with_columns(pl.col("level").cast(pl.Int64))
    )
    grid = (
        answers.select(item_keys)
        .unique()
        .join(levels, how="cross")
        .join(counts, on=[*item_keys, "level"], how="left")
        .with_columns(pl.col("count").fill_null(0))
    )
    if hidden_cells is not None:
        grid = grid.join(
            hidden_cells.select(*by, "item_code", "level", pl.col("level_hidden").alias("hidden")),
            on=[*by, "item_code", "level"],
            how="left",
        )
    grid = hide_small_parts(
        grid,
        item_keys,
        "count",
        "hidden",
        SMALL_CELL_THRESHOLD,
    )
    sizes = answers.group_by(keys).agg(
        pl.col("respondent_id").n_unique().alias("respondents"), pl.col("item_code").n_unique().alias("items")
    )
    per_level = grid.join(sizes, on=keys).with_columns((pl.col("level") * pl.col("count")).alias("__sum"))
    shown = per_level.filter(~pl.col("hidden")).group_by(keys).agg(pl.col("__sum").sum().alias("known"))
    merged = (
        per_level.filter(pl.col("hidden"))
        .group_by([*keys, "item_code"])
        .agg(pl.col("level").sort().alias("levels"), pl.col("count").sum().alias("total"))
        .group_by(keys)
        .agg(pl.struct("levels", "total").sort_by(pl.col("levels").list.first()).alias("merged"))
    )
    groups = (
        sizes.join(shown, on=keys, how="left")
        .join(merged, on=keys, how="left")
        .with_columns(pl.col("known").fill_null(0))
    )
    rows = []
    for row in groups.iter_rows(named=True):
        merged_items = tuple(
            sorted((tuple(item["levels"]), int(item["total"])) for item in (row["merged"] or []))
        )
        step = safe_step(
            int(row["known"]), merged_items, int(row["respondents"]), int(row["items"]), scale_max - scale_min
        )
        rows.append({**{c: row[c] for c in keys}, "step": step})
    return pl.DataFrame(rows, schema=schema)


def round_to_step(
    frame: pl.DataFrame, columns: tuple[str, str, str] = ("mean", "low", "high"), step: str = "step"
) -> pl.DataFrame:
    """The mean rounded to its row's `step` (half up), and its interval re-centred on the
    rounded mean with the half-width rounded up to the step, so that the bounds tell nothing
    finer than the mean shown; a null step nulls all three (withheld)."""
    mean, low, high = columns
    s = pl.col(step)
    rounded = ((pl.col(mean) / s + 0.5 + 1e-9).floor() * s).round(6)
    half = (((pl.col(high) - pl.col(low)) / 2 / s - 1e-9).ceil() * s).round(6)
    return frame.with_columns(
        rounded.alias(mean),
        (rounded - half).round(6).alias(low),
        (rounded + half).round(6).alias(high),
    )


def round_changes(frame: pl.DataFrame) -> pl.DataFrame:
    """`wave_change`'s rows made of the rounded means: `mean_before` / `mean_after` already
    rounded to `step_before` / `step_after`; the change, interval and verdict as
    `change_of_rounded` gives them (null steps: withheld)."""
    rows = []
    for row in frame.iter_rows(named=True):
        steps = [s for s in (row["step_before"], row["step_after"]) if s is not None]
        step = max(steps) if len(steps) == 2 else None
        half = None if row["low"] is None or row["high"] is None else (row["high"] - row["low"]) / 2
        change, low, high, verdict = change_of_rounded(row["mean_before"], row["mean_after"], half, step)
        withheld = row["change"] is not None and change is None
        rows.append(
            {
                **row,
                "change": change,
                "low": low,
                "high": high,
                "verdict": verdict,
                "mean_before": row["mean_before"] if change is not None else None,
                "mean_after": row["mean_after"] if change is not None else None,
                "suppressed": row["suppressed"] or withheld,
            }
        )
    return pl.DataFrame(rows, schema=frame.schema).drop("step_before", "step_after")


def change_of_rounded(
    before: float | None, after: float | None, half: float | None, step: float | None
) -> tuple[float | None, float | None, float | None, str | None]:
    """A change between two rounded means: their difference (so it says nothing finer than
    they do), its interval with the half-width rounded up to `step` (the coarser of the two
    means' steps), and the verdict read from that interval as shown."""
    if before is None or after is None or step is None:
        return None, None, None, None
    change = round(after - before, 6)
    width = 0.0 if half is None else math.ceil(half / step - 1e-9) * step
    low, high = round(change - width, 6), round(change + width, 6)
    verdict = "improved" if low > 0 else "declined" if high < 0 else "stable"
    return change, low, high, verdict
