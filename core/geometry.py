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


# shapely.clip_by_rect, one rectangle per call (the ufunc takes scalar bounds only), without its Python
# argument checks (a third of a call on small polygons, called once per pair here)
_clip = shapely.lib.clip_by_rect

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
    for box_side, other_side in ((pieces, polygons), (polygons, pieces)):
        boxes = rest[is_box(box_side[rest])]
        if len(boxes):  # the overlap with an axis-aligned rectangle (a grid cell) is the clip to it
            bounds = shapely.bounds(box_side[boxes])
            out[boxes] = shapely.area([_clip(g, *box) for g, box in zip(other_side[boxes], bounds)])
            rest = np.setdiff1d(rest, boxes, assume_unique=True)
    if len(rest) == 0:
        return out
    a, b = pieces[rest], polygons[rest]  # copies: clipping does not touch the callers' arrays
    na, nb = shapely.get_num_coordinates(a), shapely.get_num_coordinates(b)
    for big, other, n_big, n_other in ((b, a, nb, na), (a, b, na, nb)):
        chosen = np.flatnonzero((n_big > CLIP_FIRST_VERTICES) & (n_big >= n_other))
        if len(chosen):  # clip_by_rect takes one rectangle per call
            boxes = shapely.bounds(other[chosen])
            big[chosen] = [_clip(g, *box) for g, box in zip(big[chosen], boxes)]
            n_big[chosen] = 0  # clipped: not clipped again as the other partner
    try:
        out[rest] = shapely.area(shapely.intersection(a, b))
    except shapely.errors.GEOSException:  # a clipped part GEOS cannot overlay: the whole polygons instead
        out[rest] = shapely.area(shapely.intersection(pieces[rest], polygons[rest]))
    return out


def is_box(polygons: npt.ArrayLike) -> np.ndarray:
    """Whether each polygon is an axis-aligned rectangle: one ring of 5 coordinates, each on its box's
    corners, with an area."""
    polygons = np.asarray(polygons, dtype=object)
    out = (shapely.get_type_id(polygons) == 3) & (shapely.get_num_coordinates(polygons) == 5)
    out[out] &= shapely.area(polygons[out]) > 0
    if out.any():
        xy = shapely.get_coordinates(polygons[out]).reshape(-1, 5, 2)
        low, high = xy.min(axis=1, keepdims=True), xy.max(axis=1, keepdims=True)
        out[out] = ((xy == low) | (xy == high)).all(axis=(1, 2))
    return out


SUBDIVIDE_PAIRS = 8  # a polygon of many vertices in more pairs than this is cut into parts once


def overlap_areas(first: npt.ArrayLike, first_idx: np.ndarray, second: npt.ArrayLike,
                  second_idx: np.ndarray) -> np.ndarray:
    """area(first[first_idx[k]] ∩ second[second_idx[k]]) for every pair k (``pair_overlap_area`` of the
    pairs), where a polygon of many vertices met in many pairs — a reach area or a township over a
    population grid — is first cut into parts of at most CLIP_FIRST_VERTICES vertices (``subdivide``,
    once): each pair then overlays only the parts whose box meets its partner's. The parts tile the
    polygon, so their overlaps add up to its own."""
    first = np.asarray(first, dtype=object)
    second = np.asarray(second, dtype=object)
    out = np.zeros(len(first_idx))
    # the side to cut: the one whose polygons repeat more over the pairs
    if len(np.unique(first_idx)) < len(np.unique(second_idx)):
        big, big_idx, small, small_idx = first, first_idx, second, second_idx
    else:
        big, big_idx, small, small_idx = second, second_idx, first, first_idx
    uses = np.bincount(big_idx, minlength=len(big))
    cut = (shapely.get_num_coordinates(big) > CLIP_FIRST_VERTICES) & (uses > SUBDIVIDE_PAIRS)
    whole = ~cut[big_idx]
    out[whole] = pair_overlap_area(small[small_idx[whole]], big[big_idx[whole]])
    if not cut.any():
        return out
    pairs = np.flatnonzero(~whole)
    parts, owner = subdivide(big[cut], CLIP_FIRST_VERTICES)
    owner = np.flatnonzero(cut)[owner]
    # (pair, part) where the part belongs to the pair's polygon and its box meets the partner's
    pair_at, part_at = shapely.STRtree(parts).query(small[small_idx[pairs]])
    mine = owner[part_at] == big_idx[pairs[pair_at]]
    pair_at, part_at = pair_at[mine], part_at[mine]
    areas = pair_overlap_area(small[small_idx[pairs[pair_at]]], parts[part_at])
    out[pairs] = np.bincount(pair_at, weights=areas, minlength=len(pairs))
    return out


def subdivide(polygons: npt.ArrayLike, max_vertices: int) -> tuple[np.ndarray, np.ndarray]:
    """(parts, index of the polygon each comes from): every polygon of more than ``max_vertices``
    vertices halved across the longer side of its box (``clip_by_rect``, a linear pass each), again and
    again until each part has at most that many; empty parts dropped. The parts tile the polygon."""
    todo = np.asarray(polygons, dtype=object)
    owner = np.arange(len(todo))
    done_parts, done_owner = [], []
    while len(todo):
        many = shapely.get_num_coordinates(todo) > max_vertices
        done_parts.append(todo[~many])
        done_owner.append(owner[~many])
        todo, owner = todo[many], owner[many]
        if not len(todo):
            break
        x0, y0, x1, y1 = shapely.bounds(todo).T
        wide = (x1 - x0) >= (y1 - y0)
        xm, ym = (x0 + x1) / 2, (y0 + y1) / 2
        lower = [_clip(g, a, b, c, d) for g, a, b, c, d in
                 zip(todo, x0, y0, np.where(wide, xm, x1), np.where(wide, y1, ym))]
        upper = [_clip(g, a, b, c, d) for g, a, b, c, d in
                 zip(todo, np.where(wide, xm, x0), np.where(wide, y0, ym), x1, y1)]
        todo = np.array(lower + upper, dtype=object)
        owner = np.concatenate([owner, owner])
        keep = ~shapely.is_empty(todo)
        todo, owner = todo[keep], owner[keep]
    return np.concatenate(done_parts), np.concatenate(done_owner)
