"""Fire-station siting end to end (pure): candidates, siting rules, coverage by the reach
analysis's land rule, the MCLP / LSCP solve, and the tables of the chosen sites, the demand
still out of reach and the before/after summary.

Demand weights: a resident counts 1; a target its preset's weight by risk level
(``core.standards.siting_weights``). Time limits: residents TIME_LIMIT; a target its risk
level's limit (``tier_limits``, levels 1..4; a target without a level takes level 4's).
Existing stations are fixed (their coverage is ``covered_now``); candidates are new sites with
the default turnout.
"""
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from .. import log_lines as say
from .. import messages as m
from .. import network as nw
from ..errors import InputError
from ..fire_reach.results import ReachOptions
from ..standards.siting_weights import UNKNOWN_LEVEL, target_weight
from .candidates import CANDIDATE_SPACING_M, candidates_along_roads
from .reach_coverage import SitingCoverage, siting_coverage, siting_demand
from .rules import CandidateFilter, filter_candidates
from .solve import Objective, SitingResult, solve_siting
from .tables import RowState, sites_frame, summary_frame, uncovered_frame

Progress = Callable[..., Any]  # (percent, optional log line)


@dataclass
class SitingTargets:
    """Targets of one or more layers: geometries, ids, layer names and risk levels (0: none)."""

    geoms: np.ndarray
    ids: np.ndarray
    layers: np.ndarray
    levels: np.ndarray


@dataclass
class SitingPlan:
    """What ``plan_sites`` gives: the three tables, the solver's answer and what was done."""

    sites: Any  # GeoDataFrame
    uncovered: Any  # GeoDataFrame
    summary: Any  # DataFrame
    result: SitingResult
    coverage: SitingCoverage
    rules: CandidateFilter
    candidates: Any  # GeoDataFrame of the candidates after the rules (site_id, road_id, geometry)
    info: list[str] = field(default_factory=list)


def tier_limits(text: str | None, time_limit: float) -> tuple[float, float, float, float]:
    """Minutes per risk level 1..4 from ``"4,5,5,5"``; empty: ``time_limit`` for all."""
    if text is None or not str(text).strip():
        return (float(time_limit),) * 4
    parts = [p.strip() for p in str(text).replace("，", ",").split(",")]
    try:
        values = [float(p) for p in parts]
    except ValueError:
        raise InputError(m.TIER_LIMITS_NOT_VALID, value=repr(text)) from None
    if len(values) != 4 or not all(np.isfinite(v) and v > 0 for v in values):
        raise InputError(m.TIER_LIMITS_NOT_VALID, value=repr(text))
    return values[0], values[1], values[2], values[3]


def plan_sites(roads: npt.ArrayLike, speeds_kmh: npt.ArrayLike, oneway: npt.ArrayLike | None,
               station_xy: np.ndarray, station_turnout: np.ndarray, *, candidates: Any = None,
               candidate_ids: Sequence[Any] | None = None, road_ids: npt.ArrayLike | None = None,
               road_classes: npt.ArrayLike | None = None, spacing_m: float = CANDIDATE_SPACING_M,
               hazard_units: npt.ArrayLike | None = None, crowded_places: npt.ArrayLike | None = None,
               wind_from_deg: float | None = None, study_area: Any = None, population: npt.ArrayLike | None = None,
               residents: npt.ArrayLike | None = None, targets: SitingTargets | None = None,
               objective: Objective = "MCLP", new_sites: int = 3, limits_by_level: Sequence[float] | None = None,
               weight_preset: str = "residents_only", options: ReachOptions | None = None, crs: Any = None,
               solver_seconds: float | None = 60.0, progress: Progress | None = None) -> SitingPlan:
    """Site new fire stations (module docstring). ``candidates``: point geometries, or None to
    generate them along ``roads`` every ``spacing_m`` (frontage rule by ``road_classes``);
    ``hazard_units`` / ``crowded_places`` / ``wind_from_deg``: the siting rules' inputs (None:
    the rule is skipped, listed in ``rules.skipped_rules``)."""
    import geopandas as gpd
    import shapely

    options = options or ReachOptions()
    report = progress or (lambda *_: None)
    info: list[str] = []
    T = float(options.time_limit)
    levels_limits = tuple(limits_by_level) if limits_by_level is not None else (T,) * 4
    roads = np.asarray(roads, dtype=object)
    station_turnout = np.asarray(station_turnout, dtype=np.float64)
    station_turnout = np.where(np.isfinite(station_turnout), station_turnout, float(options.default_turnout))
    report(2, say.BUILDING_GRAPH)
    net = nw.build_network(roads, speeds_kmh, oneway, node_tolerance=options.node_tolerance)
    if net.n_edges == 0:
        raise InputError(m.ROADS_WITHOUT_LENGTH, layer="roads")

    report(5, say.CANDIDATES)
    if candidates is None:
        cand = candidates_along_roads(roads, road_ids, spacing_m, crs=crs, road_classes=road_classes)
        cand["site_id"] = [f"C{i + 1:04d}" for i in range(len(cand))]
        info.append(say.LogLine(say.CANDIDATES_GENERATED, count=len(cand), spacing=spacing_m))
    else:
        geoms = np.asarray(candidates, dtype=object)
        ids = [str(v) for v in (candidate_ids if candidate_ids is not None else range(1, len(geoms) + 1))]
        cand = gpd.GeoDataFrame({"site_id": ids, "road_id": [None] * len(geoms)},
                                geometry=gpd.GeoSeries(geoms, crs=crs), crs=crs)
    rules = filter_candidates(cand.geometry.values, hazard_units, crowded_places, wind_from_deg)
    cand = cand[rules.kept].reset_index(drop=True)
    if len(cand) == 0:
        raise InputError(m.NO_CANDIDATES_LEFT)

    targets = targets or SitingTargets(np.zeros(0, object), np.zeros(0, object), np.zeros(0, object),
                                       np.zeros(0, np.int64))
    level = np.where(np.isin(targets.levels, (1, 2, 3, 4)), targets.levels, UNKNOWN_LEVEL).astype(np.int64)
    target_limit = np.asarray(levels_limits, dtype=float)[level - 1]
    report(8, say.SITING_RESIDENTS)
    demand = siting_demand(net, study_area, population, residents, targets.geoms, target_limit, options)
    coverage = siting_coverage(
        net, demand, station_xy, station_turnout, shapely.get_coordinates(cand.geometry.values),
        float(options.default_turnout), options,
        progress=lambda pct, *message: report(10 + 0.75 * pct, *message))
    n_cells = len(demand.cells)
    resident_w = np.concatenate([demand.cell_residents, np.zeros(len(targets.geoms))])
    target_n = np.concatenate([np.zeros(n_cells), np.ones(len(targets.geoms))])
    weights = resident_w + np.concatenate([np.zeros(n_cells), [target_weight(weight_preset, int(v)) for v in level]])
    report(87, say.SOLVING)
    result = solve_siting(objective, coverage.matrix, coverage.group_sums(weights), coverage.covered_now, new_sites,
                          extra_weights={"residents": coverage.group_sums(resident_w),
                                         "targets": coverage.group_sums(target_n)}, time_limit_s=solver_seconds)
    report(95, say.TABLES)
    rows = RowState(coverage.per_row(result.covered_before), coverage.per_row(result.covered_after),
                    coverage.per_row(np.diff(coverage.matrix.indptr) > 0))
    sites = sites_frame(cand, result, demand, rows)
    uncovered = uncovered_frame(demand, rows, targets, crs)
    summary = summary_frame(demand, rows, result, targets, level, len(station_xy))
    info.append(say.LogLine(
        say.SITING_FIGURES, cells=n_cells, cell=demand.grid.cell, targets=len(targets.geoms),
        rows=coverage.matrix.shape[0], columns=coverage.matrix.shape[1], entries=coverage.matrix.nnz,
        solver_rows=result.reduced_shape[0], solver_columns=result.reduced_shape[1],
        status=say.solver_status(result.status), how=result.message))
    return SitingPlan(sites, uncovered, summary, result, coverage, rules, cand, info)
