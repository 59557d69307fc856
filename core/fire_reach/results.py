"""The reach analysis's options, its station table and its result."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from ..errors import Warnings
from ..standards.fire_stations import ACCESS_DISTANCE_M, SNAP_TOLERANCE_M, TIME_RULE_MIN, TURNOUT_CONVENTION_MIN

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd


@dataclass
class ReachOptions:
    """Settings of ``fire_station_reach``: minutes, metres."""

    time_limit: float = TIME_RULE_MIN  # an arrival at exactly the limit is in time
    access_distance: float = ACCESS_DISTANCE_M  # land this near a reached road point is reached (inclusive)
    snap_tolerance: float = SNAP_TOLERANCE_M  # stations farther from every road are left out
    default_turnout: float = TURNOUT_CONVENTION_MIN  # for stations without a turnout time
    node_tolerance: float = 0.0  # vertices closer than this are one network node
    cell_m: float | None = None  # grid resolution of the land rule (default ACCESS_DISTANCE / 8)
    max_cells: int = 6_000_000
    smooth: bool = True
    parallel: bool = True  # computed districts in a second thread when there is a second processor
    # districts computed when none are given: None = when some station has a class limit (a class
    # or the suburban flag), which is what the district fields are compared with
    compute_districts: bool | None = None
    band_min: float | None = None  # the reached roads also as time bands this wide (minutes); None: not


@dataclass
class Stations:
    """The stations as given, one entry each (``fire_station_reach``'s inputs, checked)."""

    geoms: np.ndarray  # shapely points (None or empty: no location)
    ids: np.ndarray  # str
    names: np.ndarray  # object (None where unknown)
    classes: np.ndarray  # object: class codes or aliases as given
    suburban: np.ndarray  # bool
    turnout: np.ndarray  # minutes (defaults filled in)
    located: np.ndarray  # bool: has a location

    def __len__(self) -> int:
        return len(self.ids)


@dataclass
class ReachResult:
    """The reach analysis's outputs (GeoDataFrames in the analysis CRS)."""

    edges: gpd.GeoDataFrame  # road_fid, station_id, arrival_min, entry_min, length_m
    areas: gpd.GeoDataFrame  # one row per station
    gaps: gpd.GeoDataFrame  # one row per gap polygon
    targets: gpd.GeoDataFrame | None  # points, or None without targets
    summary: pd.DataFrame  # one row per station + "ALL"
    info: list[str] = field(default_factory=list)
    warnings: Warnings = field(default_factory=list)
    stats: dict[str, float] = field(default_factory=dict)
    edge_bands: gpd.GeoDataFrame | None = None  # station_id, band_from_min, band_to_min, length_m (band_min)
