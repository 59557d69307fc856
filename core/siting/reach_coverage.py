"""The coverage matrix of fire-station siting, by exactly ``firestationreach``'s land rule.

Demand units: the land-rule grid's cells that hold residents (residents apportioned to the
cells as the reach analysis does, ``fire_reach.cell_apportion``), then the targets
(enterprises, hazard units). A cell is covered by a station when some road point within
ACCESS_DISTANCE of it is reached within its time limit (turnout included); a target likewise
(``network.earliest_within``, as the reach's target table). Stations covering a cell together
cover it when one of them does, so the matrix's columns combine by "or": the "after" figures
equal the reach analysis run on the final station set, up to where its samples of the roads
fall in the cells.

The existing stations are searched at once (``network.search``, as the reach analysis);
the candidates one by one, by ``network.search_each`` (one bounded dijkstra per block of
candidates, bounded by the largest time limit less the turnout), each candidate's land on a
window of the grid around what it reaches (``fire_reach.land_rule.reached_within``: the
reach's land rule, whether a cell is reached and not by when).
"""
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import sparse

from .. import log_lines as say
from .. import network as nw
from ..fire_reach.cell_apportion import apportion_to_cells
from ..fire_reach.grid import LandGrid
from ..fire_reach.land_rule import reached_within
from ..fire_reach.regions import study_polygon
from ..fire_reach.results import ReachOptions

Progress = Callable[..., Any]  # (percent, optional log line)


@dataclass
class SitingDemand:
    """The demand side: ``cells`` (flat indices into ``grid``) with ``cell_residents``; targets
    with their time limits; ``limits`` per demand row (cells first, then targets)."""

    grid: LandGrid
    study: Any
    inside: np.ndarray  # per cell of the grid
    cells: np.ndarray
    cell_residents: np.ndarray
    residents_total: float  # residents of the study area as the reach analysis counts them
    target_geoms: np.ndarray
    target_limits: np.ndarray
    resident_limit: float

    @property
    def n_rows(self) -> int:
        return len(self.cells) + len(self.target_geoms)

    @property
    def limits(self) -> np.ndarray:
        return np.concatenate([np.full(len(self.cells), self.resident_limit), self.target_limits])


@dataclass
class SitingCoverage:
    """``matrix`` (groups of demand rows × candidates, CSR bool): demand rows reached by the same
    candidates and alike covered now are one group (2 million cells of a county are a hundred
    thousand groups; the solver sees each group once, with the sum of its weights). ``snapped``:
    which candidates could be placed on the network."""

    demand: SitingDemand
    matrix: sparse.csr_matrix  # groups × candidates
    covered_now: np.ndarray  # per group
    row_group: np.ndarray  # per demand row: its group (rows of one group: the same candidates, covered now alike)
    snapped: np.ndarray
    network: nw.RoadNetwork
    seconds: dict[str, float]

    def per_row(self, per_group: np.ndarray) -> np.ndarray:
        """A per-group array as one value per demand row."""
        return np.asarray(per_group)[self.row_group]

    def group_sums(self, per_row: npt.ArrayLike) -> np.ndarray:
        """Per-row values summed per group."""
        return np.bincount(self.row_group, weights=np.asarray(per_row, dtype=np.float64),
                           minlength=self.matrix.shape[0])


def siting_demand(net: nw.RoadNetwork, study_area: Any, population: npt.ArrayLike | None,
                  residents: npt.ArrayLike | None, target_geoms: npt.ArrayLike, target_limits: npt.ArrayLike,
                  options: ReachOptions) -> SitingDemand:
    """The demand units on the reach analysis's grid of the study area (its default cell size)."""
    study = study_polygon(study_area, net)
    grid = LandGrid.for_area(study, float(options.access_distance), options)
    inside = grid.inside(study)
    if population is not None and len(population):
        values = np.nan_to_num(np.asarray(residents, dtype=np.float64), nan=0.0)
        cell_res = apportion_to_cells(grid, population, values).ravel()
    else:
        cell_res = np.zeros(grid.shape[0] * grid.shape[1])
    cell_res = np.where(inside.ravel(), cell_res, 0.0)
    cells = np.flatnonzero(cell_res > 0)
    return SitingDemand(grid, study, inside, cells, cell_res[cells], float(cell_res.sum()),
                        np.asarray(target_geoms, dtype=object), np.asarray(target_limits, dtype=np.float64),
                        float(options.time_limit))


def covered_by(result: nw.SearchResult, demand: SitingDemand, grid: LandGrid, row_of_cell: np.ndarray,
               distance: float, targets_near: np.ndarray | None = None) -> np.ndarray:
    """Demand rows a search result covers: cells by the land rule on ``grid`` (the demand's grid
    or a window of it, ``row_of_cell`` mapping its flat cells to rows, -1 for none: such cells are
    not looked at), targets by
    ``earliest_within`` against their own limit (``targets_near``: the targets to test)."""
    parts = nw.reached_parts(result, demand.resident_limit)
    rows = np.zeros(0, dtype=np.int64)
    if len(parts) and len(demand.cells):
        wanted = (row_of_cell >= 0).reshape(grid.shape)
        reached = reached_within(grid, result.network, parts, distance, wanted).ravel()
        rows = row_of_cell[np.flatnonzero(reached)]
        rows = rows[rows >= 0]
    if len(demand.target_geoms):
        near = np.arange(len(demand.target_geoms)) if targets_near is None else targets_near
        if len(near):
            cost, _ = nw.earliest_within(result, demand.target_geoms[near], distance)
            hit = near[cost <= demand.target_limits[near]]
            rows = np.concatenate([rows, len(demand.cells) + hit])
    return rows


def siting_coverage(net: nw.RoadNetwork, demand: SitingDemand, station_xy: np.ndarray, station_turnout: np.ndarray,
                    candidate_xy: np.ndarray, candidate_turnout: float, options: ReachOptions,
                    progress: Progress | None = None) -> SitingCoverage:
    """The coverage matrix of the candidates and the demand the existing stations cover now."""
    import time

    import shapely

    D = float(options.access_distance)
    top = float(max(demand.resident_limit, demand.target_limits.max(initial=0.0)))
    seconds: dict[str, float] = {}
    start = time.perf_counter()
    grid = demand.grid
    row_of_cell = np.full(grid.shape[0] * grid.shape[1], -1, dtype=np.int64)
    row_of_cell[demand.cells] = np.arange(len(demand.cells))
    covered_now = np.zeros(demand.n_rows, dtype=bool)
    st_loc = nw.locate(net, station_xy, max_distance=options.snap_tolerance)
    if st_loc.snapped.any():
        now = nw.search(net, st_loc, offsets=np.where(st_loc.snapped, station_turnout, 0.0), limit=top)
        covered_now[covered_by(now, demand, grid, row_of_cell, D)] = True
    seconds["existing stations"] = time.perf_counter() - start
    open_row_of_cell = np.where(covered_now[row_of_cell], -1, row_of_cell)  # covered now: no new site needed

    loc = nw.locate(net, candidate_xy, max_distance=options.snap_tolerance)
    target_tree = shapely.STRtree(demand.target_geoms) if len(demand.target_geoms) else None
    rows_out, cols_out = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
    n_snapped, done = int(loc.snapped.sum()), 0
    said, tenth = 0, max(20, n_snapped // 10)  # the bar moves every 20 candidates, the log says so every tenth
    timing = {"search and land rule": 0.0}
    start = time.perf_counter()
    for point, result in nw.search_each(net, loc, candidate_turnout, top):
        window = _window(grid, net, result, D)
        if window is None:
            continue
        sub_grid, flat = window
        near = None
        if target_tree is not None:
            x0, y0 = sub_grid.x0, sub_grid.y0
            box = shapely.box(x0, y0, x0 + sub_grid.shape[1] * grid.cell, y0 + sub_grid.shape[0] * grid.cell)
            near = np.sort(target_tree.query(box))
        rows = covered_by(result, demand, sub_grid, open_row_of_cell[flat], D, near)
        rows = rows[~covered_now[rows]].astype(np.int32)  # what is covered now needs no new site
        rows_out.append(rows)
        cols_out.append(np.full(len(rows), point, dtype=np.int32))
        done += 1
        if progress is not None and done % 20 == 0:
            percent = 100.0 * done / max(n_snapped, 1)
            if done // tenth > said:
                said = done // tenth
                progress(percent, say.LogLine(say.COVERAGE_OF_CANDIDATE, done=done, total=n_snapped))
            else:
                progress(percent)
    timing["search and land rule"] = time.perf_counter() - start
    seconds.update(timing)
    del rows_out[0], cols_out[0]
    start = time.perf_counter()
    row_group, matrix, group_now = _grouped(rows_out, cols_out, covered_now, len(candidate_xy))
    seconds["grouping demand"] = time.perf_counter() - start
    return SitingCoverage(demand, matrix, group_now, row_group, loc.snapped, net, seconds)


def _grouped(rows_of: list[np.ndarray], cols_of: list[np.ndarray], covered_now: np.ndarray,
             n_candidates: int) -> tuple[np.ndarray, sparse.csr_matrix, np.ndarray]:
    """Demand rows with the same candidates and the same ``covered_now`` as one group: (group per
    row, the groups' matrix, covered now per group). Rows are told apart by two sums of random
    64-bit values of their candidates (a collision would need two equal 128-bit sums)."""
    rng = np.random.default_rng(20240917)
    n = len(covered_now)
    keys = np.zeros((n, 3), dtype=np.uint64)
    keys[:, 2] = covered_now
    tags = rng.integers(0, np.iinfo(np.int64).max, size=(n_candidates, 2), dtype=np.int64).astype(np.uint64)
    for rows, cols in zip(rows_of, cols_of):
        if len(rows):  # one candidate's rows (no repeats within one)
            keys[rows, 0] += tags[cols[0], 0]
            keys[rows, 1] += tags[cols[0], 1]
    order = np.lexsort((keys[:, 2], keys[:, 1], keys[:, 0]))  # (a row-wise np.unique sorts 10 × slower)
    ordered = keys[order]
    starts = np.ones(n, dtype=bool)
    starts[1:] = (ordered[1:] != ordered[:-1]).any(axis=1)
    row_group = np.empty(n, dtype=np.int64)
    row_group[order] = np.cumsum(starts) - 1
    first = order[starts]
    group_rows, group_cols = [], []
    seen = np.zeros(len(first), dtype=bool)  # a candidate's groups, each once (a scatter, not a sort)
    for rows, cols in zip(rows_of, cols_of):
        if len(rows):
            seen[row_group[rows]] = True
            groups = np.flatnonzero(seen)
            seen[groups] = False
            group_rows.append(groups)
            group_cols.append(np.full(len(groups), cols[0], dtype=np.int64))
    g_rows = np.concatenate(group_rows) if group_rows else np.zeros(0, dtype=np.int64)
    g_cols = np.concatenate(group_cols) if group_cols else np.zeros(0, dtype=np.int64)
    matrix = sparse.csr_matrix((np.ones(len(g_rows), dtype=bool), (g_rows, g_cols)), shape=(len(first), n_candidates))
    return row_group, matrix, covered_now[first]


def _window(grid: LandGrid, net: nw.RoadNetwork, result: nw.SearchResult,
            distance: float) -> tuple[LandGrid, np.ndarray] | None:
    """A window of ``grid`` around the network edges ``result`` reaches (padded by the access
    distance and two cells, so the land rule sees there what it sees on the whole grid), and the
    flat indices of its cells in ``grid``; None when it reaches no edge."""
    if len(result.edge_base) == 0:
        return None
    e = result.edge_base
    xy = np.concatenate([net.nodes[net.edge_from[e]], net.nodes[net.edge_to[e]]])
    pad = distance + 2 * grid.cell
    h, w = grid.shape
    c0 = int(np.clip(np.floor((xy[:, 0].min() - pad - grid.x0) / grid.cell), 0, w))
    c1 = int(np.clip(np.ceil((xy[:, 0].max() + pad - grid.x0) / grid.cell), 0, w))
    r0 = int(np.clip(np.floor((xy[:, 1].min() - pad - grid.y0) / grid.cell), 0, h))
    r1 = int(np.clip(np.ceil((xy[:, 1].max() + pad - grid.y0) / grid.cell), 0, h))
    if c1 <= c0 or r1 <= r0:
        return None
    sub = LandGrid(grid.x0 + c0 * grid.cell, grid.y0 + r0 * grid.cell, grid.cell, (r1 - r0, c1 - c0))
    rows, cols = np.meshgrid(np.arange(r0, r1), np.arange(c0, c1), indexing="ij")
    return sub, (rows * w + cols).ravel()
