"""A run stopped by bad input keeps no input layer open: the exception QGIS keeps for a failed
processAlgorithm must not chain to the run's traceback, whose frames hold the layers read (their
files stayed open until QGIS quit, and closing them then crashed the interpreter's exit)."""
import gc
import os

import pytest
from qgis.core import QgsMapLayer, QgsProcessingException

from .conftest import SAMPLE_GPKG, layer_uri


def population_with_a_feature_without_geometry(folder):
    from osgeo import ogr

    source = ogr.Open(SAMPLE_GPKG)
    path = os.path.join(folder, "population_broken.gpkg")
    copy = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = copy.CopyLayer(source.GetLayerByName("population"), "population")
    feature = layer.GetFeature(3)
    feature.SetGeometryDirectly(None)
    layer.SetFeature(feature)
    feature = layer = copy = source = None
    return path


def open_layers_on(path):
    from qgis.PyQt import sip

    gc.collect()
    return [o for o in gc.get_objects() if isinstance(o, QgsMapLayer) and not sip.isdeleted(o) and path in o.source()]


def test_a_failed_run_leaves_no_input_layer_open(run_algorithm, tmp_path):
    broken = population_with_a_feature_without_geometry(str(tmp_path))
    with pytest.raises(QgsProcessingException, match="population"):
        run_algorithm("riskatlas:shelterpercapita", {
            "SHELTERS": layer_uri(SAMPLE_GPKG, "shelters"), "POPULATION": f"{broken}|layername=population",
            "UNITS": layer_uri(SAMPLE_GPKG, "townships"), "OUTPUT": "TEMPORARY_OUTPUT",
            "OUTPUT_SHELTERS": "TEMPORARY_OUTPUT", "OUTPUT_SUMMARY": "TEMPORARY_OUTPUT"})
    assert open_layers_on(broken) == []
