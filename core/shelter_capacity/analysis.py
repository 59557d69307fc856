"""Shelter area per capita: administrative ratio and two-step floating catchment (2SFCA).

Pure numpy / scipy / shapely / pandas (no QGIS). Units: metres and m².

Methods (``METHOD`` of ``riskatlas:shelterpercapita``):

0. administrative — per unit (township): effective area of the counted shelters whose centroid
   lies in the unit ÷ the unit's residents (population features apportioned by area overlap;
   points by location). ``deficit_m2 = max(0, TARGET·residents − area)``.
1. catchment — 2SFCA (Luo & Wang 2003) with straight-line distance between the centroid of a
   population feature and the centroid of a shelter. A shelter j with effective area S_j serves
   every population feature i with d_ij ≤ r_j (inclusive):

       D_j = Σ_{i: d_ij ≤ r_j} P_i            (served residents, "2SFCA demand")
       R_j = S_j / D_j                         (m² per served person)
       A_i = Σ_{j: d_ij ≤ r_j} R_j             (m² per capita at i)

   ``deficit_m2 = max(0, (TARGET − A_i)·P_i)``; a feature with no shelter in reach has
   A_i = 0 and is flagged ``no_shelter``; a feature with no residents gets no indicator (NaN).
2. network — the same with walking distance on the road network (``core.network``).

Straight-line reach uses a grid of cells over the population points (``_CellGrid``): per shelter
and row of cells, the cells wholly inside its circle are taken as blocks and only the points of
the cells its edge crosses are tested (distance ≤ radius, inclusive). ``two_step_fca`` sums the
blocks without listing their pairs; ``catchment_pairs`` lists every pair. Walking reach is a
bounded multi-source network search. The two sums are sparse matrix–vector products: no dense
n×m matrix is ever built.
"""
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import shapely
from scipy.spatial import cKDTree

from ..apportion import overlap_pairs
from ..errors import InputError
from ..standards.shelters import DEFAULT_STANDARDS

METHOD_ADMINISTRATIVE, METHOD_CATCHMENT, METHOD_NETWORK = 0, 1, 2
METHOD_NAMES = {0: "administrative", 1: "catchment (2SFCA, straight line)", 2: "network catchment (2SFCA, walking)"}
MEETS_TOLERANCE = 1e-9  # relative: A ≥ TARGET·(1 − 1e-9) meets the target (absorbs float rounding of exact ratios)
URBAN_TRUE_TEXT = {"1", "true", "t", "yes", "y", "是", "城镇", "urban"}
URBAN_FALSE_TEXT = {"0", "false", "f", "no", "n", "否", "乡村", "农村", "rural"}


# ---------------------------------------------------------------- 2SFCA on pairs

@dataclass
class FcaResult:
    """2SFCA figures. Per demand location: ``m2_per_capita`` (NaN where its demand is 0),
    ``shelters_in_reach``. Per supply location: ``served`` (D_j), ``m2_per_served`` (R_j, NaN
    where nobody is in reach)."""

    m2_per_capita: np.ndarray
    shelters_in_reach: np.ndarray
    served: np.ndarray
    m2_per_served: np.ndarray
    n_pairs: int


def fca_from_pairs(demand_index, supply_index, demand, supply):
    """2SFCA from the pairs (demand_index[k], supply_index[k]) that are within reach.

    ``demand``: residents per demand location (≥ 0); ``supply``: effective area per shelter.
    Each pair must appear once. W (n_demand × n_supply) is the sparse 0/1 matrix of the pairs in
    coordinate (COO) form; D = Wᵀ·P, R = S / D and A = W·R are its two matrix–vector products,
    done as weighted ``np.bincount`` over the pair list (no sorting, no dense matrix).
    """
    demand = np.asarray(demand, dtype=np.float64)
    supply = np.asarray(supply, dtype=np.float64)
    di = np.asarray(demand_index, dtype=np.int64)
    si = np.asarray(supply_index, dtype=np.int64)
    n_d, n_s = len(demand), len(supply)
    served = np.bincount(si, weights=demand[di], minlength=n_s)  # Wᵀ·P
    ratio = np.full(n_s, np.nan)
    used = served > 0
    ratio[used] = supply[used] / served[used]
    available = np.bincount(di, weights=np.where(used, ratio, 0.0)[si], minlength=n_d)  # W·R
    in_reach = np.bincount(di, minlength=n_d).astype(np.int64)
    m2 = np.where(demand > 0, available, np.nan)
    return FcaResult(m2, in_reach, served, ratio, len(di))


def catchment_pairs(demand_xy, supply_xy, radius):
    """Pairs within straight-line reach: (demand_index, supply_index, distance) with
    distance ≤ radius of the supply (scalar or one per supply; inclusive).

    The distance is ``sqrt(dx·dx + dy·dy)`` in float64, the formula of a brute-force distance table
    and of ``scipy.spatial.cKDTree`` (same bits), so a pair at exactly the radius is kept wherever
    they keep it. Pairs come grouped by shelter.
    """
    demand_xy, supply_xy, radius = _reach_inputs(demand_xy, supply_xy, radius)
    empty = (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0))
    if len(demand_xy) == 0 or len(supply_xy) == 0:
        return empty
    grid = _CellGrid.build(demand_xy, radius)
    if grid is None:
        return _kdtree_pairs(demand_xy, supply_xy, radius)
    rows = grid.shelter_rows(supply_xy, radius)
    start = grid.start
    lo, hi = start[rows.base + rows.c0], start[rows.base + rows.c1 + 1]
    if _too_many_candidates(grid, lo, hi, len(supply_xy)):
        return _kdtree_pairs(demand_xy, supply_xy, radius)
    return grid.pairs_in_ranges(lo, hi, rows.sid, supply_xy, radius, with_distance=True)


def two_step_fca(demand_xy, demand, supply_xy, supply, radius):
    """2SFCA with straight-line distances (METHOD 1): the same figures as
    ``fca_from_pairs(*catchment_pairs(demand_xy, supply_xy, radius)[:2], demand, supply)``
    without listing every pair.

    Population points are binned into a grid of cells. A cell wholly inside a shelter's circle
    (with a safety margin far above rounding) is taken as a block: the shelter serves the cell's
    residents and adds R_j to each of its points. Only the points of the cells the circle's edge
    crosses are tested one by one (distance ≤ radius, inclusive, as ``catchment_pairs``). Every
    sum adds non-negative terms (no differences of prefix sums), but grouped by cell, so figures
    may differ from the pair-by-pair sums of ``fca_from_pairs`` in the last bits (~1e-15 relative).
    """
    demand = np.asarray(demand, dtype=np.float64)
    supply = np.asarray(supply, dtype=np.float64)
    demand_xy, supply_xy, radius = _reach_inputs(demand_xy, supply_xy, radius)
    n_d, n_s = len(demand_xy), len(supply_xy)
    if len(demand) != n_d or len(supply) != n_s:
        raise ValueError(f"{len(demand)} demand values for {n_d} demand points, "
                         f"{len(supply)} supply values for {n_s} supply points")
    if n_d == 0 or n_s == 0:
        return fca_from_pairs([], [], demand, supply)
    grid = _CellGrid.build(demand_xy, radius)
    if grid is None:
        return fca_from_pairs(*_kdtree_pairs(demand_xy, supply_xy, radius)[:2], demand, supply)
    rows = grid.shelter_rows(supply_xy, radius, interior=True)
    start, ncols, nrows = grid.start, grid.ncols, grid.nrows
    base, c0, c1, i0, i1 = rows.base, rows.c0, rows.c1, rows.i0, rows.i1
    # edge cells: [c0, i0) and (i1, c1] of each (shelter, row), as ranges of the CSR point list
    lo = np.concatenate([start[base + c0], start[base + i1 + 1]])
    hi = np.concatenate([start[base + i0], start[base + c1 + 1]])
    if _too_many_candidates(grid, lo, hi, n_s):
        return fca_from_pairs(*_kdtree_pairs(demand_xy, supply_xy, radius)[:2], demand, supply)
    bi, bs = grid.pairs_in_ranges(lo, hi, np.concatenate([rows.sid, rows.sid]), supply_xy, radius,
                                  with_distance=False)

    # inner cells: one (cell, shelter) entry per cell wholly inside a shelter's circle
    inner = np.flatnonzero(rows.inner)
    cells, cell_shelter = _concatenated_ranges((base + i0)[inner], (base + i1 + 1)[inner], rows.sid[inner])
    # D_j = Σ P_i: the residents of its inner cells, then its edge points one by one
    cell_residents = np.bincount(grid.cell, weights=demand, minlength=nrows * ncols)
    served = _sums(cell_shelter, cell_residents[cells], n_s)
    served += _sums(bs, demand[bi], n_s)
    ratio = np.full(n_s, np.nan)
    used = served > 0
    ratio[used] = supply[used] / served[used]
    ratio0 = np.where(used, ratio, 0.0)
    # A_i = Σ R_j: per cell over the shelters it is inside of, then edge pairs one by one
    available = _sums(cells, ratio0[cell_shelter], nrows * ncols)[grid.cell]
    available += _sums(bi, ratio0[bs], n_d)
    in_reach = np.bincount(cells, minlength=nrows * ncols)[grid.cell]
    in_reach += np.bincount(bi, minlength=n_d)
    m2 = np.where(demand > 0, available, np.nan)
    return FcaResult(m2, in_reach, served, ratio, int(in_reach.sum()))


# ---------------------------------------------------------------- pair search internals

# Cell size: dense enough that a shelter's circle holds many whole cells (whose points need no
# distance test), coarse enough that cells are not mostly empty: about 3 points a cell, a width
# between radius/8 and radius/2 (radius = the median shelter radius), the height twice the width,
# at most 4 cells a point (+ 4096). Measured on uniform and clustered cases, 5,000–400,000
# points, radii 300–3,000 m (bench/bench_shelters.py).
_POINTS_PER_CELL = 3.0
_CELLS_PER_POINT = 4
_CHUNK = 1 << 16  # candidate points tested per block (bounds the temporary arrays)


def _too_many_candidates(grid, lo, hi, n_supply):
    """True when the cell cap made the cells large and the points are so clustered that the cells
    to test hold far more points than there can be pairs: the k-d tree search is then used."""
    return grid.capped and int((hi - lo).sum()) > 8 * (len(grid.cell) + n_supply) + (1 << 22)


def _area_per_point(x, y, x0, y0, width, height, size):
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


def _reach_inputs(demand_xy, supply_xy, radius):
    demand_xy = np.asarray(demand_xy, dtype=np.float64).reshape(-1, 2)
    supply_xy = np.asarray(supply_xy, dtype=np.float64).reshape(-1, 2)
    radius = np.broadcast_to(np.asarray(radius, dtype=np.float64), (len(supply_xy),))
    return demand_xy, supply_xy, radius


def _kdtree_pairs(demand_xy, supply_xy, radius):
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


def _sums(index, weights, length):
    """``np.bincount`` with weights, always float64 (numpy gives int64 zeros for no index)."""
    return np.bincount(index, weights=weights, minlength=length).astype(np.float64, copy=False)


def _floor_index(values, low, high):
    """floor(values) as int64, clipped to [low, high] before the cast (±inf safe)."""
    return np.clip(np.floor(values), low, high).astype(np.int64)


def _nonempty_ranges(lo, hi, labels):
    keep = np.flatnonzero(hi > lo)
    return lo[keep], hi[keep], labels[keep]


def _fill_ranges(lo, hi, labels, values, owners):
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


def _concatenated_ranges(lo, hi, labels):
    """All integers of the ranges [lo_k, hi_k) one after another, and for each the label of its
    range (labels[k])."""
    lo, hi, labels = _nonempty_ranges(lo, hi, labels)
    total = int((hi - lo).sum())
    return _fill_ranges(lo, hi, labels, np.empty(total, np.int64), np.empty(total, labels.dtype))


@dataclass
class _ShelterRows:
    """One entry per (shelter, row of cells) its circle reaches: the columns [c0, c1] that may hold
    points within reach and, when ``inner``, the columns [i0, i1] wholly inside the circle
    (otherwise i0 = c1 + 1, i1 = c1)."""

    sid: np.ndarray
    row: np.ndarray
    base: np.ndarray  # row * ncols: cell id of the row's first column
    c0: np.ndarray
    c1: np.ndarray
    i0: np.ndarray = None
    i1: np.ndarray = None
    inner: np.ndarray = None


@dataclass
class _CellGrid:
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
    def build(cls, demand_xy, radius):
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

    def shelter_rows(self, supply_xy, radius, interior=False):
        """The (shelter, row) entries of every shelter (``_ShelterRows``)."""
        m, inv_w, inv_h = self.margin, 1.0 / self.cell_w, 1.0 / self.cell_h
        sx, sy = supply_xy[:, 0], supply_xy[:, 1]
        reach = (radius >= 0) & np.isfinite(sx) & np.isfinite(sy)
        scale = max(float(np.abs(sx[reach]).max(initial=0.0)), float(np.abs(sy[reach]).max(initial=0.0)))
        m = max(m, 1e-9 * scale)  # shelters far from the points: their coordinates set the rounding
        r = np.where(reach, radius, 0.0)
        first = _floor_index((sy - self.y0 - r - m) * inv_h, 0, self.nrows)
        last = _floor_index((sy - self.y0 + r + m) * inv_h, -1, self.nrows - 1)
        last = np.where(reach, last, first - 1)
        row, sid = _concatenated_ranges(first, last + 1, np.arange(len(first)))
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
        rows = _ShelterRows(sid, row, row * self.ncols, c0, c1)
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

    def pairs_in_ranges(self, lo, hi, range_sid, supply_xy, radius, with_distance):
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


def _order_by_cell(cell, ncells):
    """A stable ordering of the points by cell: numpy's radix sort on 16-bit digits."""
    if ncells <= 1 << 16:
        return np.argsort(cell.astype(np.uint16), kind="stable")
    order = np.argsort((cell & 0xFFFF).astype(np.uint16), kind="stable")
    high = cell[order] >> 16
    if ncells <= 1 << 32:
        return order[np.argsort(high.astype(np.uint16), kind="stable")]
    return order[np.argsort(high, kind="stable")]


def coverage_figures(demand, m2_per_capita, shelters_in_reach, target):
    """Per demand location: meets_target (bool, NaN-safe: False where no residents),
    deficit_m2 and no_shelter."""
    demand = np.asarray(demand, dtype=np.float64)
    value = np.where(np.isnan(m2_per_capita), 0.0, m2_per_capita)
    meets = (demand > 0) & (value >= target * (1 - MEETS_TOLERANCE))
    deficit = np.where(meets | (demand <= 0), 0.0, np.maximum(0.0, (target - value) * demand))
    no_shelter = np.asarray(shelters_in_reach) == 0
    return meets, deficit, no_shelter


# ---------------------------------------------------------------- administrative

def units_of_points(points, unit_geoms):
    """Index of the first unit (in order) containing or touching each point, −1 where none."""
    points = np.asarray(points, dtype=object)
    owner = np.full(len(points), -1, dtype=np.int64)
    if len(points) == 0 or len(unit_geoms) == 0:
        return owner
    tree = shapely.STRtree(np.asarray(unit_geoms, dtype=object))
    pi, ui = tree.query(points, predicate="intersects")
    if len(pi):
        order = np.lexsort((ui, pi))
        pi, ui = pi[order], ui[order]
        first = np.r_[True, pi[1:] != pi[:-1]]
        owner[pi[first]] = ui[first]
    return owner


def apportion_to_units(values, source_geoms, unit_geoms):
    """Sum ``values`` (n_sources × k) into units: polygons by share of their area inside each unit,
    points (and polygons of zero area) wholly to the unit holding them. Returns (n_units × k, lost × k)
    where ``lost`` is what fell outside every unit."""
    values = np.asarray(values, dtype=np.float64)
    one_column = values.ndim == 1
    values = values.reshape(len(values), -1)
    source_geoms = np.asarray(source_geoms, dtype=object)
    unit_geoms = np.asarray(unit_geoms, dtype=object)
    area = shapely.area(source_geoms)
    polygonal = area > 0
    out = np.zeros((len(unit_geoms), values.shape[1]))
    if polygonal.any():
        # core.apportion's overlaps, computed once for every column (apportion() does one column)
        poly_values = values[polygonal]
        source_idx, unit_idx, overlap = overlap_pairs(source_geoms[polygonal], unit_geoms)
        share = overlap / area[polygonal][source_idx]
        for k in range(values.shape[1]):
            np.add.at(out[:, k], unit_idx, poly_values[source_idx, k] * share)
    if (~polygonal).any():
        owner = units_of_points(shapely.centroid(source_geoms[~polygonal]), unit_geoms)
        inside = owner >= 0
        for k in range(values.shape[1]):
            out[:, k] += np.bincount(owner[inside], weights=values[~polygonal, k][inside], minlength=len(unit_geoms))
    lost = values.sum(axis=0) - out.sum(axis=0)
    if one_column:
        return out[:, 0], float(lost[0])
    return out, lost


def administrative_ratio(unit_residents, unit_area, target):
    """Per unit: m2_per_capita (NaN without residents), meets_target, deficit_m2."""
    unit_residents = np.asarray(unit_residents, dtype=np.float64)
    unit_area = np.asarray(unit_area, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(unit_residents > 0, unit_area / unit_residents, np.nan)
    meets = (unit_residents > 0) & (np.nan_to_num(ratio) >= target * (1 - MEETS_TOLERANCE))
    deficit = np.maximum(0.0, target * unit_residents - unit_area)
    deficit[meets] = 0.0
    return ratio, meets, deficit


# ---------------------------------------------------------------- inputs

def _ids(index, mask):
    return index[np.asarray(mask)].tolist()


def _require_field(gdf, name, layer, what):
    if name not in gdf.columns:
        fields = ", ".join(map(str, gdf.columns.drop("geometry", errors="ignore")))
        raise InputError(f"{what} field '{name}' does not exist (fields: {fields})", layer=layer, field=name)


def _numbers(gdf, name, layer):
    try:
        return pd.to_numeric(gdf[name], errors="raise").to_numpy(dtype=np.float64)
    except (TypeError, ValueError):
        bad = pd.to_numeric(gdf[name], errors="coerce").isna() & gdf[name].notna()
        raise InputError("values are not numbers", layer=layer, feature_ids=_ids(gdf.index, bad), field=name) from None


def _check_geometries(gdf, layer):
    geoms = np.asarray(gdf.geometry.values, dtype=object)
    bad = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    if bad.any():
        raise InputError("feature has no geometry", layer=layer, feature_ids=_ids(gdf.index, bad))
    return geoms


def centroids_xy(geoms):
    """Centroid coordinates (n × 2) of shapely geometries (no empty ones); points are read directly."""
    geoms = np.asarray(geoms, dtype=object)
    xy = np.empty((len(geoms), 2))
    point = shapely.get_type_id(geoms) == 0
    if point.any():
        xy[point] = shapely.get_coordinates(geoms[point])
    if (~point).any():
        xy[~point] = shapely.get_coordinates(shapely.centroid(geoms[~point]))
    return xy


@dataclass
class ShelterInput:
    """The counted shelters, ready for analysis (index = feature id)."""

    table: pd.DataFrame  # columns: type, eff_area_m2, radius_m, capacity, x, y
    geoms: np.ndarray
    skipped_types: dict  # type code -> count of shelters not counted
    warnings: list = field(default_factory=list)


def prepare_shelters(gdf, *, layer="shelters", area_field="area_m2", type_field="type", types=None,
                     radius=None, capacity_field=None, standards=DEFAULT_STANDARDS):
    """Validate the shelter layer and keep the shelters of ``types`` (default: the table's counting
    types). Effective area from ``area_field`` or, when it is empty, the polygon area.
    Raises InputError naming the layer, features and field on bad input."""
    warnings = []
    _require_field(gdf, type_field, layer, "type")
    codes = gdf[type_field].astype(object)
    blank = codes.isna() | (codes.astype(str).str.strip() == "")
    if blank.any():
        raise InputError("shelter type is empty", layer=layer, feature_ids=_ids(gdf.index, blank), field=type_field)
    codes = codes.astype(str).str.strip()
    known = set(standards.codes)
    unknown = ~codes.isin(known)
    if unknown.any():
        found = sorted(set(codes[unknown]))
        raise InputError(f"unknown shelter type(s) {', '.join(found)}; known types: {', '.join(standards.codes)}",
                         layer=layer, feature_ids=_ids(gdf.index, unknown), field=type_field)
    types = tuple(standards.counting_codes() if types is None else types)
    bad_types = [t for t in types if t not in known]
    if bad_types:
        raise InputError(f"TYPES names unknown shelter type(s) {', '.join(bad_types)}; "
                         f"known: {', '.join(standards.codes)}")
    counted = codes.isin(types).to_numpy()
    skipped = codes[~counted].value_counts().to_dict()
    sub = gdf[counted]
    sub_codes = codes[counted].to_numpy(dtype=object)
    geoms = _check_geometries(sub, layer)

    if area_field:
        _require_field(sub, area_field, layer, "area")
        area = _numbers(sub, area_field, layer)
        missing = np.isnan(area)
        if missing.any():
            raise InputError("effective area is missing (NULL); fill it in or leave AREA_FIELD empty to use the "
                             "polygon area", layer=layer, feature_ids=_ids(sub.index, missing), field=area_field)
        negative = area < 0
        if negative.any():
            raise InputError("effective area is negative", layer=layer, feature_ids=_ids(sub.index, negative),
                             field=area_field)
    else:
        area = shapely.area(geoms)
        pointlike = area <= 0
        if pointlike.any():
            raise InputError("shelter has no polygon area (a point or line): set AREA_FIELD to the effective-area "
                             "field", layer=layer, feature_ids=_ids(sub.index, pointlike))
    if radius is None:
        radii = np.array([standards.get(c).radius_m for c in sub_codes], dtype=np.float64)
    else:
        if not np.isfinite(radius) or radius <= 0:
            raise InputError(f"RADIUS must be a positive number of metres, got {radius}")
        radii = np.full(len(sub), float(radius))

    capacity = np.full(len(sub), np.nan)
    if capacity_field:
        _require_field(sub, capacity_field, layer, "capacity")
        capacity = _numbers(sub, capacity_field, layer)
        negative = capacity < 0
        if negative.any():
            raise InputError("capacity is negative", layer=layer, feature_ids=_ids(sub.index, negative),
                             field=capacity_field)
        if np.isnan(capacity).any():
            warnings.append(f"{int(np.isnan(capacity).sum())} shelter(s) without a capacity in '{capacity_field}': "
                            "only their area per served person is checked")
    xy = centroids_xy(geoms)
    table = pd.DataFrame({"type": sub_codes, "eff_area_m2": area, "radius_m": radii, "capacity": capacity,
                          "x": xy[:, 0], "y": xy[:, 1]}, index=sub.index)
    small = area < standards.min_site_area_m2
    if small.any():
        warnings.append(f"{int(small.sum())} counted shelter(s) have less than {standards.min_site_area_m2:g} m² "
                        f"effective area (GB 21734-2008 minimum site area): feature id "
                        f"{', '.join(map(str, _ids(sub.index, small)[:10]))}")
    return ShelterInput(table, geoms, skipped, warnings)


def combine_shelters(prepared, names):
    """Several prepared shelter layers as one: index 0..n-1, with ``source_layer`` (the layer's
    position) and ``source_fid`` columns."""
    tables = []
    for k, part in enumerate(prepared):
        table = part.table.copy()
        table.insert(0, "source_layer", k)
        table.insert(1, "source_fid", table.index.to_numpy())
        tables.append(table)
    table = pd.concat(tables, ignore_index=True)
    skipped = {}
    for part in prepared:
        for code, count in part.skipped_types.items():
            skipped[code] = skipped.get(code, 0) + count
    warnings = [f"{name}: {w}" for part, name in zip(prepared, names) for w in part.warnings]
    geoms = np.concatenate([part.geoms for part in prepared]) if prepared else np.zeros(0, dtype=object)
    return ShelterInput(table, geoms, skipped, warnings)


def _urban_flags(values):
    """True / False / None (unknown) from a bool, number or text column."""
    out = []
    for value in values:
        if value is None or (isinstance(value, float) and np.isnan(value)):
            out.append(None)
        elif isinstance(value, (bool, np.bool_)):
            out.append(bool(value))
        elif isinstance(value, (int, float, np.integer, np.floating)):
            out.append(bool(value != 0))
        else:
            text = str(value).strip().lower()
            out.append(True if text in URBAN_TRUE_TEXT else False if text in URBAN_FALSE_TEXT else None)
    return out


@dataclass
class PopulationInput:
    residents: np.ndarray  # counted residents per feature (urban only when asked)
    all_residents: np.ndarray
    geoms: np.ndarray
    xy: np.ndarray
    index: pd.Index
    urban_applied: bool
    warnings: list = field(default_factory=list)


def prepare_population(gdf, *, layer="population", population_field="residents", urban_only=True,
                       urban_field="urban"):
    """Validate the population layer; residents (NULL or negative are errors), urban-only when the
    flag exists and ``urban_only``."""
    warnings = []
    _require_field(gdf, population_field, layer, "population")
    residents = _numbers(gdf, population_field, layer)
    null = np.isnan(residents)
    if null.any():
        raise InputError("residents is NULL; enter 0 where nobody lives", layer=layer,
                         feature_ids=_ids(gdf.index, null), field=population_field)
    negative = residents < 0
    if negative.any():
        raise InputError("residents is negative", layer=layer, feature_ids=_ids(gdf.index, negative),
                         field=population_field)
    geoms = _check_geometries(gdf, layer)
    counted = residents.copy()
    urban_applied = False
    if urban_only:
        if urban_field in gdf.columns:
            flags = _urban_flags(gdf[urban_field].tolist())
            unknown = np.array([f is None for f in flags], dtype=bool)
            is_urban = np.array([bool(f) for f in flags], dtype=bool)
            counted = np.where(is_urban, residents, 0.0)
            urban_applied = True
            if unknown.any():
                warnings.append(f"{int(unknown.sum())} population feature(s) have no urban flag in '{urban_field}' "
                                f"and were counted as not urban: feature id "
                                f"{', '.join(map(str, _ids(gdf.index, unknown)[:10]))}")
        else:
            warnings.append(f"no '{urban_field}' field in {layer}: all residents counted (URBAN_ONLY needs it)")
    return PopulationInput(counted, residents, geoms, centroids_xy(geoms), gdf.index, urban_applied, warnings)


# ---------------------------------------------------------------- whole analysis

@dataclass
class ShelterAnalysis:
    method: int
    target: float
    population: pd.DataFrame  # per population feature (index = fid)
    shelters: pd.DataFrame  # per counted shelter (index = fid)
    units: object  # per unit DataFrame (index = fid) or None
    summary: dict
    warnings: list
    standards: object


def _catchment(method, pop, shel, network_pairs):
    """2SFCA figures: walking pairs for METHOD 2, straight-line reach (``two_step_fca``) otherwise."""
    xy = shel.table[["x", "y"]].to_numpy()
    radius = shel.table["radius_m"].to_numpy()
    area = shel.table["eff_area_m2"].to_numpy()
    if method == METHOD_NETWORK:
        if network_pairs is None:
            raise InputError("METHOD 2 (network) needs a road layer (ROADS)")
        di, si, _d = network_pairs(pop.xy, xy, radius)
        return fca_from_pairs(di, si, pop.residents, area)
    return two_step_fca(pop.xy, pop.residents, xy, area, radius)


def analyse_shelters(shelters, population, *, method=METHOD_CATCHMENT, units=None, area_field="area_m2",
                     type_field="type", types=None, population_field="residents", urban_only=True,
                     urban_field="urban", radius=None, target=None, capacity_field=None,
                     standards=DEFAULT_STANDARDS, network_pairs=None, layer_names=None, progress=None):
    """Shelter area per capita by ``method`` (0, 1 or 2; module docstring).

    ``shelters``, ``population``, ``units``: GeoDataFrames in one projected metric CRS (index =
    feature id); ``shelters`` may be a list of GeoDataFrames (e.g. polygons and points, same
    fields): the shelters output is then indexed 0..n-1 with ``source_layer``/``source_fid``.
    ``network_pairs(demand_xy, supply_xy, radius) -> (demand_index, supply_index, distance)`` gives
    the pairs within walking reach (METHOD 2). ``progress(fraction)`` is called between steps and
    may raise to cancel.
    """
    names = {"shelters": "shelters", "population": "population", "units": "units", **(layer_names or {})}
    target = standards.target_m2_per_capita if target is None else float(target)
    if not np.isfinite(target) or target <= 0:
        raise InputError(f"TARGET must be a positive number of m² per person, got {target}")
    if method not in METHOD_NAMES:
        raise InputError(f"METHOD must be 0, 1 or 2, got {method}")
    if method == METHOD_ADMINISTRATIVE and units is None:
        raise InputError("METHOD 0 (administrative) needs a units layer (UNITS, e.g. townships)")
    report = progress or (lambda fraction: None)

    several = isinstance(shelters, (list, tuple))
    shelter_frames = list(shelters) if several else [shelters]
    shelter_names = names["shelters"]
    if isinstance(shelter_names, str):
        shelter_names = [shelter_names] if not several else [f"{shelter_names} {k + 1}" for k in range(len(shelters))]
    prepared = [prepare_shelters(gdf, layer=name, area_field=area_field, type_field=type_field, types=types,
                                 radius=radius, capacity_field=capacity_field, standards=standards)
                for gdf, name in zip(shelter_frames, shelter_names)]
    shel = prepared[0] if not several else combine_shelters(prepared, shelter_names)
    pop = prepare_population(population, layer=names["population"], population_field=population_field,
                             urban_only=urban_only, urban_field=urban_field)
    warnings = shel.warnings + pop.warnings
    if len(shel.table) == 0:
        warnings.append("no shelter of the counted types: every resident falls short of the target")
    report(0.1)

    # catchment (straight line for methods 0 and 1, network for 2): per shelter served residents
    fca = _catchment(method, pop, shel, network_pairs)
    report(0.6)
    meets, deficit, no_shelter = coverage_figures(pop.residents, fca.m2_per_capita, fca.shelters_in_reach, target)
    population_out = pd.DataFrame({
        "counted_residents": pop.residents,
        "shelters_in_reach": fca.shelters_in_reach,
        "no_shelter": no_shelter,
        "m2_per_capita": fca.m2_per_capita,
        "meets_target": pd.array(np.where(pop.residents > 0, meets, None), dtype="boolean"),
        "deficit_m2": deficit,
    }, index=pop.index)

    table = shel.table
    capacity = table["capacity"].to_numpy()
    with np.errstate(invalid="ignore"):
        over_capacity = np.where(np.isnan(capacity), np.nan, (fca.served > capacity).astype(float))
    short_area = (fca.served > 0) & (np.nan_to_num(fca.m2_per_served, nan=np.inf) < target * (1 - MEETS_TOLERANCE))
    overloaded = short_area | (over_capacity == 1)
    shelters_out = pd.DataFrame({
        **({"source_layer": table["source_layer"].to_numpy(), "source_fid": table["source_fid"].to_numpy()}
           if "source_layer" in table.columns else {}),
        "type": table["type"].to_numpy(),
        "eff_area_m2": table["eff_area_m2"].to_numpy(),
        "radius_m": table["radius_m"].to_numpy(),
        "served_residents": fca.served,
        "m2_per_served": fca.m2_per_served,
        "overloaded": overloaded,
        "over_capacity": pd.array(np.where(np.isnan(over_capacity), None, over_capacity == 1), dtype="boolean"),
        "below_min_area": table["eff_area_m2"].to_numpy() < standards.min_site_area_m2,
    }, index=table.index)
    report(0.7)

    total_residents = float(pop.residents.sum())
    total_area = float(table["eff_area_m2"].sum())
    county_ratio = total_area / total_residents if total_residents > 0 else float("nan")
    counted_mask = pop.residents > 0
    summary = {
        "method": method,
        "method_name": METHOD_NAMES[method],
        "target_m2_per_capita": target,
        "residents": total_residents,
        "all_residents": float(pop.all_residents.sum()),
        "urban_only": bool(pop.urban_applied),
        "shelter_area_m2": total_area,
        "shelters_counted": int(len(table)),
        "shelters_not_counted": {str(k): int(v) for k, v in shel.skipped_types.items()},
        "county_m2_per_capita": county_ratio,
        "county_meets_target": bool(total_residents > 0 and county_ratio >= target * (1 - MEETS_TOLERANCE)),
        "county_deficit_m2": max(0.0, target * total_residents - total_area),
        "residents_no_shelter": float(pop.residents[no_shelter].sum()),
        "features_no_shelter": int((no_shelter & counted_mask).sum()),
        "shelters_overloaded": int(overloaded.sum()),
        "shelters_unreached": int((fca.served <= 0).sum()),
        "shelters_below_min_area": int(shelters_out["below_min_area"].sum()),
        "pairs_in_reach": int(fca.n_pairs),
        # catchment figures (straight line for METHODS 0 and 1, walking for 2), whatever the method
        "reach_meeting_residents": float(pop.residents[meets].sum()),
        "reach_deficit_m2": float(deficit.sum()),
    }

    units_out = None
    if units is not None:
        units_out, unit_summary = _unit_figures(units, names["units"], pop, shel, population_out, target, warnings)
        summary.update(unit_summary)
    if method == METHOD_ADMINISTRATIVE:
        # residents of the units that meet the target, among the residents inside units
        res = units_out["residents"].to_numpy()
        summary["residents_meeting_target"] = float(res[units_out["meets_target"].fillna(False).to_numpy(bool)].sum())
        summary["total_deficit_m2"] = float(units_out["deficit_m2"].sum())
        denominator = float(res.sum())
    else:
        summary["residents_meeting_target"] = summary["reach_meeting_residents"]
        summary["total_deficit_m2"] = summary["reach_deficit_m2"]
        denominator = total_residents
    summary["share_meeting_target"] = (summary["residents_meeting_target"] / denominator
                                       if denominator > 0 else float("nan"))
    report(1.0)
    return ShelterAnalysis(method, target, population_out, shelters_out, units_out, summary, warnings, standards)


def _unit_figures(units, layer, pop, shel, population_out, target, warnings):
    """Per unit: administrative ratio (shelters by centroid, residents apportioned) and the
    catchment figures of its population apportioned the same way."""
    unit_geoms = _check_geometries(units, layer)
    owner = units_of_points(shapely.points(shel.table[["x", "y"]].to_numpy()), unit_geoms)
    outside = owner < 0
    if outside.any():
        table = shel.table
        if "source_fid" in table.columns:
            ids = [f"{layer}:{fid}" for layer, fid in zip(table["source_layer"][outside], table["source_fid"][outside])]
        else:
            ids = table.index[outside].tolist()
        warnings.append(f"{int(outside.sum())} counted shelter(s) lie outside every unit and are not in any unit's "
                        f"area: feature id {', '.join(map(str, ids[:10]))}")
    area = np.bincount(owner[~outside], weights=shel.table["eff_area_m2"].to_numpy()[~outside],
                       minlength=len(unit_geoms))
    count = np.bincount(owner[~outside], minlength=len(unit_geoms))
    meets = population_out["meets_target"].fillna(False).to_numpy(bool)
    no_shelter = population_out["no_shelter"].to_numpy(bool)
    values = np.column_stack([pop.residents, np.where(meets, pop.residents, 0.0),
                              np.where(no_shelter, pop.residents, 0.0), population_out["deficit_m2"].to_numpy()])
    per_unit, lost = apportion_to_units(values, pop.geoms, unit_geoms)
    if lost[0] > 1e-6 * max(1.0, pop.residents.sum()):
        warnings.append(f"{lost[0]:.0f} residents lie outside every unit and are in no unit's figures")
    residents = per_unit[:, 0]
    ratio, unit_meets, deficit = administrative_ratio(residents, area, target)
    frame = pd.DataFrame({
        "residents": residents,
        "shelter_area_m2": area,
        "shelter_count": count.astype(np.int64),
        "m2_per_capita": ratio,
        "meets_target": pd.array(np.where(residents > 0, unit_meets, None), dtype="boolean"),
        "deficit_m2": deficit,
        "reach_meeting_residents": per_unit[:, 1],
        "reach_no_shelter_residents": per_unit[:, 2],
        "reach_deficit_m2": per_unit[:, 3],
    }, index=units.index)
    return frame, {"units": int(len(frame)), "units_meeting_target": int(frame["meets_target"].fillna(False).sum()),
                   "residents_outside_units": float(max(lost[0], 0.0)),
                   "shelters_outside_units": int(outside.sum())}
