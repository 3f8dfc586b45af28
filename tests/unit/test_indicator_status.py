"""Indicator status against the straight trajectory from baseline to target (the rule stated on
the Indicators page), and progress from baseline to target."""

import datetime as dt

import polars as pl

from dashboard.services.evaluation.indicator_status import (
    TOLERANCE,
    expected_value,
    progress_towards_target,
    trajectory_status,
)

# From 40 (end of 2018) to 60 (end of 2026): 2.5 points a year; the tolerance is 2 points.
HIGHER = dict(
    baseline_value=40.0,
    baseline_period="2018",
    target_value=60.0,
    target_period="2026",
    polarity="higher_is_better",
)
LOWER = dict(
    baseline_value=25.0,
    baseline_period="2018",
    target_value=20.0,
    target_period="2026",
    polarity="lower_is_better",
)


def test_the_tolerance_is_a_tenth_of_the_way():
    assert TOLERANCE == 0.1


def test_on_track_at_or_above_the_line():
    # Halfway in time (end of 2022) the line is at 50.
    result = trajectory_status(value=50.5, period="2022", **HIGHER)
    assert result.status == "on_track"
    assert abs(result.expected - 50.0) < 0.1


def test_on_track_within_a_tenth_of_the_distance_below_the_line():
    assert trajectory_status(value=48.1, period="2022", **HIGHER).status == "on_track"
    assert trajectory_status(value=47.9, period="2022", **HIGHER).status == "at_risk"


def test_at_risk_below_the_line_but_better_than_baseline():
    assert trajectory_status(value=45.0, period="2022", **HIGHER).status == "at_risk"


def test_off_track_no_better_than_baseline():
    assert trajectory_status(value=40.0, period="2022", **HIGHER).status == "off_track"
    assert trajectory_status(value=38.0, period="2022", **HIGHER).status == "off_track"


def test_polarity_lower_is_better():
    # Halfway the line is at 22.5; tolerance 0.5.
    assert trajectory_status(value=22.0, period="2022", **LOWER).status == "on_track"
    assert trajectory_status(value=22.9, period="2022", **LOWER).status == "on_track"
    assert trajectory_status(value=23.5, period="2022", **LOWER).status == "at_risk"
    assert trajectory_status(value=25.5, period="2022", **LOWER).status == "off_track"


def test_after_the_target_period_the_target_itself_is_the_line():
    assert trajectory_status(value=57.0, period="2027", **HIGHER).status == "at_risk"
    assert trajectory_status(value=59.0, period="2027", **HIGHER).status == "on_track"
    assert trajectory_status(value=61.0, period="2027", **HIGHER).status == "on_track"


def test_quarters_and_months_are_placed_in_time():
    early = trajectory_status(value=41.0, period="2018-Q4", **HIGHER)
    assert early.status == "on_track"  # the line has barely moved by then
    mid_2022 = trajectory_status(value=49.0, period="2022-06", **HIGHER)
    assert abs(mid_2022.expected - 48.76) < 0.05


def test_a_period_not_over_is_judged_today():
    # The share of 2026 so far, on 30 June 2026: the line is not yet at the target.
    today = dt.date(2026, 6, 30)
    judged_today = trajectory_status(value=58.5, period="2026", today=today, **HIGHER)
    assert judged_today.status == "on_track" and judged_today.expected < 60.0
    at_year_end = trajectory_status(value=57.0, period="2026", **HIGHER)
    assert at_year_end.status == "at_risk" and at_year_end.expected == 60.0


def test_without_baseline_only_the_target_counts():
    no_baseline = dict(HIGHER, baseline_value=None, baseline_period="")
    assert trajectory_status(value=61.0, period="2024", **no_baseline).status == "on_track"
    assert trajectory_status(value=55.0, period="2024", **no_baseline).status == "at_risk"


def test_without_target_or_value():
    assert (
        trajectory_status(value=50.0, period="2022", **dict(HIGHER, target_value=None)).status == "no_target"
    )
    assert trajectory_status(value=None, period=None, **HIGHER).status == "no_data"


def test_expected_value_stays_at_the_baseline_before_it():
    assert expected_value(40.0, "2018", 60.0, "2026", dt.date(2017, 6, 30)) == 40.0


def test_progress_from_baseline_to_target():
    frame = pl.DataFrame(
        {
            "baseline_value": [40.0, 25.0, None],
            "target_value": [60.0, 20.0, 70.0],
            "latest_value_raw": [50.0, 26.0, 65.0],
            "expected": [55.0, 22.5, 70.0],
            "latest_value_suppressed": [False, False, False],
        }
    )
    result = progress_towards_target(frame)
    assert result["progress"].to_list() == [0.5, -0.2, None]
    assert result["expected_progress"].to_list() == [0.75, 0.5, None]


def test_a_hidden_value_s_progress_is_hidden_so_it_cannot_give_the_value_back():
    # Baseline 10 %, target 30 %: a progress of -0.125 would say the hidden value is 7.5 %,
    # and with the denominator 40 shown, 3 persons.
    frame = pl.DataFrame(
        {
            "baseline_value": [10.0],
            "target_value": [30.0],
            "latest_value_raw": [7.5],
            "expected": [20.0],
            "latest_value_suppressed": [True],
        }
    )
    result = progress_towards_target(frame)
    assert result["progress"].to_list() == [None]
    assert result["expected_progress"].to_list() == [0.5]  # the trajectory, not the value


def test_without_a_baseline_the_sentence_judges_against_the_target_alone():
    from dashboard.i18n import set_language, t
    from dashboard.ui.evaluation.indicators import status_sentence

    set_language("fr")
    row = dict(
        status="at_risk",
        decimals=1,
        latest_value=62.1,
        latest_value_suppressed=False,
        latest_period="2026",
        expected=80.0,
        baseline_value=None,
        baseline_period="",
        target_value=80.0,
    )
    sentence = status_sentence(row)
    assert sentence.startswith("À risque : 62,1 en 2026") and "80,0" in sentence
    assert "départ (–)" not in sentence and "Sans valeur de départ" in sentence
    assert "atteinte" in status_sentence({**row, "status": "on_track", "latest_value": 81.0})
    # with a baseline, the trajectory sentence
    assert "mieux que le départ (50,0)" in status_sentence(
        {**row, "baseline_value": 50.0, "baseline_period": "2018"}
    )
    # the page's rule box states the rule
    assert "Sans valeur de départ" in t("indicators.rule")


def test_the_overview_s_columns_fit_the_screen_with_the_sidebar_open():
    from dashboard.ui.evaluation.indicators import OVERVIEW_WIDTH, overview_column_config

    widths = [column["width"] for column in overview_column_config().values()]
    assert all(isinstance(w, int) for w in widths)
    assert sum(widths) <= OVERVIEW_WIDTH <= 1400
