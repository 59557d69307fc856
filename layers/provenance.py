"""How an output was made (algorithm, version, parameters — JSON), kept in its layer metadata: applied when
QGIS loads the output (``LayerPostProcessor``, with its style) and saved with the file once the algorithm has
finished (``save_provenance``: GeoPackage gpkg_metadata, else a .qmd beside the file)."""
import json

from qgis.core import QgsProcessingLayerPostProcessorInterface


class LayerPostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies a style function and records provenance in the layer's metadata."""

    def __init__(self, style=None, provenance=None):
        super().__init__()
        self.style, self.provenance_record = style, provenance

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API)
        if self.style is not None:
            self.style(layer)
        if self.provenance_record is not None and not _has_provenance(layer, self.provenance_record):
            add_provenance(layer, self.provenance_record)
        layer.triggerRepaint()


def add_provenance(layer, record):
    """Append how the layer was made (algorithm, version, parameters — JSON) to its metadata history."""
    metadata = layer.metadata()
    metadata.setHistory(metadata.history() + [json.dumps(record, ensure_ascii=False)])
    if not metadata.abstract():
        metadata.setAbstract(f"Made by {record.get('algorithm', 'Risk Atlas')} {record.get('version', '')}".strip())
    layer.setMetadata(metadata)


def save_provenance(dest_id, record, context):
    """Record ``record`` in the metadata of the output ``dest_id`` (a memory layer: in the layer); returns
    (saved?, message)."""
    from qgis.core import QgsProcessingUtils, QgsVectorLayer

    layer = QgsProcessingUtils.mapLayerFromString(dest_id, context)  # a temporary (memory) output
    if layer is not None and layer.providerType() == "memory":
        add_provenance(layer, record)
        return True, ""
    layer = QgsVectorLayer(_with_layer_name(dest_id), "output", "ogr")
    if not layer.isValid():
        return False, "cannot open the output"
    add_provenance(layer, record)
    message, ok = layer.saveDefaultMetadata()
    return ok, message


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
