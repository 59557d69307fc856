"""The empty data template a planner fills from the bureau's ledgers: one GeoPackage with the
seven layer kinds (shelters twice: sites as polygons, assembly points as points)."""
import functools

import geopandas as gpd

from ..support import compat
from .gpkg import fields_from_schema, write_geopackage
from .schemas import SCHEMAS
from .styling import STYLE_BY_KIND

# GeoPackage layer name -> (schema kind, geometry type)
TEMPLATE_LAYERS = {
    "enterprises": ("enterprises", compat.WKB_POINT),
    "hazard_sources": ("hazard_sources", compat.WKB_POLYGON),
    "shelters": ("shelters", compat.WKB_POLYGON),
    "shelter_points": ("shelters", compat.WKB_POINT),
    "fire_stations": ("fire_stations", compat.WKB_POINT),
    "population": ("population", compat.WKB_POLYGON),
    "roads": ("roads", compat.WKB_LINESTRING),
    "townships": ("townships", compat.WKB_POLYGON),
}


def write_template(path, crs="EPSG:4549", language="zh"):
    """Write the empty template GeoPackage with fields, aliases and default styles."""
    layers, styles = {}, {}
    for name, (kind, wkb_type) in TEMPLATE_LAYERS.items():
        schema = SCHEMAS[kind]
        empty = gpd.GeoDataFrame({f.name: [] for f in schema.fields}, geometry=gpd.GeoSeries([]))
        layers[name] = (empty, fields_from_schema(schema, language), wkb_type)
        styles[name] = functools.partial(STYLE_BY_KIND[kind], language=language)
    return write_geopackage(path, layers, crs, styles)
