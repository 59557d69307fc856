"""core.roads: OSM other_tags, maxspeed, class speeds through the tables and the code table, directions.
Expected values are worked by hand from the tables' numbers and the documented rules."""
import numpy as np
import pytest

from riskatlas.core import network as nw
from riskatlas.core import roads
from riskatlas.core.errors import InputError


def test_other_tags_columns_from_gdal_hstore():
    values = ['"lanes"=>"2","maxspeed"=>"60","oneway"=>"yes"',
              None,
              '"name:zh"=>"人民路","oneway"=>"-1"',
              '"note"=>"say \\"hi\\", a=>b","maxspeed"=>"30 mph"',
              '"maxspeed:forward"=>"80"']
    tags = roads.parse_other_tags(values, ["maxspeed", "oneway", "name:zh", "note"])
    assert list(tags["maxspeed"]) == ["60", None, None, "30 mph", None]  # maxspeed:forward is another key
    assert list(tags["oneway"]) == ["yes", None, "-1", None, None]
    assert list(tags["name:zh"]) == [None, None, "人民路", None, None]
    assert list(tags["note"]) == [None, None, None, 'say "hi", a=>b', None]


def test_implied_oneway_for_roundabouts_and_motorways():
    oneway = [None, None, "no", None, "", None]
    highway = ["primary", "motorway", "motorway", "residential", "primary", None]
    junction = ["roundabout", None, None, "circular", None, None]
    # an explicit "no" wins; an empty tag on a primary road stays empty
    assert list(roads.implied_oneway(oneway, highway, junction)) == ["yes", "yes", "no", "yes", "", None]


@pytest.mark.parametrize("value, kmh, status", [
    ("60", 60.0, "number"), (60, 60.0, "number"), (60.0, 60.0, "number"), ("60 km/h", 60.0, "number"),
    ("60kmh", 60.0, "number"), ("40 kph", 40.0, "number"), ("６０", 60.0, "number"),
    ("60公里/小时", 60.0, "number"), ("30 mph", 30 * 1.609344, "number"), ("10 knots", 18.52, "number"),
    ("50;30", 30.0, "number"), ("CN:urban", 50.0, "implicit"), ("CN:rural", 70.0, "implicit"),
    ("cn:motorway", 120.0, "implicit"), ("DE:zone30", 30.0, "number"), ("none", np.nan, "none"),
    ("signals", np.nan, "none"), ("walk", np.nan, "none"), ("fast", np.nan, "unknown"), ("0", np.nan, "unknown"),
    ("XX:urban", np.nan, "unknown"), (None, np.nan, "empty"), ("  ", np.nan, "empty")])
def test_maxspeed_values(value, kmh, status):
    parsed = roads.parse_maxspeed([value])
    assert parsed.status[0] == status
    np.testing.assert_allclose(parsed.kmh[0], kmh)


def test_directions_lists_code_table_and_reversible():
    values = ["yes", "YES", 1.0, "true", "是", "单行", "-1", -1, "no", "0", "否", "双向", None, "", "reversible",
              "潮汐", "单向", "TF", "xyz"]
    d = roads.read_directions(values)
    F, B, X = nw.FORWARD, nw.BACKWARD, nw.BOTH
    assert list(d.codes) == [F, F, F, F, F, F, B, B, X, X, X, X, X, X, X, X, F, B, X]
    assert d.reversible == 2  # reversible, 潮汐: driven both ways
    assert d.unknown == 3  # None, "" and xyz
    own = roads.read_directions(["F", "T", "N", "yes"], forward="F", backward="T", both="N")
    assert list(own.codes) == [F, B, X, F] and own.unknown == 0  # the lists win; yes still read by the table
    assert roads.split_values("yes；1; true") == ("yes", "1", "true") and roads.split_values(["a", 2]) == ("a", "2")


def test_class_speeds_read_chinese_labels_and_codes():
    cn = roads.class_speeds(["一级公路", "1", "国道", "G", "高速", "四级", None, "快速路"], "cn_highway")
    np.testing.assert_allclose(cn.speeds[:6], [70, 70, 70, 14, 84, 21])  # G is not a class: (other) 14
    # no class: DEFAULT_SPEED; 快速路 is no highway class: read as its English class expressway (高速公路)
    assert np.isnan(cn.speeds[6]) and cn.speeds[7] == pytest.approx(84)
    english = roads.class_speeds(["expressway", "trunk", "primary", "secondary", "tertiary", "local"], "cn_urban")
    np.testing.assert_allclose(english.speeds, [70, 42, 42, 35, 28, 28])  # the rows' aliases
    osm = roads.class_speeds(["expressway", "local", "国道"], "osm_highway")
    np.testing.assert_allclose(osm.speeds, [84, 28, 70])
    assert list(cn.keys[:3]) == ["hw_class1", "hw_class1", "admin_national"]
    urban = roads.class_speeds(["1", "2", "3", "4", "主干道", "城市支路"], "cn_urban")
    np.testing.assert_allclose(urban.speeds, [70, 42, 35, 28, 42, 28])
    default = roads.class_speeds(["expressway", "高速公路", "motorway", "支路"], "urban_60_50_40")
    np.testing.assert_allclose(default.speeds, [60, 60, 60, 40])  # 支路 → tertiary through the code table
    osm = roads.class_speeds(["motorway", "Motorway", "footway", None, "trail", "国道"], "osm_highway")
    np.testing.assert_allclose(osm.speeds[[0, 1, 5]], [84, 84, 70])
    assert list(osm.left_out) == [False, False, True, True, True, False]


def test_road_speeds_precedence_maxspeed_factor_and_left_out():
    result = roads.road_speeds(
        6, speed_values=[None, 45.0, None, None, None, None],
        class_values=["primary", "primary", "primary", "footway", None, "service"],
        maxspeed_values=["50", "50", None, "50", None, "CN:urban"], preset="osm_highway", default_speed=33)
    # field 45 > maxspeed 50 × 0.7 = 35 > class (primary 56); footway and no class are left out
    np.testing.assert_allclose(result.speeds, [35, 45, 56, np.nan, np.nan, 35])
    assert list(result.origin) == ["maxspeed", "field", "class", "left_out", "left_out", "maxspeed"]
    assert result.counts == {"field": 1, "maxspeed": 2, "class": 1, "default": 0, "left_out": 2}
    assert ("class", "primary", pytest.approx(56.0), 1) in result.used()
    assert ("left_out", "footway", 0.0, 1) in result.used()
    no_class = roads.road_speeds(2, maxspeed_values=["fast", None], default_speed=33)
    np.testing.assert_allclose(no_class.speeds, [33, 33])
    assert no_class.maxspeed.count("unknown") == 1


def test_road_speeds_refuse_text_and_zero_speeds():
    with pytest.raises(InputError) as error:
        roads.road_speeds(3, [50.0, 0.0, -5.0], layer="roads", speed_field="speed_kmh", fids=[7, 8, 9])
    assert "fid 8, fid 9" in str(error.value) and "speed_kmh" in str(error.value)
    with pytest.raises(InputError, match="not a number"):
        roads.road_speeds(1, ["fast"])


def test_class_values_normalised_once_per_distinct_value_as_one_by_one():
    import numpy as np

    from riskatlas.core.ledger.text import normalise_value
    from riskatlas.core.roads.speeds import _normalised

    for values in (["主干路", None, " 主干路 ", "Primary", float("nan"), "/", "支路"] * 3, [1, 2.0, None, 3, 2],
                   [1, "1", True, None, 2.5], []):
        raw = np.array(values, dtype=object)
        codes, distinct = _normalised(raw)
        assert distinct[codes].tolist() == [normalise_value(v) for v in values]
        assert len(set(distinct.tolist())) == len(distinct)  # each normalised value once
