"""The road, speed, direction and turnout parameters firestationreach and firestationsiting share
(same names, defaults and labels — the labels keep firestationreach's translation context), and
reading the road network from them."""
from qgis.core import QgsProcessingParameterEnum, QgsProcessingParameterString
from qgis.PyQt.QtCore import QCoreApplication

from ..core.standards import fire_stations as fs
from ..layers.schemas import ONEWAY_BACKWARD, ONEWAY_BOTH, ONEWAY_FORWARD
from ..support import compat
from ..support.i18n import is_chinese

SPEED_PRESET_NAMES = tuple(fs.SPEED_PRESETS)  # the SPEED_PRESET enum
DIRECTION_PARAMETERS = (("VALUE_FORWARD", ONEWAY_FORWARD), ("VALUE_BACKWARD", ONEWAY_BACKWARD),
                        ("VALUE_BOTH", ONEWAY_BOTH))


def _tr(text):
    return QCoreApplication.translate("FireStationReach", text)


class ReachParameters:
    """Mixin for a RiskAtlasAlgorithm searching the road network as firestationreach does."""

    def add_road_parameters(self):
        """ROADS, SPEED_FIELD, ROAD_CLASS_FIELD, SPEED_PRESET, DEFAULT_SPEED, DIRECTION_FIELD,
        VALUE_FORWARD / VALUE_BACKWARD / VALUE_BOTH and SNAP_TOLERANCE."""
        from .help_tables import speed_preset_text

        self.add_source("ROADS", _tr("Roads"), [compat.SOURCE_LINE], kind="roads")
        self.add_field("SPEED_FIELD", _tr("Speed field (km/h)"), "speed_kmh", "ROADS")
        self.add_field("ROAD_CLASS_FIELD", _tr("Road class field"), "class", "ROADS")
        self.addParameter(QgsProcessingParameterEnum(
            "SPEED_PRESET", _tr("Speed preset by road class"),
            options=[speed_preset_text(p, is_chinese()) for p in fs.SPEED_PRESETS.values()], defaultValue=0))
        self.add_number("DEFAULT_SPEED", _tr("Default speed (km/h)"), fs.DEFAULT_SPEED_KMH, minimum=0.1, decimals=1)
        self.add_field("DIRECTION_FIELD", _tr("Direction field"), "oneway", "ROADS")
        for name, label, value in zip((p for p, _v in DIRECTION_PARAMETERS),
                                      (_tr("Value for forward direction"), _tr("Value for backward direction"),
                                       _tr("Value for both directions")), (v for _p, v in DIRECTION_PARAMETERS)):
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
        """(roads LayerFrame, layers.reach_inputs.RoadInputs, speed preset name), the fields checked
        and the speeds and directions reported."""
        from ..layers import reach_inputs as inputs

        roads = self.read_source(parameters, "ROADS", context, feedback)

        def field(name):
            return self.field_parameter(parameters, name, context, roads)

        preset = SPEED_PRESET_NAMES[self.parameterAsEnum(parameters, "SPEED_PRESET", context)]
        directions = [self.parameterAsString(parameters, name, context) or value for name, value in DIRECTION_PARAMETERS]
        default_directions = directions == [value for _name, value in DIRECTION_PARAMETERS]
        self.check_fields(roads, {"class": field("ROAD_CLASS_FIELD"), "speed_kmh": field("SPEED_FIELD"),
                                  "oneway": field("DIRECTION_FIELD") if default_directions else None}, feedback)
        network = inputs.road_inputs(
            roads, field("SPEED_FIELD"), field("ROAD_CLASS_FIELD"), field("DIRECTION_FIELD"),
            preset, self.parameterAsDouble(parameters, "DEFAULT_SPEED", context), directions)
        self._report_roads(feedback, network, len(roads.gdf), field("SPEED_FIELD"))
        return roads, network, preset

    def reach_options(self, parameters, context):
        """core.fire_reach.ReachOptions from TIME_LIMIT, ACCESS_DISTANCE, SNAP_TOLERANCE,
        DEFAULT_TURNOUT and NODE_TOLERANCE."""
        from ..core import fire_reach as fr

        return fr.ReachOptions(**{key: self.parameterAsDouble(parameters, name, context) for key, name in (
            ("time_limit", "TIME_LIMIT"), ("access_distance", "ACCESS_DISTANCE"), ("snap_tolerance", "SNAP_TOLERANCE"),
            ("default_turnout", "DEFAULT_TURNOUT"), ("node_tolerance", "NODE_TOLERANCE"))})

    def _report_roads(self, feedback, network, count, speed_field):
        origin = network.speed_origin
        feedback.pushInfo(_tr("Speeds: {0} roads from the speed field, {1} from the road-class preset, "
                              "{2} at the default speed.").format(origin["field"], origin["class"], origin["default"]))
        if speed_field and origin["field"] < count:
            feedback.pushWarning(_tr("{0} roads have an empty speed: the class preset or DEFAULT_SPEED is used.")
                                 .format(count - origin["field"]))
        if network.unknown_directions:
            feedback.pushWarning(_tr("{0} roads have an empty or unknown direction value: both directions "
                                     "are used.").format(network.unknown_directions))
        if network.multipart:
            feedback.pushInfo(_tr("{0} multipart roads are split into their parts (parts join only where "
                                  "they share a vertex).").format(network.multipart))
        if network.without_geometry:
            feedback.pushWarning(_tr("{0} roads without geometry are ignored.").format(network.without_geometry))
