"""Validation findings in the UI language: their messages, problem names, severities and the
words of the validation report.

``layers/validation.py`` is pure and writes its messages in English from the templates below; here
each English message is matched back to its template and rendered from the translated one
(context "Validation"), so validation stays free of Qt and every message has one translation.
A message no template matches is shown as written.
"""
import re

from qgis.PyQt.QtCore import QCoreApplication


def QT_TRANSLATE_NOOP(context, text):  # noqa: N802 (the name pylupdate5 looks for)
    return text


CONTEXT = "Validation"
# the messages of layers/validation.py, with {named} parts (each matches any text)
MESSAGES = (
    QT_TRANSLATE_NOOP("Validation", "required field '{field}' ({alias}) is empty"),
    QT_TRANSLATE_NOOP("Validation", "'{field}' must be a number, found '{value}'"),
    QT_TRANSLATE_NOOP("Validation", "'{field}' is a text field holding numbers; it is read as numbers"),
    QT_TRANSLATE_NOOP("Validation", "'{field}' must be a whole number, found {value}"),
    QT_TRANSLATE_NOOP("Validation", "'{field}' must be true/false (是/否, yes/no, 1/0), found '{value}'"),
    QT_TRANSLATE_NOOP("Validation", "'{field}' must be a text field (it is {kind})"),
    QT_TRANSLATE_NOOP("Validation", "unknown {field} '{value}' (allowed: {allowed})"),
    QT_TRANSLATE_NOOP("Validation", "'{field}' = '{value}' could be {candidates}: write which one"),
    QT_TRANSLATE_NOOP("Validation", "'{field}' = '{value}' is not a category of GB 18218 Table 2"),
    QT_TRANSLATE_NOOP("Validation", "'{field}' is negative ({value})"),
    QT_TRANSLATE_NOOP("Validation", "'{field}' = {value} is below {minimum}"),
    QT_TRANSLATE_NOOP("Validation", "'{field}' = {value} is implausibly large (> {maximum})"),
    QT_TRANSLATE_NOOP("Validation", "'{field}' = {value} is not one of the LEC table values ({values})"),
    QT_TRANSLATE_NOOP("Validation", "feature has no geometry"),
    QT_TRANSLATE_NOOP("Validation", "geometry is a {found}, expected {expected}"),
    QT_TRANSLATE_NOOP("Validation", "invalid geometry ({reason}); it will be repaired (make valid) before analysis"),
    QT_TRANSLATE_NOOP("Validation", "duplicate {key} '{value}' (also feature {others})"),
    QT_TRANSLATE_NOOP("Validation", "the layer has no coordinate reference system; set it in Layer Properties ▸ "
                                    "Source"),
    QT_TRANSLATE_NOOP("Validation", "geographic CRS {crs}: the analysis reprojects it to a local projected CRS "
                                    "(CGCS2000 3-degree Gauss-Krüger zone in China)"),
    QT_TRANSLATE_NOOP("Validation", "the layer has no features"),
    QT_TRANSLATE_NOOP("Validation", "required field '{field}' ({alias_zh} / {alias_en}) is missing"),
    QT_TRANSLATE_NOOP("Validation", "CRS {crs} differs from {first}'s {first_crs}; it is reprojected to {target}"),
)
PROBLEMS = {  # validation problem code -> its name in the report
    "empty_layer": QT_TRANSLATE_NOOP("Validation", "empty layer"),
    "missing_crs": QT_TRANSLATE_NOOP("Validation", "no coordinate reference system"),
    "geographic_crs": QT_TRANSLATE_NOOP("Validation", "geographic coordinate reference system"),
    "mixed_crs": QT_TRANSLATE_NOOP("Validation", "different coordinate reference systems"),
    "missing_field": QT_TRANSLATE_NOOP("Validation", "missing field"),
    "wrong_type": QT_TRANSLATE_NOOP("Validation", "wrong field type"),
    "numbers_stored_as_text": QT_TRANSLATE_NOOP("Validation", "numbers stored as text"),
    "null_value": QT_TRANSLATE_NOOP("Validation", "empty required value"),
    "null_geometry": QT_TRANSLATE_NOOP("Validation", "no geometry"),
    "invalid_geometry": QT_TRANSLATE_NOOP("Validation", "invalid geometry"),
    "wrong_geometry_type": QT_TRANSLATE_NOOP("Validation", "wrong geometry type"),
    "duplicate_id": QT_TRANSLATE_NOOP("Validation", "duplicate id"),
    "negative_value": QT_TRANSLATE_NOOP("Validation", "negative value"),
    "out_of_range": QT_TRANSLATE_NOOP("Validation", "value out of range"),
    "absurd_value": QT_TRANSLATE_NOOP("Validation", "implausible value"),
    "unknown_code": QT_TRANSLATE_NOOP("Validation", "unknown code"),
    "non_standard_value": QT_TRANSLATE_NOOP("Validation", "value not in the LEC table"),
    "gbk_without_cpg": QT_TRANSLATE_NOOP("Validation", "GBK shapefile without .cpg"),
}
SEVERITIES = {"error": QT_TRANSLATE_NOOP("Validation", "error"),
              "warning": QT_TRANSLATE_NOOP("Validation", "warning"),
              "info": QT_TRANSLATE_NOOP("Validation", "note")}
REPORT_WORDS = {  # layers.report_html.validation_page labels
    "summary": QT_TRANSLATE_NOOP("Validation", "Errors"),
    "warnings": QT_TRANSLATE_NOOP("Validation", "Warnings"),
    "layer": QT_TRANSLATE_NOOP("Validation", "Layer"),
    "features": QT_TRANSLATE_NOOP("Validation", "Features"),
    "errors": QT_TRANSLATE_NOOP("Validation", "Errors"),
    "more": QT_TRANSLATE_NOOP("Validation", "… {0} more"),
    "none": QT_TRANSLATE_NOOP("Validation", "No problems found."),
}


def _pattern(template):
    parts = re.split(r"\{(\w+)\}", template)
    regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts))
    return re.compile(f"^{regex}$", re.S)


_PATTERNS = [(_pattern(t), t) for t in MESSAGES]


def _tr(text):
    return QCoreApplication.translate(CONTEXT, text)


def message(text):
    """A finding's message (English, from layers/validation.py) in the UI language."""
    for pattern, template in _PATTERNS:
        found = pattern.match(text or "")
        if found:
            return _tr(template).format(**found.groupdict())
    return text


def problem(code):
    return _tr(PROBLEMS[code]) if code in PROBLEMS else code


def severity(code):
    return _tr(SEVERITIES[code]) if code in SEVERITIES else code


def report_words():
    """The validation report's words, for layers.report_html.validation_page."""
    words = {key: _tr(text) for key, text in REPORT_WORDS.items()}
    words["problems"] = {code: problem(code) for code in PROBLEMS}
    words["severities"] = {code: severity(code) for code in SEVERITIES}
    return words


def translated_report(report):
    """A ValidationReport with every message in the UI language (the findings are otherwise the same)."""
    from dataclasses import replace

    from .validation import ValidationReport

    return ValidationReport([replace(f, message=message(f.message)) for f in report.findings])
