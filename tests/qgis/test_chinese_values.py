"""One code table everywhere: validation and the algorithms take the Chinese values bureaus write
(一级站, 特勤消防站, 高速公路, 国道, 单行, 紧急避难场所, 固定（短期）, 城镇, 是/否) and give exactly what the codes
give; templates carry the drop-downs."""
import pytest
from qgis.core import QgsFeature, QgsField, QgsFields, QgsVectorLayer, QgsWkbTypes

from riskatlas.support import compat

CHINESE = {
    "roads": {"class": {"expressway": "高速公路", "trunk": "国道", "primary": "主干路", "secondary": "县道",
                        "tertiary": "支路", "local": "村道"},
              "oneway": {"both": "双向", "forward": "单行", "backward": "逆向"}},
    "fire_stations": {"class": {"special": "特勤站", "class1": "一级站", "class2": "二级普通消防站", "small": "小型站"},
                      "suburban": {True: "是", False: "否"}},
    "shelters": {"type": {"emergency": "紧急避难场所", "fixed_short": "固定（短期）", "fixed_medium": "中期固定避难场所",
                          "fixed_long": "长期", "central": "中心避难场所"}},
    "population": {"urban": {True: "城镇", False: "乡村"}},
    "enterprises": {"std_grade": {"grade1": "一级", "grade2": "二级企业", "grade3": "三级（小微）", "none": "无"},
                    "hazchem": {True: "是", False: "否"}},
}
CHINESE["shelter_points"] = CHINESE["shelters"]


def chinese_copy(gpkg, name):
    """A memory copy of a sample layer with its coded fields written the bureaus' way (as text)."""
    source = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
    labels = CHINESE[name]
    fields = QgsFields()
    for field in source.fields():
        if field.name() == "fid":
            continue
        fields.append(QgsField(field.name(), compat.FIELD_TYPE_STRING) if field.name() in labels else QgsField(field))
    geometry = QgsWkbTypes.displayString(source.wkbType())
    copy = QgsVectorLayer(f"{geometry}?crs={source.crs().authid()}", name, "memory")
    copy.dataProvider().addAttributes(fields.toList())
    copy.updateFields()
    features = []
    for feature in source.getFeatures():
        new = QgsFeature(copy.fields())
        new.setGeometry(feature.geometry())
        new.setAttributes([labels[f.name()].get(feature[f.name()], feature[f.name()]) if f.name() in labels
                           else feature[f.name()] for f in fields])
        features.append(new)
    assert copy.dataProvider().addFeatures(features)
    return copy


@pytest.fixture(scope="module")
def chinese(sample_gpkg, qgis_app):
    return {name: chinese_copy(sample_gpkg, name) for name in CHINESE}


def test_validation_accepts_the_chinese_values(run_algorithm, chinese, sample_gpkg):
    result = run_algorithm("riskatlas:validateinputs", {
        "ENTERPRISES": chinese["enterprises"], "SHELTERS": chinese["shelters"],
        "SHELTERS_2": chinese["shelter_points"], "FIRE_STATIONS": chinese["fire_stations"],
        "POPULATION": chinese["population"], "ROADS": chinese["roads"], "OUTPUT": "memory:"})
    codes = [f["message"] for f in result["OUTPUT"].getFeatures() if f["problem"] == "unknown_code"]
    assert result["ERRORS"] == 0 and codes == []


def test_fire_reach_with_chinese_classes_and_directions_equals_the_codes(run_algorithm, chinese, sample_gpkg):
    def reach(stations, roads):
        result = run_algorithm("riskatlas:firestationreach", {
            "STATIONS": stations, "ROADS": roads, "POPULATION": f"{sample_gpkg}|layername=population",
            "STUDY_AREA": f"{sample_gpkg}|layername=townships", "OUTPUT_EDGES": "memory:",
            "OUTPUT_AREAS": "memory:", "OUTPUT_GAPS": "memory:", "OUTPUT_SUMMARY": "memory:"})
        return {f["station_id"]: (round(f["reach_km2"], 6), f["class"], f["class_limit_km2"], f["residents"])
                for f in result["OUTPUT_AREAS"].getFeatures()}

    english = reach(f"{sample_gpkg}|layername=fire_stations", f"{sample_gpkg}|layername=roads")
    assert reach(chinese["fire_stations"], chinese["roads"]) == english


def test_shelters_with_chinese_types_and_urban_words_equal_the_codes(run_algorithm, chinese, sample_gpkg):
    def indicator(shelters, points, population):
        result = run_algorithm("riskatlas:shelterpercapita", {
            "SHELTERS": shelters, "SHELTERS_2": points, "POPULATION": population, "METHOD": 0,
            "UNITS": f"{sample_gpkg}|layername=townships", "OUTPUT": "memory:", "OUTPUT_SHELTERS": "memory:",
            "OUTPUT_SUMMARY": "memory:"})
        return {f["town_id"]: (f["residents"], f["shelter_area_m2"]) for f in result["OUTPUT"].getFeatures()}

    uri = f"{sample_gpkg}|layername="
    english = indicator(uri + "shelters", uri + "shelter_points", uri + "population")
    assert indicator(chinese["shelters"], chinese["shelter_points"], chinese["population"]) == english


def test_template_and_sample_layers_carry_drop_downs(run_algorithm, tmp_path, sample_gpkg):
    result = run_algorithm("riskatlas:createtemplate", {"OUTPUT": str(tmp_path / "template.gpkg"),
                                                        "ALIAS_LANGUAGE": 0})
    for gpkg in (result["OUTPUT"], sample_gpkg):
        for name, field, pair in (("fire_stations", "class", {"一级普通消防站": "class1"}),
                                  ("shelters", "type", {"长期固定避难场所": "fixed_long"}),
                                  ("roads", "oneway", {"单行(正向)": "forward"}),
                                  ("enterprises", "std_grade", {"三级": "grade3"})):
            layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
            setup = layer.editorWidgetSetup(layer.fields().indexOf(field))
            assert setup.type() == "ValueMap" and pair in setup.config()["map"], (gpkg, name)
