"""End to end: grading, enterprise risk and the four-colour map under /usr/bin/qgis_process.bin,
every parameter passed as a --NAME=value string (QGIS 3.22's qgis_process)."""
import json
import os
import sqlite3

import pytest
import qgis_process_env as qp

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(ROOT, "sample_data", "sample_county.gpkg")

pytestmark = pytest.mark.e2e


def run(env, algorithm, **parameters):
    args = ["run", algorithm, "--json"] + [f"--{name}={value}" for name, value in parameters.items()]
    completed = qp.qgis_process(args, env)
    return json.loads(completed.stdout[completed.stdout.index("{"):])["results"]


def table(path, columns):
    with sqlite3.connect(path) as connection:
        (name,) = connection.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'").fetchone()
        return connection.execute(f'SELECT {", ".join(columns)} FROM "{name}"').fetchall()


def test_the_three_risk_algorithms_on_the_sample_county(env, tmp_path):
    units, details = tmp_path / "units.gpkg", tmp_path / "details.gpkg"
    results = run(env, "riskatlas:gradehazardsources", INPUT=f"{SAMPLE}|layername=hazard_sources",
                  POPULATION=f"{SAMPLE}|layername=population", OUTPUT=units, DETAILS=details)
    assert results["UNITS"] == len(table(units, ["unit_id"])) and results["MAJOR_UNITS"] > 0
    # HU001: 液氯 80 t (80/5 × β 4 = 64) + hydrogen 5 t (5/5 × β 1.5 = 1.5); 150 people → α 2; R = 131 → 一级
    rows = dict(table(units, ["unit_id", "r_value"]))
    assert rows["HU001"] == pytest.approx(131)

    enterprises = tmp_path / "enterprises.gpkg"
    run(env, "riskatlas:enterpriserisk", INPUT=f"{SAMPLE}|layername=enterprises", METHOD="0", PRESET="1",
        HAZARD_UNITS=units, OUTPUT=enterprises)
    levels = table(enterprises, ["risk_level", "risk_preset"])
    assert {preset for _level, preset in levels} == {"lec_160_70_20"}
    assert {level for level, _preset in levels} <= {1, 2, 3, 4}

    grid = tmp_path / "map.gpkg"
    results = run(env, "riskatlas:fourcolourmap", ENTERPRISES=enterprises, HAZARD_UNITS=units, CELL_SIZE="1000",
                  RADII="1000,500,300,100", AGGREGATION="0", POPULATION=f"{SAMPLE}|layername=population",
                  OUTPUT=grid)
    cells = table(grid, ["risk_level", "risk_colour"])
    assert sum(results[f"AREAS_LEVEL_{level}"] for level in (1, 2, 3, 4)) == len(cells)
    assert {colour for level, colour in cells if level == 1} == {"#FF0000"}

    towns = tmp_path / "towns.gpkg"
    run(env, "riskatlas:fourcolourmap", ENTERPRISES=enterprises, HAZARD_UNITS=units,
        UNITS=f"{SAMPLE}|layername=townships", AGGREGATION="1", OUTPUT=towns)
    assert len(table(towns, ["name", "risk_level"])) == 10


def test_unknown_substance_is_a_message_not_a_traceback(env, tmp_path):
    bad = tmp_path / "bad.geojson"
    features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [120.0 + i * 0.001, 30.0]},
                 "properties": {"unit_id": unit, "substance": substance, "quantity_t": q}}
                for i, (unit, substance, q) in enumerate((("U1", "chlorine", 1.0), ("U2", "mystery gas", 2.0)))]
    bad.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    completed = qp.qgis_process(["run", "riskatlas:gradehazardsources", f"--INPUT={bad}",
                                 f"--OUTPUT={tmp_path / 'u.gpkg'}"], env, check=False)
    output = completed.stdout + completed.stderr
    assert completed.returncode != 0
    assert "mystery gas" in output and "U2" in output and "Traceback" not in output
    assert not (tmp_path / "u.gpkg").exists()
