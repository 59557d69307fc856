"""Styles of the fire-station reach outputs: arrival time on roads, one colour per station's area, grey gaps."""

STATION_PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
                   "#bcbd22", "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94")
ARRIVAL_COLOURS = ("#1a9850", "#91cf60", "#d9ef8b", "#fee08b", "#fc8d59", "#d73027")


def style_reach_edges(layer):
    from qgis.core import QgsGraduatedSymbolRenderer, QgsLineSymbol, QgsRendererRange

    values = [f["arrival_min"] for f in layer.getFeatures()]
    top = max([v for v in values if v is not None] or [5.0])
    steps = max(int(round(top)), 1)
    renderer = QgsGraduatedSymbolRenderer("arrival_min")
    for i in range(steps):
        colour = ARRIVAL_COLOURS[min(int(i * len(ARRIVAL_COLOURS) / steps), len(ARRIVAL_COLOURS) - 1)]
        symbol = QgsLineSymbol.createSimple({"color": colour, "width": "0.5"})
        hi = top if i == steps - 1 else i + 1
        renderer.addClassRange(QgsRendererRange(float(i), float(hi), symbol, f"{i}–{hi:g} min"))
    layer.setRenderer(renderer)


def style_reach_areas(layer):
    from qgis.core import QgsCategorizedSymbolRenderer, QgsFillSymbol, QgsRendererCategory

    categories = []
    for i, feature in enumerate(layer.getFeatures()):
        colour = STATION_PALETTE[i % len(STATION_PALETTE)]
        symbol = QgsFillSymbol.createSimple({"color": colour, "outline_color": "#333333", "outline_width": "0.2"})
        symbol.setOpacity(0.55)
        label = f"{feature['station_id']} {feature['name'] or ''}".strip()
        categories.append(QgsRendererCategory(feature["station_id"], symbol, label))
    layer.setRenderer(QgsCategorizedSymbolRenderer("station_id", categories))


def style_reach_gaps(layer):
    from qgis.core import QgsFillSymbol, QgsSingleSymbolRenderer

    symbol = QgsFillSymbol.createSimple({"color": "200,200,200,90", "outline_color": "#999999",
                                         "outline_width": "0.1", "style": "solid"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))


def style_reach_targets(layer):
    from qgis.core import QgsCategorizedSymbolRenderer, QgsMarkerSymbol, QgsRendererCategory

    categories = [QgsRendererCategory(True, QgsMarkerSymbol.createSimple({"name": "circle", "color": "#1a9850",
                                                                          "size": "1.6"}), "covered"),
                  QgsRendererCategory(False, QgsMarkerSymbol.createSimple({"name": "circle", "color": "#d73027",
                                                                           "size": "1.6"}), "not covered")]
    layer.setRenderer(QgsCategorizedSymbolRenderer("covered", categories))
