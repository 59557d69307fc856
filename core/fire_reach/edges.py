"""The reached roads as features: one per (road, station), its reached pieces merged."""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from .. import network as nw
from ..garbage_collector import collector_paused
from ..network import ReachedParts, RoadNetwork

if TYPE_CHECKING:
    import geopandas as gpd


def edges_frame(net: RoadNetwork, parts: ReachedParts, station_ids: np.ndarray,
                roads_index: npt.ArrayLike | None = None) -> gpd.GeoDataFrame:
    """One feature per (road, station): the reached parts of that road, merged where contiguous.

    The pieces of a (road, station) group that follow each other along one part of the road,
    each starting exactly where the previous one ends, are joined directly into one line;
    that is what ``shapely.line_merge`` gives for them (a simple chain of lines, all in the
    digitising direction). Other groups (gaps between pieces, several parts, parts passing a
    vertex twice, pieces of zero length) go through ``line_merge`` as they are."""
    import geopandas as gpd

    n_key = len(station_ids) + 1
    n = len(parts)
    line = net.edge_line[parts.edge]
    key = line * n_key + parts.source
    order = np.argsort(key, kind="stable")  # the pieces come as a few sorted runs: cheap
    key_sorted = key[order]
    new = np.ones(n, dtype=bool)
    new[1:] = key_sorted[1:] != key_sorted[:-1]
    uniq = key_sorted[new]
    group = np.cumsum(new) - 1
    starts = np.flatnonzero(new)
    n_groups = len(uniq)
    if n:
        entry = np.minimum.reduceat(parts.cost_near[order], starts)
        arrival = np.maximum.reduceat(parts.cost_far[order], starts)
    else:
        entry = arrival = np.zeros(0)
    # the sum in the same order and with the same (compensated) summation as before
    length = _group_sums(parts.length(net)[order], starts)

    geometry = _group_geometries(net, parts, key, order, group, n_groups)
    road_row = (uniq // n_key).astype(np.int64)
    source = (uniq % n_key).astype(np.int64)
    road_fid = np.asarray(roads_index)[road_row] if roads_index is not None else road_row
    return gpd.GeoDataFrame({
        "road_fid": np.asarray(road_fid, dtype=np.int64), "station_id": station_ids[source],
        "arrival_min": arrival, "entry_min": entry, "length_m": length},
        geometry=geometry if n_groups else np.zeros(0, dtype=object))


def _group_geometries(net: RoadNetwork, parts: ReachedParts, key: np.ndarray, order: np.ndarray, group: np.ndarray,
                      n_groups: int) -> np.ndarray:
    """One MultiLineString per (road, station) group (``order``: the pieces sorted by ``key``;
    ``group``: the group of each sorted piece): simple chains joined directly, the rest through
    ``line_merge`` (see ``edges_frame``)."""
    import shapely

    n = len(parts)
    geometry = np.array([None] * n_groups, dtype=object)
    if not n:
        return geometry
    along = _along_road_order(net, parts)
    pos = along[np.argsort(key[along], kind="stable")]  # by group, then along the road
    group_of = np.empty(n, dtype=np.int64)
    group_of[order] = group
    e = parts.edge[pos]
    # the pieces' ends, as edge_lines computes them (a + (b - a) * f)
    ax, ay = net.nodes[:, 0][net.edge_from[e]], net.nodes[:, 1][net.edge_from[e]]
    dx, dy = net.nodes[:, 0][net.edge_to[e]] - ax, net.nodes[:, 1][net.edge_to[e]] - ay
    f0, f1 = parts.f0[pos], parts.f1[pos]
    x0, y0, x1, y1 = ax + dx * f0, ay + dy * f0, ax + dx * f1, ay + dy * f1
    # line_merge ignores pieces whose ends coincide (rounding leaves a few at edge ends)
    real = np.flatnonzero((x0 != x1) | (y0 != y1))
    pos, e, x0, y0, x1, y1 = pos[real], e[real], x0[real], y0[real], x1[real], y1[real]
    gid = group_of[pos]
    m = len(pos)
    first = np.ones(m, dtype=bool)
    first[1:] = gid[1:] != gid[:-1]
    part = net.edge_part[e]
    joins = np.zeros(m, dtype=bool)
    joins[1:] = (x1[:-1] == x0[1:]) & (y1[:-1] == y0[1:]) & (part[1:] == part[:-1])
    bad = (~first & ~joins) | ~_simple_parts(net)[part]
    bad_group = np.ones(n_groups, dtype=bool)
    bad_group[gid] = False  # groups of zero-length pieces only: as before
    bad_group[gid[bad]] = True
    # simple chains: the start of every piece, then the end of the last one
    sel = np.flatnonzero(~bad_group[gid])
    if len(sel):
        gs = gid[sel]
        ends = np.ones(len(sel), dtype=bool)
        ends[:-1] = gs[1:] != gs[:-1]
        at = np.arange(len(sel)) + np.cumsum(ends) - ends
        coords = np.empty((len(sel) + int(ends.sum()), 2))
        coords[at, 0], coords[at, 1] = x0[sel], y0[sel]
        coords[at[ends] + 1, 0], coords[at[ends] + 1, 1] = x1[sel][ends], y1[sel][ends]
        simple = np.flatnonzero(~bad_group)
        line_start = np.append(at[np.flatnonzero(np.r_[True, ends[:-1]])], len(coords))
        with collector_paused():
            geometry[simple] = shapely.from_ragged_array(shapely.GeometryType.MULTILINESTRING, coords,
                                                         (line_start, np.arange(len(simple) + 1)))
    if bad_group.any():
        # the rest as before: line_merge of the pieces, in the pieces' order
        keep = bad_group[group]
        rest = np.flatnonzero(bad_group)
        rest_id = np.searchsorted(rest, group[keep])
        which = order[keep]
        pieces = nw.edge_lines(net, parts.edge[which], parts.f0[which], parts.f1[which])
        merged = shapely.line_merge(shapely.multilinestrings(pieces, indices=rest_id))
        geometry[rest] = _as_multilines(merged, len(rest))
    return geometry


def _group_sums(values: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Sum of values[starts[i]:starts[i + 1]] for each group, as pandas' groupby sum gives it
    (Kahan-compensated, in order): one step per position within the groups, over all groups
    that long at once; groups longer than 64 (few) through pandas itself."""
    import pandas as pd

    n_groups = len(starts)
    if n_groups == 0:
        return np.zeros(0)
    size = np.diff(np.append(starts, len(values)))
    total = np.zeros(n_groups)
    small = np.flatnonzero(size <= 64)
    order = small[np.argsort(-size[small].astype(np.int16), kind="stable")]  # small ints: a radix sort
    first, count = starts[order], size[order]
    s, c = np.zeros(len(order)), np.zeros(len(order))
    for i in range(int(count[0]) if len(order) else 0):
        m = len(order) - int(np.searchsorted(count[::-1], i, side="right"))  # groups longer than i
        y = values[first[:m] + i] - c[:m]
        t = s[:m] + y
        c[:m] = (t - s[:m]) - y
        s[:m] = t
    total[order] = s
    large = np.flatnonzero(size > 64)
    if len(large):
        which = np.repeat(large, size[large])
        at = np.repeat(starts[large], size[large]) + (np.arange(len(which)) - np.repeat(np.cumsum(size[large])
                                                                                       - size[large], size[large]))
        total[large] = pd.Series(values[at]).groupby(which).sum().to_numpy()
    return total


def _along_road_order(net: RoadNetwork, parts: ReachedParts) -> np.ndarray:
    """Order of the pieces by (edge, f0). ``reached_parts`` lists the pieces by search edge,
    first those entered at f0, then those entered at f1, so a stable sort by edge is already
    in f0 order on every edge but those split at a station: these are sorted by f0 explicitly."""
    order = np.argsort(parts.edge, kind="stable")
    e, f0 = parts.edge[order], parts.f0[order]
    unordered = np.flatnonzero((e[1:] == e[:-1]) & (f0[1:] < f0[:-1]))
    if len(unordered):
        fix = np.zeros(net.n_edges, dtype=bool)
        fix[e[unordered]] = True
        at = np.flatnonzero(fix[e])
        sub = order[at]
        order[at] = sub[np.lexsort((parts.f0[sub], parts.edge[sub]))]
    return order


def _simple_parts(net: RoadNetwork) -> np.ndarray:
    """Per road part: True when no node occurs twice along it (not closed, not touching itself)."""
    n_parts = len(net.part_edge_start) - 1
    count = np.diff(net.part_edge_start)
    simple = np.ones(n_parts, dtype=bool)
    # a part of one edge never repeats a node (edges join two different nodes): only longer
    # parts are looked at (on a network of single-segment roads: none)
    has = np.flatnonzero(count > 1)
    if not len(has):
        return simple
    edges = np.repeat(net.part_edge_start[has], count[has]) + (np.arange(int(count[has].sum()))
                                                               - np.repeat(np.cumsum(count[has]) - count[has],
                                                                           count[has]))
    seq_node = np.concatenate([net.edge_from[edges], net.edge_to[net.part_edge_start[has + 1] - 1]])
    seq_part = np.concatenate([net.edge_part[edges], has])
    seen = np.bincount(seq_node, minlength=net.n_nodes)
    cand = seen[seq_node] > 1  # only nodes met more than once anywhere can repeat in a part
    pair = np.sort(seq_part[cand] * np.int64(net.n_nodes) + seq_node[cand])
    repeated = pair[1:][pair[1:] == pair[:-1]] // net.n_nodes
    simple[repeated] = False
    return simple


def _as_multilines(geoms: np.ndarray, count: int | None = None) -> np.ndarray:
    """MultiLineStrings of the parts of each geometry (empty where a geometry has none)."""
    import shapely

    count = len(geoms) if count is None else count
    if count == 0:
        return np.zeros(0, dtype=object)
    parts, idx = shapely.get_parts(geoms, return_index=True)
    out = np.array([shapely.MultiLineString()] * count, dtype=object)
    if len(parts):
        uniq = np.unique(idx)
        out[uniq] = shapely.multilinestrings(parts, indices=np.searchsorted(uniq, idx))
    return out
