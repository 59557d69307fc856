"""The emergency "one map" in the chain and the four-colour map: natural hazards as risk sources (hand-worked
levels from 险情等级 and from the threat), the full assessment with and without the one-map layers (the steps
left out, the other analyses' figures unchanged, the resources page and the combined kinds printed)."""
import subprocess

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from riskatlas.layers.schemas import ASSESSMENT_INPUTS
from .conftest import layer_uri
from qgis_helpers import memory_layer

CRS = "crs=EPSG:4549"
ONE_MAP = ("RESCUE_TEAMS", "SUPPLY_DEPOTS", "KEY_TARGETS", "NATURAL_HAZARDS")


def _units():
    """Three 100 m squares east of a site at (0, 0): their nearest edges 300, 700 and 1200 m away."""
    squares = [(300, "A"), (700, "B"), (1200, "C")]
    return memory_layer(f"Polygon?{CRS}&field=unit:string", [
        (f"POLYGON(({x} 0, {x + 100} 0, {x + 100} 100, {x} 100, {x} 0))", [name]) for x, name in squares], "单元")


def _hazards(danger_level, threatened):
    return memory_layer(f"Point?{CRS}&field=hazard_id:string&field=name:string&field=type:string"
                        "&field=threatened:integer&field=danger_level:string",
                        [("POINT(0 0)", ["H1", "滑坡1", "landslide", threatened, danger_level])], "自然灾害隐患点")


def _levels(result):
    layer = result["OUTPUT"]
    return {f["unit"]: (f["risk_level"], f["source_layer"]) for f in layer.getFeatures()}


def test_a_site_s_level_from_its_danger_grade_or_its_threat(run_algorithm):
    common = {"UNITS": _units(), "OUTPUT": "memory:"}  # default radii 1000, 500, 300, 100 m (levels 1..4)
    large = run_algorithm("riskatlas:fourcolourmap", {**common, "NATURAL_HAZARDS": _hazards("大型", 1200)})
    # 大型 → level 2, radius 500 m: A (300 m) is reached, B (700 m) and C are not
    assert _levels(large) == {"A": (2, "natural_hazards"), "B": (4, None), "C": (4, None)}
    threat = run_algorithm("riskatlas:fourcolourmap", {**common, "NATURAL_HAZARDS": _hazards("大型", 1200),
                                                        "HAZARD_LEVEL_PRESET": 1})
    # graded again from 1200 threatened people: 特大型 (≥ 1000) → level 1, radius 1000 m: A and B, not C
    assert _levels(threat) == {"A": (1, "natural_hazards"), "B": (1, "natural_hazards"), "C": (4, None)}
    empty = run_algorithm("riskatlas:fourcolourmap", {**common, "NATURAL_HAZARDS": _hazards(None, 100)})
    # no grade recorded: from 100 people (中型, the lower bound included) → level 3, radius 300 m: A exactly at
    # the radius is not reached (the map's rule: strictly less than the radius)
    assert _levels(empty) == {"A": (4, None), "B": (4, None), "C": (4, None)}


def test_bad_hazard_values_name_the_feature_and_field(run_algorithm):
    with pytest.raises(QgsProcessingException, match=r"自然灾害隐患点.*feature H1 \(fid 1\).*danger_level.*巨型"):
        run_algorithm("riskatlas:fourcolourmap", {"UNITS": _units(), "OUTPUT": "memory:",
                                                  "NATURAL_HAZARDS": _hazards("巨型", 10)})
    with pytest.raises(QgsProcessingException, match=r"feature H1 \(fid 1\).*no value to grade"):
        run_algorithm("riskatlas:fourcolourmap", {"UNITS": _units(), "OUTPUT": "memory:",
                                                  "NATURAL_HAZARDS": _hazards(None, None)})


@pytest.fixture(scope="module")
def runs(tmp_path_factory, sample_gpkg, qgis_processing_ready, sample_assessment):
    """The full assessment on the sample county with (the session's run) and without the one-map layers."""
    from qgis import processing
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProject

    if QgsApplication.processingRegistry().providerById("riskatlas") is None:
        from riskatlas.processing.provider import RiskAtlasProvider

        QgsApplication.processingRegistry().addProvider(RiskAtlasProvider())
    done = {"with": sample_assessment}
    for name, left_out in (("without", ONE_MAP),):
        folder = tmp_path_factory.mktemp(name)
        parameters = {i.parameter: layer_uri(sample_gpkg, i.layer) for i in ASSESSMENT_INPUTS
                      if i.parameter not in left_out}
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        feedback = QgsProcessingFeedback()
        done[name] = processing.run("riskatlas:fullassessment", {**parameters, "OUTPUT_FOLDER": str(folder),
                                                                 "LANGUAGE": "zh"}, context=context,
                                    feedback=feedback)
    return done


def _headline(gpkg):
    layer = QgsVectorLayer(f"{gpkg}|layername=headline_figures", "h", "ogr")
    return {f["figure_id"]: f["shown"] for f in layer.getFeatures()}


def _tables(gpkg):
    import sqlite3

    with sqlite3.connect(gpkg) as connection:
        return {row[0] for row in connection.execute("select table_name from gpkg_contents")}


def test_without_the_one_map_layers_the_steps_are_left_out(runs):
    without = runs["without"]
    assert without["PAGES"] == 13  # cover, fire stations, shelters, 10 townships: as before
    tables = _tables(without["OUTPUT_GPKG"])
    assert not {t for t in tables if t.startswith(("rescue_", "depot_", "atlas_res_"))}
    assert not any(k.startswith(("rescue", "depot")) for k in _headline(without["OUTPUT_GPKG"]))


def test_the_one_map_layers_change_only_what_they_add_to(runs):
    with_, without = (_headline(runs[k]["OUTPUT_GPKG"]) for k in ("with", "without"))
    unchanged = [k for k in without if k.startswith(("fire_", "shelter", "major_units"))]
    assert unchanged and all(with_[k] == without[k] for k in unchanged)
    assert with_["residents"] == without["residents"]  # the map's residents add up alike
    assert with_["map_cells_level_1"] != without["map_cells_level_1"]  # the natural hazards raise some cells
    assert {"rescue_residents_reached", "rescue_cover_share", "depot_residents_left_out",
            "rescue_key_targets_left_out"} <= set(with_)
    tables = _tables(runs["with"]["OUTPUT_GPKG"])
    assert {"rescue_areas", "rescue_gaps", "rescue_towns", "rescue_targets", "depot_towns"} <= tables


def test_the_resources_page_and_the_combined_kinds_are_printed(runs):
    result = runs["with"]
    assert result["PAGES"] == 14
    pdf = result["OUTPUT_PDF"]

    def page(number):
        return subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), pdf, "-"], capture_output=True,
                              text=True, check=True).stdout

    cover, resources = page(1), page(4)
    assert "风险源：企业、重大危险源、自然灾害隐患点/风险区" in cover and "自然灾害隐患点" in cover
    assert "应急资源与重点目标" in resources and "救援队伍未及时到达的重点目标" in resources
    headline = _headline(result["OUTPUT_GPKG"])
    assert headline["rescue_cover_share"] in resources.replace("\n", "")
    for town in ("城关街道", "桃源镇"):
        assert town in resources


def _csv(path, headers, rows):
    import csv

    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        writer.writerows(rows)
    return str(path)


def test_one_map_ledgers_are_recognised_and_imported(run_algorithm, tmp_path):
    """A 地质灾害隐患点 register and a team list as bureaus keep them (Chinese headers and values, WGS84
    lon/lat): recognised as their kinds, values read through the code table, features where they are."""
    hazards = _csv(tmp_path / "隐患点.csv", ["序号", "统一编号", "隐患点名称", "灾害类型", "威胁户数", "威胁人数",
                                            "威胁财产（万元）", "险情等级", "经度", "纬度"],
                   [[1, "330101001", "大岭滑坡", "滑坡", 12, 40, 120.5, "小型", 119.70, 30.01],
                    [2, "330101002", "石门危岩", "危岩", 60, 210, 800, "中型", 119.72, 30.02],
                    [3, "330101003", "后山泥石流沟", "泥石流", 180, 560, 3000, "Ⅱ级", 119.74, 30.03]])
    result = run_algorithm("riskatlas:importlayer", {"INPUT": hazards, "OUTPUT": "TEMPORARY_OUTPUT"})
    assert result["KIND_USED"] == "natural_hazards" and result["FEATURES"] == 3
    layer = result["OUTPUT"] if isinstance(result["OUTPUT"], QgsVectorLayer) else QgsVectorLayer(result["OUTPUT"])
    rows = {f["hazard_id"]: (f["type"], f["danger_level"], f["threatened"]) for f in layer.getFeatures()}
    assert rows == {"330101001": ("landslide", "small", 40), "330101002": ("collapse", "medium", 210),
                    "330101003": ("debris_flow", "large", 560)}
    teams = _csv(tmp_path / "救援队伍.csv", ["队伍编号", "队伍名称", "队伍类型", "队伍人数", "主要装备", "出动时间（分钟）",
                                             "经度", "纬度"],
                 [["D1", "蓝天救援队", "社会应急力量", 45, "冲锋舟", 10, 119.80, 30.00],
                  ["D2", "城关防汛抢险队", "防汛抢险", 60, "抽水泵", "", 119.81, 30.01]])
    result = run_algorithm("riskatlas:importlayer", {"INPUT": teams, "OUTPUT": "TEMPORARY_OUTPUT"})
    assert result["KIND_USED"] == "rescue_teams" and result["FEATURES"] == 2
    layer = result["OUTPUT"] if isinstance(result["OUTPUT"], QgsVectorLayer) else QgsVectorLayer(result["OUTPUT"])
    assert {f["team_id"]: (f["type"], f["headcount"]) for f in layer.getFeatures()} == {
        "D1": ("social", 45), "D2": ("flood", 60)}
