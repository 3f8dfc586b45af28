"""Issue 13 item 1, survey levels: the levels given 1-4 times are merged into one hidden
segment, but an item's mean shown beside the visible levels' shares and n is one more equation:
with two hidden levels, two equations and two unknowns give the hidden counts. An attacker here
reads everything sent to the browser (the chart spec's data: bars, tooltips, the n / mean /
agree columns) and the results export, and tries every count the hidden levels could hold."""

from __future__ import annotations

import itertools
import json
import re

import polars as pl

from dashboard.charts import partners as charts
from dashboard.i18n import set_language, t
from dashboard.presenters.partners import label_report, results_export
from dashboard.services.partners.surveys import ALL_CATEGORIES, build_report, results_frame
from tests.unit.test_survey_analysis import survey

# Item A1 of 16 first-line partners: level 1 twice, level 2 three times (both hidden, 5
# together), level 4 six times and level 5 five times. Mean 57 / 16 = 3.5625.
A1 = [1] * 2 + [2] * 3 + [4] * 6 + [5] * 5
# Item A2 has no small level: its mean gives nothing away and stays shown.
A2 = [3] * 5 + [4] * 6 + [5] * 5
LEVELS = [1, 2, 3, 4, 5]


def data():
    return survey([(1, "first_line", {"A1": a1, "A2": a2, "W1": 3}) for a1, a2 in zip(A1, A2, strict=True)])


def _number(text: str) -> float | None:
    text = text.strip()
    if not re.fullmatch(r"-?[\d\s.,\u202f\u00a0]+", text) or not re.search(r"\d", text):
        return None
    return float(text.replace("\u202f", "").replace("\u00a0", "").replace(" ", "").replace(",", "."))


def what_the_browser_gets(lang: str = "en") -> dict[str, dict]:
    """Per item row of the items chart: n, the most precise mean any channel gives, the shares
    of the shown levels and of the hidden segment."""
    set_language(lang)  # the charts speak the page's language
    report = label_report(build_report(data(), 1, ALL_CATEGORIES, None), lang)
    spec = json.loads(json.dumps(charts.report_chart(report, "items", wave_id=1, baseline_id=None).to_dict()))
    records = [record for rows in spec.get("datasets", {}).values() for record in rows]
    hidden_label = t("surveys.chart.hidden_levels", lang=lang)
    labels = report.item_levels
    rows: dict[str, dict] = {}
    for record in records:
        if "level_label" in record:  # a bar segment (its tooltip shows the same)
            row = rows.setdefault(record.get("row_full") or record["row"], {"shares": {}})
            share = record["x_end"] - record["x_start"]
            level = (
                None if record["level_label"] == hidden_label else LEVELS[labels.index(record["level_label"])]
            )
            row["shares"][level] = share
    for record in records:
        if "n_text" in record:
            row = rows.setdefault(record.get("item") or record["row"].replace("\n", " "), {"shares": {}})
            row["n"] = int(record["n_text"])
            raw = record.get("mean")
            row["mean"] = (raw, 1e-9) if isinstance(raw, (int, float)) else None
            shown = _number(record.get("mean_text", ""))
            if row["mean"] is None and shown is not None:
                row["mean"] = (shown, 0.005)
    export = results_export(results_frame(data()), lang).filter(
        pl.col("level") == t("surveys.level.item", lang=lang)
    )
    for item in export.iter_rows(named=True):
        row = next((r for name, r in rows.items() if name.startswith(item["label"])), None)
        if row is not None and row.get("mean") is None and item["mean"] is not None:
            row["mean"] = (item["mean"], 0.005)
    return rows


def recovered(row: dict) -> dict[int, int] | None:
    """The hidden levels' counts, if everything shown leaves one possibility with a count of
    1-4; else None."""
    n, shares, mean = row.get("n"), row["shares"], row.get("mean")
    if n is None or mean is None or None not in shares:
        return None
    hidden_levels = [level for level in LEVELS if level not in shares]
    hidden_total = round(shares[None] * n)
    shown_sum = sum(level * round(share * n) for level, share in shares.items() if level is not None)
    value, precision = mean
    target_low, target_high = n * (value - precision) - shown_sum, n * (value + precision) - shown_sum
    solutions = [
        counts
        for counts in itertools.product(range(1, hidden_total + 1), repeat=len(hidden_levels))
        if sum(counts) == hidden_total
        and target_low - 1e-6
        <= sum(l * c for l, c in zip(hidden_levels, counts, strict=True))
        <= target_high + 1e-6
    ]
    if len(solutions) == 1 and any(1 <= c <= 4 for c in solutions[0]):
        return dict(zip(hidden_levels, solutions[0], strict=True))
    return None


def test_no_hidden_level_count_can_be_solved_from_the_mean_and_the_shown_shares():
    for lang in ("fr", "en"):
        rows = what_the_browser_gets(lang)
        assert rows, "the attack found no item rows: the test no longer reads the chart"
        assert {name: recovered(row) for name, row in rows.items() if recovered(row)} == {}


def test_the_mean_of_an_item_without_hidden_levels_is_still_shown():
    report = build_report(data(), 1, ALL_CATEGORIES, None)
    means = dict(report.item_summary.select("item_code", "mean").iter_rows())
    assert means["A2"] == sum(A2) / len(A2)
    assert means["A1"] is None  # two hidden levels: n, the shares and the mean would solve them
