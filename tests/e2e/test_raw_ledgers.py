"""A bureau's raw ledgers through qgis_process.bin: the 3,000-row 企业台账 (GCJ-02, Chinese headers, title row)
and the 重大危险源基本特征表 imported by riskatlas:importlayer and run through riskatlas:fullassessment with no
edit; positions checked against the true WGS84 points the ledgers were made from (tools/make_ledgers.py)."""
import csv
import json
import sqlite3

import make_ledgers
import pytest
import qgis_process_env as qp

pytestmark = pytest.mark.e2e
SAMPLE = make_ledgers.SAMPLE


@pytest.fixture(scope="module")
def ledgers(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ledgers")
    enterprises, hazards, truth = make_ledgers.write_ledgers(str(folder), rows=3000)
    with open(truth, encoding="utf-8") as handle:
        positions = {row["id"]: (float(row["lon_wgs84"]), float(row["lat_wgs84"])) for row in csv.DictReader(handle)}
    return enterprises, hazards, positions


def run(args, env, timeout=600):
    completed = qp.qgis_process(["run", *args, "--json"], env, timeout=timeout, check=False)
    return completed, (json.loads(completed.stdout[completed.stdout.index("{"):]) if "{" in completed.stdout else {})


def test_import_from_strings_back_to_the_true_positions(ledgers, env, tmp_path):
    from osgeo import ogr, osr

    enterprises, _hazards, truth = ledgers
    out = tmp_path / "enterprises.gpkg"
    completed, answer = run(["riskatlas:importlayer", f"--INPUT={enterprises}", "--COORDINATES=2",
                             f"--STUDY_AREA={SAMPLE}|layername=townships", f"--OUTPUT={out}",
                             f"--OUTPUT_HTML={tmp_path / 'report.html'}"], env)
    assert completed.returncode == 0, completed.stderr
    assert answer["results"]["FEATURES"] == 3000 and answer["results"]["KIND_USED"] == "enterprises"
    dataset = ogr.Open(str(out))  # kept: a layer dies with its dataset
    layer = dataset.GetLayer(0)
    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    back = osr.CoordinateTransformation(layer.GetSpatialRef(), wgs84)
    worst = 0.0
    for feature in layer:
        lon, lat, _z = back.TransformPoint(*feature.GetGeometryRef().GetPoint_2D())
        true_lon, true_lat = truth[feature["ent_id"]]
        worst = max(worst, make_ledgers.metres(lon, lat, true_lon, true_lat))
    assert worst < 0.1
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "统一社会信用代码" in html and "GCJ-02" in html and "exchanged" in html


def test_full_assessment_on_the_raw_ledgers(ledgers, env, tmp_path):
    enterprises, hazards, _truth = ledgers
    layers = {"SHELTERS": "shelters", "SHELTERS_2": "shelter_points", "FIRE_STATIONS": "fire_stations",
              "POPULATION": "population", "ROADS": "roads", "TOWNSHIPS": "townships"}
    folder = tmp_path / "out"
    completed, answer = run(["riskatlas:fullassessment", f"--ENTERPRISES={enterprises}", f"--HAZARD_SOURCES={hazards}",
                             *[f"--{p}={SAMPLE}|layername={n}" for p, n in layers.items()], "--COORDINATES=2",
                             "--LANGUAGE=zh", f"--OUTPUT_FOLDER={folder}"], env, timeout=900)
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert "统一社会信用代码" in completed.stdout  # the mapping it used is printed
    gpkg = answer["results"]["OUTPUT_GPKG"]
    with sqlite3.connect(folder / "imported_inputs.gpkg") as connection:
        assert connection.execute("select count(*) from enterprises").fetchone() == (3000,)
        assert connection.execute("select count(*) from hazard_sources").fetchone() == (57,)
    with sqlite3.connect(gpkg) as connection:
        assert connection.execute("select count(*) from enterprise_risk").fetchone() == (3000,)
        assert connection.execute("select count(*) from validation_report where severity = 'error'").fetchone() == (0,)
        owners = connection.execute("select count(*) from enterprise_risk where hazard_unit_id is not null").fetchone()
    assert owners[0] > 0  # hazard units found their enterprises by credit code
    assert (folder / "import_enterprises.html").exists() and (folder / "risk_atlas.pdf").stat().st_size > 0


def test_an_ambiguous_ledger_stops_the_assessment_with_its_report(ledgers, env, tmp_path):
    import openpyxl

    enterprises, hazards, _truth = ledgers
    workbook = openpyxl.load_workbook(enterprises)
    sheet = workbook.active
    sheet.cell(2, sheet.max_column + 1, "企业编号")  # a second id column: which one is ent_id?
    path = tmp_path / "two_ids.xlsx"
    workbook.save(path)
    folder = tmp_path / "out"
    completed, _answer = run(["riskatlas:fullassessment", f"--ENTERPRISES={path}", f"--HAZARD_SOURCES={hazards}",
                              *[f"--{p}={SAMPLE}|layername={n}" for p, n in (
                                  ("SHELTERS", "shelters"), ("FIRE_STATIONS", "fire_stations"),
                                  ("POPULATION", "population"), ("ROADS", "roads"), ("TOWNSHIPS", "townships"))],
                              "--COORDINATES=2", f"--OUTPUT_FOLDER={folder}"], env)
    assert completed.returncode != 0
    assert "FIELD_MAP" in completed.stdout + completed.stderr
    assert (folder / "import_enterprises.html").exists() and not (folder / "risk_atlas_results.gpkg").exists()
