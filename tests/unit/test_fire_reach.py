"""core.fire_reach: standards tables and hand-worked reach analyses."""
import numpy as np
import pytest
import shapely

from riskatlas.core import fire_reach as fr
from riskatlas.core import roads
from riskatlas.core.fire_reach import cell_apportion, land_rule
from riskatlas.core.fire_reach import edges as reach_edges
from riskatlas.core.fire_reach.disc_filters import TileFilters
from riskatlas.core.fire_reach.grid import EMPTY, LandGrid
from riskatlas.core import network as nw
from riskatlas.core.errors import InputError
from riskatlas.core.standards import fire_stations as fs


# ------------------------------------------------------------------ standards data (pinned)

@pytest.mark.parametrize("code, km2", [("special", 7.0), ("class1", 7.0), ("class2", 4.0), ("small", 2.0),
                                       ("suburban", 15.0)])
def test_class_limits_jianbiao_152_2017_and_gb_51080(code, km2):
    # 建标152-2017 第十四条 / GB 51080-2015 §4.1: 一级 7, 二级 4, 小型 2, 郊区 15 km²; 特勤 as 一级
    assert fr.CLASS_LIMIT_BY_CODE[code].max_district_km2 == km2
    assert "152-2017" in fr.CLASS_LIMIT_BY_CODE[code].source


def test_class_limit_lookup_aliases_and_suburban_flag():
    assert fr.class_limit_km2("class1") == 7.0 and fr.class_limit_km2("class2", suburban=True) == 15.0
    assert fr.class_limit_km2("一级") is None  # codes only: values as written go through the code table
    codes, limits = fr.class_limits(["一级", "二级站", "Small", "class2", "unknown", None, "郊区站", "特勤消防站"],
                                    [False, False, False, True, False, False, False, False])
    assert codes.tolist() == ["class1", "class2", "small", "class2", None, None, None, "special"]
    assert limits[:4].tolist() == [7.0, 4.0, 2.0, 15.0] and np.isnan(limits[4:6]).all()
    assert limits[6:].tolist() == [15.0, 7.0]  # a class cell saying 郊区站 is the suburban limit
    assert fr.TIME_RULE_MIN == 5.0 and fr.TURNOUT_CONVENTION_MIN == 1.0


def test_speed_preset_60_50_40():
    preset = fr.SPEED_PRESETS["urban_60_50_40"]
    assert preset.speeds_kmh == {"expressway": 60.0, "trunk": 60.0, "primary": 50.0, "secondary": 50.0,
                                 "tertiary": 40.0, "local": 40.0}
    assert preset.other_kmh == 40.0


def test_road_speeds_precedence_and_bad_values():
    speeds, counts = fr.road_speeds(4, [80.0, None, None, None], ["local", "primary", "track", None],
                                    default_speed=30.0)
    # field first, then the class preset (unknown class = "other" 40), then the default
    np.testing.assert_allclose(speeds, [80.0, 50.0, 40.0, 30.0])
    assert counts == {"field": 1, "maxspeed": 0, "class": 2, "default": 1, "left_out": 0}
    speeds, _ = fr.road_speeds(2, default_speed=25.0)
    np.testing.assert_allclose(speeds, [25.0, 25.0])
    with pytest.raises(InputError) as error:
        fr.road_speeds(3, [50.0, 0.0, -5.0], layer="roads", speed_field="speed_kmh", fids=[7, 8, 9])
    assert "fid 8, fid 9" in str(error.value) and "speed_kmh" in str(error.value) and "roads" in str(error.value)
    with pytest.raises(InputError):
        fr.road_speeds(1, ["fast"])


def test_direction_codes():
    codes, unknown = fr.direction_codes(["forward", "backward", "both", None, "x"])
    assert list(codes) == [nw.FORWARD, nw.BACKWARD, nw.BOTH, nw.BOTH, nw.BOTH] and unknown == 2
    codes, _ = fr.direction_codes(["1", "-1"], value_forward="1", value_backward="-1", value_both="0")
    assert list(codes) == [nw.FORWARD, nw.BACKWARD]
    # a layer's own coding wins over the code table ("1" is yes = forward there; here it means both)
    codes, unknown = fr.direction_codes(["1", "2", "3"], value_forward="2", value_backward="3", value_both="1")
    assert list(codes) == [nw.BOTH, nw.FORWARD, nw.BACKWARD] and unknown == 0
    # as bureaus write it, through the code table
    codes, unknown = fr.direction_codes(["双向", "单行", "是", "否", "逆向", "yes", "-1", "潮汐"])
    assert list(codes) == [nw.BOTH, nw.FORWARD, nw.FORWARD, nw.BOTH, nw.BACKWARD, nw.FORWARD, nw.BACKWARD,
                           nw.BOTH] and unknown == 0  # 潮汐 (tidal): driven both ways, counted as reversible
    assert roads.read_directions(["潮汐", "reversible", "单行"]).reversible == 2


# ------------------------------------------------------------------ hand-worked analyses

ROAD = shapely.LineString([(0, 0), (10_000, 0)])  # 60 km/h: 1 km per minute
STUDY = shapely.box(-1000, -1000, 11_000, 1000)


def run_straight_road(**kwargs):
    stations = shapely.points([(2000, 50), (8000, -50), (5000, 5000)])
    args = dict(roads=[ROAD], speeds_kmh=[60.0], oneway=[0], stations=stations, station_ids=["A", "B", "C"],
                turnout=[1.0, 0.0, 1.0], station_classes=["class2", "small", "class1"], study_area=STUDY)
    args.update(kwargs)
    return fr.fire_station_reach(**args)


def test_two_stations_split_a_road_at_the_equal_time_point():
    # A at x=2000 (turnout 1), B at x=8000 (turnout 0): 1 + (x-2000)/1000 = (8000-x)/1000 -> x = 4500
    result = run_straight_road()
    edges = result.edges.set_index("station_id")
    assert edges.loc["A", "length_m"] == pytest.approx(4500)
    assert edges.loc["B", "length_m"] == pytest.approx(5500)
    assert edges.loc["A", "arrival_min"] == pytest.approx(3.5)  # the meeting point
    assert edges.loc["B", "arrival_min"] == pytest.approx(3.5)
    assert edges.loc["A", "entry_min"] == pytest.approx(1.0)
    a_line = edges.loc["A", "geometry"]
    assert shapely.bounds(a_line)[2] == pytest.approx(4500)


def test_time_limit_cuts_roads_exactly_and_turnout_counts():
    # limit 2 min: A (turnout 1) drives 1 km each way: 1000..3000; B: 6000..10000
    result = run_straight_road(options=fr.ReachOptions(time_limit=2.0))
    edges = result.edges.set_index("station_id")
    assert edges.loc["A", "length_m"] == pytest.approx(2000)
    assert edges.loc["B", "length_m"] == pytest.approx(4000)
    assert edges.loc["A", "arrival_min"] == pytest.approx(2.0)
    np.testing.assert_allclose(shapely.bounds(edges.loc["A", "geometry"])[[0, 2]], [1000, 3000])


def test_station_far_off_the_network_is_listed_and_left_out():
    result = run_straight_road()
    assert any("C 5000 m" in w for w in result.warnings)
    areas = result.areas.set_index("station_id")
    assert not areas.loc["C", "on_network"] and areas.loc["C", "reach_km2"] == 0
    assert areas.loc["C", "snap_dist_m"] == pytest.approx(5000)


def test_areas_districts_and_residents_on_the_straight_road():
    population = [shapely.box(0, -100, 10_000, 100)]
    result = run_straight_road(population=population, residents=[10_000.0])
    areas = result.areas.set_index("station_id")
    cell = result.stats["cell_m"]
    # land within 200 m of A's road (x -200..4500): 4500 × 400 + half disc π·200²/2 at the road's end
    expect_a = (4500 * 400 + np.pi * 200**2 / 2) / 1e6
    expect_b = (5500 * 400 + np.pi * 200**2 / 2) / 1e6
    # the grid's resolution (25 m cells) along the 2 × 4.7 km outline: ≤ 3 %
    assert areas.loc["A", "reach_km2"] == pytest.approx(expect_a, rel=0.03)
    assert areas.loc["B", "reach_km2"] == pytest.approx(expect_b, rel=0.03)
    a, b = areas.loc["A", "geometry"], areas.loc["B", "geometry"]
    assert shapely.area(shapely.intersection(a, b)) == pytest.approx(0, abs=1e-6)
    assert shapely.bounds(a)[2] == pytest.approx(4500, abs=cell)  # split where they meet
    # no time limit: the study area splits at x = 4500: 5.5 km × 2 km and 6.5 km × 2 km
    assert areas.loc["A", "district_km2"] == pytest.approx(11.0, rel=0.01)
    assert areas.loc["B", "district_km2"] == pytest.approx(13.0, rel=0.01)
    assert bool(areas.loc["A", "exceeds_limit"]) and areas.loc["A", "class_limit_km2"] == 4.0
    assert areas.loc["A", "district_in_time_pct"] == pytest.approx(100 * expect_a / 11.0, rel=0.03)
    # residents spread evenly along x: 45 % / 55 %
    assert areas.loc["A", "residents"] == pytest.approx(4500, rel=0.01)
    assert areas.loc["B", "residents"] == pytest.approx(5500, rel=0.01)
    # gaps: the rest of the study area, holding no residents
    assert result.gaps["area_km2"].sum() == pytest.approx(24.0 - expect_a - expect_b, rel=0.02)
    assert result.gaps["residents"].sum() == pytest.approx(0, abs=1)
    summary = result.summary.set_index("station_id")
    assert summary.loc["ALL", "residents_in_time"] == pytest.approx(10_000, rel=0.01)
    assert summary.loc["ALL", "residents_in_time_pct"] == pytest.approx(100, rel=0.01)


def test_earlier_arrival_wins_where_access_zones_overlap():
    # two unconnected parallel roads 300 m apart: A drives east from x=0 on y=0, B west from
    # x=4000 on y=300. Land between them is within 200 m of both. At x=1000 A passes first
    # (≈0.87 min vs ≈2.87), at x=3000 B does: the earlier arrival wins whichever road is nearer.
    roads = [shapely.LineString([(0, 0), (4000, 0)]), shapely.LineString([(0, 300), (4000, 300)])]
    result = fr.fire_station_reach(roads, [60.0, 60.0], [0, 0], shapely.points([(0, 0), (4000, 300)]),
                                   ["A", "B"], [0.0, 0.0], study_area=shapely.box(-500, -500, 4500, 800))
    areas = result.areas.set_index("station_id")
    a, b = areas.loc["A", "geometry"], areas.loc["B", "geometry"]
    assert a.contains(shapely.Point(1000, 180))  # nearer B's road, reached first by A
    assert b.contains(shapely.Point(3000, 120))  # nearer A's road, reached first by B
    assert a.contains(shapely.Point(1000, -150)) and b.contains(shapely.Point(3000, 450))
    assert shapely.area(shapely.intersection(a, b)) == pytest.approx(0, abs=1e-6)


def test_one_way_street_changes_the_reach():
    roads = [shapely.LineString([(0, 0), (3000, 0)]), shapely.LineString([(3000, 0), (6000, 0)])]
    both = fr.fire_station_reach(roads, [60.0, 60.0], [0, 0], shapely.points([(3000, 0)]), ["A"], [0.0])
    forward_only = fr.fire_station_reach(roads, [60.0, 60.0], [nw.FORWARD, 0], shapely.points([(3000, 0)]),
                                         ["A"], [0.0])
    assert both.edges["length_m"].sum() == pytest.approx(6000)
    # the street west of A runs only eastwards (towards A): A cannot drive it
    assert forward_only.edges["length_m"].sum() == pytest.approx(3000)


def test_targets_arrival_and_coverage():
    targets = [("enterprises", shapely.points([(1000, 100), (9900, 900)]), ["E1", "E2"])]
    result = run_straight_road(targets=targets)
    t = result.targets.set_index("target_id")
    # E1: road points within 200 m: x in 1000 ± 173.2; A (at 2000, turnout 1) earliest at 1173.2
    assert t.loc["E1", "arrival_min"] == pytest.approx(1 + (2000 - (1000 + np.sqrt(200**2 - 100**2))) / 1000)
    assert t.loc["E1", "station_id"] == "A" and bool(t.loc["E1", "covered"])
    # E2 is 900 m from the road: beyond the access distance
    assert np.isnan(t.loc["E2", "arrival_min"]) and not bool(t.loc["E2", "covered"])
    summary = result.summary.set_index("station_id")
    assert summary.loc["A", "enterprises_covered"] == 1 and summary.loc["ALL", "enterprises_total"] == 2


def test_bad_input():
    with pytest.raises(InputError):
        fr.fire_station_reach([], [], [], shapely.points([(0, 0)]), ["A"], [0.0])
    with pytest.raises(InputError):
        fr.fire_station_reach([ROAD], [60.0], [0], np.array([], dtype=object), [], [])
    with pytest.raises(InputError) as error:
        fr.fire_station_reach([ROAD], [60.0], [0], shapely.points([(0, 5000)]), ["A"], [0.0])
    assert "SNAP_TOLERANCE" in str(error.value)
    with pytest.raises(InputError):
        fr.fire_station_reach([ROAD], [60.0], [0], shapely.points([(0, 0)]), ["A"], [-1.0])


def test_disconnected_network_part_is_reported():
    roads = [ROAD, shapely.LineString([(0, 5000), (1000, 5000)])]
    result = fr.fire_station_reach(roads, [60.0, 60.0], [0, 0], shapely.points([(0, 0)]), ["A"], [0.0])
    assert any("not connected" in w and "1.0 km" in w for w in result.warnings)


# ------------------------------------------------------------------ fast paths against references

def line_merge_reference(net, parts, n_stations):
    """Each (road, station) group's pieces merged by shapely.line_merge, as MultiLineStrings,
    in the order of (road, station) — the plain construction the fast one must reproduce."""
    key = net.edge_line[parts.edge] * (n_stations + 1) + parts.source
    order = np.argsort(key, kind="stable")
    uniq = np.unique(key)
    pieces = parts.lines(net)[order]
    merged = shapely.line_merge(shapely.multilinestrings(pieces, indices=np.searchsorted(uniq, key[order])))
    return np.array([shapely.multilinestrings(shapely.get_parts(g)) for g in merged], dtype=object)


def test_edges_frame_geometry_is_the_line_merge_of_the_pieces():
    import pandas as pd

    roads = [shapely.LineString([(0, 0), (300, 10), (600, 0), (900, 20), (1200, 0)]),  # a plain road
             shapely.LineString([(0, 500), (400, 500), (400, 900), (0, 900), (0, 500)]),  # a closed ring
             shapely.MultiLineString([[(1200, 0), (1500, 0)], [(1500, 0), (1800, 100)]]),  # parts touching
             shapely.LineString([(600, 0), (600, -400), (900, -400), (900, 20)]),  # a loop back to the road
             shapely.LineString([(-2000, 0), (-1000, 0), (-500, 0), (0, 0)])]  # long, cut by the limit
    net = nw.build_network(roads, speeds_kmh=[30.0, 20.0, 40.0, 25.0, 60.0])
    loc = nw.locate(net, [(150, 5), (200, 500), (1650, 50), (-1500, 0)], max_distance=50)
    ids = np.array(["S1", "S2", "S3", "S4"], dtype=object)
    for limit in (0.4, 1.0, 3.0, None):
        res = nw.search(net, loc, offsets=[0.0, 0.1, 0.2, 0.3])
        parts = nw.reached_parts(res, limit=limit)
        frame = reach_edges.edges_frame(net, parts, ids)
        expected = line_merge_reference(net, parts, len(ids))
        assert len(frame) == len(expected)
        assert list(shapely.to_wkb(frame.geometry.values)) == list(shapely.to_wkb(expected))
        lengths = parts.length(net)
        key = net.edge_line[parts.edge] * (len(ids) + 1) + parts.source
        by_group = pd.DataFrame({"k": key, "len": lengths}).groupby("k")["len"].sum().to_numpy()
        assert np.array_equal(frame["length_m"].to_numpy(), by_group)  # the same summation, bit for bit


def test_group_sums_are_pandas_sums_bit_for_bit():
    import pandas as pd

    rng = np.random.default_rng(5)
    sizes = np.concatenate([rng.integers(1, 6, 300), rng.integers(60, 200, 20), [1, 64, 65]])
    values = rng.random(sizes.sum()) * 10.0 ** rng.uniform(-3, 5, sizes.sum())
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    expected = pd.Series(values).groupby(np.repeat(np.arange(len(sizes)), sizes)).sum().to_numpy()
    assert np.array_equal(reach_edges._group_sums(values, starts), expected)


def test_disc_filters_match_a_brute_force_disc():
    rng = np.random.default_rng(9)
    grid = np.where(rng.random((40, 37)) < 0.05, rng.integers(0, 1 << 40, (40, 37)), EMPTY)
    h, w = grid.shape
    tile_filters = TileFilters((45, 50), 9)
    for r in (0.0, 1.0, 2.5, 3.7071, 8.0, 7.2929, 8.7071):
        expected = np.full(grid.shape, EMPTY)
        for dy in range(-int(r), int(r) + 1):
            for dx in range(-int(r), int(r) + 1):
                if dx * dx + dy * dy <= r * r + 1e-9:
                    shifted = np.full(grid.shape, EMPTY)
                    shifted[max(0, -dy):h - max(0, dy), max(0, -dx):w - max(0, dx)] = \
                        grid[max(0, dy):h - max(0, -dy), max(0, dx):w - max(0, -dx)]
                    expected = np.minimum(expected, shifted)
        assert np.array_equal(land_rule.disc_min(grid, r), expected), r
        assert np.array_equal(land_rule.disc_any(grid < EMPTY, r, {}), expected < EMPTY), r
        # the tiles' filters: buffers larger than the grid, one instance reused for every radius
        widths = land_rule.disc_widths(r)
        rows = tile_filters.horizontal_min(grid, set(widths))
        assert np.array_equal(tile_filters.disc_min(rows, widths), expected), r
        spread = tile_filters.road_within(rows, set(widths))
        assert np.array_equal(tile_filters.disc_any(spread, widths), expected < EMPTY), r
        rows, cols = np.nonzero(rng.random(grid.shape) < 0.1)
        assert np.array_equal(land_rule.disc_min_at(LandGrid(0.0, 0.0, 1.0, grid.shape), grid, r, rows, cols),
                              expected[rows, cols])


def test_study_area_mask_and_apportioning_fast_paths_match_the_point_tests():
    # a study area that is not a box (block test) and population polygons that are boxes
    # (found by bounds) or not (point tests): the same cells and the same sums as testing
    # every cell centre with shapely.contains_xy
    study = shapely.Polygon([(0, 0), (3000, 0), (3000, 1000), (1500, 2500), (0, 1000)],
                            [[(1000, 400), (1600, 400), (1600, 800), (1000, 800)]])
    grid = LandGrid.for_area(study, 200.0, fr.ReachOptions(cell_m=25.0))
    xs, ys = grid.centres()
    gx, gy = np.meshgrid(xs, ys)
    assert np.array_equal(grid.inside(study), shapely.contains_xy(study, gx, gy))
    polygons = np.array([shapely.box(100, 100, 900, 700), shapely.box(2000, 50, 2012.5, 60),  # one holds no centre
                         shapely.Polygon([(1200, 1200), (1700, 1700), (1200, 2200), (700, 1700)]),  # rotated
                         shapely.box(12.5, 12.5, 112.5, 112.5),  # edges through cell centres: those are out
                         None, shapely.Polygon()], dtype=object)
    values = np.array([1000.0, 7.0, 300.0, 50.0, 5.0, 9.0])
    assert list(cell_apportion._rectangles(polygons)) == [True, True, False, True, False, False]
    degenerate = shapely.Polygon([(0, 0), (10, 0), (0, 0), (0, 10), (0, 0)])  # corners only, no area
    assert not cell_apportion._rectangles(np.array([degenerate], dtype=object))[0]
    got = cell_apportion.apportion_to_cells(grid, polygons, values)
    expected = np.zeros(grid.shape)
    lost = []
    for k in (0, 1, 2, 3):
        inside = shapely.contains_xy(polygons[k], gx, gy)
        if inside.sum():
            expected += inside * (values[k] / inside.sum())
        else:
            lost.append(k)
    for k in lost:
        x, y = shapely.get_coordinates(shapely.point_on_surface(polygons[k]))[0]
        expected[int((y - grid.y0) // grid.cell), int((x - grid.x0) // grid.cell)] += values[k]
    assert np.array_equal(got, expected)
    assert got.sum() == pytest.approx(1357.0)


def test_districts_in_a_second_thread_give_the_same_result():
    population = [shapely.box(0, -100, 10_000, 100)]
    results = [run_straight_road(population=population, residents=[10_000.0],
                                 options=fr.ReachOptions(parallel=parallel)) for parallel in (False, True)]
    for column in ("reach_km2", "residents", "district_km2", "district_in_time_pct", "district_residents"):
        assert np.array_equal(results[0].areas[column].to_numpy(), results[1].areas[column].to_numpy(),
                              equal_nan=True), column
    wkb = [list(shapely.to_wkb(r.areas.geometry.values)) for r in results]
    assert wkb[0] == wkb[1]


# ------------------------------------------------------------------ time bands, districts when wanted, tiles

def test_time_bands_on_the_straight_road():
    # A (x=2000, turnout 1) and B (x=8000, turnout 0) at 1 km/min meet at x=4500 (3.5 min):
    # A: [1,2) x 1000..3000; [2,3) 0..1000 and 3000..4000; [3,4) 4000..4500
    # B: [0,1) 7000..9000; [1,2) 6000..7000 and 9000..10000; [2,3) 5000..6000; [3,4) 4500..5000
    result = run_straight_road(options=fr.ReachOptions(band_min=1.0))
    bands = result.edge_bands
    got = {(r.station_id, r.band_from_min, r.band_to_min): r.length_m for r in bands.itertuples()}
    expected = {("A", 1.0, 2.0): 2000, ("A", 2.0, 3.0): 2000, ("A", 3.0, 4.0): 500,
                ("B", 0.0, 1.0): 2000, ("B", 1.0, 2.0): 2000, ("B", 2.0, 3.0): 1000, ("B", 3.0, 4.0): 500}
    assert set(got) == set(expected)
    for key, length in expected.items():
        assert got[key] == pytest.approx(length)
    a2 = bands[(bands.station_id == "A") & (bands.band_from_min == 2.0)].geometry.iloc[0]
    assert a2.geom_type == "MultiLineString" and len(a2.geoms) == 2  # two separate stretches
    assert sorted(tuple(np.round(shapely.bounds(g)[[0, 2]])) for g in a2.geoms) == [(0, 1000), (3000, 4000)]
    b0 = bands[(bands.station_id == "B") & (bands.band_from_min == 0.0)].geometry.iloc[0]
    assert len(b0.geoms) == 1 and tuple(np.round(shapely.bounds(b0)[[0, 2]])) == (7000, 9000)  # merged
    # the bands hold exactly the per-road output's length
    assert bands["length_m"].sum() == pytest.approx(result.edges["length_m"].sum())


def test_last_band_ends_at_the_time_limit_and_none_without_band_min():
    result = run_straight_road(options=fr.ReachOptions(time_limit=2.5, band_min=2.0))
    assert result.edge_bands["band_to_min"].max() == 2.5
    assert fs.BAND_MIN == 1.0  # the default width (a project choice)
    assert run_straight_road().edge_bands is None
    with pytest.raises(InputError, match="BAND_MIN"):
        run_straight_road(options=fr.ReachOptions(band_min=0.0))


def test_districts_only_when_a_class_limit_asks_for_them():
    population = [shapely.box(0, -100, 10_000, 100)]
    with_classes = run_straight_road(population=population, residents=[10_000.0])
    without = run_straight_road(population=population, residents=[10_000.0], station_classes=None)
    assert with_classes.areas["district_km2"].notna().sum() == 2
    assert without.areas["district_km2"].isna().all() and without.areas["district_residents"].isna().all()
    assert any("districts not computed" in line for line in without.info)
    # what is reached does not depend on the districts: the same areas, gaps and roads
    for column in ("reach_km2", "residents"):
        np.testing.assert_array_equal(with_classes.areas[column].to_numpy(), without.areas[column].to_numpy())
    assert list(shapely.to_wkb(with_classes.areas.geometry.values)) == list(shapely.to_wkb(without.areas.geometry.values))
    assert list(shapely.to_wkb(with_classes.gaps.geometry.values)) == list(shapely.to_wkb(without.gaps.geometry.values))
    assert list(shapely.to_wkb(with_classes.edges.geometry.values)) == list(shapely.to_wkb(without.edges.geometry.values))
    forced = run_straight_road(station_classes=None, options=fr.ReachOptions(compute_districts=True))
    assert forced.areas["district_km2"].notna().sum() == 2


def test_land_rule_on_tiles_is_the_land_rule_on_the_whole_grid(monkeypatch):
    rng = np.random.default_rng(5)
    # a 6 km grid of streets with some diagonal shortcuts, 25 m cells: 300 × 300 cells, more than one tile
    xs = np.arange(0, 6001, 300.0)
    lines = [shapely.LineString([(x, 0), (x, 6000)]) for x in xs] + [shapely.LineString([(0, y), (6000, y)]) for y in xs]
    lines += [shapely.LineString([tuple(rng.uniform(0, 6000, 2)), tuple(rng.uniform(0, 6000, 2))]) for _ in range(30)]
    net = nw.build_network(np.array(lines, dtype=object), np.full(len(lines), 30.0))
    loc = nw.locate(net, np.array([[1000.0, 1200.0], [4500.0, 800.0], [3000.0, 5200.0]]), max_distance=500)
    parts = nw.reached_parts(nw.search(net, loc, offsets=np.ones(3), limit=4.0), limit=4.0)
    grid = LandGrid.for_area(shapely.box(0, 0, 6000, 6000), 200.0, fr.ReachOptions(cell_m=25.0))
    monkeypatch.setattr(land_rule, "TILE", 64)
    tiled = land_rule.earliest_key_within(grid, net, parts, 200.0)
    monkeypatch.setattr(land_rule, "TILE", 10 ** 9)
    whole = land_rule.earliest_key_within(grid, net, parts, 200.0)
    assert grid.shape[0] > 64 and (tiled < EMPTY).any() and (tiled == EMPTY).any()
    np.testing.assert_array_equal(tiled, whole)


def test_many_roads_read_per_distinct_value_as_one_by_one():
    rng = np.random.default_rng(2)
    classes = np.array([" Local", "primary", None, "TRUNK ", "track", "secondary"], dtype=object)[rng.integers(0, 6, 5000)]
    speeds, counts = fr.road_speeds(5000, None, classes)
    preset = fr.SPEED_PRESETS["urban_60_50_40"]
    expected = [preset.speeds_kmh.get(str(c).strip().lower(), preset.other_kmh) if c is not None
                else fs.DEFAULT_SPEED_KMH for c in classes]  # no class: the default speed
    np.testing.assert_array_equal(speeds, expected)
    assert counts["default"] == int(sum(c is None for c in classes))
    words = np.array(["forward", " backward", "both", None, "x"], dtype=object)[rng.integers(0, 5, 5000)]
    codes, unknown = fr.direction_codes(words)
    lookup = {"forward": nw.FORWARD, "backward": nw.BACKWARD}
    np.testing.assert_array_equal(codes, [lookup.get("" if w is None else w.strip(), nw.BOTH) for w in words])
    assert unknown == int(sum(w is None or w == "x" for w in words))
