"""Two-step floating catchment (2SFCA, Luo & Wang 2003): from listed pairs, or straight-line
reach without listing them; coverage against the target."""
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .cell_grid import CellGrid, concatenated_ranges, kdtree_pairs, reach_inputs, sums, too_many_candidates

MEETS_TOLERANCE = 1e-9  # relative: A ≥ TARGET·(1 − 1e-9) meets the target (absorbs float rounding of exact ratios)


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


def fca_from_pairs(demand_index: npt.ArrayLike, supply_index: npt.ArrayLike, demand: npt.ArrayLike,
                   supply: npt.ArrayLike) -> FcaResult:
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


def catchment_pairs(demand_xy: npt.ArrayLike, supply_xy: npt.ArrayLike,
                    radius: npt.ArrayLike) -> tuple[np.ndarray, ...]:
    """Pairs within straight-line reach: (demand_index, supply_index, distance) with
    distance ≤ radius of the supply (scalar or one per supply; inclusive).

    The distance is ``sqrt(dx·dx + dy·dy)`` in float64, the formula of a brute-force distance table
    and of ``scipy.spatial.cKDTree`` (same bits), so a pair at exactly the radius is kept wherever
    they keep it. Pairs come grouped by shelter.
    """
    demand_xy, supply_xy, radius = reach_inputs(demand_xy, supply_xy, radius)
    empty = (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0))
    if len(demand_xy) == 0 or len(supply_xy) == 0:
        return empty
    grid = CellGrid.build(demand_xy, radius)
    if grid is None:
        return kdtree_pairs(demand_xy, supply_xy, radius)
    rows = grid.shelter_rows(supply_xy, radius)
    start = grid.start
    lo, hi = start[rows.base + rows.c0], start[rows.base + rows.c1 + 1]
    if too_many_candidates(grid, lo, hi, len(supply_xy)):
        return kdtree_pairs(demand_xy, supply_xy, radius)
    return grid.pairs_in_ranges(lo, hi, rows.sid, supply_xy, radius, with_distance=True)


def two_step_fca(demand_xy: npt.ArrayLike, demand: npt.ArrayLike, supply_xy: npt.ArrayLike, supply: npt.ArrayLike,
                 radius: npt.ArrayLike) -> FcaResult:
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
    demand_xy, supply_xy, radius = reach_inputs(demand_xy, supply_xy, radius)
    n_d, n_s = len(demand_xy), len(supply_xy)
    if len(demand) != n_d or len(supply) != n_s:
        raise ValueError(f"{len(demand)} demand values for {n_d} demand points, "
                         f"{len(supply)} supply values for {n_s} supply points")
    if n_d == 0 or n_s == 0:
        return fca_from_pairs([], [], demand, supply)
    grid = CellGrid.build(demand_xy, radius)
    if grid is None:
        return fca_from_pairs(*kdtree_pairs(demand_xy, supply_xy, radius)[:2], demand, supply)
    rows = grid.shelter_rows(supply_xy, radius, interior=True)
    start, ncols, nrows = grid.start, grid.ncols, grid.nrows
    base, c0, c1, i0, i1 = rows.base, rows.c0, rows.c1, rows.i0, rows.i1
    # edge cells: [c0, i0) and (i1, c1] of each (shelter, row), as ranges of the CSR point list
    lo = np.concatenate([start[base + c0], start[base + i1 + 1]])
    hi = np.concatenate([start[base + i0], start[base + c1 + 1]])
    if too_many_candidates(grid, lo, hi, n_s):
        return fca_from_pairs(*kdtree_pairs(demand_xy, supply_xy, radius)[:2], demand, supply)
    bi, bs = grid.pairs_in_ranges(lo, hi, np.concatenate([rows.sid, rows.sid]), supply_xy, radius,
                                  with_distance=False)

    # inner cells: one (cell, shelter) entry per cell wholly inside a shelter's circle
    inner = np.flatnonzero(rows.inner)
    cells, cell_shelter = concatenated_ranges((base + i0)[inner], (base + i1 + 1)[inner], rows.sid[inner])
    # D_j = Σ P_i: the residents of its inner cells, then its edge points one by one
    cell_residents = np.bincount(grid.cell, weights=demand, minlength=nrows * ncols)
    served = sums(cell_shelter, cell_residents[cells], n_s)
    served += sums(bs, demand[bi], n_s)
    ratio = np.full(n_s, np.nan)
    used = served > 0
    ratio[used] = supply[used] / served[used]
    ratio0 = np.where(used, ratio, 0.0)
    # A_i = Σ R_j: per cell over the shelters it is inside of, then edge pairs one by one
    available = sums(cells, ratio0[cell_shelter], nrows * ncols)[grid.cell]
    available += sums(bi, ratio0[bs], n_d)
    in_reach = np.bincount(cells, minlength=nrows * ncols)[grid.cell]
    in_reach += np.bincount(bi, minlength=n_d)
    m2 = np.where(demand > 0, available, np.nan)
    return FcaResult(m2, in_reach, served, ratio, int(in_reach.sum()))


def coverage_figures(demand: npt.ArrayLike, m2_per_capita: np.ndarray, shelters_in_reach: npt.ArrayLike,
                     target: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per demand location: meets_target (bool, NaN-safe: False where no residents),
    deficit_m2 and no_shelter."""
    demand = np.asarray(demand, dtype=np.float64)
    value = np.where(np.isnan(m2_per_capita), 0.0, m2_per_capita)
    meets = (demand > 0) & (value >= target * (1 - MEETS_TOLERANCE))
    deficit = np.where(meets | (demand <= 0), 0.0, np.maximum(0.0, (target - value) * demand))
    no_shelter = np.asarray(shelters_in_reach) == 0
    return meets, deficit, no_shelter
