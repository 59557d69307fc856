"""The road-network parameters of the reach analyses, declared and read once: ROADS, SPEED_FIELD,
ROAD_CLASS_FIELD, SPEED_PRESET, DEFAULT_SPEED, DIRECTION_FIELD, VALUE_FORWARD / VALUE_BACKWARD /
VALUE_BOTH, SNAP_TOLERANCE — named and defaulted as in ``riskatlas:firestationreach`` (the resource
coverage and the incident surroundings take them alike)."""
from qgis.core import QgsProcessingParameterEnum, QgsProcessingParameterString
from qgis.PyQt.QtCore import QCoreApplication

from ..core.standards import fire_stations as fs
from ..layers.schemas import ONEWAY_BACKWARD, ONEWAY_BOTH, ONEWAY_FORWARD
from ..support import compat
from ..support.i18n import is_chinese

SPEED_PRESET_NAMES = tuple(fs.SPEED_PRESETS)  # the SPEED_PRESET enum
DIRECTION_PARAMETERS = (("VALUE_FORWARD", ONEWAY_FORWARD), ("VALUE_BACKWARD", ONEWAY_BACKWARD),
                        ("VALUE_BOTH", ONEWAY_BOTH))
translate = QCoreApplication.translate


def add_road_parameters(algorithm, optional=False):
    """ROADS and its speed and direction parameters (then SNAP_TOLERANCE)."""
    from .help_tables import speed_preset_text

    algorithm.add_source("ROADS", translate("RoadParameters", "Roads"), [compat.SOURCE_LINE], optional=optional,
                         kind="roads")
    algorithm.add_field("SPEED_FIELD", translate("RoadParameters", "Speed field (km/h)"), "speed_kmh", "ROADS")
    algorithm.add_field("ROAD_CLASS_FIELD", translate("RoadParameters", "Road class field"), "class", "ROADS")
    algorithm.addParameter(QgsProcessingParameterEnum(
        "SPEED_PRESET", translate("RoadParameters", "Speed preset by road class"),
        options=[speed_preset_text(p, is_chinese()) for p in fs.SPEED_PRESETS.values()], defaultValue=0))
    algorithm.add_number("DEFAULT_SPEED", translate("RoadParameters", "Default speed (km/h)"), fs.DEFAULT_SPEED_KMH,
                         minimum=0.1, decimals=1)
    algorithm.add_field("DIRECTION_FIELD", translate("RoadParameters", "Direction field"), "oneway", "ROADS")
    labels = (translate("RoadParameters", "Value for forward direction"),
              translate("RoadParameters", "Value for backward direction"),
              translate("RoadParameters", "Value for both directions"))
    for (name, value), label in zip(DIRECTION_PARAMETERS, labels):
        algorithm.addParameter(QgsProcessingParameterString(name, label, value, optional=True))
    algorithm.add_number("SNAP_TOLERANCE", translate("RoadParameters", "Snap tolerance (m)"), fs.SNAP_TOLERANCE_M,
                         minimum=0.0, decimals=1)


def read_roads(algorithm, parameters, context, feedback, roads):
    """(RoadInputs, speed preset name) of the ROADS LayerFrame, its speeds and directions reported in the log."""
    from ..layers import reach_inputs as inputs

    def field(name):
        return algorithm.field_parameter(parameters, name, context, roads)

    preset = SPEED_PRESET_NAMES[algorithm.parameterAsEnum(parameters, "SPEED_PRESET", context)]
    directions = [algorithm.parameterAsString(parameters, name, context) or value for name, value in DIRECTION_PARAMETERS]
    default_directions = directions == [value for _name, value in DIRECTION_PARAMETERS]
    algorithm.check_fields(roads, {"class": field("ROAD_CLASS_FIELD"), "speed_kmh": field("SPEED_FIELD"),
                                   "oneway": field("DIRECTION_FIELD") if default_directions else None}, feedback)
    network = inputs.road_inputs(
        roads, field("SPEED_FIELD"), field("ROAD_CLASS_FIELD"), field("DIRECTION_FIELD"), preset,
        algorithm.parameterAsDouble(parameters, "DEFAULT_SPEED", context), directions)
    origin, count = network.speed_origin, len(roads.gdf)
    feedback.pushInfo(translate("RoadParameters", "Speeds: {0} roads from the speed field, {1} from the road-class "
                                "preset, {2} at the default speed.").format(origin["field"], origin["class"],
                                                                            origin["default"]))
    if field("SPEED_FIELD") and origin["field"] < count:
        feedback.pushWarning(translate("RoadParameters", "{0} roads have an empty speed: the class preset or "
                                       "DEFAULT_SPEED is used.").format(count - origin["field"]))
    if network.unknown_directions:
        feedback.pushWarning(translate("RoadParameters", "{0} roads have an empty or unknown direction value: "
                                       "both directions are used.").format(network.unknown_directions))
    if network.multipart:
        feedback.pushInfo(translate("RoadParameters", "{0} multipart roads are split into their parts (parts join "
                                    "only where they share a vertex).").format(network.multipart))
    if network.without_geometry:
        feedback.pushWarning(translate("RoadParameters", "{0} roads without geometry are ignored.").format(
            network.without_geometry))
    return network, preset
