"""Coordinates as bureaus hold them: web-map offsets, text angles, swapped columns, strays.

* ``offsets`` — GCJ-02 (AMap, Tencent) and BD-09 (Baidu) to and from WGS84, vectorised.
* ``angles`` — degrees from text: decimals and 度分秒 / DMS in ASCII, Chinese or full-width
  spelling, with hemisphere letters and signs.
* ``lonlat`` — points from one or two coordinate columns, swapped lon/lat detection, points
  outside a study area.

Pure numpy/shapely: no qgis or Qt import.
"""
from .angles import ParsedAngles, parse_angles
from .lonlat import (ParsedPoints, SwapCheck, detect_swapped_lonlat, parse_coordinates, points_outside,
                     split_coordinate_pairs)
from .offsets import (COORDINATE_SYSTEMS, bd09_to_gcj02, bd09_to_wgs84, gcj02_to_bd09, gcj02_to_wgs84,
                      in_gcj02_area, to_wgs84, wgs84_to_bd09, wgs84_to_gcj02)

__all__ = [
    "COORDINATE_SYSTEMS", "ParsedAngles", "ParsedPoints", "SwapCheck", "bd09_to_gcj02", "bd09_to_wgs84",
    "detect_swapped_lonlat", "gcj02_to_bd09", "gcj02_to_wgs84", "in_gcj02_area", "parse_angles",
    "parse_coordinates", "points_outside", "split_coordinate_pairs", "to_wgs84", "wgs84_to_bd09",
    "wgs84_to_gcj02",
]
