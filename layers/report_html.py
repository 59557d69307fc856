"""The HTML reports of the algorithms (validation, fire-station reach, shelters), built with one
page builder and one stylesheet. Pure (no qgis import): the pages are made from results that
``core`` and ``layers.validation`` computed.
"""
import html
import json
import math

from pandas import NA as _NA
from pandas import isna as pd_isna

from ..support.fonts import all_names

STYLE = ("body{font-family:" + ",".join(f"'{name}'" for name in all_names()) + ",sans-serif;margin:1.5em}"
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

def validation_page(report, title="Risk Atlas — input validation", layers=(), labels=None, max_rows_per_problem=50,
                    translate=None):
    """Per-layer counts, then the findings grouped by layer and problem (``report``: a
    layers.validation.ValidationReport; ``layers``: [(name, feature count)]); each finding names its feature
    ('FS06 (fid 6)') and field; messages in the language of ``translate``, the page's words ``labels`` in the
    report's language (layers.messages.report_words; English when left out)."""
    from ..core.errors import feature_label
    from .validation import ERROR, WARNING

    labels = labels or {}
    problems, severities = labels.get("problems", {}), labels.get("severities", {})
    page = HtmlPage(title)
    page.paragraph(Raw(f"{html.escape(labels.get('summary', 'Errors'))}: <b class='error'>{len(report.errors)}</b> · "
                       f"{html.escape(labels.get('warnings', 'Warnings'))}: "
                       f"<b class='warning'>{len(report.warnings)}</b>"))
    counts = report.counts()
    page.table([Cell(labels.get("layer", "Layer"), "l"), labels.get("features", "Features"),
                labels.get("errors", "Errors"), labels.get("warnings", "Warnings")],
               [[Cell(name, "l"), n, Cell(counts.get((name, ERROR), 0), "error"),
                 Cell(counts.get((name, WARNING), 0), "warning")] for name, n in layers])
    frame = report.to_frame(translate)
    for (layer, problem, severity), group in frame.groupby(["layer", "problem", "severity"], sort=False):
        page.heading(f"{layer}: {problems.get(problem, problem)} ({severities.get(severity, severity)}, {len(group)})",
                     level=3, css=severity)
        shown = group.head(max_rows_per_problem)
        messages = [" · ".join(p for p in (None if pd_isna(fid) else feature_label(int(fid), key),
                                           None if pd_isna(field) else str(field)) if p) + f": {message}"
                    if not (pd_isna(fid) and pd_isna(field)) else message
                    for fid, key, field, message in zip(shown["feature_id"], shown["feature_key"], shown["field"],
                                                        shown["message"])]
        if len(group) > max_rows_per_problem:
            messages.append(labels.get("more", "… {0} more").format(len(group) - max_rows_per_problem))
        page.bullets(messages)
    if not report.findings:
        page.paragraph(labels.get("none", "No problems found."))
    return page.render()


# ---------------------------------------------------------------- figures

def _missing(value):
    return value is None or value is _NA or (isinstance(value, float) and math.isnan(value))


def integer(value):
    """Residents, m²: the integer of the value (half up, ``core.headline``'s rule); '—' when missing."""
    from ..core.headline import integer_text

    return "—" if _missing(value) else integer_text(float(value))


def decimal(value, places=1):
    from ..core.headline import decimal_text

    return "—" if _missing(value) else decimal_text(float(value), places)


def percent(value):
    """A percentage already × 100, to 0.1 % half up ('43.3 %')."""
    return "—" if _missing(value) else f"{decimal(value, 1)}%"


def yes_no(value, language):
    from .report_words import word

    return "—" if _missing(value) else word("yes" if bool(value) else "no", language)


def headline_block(page, figures, language, footnote=None):
    """The headline figures (core.headline) as a two-column table, as every other output prints them."""
    from .report_words import word

    page.heading(word("headline", language))
    page.key_values([(f.label(language), f.shown if f.unit == "percent" or f.value is None
                      else f"{f.shown} {f.unit_text(language)}") for f in figures])
    page.paragraph(" ".join(filter(None, [footnote, word("headline_note", language)])), css="note")


# ---------------------------------------------------------------- fire-station reach

def _class_name(code, language):
    from ..core.ledger.codes import code_of
    from ..core.standards.fire_stations import CLASS_LIMIT_BY_CODE

    known = code_of("fire_stations", "class", code) or code  # the code table reads 一级站 …; "suburban" as is
    entry = CLASS_LIMIT_BY_CODE.get(known) if isinstance(known, str) else None
    if entry is None:
        return "" if _missing(code) else str(code)
    return entry.name_zh if language == "zh" else entry.name_en


def _target_columns(summary):
    """The targets' (covered, total) column pairs of the summary table, e.g. enterprise_risk_covered."""
    return [(c, c[:-len("_covered")] + "_total") for c in summary.columns
            if c.endswith("_covered") and c[:-len("_covered")] + "_total" in summary.columns]


def reach_figures_of(result):
    """The fire-station headline figures (core.headline) of a core.fire_reach result."""
    from ..core.headline import reach_figures

    covered = result.areas["residents"].sum(min_count=1) if "residents" in result.areas else None
    gaps = result.gaps["residents"].sum() if covered is not None and "residents" in result.gaps else None
    return reach_figures(None if _missing(covered) else float(covered), None if gaps is None else float(gaps),
                         result.stats.get("time_limit"))


def reach_page(result, record, language="zh"):
    """The headline figures, the stations' table with what it means, the notes and how it was made."""
    from .report_words import word

    stats = result.stats
    page = HtmlPage(word("reach_title", language), lang="zh-CN" if language == "zh" else "en")
    page.paragraph(word("reach_intro", language, t=decimal(stats.get("time_limit"), 1),
                        roads=decimal(stats.get("reached_road_km"), 1), study=decimal(stats.get("study_km2"), 1),
                        gaps=decimal(stats.get("gap_km2"), 1), cell=decimal(stats.get("cell_m"), 0)))
    headline_block(page, reach_figures_of(result), language)
    summary = result.summary
    targets = _target_columns(summary)
    page.heading(word("stations", language))
    header = [Cell(word("col_station", language), "l"), Cell(word("col_id", language), "l"),
              Cell(word("col_class", language), "l")] + [word(k, language) for k in (
        "col_turnout", "col_on_network", "col_reach_km2", "col_residents", "col_district_km2", "col_limit_km2",
        "col_exceeds", "col_district_pct", "col_district_res", "col_res_pct")] + [
        f"{word('col_enterprises', language)}" + ("" if len(targets) == 1 else f" ({c[:-8]})") for c, _t in targets]
    rows = []
    for row in summary.to_dict("records"):
        overall = row["station_id"] == "ALL"
        rows.append([Cell(word("total", language) if overall else (row["name"] or ""), "l"),
                     Cell("" if overall else row["station_id"], "l"), Cell(_class_name(row["class"], language), "l"),
                     decimal(row["turnout_min"], 1), yes_no(row["on_network"], language), decimal(row["reach_km2"], 1),
                     integer(row["residents_in_time"]), decimal(row["district_km2"], 1),
                     decimal(row["class_limit_km2"], 1),
                     Cell(yes_no(row["exceeds_limit"], language), "bad" if row["exceeds_limit"] is True else None),
                     percent(row["district_in_time_pct"]), integer(row["district_residents"]),
                     percent(row["residents_in_time_pct"])]
                    + [f"{integer(row[c])} / {integer(row[t])}" for c, t in targets])
    page.table(header, rows)
    stations = summary[summary["station_id"] != "ALL"]
    exceeding = int((stations["exceeds_limit"] == True).sum())  # noqa: E712 (a nullable column)
    extra = ([word("all_exceed" if exceeding == len(stations) else "some_exceed", language, n=exceeding)]
             if exceeding else [])
    page.paragraph(" ".join([word("stations_note", language)] + extra), css="note")
    _speeds_used(page, record, language)
    page.heading(word("notes", language))
    page.bullets(result.info + result.warnings)
    page.heading(word("provenance", language))
    page.preformatted(json.dumps(record, ensure_ascii=False, indent=1))
    return page.render()


def _speeds_used(page, record, language):
    """Which speeds the result used: per origin (speed field, maxspeed × factor, class, default) and the
    roads left out (the provenance record's speeds_used)."""
    from .report_words import word

    if not record.get("speeds_used"):
        return
    page.heading(word("speeds", language))
    page.paragraph(word("speeds_note", language, table=record.get("speed_preset"),
                        source=record.get("speed_table")), css="note")
    page.table([Cell(word("col_speed_source", language), "l"), Cell(word("col_road_class", language), "l"),
                word("col_kmh", language), word("col_roads", language)],
               [[Cell(what, "l"), Cell(key, "l"), f"{kmh:g}", f"{roads:,}"]
                for what, key, kmh, roads in record["speeds_used"]])


# ---------------------------------------------------------------- shelters

def shelter_figures_of(analysis):
    """The shelter headline figures (core.headline) of a core.shelter_capacity analysis."""
    from ..core.headline import shelter_figures

    s = analysis.summary
    return shelter_figures(s["shelter_area_m2"], s["residents"], analysis.target, s["county_deficit_m2"],
                           s["total_deficit_m2"], s["shelters_overloaded"])


def shelter_page(analysis, table, parameters=None, warnings=(), provenance=None, shelter_labels=None, language="zh"):
    """Headline figures, per-township table, overloaded shelters, the type table and notes of a
    core.shelter_capacity analysis (``table``: core.shelter_report.summary_table), each table with a
    sentence saying what it means. ``shelter_labels``: {shelters index: text} naming the shelters."""
    from ..core.headline import FOOTNOTES
    from .report_words import word

    s, target = analysis.summary, analysis.target
    page = HtmlPage(word("shelter_title", language), lang="zh-CN" if language == "zh" else "en")
    page.key_values([
        (word("method", language), word(f"method_{analysis.method}", language)),
        (word("target", language), word("target_value", language, t=f"{target:g}")),
        (word("types_counted", language), ("、" if language == "zh" else ", ").join(
            _type_name(code, language) for code in sorted(set(analysis.shelters["type"]))) or "—"),
    ])
    headline_block(page, shelter_figures_of(analysis), language, FOOTNOTES["shelter_deficit"][language != "zh"])
    share = s["share_meeting_target"]
    page.key_values([
        (word("share_meeting", language), "—" if _missing(share) else percent(100.0 * share)),
        (word("no_shelter", language), integer(s["residents_no_shelter"])),
        (word("unreached", language), s["shelters_unreached"]),
        (word("below_min", language, a=f"{analysis.standards.min_site_area_m2:g}"), s["shelters_below_min_area"]),
    ])
    _shelter_units(page, table, language)
    _overloaded_shelters(page, analysis.shelters, shelter_labels or {}, language)
    _shelter_types(page, analysis.standards, language)
    if warnings:
        page.heading(word("warnings", language))
        page.bullets(warnings)
    if parameters:
        page.heading(word("parameters", language))
        page.key_values(parameters.items())
    if provenance:
        page.paragraph(provenance, css="note")
    return page.render()


def _shelter_units(page, table, language):
    from .report_words import word

    units = table[table["scope"] == "unit"]
    if not len(units):
        return
    page.heading(word("units", language))
    rows = []
    for _i, row in units.iterrows():
        css = "good" if row["meets_target"] is True else "bad" if row["meets_target"] is False else None
        share = row["reach_share_meeting"]
        rows.append([Cell(row["unit_id"] or "", "l"), Cell(row["unit_name"] or "", "l"), integer(row["residents"]),
                     integer(row["shelter_area_m2"]), row["shelter_count"], Cell(decimal(row["m2_per_capita"], 2), css),
                     Cell(yes_no(row["meets_target"], language), css), integer(row["deficit_m2"]),
                     "—" if _missing(share) else percent(100.0 * share), integer(row["reach_no_shelter_residents"])])
    page.table([Cell(word("col_unit_id", language), "l"), Cell(word("col_unit", language), "l")]
               + [word(k, language) for k in ("col_unit_res", "col_area", "col_count", "col_m2pc", "col_meets",
                                              "col_deficit", "col_reach_share", "col_reach_none")], rows)
    page.paragraph(word("units_note", language), css="note")


def _overloaded_shelters(page, shelters, labels, language, limit=50):
    from .report_words import word

    overloaded = shelters[shelters["overloaded"]].sort_values("m2_per_served")
    if not len(overloaded):
        return
    page.heading(word("overloaded", language, n=len(overloaded)))
    rows = []
    for fid, row in overloaded.head(limit).iterrows():
        rows.append([Cell(labels.get(fid, fid), "l"), Cell(_type_name(row["type"], language), "l"),
                     integer(row["eff_area_m2"]), integer(row["served_residents"]), decimal(row["m2_per_served"], 2),
                     yes_no(None if row["over_capacity"] is _NA else row["over_capacity"], language)])
    page.table([Cell(word("col_shelter", language), "l"), Cell(word("col_type", language), "l")]
               + [word(k, language) for k in ("col_area", "col_served", "col_per_served", "col_over_capacity")], rows)
    note = word("overloaded_note", language)
    if len(overloaded) > limit:
        note += " " + word("more_rows", language, n=len(overloaded) - limit)
    page.paragraph(note, css="note")


def _type_name(code, language):
    from ..core.standards.shelters import DEFAULT_SHELTER_TYPES

    for shelter_type in DEFAULT_SHELTER_TYPES:
        if shelter_type.code == code:
            return shelter_type.name_zh if language == "zh" else shelter_type.name_en
    return str(code)


def _shelter_types(page, standards, language):
    from .report_words import word

    page.heading(word("types", language))
    page.table([Cell(word(k, language), "l") for k in ("col_code", "col_name_zh", "col_name_en")]
               + [word("col_counts", language), word("col_radius", language), Cell(word("col_source", language), "l")],
               [[Cell(t.code, "l"), Cell(t.name_zh, "l"), Cell(t.name_en, "l"), yes_no(t.counts_per_capita, language),
                 f"{t.radius_m:g}", Cell(t.radius_source, "l")] for t in standards.types])
    page.paragraph(word("types_note", language, source=standards.source, a=f"{standards.min_site_area_m2:g}"),
                   css="note")
