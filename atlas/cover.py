"""The cover page: the county's map, figures, townships and chart."""
from ..core.atlas_figures import COUNTY_KEY
from . import items
from . import text as T
from .page_templates import item, required_map

# top to bottom
MAP_LAYERS = ("stations_cover", "major_cover", "shelters", "hazards_cover", "cover_towns", "risk")
LEGEND = (("risk", "risk_levels", True, None), ("stations_cover", "fire_stations", False, None),
          ("shelters", "shelters", False, None), ("major_cover", "major_units", False, None),
          ("hazards_cover", "natural_hazards", False, None), ("cover_towns", "townships", False, None))


def dropped_town_columns(settings):
    """Columns of the townships table whose figures were not given."""
    return tuple(name for name, given in (("txt_cover5_pct", settings.coverage_given),
                                          ("txt_m2pc", settings.shelters_given)) if not given)


def dropped_level_columns(settings):
    return () if settings.enterprises_given else ("enterprises",)


def fill_cover(cover, layers, settings, crs, template):
    """Fill the cover layout ``cover`` (made from the file ``template``) from the atlas ``layers``."""
    language = settings.language
    items.set_variables(cover, settings.variables)
    county_map = required_map(cover, "county_map", template)
    items.set_map(county_map, [layers[k] for k in MAP_LAYERS if k in layers], crs,
                  items.county_extent(layers["coverage"]), nice=True)
    items.link(cover, "county_map")
    picture = cover.itemById("chart")
    if picture is not None:
        picture.setPicturePath(settings.county_chart)
    items.fill_table(item(cover, "summary_table"), layers["figures"], language, f"\"page_key\" = '{COUNTY_KEY}'",
                     dropped_level_columns(settings))
    towns_table = item(cover, "townships_table")
    items.fill_table(towns_table, layers["coverage"], language, "true", dropped_town_columns(settings))
    items.fit_rows(towns_table, layers["coverage"].featureCount())
    legend = cover.itemById("legend")
    entries = items.legend_entries(layers, language, LEGEND)
    if legend is not None and "hazards_cover" in layers:  # one row more than the frame holds: two columns
        legend.setColumnCount(2)
    items.fill_legend(legend, entries, T.text("legend", language))
    if settings.variables.get("ra_run_label"):
        _room_for_one_more_line(cover.itemById("issued"), lines=2)


def _room_for_one_more_line(label, lines):
    """The issuer's label (``lines`` lines high, its foot fixed) one line taller: the run label's line."""
    from qgis.core import QgsLayoutPoint, QgsLayoutSize

    if label is None:
        return
    size, position = label.sizeWithUnits(), label.positionWithUnits()
    line = size.height() / lines
    label.attemptResize(QgsLayoutSize(size.width(), size.height() + line, size.units()))
    label.attemptMove(QgsLayoutPoint(position.x(), position.y() - line, position.units()))
