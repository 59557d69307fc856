"""The words of the validation report in the UI language: problem names, severities and the page's
labels (context "Validation"). The findings' own messages are ``core.messages`` templates, rendered by
``Finding.render`` through the "InputError" translation — the same words the algorithms use.
"""
from qgis.PyQt.QtCore import QCoreApplication


def QT_TRANSLATE_NOOP(context, text):  # noqa: N802 (the name pylupdate5 looks for)
    return text


CONTEXT = "Validation"
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
    "absurd_value": QT_TRANSLATE_NOOP("Validation", "value beyond the largest possible"),
    "implausible_value": QT_TRANSLATE_NOOP("Validation", "implausible value"),
    "unknown_substance": QT_TRANSLATE_NOOP("Validation", "substance GB 18218-2018 cannot resolve"),
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


def _tr(text):
    return QCoreApplication.translate(CONTEXT, text)


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
