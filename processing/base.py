"""Shared base class for every Risk Atlas algorithm: the plumbing every algorithm needs once —
group names, help lookup, parameter declaration shorthands, reading sources and field
parameters, writing sinks and reports, provenance and styles.

Bad input never costs a traceback, a wrong silent result or a half-written file:

* reading (``read_source``, ``processing/reading.py``): each input is read as the algorithm declares in
  ``READS`` (``Reads``: its layer kind, key field, what features without geometry and an empty layer mean);
  invalid geometries are repaired and a GBK shapefile without .cpg is read as GBK, each with a warning naming
  the features; ``check_fields`` applies the rules validateinputs reports with to the fields the run uses;
* messages: core's ``InputError``s and ``Notice``s are rendered in the user's language (context
  "InputError"), each feature named by its key and fid (``FS06 (fid 6)``);
* writing (``processing/writing.py``): every output (sinks, HTML, files, folders) goes through one
  ``layers.atomic.OutputSet``: written under a temporary name beside its target, renamed into place once
  ``compute`` has finished; any failure or cancellation removes them (tables added to an existing GeoPackage
  are dropped).

Algorithm modules are parameters and wiring; what they compute lives in ``core``, how layers are
read, joined and written in ``layers``, their help texts in ``processing/help.py``.
"""
import json

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingAlgorithm,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..layers.schemas import ACCEPT, KEEP, LEAVE_OUT, QUIET, STOP, WARN  # noqa: F401 (for the algorithms' READS)
from ..support import compat
from ..support.dependencies import install_message
from ..support.i18n import PLUGIN_DIR, plugin_version, ui_language
from . import preselect
from .reading import Reading, Reads, layer_note, say_in_ui, translate_input_error  # noqa: F401 (for the algorithms)
from .writing import Writing

def QT_TRANSLATE_NOOP(context, text):  # noqa: N802 (the name pylupdate5 looks for; translated in group())
    return text


GROUP_NAMES = {  # GROUP_ID -> group shown in the toolbox
    "assessment": QT_TRANSLATE_NOOP("RiskAtlasAlgorithm", "Assessment"),
    "data": QT_TRANSLATE_NOOP("RiskAtlasAlgorithm", "Data"),
    "risk": QT_TRANSLATE_NOOP("RiskAtlasAlgorithm", "Risk"),
    "coverage": QT_TRANSLATE_NOOP("RiskAtlasAlgorithm", "Coverage"),
    "atlas": QT_TRANSLATE_NOOP("RiskAtlasAlgorithm", "Atlas"),
}
# parameter flag "advanced": Qgis.ProcessingParameterFlag.Advanced on newer QGIS, the class flag on 3.22
FLAG_ADVANCED = getattr(getattr(compat.Qgis, "ProcessingParameterFlag", None), "Advanced", None) \
    or QgsProcessingParameterDefinition.FlagAdvanced


LANGUAGES = ("zh", "en")  # the languages of the files an algorithm writes


class Cancelled(Exception):
    pass


def icon_path(name):
    """An icon of the plugin's icons/ folder (the plugin's own icon when there is no such file)."""
    import os

    path = os.path.join(PLUGIN_DIR, "icons", f"{name}.svg")
    return path if os.path.exists(path) else os.path.join(PLUGIN_DIR, "icon.svg")


def manual_url(anchor="", language=None):
    """The bundled manual (help/manual_zh.html or manual_en.html, in the UI language) as a file URL."""
    import os

    from qgis.PyQt.QtCore import QUrl

    url = QUrl.fromLocalFile(os.path.join(PLUGIN_DIR, "help", f"manual_{language or ui_language()}.html"))
    if anchor:
        url.setFragment(anchor)
    return url.toString()


def source_types(geometries):
    """Processing source types for geometry kinds of layers.schemas (POINT, LINE, POLYGON)."""
    from ..layers.schemas import LINE, POINT, POLYGON

    types = {POINT: compat.SOURCE_POINT, LINE: compat.SOURCE_LINE, POLYGON: compat.SOURCE_POLYGON}
    return [types[g] for g in geometries]


def input_label(assessment_input):
    """The translated label of an assessment input (layers.schemas.ASSESSMENT_INPUTS)."""
    return QCoreApplication.translate("InputLayers", assessment_input.label)


class RiskAtlasAlgorithm(Reading, Writing, QgsProcessingAlgorithm):
    """Subclasses set ALGORITHM_ID and GROUP_ID and implement displayName, initAlgorithm and
    ``compute(parameters, context, feedback)``; their help text is ``processing.help.HELP[ALGORITHM_ID]``.

    (Not ``run``: QgsProcessingAlgorithm.run is QGIS's own entry point, which Processing calls.)
    ``compute`` computes everything before creating any sink, so an output is written whole or
    not at all; core ``InputError``s become QgsProcessingExceptions naming layer, feature
    and field.
    """

    ALGORITHM_ID = ""
    GROUP_ID = ""
    ICON = ""  # an SVG in icons/ (menu and toolbox)

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

    def group(self):
        return QCoreApplication.translate("RiskAtlasAlgorithm", GROUP_NAMES[self.GROUP_ID])

    def help_text(self):
        """The algorithm's own help (processing.help.HELP)."""
        from .help import HELP

        render = HELP.get(self.ALGORITHM_ID)
        return render(self) if render else ""

    def shortHelpString(self):
        from .help import bad_input_text

        text = self.help_text()
        if self.READS:
            def label(name):
                definition = self.parameterDefinition(name)
                return definition.description() if definition is not None else name

            text += "\n\n" + bad_input_text(self.READS, label)
        return text

    def helpUrl(self):  # noqa: N802 (QGIS API): the bundled manual, at this algorithm's section
        return manual_url(self.ALGORITHM_ID)

    def icon(self):
        from qgis.PyQt.QtGui import QIcon

        return QIcon(self.svgIconPath())

    def svgIconPath(self):  # noqa: N802 (QGIS API)
        return icon_path(self.ICON or self.ALGORITHM_ID)

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS API)
        """QGIS's checks, then: no layer chosen for one kind looks like another (processing/preselect.py)."""
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, "\n".join([message] + self._unopened_layers(parameters, context))
        problem = preselect.kind_problem(self, parameters, context)
        return (False, problem) if problem else (True, "")

    def _unopened_layers(self, parameters, context):
        """What QGIS's "Incorrect parameter value" leaves unsaid: which layer path cannot be opened."""
        from qgis.core import QgsProcessingUtils

        found = []
        for definition in self.parameterDefinitions():
            value = parameters.get(definition.name())
            if definition.type() in ("source", "vector") and isinstance(value, str) and value.strip() \
                    and QgsProcessingUtils.mapLayerFromString(value, context) is None:
                found.append(QCoreApplication.translate("RiskAtlasAlgorithm", "{0}: no layer can be opened from {1}")
                             .format(definition.description(), value))
        return found

    def canExecute(self):
        message = install_message()
        return (not message, message)

    def processAlgorithm(self, parameters, context, feedback):
        from ..core.errors import InputError
        from ..layers.atomic import OutputSet

        message = install_message()
        if message:
            raise QgsProcessingException(message)
        self._outputs, self._frames, self._staged_ids, self._post, self._kept = OutputSet(), {}, {}, [], []
        try:
            results = self.compute(parameters, context, feedback)
            self._join_writes()
            self.check_cancelled(feedback)  # cancelled while the last output was written: nothing stays
            return self._commit(results, context)
        except Cancelled:
            self._join_writes(raise_errors=False)
            self._outputs.rollback()
            feedback.reportError(QCoreApplication.translate("RiskAtlasAlgorithm", "Cancelled: no output was written."))
            return {}
        except InputError as error:
            self._fail()
            failure = self.render(error)
        except OSError as error:  # a file that cannot be written (or read): said, not a traceback
            self._fail()
            failure = QCoreApplication.translate("RiskAtlasAlgorithm", "File error: {0}").format(error)
        except QgsProcessingException as error:
            self._fail()
            failure = str(error)
        except BaseException:
            self._fail()
            raise
        # Raised out here, not in a handler: QGIS's error handler for processAlgorithm never releases the
        # exception it is given, so that one must not chain to the run's traceback — whose frames hold the
        # input layers (their files) open until QGIS quits, where closing them then crashed the tests' exit.
        raise QgsProcessingException(failure)

    def compute(self, parameters, context, feedback):
        raise NotImplementedError

    # ---------------------------------------------------------------- declaring parameters

    def layer_kinds(self):
        """{layer parameter: the layer kind it takes (layers/kinds.py)}."""
        return self.__dict__.setdefault("_layer_kinds", {})

    def add_source(self, name, label, types, optional=False, kind=None, geometry=None):
        """A feature-source parameter. ``kind`` (layers/kinds.py): the dialog pre-selects the project's
        layer of that kind (one not already offered to an earlier parameter of this algorithm; the
        preferred ``geometry`` breaks ties) and a run stops when the layer chosen looks like another kind."""
        parameter = QgsProcessingParameterFeatureSource(name, label, types, optional=optional)
        if kind is not None:
            self.layer_kinds()[name] = kind
            offered = self.__dict__.setdefault("_offered", {})
            layer = preselect.offer_layer(parameter, kind, types, {v.id() for v in offered.values()}, geometry)
            if layer is not None:
                offered[name] = layer
        self.addParameter(parameter)

    def add_field(self, name, label, default, parent, data_type=None):
        """A field parameter, optional with a default: QGIS 3.22 does not apply a field parameter's
        default when the parameter is left out (processing.run, qgis_process), so a required one
        would refuse to run. ``field_parameter`` reads it. The dialog pre-selects the field of the
        pre-selected layer that matches the default (by name or the ledger's synonyms)."""
        parameter = QgsProcessingParameterField(name, label, default, parent,
                                                compat.FIELD_ANY if data_type is None else data_type, optional=True)
        layer = self.__dict__.get("_offered", {}).get(parent)
        if layer is not None:
            preselect.offer_field(parameter, layer, self.layer_kinds().get(parent), default)
        self.addParameter(parameter)

    def add_number(self, name, label, default=None, minimum=None, optional=False, advanced=False, decimals=None):
        """A number parameter; ``decimals``: digits the dialog's box shows (not 500.000000)."""
        parameter = QgsProcessingParameterNumber(name, label, compat.NUMBER_DOUBLE, default, optional=optional,
                                                 **({} if minimum is None else {"minValue": minimum}))
        if advanced:
            parameter.setFlags(parameter.flags() | FLAG_ADVANCED)
        set_decimals(parameter, decimals)
        self.addParameter(parameter)

    def add_sink(self, name, label, sink_type, optional=False):
        self.addParameter(QgsProcessingParameterFeatureSink(name, label, sink_type, optional=optional,
                                                            createByDefault=True))

    def add_html(self, name, label):
        self.addParameter(QgsProcessingParameterFileDestination(
            name, label, QCoreApplication.translate("RiskAtlasAlgorithm", "HTML files (*.html)"), optional=True))

    def add_language(self):
        """LANGUAGE (advanced, optional): the language of the files the run writes; not given: the UI's."""
        from qgis.core import QgsProcessingParameterEnum

        label = QCoreApplication.translate("RiskAtlasAlgorithm", "Language of the reports (zh: Chinese, en: English)")
        parameter = QgsProcessingParameterEnum("LANGUAGE", label, options=list(LANGUAGES), usesStaticStrings=True,
                                               optional=True)
        parameter.setFlags(parameter.flags() | FLAG_ADVANCED)
        self.addParameter(parameter)

    def language(self, parameters, context):
        """'zh' or 'en': LANGUAGE when given, else QGIS's UI language (the log always follows the UI)."""
        from ..support.i18n import is_chinese

        given = self.given(parameters, "LANGUAGE")
        value = self.parameterAsEnumString(parameters, "LANGUAGE", context) if given else ""
        return value if value in LANGUAGES else ("zh" if is_chinese() else "en")

    # ---------------------------------------------------------------- reading

    @staticmethod
    def check_cancelled(feedback):
        if feedback is not None and feedback.isCanceled():
            raise Cancelled()

    def advance(self, feedback, percent):
        """Progress to ``percent``; stops here when the user cancelled."""
        self.check_cancelled(feedback)
        feedback.setProgress(percent)

    def progress(self, feedback, start, span, scale=1.0):
        """A progress callback for core: ``done`` (a fraction 0..1; percent with ``scale=0.01``)
        maps onto the ``start``..``start + span`` stretch of the bar; it also stops on cancellation."""
        def report(done, *message):
            self.check_cancelled(feedback)
            feedback.setProgress(start + span * scale * done)
            if message:
                feedback.pushDebugInfo(say_in_ui(message[0]))
        return report

    @staticmethod
    def given(parameters, name):
        """True when the parameter was given a value (not left out, not empty, not NULL)."""
        value = parameters.get(name)
        if value is None or (isinstance(value, str) and not value.strip()) or value == []:
            return False
        return not (hasattr(value, "isNull") and value.isNull())

    def read_source(self, parameters, name, context, feedback, target_crs=None, required=True):
        """A feature-source parameter read into a LayerFrame (reprojected to ``target_crs``,
        or to a local projected CRS when geographic — said in the log), as ``READS[name]`` says;
        None when an optional source is not given. A plain file read whole goes column by column
        (``layers.convert.bulk_layer``)."""
        from ..layers.convert import bulk_layer, source_to_frame

        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            if required:
                raise QgsProcessingException(self.invalidSourceError(parameters, name))
            return None
        layer_name = self.source_label(parameters, name, source)
        layer = bulk_layer(parameters.get(name), self.parameterAsVectorLayer(parameters, name, context))
        try:
            frame = source_to_frame(source, layer_name, target_crs=target_crs,
                                    transform_context=context.transformContext(), feedback=feedback,
                                    layer=layer)
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
            feedback.pushInfo(layer_note(layer_name, note))
        return self.apply_reads(parameters, name, context, feedback, frame)

    def field_parameter(self, parameters, name, context, frame=None, required=False):
        """The field a field parameter names, or None when no field is to be used.

        Left out: the parameter's default. Given empty: no field (``required``: the default).
        With ``frame`` (a LayerFrame): a field the layer lacks is an error naming layer, field and
        parameter — unless it is the default of an optional field (e.g. 'hazard_cat'), which layers
        without that field simply do not use. Without ``frame`` core checks the field."""
        default = self.parameterDefinition(name).defaultValue() or None
        if name not in parameters or parameters[name] is None:
            chosen = default
        elif not self.given(parameters, name):
            chosen = default if required else None
        else:
            values = compat.parameter_as_fields(self, parameters, name, context)
            chosen = (values[0] if values else None) or default
        if chosen and frame is not None and chosen not in frame.gdf.columns:
            if chosen == default and not required:
                return None
            raise QgsProcessingException(QCoreApplication.translate(
                "RiskAtlasAlgorithm", "Layer '{0}' has no field '{1}' ({2}).").format(frame.name, chosen, name))
        return chosen or None

    @staticmethod
    def source_label(parameters, name, source):
        """A name for messages: the GeoPackage layer name when the input is 'file.gpkg|layername=x',
        else the source's own name, else the parameter name."""
        value = parameters.get(name)
        if isinstance(value, str) and "layername=" in value:
            return value.split("layername=", 1)[1].split("|", 1)[0]
        return source.sourceName() or name

    # ---------------------------------------------------------------- writing

    def write_sink(self, parameters, name, context, frame, fields, wkb_type, crs=None, feedback=None,
                   progress=None, style=None, provenance=None, required=True, background=False):
        """Create the sink ``name`` and write ``frame`` (columns covering ``fields``: QgsFields or
        (name, kind) specs) into it; style and provenance are applied when QGIS loads it. Returns
        the destination id, or None for an optional output that is not wanted. ``background``: a
        GeoPackage fill may go on in a second thread while the algorithm computes (``writing``)."""
        from ..layers.sinks import make_fields

        if not hasattr(fields, "names"):
            fields = make_fields(fields)
        dest_id, layer_uri, prepared = self._write_layer(parameters, name, context, frame, fields, wkb_type, crs,
                                                         feedback, progress, background, provenance)
        if dest_id is None:
            if required:
                raise QgsProcessingException(self.invalidSinkError(parameters, name))
            return None
        from .provenance import LayerPostProcessor

        post = LayerPostProcessor(style=style, provenance=provenance, language=self.language(parameters, context))
        self._post.append((dest_id, post, layer_uri, prepared))
        return dest_id

    def write_html(self, parameters, name, context, page):
        """Write the HTML text ``page`` (a str, or a function returning one) to the file output
        ``name`` when it is wanted; returns its path or None."""
        path = self.parameterAsFileOutput(parameters, name, context)
        if not path:
            return None
        with open(self.output_file(path), "w", encoding="utf-8") as handle:
            handle.write(page() if callable(page) else page)
        return path

    @staticmethod
    def push_provenance(feedback, record):
        from ..core import log_lines

        line = log_lines.LogLine(log_lines.PROVENANCE, record=json.dumps(record, ensure_ascii=False))
        feedback.pushInfo(say_in_ui(line))

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

    def attach_post_processor(self, context, dest_id, processor, layer_uri=None, provenance_stored=False):
        """Run ``processor`` (a LayerPostProcessor) when QGIS loads the output ``dest_id``, and
        record its provenance in the output's metadata once the algorithm has finished (so files
        written by qgis_process or models carry it too: GeoPackage gpkg_metadata, else a .qmd) —
        unless the bulk fill stored it with the rows (``provenance_stored``)."""
        if processor.provenance_record is not None and not provenance_stored:
            self.__dict__.setdefault("_provenance_outputs", []).append((dest_id, processor.provenance_record,
                                                                        layer_uri))
        if context.willLoadLayerOnCompletion(dest_id):
            from .provenance import keep_alive

            keep_alive(processor)
            context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(processor)

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802 (QGIS API)
        """The sinks are closed now: write each output's provenance into its layer metadata."""
        from .provenance import save_provenance

        save_provenance(self.__dict__.pop("_provenance_outputs", []), context, feedback)
        return {}


def set_decimals(parameter, decimals):
    """Digits after the point in the dialog's number box (widget_wrapper metadata, QGIS ≥ 3.22)."""
    if decimals is not None:
        metadata = dict(parameter.metadata() or {})
        metadata["widget_wrapper"] = {**metadata.get("widget_wrapper", {}), "decimals": decimals}
        parameter.setMetadata(metadata)
