"""Fire-station reach (moved from core/fire_reach.py; split by concern next)."""
from .analysis import (ALGORITHM_NOTE, CLASS_ALIASES, CLASS_LIMIT_BY_CODE, DEFAULT_SPEED_PRESET,  # noqa: F401
                       SPEED_PRESETS, STATION_CLASS_LIMITS, TIME_RULE_MIN, TURNOUT_CONVENTION_MIN, ReachOptions,
                       ReachResult, SpeedPreset, StationClassLimit, _edges_frame, _EMPTY, _Grid, _group_sums, _number,
                       _rectangles, class_limit_km2, direction_codes, fire_station_reach, normalise_class, road_speeds)
