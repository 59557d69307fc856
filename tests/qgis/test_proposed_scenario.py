"""The full assessment's "today + plan" scenario on the sample county: fire-station siting's chosen sites as
PROPOSED_STATIONS (as they come out), a planned shelter as PROPOSED_SHELTERS and a RUN_LABEL.

Checked independently: the residents within 5 minutes equal riskatlas:firestationreach run on the existing and the
chosen stations merged by hand; the planned shelter's area joins its township's m² per resident (hand-worked from the
sample's shelters); RUN_LABEL is in the provenance table's run_label and in the atlas PDF's text; the inputs are
byte-identical afterwards."""
import gc
import hashlib
import os
import sqlite3
import subprocess

import pytest
from qgis.core import QgsVectorLayer
from qgis_helpers import memory_layer

from riskatlas.core.standards.shelters import DEFAULT_SHELTER_TYPES

from .conftest import layer_uri

RUN_LABEL = "现状+规划 2030"
PLANNED_AREA_M2 = 60000.0
SPACING = "1500"  # fire-station siting with a few hundred candidates: seconds


def _sha(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def _content(path):
    """The GeoPackage's tables and rows (siting writes in WAL mode; any QGIS reader turns the file's header back to
    the rollback journal, so the bytes of its header are not the input's content)."""
    with sqlite3.connect(path) as db:
        return hashlib.sha256("\n".join(db.iterdump()).encode()).hexdigest()


def _rows(uri, *fields):
    layer = QgsVectorLayer(uri, "rows", "ogr")
    assert layer.isValid(), uri
    return [tuple(f[name] for name in fields) for f in layer.getFeatures()]


def _planned_shelter(sample_gpkg):
    """A planned long-term fixed shelter in the middle of the first township."""
    town = next(QgsVectorLayer(layer_uri(sample_gpkg, "townships"), "t", "ogr").getFeatures())
    centre = town.geometry().pointOnSurface().asPoint()
    wkt = (f"POLYGON(({centre.x() - 100} {centre.y() - 100}, {centre.x() + 100} {centre.y() - 100}, "
           f"{centre.x() + 100} {centre.y() + 100}, {centre.x() - 100} {centre.y() + 100}, "
           f"{centre.x() - 100} {centre.y() - 100}))")
    layer = memory_layer("Polygon?crs=EPSG:4549&field=shelter_id:string&field=type:string&field=area_m2:double",
                         [(wkt, ["PS01", "fixed_long", PLANNED_AREA_M2])], "规划避难场所")
    return layer, town


_KEEP = []


@pytest.fixture(scope="module")
def scenario(tmp_path_factory, sample_gpkg, qgis_processing_ready):
    from qgis import processing
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProject

    if QgsApplication.processingRegistry().providerById("riskatlas") is None:
        from riskatlas.processing.provider import RiskAtlasProvider

        _KEEP.append(RiskAtlasProvider())
        assert QgsApplication.processingRegistry().addProvider(_KEEP[-1])

    from riskatlas.assessment.pipeline import sample_inputs

    def run(algorithm_id, parameters):
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        return processing.run(algorithm_id, parameters, context=context, feedback=QgsProcessingFeedback())

    folder = tmp_path_factory.mktemp("scenario")
    before = _sha(sample_gpkg)
    sites = str(folder / "sites.gpkg")
    siting = run("riskatlas:firestationsiting", {
        "STATIONS": layer_uri(sample_gpkg, "fire_stations"), "ROADS": layer_uri(sample_gpkg, "roads"),
        "STUDY_AREA": layer_uri(sample_gpkg, "townships"), "POPULATION": layer_uri(sample_gpkg, "population"),
        "CANDIDATE_SPACING": SPACING, "NEW_STATIONS": 3, "OUTPUT": sites, "OUTPUT_UNCOVERED": "memory:",
        "OUTPUT_SUMMARY": "memory:"})
    gc.collect()
    sites_hash = _content(sites)
    shelter, town = _planned_shelter(sample_gpkg)
    out = str(folder / "run")
    results = run("riskatlas:fullassessment", {
        **sample_inputs(sample_gpkg), "PROPOSED_STATIONS": siting["OUTPUT"], "PROPOSED_SHELTERS": shelter,
        "RUN_LABEL": RUN_LABEL, "LANGUAGE": "zh", "PAGE_SIZE": "A4", "OUTPUT_FOLDER": out})
    return {"results": results, "sites": sites, "out": out, "town": town, "run": run,
            "hashes": (before, _sha(sample_gpkg), sites_hash, _content(sites))}


def test_inputs_are_never_modified(scenario):
    before, after, sites_before, sites_after = scenario["hashes"]
    assert before == after and sites_before == sites_after


def test_residents_covered_equal_firestationreach_on_existing_and_chosen_stations(scenario, sample_gpkg):
    existing = [(f.geometry().asWkt(), [f["station_id"], f["turnout_min"]])
                for f in QgsVectorLayer(layer_uri(sample_gpkg, "fire_stations"), "s", "ogr").getFeatures()]
    chosen = [(f.geometry().asWkt(), [f["site_id"], None])  # no turnout: DEFAULT_TURNOUT, as the assessment
              for f in QgsVectorLayer(scenario["sites"], "sites", "ogr").getFeatures()]
    assert len(chosen) == 3
    stations = memory_layer("Point?crs=EPSG:4549&field=station_id:string&field=turnout_min:double",
                            existing + chosen, "existing and chosen")
    reach = scenario["run"]("riskatlas:firestationreach", {
        "STATIONS": stations, "ROADS": layer_uri(sample_gpkg, "roads"), "STUDY_AREA": layer_uri(sample_gpkg, "townships"),
        "POPULATION": layer_uri(sample_gpkg, "population"), "OUTPUT_EDGES": "memory:", "OUTPUT_AREAS": "memory:",
        "OUTPUT_GAPS": "memory:", "OUTPUT_SUMMARY": "memory:"})
    peer = {f["station_id"]: f["residents_in_time"] for f in reach["OUTPUT_SUMMARY"].getFeatures()} \
        if isinstance(reach["OUTPUT_SUMMARY"], QgsVectorLayer) else None
    if peer is None:
        from qgis.core import QgsProcessingUtils

        peer = {f["station_id"]: f["residents_in_time"]
                for f in QgsProcessingUtils.mapLayerFromString(reach["OUTPUT_SUMMARY"], None).getFeatures()}
    gpkg = scenario["results"]["OUTPUT_GPKG"]
    ours = dict(_rows(layer_uri(gpkg, "reach_summary"), "station_id", "residents_in_time"))
    assert ours["ALL"] == pytest.approx(peer["ALL"], rel=1e-9)
    assert {sid for sid, _t in ours.items()} >= {row[1][0] for row in chosen}
    merged = _rows(f"{os.path.join(scenario['out'], 'scenario_inputs.gpkg')}|layername=fire_stations",
                   "station_id", "name", "class", "proposed")
    planned = [row for row in merged if row[3] == 1]
    assert sorted(r[0] for r in planned) == sorted(row[1][0] for row in chosen)
    assert sorted(r[1] for r in planned) == ["规划站 1", "规划站 2", "规划站 3"]
    assert {r[2] for r in planned} == {"class1"}


def test_planned_shelter_adds_its_area_to_its_township(scenario, sample_gpkg):
    town = scenario["town"]
    counted = {t.code for t in DEFAULT_SHELTER_TYPES if t.counts_per_capita}
    existing = sum(f["area_m2"] for f in QgsVectorLayer(layer_uri(sample_gpkg, "shelters"), "s", "ogr").getFeatures()
                   if f["type"] in counted and town.geometry().contains(f.geometry().centroid()))
    existing += sum(f["area_m2"] for f in QgsVectorLayer(layer_uri(sample_gpkg, "shelter_points"), "p",
                                                         "ogr").getFeatures()
                    if f["type"] in counted and town.geometry().contains(f.geometry()))
    gpkg = scenario["results"]["OUTPUT_GPKG"]
    rows = {r[0]: r[1:] for r in _rows(layer_uri(gpkg, "shelter_units"), "town_id", "shelter_area_m2", "residents",
                                       "m2_per_capita")}
    area, residents, per_capita = rows[town["town_id"]]
    assert area == pytest.approx(existing + PLANNED_AREA_M2)
    assert per_capita == pytest.approx((existing + PLANNED_AREA_M2) / residents, rel=1e-6)
    load = _rows(layer_uri(gpkg, "shelter_load"), "shelter_id", "proposed")
    assert [r for r in load if r[1] == 1] == [("PS01", 1)]


def test_run_label_in_provenance_and_on_the_atlas(scenario):
    gpkg = scenario["results"]["OUTPUT_GPKG"]
    with sqlite3.connect(gpkg) as db:
        labels = {r[0] for r in db.execute("SELECT run_label FROM provenance")}
        steps = [r[0] for r in db.execute("SELECT step FROM provenance")]
    assert labels == {RUN_LABEL}
    assert "proposed" in steps
    pdf = scenario["results"]["OUTPUT_PDF"]
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    assert RUN_LABEL in pages[0]  # the cover
    assert all(RUN_LABEL in page for page in pages if page.strip())  # every page's foot
    assert "规划消防站" in pages[1]  # the fire-station page's legend
    assert "规划避难场所" in pages[2]  # the shelter page's legend
