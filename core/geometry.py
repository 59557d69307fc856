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


CLIP_FIRST_VERTICES = 256  # a polygon of more vertices is clipped to its partner's box before an overlay


def pair_overlap_area(pieces: npt.ArrayLike, polygons: npt.ArrayLike) -> np.ndarray:
    """area(pieces[i] ∩ polygons[i]) for every pair (valid polygonal geometries, often a small piece and a
    big polygon repeated over many pairs — a reach area, a township).

    A piece properly inside its polygon is not intersected (``contains_properly`` on the prepared polygon:
    a piece touching the polygon's boundary — grid lines shared by cells and areas made of cells — sends
    GEOS's prepared ``contains`` into a full relate of the whole polygon). The other pairs are
    intersected with the bigger partner first clipped to the smaller one's box (``clip_by_rect``: a linear
    pass; an overlay costs far more on a polygon of many thousand vertices). The same area either way: the
    piece lies within its own box."""
    pieces = np.asarray(pieces, dtype=object)
    polygons = np.asarray(polygons, dtype=object)
    out = np.zeros(len(pieces))
    if len(pieces) == 0:
        return out
    shapely.prepare(polygons)
    inside = shapely.contains_properly(polygons, pieces)
    out[inside] = shapely.area(pieces[inside])
    rest = np.flatnonzero(~inside)
    if len(rest) == 0:
        return out
    a, b = pieces[rest], polygons[rest]  # copies: clipping does not touch the callers' arrays
    na, nb = shapely.get_num_coordinates(a), shapely.get_num_coordinates(b)
    for big, other, n_big, n_other in ((b, a, nb, na), (a, b, na, nb)):
        chosen = np.flatnonzero((n_big > CLIP_FIRST_VERTICES) & (n_big >= n_other))
        if len(chosen):  # clip_by_rect takes one rectangle per call
            boxes = shapely.bounds(other[chosen])
            big[chosen] = [shapely.clip_by_rect(g, *box) for g, box in zip(big[chosen], boxes)]
            n_big[chosen] = 0  # clipped: not clipped again as the other partner
    try:
        out[rest] = shapely.area(shapely.intersection(a, b))
    except shapely.errors.GEOSException:  # a clipped part GEOS cannot overlay: the whole polygons instead
        out[rest] = shapely.area(shapely.intersection(pieces[rest], polygons[rest]))
    return out
