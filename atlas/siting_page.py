"""The fire-station siting page (``riskatlas:firestationsiting`` OUTPUT_PAGE): one A4 landscape page in the atlas's
style — the map of the study area with the existing stations (red stars), the chosen sites (hollow stars with their
rank) and the demand still out of reach (hatched in red where a candidate could reach it, solid where none can); the
coverage before and after; the chosen sites ranked with the residents each adds. Laid out here (positions in mm,
``ITEMS``), symbols from ``atlas.symbols``, legend from ``atlas.items``, written as one PDF like the atlas
(``atlas.export.pdf_settings``: text as text, the CJK family of ``support.fonts``)."""
import numpy as np
from qgis.core import (QgsFillSymbol, QgsLayoutExporter, QgsLayoutItemLabel,
                       QgsLayoutItemLegend, QgsLayoutItemMap, QgsLayoutPoint, QgsLayoutSize, QgsPrintLayout, QgsProject, QgsRectangle,
                       QgsRuleBasedRenderer, QgsSingleSymbolRenderer, QgsUnitTypes)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

from ..core.siting.tables import MEASURE_LABELS, measure_label
from ..layers.atomic import atomic_output
from ..layers.siting_style import UNCOVERED_WORDS
from ..support.fonts import cjk_family, resolve_layout_fonts
from . import text as T
from .page_parts import km_scalebar, legend_text, manual_table, memory_layer
from .export import pdf_settings
from .items import fill_legend
from .symbols import STATION_COLOUR, gap_symbol, hollow_symbol, style_points, style_townships_plain

PAGE_MM = (297.0, 210.0)
ITEMS = {"title": (12, 8, 273, 9), "subtitle": (12, 17.5, 273, 5.5), "map": (12, 25, 178, 170),
         "legend": (196, 25, 89, 40), "summary_heading": (196, 72, 89, 5), "summary": (196, 78, 89, 32),
         "sites_heading": (196, 114, 89, 5), "sites": (196, 120, 89, 54), "note": (196, 176, 89, 19),
         "footer": (12, 198, 273, 5)}  # x, y, width, height (mm)
CELL_MARGIN_MM = 1.0
LEGEND_TITLE_PT, LEGEND_PT = 9.5, 8.0
SUMMARY_SHARES = (2.0, 1.0, 1.0, 1.5)
SITE_SHARES = (0.6, 1.1, 1.1, 1.3, 1.2)
UNREACHABLE_FILL = "120,0,0,200"  # demand no candidate reaches: dark red, solid
WORDS = {
    "title": ("消防站选址：新建 {n} 站（{objective}，{t} 分钟）", "Fire-station siting: {n} new stations ({objective}, {t} min)"),
    "subtitle": ("现状 {s0} 站 {t} 分钟内可达 {r0} 人（{p0}）→ 新建后 {s1} 站 {r1} 人（{p1}），新增 {d} 人",
                 "Today {s0} stations reach {r0} residents within {t} min ({p0}) → with the new sites {s1} stations "
                 "reach {r1} ({p1}), {d} more"),
    "summary_heading": ("覆盖变化", "Coverage before and after"),
    "summary_columns": (("指标", "现状", "新建后", "变化"), ("Measure", "Before", "After", "Change")),
    "sites_heading": ("选定站址（按新增覆盖排序）", "Chosen sites (ranked by added coverage)"),
    "site_columns": (("名次", "站址", "所在道路", "新增覆盖人口", "累计覆盖率"),
                     ("Rank", "Site", "Road", "Residents added", "Share after")),
    "points": (" 个百分点", " pp"),
    "existing": ("现有消防站", "Existing fire station"),
    "chosen": ("新建站址（名次）", "New site (rank)"),
    **UNCOVERED_WORDS,  # coverable / unreachable: as the siting output's legend on the map
    "townships": ("镇街", "Township"),
    "legend": ("图例", "Legend"),
    "note": ("覆盖按消防站到达范围分析的用地规则计算：到场时间 = 出动时间 + 路网行驶，≤ 时限即为可达。新建站址"
             "为求解所得的最优组合，名次为组合内依次加入时的新增覆盖（各站新增之和等于总增量）。",
             "Coverage follows the fire-station reach's land rule: arrival = turnout + driving on the road network, "
             "in time when ≤ the limit. The sites are the optimal set found; the rank orders them by the coverage "
             "each adds in turn (the additions sum to the total)."),
}


def _w(key, language):
    return WORDS[key][0 if language == "zh" else 1]


def _layer(project, frame, geometry, name, crs, fields):
    return memory_layer(project, frame, geometry, name, crs, fields)


def _place(layout, item, key):
    x, y, width, height = ITEMS[key]
    layout.addLayoutItem(item)  # first: a map item sized before it is in a layout keeps an empty extent
    item.attemptResize(QgsLayoutSize(width, height, QgsUnitTypes.LayoutMillimeters))
    item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))


def _text(layout, key, text, size, bold=False, colour=None):
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    font = QFont(cjk_family() or "Sans", 1)
    font.setPointSizeF(size)
    font.setBold(bold)
    label.setFont(font)
    if colour is not None:
        label.setFontColor(QColor(colour))
    _place(layout, label, key)
    from ..support import compat

    compat.wrap_cjk_label(label)
    return label


def _table(layout, key, headings, rows, shares, size=7.5):
    return manual_table(layout, ITEMS[key], headings, rows, shares, CELL_MARGIN_MM, size)


def _value(value, unit):
    if value is None or value != value:
        return "—"
    return f"{T.decimal(value, 1)}%" if unit == "%" else T.decimal(value, 1) if unit == "weight" else T.integer(value)


def _change(value, unit, language):
    """+81,950; a share's change in percentage points (+16.4 个百分点)."""
    if value is None or value != value:
        return "—"
    sign = "+" if value > 0 else ""
    if unit == "%":
        return f"{sign}{T.decimal(value, 1)}{_w('points', language)}"
    return sign + _value(value, unit)


def summary_rows(summary, language):
    """The before/after table as printed: measure, before, after, change (the measures the page names; the weighted
    demand only when weights differ from residents)."""
    by = {row.measure: (row.before, row.after) for row in summary.itertuples()}
    rows = []
    for row in summary.itertuples():
        if row.measure not in MEASURE_LABELS:  # (the targets per risk level stay in the table, not on the page)
            continue
        if row.measure == "weighted demand covered" and all(
                abs(w - r) < 0.5 for w, r in zip(by[row.measure], by.get("residents covered", (None, None)))
                if w is not None and r is not None):
            continue  # residents only: the same figures
        rows.append([measure_label(row.measure, language), _value(row.before, row.unit), _value(row.after, row.unit),
                     _change(row.change, row.unit, language)])
    return rows


def _figures(summary):
    by = {row.measure: (row.before, row.after) for row in summary.itertuples()}
    return by["fire stations"], by["residents covered"], by["residents covered share"]


def _map_layers(project, sites, uncovered, stations, townships, crs, language):
    """(layers top first, legend entries, extent)."""
    import geopandas as gpd
    import shapely

    layers, legend = [], []
    chosen = _layer(project, gpd.GeoDataFrame({"rank": sites["rank"].to_numpy(dtype=np.int64)},
                                              geometry=sites.geometry.values), "Point", _w("chosen", language), crs,
                    (("rank", "int"),))
    style_points(chosen, "star", STATION_COLOUR, 6.0, '"rank"', "#800000", 12.0, priority=10)
    chosen.setRenderer(QgsSingleSymbolRenderer(hollow_symbol("star", STATION_COLOUR, 6.5)))
    existing = _layer(project, gpd.GeoDataFrame({"n": np.ones(len(stations), dtype=np.int64)},
                                                geometry=stations.geometry.values), "Point",
                      _w("existing", language), crs, (("n", "int"),))
    style_points(existing, "star", STATION_COLOUR, 4.2)
    layers += [chosen, existing]
    legend += [(chosen, _w("chosen", language), True, None), (existing, _w("existing", language), True, None)]
    area = np.asarray(townships.geometry.values if townships is not None else [], dtype=object)
    if townships is not None and len(townships):
        names = townships["name"].astype(str).to_numpy() if "name" in townships.columns else np.full(len(area), "")
        towns = _layer(project, gpd.GeoDataFrame({"name": names}, geometry=area), "MultiPolygon",
                       _w("townships", language), crs, (("name", "string"),))
        style_townships_plain(towns, 8.0, priority=8)
        layers.append(towns)
        legend.append((towns, _w("townships", language), True, None))
    residents = uncovered[uncovered["kind"] == "residents"] if len(uncovered) else uncovered
    if len(residents):
        gaps = _layer(project, gpd.GeoDataFrame({"coverable": residents["coverable"].astype(bool).to_numpy()},
                                                geometry=residents.geometry.values), "MultiPolygon",
                      _w("coverable", language), crs, (("coverable", "bool"),))
        root = QgsRuleBasedRenderer.Rule(None)
        unreachable = QgsFillSymbol.createSimple({"color": UNREACHABLE_FILL, "outline_style": "no"})
        reachable = gap_symbol()
        reachable.symbolLayer(0).setStrokeStyle(Qt.NoPen)  # thousands of small regions: no outlines
        for label, expression, symbol in ((_w("coverable", language), '"coverable"', reachable),
                                          (_w("unreachable", language), 'NOT "coverable"', unreachable)):
            root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, expression, label))
        gaps.setRenderer(QgsRuleBasedRenderer(root))
        layers.append(gaps)
        legend.append((gaps, _w("coverable", language), True, None))
    everything = np.concatenate([area, np.asarray(sites.geometry.values, dtype=object),
                                 np.asarray(stations.geometry.values, dtype=object)])
    xmin, ymin, xmax, ymax = shapely.bounds(shapely.union_all(everything[~shapely.is_missing(everything)]))
    grow = 0.03 * max(xmax - xmin, ymax - ymin)
    return layers, legend, QgsRectangle(xmin - grow, ymin - grow, xmax + grow, ymax + grow)


def _legend(layout, map_item, entries, language):
    legend = QgsLayoutItemLegend(layout)
    _place(layout, legend, "legend")
    legend.setLinkedMap(map_item)
    legend.setResizeToContents(True)
    legend.setColumnCount(1)
    legend_text(legend, LEGEND_PT, LEGEND_TITLE_PT)
    legend.setSymbolWidth(5)
    legend.setSymbolHeight(3.5)
    fill_legend(legend, entries, _w("legend", language))
    return legend


def _scalebar(layout, map_item):
    x, y, _width, height = ITEMS["map"]
    km_scalebar(layout, map_item, x + 3, y + height - 3, lower_left=True)


def page_texts(summary, sites, objective, time_limit, language):
    """(title, subtitle) of the page, from the before/after table."""
    (s0, s1), (r0, r1), (p0, p1) = _figures(summary)
    title = _w("title", language).format(n=len(sites), objective=objective, t=T.decimal(time_limit, 0))
    subtitle = _w("subtitle", language).format(s0=T.integer(s0), s1=T.integer(s1), t=T.decimal(time_limit, 0),
                                              r0=T.integer(r0), r1=T.integer(r1), d=T.integer(r1 - r0),
                                              p0=_value(p0, "%"), p1=_value(p1, "%"))
    return title, subtitle


def write_siting_page(path, plan, stations, townships, crs, objective, time_limit, language, footer=""):
    """Write the siting page of ``plan`` (core.siting.plan.SitingPlan) to the PDF ``path`` (whole or not at all).
    ``stations``, ``townships`` (or None): GeoDataFrames in ``crs`` (a QgsCoordinateReferenceSystem)."""
    project = QgsProject()
    project.setCrs(crs)
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(*PAGE_MM, QgsUnitTypes.LayoutMillimeters))
    title, subtitle = page_texts(plan.summary, plan.sites, objective, time_limit, language)
    _text(layout, "title", title, 15, bold=True)
    _text(layout, "subtitle", subtitle, 8.5)
    layers, entries, extent = _map_layers(project, plan.sites, plan.uncovered, stations, townships, crs, language)
    map_item = QgsLayoutItemMap(layout)
    _place(layout, map_item, "map")
    map_item.setCrs(crs)
    map_item.setLayers(layers)
    map_item.zoomToExtent(extent)
    map_item.setFrameEnabled(True)
    _scalebar(layout, map_item)
    _legend(layout, map_item, entries, language)
    _text(layout, "summary_heading", _w("summary_heading", language), 9.5, bold=True)
    _table(layout, "summary", _w("summary_columns", language), summary_rows(plan.summary, language), SUMMARY_SHARES)
    _text(layout, "sites_heading", _w("sites_heading", language), 9.5, bold=True)
    rows = [[str(int(r.rank)), str(r.site_id), "" if r.road_id is None else str(r.road_id),
             "+" + T.integer(r.added_residents), _value(r.residents_pct_after, "%")] for r in plan.sites.itertuples()]
    _table(layout, "sites", _w("site_columns", language), rows, SITE_SHARES)
    _text(layout, "note", _w("note", language), 7.0, colour="#404040")
    _text(layout, "footer", footer, 7.0, colour="#7F7F7F")
    resolve_layout_fonts(layout)
    with atomic_output(path) as partial:
        result = QgsLayoutExporter(layout).exportToPdf(partial, pdf_settings(200))
        if result != QgsLayoutExporter.Success:
            raise IOError(f"PDF export failed (code {int(result)})")
    project.clear()
    return path


def page_footer(crs, language):
    """The foot of the page as the atlas's: the CRS, then the plugin and QGIS versions."""
    from ..support.i18n import plugin_version
    from .build import qgis_version

    return T.crs_note(crs.description(), crs.authid(), language) + T.text(
        "made_with", language, version=plugin_version(), qgis=qgis_version())
