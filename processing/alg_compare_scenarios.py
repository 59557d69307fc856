"""riskatlas:comparescenarios — what changed between two runs of the full assessment (glue over core.scenarios)."""
from qgis.core import (QgsProcessingOutputNumber, QgsProcessingParameterEnum, QgsProcessingParameterFile,
                       QgsProcessingParameterFileDestination)

from ..atlas.page_templates import PAGE_SIZES
from ..core.garbage_collector import objects_frozen
from ..support import compat
from .base import RiskAtlasAlgorithm


class CompareScenarios(RiskAtlasAlgorithm):
    ALGORITHM_ID = "comparescenarios"
    GROUP_ID = "assessment"
    READS = {}

    def displayName(self):
        return self.tr("Compare scenarios (before / after)")

    def flags(self):  # the page is a layout export
        return super().flags() | compat.FLAG_NO_THREADING

    def initAlgorithm(self, config=None):
        for name, label in (("BEFORE", self.tr("Results before (GeoPackage of a full assessment)")),
                            ("AFTER", self.tr("Results after (GeoPackage of a full assessment)"))):
            self.addParameter(QgsProcessingParameterFile(name, label, extension="gpkg"))
        self.add_sink("OUTPUT_CHANGES", self.tr("Coverage changes"), compat.SOURCE_POINT)
        self.add_sink("OUTPUT_TOWNSHIPS", self.tr("Townships before and after"), compat.SOURCE_POLYGON)
        self.add_html("OUTPUT_HTML", self.tr("Comparison report"))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_PAGE", self.tr("Comparison page (PDF)"), self.tr("PDF files (*.pdf)"), optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterEnum(
            "PAGE_SIZE", self.tr("Page size (landscape)"), options=list(PAGE_SIZES), defaultValue=PAGE_SIZES[0],
            usesStaticStrings=True))
        self.add_language()
        self.addOutput(QgsProcessingOutputNumber("CHANGES", self.tr("Features whose coverage changed")))
        self.addOutput(QgsProcessingOutputNumber("COVERED_BEFORE", self.tr("Residents covered in time, before")))
        self.addOutput(QgsProcessingOutputNumber("COVERED_AFTER", self.tr("Residents covered in time, after")))

    def compute(self, parameters, context, feedback):
        with objects_frozen():
            return self._compute(parameters, context, feedback)

    def _compute(self, parameters, context, feedback):
        from ..core.scenarios import compare_runs
        from ..layers.scenario_io import read_run

        language = self.language(parameters, context)
        before_path, after_path = (self.parameterAsFile(parameters, name, context) for name in ("BEFORE", "AFTER"))
        before, crs = read_run(before_path, language, transform_context=context.transformContext(), feedback=feedback)
        self.advance(feedback, 15)
        after, _crs = read_run(after_path, language, target_crs=crs, transform_context=context.transformContext(),
                               feedback=feedback)
        self.advance(feedback, 30)
        feedback.pushInfo(self.tr("Before: {0} ({1}); after: {2} ({3})").format(before.label, before_path,
                                                                               after.label, after_path))
        comparison = compare_runs(before, after, progress=self.progress(feedback, 30, 40))
        self.push_warnings(feedback, comparison.warnings)
        for layer in comparison.skipped:
            feedback.pushWarning(self.tr("Layer '{0}' is in only one of the two runs: its targets are not "
                                         "compared.").format(layer))
        totals = comparison.totals
        feedback.pushInfo(self.tr("Residents covered by fire stations in time: {0:,.0f} before, {1:,.0f} after; "
                                  "{2} changes.").format(totals["covered_before"], totals["covered_after"],
                                                         totals["changes"]))
        self.advance(feedback, 75)
        return self._write(parameters, context, feedback, comparison, crs, language,
                           before.time_limit or after.time_limit)

    def _write(self, parameters, context, feedback, comparison, crs, language, time_limit):
        import functools

        from ..layers import outputs as out
        from ..layers.scenario_report import scenario_html
        from ..layers.scenario_style import style_scenario_changes, style_scenario_townships

        record = self.provenance(parameters, before_label=comparison.before_label,
                                 after_label=comparison.after_label, compared=list(comparison.compared))
        results = {
            "OUTPUT_CHANGES": self.write_sink(parameters, "OUTPUT_CHANGES", context, comparison.changes,
                                              out.SCENARIO_CHANGE_FIELDS, compat.WKB_POINT, crs, provenance=record,
                                              style=functools.partial(style_scenario_changes, language=language)),
            "OUTPUT_TOWNSHIPS": self.write_sink(parameters, "OUTPUT_TOWNSHIPS", context, comparison.townships,
                                                out.SCENARIO_TOWNSHIP_FIELDS, compat.WKB_MULTIPOLYGON, crs,
                                                provenance=record, style=functools.partial(
                                                    style_scenario_townships, language=language))}
        self.check_cancelled(feedback)
        html = self.write_html(parameters, "OUTPUT_HTML", context,
                               lambda: scenario_html(comparison, language, record, time_limit))
        if html:
            results["OUTPUT_HTML"] = html
        page = self.parameterAsFileOutput(parameters, "OUTPUT_PAGE", context) if self.given(
            parameters, "OUTPUT_PAGE") else ""
        if page:
            from ..atlas.scenario_page import write_scenario_page

            self.advance(feedback, 85)
            write_scenario_page(self.output_file(page), comparison, crs, language, time_limit,
                                self.parameterAsEnumString(parameters, "PAGE_SIZE", context) or PAGE_SIZES[0])
            results["OUTPUT_PAGE"] = page
        results.update(CHANGES=int(len(comparison.changes)), COVERED_BEFORE=comparison.totals["covered_before"],
                       COVERED_AFTER=comparison.totals["covered_after"])
        feedback.setProgress(100)
        return results
