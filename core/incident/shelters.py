"""Shelters' spare capacity for the incident surroundings: capacity − the residents the shelter-per-capita
analysis assigns to each (``core.shelter_capacity``, METHOD 1 — the 2SFCA served residents — with its
defaults), never below 0."""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import geopandas as gpd

    from ..errors import Warnings


def spare_capacity(shelters: gpd.GeoDataFrame, population: gpd.GeoDataFrame | None, *, population_field: str,
                   capacity_field: str | None, type_field: str = "type", area_field: str | None = "area_m2",
                   layer_names: dict[str, str] | None = None, warnings: Warnings | None = None) -> np.ndarray:
    """Spare capacity (people) per shelter, in the order of ``shelters``: capacity (``capacity_field``; where
    empty, the effective area ÷ the per-capita target) − the served residents; shelters of types the analysis
    does not count have none assigned (their capacity; 0 without one). Without population: the capacity."""
    import geopandas as gpd

    from ..shelter_capacity import METHOD_CATCHMENT, analyse_shelters
    from ..values import parse_numbers

    pop = population if population is not None else gpd.GeoDataFrame(
        {population_field: np.zeros(0)}, geometry=gpd.GeoSeries([], crs=shelters.crs))
    analysis = analyse_shelters(shelters, pop, method=METHOD_CATCHMENT, area_field=area_field, type_field=type_field,
                                population_field=population_field, capacity_field=capacity_field,
                                layer_names=layer_names)
    if warnings is not None:
        warnings.extend(analysis.warnings)
    counted = analysis.shelters
    given = (parse_numbers(shelters[capacity_field]).values if capacity_field
             else np.full(len(shelters), np.nan))  # (bad values: analyse_shelters has stopped already)
    spare = np.nan_to_num(given, nan=0.0)  # uncounted types: their capacity, none assigned
    if len(counted):
        at = shelters.index.get_indexer(counted.index)
        capacity = np.where(np.isfinite(given[at]), given[at], counted["eff_area_m2"].to_numpy() / analysis.target)
        spare[at] = np.maximum(capacity - counted["served_residents"].to_numpy(dtype=np.float64), 0.0)
    return spare
