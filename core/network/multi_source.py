"""ONE multi-source Dijkstra from all snapped points at once (``search``)."""
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from .contracted import contracted_search
from .graph import RoadNetwork
from .snapping import Location

SHIFT = 1.0  # added to every source's offset inside the search so virtual edges are > 0
_END_EPS = 1e-9  # fractions this close to 0 or 1 snap a point onto the segment's end node
_CONTRACT_MIN_NODES = 2000  # smaller networks: the plain search (no contracted graph)


@dataclass
class SearchResult:
    """Costs on the search graph: the network's nodes (0..N-1) followed by the nodes that
    split edges at snapped points. Search edges are the network's edges that were not split
    plus the sub-edges of split ones, each a fraction range [f0, f1] of a network edge."""

    network: RoadNetwork
    cost: np.ndarray  # (N + S,) cost at each node, inf when unreached (offset included)
    source: np.ndarray  # (N + S,) winning source (index into the located points), -1 unreached
    edge_base: np.ndarray  # (M,) network edge of each search edge
    edge_f0: np.ndarray
    edge_f1: np.ndarray
    edge_from: np.ndarray  # search-graph node at f0
    edge_to: np.ndarray  # search-graph node at f1
    cost_forward: np.ndarray  # cost f0 -> f1 (inf if not allowed)
    cost_backward: np.ndarray
    offsets: np.ndarray  # per located point (NaN when not snapped)
    limit: float = np.inf

    def node_cost(self) -> np.ndarray:
        """Cost at the network's own nodes (N,)."""
        return self.cost[: self.network.n_nodes]

    def node_source(self) -> np.ndarray:
        """Winning source at the network's own nodes (N,)."""
        return self.source[: self.network.n_nodes]


@dataclass
class _SplitEdges:
    """Sub-edges of the edges split at sources: for an edge with splits t1 < t2 < ...:
    [0, t1], [t1, t2], ..., [tk, 1]."""

    edges: np.ndarray  # the split network edges (sorted, unique)
    base: np.ndarray  # network edge of each sub-edge
    f0: np.ndarray
    f1: np.ndarray
    frm: np.ndarray  # search-graph node at f0
    to: np.ndarray  # search-graph node at f1


def search(network: RoadNetwork, location: Location, offsets: npt.ArrayLike | None = None,
           limit: float | None = None) -> SearchResult:
    """One multi-source Dijkstra (``scipy.sparse.csgraph.dijkstra``, ``min_only=True``) from
    every snapped point at once, each starting with its own ``offsets`` value (e.g. a turnout
    time, in the network's cost unit; finite, ≥ 0): per-node ``cost`` and winning ``source``
    (index into the points; -1 unreached). Points not snapped take no part. ``limit`` stops the
    search beyond that cost (offset included; a node at exactly the limit is reached). On larger
    networks the run is made on the contracted graph and checked to be the plain run's bit for
    bit (``contracted.contracted_search``)."""
    n_points = len(location.edge)
    start_cost = np.zeros(n_points) if offsets is None else np.asarray(offsets, dtype=np.float64).reshape(-1)
    if len(start_cost) != n_points:
        raise ValueError("one offset per located point is needed")
    if np.any(~np.isfinite(start_cost[location.snapped])) or np.any(start_cost[location.snapped] < 0):
        raise ValueError("offsets must be finite and >= 0")
    n = network.n_nodes
    bound = np.inf if limit is None else float(limit)
    src = np.flatnonzero(location.snapped)
    start_node, split_edge, split_t = _start_nodes(network, location.edge[src], location.fraction[src])
    n_split = len(split_edge)
    split = _split_edges(network, split_edge, split_t)

    plain, edge_base, edge_f0, edge_f1, edge_from, edge_to, cost_forward, cost_backward = _search_edges(network, split)

    # graph: the network's matrix (split edges kept: they never give a cheaper path) plus the
    # sub-edges and one virtual node per source with an edge of weight offset + SHIFT
    n_total = n + n_split + len(src)
    virtual = n + n_split + np.arange(len(src))
    sub = slice(len(plain), None)
    ok_f, ok_b = np.isfinite(cost_forward[sub]), np.isfinite(cost_backward[sub])
    rows = np.concatenate([split.frm[ok_f], split.to[ok_b], virtual])
    cols = np.concatenate([split.to[ok_f], split.frm[ok_b], start_node])
    data = np.concatenate([cost_forward[sub][ok_f], cost_backward[sub][ok_b], start_cost[src] + SHIFT])
    if len(src) == 0:
        cost = np.full(n + n_split, np.inf)
        source = np.full(n + n_split, -1, dtype=np.int64)
    else:
        dist, origin = _dijkstra(network, n_total, rows, cols, data, split.edges, start_node, virtual, bound)
        cost = dist[: n + n_split] - SHIFT
        origin = origin[: n + n_split].astype(np.int64)
        source = np.where(np.isfinite(cost) & (origin >= 0), src[np.clip(origin - (n + n_split), 0, None)], -1)
        cost[source < 0] = np.inf
    all_offsets = np.full(n_points, np.nan)
    all_offsets[src] = start_cost[src]
    return SearchResult(network, cost, source, edge_base, edge_f0, edge_f1, edge_from, edge_to,
                        cost_forward, cost_backward, all_offsets, bound)


def _start_nodes(network: RoadNetwork, e: np.ndarray, t: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(start node per source, split edges, split fractions). A source at a segment's end starts
    at its node; the others split their segment: one new node (numbered from N on) per distinct
    (edge, fraction), listed by edge, then fraction."""
    n = network.n_nodes
    at_start, at_end = t <= _END_EPS, t >= 1 - _END_EPS
    inner = ~(at_start | at_end)
    start_node = np.where(at_start, network.edge_from[e], network.edge_to[e]).astype(np.int64)
    ie, it = e[inner], t[inner]
    key_order = np.lexsort((it, ie))
    ie_s, it_s = ie[key_order], it[key_order]
    new = np.ones(len(ie_s), dtype=bool)
    new[1:] = (ie_s[1:] != ie_s[:-1]) | (it_s[1:] != it_s[:-1])
    split_id = np.cumsum(new) - 1
    inner_node = np.empty(len(ie), dtype=np.int64)
    inner_node[key_order] = n + split_id
    start_node[inner] = inner_node
    return start_node, ie_s[new], it_s[new]


def _split_edges(network: RoadNetwork, split_edge: np.ndarray, split_t: np.ndarray) -> _SplitEdges:
    """The sub-edges of the split edges (split node k is node N + k)."""
    n, n_split = network.n_nodes, len(split_edge)
    split_edges_unique, first_split = np.unique(split_edge, return_index=True)
    counts = np.diff(np.append(first_split, n_split))
    seg_edge = np.repeat(split_edges_unique, counts + 1)
    # f0 / f1 per sub-edge
    within = np.arange(len(seg_edge)) - np.repeat(np.cumsum(counts + 1) - (counts + 1), counts + 1)
    last = within == np.repeat(counts, counts + 1)
    split_pos = np.repeat(first_split, counts + 1) + within  # index of the split at the sub-edge's end
    f1 = np.where(last, 1.0, split_t[np.minimum(split_pos, max(n_split - 1, 0))] if n_split else 1.0)
    f0 = np.where(within == 0, 0.0, split_t[np.maximum(split_pos - 1, 0)] if n_split else 0.0)
    frm = np.where(within == 0, network.edge_from[seg_edge], n + np.maximum(split_pos - 1, 0))
    to = np.where(last, network.edge_to[seg_edge], n + np.minimum(split_pos, max(n_split - 1, 0)))
    return _SplitEdges(split_edges_unique, seg_edge, f0, f1, frm, to)


def _search_edges(network: RoadNetwork, split: _SplitEdges) -> tuple[np.ndarray, ...]:
    """The search graph's edges — the network's unsplit edges, then the split edges' sub-edges: (plain
    (the unsplit network edges), base, f0, f1, from, to, cost forward, cost backward), one entry per edge."""
    is_split = np.zeros(network.n_edges, dtype=bool)
    is_split[split.edges] = True
    plain = np.flatnonzero(~is_split)
    edge_base = np.concatenate([plain, split.base]).astype(np.int64)
    edge_f0 = np.concatenate([np.zeros(len(plain)), split.f0])
    edge_f1 = np.concatenate([np.ones(len(plain)), split.f1])
    edge_from = np.concatenate([network.edge_from[plain], split.frm]).astype(np.int64)
    edge_to = np.concatenate([network.edge_to[plain], split.to]).astype(np.int64)
    span = edge_f1 - edge_f0
    return (plain, edge_base, edge_f0, edge_f1, edge_from, edge_to, network.cost_forward[edge_base] * span,
            network.cost_backward[edge_base] * span)


def _dijkstra(network: RoadNetwork, n_total: int, rows: np.ndarray, cols: np.ndarray, data: np.ndarray,
              split_edges: np.ndarray, start_node: np.ndarray, virtual: np.ndarray,
              limit: float) -> tuple[np.ndarray, np.ndarray]:
    """(distance, origin) per search-graph node: on the contracted graph where that is shown to
    give the plain run's values, else the plain run on the network's matrix plus the entries."""
    from scipy.sparse.csgraph import dijkstra

    if network.n_nodes >= _CONTRACT_MIN_NODES:
        found = contracted_search(network, n_total, rows, cols, data, split_edges, start_node, virtual, limit + SHIFT)
        if found is not None:
            return found
    graph = _with_entries(network.matrix(), n_total, rows, cols, data)  # no duplicate pairs here
    dist, _pred, origin = dijkstra(graph, directed=True, indices=virtual, return_predecessors=True,
                                   min_only=True, limit=limit + SHIFT)
    return dist, origin


def _with_entries(base: Any, n_total: int, rows: np.ndarray, cols: np.ndarray, data: np.ndarray) -> Any:
    """Canonical CSR (n_total x n_total) of the canonical CSR ``base`` (N x N) plus entries
    whose column or row is >= N (so, in a row < N, they sort after the row's own entries):
    the matrix ``csr_matrix((data, (rows, cols)))`` of all entries would be, without a sort
    of them all."""
    from scipy.sparse import csr_matrix

    n = base.shape[0]
    order = np.lexsort((cols, rows))
    rows, cols, data = rows[order], cols[order], data[order]
    low = rows < n  # sorted: these come first
    at = base.indptr[rows[low] + 1]
    indices = np.concatenate([np.insert(base.indices, at, cols[low]), cols[~low]])
    values = np.concatenate([np.insert(base.data, at, data[low]), data[~low]])
    indptr = np.zeros(n_total + 1, dtype=np.int64)
    indptr[1:n + 1] = np.diff(base.indptr)
    indptr[1:] += np.bincount(rows, minlength=n_total)
    np.cumsum(indptr, out=indptr)
    index_dtype = np.int32 if max(len(indices), n_total) < 2 ** 31 else np.int64
    return csr_matrix((values, indices.astype(index_dtype), indptr.astype(index_dtype)), shape=(n_total, n_total))
