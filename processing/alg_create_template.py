"""riskatlas:createtemplate — an empty GeoPackage with every input layer, ready to fill."""
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
)

from ..support.i18n import is_chinese
from .base import RiskAtlasAlgorithm

LANGUAGES = ("zh", "en")


class CreateTemplate(RiskAtlasAlgorithm):
    ALGORITHM_ID = "createtemplate"
    GROUP_ID = "data"

    def displayName(self):
        return self.tr("Create data template")

    def group(self):
        return self.tr("Data")

    def shortHelpString(self):
        return self.tr(
            "Writes an empty GeoPackage holding every layer Risk Atlas reads — enterprises, hazard_sources, "
            "shelters (sites as polygons) and shelter_points (assembly points), fire_stations, population, "
            "roads and townships — with their fields, field aliases (Chinese or English) and default styles. "
            "Fill it from the bureau's ledgers, then run 'Validate input layers'.\n\n"
            "Use a projected CRS in metres (default EPSG:4549, CGCS2000 / 3-degree Gauss-Krüger CM 120E; "
            "choose the zone of your county).")

    def initAlgorithm(self, config=None):
        # optional with a default: QGIS 3.22 rejects a missing non-optional CRS even when it has a default
        self.addParameter(QgsProcessingParameterCrs("CRS", self.tr("Coordinate reference system"), "EPSG:4549",
                                                    optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            "ALIAS_LANGUAGE", self.tr("Field alias language"), options=[self.tr("Chinese"), self.tr("English")],
            defaultValue=0 if is_chinese() else 1))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", self.tr("Template GeoPackage"), self.tr("GeoPackage (*.gpkg)")))
        self.addOutput(QgsProcessingOutputMultipleLayers("LAYERS", self.tr("Template layers")))

    def compute(self, parameters, context, feedback):
        from ..layers.template import TEMPLATE_LAYERS, write_template

        path = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        if not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        crs = self.parameterAsCrs(parameters, "CRS", context)
        if not crs.isValid():
            crs = QgsCoordinateReferenceSystem("EPSG:4549")
        if crs.isGeographic():
            feedback.pushWarning(self.tr("The template CRS is geographic; analyses will reproject it. "
                                         "A projected CRS in metres is better."))
        language = LANGUAGES[self.parameterAsEnum(parameters, "ALIAS_LANGUAGE", context)]
        write_template(path, crs, language)
        layers = [f"{path}|layername={name}" for name in TEMPLATE_LAYERS]
        for uri in layers:
            feedback.pushInfo(uri)
        return {"OUTPUT": path, "LAYERS": layers}


ALGORITHM = CreateTemplate
