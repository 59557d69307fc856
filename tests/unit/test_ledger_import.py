"""core.ledger.read_ledger on ledgers built the way bureaus write them. Expected values are written
by hand, or computed independently: web-map coordinates of known WGS84 points come from ``prcoords``."""
import numpy as np
import prcoords
import pytest

from riskatlas.core.ledger import report as rp
from riskatlas.core.ledger.importer import read_ledger
from riskatlas.core.ledger.report import compress_rows
from riskatlas.core.ledger.table import SourceTable
from riskatlas.layers.schemas import IMPORT_KINDS, schema_of

TYPES = {kind: {f.name: f.type for f in schema_of(kind).fields} for kind in IMPORT_KINDS}
# known WGS84 points (lon, lat): in the sample county, a village, Beijing's Tian'anmen
KNOWN = [(120.123456, 30.123456), (119.987654, 29.876543), (116.397428, 39.909230)]


def metres(lon_a, lat_a, lon_b, lat_b):
    dx = (np.asarray(lon_a) - lon_b) * 111_320.0 * np.cos(np.radians(lat_b))
    return np.hypot(dx, (np.asarray(lat_a) - lat_b) * 111_320.0)


def web(function, lon, lat):
    """prcoords takes and gives (lat, lon)."""
    lat_out, lon_out = function((lat, lon))
    return lon_out, lat_out


def enterprise_sheet(function=prcoords.wgs_gcj):
    """企业台账 as a county exports it: a merged title row, a blank row, headers with units and marks,
    credit codes with leading zeros, numbers with separators, units and full-width digits, a swapped
    row, an empty row and a total line."""
    (x1, y1), (x2, y2), (x3, y3) = (web(function, *p) for p in KNOWN)
    return [
        ["某某县工贸企业安全生产基础信息台账（截至2024年6月）"] + [None] * 11,
        [None] * 12,
        ["序号", "＊企业名称", "统一社会信用代码", "行业类别", "所属乡镇（街道）", "从业人数\n（人）", "经度", "纬度",
         "安全生产标准化等级", "是否涉及危险化学品", "企业规模", "联系电话"],
        ["1", "某某化工有限公司", "012345678901234567", "化工", "城关镇", "1,200", f"{x1:.9f}", f"{y1:.9f}",
         "三级（小微）", "是", "小型", "0576-1"],
        ["2", "某某机械厂", "91330100MA27YYYY1B", "机械", "东城街道", "４５", f"{y2:.9f}", f"{x2:.9f}", "无", "否",
         "微型", None],
        [None] * 12,
        ["3", "某某仓储公司", "00000000000000001X", "仓储", "城关镇", "12人", f"{x3:.9f}", f"{y3:.9f}", "未评级",
         "不涉及", "小型", None],
        ["合计", None, None, None, None, "1257", None, None, None, None, None, None],
    ]


def read(rows, **options):
    return read_ledger(SourceTable(rows, list(range(1, len(rows) + 1))), TYPES, **options)


def lines_of(result, status):
    return [line for line in result.lines if line.status == status]


@pytest.mark.parametrize("system, function", [("gcj02", prcoords.wgs_gcj), ("bd09", prcoords.wgs_bd)])
def test_enterprise_ledger_back_to_true_positions(system, function):
    result = read(enterprise_sheet(function), system=system)
    assert result.kind == "enterprises" and not result.stops
    frame = result.frame
    assert frame["ent_id"].tolist() == ["012345678901234567", "91330100MA27YYYY1B", "00000000000000001X"]
    assert frame["employees"].tolist() == [1200, 45, 12]
    assert frame["hazchem"].tolist() == [True, False, False]
    assert frame["std_grade"].tolist() == ["grade3", "none", "none"]
    assert result.row_numbers.tolist() == [4, 5, 7]  # Excel rows: the blank row 6 and the total row 8 skipped
    lon, lat = np.array(KNOWN).T
    assert metres(result.points.x, result.points.y, lon, lat).max() < 0.1
    assert lines_of(result, rp.SWAPPED)[0].rows == (5,)
    assert lines_of(result, rp.SKIPPED_NO_KEY)[0].rows == (8,) and lines_of(result, rp.SKIPPED_EMPTY)[0].rows == (6,)
    converted = lines_of(result, rp.CONVERTED)[0]
    assert converted.value == system and 300 < float(converted.detail.split("|")[1]) < 1500


def test_report_names_every_header_and_change_by_excel_row():
    result = read(enterprise_sheet(), system="gcj02")
    headers = {line.column: (line.status, line.field) for line in result.lines if line.section == rp.HEADER}
    assert headers["统一社会信用代码"] == ("exact", "ent_id") and headers["经度"] == ("exact", "x")
    assert headers["企业规模"] == ("unmapped", "") and headers["序号"] == ("exact", "serial")
    assert lines_of(result, rp.RECOGNISED)[-1].rows == (3,)  # the header row, as Excel numbers it
    numbers = {line.value: (line.result, line.rows) for line in lines_of(result, rp.READ)}
    assert numbers == {"1,200": ("1200", (4,)), "４５": ("45", (5,)), "12人": ("12", (7,))}
    values = {(line.field, line.value): (line.result, line.rows) for line in lines_of(result, "recoded")}
    assert values[("std_grade", "三级（小微）")] == ("grade3", (4,))
    assert values[("std_grade", "未评级")] == ("none", (7,))
    assert values[("hazchem", "不涉及")] == ("False", (7,))


def test_wgs84_and_cgcs2000_are_taken_as_written():
    rows = enterprise_sheet(lambda p: p)
    for system in ("wgs84", "cgcs2000"):
        result = read(rows, system=system)
        lon, lat = np.array(KNOWN).T
        assert metres(result.points.x, result.points.y, lon, lat).max() < 1e-6
        assert not lines_of(result, rp.CONVERTED)


def hazard_sheet(category="急性毒性-吸入，类别3（气体）"):
    return [
        ["某某县危险化学品重大危险源基本特征表", None, None, None, None, None, None, None],
        ["重大危险源编码", "统一社会信用代码", "危险化学品", None, None, "单元内存量(t)", "经纬度", "R值"],
        [None, None, "名称", "CAS号", "危险性类别", None, None, None],
        ["033010001", "91330100MA27XXXX0A", "液氨", "7664-41-7", category, "12吨", "N30°07′30″ E120°07′30″", "4"],
        ["033010001", "91330100MA27XXXX0A", "某某混合溶剂", "67-56-1", "易燃液体，类别2", "500kg", "30.125,120.125", None],
        ["033010002", "91330100MA27XXXX0A", None, "7782-50-5", None, "1.2万", "120°07′30″E,30°07′30″N", None],
    ]


def test_hazard_ledger_two_level_header_units_cas_and_dms():
    result = read(hazard_sheet(), system="wgs84")
    assert result.kind == "hazard_sources"
    frame = result.frame
    assert frame["unit_id"].tolist() == ["033010001", "033010001", "033010002"]
    assert frame["quantity_t"].tolist() == [12.0, 0.5, 12000.0]
    # a name GB 18218 does not list, or none: the CAS number stands in
    assert frame["substance"].tolist() == ["液氨", "67-56-1", "7782-50-5"]
    assert frame["hazard_cat"].tolist()[0] == "J3"
    assert result.stops  # 易燃液体，类别2 could be W5.1 / W5.2 / W5.3: never guessed
    (problem,) = result.problems
    assert (problem.status, problem.rows, problem.detail) == ("ambiguous", (5,), "W5.1 / W5.2 / W5.3")
    assert np.allclose(result.points.x, 120.125) and np.allclose(result.points.y, [30.125, 30.125, 30.125])


def test_two_columns_for_one_field_stop_and_field_map_settles_them():
    rows = enterprise_sheet()
    rows[2] = rows[2][:11] + ["企业编号"]
    rows[3][11] = "E0001"
    result = read(rows, system="gcj02")
    assert result.stops
    ambiguous = [line for line in result.lines if line.status == "ambiguous"]
    assert {line.column for line in ambiguous} == {"统一社会信用代码", "企业编号"}
    assert ambiguous[0].result == "统一社会信用代码=ent_id;企业编号=-"  # the FIELD_MAP to set
    settled = read(rows, system="gcj02", field_map="企业编号＝ent_id；统一社会信用代码＝-")
    assert not settled.stops and settled.frame["ent_id"].tolist()[0] == "E0001"


def test_kind_not_recognised_stops_and_a_given_kind_reads():
    rows = [["项目", "内容", "备注"], ["1", "x", "y"]]
    result = read(rows)
    assert result.stops and result.kind is None and result.lines[0].status in (rp.NOT_RECOGNISED, rp.AMBIGUOUS_KIND)
    generic = [["编号", "名称", "备注"], ["FS1", "城关站", "一级站"]]
    assert read(generic).kind == "townships"  # 编号 and 名称 are all a township needs
    stations = [["编号", "名称", "消防站类别", "经度", "纬度"], ["FS1", "城关站", "一级站", "120.1", "30.1"]]
    assert read(stations).kind == "fire_stations"  # a station's class, not a road's 类别 (matched by its ending)
    given = read(stations, kind="fire_stations")
    assert given.frame["class"].tolist() == ["class1"] and given.lines[0].status == rp.GIVEN


def test_unknown_values_stop_in_required_fields_only():
    rows = [["消防站编号", "消防站名称", "消防站类别", "郊区站", "经度", "纬度"],
            ["FS1", "城关站", "战勤保障站", "也许", "120.1", "30.1"]]
    result = read(rows, kind="fire_stations")
    severity = {line.field: line.severity for line in result.lines if line.section == rp.VALUE}
    assert severity == {"class": rp.ERROR, "suburban": rp.WARNING}
    assert result.frame["suburban"].tolist() == [None]


def test_projected_columns_are_not_degrees():
    rows = [["消防站编号", "消防站名称", "消防站类别", "X坐标", "Y坐标"], ["FS1", "城关站", "一级站", "489755.6", "3320149.0"]]
    result = read(rows, kind="fire_stations")
    assert result.stops and lines_of(result, rp.LOOKS_PROJECTED)[0].value == "489755.6"
    projected = read(rows, kind="fire_stations", system=None)
    assert not projected.stops and (projected.points.x[0], projected.points.y[0]) == (489755.6, 3320149.0)


def test_explicit_coordinate_columns_and_bad_cells():
    rows = [["编号", "名称", "类别", "东", "北"], ["FS1", "甲站", "一级站", "120.1", "30.1"],
            ["FS2", "乙站", "二级站", "abc", "30.2"], ["FS3", "丙站", "小型站", None, None]]
    result = read(rows, kind="fire_stations", x_field="东", y_field="北")
    assert np.isnan(result.points.x[1:]).all() and result.points.x[0] == 120.1
    assert lines_of(result, rp.BAD_COORDINATES)[0].rows == (3,)
    assert lines_of(result, rp.NO_COORDINATES)[0].rows == (4,)
    assert not result.stops
    assert read(rows[:2], kind="fire_stations").stops  # no coordinate column recognised


def test_a_wkt_column_gives_shapes():
    rows = [["镇街编号", "镇街名称", "几何(WKT)"], ["T1", "城关镇", "POLYGON ((0 0, 1 0, 1 1, 0 0))"],
            ["T2", "东城街道", "not a polygon"]]
    result = read(rows)
    assert result.kind == "townships" and result.shapes[0].area == 0.5 and result.shapes[1] is None
    assert lines_of(result, rp.BAD_WKT)[0].rows == (3,)


def test_vector_layers_give_their_own_headers_and_feature_ids():
    cells = np.array([["FS1", "城关站", "一级站"], ["FS2", "东城站", "class2"]], dtype=object)
    result = read_ledger(SourceTable(cells, [7, 9], headers=("站点编号", "站名", "站级")), TYPES, places=False)
    assert result.kind == "fire_stations" and result.frame["class"].tolist() == ["class1", "class2"]
    assert [line.rows for line in lines_of(result, "recoded")] == [(7,)]


def test_road_classes_keep_the_chinese_class_too():
    rows = [["道路编号", "道路名称", "公路等级", "是否单行", "WKT"], ["R1", "G104", "国道", "否", "LINESTRING (0 0, 1 1)"],
            ["R2", "X201", "县道", "是", "LINESTRING (1 1, 2 2)"]]
    result = read(rows)
    assert result.frame["class"].tolist() == ["trunk", "secondary"]
    assert result.frame["class_cn"].tolist() == ["admin_national", "admin_county"]
    assert result.frame["oneway"].tolist() == ["both", "forward"]


def test_compress_rows():
    assert compress_rows([4, 5, 6, 9, 12, 13]) == "4–6, 9, 12–13"
    assert compress_rows(range(1, 100, 2), limit=3) == "1, 3, 5, … (50 rows)"
    assert compress_rows([]) == ""


def test_osm_lines_import_as_roads_with_their_tags_and_without_non_roads():
    """A GDAL OSM 'lines' table: other_tags give oneway and maxspeed (a roundabout is one-way without a
    tag); footways, waterways (no highway) and unknown values are left out by the OSM speed table."""
    headers = ("osm_id", "name", "highway", "waterway", "other_tags")
    rows = [["1", "人民路", "primary", None, '"oneway"=>"yes","maxspeed"=>"60"'],
            ["2", None, "footway", None, None],
            ["3", "某河", None, "river", None],
            ["4", None, "residential", None, '"junction"=>"roundabout"'],
            ["5", None, "trail", None, None],
            ["6", None, "motorway_link", None, '"oneway"=>"-1","maxspeed"=>"40 km/h"']]
    result = read_ledger(SourceTable(rows, [101, 102, 103, 104, 105, 106], headers=headers), TYPES,
                         places=False)
    assert result.kind == "roads" and not result.stops
    assert list(result.row_numbers) == [101, 104, 106]
    frame = result.frame
    assert list(frame["class"]) == ["primary", "local", "expressway"]
    assert list(frame["highway"]) == ["primary", "residential", "motorway_link"]
    assert list(frame["oneway"]) == ["forward", "forward", "backward"]
    assert list(frame["maxspeed"]) == ["60", None, "40 km/h"]
    dropped = {line.value: line.rows for line in lines_of(result, "not_a_road")}
    assert dropped == {"footway": (102,), "—": (103,), "trail": (105,)}
