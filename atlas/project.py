"""The atlas in a QGIS project: its layouts, rebuilt from the atlas layers an export kept.

``riskatlas:exportatlas`` with ATLAS_LAYERS writes its layers into a GeoPackage (the full
assessment: its results GeoPackage); ``add_atlas_to_project`` then gives any project the atlas
layouts (the county pages and the township sheets), ready to edit or export again from the layout
designer. Their layers are the layouts' own: they go into one collapsed, unchecked group at the
bottom of the layer tree, out of the planner's way.
"""
from .build import layouts_from_store


def add_atlas_to_project(project, gpkg, group_name=None):
    """Add the atlas layouts stored in ``gpkg`` to ``project``, their layers in a collapsed, unchecked
    group at the bottom of the layer tree. Returns the layouts (county pages, then the township sheet).
    IOError when ``gpkg`` holds no atlas."""
    atlas = layouts_from_store(project, gpkg)
    zh = atlas.settings.language == "zh"
    name = group_name or ("图集图层（供打印布局使用）" if zh else "Atlas layers (used by the print layouts)")
    root = project.layerTreeRoot()
    group = root.insertGroup(len(root.children()), name)
    for layer in atlas.layers.values():
        group.addLayer(layer).setItemVisibilityChecked(False)
    group.setItemVisibilityChecked(False)
    group.setExpanded(False)
    return atlas.layouts
