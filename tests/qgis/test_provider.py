"""The provider lists its algorithms explicitly; help and groups come from one place each, and help
texts are rendered from the standards tables (the translatable templates hold no cited numbers)."""
import os
import re
import xml.etree.ElementTree as ET

from qgis.core import QgsApplication

from riskatlas.processing import help as H
from riskatlas.processing.provider import ALGORITHMS

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXPECTED_IDS = {
    "riskatlas:createtemplate", "riskatlas:enterpriserisk", "riskatlas:exportatlas", "riskatlas:firestationreach",
    "riskatlas:firestationsiting", "riskatlas:fourcolourmap", "riskatlas:fullassessment", "riskatlas:gradehazardsources", "riskatlas:importlayer",
    "riskatlas:shelterpercapita", "riskatlas:validateinputs", "riskatlas:riskatlasassessmentmodel",
    "riskatlas:resourcecoverage",
    "riskatlas:incidentsurroundings",
    "riskatlas:comparescenarios",
}


def test_the_exact_set_of_algorithms(riskatlas_provider):
    assert {a.id() for a in riskatlas_provider.algorithms()} == EXPECTED_IDS


def test_every_algorithm_module_is_listed():
    modules = sorted(f[:-3] for f in os.listdir(os.path.join(ROOT, "processing")) if f.startswith("alg_"))
    assert sorted(cls.__module__.rsplit(".", 1)[1] for cls in ALGORITHMS) == modules


def test_groups_and_help_from_one_place(riskatlas_provider):
    groups = {"assessment": "Assessment", "data": "Data", "risk": "Risk", "coverage": "Coverage", "atlas": "Atlas"}
    for algorithm in riskatlas_provider.algorithms():
        assert algorithm.group() == groups[algorithm.groupId()], algorithm.id()
        assert len(algorithm.shortHelpString()) > 300, algorithm.id()
    registry = QgsApplication.processingRegistry()
    assert registry.algorithmById("riskatlas:fullassessment").groupId() == "assessment"  # not under the atlas
    model = registry.algorithmById("riskatlas:riskatlasassessmentmodel")  # the id stays; name and group are ours
    assert model.groupId() == "assessment" and model.displayName() == "Risk assessment as an editable model"


def test_help_speaks_the_dialogs_words_and_says_what_to_run_first(riskatlas_provider):
    """No parameter code (CELL_SIZE, TIME_LIMIT …) in any help text: the labels the dialog shows, quoted."""
    registry = QgsApplication.processingRegistry()
    for algorithm in riskatlas_provider.algorithms():
        fresh = registry.createAlgorithmById(algorithm.id())
        text = fresh.shortHelpString()
        codes = {p.name() for p in fresh.parameterDefinitions() if len(p.name()) > 3}
        assert not [c for c in codes if re.search(rf"\b{c}\b", text)], (algorithm.id(), text[:200])
    four_colour = registry.createAlgorithmById("riskatlas:fourcolourmap").shortHelpString()
    assert "“Enterprise risk level (LEC or risk matrix)”" in four_colour and "Run first" in four_colour
    assert "“Grid cell size (m)”" in four_colour and "“Aggregation”" in four_colour
    reach = registry.createAlgorithmById("riskatlas:firestationreach").shortHelpString()
    assert "“Time limit from dispatch (min)”" in reach


def test_tables_rendered_as_the_standards_print_them(qgis_app):
    assert H.alpha_bands_text(False) == "≥ 100 → 2.0; 50–99 → 1.5; 30–49 → 1.2; 1–29 → 1.0; 0 → 0.5"
    assert H.grade_bands_text(False) == "一级 R ≥ 100; 二级 50 ≤ R < 100; 三级 10 ≤ R < 50; 四级 R < 10"
    assert H.class_limits_text(False) == "special and class1 ≤ 7 km², class2 ≤ 4 km², small ≤ 2 km², suburban ≤ 15 km²"
    from riskatlas.core.standards.fire_stations import SPEED_PRESETS

    assert H.speed_preset_text(SPEED_PRESETS["urban_60_50_40"], False) == (
        "expressway/trunk 60, primary/secondary 50, other 40 km/h")
    assert H.shelter_radii_text(False) == (
        "emergency 500 m, fixed_short 1000 m, fixed_medium 1500 m, fixed_long 2500 m, central 2500 m")
    assert H.cut_sets_text(False).splitlines()[2] == "Matrix 5×5: R ≥ 20 / 15 / 9: R 20–25 → 1; 15–16 → 2; 9–12 → 3; 1–8 → 4"


def test_help_follows_the_tables(qgis_app, monkeypatch):
    from riskatlas.core.standards import gb18218

    assert "30–49 → 1.2" in H.grade_hazard_sources()
    bands = tuple(gb18218.AlphaBand(b.min_people, 1.3 if b.alpha == 1.2 else b.alpha, b.label)
                  for b in gb18218.ALPHA_BANDS)
    monkeypatch.setattr(gb18218, "ALPHA_BANDS", bands)
    assert "30–49 → 1.3" in H.grade_hazard_sources()


def test_help_templates_hold_no_cited_numbers():
    tree = ET.parse(os.path.join(ROOT, "i18n", "riskatlas_zh_CN.ts"))
    templates = [m.findtext("source") for c in tree.getroot().iter("context") if c.findtext("name") == "Help"
                 for m in c.iter("message")]
    assert len(templates) >= 8
    cited = re.compile(r"(?<![\w.-])(1\.5|2\.0|320|160|1000|2500|500 m|≤ 7|15 km|60|40 km/h)(?![\w])")
    for template in templates:
        assert not cited.search(template), template[:80]
