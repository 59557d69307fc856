"""The full assessment on a planner's raw ledgers: inputs that are not yet Risk Atlas layers are
imported first (``riskatlas:importlayer``, the same recognition, code table and report) into
``imported_inputs.gpkg`` in the output folder, and the chain runs on those.

An input is imported when it is a spreadsheet or CSV, a layer without geometry, a layer lacking a
required field of its kind under the schema's own name (Chinese headers, a bureau's shapefile), or
geographic while COORDINATES names a web-map offset. Layers already in the schema are used as they
are. Imports land in the CRS of the first projected input used as is (else the Gauss-Krüger zone
of the townships or the data), townships first so that they can serve as the study area. The
mapping each import used is printed; an ambiguity stops the run with its report
(``import_<layer>.html``). The imports are part of the run's analysis phase (``pipeline.Assessment``):
written under temporary names, put in place with the results, removed when the run is cancelled
or fails.
"""
import gc
import os

from qgis.core import QgsProcessingException, QgsProcessingMultiStepFeedback, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

from ..layers.ledger_source import is_table_file, split_uri
from ..layers.schemas import ASSESSMENT_INPUTS, IMPORT_KINDS

IMPORTED_GPKG = "imported_inputs.gpkg"


def _layer(uri):
    layer = QgsVectorLayer(uri, "input", "ogr")
    return layer if layer.isValid() else None


def needs_import(uri, assessment_input, coordinates=0):
    """True when the input ``uri`` must go through riskatlas:importlayer first (module doc)."""
    from ..support import compat

    if is_table_file(split_uri(uri)[0]):
        return True
    layer = _layer(uri)
    if layer is None:
        return False
    if layer.wkbType() == compat.WKB_NO_GEOMETRY:
        return True
    names = set(layer.fields().names())
    if any(spec.name not in names for spec in assessment_input.schema.required_fields):
        return True
    return bool(coordinates) and layer.crs().isGeographic()


def _target_crs(inputs, raw):
    """The CRS of the first projected input used as it is, or None."""
    for item in ASSESSMENT_INPUTS:
        if item.parameter in inputs and item.parameter not in raw:
            layer = _layer(inputs[item.parameter])
            if layer is not None and layer.crs().isValid() and not layer.crs().isGeographic():
                return layer.crs().authid()
    return None


class ImportStopped(Exception):
    """An import stopped (ambiguous headers or values, a missing field …): ``report`` says why."""

    def __init__(self, message, report):
        super().__init__(message)
        self.report = report


def raw_inputs(inputs, coordinates=0):
    """{parameter: URI} of the ``inputs`` that must be imported first (module doc)."""
    return {p: uri for p, uri in inputs.items()
            if needs_import(uri, next(i for i in ASSESSMENT_INPUTS if i.parameter == p), coordinates)}


def report_name(assessment_input):
    return f"import_{assessment_input.layer}.html"


def import_raw_inputs(inputs, raw, gpkg, report_path, coordinates, context, feedback):
    """``inputs`` ({parameter: URI}) with the ``raw`` ones replaced by layers imported into ``gpkg`` (a
    temporary file the caller puts in place), their reports at ``report_path(name)`` (the caller's staged
    path for the report ``name``); returns the inputs and {parameter: report path}. Stops (``Cancelled``) before each import and after one when the run
    was cancelled; an import that stops raises ``ImportStopped`` naming its report."""
    from ..processing.base import Cancelled

    order = sorted(raw, key=lambda p: p != "TOWNSHIPS")
    target = _target_crs(inputs, raw)
    result, reports = dict(inputs), {}
    steps = QgsProcessingMultiStepFeedback(len(order), feedback)
    for number, parameter in enumerate(order):
        if feedback.isCanceled():
            raise Cancelled()
        steps.setCurrentStep(number)
        item = next(i for i in ASSESSMENT_INPUTS if i.parameter == parameter)
        study = result.get("TOWNSHIPS") if parameter != "TOWNSHIPS" else None
        reports[parameter] = report_path(report_name(item))
        _import_one(raw[parameter], item, gpkg, coordinates, target, study, reports[parameter], context, steps)
        if feedback.isCanceled():
            raise Cancelled()
        result[parameter] = f"{gpkg}|layername={item.layer}"
    context.temporaryLayerStore().removeAllMapLayers()  # close the imported GeoPackage (it is renamed later)
    gc.collect()
    return result, reports


def _import_one(uri, item, gpkg, coordinates, target, study, report, context, feedback):
    from qgis import processing

    from ..processing.base import input_label

    feedback.pushInfo(QCoreApplication.translate("FullAssessment", "— Importing {0}: {1}").format(
        input_label(item), uri))
    parameters = {"INPUT": uri, "KIND": IMPORT_KINDS.index(item.layer if item.layer in IMPORT_KINDS else item.kind),
                  "COORDINATES": coordinates, "OUTPUT": f"ogr:dbname='{gpkg}' table=\"{item.layer}\" (geom)",
                  "OUTPUT_HTML": report}
    if target:
        parameters["TARGET_CRS"] = target
    if study:
        parameters["STUDY_AREA"] = study
    try:
        processing.run("riskatlas:importlayer", parameters, context=context, feedback=feedback,
                       is_child_algorithm=True)
    except QgsProcessingException as error:
        raise ImportStopped(f"{input_label(item)}: {error}", report if os.path.exists(report) else None) from error
