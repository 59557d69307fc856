"""How every algorithm reads its inputs and speaks of bad input (part of ``processing.base``):

* ``Reads``: what an algorithm declares per input in ``READS`` — its layer kind, the field parameter naming its
  features' key, what features without geometry and an empty layer mean (the policies of ``layers.schemas``);
* ``Reading`` (a base of ``RiskAtlasAlgorithm``): a GBK shapefile without .cpg read as GBK, the layer rules
  (``layers.validation``) applied to the fields a run uses (``check_fields``), and core's ``InputError``s and
  ``Notice``s rendered in the user's language with each feature named by its key and fid (``render``).
"""
from dataclasses import dataclass

from qgis.PyQt.QtCore import QCoreApplication

from ..layers.schemas import LEAVE_OUT, STOP


@dataclass(frozen=True)
class Reads:
    """How an algorithm reads one input (its ``READS`` entry): the ``layers.schemas`` kind, the field
    parameter naming the features' key (default: the kind's key field), what features without geometry
    mean (STOP an error, LEAVE_OUT left out, KEEP kept, each with a warning; QUIET kept) and what an empty
    layer means (STOP, WARN with ``empty_means``, ACCEPT)."""

    kind: str = None
    key: str = None
    no_geometry: str = LEAVE_OUT
    empty: str = STOP
    empty_means: str = None  # the warning for an empty layer (QT_TRANSLATE_NOOP in context "InputError")


def translate_input_error(text):
    """The user's-language version of a core.messages template."""
    return QCoreApplication.translate("InputError", text)


def say_in_ui(line):
    """A log line of core or of the layer reading (``core.log_lines``) in the user's language."""
    from ..core import log_lines

    return log_lines.say(line, lambda text: QCoreApplication.translate(log_lines.CONTEXT, text))


def layer_note(layer, note):
    """'layer: note' for the log, in the user's language."""
    from ..core import log_lines

    return say_in_ui(log_lines.LogLine(log_lines.LAYER_NOTE, layer=layer, note=note))


class Reading:
    """Reading inputs and speaking of bad input, for ``RiskAtlasAlgorithm`` (which keeps, per run, the frames
    it read in ``_frames``)."""

    READS = {}  # parameter -> Reads (inputs not listed: Reads())

    def apply_reads(self, parameters, name, context, feedback, frame):
        """What ``READS[name]`` says, done to a frame just read: its text as GBK when a shapefile says nothing
        of it, its key field, an empty layer, invalid geometries repaired, features without geometry."""
        from ..layers import checks

        reads = self.READS.get(name, Reads())
        notices = self._read_gbk(parameters, name, context, frame)
        frame.kind = reads.kind
        frame.key = checks.key_column(frame, reads.kind, self.field_parameter(parameters, reads.key, context)
                                      if reads.key else None)
        self._frames[frame.name] = frame
        notices += checks.empty_policy(frame, reads.empty, reads.empty_means and translate_input_error(
            reads.empty_means))
        notices += checks.repair_geometries(frame)
        notices += checks.geometry_policy(frame, reads.no_geometry)
        self.push_warnings(feedback, notices)
        return frame

    def _read_gbk(self, parameters, name, context, frame):
        """A shapefile whose text is GBK and says nothing of it (no .cpg, no code page): its text read as GBK."""
        from ..core import messages as m
        from ..core.errors import Notice
        from ..layers.convert import read_text_as
        from ..layers.encoding import gbk_without_declaration

        layer = self.parameterAsVectorLayer(parameters, name, context)
        provider = layer.dataProvider() if layer is not None else None
        if provider is None or provider.name() != "ogr":
            return []
        path = layer.source().split("|")[0]
        if not gbk_without_declaration(path, provider.encoding()):
            return []
        read_text_as(frame, path, "CP936")
        return [Notice(m.GBK_READ_AS_GBK, layer=frame.name)]

    def check_fields(self, frame, columns, feedback, required=(), method=None, fields=None):
        """The rules validateinputs reports with, for the fields this run uses (``columns``: {schema field
        of the frame's kind: the layer's column}): the first error stops the run, warnings are counted."""
        from ..layers.checks import checked_fields

        if frame is None or frame.kind is None:
            return
        self.push_warnings(feedback, checked_fields(frame, frame.kind, columns, required, method, fields))

    def render(self, message):
        """A core InputError / Notice (or text) in the user's language, features named by key and fid."""
        from ..core.errors import render

        return render(message, translate_input_error, self._keys_of)

    def _keys_of(self, layer, fids):
        frame = getattr(self, "_frames", {}).get(layer)
        if frame is None or not frame.key or frame.key not in frame.gdf.columns:
            return None
        values = frame.gdf[frame.key].reindex(fids).astype(object)
        return [None if v is None or v != v else v for v in values.tolist()]

    @staticmethod
    def at_layer(layer, text):
        """``text`` (already in the user's language) said of the layer ``layer``: "layer 'x': text"."""
        from ..core.errors import LAYER, WHERE_WHAT

        return translate_input_error(WHERE_WHAT).format(where=translate_input_error(LAYER).format(layer=layer),
                                                        what=text)

    def push_warnings(self, feedback, warnings):
        """Warnings to the log: text as it is, core Notices in the user's language."""
        for warning in warnings:
            feedback.pushWarning(self.render(warning))

