"""Fire-station reach: the 5-minute rule on the road network (pure: numpy, scipy, shapely, pandas).

Standards (data below, pinned by tests):

* 建标152-2017《城市消防站建设标准》第十四条 and GB 51080-2015《城市消防规划规范》§4.1: a station
  should reach the edge of its district within 5 min of the dispatch order (conventionally
  1 min turnout + 4 min driving). District area: 一级普通站 ≤ 7 km², 二级普通站 ≤ 4 km²,
  小型普通站 ≤ 2 km², a station on the city's edge/suburbs (郊区) ≤ 15 km²; 特勤站 with a
  district as 一级 (7 km²).
* No design speed is standardised: speeds by road class are a named preset (SPEED_PRESETS).

Method (``fire_station_reach``):

1. The road graph (``core.network``): every vertex a node, segments as edges costed in minutes
   from the road's speed (SPEED_FIELD when > 0, else its class's preset speed, else
   DEFAULT_SPEED), one-way rules relative to the digitising direction.
2. Stations enter at the nearest point of the nearest road (within SNAP_TOLERANCE; farther ones
   are listed and left out); ONE multi-source Dijkstra with each station's turnout as its start
   offset gives the first-arriving station and time at every node; every edge is cut at the
   equal-time point of two arrivals and where the time limit runs out (``reached_parts``).
3. Land (OUTPUT_AREAS / OUTPUT_GAPS). The rule: a point of land is reached at the earliest time
   any reached road point within ACCESS_DISTANCE of it is reached (the off-road leg costs
   nothing), by the station arriving there. So where the access zones of two stations' roads
   overlap, the earlier arrival wins; areas never overlap. The rule is evaluated on a grid of
   square cells (``cell_m``, ACCESS_DISTANCE/8 = 25 m by default, larger for very big study
   areas; reported): reached road points are binned into cells, a disc-shaped minimum filter
   of radius ACCESS_DISTANCE gives every cell its earliest arrival, and the cells are turned
   into polygons whose staircase edges are smoothed as one coverage (``coverage_simplify``,
   so neighbours still share edges), then clipped exactly to the study area. Measured on a
   dense network, buffering each station's reached roads with GEOS took ~4 s per station —
   the grid keeps a county in well under a second; its resolution is the price.
4. Districts: given (DISTRICTS: each polygon belongs to the station inside it) or computed as
   the land each station reaches first with no time limit: every cell of the study area goes
   to the station that first reaches the road nearest to it (a network Voronoi).
5. Residents by area-weighted apportioning of the population polygons (``core.apportion``).
6. Targets: the land rule at the target itself (a polygon: any road point within
   ACCESS_DISTANCE of its outline) with no time limit, evaluated exactly.
"""
import os
from dataclasses import dataclass, field

import numpy as np

from .. import network as nw
from ..errors import InputError
from ..standards.fire_stations import (  # noqa: F401 (re-exported)
    CLASS_ALIASES, CLASS_LIMIT_BY_CODE, DEFAULT_SPEED_PRESET, SPEED_PRESETS, STATION_CLASS_LIMITS, TIME_RULE_MIN,
    TURNOUT_CONVENTION_MIN, SpeedPreset, StationClassLimit, class_limit_km2, normalise_class)

ALGORITHM_NOTE = "riskatlas fire-station reach"


# ------------------------------------------------------------------------------- inputs

def road_speeds(count, speed_values=None, class_values=None, preset=DEFAULT_SPEED_PRESET, default_speed=40.0,
                layer="roads", speed_field=None, fids=None):
    """Speed (km/h) per road: the speed field when given (must be > 0 where not null), else the
    class's preset speed (when a class field is given), else ``default_speed``.
    Returns (speeds, counts) with counts of roads by origin ("field", "class", "default")."""
    n = int(count)
    fids = np.arange(n) if fids is None else np.asarray(fids)
    if not (default_speed and default_speed > 0 and np.isfinite(default_speed)):
        raise InputError("DEFAULT_SPEED must be a number > 0 (km/h)")
    speeds = np.full(n, np.nan)
    origin = np.full(n, "default", dtype=object)
    if speed_values is not None:
        raw = np.asarray(speed_values, dtype=object)
        if set(map(type, raw)) <= {float, int, type(None)}:  # a numeric field: no text (the usual case)
            values = np.array(raw, dtype=np.float64)  # None -> NaN
            text = np.zeros(len(raw), dtype=bool)
        else:
            values = np.array([_number(v) for v in raw], dtype=np.float64)
            text = np.array([v is not None and not (isinstance(v, float) and np.isnan(v)) and np.isnan(_number(v))
                             for v in raw], dtype=bool)
        if text.any():
            raise InputError("speed is not a number", layer=layer, feature_ids=fids[text], field=speed_field)
        bad = np.isfinite(values) & (values <= 0)
        if bad.any():
            raise InputError("speed is zero or negative: give a speed > 0 km/h, or leave it empty to use the "
                             "road class's preset speed or DEFAULT_SPEED (delete the road to close it)",
                             layer=layer, feature_ids=fids[bad], field=speed_field)
        ok = np.isfinite(values)
        speeds[ok], origin[ok] = values[ok], "field"
    if class_values is not None:
        table = SPEED_PRESETS[preset]
        cls = np.array([table.speeds_kmh.get(str(c).strip().lower(), table.other_kmh) if c is not None else np.nan
                        for c in class_values], dtype=np.float64)
        use = np.isnan(speeds) & np.isfinite(cls)
        speeds[use], origin[use] = cls[use], "class"
    rest = np.isnan(speeds)
    speeds[rest] = default_speed
    counts = {k: int((origin == k).sum()) for k in ("field", "class", "default")}
    return speeds, counts


def _number(value):
    if value is None:
        return np.nan
    try:
        return float(value)
    except (TypeError, ValueError):
        return np.nan


def direction_codes(values, value_forward="forward", value_backward="backward", value_both="both"):
    """network.FORWARD/BACKWARD/BOTH per road from the direction field; (codes, unknown count).
    Empty or unknown values mean both directions (as QGIS's default direction)."""
    codes = np.zeros(len(values), dtype=np.int8)
    text = np.array(["" if v is None else str(v).strip() for v in values], dtype=object)
    codes[text == str(value_forward).strip()] = nw.FORWARD
    codes[text == str(value_backward).strip()] = nw.BACKWARD
    known = (text == str(value_forward).strip()) | (text == str(value_backward).strip()) | (
        text == str(value_both).strip())
    return codes, int((~known).sum())


# ------------------------------------------------------------------------------- result

@dataclass
class ReachResult:
    edges: object  # GeoDataFrame: road_fid, station_id, arrival_min, entry_min, length_m
    areas: object  # GeoDataFrame, one row per station
    gaps: object  # GeoDataFrame, one row per gap polygon
    targets: object  # GeoDataFrame (points) or None
    summary: object  # DataFrame: one row per station + "ALL"
    info: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    stats: dict = field(default_factory=dict)


@dataclass
class ReachOptions:
    time_limit: float = TIME_RULE_MIN
    access_distance: float = 200.0
    snap_tolerance: float = 500.0
    default_turnout: float = TURNOUT_CONVENTION_MIN
    node_tolerance: float = 0.0
    cell_m: float = None  # grid resolution of the land rule (default ACCESS_DISTANCE / 8)
    max_cells: int = 6_000_000
    smooth: bool = True
    parallel: bool = True  # computed districts in a second thread when there is a second processor


def _noop(*_args):
    return None


def fire_station_reach(roads, speeds_kmh, oneway, stations, station_ids, turnout, station_classes=None,
                       suburban=None, station_names=None, study_area=None, districts=None, population=None,
                       residents=None, targets=(), options=None, progress=_noop, names=None):
    """Run the analysis. ``roads``: shapely lines (analysis CRS, metres) with ``speeds_kmh`` and
    ``oneway`` codes per road; ``stations``: shapely points; ``station_ids`` (str) and
    ``turnout`` (minutes, NaN = default) per station; ``study_area``: a polygon or None (the
    roads' extent); ``districts``: polygons or None; ``population`` polygons with ``residents``;
    ``targets``: list of (layer name, geometries, ids). ``progress(percent, message)`` may raise
    to cancel. ``names``: dict of layer names for messages."""
    import pandas as pd
    import shapely

    options = options or ReachOptions()
    names = names or {}
    info, warnings, stats = [], [], {}
    T, D = float(options.time_limit), float(options.access_distance)
    stats.update(time_limit=T, access_distance=D)
    if not T > 0:
        raise InputError("TIME_LIMIT must be > 0 minutes")
    if not D >= 0:
        raise InputError("ACCESS_DISTANCE must be ≥ 0 m")
    roads = np.asarray(roads, dtype=object)
    stations = np.asarray(stations, dtype=object)
    n_st = len(stations)
    station_ids = np.array([str(s) for s in station_ids], dtype=object)
    station_names = np.array(station_names if station_names is not None else [None] * n_st, dtype=object)
    station_classes = np.array(station_classes if station_classes is not None else [None] * n_st, dtype=object)
    suburban = np.array(suburban if suburban is not None else [False] * n_st, dtype=bool)
    turnout = np.asarray(turnout, dtype=np.float64)
    road_layer, station_layer = names.get("roads", "roads"), names.get("stations", "stations")

    if len(roads) == 0:
        raise InputError("the road layer has no features", layer=road_layer)
    if n_st == 0:
        raise InputError("the station layer has no features", layer=station_layer)
    no_geom = np.array([g is None or shapely.is_empty(g) for g in stations], dtype=bool)
    if no_geom.any():
        warnings.append(f"{int(no_geom.sum())} stations without a location are left out: "
                        + ", ".join(station_ids[no_geom][:20]))
    neg = np.isfinite(turnout) & (turnout < 0)
    if neg.any():
        raise InputError("turnout time is negative", layer=station_layer,
                         feature_ids=np.flatnonzero(neg).tolist(), field=names.get("turnout_field"))
    n_default = int((~np.isfinite(turnout)).sum())
    turnout = np.where(np.isfinite(turnout), turnout, options.default_turnout)
    if n_default:
        info.append(f"{n_default} stations without a turnout time use DEFAULT_TURNOUT = {options.default_turnout:g} min")

    # 1. network ---------------------------------------------------------------------------
    progress(5, "building the road graph")
    net = nw.build_network(roads, speeds_kmh, oneway, node_tolerance=options.node_tolerance)
    if net.n_edges == 0:
        raise InputError("the road layer has no line with length", layer=road_layer)
    n_comp, comp = nw.components(net)
    stats.update(nodes=net.n_nodes, edges=net.n_edges, network_parts=int(n_comp))
    info.append(f"road graph: {net.n_nodes:,} nodes, {net.n_edges:,} edges, {n_comp} connected part(s)")

    # 2. stations ----------------------------------------------------------------------------
    progress(15, "placing the stations on the network")
    xy = np.full((n_st, 2), np.nan)
    ok_geom = ~no_geom
    if ok_geom.any():
        given = stations[ok_geom]
        pts = np.where(shapely.get_type_id(given) == 0, given, shapely.get_geometry(given, 0))
        xy[ok_geom] = shapely.get_coordinates(pts)
    loc = nw.locate(net, np.nan_to_num(xy, nan=1e300), max_distance=options.snap_tolerance)
    loc.snapped &= ok_geom
    far = ok_geom & ~loc.snapped
    if far.any():
        listed = ", ".join(f"{station_ids[i]} ({loc.distance[i]:.0f} m)" for i in np.flatnonzero(far)[:20])
        warnings.append(f"{int(far.sum())} station(s) farther than SNAP_TOLERANCE = {options.snap_tolerance:g} m "
                        f"from any road are left out: {listed}")
    if not loc.snapped.any():
        raise InputError(f"no station lies within SNAP_TOLERANCE = {options.snap_tolerance:g} m of a road",
                         layer=station_layer)
    late = loc.snapped & (turnout >= T)
    if late.any():
        warnings.append("turnout ≥ TIME_LIMIT: these stations reach nothing in time: " + ", ".join(station_ids[late]))
    # connectivity: parts of the network holding no station
    station_comp = comp[net.edge_from[loc.edge[loc.snapped]]]
    edge_comp = comp[net.edge_from]
    has_station = np.zeros(n_comp, dtype=bool)
    has_station[station_comp] = True
    orphan = ~has_station[edge_comp]
    if orphan.any():
        orphan_parts = np.unique(edge_comp[orphan])
        warnings.append(f"{len(orphan_parts)} network part(s) not connected to any station's part "
                        f"({net.edge_length[orphan].sum() / 1000:.1f} km of road) are never reached; "
                        f"check the junctions there (lines join only where they share a vertex)")
    stats["unconnected_road_km"] = float(net.edge_length[orphan].sum() / 1000)

    # 3. one search ---------------------------------------------------------------------------
    progress(25, "searching the network from all stations at once")
    need_districts = districts is None
    result = nw.search(net, loc, offsets=turnout, limit=None if need_districts else T)
    if need_districts:
        parts, all_parts = nw.reached_parts_at(result, [T, None])
    else:
        parts = nw.reached_parts(result, limit=T)
    check_lengths = parts.length(net)
    stats["reached_road_km"] = float(check_lengths.sum() / 1000)
    study = _study_polygon(study_area, net)
    grid = _Grid.for_area(study, D, options)
    inside = grid.inside(study)
    # the computed districts need nothing of steps 3-4 below: with a second processor they are
    # drawn meanwhile in a second thread (numpy, scipy and GEOS release the GIL for most of
    # the work; the thread has its own copy of the study polygon, as GEOS's prepared
    # geometries are not to be shared between threads)
    pool = districts_job = None
    if need_districts and options.parallel and (os.cpu_count() or 1) > 1:
        from concurrent.futures import ThreadPoolExecutor

        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="riskatlas-districts")
        districts_job = pool.submit(_computed_districts, grid, net, all_parts, inside, n_st,
                                    shapely.from_wkb(shapely.to_wkb(study)), options)
    try:
        progress(40, "cutting the reached roads")
        edges = _edges_frame(net, parts, station_ids, roads_index=names.get("road_fids"))

        # 4. land ----------------------------------------------------------------------------
        progress(50, "resolving the land each station reaches first")
        stats["cell_m"] = grid.cell
        info.append(f"land rule evaluated on a {grid.cell:g} m grid ({grid.shape[0]:,} × {grid.shape[1]:,} cells)")
        land = grid.earliest_within(net, parts, D)  # key grid: arrival and station
        del parts, check_lengths
        reach_label = np.where(inside & (land < _EMPTY), (land & _SOURCE_MASK).astype(np.int64), _NONE)
        reach_label = np.where(inside, reach_label, _OUTSIDE)
        del land
        progress(65, "drawing areas and gaps")
        area_geoms, gap_geoms = _areas_and_gaps(grid, reach_label, n_st, study, options)

        if need_districts:
            progress(72, "districts: land each station reaches first with no time limit")
            district_label, district_geoms = (
                districts_job.result() if districts_job is not None
                else _computed_districts(grid, net, all_parts, inside, n_st, study, options))
            del all_parts
            district_source = "computed"
        else:
            district_geoms = _match_districts(districts, stations, loc.snapped, station_ids, warnings)
            district_source = "given"
    finally:
        if pool is not None:
            pool.shutdown(wait=True)  # (after an error or a cancel too: the thread finishes first)

    # 5. residents: area-weighted apportioning at the grid's resolution ----------------------
    progress(80, "residents")
    res_area = res_gap = res_district = None
    if population is not None and len(population):
        values = np.asarray(residents, dtype=np.float64)
        if np.isnan(values).any():
            warnings.append(f"{int(np.isnan(values).sum())} population features with an empty residents value "
                            "counted as 0")
        cell_res = grid.apportion(population, np.nan_to_num(values, nan=0.0))
        res_area = _sum_by_label(reach_label, cell_res, n_st)
        res_gap = _gap_residents(grid, reach_label, cell_res, gap_geoms)
        if need_districts:
            res_district = _sum_by_label(district_label, cell_res, n_st)
        else:
            from ..apportion import apportion

            res_district = apportion(np.nan_to_num(values, nan=0.0), population, _fill_empty(district_geoms))
        stats["residents_total"] = float(np.nansum(values))

    # 6. targets ---------------------------------------------------------------------------
    progress(88, "targets")
    target_frames = []
    for layer_name, geoms, ids in targets:
        target_frames.append(_targets_frame(result, layer_name, geoms, ids, D, T, station_ids))

    # tables --------------------------------------------------------------------------------
    import geopandas as gpd

    reach_km2 = shapely.area(_fill_empty(area_geoms)) / 1e6
    district_km2 = shapely.area(_fill_empty(district_geoms)) / 1e6
    in_time_km2 = shapely.area(shapely.intersection(_fill_empty(area_geoms), _fill_empty(district_geoms))) / 1e6
    limits = np.array([class_limit_km2(c, s) for c, s in zip(station_classes, suburban)], dtype=object)
    unknown_class = [station_ids[i] for i in range(n_st) if limits[i] is None]
    if unknown_class and any(c is not None for c in station_classes):
        warnings.append("no class limit for stations of unknown class: " + ", ".join(unknown_class[:20])
                        + " (classes: special, class1, class2, small; or the suburban flag)")
    limit_f = np.array([np.nan if v is None else v for v in limits], dtype=np.float64)
    has_district = np.array([g is not None and not shapely.is_empty(g) for g in district_geoms], dtype=bool)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(district_km2 > 0, 100.0 * in_time_km2 / district_km2, np.nan)
    exceeds = np.where(np.isfinite(limit_f) & has_district, district_km2 > limit_f, None)
    areas = gpd.GeoDataFrame({
        "station_id": station_ids, "name": station_names,
        "class": np.array([normalise_class(c) or c for c in station_classes], dtype=object),
        "turnout_min": turnout, "on_network": loc.snapped,
        "snap_dist_m": np.where(np.isfinite(loc.distance), loc.distance, np.nan),
        "reach_km2": reach_km2,
        "residents": res_area if res_area is not None else np.full(n_st, np.nan),
        "district_km2": np.where(has_district, district_km2, np.nan),
        "district_source": np.array([district_source if h else None for h in has_district], dtype=object),
        "class_limit_km2": limit_f, "exceeds_limit": exceeds,
        "district_in_time_pct": np.where(has_district, share, np.nan),
        "district_residents": res_district if res_district is not None else np.full(n_st, np.nan),
    }, geometry=_as_multipolygons(area_geoms))
    gaps = gpd.GeoDataFrame({"gap_id": np.arange(1, len(gap_geoms) + 1), "area_km2": shapely.area(gap_geoms) / 1e6,
                             "residents": res_gap if res_gap is not None else np.full(len(gap_geoms), np.nan)},
                            geometry=_as_multipolygons(gap_geoms))
    if len(gaps):
        gaps = gaps.sort_values(["residents", "area_km2"], ascending=False, na_position="last")
        gaps["gap_id"] = np.arange(1, len(gaps) + 1)
        gaps = gaps.reset_index(drop=True)
    target_gdf = pd.concat(target_frames, ignore_index=True) if target_frames else None
    if target_gdf is not None:
        target_gdf = gpd.GeoDataFrame(target_gdf, geometry="geometry")
    stats.update(study_km2=float(shapely.area(study) / 1e6), gap_km2=float(gaps["area_km2"].sum()) if len(gaps) else 0.0)
    summary = _summary(areas, gaps, target_gdf, stats, T)
    progress(95, "done")
    return ReachResult(edges, areas, gaps, target_gdf, summary, info, warnings, stats)


def _computed_districts(grid, net, all_parts, inside, n_stations, study, options):
    """(label grid, geometries) of the computed districts: each cell of the study area goes to
    the station first at the reached road nearest to it (no time limit)."""
    nearest = grid.nearest_road_label(net, all_parts)
    district_label = np.where(inside, nearest, _OUTSIDE)
    return district_label, _label_geometries(grid, district_label, n_stations, study, options)


def _fill_empty(geoms):
    import shapely

    geoms = np.asarray(geoms, dtype=object).copy()
    empty = np.array([g is None for g in geoms], dtype=bool)
    geoms[empty] = shapely.Polygon()
    return geoms


def _as_multipolygons(geoms):
    import shapely

    geoms = _fill_empty(geoms)
    parts, idx = shapely.get_parts(geoms, return_index=True)
    out = np.array([shapely.MultiPolygon()] * len(geoms), dtype=object)
    if len(parts):
        order = np.argsort(idx, kind="stable")
        uniq, first = np.unique(idx[order], return_index=True)
        multis = shapely.multipolygons(parts[order], indices=np.searchsorted(uniq, idx[order]))
        out[uniq] = multis
    return out


def _study_polygon(study_area, net):
    import shapely

    if study_area is not None and not shapely.is_empty(study_area):
        return shapely.make_valid(study_area) if not shapely.is_valid(study_area) else study_area
    x, y = net.nodes[:, 0], net.nodes[:, 1]
    return shapely.box(x.min(), y.min(), x.max(), y.max())


# ------------------------------------------------------------------------------- edges

def _edges_frame(net, parts, station_ids, roads_index=None):
    """One feature per (road, station): the reached parts of that road, merged where contiguous.

    The pieces of a (road, station) group that follow each other along one part of the road,
    each starting exactly where the previous one ends, are joined directly into one line;
    that is what ``shapely.line_merge`` gives for them (a simple chain of lines, all in the
    digitising direction). Other groups (gaps between pieces, several parts, parts passing a
    vertex twice, pieces of zero length) go through ``line_merge`` as they are."""
    import geopandas as gpd
    import shapely

    n_key = len(station_ids) + 1
    n = len(parts)
    line = net.edge_line[parts.edge]
    key = line * n_key + parts.source
    order = np.argsort(key, kind="stable")  # the pieces come as a few sorted runs: cheap
    key_sorted = key[order]
    new = np.ones(n, dtype=bool)
    new[1:] = key_sorted[1:] != key_sorted[:-1]
    uniq = key_sorted[new]
    group = np.cumsum(new) - 1
    starts = np.flatnonzero(new)
    n_groups = len(uniq)
    if n:
        entry = np.minimum.reduceat(parts.cost_near[order], starts)
        arrival = np.maximum.reduceat(parts.cost_far[order], starts)
    else:
        entry = arrival = np.zeros(0)
    # the sum in the same order and with the same (compensated) summation as before
    length = _group_sums(parts.length(net)[order], starts)

    geometry = np.array([None] * n_groups, dtype=object)
    if n:
        along = _along_road_order(net, parts)
        pos = along[np.argsort(key[along], kind="stable")]  # by group, then along the road
        group_of = np.empty(n, dtype=np.int64)
        group_of[order] = group
        e = parts.edge[pos]
        # the pieces' ends, as edge_lines computes them (a + (b - a) * f)
        ax, ay = net.nodes[:, 0][net.edge_from[e]], net.nodes[:, 1][net.edge_from[e]]
        dx, dy = net.nodes[:, 0][net.edge_to[e]] - ax, net.nodes[:, 1][net.edge_to[e]] - ay
        f0, f1 = parts.f0[pos], parts.f1[pos]
        x0, y0, x1, y1 = ax + dx * f0, ay + dy * f0, ax + dx * f1, ay + dy * f1
        # line_merge ignores pieces whose ends coincide (rounding leaves a few at edge ends)
        real = np.flatnonzero((x0 != x1) | (y0 != y1))
        pos, e, x0, y0, x1, y1 = pos[real], e[real], x0[real], y0[real], x1[real], y1[real]
        gid = group_of[pos]
        m = len(pos)
        first = np.ones(m, dtype=bool)
        first[1:] = gid[1:] != gid[:-1]
        part = net.edge_part[e]
        joins = np.zeros(m, dtype=bool)
        joins[1:] = (x1[:-1] == x0[1:]) & (y1[:-1] == y0[1:]) & (part[1:] == part[:-1])
        bad = (~first & ~joins) | ~_simple_parts(net)[part]
        bad_group = np.ones(n_groups, dtype=bool)
        bad_group[gid] = False  # groups of zero-length pieces only: as before
        bad_group[gid[bad]] = True
        # simple chains: the start of every piece, then the end of the last one
        sel = np.flatnonzero(~bad_group[gid])
        if len(sel):
            gs = gid[sel]
            ends = np.ones(len(sel), dtype=bool)
            ends[:-1] = gs[1:] != gs[:-1]
            at = np.arange(len(sel)) + np.cumsum(ends) - ends
            coords = np.empty((len(sel) + int(ends.sum()), 2))
            coords[at, 0], coords[at, 1] = x0[sel], y0[sel]
            coords[at[ends] + 1, 0], coords[at[ends] + 1, 1] = x1[sel][ends], y1[sel][ends]
            simple = np.flatnonzero(~bad_group)
            line_start = np.append(at[np.flatnonzero(np.r_[True, ends[:-1]])], len(coords))
            geometry[simple] = shapely.from_ragged_array(shapely.GeometryType.MULTILINESTRING, coords,
                                                         (line_start, np.arange(len(simple) + 1)))
        if bad_group.any():
            # the rest as before: line_merge of the pieces, in the pieces' order
            keep = bad_group[group]
            rest = np.flatnonzero(bad_group)
            rest_id = np.searchsorted(rest, group[keep])
            which = order[keep]
            pieces = nw.edge_lines(net, parts.edge[which], parts.f0[which], parts.f1[which])
            merged = shapely.line_merge(shapely.multilinestrings(pieces, indices=rest_id))
            geometry[rest] = _as_multilines(merged, len(rest))
    road_row = (uniq // n_key).astype(np.int64)
    source = (uniq % n_key).astype(np.int64)
    road_fid = np.asarray(roads_index)[road_row] if roads_index is not None else road_row
    return gpd.GeoDataFrame({
        "road_fid": np.asarray(road_fid, dtype=np.int64), "station_id": station_ids[source],
        "arrival_min": arrival, "entry_min": entry, "length_m": length},
        geometry=geometry if n_groups else np.zeros(0, dtype=object))


def _group_sums(values, starts):
    """Sum of values[starts[i]:starts[i + 1]] for each group, as pandas' groupby sum gives it
    (Kahan-compensated, in order): one step per position within the groups, over all groups
    that long at once; groups longer than 64 (few) through pandas itself."""
    import pandas as pd

    n_groups = len(starts)
    if n_groups == 0:
        return np.zeros(0)
    size = np.diff(np.append(starts, len(values)))
    total = np.zeros(n_groups)
    small = np.flatnonzero(size <= 64)
    order = small[np.argsort(-size[small].astype(np.int16), kind="stable")]  # small ints: a radix sort
    first, count = starts[order], size[order]
    s, c = np.zeros(len(order)), np.zeros(len(order))
    for i in range(int(count[0]) if len(order) else 0):
        m = len(order) - int(np.searchsorted(count[::-1], i, side="right"))  # groups longer than i
        y = values[first[:m] + i] - c[:m]
        t = s[:m] + y
        c[:m] = (t - s[:m]) - y
        s[:m] = t
    total[order] = s
    large = np.flatnonzero(size > 64)
    if len(large):
        which = np.repeat(large, size[large])
        at = np.repeat(starts[large], size[large]) + (np.arange(len(which)) - np.repeat(np.cumsum(size[large])
                                                                                       - size[large], size[large]))
        total[large] = pd.Series(values[at]).groupby(which).sum().to_numpy()
    return total


def _along_road_order(net, parts):
    """Order of the pieces by (edge, f0). ``reached_parts`` lists the pieces by search edge,
    first those entered at f0, then those entered at f1, so a stable sort by edge is already
    in f0 order on every edge but those split at a station: these are sorted by f0 explicitly."""
    order = np.argsort(parts.edge, kind="stable")
    e, f0 = parts.edge[order], parts.f0[order]
    unordered = np.flatnonzero((e[1:] == e[:-1]) & (f0[1:] < f0[:-1]))
    if len(unordered):
        fix = np.zeros(net.n_edges, dtype=bool)
        fix[e[unordered]] = True
        at = np.flatnonzero(fix[e])
        sub = order[at]
        order[at] = sub[np.lexsort((parts.f0[sub], parts.edge[sub]))]
    return order


def _simple_parts(net):
    """Per road part: True when no node occurs twice along it (not closed, not touching itself)."""
    n_parts = len(net.part_edge_start) - 1
    count = np.diff(net.part_edge_start)
    has = np.flatnonzero(count > 0)
    seq_node = np.concatenate([net.edge_from, net.edge_to[net.part_edge_start[has + 1] - 1]])
    seq_part = np.concatenate([net.edge_part, has])
    seen = np.bincount(seq_node, minlength=net.n_nodes)
    cand = seen[seq_node] > 1  # only nodes met more than once anywhere can repeat in a part
    pair = np.sort(seq_part[cand] * np.int64(net.n_nodes) + seq_node[cand])
    repeated = pair[1:][pair[1:] == pair[:-1]] // net.n_nodes
    simple = np.ones(n_parts, dtype=bool)
    simple[repeated] = False
    return simple


def _as_multilines(geoms, count=None):
    """MultiLineStrings of the parts of each geometry (empty where a geometry has none)."""
    import shapely

    count = len(geoms) if count is None else count
    if count == 0:
        return np.zeros(0, dtype=object)
    parts, idx = shapely.get_parts(geoms, return_index=True)
    out = np.array([shapely.MultiLineString()] * count, dtype=object)
    if len(parts):
        uniq = np.unique(idx)
        out[uniq] = shapely.multilinestrings(parts, indices=np.searchsorted(uniq, idx))
    return out


# ------------------------------------------------------------------------------- grid

_EMPTY = 1 << 62  # exact as a float64 (ndimage's cval is a double)
_SOURCE_BITS = 20
_SOURCE_MASK = (1 << _SOURCE_BITS) - 1
_TIME_QUANTUM = 1e-6  # minutes: keys order by time, then station
_NONE, _OUTSIDE = -1, -2
_SHORT_PIECE = 32  # pieces with at most this many land-rule samples are sampled index by index


class _Grid:
    """Square cells over the study area (padded by the access distance)."""

    def __init__(self, x0, y0, cell, shape):
        self.x0, self.y0, self.cell, self.shape = x0, y0, cell, shape

    @classmethod
    def for_area(cls, study, access, options):
        import shapely

        x0, y0, x1, y1 = shapely.bounds(study)
        cell = options.cell_m or max(access / 8.0, 1.0)
        cell = max(cell, np.sqrt((x1 - x0) * (y1 - y0) / options.max_cells))
        pad = cell * (np.ceil(access / cell) + 1)
        x0, y0, x1, y1 = x0 - pad, y0 - pad, x1 + pad, y1 + pad
        shape = (int(np.ceil((y1 - y0) / cell)), int(np.ceil((x1 - x0) / cell)))
        return cls(x0, y0, cell, shape)

    def centres(self, rows=None):
        h, w = self.shape
        xs = self.x0 + (np.arange(w) + 0.5) * self.cell
        ys = self.y0 + (np.arange(h) + 0.5) * self.cell
        return xs, ys

    def inside(self, study):
        import shapely

        h, w = self.shape
        xs, ys = self.centres()
        if shapely.equals(study, shapely.envelope(study)):
            bx0, by0, bx1, by1 = shapely.bounds(study)
            return ((ys[:, None] >= by0) & (ys[:, None] <= by1)) & ((xs[None, :] >= bx0) & (xs[None, :] <= bx1))
        shapely.prepare(study)
        out = np.zeros(self.shape, dtype=bool)
        # blocks of cells: whole blocks inside the study area's interior or apart from it are
        # settled by one test of their centres' box; the centres of the others one by one
        size = 32
        r0 = np.arange(0, h, size)
        q0 = np.arange(0, w, size)
        r1, q1 = np.minimum(r0 + size, h), np.minimum(q0 + size, w)
        br, bq = np.meshgrid(np.arange(len(r0)), np.arange(len(q0)), indexing="ij")
        br, bq = br.ravel(), bq.ravel()
        boxes = shapely.box(xs[q0[bq]], ys[r0[br]], xs[q1[bq] - 1], ys[r1[br] - 1])
        solid = (r1[br] - r0[br] > 1) & (q1[bq] - q0[bq] > 1)  # boxes with an area
        within = solid & shapely.contains_properly(study, boxes)
        apart = solid & shapely.disjoint(study, boxes)
        for k in np.flatnonzero(within):
            out[r0[br[k]]:r1[br[k]], q0[bq[k]]:q1[bq[k]]] = True
        for k in np.flatnonzero(~within & ~apart):
            rows, cols = slice(r0[br[k]], r1[br[k]]), slice(q0[bq[k]], q1[bq[k]])
            gx, gy = np.meshgrid(xs[cols], ys[rows])
            out[rows, cols] = shapely.contains_xy(study, gx, gy)
        return out

    def apportion(self, polygons, values):
        """Area-weighted apportioning onto the cells: each polygon's value spread evenly over
        the cells whose centre it contains (a polygon holding no centre gives its value to the
        cell of its representative point), so totals are kept exactly."""
        import shapely

        h, w = self.shape
        out = np.zeros(self.shape)
        polygons = np.asarray(polygons, dtype=object)
        ok = ~shapely.is_missing(polygons) & ~shapely.is_empty(polygons)
        b = shapely.bounds(polygons)
        b[~ok] = 0.0  # missing polygons have NaN bounds; they are skipped below
        c = self.cell
        j0 = np.clip(np.ceil((b[:, 0] - self.x0) / c - 0.5), 0, w).astype(np.int64)
        j1 = np.clip(np.floor((b[:, 2] - self.x0) / c - 0.5), -1, w - 1).astype(np.int64)
        i0 = np.clip(np.ceil((b[:, 1] - self.y0) / c - 0.5), 0, h).astype(np.int64)
        i1 = np.clip(np.floor((b[:, 3] - self.y0) / c - 0.5), -1, h - 1).astype(np.int64)
        xs, ys = self.centres()
        # axis-aligned rectangles (the usual population grid) contain exactly the centres
        # strictly inside their bounds: a block of cells, found by binary search
        rect = _rectangles(polygons) & ok
        # (within the window of cells tested for every polygon: j0..j1, i0..i1)
        a0 = np.maximum(np.searchsorted(xs, b[:, 0], side="right"), j0)
        a1 = np.minimum(np.searchsorted(xs, b[:, 2], side="left"), j1 + 1)
        c0 = np.maximum(np.searchsorted(ys, b[:, 1], side="right"), i0)
        c1 = np.minimum(np.searchsorted(ys, b[:, 3], side="left"), i1 + 1)
        lost = []
        for k in np.flatnonzero(ok & (values != 0)):
            if rect[k]:
                n = (a1[k] - a0[k]) * (c1[k] - c0[k]) if a1[k] > a0[k] and c1[k] > c0[k] else 0
                if n == 0:
                    lost.append(k)
                    continue
                out[c0[k]:c1[k], a0[k]:a1[k]] += values[k] / n  # (other cells of the box gain 0)
                continue
            if j1[k] < j0[k] or i1[k] < i0[k]:
                lost.append(k)
                continue
            gx, gy = np.meshgrid(xs[j0[k]:j1[k] + 1], ys[i0[k]:i1[k] + 1])
            inside = shapely.contains_xy(polygons[k], gx, gy)
            n = inside.sum()
            if n == 0:
                lost.append(k)
                continue
            out[i0[k]:i1[k] + 1, j0[k]:j1[k] + 1] += inside * (values[k] / n)
        if lost:
            pt = shapely.get_coordinates(shapely.point_on_surface(polygons[lost]))
            col = np.clip(np.floor((pt[:, 0] - self.x0) / c).astype(np.int64), 0, w - 1)
            row = np.clip(np.floor((pt[:, 1] - self.y0) / c).astype(np.int64), 0, h - 1)
            np.add.at(out, (row, col), values[lost])
        return out

    def _sample(self, net, parts, step=0.5, with_points=False):
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
        n = np.maximum(np.ceil(length / (self.cell * step)).astype(np.int64), 1) + 1
        span = parts.f1 - parts.f0
        fwd = parts.forward
        e = parts.edge
        ax, ay = net.nodes[:, 0][net.edge_from[e]], net.nodes[:, 1][net.edge_from[e]]
        piece = dict(n=n, f_start=np.where(fwd, parts.f0, parts.f1), f_step=np.where(fwd, span, -span),
                     ax=ax, ay=ay, dx=net.nodes[:, 0][net.edge_to[e]] - ax, dy=net.nodes[:, 1][net.edge_to[e]] - ay,
                     near=parts.cost_near, dt=parts.cost_far - parts.cost_near, source=parts.source)
        if with_points:  # all samples are kept: all at once
            return self._sample_long(piece, with_points)
        # short pieces (the many) sample by sample index over all of them at once; long ones
        # (the few) all samples at once
        short = n <= _SHORT_PIECE
        order = np.flatnonzero(short)
        order = order[np.argsort(-n[order].astype(np.int16), kind="stable")]  # small ints: a radix sort
        out = [self._sample_short({k: v[order] for k, v in piece.items()})]
        if not short.all():
            long_ = np.flatnonzero(~short)
            out.append(self._sample_long({k: v[long_] for k, v in piece.items()}, False))
        return tuple(np.concatenate([o[i] for o in out]) for i in range(2))

    def _cells(self, x, y):
        """(flat cell index, inside the grid) of points."""
        h, w = self.shape
        col = np.floor((x - self.x0) / self.cell).astype(np.int64)
        row = np.floor((y - self.y0) / self.cell).astype(np.int64)
        ok = (row >= 0) & (row < h) & (col >= 0) & (col < w)
        return row * w + col, ok

    @staticmethod
    def _keys(p, at, s):
        t = p["near"][at] + s * p["dt"][at]
        return np.round(t / _TIME_QUANTUM).astype(np.int64) << _SOURCE_BITS | p["source"][at]

    def _sample_short(self, p):
        """``_sample`` (keys only) for pieces sorted by sample count, descending: a loop over
        the sample index, each step over the pieces that have that sample (fewer passes over
        memory than all samples at once)."""
        n, den = p["n"], p["n"] - 1
        idx_out, key_out = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
        prev_idx = prev_ok = None
        for k in range(int(n[0]) if len(n) else 0):
            m = len(n) - int(np.searchsorted(n[::-1], k, side="right"))  # pieces with n > k
            s = k / den[:m]
            f = p["f_step"][:m] * s
            f += p["f_start"][:m]
            x = p["dx"][:m] * f
            x += p["ax"][:m]
            y = p["dy"][:m] * f
            y += p["ay"][:m]
            idx, ok = self._cells(x, y)
            first = ok if prev_idx is None else ok & ~(prev_ok[:m] & (prev_idx[:m] == idx))
            prev_idx, prev_ok = idx, ok
            at = np.flatnonzero(first)
            idx_out.append(idx[at])
            key_out.append(self._keys(p, at, s[at]))
        return np.concatenate(idx_out), np.concatenate(key_out)

    def _sample_long(self, p, with_points):
        """``_sample`` with every sample of every piece at once."""
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
        idx, ok = self._cells(x, y)
        first = ok.copy()
        first[1:] &= ~(ok[:-1] & (idx[1:] == idx[:-1]) & (k[1:] > 0))
        at = np.flatnonzero(first)
        out = (idx[at], self._keys(p, piece[at], s[at]))
        if with_points:
            out += (np.where(ok, idx, -1), x, y)
        return out

    def _key_grid(self, idx, key):
        """The smallest key per cell (_EMPTY where none): repeated scatter of the keys still
        smaller than what their cell holds (a few rounds; no sort)."""
        grid = np.full(self.shape[0] * self.shape[1], _EMPTY, dtype=np.int64)
        while len(idx):
            grid[idx] = key
            smaller = key < grid[idx]
            idx, key = idx[smaller], key[smaller]
        return grid.reshape(self.shape)

    def _road_keys(self, net, parts, step=0.5):
        return self._key_grid(*self._sample(net, parts, step))

    @staticmethod
    def _disc_widths(r):
        """Half-widths of the disc of radius r cells, per row offset 0..floor(r)."""
        return [int(np.floor(np.sqrt(max(r * r - dy * dy, 0.0)))) for dy in range(int(np.floor(r)) + 1)]

    @classmethod
    def _disc_min(cls, grid, r, rows=None):
        """Minimum over a disc of radius r cells: the cells (dy, dx) with |dy| ≤ floor(r) and
        |dx| ≤ w(|dy|) = floor(sqrt(r² - dy²)). One horizontal 1-D minimum filter per distinct
        half-width w (``rows``: those already computed, filled in), then the minimum of those
        rows shifted by ±dy."""
        from scipy import ndimage

        widths = cls._disc_widths(r)
        rows = {} if rows is None else rows
        for w in set(widths) - set(rows):
            rows[w] = ndimage.minimum_filter1d(grid, 2 * w + 1, axis=1, mode="constant", cval=_EMPTY) if w else grid
        return cls._shifted(rows, widths, np.minimum)

    @staticmethod
    def _shifted(rows, widths, combine):
        """combine() over dy of rows[widths[|dy|]] shifted by dy (the rectangles of a disc)."""
        out = rows[widths[0]].copy()
        for dy in range(1, len(widths)):
            m = rows[widths[dy]]
            combine(out[dy:], m[:-dy], out=out[dy:])
            combine(out[:-dy], m[dy:], out=out[:-dy])
        return out

    @classmethod
    def _disc_any(cls, road, r, rows):
        """Whether any ``road`` cell lies in the disc of radius r: ``_disc_min(grid, r) <
        _EMPTY`` for road = grid < _EMPTY. ``rows``: horizontal minimum filters of grid by
        half-width (reused where there; their ``< _EMPTY`` is the horizontal dilation)."""
        from scipy import ndimage

        widths = cls._disc_widths(r)
        spread = {}
        for w in set(widths):
            if w in rows:
                spread[w] = rows[w] < _EMPTY
            else:
                spread[w] = ndimage.maximum_filter1d(road.view(np.uint8), 2 * w + 1, axis=1, mode="constant",
                                                     cval=0).view(bool)
        return cls._shifted(spread, widths, np.logical_or)

    @classmethod
    def _disc_offsets(cls, r):
        """(dy, dx) of the cells of the disc of radius r, as ``_disc_min`` covers it."""
        return [(sy * dy, sx * dx) for dy, w in enumerate(cls._disc_widths(r)) for dx in range(w + 1)
                for sy in ((1, -1) if dy else (1,)) for sx in ((1, -1) if dx else (1,))]

    def _disc_min_at(self, grid, r, rows, cols):
        """``_disc_min(grid, r)[rows, cols]`` for a few cells."""
        h, w = self.shape
        dy, dx = np.array(self._disc_offsets(r), dtype=np.int64).T
        out = np.full(len(rows), _EMPTY, dtype=np.int64)
        chunk = max(1, 4_000_000 // len(dy))
        for i in range(0, len(rows), chunk):
            rr, cc = rows[i:i + chunk, None] + dy, cols[i:i + chunk, None] + dx
            ok = (rr >= 0) & (rr < h) & (cc >= 0) & (cc < w)
            values = np.where(ok, grid[np.clip(rr, 0, h - 1), np.clip(cc, 0, w - 1)], _EMPTY)
            out[i:i + chunk] = values.min(axis=1)
        return out

    def earliest_within(self, net, parts, distance):
        """Per cell: min key (time, station) of the reached road points within ``distance``.

        Road points are binned into cells, so a disc filter measured between cell centres is
        off by up to a cell. Whether a cell is reached is therefore decided exactly (its
        centre's distance to the nearest road point, cKDTree) in the ring where a disc half a
        cell diagonal smaller and one that much larger disagree; which station (the earliest
        key) comes from the disc of radius ``distance``.

        The two discs only tell whether any road cell is that near (boolean dilations, sharing
        the horizontal filters of the first), and the cKDTree holds only the road points near
        the ring."""
        from scipy import ndimage
        from scipy.spatial import cKDTree

        idx, key, point_cell, px, py = self._sample(net, parts, with_points=True)
        grid = self._key_grid(idx, key)
        r, slack = distance / self.cell, np.sqrt(0.5)
        rows_min = {}
        mid = self._disc_min(grid, r, rows_min)
        road = grid < _EMPTY
        if not road.any():
            return mid
        r_in, r_out = max(r - slack, 0.0), r + slack
        inner = self._disc_any(road, r_in, rows_min)
        outer = self._disc_any(road, r_out, rows_min)
        del rows_min
        ring = outer & ~inner
        rows, cols = np.nonzero(ring)
        if len(rows):
            xs, ys = self.centres()
            # road points that can lie within ``distance`` of a ring cell's centre: in a cell at
            # most r + half a diagonal away (a square of cells around the ring is a superset)
            half = int(np.ceil(r_out)) + 1
            around = ndimage.maximum_filter1d(ring.view(np.uint8), 2 * half + 1, axis=1, mode="constant")
            around = ndimage.maximum_filter1d(around, 2 * half + 1, axis=0, mode="constant").astype(bool)
            near_ring = np.flatnonzero(np.append(around.ravel(), False)[point_cell])  # (-1: the False)
            pts = np.column_stack([px[near_ring], py[near_ring]])
            if len(pts):
                d, _ = cKDTree(pts).query(np.column_stack([xs[cols], ys[rows]]), distance_upper_bound=distance)
                near = np.isfinite(d)
            else:
                near = np.zeros(len(rows), dtype=bool)
            label = mid[rows, cols]
            need = near & (label == _EMPTY)
            if need.any():
                label[need] = self._disc_min_at(grid, r_out, rows[need], cols[need])
            mid[rows, cols] = np.where(near, label, _EMPTY)
        mid[~outer] = _EMPTY
        return mid

    def nearest_road_label(self, net, parts):
        """Per cell: the station of the nearest reached road cell (-1 when none)."""
        from scipy import ndimage

        grid = self._road_keys(net, parts, step=0.9)  # every cell a road crosses still gets a sample
        empty = grid == _EMPTY
        if empty.all():
            return np.full(self.shape, _NONE, dtype=np.int64)
        rows, cols = ndimage.distance_transform_edt(empty, return_distances=False, return_indices=True)
        key = grid[rows, cols]
        return (key & _SOURCE_MASK).astype(np.int64)

    def polygons(self, labels):
        """(faces, label) of the regions of equal label (cell-edge polygons)."""
        import shapely

        h, w = self.shape
        pad = np.full((h + 2, w + 2), -99, dtype=np.int64)
        pad[1:-1, 1:-1] = labels
        segs = []
        # vertical boundaries at x = x0 + j*cell between pad[:, j] and pad[:, j+1], rows 1..h
        left, right = pad[1:-1, :-1].T, pad[1:-1, 1:].T  # (w+1, h): runs along rows
        segs.append(self._runs(left, right, vertical=True))
        below, above = pad[:-1, 1:-1], pad[1:, 1:-1]  # (h+1, w): runs along columns
        segs.append(self._runs(below, above, vertical=False))
        lines = np.concatenate(segs)
        if len(lines) == 0:
            return np.zeros(0, dtype=object), np.zeros(0, dtype=np.int64)
        faces = shapely.get_parts(shapely.polygonize(shapely.linestrings(lines)))
        pt = shapely.get_coordinates(shapely.point_on_surface(faces))
        col = np.clip(np.floor((pt[:, 0] - self.x0) / self.cell).astype(np.int64), 0, w - 1)
        row = np.clip(np.floor((pt[:, 1] - self.y0) / self.cell).astype(np.int64), 0, h - 1)
        return faces, labels[row, col]

    def _runs(self, a, b, vertical):
        """Boundary segments between label arrays a and b (same shape: lines × positions)."""
        diff = a != b
        same_prev = np.zeros_like(diff)
        same_prev[:, 1:] = diff[:, :-1] & (a[:, 1:] == a[:, :-1]) & (b[:, 1:] == b[:, :-1])
        start = diff & ~same_prev
        same_next = np.zeros_like(diff)
        same_next[:, :-1] = same_prev[:, 1:]
        end = diff & ~same_next
        li, ps = np.nonzero(start)
        _, pe = np.nonzero(end)  # same order (row-major), one end per start
        c = self.cell
        if vertical:  # line li = column boundary j (x), positions = rows
            x = self.x0 + li * c
            return np.stack([np.stack([x, self.y0 + ps * c], 1), np.stack([x, self.y0 + (pe + 1) * c], 1)], 1)
        y = self.y0 + li * c
        return np.stack([np.stack([self.x0 + ps * c, y], 1), np.stack([self.x0 + (pe + 1) * c, y], 1)], 1)


def _label_geometries(grid, labels, n_stations, study, options, extra_labels=()):
    """One (multi)polygon per station label 0..n-1 (None when empty), plus one per extra label."""
    import shapely

    faces, label = grid.polygons(labels)
    if options.smooth and len(faces) and shapely.geos_version >= (3, 12, 0):
        # staircase edges smoothed as one coverage: neighbours keep sharing their edges
        faces = shapely.coverage_simplify(faces, grid.cell * 0.75, simplify_boundary=False)
    keep = label != _OUTSIDE
    faces, label = _clip(faces[keep], label[keep], study)
    wanted = list(range(n_stations)) + list(extra_labels)
    out = np.array([None] * len(wanted), dtype=object)
    slot = {k: i for i, k in enumerate(wanted)}
    sel = np.isin(label, wanted)
    if sel.any():
        idx = np.array([slot[k] for k in label[sel]], dtype=np.int64)
        order = np.argsort(idx, kind="stable")
        uniq = np.unique(idx)
        # faces of one label never share an edge (there would be no boundary between them):
        # a multipolygon of them is valid without a union
        out[uniq] = shapely.multipolygons(faces[sel][order], indices=np.searchsorted(uniq, idx[order]))
    return out


def _clip(faces, label, study):
    """Faces clipped to the study area, as polygons (a face may fall apart into several)."""
    import shapely

    if len(faces) == 0:
        return faces, label
    if shapely.equals(study, shapely.envelope(study)):
        clipped = shapely.clip_by_rect(faces, *shapely.bounds(study))
    else:
        shapely.prepare(study)
        clipped = faces.copy()
        cut = ~shapely.within(faces, study)
        if cut.any():
            clipped[cut] = shapely.intersection(faces[cut], study)
    parts, idx = shapely.get_parts(clipped, return_index=True)
    polys = (shapely.get_type_id(parts) == 3) & (shapely.area(parts) > 0)
    return parts[polys], label[idx[polys]]


def _rectangles(polygons):
    """Per geometry: True for a Polygon without holes whose ring is its bounding box's four
    corners joined by axis-parallel edges (then a point is inside iff it lies strictly within
    the bounds)."""
    import shapely

    out = np.zeros(len(polygons), dtype=bool)
    ok = ~shapely.is_missing(polygons)
    cand = np.flatnonzero(ok)
    cand = cand[(shapely.get_type_id(polygons[cand]) == 3)]
    cand = cand[(shapely.get_num_interior_rings(polygons[cand]) == 0)
                & (shapely.get_num_coordinates(polygons[cand]) == 5)]
    if len(cand) == 0:
        return out
    ring = shapely.get_coordinates(shapely.get_exterior_ring(polygons[cand])).reshape(len(cand), 5, 2)
    b = shapely.bounds(polygons[cand])
    x, y = ring[:, :, 0], ring[:, :, 1]
    corners = (((x == b[:, [0]]) | (x == b[:, [2]])) & ((y == b[:, [1]]) | (y == b[:, [3]]))).all(axis=1)
    dx, dy = np.diff(x, axis=1) != 0, np.diff(y, axis=1) != 0
    # each edge moves along one axis, and the axes alternate: the four corners in turn
    axis_parallel = (dx ^ dy).all(axis=1) & (dx[:, 1:] != dx[:, :-1]).all(axis=1)
    proper = (b[:, 0] < b[:, 2]) & (b[:, 1] < b[:, 3])
    out[cand] = corners & axis_parallel & proper
    return out


def _sum_by_label(labels, cell_values, n):
    sel = labels >= 0
    return np.bincount(labels[sel], weights=cell_values[sel], minlength=n)[:n]


def _gap_residents(grid, labels, cell_values, gap_geoms):
    """Residents of each gap polygon: the cells of its connected gap region."""
    import shapely
    from scipy import ndimage

    if len(gap_geoms) == 0:
        return np.zeros(0)
    comp, n = ndimage.label(labels == _NONE)
    per_comp = np.bincount(comp.ravel(), weights=cell_values.ravel(), minlength=n + 1)
    pt = shapely.get_coordinates(shapely.point_on_surface(gap_geoms))
    h, w = grid.shape
    col = np.clip(np.floor((pt[:, 0] - grid.x0) / grid.cell).astype(np.int64), 0, w - 1)
    row = np.clip(np.floor((pt[:, 1] - grid.y0) / grid.cell).astype(np.int64), 0, h - 1)
    ids = comp[row, col]
    out = per_comp[ids]
    # a region cut into several polygons by the study outline: share by area
    uniq, inv, counts = np.unique(ids, return_inverse=True, return_counts=True)
    if (counts > 1).any():
        area = shapely.area(gap_geoms)
        total = np.bincount(inv, weights=area)
        out = out * area / total[inv]
    return np.where(ids > 0, out, 0.0)


def _areas_and_gaps(grid, labels, n_stations, study, options):
    import shapely

    geoms = _label_geometries(grid, labels, n_stations, study, options, extra_labels=(_NONE,))
    areas, gap = geoms[:n_stations], geoms[n_stations]
    gaps = shapely.get_parts(gap) if gap is not None else np.zeros(0, dtype=object)
    gaps = gaps[shapely.area(gaps) > 0] if len(gaps) else gaps
    return areas, gaps


def _match_districts(districts, stations, snapped, station_ids, warnings):
    """Given districts: each polygon belongs to the station(s) inside it."""
    import shapely

    districts = np.asarray(districts, dtype=object)
    out = np.array([None] * len(stations), dtype=object)
    tree = shapely.STRtree(districts)
    st_idx, d_idx = tree.query(np.asarray(stations, dtype=object), predicate="within")
    for s in np.unique(st_idx):
        ds = d_idx[st_idx == s]
        out[s] = shapely.union_all(districts[ds])
    missing = [station_ids[i] for i in range(len(stations)) if out[i] is None]
    if missing:
        warnings.append("no district polygon contains these stations: " + ", ".join(missing[:20]))
    shared = np.unique(d_idx, return_counts=True)
    if (shared[1] > 1).any():
        warnings.append(f"{int((shared[1] > 1).sum())} district polygon(s) contain more than one station: "
                        "each of those stations is given the whole district")
    unused = np.setdiff1d(np.arange(len(districts)), d_idx)
    if len(unused):
        warnings.append(f"{len(unused)} district polygon(s) contain no station and are not used")
    return out


# ------------------------------------------------------------------------------- targets, summary

def _targets_frame(result, layer_name, geoms, ids, access, limit, station_ids):
    import geopandas as gpd
    import shapely

    geoms = np.asarray(geoms, dtype=object)
    ok = np.array([g is not None and not shapely.is_empty(g) for g in geoms], dtype=bool)
    cost = np.full(len(geoms), np.inf)
    source = np.full(len(geoms), -1, dtype=np.int64)
    if ok.any():
        is_point = shapely.get_type_id(geoms[ok]) == 0
        idx = np.flatnonzero(ok)
        if is_point.any():
            c, s = nw.earliest_within(result, shapely.get_coordinates(geoms[idx[is_point]]), access, limit=np.inf)
            cost[idx[is_point]], source[idx[is_point]] = c, s
        if (~is_point).any():
            c, s = nw.earliest_within(result, geoms[idx[~is_point]], access, limit=np.inf)
            cost[idx[~is_point]], source[idx[~is_point]] = c, s
    points = np.array([shapely.Point()] * len(geoms), dtype=object)
    if ok.any():
        points[ok] = shapely.point_on_surface(geoms[ok])
    arrival = np.where(np.isfinite(cost), cost, np.nan)
    return gpd.GeoDataFrame({
        "target_layer": np.full(len(geoms), layer_name, dtype=object),
        "target_id": np.array([str(i) for i in ids], dtype=object),
        "arrival_min": arrival,
        "station_id": np.array([station_ids[s] if s >= 0 else None for s in source], dtype=object),
        "covered": np.isfinite(cost) & (cost <= limit)}, geometry=points)


def _summary(areas, gaps, targets, stats, limit):
    import pandas as pd

    rows = []
    layers = sorted(targets["target_layer"].unique()) if targets is not None and len(targets) else []
    for a in areas.drop(columns="geometry").to_dict("records"):
        row = {"station_id": a["station_id"], "name": a["name"], "class": a["class"],
               "turnout_min": a["turnout_min"], "on_network": bool(a["on_network"]),
               "reach_km2": a["reach_km2"], "residents_in_time": a["residents"],
               "district_km2": a["district_km2"], "class_limit_km2": a["class_limit_km2"],
               "exceeds_limit": a["exceeds_limit"], "district_in_time_pct": a["district_in_time_pct"],
               "district_residents": a["district_residents"],
               "residents_in_time_pct": (100.0 * a["residents"] / a["district_residents"]
                                         if a["district_residents"] and np.isfinite(a["district_residents"]) else np.nan)}
        for layer in layers:
            sel = targets[(targets["target_layer"] == layer) & (targets["station_id"] == a["station_id"])]
            row[f"{layer}_covered"] = int(sel["covered"].sum())
        rows.append(row)
    total_res = stats.get("residents_total", np.nan)
    covered_res = areas["residents"].sum(min_count=1)
    overall = {"station_id": "ALL", "name": None, "class": None, "turnout_min": np.nan,
               "on_network": bool(areas["on_network"].all()),
               "reach_km2": areas["reach_km2"].sum(), "residents_in_time": covered_res,
               "district_km2": areas["district_km2"].sum(min_count=1), "class_limit_km2": np.nan,
               "exceeds_limit": bool((areas["exceeds_limit"] == True).any()),  # noqa: E712
               "district_in_time_pct": (100.0 * areas["reach_km2"].sum() / stats["study_km2"]
                                        if stats["study_km2"] else np.nan),
               "district_residents": total_res,
               "residents_in_time_pct": (100.0 * covered_res / total_res) if total_res and np.isfinite(total_res)
               else np.nan}
    for layer in layers:
        overall[f"{layer}_covered"] = int(targets.loc[targets["target_layer"] == layer, "covered"].sum())
    rows.append(overall)
    summary = pd.DataFrame(rows)
    for layer in layers:
        summary[f"{layer}_total"] = [int(((targets["target_layer"] == layer)
                                          & (targets["station_id"] == sid)).sum()) if sid != "ALL"
                                     else int((targets["target_layer"] == layer).sum())
                                     for sid in summary["station_id"]]
    return summary
