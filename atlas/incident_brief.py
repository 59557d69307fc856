"""The incident brief (``riskatlas:incidentsurroundings`` OUTPUT_BRIEF): one A4 page per incident in the
report language — the map of the incident with its rings, the roads and the nearest responders; the ring
table; the responders table; how the figures were made. Laid out here (positions in mm, ``ITEMS``), written
as one PDF by ``QgsLayoutExporter`` like the atlas (``atlas.export``: text as text, the CJK family of
``support.fonts``)."""
from datetime import datetime

import numpy as np
from qgis.core import (QgsCategorizedSymbolRenderer, QgsFillSymbol, QgsLayoutExporter, QgsLayoutItem,
                       QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLayoutItemMap,
                       QgsLayoutPoint, QgsLayoutSize, QgsLineSymbol,
                       QgsMarkerSymbol, QgsPalLayerSettings, QgsPrintLayout, QgsProject, QgsRectangle,
                       QgsRendererCategory, QgsTextFormat, QgsUnitTypes, QgsVectorLayerSimpleLabeling)
from qgis.PyQt.QtGui import QFont

from ..layers.atomic import atomic_output
from ..support.fonts import cjk_family, resolve_layout_fonts, text_format_with_families
from .export import pdf_settings
from .page_parts import km_scalebar, legend_text, manual_table, memory_layer

PAGE_MM = (210.0, 297.0)
ITEMS = {"title": (12, 9, 186, 9), "subtitle": (12, 18.5, 186, 5), "map": (12, 25, 186, 128),
         "rings_heading": (12, 156, 186, 5), "rings": (12, 162, 186, 32), "responders_heading": (12, 197, 186, 5),
         "responders": (12, 203, 186, 64), "note": (12, 269, 186, 20)}  # x, y, width, height (mm)
CELL_MARGIN_MM = 1.0
LEGEND_PT = 7.0
RING_SHARES = (0.9, 1.1, 1.1, 1.2, 1.0, 1.1, 2.0)
RESPONDER_SHARES = (1.2, 0.5, 0.9, 3.4, 1.1, 1.3)
MARKERS = {"key_targets": ("diamond", "#7b3294"), "hazard_units": ("pentagon", "#ff7f00")}
KIND_STYLE = {"fire_stations": ("circle", "#d7191c"), "rescue_teams": ("square", "#2c7bb6"),
              "supply_depots": ("triangle", "#1a9641")}
WORDS = {
    "title": ("突发事件周边情况简报 — {0}", "Incident brief — {0}"),
    "subtitle": ("生成于 {0} · 圈层 {1} m · 坐标系 {2}", "Made {0} · rings {1} m · CRS {2}"),
    "rings_heading": ("圈层内情况（累计：距事件 ≤ r）", "Within each ring (cumulative: ≤ r from the incident)"),
    "responders_heading": ("最近的救援力量（按到达时间）", "Nearest responders (by arrival)"),
    "ring_columns": (("圈层 (m)", "常住人口", "重点目标 (个)", "重点目标容纳 (人)", "企业 (家)", "危险源单元 (个)",
                      "避难场所剩余容量 (人)"),
                     ("Ring (m)", "Residents", "Key targets", "Occupancy", "Enterprises", "Hazard units",
                      "Shelters' spare capacity")),
    "responder_columns": (("类别", "序", "编号", "名称", "到达 (min)", "直线距离 (km)"),
                          ("Kind", "#", "Id", "Name", "Arrival (min)", "Straight line (km)")),
    "kinds": ({"fire_stations": "消防站", "rescue_teams": "救援队伍", "supply_depots": "物资储备库"},
              {"fire_stations": "Fire station", "rescue_teams": "Rescue team", "supply_depots": "Supply depot"}),
    "minutes": ("分钟", "min"),
    "layer_names": ({"responders": "救援力量（编号 到达时间）", "incident": "事件位置", "key_targets": "重点防护目标",
                     "hazard_units": "危险源单元",
                     "rings": "圈层"},
                    {"responders": "Responders (id, arrival)", "incident": "Incident", "key_targets": "Key targets",
                     "hazard_units": "Hazard units",
                     "rings": "Rings"}),
    "no_responders": ("未给出救援力量图层，或无可到达者。", "No responder layers given, or none can reach."),
    "note": ("到达时间 = 出动时间 + 路网行驶至距事件 {0:g} m 内最近的道路点（与消防站覆盖分析相同的规则）；"
             "无道路时仅按直线距离列出。人口按面积分摊；剩余容量 = 容量 − 人均避难场所面积分析分配的居民（不低于 0）。"
             "事件本身不计入其圈层。",
             "Arrival = turnout + driving to the nearest road point within {0:g} m of the incident (the fire-station "
             "reach's rules); without roads, by straight-line distance only. Residents apportioned by area; spare "
             "capacity = capacity − the residents the shelter analysis assigns (never below 0). The incident's own "
             "feature is not counted in its rings."),
}


def _w(key, language):
    return WORDS[key][0 if language == "zh" else 1]


def _number(value, digits=0):
    return "—" if value is None or value != value else f"{value:,.{digits}f}"


def _memory_layer(project, frame, geometry, name, crs, fields):
    return memory_layer(project, frame, geometry, name, crs, fields)


def _points_in(project, geoms, largest, incident, role, crs):
    """The features of ``geoms`` in the largest ring (the incident's own left out) as points, in ``role``'s
    symbol."""
    import geopandas as gpd
    import shapely

    located = geoms[~(shapely.is_missing(geoms) | shapely.is_empty(geoms))]
    inside = located[shapely.STRtree(located).query(largest, predicate="intersects")] if len(located) else located
    inside = inside[~shapely.equals(inside, incident)]
    layer = _memory_layer(project, gpd.GeoDataFrame({"n": np.ones(len(inside), dtype=int)},
                                                    geometry=shapely.point_on_surface(inside)), "Point", role, crs,
                          (("n", "int"),))
    shape, colour = MARKERS[role]
    layer.renderer().setSymbol(QgsMarkerSymbol.createSimple({"name": shape, "color": colour, "size": "2.0",
                                                             "outline_color": "white"}))
    return layer


def _map_layers(project, rings, responders, incident, roads, crs, language, key_targets=None, hazard_units=None):
    """(layers top first, the extent): the roads near the incident, its rings, the key targets in them, the
    incident, the responders."""
    import geopandas as gpd
    import shapely

    largest = rings.geometry.values[-1]
    listed = responders.geometry.values[responders["rank"].to_numpy() == 1] if len(responders) else []
    extent = shapely.union_all(np.concatenate([[largest], np.asarray(listed, dtype=object)]))
    xmin, ymin, xmax, ymax = shapely.bounds(extent)
    grow = 0.06 * max(xmax - xmin, ymax - ymin)
    box = shapely.box(xmin - grow, ymin - grow, xmax + grow, ymax + grow)
    layers = []
    kinds = _w("kinds", language)
    minutes = _w("minutes", language)
    frame = responders.assign(label=[f"{r.responder_id} {_number(r.arrival_min, 1)} {minutes}"
                                     if r.arrival_min == r.arrival_min else str(r.responder_id)
                                     for r in responders.itertuples()])
    points = _memory_layer(project, gpd.GeoDataFrame(frame, geometry="geometry"), "Point", "responders", crs,
                           (("kind", "string"), ("label", "string")))
    points.setRenderer(QgsCategorizedSymbolRenderer("kind", [QgsRendererCategory(
        kind, QgsMarkerSymbol.createSimple({"name": shape, "color": colour, "size": "2.6", "outline_color": "white"}),
        kinds[kind]) for kind, (shape, colour) in KIND_STYLE.items()]))
    _label(points, "label", 7.0)
    layers.append(points)
    spot = _memory_layer(project, gpd.GeoDataFrame({"n": [1]}, geometry=[incident]), "Polygon" if incident.geom_type
                         .endswith("Polygon") else "Point", "incident", crs, (("n", "int"),))
    spot.renderer().setSymbol(QgsFillSymbol.createSimple({"color": "#e31a1c", "outline_color": "#67000d"})
                              if incident.geom_type.endswith("Polygon") else
                              QgsMarkerSymbol.createSimple({"name": "star", "color": "#e31a1c", "size": "5",
                                                            "outline_color": "#67000d"}))
    layers.append(spot)
    ring_layer = _memory_layer(project, gpd.GeoDataFrame({"ring": [f"{r:g} m" for r in rings["ring_m"]]},
                                                         geometry=rings.geometry.values), "MultiPolygon", "rings", crs,
                               (("ring", "string"),))
    ring_layer.renderer().setSymbol(QgsFillSymbol.createSimple({"color": "255,80,0,28", "outline_color": "#b2182b",
                                                                "outline_width": "0.5", "outline_style": "dash"}))
    _label(ring_layer, "ring", 7.5, perimeter=True)
    layers.append(ring_layer)
    if roads is not None:
        near = roads[shapely.STRtree(roads).query(box, predicate="intersects")]
        road_layer = _memory_layer(project, gpd.GeoDataFrame({"n": np.ones(len(near), dtype=int)}, geometry=near),
                                   "LineString", "roads", crs, (("n", "int"),))
        road_layer.renderer().setSymbol(QgsLineSymbol.createSimple({"color": "#9e9e9e", "width": "0.2"}))
        layers.append(road_layer)
    for role, geoms in (("hazard_units", hazard_units), ("key_targets", key_targets)):
        if geoms is not None:
            layers.insert(2, _points_in(project, np.asarray(geoms, dtype=object), largest, incident, role, crs))
    for layer in layers:
        role = layer.name()  # the memory layers are made under their role's name
        layer.setCustomProperty("riskatlas/role", role)
        if role != "roads":
            layer.setName(_w("layer_names", language)[role])
    return layers, QgsRectangle(*(float(v) for v in shapely.bounds(box)))


def _label(layer, field, size, perimeter=False):
    settings = QgsPalLayerSettings()
    settings.fieldName = field
    text_format = QgsTextFormat()
    text_format.setSize(size)
    text_format_with_families(text_format)
    buffer = text_format.buffer()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    text_format.setBuffer(buffer)
    settings.setFormat(text_format)
    if perimeter:
        settings.placement = QgsPalLayerSettings.Line
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def _place(item, key, page, layout):
    x, y, width, height = ITEMS[key]
    layout.addLayoutItem(item)  # first: a map item sized before it is in a layout keeps an empty extent
    item.attemptResize(QgsLayoutSize(width, height, QgsUnitTypes.LayoutMillimeters))
    item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters), page=page)


def _text(layout, key, page, text, size, bold=False):
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    font = QFont(cjk_family() or "Sans", 1)
    font.setPointSizeF(size)
    font.setBold(bold)
    label.setFont(font)
    _place(label, key, page, layout)
    return label


def _table(layout, key, page, headings, rows, shares, size=7.5):
    return manual_table(layout, ITEMS[key], headings, rows, shares, CELL_MARGIN_MM, size, page=page)


def _scalebar_and_legend(layout, map_item, page, layers, language):
    """A scale bar in km at the map's lower left, a legend of the map's layers at its upper left."""
    x, y, _width, height = ITEMS["map"]
    km_scalebar(layout, map_item, x + 3, y + height - 12, page=page)
    legend = QgsLayoutItemLegend(layout)
    layout.addLayoutItem(legend)
    legend.setTitle("")
    legend.setLinkedMap(map_item)
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for layer in layers:  # the responders, the incident, the key targets, the rings (not the roads)
        if layer.customProperty("riskatlas/role") != "roads":
            root.addLayer(layer)
    legend_text(legend, LEGEND_PT)
    legend.setSymbolWidth(4)
    legend.setSymbolHeight(3)
    legend.setBackgroundEnabled(True)
    legend.setFrameEnabled(True)
    legend.adjustBoxSize()
    legend.setReferencePoint(QgsLayoutItem.LowerRight)
    legend.attemptMove(QgsLayoutPoint(x + _width - 2, y + height - 2, QgsUnitTypes.LayoutMillimeters), page=page)


def _page(layout, page, incident_id, rings, responders, incident, roads, crs, about, project, language):
    ring_list = "/".join(f"{r:g}" for r in rings["ring_m"])
    name = about.get("names", {}).get(str(incident_id))
    _text(layout, "title", page, _w("title", language).format(f"{incident_id} {name}" if name else incident_id), 15,
          bold=True)
    _text(layout, "subtitle", page, _w("subtitle", language).format(datetime.now().strftime("%Y-%m-%d %H:%M"),
                                                                    ring_list, crs.authid()), 8)
    layers, extent = _map_layers(project, rings, responders, incident, roads, crs, language,
                                 about.get("key_targets"), about.get("hazard_units"))
    map_item = QgsLayoutItemMap(layout)
    _place(map_item, "map", page, layout)
    map_item.setCrs(crs)
    map_item.setLayers(layers)
    map_item.zoomToExtent(extent)
    map_item.setFrameEnabled(True)
    _scalebar_and_legend(layout, map_item, page, layers, language)
    _text(layout, "rings_heading", page, _w("rings_heading", language), 9.5, bold=True)
    _table(layout, "rings", page, _w("ring_columns", language), [
        [f"{r.ring_m:g}", _number(r.residents), _number(r.key_targets), _number(r.key_target_occupancy),
         _number(r.enterprises), _number(r.hazard_units), _number(r.shelter_spare_capacity)]
        for r in rings.itertuples()], RING_SHARES)
    _text(layout, "responders_heading", page, _w("responders_heading", language), 9.5, bold=True)
    kinds = _w("kinds", language)
    rows = [[kinds.get(r.kind, r.kind), str(r.rank), str(r.responder_id), "" if r.name is None else str(r.name),
             _number(r.arrival_min, 1), _number(r.distance_m / 1000, 2)] for r in responders.itertuples()]
    _table(layout, "responders", page, _w("responder_columns", language),
           rows or [[_w("no_responders", language)] + [""] * 5], RESPONDER_SHARES)
    _text(layout, "note", page, _w("note", language).format(about["options"].access_distance), 6.5)


def write_brief(path, rings, responders, incidents, crs, language, about, context=None):
    """Write the brief PDF to ``path`` (whole or not at all): one page per incident, in ``language``."""
    project = QgsProject()
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(*PAGE_MM, QgsUnitTypes.LayoutMillimeters))
    network = about.get("network")
    roads = network.parts if network is not None else None
    ids = list(dict.fromkeys(rings["incident_id"]))
    for page, incident_id in enumerate(ids):
        if page:
            layout.pageCollection().extendByNewPage()
        _page(layout, page, incident_id, rings[rings["incident_id"] == incident_id],
              responders[responders["incident_id"] == incident_id] if len(responders) else responders,
              incidents[page], roads, crs, about, project, language)
    resolve_layout_fonts(layout)
    with atomic_output(path) as partial:
        result = QgsLayoutExporter(layout).exportToPdf(partial, pdf_settings(200))
        if result != QgsLayoutExporter.Success:
            raise IOError(f"PDF export failed (code {int(result)})")
    return path

