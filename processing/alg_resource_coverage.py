"""riskatlas:resourcecoverage — rescue teams' or supply depots' reach within a named time limit, and the
residents and key targets left out per township (glue over core.resource_coverage, the fire-reach engine)."""
from qgis.core import QgsProcessingOutputNumber, QgsProcessingParameterEnum

from ..core.garbage_collector import objects_frozen
from ..core.standards import emergency_resources as er
from ..support import compat
from ..support.i18n import is_chinese
from .base import LEAVE_OUT, STOP, WARN, Reads, RiskAtlasAlgorithm, say_in_ui
from .population import add_population, read_population
from .road_parameters import add_access_distance, add_node_tolerance, add_road_parameters, read_roads

def QT_TRANSLATE_NOOP(context, text):  # noqa: N802 (the name pylupdate5 looks for)
    return text


NUMBERS = ("RESIDENTS_REACHED", "RESIDENTS_LEFT_OUT", "KEY_TARGETS_LEFT_OUT", "TIME_LIMIT_USED")


def time_preset(kind_index, preset_index):
    """The ResponsePreset of the TIME_PRESET enum (0: the resource kind's default)."""
    if preset_index == 0:
        return er.PRESET_BY_NAME[er.DEFAULT_PRESET[er.RESOURCE_KINDS[kind_index]]]
    return er.RESPONSE_PRESETS[preset_index - 1]


class ResourceCoverage(RiskAtlasAlgorithm):
    ALGORITHM_ID = "resourcecoverage"
    GROUP_ID = "coverage"
    READS = {"RESOURCES": Reads(key="RESOURCE_ID_FIELD", no_geometry=LEAVE_OUT),  # its kind: RESOURCE_KIND
             "ROADS": Reads("roads"),
             "STUDY_AREA": Reads("townships", empty=WARN, empty_means=QT_TRANSLATE_NOOP(
                 "InputError", "the roads' extent is used, no township rows")),
             "POPULATION": Reads("population", no_geometry=STOP, empty=WARN, empty_means=QT_TRANSLATE_NOOP(
                 "InputError", "no residents are counted")),
             "KEY_TARGETS": Reads("key_targets", key="KEY_TARGET_ID_FIELD", empty=WARN, empty_means=QT_TRANSLATE_NOOP(
                 "InputError", "no key targets are counted"))}

    def displayName(self):
        return self.tr("Rescue teams and supply depots: coverage")

    def initAlgorithm(self, config=None):
        zh = is_chinese()
        self.add_source("RESOURCES", self.tr("Rescue teams or supply depots"), [compat.SOURCE_POINT], kind="resources")
        self.addParameter(QgsProcessingParameterEnum(
            "RESOURCE_KIND", self.tr("The layer holds"), [self.tr("Rescue teams"), self.tr("Supply depots")],
            defaultValue=0))
        self.add_field("RESOURCE_ID_FIELD", self.tr("Id field (empty: team_id or depot_id)"), None, "RESOURCES")
        self.add_field("TURNOUT_FIELD", self.tr("Turnout or loading time field (min)"), "turnout_min", "RESOURCES")
        by_kind = [er.PRESET_BY_NAME[er.DEFAULT_PRESET[k]] for k in er.RESOURCE_KINDS]
        defaults = "; ".join(p.label_zh if zh else p.label_en for p in by_kind)
        self.addParameter(QgsProcessingParameterEnum(
            "TIME_PRESET", self.tr("Time limit"),
            [self.tr("By the layer's kind ({0})").format(defaults)]
            + [p.label_zh if zh else p.label_en for p in er.RESPONSE_PRESETS], defaultValue=0))
        self.add_number("TIME_LIMIT", self.tr("Time limit from dispatch (min; empty: the preset's)"), optional=True,
                        minimum=0.01, decimals=2)
        self.add_number("DEFAULT_TURNOUT", self.tr("Turnout when a resource gives none (min; empty: the preset's)"),
                        optional=True, minimum=0.0, decimals=2)
        add_road_parameters(self)
        self.add_source("STUDY_AREA", self.tr("Townships (study area; one row each)"), [compat.SOURCE_POLYGON],
                        optional=True, kind="townships")
        add_access_distance(self)
        add_population(self, self.tr("Population (polygons or points)"))
        self.add_source("KEY_TARGETS", self.tr("Key targets (crowded places)"),
                        [compat.SOURCE_POINT, compat.SOURCE_POLYGON], optional=True, kind="key_targets")
        self.add_field("KEY_TARGET_ID_FIELD", self.tr("Key target id field"), "target_id", "KEY_TARGETS")
        self.add_field("OCCUPANCY_FIELD", self.tr("Occupancy field (people)"), "occupancy", "KEY_TARGETS",
                       compat.FIELD_NUMERIC)
        add_node_tolerance(self)
        self.add_sink("OUTPUT_AREAS", self.tr("Reach areas"), compat.SOURCE_POLYGON)
        self.add_sink("OUTPUT_GAPS", self.tr("Gaps (reached by none in time)"), compat.SOURCE_POLYGON)
        self.add_sink("OUTPUT_TOWNSHIPS", self.tr("Coverage by township"), compat.SOURCE_POLYGON, optional=True)
        self.add_sink("OUTPUT_TARGETS", self.tr("Key targets' arrival time"), compat.SOURCE_POINT, optional=True)
        self.add_sink("OUTPUT_EDGES", self.tr("Reached roads"), compat.SOURCE_LINE, optional=True)
        for name, label in zip(NUMBERS, (self.tr("Residents reached in time"), self.tr("Residents left out"),
                                         self.tr("Key targets left out"), self.tr("Time limit used (min)"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def compute(self, parameters, context, feedback):
        with objects_frozen():
            return self._compute(parameters, context, feedback)

    def _compute(self, parameters, context, feedback):
        from ..core.fire_reach import ReachOptions
        from ..core.resource_coverage import resource_coverage
        from ..layers import reach_inputs, resource_inputs as ri

        kind_index = self.parameterAsEnum(parameters, "RESOURCE_KIND", context)
        kind = er.RESOURCE_KINDS[kind_index]
        preset = time_preset(kind_index, self.parameterAsEnum(parameters, "TIME_PRESET", context))
        roads = self.read_source(parameters, "ROADS", context, feedback)
        crs = roads.crs
        frames = {name: self.read_source(parameters, name, context, feedback, target_crs=crs,
                                         required=name == "RESOURCES")
                  for name in ("RESOURCES", "STUDY_AREA", "KEY_TARGETS")}
        population, population_field = read_population(self, parameters, context, feedback, crs)
        feedback.setProgress(5)

        def field(name, frame, required=False):
            return self.field_parameter(parameters, name, context, frame, required)

        network, speed_preset = read_roads(self, parameters, context, feedback, roads)
        found = frames["RESOURCES"]
        id_field = field("RESOURCE_ID_FIELD", found) or (ri.ID_FIELD[kind] if ri.ID_FIELD[kind] in found.gdf else None)
        turnout_field = field("TURNOUT_FIELD", found)
        found.kind, found.key = kind, found.key or id_field  # the kind RESOURCE_KIND says: its rules apply
        self.check_fields(found, {ri.ID_FIELD[kind]: id_field, "turnout_min": turnout_field,
                                  **ri.coded_column(found, kind)}, feedback)
        resources = ri.resource_inputs(found, kind, id_field, turnout_field)
        self._check_kind(found, kind, feedback)
        townships = ri.township_inputs(frames["STUDY_AREA"]) if frames["STUDY_AREA"] is not None else None
        pop_geoms = residents = None
        if population is not None:  # read_population checked it by the layer rules
            pop_geoms, residents = reach_inputs.residents(population, population_field)
        targets = None
        if frames["KEY_TARGETS"] is not None:
            places = frames["KEY_TARGETS"]
            target_id, occupancy = field("KEY_TARGET_ID_FIELD", places), field("OCCUPANCY_FIELD", places)
            self.check_fields(places, {"target_id": target_id, "occupancy": occupancy,
                                       **ri.coded_column(places, "key_targets")}, feedback)
            targets = ri.key_target_inputs(places, target_id, occupancy)
        given = {name: self.parameterAsDouble(parameters, name, context) if self.given(parameters, name) else None
                 for name in ("TIME_LIMIT", "DEFAULT_TURNOUT")}
        options = ReachOptions(
            time_limit=given["TIME_LIMIT"] if given["TIME_LIMIT"] is not None else preset.limit_min,
            default_turnout=given["DEFAULT_TURNOUT"] if given["DEFAULT_TURNOUT"] is not None else preset.turnout_min,
            **{key: self.parameterAsDouble(parameters, name, context) for key, name in (
                ("access_distance", "ACCESS_DISTANCE"), ("snap_tolerance", "SNAP_TOLERANCE"),
                ("node_tolerance", "NODE_TOLERANCE"))})
        feedback.pushInfo(self.tr("Time limit: {0:g} min from dispatch ({1}; source: {2}); turnout when none is "
                                  "given: {3:g} min.").format(options.time_limit, preset.name,
                                                              preset.cited(is_chinese()), options.default_turnout))
        self.check_cancelled(feedback)
        result = resource_coverage(network.geoms, network.speeds, network.directions, resources, townships, pop_geoms,
                                   residents, targets, options, progress=self.progress(feedback, 5, 85, scale=0.01),
                                   names={"roads": roads.name, "road_fids": network.fids,
                                          "station_fids": found.gdf.index.to_numpy(),
                                          "road_keys": roads.gdf[roads.key].reindex(network.fids).to_numpy(
                                              dtype=object) if roads.key else None})
        for line in result.info:
            feedback.pushInfo(say_in_ui(line))
        self.push_warnings(feedback, result.warnings)
        self.check_cancelled(feedback)
        record = self.provenance(parameters, resource_kind=kind, time_preset=preset.name,
                                 time_limit_min=options.time_limit, time_source=preset.source,
                                 speed_preset=speed_preset.name, speed_table=speed_preset.source,
                                 speeds_used=[list(row) for row in network.speeds_used],
                                 cell_m=result.stats.get("cell_m"))
        return self._write(parameters, context, feedback, result, crs, record, options.time_limit)

    def _check_kind(self, frame, kind, feedback):
        from ..layers import kinds

        found, _how = kinds.recognise(frame.name, list(frame.gdf.columns))
        if found in er.RESOURCE_KINDS and found != kind:
            feedback.pushWarning(self.tr("The layer '{0}' looks like {1}, but the layer kind chosen is {2}.").format(
                frame.name, kinds.title(found, "zh" if is_chinese() else "en"),
                kinds.title(kind, "zh" if is_chinese() else "en")))

    def _write(self, parameters, context, feedback, result, crs, record, time_limit):
        from ..layers.resource_outputs import write_coverage

        outputs = write_coverage(self, parameters, context, feedback, result, crs, record)
        towns = result.townships
        gaps = result.gaps
        outputs.update(
            RESIDENTS_REACHED=float(result.areas["residents"].sum(min_count=1)) if len(result.areas) else 0.0,
            RESIDENTS_LEFT_OUT=float(gaps["residents"].sum(min_count=1)) if len(gaps) else 0.0,
            KEY_TARGETS_LEFT_OUT=int((~result.targets["covered"]).sum()) if result.targets is not None else 0,
            TIME_LIMIT_USED=float(time_limit))
        if towns is not None:
            feedback.pushInfo(self.tr("Left out per township: {0}").format("; ".join(
                f"{n} {r:,.0f}" for n, r in zip(towns["name"], towns["residents_left_out"].fillna(0)))))
        feedback.setProgress(100)
        return outputs
