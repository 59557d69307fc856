"""core.ledger headers: synthetic ledgers written the way bureaus write them; every expected
mapping below is written by hand."""
import pytest

from riskatlas.core.ledger import headers as hd
from riskatlas.core.ledger import recognise as rc
from riskatlas.core.ledger.synonyms import AMBIGUOUS_HEADERS, SYNONYMS
from riskatlas.core.ledger.text import normalise_header
from riskatlas.layers.schemas import SCHEMAS

# 企业台账 as exported from a county system: merged title row, a blank row, headers with units,
# full-width brackets, a line break, a required-marker and an ideographic space.
ENTERPRISE_SHEET = [
    ["某某县工贸企业安全生产基础信息台账（截至2024年6月）", None, None, None, None, None, None, None, None, None, None],
    [None] * 11,
    ["序号", "＊企业名称", "统一社会信用代码", "行业类别", "所属乡镇（街道）", "从业人数\n（人）", "经度", "纬度",
     "安全生产标准化等级", "是否涉及危险化学品", "企业规模"],
    [1, "某某化工有限公司", "91330100MA27XXXX0A", "化工", "城关镇", "120", "120.123", "30.123", "三级", "是", "小型"],
    [2, "某某机械厂", "91330100MA27YYYY1B", "机械", "东城街道", "45", "120.223", "30.223", "无", "否", "微型"],
]
ENTERPRISE_EXPECTED = {0: "serial", 1: "name", 2: "ent_id", 3: "industry", 4: "township", 5: "employees",
                       6: "x", 7: "y", 8: "std_grade", 9: "hazchem"}

# 重大危险源基本特征表: a two-level header (危险化学品 ▸ 名称 / CAS号 / 危险性类别) under a title.
HAZARD_SHEET = [
    ["某某县危险化学品重大危险源基本特征表", None, None, None, None, None, None, None, None, None, None],
    ["重大危险源编码", "重大危险源名称", "统一社会信用代码", "危险化学品", None, None, "单元内存量(t)", "临界量（吨）", "R值",
     "厂区边界外500m范围内人数估算值（人）", "备注"],
    [None, None, None, "名称", "CAS号", "危险性类别", None, None, None, None, None],
    ["330100001", "液氨罐区", "91330100MA27XXXX0A", "液氨", "7664-41-7", "急性毒性-吸入，类别3（气体）", "20", "10", "4", "120",
     None],
]
HAZARD_EXPECTED = {0: "unit_id", 1: "unit_name", 2: "ent_id", 3: "substance", 4: "cas", 5: "hazard_cat",
                   6: "quantity_t", 7: "critical_q_t", 8: "r_value", 9: "exposed", 10: "remarks"}


def mapped(mapping):
    return {m.column: m.field for m in mapping.columns if m.field}


def test_enterprise_ledger_header_row_under_a_merged_title():
    row = rc.detect_header_row(ENTERPRISE_SHEET)
    assert (row.index, row.rows_used, row.data_start) == (2, 1, 3)
    assert row.counts[:2] == (0, 0)
    mapping = hd.map_headers(row.headers, "enterprises")
    assert mapped(mapping) == ENTERPRISE_EXPECTED
    assert mapping.ok and mapping.missing_required == ()
    assert mapping.columns[10].how == hd.UNMAPPED  # 企业规模 is not a Risk Atlas field
    assert mapping.columns[5].unit == "人" and mapping.columns[5].factor == 1.0
    assert rc.recognise_kind(row.headers).kind == "enterprises"


def test_hazard_ledger_two_level_header():
    row = rc.detect_header_row(HAZARD_SHEET)
    assert (row.index, row.rows_used, row.data_start) == (1, 2, 3)
    assert row.headers[3] == "危险化学品名称" and row.headers[4] == "CAS号" and row.headers[5] == "危险性类别"
    mapping = hd.map_headers(row.headers, "hazard_sources")
    assert mapped(mapping) == HAZARD_EXPECTED and mapping.ok
    guess = rc.recognise_kind(row.headers)
    assert guess.kind == "hazard_sources" and guess.score == 1.0 and not guess.ambiguous


@pytest.mark.parametrize("header, kind, field, how", [
    ("ＣＡＳ号", "hazard_sources", "cas", hd.EXACT),  # full-width letters
    ("单元内存量\n（t）", "hazard_sources", "quantity_t", hd.EXACT),
    ("设计最大量（吨）", "hazard_sources", "quantity_t", hd.EXACT),
    ("企业名称：", "enterprises", "name", hd.EXACT),
    ("企业（单位）名称", "enterprises", "name", hd.EXACT),
    ("所属镇街（乡镇/街道）", "enterprises", "township", hd.EXACT),  # remark in brackets dropped
    ("Unified Social Credit Code", "enterprises", None, hd.UNMAPPED),  # English matches exactly only
    ("Credit_Code", "enterprises", "ent_id", hd.EXACT),
    ("HIGHWAY", "roads", "class", hd.EXACT),
    ("maxspeed", "roads", "maxspeed", hd.EXACT),
    ("是否单行", "roads", "oneway", hd.EXACT),
    ("道路技术等级", "roads", "class", hd.FUZZY),  # ends with 技术等级
    ("所属国民经济行业", "enterprises", "industry", hd.FUZZY),  # ends with 行业
    ("单元内存量合计", "hazard_sources", "quantity_t", hd.FUZZY),  # 单元内存量 covers 5/7 of it
    ("企业规模", "enterprises", None, hd.UNMAPPED),  # 企业 is no synonym; nothing ends it
    ("人口密度", "population", None, hd.UNMAPPED),  # 人口 covers only half of it
    ("消防救援站名称", "fire_stations", "name", hd.EXACT),
    ("郊区站", "fire_stations", "suburban", hd.EXACT),
    ("有效避难面积（m²）", "shelters", "area_m2", hd.EXACT),
    ("可容纳人数", "shelter_points", "capacity", hd.EXACT),
    ("乡镇（街道）名称", "townships", "name", hd.EXACT),
    ("行政区划代码", "townships", "admin_code", hd.EXACT),
])
def test_single_headers(header, kind, field, how):
    match = hd.match_header(header, kind)
    assert (match.field, match.how) == (field, how)


@pytest.mark.parametrize("header, kind, factor", [
    ("有效避难面积（亩）", "shelters", 10000 / 15),
    ("有效避难面积(万平方米)", "shelters", 10000.0),
    ("常住人口（万人）", "population", 10000.0),
    ("单元内存量(kg)", "hazard_sources", 0.001),
    ("出动时间（秒）", "fire_stations", 1 / 60),
    ("出动时间(min)", "fire_stations", 1.0),
    ("限速(km/h)", "roads", 1.0),
    ("设计最大量/t", "hazard_sources", 1.0),
    ("最大储量（单位：吨）", "hazard_sources", 1.0),
])
def test_units_in_headers_give_factors_to_the_schema_unit(header, kind, factor):
    match = hd.match_header(header, kind)
    assert match.field is not None and match.factor == pytest.approx(factor)


def test_a_unit_of_the_wrong_dimension_is_refused():
    match = hd.match_header("单元内存量(m2)", "hazard_sources")
    assert match.how == hd.UNIT_CONFLICT and match.field is None and "mass" in match.note
    assert hd.match_header("数量（吨/年）", "hazard_sources").how == hd.UNIT_CONFLICT  # a yearly throughput
    mapping = hd.map_headers(["重大危险源编码", "统一社会信用代码", "危险化学品名称", "单元内存量(m2)"], "hazard_sources")
    assert mapping.missing_required == ("quantity_t",) and not mapping.ok


def test_two_columns_for_one_field_are_ambiguous_and_never_guessed():
    headers = ["重大危险源编码", "统一社会信用代码", "危险化学品名称", "设计最大量(t)", "单元内存量（吨）"]
    mapping = hd.map_headers(headers, "hazard_sources")
    assert "quantity_t" not in mapping.field_columns and not mapping.ok
    ambiguous = {m.column: (m.candidates, m.rivals) for m in mapping.ambiguous}
    assert ambiguous == {3: (("quantity_t",), (4,)), 4: (("quantity_t",), (3,))}
    assert mapping.missing_required == ()  # reported as ambiguous, not as missing
    assert mapping.field_map_hint() == "设计最大量(t)=quantity_t;单元内存量（吨）=-"


def test_one_column_for_several_fields_is_ambiguous():
    mapping = hd.map_headers(["场所编号", "场所名称", "类型", "面积（m²）"], "shelters")
    (match,) = mapping.ambiguous
    assert match.column == 3 and match.candidates == ("area_m2", "total_area") and match.field is None
    assert mapping.field_map_hint() == "面积（m²）=area_m2"
    hazard = hd.match_header("名称", "hazard_sources")
    assert hazard.how == hd.AMBIGUOUS and set(hazard.candidates) == {"unit_name", "substance", "ent_name"}


def test_explicit_mapping_wins():
    headers = ["场所编号", "场所名称", "类型", "面积（m²）", "有效面积"]
    # full-width ＝ and ；, a Chinese alias as the target, a dropped column
    mapping = hd.map_headers(headers, "shelters", "面积（m²）＝有效避难面积；有效面积＝")
    assert mapping.field_columns["area_m2"] == 3 and mapping.columns[3].how == hd.EXPLICIT
    assert mapping.columns[4].how == hd.IGNORED and mapping.ok
    # an explicit choice supersedes an automatic match of the same field
    mapping = hd.map_headers(headers, "shelters", {"面积（m²）": "area_m2"})
    assert mapping.columns[4].how == hd.SUPERSEDED and mapping.field_columns == {
        "shelter_id": 0, "name": 1, "type": 2, "area_m2": 3}
    # explicit mapping overrides the synonym table too
    mapping = hd.map_headers(["编号", "名称", "类别", "有效避难面积"], "shelters", "名称=name_en;类别=-")
    assert mapping.field_columns.get("name_en") == 1 and "type" in mapping.missing_required


def test_explicit_mapping_problems_are_reported():
    mapping = hd.map_headers(["编号", "名称"], "townships", "镇名=name;编号=town;名称=名称")
    assert any("'镇名'" in p for p in mapping.problems)
    assert any("'town'" in p and "townships" in p for p in mapping.problems)
    assert mapping.field_columns == {"name": 1} and not mapping.ok  # 编号 is left alone, not auto-mapped
    assert mapping.columns[0].how == hd.UNMAPPED and "FIELD_MAP" in mapping.columns[0].note
    mapping = hd.map_headers(["编号", "名称", "名称2"], "townships", "名称=name;名称2=name")
    assert any("two columns" in p for p in mapping.problems)
    with pytest.raises(ValueError, match="no '='"):
        hd.parse_field_map("编号 town_id")
    with pytest.raises(ValueError, match="twice"):
        hd.parse_field_map("编号=town_id;编号=name")
    assert hd.parse_field_map(" 编号 ＝ town_id ；\n名称=name ; ") == {"编号": "town_id", "名称": "name"}


@pytest.mark.parametrize("headers, kind", [
    (["序号", "消防站编号", "消防救援站名称", "类别", "出动时间(min)", "经度", "纬度"], "fire_stations"),
    (["编号", "避难场所名称", "类型", "有效避难面积（m²）", "可容纳人数"], "shelters"),
    (["osm_id", "name", "highway", "oneway", "maxspeed"], "roads"),
    (["乡镇编号", "乡镇名称", "行政区划代码"], "townships"),
    (["村(社区)编码", "村(社区)名称", "常住人口（人）", "城乡属性"], "population"),
])
def test_kind_recognition(headers, kind):
    guess = rc.recognise_kind(headers)
    assert guess.kind == kind and guess.score == 1.0 and guess.ranking[0][0] == kind


def test_kind_recognition_ties_and_misses():
    # 编号 + 名称 + 人口: a population table of villages, or townships with their population?
    guess = rc.recognise_kind(["编号", "名称", "人口"])
    assert guess.kind is None and guess.ambiguous and set(guess.tied) == {"population", "townships"}
    guess = rc.recognise_kind(["备注", "填表人"])
    assert guess.kind is None and not guess.ambiguous and guess.score == 0.0


def test_header_row_search_is_limited_to_the_first_rows():
    sheet = [["某某县2024年企业台账"]] * 12 + [["企业名称", "统一社会信用代码", "行业"]]
    assert rc.detect_header_row(sheet).index is None
    assert rc.detect_header_row(sheet, max_rows=13).index == 12
    assert rc.detect_header_row(ENTERPRISE_SHEET, kind="enterprises").recognised == 10


def test_normal_forms():
    assert normalise_header("单元内存量（吨）").key == "单元内存量" and normalise_header("单元内存量（吨）").unit == "吨"
    assert normalise_header("有效避难面积(㎡)") == normalise_header("有效避难面积 （m²）")
    assert normalise_header("有效避难面积(㎡)").unit == "m2"
    assert normalise_header("【企业名称】").key == "(企业名称)"
    assert normalise_header("Ent_ID").key == "entid"


def test_synonym_table_matches_the_layer_schemas():
    for kind, entries in SYNONYMS.items():
        schema = SCHEMAS["shelters" if kind == "shelter_points" else kind]
        table_fields = {e.field for e in entries if e.schema}
        assert table_fields == {f.name for f in schema.fields}, kind
        assert {e.field for e in entries if e.required} == {f.name for f in schema.required_fields}, kind
        assert not {e.field for e in entries if not e.schema} & table_fields, kind
        fields = {e.field for e in entries}
        for header, candidates in AMBIGUOUS_HEADERS[kind].items():
            assert len(candidates) > 1 and set(candidates) <= fields, (kind, header)


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_template_headers_map_to_their_fields(kind):
    # a table written from our own template (field names) or exported with its zh/en aliases
    for spec in SCHEMAS[kind].fields:
        for header in (spec.name, spec.alias_zh, spec.alias_en):
            match = hd.match_header(header, kind)
            assert (match.field, match.how) == (spec.name, hd.EXACT), (kind, header)
