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


def _stored_documents(path):
    import sqlite3

    with sqlite3.connect(path) as connection:
        return connection.execute(
            "SELECT r.table_name, m.md_scope, m.mime_type, m.metadata FROM gpkg_metadata m "
            "JOIN gpkg_metadata_reference r ON r.md_file_id = m.id AND r.reference_scope = 'table' "
            "WHERE m.md_standard_uri = 'http://mrcc.com/qgis.dtd'").fetchall()


def test_a_bulk_written_layer_holds_what_qgis_would_save_for_it(run_algorithm, sample_gpkg, tmp_path):
    # The fill stores the provenance with the rows. The peer: the same file without that metadata, opened in
    # QGIS, its CRS filled into the layer's metadata where this QGIS leaves it empty (3.22; 3.40 fills it in
    # itself), the record added as after any run, saved with QGIS's own saveDefaultMetadata.
    import shutil
    import sqlite3

    from qgis.PyQt.QtXml import QDomDocument

    from riskatlas.processing.provenance import add_provenance

    ours = tmp_path / "units.gpkg"
    run_algorithm("riskatlas:gradehazardsources", {"INPUT": f"{sample_gpkg}|layername=hazard_sources",
                                                  "POPULATION": f"{sample_gpkg}|layername=population",
                                                  "OUTPUT": str(ours)})
    stored = _stored_documents(ours)
    assert [row[:3] for row in stored] == [("units", "dataset", "text/xml")]
    record = json.loads(QgsVectorLayer(f"{ours}|layername=units", "units", "ogr").metadata().history()[-1])
    assert record["algorithm"] == "riskatlas:gradehazardsources"

    peer = tmp_path / "peer.gpkg"
    shutil.copy(ours, peer)
    with sqlite3.connect(peer) as connection:
        connection.execute("DELETE FROM gpkg_metadata_reference")
        connection.execute("DELETE FROM gpkg_metadata")
    opened = QgsVectorLayer(f"{peer}|layername=units", "units", "ogr")
    assert opened.metadata().history() == []
    if not opened.metadata().crs().isValid():
        metadata = opened.metadata()
        metadata.setCrs(opened.crs())
        opened.setMetadata(metadata)
    add_provenance(opened, record)
    assert opened.saveDefaultMetadata()[1]
    del opened
    assert _stored_documents(peer) == stored

    def read_back(path):  # the metadata QGIS shows for the layer
        document = QDomDocument()
        root = document.createElement("metadata")
        document.appendChild(root)
        QgsVectorLayer(f"{path}|layername=units", "units", "ogr").metadata().writeMetadataXml(root, document)
        return document.toString()

    assert read_back(ours) == read_back(peer)
    assert "EPSG:4549" in read_back(ours)


def test_every_reach_output_carries_the_whole_record(run_algorithm, sample_gpkg, tmp_path):
    # the reached roads are stored (with their provenance) while the land rule still runs: the record they
    # carry is the one the later outputs carry, the land grid's cell size included
    paths = {name: tmp_path / f"{name.lower()}.gpkg" for name in ("OUTPUT_EDGES", "OUTPUT_AREAS", "OUTPUT_GAPS")}
    run_algorithm("riskatlas:firestationreach", {
        "STATIONS": f"{sample_gpkg}|layername=fire_stations", "ROADS": f"{sample_gpkg}|layername=roads",
        **{name: str(path) for name, path in paths.items()}})
    records = []
    for path in paths.values():
        stored = _stored_documents(path)
        assert len(stored) == 1
        layer = QgsVectorLayer(f"{path}|layername={stored[0][0]}", "out", "ogr")
        records.append(json.loads(layer.metadata().history()[-1]))
    assert records[0] == records[1] == records[2]
    assert records[0]["algorithm"] == "riskatlas:firestationreach" and records[0]["cell_m"] > 0
