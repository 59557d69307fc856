"""The SPEED_PRESET tables (core/standards/road_speeds.py and speed_tables/*.csv): every speed pinned,
hand-computed as 0.7 × the design speed named in the row's source (JTG B01-2014, CJJ 37-2012)."""
import json

import pytest

from riskatlas.core.standards import road_speeds as rs

FACTOR = 0.7  # the project's fire-engine factor


def test_preset_order_is_the_enum_and_option_0_is_unchanged():
    assert list(rs.SPEED_PRESETS) == ["urban_60_50_40", "osm_highway", "cn_highway", "cn_urban"]
    default = rs.SPEED_PRESETS["urban_60_50_40"]
    assert default.speeds_kmh == {"expressway": 60.0, "trunk": 60.0, "primary": 50.0, "secondary": 50.0,
                                  "tertiary": 40.0, "local": 40.0}
    assert default.other_kmh == 40.0 and rs.DEFAULT_SPEED_KMH == 40.0
    assert rs.FIRE_ENGINE_FACTOR == FACTOR


def test_osm_highway_speeds():
    design = {"motorway": 120, "motorway_link": 80, "trunk": 100, "trunk_link": 60, "primary": 80, "primary_link": 60,
              "secondary": 40, "secondary_link": 30, "tertiary": 30, "tertiary_link": 20, "unclassified": 20,
              "residential": 40, "living_street": 20, "service": 20, "road": 20}
    left_out = {"track", "pedestrian", "footway", "path", "cycleway", "bridleway", "steps", "corridor", "platform",
                "construction", "proposed"}
    table = rs.SPEED_PRESETS["osm_highway"]
    assert set(table.speeds_kmh) == set(design) | left_out
    for key, kmh in design.items():
        assert table.speeds_kmh[key] == pytest.approx(FACTOR * kmh), key
    assert table.speeds_kmh["motorway"] == pytest.approx(84.0) and table.speeds_kmh["residential"] == pytest.approx(28)
    assert all(table.speeds_kmh[k] == 0 for k in left_out)
    assert table.other_kmh is None  # waterways, railways and other lines are left out
    assert table.maxspeed_factor == FACTOR


def test_chinese_highway_speeds_jtg_b01_2014():
    table = rs.SPEED_PRESETS["cn_highway"].speeds_kmh
    # 高速公路 120, 一级 100, 二级 80, 三级 40, 四级 30 (the highest design speed of each grade) × 0.7
    assert table["hw_expressway"] == pytest.approx(84.0)
    assert table["hw_class1"] == pytest.approx(70.0)
    assert table["hw_class2"] == pytest.approx(56.0)
    assert table["hw_class3"] == pytest.approx(28.0)
    assert table["hw_class4"] == pytest.approx(21.0)
    assert table["hw_substandard"] == pytest.approx(14.0)
    # administrative classes as the grade they are usually built to
    assert [table[k] for k in ("admin_national", "admin_provincial", "admin_county", "admin_township",
                               "admin_village", "admin_special")] == pytest.approx([70, 56, 28, 21, 14, 21])
    assert rs.SPEED_PRESETS["cn_highway"].other_kmh == pytest.approx(14.0)


def test_chinese_urban_speeds_cjj_37_2012():
    table = rs.SPEED_PRESETS["cn_urban"]
    # 快速路 100, 主干路 60, 次干路 50, 支路 40 × 0.7
    assert table.speeds_kmh == pytest.approx({"urban_expressway": 70.0, "urban_arterial": 42.0,
                                              "urban_secondary": 35.0, "urban_branch": 28.0})
    assert table.aliases["1"] == "urban_expressway" and table.aliases["4"] == "urban_branch"
    assert table.other_kmh == pytest.approx(14.0)


def test_every_built_in_row_names_its_source():
    for name in ("osm_highway", "cn_highway", "cn_urban"):
        for row in rs.SPEED_PRESETS[name].classes:
            assert row.source, (name, row.key)
            if row.design_kmh is not None and row.key != rs.MAXSPEED_ROW:
                assert f"{row.design_kmh:g}" in row.source, (name, row.key)


def test_a_user_table_loads_from_csv_and_json(tmp_path):
    csv_path = tmp_path / "county.csv"
    csv_path.write_text("class,speed_kmh,design_kmh,factor,label_zh,aliases\n"
                        "motorway,60,,,高速,G;高速路\nresidential,,40,0.5,,\n(other),0,,,,\n(maxspeed),,,1,,\n",
                        encoding="utf-8")
    table = rs.load_speed_table(str(csv_path))
    assert table.name == "county" and table.speeds_kmh == {"motorway": 60.0, "residential": 20.0}
    assert table.other_kmh is None and table.maxspeed_factor == 1.0
    assert table.aliases == {"G": "motorway", "高速路": "motorway", "高速": "motorway"}
    json_path = tmp_path / "county.json"
    json_path.write_text(json.dumps({"name": "mine", "classes": [{"class": "支路", "speed_kmh": 25}]}),
                         encoding="utf-8")
    mine = rs.load_speed_table(str(json_path))
    assert mine.name == "mine" and mine.speeds_kmh == {"支路": 25.0} and mine.maxspeed_factor == FACTOR


def test_written_tables_read_back(tmp_path):
    for name, preset in rs.SPEED_PRESETS.items():
        for ext in ("csv", "json"):
            path = str(tmp_path / f"{name}.{ext}")
            rs.write_speed_table(path, preset)
            again = rs.load_speed_table(path)
            assert again.speeds_kmh == pytest.approx(preset.speeds_kmh), (name, ext)
            assert again.other_kmh == preset.other_kmh and again.maxspeed_factor == preset.maxspeed_factor


@pytest.mark.parametrize("text, message", [
    ("class,speed_kmh\nmotorway,-5\n", "≥ 0"),
    ("class,speed_kmh\nmotorway,fast\n", "must be a number"),
    ("class,speed_kmh\nmotorway,\n", "design_kmh and factor"),
    ("class,speed_kmh\nmotorway,50\nmotorway,60\n", "repeat"),
    ("class,speed_kmh\n", "no classes"),
    ("class,speed_kmh,aliases\na,50,x\nb,40,x\n", "names both"),
])
def test_bad_tables_name_file_and_row(tmp_path, text, message):
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message) as error:
        rs.load_speed_table(str(path))
    assert "bad.csv" in str(error.value)
