"""A planner's own ledgers in the desktop (issues 13 and 15 together): the import dialog pre-selects
the project's raw ledger and the study area, its output joins the project named and styled as its
kind; the full assessment imports raw ledgers inside its background analysis, whole or absent —
cancelled during or after the import, or stopped by an ambiguous ledger, it leaves nothing but the
import report that says what to set; validation speaks the UI language for the code table's
ambiguous values too."""
import importlib.util
import os

import pytest
from qgis.core import QgsApplication, QgsProcessingException, QgsProject, QgsVectorLayer
from test_desktop import dialog_values, ui_locale  # noqa: F401 (fixture)
from test_desktop_run import Recorder, desktop_context, files_under, run_in_task
from test_import_layer import station_rows, write_xlsx

from riskatlas.layers.project import add_sample_county
from riskatlas.layers.schemas import ASSESSMENT_INPUTS

pytestmark = pytest.mark.usefixtures("riskatlas_provider")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture
def county(qgis_new_project, sample_gpkg):
    layers = add_sample_county(QgsProject.instance(), path=sample_gpkg)
    return {layer.source().split("layername=")[1]: layer for layer in layers}


@pytest.fixture(scope="module")
def ledgers(tmp_path_factory):
    """The sample's 2,900 enterprises and its hazard records as a bureau keeps them (tools/make_ledgers.py)."""
    spec = importlib.util.spec_from_file_location("make_ledgers", os.path.join(ROOT, "tools", "make_ledgers.py"))
    make_ledgers = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_ledgers)
    enterprises, hazards, _truth = make_ledgers.write_ledgers(str(tmp_path_factory.mktemp("ledgers")), rows=2900)
    return {"ENTERPRISES": enterprises, "HAZARD_SOURCES": hazards}


def inputs(county, **raw):
    return {**{i.parameter: county[i.layer].id() for i in ASSESSMENT_INPUTS}, **raw}


def test_the_import_dialog_preselects_the_raw_ledger_and_the_study_area(county, tmp_path):
    uri = write_xlsx(str(tmp_path / "stations.xlsx"), station_rows())
    ledger = QgsVectorLayer(uri, "消防站一览表", "ogr")
    assert ledger.isValid()
    QgsProject.instance().addMapLayer(ledger)
    values = dialog_values("riskatlas:importlayer")
    assert (values["INPUT"], values["STUDY_AREA"]) == (ledger.id(), county["townships"].id())


def test_the_imported_layer_joins_the_project_named_and_styled_as_its_kind(qgis_new_project, tmp_path):
    from riskatlas.support import compat

    from qgis.core import QgsProcessingOutputLayerDefinition

    algorithm = QgsApplication.processingRegistry().createAlgorithmById("riskatlas:importlayer")
    # as the dialog passes an output with "Open output file after running" ticked
    output = QgsProcessingOutputLayerDefinition("TEMPORARY_OUTPUT", QgsProject.instance())
    parameters = {"INPUT": write_xlsx(str(tmp_path / "stations.xlsx"), station_rows()), "COORDINATES": 2,
                  "OUTPUT": output}
    context, feedback = desktop_context(), Recorder()
    results, ok = algorithm.run(parameters, context, feedback)
    assert ok and results["KIND_USED"] == "fire_stations"
    assert QgsProject.instance().mapLayers() == {}
    compat.handle_algorithm_results(algorithm, context, feedback, parameters)
    layers = list(QgsProject.instance().mapLayers().values())
    assert [layer.name() for layer in layers] == ["Fire stations"]  # as its kind: pre-selected as fire stations
    assert layers[0].featureCount() == 3
    station_class = layers[0].fields().indexOf("class")
    assert layers[0].editorWidgetSetup(station_class).type() == "ValueMap"  # the code table's drop-down


def test_raw_ledgers_are_imported_in_the_background_and_put_in_place_with_the_results(county, ledgers, tmp_path):
    folder = tmp_path / "run"
    feedback = Recorder()
    ok, results, _context = run_in_task({**inputs(county, **ledgers), "COORDINATES": 2, "LANGUAGE": "en",
                                         "OUTPUT_FOLDER": str(folder)}, feedback)
    assert ok and feedback.errors == [], "\n".join([t for t, _ in feedback.infos] + feedback.errors)
    imports = [text for text, _thread in feedback.infos if text.startswith("— Importing ")]
    assert len(imports) == 2
    assert {"imported_inputs.gpkg", "import_enterprises.html", "import_hazard_sources.html",
            "risk_atlas_results.gpkg"} <= set(files_under(folder))
    assert not [f for f in files_under(folder) if "partial-" in f]
    imported = QgsVectorLayer(f"{folder / 'imported_inputs.gpkg'}|layername=enterprises", "e", "ogr")
    assert imported.featureCount() == county["enterprises"].featureCount()
    summary = [text for text, _thread in feedback.infos]
    assert f"  Imported ledgers: {folder / 'imported_inputs.gpkg'}" in summary
    assert f"  Import report: Enterprises: {folder / 'import_enterprises.html'}" in summary


@pytest.mark.parametrize("cancel_at", ["— Importing", "— Step 1 of 9"])
def test_cancel_during_or_after_the_import_leaves_nothing(county, ledgers, tmp_path, run_algorithm, cancel_at):
    folder = tmp_path / "run"
    folder.mkdir()
    (folder / "notes.txt").write_text("the planner's own file")
    feedback = Recorder(cancel_at=cancel_at)
    results = run_algorithm("riskatlas:fullassessment", {**inputs(county, ENTERPRISES=ledgers["ENTERPRISES"]),
                                                         "COORDINATES": 2, "OUTPUT_FOLDER": str(folder)}, feedback)
    assert results == {} and feedback.cancelled_at is not None
    assert len(feedback.steps()) == (0 if cancel_at == "— Importing" else 1)
    assert files_under(folder) == ["notes.txt"]


def test_an_ambiguous_ledger_stops_the_run_and_keeps_only_its_report(county, tmp_path, run_algorithm):
    rows = station_rows()
    rows[0][3] = "普通站"  # class1, class2 or small: never guessed
    stations = write_xlsx(str(tmp_path / "stations.xlsx"), rows)
    folder = tmp_path / "run"
    with pytest.raises(QgsProcessingException, match="import_fire_stations.html"):
        run_algorithm("riskatlas:fullassessment", {**inputs(county, FIRE_STATIONS=stations), "COORDINATES": 2,
                                                   "OUTPUT_FOLDER": str(folder)})
    assert files_under(folder) == ["import_fire_stations.html"]


def test_a_raw_table_is_judged_by_its_fields_not_its_file_name(county, ledgers, run_algorithm):
    """危险化学品企业台账 names enterprises; its rows are hazard records: the import decides, not the name.
    A layer whose fields say another kind still stops the run."""
    import shutil

    hazards = os.path.join(os.path.dirname(ledgers["HAZARD_SOURCES"]), "危险化学品企业台账.xlsx")
    shutil.copy(ledgers["HAZARD_SOURCES"], hazards)
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("riskatlas:fullassessment")
    ok, message = algorithm.checkParameterValues({**inputs(county, HAZARD_SOURCES=hazards), "OUTPUT_FOLDER": "x"},
                                                 desktop_context())
    assert ok, message
    ok, message = algorithm.checkParameterValues({**inputs(county, HAZARD_SOURCES=county["roads"].id()),
                                                  "OUTPUT_FOLDER": "x"}, desktop_context())
    assert not ok and "Roads" in message


def test_ambiguous_and_unlisted_codes_are_validated_in_the_ui_language(ui_locale, run_algorithm):  # noqa: F811
    ui_locale("zh-Hans")
    stations = QgsVectorLayer("Point?crs=EPSG:4549&field=station_id:string&field=name:string&field=class:string",
                              "消防站", "memory")
    hazards = QgsVectorLayer("Point?crs=EPSG:4549&field=unit_id:string&field=ent_id:string&field=substance:string"
                             "&field=quantity_t:double&field=hazard_cat:string", "危险源", "memory")
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY

    for layer, values in ((stations, ["FS01", "一站", "普通站"]), (hazards, ["H1", "E1", "汽油", 10.0, "急性毒性，类别4"])):
        feature = QgsFeature(layer.fields())
        feature.setAttributes(values)
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(500000, 3300000)))
        layer.dataProvider().addFeatures([feature])
    result = run_algorithm("riskatlas:validateinputs", {"FIRE_STATIONS": stations, "HAZARD_SOURCES": hazards,
                                                        "OUTPUT": "TEMPORARY_OUTPUT"})
    messages = {f["field"]: f["message"] for f in result["OUTPUT"].getFeatures()}
    # an ambiguous class is used anyway, as the reach uses it (no class limit): a warning saying so
    assert messages["class"] == "“普通站”可能是 class1 / class2 / small：不检查该消防站的辖区面积上限"
    assert "不是 GB 18218 表 2 中的类别" in messages.get("hazard_cat", ""), messages
