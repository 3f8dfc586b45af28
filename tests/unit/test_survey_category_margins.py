"""Issue 13, category x level tables: each partner category's answer levels are shown with
small levels merged, and so are all partners' together. A level merged in one category only
was all partners' count minus the other categories': `margin_hidden_levels` hides companions
across the table (all-partners row included) so that no hidden count is determined."""

from __future__ import annotations

import itertools

import polars as pl

from dashboard.services.partners import survey_disclosure
from dashboard.services.partners.surveys import ALL_CATEGORIES, build_report, category_groups
from tests.unit.test_survey_analysis import survey

# A1 of first-line partners: level 1 twice (merged, with level 3 to reach 5); of coordination
# partners: level 1 six times, level 3 never. All partners: level 1 = 8, shown on main.
FIRST_LINE = [1] * 2 + [3] * 6 + [4] * 8
COORDINATION = [1] * 6 + [4] * 5 + [5] * 5
CATEGORIES = {"first_line": FIRST_LINE, "coordination": COORDINATION}


def data():
    return survey(
        [
            (1, category, {"A1": v, "A2": 4, "W1": 3})
            for category, values in CATEGORIES.items()
            for v in values
        ]
    )


def shown_counts() -> dict[str, dict[int | None, int]]:
    """Per view (all partners, each category): A1's counts the page gives, share x n (level
    None: the merged segment)."""
    views = {}
    for view in (ALL_CATEGORIES, *CATEGORIES):
        report = build_report(data(), 1, view, None)
        n = report.item_summary.filter(pl.col("item_code") == "A1")["respondents"].item()
        rows = report.item_distribution.filter(pl.col("item_code") == "A1")
        views[view] = {level: round(share * n) for level, share in rows.select("level", "share").iter_rows()}
    return views


def recovered() -> dict[tuple[str, int], int]:
    """The hidden counts of 1-4 that the views fix, brute-forced: every category's counts per
    level (each row summing to its n, merged levels holding the segment's total) that agree
    with every count shown, all partners = the sum of the categories."""
    views = shown_counts()
    levels = [1, 2, 3, 4, 5]

    def rows(view: str) -> list[dict[int, int]]:
        shown = views[view]
        merged = [level for level in levels if level not in shown]
        total = shown.get(None, 0)
        options = []
        for counts in itertools.product(range(total + 1), repeat=len(merged)):
            if sum(counts) == total:
                options.append(
                    {
                        **{l: c for l, c in shown.items() if l is not None},
                        **dict(zip(merged, counts, strict=True)),
                    }
                )
        return options

    found = [
        (a, b)
        for a, b in itertools.product(rows("first_line"), rows("coordination"))
        if all(
            a[level] + b[level] == views[ALL_CATEGORIES].get(level, a[level] + b[level]) for level in levels
        )
        and sum(a[l] + b[l] for l in levels if l not in views[ALL_CATEGORIES])
        == views[ALL_CATEGORIES].get(None, 0)
    ]
    fixed = {}
    for index, category in enumerate(CATEGORIES):
        for level in levels:
            values = {solution[index][level] for solution in found}
            if len(values) == 1 and 1 <= next(iter(values)) <= 4 and level not in views[category]:
                fixed[(category, level)] = next(iter(values))
    return fixed


def test_no_merged_level_of_a_category_is_all_partners_minus_the_others():
    assert shown_counts()["first_line"].get(1) is None  # merged in its own row
    assert recovered() == {}


def test_margin_hidden_levels_hides_a_companion_in_the_other_category_or_the_total():
    answers = data().answers.filter(pl.col("item_code") == "A1")
    groups = category_groups(data().respondents)
    hidden = survey_disclosure.margin_hidden_levels(answers, "item_code", "value", 1, 5, groups)
    level_1 = {c: h for c, lv, h in hidden.select("category", "level", "level_hidden").iter_rows() if lv == 1}
    assert level_1["first_line"]  # 2 answers
    # its column (level 1) must hide a second cell: coordination's 6 or all partners' 8
    assert level_1["coordination"] or level_1[ALL_CATEGORIES]
    # a level nobody gave stays shown (none to hide)
    level_2 = [h for c, lv, h in hidden.select("category", "level", "level_hidden").iter_rows() if lv == 2]
    assert not any(level_2)


def test_a_category_hidden_in_its_wave_is_hidden_whole():
    rows = [(1, "first_line", {"A1": v, "A2": 4, "W1": 3}) for v in FIRST_LINE] + [
        (1, "coordination", {"A1": 4, "A2": 4, "W1": 3}) for _ in range(3)
    ]
    d = survey(rows)
    groups = category_groups(d.respondents)
    hidden = survey_disclosure.margin_hidden_levels(
        d.answers.filter(pl.col("item_code") == "A1"), "item_code", "value", 1, 5, groups
    )
    coordination = hidden.filter(pl.col("category") == "coordination", pl.col("level") == 4)
    assert coordination["level_hidden"].all()
