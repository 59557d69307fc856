"""GeoPackage geometry blobs of shapely geometries, as QGIS's writer has GDAL write them (for ``layers.gpkg_bulk``).

A blob is the GeoPackage header (little-endian; the envelope minx, maxx, miny, maxy except for points and
empty geometries) followed by ISO WKB, 2D. Single-part lines — the reached roads, nearly all rows of a
reach run — are encoded straight from their coordinates: rows with the same number of points are one
packed numpy record array whose rows are the blobs' bytes (~6 ms for 36,000 rows against ~32 ms through
WKB, and no Python object per row but the blob: the writer thread holds the interpreter lock less while
the algorithm computes beside it). Every other row goes through shapely's WKB.
"""
import numpy as np
import shapely


class NotBulk(Exception):
    """This frame or destination is written through QGIS's own feature sink instead."""


def geometry_blobs(geoms, srs_id, layer_type):
    """GeoPackage geometry blobs of shapely geometries as QGIS's writer has GDAL write them:
    little-endian header, the envelope (minx, maxx, miny, maxy) except for points and empty
    geometries, ISO WKB, 2D; single parts in a multi layer (``layer_type``, e.g.
    'MULTILINESTRING') as one-part multi geometries; a missing geometry as an empty one of the
    layer's type. Returns (blobs, minx, maxx, miny, maxy, row of each box)."""
    geoms = np.asarray(geoms, dtype=object)
    rows, counts = _single_lines(geoms, layer_type)
    xy = shapely.get_coordinates(geoms[rows])
    first = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum(counts, out=first[1:])
    first = first[:-1]
    if len(rows) and not np.isfinite(xy).all():  # NaN or infinite coordinates: as shapely's WKB and bounds have them
        finite = np.logical_and.reduceat(np.isfinite(xy[:, 0]) & np.isfinite(xy[:, 1]), first)
        rows, counts, first = rows[finite], counts[finite], first[finite]
    if not len(rows):
        return _any_blobs(geoms, srs_id, layer_type)
    blobs = np.empty(len(geoms), dtype=object)
    boxes = np.full((len(geoms), 4), np.nan)
    indexed = np.zeros(len(geoms), dtype=bool)
    blobs[rows], boxes[rows] = _line_blobs(xy, first, counts, srs_id, layer_type == "MULTILINESTRING")
    indexed[rows] = True
    rest = np.setdiff1d(np.arange(len(geoms)), rows, assume_unique=True)
    if len(rest):
        rest_blobs, minx, maxx, miny, maxy, rest_boxed = _any_blobs(geoms[rest], srs_id, layer_type)
        blobs[rest] = rest_blobs
        boxes[rest[rest_boxed]] = np.column_stack([minx, maxx, miny, maxy])
        indexed[rest[rest_boxed]] = True
    box_rows = np.flatnonzero(indexed)
    b = boxes[box_rows]
    return blobs.tolist(), b[:, 0], b[:, 1], b[:, 2], b[:, 3], box_rows


def _single_lines(geoms, layer_type):
    """(rows, their point counts) of the rows that are one line of at least one point, 2D, in a line
    layer: a LineString, or (in a multi layer) a one-part MultiLineString."""
    if layer_type not in ("LINESTRING", "MULTILINESTRING"):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    types = shapely.get_type_id(geoms)  # -1 where missing
    lines = types == 1
    if layer_type == "MULTILINESTRING":
        lines |= (types == 5) & (shapely.get_num_geometries(geoms) == 1)
    counts = shapely.get_num_coordinates(geoms)
    lines &= counts > 0
    lines[lines] &= ~shapely.has_z(geoms[lines])  # (Z rows: through WKB, which drops it)
    rows = np.flatnonzero(lines)
    return rows, counts[rows]


def _line_blobs(xy, first, counts, srs_id, multi):
    """(blobs, boxes as (n, 4) minx, maxx, miny, maxy) of single lines whose points are
    xy[first[i]:first[i] + counts[i]]: one packed record per line, its fields the blob's parts in
    order, the lines grouped by point count."""
    blobs = np.empty(len(counts), dtype=object)
    boxes = np.empty((len(counts), 4))
    order = np.argsort(counts, kind="stable")
    for rows in np.split(order, np.flatnonzero(np.diff(counts[order])) + 1):
        points = int(counts[rows[0]])
        coordinates = xy[first[rows][:, None] + np.arange(points)]  # (rows, points, 2)
        low, high = _extremes(coordinates)
        record = np.zeros(len(rows), dtype=_line_record(points, multi))
        record["magic"], record["srs"], record["flags"] = b"GP", srs_id, 0x03  # little-endian, xy envelope
        record["box"] = np.column_stack([low[:, 0], high[:, 0], low[:, 1], high[:, 1]])
        if multi:
            record["multi_order"], record["multi_type"], record["parts"] = 1, 5, 1
        record["line_order"], record["line_type"], record["points"] = 1, 2, points
        record["xy"] = coordinates
        blobs[rows] = record.view(f"V{record.dtype.itemsize}").tolist()
        boxes[rows] = record["box"]
    return blobs, boxes


def _extremes(coordinates):
    """(min, max) over the points (axis 1) of (rows, points, 2) coordinates; for a few points one
    np.minimum/np.maximum per point (numpy reduces a short middle axis slowly)."""
    if coordinates.shape[1] > 8:
        return coordinates.min(axis=1), coordinates.max(axis=1)
    low, high = coordinates[:, 0].copy(), coordinates[:, 0].copy()
    for k in range(1, coordinates.shape[1]):
        np.minimum(low, coordinates[:, k], out=low)
        np.maximum(high, coordinates[:, k], out=high)
    return low, high


def _line_record(points, multi):
    """The packed record of a one-line blob with ``points`` points (itemsize = the blob's length)."""
    fields = [("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs", "<i4"), ("box", "<f8", 4)]
    if multi:
        fields += [("multi_order", "u1"), ("multi_type", "<u4"), ("parts", "<u4")]
    fields += [("line_order", "u1"), ("line_type", "<u4"), ("points", "<u4"), ("xy", "<f8", (points, 2))]
    return np.dtype(fields)


_HEADER = np.dtype([("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs", "<i4")])
_ENVELOPE = np.dtype([("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs", "<i4"), ("box", "<f8", 4)])
_MULTI = {0: 4, 1: 5, 3: 6}  # shapely type id of the single type -> its multi type


_EMPTY = {name: shapely.from_wkt(f"{name} EMPTY") for name in
          ("POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON")}


def _any_blobs(geoms, srs_id, layer_type):
    """``geometry_blobs`` of any geometries, through shapely's WKB."""
    geoms = np.asarray(geoms, dtype=object)
    multi = layer_type.startswith("MULTI")
    absent = shapely.is_missing(geoms)
    if absent.any():
        if layer_type not in _EMPTY:
            raise NotBulk(f"missing geometries in a {layer_type} layer")
        geoms = geoms.copy()
        geoms[absent] = _EMPTY[layer_type]
    present = ~shapely.is_missing(geoms)
    types = np.full(len(geoms), -1, dtype=np.int64)
    types[present] = shapely.get_type_id(geoms[present])
    if multi:
        single = np.isin(types, (1, 3))
        if single.any():
            at = np.flatnonzero(single)
            for single_type, build in ((1, shapely.multilinestrings), (3, shapely.multipolygons)):
                rows = at[types[at] == single_type]
                if len(rows):
                    geoms = geoms.copy()
                    geoms[rows] = build(geoms[rows], indices=np.arange(len(rows)))
                    types[rows] = _MULTI[single_type]
    empty = np.zeros(len(geoms), dtype=bool)
    empty[present] = shapely.is_empty(geoms[present])
    wkb = np.full(len(geoms), None, dtype=object)
    wkb[present] = shapely.to_wkb(geoms[present], output_dimension=2, byte_order=1, flavor="iso")
    boxed = present & ~empty & (types != 0)
    bounds = shapely.bounds(geoms[boxed])
    plain = np.zeros(len(geoms), dtype=_HEADER)
    plain["magic"], plain["srs"] = b"GP", srs_id
    plain["flags"] = np.where(empty, 0x11, 0x01)  # little-endian; bit 4: empty
    headers = np.empty(len(geoms), dtype=object)
    headers[:] = plain.view(f"V{_HEADER.itemsize}").tolist()
    if boxed.any():
        boxes = np.zeros(int(boxed.sum()), dtype=_ENVELOPE)
        boxes["magic"], boxes["srs"], boxes["flags"] = b"GP", srs_id, 0x03  # envelope [minx, maxx, miny, maxy]
        boxes["box"] = bounds[:, [0, 2, 1, 3]]
        envelopes = np.empty(len(boxes), dtype=object)
        envelopes[:] = boxes.view(f"V{_ENVELOPE.itemsize}").tolist()
        headers[boxed] = envelopes
    blobs = list(map(bytes.__add__, headers.tolist(), wkb.tolist()))
    # the R-tree holds every non-empty geometry: points as their own box
    indexed = present & ~empty
    box_rows = np.flatnonzero(indexed)
    all_bounds = np.full((len(geoms), 4), np.nan)
    all_bounds[boxed] = bounds
    points = indexed & (types == 0)
    if points.any():
        xy = shapely.get_coordinates(geoms[points])
        all_bounds[points] = np.column_stack([xy, xy])
    b = all_bounds[box_rows]
    return blobs, b[:, 0], b[:, 2], b[:, 1], b[:, 3], box_rows


