"""The scenario comparison's page (``riskatlas:comparescenarios`` OUTPUT_PAGE): one landscape page in the atlas's
look — its paper sizes (A3/A4, drawn for A3 and scaled as ``tools/build_atlas_templates.py`` does), header,
colours, CJK fonts, number formats (``atlas.text``) and symbols (``atlas.symbols``). The map: townships shaded
by the change in residents covered by fire stations in time, the new stations' reach outlined, targets that
gained or lost coverage marked; beside it the county's figures, the legend and the townships' before/after table.
Laid out here in millimetres (``ITEMS``), written as one PDF by ``QgsLayoutExporter`` like the atlas."""
import datetime

import numpy as np
from qgis.core import (QgsLayoutExporter, QgsLayoutFrame, QgsLayoutItemLabel, QgsLayoutItemLegend,
                       QgsLayoutItemManualTable, QgsLayoutItemMap, QgsLayoutItemShape,
                       QgsLayoutPoint, QgsLayoutSize, QgsLayoutTable, QgsLayoutTableColumn, QgsPalLayerSettings, QgsPrintLayout,
                       QgsProject, QgsRectangle, QgsSingleSymbolRenderer, QgsTableCell, QgsTextFormat, QgsUnitTypes,
                       QgsVectorLayerSimpleLabeling)
from qgis.PyQt.QtCore import QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont

from ..core.scenarios import RESIDENTS_TOLERANCE
from ..layers.atomic import atomic_output
from ..support import compat
from ..support.fonts import cjk_family, resolve_layout_fonts, text_format_with_families
from ..support.i18n import plugin_version
from . import items
from . import text as T
from .page_parts import km_scalebar, legend_text, memory_layer
from .export import pdf_settings
from .symbols import _blocking, _fill, _labels, _point_symbol, _rule_renderer, point_scale

A3, A4 = (420.0, 297.0), (297.0, 210.0)
ACCENT, GREY, INK = "#1F4E79", "#595959", "#1A1A1A"  # the atlas templates' colours (tools/atlas_designer.py)
ITEMS = {"title": (12, 10, 396, 15), "subtitle": (12, 27, 396, 7), "rule": (12, 37.5, 396, 0.6),
         "map": (12, 42, 236, 230), "figures_heading": (256, 42, 152, 6), "figures": (256, 49.5, 152, 22),
         "legend": (256, 74, 152, 44), "towns_heading": (256, 122, 152, 6), "towns": (256, 129, 152, 118),
         "note": (256, 250, 152, 22), "crs_note": (12, 274, 236, 5), "footer_rule": (12, 282, 396, 0.3),
         "made_with": (308, 283.5, 100, 5)}  # x, y, width, height in A3 mm
TOWN_SHARES = (1.3, 1.2, 1.2, 1.0, 1.25, 1.25)
GAINED, LOST, NEW_REACH = "#2C7BB6", "#D7191C", "#08306B"  # markers and outline stand out on the greens
INCREASE = ("#E5F5E0", "#A1D99B", "#41AB5D")  # small, medium, large gains (light to mid green: names stay legible)
LEGEND_PT = 8.5
WORDS = {
    "title": ("方案对比：{b} → {a}", "Scenario comparison: {b} → {a}"),
    "subtitle": ("消防站{t}分钟可达人口与人均固定避难场所面积的变化 · 生成于 {d}",
                 "Residents within {t} min of a fire station and fixed-shelter area per resident · made {d}"),
    "figures": ("全县", "County"),
    "covered": ("{t}分钟可达人口：{b} → {a} 人（{c}）", "Within {t} min: {b} → {a} residents ({c})"),
    "share": ("可达人口比例：{b} → {a}", "Share of residents: {b} → {a}"),
    "targets": ("企业等目标：新增按时到达 {g} 处，不再按时到达 {l} 处", "Targets: {g} now covered in time, {l} no longer"),
    "key_targets": ("重点防护目标（救援队伍）：新增 {g} 处，减少 {l} 处", "Key targets (rescue teams): {g} gained, {l} lost"),
    "towns": ("各镇街：{t}分钟可达人口与人均避难面积", "Townships: residents within {t} min, shelter m²/person"),
    "columns": (("镇街", "可达人口（前）", "可达人口（后）", "变化", "避难 m²/人（前）", "避难 m²/人（后）"),
                ("Township", "Before", "After", "Change", "m²/p. before", "m²/p. after")),
    "total": ("全县", "County"),
    "legend": ("图例", "Legend"),
    "decrease": ("可达人口减少", "Fewer residents covered"),
    "unchanged": ("无变化", "No change"),
    "increase": ("可达人口增加 {r}", "More residents covered: {r}"),
    "gained": ("新增按时到达的目标", "Target now covered in time"),
    "lost": ("不再按时到达的目标", "Target no longer covered in time"),
    "new_reach": ("新增消防站到达范围", "New stations' reach"),
    "note": ("可达人口：各次消防站到达分析的首到人口按四色图网格人口分摊到镇街（与各次图集镇街分图相同）；人均避难面积：各次避难场所分析的镇街结果。"
             "变化小于 {r} 人不计。前 = {b}，后 = {a}。",
             "Residents covered: each run's reach analysis placed in the townships by the four-colour map's "
             "residents (as each run's township sheets print them); shelter m² per resident: each run's shelter "
             "analysis. Changes below {r} residents are not counted. Before = {b}, after = {a}."),
}


def _w(key, language, **values):
    text = WORDS[key][0 if language == "zh" else 1]
    return text.format(**values) if values else text


def signed(value):
    """'+1,234' / '−56' / '0' (residents)."""
    if value is None or value != value:
        return "—"
    if abs(value) < RESIDENTS_TOLERANCE:
        return "0"
    return ("+" if value > 0 else "−") + T.integer(abs(value))


class Page:
    """A layout and its scale: items placed by their A3 position."""

    def __init__(self, page_size):
        self.project = QgsProject()
        self.layout = QgsPrintLayout(self.project)
        self.layout.initializeDefaults()
        self.width, self.height = A3 if page_size == "A3" else A4
        self.scale = self.width / A3[0]
        self.font_scale = 1.0 if page_size == "A3" else 0.8
        self.layout.pageCollection().page(0).setPageSize(QgsLayoutSize(self.width, self.height,
                                                                       QgsUnitTypes.LayoutMillimeters))

    def place(self, item, key):
        x, y, w, h = (v * self.scale for v in ITEMS[key])
        self.layout.addLayoutItem(item)
        item.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutMillimeters))
        item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
        return item

    def label(self, key, text, size, colour=INK, bold=False, align=Qt.AlignLeft):
        label = QgsLayoutItemLabel(self.layout)
        label.setText(text)
        font = QFont(cjk_family() or "Sans")
        font.setPointSizeF(size * self.font_scale)
        font.setBold(bold)
        label.setFont(font)
        label.setFontColor(QColor(colour))
        label.setHAlign(align)
        return self.place(label, key)

    def rule(self, key, colour):
        shape = QgsLayoutItemShape(self.layout)
        shape.setShapeType(QgsLayoutItemShape.Rectangle)
        shape.setSymbol(_fill(colour, colour, 0.0))
        return self.place(shape, key)


def _memory_layer(project, frame, geometry, name, crs, fields):
    return memory_layer(project, frame, geometry, name, crs, fields)


def _nice(value):
    """A round number (1, 2, 2.5, 5 × 10ⁿ) near ``value`` for class breaks."""
    if value <= 0:
        return 0.0
    power = 10.0 ** np.floor(np.log10(value))
    return float(min((s * power for s in (1, 2, 2.5, 5, 10)), key=lambda v: abs(v - value)))


def _town_layer(page, comparison, crs, language):
    """Townships shaded by the change in residents covered (decrease / none / up to three classes of gain)."""
    import geopandas as gpd

    towns = comparison.townships
    change = towns["covered_change"].fillna(0.0).to_numpy(dtype=float)
    labels = [f"{n}\n{signed(c)}" if abs(c) >= RESIDENTS_TOLERANCE else str(n)
              for n, c in zip(towns["name"].fillna(towns["town_id"]), change)]
    frame = gpd.GeoDataFrame({"name": towns["name"], "change": change, "label": labels},
                             geometry=towns.geometry.to_numpy())
    layer = _memory_layer(page.project, frame, "MultiPolygon", "townships", crs,
                          (("name", "string"), ("change", "double"), ("label", "string")))
    tol = RESIDENTS_TOLERANCE
    top = float(change.max()) if len(change) else 0.0
    breaks = sorted({_nice(top / 3), _nice(2 * top / 3)} - {0.0})
    rules = [(_w("decrease", language), f'"change" <= -{tol}', _fill("#FDAE91", "#404040", 0.3)),
             (_w("unchanged", language), f'abs("change") < {tol}', _fill("#F2F2F2", "#404040", 0.3))]
    bounds = [tol] + [b for b in breaks if b > tol] + [None] if top >= tol else []
    shades = {1: (2,), 2: (0, 2), 3: (0, 1, 2)}.get(len(bounds) - 1, ())
    for i, (low, high) in enumerate(zip(bounds[:-1], bounds[1:])):
        shown = (f"≥ {T.integer(low)}" if high is None else f"{T.integer(max(low, 1))} – {T.integer(high)}")
        expression = f'"change" >= {low}' + ("" if high is None else f' AND "change" < {high}')
        colour = INCREASE[shades[i]]
        rules.append((_w("increase", language, r=shown), expression, _fill(colour, "#404040", 0.3)))
    layer.setRenderer(_rule_renderer(rules))
    _labels(layer, '"label"', 9.0 * page.font_scale, "#262626", priority=8)
    settings = QgsPalLayerSettings(layer.labeling().settings())
    settings.placement = compat.LABEL_HORIZONTAL  # inside the township, clear of the changed targets' markers
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    return layer


def _target_layer(page, comparison, crs, language):
    import geopandas as gpd

    changes = comparison.changes
    picked = changes[changes["unit"].eq("min") & changes["status"].isin(("gained", "lost"))]
    frame = gpd.GeoDataFrame({"status": picked["status"].to_numpy(dtype=object)}, geometry=picked.geometry.to_numpy())
    layer = _memory_layer(page.project, frame, "Point", "targets", crs, (("status", "string"),))
    size = 3.2 * point_scale("A3" if page.scale == 1 else "A4")
    layer.setRenderer(_rule_renderer([
        (_w("gained", language), "\"status\" = 'gained'", _point_symbol("triangle", GAINED, size)),
        (_w("lost", language), "\"status\" = 'lost'", _point_symbol("circle", LOST, size))]))
    _blocking(layer)  # the townships' names keep off the markers
    return layer


def _reach_layer(page, comparison, crs, language):
    import geopandas as gpd

    stations = comparison.new_stations
    frame = gpd.GeoDataFrame({"name": stations["name"] if stations is not None else []},
                             geometry=stations.geometry.to_numpy() if stations is not None else [])
    layer = _memory_layer(page.project, frame, "MultiPolygon", "new_reach", crs, (("name", "string"),))
    symbol = _fill("0,0,0,0", NEW_REACH, 0.7)
    symbol.symbolLayer(0).setStrokeStyle(Qt.DashLine)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    _blocking(layer)
    layer.setName(_w("new_reach", language))
    return layer


def _map(page, comparison, crs, language):
    towns = _town_layer(page, comparison, crs, language)
    layers = [_target_layer(page, comparison, crs, language), _reach_layer(page, comparison, crs, language), towns]
    map_item = page.place(QgsLayoutItemMap(page.layout), "map")
    extent = items.county_extent(towns)
    size = map_item.rect()
    map_item.setCrs(crs)
    map_item.setKeepLayerSet(True)
    map_item.setLayers(layers)
    map_item.setExtent(items.fitted_extent(QgsRectangle(extent), size.width(), size.height()))
    map_item.setScale(items.nice_scale(map_item.scale()))
    map_item.setFrameEnabled(True)
    x, y, _w_, h = (v * page.scale for v in ITEMS["map"])
    km_scalebar(page.layout, map_item, x + 4 * page.scale, y + h - 14 * page.scale)
    legend = page.place(QgsLayoutItemLegend(page.layout), "legend")
    legend.setLinkedMap(map_item)
    entries = [(towns, "", True, None), (layers[0], "", True, None)]
    if comparison.new_stations is not None and len(comparison.new_stations):
        entries.append((layers[1], _w("new_reach", language), False, None))
    _legend_text(legend, LEGEND_PT * page.font_scale)
    items.fill_legend(legend, entries, "")
    legend.setColumnCount(2)
    legend.setSplitLayer(True)
    legend.setResizeToContents(False)
    return map_item


def _legend_text(legend, size):
    legend_text(legend, size)
    legend.setSymbolWidth(5)
    legend.setSymbolHeight(3.5)


def _figures(page, comparison, language, limit):
    towns = comparison.townships
    residents = float(towns["residents"].sum())
    before, after = comparison.totals["covered_before"], comparison.totals["covered_after"]
    totals = comparison.totals
    lines = [_w("covered", language, t=limit, b=T.integer(before), a=T.integer(after), c=signed(after - before)),
             _w("share", language, b=T.percent_of(before, residents), a=T.percent_of(after, residents)),
             _w("targets", language, g=sum(totals.get(f"{k}_gained", 0) for k in ("enterprise", "hazard_unit", "target")),
                l=sum(totals.get(f"{k}_lost", 0) for k in ("enterprise", "hazard_unit", "target")))]
    if "rescue_targets" in comparison.compared:
        lines.append(_w("key_targets", language, g=totals.get("key_target_gained", 0),
                        l=totals.get("key_target_lost", 0)))
    page.label("figures_heading", _w("figures", language), 11.0, ACCENT, bold=True)
    page.label("figures", "\n".join(lines), 9.0)


def _town_rows(comparison, language):
    towns = comparison.townships
    rows = [[str(r.name or r.town_id), T.integer(r.covered_before), T.integer(r.covered_after),
             signed(r.covered_change), T.decimal(r.m2pc_before, 2), T.decimal(r.m2pc_after, 2)]
            for r in towns.itertuples()]
    rows.append([_w("total", language), T.integer(comparison.totals["covered_before"]),
                 T.integer(comparison.totals["covered_after"]),
                 signed(comparison.totals["covered_after"] - comparison.totals["covered_before"]), "", ""])
    return rows


def _cell(text, column):
    cell = QgsTableCell(text)
    cell.setHorizontalAlignment(Qt.AlignLeft if column == 0 else Qt.AlignRight)  # numbers to the right
    return cell


def _table(page, key, headings, rows, shares, size=8.0):
    table = QgsLayoutItemManualTable.create(page.layout)
    page.layout.addMultiFrame(table)
    columns = []
    for i, heading in enumerate(headings):
        column = QgsLayoutTableColumn(heading)
        column.setHAlignment(Qt.AlignLeft if i == 0 else Qt.AlignRight)
        columns.append(column)
    table.setHeaders(columns)
    table.setIncludeTableHeader(True)
    table.setHeaderHAlignment(QgsLayoutTable.FollowColumn)  # headings above their numbers
    table.setTableContents([[_cell(text, i) for i, text in enumerate(row)] for row in rows])
    for setter, bold in ((table.setContentTextFormat, False), (table.setHeaderTextFormat, True)):
        text_format = QgsTextFormat()
        text_format.setSize(size * page.font_scale)
        font = text_format.font()
        font.setBold(bold)
        text_format.setFont(font)
        setter(text_format_with_families(text_format))
    x, y, width, height = (v * page.scale for v in ITEMS[key])
    frame = QgsLayoutFrame(page.layout, table)
    frame.attemptSetSceneRect(QRectF(0, 0, width, height))
    frame.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
    table.addFrame(frame)
    table.setCellMargin(1.0 * page.scale)
    usable = width - len(headings) * (2 * table.cellMargin() + 0.4)
    table.setColumnWidths([usable * share / sum(shares) for share in shares])
    items.fit_rows(table)
    return table


def write_scenario_page(path, comparison, crs, language, time_limit=None, page_size="A3"):
    """Write the comparison page to ``path`` (a PDF, whole or not at all) in ``language`` on ``page_size``."""
    from .build import qgis_version

    page = Page(page_size)
    limit = T.decimal(time_limit, 0) if time_limit else "—"
    today = datetime.date.today().isoformat()
    page.label("title", _w("title", language, b=comparison.before_label, a=comparison.after_label), 22.0, ACCENT,
               bold=True)
    page.label("subtitle", _w("subtitle", language, t=limit, d=today), 11.0, GREY)
    page.rule("rule", ACCENT)
    _map(page, comparison, crs, language)
    _figures(page, comparison, language, limit)
    page.label("towns_heading", _w("towns", language, t=limit), 11.0, ACCENT, bold=True)
    _table(page, "towns", _w("columns", language), _town_rows(comparison, language), TOWN_SHARES)
    page.label("note", _w("note", language, r=f"{RESIDENTS_TOLERANCE:g}", b=comparison.before_label,
                          a=comparison.after_label), 7.5, GREY)
    page.label("crs_note", T.crs_note(crs.description(), crs.authid(), language), 7.5, GREY)
    page.rule("footer_rule", "#A6A6A6")
    page.label("made_with", T.text("made_with", language, version=plugin_version(), qgis=qgis_version()), 7.0, GREY,
               align=Qt.AlignRight)
    resolve_layout_fonts(page.layout)
    with atomic_output(path) as partial:
        result = QgsLayoutExporter(page.layout).exportToPdf(partial, pdf_settings(200))
        if result != QgsLayoutExporter.Success:
            raise IOError(f"PDF export failed (code {int(result)})")
    return path
