"""End to end: riskatlas:shelterpercapita under /usr/bin/qgis_process.bin on the sample county, every
parameter a --NAME=value string (QGIS 3.22's qgis_process)."""
import json
import os
import sqlite3

import pytest
import qgis_process_env as qp

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(ROOT, "sample_data", "sample_county.gpkg")

pytestmark = pytest.mark.e2e
FIXED = ("fixed_short", "fixed_medium", "fixed_long", "central")


def rows(path, sql):
    with sqlite3.connect(path) as connection:
        return connection.execute(sql).fetchall()


def layer_table(path):
    (name,) = rows(path, "SELECT table_name FROM gpkg_contents WHERE data_type IN ('features', 'attributes')")[0]
    return f'"{name}"'


def test_administrative_method_on_the_sample_county(env, tmp_path):
    out = {name: tmp_path / f"{name}.gpkg" for name in ("towns", "load", "summary")}
    args = ["run", "riskatlas:shelterpercapita", "--json",
            f"--SHELTERS={SAMPLE}|layername=shelters", f"--SHELTERS_2={SAMPLE}|layername=shelter_points",
            f"--POPULATION={SAMPLE}|layername=population", f"--UNITS={SAMPLE}|layername=townships",
            "--METHOD=0", "--TYPES=1,2,3,4", "--TARGET=1.5", "--URBAN_ONLY=true", "--CAPACITY_FIELD=capacity",
            f"--OUTPUT={out['towns']}", f"--OUTPUT_SHELTERS={out['load']}", f"--OUTPUT_SUMMARY={out['summary']}",
            f"--OUTPUT_HTML={tmp_path / 'summary.html'}"]
    completed = qp.qgis_process(args, env)  # raises on a non-zero exit (a crash at exit included)
    results = json.loads(completed.stdout[completed.stdout.index("{"):])["results"]

    # independent sums straight from the GeoPackage: fixed + central area ÷ urban residents
    area = rows_area("shelters") + rows_area("shelter_points")
    (urban,) = rows(SAMPLE, "SELECT sum(residents) FROM population WHERE urban")[0]
    assert results["COUNTY_M2_PER_CAPITA"] == pytest.approx(area / urban, rel=1e-12)
    assert results["COUNTY_DEFICIT_M2"] == pytest.approx(max(0.0, 1.5 * urban - area), abs=1e-6)
    assert 0 < results["SHARE_MEETING_TARGET"] < 1

    towns = rows(out["towns"], f"SELECT town_id, residents, shelter_area_m2, m2_per_capita, meets_target, deficit_m2 "
                               f"FROM {layer_table(out['towns'])}")
    assert len(towns) == 10
    for _town, residents, shelter_area, ratio, meets, deficit in towns:
        assert ratio == pytest.approx(shelter_area / residents)
        assert bool(meets) == (ratio >= 1.5)
        assert deficit == pytest.approx(max(0.0, 1.5 * residents - shelter_area), abs=1e-6)
    assert sum(t[5] for t in towns) == pytest.approx(results["TOTAL_DEFICIT_M2"])
    county = rows(out["summary"], f"SELECT residents, m2_per_capita FROM {layer_table(out['summary'])} "
                                  "WHERE scope = 'county'")
    assert county[0][1] == pytest.approx(results["COUNTY_M2_PER_CAPITA"])
    load = rows(out["load"], f"SELECT count(*), sum(overloaded) FROM {layer_table(out['load'])}")[0]
    assert load[0] == rows_count() and load[1] == results["SHELTERS_OVERLOADED"]
    assert "城关" in (tmp_path / "summary.html").read_text(encoding="utf-8")


def rows_area(layer):
    placeholders = ", ".join("?" * len(FIXED))
    with sqlite3.connect(SAMPLE) as connection:
        return connection.execute(f"SELECT coalesce(sum(area_m2), 0) FROM {layer} WHERE type IN ({placeholders})",
                                  FIXED).fetchone()[0]


def rows_count():
    placeholders = ", ".join("?" * len(FIXED))
    with sqlite3.connect(SAMPLE) as connection:
        return sum(connection.execute(f"SELECT count(*) FROM {layer} WHERE type IN ({placeholders})",
                                      FIXED).fetchone()[0] for layer in ("shelters", "shelter_points"))


def test_bad_input_is_a_message_not_a_traceback(env, tmp_path):
    completed = qp.qgis_process(
        ["run", "riskatlas:shelterpercapita", f"--SHELTERS={SAMPLE}|layername=shelter_points",
         f"--POPULATION={SAMPLE}|layername=population", "--AREA_FIELD=", f"--OUTPUT={tmp_path / 'o.gpkg'}",
         f"--OUTPUT_SHELTERS={tmp_path / 's.gpkg'}", f"--OUTPUT_SUMMARY={tmp_path / 't.gpkg'}"], env, check=False)
    output = completed.stdout + completed.stderr
    assert completed.returncode != 0
    assert "layer 'shelter_points'" in output and "set AREA_FIELD" in output
    assert "Traceback" not in output
