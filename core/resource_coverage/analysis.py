"""``resource_coverage``: rescue teams' or supply depots' reach on the road network, by the fire-station
reach engine (``core.fire_reach.fire_station_reach``: the same graph, search, land rule and residents), and
what is left out — residents and key targets — per township."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from .. import log_lines as say
from .. import messages as m
from ..errors import Notice, Warnings
from ..fire_reach import ReachOptions, fire_station_reach
from .townships import count_by, place_in_townships, township_of, township_rows

Progress = Callable[[float, str], Any]


def _noop(*_args: Any) -> None:
    return None


@dataclass
class Resources:
    """Rescue teams or supply depots as given: one entry each."""

    geoms: np.ndarray  # shapely points
    ids: np.ndarray  # str
    turnout: np.ndarray  # minutes, NaN: the default turnout
    names: np.ndarray | None = None
    categories: np.ndarray | None = None  # team type or depot level codes
    kind: str = "rescue_teams"
    layer: str = "resources"
    turnout_field: str | None = None


@dataclass
class KeyTargets:
    """Key targets (points or polygons) with their ids, names, categories and occupancy (people)."""

    geoms: np.ndarray
    ids: np.ndarray
    names: np.ndarray | None = None
    categories: np.ndarray | None = None
    occupancy: np.ndarray | None = None  # NaN where not known


@dataclass
class Townships:
    geoms: np.ndarray
    ids: np.ndarray
    names: np.ndarray


@dataclass
class CoverageResult:
    """GeoDataFrames in the analysis CRS: ``areas`` (one per resource), ``gaps``, ``townships``, ``targets``
    (None without key targets), ``edges`` (the reached roads), and the engine's messages."""

    areas: Any
    gaps: Any
    townships: Any
    targets: Any
    edges: Any
    info: list[str] = field(default_factory=list)
    warnings: Warnings = field(default_factory=list)
    stats: dict[str, float] = field(default_factory=dict)


def resource_coverage(roads: npt.ArrayLike, speeds_kmh: npt.ArrayLike, oneway: npt.ArrayLike | None,
                      resources: Resources, townships: Townships | None = None,
                      population: npt.ArrayLike | None = None, residents: npt.ArrayLike | None = None,
                      key_targets: KeyTargets | None = None, options: ReachOptions | None = None,
                      progress: Progress = _noop, names: dict[str, Any] | None = None) -> CoverageResult:
    """The resources' reach within ``options.time_limit`` minutes of the dispatch order (turnout +
    driving; an arrival at exactly the limit is in time), by ``fire_station_reach`` with the resources as
    its stations (no class limits) and the key targets as its targets; the study area is the townships'
    union (else the roads' extent). ``names``: "roads", "road_fids" as for fire_station_reach."""
    import shapely

    options = options or ReachOptions()
    names = dict(names or {})
    study = None
    if townships is not None and len(townships.geoms):
        study = shapely.union_all(shapely.make_valid(townships.geoms))
    targets = [("key_targets", key_targets.geoms, key_targets.ids)] if key_targets is not None else []
    reach = fire_station_reach(
        roads, speeds_kmh, oneway, resources.geoms, resources.ids, resources.turnout, station_names=resources.names,
        study_area=study, population=population, residents=residents, targets=targets, options=options,
        progress=lambda percent, *message: progress(0.9 * percent, *message),
        names={**names, "stations": resources.layer, "turnout_field": resources.turnout_field})
    progress(90, say.TOWNSHIPS)
    target_frame = _targets(reach.targets, key_targets)
    areas = _areas(reach.areas, resources, target_frame)
    gaps = _gaps(reach.gaps, target_frame)
    towns = None
    if townships is not None:
        towns = _townships(townships, areas, gaps, target_frame, resources, population, residents,
                           options.time_limit, reach.warnings)
    edges = reach.edges.rename(columns={"station_id": "resource_id"})
    return CoverageResult(areas, gaps, towns, target_frame, edges, reach.info, reach.warnings, reach.stats)


def _column(values: np.ndarray | None, n: int) -> np.ndarray:
    return np.asarray(values, dtype=object) if values is not None else np.full(n, None, dtype=object)


def _targets(engine_targets: Any, key_targets: KeyTargets | None) -> Any:
    """The engine's target rows (arrival, first resource, covered) with the key targets' own columns."""
    if engine_targets is None or key_targets is None:
        return None
    n = len(key_targets.ids)
    frame = engine_targets.drop(columns="target_layer").rename(columns={"station_id": "resource_id"})
    frame.insert(1, "name", _column(key_targets.names, n))
    frame.insert(2, "category", _column(key_targets.categories, n))
    occupancy = key_targets.occupancy if key_targets.occupancy is not None else np.full(n, np.nan)
    frame.insert(3, "occupancy", np.asarray(occupancy, dtype=np.float64))
    return frame


def _areas(engine_areas: Any, resources: Resources, targets: Any) -> Any:
    """One row per resource: the land it reaches first in time, its residents and the key targets there."""
    keep = ["station_id", "name", "turnout_min", "on_network", "snap_dist_m", "reach_km2", "residents", "geometry"]
    areas = engine_areas[keep].rename(columns={"station_id": "resource_id"})
    areas.insert(2, "resource_kind", resources.kind)
    areas.insert(3, "category", _column(resources.categories, len(areas)))
    first = np.full(len(areas), 0, dtype=np.int64)
    people = np.zeros(len(areas))
    if targets is not None:
        slot = {rid: i for i, rid in enumerate(areas["resource_id"])}
        covered = targets["covered"].to_numpy(dtype=bool)
        index = np.array([slot.get(r, -1) if c else -1 for r, c in zip(targets["resource_id"], covered)],
                         dtype=np.int64)
        first = count_by(index, len(areas)).astype(np.int64)
        people = count_by(index, len(areas), targets["occupancy"].to_numpy())
    areas["key_targets"] = first
    areas["key_occupancy"] = people
    return areas


def _gaps(engine_gaps: Any, targets: Any) -> Any:
    """The engine's gaps with the key targets left out in each (by the target's point)."""
    import shapely

    gaps = engine_gaps.copy()
    count = np.zeros(len(gaps), dtype=np.int64)
    people = np.zeros(len(gaps))
    if targets is not None and len(gaps):
        left_out = targets[~targets["covered"].to_numpy(dtype=bool)]
        where = township_of(left_out.geometry.to_numpy(), shapely.make_valid(gaps.geometry.to_numpy()))
        count = count_by(where, len(gaps)).astype(np.int64)
        people = count_by(where, len(gaps), left_out["occupancy"].to_numpy())
    gaps["key_targets"] = count
    gaps["key_occupancy"] = people
    return gaps


def _townships(townships: Townships, areas: Any, gaps: Any, targets: Any, resources: Resources,
               population: npt.ArrayLike | None, residents: npt.ArrayLike | None, time_limit: float,
               warnings: Warnings) -> Any:
    import geopandas as gpd
    import shapely

    towns = shapely.make_valid(np.asarray(townships.geoms, dtype=object))
    n = len(towns)
    reached = left_out = None
    if population is not None and residents is not None:
        reached = place_in_townships(areas.geometry.to_numpy(), areas["residents"].to_numpy(), towns, population,
                                     residents)
        left_out = place_in_townships(gaps.geometry.to_numpy(), gaps["residents"].to_numpy(), towns, population,
                                      residents)
    target_counts = None
    if targets is not None:
        where = township_of(targets.geometry.to_numpy(), towns)
        outside = int((where < 0).sum())
        if outside:
            warnings.append(Notice(m.KEY_TARGETS_OUTSIDE_TOWNSHIPS, count=outside))
        left = ~targets["covered"].to_numpy(dtype=bool)
        occupancy = targets["occupancy"].to_numpy()
        target_counts = {"all": count_by(where, n), "left_out": count_by(np.where(left, where, -1), n),
                         "occupancy_left_out": count_by(np.where(left, where, -1), n, occupancy)}
    located = np.array([g is not None and not shapely.is_empty(g) for g in resources.geoms], dtype=bool)
    resource_town = np.full(len(resources.geoms), -1, dtype=np.int64)
    resource_town[located] = township_of(resources.geoms[located], towns)
    columns = township_rows(towns, np.asarray(townships.ids, dtype=object), np.asarray(townships.names, dtype=object),
                            reached, left_out, target_counts, count_by(resource_town, n), time_limit)
    return gpd.GeoDataFrame(columns, geometry=np.asarray(townships.geoms, dtype=object))
