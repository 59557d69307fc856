"""riskatlas:resourcecoverage in real QGIS: a hand-worked road, the same times as riskatlas:firestationreach
on the same data, the townships adding up, bad input naming layer, feature and field."""
import pytest
from qgis.core import QgsProcessingException, QgsProcessingUtils, QgsVectorLayer

from .conftest import layer_uri
from qgis_helpers import memory_layer

CRS = "crs=EPSG:4549"


def _layer(result, key):
    value = result[key]
    return value if isinstance(value, QgsVectorLayer) else QgsProcessingUtils.mapLayerFromString(value, None)


def _rows(layer, key, *names):
    return {f[key]: tuple(f[n] for n in names) for f in layer.getFeatures()}


def _road_case(turnout=1.0, team_type="防汛抢险"):
    road = memory_layer(f"LineString?{CRS}&field=road_id:string&field=class:string&field=speed_kmh:double",
                        [("LINESTRING(500000 3300000, 520000 3300000)", ["R1", "primary", 60.0])], "道路")
    team = memory_layer(f"Point?{CRS}&field=team_id:string&field=name:string&field=type:string"
                        "&field=turnout_min:double", [("POINT(500000 3300010)", ["T1", "一队", team_type, turnout])],
                        "应急救援队伍")
    targets = memory_layer(f"Point?{CRS}&field=target_id:string&field=name:string&field=category:string"
                           "&field=occupancy:integer",
                           [("POINT(505000 3300100)", ["A", "小学", "学校", 500]),
                            ("POINT(515000 3300000)", ["B", "医院", "hospital", 300])], "重点防护目标")
    towns = memory_layer(f"Polygon?{CRS}&field=town_id:string&field=name:string",
                         [("POLYGON((499500 3299500, 510000 3299500, 510000 3300500, 499500 3300500, 499500 3299500))",
                           ["T1", "西镇"]),
                          ("POLYGON((510000 3299500, 520500 3299500, 520500 3300500, 510000 3300500, 510000 3299500))",
                           ["T2", "东镇"])], "镇街")
    return road, team, targets, towns


def test_a_hand_worked_road(run_algorithm):
    road, team, targets, towns = _road_case()
    result = run_algorithm("riskatlas:resourcecoverage", {
        "RESOURCES": team, "ROADS": road, "STUDY_AREA": towns, "KEY_TARGETS": targets, "TIME_PRESET": 0,
        "TIME_LIMIT": 10, "OUTPUT_AREAS": "memory:", "OUTPUT_GAPS": "memory:", "OUTPUT_TOWNSHIPS": "memory:",
        "OUTPUT_TARGETS": "memory:"})
    arrivals = _rows(_layer(result, "OUTPUT_TARGETS"), "target_id", "arrival_min", "covered", "category", "occupancy")
    # 60 km/h = 1 km/min; the earliest road point within 200 m of A is 5000 − √(200² − 100²) m along; 1 min turnout
    assert arrivals["A"][0] == pytest.approx(1 + (5000 - (200 ** 2 - 100 ** 2) ** 0.5) / 1000)
    assert arrivals["B"][0] == pytest.approx(1 + 14.8)
    assert [arrivals[k][1:] for k in "AB"] == [(True, "school", 500), (False, "hospital", 300)]
    towns_out = _rows(_layer(result, "OUTPUT_TOWNSHIPS"), "town_id", "key_targets", "key_targets_left_out",
                      "occupancy_left_out", "resources", "time_limit_min")
    assert towns_out == {"T1": (1, 0, 0, 1, 10), "T2": (1, 1, 300, 0, 10)}
    area = next(_layer(result, "OUTPUT_AREAS").getFeatures())
    assert (area["resource_id"], area["category"], area["resource_kind"]) == ("T1", "flood", "rescue_teams")
    assert area["reach_km2"] == pytest.approx((9000 * 400 + 3.14159 * 200 ** 2) / 1e6, rel=0.01)
    assert result["TIME_LIMIT_USED"] == 10 and result["KEY_TARGETS_LEFT_OUT"] == 1


def test_the_presets_set_limit_and_turnout(run_algorithm):
    road, team, targets, _towns = _road_case(turnout=None)
    common = {"RESOURCES": team, "ROADS": road, "KEY_TARGETS": targets, "OUTPUT_AREAS": "memory:",
              "OUTPUT_GAPS": "memory:", "OUTPUT_TARGETS": "memory:"}
    fire = run_algorithm("riskatlas:resourcecoverage", {**common, "TIME_PRESET": 2})  # fire_5min: 5 min, turnout 1
    assert fire["TIME_LIMIT_USED"] == 5
    arrivals = _rows(_layer(fire, "OUTPUT_TARGETS"), "target_id", "arrival_min")
    assert arrivals["A"][0] == pytest.approx(1 + (5000 - (200 ** 2 - 100 ** 2) ** 0.5) / 1000)
    depots = run_algorithm("riskatlas:resourcecoverage", {**common, "TIME_PRESET": 0, "RESOURCE_KIND": 1})
    assert depots["TIME_LIMIT_USED"] == 60  # depot_60min, loading 0
    arrivals = _rows(_layer(depots, "OUTPUT_TARGETS"), "target_id", "arrival_min", "covered")
    assert arrivals["B"] == (pytest.approx(14.8), True)


def test_coverage_times_equal_fire_station_reach(run_algorithm, sample_gpkg):
    """The rescue teams as fire stations (same points, ids and turnout) and the key targets as targets:
    firestationreach gives the same arrival at every target and the same reached roads."""
    teams = QgsVectorLayer(layer_uri(sample_gpkg, "rescue_teams"), "teams", "ogr")
    as_stations = memory_layer(f"Point?{CRS}&field=station_id:string&field=name:string&field=turnout_min:double",
                               [(f.geometry().asWkt(), [f["team_id"], f["name"], f["turnout_min"]])
                                for f in teams.getFeatures()], "消防站")
    common = {"ROADS": layer_uri(sample_gpkg, "roads"), "STUDY_AREA": layer_uri(sample_gpkg, "townships"),
              "POPULATION": layer_uri(sample_gpkg, "population"), "TIME_LIMIT": 12, "DEFAULT_TURNOUT": 1,
              "OUTPUT_EDGES": "memory:", "OUTPUT_AREAS": "memory:", "OUTPUT_GAPS": "memory:",
              "OUTPUT_TARGETS": "memory:"}
    ours = run_algorithm("riskatlas:resourcecoverage", {
        **common, "RESOURCES": layer_uri(sample_gpkg, "rescue_teams"), "KEY_TARGETS": layer_uri(sample_gpkg, "key_targets")})
    fire = run_algorithm("riskatlas:firestationreach", {**common, "STATIONS": as_stations, "CLASS_FIELD": "",
                                                        "SUBURBAN_FIELD": "",
                                                        "TARGETS": [layer_uri(sample_gpkg, "key_targets")]})
    ours_targets = _rows(_layer(ours, "OUTPUT_TARGETS"), "target_id", "arrival_min", "resource_id", "covered")
    fire_targets = _rows(_layer(fire, "OUTPUT_TARGETS"), "target_id", "arrival_min", "station_id", "covered")
    assert len(ours_targets) == 309 and ours_targets == fire_targets
    assert sum(1 for v in ours_targets.values() if not v[2]) > 10  # the 12-minute limit leaves some out
    ours_edges = {(f["road_fid"], f["resource_id"]): f["arrival_min"]
                  for f in _layer(ours, "OUTPUT_EDGES").getFeatures()}
    fire_edges = {(f["road_fid"], f["station_id"]): f["arrival_min"]
                  for f in _layer(fire, "OUTPUT_EDGES").getFeatures()}
    assert ours_edges == fire_edges and len(ours_edges) > 1000
    ours_res = _rows(_layer(ours, "OUTPUT_AREAS"), "resource_id", "residents", "reach_km2")
    fire_res = _rows(_layer(fire, "OUTPUT_AREAS"), "station_id", "residents", "reach_km2")
    assert ours_res == fire_res


def test_the_sample_county_townships_add_up(run_algorithm, sample_gpkg):
    uri = lambda name: layer_uri(sample_gpkg, name)  # noqa: E731
    result = run_algorithm("riskatlas:resourcecoverage", {
        "RESOURCES": uri("supply_depots"), "RESOURCE_KIND": 1, "TIME_PRESET": 5, "ROADS": uri("roads"),  # 30 min
        "STUDY_AREA": uri("townships"), "POPULATION": uri("population"), "KEY_TARGETS": uri("key_targets"),
        "OUTPUT_AREAS": "memory:", "OUTPUT_GAPS": "memory:", "OUTPUT_TOWNSHIPS": "memory:"})
    towns = list(_layer(result, "OUTPUT_TOWNSHIPS").getFeatures())
    assert len(towns) == 10 and result["TIME_LIMIT_USED"] == 30
    assert sum(t["residents_left_out"] for t in towns) == pytest.approx(result["RESIDENTS_LEFT_OUT"])
    assert sum(t["residents_reached"] for t in towns) == pytest.approx(result["RESIDENTS_REACHED"])
    assert sum(t["residents"] for t in towns) == pytest.approx(500_000, rel=0.001)
    assert sum(t["resources"] for t in towns) == 19 and sum(t["key_targets"] for t in towns) == 309


def test_bad_input_names_layer_feature_and_field(run_algorithm):
    road, team, targets, _towns = _road_case(turnout=-2.0)
    common = {"ROADS": road, "OUTPUT_AREAS": "memory:", "OUTPUT_GAPS": "memory:"}
    with pytest.raises(QgsProcessingException, match=r"应急救援队伍.*feature T1 \(fid 1\).*turnout_min.*-2 is negative"):
        run_algorithm("riskatlas:resourcecoverage", {**common, "RESOURCES": team})
    _road, unknown, _t, _w = _road_case(team_type="巡逻队")
    with pytest.raises(QgsProcessingException, match=r"feature T1 \(fid 1\).*field 'type'.*巡逻队"):
        run_algorithm("riskatlas:resourcecoverage", {**common, "RESOURCES": unknown})
    _road, team, _t, _w = _road_case()
    bad_targets = memory_layer(f"Point?{CRS}&field=target_id:string&field=category:string&field=occupancy:integer",
                               [("POINT(505000 3300100)", ["A", "school", -5])], "重点防护目标")
    with pytest.raises(QgsProcessingException, match=r"重点防护目标.*feature A \(fid 1\).*occupancy.*-5 is negative"):
        run_algorithm("riskatlas:resourcecoverage", {**common, "RESOURCES": team, "KEY_TARGETS": bad_targets})


def test_a_fire_station_layer_is_refused_as_resources(run_algorithm, sample_gpkg):
    with pytest.raises(QgsProcessingException, match="looks like"):
        run_algorithm("riskatlas:resourcecoverage", {
            "RESOURCES": layer_uri(sample_gpkg, "fire_stations"), "ROADS": layer_uri(sample_gpkg, "roads"),
            "OUTPUT_AREAS": "memory:", "OUTPUT_GAPS": "memory:"})
