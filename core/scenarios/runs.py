"""One run of the full assessment as the comparison reads it: its result layers and, per township, the figures
its own atlas prints.

Per township (the shelter analysis's units: the full assessment runs it on the townships):

* residents covered by fire stations within the time limit — the reach analysis's own residents (REACH_AREAS:
  each station's area reached first, REACH_GAPS: the land reached by none) placed in the townships by the
  four-colour map's residents under each polygon (``core.atlas_figures.reach``): the township sheet's figure,
  and the townships add up to the reach analysis's county total;
* fixed-shelter m² per resident — the shelter analysis's own ``m2_per_capita`` of the township.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

import numpy as np
import pandas as pd

from .. import messages as m
from ..atlas_figures.compute import atlas_figures
from ..errors import InputError
from ..values import id_strings, parse_bools, parse_numbers

if TYPE_CHECKING:
    import geopandas as gpd

# the result layers a run is read from (layers.schemas.RESULT_LAYERS names them)
TOWNSHIPS, RISK_MAP, REACH_AREAS, REACH_GAPS, REACH_TARGETS = (
    "shelter_units", "risk_map", "reach_areas", "reach_gaps", "reach_targets")
RESCUE_TARGETS, DEPOT_TARGETS, ENTERPRISES = "rescue_targets", "depot_targets", "enterprise_risk"
TOWN_COLUMNS = ("key", "name", "residents", "covered", "not_covered", "shelter_area_m2", "shelter_residents",
                "m2_per_capita")


@dataclass
class Run:
    """A full assessment's results: ``layers`` {result layer name: GeoDataFrame in one projected CRS (metres)};
    ``label`` how the run is called (its RUN_LABEL, else its file name); ``town_key`` the townships' id field."""

    label: str
    layers: dict
    town_key: Optional[str] = None
    time_limit: Optional[float] = None  # the fire-station time limit (min), when the run recorded it
    warnings: list = field(default_factory=list)

    def layer(self, name: str) -> Optional[gpd.GeoDataFrame]:
        return self.layers.get(name)


def town_keys(run: Run) -> np.ndarray:
    """The townships' ids as text (their fids when there is no id field)."""
    towns = run.layers[TOWNSHIPS]
    if run.town_key and run.town_key in towns.columns:
        return id_strings(towns[run.town_key])
    return towns.index.astype(str).to_numpy(dtype=object)


def township_figures(run: Run) -> gpd.GeoDataFrame:
    """One row per township (``TOWN_COLUMNS``, geometry: the township), as the run's atlas prints them."""
    import geopandas as gpd

    towns = run.layers[TOWNSHIPS]
    keys = town_keys(run)
    names = towns["name"].to_numpy(dtype=object) if "name" in towns.columns else keys
    figures = atlas_figures(run.layers[RISK_MAP], towns, names, keys=keys, reach_areas=run.layer(REACH_AREAS),
                            reach_gaps=run.layer(REACH_GAPS), shelter_units=towns,
                            layer_names={"townships": TOWNSHIPS, "shelter_units": TOWNSHIPS})
    run.warnings.extend(figures.warnings)
    rows = [{"key": f.key, "name": f.name, "residents": f.residents, "covered": f.covered_residents,
             "not_covered": f.not_covered_residents, "shelter_area_m2": f.shelter_area_m2,
             "shelter_residents": f.shelter_residents, "m2_per_capita": f.m2_per_capita} for f in figures.townships]
    frame = pd.DataFrame(rows, columns=list(TOWN_COLUMNS))
    return gpd.GeoDataFrame(frame, geometry=towns.geometry.to_numpy(), crs=towns.crs)


def targets(run: Run, layer: str, kind_of: dict | None = None) -> Optional[pd.DataFrame]:
    """The targets of a result layer (REACH_TARGETS, RESCUE_TARGETS, DEPOT_TARGETS) as rows ``kind``, ``id``,
    ``name``, ``arrival_min`` (NaN: not reached), ``covered``, ``geometry``; None when the run lacks the layer.
    REACH_TARGETS' kinds follow its ``target_layer`` (``kind_of``); the others are one kind (``kind_of[None]``).
    A ``covered`` that is not true/false, a duplicate id: InputErrors naming the layer, features and field."""
    frame = run.layer(layer)
    if frame is None:
        return None
    for column in ("target_id", "covered"):
        if column not in frame.columns:
            raise InputError(m.FIELD_NOT_FOUND, layer=layer, field=column,
                             available=", ".join(str(c) for c in frame.columns if c != "geometry"))
    ids = id_strings(frame["target_id"])
    ids = np.array([f"fid {fid}" if i is None else i for i, fid in zip(ids, frame.index)], dtype=object)
    covered = parse_bools(frame["covered"])
    bad = covered.invalid | covered.blank
    if bad.any():
        raise InputError(m.COVERED_NOT_YES_NO, layer=layer, feature_ids=frame.index[bad], field="covered",
                         keys=ids[bad])
    source = (frame["target_layer"].astype(str).to_numpy(dtype=object) if "target_layer" in frame.columns
              else np.full(len(frame), "", dtype=object))
    kinds = kind_of or {}
    kind = np.array([kinds.get(s, kinds.get(None, "target")) for s in source], dtype=object)
    doubled = pd.Series(list(zip(kind, ids))).duplicated(keep=False).to_numpy()
    if doubled.any():
        raise InputError(m.DUPLICATE_KEY, layer=layer, feature_ids=frame.index[doubled], field="target_id",
                         keys=ids[doubled], fields="target_id", value=ids[doubled][0])
    arrival = (parse_numbers(frame["arrival_min"]).values if "arrival_min" in frame.columns
               else np.full(len(frame), np.nan))
    names = _names(run, frame, ids)
    return pd.DataFrame({"kind": kind, "id": ids, "name": names, "arrival_min": arrival,
                         "covered": covered.values, "geometry": frame.geometry.to_numpy()})


def _names(run: Run, frame: pd.DataFrame, ids: np.ndarray) -> np.ndarray:
    """A target's name: its own ``name``, else the enterprise's (ENTERPRISES' ``ent_id`` → ``name``), else ''."""
    if "name" in frame.columns:
        return np.array(["" if v is None or v != v else str(v) for v in frame["name"]], dtype=object)
    enterprises = run.layer(ENTERPRISES)
    lookup: dict = {}
    if enterprises is not None and {"ent_id", "name"} <= set(enterprises.columns):
        lookup = dict(zip(id_strings(enterprises["ent_id"]), enterprises["name"]))
    return np.array([str(lookup.get(i) or "") for i in ids], dtype=object)
