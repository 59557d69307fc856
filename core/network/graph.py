"""The road graph: line vertices as nodes, segments as edges (``build_network``), its chains of
through nodes and its connected parts."""
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

BOTH, FORWARD, BACKWARD = 0, 1, -1
METRES_PER_MINUTE_PER_KMH = 1000.0 / 60.0  # 1 km/h = 16.67 m/min
CONTRACT_MAX_CHAIN = 256  # chains (see ``chains``) are cut after this many edges


@dataclass
class Chains:
    """Runs of consecutive edges of one part whose inner nodes are through nodes (see ``chains``);
    chain c is edges ``start[c]..end[c]``."""

    start: np.ndarray  # (C,) first edge
    end: np.ndarray  # (C,) last edge
    length: np.ndarray  # (C,) edges in the chain
    chain_of_edge: np.ndarray  # (E,)
    node_chain: np.ndarray  # (N,) chain a through node is inside of, -1 for key nodes
    inner_edge: np.ndarray  # edges not first in their chain (the node before each is a through node)
    w_forward: np.ndarray  # (C,) summed forward cost
    w_backward: np.ndarray  # (C,) summed backward cost


@dataclass
class RoadNetwork:
    """The road graph. Edge ``i`` runs from ``edge_from[i]`` to ``edge_to[i]`` in the
    digitising direction; ``cost_forward``/``cost_backward`` are ``inf`` where one-way rules
    forbid that direction. ``unit`` is "min" (speeds given) or "m"."""

    nodes: np.ndarray  # (N, 2) float64 node coordinates
    edge_from: np.ndarray  # (E,) int64
    edge_to: np.ndarray  # (E,) int64
    edge_length: np.ndarray  # (E,) float64 metres
    cost_forward: np.ndarray  # (E,) float64
    cost_backward: np.ndarray  # (E,) float64
    edge_line: np.ndarray  # (E,) int64: row of the input line the segment belongs to
    edge_part: np.ndarray  # (E,) int64: global index of the line part (see ``parts``)
    parts: np.ndarray  # (P,) shapely LineStrings: the input parts (with merged coordinates)
    part_line: np.ndarray  # (P,) input row of each part
    part_edge_start: np.ndarray  # (P + 1,) edges of part p are part_edge_start[p]:[p + 1]
    unit: str = "m"
    node_tolerance: float = 0.0
    merged_vertices: int = 0  # vertices moved onto another within node_tolerance (not exact twins)
    _matrix: Any = field(default=None, repr=False)  # scipy CSR, built on first use
    _tree: Any = field(default=None, repr=False)  # shapely STRtree of the parts
    _reverse: Any = field(default=None, repr=False)  # scipy CSR of the reversed graph, built on first use
    _components: tuple[int, np.ndarray] | None = field(default=None, repr=False)
    _chains: Chains | None = field(default=None, repr=False)

    @property
    def n_nodes(self) -> int:
        """Number of nodes (N)."""
        return len(self.nodes)

    @property
    def n_edges(self) -> int:
        """Number of edges (E)."""
        return len(self.edge_from)

    def matrix(self) -> Any:
        """Directed CSR adjacency (N x N) of the cheapest allowed edge between two nodes."""
        if self._matrix is None:
            self._matrix = _csr(self.n_nodes, self.edge_from, self.edge_to, self.cost_forward, self.cost_backward)
        return self._matrix

    def reverse_matrix(self) -> Any:
        """``matrix()`` reversed (edge v→u for every u→v): searches back from a place."""
        if self._reverse is None:
            self._reverse = self.matrix().T.tocsr()
            self._reverse.sort_indices()
        return self._reverse

    def part_tree(self) -> Any:
        """STRtree of the line parts (built on first use)."""
        import shapely

        if self._tree is None:
            self._tree = shapely.STRtree(self.parts)
        return self._tree


def build_network(lines: npt.ArrayLike, speeds_kmh: npt.ArrayLike | None = None, oneway: npt.ArrayLike | None = None,
                  node_tolerance: float = 0.0) -> RoadNetwork:
    """The road graph of ``lines`` (shapely LineStrings/MultiLineStrings, metres; None/empty rows
    ignored). ``speeds_kmh``: per-line speeds (km/h, > 0) or None (edge cost = metres; with
    speeds, minutes). ``oneway``: per-line BOTH / FORWARD / BACKWARD, relative to the digitising
    direction. Vertices closer than ``node_tolerance`` (m) become one node. Raises ValueError for
    speeds that are not finite and > 0 (the caller names the features)."""
    import shapely

    lines = np.asarray(lines, dtype=object)
    speeds = None
    if speeds_kmh is not None:
        speeds = np.asarray(speeds_kmh, dtype=np.float64)
        bad = ~(np.isfinite(speeds) & (speeds > 0))
        if bad.any():
            raise ValueError(f"speeds must be finite and > 0 (rows {np.flatnonzero(bad)[:10].tolist()})")
    directions = np.zeros(len(lines), dtype=np.int8) if oneway is None else np.asarray(oneway, dtype=np.int8)

    parts, part_line = _line_parts(lines)
    coords, coord_part = shapely.get_coordinates(parts, return_index=True)
    n_parts = len(parts)

    node_of, nodes, merged = _merge_vertices(coords, node_tolerance)
    # segment i joins vertex i and i + 1 when both belong to the same part
    same = coord_part[:-1] == coord_part[1:] if len(coords) else np.zeros(0, dtype=bool)
    seg_start = np.flatnonzero(same)
    a, b = node_of[seg_start], node_of[seg_start + 1]
    seg_part = coord_part[seg_start]
    keep = a != b  # zero-length segments (repeated or merged vertices) are no edges
    seg_start, a, b, seg_part = seg_start[keep], a[keep], b[keep], seg_part[keep]
    length = np.hypot(nodes[:, 0][b] - nodes[:, 0][a], nodes[:, 1][b] - nodes[:, 1][a])
    edge_line = part_line[seg_part]

    if speeds is None:
        cost, unit = length.copy(), "m"
    else:
        cost, unit = length / (speeds[edge_line] * METRES_PER_MINUTE_PER_KMH), "min"
    direction = directions[edge_line]
    cost_forward = np.where(direction == BACKWARD, np.inf, cost)
    cost_backward = np.where(direction == FORWARD, np.inf, cost)

    part_edge_start = np.searchsorted(seg_part, np.arange(n_parts + 1))
    if merged:  # parts with the merged coordinates, so geometry and graph agree
        parts = shapely.linestrings(nodes[node_of], indices=coord_part) if len(coords) else parts
    return RoadNetwork(nodes=nodes, edge_from=a.astype(np.int64), edge_to=b.astype(np.int64), edge_length=length,
                       cost_forward=cost_forward, cost_backward=cost_backward, edge_line=edge_line,
                       edge_part=seg_part.astype(np.int64), parts=parts, part_line=part_line,
                       part_edge_start=part_edge_start.astype(np.int64), unit=unit,
                       node_tolerance=float(node_tolerance), merged_vertices=int(merged))


def _line_parts(lines: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(LineString parts, input row of each) of the non-empty lines; multipart lines are split."""
    import shapely

    valid = ~shapely.is_missing(lines)
    if valid.any():
        valid[valid] = ~shapely.is_empty(lines[valid])
    if (shapely.get_type_id(lines[valid]) == 1).all():  # LineStrings only: each is its own part
        return lines[valid], np.flatnonzero(valid).astype(np.int64)
    parts, part_line = shapely.get_parts(lines[valid], return_index=True)
    part_line = np.flatnonzero(valid)[part_line] if len(parts) else np.zeros(0, dtype=np.int64)
    keep = shapely.get_type_id(parts) == 1 if len(parts) else np.zeros(0, dtype=bool)  # LineStrings only
    return parts[keep], part_line[keep].astype(np.int64)


def _merge_vertices(coords: np.ndarray, tolerance: float) -> tuple[np.ndarray, np.ndarray, int]:
    """Node index of every vertex: exact twins are one node; with ``tolerance`` > 0, vertices
    closer than it are joined too (transitively, cKDTree pairs + connected components)."""
    if len(coords) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros((0, 2)), 0
    import pandas as pd

    # the distinct points (hashing x + iy: exact equality, the first occurrence kept), numbered
    # in lexicographic (x, y) order — a sort of the complex values, of the distinct ones only
    # (on networks of single-segment roads about half the vertices)
    first_of, distinct = pd.factorize(coords[:, 0] + 1j * coords[:, 1])
    order = np.argsort(distinct, kind="stable")
    rank = np.empty(len(distinct), dtype=np.int64)
    rank[order] = np.arange(len(distinct))
    node_of = rank[first_of]
    nodes = np.column_stack([distinct.real[order], distinct.imag[order]])
    merged = 0
    if tolerance and tolerance > 0 and len(nodes) > 1:
        from scipy.sparse import coo_matrix
        from scipy.sparse.csgraph import connected_components
        from scipy.spatial import cKDTree

        pairs = cKDTree(nodes).query_pairs(tolerance, output_type="ndarray")
        if len(pairs):
            n = len(nodes)
            graph = coo_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(n, n))
            count, label = connected_components(graph, directed=False)
            # each merged node sits at its first member's position
            first = np.full(count, -1, dtype=np.int64)
            first[label[::-1]] = np.arange(n)[::-1]
            merged = n - count
            nodes = nodes[first]
            node_of = label[node_of]
    return node_of, nodes, merged


def _csr(n: int, frm: np.ndarray, to: np.ndarray, cost_f: np.ndarray, cost_b: np.ndarray) -> Any:
    """CSR of the allowed directed edges; between two nodes the cheapest edge is kept.

    Canonical (column indices sorted within each row, no duplicates). Built in linear time by
    scipy's COO -> CSR conversion, which sums duplicate entries: where a (row, col) pair
    occurs more than once (parallel edges, rare) its summed value is replaced by the minimum."""
    from scipy.sparse import coo_matrix

    ok_f, ok_b = np.isfinite(cost_f), np.isfinite(cost_b)
    rows = np.concatenate([frm[ok_f], to[ok_b]])
    cols = np.concatenate([to[ok_f], frm[ok_b]])
    data = np.concatenate([cost_f[ok_f], cost_b[ok_b]])
    matrix = coo_matrix((data, (rows, cols)), shape=(n, n)).tocsr()
    matrix.sum_duplicates()  # canonical (tocsr already gives that)
    if matrix.nnz < len(rows):  # some pairs were summed
        # count and matrix have the same canonical structure: fix the duplicated pairs
        count = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n)).tocsr()
        dup = np.flatnonzero(count.data > 1)
        dup_row = np.searchsorted(matrix.indptr, dup, side="right") - 1
        key_dup = dup_row.astype(np.int64) * n + matrix.indices[dup]
        dup_rows = np.zeros(n, dtype=bool)
        dup_rows[dup_row] = True
        hit = dup_rows[rows]  # the entries of the rows holding a duplicated pair
        k, d = rows[hit].astype(np.int64) * n + cols[hit], data[hit]
        order = np.lexsort((d, k))
        k, d = k[order], d[order]
        first = np.ones(len(k), dtype=bool)
        first[1:] = k[1:] != k[:-1]
        matrix.data[dup] = d[first][np.searchsorted(k[first], key_dup)]
    # explicit entries are edges for csgraph even when 0 (they never are here: lengths > 0)
    return matrix


def chains(network: RoadNetwork) -> Chains:
    """The network's chains (cached): runs of consecutive edges of one part whose inner nodes
    are "through" nodes — exactly two edges meet there, to two different nodes — cut after
    CONTRACT_MAX_CHAIN edges. Every other node (junctions, line ends, part ends) is a key node."""
    if network._chains is None:
        n_nodes, n_edges = network.n_nodes, network.n_edges
        degree = np.bincount(network.edge_from, minlength=n_nodes) + np.bincount(network.edge_to, minlength=n_nodes)
        last = np.zeros(n_edges, dtype=bool)
        counts = np.diff(network.part_edge_start)
        last[network.part_edge_start[1:][counts > 0] - 1] = True
        i = np.flatnonzero(~last)  # edge i is followed by edge i + 1 of the same part
        passes = (degree[network.edge_to[i]] == 2) & (network.edge_from[i] != network.edge_to[i + 1])
        continues = np.zeros(n_edges, dtype=bool)
        continues[i[passes] + 1] = True
        begins = ~continues
        first = np.maximum.accumulate(np.where(begins, np.arange(n_edges), 0))
        begins |= (np.arange(n_edges) - first) % CONTRACT_MAX_CHAIN == 0
        start = np.flatnonzero(begins)
        end = np.append(start[1:], n_edges) - 1
        chain_of_edge = np.cumsum(begins) - 1
        inner_edge = np.flatnonzero(~begins)  # the node before it is a through node of its chain
        node_chain = np.full(n_nodes, -1, dtype=np.int64)
        node_chain[network.edge_from[inner_edge]] = chain_of_edge[inner_edge]
        network._chains = Chains(
            start=start, end=end, length=end - start + 1, chain_of_edge=chain_of_edge, node_chain=node_chain,
            inner_edge=inner_edge,
            w_forward=np.add.reduceat(network.cost_forward, start) if n_edges else np.zeros(0),
            w_backward=np.add.reduceat(network.cost_backward, start) if n_edges else np.zeros(0))
    return network._chains


def components(network: RoadNetwork) -> tuple[int, np.ndarray]:
    """(count, label per node) of the network's weakly connected parts (direction ignored);
    parts are numbered in the order of their lowest node index."""
    if network._components is None:
        from scipy.sparse import coo_matrix
        from scipy.sparse.csgraph import connected_components

        # on the chains (each one edge between its end nodes); a through node is in its chain's part
        ch = chains(network)
        n = network.n_nodes
        a, b = network.edge_from[ch.start], network.edge_to[ch.end]
        graph = coo_matrix((np.ones(len(a)), (a, b)), shape=(n, n))
        raw, label = connected_components(graph, directed=False)
        through = network.edge_from[ch.inner_edge]
        label[through] = label[a[ch.chain_of_edge[ch.inner_edge]]]
        # renumber by lowest node index (as a search over the nodes in index order numbers them)
        lowest = np.full(raw, n, dtype=np.int64)
        lowest[label[::-1]] = np.arange(n)[::-1]
        used = np.flatnonzero(lowest < n)
        rank = np.full(raw, -1, dtype=np.int32)
        rank[used[np.argsort(lowest[used])]] = np.arange(len(used), dtype=np.int32)
        network._components = (len(used), rank[label])
    return network._components


def edge_lines(network: RoadNetwork, edges: npt.ArrayLike | None = None, f0: npt.ArrayLike | None = None,
               f1: npt.ArrayLike | None = None) -> np.ndarray:
    """Shapely LineStrings of edges (all by default), or of their parts between fractions
    ``f0`` and ``f1`` (arrays, same length as ``edges``; 0..1 in the digitising direction)."""
    import shapely

    edges = np.arange(network.n_edges) if edges is None else np.asarray(edges, dtype=np.int64)
    a, b = network.nodes[network.edge_from[edges]], network.nodes[network.edge_to[edges]]
    if f0 is not None:
        d = b - a
        a, b = a + d * np.asarray(f0)[:, None], a + d * np.asarray(f1)[:, None]
    return shapely.linestrings(np.stack([a, b], axis=1)) if len(edges) else np.zeros(0, dtype=object)
