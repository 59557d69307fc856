"""riskatlas:fullassessment — the whole assessment in one run (the chain of assessment/chain.py,
run by assessment/pipeline.py).

In the desktop the analysis runs in Processing's background task (QGIS stays usable, 取消 works)
and the atlas — print layouts, which need the main thread — in ``postProcessAlgorithm`` afterwards
(its results then leave SUMMARY out: the dialog prints the results as a Python dict after the log,
which shows the summary as readable lines already); run on the main thread (processing.run,
qgis_process) both phases run in ``compute``."""
from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QCoreApplication, QThread

from ..assessment.chain import DEFAULT_OPTIONS
from ..layers.ledger_crs import coordinate_labels
from ..layers.schemas import ASSESSMENT_INPUTS, PROPOSED_INPUTS
from ..support import compat
from ..support.i18n import ui_language
from .alg_export_atlas import LANGUAGES, PAGE_SIZES
from .base import Cancelled, RiskAtlasAlgorithm, input_label, source_types


class FullAssessment(RiskAtlasAlgorithm):
    ALGORITHM_ID = "fullassessment"
    GROUP_ID = "assessment"

    def displayName(self):
        return self.tr("Full risk assessment (one run)")

    def initAlgorithm(self, config=None):
        from ..assessment.desktop import default_output_folder

        for layer in ASSESSMENT_INPUTS:  # a raw ledger (a table) is accepted too: it is imported first
            self.add_source(layer.parameter, input_label(layer),
                            source_types(layer.schema.geometries) + [compat.SOURCE_VECTOR],
                            optional=not layer.required or layer.parameter == "POPULATION", kind=layer.kind,
                            geometry=layer.template_geometry)  # POPULATION: or POPULATION_RASTER
        for planned in PROPOSED_INPUTS:  # the "today + plan" scenario: added to the existing ones for this run
            self.add_source(planned.parameter, input_label(planned), source_types(planned.geometries), optional=True)
        self.addParameter(QgsProcessingParameterRasterLayer(
            "POPULATION_RASTER", self.tr("Population grid (raster, band 1 = residents per cell; instead of "
                                         "a population layer)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            "COORDINATES", self.tr("Coordinates of raw ledgers are"), coordinate_labels(),
            defaultValue=DEFAULT_OPTIONS["COORDINATES"]))
        self.addParameter(QgsProcessingParameterEnum(
            "METHOD", self.tr("Enterprise risk method"), [self.tr("LEC (D = L × E × C)"),
                                                         self.tr("Risk matrix (likelihood × severity)")],
            defaultValue=DEFAULT_OPTIONS["METHOD"]))
        self.add_number("CELL_SIZE", self.tr("Four-colour map grid cell size (m)"), DEFAULT_OPTIONS["CELL_SIZE"],
                        minimum=1.0, decimals=0)
        self.addParameter(QgsProcessingParameterString(
            "RADII", self.tr("Influence radii of levels 1, 2, 3, 4 (m)"), DEFAULT_OPTIONS["RADII"]))
        self.add_number("TIME_LIMIT", self.tr("Fire-station time limit from dispatch (min)"),
                        DEFAULT_OPTIONS["TIME_LIMIT"], minimum=0.1, decimals=2)
        self.add_number("DEFAULT_TURNOUT", self.tr("Turnout time when a station gives none (min)"),
                        DEFAULT_OPTIONS["DEFAULT_TURNOUT"], minimum=0.0, decimals=2)
        self.add_number("TARGET", self.tr("Fixed-shelter area target (m² per resident)"), DEFAULT_OPTIONS["TARGET"],
                        minimum=0.0, decimals=2)
        self.addParameter(QgsProcessingParameterBoolean(
            "URBAN_ONLY", self.tr("Shelter indicator counts urban residents only"),
            defaultValue=DEFAULT_OPTIONS["URBAN_ONLY"]))
        for name, label in (("TITLE", self.tr("Atlas title (empty: 安全风险分布图集 / Safety Risk Atlas)")),
                            ("ORGANISATION", self.tr("Issuing organisation")),
                            ("DATE", self.tr("Date printed on the atlas (empty: today)"))):
            self.addParameter(QgsProcessingParameterString(name, label, DEFAULT_OPTIONS[name], optional=True))
        self.addParameter(QgsProcessingParameterString(
            "RUN_LABEL", self.tr("Run label (e.g. 现状, 现状+规划)"),
            DEFAULT_OPTIONS["RUN_LABEL"], optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            "PAGE_SIZE", self.tr("Page size (landscape)"), options=list(PAGE_SIZES),
            defaultValue=DEFAULT_OPTIONS["PAGE_SIZE"], usesStaticStrings=True))
        self.addParameter(QgsProcessingParameterEnum(
            "LANGUAGE", self.tr("Atlas language (zh: Chinese, en: English)"), options=list(LANGUAGES),
            defaultValue=ui_language(), usesStaticStrings=True))
        folder = QgsProcessingParameterFolderDestination("OUTPUT_FOLDER", self.tr("Output folder"))
        folder.setGuiDefaultValueOverride(default_output_folder())  # dialogs only: persistent and dated
        self.addParameter(folder)
        self.addOutput(QgsProcessingOutputFile("OUTPUT_GPKG", self.tr("Result GeoPackage")))
        self.addOutput(QgsProcessingOutputFile("OUTPUT_PROJECT", self.tr("QGIS project")))
        self.addOutput(QgsProcessingOutputFile("OUTPUT_PDF", self.tr("Risk atlas (PDF)")))
        self.addOutput(QgsProcessingOutputNumber("MAJOR_HAZARD_UNITS", self.tr("Major hazard sources")))
        self.addOutput(QgsProcessingOutputNumber("PAGES", self.tr("Atlas pages")))
        self.addOutput(QgsProcessingOutputString("SUMMARY", self.tr("Files and headline figures")))

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API): on the main thread
        from ..layers.ledger_source import layer_source

        self._inputs = {}
        for layer in (i for i in ASSESSMENT_INPUTS if self.given(parameters, i.parameter)):
            vector_layer = self.parameterAsVectorLayer(parameters, layer.parameter, context)
            if vector_layer is None:
                raise QgsProcessingException(self.invalidSourceError(parameters, layer.parameter))
            self._inputs[layer.parameter] = layer_source(vector_layer)
        for planned in (i for i in PROPOSED_INPUTS if self.given(parameters, i.parameter)):
            vector_layer = self.parameterAsVectorLayer(parameters, planned.parameter, context)
            if vector_layer is None:
                raise QgsProcessingException(self.invalidSourceError(parameters, planned.parameter))
            # a temporary (memory) layer, e.g. fire-station siting's chosen sites, is copied here on the main thread
            self._inputs[planned.parameter] = layer_source(vector_layer)
            if vector_layer.providerType() == "memory":
                self._inputs[planned.parameter] = vector_layer.materialize(QgsFeatureRequest())
                self._inputs[planned.parameter].setName(vector_layer.name())
        if self.given(parameters, "POPULATION_RASTER"):
            raster = self.parameterAsRasterLayer(parameters, "POPULATION_RASTER", context)
            if raster is None:
                raise QgsProcessingException(self.invalidRasterError(parameters, "POPULATION_RASTER"))
            self._inputs["POPULATION_RASTER"] = raster.source()
        if ("POPULATION" in self._inputs) == ("POPULATION_RASTER" in self._inputs):
            raise QgsProcessingException(self.tr("Give POPULATION (polygons or points) or POPULATION_RASTER, one of "
                                                 "them."))
        return True

    def _options(self, parameters, context):
        options = {name: self.parameterAsDouble(parameters, name, context)
                   for name in ("CELL_SIZE", "TIME_LIMIT", "DEFAULT_TURNOUT", "TARGET")}
        options.update({name: self.parameterAsString(parameters, name, context)
                        for name in ("RADII", "TITLE", "ORGANISATION", "DATE", "RUN_LABEL")})
        options.update(METHOD=self.parameterAsEnum(parameters, "METHOD", context),
                       COORDINATES=self.parameterAsEnum(parameters, "COORDINATES", context),
                       URBAN_ONLY=self.parameterAsBoolean(parameters, "URBAN_ONLY", context),
                       PAGE_SIZE=self.parameterAsEnumString(parameters, "PAGE_SIZE", context) or None,
                       LANGUAGE=self.parameterAsEnumString(parameters, "LANGUAGE", context) or None)
        return options

    def compute(self, parameters, context, feedback):
        import os

        from ..assessment.pipeline import PROJECT_FILE, Assessment

        folder = self.parameterAsString(parameters, "OUTPUT_FOLDER", context)
        if not folder:
            raise QgsProcessingException(self.tr("Give an output folder."))
        self._assessment = Assessment(self._inputs, folder, self._options(parameters, context),
                                      project_path=os.path.join(folder, PROJECT_FILE))
        try:
            self._assessment.analyse(feedback, context)
            if QThread.currentThread() != QCoreApplication.instance().thread():
                feedback.pushInfo(self.tr("Analysis done; the atlas is printed next, on QGIS's main thread."))
                return {"OUTPUT_FOLDER": folder}  # postProcessAlgorithm prints the atlas
            return self._finish(context, feedback)
        except BaseException:
            if self._assessment is not None:
                self._assessment.discard()
                self._assessment = None
            raise

    def _finish(self, context, feedback):
        from ..assessment.desktop import offer_results

        assessment = self._assessment
        result = assessment.finish(feedback, context)
        self._assessment = None  # in place: nothing to discard any more
        for line in result.report().splitlines():
            feedback.pushInfo(line)
        offer_results(context, result, assessment.options["TARGET"])
        return {"OUTPUT_FOLDER": result.output_folder, "OUTPUT_GPKG": result.files["gpkg"],
                "OUTPUT_PROJECT": result.files["project"], "OUTPUT_PDF": result.files["pdf"],
                "MAJOR_HAZARD_UNITS": result.major_hazard_units, "PAGES": result.pages, "SUMMARY": result.report()}

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802 (QGIS API): the main thread
        super().postProcessAlgorithm(context, feedback)
        if getattr(self, "_assessment", None) is None:
            return {}
        # while the task is finishing the dialog processes no events: let clicks on 取消 through at each
        # progress report, so the atlas export stops at its next page
        feedback.progressChanged.connect(_process_events)
        try:
            results = self._finish(context, feedback)
            # the dialog prints these after the log: the summary is in the log already, as readable lines
            return {name: value for name, value in results.items() if name != "SUMMARY"}
        except Cancelled:
            feedback.reportError(self.tr("Cancelled: no output was written."))
        except Exception as error:  # postProcessAlgorithm must not raise: QGIS would only log it
            feedback.reportError(self.tr("The atlas could not be made: {0}").format(error), True)
        finally:
            feedback.progressChanged.disconnect(_process_events)
            if getattr(self, "_assessment", None) is not None:
                self._assessment.discard()
                self._assessment = None
        return {}


def _process_events(*_args):
    QCoreApplication.processEvents()
