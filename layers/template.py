"""The empty data template a planner fills from the bureau's ledgers: one GeoPackage with a layer
per assessment input (layers.schemas.ASSESSMENT_INPUTS; shelters twice: sites as polygons,
assembly points as points)."""
import functools

import geopandas as gpd

from ..support import compat
from .gpkg import fields_from_schema, write_geopackage
from .schemas import ASSESSMENT_INPUTS, LINE, POINT, POLYGON, SCHEMAS, TEMPLATE_CRS
from .styling import STYLE_BY_KIND

WKB_TYPES = {POINT: compat.WKB_POINT, LINE: compat.WKB_LINESTRING, POLYGON: compat.WKB_POLYGON}
# GeoPackage layer name -> (schema kind, geometry type)
TEMPLATE_LAYERS = {i.layer: (i.kind, WKB_TYPES[i.template_geometry]) for i in ASSESSMENT_INPUTS}


def write_template(path, crs=TEMPLATE_CRS, language="zh"):
    """Write the empty template GeoPackage with fields, aliases and default styles."""
    layers, styles = {}, {}
    for name, (kind, wkb_type) in TEMPLATE_LAYERS.items():
        schema = SCHEMAS[kind]
        empty = gpd.GeoDataFrame({f.name: [] for f in schema.fields}, geometry=gpd.GeoSeries([]))
        layers[name] = (empty, fields_from_schema(schema, language), wkb_type)
        styles[name] = functools.partial(STYLE_BY_KIND[kind], language=language)
    return write_geopackage(path, layers, crs, styles)
