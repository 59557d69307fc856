"""The multi-source search on the contracted graph (each chain of through nodes one edge),
proven equal to the plain search bit for bit, or refused.

Dijkstra's distances are sums of edge costs taken in path order (d(v) = d(u) + c, in floating
point). On the contracted graph: (1) Dijkstra with each chain's summed cost gives a
shortest-path tree; (2) the distances are recomputed along that tree edge by edge, in path
order, and from them the through nodes' (the lower of the sums from either end of their chain);
(3) every edge is checked: no d(u) + c is below d(v) (within the limit). Values that pass (3)
and are each some path's sum are the plain search's values (rounding is monotone: an induction
along either search's tree). The winning source is the one whose path gives the value; where
paths from different sources tie exactly the plain search would decide by its visiting order:
the contracted search is refused then.
"""
from dataclasses import dataclass

import numpy as np

from .graph import Chains, RoadNetwork, chains

_CONTRACT_MAX_STEPS = 4000  # replay steps (numpy passes) beyond which the plain search is used
_UNREACHED = -9999  # origin of a node beyond the limit (as csgraph marks it)


@dataclass
class _Paths:
    """The contracted graph's paths: the kept chains both ways (paths 0..2k-1), then single
    edges (the edges of expanded chains both ways, and the search's extra entries). Path p's
    i-th edge cost is ``costs[offset[p] + step[p] * i]``, for i < ``plen[p]``."""

    ch: Chains
    expand: np.ndarray  # per chain: used edge by edge
    kept: np.ndarray  # chains used as one edge
    a_node: np.ndarray  # first node of each kept chain
    b_node: np.ndarray  # last node
    length: np.ndarray  # edges of each kept chain
    s_tail: np.ndarray  # single edges: tail, head, cost
    s_head: np.ndarray
    s_cost: np.ndarray
    tail: np.ndarray  # every path: tail, head, summed weight
    head: np.ndarray
    weight: np.ndarray
    costs: np.ndarray
    offset: np.ndarray
    step: np.ndarray
    plen: np.ndarray


def contracted_search(network: RoadNetwork, n_total: int, rows: np.ndarray, cols: np.ndarray, data: np.ndarray,
                      split_edges: np.ndarray, start_node: np.ndarray, virtual: np.ndarray,
                      limit: float) -> tuple[np.ndarray, np.ndarray] | None:
    """``(dist, origin)`` exactly as ``dijkstra(graph, indices=virtual, min_only=True, ...)``
    gives them on the search graph (the network's matrix plus the entries rows/cols/data),
    computed on the contracted graph, or None when that cannot be shown to give the very same
    result (then the caller runs the plain search). See the module docstring."""
    paths = _contracted_paths(network, rows, cols, data, split_edges, start_node)
    if paths is None:
        return None
    reached, pred, via, origin = _tree_search(paths, n_total, virtual, limit)
    dist = _exact_distances(paths, n_total, virtual, reached, pred, via)
    if dist is None:
        return None
    over = dist > limit
    dist[over] = np.inf
    origin[over] = _UNREACHED
    if not _through_nodes(network, paths, dist, origin, limit):
        return None
    return dist, origin


def _contracted_paths(network: RoadNetwork, rows: np.ndarray, cols: np.ndarray, data: np.ndarray,
                      split_edges: np.ndarray, start_node: np.ndarray) -> _Paths | None:
    """The paths of the contracted graph; chains holding a split edge or passing a start node are
    used edge by edge. None when contracting saves too few nodes to be worth it."""
    n, n_edges = network.n_nodes, network.n_edges
    ch = chains(network)
    expand = np.zeros(len(ch.start), dtype=bool)
    expand[ch.chain_of_edge[split_edges]] = True
    on_network = start_node[start_node < n]
    passed = ch.node_chain[on_network]
    expand[passed[passed >= 0]] = True
    kept = np.flatnonzero(~expand)
    if (ch.length[kept] - 1).sum() < 0.3 * n:  # too few nodes saved
        return None
    single_edges = np.flatnonzero(expand[ch.chain_of_edge])
    cf, cb = network.cost_forward, network.cost_backward
    ef, et = network.edge_from, network.edge_to

    a_node, b_node = ef[ch.start[kept]], et[ch.end[kept]]
    length = ch.length[kept]
    s_tail = np.concatenate([ef[single_edges], et[single_edges], rows])
    s_head = np.concatenate([et[single_edges], ef[single_edges], cols])
    s_cost = np.concatenate([cf[single_edges], cb[single_edges], data])
    k, m = len(kept), len(s_tail)
    return _Paths(
        ch=ch, expand=expand, kept=kept, a_node=a_node, b_node=b_node, length=length,
        s_tail=s_tail, s_head=s_head, s_cost=s_cost,
        tail=np.concatenate([a_node, b_node, s_tail]), head=np.concatenate([b_node, a_node, s_head]),
        weight=np.concatenate([ch.w_forward[kept], ch.w_backward[kept], s_cost]),
        costs=np.concatenate([cf, cb, s_cost]),
        offset=np.concatenate([ch.start[kept], n_edges + ch.end[kept], 2 * n_edges + np.arange(m)]),
        step=np.concatenate([np.ones(k, dtype=np.int64), -np.ones(k, dtype=np.int64), np.zeros(m, dtype=np.int64)]),
        plen=np.concatenate([length, length, np.ones(m, dtype=np.int64)]))


def _tree_search(paths: _Paths, n_total: int, virtual: np.ndarray,
                 limit: float) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Step (1): Dijkstra on the contracted graph (cheapest path per pair of nodes). Returns the
    reached nodes (other than the roots), the predecessors, the path reaching each reached node
    and the origin (source node) per node."""
    from scipy.sparse import coo_matrix, csr_matrix
    from scipy.sparse.csgraph import dijkstra

    tail, head, weight = paths.tail, paths.head, paths.weight
    usable = np.flatnonzero(np.isfinite(weight))
    # canonical CSR of the usable paths, each entry's path id carried along (+1: ids sum as
    # themselves where a pair is unique); pairs given twice (parallel chains, rare) keep the
    # cheapest path
    ids = coo_matrix((usable + 1.0, (tail[usable], head[usable])), shape=(n_total, n_total)).tocsr()
    ids.sum_duplicates()  # canonical: sorted within rows (tocsr already gives that)
    if ids.nnz == len(usable):
        entry_path = ids.data.astype(np.int64) - 1
        graph = csr_matrix((weight[entry_path], ids.indices, ids.indptr), shape=(n_total, n_total))
        entry_pair = np.repeat(np.arange(n_total, dtype=np.int64), np.diff(ids.indptr)) * n_total + ids.indices
    else:
        order = usable[np.lexsort((weight[usable], head[usable], tail[usable]))]
        pair = tail[order].astype(np.int64) * n_total + head[order]
        first = np.ones(len(order), dtype=bool)
        first[1:] = pair[1:] != pair[:-1]
        entry_path, entry_pair = order[first], pair[first]
        indptr = np.zeros(n_total + 1, dtype=np.int64)
        np.cumsum(np.bincount(tail[entry_path], minlength=n_total), out=indptr[1:])
        graph = csr_matrix((weight[entry_path], head[entry_path].astype(np.int32), indptr.astype(np.int32)),
                           shape=(n_total, n_total))
    approx, pred, origin = dijkstra(graph, directed=True, indices=virtual, return_predecessors=True,
                                    min_only=True, limit=limit)
    reached = np.flatnonzero(np.isfinite(approx) & (pred >= 0))
    via = entry_path[np.searchsorted(entry_pair, pred[reached].astype(np.int64) * n_total + reached)]
    return reached, pred, via, origin.astype(np.int64)


def _tree_depth(reached: np.ndarray, pred: np.ndarray, n_total: int) -> np.ndarray:
    """Depth of each reached node in the tree (1 below a root), by pointer doubling over the
    tree's nodes: the reached ones, numbered 1.., and 0 for the roots."""
    slot = np.zeros(n_total, dtype=np.int64)
    slot[reached] = np.arange(1, len(reached) + 1)
    up = np.concatenate([[0], slot[pred[reached]]])
    depth = np.concatenate([[0], np.ones(len(reached), dtype=np.int64)])
    while up.any():
        depth = depth + depth[up]
        up = up[up]
    return depth[1:]


def _exact_distances(paths: _Paths, n_total: int, virtual: np.ndarray, reached: np.ndarray, pred: np.ndarray,
                     via: np.ndarray) -> np.ndarray | None:
    """Step (2): the distances along the tree, level by level, each path's edge costs added in
    path order. None when that takes more than _CONTRACT_MAX_STEPS numpy passes."""
    costs, offset, step, plen = paths.costs, paths.offset, paths.step, paths.plen
    depth = _tree_depth(reached, pred, n_total)
    dist = np.full(n_total, np.inf)
    dist[virtual] = 0.0
    parent = np.full(n_total, -1, dtype=np.int64)
    parent[reached] = pred[reached]
    path_of = np.full(n_total, -1, dtype=np.int64)
    path_of[reached] = via
    level_order = np.argsort(depth, kind="stable")
    by_depth = reached[level_order]
    bounds = np.searchsorted(depth[level_order], np.arange(1, int(depth.max(initial=0)) + 2))
    steps = 0
    for level in range(len(bounds) - 1):
        nodes = by_depth[bounds[level]:bounds[level + 1]]
        p = path_of[nodes]
        by_length = np.argsort(-plen[p], kind="stable")
        nodes, p = nodes[by_length], p[by_length]
        value = dist[parent[nodes]]
        top = int(plen[p[0]]) if len(p) else 0
        steps += top
        if steps > _CONTRACT_MAX_STEPS:
            return None
        for i in range(top):
            act = len(p) - int(np.searchsorted(plen[p][::-1], i, side="right"))
            value[:act] = value[:act] + costs[offset[p[:act]] + step[p[:act]] * i]
        dist[nodes] = value
    return dist


def _through_nodes(network: RoadNetwork, paths: _Paths, dist: np.ndarray, origin: np.ndarray, limit: float) -> bool:
    """Step (3): every path from its tail's exact distance. Fills in the through nodes of the
    kept chains (``dist`` and ``origin``, in place) and checks every edge; False when a check
    fails (a cheaper path than the tree's, or an exact tie between different sources)."""
    ch, kept, expand = paths.ch, paths.kept, paths.expand
    a_node, b_node, length = paths.a_node, paths.b_node, paths.length
    cf, cb = network.cost_forward, network.cost_backward
    ef, et = network.edge_from, network.edge_to
    k = len(kept)
    fwd_at = np.full(network.n_edges, np.inf)  # distance at edge e's end node, coming forward along its chain
    bwd_at = np.full(network.n_edges, np.inf)  # at edge e's start node, coming backward
    by_len = np.argsort(-length, kind="stable")
    v_f, v_b = dist[a_node[by_len]], dist[b_node[by_len]]
    e_f, e_b = ch.start[kept][by_len], ch.end[kept][by_len]
    len_sorted = length[by_len]
    for i in range(int(len_sorted[0]) if k else 0):
        act = k - int(np.searchsorted(len_sorted[::-1], i, side="right"))
        v_f, v_b = v_f[:act] + cf[e_f[:act] + i], v_b[:act] + cb[e_b[:act] - i]
        fwd_at[e_f[:act] + i] = v_f
        bwd_at[e_b[:act] - i] = v_b
    # through nodes of the kept chains: the node before each inner edge
    inner = ch.inner_edge[~expand[ch.chain_of_edge[ch.inner_edge]]]
    through = ef[inner]
    from_a, from_b = fwd_at[inner - 1], bwd_at[inner]
    chain_of = ch.chain_of_edge[inner]
    src_a, src_b = origin[ef[ch.start[chain_of]]], origin[et[ch.end[chain_of]]]
    value = np.minimum(from_a, from_b)
    ok = np.isfinite(value) & (value <= limit)
    if np.any(ok & (from_a == from_b) & (src_a != src_b)):
        return False
    dist[through] = np.where(ok, value, np.inf)
    origin[through] = np.where(ok, np.where(from_a < from_b, src_a, src_b), _UNREACHED)
    # candidates at the key nodes: chain ends and single edges
    cand_node = np.concatenate([b_node, a_node, paths.s_head])
    cand_value = np.concatenate([fwd_at[ch.end[kept]], bwd_at[ch.start[kept]], dist[paths.s_tail] + paths.s_cost])
    cand_src = np.concatenate([origin[a_node], origin[b_node], origin[paths.s_tail]])
    live = np.flatnonzero(np.isfinite(cand_value) & (cand_value <= limit))
    cand_node, cand_value, cand_src = cand_node[live], cand_value[live], cand_src[live]
    target = dist[cand_node]
    if np.any(cand_value < target):  # a cheaper path than the tree's (or one to a node left out)
        return False
    tie = cand_value == target
    return not np.any(cand_src[tie] != origin[cand_node[tie]])
