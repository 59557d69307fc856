"""Outputs written to files carry their provenance in the layer metadata (qgis_process, models)."""
import json

from qgis.core import QgsVectorLayer


def test_file_output_records_algorithm_version_and_parameters(run_algorithm, sample_gpkg, tmp_path):
    out = tmp_path / "units.gpkg"
    run_algorithm("riskatlas:gradehazardsources", {"INPUT": f"{sample_gpkg}|layername=hazard_sources",
                                                  "POPULATION": f"{sample_gpkg}|layername=population",
                                                  "OUTPUT": str(out)})
    layer = QgsVectorLayer(f"{out}|layername=units", "units", "ogr")  # as QGIS opens a GeoPackage layer
    assert layer.isValid() and layer.featureCount() == 28
    records = [json.loads(h) for h in layer.metadata().history()]
    assert records and records[-1]["algorithm"] == "riskatlas:gradehazardsources"
    assert records[-1]["parameters"]["INPUT"].endswith("layername=hazard_sources")
    assert records[-1]["version"]
    assert "riskatlas:gradehazardsources" in layer.metadata().abstract()


def test_memory_output_records_it_too(run_algorithm, sample_gpkg):
    result = run_algorithm("riskatlas:enterpriserisk", {"INPUT": f"{sample_gpkg}|layername=enterprises",
                                                       "OUTPUT": "TEMPORARY_OUTPUT"})
    history = result["OUTPUT"].metadata().history()
    assert json.loads(history[-1])["algorithm"] == "riskatlas:enterpriserisk"
