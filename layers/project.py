"""Adding styled layers to a QGIS project (the sample county, assessment inputs)."""
import os

from qgis.core import QgsProject, QgsVectorLayer

from ..support.i18n import PLUGIN_DIR, is_chinese
from .schemas import SCHEMAS
from .styling import STYLE_BY_KIND

SAMPLE_GPKG = os.path.join(PLUGIN_DIR, "sample_data", "sample_county.gpkg")
# sample GeoPackage layer -> schema kind, bottom to top
SAMPLE_LAYERS = {
    "population": "population", "townships": "townships", "roads": "roads", "shelters": "shelters",
    "enterprises": "enterprises", "hazard_sources": "hazard_sources", "shelter_points": "shelters",
    "fire_stations": "fire_stations",
}


def open_gpkg_layer(path, name, display_name=None):
    layer = QgsVectorLayer(f"{path}|layername={name}", display_name or name, "ogr")
    if not layer.isValid():
        raise IOError(f"cannot open layer '{name}' in {path}")
    return layer


def kind_title(kind, geometry_hint="", language=None):
    zh = (language or ("zh" if is_chinese() else "en")) == "zh"
    schema = SCHEMAS[kind]
    title = schema.title_zh if zh else schema.title_en
    if geometry_hint:
        title += f"（{geometry_hint}）" if zh else f" ({geometry_hint})"
    return title


def add_layers(project, layers, group_name, language=None):
    """Add ``layers`` — [(uri or QgsVectorLayer, kind, title)], bottom to top — styled (aliases in
    ``language``, default QGIS's), in a new top group."""
    group = project.layerTreeRoot().insertGroup(0, group_name)
    added = []
    for source, kind, title in layers:
        layer = source if isinstance(source, QgsVectorLayer) else QgsVectorLayer(source, title, "ogr")
        if not layer.isValid():
            raise IOError(f"cannot open layer {source}")
        layer.setName(title)
        STYLE_BY_KIND[kind](layer, language=language)
        project.addMapLayer(layer, False)
        group.insertLayer(0, layer)  # each new layer goes on top
        added.append(layer)
    if not project.crs().isValid() and added:
        project.setCrs(added[0].crs())
    return added


def add_sample_county(project=None, path=SAMPLE_GPKG, group_name=None):
    """Add the sample county's layers, styled, in a group; returns the layers (top last)."""
    project = project or QgsProject.instance()
    if not os.path.exists(path):
        raise FileNotFoundError(f"sample county not found: {path}")
    group_name = group_name or ("临海县示例数据" if is_chinese() else "Linhai sample county")
    points = "点" if is_chinese() else "points"
    layers = [(f"{path}|layername={name}", kind, kind_title(kind, points if name == "shelter_points" else ""))
              for name, kind in SAMPLE_LAYERS.items()]
    return add_layers(project, layers, group_name)
