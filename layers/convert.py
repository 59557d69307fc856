"""QGIS feature sources → GeoDataFrames, through WKB, keeping feature ids (writing back: ``layers.sinks``).

One pass over the features collects WKB and attribute lists; shapely decodes the whole WKB array
at once. Z and M are dropped (analysis is planar), curved geometries are segmentised, null
geometries become None. Reprojection happens in QGIS (QgsFeatureRequest.setDestinationCrs), so
core never needs PROJ. Invalid geometries are read as they are (QGIS's own validity check is
skipped): the algorithms repair them with a warning naming the features (``layers.checks``), and
validateinputs reports them. A shapefile whose text is GBK without a .cpg has its text read again
as GBK (``read_text_as``). A plain GeoPackage or shapefile read whole goes column by column
through GDAL's Arrow stream instead (``layers.arrow_read``), with the same result.
"""
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingFeatureSource,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QVariant

from ..core import log_lines as say
from ..core.crs import local_projected_epsg
from ..support import compat
from .schemas import BOOL, DOUBLE, INT, STRING

DATE, OTHER = "date", "other"

_INT_TYPES = {QVariant.Int, QVariant.UInt, QVariant.LongLong, QVariant.ULongLong}
_QGIS_TO_KIND = {**{t: INT for t in _INT_TYPES}, QVariant.Double: DOUBLE, QVariant.String: STRING,
                 QVariant.Bool: BOOL, QVariant.Date: DATE, QVariant.DateTime: DATE}


@dataclass
class LayerFrame:
    """A layer read for analysis: the GeoDataFrame (index = QGIS feature id) and what it came from."""

    gdf: "object"
    name: str
    field_types: dict  # field name -> INT / DOUBLE / STRING / BOOL / DATE / OTHER
    source_crs: QgsCoordinateReferenceSystem
    crs: QgsCoordinateReferenceSystem  # CRS of gdf's coordinates
    notes: list = field(default_factory=list)  # what conversion did (reprojected, Z dropped, ...)
    key: str = None  # the field naming a feature in messages (its id), or None
    kind: str = None  # its layers.schemas kind, when the algorithm reads it as one

    @property
    def reprojected(self):
        return self.source_crs != self.crs


def field_kind(qgs_field):
    """INT / DOUBLE / STRING / BOOL / DATE / OTHER for a QgsField."""
    return _QGIS_TO_KIND.get(int(qgs_field.type()), OTHER)


def analysis_crs(crs, extent=None, transform_context=None):
    """The projected metric CRS to analyse in: ``crs`` itself when projected, else a local one.

    A geographic CRS is replaced by the CGCS2000 3° GK zone (in China) or UTM zone covering the
    centre of ``extent`` (given in ``crs``): distances and areas need metres (core.crs).
    """
    if not crs.isValid() or not crs.isGeographic():
        return crs
    centre = extent.center() if extent is not None and not extent.isNull() else None
    if centre is None:
        raise ValueError("cannot choose a projected CRS for an empty geographic layer")
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    if crs != wgs84:
        transform = QgsCoordinateTransform(crs, wgs84, transform_context or QgsProject.instance().transformContext())
        centre = transform.transform(centre)
    return QgsCoordinateReferenceSystem(f"EPSG:{local_projected_epsg(centre.x(), centre.y())}")


def _extent(source):
    """The source's extent; computed from its features when the provider reports none yet."""
    extent = source.sourceExtent() if hasattr(source, "sourceExtent") else source.extent()
    if extent is not None and not extent.isNull():
        return extent
    extent = QgsRectangle()
    extent.setMinimal()
    for feature in source.getFeatures(QgsFeatureRequest().setNoAttributes()):
        if feature.hasGeometry():
            extent.combineExtentWith(feature.geometry().boundingBox())
    return extent


def _python_value(value):
    """QVariant NULL -> None; QDate/QDateTime -> Python date/datetime; everything else unchanged."""
    if isinstance(value, QVariant):
        return None if value.isNull() else value.value()
    if isinstance(value, QDate):
        return value.toPyDate() if value.isValid() else None
    if isinstance(value, QDateTime):
        return value.toPyDateTime() if value.isValid() else None
    return value


def _column(values, kind):
    """numpy-friendly columns: doubles float64 with NaN for null; ints int64, or float64 with NaN
    when any is null; everything else object with None."""
    if kind in (INT, DOUBLE):
        has_null = any(v is None for v in values)
        if kind == INT and not has_null:
            return np.asarray(values, dtype=np.int64)
        return np.array([np.nan if v is None else v for v in values], dtype=np.float64)
    return np.array(values, dtype=object)


def source_to_frame(source, name, target_crs=None, transform_context=None, request=None, feedback=None,
                    layer=None):
    """Read a QgsFeatureSource / QgsVectorLayer into a LayerFrame.

    ``target_crs``: reproject into it (default: the source's CRS, or a local projected CRS
    when the source is geographic). ``request``: a QgsFeatureRequest to start from (filters).
    ``layer``: the QgsVectorLayer behind a Processing source when the source reads it whole
    (``bulk_layer``): a plain file is then read column by column (``layers.arrow_read``), with the
    same result as feature by feature.
    """
    import geopandas as gpd

    source_crs = source.sourceCrs() if hasattr(source, "sourceCrs") else source.crs()
    notes = []
    if target_crs is None:
        target_crs = analysis_crs(source_crs, _extent(source), transform_context)
    context = transform_context or QgsProject.instance().transformContext()
    reproject = target_crs.isValid() and source_crs.isValid() and target_crs != source_crs
    if layer is None and request is None and isinstance(source, QgsVectorLayer):
        layer = source  # a layer read whole, outside Processing
    qgs_fields = source.fields()
    names = qgs_fields.names()
    kinds = {f.name(): field_kind(f) for f in qgs_fields}
    read = None
    if layer is not None and request is None:
        transform = QgsCoordinateTransform(source_crs, target_crs, context) if reproject else None
        read = _read_columnar(layer, qgs_fields, kinds, transform)
    if read is None:
        request = QgsFeatureRequest(request) if request is not None else QgsFeatureRequest()
        if reproject:
            request.setDestinationCrs(target_crs, context)
        read = _read_per_feature(source, request, names, kinds, feedback)
    fids, geoms, data, dropped_zm, curved = read
    if reproject:
        notes.append(say.LogLine(say.REPROJECTED, source=source_crs.authid() or source_crs.description(),
                                 target=target_crs.authid(), description=target_crs.description()))
    geoms[shapely.is_empty(geoms)] = None  # GeoPackage stores a missing geometry as an empty one
    if dropped_zm:
        geoms = shapely.force_2d(geoms)
        notes.append(say.LogLine(say.ZM_DROPPED, count=dropped_zm))
    if curved:
        notes.append(say.LogLine(say.CURVES_SEGMENTISED, count=curved))
    index = pd.Index(np.asarray(fids, dtype=np.int64), name="fid")
    # No pyproj CRS on the frame: the CRS lives on the LayerFrame (QGIS's). Creating a pyproj CRS in
    # Processing's background thread crashed QGIS 3.40 (Debian 13: PROJ used by QGIS and pyproj at once),
    # and core needs only planar metres.
    gdf = gpd.GeoDataFrame(pd.DataFrame(data, index=index), geometry=gpd.GeoSeries(geoms, index=index))
    return LayerFrame(gdf, name, kinds, source_crs, target_crs if target_crs.isValid() else source_crs, notes)


def _read_per_feature(source, request, names, kinds, feedback):
    """(fids, shapely geometries, {field: column}, features with Z/M, curved features), one
    QgsFeature at a time."""
    fids, wkbs, rows = [], [], []
    dropped_zm = curved = 0
    if isinstance(source, QgsProcessingFeatureSource):  # invalid geometries are repaired later, with a warning
        features = source.getFeatures(request, compat.SKIP_GEOMETRY_CHECKS)
    else:
        request.setInvalidGeometryCheck(compat.GEOMETRY_NO_CHECK)
        features = source.getFeatures(request)
    for i, feature in enumerate(features):
        if feedback is not None and i % 5000 == 0:
            if feedback.isCanceled():
                break
        fids.append(feature.id())
        rows.append(feature.attributes())
        geometry = feature.geometry()
        if geometry is None or geometry.isNull():
            wkbs.append(None)
            continue
        wkb_type = geometry.wkbType()
        if QgsWkbTypes.isCurvedType(wkb_type):
            geometry = QgsGeometry(geometry.constGet().segmentize())
            curved += 1
        if QgsWkbTypes.hasZ(wkb_type) or QgsWkbTypes.hasM(wkb_type):
            dropped_zm += 1
        wkbs.append(bytes(geometry.asWkb()))
    geoms = shapely.from_wkb(np.array(wkbs, dtype=object), on_invalid="ignore")
    columns = list(zip(*rows)) if rows else [[] for _ in names]
    data = {}
    for col_name, values in zip(names, columns):
        values = [_python_value(v) for v in values]
        data[col_name] = _column(values, kinds[col_name])
    return fids, geoms, data, dropped_zm, curved


def bulk_layer(value, layer):
    """The QgsVectorLayer a Processing source parameter (``value``, as given) reads whole — not
    selected features, a feature limit, an expression filter or its own geometry check — else None."""
    from qgis.core import QgsProcessingFeatureSourceDefinition

    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly or value.featureLimit not in (-1, None) or int(value.flags) != 0 \
                or getattr(value, "filterExpression", ""):
            return None
    return layer if isinstance(layer, QgsVectorLayer) else None


def _read_columnar(layer, qgs_fields, kinds, transform):
    """``_read_per_feature``'s result read column by column through GDAL's Arrow stream (see
    ``layers.arrow_read``), or None when this layer is to be read feature by feature."""
    from . import arrow_read as ar

    target = ar.arrow_available() and ar.plain_file_layer(layer)
    if not target or QgsWkbTypes.hasM(layer.wkbType()):
        return None
    read = ar.read_columns(*target)
    if read is None:
        return None
    columns, fid_name, geom_name = read
    fids = np.asarray(columns[fid_name], dtype=np.int64)
    data = {}
    for qgs_field in qgs_fields:
        field_name, kind = qgs_field.name(), kinds[qgs_field.name()]
        if field_name == fid_name and field_name not in columns:
            return None
        if kind == DATE and int(qgs_field.type()) != int(QVariant.Date):
            return None  # date-times: QGIS's own time-zone handling
        values = ar.column(columns[field_name], kind) if field_name in columns else None
        if values is None:
            return None
        data[field_name] = values
    if geom_name in columns:
        read = ar.geometries(columns[geom_name])
        if read is None:
            return None  # curves: QGIS segmentises them
        geoms, codes, dropped_zm = read
    else:
        geoms, dropped_zm = np.full(len(fids), None, dtype=object), 0
    if QgsWkbTypes.isMultiType(layer.wkbType()):
        geoms = _as_multi(geoms)
    if transform is not None:
        if dropped_zm:
            return None
        geoms = _transformed(geoms, transform)
        if geoms is None:
            return None
    return fids, geoms, data, dropped_zm, 0


def _as_multi(geoms):
    """Single points, lines and polygons as one-part multi geometries (QGIS's OGR provider
    returns multi geometries from a layer whose type is multi)."""
    types = shapely.get_type_id(geoms)
    single = np.isin(types, (0, 1, 3))
    if single.any():
        geoms = geoms.copy()
        for code, build in ((0, shapely.multipoints), (1, shapely.multilinestrings), (3, shapely.multipolygons)):
            rows = np.flatnonzero(single & (types == code))
            if len(rows):
                geoms[rows] = build(geoms[rows], indices=np.arange(len(rows)))
    return geoms


def _transformed(geoms, transform):
    """The geometries reprojected by QGIS (one collection, transformed as a feature request
    transforms each feature's geometry); None when the transform fails."""
    from qgis.core import QgsCsException

    present = np.flatnonzero(~shapely.is_missing(geoms) & ~shapely.is_empty(geoms))
    out = geoms.copy()
    if len(present):
        collection = QgsGeometry()
        collection.fromWkb(shapely.to_wkb(shapely.geometrycollections(geoms[present])))
        try:
            if collection.transform(transform) != 0:
                return None
        except QgsCsException:
            return None
        parts = shapely.get_parts(shapely.from_wkb(bytes(collection.asWkb())))
        if len(parts) != len(present):
            return None
        out[present] = parts
    return out



def read_text_as(frame, path, encoding):
    """Read the text fields of the shapefile ``path`` again in ``encoding`` (e.g. CP936 for GBK) into the
    frame's rows (matched by feature id: a shapefile's fids are its record numbers)."""
    from osgeo import gdal

    text_fields = [name for name, kind in frame.field_types.items() if kind == STRING and name in frame.gdf.columns]
    if not text_fields or frame.gdf.empty:
        return frame
    saved = gdal.GetConfigOption("SHAPE_ENCODING")  # QGIS sets it to "" (it decodes text itself)
    gdal.SetConfigOption("SHAPE_ENCODING", encoding)
    try:
        dataset = gdal.OpenEx(path, gdal.OF_VECTOR, open_options=[f"ENCODING={encoding}"])
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", saved)
    if dataset is None:
        return frame
    layer = dataset.GetLayer(0)
    values = {name: {} for name in text_fields}
    for feature in layer:
        fid = feature.GetFID()
        for name in text_fields:
            index = feature.GetFieldIndex(name)
            if index >= 0:
                values[name][fid] = feature.GetField(index) if feature.IsFieldSetAndNotNull(index) else None
    dataset = layer = None
    gdf = frame.gdf.copy()
    for name in text_fields:
        gdf[name] = np.array([values[name].get(int(fid)) for fid in gdf.index], dtype=object)
    frame.gdf = gdf
    return frame
