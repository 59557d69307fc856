"""``analyse_shelters``: the whole analysis (the methods: the package docstring)."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import shapely

from .. import messages as m
from ..errors import QT_TRANSLATE_NOOP, InputError, Notice, Warnings
from ..standards.shelters import DEFAULT_STANDARDS, ShelterStandards
from .administrative import administrative_ratio, apportion_to_units, units_of_points
from .fca import MEETS_TOLERANCE, FcaResult, coverage_figures, fca_from_pairs, two_step_fca
from .inputs import (PopulationInput, ShelterInput, check_geometries, combine_shelters, prepare_population,
                     prepare_shelters)
from .load import shelter_load_frame

if TYPE_CHECKING:
    import geopandas as gpd

METHOD_ADMINISTRATIVE, METHOD_CATCHMENT, METHOD_NETWORK = 0, 1, 2
METHOD_NAMES = {0: QT_TRANSLATE_NOOP("ShelterPerCapita", "administrative"),  # (the log says them in the UI language)
                1: QT_TRANSLATE_NOOP("ShelterPerCapita", "catchment (2SFCA, straight line)"),
                2: QT_TRANSLATE_NOOP("ShelterPerCapita", "network catchment (2SFCA, walking)")}

# network_pairs(demand_xy, supply_xy, radius) -> (demand_index, supply_index, distance)
NetworkPairs = Callable[[np.ndarray, np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray, np.ndarray]]


@dataclass
class ShelterAnalysis:
    """The analysis's figures: per population feature, per counted shelter, per unit."""

    method: int
    target: float  # m² per person
    population: pd.DataFrame  # per population feature (index = fid)
    shelters: pd.DataFrame  # per counted shelter (index = fid, or 0..n-1 for several layers)
    units: pd.DataFrame | None  # per unit (index = fid), None without units
    summary: dict[str, Any]  # county figures (see ``_summary``)
    warnings: Warnings
    standards: ShelterStandards


def analyse_shelters(shelters: gpd.GeoDataFrame | Sequence[gpd.GeoDataFrame], population: gpd.GeoDataFrame, *,
                     method: int = METHOD_CATCHMENT, units: gpd.GeoDataFrame | None = None,
                     area_field: str | None = "area_m2", type_field: str = "type", types: Sequence[str] | None = None,
                     population_field: str = "residents", urban_only: bool = True, urban_field: str = "urban",
                     radius: float | None = None, target: float | None = None, capacity_field: str | None = None,
                     standards: ShelterStandards = DEFAULT_STANDARDS, network_pairs: NetworkPairs | None = None,
                     layer_names: dict[str, Any] | None = None,
                     progress: Callable[[float], Any] | None = None) -> ShelterAnalysis:
    """Shelter area per capita by ``method`` (0, 1 or 2; package docstring).

    ``shelters``, ``population``, ``units``: GeoDataFrames in one projected metric CRS (index =
    feature id); ``shelters`` may be a list of GeoDataFrames (e.g. polygons and points, same
    fields): the shelters output is then indexed 0..n-1 with ``source_layer``/``source_fid``.
    ``target``: m² per person (default: the standards' target); ``radius``: metres (default: per
    shelter type). ``network_pairs(demand_xy, supply_xy, radius) -> (demand_index, supply_index,
    distance)`` gives the pairs within walking reach (METHOD 2). ``progress(fraction)`` is called
    between steps and may raise to cancel. Raises InputError on bad input.
    """
    names = {"shelters": "shelters", "population": "population", "units": "units", **(layer_names or {})}
    goal = standards.target_m2_per_capita if target is None else float(target)
    if not np.isfinite(goal) or goal <= 0:
        raise InputError(m.OPTION_POSITIVE, option="TARGET", unit=" m²", value=goal)
    if method not in METHOD_NAMES:
        raise InputError(m.OPTION_CHOICE, option="METHOD", choices="0, 1, 2", value=method)
    if method == METHOD_ADMINISTRATIVE and units is None:
        raise InputError(m.NEEDS_LAYER, what="METHOD 0 (administrative)", parameter="UNITS")
    report = progress or (lambda fraction: None)

    shel = _prepared_shelters(shelters, names["shelters"], area_field=area_field, type_field=type_field,
                              types=types, radius=radius, capacity_field=capacity_field, standards=standards)
    pop = prepare_population(population, layer=names["population"], population_field=population_field,
                             urban_only=urban_only, urban_field=urban_field)
    warnings = shel.warnings + pop.warnings
    if len(shel.table) == 0:
        warnings.append(Notice(m.NO_COUNTED_SHELTER))
    report(0.1)

    # catchment (straight line for methods 0 and 1, network for 2): per shelter served residents
    fca = _catchment(method, pop, shel, network_pairs)
    report(0.6)
    meets, deficit, no_shelter = coverage_figures(pop.residents, fca.m2_per_capita, fca.shelters_in_reach, goal)
    population_out = pd.DataFrame({
        "counted_residents": pop.residents,
        "shelters_in_reach": fca.shelters_in_reach,
        "no_shelter": no_shelter,
        "m2_per_capita": fca.m2_per_capita,
        "meets_target": pd.array(np.where(pop.residents > 0, meets, None), dtype="boolean"),
        "deficit_m2": deficit,
    }, index=pop.index)
    shelters_out = shelter_load_frame(shel.table, fca, goal, standards)
    report(0.7)

    summary = _summary(method, goal, pop, shel, fca, shelters_out, meets, deficit, no_shelter)
    units_out = None
    if units is not None:
        units_out, unit_summary = _unit_figures(units, names["units"], pop, shel, population_out, goal, warnings)
        summary.update(unit_summary)
    _add_meeting_share(summary, method, units_out)
    report(1.0)
    return ShelterAnalysis(method, goal, population_out, shelters_out, units_out, summary, warnings, standards)


def _prepared_shelters(shelters: gpd.GeoDataFrame | Sequence[gpd.GeoDataFrame], name: str | Sequence[str],
                       **options: Any) -> ShelterInput:
    """The shelter layer(s) prepared (``prepare_shelters``); several layers as one, their
    names numbered when one name is given for them all."""
    several = isinstance(shelters, (list, tuple))
    frames = list(shelters) if several else [shelters]
    names = [name] if isinstance(name, str) and not several else (
        [f"{name} {k + 1}" for k in range(len(frames))] if isinstance(name, str) else list(name))
    prepared = [prepare_shelters(gdf, layer=layer, **options) for gdf, layer in zip(frames, names)]
    return prepared[0] if not several else combine_shelters(prepared, names)


def _catchment(method: int, pop: PopulationInput, shel: ShelterInput,
               network_pairs: NetworkPairs | None) -> FcaResult:
    """2SFCA figures: walking pairs for METHOD 2, straight-line reach (``two_step_fca``) otherwise."""
    xy = shel.table[["x", "y"]].to_numpy()
    radius = shel.table["radius_m"].to_numpy()
    area = shel.table["eff_area_m2"].to_numpy()
    if method == METHOD_NETWORK:
        if network_pairs is None:
            raise InputError(m.NEEDS_LAYER, what="METHOD 2 (network)", parameter="ROADS")
        di, si, _d = network_pairs(pop.xy, xy, radius)
        return fca_from_pairs(di, si, pop.residents, area)
    return two_step_fca(pop.xy, pop.residents, xy, area, radius)


def _summary(method: int, target: float, pop: PopulationInput, shel: ShelterInput, fca: FcaResult,
             shelters_out: pd.DataFrame, meets: np.ndarray, deficit: np.ndarray,
             no_shelter: np.ndarray) -> dict[str, Any]:
    """The county figures; the catchment figures (straight line for METHODS 0 and 1, walking for
    2) whatever the method."""
    table = shel.table
    total_residents = float(pop.residents.sum())
    total_area = float(table["eff_area_m2"].sum())
    county_ratio = total_area / total_residents if total_residents > 0 else float("nan")
    counted_mask = pop.residents > 0
    return {
        "method": method,
        "method_name": METHOD_NAMES[method],
        "target_m2_per_capita": target,
        "residents": total_residents,
        "all_residents": float(pop.all_residents.sum()),
        "urban_only": bool(pop.urban_applied),
        "shelter_area_m2": total_area,
        "shelters_counted": int(len(table)),
        "shelters_not_counted": {str(k): int(v) for k, v in shel.skipped_types.items()},
        "county_m2_per_capita": county_ratio,
        "county_meets_target": bool(total_residents > 0 and county_ratio >= target * (1 - MEETS_TOLERANCE)),
        "county_deficit_m2": max(0.0, target * total_residents - total_area),
        "residents_no_shelter": float(pop.residents[no_shelter].sum()),
        "features_no_shelter": int((no_shelter & counted_mask).sum()),
        "shelters_overloaded": int(shelters_out["overloaded"].sum()),
        "shelters_unreached": int((fca.served <= 0).sum()),
        "shelters_below_min_area": int(shelters_out["below_min_area"].sum()),
        "pairs_in_reach": int(fca.n_pairs),
        "reach_meeting_residents": float(pop.residents[meets].sum()),
        "reach_deficit_m2": float(deficit.sum()),
    }


def _add_meeting_share(summary: dict[str, Any], method: int, units_out: pd.DataFrame | None) -> None:
    """residents_meeting_target, total_deficit_m2 and share_meeting_target by the method: per
    unit (METHOD 0: residents of the units that meet the target, among the residents inside
    units) or per population feature (the catchment figures)."""
    if method == METHOD_ADMINISTRATIVE and units_out is not None:
        res = units_out["residents"].to_numpy()
        summary["residents_meeting_target"] = float(res[units_out["meets_target"].fillna(False).to_numpy(bool)].sum())
        summary["total_deficit_m2"] = float(units_out["deficit_m2"].sum())
        denominator = float(res.sum())
    else:
        summary["residents_meeting_target"] = summary["reach_meeting_residents"]
        summary["total_deficit_m2"] = summary["reach_deficit_m2"]
        denominator = summary["residents"]
    summary["share_meeting_target"] = (summary["residents_meeting_target"] / denominator
                                       if denominator > 0 else float("nan"))


def _unit_figures(units: gpd.GeoDataFrame, layer: str, pop: PopulationInput, shel: ShelterInput,
                  population_out: pd.DataFrame, target: float,
                  warnings: Warnings) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Per unit: administrative ratio (shelters by centroid, residents apportioned) and the
    catchment figures of its population apportioned the same way."""
    unit_geoms = check_geometries(units, layer)
    owner = units_of_points(shapely.points(shel.table[["x", "y"]].to_numpy()), unit_geoms)
    outside = owner < 0
    if outside.any():
        table = shel.table
        if "source_fid" in table.columns:
            ids = [f"{k}:{fid}" for k, fid in zip(table["source_layer"][outside], table["source_fid"][outside])]
        else:
            ids = table.index[outside].tolist()
        warnings.append(Notice(m.SHELTERS_OUTSIDE_UNITS, count=int(outside.sum()), shelters=", ".join(
            f"fid {i}" for i in ids[:10])))
    area = np.bincount(owner[~outside], weights=shel.table["eff_area_m2"].to_numpy()[~outside],
                       minlength=len(unit_geoms))
    count = np.bincount(owner[~outside], minlength=len(unit_geoms))
    meets = population_out["meets_target"].fillna(False).to_numpy(bool)
    no_shelter = population_out["no_shelter"].to_numpy(bool)
    values = np.column_stack([pop.residents, np.where(meets, pop.residents, 0.0),
                              np.where(no_shelter, pop.residents, 0.0), population_out["deficit_m2"].to_numpy()])
    per_unit, lost = apportion_to_units(values, pop.geoms, unit_geoms)
    if lost[0] > 1e-6 * max(1.0, pop.residents.sum()):
        warnings.append(Notice(m.RESIDENTS_OUTSIDE_UNITS, residents=lost[0]))
    residents = per_unit[:, 0]
    ratio, unit_meets, deficit = administrative_ratio(residents, area, target)
    frame = pd.DataFrame({
        "residents": residents,
        "shelter_area_m2": area,
        "shelter_count": count.astype(np.int64),
        "m2_per_capita": ratio,
        "meets_target": pd.array(np.where(residents > 0, unit_meets, None), dtype="boolean"),
        "deficit_m2": deficit,
        "reach_meeting_residents": per_unit[:, 1],
        "reach_no_shelter_residents": per_unit[:, 2],
        "reach_deficit_m2": per_unit[:, 3],
    }, index=units.index)
    return frame, {"units": int(len(frame)), "units_meeting_target": int(frame["meets_target"].fillna(False).sum()),
                   "residents_outside_units": float(max(lost[0], 0.0)),
                   "shelters_outside_units": int(outside.sum())}
