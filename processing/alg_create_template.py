"""riskatlas:createtemplate — an empty GeoPackage with every input layer, ready to fill."""
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingException,
)

from ..layers.schemas import ASSESSMENT_INPUTS, TEMPLATE_CRS
from ..support.i18n import is_chinese
from .base import LANGUAGES, RiskAtlasAlgorithm



class CreateTemplate(RiskAtlasAlgorithm):
    ALGORITHM_ID = "createtemplate"
    GROUP_ID = "data"

    def displayName(self):
        return self.tr("Create data template")

    def initAlgorithm(self, config=None):
        # optional with a default: QGIS 3.22 rejects a missing non-optional CRS even when it has a default
        self.addParameter(QgsProcessingParameterCrs("CRS", self.tr("Coordinate reference system"), TEMPLATE_CRS,
                                                    optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            "ALIAS_LANGUAGE", self.tr("Field alias language"), options=[self.tr("Chinese"), self.tr("English")],
            defaultValue=0 if is_chinese() else 1))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", self.tr("Template GeoPackage"), self.tr("GeoPackage (*.gpkg)")))
        self.addParameter(QgsProcessingParameterFolderDestination(
            "OUTPUT_XLSX_FOLDER", self.tr("Folder for Excel templates (one workbook per layer; optional)"),
            optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputMultipleLayers("LAYERS", self.tr("Template layers")))

    def compute(self, parameters, context, feedback):
        from ..layers.template import write_template

        path = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        if not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        crs = self.parameterAsCrs(parameters, "CRS", context)
        if not crs.isValid():
            crs = QgsCoordinateReferenceSystem(TEMPLATE_CRS)
        if crs.isGeographic():
            feedback.pushWarning(self.tr("The template CRS is geographic; analyses will reproject it. "
                                         "A projected CRS in metres is better."))
        language = LANGUAGES[self.parameterAsEnum(parameters, "ALIAS_LANGUAGE", context)]
        write_template(self.output_file(path), crs, language)
        layers = [f"{path}|layername={i.layer}" for i in ASSESSMENT_INPUTS]
        for uri in layers:
            feedback.pushInfo(uri)
        results = {"OUTPUT": path, "LAYERS": layers}
        folder = self.parameterAsString(parameters, "OUTPUT_XLSX_FOLDER", context) \
            if self.given(parameters, "OUTPUT_XLSX_FOLDER") else ""
        if folder:
            from ..layers.template_xlsx import write_excel_templates

            self.output_created(folder)
            try:
                for workbook in write_excel_templates(folder, language, staged=self.output_file):
                    feedback.pushInfo(workbook)
            except ImportError as error:
                raise QgsProcessingException(str(error)) from error
            results["OUTPUT_XLSX_FOLDER"] = folder
        return results
