"""Fire-station standards as data: the 5-minute rule, district-area limits by station class,
and the speed presets by road class.

Sources:
* 建标152-2017《城市消防站建设标准》第十四条 and GB 51080-2015《城市消防规划规范》§4.1: a station
  should reach the edge of its district within 5 min of the dispatch order (conventionally
  1 min turnout + 4 min driving). District area: 一级普通站 ≤ 7 km², 二级普通站 ≤ 4 km²,
  小型普通站 ≤ 2 km², a station on the city's edge/suburbs (郊区) ≤ 15 km²; 特勤站 with a
  district as 一级 (7 km²). A district of exactly the limit respects it (≤).
* No design speed is standardised for fire engines: speeds by road class are named presets.
"""
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class StationClassLimit:
    code: str  # a station class (the ``class`` field's codes), or SUBURBAN
    name_zh: str
    name_en: str
    max_district_km2: float
    source: str


STATION_CLASS_LIMITS = (
    StationClassLimit("special", "特勤消防站", "Special service station", 7.0,
                      "建标152-2017 第十四条: 特勤站兼有辖区任务的，辖区面积同一级普通消防站"),
    StationClassLimit("class1", "一级普通消防站", "Class 1 station", 7.0,
                      "建标152-2017 第十四条; GB 51080-2015 §4.1: 一级普通消防站辖区面积不宜大于7 km²"),
    StationClassLimit("class2", "二级普通消防站", "Class 2 station", 4.0,
                      "建标152-2017 第十四条: 二级普通消防站不宜大于4 km²"),
    StationClassLimit("small", "小型普通消防站", "Small station", 2.0,
                      "建标152-2017 第十四条: 小型普通消防站不宜大于2 km²"),
    StationClassLimit("suburban", "郊区普通消防站", "Suburban station", 15.0,
                      "建标152-2017 第十四条; GB 51080-2015 §4.1: 设在近郊区/城市边缘的普通消防站不应大于15 km²"),
)
SUBURBAN = "suburban"  # not a class: the limit of a station flagged suburban, whatever its class
CLASS_LIMIT_BY_CODE = {c.code: c for c in STATION_CLASS_LIMITS}
STATION_CLASSES = tuple(c.code for c in STATION_CLASS_LIMITS if c.code != SUBURBAN)  # the class field's codes
# a planned station given without a class (the full assessment's PROPOSED_STATIONS, e.g. fire-station siting's sites):
# 一级普通消防站, the station 建标152-2017 plans for an urban district (a plugin choice, written in the help)
PLANNED_STATION_CLASS = "class1"
TIME_RULE_MIN = 5.0  # 建标152-2017 第十四条: 5 min from the dispatch order to the district's edge
TURNOUT_CONVENTION_MIN = 1.0  # conventional turnout (出动) time: 1 min + 4 min driving
ACCESS_DISTANCE_M = 200.0  # land within this distance of a reached road counts as reached (a project choice)
SNAP_TOLERANCE_M = 500.0  # a station farther than this from every road is left out (and listed)
BAND_MIN = 1.0  # width of the time bands of the reached roads (OUTPUT_EDGES_BANDS; a project choice)


def class_limit_km2(code: Any, suburban: bool = False) -> float | None:
    """Largest district area (km²) for a station class code (``STATION_CLASSES``, or "suburban");
    a suburban station: 15 km². Values as ledgers write them (一级站, 特勤消防站 …) are read into
    codes by the code table first (``core.ledger``; ``core.fire_reach.class_limits``)."""
    if suburban:
        return CLASS_LIMIT_BY_CODE[SUBURBAN].max_district_km2
    entry = CLASS_LIMIT_BY_CODE.get(code) if isinstance(code, str) else None
    return entry.max_district_km2 if entry else None


ROAD_CLASSES = ("expressway", "trunk", "primary", "secondary", "tertiary", "local")  # the roads' class field
ROAD_CLASS_NAMES_ZH = {"expressway": "高速", "trunk": "干线", "primary": "主干", "secondary": "次干",
                       "tertiary": "支路", "local": "地方道路"}  # as the help names them in Chinese
ROAD_CLASS_NAMES_EN = {"expressway": "Expressway", "trunk": "Trunk road", "primary": "Primary road",
                       "secondary": "Secondary road", "tertiary": "Tertiary road", "local": "Local road"}


# speeds by road class: the SPEED_PRESET tables (road_speeds), imported here where they always were
from .road_speeds import (DEFAULT_SPEED_KMH, DEFAULT_SPEED_PRESET, FIRE_ENGINE_FACTOR, SPEED_PRESETS,  # noqa: E402,F401
                          SpeedPreset)
