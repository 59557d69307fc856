"""The atlas in a QGIS project: its layouts, rebuilt from the atlas layers an export kept.

``riskatlas:exportatlas`` with ATLAS_LAYERS writes its layers into a GeoPackage (the full
assessment: its results GeoPackage); ``add_atlas_to_project`` then gives any project the two
layouts, ready to edit or export again from the layout designer.
"""
from .build import layouts_from_store


def add_atlas_to_project(project, gpkg, group_name=None):
    """Add the cover and township layouts of the atlas stored in ``gpkg`` to ``project``, with their
    layers in a group at the top of the layer tree (unchecked: they are for the layouts).

    Returns (cover, township) layouts. IOError when ``gpkg`` holds no atlas."""
    atlas = layouts_from_store(project, gpkg)
    name = group_name or ("图集" if atlas.settings.language == "zh" else "Atlas")
    group = project.layerTreeRoot().insertGroup(0, name)
    for layer in atlas.layers.values():
        group.addLayer(layer).setItemVisibilityChecked(False)
    return atlas.cover, atlas.township
