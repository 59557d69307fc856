"""riskatlas:firestationsiting in real QGIS: the figures before and after equal firestationreach run on
the existing and on the final station set; existing stations stay; the hazard setback refuses a site."""
import os
import sqlite3

import pytest
from qgis.core import QgsProcessingUtils, QgsVectorLayer
from qgis_helpers import memory_layer

from .conftest import layer_uri

SPACING = "1500"  # a few hundred candidates: the test runs in seconds


def _layer(value):
    return value if isinstance(value, QgsVectorLayer) else QgsProcessingUtils.mapLayerFromString(value, None)


def _rows(value, *fields):
    layer = _layer(value)
    return [tuple(f[name] for name in fields) for f in layer.getFeatures()]


def _summary(value):
    return {measure: (before, after) for measure, before, after in _rows(value, "measure", "before", "after")}


def _siting(run_algorithm, gpkg, **extra):
    parameters = {"STATIONS": layer_uri(gpkg, "fire_stations"), "ROADS": layer_uri(gpkg, "roads"),
                  "STUDY_AREA": layer_uri(gpkg, "townships"), "POPULATION": layer_uri(gpkg, "population"),
                  "CANDIDATE_SPACING": SPACING, "NEW_STATIONS": 3, "OUTPUT": "memory:", "OUTPUT_UNCOVERED": "memory:",
                  "OUTPUT_SUMMARY": "memory:"}
    parameters.update(extra)
    return run_algorithm("riskatlas:firestationsiting", parameters)


def _reach_residents(run_algorithm, gpkg, stations):
    result = run_algorithm("riskatlas:firestationreach", {
        "STATIONS": stations, "ROADS": layer_uri(gpkg, "roads"), "STUDY_AREA": layer_uri(gpkg, "townships"),
        "POPULATION": layer_uri(gpkg, "population"), "OUTPUT_EDGES": "memory:", "OUTPUT_AREAS": "memory:",
        "OUTPUT_GAPS": "memory:", "OUTPUT_SUMMARY": "memory:"})
    return dict(_rows(result["OUTPUT_SUMMARY"], "station_id", "residents_in_time"))["ALL"]


def test_after_equals_firestationreach_on_the_final_stations(run_algorithm, sample_gpkg):
    result = _siting(run_algorithm, sample_gpkg)
    sites = _rows(result["OUTPUT"], "rank", "site_id", "added_residents")
    assert [r[0] for r in sites] == [1, 2, 3]
    gains = [r[2] for r in sites]
    assert gains == sorted(gains, reverse=True)  # greedy order within the chosen set
    summary = _summary(result["OUTPUT_SUMMARY"])
    before, after = summary["residents covered"]
    assert after - before == pytest.approx(sum(gains), abs=1.0)  # marginal gains sum to the total

    existing = [(f.geometry().asWkt(), [f["station_id"], f["turnout_min"]]) for f in QgsVectorLayer(layer_uri(sample_gpkg, "fire_stations"),
                                                                                  "stations", "ogr").getFeatures()]
    new = [(f.geometry().asWkt(), [f["site_id"], 1.0]) for f in _layer(result["OUTPUT"]).getFeatures()]
    definition = "Point?crs=EPSG:4549&field=station_id:string&field=turnout_min:double"
    assert _reach_residents(run_algorithm, sample_gpkg, memory_layer(definition, existing, "existing")) == \
        pytest.approx(before, rel=0.005)
    assert _reach_residents(run_algorithm, sample_gpkg, memory_layer(definition, existing + new, "final")) == \
        pytest.approx(after, rel=0.005)
    # existing stations are kept as they are: never among the chosen sites, their layer untouched
    with sqlite3.connect(sample_gpkg) as db:
        ids = {r[0] for r in db.execute("SELECT station_id FROM fire_stations")}
    assert not ids & {r[1] for r in sites}
    assert summary["fire stations"] == (len(ids), len(ids) + 3)


def test_candidate_100_m_from_a_major_hazard_unit_is_never_chosen(run_algorithm, sample_gpkg):
    hazards = QgsVectorLayer(layer_uri(sample_gpkg, "hazard_sources"), "hazard_sources", "ogr")
    unit = next(iter(hazards.getFeatures())).geometry().centroid().asPoint()
    definition = "Point?crs=EPSG:4549&field=site_id:string"
    near, far = f"POINT({unit.x() + 100} {unit.y()})", f"POINT({unit.x() + 3000} {unit.y() + 3000})"
    candidates = memory_layer(definition, [(near, ["NEAR"]), (far, ["FAR"])], "candidates")
    free = _siting(run_algorithm, sample_gpkg, CANDIDATES=candidates, NEW_STATIONS=2)
    assert "NEAR" in {r[0] for r in _rows(free["OUTPUT"], "site_id")}  # useful when no rule applies
    ruled = _siting(run_algorithm, sample_gpkg, CANDIDATES=candidates, NEW_STATIONS=2,
                    TARGETS=[layer_uri(sample_gpkg, "hazard_sources")])
    assert {r[0] for r in _rows(ruled["OUTPUT"], "site_id")} <= {"FAR"}


def test_lscp_covers_every_coverable_resident(run_algorithm, sample_gpkg):
    result = _siting(run_algorithm, sample_gpkg, OBJECTIVE=1, CANDIDATE_SPACING="3000")
    summary = _summary(result["OUTPUT_SUMMARY"])
    uncovered = _rows(result["OUTPUT_UNCOVERED"], "kind", "residents", "coverable", "arrival_limit_min")
    assert all(not coverable for kind, _r, coverable, _l in uncovered if kind == "residents")
    assert all(limit == 5.0 for *_x, limit in uncovered)
    left = sum(r for kind, r, _c, _l in uncovered if kind == "residents")
    assert left == pytest.approx(summary["residents no candidate reaches"][1], rel=1e-3)


def test_the_siting_page_holds_the_summary_figures(run_algorithm, sample_gpkg, tmp_path):
    """OUTPUT_PAGE: one PDF page whose text holds the before/after figures of OUTPUT_SUMMARY and the ranked sites."""
    import subprocess

    from riskatlas.atlas import text as T

    page = str(tmp_path / "siting_page.pdf")
    result = _siting(run_algorithm, sample_gpkg, OUTPUT_PAGE=page, LANGUAGE="zh")
    assert result["OUTPUT_PAGE"] == page
    info = subprocess.run(["pdfinfo", page], capture_output=True, text=True, check=True).stdout
    assert [line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")] == ["1"]
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", page, "-"], capture_output=True, text=True,
                          check=True).stdout
    summary = _summary(result["OUTPUT_SUMMARY"])
    for measure in ("fire stations", "residents covered"):
        before, after = summary[measure]
        assert T.integer(before) in text and T.integer(after) in text, measure
    before, after = summary["residents covered share"]
    assert f"{T.decimal(before, 1)}%" in text and f"{T.decimal(after, 1)}%" in text
    for rank, site_id, added in _rows(result["OUTPUT"], "rank", "site_id", "added_residents"):
        assert site_id in text and "+" + T.integer(added) in text
    assert "消防站选址" in text and "现有消防站" in text and "新建站址" in text


def test_outputs_on_the_map_in_the_look_of_the_page(riskatlas_provider, sample_gpkg, tmp_path):
    """Loaded into a project (as the toolbox does): the chosen sites as hollow red stars labelled with their rank,
    the demand out of reach translucent red where a candidate could reach it and dark red where none can."""
    from processing.core.Processing import Processing
    from qgis.core import (QgsProcessingContext, QgsProcessingFeedback, QgsProcessingOutputLayerDefinition,
                           QgsProject, QgsRenderContext)

    from riskatlas.support.compat import handle_algorithm_results

    project = QgsProject.instance()
    context = QgsProcessingContext()
    context.setProject(project)
    parameters = {"STATIONS": layer_uri(sample_gpkg, "fire_stations"), "ROADS": layer_uri(sample_gpkg, "roads"),
                  "STUDY_AREA": layer_uri(sample_gpkg, "townships"), "POPULATION": layer_uri(sample_gpkg, "population"),
                  "CANDIDATE_SPACING": SPACING, "NEW_STATIONS": 3, "LANGUAGE": "zh"}
    for name in ("OUTPUT", "OUTPUT_UNCOVERED", "OUTPUT_SUMMARY"):
        parameters[name] = QgsProcessingOutputLayerDefinition(str(tmp_path / f"{name.lower()}.gpkg"), project)
    Processing.runAlgorithm("riskatlas:firestationsiting", parameters, feedback=QgsProcessingFeedback(),
                            context=context,
                            onFinish=lambda alg, ctx, fb: handle_algorithm_results(alg, ctx, fb, parameters))
    loaded = {os.path.basename(layer.source().split("|")[0]): layer for layer in project.mapLayers().values()
              if layer.source().startswith(str(tmp_path))}
    try:
        sites, uncovered = loaded["output.gpkg"], loaded["output_uncovered.gpkg"]
        star = sites.renderer().symbol().symbolLayer(0)
        assert star.shape() == star.Star and star.color().alpha() == 0 and star.strokeColor().name() == "#c00000"
        assert sites.labelsEnabled() and sites.labeling().settings().fieldName == '"rank"'

        renderer = uncovered.renderer()
        render_context = QgsRenderContext()
        renderer.startRender(render_context, uncovered.fields())
        labels = {item.ruleKey(): item.label() for item in renderer.legendSymbolItems()}
        drawn = {(feature["coverable"], labels[key]) for feature in uncovered.getFeatures()
                 for key in renderer.legendKeysForFeature(feature, render_context) if key in labels}
        renderer.stopRender(render_context)
        assert drawn == {(True, "仍未覆盖（候选站可达）"), (False, "无候选站可达")}
        fills = [rule.symbol().color() for rule in renderer.rootRule().children()]
        assert all(0 < colour.alpha() < 255 for colour in fills)  # translucent: the map beneath stays visible

        assert sites.attributeAlias(sites.fields().indexOf("added_residents")) == "新增覆盖人口"  # LANGUAGE zh
        labels = {f["measure"]: f["label"] for f in loaded["output_summary.gpkg"].getFeatures()}
        assert labels["fire stations"] == "消防站（座）" and labels["residents covered"] == "可达人口（人）"  # LANGUAGE zh
    finally:
        for layer in loaded.values():
            project.removeMapLayer(layer)
