"""The full assessment on a planner's raw ledgers: inputs that are not yet Risk Atlas layers are
imported first (``riskatlas:importlayer``, the same recognition, code table and report) into
``imported_inputs.gpkg`` in the output folder, and the chain runs on those.

An input is imported when it is a spreadsheet or CSV, a layer without geometry, a layer lacking a
required field of its kind under the schema's own name (Chinese headers, a bureau's shapefile), or
geographic while COORDINATES names a web-map offset. Layers already in the schema are used as they
are. Imports land in the CRS of the first projected input used as is (else the Gauss-Krüger zone
of the townships or the data), townships first so that they can serve as the study area. The
mapping each import used is printed; an ambiguity stops the run with its report
(``import_<layer>.html``).
"""
import gc
import os

from qgis.core import QgsProcessingException, QgsVectorLayer

from ..layers.atomic import atomic_output
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


def import_raw_inputs(inputs, output_folder, coordinates, context, feedback):
    """``inputs`` ({parameter: URI}) with the raw ones replaced by imported layers (module doc)."""
    raw = {p: uri for p, uri in inputs.items()
           if needs_import(uri, next(i for i in ASSESSMENT_INPUTS if i.parameter == p), coordinates)}
    if not raw:
        return dict(inputs)
    order = sorted(raw, key=lambda p: p != "TOWNSHIPS")
    target = _target_crs(inputs, raw)
    result = dict(inputs)
    final = os.path.join(output_folder, IMPORTED_GPKG)
    with atomic_output(final) as partial:
        for parameter in order:
            item = next(i for i in ASSESSMENT_INPUTS if i.parameter == parameter)
            study = result.get("TOWNSHIPS") if parameter != "TOWNSHIPS" else None
            _import_one(raw[parameter], item, partial, coordinates, target, study, output_folder, context, feedback)
            result[parameter] = f"{partial}|layername={item.layer}"
        context.temporaryLayerStore().removeAllMapLayers()  # close the partial GeoPackage before its rename
        gc.collect()
    return {p: (uri.replace(partial, final) if p in raw else uri) for p, uri in result.items()}


def _import_one(uri, item, gpkg, coordinates, target, study, output_folder, context, feedback):
    from qgis import processing

    feedback.pushInfo(f"— import {item.parameter}: {uri}")
    parameters = {"INPUT": uri, "KIND": IMPORT_KINDS.index(item.layer if item.layer in IMPORT_KINDS else item.kind),
                  "COORDINATES": coordinates, "OUTPUT": f"ogr:dbname='{gpkg}' table=\"{item.layer}\" (geom)",
                  "OUTPUT_HTML": os.path.join(output_folder, f"import_{item.layer}.html")}
    if target:
        parameters["TARGET_CRS"] = target
    if study:
        parameters["STUDY_AREA"] = study
    try:
        processing.run("riskatlas:importlayer", parameters, context=context, feedback=feedback,
                       is_child_algorithm=True)
    except QgsProcessingException as error:
        raise QgsProcessingException(f"{item.parameter}: {error}") from error
