"""Targets (enterprises, hazard units, ...): the earliest arrival at each and whether it is in time."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from .. import network as nw

if TYPE_CHECKING:
    import geopandas as gpd


def targets_frame(result: nw.SearchResult, layer_name: str, geoms: npt.ArrayLike, ids: Sequence[Any], access: float,
                  limit: float, station_ids: np.ndarray) -> gpd.GeoDataFrame:
    """One point per target (on its surface) with the earliest arrival by the land rule at the
    target itself (a polygon: any road point within ``access`` of its outline or inside it),
    evaluated exactly with no time limit; ``covered`` when the arrival is ≤ ``limit``."""
    import geopandas as gpd
    import shapely

    geoms = np.asarray(geoms, dtype=object)
    ok = np.array([g is not None and not shapely.is_empty(g) for g in geoms], dtype=bool)
    cost = np.full(len(geoms), np.inf)
    source = np.full(len(geoms), -1, dtype=np.int64)
    if ok.any():
        is_point = shapely.get_type_id(geoms[ok]) == 0
        idx = np.flatnonzero(ok)
        if is_point.any():
            c, s = nw.earliest_within(result, shapely.get_coordinates(geoms[idx[is_point]]), access, limit=np.inf)
            cost[idx[is_point]], source[idx[is_point]] = c, s
        if (~is_point).any():
            c, s = nw.earliest_within(result, geoms[idx[~is_point]], access, limit=np.inf)
            cost[idx[~is_point]], source[idx[~is_point]] = c, s
    points = np.array([shapely.Point()] * len(geoms), dtype=object)
    if ok.any():
        points[ok] = shapely.point_on_surface(geoms[ok])
    arrival = np.where(np.isfinite(cost), cost, np.nan)
    return gpd.GeoDataFrame({
        "target_layer": np.full(len(geoms), layer_name, dtype=object),
        "target_id": np.array([str(i) for i in ids], dtype=object),
        "arrival_min": arrival,
        "station_id": np.array([station_ids[s] if s >= 0 else None for s in source], dtype=object),
        "covered": np.isfinite(cost) & (cost <= limit)}, geometry=points)
