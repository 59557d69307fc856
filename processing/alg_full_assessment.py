"""riskatlas:fullassessment — the whole assessment in one run (the chain of assessment/chain.py,
run by assessment/pipeline.py)."""
import os

from qgis.core import (
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

from ..assessment.chain import DEFAULT_OPTIONS
from ..layers.schemas import ASSESSMENT_INPUTS
from ..support import compat
from ..support.i18n import is_chinese
from .alg_export_atlas import LANGUAGES, PAGE_SIZES
from .base import RiskAtlasAlgorithm, input_label, source_types


class FullAssessment(RiskAtlasAlgorithm):
    ALGORITHM_ID = "fullassessment"
    GROUP_ID = "atlas"

    def displayName(self):
        return self.tr("Full risk assessment (one run)")

    def flags(self):
        return super().flags() | compat.FLAG_NO_THREADING  # it exports print layouts

    def initAlgorithm(self, config=None):
        for layer in ASSESSMENT_INPUTS:  # POPULATION: or POPULATION_RASTER
            self.add_source(layer.parameter, input_label(layer), source_types(layer.schema.geometries),
                            optional=not layer.required or layer.parameter == "POPULATION")
        self.addParameter(QgsProcessingParameterRasterLayer(
            "POPULATION_RASTER", self.tr("Population grid (raster, band 1 = residents per cell; instead of "
                                         "POPULATION)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            "METHOD", self.tr("Enterprise risk method"), [self.tr("LEC (D = L × E × C)"),
                                                         self.tr("Risk matrix (likelihood × severity)")],
            defaultValue=DEFAULT_OPTIONS["METHOD"]))
        self.add_number("CELL_SIZE", self.tr("Four-colour map grid cell size (m)"), DEFAULT_OPTIONS["CELL_SIZE"],
                        minimum=1.0)
        self.addParameter(QgsProcessingParameterString(
            "RADII", self.tr("Influence radii of levels 1, 2, 3, 4 (m)"), DEFAULT_OPTIONS["RADII"]))
        self.add_number("TIME_LIMIT", self.tr("Fire-station time limit from dispatch (min)"),
                        DEFAULT_OPTIONS["TIME_LIMIT"], minimum=0.1)
        self.add_number("DEFAULT_TURNOUT", self.tr("Turnout time when a station gives none (min)"),
                        DEFAULT_OPTIONS["DEFAULT_TURNOUT"], minimum=0.0)
        self.add_number("TARGET", self.tr("Fixed-shelter area target (m² per resident)"), DEFAULT_OPTIONS["TARGET"],
                        minimum=0.0)
        self.addParameter(QgsProcessingParameterBoolean(
            "URBAN_ONLY", self.tr("Shelter indicator counts urban residents only"),
            defaultValue=DEFAULT_OPTIONS["URBAN_ONLY"]))
        for name, label in (("TITLE", self.tr("Atlas title (empty: 安全风险分布图集 / Safety Risk Atlas)")),
                            ("ORGANISATION", self.tr("Issuing organisation")),
                            ("DATE", self.tr("Date printed on the atlas (empty: today)"))):
            self.addParameter(QgsProcessingParameterString(name, label, DEFAULT_OPTIONS[name], optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            "PAGE_SIZE", self.tr("Page size (landscape)"), options=list(PAGE_SIZES),
            defaultValue=DEFAULT_OPTIONS["PAGE_SIZE"], usesStaticStrings=True))
        self.addParameter(QgsProcessingParameterEnum(
            "LANGUAGE", self.tr("Atlas language (zh: Chinese, en: English)"), options=list(LANGUAGES),
            defaultValue="zh" if is_chinese() else "en", usesStaticStrings=True))
        self.addParameter(QgsProcessingParameterFolderDestination("OUTPUT_FOLDER", self.tr("Output folder")))
        self.addOutput(QgsProcessingOutputFile("OUTPUT_GPKG", self.tr("Result GeoPackage")))
        self.addOutput(QgsProcessingOutputFile("OUTPUT_PROJECT", self.tr("QGIS project")))
        self.addOutput(QgsProcessingOutputFile("OUTPUT_PDF", self.tr("Risk atlas (PDF)")))
        self.addOutput(QgsProcessingOutputNumber("MAJOR_HAZARD_UNITS", self.tr("Major hazard sources")))
        self.addOutput(QgsProcessingOutputNumber("PAGES", self.tr("Atlas pages")))
        self.addOutput(QgsProcessingOutputString("SUMMARY", self.tr("Files and headline figures")))

    def compute(self, parameters, context, feedback):
        from ..assessment.pipeline import run_assessment

        folder = self.parameterAsString(parameters, "OUTPUT_FOLDER", context)
        if not folder:
            raise QgsProcessingException(self.tr("Give an output folder."))
        inputs = {}
        for layer in (i for i in ASSESSMENT_INPUTS if self.given(parameters, i.parameter)):
            vector_layer = self.parameterAsVectorLayer(parameters, layer.parameter, context)
            if vector_layer is None:
                raise QgsProcessingException(self.invalidSourceError(parameters, layer.parameter))
            inputs[layer.parameter] = vector_layer.source()
        if self.given(parameters, "POPULATION_RASTER"):
            inputs["POPULATION_RASTER"] = self.parameterAsRasterLayer(parameters, "POPULATION_RASTER", context)
        if ("POPULATION" in inputs) == ("POPULATION_RASTER" in inputs):
            raise QgsProcessingException(self.tr("Give POPULATION (polygons or points) or POPULATION_RASTER, one of "
                                                 "them."))
        options = {name: self.parameterAsDouble(parameters, name, context)
                   for name in ("CELL_SIZE", "TIME_LIMIT", "DEFAULT_TURNOUT", "TARGET")}
        options.update({name: self.parameterAsString(parameters, name, context)
                        for name in ("RADII", "TITLE", "ORGANISATION", "DATE")})
        options.update(METHOD=self.parameterAsEnum(parameters, "METHOD", context),
                       URBAN_ONLY=self.parameterAsBoolean(parameters, "URBAN_ONLY", context),
                       PAGE_SIZE=self.parameterAsEnumString(parameters, "PAGE_SIZE", context) or None,
                       LANGUAGE=self.parameterAsEnumString(parameters, "LANGUAGE", context) or None)
        project = os.path.join(folder, "risk_atlas.qgz")
        result = run_assessment(inputs, folder, options, feedback=feedback, context=context, project_path=project)
        summary = result.report()
        feedback.pushInfo(summary)
        major = result.figures.get("hazard units / major hazard sources", "0 / 0").split("/")[-1]
        return {"OUTPUT_FOLDER": folder, "OUTPUT_GPKG": result.files["results GeoPackage"],
                "OUTPUT_PROJECT": project, "OUTPUT_PDF": result.files["PDF atlas"],
                "MAJOR_HAZARD_UNITS": int(major), "PAGES": result.figures["atlas pages"], "SUMMARY": summary}
