"""The reach analysis's tables: areas per station (with its district and class limit), gaps,
and the summary (one row per station and "ALL")."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from collections.abc import Sequence

from .. import messages as m
from ..errors import Notice, Warnings
from ..ledger.codes import read_codes
from ..standards.fire_stations import STATION_CLASSES, class_limit_km2
from .regions import as_multipolygons, fill_empty
from .results import Stations

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd


def station_areas_frame(stations: Stations, snapped: np.ndarray, snap_distance: np.ndarray, area_geoms: np.ndarray,
                        district_geoms: np.ndarray, district_source: str, residents: np.ndarray | None,
                        district_residents: np.ndarray | None, warnings: Warnings) -> gpd.GeoDataFrame:
    """One row per station: the area it reaches first in time (km², residents), its district
    (km², the share reached in time, residents) and its class limit (建标152-2017: the district
    exceeds it when its area is larger). Stations of unknown class are listed in ``warnings``."""
    import geopandas as gpd
    import shapely

    n_st = len(stations)
    reach_km2 = shapely.area(fill_empty(area_geoms)) / 1e6
    district_km2 = shapely.area(fill_empty(district_geoms)) / 1e6
    in_time_km2 = shapely.area(shapely.intersection(fill_empty(area_geoms), fill_empty(district_geoms))) / 1e6
    codes, limit_f = class_limits(stations.classes, stations.suburban)
    unknown_class = [stations.ids[i] for i in range(n_st) if np.isnan(limit_f[i])]
    if unknown_class and any(c is not None for c in stations.classes):
        warnings.append(Notice(m.STATIONS_UNKNOWN_CLASS, stations=", ".join(unknown_class[:20]),
                               classes=", ".join(STATION_CLASSES)))
    has_district = np.array([g is not None and not shapely.is_empty(g) for g in district_geoms], dtype=bool)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(district_km2 > 0, 100.0 * in_time_km2 / district_km2, np.nan)
    exceeds = np.where(np.isfinite(limit_f) & has_district, district_km2 > limit_f, None)
    return gpd.GeoDataFrame({
        "station_id": stations.ids, "name": stations.names,
        "class": np.array([c if c is not None else v for c, v in zip(codes, stations.classes)], dtype=object),
        "turnout_min": stations.turnout, "on_network": snapped,
        "snap_dist_m": np.where(np.isfinite(snap_distance), snap_distance, np.nan),
        "reach_km2": reach_km2,
        "residents": residents if residents is not None else np.full(n_st, np.nan),
        "district_km2": np.where(has_district, district_km2, np.nan),
        "district_source": np.array([district_source if h else None for h in has_district], dtype=object),
        "class_limit_km2": limit_f, "exceeds_limit": exceeds,
        "district_in_time_pct": np.where(has_district, share, np.nan),
        "district_residents": district_residents if district_residents is not None else np.full(n_st, np.nan),
    }, geometry=as_multipolygons(area_geoms))


def class_limits(classes: Sequence[Any], suburban: Sequence[bool] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(class codes, district limits in km²) per station: classes as written (一级站, 特勤消防站,
    class1 …) read through the code table; a station flagged suburban, or whose class cell says so
    (郊区站, suburban), has the suburban limit. NaN limit (and None code) for an unknown class."""
    values = np.asarray(classes, dtype=object)
    codes = read_codes("fire_stations", "class", values).codes
    flagged = read_codes("fire_stations", "suburban", values).codes == True  # noqa: E712 (None stays False)
    if suburban is not None:
        flagged |= np.asarray(suburban, dtype=bool)
    limits = np.array([class_limit_km2(code, bool(flag)) for code, flag in zip(codes, flagged)], dtype=object)
    return codes, np.array([np.nan if v is None else v for v in limits], dtype=np.float64)


def gaps_frame(gap_geoms: np.ndarray, residents: np.ndarray | None) -> gpd.GeoDataFrame:
    """One row per gap polygon (land of the study area no station reaches in time), the most
    residents first (then the largest), numbered 1.. in that order."""
    import geopandas as gpd
    import shapely

    gaps = gpd.GeoDataFrame({"gap_id": np.arange(1, len(gap_geoms) + 1), "area_km2": shapely.area(gap_geoms) / 1e6,
                             "residents": residents if residents is not None else np.full(len(gap_geoms), np.nan)},
                            geometry=as_multipolygons(gap_geoms))
    if len(gaps):
        gaps = gaps.sort_values(["residents", "area_km2"], ascending=False, na_position="last")
        gaps["gap_id"] = np.arange(1, len(gaps) + 1)
        gaps = gaps.reset_index(drop=True)
    return gaps


def summary_frame(areas: gpd.GeoDataFrame, targets: gpd.GeoDataFrame | None, stats: dict[str, float]) -> pd.DataFrame:
    """One row per station and an "ALL" row: areas, residents in time (and their share of the
    district's), class limits, and per target layer the targets covered and in total."""
    import pandas as pd

    rows = [_station_row(a) for a in areas.drop(columns="geometry").to_dict("records")]
    rows.append(_overall_row(areas, stats))
    if targets is None or not len(targets):
        return pd.DataFrame(rows)
    return _with_target_counts(rows, targets)


def _with_target_counts(rows: list[dict[str, Any]], targets: gpd.GeoDataFrame) -> pd.DataFrame:
    """The summary rows (the stations', then "ALL") with ``<layer>_covered`` and
    ``<layer>_total`` per target layer."""
    import pandas as pd

    layers = sorted(targets["target_layer"].unique())
    for layer in layers:
        in_layer = targets["target_layer"] == layer
        for row in rows[:-1]:
            row[f"{layer}_covered"] = int(targets.loc[in_layer & (targets["station_id"] == row["station_id"]),
                                                      "covered"].sum())
        rows[-1][f"{layer}_covered"] = int(targets.loc[in_layer, "covered"].sum())
    summary = pd.DataFrame(rows)
    for layer in layers:
        summary[f"{layer}_total"] = [int(((targets["target_layer"] == layer)
                                          & (targets["station_id"] == sid)).sum()) if sid != "ALL"
                                     else int((targets["target_layer"] == layer).sum())
                                     for sid in summary["station_id"]]
    return summary


def _station_row(a: dict[str, Any]) -> dict[str, Any]:
    """The summary row of one station (a row of the areas table)."""
    return {"station_id": a["station_id"], "name": a["name"], "class": a["class"],
            "turnout_min": a["turnout_min"], "on_network": bool(a["on_network"]),
            "reach_km2": a["reach_km2"], "residents_in_time": a["residents"],
            "district_km2": a["district_km2"], "class_limit_km2": a["class_limit_km2"],
            "exceeds_limit": a["exceeds_limit"], "district_in_time_pct": a["district_in_time_pct"],
            "district_residents": a["district_residents"],
            "residents_in_time_pct": (100.0 * a["residents"] / a["district_residents"]
                                      if a["district_residents"] and np.isfinite(a["district_residents"])
                                      else np.nan)}


def _overall_row(areas: gpd.GeoDataFrame, stats: dict[str, float]) -> dict[str, Any]:
    """The "ALL" row: sums over the stations; shares of the study area and of its residents (those reached
    in time plus those in the gaps)."""
    total_res = stats.get("residents_total", np.nan)
    covered_res = areas["residents"].sum(min_count=1)
    return {"station_id": "ALL", "name": None, "class": None, "turnout_min": np.nan,
            "on_network": bool(areas["on_network"].all()),
            "reach_km2": areas["reach_km2"].sum(), "residents_in_time": covered_res,
            "district_km2": areas["district_km2"].sum(min_count=1), "class_limit_km2": np.nan,
            "exceeds_limit": bool((areas["exceeds_limit"] == True).any()),  # noqa: E712
            "district_in_time_pct": (100.0 * areas["reach_km2"].sum() / stats["study_km2"]
                                     if stats["study_km2"] else np.nan),
            "district_residents": total_res,
            "residents_in_time_pct": (100.0 * covered_res / total_res) if total_res and np.isfinite(total_res)
            else np.nan}
