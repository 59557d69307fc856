"""Resource coverage (core.resource_coverage), hand-worked on a straight road, and the same times as the
fire-station reach engine; the standards tables it reads (core.standards.emergency_resources)."""
import numpy as np
import pytest
import shapely

from riskatlas.core.fire_reach import ReachOptions, fire_station_reach
from riskatlas.core.resource_coverage import KeyTargets, Resources, Townships, resource_coverage
from riskatlas.core.standards import emergency_resources as er
from riskatlas.core.standards import key_targets as kt

# A 20 km road along y = 0 at 60 km/h (1 km per minute); one team at its west end, turnout 1 min.
ROAD = np.array([shapely.LineString([(0, 0), (20_000, 0)])], dtype=object)
TEAM = Resources(np.array([shapely.Point(0, 10)], dtype=object), np.array(["R1"], dtype=object), np.array([1.0]),
                 names=np.array(["一队"], dtype=object), categories=np.array(["flood"], dtype=object))
TOWNS = Townships(np.array([shapely.box(-500, -500, 10_000, 500), shapely.box(10_000, -500, 20_500, 500)]),
                  np.array(["T1", "T2"], dtype=object), np.array(["西镇", "东镇"], dtype=object))
POPULATION = np.array([shapely.box(-500, -500, 20_500, 500)], dtype=object)  # 21 km² …
RESIDENTS = np.array([21_000.0])  # … one resident per 1000 m²
TARGETS = KeyTargets(np.array([shapely.Point(5_000, 100), shapely.Point(15_000, 0),
                               shapely.box(9_100, -50, 9_300, 50)], dtype=object),
                     np.array(["A", "B", "C"], dtype=object), np.array(["小学", "医院", "市场"], dtype=object),
                     np.array(["school", "hospital", "market"], dtype=object), np.array([500.0, 300.0, 100.0]))
OPTIONS = ReachOptions(time_limit=10.0, access_distance=200.0, parallel=False)


@pytest.fixture(scope="module")
def result():
    return resource_coverage(ROAD, np.array([60.0]), None, TEAM, TOWNS, POPULATION, RESIDENTS, TARGETS, OPTIONS)


def test_arrival_at_the_key_targets(result):
    targets = result.targets.set_index("target_id")
    # the earliest road point within 200 m: A (5000, 100) from x = 5000 − √(200² − 100²); B from 14 800;
    # C (a polygon across the road, from x = 9100) from 8900; plus the 1 min turnout
    assert targets.loc["A", "arrival_min"] == pytest.approx(1 + (5_000 - np.sqrt(200 ** 2 - 100 ** 2)) / 1000)
    assert targets.loc["B", "arrival_min"] == pytest.approx(1 + 14.8)
    assert targets.loc["C", "arrival_min"] == pytest.approx(1 + 8.9)
    assert list(targets["covered"]) == [True, False, True]
    assert list(targets["resource_id"]) == ["R1", "R1", "R1"]
    assert list(targets["occupancy"]) == [500, 300, 100] and list(targets["category"]) == ["school", "hospital",
                                                                                             "market"]


def test_reach_area_and_residents_left_out_per_township(result):
    area = result.areas.iloc[0]
    # 9 km of road reached (10 min − 1 min turnout), land within 200 m of it: 9000 × 400 + π·200² m²
    expected_km2 = (9_000 * 400 + np.pi * 200 ** 2) / 1e6
    assert area["reach_km2"] == pytest.approx(expected_km2, rel=0.01)
    assert area["residents"] == pytest.approx(expected_km2 * 1000, rel=0.01)
    assert (area["key_targets"], area["key_occupancy"]) == (2, 600)
    towns = result.townships.set_index("town_id")
    assert towns.loc["T1", "residents_reached"] == pytest.approx(area["residents"])  # all of it in the west
    assert towns.loc["T2", "residents_reached"] == 0
    assert towns.loc["T2", "residents_left_out"] == pytest.approx(10_500, rel=0.01)
    assert towns.loc["T1", "residents_left_out"] == pytest.approx(10_500 - expected_km2 * 1000, rel=0.01)
    # the townships add up to the engine's own totals
    assert towns["residents_left_out"].sum() == pytest.approx(result.gaps["residents"].sum())
    assert towns["residents"].sum() == pytest.approx(area["residents"] + result.gaps["residents"].sum())
    assert list(towns["key_targets"]) == [2, 1] and list(towns["key_targets_left_out"]) == [0, 1]
    assert list(towns["occupancy_left_out"]) == [0, 300] and list(towns["resources"]) == [1, 0]
    assert towns.loc["T1", "reached_pct"] == pytest.approx(100 * area["residents"] / towns.loc["T1", "residents"])
    assert result.gaps["key_targets"].sum() == 1 and result.gaps["key_occupancy"].sum() == 300


def test_the_times_are_the_fire_reach_engine_s(result):
    fire = fire_station_reach(ROAD, np.array([60.0]), None, TEAM.geoms, TEAM.ids, TEAM.turnout,
                              study_area=shapely.union_all(TOWNS.geoms), population=POPULATION, residents=RESIDENTS,
                              targets=[("key_targets", TARGETS.geoms, TARGETS.ids)], options=OPTIONS)
    assert list(fire.targets["arrival_min"]) == list(result.targets["arrival_min"])
    assert list(fire.edges["arrival_min"]) == list(result.edges["arrival_min"])
    assert fire.areas["residents"].iloc[0] == result.areas["residents"].iloc[0]


def test_arrival_at_exactly_the_limit_is_in_time():
    limit = float(np.float64(1) + np.float64(8_900) / (60.0 * 1000 / 60))  # C's arrival, computed as the engine does
    options = ReachOptions(time_limit=limit, access_distance=200.0, parallel=False)
    exact = resource_coverage(ROAD, np.array([60.0]), None, TEAM, TOWNS, None, None, TARGETS, options)
    arrival = exact.targets.set_index("target_id").loc["C", "arrival_min"]
    assert arrival <= limit and exact.targets.set_index("target_id").loc["C", "covered"]
    assert np.isnan(exact.townships["residents"]).all()  # no population: no residents


def test_response_presets_and_code_lists():
    limits = {p.name: (p.kind, p.limit_min, p.turnout_min, p.project_choice) for p in er.RESPONSE_PRESETS}
    assert limits == {"rescue_30min": ("rescue_teams", 31.0, 1.0, False),
                      "fire_5min": ("rescue_teams", 5.0, 1.0, False),
                      "rescue_60min": ("rescue_teams", 60.0, 1.0, True),
                      "depot_60min": ("supply_depots", 60.0, 0.0, True),
                      "depot_30min": ("supply_depots", 30.0, 0.0, True),
                      "depot_county_6h": ("supply_depots", 360.0, 0.0, False)}
    assert er.DEFAULT_PRESET == {"rescue_teams": "rescue_30min", "supply_depots": "depot_60min"}
    assert all(p.source for p in er.RESPONSE_PRESETS)
    for p in er.RESPONSE_PRESETS:  # a project choice says so in the planner's language; a standard is cited as written
        if p.project_choice:
            assert p.cited(True) == "项目设定（未找到国家规定的数值）"
            assert p.cited(False) == "project choice (no national figure found)"
        else:
            assert p.cited(True) == p.cited(False) == p.source
    assert er.RESOURCE_KINDS == ("rescue_teams", "supply_depots")
    assert er.DEPOT_LEVEL_CODES == ("national", "provincial", "municipal", "county", "township", "village")
    assert len(er.TEAM_TYPE_CODES) == len(set(er.TEAM_TYPE_CODES)) == 15
    assert kt.KEY_TARGET_CODES[:4] == ("school", "kindergarten", "hospital", "care_home")
    assert all(source for code, _zh, _en, source in kt.KEY_TARGET_CATEGORIES if code != "other")
