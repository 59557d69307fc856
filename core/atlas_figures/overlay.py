"""Geometry and column helpers of the atlas figures: which township holds what, what a reach covers."""
from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd
import shapely

from .. import messages as m
from ..errors import InputError
from ..geometry import pair_overlap_area
from ..values import parse_bools, parse_numbers
from .figures import LEVELS



def valid(geoms: np.ndarray) -> np.ndarray:
    """The geometries as an object array, invalid ones repaired (make_valid)."""
    geoms = np.asarray(geoms, dtype=object).copy()
    bad = ~shapely.is_missing(geoms) & ~shapely.is_valid(geoms)
    if bad.any():
        geoms[bad] = shapely.make_valid(geoms[bad])
    return geoms


def optional_numbers(frame: pd.DataFrame, column: str, layer: str,
                     minimum: Optional[float] = None) -> Optional[pd.Series]:
    """A numeric column as float (NaN for empty), None when the layer has no such column; text and
    values below ``minimum`` are InputErrors."""
    if column not in frame.columns:
        return None
    parsed = parse_numbers(frame[column])
    values = pd.Series(parsed.values, index=frame.index)
    bad = parsed.invalid
    if bad.any():
        raise InputError(m.VALUE_NOT_NUMBER, layer=layer, feature_ids=frame.index[bad], field=column)
    if minimum is not None and (values < minimum).any():
        raise InputError(m.VALUE_BELOW, layer=layer, feature_ids=frame.index[values < minimum], minimum=minimum,
                         field=column)
    return values


def numbers(frame: pd.DataFrame, column: str, layer: str, minimum: Optional[float] = None) -> pd.Series:
    """As ``optional_numbers``; a missing column is an InputError."""
    values = optional_numbers(frame, column, layer, minimum)
    if values is None:
        raise InputError(m.FIELD_NOT_FOUND, layer=layer, field=column,
                         available=", ".join(str(c) for c in frame.columns if c != "geometry"))
    return values


def levels(frame: pd.DataFrame, layer: str, column: str = "risk_level", allow_null: bool = False) -> pd.Series:
    """Risk levels 1..4 (NaN where empty and ``allow_null``); anything else is an InputError."""
    values = numbers(frame, column, layer)
    known = values.isin(LEVELS)
    bad = ~known if not allow_null else (~known & values.notna())
    if bad.any():
        raise InputError(m.RISK_LEVEL_RANGE, layer=layer, feature_ids=frame.index[bad], field=column)
    return values


def truthy(series: pd.Series) -> np.ndarray:
    """Booleans through the one yes/no reader; blank or not understood → False."""
    return parse_bools(series).values


def township_of_points(points: np.ndarray, townships: np.ndarray) -> np.ndarray:
    """Index of the township holding each point (−1: none); a point on a shared border → the first."""
    result = np.full(len(points), -1, dtype=np.intp)
    present = ~shapely.is_missing(points)
    if not present.any() or len(townships) == 0:
        return result
    tree = shapely.STRtree(townships)
    point_idx, town_idx = tree.query(points[present], predicate="intersects")
    order = np.lexsort((town_idx, point_idx))
    point_idx, town_idx = point_idx[order], town_idx[order]
    first = np.ones(len(point_idx), dtype=bool)
    first[1:] = point_idx[1:] != point_idx[:-1]
    where = np.flatnonzero(present)
    result[where[point_idx[first]]] = town_idx[first]
    return result


def representative_points(geoms: np.ndarray) -> np.ndarray:
    """A point on each geometry's surface (None for a missing or empty geometry)."""
    out = np.empty(len(geoms), dtype=object)
    out[:] = None
    if len(geoms) == 0:
        return out
    present = ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)
    if present.any():
        out[present] = shapely.point_on_surface(geoms[present])
    return out


def largest_overlap(source_idx: np.ndarray, target_idx: np.ndarray, areas: np.ndarray, n_sources: int) -> np.ndarray:
    """For each source, the target it overlaps most (−1: none)."""
    result = np.full(n_sources, -1, dtype=np.intp)
    if len(source_idx) == 0:
        return result
    order = np.lexsort((-areas, source_idx))
    s, t = source_idx[order], target_idx[order]
    first = np.ones(len(s), dtype=bool)
    first[1:] = s[1:] != s[:-1]
    result[s[first]] = t[first]
    return result


TILES = 12  # tiles per side of the pieces' extent (covered_area)


def covered_area(pieces: np.ndarray, reach: shapely.Geometry | None = None,
                 gaps: shapely.Geometry | None = None) -> np.ndarray:
    """Area of each piece inside ``reach`` (or outside ``gaps``); only boundary pieces are intersected.

    A city's reach is one polygon of ~10⁵–10⁶ vertices: a GEOS test or intersection against it
    walks all of them for every piece (measured: 25 s for 48,000 population pieces). So the pieces
    are taken tile by tile (``TILES`` × ``TILES`` over their extent, by their bounding box's
    centre) and tested against the reach cut to the box of that tile's pieces — the same area
    for every piece, since each lies inside the box it is tested in."""
    area = shapely.area(pieces)
    inside_geom, outside = (reach, False) if reach is not None else (gaps, True)
    hit = np.zeros(len(pieces))
    if inside_geom is not None and not shapely.is_empty(inside_geom) and len(pieces):
        for rows, box in _tiles(shapely.bounds(pieces)):
            local = shapely.intersection(inside_geom, box)
            if shapely.is_empty(local):
                continue
            shapely.prepare(local)
            group = pieces[rows]
            within = shapely.contains(local, group)
            touches = shapely.intersects(local, group) & ~within
            hit[rows[within]] = area[rows[within]]
            if touches.any():
                hit[rows[touches]] = shapely.area(shapely.intersection(group[touches], local))
    return area - hit if outside else hit


def _tiles(bounds: np.ndarray) -> list[tuple[np.ndarray, shapely.Geometry]]:
    """(rows, box) per tile: the pieces whose bounding-box centre lies in it, and the box that
    holds all of their bounding boxes."""
    ok = np.isfinite(bounds).all(axis=1)
    cx, cy = (bounds[:, 0] + bounds[:, 2]) / 2, (bounds[:, 1] + bounds[:, 3]) / 2
    if not ok.any():
        return []
    x0, y0, x1, y1 = cx[ok].min(), cy[ok].min(), cx[ok].max(), cy[ok].max()
    col = np.minimum(((cx - x0) / max(x1 - x0, 1e-9) * TILES).astype(np.int64), TILES - 1)
    row = np.minimum(((cy - y0) / max(y1 - y0, 1e-9) * TILES).astype(np.int64), TILES - 1)
    tile = np.where(ok, row * TILES + col, -1)
    order = np.argsort(tile, kind="stable")
    tile_sorted = order[tile[order] >= 0]
    out = []
    for rows in np.split(tile_sorted, np.flatnonzero(np.diff(tile[tile_sorted])) + 1):
        if len(rows):
            b = bounds[rows]
            out.append((rows, shapely.box(b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max())))
    return out


def polygonal_union(geoms: np.ndarray) -> Optional[shapely.Geometry]:
    """The union of the (repaired) geometries; None when there are none."""
    geoms = valid(geoms)
    geoms = geoms[~shapely.is_missing(geoms)]
    if len(geoms) == 0:
        return None
    return shapely.union_all(geoms)


def overlap_area(pieces: np.ndarray, polygons: np.ndarray, index: np.ndarray) -> np.ndarray:
    """Area of each piece inside ``polygons[index]`` (pairwise; core.geometry.pair_overlap_area)."""
    return pair_overlap_area(np.asarray(pieces, dtype=object), np.asarray(polygons, dtype=object)[index])
