"""Pure pieces of the foundation: CRS choice, risk palette, dependency guard, GBK sniffing."""
import struct
import sys

import numpy as np
import pytest

from riskatlas.core.crs import local_projected_epsg
from riskatlas.core.standards.risk_levels import RISK_LEVELS, risk_attributes
from riskatlas.layers.encoding import gbk_without_declaration, sniff_dbf_text


@pytest.mark.parametrize("lon, lat, epsg", [
    (120.0, 30.0, 4549),   # CM 120E
    (121.4, 31.2, 4549),   # Shanghai: nearest 3° meridian is 120
    (121.6, 31.2, 4550),   # … past 121.5 it is 123
    (116.4, 39.9, 4548),   # Beijing: CM 117E
    (75.0, 39.5, 4534),    # first zone of the family
    (134.5, 48.0, 4554),   # last zone
    (2.35, 48.85, 32631),  # Paris: UTM 31N
    (151.2, -33.9, 32756),  # Sydney: UTM 56S
])
def test_local_projected_epsg(lon, lat, epsg):
    assert local_projected_epsg(lon, lat) == epsg


def test_palette_is_the_project_default():
    assert [(lv.level, lv.label_zh, lv.colour) for lv in RISK_LEVELS] == [
        (1, "重大风险", "#FF0000"), (2, "较大风险", "#FF9900"), (3, "一般风险", "#FFFF00"), (4, "低风险", "#0070C0")]
    assert [lv.label_en for lv in RISK_LEVELS] == ["Major risk", "High risk", "Moderate risk", "Low risk"]


def test_risk_attributes_vectorised():
    out = risk_attributes(np.array([4, 1, 2, 3, 1]))
    assert out["risk_colour"].tolist() == ["#0070C0", "#FF0000", "#FF9900", "#FFFF00", "#FF0000"]
    assert out["risk_label_zh"][1] == "重大风险"
    with pytest.raises(ValueError, match=r"\[0, 5\]"):
        risk_attributes([0, 5])


def test_dependency_guard_reports_a_blocked_module(monkeypatch):
    from riskatlas.support import dependencies

    assert dependencies.missing_dependencies() == []
    monkeypatch.setitem(sys.modules, "geopandas", None)
    problems = dependencies.missing_dependencies()
    assert problems == ["geopandas >= 1.0 (not installed)"]
    message = dependencies.install_message(problems)
    assert "OSGeo4W" in message and "conda" in message and "apt" in message


def test_version_tuple_handles_suffixes():
    from riskatlas.support.dependencies import _version_tuple

    assert _version_tuple("2.1.2") == (2, 1, 2)
    assert _version_tuple("1.0.0rc1") == (1, 0, 0)
    assert _version_tuple("1.24.2+dfsg") == (1, 24, 2)


def write_dbf(path, values, ldid=0):
    """A minimal dBASE III file with one 20-byte character field, written by hand."""
    n, width = len(values), 20
    header = struct.pack("<BBBBIHH20x", 3, 124, 1, 1, n, 32 + 32 + 1, 1 + width)
    header = header[:29] + bytes([ldid]) + header[30:]
    field = b"NAME".ljust(11, b"\0") + b"C" + b"\0" * 4 + bytes([width, 0]) + b"\0" * 14
    records = b"".join(b" " + v.ljust(width, b" ") for v in values)
    path.write_bytes(header + field + b"\r" + records + b"\x1a")


def test_sniff_gbk_utf8_ascii(tmp_path):
    write_dbf(tmp_path / "gbk.dbf", ["临海化工".encode("gbk"), b"abc"])
    write_dbf(tmp_path / "utf8.dbf", ["临海化工".encode("utf-8")])
    write_dbf(tmp_path / "ascii.dbf", [b"Linhai"])
    assert sniff_dbf_text(tmp_path / "gbk.dbf") == ("gbk", 0)
    assert sniff_dbf_text(tmp_path / "utf8.dbf")[0] == "utf-8"
    assert sniff_dbf_text(tmp_path / "ascii.dbf")[0] == "ascii"


def test_gbk_flagged_only_without_cpg_ldid_or_encoding(tmp_path):
    write_dbf(tmp_path / "a.dbf", ["滨海镇".encode("gbk")])
    (tmp_path / "a.shp").write_bytes(b"")
    assert gbk_without_declaration(str(tmp_path / "a.shp"))
    assert not gbk_without_declaration(str(tmp_path / "a.shp"), provider_encoding="GBK")
    (tmp_path / "a.cpg").write_text("GBK")
    assert not gbk_without_declaration(str(tmp_path / "a.shp"))
    write_dbf(tmp_path / "b.dbf", ["滨海镇".encode("gbk")], ldid=0x4D)
    (tmp_path / "b.shp").write_bytes(b"")
    assert not gbk_without_declaration(str(tmp_path / "b.shp"))
    assert not gbk_without_declaration(str(tmp_path / "x.gpkg"))


def test_core_never_imports_qgis_or_qt():
    """Static check (works whether or not this pytest run has QGIS loaded)."""
    import ast
    import pathlib

    import riskatlas.core as core

    offenders = []
    for path in pathlib.Path(core.__path__[0]).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in ("qgis", "PyQt5", "PyQt6")]
    assert offenders == []
