"""Enterprise risk scores (LEC or a 5×5 risk matrix) classed into the four levels by named cut sets,
then raised to the level of any graded hazard unit the enterprise owns (就高: the higher risk wins).

LEC (作业条件危险性评价法, Graham–Kinney): D = L · E · C with L likelihood (0.1 … 10), E exposure
frequency (0.5 … 10), C consequence (1 … 100). Risk matrix: R = likelihood × severity, both integers
1–5 (R in 1 … 25). The cut sets (``lec_320_160_70``, ``lec_160_70_20``, ``matrix_5x5_20_15_9``,
``matrix_5x5_15_8_4``) are named presets in ``core.standards.risk_presets``.

Boundary rule of every cut set: a level's lower bound is included (D = 320 is level 1 in
``lec_320_160_70``; R = 15 is level 2 in ``matrix_5x5_20_15_9``).
"""
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import pandas as pd

from . import messages as m
from .errors import InputError, Notice, Warnings
from .values import id_strings, parse_numbers
from .standards.risk_levels import LOWEST_RISK, risk_attributes
from .standards.risk_presets import (  # noqa: F401 (re-exported)
    CUT_SET_BY_NAME, CUT_SETS, DEFAULT_CUT_SET, LEC, LEC_C_VALUES, LEC_E_VALUES, LEC_L_VALUES, MATRIX, MATRIX_RANGE,
    CutSet)


def levels_for(scores: npt.ArrayLike, cut_set: CutSet) -> np.ndarray:
    """Risk level 1..4 for an array of scores under ``cut_set`` (lower bounds included)."""
    scores = np.round(np.asarray(scores, dtype=float), 9)
    levels = np.full(scores.shape, LOWEST_RISK, dtype=int)
    for level in (3, 2, 1):
        levels[scores >= cut_set.cuts[level - 1]] = level
    return levels


@dataclass
class EnterpriseResult:
    """``enterprise_risk``'s result: the added columns, warnings and the cut set used."""

    table: pd.DataFrame  # indexed like the input: the added columns
    warnings: Warnings = field(default_factory=list)
    cut_set: CutSet | None = None


def _require(frame: pd.DataFrame, name: str, layer: str) -> None:
    if name not in frame.columns:
        raise InputError(m.FIELD_NOT_FOUND, layer=layer, field=name,
                         available=", ".join(str(c) for c in frame.columns if c != "geometry"))


def _numbers(frame: pd.DataFrame, name: str, layer: str, empty_template: str, factor: str) -> np.ndarray:
    _require(frame, name, layer)
    parsed = parse_numbers(frame[name])
    empty = ~parsed.known | ~np.isfinite(np.nan_to_num(parsed.values, nan=0.0))
    if empty.any():
        raise InputError(empty_template, layer=layer, feature_ids=frame.index[empty], field=name, factor=factor)
    return parsed.values


def lec_scores(frame: pd.DataFrame, l_field: str, e_field: str, c_field: str, layer: str = "enterprises",
               warnings: Warnings | None = None) -> np.ndarray:
    """D = L·E·C per feature; values must be positive; values outside the LEC tables are warned about."""
    warnings = [] if warnings is None else warnings
    parts = []
    for name, table, factor in ((l_field, LEC_L_VALUES, "L"), (e_field, LEC_E_VALUES, "E"),
                                (c_field, LEC_C_VALUES, "C")):
        values = _numbers(frame, name, layer, m.LEC_EMPTY, factor)
        if (values <= 0).any():
            raise InputError(m.LEC_NOT_POSITIVE, layer=layer, feature_ids=frame.index[values <= 0], field=name,
                             factor=factor)
        off_table = ~np.isclose(values[:, None], np.asarray(table, dtype=float)[None, :]).any(axis=1)
        if off_table.any():
            warnings.append(Notice(m.LEC_OFF_TABLE, layer=layer, feature_ids=frame.index[off_table], field=name,
                                   factor=factor, values=", ".join(map(str, table))))
        parts.append(values)
    return parts[0] * parts[1] * parts[2]


def matrix_scores(frame: pd.DataFrame, likelihood_field: str, severity_field: str,
                  layer: str = "enterprises") -> np.ndarray:
    """R = likelihood × severity per feature; both must be whole numbers 1–5."""
    parts = []
    low, high = MATRIX_RANGE
    for name, factor in ((likelihood_field, "likelihood"), (severity_field, "severity")):
        values = _numbers(frame, name, layer, m.MATRIX_EMPTY, factor)
        bad = (values < low) | (values > high) | (values % 1 != 0)
        if bad.any():
            raise InputError(m.MATRIX_RANGE, layer=layer, feature_ids=frame.index[bad], field=name, factor=factor,
                             low=low, high=high)
        parts.append(values)
    return parts[0] * parts[1]


def hazard_unit_levels(units: pd.DataFrame, enterprise_field: str, level_field: str = "risk_level",
                       unit_field: str = "unit_id", layer: str = "hazard units",
                       warnings: Warnings | None = None) -> pd.DataFrame:
    """Per enterprise id: the highest risk (lowest level number) of its units and that unit's id
    (DataFrame indexed by enterprise id with columns hazard_level, hazard_unit_id)."""
    warnings = [] if warnings is None else warnings
    for name in (enterprise_field, level_field):
        _require(units, name, layer)
    levels = pd.to_numeric(units[level_field], errors="coerce")
    bad = levels.isna() | ~levels.isin([1, 2, 3, 4])
    if bad.any():
        raise InputError(m.RISK_LEVEL_RANGE, layer=layer, feature_ids=units.index[bad], field=level_field)
    owners = id_strings(units[enterprise_field])
    unit_ids = (id_strings(units[unit_field]) if unit_field in units.columns
                else np.asarray([str(i) for i in units.index], dtype=object))
    frame = pd.DataFrame({"enterprise": owners, "level": levels.to_numpy(dtype=int), "unit": unit_ids})
    orphans = frame["enterprise"].isna()
    if orphans.any():
        warnings.append(Notice(m.UNITS_WITHOUT_ENTERPRISE, layer=layer, feature_ids=units.index[orphans.to_numpy()],
                               field=enterprise_field, keys=unit_ids[orphans.to_numpy()]))
    frame = frame[~orphans].sort_values(["enterprise", "level", "unit"], kind="stable")
    best = frame.drop_duplicates("enterprise").set_index("enterprise")
    return best.rename(columns={"level": "hazard_level", "unit": "hazard_unit_id"})


def enterprise_risk(enterprises: pd.DataFrame, id_field: str, method: str, cut_set_name: str | None = None,
                    lec_fields: Sequence[str] | None = None, matrix_fields: Sequence[str] | None = None,
                    units: pd.DataFrame | None = None, unit_enterprise_field: str = "enterprise_id",
                    unit_level_field: str = "risk_level", unit_id_field: str = "unit_id", layer: str = "enterprises",
                    units_layer: str = "hazard units") -> EnterpriseResult:
    """Score and class every enterprise; with ``units`` (graded hazard units) raise each enterprise to
    the level of its highest-risk unit. Returns an EnterpriseResult whose table has risk_score,
    score_level, hazard_level, hazard_unit_id, risk_level, labels, colour, level_source, risk_method,
    risk_preset."""
    warnings: Warnings = []
    cut_set = CUT_SET_BY_NAME[cut_set_name or DEFAULT_CUT_SET[method]]
    if cut_set.method != method:
        raise InputError(m.PRESET_OF_OTHER_METHOD, preset=cut_set.name, preset_method=cut_set.method.upper(),
                         method=method.upper())
    _require(enterprises, id_field, layer)
    ids = id_strings(enterprises[id_field])
    if method == LEC:
        if lec_fields is None:
            raise InputError(m.NEEDS_FIELDS, method="LEC", fields="L, E, C")
        l_field, e_field, c_field = lec_fields
        scores = lec_scores(enterprises, l_field, e_field, c_field, layer=layer, warnings=warnings)
    else:
        if matrix_fields is None:
            raise InputError(m.NEEDS_FIELDS, method="matrix", fields="likelihood, severity")
        likelihood_field, severity_field = matrix_fields
        scores = matrix_scores(enterprises, likelihood_field, severity_field, layer=layer)
    score_level = levels_for(scores, cut_set)

    hazard_level = np.full(len(enterprises), np.nan)
    hazard_unit = np.full(len(enterprises), None, dtype=object)
    if units is not None:
        id_series = pd.Series(ids, index=enterprises.index)
        empty = id_series.isna()
        if empty.any():
            raise InputError(m.ENTERPRISE_ID_EMPTY, layer=layer, feature_ids=enterprises.index[empty], field=id_field)
        duplicated = id_series.duplicated(keep=False)
        if duplicated.any():
            raise InputError(m.ENTERPRISE_ID_NOT_UNIQUE, layer=layer, feature_ids=enterprises.index[duplicated],
                             field=id_field, keys=id_series[duplicated])
        best = hazard_unit_levels(units, unit_enterprise_field, unit_level_field, unit_id_field, units_layer,
                                  warnings)
        unmatched = best.index.difference(pd.Index(ids))
        if len(unmatched):
            warnings.append(Notice(m.UNITS_OF_UNKNOWN_ENTERPRISES, layer=units_layer, field=unit_enterprise_field,
                                   count=len(unmatched), ids=", ".join(unmatched[:10]), enterprises=layer))
        matched = best.reindex(ids)
        hazard_level = matched["hazard_level"].to_numpy(dtype=float)
        unit_ids = matched["hazard_unit_id"].astype(object)
        hazard_unit = unit_ids.where(unit_ids.notna(), None).to_numpy(dtype=object)

    raised = ~np.isnan(hazard_level) & (np.nan_to_num(hazard_level, nan=9) < score_level)
    final = np.where(raised, np.nan_to_num(hazard_level, nan=9), score_level).astype(int)
    table = pd.DataFrame({"risk_score": scores, "score_level": score_level, "hazard_level": hazard_level,
                          "hazard_unit_id": hazard_unit}, index=enterprises.index)
    for name, values in risk_attributes(final).items():
        table[name] = values
    table["level_source"] = np.where(raised, "hazard_unit", "score")
    table["risk_method"] = method
    table["risk_preset"] = cut_set.name
    return EnterpriseResult(table, warnings, cut_set)
