"""Differences between QGIS 3.22 and newer releases (3.3x/3.4x, and Qt 6 builds), kept in one place.

3.22 has the old class-scoped enums (``QgsProcessing.TypeVectorPoint``); newer releases
move them to ``Qgis.*`` (``Qgis.ProcessingSourceType.VectorPoint``) and deprecate the old
ones; Qt 6 builds drop ``QVariant.Type`` for field types. Everything else imports the names
below instead of testing versions itself.
"""
from qgis.core import (
    Qgis,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsPalLayerSettings,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsRenderContext,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QMetaType, QVariant

QGIS_VERSION_INT = Qgis.versionInt() if hasattr(Qgis, "versionInt") else Qgis.QGIS_VERSION_INT


def _pick(new_owner, new_enum, new_name, old_owner, old_name):
    """The scoped enum value when this QGIS has it, else the old class attribute."""
    scoped = getattr(new_owner, new_enum, None)
    if scoped is not None and hasattr(scoped, new_name):
        return getattr(scoped, new_name)
    return getattr(old_owner, old_name)


# Processing source / layer types
SOURCE_POINT = _pick(Qgis, "ProcessingSourceType", "VectorPoint", QgsProcessing, "TypeVectorPoint")
SOURCE_LINE = _pick(Qgis, "ProcessingSourceType", "VectorLine", QgsProcessing, "TypeVectorLine")
SOURCE_POLYGON = _pick(Qgis, "ProcessingSourceType", "VectorPolygon", QgsProcessing, "TypeVectorPolygon")
SOURCE_ANY_GEOMETRY = _pick(Qgis, "ProcessingSourceType", "VectorAnyGeometry", QgsProcessing, "TypeVectorAnyGeometry")
SOURCE_VECTOR = _pick(Qgis, "ProcessingSourceType", "Vector", QgsProcessing, "TypeVector")

NUMBER_DOUBLE = _pick(Qgis, "ProcessingNumberParameterType", "Double", QgsProcessingParameterNumber, "Double")
NUMBER_INTEGER = _pick(Qgis, "ProcessingNumberParameterType", "Integer", QgsProcessingParameterNumber, "Integer")

FIELD_ANY = _pick(Qgis, "ProcessingFieldParameterDataType", "Any", QgsProcessingParameterField, "Any")
FIELD_NUMERIC = _pick(Qgis, "ProcessingFieldParameterDataType", "Numeric", QgsProcessingParameterField, "Numeric")
FIELD_STRING = _pick(Qgis, "ProcessingFieldParameterDataType", "String", QgsProcessingParameterField, "String")

FLAG_NO_THREADING = _pick(Qgis, "ProcessingAlgorithmFlag", "NoThreading", QgsProcessingAlgorithm, "FlagNoThreading")

FAST_INSERT = _pick(QgsFeatureSink, "Flag", "FastInsert", QgsFeatureSink, "FastInsert")

# reading features as they are (invalid geometries are repaired by the plugin, with a warning)
SKIP_GEOMETRY_CHECKS = _pick(Qgis, "ProcessingFeatureSourceFlag", "SkipGeometryValidityChecks",
                             QgsProcessingFeatureSource, "FlagSkipGeometryValidityChecks")
GEOMETRY_NO_CHECK = _pick(Qgis, "InvalidGeometryCheck", "NoCheck", QgsFeatureRequest, "GeometryNoCheck")

# a polygon's label: horizontal, at the best free position inside it (keeps off obstacles)
LABEL_HORIZONTAL = _pick(Qgis, "LabelPlacement", "Horizontal", QgsPalLayerSettings, "Horizontal")

TEXT_ALWAYS_TEXT = _pick(Qgis, "TextRenderFormat", "AlwaysText", QgsRenderContext, "TextFormatAlwaysText")

# Geometry types
WKB_POINT = _pick(Qgis, "WkbType", "Point", QgsWkbTypes, "Point")
WKB_MULTIPOINT = _pick(Qgis, "WkbType", "MultiPoint", QgsWkbTypes, "MultiPoint")
WKB_LINESTRING = _pick(Qgis, "WkbType", "LineString", QgsWkbTypes, "LineString")
WKB_MULTILINESTRING = _pick(Qgis, "WkbType", "MultiLineString", QgsWkbTypes, "MultiLineString")
WKB_POLYGON = _pick(Qgis, "WkbType", "Polygon", QgsWkbTypes, "Polygon")
WKB_MULTIPOLYGON = _pick(Qgis, "WkbType", "MultiPolygon", QgsWkbTypes, "MultiPolygon")
WKB_NO_GEOMETRY = _pick(Qgis, "WkbType", "NoGeometry", QgsWkbTypes, "NoGeometry")

GEOMETRY_POINT = _pick(Qgis, "GeometryType", "Point", QgsWkbTypes, "PointGeometry")
GEOMETRY_LINE = _pick(Qgis, "GeometryType", "Line", QgsWkbTypes, "LineGeometry")
GEOMETRY_POLYGON = _pick(Qgis, "GeometryType", "Polygon", QgsWkbTypes, "PolygonGeometry")
GEOMETRY_NULL = _pick(Qgis, "GeometryType", "Null", QgsWkbTypes, "NullGeometry")

# Field types: QMetaType from 3.38 (required on Qt 6), QVariant before.
if QGIS_VERSION_INT >= 33800:
    FIELD_TYPE_INT = QMetaType.Type.Int
    FIELD_TYPE_LONG = QMetaType.Type.LongLong
    FIELD_TYPE_DOUBLE = QMetaType.Type.Double
    FIELD_TYPE_STRING = QMetaType.Type.QString
    FIELD_TYPE_BOOL = QMetaType.Type.Bool
    FIELD_TYPE_DATE = QMetaType.Type.QDate
    FIELD_TYPE_DATETIME = QMetaType.Type.QDateTime
else:
    FIELD_TYPE_INT = QVariant.Int
    FIELD_TYPE_LONG = QVariant.LongLong
    FIELD_TYPE_DOUBLE = QVariant.Double
    FIELD_TYPE_STRING = QVariant.String
    FIELD_TYPE_BOOL = QVariant.Bool
    FIELD_TYPE_DATE = QVariant.Date
    FIELD_TYPE_DATETIME = QVariant.DateTime



def handle_algorithm_results(algorithm, context, feedback, parameters):
    """Load an algorithm's outputs into the project as the toolbox does after a run.

    3.22's ``handleAlgorithmResults(alg, context, feedback, showResults, parameters)`` lost its
    ``showResults`` argument in 3.40 (``handleAlgorithmResults(alg, context, feedback, parameters)``)."""
    import inspect

    from processing.gui.Postprocessing import handleAlgorithmResults

    if "showResults" in inspect.signature(handleAlgorithmResults).parameters:
        return handleAlgorithmResults(algorithm, context, feedback, False, parameters)
    return handleAlgorithmResults(algorithm, context, feedback, parameters=parameters)


def algorithm_dialog_names(window_title):
    """The algorithm's display name from its dialog's window title: 3.22 shows the name, 3.40 "group - name"."""
    return window_title.rsplit(" - ", 1)[-1]


def parameter_as_fields(algorithm, parameters, name, context):
    """A field parameter's field names: ``parameterAsStrings`` from 3.40 (``parameterAsFields`` is
    deprecated there), ``parameterAsFields`` before."""
    if hasattr(algorithm, "parameterAsStrings"):
        return algorithm.parameterAsStrings(parameters, name, context)
    return algorithm.parameterAsFields(parameters, name, context)

# A model child's parameter source fed by another child's output: the enum moved to
# Qgis.ProcessingModelChildParameterSource in 3.30+ (QgsProcessingModelChildParameterSource.ChildOutput before).
from qgis.core import QgsProcessingModelChildParameterSource as _ChildSource  # noqa: E402

MODEL_SOURCE_CHILD_OUTPUT = _pick(Qgis, "ProcessingModelChildParameterSource", "ChildOutput", _ChildSource, "ChildOutput")


def label_text_format(label):
    """A layout label's text format (3.24+), or None on 3.22, where a label has only a font."""
    return label.textFormat() if hasattr(label, "textFormat") else None


def legend_text_format(legend, component):
    """A legend component's text format (3.24+ ``QgsLegendStyle.textFormat``), or None on 3.22 (a font).

    A copy: ``textFormat()`` returns a reference into the style, which is gone once ``style`` is
    (QGIS 3.40 crashed on the dangling reference)."""
    from qgis.core import QgsTextFormat

    style = legend.style(component)
    return QgsTextFormat(style.textFormat()) if hasattr(style, "textFormat") else None


def set_legend_text_format(legend, component, text_format):
    style = legend.style(component)
    style.setTextFormat(text_format)
    legend.setStyle(component, style)


def wrap_cjk_label(label):
    """Let a layout label's Chinese text wrap at any character.

    Up to 3.22 a label draws with Qt's word wrap, which breaks Chinese anywhere. From 3.24 labels draw
    through QgsTextRenderer, which wraps at spaces only: a long Chinese note ran off the page (seen on
    3.40). There the label is switched to HTML mode, which breaks lines between Chinese characters and
    keeps the text as text in the PDF; the expressions' values are HTML-escaped, their newlines kept."""
    import re

    from qgis.core import QgsLayoutItemLabel

    if not hasattr(label, "textFormat") or label.mode() == QgsLayoutItemLabel.ModeHtml:
        return

    def escaped(match):
        value = match.group(1).strip()
        return ("[% replace(replace(replace(replace(" + value + ", '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), "
                "'\\n', '<br>') %]")

    parts = re.split(r"(\[%.*?%\])", label.text(), flags=re.S)
    html = "".join(re.sub(r"\[%(.*?)%\]", escaped, part, flags=re.S) if part.startswith("[%")
                   else part.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
                   for part in parts)
    label.setText(html)
    label.setMode(QgsLayoutItemLabel.ModeHtml)
