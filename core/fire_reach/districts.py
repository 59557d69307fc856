"""Station districts: computed (each cell to the station first at its nearest reached road: a
network Voronoi with no time limit) or given (each polygon to the station inside it)."""
from typing import Any

import numpy as np
import numpy.typing as npt

from .. import messages as m
from ..errors import Notice, Warnings
from ..network import ReachedParts, RoadNetwork
from .grid import OUTSIDE, LandGrid
from .land_rule import nearest_road_label
from .regions import label_geometries
from .results import ReachOptions


def computed_districts(grid: LandGrid, net: RoadNetwork, all_parts: ReachedParts, inside: np.ndarray,
                       n_stations: int, study: Any, options: ReachOptions) -> tuple[np.ndarray, np.ndarray]:
    """(label grid, geometries) of the computed districts: each cell of the study area goes to
    the station first at the reached road nearest to it (no time limit)."""
    nearest = nearest_road_label(grid, net, all_parts)
    district_label = np.where(inside, nearest, OUTSIDE)
    return district_label, label_geometries(grid, district_label, n_stations, study, options)


def match_districts(districts: npt.ArrayLike, stations: np.ndarray, snapped: np.ndarray, station_ids: np.ndarray,
                    warnings: Warnings) -> np.ndarray:
    """Given districts: each polygon belongs to the station(s) inside it (their union when a
    station lies in several). Problems are added to ``warnings``."""
    import shapely

    districts = np.asarray(districts, dtype=object)
    out = np.array([None] * len(stations), dtype=object)
    tree = shapely.STRtree(districts)
    st_idx, d_idx = tree.query(np.asarray(stations, dtype=object), predicate="within")
    for s in np.unique(st_idx):
        ds = d_idx[st_idx == s]
        out[s] = shapely.union_all(districts[ds])
    missing = [station_ids[i] for i in range(len(stations)) if out[i] is None]
    if missing:
        warnings.append(Notice(m.DISTRICTS_MISSING, stations=", ".join(missing[:20])))
    shared = np.unique(d_idx, return_counts=True)
    if (shared[1] > 1).any():
        warnings.append(Notice(m.DISTRICTS_SHARED, count=int((shared[1] > 1).sum())))
    unused = np.setdiff1d(np.arange(len(districts)), d_idx)
    if len(unused):
        warnings.append(Notice(m.DISTRICTS_UNUSED, count=len(unused)))
    return out
