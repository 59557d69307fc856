"""The steps of ``riskatlas:incidentsurroundings`` beyond its parameters (its module stays small): the road
network (kept for the session), the shelters' spare capacity, and writing the outputs and the PDF brief."""
from qgis.core import QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication

from ..support import compat

translate = QCoreApplication.translate
NETWORK_SETTINGS = ("SPEED_FIELD", "ROAD_CLASS_FIELD", "SPEED_PRESET", "MAXSPEED_FIELD", "SPEED_TABLE",
                    "DEFAULT_SPEED", "DIRECTION_FIELD", "VALUE_FORWARD", "VALUE_BACKWARD", "VALUE_BOTH",
                    "NODE_TOLERANCE")  # what a built network keeps


def read_network(algorithm, parameters, context, feedback):
    """(the road network, its CRS) — built, or kept from an earlier run of this session on the same roads with
    the same parameters; (None, None) without ROADS."""
    from ..core import messages as m
    from ..core import network as nw
    from ..core.errors import InputError
    from ..layers import incident_io as io
    from .road_parameters import read_roads

    if not algorithm.given(parameters, "ROADS"):
        feedback.pushInfo(translate("IncidentSurroundings", "No roads: the nearest responders are listed by "
                                    "straight-line distance, without arrival times."))
        return None, None
    layer = algorithm.parameterAsVectorLayer(parameters, "ROADS", context)
    key = io.network_key(layer, parameters.get("ROADS"), [str(parameters.get(name)) for name in NETWORK_SETTINGS])

    def build():
        roads = algorithm.read_source(parameters, "ROADS", context, feedback)
        inputs, _preset = read_roads(algorithm, parameters, context, feedback, roads)
        network = nw.build_network(inputs.geoms, inputs.speeds, inputs.directions,
                                   node_tolerance=algorithm.parameterAsDouble(parameters, "NODE_TOLERANCE", context))
        if network.n_edges == 0:
            raise InputError(m.ROADS_WITHOUT_LENGTH, layer=roads.name)
        network.reverse_matrix()  # built once, kept with the network
        return network, roads.crs

    (network, crs), kept = io.network_for(key, build)
    message = (translate("IncidentSurroundings", "Road network kept from an earlier run of this session: {0:,} nodes, "
                         "{1:,} edges.") if kept else
               translate("IncidentSurroundings", "Road network built: {0:,} nodes, {1:,} edges (kept for the next "
                         "run of this session)."))
    feedback.pushInfo(message.format(network.n_nodes, network.n_edges))
    return network, crs


def shelters_spare(algorithm, parameters, context, frames, population_field, warnings):
    """``core.incident.Counted`` of the shelters with their spare capacity, or None without SHELTERS."""
    from ..core.incident import Counted, spare_capacity

    shelters, population = frames["SHELTERS"], frames["POPULATION"]
    if shelters is None:
        return None
    capacity = algorithm.field_parameter(parameters, "CAPACITY_FIELD", context, shelters)
    spare = spare_capacity(shelters.gdf, population.gdf if population is not None else None,
                           population_field=population_field or "residents", capacity_field=capacity,
                           layer_names={"shelters": shelters.name,
                                        "population": population.name if population is not None else "population"},
                           warnings=warnings)
    return Counted(shelters.gdf.geometry.values, spare)


def write_outputs(algorithm, parameters, context, feedback, table, nearest, incidents, rings, crs, about):
    """OUTPUT_RINGS, OUTPUT_RESPONDERS and (when asked for) OUTPUT_BRIEF; returns {output: destination}."""
    import geopandas as gpd

    from ..core.fire_reach.regions import as_multipolygons
    from ..core.incident import ring_geometries
    from ..layers.outputs import INCIDENT_RESPONDER_FIELDS, INCIDENT_RING_FIELDS

    record = algorithm.provenance(parameters, rings_m=list(rings))
    ring_frame = gpd.GeoDataFrame(table, geometry=as_multipolygons(ring_geometries(incidents, rings)))
    responder_frame = gpd.GeoDataFrame(nearest, geometry="geometry")
    outputs = {}
    for name, frame, specs, wkb_type in (
            ("OUTPUT_RINGS", ring_frame, INCIDENT_RING_FIELDS, compat.WKB_MULTIPOLYGON),
            ("OUTPUT_RESPONDERS", responder_frame, INCIDENT_RESPONDER_FIELDS, compat.WKB_POINT)):
        outputs[name] = algorithm.write_sink(parameters, name, context, frame, specs, wkb_type, crs,
                                             provenance=record)
        algorithm.check_cancelled(feedback)
    for row in table.itertuples():
        feedback.pushInfo(translate("IncidentSurroundings", "{0} within {1:g} m: {2:,.0f} residents, {3:,.0f} key "
                                    "targets ({4:,.0f} people), {5:,.0f} enterprises, {6:,.0f} hazard units, "
                                    "shelters' spare capacity {7:,.0f}.").format(row.incident_id, row.ring_m, *(
                                        0 if v != v else v for v in (row.residents, row.key_targets,
                                                                     row.key_target_occupancy, row.enterprises,
                                                                     row.hazard_units, row.shelter_spare_capacity))))
    path = algorithm.parameterAsFileOutput(parameters, "OUTPUT_BRIEF", context)
    if path:
        from ..atlas.incident_brief import write_brief

        algorithm.advance(feedback, 85)
        try:
            write_brief(algorithm.output_file(path), ring_frame, responder_frame, incidents, crs,
                        algorithm.language(parameters, context), about, context)
        except IOError as error:
            raise QgsProcessingException(str(error)) from error
        outputs["OUTPUT_BRIEF"] = path
    feedback.setProgress(100)
    return outputs
