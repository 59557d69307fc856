"""Grading of major hazard sources after GB 18218-2018 (tables in ``core.standards.gb18218``).

Per record (one unit × substance): q (t), Q (Table 1 by substance, else Table 2 by category),
β (Table 3 for its toxic gases, else Table 4 by category), q/Q and β·q/Q.
Per unit: S = Σ q/Q (major when S ≥ 1); exposed people within 500 m outside the unit;
α (Table 5); R = α · Σ β·q/Q; grade (Table 6, major units only); risk level by a grade preset.

Exposed people: the record field when given (records of one unit that disagree: the largest, with a
warning); otherwise residents apportioned by area from population polygons over the 500 m ring
around a polygon unit (the buffer minus the unit itself) or the 500 m disc around a point unit,
rounded to whole people.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
import pandas as pd
import shapely

from .apportion import apportion_column
from .errors import InputError
from .standards import gb18218 as gb
from .values import id_strings, parse_numbers
from .standards.risk_levels import risk_attributes

if TYPE_CHECKING:
    import geopandas as gpd

BUFFER_QUAD_SEGMENTS = 64  # segments per quarter circle of the 500 m zone (area error < 0.01 %)


@dataclass(frozen=True)
class HazardFields:
    """Field names of the hazard-record layer (None for the optional ones not given)."""

    unit: str = "unit_id"
    substance: str = "substance"
    quantity: str = "quantity_t"
    category: str | None = None
    exposed: str | None = None
    enterprise: str | None = None


@dataclass
class GradingResult:
    """``grade_hazard_sources``' result: per unit, per record, warnings and the grade preset's name."""

    units: gpd.GeoDataFrame  # one row per unit
    records: pd.DataFrame  # one row per input record (index = record feature id)
    warnings: list[str] = field(default_factory=list)
    preset: str = ""


UNIT_COLUMNS = ("unit_id", "n_substances", "s_value", "is_major", "alpha", "exposed_people", "exposed_source",
                "r_value", "hazard_grade", "grade_label_zh")
RECORD_COLUMNS = ("unit_id", "substance", "substance_std", "table1_seq", "category", "q_t", "crit_q_t",
                  "q_source", "beta", "beta_source", "q_ratio", "beta_q_ratio")


def _require_fields(frame: pd.DataFrame, names: Sequence[str | None], layer: str) -> None:
    for name in names:
        if name and name not in frame.columns:
            available = ", ".join(str(c) for c in frame.columns if c != "geometry")
            raise InputError(f"field not found (fields: {available})", layer=layer, field=name)


def _quantities(records: pd.DataFrame, name: str, layer: str) -> np.ndarray:
    parsed = parse_numbers(records[name])
    q = pd.Series(parsed.values, index=records.index)
    unparsable = parsed.invalid
    if unparsable.any():
        raise InputError("quantity is not a number", layer=layer, feature_ids=records.index[unparsable], field=name)
    negative = q < 0
    if negative.any():
        raise InputError("quantity is negative", layer=layer, feature_ids=records.index[negative], field=name)
    return q


def _resolve(substance: Any, category: Any, units: Sequence[str], fids: Sequence[Any], fields: HazardFields,
             layer: str) -> tuple[Any, ...]:
    """(Q, Q source, β, β source, standard name, Table 1 row, codes used, identity) for one
    substance/category pair, or an InputError naming the units and records concerned."""
    where: dict[str, Any] = dict(layer=layer, feature_ids=fids)
    unit_list = ", ".join(sorted(set(units))[:10])
    codes, unknown = gb.parse_categories(category)
    if unknown:
        raise InputError(f"unknown hazard category {', '.join(unknown)} (GB 18218-2018 Table 2 codes: "
                         f"{', '.join(gb.CATEGORY_CODES)}); unit {unit_list}", field=fields.category, **where)
    entries = gb.lookup_substance(substance)
    if len(entries) > 1:
        names = "; ".join(f"#{e.seq} {e.name_zh} (Q {e.q_t:g} t)" for e in entries)
        raise InputError(f"substance '{substance}' matches several rows of GB 18218-2018 Table 1 ({names}): "
                         f"write the full name of the row; unit {unit_list}", field=fields.substance, **where)
    if entries:
        entry = entries[0]
        q_crit, q_source = entry.q_t, f"Table 1 #{entry.seq}"
        if entry.seq in gb.TABLE3_BY_SEQ:
            beta, beta_source = gb.TABLE3_BY_SEQ[entry.seq].beta, "Table 3"
        elif codes:
            beta, code = gb.table4_beta(codes)
            beta_source = f"Table 4 {code} (record category)"
        elif entry.category:
            codes = (entry.category,)
            beta, code = gb.table4_beta(codes)
            beta_source = f"Table 4 {code} (category of Table 1 #{entry.seq})"
        else:
            raise InputError(f"substance '{substance}' (GB 18218-2018 Table 1 #{entry.seq} {entry.name_zh}) is not a "
                             f"Table 3 toxic gas: give its hazard category so that β can be taken from Table 4; "
                             f"unit {unit_list}", field=fields.category or fields.substance, **where)
        return q_crit, q_source, beta, beta_source, entry.name_zh, entry.seq, codes, f"T1#{entry.seq}"
    if not codes:
        raise InputError(f"substance '{substance}' is not in GB 18218-2018 Table 1 and no hazard category is given "
                         f"(give one in the category field, e.g. W2 or J3); unit {unit_list}",
                         field=fields.substance, **where)
    q_crit, q_code = gb.table2_q(codes)
    beta, b_code = gb.table4_beta(codes)
    return (q_crit, f"Table 2 {q_code}", beta, f"Table 4 {b_code}", None, None, codes,
            gb.normalise_key(substance))


def record_details(records: pd.DataFrame, fields: HazardFields, layer: str = "hazard sources") -> pd.DataFrame:
    """Per-record q, Q, β and ratios (DataFrame indexed like ``records``) — raises InputError for
    missing fields, empty ids or substances, bad quantities and unknown substances."""
    _require_fields(records, [fields.unit, fields.substance, fields.quantity, fields.category,
                              fields.exposed, fields.enterprise], layer)
    units = id_strings(records[fields.unit])
    if pd.isna(pd.Series(units)).any():
        missing = records.index[pd.isna(pd.Series(units)).to_numpy()]
        raise InputError("unit id is empty", layer=layer, feature_ids=missing, field=fields.unit)
    substances = id_strings(records[fields.substance])
    no_substance = pd.isna(pd.Series(substances)).to_numpy()
    if no_substance.any():
        raise InputError("substance is empty", layer=layer, feature_ids=records.index[no_substance],
                         field=fields.substance)
    q = _quantities(records, fields.quantity, layer)
    categories = (id_strings(records[fields.category]) if fields.category
                  else np.full(len(records), None, dtype=object))

    pairs = pd.DataFrame({"substance": substances, "category": categories, "unit": units, "fid": records.index})
    pairs["category_key"] = pairs["category"].fillna("")
    resolved = {}
    for (substance, category_key), group in pairs.groupby(["substance", "category_key"], sort=False):
        resolved[(substance, category_key)] = _resolve(substance, category_key or None, group["unit"].tolist(),
                                                       group["fid"].tolist(), fields, layer)
    keys = list(zip(pairs["substance"], pairs["category_key"]))
    table = pd.DataFrame([resolved[k] for k in keys], index=records.index,
                         columns=["crit_q_t", "q_source", "beta", "beta_source", "substance_std", "table1_seq",
                                  "codes", "identity"])
    details = pd.DataFrame({"unit_id": units, "substance": substances}, index=records.index)
    details["substance_std"] = table["substance_std"]
    details["table1_seq"] = table["table1_seq"].astype(float)
    details["category"] = [",".join(c) or None for c in table["codes"]]
    details["q_t"] = q.fillna(0.0).to_numpy()
    details["crit_q_t"] = table["crit_q_t"].astype(float)
    details["q_source"] = table["q_source"]
    details["beta"] = table["beta"].astype(float)
    details["beta_source"] = table["beta_source"]
    details["q_ratio"] = details["q_t"] / details["crit_q_t"]
    details["beta_q_ratio"] = details["beta"] * details["q_ratio"]
    details["identity"] = table["identity"]
    details["quantity_was_null"] = q.isna().to_numpy()
    return details


def unit_geometries(records: gpd.GeoDataFrame, units: npt.ArrayLike) -> gpd.GeoSeries:
    """GeoSeries of each unit's records merged (union), indexed by unit id in order of first appearance."""
    import geopandas as gpd

    frame = gpd.GeoDataFrame({"unit_id": units}, geometry=records.geometry.to_numpy(), crs=records.crs)
    merged = frame.dissolve(by="unit_id", sort=False).geometry
    empty = shapely.is_empty(merged.to_numpy()) | merged.isna().to_numpy()
    return merged.where(~empty, None)


def exposure_zones(geometries: npt.ArrayLike, radius: float = gb.EXPOSURE_RADIUS_M) -> np.ndarray:
    """The area 'within ``radius`` outside the boundary': buffer minus the unit (ring around a polygon,
    disc around a point)."""
    geoms = np.asarray(geometries, dtype=object)
    return shapely.difference(shapely.buffer(geoms, radius, quad_segs=BUFFER_QUAD_SEGMENTS), geoms)


def _exposed_from_field(records: pd.DataFrame, details: pd.DataFrame, fields: HazardFields, layer: str,
                        warnings: list[str]) -> pd.Series:
    """Exposed people per unit from the records' field (the largest where records disagree)."""
    parsed = parse_numbers(records[fields.exposed])
    exposed = pd.Series(parsed.values, index=records.index)
    bad = parsed.invalid
    if bad.any():
        raise InputError("exposed people is not a number", layer=layer, feature_ids=records.index[bad],
                         field=fields.exposed)
    if (exposed < 0).any():
        raise InputError("exposed people is negative", layer=layer, feature_ids=records.index[exposed < 0],
                         field=fields.exposed)
    frame = pd.DataFrame({"unit_id": details["unit_id"].to_numpy(), "exposed": exposed.to_numpy()})
    stats = frame.groupby("unit_id", sort=False)["exposed"].agg(["max", "nunique"])
    disagree = stats.index[stats["nunique"] > 1]
    if len(disagree):
        warnings.append(f"{layer}: records of {len(disagree)} unit(s) disagree on '{fields.exposed}' "
                        f"({', '.join(disagree[:10])}): the largest count is used")
    return stats["max"]


def grade_hazard_sources(records: gpd.GeoDataFrame, fields: HazardFields, population: gpd.GeoDataFrame | None = None,
                         population_field: str = "residents", layer: str = "hazard sources",
                         population_layer: str = "population", preset: str = "grade_equals_level",
                         radius: float = gb.EXPOSURE_RADIUS_M) -> GradingResult:
    """Grade every unit of ``records`` (GeoDataFrame, index = feature id). Returns a GradingResult."""
    import geopandas as gpd

    warnings = []
    grade_preset = gb.GRADE_LEVEL_PRESET_BY_NAME[preset]
    details = record_details(records, fields, layer)
    nulls = int(details["quantity_was_null"].sum())
    if nulls:
        warnings.append(f"{layer}: {nulls} records with an empty '{fields.quantity}' counted as 0 t")

    grouped = details.groupby("unit_id", sort=False)
    units = pd.DataFrame({
        "n_substances": grouped["identity"].nunique(),
        "s_value": grouped["q_ratio"].sum(),
        "beta_sum": grouped["beta_q_ratio"].sum(),
    })
    unit_ids = units.index.to_numpy(dtype=object)
    major = gb.is_major(units["s_value"].to_numpy())
    geometries = unit_geometries(records, details["unit_id"].to_numpy()).reindex(unit_ids)

    exposed = pd.Series(np.nan, index=units.index)
    source = pd.Series(None, index=units.index, dtype=object)
    if fields.exposed:
        given = _exposed_from_field(records, details, fields, layer, warnings).reindex(units.index)
        exposed[given.notna()] = given[given.notna()]
        source[given.notna()] = "field"
    missing = exposed.isna().to_numpy()
    if missing.any() and population is not None:
        no_geometry = missing & geometries.isna().to_numpy()
        if no_geometry.any():
            ids = unit_ids[no_geometry]
            fids = details.index[details["unit_id"].isin(ids)]
            raise InputError(f"unit(s) {', '.join(ids[:10])} have no geometry to estimate exposed people from",
                             layer=layer, feature_ids=fids)
        zones = exposure_zones(geometries.to_numpy()[missing], radius)
        estimate = apportion_column(population, population_field, zones, population_layer, warnings)
        exposed[missing] = np.floor(estimate + 0.5)
        source[missing] = "estimated"
    unknown = exposed.isna().to_numpy() & major
    if unknown.any():
        ids = unit_ids[unknown]
        fids = details.index[details["unit_id"].isin(ids)]
        raise InputError(f"major hazard unit(s) {', '.join(ids[:10])} have no exposed-people count and no "
                         "population layer was given to estimate it (α needs it)", layer=layer,
                         feature_ids=fids, field=fields.exposed)

    alpha = gb.alpha_for(exposed.to_numpy())
    r_value = alpha * units["beta_sum"].to_numpy()
    grade = np.where(major, gb.grade_for(np.nan_to_num(r_value)), 0)
    level_of_grade = np.array((grade_preset.non_major, *grade_preset.grade_to_level))
    levels = level_of_grade[grade]
    labels = np.array([None] + [b.label_zh for b in gb.GRADE_BANDS], dtype=object)

    out = pd.DataFrame({
        "unit_id": unit_ids,
        "n_substances": units["n_substances"].to_numpy(),
        "s_value": units["s_value"].to_numpy(),
        "is_major": major,
        "alpha": alpha,
        "exposed_people": exposed.to_numpy(),
        "exposed_source": source.to_numpy(),
        "r_value": r_value,
        "hazard_grade": np.where(major, grade, np.nan),  # float so that non-major units hold NaN (NULL)
        "grade_label_zh": labels[grade],
    })
    if fields.enterprise:
        out["enterprise_id"] = _unit_enterprises(records, details, fields, layer).reindex(unit_ids).to_numpy()
    for name, values in risk_attributes(levels).items():
        out[name] = values
    units_gdf = gpd.GeoDataFrame(out, geometry=gpd.GeoSeries(geometries.to_numpy(), crs=records.crs))
    record_out = details[list(RECORD_COLUMNS)].copy()
    return GradingResult(units_gdf, record_out, warnings, grade_preset.name)


def _unit_enterprises(records: pd.DataFrame, details: pd.DataFrame, fields: HazardFields, layer: str) -> pd.Series:
    ids = pd.Series(id_strings(records[fields.enterprise]), index=records.index)
    frame = pd.DataFrame({"unit_id": details["unit_id"], "enterprise": ids})
    counts = frame.groupby("unit_id", sort=False)["enterprise"].nunique()
    conflicting = counts.index[counts > 1]
    if len(conflicting):
        fids = frame.index[frame["unit_id"].isin(conflicting)]
        raise InputError(f"records of unit(s) {', '.join(conflicting[:10])} name different enterprises",
                         layer=layer, feature_ids=fids, field=fields.enterprise)
    return frame.dropna(subset=["enterprise"]).groupby("unit_id", sort=False)["enterprise"].first()
