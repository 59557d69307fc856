"""The drawing kit of the atlas templates: a ``Designer`` placing items in A3 millimetres on a page of
either size, the page itself and its footer (used by build_atlas_templates.py and atlas_theme_pages.py)."""
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
A3 = (420.0, 297.0)
FONT = "WenQuanYi Zen Hei"  # the first of riskatlas.support.fonts.CJK_FAMILIES; text formats list them all
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

        from riskatlas.support.fonts import all_names

        text_format = QgsTextFormat()
        text_format.setFont(self.font(size, bold))
        text_format.setSize(round(size * self.fs, 1))
        text_format.setColor(QColor(colour))
        text_format.setFamilies(all_names())  # QGIS takes the first one installed where the file is opened
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

    def legend(self, item_id, x, y, w, h, linked_map, size=8.5, title_size=10.0, columns=1):
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
        item.setColumnCount(columns)
        item.setSplitLayer(columns > 1)  # a layer's classes may flow into the next column
        item.setColumnSpace(3.0 * self.s)
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


def register_package():
    """The checkout as package ``riskatlas`` (as the tests do; the root is never put on sys.path)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("riskatlas_root_conftest", os.path.join(ROOT, "conftest.py"))
    spec.loader.exec_module(importlib.util.module_from_spec(spec))


def _mm(value):
    from qgis.core import QgsLayoutMeasurement

    return QgsLayoutMeasurement(value)


def new_layout(project, name, page):
    from qgis.core import QgsLayoutSize, QgsPrintLayout

    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(name)
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(*page))
    return layout


def footer(d, width, height, margin, note):
    """The rule, the note (two lines at most) and the versions at the foot of a page."""
    d.rule("footer_rule", margin, height - 15.0, width - 2 * margin, 0.3, colour="#A6A6A6")
    d.label("footer", note, margin, height - 13.5, width - 2 * margin - 104.0, 9.0, 7.0, colour=GREY)
    d.label("made_with", "[% @ra_made_with %]", width - margin - 100.0, height - 13.5, 100.0, 5.0, 7.0,
            colour=GREY, align="right")
