"""The atlas's headline figures and cross-checks, in the algorithm's log (UI language).

The figures are the ``core.headline`` ones the PDF prints and the ``headline_figures`` table holds,
each line 'label：shown unit'."""
from qgis.PyQt.QtCore import QCoreApplication

from ..core.headline import FOOTNOTES
from ..support.i18n import is_chinese
from . import text as T

_translate = QCoreApplication.translate  # context "ExportAtlas": the algorithm's messages


def headline_lines(headline, language):
    """The headline figures as log lines, then the footnotes of the figures with two definitions."""
    lines = [figure.line(language) for figure in headline]
    ids = {figure.figure_id for figure in headline}
    notes = [key for key, figure_id in (("map_units", "map_cells"), ("shelter_deficit", "shelter_total_deficit_m2"))
             if figure_id in ids]
    return lines + [FOOTNOTES[key][0 if language == "zh" else 1] for key in notes]


def report_figures(figures, headline, feedback):
    """The headline figures, and how the atlas's figures compare with the layers' own totals."""
    language = "zh" if is_chinese() else "en"
    feedback.pushInfo(_translate("ExportAtlas", "Headline figures ({0} townships):").format(len(figures.townships)))
    for line in headline_lines(headline, language):
        feedback.pushInfo("  " + line)
    totals = figures.layer_totals
    county = figures.county
    outside = totals.get("risk_map_residents", 0.0) - county.residents
    if totals.get("risk_map_residents", 0) > 0 and abs(outside) > 0.005 * totals["risk_map_residents"]:
        feedback.pushWarning(_translate(
            "ExportAtlas",
            "{0} residents of the risk map lie outside every township and are not in the atlas figures.").format(
            T.integer(outside)))
    if totals.get("risk_map_units_outside"):
        feedback.pushWarning(_translate(
            "ExportAtlas", "{0} units of the risk map lie outside every township (give the fourcolourmap a "
            "STUDY_AREA to cut the map to the townships).").format(totals["risk_map_units_outside"]))
    if totals.get("coverage_source") in ("reach_areas", "reach_gaps"):
        feedback.pushInfo(_translate(
            "ExportAtlas", "The reach layers hold no residents: the residents within 5 minutes are the risk map's "
            "residents inside the reach areas."))
