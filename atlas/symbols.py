"""How the atlas layers look on the pages (the printed atlas's own symbols, sized for paper).

The risk levels use the one four-colour style (``layers.styling``); the rest is atlas-only.
``style_atlas_layers`` styles the layers opened by ``atlas.store.open_atlas_layers``.
"""
from qgis.core import (
    QgsConditionalStyle,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsMarkerSymbol,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from ..core.standards.risk_levels import RISK_LEVELS
from ..layers.styling import apply_four_colour_style, label_layer
from ..support import compat
from . import text as T

STATION_COLOUR, SHELTER_COLOUR, MAJOR_COLOUR = "#C00000", "#00A050", "#7030A0"
REACH_FILL, REACH_OUTLINE = "120,190,120,150", "#2E7D32"  # reached in time: calm green
GAP_FILL, GAP_HATCH = "255,228,222,255", "#E34A33"  # not reached: red hatching, so gaps stand out
OVERLOADED_COLOUR = "#C00000"
TEAM_COLOUR, DEPOT_COLOUR, HAZARD_COLOUR = "#E65100", "#6D4C41", "#8B4513"  # the resources page, natural hazards
LEFT_OUT_COLOUR, REACHED_COLOUR = "#D7191C", "#2C7BB6"
CURRENT = "\"page_key\" = attribute(@atlas_feature, 'page_key')"  # the sheet's own township
DARK_TEXT_LEVELS = (2, 3)  # orange and yellow cells take black text


def point_scale(page_size):
    """Symbols and labels are drawn for A3; A4 pages take them 15 % smaller."""
    return 1.0 if page_size == "A3" else 0.85


def _labels(layer, expression, size, colour, priority=5, around_point=False, obstacle_factor=1.0):
    """Labels with a white halo; points' labels around them (``obstacle_factor``: how strongly every label
    keeps off the points)."""
    label_layer(layer, expression, size, colour, buffer_size=0.7, buffer_colour="#FFFFFF", priority=priority,
                around_point=around_point, distance=0.8 if around_point else 0.0, obstacle_factor=obstacle_factor)


def _blocking(layer):
    """No labels on ``layer``, but other labels keep off its symbols (a station's name never covers a shelter)."""
    label_layer(layer, "''", draw=False, obstacle_factor=2.0)


def _point_symbol(shape, colour, size):
    return QgsMarkerSymbol.createSimple({"name": shape, "color": colour, "outline_color": "#FFFFFF",
                                         "outline_width": "0.35", "size": str(size)})


def hollow_symbol(shape, colour, size):
    """A planned feature's point: the symbol's outline in its colour, filled white."""
    return QgsMarkerSymbol.createSimple({"name": shape, "color": "#FFFFFF", "outline_color": colour,
                                         "outline_width": "0.6", "size": str(size)})


PLANNED = '"proposed" = 1'  # the full assessment's planned stations and shelters (atlas.tables.proposed_flags)


def has_planned(layer):
    """True when ``layer`` holds a planned feature (its ``proposed`` is 1)."""
    if layer.fields().indexOf("proposed") < 0:
        return False
    request = QgsFeatureRequest().setFilterExpression(PLANNED).setLimit(1)
    return any(True for _feature in layer.getFeatures(request))


def style_stations(layer, language, size, label_expression=None, label_size=7.0, priority=5):
    """Fire stations: red stars; planned ones (``proposed``) hollow, as their own legend row."""
    style_points(layer, "star", STATION_COLOUR, size, label_expression, "#800000", label_size, priority=priority)
    if has_planned(layer):
        layer.setRenderer(_rule_renderer([
            (T.text("proposed_station", language), PLANNED, hollow_symbol("star", STATION_COLOUR, size * 1.1)),
            (T.text("existing_station", language), None, _point_symbol("star", STATION_COLOUR, size))]))


def _fill(colour, outline, width):
    return QgsFillSymbol.createSimple({"color": colour, "outline_color": outline, "outline_width": str(width)})


def style_risk(layer, language, dissolved):
    """The four colours; cell outlines in faint white, none when dissolved by level."""
    apply_four_colour_style(layer, language=language)
    for category in layer.renderer().categories():
        symbol_layer = category.symbol().symbolLayer(0)
        if dissolved:
            symbol_layer.setStrokeStyle(Qt.NoPen)
        else:
            symbol_layer.setStrokeColor(QColor(255, 255, 255, 160))
            symbol_layer.setStrokeWidth(0.08)


def style_points(layer, shape, colour, size, label_expression=None, label_colour=None, label_size=7.0, priority=5,
                 obstacle_factor=2.0):
    """Point symbols; labels placed around them where they are free, else the symbols only block others."""
    layer.setRenderer(QgsSingleSymbolRenderer(_point_symbol(shape, colour, size)))
    if label_expression:
        _labels(layer, label_expression, label_size, label_colour or colour, priority=priority, around_point=True,
                obstacle_factor=obstacle_factor)
    else:
        _blocking(layer)


def style_shelters(layer, size, language="zh"):
    """Shelters: green squares or areas; planned ones (``proposed``) hollow, as their own legend row."""
    points = layer.geometryType() == compat.GEOMETRY_POINT
    symbol = _point_symbol("square", SHELTER_COLOUR, size) if points else _fill("0,160,80,200", "#005A2B", 0.25)
    if has_planned(layer):
        planned = (hollow_symbol("square", SHELTER_COLOUR, size * 1.1) if points
                   else _fill("255,255,255,220", SHELTER_COLOUR, 0.6))
        layer.setRenderer(_rule_renderer([(T.text("proposed_shelter", language), PLANNED, planned),
                                          (T.text("existing_shelter", language), None, symbol)]))
    else:
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    _blocking(layer)


def gap_symbol():
    """Light red with dense red hatching: the land no station reaches in time."""
    from qgis.core import QgsLinePatternFillSymbolLayer, QgsLineSymbol

    symbol = _fill(GAP_FILL, GAP_HATCH, 0.3)
    hatch = QgsLinePatternFillSymbolLayer()
    hatch.setLineAngle(45.0)
    hatch.setDistance(2.2)
    hatch.setSubSymbol(QgsLineSymbol.createSimple({"line_color": GAP_HATCH, "line_width": "0.2"}))
    symbol.appendSymbolLayer(hatch)
    return symbol


def style_reach(layer):
    layer.setRenderer(QgsSingleSymbolRenderer(_fill(REACH_FILL, REACH_OUTLINE, 0.2)))


def style_gaps(layer):
    layer.setRenderer(QgsSingleSymbolRenderer(gap_symbol()))


def style_resource_reach(layer):
    """The resources page: the teams' reach without outlines — their reach reaches nearly everywhere, and the
    outlines of its many small holes (land beyond the access distance) would speckle the page."""
    symbol = _fill(REACH_FILL, REACH_OUTLINE, 0.2)
    symbol.symbolLayer(0).setStrokeStyle(Qt.NoPen)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))


def style_resource_gaps(layer):
    """The resources page's gaps: the red hatching without an outline (small pockets read as red, not brown)."""
    symbol = gap_symbol()
    symbol.symbolLayer(0).setStrokeStyle(Qt.NoPen)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))


def style_service(layer):
    """Each shelter's service area: a faint green disc, outlined."""
    symbol = _fill("0,160,80,35", "#00A050", 0.25)
    symbol.symbolLayer(0).setStrokeStyle(Qt.DashLine)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))


def style_load(layer, language, size, labelled=True):
    """Shelters: green squares; overloaded ones red triangles, named (when ``labelled``)."""
    planned = [(T.text("proposed_shelter", language), PLANNED, hollow_symbol("square", SHELTER_COLOUR, size * 1.2))]
    layer.setRenderer(_rule_renderer([
        (T.text("shelter_overloaded", language), '"overloaded"', _point_symbol("triangle", OVERLOADED_COLOUR,
                                                                                 size * 1.4)),
        *(planned if has_planned(layer) else []),
        (T.text("shelter_ok", language), None, _point_symbol("square", SHELTER_COLOUR, size))]))
    if labelled:
        _labels(layer, 'CASE WHEN "overloaded" THEN "name" END', 7.0, OVERLOADED_COLOUR, priority=7,
                around_point=True, obstacle_factor=2.0)
    else:
        _blocking(layer)


def style_shelter_towns(layer, language, target, label_size):
    """Townships in classes of m² per resident around the target (as the shelter result's style), named."""
    from ..layers.qml import apply_style
    from ..layers.shelter_style import per_capita_style

    apply_style(layer, per_capita_style(target, language, "polygon", outline="#262626"))
    _labels(layer, '"name"', label_size, "#262626", priority=8)


def style_townships_plain(layer, label_size=9.0, priority=8):
    layer.setRenderer(QgsSingleSymbolRenderer(_fill("0,0,0,0", "#262626", 0.45)))
    _labels(layer, '"name"', label_size, "#262626", priority=priority)


def _rule_renderer(rules):
    """Rule-based renderer from (label, filter or None for ELSE, symbol)."""
    root = QgsRuleBasedRenderer.Rule(None)
    for label, expression, symbol in rules:
        rule = QgsRuleBasedRenderer.Rule(symbol, 0, 0, expression or "", label)
        if expression is None:
            rule.setIsElse(True)
        root.appendChild(rule)
    return QgsRuleBasedRenderer(root)


def style_townships_sheet(layer, language, label_size=9.0):
    """Main map of a sheet: this township outlined, the others veiled in white and named."""
    layer.setRenderer(_rule_renderer([(T.text("current_township", language), CURRENT, _fill("0,0,0,0", "#000000", 0.9)),
                                      ("", None, _fill("255,255,255,150", "#595959", 0.3))]))
    _labels(layer, f"CASE WHEN {CURRENT} THEN NULL ELSE \"name\" END", label_size, "#404040", priority=3)


def style_townships_overview(layer, language):
    layer.setRenderer(_rule_renderer([(T.text("current_township", language), CURRENT, _fill("#1F4E79", "#FFFFFF", 0.2)),
                                      ("", None, _fill("#D9D9D9", "#FFFFFF", 0.2))]))


def style_level_cells(layer):
    """Each level's cell of the figures tables in its colour."""
    styles = []
    for entry in RISK_LEVELS:
        style = QgsConditionalStyle(f'"level" = {entry.level}')
        style.setBackgroundColor(QColor(entry.colour))
        style.setTextColor(QColor("#000000" if entry.level in DARK_TEXT_LEVELS else "#FFFFFF"))
        styles.append(style)
    layer.conditionalStyles().setFieldStyles("level_label", styles)


def style_atlas_layers(layers, settings):
    """Style every layer of ``layers`` (key -> layer, as ``atlas.store.VIEWS``) for ``settings``' page size."""
    language, scale = settings.language, point_scale(settings.page_size)
    target = float(settings.variables.get("ra_target", "1.5"))
    styles = {
        "risk": lambda layer: style_risk(layer, language, settings.dissolved),
        "stations_fire": lambda layer: style_stations(layer, language, 5.0 * scale, '"name"', 7.5 * scale, priority=9),
        "reach": style_reach,
        "gaps": style_gaps,
        "service": style_service,
        "load": lambda layer: style_load(layer, language, 2.8 * scale),
        "shelter_towns": lambda layer: style_shelter_towns(layer, language, target, 9.0 * scale),
        "station_rows": lambda layer: None,
        "overloaded_rows": lambda layer: None,
        "coverage": lambda layer: style_townships_sheet(layer, language, 9.0 * scale),
        "overview_towns": lambda layer: style_townships_overview(layer, language),
        # the cover's names before every symbol: a township never goes unnamed among natural-hazard sites
        "cover_towns": lambda layer: style_townships_plain(layer, 9.0 * scale, priority=10),
        "figures": style_level_cells,
        # a chemical park packs many units: they keep labels off less strongly, so stations stay named
        "major": lambda layer: style_points(layer, "triangle", MAJOR_COLOUR, 3.6 * scale, '"map_label"', MAJOR_COLOUR,
                                            6.5 * scale, priority=6, obstacle_factor=0.5),
        "major_cover": lambda layer: style_points(layer, "triangle", MAJOR_COLOUR, 3.0 * scale),
        "stations": lambda layer: style_stations(layer, language, 4.6 * scale, '"name"', 7.0 * scale, priority=8),
        "stations_cover": lambda layer: style_stations(layer, language, 3.8 * scale),
        "shelters": lambda layer: style_shelters(layer, 2.6 * scale, language),
        # dozens of sites across the county: they keep the townships' names off only weakly
        "hazards_cover": lambda layer: style_points(layer, "diamond", HAZARD_COLOUR, 2.8 * scale, obstacle_factor=0.2),
        "hazards": lambda layer: style_points(layer, "diamond", HAZARD_COLOUR, 3.4 * scale),
        "res_reach": style_resource_reach,
        "res_gaps": style_resource_gaps,
        "res_teams": lambda layer: style_points(layer, "pentagon", TEAM_COLOUR, 3.6 * scale),
        "res_depots": lambda layer: style_points(layer, "diamond", DEPOT_COLOUR, 3.4 * scale),
        "res_left": lambda layer: style_points(layer, "circle", LEFT_OUT_COLOUR, 3.0 * scale, '"name"',
                                               LEFT_OUT_COLOUR, 7.0 * scale, priority=9),
        "res_ok": lambda layer: style_points(layer, "circle", REACHED_COLOUR, 1.5 * scale, obstacle_factor=0.5),
        "res_towns": lambda layer: style_townships_plain(layer, 9.0 * scale),
        "res_town_rows": lambda layer: None,
        "res_left_rows": lambda layer: None,
    }
    for key, layer in layers.items():
        styles[key](layer)
