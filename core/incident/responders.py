"""The nearest responders of each kind to each incident, with their arrival on the road network (the rules:
the package docstring)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from .. import messages as m
from .. import network as nw
from ..errors import Notice, Warnings

SEARCH_BOUND_MIN = 20.0  # the first search back from an incident stops here (minutes of driving; see below)
RESPONDER_COLUMNS = ("incident_id", "kind", "rank", "responder_id", "name", "arrival_min", "distance_m")


@dataclass
class Responders:
    """One kind of responder: ``kind`` (fire_stations, rescue_teams, supply_depots), points, ids, names (or
    None), turnout minutes (NaN: the default), the layer's name and feature ids (for messages)."""

    kind: str
    geoms: npt.ArrayLike
    ids: Sequence[Any]
    turnout: npt.ArrayLike
    names: Sequence[Any] | None = None
    layer: str = ""
    fids: npt.ArrayLike | None = None


@dataclass
class ResponderOptions:
    """The reach analysis's rules (``core.fire_reach.ReachOptions`` names and defaults)."""

    access_distance: float
    snap_tolerance: float
    default_turnout: float


def _points_xy(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(x, y of each point — the first part of a multipoint —, located)."""
    import shapely

    located = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    xy = np.full((len(geoms), 2), np.nan)
    if located.any():
        given = geoms[located]
        points = np.where(shapely.get_type_id(given) == 0, given, shapely.get_geometry(given, 0))
        xy[located] = shapely.get_coordinates(points)
    return xy, located


def _location(network: nw.RoadNetwork, group: Responders, options: ResponderOptions,
              warnings: Warnings) -> nw.Location:
    """The group's points on the network (within SNAP_TOLERANCE, as the reach analysis places its stations)."""
    geoms = np.asarray(group.geoms, dtype=object)
    xy, located = _points_xy(geoms)
    location = nw.locate(network, np.nan_to_num(xy, nan=1e300), max_distance=options.snap_tolerance)
    location.snapped &= located
    far = located & ~location.snapped
    if far.any():
        ids = np.asarray([str(i) for i in group.ids], dtype=object)
        fids = np.asarray(group.fids) if group.fids is not None else np.arange(len(geoms))
        listed = ", ".join(f"{ids[i]} {location.distance[i]:.0f} m" for i in np.flatnonzero(far)[:20])
        warnings.append(Notice(m.RESPONDERS_OFF_ROADS, layer=group.layer, feature_ids=fids[far], keys=ids[far],
                               tolerance=options.snap_tolerance, distances=listed))
    return location


def _turnout(group: Responders, options: ResponderOptions) -> np.ndarray:
    turnout = np.asarray(group.turnout, dtype=np.float64)
    return np.where(np.isfinite(turnout), turnout, options.default_turnout)


def network_arrivals(network: nw.RoadNetwork, incidents: np.ndarray, groups: Sequence[Responders], n_nearest: int,
                     options: ResponderOptions, warnings: Warnings) -> list[np.ndarray]:
    """Per group, (incidents × responders) arrival in minutes (inf: cannot reach). One search back from every
    incident, bounded at SEARCH_BOUND_MIN of driving; incidents where a group then has fewer than
    ``n_nearest`` arrivals (of those that could have one) are searched again without a bound."""
    locations = [_location(network, group, options, warnings) for group in groups]
    turnouts = [_turnout(group, options) for group in groups]
    times = nw.times_to_places(network, incidents, options.access_distance, limit=SEARCH_BOUND_MIN)
    # a driving time within the bound is exact (the best way's nodes all lie within it); beyond, it is not
    arrivals = []
    for loc, turnout in zip(locations, turnouts):
        arrival = nw.arrivals_from(network, times, loc, turnout)
        arrivals.append(np.where(arrival - turnout[None, :] <= SEARCH_BOUND_MIN, arrival, np.inf))
    short = np.zeros(len(incidents), dtype=bool)
    for arrival, loc in zip(arrivals, locations):
        short |= np.isfinite(arrival).sum(axis=1) < min(n_nearest, int(loc.snapped.sum()))
    if short.any():
        again = nw.times_to_places(network, incidents[short], options.access_distance)
        for arrival, loc, turnout in zip(arrivals, locations, turnouts):
            arrival[short] = nw.arrivals_from(network, again, loc, turnout)
    return arrivals


def nearest_responders(network: nw.RoadNetwork | None, incidents: npt.ArrayLike, incident_ids: Sequence[Any],
                       groups: Sequence[Responders], n_nearest: int, options: ResponderOptions,
                       warnings: Warnings | None = None, incident_layer: str | None = None,
                       incident_fids: npt.ArrayLike | None = None) -> pd.DataFrame:
    """The ``n_nearest`` responders of each group per incident (RESPONDER_COLUMNS plus ``geometry``, the
    responder's location): by arrival (minutes, turnout included) on ``network``, ties by straight-line
    distance; without a network by straight-line distance (arrival NaN). Responders that cannot reach an
    incident are not listed for it."""
    import shapely

    warnings = [] if warnings is None else warnings
    incident_geoms = np.asarray(incidents, dtype=object)
    if network is not None and len(incident_geoms):
        near_road = np.zeros(len(incident_geoms), dtype=bool)
        near_road[nw.within_distance(network, incident_geoms, options.access_distance)[0]] = True
        if not near_road.all():
            fids = np.asarray(incident_fids) if incident_fids is not None else np.arange(len(incident_geoms))
            warnings.append(Notice(m.INCIDENT_OFF_ROADS, layer=incident_layer, feature_ids=fids[~near_road],
                                   keys=[str(i) for i in np.asarray(incident_ids, dtype=object)[~near_road]],
                                   distance=options.access_distance))
    groups = [group for group in groups if len(np.asarray(group.geoms, dtype=object))]
    arrivals = (network_arrivals(network, incident_geoms, groups, n_nearest, options, warnings)
                if network is not None else
                [np.full((len(incident_geoms), len(np.asarray(g.geoms, dtype=object))), np.nan) for g in groups])
    rows = []
    for group, arrival in zip(groups, arrivals):
        geoms = np.asarray(group.geoms, dtype=object)
        distance = shapely.distance(incident_geoms[:, None], geoms[None, :])
        usable = np.isfinite(arrival) if network is not None else np.isfinite(distance)
        first_key = np.where(usable, arrival if network is not None else distance, np.inf)
        order = np.lexsort((np.where(np.isfinite(distance), distance, np.inf), first_key), axis=1)[:, :n_nearest]
        names = np.asarray(group.names, dtype=object) if group.names is not None else np.full(len(geoms), None)
        for i, picked in enumerate(order):
            picked = picked[usable[i, picked]]
            rows.append(pd.DataFrame({
                "incident_id": str(incident_ids[i]), "kind": group.kind, "rank": np.arange(1, len(picked) + 1),
                "responder_id": [str(group.ids[j]) for j in picked], "name": names[picked],
                "arrival_min": arrival[i, picked], "distance_m": distance[i, picked], "geometry": geoms[picked]}))
    if not rows:
        return pd.DataFrame({column: [] for column in (*RESPONDER_COLUMNS, "geometry")})
    return pd.concat(rows, ignore_index=True)
