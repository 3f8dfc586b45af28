"""GeoJSON / TopoJSON files shaped like the published Belgian boundaries (tests/data/geo:
hand-made squares with the real property names and structure): repairs, GeometryCollections,
where the NIS code is, the Belgian Region that is not a care region, TopoJSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from shapely.geometry import shape

from data_loaders import geo
from data_loaders.problems import UnreadableFile

DATA = Path(__file__).resolve().parent.parent / "data" / "geo"


def parsed(name: str) -> geo.ParsedGeoJSON:
    return geo.read_geojson((DATA / name).read_bytes(), name)


def test_a_self_intersecting_ring_is_repaired_keeping_its_polygons():
    file = parsed("statbel_municipalities_invalid.geojson")
    ieper = file.features[0]
    assert ieper.problem is None and ieper.repaired == "invalid"
    assert ieper.geometry.is_valid and ieper.geometry.geom_type == "MultiPolygon"
    # the bow tie's two triangles: half the square it spans
    assert ieper.geometry.area == pytest.approx(0.05 * 0.05 / 2)


def test_a_geometry_collection_of_polygons_is_one_multipolygon_and_others_are_refused():
    file = parsed("statbel_municipalities_invalid.geojson")
    heuvelland = file.features[1]
    assert heuvelland.problem is None and heuvelland.repaired == "collection"
    assert heuvelland.geometry.area == pytest.approx(0.05 * 0.05 + 0.02 * 0.02)
    mixed = {
        "type": "GeometryCollection",
        "geometries": [
            {"type": "Polygon", "coordinates": [[[4, 50], [4.1, 50], [4.1, 50.1], [4, 50]]]},
            {"type": "LineString", "coordinates": [[4, 50], [4.1, 50.1]]},
        ],
    }
    content = json.dumps({"type": "Feature", "properties": {"nis": "25005"}, "geometry": mixed}).encode()
    feature = geo.read_geojson(content, "mixed.geojson").features[0]
    assert feature.problem.key == "problem.geo.collection_not_polygons"
    assert feature.problem.value == "LineString"


def test_unreadable_features_outside_the_wanted_municipalities_are_ignored_with_a_note():
    file = parsed("statbel_municipalities_invalid.geojson")
    found = geo.municipalities_from_features(file, wanted={"33011", "33039", "33021", "33041"})
    assert not file.problems
    assert sorted(found) == ["33011", "33021", "33039", "33041"]
    notes = {n.key: n.params for n in file.notes.items}
    assert notes["note.geo.ignored_unreadable"]["count"] == 2
    assert notes["note.geo.ignored_unreadable"]["features"] == "Feature 5 (38025), Feature 6 (34022)"
    assert notes["note.geo.repaired_invalid"]["features"] == "Feature 1 (33011)"
    assert notes["note.geo.repaired_collection"]["features"] == "Feature 2 (33039)"
    # wanted, the line that is not a polygon refuses the file
    again = parsed("statbel_municipalities_invalid.geojson")
    geo.municipalities_from_features(again, wanted={"33011", "38025"})
    assert [(p.record, p.key) for p in again.problems.items] == [
        ("Feature 5 (38025)", "problem.geo.not_polygon")
    ]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("BE233016", "33016"),
        ("BE121004", "21004"),
        ("BE_11001", "11001"),
        ("33011", "33011"),
        ("33011.0", "33011"),
        ("BE2330", None),
        ("NL_0003", None),
        ("02000x", None),
    ],
)
def test_nis_codes_are_read_as_published_files_write_them(text, expected):
    assert geo.normalise_nis(text) == expected


def test_the_nis_code_is_found_under_the_names_published_files_use():
    assert geo.nis_property(parsed("shn_region.geojson")) == "shn"
    assert (
        geo.nis_property(parsed("statbel_municipalities_invalid.geojson")) == "CD_MUNTY_REFNIS"
    )  # not CD_DSTR_REFNIS nor CD_RGN_REFNIS, also five digits
    assert geo.nis_property(parsed("belgium_topo.geojson")) == "nis"  # not reg_nis
    # LAU_ID and GISCO_ID both hold the code and agree: no question to ask
    lau = parsed("lau_municipalities.geojson")
    assert geo.nis_property(lau) in ("LAU_ID", "GISCO_ID") and not lau.problems


def test_two_properties_that_could_be_the_code_and_differ_are_never_guessed_between():
    file = parsed("nis_two_years.geojson")
    assert geo.nis_property(file) is None
    assert [p.key for p in file.problems.items] == ["problem.geo.several_nis_properties"]
    assert file.code_candidates == ["NIS_2019", "NIS_2025"]
    chosen = parsed("nis_two_years.geojson")
    assert geo.nis_property(chosen, "nis_2025") == "NIS_2025" and not chosen.problems
    missing = parsed("nis_two_years.geojson")
    assert geo.nis_property(missing, "NIS_2030") is None
    assert missing.problems.items[0].key == "problem.geo.no_such_property"
    assert "NIS_2019, NIS_2025, NAAM" in missing.problems.items[0].params["expected"]


def test_a_property_holding_the_belgian_region_is_not_a_care_region():
    file = parsed("shn_region.geojson")
    assert geo.region_property(file) is None
    assert [(n.key, n.column, n.value) for n in file.notes.items] == [
        ("note.geo.belgian_region", "region", "BE-VLG")
    ]
    names = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"region": name},
                "geometry": {"type": "Polygon", "coordinates": [[[4, 50], [4.1, 50], [4.1, 50.1], [4, 50]]]},
            }
            for name in ("Vlaanderen", "Région wallonne", "Brussels Hoofdstedelijk Gewest")
        ],
    }
    assert geo.region_property(geo.read_geojson(json.dumps(names).encode(), "x.geojson")) is None
    # a care region the project has, named like a Region, stays a care region
    assert (
        geo.region_property(geo.read_geojson(json.dumps(names).encode(), "x.geojson"), {"Vlaanderen"})
        == "region"
    )
    care = dict(
        names,
        features=[
            dict(f, properties={"region": code})
            for f, code in zip(names["features"], ("IEP", "POP", "BE-VLG"), strict=True)
        ],
    )
    assert geo.region_property(geo.read_geojson(json.dumps(care).encode(), "x.geojson")) == "region"


def test_topojson_arcs_are_decoded_with_their_quantization():
    topology = {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.25], "translate": [4, 50]},
        "arcs": [[[2, 4], [2, 0], [-2, 4]], [[0, 0], [1, 1]]],
    }
    assert geo.decode_arcs(topology) == [[(5.0, 51.0), (6.0, 51.0), (5.0, 52.0)], [(4.0, 50.0), (4.5, 50.25)]]
    assert geo.decode_arcs({"arcs": [[[4.5, 50.5], [4.6, 50.6]]]}) == [[(4.5, 50.5), (4.6, 50.6)]]


def test_a_topojson_file_named_geojson_is_converted_with_shared_and_reversed_arcs():
    file = parsed("belgium_topo.geojson")
    assert file.converted_from == "topojson" and not file.problems
    assert [n.key for n in file.notes.items] == ["note.geo.topojson"]
    by_nis = {f.properties["nis"]: f.geometry for f in file.features}
    assert by_nis["33011"].bounds == pytest.approx((2.80, 50.80, 2.85, 50.85))
    assert by_nis["33039"].bounds == pytest.approx((2.85, 50.80, 2.90, 50.85))
    assert by_nis["37007"].geom_type == "MultiPolygon"
    for geometry in by_nis.values():
        assert geometry.is_valid and geometry.area == pytest.approx(0.05 * 0.05)
    # the shared side is one side of both: the two squares make one rectangle
    merged = by_nis["33011"].union(by_nis["33039"])
    assert merged.geom_type == "Polygon" and merged.area == pytest.approx(0.005)
    assert shape(geo.simplified(merged)).is_valid


def test_a_topojson_of_several_layers_is_refused_with_the_conversion_command():
    with pytest.raises(UnreadableFile) as refused:
        parsed("two_layers_topo.json")
    assert refused.value.key == "problem.geo.topojson_layers"
    assert refused.value.params["layers"] == "municipalities, provinces"
    assert refused.value.params["first"] == "municipalities"
    from dashboard.i18n import t

    text = t(refused.value.key, lang="en", **refused.value.params)
    assert "npx topojson-client topo2geo municipalities=out.geojson < two_layers_topo.json" in text
