"""The county's fire-station page and shelter page, and the compact reach and shelter maps of a sheet."""
from . import items
from . import text as T
from .page_templates import item, required_map
from .symbols import has_planned

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
    legend = layout.itemById("legend")
    if legend is not None and "stations_fire" in layers and has_planned(layers["stations_fire"]):
        legend.setColumnCount(3)  # planned and existing stations: five rows, in the frame's two rows
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


# the resources page: top to bottom; legend (layer key, TEXT key, hide the layer title, legend node order)
RESOURCES_LAYERS = ("res_left", "res_teams", "res_depots", "res_ok", "res_towns", "res_reach", "res_gaps")
RESOURCES_LEGEND = (("res_reach", "rescue_reach", True, None), ("res_gaps", "rescue_gap", True, None),
                    ("res_teams", "rescue_teams", True, None), ("res_depots", "supply_depots", True, None),
                    ("res_left", "targets_left_out", True, None), ("res_ok", "targets_reached", True, None),
                    ("res_towns", "townships", True, None))


def fill_resources_page(layout, layers, settings, crs, template):
    """The county's resources page: teams' reach and gaps, depots, key targets left out; townships table and the
    list of key targets left out (largest occupancy first)."""
    _county_page(layout, layers, settings, crs, template, "resources_map", RESOURCES_LAYERS, RESOURCES_LEGEND)
    language = settings.language
    if "res_town_rows" in layers:
        towns = item(layout, "towns_table")
        items.fill_table(towns, layers["res_town_rows"], language, "true", headings={
            "name": "col_township", "txt_rescue_left": "col_rescue_left", "txt_rescue_pct": "col_rescue_pct",
            "txt_depot_left": "col_depot_left", "txt_targets_left": "col_targets_left"})
        items.fit_rows(towns, layers["res_town_rows"].featureCount())
    note = ""
    if "res_left_rows" in layers:
        targets = item(layout, "targets_table")
        items.fill_table(targets, layers["res_left_rows"], language, "true",
                         empty_message=T.text("no_left_out_targets", language), headings={
                             "name": "col_target", "category_label": "col_category",
                             "txt_occupancy": "col_occupancy", "txt_arrival": "col_arrival"})
        count = layers["res_left_rows"].featureCount()
        if not items.fit_rows(targets, count):
            shown = items.limit_rows(targets, count)
            note = T.text("more_listed", language, n=count, more=count - shown)
    items.set_variables(layout, {**settings.variables, "ra_targets_note": note})
