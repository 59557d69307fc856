"""Styles of the fire-station reach outputs: arrival time on roads, one colour per station's area, grey gaps.

As data (``…_style``, no QGIS: ``styles/reach_*.qml``) and on a layer (``style_reach_…``, which reads
the layer's own stations and longest arrival time).
"""
import numpy as np

from ..core.standards.fire_stations import TIME_RULE_MIN
from .qml import Categorized, Graduated, SingleSymbol, Style, apply_style, fill, line, marker, rgba

STATION_PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
                   "#bcbd22", "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94")
ARRIVAL_COLOURS = ("#1a9850", "#91cf60", "#d9ef8b", "#fee08b", "#fc8d59", "#d73027")
AREA_OPACITY = 0.55


def reach_edges_style(top_minutes=TIME_RULE_MIN):
    """Arrival time on the roads in one-minute classes up to ``top_minutes``, green to red."""
    steps = max(int(round(top_minutes)), 1)
    ranges = []
    for i in range(steps):
        colour = ARRIVAL_COLOURS[min(int(i * len(ARRIVAL_COLOURS) / steps), len(ARRIVAL_COLOURS) - 1)]
        upper = top_minutes if i == steps - 1 else i + 1
        ranges.append((float(i), float(upper), f"{i}–{upper:g} min", line(colour, 0.5)))
    return Style(Graduated("arrival_min", tuple(ranges)))


def reach_bands_style(top_minutes=TIME_RULE_MIN, band_min=1.0):
    """The reached roads by time band (``band_to_min``), in the arrival colours, green to red."""
    steps = max(int(np.ceil(top_minutes / band_min - 1e-9)), 1)
    ranges = []
    for i in range(steps):
        colour = ARRIVAL_COLOURS[min(int(i * len(ARRIVAL_COLOURS) / steps), len(ARRIVAL_COLOURS) - 1)]
        lower, upper = i * band_min, min((i + 1) * band_min, top_minutes)
        ranges.append((float(lower), float(upper), f"{lower:g}–{upper:g} min", line(colour, 0.8)))
    return Style(Graduated("band_to_min", tuple(ranges)))


def _area_symbol(colour):
    return fill(colour, "#333333", 0.2, opacity=AREA_OPACITY)


def reach_areas_style(stations=None):
    """One colour per station's area (``stations``: (station_id, name) in layer order, colours cycling
    through the palette); without stations (a QML for any layer): one translucent colour for all."""
    if stations is None:
        return Style(SingleSymbol(_area_symbol(STATION_PALETTE[0])))
    return Style(Categorized("station_id", tuple(
        (station_id, f"{station_id} {name or ''}".strip(), _area_symbol(STATION_PALETTE[i % len(STATION_PALETTE)]))
        for i, (station_id, name) in enumerate(stations))))


GAP_COLOUR, GAP_OUTLINE = "#E34A33", "#B30000"  # land no station reaches in time: red, so the gaps stand out


def reach_gaps_style():
    return Style(SingleSymbol(fill(rgba(GAP_COLOUR, 0.45), GAP_OUTLINE, 0.3)))


def reach_targets_style():
    return Style(Categorized("covered", ((True, "covered", marker("circle", "#1a9850", None, 1.6)),
                                         (False, "not covered", marker("circle", "#d73027", None, 1.6)))))


def style_reach_edges(layer):
    latest = layer.maximumValue(layer.fields().indexOf("arrival_min"))  # the provider's MAX: no loop over edges
    latest = float(latest) if isinstance(latest, (int, float)) else None
    apply_style(layer, reach_edges_style(latest if latest is not None else float(TIME_RULE_MIN)))


def style_reach_bands(layer):
    rows = [(f["band_from_min"], f["band_to_min"]) for f in layer.getFeatures()]
    widths = [b - a for a, b in rows if a is not None and b is not None and b > a]
    apply_style(layer, reach_bands_style(max([b for _a, b in rows if b is not None] or [float(TIME_RULE_MIN)]),
                                         max(widths) if widths else 1.0))


def style_reach_areas(layer):
    apply_style(layer, reach_areas_style([(f["station_id"], f["name"]) for f in layer.getFeatures()]))


def style_reach_gaps(layer):
    apply_style(layer, reach_gaps_style())


def style_reach_targets(layer):
    apply_style(layer, reach_targets_style())
