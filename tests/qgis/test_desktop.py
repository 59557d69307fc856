"""The planner's desktop (issue 15): the language rule, the layers each dialog pre-selects with the
sample county loaded, the kind check, the default output folder, number boxes, help and manual.

Dialogs are the real Processing AlgorithmDialog (offscreen); their parameter values are read from
the parameter panel's widget wrappers, as the dialog would pass them to the algorithm."""
import os
import re

import pytest
from qgis.core import QgsApplication, QgsProcessingException, QgsProject, QgsSettings, QgsVectorLayer

from riskatlas.layers.project import add_sample_county
from riskatlas.support import i18n

pytestmark = pytest.mark.usefixtures("riskatlas_provider")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture
def ui_locale():
    """Switch QGIS's UI locale (and the plugin's translator) for one test; English again afterwards."""
    settings = QgsSettings()

    def switch(locale):
        settings.setValue("locale/overrideFlag", True)
        settings.setValue("locale/userLocale", locale)
        i18n.remove_translator()
        i18n.install_translator()

    yield switch
    switch("en_US")
    i18n.remove_translator()


@pytest.fixture
def county(qgis_new_project, sample_gpkg):
    """The sample county in the current project: {layer name in the GeoPackage: project layer}."""
    layers = add_sample_county(QgsProject.instance(), path=sample_gpkg)
    return {layer.source().split("layername=")[1]: layer for layer in layers}


def open_dialog(algorithm_id):
    """The real algorithm dialog (pytest-qgis's stub iface has no browser model: the panel goes without)."""
    from processing.gui import ParametersPanel
    from processing.gui.AlgorithmDialog import AlgorithmDialog

    saved, ParametersPanel.iface = ParametersPanel.iface, None
    try:
        return AlgorithmDialog(QgsApplication.processingRegistry().createAlgorithmById(algorithm_id))
    finally:
        ParametersPanel.iface = saved


def dialog_values(algorithm_id):
    """{parameter: value} the algorithm dialog starts with (its widget wrappers' values)."""
    dialog = open_dialog(algorithm_id)
    try:
        return {name: wrapper.parameterValue() for name, wrapper in dialog.mainWidget().wrappers.items()}
    finally:
        dialog.close()
        dialog.deleteLater()


@pytest.mark.parametrize("locale, language", [("zh-Hans", "zh"), ("zh_CN", "zh"), ("zh-CN", "zh"), ("zh_TW", "zh"),
                                              ("zh", "zh"), ("en_US", "en"), ("de_DE", "en"), ("", "en")])
def test_any_locale_starting_with_zh_is_chinese(locale, language):
    assert i18n.language_of(locale) == language


@pytest.mark.parametrize("locale", ["zh-Hans", "zh_CN"])
def test_chinese_labels_under_zh_hans_and_zh_cn(ui_locale, locale):
    """zh-Hans is what QGIS stores when 简体中文 is picked in its options; zh_CN a hand-edited setting."""
    ui_locale(locale)
    assert i18n.qgis_locale() == locale and i18n.ui_language() == "zh"
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("riskatlas:fullassessment")
    assert algorithm.displayName() == "完整风险评估（一次运行）"
    assert algorithm.group() == "风险评估"
    assert algorithm.parameterDefinition("ENTERPRISES").description() == "企业"
    assert algorithm.parameterDefinition("OUTPUT_FOLDER").description() == "输出文件夹"
    assert "先运行" in QgsApplication.processingRegistry().createAlgorithmById("riskatlas:fourcolourmap") \
        .shortHelpString()
    assert algorithm.parameterDefinition("LANGUAGE").defaultValue() == "zh"
    model = QgsApplication.processingRegistry().algorithmById("riskatlas:riskatlasassessmentmodel")
    assert model.displayName() == "风险评估（可编辑模型）" and model.group() == "风险评估"
    assert model.create().parameterDefinition("ENTERPRISES").description() == "企业"


def test_the_full_assessment_dialog_preselects_each_kind(county):
    values = dialog_values("riskatlas:fullassessment")
    expected = {"ENTERPRISES": "enterprises", "HAZARD_SOURCES": "hazard_sources", "SHELTERS": "shelters",
                "SHELTERS_2": "shelter_points", "FIRE_STATIONS": "fire_stations", "POPULATION": "population",
                "ROADS": "roads", "TOWNSHIPS": "townships"}
    assert {name: values[name] for name in expected} == {name: county[layer].id() for name, layer in expected.items()}
    assert os.path.basename(values["OUTPUT_FOLDER"]).startswith("risk_atlas_")  # persistent, dated


@pytest.mark.parametrize("algorithm_id, expected", [
    ("riskatlas:validateinputs", {"ENTERPRISES": "enterprises", "HAZARD_SOURCES": "hazard_sources",
                                  "SHELTERS": "shelters", "SHELTERS_2": "shelter_points",
                                  "FIRE_STATIONS": "fire_stations", "POPULATION": "population", "ROADS": "roads",
                                  "TOWNSHIPS": "townships"}),
    ("riskatlas:gradehazardsources", {"INPUT": "hazard_sources", "POPULATION": "population"}),
    ("riskatlas:enterpriserisk", {"INPUT": "enterprises", "HAZARD_UNITS": None}),
    ("riskatlas:fourcolourmap", {"ENTERPRISES": None, "HAZARD_UNITS": None, "UNITS": None,
                                 "POPULATION": "population"}),
    ("riskatlas:firestationreach", {"STATIONS": "fire_stations", "ROADS": "roads", "STUDY_AREA": "townships",
                                    "POPULATION": "population", "DISTRICTS": None}),
    ("riskatlas:shelterpercapita", {"SHELTERS": "shelters", "SHELTERS_2": "shelter_points",
                                    "POPULATION": "population", "UNITS": "townships", "ROADS": "roads"}),
])
def test_each_dialog_preselects_the_sample_county_layers(county, algorithm_id, expected):
    """The issue's wrong offers (roads as enterprises, enterprises as fire stations or shelters …) are gone;
    a kind the project lacks (the analyses' results) is left empty rather than filled with another kind."""
    values = dialog_values(algorithm_id)
    assert {name: values[name] for name in expected} == \
        {name: county[layer].id() if layer else None for name, layer in expected.items()}


def test_result_kinds_are_preselected_once_the_results_are_in_the_project(county, tmp_path):
    """After an assessment (its results group in the project) the four-colour map and the atlas dialogs
    offer its result layers, by their fields and names."""
    from riskatlas.assessment.project import add_results_group
    from riskatlas.assessment.pipeline import run_assessment, sample_inputs

    result = run_assessment(sample_inputs(), str(tmp_path / "run"), {"LANGUAGE": "en"})
    group = add_results_group(QgsProject.instance(), result.files["gpkg"], "Results", "en")
    by_table = {node.layer().source().split("layername=")[1]: node.layer().id() for node in group.findLayers()}
    areas = QgsProject.instance().mapLayer(by_table["reach_areas"])  # its attribute table in the run's language
    assert areas.attributeAlias(areas.fields().indexOf("reach_km2")) == "Area reached (km²)"
    values = dialog_values("riskatlas:fourcolourmap")
    assert (values["ENTERPRISES"], values["HAZARD_UNITS"]) == (by_table["enterprise_risk"], by_table["hazard_units"])
    values = dialog_values("riskatlas:exportatlas")
    assert {name: values[name] for name in ("RISK_MAP", "ENTERPRISES", "HAZARD_UNITS", "REACH_AREAS", "REACH_GAPS",
                                            "SHELTER_UNITS", "TOWNSHIPS", "FIRE_STATIONS", "SHELTERS")} == {
        "RISK_MAP": by_table["risk_map"], "ENTERPRISES": by_table["enterprise_risk"],
        "HAZARD_UNITS": by_table["hazard_units"], "REACH_AREAS": by_table["reach_areas"],
        "REACH_GAPS": by_table["reach_gaps"], "SHELTER_UNITS": by_table["shelter_units"],
        "TOWNSHIPS": county["townships"].id(), "FIRE_STATIONS": county["fire_stations"].id(),
        "SHELTERS": county["shelters"].id()}


def test_fields_are_preselected_by_the_ledgers_headers(qgis_new_project):
    """An enterprise layer with ledger headers: its 统一社会信用代码 is offered as the enterprise id."""
    layer = QgsVectorLayer("Point?crs=EPSG:4549&field=统一社会信用代码:string&field=企业名称:string"
                           "&field=行业类别:string&field=L:double", "企业台账", "memory")
    roads = QgsVectorLayer("Point?crs=EPSG:4549&field=road_id:string&field=class:string", "道路点", "memory")
    QgsProject.instance().addMapLayers([roads, layer])
    values = dialog_values("riskatlas:enterpriserisk")
    assert values["INPUT"] == layer.id()
    assert values["ID_FIELD"] == "统一社会信用代码"


def test_a_layer_by_its_name_alone(qgis_new_project):
    """No fields to go by: the name decides, in either language."""
    unknown = QgsVectorLayer("Point?crs=EPSG:4549&field=a:string", "points", "memory")
    stations = QgsVectorLayer("Point?crs=EPSG:4549&field=a:string", "消防站", "memory")
    QgsProject.instance().addMapLayers([unknown, stations])
    assert dialog_values("riskatlas:firestationreach")["STATIONS"] == stations.id()


def test_a_layer_of_another_kind_stops_the_run(run_algorithm, county, tmp_path, ui_locale):
    parameters = {"ENTERPRISES": county["roads"], "HAZARD_SOURCES": county["hazard_sources"],
                  "SHELTERS": county["shelters"], "FIRE_STATIONS": county["fire_stations"],
                  "POPULATION": county["population"], "ROADS": county["roads"], "TOWNSHIPS": county["townships"],
                  "OUTPUT_FOLDER": str(tmp_path / "out")}
    with pytest.raises(QgsProcessingException, match=r"The Enterprises layer chosen \('Roads'\) looks like Roads"):
        run_algorithm("riskatlas:fullassessment", parameters)
    assert not (tmp_path / "out").exists()
    ui_locale("zh-Hans")
    with pytest.raises(QgsProcessingException, match="选择的企业图层“Roads”看起来是道路"):
        run_algorithm("riskatlas:fullassessment", parameters)
    # the four-colour map needs enterprise risk levels: the raw enterprises say to run that first
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm("riskatlas:fourcolourmap", {"ENTERPRISES": county["enterprises"], "OUTPUT": "memory:"})
    assert "看起来是企业" in str(raised.value) and "risk_level" in str(raised.value)
    assert "请先运行" in str(raised.value) and "企业风险等级" in str(raised.value)


def test_default_output_folder_beside_the_saved_project_else_under_home(qgis_new_project, tmp_path, monkeypatch):
    import datetime

    from riskatlas.assessment.desktop import default_output_folder

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    when = datetime.datetime(2025, 3, 1, 9, 30)
    assert default_output_folder(now=when) == str(tmp_path / "home" / "RiskAtlas" / "risk_atlas_2025-03-01_0930")
    project = QgsProject.instance()
    assert project.write(str(tmp_path / "county" / "plan.qgz")) or project.write(str(tmp_path / "plan.qgz"))
    assert default_output_folder(now=when) == os.path.join(project.homePath(), "risk_atlas_2025-03-01_0930")


def test_number_boxes_show_sensible_decimals(county):
    from qgis.PyQt.QtWidgets import QDoubleSpinBox

    dialog = open_dialog("riskatlas:fullassessment")
    try:
        shown = [box.text() for box in dialog.findChildren(QDoubleSpinBox)]
    finally:
        dialog.close()
        dialog.deleteLater()
    assert "500" in shown and "5.00" in shown and "1.50" in shown  # cell size, time limit, target
    assert not [text for text in shown if re.search(r"\.\d{3,}$", text)]


def test_help_button_opens_the_bundled_manual_at_the_algorithm(ui_locale):
    from qgis.PyQt.QtCore import QUrl

    for locale, language in (("en_US", "en"), ("zh-Hans", "zh")):
        ui_locale(locale)
        for algorithm in QgsApplication.processingRegistry().providerById("riskatlas").algorithms():
            url = QUrl(algorithm.helpUrl())
            assert url.isLocalFile() and url.toLocalFile().endswith(f"help/manual_{language}.html")
            with open(url.toLocalFile(), encoding="utf-8") as handle:
                assert f"id='{url.fragment()}'" in handle.read(), algorithm.id()


def test_the_manual_is_what_the_tool_writes(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_manual", os.path.join(ROOT, "tools", "build_manual.py"))
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    for path in tool.build(str(tmp_path)):
        with open(path, encoding="utf-8") as fresh, \
                open(os.path.join(ROOT, "help", os.path.basename(path)), encoding="utf-8") as committed:
            assert fresh.read() == committed.read(), f"regenerate: .venv/bin/python tools/build_manual.py ({path})"


def test_no_invented_addresses_in_the_plugin():
    """Nothing points at a web address that does not exist (metadata, help, manual, code)."""
    found = []
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in ("tests", "__pycache__", "sample_data")]
        for name in files:
            if name.endswith((".py", ".txt", ".html", ".ts")):
                with open(os.path.join(folder, name), encoding="utf-8") as handle:
                    found += [f"{name}: {m}" for m in re.findall(r"https?://[^\s'\"<>)]+", handle.read())
                              if "riskatlas" in m.lower() or "example." in m]
    assert found == []


def test_validation_messages_and_report_follow_the_ui_language(run_algorithm, tmp_path, ui_locale, qgis_new_project):
    """Validation messages, the report table and validation.html in the UI language (no LANGUAGE parameter)."""
    stations = QgsVectorLayer("Point?crs=EPSG:4549&field=station_id:string&field=name:string&field=class:string",
                              "消防站", "memory")
    feature_values = [("S1", "一站", "class1"), ("S1", None, "class7")]
    from html import unescape

    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY

    for i, values in enumerate(feature_values):
        feature = QgsFeature(stations.fields())
        feature.setAttributes(list(values))
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(500000 + i, 3000000)))
        stations.dataProvider().addFeature(feature)
    for locale, words in (("zh-Hans", ("图层", "要素数", "编号重复", "S1 (fid 2) · name: 必填值（名称）为空",
                                       "station_id 重复“S1”")),
                          ("en_US", ("Layer", "Features", "duplicate id", "S1 (fid 2) · name: required value (名称) is empty",
                                     "duplicate station_id 'S1'"))):
        ui_locale(locale)
        html = tmp_path / f"validation_{locale}.html"
        results = run_algorithm("riskatlas:validateinputs", {"FIRE_STATIONS": stations, "OUTPUT": "memory:",
                                                             "OUTPUT_HTML": str(html)})
        page = unescape(html.read_text(encoding="utf-8"))
        assert all(word in page for word in words), (locale, page[:500])
        messages = [f["message"] for f in QgsProcessingUtilsLayer(results["OUTPUT"]).getFeatures()]
        assert any(words[-1] in m for m in messages)


def QgsProcessingUtilsLayer(layer_or_id):  # noqa: N802
    """The output layer of a run (a layer, or an id in the run's temporary store that processing.run resolved)."""
    return layer_or_id if hasattr(layer_or_id, "getFeatures") else QgsProject.instance().mapLayer(layer_or_id)
