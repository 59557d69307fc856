"""End to end: riskatlas:firestationreach under qgis_process.bin on the sample county, all parameters as strings."""
import os
import sqlite3

import pytest
import qgis_process_env as qp

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(ROOT, "sample_data", "sample_county.gpkg")
pytestmark = pytest.mark.e2e


def test_reach_on_the_sample_county(env, tmp_path):
    out = {name: tmp_path / f"{name}.gpkg" for name in ("edges", "areas", "gaps", "summary")}
    results = qp.run_json("riskatlas:firestationreach", {
        "STATIONS": f"{SAMPLE}|layername=fire_stations", "ROADS": f"{SAMPLE}|layername=roads",
        "STUDY_AREA": f"{SAMPLE}|layername=townships", "POPULATION": f"{SAMPLE}|layername=population",
        "TIME_LIMIT": "5", "DEFAULT_TURNOUT": "1", "OUTPUT_EDGES": out["edges"], "OUTPUT_AREAS": out["areas"],
        "OUTPUT_GAPS": out["gaps"], "OUTPUT_SUMMARY": out["summary"], "OUTPUT_HTML": tmp_path / "reach.html"},
        env)
    assert set(results) >= {"OUTPUT_EDGES", "OUTPUT_AREAS", "OUTPUT_GAPS", "OUTPUT_SUMMARY"}
    with sqlite3.connect(out["summary"]) as db:
        (name,) = db.execute("SELECT table_name FROM gpkg_contents").fetchone()
        rows = dict(db.execute(f'SELECT station_id, residents_in_time FROM "{name}"').fetchall())
    stations = [r[0] for r in sqlite3.connect(SAMPLE).execute("SELECT station_id FROM fire_stations")]
    assert set(rows) == set(stations) | {"ALL"}
    assert rows["ALL"] == pytest.approx(sum(rows[s] for s in stations))
    residents = sqlite3.connect(SAMPLE).execute("SELECT sum(residents) FROM population").fetchone()[0]
    assert 0 < rows["ALL"] < residents
    assert (tmp_path / "reach.html").read_text(encoding="utf-8").count("FS0") >= len(stations)
