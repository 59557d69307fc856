"""Road network graph and multi-source shortest-path search (pure: numpy, scipy, shapely).

Network semantics follow QGIS's network analysis (``QgsGraphBuilder`` / service area), so
results can be compared with ``native:serviceareafromlayer``:

* every line vertex is a graph node; vertices closer than ``node_tolerance`` are one node
  (so lines join where they share a vertex); multipart lines are split into their parts;
* each segment between consecutive vertices is an edge, with its length (m) and, when
  speeds are given, its travel time in minutes (else its cost is its length in metres);
* one-way rules are relative to the digitising direction ("forward" = from the first to the
  last vertex);
* a point (a fire station, a shelter) enters the network at the nearest point of the nearest
  segment; the off-road leg costs nothing; the segment is split there (QGIS's tied points).

Stable API (also used by the shelter analysis; keep it backwards compatible):

``build_network(lines, speeds_kmh=None, oneway=None, node_tolerance=0.0) -> RoadNetwork``
    ``lines``: array-like of shapely LineString/MultiLineString (None/empty rows ignored);
    ``speeds_kmh``: per-line speeds (> 0) or None (cost = metres);
    ``oneway``: per-line codes ``BOTH`` (0) / ``FORWARD`` (1) / ``BACKWARD`` (-1), or None.
``locate(network, points_xy, max_distance=inf) -> Location``
    nearest point on the nearest segment for each (x, y): ``edge``, ``fraction`` (0..1 in the
    digitising direction), ``distance`` and ``snapped`` (False when farther than
    ``max_distance`` or the network is empty: then ``edge`` is -1).
``search(network, location, offsets=None, limit=None) -> SearchResult``
    ONE Dijkstra run (``scipy.sparse.csgraph.dijkstra``, ``min_only=True``) from all snapped
    points at once, each starting with its own offset (e.g. a turnout time): per-node
    ``cost`` and winning ``source`` (index into the points; -1 unreached). Points not snapped
    take no part. ``limit`` stops the search beyond that cost (offset included). On larger
    networks the run is made on the graph whose chains of shape vertices are contracted to
    single edges, and the result is checked to be the plain run's bit for bit (else the plain
    run is made); see ``_contracted_search``.
``reached_parts(result, limit=None) -> ReachedParts``
    the reached part of every edge: each edge is entered from either end (respecting one-way
    rules) and from any source on it; where two arrivals meet on an edge it is cut at the
    equal-time point, and with ``limit`` it is cut exactly where the cost reaches the limit.
    Arrays ``edge``, ``f0``/``f1`` (fractions along the edge, f0 < f1), ``source``,
    ``cost_near``/``cost_far`` (cost at the entry end and at the far end of the piece),
    ``forward`` (travelled in the digitising direction). ``parts.lines(network)`` builds
    shapely LineStrings. ``reached_parts_at(result, limits)`` gives the list for several
    limits at once (sharing the common work).
``earliest_within(result, geometries_or_xy, distance, limit=None) -> (cost, source)``
    for each point or geometry, the lowest cost at any road point within ``distance`` of it
    (exact on the piecewise-linear cost along edges), and the source arriving there; ``inf``
    and -1 when no reached road point is that near.
``edge_lines(network, edges=None)``, ``components(network)``: geometry and connectivity helpers.

All coordinates are planar, in metres (the caller reprojects).
"""
from dataclasses import dataclass, field

import numpy as np

BOTH, FORWARD, BACKWARD = 0, 1, -1
METRES_PER_MINUTE_PER_KMH = 1000.0 / 60.0  # 1 km/h = 16.67 m/min
_SHIFT = 1.0  # added to every source's offset inside the search so virtual edges are > 0
_END_EPS = 1e-9  # fractions this close to 0 or 1 snap a point onto the segment's end node
# the search on the contracted graph (see _contracted_search)
_CONTRACT_MIN_NODES = 2000  # smaller networks: the plain search
_CONTRACT_MAX_CHAIN = 256  # chains are cut after this many edges
_CONTRACT_MAX_STEPS = 4000  # replay steps (numpy passes) beyond which the plain search is used


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
    _matrix: object = field(default=None, repr=False)
    _tree: object = field(default=None, repr=False)
    _components: object = field(default=None, repr=False)
    _chains: object = field(default=None, repr=False)

    @property
    def n_nodes(self):
        return len(self.nodes)

    @property
    def n_edges(self):
        return len(self.edge_from)

    def matrix(self):
        """Directed CSR adjacency (N x N) of the cheapest allowed edge between two nodes."""
        if self._matrix is None:
            self._matrix = _csr(self.n_nodes, self.edge_from, self.edge_to, self.cost_forward, self.cost_backward)
        return self._matrix

    def part_tree(self):
        import shapely

        if self._tree is None:
            self._tree = shapely.STRtree(self.parts)
        return self._tree


def build_network(lines, speeds_kmh=None, oneway=None, node_tolerance=0.0):
    """The road graph of ``lines`` (see the module docstring). Raises ValueError for
    speeds that are not finite and > 0 (the caller names the features)."""
    import shapely

    lines = np.asarray(lines, dtype=object)
    n_lines = len(lines)
    if speeds_kmh is not None:
        speeds_kmh = np.asarray(speeds_kmh, dtype=np.float64)
        bad = ~(np.isfinite(speeds_kmh) & (speeds_kmh > 0))
        if bad.any():
            raise ValueError(f"speeds must be finite and > 0 (rows {np.flatnonzero(bad)[:10].tolist()})")
    oneway = np.zeros(n_lines, dtype=np.int8) if oneway is None else np.asarray(oneway, dtype=np.int8)

    valid = ~shapely.is_missing(lines)
    if valid.any():
        valid[valid] = ~shapely.is_empty(lines[valid])
    if (shapely.get_type_id(lines[valid]) == 1).all():  # LineStrings only: each is its own part
        parts, part_line = lines[valid], np.flatnonzero(valid).astype(np.int64)
    else:
        parts, part_line = shapely.get_parts(lines[valid], return_index=True)
        part_line = np.flatnonzero(valid)[part_line] if len(parts) else np.zeros(0, dtype=np.int64)
        keep = shapely.get_type_id(parts) == 1 if len(parts) else np.zeros(0, dtype=bool)  # LineStrings only
        parts, part_line = parts[keep], part_line[keep].astype(np.int64)
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

    if speeds_kmh is None:
        cost, unit = length.copy(), "m"
    else:
        cost, unit = length / (speeds_kmh[edge_line] * METRES_PER_MINUTE_PER_KMH), "min"
    direction = oneway[edge_line]
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


def _merge_vertices(coords, tolerance):
    """Node index of every vertex: exact twins are one node; with ``tolerance`` > 0, vertices
    closer than it are joined too (transitively, cKDTree pairs + connected components)."""
    if len(coords) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros((0, 2)), 0
    # lexicographic (x, y) order; a stable sort of x + iy is the same order as
    # np.lexsort((y, x)), about twice as fast
    order = np.argsort(coords[:, 0] + 1j * coords[:, 1], kind="stable")
    sx, sy = coords[:, 0][order], coords[:, 1][order]
    new = np.ones(len(coords), dtype=bool)
    new[1:] = (sx[1:] != sx[:-1]) | (sy[1:] != sy[:-1])
    group = np.cumsum(new) - 1
    node_of = np.empty(len(coords), dtype=np.int64)
    node_of[order] = group
    nodes = np.column_stack([sx[new], sy[new]])
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


def _csr(n, frm, to, cost_f, cost_b):
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


def components(network):
    """(count, label per node) of the network's weakly connected parts (direction ignored);
    parts are numbered in the order of their lowest node index."""
    if network._components is None:
        from scipy.sparse import coo_matrix
        from scipy.sparse.csgraph import connected_components

        # on the chains (each one edge between its end nodes); a through node is in its chain's part
        ch = _chains(network)
        n = network.n_nodes
        a, b = network.edge_from[ch["start"]], network.edge_to[ch["end"]]
        graph = coo_matrix((np.ones(len(a)), (a, b)), shape=(n, n))
        raw, label = connected_components(graph, directed=False)
        through = network.edge_from[ch["inner_edge"]]
        label[through] = label[a[ch["chain_of_edge"][ch["inner_edge"]]]]
        # renumber by lowest node index (as a search over the nodes in index order numbers them)
        lowest = np.full(raw, n, dtype=np.int64)
        lowest[label[::-1]] = np.arange(n)[::-1]
        used = np.flatnonzero(lowest < n)
        rank = np.full(raw, -1, dtype=np.int32)
        rank[used[np.argsort(lowest[used])]] = np.arange(len(used), dtype=np.int32)
        network._components = (len(used), rank[label])
    return network._components


def edge_lines(network, edges=None, f0=None, f1=None):
    """Shapely LineStrings of edges (all by default), or of their parts between fractions
    ``f0`` and ``f1`` (arrays, same length as ``edges``)."""
    import shapely

    edges = np.arange(network.n_edges) if edges is None else np.asarray(edges, dtype=np.int64)
    a, b = network.nodes[network.edge_from[edges]], network.nodes[network.edge_to[edges]]
    if f0 is not None:
        d = b - a
        a, b = a + d * np.asarray(f0)[:, None], a + d * np.asarray(f1)[:, None]
    return shapely.linestrings(np.stack([a, b], axis=1)) if len(edges) else np.zeros(0, dtype=object)


# ------------------------------------------------------------------------------------ locate

@dataclass
class Location:
    edge: np.ndarray  # (n,) int64, -1 when not snapped
    fraction: np.ndarray  # (n,) float64 along the edge in the digitising direction
    distance: np.ndarray  # (n,) float64 distance to the network (inf when it is empty)
    snapped: np.ndarray  # (n,) bool: within max_distance
    xy: np.ndarray  # (n, 2) the snapped point on the network (NaN when not snapped)


def _point_segment(px, py, ax, ay, bx, by):
    """Fraction of the nearest point on segment AB and the distance (vectorised)."""
    dx, dy = bx - ax, by - ay
    den = dx * dx + dy * dy
    with np.errstate(invalid="ignore", divide="ignore"):
        t = np.where(den > 0, ((px - ax) * dx + (py - ay) * dy) / den, 0.0)
    t = np.clip(t, 0.0, 1.0)
    return t, np.hypot(ax + t * dx - px, ay + t * dy - py)


def _expand_parts(network, pair_part):
    """Candidate edges of candidate parts: (index of the pair, edge) arrays."""
    start, stop = network.part_edge_start[pair_part], network.part_edge_start[pair_part + 1]
    counts = stop - start
    pair_of = np.repeat(np.arange(len(pair_part)), counts)
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    return pair_of, np.repeat(start, counts) + offsets


def locate(network, points_xy, max_distance=np.inf):
    """Snap points to the nearest point of the nearest segment (see the module docstring)."""
    import shapely

    xy = np.asarray(points_xy, dtype=np.float64).reshape(-1, 2)
    n = len(xy)
    edge = np.full(n, -1, dtype=np.int64)
    fraction = np.zeros(n)
    distance = np.full(n, np.inf)
    if n and network.n_edges:
        tree = network.part_tree()
        finite = np.isfinite(max_distance)
        point_idx, part_idx = tree.query_nearest(shapely.points(xy), max_distance=max_distance if finite else None,
                                                 all_matches=True)
        missing = np.setdiff1d(np.arange(n), point_idx)
        if finite and len(missing):  # how far the others are (for messages)
            extra_p, extra_part = tree.query_nearest(shapely.points(xy[missing]), all_matches=True)
            point_idx = np.concatenate([point_idx, missing[extra_p]])
            part_idx = np.concatenate([part_idx, extra_part])
        pair_of, cand = _expand_parts(network, part_idx)
        if len(cand):
            p = xy[point_idx[pair_of]]
            a, b = network.nodes[network.edge_from[cand]], network.nodes[network.edge_to[cand]]
            t, d = _point_segment(p[:, 0], p[:, 1], a[:, 0], a[:, 1], b[:, 0], b[:, 1])
            owner = point_idx[pair_of]
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


# ------------------------------------------------------------------------------------ search

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

    def node_cost(self):
        """Cost at the network's own nodes (N,)."""
        return self.cost[: self.network.n_nodes]

    def node_source(self):
        return self.source[: self.network.n_nodes]


def search(network, location, offsets=None, limit=None):
    """One multi-source Dijkstra from every snapped point with its own start offset."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import dijkstra

    n_points = len(location.edge)
    offsets = np.zeros(n_points) if offsets is None else np.asarray(offsets, dtype=np.float64).reshape(-1)
    if len(offsets) != n_points:
        raise ValueError("one offset per located point is needed")
    if np.any(~np.isfinite(offsets[location.snapped])) or np.any(offsets[location.snapped] < 0):
        raise ValueError("offsets must be finite and >= 0")
    n = network.n_nodes
    limit = np.inf if limit is None else float(limit)
    src = np.flatnonzero(location.snapped)
    e, t = location.edge[src], location.fraction[src]

    # sources at a segment's end start at its node; others split their segment
    at_start, at_end = t <= _END_EPS, t >= 1 - _END_EPS
    inner = ~(at_start | at_end)
    start_node = np.where(at_start, network.edge_from[e], network.edge_to[e]).astype(np.int64)
    # one split node per distinct (edge, fraction)
    ie, it = e[inner], t[inner]
    key_order = np.lexsort((it, ie))
    ie_s, it_s = ie[key_order], it[key_order]
    new = np.ones(len(ie_s), dtype=bool)
    new[1:] = (ie_s[1:] != ie_s[:-1]) | (it_s[1:] != it_s[:-1])
    split_id = np.cumsum(new) - 1
    split_edge, split_t = ie_s[new], it_s[new]
    n_split = len(split_edge)
    inner_node = np.empty(len(ie), dtype=np.int64)
    inner_node[key_order] = n + split_id
    start_node[inner] = inner_node

    # sub-edges of split segments: for edge with splits t1 < t2 < ...: [0,t1], [t1,t2], ..., [tk,1]
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

    is_split = np.zeros(network.n_edges, dtype=bool)
    is_split[split_edges_unique] = True
    plain = np.flatnonzero(~is_split)
    edge_base = np.concatenate([plain, seg_edge]).astype(np.int64)
    edge_f0 = np.concatenate([np.zeros(len(plain)), f0])
    edge_f1 = np.concatenate([np.ones(len(plain)), f1])
    edge_from = np.concatenate([network.edge_from[plain], frm]).astype(np.int64)
    edge_to = np.concatenate([network.edge_to[plain], to]).astype(np.int64)
    span = edge_f1 - edge_f0
    cost_forward = network.cost_forward[edge_base] * span
    cost_backward = network.cost_backward[edge_base] * span

    # graph: the network's matrix (split edges kept: they never give a cheaper path) plus the
    # sub-edges and one virtual node per source with an edge of weight offset + _SHIFT
    n_total = n + n_split + len(src)
    virtual = n + n_split + np.arange(len(src))
    sub = slice(len(plain), None)
    ok_f, ok_b = np.isfinite(cost_forward[sub]), np.isfinite(cost_backward[sub])
    rows = np.concatenate([frm[ok_f], to[ok_b], virtual])
    cols = np.concatenate([to[ok_f], frm[ok_b], start_node])
    data = np.concatenate([cost_forward[sub][ok_f], cost_backward[sub][ok_b], offsets[src] + _SHIFT])
    if len(src) == 0:
        cost = np.full(n + n_split, np.inf)
        source = np.full(n + n_split, -1, dtype=np.int64)
    else:
        found = None
        if n >= _CONTRACT_MIN_NODES:
            found = _contracted_search(network, n_total, rows, cols, data, split_edges_unique, start_node, virtual,
                                       limit + _SHIFT)
        if found is None:
            graph = _with_entries(network.matrix(), n_total, rows, cols, data)  # no duplicate pairs here
            dist, _pred, origin = dijkstra(graph, directed=True, indices=virtual, return_predecessors=True,
                                           min_only=True, limit=limit + _SHIFT)
        else:
            dist, origin = found
        cost = dist[: n + n_split] - _SHIFT
        origin = origin[: n + n_split].astype(np.int64)
        source = np.where(np.isfinite(cost) & (origin >= 0), src[np.clip(origin - (n + n_split), 0, None)], -1)
        cost[source < 0] = np.inf
    all_offsets = np.full(n_points, np.nan)
    all_offsets[src] = offsets[src]
    return SearchResult(network, cost, source, edge_base, edge_f0, edge_f1, edge_from, edge_to,
                        cost_forward, cost_backward, all_offsets, limit)


def _chains(network):
    """The network's chains (cached): runs of consecutive edges of one part whose inner nodes
    are "through" nodes — exactly two edges meet there, to two different nodes — cut after
    _CONTRACT_MAX_CHAIN edges. Every other node (junctions, line ends, part ends) is a key node."""
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
        begins |= (np.arange(n_edges) - first) % _CONTRACT_MAX_CHAIN == 0
        start = np.flatnonzero(begins)
        end = np.append(start[1:], n_edges) - 1
        chain_of_edge = np.cumsum(begins) - 1
        inner_edge = np.flatnonzero(~begins)  # the node before it is a through node of its chain
        node_chain = np.full(n_nodes, -1, dtype=np.int64)
        node_chain[network.edge_from[inner_edge]] = chain_of_edge[inner_edge]
        network._chains = dict(start=start, end=end, length=end - start + 1, chain_of_edge=chain_of_edge,
                               node_chain=node_chain, inner_edge=inner_edge,
                               w_forward=np.add.reduceat(network.cost_forward, start) if n_edges else np.zeros(0),
                               w_backward=np.add.reduceat(network.cost_backward, start) if n_edges else np.zeros(0))
    return network._chains


def _contracted_search(network, n_total, rows, cols, data, split_edges, start_node, virtual, limit):
    """``(dist, origin)`` exactly as ``dijkstra(graph, indices=virtual, min_only=True, ...)``
    gives them on the search graph (the network's matrix plus the entries rows/cols/data),
    computed on the contracted graph — each chain of through nodes one edge — or None when
    that cannot be shown to give the very same result (then the caller runs the plain search).

    Dijkstra's distances are sums of edge costs taken in path order (d(v) = d(u) + c, in
    floating point). On the contracted graph: (1) Dijkstra with each chain's summed cost
    gives a shortest-path tree; (2) the distances are recomputed along that tree edge by edge,
    in path order, and from them the through nodes' (the lower of the sums from either end
    of their chain); (3) every edge is checked: no d(u) + c is below d(v) (within the
    limit). Values that pass (3) and are each some path's sum are the plain search's values
    (rounding is monotone: an induction along either search's tree). The winning source is
    the one whose path gives the value; where paths from different sources tie exactly the
    plain search would decide by its visiting order: None then."""
    from scipy.sparse import coo_matrix, csr_matrix
    from scipy.sparse.csgraph import dijkstra

    n = network.n_nodes
    n_edges = network.n_edges
    ch = _chains(network)
    n_chains = len(ch["start"])
    # chains holding a split edge or passing a start node are used edge by edge
    expand = np.zeros(n_chains, dtype=bool)
    expand[ch["chain_of_edge"][split_edges]] = True
    on_network = start_node[start_node < n]
    passed = ch["node_chain"][on_network]
    expand[passed[passed >= 0]] = True
    kept = np.flatnonzero(~expand)
    if (ch["length"][kept] - 1).sum() < 0.3 * n:  # too few nodes saved
        return None
    single_edges = np.flatnonzero(expand[ch["chain_of_edge"]])
    cf, cb = network.cost_forward, network.cost_backward
    ef, et = network.edge_from, network.edge_to

    # paths of the contracted graph: kept chains both ways, then single edges
    a_node, b_node = ef[ch["start"][kept]], et[ch["end"][kept]]
    length = ch["length"][kept]
    s_tail = np.concatenate([ef[single_edges], et[single_edges], rows])
    s_head = np.concatenate([et[single_edges], ef[single_edges], cols])
    s_cost = np.concatenate([cf[single_edges], cb[single_edges], data])
    k, m = len(kept), len(s_tail)
    tail = np.concatenate([a_node, b_node, s_tail])
    head = np.concatenate([b_node, a_node, s_head])
    weight = np.concatenate([ch["w_forward"][kept], ch["w_backward"][kept], s_cost])
    # flat costs: path p's i-th cost is costs[offset[p] + step[p] * i]
    costs = np.concatenate([cf, cb, s_cost])
    offset = np.concatenate([ch["start"][kept], n_edges + ch["end"][kept], 2 * n_edges + np.arange(m)])
    step = np.concatenate([np.ones(k, dtype=np.int64), -np.ones(k, dtype=np.int64), np.zeros(m, dtype=np.int64)])
    plen = np.concatenate([length, length, np.ones(m, dtype=np.int64)])

    # (1) Dijkstra on the contracted graph (cheapest path per pair of nodes)
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
    origin = origin.astype(np.int64)
    reached = np.flatnonzero(np.isfinite(approx) & (pred >= 0))
    via = entry_path[np.searchsorted(entry_pair, pred[reached].astype(np.int64) * n_total + reached)]

    # (2) exact distances along the tree, level by level (depth by pointer doubling over the
    # tree's nodes: the reached ones, numbered 1.., and 0 for the roots)
    slot = np.zeros(n_total, dtype=np.int64)
    slot[reached] = np.arange(1, len(reached) + 1)
    up = np.concatenate([[0], slot[pred[reached]]])
    depth = np.concatenate([[0], np.ones(len(reached), dtype=np.int64)])
    while up.any():
        depth = depth + depth[up]
        up = up[up]
    depth = depth[1:]
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
    over = dist > limit
    dist[over] = np.inf
    origin[over] = -9999

    # (3) every path from its tail's exact distance: through nodes' values and the checks
    fwd_at = np.full(n_edges, np.inf)  # distance at edge e's end node, coming forward along its chain
    bwd_at = np.full(n_edges, np.inf)  # at edge e's start node, coming backward
    by_len = np.argsort(-length, kind="stable")
    v_f, v_b = dist[a_node[by_len]], dist[b_node[by_len]]
    e_f, e_b = ch["start"][kept][by_len], ch["end"][kept][by_len]
    len_sorted = length[by_len]
    for i in range(int(len_sorted[0]) if k else 0):
        act = k - int(np.searchsorted(len_sorted[::-1], i, side="right"))
        v_f, v_b = v_f[:act] + cf[e_f[:act] + i], v_b[:act] + cb[e_b[:act] - i]
        fwd_at[e_f[:act] + i] = v_f
        bwd_at[e_b[:act] - i] = v_b
    # through nodes of the kept chains: the node before each inner edge
    inner = ch["inner_edge"][~expand[ch["chain_of_edge"][ch["inner_edge"]]]]
    through = ef[inner]
    from_a, from_b = fwd_at[inner - 1], bwd_at[inner]
    chain_of = ch["chain_of_edge"][inner]
    src_a, src_b = origin[ef[ch["start"][chain_of]]], origin[et[ch["end"][chain_of]]]
    value = np.minimum(from_a, from_b)
    ok = np.isfinite(value) & (value <= limit)
    if np.any(ok & (from_a == from_b) & (src_a != src_b)):
        return None
    dist[through] = np.where(ok, value, np.inf)
    origin[through] = np.where(ok, np.where(from_a < from_b, src_a, src_b), -9999)
    # candidates at the key nodes: chain ends and single edges
    cand_node = np.concatenate([b_node, a_node, s_head])
    cand_value = np.concatenate([fwd_at[ch["end"][kept]], bwd_at[ch["start"][kept]], dist[s_tail] + s_cost])
    cand_src = np.concatenate([origin[a_node], origin[b_node], origin[s_tail]])
    live = np.flatnonzero(np.isfinite(cand_value) & (cand_value <= limit))
    cand_node, cand_value, cand_src = cand_node[live], cand_value[live], cand_src[live]
    target = dist[cand_node]
    if np.any(cand_value < target):  # a cheaper path than the tree's (or one to a node left out)
        return None
    tie = cand_value == target
    if np.any(cand_src[tie] != origin[cand_node[tie]]):
        return None
    return dist, origin


def _with_entries(base, n_total, rows, cols, data):
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


def cost_at(result, search_edge, x):
    """Cost and source at fraction ``x`` (0..1 of the search edge, from its f0 end) of search
    edges: the earlier of the arrival from either end (inf / -1 when neither reaches it)."""
    search_edge = np.asarray(search_edge, dtype=np.int64)
    x = np.asarray(x, dtype=np.float64)
    a, b = result.edge_from[search_edge], result.edge_to[search_edge]
    with np.errstate(invalid="ignore"):
        from_a = result.cost[a] + x * result.cost_forward[search_edge]
        from_b = result.cost[b] + (1.0 - x) * result.cost_backward[search_edge]
    from_a = np.where(np.isnan(from_a), np.inf, from_a)
    from_b = np.where(np.isnan(from_b), np.inf, from_b)
    use_a = from_a <= from_b
    cost = np.where(use_a, from_a, from_b)
    source = np.where(use_a, result.source[a], result.source[b])
    source = np.where(np.isfinite(cost), source, -1)
    return cost, source


@dataclass
class ReachedParts:
    """Reached pieces of network edges (see ``reached_parts``)."""

    edge: np.ndarray  # network edge
    f0: np.ndarray  # lower fraction along the edge (digitising direction)
    f1: np.ndarray  # upper fraction
    source: np.ndarray
    cost_near: np.ndarray  # cost where the piece is entered
    cost_far: np.ndarray  # cost at the piece's far end (the cut point when the limit ends it)
    forward: np.ndarray  # bool: travelled from f0 to f1
    search_edge: np.ndarray

    def __len__(self):
        return len(self.edge)

    def length(self, network):
        return network.edge_length[self.edge] * (self.f1 - self.f0)

    def lines(self, network):
        return edge_lines(network, self.edge, self.f0, self.f1)


def reached_parts(result, limit=None):
    """Reached part of every edge, cut at equal-time points and at ``limit`` (module docstring)."""
    return reached_parts_at(result, [limit])[0]


def reached_parts_at(result, limits):
    """``[reached_parts(result, limit) for limit in limits]``, sharing the work they have in
    common (the costs at both ends and the equal-time points)."""
    da, db = result.cost[result.edge_from], result.cost[result.edge_to]
    cf, cb = result.cost_forward, result.cost_backward
    fa = np.isfinite(da) & np.isfinite(cf)
    fb = np.isfinite(db) & np.isfinite(cb)
    with np.errstate(invalid="ignore", divide="ignore"):
        meet = np.where(fa & fb, (db + cb - da) / (cf + cb), np.where(fa, 1.0, 0.0))
        meet = np.clip(np.nan_to_num(meet, nan=0.0), 0.0, 1.0)
    span = result.edge_f1 - result.edge_f0
    out = []
    for limit in limits:
        limit = result.limit if limit is None else min(float(limit), result.limit)
        va = fa & (da <= limit)
        vb = fb & (db <= limit)
        with np.errstate(invalid="ignore", divide="ignore"):
            xa = np.minimum(meet, (limit - da) / cf) if np.isfinite(limit) else meet
            xb = np.maximum(meet, 1.0 - (limit - db) / cb) if np.isfinite(limit) else meet
        xa = np.where(va, np.clip(np.nan_to_num(xa, nan=0.0), 0.0, 1.0), 0.0)
        xb = np.where(vb, np.clip(np.nan_to_num(xb, nan=1.0), 0.0, 1.0), 1.0)
        ia = np.flatnonzero(va & (xa > 0))
        ib = np.flatnonzero(vb & (xb < 1))
        f0 = np.concatenate([result.edge_f0[ia], result.edge_f0[ib] + xb[ib] * span[ib]])
        f1 = np.concatenate([result.edge_f0[ia] + xa[ia] * span[ia], result.edge_f1[ib]])
        search_edge = np.concatenate([ia, ib])
        out.append(ReachedParts(
            edge=result.edge_base[search_edge], f0=f0, f1=f1,
            source=np.concatenate([result.source[result.edge_from[ia]], result.source[result.edge_to[ib]]]),
            cost_near=np.concatenate([da[ia], db[ib]]),
            cost_far=np.concatenate([da[ia] + xa[ia] * cf[ia], db[ib] + (1.0 - xb[ib]) * cb[ib]]),
            forward=np.concatenate([np.ones(len(ia), dtype=bool), np.zeros(len(ib), dtype=bool)]),
            search_edge=search_edge))
    return out


def _search_edges_of(result):
    """(order, start) so that the search edges of network edge e are order[start[e]:start[e+1]]."""
    order = np.argsort(result.edge_base, kind="stable")
    start = np.searchsorted(result.edge_base[order], np.arange(result.network.n_edges + 1))
    return order, start


def _candidate_pairs(result, geometries, distance):
    """(target, network edge) pairs whose edge may lie within ``distance`` of the target."""
    network = result.network
    tree = network.part_tree()
    target_idx, part_idx = tree.query(geometries, predicate="dwithin", distance=distance)
    pair_of, edge = _expand_parts(network, part_idx)
    return target_idx[pair_of], edge


def earliest_within(result, targets, distance, limit=None):
    """Lowest cost at any reached road point within ``distance`` of each target (an (n, 2)
    array of points or an array of shapely geometries) and its source: the land rule of the
    reach analysis (the off-road leg costs nothing). ``inf`` / -1 where none is that near
    (or, with ``limit``, none that near is reached within the limit)."""
    import shapely

    network = result.network
    limit = result.limit if limit is None else min(float(limit), result.limit)
    if isinstance(targets, np.ndarray) and targets.dtype != object:
        xy = np.asarray(targets, dtype=np.float64).reshape(-1, 2)
        geometries, points = shapely.points(xy), True
    else:
        geometries = np.asarray(targets, dtype=object)
        xy, points = None, False
    n = len(geometries)
    best_cost, best_source = np.full(n, np.inf), np.full(n, -1, dtype=np.int64)
    if n == 0 or network.n_edges == 0:
        return best_cost, best_source
    tgt, edge = _candidate_pairs(result, geometries, distance)
    if len(tgt) == 0:
        return best_cost, best_source
    a, b = network.nodes[network.edge_from[edge]], network.nodes[network.edge_to[edge]]
    d = b - a
    dd = np.einsum("ij,ij->i", d, d)
    if points:
        p = xy[tgt]
        xc = np.einsum("ij,ij->i", p - a, d) / dd
        foot = a + d * xc[:, None]
        h2 = np.einsum("ij,ij->i", p - foot, p - foot)
        half = np.sqrt(np.maximum(distance * distance - h2, 0.0) / dd)
        lo, hi = np.clip(xc - half, 0.0, 1.0), np.clip(xc + half, 0.0, 1.0)
        ok = np.flatnonzero((h2 <= distance * distance) & (lo <= hi))
        iv_pair, iv_lo, iv_hi = ok, lo[ok], hi[ok]
    else:  # each piece of the edge inside the target's zone is one interval
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
        iv_pair, iv_lo, iv_hi = piece_pair[keep], iv_lo[keep], iv_hi[keep]
    # each interval against each search edge of its network edge; the cost along a search
    # edge is concave (min of two linear functions), so its minimum is at an interval end
    order, start = _search_edges_of(result)
    e = edge[iv_pair]
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
    target = tgt[iv_pair][rep]
    order2 = np.lexsort((cost, target))
    first = np.ones(len(order2), dtype=bool)
    first[1:] = target[order2][1:] != target[order2][:-1]
    pick = order2[first]
    best_cost[target[pick]] = cost[pick]
    best_source[target[pick]] = source[pick]
    return best_cost, best_source

