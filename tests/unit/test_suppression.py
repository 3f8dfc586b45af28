"""Small-cell suppression: counts below 5 never leave a service as numbers, nor can they be
recovered from a total and the other cells."""

import polars as pl

from dashboard.services.suppression import (
    count_or_none,
    suppress,
    suppress_with_complement,
    suppressed_total,
)


def test_counts_below_five_become_null_and_flagged():
    frame = suppress(pl.DataFrame({"persons": [0, 3, 4, 5, 120, None]}), ["persons"])
    assert frame["persons"].to_list() == [None, None, None, 5, 120, None]
    assert frame["persons_suppressed"].to_list() == [True, True, True, False, False, False]


def test_a_lone_suppressed_cell_gets_a_companion_so_the_total_does_not_reveal_it():
    cells = pl.DataFrame(
        {
            "region": ["A", "A", "A", "B", "B", "B"],
            "stratum": [0, 1, 2, 0, 1, 2],
            "persons": [900, 37, 3, 800, 2, 1],
        }
    )
    result = suppress_with_complement(cells, "persons", ["region"])
    region_a = result.filter(pl.col("region") == "A")
    # 3 is primary; 37, the smallest other cell, is suppressed with it.
    assert region_a["persons_suppressed"].to_list() == [False, True, True]
    assert region_a["persons"].to_list() == [900, None, None]
    # Region B already has two suppressed cells: nothing more to hide.
    region_b = result.filter(pl.col("region") == "B")
    assert region_b["persons_suppressed"].to_list() == [False, True, True]
    assert region_b["persons"].to_list() == [800, None, None]


def test_groups_without_small_cells_are_untouched():
    cells = pl.DataFrame({"g": ["A", "A"], "n": [10, 20]})
    assert suppress_with_complement(cells, "n", ["g"])["n"].to_list() == [10, 20]


def test_single_counts_and_totals():
    assert count_or_none(4) is None
    assert count_or_none(5) == 5
    assert suppressed_total(pl.DataFrame({"n": [1, 2]}), "n") is None
    assert suppressed_total(pl.DataFrame({"n": [1, 4]}), "n") == 5
