"""The assessment's QGIS project: input layers and results, styled, plus the atlas layouts."""
import functools

from qgis.core import QgsProject

from .i18n_support import is_chinese
from .layers.project import add_sample_county, open_gpkg_layer
from .layers.styling import apply_four_colour_style

# result layer -> (zh title, en title, visible)
RESULT_TITLES = {
    "risk_map": ("四色安全风险分布图", "Four-colour risk map", True),
    "hazard_units": ("重大危险源分级", "Graded hazard units", True),
    "enterprise_risk": ("企业风险等级", "Enterprise risk levels", False),
    "reach_areas": ("消防站5分钟到达范围", "Fire-station 5-minute reach", False),
    "reach_gaps": ("消防未覆盖区域", "Fire reach gaps", False),
    "reach_edges": ("消防到达道路", "Reached roads", False),
    "shelter_units": ("镇街人均避难场所面积", "Shelter area per capita", False),
    "shelter_load": ("避难场所负荷", "Shelter load", False),
}


def _result_styles(target):
    from .layers.shelter_style import style_shelter_load, style_units_per_capita
    from .processing.alg_fire_station_reach import _style_areas, _style_edges, _style_gaps

    return {
        "risk_map": functools.partial(apply_four_colour_style, opacity=0.8),
        "hazard_units": apply_four_colour_style,
        "enterprise_risk": apply_four_colour_style,
        "reach_areas": _style_areas,
        "reach_gaps": _style_gaps,
        "reach_edges": _style_edges,
        "shelter_units": functools.partial(style_units_per_capita, target=target, name_field="name"),
        "shelter_load": style_shelter_load,
    }


def write_project(path, inputs_gpkg, result, target=1.5):
    """Write ``path`` (.qgz): results (styled, in a group on top) over the styled inputs, with the
    atlas layouts when the atlas step produced them."""
    project = QgsProject()
    add_sample_county(project, inputs_gpkg)
    results_group = project.layerTreeRoot().insertGroup(0, "评估结果" if is_chinese() else "Results")
    styles = _result_styles(target)
    gpkg = result.files["results GeoPackage"]
    for name, (title_zh, title_en, visible) in reversed(list(RESULT_TITLES.items())):
        layer = open_gpkg_layer(gpkg, name, title_zh if is_chinese() else title_en)
        styles[name](layer)
        project.addMapLayer(layer, False)
        node = results_group.insertLayer(0, layer)
        node.setItemVisibilityChecked(visible)
    if not project.write(path):
        raise IOError(f"cannot write project {path}: {project.error()}")
    return path
