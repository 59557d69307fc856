"""Filling a GeoPackage layer in one SQLite transaction, without a QgsFeature per row.

QGIS (or GDAL) creates the layer — file, table, columns, spatial reference, R-tree table and
triggers, exactly as for any output; ``fill`` then inserts every row of a frame, many rows to an
``INSERT`` (``layers.sqlite_rows``; geometries as GeoPackage blobs, ``layers.gpkg_blobs``), bulk-loads the R-tree
(``layers.gpkg_rtree``), stores the layer's metadata when given (``layers.gpkg_metadata``) and sets what GDAL
keeps beside the rows (feature count, extent). GDAL's
R-tree and feature-count triggers call SQL functions only GDAL registers (``ST_MinX`` …), so
they are set aside for the insert and put back, unchanged, before the commit: the layer stays
indexed and editable as any GDAL-written one. Measured (issue 17): 150,000 grid cells
through a QGIS sink 2.4 s (1.0 s making QgsFeatures, 1.4 s GDAL's R-tree at close); here
~0.4 s, of which the R-tree ~0.2 s.

Values are converted as the QGIS sink converts them for the column types Risk Atlas writes
(integer, real, text, boolean); anything else (``NotBulk``) goes through the QGIS sink as before.
"""
import datetime
import os
import sqlite3

import numpy as np

from . import gpkg_rtree
from .gpkg_blobs import NotBulk, geometry_blobs
from .gpkg_metadata import store_layer_metadata
from .sqlite_rows import insert_rows


def is_geopackage(destination):
    """Whether a sink's destination id ('file.gpkg', 'file.gpkg|layername=t') is a GeoPackage file."""
    return isinstance(destination, str) and destination.partition("|")[0].lower().endswith(".gpkg")


def geopackage_target(destination):
    """(path, table) when ``destination`` (a sink's destination id: 'file.gpkg' or
    'file.gpkg|layername=table') is a layer of an existing GeoPackage file; else None."""
    if not isinstance(destination, str):
        return None
    path, _, options = destination.partition("|")
    if not path.lower().endswith(".gpkg") or not os.path.isfile(path):
        return None
    table = None
    for option in options.split("|") if options else []:
        key, _, value = option.partition("=")
        if key.strip().lower() == "layername":
            table = value.strip()
    if table is None:
        connection = _connect(path)
        try:
            tables = [row[0] for row in connection.execute(
                "SELECT table_name FROM gpkg_contents WHERE data_type IN ('features', 'attributes')")]
        except sqlite3.Error:
            return None
        finally:
            connection.close()
        if len(tables) != 1:
            return None
        table = tables[0]
    return path, table


def layer_uri(target):
    """The QGIS URI ('file.gpkg|layername=table') of a ``geopackage_target`` (path, table)."""
    return f"{target[0]}|layername={target[1]}"


def _connect(path):
    connection = sqlite3.connect(path, isolation_level=None, timeout=30)
    connection.execute("PRAGMA cache_size = -262144")  # up to 256 MB of pages: no spilling mid-insert
    return connection


def _quote(name):
    return '"' + name.replace('"', '""') + '"'


# ------------------------------------------------------------------------------ values

def _integers(array, missing):
    if array.dtype.kind in "iub":
        return array.astype(np.int64).tolist()
    if array.dtype.kind == "f":
        given = array[~missing]
        if not np.array_equal(given, np.trunc(given)) or (np.abs(given) >= 2.0 ** 63).any():
            raise NotBulk("fractional values in an integer column")
        return np.where(missing, 0, array).astype(np.int64).tolist()
    out = []
    for value in array.tolist():
        if isinstance(value, (bool, int, np.integer)):
            out.append(int(value))
        elif isinstance(value, (float, np.floating)) and float(value).is_integer():
            out.append(int(value))
        elif value is None or value != value:
            out.append(None)
        else:
            raise NotBulk(f"{type(value).__name__} in an integer column")
    return out


def _reals(array):
    if array.dtype.kind in "iubf":
        return array.astype(np.float64).tolist()
    out = []
    for value in array.tolist():
        if value is None or isinstance(value, (bool, int, float, np.number)):
            out.append(None if value is None else float(value))
        else:
            raise NotBulk(f"{type(value).__name__} in a real column")
    return out


def _texts(array):
    if array.dtype.kind in "OU":
        values = array.tolist()
        if all(type(value) is str or value is None for value in values):
            return values
    raise NotBulk("values other than text in a text column")


def _booleans(array):
    if array.dtype.kind == "b":
        return array.tolist()
    out = []
    for value in array.tolist():
        if value is None or isinstance(value, (bool, np.bool_)):
            out.append(None if value is None else bool(value))
        else:
            raise NotBulk(f"{type(value).__name__} in a boolean column")
    return out


def column_values(series, kind):
    """Python values of a column for SQLite as the QGIS sink writes a field of ``kind``
    ('int', 'double', 'string', 'bool'); None where missing. NotBulk when unsure."""
    from .schemas import BOOL, DOUBLE, INT, STRING

    missing = series.isna().to_numpy()
    array = series.to_numpy()
    if kind == INT:
        values = _integers(array, missing)
    elif kind == DOUBLE:
        values = _reals(array)
    elif kind == STRING:
        values = _texts(array)
    elif kind == BOOL:
        values = _booleans(array)
    else:
        raise NotBulk(f"column kind {kind}")
    for i in np.flatnonzero(missing).tolist():
        values[i] = None
    return values


# ------------------------------------------------------------------------------ the layer

def _layer_facts(connection, table):
    """(fid column, geometry column or None, srs id, geometry type name, column names) of a
    GeoPackage table."""
    info = connection.execute(f"PRAGMA table_info({_quote(table)})").fetchall()
    if not info:
        raise NotBulk(f"no table {table}")
    columns = [row[1] for row in info]
    fid = [row[1] for row in info if row[5] == 1]
    if len(fid) != 1:
        raise NotBulk("no single integer primary key")
    row = connection.execute("SELECT column_name, srs_id, geometry_type_name FROM gpkg_geometry_columns "
                             "WHERE lower(table_name) = lower(?)", (table,)).fetchone()
    if row is None:
        return fid[0], None, 0, "", columns
    return fid[0], row[0], int(row[1]), str(row[2]).upper(), columns


def _set_aside_triggers(connection, table):
    """Drop the table's triggers (GDAL's R-tree and feature-count ones); return their SQL."""
    rows = connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND lower(tbl_name) = "
                              "lower(?)", (table,)).fetchall()
    for name, _sql in rows:
        connection.execute(f"DROP TRIGGER {_quote(name)}")
    return [sql for _name, sql in rows]


class Prepared:
    """A frame's attribute columns as SQLite values (``prepare``), ready for ``fill`` (once). ``metadata``:
    QGIS's metadata document for the layer, stored in the same transaction (``metadata_stored`` once
    committed)."""

    def __init__(self, frame, names, columns):
        self.frame, self.names, self.columns = frame, names, columns
        self.metadata, self.metadata_stored = None, False

    def release(self):
        """Let go of the rows once they are in the file: freeing tens of thousands of Python values and
        geometries takes ~10 ms, done here — in the writer thread, beside the algorithm — rather than
        when the run's outputs are put in place."""
        self.frame = self.columns = None


def prepare(frame, fields):
    """The attribute values of ``frame`` for the columns named by ``fields`` (QgsFields or
    [(name, kind)]); NotBulk when a value would need QGIS's own conversion."""
    names, kinds = _names_and_kinds(fields)
    missing = [n for n in names if n not in frame.columns]
    if missing:
        raise KeyError(f"output columns missing: {', '.join(missing)}")
    return Prepared(frame, names, [column_values(frame[name], kind) for name, kind in zip(names, kinds)])


def fill(path, table, prepared, geometry=True):
    """Insert every row of a ``prepare``d frame into the empty GeoPackage layer ``table`` of
    ``path`` in one transaction and bulk-load its R-tree. Raises NotBulk (nothing written) when
    the table is not as expected, so the caller writes through QGIS instead. Returns the number
    of rows; the ``prepared`` rows are released once committed."""
    if prepared.columns is None:  # released: filled into a layer already
        raise ValueError("these prepared rows were filled into a layer already")
    connection = _connect(path)
    try:
        # no fsync at the commit, as GDAL writes a GeoPackage for QGIS (measured with strace: QGIS's
        # GeoPackage sinks call no fsync) — each fsync of a fresh output waits for the disk
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("BEGIN IMMEDIATE")
        try:
            count = _insert(connection, table, prepared.frame, prepared.names, prepared.columns, geometry)
            stored = prepared.metadata is not None and store_layer_metadata(connection, table, prepared.metadata)
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    finally:
        connection.close()
    prepared.metadata_stored = stored
    prepared.release()
    return count


def _insert(connection, table, frame, names, columns, geometry):
    fid, geom_column, srs_id, layer_type, table_columns = _layer_facts(connection, table)
    unknown = [n for n in names if n not in table_columns]
    if unknown:
        raise NotBulk(f"columns not in the table: {unknown}")
    if connection.execute(f"SELECT EXISTS (SELECT 1 FROM {_quote(table)})").fetchone()[0]:
        raise NotBulk("the table is not empty")
    n = len(frame)
    fids = range(1, n + 1)
    blobs = box = None
    if geom_column is not None and geometry and hasattr(frame, "geometry"):
        blobs, *box = geometry_blobs(frame.geometry.values, srs_id, layer_type)
        insert_columns, values = [fid, geom_column] + names, [fids, blobs] + list(columns)
    else:
        insert_columns, values = [fid] + names, [fids] + list(columns)
    triggers = _set_aside_triggers(connection, table)
    insert_rows(connection, _quote(table), [_quote(c) for c in insert_columns], values)
    if geom_column is not None:
        rtree = f"rtree_{table}_{geom_column}"
        if connection.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (rtree,)).fetchone():
            minx, maxx, miny, maxy, rows_boxed = box if box is not None else ([], [], [], [], np.zeros(0, int))
            gpkg_rtree.load(connection, rtree, np.asarray(rows_boxed, dtype=np.int64) + 1, minx, maxx, miny, maxy)
        if box is not None and len(box[0]):
            connection.execute("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? "
                               "WHERE lower(table_name) = lower(?)",
                               (float(np.min(box[0])), float(np.min(box[2])), float(np.max(box[1])),
                                float(np.max(box[3])), table))
    for sql in triggers:
        connection.execute(sql)
    connection.execute("UPDATE gpkg_contents SET last_change = ? WHERE lower(table_name) = lower(?)",
                       (datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z",
                        table))
    if connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_ogr_contents'").fetchone():
        connection.execute("UPDATE gpkg_ogr_contents SET feature_count = ? WHERE lower(table_name) = lower(?)",
                           (n, table))
    return n


def _names_and_kinds(fields):
    from .sinks import field_kinds

    if hasattr(fields, "names"):
        return list(fields.names()), field_kinds(fields)
    return [spec[0] for spec in fields], [spec[1] for spec in fields]
