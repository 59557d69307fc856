"""The road-network parameters of the reach analyses, declared and read once: ROADS, SPEED_FIELD,
ROAD_CLASS_FIELD, SPEED_PRESET, MAXSPEED_FIELD, SPEED_TABLE, DEFAULT_SPEED, DIRECTION_FIELD,
VALUE_FORWARD / VALUE_BACKWARD / VALUE_BOTH, SNAP_TOLERANCE — named, defaulted and read as in
``riskatlas:firestationreach`` (the resource coverage and the incident surroundings take them alike):
OSM ``other_tags``, the speed table, the layer rules of the fields used (``check_fields``)."""
from qgis.core import QgsProcessingException, QgsProcessingParameterEnum, QgsProcessingParameterFile
from qgis.core import QgsProcessingParameterString
from qgis.PyQt.QtCore import QCoreApplication

from ..core.roads import DIRECTION_DEFAULTS
from ..core.standards import fire_stations as fs
from ..support import compat
from ..support.i18n import is_chinese

SPEED_PRESET_NAMES = tuple(fs.SPEED_PRESETS)  # the SPEED_PRESET enum
DIRECTION_PARAMETERS = (("VALUE_FORWARD", DIRECTION_DEFAULTS["forward"]),
                        ("VALUE_BACKWARD", DIRECTION_DEFAULTS["backward"]), ("VALUE_BOTH", DIRECTION_DEFAULTS["both"]))
ROAD_FIELDS = (("speed", "SPEED_FIELD"), ("class", "ROAD_CLASS_FIELD"), ("direction", "DIRECTION_FIELD"),
               ("maxspeed", "MAXSPEED_FIELD"))
translate = QCoreApplication.translate


def add_road_parameters(algorithm, optional=False):
    """ROADS (``optional``: the incident surroundings run without) and its speed and direction parameters (then
    SNAP_TOLERANCE)."""
    from .base import FLAG_ADVANCED
    from .help_tables import speed_preset_option

    algorithm.add_source("ROADS", translate("RoadParameters", "Roads"), [compat.SOURCE_LINE], optional=optional,
                         kind="roads")
    algorithm.add_field("SPEED_FIELD", translate("RoadParameters", "Speed field (km/h)"), "speed_kmh", "ROADS")
    algorithm.add_field("ROAD_CLASS_FIELD", translate("RoadParameters", "Road class field"), "class", "ROADS")
    algorithm.addParameter(QgsProcessingParameterEnum(
        "SPEED_PRESET", translate("RoadParameters", "Speed preset by road class"),
        options=[speed_preset_option(p, is_chinese()) for p in fs.SPEED_PRESETS.values()], defaultValue=0))
    algorithm.add_field("MAXSPEED_FIELD", translate("RoadParameters",
                                                    "Posted limit field (maxspeed, e.g. 60, 60 km/h, 30 mph)"),
                        "maxspeed", "ROADS")
    table = QgsProcessingParameterFile(
        "SPEED_TABLE", translate("RoadParameters", "Speed table (CSV or JSON; replaces the speed preset)"),
        optional=True, fileFilter=translate("RoadParameters", "Tables (*.csv *.json)"))
    table.setFlags(table.flags() | FLAG_ADVANCED)
    algorithm.addParameter(table)
    algorithm.add_number("DEFAULT_SPEED", translate("RoadParameters", "Default speed (km/h)"), fs.DEFAULT_SPEED_KMH,
                         minimum=0.1, decimals=1)
    algorithm.add_field("DIRECTION_FIELD", translate("RoadParameters", "Direction field"), "oneway", "ROADS")
    labels = (translate("RoadParameters", "Values for forward direction (separated by ;)"),
              translate("RoadParameters", "Values for backward direction (separated by ;)"),
              translate("RoadParameters", "Values for both directions (separated by ;)"))
    for (name, value), label in zip(DIRECTION_PARAMETERS, labels):
        algorithm.addParameter(QgsProcessingParameterString(name, label, value, optional=True))
    algorithm.add_number("SNAP_TOLERANCE", translate("RoadParameters", "Snap tolerance (m)"), fs.SNAP_TOLERANCE_M,
                         minimum=0.0, decimals=1)



def add_access_distance(algorithm):
    """ACCESS_DISTANCE: how far from a reached road land counts as reached (every reach analysis's land rule)."""
    algorithm.add_number("ACCESS_DISTANCE", translate("RoadParameters", "Access distance from roads (m)"),
                         fs.ACCESS_DISTANCE_M, minimum=0.0, decimals=0)


def add_node_tolerance(algorithm):
    """NODE_TOLERANCE (advanced): line ends this close join into one network node."""
    algorithm.add_number("NODE_TOLERANCE", translate("RoadParameters", "Node tolerance (m)"), 0.0, minimum=0.0,
                         advanced=True, decimals=2)

def speed_table(algorithm, parameters, context):
    """SPEED_TABLE when given (a CSV or JSON file), else the SPEED_PRESET table."""
    from ..core.standards.road_speeds import load_speed_table

    if not algorithm.given(parameters, "SPEED_TABLE"):
        return fs.SPEED_PRESETS[SPEED_PRESET_NAMES[algorithm.parameterAsEnum(parameters, "SPEED_PRESET", context)]]
    try:
        return load_speed_table(algorithm.parameterAsFile(parameters, "SPEED_TABLE", context))
    except (OSError, ValueError) as error:
        raise QgsProcessingException(translate("RoadParameters", "Speed table: {0}").format(error)) from error


def _explicit(algorithm, parameters, name):
    """A field named by the user (not its default name, which a model may pass on): a layer without it is an error."""
    value = parameters.get(name)
    return value is not None and value != algorithm.parameterDefinition(name).defaultValue()


def read_roads(algorithm, parameters, context, feedback, roads):
    """(RoadInputs, the speed table used) of the ROADS LayerFrame, the fields used checked by the layer rules
    and the speeds and directions reported in the log."""
    from ..layers import reach_inputs as inputs

    preset = speed_table(algorithm, parameters, context)
    tags = inputs.osm_tags(roads)
    chosen = inputs.road_fields(roads, {role: (algorithm.field_parameter(parameters, name, context),
                                               _explicit(algorithm, parameters, name)) for role, name in ROAD_FIELDS},
                                tags, preset)
    directions = [algorithm.parameterAsString(parameters, name, context) or value
                  for name, value in DIRECTION_PARAMETERS]
    default_directions = directions == [value for _name, value in DIRECTION_PARAMETERS]

    def column(role, check=True):  # a column of the layer (not an OSM tag) that validateinputs' rules apply to
        return chosen.get(role) if check and chosen.get(role) in roads.gdf.columns else None

    default_table = preset is fs.SPEED_PRESETS[SPEED_PRESET_NAMES[0]]  # the schema's class list is its
    algorithm.check_fields(roads, {"class": column("class", default_table), "speed_kmh": column("speed"),
                                   "oneway": column("direction", default_directions)}, feedback)
    default_speed = algorithm.parameterAsDouble(parameters, "DEFAULT_SPEED", context)
    network = inputs.road_inputs(roads, chosen, preset, default_speed, directions, tags)
    info, warnings = inputs.road_report(network, len(roads.gdf))
    for line in info:
        feedback.pushInfo(line)
    algorithm.push_warnings(feedback, warnings)
    return network, preset
