"""The assessment's QGIS project: inputs and results styled, plus the atlas layouts; and the styled
results group the desktop adds to the planner's own project."""
import functools

from qgis.core import QgsProject

from ..atlas.project import add_atlas_to_project
from ..core.standards.shelters import TARGET_M2_PER_CAPITA
from ..layers.output_aliases import apply_output_aliases
from ..layers.project import add_layers, has_layer, input_title, open_gpkg_layer
from ..layers.schemas import inputs_bottom_to_top, project_results
from ..layers.styling import apply_four_colour_style
from ..support.i18n import file_language


def _result_styles(target, language):
    """How each result layer is drawn; legends and labels in ``language`` (the assessment's LANGUAGE)."""
    from ..layers.shelter_style import style_shelter_load, style_units_per_capita
    from ..layers.reach_style import style_reach_areas, style_reach_edges, style_reach_gaps
    from ..layers.resource_style import style_resource_areas, style_resource_gaps, style_resource_targets

    return {
        "risk_map": functools.partial(apply_four_colour_style, opacity=0.8, language=language),
        "hazard_units": functools.partial(apply_four_colour_style, language=language),
        "enterprise_risk": functools.partial(apply_four_colour_style, language=language),
        "reach_areas": style_reach_areas,
        "reach_gaps": style_reach_gaps,
        "reach_edges": style_reach_edges,
        "shelter_units": functools.partial(style_units_per_capita, target=target, name_field="name",
                                           language=language),
        "shelter_load": functools.partial(style_shelter_load, language=language),
        "rescue_areas": style_resource_areas,
        "rescue_gaps": style_resource_gaps,
        "rescue_targets": functools.partial(style_resource_targets, language=language),
        "depot_areas": style_resource_areas,
        "depot_gaps": style_resource_gaps,
    }


def add_results_group(project, gpkg, group_name, language, target=TARGET_M2_PER_CAPITA, index=0):
    """The result layers of ``gpkg`` (the assessment's GeoPackage), styled and named in ``language``,
    as one group at ``index`` of ``project``'s layer tree; returns the group."""
    zh = language == "zh"
    group = project.layerTreeRoot().insertGroup(index, group_name)
    styles = _result_styles(target, language)
    for result_layer in project_results():
        if result_layer.optional and not has_layer(gpkg, result_layer.name):
            continue  # its step was left out (its input was not given)
        layer = open_gpkg_layer(gpkg, result_layer.name, result_layer.title_zh if zh else result_layer.title_en)
        styles[result_layer.name](layer)
        apply_output_aliases(layer, language)
        project.addMapLayer(layer, False)
        group.addLayer(layer).setItemVisibilityChecked(result_layer.visible)
    return group


def write_project(path, inputs, result, target=TARGET_M2_PER_CAPITA, language=None):
    """Write ``path`` (.qgz): the results (styled) over the styled inputs, and the atlas layouts.

    ``inputs``: {assessment parameter: layer URI}; ``result``: the AssessmentResult whose
    GeoPackage holds the result layers and the atlas layers exportatlas kept there (ATLAS_LAYERS).
    Layer names follow ``language`` (zh/en; default the UI language).
    """
    project = QgsProject()
    language = file_language(language)
    zh = language == "zh"
    add_layers(project, [(inputs[i.parameter], i.kind, input_title(i, language))
                         for i in inputs_bottom_to_top() if inputs.get(i.parameter)],
               "输入数据" if zh else "Inputs", language)
    add_results_group(project, result.files["gpkg"], "评估结果" if zh else "Results", language, target)
    # the layouts; their layers in a collapsed, unchecked group at the bottom
    add_atlas_to_project(project, result.files["gpkg"])
    if not project.write(path):
        raise IOError(f"cannot write project {path}: {project.error()}")
    return path
