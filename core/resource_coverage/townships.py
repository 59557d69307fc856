"""Per township: residents reached in time and left out, key targets left out, resources stationed there.

The reach analysis counts residents at its grid's resolution, per reach area and per gap. Each of these
counts is placed in the townships in proportion to the residents the population polygons have in the
polygon's part inside each township (exact area-weighted apportioning; by area where no one lives), so
the townships add up exactly to the analysis's own totals.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
import shapely

from ..apportion import apportion


def place_in_townships(polygons: npt.ArrayLike, counts: npt.ArrayLike, towns: np.ndarray,
                       population: npt.ArrayLike | None, residents: npt.ArrayLike | None) -> np.ndarray:
    """``counts`` (one per polygon) split among ``towns`` as the module doc says; per township."""
    polygons = shapely.make_valid(np.asarray(polygons, dtype=object))
    counts = np.nan_to_num(np.asarray(counts, dtype=np.float64), nan=0.0)
    out = np.zeros(len(towns))
    town_idx, poly_idx = shapely.STRtree(polygons).query(towns, predicate="intersects")
    pieces = shapely.intersection(polygons[poly_idx], towns[town_idx])  # once: their areas and the people in them
    overlap = shapely.area(pieces)
    keep = overlap > 0
    poly_idx, town_idx, pieces, overlap = poly_idx[keep], town_idx[keep], pieces[keep], overlap[keep]
    if len(poly_idx) == 0:
        return out
    weight = overlap.copy()
    if population is not None and residents is not None:
        people = apportion(np.nan_to_num(np.asarray(residents, dtype=np.float64), nan=0.0), population, pieces)
        by_poly = np.bincount(poly_idx, weights=people, minlength=len(polygons))
        weight = np.where(by_poly[poly_idx] > 0, people, overlap)  # a polygon where no one lives: by area
    total = np.bincount(poly_idx, weights=weight, minlength=len(polygons))
    share = np.where(total[poly_idx] > 0, weight / np.where(total[poly_idx] > 0, total[poly_idx], 1.0), 0.0)
    return np.bincount(town_idx, weights=counts[poly_idx] * share, minlength=len(towns))


def township_of(points: npt.ArrayLike, towns: np.ndarray) -> np.ndarray:
    """Index of the township holding each point (-1 when none does; a point on a shared border goes to the
    first township that covers it)."""
    points = np.asarray(points, dtype=object)
    out = np.full(len(points), -1, dtype=np.int64)
    if len(points) == 0 or len(towns) == 0:
        return out
    point_idx, town_idx = shapely.STRtree(towns).query(points, predicate="intersects")
    order = np.lexsort((town_idx, point_idx))
    point_idx, town_idx = point_idx[order], town_idx[order]
    first = np.ones(len(point_idx), dtype=bool)
    first[1:] = point_idx[1:] != point_idx[:-1]
    out[point_idx[first]] = town_idx[first]
    return out


def count_by(index: np.ndarray, n: int, weights: npt.ArrayLike | None = None) -> np.ndarray:
    """Per 0..n-1: how many (or the sum of ``weights``) of the items whose ``index`` it is (-1 ignored)."""
    keep = index >= 0
    values = None if weights is None else np.nan_to_num(np.asarray(weights, dtype=np.float64), nan=0.0)[keep]
    return np.bincount(index[keep], weights=values, minlength=n)[:n]


def township_rows(towns: np.ndarray, town_ids: np.ndarray, town_names: np.ndarray, reached: np.ndarray | None,
                  left_out: np.ndarray | None, targets: dict[str, Any] | None, resources_in: np.ndarray,
                  time_limit: float) -> dict[str, np.ndarray]:
    """The columns of the per-township table."""
    n = len(towns)
    nan = np.full(n, np.nan)
    with np.errstate(invalid="ignore", divide="ignore"):
        residents = reached + left_out if reached is not None and left_out is not None else nan
        share = np.where(residents > 0, 100.0 * reached / residents, np.nan) if reached is not None else nan
    columns = {
        "town_id": town_ids, "name": town_names, "area_km2": shapely.area(towns) / 1e6,
        "resources": resources_in.astype(np.int64), "time_limit_min": np.full(n, float(time_limit)),
        "residents": residents, "residents_reached": reached if reached is not None else nan,
        "residents_left_out": left_out if left_out is not None else nan, "reached_pct": share,
    }
    if targets is not None:
        columns.update(key_targets=targets["all"].astype(np.int64),
                       key_targets_left_out=targets["left_out"].astype(np.int64),
                       occupancy_left_out=targets["occupancy_left_out"])
    else:
        columns.update(key_targets=np.zeros(n, dtype=np.int64), key_targets_left_out=np.zeros(n, dtype=np.int64),
                       occupancy_left_out=nan)
    return columns
