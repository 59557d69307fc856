"""The reached roads as time bands: one feature per (station, band) — a compact alternative to
one feature per road (OUTPUT_EDGES_BANDS).

A band of width B minutes (BAND_MIN) holds the road points first reached by that station at a
time t since the dispatch order with k·B ≤ t < (k + 1)·B (the lower bound included, as
everywhere), the last band ending at the time limit. Time grows linearly along each reached
piece (from its entry cost to its far cost), so a piece is cut exactly where it crosses a band
boundary; the pieces of one (station, band) are merged into lines where they join.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .. import network as nw
from ..network import ReachedParts, RoadNetwork
from .edges import _as_multilines

if TYPE_CHECKING:
    import geopandas as gpd


def band_pieces(parts: ReachedParts, band_min: float) -> tuple[np.ndarray, ...]:
    """The reached pieces cut at the band boundaries: (piece, band, fraction from, fraction to)
    per sub-piece, fractions of the network edge (from < to)."""
    near, far = parts.cost_near, parts.cost_far
    first = np.floor(near / band_min).astype(np.int64)
    cuts = np.maximum(np.ceil(far / band_min).astype(np.int64) - 1 - first, 0)  # boundaries strictly inside
    count = cuts + 1
    piece = np.repeat(np.arange(len(parts)), count)
    k = np.arange(len(piece)) - np.repeat(np.cumsum(count) - count, count)
    band = first[piece] + k
    t0 = np.maximum(near[piece], band * band_min)
    t1 = np.minimum(far[piece], (band + 1) * band_min)
    dt = (far - near)[piece]
    with np.errstate(invalid="ignore", divide="ignore"):
        s0 = np.where(dt > 0, (t0 - near[piece]) / dt, 0.0)
        s1 = np.where(dt > 0, (t1 - near[piece]) / dt, 1.0)
    f0, f1 = parts.f0[piece], parts.f1[piece]
    span = f1 - f0
    forward = parts.forward[piece]
    a = np.where(forward, f0 + s0 * span, f1 - s0 * span)
    b = np.where(forward, f0 + s1 * span, f1 - s1 * span)
    return piece, band, np.minimum(a, b), np.maximum(a, b)


def edge_bands_frame(net: RoadNetwork, parts: ReachedParts, station_ids: np.ndarray, band_min: float,
                     time_limit: float) -> gpd.GeoDataFrame:
    """One MultiLineString per (station, band) reached: station_id, band_from_min, band_to_min,
    length_m; ordered by station, then band."""
    import geopandas as gpd
    import shapely

    piece, band, lo, hi = band_pieces(parts, band_min)
    keep = hi > lo
    piece, band, lo, hi = piece[keep], band[keep], lo[keep], hi[keep]
    source = parts.source[piece]
    key = source * (int(band.max(initial=0)) + 1) + band
    order = np.argsort(key, kind="stable")
    uniq, group = np.unique(key[order], return_inverse=True)
    edge = parts.edge[piece][order]
    lines = nw.edge_lines(net, edge, lo[order], hi[order])
    length = np.bincount(group, weights=net.edge_length[edge] * (hi - lo)[order], minlength=len(uniq))
    merged = shapely.line_merge(shapely.multilinestrings(lines, indices=group)) if len(lines) else lines
    first = np.searchsorted(group, np.arange(len(uniq)))
    group_band = band[order][first]
    return gpd.GeoDataFrame({
        "station_id": station_ids[source[order][first]],
        "band_from_min": group_band * float(band_min),
        "band_to_min": np.minimum((group_band + 1) * float(band_min), float(time_limit)),
        "length_m": length}, geometry=_as_multilines(merged, len(uniq)) if len(uniq) else np.zeros(0, dtype=object))
