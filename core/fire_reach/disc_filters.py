"""Disc minima and disc dilations of the land rule's tiles, worked in buffers that one thread
reuses tile after tile.

The horizontal minimum over 2w + 1 cells is the smaller of two overlapping windows of p cells
(p the largest power of two ≤ 2w + 1), read from a ladder of minima over 1, 2, 4, … cells: one
array operation per ladder step and per width, where ``ndimage.minimum_filter1d`` walks each line
(~6 ns a cell, here ~0.2). Fresh arrays cost a page fault per 4 KiB, which on a tile is more than
the arithmetic: every array below is allocated once per thread. Same values as ``land_rule``'s
``disc_min`` and ``disc_any`` (tests/unit/test_fire_reach.py)."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from .grid import EMPTY


def shifted_into(out: np.ndarray, rows: dict[int, np.ndarray], widths: list[int],
                 combine: Callable[..., Any]) -> np.ndarray:
    """``out`` = combine() over dy of rows[widths[|dy|]] shifted by dy rows (the rectangles of a
    disc); ``out`` has the rows' shape."""
    np.copyto(out, rows[widths[0]])
    for dy in range(1, len(widths)):
        m = rows[widths[dy]]
        combine(out[dy:], m[:-dy], out=out[dy:])
        combine(out[:-dy], m[dy:], out=out[:-dy])
    return out


def _power_below(n: int) -> int:
    """The largest power of two ≤ n (n ≥ 1)."""
    return 1 << (n.bit_length() - 1)


class TileFilters:
    """Buffers for tiles of at most ``shape`` cells and horizontal half-widths up to ``max_width``."""

    def __init__(self, shape: tuple[int, int], max_width: int) -> None:
        h, n = shape
        self.shape, self.max_width = shape, max_width
        self.padded = np.empty((h, n + 2 * max_width), dtype=np.int64)
        self.ladder: dict[int, np.ndarray] = {}
        step, top = 1, _power_below(2 * max_width + 1)
        while step < top:  # ladder[2p][:, j] = min of padded[:, j : j + 2p]
            self.ladder[2 * step] = np.empty((h, n + 2 * max_width - 2 * step + 1), dtype=np.int64)
            step *= 2
        self.rows: dict[int, np.ndarray] = {}
        self.spread: dict[int, np.ndarray] = {}
        self.disc = np.empty(shape, dtype=np.int64)
        self.dilated = np.empty(shape, dtype=bool)

    def horizontal_min(self, keys: np.ndarray, widths: set[int]) -> dict[int, np.ndarray]:
        """{w: minimum over the 2w + 1 cells centred on each cell of its row}, EMPTY beyond the tile."""
        h, n = keys.shape
        top_w = max(widths)
        if h > self.shape[0] or n > self.shape[1] or top_w > self.max_width:
            raise ValueError(f"tile {keys.shape} or width {top_w} beyond the buffers {self.shape}, {self.max_width}")
        m = self.max_width
        padded = self.padded[:h, :n + 2 * m]
        padded[:, :m] = EMPTY
        padded[:, m + n:] = EMPTY
        padded[:, m:m + n] = keys
        ladder = {1: padded}
        step, top = 1, _power_below(2 * top_w + 1)
        while step < top:
            below = ladder[step]
            ladder[2 * step] = np.minimum(below[:, :-step], below[:, step:],
                                          out=self.ladder[2 * step][:h, :below.shape[1] - step])
            step *= 2
        rows = {}
        for w in widths:
            if w == 0:
                rows[0] = keys
                continue
            p = _power_below(2 * w + 1)
            if w not in self.rows:
                self.rows[w] = np.empty(self.shape, dtype=np.int64)
            # windows [i − w, i − w + p) and [i + w + 1 − p, i + w + 1) cover [i − w, i + w]
            rows[w] = np.minimum(ladder[p][:, m - w:m - w + n], ladder[p][:, m + w + 1 - p:m + w + 1 - p + n],
                                 out=self.rows[w][:h, :n])
        return rows

    def disc_min(self, rows: dict[int, np.ndarray], widths: list[int]) -> np.ndarray:
        """Minimum over the disc whose half-width at row offset dy is widths[|dy|] (``disc_widths``)."""
        first = rows[widths[0]]
        return shifted_into(self.disc[:first.shape[0], :first.shape[1]], rows, widths, np.minimum)

    def road_within(self, rows: dict[int, np.ndarray], widths: set[int]) -> dict[int, np.ndarray]:
        """{w: whether a cell < EMPTY (a road cell) lies within w of each cell of its row}: the
        horizontal dilations, from ``horizontal_min``'s rows."""
        out = {}
        for w in widths:
            if w not in self.spread:
                self.spread[w] = np.empty(self.shape, dtype=bool)
            h, n = rows[w].shape
            out[w] = np.less(rows[w], EMPTY, out=self.spread[w][:h, :n])
        return out

    def disc_any(self, spread: dict[int, np.ndarray], widths: list[int]) -> np.ndarray:
        """Whether the disc of ``widths`` holds a road cell (``spread`` from ``road_within``).
        The result is overwritten by the next call."""
        first = spread[widths[0]]
        return shifted_into(self.dilated[:first.shape[0], :first.shape[1]], spread, widths, np.logical_or)
