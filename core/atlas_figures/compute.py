"""The figures printed in the risk atlas: per township and for the county, by overlay.

Everything is computed from the analysis layers handed to the atlas, in one projected CRS:

* Four-colour map (RISK_MAP: polygons with ``risk_level`` 1..4 and ``residents``). Within a
  township, a level's residents are the map units' residents apportioned by area
  (residents × area(unit ∩ township) / area(unit)); its area is the area of unit ∩ township.
  A unit is *counted* in the one township it overlaps most (so grid cells on a boundary are
  counted once).
* 5-minute fire coverage (REACH_AREAS, REACH_GAPS): the reach analysis's own residents reached
  and not reached, placed in the townships by the map's residents (``reach``); without them, the
  map's residents inside the reach areas (or outside the gaps).
* Fixed-shelter area per capita (SHELTER_UNITS, one result per township; SHELTER_LOAD for the
  overloaded shelters): ``shelters``.
* Major hazard units (HAZARD_UNITS with ``is_major`` true or a ``hazard_grade``) and enterprises
  (ENTERPRISES with ``risk_level``): each counted in the township holding its representative point.
* Rescue teams' and supply depots' coverage (RESCUE_TOWNS, DEPOT_TOWNS: resourcecoverage's per-township
  tables): the county's sums (``resources``); the kinds of risk source the map combined (its
  ``source_layer`` values).

The county's figures are the sums over the townships (so the cover equals the sum of the sheets);
``layer_totals`` keeps the layers' own totals so the caller can report any difference (e.g. map
units outside every township).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional, Sequence

import numpy as np
import pandas as pd
import shapely

from .. import messages as m
from ..errors import InputError, Notice, Warnings
from ..standards.shelters import TARGET_M2_PER_CAPITA
from . import overlay, reach, resources, shelters
from .figures import COUNTY_KEY, GRADES, LEVELS, MAJOR_COLUMNS, AreaFigures, AtlasFigures

if TYPE_CHECKING:
    import geopandas as gpd

PARAMETERS = {"risk_map": "RISK_MAP", "townships": "TOWNSHIPS", "hazard_units": "HAZARD_UNITS",
              "enterprises": "ENTERPRISES", "reach_areas": "REACH_AREAS", "reach_gaps": "REACH_GAPS",
              "shelter_units": "SHELTER_UNITS", "shelter_load": "SHELTER_LOAD"}


@dataclass
class Pieces:
    """The four-colour map's units cut by the townships (one row per non-empty unit ∩ township)."""

    unit_idx: np.ndarray
    town_idx: np.ndarray
    geoms: np.ndarray
    area: np.ndarray
    unit_area: np.ndarray  # per unit
    residents: np.ndarray  # per unit
    levels: np.ndarray  # per unit

    def unit_fraction(self, part_area: np.ndarray) -> np.ndarray:
        """``part_area`` (one per piece) as a share of its whole unit."""
        whole = self.unit_area[self.unit_idx]
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(whole > 0, part_area / whole, 0.0)


def _per_town(n_towns: int, rows: np.ndarray, columns: np.ndarray, values: np.ndarray | float, width: int,
              dtype: type = float) -> np.ndarray:
    table = np.zeros((n_towns, width), dtype=dtype)
    np.add.at(table, (rows, columns), values)
    return table


def _township_geometries(townships: gpd.GeoDataFrame, layer: str) -> np.ndarray:
    geoms = overlay.valid(townships.geometry.to_numpy())
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    if missing.any():
        raise InputError(m.TOWNSHIP_WITHOUT_GEOMETRY, layer=layer,
                         feature_ids=townships.index[missing])
    if len(geoms) == 0:
        raise InputError(m.NO_TOWNSHIPS, layer=layer)
    return geoms


def _keys(frame: pd.DataFrame, column: str, mask: np.ndarray) -> np.ndarray | None:
    """The values of ``column`` where ``mask`` (the features' keys in a message), None without the column."""
    return frame[column].to_numpy(dtype=object)[mask] if column in frame.columns else None


def _risk_pieces(risk_map: gpd.GeoDataFrame, town_geoms: np.ndarray, layer: str, warnings: list) -> Pieces:
    levels = overlay.levels(risk_map, layer).to_numpy().astype(int)
    residents = overlay.numbers(risk_map, "residents", layer, minimum=0)
    if residents.isna().any():
        warnings.append(Notice(m.EMPTY_COUNTED_0, layer=layer, feature_ids=risk_map.index[residents.isna()],
                               field="residents"))
    unit_geoms = overlay.valid(risk_map.geometry.to_numpy())
    town_idx, unit_idx = shapely.STRtree(unit_geoms).query(town_geoms, predicate="intersects")
    pieces = shapely.intersection(unit_geoms[unit_idx], town_geoms[town_idx])
    area = shapely.area(pieces)
    keep = area > 0
    return Pieces(unit_idx[keep], town_idx[keep], pieces[keep], area[keep], shapely.area(unit_geoms),
                   residents.fillna(0.0).to_numpy(), levels)


def _enterprises_by_level(enterprises: gpd.GeoDataFrame | None, town_geoms: np.ndarray, layer: str, warnings: list,
                          totals: dict) -> np.ndarray | None:
    if enterprises is None:
        return None
    ent_levels = overlay.levels(enterprises, layer, allow_null=True)
    leveled = ent_levels.notna().to_numpy()
    if (~leveled).any():
        warnings.append(Notice(m.ENTERPRISES_WITHOUT_LEVEL, layer=layer, feature_ids=enterprises.index[~leveled],
                               field="risk_level", keys=_keys(enterprises, "ent_id", ~leveled)))
    points = overlay.representative_points(overlay.valid(enterprises.geometry.to_numpy()))
    town_of = overlay.township_of_points(points, town_geoms)
    ok = (town_of >= 0) & leveled
    table = _per_town(len(town_geoms), town_of[ok], ent_levels.to_numpy()[ok].astype(int) - 1, 1, len(LEVELS), int)
    totals["enterprises"] = int(leveled.sum())
    outside = (town_of < 0) & leveled
    if outside.any():
        warnings.append(Notice(m.ENTERPRISES_OUTSIDE_TOWNSHIPS, layer=layer, feature_ids=enterprises.index[outside],
                               keys=_keys(enterprises, "ent_id", outside)))
    return table


def _enterprise_names(enterprises: gpd.GeoDataFrame | None) -> tuple[dict, dict]:
    """{ent_id: name} and {ent_id: name_en} (empty when the layer lacks them)."""
    if enterprises is None or "ent_id" not in enterprises.columns:
        return {}, {}
    ids = enterprises["ent_id"].astype(str)
    names, names_en = (dict(zip(ids, enterprises[column])) if column in enterprises.columns else {}
                       for column in ("name", "name_en"))
    return names, names_en


def _major_units(hazard_units: gpd.GeoDataFrame | None, enterprises: gpd.GeoDataFrame | None, town_geoms: np.ndarray,
                 keys: list, layer: str, warnings: list, totals: dict) -> tuple[np.ndarray | None, pd.DataFrame]:
    """Major hazard units per township and grade, and their list (MAJOR_COLUMNS)."""
    if hazard_units is None:
        return None, pd.DataFrame(columns=list(MAJOR_COLUMNS))
    grades = overlay.optional_numbers(hazard_units, "hazard_grade", layer)
    if grades is None:
        grades = pd.Series(np.nan, index=hazard_units.index)
    bad = grades.notna() & ~grades.isin(GRADES)
    if bad.any():
        raise InputError(m.HAZARD_GRADE_RANGE, layer=layer,
                         feature_ids=hazard_units.index[bad], field="hazard_grade")
    flagged = (overlay.truthy(hazard_units["is_major"]) if "is_major" in hazard_units.columns
               else np.zeros(len(hazard_units), dtype=bool))
    major = flagged | grades.notna().to_numpy()
    ungraded = major & grades.isna().to_numpy()
    if ungraded.any():
        raise InputError(m.MAJOR_WITHOUT_GRADE, layer=layer,
                         feature_ids=hazard_units.index[ungraded], field="hazard_grade")
    points = overlay.representative_points(overlay.valid(hazard_units.geometry.to_numpy()))
    town_of = overlay.township_of_points(points, town_geoms)
    inside = major & (town_of >= 0)
    grade_of = grades.to_numpy()[inside].astype(int)
    table = _per_town(len(town_geoms), town_of[inside], grade_of - 1, 1, len(GRADES), int)
    totals["major_units"] = int(major.sum())
    outside = major & (town_of < 0)
    if outside.any():
        warnings.append(Notice(m.UNITS_OUTSIDE_TOWNSHIPS, layer=layer, feature_ids=hazard_units.index[outside],
                               keys=_keys(hazard_units, "unit_id", outside)))
    r_values = overlay.optional_numbers(hazard_units, "r_value", layer)
    def column(name: str, default: np.ndarray) -> np.ndarray:
        return hazard_units[name].to_numpy(dtype=object) if name in hazard_units.columns else default

    enterprise_ids = column("enterprise_id", np.full(len(hazard_units), None, dtype=object))[inside]
    names, names_en = _enterprise_names(enterprises)
    rows = pd.DataFrame({
        "key": np.asarray(keys, dtype=object)[town_of[inside]], "town": town_of[inside],
        "unit_id": column("unit_id", hazard_units.index.astype(str).to_numpy(dtype=object))[inside],
        "grade": grade_of,
        "r_value": r_values.to_numpy()[inside] if r_values is not None else np.full(int(inside.sum()), np.nan),
        "enterprise_id": enterprise_ids,
        "x": shapely.get_x(points[inside].astype(object)), "y": shapely.get_y(points[inside].astype(object)),
        "enterprise_name": [None if e is None else names.get(str(e)) for e in enterprise_ids],
        "enterprise_name_en": [None if e is None else names_en.get(str(e)) for e in enterprise_ids],
    })
    rows = rows.sort_values(["town", "grade", "r_value", "unit_id"], ascending=[True, True, False, True],
                            na_position="last", kind="mergesort")
    return table, rows.drop(columns="town").reset_index(drop=True)


def atlas_figures(risk_map: gpd.GeoDataFrame, townships: gpd.GeoDataFrame, names: Sequence, *,
                  keys: Optional[Sequence] = None, hazard_units: Optional[gpd.GeoDataFrame] = None,
                  enterprises: Optional[gpd.GeoDataFrame] = None, reach_areas: Optional[gpd.GeoDataFrame] = None,
                  reach_gaps: Optional[gpd.GeoDataFrame] = None, shelter_units: Optional[gpd.GeoDataFrame] = None,
                  shelter_load: Optional[gpd.GeoDataFrame] = None, layer_names: Optional[dict] = None,
                  shelter_target: float = TARGET_M2_PER_CAPITA, rescue_towns: Optional[gpd.GeoDataFrame] = None,
                  depot_towns: Optional[gpd.GeoDataFrame] = None) -> AtlasFigures:
    """Figures for every township and the county (see the module docstring).

    ``risk_map``, ``townships`` and the optional layers are GeoDataFrames in one projected CRS
    (metres); ``names`` the township names (one per township row); ``keys`` stable page keys
    (default: the townships' index as text). ``layer_names`` maps 'risk_map', 'townships', … to
    the names used in error messages; ``shelter_target`` is m² per resident.
    """
    label = {**PARAMETERS, **(layer_names or {})}
    warnings: Warnings = []
    totals: dict = {}
    town_geoms = _township_geometries(townships, label["townships"])
    n_towns = len(town_geoms)
    keys = [str(k) for k in (townships.index if keys is None else keys)]
    names = ["" if n is None else str(n) for n in names]

    pieces = _risk_pieces(risk_map, town_geoms, label["risk_map"], warnings)
    piece_levels = pieces.levels[pieces.unit_idx] - 1
    residents = _per_town(n_towns, pieces.town_idx, piece_levels,
                          pieces.residents[pieces.unit_idx] * pieces.unit_fraction(pieces.area), len(LEVELS))
    area_km2 = _per_town(n_towns, pieces.town_idx, piece_levels, pieces.area, len(LEVELS)) / 1e6
    owner = overlay.largest_overlap(pieces.unit_idx, pieces.town_idx, pieces.area, len(pieces.unit_area))
    counted = owner >= 0
    units = _per_town(n_towns, owner[counted], pieces.levels[counted] - 1, 1, len(LEVELS), int)
    totals.update(risk_map_units=int(len(pieces.unit_area)), risk_map_residents=float(pieces.residents.sum()),
                  risk_map_units_outside=int((~counted).sum()))

    covered = reach.coverage(pieces, n_towns, reach_areas, reach_gaps, label, totals, warnings)
    enterprise_table = _enterprises_by_level(enterprises, town_geoms, label["enterprises"], warnings, totals)
    major_table, major_rows = _major_units(hazard_units, enterprises, town_geoms, keys, label["hazard_units"],
                                           warnings, totals)
    shelter_rows = shelters.by_township(shelter_units, shelter_load, town_geoms, shelter_target, label, warnings,
                                        totals)

    def figures(key: str, name: str, area: float, rows: slice) -> AreaFigures:
        def summed(table: np.ndarray | None) -> np.ndarray | None:
            return None if table is None else table[rows].sum(axis=0).astype(table.dtype)

        result = AreaFigures(key=key, name=name, area_km2=area, units=summed(units),
                             area_by_level_km2=summed(area_km2), residents_by_level=summed(residents),
                             enterprises_by_level=summed(enterprise_table), major_by_grade=summed(major_table))
        if covered is not None:
            result.covered_residents = float(covered.covered[rows].sum())
            result.not_covered_residents = (float(covered.not_covered[rows].sum()) if covered.not_covered is not None
                                            else max(0.0, result.residents - result.covered_residents))
        if shelter_rows is not None:
            shelters.judge(result, shelter_rows, rows, shelter_target)
        return result

    town_areas = shapely.area(town_geoms) / 1e6
    towns = [figures(keys[t], names[t], float(town_areas[t]), slice(t, t + 1)) for t in range(n_towns)]
    county = figures(COUNTY_KEY, "", float(town_areas.sum()), slice(None))
    result = AtlasFigures(county, towns, major_rows, float(shelter_target), totals, warnings)
    for prefix, frame, name in ((resources.RESCUE, rescue_towns, "rescue_towns"),
                                (resources.DEPOTS, depot_towns, "depot_towns")):
        if frame is not None:
            result.resources[prefix] = resources.resource_figures(prefix, frame, label.get(name, name))
    if "source_layer" in risk_map.columns:  # the kinds of risk source that set the map's levels
        result.source_kinds = tuple(sorted({str(v) for v in risk_map["source_layer"].dropna()}))
    return result
