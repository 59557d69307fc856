"""The assessment's headline figures and its summary: readable lines in the UI language.

``headline_figures`` reads the figures from the steps' outputs once; ``summary_lines`` renders the
files and figures for the log and the SUMMARY output (labels in Chinese or English, one per line).
"""
from qgis.core import QgsApplication, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

from ..core.standards.risk_levels import RISK_LEVELS
from ..support.i18n import ui_language

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
}
FIGURE_LABELS = {  # figure id -> label template ({0}: a risk level's name), translated when shown
    "validation": QT_TRANSLATE_NOOP("FullAssessment", "Validation: errors / warnings"),
    "hazard_units": QT_TRANSLATE_NOOP("FullAssessment", "Hazard units / major hazard sources"),
    "map_level": QT_TRANSLATE_NOOP("FullAssessment", "Four-colour map, {0}: map cells / residents"),
    "reach_residents": QT_TRANSLATE_NOOP("FullAssessment", "Residents a fire station reaches in time"),
    "reach_km2": QT_TRANSLATE_NOOP("FullAssessment", "Area fire stations reach in time (km²)"),
    "reach_enterprises": QT_TRANSLATE_NOOP("FullAssessment", "Enterprises reached in time / all"),
    "atlas_pages": QT_TRANSLATE_NOOP("FullAssessment", "Atlas pages"),
}
SHELTER_NUMBERS = ("COUNTY_M2_PER_CAPITA", "SHARE_MEETING_TARGET", "RESIDENTS_NO_SHELTER", "TOTAL_DEFICIT_M2",
                   "COUNTY_DEFICIT_M2", "SHELTERS_OVERLOADED")  # shelterpercapita outputs shown, labelled as there


def _tr(text):
    return QCoreApplication.translate(CONTEXT, text)


def headline_figures(outputs, reach_summary_uri):
    """[(figure id, label, value)] from the steps' outputs ({step key: results}); labels in the UI language."""
    zh = ui_language() == "zh"
    validation, graded, risk_map = outputs["validate"], outputs["grade"], outputs["map"]
    figures = [("validation", _tr(FIGURE_LABELS["validation"]), f"{validation['ERRORS']} / {validation['WARNINGS']}"),
               ("hazard_units", _tr(FIGURE_LABELS["hazard_units"]), f"{graded['UNITS']} / {graded['MAJOR_UNITS']}")]
    for level in RISK_LEVELS:
        residents = risk_map.get(f"RESIDENTS_LEVEL_{level.level}") or 0
        figures.append((f"map_level_{level.level}",
                        _tr(FIGURE_LABELS["map_level"]).format(level.label_zh if zh else level.label_en),
                        f"{int(risk_map[f'AREAS_LEVEL_{level.level}']):,} / {residents:,.0f}"))
    figures += _reach_figures(reach_summary_uri)
    shelters = QgsApplication.processingRegistry().algorithmById("riskatlas:shelterpercapita")
    for name in SHELTER_NUMBERS:
        value = outputs["shelters"].get(name)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            label = shelters.outputDefinition(name).description() if shelters is not None else name
            shown = f"{value:.1%}" if name == "SHARE_MEETING_TARGET" else (
                f"{value:,.2f}" if name == "COUNTY_M2_PER_CAPITA" else f"{value:,.0f}")
            figures.append((f"shelters_{name.lower()}", label, shown))
    return figures


def _reach_figures(summary_uri):
    """The county-wide line ('ALL') of the fire-station summary table."""
    layer = QgsVectorLayer(summary_uri, "reach_summary", "ogr")
    figures = []
    for feature in layer.getFeatures():
        if feature["station_id"] == "ALL":
            figures = [
                ("reach_residents", _tr(FIGURE_LABELS["reach_residents"]),
                 f"{feature['residents_in_time']:,.0f} ({feature['residents_in_time_pct']:.1f} %)"),
                ("reach_km2", _tr(FIGURE_LABELS["reach_km2"]), f"{feature['reach_km2']:,.1f}"),
                ("reach_enterprises", _tr(FIGURE_LABELS["reach_enterprises"]),
                 f"{feature['enterprise_risk_covered']:,} / {feature['enterprise_risk_total']:,}")]
    del layer
    return figures


def summary_lines(result):
    """The run as readable lines in the UI language: the folder, each file, each headline figure."""
    lines = [translate("FullAssessment", "Risk Atlas assessment — output folder: {0}").format(result.output_folder), translate("FullAssessment", "Files:")]
    lines += [f"  {_tr(FILE_LABELS[key])}: {path}" for key, path in result.files.items()]
    lines.append(translate("FullAssessment", "Headline figures:"))
    lines += [f"  {label}: {value}" for _id, label, value in result.figures]
    return lines
