"""A road's speed (km/h) for the network analyses, and which roads fire engines do not use.

Per road, the first that applies: the speed field (a fire-engine speed the planner gives, > 0);
a parseable maxspeed (``maxspeed``) × the table's maxspeed factor; the speed of its class in the
speed table (``core.standards.road_speeds``); DEFAULT_SPEED. A road whose class has speed 0 in
the table — or whose class is not listed (or empty) when the table has no ``(other)`` speed — is
left out of the network, whatever its speed fields say.

Class values match a table row by the row's key, aliases and labels (NFKC, case and spaces
ignored), then through the one code table (``core.ledger``): Chinese labels and codes read as
``class_cn`` codes (一级公路, 国道, 1 … → hw_class1, admin_national …) and as the schema's English
classes (高速公路, motorway → expressway …), whichever the table lists as a key or an alias.
"""
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from .. import messages as m
from ..errors import InputError
from ..ledger.text import normalise_value
from ..standards.road_speeds import DEFAULT_SPEED_KMH, OTHER_ROW, SPEED_PRESETS, SpeedPreset
from .maxspeed import MaxSpeeds, parse_maxspeed

FIELD, MAXSPEED, CLASS, DEFAULT, LEFT_OUT = "field", "maxspeed", "class", "default", "left_out"
ORIGINS = (FIELD, MAXSPEED, CLASS, DEFAULT, LEFT_OUT)


@dataclass(frozen=True)
class ClassSpeeds:
    """Per road: the class's speed (NaN: no class — DEFAULT_SPEED applies), the table row it
    matched (``keys``; None: empty, ``(other)``: not listed) and whether the table leaves the road
    out. The rows are kept as ``row_code`` per road into the few distinct ``rows``."""

    speeds: np.ndarray
    row_code: np.ndarray
    rows: np.ndarray
    left_out: np.ndarray

    @property
    def keys(self) -> np.ndarray:
        return self.rows[self.row_code]


@dataclass(frozen=True)
class RoadSpeeds:
    """Speeds (km/h; NaN for roads left out), where each came from (``origin_code``: index into
    ``ORIGINS``), the class row each road matched (``class_code`` into ``class_rows``; -1: none),
    the maxspeed reading and the table used. Codes, not text per road: a million roads are counted
    and compared in a few array passes."""

    speeds: np.ndarray
    origin_code: np.ndarray
    class_code: np.ndarray
    class_rows: np.ndarray
    maxspeed: MaxSpeeds | None
    preset: SpeedPreset
    default_speed: float
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def origin(self) -> np.ndarray:
        """Where each road's speed came from, by name (``ORIGINS``)."""
        return np.array(ORIGINS, dtype=object)[self.origin_code]

    @property
    def kept(self) -> np.ndarray:
        return self.origin_code != _CODE[LEFT_OUT]

    def used(self) -> list[tuple[str, str, float, int]]:
        """(origin, class key or "", km/h, roads) for every speed used: class speeds by class, the
        others by value; left-out roads by class with km/h 0. Most roads first within an origin."""
        import pandas as pd

        by_class = np.isin(self.origin_code, [_CODE[CLASS], _CODE[LEFT_OUT]])
        key_code = np.where(by_class, self.class_code, -1) + 1  # other origins count by speed alone
        names = [""] + [str(k) for k in self.class_rows]
        speeds = np.where(np.isnan(self.speeds), 0.0, np.round(self.speeds, 6))
        speed_code, distinct_speeds = pd.factorize(speeds)
        combined = (self.origin_code.astype(np.int64) * len(names) + key_code) * len(distinct_speeds) + speed_code
        groups, counts = np.unique(combined, return_counts=True)
        rest, speed_at = np.divmod(groups, len(distinct_speeds))
        origin_at, key_at = np.divmod(rest, len(names))
        rows: dict[str, list[tuple[str, float, int]]] = {}
        for o, k, v, count in zip(origin_at.tolist(), key_at.tolist(), speed_at.tolist(), counts.tolist()):
            rows.setdefault(ORIGINS[o], []).append((names[k], float(distinct_speeds[v]), count))
        return [(origin, key, speed, count) for origin in ORIGINS
                for key, speed, count in sorted(rows.get(origin, []), key=lambda row: (-row[2], row[0], row[1]))]


_CODE = {origin: np.int8(i) for i, origin in enumerate(ORIGINS)}


def _preset(preset: str | SpeedPreset) -> SpeedPreset:
    return SPEED_PRESETS[preset] if isinstance(preset, str) else preset


def _match(keys: np.ndarray, table: SpeedPreset) -> np.ndarray:
    """The table row (class key) of each normalised class value; OTHER_ROW when none matches."""
    from ..ledger.codes import read_codes

    own = {normalise_value(k): k for k in table.speeds_kmh}
    own.update({normalise_value(alias): key for alias, key in table.aliases.items()})
    matched = np.array([own.get(k, OTHER_ROW) for k in keys], dtype=object)
    for code_field in ("class_cn", "class"):
        rest = matched == OTHER_ROW
        if not rest.any():
            break
        codes = read_codes("roads", code_field, keys[rest]).codes
        matched[np.flatnonzero(rest)] = [own.get(normalise_value(c), OTHER_ROW) if c else OTHER_ROW for c in codes]
    return matched


def _normalised(raw: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(code per value, the distinct normalised values): ``normalise_value`` computed once per distinct
    value (a million roads have a few classes) when the values are all text or all numbers (equal values
    then normalise alike)."""
    import pandas as pd

    if pd.api.types.infer_dtype(raw, skipna=True) not in ("string", "integer", "floating", "mixed-integer-float",
                                                          "empty"):
        normalised = np.array([normalise_value(v) for v in raw], dtype=object)
        distinct, codes = np.unique(normalised, return_inverse=True) if len(raw) else (normalised, np.zeros(0, int))
        return codes, distinct
    codes, distinct = pd.factorize(pd.Series(raw, dtype=object))  # None and NaN: code -1 (normalised: "")
    normalised = np.array([normalise_value(v) for v in distinct] + [""], dtype=object)
    unique, inverse = np.unique(normalised, return_inverse=True)
    return inverse[codes], unique


def class_speeds(values: Sequence[Any] | npt.ArrayLike, preset: str | SpeedPreset) -> ClassSpeeds:
    """Speed, row and left-out flag per road from its class value (see module doc)."""
    table = _preset(preset)
    raw = np.asarray(values, dtype=object).ravel()
    inverse, unique = _normalised(raw)
    rows = _match(unique, table)
    rows[unique == ""] = None
    other = table.other_kmh
    speed = np.array([np.nan if r is None else (table.speeds_kmh[r] if r != OTHER_ROW else (other or 0.0))
                      for r in rows], dtype=np.float64)
    left = np.array([(r is None and other is None) or (r is not None and (speed[i] <= 0))
                     for i, r in enumerate(rows)], dtype=bool)
    speed[left] = np.nan
    return ClassSpeeds(speed[inverse], inverse, rows, left[inverse])


def _speed_field(values: Sequence[Any], layer: str, speed_field: str | None, ids: np.ndarray) -> np.ndarray:
    """The speed field as floats (NaN where empty); text that is not a number and speeds ≤ 0
    are InputErrors."""
    from ..values import parse_numbers

    numeric = isinstance(values, np.ndarray) and values.dtype.kind in "biuf"
    parsed = parse_numbers(values if numeric else np.asarray(values, dtype=object))
    speeds = parsed.values
    not_number = parsed.invalid | np.isinf(speeds)
    if not_number.any():
        raise InputError(m.SPEED_NOT_NUMBER, layer=layer, feature_ids=ids[not_number], field=speed_field)
    bad = np.isfinite(speeds) & (speeds <= 0)
    if bad.any():
        raise InputError(m.SPEED_NOT_POSITIVE, layer=layer, feature_ids=ids[bad], field=speed_field)
    return speeds


def road_speeds(count: int, speed_values: Sequence[Any] | None = None, class_values: Sequence[Any] | None = None,
                preset: str | SpeedPreset = "urban_60_50_40", default_speed: float = DEFAULT_SPEED_KMH,
                layer: str = "roads", speed_field: str | None = None, fids: npt.ArrayLike | None = None,
                maxspeed_values: Sequence[Any] | None = None) -> RoadSpeeds:
    """Speed per road (see module doc). Raises InputError naming ``layer``, the features
    (``fids``) and ``speed_field`` for a speed that is text or ≤ 0."""
    n = int(count)
    ids = np.arange(n) if fids is None else np.asarray(fids)
    if not (default_speed and default_speed > 0 and np.isfinite(default_speed)):
        raise InputError(m.OPTION_POSITIVE, option="DEFAULT_SPEED", unit=" km/h", value=default_speed)
    table = _preset(preset)
    speeds = np.full(n, np.nan)
    origin = np.full(n, _CODE[DEFAULT], dtype=np.int8)
    if speed_values is not None:
        given = _speed_field(speed_values, layer, speed_field, ids)
        ok = np.isfinite(given)
        speeds[ok], origin[ok] = given[ok], _CODE[FIELD]
    limits = None
    if maxspeed_values is not None:
        limits = parse_maxspeed(maxspeed_values)
        use = np.isnan(speeds) & np.isfinite(limits.kmh)
        speeds[use], origin[use] = limits.kmh[use] * table.maxspeed_factor, _CODE[MAXSPEED]
    class_code, class_rows = np.full(n, -1, dtype=np.int64), np.zeros(0, dtype=object)
    if class_values is not None:
        by_class = class_speeds(class_values, table)
        class_code, class_rows = by_class.row_code, by_class.rows
        use = np.isnan(speeds) & np.isfinite(by_class.speeds)
        speeds[use], origin[use] = by_class.speeds[use], _CODE[CLASS]
        origin[by_class.left_out] = _CODE[LEFT_OUT]
    left_out = origin == _CODE[LEFT_OUT]
    speeds[np.isnan(speeds) & ~left_out] = default_speed
    speeds[left_out] = np.nan
    tally = np.bincount(origin, minlength=len(ORIGINS))
    counts = {k: int(tally[i]) for i, k in enumerate(ORIGINS)}
    return RoadSpeeds(speeds, origin, class_code, class_rows, limits, table, float(default_speed), counts)
