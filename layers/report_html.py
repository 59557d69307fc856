"""The HTML reports of the algorithms (validation, fire-station reach, shelters), built with one
page builder and one stylesheet. Pure (no qgis import): the pages are made from results that
``core`` and ``layers.validation`` computed.
"""
import html
import json
import math

from pandas import NA as _NA

STYLE = ("body{font-family:'WenQuanYi Zen Hei','Noto Sans CJK SC',sans-serif;margin:1.5em}"
         "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:3px 8px;text-align:right}"
         "th{background:#eee}td.l,th.l{text-align:left}.error,.bad{color:#b00000}.warning{color:#a06000}"
         ".info{color:#406080}.good{color:#008000}.note{color:#777;font-size:smaller}")


class Raw(str):
    """Text that is HTML already (not escaped again)."""


class Cell:
    """A table cell with a CSS class ('l' left-aligned text, 'error', 'good', …)."""

    def __init__(self, value, css=None):
        self.value, self.css = value, css


def number(value, digits=0):
    """'1,234' for a number, '—' for a missing one."""
    if value is None or value is _NA or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return f"{value:,.{digits}f}"


def _text(value):
    return value if isinstance(value, Raw) else html.escape(str(value))


class HtmlPage:
    """A self-contained page: call the methods in reading order, then ``render()``."""

    def __init__(self, title, lang="zh-CN"):
        self.title, self.lang, self.parts = title, lang, [f"<h1>{html.escape(title)}</h1>"]

    def heading(self, text, level=2, css=None):
        self.parts.append(f"<h{level}{_css(css)}>{_text(text)}</h{level}>")

    def paragraph(self, text, css=None):
        self.parts.append(f"<p{_css(css)}>{_text(text)}</p>")

    def bullets(self, items):
        self.parts.append("<ul>" + "".join(f"<li>{_text(item)}</li>" for item in items) + "</ul>")

    def table(self, header, rows):
        """``header``: column titles (a Cell for a class); ``rows``: lists of values or Cells."""
        def cells(values, tag):
            out = []
            for value in values:
                cell = value if isinstance(value, Cell) else Cell(value)
                out.append(f"<{tag}{_css(cell.css)}>{_text(cell.value)}</{tag}>")
            return "".join(out)

        head = f"<tr>{cells(header, 'th')}</tr>" if header else ""
        self.parts.append(f"<table>{head}" + "".join(f"<tr>{cells(row, 'td')}</tr>" for row in rows) + "</table>")

    def key_values(self, pairs):
        """A two-column table: label (header cell) and value, both left-aligned."""
        self.table(None, [[Cell(Raw(f"<b>{_text(label)}</b>"), "l"), Cell(value, "l")] for label, value in pairs])

    def preformatted(self, text):
        self.parts.append(f"<pre>{html.escape(text)}</pre>")

    def render(self):
        return (f"<!DOCTYPE html>\n<html lang='{self.lang}'><head><meta charset='utf-8'>"
                f"<title>{html.escape(self.title)}</title><style>{STYLE}</style></head><body>\n"
                + "\n".join(self.parts) + "\n</body></html>")


def _css(css):
    return f" class='{css}'" if css else ""


# ---------------------------------------------------------------- validation

def validation_page(report, title="Risk Atlas — input validation", layers=(), labels=None, max_rows_per_problem=50):
    """Per-layer counts, then the findings grouped by layer and problem (``report``: a
    layers.validation.ValidationReport; ``layers``: [(name, feature count)])."""
    from .validation import ERROR, WARNING

    labels = labels or {}
    page = HtmlPage(title)
    page.paragraph(Raw(f"{html.escape(labels.get('summary', 'Errors'))}: <b class='error'>{len(report.errors)}</b> · "
                       f"{html.escape(labels.get('warnings', 'Warnings'))}: "
                       f"<b class='warning'>{len(report.warnings)}</b>"))
    counts = report.counts()
    page.table([Cell("Layer", "l"), "Features", "Errors", "Warnings"],
               [[Cell(name, "l"), n, Cell(counts.get((name, ERROR), 0), "error"),
                 Cell(counts.get((name, WARNING), 0), "warning")] for name, n in layers])
    frame = report.to_frame()
    for (layer, problem, severity), group in frame.groupby(["layer", "problem", "severity"], sort=False):
        page.heading(f"{layer}: {problem} ({severity}, {len(group)})", level=3, css=severity)
        messages = list(group["message"].head(max_rows_per_problem))
        if len(group) > max_rows_per_problem:
            messages.append(f"… {len(group) - max_rows_per_problem} more")
        page.bullets(messages)
    if not report.findings:
        page.paragraph("No problems found.")
    return page.render()


# ---------------------------------------------------------------- fire-station reach

def reach_page(result, record):
    """The summary table of a core.fire_reach result, its notes and how it was made."""
    def cell(value):
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return ""
        return f"{value:,.2f}" if isinstance(value, float) else value

    stats = result.stats
    page = HtmlPage("消防站到达范围分析 / Fire-station reach")
    page.paragraph(f"Time limit {cell(stats.get('time_limit'))} min from dispatch; reached roads "
                   f"{cell(stats.get('reached_road_km'))} km; study area {cell(stats.get('study_km2'))} km²; gaps "
                   f"{cell(stats.get('gap_km2'))} km²; land-rule grid {cell(stats.get('cell_m'))} m. "
                   "Class limits: 建标152-2017 第十四条, GB 51080-2015 §4.1.")
    page.table(list(result.summary.columns), [[cell(v) for v in row] for row in result.summary.itertuples(index=False)])
    if record.get("speeds_used"):
        page.heading("车速 / Speeds used")
        page.paragraph(f"Speed table {record.get('speed_preset')} ({record.get('speed_table')}); roads by where "
                       "their speed came from; left out = not driven.")
        page.table(["source", "class", "km/h", "roads"],
                   [[what, key, f"{kmh:g}", roads] for what, key, kmh, roads in record["speeds_used"]])
    page.heading("Notes")
    page.bullets(result.info + result.warnings)
    page.heading("Provenance")
    page.preformatted(json.dumps(record, ensure_ascii=False, indent=1))
    return page.render()


# ---------------------------------------------------------------- shelters

SHELTER_METHODS = {
    0: "0 行政区法 administrative: area of shelters located in the unit ÷ its residents",
    1: "1 两步移动搜索法 2SFCA, straight-line catchment",
    2: "2 两步移动搜索法 2SFCA, walking distance on roads",
}


def _yes_no(value):
    if value is None or value is _NA or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return "✔ 达标 meets" if bool(value) else "✘ 未达标 short"


def shelter_page(analysis, table, title="Risk Atlas — shelter area per capita 人均避难场所面积",
                 parameters=None, warnings=(), provenance=None, shelter_labels=None):
    """Headline figures, per-unit table, overloaded shelters, the type table and notes of a
    core.shelter_capacity analysis (``table``: core.shelter_report.summary_table).
    ``shelter_labels``: {shelters index: text} naming the shelters (default: the index)."""
    s, target = analysis.summary, analysis.target
    page = HtmlPage(title)
    county = "good" if s["county_meets_target"] else "bad"
    share = s["share_meeting_target"]
    page.key_values([
        ("方法 Method", SHELTER_METHODS[analysis.method]),
        ("目标 Target", f"{target:g} m²/人 per person"),
        ("计入的避难场所类型 Shelter types counted", ", ".join(sorted(set(analysis.shelters["type"]))) or "—"),
        ("计入人口 Residents counted" + (" (城镇 urban only)" if s["urban_only"] else ""), number(s["residents"])),
        ("有效避难面积 Effective shelter area (m²)", number(s["shelter_area_m2"])),
        ("全县人均面积 County m² per capita",
         Raw(f"<span class='{county}'>{number(s['county_m2_per_capita'], 2)} — "
             f"{_yes_no(s['county_meets_target'])}</span>")),
        ("全县面积缺口 County deficit (m²)", number(s["county_deficit_m2"])),
        ("达标人口比例 Share of residents meeting the target", "—" if math.isnan(share) else f"{100 * share:.1f} %"),
        ("服务范围外人口 Residents with no shelter in reach", number(s["residents_no_shelter"])),
        ("缺口合计 Total deficit (m²)" + (" Σ units" if analysis.method == 0 else " Σ cells"),
         number(s["total_deficit_m2"])),
        ("超负荷避难场所 Overloaded shelters", f"{s['shelters_overloaded']} / {s['shelters_counted']}"),
        ("无人可达的避难场所 Shelters nobody reaches", s["shelters_unreached"]),
        ("有效面积不足2000 m² Shelters under the minimum site area", s["shelters_below_min_area"]),
    ])
    _shelter_units(page, table)
    _overloaded_shelters(page, analysis.shelters, shelter_labels or {})
    standards = analysis.standards
    page.heading("避难场所类型表 Shelter types")
    page.table([Cell("code", "l"), Cell("名称", "l"), Cell("name", "l"), "计入人均 counts", "服务半径 radius m",
                Cell("source", "l")],
               [[Cell(t.code, "l"), Cell(t.name_zh, "l"), Cell(t.name_en, "l"),
                 "是 yes" if t.counts_per_capita else "否 no", f"{t.radius_m:g}", Cell(t.radius_source, "l")]
                for t in standards.types])
    page.paragraph(f"Table: {standards.source}. Minimum site effective area {standards.min_site_area_m2:g} m² "
                   "(GB 21734-2008).")
    if warnings:
        page.heading("注意 Warnings")
        page.bullets(warnings)
    if parameters:
        page.heading("参数 Parameters")
        page.key_values(parameters.items())
    if provenance:
        page.paragraph(provenance, css="note")
    return page.render()


def _shelter_units(page, table):
    units = table[table["scope"] == "unit"]
    if not len(units):
        return
    page.heading("镇街 Units")
    rows = []
    for _i, row in units.iterrows():
        css = "good" if row["meets_target"] is True else "bad" if row["meets_target"] is False else None
        share = row["reach_share_meeting"]
        rows.append([Cell(row["unit_id"] or "", "l"), Cell(row["unit_name"] or "", "l"), number(row["residents"]),
                     number(row["shelter_area_m2"]), row["shelter_count"],
                     Cell(number(row["m2_per_capita"], 2), css), Cell(_yes_no(row["meets_target"]), css),
                     number(row["deficit_m2"]), "—" if share is _NA or math.isnan(share) else f"{100 * share:.1f} %",
                     number(row["reach_no_shelter_residents"])])
    page.table([Cell("编号 id", "l"), Cell("名称 name", "l"), "人口 residents", "面积 area m²", "场所数 shelters",
                "人均 m²/person", "达标 meets", "缺口 deficit m²", "服务范围内达标人口比例 share meeting (reach)",
                "服务范围外人口 no shelter in reach"], rows)


def _overloaded_shelters(page, shelters, labels, limit=50):
    overloaded = shelters[shelters["overloaded"]].sort_values("m2_per_served")
    if not len(overloaded):
        return
    page.heading(f"超负荷避难场所 Overloaded shelters ({len(overloaded)})")
    rows = []
    for fid, row in overloaded.head(limit).iterrows():
        over = row["over_capacity"]
        rows.append([Cell(labels.get(fid, fid), "l"), Cell(row["type"], "l"), number(row["eff_area_m2"]),
                     number(row["served_residents"]), number(row["m2_per_served"], 2),
                     "—" if over is _NA or over is None else ("是 yes" if bool(over) else "否 no")])
    page.table([Cell("避难场所 shelter", "l"), Cell("类型 type", "l"), "面积 area m²", "服务人口 served",
                "m²/人 per served", "超出容量 over capacity"], rows)
    if len(overloaded) > limit:
        page.paragraph(f"… {len(overloaded) - limit} more in the shelters output.")
