"""validateinputs and createtemplate through QGIS Processing; metadata; translations."""
import configparser
import os

import pytest
from qgis_helpers import memory_layer
from qgis.core import (
    QgsCoordinateTransformContext,
    QgsProcessingException,
    QgsSettings,
    QgsVectorFileWriter,
    QgsVectorLayer,
    NULL,
)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))




STATIONS = "Point?crs=EPSG:4549&field=station_id:string&field=name:string&field=class:string&field=turnout_min:double"


def report_rows(result):
    return [{name: (None if value == NULL else value) for name, value in zip(result["OUTPUT"].fields().names(),
                                                                             f.attributes())}
            for f in result["OUTPUT"].getFeatures()]


def shapefile_without_prj(tmp_path, source, name):
    path = str(tmp_path / f"{name}.shp")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "ESRI Shapefile"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(source, path, QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.NoError
    os.remove(str(tmp_path / f"{name}.prj"))
    return path


def test_metadata_has_the_plugins_keys_and_no_invented_address():
    parser = configparser.ConfigParser()
    parser.read(os.path.join(ROOT, "metadata.txt"), encoding="utf-8")
    general = parser["general"]
    for key in ("name", "qgisMinimumVersion", "description", "about", "version", "author", "tags", "category",
                "icon", "hasProcessingProvider", "changelog"):
        assert general.get(key), key
    # no invented addresses: left out until real ones exist (the zip is then not for plugins.qgis.org: accepted)
    assert not any(general.get(key) for key in ("email", "repository", "tracker", "homepage"))
    assert "http" not in general["about"] and general["version"] in general["changelog"]
    assert general["name"] == "Risk Atlas"
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["hasProcessingProvider"] == "yes"
    assert os.path.exists(os.path.join(ROOT, general["icon"]))
    assert any("\u4e00" <= ch <= "\u9fff" for ch in general["about"])  # Chinese text present
    assert "GB 18218" in general["about"]


def test_validation_reports_each_problem_with_layer_feature_and_field(run_algorithm, tmp_path):
    stations = memory_layer(STATIONS, [
        ("Point(0 0)", ["S1", "一站", "class1", 1.0]),
        ("Point(1 0)", ["S1", "二站", "class7", -2.0]),
        (None, ["S3", None, "small", None]),
    ], name="stations")
    html = tmp_path / "report.html"
    result = run_algorithm("riskatlas:validateinputs", {
        "FIRE_STATIONS": stations, "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_HTML": str(html)})
    rows = report_rows(result)
    got = sorted(((r["feature_id"], r["field"], r["problem"], r["severity"]) for r in rows), key=str)
    ids = [f.id() for f in stations.getFeatures()]
    assert got == sorted([
        (ids[0], "station_id", "duplicate_id", "error"),
        (ids[1], "station_id", "duplicate_id", "error"),
        (ids[1], "class", "unknown_code", "warning"),  # the reach analyses it anyway (no district limit)
        (ids[1], "turnout_min", "negative_value", "error"),
        (ids[2], "name", "null_value", "error"),
        (ids[2], None, "null_geometry", "error"),
    ], key=str)
    assert all(r["layer"] == "stations" for r in rows)
    assert result["ERRORS"] == 5 and result["WARNINGS"] == 1
    keys = {r["feature_id"]: r["feature_key"] for r in rows}
    assert keys[ids[1]] == "S1" and keys[ids[2]] == "S3"  # a finding names the feature by its key and fid
    assert "class7" in html.read_text(encoding="utf-8")


def test_fail_on_error_raises_a_clear_message(run_algorithm):
    stations = memory_layer(STATIONS, [("Point(0 0)", ["S1", "一站", "class1", -1.0])])
    with pytest.raises(QgsProcessingException, match=r"1 errors found in the input layers; first: .*S1 \(fid 1\)"):
        run_algorithm("riskatlas:validateinputs", {"FIRE_STATIONS": stations, "OUTPUT": "TEMPORARY_OUTPUT",
                                                   "FAIL_ON_ERROR": True})


def test_missing_field_empty_layer_missing_and_mixed_crs(run_algorithm, tmp_path):
    no_class = memory_layer("Point?crs=EPSG:4549&field=station_id:string&field=name:string",
                            [("Point(0 0)", ["S1", "一站"])], name="no_class")
    empty_roads = memory_layer("LineString?crs=EPSG:4549&field=road_id:string&field=class:string", [],
                               name="roads")
    geographic = memory_layer("Polygon?crs=EPSG:4490&field=town_id:string&field=name:string",
                              [("Polygon((121 29, 121.1 29, 121.1 29.1, 121 29))", ["T1", "城关"])], name="towns")
    no_crs = shapefile_without_prj(tmp_path, memory_layer(
        "Polygon?crs=EPSG:4549&field=pop_id:string&field=residents:double",
        [("Polygon((0 0, 1 0, 1 1, 0 0))", ["P1", 5.0])]), "pop")
    result = run_algorithm("riskatlas:validateinputs", {
        "FIRE_STATIONS": no_class, "ROADS": empty_roads, "TOWNSHIPS": geographic, "POPULATION": no_crs,
        "OUTPUT": "TEMPORARY_OUTPUT"})
    got = {(r["layer"], r["field"], r["problem"], r["severity"]) for r in report_rows(result)}
    assert ("no_class", "class", "missing_field", "error") in got
    assert ("roads", None, "empty_layer", "error") in got
    assert ("towns", None, "geographic_crs", "warning") in got
    assert ("towns", None, "mixed_crs", "warning") in got
    assert ("pop", None, "missing_crs", "error") in got


def test_gbk_shapefile_without_cpg_is_detected(run_algorithm, tmp_path):
    source = memory_layer("Point?crs=EPSG:4549&field=town_id:string(10)&field=name:string(20)",
                          [("Point(0 0)", ["T1", "滨海镇"])])
    path = str(tmp_path / "towns.shp")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "ESRI Shapefile"
    options.fileEncoding = "GBK"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(source, path, QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.NoError
    os.remove(str(tmp_path / "towns.cpg"))
    with open(str(tmp_path / "towns.dbf"), "r+b") as dbf:  # clear the code-page byte, as old tools leave it
        dbf.seek(29)
        dbf.write(b"\0")
    assert "滨海镇".encode("gbk") in (tmp_path / "towns.dbf").read_bytes()
    result = run_algorithm("riskatlas:validateinputs", {"TOWNSHIPS": path, "OUTPUT": "TEMPORARY_OUTPUT"})
    problems = {(r["problem"], r["severity"]) for r in report_rows(result)}
    assert ("gbk_without_cpg", "warning") in problems


def test_create_template_writes_every_layer_with_fields_and_styles(run_algorithm, tmp_path):
    from riskatlas.layers.schemas import SCHEMAS
    from riskatlas.layers.template import TEMPLATE_LAYERS

    result = run_algorithm("riskatlas:createtemplate", {"OUTPUT": str(tmp_path / "template.gpkg"),
                                                        "ALIAS_LANGUAGE": 0})
    assert len(result["LAYERS"]) == 12  # the eight inputs and the four one-map layers
    for uri in result["LAYERS"]:
        name = uri.split("layername=")[1]
        layer = QgsVectorLayer(uri, name, "ogr")
        assert layer.isValid() and layer.featureCount() == 0
        kind = TEMPLATE_LAYERS[name][0]
        expected = [f.name for f in SCHEMAS[kind].fields]
        assert [n for n in layer.fields().names() if n != "fid"] == expected
        first = SCHEMAS[kind].fields[0]
        assert layer.attributeAlias(layer.fields().indexOf(first.name)) == first.alias_zh  # from the stored style
        assert layer.crs().authid() == "EPSG:4549"


def test_plugin_strings_follow_the_qgis_locale(riskatlas_provider):
    from riskatlas.support import i18n as i18n_support
    from riskatlas.processing.alg_validate_inputs import ValidateInputs

    settings = QgsSettings()
    saved = (settings.value("locale/overrideFlag"), settings.value("locale/userLocale"))
    try:
        for locale, expected in (("zh_CN", "检查输入图层"), ("en_US", "Validate input layers")):
            settings.setValue("locale/overrideFlag", True)
            settings.setValue("locale/userLocale", locale)
            i18n_support.remove_translator()
            i18n_support.install_translator()
            algorithm = ValidateInputs()
            algorithm.initAlgorithm()
            assert algorithm.displayName() == expected
            label = algorithm.parameterDefinition("FAIL_ON_ERROR").description()
            assert label == {"zh_CN": "发现错误时终止", "en_US": "Fail when errors are found"}[locale]
    finally:
        settings.setValue("locale/overrideFlag", saved[0])
        settings.setValue("locale/userLocale", saved[1])
        i18n_support.remove_translator()
