"""Issue 14 item 5: on every page, every chart offers its PNG and SVG and every table file its
CSV and Excel, for the roles that may download; none for a viewer. One test over the
navigation, so that a page added later is checked too."""

from __future__ import annotations

import pytest

from dashboard.i18n import t
from dashboard.navigation import PAGES
from tests.pages.apptest import logged_in, open_page, page_tables

KINDS = ("csv", "xlsx", "png", "svg")
# Pages whose grids are editors (the data being typed), not tables to take away.
EDITORS_ONLY = {"update_actions"}


def offered(at) -> dict[str, int]:  # noqa: ANN001
    labels = [b.label for b in at.get("download_button")]
    return {kind: labels.count(t(f"common.download_{kind}", lang="en")) for kind in KINDS}


@pytest.mark.parametrize("spec", PAGES, ids=[spec.key for spec in PAGES])
def test_every_chart_and_table_of_the_page_offers_its_downloads(demo_sqlite, spec):
    at = open_page(logged_in("demo-admin", project="chronicopole"), spec.key)
    counts = offered(at)
    charts = len(at.get("vega_lite_chart"))
    assert counts["png"] == counts["svg"] == charts, (spec.key, charts, counts)
    assert counts["csv"] == counts["xlsx"], (spec.key, counts)
    if page_tables(at) and spec.key not in EDITORS_ONLY:
        assert counts["csv"] >= 1, (spec.key, counts)


def test_a_viewer_gets_no_file_buttons(demo_sqlite):
    for spec in PAGES:
        at = logged_in("demo-viewer", project="empact")
        try:
            at.switch_page(str(spec.path)).run()
        except ValueError:  # a page the viewer does not have
            continue
        assert not at.exception
        assert not any(offered(at).values()), spec.key


def test_an_images_caption_keeps_the_charts_own_title():
    from dashboard.ui.components import captioned_title

    assert captioned_title("Actions by objective", "Files: 3 of 68")["text"] == "Actions by objective"
    assert captioned_title({"text": "By region", "fontSize": 15}, "x")["subtitle"] == "x"
    assert captioned_title(None, "Files: 3 of 68")["text"] == "Files: 3 of 68"
