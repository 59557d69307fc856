"""Stand-in analysis layers for the atlas tests, made from the sample county by simple rules.

They carry exactly the fields the real analyses write (issue 6), so the atlas is tested
without depending on the risk-map, reach and shelter algorithms:

* risk_map — square grid over the townships (cells not cut), ``risk_level`` by distance to the
  nearest hazard-source unit (< 800 m → 1, < 1600 m → 2) or enterprise (< 250 m → 3), else 4;
  ``residents`` apportioned from the population polygons; labels and colour from the palette.
* hazard_units — hazard_sources dissolved by unit_id; every other unit major, grades cycling 1..4.
* enterprises — the sample enterprises with ``risk_level`` cycling by row.
* reach_areas — 3.5 km discs around the fire stations, cut to the county; reach_gaps the rest.
* shelter_units — one per township: fixed/central shelter polygon area ÷ residents.
"""
import os

import numpy as np
import shapely

from riskatlas.core.standards.risk_levels import risk_attributes

STATION_RADIUS_M = 3500.0


def _frame(gpkg, name):
    from qgis.core import QgsVectorLayer
    from riskatlas.layers.convert import source_to_frame

    layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
    assert layer.isValid(), name
    return source_to_frame(layer, name).gdf


def _apportion(values, sources, targets):
    tree = shapely.STRtree(sources)
    t_idx, s_idx = tree.query(targets, predicate="intersects")
    overlap = shapely.area(shapely.intersection(sources[s_idx], targets[t_idx]))
    result = np.zeros(len(targets))
    np.add.at(result, t_idx, values[s_idx] * overlap / shapely.area(sources[s_idx]))
    return result


def build_standins(gpkg, cell_m=500.0):
    """GeoDataFrames keyed by layer name, all in the sample's CRS."""
    import geopandas as gpd

    towns = _frame(gpkg, "townships")
    population = _frame(gpkg, "population")
    hazards = _frame(gpkg, "hazard_sources")
    enterprises = _frame(gpkg, "enterprises")
    shelters = _frame(gpkg, "shelters")
    stations = _frame(gpkg, "fire_stations")
    crs = towns.crs
    county = shapely.union_all(towns.geometry.to_numpy())

    # hazard units
    units = hazards.dissolve(by="unit_id", as_index=False, aggfunc="first")[["unit_id", "ent_id", "geometry"]]
    n = len(units)
    major = (np.arange(n) % 2) == 0
    grade = np.where(major, (np.arange(n) // 2) % 4 + 1, np.nan)
    hazard_units = gpd.GeoDataFrame({
        "unit_id": units["unit_id"].to_numpy(), "hazard_grade": grade, "is_major": major,
        "r_value": np.where(major, 120.0 - 25.0 * np.nan_to_num(grade), 0.0) + np.arange(n) * 0.5,
        "s_value": np.where(major, 2.0, 0.5),
        "risk_level": np.where(major, np.nan_to_num(grade, nan=4), 4).astype(int),
        "enterprise_id": units["ent_id"].to_numpy(),
    }, geometry=units.geometry.to_numpy(), crs=crs)

    # four-colour grid
    xmin, ymin, xmax, ymax = county.bounds
    xs = np.arange(xmin, xmax, cell_m)
    ys = np.arange(ymin, ymax, cell_m)
    gx, gy = np.meshgrid(xs, ys)
    cells = shapely.box(gx.ravel(), gy.ravel(), gx.ravel() + cell_m, gy.ravel() + cell_m)
    cells = cells[shapely.intersects(county, cells)]
    unit_geoms = hazard_units.geometry.to_numpy()
    d_hazard = np.array(shapely.distance(cells[:, None], unit_geoms[None, :]).min(axis=1)) if n else np.full(
        len(cells), np.inf)
    ent_tree = shapely.STRtree(enterprises.geometry.to_numpy())
    near_ent = np.zeros(len(cells), dtype=bool)
    cell_idx, _ = ent_tree.query(cells, predicate="dwithin", distance=250.0)
    near_ent[np.unique(cell_idx)] = True
    level = np.where(d_hazard < 800, 1, np.where(d_hazard < 1600, 2, np.where(near_ent, 3, 4)))
    residents = _apportion(population["residents"].to_numpy(dtype=float), population.geometry.to_numpy(), cells)
    attrs = risk_attributes(level)
    risk_map = gpd.GeoDataFrame({"cell_id": np.arange(len(cells)), **attrs, "residents": residents},
                                geometry=cells, crs=crs)

    # enterprises with levels
    ent = gpd.GeoDataFrame({"ent_id": enterprises["ent_id"].to_numpy(), "name": enterprises["name"].to_numpy(),
                            "name_en": enterprises["name_en"].to_numpy(),
                            "risk_level": (np.arange(len(enterprises)) % 7 % 4) + 1},
                           geometry=enterprises.geometry.to_numpy(), crs=crs)

    # reach
    discs = shapely.intersection(shapely.buffer(stations.geometry.to_numpy(), STATION_RADIUS_M, quad_segs=32), county)
    pop_geoms, pop_values = population.geometry.to_numpy(), population["residents"].to_numpy(dtype=float)
    reach_areas = gpd.GeoDataFrame({"station_id": stations["station_id"].to_numpy(),
                                    "reach_km2": shapely.area(discs) / 1e6,
                                    "residents": _apportion(pop_values, pop_geoms, discs)},
                                   geometry=discs, crs=crs)
    gap = shapely.difference(county, shapely.union_all(discs))
    reach_gaps = gpd.GeoDataFrame({"residents": _apportion(pop_values, pop_geoms, np.array([gap]))},
                                  geometry=[gap], crs=crs)

    # shelter result per township
    fixed = shelters[shelters["type"].astype(str).str.contains("fixed|central", regex=True)]
    area_col = (fixed["area_m2"].to_numpy(dtype=float) if "area_m2" in fixed.columns
                else shapely.area(fixed.geometry.to_numpy()) * 0.6)
    town_geoms = towns.geometry.to_numpy()
    town_res = _apportion(pop_values, pop_geoms, town_geoms)
    centroids = shapely.point_on_surface(fixed.geometry.to_numpy())
    shelter_area = np.array([area_col[shapely.contains(t, centroids)].sum() for t in town_geoms])
    per_cap = np.where(town_res > 0, shelter_area / town_res, 0.0)
    shelter_units = gpd.GeoDataFrame({
        "name": towns["name"].to_numpy(), "residents": town_res, "shelter_area_m2": shelter_area,
        "m2_per_capita": per_cap, "meets_target": per_cap >= 1.5,
        "deficit_m2": np.maximum(0.0, 1.5 * town_res - shelter_area),
    }, geometry=town_geoms, crs=crs)

    # shelter load: the fixed shelters as points, 1,500 m service radius, overloaded when the township misses 1.5
    town_of = np.array([int(np.flatnonzero(shapely.contains(town_geoms, c))[0]) if shapely.contains(
        town_geoms, c).any() else -1 for c in centroids])
    shelter_load = gpd.GeoDataFrame({
        "name": fixed["name"].astype(str).to_numpy() if "name" in fixed.columns else np.arange(len(fixed)).astype(str),
        "type": fixed["type"].astype(str).to_numpy(), "eff_area_m2": area_col,
        "radius_m": np.full(len(fixed), 1500.0), "served_residents": area_col,
        "m2_per_served": np.ones(len(fixed)), "overloaded": np.where(town_of >= 0, per_cap[town_of] < 1.5, False),
    }, geometry=centroids, crs=crs)

    return {"risk_map": risk_map, "hazard_units": hazard_units, "enterprises": ent, "reach_areas": reach_areas,
            "reach_gaps": reach_gaps, "shelter_units": shelter_units, "shelter_load": shelter_load}


_KINDS = {np.dtype(bool): "bool", np.dtype("int64"): "int", np.dtype("float64"): "double"}


def write_standins(gpkg, path, cell_m=500.0):
    """Write the stand-ins into one GeoPackage (through QGIS); returns {name: 'path|layername=name'}."""
    from qgis.core import QgsVectorLayer
    from riskatlas.layers.sinks import make_fields
    from riskatlas.layers.gpkg import write_geopackage

    frames = build_standins(gpkg, cell_m)
    layers = {}
    for name, frame in frames.items():
        specs = []
        for column in frame.columns:
            if column == "geometry":
                continue
            dtype = frame[column].dtype
            kind = _KINDS.get(dtype, "string")
            if kind == "string":
                frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
            specs.append((column, kind))
        layers[name] = (frame, make_fields(specs), None)
    crs = QgsVectorLayer(f"{gpkg}|layername=townships", "townships", "ogr").crs()  # the stand-ins' CRS
    write_geopackage(path, layers, crs)
    return {name: f"{path}|layername={name}" for name in frames}


def atlas_parameters(standins, sample_gpkg, **extra):
    """exportatlas parameters with every stand-in layer (and the sample's shelters, stations, townships)."""
    def uri(name):
        return f"{sample_gpkg}|layername={name}"

    parameters = {
        "RISK_MAP": standins["risk_map"], "ENTERPRISES": standins["enterprises"],
        "HAZARD_UNITS": standins["hazard_units"], "SHELTERS": uri("shelters"),
        "FIRE_STATIONS": uri("fire_stations"), "REACH_AREAS": standins["reach_areas"],
        "REACH_GAPS": standins["reach_gaps"], "SHELTER_UNITS": standins["shelter_units"],
        "SHELTER_LOAD": standins["shelter_load"], "TOWNSHIPS": uri("townships"), "TITLE": "临海县安全风险分布图集",
        "ORGANISATION": "临海县应急管理局", "DATE": "2024-06-07",
    }
    parameters.update(extra)
    return parameters


def run_exportatlas(parameters):
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return processing.run("riskatlas:exportatlas", parameters, context=context, feedback=QgsProcessingFeedback())


if __name__ == "__main__":  # pragma: no cover — development helper
    import sys

    print(write_standins(sys.argv[1], sys.argv[2], float(sys.argv[3]) if len(sys.argv) > 3 else 500.0))
    os._exit(0)
