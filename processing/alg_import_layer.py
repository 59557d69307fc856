"""riskatlas:importlayer — a planner's own ledger (xlsx, csv, shapefile, GeoJSON, GeoPackage layer)
into a layer of one Risk Atlas kind (glue: reading in layers/ledger_source.py, the import in
core/ledger and layers/ledger_import.py, the report in layers/ledger_report.py)."""
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ..layers.schemas import IMPORT_KINDS, import_kind_title, schema_of
from ..layers.ledger_crs import coordinate_labels
from ..support import compat
from ..support.i18n import is_chinese
from . import preselect
from .base import RiskAtlasAlgorithm


class ImportLayer(RiskAtlasAlgorithm):
    ALGORITHM_ID = "importlayer"
    GROUP_ID = "data"

    def displayName(self):
        return self.tr("Import ledger or layer")

    def initAlgorithm(self, config=None):
        zh = is_chinese()
        ledger = QgsProcessingParameterVectorLayer(
            "INPUT", self.tr("Ledger or layer (xlsx, csv, shapefile, GeoJSON, GeoPackage layer)"),
            [compat.SOURCE_VECTOR])
        preselect.offer_ledger(ledger, [compat.SOURCE_VECTOR])  # no kind yet: KIND or its headers say which
        self.addParameter(ledger)
        self.addParameter(QgsProcessingParameterEnum(
            "KIND", self.tr("Layer kind (empty: recognised from the headers)"),
            [import_kind_title(kind, zh) for kind in IMPORT_KINDS], optional=True))
        self.addParameter(QgsProcessingParameterString(
            "FIELD_MAP", self.tr("Column mapping (源列=field;源列=field; wins over the recognised headers)"),
            optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            "COORDINATES", self.tr("Coordinates are"),
            coordinate_labels(),
            defaultValue=0))
        self.addParameter(QgsProcessingParameterCrs(
            "SOURCE_CRS", self.tr("CRS of projected coordinate columns (or of a layer without one)"), optional=True))
        for name, label in (("X_FIELD", self.tr("Longitude / X column (empty: recognised)")),
                            ("Y_FIELD", self.tr("Latitude / Y column (empty: recognised)"))):
            self.addParameter(QgsProcessingParameterString(name, label, optional=True))
        self.addParameter(QgsProcessingParameterCrs(
            "TARGET_CRS", self.tr("Output CRS (empty: the CGCS2000 Gauss-Krüger zone of the study area or the data)"),
            optional=True))
        self.add_source("STUDY_AREA", self.tr("Study area (places outside it are listed)"), [compat.SOURCE_POLYGON],
                        optional=True, kind="townships")
        self.add_sink("OUTPUT", self.tr("Imported layer"), compat.SOURCE_ANY_GEOMETRY)
        self.add_sink("OUTPUT_REPORT", self.tr("Import report"), compat.SOURCE_VECTOR, optional=True)
        self.add_html("OUTPUT_HTML", self.tr("Import report (HTML)"))
        self.addOutput(QgsProcessingOutputString("KIND_USED", self.tr("Layer kind imported")))
        self.addOutput(QgsProcessingOutputNumber("FEATURES", self.tr("Features written")))

    def options(self, parameters, context, feedback):
        from ..layers.ledger_import import ImportOptions

        def text(name):
            return self.parameterAsString(parameters, name, context).strip() or None

        def crs(name):
            value = self.parameterAsCrs(parameters, name, context) if self.given(parameters, name) else None
            return value if value is not None and value.isValid() else None

        study = self.read_source(parameters, "STUDY_AREA", context, feedback,
                                 target_crs=QgsCoordinateReferenceSystem("EPSG:4326"), required=False)
        kind = IMPORT_KINDS[self.parameterAsEnum(parameters, "KIND", context)] if self.given(parameters, "KIND") \
            else None
        return ImportOptions(kind, text("FIELD_MAP"), self.parameterAsEnum(parameters, "COORDINATES", context),
                             crs("SOURCE_CRS"), text("X_FIELD"), text("Y_FIELD"), crs("TARGET_CRS"),
                             study.gdf.geometry.dropna().values if study is not None else None)

    def compute(self, parameters, context, feedback):
        from ..layers import ledger_report as report
        from ..layers.ledger_import import output_fields, run_import
        from ..core import messages as m
        from ..core.errors import InputError, Notice
        from ..layers.ledger_source import GBK_NOTE, read_ledger_source
        from ..layers.outputs import IMPORT_REPORT_FIELDS
        from ..layers.sinks import wkb_type_for
        from ..layers.styling import STYLE_BY_KIND

        zh = is_chinese()
        options = self.options(parameters, context, feedback)
        try:
            source = read_ledger_source(parameters.get("INPUT"), context)
            result = run_import(source, options)
        except (ValueError, KeyError) as error:
            raise QgsProcessingException(self.tr("Cannot import: {0}").format(error)) from error
        self.advance(feedback, 60)
        if result.kind and not result.stops and len(result.read.row_numbers) == 0:
            raise InputError(m.EMPTY_LAYER, layer=source.name)
        if any(note == ("encoding", GBK_NOTE) for note in source.notes):
            self.push_warnings(feedback, [Notice(m.GBK_READ_AS_GBK, layer=source.name)])
        for line in result.lines:
            text = self.at_layer(source.name, report.message(line, result.kind, zh))
            if line.severity == "warning":
                feedback.pushWarning(text)
            else:
                feedback.pushInfo(text)
        html = self.write_html(parameters, "OUTPUT_HTML", context, lambda: report.report_page(result, zh))
        if result.stops:
            if html:
                self.keep_on_failure(html)  # it says why nothing was written
            where = self.tr(" See the report: {0}").format(html) if html else ""
            raise QgsProcessingException(self.at_layer(source.name, self.tr("The import stopped: nothing was "
                                                                             "written.") + where) + "\n"
                                         + report.problems_text(result, zh))
        kind, frame = result.kind, result.frame
        schema = schema_of(kind)
        specs = [(name, kind_of, _alias(schema, name, zh)) for name, kind_of in output_fields(kind, frame.columns)]
        record = self.provenance(parameters, kind=kind, target_crs=result.target_crs.authid())
        dest = self.write_sink(parameters, "OUTPUT", context, frame, specs, wkb_type_for(frame, _wkb(schema)),
                               result.target_crs, feedback, (60, 95), style=STYLE_BY_KIND[schema.kind],
                               provenance=record)
        self.__dict__["_styled_output"] = (self.final_id(dest), schema.kind)
        if context.willLoadLayerOnCompletion(dest):  # the desktop adds it to the project: named as its kind
            from ..layers.project import input_title
            from ..layers.schemas import ASSESSMENT_INPUTS

            item = next(i for i in ASSESSMENT_INPUTS if i.layer == kind)
            context.layerToLoadOnCompletionDetails(dest).name = input_title(item, "zh" if zh else "en")
        results = {"OUTPUT": dest, "KIND_USED": kind, "FEATURES": len(frame)}
        report_id = self.write_sink(parameters, "OUTPUT_REPORT", context, report.report_frame(result, zh),
                                    IMPORT_REPORT_FIELDS, compat.WKB_NO_GEOMETRY, required=False)
        if report_id is not None:
            results["OUTPUT_REPORT"] = report_id
        if html:
            results["OUTPUT_HTML"] = html
        self.push_provenance(feedback, record)
        return results

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802 (QGIS API)
        """A GeoPackage output also keeps its style (value maps, aliases) as the layer's default."""
        from ..layers.styling import store_default_style

        results = super().postProcessAlgorithm(context, feedback)
        dest, kind = self.__dict__.pop("_styled_output", (None, None))
        if dest:
            problem = store_default_style(dest, kind, "zh" if is_chinese() else "en")
            if problem:
                feedback.pushWarning(problem)
        return results


def _alias(schema, name, zh):
    spec = schema.field_by_name.get(name)
    return (spec.alias_zh if zh else spec.alias_en) if spec else None


def _wkb(schema):
    """The layer type when no feature has a geometry: the kind's first geometry."""
    from ..layers.template import WKB_TYPES

    return WKB_TYPES[schema.geometries[0]]
