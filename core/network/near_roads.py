"""The land rule of the reach analysis, exactly: the earliest arrival at any road point within a
distance of a point or a geometry (``earliest_within``)."""
import numpy as np
import numpy.typing as npt

from .graph import RoadNetwork, edge_lines
from .multi_source import SearchResult
from .reached import cost_at
from .snapping import expand_parts


def earliest_within(result: SearchResult, targets: npt.ArrayLike, distance: float,
                    limit: float | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Lowest cost at any reached road point within ``distance`` (m, inclusive) of each target
    (an (n, 2) array of points or an array of shapely geometries; for a geometry, of its
    outline or area) and the source arriving there: the land rule of the reach analysis (the
    off-road leg costs nothing). Exact on the piecewise-linear cost along edges. ``inf`` / -1
    where none is that near (or, with ``limit``, none that near is reached within the limit)."""
    import shapely

    network = result.network
    bound = result.limit if limit is None else min(float(limit), result.limit)
    if isinstance(targets, np.ndarray) and targets.dtype != object:
        xy = np.asarray(targets, dtype=np.float64).reshape(-1, 2)
        geometries = shapely.points(xy)
    else:
        geometries = np.asarray(targets, dtype=object)
        xy = None
    n = len(geometries)
    best_cost, best_source = np.full(n, np.inf), np.full(n, -1, dtype=np.int64)
    if n == 0 or network.n_edges == 0:
        return best_cost, best_source
    iv_target, iv_edge, iv_lo, iv_hi = _zone_intervals(network, geometries, xy, distance)
    if len(iv_target) == 0:
        return best_cost, best_source
    cost, source, rep = _lowest_on_intervals(result, iv_edge, iv_lo, iv_hi, bound)
    target = iv_target[rep]
    order2 = np.lexsort((cost, target))
    first = np.ones(len(order2), dtype=bool)
    first[1:] = target[order2][1:] != target[order2][:-1]
    pick = order2[first]
    best_cost[target[pick]] = cost[pick]
    best_source[target[pick]] = source[pick]
    return best_cost, best_source


def within_distance(network: RoadNetwork, targets: npt.ArrayLike,
                    distance: float) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The road within ``distance`` (m, inclusive) of each target (points as an (n, 2) array, or shapely
    geometries: of their outline or area), as fraction ranges of network edges: (target, edge, lo, hi) — the
    road points the land rule looks at (``earliest_within``; the incident surroundings search back from them).
    Points among the geometries are measured exactly (as an (n, 2) array is), the others through their
    buffer (as ``earliest_within`` does: the reach analysis's targets alike)."""
    import shapely

    if isinstance(targets, np.ndarray) and targets.dtype != object:
        xy = np.asarray(targets, dtype=np.float64).reshape(-1, 2)
        return _zone_intervals(network, shapely.points(xy), xy, distance)
    geometries = np.asarray(targets, dtype=object)
    is_point = shapely.get_type_id(geometries) == 0
    parts = []
    for chosen, xy in ((np.flatnonzero(is_point), shapely.get_coordinates(geometries[is_point])),
                       (np.flatnonzero(~is_point), None)):
        found = _zone_intervals(network, geometries[chosen], xy, distance)
        parts.append((chosen[found[0]], *found[1:]))
    return tuple(np.concatenate(column) for column in zip(*parts))


def _zone_intervals(network: RoadNetwork, geometries: np.ndarray, xy: np.ndarray | None,
                    distance: float) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    empty = np.zeros(0, dtype=np.int64)
    if len(geometries) == 0 or network.n_edges == 0:
        return empty, empty, np.zeros(0), np.zeros(0)
    tgt, edge = _candidate_pairs(network, geometries, distance, xy)
    if len(tgt) == 0:
        return empty, empty, np.zeros(0), np.zeros(0)
    if xy is not None:
        iv_pair, iv_lo, iv_hi = _point_intervals(network, xy[tgt], edge, distance)
    else:
        iv_pair, iv_lo, iv_hi = _geometry_intervals(network, geometries, tgt, edge, distance)
    return tgt[iv_pair], edge[iv_pair], iv_lo, iv_hi


def _candidate_pairs(network: RoadNetwork, geometries: np.ndarray, distance: float,
                     xy: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(target, network edge) pairs whose edge may lie within ``distance`` of the target. Points
    (``xy`` given): the parts whose bounding box meets the point's square of half-side
    ``distance`` (no exact test here: ``_point_intervals`` measures every pair exactly)."""
    import shapely

    tree = network.part_tree()
    if xy is not None:
        squares = shapely.box(xy[:, 0] - distance, xy[:, 1] - distance, xy[:, 0] + distance, xy[:, 1] + distance)
        target_idx, part_idx = tree.query(squares)
    else:
        target_idx, part_idx = tree.query(geometries, predicate="dwithin", distance=distance)
    pair_of, edge = expand_parts(network, part_idx)
    return target_idx[pair_of], edge


def _segments(network: RoadNetwork, edge: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Start point, direction and squared length of edges."""
    a, b = network.nodes[network.edge_from[edge]], network.nodes[network.edge_to[edge]]
    d = b - a
    return a, d, np.einsum("ij,ij->i", d, d)


def _point_intervals(network: RoadNetwork, p: np.ndarray, edge: np.ndarray,
                     distance: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(pair, lo, hi): the fraction range of each pair's edge within ``distance`` of its point
    (pairs whose edge is farther are left out): the stretch [xc − half, xc + half] of the edge's
    line within the distance, when it meets the edge itself ([0, 1])."""
    a, d, dd = _segments(network, edge)
    xc = np.einsum("ij,ij->i", p - a, d) / dd
    foot = a + d * xc[:, None]
    h2 = np.einsum("ij,ij->i", p - foot, p - foot)
    half = np.sqrt(np.maximum(distance * distance - h2, 0.0) / dd)
    lo, hi = np.clip(xc - half, 0.0, 1.0), np.clip(xc + half, 0.0, 1.0)
    ok = np.flatnonzero((h2 <= distance * distance) & (xc - half <= 1.0) & (xc + half >= 0.0))
    return ok, lo[ok], hi[ok]


def _geometry_intervals(network: RoadNetwork, geometries: np.ndarray, tgt: np.ndarray, edge: np.ndarray,
                        distance: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(pair, lo, hi): each piece of a pair's edge (pairs: ``tgt``, ``edge``) inside its
    geometry's zone (buffered by ``distance``, once per geometry) is one fraction range."""
    import shapely

    a, d, dd = _segments(network, edge)
    zone = shapely.buffer(geometries, distance, quad_segs=16)
    pieces, piece_pair = shapely.get_parts(shapely.intersection(edge_lines(network, edge), zone[tgt]),
                                           return_index=True)
    coords, owner = shapely.get_coordinates(pieces, return_index=True)
    pair = piece_pair[owner]
    x = np.clip(np.einsum("ij,ij->i", coords - a[pair], d[pair]) / dd[pair], 0.0, 1.0)
    iv_lo, iv_hi = np.full(len(pieces), np.inf), np.full(len(pieces), -np.inf)
    np.minimum.at(iv_lo, owner, x)
    np.maximum.at(iv_hi, owner, x)
    keep = np.isfinite(iv_lo)
    return piece_pair[keep], iv_lo[keep], iv_hi[keep]


def _search_edges_of(result: SearchResult) -> tuple[np.ndarray, np.ndarray]:
    """(order, start) so that the search edges of network edge e are order[start[e]:start[e+1]]."""
    order = np.argsort(result.edge_base, kind="stable")
    start = np.searchsorted(result.edge_base[order], np.arange(result.network.n_edges + 1))
    return order, start


def _lowest_on_intervals(result: SearchResult, e: np.ndarray, iv_lo: np.ndarray, iv_hi: np.ndarray,
                         limit: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(cost, source, interval) of each interval against each search edge of its network edge
    ``e``: the cost along a search edge is concave (min of two linear functions), so its minimum
    is at an interval end. Costs beyond ``limit`` are inf (source -1)."""
    order, start = _search_edges_of(result)
    count = start[e + 1] - start[e]
    rep = np.repeat(np.arange(len(e)), count)
    within = np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)
    s_edge = order[np.repeat(start[e], count) + within]
    f0, f1 = result.edge_f0[s_edge], result.edge_f1[s_edge]
    lo, hi = np.maximum(iv_lo[rep], f0), np.minimum(iv_hi[rep], f1)
    ok = lo <= hi
    rep, s_edge, f0, f1, lo, hi = rep[ok], s_edge[ok], f0[ok], f1[ok], lo[ok], hi[ok]
    span = np.where(f1 > f0, f1 - f0, 1.0)
    c_lo, s_lo = cost_at(result, s_edge, (lo - f0) / span)
    c_hi, s_hi = cost_at(result, s_edge, (hi - f0) / span)
    use_hi = c_hi < c_lo
    cost, source = np.where(use_hi, c_hi, c_lo), np.where(use_hi, s_hi, s_lo)
    cost = np.where(cost <= limit, cost, np.inf)
    source = np.where(np.isfinite(cost), source, -1)
    return cost, source, rep
