"""Reading a results GeoPackage of the full assessment for ``riskatlas:comparescenarios``: which layers it must
hold, the run's label (RUN_LABEL in its ``provenance`` table, else its file's name) and its fire-station time
limit; the comparison's output fields are in ``layers.outputs``."""
import json
import os

from ..core import messages as m
from ..core.errors import InputError
from ..core.scenarios import OPTIONAL_LAYERS, REQUIRED_LAYERS, TOWNSHIPS, Run
from .gpkg import quiet_gdal
from .outputs import UNIT_ID_FIELDS
from .schemas import RESULT_BY_NAME

PROVENANCE = "provenance"
DEFAULT_STEM = "risk_atlas_results"  # the full assessment's own file name: the folder then names the run


def layer_names(path):
    """The layers (and tables) of the GeoPackage ``path``; an InputError when it is not one."""
    from osgeo import ogr

    dataset = None
    if os.path.isfile(path):
        with quiet_gdal():
            try:
                dataset = ogr.Open(path)
            except RuntimeError:  # GDAL with exceptions on (QGIS 3.40's): not a dataset GDAL can open
                dataset = None
    if dataset is None or dataset.GetDriver().GetName() != "GPKG":
        raise InputError(m.RESULTS_NOT_GEOPACKAGE, path=path)
    try:
        return [dataset.GetLayerByIndex(i).GetName() for i in range(dataset.GetLayerCount())]
    finally:
        dataset = None


def check_results(path, language):
    """The layers of ``path`` the comparison reads; an InputError naming the missing ones when it is not a
    results GeoPackage of the full assessment."""
    names = set(layer_names(path))
    missing = [name for name in REQUIRED_LAYERS if name not in names]
    if missing:
        titles = [getattr(RESULT_BY_NAME[name], "title_zh" if language == "zh" else "title_en") for name in missing]
        raise InputError(m.NOT_RESULTS_GEOPACKAGE, path=path, missing="', '".join(missing), title="; ".join(titles))
    return [name for name in REQUIRED_LAYERS + OPTIONAL_LAYERS if name in names] + (
        [PROVENANCE] if PROVENANCE in names else [])


def _provenance(path):
    """(RUN_LABEL or None, the fire-station time limit or None) from the run's provenance table."""
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(f"{path}|layername={PROVENANCE}", PROVENANCE, "ogr")
    label = limit = None
    if not layer.isValid():
        return label, limit
    fields = layer.fields().names()
    for feature in layer.getFeatures():
        value = feature["run_label"] if "run_label" in fields else None
        if label is None and isinstance(value, str) and value.strip():
            label = value.strip()
        if limit is None and "algorithm" in fields and feature["algorithm"] == "riskatlas:firestationreach":
            try:
                limit = float(json.loads(feature["parameters"]).get("TIME_LIMIT"))
            except (TypeError, ValueError):
                limit = None
    return label, limit


def file_label(path):
    """A run named by its file: 'plus_station1' for …/plus_station1/risk_atlas_results.gpkg, else the file's stem."""
    stem = os.path.splitext(os.path.basename(path))[0]
    folder = os.path.basename(os.path.dirname(os.path.abspath(path)))
    return folder if stem == DEFAULT_STEM and folder else stem


def read_run(path, language, target_crs=None, transform_context=None, feedback=None):
    """(core.scenarios.Run, the CRS its frames are in): the result layers of ``path`` in ``target_crs`` (default:
    the risk map's own, or a local projected CRS when it is geographic)."""
    from qgis.core import QgsVectorLayer

    from .convert import source_to_frame

    wanted = check_results(path, language)
    layers = {}
    crs = target_crs
    for name in [n for n in wanted if n != PROVENANCE]:
        layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
        if not layer.isValid():
            raise InputError(m.NOT_RESULTS_GEOPACKAGE, path=path, missing=name,
                             title=getattr(RESULT_BY_NAME[name], "title_zh" if language == "zh" else "title_en"))
        frame = source_to_frame(layer, name, target_crs=crs, transform_context=transform_context, feedback=feedback)
        crs = frame.crs
        layers[name] = frame.gdf
    label, limit = _provenance(path) if PROVENANCE in wanted else (None, None)
    towns = layers[TOWNSHIPS]
    key = next((f for f in UNIT_ID_FIELDS if f in towns.columns), None)
    return Run(label or file_label(path), layers, town_key=key, time_limit=limit), crs
