"""Natural-hazard sites and zones as risk sources of the four-colour map: each gets a risk level 1..4 from
its 险情等级, its threat (威胁人数, 威胁财产) or a zone's 风险等级, through a named preset
(``core.standards.natural_hazards.LEVEL_PRESETS``).

Grading a threat (``danger_grades``): the 险情 grade whose lower bound the threatened people or the potential
loss (万元) reaches — the more severe of the two (国家突发地质灾害应急预案: "…人以上或…万元以上"); a lower
bound belongs to its grade (1000 people is 特大型). A site with neither value has no threat grade.

Values are read through the one code table (``core.ledger``): codes (``large``) or the labels bureaus write
(大型, II级, 中型险情 …). A value the table does not know is an InputError naming the feature and field; a
site with no reading the preset accepts is one too.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from . import messages as m
from .errors import InputError, Notice, Warnings
from .ledger.codes import AMBIGUOUS, UNKNOWN, recode
from .standards.natural_hazards import (DANGER_GRADE_CODES, DANGER_GRADES, FROM_RISK_GRADE, FROM_THREAT,
                                        LEVEL_PRESET_BY_NAME, RECORDED, RISK_GRADE_CODES, LevelPreset)
from .values import parse_numbers

KIND = "natural_hazards"
FIELDS = {RECORDED: "danger_level", FROM_RISK_GRADE: "risk_grade"}  # the schema's fields of the readings
THREAT_FIELDS = ("threatened", "property_10k")
ALLOWED = {"danger_level": DANGER_GRADE_CODES, "risk_grade": RISK_GRADE_CODES}  # the codes a message lists


def danger_grades(people: npt.ArrayLike, loss_10k: npt.ArrayLike) -> np.ndarray:
    """The 险情 grade code of each site from its threatened people and potential loss (万元); None where
    both are unknown (NaN)."""
    people = np.asarray(people, dtype=np.float64)
    loss = np.asarray(loss_10k, dtype=np.float64)
    grades = np.full(len(people), None, dtype=object)
    known = ~np.isnan(people) | ~np.isnan(loss)
    grades[known] = DANGER_GRADES[-1].code  # a known threat below every bound: the least grade
    for grade in reversed(DANGER_GRADES[:-1]):  # then more severe grades overwrite
        reached = (people >= grade.min_people) | (loss >= grade.min_loss_10k)
        grades[reached] = grade.code
    return grades


def _codes(values: Sequence[Any], field: str, layer: str, fids: np.ndarray) -> np.ndarray:
    """The column's codes (None where empty); unknown or ambiguous labels are InputErrors."""
    recoded = recode(KIND, field, values)
    bad = np.isin(recoded.status, (UNKNOWN, AMBIGUOUS))
    if bad.any():
        shown = sorted({str(v) for v in np.asarray(values, dtype=object)[bad]})[:5]
        raise InputError(m.UNKNOWN_CODE, layer=layer, feature_ids=fids[bad], field=field, value=", ".join(shown),
                         allowed=", ".join(ALLOWED[field]))
    return recoded.codes


def _numbers(values: Sequence[Any] | None, n: int, field: str, layer: str, fids: np.ndarray) -> np.ndarray:
    if values is None:
        return np.full(n, np.nan)
    parsed = parse_numbers(values)
    if parsed.invalid.any():
        first = np.asarray(values, dtype=object)[parsed.invalid][0]
        raise InputError(m.NOT_A_NUMBER, layer=layer, feature_ids=fids[parsed.invalid], field=field, value=first)
    negative = parsed.values < 0
    if negative.any():
        raise InputError(m.NEGATIVE, layer=layer, feature_ids=fids[negative], field=field,
                         value=float(parsed.values[negative][0]))
    return parsed.values


def hazard_levels(columns: dict[str, Sequence[Any]], n: int, preset: str | LevelPreset = "danger_grade",
                  layer: str = "natural_hazards", fids: npt.ArrayLike | None = None) -> tuple[np.ndarray, ...]:
    """(risk level 1..4, grade code, where it came from: RECORDED / FROM_THREAT / FROM_RISK_GRADE) per site.

    ``columns``: the layer's fields by schema name (danger_level, risk_grade, threatened, property_10k;
    missing ones are simply not used); ``n``: the number of sites; ``fids``: feature ids for messages."""
    preset = LEVEL_PRESET_BY_NAME[preset] if isinstance(preset, str) else preset
    ids = np.arange(n) if fids is None else np.asarray(fids)
    readings: dict[str, np.ndarray] = {}
    for reading in preset.order:
        if reading == FROM_THREAT:
            people, loss = (_numbers(columns.get(f), n, f, layer, ids) for f in THREAT_FIELDS)
            readings[reading] = danger_grades(people, loss)
        elif FIELDS[reading] in columns:
            readings[reading] = _codes(columns[FIELDS[reading]], FIELDS[reading], layer, ids)
        else:
            readings[reading] = np.full(n, None, dtype=object)
    grade = np.full(n, None, dtype=object)
    origin = np.full(n, None, dtype=object)
    for reading in reversed(preset.order):  # the first reading with a value wins: apply it last
        given = np.array([v is not None for v in readings[reading]], dtype=bool)
        grade[given], origin[given] = readings[reading][given], reading
    missing = np.array([g is None for g in grade], dtype=bool)
    if missing.any():
        needs = " or ".join(FIELDS.get(r, "/".join(THREAT_FIELDS)) for r in preset.order)
        raise InputError(m.NO_HAZARD_GRADE, layer=layer, feature_ids=ids[missing], field=FIELDS.get(preset.order[0]),
                         preset=preset.name, needs=needs)
    levels = np.array([preset.levels[g] for g in grade], dtype=int)
    return levels, grade, origin


def natural_hazard_sources(gdf: Any, layer: str, id_field: str | None = None, preset: str = "danger_grade",
                           warnings: Warnings | None = None) -> tuple[Any, dict[str, int]]:
    """The sites and zones of a natural-hazard layer (a GeoDataFrame with the schema's fields) as risk sources
    of the four-colour map (``core.four_colour.Sources``, layer ``natural_hazards``), and how many levels came
    from each reading ({RECORDED: n, FROM_THREAT: n, FROM_RISK_GRADE: n}). Features without geometry are
    skipped with a warning."""
    import shapely

    from .four_colour import Sources
    from .values import id_strings

    warnings = [] if warnings is None else warnings
    fids = gdf.index.to_numpy()
    columns = {name: gdf[name].to_numpy(dtype=object) for name in (*FIELDS.values(), *THREAT_FIELDS)
               if name in gdf.columns}
    levels, _grades, origin = hazard_levels(columns, len(gdf), preset, layer, fids)
    geoms = gdf.geometry.to_numpy()
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    if missing.any():
        warnings.append(Notice(m.SOURCES_WITHOUT_GEOMETRY, layer=layer, feature_ids=fids[missing]))
    if id_field:
        if id_field not in gdf.columns:
            raise InputError(m.FIELD_NOT_FOUND, layer=layer, field=id_field, available=", ".join(map(str, gdf.columns)))
        ids = id_strings(gdf[id_field])
        ids = np.where([i is None for i in ids], gdf.index.astype(str).to_numpy(dtype=object), ids)
    else:
        ids = gdf.index.astype(str).to_numpy(dtype=object)
    keep = ~missing
    counts = {reading: int((origin[keep] == reading).sum()) for reading in (RECORDED, FROM_THREAT, FROM_RISK_GRADE)}
    return Sources(geoms[keep], levels[keep], np.asarray(ids, dtype=object)[keep],
                   np.full(int(keep.sum()), KIND, dtype=object)), counts
