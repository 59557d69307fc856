"""styles/*.qml: generated from the one palette and style code, and kept in sync with it (no QGIS).

Loading the files in QGIS is checked in tests/qgis/test_styles_qml.py."""
import importlib.util
import os
import re

import pytest

from riskatlas.core.standards.fire_stations import TIME_RULE_MIN
from riskatlas.core.standards.shelters import TARGET_M2_PER_CAPITA
from riskatlas.layers.qml import rgba

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
STYLES = os.path.join(ROOT, "styles")
# the default palette (core/standards/risk_levels.py) (#FF0000, #FF9900, #FFFF00, #0070C0), in QML's r,g,b,a
PALETTE_RGBA = ["255,0,0,255", "255,153,0,255", "255,255,0,255", "0,112,192,255"]


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("build_styles", os.path.join(ROOT, "tools", "build_styles.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def test_the_committed_styles_are_what_the_code_writes(tool, tmp_path):
    names = tool.write_styles(str(tmp_path))
    committed = sorted(f for f in os.listdir(STYLES) if f.endswith(".qml"))
    assert committed == sorted(names), "styles/ is out of date: run .venv/bin/python tools/build_styles.py"
    stale = [name for name in names if _read(os.path.join(STYLES, name)) != _read(os.path.join(tmp_path, name))]
    assert stale == [], "styles/ is out of date: run .venv/bin/python tools/build_styles.py"


def test_the_writer_is_deterministic(tool, tmp_path):
    tool.write_styles(str(tmp_path / "a"))
    tool.write_styles(str(tmp_path / "b"))
    for name in os.listdir(tmp_path / "a"):
        assert _read(tmp_path / "a" / name) == _read(tmp_path / "b" / name)


@pytest.mark.parametrize("language, labels", [("zh", ["重大风险", "较大风险", "一般风险", "低风险"]),
                                              ("en", ["Major risk", "High risk", "Moderate risk", "Low risk"])])
@pytest.mark.parametrize("geometry", ["polygon", "point"])
def test_the_four_colour_files_carry_the_palette_and_labels(language, labels, geometry):
    text = _read(os.path.join(STYLES, f"risk_levels_{geometry}_{language}.qml"))
    assert 'attr="risk_level"' in text
    assert re.findall(r'<category value="(\d)" label="([^"]+)"', text) == [(str(i), label) for i, label in
                                                                           enumerate(labels, start=1)]
    assert re.findall(r'name="color" value="([^"]+)"', text) == PALETTE_RGBA
    assert ('type="marker"' if geometry == "point" else 'type="fill"') in text


def test_every_input_kind_and_geometry_has_a_file_per_language():
    from riskatlas.layers.schemas import SCHEMAS

    files = set(os.listdir(STYLES))
    for kind, schema in SCHEMAS.items():
        for geometry in schema.geometries:
            stem = f"{kind}_{geometry}" if len(schema.geometries) > 1 else kind
            assert {f"{stem}_zh.qml", f"{stem}_en.qml"} <= files


def test_per_capita_classes_are_drawn_for_the_default_target():
    """Classes at 0.5, 1 and 2 times the target, lower bounds included (a value equal to the target meets it)."""
    t = TARGET_M2_PER_CAPITA
    text = _read(os.path.join(STYLES, "shelter_per_capita_zh.qml"))
    assert f'"m2_per_capita" &gt;= {float(t)!r} AND "m2_per_capita" &lt; {float(2 * t)!r}' in text
    assert f'label="达标 {t:g}–{2 * t:g} m²/人"' in text
    readme = _read(os.path.join(STYLES, "README.md"))
    assert f"{t:g} m²" in readme and f"0–{TIME_RULE_MIN:g} min" in readme


def test_rgba():
    assert rgba("#C00000", 0.5) == "192,0,0,128"
    assert rgba("#0070c0") == "0,112,192,255"
