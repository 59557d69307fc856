"""The pair search of straight-line reach: population points binned into a grid of cells, each
shelter's circle taken row of cells by row of cells (cells wholly inside as blocks, points of the
cells its edge crosses tested one by one); a k-d tree search where the grid does not suit the data."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy.spatial import cKDTree


# Cell size: dense enough that a shelter's circle holds many whole cells (whose points need no
# distance test), coarse enough that cells are not mostly empty: about 3 points a cell, a width
# between radius/8 and radius/2 (radius = the median shelter radius), the height twice the width,
# at most 4 cells a point (+ 4096). Measured on uniform and clustered cases, 5,000–400,000
# points, radii 300–3,000 m (bench/bench_shelters.py).
_POINTS_PER_CELL = 3.0
_CELLS_PER_POINT = 4
_CHUNK = 1 << 16  # candidate points tested per block (bounds the temporary arrays)


def too_many_candidates(grid: CellGrid, lo: np.ndarray, hi: np.ndarray, n_supply: int) -> bool:
    """True when the cell cap made the cells large and the points are so clustered that the cells
    to test hold far more points than there can be pairs: the k-d tree search is then used."""
    return grid.capped and int((hi - lo).sum()) > 8 * (len(grid.cell) + n_supply) + (1 << 22)


def _area_per_point(x: np.ndarray, y: np.ndarray, x0: float, y0: float, width: float, height: float,
                    size: float) -> float:
    """Area (m²) per point around a typical point: a histogram of (at most ~20,000 of) the points
    on cells of about ``size`` metres, each cell's density weighted by its points — clustered
    points (towns) are dense where the points are, whatever the extent."""
    step = max(1, len(x) // 20_000)
    xs, ys = x[::step], y[::step]
    side = max(size, np.sqrt(width * height / len(xs)))
    ncols = int(width / side) + 1
    cell = ((xs - x0) / side).astype(np.int64) + ((ys - y0) / side).astype(np.int64) * ncols
    counts = np.bincount(cell).astype(np.float64)
    return side * side * len(xs) / (step * float(counts @ counts))  # side² / points sharing a typical point's cell


def reach_inputs(demand_xy: npt.ArrayLike, supply_xy: npt.ArrayLike,
                 radius: npt.ArrayLike) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Coordinates as (n, 2) float64 arrays and one radius per supply point."""
    demand_xy = np.asarray(demand_xy, dtype=np.float64).reshape(-1, 2)
    supply_xy = np.asarray(supply_xy, dtype=np.float64).reshape(-1, 2)
    radius = np.broadcast_to(np.asarray(radius, dtype=np.float64), (len(supply_xy),))
    return demand_xy, supply_xy, radius


def kdtree_pairs(demand_xy: np.ndarray, supply_xy: np.ndarray,
                 radius: npt.ArrayLike) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Reference search with k-d trees (``sparse_distance_matrix``), slightly wider, then each
    shelter's own radius on the reported distance. Used when the cell grid does not suit the data."""
    radius = np.broadcast_to(np.asarray(radius, dtype=np.float64), (len(supply_xy),))
    reach = radius[radius >= 0]
    empty = (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0))
    if len(demand_xy) == 0 or len(supply_xy) == 0 or len(reach) == 0:
        return empty
    r_max = float(reach.max())
    # unbalanced, non-compact trees build about twice as fast and search as fast here
    options = {"balanced_tree": False, "compact_nodes": False}
    found = cKDTree(supply_xy, **options).sparse_distance_matrix(
        cKDTree(demand_xy, **options), r_max * (1 + 1e-9) + 1e-9, output_type="ndarray")
    si, di, dist = found["i"], found["j"], found["v"]
    keep = dist <= radius[si]
    return di[keep].astype(np.int64), si[keep].astype(np.int64), dist[keep]


def sums(index: np.ndarray, weights: np.ndarray, length: int) -> np.ndarray:
    """``np.bincount`` with weights, always float64 (numpy gives int64 zeros for no index)."""
    return np.bincount(index, weights=weights, minlength=length).astype(np.float64, copy=False)


def _floor_index(values: np.ndarray, low: int, high: int) -> np.ndarray:
    """floor(values) as int64, clipped to [low, high] before the cast (±inf safe)."""
    return np.clip(np.floor(values), low, high).astype(np.int64)


def _nonempty_ranges(lo: np.ndarray, hi: np.ndarray,
                     labels: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The ranges [lo_k, hi_k) that hold an integer, with their labels."""
    keep = np.flatnonzero(hi > lo)
    return lo[keep], hi[keep], labels[keep]


def _fill_ranges(lo: np.ndarray, hi: np.ndarray, labels: np.ndarray, values: np.ndarray,
                 owners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Write the integers of the non-empty ranges [lo_k, hi_k) one after another into ``values``
    and the label of each one's range (labels[k]) into ``owners`` (both exactly that long)."""
    if len(lo) == 0:
        return values, owners
    ends = np.cumsum(hi - lo)[:-1]
    values.fill(1)
    values[0] = lo[0]
    values[ends] = lo[1:] - hi[:-1] + 1  # jump from the end of one range to the start of the next
    np.cumsum(values, out=values)
    owners.fill(0)
    owners[0] = labels[0]
    owners[ends] = np.diff(labels)
    np.cumsum(owners, out=owners)
    return values, owners


def concatenated_ranges(lo: np.ndarray, hi: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """All integers of the ranges [lo_k, hi_k) one after another, and for each the label of its
    range (labels[k])."""
    lo, hi, labels = _nonempty_ranges(lo, hi, labels)
    total = int((hi - lo).sum())
    return _fill_ranges(lo, hi, labels, np.empty(total, np.int64), np.empty(total, labels.dtype))


@dataclass
class ShelterRows:
    """One entry per (shelter, row of cells) its circle reaches: the columns [c0, c1] that may hold
    points within reach and, when ``inner``, the columns [i0, i1] wholly inside the circle
    (otherwise i0 = c1 + 1, i1 = c1)."""

    sid: np.ndarray
    row: np.ndarray
    base: np.ndarray  # row * ncols: cell id of the row's first column
    c0: np.ndarray
    c1: np.ndarray
    i0: np.ndarray | None = None
    i1: np.ndarray | None = None
    inner: np.ndarray | None = None


@dataclass
class CellGrid:
    """Demand points binned into a regular grid of cells (row-major ids), listed cell by cell:
    ``order[start[c]:start[c + 1]]`` are the points of cell c (a CSR index)."""

    x0: float
    y0: float
    cell_w: float
    cell_h: float
    ncols: int
    nrows: int
    capped: bool  # cells were enlarged to respect the cell cap
    margin: float  # metres; far above the rounding of every coordinate computation here
    cell: np.ndarray  # per point (input order)
    order: np.ndarray
    start: np.ndarray
    xs: np.ndarray  # coordinates in cell order (contiguous)
    ys: np.ndarray

    @classmethod
    def build(cls, demand_xy: np.ndarray, radius: np.ndarray) -> CellGrid | None:
        """The grid for these points and radii, or None when a grid does not suit them
        (non-finite coordinates)."""
        x, y = demand_xy[:, 0], demand_xy[:, 1]
        x0, y0, x1, y1 = float(x.min()), float(y.min()), float(x.max()), float(y.max())
        if not np.isfinite([x0, y0, x1, y1]).all():
            return None
        width, height = x1 - x0, y1 - y0
        usable = radius[np.isfinite(radius) & (radius > 0)]
        size = float(np.median(usable)) if len(usable) else max(width, height, 1.0)
        # about _POINTS_PER_CELL points a cell, the width within [r/8, r/2], the height twice the width
        spread = _area_per_point(x, y, x0, y0, width, height, size)
        cell_w = min(max(np.sqrt(_POINTS_PER_CELL * spread / 2.0), size / 8.0), size / 2.0)
        cell_h = 2.0 * cell_w
        cap, capped = _CELLS_PER_POINT * len(x) + 4096, False
        while (width / cell_w + 1.0) * (height / cell_h + 1.0) > cap:
            grow = max(1.25, np.sqrt((width / cell_w + 1.0) * (height / cell_h + 1.0) / cap))
            cell_w, cell_h, capped = cell_w * grow, cell_h * grow, True
        inv_w, inv_h = 1.0 / cell_w, 1.0 / cell_h
        # the largest coordinate maps to the last column/row: (x1 − x0)·inv_w is the same float operation
        ncols, nrows = int(width * inv_w) + 1, int(height * inv_h) + 1
        work = x - x0
        work *= inv_w
        cell = work.astype(np.int64)
        np.subtract(y, y0, out=work)
        work *= inv_h
        cell_row = work.astype(np.int64)
        cell_row *= ncols
        cell += cell_row
        ncells = ncols * nrows
        order = _order_by_cell(cell, ncells)
        start = np.zeros(ncells + 1, dtype=np.int64)
        np.cumsum(np.bincount(cell, minlength=ncells), out=start[1:])
        scale = max(abs(x0), abs(y0), abs(x1), abs(y1), width, height, cell_w, cell_h)
        return cls(x0, y0, cell_w, cell_h, ncols, nrows, capped, 1e-9 * scale + 1e-9, cell, order, start,
                   x[order], y[order])

    def shelter_rows(self, supply_xy: np.ndarray, radius: np.ndarray, interior: bool = False) -> ShelterRows:
        """The (shelter, row) entries of every shelter (``ShelterRows``)."""
        m, inv_w, inv_h = self.margin, 1.0 / self.cell_w, 1.0 / self.cell_h
        sx, sy = supply_xy[:, 0], supply_xy[:, 1]
        reach = (radius >= 0) & np.isfinite(sx) & np.isfinite(sy)
        scale = max(float(np.abs(sx[reach]).max(initial=0.0)), float(np.abs(sy[reach]).max(initial=0.0)))
        m = max(m, 1e-9 * scale)  # shelters far from the points: their coordinates set the rounding
        r = np.where(reach, radius, 0.0)
        first = _floor_index((sy - self.y0 - r - m) * inv_h, 0, self.nrows)
        last = _floor_index((sy - self.y0 + r + m) * inv_h, -1, self.nrows - 1)
        last = np.where(reach, last, first - 1)
        row, sid = concatenated_ranges(first, last + 1, np.arange(len(first)))
        r = r[sid]
        sxr, syr = sx[sid] - self.x0, sy[sid] - self.y0
        bottom = row * self.cell_h
        top = bottom + self.cell_h
        # farthest reach in x within the row: from the row's nearest y (0 when the shelter is in it)
        near = np.maximum(np.maximum(bottom - syr, syr - top) - m, 0.0)
        outer = r + m
        half = np.sqrt(np.maximum(outer * outer - near * near, 0.0))
        c0 = _floor_index((sxr - half) * inv_w, 0, self.ncols)
        c1 = np.maximum(_floor_index((sxr + half) * inv_w, -1, self.ncols - 1), c0 - 1)
        rows = ShelterRows(sid, row, row * self.ncols, c0, c1)
        if interior:
            # cells wholly inside: every corner within r − 2m (from the row's farthest y)
            far = np.maximum(top - syr, syr - bottom) + m
            inside = r - m
            half = np.sqrt(np.maximum(inside * inside - far * far, 0.0)) - m
            inner = (inside > far) & (half > 0)
            i0 = np.maximum(np.clip(np.ceil((sxr - half) * inv_w), -1, self.ncols).astype(np.int64), c0)
            i1 = np.minimum(_floor_index((sxr + half) * inv_w, 0, self.ncols + 1) - 1, c1)
            inner &= i1 >= i0
            rows.i0, rows.i1, rows.inner = np.where(inner, i0, c1 + 1), np.where(inner, i1, c1), inner
        return rows

    def pairs_in_ranges(self, lo: np.ndarray, hi: np.ndarray, range_sid: np.ndarray, supply_xy: np.ndarray,
                        radius: np.ndarray, with_distance: bool) -> tuple[np.ndarray, ...]:
        """Test the points at CSR positions [lo_k, hi_k) against shelter range_sid[k]:
        (demand_index, supply_index[, distance]) of those with distance ≤ radius (inclusive).

        Blocks of about ``_CHUNK`` candidates, worked in buffers allocated once (fresh memory
        costs a page fault per 4 KiB: reusing it is a large part of the speed)."""
        sx, sy = np.ascontiguousarray(supply_xy[:, 0]), np.ascontiguousarray(supply_xy[:, 1])
        radius = np.ascontiguousarray(radius)  # np.take copies a strided source on every call
        lo, hi, range_sid = _nonempty_ranges(lo, hi, range_sid)
        ends = np.cumsum(hi - lo)
        total = int(ends[-1]) if len(ends) else 0
        if total == 0:
            return (np.zeros(0, np.int64), np.zeros(0, np.int64)) + ((np.zeros(0),) if with_distance else ())
        cuts = np.unique(np.concatenate([[0], np.searchsorted(ends, np.arange(_CHUNK, total, _CHUNK)) + 1,
                                         [len(lo)]]))
        sizes = np.diff(np.concatenate([[0], ends[cuts[1:] - 1]]))
        size = int(sizes.max())
        position, shelter = np.empty(size, np.int64), np.empty(size, np.int64)
        dist, work, other = np.empty(size), np.empty(size), np.empty(size)
        within = np.empty(size, bool)
        found = []
        for a, b, n in zip(cuts[:-1], cuts[1:], sizes):
            pos, sid = _fill_ranges(lo[a:b], hi[a:b], range_sid[a:b], position[:n], shelter[:n])
            d, w, o, ok = dist[:n], work[:n], other[:n], within[:n]
            np.take(self.xs, pos, out=d, mode="clip")
            np.take(sx, sid, out=o, mode="clip")
            d -= o
            d *= d
            np.take(self.ys, pos, out=w, mode="clip")
            np.take(sy, sid, out=o, mode="clip")
            w -= o
            w *= w
            d += w
            np.sqrt(d, out=d)
            np.take(radius, sid, out=o, mode="clip")
            np.less_equal(d, o, out=ok)
            keep = np.flatnonzero(ok)
            kept = (self.order.take(pos.take(keep)), sid.take(keep))
            found.append(kept + (d.take(keep),) if with_distance else kept)
        if len(found) == 1:
            return found[0]
        return tuple(np.concatenate(parts) for parts in zip(*found))


def _order_by_cell(cell: np.ndarray, ncells: int) -> np.ndarray:
    """A stable ordering of the points by cell: numpy's radix sort on 16-bit digits."""
    if ncells <= 1 << 16:
        return np.argsort(cell.astype(np.uint16), kind="stable")
    order = np.argsort((cell & 0xFFFF).astype(np.uint16), kind="stable")
    high = cell[order] >> 16
    if ncells <= 1 << 32:
        return order[np.argsort(high.astype(np.uint16), kind="stable")]
    return order[np.argsort(high, kind="stable")]
