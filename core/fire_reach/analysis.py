"""``fire_station_reach``: the reach analysis step by step (the method: the package docstring)."""
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from .. import log_lines as say
from .. import messages as m
from .. import network as nw
from ..errors import InputError, Notice, Warnings
from .bands import edge_bands_frame
from .cell_apportion import apportion_to_cells
from .districts import computed_districts, match_districts
from .edges import edges_frame
from .grid import EMPTY, NONE, OUTSIDE, SOURCE_MASK, LandGrid
from .land_rule import earliest_key_within
from .regions import areas_and_gaps, fill_empty, gap_residents, study_polygon, sum_by_label
from .results import ReachOptions, ReachResult, Stations
from .tables import gaps_frame, station_areas_frame, summary_frame
from .targets import targets_frame

ALGORITHM_NOTE = "riskatlas fire-station reach"

Progress = Callable[[float, str], Any]


def _noop(*_args: Any) -> None:
    return None


@dataclass
class _Land:
    """What the search and the land rule give: the reached roads, and the label grids and
    polygons of the areas, gaps and districts."""

    result: nw.SearchResult
    edges: Any  # GeoDataFrame of the reached roads
    bands: Any  # GeoDataFrame of the reached roads by time band, or None
    grid: LandGrid
    study: Any  # the study polygon
    reach_label: np.ndarray  # per cell: station first in time, NONE (gap) or OUTSIDE
    area_geoms: np.ndarray  # per station (None where it reaches nothing)
    gap_geoms: np.ndarray
    district_label: np.ndarray | None  # per cell (computed districts only)
    district_geoms: np.ndarray  # per station
    district_source: str  # "computed", "given" or "none" (not computed)


def fire_station_reach(roads: npt.ArrayLike, speeds_kmh: npt.ArrayLike, oneway: npt.ArrayLike | None,
                       stations: npt.ArrayLike, station_ids: Sequence[Any], turnout: npt.ArrayLike,
                       station_classes: Sequence[Any] | None = None, suburban: Sequence[bool] | None = None,
                       station_names: Sequence[Any] | None = None, study_area: Any = None,
                       districts: npt.ArrayLike | None = None, population: npt.ArrayLike | None = None,
                       residents: npt.ArrayLike | None = None,
                       targets: Sequence[tuple[str, npt.ArrayLike, Sequence[Any]]] = (),
                       options: ReachOptions | None = None, progress: Progress = _noop,
                       names: dict[str, Any] | None = None,
                       on_edges: Callable[[Any, Any, float], None] | None = None) -> ReachResult:
    """Run the analysis (module docstring). ``roads``: shapely lines (analysis CRS, metres) with
    ``speeds_kmh`` (km/h) and ``oneway`` codes (network.BOTH/FORWARD/BACKWARD) per road;
    ``stations``: shapely points; ``station_ids`` (str) and ``turnout`` (minutes, NaN = default)
    per station, optional classes, suburban flags and names; ``study_area``: a polygon or None
    (the roads' extent); ``districts``: polygons or None (computed); ``population`` polygons with
    ``residents``; ``targets``: list of (layer name, geometries, ids). ``progress(percent,
    message)`` may raise to cancel. ``names``: layer names for messages ("roads", "stations",
    "turnout_field") and "road_fids", "station_fids" (the feature ids, to name features by).
    ``on_edges(edges, bands, cell_m)`` is called with the reached roads as soon as they are known (the caller
    may write them while the land rule runs) and the land grid's cell size (m), known by then. Raises
    InputError on bad input."""
    options = options or ReachOptions()
    names = names or {}
    info: list[str] = []
    warnings: Warnings = []
    stats: dict[str, float] = {}
    T, D = float(options.time_limit), float(options.access_distance)
    stats.update(time_limit=T, access_distance=D)
    if not (T > 0 and np.isfinite(T)):
        raise InputError(m.OPTION_POSITIVE, option="TIME_LIMIT", unit=" min", value=T)
    if not (D >= 0 and np.isfinite(D)):
        raise InputError(m.OPTION_NOT_NEGATIVE, option="ACCESS_DISTANCE", unit=" m", value=D)
    if options.band_min is not None and not (options.band_min > 0 and np.isfinite(options.band_min)):
        raise InputError(m.OPTION_POSITIVE, option="BAND_MIN", unit=" min", value=options.band_min)
    roads = np.asarray(roads, dtype=object)
    road_layer, station_layer = names.get("roads", "roads"), names.get("stations", "stations")
    if len(roads) == 0:
        raise InputError(m.ROADS_EMPTY, layer=road_layer)
    station_fids = np.asarray(names["station_fids"]) if names.get("station_fids") is not None \
        else np.arange(len(np.asarray(stations, dtype=object)))
    st = _station_inputs(stations, station_ids, turnout, station_classes, suburban, station_names, options,
                         (station_layer, station_fids), names.get("turnout_field"), info, warnings)

    progress(5, say.BUILDING_GRAPH)
    net = nw.build_network(roads, speeds_kmh, oneway, node_tolerance=options.node_tolerance)
    if net.n_edges == 0:
        raise InputError(m.ROADS_WITHOUT_LENGTH, layer=road_layer)
    n_comp, comp = nw.components(net)
    stats.update(nodes=net.n_nodes, edges=net.n_edges, network_parts=int(n_comp))
    info.append(say.LogLine(say.ROAD_GRAPH, nodes=net.n_nodes, edges=net.n_edges, parts=n_comp))

    progress(15, say.PLACING_STATIONS)
    loc = _place_stations(net, st, options, (station_layer, station_fids), warnings)
    road_fids = names.get("road_fids")
    _warn_unconnected(net, n_comp, comp, loc, warnings, stats,
                      (road_layer, np.arange(len(roads)) if road_fids is None else np.asarray(road_fids),
                       names.get("road_keys")))

    progress(25, say.SEARCHING)
    land = _reach_and_land(net, loc, st, study_area, districts, options, names, progress, info, warnings, stats,
                           times_beyond_limit=bool(targets), on_edges=on_edges)

    progress(80, say.RESIDENTS)
    res_area, res_gap, res_district = _residents(land, population, residents, len(st), warnings, stats)

    progress(88, say.TARGETS)
    target_frames = [targets_frame(land.result, layer_name, geoms, ids, D, T, st.ids)
                     for layer_name, geoms, ids in targets]

    areas = station_areas_frame(st, loc.snapped, loc.distance, land.area_geoms, land.district_geoms,
                                land.district_source, res_area, res_district, warnings)
    gaps = gaps_frame(land.gap_geoms, res_gap)
    target_gdf = None
    if target_frames:
        import geopandas as gpd
        import pandas as pd

        target_gdf = gpd.GeoDataFrame(pd.concat(target_frames, ignore_index=True), geometry="geometry")
    import shapely

    stats.update(study_km2=float(shapely.area(land.study) / 1e6),
                 gap_km2=float(gaps["area_km2"].sum()) if len(gaps) else 0.0)
    summary = summary_frame(areas, target_gdf, stats)
    progress(95, say.DONE)
    return ReachResult(land.edges, areas, gaps, target_gdf, summary, info, warnings, stats, edge_bands=land.bands)


def _station_inputs(stations: npt.ArrayLike, station_ids: Sequence[Any], turnout: npt.ArrayLike,
                    station_classes: Sequence[Any] | None, suburban: Sequence[bool] | None,
                    station_names: Sequence[Any] | None, options: ReachOptions, layer: tuple[str, np.ndarray],
                    turnout_field: str | None, info: list[str], warnings: Warnings) -> Stations:
    """The station table: stations without a location are listed (and left out later), a
    negative turnout is an error, a missing one takes the default. ``layer``: (name, the stations' fids)."""
    import shapely

    name, fids = layer
    geoms = np.asarray(stations, dtype=object)
    n_st = len(geoms)
    ids = np.array([str(s) for s in station_ids], dtype=object)
    if n_st == 0:
        raise InputError(m.STATIONS_EMPTY, layer=name)
    no_geom = np.array([g is None or shapely.is_empty(g) for g in geoms], dtype=bool)
    if no_geom.any():
        warnings.append(Notice(m.STATIONS_WITHOUT_LOCATION, layer=name, feature_ids=fids[no_geom], keys=ids[no_geom]))
    minutes = np.asarray(turnout, dtype=np.float64)
    neg = np.isfinite(minutes) & (minutes < 0)
    bad = np.isinf(minutes)
    if bad.any():
        raise InputError(m.TURNOUT_NOT_NUMBER, layer=name, feature_ids=fids[bad], keys=ids[bad], field=turnout_field)
    if neg.any():
        raise InputError(m.TURNOUT_NEGATIVE, layer=name, feature_ids=fids[neg], keys=ids[neg], field=turnout_field)
    n_default = int((~np.isfinite(minutes)).sum())
    minutes = np.where(np.isfinite(minutes), minutes, options.default_turnout)
    if n_default:
        info.append(say.LogLine(say.DEFAULT_TURNOUT_USED, count=n_default, minutes=options.default_turnout))
    return Stations(
        geoms=geoms, ids=ids,
        names=np.array(station_names if station_names is not None else [None] * n_st, dtype=object),
        classes=np.array(station_classes if station_classes is not None else [None] * n_st, dtype=object),
        suburban=np.array(suburban if suburban is not None else [False] * n_st, dtype=bool),
        turnout=minutes, located=~no_geom)


def _place_stations(net: nw.RoadNetwork, st: Stations, options: ReachOptions, layer: tuple[str, np.ndarray],
                    warnings: Warnings) -> nw.Location:
    """The stations on the network (within SNAP_TOLERANCE; the others are listed and left out)."""
    import shapely

    xy = np.full((len(st), 2), np.nan)
    if st.located.any():
        given = st.geoms[st.located]
        pts = np.where(shapely.get_type_id(given) == 0, given, shapely.get_geometry(given, 0))
        xy[st.located] = shapely.get_coordinates(pts)
    loc = nw.locate(net, np.nan_to_num(xy, nan=1e300), max_distance=options.snap_tolerance)
    loc.snapped &= st.located
    name, fids = layer
    far = st.located & ~loc.snapped
    if far.any():
        listed = ", ".join(f"{st.ids[i]} {loc.distance[i]:.0f} m" for i in np.flatnonzero(far)[:20])
        warnings.append(Notice(m.STATIONS_OFF_ROADS, layer=name, feature_ids=fids[far], keys=st.ids[far],
                               tolerance=options.snap_tolerance, distances=listed))
    if not loc.snapped.any():
        raise InputError(m.NO_STATION_ON_ROADS, layer=name, feature_ids=fids[st.located], keys=st.ids[st.located],
                         tolerance=options.snap_tolerance)
    late = loc.snapped & (st.turnout >= options.time_limit)
    if late.any():
        warnings.append(Notice(m.STATIONS_TOO_LATE, layer=name, feature_ids=fids[late], keys=st.ids[late]))
    return loc


def _warn_unconnected(net: nw.RoadNetwork, n_comp: int, comp: np.ndarray, loc: nw.Location, warnings: Warnings,
                      stats: dict[str, float], roads: tuple[str, np.ndarray, Any]) -> None:
    """Parts of the network holding no station are never reached: say how much road that is, and which
    roads (``roads``: layer name, the roads' fids, their keys or None)."""
    station_comp = comp[net.edge_from[loc.edge[loc.snapped]]]
    edge_comp = comp[net.edge_from]
    has_station = np.zeros(n_comp, dtype=bool)
    has_station[station_comp] = True
    orphan = ~has_station[edge_comp]
    if orphan.any():
        orphan_parts = np.unique(edge_comp[orphan])
        name, fids, keys = roads
        rows = np.unique(net.edge_line[orphan])
        warnings.append(Notice(m.NETWORK_PARTS_UNREACHED, layer=name, feature_ids=fids[rows],
                               keys=None if keys is None else np.asarray(keys, dtype=object)[rows],
                               parts=len(orphan_parts), km=net.edge_length[orphan].sum() / 1000))
    stats["unconnected_road_km"] = float(net.edge_length[orphan].sum() / 1000)


def _reach_and_land(net: nw.RoadNetwork, loc: nw.Location, st: Stations, study_area: Any,
                    districts: npt.ArrayLike | None, options: ReachOptions, names: dict[str, Any], progress: Progress,
                    info: list[str], warnings: Warnings, stats: dict[str, float],
                    times_beyond_limit: bool = False,
                    on_edges: Callable[[Any, Any, float], None] | None = None) -> _Land:
    """The one search, the reached roads, the land each station reaches first in time and the
    districts (computed: the land each reaches first with no time limit; or given). The search has
    no time limit when the districts are computed or ``times_beyond_limit`` (targets get their
    arrival time even beyond the limit)."""
    import shapely

    T, D = float(options.time_limit), float(options.access_distance)
    n_st = len(st)
    need_districts = districts is None and _districts_wanted(st, options, info)
    # the computed districts need the search without a time limit (over the whole network)
    result = nw.search(net, loc, offsets=st.turnout, limit=None if need_districts or times_beyond_limit else T)
    if need_districts:
        parts, all_parts = nw.reached_parts_at(result, [T, None])
    else:
        parts, all_parts = nw.reached_parts(result, limit=T), None
    stats["reached_road_km"] = float(parts.length(net).sum() / 1000)
    study = study_polygon(study_area, net)
    grid = LandGrid.for_area(study, D, options)
    inside = grid.inside(study)
    # the computed districts need nothing of the steps below: with a second processor they are
    # drawn meanwhile in a second thread (numpy, scipy and GEOS release the GIL for most of
    # the work; the thread has its own copy of the study polygon, as GEOS's prepared
    # geometries are not to be shared between threads)
    pool = districts_job = None
    if all_parts is not None and options.parallel and (os.cpu_count() or 1) > 1:
        from concurrent.futures import ThreadPoolExecutor

        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="riskatlas-districts")
        districts_job = pool.submit(computed_districts, grid, net, all_parts, inside, n_st,
                                    shapely.from_wkb(shapely.to_wkb(study)), options)
    try:
        progress(40, say.CUTTING_ROADS)
        edges = edges_frame(net, parts, st.ids, roads_index=names.get("road_fids"))
        bands = edge_bands_frame(net, parts, st.ids, options.band_min, T) if options.band_min else None
        stats["cell_m"] = grid.cell
        if on_edges is not None:
            on_edges(edges, bands, grid.cell)

        progress(50, say.LAND_RULE)
        info.append(say.LogLine(say.LAND_GRID, cell=grid.cell, rows=grid.shape[0], columns=grid.shape[1]))
        workers = 2 if options.parallel and (os.cpu_count() or 1) > 1 else 1
        keys = earliest_key_within(grid, net, parts, D, workers)  # key grid: arrival and station
        del parts
        reach_label = np.where(inside & (keys < EMPTY), (keys & SOURCE_MASK).astype(np.int64), NONE)
        reach_label = np.where(inside, reach_label, OUTSIDE)
        del keys
        progress(65, say.AREAS_AND_GAPS)
        area_geoms, gap_geoms = areas_and_gaps(grid, reach_label, n_st, study, options)

        district_label = None
        if all_parts is not None:
            progress(72, say.DISTRICTS)
            district_label, district_geoms = (
                districts_job.result() if districts_job is not None
                else computed_districts(grid, net, all_parts, inside, n_st, study, options))
            del all_parts
            district_source = "computed"
        elif districts is not None:
            district_geoms = match_districts(districts, st.geoms, loc.snapped, st.ids, warnings)
            district_source = "given"
        else:
            district_geoms, district_source = np.array([None] * n_st, dtype=object), "none"
    finally:
        if pool is not None:
            pool.shutdown(wait=True)  # (after an error or a cancel too: the thread finishes first)
    return _Land(result, edges, bands, grid, study, reach_label, area_geoms, gap_geoms, district_label, district_geoms,
                 district_source)


def _districts_wanted(st: Stations, options: ReachOptions, info: list[str]) -> bool:
    """Whether to compute the districts (no DISTRICTS given): as ``options.compute_districts``
    says, else when some station has a class limit to compare its district with. Computing them
    costs a search of the whole network and a nearest-road labelling of the whole study area."""
    from ..standards.fire_stations import class_limit_km2

    wanted = options.compute_districts
    if wanted is None:
        wanted = any(class_limit_km2(c, s) is not None for c, s in zip(st.classes, st.suburban))
        if not wanted:
            info.append(say.LogLine(say.NO_DISTRICTS))
    return bool(wanted)


def _residents(land: _Land, population: npt.ArrayLike | None, residents: npt.ArrayLike | None, n_st: int,
               warnings: Warnings, stats: dict[str, float]) -> tuple[np.ndarray | None, ...]:
    """Residents reached in time per station, per gap and per district, by area-weighted
    apportioning of the population polygons at the grid's resolution (given districts: exactly)."""
    if population is None or not len(population):
        return None, None, None
    values = np.asarray(residents, dtype=np.float64)
    if np.isnan(values).any():
        warnings.append(Notice(m.POPULATION_EMPTY_COUNTED_0, count=int(np.isnan(values).sum())))
    cell_res = apportion_to_cells(land.grid, population, np.nan_to_num(values, nan=0.0))
    res_area = sum_by_label(land.reach_label, cell_res, n_st)
    res_gap = gap_residents(land.grid, land.reach_label, cell_res, land.gap_geoms)
    if land.district_label is not None:
        res_district = sum_by_label(land.district_label, cell_res, n_st)
    elif land.district_source == "none":
        res_district = None
    else:
        from ..apportion import apportion

        res_district = apportion(np.nan_to_num(values, nan=0.0), population, fill_empty(land.district_geoms))
    # residents of the study area as the analysis sees them: reached in time or in a gap (population
    # outside the study area is not counted), so the share in time and the residents not covered add up
    stats["residents_total"] = float(res_area.sum() + res_gap.sum())
    return res_area, res_gap, res_district
