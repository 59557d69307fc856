"""Writing GeoDataFrames into a GeoPackage through QGIS, whole or not at all.

All layers go into a temporary file beside the target (``layers.atomic``), which replaces the
target only once every layer (and its default style) is written.
"""
import contextlib
import os

from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsVectorFileWriter, QgsVectorLayer

from .atomic import atomic_output
from .sinks import fill_destination, frame_to_features, make_fields, prepare_bulk, wkb_type_for


@contextlib.contextmanager
def quiet_gdal():
    """Silence GDAL's own stderr messages for a block whose outcome QGIS reports anyway
    (e.g. QGIS 3.22 creating a table without geometry in a GeoPackage prints 'No geometry column')."""
    try:
        from osgeo import gdal
    except ImportError:  # no GDAL Python bindings: the messages are only noise on stderr
        yield
        return
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        yield
    finally:
        gdal.PopErrorHandler()


def fields_from_schema(schema, language="zh"):
    """QgsFields for a LayerSchema, aliases in the given language."""
    return make_fields([(f.name, f.type, f.alias_zh if language == "zh" else f.alias_en) for f in schema.fields])


def write_layer(path, layer_name, frame, fields, crs, wkb_type=None, overwrite_file=False):
    """Write one layer into ``path`` (GPKG). ``frame`` columns must cover ``fields``."""
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = layer_name
    options.fileEncoding = "UTF-8"
    options.actionOnExistingFile = (QgsVectorFileWriter.CreateOrOverwriteFile if overwrite_file or not os.path.exists(path)
                                    else QgsVectorFileWriter.CreateOrOverwriteLayer)
    if wkb_type is None:
        wkb_type = wkb_type_for(frame)
    prepared = prepare_bulk(frame, fields)
    writer = QgsVectorFileWriter.create(path, fields, wkb_type, crs, QgsProject.instance().transformContext(), options)
    if writer.hasError() != QgsVectorFileWriter.NoError:
        raise IOError(f"cannot create layer '{layer_name}' in {path}: {writer.errorMessage()}")
    if prepared is not None:  # QGIS created the layer; one transaction fills it (layers.gpkg_bulk)
        del writer
        fill_destination(prepared, f"{path}|layername={layer_name}", fields)
        return
    features = frame_to_features(frame, fields)
    ok = writer.addFeatures(features)
    error = writer.errorMessage()
    del writer  # closes the layer
    if not ok:
        raise IOError(f"cannot write layer '{layer_name}' in {path}: {error}")


def drop_stored_styles(path, layer_name):
    """Remove the styles stored for ``layer_name`` in the GeoPackage (QGIS 3.22 asks in a dialog — which
    blocks a headless run — before it overwrites one)."""
    from osgeo import ogr

    dataset = ogr.Open(path, 1)
    if dataset is None:
        return
    if dataset.GetLayerByName("layer_styles") is not None:
        quoted = layer_name.replace("'", "''")
        dataset.ExecuteSQL(f"DELETE FROM layer_styles WHERE f_table_name = '{quoted}'")
    dataset = None


def save_default_style(path, layer_name, style_function, description=""):
    """Store a default style (symbology + field aliases + drop-downs) inside the GeoPackage's
    layer_styles, replacing any the layer had."""
    drop_stored_styles(path, layer_name)
    layer = QgsVectorLayer(f"{path}|layername={layer_name}", layer_name, "ogr")
    if not layer.isValid():
        raise IOError(f"cannot open layer '{layer_name}' in {path}")
    style_function(layer)
    message = layer.saveStyleToDatabase(layer_name, description, True, "")
    del layer
    return message


def write_geopackage(path, layers, crs, styles=None):
    """Write ``layers`` — {name: (frame, QgsFields, wkb_type or None)} — into ``path`` atomically.

    ``styles``: optional {name: function(QgsVectorLayer)} stored as each layer's default style.
    ``crs``: a QgsCoordinateReferenceSystem or an 'EPSG:nnnn' string.
    """
    if isinstance(crs, str):
        crs = QgsCoordinateReferenceSystem(crs)
    with atomic_output(path) as temporary:
        for i, (name, (frame, fields, wkb_type)) in enumerate(layers.items()):
            write_layer(temporary, name, frame, fields, crs, wkb_type, overwrite_file=(i == 0))
        for name, style in (styles or {}).items():
            save_default_style(temporary, name, style)
    return path
