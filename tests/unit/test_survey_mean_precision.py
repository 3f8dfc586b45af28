"""Issue 13, dimension means beside merged levels: a dimension's mean is its items' scores
summed over n x items, so shown exactly beside the items' rows (n, shown levels, merged
segment) it solves the merged levels' counts. The precision rule (mean_precision) rounds it so
that they keep two solutions or more. The recovery attempt reads every dimension mean any
channel gives (report frames, the chart specs sent to the browser, the results export) and
brute-forces the merged counts."""

from __future__ import annotations

import itertools
import math
import json
from fractions import Fraction

import polars as pl

from dashboard.charts import partners as charts
from dashboard.i18n import set_language
from dashboard.presenters.partners import label_report
from dashboard.services.partners.mean_precision import (
    STEPS,
    change_of_rounded,
    merged_sums,
    nominal_step,
    round_to_step,
    safe_step,
)
from dashboard.services.partners.mean_precision import dimension_steps
from dashboard.services.partners.surveys import ALL_CATEGORIES, build_report, results_frame
from tests.unit.test_survey_analysis import survey

# A1: levels 1 (twice) and 2 (3 times) merged; A2 shows every level. Both in dimension collab.
A1 = [1] * 2 + [2] * 3 + [4] * 6 + [5] * 5
A2 = [3] * 5 + [4] * 6 + [5] * 5


def two_waves():
    return survey(
        [
            (w, "first_line", {"A1": a1, "A2": a2, "W1": 3})
            for w in (1, 2)
            for a1, a2 in zip(A1, A2, strict=True)
        ]
    )


def _records(chart) -> list[dict]:
    spec = json.loads(json.dumps(chart.to_dict()))
    return [record for rows in spec.get("datasets", {}).values() for record in rows]


def collab_means_shown() -> list[float]:
    """Every number given as a mean of dimension collab, in every channel."""
    set_language("en")
    data = two_waves()
    found: list[float] = []
    for category in (ALL_CATEGORIES, "first_line"):
        report = build_report(data, 2, category, 1)
        for frame, columns in (
            (report.dimension_summary, ["mean"]),
            (report.trend, ["mean"]),
            (report.heatmap, ["mean"]),
            (report.change, ["mean_before", "mean_after"]),
        ):
            rows = frame.filter(pl.col("dimension_code") == "collab")
            found += [v for c in columns for v in rows[c].to_list() if v is not None]
        view = label_report(report, "en")
        for kind in ("dimensions", "trend", "change", "categories"):
            for record in _records(charts.report_chart(view, kind, wave_id=2, baseline_id=1)):
                if record.get("dimension_code") in (None, "collab"):
                    found += [
                        record[c]
                        for c in ("mean", "mean_before", "mean_after")
                        if isinstance(record.get(c), (int, float))
                    ]
    export = results_frame(data).filter(pl.col("code") == "collab")
    found += [m for m in export["mean"].to_list() if m is not None]
    return found


def solutions(means: list[float], tolerance: float) -> list[tuple[int, int]]:
    """A1's merged counts (level 1, level 2) that every shown mean allows, read with
    `tolerance`; what the rows show: n = 16, A1 levels 4 and 5 and merged 5, A2 all levels."""
    n, items = 16, 2
    known = sum(A2) + 4 * 6 + 5 * 5
    found = []
    for c1 in range(1, 5):
        c2 = 5 - c1
        mean = (known + c1 + 2 * c2) / (n * items)
        if all(abs(mean - shown) <= tolerance + 1e-9 for shown in means if 1 <= shown <= 5):
            found.append((c1, c2))
    return found


def test_the_merged_counts_keep_two_solutions_whatever_precision_the_attacker_assumes():
    means = collab_means_shown()
    assert means, "the attack found no dimension mean: it no longer reads the channels"
    truth = (A1.count(1), A1.count(2))
    # Read exactly, to two decimals, or at any step of the rule (the attacker knows it): no
    # reading may leave the true counts as the only answer.
    readings = {tolerance: solutions(means, tolerance) for tolerance in (0.0, 0.005, *(s / 2 for s in STEPS))}
    assert [t for t, found in readings.items() if found == [truth]] == []
    assert len(readings[0.125]) >= 2  # the step shown here, 0.25: 8 / (16 x 2)


def test_the_satisfaction_headline_is_still_shown_beside_merged_levels():
    report = build_report(two_waves(), 2, ALL_CATEGORIES, 1)
    collab = report.dimension_summary.filter(pl.col("dimension_code") == "collab").row(0, named=True)
    true = (sum(A1) + sum(A2)) / 32
    assert collab["mean"] is not None and abs(collab["mean"] - true) <= 0.125
    assert collab["low"] < collab["mean"] < collab["high"]
    change = report.change.filter(pl.col("dimension_code") == "collab").row(0, named=True)
    assert change["change"] == 0 and change["verdict"] == "stable"


def test_the_step_is_at_least_twice_the_scale_over_the_answers():
    assert nominal_step(16, 2, 4) == 0.25  # 8 / 32
    assert nominal_step(50, 6, 4) == 0.05  # 8 / 300 = 0.027
    assert nominal_step(400, 6, 4) == 0.01
    assert nominal_step(6, 1, 4) is None  # 1.33: coarser than any step
    for n, items in itertools.product(range(5, 80), range(1, 8)):
        step = nominal_step(n, items, 4)
        if step is not None:
            assert Fraction(str(step)) >= Fraction(8, n * items)


def test_merged_sums_are_every_sum_with_each_merged_level_non_empty():
    assert merged_sums((1, 2), 5) == {6, 7, 8, 9}
    assert merged_sums((1, 5), 3) == {7, 11}
    assert merged_sums((1, 2, 3), 3) == {6}


def _bins_leave_two(
    known: int, merged: list[tuple[tuple[int, ...], int]], n: int, items: int, step: float
) -> bool:
    """Brute force, independently of safe_step: every rounding bin holding a solution holds
    two different counts for every merged item."""
    per_item = []
    for levels, total in merged:
        per_item.append(
            [c for c in itertools.product(range(1, total + 1), repeat=len(levels)) if sum(c) == total]
        )
    bins: dict[int, list[tuple]] = {}
    for combination in itertools.product(*per_item):
        s = known + sum(
            level * count
            for (levels, _), counts in zip(merged, combination, strict=True)
            for level, count in zip(levels, counts, strict=True)
        )
        bin_ = math.floor(Fraction(s, n * items) / Fraction(str(step)) + Fraction(1, 2))
        bins.setdefault(bin_, []).append(combination)
    return all(
        len({combination[i] for combination in found}) >= 2
        for found in bins.values()
        for i in range(len(merged))
    )


def test_the_safe_step_coarsens_where_a_bin_would_pin_the_least_or_most_counts():
    # S = 117 + 6..9 over 32 cells: at 0.25 the bin [3.75, 4.0) holds only S = 123 (level 1
    # four times): one solution. The next step leaves all four.
    assert not _bins_leave_two(117, [((1, 2), 5)], 16, 2, 0.25)
    assert safe_step(117, (((1, 2), 5),), 16, 2, 4) == 0.5
    assert safe_step(110, (((1, 2), 5),), 16, 2, 4) == 0.25
    for known in range(90, 140):
        for merged in ([((1, 2), 5)], [((1, 2), 5), ((4, 5), 6)], [((1, 3, 5), 5)]):
            step = safe_step(known, tuple(merged), 16, 3, 4)
            assert step is None or _bins_leave_two(known, merged, 16, 3, step), (known, merged, step)


def test_no_merged_level_keeps_the_finest_step():
    assert safe_step(100, (), 6, 1, 4) == STEPS[0]


def test_round_to_step_recentres_the_interval_on_the_rounded_mean():
    frame = pl.DataFrame(
        {
            "mean": [3.78125, 3.1, 2.0],
            "low": [3.5, 3.0, 1.0],
            "high": [4.06, 3.2, 3.0],
            "step": [0.25, 0.05, None],
        }
    )
    rows = round_to_step(frame).rows()
    assert rows[0] == (3.75, 3.25, 4.25, 0.25)  # half-width 0.28 up to 0.5
    assert rows[1] == (3.1, 3.0, 3.2, 0.05)
    assert rows[2] == (None, None, None, None)


def test_a_change_is_made_of_the_rounded_means_and_read_from_its_shown_interval():
    assert change_of_rounded(3.5, 3.75, 0.2, 0.25) == (0.25, 0.0, 0.5, "stable")
    assert change_of_rounded(3.5, 4.0, 0.2, 0.25) == (0.5, 0.25, 0.75, "improved")
    assert change_of_rounded(None, 4.0, 0.2, 0.25) == (None, None, None, None)


def test_dimension_steps_follow_the_items_merged_in_each_group():
    data = two_waves()
    steps = dimension_steps(data.answers, ["wave_id"], 1, 5)
    by = {(w, d): s for w, d, s in steps.select("wave_id", "dimension_code", "step").iter_rows()}
    assert by[(1, "collab")] == 0.25 and by[(2, "collab")] == 0.25  # A1 merged: 8 / 32
    assert by[(1, "load")] == STEPS[0]  # W1: all 16 answered 3, nothing merged
