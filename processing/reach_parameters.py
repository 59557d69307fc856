"""The road, speed, direction and turnout parameters firestationreach and firestationsiting share
(same names, defaults and labels — the labels keep firestationreach's translation context), and
reading the road network from them."""
from qgis.core import QgsProcessingException, QgsProcessingParameterEnum, QgsProcessingParameterFile
from qgis.core import QgsProcessingParameterString
from qgis.PyQt.QtCore import QCoreApplication

from ..core.roads import DIRECTION_DEFAULTS
from ..core.standards import fire_stations as fs
from ..support import compat
from ..support.i18n import is_chinese
from .base import FLAG_ADVANCED

SPEED_PRESET_NAMES = tuple(fs.SPEED_PRESETS)  # the SPEED_PRESET enum
DIRECTION_PARAMETERS = (("VALUE_FORWARD", DIRECTION_DEFAULTS["forward"]),
                        ("VALUE_BACKWARD", DIRECTION_DEFAULTS["backward"]), ("VALUE_BOTH", DIRECTION_DEFAULTS["both"]))
ROAD_FIELDS = (("speed", "SPEED_FIELD"), ("class", "ROAD_CLASS_FIELD"), ("direction", "DIRECTION_FIELD"),
               ("maxspeed", "MAXSPEED_FIELD"))


def _tr(text):
    return QCoreApplication.translate("FireStationReach", text)


class ReachParameters:
    """Mixin for a RiskAtlasAlgorithm that searches the road network as firestationreach does."""

    def add_road_parameters(self):
        """ROADS, SPEED_FIELD, ROAD_CLASS_FIELD, SPEED_PRESET, MAXSPEED_FIELD, SPEED_TABLE, DEFAULT_SPEED,
        DIRECTION_FIELD, VALUE_FORWARD / VALUE_BACKWARD / VALUE_BOTH and SNAP_TOLERANCE."""
        from .help_tables import speed_preset_option

        self.add_source("ROADS", _tr("Roads"), [compat.SOURCE_LINE], kind="roads")
        self.add_field("SPEED_FIELD", _tr("Speed field (km/h)"), "speed_kmh", "ROADS")
        self.add_field("ROAD_CLASS_FIELD", _tr("Road class field"), "class", "ROADS")
        self.addParameter(QgsProcessingParameterEnum(
            "SPEED_PRESET", _tr("Speed preset by road class"),
            options=[speed_preset_option(p, is_chinese()) for p in fs.SPEED_PRESETS.values()], defaultValue=0))
        self.add_field("MAXSPEED_FIELD", _tr("Posted limit field (maxspeed, e.g. 60, 60 km/h, 30 mph)"), "maxspeed",
                       "ROADS")
        table = QgsProcessingParameterFile("SPEED_TABLE", _tr("Speed table (CSV or JSON; replaces the speed preset)"),
                                           optional=True, fileFilter=_tr("Tables (*.csv *.json)"))
        table.setFlags(table.flags() | FLAG_ADVANCED)
        self.addParameter(table)
        self.add_number("DEFAULT_SPEED", _tr("Default speed (km/h)"), fs.DEFAULT_SPEED_KMH, minimum=0.1,
                        decimals=1)
        self.add_field("DIRECTION_FIELD", _tr("Direction field"), "oneway", "ROADS")
        for name, label, value in zip((p for p, _v in DIRECTION_PARAMETERS),
                                      (_tr("Values for forward direction (separated by ;)"),
                                       _tr("Values for backward direction (separated by ;)"),
                                       _tr("Values for both directions (separated by ;)")),
                                      (v for _p, v in DIRECTION_PARAMETERS)):
            self.addParameter(QgsProcessingParameterString(name, label, value, optional=True))
        self.add_number("SNAP_TOLERANCE", _tr("Snap tolerance (m)"), fs.SNAP_TOLERANCE_M, minimum=0.0, decimals=1)

    def add_time_parameters(self):
        """DEFAULT_TURNOUT, TIME_LIMIT and ACCESS_DISTANCE."""
        self.add_number("DEFAULT_TURNOUT", _tr("Default turnout time (min)"), fs.TURNOUT_CONVENTION_MIN,
                        minimum=0.0, decimals=2)
        self.add_number("TIME_LIMIT", _tr("Time limit from dispatch (min)"), fs.TIME_RULE_MIN, minimum=0.01,
                        decimals=2)
        self.add_number("ACCESS_DISTANCE", _tr("Access distance from roads (m)"), fs.ACCESS_DISTANCE_M,
                        minimum=0.0, decimals=0)

    def add_node_tolerance(self):
        self.add_number("NODE_TOLERANCE", _tr("Node tolerance (m)"), 0.0, minimum=0.0, advanced=True, decimals=2)

    def read_roads(self, parameters, context, feedback):
        """(roads LayerFrame, layers.reach_inputs.RoadInputs, speed table), the fields checked and the
        speeds and directions reported."""
        from ..layers import reach_inputs as inputs

        roads = self.read_source(parameters, "ROADS", context, feedback)
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
        return roads, network, preset

    def reach_options(self, parameters, context):
        """core.fire_reach.ReachOptions from TIME_LIMIT, ACCESS_DISTANCE, SNAP_TOLERANCE, DEFAULT_TURNOUT and
        NODE_TOLERANCE."""
        from ..core import fire_reach as fr

        return fr.ReachOptions(**{key: self.parameterAsDouble(parameters, name, context) for key, name in (
            ("time_limit", "TIME_LIMIT"), ("access_distance", "ACCESS_DISTANCE"), ("snap_tolerance", "SNAP_TOLERANCE"),
            ("default_turnout", "DEFAULT_TURNOUT"), ("node_tolerance", "NODE_TOLERANCE"))})

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
            raise QgsProcessingException(_tr("Speed table: {0}").format(error)) from error
