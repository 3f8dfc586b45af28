"""The survey figures as pure functions over crafted frames: suppression of small groups (also
against subtraction from totals), Likert shares and diverging positions, change intervals,
and what the page and exports get."""

import math
import statistics

import polars as pl
import pytest

from dashboard.services.suppression import SUPPRESSED_TEXT, suppress_until_safe
from dashboard.presenters.partners import comment_categories, label_comments, label_report, results_export
from dashboard.services.partners.surveys import (
    ALL_CATEGORIES,
    HIDDEN_CATEGORY,
    SurveyData,
    build_report,
    category_groups,
    results_frame,
)
from dashboard.services.partners.survey_comments import comments_of, filter_comments
from dashboard.services.partners.survey_statistics import likert_summary, t_quantile, wave_change

LEVELS = [1, 2, 3, 4, 5]


def survey(
    respondents: list[tuple[int, str, dict[str, int]]], invitations: dict[tuple[int, str], int] | None = None
) -> SurveyData:
    """SurveyData for crafted respondents (wave id, category, {item: value}): items A1, A2
    (dimension "collab") and W1 (dimension "load", reversed), on 1-5."""
    items = pl.DataFrame(
        {
            "item_code": ["A1", "A2", "W1"],
            "dimension_code": ["collab", "collab", "load"],
            "text_fr": ["a1 fr", "a2 fr", "w1 fr"],
            "text_nl": ["a1 nl", "a2 nl", "w1 nl"],
            "text_en": ["a1 en", "a2 en", "w1 en"],
            "scale_min": [1, 1, 1],
            "scale_max": [5, 5, 5],
            "reversed": [False, False, True],
            "item_position": [1, 2, 3],
        }
    )
    rows = []
    for respondent_id, (wave, category, answers) in enumerate(respondents, start=1):
        for code, value in answers.items():
            dimension = "load" if code == "W1" else "collab"
            score = 6 - value if code == "W1" else value
            rows.append((respondent_id, wave, category, code, dimension, value, score))
    answers = pl.DataFrame(
        rows,
        schema={
            "respondent_id": pl.Int64,
            "wave_id": pl.Int64,
            "category": pl.String,
            "item_code": pl.String,
            "dimension_code": pl.String,
            "value": pl.Int64,
            "score": pl.Int64,
        },
        orient="row",
    )
    waves = sorted({wave for wave, _, _ in respondents})
    invitations = invitations or {}
    return SurveyData(
        waves=pl.DataFrame(
            {
                "wave_order": list(range(len(waves))),
                "wave_id": waves,
                "name": [f"W{w}" for w in waves],
                "period": [str(2020 + w) for w in waves],
            },
            schema_overrides={"wave_order": pl.UInt32},
        ),
        dimensions=pl.DataFrame(
            {
                "dimension_code": ["collab", "load"],
                "label_fr": ["Collaboration", "Charge"],
                "label_nl": ["Samenwerking", "Werklast"],
                "label_en": ["Collaboration", "Workload"],
                "dimension_position": [1, 2],
            }
        ),
        items=items,
        scale_labels={code: {"en": ["SD", "D", "N", "A", "SA"]} for code in ("A1", "A2", "W1")},
        respondents=pl.DataFrame(
            {
                "respondent_id": list(range(1, len(respondents) + 1)),
                "wave_id": [w for w, _, _ in respondents],
                "category": [c for _, c, _ in respondents],
            },
            schema={"respondent_id": pl.Int64, "wave_id": pl.Int64, "category": pl.String},
        ),
        answers=answers,
        invitations=pl.DataFrame(
            [(w, c, n) for (w, c), n in invitations.items()],
            schema={"wave_id": pl.Int64, "category": pl.String, "invited": pl.Int64},
            orient="row",
        ),
    )


def people(
    wave: int, category: str, count: int, a: int = 4, w: int = 2
) -> list[tuple[int, str, dict[str, int]]]:
    return [(wave, category, {"A1": a, "A2": a, "W1": w}) for _ in range(count)]


# ---------------------------------------------------------------- suppression


def test_small_cells_that_add_up_to_less_than_five_take_the_smallest_other_cell_with_them():
    frame = pl.DataFrame({"wave": [1, 1, 1, 1], "category": ["a", "b", "c", "d"], "n": [12, 7, 2, 2]})
    result = suppress_until_safe(frame, "n", ["wave"])
    # 2 + 2 = 4 could be read from the total: the 7 is hidden too.
    assert result["n_suppressed"].to_list() == [False, True, True, True]
    assert result["n"].to_list() == [12, None, None, None]
    hidden = frame["n"].sum() - result["n"].drop_nulls().sum()
    assert hidden >= 5


def test_hidden_cells_holding_five_together_need_no_complement():
    frame = pl.DataFrame({"wave": [1, 1, 1, 1], "n": [12, 7, 3, 2]})
    assert suppress_until_safe(frame, "n", ["wave"])["n_suppressed"].to_list() == [False, False, True, True]


def test_each_group_is_suppressed_on_its_own():
    frame = pl.DataFrame({"wave": [1, 1, 2, 2], "n": [10, 3, 10, 9]})
    assert suppress_until_safe(frame, "n", ["wave"])["n_suppressed"].to_list() == [True, True, False, False]


def test_cells_already_hidden_count_towards_the_hidden_total():
    frame = pl.DataFrame({"wave": [1, 1, 1], "n": [10, 8, 2], "hide": [False, True, False]})
    result = suppress_until_safe(frame, "n", ["wave"], already="hide")
    assert result["n_suppressed"].to_list() == [False, True, True]


def test_category_groups_hide_small_categories_and_silent_invited_ones():
    data = survey(
        people(1, "first_line", 9) + people(1, "second_line", 6) + people(1, "academic", 2),
        invitations={(1, "mutuality"): 4},
    )
    groups = category_groups(data.respondents, data.invitations)
    shown = dict(
        groups.filter(~pl.col("respondents_suppressed")).select("category", "respondents").iter_rows()
    )
    assert shown == {"first_line": 9}  # 2 + 0 < 5: the second line (6) is hidden too
    assert groups.filter(pl.col("category") == "mutuality")["respondents_suppressed"].item()


# ---------------------------------------------------------------- Likert


def test_likert_shares_and_diverging_positions():
    values = [1, 2, 2, 3, 3, 4, 4, 4, 5, 5] * 5  # every level given 5 times or more
    answers = pl.DataFrame({"respondent_id": range(50), "group": ["g"] * 50, "value": values})
    summary, distribution = likert_summary(answers, ["group"], "value", 1, 5)
    row = summary.row(0, named=True)
    assert row["respondents"] == 50 and row["mean"] == pytest.approx(statistics.mean(values))
    assert (row["share_disagree"], row["share_neutral"], row["share_agree"]) == pytest.approx((0.3, 0.2, 0.5))
    shares = dict(distribution.select("level", "share").iter_rows())
    assert sum(shares.values()) == pytest.approx(1)
    neutral = distribution.filter(pl.col("level") == 3).row(0, named=True)
    assert neutral["x_start"] == pytest.approx(-neutral["x_end"])  # centred on 0
    assert distribution["x_start"].min() == pytest.approx(-(0.3 + 0.1))
    assert distribution["x_end"].max() == pytest.approx(0.5 + 0.1)
    # Bars touch: each level starts where the previous one ends.
    ends = distribution.sort("level")
    assert ends["x_start"][1:].to_list() == pytest.approx(ends["x_end"][:-1].to_list())


def test_levels_given_1_to_4_times_are_hidden_together_and_their_side_s_share_too():
    # EMPACT 2024, coordination, item COM1: n = 6 and level 2 at 16.7 % was 1 respondent.
    values = [2, 4, 4, 4, 5, 5]
    answers = pl.DataFrame({"respondent_id": range(6), "group": ["g"] * 6, "value": values})
    summary, distribution = likert_summary(answers, ["group"], "value", 1, 5)
    shown = dict(distribution.select("level", "share").iter_rows())
    # Levels 2 (1 answer), 4 (3) and 5 (2) are all small: they are hidden and only their
    # total (6) is drawn; levels 1 and 3, given by nobody, show 0.
    assert {level: share for level, share in shown.items() if share} == {None: 1.0}
    row = summary.row(0, named=True)
    assert row["share_disagree"] is None and row["share_agree"] is None
    # The mean (4.0) with n = 6 and levels 1 and 3 at 0 would leave one way to fill levels
    # 2, 4, 5 with 1-4 answers each (1, 3, 2): it is not given (test_survey_mean_disclosure).
    assert row["respondents"] == 6 and row["mean"] is None and row["levels_hidden"]


def test_a_hidden_level_takes_the_smallest_shown_level_with_it_when_alone():
    # Level 1: 2 answers (small); levels 3, 4, 5: 5, 6, 9. Alone, level 1 would be the
    # group's answers minus the shown ones; with level 3 hidden too, only 7 can be worked out.
    values = [1] * 2 + [3] * 5 + [4] * 6 + [5] * 9
    answers = pl.DataFrame({"respondent_id": range(22), "group": ["g"] * 22, "value": values})
    summary, distribution = likert_summary(answers, ["group"], "value", 1, 5)
    shares = dict(distribution.select("level", "share").iter_rows())
    assert shares.keys() == {2, 4, 5, None}
    assert shares[2] == 0 and shares[None] == pytest.approx(7 / 22)
    assert shares[4] * 22 == pytest.approx(6) and shares[5] * 22 == pytest.approx(9)
    row = summary.row(0, named=True)
    assert row["share_disagree"] is None and row["share_neutral"] is None
    assert row["share_agree"] == pytest.approx(15 / 22)
    # No shown number gives a count of 1-4: the shares of the chart x the answers.
    counts = [round(share * 22) for share in shares.values()]
    assert not any(1 <= count <= 4 for count in counts)


def test_likert_groups_under_five_respondents_have_no_figures_and_no_bars():
    answers = pl.DataFrame(
        {"respondent_id": [1, 2, 3, 4, 5, 6, 7, 8, 9], "group": ["big"] * 5 + ["small"] * 4, "value": [4] * 9}
    )
    summary, distribution = likert_summary(answers, ["group"], "value", 1, 5)
    small = summary.filter(pl.col("group") == "small").row(0, named=True)
    assert small["respondents_suppressed"] and small["respondents"] is None
    assert small["mean"] is None and small["share_agree"] is None
    assert set(distribution["group"]) == {"big"}


# ---------------------------------------------------------------- change between waves


def respondent_means(wave: int, scores: list[float]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "respondent_id": range(len(scores)),
            "wave_id": [wave] * len(scores),
            "category": ["x"] * len(scores),
            "dimension_code": ["collab"] * len(scores),
            "score": scores,
        }
    )


def test_change_interval_is_welch_and_flags_only_changes_beyond_the_noise():
    before = [3.0, 3.5, 2.5, 3.0, 4.0, 3.0, 2.0, 3.5]
    after = [4.0, 4.5, 3.5, 4.0, 5.0, 4.5, 3.5, 4.0, 4.5]
    change = wave_change(pl.concat([respondent_means(1, before), respondent_means(2, after)]), 1, 2).row(
        0, named=True
    )
    va, vb = statistics.variance(before) / 8, statistics.variance(after) / 9
    df = (va + vb) ** 2 / (va**2 / 7 + vb**2 / 8)
    half = t_quantile(df) * math.sqrt(va + vb)
    assert change["change"] == pytest.approx(statistics.mean(after) - statistics.mean(before))
    assert (change["low"], change["high"]) == pytest.approx(
        (change["change"] - half, change["change"] + half)
    )
    assert change["verdict"] == "improved"
    reverse = wave_change(pl.concat([respondent_means(1, after), respondent_means(2, before)]), 1, 2).row(
        0, named=True
    )
    assert reverse["verdict"] == "declined"


def test_a_change_within_the_noise_is_not_flagged():
    noisy = [1.0, 5.0, 2.0, 4.0, 3.0, 5.0]
    same = [5.0, 1.0, 4.0, 2.0, 3.5, 4.5]
    change = wave_change(pl.concat([respondent_means(1, noisy), respondent_means(2, same)]), 1, 2).row(
        0, named=True
    )
    assert change["low"] < 0 < change["high"] and change["verdict"] == "stable"


def test_no_change_is_computed_for_a_wave_under_five_respondents():
    change = wave_change(
        pl.concat([respondent_means(1, [3.0] * 4), respondent_means(2, [4.0] * 20)]), 1, 2
    ).row(0, named=True)
    assert change["suppressed"] and change["change"] is None and change["mean_before"] is None


@pytest.mark.parametrize("df, table_value", [(4, 2.776), (10, 2.228), (30, 2.042), (100, 1.984)])
def test_t_quantile_matches_the_students_t_table(df, table_value):
    assert t_quantile(df) == pytest.approx(table_value, abs=0.01)


# ---------------------------------------------------------------- the report


def small_group_data() -> SurveyData:
    """Wave 1: first line 12, second line 8, academic 6; wave 2: first line 10, second line 4,
    academic 2 (so the second line is hidden in wave 2 only)."""
    return survey(
        people(1, "first_line", 12, a=4)
        + people(1, "second_line", 8, a=2)
        + people(1, "academic", 6, a=5)
        + people(2, "first_line", 10, a=5)
        + people(2, "second_line", 4, a=1)
        + people(2, "academic", 2, a=1),
        invitations={
            (1, "first_line"): 20,
            (1, "second_line"): 10,
            (1, "academic"): 3,
            (2, "first_line"): 20,
            (2, "second_line"): 10,
            (2, "academic"): 3,
        },
    )


def no_figure_of_a_small_group(frame: pl.DataFrame, count: str = "respondents") -> bool:
    shown = frame.filter(pl.col(count).is_not_null())
    return shown.filter(pl.col(count) < 5).height == 0


def test_heatmap_shows_small_categories_as_suppressed_and_keeps_the_total_safe():
    report = label_report(build_report(small_group_data(), 2, ALL_CATEGORIES, 1), "en")
    heatmap = report.heatmap.filter(pl.col("dimension_code") == "collab")
    cells = {row["category"]: row for row in heatmap.iter_rows(named=True)}
    assert cells["academic"]["respondents_suppressed"] and cells["academic"]["mean"] is None
    assert cells["second_line"]["respondents_suppressed"] and cells["second_line"]["mean"] is None
    # 4 + 2 hidden together: safe, so the first line (10) stays shown.
    assert cells["first_line"]["mean"] == 5 and cells[ALL_CATEGORIES]["respondents"] == 16
    assert no_figure_of_a_small_group(report.heatmap)
    assert "(< 5)" in cells["academic"]["row_label"] and "n = 10" in cells["first_line"]["row_label"]


def test_a_category_hidden_in_a_wave_shows_nothing_of_that_wave():
    report = build_report(small_group_data(), 2, "second_line", 1)
    assert report.respondents is None
    assert report.dimension_summary["respondents_suppressed"].all()
    assert report.dimension_summary["mean"].null_count() == report.dimension_summary.height
    assert report.item_summary["mean"].null_count() == report.item_summary.height
    assert report.dimension_distribution.height == 0 and report.item_distribution.height == 0
    assert report.change["suppressed"].all()
    trend = report.trend.filter(pl.col("wave_id") == 2)
    assert trend["mean"].null_count() == trend.height
    # The same category is shown in wave 1, where it has 8 respondents.
    shown = report.trend.filter(pl.col("wave_id") == 1, pl.col("dimension_code") == "collab")
    assert shown["mean"].item() == 2 and shown["respondents"].item() == 8


def test_response_rates_per_category_never_reveal_a_small_group():
    report = build_report(small_group_data(), 2, ALL_CATEGORIES, 1)
    rates = report.response_rates
    assert no_figure_of_a_small_group(rates)
    wave_2 = {row["category"]: row for row in rates.filter(pl.col("wave_id") == 2).iter_rows(named=True)}
    assert wave_2["academic"]["rate"] is None and wave_2["second_line"]["rate"] is None
    assert wave_2[ALL_CATEGORIES]["rate"] == pytest.approx(16 / 33)
    assert wave_2["first_line"]["rate"] == pytest.approx(10 / 20)


def test_dimension_scores_turn_reversed_items_round_and_items_stay_as_answered():
    report = label_report(
        build_report(survey(people(1, "first_line", 6, a=4, w=2)), 1, ALL_CATEGORIES, None), "en"
    )
    dimensions = dict(report.dimension_summary.select("dimension_code", "mean").iter_rows())
    assert dimensions == {"collab": 4, "load": 4}  # W1 answered 2 on a reversed item
    items = dict(report.item_summary.select("item_code", "mean").iter_rows())
    assert items["W1"] == 2
    assert report.item_levels == ["SD", "D", "N", "A", "SA"]


def test_export_writes_every_wave_and_category_with_small_groups_as_text():
    results = results_export(results_frame(small_group_data()), "en")
    assert set(results["wave"]) == {"W1", "W2"}
    suppressed = results.filter(pl.col("respondents") == SUPPRESSED_TEXT)
    assert suppressed.height > 0
    assert suppressed.select("mean", "share_agree").null_count().row(0) == (
        suppressed.height,
        suppressed.height,
    )
    shown = results.filter(pl.col("respondents") != SUPPRESSED_TEXT)
    assert shown["respondents"].cast(pl.Int64).min() >= 5


# ---------------------------------------------------------------- comments


def test_comments_never_name_a_hidden_category_and_search_ignores_accents():
    data = small_group_data()
    raw = pl.DataFrame(
        {
            "wave_id": [1, 2, 2, 1],
            "category": ["first_line", "second_line", "first_line", "academic"],
            "dimension_code": ["collab", "load", None, "collab"],
            "text": ["Réunions trop longues", "Charge lourde", "Merci", "Très utile"],
        }
    )
    # Wave 1 hides nobody; wave 2 hides the second line and the academics.
    frame = label_comments(comments_of(data, raw), "en")
    assert set(frame.columns) == {
        "wave_id",
        "dimension_code",
        "category",
        "wave",
        "dimension",
        "category_label",
        "text",
    }
    by_text = {row["text"]: row for row in frame.iter_rows(named=True)}
    assert by_text["Charge lourde"]["category"] == HIDDEN_CATEGORY  # second line hidden in W2
    assert by_text["Très utile"]["category"] == "academic"
    assert by_text["Réunions trop longues"]["category"] == "first_line"
    assert by_text["Merci"]["dimension"] == "General comment"
    assert filter_comments(frame, search="reunions")["text"].to_list() == ["Réunions trop longues"]
    assert filter_comments(frame, category=HIDDEN_CATEGORY, wave_id=2)["text"].to_list() == ["Charge lourde"]
    assert [key for key, _ in comment_categories(frame)] == ["first_line", "academic", HIDDEN_CATEGORY]


def test_a_category_cell_hidden_by_the_complement_rule_gives_no_trend_point():
    # Wave 1: first line 12, second line 6, academic 6; two academics skip the workload
    # question, so the "load" cell of the academics (4) is hidden, and with it the second
    # line's (6), else it could be derived from the all-partners cell.
    skipping = [(1, "academic", {"A1": 4, "A2": 4}) for _ in range(2)]
    data = survey(
        people(1, "first_line", 12) + people(1, "second_line", 6) + people(1, "academic", 4) + skipping
    )
    report = build_report(data, 1, "second_line", None)
    load = report.trend.filter(pl.col("dimension_code") == "load")
    assert load.height == 0 or load["mean"].null_count() == load.height
    collab = report.trend.filter(pl.col("dimension_code") == "collab")
    assert collab["respondents"].item() == 6
    heatmap = build_report(data, 1, ALL_CATEGORIES, None).heatmap
    cell = heatmap.filter(pl.col("category") == "second_line", pl.col("dimension_code") == "load")
    assert cell["respondents_suppressed"].item()
    summary = report.dimension_summary.filter(pl.col("dimension_code") == "load")
    assert summary["respondents_suppressed"].item() and summary["mean"].item() is None


# ---------------------------------------------------------------- invitations


def test_invitations_that_tell_1_to_4_silent_partners_or_invitees_are_hidden():
    from dashboard.services.partners.surveys import ALL_CATEGORIES, hide_invitations

    frame = pl.DataFrame(
        {
            "wave_id": [1, 1, 1, 1],
            "category": [ALL_CATEGORIES, "first_line", "second_line", "home_care"],
            "invited": [48, 8, 20, 20],
            "__responded": [30, 5, 10, 15],
        }
    )
    result = dict(hide_invitations(frame).select("category", "invited").iter_rows())
    # 8 invited and 5 answers tell 3 silent ones: hidden. Then home care's 20 (5 silent, the
    # fewest) is hidden with it, or 48 - 20 - 20 would give the 8 back, and 18 - 10 - 5 the 3.
    assert result["first_line"] is None
    assert result["home_care"] is None and result["second_line"] == 20
    assert result[ALL_CATEGORIES] == 48  # 18 silent in the wave: safe
    hidden = hide_invitations(frame.with_columns(invited=pl.Series([33, 3, 10, 20])))
    assert dict(hidden.select("category", "invited_suppressed").iter_rows())["first_line"]


def test_the_response_rate_is_not_given_when_its_invitations_are_hidden():
    from dashboard.services.partners.surveys import response_rates_by_category

    data = survey(
        people(1, "first_line", 5) + people(1, "second_line", 12),
        invitations={(1, "first_line"): 8, (1, "second_line"): 30},
    )
    rates = response_rates_by_category(data, category_groups(data.respondents, data.invitations))
    row = rates.filter(pl.col("category") == "first_line").row(0, named=True)
    assert row["invited"] is None and row["rate"] is None  # else 8 - 5 = 3 silent ones
    # Neither may the wave's figures give the first line's back: 38 invited - 30.
    second_line = rates.filter(pl.col("category") == "second_line").row(0, named=True)
    assert second_line["invited"] is None
