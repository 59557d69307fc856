"""`make package` builds a zip that installs into a clean profile and runs under qgis_process."""
import os
import zipfile

import build_package as package_tool
import pytest
import qgis_process_env as qp

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


pytestmark = pytest.mark.e2e


def test_zip_installs_into_a_clean_profile_and_runs(tmp_path):
    archive = package_tool.build(str(tmp_path / "riskatlas.zip"))
    with zipfile.ZipFile(archive) as handle:
        names = handle.namelist()
        assert all(n.startswith("riskatlas/") for n in names)
        for required in ("riskatlas/__init__.py", "riskatlas/metadata.txt", "riskatlas/processing/provider.py",
                         "riskatlas/i18n/riskatlas_zh_CN.qm", "riskatlas/icon.svg", "riskatlas/styles/README.md",
                         "riskatlas/styles/risk_levels_polygon_zh.qml", "riskatlas/styles/risk_levels_polygon_en.qml",
                             "riskatlas/help/manual_zh.html", "riskatlas/help/manual_en.html",
                             "riskatlas/icons/fullassessment.svg"):
            assert required in names
        styles = sorted(f for f in os.listdir(os.path.join(ROOT, "styles")) if f.endswith(".qml"))
        assert styles and all(f"riskatlas/styles/{f}" in names for f in styles)
        assert not any(n.startswith(("riskatlas/tests/", "riskatlas/.venv/", "riskatlas/bench/",
                                     "riskatlas/tools/", "riskatlas/.git/")) for n in names)
        assert "riskatlas/conftest.py" not in names and "riskatlas/Makefile" not in names
        assert "riskatlas/ruff.toml" not in names and "riskatlas/mypy.ini" not in names
        plugins = tmp_path / "plugins"
        handle.extractall(plugins)
    env = qp.make_env(str(tmp_path / "work"), plugin_source=str(plugins / "riskatlas"))
    qp.enable_plugin(env)
    listing = qp.qgis_process(["list"], env).stdout
    assert "riskatlas:validateinputs" in listing
    template = tmp_path / "template.gpkg"
    qp.qgis_process(["run", "riskatlas:createtemplate", f"--OUTPUT={template}"], env)
    assert template.exists() and template.stat().st_size > 0
