"""The Processing log speaks the planner's language: in a Chinese QGIS every line the reach and siting runs
write (progress steps, figures, notes on the layers read) is Chinese; in an English QGIS the same lines are
English (core.log_lines)."""
import re

import pytest
from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject
from qgis_helpers import Language

from .conftest import layer_uri

ENGLISH_PROSE = re.compile(r"[A-Za-z]{3,}(?:[ ,'’-]+[A-Za-z]{2,}){2,}")  # three English words in a row


class LogFeedback(QgsProcessingFeedback):
    """Every line the log gets: infos, debug infos (the progress steps) and warnings."""

    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, text):  # noqa: N802 (QGIS API)
        self.lines.append(text)

    def pushDebugInfo(self, text):  # noqa: N802
        self.lines.append(text)

    def pushWarning(self, text):  # noqa: N802
        self.lines.append(text)


def _run(algorithm_id, parameters, language):
    from qgis import processing

    feedback = LogFeedback()
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    with Language(language):
        processing.run(algorithm_id, parameters, context=context, feedback=feedback)
    return [line for line in feedback.lines if not line.startswith("Results:")]  # (processing.run's own line)


@pytest.fixture(scope="module")
def stations_in_lonlat(sample_gpkg, qgis_app):
    """The sample's fire stations in CGCS2000 longitude/latitude: the run reprojects them and says so."""
    from qgis import processing

    return processing.run("native:reprojectlayer", {"INPUT": layer_uri(sample_gpkg, "fire_stations"),
                                                    "TARGET_CRS": "EPSG:4490", "OUTPUT": "memory:"})["OUTPUT"]


def _reach(sample_gpkg, stations, language):
    return _run("riskatlas:firestationreach", {
        "STATIONS": stations, "ROADS": layer_uri(sample_gpkg, "roads"),
        "STUDY_AREA": layer_uri(sample_gpkg, "townships"),
        "POPULATION": layer_uri(sample_gpkg, "population"), "OUTPUT_EDGES": "memory:", "OUTPUT_AREAS": "memory:",
        "OUTPUT_GAPS": "memory:", "OUTPUT_SUMMARY": "memory:"}, language)


def _siting(sample_gpkg, language):
    return _run("riskatlas:firestationsiting", {
        "STATIONS": layer_uri(sample_gpkg, "fire_stations"), "ROADS": layer_uri(sample_gpkg, "roads"),
        "STUDY_AREA": layer_uri(sample_gpkg, "townships"), "POPULATION": layer_uri(sample_gpkg, "population"),
        "CANDIDATE_SPACING": "1500", "NEW_STATIONS": 2, "OUTPUT": "memory:", "OUTPUT_UNCOVERED": "memory:",
        "OUTPUT_SUMMARY": "memory:"}, language)


def _english(lines):
    """The lines with English prose, leaving out CRS names (PROJ's own: 'EPSG:4549（CGCS2000 / 3-degree …）')."""
    return [line for line in lines if ENGLISH_PROSE.search(re.sub(r"EPSG:\d+（[^）]*）", "", line))]


def test_reach_log_in_chinese_and_in_english(riskatlas_provider, sample_gpkg, stations_in_lonlat):
    zh = _reach(sample_gpkg, stations_in_lonlat, "zh")
    assert _english(zh) == []
    assert any(re.fullmatch(r"道路网络：[\d,]+ 个节点，[\d,]+ 条边，\d+ 个连通部分", line) for line in zh)
    assert any(line.startswith("用地规则在 25 米网格上计算（") for line in zh)
    assert "构建道路网络" in zh and "确定各站最先到达的用地" in zh  # the progress steps
    assert any(re.search(r"：已从 EPSG:4490 重投影到 EPSG:\d+（", line) for line in zh)  # the note on the stations
    assert any("采用的车速（km/h × 道路条数）：字段 speed_kmh " in line for line in zh)

    en = _reach(sample_gpkg, stations_in_lonlat, "en")
    assert any(re.fullmatch(r"road graph: [\d,]+ nodes, [\d,]+ edges, \d+ connected part\(s\)", line) for line in en)
    assert "building the road graph" in en and any("reprojected from EPSG:4490 to EPSG:" in line for line in en)
    assert any("Speeds used (km/h × roads): field speed_kmh " in line for line in en)
    assert len(en) == len(zh)  # the same lines, said in the other language


def test_siting_log_in_chinese(riskatlas_provider, sample_gpkg):
    zh = _siting(sample_gpkg, "zh")
    assert _english(zh) == []
    assert any(re.fullmatch(r"沿道路每隔 1500 米生成候选站址 [\d,]+ 个", line) for line in zh)
    figures = [line for line in zh if line.startswith("需求：")]
    assert len(figures) == 1 and "覆盖矩阵" in figures[0] and "最优解（" in figures[0]
    # a skipped rule and its missing input named as the help and the dialog name them
    assert ("选址规则“与人员密集场所疏散出口的距离”未执行：未提供其所需输入"
            "（人员密集场所主要疏散出口（学校、医院、商场））。") in zh
    coverage = [line for line in zh if line.startswith("计算候选站址覆盖：")]
    assert 1 <= len(coverage) <= 10  # a line every tenth of the candidates, not every twenty


def test_shelter_and_resource_logs_in_chinese(riskatlas_provider, sample_gpkg):
    shelters = _run("riskatlas:shelterpercapita", {
        "SHELTERS": layer_uri(sample_gpkg, "shelters"), "POPULATION": layer_uri(sample_gpkg, "population"),
        "UNITS": layer_uri(sample_gpkg, "townships"), "OUTPUT": "memory:", "OUTPUT_SHELTERS": "memory:",
        "OUTPUT_SUMMARY": "memory:"}, "zh")
    assert _english(shelters) == [] and "方法：服务半径法（2SFCA，直线距离）" in shelters
    depots = _run("riskatlas:resourcecoverage", {
        "RESOURCES": layer_uri(sample_gpkg, "supply_depots"), "RESOURCE_KIND": 1,
        "ROADS": layer_uri(sample_gpkg, "roads"),
        "STUDY_AREA": layer_uri(sample_gpkg, "townships"), "POPULATION": layer_uri(sample_gpkg, "population"),
        "OUTPUT_AREAS": "memory:", "OUTPUT_GAPS": "memory:", "OUTPUT_TOWNSHIPS": "memory:", "OUTPUT_TARGETS": "memory:",
        "OUTPUT_EDGES": "memory:"}, "zh")
    assert _english(depots) == []
    assert any("项目设定（未找到国家规定的数值）" in line for line in depots)  # the default depot preset's source
