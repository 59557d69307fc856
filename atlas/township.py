"""The township sheets: a QGIS atlas over the townships, one sheet each."""
from qgis.core import QgsFillSymbol, QgsLayoutItemMapOverview

from . import items
from . import text as T
from .page_templates import item, required_map
from .symbols import CURRENT
from .theme_pages import fill_sheet_maps

MAJOR_ROWS = 8  # major hazard units listed per sheet when the table's frame cannot tell (the heading gives the total)
# top to bottom
MAP_LAYERS = ("stations", "major", "shelters", "hazards", "coverage", "risk")
LEGEND = (("risk", "risk_levels", True, None), ("stations", "fire_stations", False, None),
          ("shelters", "shelters", False, None), ("major", "major_units", False, None),
          ("hazards", "natural_hazards", False, None), ("coverage", "current_township", False, [0]))


def listed_major_rows(township):
    """How many major hazard units a sheet lists: as many as the template's table frame holds."""
    return items.rows_that_fit(item(township, "major_table")) or MAJOR_ROWS


def round_main_map_scale(layout):
    """Round a sheet's map scales up to 'nice' denominators (keeps the centres); run after each atlas feature."""
    for map_id in ("main_map", "reach_map", "shelter_map"):
        sheet_map = layout.itemById(map_id)
        if sheet_map is not None and sheet_map.atlasDriven():
            sheet_map.setScale(items.nice_scale(sheet_map.scale()))


def _overview(township, overview_layer, main_map, crs, extent):
    overview = township.itemById("overview_map")
    if overview is None:
        return
    items.set_map(overview, [overview_layer], crs, extent)
    if overview.overviews().size() == 0:
        overview.overviews().addOverview(QgsLayoutItemMapOverview("main_map_extent", overview))
    frame = overview.overviews().overview(0)
    frame.setLinkedMap(main_map)
    frame.setFrameSymbol(QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": "#FF0000",
                                                     "outline_width": "0.5"}))


def fill_township(township, layers, settings, crs, template):
    """Fill the sheet layout ``township`` (made from the file ``template``): its atlas runs over the
    ``coverage`` layer by page number."""
    from .cover import dropped_level_columns

    language = settings.language
    items.set_variables(township, settings.variables)
    atlas = township.atlas()
    atlas.setCoverageLayer(layers["coverage"])
    atlas.setEnabled(True)
    atlas.setHideCoverage(False)
    atlas.setSortFeatures(True)
    atlas.setSortExpression('"page_no"')
    atlas.setFilterFeatures(False)
    main_map = required_map(township, "main_map", template)
    extent = items.county_extent(layers["coverage"])
    items.set_map(main_map, [layers[k] for k in MAP_LAYERS if k in layers], crs, extent)
    main_map.setAtlasDriven(True)
    _overview(township, layers["overview_towns"], main_map, crs, extent)
    fill_sheet_maps(township, layers, settings, crs, extent)
    items.link(township, "main_map")
    items.fill_table(item(township, "figures_table"), layers["figures"], language, CURRENT,
                     dropped_level_columns(settings))
    major_table = item(township, "major_table")
    rows = listed_major_rows(township)
    items.fill_table(major_table, layers["major"], language, CURRENT,
                     empty_message=T.text("no_major_units" if settings.major_given else "not_given", language))
    if major_table is not None:
        major_table.setMaximumNumberOfFeatures(rows)
    items.fill_legend(township.itemById("legend"), items.legend_entries(layers, language, LEGEND),
                      T.text("legend", language))
