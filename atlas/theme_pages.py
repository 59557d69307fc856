"""The county's fire-station page and shelter page, and the compact reach and shelter maps of a sheet."""
from . import items
from . import text as T
from .page_templates import item, required_map

# top to bottom; legends: (layer key, TEXT key, hide the layer title, legend node order)
FIRE_LAYERS = ("stations_fire", "cover_towns", "reach", "gaps")
FIRE_LEGEND = (("reach", "reach_area", True, None), ("gaps", "reach_gap", True, None),
               ("stations_fire", "fire_stations", True, None), ("cover_towns", "townships", True, None))
SHELTER_LAYERS = ("load", "service", "shelter_towns")
SHELTER_LEGEND = (("shelter_towns", "col_m2pc", False, None), ("service", "service_area", True, None),
                  ("load", "shelters", True, None))
SHEET_REACH_LAYERS = ("stations_cover", "coverage", "reach", "gaps")
SHEET_REACH_LEGEND = (("reach", "reach_area", True, None), ("gaps", "reach_gap_short", True, None),
                      ("stations_cover", "fire_stations", True, None))
SHEET_SHELTER_LAYERS = ("load", "coverage", "service")
SHEET_SHELTER_LEGEND = (("service", "service_area", True, None), ("load", "shelters", True, None))


def _county_page(layout, layers, settings, crs, template, map_id, map_layers, legend):
    language = settings.language
    items.set_variables(layout, settings.variables)
    county_map = required_map(layout, map_id, template)
    items.set_map(county_map, [layers[k] for k in map_layers if k in layers], crs,
                  items.county_extent(layers["coverage"]), nice=True)
    items.link(layout, map_id)
    items.fill_legend(layout.itemById("legend"), items.legend_entries(layers, language, legend),
                      T.text("legend", language))


def fill_fire_page(layout, layers, settings, crs, template):
    """The county's fire-station page: stations, reached areas, gaps; townships and stations tables."""
    _county_page(layout, layers, settings, crs, template, "fire_map", FIRE_LAYERS, FIRE_LEGEND)
    towns = item(layout, "towns_table")
    items.fill_table(towns, layers["coverage"], settings.language, "true")
    items.fit_rows(towns, layers["coverage"].featureCount())
    if "station_rows" in layers:
        stations = item(layout, "stations_table")
        items.fill_table(stations, layers["station_rows"], settings.language, "true",
                         headings={"name": "col_station", "txt_residents": "col_station_res"})
        items.fit_rows(stations, layers["station_rows"].featureCount())


def fill_shelter_page(layout, layers, settings, crs, template):
    """The county's shelter page: m² per resident by township, service areas, overloaded shelters."""
    _county_page(layout, layers, settings, crs, template, "shelter_map", SHELTER_LAYERS, SHELTER_LEGEND)
    towns = item(layout, "towns_table")
    items.fill_table(towns, layers["coverage"], settings.language, "true",
                     () if "load" in layers else ("txt_overloaded",))
    items.fit_rows(towns, layers["coverage"].featureCount())
    note = ""
    if "overloaded_rows" in layers:
        overloaded = item(layout, "overloaded_table")
        items.fill_table(overloaded, layers["overloaded_rows"], settings.language, "true",
                         empty_message=T.text("no_overloaded", settings.language), headings={"name": "col_shelter"})
        count = layers["overloaded_rows"].featureCount()
        if not items.fit_rows(overloaded, count):  # the worst first (by m² per served resident): the rest said
            shown = items.limit_rows(overloaded, count)
            note = T.text("more_listed", settings.language, n=count, more=count - shown)
    items.set_variables(layout, {**settings.variables, "ra_overloaded_note": note})


def fill_sheet_maps(township, layers, settings, crs, extent):
    """The compact reach and shelter maps of a township sheet (atlas-driven, as the main map)."""
    language = settings.language
    for prefix, map_layers, legend in (("reach", SHEET_REACH_LAYERS, SHEET_REACH_LEGEND),
                                       ("shelter", SHEET_SHELTER_LAYERS, SHEET_SHELTER_LEGEND)):
        small = township.itemById(f"{prefix}_map")
        if small is None:
            continue
        items.set_map(small, [layers[k] for k in map_layers if k in layers], crs, extent)
        small.setAtlasDriven(True)
        entries = items.legend_entries(layers, language, legend)
        items.fill_legend(township.itemById(f"{prefix}_legend"), entries, "")
        legend_item = township.itemById(f"{prefix}_legend")
        if legend_item is not None:
            legend_item.setLinkedMap(small)
