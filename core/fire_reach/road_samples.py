"""Samples along the reached roads, binned into the land grid's cells with their keys (arrival
time, then station)."""
import numpy as np

from ..network import ReachedParts, RoadNetwork
from .grid import EMPTY, SOURCE_BITS, TIME_QUANTUM, LandGrid

SHORT_PIECE = 32  # pieces with at most this many samples are sampled index by index


def sample_roads(grid: LandGrid, net: RoadNetwork, parts: ReachedParts, step: float = 0.5,
                 with_points: bool = False) -> tuple[np.ndarray, ...]:
    """Points every ≤ step × cell along the reached parts, each with its key (arrival
    time, then station). Returns (flat cell index, key) of the samples that can hold their
    cell's smallest key — time grows along a piece in its travel direction, so of a run of
    one piece's samples in one cell only the first — and, ``with_points``, the flat cell
    index (-1 outside the grid), x and y of every sample. The samples come in no particular
    order.

    Sample k of a piece with n samples is at s = k / (n - 1) of the piece in its travel
    direction: f = f0 + s·(f1 - f0) forward, f1 - s·(f1 - f0) backward, xy = a + (b - a)·f,
    time = near + s·(far - near) (these exact floating-point operations)."""
    length = parts.length(net)
    n = np.maximum(np.ceil(length / (grid.cell * step)).astype(np.int64), 1) + 1
    span = parts.f1 - parts.f0
    fwd = parts.forward
    e = parts.edge
    ax, ay = net.nodes[:, 0][net.edge_from[e]], net.nodes[:, 1][net.edge_from[e]]
    piece = dict(n=n, f_start=np.where(fwd, parts.f0, parts.f1), f_step=np.where(fwd, span, -span),
                 ax=ax, ay=ay, dx=net.nodes[:, 0][net.edge_to[e]] - ax, dy=net.nodes[:, 1][net.edge_to[e]] - ay,
                 near=parts.cost_near, dt=parts.cost_far - parts.cost_near, source=parts.source)
    if with_points:  # all samples are kept: all at once
        return _sample_long(grid, piece, with_points)
    # short pieces (the many) sample by sample index over all of them at once; long ones
    # (the few) all samples at once
    short = n <= SHORT_PIECE
    order = np.flatnonzero(short)
    order = order[np.argsort(-n[order].astype(np.int16), kind="stable")]  # small ints: a radix sort
    out = [_sample_short(grid, {k: v[order] for k, v in piece.items()})]
    if not short.all():
        long_ = np.flatnonzero(~short)
        out.append(_sample_long(grid, {k: v[long_] for k, v in piece.items()}, False))
    return tuple(np.concatenate([o[i] for o in out]) for i in range(2))


def _keys(p: dict[str, np.ndarray], at: np.ndarray, s: np.ndarray) -> np.ndarray:
    """Keys (time, then station) of samples at s of pieces ``at``."""
    t = p["near"][at] + s * p["dt"][at]
    return np.round(t / TIME_QUANTUM).astype(np.int64) << SOURCE_BITS | p["source"][at]


def _sample_short(grid: LandGrid, p: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """``sample_roads`` (keys only) for pieces sorted by sample count, descending: a loop over
    the sample index, each step over the pieces that have that sample (fewer passes over
    memory than all samples at once)."""
    n, den = p["n"], p["n"] - 1
    idx_out, key_out = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
    prev_idx: np.ndarray | None = None
    prev_ok: np.ndarray | None = None
    for k in range(int(n[0]) if len(n) else 0):
        m = len(n) - int(np.searchsorted(n[::-1], k, side="right"))  # pieces with n > k
        s = k / den[:m]
        f = p["f_step"][:m] * s
        f += p["f_start"][:m]
        x = p["dx"][:m] * f
        x += p["ax"][:m]
        y = p["dy"][:m] * f
        y += p["ay"][:m]
        idx, ok = grid.cells(x, y)
        first = ok if prev_idx is None or prev_ok is None else ok & ~(prev_ok[:m] & (prev_idx[:m] == idx))
        prev_idx, prev_ok = idx, ok
        at = np.flatnonzero(first)
        idx_out.append(idx[at])
        key_out.append(_keys(p, at, s[at]))
    return np.concatenate(idx_out), np.concatenate(key_out)


def _sample_long(grid: LandGrid, p: dict[str, np.ndarray], with_points: bool) -> tuple[np.ndarray, ...]:
    """``sample_roads`` with every sample of every piece at once."""
    n = p["n"]
    piece = np.repeat(np.arange(len(n), dtype=np.int32), n)
    k = np.arange(len(piece), dtype=np.int64)
    k -= (np.cumsum(n) - n)[piece]
    s = k / (n - 1)[piece]
    f = p["f_step"][piece]
    f *= s
    f += p["f_start"][piece]
    x = p["dx"][piece]
    x *= f
    x += p["ax"][piece]
    y = p["dy"][piece]
    y *= f
    y += p["ay"][piece]
    del f
    idx, ok = grid.cells(x, y)
    first = ok.copy()
    first[1:] &= ~(ok[:-1] & (idx[1:] == idx[:-1]) & (k[1:] > 0))
    at = np.flatnonzero(first)
    out: tuple[np.ndarray, ...] = (idx[at], _keys(p, piece[at], s[at]))
    if with_points:
        out += (np.where(ok, idx, -1), x, y)
    return out


def key_grid(grid: LandGrid, idx: np.ndarray, key: np.ndarray) -> np.ndarray:
    """The smallest key per cell (EMPTY where none): repeated scatter of the keys still
    smaller than what their cell holds (a few rounds; no sort)."""
    keys = np.full(grid.shape[0] * grid.shape[1], EMPTY, dtype=np.int64)
    while len(idx):
        keys[idx] = key
        smaller = key < keys[idx]
        idx, key = idx[smaller], key[smaller]
    return keys.reshape(grid.shape)


def road_keys(grid: LandGrid, net: RoadNetwork, parts: ReachedParts, step: float = 0.5) -> np.ndarray:
    """The smallest key per cell of the samples of ``parts`` (``sample_roads``, ``key_grid``)."""
    return key_grid(grid, *sample_roads(grid, net, parts, step))
