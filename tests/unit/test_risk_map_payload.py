"""The outlines the Risk map sends: simplified to what the map's zoom can show, coordinates at 5
decimals, still valid polygons; a national map of generated municipalities under 1 MB."""

from __future__ import annotations

import json
import math
import re

from shapely.geometry import shape

from dashboard.services.population import risk


def wiggly_ring(x: float, y: float, radius: float, points: int) -> list[list[float]]:
    """A closed ring with many vertices a few metres off a circle (as surveyed borders are)."""
    ring = []
    for n in range(points):
        angle = 2 * math.pi * n / points
        r = radius * (1 + 0.0005 * ((-1) ** n))
        ring.append([x + r * math.cos(angle) + 1.23456789e-7, y + r * math.sin(angle)])
    return [*ring, ring[0]]


BELGIUM = (2.54, 49.49, 6.41, 51.51)


def test_the_tolerance_is_a_fraction_of_a_pixel_of_the_map_showing_the_project():
    national = risk.display_tolerance(BELGIUM)
    local = risk.display_tolerance((4.0, 50.3, 4.5, 50.6))
    assert 0.0005 < national < 0.003  # 50-300 m: under a pixel of a map of Belgium
    assert local < national / 5  # a small project is drawn closer: finer outlines


def test_outlines_are_simplified_rounded_and_stay_valid():
    geometry = {"type": "Polygon", "coordinates": [wiggly_ring(4.4, 50.8, 0.05, 2000)]}
    tolerance = risk.display_tolerance(BELGIUM)
    shown = risk.display_geometry(geometry, tolerance)
    vertices = len(shown["coordinates"][0])
    assert 10 < vertices < 400  # far fewer than 2,000, still a recognisable shape
    text = json.dumps(shown)
    assert not re.search(r"\d\.\d{6,}", text)  # at most 5 decimals
    shaped = shape(shown)
    assert shaped.is_valid
    # No point of the outline moves further than the tolerance (and the 5-decimal grid).
    assert shaped.hausdorff_distance(shape(geometry)) <= tolerance + 1e-5


def test_a_multipolygon_keeps_its_parts_and_a_tiny_island_is_not_lost():
    geometry = {
        "type": "MultiPolygon",
        "coordinates": [[wiggly_ring(4.4, 50.8, 0.05, 500)], [wiggly_ring(4.6, 50.9, 0.002, 50)]],
    }
    shown = risk.display_geometry(geometry, risk.display_tolerance(BELGIUM))
    assert shown["type"] == "MultiPolygon" and len(shown["coordinates"]) == 2


def test_without_tolerance_only_the_rounding_applies():
    ring = [[4.123456789, 50.0], [4.2, 50.0], [4.2, 50.1], [4.123456789, 50.1], [4.123456789, 50.0]]
    shown = risk.display_geometry({"type": "Polygon", "coordinates": [ring]}, 0.0)
    assert [4.12346, 50.0] in shown["coordinates"][0]
    assert len(shown["coordinates"][0]) == 5


def test_features_from_outlines_parsed_once_are_the_same_features():
    import polars as pl

    from dashboard.charts import population as charts

    regions = pl.DataFrame(
        {
            "region_id": [1, 2],
            "name": ["A", "B"],
            "geometry": [
                json.dumps({"type": "Polygon", "coordinates": [wiggly_ring(4.4, 50.8, 0.05, 20)]}),
                None,
            ],
        }
    )
    shown = pl.DataFrame(
        {
            "region_id": [1, 2],
            "value_class": [0, None],
            "value_suppressed": [False, True],
            "value": ["2,0 %", "< 5"],
        }
    )
    parsed = charts.parsed_geometries(regions)
    assert list(parsed) == [1]
    assert charts.region_features(regions, shown, [1.0, 2.0], parsed) == charts.region_features(
        regions, shown, [1.0, 2.0]
    )
