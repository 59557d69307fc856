"""End to end: riskatlas:exportatlas under qgis_process.bin, every parameter given as a string."""
import importlib.util
import json
import os
import re
import subprocess

import pytest
import qgis_process_env as qp

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(ROOT, "sample_data", "sample_county.gpkg")


def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def standins(qgis_app, tmp_path_factory):
    module = _load("riskatlas_atlas_standins_e2e", os.path.join(ROOT, "tests", "qgis", "atlas_standins.py"))
    return module.write_standins(SAMPLE, str(tmp_path_factory.mktemp("standins") / "standins.gpkg"), cell_m=1000.0)


def test_exportatlas_from_strings(env, standins, tmp_path):
    pdf = tmp_path / "atlas.pdf"
    pages = tmp_path / "pages"
    args = ["run", "riskatlas:exportatlas", "--json",
            f"--RISK_MAP={standins['risk_map']}", f"--HAZARD_UNITS={standins['hazard_units']}",
            f"--REACH_AREAS={standins['reach_areas']}", f"--SHELTER_UNITS={standins['shelter_units']}",
            f"--FIRE_STATIONS={SAMPLE}|layername=fire_stations", f"--SHELTERS={SAMPLE}|layername=shelters",
            f"--TOWNSHIPS={SAMPLE}|layername=townships", "--NAME_FIELD=name", "--TITLE=临海县安全风险分布图集",
            "--ORGANISATION=临海县应急管理局", "--DATE=2024-06-07", "--PAGE_SIZE=A4", "--LANGUAGE=zh",
            f"--OUTPUT={pdf}", f"--OUTPUT_PNG_FOLDER={pages}"]
    completed = qp.qgis_process(args, env)
    results = json.loads(completed.stdout[completed.stdout.index("{"):])["results"]
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages_in_pdf = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    # the cover, the fire-station page (REACH_AREAS), the shelter page (SHELTER_UNITS), the 10 townships
    assert results["PAGES"] == pages_in_pdf == 13
    assert "(A4)" in info
    assert len([f for f in os.listdir(pages) if f.endswith(".png")]) == 13
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "重大风险" in text and "2024年6月7日" in text
    assert "Traceback" not in completed.stdout + completed.stderr
