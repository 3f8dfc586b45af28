"""The Risk map of a project with more care regions than a map per year can show (a consortium
of municipalities): the page renders, and the years tab draws the lines of the regions that
stand out, with a caption that says which are shown and how to see the others."""

from __future__ import annotations

import json

from benchmarks.bench_risk import generated_project
from dashboard.i18n import t
from dashboard.services.population import risk
from dashboard.services.admin.users import set_membership
from tests.pages.apptest import chart, logged_in, open_page, texts

REGIONS = risk.SMALL_MULTIPLES_MAX_REGIONS + 10


def test_many_regions_show_the_top_regions_over_the_years_with_a_caption(demo_sqlite):
    generated_project("many", REGIONS)
    set_membership("demo-steering", "many", "steering")
    at = open_page(logged_in("demo-steering", project="many"), "risk_map")
    assert not at.exception, [e.value for e in at.exception]
    caption = t("risk.years_top", lang="en", regions=REGIONS, top=risk.TOP_REGIONS, year=2024)
    assert caption in texts(at)
    # The map labels the top regions (and the chosen one), not every region on top of another.
    [deck] = at.get("deck_gl_json_chart")
    labels = json.loads(deck.proto.json)["layers"][1]["data"]
    assert 0 < len(labels) <= risk.TOP_REGIONS + 1
    assert t("risk.map_labelled", lang="en", top=risk.TOP_REGIONS) in texts(at)
    # Every year of a large table is read and suppressed on demand.
    at.toggle(key="risk_all_years_many").set_value(True).run()
    assert not at.exception, [e.value for e in at.exception]
    _, data = chart(at.get("vega_lite_chart")[-1])  # the years tab's chart
    project_line = t("risk.project_row", lang="en", project=f"Risk scale test ({REGIONS} regions)")
    series = set(data["series"])
    # The top regions (the chosen region for the pyramid is the highest: among them) and the
    # project: a legible handful of lines, not one per region.
    assert len(series) == risk.TOP_REGIONS + 1
    assert project_line in series
    assert set(data["year"]) == set(range(2018, 2025))
