"""riskatlas:firestationsiting — where new fire stations should go (glue over core.siting.plan)."""
from qgis.core import QgsProcessingParameterEnum, QgsProcessingParameterMultipleLayers, QgsProcessingParameterNumber
from qgis.core import QgsProcessingParameterFileDestination, QgsProcessingParameterString

from ..core.garbage_collector import objects_frozen
from ..core.standards.siting_rules import CANDIDATE_SPACING_M
from ..core.standards.siting_weights import WEIGHT_PRESETS
from ..support import compat
from ..support.i18n import is_chinese
from .base import LEAVE_OUT, STOP, WARN, Reads, RiskAtlasAlgorithm, say_in_ui
from .population import add_population, read_population
from .reach_parameters import ReachParameters

OBJECTIVES = ("MCLP", "LSCP")  # the OBJECTIVE enum
DEFAULT_NEW_STATIONS = 3


def QT_TRANSLATE_NOOP(context, text):  # noqa: N802 (the name pylupdate5 looks for)
    return text


RULE_NAMES = {  # the siting rules (core/standards/siting_rules.py) as the log names them
    "hazard_setback": QT_TRANSLATE_NOOP("FireStationSiting", "setback from hazardous-chemical units"),
    "hazard_upwind": QT_TRANSLATE_NOOP("FireStationSiting", "upwind or crosswind of hazardous-chemical units"),
    "crowded_exit_setback": QT_TRANSLATE_NOOP("FireStationSiting", "setback from crowded places' exits"),
}
RULE_INPUT_PARAMETERS = {"hazard_units": "TARGETS", "wind_from_deg": "PREVAILING_WIND_FROM",
                         "crowded_places": "CROWDED_PLACES"}  # core.siting's argument -> the parameter giving it


class FireStationSiting(ReachParameters, RiskAtlasAlgorithm):
    ALGORITHM_ID = "firestationsiting"
    GROUP_ID = "coverage"
    READS = {"STATIONS": Reads("fire_stations", key="STATION_ID_FIELD"),
             "ROADS": Reads("roads"),
             "STUDY_AREA": Reads(empty=WARN, empty_means=QT_TRANSLATE_NOOP("InputError", "the roads' extent is used")),
             "POPULATION": Reads("population", no_geometry=STOP, empty=WARN, empty_means=QT_TRANSLATE_NOOP(
                 "InputError", "no residents are counted")),
             "CANDIDATES": Reads(empty=WARN, empty_means=QT_TRANSLATE_NOOP(
                 "InputError", "candidates are generated along the roads")),
             "CROWDED_PLACES": Reads(no_geometry=LEAVE_OUT, empty=WARN, empty_means=QT_TRANSLATE_NOOP(
                 "InputError", "no place is kept clear of"))}
    TARGETS_GEOMETRY = LEAVE_OUT

    def displayName(self):
        return self.tr("Fire-station siting (where to build)")

    def initAlgorithm(self, config=None):
        self.add_source("STATIONS", self.tr("Existing fire stations (fixed)"), [compat.SOURCE_POINT],
                        kind="fire_stations")
        self.add_field("STATION_ID_FIELD", self.tr("Station id field"), "station_id", "STATIONS")
        self.add_field("TURNOUT_FIELD", self.tr("Turnout time field (min)"), "turnout_min", "STATIONS")
        self.add_road_parameters()
        self.add_source("STUDY_AREA", self.tr("Study area"), [compat.SOURCE_POLYGON], optional=True, kind="townships")
        self.add_time_parameters()
        add_population(self, self.tr("Population (polygons or points)"))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            "TARGETS", self.tr("Targets (enterprises, hazard units)"), compat.SOURCE_ANY_GEOMETRY, optional=True))
        self.add_source("CANDIDATES", self.tr("Candidate sites (empty: generated along the roads)"),
                        [compat.SOURCE_POINT], optional=True)
        self.add_number("CANDIDATE_SPACING", self.tr("Spacing of generated candidates (m)"), CANDIDATE_SPACING_M,
                        minimum=1.0, decimals=0)
        self.addParameter(QgsProcessingParameterEnum("OBJECTIVE", self.tr("Objective"), options=[
            self.tr("MCLP: the best sites (as many as the new stations)"),
            self.tr("LSCP: the fewest sites for full cover")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber("NEW_STATIONS", self.tr("New stations (MCLP)"),
                                                       compat.NUMBER_INTEGER, DEFAULT_NEW_STATIONS, minValue=0))
        self.addParameter(QgsProcessingParameterString(
            "TIER_LIMITS", self.tr("Time limits by risk level 1..4 (min, e.g. 4,5,5,5; empty: the time limit)"),
            "", optional=True))
        self.addParameter(QgsProcessingParameterEnum("WEIGHT_PRESET", self.tr("Demand weights"), options=[
            p.label_zh if is_chinese() else p.label_en for p in WEIGHT_PRESETS], defaultValue=0))
        self.add_source("CROWDED_PLACES", self.tr("Crowded places' main exits (schools, hospitals, markets)"),
                        [compat.SOURCE_POINT, compat.SOURCE_POLYGON], optional=True, kind="key_targets")
        self.add_number("PREVAILING_WIND_FROM", self.tr("Prevailing wind from (degrees from north)"), None,
                        optional=True, decimals=0)
        self.add_node_tolerance()
        self.add_sink("OUTPUT", self.tr("Chosen sites (ranked)"), compat.SOURCE_POINT)
        self.add_sink("OUTPUT_UNCOVERED", self.tr("Demand still out of reach"), compat.SOURCE_POLYGON)
        self.add_sink("OUTPUT_SUMMARY", self.tr("Coverage before and after"), compat.SOURCE_VECTOR)
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_PAGE", self.tr("Siting map page (PDF)"), self.tr("PDF files (*.pdf)"), optional=True,
            createByDefault=False))
        self.add_language()

    def compute(self, parameters, context, feedback):
        with objects_frozen():
            return self._compute(parameters, context, feedback)

    def _compute(self, parameters, context, feedback):
        from ..layers import siting_inputs

        roads, network, preset = self.read_roads(parameters, context, feedback)
        crs = roads.crs
        read = {name: self.read_source(parameters, name, context, feedback, target_crs=crs, required=name == "STATIONS")
                for name in ("STATIONS", "STUDY_AREA", "CANDIDATES", "CROWDED_PLACES")}
        read["POPULATION"] = read_population(self, parameters, context, feedback, crs)
        self.advance(feedback, 4)
        inputs = siting_inputs.read(self, parameters, context, feedback, roads, network, read)
        options = self.reach_options(parameters, context)
        objective = OBJECTIVES[self.parameterAsEnum(parameters, "OBJECTIVE", context)]
        plan = siting_inputs.plan(inputs, options, objective, self.parameterAsInt(parameters, "NEW_STATIONS", context),
                                  self.parameterAsString(parameters, "TIER_LIMITS", context),
                                  WEIGHT_PRESETS[self.parameterAsEnum(parameters, "WEIGHT_PRESET", context)].name,
                                  self.parameterAsDouble(parameters, "CANDIDATE_SPACING", context), crs,
                                  self.progress(feedback, 5, 85, scale=0.01))
        for line in plan.info:
            feedback.pushInfo(say_in_ui(line))
        for rule_id in plan.rules.skipped_rules:
            feedback.pushWarning(self.tr("Siting rule '{0}' skipped: its input ({1}) is not given.").format(
                self._rule_name(rule_id), ("、" if is_chinese() else ", ").join(self._input_name(name)
                                                    for name in plan.rules.missing_inputs.get(rule_id, ()))))
        for rule_id, count in plan.rules.removed_by_rule.items():
            feedback.pushInfo(self.tr("Siting rule '{0}': {1} candidates refused.").format(self._rule_name(rule_id),
                                                                                           count))
        self.check_cancelled(feedback)
        self._page(parameters, context, plan, read, crs, objective, options.time_limit)
        return self._write(parameters, context, feedback, plan, crs, preset)

    def _rule_name(self, rule_id):
        return self.tr(RULE_NAMES[rule_id]) if rule_id in RULE_NAMES else rule_id

    def _input_name(self, argument):
        """A rule's missing input as the dialog names it ('主导风向（度，从北起）' / PREVAILING_WIND_FROM)."""
        parameter = self.parameterDefinition(RULE_INPUT_PARAMETERS.get(argument, ""))
        return parameter.description() if parameter is not None else argument

    def _page(self, parameters, context, plan, read, crs, objective, time_limit):
        """OUTPUT_PAGE, when wanted: the siting page in the atlas's style (atlas/siting_page.py)."""
        self._page_path = None
        if not self.given(parameters, "OUTPUT_PAGE"):
            return
        from ..atlas.siting_page import page_footer, write_siting_page

        language = self.language(parameters, context)
        study = read["STUDY_AREA"]
        path = self.parameterAsFileOutput(parameters, "OUTPUT_PAGE", context)
        write_siting_page(self.output_file(path), plan, read["STATIONS"].gdf, study.gdf if study is not None else None,
                          crs, objective, time_limit, language, page_footer(crs, language))
        self._page_path = path

    def _write(self, parameters, context, feedback, plan, crs, preset):
        import functools

        from ..core.siting.tables import measure_label
        from ..layers import outputs as out
        from ..layers.siting_style import style_siting_sites, style_siting_uncovered

        record = self.provenance(parameters, speed_preset=preset.name, speed_table=preset.source,
                                 solver_status=plan.result.status,
                                 cell_m=plan.coverage.demand.grid.cell)
        language = self.language(parameters, context)
        uncovered_style = functools.partial(style_siting_uncovered, language=language)
        summary = plan.summary.copy()  # each measure also named in the run's language, as every summary table
        summary.insert(1, "label", [measure_label(measure, language) for measure in summary["measure"]])
        outputs = {}
        for name, frame, specs, wkb_type, style in (
                ("OUTPUT", plan.sites, out.SITING_SITE_FIELDS, compat.WKB_POINT, style_siting_sites),
                ("OUTPUT_UNCOVERED", plan.uncovered, out.SITING_UNCOVERED_FIELDS, compat.WKB_MULTIPOLYGON,
                 uncovered_style),
                ("OUTPUT_SUMMARY", summary, out.SITING_SUMMARY_FIELDS, compat.WKB_NO_GEOMETRY, None)):
            outputs[name] = self.write_sink(parameters, name, context, frame, specs, wkb_type, crs,
                                            style=style, provenance=record)
            self.check_cancelled(feedback)
        if getattr(self, "_page_path", None):
            outputs["OUTPUT_PAGE"] = self._page_path
        feedback.setProgress(100)
        return outputs
