"""Searching back from a place (``arrivals_at``): the time from every point of the network to the road near
an incident, and so each responder's arrival there — the land rule of ``earliest_within`` (the road within
the access distance of the place; the off-road leg costs nothing) with one search per place instead of one
per responder.

For every place, one Dijkstra on the reversed graph (``scipy.sparse.csgraph.dijkstra``, all places in one
call, each from its own virtual node) starts at the nodes of the edges that touch the place's road: an edge
u→v whose fraction range [lo, hi] is near the place is entered from u after lo of its forward cost and from v
after 1 − hi of its backward cost. A responder snapped at fraction t of edge e then arrives after its offset
plus the least of: along e to a near range of e itself, back to e's start node (t of the backward cost), on to
e's end node (1 − t of the forward cost), each node's time from the search. That is the forward search's
cost at the best near road point (``earliest_within``) for that responder alone, up to rounding.
"""
import numpy as np
import numpy.typing as npt

from .graph import RoadNetwork
from .multi_source import _END_EPS, SHIFT, _with_entries
from .near_roads import within_distance
from .snapping import Location


def times_to_places(network: RoadNetwork, places: npt.ArrayLike, distance: float,
                    limit: float | None = None) -> tuple[np.ndarray, tuple[np.ndarray, ...]]:
    """((n_places, N) the cost from every node to the road within ``distance`` of each place — inf where that
    road cannot be reached, or not within ``limit`` —, the (place, edge, lo, hi) ranges of that road)."""
    from scipy.sparse.csgraph import dijkstra

    place, edge, lo, hi = within_distance(network, places, distance)
    n_places = len(places)
    n = network.n_nodes
    if n_places == 0:
        return np.zeros((0, n)), (place, edge, lo, hi)
    forward, backward = network.cost_forward[edge], network.cost_backward[edge]
    seed_place = np.concatenate([place, place])
    seed_node = np.concatenate([network.edge_from[edge], network.edge_to[edge]])
    with np.errstate(invalid="ignore"):  # inf × 0 where a range reaches an end a one-way road forbids
        seed_cost = np.concatenate([np.where(np.isfinite(forward), lo * forward, np.inf),
                                    np.where(np.isfinite(backward), (1 - hi) * backward, np.inf)])
    ok = np.isfinite(seed_cost)
    seed_place, seed_node, seed_cost = seed_place[ok], seed_node[ok], seed_cost[ok]
    # the least seed per (place, node): one entry each in the matrix
    key = seed_place * n + seed_node
    unique_key, first = np.unique(key, return_inverse=True)
    best = np.full(len(unique_key), np.inf)
    np.minimum.at(best, first, seed_cost)
    rows = n + unique_key // n  # virtual node of the place
    cols = unique_key % n
    graph = _with_entries(network.reverse_matrix(), n + n_places, rows, cols, best + SHIFT)
    bound = np.inf if limit is None else float(limit) + SHIFT
    dist = dijkstra(graph, directed=True, indices=n + np.arange(n_places), limit=bound)
    return dist[:, :n] - SHIFT, (place, edge, lo, hi)


def arrivals_at(network: RoadNetwork, places: npt.ArrayLike, distance: float, location: Location,
                offsets: npt.ArrayLike, limit: float | None = None) -> np.ndarray:
    """(n_places, n_points): each located point's arrival at each place (its offset, e.g. a turnout time,
    plus the network time to the road within ``distance`` of the place); inf for points not snapped or that
    cannot reach it (within ``limit`` of network time, when given)."""
    return arrivals_from(network, times_to_places(network, places, distance, limit), location, offsets)


def arrivals_from(network: RoadNetwork, place_times: tuple[np.ndarray, tuple[np.ndarray, ...]], location: Location,
                  offsets: npt.ArrayLike) -> np.ndarray:
    """``arrivals_at`` from the search's result (``times_to_places``): any number of point sets, one search."""
    node_time, (place, edge, lo, hi) = place_times
    n_places, n_points = node_time.shape[0], len(location.edge)
    arrival = np.full((n_places, n_points), np.inf)
    snapped = np.flatnonzero(location.snapped)
    if n_places == 0 or len(snapped) == 0:
        return arrival
    e, t = location.edge[snapped], location.fraction[snapped]
    start, end = network.edge_from[e], network.edge_to[e]
    forward, backward = network.cost_forward[e], network.cost_backward[e]
    at_start, at_end = t <= _END_EPS, t >= 1 - _END_EPS
    with np.errstate(invalid="ignore"):
        back = np.where(np.isfinite(backward), t * backward, np.inf)[None, :] + node_time[:, start]
        on = np.where(np.isfinite(forward), (1 - t) * forward, np.inf)[None, :] + node_time[:, end]
    best = np.where(at_start[None, :], node_time[:, start],
                    np.where(at_end[None, :], node_time[:, end], np.minimum(back, on)))
    _along_own_edge(best, place, edge, lo, hi, e, t, forward, backward)
    arrival[:, snapped] = best + np.asarray(offsets, dtype=np.float64)[snapped][None, :]
    return arrival


def _along_own_edge(best: np.ndarray, place: np.ndarray, edge: np.ndarray, lo: np.ndarray, hi: np.ndarray,
                    e: np.ndarray, t: np.ndarray, forward: np.ndarray, backward: np.ndarray) -> None:
    """Lower ``best`` (places × points) where a point's own edge has a near range: 0 inside it, else the way
    along the edge to its nearer end (as the one-way rules allow)."""
    order = np.argsort(e, kind="stable")
    first, last = np.searchsorted(e[order], edge, "left"), np.searchsorted(e[order], edge, "right")
    count = last - first
    if not count.any():
        return
    pair = np.repeat(np.arange(len(edge)), count)
    point = order[np.repeat(first, count) + np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)]
    tt, rl, rh = t[point], lo[pair], hi[pair]
    with np.errstate(invalid="ignore"):
        ahead = np.where(np.isfinite(forward[point]), (rl - tt) * forward[point], np.inf)
        behind = np.where(np.isfinite(backward[point]), (tt - rh) * backward[point], np.inf)
    cost = np.where((rl <= tt) & (tt <= rh), 0.0, np.where(rl > tt, ahead, behind))
    np.minimum.at(best, (place[pair], point), cost)
