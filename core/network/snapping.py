"""Points onto the network: the nearest point of the nearest segment (QGIS's tied points)."""
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .graph import RoadNetwork


@dataclass
class Location:
    """Where each point enters the network (see ``locate``)."""

    edge: np.ndarray  # (n,) int64, -1 when not snapped
    fraction: np.ndarray  # (n,) float64 along the edge in the digitising direction
    distance: np.ndarray  # (n,) float64 distance to the network (inf when it is empty)
    snapped: np.ndarray  # (n,) bool: within max_distance
    xy: np.ndarray  # (n, 2) the snapped point on the network (NaN when not snapped)


def locate(network: RoadNetwork, points_xy: npt.ArrayLike, max_distance: float = np.inf) -> Location:
    """Snap points (x, y in metres) to the nearest point of the nearest segment: ``edge``,
    ``fraction`` (0..1 in the digitising direction), ``distance`` (m) and ``snapped`` (False
    when farther than ``max_distance`` — a point exactly at it is snapped — or the network is
    empty: then ``edge`` is -1). Ties between segments go to the lowest edge index. The distance
    of points beyond ``max_distance`` is still measured (for messages)."""
    import shapely

    xy = np.asarray(points_xy, dtype=np.float64).reshape(-1, 2)
    n = len(xy)
    edge = np.full(n, -1, dtype=np.int64)
    fraction = np.zeros(n)
    distance = np.full(n, np.inf)
    if n and network.n_edges:
        finite = np.isfinite(max_distance)
        owner, cand = (_nearby_edges(network, xy, max_distance) if finite and n <= FEW_POINTS
                       else (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)))
        todo = np.setdiff1d(np.arange(n), owner)
        if len(todo):  # many points, no limit, or none within it: the nearest parts (STRtree)
            tree = network.part_tree()
            point_idx, part_idx = tree.query_nearest(shapely.points(xy[todo]),
                                                     max_distance=max_distance if finite else None, all_matches=True)
            missing = np.setdiff1d(np.arange(len(todo)), point_idx)
            if finite and len(missing):  # how far the others are (for messages)
                extra_p, extra_part = tree.query_nearest(shapely.points(xy[todo][missing]), all_matches=True)
                point_idx = np.concatenate([point_idx, missing[extra_p]])
                part_idx = np.concatenate([part_idx, extra_part])
            pair_of, part_cand = expand_parts(network, part_idx)
            owner = np.concatenate([owner, todo[point_idx[pair_of]]])
            cand = np.concatenate([cand, part_cand])
        if len(cand):
            p = xy[owner]
            a, b = network.nodes[network.edge_from[cand]], network.nodes[network.edge_to[cand]]
            t, d = _point_segment(p[:, 0], p[:, 1], a[:, 0], a[:, 1], b[:, 0], b[:, 1])
            order = np.lexsort((cand, d, owner))  # nearest first, ties: lowest edge index
            first = np.ones(len(order), dtype=bool)
            first[1:] = owner[order][1:] != owner[order][:-1]
            best = order[first]
            edge[owner[best]], fraction[owner[best]], distance[owner[best]] = cand[best], t[best], d[best]
    snapped = (edge >= 0) & (distance <= max_distance)
    edge[~snapped] = -1
    out_xy = np.full((n, 2), np.nan)
    if snapped.any():
        e = edge[snapped]
        a, b = network.nodes[network.edge_from[e]], network.nodes[network.edge_to[e]]
        out_xy[snapped] = a + (b - a) * fraction[snapped][:, None]
    return Location(edge, fraction, distance, snapped, out_xy)


FEW_POINTS = 64  # up to this many points within a finite distance: no STRtree of the whole network


def _nearby_edges(network: RoadNetwork, xy: np.ndarray, max_distance: float) -> tuple[np.ndarray, np.ndarray]:
    """(point, edge) pairs of every edge whose bounding box lies within ``max_distance`` of a
    point — a superset of the edges that near, found without a spatial index: the edges sorted
    by their boxes' left side, each point looks at the run of them that can reach it. Points
    with no edge within ``max_distance`` get no pairs."""
    ax, ay = network.nodes[network.edge_from, 0], network.nodes[network.edge_from, 1]
    bx, by = network.nodes[network.edge_to, 0], network.nodes[network.edge_to, 1]
    left = np.minimum(ax, bx)
    order = np.argsort(left, kind="stable")
    left_sorted = left[order]
    widest = float(np.max(np.abs(bx - ax)))
    owners, edges = [], []
    for k, (x, y) in enumerate(xy):
        lo = np.searchsorted(left_sorted, x - max_distance - widest, side="left")
        hi = np.searchsorted(left_sorted, x + max_distance, side="right")
        run = order[lo:hi]
        near = ((np.maximum(ax[run], bx[run]) >= x - max_distance) & (np.minimum(ay[run], by[run]) <= y + max_distance)
                & (np.maximum(ay[run], by[run]) >= y - max_distance))
        found = run[near]
        _t, d = _point_segment(np.full(len(found), x), np.full(len(found), y), ax[found], ay[found], bx[found],
                               by[found])
        if len(found) and d.min() <= max_distance:  # else the STRtree measures how far it is
            owners.append(np.full(len(found), k, dtype=np.int64))
            edges.append(found.astype(np.int64))
    if not owners:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(owners), np.concatenate(edges)


def _point_segment(px: np.ndarray, py: np.ndarray, ax: np.ndarray, ay: np.ndarray, bx: np.ndarray,
                   by: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Fraction of the nearest point on segment AB and the distance (vectorised)."""
    dx, dy = bx - ax, by - ay
    den = dx * dx + dy * dy
    with np.errstate(invalid="ignore", divide="ignore"):
        t = np.where(den > 0, ((px - ax) * dx + (py - ay) * dy) / den, 0.0)
    t = np.clip(t, 0.0, 1.0)
    return t, np.hypot(ax + t * dx - px, ay + t * dy - py)


def expand_parts(network: RoadNetwork, pair_part: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Candidate edges of candidate parts: (index of the pair, edge) arrays."""
    start, stop = network.part_edge_start[pair_part], network.part_edge_start[pair_part + 1]
    counts = stop - start
    pair_of = np.repeat(np.arange(len(pair_part)), counts)
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    return pair_of, np.repeat(start, counts) + offsets
