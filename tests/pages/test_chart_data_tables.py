"""Issue 14 item 6: every chart has its data as a table beside it (for readers who cannot see
the chart). One test over the navigation, so that a chart added later is checked too."""

from __future__ import annotations

import pytest

from dashboard.i18n import t
from dashboard.navigation import PAGES
from tests.pages.apptest import logged_in, open_page


@pytest.mark.parametrize("spec", PAGES, ids=[spec.key for spec in PAGES])
def test_every_chart_of_the_page_has_its_data_table(demo_sqlite, spec):
    at = open_page(logged_in("demo-admin", project="chronicopole"), spec.key)
    label = t("common.chart_data", lang="en")
    tables = [e for e in at.expander if e.label == label]
    charts = len(at.get("vega_lite_chart"))
    assert len(tables) == charts, (spec.key, charts, len(tables))
    for expander in tables:
        assert len(expander.dataframe) == 1, spec.key
        assert expander.dataframe[0].value.shape[0] > 0, spec.key
