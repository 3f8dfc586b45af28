"""Indicator values: the checks shared by the form and the importer, and the small-cell rule
(crafted values around the threshold of 5)."""

import polars as pl
import pytest

from dashboard.services.evaluation.indicator_values import (
    check_value,
    is_proportion,
    suppress_history,
    suppress_values,
    value_scale,
)


@pytest.mark.parametrize(
    ("unit", "scale", "proportion"),
    [
        ("%", 100.0, True),
        ("‰", 1000.0, True),
        ("per 1,000", 1000.0, False),
        ("per 1.000", 1000.0, False),
        ("per 100,000", 100_000.0, False),
        ("score 1–5", 1.0, False),
        ("EUR", 1.0, False),
    ],
)
def test_units_give_the_scale_of_numerator_over_denominator(unit, scale, proportion):
    assert value_scale(unit) == scale
    assert is_proportion(unit) is proportion


def keys(problems) -> list[str]:  # noqa: ANN001
    return [p.key.rsplit(".", 1)[1] for p in problems]


def test_a_value_alone_or_worked_out_from_its_counts():
    assert check_value("%", 1, 64.8, None, None) == (64.8, [])
    value, problems = check_value("%", 1, None, 312, 650)
    assert problems == [] and value == pytest.approx(48.0)
    value, _ = check_value("per 1,000", 1, None, 3120, 232_806)
    assert value == pytest.approx(13.40, abs=0.005)


def test_a_value_must_match_its_counts_once_rounded():
    assert check_value("%", 1, 48.0, 312, 650)[1] == []
    assert check_value("%", 1, 33.3, 1, 3)[1] == []  # 33.33... rounds to 33.3
    value, problems = check_value("%", 1, 55.0, 300, 600)
    assert keys(problems) == ["inconsistent_value"]
    assert problems[0].params["expected"] == "50.0" and problems[0].column == "value"


def test_counts_are_checked():
    assert keys(check_value("%", 1, None, 700, 600)[1]) == ["numerator_above_denominator"]
    # Not a percentage: a sum of scores may exceed the number of respondents.
    assert check_value("score 1–5", 2, None, 350, 100) == (3.5, [])
    assert keys(check_value("%", 1, None, -3, 100)[1]) == ["negative_count"]
    assert keys(check_value("%", 1, None, 3, 0)[1]) == ["zero_denominator"]
    assert keys(check_value("%", 1, None, 3, None)[1]) == ["no_value"]
    assert keys(check_value("%", 1, 130.0, None, None)[1]) == ["share_out_of_range"]


def values(rows: list[tuple]) -> pl.DataFrame:
    """(region_id, value, numerator, denominator) rows of one indicator and period."""
    return pl.DataFrame(
        [(1, "2024", region, value, num, den, True, True) for region, value, num, den in rows],
        schema={
            "indicator_id": pl.Int64,
            "period": pl.String,
            "region_id": pl.Int64,
            "value": pl.Float64,
            "numerator": pl.Float64,
            "denominator": pl.Float64,
            "proportion": pl.Boolean,
            "persons": pl.Boolean,
        },
        orient="row",
    )


def test_a_numerator_under_5_hides_the_value_and_the_numerator_not_the_denominator():
    result = suppress_values(values([(None, 40.0, 4, 10), (None, 50.0, 5, 10)]))
    assert result["value"].to_list() == [None, 50.0]
    assert result["numerator"].to_list() == [None, 5.0]
    assert result["denominator"].to_list() == [10.0, 10.0]
    assert result["value_suppressed"].to_list() == [True, False]
    assert result["numerator_suppressed"].to_list() == [True, False]
    assert result["denominator_suppressed"].to_list() == [False, False]


def test_a_denominator_under_5_hides_everything():
    result = suppress_values(values([(None, 50.0, 2, 4)]))
    assert (result["value"][0], result["numerator"][0], result["denominator"][0]) == (None, None, None)
    assert result["denominator_suppressed"][0] and result["value_suppressed"][0]


def test_few_persons_outside_a_percentage_hide_it():
    # 96 of 100: the 4 without the attribute would be known.
    result = suppress_values(values([(None, 96.0, 96, 100), (None, 95.0, 95, 100)]))
    assert result["value"].to_list() == [None, 95.0]
    assert result["numerator"].to_list() == [None, 95.0]


def test_the_complement_rule_is_only_for_percentages():
    rate = values([(None, 3.5, 350, 100)]).with_columns(proportion=False)
    assert suppress_values(rate)["value"].to_list() == [3.5]


def test_counts_of_actions_are_not_hidden():
    actions = values([(None, 50.0, 2, 4)]).with_columns(persons=False)
    result = suppress_values(actions)
    assert result["value"].to_list() == [50.0] and result["numerator"].to_list() == [2.0]


def test_a_value_without_counts_is_shown():
    assert suppress_values(values([(None, 12.5, None, None)]))["value"].to_list() == [12.5]


def test_a_percentage_with_its_denominator_but_no_numerator_is_judged_by_the_count_it_implies():
    # 5.0 % of 40 is 2 persons; 50 % of 40 is 20 (and 20 outside it).
    result = suppress_values(values([(None, 5.0, None, 40), (None, 50.0, None, 40)]))
    assert result["value"].to_list() == [None, 50.0]
    # 97.5 % of 40: 1 person outside the share.
    assert suppress_values(values([(None, 97.5, None, 40)]))["value"].to_list() == [None]


def test_a_rate_per_1000_with_only_its_denominator_is_judged_by_its_count():
    rate = values([(None, 0.05, None, 40_000), (None, 2.0, None, 40_000)]).with_columns(
        proportion=False, scale=pl.lit(1000.0)
    )
    assert suppress_values(rate)["value"].to_list() == [None, 2.0]


def test_a_second_region_is_hidden_so_the_first_cannot_be_worked_out():
    # Project 60 of 200; regions 3/40 (hidden), 27/80, 30/80: 60 - 27 - 30 would give 3.
    result = suppress_values(
        values([(None, 30.0, 60, 200), (1, 7.5, 3, 40), (2, 33.75, 27, 80), (3, 37.5, 30, 80)])
    )
    assert result["value_suppressed"].to_list() == [False, True, True, False]
    assert result["numerator"].to_list() == [60.0, None, None, 30.0]


def test_no_second_region_when_the_hidden_ones_hold_5_or_more():
    # Two hidden regions of 3 and 4: together 7, which the subtraction may give.
    result = suppress_values(
        values([(None, 30.0, 60, 200), (1, 7.5, 3, 40), (2, 10.0, 4, 40), (3, 44.2, 53, 120)])
    )
    assert result["value_suppressed"].to_list() == [False, True, True, False]


def test_a_second_region_for_a_small_complement_too():
    # Region 1: 38 of 40, 2 outside (hidden); region 2 would give it away by subtraction.
    result = suppress_values(
        values([(None, 80.0, 160, 200), (1, 95.0, 38, 40), (2, 76.7, 92, 120), (3, 75.0, 30, 40)])
    )
    assert result["value_suppressed"].to_list() == [False, True, False, True]


def test_periods_and_indicators_are_separate_tables():
    frame = pl.concat(
        [
            values([(None, 30.0, 60, 200), (1, 7.5, 3, 40), (2, 33.75, 27, 80)]),
            values([(None, 30.0, 60, 200), (1, 15.0, 6, 40), (2, 33.75, 27, 80)]).with_columns(
                period=pl.lit("2025")
            ),
        ]
    )
    result = suppress_values(frame)
    assert result["value_suppressed"].to_list() == [False, True, True, False, False, False]


def test_past_values_that_give_a_small_count_away_are_hidden():
    current = suppress_values(values([(None, 50.0, 20, 40), (1, 40.0, 4, 10)])).with_columns(
        scale=pl.lit(100.0)
    )
    history = pl.DataFrame(
        {
            "indicator_id": [1, 1, 1, 1],
            "period": ["2024"] * 4,
            "region_id": [None, None, None, 1],
            "old_value": [None, 10.0, 50.0, None],
            "new_value": [10.0, 50.0, 97.5, 40.0],
        },
        schema_overrides={"region_id": pl.Int64},
    )
    result = suppress_history(history, current)
    # 10 % of 40 is 4 persons; 97.5 % of 40 leaves 1 outside; region 1 is hidden now.
    assert result["old_value"].to_list() == [None, None, 50.0, None]
    assert result["new_value"].to_list() == [None, 50.0, None, None]
    assert result["old_suppressed"].to_list() == [False, True, False, False]
    assert result["new_suppressed"].to_list() == [True, False, True, True]
