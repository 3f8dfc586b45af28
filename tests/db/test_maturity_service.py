"""The maturity self-assessment on SQLite and PostgreSQL: who opens rounds, scores, records the
consensus and links actions; scores editable by their author until the consensus closes the
round; the demo's two rounds."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from dashboard.errors import InvalidInput, NotFound, PermissionDenied, ValidationFailed
from dashboard.services.evaluation import maturity
from dashboard.services.access import actor_for, cli_actor
from dashboard.services.actions.portfolio import actions_frame

DimensionScore = maturity.DimensionScore


def scores(*pairs: tuple[int, int | None]) -> list[DimensionScore]:
    return [DimensionScore(d, s, f"Justification {d}" if s is not None else "") for d, s in pairs]


def test_the_demo_has_two_rounds_with_consensus_and_six_assessors(demo_db):
    for slug in ("chronicopole", "empact"):
        view = maturity.maturity_view(actor_for("demo-viewer" if slug == "empact" else "demo-academic", slug))
        assert view is not None and view.rounds.height == 2
        assert view.previous is not None and view.round["closed"]
        assert view.round["assessors"] == 6 and view.summary.height == 12
        assert view.summary["consensus"].null_count() == 0
        assert view.summary["change"].drop_nulls().min() >= 0
    empact = maturity.maturity_view(actor_for("demo-viewer", "empact"))
    flagged = empact.summary.filter(pl.col("low_without_action"))["dimension"].to_list()
    assert flagged and all(
        empact.summary.filter(pl.col("dimension") == d)["actions"][0] == 0 for d in flagged
    )


def open_round() -> int:
    return maturity.open_round(actor_for("demo-coordinator", "empact"), "2026", dt.date(2026, 11, 20))


def test_a_round_from_opening_to_consensus(demo_db):
    round_id = open_round()
    academic = actor_for("demo-academic", "empact")
    steering = actor_for("demo-steering", "empact")
    assert maturity.save_my_scores(academic, round_id, scores((1, 3), (2, 4), (3, None))) == 2
    assert maturity.save_my_scores(steering, round_id, scores((1, 0), (2, 4))) == 2
    # An assessor changes their own scores only; a dimension left without score is removed.
    assert maturity.save_my_scores(academic, round_id, scores((1, 4), (2, None))) == 2
    view = maturity.maturity_view(academic, round_id)
    assert view.my_scores.select("dimension", "score").rows() == [(1, 4)]
    assert sorted(view.scores.select("assessor", "dimension", "score").rows()) == [
        ("demo-academic", 1, 4),
        ("demo-steering", 1, 0),
        ("demo-steering", 2, 4),
    ]
    names = set(view.scores["assessor_name"].to_list())
    assert academic.display_name in names and steering.display_name in names
    first = view.summary.row(0, named=True)
    assert (first["median"], first["range"], first["split"]) == (2.0, 4, True)
    assert not view.round["closed"] and view.summary["consensus"].null_count() == 12

    assert (
        maturity.record_consensus(
            steering, round_id, [DimensionScore(1, 2, "Accord après discussion"), DimensionScore(2, 4, "")]
        )
        == 2
    )
    closed = maturity.maturity_view(academic, round_id)
    assert closed.round["closed"]
    assert closed.summary.filter(pl.col("dimension") == 1)["note"][0] == "Accord après discussion"
    assert closed.previous["name"] == "2023"
    with pytest.raises(InvalidInput) as refused:
        maturity.save_my_scores(academic, round_id, scores((1, 5)))
    assert refused.value.key == "error.maturity_round_closed"
    # The consensus itself may still be corrected, by whoever records consensus.
    assert (
        maturity.record_consensus(
            actor_for("demo-coordinator", "empact"), round_id, [DimensionScore(1, 3, "Corrigé")]
        )
        == 1
    )


def test_scores_are_checked_on_the_server(demo_db):
    round_id = open_round()
    academic = actor_for("demo-academic", "empact")
    with pytest.raises(ValidationFailed) as refused:
        maturity.save_my_scores(
            academic,
            round_id,
            [
                DimensionScore(1, 6, "Trop"),
                DimensionScore(2, 3, "  "),
                DimensionScore(13, 2, "Pas une dimension"),
                DimensionScore(4, True, "Oui"),
            ],
        )
    found = {(p.record, p.key.rsplit(".", 1)[1]) for p in refused.value.problems}
    assert found == {
        ("1", "bad_score"),
        ("2", "justification_required"),
        ("13", "bad_dimension"),
        ("4", "bad_score"),
    }
    assert maturity.maturity_view(academic, round_id).scores.height == 0
    with pytest.raises(InvalidInput):
        maturity.record_consensus(
            actor_for("demo-steering", "empact"), round_id, [DimensionScore(1, None, "")]
        )


def test_who_may_do_what(demo_db):
    with pytest.raises(PermissionDenied):
        maturity.open_round(actor_for("demo-steering", "empact"), "2026", dt.date(2026, 1, 1))
    round_id = open_round()
    with pytest.raises(ValidationFailed) as refused:
        open_round()
    assert refused.value.problems[0].key == "problem.maturity.round_exists"
    with pytest.raises(PermissionDenied):
        maturity.save_my_scores(actor_for("demo-viewer", "empact"), round_id, scores((1, 3)))
    for username in ("demo-academic", "demo-viewer"):
        with pytest.raises(PermissionDenied):
            maturity.record_consensus(actor_for(username, "empact"), round_id, scores((1, 3)))
    # A round of another project is not found, even for its admin elsewhere.
    with pytest.raises(NotFound):
        maturity.save_my_scores(actor_for("demo-academic", "chronicopole"), round_id, scores((1, 3)))


def test_coordinators_link_actions_to_a_dimension(demo_db):
    coordinator = actor_for("demo-coordinator", "empact")
    plan = actions_frame(coordinator).filter(pl.col("status") == "in_progress")
    chosen = plan.head(2)["id"].to_list()
    view = maturity.maturity_view(coordinator)
    # 5, Finance & Funding: low, and no action of EMPACT's plan addresses it
    assert view.summary.filter(pl.col("dimension") == 5)["low_without_action"][0]
    assert maturity.set_dimension_actions(coordinator, 5, chosen) == 2
    after = maturity.maturity_view(coordinator).summary.filter(pl.col("dimension") == 5)
    assert after["actions"][0] == 2 and not after["low_without_action"][0]
    assert sorted(after["action_codes"][0]) == sorted(plan.head(2)["code"].to_list())
    assert maturity.set_dimension_actions(coordinator, 5, chosen[:1]) == 1
    assert maturity.set_dimension_actions(coordinator, 5, chosen[:1]) == 0
    with pytest.raises(PermissionDenied):
        maturity.set_dimension_actions(actor_for("demo-steering", "empact"), 5, chosen)
    other = actions_frame(cli_actor("chronicopole"))["id"][0]
    with pytest.raises(NotFound):
        maturity.set_dimension_actions(coordinator, 5, [other])
    with pytest.raises(InvalidInput):
        maturity.set_dimension_actions(coordinator, 13, [])


def test_home_still_reads_the_latest_median(demo_db):
    from dashboard.services.overview import home_figures

    figures = home_figures(actor_for("demo-viewer", "empact"))
    consensus = maturity.consensus_frame(cli_actor("empact"))
    latest = consensus.filter(pl.col("round") == "2023")["score"].median()
    assert figures.maturity == ("2023", latest)
    assert sum(figures.indicator_status.values()) == 10
