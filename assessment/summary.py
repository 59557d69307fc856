"""The assessment's summary: the files and the headline figures as readable lines in the UI language.

The headline figures are computed once (``core/headline.py``) and kept by the atlas step in the
``headline_figures`` table of the results GeoPackage; the summary reads them from there (with the
input check and grading counts before them), so the log says what the PDF, the reports and the
table say.
"""
from qgis.core import QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

translate = QCoreApplication.translate


def QT_TRANSLATE_NOOP(context, text):  # noqa: N802 (the name pylupdate5 looks for; translated when shown)
    return text


CONTEXT = "FullAssessment"
FILE_LABELS = {  # AssessmentResult.files keys -> label (translated when shown)
    "gpkg": QT_TRANSLATE_NOOP("FullAssessment", "Result GeoPackage"),
    "pdf": QT_TRANSLATE_NOOP("FullAssessment", "Risk atlas (PDF)"),
    "png": QT_TRANSLATE_NOOP("FullAssessment", "Atlas pages (PNG)"),
    "validation": QT_TRANSLATE_NOOP("FullAssessment", "Validation report"),
    "fire_station_reach": QT_TRANSLATE_NOOP("FullAssessment", "Fire-station report"),
    "shelters": QT_TRANSLATE_NOOP("FullAssessment", "Shelter report"),
    "project": QT_TRANSLATE_NOOP("FullAssessment", "QGIS project"),
    "imported": QT_TRANSLATE_NOOP("FullAssessment", "Imported ledgers"),
    "scenario": QT_TRANSLATE_NOOP("FullAssessment", "Stations and shelters of this run (existing and proposed)"),
    "import": QT_TRANSLATE_NOOP("FullAssessment", "Import report: {0}"),  # import_<PARAMETER>: one per ledger
}
FIGURE_LABELS = {  # the run's own counts, before the headline figures (translated when shown)
    "validation": QT_TRANSLATE_NOOP("FullAssessment", "Validation: errors / warnings"),
    "hazard_units": QT_TRANSLATE_NOOP("FullAssessment", "Hazard units / major hazard sources"),
    "atlas_pages": QT_TRANSLATE_NOOP("FullAssessment", "Atlas pages"),
}


def _tr(text):
    return QCoreApplication.translate(CONTEXT, text)


def run_figures(outputs):
    """[(figure id, label, value)]: the input check's and the grading's counts ({step key: results})."""
    validation, graded = outputs["validate"], outputs["grade"]
    return [("validation", _tr(FIGURE_LABELS["validation"]), f"{validation['ERRORS']} / {validation['WARNINGS']}"),
            ("hazard_units", _tr(FIGURE_LABELS["hazard_units"]), f"{graded['UNITS']} / {graded['MAJOR_UNITS']}")]


def read_headline_figures(gpkg, language):
    """[(figure id, label, 'shown unit')] of the headline_figures table of ``gpkg`` (in its order), in
    ``language`` — each as ``core.headline.HeadlineFigure.line`` prints it."""
    from ..core.headline import HeadlineFigure

    layer = QgsVectorLayer(f"{gpkg}|layername=headline_figures", "headline_figures", "ogr")
    figures = []
    for feature in layer.getFeatures():
        values = {name: feature[name] for name in ("figure_id", "unit", "shown", "label_zh", "label_en",
                                                   "definition_zh", "definition_en")}
        value = feature["value"]
        figure = HeadlineFigure(value=None if value is None or value != value else float(value), **values)
        label, _separator, shown = figure.line(language).partition("：" if language == "zh" else ": ")
        figures.append((figure.figure_id, label, shown))
    del layer
    return figures


def _file_label(key):
    if key.startswith("import_"):  # a raw ledger's import report, named by its input's label
        from ..layers.schemas import ASSESSMENT_INPUTS
        from ..processing.base import input_label

        parameter = key[len("import_"):]
        item = next((i for i in ASSESSMENT_INPUTS if i.parameter == parameter), None)
        return _tr(FILE_LABELS["import"]).format(input_label(item) if item else parameter)
    return _tr(FILE_LABELS[key])


def summary_lines(result):
    """The run as readable lines in the UI language: the folder, each file, each figure."""
    lines = [translate("FullAssessment", "Risk Atlas assessment — output folder: {0}").format(result.output_folder)]
    if result.run_label:
        lines.append(translate("FullAssessment", "Run: {0}").format(result.run_label))
    lines.append(translate("FullAssessment", "Files:"))
    lines += [f"  {_file_label(key)}: {path}" for key, path in result.files.items()]
    lines.append(translate("FullAssessment", "Headline figures:"))
    lines += [f"  {label}: {value}" for _id, label, value in result.figures]
    return lines
