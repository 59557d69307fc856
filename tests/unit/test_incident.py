"""core.incident: rings, shelters' spare capacity and the nearest responders, hand-worked on tiny layers; the
responders' arrival against the reach analysis's target arrival (core.fire_reach) on a tiny network and on the
sample county."""
import math
import os

import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, Point, box

from riskatlas.core import fire_reach as fr
from riskatlas.core import network as nw
from riskatlas.core.errors import InputError
from riskatlas.core.incident import (Counted, NetworkCache, Responders, nearest_responders, parse_rings, ring_table,
                                     spare_capacity)
from riskatlas.core.incident.responders import ResponderOptions

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(ROOT, "sample_data", "sample_county.gpkg")
OPTIONS = ResponderOptions(access_distance=100.0, snap_tolerance=50.0, default_turnout=1.0)


def test_rings_are_parsed_sorted_and_refused_when_not_distances():
    assert parse_rings("3000, 500;1000 500") == (500.0, 1000.0, 3000.0)
    for bad in ("", "500,-1", "a,500", "0", "inf"):
        with pytest.raises(InputError):
            parse_rings(bad)


def test_ring_counts_hand_worked():
    """Incident at (0, 0), rings 500 and 1000 m. Key targets at 300, 500 (on the ring: counts), 800 and 1200 m
    with occupancy 100, 50, empty, 7. Residents: a 100 m square of 1000 people wholly inside 500 m, and a
    half plane x ≥ 0 (10 km × 10 km, 1,000,000 people) of which the 500 m ring holds a half disc:
    1e6 × (π 500² / 2) / 1e8 = 3927.0, the 1000 m ring 15708.0 (the ring drawn as a 128-gon: within 0.05 %)."""
    incident = np.array([Point(0, 0)], dtype=object)
    targets = Counted(np.array([Point(300, 0), Point(0, 500), Point(0, -800), Point(1200, 0)], dtype=object),
                      np.array([100, 50, np.nan, 7.0]))
    population = (np.array([box(200, -50, 300, 50), box(0, -5000, 10000, 5000)], dtype=object),
                  np.array([1000.0, 1e6]))
    table = ring_table(incident, ["I1"], (500.0, 1000.0), population=population, key_targets=targets)
    assert table["ring_m"].tolist() == [500.0, 1000.0]
    assert table["key_targets"].tolist() == [2, 3]
    assert table["key_target_occupancy"].tolist() == [150, 150]
    assert table["residents"][0] == pytest.approx(1000 + 1e6 * math.pi * 500 ** 2 / 2 / 1e8, rel=5e-4)
    assert table["residents"][1] == pytest.approx(1000 + 1e6 * math.pi * 1000 ** 2 / 2 / 1e8, rel=5e-4)
    assert table["enterprises"].isna().all() and table["shelter_spare_capacity"].isna().all()


def test_a_polygon_incident_rings_grow_from_its_outline_and_it_does_not_count_itself():
    """A 100 m square plant: hazard units at 0 m (itself: not counted), touching it, 250 m and 600 m from its
    outline (two substance rows of one unit: it counts once); rings 250 and 500 m."""
    plant = box(0, 0, 100, 100)
    units = Counted(np.array([box(0, 0, 100, 100), box(100, 0, 150, 50), Point(350, 50), Point(350, 50),
                              Point(50, 700)], dtype=object), keys=["P", "U1", "U2", "U2", "U3"])
    enterprises = Counted(np.array([Point(50, 50), Point(50, 349.9)], dtype=object))
    table = ring_table(np.array([plant], dtype=object), ["P"], (250.0, 500.0), hazard_units=units,
                       enterprises=enterprises)
    assert table["hazard_units"].tolist() == [2, 2]
    assert table["enterprises"].tolist() == [2, 2]


def test_shelter_spare_capacity_is_capacity_less_the_residents_assigned():
    """Shelter S1 (fixed_short, 1000 m, capacity 1000) serves alone a block of 300 urban residents 200 m
    away: 700 spare. S2 (capacity 100) is overloaded by the 300 it shares with none beyond 2 km: 0, not
    negative. S3 has no capacity: its area 900 m² ÷ 1.5 m² per person = 600 minus the 300 it serves = 300."""
    shelters = gpd.GeoDataFrame({"type": ["fixed_short"] * 3, "area_m2": [5000.0, 5000.0, 900.0],
                                 "capacity": [1000.0, 100.0, np.nan]},
                                geometry=[Point(0, 0), Point(10000, 0), Point(20000, 0)], index=[1, 2, 3])
    population = gpd.GeoDataFrame({"residents": [300.0, 300.0, 300.0], "urban": [True] * 3},
                                  geometry=[box(190, -10, 210, 10), box(10190, -10, 10210, 10),
                                            box(20190, -10, 20210, 10)])
    spare = spare_capacity(shelters, population, population_field="residents", capacity_field="capacity")
    assert spare.tolist() == pytest.approx([700.0, 0.0, 300.0])
    spare = spare_capacity(shelters, None, population_field="residents", capacity_field="capacity")
    assert spare.tolist() == pytest.approx([1000.0, 100.0, 600.0])


def _tiny_network(vertical_oneway=nw.BOTH):
    """Two roads at 60 km/h (1 min per km): (0,0)→(1000,0) and (1000,0)→(1000,1000)."""
    roads = np.array([LineString([(0, 0), (1000, 0)]), LineString([(1000, 0), (1000, 1000)])], dtype=object)
    return roads, np.array([60.0, 60.0]), np.array([nw.BOTH, vertical_oneway])


def test_arrival_times_hand_worked():
    """Incident at (1000, 500); the road within 100 m of it: the vertical road from y = 400 to 600. Station A at
    (0, 10) (on the road at its start, 10 m off), turnout 1: 1 + 1.0 + 0.4 = 2.4 min. Team B at (990, 900),
    turnout 0.5: 0.5 + 0.3 = 0.8 min. Team C at (500, 0), no turnout (the default 1 min): 1 + 0.5 + 0.4 = 1.9.
    With the vertical road one-way upwards, B cannot come down: not listed."""
    roads, speeds, oneway = _tiny_network()
    incident = np.array([Point(1000, 500)], dtype=object)
    groups = [Responders("fire_stations", np.array([Point(0, 10)], dtype=object), ["A"], [1.0]),
              Responders("rescue_teams", np.array([Point(990, 900), Point(500, 0)], dtype=object), ["B", "C"],
                         [0.5, np.nan])]
    table = nearest_responders(nw.build_network(roads, speeds, oneway), incident, ["I"], groups, 3, OPTIONS)
    got = {row.responder_id: (row.kind, row.rank, row.arrival_min) for row in table.itertuples()}
    assert got["A"][:2] == ("fire_stations", 1) and got["A"][2] == pytest.approx(2.4)
    assert got["B"][:2] == ("rescue_teams", 1) and got["B"][2] == pytest.approx(0.8)
    assert got["C"][:2] == ("rescue_teams", 2) and got["C"][2] == pytest.approx(1.9)
    assert table.set_index("responder_id").loc["B", "distance_m"] == pytest.approx(math.hypot(10, 400))
    roads, speeds, oneway = _tiny_network(nw.FORWARD)
    table = nearest_responders(nw.build_network(roads, speeds, oneway), incident, ["I"], groups, 3, OPTIONS)
    assert "B" not in set(table["responder_id"])


def test_n_nearest_and_no_roads():
    """N_NEAREST 1 keeps the earliest; without a network, the nearest in a straight line (no time)."""
    roads, speeds, oneway = _tiny_network()
    incident = np.array([Point(1000, 500)], dtype=object)
    teams = [Responders("rescue_teams", np.array([Point(990, 900), Point(500, 0)], dtype=object), ["B", "C"],
                        [0.5, np.nan])]
    table = nearest_responders(nw.build_network(roads, speeds, oneway), incident, ["I"], teams, 1, OPTIONS)
    assert table["responder_id"].tolist() == ["B"]
    table = nearest_responders(None, incident, ["I"], teams, 2, OPTIONS)
    assert table["responder_id"].tolist() == ["B", "C"] and table["arrival_min"].isna().all()


def _sample(layer):
    return gpd.read_file(SAMPLE, layer=layer)


def test_fire_stations_arrival_equals_the_reach_analysis_on_the_sample_county():
    """The first fire station at each hazard unit (its polygon and its centroid) arrives when the reach
    analysis says (OUTPUT_TARGETS' arrival and station), and every station's time equals the reach
    analysis run with that station alone."""
    roads, stations, units = _sample("roads"), _sample("fire_stations"), _sample("hazard_sources")
    speeds, _origin = fr.road_speeds(len(roads), roads["speed_kmh"].to_numpy(dtype=object),
                                     roads["class"].to_numpy(dtype=object), preset=fr.DEFAULT_SPEED_PRESET,
                                     default_speed=30.0, layer="roads")
    oneway, _unknown = fr.direction_codes(roads["oneway"].to_numpy(dtype=object), "forward", "backward", "both")
    turnout = stations["turnout_min"].to_numpy(dtype=float)
    places = {"polygons": units.geometry.values, "points": shapely.centroid(units.geometry.values)}
    options = fr.ReachOptions()
    reach = fr.fire_station_reach(roads.geometry.values, speeds, oneway, stations.geometry.values,
                                  stations["station_id"].to_numpy(), turnout, options=options,
                                  targets=[(name, geoms, units["unit_id"].to_numpy())
                                           for name, geoms in places.items()])
    network = nw.build_network(roads.geometry.values, speeds, oneway)
    group = [Responders("fire_stations", stations.geometry.values, stations["station_id"].to_numpy(), turnout)]
    rules = ResponderOptions(options.access_distance, options.snap_tolerance, options.default_turnout)
    for name, geoms in places.items():
        table = nearest_responders(network, geoms, units["unit_id"].to_numpy(), group, len(stations), rules)
        first = table[table["rank"] == 1]
        expected = reach.targets[reach.targets["target_layer"] == name]
        assert first["arrival_min"].to_numpy() == pytest.approx(expected["arrival_min"].to_numpy(), abs=1e-9)
        assert first["responder_id"].tolist() == expected["station_id"].tolist()
    alone = 3  # one station by itself, every unit
    single = fr.fire_station_reach(roads.geometry.values, speeds, oneway, stations.geometry.values[alone:alone + 1],
                                   stations["station_id"].to_numpy()[alone:alone + 1], turnout[alone:alone + 1],
                                   options=options, targets=[("points", places["points"], units["unit_id"])])
    rows = [str(i) for i in range(len(units))]  # (a unit's id is on each of its substances' rows)
    table = nearest_responders(network, places["points"], rows, group, len(stations), rules)
    mine = table[table["responder_id"] == stations["station_id"][alone]].set_index("incident_id")["arrival_min"]
    assert mine.loc[rows].to_numpy() == pytest.approx(single.targets["arrival_min"].to_numpy(), abs=1e-9)


def test_the_cache_builds_once_per_key():
    built = []
    cache = NetworkCache(size=2)
    for key in ("a", "a", "b", "c", "a"):
        cache.get(key, lambda key=key: built.append(key) or key)
    assert built == ["a", "b", "c", "a"] and len(cache) == 2
