"""The reached part of every edge: cut where two arrivals meet and where the limit runs out."""
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .graph import RoadNetwork, edge_lines
from .multi_source import SearchResult


def cost_at(result: SearchResult, search_edge: npt.ArrayLike, x: npt.ArrayLike) -> tuple[np.ndarray, np.ndarray]:
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
    source: np.ndarray  # index of the located point arriving first
    cost_near: np.ndarray  # cost where the piece is entered
    cost_far: np.ndarray  # cost at the piece's far end (the cut point when the limit ends it)
    forward: np.ndarray  # bool: travelled from f0 to f1
    search_edge: np.ndarray

    def __len__(self) -> int:
        return len(self.edge)

    def length(self, network: RoadNetwork) -> np.ndarray:
        """Length of each piece (m)."""
        return network.edge_length[self.edge] * (self.f1 - self.f0)

    def lines(self, network: RoadNetwork) -> np.ndarray:
        """Shapely LineStrings of the pieces."""
        return edge_lines(network, self.edge, self.f0, self.f1)


def reached_parts(result: SearchResult, limit: float | None = None) -> ReachedParts:
    """The reached part of every edge: each edge is entered from either end (respecting one-way
    rules) and from any source on it; where two arrivals meet on an edge it is cut at the
    equal-time point, and with ``limit`` (≤ the search's own) it is cut exactly where the cost
    reaches the limit (a point at exactly the limit is reached)."""
    return reached_parts_at(result, [limit])[0]


def reached_parts_at(result: SearchResult, limits: list[float | None]) -> list[ReachedParts]:
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
