"""GCJ-02 and BD-09 web-map coordinates to and from WGS84, vectorised over numpy arrays.

Chinese web maps publish obfuscated longitudes/latitudes: GCJ-02 (国测局坐标, "Mars
coordinates": AMap/高德, Tencent/腾讯, Google China) and BD-09 (Baidu/百度, a second offset on
top of GCJ-02). Points picked on them lie ~300–700 m from their true WGS84 position.

Formulas (public, as in the widely copied eviltransform / coordtransform code; the same as the
independent ``prcoords`` the tests compare against):

* GCJ-02 forward (WGS84 → GCJ-02): offsets in metres from two fixed polynomials-plus-sines in
  (lon − 105, lat − 35), turned into degrees with the Krasovsky 1940 ellipsoid
  (a = 6378245 m, e² = 0.00669342162296594323): meridian radius a(1 − e²)/W³ and parallel
  radius a·cos φ / W, W = √(1 − e² sin² φ), φ the WGS84 latitude.
* BD-09 forward (GCJ-02 → BD-09): in polar form around (0, 0),
  r' = r + 2e-5·sin(lat·x_pi), θ' = θ + 3e-6·cos(lon·x_pi), x_pi = π·3000/180, then
  +0.0065° longitude and +0.006° latitude.
* The inverses have no closed form: the usual one-step "subtract the offset at the offset
  point" is metres off. Here they are solved by fixed-point iteration
  (x ← x − (forward(x) − target)) until the forward residual is below ``tolerance_deg``
  (default 1e-9°, ≈ 0.1 mm), at most ``max_iterations`` (20) rounds; the offsets' slopes are
  below 1 % so each round gains two digits and 3–5 rounds suffice.

Outside China GCJ-02 equals WGS84. The test used is the common rough box of eviltransform and
prcoords (``in_gcj02_area``): 72.004° ≤ lon ≤ 137.8347° and 0.8293° ≤ lat ≤ 55.8271°
(inclusive), applied to the WGS84 point. It is wider than China's territory on purpose (the
narrower 73.66–135.05 / 3.86–53.55 box of some copies cuts off Mohe and the Heixiazi island).
The inverse returns the iterated point when that point is inside the box and the input
unchanged otherwise, so that every point inside the box round-trips exactly. BD-09's offset is
applied everywhere (Baidu applies it worldwide).

CGCS2000 geographic coordinates are taken as WGS84: the two frames differ by centimetres, and
PROJ's own CGCS2000 → WGS 84 operation is a ballpark (null) transformation too.
"""
from typing import Callable

import numpy as np
import numpy.typing as npt

KRASOVSKY_A = 6378245.0  # semi-major axis (m) of the Krasovsky 1940 ellipsoid used by GCJ-02
KRASOVSKY_EE = 0.00669342162296594323  # first eccentricity squared, e² = 2f − f², f = 1/298.3
BD_X_PI = np.pi * 3000.0 / 180.0
BD_DLON, BD_DLAT = 0.0065, 0.006  # Baidu's constant shift (degrees)
GCJ02_BOX = (72.004, 0.8293, 137.8347, 55.8271)  # west, south, east, north (inclusive)

DEFAULT_TOLERANCE_DEG = 1e-9
DEFAULT_MAX_ITERATIONS = 20

# The importer's COORDINATES choices after "as the source says", in its enum order (1..4).
COORDINATE_SYSTEMS = ("wgs84", "gcj02", "bd09", "cgcs2000")

Pair = tuple[np.ndarray, np.ndarray]


def _arrays(lon: npt.ArrayLike, lat: npt.ArrayLike) -> Pair:
    lon, lat = np.broadcast_arrays(np.asarray(lon, dtype=np.float64), np.asarray(lat, dtype=np.float64))
    return lon.copy(), lat.copy()


def in_gcj02_area(lon: npt.ArrayLike, lat: npt.ArrayLike) -> np.ndarray:
    """True where (lon, lat) lies in the box where GCJ-02 differs from WGS84 (see module doc)."""
    lon, lat = _arrays(lon, lat)
    west, south, east, north = GCJ02_BOX
    return (lon >= west) & (lon <= east) & (lat >= south) & (lat <= north)


def _gcj_offset_m(x: np.ndarray, y: np.ndarray) -> Pair:
    """(east, north) offsets in metres of the public formula, x = lon − 105, y = lat − 35."""
    sin, pi = np.sin, np.pi
    common = 20.0 * sin(6.0 * x * pi) + 20.0 * sin(2.0 * x * pi)
    north = (-100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x))
             + (common + 20.0 * sin(y * pi) + 40.0 * sin(y / 3.0 * pi)
                + 160.0 * sin(y / 12.0 * pi) + 320.0 * sin(y / 30.0 * pi)) * 2.0 / 3.0)
    east = (300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x))
            + (common + 20.0 * sin(x * pi) + 40.0 * sin(x / 3.0 * pi)
               + 150.0 * sin(x / 12.0 * pi) + 300.0 * sin(x / 30.0 * pi)) * 2.0 / 3.0)
    return east, north


def _gcj_forward_everywhere(lon: np.ndarray, lat: np.ndarray) -> Pair:
    """WGS84 → GCJ-02 without the out-of-China test."""
    east, north = _gcj_offset_m(lon - 105.0, lat - 35.0)
    phi = np.radians(lat)
    w2 = 1.0 - KRASOVSKY_EE * np.sin(phi) ** 2
    w = np.sqrt(w2)
    dlat = north * 180.0 / (KRASOVSKY_A * (1.0 - KRASOVSKY_EE) / (w2 * w) * np.pi)
    dlon = east * 180.0 / (KRASOVSKY_A / w * np.cos(phi) * np.pi)
    return lon + dlon, lat + dlat


def wgs84_to_gcj02(lon: npt.ArrayLike, lat: npt.ArrayLike) -> Pair:
    """GCJ-02 (lon, lat) in degrees of WGS84 points; unchanged outside ``GCJ02_BOX``."""
    lon, lat = _arrays(lon, lat)
    g_lon, g_lat = _gcj_forward_everywhere(lon, lat)
    inside = in_gcj02_area(lon, lat)
    return np.where(inside, g_lon, lon), np.where(inside, g_lat, lat)


def gcj02_to_bd09(lon: npt.ArrayLike, lat: npt.ArrayLike) -> Pair:
    """BD-09 (lon, lat) of GCJ-02 points (applied everywhere)."""
    lon, lat = _arrays(lon, lat)
    r = np.hypot(lon, lat) + 0.00002 * np.sin(lat * BD_X_PI)
    theta = np.arctan2(lat, lon) + 0.000003 * np.cos(lon * BD_X_PI)
    return r * np.cos(theta) + BD_DLON, r * np.sin(theta) + BD_DLAT


def _bd_inverse_first_guess(lon: np.ndarray, lat: np.ndarray) -> Pair:
    """The one-step public BD-09 → GCJ-02 formula (≈ 1e-6° off): the iteration's start."""
    x, y = lon - BD_DLON, lat - BD_DLAT
    r = np.hypot(x, y) - 0.00002 * np.sin(y * BD_X_PI)
    theta = np.arctan2(y, x) - 0.000003 * np.cos(x * BD_X_PI)
    return r * np.cos(theta), r * np.sin(theta)


def _invert(forward: Callable[[np.ndarray, np.ndarray], Pair], lon: np.ndarray, lat: np.ndarray,
            start: Pair, tolerance_deg: float, max_iterations: int) -> Pair:
    """Solve forward(x) = (lon, lat) by fixed-point iteration from ``start``.

    Raises ArithmeticError if a finite point has not converged after ``max_iterations``."""
    shape = np.shape(lon)
    lon, lat = np.ravel(lon), np.ravel(lat)
    x_lon, x_lat = (np.array(part, dtype=np.float64).ravel() for part in start)
    todo = np.isfinite(lon) & np.isfinite(lat)
    for _ in range(max_iterations):
        if not todo.any():
            break
        f_lon, f_lat = forward(x_lon[todo], x_lat[todo])
        r_lon, r_lat = f_lon - lon[todo], f_lat - lat[todo]
        x_lon[todo] -= r_lon
        x_lat[todo] -= r_lat
        still = np.maximum(np.abs(r_lon), np.abs(r_lat)) >= tolerance_deg
        todo[np.flatnonzero(todo)[~still]] = False
    if todo.any():
        raise ArithmeticError(f"{int(todo.sum())} points did not converge within {max_iterations} iterations "
                              f"to {tolerance_deg:g}°")
    return x_lon.reshape(shape), x_lat.reshape(shape)


def gcj02_to_wgs84(lon: npt.ArrayLike, lat: npt.ArrayLike, tolerance_deg: float = DEFAULT_TOLERANCE_DEG,
                   max_iterations: int = DEFAULT_MAX_ITERATIONS) -> Pair:
    """WGS84 (lon, lat) of GCJ-02 points: the iterative inverse of ``wgs84_to_gcj02``.

    A point whose solution falls outside ``GCJ02_BOX`` is returned unchanged (GCJ-02 = WGS84 there)."""
    lon, lat = _arrays(lon, lat)
    f_lon, f_lat = _gcj_forward_everywhere(lon, lat)
    start = (2.0 * lon - f_lon, 2.0 * lat - f_lat)  # the one-step "rough" inverse
    w_lon, w_lat = _invert(_gcj_forward_everywhere, lon, lat, start, tolerance_deg, max_iterations)
    inside = in_gcj02_area(w_lon, w_lat)
    return np.where(inside, w_lon, lon), np.where(inside, w_lat, lat)


def bd09_to_gcj02(lon: npt.ArrayLike, lat: npt.ArrayLike, tolerance_deg: float = DEFAULT_TOLERANCE_DEG,
                  max_iterations: int = DEFAULT_MAX_ITERATIONS) -> Pair:
    """GCJ-02 (lon, lat) of BD-09 points: the iterative inverse of ``gcj02_to_bd09``."""
    lon, lat = _arrays(lon, lat)
    return _invert(gcj02_to_bd09, lon, lat, _bd_inverse_first_guess(lon, lat), tolerance_deg, max_iterations)


def wgs84_to_bd09(lon: npt.ArrayLike, lat: npt.ArrayLike) -> Pair:
    """BD-09 (lon, lat) of WGS84 points (via GCJ-02)."""
    return gcj02_to_bd09(*wgs84_to_gcj02(lon, lat))


def bd09_to_wgs84(lon: npt.ArrayLike, lat: npt.ArrayLike, tolerance_deg: float = DEFAULT_TOLERANCE_DEG,
                  max_iterations: int = DEFAULT_MAX_ITERATIONS) -> Pair:
    """WGS84 (lon, lat) of BD-09 points (via GCJ-02, both steps iterated)."""
    return gcj02_to_wgs84(*bd09_to_gcj02(lon, lat, tolerance_deg, max_iterations), tolerance_deg, max_iterations)


def to_wgs84(lon: npt.ArrayLike, lat: npt.ArrayLike, system: str) -> Pair:
    """WGS84 (lon, lat) of points given in ``system`` (one of ``COORDINATE_SYSTEMS``)."""
    key = str(system).strip().lower().replace("-", "").replace("_", "").replace(" ", "")
    if key in ("wgs84", "cgcs2000", "epsg4326", "epsg4490"):
        return _arrays(lon, lat)
    if key in ("gcj02", "amap", "tencent"):
        return gcj02_to_wgs84(lon, lat)
    if key in ("bd09", "bd09ll", "baidu"):
        return bd09_to_wgs84(lon, lat)
    raise ValueError(f"unknown coordinate system {system!r}: expected one of {', '.join(COORDINATE_SYSTEMS)}")
