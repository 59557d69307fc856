"""riskatlas:exportatlas — the printed risk atlas (cover + one sheet per township) as one PDF.

Parameters and wiring only: the atlas is made by ``atlas.run.make_atlas`` (figures, layouts, export)."""
import json

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.standards.shelters import TARGET_M2_PER_CAPITA
from ..support import compat
from ..support.i18n import is_chinese
from .base import LANGUAGES, RiskAtlasAlgorithm

PAGE_SIZES = ("A3", "A4")
# (parameter, allowed source types, required)
SOURCES = (
    ("RISK_MAP", (compat.SOURCE_POLYGON,), True),
    ("ENTERPRISES", (compat.SOURCE_ANY_GEOMETRY,), False),
    ("HAZARD_UNITS", (compat.SOURCE_ANY_GEOMETRY,), False),
    ("SHELTERS", (compat.SOURCE_ANY_GEOMETRY,), False),
    ("FIRE_STATIONS", (compat.SOURCE_POINT,), False),
    ("REACH_AREAS", (compat.SOURCE_POLYGON,), False),
    ("REACH_GAPS", (compat.SOURCE_POLYGON,), False),
    ("SHELTER_UNITS", (compat.SOURCE_ANY_GEOMETRY,), False),
    ("SHELTER_LOAD", (compat.SOURCE_ANY_GEOMETRY,), False),
    ("TOWNSHIPS", (compat.SOURCE_POLYGON,), True),
)


class ExportAtlas(RiskAtlasAlgorithm):
    ALGORITHM_ID = "exportatlas"
    GROUP_ID = "atlas"

    def displayName(self):
        return self.tr("Export risk atlas (PDF)")

    def flags(self):
        return super().flags() | compat.FLAG_NO_THREADING

    def shortHelpString(self):
        return self.tr(
            "Prints the risk atlas as one PDF: the county's pages, then one sheet per township.\n\n"
            "County pages: the four-colour risk map with fire stations, shelters and major hazard units, a table "
            "of map units, area and residents per risk level, the three indicators, a table of the townships, "
            "issuing organisation and date; with REACH_AREAS, the fire-station page (stations, the land each "
            "reaches within 5 minutes, the gaps hatched in red, coverage per township, the stations' districts "
            "against their class limit); with SHELTER_UNITS, the shelter page (fixed-shelter area per resident "
            "per township against TARGET, default {0} m² per resident, a value equal to the target meets it; "
            "with SHELTER_LOAD the shelters' service areas and the overloaded shelters).\n\n"
            "Each township sheet (a QGIS atlas on the townships): the four-colour map zoomed to the township "
            "with a location inset, legend (重大风险 red, 较大风险 orange, 一般风险 yellow, 低风险 blue), scale "
            "bar, north arrow and CRS note, and compact maps of its fire-station reach and its shelters; the "
            "township's figures as on the cover; a chart of the risk-level shares of area and residents; the "
            "list of its major hazard units (GB 18218-2018 一级–四级).\n\n"
            "How the figures are made: residents of the four-colour map units are apportioned to each township "
            "by area; a unit is counted in the township it overlaps most; residents within 5 minutes and not "
            "covered are those of the reach analysis (its areas' and gaps' residents, placed in the townships by "
            "the map's residents); shelter area and residents are taken from the per-township shelter result "
            "and judged against TARGET; hazard units and enterprises count in the township holding them. The "
            "county's headline figures are logged and written as table headline_figures beside the atlas layers. "
            "Risk levels are read from 'risk_level' (1 major … 4 low; a level's lower bound belongs to that "
            "level, as in the analyses that wrote them).\n\n"
            "The pages come from the layout templates in the plugin's 'atlas/templates' folder (A3 or A4 landscape), "
            "which can be edited in the layout designer; a template saved in your profile's "
            "composer_templates folder as riskatlas_cover_a3.qpt, riskatlas_township_a3.qpt (or _a4) is used "
            "instead. Text is written as text (searchable) in a Chinese font this machine has (WenQuanYi Zen "
            "Hei, Microsoft YaHei, SimHei, PingFang SC, …). Optionally every "
            "page is also written as a PNG image, and the atlas layers into a GeoPackage (ATLAS_LAYERS; the "
            "charts go into an 'atlas_charts' folder beside it), from which a project gets the atlas layouts. "
            "Input layers are never modified.").format(f"{TARGET_M2_PER_CAPITA:g}")

    def initAlgorithm(self, config=None):
        labels = {
            "RISK_MAP": self.tr("Four-colour risk map (risk_level, residents)"),
            "ENTERPRISES": self.tr("Enterprises with risk levels"),
            "HAZARD_UNITS": self.tr("Graded hazard units"),
            "SHELTERS": self.tr("Emergency shelters"),
            "FIRE_STATIONS": self.tr("Fire stations"),
            "REACH_AREAS": self.tr("Fire-station reach areas (5 minutes)"),
            "REACH_GAPS": self.tr("Reach gaps (land no station reaches in 5 minutes)"),
            "SHELTER_UNITS": self.tr("Shelter area per capita (per-township result)"),
            "SHELTER_LOAD": self.tr("Shelter load (per-shelter result: service radius, overloaded)"),
            "TOWNSHIPS": self.tr("Townships (one atlas page each)"),
        }
        for name, types, required in SOURCES:
            self.addParameter(QgsProcessingParameterFeatureSource(name, labels[name], list(types),
                                                                  optional=not required))
        self.addParameter(QgsProcessingParameterField(
            "NAME_FIELD", self.tr("Township name field (not given: name, or name_en for an English atlas)"),
            defaultValue="name", parentLayerParameterName="TOWNSHIPS", type=compat.FIELD_ANY, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "TARGET", self.tr("Fixed-shelter target (m² per resident)"), compat.NUMBER_DOUBLE,
            defaultValue=TARGET_M2_PER_CAPITA, optional=True, minValue=0.01))
        for name, label in (("TITLE", self.tr("Atlas title (empty: 安全风险分布图集 / Safety Risk Atlas)")),
                            ("ORGANISATION", self.tr("Issuing organisation")),
                            ("DATE", self.tr("Date printed on the atlas (empty: today; YYYY-MM-DD is written out)"))):
            self.addParameter(QgsProcessingParameterString(name, label, defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            "PAGE_SIZE", self.tr("Page size (landscape)"), options=list(PAGE_SIZES), defaultValue="A3",
            usesStaticStrings=True))
        self.addParameter(QgsProcessingParameterEnum(
            "LANGUAGE", self.tr("Atlas language (zh: Chinese, en: English)"), options=list(LANGUAGES),
            defaultValue="zh" if is_chinese() else "en", usesStaticStrings=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", self.tr("Risk atlas (PDF)"), self.tr("PDF files (*.pdf)")))
        self.addParameter(QgsProcessingParameterFolderDestination(
            "OUTPUT_PNG_FOLDER", self.tr("Folder for one PNG per page"), optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            "ATLAS_LAYERS", self.tr("GeoPackage to keep the atlas layers in (for the atlas layouts in a project)"),
            self.tr("GeoPackage (*.gpkg)"), optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber("PAGES", self.tr("Number of pages")))

    def _choice(self, parameters, name, options, context):
        value = self.parameterAsEnumString(parameters, name, context)
        if value not in options:  # an index given as a number or text (older scripts)
            try:
                value = options[int(parameters.get(name))]
            except (TypeError, ValueError, IndexError):
                raise QgsProcessingException(
                    self.tr("{0} must be one of: {1}").format(name, ", ".join(options))) from None
        return value

    def compute(self, parameters, context, feedback):
        from ..atlas.run import AtlasRequest, make_atlas

        given = lambda name: parameters.get(name) not in (None, "")  # noqa: E731
        request = AtlasRequest(
            language=self._choice(parameters, "LANGUAGE", LANGUAGES, context),
            page_size=self._choice(parameters, "PAGE_SIZE", PAGE_SIZES, context),
            title=self.parameterAsString(parameters, "TITLE", context),
            organisation=self.parameterAsString(parameters, "ORGANISATION", context),
            date=self.parameterAsString(parameters, "DATE", context),
            target=self.parameterAsDouble(parameters, "TARGET", context) if given("TARGET") else TARGET_M2_PER_CAPITA,
            name_field=self.parameterAsString(parameters, "NAME_FIELD", context) if given("NAME_FIELD") else None,
            pdf=self.parameterAsFileOutput(parameters, "OUTPUT", context),
            png_folder=self.parameterAsFileOutput(parameters, "OUTPUT_PNG_FOLDER", context)
            if given("OUTPUT_PNG_FOLDER") else "",
            gpkg=self.parameterAsFileOutput(parameters, "ATLAS_LAYERS", context) if given("ATLAS_LAYERS") else "")
        risk = self.read_source(parameters, "RISK_MAP", context, feedback)
        layers = {"risk_map": risk}
        for name, _types, required in SOURCES[1:]:
            layers[name.lower()] = self.read_source(parameters, name, context, feedback, target_crs=risk.crs,
                                                    required=required)
            self.check_cancelled(feedback)
        results = make_atlas(request, layers, risk.crs, feedback, lambda: self.check_cancelled(feedback))
        feedback.pushInfo(self.tr("Made by: {0}").format(json.dumps(self.provenance(parameters), ensure_ascii=False)))
        return results

