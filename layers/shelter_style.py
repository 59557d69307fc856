"""Styles of the shelter-per-capita outputs: m² per capita in classes around the target (red → green),
overloaded shelters in red.

As data (``…_style``, no QGIS: ``styles/shelter_*.qml``, drawn for the default target) and on a layer
(``style_…``, for the analysis's own target).
"""
from ..core.standards.shelters import TARGET_M2_PER_CAPITA
from .qml import Categorized, Labels, RuleBased, Style, apply_style, fill, geometry_kind, marker
from .styling import _language

NO_SHELTER_COLOUR = "#67000d"
NO_RESIDENTS_COLOUR = "#eeeeee"
# (lower bound as a multiple of the target (included), upper bound (excluded), colour, zh, en)
CLASSES = (
    (None, 0.5, "#d7191c", "低于目标一半", "below half the target"),
    (0.5, 1.0, "#fdae61", "未达标", "below the target"),
    (1.0, 2.0, "#a6d96a", "达标", "meets the target"),
    (2.0, None, "#1a9641", "达标（≥2倍）", "twice the target or more"),
)
UNIT_OUTLINE = "#303030"
UNIT_LABEL_WORDS = {"zh": (" m²/人", "缺口 "), "en": (" m²/resident", "short by ")}


def unit_labels(language="zh"):
    """The label of a township: its m² per resident and, when short, its deficit."""
    per, deficit = UNIT_LABEL_WORDS["zh" if language == "zh" else "en"]
    return (f"coalesce(format_number(\"m2_per_capita\", 2), '—') || '{per}'"
            f" || if(\"deficit_m2\" > 0, '\\n{deficit}' || format_number(\"deficit_m2\", 0) || ' m²', '')")


def _symbol(geometry, colour, outline=None):
    if geometry == "point":
        return marker("circle", colour, outline or "#404040", 2.6)
    if outline:
        return fill(colour, outline, 0.3)
    return fill(colour, None, outline_style="no")


def _number(value):
    return repr(float(value))


def _class_rule(low, high, zh, en, target, field, chinese, guard):
    parts = ([f'"{field}" >= {_number(low * target)}'] if low is not None else []) + \
        ([f'"{field}" < {_number(high * target)}'] if high is not None else [])
    if low is None:
        bounds = f"< {high * target:g}"
    elif high is None:
        bounds = f"≥ {low * target:g}"
    else:
        bounds = f"{low * target:g}–{high * target:g}"
    label = f"{zh} {bounds} m²/人" if chinese else f"{en} ({bounds} m²/person)"
    return label, guard + " AND ".join(parts)


def per_capita_style(target=TARGET_M2_PER_CAPITA, language="zh", geometry="polygon", field="m2_per_capita",
                     outline=None, no_shelter_flag=False):
    """Rule-based classes of ``field`` around ``target``; features without residents (NULL) and — with
    ``no_shelter_flag`` (the layer has that field) — features flagged ``no_shelter`` get their own
    classes. Lower bounds are included (a value equal to the target meets it)."""
    chinese = language == "zh"
    rules = [("无人口" if chinese else "no residents", f'"{field}" IS NULL',
              _symbol(geometry, NO_RESIDENTS_COLOUR, outline))]
    if no_shelter_flag:
        rules.append(("服务范围外（无避难场所）" if chinese else "no shelter in reach",
                      f'"no_shelter" AND "{field}" IS NOT NULL', _symbol(geometry, NO_SHELTER_COLOUR, outline)))
    guard = 'NOT coalesce("no_shelter", false) AND ' if no_shelter_flag else ""
    for low, high, colour, zh, en in CLASSES:
        label, expression = _class_rule(low, high, zh, en, target, field, chinese, guard)
        rules.append((label, expression, _symbol(geometry, colour, outline)))
    return Style(RuleBased(tuple(rules)))


def units_style(target=TARGET_M2_PER_CAPITA, language="zh", name_field=None, size=9):
    """Per-township result: the classes outlined, each unit labelled with its name, m² per capita and deficit."""
    name = f'"{name_field}" || \'\\n\' || ' if name_field else ""
    style = per_capita_style(target, language, "polygon", outline=UNIT_OUTLINE)
    return Style(style.renderer, Labels(name + unit_labels(language), size))


def _load_symbol(geometry, colour, shape):
    if geometry == "point":
        return marker(shape, colour, "#ffffff", 3.6, outline_width=0.5)
    return fill(colour, "#ffffff", 0.5)


def shelter_load_style(geometry="point", language="zh"):
    """Overloaded shelters: red triangles; the others: green squares (white outlines show on any fill)."""
    chinese = language == "zh"
    return Style(Categorized("overloaded", (
        (True, "超负荷" if chinese else "overloaded", _load_symbol(geometry, "#b2182b", "triangle")),
        (False, "未超负荷" if chinese else "not overloaded", _load_symbol(geometry, "#1a9641", "square")))))


def style_per_capita(layer, target, field="m2_per_capita", outline=None, language=None):
    apply_style(layer, per_capita_style(target, _language(language), geometry_kind(layer), field, outline,
                                        no_shelter_flag=layer.fields().indexOf("no_shelter") >= 0))


def style_units_per_capita(layer, target, name_field=None, language=None):
    apply_style(layer, units_style(target, _language(language), name_field))


def style_shelter_load(layer, language=None):
    apply_style(layer, shelter_load_style(geometry_kind(layer), _language(language)))
