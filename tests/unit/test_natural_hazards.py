"""Natural hazards: the 险情 grades (国家突发地质灾害应急预案), the level presets and grading the sites
(core.natural_hazards), hand-worked."""
import numpy as np
import pytest

from riskatlas.core.errors import InputError
from riskatlas.core.natural_hazards import danger_grades, hazard_levels
from riskatlas.core.standards import natural_hazards as nh


def test_the_danger_grade_table_is_the_plan_s():
    assert [(g.code, g.name_zh, g.min_people, g.min_loss_10k) for g in nh.DANGER_GRADES] == [
        ("extra_large", "特大型", 1000, 10000), ("large", "大型", 500, 5000), ("medium", "中型", 100, 500),
        ("small", "小型", 0, 0)]
    assert nh.RISK_GRADE_CODES == ("very_high", "high", "moderate", "low")
    assert nh.GEOHAZARD_TYPES == ("collapse", "landslide", "debris_flow", "ground_collapse", "ground_fissure",
                                  "land_subsidence", "unstable_slope")


def test_level_presets():
    assert [p.name for p in nh.LEVEL_PRESETS] == ["danger_grade", "threat", "risk_grade"]
    preset = nh.LEVEL_PRESET_BY_NAME["danger_grade"]
    assert [preset.levels[g] for g in nh.DANGER_GRADE_CODES] == [1, 2, 3, 4]
    zones = nh.LEVEL_PRESET_BY_NAME["risk_grade"]
    assert [zones.levels[g] for g in nh.RISK_GRADE_CODES] == [1, 2, 3, 4]
    assert nh.DEFAULT_LEVEL_PRESET == "danger_grade"


def test_grades_from_the_threat_lower_bounds_included():
    people = [1000, 999, 500, 499, 100, 99, 0, np.nan, np.nan, np.nan, 50, np.nan]
    loss = [np.nan, np.nan, np.nan, np.nan, np.nan, np.nan, np.nan, 10000, 499.9, np.nan, 5000, 500]
    assert list(danger_grades(people, loss)) == [
        "extra_large", "large", "large", "medium", "medium", "small", "small", "extra_large", "small", None,
        "large",  # 50 people but 5000 万元: the more severe criterion
        "medium"]


def test_levels_by_preset_and_where_they_came_from():
    columns = {"danger_level": ["大型", None, "II级", "small", "特大型险情", None],
               "threatened": [10, 1200, None, 5, None, 150],
               "property_10k": [None, None, None, None, None, None],
               "risk_grade": [None, None, "极高", None, None, "低"]}
    levels, grades, origin = hazard_levels(columns, 6, "danger_grade")
    assert list(levels) == [2, 1, 2, 4, 1, 3]
    assert list(grades) == ["large", "extra_large", "large", "small", "extra_large", "medium"]
    assert list(origin) == ["recorded", "threat", "recorded", "recorded", "recorded", "threat"]
    with pytest.raises(InputError) as error:  # sites 2 and 4 have no threat values: the threat preset cannot grade it
        hazard_levels(columns, 6, "threat", fids=np.array([10, 11, 12, 13, 14, 15]))
    assert error.value.feature_ids == [12, 14]
    levels, _grades, origin = hazard_levels(columns, 6, "risk_grade")
    assert list(levels) == [2, 1, 1, 4, 1, 4]
    assert list(origin) == ["recorded", "threat", "risk_grade", "recorded", "recorded", "risk_grade"]


def test_unknown_and_missing_values_name_the_feature_and_field():
    with pytest.raises(InputError) as error:
        hazard_levels({"danger_level": ["巨型", "大型"]}, 2, fids=np.array([7, 8]), layer="隐患点")
    assert error.value.feature_ids == [7] and error.value.field == "danger_level" and error.value.layer == "隐患点"
    with pytest.raises(InputError) as error:
        hazard_levels({"danger_level": [None, "大型"]}, 2, fids=np.array([3, 4]))
    assert error.value.feature_ids == [3]
    with pytest.raises(InputError) as error:
        hazard_levels({"danger_level": [None], "threatened": ["很多"]}, 1, fids=np.array([9]))
    assert error.value.field == "threatened"
