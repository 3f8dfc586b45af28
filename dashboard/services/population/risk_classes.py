"""Colour classes of the risk map: class breaks that fit the regions' values, shown with the
decimals that tell them apart."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import polars as pl

from dashboard.services.population.risk import Measure, RiskData, RiskView, trend

MAX_CLASSES = 5


def class_breaks(values: list[float], max_classes: int = MAX_CLASSES) -> list[float]:
    """Natural breaks (Fisher-Jenks: classes that keep similar values together) of `values`:
    [minimum, largest value of class 1, ..., maximum], so class i holds the values above edge i
    up to edge i + 1 (the first from the minimum); at most `max_classes` classes, fewer when
    there are fewer distinct values. Empty for no values."""
    data = sorted(v for v in values if v is not None and not math.isnan(v))
    if not data:
        return []
    distinct = sorted(set(data))
    k = min(max_classes, len(distinct))
    if k == 1:
        return [data[0], data[-1]]
    n = len(data)
    # Prefix sums for the within-class sum of squared deviations of data[i..j] (a sequential
    # cumulative sum: the same floats as adding them one by one).
    values_ = np.asarray(data, dtype=np.float64)
    s1 = np.concatenate(([0.0], np.cumsum(values_)))
    s2 = np.concatenate(([0.0], np.cumsum(values_ * values_)))
    ends = np.arange(n)
    first_total = s1[ends + 1] - s1[0]
    previous = (s2[ends + 1] - s2[0]) - first_total * first_total / (ends + 1)
    start = np.zeros((k + 1, n), dtype=np.int64)
    starts_ = np.arange(n)
    # best[c][j] = min over i of best[c - 1][i - 1] + cost(i, j), for blocks of j at once
    # (the first i that reaches the minimum, as a loop over i would choose).
    block = max(1, 2_000_000 // n)
    for c in range(2, k + 1):
        best = np.full(n, np.inf)
        before = np.concatenate(([np.inf], previous[:-1]))  # best[c - 1][i - 1]
        for first in range(c - 1, n, block):
            j = np.arange(first, min(first + block, n))[:, None]
            count = j - starts_[None, :] + 1
            valid = (starts_[None, :] >= c - 1) & (count >= 1)
            with np.errstate(divide="ignore", invalid="ignore"):
                total = s1[j + 1] - s1[starts_][None, :]
                candidate = before[None, :] + ((s2[j + 1] - s2[starts_][None, :]) - total * total / count)
            candidate = np.where(valid, candidate, np.inf)
            chosen = np.argmin(candidate, axis=1)
            best[j[:, 0]] = candidate[np.arange(len(chosen)), chosen]
            start[c, j[:, 0]] = chosen
        previous = best
    uppers = [data[-1]]  # the largest value of each class, from the last class down
    j = n - 1
    for c in range(k, 1, -1):
        i = start[c][j]
        uppers.append(data[i - 1])
        j = i - 1
    # The first class starts at the minimum (which may also be its largest value).
    return [data[0], *sorted(set(uppers))]


# Below a tenth of the largest value, the regions' values barely differ (2,08 % and 2,15 %):
# a colour scale stretched over such a spread would paint noise as contrast. A spread under
# 0.1 percentage point (1 per 1,000) is read the same way for shares, rates and changes.
MIN_RELATIVE_SPREAD = 0.10
MIN_POINT_SPREAD = {Measure.share: 0.1, Measure.rate: 1.0, Measure.prevalence: 1.0, Measure.change: 0.5}
# Natural breaks take the fewest classes that hold this share of the values' variance
# (goodness of variance fit), and no more than one class per two values on average: six
# regions in five classes would paint each region apart.
GOOD_FIT = 0.8
# The decimals a measure is written with (in its unit: %, persons, per 1,000, points).
DECIMALS = {Measure.share: 1, Measure.count: 0, Measure.rate: 1, Measure.prevalence: 1, Measure.change: 1}
# At most this many decimals more than usual for class bounds that read apart.
EXTRA_DECIMALS = 2


@dataclass(frozen=True)
class ColourClasses:
    """The map's colour classes of a measure. `edges` [a0, a1, ..., ak]: class i holds the
    values a_i <= v < a_(i+1), the last one a_(k-1) <= v <= a_k, so a bound ends one class and
    starts the next. At `decimals` (in the measure's unit) the values of a class never read
    like the bound of the next one. `barely_differ`: the values' spread is too small to mean
    anything, so there is one class, drawn in a neutral colour."""

    edges: list[float]
    decimals: int
    barely_differ: bool = False

    @property
    def count(self) -> int:
        return max(len(self.edges) - 1, 0)


def usual_decimals(measure: Measure, values: list[float]) -> int:
    """The decimals values of the measure are written with: one more for values under 1, two
    more under 0.1 (0,03 %, not 0,0 %)."""
    decimals = DECIMALS[measure]
    largest = max((abs(v) for v in values), default=0.0)
    if measure != Measure.count and 0 < largest < 1:
        decimals += 1 if largest >= 0.1 else 2
    return decimals


def barely_differ(values: list[float], measure: Measure) -> bool:
    """Whether the values' spread is below what means a difference (see MIN_RELATIVE_SPREAD):
    relative to the largest value (not for a change, which may be around zero), or in
    points."""
    if len(values) < 2:
        return False
    spread = max(values) - min(values)
    largest = max(abs(v) for v in values)
    if measure != Measure.change and largest > 0 and spread < MIN_RELATIVE_SPREAD * largest:
        return True
    return measure in MIN_POINT_SPREAD and spread < MIN_POINT_SPREAD[measure]


def variance_fit(values: list[float], edges: list[float]) -> float:
    """Goodness of variance fit of classes (edges as `class_breaks` gives them): 1 minus the
    squared deviations from the class means over those from the overall mean."""
    mean = sum(values) / len(values)
    total = sum((v - mean) ** 2 for v in values)
    if total == 0:
        return 1.0
    uppers = edges[1:]
    within = 0.0
    for index, upper in enumerate(uppers):
        lower = uppers[index - 1] if index else None
        members = [v for v in values if v <= upper and (lower is None or v > lower)]
        if members:
            centre = sum(members) / len(members)
            within += sum((v - centre) ** 2 for v in members)
    return 1 - within / total


def fitting_breaks(values: list[float], max_classes: int = MAX_CLASSES) -> list[float]:
    """Natural breaks with the fewest classes (at least two) that fit the values (GOOD_FIT),
    at most `max_classes` and one class per two values."""
    most = max(2, min(max_classes, math.ceil(len(values) / 2)))
    edges = class_breaks(values, 2)
    for classes in range(2, most + 1):
        edges = class_breaks(values, classes)
        if variance_fit(values, edges) >= GOOD_FIT:
            break
    return edges


def _shown(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}"


def colour_classes(values: list[float], measure: Measure, max_classes: int = MAX_CLASSES) -> ColourClasses:
    """Classes that fit the values' spread: one when they barely differ; else natural breaks
    (at most `max_classes`), each class starting at its smallest value, at the fewest decimals
    (up to EXTRA_DECIMALS more than usual) at which each class's largest value reads below the
    next class's start; classes that still read alike are merged."""
    data = sorted(v for v in values if v is not None and not math.isnan(v))
    base = usual_decimals(measure, data)
    if not data:
        return ColourClasses([], base)
    if barely_differ(data, measure) or len(set(data)) == 1:
        decimals = base
        while (
            data[0] != data[-1]
            and decimals < base + EXTRA_DECIMALS
            and _shown(data[0], decimals) == _shown(data[-1], decimals)
        ):
            decimals += 1
        return ColourClasses([data[0], data[-1]], decimals, barely_differ=len(set(data)) > 1)
    uppers = fitting_breaks(data, max_classes)[1:]  # the largest value of each class
    starts, decimals = class_starts(data, uppers, base)
    return ColourClasses([data[0], *starts, data[-1]], decimals)


def class_starts(data: list[float], uppers: list[float], base: int) -> tuple[list[float], int]:
    """The smallest value of each class but the first (classes given by their largest values,
    `uppers`, over the sorted `data`), and the fewest decimals from `base` (up to
    EXTRA_DECIMALS more) at which each class's largest value reads below the next class's
    start; the starts that still read like the value before them are dropped (merging the two
    classes)."""
    boundaries = [(top, min(v for v in data if v > top)) for top in uppers[:-1]]
    decimals = base
    while decimals < base + EXTRA_DECIMALS and any(
        _shown(top, decimals) == _shown(start, decimals) for top, start in boundaries
    ):
        decimals += 1
    starts = [start for top, start in boundaries if _shown(top, decimals) != _shown(start, decimals)]
    return starts, decimals


def class_of(value: pl.Expr, classes: ColourClasses) -> pl.Expr:
    """The class (0 = lowest) of each value; null for null values. A value equal to a bound
    belongs to the class that the bound starts."""
    edges = classes.edges
    if len(edges) < 2:
        return pl.lit(None, dtype=pl.Int64)
    inner = edges[1:-1]
    index = (
        pl.sum_horizontal([(value >= edge).cast(pl.Int64) for edge in inner])
        if inner
        else pl.lit(0, dtype=pl.Int64)
    )
    return pl.when(value.is_null()).then(None).otherwise(index).cast(pl.Int64)


def measure_breaks(data: RiskData, view: RiskView, every_year: bool = False) -> ColourClasses:
    """Colour classes of the view's measure over the regions' values of the view's year (the
    map: which regions stand out this year), or of every year (the small multiples: the same
    colours in every year, so that change shows)."""
    values = trend(data, view)
    if not every_year:
        values = values.filter(pl.col("year") == view.year)
    return colour_classes(values["value"].drop_nulls().to_list(), view.measure)
