"""End to end: riskatlas:incidentsurroundings under qgis_process.bin on one hazard unit of the sample county,
every layer given, all parameters as strings: the rings, the responders and the PDF brief."""
import os
import sqlite3

import pytest
import qgis_process_env as qp

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(ROOT, "sample_data", "sample_county.gpkg")
pytestmark = pytest.mark.e2e


def _table(path):
    with sqlite3.connect(path) as db:
        (name,) = db.execute("SELECT table_name FROM gpkg_contents").fetchone()
        db.row_factory = sqlite3.Row
        return [dict(row) for row in db.execute(f'SELECT * FROM "{name}"')]


def test_one_hazard_unit_with_its_brief(env, tmp_path):
    layers = {name: f"{SAMPLE}|layername={layer}" for name, layer in (
        ("POPULATION", "population"), ("KEY_TARGETS", "key_targets"), ("ENTERPRISES", "enterprises"),
        ("HAZARD_UNITS", "hazard_sources"), ("SHELTERS", "shelters"), ("FIRE_STATIONS", "fire_stations"),
        ("RESCUE_TEAMS", "rescue_teams"), ("DEPOTS", "supply_depots"), ("ROADS", "roads"))}
    results = qp.run_json("riskatlas:incidentsurroundings", {
        "INCIDENTS": f"{SAMPLE}|layername=hazard_sources|subset=\"unit_id\" = 'HU001'", "INCIDENT_ID_FIELD": "unit_id",
        **layers, "LANGUAGE": "zh", "OUTPUT_RINGS": tmp_path / "rings.gpkg",
        "OUTPUT_RESPONDERS": tmp_path / "responders.gpkg", "OUTPUT_BRIEF": tmp_path / "brief.pdf"}, env)
    assert set(results) >= {"OUTPUT_RINGS", "OUTPUT_RESPONDERS", "OUTPUT_BRIEF"}
    rings = _table(tmp_path / "rings.gpkg")
    assert [(r["incident_id"], r["ring_m"]) for r in rings] == [("HU001", 500), ("HU001", 1000), ("HU001", 3000)]
    for inner, outer in zip(rings, rings[1:]):  # cumulative rings never hold fewer
        assert all(outer[k] >= inner[k] for k in ("residents", "key_targets", "enterprises", "hazard_units"))
    responders = _table(tmp_path / "responders.gpkg")
    kinds = [r["kind"] for r in responders]
    assert kinds == ["fire_stations"] * 3 + ["rescue_teams"] * 3 + ["supply_depots"] * 3
    for kind in set(kinds):
        times = [r["arrival_min"] for r in responders if r["kind"] == kind]
        assert times == sorted(times) and all(t > 0 for t in times)
    assert (tmp_path / "brief.pdf").read_bytes()[:5] == b"%PDF-"
