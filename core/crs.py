"""Choice of a local projected metric CRS for geographic input: every analysis measures in metres.

Inside China: the CGCS2000 3-degree Gauss-Krüger zone of the "CM" family, EPSG:4534 (CM 75°E)
to EPSG:4554 (CM 135°E), false easting 500 km without zone prefix. Elsewhere: the WGS 84 UTM
zone (EPSG:326zz north, 327zz south).
"""
import math

CGCS2000_GK3_CM_FIRST_EPSG = 4534  # CGCS2000 / 3-degree Gauss-Kruger CM 75E
CGCS2000_GK3_CM_FIRST_MERIDIAN = 75
CGCS2000_GK3_CM_LAST_MERIDIAN = 135
# A generous box around China's territory: lon 73–136°E, lat 3–54°N.
CHINA_BOUNDS = (73.0, 3.0, 136.0, 54.0)


def local_projected_epsg(lon: float, lat: float) -> int:
    """EPSG code of the projected CRS to analyse data centred on (lon, lat) degrees."""
    west, south, east, north = CHINA_BOUNDS
    if west <= lon <= east and south <= lat <= north:
        meridian = 3 * math.floor(lon / 3 + 0.5)  # nearest multiple of 3°
        meridian = min(max(meridian, CGCS2000_GK3_CM_FIRST_MERIDIAN), CGCS2000_GK3_CM_LAST_MERIDIAN)
        return CGCS2000_GK3_CM_FIRST_EPSG + (meridian - CGCS2000_GK3_CM_FIRST_MERIDIAN) // 3
    zone = min(int((lon + 180) // 6) + 1, 60)
    return (32600 if lat >= 0 else 32700) + zone
