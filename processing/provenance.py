"""Provenance of the outputs (algorithm, version, parameters) in their layer metadata, and the
post-processor that styles an output when QGIS loads it."""
import contextlib
import json

from qgis.core import QgsProcessingLayerPostProcessorInterface

_POST_PROCESSORS = []  # keep post-processors alive until QGIS has run them


def keep_alive(processor):
    _POST_PROCESSORS.append(processor)


def save_provenance(outputs, context, feedback):
    """Write each (destination id, record, layer URI or None) of ``outputs`` into that output's
    metadata (GeoPackage gpkg_metadata, else a .qmd); the sinks are closed by now. (A layer
    written in bulk is a GeoPackage layer whose URI is known: no looking it up.)"""
    from qgis.core import QgsProcessingUtils, QgsVectorLayer

    with unsynchronised_sqlite():
        for dest_id, record, layer_uri in outputs:
            _save_one(dest_id, record, layer_uri, context, feedback, QgsProcessingUtils, QgsVectorLayer)


@contextlib.contextmanager
def unsynchronised_sqlite():
    """GDAL's SQLite without fsync for the block, in this thread only (OGR_SQLITE_SYNCHRONOUS=OFF):
    saving a fresh output's metadata otherwise waits for ~14 fdatasync calls (counted with strace),
    0.1–0.3 s per output on a busy disk — the outputs themselves are written without any."""
    try:
        from osgeo import gdal
    except ImportError:
        yield
        return
    before = gdal.GetThreadLocalConfigOption("OGR_SQLITE_SYNCHRONOUS", None)
    gdal.SetThreadLocalConfigOption("OGR_SQLITE_SYNCHRONOUS", "OFF")
    try:
        yield
    finally:
        gdal.SetThreadLocalConfigOption("OGR_SQLITE_SYNCHRONOUS", before)


def _save_one(dest_id, record, layer_uri, context, feedback, QgsProcessingUtils, QgsVectorLayer):  # noqa: N803
    try:
        if layer_uri is None:
            layer = QgsProcessingUtils.mapLayerFromString(dest_id, context)  # a temporary (memory) output
            if layer is not None and layer.providerType() == "memory":
                add_provenance(layer, record)
                return
        layer = QgsVectorLayer(layer_uri or _with_layer_name(dest_id), "output", "ogr")
        ok, message = False, "cannot open the output"
        if layer.isValid():
            add_provenance(layer, record)
            message, ok = layer.saveDefaultMetadata()
    except Exception as error:  # provenance must never cost the results
        ok, message = False, str(error)
    if not ok:
        feedback.pushWarning(f"provenance not saved with {dest_id}: {message}")


class LayerPostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies a style function, the output fields' aliases in ``language`` (layers/output_aliases.py) and
    records provenance in the layer's metadata."""

    def __init__(self, style=None, provenance=None, language=None):
        super().__init__()
        self.style, self.provenance_record, self.language = style, provenance, language

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API)
        from ..layers.output_aliases import apply_output_aliases

        if self.style is not None:
            self.style(layer)
        if self.language is not None:
            apply_output_aliases(layer, self.language)
        if self.provenance_record is not None and not _has_provenance(layer, self.provenance_record):
            add_provenance(layer, self.provenance_record)
        layer.triggerRepaint()


def add_provenance(layer, record):
    """Append how the layer was made (algorithm, version, parameters — JSON) to its metadata history."""
    layer.setMetadata(provenance_metadata(layer.metadata(), record))


def provenance_metadata(metadata, record):
    """``metadata`` (a QgsLayerMetadata, changed and returned) with the record appended to its history and,
    when it has none, an abstract naming the algorithm."""
    metadata.setHistory(metadata.history() + [json.dumps(record, ensure_ascii=False)])
    if not metadata.abstract():
        metadata.setAbstract(f"Made by {record.get('algorithm', 'Risk Atlas')} {record.get('version', '')}".strip())
    return metadata


def output_metadata_document(record, crs):
    """The metadata document QGIS would store for a freshly written output layer in ``crs`` once its
    provenance is added (``add_provenance`` on the opened layer, then ``saveDefaultMetadata``): a
    dataset's metadata with the layer's CRS — which QGIS 3.40 fills in on opening a layer and 3.22
    leaves empty; Risk Atlas's outputs carry it on both — as the 'qgis' XML document QGIS writes
    (``QgsMapLayer``'s metadata export). Stored with the rows by a bulk fill (``layers.gpkg_metadata``)."""
    from qgis.core import Qgis, QgsLayerMetadata
    from qgis.PyQt.QtXml import QDomDocument, QDomImplementation

    metadata = QgsLayerMetadata()
    metadata.setType("dataset")
    if crs is not None and crs.isValid():
        metadata.setCrs(crs)
    provenance_metadata(metadata, record)
    document = QDomDocument(QDomImplementation().createDocumentType("qgis", "http://mrcc.com/qgis.dtd", "SYSTEM"))
    root = document.createElement("qgis")
    root.setAttribute("version", Qgis.version())
    document.appendChild(root)
    metadata.writeMetadataXml(root, document)
    return document.toString(2)  # indented by two, as QGIS saves it


def _with_layer_name(uri):
    """'file.gpkg' -> 'file.gpkg|layername=<its layer>' (metadata is stored per table in a GeoPackage)."""
    from qgis.core import QgsDataProvider, QgsProviderRegistry, QgsVectorLayer

    parts = QgsProviderRegistry.instance().decodeUri("ogr", uri)
    if parts.get("layerName") or not str(parts.get("path", "")).lower().endswith(".gpkg"):
        return uri
    probe = QgsVectorLayer(uri, "probe", "ogr")
    sublayers = probe.dataProvider().subLayers() if probe.isValid() else []
    if len(sublayers) != 1:
        return uri
    return f"{parts['path']}|layername={sublayers[0].split(QgsDataProvider.sublayerSeparator())[1]}"


def _has_provenance(layer, record):
    return json.dumps(record, ensure_ascii=False) in layer.metadata().history()
