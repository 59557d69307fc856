"""Styles for the shelter-per-capita outputs: m² per capita in classes around the target
(red → green), overloaded shelters in red."""
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsMarkerSymbol,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsWkbTypes,
)

from ..support.i18n import is_chinese
from .styling import label_layer

NO_SHELTER_COLOUR = "#67000d"
NO_RESIDENTS_COLOUR = "#eeeeee"
# (lower bound as a multiple of the target (included), upper bound (excluded), colour, zh, en)
CLASSES = (
    (None, 0.5, "#d7191c", "低于目标一半", "below half the target"),
    (0.5, 1.0, "#fdae61", "未达标", "below the target"),
    (1.0, 2.0, "#a6d96a", "达标", "meets the target"),
    (2.0, None, "#1a9641", "达标（≥2倍）", "twice the target or more"),
)


def _symbol(layer, colour, outline=None):
    kind = QgsWkbTypes.geometryType(layer.wkbType())
    if kind == QgsWkbTypes.PointGeometry:
        return QgsMarkerSymbol.createSimple({"name": "circle", "color": colour, "outline_color": outline or "#404040",
                                             "size": "2.6"})
    if outline:
        return QgsFillSymbol.createSimple({"color": colour, "outline_color": outline, "outline_width": "0.3"})
    return QgsFillSymbol.createSimple({"color": colour, "outline_style": "no"})


def _number(value):
    return repr(float(value))


def style_per_capita(layer, target, field="m2_per_capita", outline=None, language=None):
    """Rule-based classes of ``field`` around ``target``; features without residents (NULL) and
    features flagged ``no_shelter`` (when the field exists) get their own classes. Lower bounds are
    included (a value equal to the target meets it)."""
    chinese = (language or ("zh" if is_chinese() else "en")) == "zh"
    root = QgsRuleBasedRenderer.Rule(None)
    has_flag = layer.fields().indexOf("no_shelter") >= 0
    guard = 'NOT coalesce("no_shelter", false) AND ' if has_flag else ""
    root.appendChild(QgsRuleBasedRenderer.Rule(
        _symbol(layer, NO_RESIDENTS_COLOUR, outline), 0, 0, f'"{field}" IS NULL',
        "无人口" if chinese else "no residents"))
    if has_flag:
        root.appendChild(QgsRuleBasedRenderer.Rule(
            _symbol(layer, NO_SHELTER_COLOUR, outline), 0, 0, f'"no_shelter" AND "{field}" IS NOT NULL',
            "服务范围外（无避难场所）" if chinese else "no shelter in reach"))
    for low, high, colour, zh, en in CLASSES:
        parts = []
        if low is not None:
            parts.append(f'"{field}" >= {_number(low * target)}')
        if high is not None:
            parts.append(f'"{field}" < {_number(high * target)}')
        lo_text = f"{low * target:g}" if low is not None else "0"
        hi_text = f"{high * target:g}" if high is not None else "∞"
        label = f"{zh} {lo_text}–{hi_text} m²/人" if chinese else f"{en} ({lo_text}–{hi_text} m²/person)"
        root.appendChild(QgsRuleBasedRenderer.Rule(_symbol(layer, colour, outline), 0, 0,
                                                   guard + " AND ".join(parts), label))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    layer.triggerRepaint()


def label_units(layer, name_field=None, size=9):
    """Label each unit with its name, m² per capita and deficit."""
    name = f'"{name_field}" || \'\\n\' || ' if name_field else ""
    expression = (name + "coalesce(format_number(\"m2_per_capita\", 2), '—') || ' m²/人'"
                  " || if(\"deficit_m2\" > 0, '\\n缺口 ' || format_number(\"deficit_m2\", 0) || ' m²', '')")
    label_layer(layer, expression, size=size)


def style_units_per_capita(layer, target, name_field=None):
    style_per_capita(layer, target, outline="#303030")
    label_units(layer, name_field)


def _load_symbol(layer, colour, marker):
    if QgsWkbTypes.geometryType(layer.wkbType()) == QgsWkbTypes.PointGeometry:
        return QgsMarkerSymbol.createSimple({"name": marker, "color": colour, "outline_color": "#ffffff",
                                             "outline_width": "0.5", "size": "3.6"})
    return QgsFillSymbol.createSimple({"color": colour, "outline_color": "#ffffff", "outline_width": "0.5"})


def style_shelter_load(layer, language=None):
    """Overloaded shelters: red triangles; the others: green squares (white outlines show on any fill)."""
    chinese = (language or ("zh" if is_chinese() else "en")) == "zh"
    categories = [
        QgsRendererCategory(True, _load_symbol(layer, "#b2182b", "triangle"), "超负荷" if chinese else "overloaded"),
        QgsRendererCategory(False, _load_symbol(layer, "#1a9641", "square"),
                            "未超负荷" if chinese else "not overloaded"),
    ]
    layer.setRenderer(QgsCategorizedSymbolRenderer("overloaded", categories))
    layer.triggerRepaint()
