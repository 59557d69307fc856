"""The import report in the UI language: a message per ``core.ledger.report.ReportLine`` (one
translatable template per section and status, context "ImportReport"), the report table
(OUTPUT_REPORT) and its HTML page (through ``layers.report_html``).
"""
from qgis.PyQt.QtCore import QCoreApplication

from ..core.ledger import report as rp
from ..core.ledger.codes import code_choices, has_code_table
from .outputs import IMPORT_REPORT_FIELDS
from .report_html import Cell, HtmlPage
from .schemas import schema_of

CONTEXT = "ImportReport"
ROWS_SHOWN = 12  # runs of row numbers a message shows (the table's rows column has them all)


def QT_TRANSLATE_NOOP(context, text):  # noqa: N802 (the name pylupdate5 looks for; translated in message())
    return text


TEMPLATES = {
    ("source", "source"): QT_TRANSLATE_NOOP("ImportReport", "Read {value}."),
    ("source", "encoding"): QT_TRANSLATE_NOOP("ImportReport", "Text encoding: {value}."),
    ("kind", "given"): QT_TRANSLATE_NOOP("ImportReport", "Layer kind {result} (as KIND says)."),
    ("kind", "recognised"): QT_TRANSLATE_NOOP(
        "ImportReport", "Layer kind {result}, recognised from the headers (required fields found: {detail})."),
    ("kind", "not_recognised"): QT_TRANSLATE_NOOP(
        "ImportReport", "The headers do not say which kind of layer this is (best matches: {detail}): set KIND."),
    ("kind", "ambiguous_kind"): QT_TRANSLATE_NOOP(
        "ImportReport", "The headers fit several kinds equally ({detail}): set KIND."),
    ("header", "recognised"): QT_TRANSLATE_NOOP(
        "ImportReport", "Header row: row {rows} ({detail} headers recognised)."),
    ("header", "no_header"): QT_TRANSLATE_NOOP(
        "ImportReport",
        "No header recognised in the first {detail} rows: set KIND, or name the columns with FIELD_MAP."),
    ("header", "exact"): QT_TRANSLATE_NOOP("ImportReport", "Column '{column}' → {field}."),
    ("header", "auxiliary"): QT_TRANSLATE_NOOP("ImportReport", "Column '{column}' recognised ({field}): not imported."),
    ("header", "fuzzy"): QT_TRANSLATE_NOOP("ImportReport", "Column '{column}' → {field} (similar header)."),
    ("header", "explicit"): QT_TRANSLATE_NOOP("ImportReport", "Column '{column}' → {field} (FIELD_MAP)."),
    ("header", "ignored"): QT_TRANSLATE_NOOP("ImportReport", "Column '{column}' left out (FIELD_MAP)."),
    ("header", "superseded"): QT_TRANSLATE_NOOP(
        "ImportReport", "Column '{column}' not used: FIELD_MAP takes its field from another column."),
    ("header", "unmapped"): QT_TRANSLATE_NOOP(
        "ImportReport", "Column '{column}' is not a Risk Atlas field: not imported."),
    ("header", "ambiguous"): QT_TRANSLATE_NOOP(
        "ImportReport", "Column '{column}' could be {detail}: say which with FIELD_MAP, e.g. {result}"),
    ("header", "unit_conflict"): QT_TRANSLATE_NOOP(
        "ImportReport",
        "Column '{column}': the unit {detail} does not fit {field}: correct the header or set FIELD_MAP."),
    ("header", "field_map"): QT_TRANSLATE_NOOP("ImportReport", "FIELD_MAP: {detail}"),
    ("header", "missing_required"): QT_TRANSLATE_NOOP(
        "ImportReport", "No column for the required field {field}: name it with FIELD_MAP (源列={code})."),
    ("row", "skipped_no_key"): QT_TRANSLATE_NOOP(
        "ImportReport", "Rows {rows} skipped: every required field is empty (a total line or a note?)."),
    ("row", "skipped_empty"): QT_TRANSLATE_NOOP("ImportReport", "Empty rows {rows} skipped."),
    ("row", "not_a_road"): QT_TRANSLATE_NOOP(
        "ImportReport", "{count} OSM lines with highway '{value}' are not roads for fire engines (the OSM speed "
        "table leaves them out): not imported (rows {rows})."),
    ("number", "read"): QT_TRANSLATE_NOOP("ImportReport", "{field}: '{value}' read as {result} (rows {rows})."),
    ("number", "unparseable"): QT_TRANSLATE_NOOP(
        "ImportReport", "{field}: '{value}' is not a number (rows {rows}); it is left empty."),
    ("number", "not_whole"): QT_TRANSLATE_NOOP(
        "ImportReport", "{field}: '{value}' is not a whole number (rows {rows}); it is left empty."),
    ("number", "too_large"): QT_TRANSLATE_NOOP(
        "ImportReport", "{field}: '{value}' is too large for a whole-number field (rows {rows}); it is left empty."),
    ("value", "recoded"): QT_TRANSLATE_NOOP("ImportReport", "{field}: '{value}' → {result} (rows {rows})."),
    ("value", "unknown"): QT_TRANSLATE_NOOP(
        "ImportReport", "{field}: '{value}' is not a known value (rows {rows}); known values: {choices}."),
    ("value", "ambiguous"): QT_TRANSLATE_NOOP(
        "ImportReport", "{field}: '{value}' could be {detail} (rows {rows}): write which in the ledger."),
    ("value", "not_listed"): QT_TRANSLATE_NOOP(
        "ImportReport", "{field}: '{value}' is not a category of GB 18218 Table 2 (rows {rows}); left empty."),
    ("value", "cas_used"): QT_TRANSLATE_NOOP(
        "ImportReport", "substance: '{value}' is read by its CAS number {result} (rows {rows})."),
    ("coordinate", "coordinate_columns"): QT_TRANSLATE_NOOP(
        "ImportReport", "Coordinates from {column}, read as {value}."),
    ("coordinate", "no_coordinates"): QT_TRANSLATE_NOOP(
        "ImportReport", "No coordinates (rows {rows}): written without geometry."),
    ("coordinate", "bad_coordinates"): QT_TRANSLATE_NOOP(
        "ImportReport", "Coordinates not read ({detail}, e.g. '{value}', rows {rows}): written without geometry."),
    ("coordinate", "swapped"): QT_TRANSLATE_NOOP(
        "ImportReport", "Longitude and latitude exchanged in rows {rows}: swapped back."),
    ("coordinate", "outside_box"): QT_TRANSLATE_NOOP(
        "ImportReport", "Rows {rows} lie outside China in either order: left as written."),
    ("coordinate", "looks_projected"): QT_TRANSLATE_NOOP(
        "ImportReport", "{column} hold projected coordinates (e.g. {value}), not degrees: set SOURCE_CRS."),
    ("coordinate", "converted"): QT_TRANSLATE_NOOP(
        "ImportReport", "{count} places converted from {value} to WGS 84; moved {mean} m on average ({low}–{high} m)."),
    ("coordinate", "outside_study_area"): QT_TRANSLATE_NOOP(
        "ImportReport", "Rows {rows} lie outside the study area."),
    ("coordinate", "bad_wkt"): QT_TRANSLATE_NOOP(
        "ImportReport", "Geometry (WKT) not read (e.g. '{value}', rows {rows}): written without geometry."),
    ("coordinate", "target_crs"): QT_TRANSLATE_NOOP("ImportReport", "Written in {result} ({value})."),
    ("coordinate", "projected_with_offset"): QT_TRANSLATE_NOOP(
        "ImportReport", "SOURCE_CRS {value} is projected: COORDINATES must then be 0 (as the source says)."),
    ("coordinate", "no_crs"): QT_TRANSLATE_NOOP(
        "ImportReport", "The layer has no coordinate reference system: set SOURCE_CRS or COORDINATES."),
    ("coordinate", "wrong_geometry"): QT_TRANSLATE_NOOP(
        "ImportReport", "The geometries are {value}; this kind takes {detail}."),
}
CONVERSION_NOTE = QT_TRANSLATE_NOOP("ImportReport", "{count} places converted from {value} to WGS 84.")
PLACE_COLUMNS = ("x", "y", "xy", "wkt", "cas")  # auxiliary columns the import uses (others: only recognised)
SYSTEM_NAMES = {"wgs84": "WGS 84", "gcj02": "GCJ-02", "bd09": "BD-09", "cgcs2000": "CGCS2000", "": "—"}


translate = QCoreApplication.translate


def _translated(template):
    return QCoreApplication.translate(CONTEXT, template)


def field_label(kind, name, zh):
    """'ent_id（企业编号）' / 'ent_id (Enterprise id)'; auxiliary columns by name."""
    spec = schema_of(kind).field_by_name.get(name) if kind else None
    if spec is None:
        return name
    return f"{name}（{spec.alias_zh}）" if zh else f"{name} ({spec.alias_en})"


def message(line, kind, zh):
    """The line as a sentence in the UI language."""
    status = line.status
    if line.section == "header" and line.field and kind and status in ("exact", "fuzzy", "explicit") and \
            line.field not in schema_of(kind).field_by_name and line.field not in PLACE_COLUMNS:
        status = "auxiliary"
    template = TEMPLATES.get((line.section, status))
    if template is None:
        return f"{line.section} {line.status}: {line.value} {line.detail}".strip()
    values = {"column": " ".join(line.column.split()), "value": line.value, "result": line.result,
              "detail": line.detail, "field": field_label(kind, line.field, zh), "code": line.field,
              "rows": rp.compress_rows(line.rows, ROWS_SHOWN), "choices": "", "count": len(line.rows)}
    if line.section == "value" and kind and line.field and has_code_table(kind, line.field):
        values["choices"] = ("、" if zh else ", ").join(str(label) for label, _ in code_choices(
            kind, line.field, "zh" if zh else "en"))
    if line.status == "converted":
        count, mean, low, high = (line.detail.split("|") + ["", "", "", ""])[:4]
        values.update(count=count, mean=mean, low=low, high=high, value=SYSTEM_NAMES.get(line.value, line.value))
        if not mean:
            template = CONVERSION_NOTE
    if line.status == "coordinate_columns":
        values["value"] = SYSTEM_NAMES.get(line.value, line.value)
    if line.section == "kind" and line.result:
        schema = schema_of(line.result)
        values["result"] = f"{line.result}（{schema.title_zh}）" if zh else f"{line.result} ({schema.title_en})"
    return _translated(template).format(**values)


def report_frame(result, zh):
    """The report table: one row per line, errors first (OUTPUT_REPORT)."""
    import pandas as pd

    rows = [{"section": line.section, "severity": line.severity, "status": line.status,
             "row": line.rows[0] if line.rows else None, "rows": rp.compress_rows(line.rows),
             "count": len(line.rows), "column": line.column, "field": line.field, "value": line.value,
             "result": line.result, "message": message(line, result.kind, zh)} for line in _ordered(result.lines)]
    frame = pd.DataFrame(rows, columns=[name for name, _ in IMPORT_REPORT_FIELDS])
    frame["row"] = frame["row"].astype("Int64")
    frame["count"] = frame["count"].astype("Int64")
    return frame


def _ordered(lines):
    order = {rp.ERROR: 0, rp.WARNING: 1, rp.INFO: 2}
    return sorted(lines, key=lambda line: order[line.severity])


def _sections(lines):
    """(title, lines) of the HTML page, problems first."""
    def info(*sections):
        return [line for line in lines if line.section in sections and line.severity == rp.INFO]

    return ((translate("ImportReport", "Errors"), [line for line in lines if line.severity == rp.ERROR]),
            (translate("ImportReport", "Warnings"), [line for line in lines if line.severity == rp.WARNING]),
            (translate("ImportReport", "Columns"), info("header")),
            (translate("ImportReport", "Values read"), info("value", "number")),
            (translate("ImportReport", "Source and places"), info("source", "kind", "row", "coordinate")))


def report_page(result, zh):
    """The HTML page: what was read, the problems, then every line by section."""
    page = HtmlPage(translate("ImportReport", "Risk Atlas — import report"), "zh-CN" if zh else "en")
    errors = sum(1 for line in result.lines if line.severity == rp.ERROR)
    warnings = sum(1 for line in result.lines if line.severity == rp.WARNING)
    page.key_values([(translate("ImportReport", "Source"), result.source),
                     (translate("ImportReport", "Layer kind"), message_kind(result, zh)),
                     (translate("ImportReport", "Rows read"), len(result.read.row_numbers)),
                     (translate("ImportReport", "Errors / warnings"), f"{errors} / {warnings}")])
    if result.stops:
        page.paragraph(translate("ImportReport", "Nothing was written: settle the errors below, then run the "
                                                 "import again."), "error")
    header = [translate("ImportReport", "Rows"), Cell(translate("ImportReport", "Message"), "l")]
    for title, lines in _sections(result.lines):
        if lines:
            page.heading(title)
            page.table(header, [[Cell(rp.compress_rows(line.rows, ROWS_SHOWN), "l"),
                                 Cell(message(line, result.kind, zh), "l " + line.severity)] for line in lines])
    return page.render()


def message_kind(result, zh):
    if not result.kind:
        return "—"
    schema = schema_of(result.kind)
    return f"{result.kind}（{schema.title_zh}）" if zh else f"{result.kind} ({schema.title_en})"


def problems_text(result, zh, limit=8):
    """The stopping lines as one message (for the exception that ends the run)."""
    lines = [message(line, result.kind, zh) for line in result.lines if line.stops]
    more = len(lines) - limit
    if more > 0:
        lines = lines[:limit] + [translate("ImportReport", "… and {0} more").format(more)]
    return "\n".join(lines)

