"""riskatlas:validateinputs — checks the input layers against their schemas and reports."""
from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
)

from ..support import compat
from ..layers.schemas import ASSESSMENT_INPUTS
from .base import RiskAtlasAlgorithm, input_label

REPORT_FIELDS = (("layer", "string"), ("feature_id", "int"), ("field", "string"), ("problem", "string"),
                 ("severity", "string"), ("message", "string"))


class ValidateInputs(RiskAtlasAlgorithm):
    ALGORITHM_ID = "validateinputs"
    GROUP_ID = "data"

    def displayName(self):
        return self.tr("Validate input layers")

    def group(self):
        return self.tr("Data")

    def shortHelpString(self):
        return self.tr(
            "Checks the input layers against the Risk Atlas schemas (the fields of the data template) and "
            "writes a report table and an HTML summary.\n\n"
            "Checks: empty layer; missing or geographic CRS (geographic layers are reprojected to a local "
            "projected CRS by the analyses: a warning); layers in different CRSs (warning: reprojected to the "
            "first layer's CRS); missing required fields; wrong field types (numbers stored as text are a "
            "warning when every value parses); empty required values; null, invalid (warning: repaired) or "
            "wrongly typed geometries; duplicate ids; negative or implausible values (e.g. quantity above "
            "1,000,000 t); unknown codes (shelter type, station class, road class, direction, hazard category); "
            "LEC values outside the LEC tables (warning); GBK-encoded shapefiles without a .cpg file "
            "(warning: set the layer's data source encoding to GBK).\n\n"
            "Every input is optional: give the layers you have. The algorithm succeeds even when errors are "
            "found, unless 'Fail when errors are found' is ticked. Input layers are never modified.")

    def initAlgorithm(self, config=None):
        for layer in ASSESSMENT_INPUTS:
            self.addParameter(QgsProcessingParameterFeatureSource(
                layer.parameter, input_label(layer), [compat.SOURCE_ANY_GEOMETRY], optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            "FAIL_ON_ERROR", self.tr("Fail when errors are found"), defaultValue=False))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Validation report"), compat.SOURCE_VECTOR))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_HTML", self.tr("Validation summary (HTML)"), self.tr("HTML files (*.html)"), optional=True))
        self.addOutput(QgsProcessingOutputNumber("ERRORS", self.tr("Number of errors")))
        self.addOutput(QgsProcessingOutputNumber("WARNINGS", self.tr("Number of warnings")))

    def compute(self, parameters, context, feedback):
        import pandas as pd

        from ..layers.convert import make_fields, source_to_frame, write_to_sink
        from ..layers.encoding import gbk_without_declaration
        from ..layers.schemas import SCHEMAS
        from ..layers.validation import (GBK_ENCODING, WARNING, CrsFacts, Finding, ValidationReport,
                                         check_mixed_crs, validate_layer)

        report = ValidationReport()
        given = [(i.parameter, i.kind) for i in ASSESSMENT_INPUTS if parameters.get(i.parameter) not in (None, "")]
        if not given:
            raise QgsProcessingException(self.tr("Give at least one input layer to validate."))
        crs_by_layer, layer_sizes = [], []
        for step, (name, kind) in enumerate(given):
            source = self.parameterAsSource(parameters, name, context)
            if source is None:
                raise QgsProcessingException(self.invalidSourceError(parameters, name))
            layer_name = self.source_label(parameters, name, source)
            feedback.pushInfo(self.tr("Checking {0} as {1}").format(layer_name, kind))
            crs = source.sourceCrs()
            frame = source_to_frame(source, layer_name, target_crs=crs,
                                    transform_context=context.transformContext(), feedback=feedback)
            self.check_cancelled(feedback)
            facts = CrsFacts(crs.isValid(), crs.isValid() and crs.isGeographic(), crs.authid(), crs.description())
            crs_by_layer.append((layer_name, facts))
            layer_sizes.append((layer_name, len(frame.gdf)))
            report.extend(validate_layer(SCHEMAS[kind], layer_name, frame.gdf, frame.field_types, facts))
            vector_layer = self.parameterAsVectorLayer(parameters, name, context)
            if vector_layer is not None:
                path = vector_layer.source().split("|")[0]
                encoding = vector_layer.dataProvider().encoding() if vector_layer.dataProvider() else ""
                if gbk_without_declaration(path, encoding):
                    report.extend([Finding(layer_name, None, None, GBK_ENCODING, WARNING, self.tr(
                        "the shapefile's text is GBK-encoded but it has no .cpg file: Chinese text shows "
                        "garbled. Set Layer Properties ▸ Source ▸ Data source encoding to GBK, or add a "
                        ".cpg file containing GBK"))])
            feedback.setProgress(100.0 * (step + 1) / len(given))
        report.extend(check_mixed_crs(crs_by_layer))

        table = report.to_frame()
        table["feature_id"] = pd.array(table["feature_id"], dtype="Int64")
        fields = make_fields(REPORT_FIELDS)
        sink, dest_id = self.parameterAsSink(parameters, "OUTPUT", context, fields, compat.WKB_NO_GEOMETRY)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        write_to_sink(table, sink, fields)
        results = {"OUTPUT": dest_id, "ERRORS": len(report.errors), "WARNINGS": len(report.warnings)}
        html_path = self.parameterAsFileOutput(parameters, "OUTPUT_HTML", context)
        if html_path:
            with open(html_path, "w", encoding="utf-8") as handle:
                handle.write(report.to_html(title=self.tr("Risk Atlas — input validation"), layers=layer_sizes,
                                            labels={"summary": self.tr("Errors"), "warnings": self.tr("Warnings")}))
            results["OUTPUT_HTML"] = html_path
        for finding in report.errors[:20]:
            feedback.reportError(f"{finding.layer} #{finding.feature_id} {finding.field or ''}: {finding.message}")
        feedback.pushInfo(self.tr("{0} errors, {1} warnings").format(len(report.errors), len(report.warnings)))
        if report.errors and self.parameterAsBoolean(parameters, "FAIL_ON_ERROR", context):
            raise QgsProcessingException(
                self.tr("{0} errors found in the input layers; see the report").format(len(report.errors)))
        return results


ALGORITHM = ValidateInputs
