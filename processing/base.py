"""Shared base class for every Risk Atlas algorithm."""
import json

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..support import compat
from ..support.dependencies import install_message
from ..support.i18n import plugin_version

_POST_PROCESSORS = []  # keep post-processors alive until QGIS has run them


class Cancelled(Exception):
    pass


def source_types(geometries):
    """Processing source types for geometry kinds of layers.schemas (POINT, LINE, POLYGON)."""
    from ..layers.schemas import LINE, POINT, POLYGON

    types = {POINT: compat.SOURCE_POINT, LINE: compat.SOURCE_LINE, POLYGON: compat.SOURCE_POLYGON}
    return [types[g] for g in geometries]


def input_label(assessment_input):
    """The translated label of an assessment input (layers.schemas.ASSESSMENT_INPUTS)."""
    return QCoreApplication.translate("InputLayers", assessment_input.label)


class RiskAtlasAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set ALGORITHM_ID and GROUP_ID and implement displayName, group,
    shortHelpString, initAlgorithm and ``compute(parameters, context, feedback)``.

    (Not ``run``: QgsProcessingAlgorithm.run is QGIS's own entry point, which Processing calls.)
    ``compute`` computes everything before creating any sink, so an output is written whole or
    not at all; core ``InputError``s become QgsProcessingExceptions naming layer, feature
    and field.
    """

    ALGORITHM_ID = ""
    GROUP_ID = ""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "run" in cls.__dict__:
            raise TypeError(f"{cls.__name__}: implement compute(parameters, context, feedback), not run() — "
                            "run() is QgsProcessingAlgorithm's own entry point")

    def tr(self, text):
        return QCoreApplication.translate(type(self).__name__, text)

    def createInstance(self):
        return type(self)()

    def name(self):
        return self.ALGORITHM_ID

    def groupId(self):
        return self.GROUP_ID

    def helpUrl(self):
        return "https://github.com/riskatlas/riskatlas#algorithms"

    def canExecute(self):
        message = install_message()
        return (not message, message)

    def processAlgorithm(self, parameters, context, feedback):
        from ..core.errors import InputError

        message = install_message()
        if message:
            raise QgsProcessingException(message)
        try:
            return self.compute(parameters, context, feedback)
        except Cancelled:
            feedback.reportError(QCoreApplication.translate("RiskAtlasAlgorithm", "Cancelled: no output was written."))
            return {}
        except InputError as error:
            raise QgsProcessingException(str(error)) from error

    def compute(self, parameters, context, feedback):
        raise NotImplementedError

    # ---------------------------------------------------------------- helpers for subclasses

    @staticmethod
    def check_cancelled(feedback):
        if feedback is not None and feedback.isCanceled():
            raise Cancelled()

    def read_source(self, parameters, name, context, feedback, target_crs=None, required=True):
        """A feature-source parameter read into a LayerFrame (reprojected to ``target_crs``,
        or to a local projected CRS when geographic — said in the log)."""
        from ..layers.convert import source_to_frame

        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            if required:
                raise QgsProcessingException(self.invalidSourceError(parameters, name))
            return None
        layer_name = self.source_label(parameters, name, source)
        try:
            frame = source_to_frame(source, layer_name, target_crs=target_crs,
                                    transform_context=context.transformContext(), feedback=feedback)
        except ValueError as error:
            raise QgsProcessingException(f"{layer_name}: {error}") from error
        self.check_cancelled(feedback)
        if not frame.source_crs.isValid():
            raise QgsProcessingException(
                QCoreApplication.translate(
                    "RiskAtlasAlgorithm",
                    "Layer '{0}' has no coordinate reference system: set one in Layer Properties ▸ Source.")
                .format(layer_name))
        for note in frame.notes:
            feedback.pushInfo(f"{layer_name}: {note}")
        return frame

    def field_parameter(self, parameters, name, context, default):
        """The field named by a field parameter, else ``default``.

        Field parameters are declared optional with a default: QGIS 3.22 does not apply a field
        parameter's default when the parameter is left out (processing.run, qgis_process), so a
        required one would refuse to run. Whether the field exists is checked by core, which
        names layer and field."""
        values = compat.parameter_as_fields(self, parameters, name, context)
        return values[0] if values and values[0] else default

    @staticmethod
    def source_label(parameters, name, source):
        """A name for messages: the GeoPackage layer name when the input is 'file.gpkg|layername=x',
        else the source's own name, else the parameter name."""
        value = parameters.get(name)
        if isinstance(value, str) and "layername=" in value:
            return value.split("layername=", 1)[1].split("|", 1)[0]
        return source.sourceName() or name

    def provenance(self, parameters, **extra):
        """How an output was made: algorithm id, plugin version and parameters (JSON-able)."""
        def plain(value):
            if isinstance(value, (str, int, float, bool)) or value is None:
                return value
            if isinstance(value, (list, tuple)):
                return [plain(v) for v in value]
            return str(value)

        record = {"algorithm": f"riskatlas:{self.name()}", "version": plugin_version(),
                  "parameters": {k: plain(v) for k, v in parameters.items()}}
        record.update(extra)
        return record

    def attach_post_processor(self, context, dest_id, processor):
        """Run ``processor`` (a LayerPostProcessor) when QGIS loads the output ``dest_id``, and
        record its provenance in the output's metadata once the algorithm has finished (so files
        written by qgis_process or models carry it too: GeoPackage gpkg_metadata, else a .qmd)."""
        if processor.provenance_record is not None:
            self.__dict__.setdefault("_provenance_outputs", []).append((dest_id, processor.provenance_record))
        if context.willLoadLayerOnCompletion(dest_id):
            _POST_PROCESSORS.append(processor)
            context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(processor)

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802 (QGIS API)
        """The sinks are closed now: write each output's provenance into its layer metadata."""
        from qgis.core import QgsProcessingUtils, QgsVectorLayer

        for dest_id, record in self.__dict__.pop("_provenance_outputs", []):
            try:
                layer = QgsProcessingUtils.mapLayerFromString(dest_id, context)  # a temporary (memory) output
                if layer is not None and layer.providerType() == "memory":
                    add_provenance(layer, record)
                    continue
                layer = QgsVectorLayer(_with_layer_name(dest_id), "output", "ogr")
                ok, message = False, "cannot open the output"
                if layer.isValid():
                    add_provenance(layer, record)
                    message, ok = layer.saveDefaultMetadata()
            except Exception as error:  # provenance must never cost the results
                ok, message = False, str(error)
            if not ok:
                feedback.pushWarning(f"provenance not saved with {dest_id}: {message}")
        return {}


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
