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


def test_a_bulk_written_layer_gets_the_metadata_a_freshly_opened_layer_would_save(tmp_path):
    # the peer: open the layer and save its own metadata with the record added (QGIS's saveDefaultMetadata);
    # ours, for layers written in bulk: a fresh QgsLayerMetadata saved through the provider registry
    import shutil
    import sqlite3

    from osgeo import ogr, osr
    from qgis.core import QgsLayerMetadata, QgsProviderRegistry

    from riskatlas.processing.provenance import add_provenance, provenance_metadata

    fresh = tmp_path / "fresh.gpkg"
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(fresh))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4549)
    layer = source.CreateLayer("edges", srs, ogr.wkbLineString)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt("LINESTRING (0 0, 10 0)"))
    layer.CreateFeature(feature)
    source = layer = feature = None
    peer, ours = tmp_path / "peer.gpkg", tmp_path / "ours.gpkg"
    shutil.copy(fresh, peer)
    shutil.copy(fresh, ours)
    record = {"algorithm": "riskatlas:firestationreach", "version": "0.test", "parameters": {"TIME_LIMIT": 5}}

    opened = QgsVectorLayer(f"{peer}|layername=edges", "edges", "ogr")
    add_provenance(opened, record)
    assert opened.saveDefaultMetadata()[1]
    ok, message = QgsProviderRegistry.instance().saveLayerMetadata(
        "ogr", f"{ours}|layername=edges", provenance_metadata(QgsLayerMetadata(), record))
    assert ok, message

    def stored(path):
        with sqlite3.connect(path) as connection:
            return connection.execute("SELECT md_scope, mime_type, metadata FROM gpkg_metadata").fetchall()

    assert len(stored(ours)) == 1 and stored(ours) == stored(peer)
    reopened = QgsVectorLayer(f"{ours}|layername=edges", "edges", "ogr").metadata()
    assert [json.loads(h) for h in reopened.history()] == [record]
    assert reopened.type() == "dataset" and "riskatlas:firestationreach" in reopened.abstract()
