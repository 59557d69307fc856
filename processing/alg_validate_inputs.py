"""riskatlas:validateinputs — checks the input layers against their schemas and reports."""
from qgis.core import QgsProcessingException, QgsProcessingOutputNumber, QgsProcessingParameterBoolean

from ..layers.kinds import title as kind_title
from ..layers.schemas import ASSESSMENT_INPUTS
from ..support.i18n import ui_language
from ..support import compat
from .base import RiskAtlasAlgorithm, input_label


class ValidateInputs(RiskAtlasAlgorithm):
    ALGORITHM_ID = "validateinputs"
    GROUP_ID = "data"

    def displayName(self):
        return self.tr("Validate input layers")

    def initAlgorithm(self, config=None):
        for layer in ASSESSMENT_INPUTS:
            self.add_source(layer.parameter, input_label(layer), [compat.SOURCE_ANY_GEOMETRY], optional=True,
                            kind=layer.kind, geometry=layer.template_geometry)
        self.addParameter(QgsProcessingParameterBoolean(
            "FAIL_ON_ERROR", self.tr("Fail when errors are found"), defaultValue=False))
        self.add_sink("OUTPUT", self.tr("Validation report"), compat.SOURCE_VECTOR)
        self.add_html("OUTPUT_HTML", self.tr("Validation summary (HTML)"))
        self.addOutput(QgsProcessingOutputNumber("ERRORS", self.tr("Number of errors")))
        self.addOutput(QgsProcessingOutputNumber("WARNINGS", self.tr("Number of warnings")))

    def compute(self, parameters, context, feedback):
        import pandas as pd

        from ..layers.convert import bulk_layer, source_to_frame
        from ..layers.encoding import gbk_without_declaration
        from ..layers.outputs import VALIDATION_REPORT_FIELDS
        from ..layers.validation import (GBK_ENCODING, WARNING, CrsFacts, Finding, ValidationReport, check_mixed_crs,
                                         validate_layer)

        report = ValidationReport()
        given = [i for i in ASSESSMENT_INPUTS if self.given(parameters, i.parameter)]
        if not given:
            raise QgsProcessingException(self.tr("Give at least one input layer to validate."))
        crs_by_layer, layer_sizes = [], []
        for step, layer in enumerate(given):
            source = self.parameterAsSource(parameters, layer.parameter, context)
            if source is None:
                raise QgsProcessingException(self.invalidSourceError(parameters, layer.parameter))
            name = self.source_label(parameters, layer.parameter, source)
            feedback.pushInfo(self.tr("Checking {0} as {1}").format(name, kind_title(layer.kind, ui_language())))
            crs = source.sourceCrs()
            vector_layer = self.parameterAsVectorLayer(parameters, layer.parameter, context)
            frame = source_to_frame(source, name, target_crs=crs, transform_context=context.transformContext(),
                                    feedback=feedback, layer=bulk_layer(parameters.get(layer.parameter), vector_layer),
                                    invalid_check=context.invalidGeometryCheck())
            self.check_cancelled(feedback)
            facts = CrsFacts(crs.isValid(), crs.isValid() and crs.isGeographic(), crs.authid(), crs.description())
            crs_by_layer.append((name, facts))
            layer_sizes.append((name, len(frame.gdf)))
            report.extend(validate_layer(layer.schema, name, frame.gdf, frame.field_types, facts))
            provider = vector_layer.dataProvider() if vector_layer is not None else None
            if provider is not None and gbk_without_declaration(vector_layer.source().split("|")[0],
                                                                provider.encoding()):
                report.extend([Finding(name, None, None, GBK_ENCODING, WARNING, self.tr(
                    "the shapefile's text is GBK-encoded but it has no .cpg file: Chinese text shows garbled. Set "
                    "Layer Properties ▸ Source ▸ Data source encoding to GBK, or add a .cpg file containing GBK"))])
            feedback.setProgress(100.0 * (step + 1) / len(given))
        report.extend(check_mixed_crs(crs_by_layer))

        from ..layers.messages import report_words, translated_report

        report = translated_report(report)  # messages in the UI language: log, report table and HTML
        table = report.to_frame()
        table["feature_id"] = pd.array(table["feature_id"], dtype="Int64")
        results = {"OUTPUT": self.write_sink(parameters, "OUTPUT", context, table, VALIDATION_REPORT_FIELDS,
                                             compat.WKB_NO_GEOMETRY),
                   "ERRORS": len(report.errors), "WARNINGS": len(report.warnings)}
        html = self.write_html(parameters, "OUTPUT_HTML", context, lambda: report.to_html(
            title=self.tr("Risk Atlas — input validation"), layers=layer_sizes, labels=report_words()))
        if html:
            results["OUTPUT_HTML"] = html
        for finding in report.errors[:20]:
            feedback.reportError(f"{finding.layer} #{finding.feature_id} {finding.field or ''}: {finding.message}")
        feedback.pushInfo(self.tr("{0} errors, {1} warnings").format(len(report.errors), len(report.warnings)))
        if report.errors and self.parameterAsBoolean(parameters, "FAIL_ON_ERROR", context):
            raise QgsProcessingException(
                self.tr("{0} errors found in the input layers; see the report").format(len(report.errors)))
        return results
