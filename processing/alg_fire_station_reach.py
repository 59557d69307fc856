"""riskatlas:firestationreach — the 5-minute rule on the road network (glue over core.fire_reach)."""
from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
)

from ..core.roads import DIRECTION_DEFAULTS
from ..core.standards import fire_stations as fs
from ..support import compat
from ..support.i18n import is_chinese
from .base import FLAG_ADVANCED, LEAVE_OUT, STOP, WARN, Reads, RiskAtlasAlgorithm, objects_frozen
from .population import add_population, read_population

SPEED_PRESET_NAMES = tuple(fs.SPEED_PRESETS)  # the SPEED_PRESET enum
DIRECTION_PARAMETERS = (("VALUE_FORWARD", DIRECTION_DEFAULTS["forward"]),
                        ("VALUE_BACKWARD", DIRECTION_DEFAULTS["backward"]), ("VALUE_BOTH", DIRECTION_DEFAULTS["both"]))
ROAD_FIELDS = (("speed", "SPEED_FIELD"), ("class", "ROAD_CLASS_FIELD"), ("direction", "DIRECTION_FIELD"),
               ("maxspeed", "MAXSPEED_FIELD"))


def QT_TRANSLATE_NOOP(context, text):  # noqa: N802 (the name pylupdate5 looks for)
    return text


class FireStationReach(RiskAtlasAlgorithm):
    ALGORITHM_ID = "firestationreach"
    GROUP_ID = "coverage"
    READS = {"STATIONS": Reads("fire_stations", key="STATION_ID_FIELD"),
             "ROADS": Reads("roads"),
             "STUDY_AREA": Reads(empty=WARN, empty_means=QT_TRANSLATE_NOOP("InputError", "the roads' extent is used")),
             "DISTRICTS": Reads(empty=WARN, empty_means=QT_TRANSLATE_NOOP("InputError", "the districts are computed")),
             "POPULATION": Reads("population", no_geometry=STOP, empty=WARN, empty_means=QT_TRANSLATE_NOOP(
                 "InputError", "no residents are counted"))}
    TARGETS_GEOMETRY = LEAVE_OUT  # targets (TARGETS, several layers) without geometry

    def displayName(self):
        return self.tr("Fire-station reach (5-minute rule)")

    def initAlgorithm(self, config=None):
        from .help_tables import speed_preset_option

        self.add_source("STATIONS", self.tr("Fire stations"), [compat.SOURCE_POINT], kind="fire_stations")
        self.add_field("STATION_ID_FIELD", self.tr("Station id field"), "station_id", "STATIONS")
        self.add_field("CLASS_FIELD", self.tr("Station class field"), "class", "STATIONS")
        self.add_field("TURNOUT_FIELD", self.tr("Turnout time field (min)"), "turnout_min", "STATIONS")
        self.add_field("SUBURBAN_FIELD", self.tr("Suburban station field ({0:g} km²)").format(
            fs.class_limit_km2(None, suburban=True)), "suburban", "STATIONS")
        self.add_source("ROADS", self.tr("Roads"), [compat.SOURCE_LINE], kind="roads")
        self.add_field("SPEED_FIELD", self.tr("Speed field (km/h)"), "speed_kmh", "ROADS")
        self.add_field("ROAD_CLASS_FIELD", self.tr("Road class field"), "class", "ROADS")
        self.addParameter(QgsProcessingParameterEnum(
            "SPEED_PRESET", self.tr("Speed preset by road class"),
            options=[speed_preset_option(p, is_chinese()) for p in fs.SPEED_PRESETS.values()], defaultValue=0))
        self.add_field("MAXSPEED_FIELD", self.tr("Posted limit field (maxspeed, e.g. 60, 60 km/h, 30 mph)"), "maxspeed",
                       "ROADS")
        table = QgsProcessingParameterFile("SPEED_TABLE", self.tr("Speed table (CSV or JSON; replaces the speed preset)"),
                                           optional=True, fileFilter=self.tr("Tables (*.csv *.json)"))
        table.setFlags(table.flags() | FLAG_ADVANCED)
        self.addParameter(table)
        self.add_number("DEFAULT_SPEED", self.tr("Default speed (km/h)"), fs.DEFAULT_SPEED_KMH, minimum=0.1,
                        decimals=1)
        self.add_field("DIRECTION_FIELD", self.tr("Direction field"), "oneway", "ROADS")
        for name, label, value in zip((p for p, _v in DIRECTION_PARAMETERS),
                                      (self.tr("Values for forward direction (separated by ;)"),
                                       self.tr("Values for backward direction (separated by ;)"),
                                       self.tr("Values for both directions (separated by ;)")),
                                      (v for _p, v in DIRECTION_PARAMETERS)):
            self.addParameter(QgsProcessingParameterString(name, label, value, optional=True))
        self.add_number("SNAP_TOLERANCE", self.tr("Snap tolerance (m)"), fs.SNAP_TOLERANCE_M, minimum=0.0, decimals=1)
        self.add_source("STUDY_AREA", self.tr("Study area"), [compat.SOURCE_POLYGON], optional=True, kind="townships")
        self.add_source("DISTRICTS", self.tr("Official station districts"), [compat.SOURCE_POLYGON], optional=True)
        self.add_number("DEFAULT_TURNOUT", self.tr("Default turnout time (min)"), fs.TURNOUT_CONVENTION_MIN,
                        minimum=0.0, decimals=2)
        self.add_number("TIME_LIMIT", self.tr("Time limit from dispatch (min)"), fs.TIME_RULE_MIN, minimum=0.01,
                        decimals=2)
        self.add_number("ACCESS_DISTANCE", self.tr("Access distance from roads (m)"), fs.ACCESS_DISTANCE_M,
                        minimum=0.0, decimals=0)
        add_population(self, self.tr("Population (polygons or points)"))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            "TARGETS", self.tr("Targets (enterprises, hazard units)"), compat.SOURCE_ANY_GEOMETRY, optional=True))
        self.add_number("NODE_TOLERANCE", self.tr("Node tolerance (m)"), 0.0, minimum=0.0, advanced=True, decimals=2)
        self.add_sink("OUTPUT_EDGES", self.tr("Reached roads"), compat.SOURCE_LINE)
        self.add_number("BAND_MIN", self.tr("Time band width (min)"), fs.BAND_MIN, minimum=0.01)
        self.add_sink("OUTPUT_EDGES_BANDS", self.tr("Reached roads by time band"), compat.SOURCE_LINE, optional=True)
        self.add_sink("OUTPUT_AREAS", self.tr("Station reach areas"), compat.SOURCE_POLYGON)
        self.add_sink("OUTPUT_GAPS", self.tr("Gaps (reached by no station)"), compat.SOURCE_POLYGON)
        self.add_sink("OUTPUT_TARGETS", self.tr("Targets' arrival time"), compat.SOURCE_POINT, optional=True)
        self.add_sink("OUTPUT_SUMMARY", self.tr("Summary table"), compat.SOURCE_VECTOR, optional=True)
        self.add_html("OUTPUT_HTML", self.tr("Summary report"))
        self.add_language()

    def compute(self, parameters, context, feedback):
        with objects_frozen():  # tens of thousands of features: keep QGIS's objects out of the collector's walks
            return self._compute(parameters, context, feedback)

    def _compute(self, parameters, context, feedback):
        from ..core import fire_reach as fr
        from ..layers import reach_inputs as inputs

        roads = self.read_source(parameters, "ROADS", context, feedback)
        crs = roads.crs
        stations = self.read_source(parameters, "STATIONS", context, feedback, target_crs=crs)
        study = self.read_source(parameters, "STUDY_AREA", context, feedback, target_crs=crs, required=False)
        districts = self.read_source(parameters, "DISTRICTS", context, feedback, target_crs=crs, required=False)
        population, population_field = read_population(self, parameters, context, feedback, crs)
        feedback.setProgress(5)

        def field(name, frame, required=False):
            return self.field_parameter(parameters, name, context, frame, required)

        preset = self._speed_table(parameters, context)
        tags = inputs.osm_tags(roads)
        chosen = inputs.road_fields(roads, {role: (self.field_parameter(parameters, name, context),
                                                   self._explicit(parameters, name)) for role, name in ROAD_FIELDS},
                                    tags, preset)
        directions = [self.parameterAsString(parameters, name, context) or value for name, value in DIRECTION_PARAMETERS]
        default_directions = directions == [value for _name, value in DIRECTION_PARAMETERS]
        def column(role, check=True):  # a column of the layer (not an OSM tag) that validateinputs' rules apply to
            return chosen.get(role) if check and chosen.get(role) in roads.gdf.columns else None

        # the schema's class list is the default preset's: other tables read other classes (OSM, Chinese)
        default_table = preset is fs.SPEED_PRESETS[SPEED_PRESET_NAMES[0]]
        self.check_fields(roads, {"class": column("class", default_table), "speed_kmh": column("speed"),
                                  "oneway": column("direction", default_directions)}, feedback)
        network = inputs.road_inputs(roads, chosen, preset, self.parameterAsDouble(parameters, "DEFAULT_SPEED", context),
                                     directions, tags)
        info, warnings = inputs.road_report(network, len(roads.gdf))
        for line in info:
            feedback.pushInfo(line)
        self.push_warnings(feedback, warnings)
        turnout_field = field("TURNOUT_FIELD", stations)
        self.check_fields(stations, {"station_id": field("STATION_ID_FIELD", stations),
                                     "class": field("CLASS_FIELD", stations), "turnout_min": turnout_field,
                                     "suburban": field("SUBURBAN_FIELD", stations)}, feedback)
        station = inputs.station_inputs(stations, field("STATION_ID_FIELD", stations), field("CLASS_FIELD", stations),
                                        turnout_field, field("SUBURBAN_FIELD", stations))
        pop_geoms = residents = None
        if population is not None:
            pop_geoms, residents = inputs.residents(population, population_field)
        targets, notices = inputs.read_targets(self.parameterAsLayerList(parameters, "TARGETS", context) or [], crs,
                                               context.transformContext(), self.TARGETS_GEOMETRY)
        self.push_warnings(feedback, notices)
        self.check_cancelled(feedback)

        options = fr.ReachOptions(**{key: self.parameterAsDouble(parameters, name, context) for key, name in (
            ("time_limit", "TIME_LIMIT"), ("access_distance", "ACCESS_DISTANCE"), ("snap_tolerance", "SNAP_TOLERANCE"),
            ("default_turnout", "DEFAULT_TURNOUT"), ("node_tolerance", "NODE_TOLERANCE"))})
        if self.given(parameters, "OUTPUT_EDGES_BANDS"):  # the bands only when that output is wanted
            options.band_min = self.parameterAsDouble(parameters, "BAND_MIN", context) or fs.BAND_MIN
        result = fr.fire_station_reach(
            network.geoms, network.speeds, network.directions, station.geoms, station.ids, station.turnout,
            station_classes=station.classes, suburban=station.suburban, station_names=station.names,
            study_area=inputs.study_geometry(study),
            districts=districts.gdf.geometry.values if districts is not None and len(districts.gdf) else None,
            population=pop_geoms, residents=residents, targets=targets, options=options,
            progress=self.progress(feedback, 5, 85, scale=0.01),
            names={"roads": roads.name, "stations": stations.name, "turnout_field": turnout_field,
                   "road_fids": network.fids, "station_fids": stations.gdf.index.to_numpy(),
                   "road_keys": roads.gdf[roads.key].reindex(network.fids).to_numpy(dtype=object) if roads.key else None})
        for line in result.info:
            feedback.pushInfo(line)
        self.push_warnings(feedback, result.warnings)
        result.warnings = [self.render(w) for w in result.warnings]  # the report's, in the user's language
        self.check_cancelled(feedback)
        return self._write(parameters, context, feedback, result, crs, preset, inputs.speeds_used(network))

    def _explicit(self, parameters, name):
        """A field named by the user (not its default name, which a model or qgis_process may pass on as given):
        a layer without it is an error."""
        value = parameters.get(name)
        return value is not None and value != self.parameterDefinition(name).defaultValue()

    def _speed_table(self, parameters, context):
        """SPEED_TABLE when given (a CSV or JSON file), else the SPEED_PRESET table."""
        from ..core.standards.road_speeds import load_speed_table

        if not self.given(parameters, "SPEED_TABLE"):
            return fs.SPEED_PRESETS[SPEED_PRESET_NAMES[self.parameterAsEnum(parameters, "SPEED_PRESET", context)]]
        try:
            return load_speed_table(self.parameterAsFile(parameters, "SPEED_TABLE", context))
        except (OSError, ValueError) as error:
            raise QgsProcessingException(self.tr("Speed table: {0}").format(error)) from error

    def _write(self, parameters, context, feedback, result, crs, preset, speeds):
        from ..layers import outputs as out
        from ..layers.reach_style import (style_reach_areas, style_reach_bands, style_reach_edges, style_reach_gaps,
                                          style_reach_targets)
        from ..layers.report_html import reach_page

        record = self.provenance(parameters, speed_preset=preset.name, speed_table=preset.source,
                                 speeds_used=[list(row) for row in speeds], cell_m=result.stats.get("cell_m"))
        sinks = [("OUTPUT_EDGES", result.edges, out.REACH_EDGE_FIELDS, compat.WKB_MULTILINESTRING, style_reach_edges),
                 ("OUTPUT_EDGES_BANDS", result.edge_bands, out.REACH_BAND_FIELDS, compat.WKB_MULTILINESTRING,
                  style_reach_bands),
                 ("OUTPUT_AREAS", result.areas, out.REACH_AREA_FIELDS, compat.WKB_MULTIPOLYGON, style_reach_areas),
                 ("OUTPUT_GAPS", result.gaps, out.REACH_GAP_FIELDS, compat.WKB_MULTIPOLYGON, style_reach_gaps),
                 ("OUTPUT_TARGETS", result.targets, out.REACH_TARGET_FIELDS, compat.WKB_POINT, style_reach_targets),
                 ("OUTPUT_SUMMARY", result.summary, out.reach_summary_fields(result.summary), compat.WKB_NO_GEOMETRY,
                  None)]
        outputs = {}
        for name, frame, specs, wkb_type, style in sinks:
            optional = name in ("OUTPUT_EDGES_BANDS", "OUTPUT_TARGETS", "OUTPUT_SUMMARY")
            if frame is None or (optional and parameters.get(name) is None):
                continue
            if "exceeds_limit" in frame.columns:  # None where no limit applies (a nullable bool)
                frame = frame.assign(exceeds_limit=frame["exceeds_limit"].astype(object))
            dest = self.write_sink(parameters, name, context, frame, specs, wkb_type, crs, style=style,
                                   provenance=record, required=not optional)
            if dest is not None:
                outputs[name] = dest
            self.check_cancelled(feedback)
        language = self.language(parameters, context)
        html = self.write_html(parameters, "OUTPUT_HTML", context, lambda: reach_page(result, record, language))
        if html:
            outputs["OUTPUT_HTML"] = html
        feedback.setProgress(100)
        return outputs
