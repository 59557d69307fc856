"""riskatlas:incidentsurroundings — what surrounds an incident (周边分析): people, key targets, enterprises,
hazard units and shelters within distance rings, and the nearest responders with their arrival (glue over
core.incident; the network kept for the session: layers.incident_io)."""
from qgis.core import QgsProcessingParameterFileDestination, QgsProcessingParameterString

from ..core.garbage_collector import objects_frozen
from ..core.standards import fire_stations as fs
from ..support import compat
from . import preselect
from .base import LEAVE_OUT, STOP, WARN, Reads, RiskAtlasAlgorithm
from .population import add_population, read_population
from .road_parameters import add_access_distance, add_node_tolerance, add_road_parameters

DEFAULT_RINGS = "500,1000,3000"
DEFAULT_N_NEAREST = 3
COUNTED = ("KEY_TARGETS", "ENTERPRISES", "HAZARD_UNITS", "SHELTERS")
RESPONDERS = (("FIRE_STATIONS", "fire_stations", "station_id"), ("RESCUE_TEAMS", "rescue_teams", "team_id"),
              ("DEPOTS", "supply_depots", "depot_id"))  # (parameter, kind, id field)


def QT_TRANSLATE_NOOP(context, text):  # noqa: N802 (the name pylupdate5 looks for)
    return text


COUNTS_NONE = QT_TRANSLATE_NOOP("InputError", "it counts 0 in every ring")


class IncidentSurroundings(RiskAtlasAlgorithm):
    ALGORITHM_ID = "incidentsurroundings"
    GROUP_ID = "coverage"
    READS = {"INCIDENTS": Reads(key="INCIDENT_ID_FIELD", no_geometry=LEAVE_OUT),
             "POPULATION": Reads("population", no_geometry=STOP, empty=WARN, empty_means=COUNTS_NONE),
             "KEY_TARGETS": Reads("key_targets", empty=WARN, empty_means=COUNTS_NONE),
             "ENTERPRISES": Reads("enterprises", empty=WARN, empty_means=COUNTS_NONE),
             "HAZARD_UNITS": Reads(empty=WARN, empty_means=COUNTS_NONE),
             "SHELTERS": Reads("shelters", empty=WARN, empty_means=COUNTS_NONE),
             "FIRE_STATIONS": Reads("fire_stations", empty=WARN, empty_means=COUNTS_NONE),
             "RESCUE_TEAMS": Reads("rescue_teams", empty=WARN, empty_means=COUNTS_NONE),
             "DEPOTS": Reads("supply_depots", empty=WARN, empty_means=COUNTS_NONE),
             "ROADS": Reads("roads")}

    def displayName(self):
        return self.tr("Incident surroundings")

    def initAlgorithm(self, config=None):
        points, polygons = [compat.SOURCE_POINT], [compat.SOURCE_POLYGON]
        self.add_source("INCIDENTS", self.tr("Incidents (points, hazard units or enterprise polygons)"),
                        points + polygons)
        preselect.offer_layer(self.parameterDefinition("INCIDENTS"), "hazard_units", points + polygons)
        self.add_field("INCIDENT_ID_FIELD", self.tr("Incident id field (empty: the feature id)"), None, "INCIDENTS")
        self.addParameter(QgsProcessingParameterString("RINGS", self.tr("Rings (m)"), DEFAULT_RINGS))
        add_population(self, self.tr("Population (polygons or points)"))
        self.add_source("KEY_TARGETS", self.tr("Key targets (crowded places)"), points + polygons, optional=True,
                        kind="key_targets")
        self.add_field("OCCUPANCY_FIELD", self.tr("Occupancy field (people)"), "occupancy", "KEY_TARGETS",
                       compat.FIELD_NUMERIC)
        self.add_source("ENTERPRISES", self.tr("Enterprises"), points + polygons, optional=True, kind="enterprises")
        self.add_source("HAZARD_UNITS", self.tr("Hazard units (graded, or the hazard sources: by unit_id)"),
                        points + polygons, optional=True)
        preselect.offer_layer(self.parameterDefinition("HAZARD_UNITS"), "hazard_units", points + polygons)
        self.add_source("SHELTERS", self.tr("Shelters"), points + polygons, optional=True, kind="shelters")
        self.add_field("CAPACITY_FIELD", self.tr("Shelter capacity field (people)"), "capacity", "SHELTERS",
                       compat.FIELD_NUMERIC)
        self.add_source("FIRE_STATIONS", self.tr("Fire stations"), points, optional=True, kind="fire_stations")
        self.add_source("RESCUE_TEAMS", self.tr("Rescue teams"), points, optional=True, kind="rescue_teams")
        self.add_source("DEPOTS", self.tr("Supply depots"), points, optional=True, kind="supply_depots")
        self.add_number("N_NEAREST", self.tr("Nearest responders of each kind"), DEFAULT_N_NEAREST, minimum=1,
                        decimals=0)
        add_road_parameters(self, optional=True)
        self.add_field("TURNOUT_FIELD", self.tr("Turnout time field (min)"), "turnout_min", "FIRE_STATIONS")
        self.add_number("DEFAULT_TURNOUT", self.tr("Default turnout time (min)"), fs.TURNOUT_CONVENTION_MIN,
                        minimum=0.0, decimals=2)
        add_access_distance(self)
        add_node_tolerance(self)
        self.add_sink("OUTPUT_RINGS", self.tr("Rings"), compat.SOURCE_POLYGON)
        self.add_sink("OUTPUT_RESPONDERS", self.tr("Nearest responders"), compat.SOURCE_POINT)
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_BRIEF", self.tr("Incident brief (PDF)"), self.tr("PDF files (*.pdf)"), optional=True))
        self.add_language()

    def compute(self, parameters, context, feedback):
        with objects_frozen():
            return self._compute(parameters, context, feedback)

    def _compute(self, parameters, context, feedback):
        from ..core.incident import nearest_responders, parse_rings, ring_table
        from ..core.incident.responders import ResponderOptions
        from ..layers import incident_io as io
        from .incident_steps import read_network, shelters_spare

        rings = parse_rings(self.parameterAsString(parameters, "RINGS", context))
        n_nearest = int(self.parameterAsDouble(parameters, "N_NEAREST", context))
        network, crs = read_network(self, parameters, context, feedback)
        incidents = self.read_source(parameters, "INCIDENTS", context, feedback, target_crs=crs)
        crs = crs or incidents.crs
        frames = {name: self.read_source(parameters, name, context, feedback, target_crs=crs, required=False)
                  for name in (*COUNTED, *(r[0] for r in RESPONDERS))}
        frames["POPULATION"], population_field = read_population(self, parameters, context, feedback, crs)
        self.advance(feedback, 30)

        def field(name, frame, required=False):
            return self.field_parameter(parameters, name, context, frame, required) if frame is not None else None

        geoms, ids, fids = io.incident_inputs(incidents, field("INCIDENT_ID_FIELD", incidents))
        population = frames["POPULATION"]
        warnings = []
        table = ring_table(
            geoms, ids, rings,
            population=(population.gdf.geometry.values, io.numbers(population, population_field, "value"))
            if population is not None else None,
            key_targets=io.counted(frames["KEY_TARGETS"], "KEY_TARGETS",
                                   field("OCCUPANCY_FIELD", frames["KEY_TARGETS"])),
            enterprises=io.counted(frames["ENTERPRISES"], "ENTERPRISES"),
            hazard_units=io.counted(frames["HAZARD_UNITS"], "HAZARD_UNITS"),
            shelters=shelters_spare(self, parameters, context, frames, population_field, warnings))
        self.advance(feedback, 60)
        turnout_field = self.field_parameter(parameters, "TURNOUT_FIELD", context)
        groups = [io.responders(frames[name], kind, id_field if frames[name] is not None
                                and id_field in frames[name].gdf.columns else None, turnout_field)
                  for name, kind, id_field in RESPONDERS if frames[name] is not None]
        options = ResponderOptions(*(self.parameterAsDouble(parameters, name, context) for name in
                                     ("ACCESS_DISTANCE", "SNAP_TOLERANCE", "DEFAULT_TURNOUT")))
        nearest = nearest_responders(network, geoms, ids, groups, n_nearest, options, warnings,
                                     incident_layer=incidents.name, incident_fids=fids)
        self.push_warnings(feedback, warnings)
        self.advance(feedback, 80)
        from .incident_steps import write_outputs

        return write_outputs(self, parameters, context, feedback, table, nearest, geoms, rings, crs, {
            "incidents": incidents.name, "network": network, "options": options,
            "names": io.incident_names(incidents, ids, fids),
            **{key: frames[name].gdf.geometry.values for key, name in (("key_targets", "KEY_TARGETS"),
                                                                        ("hazard_units", "HAZARD_UNITS"))
               if frames[name] is not None}})
