"""Reading risk tables (CSV, XLSX, Parquet) and region outlines (GeoJSON, NIS mappings): every
problem found and located, before anything reaches a project."""

import json
from pathlib import Path

import pytest
from shapely.geometry import Point, shape

from data_loaders import geo
from data_loaders.problems import UnreadableFile
from data_loaders.risk import normalise_age_band, parse_risk_table, read_risk_file
from data_loaders.tabular import read_table
from dashboard.services.population.risk_import import condition_words, sex_words, stratum_words

DATA = Path(__file__).resolve().parent.parent / "data"
EMPACT_LABELS = {
    "2": {
        "fr": "Cat. 3 · À domicile avec soins",
        "nl": "Cat. 3 · Thuis met zorg",
        "en": "Cat. 3 · At home with care",
    }
}


def parse(name: str, labels: dict | None = None):  # noqa: ANN201
    path = DATA / "risk" / name
    table = read_risk_file(path.read_bytes(), path.name)
    return parse_risk_table(table, stratum_words(labels), sex_words(), condition_words())


@pytest.mark.parametrize("name", ["good.csv", "good.xlsx", "good.parquet"])
def test_a_good_file_reads_the_same_in_every_format(name):
    parsed = parse(name)
    assert not parsed.problems, [p.key for p in parsed.problems.items]
    assert len(parsed.rows) == 23
    first = parsed.rows[0]
    assert (first.region, first.year, first.stratum, first.persons, first.population) == (
        "Ieper",
        2025,
        0,
        38301,
        62950,
    )
    assert first.line == 2  # header on line 1, also for Parquet (row index + 2)
    young = [r for r in parsed.rows if r.age_band == "0-17"]
    assert [(r.sex, r.persons) for r in young] == [("female", 2), ("male", 3)]
    assert [r.condition for r in parsed.rows if r.condition] == ["diabetes"]


def test_french_headers_labels_and_the_project_s_own_stratum_labels_are_understood():
    parsed = parse("good_french.csv", EMPACT_LABELS)
    assert not parsed.problems, [(p.key, p.line) for p in parsed.problems.items]
    english = parse("good.csv")
    assert [(r.region, r.stratum, r.age_band, r.sex, r.condition, r.persons) for r in parsed.rows] == [
        (r.region, r.stratum, r.age_band, r.sex, r.condition, r.persons) for r in english.rows
    ]


def test_every_problem_of_a_bad_file_is_listed_with_its_line_column_and_value():
    parsed = parse("bad.csv")
    found = {(p.line, p.column, p.key, p.value) for p in parsed.problems.items}
    assert found == {
        (4, "year", "problem.risk.bad_year", "20x5"),
        (5, "stratum", "problem.risk.bad_stratum", "4"),
        (6, "persons", "problem.risk.bad_count", "-2"),
        (7, "persons", "problem.risk.bad_count", "< 5"),
        (8, "age_band", "problem.risk.bad_age_band", "17-0"),
        (9, "sex", "problem.risk.bad_sex", "x"),
        (10, "condition", "problem.risk.bad_condition", "gout"),
        (13, "persons", "problem.empty_cell", ""),
    }
    # unknown regions, duplicates and two populations need the project: the service's tests


def test_missing_required_columns_are_named():
    parsed = parse("missing_columns.csv")
    assert {(p.key, p.column) for p in parsed.problems.items} == {
        ("problem.missing_column", "stratum")
    }  # regio, jaar and aantal are understood


def test_parquet_rows_are_located_as_lines():
    parsed = parse("bad.parquet")
    assert {(p.line, p.column, p.key) for p in parsed.problems.items} == {
        (3, "stratum", "problem.risk.bad_stratum"),
        (3, "persons", "problem.risk.bad_count"),
    }


@pytest.mark.parametrize(
    "name,key", [("empty.csv", "problem.empty_file"), ("not_parquet.parquet", "problem.risk.not_parquet")]
)
def test_unreadable_files(name, key):
    path = DATA / "risk" / name
    with pytest.raises(UnreadableFile) as caught:
        read_risk_file(path.read_bytes(), path.name)
    assert caught.value.key == key


def test_age_bands_are_written_one_way():
    assert normalise_age_band(" 0 – 17 ") == "0-17"
    assert normalise_age_band("75 +") == "75+"
    for bad in ("17-0", "old", "65-"):
        with pytest.raises(ValueError):
            normalise_age_band(bad)


def test_words_for_strata_sexes_and_conditions_in_three_languages():
    assert stratum_words(EMPACT_LABELS)["cat. 3 · thuis met zorg"] == 2
    assert stratum_words()["3 · haute complexite"] == 3
    assert {sex_words()[w] for w in ("f", "femmes", "vrouw", "women")} == {"female"}
    assert {sex_words()[w] for w in ("m", "h", "mannen", "men")} == {"male"}
    assert condition_words()["bpco"] == "copd" and condition_words()["hartfalen"] == "heart_failure"


# ---------------------------------------------------------------- GeoJSON


def geo_file(name: str) -> tuple[bytes, str]:
    path = DATA / "geo" / name
    return path.read_bytes(), path.name


def test_regions_drawn_one_per_feature_are_read_and_merged():
    parsed = geo.read_geojson(*geo_file("regions.geojson"))
    shapes = geo.regions_from_features(parsed)
    assert not parsed.problems
    assert {c: s.name for c, s in shapes.items()} == {"NORD": "Région Nord", "SUD": "Région Sud"}
    assert shapes["SUD"].geometry.geom_type == "MultiPolygon"


def test_every_bad_feature_is_reported():
    parsed = geo.read_geojson(*geo_file("bad_features.geojson"))
    geo.regions_from_features(parsed)
    found = {(p.record, p.key) for p in parsed.problems.items}
    assert found == {
        ("Feature 2", "problem.geo.not_polygon"),
        ("Feature 3", "problem.geo.not_in_belgium"),  # Lambert 72 metres, not degrees
        ("Feature 5", "problem.geo.no_geometry"),
        ("Feature 6", "problem.geo.no_region_code"),
    }
    # a bow tie crosses itself: repaired (two triangles), and the preview says so
    assert [(n.key, n.params["features"]) for n in parsed.notes.items] == [
        ("note.geo.repaired_invalid", "Feature 4 (BOWTIE)")
    ]


@pytest.mark.parametrize(
    "name,key",
    [
        ("not_json.geojson", "problem.geo.not_json"),
        ("not_collection.geojson", "problem.geo.not_feature_collection"),
    ],
)
def test_files_that_are_not_geojson(name, key):
    with pytest.raises(UnreadableFile) as caught:
        geo.read_geojson(*geo_file(name))
    assert caught.value.key == key


def test_municipalities_are_found_by_their_nis_code_even_under_statbel_s_property_name():
    parsed = geo.read_geojson(*geo_file("municipalities.geojson"))
    municipalities = geo.municipalities_from_features(parsed)
    assert sorted(municipalities) == ["25005", "25014", "25015", "25018", "25023"]


def test_a_mapping_file_is_checked_line_by_line():
    content, name = geo_file("mapping_bad.csv")
    rows, problems = geo.parse_mapping(read_table(content, name))
    assert {(p.line, p.column, p.key) for p in problems.items} == {
        (3, "nis", "problem.geo.bad_nis"),
        (4, "nis", "problem.geo.duplicate_nis"),
        (6, "region", "problem.empty_cell"),
        (7, "region_name", "problem.geo.two_names"),
    }
    assert [(r.nis, r.region) for r in rows] == [("25005", "WEST"), ("99999", "EAST")]


def test_simplified_outlines_stay_small_and_labels_fall_inside():
    wiggly = shape(
        {
            "type": "Polygon",
            "coordinates": [
                [[4.0 + i / 2000, 50.0 + (0.0003 if i % 2 else 0)] for i in range(2000)]
                + [[5.0, 50.5], [4.0, 50.5], [4.0, 50.0]]
            ],
        }
    )
    outline = geo.simplified(wiggly)
    assert len(json.dumps(outline)) < len(json.dumps(geo.mapping(wiggly))) / 10
    assert shape(outline).is_valid
    lon, lat = geo.label_point(outline)
    assert shape(outline).contains(Point(lon, lat))
