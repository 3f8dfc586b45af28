"""Pure computations of the portfolio: states as of a date from the history, late actions, the
social-entrepreneurship share."""

import datetime as dt

import polars as pl

from dashboard.services.actions.portfolio import (
    natural_code_key,
    reconstruct,
    social_entrepreneurship_share,
    status_counts,
    with_late_flag,
)


def _at(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC)


ACTIONS = pl.DataFrame(
    {
        "id": [1, 2, 3],
        "code": ["1.1.1", "1.1.2", "2.10.1"],
        "status": ["done", "in_progress", "idea"],
        "planned_start": [dt.date(2019, 1, 1), dt.date(2019, 6, 1), dt.date(2027, 1, 1)],
        "planned_end": [dt.date(2021, 6, 30), dt.date(2022, 12, 31), dt.date(2027, 12, 31)],
        "actual_end": [dt.date(2021, 9, 1), None, None],
        "social_entrepreneurship": [True, False, True],
        "created_at": [_at("2018-01-15"), _at("2018-01-15"), _at("2026-09-01")],
    }
)
CHANGES = pl.DataFrame(
    {
        "id": [1, 2, 3, 4, 5],
        "action_id": [1, 1, 1, 2, 2],
        "changed_at": [
            _at("2019-01-10"),
            _at("2021-03-01"),
            _at("2021-09-01"),
            _at("2019-06-05"),
            _at("2020-05-01"),
        ],
        "field": ["status", "planned_end", "status", "status", "social_entrepreneurship"],
        "old_value": ["planned", "2020-12-31", "in_progress", "planned", "true"],
        "new_value": ["in_progress", "2021-06-30", "done", "in_progress", "false"],
    }
)


def test_reconstruct_undoes_the_changes_made_after_the_moment():
    then = reconstruct(ACTIONS, CHANGES, _at("2020-01-01"))
    assert then["id"].to_list() == [1, 2]  # action 3 did not exist yet
    assert then["status"].to_list() == ["in_progress", "in_progress"]
    assert then["planned_end"].to_list() == [dt.date(2020, 12, 31), dt.date(2022, 12, 31)]
    assert then["social_entrepreneurship"].to_list() == [True, True]


def test_reconstruct_without_a_moment_gives_the_plan_as_first_recorded():
    original = reconstruct(ACTIONS, CHANGES, None)
    assert original["status"].to_list() == ["planned", "planned", "idea"]
    assert original["planned_end"][0] == dt.date(2020, 12, 31)


def test_reconstruct_at_now_changes_nothing():
    now = reconstruct(ACTIONS, CHANGES, _at("2030-01-01"))
    assert now.select(ACTIONS.columns).equals(ACTIONS)


def test_late_means_open_and_past_its_planned_end():
    flagged = with_late_flag(ACTIONS, dt.date(2026, 11, 22))
    assert flagged["late"].to_list() == [False, True, False]


def test_social_entrepreneurship_share_leaves_out_ideas_and_stopped_actions():
    share, counted, with_component = social_entrepreneurship_share(ACTIONS)
    assert (counted, with_component) == (2, 1)
    assert share == 0.5
    assert social_entrepreneurship_share(ACTIONS.clear()) == (None, 0, 0)


def test_status_counts_list_every_status():
    counts = status_counts(ACTIONS)
    assert counts["done"] == 1 and counts["idea"] == 1 and counts["stopped"] == 0


def test_codes_sort_naturally():
    codes = pl.DataFrame({"code": ["2.10.1", "2.9.1", "10", "2", "2.1"]})
    assert codes.sort(natural_code_key())["code"].to_list() == ["2", "2.1", "2.9.1", "2.10.1", "10"]
