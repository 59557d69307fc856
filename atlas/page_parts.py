"""Parts the one-page layouts laid out in code share (the incident brief, the siting page, the comparison
page): a memory layer of a frame for their maps, and a manual table of text rows."""
from qgis.core import (QgsLayoutFrame, QgsLayoutItemManualTable, QgsLayoutPoint, QgsLayoutTableColumn, QgsTableCell,
                       QgsTextFormat, QgsUnitTypes, QgsVectorLayer)
from qgis.PyQt.QtCore import QRectF

from ..layers.sinks import make_fields, write_to_sink
from ..support.fonts import text_format_with_families


def memory_layer(project, frame, geometry, name, crs, fields):
    """A memory layer of ``frame`` (``fields``: [(name, kind)]) added to ``project`` (not to its legend)."""
    layer = QgsVectorLayer(f"{geometry}?crs={crs.authid() or 'EPSG:4326'}", name, "memory")
    if not crs.authid():
        layer.setCrs(crs)
    qgs_fields = make_fields(fields)
    layer.dataProvider().addAttributes(list(qgs_fields))
    layer.updateFields()
    write_to_sink(frame, layer.dataProvider(), qgs_fields)
    layer.updateExtents()
    project.addMapLayer(layer, False)
    return layer


def manual_table(layout, rect, headings, rows, shares, cell_margin_mm, size=7.5, page=None):
    """A table of text ``rows`` under bold ``headings`` in the frame ``rect`` = (x, y, width, height) mm (of
    ``page`` when given), its columns sharing the width as ``shares``."""
    table = QgsLayoutItemManualTable.create(layout)
    layout.addMultiFrame(table)
    table.setHeaders([QgsLayoutTableColumn(h) for h in headings])
    table.setIncludeTableHeader(True)
    table.setTableContents([[QgsTableCell(text) for text in row] for row in rows])
    for setter, bold in ((table.setContentTextFormat, False), (table.setHeaderTextFormat, True)):
        text_format = QgsTextFormat()
        text_format.setSize(size)
        font = text_format.font()
        font.setBold(bold)
        text_format.setFont(font)
        setter(text_format_with_families(text_format))
    frame = QgsLayoutFrame(layout, table)
    x, y, width, height = rect
    frame.attemptSetSceneRect(QRectF(0, 0, width, height))
    point = QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters)
    if page is None:
        frame.attemptMove(point)
    else:
        frame.attemptMove(point, page=page)
    table.addFrame(frame)
    table.setCellMargin(cell_margin_mm)
    usable = width - len(headings) * (2 * cell_margin_mm + 0.4)
    table.setColumnWidths([usable * share / sum(shares) for share in shares])
    return table


def legend_text(legend, size, title_size=None):
    """The legend's words in the CJK family at ``size`` pt (its title at ``title_size``, default ``size``).
    QGIS 3.22 styles a legend's words with fonts, 3.24 and later with text formats."""
    from qgis.core import QgsLegendStyle

    from ..support.fonts import cjk_family

    for component in (QgsLegendStyle.Title, QgsLegendStyle.Group, QgsLegendStyle.Subgroup,
                      QgsLegendStyle.SymbolLabel):
        points = title_size if component == QgsLegendStyle.Title and title_size else size
        style = legend.style(component)
        if hasattr(style, "setTextFormat"):
            text_format = QgsTextFormat(style.textFormat())
            text_format.setSize(points)
            style.setTextFormat(text_format_with_families(text_format))
        else:
            font = style.font()
            font.setPointSizeF(points)
            font.setFamily(cjk_family() or font.family())
            style.setFont(font)
        legend.setStyle(component, style)


def km_scalebar(layout, map_item, x, y, page=None, lower_left=False):
    """A single-box scale bar in km for ``map_item``, on a white background, placed at (x, y) mm (its upper
    left corner, or its lower left with ``lower_left``; of ``page`` when given)."""
    from qgis.core import QgsLayoutItem, QgsLayoutItemScaleBar

    scalebar = QgsLayoutItemScaleBar(layout)
    layout.addLayoutItem(scalebar)
    scalebar.setStyle("Single Box")
    scalebar.setLinkedMap(map_item)
    scalebar.applyDefaultSize(QgsUnitTypes.DistanceKilometers)
    scalebar.setBackgroundEnabled(True)
    if lower_left:
        scalebar.setReferencePoint(QgsLayoutItem.LowerLeft)
    point = QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters)
    if page is None:
        scalebar.attemptMove(point)
    else:
        scalebar.attemptMove(point, page=page)
    return scalebar
