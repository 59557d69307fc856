"""Grading of major hazard sources after GB 18218-2018 (tables in ``core.standards.gb18218``).

Per record (one unit × substance): q (t), Q (Table 1 by substance, else Table 2 by category),
β (Table 3 for its toxic gases, else Table 4 by category), q/Q and β·q/Q.
Per unit: S = Σ q/Q (major when S ≥ 1); exposed people within 500 m outside the plant boundary;
α (Table 5); R = α · Σ β·q/Q; grade (Table 6, major units only); risk level by a grade preset.

Exposed people: the record field when given (records of one unit that disagree: the largest, with a
warning); otherwise residents apportioned by area from population polygons over the 500 m ring
outside the boundary (the buffer minus the area inside), rounded to whole people. The boundary is the
plant's (厂区边界, GB 18218-2018 Table 5) when the unit's enterprise is given as a polygon in ``plants``
(matched by enterprise id), else the unit's own (a polygon unit: its ring; a point unit: the 500 m
disc). ``boundary`` says which, per unit: ``plant`` or ``unit``.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
import pandas as pd
import shapely

from . import messages as m
from .apportion import apportion_column
from .errors import InputError, Notice, Warnings
from .geometry import valid
from .ledger.codes import CODE, NOT_LISTED_STATUS, RECODED, read_codes
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
    warnings: Warnings = field(default_factory=list)
    preset: str = ""


UNIT_COLUMNS = ("unit_id", "n_substances", "s_value", "is_major", "alpha", "exposed_people", "exposed_source",
                "boundary", "r_value", "hazard_grade", "grade_label_zh")
PLANT, UNIT = "plant", "unit"  # the boundary the 500 m zone lies outside of
RECORD_COLUMNS = ("unit_id", "substance", "substance_std", "table1_seq", "category", "q_t", "crit_q_t",
                  "q_source", "beta", "beta_source", "q_ratio", "beta_q_ratio")


def _require_fields(frame: pd.DataFrame, names: Sequence[str | None], layer: str) -> None:
    for name in names:
        if name and name not in frame.columns:
            available = ", ".join(str(c) for c in frame.columns if c != "geometry")
            raise InputError(m.FIELD_NOT_FOUND, layer=layer, field=name, available=available)


def _quantities(records: pd.DataFrame, name: str, layer: str, keys: np.ndarray) -> pd.Series:
    parsed = parse_numbers(records[name])
    q = pd.Series(parsed.values, index=records.index)
    unparsable = parsed.invalid | np.isinf(parsed.values)
    if unparsable.any():
        raise InputError(m.QUANTITY_NOT_NUMBER, layer=layer, feature_ids=records.index[unparsable], field=name,
                         keys=keys[unparsable])
    negative = (q < 0).to_numpy()
    if negative.any():
        raise InputError(m.QUANTITY_NEGATIVE, layer=layer, feature_ids=records.index[negative], field=name,
                         keys=keys[negative])
    return q


def _resolve(substance: Any, category: Any, units: Sequence[str], fids: Sequence[Any], fields: HazardFields,
             layer: str) -> tuple[Any, ...]:
    """(Q, Q source, β, β source, standard name, Table 1 row, codes used, identity) for one
    substance/category pair, or an InputError naming the units and records concerned."""
    where: dict[str, Any] = dict(layer=layer, feature_ids=fids, keys=units)
    unit_list = ", ".join(sorted(set(units))[:10])
    codes, unknown = gb.parse_categories(category)
    if unknown:
        raise InputError(m.UNKNOWN_CATEGORY, field=fields.category, codes=", ".join(unknown),
                         known=", ".join(gb.CATEGORY_CODES), units=unit_list, **where)
    entries = gb.lookup_substance(substance)
    if len(entries) > 1:
        names = "; ".join(f"#{e.seq} {e.name_zh} (Q {e.q_t:g} t)" for e in entries)
        raise InputError(m.SUBSTANCE_AMBIGUOUS, field=fields.substance, substance=substance, rows=names,
                         units=unit_list, **where)
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
            raise InputError(m.SUBSTANCE_NEEDS_CATEGORY, field=fields.category or fields.substance,
                             substance=substance, seq=entry.seq, name=entry.name_zh, units=unit_list, **where)
        return q_crit, q_source, beta, beta_source, entry.name_zh, entry.seq, codes, f"T1#{entry.seq}"
    if not codes:
        raise InputError(m.SUBSTANCE_UNKNOWN, field=fields.substance, substance=substance, units=unit_list, **where)
    q_crit, q_code = gb.table2_q(codes)
    beta, b_code = gb.table4_beta(codes)
    return (q_crit, f"Table 2 {q_code}", beta, f"Table 4 {b_code}", None, None, codes,
            gb.normalise_key(substance))


def _substance_pairs(records: pd.DataFrame, fields: HazardFields, units: np.ndarray,
                    substances: np.ndarray) -> pd.DataFrame:
    """Per record: substance, category (read through the code table as validation reads it: Table 2 symbols
    or the GHS classes that name one; unknown or ambiguous text stays as written and is refused by
    ``_resolve``; classes outside Table 2 are dropped, ``not_listed``), unit and fid."""
    categories = (id_strings(records[fields.category]) if fields.category
                  else np.full(len(records), None, dtype=object))
    not_listed = np.zeros(len(records), dtype=bool)
    if fields.category:
        recoded = read_codes("hazard_sources", "hazard_cat", categories)
        read = np.isin(recoded.status, (CODE, RECODED))
        categories = np.where(read, recoded.codes, categories)
        not_listed = recoded.status == NOT_LISTED_STATUS
        categories[not_listed] = None
    pairs = pd.DataFrame({"substance": substances, "category": categories, "unit": units, "fid": records.index,
                          "not_listed": not_listed})
    pairs["category_key"] = pairs["category"].fillna("")
    return pairs


def substance_problems(records: pd.DataFrame, fields: HazardFields, layer: str = "hazard sources") -> list[InputError]:
    """Every substance/category pair GB 18218-2018 cannot resolve (unknown substance without a category,
    unknown category, an ambiguous name, ...), as InputErrors naming their records — the rule both the
    grading (which stops at the first) and validateinputs (which lists them all) apply."""
    _require_fields(records, [fields.unit, fields.substance, fields.category], layer)
    units, substances = id_strings(records[fields.unit]), id_strings(records[fields.substance])
    known = ~pd.isna(pd.Series(substances)).to_numpy()
    pairs = _substance_pairs(records, fields, units, substances)[known]
    problems = []
    for (substance, category_key), group in pairs.groupby(["substance", "category_key"], sort=False):
        try:
            _resolve(substance, category_key or None, group["unit"].tolist(), group["fid"].tolist(), fields, layer)
        except InputError as error:
            problems.append(error)
    return problems


def record_details(records: pd.DataFrame, fields: HazardFields, layer: str = "hazard sources") -> pd.DataFrame:
    """Per-record q, Q, β and ratios (DataFrame indexed like ``records``) — raises InputError for
    missing fields, empty ids or substances, bad quantities and unknown substances."""
    _require_fields(records, [fields.unit, fields.substance, fields.quantity, fields.category,
                              fields.exposed, fields.enterprise], layer)
    units = id_strings(records[fields.unit])
    if pd.isna(pd.Series(units)).any():
        missing = records.index[pd.isna(pd.Series(units)).to_numpy()]
        raise InputError(m.UNIT_ID_EMPTY, layer=layer, feature_ids=missing, field=fields.unit)
    substances = id_strings(records[fields.substance])
    no_substance = pd.isna(pd.Series(substances)).to_numpy()
    if no_substance.any():
        raise InputError(m.SUBSTANCE_EMPTY, layer=layer, feature_ids=records.index[no_substance],
                         field=fields.substance, keys=units[no_substance])
    q = _quantities(records, fields.quantity, layer, units)
    pairs = _substance_pairs(records, fields, units, substances)
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
    details["category_not_listed"] = pairs["not_listed"].to_numpy()
    return details


def unit_geometries(records: gpd.GeoDataFrame, units: npt.ArrayLike) -> gpd.GeoSeries:
    """GeoSeries of each unit's records merged (union; invalid parts repaired first), indexed by unit id in
    order of first appearance."""
    import geopandas as gpd

    frame = gpd.GeoDataFrame({"unit_id": units}, geometry=valid(records.geometry.to_numpy()), crs=records.crs)
    merged = frame.dissolve(by="unit_id", sort=False).geometry
    empty = shapely.is_empty(merged.to_numpy()) | merged.isna().to_numpy()
    return merged.where(~empty, None)


def exposure_zones(geometries: npt.ArrayLike, radius: float = gb.EXPOSURE_RADIUS_M) -> np.ndarray:
    """The area 'within ``radius`` outside the boundary': buffer minus the unit (ring around a polygon,
    disc around a point)."""
    geoms = valid(geometries)
    return shapely.difference(shapely.buffer(geoms, radius, quad_segs=BUFFER_QUAD_SEGMENTS), geoms)


def _exposed_from_field(records: pd.DataFrame, details: pd.DataFrame, fields: HazardFields, layer: str,
                        warnings: Warnings) -> pd.Series:
    """Exposed people per unit from the records' field (the largest where records disagree)."""
    parsed = parse_numbers(records[fields.exposed])
    exposed = pd.Series(parsed.values, index=records.index)
    keys = details["unit_id"].to_numpy()
    bad = parsed.invalid | np.isinf(parsed.values)
    if bad.any():
        raise InputError(m.EXPOSED_NOT_NUMBER, layer=layer, feature_ids=records.index[bad], field=fields.exposed,
                         keys=keys[bad])
    negative = (exposed < 0).to_numpy()
    if negative.any():
        raise InputError(m.EXPOSED_NEGATIVE, layer=layer, feature_ids=records.index[negative], field=fields.exposed,
                         keys=keys[negative])
    frame = pd.DataFrame({"unit_id": keys, "exposed": exposed.to_numpy()})
    stats = frame.groupby("unit_id", sort=False)["exposed"].agg(["max", "nunique"])
    disagree = stats.index[stats["nunique"] > 1]
    if len(disagree):
        rows = details["unit_id"].isin(disagree).to_numpy()
        warnings.append(Notice(m.EXPOSED_DISAGREE, layer=layer, feature_ids=records.index[rows], field=fields.exposed,
                               keys=keys[rows], count=len(disagree), units=", ".join(disagree[:10])))
    return stats["max"]


def grade_hazard_sources(records: gpd.GeoDataFrame, fields: HazardFields, population: gpd.GeoDataFrame | None = None,
                         population_field: str = "residents", layer: str = "hazard sources",
                         population_layer: str = "population", preset: str = "grade_equals_level",
                         radius: float = gb.EXPOSURE_RADIUS_M, plants: gpd.GeoDataFrame | None = None,
                         plant_id_field: str = "ent_id", plants_layer: str = "enterprises") -> GradingResult:
    """Grade every unit of ``records`` (GeoDataFrame, index = feature id). ``plants``: the enterprises
    (index = feature id, ids in ``plant_id_field``), whose polygons are the plant boundaries of their units
    (matched through ``fields.enterprise``). Returns a GradingResult."""
    import geopandas as gpd

    warnings: Warnings = []
    grade_preset = gb.GRADE_LEVEL_PRESET_BY_NAME[preset]
    details = record_details(records, fields, layer)
    nulls = details["quantity_was_null"].to_numpy()
    if nulls.any():
        warnings.append(Notice(m.QUANTITY_EMPTY_COUNTED_0, layer=layer, feature_ids=records.index[nulls],
                               field=fields.quantity, keys=details["unit_id"].to_numpy()[nulls]))
    dropped = details["category_not_listed"].to_numpy()
    if dropped.any():
        warnings.append(Notice(m.CATEGORY_NOT_LISTED, layer=layer, feature_ids=records.index[dropped],
                               field=fields.category, keys=details["unit_id"].to_numpy()[dropped],
                               value=", ".join(sorted({str(v) for v in records[fields.category].to_numpy()[dropped]}))))

    grouped = details.groupby("unit_id", sort=False)
    units = pd.DataFrame({
        "n_substances": grouped["identity"].nunique(),
        "s_value": grouped["q_ratio"].sum(),
        "beta_sum": grouped["beta_q_ratio"].sum(),
    })
    unit_ids = units.index.to_numpy(dtype=object)
    major = gb.is_major(units["s_value"].to_numpy())
    geometries = unit_geometries(records, details["unit_id"].to_numpy()).reindex(unit_ids)
    enterprises = (_unit_enterprises(records, details, fields, layer).reindex(unit_ids)
                   if fields.enterprise else pd.Series(None, index=units.index, dtype=object))
    boundaries, boundary = _boundaries(geometries, enterprises, plants, plant_id_field, plants_layer, layer,
                                       warnings)
    exposed, source = _exposed(records, details, fields, units, major, boundaries, population, population_field,
                               layer, population_layer, radius, warnings)

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
        "boundary": boundary,
        "r_value": r_value,
        "hazard_grade": np.where(major, grade, np.nan),  # float so that non-major units hold NaN (NULL)
        "grade_label_zh": labels[grade],
    })
    if fields.enterprise:
        out["enterprise_id"] = enterprises.to_numpy()
    for name, values in risk_attributes(levels).items():
        out[name] = values
    units_gdf = gpd.GeoDataFrame(out, geometry=gpd.GeoSeries(geometries.to_numpy(), crs=records.crs))
    record_out = details[list(RECORD_COLUMNS)].copy()
    return GradingResult(units_gdf, record_out, warnings, grade_preset.name)


def _exposed(records: pd.DataFrame, details: pd.DataFrame, fields: HazardFields, units: pd.DataFrame,
             major: np.ndarray, boundaries: np.ndarray, population: gpd.GeoDataFrame | None, population_field: str,
             layer: str, population_layer: str, radius: float, warnings: Warnings) -> tuple[pd.Series, pd.Series]:
    """(exposed people, 'field' / 'estimated') per unit: the field where given, else estimated from the
    population outside each unit's boundary (``boundaries``: the plant's or the unit's own)."""
    unit_ids = units.index.to_numpy(dtype=object)
    exposed = pd.Series(np.nan, index=units.index)
    source = pd.Series(None, index=units.index, dtype=object)
    if fields.exposed:
        given = _exposed_from_field(records, details, fields, layer, warnings).reindex(units.index)
        exposed[given.notna()] = given[given.notna()]
        source[given.notna()] = "field"
    missing = exposed.isna().to_numpy()

    def records_of(chosen: np.ndarray) -> tuple[pd.Index, np.ndarray]:
        rows = details["unit_id"].isin(unit_ids[chosen]).to_numpy()
        return details.index[rows], details["unit_id"].to_numpy()[rows]

    if missing.any() and population is not None:
        no_geometry = missing & pd.isna(pd.Series(boundaries)).to_numpy()
        if no_geometry.any():
            fids, keys = records_of(no_geometry)
            raise InputError(m.UNITS_WITHOUT_GEOMETRY, layer=layer, feature_ids=fids, keys=keys,
                             units=", ".join(unit_ids[no_geometry][:10]))
        if len(population) == 0:
            fids, keys = records_of(missing)
            raise InputError(m.EXPOSED_FROM_EMPTY_POPULATION, layer=layer, feature_ids=fids, keys=keys,
                             field=fields.exposed, units=", ".join(unit_ids[missing][:10]))
        zones = exposure_zones(boundaries[missing], radius)
        estimate = apportion_column(population, population_field, zones, population_layer, warnings)
        exposed[missing] = np.floor(estimate + 0.5)
        source[missing] = "estimated"
    unknown = exposed.isna().to_numpy() & major
    if unknown.any():
        fids, keys = records_of(unknown)
        raise InputError(m.EXPOSED_UNKNOWN, layer=layer, feature_ids=fids, keys=keys, field=fields.exposed,
                         units=", ".join(unit_ids[unknown][:10]))
    return exposed, source


def _boundaries(geometries: gpd.GeoSeries, enterprises: pd.Series, plants: gpd.GeoDataFrame | None,
                plant_id_field: str, plants_layer: str, layer: str,
                warnings: Warnings) -> tuple[np.ndarray, np.ndarray]:
    """(the geometry the 500 m zone lies outside of, 'plant' or 'unit') per unit: the plant polygon of the
    unit's enterprise when there is one, else the unit's own geometry."""
    own = geometries.to_numpy().astype(object)
    boundary = np.full(len(own), UNIT, dtype=object)
    if plants is None or len(plants) == 0 or enterprises.isna().all():
        return own, boundary
    if plant_id_field not in plants.columns:
        raise InputError(m.FIELD_NOT_FOUND, layer=plants_layer, field=plant_id_field,
                         available=", ".join(str(c) for c in plants.columns if c != "geometry"))
    ids = pd.Series(id_strings(plants[plant_id_field]), index=plants.index)
    doubled = ids.notna() & ids.duplicated(keep=False)
    if doubled.any():
        raise InputError(m.DUPLICATE_KEY, layer=plants_layer, feature_ids=plants.index[doubled], field=plant_id_field,
                         keys=ids[doubled], fields=plant_id_field, value=ids[doubled].iloc[0])
    shapes = valid(plants.geometry.to_numpy())
    polygonal = np.array([g is not None and shapely.get_dimensions(g) == 2 and not shapely.is_empty(g)
                          for g in shapes], dtype=bool)
    by_id = pd.Series(shapes, index=ids.to_numpy())[ids.notna().to_numpy() & polygonal]
    wanted = enterprises.notna().to_numpy()
    named = set(enterprises.dropna())
    unknown = sorted(named - set(ids.dropna()))
    if unknown:
        warnings.append(Notice(m.PLANT_NOT_FOUND, layer=layer, count=len(unknown), ids=", ".join(unknown[:10])))
    without = sorted(named & set(ids.dropna()) - set(by_id.index))
    if without and polygonal.any():  # a layer of points is simply not a layer of plant boundaries
        rows = ids.isin(without).to_numpy()
        warnings.append(Notice(m.PLANT_NOT_POLYGON, layer=plants_layer, feature_ids=plants.index[rows],
                               keys=ids[rows], field=plant_id_field, count=len(without)))
    plant = np.array([by_id.get(e) if w else None for e, w in zip(enterprises.to_numpy(), wanted)], dtype=object)
    use = np.array([g is not None for g in plant], dtype=bool)
    own[use] = plant[use]
    boundary[use] = PLANT
    return own, boundary


def _unit_enterprises(records: pd.DataFrame, details: pd.DataFrame, fields: HazardFields, layer: str) -> pd.Series:
    ids = pd.Series(id_strings(records[fields.enterprise]), index=records.index)
    frame = pd.DataFrame({"unit_id": details["unit_id"], "enterprise": ids})
    counts = frame.groupby("unit_id", sort=False)["enterprise"].nunique()
    conflicting = counts.index[counts > 1]
    if len(conflicting):
        rows = frame["unit_id"].isin(conflicting).to_numpy()
        raise InputError(m.UNIT_ENTERPRISES_DIFFER, layer=layer, feature_ids=frame.index[rows],
                         field=fields.enterprise, keys=frame["unit_id"].to_numpy()[rows],
                         units=", ".join(conflicting[:10]))
    return frame.dropna(subset=["enterprise"]).groupby("unit_id", sort=False)["enterprise"].first()
