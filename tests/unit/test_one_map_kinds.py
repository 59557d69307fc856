"""The one-map layer kinds: ledger headers recognised, labels read through the code table, validation of
bad values, the resources group kind (rescue teams or supply depots)."""
import geopandas as gpd
import pytest
import shapely

from riskatlas.core.ledger import codes as cd
from riskatlas.core.ledger import recognise as rc
from riskatlas.layers import kinds
from riskatlas.layers import validation as v
from riskatlas.layers.schemas import SCHEMAS


@pytest.mark.parametrize("headers, kind", [
    (["序号", "队伍编号", "队伍名称", "队伍类型", "队伍人数", "主要装备", "所属乡镇", "经度", "纬度"], "rescue_teams"),
    (["储备库编号", "储备库名称", "储备库级别", "库房面积（m²）", "主要储备物资", "可保障人数"], "supply_depots"),
    (["场所编号", "场所名称", "场所类别", "最大容纳人数", "所属镇街", "详细地址"], "key_targets"),
    (["统一编号", "隐患点名称", "灾害类型", "威胁户数", "威胁人数", "威胁财产（万元）", "险情等级", "经度", "纬度"],
     "natural_hazards"),
])
def test_ledger_headers_are_recognised(headers, kind):
    guess = rc.recognise_kind(headers)
    assert guess.kind == kind and guess.score == 1.0


@pytest.mark.parametrize("kind, field, labels, codes", [
    ("rescue_teams", "type", ["蓝天救援队", "森林消防队", "危化/油气行业救援队伍", "矿山救护队", "flood"],
     ["social", "forest_fire", "hazchem", "mine", "flood"]),
    ("supply_depots", "level", ["县级", "乡镇(街道)", "中央", "村（社区）", "Provincial"],
     ["county", "township", "national", "village", "provincial"]),
    ("key_targets", "category", ["幼儿园", "养老院", "农贸市场", "客运站", "宗教活动场所"],
     ["kindergarten", "care_home", "market", "transport", "religious"]),
    ("natural_hazards", "danger_level", ["II级", "大型", "特大型险情", "Ⅳ级", "medium"],
     ["large", "large", "extra_large", "small", "medium"]),
    ("natural_hazards", "risk_grade", ["极高", "高风险区", "中", "低风险"], ["very_high", "high", "moderate", "low"]),
    ("natural_hazards", "type", ["危岩", "山体滑坡", "泥石流", "易涝点"],
     ["collapse", "landslide", "debris_flow", "waterlogging"]),
])
def test_labels_read_as_codes(kind, field, labels, codes):
    assert list(cd.recode(kind, field, labels).codes) == codes


def _frame(rows, geometry="point"):
    geoms = [shapely.Point(i * 10, 0) if geometry == "point" else shapely.box(i, 0, i + 1, 1) for i in range(len(rows))]
    return gpd.GeoDataFrame(rows, geometry=geoms, index=range(1, len(rows) + 1))


def test_validation_of_the_new_kinds():
    crs = v.CrsFacts(True, False, "EPSG:4549")
    teams = _frame([{"team_id": "T1", "name": "一队", "type": "巡逻队", "headcount": -3},
                    {"team_id": "T1", "name": "二队", "type": "flood", "headcount": 20}])
    found = v.validate_layer(SCHEMAS["rescue_teams"], "应急救援队伍", teams, {}, crs)
    problems = {(f.feature_id, f.field, f.problem) for f in found if f.severity == v.ERROR}
    assert (1, "type", v.UNKNOWN_CODE) in problems and (1, "headcount", v.NEGATIVE_VALUE) in problems
    assert any(f.problem == v.DUPLICATE_ID for f in found)
    hazards = _frame([{"hazard_id": "H1", "name": "滑坡1", "type": "landslide", "threatened": 120,
                       "danger_level": "huge"}], "polygon")
    found = v.validate_layer(SCHEMAS["natural_hazards"], "隐患点", hazards, {}, crs)
    assert [(f.field, f.problem) for f in found] == [("danger_level", v.UNKNOWN_CODE)]
    targets = _frame([{"target_id": "K1", "name": "小学", "occupancy": 300}])  # no category
    found = v.validate_layer(SCHEMAS["key_targets"], "重点目标", targets, {}, crs)
    assert [(f.field, f.problem) for f in found] == [("category", v.MISSING_FIELD)]


def test_the_resources_group_kind():
    teams = [f.name for f in SCHEMAS["rescue_teams"].fields]
    depots = [f.name for f in SCHEMAS["supply_depots"].fields]
    stations = [f.name for f in SCHEMAS["fire_stations"].fields]
    assert kinds.recognise("x", teams) == ("rescue_teams", kinds.BY_FIELDS)
    assert kinds.recognise("x", depots) == ("supply_depots", kinds.BY_FIELDS)
    assert kinds.mismatch("resources", "x", teams) is None and kinds.mismatch("resources", "x", depots) is None
    assert kinds.mismatch("resources", "消防站", stations) == ("fire_stations", kinds.BY_FIELDS)
    assert kinds.mismatch("rescue_teams", "x", depots) == ("supply_depots", kinds.BY_FIELDS)
    assert kinds.match_score("resources", "应急救援队伍", teams) > kinds.match_score("resources", "layer", teams) > 0
    assert kinds.kind_from_name("应急物资储备库") == "supply_depots"
    assert kinds.kind_from_name("自然灾害隐患点") == "natural_hazards"
