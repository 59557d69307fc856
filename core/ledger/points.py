"""A ledger's places — step three of an import: points from coordinate columns, or shapes from a
WKT column, with web-map offsets removed.

* Coordinate columns (``x``/``y`` or one ``xy`` column of the synonym table, or X_FIELD/Y_FIELD):
  geographic ones are read by ``core.geo.parse_coordinates`` (decimals or 度分秒, hemisphere
  letters); rows with longitude and latitude exchanged are found by
  ``core.geo.detect_swapped_lonlat`` (China's box) and exchanged back, each listed. Projected
  ones (the source CRS is projected) are plain numbers.
* A column of mostly numbers beyond 180° is not longitude/latitude: the import stops and asks
  for the source CRS (CGCS2000 Gauss-Krüger coordinates are common).
* ``system`` ("wgs84", "gcj02", "bd09", "cgcs2000") says what the degrees are; GCJ-02 and BD-09
  are turned into WGS84 (``core.geo.to_wgs84``, the iterative inverse) and the shift reported.
"""
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import shapely

from ..geo import detect_swapped_lonlat, parse_coordinates, to_wgs84
from ..geo.angles import EMPTY
from ..values import parse_numbers
from . import report as rp
from .headers import HeaderMapping
from .report import ReportLine, value_text

EARTH_RADIUS_M = 6371008.8  # mean radius, for the reported shift only
PROJECTED_SHARE = 0.5  # more than this share of cells beyond 180°: the columns are not degrees


@dataclass(frozen=True)
class Points:
    """``x``/``y`` per data row (NaN where not read): WGS84 lon/lat when ``geographic`` (after the
    offset correction), else coordinates of the source CRS; ``shift_m`` the correction's distance."""

    x: np.ndarray
    y: np.ndarray
    geographic: bool
    shift_m: np.ndarray
    lines: tuple[ReportLine, ...]


def coordinate_columns(mapping: HeaderMapping) -> tuple[int, ...]:
    """(x, y) or (xy,) columns of the mapping; () when it has none."""
    columns = mapping.field_columns
    if "x" in columns and "y" in columns:
        return columns["x"], columns["y"]
    if "xy" in columns:
        return (columns["xy"],)
    return ()


def _grouped(status: str, severity: str, reasons: np.ndarray, values: np.ndarray, numbers: np.ndarray,
             column: str) -> list[ReportLine]:
    """One line per distinct reason, its rows and first value."""
    lines = []
    for reason in dict.fromkeys(r for r in reasons if r is not None):
        where = np.array([r == reason for r in reasons], dtype=bool)
        lines.append(ReportLine(rp.COORDINATE, status, severity, column, "", value_text(values[where][0]), "",
                                tuple(int(n) for n in numbers[where]), str(reason)))
    return lines


def _projected(cells: np.ndarray, columns: tuple[int, ...], numbers: np.ndarray,
               headers: list[str]) -> tuple[np.ndarray, np.ndarray, list[ReportLine]]:
    if len(columns) != 2:
        raise ValueError("projected coordinates need an X and a Y column")
    xs, ys = (parse_numbers(cells[:, c]) for c in columns)
    bad = xs.invalid | ys.invalid
    reasons = np.array(["not a number" if b else None for b in bad], dtype=object)
    lines = _grouped(rp.BAD_COORDINATES, rp.WARNING, reasons, cells[:, columns[0]], numbers, headers[0])
    return xs.values, ys.values, lines


def _looks_projected(cells: np.ndarray, columns: tuple[int, ...]) -> str | None:
    """A sample value when most filled cells are numbers beyond 180° (metres, not degrees)."""
    values = cells[:, list(columns)].ravel()
    parsed = parse_numbers(values)
    filled = ~parsed.blank
    far = filled & (np.abs(np.nan_to_num(parsed.values)) > 180)
    if filled.any() and far.sum() > PROJECTED_SHARE * filled.sum():
        return value_text(values[far][0])
    return None


def read_points(cells: np.ndarray, row_numbers: np.ndarray, mapping: HeaderMapping, system: str | None) -> Points:
    """Points of the data rows from the mapping's coordinate columns (module doc). ``system`` None:
    the columns are projected coordinates of the source CRS. Raises ValueError when the mapping has
    no coordinate columns."""
    columns = coordinate_columns(mapping)
    if not columns:
        raise ValueError("no coordinate columns")
    headers = [mapping.columns[c].header for c in columns]
    n = len(cells)
    if system is None:
        x, y, lines = _projected(cells, columns, row_numbers, headers)
        return Points(x, y, False, np.zeros(n), tuple(lines))
    sample = _looks_projected(cells, columns)
    if sample is not None:
        line = ReportLine(rp.COORDINATE, rp.LOOKS_PROJECTED, rp.ERROR, " / ".join(headers), value=sample)
        return Points(np.full(n, np.nan), np.full(n, np.nan), True, np.zeros(n), (line,))
    parsed = parse_coordinates(*(cells[:, c] for c in columns))
    reasons = np.array([None if r is None or r == "no coordinates" else r for r in parsed.reasons], dtype=object)
    lines = _grouped(rp.BAD_COORDINATES, rp.WARNING, reasons, cells[:, columns[0]], row_numbers, headers[0])
    missing = np.array([r in ("no coordinates", EMPTY) for r in parsed.reasons], dtype=bool)
    if missing.any():
        lines.append(ReportLine(rp.COORDINATE, rp.NO_COORDINATES, rp.WARNING, " / ".join(headers),
                                rows=rp.rows_of(missing, row_numbers)))
    swap = detect_swapped_lonlat(parsed.lon, parsed.lat, fixed=parsed.labelled)
    moved = swap.swapped | parsed.label_swapped
    if moved.any():
        lines.append(ReportLine(rp.COORDINATE, rp.SWAPPED, rp.WARNING, " / ".join(headers),
                                rows=rp.rows_of(moved, row_numbers), detail=swap.majority))
    if swap.outside.any():
        lines.append(ReportLine(rp.COORDINATE, rp.OUTSIDE_BOX, rp.WARNING, " / ".join(headers),
                                rows=rp.rows_of(swap.outside, row_numbers)))
    lon, lat, shift, converted = _corrected(swap.lon, swap.lat, system)
    if converted:
        lines.append(converted)
    return Points(lon, lat, True, shift, tuple(lines))


def shift_metres(lon0: np.ndarray, lat0: np.ndarray, lon1: np.ndarray, lat1: np.ndarray) -> np.ndarray:
    """Great-circle distance (m, haversine) between two arrays of lon/lat points."""
    p0, p1 = np.radians(lat0), np.radians(lat1)
    h = np.sin((p1 - p0) / 2) ** 2 + np.cos(p0) * np.cos(p1) * np.sin(np.radians(lon1 - lon0) / 2) ** 2
    return 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.clip(h, 0, 1)))


def _corrected(lon: np.ndarray, lat: np.ndarray, system: str) -> tuple[np.ndarray, np.ndarray, np.ndarray,
                                                                        ReportLine | None]:
    if system in ("wgs84", "cgcs2000"):
        return lon, lat, np.zeros(len(lon)), None
    w_lon, w_lat = to_wgs84(lon, lat, system)
    shift = shift_metres(lon, lat, w_lon, w_lat)
    done = np.isfinite(shift)
    if not done.any():
        return w_lon, w_lat, shift, None
    detail = f"{done.sum()}|{np.mean(shift[done]):.0f}|{np.min(shift[done]):.0f}|{np.max(shift[done]):.0f}"
    return w_lon, w_lat, shift, ReportLine(rp.COORDINATE, rp.CONVERTED, rp.INFO, result="wgs84", value=system,
                                           detail=detail)


def correct_shapes(geoms: np.ndarray, system: str) -> np.ndarray:
    """Geometries in ``system`` lon/lat (every vertex) as WGS84 lon/lat."""
    if system in ("wgs84", "cgcs2000"):
        return geoms
    return shapely.transform(geoms, _vertex_function(system))


def _vertex_function(system: str) -> Callable[[np.ndarray], np.ndarray]:
    def convert(xy: np.ndarray) -> np.ndarray:
        lon, lat = to_wgs84(xy[:, 0], xy[:, 1], system)
        return np.column_stack([lon, lat])
    return convert


def read_shapes(cells: np.ndarray, row_numbers: np.ndarray,
                mapping: HeaderMapping) -> tuple[np.ndarray, list[ReportLine]]:
    """Geometries from the mapping's WKT column (None where empty or unreadable, each reported)."""
    column = mapping.field_columns["wkt"]
    texts = np.array([None if v is None else str(v) for v in cells[:, column]], dtype=object)
    geoms = shapely.from_wkt(texts, on_invalid="ignore")
    bad = np.array([t is not None for t in texts], dtype=bool) & shapely.is_missing(geoms)
    lines = []
    if bad.any():
        lines.append(ReportLine(rp.COORDINATE, rp.BAD_WKT, rp.WARNING, mapping.columns[column].header,
                                value=value_text(texts[bad][0])[:60], rows=rp.rows_of(bad, row_numbers)))
    return geoms, lines
