"""Reading maturity scores: levels, spread (agreement or split), a round's summary per
dimension with its actions, and the radar's geometry (small frames built here)."""

import datetime as dt
import math

import polars as pl
import pytest

from dashboard.charts.evaluation import SPLIT_COLOUR, radar_chart, radar_points, spread_chart, wrap
from dashboard.charts.theme import themed
from dashboard.services.evaluation.maturity import (
    dimension_summary,
    level,
    score_distribution,
    spread_by_dimension,
)


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (0, "initial"),
        (2, "initial"),
        (2.5, "initial"),
        (3, "progressing"),
        (4.5, "progressing"),
        (5, "optimising"),
        (None, None),
    ],
)
def test_levels_of_the_scirocco_scale(score, expected):
    assert level(score) == expected


def scores(rows: list[tuple[int, str, int, int]]) -> pl.DataFrame:
    """(round_id, assessor, dimension, score)"""
    return pl.DataFrame(
        [(r, str(r), dt.date(2020 + r, 5, 1), a, a.title(), d, s, "") for r, a, d, s in rows],
        schema={
            "round_id": pl.Int64,
            "round": pl.String,
            "held_on": pl.Date,
            "assessor": pl.String,
            "assessor_name": pl.String,
            "dimension": pl.Int64,
            "score": pl.Int64,
            "justification": pl.String,
        },
        orient="row",
    )


def test_a_range_of_three_points_is_a_split():
    frame = scores(
        [
            (1, "ann", 1, 1),
            (1, "bob", 1, 4),
            (1, "cem", 1, 2),
            (1, "ann", 2, 2),
            (1, "bob", 2, 4),
            (1, "cem", 2, 3),
        ]
    )
    spread = spread_by_dimension(frame)
    assert spread.select("dimension", "median", "range", "split").rows() == [
        (1, 2.0, 3, True),
        (2, 3.0, 2, False),
    ]


def test_the_distribution_counts_assessors_per_score_with_their_names():
    frame = scores([(1, "ann", 1, 3), (1, "bob", 1, 3), (1, "cem", 1, 1)])
    assert score_distribution(frame).rows() == [(1, 1, 1, "Cem"), (1, 3, 2, "Ann, Bob")]


def consensus(rows: list[tuple[int, int, int]]) -> pl.DataFrame:
    """(round_id, dimension, score)"""
    return pl.DataFrame(
        [(r, str(r), dt.date(2020 + r, 5, 1), d, s, "") for r, d, s in rows],
        schema={
            "round_id": pl.Int64,
            "round": pl.String,
            "held_on": pl.Date,
            "dimension": pl.Int64,
            "score": pl.Int64,
            "note": pl.String,
        },
        orient="row",
    )


LINKS = pl.DataFrame(
    {
        "dimension": [1, 2, 2, 3],
        "action_id": [10, 11, 12, 13],
        "code": ["1.1.1", "1.1.2", "1.1.3", "1.1.4"],
        "title": ["a", "b", "c", "d"],
        "status": ["in_progress", "done", "idea", "stopped"],
    }
)


def test_a_round_summary_compares_with_the_previous_round_and_flags_low_dimensions():
    frame = consensus([(1, 1, 1), (1, 2, 3), (2, 1, 2), (2, 2, 3), (2, 3, 1), (2, 4, 4)])
    summary = dimension_summary(frame, scores([(2, "ann", 5, 1)]), LINKS, 2, 1)
    assert summary.height == 12
    rows = {r["dimension"]: r for r in summary.iter_rows(named=True)}
    assert (rows[1]["consensus"], rows[1]["previous"], rows[1]["change"]) == (2, 1, 1)
    assert rows[2]["actions"] == 1 and rows[2]["action_codes"] == ["1.1.2"]  # not the idea
    # Dimension 3: consensus 1, its only action is stopped: flagged. Dimension 1 (2, with an
    # action in progress) and 4 (4, none) are not.
    assert [d for d, r in rows.items() if r["low_without_action"]] == [3, 5]
    assert rows[5]["consensus"] is None and rows[5]["median"] == 1.0  # judged on the median
    assert rows[6]["low_without_action"] is False  # nothing scored: nothing to say


def test_the_first_round_has_no_change():
    summary = dimension_summary(consensus([(1, 1, 2)]), scores([]), LINKS, 1, None)
    assert summary["previous"].null_count() == 12 and summary["change"].null_count() == 12


def test_radar_points_go_round_clockwise_from_the_top_and_close():
    frame = consensus([(1, d, 5) for d in range(1, 13)])
    points = radar_points(frame).sort("order")
    assert points["order"].to_list() == list(range(1, 14))
    top, right, bottom = (points.row(i, named=True) for i in (0, 3, 6))
    assert (round(top["x"], 6), top["y"]) == (0.0, 5.0)
    assert math.isclose(right["x"], 5.0) and abs(right["y"]) < 1e-9
    assert math.isclose(bottom["y"], -5.0)
    assert points.row(12, named=True)["x"] == points.row(0, named=True)["x"]


def test_radar_and_spread_charts_are_valid_vega_lite():
    labels = {d: f"Dimension {d}" for d in range(1, 13)}
    frame = consensus([(r, d, (d + r) % 6) for r in (1, 2) for d in range(1, 13)])
    radar = radar_chart(
        frame,
        dimension_labels=labels,
        round_order=["1", "2"],
        words={"round": "Round", "dimension": "Dimension", "score": "Score"},
    )
    themed(radar).to_dict(validate=True)
    individual = scores([(2, "ann", 1, 1), (2, "bob", 1, 4)])
    summary = dimension_summary(frame, individual, LINKS, 2, 1)
    spread = spread_chart(
        score_distribution(individual),
        summary,
        dimension_labels=labels,
        words={
            k: k for k in ("dimension", "score", "assessors", "median", "consensus", "split", "agreement")
        },
    )
    spec = themed(spread).to_dict(validate=True)
    dots = spec["layer"][0]
    assert dots["encoding"]["color"]["scale"]["range"][1] == SPLIT_COLOUR
    assert dots["encoding"]["shape"]["field"] == dots["encoding"]["color"]["field"]  # not colour alone


def test_labels_wrap_at_spaces():
    assert wrap("10. Étendue de l'ambition") == "10. Étendue de\nl'ambition"
    assert wrap("Short") == "Short"


def test_the_actions_tab_counts_the_plan_actions_like_the_consensus_table():
    from dashboard.i18n import set_language
    from dashboard.presenters.evaluation import dimension_heading

    set_language("fr")
    summary = dimension_summary(consensus([(1, 2, 3), (1, 3, 1)]), scores([]), LINKS, 1, None)
    rows = {r["dimension"]: r for r in summary.iter_rows(named=True)}
    assert (rows[2]["actions"], rows[2]["linked"]) == (1, 2)  # done + an idea
    assert dimension_heading(rows[2], "Structure") == (
        "2. Structure · consensus 3 · 1 action du plan, 2 liées en tout"
    )
    assert dimension_heading(rows[1], "Readiness") == ("1. Readiness · consensus – · 1 action du plan")
    assert dimension_heading(rows[3], "Information").endswith("0 action du plan, 1 liée en tout")
    set_language("nl")
    assert dimension_heading(rows[3], "Information").endswith("0 acties van het plan, 1 gekoppeld in totaal")


# ---------------------------------------------------------------- SCIROCCO order (issue #16)


def test_the_dimensions_follow_the_scirocco_tool_s_order_and_names():
    """4 is Standardisation & Simplification, 5 Finance & Funding (they were swapped)."""
    from dashboard.i18n import t
    from data_loaders.catalogues.scirocco import DIMENSIONS
    from models.vocab import MaturityDimension

    assert [(d.name, d.value) for d in MaturityDimension] == [
        (code, number) for number, (code, _) in enumerate(DIMENSIONS, start=1)
    ]
    for number, (_, name) in enumerate(DIMENSIONS, start=1):
        assert t(f"maturity_dimension.{number}", lang="en").casefold() == name.casefold()
    assert t("maturity_dimension.4", lang="fr") == "Standardisation et simplification"
    assert t("maturity_dimension.5", lang="nl") == "Financiën en financiering"


def test_charts_number_and_order_the_dimensions_as_scirocco_does():
    from dashboard.i18n import t

    labels = {d: t(f"maturity_dimension.{d}", lang="en") for d in range(1, 13)}
    frame = consensus([(1, d, 2) for d in range(1, 13)])
    radar = radar_chart(
        frame,
        dimension_labels=labels,
        round_order=["1"],
        words={"round": "Round", "dimension": "Dimension", "score": "Score"},
    )
    texts = [
        v["text"].replace("\n", " ")
        for values in themed(radar).to_dict()["datasets"].values()
        for v in values
        if "text" in v
    ]
    assert "4. Standardisation & simplification" in texts
    assert "5. Finance & funding" in texts
    individual = scores([(1, "ann", d, 2) for d in range(1, 13)])
    summary = dimension_summary(frame, individual, LINKS, 1, None)
    spread = themed(
        spread_chart(
            score_distribution(individual),
            summary,
            dimension_labels=labels,
            words={
                k: k for k in ("dimension", "score", "assessors", "median", "consensus", "split", "agreement")
            },
        )
    ).to_dict()
    order = spread["layer"][0]["encoding"]["y"]["sort"]
    assert order.index("Standardisation & simplification") == 3
    assert order.index("Finance & funding") == 4


@pytest.mark.parametrize(("lang", "uncertain"), [("fr", "incertain"), ("nl", "onzeker"), ("en", "uncertain")])
def test_split_views_read_uncertain_as_in_scirocco(lang, uncertain):
    from dashboard.i18n import set_language, t
    from dashboard.services.evaluation.maturity import scores_level
    from dashboard.presenters.evaluation import scores_reading

    assert scores_level(3.0, True) == "uncertain" and scores_level(3.0, False) == "progressing"
    assert scores_level(5.0, True) == "uncertain"  # whatever the median
    set_language(lang)
    try:
        assert t("maturity.level.uncertain") == uncertain
        assert scores_reading(3.0, True).startswith(uncertain)
        assert scores_reading(3.0, False) == (
            f"{t('maturity.level.progressing')} ({t('maturity.agreement')})"
        )
    finally:
        set_language("en")
