"""Indicator charts: the series with its trajectory, regions with hidden values, progress
towards targets (valid Vega-Lite, and what a reader relies on)."""

import datetime as dt

import polars as pl

from dashboard.charts.evaluation import indicator_trend, progress_chart, region_bars
from dashboard.charts.theme import themed

WORDS = {
    "project": "Project",
    "value": "Value",
    "period": "Period",
    "region": "Region",
    "baseline": "Baseline",
    "target": "Target",
    "trajectory": "Trajectory",
}


def values() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "period": ["2019", "2020", "2020", "2021"],
            "period_end": [
                dt.date(2019, 12, 31),
                dt.date(2020, 12, 31),
                dt.date(2020, 12, 31),
                dt.date(2021, 12, 31),
            ],
            "region_name": [None, None, "Ieper", None],
            "value": [40.0, 42.0, 44.0, None],
        }
    )


def test_the_series_shows_the_trajectory_from_baseline_to_target_on_year_end_ticks():
    chart = indicator_trend(
        values(),
        baseline=(40.0, dt.date(2018, 12, 31)),
        target=(60.0, dt.date(2026, 12, 31)),
        words=WORDS,
        decimals=1,
        unit="%",
    )
    spec = themed(chart).to_dict(validate=True)
    datasets = spec["datasets"]
    trajectory = next(layer for layer in spec["layer"] if layer["mark"].get("strokeDash") == [8, 6])
    line = datasets[trajectory["data"]["name"]]
    assert [(row["label"], row["value"]) for row in line] == [("Baseline", 40.0), ("Target", 60.0)]
    axis = spec["layer"][0]["encoding"]["x"]["axis"]
    assert [v["year"] for v in axis["values"]] == list(range(2018, 2027))
    assert {v["month"] for v in axis["values"]} == {12}


def test_without_baseline_there_is_no_trajectory_line():
    chart = indicator_trend(
        values(), baseline=None, target=(60.0, dt.date(2026, 12, 31)), words=WORDS, decimals=1, unit="%"
    )
    spec = themed(chart).to_dict(validate=True)
    assert not any(layer["mark"].get("strokeDash") == [8, 6] for layer in spec["layer"])


def test_a_hidden_region_is_written_not_drawn():
    latest = pl.DataFrame(
        {
            "region_name": ["Ieper", "Tielt"],
            "value": [None, 45.0],
            "value_suppressed": [True, False],
            "project_value": [44.0, 44.0],
        }
    )
    spec = themed(region_bars(latest, words=WORDS, decimals=1, target=50.0, suppressed_text="< 5")).to_dict(
        validate=True
    )
    rows = [row for data in spec["datasets"].values() for row in data if "label" in row]
    assert {row["region_name"]: row["label"] for row in rows} == {"Ieper": "< 5", "Tielt": "45,0"}


def test_progress_leaves_out_indicators_without_baseline():
    frame = pl.DataFrame(
        {
            "label": ["A", "B"],
            "status": ["on_track", "at_risk"],
            "progress": [0.8, None],
            "expected_progress": [0.75, None],
        }
    )
    labels = {
        "on_track": "On track",
        "at_risk": "At risk",
        "off_track": "Off track",
        "no_target": "-",
        "no_data": "-",
    }
    spec = themed(
        progress_chart(
            frame,
            status_labels=labels,
            words={
                "progress": "Progress",
                "expected": "Expected",
                "status": "Status",
                "indicator": "Indicator",
                "baseline": "Baseline",
                "target": "Target",
            },
        )
    ).to_dict(validate=True)
    bars = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "bar")
    assert [row["label"] for row in spec["datasets"][bars["data"]["name"]]] == ["A"]


def test_chart_images_for_download_carry_their_text():
    from dashboard.charts.images import to_png

    def image(title: str) -> bytes:
        frame = pl.DataFrame(
            {"label": ["A"], "status": ["on_track"], "progress": [0.5], "expected_progress": [0.4]}
        )
        labels = {"on_track": "On track", "at_risk": "At risk", "off_track": "Off track"}
        chart = progress_chart(
            frame,
            status_labels=labels,
            words={
                "progress": title,
                "expected": "Expected",
                "status": "Status",
                "indicator": "Indicator",
                "baseline": "Baseline",
                "target": "Target",
            },
        )
        return to_png(themed(chart), scale=1)

    # Only the axis title differs: the images differ only if text is drawn.
    assert image("Progress") != image("Way covered from baseline to target")
