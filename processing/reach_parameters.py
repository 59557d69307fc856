"""The parameters firestationreach and firestationsiting share (same names, defaults and labels): the road
network's (declared and read in ``processing.road_parameters``, as every reach analysis takes them) and the
turnout, time-limit and access parameters of the 5-minute rule."""
from qgis.PyQt.QtCore import QCoreApplication

from ..core.standards import fire_stations as fs
from . import road_parameters


translate = QCoreApplication.translate  # literal contexts and texts below: pylupdate5 extracts them


class ReachParameters:
    """Mixin for a RiskAtlasAlgorithm that searches the road network as firestationreach does."""

    def add_road_parameters(self):
        """ROADS, its speed and direction parameters and SNAP_TOLERANCE (processing.road_parameters)."""
        road_parameters.add_road_parameters(self)

    def add_time_parameters(self):
        """DEFAULT_TURNOUT, TIME_LIMIT and ACCESS_DISTANCE."""
        self.add_number("DEFAULT_TURNOUT", translate("FireStationReach", "Default turnout time (min)"),
                        fs.TURNOUT_CONVENTION_MIN, minimum=0.0, decimals=2)
        self.add_number("TIME_LIMIT", translate("FireStationReach", "Time limit from dispatch (min)"),
                        fs.TIME_RULE_MIN, minimum=0.01, decimals=2)
        road_parameters.add_access_distance(self)

    def add_node_tolerance(self):
        road_parameters.add_node_tolerance(self)

    def read_roads(self, parameters, context, feedback):
        """(roads LayerFrame, layers.reach_inputs.RoadInputs, speed table), the fields checked and the
        speeds and directions reported."""
        roads = self.read_source(parameters, "ROADS", context, feedback)
        network, preset = road_parameters.read_roads(self, parameters, context, feedback, roads)
        return roads, network, preset

    def reach_options(self, parameters, context):
        """core.fire_reach.ReachOptions from TIME_LIMIT, ACCESS_DISTANCE, SNAP_TOLERANCE, DEFAULT_TURNOUT and
        NODE_TOLERANCE."""
        from ..core import fire_reach as fr

        return fr.ReachOptions(**{key: self.parameterAsDouble(parameters, name, context) for key, name in (
            ("time_limit", "TIME_LIMIT"), ("access_distance", "ACCESS_DISTANCE"), ("snap_tolerance", "SNAP_TOLERANCE"),
            ("default_turnout", "DEFAULT_TURNOUT"), ("node_tolerance", "NODE_TOLERANCE"))})
