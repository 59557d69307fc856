"""core.ledger codes: Chinese labels → schema codes, written by hand; the report of each column."""
import numpy as np
import pytest

from riskatlas.core.ledger import codes as cd
from riskatlas.core.ledger.code_tables import ROAD_CLASS_MAP, TABLES
from riskatlas.core.standards.fire_stations import SPEED_PRESETS
from riskatlas.layers.schemas import SCHEMAS


def yes_no(value):
    """A stand-in for the project's boolean parser (core.values), enough for these tests."""
    return {"是": True, "否": False, "yes": True, "no": False, "1": True, "0": False}.get(str(value).strip().lower())


def codes_of(kind, field, values, **kwargs):
    return list(cd.recode(kind, field, values, **kwargs).codes)


@pytest.mark.parametrize("value, code", [
    ("一级站", "class1"), ("一级普通消防站", "class1"), ("一级消防救援站", "class1"), ("Ⅰ级", "class1"), ("1", "class1"),
    ("二级站", "class2"), ("二级普通消防站", "class2"), ("ＩＩ级", "class2"), (2.0, "class2"),
    ("特勤站", "special"), ("特勤消防站", "special"), ("特勤中队", "special"),
    ("小型站", "small"), ("小型普通消防站", "small"), ("class1", "class1"), (" Special ", "special"),
])
def test_station_classes(value, code):
    assert codes_of("fire_stations", "class", [value]) == [code]


def test_station_class_report_by_row():
    result = cd.recode("fire_stations", "class", ["一级站", "class2", "", "战勤保障站", "普通消防站", "一级站", None, "/"])
    assert list(result.codes) == ["class1", "class2", None, None, None, "class1", None, None]
    assert list(result.status) == ["recoded", "code", "empty", "unknown", "ambiguous", "recoded", "empty", "empty"]
    by_value = {c.value: c for c in result.changes}
    assert by_value["一级站"].rows == (0, 5) and by_value["一级站"].code == "class1"
    assert by_value["普通消防站"].candidates == ("class1", "class2", "small")
    assert "class2" not in by_value  # codes already right are not changes
    assert {c.value for c in result.problems} == {"战勤保障站", "普通消防站"}
    assert (result.count("recoded"), result.count("empty")) == (2, 3)


@pytest.mark.parametrize("value, code", [
    ("紧急避难场所", "emergency"), ("紧急", "emergency"),
    ("固定（短期）", "fixed_short"), ("短期固定避难场所", "fixed_short"), ("固定避难场所(短期)", "fixed_short"),
    ("固定（中期）", "fixed_medium"), ("中期", "fixed_medium"),
    ("长期固定避难场所", "fixed_long"), ("固定(长期)", "fixed_long"),
    ("中心避难场所", "central"), ("中心", "central"), ("fixed_long", "fixed_long"),
])
def test_shelter_types(value, code):
    assert codes_of("shelters", "type", [value]) == [code]
    assert codes_of("shelter_points", "type", [value]) == [code]


def test_shelter_types_without_a_term_are_ambiguous():
    result = cd.recode("shelters", "type", ["固定避难场所", "固定", "Ⅲ类"])
    assert list(result.status) == ["ambiguous", "ambiguous", "unknown"]
    by_value = {c.value: c for c in result.changes}
    assert by_value["固定避难场所"].candidates == ("fixed_short", "fixed_medium", "fixed_long")


@pytest.mark.parametrize("value, english, chinese", [
    ("高速公路", "expressway", "hw_expressway"), ("一级公路", "trunk", "hw_class1"), ("二级公路", "primary", "hw_class2"),
    ("三级公路", "secondary", "hw_class3"), ("四级公路", "tertiary", "hw_class4"), ("等外公路", "local", "hw_substandard"),
    ("国道", "trunk", "admin_national"), ("省道", "primary", "admin_provincial"), ("县道", "secondary", "admin_county"),
    ("乡道", "tertiary", "admin_township"), ("村道", "local", "admin_village"),
    ("快速路", "expressway", "urban_expressway"), ("主干路", "primary", "urban_arterial"),
    ("次干路", "secondary", "urban_secondary"), ("支路", "tertiary", "urban_branch"),
    ("1", "trunk", "hw_class1"), (4, "tertiary", "hw_class4"),
    ("专用公路", None, "admin_special"),
])
def test_chinese_road_classes_keep_their_own_code(value, english, chinese):
    assert codes_of("roads", "class", [value]) == [english]
    assert codes_of("roads", "class_cn", [value]) == [chinese]


@pytest.mark.parametrize("value, english", [
    ("motorway", "expressway"), ("motorway_link", "expressway"), ("trunk", "trunk"), ("primary_link", "primary"),
    ("tertiary", "tertiary"), ("residential", "local"), ("service", "local"), ("footway", None),
])
def test_osm_highway_values(value, english):
    assert codes_of("roads", "class", [value]) == [english]


def test_road_classes_all_have_a_speed_in_the_current_preset():
    table = TABLES[("roads", "class")]
    assert set(table.codes) == set(SCHEMAS["roads"].field_by_name["class"].allowed)
    preset = SPEED_PRESETS["urban_60_50_40"].speeds_kmh
    assert {code for _, code in ROAD_CLASS_MAP.values() if code} <= set(preset)


def test_directions_with_the_boolean_parser():
    values = ["双向", "单行", "单向", "是", "否", "yes", "no", "-1", "FT", "TF", "reversible", "F", "逆向"]
    result = cd.recode("roads", "oneway", values, boolean=yes_no)
    assert list(result.codes) == ["both", "forward", "forward", "forward", "both", "forward", "both", "backward",
                                  "forward", "backward", None, None, "backward"]
    assert list(result.status[10:12]) == ["ambiguous", "ambiguous"]
    # without a boolean parser yes/no values are not guessed
    assert list(cd.recode("roads", "oneway", ["是", "否"]).status) == ["unknown", "unknown"]


@pytest.mark.parametrize("value, code", [
    ("一级", "grade1"), ("安全生产标准化一级", "grade1"), ("二级企业", "grade2"), ("Ⅱ级", "grade2"),
    ("三级", "grade3"), ("三级（小微企业）", "grade3"), ("3", "grade3"), ("无", "none"), ("未达标", "none"),
])
def test_standardisation_grades(value, code):
    assert codes_of("enterprises", "std_grade", [value]) == [code]


def test_bool_fields_take_labels_and_the_boolean_parser():
    assert codes_of("population", "urban", ["城镇", "乡村", "是", "否"], boolean=yes_no) == [True, False, True, False]
    assert codes_of("fire_stations", "suburban", ["郊区站", "城区"]) == [True, False]
    assert codes_of("enterprises", "hazchem", ["涉及", "不涉及", "是"], boolean=yes_no) == [True, False, True]


@pytest.mark.parametrize("value, code, status", [
    ("W2", "W2", "code"), ("w5.3", "W5.3", "code"), ("Ｗ５．１", "W5.1", "code"),
    ("W2,J3", "W2,J3", "code"),
    ("易燃气体", "W2", "recoded"), ("易燃气体，类别1", "W2", "recoded"), ("气溶胶，类别1", "W3", "recoded"),
    ("氧化性气体，类别1", "W4", "recoded"), ("自燃液体，类别1", "W8", "recoded"),
    ("易燃液体，类别1", "W5.1", "recoded"), ("易燃固体，类别1", "W10", "recoded"),
    ("遇水放出易燃气体的物质和混合物，类别2", "W11", "recoded"), ("氧化性固体，类别2", "W9.2", "recoded"),
    ("爆炸物，1.1项", "W1.1", "recoded"), ("爆炸物，1.4项", "W1.3", "recoded"), ("不稳定爆炸物", "W1.1", "recoded"),
    ("有机过氧化物，B型", "W7.1", "recoded"), ("自反应物质和混合物，D型", "W6.2", "recoded"),
    ("急性毒性-吸入，类别1（气体）", "J1", "recoded"), ("急性毒性-吸入，类别3（气体）", "J3", "recoded"),
    ("易燃气体，类别1；皮肤腐蚀/刺激，类别2", "W2", "recoded"),
    ("易燃液体，类别2", None, "ambiguous"), ("急性毒性-经口，类别2", None, "ambiguous"),
    ("爆炸物", None, "ambiguous"), ("易燃液体，类别2；急性毒性-经口，类别3", None, "ambiguous"),
    ("皮肤腐蚀/刺激，类别1B", None, "not_listed"), ("急性毒性-经口，类别4", None, "not_listed"),
    ("剧毒", None, "unknown"),
])
def test_hazard_categories_only_where_table_2_leaves_no_choice(value, code, status):
    result = cd.recode("hazard_sources", "hazard_cat", [value])
    assert (result.codes[0], result.status[0]) == (code, status)


def test_ambiguous_hazard_category_names_its_candidates():
    (change,) = cd.recode("hazard_sources", "hazard_cat", ["易燃液体，类别2"]).changes
    assert change.candidates == ("W5.1", "W5.2", "W5.3") and "W5.3" in change.note


def test_a_value_map_wins_over_the_table():
    result = cd.recode("shelters", "type", ["固定避难场所", "紧急"], extra={"固定避难场所": "fixed_long", "紧急": "central"})
    assert list(result.codes) == ["fixed_long", "central"]
    result = cd.recode("hazard_sources", "hazard_cat", ["易燃液体，类别2"], extra={"易燃液体，类别2": "W5.3"})
    assert list(result.codes) == ["W5.3"]


def test_every_code_is_a_schema_value():
    for (kind, field), table in TABLES.items():
        if field == "class_cn":
            continue
        spec = SCHEMAS["shelters" if kind == "shelter_points" else kind].field_by_name[field]
        if spec.allowed:
            assert set(table.codes) == set(spec.allowed), (kind, field)
            assert set(table.labels.values()) <= set(spec.allowed), (kind, field)
        else:
            assert spec.type == "bool" and set(table.codes) == {True, False}, (kind, field)


# The aliases core.standards.fire_stations once kept (folded into the code table), written out again.
FORMER_STATION_ALIASES = {
    "特勤": "special", "特勤站": "special", "特勤消防站": "special",
    "一级": "class1", "一级站": "class1", "一级普通消防站": "class1", "一级消防站": "class1", "1": "class1",
    "二级": "class2", "二级站": "class2", "二级普通消防站": "class2", "二级消防站": "class2", "2": "class2",
    "小型": "small", "小型站": "small", "小型普通消防站": "small", "小型消防站": "small",
}


def test_former_station_aliases_are_in_the_one_table():
    for alias, code in FORMER_STATION_ALIASES.items():
        assert codes_of("fire_stations", "class", [alias]) == [code], alias
    # 郊区/郊区站 are the suburban flag, a field of its own: ambiguous as a class
    for alias in ("郊区", "郊区站", "suburban"):
        assert codes_of("fire_stations", "suburban", [alias]) == [True]
    assert list(cd.recode("fire_stations", "class", ["郊区站"]).status) == ["ambiguous"]


@pytest.mark.parametrize("kind, field", sorted(set(TABLES) | {("hazard_sources", "hazard_cat")}))
@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_display_name_reads_back_as_its_code(kind, field, language):
    choices = cd.code_choices(kind, field, language)
    assert len({code for _, code in choices}) == len(choices)
    labels = [label for label, _ in choices]
    assert cd.read_codes(kind, field, labels).codes.tolist() == [code for _, code in choices]


def test_display_names_come_from_the_standards_tables():
    assert dict(cd.code_choices("fire_stations", "class")) == {
        "特勤消防站": "special", "一级普通消防站": "class1", "二级普通消防站": "class2", "小型普通消防站": "small"}
    assert dict(cd.code_choices("shelters", "type"))["长期固定避难场所"] == "fixed_long"
    assert dict(cd.code_choices("roads", "class"))["干线"] == "trunk"
    assert dict(cd.code_choices("enterprises", "hazchem")) == {"是": True, "否": False}
    assert dict(cd.code_choices("shelters", "type", "en"))["Fixed shelter, long term"] == "fixed_long"


def test_read_codes_takes_the_one_yes_no_reader():
    assert cd.read_codes("roads", "oneway", ["是", "否", "Ｙｅｓ"]).codes.tolist() == ["forward", "both", "forward"]
    assert cd.read_codes("population", "urban", ["城镇", "乡村", "是", "0"]).codes.tolist() == [True, False, True,
                                                                                                False]


def test_fields_without_a_table():
    assert cd.has_code_table("roads", "oneway") and not cd.has_code_table("roads", "name")
    with pytest.raises(KeyError):
        cd.recode("roads", "name", ["x"])
    assert len(cd.recode("roads", "class", np.array([], dtype=object)).codes) == 0


def test_a_long_text_column_is_recoded_as_cell_by_cell():
    """A road layer's million cells are normalised once per distinct value: the same codes, statuses
    and changes (rows included) as normalising every cell."""
    import numpy as np

    from riskatlas.core.ledger import codes as codes_module

    rng = np.random.default_rng(4)
    words = np.array(["both", "双向", " 单行 ", "FT", "TF", "yes", "-1", "?", None, "", "/", "BOTH"], dtype=object)
    cells = words[rng.integers(0, len(words), 5000)]
    fast = codes_module.read_codes("roads", "oneway", cells)
    slow_keys = np.array([codes_module.normalise_value(v, set(codes_module.TABLES[("roads", "oneway")].labels))
                          for v in cells], dtype=object)
    unique, first, inverse = np.unique(slow_keys, return_index=True, return_inverse=True)
    got_unique, got_first, got_inverse = codes_module._normalised_keys(
        cells, set(codes_module.TABLES[("roads", "oneway")].labels))
    present = np.isin(got_unique, unique)
    assert list(got_unique[present]) == list(unique)
    np.testing.assert_array_equal(got_unique[got_inverse], slow_keys)
    np.testing.assert_array_equal(got_first[present], first)
    small = codes_module.read_codes("roads", "oneway", list(cells[:900]))  # below the threshold: cell by cell
    np.testing.assert_array_equal(fast.codes[:900], small.codes)
    np.testing.assert_array_equal(fast.status[:900], small.status)
