"""The atlas layers of the fire-station and shelter pages, as (Geo)DataFrames with texts preformatted.

No QGIS here (``atlas.store`` writes them). Everything drawn is cut to the county:

* ``reach`` — each station's reach area (what it reaches first within the time limit);
* ``gaps`` — land no station reaches in time;
* ``station_rows`` — one row per station for the fire page's table (no geometry);
* ``service`` — each counted shelter's service area (a disc of its type's radius);
* ``load`` — the counted shelters as points, ``overloaded`` true/false;
* ``overloaded_rows`` — the overloaded shelters for the shelter page's table (no geometry);
* ``headline`` — the headline figures (``core.headline``), written as table ``headline_figures``.
"""
import numpy as np
import pandas as pd
import shapely

from ..core.ledger.codes import code_of
from ..core.standards.fire_stations import CLASS_LIMIT_BY_CODE
from ..core.standards.shelters import DEFAULT_SHELTER_TYPES
from ..core.values import parse_bools
from . import text as T
from .tables import Table, as_multipolygons, names, proposed_flags

STATION_COLUMNS = [("station_id", "string"), ("name", "string"), ("class_label", "string"), ("txt_reach_km2", "string"),
                   ("txt_residents", "string"), ("txt_district_km2", "string"), ("txt_limit_km2", "string"),
                   ("txt_exceeds", "string"), ("exceeds", "bool")]
LOAD_COLUMNS = [("name", "string"), ("type_label", "string"), ("overloaded", "bool"), ("txt_area", "string"),
                ("txt_served", "string"), ("txt_m2_served", "string"), ("m2_per_served", "double"), ("proposed", "int")]
HEADLINE_COLUMNS = [("figure_id", "string"), ("value", "double"), ("unit", "string"), ("shown", "string"),
                    ("label_zh", "string"), ("label_en", "string"), ("definition_zh", "string"),
                    ("definition_en", "string")]
HEADLINE_TABLE = "headline_figures"


def _column(frame, name, default=np.nan):
    return frame[name].to_numpy() if name in frame.columns else np.full(len(frame), default, dtype=object)


def _numbers(frame, name):
    return pd.to_numeric(pd.Series(_column(frame, name)), errors="coerce").to_numpy(dtype=float)


def _cut(geoms, county):
    """The polygonal part of each geometry inside the county (None where there is none)."""
    geoms = shapely.make_valid(np.asarray(geoms, dtype=object))
    return as_multipolygons(shapely.intersection(geoms, county))


def _class_label(value, language):
    code = code_of("fire_stations", "class", value) or value  # the code table reads 一级站 …; "suburban" as is
    entry = CLASS_LIMIT_BY_CODE.get(code) if isinstance(code, str) else None
    if entry is None:
        return "—" if value is None or value != value else str(value)
    return entry.name_zh if language == "zh" else entry.name_en


def _km2(value):
    return "—" if value != value else T.decimal(value, 1)


def reach_tables(reach_areas, reach_gaps, county, language):
    """{key: Table} of the fire page: reach areas, gaps and the stations' rows."""
    import geopandas as gpd

    tables = {}
    if reach_areas is not None:
        cut = _cut(reach_areas.geometry.to_numpy(), county)
        keep = ~shapely.is_missing(cut)
        reach = gpd.GeoDataFrame({"station_id": _column(reach_areas, "station_id", "").astype(str)[keep],
                                  "name": names(reach_areas, language)[keep]}, geometry=cut[keep], crs=reach_areas.crs)
        tables["reach"] = Table(reach, [("station_id", "string"), ("name", "string")], "multipolygon")
        tables["station_rows"] = Table(station_rows(reach_areas, language), STATION_COLUMNS, "none")
    if reach_gaps is not None:
        cut = _cut(reach_gaps.geometry.to_numpy(), county)
        keep = ~shapely.is_missing(cut)
        gaps = gpd.GeoDataFrame({"residents": _numbers(reach_gaps, "residents")[keep]}, geometry=cut[keep],
                                crs=reach_gaps.crs)
        tables["gaps"] = Table(gaps, [("residents", "double")], "multipolygon")
    return tables


def station_rows(reach_areas, language):
    """One row per station: class, area reached first, its residents, district, class limit, over it?"""
    exceeds = parse_bools(pd.Series(_column(reach_areas, "exceeds_limit", None))).values
    known = pd.Series(_column(reach_areas, "exceeds_limit", None)).notna().to_numpy()
    limit = _numbers(reach_areas, "class_limit_km2")
    frame = pd.DataFrame({
        "station_id": _column(reach_areas, "station_id", "").astype(str),
        "name": names(reach_areas, language),
        "class_label": [_class_label(v, language) for v in _column(reach_areas, "class", None)],
        "txt_reach_km2": [_km2(v) for v in _numbers(reach_areas, "reach_km2")],
        "txt_residents": [T.integer(v if v == v else None) for v in _numbers(reach_areas, "residents")],
        "txt_district_km2": [_km2(v) for v in _numbers(reach_areas, "district_km2")],
        "txt_limit_km2": [_km2(v) for v in limit],
        "txt_exceeds": [T.yes_no(bool(e), language) if k else "—" for e, k in zip(exceeds, known)],
        "exceeds": exceeds & known,
    })
    return frame.sort_values("station_id", kind="mergesort").reset_index(drop=True)


def _type_label(code, language):
    for shelter_type in DEFAULT_SHELTER_TYPES:
        if shelter_type.code == code:
            return shelter_type.name_zh if language == "zh" else shelter_type.name_en
    return "—" if code is None or code != code else str(code)


def shelter_tables(shelter_load, county, language):
    """{key: Table} of the shelter page: service areas, shelters (overloaded or not), overloaded rows."""
    import geopandas as gpd

    if shelter_load is None:
        return {}
    geoms = shapely.make_valid(shelter_load.geometry.to_numpy())
    points = np.where(shapely.get_type_id(geoms) == 0, geoms, shapely.point_on_surface(geoms))
    radius = np.nan_to_num(_numbers(shelter_load, "radius_m"), nan=0.0)
    overloaded = parse_bools(pd.Series(_column(shelter_load, "overloaded", None))).values
    served, per_served = _numbers(shelter_load, "served_residents"), _numbers(shelter_load, "m2_per_served")
    area = _numbers(shelter_load, "eff_area_m2")
    load = gpd.GeoDataFrame({
        "name": names(shelter_load, language),
        "type_label": [_type_label(v, language) for v in _column(shelter_load, "type", None)],
        "overloaded": overloaded,
        "txt_area": [T.integer(v if v == v else None) for v in area],
        "txt_served": [T.integer(v if v == v else None) for v in served],
        "txt_m2_served": [T.decimal(v if v == v else None, 2) for v in per_served],
        "m2_per_served": per_served,
        "proposed": proposed_flags(shelter_load),
    }, geometry=points, crs=shelter_load.crs)
    discs = _cut(shapely.buffer(points, radius, quad_segs=16), county)
    keep = (radius > 0) & ~shapely.is_missing(discs)
    service = gpd.GeoDataFrame({"name": load["name"].to_numpy()[keep], "overloaded": overloaded[keep]},
                               geometry=discs[keep], crs=shelter_load.crs)
    rows = pd.DataFrame(load.drop(columns="geometry")[overloaded]).sort_values("m2_per_served", kind="mergesort")
    return {"service": Table(service, [("name", "string"), ("overloaded", "bool")], "multipolygon"),
            "load": Table(load, LOAD_COLUMNS, "point"),
            "overloaded_rows": Table(rows.reset_index(drop=True), LOAD_COLUMNS, "none")}


def headline_table(figures):
    """The headline figures (a list of core.headline.HeadlineFigure) as the ``headline_figures`` table."""
    return Table(pd.DataFrame([{name: getattr(f, name) for name, _kind in HEADLINE_COLUMNS} for f in figures],
                              columns=[name for name, _kind in HEADLINE_COLUMNS]), HEADLINE_COLUMNS, "none")
