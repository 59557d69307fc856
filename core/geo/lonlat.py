"""Points from coordinate columns: one or two columns, swapped lon/lat, points off the study area.

* ``split_coordinate_pairs`` — one cell holding both values ("116.39,39.91", "39.91 116.39",
  "N39°54′27.6″ E116°23′45.6″").
* ``parse_coordinates`` — lon/lat arrays from two columns (X then Y) or one pair column; a
  hemisphere letter (E/W, N/S or 东经/北纬) decides the axis of its value, otherwise the
  first/X value is taken as the longitude.
* ``detect_swapped_lonlat`` — per row, the order that puts the point in China's box
  (``core.crs.CHINA_BOUNDS``: lon 73–136°, lat 3–54°, bounds included) wins.
* ``points_outside`` — which points fall outside a study-area polygon (its boundary counts as
  inside).
"""
import re
import unicodedata
from dataclasses import dataclass
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import shapely

from ..crs import CHINA_BOUNDS
from .angles import EMPTY, LAT, LON, NO_AXIS, normalise_angle_text, parse_angle_text, parse_angles

_PAIR_SEPARATORS = re.compile(r"[,;/|]")
_NUMBER = r"(?:\d+(?:\.\d*)?|\.\d+)"
_ATOM = re.compile(rf"\s*(?:[NSEW]|[+-]?\s*{_NUMBER}(?:\s*:\s*{_NUMBER})*\s*[°'\"]?)")


def _atoms(text: str) -> list[str] | None:
    """Hemisphere letters and marked numbers of a normalised cell, or None if other text remains."""
    atoms: list[str] = []
    end = 0
    while end < len(text):
        match = _ATOM.match(text, end)
        if match is None or match.end() == end:
            return None
        atoms.append(match.group(0).strip())
        end = match.end()
    return atoms


def _split_one(text: str) -> tuple[str | None, str | None, str | None]:
    """(first, second, reason) for one pair cell."""
    norm = unicodedata.normalize("NFKC", text).strip()
    if not norm:
        return None, None, EMPTY
    if _PAIR_SEPARATORS.search(norm):
        parts = [p.strip() for p in _PAIR_SEPARATORS.split(norm)]
        if len(parts) != 2 or not all(parts):
            return None, None, "expected two values separated by one comma or semicolon"
        return parts[0], parts[1], None
    atoms = _atoms(normalise_angle_text(norm))
    if not atoms:
        return None, None, "not two coordinate values"
    readings: dict[tuple[float, str, float, str], tuple[str, str]] = {}  # reading → its first cut
    for cut in range(1, len(atoms)):
        first, second = " ".join(atoms[:cut]), " ".join(atoms[cut:])
        a, b = parse_angle_text(first), parse_angle_text(second)
        if a[2] is None and b[2] is None:
            readings.setdefault((a[0], a[1], b[0], b[1]), (first, second))
    if not readings:
        return None, None, "not two coordinate values"
    if len(readings) > 1:
        return None, None, "the two values can be split in several ways: separate them with a comma"
    first, second = next(iter(readings.values()))
    return first, second, None


def split_coordinate_pairs(values: npt.ArrayLike) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Split cells holding two coordinates into (first texts, second texts, reasons).

    A comma, semicolon, slash or bar (ASCII or full-width) separates the values when present;
    otherwise the cell is cut between its numbers where both halves read as one angle each
    ("39.91 116.39", "39 54 27.6 116 23 45.6", "39.91N116.39E"); a cell that can be cut in
    two different ways is refused. Empty cells: reason ``empty``."""
    cells = np.asarray(values, dtype=object).ravel()
    n = len(cells)
    first, second = np.full(n, None, dtype=object), np.full(n, None, dtype=object)
    reasons = np.full(n, None, dtype=object)
    if not n:
        return first, second, reasons
    texts = np.array(["" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v) for v in cells],
                     dtype=object)
    unique, inverse = np.unique(texts, return_inverse=True)
    parsed = np.empty((len(unique), 3), dtype=object)
    parsed[:] = [_split_one(t) for t in unique]
    first[:], second[:], reasons[:] = parsed[inverse, 0], parsed[inverse, 1], parsed[inverse, 2]
    return first, second, reasons


@dataclass(frozen=True)
class ParsedPoints:
    """Per row: ``lon``/``lat`` (NaN where not parsed), ``reasons`` (None or why not),
    ``labelled`` (a hemisphere letter fixed the axes) and ``label_swapped`` (the letters put
    the X/first value on the latitude)."""

    lon: np.ndarray
    lat: np.ndarray
    reasons: np.ndarray
    labelled: np.ndarray
    label_swapped: np.ndarray


def parse_coordinates(x_values: npt.ArrayLike, y_values: npt.ArrayLike | None = None) -> ParsedPoints:
    """lon/lat from an X (longitude) and a Y (latitude) column, or from one pair column
    (``y_values`` None, see ``split_coordinate_pairs``)."""
    if y_values is None:
        x_text, y_text, split_reasons = split_coordinate_pairs(x_values)
    else:
        x_text, y_text = np.asarray(x_values, dtype=object).ravel(), np.asarray(y_values, dtype=object).ravel()
        if len(x_text) != len(y_text):
            raise ValueError(f"X and Y columns differ in length ({len(x_text)} and {len(y_text)})")
        split_reasons = np.full(len(x_text), None, dtype=object)
    xs, ys = parse_angles(x_text), parse_angles(y_text)
    n = len(xs.degrees)
    reasons = np.empty(n, dtype=object)
    reasons[:] = [("no coordinates" if split == EMPTY else split) or _pair_reason(a, b)
                  for split, a, b in zip(split_reasons, xs.reasons, ys.reasons)]
    conflict = (xs.axis != NO_AXIS) & (xs.axis == ys.axis)
    reasons[conflict & _is_none(reasons)] = "both values name the same axis"
    swap = ((xs.axis == LAT) | (ys.axis == LON)) & ~conflict
    labelled = ((xs.axis != NO_AXIS) | (ys.axis != NO_AXIS)) & ~conflict
    lon = np.where(swap, ys.degrees, xs.degrees)
    lat = np.where(swap, xs.degrees, ys.degrees)
    bad = ~_is_none(reasons)
    lon[bad], lat[bad] = np.nan, np.nan
    over = ~bad & labelled & (np.abs(lat) > 90)  # unlabelled rows may be swapped: detect_swapped_lonlat
    reasons[over], lon[over], lat[over] = "latitude beyond 90°", np.nan, np.nan
    bad |= over
    return ParsedPoints(lon, lat, reasons, labelled & ~bad, swap & ~bad)


def _is_none(values: np.ndarray) -> np.ndarray:
    return np.array([v is None for v in values], dtype=bool)


def _pair_reason(x_reason: str | None, y_reason: str | None) -> str | None:
    if x_reason is None and y_reason is None:
        return None
    if x_reason == EMPTY and y_reason == EMPTY:
        return "no coordinates"
    parts = [f"{name}: {why}" for name, why in (("X/longitude (first)", x_reason), ("Y/latitude (second)", y_reason))
             if why]
    return "; ".join(parts)


@dataclass(frozen=True)
class SwapCheck:
    """Outcome of ``detect_swapped_lonlat``: corrected ``lon``/``lat`` and per-row masks —
    ``swapped`` (exchanged), ``ambiguous`` (both orders in the box: decided by the majority),
    ``outside`` (neither order in the box: left as given) — plus ``majority`` ('as given',
    'swapped' or '' when no row decided) and ``messages`` for the report."""

    lon: np.ndarray
    lat: np.ndarray
    swapped: np.ndarray
    ambiguous: np.ndarray
    outside: np.ndarray
    majority: str
    messages: tuple[str, ...]


def _in_box(lon: np.ndarray, lat: np.ndarray, box: Sequence[float]) -> np.ndarray:
    west, south, east, north = box
    return (lon >= west) & (lon <= east) & (lat >= south) & (lat <= north)


def detect_swapped_lonlat(lon: npt.ArrayLike, lat: npt.ArrayLike, box: Sequence[float] = CHINA_BOUNDS,
                          fixed: npt.ArrayLike | None = None) -> SwapCheck:
    """Find rows whose longitude and latitude are exchanged, for points expected in ``box``
    (west, south, east, north; default China, lon 73–136°, lat 3–54°, bounds included).

    Per row, the order that puts the point in the box wins. Rows where both orders fall in
    the box follow the majority of the rows that did decide (as given on a tie or when none
    decided) — with China's box this cannot happen, as its longitude and latitude ranges do
    not overlap; a narrower or other box can. Rows where neither order falls in the box are
    left as given and marked ``outside``. ``fixed`` (bool per row, e.g.
    ``ParsedPoints.labelled``) marks rows whose axes a hemisphere letter settled: never swapped.
    """
    lon, lat = np.asarray(lon, dtype=np.float64).ravel(), np.asarray(lat, dtype=np.float64).ravel()
    fixed = np.zeros(len(lon), dtype=bool) if fixed is None else np.asarray(fixed, dtype=bool).ravel()
    finite = np.isfinite(lon) & np.isfinite(lat)
    as_given, exchanged = _in_box(lon, lat, box), _in_box(lat, lon, box)
    swap_clear = finite & ~fixed & exchanged & ~as_given
    keep_clear = finite & ~fixed & as_given & ~exchanged
    ambiguous = finite & ~fixed & as_given & exchanged
    outside = finite & ~as_given & (~exchanged | fixed)
    n_swap, n_keep = int(swap_clear.sum()), int(keep_clear.sum())
    majority = "swapped" if n_swap > n_keep else "as given" if (n_keep or n_swap) else ""
    swapped = swap_clear | (ambiguous & (majority == "swapped"))
    messages: list[str] = []
    if swapped.any():
        mixed = " (mixed: only these rows)" if n_keep else ""
        messages.append(f"{int(swapped.sum())} rows had longitude and latitude exchanged{mixed}")
    if ambiguous.any():
        how = majority or "as given (no row decided)"
        messages.append(f"{int(ambiguous.sum())} rows fit the box in both orders: taken {how}, by the majority "
                        f"of the rows that fit one order only ({n_swap} swapped, {n_keep} as given)")
    if outside.any():
        messages.append(f"{int(outside.sum())} rows fall outside the box in either order: left as given")
    return SwapCheck(np.where(swapped, lat, lon), np.where(swapped, lon, lat), swapped, ambiguous, outside,
                     majority, tuple(messages))


def points_outside(x: npt.ArrayLike, y: npt.ArrayLike, area: shapely.Geometry | npt.ArrayLike) -> np.ndarray:
    """True per point (x, y in the area's CRS) lying outside ``area`` — a shapely geometry or
    an array/GeoSeries of polygons (their union). A point on the boundary is inside; a point
    with a NaN coordinate is not judged (False): it is reported as unparseable elsewhere."""
    x, y = np.asarray(x, dtype=np.float64).ravel(), np.asarray(y, dtype=np.float64).ravel()
    geoms = np.asarray(getattr(area, "values", area), dtype=object)
    shape = shapely.union_all(shapely.make_valid(geoms[~shapely.is_missing(geoms)])) if geoms.ndim else area
    shapely.prepare(shape)
    finite = np.isfinite(x) & np.isfinite(y)
    result = np.zeros(len(x), dtype=bool)
    result[finite] = ~shapely.intersects_xy(shape, x[finite], y[finite])
    return result
