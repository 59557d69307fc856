"""An independent bounded search from each of many points (fire-station siting's candidates):
one ``scipy.sparse.csgraph.dijkstra(indices=<block of points>, limit=...)`` call per block, on
the network with its edges split at every point (as ``search`` splits them at its sources).
Never all pairs, never one call per pair."""
from collections.abc import Iterator

import numpy as np
import numpy.typing as npt

from .graph import RoadNetwork
from .multi_source import SearchResult, _search_edges, _split_edges, _start_nodes, _with_entries
from .snapping import Location

BLOCK = 32  # points per dijkstra call: (BLOCK × nodes) costs in memory at once


def search_each(network: RoadNetwork, location: Location, offsets: npt.ArrayLike, limits: npt.ArrayLike,
                block: int = BLOCK) -> Iterator[tuple[int, SearchResult]]:
    """(point index, its own SearchResult) for every snapped point, in order: the cost from that
    point alone starting at its ``offsets`` value, bounded by its ``limits`` value (offset
    included; a node at exactly the limit is reached). Each result's search edges are only those
    with a reached end, so ``reached_parts`` on it takes time proportional to what it reaches."""
    from scipy.sparse.csgraph import dijkstra

    n_points = len(location.edge)
    offsets = np.broadcast_to(np.asarray(offsets, dtype=np.float64), (n_points,))
    limits = np.broadcast_to(np.asarray(limits, dtype=np.float64), (n_points,))
    src = np.flatnonzero(location.snapped)
    n = network.n_nodes
    start_node, split_edge, split_t = _start_nodes(network, location.edge[src], location.fraction[src])
    split = _split_edges(network, split_edge, split_t)
    plain, edge_base, edge_f0, edge_f1, edge_from, edge_to, cost_forward, cost_backward = _search_edges(network, split)
    n_total = n + len(split_edge)
    sub = slice(len(plain), None)
    ok_f, ok_b = np.isfinite(cost_forward[sub]), np.isfinite(cost_backward[sub])
    graph = _with_entries(network.matrix(), n_total,
                          np.concatenate([split.frm[ok_f], split.to[ok_b]]),
                          np.concatenate([split.to[ok_f], split.frm[ok_b]]),
                          np.concatenate([cost_forward[sub][ok_f], cost_backward[sub][ok_b]]))
    for first in range(0, len(src), block):
        points = src[first:first + block]
        budget = limits[points] - offsets[points]
        dist = dijkstra(graph, directed=True, indices=start_node[first:first + block],
                        limit=float(max(budget.max(), 0.0)))
        for row, point in enumerate(points):
            cost = dist[row] + offsets[point]
            cost[cost > limits[point]] = np.inf
            reached = np.isfinite(cost)
            keep = np.flatnonzero(reached[edge_from] | reached[edge_to])
            point_offsets = np.full(n_points, np.nan)
            point_offsets[point] = offsets[point]
            yield int(point), SearchResult(
                network, cost, np.where(reached, point, -1), edge_base[keep], edge_f0[keep], edge_f1[keep],
                edge_from[keep], edge_to[keep], cost_forward[keep], cost_backward[keep], point_offsets,
                float(limits[point]))
