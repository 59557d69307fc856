"""The atlas's headline figures and cross-checks, in the algorithm's log (UI language)."""
from qgis.PyQt.QtCore import QCoreApplication

from . import text as T

_translate = QCoreApplication.translate  # context "ExportAtlas": the algorithm's messages


def report_figures(figures, feedback, language):
    """County residents by level, the three indicators, and how the atlas's figures compare with the
    layers' own totals."""
    county = figures.county
    levels = ", ".join(f"{T.level_label(i + 1, language)} {T.integer(v)}"
                       for i, v in enumerate(county.residents_by_level))
    feedback.pushInfo(_translate("ExportAtlas", "County: {0} residents in {1} townships — {2}").format(
        T.integer(county.residents), len(figures.townships), levels))
    feedback.pushInfo(_translate(
        "ExportAtlas", "5-minute coverage: {0}; fixed-shelter area per resident: {1}; major hazard units: {2}").format(
        T.coverage_text(county, language), T.shelter_text(county, language, figures.shelter_target),
        T.major_text(county, language)))
    totals = figures.layer_totals
    outside = totals.get("risk_map_residents", 0.0) - county.residents
    if totals.get("risk_map_residents", 0) > 0 and abs(outside) > 0.005 * totals["risk_map_residents"]:
        feedback.pushWarning(_translate(
            "ExportAtlas",
            "{0} residents of the risk map lie outside every township and are not in the atlas figures.").format(
            T.integer(outside)))
    if "reach_gap_residents" in totals and county.covered_residents is not None:
        feedback.pushInfo(_translate(
            "ExportAtlas", "Cross-check: the reach gaps hold {0} residents; the atlas counts {1} residents not "
            "covered (from the risk map's residents).").format(
            T.integer(totals["reach_gap_residents"]), T.integer(county.residents - county.covered_residents)))
