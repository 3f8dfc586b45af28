"""Indicator status against the straight trajectory from baseline to target."""

from dashboard.services.indicators import trajectory_status

HIGHER = dict(baseline_value=40.0, baseline_period="2018", target_value=60.0,
              target_period="2026", polarity="higher_is_better")
LOWER = dict(baseline_value=25.0, baseline_period="2018", target_value=20.0,
             target_period="2026", polarity="lower_is_better")


def test_on_track_at_or_above_the_line():
    # Halfway in time (end of 2022) the line is at 50.
    result = trajectory_status(value=50.5, period="2022", **HIGHER)
    assert result.status == "on_track"
    assert abs(result.expected - 50.0) < 0.1


def test_at_risk_below_the_line_but_better_than_baseline():
    assert trajectory_status(value=45.0, period="2022", **HIGHER).status == "at_risk"


def test_off_track_no_better_than_baseline():
    assert trajectory_status(value=40.0, period="2022", **HIGHER).status == "off_track"
    assert trajectory_status(value=38.0, period="2022", **HIGHER).status == "off_track"


def test_polarity_lower_is_better():
    assert trajectory_status(value=22.0, period="2022", **LOWER).status == "on_track"
    assert trajectory_status(value=23.5, period="2022", **LOWER).status == "at_risk"
    assert trajectory_status(value=25.5, period="2022", **LOWER).status == "off_track"


def test_after_the_target_period_the_target_itself_is_the_line():
    assert trajectory_status(value=59.0, period="2027", **HIGHER).status == "at_risk"
    assert trajectory_status(value=61.0, period="2027", **HIGHER).status == "on_track"


def test_quarters_and_months_are_placed_in_time():
    early = trajectory_status(value=41.0, period="2018-Q4", **HIGHER)
    assert early.status == "on_track"  # the line has barely moved by then


def test_without_baseline_only_the_target_counts():
    no_baseline = dict(HIGHER, baseline_value=None, baseline_period="")
    assert trajectory_status(value=61.0, period="2024", **no_baseline).status == "on_track"
    assert trajectory_status(value=55.0, period="2024", **no_baseline).status == "at_risk"


def test_without_target_or_value():
    assert trajectory_status(value=50.0, period="2022",
                             **dict(HIGHER, target_value=None)).status == "no_target"
    assert trajectory_status(value=None, period=None, **HIGHER).status == "no_data"
