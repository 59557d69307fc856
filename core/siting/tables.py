"""The siting's output tables: chosen sites (ranked, with marginal gains), demand still out of
reach (with its arrival limit), and the before/after summary."""
import re
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd

    from .plan import SitingTargets
    from .reach_coverage import SitingDemand
    from .solve import SitingResult


class RowState(NamedTuple):
    """Per demand row (cells, then targets): covered before, after, and by some candidate."""

    before: np.ndarray
    after: np.ndarray
    coverable: np.ndarray


def sites_frame(candidates: "gpd.GeoDataFrame", result: "SitingResult", demand: "SitingDemand",
                rows: RowState) -> "gpd.GeoDataFrame":
    """One row per chosen site in rank order: ``rank``, ``site_id``, ``road_id``, ``added_residents``,
    ``added_targets``, ``added_weight`` (marginal gains in rank order, summing to the total) and
    ``residents_pct_after`` (share of the study area's residents covered once this site and those
    ranked before it are built)."""
    import geopandas as gpd

    chosen = candidates.iloc[result.chosen]
    res = result.added.get("residents", np.zeros(len(result.chosen)))
    before = float(demand.cell_residents[rows.before[:len(demand.cells)]].sum())
    total = demand.residents_total
    cumulative = before + np.cumsum(res)
    return gpd.GeoDataFrame({
        "rank": np.arange(1, len(result.chosen) + 1, dtype=np.int64),
        "site_id": chosen["site_id"].astype(str).to_numpy(),
        "road_id": chosen["road_id"].to_numpy(dtype=object),
        "added_residents": np.round(res, 1),
        "added_targets": np.round(result.added.get("targets", np.zeros(len(result.chosen)))).astype(np.int64),
        "added_weight": np.round(result.added_weight, 1),
        "residents_pct_after": np.round(100.0 * cumulative / total, 2) if total > 0 else np.full(len(res), np.nan),
    }, geometry=chosen.geometry.values, crs=candidates.crs)


def uncovered_frame(demand: "SitingDemand", rows: RowState, targets: "SitingTargets", crs: Any) -> "gpd.GeoDataFrame":
    """Demand still out of reach after the chosen sites: residents as the connected regions of
    their uncovered grid cells, targets as their own outline (points as squares of one cell), each
    with ``arrival_limit_min`` and ``coverable`` (False: no candidate reaches it in time)."""
    import geopandas as gpd
    import shapely
    from scipy import ndimage

    grid = demand.grid
    n_cells = len(demand.cells)
    uncovered, coverable = ~rows.after, rows.coverable
    out: dict[str, list[Any]] = {k: [] for k in ("kind", "layer", "demand_id", "risk_level", "residents",
                                                  "arrival_limit_min", "coverable", "geometry")}
    for can in (True, False):
        pick = uncovered[:n_cells] & (coverable[:n_cells] == can)
        mask = np.zeros(grid.shape[0] * grid.shape[1], dtype=bool)
        mask[demand.cells[pick]] = True
        labels, n = ndimage.label(mask.reshape(grid.shape))
        if n == 0:
            continue
        people = np.bincount(labels.ravel()[demand.cells[pick]], weights=demand.cell_residents[pick],
                             minlength=n + 1)
        faces, face_label = grid.polygons(np.where(labels > 0, labels, -1))
        keep = face_label > 0
        merged = gpd.GeoSeries(faces[keep]).groupby(face_label[keep]).agg(lambda g: shapely.union_all(g.values))
        for lab, geom in merged.items():
            out["kind"].append("residents")
            out["layer"].append(None)
            out["demand_id"].append(f"{'R' if can else 'U'}{int(lab)}")
            out["risk_level"].append(None)
            out["residents"].append(round(float(people[lab]), 1))
            out["arrival_limit_min"].append(demand.resident_limit)
            out["coverable"].append(can)
            out["geometry"].append(geom)
    for k in np.flatnonzero(uncovered[n_cells:]):
        geom = demand.target_geoms[k]
        if shapely.get_dimensions(geom) == 0:
            geom = shapely.buffer(geom, grid.cell / 2, cap_style="square")
        out["kind"].append("target")
        out["layer"].append(str(targets.layers[k]))
        out["demand_id"].append(str(targets.ids[k]))
        out["risk_level"].append(int(targets.levels[k]) if targets.levels[k] in (1, 2, 3, 4) else None)
        out["residents"].append(None)
        out["arrival_limit_min"].append(float(demand.target_limits[k]))
        out["coverable"].append(bool(coverable[n_cells + k]))
        out["geometry"].append(geom)
    return gpd.GeoDataFrame(out, geometry="geometry", crs=crs)


TARGETS_OF_LEVEL = "targets of risk level {level} covered"  # one summary row per risk level given
MEASURE_LABELS = {  # the before/after measures as the summary table's label column and the siting page name them
    "fire stations": ("消防站（座）", "Fire stations"),
    "residents covered": ("可达人口（人）", "Residents reached"),
    "residents covered share": ("可达人口比例", "Share of residents reached"),
    "weighted demand covered": ("加权需求", "Weighted demand"),
    "targets covered": ("可达目标（个）", "Targets reached"),
    TARGETS_OF_LEVEL: ("风险等级 {level} 的可达目标（个）", "Targets of risk level {level} reached"),
    "residents no candidate reaches": ("无候选站可达人口（人）", "Residents no candidate reaches"),
}


def measure_label(measure: str, language: str) -> str:
    """A summary measure in ``language`` ('zh' or 'en'); the measure itself when it has no label."""
    per_level = re.fullmatch(TARGETS_OF_LEVEL.format(level=r"(\d+)"), measure)
    key, level = (TARGETS_OF_LEVEL, per_level.group(1)) if per_level else (measure, "")
    labels = MEASURE_LABELS.get(key)
    return labels[0 if language == "zh" else 1].format(level=level) if labels else measure


def summary_frame(demand: "SitingDemand", rows: RowState, result: "SitingResult", targets: "SitingTargets",
                  level: np.ndarray, n_existing: int) -> "pd.DataFrame":
    """Before/after rows: ``measure``, ``before``, ``after``, ``change``, ``unit``."""
    import pandas as pd

    n_cells = len(demand.cells)
    before, after = rows.before, rows.after
    res_before = float(demand.cell_residents[before[:n_cells]].sum())
    res_after = float(demand.cell_residents[after[:n_cells]].sum())
    total = demand.residents_total
    table = [("fire stations", n_existing, n_existing + len(result.chosen), "stations"),
            ("residents covered", round(res_before), round(res_after), "residents"),
            ("residents covered share", _pct(res_before, total), _pct(res_after, total), "%"),
            ("weighted demand covered", round(result.weight_before, 1), round(result.weight_after, 1), "weight")]
    t_before, t_after = before[n_cells:], after[n_cells:]
    if len(t_before):
        table.append(("targets covered", int(t_before.sum()), int(t_after.sum()), "targets"))
        for lv in (1, 2, 3, 4):
            at = level == lv
            if at.any():
                table.append((TARGETS_OF_LEVEL.format(level=lv), int(t_before[at].sum()), int(t_after[at].sum()),
                              "targets"))
    unreachable = ~rows.before[:n_cells] & ~rows.coverable[:n_cells]
    table.append(("residents no candidate reaches", None, round(float(demand.cell_residents[unreachable].sum())),
                  "residents"))
    frame = pd.DataFrame(table, columns=["measure", "before", "after", "unit"])
    frame["change"] = [None if b is None else a - b for b, a in zip(frame["before"], frame["after"])]
    return frame[["measure", "before", "after", "change", "unit"]]


def _pct(part: float, total: float) -> float | None:
    return round(100.0 * part / total, 2) if total > 0 else None
