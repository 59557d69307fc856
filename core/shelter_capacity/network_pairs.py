"""Walking-distance pairs (population feature, shelter) on the road network, for METHOD 2.

A thin adapter on ``core.network`` (the graph of the fire-station reach): the road graph is
built by ``build_network`` (cost = metres, no one-way rules: people walk both ways) and points
enter it with ``locate`` (nearest point of the nearest segment). ``network.search`` keeps only
the nearest source per node (``min_only``); 2SFCA needs *every* shelter within reach of every
resident, so this module runs bounded Dijkstra searches from the shelters in batches:

* each shelter is a virtual node with edges to both ends of its segment (off-road leg +
  distance along the segment);
* each population point is a virtual sink node with edges from both ends of its segment;
  a point on the same segment as a shelter also gets a direct edge (the distance between them
  along the segment, plus both legs);
* ``scipy.sparse.csgraph.dijkstra(indices=<a batch of shelters>, limit=<largest radius in the
  batch>)`` — each batch's distance rows are (batch × nodes) dense, so the batch size bounds
  memory (``batch_elements``); pairs within each shelter's own radius (inclusive) are kept.

Walking distance = leg from the population centroid to the road + along the roads + leg from
the road to the shelter centroid (the off-road legs are walked, so they count). Points farther
than the largest radius from every road cannot reach anything and are not snapped. Roads of the
classes in ``NOT_WALKABLE_CLASSES`` (expressways) are left out by the caller (``walkable``).
"""
from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import sparse
from scipy.sparse.csgraph import dijkstra

from ..ledger.codes import read_codes
from ..network import RoadNetwork, build_network, locate
from ..standards.shelters import NOT_WALKABLE_CLASSES  # road classes people do not walk along

WalkingPairs = Callable[[np.ndarray, np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray, np.ndarray]]
_SHIFT = 1.0  # added to every virtual edge so that no edge weighs 0 (csgraph drops zero weights)


def walkable(road_classes: npt.ArrayLike) -> np.ndarray:
    """Boolean mask of the roads people may walk along (class, read through the code table — 高速公路,
    motorway … — not in NOT_WALKABLE_CLASSES; no or an unknown class = yes)."""
    codes = read_codes("roads", "class", np.asarray(road_classes, dtype=object)).codes
    return ~np.isin(codes, NOT_WALKABLE_CLASSES)


def walking_pairs(network: RoadNetwork, demand_xy: npt.ArrayLike, supply_xy: npt.ArrayLike, radius: npt.ArrayLike,
                  batch_elements: int = 10_000_000, progress: Callable[[float], Any] | None = None,
                  stats: dict[str, int] | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(demand_index, supply_index, walking distance in m) for every pair with distance ≤ the
    supply's radius (m; scalar or one per supply; inclusive). ``network``: a RoadNetwork with cost in metres.
    ``progress(fraction)`` after each batch (may raise to cancel). ``stats`` (a dict) receives
    counts of points not on the network."""
    demand_xy = np.asarray(demand_xy, dtype=np.float64).reshape(-1, 2)
    supply_xy = np.asarray(supply_xy, dtype=np.float64).reshape(-1, 2)
    radius = np.broadcast_to(np.asarray(radius, dtype=np.float64), (len(supply_xy),)).copy()
    empty = (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0))
    if network.unit != "m":
        raise ValueError("walking distance needs a network costed in metres (no speeds)")
    if len(demand_xy) == 0 or len(supply_xy) == 0 or network.n_edges == 0:
        if stats is not None:
            stats.update(demand_off_network=len(demand_xy), supply_off_network=len(supply_xy))
        return empty
    r_max = float(radius.max())
    loc_d = locate(network, demand_xy, max_distance=r_max)
    loc_s = locate(network, supply_xy, max_distance=r_max)
    if stats is not None:
        stats.update(demand_off_network=int((~loc_d.snapped).sum()), supply_off_network=int((~loc_s.snapped).sum()))
    n = network.n_nodes
    n_s, n_d = len(supply_xy), len(demand_xy)
    s_node = n + np.arange(n_s)  # virtual shelter nodes
    d_node = n + n_s + np.arange(n_d)  # virtual population nodes
    length = network.edge_length

    rows, cols, data = [], [], []
    s_ok = np.flatnonzero(loc_s.snapped)
    e, t, leg = loc_s.edge[s_ok], loc_s.fraction[s_ok], loc_s.distance[s_ok]
    rows += [s_node[s_ok], s_node[s_ok]]
    cols += [network.edge_from[e], network.edge_to[e]]
    data += [leg + t * length[e] + _SHIFT, leg + (1 - t) * length[e] + _SHIFT]
    d_ok = np.flatnonzero(loc_d.snapped)
    e, t, leg = loc_d.edge[d_ok], loc_d.fraction[d_ok], loc_d.distance[d_ok]
    rows += [network.edge_from[e], network.edge_to[e]]
    cols += [d_node[d_ok], d_node[d_ok]]
    data += [leg + t * length[e] + _SHIFT, leg + (1 - t) * length[e] + _SHIFT]
    # same segment: the direct way along it (the way round through the ends is in the graph anyway)
    si, di = _same_edge_pairs(loc_s.edge[s_ok], loc_d.edge[d_ok])
    si, di = s_ok[si], d_ok[di]
    if len(si):
        e = loc_s.edge[si]
        direct = (loc_s.distance[si] + np.abs(loc_s.fraction[si] - loc_d.fraction[di]) * length[e]
                  + loc_d.distance[di] + 2 * _SHIFT)
        rows.append(s_node[si])
        cols.append(d_node[di])
        data.append(direct)
    base = network.matrix().tocoo()
    n_total = n + n_s + n_d
    graph = sparse.csr_matrix((np.concatenate([base.data, *data]),
                               (np.concatenate([base.row, *rows]), np.concatenate([base.col, *cols]))),
                              shape=(n_total, n_total))

    order = s_ok[np.argsort(radius[s_ok], kind="stable")]  # similar radii share a batch limit
    batch = max(1, int(batch_elements // max(n_total, 1)))
    out_d, out_s, out_v = [], [], []
    for start in range(0, len(order), batch):
        chunk = order[start:start + batch]
        limit = float(radius[chunk].max()) + 2 * _SHIFT
        dist = dijkstra(graph, directed=True, indices=s_node[chunk], limit=limit * (1 + 1e-12))
        walk = dist[:, n + n_s:] - 2 * _SHIFT  # (batch × n_d)
        k, j = np.nonzero(walk <= radius[chunk][:, None])
        out_s.append(chunk[k])
        out_d.append(j)
        out_v.append(walk[k, j])
        del dist, walk
        if progress is not None:
            progress(min(1.0, (start + len(chunk)) / len(order)))
    if not out_d:
        return empty
    return (np.concatenate(out_d).astype(np.int64), np.concatenate(out_s).astype(np.int64),
            np.concatenate(out_v))


def _same_edge_pairs(edges_s: np.ndarray, edges_d: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (into edges_s, edges_d) with equal edges."""
    order_d = np.argsort(edges_d, kind="stable")
    sorted_d = edges_d[order_d]
    lo = np.searchsorted(sorted_d, edges_s, side="left")
    hi = np.searchsorted(sorted_d, edges_s, side="right")
    count = hi - lo
    si = np.repeat(np.arange(len(edges_s)), count)
    offsets = np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)
    di = order_d[np.repeat(lo, count) + offsets]
    return si, di


def network_pairs_function(road_geoms: npt.ArrayLike, node_tolerance: float = 0.0, batch_elements: int = 10_000_000,
                           progress: Callable[[float], Any] | None = None,
                           stats: dict[str, int] | None = None) -> WalkingPairs:
    """A ``network_pairs(demand_xy, supply_xy, radius)`` callable for ``analyse_shelters`` on the
    walking network of ``road_geoms`` (shapely lines in the analysis CRS)."""
    network = build_network(road_geoms, speeds_kmh=None, oneway=None, node_tolerance=node_tolerance)
    if stats is not None:
        stats.update(nodes=network.n_nodes, edges=network.n_edges)

    def pairs(demand_xy: np.ndarray, supply_xy: np.ndarray,
              radius: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``walking_pairs`` on this walking network."""
        return walking_pairs(network, demand_xy, supply_xy, radius, batch_elements=batch_elements,
                             progress=progress, stats=stats)

    return pairs
