"""Adding styled layers to a QGIS project (the sample county, analysis outputs)."""
import os

from qgis.core import QgsProject, QgsVectorLayer

from ..i18n_support import PLUGIN_DIR, is_chinese
from .schemas import SCHEMAS
from .styling import STYLE_BY_KIND
from .template import TEMPLATE_LAYERS

SAMPLE_GPKG = os.path.join(PLUGIN_DIR, "sample_data", "sample_county.gpkg")
# bottom to top
SAMPLE_DRAW_ORDER = ("population", "townships", "roads", "shelters", "enterprises", "hazard_sources",
                     "shelter_points", "fire_stations")


def open_gpkg_layer(path, name, display_name=None):
    layer = QgsVectorLayer(f"{path}|layername={name}", display_name or name, "ogr")
    if not layer.isValid():
        raise IOError(f"cannot open layer '{name}' in {path}")
    return layer


def display_name(layer_name):
    kind = TEMPLATE_LAYERS[layer_name][0]
    schema = SCHEMAS[kind]
    title = schema.title_zh if is_chinese() else schema.title_en
    if layer_name == "shelter_points":
        title += "（点）" if is_chinese() else " (points)"
    return title


def add_sample_county(project=None, path=SAMPLE_GPKG, group_name=None):
    """Add the sample county's layers, styled, in a group; returns the layers (top last)."""
    project = project or QgsProject.instance()
    if not os.path.exists(path):
        raise FileNotFoundError(f"sample county not found: {path}")
    group_name = group_name or ("临海县示例数据" if is_chinese() else "Linhai sample county")
    root = project.layerTreeRoot()
    group = root.insertGroup(0, group_name)
    layers = []
    for name in SAMPLE_DRAW_ORDER:
        layer = open_gpkg_layer(path, name, display_name(name))
        STYLE_BY_KIND[TEMPLATE_LAYERS[name][0]](layer)
        project.addMapLayer(layer, False)
        group.insertLayer(0, layer)  # each new layer goes on top
        layers.append(layer)
    if project.crs() is None or not project.crs().isValid():
        project.setCrs(layers[0].crs())
    return layers
