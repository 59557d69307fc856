"""Road inputs of the reach analysis: speed per road and one-way codes."""
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from .. import messages as m
from .. import network as nw
from ..errors import InputError
from ..ledger.codes import CODE, EMPTY, RECODED, read_codes
from ..standards.fire_stations import DEFAULT_SPEED_KMH, DEFAULT_SPEED_PRESET, SPEED_PRESETS


def road_speeds(count: int, speed_values: Sequence[Any] | None = None, class_values: Sequence[Any] | None = None,
                preset: str = DEFAULT_SPEED_PRESET, default_speed: float = DEFAULT_SPEED_KMH, layer: str = "roads",
                speed_field: str | None = None, fids: npt.ArrayLike | None = None) -> tuple[np.ndarray, dict[str, int]]:
    """Speed (km/h) per road: the speed field when given (must be > 0 where not null), else the
    class's preset speed (when a class field is given; ``SPEED_PRESETS[preset]``), else
    ``default_speed``. Returns (speeds, counts) with counts of roads by origin ("field",
    "class", "default"). Raises InputError naming ``layer``, the features (``fids``) and
    ``speed_field`` for text or a speed ≤ 0."""
    n = int(count)
    ids = np.arange(n) if fids is None else np.asarray(fids)
    if not (default_speed and default_speed > 0 and np.isfinite(default_speed)):
        raise InputError(m.OPTION_POSITIVE, option="DEFAULT_SPEED", unit=" km/h", value=default_speed)
    speeds = np.full(n, np.nan)
    origin = np.full(n, "default", dtype=object)
    if speed_values is not None:
        raw = np.asarray(speed_values, dtype=object)
        if set(map(type, raw)) <= {float, int, type(None)}:  # a numeric field: no text (the usual case)
            values = np.array(raw, dtype=np.float64)  # None -> NaN
            text = np.zeros(len(raw), dtype=bool)
        else:
            values = np.array([_number(v) for v in raw], dtype=np.float64)
            text = np.array([v is not None and not (isinstance(v, float) and np.isnan(v)) and np.isnan(_number(v))
                             for v in raw], dtype=bool)
        if text.any():
            raise InputError(m.SPEED_NOT_NUMBER, layer=layer, feature_ids=ids[text], field=speed_field)
        infinite = np.isinf(values)
        if infinite.any():
            raise InputError(m.SPEED_NOT_NUMBER, layer=layer, feature_ids=ids[infinite], field=speed_field)
        bad = np.isfinite(values) & (values <= 0)
        if bad.any():
            raise InputError(m.SPEED_NOT_POSITIVE, layer=layer, feature_ids=ids[bad], field=speed_field)
        ok = np.isfinite(values)
        speeds[ok], origin[ok] = values[ok], "field"
    if class_values is not None and np.isnan(speeds).any():
        table = SPEED_PRESETS[preset]
        recoded = read_codes("roads", "class", np.asarray(class_values, dtype=object))
        cls = np.array([table.speeds_kmh.get(code, table.other_kmh) for code in recoded.codes], dtype=np.float64)
        cls[recoded.status == EMPTY] = np.nan
        use = np.isnan(speeds) & np.isfinite(cls)
        speeds[use], origin[use] = cls[use], "class"
    rest = np.isnan(speeds)
    speeds[rest] = default_speed
    counts = {k: int((origin == k).sum()) for k in ("field", "class", "default")}
    return speeds, counts


def _number(value: Any) -> float:
    """The value as a float; NaN for None and for what does not read as a number."""
    if value is None:
        return np.nan
    try:
        return float(value)
    except (TypeError, ValueError):
        return np.nan


def direction_codes(values: Sequence[Any], value_forward: Any = "forward", value_backward: Any = "backward",
                    value_both: Any = "both") -> tuple[np.ndarray, int]:
    """network.FORWARD/BACKWARD/BOTH per road from the direction field; (codes, unknown count).
    Values are read through the code table (双向/单行/是/否, OSM yes/-1/no, ESRI FT/TF …); the given
    ``value_*`` words (a layer's own coding, e.g. 1/-1/0) win over it. Empty, ambiguous or unknown
    values mean both directions (as QGIS's default direction) and are counted."""
    own = {value_forward: "forward", value_backward: "backward", value_both: "both"}
    extra = {str(v): code for v, code in own.items() if str(v).strip() != code}
    recoded = read_codes("roads", "oneway", np.asarray(values, dtype=object), extra=extra)
    codes = np.zeros(len(recoded.codes), dtype=np.int8)
    codes[recoded.codes == "forward"] = nw.FORWARD
    codes[recoded.codes == "backward"] = nw.BACKWARD
    known = np.isin(recoded.status, (CODE, RECODED))
    return codes, int((~known).sum())
