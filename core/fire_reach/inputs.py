"""Road inputs of the reach analysis: speed per road and one-way codes."""
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from .. import roads
from ..standards.road_speeds import DEFAULT_SPEED_KMH, DEFAULT_SPEED_PRESET, SpeedPreset


def road_speeds(count: int, speed_values: Sequence[Any] | None = None, class_values: Sequence[Any] | None = None,
                preset: str | SpeedPreset = DEFAULT_SPEED_PRESET, default_speed: float = DEFAULT_SPEED_KMH,
                layer: str = "roads", speed_field: str | None = None, fids: npt.ArrayLike | None = None,
                maxspeed_values: Sequence[Any] | None = None) -> tuple[np.ndarray, dict[str, int]]:
    """Speed (km/h) per road and the counts of roads by where it came from ("field", "maxspeed",
    "class", "default", "left_out"; NaN speed for roads left out): ``core.roads.road_speeds``,
    whose result (with the speeds used per class) callers that report speeds take directly."""
    result = roads.road_speeds(count, speed_values, class_values, preset, default_speed, layer, speed_field, fids,
                               maxspeed_values)
    return result.speeds, result.counts


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
    Each ``value_*`` may be a list ("yes;1;true;是;单行"); values in no list are read through the
    code table; empty or unknown values mean both directions (QGIS's default):
    ``core.roads.read_directions``, which also counts reversible roads."""
    directions = roads.read_directions(values, value_forward, value_backward, value_both)
    return directions.codes, directions.unknown
