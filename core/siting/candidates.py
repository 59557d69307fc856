"""Candidate fire-station sites generated along the roads at a fixed spacing."""
import numpy as np
import pandas as pd
import shapely

from ..errors import InputError

CANDIDATE_SPACING_M = 500.0  # default spacing of generated candidates along each road
SNAP_FRACTION = 0.1  # junction duplicates: points on the same grid cell of spacing × this are one


def candidates_along_roads(roads, road_ids=None, spacing_m: float = CANDIDATE_SPACING_M, crs=None):
    """Candidate points along each road line every ``spacing_m`` (map units, metres).

    On each line (each part of a multi-line) points are placed at 0, s, 2s, … ≤ its length from
    its start (a part shorter than s gets only its start; a part whose length is an exact
    multiple of s gets its end too). Points that snap to the same node of a grid of ``spacing_m ×
    SNAP_FRACTION`` (the shared ends of lines at a junction, above all) are one candidate: the
    first, in road order then distance along, is kept, with its own coordinates and road.

    Roads without geometry give no candidates (the caller validates and reports them).

    Returns a GeoDataFrame with ``road_id`` (the given id, else the road's position), ``along_m``
    (distance from the road part's start) and point geometries, in road order.
    """
    import geopandas as gpd  # deferred: the rest of the package needs no geopandas

    if not (np.isfinite(spacing_m) and spacing_m > 0):
        raise InputError(f"candidate spacing must be a positive number of metres, got {spacing_m!r}")
    lines = np.asarray(getattr(roads, "values", roads), dtype=object).reshape(-1)
    if crs is None:
        crs = getattr(roads, "crs", None)
    ids = np.arange(len(lines)) if road_ids is None else np.asarray(road_ids, dtype=object).reshape(-1)
    if len(ids) != len(lines):
        raise InputError(f"{len(ids)} road ids for {len(lines)} roads", layer="roads")
    usable = ~(shapely.is_missing(lines) | shapely.is_empty(lines)) if len(lines) else np.zeros(0, bool)
    parts, owner = shapely.get_parts(lines[usable], return_index=True)
    owner = np.flatnonzero(usable)[owner]
    is_line = np.isin(shapely.get_type_id(parts), (1, 2))  # LineString, LinearRing
    if not is_line.all():
        raise InputError("roads must be lines", layer="roads",
                         feature_ids=np.unique(owner[~is_line]))
    lengths = shapely.length(parts)
    # a length that is a multiple of the spacing up to rounding still gets its end point
    counts = np.floor(lengths / spacing_m * (1 + 1e-12) + 1e-9).astype(np.int64) + 1
    total = int(counts.sum())
    starts = np.repeat(np.cumsum(counts) - counts, counts)
    along = (np.arange(total) - starts) * spacing_m
    part_of_point = np.repeat(np.arange(len(parts)), counts)
    along = np.minimum(along, lengths[part_of_point])
    points = shapely.line_interpolate_point(parts[part_of_point], along)
    keep = _first_per_cell(shapely.get_coordinates(points), spacing_m * SNAP_FRACTION)
    return gpd.GeoDataFrame(
        {"road_id": pd.array(ids[owner[part_of_point][keep]], dtype=object), "along_m": along[keep]},
        geometry=gpd.GeoSeries(points[keep], crs=crs), crs=crs)


def _first_per_cell(xy: np.ndarray, cell: float) -> np.ndarray:
    """Positions of the first point snapping to each node of a grid of step ``cell``, in input order."""
    if len(xy) == 0:
        return np.zeros(0, dtype=np.int64)
    keys = np.rint(xy / cell).astype(np.int64)  # snapped to the nearest node of the grid
    _, first = np.unique(keys, axis=0, return_index=True)
    return np.sort(first)
