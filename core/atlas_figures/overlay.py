"""Geometry and column helpers of the atlas figures: which township holds what, what a reach covers."""
from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd
import shapely

from .. import messages as m
from ..errors import InputError
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


def covered_area(pieces: np.ndarray, reach: shapely.Geometry | None = None,
                 gaps: shapely.Geometry | None = None) -> np.ndarray:
    """Area of each piece inside ``reach`` (or outside ``gaps``); only boundary pieces are intersected."""
    area = shapely.area(pieces)
    inside_geom, outside = (reach, False) if reach is not None else (gaps, True)
    if inside_geom is None or shapely.is_empty(inside_geom):
        hit = np.zeros(len(pieces))
    else:
        shapely.prepare(inside_geom)
        within = shapely.contains(inside_geom, pieces)
        touches = shapely.intersects(inside_geom, pieces) & ~within
        hit = np.where(within, area, 0.0)
        if touches.any():
            hit[touches] = shapely.area(shapely.intersection(pieces[touches], inside_geom))
    return area - hit if outside else hit


def polygonal_union(geoms: np.ndarray) -> Optional[shapely.Geometry]:
    """The union of the (repaired) geometries; None when there are none."""
    geoms = valid(geoms)
    geoms = geoms[~shapely.is_missing(geoms)]
    if len(geoms) == 0:
        return None
    return shapely.union_all(geoms)


def overlap_area(pieces: np.ndarray, polygons: np.ndarray) -> np.ndarray:
    """Area of each piece inside the matching polygon (pairwise); pieces wholly inside are not intersected."""
    area = shapely.area(pieces)
    shapely.prepare(polygons)
    inside = shapely.contains(polygons, pieces)
    out = np.where(inside, area, 0.0)
    crossing = np.flatnonzero(~inside)
    if len(crossing):
        out[crossing] = shapely.area(shapely.intersection(pieces[crossing], polygons[crossing]))
    return out
