"""Siting rules: the table pinned value by value, and the filter on hand-worked geometry."""
import math
import re

import numpy as np
import pytest
import shapely
from scipy import sparse

from riskatlas.core.errors import InputError
from riskatlas.core.siting import filter_candidates, solve_mclp
from riskatlas.core.standards import siting_rules as sr


def _points(*xy):
    return shapely.points(np.asarray(xy, dtype=float))


def _at_bearing(distance, bearing_deg, origin=(0.0, 0.0)):
    """The point ``distance`` from ``origin`` at a bearing clockwise from north."""
    b = math.radians(bearing_deg)
    return origin[0] + distance * math.sin(b), origin[1] + distance * math.cos(b)


# ------------------------------------------------------------------ the table


def test_jianbiao_152_2017_rules_pinned():
    rules = {r.rule_id: r for r in sr.siting_rules("jianbiao152_2017")}
    assert sr.DEFAULT_SITING_RULES == "jianbiao152_2017"
    assert rules["hazard_setback"].distance_m == 300.0  # 第十五条三: 一般不宜小于300 m (2011: 200 m)
    assert rules["hazard_upwind"].distance_m == 600.0 and rules["hazard_upwind"].half_angle_deg == 45.0
    assert rules["crowded_exit_setback"].distance_m == 50.0  # 第十五条二: 不应小于50 m
    for rule in rules.values():
        assert "建标152-2017" in rule.source and "第十五条" in rule.source
    setback = rules["hazard_setback"]
    assert "200 m" in setback.note_en and "200 m" in setback.note_zh  # the 2011 figure is named beside it
    assert "secondary" in setback.note_en and "转载" in setback.note_zh  # and how far it is verified
    assert setback.cited(True) == f"{setback.source}；{setback.note_zh}"
    assert setback.cited(False) == f"{setback.source}; {setback.note_en}"
    assert rules["crowded_exit_setback"].cited(True) == rules["crowded_exit_setback"].source  # no note


def test_rule_sources_are_citations_and_notes_speak_their_language():
    for rules in sr.SITING_RULE_SETS.values():
        for rule in rules:
            assert not re.search(r"[A-Za-z]{3,} [A-Za-z]{3,}", rule.source), rule.source  # no English prose
            assert not re.search(r"[A-Za-z]{3,} [A-Za-z]{3,}", rule.note_zh), rule.note_zh
            assert bool(rule.note_zh) == bool(rule.note_en)


def test_gb_51080_2015_rules_pinned():
    rules = {r.rule_id: r for r in sr.siting_rules("gb51080_2015")}
    assert rules["hazard_setback"].distance_m == 200.0  # §4.1.5-3: 不应小于200 m
    assert rules["hazard_upwind"].distance_m == 400.0 and rules["hazard_upwind"].half_angle_deg == 45.0
    assert rules["crowded_exit_setback"].distance_m == 50.0  # §4.1.5-2
    for rule in rules.values():
        assert "GB 51080-2015" in rule.source and "4.1.5" in rule.source


def test_frontage_road_classes_pinned():
    # GB 51080-2015 §4.1.5-1 主、次干路 → this plugin's trunk, primary (主干路) and secondary (次干路)
    assert sr.FRONTAGE_ROAD_CLASSES == ("trunk", "primary", "secondary")
    assert "4.1.5" in sr.FRONTAGE_SOURCE and "主、次干路" in sr.FRONTAGE_SOURCE and "第十五条" in sr.FRONTAGE_SOURCE


def test_rule_set_validation():
    with pytest.raises(ValueError):
        sr.siting_rules("no_such_set")
    with pytest.raises(ValueError):
        sr.siting_rules([sr.SitingRule("x", "hazard_setback", "", "", -1.0, "")])
    with pytest.raises(ValueError):
        sr.siting_rules([sr.SitingRule("x", "hazard_downwind", "", "", 100.0, "")])  # no angle
    one = sr.SitingRule("school", "crowded_exit_setback", "", "", 80.0, "local rule")
    with pytest.raises(ValueError):
        sr.siting_rules([one, one])
    assert sr.siting_rules([one]) == (one,)


# ------------------------------------------------------------------ setbacks (distance ≥ setback passes)


def test_hazard_setback_300_m_boundary_included():
    hazard = _points((0, 0))
    candidates = _points((100, 0), (299.99, 0), (300, 0), (0, 300.01), (0, -1000))
    result = filter_candidates(candidates, hazard_units=hazard)  # no wind: the upwind rule is skipped
    assert result.violations["hazard_setback"].tolist() == [True, True, False, False, False]
    assert result.kept.tolist() == [False, False, True, True, True]
    assert result.removed_by_rule == {"hazard_setback": 2}  # only the rules applied are counted
    assert result.skipped_rules == ("hazard_upwind", "crowded_exit_setback")
    assert result.missing_inputs == {"hazard_upwind": ("wind_from_deg",), "crowded_exit_setback": ("crowded_places",)}


def test_hazard_polygon_distance_from_its_outline_and_inside():
    # a 100 m square unit [0, 100]²: (50, 50) is inside (0 m); (400, 50) is 300 m from its east side;
    # (350, 350) is √(250² + 250²) = 353.6 m from its corner (100, 100); (300, 300) is 282.8 m
    unit = [shapely.box(0, 0, 100, 100)]
    candidates = _points((50, 50), (400, 50), (350, 350), (300, 300), (399, 50))
    result = filter_candidates(candidates, hazard_units=unit)
    assert result.violations["hazard_setback"].tolist() == [True, False, False, True, True]


def test_crowded_exit_setback_50_m_and_gb_51080_set():
    exits = _points((0, 0), (1000, 0))
    candidates = _points((50, 0), (49.9, 0), (1000, 30), (500, 0))
    result = filter_candidates(candidates, crowded_places=exits)
    assert result.kept.tolist() == [True, False, False, True]
    assert result.removed_by_rule == {"crowded_exit_setback": 2}
    assert result.skipped_rules == ("hazard_setback", "hazard_upwind")
    # GB 51080-2015: 200 m from hazards; a candidate 250 m away passes there but not under 建标152-2017
    far = _points((250, 0))
    assert filter_candidates(far, hazard_units=_points((0, 0)), rules="gb51080_2015").kept.tolist() == [True]
    assert filter_candidates(far, hazard_units=_points((0, 0))).kept.tolist() == [False]


def test_empty_inputs_apply_rules_and_remove_nothing():
    result = filter_candidates(_points((0, 0)), hazard_units=[], crowded_places=[], wind_from_deg=0)
    assert result.kept.tolist() == [True] and result.skipped_rules == ()
    assert result.removed_by_rule == {"hazard_setback": 0, "hazard_upwind": 0, "crowded_exit_setback": 0}
    empty = filter_candidates(np.array([], dtype=object), hazard_units=_points((0, 0)), wind_from_deg=90)
    assert empty.kept.shape == (0,) and empty.removed == 0


# ------------------------------------------------------------------ upwind / crosswind


def test_downwind_sector_of_a_point_unit_wind_from_north():
    # wind FROM 0° (north) blows towards 180°: the refused sector is bearings 135°–225° out to 600 m.
    hazard = _points((0, 0))
    cases = [  # (distance, bearing from the unit, refused by the upwind rule?)
        (500, 180, True),    # straight downwind, 500 < 600
        (599.9, 180, True),
        (600, 180, False),   # exactly the sector's reach passes
        (700, 180, False),   # beyond the reach
        (500, 224, True),    # 44° off downwind: inside the ±45° sector
        (500, 226, False),   # 46° off: crosswind
        (500, 136, True),
        (500, 134, False),
        (500, 90, False),    # crosswind (east)
        (500, 270, False),   # crosswind (west)
        (500, 0, False),     # upwind
    ]
    candidates = _points(*[_at_bearing(d, b) for d, b, _ in cases])
    result = filter_candidates(candidates, hazard_units=hazard, wind_from_deg=0.0)
    assert result.violations["hazard_upwind"].tolist() == [refused for _, _, refused in cases]
    # every one of them is ≥ 300 m away, so the setback removes none
    assert result.removed_by_rule["hazard_setback"] == 0


@pytest.mark.parametrize("wind_from, downwind_xy, upwind_xy", [
    (90.0, (-500, 0), (500, 0)),      # east wind: downwind is west
    (450.0, (-500, 0), (500, 0)),     # 450° is 90°
    (-90.0, (500, 0), (-500, 0)),     # −90° is 270°, a west wind: downwind is east
    (225.0, _at_bearing(500, 45), _at_bearing(500, 225)),  # south-west wind blows to the north-east
])
def test_downwind_sector_follows_the_wind(wind_from, downwind_xy, upwind_xy):
    result = filter_candidates(_points(downwind_xy, upwind_xy), hazard_units=_points((0, 0)), wind_from_deg=wind_from)
    assert result.violations["hazard_upwind"].tolist() == [True, False]


def test_downwind_sector_of_a_polygon_unit_is_swept_over_the_whole_unit():
    # unit [0, 100]², wind from north (downwind 180°), reach 600 m, ±45°.
    # (50, −550): 550 m due south of the south side → refused.
    # (50, −650): 650 m from the unit → passes.
    # (480, −300): seen from corner (100, 100) the offset is (380, −400): bearing 180° − 43.5° = 136.5°,
    #   inside the sector, at 551.7 m → refused (from the nearest corner (100, 0) it would look 128.3°).
    # (520, −300): from (100, 100) the offset (420, −400) is at 133.6°, from (100, 0) (420, −300) at 125.5°:
    #   no point of the unit sees it within ±45° of downwind → crosswind, passes (516 m > 300 m setback).
    unit = [shapely.box(0, 0, 100, 100)]
    candidates = _points((50, -550), (50, -650), (480, -300), (520, -300))
    result = filter_candidates(candidates, hazard_units=unit, wind_from_deg=0.0)
    assert result.violations["hazard_upwind"].tolist() == [True, False, True, False]
    assert result.kept.tolist() == [False, True, False, True]


def test_removed_counts_overlap_between_rules():
    # (0, −100): 100 m due south of the unit with a north wind: breaks the setback AND the upwind rule
    result = filter_candidates(_points((0, -100), (0, 400)), hazard_units=_points((0, 0)), wind_from_deg=0,
                               crowded_places=_points((0, -120)))
    assert result.removed_by_rule == {"hazard_setback": 1, "hazard_upwind": 1, "crowded_exit_setback": 1}
    assert result.removed == 1 and result.kept.tolist() == [False, True]


def test_bad_inputs_are_named():
    with pytest.raises(InputError) as error:
        filter_candidates([shapely.Point(0, 0), shapely.LineString([(0, 0), (1, 1)])], hazard_units=[])
    assert "feature fid 1" in str(error.value)
    with pytest.raises(InputError):
        filter_candidates([shapely.Point(0, 0), None], hazard_units=[])
    with pytest.raises(InputError):
        filter_candidates(_points((0, 0)), hazard_units=[shapely.Point()])
    with pytest.raises(InputError):
        filter_candidates(_points((0, 0)), hazard_units=[], wind_from_deg="north")


# ------------------------------------------------------------------ a filtered candidate is never chosen


def test_a_candidate_100_m_from_a_major_hazard_unit_is_never_chosen():
    # three candidates on a line; c1 (100 m from the hazard unit at (1000, 100)) covers the most demand.
    candidates = _points((0, 0), (1000, 0), (2000, 0))
    hazard = _points((1000, 100))
    coverage = sparse.csr_matrix(np.array([  # demand 0..3, c1 reaches all four
        [1, 1, 0], [0, 1, 0], [0, 1, 0], [0, 1, 1]], dtype=bool))
    weights = np.array([10.0, 40.0, 40.0, 10.0])
    unfiltered = solve_mclp(coverage, weights, None, 1)
    assert unfiltered.chosen.tolist() == [1]  # without the rule it would be the best site
    kept = filter_candidates(candidates, hazard_units=hazard).kept
    assert kept.tolist() == [True, False, True]
    columns = np.flatnonzero(kept)
    filtered = solve_mclp(coverage[:, columns], weights, None, 2)
    chosen = columns[filtered.chosen]
    assert 1 not in chosen.tolist() and sorted(chosen.tolist()) == [0, 2]
    assert filtered.total_gain == 20.0
