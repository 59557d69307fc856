"""The atlas layers of the resources page and the natural hazards on the maps, as (Geo)DataFrames with texts
preformatted. No QGIS here (``atlas.store`` writes them). Everything drawn is cut to the county:

* ``res_reach`` / ``res_gaps`` — the rescue teams' reach areas and the land they leave out;
* ``res_teams``, ``res_depots`` — the teams and depots as points;
* ``res_left`` / ``res_ok`` — key targets not reached / reached in time (points);
* ``res_town_rows`` — one row per township for the page's table (no geometry);
* ``res_left_rows`` — the key targets left out, largest occupancy first (no geometry);
* ``hazards`` — natural-hazard sites and zones (as points) for the county map and the sheets.
"""
import numpy as np
import pandas as pd
import shapely

from ..core.standards.emergency_resources import DEPOT_LEVELS, TEAM_TYPES
from ..core.standards.key_targets import KEY_TARGET_CATEGORIES
from ..core.standards.natural_hazards import DANGER_GRADES
from ..core.values import parse_bools
from . import text as T
from .tables import Table, as_multipolygons, names

TOWN_ROW_COLUMNS = [("town_id", "string"), ("name", "string"), ("txt_residents", "string"),
                    ("txt_rescue_left", "string"), ("txt_rescue_pct", "string"), ("txt_depot_left", "string"),
                    ("txt_targets_left", "string")]
LEFT_COLUMNS = [("name", "string"), ("category_label", "string"), ("occupancy", "double"),
                ("txt_occupancy", "string"), ("txt_arrival", "string")]


def _labels(rows, language):
    return {row[0]: row[1] if language == "zh" else row[2] for row in rows}


def _label(values, table, language):
    lookup = _labels(table, language)
    return np.array(["—" if v is None or v != v else lookup.get(str(v), str(v)) for v in values], dtype=object)


def _numbers(frame, name):
    if frame is None or name not in frame.columns:
        return np.full(0 if frame is None else len(frame), np.nan)
    return pd.to_numeric(frame[name], errors="coerce").to_numpy(dtype=float)


def _points(geoms):
    geoms = shapely.make_valid(np.asarray(geoms, dtype=object))
    return np.where(shapely.get_type_id(geoms) == 0, geoms, shapely.point_on_surface(geoms))


def _inside(frame, county):
    """Rows whose point lies in the county, with that point as geometry."""
    points = _points(frame.geometry.to_numpy())
    keep = shapely.intersects(county, points)
    return keep, points


def _polygons(frame, county, columns):
    import geopandas as gpd

    cut = as_multipolygons(shapely.intersection(shapely.make_valid(frame.geometry.to_numpy()), county))
    keep = ~shapely.is_missing(cut)
    data = {name: frame[name].to_numpy()[keep] if name in frame.columns else np.full(keep.sum(), np.nan)
            for name, _kind in columns}
    return Table(gpd.GeoDataFrame(data, geometry=cut[keep], crs=frame.crs), columns, "multipolygon")


def _point_table(frame, county, data, columns):
    import geopandas as gpd

    keep, points = _inside(frame, county)
    data = {name: np.asarray(values, dtype=object)[keep] for name, values in data.items()}
    return Table(gpd.GeoDataFrame(data, geometry=points[keep], crs=frame.crs), columns, "point")


def resource_tables(frames, county, language):
    """{key: Table} of the resources page from ``frames`` ('rescue_areas', 'rescue_gaps', 'rescue_towns',
    'rescue_targets', 'depot_towns', 'rescue_teams', 'supply_depots'; any may be None)."""
    tables = {}
    if frames.get("rescue_areas") is not None:
        tables["res_reach"] = _polygons(frames["rescue_areas"], county, [("resource_id", "string"), ("name", "string")])
    if frames.get("rescue_gaps") is not None:
        tables["res_gaps"] = _polygons(frames["rescue_gaps"], county, [("residents", "double")])
    teams, depots = frames.get("rescue_teams"), frames.get("supply_depots")
    if teams is not None:
        tables["res_teams"] = _point_table(teams, county, {
            "name": names(teams, language), "type_label": _label(teams.get("type", [None] * len(teams)), TEAM_TYPES,
                                                                 language)},
            [("name", "string"), ("type_label", "string")])
    if depots is not None:
        tables["res_depots"] = _point_table(depots, county, {
            "name": names(depots, language),
            "level_label": _label(depots.get("level", [None] * len(depots)), DEPOT_LEVELS, language)},
            [("name", "string"), ("level_label", "string")])
    targets = frames.get("rescue_targets")
    if targets is not None:
        covered = parse_bools(targets["covered"]).values
        occupancy = _numbers(targets, "occupancy")
        data = {"name": names(targets, language),
                "category_label": _label(targets["category"] if "category" in targets else [None] * len(targets),
                                         KEY_TARGET_CATEGORIES, language),
                "occupancy": occupancy, "txt_occupancy": [T.integer(v if v == v else None) for v in occupancy],
                "txt_arrival": [T.decimal(v, 1) if v == v else T.text("unreachable", language)
                                for v in _numbers(targets, "arrival_min")]}
        for key, rows in (("res_left", ~covered), ("res_ok", covered)):
            part = targets[rows]
            tables[key] = _point_table(part, county, {k: np.asarray(v, dtype=object)[rows] for k, v in data.items()},
                                       LEFT_COLUMNS)
        left = tables["res_left"].frame.drop(columns="geometry").sort_values("occupancy", ascending=False,
                                                                            kind="mergesort")
        tables["res_left_rows"] = Table(left.reset_index(drop=True), LEFT_COLUMNS, "none")
    if frames.get("rescue_towns") is not None or frames.get("depot_towns") is not None:
        tables["res_town_rows"] = Table(town_rows(frames.get("rescue_towns"), frames.get("depot_towns"), language),
                                        TOWN_ROW_COLUMNS, "none")
    return tables


def town_rows(rescue, depots, language):
    """One row per township of the coverage tables (the rescue teams' order, depots matched by town_id)."""
    base = rescue if rescue is not None else depots
    ids = base["town_id"].astype(str).to_numpy() if "town_id" in base.columns else np.arange(len(base)).astype(str)
    frame = pd.DataFrame({"town_id": ids, "name": names(base, language) if "name" in base.columns else ids})
    residents = _numbers(base, "residents")
    frame["txt_residents"] = [T.integer(v if v == v else None) for v in residents]
    for prefix, towns in (("rescue", rescue), ("depot", depots)):
        left = np.full(len(frame), np.nan)
        share = np.full(len(frame), np.nan)
        if towns is not None:
            by_id = dict(zip(towns["town_id"].astype(str), range(len(towns)))) if "town_id" in towns else {}
            index = np.array([by_id.get(i, -1) for i in ids])
            found = index >= 0
            left[found] = _numbers(towns, "residents_left_out")[index[found]]
            share[found] = _numbers(towns, "reached_pct")[index[found]]
        frame[f"txt_{prefix}_left"] = [T.integer(v if v == v else None) for v in left]
        if prefix == "rescue":
            frame["txt_rescue_pct"] = [T.percent(v / 100 if v == v else None) for v in share]
    targets = _numbers(rescue if rescue is not None else depots, "key_targets_left_out")
    frame["txt_targets_left"] = [T.integer(v if v == v else None) for v in targets]
    return frame


def hazard_table(hazards, county, language):
    """Natural-hazard sites and zones as points (zones at a point on their surface), with their grade."""
    grades = {g.code: g.name_zh if language == "zh" else g.name_en for g in DANGER_GRADES}
    return _point_table(hazards, county, {
        "name": names(hazards, language),
        "grade_label": [grades.get(str(v), "—") for v in (hazards["danger_level"] if "danger_level" in hazards
                                                           else [None] * len(hazards))]},
        [("name", "string"), ("grade_label", "string")])


def source_kinds_text(kinds, language):
    """'风险源：企业、重大危险源、自然灾害隐患点/风险区' from the risk map's source_layer values."""
    known = [T.text(f"kind_{k}", language) if f"kind_{k}" in T.TEXT else k for k in kinds]
    if not known:
        return ""
    return T.text("sources_combined", language, k=("、" if language == "zh" else ", ").join(known))


def resource_variables(figures, frames, language):
    """The resources page's indicator lines (@ra_res_rescue, @ra_res_depots, @ra_res_targets), from the county
    figures of the coverage (``figures.resources``) and the teams' and depots' own layers."""
    def within(given):
        if given is None or given.residents_reached is None:
            return T.text("not_given", language)
        total = given.residents_reached + (given.residents_left_out or 0.0)
        return T.text("within_limit", language, t=T.decimal(given.time_limit_min, 0) if given.time_limit_min else "—",
                      s=T.percent_of(given.residents_reached, total), n=T.integer(given.residents_left_out))

    separator = "；" if language == "zh" else "; "
    values = {}
    teams, depots = frames.get("rescue_teams"), frames.get("supply_depots")
    rescue, supplies = figures.resources.get("rescue"), figures.resources.get("depot")
    if teams is not None or rescue is not None:
        count = T.text("teams_count", language, n=T.integer(len(teams)) if teams is not None else "—",
                       p=T.integer(np.nansum(_numbers(teams, "headcount"))) if teams is not None else "—")
        values["ra_res_rescue"] = count + separator + within(rescue)
    if depots is not None or supplies is not None:
        count = T.text("depots_count", language, n=T.integer(len(depots)) if depots is not None else "—",
                       p=T.integer(np.nansum(_numbers(depots, "stock_people"))) if depots is not None else "—")
        values["ra_res_depots"] = count + separator + within(supplies)
    if rescue is not None:
        values["ra_res_targets"] = (T.text("targets_count", language, n=T.integer(rescue.key_targets)) + separator
                                    + T.text("targets_left", language, n=T.integer(rescue.key_targets_left_out),
                                             p=T.integer(rescue.occupancy_left_out)))
    for name in ("ra_res_rescue", "ra_res_depots", "ra_res_targets"):
        values.setdefault(name, T.text("not_given", language))
    return values
