"""Write the risk-atlas print-layout templates ``atlas/templates/atlas_{cover,township}_{a3,a4}.qpt``.

    .venv/bin/python tools/build_atlas_templates.py [--output-dir layouts]

The .qpt files are the product: ordinary QGIS layout templates a planner opens and edits in the
layout designer (Project ▸ Layout Manager ▸ "Specific" template). This script is only how the
shipped versions were drawn, so that A3 and A4 stay alike; it is not run at build time. The
items the algorithm fills are found by their ids, listed in ``atlas/templates/README.md`` and in
``atlas/page_templates.py`` (``COVER_ITEMS``, ``TOWNSHIP_ITEMS``). All text in the templates is an
expression — ``[% @ra_… %]`` layout variables set from the LANGUAGE parameter, or attributes of
the atlas layers — so one template serves both languages.

Geometry is drawn for A3 landscape (420 × 297 mm) and scaled by 297/420 for A4; font sizes shrink
less (× FONT_SCALE_A4) so that A4 text stays readable.
"""
import argparse
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
A4 = (297.0, 210.0)
FONT_SCALE_A4 = 0.80

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # the drawing kit beside this script
from atlas_designer import A3, ACCENT, GREY, INK, Designer, footer, new_layout, register_package  # noqa: E402


LEVEL_COLUMNS = (("level_label", 1.3, "left"), ("units", 1.0, "right"), ("area_km2", 1.1, "right"),
                 ("residents", 1.15, "right"), ("share", 0.9, "right"), ("enterprises", 1.05, "right"))


def township_layout(project, page, scale, font_scale):
    """One sheet per township (atlas on the coverage layer ``atlas_townships``)."""
    from qgis.core import QgsLayoutItemMap, QgsLayoutItemMapOverview, QgsProperty, QgsLayoutObject

    width, height = A3
    layout = new_layout(project, f"Risk Atlas — township sheet ({'A3' if page == A3 else 'A4'})", page)
    d = Designer(layout, scale, font_scale)
    margin = 12.0
    map_w, top, bottom = 170.0, 33.0, 274.0
    middle_x, middle_w = margin + map_w + 6.0, 84.0
    panel_x = middle_x + middle_w + 6.0
    panel_w = width - margin - panel_x

    # header
    d.label("title", "[% @ra_title %]", margin, 9.0, 240.0, 7.0, 12.0, colour=GREY)
    d.label("township_name", '[% "name" %]', margin, 16.0, 240.0, 12.0, 24.0, colour=ACCENT, bold=True)
    d.label("page_number", "[% replace(replace(@ra_page_pattern, '{n}', to_string(\"page_no\")), "
            "'{total}', @ra_total_pages) %]", width - margin - 120.0, 10.0, 120.0, 6.0, 10.0,
            colour=GREY, align="right")
    d.label("issued", "[% @ra_issued %]", width - margin - 160.0, 19.0, 160.0, 8.0, 10.0, colour=INK,
            align="right")
    d.rule("header_rule", margin, 29.0, width - 2 * margin)

    # maps
    main_map = d.map("main_map", margin, top, map_w, bottom - top)
    main_map.setAtlasDriven(True)
    main_map.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    main_map.setAtlasMargin(0.08)
    d.north_arrow("north_arrow", margin + map_w - 14.0, top + 4.0, 9.0, 14.0, main_map)
    d.scalebar("scalebar", margin + 4.0, bottom - 14.0, main_map)
    overview = d.map("overview_map", panel_x, top, 56.0, 56.0, frame_width=0.25)
    overview_frame = QgsLayoutItemMapOverview("main_map_extent", overview)
    overview_frame.setLinkedMap(main_map)
    overview.overviews().addOverview(overview_frame)
    d.label("overview_caption", "[% @ra_lbl_overview %]", panel_x + 1.5, top + 1.2, 40.0, 5.0, 7.5, colour=GREY)
    d.legend("legend", panel_x + 60.0, top, panel_w - 60.0, 56.0, main_map)
    # the fire-station reach and the shelters of this township, compact (atlas-driven like the main map)
    for prefix, y0 in (("reach", top), ("shelter", top + 122.0)):
        d.label(f"{prefix}_heading", f"[% @ra_lbl_{prefix}_map %]", middle_x, y0, middle_w, 5.5, 10.0,
                colour=ACCENT, bold=True)
        small = d.map(f"{prefix}_map", middle_x, y0 + 6.5, middle_w, 96.0, frame_width=0.25)
        small.setAtlasDriven(True)
        small.setAtlasScalingMode(QgsLayoutItemMap.Auto)
        small.setAtlasMargin(0.08)
        d.legend(f"{prefix}_legend", middle_x, y0 + 104.0, middle_w, 15.0, small, size=7.0, title_size=7.0,
                 columns=2)

    # figures
    y = top + 61.0
    d.label("figures_heading", "[% @ra_lbl_figures %]", panel_x, y, panel_w, 6.0, 11.0, colour=ACCENT, bold=True)
    d.table("figures_table", panel_x, y + 7.0, panel_w, 34.0, LEVEL_COLUMNS,
            "\"page_key\" = attribute(@atlas_feature, 'page_key')", size=8.0)
    y += 45.0
    d.label("indicators_heading", "[% @ra_lbl_indicators %]", panel_x, y, panel_w, 6.0, 11.0, colour=ACCENT,
            bold=True)
    d.label("indicators", '[% @ra_lbl_cover5 %][% "txt_cover5" %]\n[% @ra_lbl_shelter %][% "txt_shelter" %]\n'
            '[% @ra_lbl_major %][% "txt_major" %]', panel_x, y + 7.5, panel_w, 17.0, 8.0)
    y += 27.0
    d.label("chart_heading", "[% @ra_lbl_chart %]", panel_x, y, panel_w, 6.0, 11.0, colour=ACCENT, bold=True)
    chart = d.picture("chart", panel_x, y + 6.5, panel_w, 30.0)
    chart.dataDefinedProperties().setProperty(QgsLayoutObject.PictureSource,
                                              QgsProperty.fromExpression("attribute(@atlas_feature, 'chart_png')"))
    y += 40.0
    d.label("major_heading", '[% @ra_lbl_major_list %][% "txt_major_note" %]', panel_x, y, panel_w, 6.0, 11.0,
            colour=ACCENT, bold=True)
    d.table("major_table", panel_x, y + 7.0, panel_w, bottom - y - 7.0,
            (("unit_id", 1.0, "left"), ("grade_label", 0.8, "center"), ("txt_r", 0.8, "right"),
             ("enterprise", 2.6, "left")),
            "\"page_key\" = attribute(@atlas_feature, 'page_key')", size=8.0)

    # notes
    d.label("crs_note", "[% @ra_crs_note %][% @ra_lbl_scale %] "
            "1:[% format_number(item_variables('main_map')['map_scale'], 0) %]",
            margin, bottom + 2.0, map_w, 5.0, 7.5, colour=GREY)
    footer(d, width, height, margin, "[% @ra_lbl_method_note %] [% @ra_note_map_units %]")

    atlas = layout.atlas()
    atlas.setEnabled(True)
    atlas.setHideCoverage(False)
    atlas.setSortFeatures(True)
    atlas.setSortExpression('"page_no"')
    atlas.setPageNameExpression('"name"')
    atlas.setFilenameExpression("'page_' || lpad(to_string(\"page_no\"), 2, '0')")
    return layout


def cover_layout(project, page, scale, font_scale):
    """The cover: county map and county figures."""
    width, height = A3
    layout = new_layout(project, f"Risk Atlas — cover ({'A3' if page == A3 else 'A4'})", page)
    d = Designer(layout, scale, font_scale)
    margin = 12.0
    map_w, top, bottom = 236.0, 42.0, 274.0
    panel_x = margin + map_w + 8.0
    panel_w = width - margin - panel_x

    d.label("title", "[% @ra_title %]", margin, 11.0, width - 2 * margin, 15.0, 28.0, colour=ACCENT, bold=True)
    d.label("subtitle", "[% @ra_lbl_cover_subtitle %]", margin, 27.5, 260.0, 7.0, 13.0, colour=GREY)
    d.label("page_number", "[% @ra_lbl_county_map %]", width - margin - 120.0, 29.0, 120.0, 6.0, 10.0,
            colour=GREY, align="right")
    d.rule("header_rule", margin, 37.5, width - 2 * margin)

    county_map = d.map("county_map", margin, top, map_w, bottom - top)
    d.north_arrow("north_arrow", margin + map_w - 14.0, top + 4.0, 9.0, 14.0, county_map)
    d.scalebar("scalebar", margin + 4.0, bottom - 14.0, county_map)

    y = top
    d.label("figures_heading", "[% @ra_lbl_figures %]", panel_x, y, panel_w, 6.0, 11.0, colour=ACCENT, bold=True)
    d.table("summary_table", panel_x, y + 7.0, panel_w, 34.0, LEVEL_COLUMNS, "\"page_key\" = 'county'", size=8.0)
    y += 45.0
    d.label("indicators_heading", "[% @ra_lbl_indicators %]", panel_x, y, panel_w, 6.0, 11.0, colour=ACCENT,
            bold=True)
    d.label("indicators", "[% @ra_lbl_cover5 %][% @ra_county_cover5 %]\n[% @ra_lbl_shelter %]"
            "[% @ra_county_shelter %]\n[% @ra_lbl_major %][% @ra_county_major %]",
            panel_x, y + 7.5, panel_w, 17.0, 8.5)
    y += 27.0
    chart_w = 80.0
    d.label("chart_heading", "[% @ra_lbl_chart %]", panel_x, y, chart_w, 6.0, 11.0, colour=ACCENT, bold=True)
    d.picture("chart", panel_x, y + 6.5, chart_w, 36.0)
    d.legend("legend", panel_x + chart_w + 6.0, y, panel_w - chart_w - 6.0, 51.0, county_map)
    y += 54.0
    d.label("townships_heading", "[% @ra_lbl_townships_table %]", panel_x, y, panel_w, 6.0, 11.0,
            colour=ACCENT, bold=True)
    d.table("townships_table", panel_x, y + 7.0, panel_w, bottom - 16.0 - y - 7.0,
            (("page_no", 0.45, "center"), ("name", 1.6, "left"), ("txt_residents", 1.0, "right"),
             ("txt_high_share", 1.25, "right"), ("txt_cover5_pct", 1.1, "right"), ("txt_m2pc", 1.1, "right")),
            "true", size=8.0, wrap=True)
    d.label("issued", "[% @ra_issued_lines %]", panel_x, bottom - 12.0, panel_w, 12.0, 10.0, valign="bottom")

    d.label("crs_note", "[% @ra_crs_note %][% @ra_lbl_scale %] "
            "1:[% format_number(item_variables('county_map')['map_scale'], 0) %]",
            margin, bottom + 2.0, map_w, 5.0, 7.5, colour=GREY)
    footer(d, width, height, margin, "[% @ra_lbl_method_note %] [% @ra_note_map_units %]")
    return layout


def fire_layout(project, page, scale, font_scale):
    """The county's fire-station page (atlas_theme_pages.py)."""
    from atlas_theme_pages import fire_page

    layout = new_layout(project, f"Risk Atlas — fire stations ({'A3' if page == A3 else 'A4'})", page)
    fire_page(Designer(layout, scale, font_scale), footer)
    return layout


def shelter_layout(project, page, scale, font_scale):
    """The county's shelter page (atlas_theme_pages.py)."""
    from atlas_theme_pages import shelter_page

    layout = new_layout(project, f"Risk Atlas — shelters ({'A3' if page == A3 else 'A4'})", page)
    shelter_page(Designer(layout, scale, font_scale), footer)
    return layout


def resources_layout(project, page, scale, font_scale):
    """The county's resources page (atlas_theme_pages.py)."""
    from atlas_theme_pages import resources_page

    layout = new_layout(project, f"Risk Atlas — resources ({'A3' if page == A3 else 'A4'})", page)
    resources_page(Designer(layout, scale, font_scale), footer)
    return layout


BUILDERS = {"cover": cover_layout, "fire": fire_layout, "shelter": shelter_layout, "resources": resources_layout,
            "township": township_layout}


def write_templates(output_dir, kinds=tuple(BUILDERS)):
    from qgis.core import QgsProject, QgsReadWriteContext

    project = QgsProject()
    written = []
    for size_name, page in (("a3", A3), ("a4", A4)):
        scale = page[0] / A3[0]
        font_scale = 1.0 if page == A3 else FONT_SCALE_A4
        for kind, build in ((kind, BUILDERS[kind]) for kind in kinds):
            layout = build(project, page, scale, font_scale)
            path = os.path.join(output_dir, f"atlas_{kind}_{size_name}.qpt")
            if not layout.saveAsTemplate(path, QgsReadWriteContext()):
                raise IOError(f"could not write {path}")
            written.append(path)
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output-dir", default=os.path.join(ROOT, "atlas", "templates"))
    parser.add_argument("--kinds", default=",".join(BUILDERS),
                        help="the templates to write (comma-separated; default all: %(default)s)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    register_package()
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    os.makedirs(args.output_dir, exist_ok=True)
    for path in write_templates(args.output_dir, tuple(args.kinds.split(","))):
        print(path)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
