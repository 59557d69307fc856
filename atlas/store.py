"""The atlas layers in a GeoPackage: written once per export, opened again to fill the layouts.

Tables ``atlas_<key>`` (``atlas.tables``) and ``atlas_settings`` (``atlas.settings``: how the atlas
was asked for, and its layout variables). Several map layers may show one table in different
styles (``VIEWS``): the sheet's townships, the overview's and the cover's are all ``atlas_coverage``.
"""
import pandas as pd
from qgis.core import QgsVectorLayer

from ..layers.sinks import make_fields
from ..layers.gpkg import quiet_gdal, write_layer
from ..support import compat
from . import text as T
from .settings import AtlasSettings

TABLE_PREFIX = "atlas_"
SETTINGS_TABLE = "atlas_settings"
GEOMETRY_TYPES = {"multipolygon": compat.WKB_MULTIPOLYGON, "point": compat.WKB_POINT, "none": compat.WKB_NO_GEOMETRY}
# map layer -> (table key, name: a key of atlas.text.TEXT, else the name itself)
VIEWS = {
    "risk": ("risk", "risk_levels"),
    "coverage": ("coverage", "atlas_townships"),
    "overview_towns": ("coverage", "atlas_townships_overview"),
    "cover_towns": ("coverage", "townships"),
    "figures": ("figures", "atlas_figures"),
    "major": ("major", "major_units"),
    "major_cover": ("major", "major_units"),
    "stations": ("stations", "fire_stations"),
    "stations_cover": ("stations", "fire_stations"),
    "shelters": ("shelters", "shelters"),
}


def table_name(key):
    return TABLE_PREFIX + key


def uri(path, table):
    return f"{path}|layername={table}"


def write_atlas(path, tables, settings, crs):
    """Write ``tables`` ({key: atlas.tables.Table}) and ``settings`` into the GeoPackage ``path``
    (created when missing; other layers in it are kept, earlier atlas tables replaced)."""
    for key, table in tables.items():
        geometry = GEOMETRY_TYPES.get(table.geometry)
        with quiet_gdal():
            write_layer(path, table_name(key), table.frame, make_fields(table.columns), crs, geometry)
    settings.tables = ",".join(tables)
    rows = pd.DataFrame(settings.rows(), columns=["kind", "name", "value"])
    with quiet_gdal():  # QGIS 3.22 makes GDAL print 'No geometry column' for a table without geometry
        write_layer(path, SETTINGS_TABLE, rows, make_fields([(c, "string") for c in rows.columns]), crs,
                    compat.WKB_NO_GEOMETRY)


def read_settings(path):
    """The AtlasSettings stored in ``path`` (IOError when it holds no atlas)."""
    layer = QgsVectorLayer(uri(path, SETTINGS_TABLE), SETTINGS_TABLE, "ogr")
    if not layer.isValid():
        raise IOError(f"{path} holds no atlas layers (no table '{SETTINGS_TABLE}')")
    rows = [(f["kind"], f["name"], f["value"] if f["value"] is not None else "") for f in layer.getFeatures()]
    del layer
    return AtlasSettings.from_rows(rows)


def open_atlas_layers(path, settings):
    """{map layer key: QgsVectorLayer} of every ``VIEWS`` entry whose table ``path`` holds."""
    written = set(filter(None, settings.tables.split(",")))
    layers = {}
    for key, (table, name) in VIEWS.items():
        if table not in written:
            continue
        title = T.text(name, settings.language) if name in T.TEXT else name
        layer = QgsVectorLayer(uri(path, table_name(table)), title, "ogr")
        if not layer.isValid():
            raise IOError(f"cannot open the atlas layer '{table_name(table)}' in {path}")
        layers[key] = layer
    return layers
