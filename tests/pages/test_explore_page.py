"""The Explore page (issue 15): roles, the view as a URL, suppressed counts in what it shows."""

from __future__ import annotations

import polars as pl
import pytest

from dashboard.errors import PermissionDenied
from dashboard.i18n import t
from dashboard.navigation import page_path
from dashboard.services.access import actor_for
from dashboard.services.explore import sql
from dashboard.services.explore.catalogue import catalogue
from dashboard.services.explore.pivot import PivotSpec, pivot_frame
from dashboard.services.suppression import SUPPRESSED_TEXT
from tests.pages.apptest import chart, logged_in, open_page


@pytest.mark.parametrize("role", ["academic", "steering", "admin"])
def test_the_roles_that_explore_open_the_page_with_a_chart(demo_sqlite, role):
    at = open_page(logged_in(f"demo-{role}", project="chronicopole"), "explore")
    assert at.title[0].value == t("explore.title", lang="en")
    assert len(at.get("vega_lite_chart")) == 1
    labels = [b.label for b in at.get("download_button")]
    assert t("explore.download_parquet", lang="en") in labels


@pytest.mark.parametrize("username", ["demo-viewer", "demo-coordinator"])
def test_viewers_and_coordinators_are_refused_by_the_service_not_only_hidden(demo_sqlite, username):
    at = logged_in(username, project="empact")
    with pytest.raises(ValueError):
        at.switch_page(page_path("explore"))
    actor = actor_for(username, "empact")
    with pytest.raises(PermissionDenied):
        catalogue(actor)
    with pytest.raises(PermissionDenied):
        sql.query(actor, "SELECT * FROM actions")


def test_a_link_with_the_views_parameters_reopens_the_same_view(demo_sqlite):
    at = logged_in("demo-academic", project="empact")
    for name, value in {"ds": "decisions", "rows": "year", "cols": "outcome"}.items():
        at.query_params[name] = value
    open_page(at, "explore")
    assert at.selectbox[0].value == "decisions"
    assert at.selectbox[1].value == "year" and at.selectbox[2].value == "outcome"
    spec, data = chart(at.get("vega_lite_chart")[0])
    assert spec["mark"]["type"] == "line"  # a year's rows: a line
    # the outcomes are labelled, not codes
    assert t("outcome.conditional_go", lang="en") in set(data["outcome"].to_list())
    assert "conditional_go" not in set(data["outcome"].to_list())
    assert at.query_params["ds"] == "decisions" and at.query_params["cols"] == "outcome"


def test_changing_a_choice_writes_it_into_the_url(demo_sqlite):
    at = open_page(logged_in("demo-academic", project="empact"), "explore")
    at.selectbox[0].set_value("risk_counts").run()
    at.selectbox[1].set_value("region_name").run()
    assert at.query_params["ds"] == "risk_counts" and at.query_params["rows"] == "region_name"


def test_a_pivot_of_persons_never_shows_a_small_count(demo_sqlite):
    """Risk counts by age band x stratum over the regions: the page's table shows "< 5" exactly where the
    service's pivot is suppressed, and no number of 1-4 anywhere."""
    at = logged_in("demo-academic", project="chronicopole")
    for name, value in {
        "ds": "risk_counts",
        "rows": "age_band",
        "cols": "stratum",
        "measure": "persons",
        "fcol": "region_name",
    }.items():
        at.query_params[name] = value
    open_page(at, "explore")
    table = at.dataframe[-1].value
    cells = [str(v) for c in table.columns[1:] for v in table[c].tolist()]
    numbers = [float(v) for v in cells if v not in (SUPPRESSED_TEXT, "None", "nan")]
    assert all(not (0 < n < 5) for n in numbers)
    datasets = catalogue(actor_for("demo-academic", "chronicopole"))
    result = pivot_frame(
        datasets["risk_counts"], PivotSpec("age_band", "stratum", "persons", "sum", "region_name")
    )
    assert cells.count(SUPPRESSED_TEXT) == result["value_suppressed"].sum() > 0
    _, data = chart(at.get("vega_lite_chart")[0])
    assert data.filter(pl.col("value").is_between(1, 4)).height == 0
