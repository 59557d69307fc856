"""GeoDataFrames → QGIS features and sinks (the writing half of ``layers.convert``).

Features are built from numpy columns and WKB, chunk by chunk; large outputs are pipelined (a
helper thread makes the next chunk's QgsFeatures while QGIS writes the current one, see
``write_to_sink``). The caller computed everything first, so an output is written whole.
"""
import types

import numpy as np
import shapely
from qgis.core import QgsFeature, QgsField, QgsFields, QgsGeometry

from ..support import compat
from .schemas import BOOL, DOUBLE, INT, STRING

_KIND_TO_QGIS = {INT: compat.FIELD_TYPE_LONG, DOUBLE: compat.FIELD_TYPE_DOUBLE,
                 STRING: compat.FIELD_TYPE_STRING, BOOL: compat.FIELD_TYPE_BOOL}
_QGIS_TO_KIND = {int(compat.FIELD_TYPE_INT): INT, int(compat.FIELD_TYPE_LONG): INT,
                 int(compat.FIELD_TYPE_DOUBLE): DOUBLE, int(compat.FIELD_TYPE_STRING): STRING,
                 int(compat.FIELD_TYPE_BOOL): BOOL}


def field_kinds(fields):
    """INT / DOUBLE / STRING / BOOL per QgsField (None for any other type)."""
    return [_QGIS_TO_KIND.get(int(qgs_field.type())) for qgs_field in fields]


def make_fields(specs):
    """QgsFields from (name, kind) or (name, kind, alias) tuples; kind is INT/DOUBLE/STRING/BOOL."""
    fields = QgsFields()
    for spec in specs:
        name, kind = spec[0], spec[1]
        qgs_field = QgsField(name, _KIND_TO_QGIS[kind])
        if len(spec) > 2 and spec[2]:
            qgs_field.setAlias(spec[2])
        fields.append(qgs_field)
    return fields


def input_and_new_fields(source_fields, new_fields):
    """QgsFields: the input's fields (minus any the algorithm writes itself) + the new ones (QgsFields
    or specs); returns (fields, names of the input fields replaced)."""
    if not hasattr(new_fields, "names"):
        new_fields = make_fields(new_fields)
    fields, replaced = QgsFields(), []
    new_names = set(new_fields.names())
    for qgs_field in source_fields:
        if qgs_field.name() in new_names:
            replaced.append(qgs_field.name())
            continue
        fields.append(qgs_field)
    for qgs_field in new_fields:
        fields.append(qgs_field)
    return fields, replaced


class _Column:
    """A column ready to become Python values (what QgsFeature.setAttributes wants) slice by slice:
    a numpy array, its missing-value mask and whether numpy scalars inside must be unwrapped."""

    __slots__ = ("array", "missing", "unwrap")

    def __init__(self, series):
        self.missing = series.isna().to_numpy()
        if series.dtype.kind in "biuf":  # plain numpy columns: tolist() already yields Python numbers
            self.array, self.unwrap = series.to_numpy(), False
        else:
            self.array, self.unwrap = series.astype(object).to_numpy(), series.dtype == object

    def values(self, start=0, stop=None):
        """Python values of rows ``start:stop``, None for missing."""
        values = self.array[start:stop].tolist()
        if self.unwrap:
            values = [v.item() if isinstance(v, np.generic) else v for v in values]
        for i in np.flatnonzero(self.missing[start:stop]):
            values[i] = None
        return values


def _column_values(series):
    """A column as a list of Python values (None for missing), as QgsFeature.setAttributes wants."""
    return _Column(series).values()


def _attribute_lists(frame, names):
    """One list of attribute values per row (lists: QgsFeature.setAttributes refuses tuples)."""
    columns = [_column_values(frame[name]) for name in names]
    return list(map(list, zip(*columns))) if columns else [[] for _ in range(len(frame))]


def _checked_names(frame, fields):
    names = fields.names()
    missing = [n for n in names if n not in frame.columns]
    if missing:
        raise KeyError(f"output columns missing: {', '.join(missing)}")
    return names


def _geometry_wkbs(frame, geometry):
    """2D WKB of every row's geometry (None where missing), or None when no geometry is written."""
    if geometry and hasattr(frame, "geometry"):
        return shapely.to_wkb(np.asarray(frame.geometry.values, dtype=object), output_dimension=2)
    return None


def _build_features(fields, rows, wkbs, reuse=()):
    """QgsFeatures from attribute lists and WKB (``wkbs`` None: no geometry). The hot loop of every
    output: one setAttributes and one QgsGeometry.fromWkb per row, nothing else.

    ``reuse``: features already handed to a sink, overwritten instead of making new ones. Safe: a
    sink written in C++ receives copies, and QgsFeature / QgsGeometry are copy-on-write, so changing
    ours afterwards never changes what was written. All come from one frame, so they have geometry
    exactly when ``wkbs`` is given."""
    count = len(rows)
    features = list(reuse[:count])
    if len(features) < count:
        new_feature = QgsFeature
        features.extend([new_feature(fields) for _ in range(count - len(features))])
    if wkbs is None:
        for feature, row in zip(features, rows):
            feature.setAttributes(row)
        return features
    new_geometry = QgsGeometry
    for feature, row, wkb in zip(features, rows, wkbs):
        feature.setAttributes(row)
        if wkb is not None:
            qgs_geometry = new_geometry()
            qgs_geometry.fromWkb(wkb)
            feature.setGeometry(qgs_geometry)
        else:
            feature.clearGeometry()
    return features


def frame_to_features(frame, fields, geometry=True):
    """QgsFeatures for every row of ``frame``, attributes in the order of ``fields``.

    ``frame`` may be a GeoDataFrame (geometry written) or a plain DataFrame (no geometry).
    """
    names = _checked_names(frame, fields)
    return _build_features(fields, _attribute_lists(frame, names), _geometry_wkbs(frame, geometry))


def _feature_chunks(frame, fields, chunk, spent=None):
    """Lists of at most ``chunk`` QgsFeatures, in row order (a generator).

    The frame is read here, in the calling thread: numpy columns and the geometry array (no copy
    of the whole frame as Python objects). Each chunk then becomes Python values, WKB and
    QgsFeatures. ``spent``: a list where the writer puts chunks it has written; their features
    are reused for later chunks (see ``_build_features``)."""
    if len(frame) == 0:
        return _generate_chunks(fields, [], None, 0, chunk, spent)
    columns = [_Column(frame[name]) for name in _checked_names(frame, fields)]
    geometries = np.asarray(frame.geometry.values, dtype=object) if hasattr(frame, "geometry") else None
    return _generate_chunks(fields, columns, geometries, len(frame), chunk, spent)


def _generate_chunks(fields, columns, geometries, total, chunk, spent):
    for start in range(0, total, chunk):
        stop = min(start + chunk, total)
        rows = (list(map(list, zip(*(column.values(start, stop) for column in columns)))) if columns
                else [[] for _ in range(stop - start)])
        wkbs = shapely.to_wkb(geometries[start:stop], output_dimension=2) if geometries is not None else None
        reuse = []
        while spent and len(reuse) < len(rows):
            reuse.extend(spent.pop())
        yield _build_features(fields, rows, wkbs, reuse)
        del reuse


class _ChunkProducer:
    """Builds feature chunks in a helper thread while the caller writes the previous chunk.

    QgsFeatureSink.addFeatures releases Python's GIL while QGIS writes (measured on 3.22; a build that
    did not would merely run the two in turn), so making the next chunk's QgsFeatures (Python work)
    overlaps the writing (C++ work). The sink itself is
    only ever used by the calling thread; the helper touches nothing but QgsFeature/QgsGeometry
    values (implicitly shared, copy-on-write, atomic reference counts). At most ``depth`` finished
    chunks wait. Written chunks come back through ``recycle`` and their features are reused, which
    saves making and freeing a QgsFeature per row (a third of the Python work).
    """

    _END = object()

    def __init__(self, frame, fields, chunk, reuse=True, depth=1):
        import queue
        import threading

        self._spent = [] if reuse else None
        self._chunks = _feature_chunks(frame, fields, chunk, self._spent)
        self._queue = queue.Queue(maxsize=depth)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="riskatlas-features", daemon=True)
        self._thread.start()

    def _put(self, item):
        import queue

        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _run(self):
        try:
            for features in self._chunks:
                if not self._put(features):
                    return
                del features
            self._put(self._END)
        except BaseException as error:  # handed to the caller, raised there
            self._put(error)

    def recycle(self, features):
        """Hand back a chunk the sink has written (its features get reused)."""
        if self._spent is not None:
            self._spent.append(features)

    def __iter__(self):
        while True:
            item = self._queue.get()
            if item is self._END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
            del item

    def close(self):
        self._stop.set()
        self._thread.join()
        self._chunks.close()
        if self._spent is not None:
            self._spent.clear()


def _sink_copies_features(sink):
    """True when the sink's addFeatures/addFeature are QGIS's own (C++) code, which copies the
    features it gets; False for sinks written in Python, which may keep the very objects."""
    for name in ("addFeatures", "addFeature"):
        method = getattr(sink, name, None)
        if method is None or isinstance(getattr(method, "__func__", method), types.FunctionType):
            return False
    return True


def write_to_sink(frame, sink, fields, feedback=None, progress=None, chunk=10_000):
    """Write every row of ``frame`` to a feature sink (the caller computed everything first).

    Rows go in chunks so that fewer than ``chunk`` QgsFeatures exist at a time (bounded memory).
    Above ``chunk`` rows the work is pipelined in pieces of ``chunk / 8`` rows: a helper thread makes
    the next piece's QgsFeatures while the sink writes the current one (the sink is used from the
    calling thread only; see ``_ChunkProducer``); the output is the same, row for row. ``progress``
    = (start, end) percentages reported through ``feedback`` meanwhile. Returns the number of rows
    written.
    """
    total = len(frame)
    if total > chunk:
        chunks = _ChunkProducer(frame, fields, max(1, chunk // 8), reuse=_sink_copies_features(sink))
    else:
        chunks = _feature_chunks(frame, fields, chunk)
    done = 0
    recycle = getattr(chunks, "recycle", None)
    try:
        for features in chunks:
            if not sink.addFeatures(features, compat.FAST_INSERT):
                raise IOError(f"could not write features: {sink.lastError() if hasattr(sink, 'lastError') else ''}")
            done += len(features)
            if recycle is not None:
                recycle(features)
            del features
            if feedback is not None and progress is not None:
                feedback.setProgress(progress[0] + (progress[1] - progress[0]) * done / max(total, 1))
    finally:
        chunks.close()
    return total


def prepare_bulk(frame, fields):
    """The frame's rows ready for a bulk GeoPackage fill (``layers.gpkg_bulk``), or None when
    some value needs QGIS's own conversion (then ``write_to_sink`` writes it)."""
    from .gpkg_bulk import NotBulk, prepare

    try:
        return prepare(frame, fields)
    except NotBulk:
        return None


def bulk_destination(prepared, destination):
    """True when a ``prepare_bulk``ed frame goes to a GeoPackage file (``fill_destination``)."""
    from .gpkg_bulk import is_geopackage

    return prepared is not None and is_geopackage(destination)


def fill_destination(prepared, destination, fields):
    """Write a prepared frame into the layer a sink created (closed, empty): in bulk, or — when
    the table is not as expected — through the OGR provider, feature by feature. Returns the
    layer's URI ('file.gpkg|layername=table')."""
    from .gpkg_bulk import NotBulk, fill, geopackage_target, layer_uri

    try:
        target = geopackage_target(destination)
        if target is None:
            raise NotBulk(f"no single layer in {destination}")
        fill(*target, prepared)
        return layer_uri(target)
    except NotBulk:
        return add_through_provider(prepared, destination, fields)


def add_through_provider(prepared, destination, fields):
    """Write a prepared frame into the (empty) layer ``destination`` through the OGR provider, feature by
    feature — where a bulk fill found the table not as expected. Returns ``destination``."""
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(destination, "output", "ogr")
    if not layer.isValid():
        raise IOError(f"could not open {destination}")
    features = frame_to_features(prepared.frame, fields)
    # the provider's fields start with the GeoPackage's fid column, which ours do not have: by name, the fid
    # left empty (the provider numbers the rows)
    provider_fields = layer.dataProvider().fields()
    positions = [fields.indexOf(name) for name in provider_fields.names()]
    if positions != list(range(len(fields))):
        for feature in features:
            values = feature.attributes()
            feature.setFields(provider_fields, True)
            feature.setAttributes([values[p] if p >= 0 else None for p in positions])
    if not layer.dataProvider().addFeatures(features)[0]:
        raise IOError(f"could not write features to {destination}")
    del layer
    return destination


def wkb_type_for(gdf, default=None):
    """The QGIS WKB type to create an output for a GeoDataFrame (multi when any part is multi)."""
    kinds = set(shapely.get_type_id(np.asarray(gdf.geometry.values, dtype=object)).tolist()) - {-1}
    if not kinds:
        return default if default is not None else compat.WKB_NO_GEOMETRY
    if kinds <= {0, 4}:
        return compat.WKB_MULTIPOINT if 4 in kinds else compat.WKB_POINT
    if kinds <= {1, 2, 5}:
        return compat.WKB_MULTILINESTRING if 5 in kinds else compat.WKB_LINESTRING
    if kinds <= {3, 6}:
        return compat.WKB_MULTIPOLYGON if 6 in kinds else compat.WKB_POLYGON
    raise ValueError(f"mixed geometry types cannot go into one layer: {sorted(kinds)}")


_IN_PLACE = ("memory:", "postgres:", "postgis:", "spatialite:", "mssql:", "oracle:", "hana:", "TEMPORARY_OUTPUT")
_LAYER_NAMED = (".gpkg", ".sqlite")  # formats whose table is named after the file (kept: the target's name)


def ogr_table(destination):
    """(file, table) of a sink destination ``ogr:dbname='…' table="…"`` (quotes doubled inside), else None."""
    import re

    found = re.search(r"dbname='((?:[^']|'')*)'.*?table=\"((?:[^\"]|\"\")*)\"", destination)
    return (found.group(1).replace("''", "'"), found.group(2).replace('""', '"')) if found else None


def staged_destination(destination, outputs, extension="gpkg"):
    """Where to write the sink ``destination`` (as QGIS states it) so that it is whole or absent, through
    ``outputs`` (a layers.atomic.OutputSet): (the destination to write, create options to add, the final
    destination once renamed — None when it is written in place).

    A file is written under a temporary name beside it (its table keeps the target's name); a table in a
    GeoPackage (``ogr:dbname='…' table="…"``) is written in place and dropped on failure; memory layers and
    databases are written in place."""
    import os

    if not destination or destination.startswith(_IN_PLACE) or "://" in destination:
        return destination, {}, None
    if destination.startswith("ogr:"):
        found = ogr_table(destination)
        if found:
            outputs.table(*found)
        return destination, {}, None
    path = destination
    stem, ext = os.path.splitext(os.path.basename(path))
    if not ext:
        path, ext = f"{path}.{extension}", f".{extension}"
    temporary = outputs.file(path)
    return temporary, ({"layerName": stem} if ext.lower() in _LAYER_NAMED else {}), path
