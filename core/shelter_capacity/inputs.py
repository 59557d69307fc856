"""The shelter and population layers checked and reduced to what the analysis counts."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
import pandas as pd
import shapely

from .. import messages as m
from ..errors import InputError, Notice, Warnings
from ..ledger.codes import read_codes
from ..values import parse_numbers
from ..standards.shelters import DEFAULT_STANDARDS, ShelterStandards

if TYPE_CHECKING:
    import geopandas as gpd



def _ids(index: pd.Index, mask: npt.ArrayLike) -> list[Any]:
    """The ids of the index where mask is True."""
    return index[np.asarray(mask)].tolist()


def _require_field(gdf: pd.DataFrame, name: str, layer: str) -> None:
    """InputError when the field does not exist."""
    if name not in gdf.columns:
        fields = ", ".join(map(str, gdf.columns.drop("geometry", errors="ignore")))
        raise InputError(m.FIELD_NOT_FOUND, layer=layer, field=name, available=fields)


def _numbers(gdf: pd.DataFrame, name: str, layer: str) -> np.ndarray:
    """The field as float64 (NaN where blank); InputError naming the features holding other text."""
    parsed = parse_numbers(gdf[name])
    bad = parsed.invalid | np.isinf(parsed.values)
    if bad.any():
        raise InputError(m.VALUES_NOT_NUMBERS, layer=layer, feature_ids=_ids(gdf.index, bad), field=name)
    return parsed.values


def check_geometries(gdf: gpd.GeoDataFrame, layer: str) -> np.ndarray:
    """The geometries; InputError naming the features without one."""
    geoms = np.asarray(gdf.geometry.values, dtype=object)
    bad = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    if bad.any():
        raise InputError(m.NO_GEOMETRY, layer=layer, feature_ids=_ids(gdf.index, bad))
    return geoms


def centroids_xy(geoms: npt.ArrayLike) -> np.ndarray:
    """Centroid coordinates (n × 2) of shapely geometries (no empty ones); points are read directly."""
    geoms = np.asarray(geoms, dtype=object)
    xy = np.empty((len(geoms), 2))
    point = shapely.get_type_id(geoms) == 0
    if point.any():
        xy[point] = shapely.get_coordinates(geoms[point])
    if (~point).any():
        xy[~point] = shapely.get_coordinates(shapely.centroid(geoms[~point]))
    return xy


def _type_codes(values: pd.Series, standards: ShelterStandards) -> pd.Series:
    """Type values as codes of ``standards``: a code as written stays; other values (紧急避难场所,
    固定(长期) …) are read through the code table; what it does not know stays as written."""
    own = values.isin(standards.codes).to_numpy()
    codes = read_codes("shelters", "type", values.to_numpy(dtype=object)).codes
    use = ~own & np.array([c is not None for c in codes], dtype=bool)
    return values.where(~use, pd.Series(codes, index=values.index, dtype=object))


@dataclass
class ShelterInput:
    """The counted shelters, ready for analysis (index = feature id)."""

    table: pd.DataFrame  # columns: type, eff_area_m2, radius_m, capacity, x, y
    geoms: np.ndarray
    skipped_types: dict[str, int]  # type code -> count of shelters not counted
    warnings: Warnings = field(default_factory=list)


def prepare_shelters(gdf: gpd.GeoDataFrame, *, layer: str = "shelters", area_field: str | None = "area_m2",
                     type_field: str = "type", types: Sequence[str] | None = None, radius: float | None = None,
                     capacity_field: str | None = None,
                     standards: ShelterStandards = DEFAULT_STANDARDS) -> ShelterInput:
    """Validate the shelter layer and keep the shelters of ``types`` (default: the table's counting
    types). Effective area from ``area_field`` or, when it is empty, the polygon area.
    Raises InputError naming the layer, features and field on bad input."""
    warnings: Warnings = []
    _require_field(gdf, type_field, layer)
    codes = gdf[type_field].astype(object)
    blank = codes.isna() | (codes.astype(str).str.strip() == "")
    if blank.any():
        raise InputError(m.TYPE_EMPTY, layer=layer, feature_ids=_ids(gdf.index, blank), field=type_field)
    codes = _type_codes(codes.astype(str).str.strip(), standards)
    known = set(standards.codes)
    unknown = ~codes.isin(known)
    if unknown.any():
        found = sorted(set(codes[unknown]))
        raise InputError(m.UNKNOWN_SHELTER_TYPES, layer=layer, feature_ids=_ids(gdf.index, unknown), field=type_field,
                         types=", ".join(found), known=", ".join(standards.codes))
    types = tuple(standards.counting_codes() if types is None else types)
    bad_types = [t for t in types if t not in known]
    if bad_types:
        raise InputError(m.TYPES_OPTION_UNKNOWN, types=", ".join(bad_types), known=", ".join(standards.codes))
    counted = codes.isin(types).to_numpy()
    skipped = codes[~counted].value_counts().to_dict()
    sub = gdf[counted]
    sub_codes = codes[counted].to_numpy(dtype=object)
    geoms = check_geometries(sub, layer)

    if area_field:
        _require_field(sub, area_field, layer)
        area = _numbers(sub, area_field, layer)
        missing = np.isnan(area)
        if missing.any():
            raise InputError(m.AREA_NULL, layer=layer, feature_ids=_ids(sub.index, missing), field=area_field)
        negative = area < 0
        if negative.any():
            raise InputError(m.AREA_NEGATIVE, layer=layer, feature_ids=_ids(sub.index, negative), field=area_field)
    else:
        area = shapely.area(geoms)
        pointlike = area <= 0
        if pointlike.any():
            raise InputError(m.AREA_NOT_POLYGON, layer=layer, feature_ids=_ids(sub.index, pointlike))
    if radius is None:
        radii = np.array([standards.get(c).radius_m for c in sub_codes], dtype=np.float64)
    else:
        if not np.isfinite(radius) or radius <= 0:
            raise InputError(m.OPTION_POSITIVE, option="RADIUS", unit=" m", value=radius)
        radii = np.full(len(sub), float(radius))

    capacity = np.full(len(sub), np.nan)
    if capacity_field:
        _require_field(sub, capacity_field, layer)
        capacity = _numbers(sub, capacity_field, layer)
        negative = capacity < 0
        if negative.any():
            raise InputError(m.CAPACITY_NEGATIVE, layer=layer, feature_ids=_ids(sub.index, negative),
                             field=capacity_field)
        if np.isnan(capacity).any():
            warnings.append(Notice(m.CAPACITY_MISSING, layer=layer, feature_ids=_ids(sub.index, np.isnan(capacity)),
                                   field=capacity_field))
    xy = centroids_xy(geoms)
    table = pd.DataFrame({"type": sub_codes, "eff_area_m2": area, "radius_m": radii, "capacity": capacity,
                          "x": xy[:, 0], "y": xy[:, 1]}, index=sub.index)
    small = area < standards.min_site_area_m2
    if small.any():
        warnings.append(Notice(m.BELOW_MIN_SITE_AREA, layer=layer, feature_ids=_ids(sub.index, small), field=area_field,
                               minimum=standards.min_site_area_m2))
    return ShelterInput(table, geoms, skipped, warnings)


def combine_shelters(prepared: Sequence[ShelterInput], names: Sequence[str]) -> ShelterInput:
    """Several prepared shelter layers as one: index 0..n-1, with ``source_layer`` (the layer's
    position) and ``source_fid`` columns."""
    tables = []
    for k, part in enumerate(prepared):
        table = part.table.copy()
        table.insert(0, "source_layer", k)
        table.insert(1, "source_fid", table.index.to_numpy())
        tables.append(table)
    table = pd.concat(tables, ignore_index=True)
    skipped: dict[str, int] = {}
    for part in prepared:
        for code, count in part.skipped_types.items():
            skipped[code] = skipped.get(code, 0) + count
    warnings: Warnings = [w if isinstance(w, Notice) else f"{name}: {w}" for part, name in zip(prepared, names)
                          for w in part.warnings]
    geoms = np.concatenate([part.geoms for part in prepared]) if prepared else np.zeros(0, dtype=object)
    return ShelterInput(table, geoms, skipped, warnings)


def _urban_flags(values: Sequence[Any]) -> list[bool | None]:
    """True / False / None (blank or not understood) through the code table (城镇/乡村, urban/rural)
    and the one yes/no reader."""
    return [None if flag is None else bool(flag) for flag in read_codes("population", "urban", values).codes]


@dataclass
class PopulationInput:
    """The population features, ready for analysis."""

    residents: np.ndarray  # counted residents per feature (urban only when asked)
    all_residents: np.ndarray
    geoms: np.ndarray
    xy: np.ndarray
    index: pd.Index
    urban_applied: bool
    warnings: Warnings = field(default_factory=list)


def prepare_population(gdf: gpd.GeoDataFrame, *, layer: str = "population", population_field: str = "residents",
                       urban_only: bool = True, urban_field: str = "urban") -> PopulationInput:
    """Validate the population layer; residents (NULL or negative are errors), urban-only when the
    flag exists and ``urban_only``."""
    warnings: Warnings = []
    _require_field(gdf, population_field, layer)
    residents = _numbers(gdf, population_field, layer)
    null = np.isnan(residents)
    if null.any():
        raise InputError(m.RESIDENTS_NULL, layer=layer, feature_ids=_ids(gdf.index, null), field=population_field)
    negative = residents < 0
    if negative.any():
        raise InputError(m.RESIDENTS_NEGATIVE, layer=layer, feature_ids=_ids(gdf.index, negative),
                         field=population_field)
    geoms = check_geometries(gdf, layer)
    counted = residents.copy()
    urban_applied = False
    if urban_only:
        if urban_field in gdf.columns:
            flags = _urban_flags(gdf[urban_field].tolist())
            unknown = np.array([f is None for f in flags], dtype=bool)
            is_urban = np.array([bool(f) for f in flags], dtype=bool)
            counted = np.where(is_urban, residents, 0.0)
            urban_applied = True
            if unknown.any():
                warnings.append(Notice(m.URBAN_FLAG_UNKNOWN, layer=layer, feature_ids=_ids(gdf.index, unknown),
                                       field=urban_field))
        else:
            warnings.append(Notice(m.NO_URBAN_FIELD, layer=layer, name=urban_field))
    return PopulationInput(counted, residents, geoms, centroids_xy(geoms), gdf.index, urban_applied, warnings)
