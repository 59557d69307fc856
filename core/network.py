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
    take no part. ``limit`` stops the search beyond that cost (offset included).
``reached_parts(result, limit=None) -> ReachedParts``
    the reached part of every edge: each edge is entered from either end (respecting one-way
    rules) and from any source on it; where two arrivals meet on an edge it is cut at the
    equal-time point, and with ``limit`` it is cut exactly where the cost reaches the limit.
    Arrays ``edge``, ``f0``/``f1`` (fractions along the edge, f0 < f1), ``source``,
    ``cost_near``/``cost_far`` (cost at the entry end and at the far end of the piece),
    ``forward`` (travelled in the digitising direction). ``parts.lines(network)`` builds
    shapely LineStrings.
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

    valid = np.array([g is not None for g in lines], dtype=bool)
    if valid.any():
        valid[valid] = ~shapely.is_empty(lines[valid])
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
    length = np.hypot(*(nodes[b] - nodes[a]).T)
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
    order = np.lexsort((coords[:, 1], coords[:, 0]))
    sorted_xy = coords[order]
    new = np.ones(len(coords), dtype=bool)
    new[1:] = np.any(sorted_xy[1:] != sorted_xy[:-1], axis=1)
    group = np.cumsum(new) - 1
    node_of = np.empty(len(coords), dtype=np.int64)
    node_of[order] = group
    nodes = sorted_xy[new]
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
    """CSR of the allowed directed edges; between two nodes the cheapest edge is kept."""
    from scipy.sparse import csr_matrix

    ok_f, ok_b = np.isfinite(cost_f), np.isfinite(cost_b)
    rows = np.concatenate([frm[ok_f], to[ok_b]])
    cols = np.concatenate([to[ok_f], frm[ok_b]])
    data = np.concatenate([cost_f[ok_f], cost_b[ok_b]])
    order = np.lexsort((data, cols, rows))
    rows, cols, data = rows[order], cols[order], data[order]
    first = np.ones(len(rows), dtype=bool)
    first[1:] = (rows[1:] != rows[:-1]) | (cols[1:] != cols[:-1])
    rows, cols, data = rows[first], cols[first], data[first]
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
    # explicit entries are edges for csgraph even when 0 (they never are here: lengths > 0)
    return csr_matrix((data, cols.astype(np.int32), indptr.astype(np.int32)), shape=(n, n))


def components(network):
    """(count, label per node) of the network's weakly connected parts (direction ignored)."""
    if network._components is None:
        from scipy.sparse.csgraph import connected_components

        network._components = connected_components(network.matrix(), directed=True, connection="weak")
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
    base = network.matrix().tocoo()
    ok_f, ok_b = np.isfinite(cost_forward[sub]), np.isfinite(cost_backward[sub])
    rows = np.concatenate([base.row, frm[ok_f], to[ok_b], virtual])
    cols = np.concatenate([base.col, to[ok_f], frm[ok_b], start_node])
    data = np.concatenate([base.data, cost_forward[sub][ok_f], cost_backward[sub][ok_b], offsets[src] + _SHIFT])
    graph = csr_matrix((data, (rows, cols)), shape=(n_total, n_total))  # no duplicate pairs here
    if len(src) == 0:
        cost = np.full(n + n_split, np.inf)
        source = np.full(n + n_split, -1, dtype=np.int64)
    else:
        dist, _pred, origin = dijkstra(graph, directed=True, indices=virtual, return_predecessors=True,
                                       min_only=True, limit=limit + _SHIFT)
        cost = dist[: n + n_split] - _SHIFT
        origin = origin[: n + n_split].astype(np.int64)
        source = np.where(np.isfinite(cost) & (origin >= 0), src[np.clip(origin - (n + n_split), 0, None)], -1)
        cost[source < 0] = np.inf
    all_offsets = np.full(n_points, np.nan)
    all_offsets[src] = offsets[src]
    return SearchResult(network, cost, source, edge_base, edge_f0, edge_f1, edge_from, edge_to,
                        cost_forward, cost_backward, all_offsets, limit)


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
    limit = result.limit if limit is None else min(float(limit), result.limit)
    da, db = result.cost[result.edge_from], result.cost[result.edge_to]
    cf, cb = result.cost_forward, result.cost_backward
    va = np.isfinite(da) & np.isfinite(cf) & (da <= limit)
    vb = np.isfinite(db) & np.isfinite(cb) & (db <= limit)
    both = np.isfinite(da) & np.isfinite(cf) & np.isfinite(db) & np.isfinite(cb)
    with np.errstate(invalid="ignore", divide="ignore"):
        meet = np.where(both, (db + cb - da) / (cf + cb), np.where(np.isfinite(da) & np.isfinite(cf), 1.0, 0.0))
        meet = np.clip(np.nan_to_num(meet, nan=0.0), 0.0, 1.0)
        xa = np.minimum(meet, (limit - da) / cf) if np.isfinite(limit) else meet
        xb = np.maximum(meet, 1.0 - (limit - db) / cb) if np.isfinite(limit) else meet
    xa = np.where(va, np.clip(np.nan_to_num(xa, nan=0.0), 0.0, 1.0), 0.0)
    xb = np.where(vb, np.clip(np.nan_to_num(xb, nan=1.0), 0.0, 1.0), 1.0)
    ia = np.flatnonzero(va & (xa > 0))
    ib = np.flatnonzero(vb & (xb < 1))
    span = result.edge_f1 - result.edge_f0
    f0 = np.concatenate([result.edge_f0[ia], result.edge_f0[ib] + xb[ib] * span[ib]])
    f1 = np.concatenate([result.edge_f0[ia] + xa[ia] * span[ia], result.edge_f1[ib]])
    search_edge = np.concatenate([ia, ib])
    return ReachedParts(
        edge=result.edge_base[search_edge], f0=f0, f1=f1,
        source=np.concatenate([result.source[result.edge_from[ia]], result.source[result.edge_to[ib]]]),
        cost_near=np.concatenate([da[ia], db[ib]]),
        cost_far=np.concatenate([da[ia] + xa[ia] * cf[ia], db[ib] + (1.0 - xb[ib]) * cb[ib]]),
        forward=np.concatenate([np.ones(len(ia), dtype=bool), np.zeros(len(ib), dtype=bool)]),
        search_edge=search_edge)


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

