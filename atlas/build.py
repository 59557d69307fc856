"""The printed risk atlas: layout templates filled from the analysis layers, exported as one PDF.

Two templates per paper size live in ``atlas/templates/``: ``atlas_cover_<a3|a4>.qpt`` (the county page)
and ``atlas_township_<a3|a4>.qpt`` (one sheet per township, a QGIS atlas whose coverage layer is
the townships). A planner's own version saved in the QGIS profile's ``composer_templates`` folder
as ``riskatlas_cover_a3.qpt`` (etc.) is used instead; the log names the file used.

Items are found by id (``COVER_ITEMS``, ``TOWNSHIP_ITEMS``; documented in ``atlas/templates/README.md``).
Only the maps are required; any other item a planner deletes is simply not filled. Text in the
templates is expressions: ``[% @ra_… %]`` layout variables (from ``atlas_text.TEXT`` in the
chosen language) and attributes of the atlas layers built here:

* ``atlas_townships`` — the coverage layer: township polygons with page number, figures and
  preformatted texts (``txt_…``) and the path of the page's chart (``chart_png``);
* ``atlas_figures`` — rows of the risk-level tables (cover and sheets, keyed by ``page_key``);
* ``atlas_major_units`` — major hazard units (representative points) for maps and lists.

The PDF is written by ONE ``QgsLayoutExporter.exportToPdf`` call on ``CoverThenAtlas``, a
layout iterator yielding the cover and then every atlas feature of the township layout — no
external PDF tool, so it runs the same in QGIS on Windows, macOS and Linux.
"""
import math
import os
from dataclasses import dataclass

import numpy as np
import shapely
from qgis.core import (
    QgsAbstractLayoutIterator,
    QgsApplication,
    QgsConditionalStyle,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutItemMapOverview,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsMapLayerLegendUtils,
    QgsMarkerSymbol,
    QgsMemoryProviderUtils,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsTextFormat,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtXml import QDomDocument

from ..support import compat
from ..core.atlas_figures import COUNTY_KEY, meets_target
from ..core.standards.risk_levels import RISK_LEVELS
from ..support.i18n import PLUGIN_DIR, plugin_version
from . import text as T
from .chart import write_share_chart
from ..layers.convert import frame_to_features, make_fields, wkb_type_for
from ..layers.gpkg import quiet_gdal
from ..layers.styling import apply_four_colour_style, label_layer

TEMPLATE_DIR = os.path.join(PLUGIN_DIR, "atlas", "templates")
PAGE_SIZES = ("A3", "A4")
USER_TEMPLATE_PREFIX = "riskatlas_"  # <profile>/composer_templates/riskatlas_township_a3.qpt overrides
COVER_ITEMS = ("title", "subtitle", "page_number", "county_map", "north_arrow", "scalebar", "legend",
               "figures_heading", "summary_table", "indicators_heading", "indicators", "chart_heading", "chart",
               "townships_heading", "townships_table", "issued", "crs_note", "footer", "made_with")
TOWNSHIP_ITEMS = ("title", "township_name", "page_number", "issued", "main_map", "north_arrow", "scalebar",
                  "overview_map", "overview_caption", "legend", "figures_heading", "figures_table",
                  "indicators_heading", "indicators", "chart_heading", "chart", "major_heading", "major_table",
                  "crs_note", "footer", "made_with")
DISSOLVE_ABOVE = 1500  # risk maps with more units (grids) are drawn dissolved by level: smaller, faster PDFs
MAJOR_ROWS = 8  # major hazard units listed per sheet when the table's frame cannot tell (the heading gives the total)
NICE_STEPS = (1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 7.5, 8.0, 10.0)

# column attribute -> heading key in atlas_text.TEXT
HEADINGS = {
    "level_label": "col_level", "units": "col_units", "area_km2": "col_area", "residents": "col_residents",
    "share": "col_share", "enterprises": "col_enterprises", "unit_id": "col_unit_id", "grade_label": "col_grade",
    "txt_r": "col_r", "enterprise": "col_enterprise", "page_no": "col_page", "name": "col_township",
    "txt_residents": "col_residents", "txt_high_share": "col_high_share", "txt_cover5_pct": "col_cover5",
    "txt_m2pc": "col_m2pc",
}
STATION_COLOUR, SHELTER_COLOUR, MAJOR_COLOUR = "#C00000", "#00A050", "#7030A0"


class TemplateError(Exception):
    pass


# ---------------------------------------------------------------- templates

def user_template_folder():
    """QGIS's own folder for the user's layout templates (listed by the Layout Manager)."""
    return os.path.join(QgsApplication.qgisSettingsDirPath(), "composer_templates")


def template_path(kind, page_size):
    """The template file for ``kind`` ('cover' / 'township') and 'A3'/'A4': the planner's own copy in
    the profile's composer_templates folder when there is one, else the plugin's."""
    name = f"{kind}_{page_size.lower()}.qpt"
    user = os.path.join(user_template_folder(), USER_TEMPLATE_PREFIX + name)
    if os.path.isfile(user):
        return user
    return os.path.join(TEMPLATE_DIR, f"atlas_{name}")


def load_template(project, path, name):
    document = QDomDocument()
    try:
        with open(path, encoding="utf-8") as handle:
            ok = document.setContent(handle.read())
    except OSError as error:
        raise TemplateError(f"cannot read the layout template {path}: {error.strerror}") from error
    if not (ok[0] if isinstance(ok, tuple) else ok):
        raise TemplateError(f"{path} is not a valid layout template (XML)")
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    _items, loaded = layout.loadFromTemplate(document, QgsReadWriteContext())
    if not loaded:
        raise TemplateError(f"could not load the layout template {path}")
    layout.setName(name)
    return layout


def item(layout, item_id):
    """A layout item by id; a table's frame gives its multiframe (the table)."""
    found = layout.itemById(item_id)
    if found is not None and hasattr(found, "multiFrame"):
        return found.multiFrame()
    return found


def nice_scale(scale):
    """The smallest 'round' scale denominator (1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 8 × 10ⁿ) ≥ scale."""
    if not scale or scale <= 0 or math.isinf(scale):
        return scale
    power = 10.0 ** math.floor(math.log10(scale))
    for step in NICE_STEPS:
        if step * power >= scale * (1 - 1e-9):
            return step * power
    return 10.0 * power


# ---------------------------------------------------------------- memory layers

def memory_layer(name, frame, columns, crs, wkb_type=None):
    """A memory layer holding ``frame`` (GeoDataFrame or DataFrame); ``columns``: (name, kind[, alias])."""
    fields = make_fields(columns)
    if wkb_type is None:
        wkb_type = wkb_type_for(frame) if hasattr(frame, "geometry") else compat.WKB_NO_GEOMETRY
    layer = QgsMemoryProviderUtils.createMemoryLayer(name, fields, wkb_type, crs)
    features = frame_to_features(frame, fields, geometry=hasattr(frame, "geometry"))
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def _labels(layer, expression, size, colour, buffer_colour="#FFFFFF", placement=None, priority=5):
    label_layer(layer, expression, size, colour, buffer_size=0.7, buffer_colour=buffer_colour, placement=placement,
                priority=priority)


def _point_symbol(shape, colour, size, outline="#FFFFFF", outline_width=0.35):
    return QgsMarkerSymbol.createSimple({"name": shape, "color": colour, "outline_color": outline,
                                         "outline_width": str(outline_width), "size": str(size)})


def style_risk(layer, language, dissolved):
    apply_four_colour_style(layer, language=language)
    for category in layer.renderer().categories():
        symbol_layer = category.symbol().symbolLayer(0)
        if dissolved:
            symbol_layer.setStrokeStyle(Qt.NoPen)
        else:
            symbol_layer.setStrokeColor(QColor(255, 255, 255, 160))
            symbol_layer.setStrokeWidth(0.08)


def style_points(layer, shape, colour, size, label_expression=None, label_colour=None, label_size=7.0):
    layer.setRenderer(QgsSingleSymbolRenderer(_point_symbol(shape, colour, size)))
    if label_expression:
        _labels(layer, label_expression, label_size, label_colour or colour)


def style_shelters(layer, point_size):
    if layer.geometryType() == compat.GEOMETRY_POINT:
        layer.setRenderer(QgsSingleSymbolRenderer(_point_symbol("square", SHELTER_COLOUR, point_size)))
    else:
        layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
            {"color": "0,160,80,200", "outline_color": "#005A2B", "outline_width": "0.25"})))


def style_townships_plain(layer, label_size=9.0):
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "0,0,0,0", "outline_color": "#262626", "outline_width": "0.45"})))
    _labels(layer, '"name"', label_size, "#262626", priority=8)


def _rule_renderer(rules):
    """Rule-based renderer from (label, filter or None for ELSE, symbol)."""
    root = QgsRuleBasedRenderer.Rule(None)
    for label, expression, symbol in rules:
        rule = QgsRuleBasedRenderer.Rule(symbol, 0, 0, expression or "", label)
        if expression is None:
            rule.setIsElse(True)
        root.appendChild(rule)
    return QgsRuleBasedRenderer(root)


CURRENT = "\"page_key\" = attribute(@atlas_feature, 'page_key')"


def style_townships_sheet(layer, language, label_size=9.0):
    """Main map of a sheet: this township outlined, the others veiled in white and named."""
    current = QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": "#000000", "outline_width": "0.9"})
    others = QgsFillSymbol.createSimple({"color": "255,255,255,150", "outline_color": "#595959",
                                         "outline_width": "0.3"})
    layer.setRenderer(_rule_renderer([(T.text("current_township", language), CURRENT, current),
                                      ("", None, others)]))
    _labels(layer, f"CASE WHEN {CURRENT} THEN NULL ELSE \"name\" END", label_size, "#404040", priority=3)


def style_townships_overview(layer, language):
    current = QgsFillSymbol.createSimple({"color": "#1F4E79", "outline_color": "#FFFFFF", "outline_width": "0.2"})
    others = QgsFillSymbol.createSimple({"color": "#D9D9D9", "outline_color": "#FFFFFF", "outline_width": "0.2"})
    layer.setRenderer(_rule_renderer([(T.text("current_township", language), CURRENT, current),
                                      ("", None, others)]))


# ---------------------------------------------------------------- the atlas

@dataclass
class AtlasBuild:
    """Everything the export needs; the layers and layouts live in ``project`` (not the user's)."""

    project: QgsProject
    cover: QgsPrintLayout
    township: QgsPrintLayout
    layers: dict
    pages: int
    chart_files: list
    templates: dict
    language: str = "zh"
    page_size: str = "A3"
    chart_folder: str = ""
    figures: object = None  # core.atlas_figures.AtlasFigures, for callers that report them

    def after_atlas_feature(self, layout):
        """Round the township map's scale up to a 'nice' denominator (keeps the centre)."""
        main_map = layout.itemById("main_map")
        if main_map is not None and main_map.atlasDriven():
            main_map.setScale(nice_scale(main_map.scale()))


def _variables(language, title, organisation, date_text, figures, target):
    values = {f"ra_lbl_{key}": T.text(key, language) for key in T.TEXT}
    issued = []
    if organisation:
        issued.append(f"{T.text('organisation', language)}{'：' if language == 'zh' else ': '}{organisation}")
    issued.append(f"{T.text('date', language)}{'：' if language == 'zh' else ': '}{date_text}")
    county = figures.county
    values.update({
        "ra_title": title, "ra_organisation": organisation, "ra_date": date_text,
        "ra_issued": ("　　" if language == "zh" else "    ").join(issued), "ra_issued_lines": "\n".join(issued),
        "ra_page_pattern": "第 {n} 页 / 共 {total} 页" if language == "zh" else "Page {n} of {total}",
        "ra_made_with": T.text("made_with", language, version=plugin_version(),
                               qgis=_qgis_version()),
        "ra_county_cover5": T.coverage_text(county, language),
        "ra_county_shelter": T.shelter_text(county, language, target, meets_target(county, target)),
        "ra_county_major": T.major_text(county, language),
        "ra_language": language,
    })
    return values


def _qgis_version():
    from qgis.core import Qgis

    return Qgis.QGIS_VERSION.split("-")[0]


def _set_variables(layout, values):
    from qgis.core import QgsExpressionContextUtils

    QgsExpressionContextUtils.setLayoutVariables(layout, values)


def _fill_table(table, layer, language, feature_filter, drop=(), empty_message=""):
    if table is None:
        return
    template_columns = [QgsLayoutTableColumn(column) for column in table.columns()]
    table.setVectorLayer(layer)  # this resets the columns to every field: restore the template's
    columns = []
    for column in template_columns:
        attribute = column.attribute()
        if attribute in drop:
            continue
        if attribute in HEADINGS:
            column.setHeading(T.text(HEADINGS[attribute], language))
        columns.append(column)
    _keep_width(columns, sum(c.width() for c in template_columns))
    table.setColumns(columns)
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
    return (table.contentTextFormat().size() * 0.3528 + 2 * table.cellMargin()) * 1.03


def rows_that_fit(table):
    """Data rows (below the header) the table's frame holds."""
    if table is None or not table.frameCount():
        return 0
    return max(1, int(table.frame(0).rect().height() // _row_height(table)) - 1)


def _fit_rows(table, rows):
    """Shrink a table's text so ``rows`` (+ header) fit its frame (never below 60 %)."""
    if table is None or not table.frameCount():
        return
    frame_height = table.frame(0).rect().height()
    margin = table.cellMargin()
    needed = (rows + 1) * _row_height(table)
    if needed <= frame_height:
        return
    factor = max(0.6, frame_height / needed)
    for getter, setter in ((table.contentTextFormat, table.setContentTextFormat),
                           (table.headerTextFormat, table.setHeaderTextFormat)):
        fmt = QgsTextFormat(getter())
        fmt.setSize(fmt.size() * factor)
        setter(fmt)
    table.setCellMargin(margin * factor)


def _level_conditional_styles(layer):
    styles = []
    for entry in RISK_LEVELS:
        style = QgsConditionalStyle(f'"level" = {entry.level}')
        style.setBackgroundColor(QColor(entry.colour))
        style.setTextColor(QColor("#000000" if entry.level in (2, 3) else "#FFFFFF"))
        styles.append(style)
    layer.conditionalStyles().setFieldStyles("level_label", styles)


def _legend(legend, entries, title):
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
        if hide_title:
            QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Hidden)
    legend.adjustBoxSize()
    legend.refresh()


def _county_extent(towns_layer, grow=0.03):
    extent = QgsRectangle(towns_layer.extent())
    extent.grow(max(extent.width(), extent.height()) * grow)
    return extent


def _chart_size(layout, item_id, default=(130.0, 30.0)):
    picture = layout.itemById(item_id) if layout is not None else None
    if picture is None:
        return default
    size = picture.sizeWithUnits()
    return size.width(), size.height()


def build_atlas(figures, frames, crs, *, language, title, organisation, date_text, page_size, chart_folder,
                target_m2_per_capita, log=None):
    """Layouts and layers of the atlas (nothing exported yet).

    ``frames``: GeoDataFrames in ``crs`` — 'risk_map', 'townships' (names in column '__name__'),
    optionally 'fire_stations', 'shelters', 'hazard_units'. ``figures``: core.atlas_figures result.
    """
    import geopandas as gpd
    import pandas as pd

    log = log or (lambda message: None)
    project = QgsProject()
    project.setCrs(crs)
    layers = {}
    point_scale = 1.0 if page_size == "A3" else 0.85

    # risk map for display: cut to the townships (grid cells are not cut by the analysis), and dissolved by
    # level when it is a fine grid
    risk = frames["risk_map"]
    towns = frames["townships"]
    county = shapely.union_all(shapely.make_valid(np.asarray(towns.geometry.values, dtype=object)), grid_size=0.01)
    dissolved = len(risk) > DISSOLVE_ABOVE
    if dissolved:
        levels = risk["risk_level"].astype(int).to_numpy()
        geoms = np.asarray(risk.geometry.values, dtype=object)
        parts, present = [], []
        for entry in RISK_LEVELS:
            chosen = geoms[(levels == entry.level) & ~shapely.is_missing(geoms)]
            if len(chosen):
                parts.append(shapely.intersection(shapely.union_all(chosen, grid_size=0.01), county, grid_size=0.01))
                present.append(entry.level)
        display = gpd.GeoDataFrame({"risk_level": present}, geometry=parts, crs=risk.crs)
        log(f"risk map: {len(risk)} units drawn as {len(present)} dissolved polygons (one per level)")
    else:
        display = risk[["risk_level", "geometry"]].copy()
        display["risk_level"] = display["risk_level"].astype(int)
        display["geometry"] = shapely.intersection(shapely.make_valid(np.asarray(display.geometry.values,
                                                                                 dtype=object)), county)
        display = display[~shapely.is_empty(np.asarray(display.geometry.values, dtype=object))]
    risk_layer = memory_layer(T.text("risk_levels", language), display, [("risk_level", "int")], crs,
                              compat.WKB_MULTIPOLYGON)
    style_risk(risk_layer, language, dissolved)
    layers["risk"] = risk_layer

    # township layers
    n_towns = len(towns)
    town_rows = []
    chart_files = []
    os.makedirs(chart_folder, exist_ok=True)
    target = target_m2_per_capita
    township_template = template_path("township", page_size)
    cover_template = template_path("cover", page_size)
    township = load_template(project, township_template, T.text("township_sheet", language))
    cover = load_template(project, cover_template, T.text("county_map", language))
    chart_font = 8.0 if page_size == "A3" else 6.6
    chart_labels = (T.text("chart_area", language), T.text("chart_residents", language))
    width_mm, height_mm = _chart_size(township, "chart")
    major_rows = rows_that_fit(item(township, "major_table")) or MAJOR_ROWS
    for i, f in enumerate(figures.townships):
        path = os.path.join(chart_folder, f"chart_{i + 2:02d}.png")
        write_share_chart(path, f.area_shares, f.resident_shares, chart_labels, width_mm, height_mm,
                          font_pt=chart_font)
        chart_files.append(path)
        n_listed = 0 if f.major_by_grade is None else min(major_rows, f.n_major)
        parts = []
        if f.major_by_grade is not None and f.n_major:
            parts.append(T.text("units_total", language, n=f.n_major))
            if f.n_major > major_rows:
                parts.append(T.text("more_units", language, n=f.n_major - n_listed))
        if not parts:
            note = ""
        elif language == "zh":
            note = f"（{'，'.join(parts)}）"
        else:
            note = f" ({'; '.join(parts)})"
        shares = f.resident_shares
        town_rows.append({
            "page_key": f.key, "page_no": i + 2, "name": f.name, "chart_png": path,
            "residents": f.residents, **{f"res_l{lv}": float(f.residents_by_level[lv - 1]) for lv in (1, 2, 3, 4)},
            **{f"units_l{lv}": int(f.units[lv - 1]) for lv in (1, 2, 3, 4)},
            "area_km2": f.area_km2, "cover5_share": f.coverage_share, "m2_per_capita": f.m2_per_capita,
            "meets_target": meets_target(f, target), "n_major": f.n_major,
            "txt_residents": T.integer(f.residents),
            "txt_high_share": T.percent(float(shares[0] + shares[1]) if f.residents > 0 else None),
            "txt_cover5": T.coverage_text(f, language), "txt_cover5_pct": T.percent(f.coverage_share),
            "txt_shelter": T.shelter_text(f, language, target, meets_target(f, target)),
            "txt_m2pc": "—" if f.m2_per_capita is None else T.decimal(f.m2_per_capita, 2),
            "txt_major": T.major_text(f, language), "txt_major_note": note,
        })
    town_frame = gpd.GeoDataFrame(pd.DataFrame(town_rows), geometry=towns.geometry.to_numpy(), crs=towns.crs)
    coverage_columns = [("page_key", "string"), ("page_no", "int"), ("name", "string"), ("chart_png", "string"),
                        ("residents", "double")] + [(f"res_l{lv}", "double") for lv in (1, 2, 3, 4)] + \
        [(f"units_l{lv}", "int") for lv in (1, 2, 3, 4)] + [
        ("area_km2", "double"), ("cover5_share", "double"), ("m2_per_capita", "double"), ("meets_target", "bool"),
        ("n_major", "int"), ("txt_residents", "string"), ("txt_high_share", "string"), ("txt_cover5", "string"),
        ("txt_cover5_pct", "string"), ("txt_shelter", "string"), ("txt_m2pc", "string"), ("txt_major", "string"),
        ("txt_major_note", "string")]
    coverage = memory_layer("atlas_townships", town_frame, coverage_columns, crs, compat.WKB_MULTIPOLYGON)
    style_townships_sheet(coverage, language, 9.0 * point_scale)
    layers["coverage"] = coverage
    overview_towns = memory_layer("atlas_townships_overview", town_frame, [("page_key", "string")], crs,
                                  coverage.wkbType())
    style_townships_overview(overview_towns, language)
    layers["overview_towns"] = overview_towns
    cover_towns = memory_layer(T.text("townships", language), town_frame, [("page_key", "string"),
                                                                          ("name", "string")], crs,
                               coverage.wkbType())
    style_townships_plain(cover_towns, 9.0 * point_scale)
    layers["cover_towns"] = cover_towns

    # tables
    figure_rows = []
    for f in [figures.county] + list(figures.townships):
        for row in T.level_rows(f, language):
            figure_rows.append({"page_key": f.key, **row})
    figure_frame = pd.DataFrame(figure_rows)
    figure_layer = memory_layer("atlas_figures", figure_frame, [
        ("page_key", "string"), ("row", "int"), ("level", "int"), ("level_label", "string"), ("units", "string"),
        ("area_km2", "string"), ("residents", "string"), ("share", "string"), ("enterprises", "string")], crs,
        compat.WKB_NO_GEOMETRY)
    _level_conditional_styles(figure_layer)
    layers["figures"] = figure_layer

    major = figures.major_units
    major_frame = gpd.GeoDataFrame({
        "page_key": major["key"].astype(str).to_numpy() if len(major) else np.array([], dtype=object),
        "unit_id": major["unit_id"].astype(str).to_numpy() if len(major) else np.array([], dtype=object),
        "grade": major["grade"].astype(int).to_numpy() if len(major) else np.array([], dtype=int),
        "grade_label": [T.grade_label(g, language) for g in major["grade"]],
        "r_value": major["r_value"].astype(float).to_numpy() if len(major) else np.array([], dtype=float),
        "txt_r": [T.decimal(v, 1) for v in major["r_value"]],
        "enterprise": [_first_text(en if language == "en" else None, n, e, "—")
                       for n, en, e in zip(major["enterprise_name"], major["enterprise_name_en"],
                                           major["enterprise_id"])],
    }, geometry=shapely.points(major["x"].astype(float).to_numpy(), major["y"].astype(float).to_numpy())
        if len(major) else [], crs=towns.crs)
    major_layer = memory_layer(T.text("major_units", language), major_frame, [
        ("page_key", "string"), ("unit_id", "string"), ("grade", "int"), ("grade_label", "string"),
        ("r_value", "double"), ("txt_r", "string"), ("enterprise", "string")], crs, compat.WKB_POINT)
    style_points(major_layer, "triangle", MAJOR_COLOUR, 3.6 * point_scale, '"unit_id"', MAJOR_COLOUR,
                 6.5 * point_scale)
    layers["major"] = major_layer
    major_cover = memory_layer(T.text("major_units", language), major_frame, [("page_key", "string")], crs,
                               compat.WKB_POINT)
    style_points(major_cover, "triangle", MAJOR_COLOUR, 3.0 * point_scale)
    layers["major_cover"] = major_cover

    # stations and shelters
    if frames.get("fire_stations") is not None:
        stations = frames["fire_stations"]
        frame = gpd.GeoDataFrame({"name": _names(stations, language)}, geometry=stations.geometry.to_numpy(),
                                 crs=stations.crs)
        layers["stations"] = memory_layer(T.text("fire_stations", language), frame, [("name", "string")], crs)
        style_points(layers["stations"], "star", STATION_COLOUR, 4.6 * point_scale, '"name"', "#800000",
                     7.0 * point_scale)
        layers["stations_cover"] = memory_layer(T.text("fire_stations", language), frame, [("name", "string")],
                                                crs)
        style_points(layers["stations_cover"], "star", STATION_COLOUR, 3.8 * point_scale)
    if frames.get("shelters") is not None:
        shelters = frames["shelters"]
        frame = gpd.GeoDataFrame({"name": _names(shelters, language)}, geometry=shelters.geometry.to_numpy(),
                                 crs=shelters.crs)
        layers["shelters"] = memory_layer(T.text("shelters", language), frame, [("name", "string")], crs)
        style_shelters(layers["shelters"], 2.6 * point_scale)

    for layer in layers.values():
        project.addMapLayer(layer, False)

    variables = _variables(language, title, organisation, date_text, figures, target)
    county_chart = os.path.join(chart_folder, "chart_01.png")
    cw, ch = _chart_size(cover, "chart", (80.0, 36.0))
    write_share_chart(county_chart, figures.county.area_shares, figures.county.resident_shares, chart_labels, cw, ch,
                      font_pt=chart_font)
    chart_files.insert(0, county_chart)

    drop_levels = () if figures.county.enterprises_by_level is not None else ("enterprises",)
    drop_towns = tuple(name for name, missing in (("txt_cover5_pct", figures.county.covered_residents is None),
                                                  ("txt_m2pc", figures.county.m2_per_capita is None)) if missing)
    point_layers = [layers[k] for k in ("stations",) if k in layers]
    extent = _county_extent(coverage)

    # cover
    _set_variables(cover, variables)
    county_map = cover.itemById("county_map")
    if county_map is None:
        raise TemplateError(f"{cover_template}: no map item with id 'county_map'")
    cover_stack = [layers[k] for k in ("stations_cover",) if k in layers] + [major_cover] + \
        [layers[k] for k in ("shelters",) if k in layers] + [cover_towns, risk_layer]
    _set_map(county_map, cover_stack, crs, extent, nice=True)
    _link(cover, "county_map")
    picture = cover.itemById("chart")
    if picture is not None:
        picture.setPicturePath(county_chart)
    _fill_table(item(cover, "summary_table"), figure_layer, language, f"\"page_key\" = '{COUNTY_KEY}'", drop_levels)
    towns_table = item(cover, "townships_table")
    _fill_table(towns_table, coverage, language, "true", drop_towns)
    _fit_rows(towns_table, n_towns)
    legend_entries = [(risk_layer, T.text("risk_levels", language), True, None)] + \
        [(layers[k], T.text(name, language), False, None) for k, name in
         (("stations_cover", "fire_stations"), ("shelters", "shelters")) if k in layers] + \
        ([(major_cover, T.text("major_units", language), False, None)] if len(major_frame) else []) + \
        [(cover_towns, T.text("townships", language), False, None)]
    _legend(cover.itemById("legend"), legend_entries, T.text("legend", language))

    # township sheets
    _set_variables(township, variables)
    atlas = township.atlas()
    atlas.setCoverageLayer(coverage)
    atlas.setEnabled(True)
    atlas.setHideCoverage(False)
    atlas.setSortFeatures(True)
    atlas.setSortExpression('"page_no"')
    atlas.setFilterFeatures(False)
    main_map = township.itemById("main_map")
    if main_map is None:
        raise TemplateError(f"{township_template}: no map item with id 'main_map'")
    sheet_stack = point_layers + [major_layer] + [layers[k] for k in ("shelters",) if k in layers] + \
        [coverage, risk_layer]
    _set_map(main_map, sheet_stack, crs, extent)
    main_map.setAtlasDriven(True)
    overview = township.itemById("overview_map")
    if overview is not None:
        _set_map(overview, [overview_towns], crs, extent)
        frame_style = QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": "#FF0000",
                                                  "outline_width": "0.5"})
        if overview.overviews().size() == 0:
            overview.overviews().addOverview(QgsLayoutItemMapOverview("main_map_extent", overview))
        overview_frame = overview.overviews().overview(0)
        overview_frame.setLinkedMap(main_map)
        overview_frame.setFrameSymbol(frame_style)
    _link(township, "main_map")
    key_filter = "\"page_key\" = attribute(@atlas_feature, 'page_key')"
    _fill_table(item(township, "figures_table"), figure_layer, language, key_filter, drop_levels)
    _fill_table(item(township, "major_table"), major_layer, language, key_filter,
                empty_message=T.text("no_major_units" if figures.county.major_by_grade is not None else "not_given",
                                     language))
    major_table = item(township, "major_table")
    if major_table is not None:
        major_table.setMaximumNumberOfFeatures(major_rows)
    sheet_legend = [(risk_layer, T.text("risk_levels", language), True, None)] + \
        [(layers[k], T.text(name, language), False, None) for k, name in
         (("stations", "fire_stations"), ("shelters", "shelters")) if k in layers] + \
        ([(major_layer, T.text("major_units", language), False, None)] if len(major_frame) else []) + \
        [(coverage, T.text("current_township", language), False, [0])]
    _legend(township.itemById("legend"), sheet_legend, T.text("legend", language))

    project.layoutManager().addLayout(cover)
    project.layoutManager().addLayout(township)
    atlas.updateFeatures()
    return AtlasBuild(project, cover, township, layers, 1 + atlas.count(), chart_files,
                      {"cover": cover_template, "township": township_template}, language, page_size, chart_folder)


def _first_text(*values):
    """The first value that is non-empty text (NaN and None skipped)."""
    for value in values:
        if value is not None and value == value and str(value).strip():
            return str(value)
    return ""


def _names(frame, language):
    """Feature names for map labels: 'name_en' in English when the layer has it, else 'name'."""
    columns = (["name_en"] if language == "en" else []) + ["name"]
    columns = [c for c in columns if c in frame.columns]
    return np.array([_first_text(*values) for values in zip(*(frame[c] for c in columns))] if columns
                    else [""] * len(frame), dtype=object)


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


def _set_map(map_item, layers, crs, extent, nice=False):
    map_item.setCrs(crs)
    map_item.setKeepLayerSet(True)
    map_item.setLayers(layers)
    size = map_item.rect()
    map_item.setExtent(fitted_extent(extent, size.width(), size.height()))
    if nice:
        map_item.setScale(nice_scale(map_item.scale()))


def _link(layout, map_id):
    """Point the scale bar, north arrow and legend at the page's main map (templates may lose the link)."""
    map_item = layout.itemById(map_id)
    scalebar = layout.itemById("scalebar")
    if scalebar is not None:
        scalebar.setLinkedMap(map_item)
    arrow = layout.itemById("north_arrow")
    if arrow is not None:
        arrow.setLinkedMap(map_item)
    legend = layout.itemById("legend")
    if legend is not None:
        legend.setLinkedMap(map_item)


# ---------------------------------------------------------------- into a project

def save_to_project(build, project, gpkg_path, group_name=None):
    """Put the atlas into ``project`` (e.g. the one ``make demo`` saves as .qgz).

    The atlas layers are written into ``gpkg_path`` as ``atlas_<key>`` layers (their styles travel with
    the layers; the coverage layer keeps the figures and the chart paths — give ``build_atlas`` /
    ``ExportAtlas.prepare`` a lasting chart folder), added to ``project`` in a group (unchecked:
    they are for the layouts), and copies of the cover and township layouts are added to the
    project's layout manager. Returns the two new layouts. ``build`` is used up (its layers move).
    """
    from qgis.core import QgsDataProvider, QgsVectorFileWriter

    # the layouts as XML first: taking the layers out of the build's project disables its atlas
    documents = []
    for layout in (build.cover, build.township):
        document = QDomDocument()
        document.appendChild(layout.writeXml(document, QgsReadWriteContext()))
        documents.append((layout.name(), document))
    group = project.layerTreeRoot().addGroup(group_name or ("图集" if build.language == "zh" else "Atlas"))
    for key, layer in build.layers.items():
        name = f"atlas_{key}"
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = name
        options.fileEncoding = "UTF-8"
        options.actionOnExistingFile = (QgsVectorFileWriter.CreateOrOverwriteLayer if os.path.exists(gpkg_path)
                                        else QgsVectorFileWriter.CreateOrOverwriteFile)
        error, message = QgsVectorFileWriter.writeAsVectorFormatV3(layer, gpkg_path, project.transformContext(),
                                                                   options)[:2]
        if error != QgsVectorFileWriter.NoError:
            raise IOError(f"cannot write layer '{name}' into {gpkg_path}: {message}")
        layer.setDataSource(f"{gpkg_path}|layername={name}", layer.name(), "ogr", QgsDataProvider.ProviderOptions())
        build.project.takeMapLayer(layer)
        project.addMapLayer(layer, False)
        group.addLayer(layer).setItemVisibilityChecked(False)
    copies = []
    for name, document in documents:  # layers are found by id in ``project``
        copy = QgsPrintLayout(project)
        copy.readXml(document.documentElement(), document, QgsReadWriteContext())
        copy.setName(project.layoutManager().generateUniqueTitle() if project.layoutManager().layoutByName(name)
                     else name)
        project.layoutManager().addLayout(copy)
        copies.append(copy)
    return copies


# ---------------------------------------------------------------- export

class CoverThenAtlas(QgsAbstractLayoutIterator):
    """A layout iterator: the cover layout, then each feature of the township layout's atlas.

    ``QgsLayoutExporter.exportToPdf(iterator, …)`` writes every step into one PDF (as it does for
    a QGIS report), and ``exportToImage(iterator, …)`` one image per page named by ``filePath``.
    """

    def __init__(self, cover, atlas, after_feature=None):
        super().__init__()
        self.cover, self.atlas, self.after_feature = cover, atlas, after_feature
        self.step, self.current = -1, None

    def count(self):
        return 1 + self.atlas.count()

    def beginRender(self):  # noqa: N802 (QGIS API)
        self.step, self.current = -1, None
        return self.atlas.beginRender()

    def endRender(self):  # noqa: N802
        return self.atlas.endRender()

    def next(self):
        self.step += 1
        if self.step == 0:
            self.current = self.cover
            return True
        self.current = self.atlas.layout()
        if not self.atlas.next():
            return False
        if self.after_feature is not None:
            self.after_feature(self.current)
        return True

    def layout(self):
        return self.current

    def filePath(self, base_file_path, extension):  # noqa: N802
        folder = os.path.dirname(base_file_path)
        stem = os.path.basename(base_file_path)
        return os.path.join(folder, f"{stem}_{self.step + 1:02d}.{extension}")


def pdf_settings(dpi=300):
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.textRenderFormat = compat.TEXT_ALWAYS_TEXT
    settings.forceVectorOutput = True
    settings.rasterizeWholeImage = False
    settings.exportMetadata = True
    settings.simplifyGeometries = True
    return settings


def export_pdf(build, path, feedback=None, dpi=300):
    iterator = CoverThenAtlas(build.cover, build.township.atlas(), build.after_atlas_feature)
    result, error = QgsLayoutExporter.exportToPdf(iterator, path, pdf_settings(dpi), feedback)
    if result != QgsLayoutExporter.Success:
        raise IOError(error or f"PDF export failed (code {int(result)})")
    return path


def export_png(build, folder, feedback=None, dpi=150, stem="page"):
    """One PNG per page: <folder>/page_01.png (cover), page_02.png … Returns the paths."""
    os.makedirs(folder, exist_ok=True)
    iterator = CoverThenAtlas(build.cover, build.township.atlas(), build.after_atlas_feature)
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = dpi
    settings.exportMetadata = False  # GDAL cannot write metadata into a PNG ("no update access" errors)
    settings.generateWorldFile = False
    with quiet_gdal():  # QGIS tries to georeference each PNG through GDAL, which cannot update PNGs
        result, error = QgsLayoutExporter.exportToImage(iterator, os.path.join(folder, stem), "png", settings,
                                                        feedback)
    if result != QgsLayoutExporter.Success:
        raise IOError(error or f"PNG export failed (code {int(result)})")
    return [os.path.join(folder, f"{stem}_{i:02d}.png") for i in range(1, build.pages + 1)]


__all__ = ["build_atlas", "export_pdf", "export_png", "save_to_project", "template_path", "nice_scale",
           "CoverThenAtlas", "COVER_ITEMS", "TOWNSHIP_ITEMS", "TemplateError"]
