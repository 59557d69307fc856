"""riskatlas:fullassessment — the whole assessment in one run (pipeline.run_assessment)."""
import os

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..support import compat
from ..core.standards.fire_stations import TIME_RULE_MIN, TURNOUT_CONVENTION_MIN
from ..core.standards.risk_presets import DEFAULT_CELL_SIZE_M, DEFAULT_RADII_M
from ..core.standards.shelters import TARGET_M2_PER_CAPITA
from ..support.i18n import is_chinese
from .alg_export_atlas import LANGUAGES, PAGE_SIZES
from ..layers.schemas import ASSESSMENT_INPUTS
from .base import RiskAtlasAlgorithm, input_label, source_types


class FullAssessment(RiskAtlasAlgorithm):
    ALGORITHM_ID = "fullassessment"
    GROUP_ID = "atlas"

    def displayName(self):
        return self.tr("Full risk assessment (one run)")

    def group(self):
        return self.tr("Atlas")

    def flags(self):
        return super().flags() | compat.FLAG_NO_THREADING  # it exports print layouts

    def shortHelpString(self):
        return self.tr(
            "Runs the whole assessment on a county's layers in one go and writes everything into OUTPUT_FOLDER:\n"
            "1. Validate input layers (stops when errors are found: see validation.html);\n"
            "2. Grade hazard sources (GB 18218-2018; residents within 500 m estimated from POPULATION where a "
            "unit gives no exposed count);\n"
            "3. Enterprise risk (LEC or risk matrix; an enterprise owning a graded hazard unit takes at least its "
            "level);\n"
            "4. Fire-station reach (TIME_LIMIT minutes from dispatch on the road network, townships as study "
            "area, enterprises as targets);\n"
            "5. Shelter area per capita per township (administrative method, TARGET m² per resident);\n"
            "6. Four-colour risk map on a grid of CELL_SIZE metres over the townships (highest level wins by "
            "default; a level's lower bound belongs to that level);\n"
            "7. The printed atlas (cover + one sheet per township).\n\n"
            "Files: risk_atlas_results.gpkg (every result layer and a provenance table: algorithm, version and "
            "parameters of each step), risk_atlas.qgz (a QGIS project with the layers styled and the atlas "
            "layouts), risk_atlas.pdf, png/ (one image per page) and HTML reports. The options have the same "
            "meaning and defaults as in the single algorithms. Input layers are never modified; the result "
            "GeoPackage appears only when every step succeeded.")

    def initAlgorithm(self, config=None):
        for layer in ASSESSMENT_INPUTS:
            self.addParameter(QgsProcessingParameterFeatureSource(
                layer.parameter, input_label(layer), source_types(layer.schema.geometries),
                optional=not layer.required))
        self.addParameter(QgsProcessingParameterEnum(
            "METHOD", self.tr("Enterprise risk method"), [self.tr("LEC (D = L × E × C)"),
                                                         self.tr("Risk matrix (likelihood × severity)")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            "CELL_SIZE", self.tr("Four-colour map grid cell size (m)"), compat.NUMBER_DOUBLE, DEFAULT_CELL_SIZE_M,
            minValue=1.0))
        self.addParameter(QgsProcessingParameterString(
            "RADII", self.tr("Influence radii of levels 1, 2, 3, 4 (m)"),
            ",".join(f"{r:g}" for r in DEFAULT_RADII_M)))
        self.addParameter(QgsProcessingParameterNumber(
            "TIME_LIMIT", self.tr("Fire-station time limit from dispatch (min)"), compat.NUMBER_DOUBLE, TIME_RULE_MIN,
            minValue=0.1))
        self.addParameter(QgsProcessingParameterNumber(
            "DEFAULT_TURNOUT", self.tr("Turnout time when a station gives none (min)"), compat.NUMBER_DOUBLE,
            TURNOUT_CONVENTION_MIN, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            "TARGET", self.tr("Fixed-shelter area target (m² per resident)"), compat.NUMBER_DOUBLE, TARGET_M2_PER_CAPITA,
            minValue=0.0))
        self.addParameter(QgsProcessingParameterBoolean(
            "URBAN_ONLY", self.tr("Shelter indicator counts urban residents only"), defaultValue=True))
        self.addParameter(QgsProcessingParameterString(
            "TITLE", self.tr("Atlas title (empty: 安全风险分布图集 / Safety Risk Atlas)"), "", optional=True))
        self.addParameter(QgsProcessingParameterString(
            "ORGANISATION", self.tr("Issuing organisation"), "", optional=True))
        self.addParameter(QgsProcessingParameterString(
            "DATE", self.tr("Date printed on the atlas (empty: today)"), "", optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            "PAGE_SIZE", self.tr("Page size (landscape)"), options=list(PAGE_SIZES), defaultValue="A3",
            usesStaticStrings=True))
        self.addParameter(QgsProcessingParameterEnum(
            "LANGUAGE", self.tr("Atlas language (zh: Chinese, en: English)"), options=list(LANGUAGES),
            defaultValue="zh" if is_chinese() else "en", usesStaticStrings=True))
        self.addParameter(QgsProcessingParameterFolderDestination(
            "OUTPUT_FOLDER", self.tr("Output folder")))
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
        for name in (i.parameter for i in ASSESSMENT_INPUTS):
            if parameters.get(name) in (None, ""):
                continue
            layer = self.parameterAsVectorLayer(parameters, name, context)
            if layer is None:
                raise QgsProcessingException(self.invalidSourceError(parameters, name))
            inputs[name] = layer.source()
        options = {
            "METHOD": self.parameterAsEnum(parameters, "METHOD", context),
            "CELL_SIZE": self.parameterAsDouble(parameters, "CELL_SIZE", context),
            "RADII": self.parameterAsString(parameters, "RADII", context),
            "TIME_LIMIT": self.parameterAsDouble(parameters, "TIME_LIMIT", context),
            "DEFAULT_TURNOUT": self.parameterAsDouble(parameters, "DEFAULT_TURNOUT", context),
            "TARGET": self.parameterAsDouble(parameters, "TARGET", context),
            "URBAN_ONLY": self.parameterAsBoolean(parameters, "URBAN_ONLY", context),
            "TITLE": self.parameterAsString(parameters, "TITLE", context),
            "ORGANISATION": self.parameterAsString(parameters, "ORGANISATION", context),
            "DATE": self.parameterAsString(parameters, "DATE", context),
            "PAGE_SIZE": self.parameterAsEnumString(parameters, "PAGE_SIZE", context) or "A3",
            "LANGUAGE": self.parameterAsEnumString(parameters, "LANGUAGE", context) or None,
        }
        project = os.path.join(folder, "risk_atlas.qgz")
        result = run_assessment(inputs, folder, options, feedback=feedback, context=context, project_path=project)
        summary = result.report()
        feedback.pushInfo(summary)
        major = result.figures.get("hazard units / major hazard sources", "0 / 0").split("/")[-1]
        return {"OUTPUT_FOLDER": folder, "OUTPUT_GPKG": result.files["results GeoPackage"],
                "OUTPUT_PROJECT": project, "OUTPUT_PDF": result.files["PDF atlas"],
                "MAJOR_HAZARD_UNITS": int(major), "PAGES": result.figures["atlas pages"], "SUMMARY": summary}


ALGORITHM = FullAssessment
