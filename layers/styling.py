"""Layer styles built in code from the one palette in ``core.standards.risk_levels``.

``apply_four_colour_style`` is used for every layer carrying ``risk_level``; the other
functions style the seven input kinds. ``STYLE_BY_KIND`` maps a schema kind to its style.
"""
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsTextFormat,
    QgsVectorLayerSimpleLabeling,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QColor, QFont

from ..core.standards.risk_levels import RISK_LEVELS
from ..support.i18n import is_chinese
from .schemas import SCHEMAS

LABEL_FONT = "WenQuanYi Zen Hei"  # extracts correctly from PDFs on QGIS 3.22 (DESIGN §2)


def _symbol_for(layer, colour, outline="#333333", size=2.4, width=0.6):
    kind = QgsWkbTypes.geometryType(layer.wkbType())
    if kind == QgsWkbTypes.PointGeometry:
        return QgsMarkerSymbol.createSimple({"name": "circle", "color": colour, "outline_color": outline,
                                             "size": str(size)})
    if kind == QgsWkbTypes.LineGeometry:
        return QgsLineSymbol.createSimple({"color": colour, "width": str(width)})
    return QgsFillSymbol.createSimple({"color": colour, "outline_color": outline, "outline_width": "0.1"})


def risk_label(level, language=None):
    language = language or ("zh" if is_chinese() else "en")
    entry = RISK_LEVELS[level - 1]
    return entry.label_zh if language == "zh" else entry.label_en


def apply_four_colour_style(layer, field="risk_level", language=None, opacity=1.0):
    """Categorised red/orange/yellow/blue renderer on ``field``; legend in zh or en."""
    categories = []
    for entry in RISK_LEVELS:
        symbol = _symbol_for(layer, entry.colour, outline="#666666")
        symbol.setOpacity(opacity)
        categories.append(QgsRendererCategory(entry.level, symbol, risk_label(entry.level, language), True))
    layer.setRenderer(QgsCategorizedSymbolRenderer(field, categories))
    layer.triggerRepaint()


def label_layer(layer, expression, size=9, colour="#202020", buffer_size=0.8, buffer_colour="#FFFFFF",
                placement=None, priority=None):
    """Label ``layer`` with an expression in the CJK label font, with a halo (buffer_size 0: none)."""
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    text = QgsTextFormat()
    font = QFont(LABEL_FONT)
    font.setPointSizeF(size)
    text.setFont(font)
    text.setSize(size)
    text.setColor(QColor(colour))
    if buffer_size:
        text.buffer().setEnabled(True)
        text.buffer().setSize(buffer_size)
        text.buffer().setColor(QColor(buffer_colour))
    settings.setFormat(text)
    if placement is not None:
        settings.placement = placement
    if priority is not None:
        settings.priority = priority
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def _set_aliases(layer, kind, language=None):
    language = language or ("zh" if is_chinese() else "en")
    for spec in SCHEMAS[kind].fields:
        index = layer.fields().indexOf(spec.name)
        if index >= 0:
            layer.setFieldAlias(index, spec.alias_zh if language == "zh" else spec.alias_en)


def style_enterprises(layer, language=None):
    _set_aliases(layer, "enterprises", language)
    layer.setRenderer(QgsSingleSymbolRenderer(_symbol_for(layer, "#7f7f7f", outline="#404040", size=1.2)))


def _point_or_area(layer, kind, language, marker, fill):
    """Aliases, then a marker symbol for a point layer or a fill symbol for a polygon layer."""
    _set_aliases(layer, kind, language)
    if QgsWkbTypes.geometryType(layer.wkbType()) == QgsWkbTypes.PointGeometry:
        symbol = QgsMarkerSymbol.createSimple(marker)
    else:
        symbol = QgsFillSymbol.createSimple(fill)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))


def style_hazard_sources(layer, language=None):
    _point_or_area(layer, "hazard_sources", language,
                   {"name": "triangle", "color": "#c00000", "outline_color": "#000000", "size": "3"},
                   {"color": "#c0000080", "outline_color": "#800000", "outline_width": "0.4"})


def style_shelters(layer, language=None):
    _point_or_area(layer, "shelters", language,
                   {"name": "square", "color": "#00a050", "outline_color": "#ffffff", "size": "3.2"},
                   {"color": "#00a05090", "outline_color": "#006030", "outline_width": "0.4"})


def style_fire_stations(layer, language=None):
    _set_aliases(layer, "fire_stations", language)
    symbol = QgsMarkerSymbol.createSimple({"name": "star", "color": "#e00000", "outline_color": "#ffffff",
                                           "size": "5"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    label_layer(layer, '"name"', size=8, colour="#a00000")


def style_population(layer, language=None):
    _set_aliases(layer, "population", language)
    ramp_colours = ("#f7f7f7", "#d9d9d9", "#bdbdbd", "#969696", "#636363")
    field = "residents"
    renderer = QgsGraduatedSymbolRenderer(field)
    breaks = (0, 50, 200, 800, 3000, 1e9)
    from qgis.core import QgsRendererRange

    for i, colour in enumerate(ramp_colours):
        symbol = QgsFillSymbol.createSimple({"color": colour, "outline_style": "no"})
        label = f"{breaks[i]:g} – {breaks[i + 1]:g}" if i < len(ramp_colours) - 1 else f"≥ {breaks[i]:g}"
        renderer.addClassRange(QgsRendererRange(breaks[i], breaks[i + 1], symbol, label))
    layer.setRenderer(renderer)


_ROAD_LOOK = {  # class -> (colour, width mm)
    "expressway": ("#e07000", 1.2), "trunk": ("#e0a000", 0.9), "primary": ("#d0b060", 0.7),
    "secondary": ("#b0b0b0", 0.5), "tertiary": ("#c8c8c8", 0.35), "local": ("#dddddd", 0.2),
}


def style_roads(layer, language=None):
    _set_aliases(layer, "roads", language)
    categories = [QgsRendererCategory(name, QgsLineSymbol.createSimple({"color": colour, "width": str(width)}), name)
                  for name, (colour, width) in _ROAD_LOOK.items()]
    layer.setRenderer(QgsCategorizedSymbolRenderer("class", categories))


def style_townships(layer, language=None):
    _set_aliases(layer, "townships", language)
    symbol = QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": "#303030", "outline_width": "0.5",
                                         "outline_style": "dash"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    label_layer(layer, '"name"', size=10)


STYLE_BY_KIND = {
    "enterprises": style_enterprises,
    "hazard_sources": style_hazard_sources,
    "shelters": style_shelters,
    "fire_stations": style_fire_stations,
    "population": style_population,
    "roads": style_roads,
    "townships": style_townships,
}
