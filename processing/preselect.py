"""The project's layer of each kind, pre-selected in the algorithm dialogs; and the check that stops
a run whose layer looks like another kind ("选择的企业图层看起来是道路").

Every layer parameter declares its kind (``RiskAtlasAlgorithm.add_source(..., kind=)``); the kinds and
how a layer is recognised live in ``layers/kinds.py``. Pre-selection sets the parameter's *GUI*
default (``setGuiDefaultValueOverride``): only dialogs use it, so ``processing.run``, models and
``qgis_process`` keep the parameter's own default. It runs when a dialog creates the algorithm
(``create()`` calls ``initAlgorithm``), on the main thread only.
"""
from qgis.core import QgsProcessingUtils, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QThread

from ..core.ledger.headers import match_header
from ..core.ledger.synonyms import SYNONYMS
from ..layers import kinds
from ..support import compat
from ..support.i18n import ui_language

translate = QCoreApplication.translate


def _on_main_thread():
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() == app.thread()


def _project_layers(types):
    """Vector layers of the current project that fit ``types``, in layer-tree order (top first)."""
    project = QgsProject.instance()
    if not project.mapLayers():
        return []
    fitting = {layer.id(): layer for layer in QgsProcessingUtils.compatibleVectorLayers(project, list(types))}
    ordered = [node.layer() for node in project.layerTreeRoot().findLayers()]
    return [layer for layer in ordered if layer is not None and layer.id() in fitting]


def _geometry_kind(layer):
    from ..layers.schemas import LINE, POINT, POLYGON
    from ..support import compat

    return {compat.GEOMETRY_POINT: POINT, compat.GEOMETRY_LINE: LINE,
            compat.GEOMETRY_POLYGON: POLYGON}.get(layer.geometryType())


def best_layer(kind, types, taken=(), geometry=None):
    """The project's layer that best fits ``kind`` (layers.kinds.match_score; the preferred
    ``geometry`` breaks ties, then the layer tree's order), leaving out ``taken`` layer ids; or None."""
    if not _on_main_thread():
        return None
    best, best_score = None, 0
    for layer in _project_layers(types):
        if layer.id() in taken:
            continue
        score = kinds.match_score(kind, layer.name(), layer.fields().names()) * 2
        if score and geometry is not None and _geometry_kind(layer) == geometry:
            score += 1
        if score > best_score:
            best, best_score = layer, score
    return best


def offer_layer(parameter, kind, types, taken=(), geometry=None):
    """Pre-select the best project layer of ``kind`` for ``parameter``; returns it (or None)."""
    layer = best_layer(kind, types, taken, geometry)
    if layer is not None:
        parameter.setGuiDefaultValueOverride(layer.id())
    return layer


def offer_ledger(parameter, types):
    """Pre-select the project's topmost layer that is a raw ledger still to be imported
    (layers.kinds.is_raw_ledger) for ``parameter``; returns it (or None)."""
    from ..layers.ledger_source import is_table_file, layer_source, split_uri

    if not _on_main_thread():
        return None
    for layer in _project_layers(types):
        spreadsheet = is_table_file(split_uri(layer_source(layer))[0])
        if kinds.is_raw_ledger(layer.name(), layer.fields().names(), layer.wkbType() != compat.WKB_NO_GEOMETRY,
                               spreadsheet):
            parameter.setGuiDefaultValueOverride(layer.id())
            return layer
    return None


def matching_field(layer, kind, default):
    """The field of ``layer`` that holds ``default`` (a Risk Atlas field name): the field itself, else a
    field whose name the ledger's synonyms map to it (e.g. 统一社会信用代码 → ent_id); or None."""
    names = layer.fields().names()
    if default in names:
        return default
    if kind not in SYNONYMS:
        return None
    found = [name for name in names if match_header(name, kind).field == default]
    return found[0] if len(found) == 1 else None


def offer_field(parameter, layer, kind, default):
    """Pre-select the field of the pre-selected ``layer`` that matches ``default``."""
    if layer is None or not default:
        return None
    field = matching_field(layer, kind, default)
    if field is not None and field != default:
        parameter.setGuiDefaultValueOverride(field)
    return field


def kind_message(expected, found, how, layer_name, missing=(), language=None):
    """'The Enterprises layer chosen ('道路') looks like Roads, judging by its fields…' in the UI language;
    ``missing``: fields the expected kind needs that the layer lacks."""
    language = language or ui_language()
    expected_title, found_title = kinds.title(expected, language), kinds.title(found, language)
    if how == kinds.BY_FIELDS:
        text = translate("RiskAtlasAlgorithm", "The {0} layer chosen ('{1}') looks like {2}, judging by its fields. "
                                               "Choose the {0} layer.")
    else:
        text = translate("RiskAtlasAlgorithm", "The {0} layer chosen ('{1}') looks like {2}, judging by its name. "
                                               "Choose the {0} layer.")
    text = text.format(expected_title, layer_name, found_title)
    if missing:
        text += " " + translate("RiskAtlasAlgorithm", "It has no {0} field.").format(", ".join(missing))
    made_by = kinds.KINDS[expected].made_by
    if made_by:
        from qgis.core import QgsApplication

        algorithm = QgsApplication.processingRegistry().algorithmById(f"riskatlas:{made_by}")
        name = algorithm.displayName() if algorithm is not None else made_by
        text += " " + translate("RiskAtlasAlgorithm", "{0} is what '{1}' writes: run it first.").format(
            expected_title, name)
    return text


def kind_problem(algorithm, parameters, context):
    """The first layer parameter whose chosen layer looks like another kind, as a message; else None."""
    for name, kind in algorithm.layer_kinds().items():
        if not algorithm.given(parameters, name):
            continue
        try:
            source = algorithm.parameterAsSource(parameters, name, context)
        except Exception:  # a source QGIS cannot open: the algorithm's own checks say so
            continue
        if source is None:
            continue
        layer_name = algorithm.source_label(parameters, name, source)
        fields = source.fields().names()
        # a table (a raw ledger the full assessment imports first) is judged by its fields only: its
        # file name ("危险化学品企业台账") says little about the kind its rows are
        judged_name = layer_name if source.wkbType() != compat.WKB_NO_GEOMETRY else ""
        found = kinds.mismatch(kind, judged_name, fields)
        if found is not None:
            missing = [name for name in kinds.KINDS[kind].needs if name not in fields]
            return kind_message(kind, found[0], found[1], layer_name, missing)
    return None
