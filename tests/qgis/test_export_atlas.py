"""riskatlas:exportatlas on the sample county, with stand-in analysis layers (atlas_standins.py).

The exports are real (a few seconds each); the PDF is checked with poppler's pdfinfo, pdftotext
and pdffonts. Expected figures are computed here independently (geopandas overlay), not by the
code under test.
"""
import os
import re
import subprocess

import numpy as np
import pytest
from atlas_standins import atlas_parameters, run_exportatlas, write_standins
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback, QgsProject

from .conftest import SAMPLE_GPKG, layer_uri


RISK_LABELS_ZH = ("重大风险", "较大风险", "一般风险", "低风险")
COUNTY_PAGES = 3  # the four-colour cover, the fire-station page, the shelter page; then the sheets
RISK_LABELS_EN = ("Major risk", "High risk", "Moderate risk", "Low risk")
_KEEP = []


def _poppler(*args):
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def page_count(pdf):
    return int(re.search(r"^Pages:\s+(\d+)", _poppler("pdfinfo", pdf), re.M).group(1))


def page_text(pdf, page=None):
    args = ["pdftotext", "-enc", "UTF-8"] + (["-f", str(page), "-l", str(page)] if page else []) + [pdf, "-"]
    return _poppler(*args)


@pytest.fixture(scope="module")
def provider(qgis_processing_ready):
    registry = QgsApplication.processingRegistry()
    if registry.providerById("riskatlas") is None:
        from riskatlas.processing.provider import RiskAtlasProvider

        instance = RiskAtlasProvider()
        assert registry.addProvider(instance)
        _KEEP.append(instance)
    return registry.providerById("riskatlas")


def run(parameters):
    return run_exportatlas(parameters)


@pytest.fixture(scope="module")
def standins(tmp_path_factory):
    assert os.path.exists(SAMPLE_GPKG), "sample_data/sample_county.gpkg missing: run make sample-data"
    return write_standins(SAMPLE_GPKG, str(tmp_path_factory.mktemp("atlas") / "standins.gpkg"), cell_m=500.0)


def full_parameters(standins, **extra):
    return atlas_parameters(standins, SAMPLE_GPKG, **extra)


@pytest.fixture(scope="module")
def atlas_zh(provider, standins, tmp_path_factory):
    folder = tmp_path_factory.mktemp("atlas_zh")
    pdf = str(folder / "atlas.pdf")
    pngs = str(folder / "pages")
    result = run(full_parameters(standins, NAME_FIELD="name", PAGE_SIZE="A3", LANGUAGE="zh", OUTPUT=pdf,
                                 OUTPUT_PNG_FOLDER=pngs))
    return result, pdf, pngs


@pytest.fixture(scope="module")
def townships():
    from riskatlas.layers.convert import source_to_frame
    from qgis.core import QgsVectorLayer

    return source_to_frame(QgsVectorLayer(layer_uri(SAMPLE_GPKG, "townships"), "t", "ogr"), "townships").gdf


def _frame(uri):
    from riskatlas.layers.convert import source_to_frame
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(uri, "x", "ogr")
    assert layer.isValid(), uri
    return source_to_frame(layer, "x").gdf


def test_three_county_pages_then_one_page_per_township(atlas_zh, townships):
    result, pdf, _ = atlas_zh
    assert os.path.exists(pdf)
    assert page_count(pdf) == len(townships) + COUNTY_PAGES == result["PAGES"]
    assert "消防站5分钟到达范围" in page_text(pdf, 2) and "应急避难场所覆盖" in page_text(pdf, 3)
    assert "(A3)" in _poppler("pdfinfo", pdf)  # landscape A3: 1191 x 842 pts


def test_the_four_risk_labels_are_text_in_the_pdf(atlas_zh):
    _, pdf, _ = atlas_zh
    text = page_text(pdf)
    for label in RISK_LABELS_ZH:
        assert label in text
    cover = page_text(pdf, 1)
    for label in RISK_LABELS_ZH + ("临海县安全风险分布图集", "临海县应急管理局", "2024年6月7日", "坐标系"):
        assert label in cover


def test_a_cjk_font_is_embedded(atlas_zh):
    _, pdf, _ = atlas_zh
    fonts = _poppler("pdffonts", pdf)
    rows = [line for line in fonts.splitlines() if "WenQuanYi" in line]
    assert rows, fonts
    assert all(" yes " in row for row in rows)  # embedded
    assert "NotoSansCJK" not in fonts  # extracts radicals instead of 大/风 on 3.22


def test_every_township_has_its_page_in_order(atlas_zh, townships):
    _, pdf, _ = atlas_zh
    for i, name in enumerate(townships["name"], start=COUNTY_PAGES + 1):
        text = page_text(pdf, i)
        assert name in text
        assert f"第 {i} 页 / 共 {len(townships) + COUNTY_PAGES} 页" in text


def _residents_per_level(risk, township_geometry):
    """Independent overlay: residents × area(cell ∩ township) / area(cell), summed per level."""
    import geopandas as gpd

    risk = risk.copy()
    risk["cell_area"] = risk.geometry.area
    town = gpd.GeoDataFrame({"t": [1]}, geometry=[township_geometry], crs=risk.crs)
    pieces = gpd.overlay(risk, town, how="intersection", keep_geom_type=True)
    pieces["share"] = pieces["residents"] * pieces.geometry.area / pieces["cell_area"]
    return pieces.groupby("risk_level")["share"].sum().reindex([1, 2, 3, 4], fill_value=0.0).to_numpy()


def test_a_township_page_shows_its_residents_per_level(atlas_zh, standins, townships):
    _, pdf, _ = atlas_zh
    risk = _frame(standins["risk_map"])
    for i in (0, 3):  # 城关街道 (page 4) and 港口镇 (page 7)
        expected = _residents_per_level(risk, townships.geometry.iloc[i])
        text = page_text(pdf, i + COUNTY_PAGES + 1)
        for value in list(expected) + [expected.sum()]:
            assert f"{int(round(value)):,}" in text, (townships["name"].iloc[i], value)
        shares = expected / expected.sum()
        for share in shares:
            assert f"{100 * share:.1f}%" in text


def test_the_cover_shows_the_county_residents_and_major_units(atlas_zh, standins, townships):
    import shapely

    _, pdf, _ = atlas_zh
    risk = _frame(standins["risk_map"])
    county = shapely.union_all(townships.geometry.to_numpy())
    expected = _residents_per_level(risk, county)
    cover = page_text(pdf, 1)
    for value in expected:
        assert f"{int(round(value)):,}" in cover
    units = _frame(standins["hazard_units"])
    grades = units.loc[units["is_major"].astype(bool), "hazard_grade"].astype(int)
    counts = [int((grades == g).sum()) for g in (1, 2, 3, 4)]
    assert f"一级 {counts[0]} · 二级 {counts[1]} · 三级 {counts[2]} · 四级 {counts[3]}（共 {sum(counts)} 个）" in cover


def test_major_units_are_listed_on_their_township_page(atlas_zh, standins, townships):
    import shapely

    _, pdf, _ = atlas_zh
    units = _frame(standins["hazard_units"])
    major = units[units["is_major"].astype(bool)]
    points = shapely.point_on_surface(major.geometry.to_numpy())
    for i, town in enumerate(townships.geometry):
        inside = major["unit_id"].to_numpy()[shapely.contains(town, points)]
        text = page_text(pdf, i + COUNTY_PAGES + 1)
        listed = [unit_id for unit_id in inside if unit_id in text]
        assert len(listed) >= min(len(inside), 8)  # as many as the frame holds (≥ 8); the heading gives the total
        if len(inside) == 0:
            assert "本镇街无重大危险源" in text
        else:
            assert f"共 {len(inside)} 个" in text


def test_one_png_per_page(atlas_zh, townships):
    result, _, folder = atlas_zh
    assert result["OUTPUT_PNG_FOLDER"] == folder
    files = sorted(f for f in os.listdir(folder) if f.endswith(".png"))
    assert files == [f"page_{i:02d}.png" for i in range(1, len(townships) + COUNTY_PAGES + 1)]


def test_english_a4(provider, standins, townships, tmp_path):
    pdf = str(tmp_path / "atlas_en.pdf")
    result = run(full_parameters(standins, TITLE="", ORGANISATION="Linhai County Emergency Management Bureau",
                                 PAGE_SIZE="A4", LANGUAGE="en", OUTPUT=pdf))
    assert page_count(pdf) == len(townships) + COUNTY_PAGES == result["PAGES"]
    assert "(A4)" in _poppler("pdfinfo", pdf)
    text = page_text(pdf)
    for label in RISK_LABELS_EN + ("Safety Risk Atlas", "7 June 2024", "Legend", "Coordinate reference system"):
        assert label in text
    # no name field given: the English atlas names the townships by name_en
    assert townships["name_en"].iloc[0] in page_text(pdf, COUNTY_PAGES + 1)
    assert "Fire stations: 5-minute reach" in page_text(pdf, 2)
    assert "WenQuanYi" in _poppler("pdffonts", pdf)


def test_only_the_risk_map_and_townships(provider, standins, townships, tmp_path):
    pdf = str(tmp_path / "minimal.pdf")
    result = run({"RISK_MAP": standins["risk_map"], "TOWNSHIPS": layer_uri(SAMPLE_GPKG, "townships"),
                  "LANGUAGE": "zh", "OUTPUT": pdf})
    assert result["PAGES"] == page_count(pdf) == len(townships) + 1  # no reach or shelter layers: no such pages
    text = page_text(pdf, 1)
    assert "安全风险分布图集" in text and "—（未提供）" in text


def test_a_risk_map_without_risk_level_is_refused(provider, standins, tmp_path):
    with pytest.raises(QgsProcessingException, match="risk_level"):
        run({"RISK_MAP": standins["reach_areas"], "TOWNSHIPS": layer_uri(SAMPLE_GPKG, "townships"),
             "LANGUAGE": "en", "OUTPUT": str(tmp_path / "x.pdf")})
    assert not os.path.exists(tmp_path / "x.pdf")
    assert not [f for f in os.listdir(tmp_path) if f.startswith(".partial-")]


def test_definition_parses_from_strings_and_declares_no_threading(provider):
    from riskatlas.support import compat

    algorithm = QgsApplication.processingRegistry().algorithmById("riskatlas:exportatlas")
    assert algorithm.flags() & compat.FLAG_NO_THREADING
    names = [p.name() for p in algorithm.parameterDefinitions()]
    assert names == ["RISK_MAP", "ENTERPRISES", "HAZARD_UNITS", "SHELTERS", "FIRE_STATIONS", "REACH_AREAS",
                     "REACH_GAPS", "SHELTER_UNITS", "SHELTER_LOAD", "TOWNSHIPS", "NATURAL_HAZARDS", "RESCUE_TEAMS",
                     "SUPPLY_DEPOTS", "RESCUE_AREAS", "RESCUE_GAPS", "RESCUE_TOWNS", "RESCUE_TARGETS", "DEPOT_TOWNS",
                     "NAME_FIELD", "TARGET", "TITLE", "ORGANISATION",
                     "DATE", "RUN_LABEL", "PAGE_SIZE", "LANGUAGE", "OUTPUT", "OUTPUT_PNG_FOLDER", "ATLAS_LAYERS"]
    context = QgsProcessingContext()
    page = algorithm.parameterDefinition("PAGE_SIZE")
    assert page.checkValueIsAcceptable("A4", context) and not page.checkValueIsAcceptable("A5", context)
    assert algorithm.parameterDefinition("LANGUAGE").checkValueIsAcceptable("en", context)
    assert page.defaultValue() == "A3"
    from riskatlas.core.standards.shelters import TARGET_M2_PER_CAPITA

    assert algorithm.parameterDefinition("TARGET").defaultValue() == TARGET_M2_PER_CAPITA


def test_templates_hold_the_documented_items():
    from riskatlas.atlas.page_templates import (COVER_ITEMS, FIRE_ITEMS, SHELTER_ITEMS, TOWNSHIP_ITEMS, load_template,
                                                template_path)

    project = QgsProject()
    for size in ("A3", "A4"):
        for kind, ids in (("cover", COVER_ITEMS), ("fire", FIRE_ITEMS), ("shelter", SHELTER_ITEMS),
                          ("township", TOWNSHIP_ITEMS)):
            path = template_path(kind, size)
            assert path.endswith(f"atlas_{kind}_{size.lower()}.qpt")
            layout = load_template(project, path, kind)
            found = {item.id() for item in layout.items() if hasattr(item, "id")}
            assert set(ids) <= found, (path, set(ids) - found)
            page = layout.pageCollection().page(0).pageSize()
            assert (round(page.width()), round(page.height())) == ((420, 297) if size == "A3" else (297, 210))


def test_nice_scale():
    from riskatlas.atlas.items import nice_scale

    assert nice_scale(52_345) == 60_000
    assert nice_scale(60_000) == 60_000
    assert nice_scale(118_000) == 125_000
    assert np.isclose(nice_scale(9_100), 10_000)


def test_the_atlas_goes_into_a_project_and_exports_from_it(provider, standins, townships, tmp_path):
    """exportatlas with ATLAS_LAYERS + atlas.project.add_atlas_to_project (the full assessment's .qgz):
    the saved project reopens with both layouts, the atlas on the stored coverage layer, and exports
    the same pages."""
    from riskatlas.atlas.export import export_pdf
    from riskatlas.atlas.project import add_atlas_to_project

    gpkg = str(tmp_path / "atlas.gpkg")
    result = run(full_parameters(standins, NAME_FIELD="name", PAGE_SIZE="A3", LANGUAGE="zh",
                                 OUTPUT=str(tmp_path / "atlas.pdf"), ATLAS_LAYERS=gpkg))
    assert result["ATLAS_LAYERS"] == gpkg and os.path.isdir(tmp_path / "atlas_charts")
    project = QgsProject()
    *singles, township = add_atlas_to_project(project, gpkg)
    group = project.layerTreeRoot().children()[-1]  # the layouts' own layers: last, collapsed, unchecked
    assert group.name() == "图集图层（供打印布局使用）" and not group.isExpanded()
    assert not group.itemVisibilityChecked() and not any(node.itemVisibilityChecked() for node in group.children())
    names = [node.name() for node in group.children()]
    assert len(names) == len(set(names))  # one name per layer
    assert project.write(str(tmp_path / "atlas.qgz"))

    reopened = QgsProject()
    assert reopened.read(str(tmp_path / "atlas.qgz"))
    layouts = {layout.name(): layout for layout in reopened.layoutManager().printLayouts()}
    assert {layout.name() for layout in singles} | {township.name()} == set(layouts)
    assert len(singles) == COUNTY_PAGES
    sheet = layouts[township.name()]
    atlas = sheet.atlas()
    assert atlas.enabled() and atlas.coverageLayer() is not None and atlas.coverageLayer().isValid()
    assert atlas.coverageLayer().featureCount() == len(townships)
    assert atlas.coverageLayer().source().startswith(gpkg)
    pdf = str(tmp_path / "from_project.pdf")
    export_pdf([layouts[layout.name()] for layout in singles], sheet, pdf)
    assert page_count(pdf) == len(townships) + COUNTY_PAGES == result["PAGES"]
    text = page_text(pdf, COUNTY_PAGES + 1)
    assert townships["name"].iloc[0] in text and "重大风险" in text
    assert page_text(pdf, 1) == page_text(str(tmp_path / "atlas.pdf"), 1)


def test_the_shelter_target_is_printed_and_judged_as_given(provider, standins, townships, tmp_path):
    """TARGET=2.0: the cover and every sheet say 目标 ≥ 2.0, and the verdicts and deficits are those of
    2.0 (computed here from the shelter result's own area and residents), not of the layer's 1.5."""
    pdf = str(tmp_path / "target.pdf")
    run(full_parameters(standins, NAME_FIELD="name", LANGUAGE="zh", TARGET=2.0, OUTPUT=pdf))
    units = _frame(standins["shelter_units"])
    area, residents = units["shelter_area_m2"].to_numpy(float), units["residents"].to_numpy(float)
    cover = page_text(pdf, 1).replace("\n", "")
    ratio = area.sum() / residents.sum()
    assert ratio < 2.0  # the sample county misses 2.0
    deficit = int(round(2.0 * residents.sum() - area.sum()))
    assert f"{ratio:.2f} m²/人（目标 ≥ 2.0，未达标，县域缺口 {deficit:,} m²）" in cover
    assert "目标 ≥ 1.5" not in cover
    for i, name in enumerate(townships["name"]):
        row = units[units["name"] == name].iloc[0]
        page = page_text(pdf, i + COUNTY_PAGES + 1).replace("\n", "")
        verdict = "达标" if row["m2_per_capita"] >= 2.0 else "未达标"
        assert f"{row['m2_per_capita']:.2f} m²/人（目标 ≥ 2.0，{verdict}" in page, name
        if verdict == "未达标":
            assert f"缺口 {int(round(2.0 * row['residents'] - row['shelter_area_m2'])):,} m²" in page, name
    english = str(tmp_path / "target_en.pdf")
    run(full_parameters(standins, LANGUAGE="en", TARGET=2.0, OUTPUT=english))
    assert "target ≥ 2.0" in page_text(english, 1).replace("\n", " ")


def test_a_planners_template_in_the_profile_is_used(monkeypatch, tmp_path):
    import shutil

    from riskatlas.atlas import page_templates

    monkeypatch.setattr(page_templates, "user_template_folder", lambda: str(tmp_path))
    assert page_templates.template_path("township", "A3").startswith(page_templates.TEMPLATE_DIR)
    shutil.copy(os.path.join(page_templates.TEMPLATE_DIR, "atlas_township_a4.qpt"),
                tmp_path / "riskatlas_township_a3.qpt")
    assert page_templates.template_path("township", "A3") == str(tmp_path / "riskatlas_township_a3.qpt")
    assert page_templates.template_path("cover", "A3").startswith(page_templates.TEMPLATE_DIR)


def test_a_broken_template_is_a_clear_error(tmp_path):
    from riskatlas.atlas import page_templates

    broken = tmp_path / "broken.qpt"
    broken.write_text("<Layout", encoding="utf-8")
    with pytest.raises(page_templates.TemplateError, match="broken.qpt"):
        page_templates.load_template(QgsProject(), str(broken), "x")
    with pytest.raises(page_templates.TemplateError, match="cannot read"):
        page_templates.load_template(QgsProject(), str(tmp_path / "missing.qpt"), "x")
