"""riskatlas:importlayer on files written the way bureaus write them (xlsx with a merged title row,
GBK and UTF-8-BOM CSV, a GBK shapefile without .cpg, an AMap boundary in GCJ-02 labelled WGS 84, a
GeoPackage layer). Expected positions: known WGS84 points, offset with the independent ``prcoords``
and projected by QGIS's own QgsCoordinateTransform."""
import csv
import os

import openpyxl
import prcoords
import pytest
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFeature, QgsField, QgsFields,
                       QgsGeometry, QgsPointXY, QgsProcessingException, QgsProject, QgsVectorFileWriter,
                       QgsVectorLayer)

from riskatlas.support import compat

KNOWN = {"FS01": (120.123456, 30.123456), "FS02": (119.987654, 29.876543), "FS03": (120.05, 30.02)}
GK = QgsCoordinateReferenceSystem("EPSG:4549")


def gk(lon, lat):
    """A WGS84 point in the county's Gauss-Krüger zone, by QGIS."""
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), GK, QgsProject.instance())
    return transform.transform(QgsPointXY(lon, lat))


def gcj(lon, lat):
    lat_out, lon_out = prcoords.wgs_gcj((lat, lon))
    return lon_out, lat_out


def station_rows(offset=gcj):
    rows = []
    for number, (sid, (lon, lat)) in enumerate(KNOWN.items(), 1):
        x, y = offset(lon, lat)
        rows.append([number, sid, f"消防站{number}", ("一级站", "特勤消防站", "小型普通消防站")[number - 1],
                     ("1.5", "１", "90秒")[number - 1], ("否", "是", "")[number - 1], x, y])
    rows[1][6], rows[1][7] = rows[1][7], rows[1][6]  # picked in the wrong order
    return rows


HEADERS = ["序号", "消防站编号", "消防站名称", "消防站类别", "出动时间（分钟）", "是否郊区站", "经度", "纬度"]


def write_xlsx(path, rows, title="某某县消防救援站一览表", sheet="消防站"):
    workbook = openpyxl.Workbook()
    first = workbook.active
    first.title = "说明"
    first.append(["本表为示例"])
    data = workbook.create_sheet(sheet)
    data.append([title])
    data.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    data.append(HEADERS)
    for row in rows:
        data.append(row)
    workbook.save(path)
    return f"{path}|layername={sheet}"


def features(layer):
    return {f["station_id"]: f for f in layer.getFeatures()}


def test_xlsx_with_title_row_gcj02_and_swapped_columns(run_algorithm, tmp_path):
    uri = write_xlsx(str(tmp_path / "stations.xlsx"), station_rows())
    out = str(tmp_path / "stations.gpkg")
    result = run_algorithm("riskatlas:importlayer", {"INPUT": uri, "COORDINATES": 2, "OUTPUT": out,
                                                     "OUTPUT_REPORT": "TEMPORARY_OUTPUT",
                                                     "OUTPUT_HTML": str(tmp_path / "report.html")})
    assert result["KIND_USED"] == "fire_stations" and result["FEATURES"] == 3
    layer = QgsVectorLayer(out, "stations", "ogr")
    assert layer.crs().authid() == "EPSG:4549"
    found = features(layer)
    for sid, (lon, lat) in KNOWN.items():
        expected = gk(lon, lat)
        assert found[sid].geometry().asPoint().distance(expected) < 0.1, sid
    assert [found[s]["class"] for s in KNOWN] == ["class1", "special", "small"]
    assert [found[s]["turnout_min"] for s in KNOWN] == [1.5, 1.0, 1.5]
    assert [found[s]["suburban"] for s in KNOWN][:2] == [False, True]
    report = {f["status"]: f for f in result["OUTPUT_REPORT"].getFeatures()}
    assert report["swapped"]["rows"] == "4" and report["converted"]["severity"] == "info"
    assert "Longitude and latitude exchanged in rows 4" in report["swapped"]["message"]
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "消防站类别" in html and "class1" in html
    # the GeoPackage keeps its style: drop-downs (value maps) on the coded field, aliases
    setup = layer.editorWidgetSetup(layer.fields().indexOf("class"))
    assert setup.type() == "ValueMap"
    assert {"一级普通消防站": "class1"} in setup.config()["map"] or {"Class 1 station": "class1"} in setup.config()["map"]


def test_bd09_points(run_algorithm, tmp_path):
    def bd(lon, lat):
        lat_out, lon_out = prcoords.wgs_bd((lat, lon))
        return lon_out, lat_out

    rows = station_rows(bd)
    rows[1][6], rows[1][7] = rows[1][7], rows[1][6]
    uri = write_xlsx(str(tmp_path / "baidu.xlsx"), rows)
    layer = run_algorithm("riskatlas:importlayer", {"INPUT": uri, "COORDINATES": 3, "OUTPUT": "TEMPORARY_OUTPUT"})[
        "OUTPUT"]
    for sid, (lon, lat) in KNOWN.items():
        assert features(layer)[sid].geometry().asPoint().distance(gk(lon, lat)) < 0.1


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig"])
def test_csv_in_gbk_or_utf8_with_bom(run_algorithm, tmp_path, encoding):
    path = tmp_path / f"stations_{encoding}.csv"
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        for row in station_rows(lambda lon, lat: (lon, lat)):
            writer.writerow(row)
    result = run_algorithm("riskatlas:importlayer", {"INPUT": str(path), "KIND": 4, "COORDINATES": 1,
                                                     "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_REPORT": "TEMPORARY_OUTPUT"})
    found = features(result["OUTPUT"])
    assert found["FS02"]["name"] == "消防站2" and found["FS01"]["class"] == "class1"
    assert found["FS01"].geometry().asPoint().distance(gk(*KNOWN["FS01"])) < 0.01
    messages = [f["message"] for f in result["OUTPUT_REPORT"].getFeatures()]
    assert any(("GBK" if encoding == "gbk" else "UTF-8 (BOM)") in m for m in messages)


def test_gbk_shapefile_without_cpg(run_algorithm, tmp_path):
    path = str(tmp_path / "消防站.shp")
    fields = QgsFields()
    for name in ("站点编号", "站名", "站级"):
        fields.append(QgsField(name, compat.FIELD_TYPE_STRING, len=20))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.fileEncoding = "ESRI Shapefile", "GBK"
    writer = QgsVectorFileWriter.create(path, fields, compat.WKB_POINT, GK, QgsProject.instance().transformContext(),
                                        options)
    for number, (sid, (lon, lat)) in enumerate(KNOWN.items()):
        feature = QgsFeature(fields)
        feature.setAttributes([sid, f"东城消防站{number}", ("一级站", "二级站", "特勤站")[number]])
        feature.setGeometry(QgsGeometry.fromPointXY(gk(lon, lat)))
        writer.addFeature(feature)
    del writer
    os.remove(path[:-4] + ".cpg")
    result = run_algorithm("riskatlas:importlayer", {"INPUT": path, "OUTPUT": "TEMPORARY_OUTPUT",
                                                     "OUTPUT_REPORT": "TEMPORARY_OUTPUT"})
    found = features(result["OUTPUT"])
    assert found["FS02"]["name"] == "东城消防站1" and found["FS03"]["class"] == "special"
    assert found["FS01"].geometry().asPoint().distance(gk(*KNOWN["FS01"])) < 1e-6
    assert any("GBK" in f["message"] for f in result["OUTPUT_REPORT"].getFeatures())


def test_amap_boundary_in_gcj02_labelled_wgs84(run_algorithm, tmp_path):
    ring = [(120.0, 30.0), (120.1, 30.0), (120.1, 30.1), (120.0, 30.1), (120.0, 30.0)]
    shifted = [gcj(lon, lat) for lon, lat in ring]
    coordinates = ", ".join(f"[{x:.10f}, {y:.10f}]" for x, y in shifted)
    (tmp_path / "towns.geojson").write_text(
        '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"乡镇代码": "331082001", '
        f'"乡镇名称": "城关街道"}}, "geometry": {{"type": "Polygon", "coordinates": [[{coordinates}]]}}}}]}}',
        encoding="utf-8")
    result = run_algorithm("riskatlas:importlayer", {"INPUT": str(tmp_path / "towns.geojson"), "COORDINATES": 2,
                                                     "FIELD_MAP": "乡镇代码=town_id", "OUTPUT": "TEMPORARY_OUTPUT"})
    (feature,) = result["OUTPUT"].getFeatures()
    assert feature["town_id"] == "331082001" and feature["name"] == "城关街道"
    vertices = [QgsPointXY(v) for v in feature.geometry().vertices()]
    for vertex, (lon, lat) in zip(vertices, ring):
        assert vertex.distance(gk(lon, lat)) < 0.1


def test_a_schema_layer_comes_back_as_it_was(run_algorithm, sample_gpkg):
    uri = f"{sample_gpkg}|layername=fire_stations"
    result = run_algorithm("riskatlas:importlayer", {"INPUT": uri, "OUTPUT": "TEMPORARY_OUTPUT"})
    source = QgsVectorLayer(uri, "stations", "ogr")
    imported = features(result["OUTPUT"])
    assert result["KIND_USED"] == "fire_stations" and len(imported) == source.featureCount()
    for feature in source.getFeatures():
        other = imported[feature["station_id"]]
        assert [other[n] for n in source.fields().names() if n != "fid"] == [
            feature[n] for n in source.fields().names() if n != "fid"]
        assert other.geometry().asPoint().distance(feature.geometry().asPoint()) < 1e-6


def test_ambiguity_stops_with_the_report_and_writes_nothing(run_algorithm, tmp_path):
    rows = [row + [f"E{n}"] for n, row in enumerate(station_rows())]
    path = str(tmp_path / "two_ids.xlsx")
    workbook = openpyxl.Workbook()
    workbook.active.append(HEADERS + ["站点编号"])
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    out, html = str(tmp_path / "never.gpkg"), str(tmp_path / "why.html")
    with pytest.raises(QgsProcessingException) as error:
        run_algorithm("riskatlas:importlayer", {"INPUT": path, "COORDINATES": 2, "OUTPUT": out, "OUTPUT_HTML": html})
    assert "FIELD_MAP" in str(error.value) and "消防站编号=station_id;站点编号=-" in str(error.value)
    assert html in str(error.value)
    assert not os.path.exists(out) and "Nothing was written" in open(html, encoding="utf-8").read()
    settled = run_algorithm("riskatlas:importlayer", {"INPUT": path, "COORDINATES": 2, "OUTPUT": "TEMPORARY_OUTPUT",
                                                      "FIELD_MAP": "站点编号=-"})
    assert settled["FEATURES"] == 3


def test_sheet_choice_kind_points_and_study_area(run_algorithm, tmp_path, sample_gpkg):
    uri = write_xlsx(str(tmp_path / "points.xlsx"), [["1", "SP1", "城关广场", "紧急避难场所", "1,200", None,
                                                     120.0, 30.0]], sheet="避难点")
    path = uri.split("|")[0]
    workbook = openpyxl.load_workbook(path)
    workbook["避难点"]["B2"], workbook["避难点"]["C2"] = "避难场所编号", "避难场所名称"
    workbook["避难点"]["D2"], workbook["避难点"]["E2"] = "类型", "有效避难面积（㎡）"
    workbook["避难点"]["F2"] = "备注"
    workbook.save(path)
    result = run_algorithm("riskatlas:importlayer", {
        "INPUT": uri, "KIND": 3, "COORDINATES": 1, "STUDY_AREA": f"{sample_gpkg}|layername=townships",
        "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_REPORT": "TEMPORARY_OUTPUT"})
    (feature,) = result["OUTPUT"].getFeatures()
    assert result["KIND_USED"] == "shelter_points" and feature["type"] == "emergency" and feature["area_m2"] == 1200
    outside = [f for f in result["OUTPUT_REPORT"].getFeatures() if f["status"] == "outside_study_area"]
    assert outside and outside[0]["row"] == 3


def test_kind_left_out_is_recognised_not_taken_as_zero(run_algorithm, tmp_path):
    uri = write_xlsx(str(tmp_path / "stations.xlsx"), station_rows())
    for kind in (None,):
        parameters = {"INPUT": uri, "COORDINATES": 2, "OUTPUT": "TEMPORARY_OUTPUT"}
        if kind is not None:
            parameters["KIND"] = kind
        assert run_algorithm("riskatlas:importlayer", parameters)["KIND_USED"] == "fire_stations"
    with pytest.raises(QgsProcessingException):  # KIND 0 (enterprises) given: the station table lacks its fields
        run_algorithm("riskatlas:importlayer", {"INPUT": uri, "KIND": 0, "OUTPUT": "TEMPORARY_OUTPUT"})


def test_report_in_the_ui_language(run_algorithm, tmp_path):
    from qgis.core import QgsSettings

    from riskatlas.support import i18n as i18n_support

    uri = write_xlsx(str(tmp_path / "stations.xlsx"), station_rows())
    settings = QgsSettings()
    saved = (settings.value("locale/overrideFlag"), settings.value("locale/userLocale"))
    try:
        settings.setValue("locale/overrideFlag", True)
        settings.setValue("locale/userLocale", "zh_CN")
        i18n_support.remove_translator()
        i18n_support.install_translator()
        result = run_algorithm("riskatlas:importlayer", {"INPUT": uri, "COORDINATES": 2, "OUTPUT": "TEMPORARY_OUTPUT",
                                                         "OUTPUT_REPORT": "TEMPORARY_OUTPUT",
                                                         "OUTPUT_HTML": str(tmp_path / "报告.html")})
        messages = [f["message"] for f in result["OUTPUT_REPORT"].getFeatures()]
        assert "第 4 行经纬度颠倒：已纠正。" in messages
        assert "class（消防站类别）：“一级站” → class1（第 3 行）。" in messages
        html = (tmp_path / "报告.html").read_text(encoding="utf-8")
        assert "风险图谱——导入报告" in html and "fire_stations（消防站）" in html
    finally:
        settings.setValue("locale/overrideFlag", saved[0])
        settings.setValue("locale/userLocale", saved[1])
        i18n_support.remove_translator()


def test_a_layer_without_crs_needs_one(run_algorithm, tmp_path):
    from qgis.core import QgsCoordinateReferenceSystem

    path = str(tmp_path / "nocrs.shp")
    fields = QgsFields()
    for name in ("station_id", "name", "class"):
        fields.append(QgsField(name, compat.FIELD_TYPE_STRING, len=20))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "ESRI Shapefile"
    writer = QgsVectorFileWriter.create(path, fields, compat.WKB_POINT, QgsCoordinateReferenceSystem(),
                                        QgsProject.instance().transformContext(), options)
    feature = QgsFeature(fields)
    feature.setAttributes(["FS01", "城关站", "class1"])
    feature.setGeometry(QgsGeometry.fromPointXY(gk(*KNOWN["FS01"])))
    writer.addFeature(feature)
    del writer
    with pytest.raises(QgsProcessingException, match="SOURCE_CRS"):
        run_algorithm("riskatlas:importlayer", {"INPUT": path, "OUTPUT": "TEMPORARY_OUTPUT"})
    result = run_algorithm("riskatlas:importlayer", {"INPUT": path, "SOURCE_CRS": "EPSG:4549",
                                                     "OUTPUT": "TEMPORARY_OUTPUT"})
    (imported,) = result["OUTPUT"].getFeatures()
    assert imported.geometry().asPoint().distance(gk(*KNOWN["FS01"])) < 1e-6
