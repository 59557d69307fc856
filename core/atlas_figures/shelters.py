"""Fixed-shelter figures per township and for the county, from the per-township shelter result.

A township takes the shelter results whose largest overlap it is. With one result its
``m2_per_capita`` is printed as given; with several (and for the county) Σ shelter_area_m2 ÷
Σ residents. Either is judged against the atlas's target (lower bound included, as
``core.shelter_capacity`` does), and a township's deficit is ``administrative_ratio``'s:
max(0, target × residents − area) when it falls short. The county has two deficits (both printed,
``core.headline.FOOTNOTES``): the county-wide one, where one township's surplus offsets another's
shortfall, and the sum of the townships' deficits. Overloaded shelters (SHELTER_LOAD) are counted
in the township holding them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

import numpy as np
import shapely

from .. import messages as m
from ..errors import Notice
from ..shelter_capacity import MEETS_TOLERANCE
from ..shelter_capacity.administrative import administrative_ratio
from ..values import parse_bools
from . import overlay

if TYPE_CHECKING:
    import geopandas as gpd

    from .figures import AreaFigures


@dataclass
class Shelters:
    """Per township: Σ shelter area and Σ residents of its shelter results, how many, the per-capita
    value given when there is exactly one, the township's deficit and its overloaded shelters."""

    area: np.ndarray
    residents: np.ndarray
    count: np.ndarray
    given_per_capita: np.ndarray  # NaN unless exactly one result with a value
    deficit: np.ndarray  # against the atlas's target
    overloaded: Optional[np.ndarray]  # None without SHELTER_LOAD


def by_township(shelter_units: gpd.GeoDataFrame | None, shelter_load: gpd.GeoDataFrame | None,
                town_geoms: np.ndarray, target: float, label: dict, warnings: list, totals: dict) -> Shelters | None:
    if shelter_units is None:
        return None
    layer = label["shelter_units"]
    area_m2 = overlay.numbers(shelter_units, "shelter_area_m2", layer, minimum=0).fillna(0.0).to_numpy()
    residents = overlay.numbers(shelter_units, "residents", layer, minimum=0).fillna(0.0).to_numpy()
    per_capita = overlay.optional_numbers(shelter_units, "m2_per_capita", layer)
    geoms = overlay.valid(shelter_units.geometry.to_numpy())
    has_geom = np.flatnonzero(~shapely.is_missing(geoms))
    local_idx, town_idx = shapely.STRtree(town_geoms).query(geoms[has_geom], predicate="intersects")
    unit_idx = has_geom[local_idx]
    overlaps = shapely.area(shapely.intersection(geoms[unit_idx], town_geoms[town_idx]))
    # points (or lines) have no overlap area: fall back to "the township holding it"
    town_of = overlay.largest_overlap(unit_idx, town_idx, np.where(overlaps <= 0, 1e-9, overlaps), len(geoms))
    if (town_of < 0).any():
        warnings.append(Notice(m.SHELTER_RESULTS_OUTSIDE_TOWNSHIPS, layer=layer,
                               feature_ids=shelter_units.index[town_of < 0]))
    n_towns, used = len(town_geoms), town_of >= 0
    count = np.bincount(town_of[used], minlength=n_towns)
    given = np.full(n_towns, np.nan)
    if per_capita is not None:
        given[town_of[used]] = per_capita.to_numpy()[used]  # kept only where the township has one result
        given[count != 1] = np.nan
    totals["shelter_area_m2"] = float(area_m2.sum())
    totals["shelter_residents"] = float(residents.sum())
    town_area = np.bincount(town_of[used], weights=area_m2[used], minlength=n_towns)
    town_residents = np.bincount(town_of[used], weights=residents[used], minlength=n_towns)
    _ratio, _meets, deficit = administrative_ratio(town_residents, town_area, target)
    return Shelters(town_area, town_residents, count, given, np.where(count > 0, deficit, 0.0),
                    _overloaded(shelter_load, town_geoms, label, warnings, totals))


def _overloaded(shelter_load: gpd.GeoDataFrame | None, town_geoms: np.ndarray, label: dict, warnings: list,
                totals: dict) -> Optional[np.ndarray]:
    if shelter_load is None or "overloaded" not in shelter_load.columns:
        return None
    flagged = parse_bools(shelter_load["overloaded"]).values
    points = overlay.representative_points(overlay.valid(shelter_load.geometry.to_numpy()))
    town_of = overlay.township_of_points(points, town_geoms)
    totals["shelters_overloaded"] = int(flagged.sum())
    outside = flagged & (town_of < 0)
    if outside.any():
        warnings.append(Notice(m.OVERLOADED_OUTSIDE_TOWNSHIPS, layer=label["shelter_load"],
                               feature_ids=shelter_load.index[outside]))
    inside = flagged & (town_of >= 0)
    return np.bincount(town_of[inside], minlength=len(town_geoms))


def judge(figures: AreaFigures, shelters: Shelters, rows: slice, target: float) -> None:
    """Fill the shelter figures of ``figures`` from the township rows ``rows`` (a slice)."""
    if shelters.overloaded is not None:
        figures.shelters_overloaded = int(shelters.overloaded[rows].sum())
    if not int(shelters.count[rows].sum()):
        return
    figures.shelter_area_m2 = float(shelters.area[rows].sum())
    figures.shelter_residents = float(shelters.residents[rows].sum())
    given = shelters.given_per_capita[rows]
    if given.size == 1 and not np.isnan(given).all():
        figures.m2_per_capita = float(given[0])
    elif figures.shelter_residents > 0:
        figures.m2_per_capita = figures.shelter_area_m2 / figures.shelter_residents
    figures.total_deficit_m2 = float(shelters.deficit[rows].sum())
    if figures.m2_per_capita is None:
        return
    figures.meets_target = bool(figures.m2_per_capita >= target * (1 - MEETS_TOLERANCE))
    figures.deficit_m2 = 0.0 if figures.meets_target else max(
        0.0, target * figures.shelter_residents - figures.shelter_area_m2)
