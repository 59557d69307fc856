"""Adding styled layers to a QGIS project (the sample county, assessment inputs)."""
import os

from qgis.core import QgsProject, QgsVectorLayer

from ..support.i18n import PLUGIN_DIR, is_chinese
from .schemas import SCHEMAS, inputs_bottom_to_top
from .styling import STYLE_BY_KIND

SAMPLE_GPKG = os.path.join(PLUGIN_DIR, "sample_data", "sample_county.gpkg")
USER_FOLDER = "RiskAtlas"  # under the user's home: the sample county's copy, runs of an unsaved project


def user_folder():
    """~/RiskAtlas: the plugin's folder for the planner's own copies and runs."""
    return os.path.join(os.path.expanduser("~"), USER_FOLDER)


def sample_copy(folder=None, source=SAMPLE_GPKG):
    """The planner's own copy of the sample county (``folder``, default ~/RiskAtlas): copied there the
    first time, kept afterwards — edits survive plugin updates, and the plugin folder is never written."""
    import shutil

    from .atomic import atomic_output

    target = os.path.join(folder or user_folder(), os.path.basename(source))
    if not os.path.exists(target):
        with atomic_output(target) as partial:
            shutil.copyfile(source, partial)
    return target


def open_gpkg_layer(path, name, display_name=None):
    layer = QgsVectorLayer(f"{path}|layername={name}", display_name or name, "ogr")
    if not layer.isValid():
        raise IOError(f"cannot open layer '{name}' in {path}")
    return layer


def has_layer(path, name):
    """True when the GeoPackage ``path`` holds a layer ``name``."""
    from osgeo import ogr

    source = ogr.Open(path)
    try:
        return source is not None and source.GetLayerByName(name) is not None
    finally:
        source = None


def kind_title(kind, geometry_hint="", language=None):
    zh = (language or ("zh" if is_chinese() else "en")) == "zh"
    schema = SCHEMAS[kind]
    title = schema.title_zh if zh else schema.title_en
    if geometry_hint:
        title += f"（{geometry_hint}）" if zh else f" ({geometry_hint})"
    return title


def input_title(assessment_input, language=None):
    """The layer title of an assessment input (layers.schemas.AssessmentInput) in ``language``."""
    zh = (language or ("zh" if is_chinese() else "en")) == "zh"
    hint = assessment_input.hint_zh if zh else assessment_input.hint_en
    return kind_title(assessment_input.kind, hint, "zh" if zh else "en")


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
    layers = [(f"{path}|layername={i.layer}", i.kind, input_title(i)) for i in inputs_bottom_to_top()]
    return add_layers(project, layers, group_name)
