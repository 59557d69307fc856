"""The county fire-station and shelter pages of the atlas templates (drawn by build_atlas_templates.py).

Both pages: a header (title, subtitle, page number), the county map on the left with north arrow
and scale bar, and on the right the county figures with the legend, a table per township, a second
table (the stations; the overloaded shelters) and a note saying how to read them. Coordinates are
A3 millimetres, as in build_atlas_templates.py.
"""
WIDTH, HEIGHT = 420.0, 297.0
MARGIN, TOP, BOTTOM = 12.0, 42.0, 274.0
MAP_W = 236.0
ACCENT, GREY, INK = "#1F4E79", "#595959", "#1A1A1A"


def _frame(d, footer, map_id, title, subtitle, page, note):
    """Header, the map with its north arrow and scale bar, CRS note and footer; returns (map, panel x, width)."""
    d.label("title", title, MARGIN, 11.0, WIDTH - 2 * MARGIN - 130.0, 15.0, 24.0, colour=ACCENT, bold=True)
    d.label("subtitle", subtitle, MARGIN, 27.5, 300.0, 7.0, 12.0, colour=GREY)
    d.label("page_number", page, WIDTH - MARGIN - 120.0, 29.0, 120.0, 6.0, 10.0, colour=GREY, align="right")
    d.rule("header_rule", MARGIN, 37.5, WIDTH - 2 * MARGIN)
    county_map = d.map(map_id, MARGIN, TOP, MAP_W, BOTTOM - TOP)
    d.north_arrow("north_arrow", MARGIN + MAP_W - 14.0, TOP + 4.0, 9.0, 14.0, county_map)
    d.scalebar("scalebar", MARGIN + 4.0, BOTTOM - 14.0, county_map)
    d.label("crs_note", f"[% @ra_crs_note %][% @ra_lbl_scale %] "
            f"1:[% format_number(item_variables('{map_id}')['map_scale'], 0) %]",
            MARGIN, BOTTOM + 2.0, MAP_W, 5.0, 7.5, colour=GREY)
    footer(d, WIDTH, HEIGHT, MARGIN, note)
    panel_x = MARGIN + MAP_W + 8.0
    return county_map, panel_x, WIDTH - MARGIN - panel_x


def _heading(d, item_id, text, x, y, w):
    d.label(item_id, text, x, y, w, 6.0, 11.0, colour=ACCENT, bold=True)


def fire_page(d, footer):
    county_map, x, w = _frame(d, footer, "fire_map", "[% @ra_lbl_fire_page %]", "[% @ra_lbl_fire_subtitle %]",
                              "[% @ra_page_fire %]", "[% @ra_lbl_method_note %]")
    y = TOP
    _heading(d, "figures_heading", "[% @ra_lbl_fire_figures %]", x, y, w)
    d.label("indicators", "[% @ra_lbl_covered %][% @ra_h_fire_residents_covered %] [% @ra_lbl_persons %]\n"
            "[% @ra_lbl_not_covered %][% @ra_h_fire_residents_not_covered %] [% @ra_lbl_persons %]\n"
            "[% @ra_lbl_cover_share %][% @ra_h_fire_cover_share %]", x, y + 7.5, w, 16.0, 9.0)
    d.legend("legend", x, y + 25.0, w, 22.0, county_map, columns=2)
    y += 52.0
    _heading(d, "towns_heading", "[% @ra_lbl_fire_towns %]", x, y, w)
    d.table("towns_table", x, y + 7.0, w, 66.0,
            (("name", 1.5, "left"), ("txt_residents", 1.1, "right"), ("txt_covered", 1.1, "right"),
             ("txt_not_covered", 1.1, "right"), ("txt_cover5_pct", 0.9, "right")), "true", size=8.0, wrap=True)
    y += 76.0
    _heading(d, "stations_heading", "[% @ra_lbl_stations_table %]", x, y, w)
    d.table("stations_table", x, y + 7.0, w, 60.0,
            (("name", 1.7, "left"), ("class_label", 1.3, "left"), ("txt_reach_km2", 1.2, "right"),
             ("txt_residents", 1.0, "right"), ("txt_district_km2", 1.3, "right"), ("txt_limit_km2", 1.1, "right"),
             ("txt_exceeds", 0.9, "center")), "true", size=7.5, wrap=True)
    d.label("note", "[% @ra_lbl_fire_note %]", x, BOTTOM - 18.0, w, 18.0, 7.5, colour=GREY, valign="bottom")


def shelter_page(d, footer):
    county_map, x, w = _frame(d, footer, "shelter_map", "[% @ra_lbl_shelter_page %]",
                              "[% @ra_lbl_shelter_subtitle %]", "[% @ra_page_shelter %]", "[% @ra_lbl_method_note %]")
    y = TOP
    _heading(d, "figures_heading", "[% @ra_lbl_shelter_figures %]", x, y, w)
    d.label("indicators", "[% @ra_lbl_m2pc_line %][% @ra_county_m2pc %]\n[% @ra_shelter_basis %]\n"
            "[% @ra_lbl_county_deficit_line %][% @ra_h_shelter_county_deficit_m2 %] m²　　"
            "[% @ra_lbl_total_deficit_line %][% @ra_h_shelter_total_deficit_m2 %] m²\n"
            "[% @ra_lbl_overloaded_line %][% @ra_h_shelters_overloaded %] [% @ra_lbl_shelter_count %]",
            x, y + 7.5, w, 20.0, 8.5)
    d.legend("legend", x, y + 28.5, w, 32.0, county_map, size=8.0, columns=2)
    y += 63.0
    _heading(d, "towns_heading", "[% @ra_lbl_shelter_towns %]", x, y, w)
    d.table("towns_table", x, y + 7.0, w, 60.0,
            (("name", 1.4, "left"), ("txt_shelter_res", 1.1, "right"), ("txt_shelter_area", 1.2, "right"),
             ("txt_m2pc", 1.0, "right"), ("txt_meets", 0.6, "center"), ("txt_deficit", 1.0, "right"),
             ("txt_overloaded", 0.8, "right")), "true", size=8.0, wrap=True)
    y += 70.0
    _heading(d, "overloaded_heading", "[% @ra_lbl_overloaded_table %][% @ra_overloaded_note %]", x, y, w)
    d.table("overloaded_table", x, y + 7.0, w, BOTTOM - 24.0 - y - 7.0,
            (("name", 2.2, "left"), ("type_label", 1.6, "left"), ("txt_area", 1.0, "right"),
             ("txt_served", 1.0, "right"), ("txt_m2_served", 0.9, "right")), "true", size=8.0, wrap=True)
    d.label("note", "[% @ra_note_shelter %]", x, BOTTOM - 22.0, w, 22.0, 7.5, colour=GREY, valign="bottom")


def resources_page(d, footer):
    """The county's rescue teams, supply depots and key targets: the teams' reach and what it leaves out."""
    county_map, x, w = _frame(d, footer, "resources_map", "[% @ra_lbl_resources_page %]",
                              "[% @ra_lbl_resources_subtitle %]", "[% @ra_page_resources %]",
                              "[% @ra_lbl_method_note %]")
    y = TOP
    _heading(d, "figures_heading", "[% @ra_lbl_resources_figures %]", x, y, w)
    d.label("indicators", "[% @ra_lbl_rescue_line %][% @ra_res_rescue %]\n"
            "[% @ra_lbl_depot_line %][% @ra_res_depots %]\n"
            "[% @ra_lbl_targets_line %][% @ra_res_targets %]", x, y + 7.5, w, 16.0, 8.5)
    d.legend("legend", x, y + 25.0, w, 32.0, county_map, size=8.0, columns=2)
    y += 61.0
    _heading(d, "towns_heading", "[% @ra_lbl_resources_towns %]", x, y, w)
    d.table("towns_table", x, y + 7.0, w, 62.0,
            (("name", 1.4, "left"), ("txt_residents", 1.1, "right"), ("txt_rescue_left", 1.1, "right"),
             ("txt_rescue_pct", 1.0, "right"), ("txt_depot_left", 1.1, "right"), ("txt_targets_left", 1.0, "right")),
            "true", size=8.0, wrap=True)
    y += 72.0
    _heading(d, "targets_heading", "[% @ra_lbl_resources_targets %][% @ra_targets_note %]", x, y, w)
    d.table("targets_table", x, y + 7.0, w, BOTTOM - 24.0 - y - 7.0,
            (("name", 2.2, "left"), ("category_label", 1.8, "left"), ("txt_occupancy", 0.9, "right"),
             ("txt_arrival", 0.9, "right")), "true", size=8.0, wrap=True)
    d.label("note", "[% @ra_lbl_resources_note %]", x, BOTTOM - 22.0, w, 22.0, 7.5, colour=GREY, valign="bottom")
