"""Differences between QGIS 3.22 and newer releases (3.3x/3.4x, and Qt 6 builds), kept in one place.

3.22 has the old class-scoped enums (``QgsProcessing.TypeVectorPoint``); newer releases
move them to ``Qgis.*`` (``Qgis.ProcessingSourceType.VectorPoint``) and deprecate the old
ones; Qt 6 builds drop ``QVariant.Type`` for field types. Everything else imports the names
below instead of testing versions itself.
"""
from qgis.core import (
    Qgis,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingAlgorithm,
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
    """A legend component's text format (3.24+ ``QgsLegendStyle.textFormat``), or None on 3.22 (a font)."""
    style = legend.style(component)
    return style.textFormat() if hasattr(style, "textFormat") else None


def set_legend_text_format(legend, component, text_format):
    style = legend.style(component)
    style.setTextFormat(text_format)
    legend.setStyle(component, style)
