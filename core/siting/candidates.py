"""Candidate fire-station sites generated along the roads at a fixed spacing."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

import numpy as np
import numpy.typing as npt
import pandas as pd
import shapely

from .. import messages as m
from ..errors import InputError
from ..roads.speeds import class_speeds
from ..standards.road_speeds import DEFAULT_SPEED_PRESET
from ..standards.siting_rules import CANDIDATE_SPACING_M, FRONTAGE_ROAD_CLASSES

if TYPE_CHECKING:
    import geopandas as gpd

SNAP_FRACTION = 0.1  # junction duplicates: points snapping to one node of a grid of spacing × this are one


def candidates_along_roads(roads: npt.ArrayLike, road_ids: npt.ArrayLike | None = None,
                           spacing_m: float = CANDIDATE_SPACING_M, crs: Any = None, merge_chains: bool = True,
                           road_classes: npt.ArrayLike | None = None,
                           allowed_classes: Iterable[str] | None = FRONTAGE_ROAD_CLASSES) -> gpd.GeoDataFrame:
    """Candidate points along the roads every ``spacing_m`` (map units, metres).

    With ``merge_chains`` (default) road lines that continue each other — meeting end to end where
    no third road joins — are first merged into chains (``shapely.line_merge``), so a road
    digitised as many short segments still gets one point every ``spacing_m``, not one per segment.
    On each chain (or each line, and each part of a multi-line, without merging) points are placed
    at 0, s, 2s, … ≤ its length from its start (a chain shorter than s gets only its start; one
    whose length is an exact multiple of s gets its end too). Points that snap to the same node of
    a grid of ``spacing_m × SNAP_FRACTION`` (the shared ends at a junction, above all) are one
    candidate: the first, in chain order then distance along, is kept with its own coordinates.
    Roads without geometry give no candidates (the caller validates and reports them).

    ``road_classes`` (one per road, the codes of ``layers.schemas.ROAD_CLASSES``): when given, only
    roads whose class is in ``allowed_classes`` get candidates — by default the frontage rule of
    ``core.standards.siting_rules`` (主、次干路: trunk, primary, secondary); a road of another or no
    class gets none. ``allowed_classes=None`` keeps every road.

    Returns a GeoDataFrame with ``road_id`` (the given id, else the road's position, of the road
    the point lies on; at a junction the lowest-positioned road), ``along_m`` (distance along that
    road from its start) and point geometries.
    """
    import geopandas as gpd  # deferred: the rest of the package needs no geopandas

    if not (np.isfinite(spacing_m) and spacing_m > 0):
        raise InputError(m.OPTION_POSITIVE, option="candidate spacing", unit=" m", value=repr(spacing_m))
    lines = np.asarray(getattr(roads, "values", roads), dtype=object).reshape(-1)
    if crs is None:
        crs = getattr(roads, "crs", None)
    ids = np.arange(len(lines)) if road_ids is None else np.asarray(road_ids, dtype=object).reshape(-1)
    if len(ids) != len(lines):
        raise InputError(m.LENGTHS_DIFFER, layer="roads", given=len(ids), what="road ids", expected=len(lines),
                         of="roads")
    usable = ~(shapely.is_missing(lines) | shapely.is_empty(lines)) if len(lines) else np.zeros(0, bool)
    if road_classes is not None and allowed_classes is not None:
        classes = np.asarray(road_classes, dtype=object).reshape(-1)
        if len(classes) != len(lines):
            raise InputError(m.LENGTHS_DIFFER, layer="roads", given=len(classes), what="road classes",
                             expected=len(lines), of="roads")
        # each road's class as the default speed preset's row (the road code table's classes, the
        # Chinese labels and aliases included: 主干路 is trunk as for the speeds)
        rows = class_speeds(classes, DEFAULT_SPEED_PRESET).keys
        usable &= np.isin(rows.astype(str), list(allowed_classes))
    parts, owner = shapely.get_parts(lines[usable], return_index=True)
    owner = np.flatnonzero(usable)[owner]
    is_line = np.isin(shapely.get_type_id(parts), (1, 2))  # LineString, LinearRing
    if not is_line.all():
        raise InputError(m.ROADS_NOT_LINES, layer="roads", feature_ids=np.unique(owner[~is_line]))
    chains = shapely.get_parts(shapely.line_merge(shapely.multilinestrings(parts))) if merge_chains and len(parts) \
        else parts
    points = _points_along(chains, spacing_m)
    points = points[_first_per_cell(shapely.get_coordinates(points), spacing_m * SNAP_FRACTION)]
    part = _part_under(points, parts)
    along = shapely.line_locate_point(parts[part], points) if len(points) else np.zeros(0)
    return gpd.GeoDataFrame({"road_id": pd.array(ids[owner[part]], dtype=object), "along_m": along},
                            geometry=gpd.GeoSeries(points, crs=crs), crs=crs)


def _points_along(lines: np.ndarray, spacing_m: float) -> np.ndarray:
    """Points at 0, s, 2s, … along each line, in line order (one vectorised interpolation)."""
    lengths = shapely.length(lines)
    # a length that is a multiple of the spacing up to rounding still gets its end point
    counts = np.floor(lengths / spacing_m * (1 + 1e-12) + 1e-9).astype(np.int64) + 1
    starts = np.repeat(np.cumsum(counts) - counts, counts)
    line_of_point = np.repeat(np.arange(len(lines)), counts)
    along = np.minimum((np.arange(int(counts.sum())) - starts) * spacing_m, lengths[line_of_point])
    return shapely.line_interpolate_point(lines[line_of_point], along)


def _part_under(points: np.ndarray, parts: np.ndarray) -> np.ndarray:
    """For each point (on the roads): the lowest-positioned road part nearest to it."""
    if len(points) == 0:
        return np.zeros(0, dtype=np.int64)
    point_idx, part_idx = shapely.STRtree(parts).query_nearest(points, all_matches=True)
    part = np.full(len(points), np.iinfo(np.int64).max)
    np.minimum.at(part, point_idx, part_idx)
    return part


def _first_per_cell(xy: np.ndarray, cell: float) -> np.ndarray:
    """Positions of the first point snapping to each node of a grid of step ``cell``, in input order."""
    if len(xy) == 0:
        return np.zeros(0, dtype=np.int64)
    keys = np.rint(xy / cell).astype(np.int64)  # snapped to the nearest node of the grid
    _, first = np.unique(keys, axis=0, return_index=True)
    return np.sort(first)
