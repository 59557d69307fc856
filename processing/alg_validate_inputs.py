"""riskatlas:validateinputs — checks the input layers against their schemas and reports, with the rules the
algorithms apply (layers.validation) and what the chosen methods need (METHOD: the LEC or matrix fields)."""
from qgis.core import (QgsProcessingException, QgsProcessingOutputNumber, QgsProcessingParameterBoolean,
                       QgsProcessingParameterEnum)

from ..core.standards.risk_presets import LEC, MATRIX
from ..layers.kinds import title as kind_title
from ..layers.schemas import ASSESSMENT_INPUTS
from ..support.i18n import ui_language
from ..support import compat
from .base import RiskAtlasAlgorithm, input_label, translate_input_error

METHODS = (LEC, MATRIX)  # METHOD enum order (as enterpriserisk's)


class ValidateInputs(RiskAtlasAlgorithm):
    ALGORITHM_ID = "validateinputs"
    GROUP_ID = "data"

    def displayName(self):
        return self.tr("Validate input layers")

    def initAlgorithm(self, config=None):
        for layer in ASSESSMENT_INPUTS:
            self.add_source(layer.parameter, input_label(layer), [compat.SOURCE_ANY_GEOMETRY], optional=True,
                            kind=layer.kind, geometry=layer.template_geometry)
        self.addParameter(QgsProcessingParameterEnum(
            "METHOD", self.tr("Enterprise risk method (its fields are checked)"),
            [self.tr("LEC (D = L × E × C)"), self.tr("Risk matrix (likelihood × severity)")], defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            "FAIL_ON_ERROR", self.tr("Fail when errors are found"), defaultValue=False))
        self.add_sink("OUTPUT", self.tr("Validation report"), compat.SOURCE_VECTOR)
        self.add_html("OUTPUT_HTML", self.tr("Validation summary (HTML)"))
        self.addOutput(QgsProcessingOutputNumber("ERRORS", self.tr("Number of errors")))
        self.addOutput(QgsProcessingOutputNumber("WARNINGS", self.tr("Number of warnings")))

    def compute(self, parameters, context, feedback):
        from ..layers.validation import ValidationReport, check_mixed_crs

        report = ValidationReport()
        given = [i for i in ASSESSMENT_INPUTS if self.given(parameters, i.parameter)]
        if not given:
            raise QgsProcessingException(self.tr("Give at least one input layer to validate."))
        method = METHODS[self.parameterAsEnum(parameters, "METHOD", context)]
        crs_by_layer, layer_sizes = [], []
        for step, layer in enumerate(given):
            name, facts, size = self._validate(parameters, layer, method, context, feedback, report)
            crs_by_layer.append((name, facts))
            layer_sizes.append((name, size))
            feedback.setProgress(100.0 * (step + 1) / len(given))
        report.extend(check_mixed_crs(crs_by_layer))
        return self._report(parameters, context, feedback, report, layer_sizes)

    def _validate(self, parameters, layer, method, context, feedback, report):
        """Check one input layer into ``report``; returns (its name, CrsFacts, feature count)."""
        from ..layers.convert import bulk_layer, source_to_frame
        from ..layers.validation import GBK_ENCODING, WARNING, CrsFacts, finding, validate_layer

        source = self.parameterAsSource(parameters, layer.parameter, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, layer.parameter))
        name = self.source_label(parameters, layer.parameter, source)
        feedback.pushInfo(self.tr("Checking {0} as {1}").format(name, kind_title(layer.kind, ui_language())))
        crs = source.sourceCrs()
        whole = bulk_layer(parameters.get(layer.parameter), self.parameterAsVectorLayer(parameters, layer.parameter,
                                                                                         context))
        frame = source_to_frame(source, name, target_crs=crs, transform_context=context.transformContext(),
                                feedback=feedback, layer=whole)
        self.check_cancelled(feedback)
        for notice in self._read_gbk(parameters, layer.parameter, context, frame):  # checked as GBK text
            report.extend([finding(name, None, None, GBK_ENCODING, WARNING, notice.template)])
        facts = CrsFacts(crs.isValid(), crs.isValid() and crs.isGeographic(), crs.authid(), crs.description())
        report.extend(validate_layer(layer.schema, name, frame.gdf, frame.field_types, facts,
                                     method=method if layer.kind == "enterprises" else None))
        return name, facts, len(frame.gdf)

    def _report(self, parameters, context, feedback, report, layer_sizes):
        import pandas as pd

        from ..core.errors import feature_label
        from ..layers.messages import report_words
        from ..layers.outputs import VALIDATION_REPORT_FIELDS

        table = report.to_frame(translate_input_error)  # messages in the UI language: report table and HTML
        table["feature_id"] = pd.array(table["feature_id"], dtype="Int64")
        results = {"OUTPUT": self.write_sink(parameters, "OUTPUT", context, table, VALIDATION_REPORT_FIELDS,
                                             compat.WKB_NO_GEOMETRY),
                   "ERRORS": len(report.errors), "WARNINGS": len(report.warnings)}
        html = self.write_html(parameters, "OUTPUT_HTML", context, lambda: report.to_html(
            title=self.tr("Risk Atlas — input validation"), layers=layer_sizes, labels=report_words(),
            translate=translate_input_error))
        if html:
            results["OUTPUT_HTML"] = html
        lines = [" · ".join(str(p) for p in (f.layer, f.feature_id is not None and feature_label(f.feature_id, f.key),
                                              f.field) if p) + ": " + f.render(translate_input_error)
                 for f in report.errors]
        for line in lines[:20]:
            feedback.reportError(line)
        feedback.pushInfo(self.tr("{0} errors, {1} warnings").format(len(report.errors), len(report.warnings)))
        if report.errors and self.parameterAsBoolean(parameters, "FAIL_ON_ERROR", context):
            raise QgsProcessingException(self.tr("{0} errors found in the input layers; first: {1}").format(
                len(report.errors), "; ".join(lines[:3])))
        return results
