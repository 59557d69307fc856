"""The administrative ratio: shelter area and residents per unit (township)."""
from typing import Any

import numpy as np
import numpy.typing as npt
import shapely

from ..apportion import overlap_pairs
from .fca import MEETS_TOLERANCE


def units_of_points(points: npt.ArrayLike, unit_geoms: npt.ArrayLike) -> np.ndarray:
    """Index of the first unit (in order) containing or touching each point, −1 where none."""
    points = np.asarray(points, dtype=object)
    owner = np.full(len(points), -1, dtype=np.int64)
    if len(points) == 0 or len(unit_geoms) == 0:
        return owner
    tree = shapely.STRtree(np.asarray(unit_geoms, dtype=object))
    pi, ui = tree.query(points, predicate="intersects")
    if len(pi):
        order = np.lexsort((ui, pi))
        pi, ui = pi[order], ui[order]
        first = np.r_[True, pi[1:] != pi[:-1]]
        owner[pi[first]] = ui[first]
    return owner


def apportion_to_units(values: npt.ArrayLike, source_geoms: npt.ArrayLike,
                       unit_geoms: npt.ArrayLike) -> tuple[np.ndarray, Any]:
    """Sum ``values`` (n_sources × k) into units: polygons by share of their area inside each unit,
    points (and polygons of zero area) wholly to the unit holding them. Returns (n_units × k, lost × k)
    where ``lost`` is what fell outside every unit."""
    values = np.asarray(values, dtype=np.float64)
    one_column = values.ndim == 1
    values = values.reshape(len(values), -1)
    source_geoms = np.asarray(source_geoms, dtype=object)
    unit_geoms = np.asarray(unit_geoms, dtype=object)
    area = shapely.area(source_geoms)
    polygonal = area > 0
    out = np.zeros((len(unit_geoms), values.shape[1]))
    if polygonal.any():
        # core.apportion's overlaps, computed once for every column (apportion() does one column)
        poly_values = values[polygonal]
        source_idx, unit_idx, overlap = overlap_pairs(source_geoms[polygonal], unit_geoms)
        share = overlap / area[polygonal][source_idx]
        for k in range(values.shape[1]):
            np.add.at(out[:, k], unit_idx, poly_values[source_idx, k] * share)
    if (~polygonal).any():
        owner = units_of_points(shapely.centroid(source_geoms[~polygonal]), unit_geoms)
        inside = owner >= 0
        for k in range(values.shape[1]):
            out[:, k] += np.bincount(owner[inside], weights=values[~polygonal, k][inside], minlength=len(unit_geoms))
    lost = values.sum(axis=0) - out.sum(axis=0)
    if one_column:
        return out[:, 0], float(lost[0])
    return out, lost


def administrative_ratio(unit_residents: npt.ArrayLike, unit_area: npt.ArrayLike,
                         target: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per unit: m2_per_capita (NaN without residents), meets_target, deficit_m2."""
    unit_residents = np.asarray(unit_residents, dtype=np.float64)
    unit_area = np.asarray(unit_area, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(unit_residents > 0, unit_area / unit_residents, np.nan)
    meets = (unit_residents > 0) & (np.nan_to_num(ratio) >= target * (1 - MEETS_TOLERANCE))
    deficit = np.maximum(0.0, target * unit_residents - unit_area)
    deficit[meets] = 0.0
    return ratio, meets, deficit
