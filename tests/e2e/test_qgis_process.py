"""End to end: the installed plugin under /usr/bin/qgis_process.bin (a separate QGIS process)."""
import json
import os

import pytest
import qgis_process_env as qp

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(ROOT, "sample_data", "sample_county.gpkg")

pytestmark = pytest.mark.e2e


def test_list_shows_the_provider_algorithms(env):
    listing = qp.qgis_process(["list"], env).stdout
    assert "Risk Atlas" in listing
    for algorithm in ("riskatlas:validateinputs", "riskatlas:createtemplate"):
        assert algorithm in listing


def test_validateinputs_on_the_sample_county(env, tmp_path):
    html = tmp_path / "validation.html"
    report = tmp_path / "report.gpkg"
    args = ["run", "riskatlas:validateinputs", "--json"]
    for parameter, layer in (("ENTERPRISES", "enterprises"), ("HAZARD_SOURCES", "hazard_sources"),
                             ("SHELTERS", "shelters"), ("SHELTERS_2", "shelter_points"),
                             ("FIRE_STATIONS", "fire_stations"), ("POPULATION", "population"),
                             ("ROADS", "roads"), ("TOWNSHIPS", "townships")):
        args.append(f"--{parameter}={SAMPLE}|layername={layer}")
    args += [f"--OUTPUT={report}", f"--OUTPUT_HTML={html}", "--FAIL_ON_ERROR=true"]
    completed = qp.qgis_process(args, env)
    results = json.loads(completed.stdout[completed.stdout.index("{"):])["results"]
    assert results["ERRORS"] == 0
    assert html.exists() and "Risk Atlas" in html.read_text(encoding="utf-8")
    assert report.exists()


def test_bad_input_gives_a_message_not_a_traceback(env, tmp_path):
    completed = qp.qgis_process(["run", "riskatlas:validateinputs", f"--OUTPUT={tmp_path / 'r.gpkg'}"], env,
                                check=False)
    assert completed.returncode != 0
    output = completed.stdout + completed.stderr
    assert "Give at least one input layer to validate." in output
    assert "Traceback" not in output


def test_without_the_python_stack_the_plugin_loads_and_explains(tmp_path):
    """A QGIS whose Python lacks geopandas and shapely: a sitecustomize blocks both imports
    (on Debian 12 QGIS's own Python has neither anyway; on Debian 13 it has both)."""
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(
        "import sys\nfor name in ('geopandas', 'shapely'):\n    sys.modules[name] = None\n")
    bare = qp.make_env(str(tmp_path))
    bare["PYTHONPATH"] = str(blocker)
    qp.enable_plugin(bare)
    listing = qp.qgis_process(["list"], bare).stdout
    assert "riskatlas:validateinputs" in listing
    completed = qp.qgis_process(["run", "riskatlas:createtemplate", f"--OUTPUT={tmp_path / 't.gpkg'}"], bare,
                                check=False)
    output = completed.stdout + completed.stderr
    assert completed.returncode != 0
    assert "shapely >= 2.0 (not installed)" in output and "geopandas >= 1.0 (not installed)" in output
    assert "OSGeo4W" in output and "conda install" in output
    assert "Traceback" not in output
    assert not (tmp_path / "t.gpkg").exists()
