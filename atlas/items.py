"""Filling one layout item: maps (extent, round scale), tables (columns, headings, rows that fit), legends."""
import math

from qgis.core import (
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsMapLayerLegendUtils,
    QgsRectangle,
    QgsTextFormat,
)

from . import text as T

NICE_STEPS = (1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 7.5, 8.0, 10.0)
# column attribute -> heading key in atlas.text.TEXT
HEADINGS = {
    "level_label": "col_level", "units": "col_units", "area_km2": "col_area", "residents": "col_residents",
    "share": "col_share", "enterprises": "col_enterprises", "unit_id": "col_unit_id", "grade_label": "col_grade",
    "txt_r": "col_r", "enterprise": "col_enterprise", "page_no": "col_page", "name": "col_township",
    "txt_residents": "col_residents", "txt_high_share": "col_high_share", "txt_cover5_pct": "col_cover5",
    "txt_m2pc": "col_m2pc", "txt_covered": "col_covered", "txt_not_covered": "col_not_covered",
    "class_label": "col_class", "txt_reach_km2": "col_reach_km2", "txt_district_km2": "col_district",
    "txt_limit_km2": "col_limit", "txt_exceeds": "col_exceeds", "txt_shelter_res": "col_shelter_res",
    "txt_shelter_area": "col_shelter_area", "txt_meets": "col_meets", "txt_deficit": "col_deficit",
    "txt_overloaded": "col_overloaded", "type_label": "col_type", "txt_area": "col_shelter_area",
    "txt_served": "col_served", "txt_m2_served": "col_m2_served",
}
PT_TO_MM = 0.3528


# ---------------------------------------------------------------- maps

def nice_scale(scale):
    """The smallest 'round' scale denominator (1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 8 × 10ⁿ) ≥ scale."""
    if not scale or scale <= 0 or math.isinf(scale):
        return scale
    power = 10.0 ** math.floor(math.log10(scale))
    for step in NICE_STEPS:
        if step * power >= scale * (1 - 1e-9):
            return step * power
    return 10.0 * power


def fitted_extent(extent, width, height):
    """``extent`` grown (about its centre) to the width:height ratio of a map item."""
    centre = extent.center()
    half_w, half_h = extent.width() / 2.0, extent.height() / 2.0
    if half_w <= 0 or half_h <= 0 or width <= 0 or height <= 0:
        return QgsRectangle(extent)
    ratio = width / height
    if half_w / half_h < ratio:
        half_w = half_h * ratio
    else:
        half_h = half_w / ratio
    return QgsRectangle(centre.x() - half_w, centre.y() - half_h, centre.x() + half_w, centre.y() + half_h)


def county_extent(towns_layer, grow=0.03):
    extent = QgsRectangle(towns_layer.extent())
    extent.grow(max(extent.width(), extent.height()) * grow)
    return extent


def set_map(map_item, layers, crs, extent, nice=False):
    """Show ``layers`` (top first) over ``extent`` fitted to the item; ``nice``: at a round scale."""
    map_item.setCrs(crs)
    map_item.setKeepLayerSet(True)
    map_item.setLayers(layers)
    size = map_item.rect()
    map_item.setExtent(fitted_extent(extent, size.width(), size.height()))
    if nice:
        map_item.setScale(nice_scale(map_item.scale()))


def link(layout, map_id):
    """Point the scale bar, north arrow and legend at the page's main map (templates may lose the link)."""
    map_item = layout.itemById(map_id)
    for item_id in ("scalebar", "north_arrow", "legend"):
        linked = layout.itemById(item_id)
        if linked is not None:
            linked.setLinkedMap(map_item)


def item_size(layout, item_id, default):
    """(width, height) in mm of an item, ``default`` when the template has none."""
    found = layout.itemById(item_id) if layout is not None else None
    if found is None:
        return default
    size = found.sizeWithUnits()
    return size.width(), size.height()


# ---------------------------------------------------------------- tables

def fill_table(table, layer, language, feature_filter, drop=(), empty_message="", headings=None):
    """Point ``table`` at ``layer`` keeping the template's columns (less ``drop``), headings in ``language``
    (``HEADINGS``; ``headings`` {attribute: TEXT key} for this table)."""
    if table is None:
        return
    template_columns = [QgsLayoutTableColumn(column) for column in table.columns()]
    table.setVectorLayer(layer)  # this resets the columns to every field: restore the template's
    columns = []
    for column in template_columns:
        attribute = column.attribute()
        if attribute in drop:
            continue
        heading = (headings or {}).get(attribute) or HEADINGS.get(attribute)
        if heading:
            column.setHeading(T.text(heading, language))
        columns.append(column)
    _keep_width(columns, sum(c.width() for c in template_columns))
    table.setColumns(columns)
    # the contents still have a cell per field of the layer: rebuild them for these columns before any setter
    # recalculates the table's size (3.22 would measure the old rows against the new columns, out of bounds)
    table.refreshAttributes()
    table.setFilterFeatures(True)
    table.setFeatureFilter(feature_filter)
    table.setUseConditionalStyling(True)
    table.setEmptyTableBehavior(QgsLayoutTable.ShowMessage)
    table.setEmptyTableMessage(empty_message)
    table.refresh()


def _keep_width(columns, template_width):
    """When columns were dropped, widen the fixed-width ones left so the table keeps its template width
    (a table's frame is as wide as its columns)."""
    fixed = [c for c in columns if c.width() > 0]
    width = sum(c.width() for c in fixed)
    if not fixed or width <= 0 or template_width <= width:
        return
    extra = template_width - width
    for column in fixed:
        column.setWidth(column.width() + extra * column.width() / width)


def _row_height(table):
    """Height (mm) of one table row: the text's point size in mm plus the cell margins, with 3 % to spare."""
    return (table.contentTextFormat().size() * PT_TO_MM + 2 * table.cellMargin()) * 1.03


def rows_that_fit(table):
    """Data rows (below the header) the table's frame holds."""
    if table is None or not table.frameCount():
        return 0
    return max(1, int(table.frame(0).rect().height() // _row_height(table)) - 1)


def _scale_text(table, factor):
    for getter, setter in ((table.contentTextFormat, table.setContentTextFormat),
                           (table.headerTextFormat, table.setHeaderTextFormat)):
        fmt = QgsTextFormat(getter())
        fmt.setSize(fmt.size() * factor)
        setter(fmt)
    table.setCellMargin(table.cellMargin() * factor)


def fit_rows(table, rows=None, smallest=0.6):
    """Shrink a table's text until its rows (wrapped text included) fit its frame, never below ``smallest``
    of the template's size; returns True when they fit. (``rows``: kept for callers that know the count.)"""
    if table is None or not table.frameCount():
        return True
    frame_height = table.frame(0).rect().height()
    table.refresh()
    scale = 1.0
    while table.totalHeight() > frame_height * 1.001 and scale * 0.92 >= smallest:
        _scale_text(table, 0.92)
        scale *= 0.92
        table.refresh()
    return table.totalHeight() <= frame_height * 1.001


def limit_rows(table, count):
    """At most as many of ``count`` rows as the frame holds (wrapped text included); returns how many."""
    if table is None or not table.frameCount():
        return count
    frame_height = table.frame(0).rect().height()
    shown = count
    while shown > 1 and table.totalHeight() > frame_height * 1.001:
        shown -= 1
        table.setMaximumNumberOfFeatures(shown)
        table.refresh()
    return shown


# ---------------------------------------------------------------- legends

def fill_legend(legend, entries, title):
    """``entries``: (layer, display name, hide the layer title, legend node order or None)."""
    if legend is None:
        return
    legend.setAutoUpdateModel(False)
    legend.setTitle(title)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for layer, name, hide_title, order in entries:
        node = root.addLayer(layer)
        node.setUseLayerName(False)
        node.setName(name)
        if order is not None:  # e.g. only the first rule of a rule-based renderer
            QgsMapLayerLegendUtils.setLegendNodeOrder(node, order)
            legend.model().refreshLayerLegend(node)
            hide_title = True  # the rule's label names it
        elif len(legend.model().layerLegendNodes(node)) == 1:  # one symbol: its row carries the name
            QgsMapLayerLegendUtils.setLegendNodeUserLabel(node, 0, name)
            legend.model().refreshLayerLegend(node)
        if hide_title:
            QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Hidden)
    legend.adjustBoxSize()
    legend.refresh()


def set_variables(layout, values):
    """Layout variables (``@name`` in the templates' expressions)."""
    from qgis.core import QgsExpressionContextUtils

    QgsExpressionContextUtils.setLayoutVariables(layout, values)


def legend_entries(layers, language, entries):
    """Legend rows for the layers present: ``entries`` are (layer key, TEXT key, hide title, node order);
    a layer without features (no major hazard unit) gets no row."""
    rows = []
    for key, name, hide_title, order in entries:
        layer = layers.get(key)
        if layer is not None and (key not in ("major", "major_cover") or layer.featureCount()):
            rows.append((layer, T.text(name, language), hide_title, order))
    return rows
