"""Invalid geometries repaired, once for everything: the reading path (``layers.convert``) and core's own
overlays use ``repair``. A geometry is invalid when GEOS says so (``shapely.is_valid``: self-intersections,
ring problems — the rule validateinputs reports with); it is made valid with ``shapely.make_valid`` and only
the parts of its own dimension are kept (a polygon stays polygonal: the slivers and points a repair may
leave are dropped). A geometry with nothing of its dimension left has collapsed: None.
"""
from __future__ import annotations

import numpy as np
import numpy.typing as npt
import shapely

_MULTI = {0: shapely.multipoints, 1: shapely.multilinestrings, 2: shapely.multipolygons}


def invalid(geometries: npt.ArrayLike) -> np.ndarray:
    """True where a geometry is present and not valid."""
    geoms = np.asarray(geometries, dtype=object)
    present = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    bad = np.zeros(len(geoms), dtype=bool)
    bad[present] = ~shapely.is_valid(geoms[present])
    return bad


def repair(geometries: npt.ArrayLike) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(geometries with the invalid ones made valid, mask of those repaired, mask of those that collapsed
    to None). The input array is not changed."""
    geoms = np.asarray(geometries, dtype=object)
    bad = invalid(geoms)
    collapsed = np.zeros(len(geoms), dtype=bool)
    if not bad.any():
        return geoms, bad, collapsed
    out = geoms.copy()
    positions = np.flatnonzero(bad)
    dimension = shapely.get_dimensions(geoms[positions])
    fixed = shapely.make_valid(geoms[positions])
    parts, owner = shapely.get_parts(fixed, return_index=True)
    keep = shapely.get_dimensions(parts) == dimension[owner]
    rebuilt = np.full(len(positions), None, dtype=object)
    for dim, make in _MULTI.items():
        chosen = keep & (dimension[owner] == dim)
        if chosen.any():
            owners = np.unique(owner[chosen])
            made = make(parts[chosen], indices=owner[chosen])
            rebuilt[owners] = np.asarray(made, dtype=object).reshape(-1)[owners]
    single = np.array([g is not None and shapely.get_num_geometries(g) == 1 for g in rebuilt], dtype=bool)
    rebuilt[single] = shapely.get_geometry(rebuilt[single].astype(object), 0)
    out[positions] = rebuilt
    collapsed[positions] = np.array([g is None or shapely.is_empty(g) for g in rebuilt], dtype=bool)
    out[collapsed] = None
    return out, bad, collapsed


def valid(geometries: npt.ArrayLike) -> np.ndarray:
    """The geometries with the invalid ones repaired (collapsed ones: None)."""
    return repair(geometries)[0]
