"""Fire-station siting's inputs read from the layers (stations, residents, targets with their risk
level, candidates, the siting rules' places) and the call of ``core.siting.plan.plan_sites``."""
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..core.values import parse_numbers
from . import reach_inputs

CANDIDATE_ID_FIELDS = ("site_id", "id", "name")
HAZARD_KINDS = ("hazard_sources", "hazard_units")  # target layers whose features the setback rules keep clear of


@dataclass
class SitingInputs:
    network: Any  # reach_inputs.RoadInputs
    road_ids: Any
    road_classes: Any
    station_xy: np.ndarray
    station_turnout: np.ndarray
    study: Any
    population: Any
    residents: Any
    targets: Any  # core.siting.plan.SitingTargets
    hazards: Any  # geometries, or None (no hazard layer among the targets: the hazard rules are skipped)
    candidates: Any
    candidate_ids: Any
    crowded: Any
    wind: float | None


def read(alg, parameters, context, feedback, roads, network, frames):
    """The inputs of a run (``frames``: the LayerFrames read, by parameter name)."""
    import shapely

    from ..core.siting.plan import SitingTargets

    def field(name, frame, required=False):
        return alg.field_parameter(parameters, name, context, frame, required)

    stations = frames["STATIONS"]
    turnout_field = field("TURNOUT_FIELD", stations)
    alg.check_fields(stations, {"station_id": field("STATION_ID_FIELD", stations), "turnout_min": turnout_field},
                     feedback)
    station = reach_inputs.station_inputs(stations, field("STATION_ID_FIELD", stations), None, turnout_field, None)
    located = ~(shapely.is_missing(station.geoms) | shapely.is_empty(station.geoms))
    station_xy = np.full((len(station.geoms), 2), np.nan)
    if located.any():
        station_xy[located] = shapely.get_coordinates(shapely.centroid(station.geoms[located]))
    population, residents = None, None
    population_frame, population_field = frames["POPULATION"]
    if population_frame is not None:
        population, residents = reach_inputs.residents(population_frame, population_field)
    layers = alg.parameterAsLayerList(parameters, "TARGETS", context) or []
    target_frames = []
    target_list, notices = reach_inputs.read_targets(layers, roads.crs, context.transformContext(),
                                                     alg.TARGETS_GEOMETRY, frames=target_frames)
    alg.push_warnings(feedback, notices)
    targets, hazards = _targets(target_list, target_frames, SitingTargets)
    cand = frames["CANDIDATES"]
    given = cand is not None and len(cand.gdf)
    wind = parameters.get("PREVAILING_WIND_FROM")
    wind = alg.parameterAsDouble(parameters, "PREVAILING_WIND_FROM", context) if alg.given(
        parameters, "PREVAILING_WIND_FROM") and wind is not None else None
    crowded = frames["CROWDED_PLACES"]
    class_field = network.fields.get("class")
    return SitingInputs(
        network, roads.gdf[roads.key].reindex(network.fids).to_numpy(dtype=object) if roads.key else network.fids,
        roads.gdf[class_field].reindex(network.fids).to_numpy(dtype=object)
        if class_field in roads.gdf.columns else None,
        station_xy[located], np.asarray(station.turnout, dtype=float)[located],
        reach_inputs.study_geometry(frames["STUDY_AREA"]), population, residents, targets, hazards,
        cand.gdf.geometry.values if given else None,
        _candidate_ids(cand) if given else None,
        crowded.gdf.geometry.values if crowded is not None else None, wind)


def _candidate_ids(frame):
    """The candidates' ids: the first of CANDIDATE_ID_FIELDS the layer has, else their feature ids."""
    from .outputs import first_present

    key = first_present(frame.gdf.columns, CANDIDATE_ID_FIELDS)
    return frame.gdf[key].to_numpy(dtype=object) if key else frame.gdf.index.to_numpy()


def _targets(target_list, target_frames, make):
    """(SitingTargets, hazard geometries or None) of the target layers read."""
    from .kinds import recognise

    geoms, ids, names, levels, hazards = [], [], [], [], []
    any_hazard = False
    for (name, layer_geoms, layer_ids), frame in zip(target_list, target_frames):
        keep = np.asarray([g is not None for g in layer_geoms], dtype=bool)
        geoms.append(np.asarray(layer_geoms, dtype=object)[keep])
        ids.append(np.asarray(layer_ids, dtype=object)[keep])
        names.append(np.full(int(keep.sum()), name, dtype=object))
        if "risk_level" in frame.gdf.columns:
            values = np.nan_to_num(parse_numbers(frame.gdf["risk_level"]).values, nan=0).astype(np.int64)
        else:
            values = np.zeros(len(frame.gdf), dtype=np.int64)
        levels.append(values[keep])
        if recognise(name, list(frame.gdf.columns))[0] in HAZARD_KINDS:
            any_hazard = True
            hazards.append(geoms[-1])
    joined = make(*(np.concatenate(v) if v else np.zeros(0, dtype=object) for v in (geoms, ids, names)),
                  np.concatenate(levels) if levels else np.zeros(0, dtype=np.int64))
    return joined, (np.concatenate(hazards) if any_hazard else None)


def plan(inputs, options, objective, new_sites, tier_text, weight_preset, spacing, crs, progress):
    """``core.siting.plan.plan_sites`` on the inputs."""
    from ..core.siting.plan import plan_sites, tier_limits

    return plan_sites(
        inputs.network.geoms, inputs.network.speeds, inputs.network.directions, inputs.station_xy,
        inputs.station_turnout, candidates=inputs.candidates, candidate_ids=inputs.candidate_ids,
        road_ids=inputs.road_ids, road_classes=inputs.road_classes, spacing_m=spacing, hazard_units=inputs.hazards,
        crowded_places=inputs.crowded, wind_from_deg=inputs.wind, study_area=inputs.study,
        population=inputs.population, residents=inputs.residents, targets=inputs.targets, objective=objective,
        new_sites=new_sites, limits_by_level=tier_limits(tier_text, options.time_limit),
        weight_preset=weight_preset, options=options, progress=progress)  # (no pyproj CRS on frames)
