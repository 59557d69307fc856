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
A3 = (420.0, 297.0)
A4 = (297.0, 210.0)
FONT_SCALE_A4 = 0.80
FONT = "WenQuanYi Zen Hei"
ACCENT = "#1F4E79"
INK = "#1A1A1A"
GREY = "#595959"


class Designer:
    """Places items on one page with A3 coordinates (mm), scaled to the page actually drawn."""

    def __init__(self, layout, scale, font_scale):
        self.layout, self.s, self.fs = layout, scale, font_scale

    def _place(self, item, x, y, w, h):
        from qgis.core import QgsLayoutPoint, QgsLayoutSize

        self.layout.addLayoutItem(item)
        item.attemptMove(QgsLayoutPoint(x * self.s, y * self.s))
        item.attemptResize(QgsLayoutSize(w * self.s, h * self.s))
        return item

    def font(self, size, bold=False):
        from qgis.PyQt.QtGui import QFont

        font = QFont(FONT)
        font.setPointSizeF(round(size * self.fs, 1))
        font.setBold(bold)
        return font

    def text_format(self, size, colour=INK, bold=False):
        from qgis.core import QgsTextFormat
        from qgis.PyQt.QtGui import QColor

        text_format = QgsTextFormat()
        text_format.setFont(self.font(size, bold))
        text_format.setSize(round(size * self.fs, 1))
        text_format.setColor(QColor(colour))
        return text_format

    def label(self, item_id, text, x, y, w, h, size, colour=INK, bold=False, align="left", valign="top"):
        from qgis.core import QgsLayoutItemLabel
        from qgis.PyQt.QtCore import Qt
        from qgis.PyQt.QtGui import QColor

        item = QgsLayoutItemLabel(self.layout)
        item.setId(item_id)
        item.setText(text)
        item.setFont(self.font(size, bold))
        item.setFontColor(QColor(colour))
        item.setHAlign({"left": Qt.AlignLeft, "right": Qt.AlignRight, "center": Qt.AlignHCenter}[align])
        item.setVAlign({"top": Qt.AlignTop, "bottom": Qt.AlignBottom, "center": Qt.AlignVCenter}[valign])
        item.setMarginX(0)
        item.setMarginY(0)
        return self._place(item, x, y, w, h)

    def rule(self, item_id, x, y, w, h=0.6, colour=ACCENT):
        from qgis.core import QgsFillSymbol, QgsLayoutItemShape

        item = QgsLayoutItemShape(self.layout)
        item.setId(item_id)
        item.setShapeType(QgsLayoutItemShape.Rectangle)
        item.setSymbol(QgsFillSymbol.createSimple({"color": colour, "outline_style": "no"}))
        return self._place(item, x, y, w, h)

    def map(self, item_id, x, y, w, h, frame_width=0.3):
        from qgis.core import QgsLayoutItemMap, QgsRectangle
        from qgis.PyQt.QtGui import QColor

        item = QgsLayoutItemMap(self.layout)
        item.setId(item_id)
        item.setFrameEnabled(True)
        item.setFrameStrokeWidth(_mm(frame_width))
        item.setFrameStrokeColor(QColor("#333333"))
        item.setBackgroundColor(QColor("#FFFFFF"))
        item.setKeepLayerSet(True)
        item.setLayers([])
        self._place(item, x, y, w, h)
        # an extent of the item's shape (the algorithm zooms to the county), in metres at 1:100,000
        item.setExtent(QgsRectangle(0.0, 0.0, w * self.s * 100.0, h * self.s * 100.0))
        return item

    def picture(self, item_id, x, y, w, h):
        from qgis.core import QgsLayoutItemPicture

        item = QgsLayoutItemPicture(self.layout)
        item.setId(item_id)
        item.setResizeMode(QgsLayoutItemPicture.Zoom)
        return self._place(item, x, y, w, h)

    def north_arrow(self, item_id, x, y, w, h, linked_map):
        from qgis.core import QgsApplication, QgsLayoutItemPicture
        from qgis.PyQt.QtGui import QColor

        item = self.picture(item_id, x, y, w, h)
        for folder in QgsApplication.svgPaths():
            path = os.path.join(folder, "arrows", "NorthArrow_02.svg")
            if os.path.exists(path):
                item.setPicturePath(path)  # stored relative to QGIS's SVG folders ("arrows/…")
                break
        item.setLinkedMap(linked_map)
        item.setNorthMode(QgsLayoutItemPicture.GridNorth)
        item.setBackgroundEnabled(True)  # stays readable over red map areas
        item.setBackgroundColor(QColor(255, 255, 255, 200))
        return item

    def scalebar(self, item_id, x, y, linked_map, size=7.5):
        from qgis.core import QgsLayoutItemScaleBar, QgsScaleBarSettings, QgsUnitTypes
        from qgis.PyQt.QtGui import QColor

        item = QgsLayoutItemScaleBar(self.layout)
        item.setId(item_id)
        item.setStyle("Single Box")
        item.setLinkedMap(linked_map)
        item.setUnits(QgsUnitTypes.DistanceKilometers)  # QGIS converts from the map's metres itself
        item.setMapUnitsPerScaleBarUnit(1.0)
        item.setUnitLabel("km")
        item.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFitWidth)
        item.setMinimumBarWidth(30.0 * self.s)
        item.setMaximumBarWidth(55.0 * self.s)
        item.setNumberOfSegments(4)
        item.setNumberOfSegmentsLeft(0)
        item.setHeight(2.0 * self.s)
        item.setTextFormat(self.text_format(size))
        item.setBackgroundEnabled(True)
        item.setBackgroundColor(QColor(255, 255, 255, 220))
        item.setBoxContentSpace(1.5 * self.s)
        self.layout.addLayoutItem(item)
        from qgis.core import QgsLayoutPoint

        item.attemptMove(QgsLayoutPoint(x * self.s, y * self.s))
        item.resizeToMinimumWidth()
        return item

    def legend(self, item_id, x, y, w, h, linked_map, size=8.5, title_size=10.0):
        from qgis.core import QgsLayoutItemLegend, QgsLegendStyle
        from qgis.PyQt.QtGui import QColor

        item = QgsLayoutItemLegend(self.layout)
        item.setId(item_id)
        item.setTitle("")  # set from LANGUAGE by the algorithm
        item.setLinkedMap(linked_map)
        item.setAutoUpdateModel(False)
        item.setResizeToContents(False)
        item.setStyleFont(QgsLegendStyle.Title, self.font(title_size))
        item.setStyleFont(QgsLegendStyle.Group, self.font(size))
        item.setStyleFont(QgsLegendStyle.Subgroup, self.font(size))
        item.setStyleFont(QgsLegendStyle.SymbolLabel, self.font(size))
        item.setFontColor(QColor(INK))
        item.setSymbolWidth(7.0 * self.s)
        item.setSymbolHeight(4.0 * self.s)
        item.setStyleMargin(QgsLegendStyle.Title, QgsLegendStyle.Bottom, 2.0 * self.s)
        item.setStyleMargin(QgsLegendStyle.Symbol, QgsLegendStyle.Top, 1.1 * self.s)
        item.setBoxSpace(2.0 * self.s)
        item.setBackgroundEnabled(True)
        item.setBackgroundColor(QColor(255, 255, 255, 235))
        item.setFrameEnabled(True)
        item.setFrameStrokeWidth(_mm(0.2))
        item.setFrameStrokeColor(QColor("#999999"))
        return self._place(item, x, y, w, h)

    def table(self, item_id, x, y, w, h, columns, feature_filter, size=8.0, max_rows=None, header_size=None,
              wrap=False):
        """An attribute table (one frame). ``columns``: (attribute, relative width, align): the columns share
        the frame's width (a table frame is as wide as its columns) in these proportions."""
        from qgis.core import (QgsLayoutFrame, QgsLayoutItemAttributeTable, QgsLayoutMultiFrame,
                               QgsLayoutTable, QgsLayoutTableColumn)
        from qgis.PyQt.QtCore import Qt
        from qgis.PyQt.QtGui import QColor

        table = QgsLayoutItemAttributeTable.create(self.layout)
        self.layout.addMultiFrame(table)
        table.setHeaderTextFormat(self.text_format(header_size or size, colour="#FFFFFF"))
        table.setContentTextFormat(self.text_format(size))
        table.setHeaderHAlignment(QgsLayoutTable.FollowColumn)
        table.setCellMargin(1.0 * self.s)
        table.setShowGrid(True)
        table.setGridStrokeWidth(0.15)
        table.setGridColor(QColor("#A6A6A6"))
        table.setHorizontalGrid(True)
        table.setVerticalGrid(False)
        table.setBackgroundColor(QColor("#FFFFFF"))
        header_style = table.cellStyle(QgsLayoutTable.HeaderRow)
        header_style.enabled = True
        header_style.cellBackgroundColor = QColor(ACCENT)
        table.setCellStyle(QgsLayoutTable.HeaderRow, header_style)
        odd = table.cellStyle(QgsLayoutTable.EvenRows)
        odd.enabled = True
        odd.cellBackgroundColor = QColor("#F2F5F9")
        table.setCellStyle(QgsLayoutTable.EvenRows, odd)
        table.setWrapBehavior(QgsLayoutTable.WrapText if wrap else QgsLayoutTable.TruncateText)
        table.setEmptyTableBehavior(QgsLayoutTable.ShowMessage)
        table.setFilterFeatures(True)
        table.setFeatureFilter(feature_filter)
        table.setUseConditionalStyling(True)
        if max_rows:
            table.setMaximumNumberOfFeatures(max_rows)
        table.setResizeMode(QgsLayoutMultiFrame.UseExistingFrames)
        cols = []
        free = w * self.s - 2 * table.cellMargin() * len(columns) - table.gridStrokeWidth() * (len(columns) + 1)
        total_weight = sum(weight for _attribute, weight, _align in columns)
        for attribute, weight, align in columns:
            column = QgsLayoutTableColumn(attribute)  # heading set from LANGUAGE by the algorithm
            column.setAttribute(attribute)
            column.setWidth(round(free * weight / total_weight, 2))
            column.setHAlignment({"left": Qt.AlignLeft, "right": Qt.AlignRight, "center": Qt.AlignHCenter}[align])
            cols.append(column)
        table.setColumns(cols)
        frame = QgsLayoutFrame(self.layout, table)
        frame.setId(item_id)
        self._place(frame, x, y, w, h)
        table.addFrame(frame)
        return table


def _mm(value):
    from qgis.core import QgsLayoutMeasurement

    return QgsLayoutMeasurement(value)


def _new_layout(project, name, page):
    from qgis.core import QgsLayoutSize, QgsPrintLayout

    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(name)
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(*page))
    return layout


LEVEL_COLUMNS = (("level_label", 1.3, "left"), ("units", 1.0, "right"), ("area_km2", 1.1, "right"),
                 ("residents", 1.15, "right"), ("share", 0.9, "right"), ("enterprises", 1.05, "right"))


def township_layout(project, page, scale, font_scale):
    """One sheet per township (atlas on the coverage layer ``atlas_townships``)."""
    from qgis.core import QgsLayoutItemMap, QgsLayoutItemMapOverview, QgsProperty, QgsLayoutObject

    width, height = A3
    layout = _new_layout(project, f"Risk Atlas — township sheet ({'A3' if page == A3 else 'A4'})", page)
    d = Designer(layout, scale, font_scale)
    margin = 12.0
    map_w, top, bottom = 258.0, 33.0, 274.0
    panel_x = margin + map_w + 8.0
    panel_w = width - margin - panel_x

    # header
    d.label("title", "[% @ra_title %]", margin, 9.0, 240.0, 7.0, 12.0, colour=GREY)
    d.label("township_name", '[% "name" %]', margin, 16.0, 240.0, 12.0, 24.0, colour=ACCENT, bold=True)
    d.label("page_number", "[% replace(replace(@ra_page_pattern, '{n}', to_string(@atlas_featurenumber + 1)), "
            "'{total}', to_string(@atlas_totalfeatures + 1)) %]", width - margin - 120.0, 10.0, 120.0, 6.0, 10.0,
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

    # figures
    y = top + 61.0
    d.label("figures_heading", "[% @ra_lbl_figures %]", panel_x, y, panel_w, 6.0, 11.0, colour=ACCENT, bold=True)
    d.table("figures_table", panel_x, y + 7.0, panel_w, 34.0, LEVEL_COLUMNS,
            "\"page_key\" = attribute(@atlas_feature, 'page_key')", size=8.0)
    y += 45.0
    d.label("indicators_heading", "[% @ra_lbl_indicators %]", panel_x, y, panel_w, 6.0, 11.0, colour=ACCENT,
            bold=True)
    d.label("indicators", '[% @ra_lbl_cover5 %][% "txt_cover5" %]\n[% @ra_lbl_shelter %][% "txt_shelter" %]\n'
            '[% @ra_lbl_major %][% "txt_major" %]', panel_x, y + 7.5, panel_w, 17.0, 8.5)
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
    d.rule("footer_rule", margin, height - 13.0, width - 2 * margin, 0.3, colour="#A6A6A6")
    d.label("footer", "[% @ra_lbl_method_note %]", margin, height - 11.0, 300.0, 5.0, 7.5, colour=GREY)
    d.label("made_with", "[% @ra_made_with %]", width - margin - 100.0, height - 11.0, 100.0, 5.0, 7.5,
            colour=GREY, align="right")

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
    layout = _new_layout(project, f"Risk Atlas — cover ({'A3' if page == A3 else 'A4'})", page)
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
    d.rule("footer_rule", margin, height - 13.0, width - 2 * margin, 0.3, colour="#A6A6A6")
    d.label("footer", "[% @ra_lbl_method_note %]", margin, height - 11.0, 300.0, 5.0, 7.5, colour=GREY)
    d.label("made_with", "[% @ra_made_with %]", width - margin - 100.0, height - 11.0, 100.0, 5.0, 7.5,
            colour=GREY, align="right")
    return layout


def write_templates(output_dir):
    from qgis.core import QgsProject, QgsReadWriteContext

    project = QgsProject()
    written = []
    for size_name, page in (("a3", A3), ("a4", A4)):
        scale = page[0] / A3[0]
        font_scale = 1.0 if page == A3 else FONT_SCALE_A4
        for kind, build in (("cover", cover_layout), ("township", township_layout)):
            layout = build(project, page, scale, font_scale)
            path = os.path.join(output_dir, f"atlas_{kind}_{size_name}.qpt")
            if not layout.saveAsTemplate(path, QgsReadWriteContext()):
                raise IOError(f"could not write {path}")
            written.append(path)
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output-dir", default=os.path.join(ROOT, "atlas", "templates"))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    os.makedirs(args.output_dir, exist_ok=True)
    for path in write_templates(args.output_dir):
        print(path)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
