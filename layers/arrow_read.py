"""Columnar reads of plain GeoPackage and shapefile layers through GDAL's Arrow stream.

``source_to_frame`` reads feature by feature through QGIS (a QgsFeature, its attributes and its
WKB per row: ~5 µs a feature, 0.5 s for 100,000 roads). When the layer is a plain file that
QGIS reads through OGR exactly as it lies on disk, ``osgeo.ogr``'s ``GetArrowStreamAsNumPy``
(GDAL ≥ 3.6; detected, not assumed) hands over whole columns at once, and the frame is built
from them as the per-feature path builds it: the same feature ids, field types, NULLs and
geometry WKB (multi-part where QGIS makes single parts multi-part, Z dropped with the same note;
reprojection by the same QGIS transform). Everything else takes the per-feature path: layers
of other providers (memory, virtual, databases), subset filters, selected features, feature
limits, unsaved edits, joined or virtual fields, shapefiles whose text encoding needs care
(``layers.encoding``), curved or M geometries, date-time fields, and any layer where the
Processing settings would act on an invalid geometry.
"""
import functools
import os

import numpy as np

from ..core.garbage_collector import collector_paused
from .schemas import BOOL, DOUBLE, INT, STRING

DATE = "date"
_CURVED_OR_SOLID = set(range(8, 18))  # ISO WKB codes of curves, surfaces, TIN, triangle


def arrow_available():
    try:
        from osgeo import gdal_array, ogr  # noqa: F401
    except ImportError:
        return False
    return hasattr(ogr.Layer, "GetArrowStreamAsNumPy")


def plain_file_layer(layer):
    """(path, layer name or None) when ``layer`` (a QgsVectorLayer) is read by OGR straight from
    a GeoPackage or shapefile, unfiltered and unedited; else None."""
    from qgis.core import QgsFields, QgsProviderRegistry

    if layer is None or not hasattr(layer, "providerType") or layer.providerType() != "ogr":
        return None
    if layer.subsetString() or (layer.isEditable() and layer.isModified()):
        return None
    fields = layer.fields()
    if any(fields.fieldOrigin(i) != QgsFields.OriginProvider for i in range(fields.count())):
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    extra = {k: v for k, v in parts.items() if k not in ("path", "layerName") and v not in (None, "", -1)}
    if extra or not os.path.isfile(path):
        return None
    extension = os.path.splitext(path)[1].lower()
    if extension == ".gpkg":
        return path, parts.get("layerName") or None
    if extension == ".shp" and _shapefile_text_plain(path, layer.dataProvider().encoding()):
        return path, None
    return None


def _shapefile_text_plain(path, provider_encoding):
    """True when OGR and QGIS decode the shapefile's text alike: ASCII text, or UTF-8 declared
    by a .cpg and not overridden in QGIS."""
    from .encoding import dbf_path_for, sniff_dbf_text

    dbf = dbf_path_for(path)
    if dbf is None:
        return True
    text, _ldid = sniff_dbf_text(dbf)
    if text == "ascii":
        return True
    base = os.path.splitext(path)[0]
    for cpg in (base + ".cpg", base + ".CPG"):
        if os.path.exists(cpg):
            with open(cpg, "rb") as handle:
                declared = handle.read(64).decode("ascii", "replace").strip().upper().replace("-", "")
            return text == "utf-8" and declared in ("UTF8", "65001") and \
                provider_encoding.upper().replace("-", "") in ("", "UTF8")
    return False


def _open(path, layer_name):
    from osgeo import gdal

    dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
    if dataset is None:
        return None, None
    layer = dataset.GetLayerByName(layer_name) if layer_name else dataset.GetLayer(0)
    if layer is None or (layer_name is None and dataset.GetLayerCount() != 1):
        return None, None
    return dataset, layer


def _stream(layer, options=()):
    """{column: numpy array} of a whole OGR layer (or SQL result) through its Arrow stream."""
    chunks = {}
    # GDAL's default batch size (65,536 features): GDAL sizes a batch's buffers by it, so memory stays bounded
    stream = layer.GetArrowStreamAsNumPy(["INCLUDE_FID=YES", "MAX_FEATURES_IN_BATCH=65536", *options])
    for batch in stream:
        for key, values in batch.items():
            chunks.setdefault(key, []).append(values)
    del stream
    return {key: _concatenate(parts) for key, parts in chunks.items()}


@functools.lru_cache(maxsize=None)
def booleans_stream_correctly(driver):
    """Whether ``driver``'s Arrow stream gives boolean fields right. Measured: GDAL 3.6.2's
    GeoPackage stream does not (garbled bits); so this is tried once on a small layer in memory."""
    from osgeo import gdal, ogr

    truth = [True, None, False, False, True, True, False, False, False, True, True]
    path = f"/vsimem/riskatlas-boolean-probe{'.gpkg' if driver == 'GPKG' else '.shp'}"
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        dataset = ogr.GetDriverByName(driver).CreateDataSource(path)
        layer = dataset.CreateLayer("probe", geom_type=ogr.wkbPoint)
        definition = ogr.FieldDefn("b", ogr.OFTInteger)
        definition.SetSubType(ogr.OFSTBoolean)
        layer.CreateField(definition)
        for value in truth:
            feature = ogr.Feature(layer.GetLayerDefn())
            if value is not None:
                feature.SetField(0, int(value))
            layer.CreateFeature(feature)
        del layer, dataset
        dataset = ogr.Open(path)
        values, missing = _split(_stream(dataset.GetLayer(0))["b"])
        got = [None if m else bool(v) for v, m in zip(values.tolist(), missing.tolist())]
        del dataset
        return got == truth
    except Exception:
        return False
    finally:
        gdal.Unlink(path)
        gdal.PopErrorHandler()


def read_columns(path, layer_name):
    """{column: numpy array (masked where nullable)} of the whole layer, the FID column's name and
    the geometry column's name; None when GDAL cannot stream it."""
    from osgeo import gdal, ogr

    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        dataset, layer = _open(path, layer_name)
        if layer is None:
            return None
        fid_name = layer.GetFIDColumn() or "OGC_FID"
        geom_name = layer.GetGeometryColumn() or "wkb_geometry"
        columns = _stream(layer)
        if fid_name not in columns:  # no batch came (an empty layer, or GDAL could not fill one): feature by feature
            return None
        definition = layer.GetLayerDefn()
        booleans = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())
                    if definition.GetFieldDefn(i).GetSubType() == ogr.OFSTBoolean]
        driver = dataset.GetDriver().ShortName
        if booleans and not booleans_stream_correctly(driver):
            if driver != "GPKG" or not _booleans_as_integers(dataset, layer.GetName(), fid_name, booleans, columns):
                return None
        del layer, dataset
    except Exception:  # no Arrow support for this layer: the per-feature path reads it
        return None
    finally:
        gdal.PopErrorHandler()
    return columns, fid_name, geom_name


def _booleans_as_integers(dataset, table, fid_name, names, columns):
    """Replace the boolean columns by ``CAST(column AS INTEGER) != 0`` read through an SQL
    result (which has no boolean subtype, so its stream is right); False when the rows differ."""
    def quoted(name):
        return '"' + name.replace('"', '""') + '"'

    selected = ", ".join(f"CAST({quoted(n)} AS INTEGER) AS {quoted(n)}" for n in names)
    result = dataset.ExecuteSQL(f"SELECT {quoted(fid_name)}, {selected} FROM {quoted(table)}")
    if result is None:
        return False
    try:
        read = _stream(result)
    finally:
        dataset.ReleaseResultSet(result)
    fids = np.asarray(read.get(fid_name, []))
    if not np.array_equal(fids, np.asarray(columns[fid_name])):
        return False
    for name in names:
        values, missing = _split(read[name])
        if values.dtype.kind in "iub":
            columns[name] = np.ma.masked_array(values != 0, missing)
        elif missing.all():  # only NULLs: GDAL's SQL result may type such a column otherwise
            columns[name] = np.ma.masked_array(np.zeros(len(values), dtype=bool), np.ones(len(values), dtype=bool))
        else:
            return False
    return True


def _concatenate(parts):
    if any(np.ma.isMaskedArray(p) for p in parts):
        return np.ma.concatenate([np.ma.asarray(p) for p in parts]) if len(parts) > 1 else parts[0]
    return np.concatenate(parts) if len(parts) > 1 else parts[0]


def _split(array):
    """(values, missing mask) of a possibly masked array."""
    if np.ma.isMaskedArray(array):
        return np.ma.getdata(array), np.ma.getmaskarray(array)
    return array, np.zeros(len(array), dtype=bool)


def column(array, kind):
    """A frame column as the per-feature path makes it (see ``convert._column``): ints int64,
    or float64 with NaN when any is null; doubles float64 with NaN; text, booleans and dates
    objects with None. None when the Arrow type does not fit the kind."""
    values, missing = _split(array)
    if kind == INT and values.dtype.kind in "iu":
        return values.astype(np.int64) if not missing.any() else np.where(missing, np.nan, values.astype(np.float64))
    if kind == DOUBLE and values.dtype.kind in "fiu":
        return np.where(missing, np.nan, values.astype(np.float64))
    if kind == STRING and values.dtype.kind == "S":
        try:
            out = values.astype("U").astype(object)  # numpy decodes ASCII (fast); other text below
        except UnicodeDecodeError:
            try:
                out = np.array(list(map(bytes.decode, values.tolist())), dtype=object)  # UTF-8
            except UnicodeDecodeError:
                return None  # QGIS replaces what is not UTF-8
    elif kind == BOOL and values.dtype.kind == "b":
        out = np.array(values.tolist(), dtype=object)
    elif kind == DATE and values.dtype == np.dtype("datetime64[D]"):
        out = values.astype(object)
    else:
        return None
    out[missing] = None
    return out


def _codes_of(heads):
    """ISO geometry type codes from the first 5 bytes of WKBs (an (n, 5) uint8 array): byte 0 the byte
    order (1: little-endian), bytes 1–4 the type."""
    b = [heads[:, i].astype(np.uint32) for i in range(1, 5)]
    little = b[0] | b[1] << 8 | b[2] << 16 | b[3] << 24
    big = b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]
    return np.where(heads[:, 0] == 1, little, big).astype(np.int64) & 0x0FFFFFFF


def _codes(wkbs):
    """ISO geometry type code of each WKB (bytes objects)."""
    if not wkbs:
        return np.zeros(0, dtype=np.int64)
    return _codes_of(np.frombuffer(b"".join(w[:5] for w in wkbs), dtype=np.uint8).reshape(-1, 5))


def geometries(array):
    """(shapely geometries, ISO type codes (1001 for any Z), features with Z or M) of a WKB
    column, as the per-feature path has them before its multi-part and reprojection steps; None
    when some geometry is curved or not readable (the per-feature path segmentises curves)."""
    import shapely

    values, missing = _split(array)
    wkbs = values.tolist()
    for i in np.flatnonzero(missing).tolist():
        wkbs[i] = None
    with collector_paused():
        geoms = shapely.from_wkb(np.array(wkbs, dtype=object), on_invalid="ignore")
    failed = shapely.is_missing(geoms) & ~missing
    if failed.any():
        return None  # curves (GEOS reads none), or broken WKB: QGIS's way
    if values.dtype.kind == "V":  # fixed-width WKB (e.g. all 2-point lines): every code at once
        codes = _codes_of(values.view(np.uint8).reshape(len(values), -1)[:, :5])
        codes[missing] = 0
    else:  # Z from GEOS; the codes of empty geometries (GEOS keeps no Z there) from their bytes
        codes = np.zeros(len(geoms), dtype=np.int64)
        codes[shapely.has_z(geoms)] = 1001
        empty = np.flatnonzero(~missing & shapely.is_empty(geoms))
        codes[empty] = _codes([wkbs[i] for i in empty.tolist()])
    if np.isin(codes % 1000, list(_CURVED_OR_SOLID)).any():
        return None
    return geoms, codes, int((codes // 1000 > 0).sum())
