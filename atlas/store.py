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
from .theme_tables import HEADLINE_TABLE

TABLE_PREFIX = "atlas_"
SETTINGS_TABLE = "atlas_settings"
GEOMETRY_TYPES = {"multipolygon": compat.WKB_MULTIPOLYGON, "point": compat.WKB_POINT, "none": compat.WKB_NO_GEOMETRY}
# map layer -> (table key, name and what it serves: keys of atlas.text.TEXT); the names differ, so the
# project's atlas group (atlas.project) lists each layer once under its own name
VIEWS = {
    "risk": ("risk", "risk_levels", "county_map"),
    "coverage": ("coverage", "townships", "township_sheet"),
    "overview_towns": ("coverage", "townships", "overview"),
    "cover_towns": ("coverage", "townships", "county_map"),
    "figures": ("figures", "figures", "table_layer"),
    "major": ("major", "major_units", "township_sheet"),
    "major_cover": ("major", "major_units", "county_map"),
    "stations": ("stations", "fire_stations", "township_sheet"),
    "stations_cover": ("stations", "fire_stations", "county_map"),
    "stations_fire": ("stations", "fire_stations", "fire_page"),
    "shelters": ("shelters", "shelters", "county_map"),
    "reach": ("reach", "reach_area", "fire_page"),
    "gaps": ("gaps", "reach_gap_short", "fire_page"),
    "station_rows": ("station_rows", "stations_table", "table_layer"),
    "shelter_towns": ("coverage", "shelter_towns", "shelter_page"),
    "service": ("service", "service_area", "shelter_page"),
    "load": ("load", "shelter_ok", "shelter_page"),
    "overloaded_rows": ("overloaded_rows", "overloaded_table", "table_layer"),
    # natural hazards on the county map and the sheets; the resources page
    "hazards_cover": ("hazards", "natural_hazards", "county_map"),
    "hazards": ("hazards", "natural_hazards", "township_sheet"),
    "res_reach": ("res_reach", "rescue_reach", "resources_page"),
    "res_gaps": ("res_gaps", "rescue_gap", "resources_page"),
    "res_teams": ("res_teams", "rescue_teams", "resources_page"),
    "res_depots": ("res_depots", "supply_depots", "resources_page"),
    "res_left": ("res_left", "targets_left_out", "resources_page"),
    "res_ok": ("res_ok", "targets_reached", "resources_page"),
    "res_towns": ("coverage", "townships", "resources_page"),
    "res_town_rows": ("res_town_rows", "resources_towns", "table_layer"),
    "res_left_rows": ("res_left_rows", "resources_targets", "table_layer"),
}


def view_name(key, language):
    """A map layer's name: what it shows and where, e.g. '消防站（消防站5分钟到达范围）'."""
    _table, name, page = VIEWS[key]
    if language == "zh":
        return f"{T.text(name, language)}（{T.text(page, language)}）"
    return f"{T.text(name, language)} ({T.text(page, language)})"


def table_name(key):
    return TABLE_PREFIX + key


def uri(path, table):
    return f"{path}|layername={table}"


def write_atlas(path, tables, settings, crs, headline=None):
    """Write ``tables`` ({key: atlas.tables.Table}), ``settings`` and the headline figures (a Table, as
    ``headline_figures``) into the GeoPackage ``path`` (created when missing; other layers in it are
    kept, earlier atlas tables replaced)."""
    for key, table in tables.items():
        geometry = GEOMETRY_TYPES.get(table.geometry)
        with quiet_gdal():
            write_layer(path, table_name(key), table.frame, make_fields(table.columns), crs, geometry)
    if headline is not None:
        with quiet_gdal():
            write_layer(path, HEADLINE_TABLE, headline.frame, make_fields(headline.columns), crs,
                        compat.WKB_NO_GEOMETRY)
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
    for key, (table, _name, _page) in VIEWS.items():
        if table not in written:
            continue
        layer = QgsVectorLayer(uri(path, table_name(table)), view_name(key, settings.language), "ogr")
        if not layer.isValid():
            raise IOError(f"cannot open the atlas layer '{table_name(table)}' in {path}")
        layers[key] = layer
    return layers
