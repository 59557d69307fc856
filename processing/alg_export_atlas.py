"""riskatlas:exportatlas — the printed risk atlas (cover + one sheet per township) as one PDF.

Parameters and wiring only: the atlas is made by ``atlas.run.make_atlas`` (figures, layouts, export)."""
import json
import os

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.standards.shelters import TARGET_M2_PER_CAPITA
from ..support import compat
from ..support.i18n import is_chinese
from .base import ACCEPT, LANGUAGES, LEAVE_OUT, STOP, Reads, RiskAtlasAlgorithm, set_decimals

PAGE_SIZES = ("A3", "A4")
# (parameter, allowed source types, required, layer kind (layers/kinds.py), preferred geometry)
SOURCES = (
    ("RISK_MAP", (compat.SOURCE_POLYGON,), True, "risk_map", None),
    ("ENTERPRISES", (compat.SOURCE_ANY_GEOMETRY,), False, "enterprise_risk", None),
    ("HAZARD_UNITS", (compat.SOURCE_ANY_GEOMETRY,), False, "hazard_units", None),
    ("SHELTERS", (compat.SOURCE_ANY_GEOMETRY,), False, "shelters", "polygon"),
    ("FIRE_STATIONS", (compat.SOURCE_POINT,), False, "fire_stations", None),
    ("REACH_AREAS", (compat.SOURCE_POLYGON,), False, "reach_areas", None),
    ("REACH_GAPS", (compat.SOURCE_POLYGON,), False, "reach_gaps", None),
    ("SHELTER_UNITS", (compat.SOURCE_ANY_GEOMETRY,), False, "shelter_units", None),
    ("SHELTER_LOAD", (compat.SOURCE_ANY_GEOMETRY,), False, "shelter_load", None),
    ("TOWNSHIPS", (compat.SOURCE_POLYGON,), True, "townships", None),
    # natural hazards on the maps; the resources page (what riskatlas:resourcecoverage writes)
    ("NATURAL_HAZARDS", (compat.SOURCE_ANY_GEOMETRY,), False, "natural_hazards", None),
    ("RESCUE_TEAMS", (compat.SOURCE_POINT,), False, "rescue_teams", None),
    ("SUPPLY_DEPOTS", (compat.SOURCE_POINT,), False, "supply_depots", None),
    ("RESCUE_AREAS", (compat.SOURCE_POLYGON,), False, "resource_areas", None),
    ("RESCUE_GAPS", (compat.SOURCE_POLYGON,), False, "resource_gaps", None),
    ("RESCUE_TOWNS", (compat.SOURCE_POLYGON,), False, "resource_towns", None),
    ("RESCUE_TARGETS", (compat.SOURCE_POINT,), False, "resource_targets", None),
    ("DEPOT_TOWNS", (compat.SOURCE_POLYGON,), False, "resource_towns", None),
)


class ExportAtlas(RiskAtlasAlgorithm):
    ALGORITHM_ID = "exportatlas"
    GROUP_ID = "atlas"
    READS = {**{source[0]: Reads(no_geometry=LEAVE_OUT, empty=ACCEPT) for source in SOURCES},
             "RISK_MAP": Reads(no_geometry=LEAVE_OUT, empty=STOP),
             "TOWNSHIPS": Reads("townships", no_geometry=STOP, empty=STOP)}

    def displayName(self):
        return self.tr("Export risk atlas (PDF)")

    def flags(self):
        return super().flags() | compat.FLAG_NO_THREADING

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
            "NATURAL_HAZARDS": self.tr("Natural-hazard sites and zones (drawn on the maps)"),
            "RESCUE_TEAMS": self.tr("Rescue teams"),
            "SUPPLY_DEPOTS": self.tr("Supply depots"),
            "RESCUE_AREAS": self.tr("Rescue teams' reach areas (resource coverage)"),
            "RESCUE_GAPS": self.tr("Rescue teams' gaps (resource coverage)"),
            "RESCUE_TOWNS": self.tr("Rescue-team coverage by township (resource coverage; prints the resources page)"),
            "RESCUE_TARGETS": self.tr("Key targets' arrival by rescue teams (resource coverage)"),
            "DEPOT_TOWNS": self.tr("Supply-depot coverage by township (resource coverage)"),
        }
        for name, types, required, kind, geometry in SOURCES:
            self.add_source(name, labels[name], list(types), optional=not required, kind=kind, geometry=geometry)
        self.addParameter(QgsProcessingParameterField(
            "NAME_FIELD", self.tr("Township name field (not given: name, or name_en for an English atlas)"),
            defaultValue="name", parentLayerParameterName="TOWNSHIPS", type=compat.FIELD_ANY, optional=True))
        target = QgsProcessingParameterNumber("TARGET", self.tr("Fixed-shelter target (m² per resident)"),
                                              compat.NUMBER_DOUBLE, defaultValue=TARGET_M2_PER_CAPITA, optional=True,
                                              minValue=0.01)
        set_decimals(target, 2)
        self.addParameter(target)
        for name, label in (("TITLE", self.tr("Atlas title (empty: 安全风险分布图集 / Safety Risk Atlas)")),
                            ("ORGANISATION", self.tr("Issuing organisation")),
                            ("DATE", self.tr("Date printed on the atlas (empty: today; YYYY-MM-DD is written out)")),
                            ("RUN_LABEL", self.tr("Run label (e.g. 现状, 现状+规划)"))):
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

    def _file(self, parameters, name, context, folder=False):
        """Where to write the file (folder) output ``name`` ('' when not wanted): a temporary name beside it."""
        path = self.parameterAsFileOutput(parameters, name, context) if self.given(parameters, name) else ""
        if not path:
            return ""
        return self.output_folder(path) if folder else self.output_file(path)

    def _atlas_layers(self, parameters, context):
        """The GeoPackage to keep the atlas layers in: its tables are added in place (dropped on failure)."""
        path = self.parameterAsFileOutput(parameters, "ATLAS_LAYERS", context) if self.given(
            parameters, "ATLAS_LAYERS") else ""
        if path:
            from ..atlas.run import CHART_FOLDER

            self._outputs.geopackage(path, os.path.join(os.path.dirname(os.path.abspath(path)), CHART_FOLDER))
        return path

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
            pdf=self._file(parameters, "OUTPUT", context),
            png_folder=self._file(parameters, "OUTPUT_PNG_FOLDER", context, folder=True),
            gpkg=self._atlas_layers(parameters, context),
            run_label=self.parameterAsString(parameters, "RUN_LABEL", context) if given("RUN_LABEL") else "")
        risk = self.read_source(parameters, "RISK_MAP", context, feedback)
        layers = {"risk_map": risk}
        for name, _types, required, _kind, _geometry in SOURCES[1:]:
            layers[name.lower()] = self.read_source(parameters, name, context, feedback, target_crs=risk.crs,
                                                    required=required)
            self.check_cancelled(feedback)
        results = make_atlas(request, layers, risk.crs, feedback, lambda: self.check_cancelled(feedback), self.render)
        feedback.pushInfo(self.tr("Made by: {0}").format(json.dumps(self.provenance(parameters), ensure_ascii=False)))
        return results

