"""Fire-station coverage per township: who is reached in time, who is not.

With the reach analysis's own residents (REACH_AREAS and REACH_GAPS both with ``residents``) the
atlas prints the analysis's figures: each reach area's and each gap's residents are placed in the
townships in proportion to the four-colour map's residents under it (residents of the map pieces
inside the polygon; by area where the map holds nobody there). So the townships add up exactly to
the analysis's totals, which the fire-station report and the headline figures print.

Without them the residents come from the four-colour map: residents of the map pieces inside the
union of the reach areas (or outside the gaps), apportioned by area; "not covered" is then the
township's residents minus those.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

import numpy as np
import shapely

from .. import messages as m
from ..errors import Notice
from . import overlay

if TYPE_CHECKING:
    import geopandas as gpd

    from .compute import Pieces


@dataclass
class Coverage:
    covered: np.ndarray  # residents reached in time, per township
    not_covered: Optional[np.ndarray]  # residents not reached, per township (None: residents − covered)
    source: str  # 'reach_residents', 'reach_areas' or 'reach_gaps'


def _has_residents(frame: gpd.GeoDataFrame | None) -> bool:
    return frame is not None and "residents" in frame.columns


def distribute(polygons: np.ndarray, values: np.ndarray, pieces: Pieces, n_towns: int) -> tuple[np.ndarray, float]:
    """(per township: ``values`` of the polygons placed by the map residents under them, the part of the
    values no township received — polygons overlapping no map piece)."""
    polygons = overlay.valid(polygons)
    present = np.flatnonzero(~shapely.is_missing(polygons) & (values != 0))
    out = np.zeros(n_towns)
    if len(present) == 0:
        return out, 0.0
    local, piece_idx = shapely.STRtree(pieces.geoms).query(polygons[present], predicate="intersects")
    poly_idx = present[local]
    overlap = overlay.overlap_area(pieces.geoms[piece_idx], polygons, poly_idx)
    keep = overlap > 0
    poly_idx, piece_idx, overlap = poly_idx[keep], piece_idx[keep], overlap[keep]
    unit = pieces.unit_idx[piece_idx]
    with np.errstate(invalid="ignore", divide="ignore"):
        density = np.where(pieces.unit_area[unit] > 0, pieces.residents[unit] / pieces.unit_area[unit], 0.0)
    weight = density * overlap
    n_poly = len(polygons)
    weight_sum = np.bincount(poly_idx, weights=weight, minlength=n_poly)
    area_sum = np.bincount(poly_idx, weights=overlap, minlength=n_poly)
    by_residents = weight_sum[poly_idx] > 0
    share = np.where(by_residents, weight / np.where(weight_sum[poly_idx] > 0, weight_sum[poly_idx], 1.0),
                     overlap / np.where(area_sum[poly_idx] > 0, area_sum[poly_idx], 1.0))
    out = np.bincount(pieces.town_idx[piece_idx], weights=values[poly_idx] * share, minlength=n_towns)
    placed = np.zeros(n_poly, dtype=bool)
    placed[poly_idx] = True
    lost = float(values[present][~placed[present]].sum())
    return out, lost


def coverage(pieces: Pieces, n_towns: int, reach_areas: gpd.GeoDataFrame | None,
             reach_gaps: gpd.GeoDataFrame | None, label: dict, totals: dict, warnings: list) -> Optional[Coverage]:
    """Residents reached in time (and not) per township; None without a reach layer."""
    if reach_areas is None and reach_gaps is None:
        return None
    if reach_areas is not None and reach_gaps is not None and _has_residents(reach_areas) \
            and _has_residents(reach_gaps):
        area_res = overlay.numbers(reach_areas, "residents", label["reach_areas"], minimum=0).fillna(0.0).to_numpy()
        gap_res = overlay.numbers(reach_gaps, "residents", label["reach_gaps"], minimum=0).fillna(0.0).to_numpy()
        covered, lost_covered = distribute(reach_areas.geometry.to_numpy(), area_res, pieces, n_towns)
        not_covered, lost_gaps = distribute(reach_gaps.geometry.to_numpy(), gap_res, pieces, n_towns)
        totals.update(coverage_source="reach_residents", reach_residents=float(area_res.sum()),
                      reach_gap_residents=float(gap_res.sum()))
        if lost_covered + lost_gaps > 0:
            warnings.append(Notice(m.REACH_RESIDENTS_OUTSIDE_TOWNSHIPS, layers=f"{label['reach_areas']} / "
                                   f"{label['reach_gaps']}", residents=lost_covered + lost_gaps))
        return Coverage(covered, not_covered, "reach_residents")
    if reach_areas is not None:
        area = overlay.covered_area(pieces.geoms, reach=overlay.polygonal_union(reach_areas.geometry.to_numpy()))
        source = "reach_areas"
    elif reach_gaps is not None:
        area = overlay.covered_area(pieces.geoms, gaps=overlay.polygonal_union(reach_gaps.geometry.to_numpy()))
        source = "reach_gaps"
    totals["coverage_source"] = source
    if _has_residents(reach_gaps):
        gaps = overlay.numbers(reach_gaps, "residents", label["reach_gaps"], minimum=0)
        totals["reach_gap_residents"] = float(gaps.fillna(0).sum())
    covered = pieces.residents[pieces.unit_idx] * pieces.unit_fraction(area)
    return Coverage(np.bincount(pieces.town_idx, weights=covered, minlength=n_towns), None, source)
