"""The assessment's QGIS project: inputs and results styled, plus the atlas layouts."""
import functools

from qgis.core import QgsProject

from ..atlas.project import add_atlas_to_project
from ..core.standards.shelters import TARGET_M2_PER_CAPITA
from ..support.i18n import is_chinese
from ..layers.project import add_layers, kind_title, open_gpkg_layer
from ..layers.styling import apply_four_colour_style

# assessment input parameter -> schema kind, bottom to top
INPUT_KINDS = {
    "POPULATION": "population", "TOWNSHIPS": "townships", "ROADS": "roads", "SHELTERS": "shelters",
    "ENTERPRISES": "enterprises", "HAZARD_SOURCES": "hazard_sources", "SHELTERS_2": "shelters",
    "FIRE_STATIONS": "fire_stations",
}
# result layer -> (zh title, en title, visible), top to bottom
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
    from ..layers.shelter_style import style_shelter_load, style_units_per_capita
    from ..layers.reach_style import style_reach_areas, style_reach_edges, style_reach_gaps

    return {
        "risk_map": functools.partial(apply_four_colour_style, opacity=0.8),
        "hazard_units": apply_four_colour_style,
        "enterprise_risk": apply_four_colour_style,
        "reach_areas": style_reach_areas,
        "reach_gaps": style_reach_gaps,
        "reach_edges": style_reach_edges,
        "shelter_units": functools.partial(style_units_per_capita, target=target, name_field="name"),
        "shelter_load": style_shelter_load,
    }


def write_project(path, inputs, result, target=TARGET_M2_PER_CAPITA, language=None):
    """Write ``path`` (.qgz): the results (styled) over the styled inputs, and the atlas layouts.

    ``inputs``: {assessment parameter: layer URI}; ``result``: the AssessmentResult whose
    GeoPackage holds the result layers and the atlas layers exportatlas kept there (ATLAS_LAYERS).
    Layer names follow ``language`` (zh/en; default QGIS's).
    """
    project = QgsProject()
    language = language or ("zh" if is_chinese() else "en")
    zh = language == "zh"
    points = "点" if zh else "points"
    add_layers(project, [(inputs[p], kind, kind_title(kind, points if p == "SHELTERS_2" else "", language))
                         for p, kind in INPUT_KINDS.items() if inputs.get(p)],
               "输入数据" if zh else "Inputs", language)
    group = project.layerTreeRoot().insertGroup(0, "评估结果" if zh else "Results")
    styles = _result_styles(target)
    gpkg = result.files["results GeoPackage"]
    for name, (title_zh, title_en, visible) in RESULT_TITLES.items():
        layer = open_gpkg_layer(gpkg, name, title_zh if zh else title_en)
        styles[name](layer)
        project.addMapLayer(layer, False)
        group.addLayer(layer).setItemVisibilityChecked(visible)
    add_atlas_to_project(project, gpkg)  # atlas layers above, unchecked
    if not project.write(path):
        raise IOError(f"cannot write project {path}: {project.error()}")
    return path
