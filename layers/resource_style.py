"""Styles of the resource coverage outputs: one colour per resource's reach, red gaps, townships by the share
of residents reached, key targets reached in time or not.

As data (``…_style``, no QGIS: ``styles/resource_*.qml``) and on a layer (``style_resource_…``)."""
from .qml import Categorized, Labels, RuleBased, SingleSymbol, Style, apply_style, fill, marker
from .reach_style import STATION_PALETTE, _area_symbol, reach_gaps_style

# the share of residents reached in time (%): (lower bound, included; upper bound, excluded; colour)
REACHED_CLASSES = ((None, 50.0, "#d73027"), (50.0, 80.0, "#fc8d59"), (80.0, 95.0, "#fee08b"), (95.0, None, "#1a9850"))


def resource_areas_style(resources=None):
    """One colour per resource (``resources``: (resource_id, name) in layer order), else one for all."""
    if resources is None:
        return Style(SingleSymbol(_area_symbol(STATION_PALETTE[2])))
    return Style(Categorized("resource_id", tuple(
        (rid, f"{rid} {name or ''}".strip(), _area_symbol(STATION_PALETTE[i % len(STATION_PALETTE)]))
        for i, (rid, name) in enumerate(resources))))


def resource_gaps_style():
    return reach_gaps_style()


def resource_towns_style(language="zh"):
    """Townships in classes of the share of residents reached in time (%; lower bounds included), named;
    townships without residents (NULL) grey."""
    word = "已覆盖人口" if language == "zh" else "reached"
    rules = [("无人口" if language == "zh" else "no residents", '"reached_pct" IS NULL',
              fill("#eeeeee", "#404040", 0.3))]
    for low, high, colour in REACHED_CLASSES:
        parts = ([f'"reached_pct" >= {low:g}'] if low is not None else []) + \
            ([f'"reached_pct" < {high:g}'] if high is not None else [])
        bounds = f"< {high:g}%" if low is None else f"≥ {low:g}%" if high is None else f"{low:g}–{high:g}%"
        rules.append((f"{word} {bounds}", " AND ".join(parts), fill(colour, "#404040", 0.3, opacity=0.7)))
    return Style(RuleBased(tuple(rules)), Labels('"name"', 9))


def resource_targets_style(language="zh"):
    reached, left = ("及时到达", "未及时到达") if language == "zh" else ("reached in time", "left out")
    return Style(Categorized("covered", ((True, reached, marker("circle", "#1a9850", "#ffffff", 2.2)),
                                         (False, left, marker("circle", "#d73027", "#ffffff", 2.6)))))


def style_resource_areas(layer):
    apply_style(layer, resource_areas_style([(f["resource_id"], f["name"]) for f in layer.getFeatures()]))


def style_resource_gaps(layer):
    apply_style(layer, resource_gaps_style())


def style_resource_towns(layer, language="zh"):
    apply_style(layer, resource_towns_style(language))


def style_resource_targets(layer, language="zh"):
    apply_style(layer, resource_targets_style(language))
