"""What changed between two runs of the full assessment (BEFORE, AFTER): per township and per feature.

Townships are matched by their id (``Run.town_key``), targets by kind and id. A feature's coverage *changed*
when:

* a target (an enterprise or hazard unit the fire stations serve, a key target of the rescue teams or of the
  supply depots) is covered in time in one run and not in the other (``covered``: arrival ≤ the run's time
  limit, as each analysis judged it); its ``before``/``after`` are the arrival minutes (empty: not reached at
  all). A target in only one run is listed as ``added`` / ``removed``;
* a township's residents covered by fire stations in time differ by at least ``RESIDENTS_TOLERANCE``
  (``township``: residents), or its fixed-shelter m² per resident by at least ``M2PC_TOLERANCE``
  (``shelter_township``) — smaller differences are rounding, not change.

Changes are points (one layer holds every kind): a target at its own location (a polygon at a point on its
surface), a township at a point on its surface — AFTER's geometry, BEFORE's for what AFTER lacks.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Optional

import numpy as np
import pandas as pd
import shapely

from ..values import id_strings
from .runs import DEPOT_TARGETS, REACH_AREAS, REACH_TARGETS, RESCUE_TARGETS, Run, targets, township_figures

if TYPE_CHECKING:
    import geopandas as gpd

RESIDENTS_TOLERANCE = 0.5  # residents: a smaller difference is rounding
M2PC_TOLERANCE = 0.005  # m² per resident: half the printed 0.01
# REACH_TARGETS' target_layer -> kind; every other layer's targets are "target"
REACH_KINDS = {"enterprise_risk": "enterprise", "enterprises": "enterprise", "hazard_units": "hazard_unit",
               None: "target"}
TARGET_LAYERS = ((REACH_TARGETS, REACH_KINDS), (RESCUE_TARGETS, {None: "key_target"}),
                 (DEPOT_TARGETS, {None: "key_target_supply"}))
KINDS = ("township", "shelter_township", "enterprise", "hazard_unit", "target", "key_target", "key_target_supply")
UNITS = {"township": "residents", "shelter_township": "m2_per_resident"}  # targets: "min"
STATUSES = ("gained", "lost", "better", "worse", "added", "removed")
CHANGE_COLUMNS = ("kind", "id", "name", "before", "after", "change", "unit", "status")
TOWNSHIP_COLUMNS = ("town_id", "name", "residents", "covered_before", "covered_after", "covered_change",
                    "covered_pct_before", "covered_pct_after", "m2pc_before", "m2pc_after", "m2pc_change",
                    "shelter_area_m2_before", "shelter_area_m2_after", "targets_gained", "targets_lost")


@dataclass
class Comparison:
    before_label: str
    after_label: str
    townships: gpd.GeoDataFrame  # TOWNSHIP_COLUMNS, the townships' polygons
    changes: gpd.GeoDataFrame  # CHANGE_COLUMNS, points
    totals: dict = field(default_factory=dict)  # county figures of both runs, counts of changes by kind
    compared: tuple = ()  # the target layers both runs hold (compared)
    skipped: tuple = ()  # target layers only one run holds (not compared)
    warnings: list = field(default_factory=list)
    new_stations: Optional[gpd.GeoDataFrame] = None  # AFTER's reach areas of stations BEFORE lacks (station_id, name)


def _pct(covered: np.ndarray, not_covered: np.ndarray) -> np.ndarray:
    total = covered + not_covered
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, 100.0 * covered / np.where(total > 0, total, 1.0), np.nan)


def _differs(before: np.ndarray, after: np.ndarray, tolerance: float) -> np.ndarray:
    """True where the values differ by ≥ ``tolerance``, or one is known and the other not."""
    known_b, known_a = np.isfinite(before), np.isfinite(after)
    with np.errstate(invalid="ignore"):
        return np.where(known_b & known_a, np.abs(after - before) >= tolerance, known_b != known_a)


def _points(geoms: np.ndarray) -> np.ndarray:
    geoms = np.asarray(geoms, dtype=object)
    present = ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)
    out = np.full(len(geoms), None, dtype=object)
    if present.any():
        valid = shapely.make_valid(geoms[present])
        out[present] = np.where(shapely.get_type_id(valid) == 0, valid, shapely.point_on_surface(valid))
    return out


def compare_townships(before: Run, after: Run) -> pd.DataFrame:
    """Per township (AFTER's order, then BEFORE's own): TOWNSHIP_COLUMNS but the target counts, and geometry."""
    b, a = township_figures(before), township_figures(after)
    joined = a.merge(b.drop(columns="geometry"), on="key", how="outer", suffixes=("_a", "_b"), sort=False)
    order = {k: i for i, k in enumerate(list(a["key"]) + [k for k in b["key"] if k not in set(a["key"])])}
    joined = joined.sort_values("key", key=lambda s: s.map(order), kind="mergesort").reset_index(drop=True)
    geometry = joined["geometry"].to_numpy(dtype=object)
    missing = pd.isna(joined["geometry"]).to_numpy()
    if missing.any():
        by_key = dict(zip(b["key"], b.geometry.to_numpy()))
        geometry[missing] = [by_key.get(k) for k in joined["key"][missing]]

    def col(name: str, side: str) -> np.ndarray:
        return pd.to_numeric(joined[f"{name}_{side}"], errors="coerce").to_numpy(dtype=float)

    covered_b, covered_a = col("covered", "b"), col("covered", "a")
    m2_b, m2_a = col("m2_per_capita", "b"), col("m2_per_capita", "a")
    names = joined["name_a"].where(joined["name_a"].notna(), joined["name_b"])
    residents = np.where(np.isfinite(col("residents", "a")), col("covered", "a") + col("not_covered", "a"),
                         col("covered", "b") + col("not_covered", "b"))
    return pd.DataFrame({
        "town_id": joined["key"].to_numpy(dtype=object), "name": names.to_numpy(dtype=object),
        "residents": residents, "covered_before": covered_b, "covered_after": covered_a,
        "covered_change": covered_a - covered_b,
        "covered_pct_before": _pct(covered_b, col("not_covered", "b")),
        "covered_pct_after": _pct(covered_a, col("not_covered", "a")),
        "m2pc_before": m2_b, "m2pc_after": m2_a, "m2pc_change": m2_a - m2_b,
        "shelter_area_m2_before": col("shelter_area_m2", "b"), "shelter_area_m2_after": col("shelter_area_m2", "a"),
        "geometry": geometry})


def compare_targets(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """Targets whose coverage changed (CHANGE_COLUMNS and geometry): covered in one run and not in the other,
    or in one run only."""
    joined = after.merge(before, on=["kind", "id"], how="outer", suffixes=("_a", "_b"), indicator=True, sort=False)
    both = (joined["_merge"] == "both").to_numpy()
    only_a, only_b = (joined["_merge"] == "left_only").to_numpy(), (joined["_merge"] == "right_only").to_numpy()
    covered_a = joined["covered_a"].eq(True).to_numpy(dtype=bool)
    covered_b = joined["covered_b"].eq(True).to_numpy(dtype=bool)
    keep = (both & (covered_a != covered_b)) | only_a | only_b
    rows = joined[keep]
    status = np.select([only_a[keep], only_b[keep], covered_a[keep]], ["added", "removed", "gained"], "lost")
    arrival_b = pd.to_numeric(rows["arrival_min_b"], errors="coerce").to_numpy(dtype=float)
    arrival_a = pd.to_numeric(rows["arrival_min_a"], errors="coerce").to_numpy(dtype=float)
    geometry = np.where(only_b[keep], rows["geometry_b"].to_numpy(dtype=object),
                        rows["geometry_a"].to_numpy(dtype=object))
    named = rows["name_a"].notna() & rows["name_a"].astype(str).str.strip().ne("")
    names = rows["name_a"].where(named, rows["name_b"]).fillna("")
    return pd.DataFrame({"kind": rows["kind"].to_numpy(dtype=object), "id": rows["id"].to_numpy(dtype=object),
                         "name": names.to_numpy(dtype=object), "before": arrival_b, "after": arrival_a,
                         "change": arrival_a - arrival_b, "unit": "min", "status": status,
                         "geometry": _points(geometry)})


def _township_changes(towns: pd.DataFrame) -> list[pd.DataFrame]:
    found = []
    for kind, before, after, tolerance in (("township", "covered_before", "covered_after", RESIDENTS_TOLERANCE),
                                           ("shelter_township", "m2pc_before", "m2pc_after", M2PC_TOLERANCE)):
        b, a = towns[before].to_numpy(dtype=float), towns[after].to_numpy(dtype=float)
        changed = _differs(b, a, tolerance)
        if not changed.any():
            continue
        rows = towns[changed]
        change = a[changed] - b[changed]
        status = np.where(~np.isfinite(b[changed]), "added",
                          np.where(~np.isfinite(a[changed]), "removed", np.where(change > 0, "better", "worse")))
        found.append(pd.DataFrame({"kind": kind, "id": rows["town_id"].to_numpy(dtype=object),
                                   "name": rows["name"].fillna("").to_numpy(dtype=object), "before": b[changed],
                                   "after": a[changed], "change": change, "unit": UNITS[kind], "status": status,
                                   "geometry": _points(rows["geometry"].to_numpy(dtype=object))}))
    return found


def _count_by_township(changes: pd.DataFrame, towns: pd.DataFrame, status: str) -> np.ndarray:
    """Targets of ``status`` in each township (by the township holding the target's point)."""
    picked = changes[changes["unit"].eq("min") & changes["status"].eq(status)]
    counts = np.zeros(len(towns), dtype=np.int64)
    points = picked["geometry"].to_numpy(dtype=object)
    points = points[~shapely.is_missing(points)]
    polygons = shapely.make_valid(towns["geometry"].to_numpy(dtype=object))
    if len(points) and len(towns):
        point_idx, town_idx = shapely.STRtree(polygons).query(points, predicate="intersects")
        first = np.unique(point_idx, return_index=True)[1]  # a point on a shared border: the first township
        np.add.at(counts, town_idx[first], 1)
    return counts


def new_stations(before: Run, after: Run) -> gpd.GeoDataFrame:
    """AFTER's reach areas (station_id, name, geometry) of the stations BEFORE does not have (by station_id)."""
    import geopandas as gpd

    areas, old = after.layer(REACH_AREAS), before.layer(REACH_AREAS)
    if areas is None or "station_id" not in areas.columns:
        return gpd.GeoDataFrame({"station_id": [], "name": []}, geometry=[])
    ids = id_strings(areas["station_id"])
    known = set(id_strings(old["station_id"])) if old is not None and "station_id" in old.columns else set()
    new = np.array([i is not None and i not in known for i in ids], dtype=bool)
    names = areas["name"].to_numpy(dtype=object)[new] if "name" in areas.columns else ids[new]
    return gpd.GeoDataFrame({"station_id": ids[new], "name": names}, geometry=areas.geometry.to_numpy()[new])


def compare_runs(before: Run, after: Run, progress: Optional[Callable[[float], None]] = None) -> Comparison:
    """The comparison of two runs (see the module docstring)."""
    import geopandas as gpd

    report = progress or (lambda done: None)
    towns = compare_townships(before, after)
    report(0.6)
    target_changes, compared, skipped = [], [], []
    for layer, kind_of in TARGET_LAYERS:
        frames = targets(before, layer, kind_of), targets(after, layer, kind_of)
        if frames[0] is None and frames[1] is None:
            continue
        if frames[0] is None or frames[1] is None:
            skipped.append(layer)
            continue
        compared.append(layer)
        target_changes.append(compare_targets(*frames))
    report(0.8)
    parts = _township_changes(towns) + target_changes
    changes = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
        {c: pd.Series(dtype=float if c in ("before", "after", "change") else object) for c in CHANGE_COLUMNS}
        | {"geometry": pd.Series(dtype=object)})
    if len(changes):
        changes["kind_order"] = changes["kind"].map({k: i for i, k in enumerate(KINDS)})
        changes = changes.sort_values(["kind_order", "status", "id"], kind="mergesort").drop(columns="kind_order")
    changes = changes.reset_index(drop=True)
    towns["targets_gained"] = _count_by_township(changes, towns, "gained")
    towns["targets_lost"] = _count_by_township(changes, towns, "lost")
    totals = {"covered_before": float(np.nansum(towns["covered_before"])),
              "covered_after": float(np.nansum(towns["covered_after"])),
              "changes": int(len(changes)),
              **{f"{kind}_{status}": int(((changes["kind"] == kind) & (changes["status"] == status)).sum())
                 for kind in KINDS for status in STATUSES}}
    report(1.0)
    return Comparison(before.label, after.label,
                      gpd.GeoDataFrame(towns[list(TOWNSHIP_COLUMNS)], geometry=towns["geometry"].to_numpy()),
                      gpd.GeoDataFrame(changes[list(CHANGE_COLUMNS)], geometry=changes["geometry"].to_numpy()),
                      totals, tuple(compared), tuple(skipped), before.warnings + after.warnings,
                      new_stations(before, after))
