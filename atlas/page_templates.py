"""The atlas's layout templates (``atlas/templates/*.qpt``): which file, loading it, finding its items.

Five templates per paper size: ``atlas_cover_<a3|a4>.qpt`` (the county's four-colour page),
``atlas_fire_…`` (the county's fire-station page), ``atlas_shelter_…`` (the county's shelter page),
``atlas_resources_…`` (the county's rescue teams, supply depots and key targets) and
``atlas_township_<a3|a4>.qpt`` (one sheet per township). A planner's own version saved in the QGIS
profile's ``composer_templates`` folder as ``riskatlas_cover_a3.qpt`` (etc.) is used instead.
Items are found by id (``COVER_ITEMS``, ``FIRE_ITEMS``, ``SHELTER_ITEMS``, ``RESOURCES_ITEMS``,
``TOWNSHIP_ITEMS``; documented in
``atlas/templates/README.md``).
"""
import os

from qgis.core import QgsApplication, QgsPrintLayout, QgsReadWriteContext
from qgis.PyQt.QtXml import QDomDocument

from ..support import compat
from ..support.fonts import resolve_layout_fonts
from ..support.i18n import PLUGIN_DIR

WRAPPED_LABELS = ("note", "footer", "indicators")  # labels whose lines may be longer than the label is wide

TEMPLATE_DIR = os.path.join(PLUGIN_DIR, "atlas", "templates")
PAGE_SIZES = ("A3", "A4")
USER_TEMPLATE_PREFIX = "riskatlas_"  # <profile>/composer_templates/riskatlas_township_a3.qpt overrides
COVER_ITEMS = ("title", "subtitle", "page_number", "county_map", "north_arrow", "scalebar", "legend",
               "figures_heading", "summary_table", "indicators_heading", "indicators", "chart_heading", "chart",
               "townships_heading", "townships_table", "issued", "crs_note", "footer", "made_with")
TOWNSHIP_ITEMS = ("title", "township_name", "page_number", "issued", "main_map", "north_arrow", "scalebar",
                  "overview_map", "overview_caption", "legend", "figures_heading", "figures_table",
                  "indicators_heading", "indicators", "chart_heading", "chart", "major_heading", "major_table",
                  "reach_heading", "reach_map", "reach_legend", "shelter_heading", "shelter_map", "shelter_legend",
                  "crs_note", "footer", "made_with")
_PAGE_ITEMS = ("title", "subtitle", "page_number", "north_arrow", "scalebar", "legend", "figures_heading",
               "indicators", "towns_heading", "towns_table", "note", "crs_note", "footer", "made_with")
FIRE_ITEMS = ("fire_map",) + _PAGE_ITEMS + ("stations_heading", "stations_table")
SHELTER_ITEMS = ("shelter_map",) + _PAGE_ITEMS + ("overloaded_heading", "overloaded_table")
RESOURCES_ITEMS = ("resources_map",) + _PAGE_ITEMS + ("targets_heading", "targets_table")


class TemplateError(Exception):
    pass


def user_template_folder():
    """QGIS's own folder for the user's layout templates (listed by the Layout Manager)."""
    return os.path.join(QgsApplication.qgisSettingsDirPath(), "composer_templates")


def template_path(kind, page_size):
    """The template file for ``kind`` ('cover' / 'township') and 'A3'/'A4': the planner's own copy in
    the profile's composer_templates folder when there is one, else the plugin's."""
    name = f"{kind}_{page_size.lower()}.qpt"
    user = os.path.join(user_template_folder(), USER_TEMPLATE_PREFIX + name)
    if os.path.isfile(user):
        return user
    return os.path.join(TEMPLATE_DIR, f"atlas_{name}")


def load_template(project, path, name):
    """A print layout of ``project`` made from the template file ``path`` (TemplateError when it cannot be)."""
    document = QDomDocument()
    try:
        with open(path, encoding="utf-8") as handle:
            ok = document.setContent(handle.read())
    except OSError as error:
        raise TemplateError(f"cannot read the layout template {path}: {error.strerror}") from error
    if not (ok[0] if isinstance(ok, tuple) else ok):
        raise TemplateError(f"{path} is not a valid layout template (XML)")
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    _items, loaded = layout.loadFromTemplate(document, QgsReadWriteContext())
    if not loaded:
        raise TemplateError(f"could not load the layout template {path}")
    layout.setName(name)
    resolve_layout_fonts(layout)  # a family this machine has (support.fonts)
    for item_id in WRAPPED_LABELS:
        label = layout.itemById(item_id)
        if label is not None:
            compat.wrap_cjk_label(label)
    return layout


def required_map(layout, item_id, path):
    """The map item ``item_id``: the one item a template must have."""
    found = layout.itemById(item_id)
    if found is None:
        raise TemplateError(f"{path}: no map item with id '{item_id}'")
    return found


def item(layout, item_id):
    """A layout item by id; a table's frame gives its multiframe (the table)."""
    found = layout.itemById(item_id)
    if found is not None and hasattr(found, "multiFrame"):
        return found.multiFrame()
    return found
