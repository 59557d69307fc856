"""The distance rings around incidents and what lies in them (the rules: the package docstring)."""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from .. import messages as m
from ..errors import InputError

RING_QUAD_SEGMENTS = 32  # segments per quarter circle of a drawn ring (area within 0.04 % of the disc's)
RING_COLUMNS = ("incident_id", "ring_m", "residents", "key_targets", "key_target_occupancy", "enterprises",
                "hazard_units", "shelter_spare_capacity")


@dataclass
class Counted:
    """A layer counted in the rings: its geometries, for sums one value per feature (NaN counts 0), and keys
    when several features are one thing (a hazard unit's substance rows): then each key counts once."""

    geoms: npt.ArrayLike
    values: npt.ArrayLike | None = None
    keys: npt.ArrayLike | None = None


def parse_rings(text: Any) -> tuple[float, ...]:
    """Ring distances (m) from '500,1000,3000' (commas, semicolons or spaces), ascending, each once."""
    pieces = [p for p in str(text or "").replace(";", ",").replace(" ", ",").split(",") if p.strip()]
    try:
        rings = sorted({float(p) for p in pieces})
    except ValueError:
        raise InputError(m.RINGS, value=text) from None
    if not rings or any(not math.isfinite(r) or r <= 0 for r in rings):
        raise InputError(m.RINGS, value=text)
    return tuple(rings)


def ring_geometries(incidents: npt.ArrayLike, rings: Sequence[float]) -> np.ndarray:
    """The ring polygons, incident by incident, ring by ring (incident i, ring k at i × len(rings) + k)."""
    import shapely

    geoms = np.repeat(np.asarray(incidents, dtype=object), len(rings))
    return shapely.buffer(geoms, np.tile(np.asarray(rings, dtype=np.float64), len(np.asarray(incidents))),
                          quad_segs=RING_QUAD_SEGMENTS)


def _within(incidents: np.ndarray, distances: np.ndarray, layer: Counted) -> tuple[np.ndarray, np.ndarray]:
    """(query, feature) pairs: features within each query's distance of its incident (inclusive), the
    incident's own feature (an identical geometry) left out. Query q is incident q // rings, ring q % rings."""
    import shapely

    geoms = np.asarray(layer.geoms, dtype=object)
    located = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    if not located.any() or len(incidents) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    kept = np.flatnonzero(located)
    tree = shapely.STRtree(geoms[kept])
    query, feature = tree.query(incidents, predicate="dwithin", distance=distances)
    feature = kept[feature]
    itself = shapely.equals(incidents[query], geoms[feature])
    return query[~itself], feature[~itself]


def ring_table(incidents: npt.ArrayLike, incident_ids: Sequence[Any], rings: Sequence[float],
               population: tuple[npt.ArrayLike, npt.ArrayLike] | None = None,
               key_targets: Counted | None = None, enterprises: Counted | None = None,
               hazard_units: Counted | None = None, shelters: Counted | None = None) -> pd.DataFrame:
    """One row per incident × ring (RING_COLUMNS); a layer not given leaves its columns empty (NaN).
    ``population``: (polygons, residents); ``key_targets`` with occupancy, ``shelters`` with spare capacity."""
    from ..apportion import apportion

    incident_geoms = np.asarray(incidents, dtype=object)
    n_rings = len(rings)
    queries = np.repeat(incident_geoms, n_rings)
    distances = np.tile(np.asarray(rings, dtype=np.float64), len(incident_geoms))
    n = len(queries)
    table: dict[str, Any] = {
        "incident_id": np.repeat(np.array([str(i) for i in incident_ids], dtype=object), n_rings),
        "ring_m": distances}
    if population is not None:
        polygons, residents = population
        table["residents"] = apportion(np.nan_to_num(np.asarray(residents, dtype=np.float64), nan=0.0),
                                       np.asarray(polygons, dtype=object), ring_geometries(incident_geoms, rings))
    else:
        table["residents"] = np.full(n, np.nan)
    for name, layer in (("key_targets", key_targets), ("enterprises", enterprises), ("hazard_units", hazard_units)):
        if layer is None:
            table[name] = np.full(n, np.nan)
            continue
        query, feature = _within(queries, distances, layer)
        if layer.keys is not None and len(query):
            _codes, key = np.unique(np.asarray(layer.keys, dtype=str), return_inverse=True)
            query = np.unique(np.stack([query, key[feature]], axis=1), axis=0)[:, 0]
        table[name] = np.bincount(query, minlength=n).astype(np.float64)
    for name, layer in (("key_target_occupancy", key_targets), ("shelter_spare_capacity", shelters)):
        if layer is None or layer.values is None:
            table[name] = np.full(n, np.nan)
            continue
        query, feature = _within(queries, distances, layer)
        values = np.nan_to_num(np.asarray(layer.values, dtype=np.float64), nan=0.0)
        table[name] = np.bincount(query, weights=values[feature], minlength=n)
    return pd.DataFrame({column: table[column] for column in RING_COLUMNS})
