"""core.network on hand-worked networks (expected values worked out by hand in the comments)."""
import numpy as np
import pytest
import shapely

from riskatlas.core import network as nw
from riskatlas.core.network import multi_source

V60 = 60.0  # km/h = 1 km/min: 1000 m of road costs 1 minute


def line(*xy):
    return shapely.LineString(xy)


def cross():
    """A: (0,0)-(1000,0)-(2000,0); B: (1000,0)-(1000,1000) sharing the middle vertex."""
    return [line((0, 0), (1000, 0), (2000, 0)), line((1000, 0), (1000, 1000))]


def test_vertices_are_nodes_and_shared_vertices_join():
    net = nw.build_network(cross(), speeds_kmh=[V60, V60])
    assert net.n_nodes == 4 and net.n_edges == 3
    assert net.unit == "min"
    np.testing.assert_allclose(np.sort(net.edge_length), [1000, 1000, 1000])
    np.testing.assert_allclose(net.cost_forward, [1.0, 1.0, 1.0])
    assert nw.components(net)[0] == 1


def test_cost_in_metres_without_speeds_and_40_kmh_minutes():
    net = nw.build_network([line((0, 0), (2000, 0))])
    assert net.unit == "m" and net.cost_forward[0] == pytest.approx(2000)
    net = nw.build_network([line((0, 0), (2000, 0))], speeds_kmh=[40])
    assert net.cost_forward[0] == pytest.approx(3.0)  # 2 km at 40 km/h = 3 min


def test_multipart_lines_split_and_only_touching_parts_join():
    multi = shapely.MultiLineString([[(0, 0), (1000, 0)], [(5000, 0), (6000, 0)]])
    net = nw.build_network([multi, line((1000, 0), (1000, 500))])
    assert net.n_edges == 3
    assert nw.components(net)[0] == 2  # the far part touches nothing
    assert list(net.edge_line) == [0, 0, 1]


def test_node_tolerance_merges_near_vertices_and_drops_zero_length_segments():
    lines = [line((0, 0), (1000, 0)), line((1000.004, 0.003), (1000, 800)), line((0, 0), (0, 0), (0, 300))]
    exact = nw.build_network(lines)
    assert nw.components(exact)[0] == 2
    merged = nw.build_network(lines, node_tolerance=0.01)
    assert nw.components(merged)[0] == 1
    assert merged.n_edges == 3  # the repeated vertex gives no edge
    assert merged.merged_vertices == 1


def test_bad_speeds_are_refused():
    with pytest.raises(ValueError):
        nw.build_network(cross(), speeds_kmh=[60, 0])
    with pytest.raises(ValueError):
        nw.build_network(cross(), speeds_kmh=[60, np.nan])


def test_locate_nearest_point_and_tolerance():
    net = nw.build_network(cross(), speeds_kmh=[V60, V60])
    loc = nw.locate(net, [(500, 10), (1010, 700), (5000, 5000)], max_distance=100)
    assert list(loc.snapped) == [True, True, False]
    assert loc.edge[2] == -1
    # (500, 10): edge (0,0)-(1000,0) at half way, 10 m off
    assert loc.fraction[0] == pytest.approx(0.5) and loc.distance[0] == pytest.approx(10)
    np.testing.assert_allclose(loc.xy[1], [1000, 700])
    assert loc.distance[2] == pytest.approx(np.hypot(4000, 4000))  # to the end (1000, 1000)


def test_one_search_with_turnout_offsets_and_winner():
    net = nw.build_network(cross(), speeds_kmh=[V60, V60])
    # station 0 at x=500 with 1 min turnout; station 1 at x=1500 with 0.2 min
    loc = nw.locate(net, [(500, 10), (1500, -5)], max_distance=100)
    res = nw.search(net, loc, offsets=[1.0, 0.2])
    cost, src = res.node_cost(), res.node_source()
    xy = {tuple(p): i for i, p in enumerate(net.nodes)}
    # (0,0): only station 0 gets there first: 1 + 0.5 = 1.5 (station 1: 0.2 + 1.5 = 1.7)
    assert cost[xy[(0, 0)]] == pytest.approx(1.5) and src[xy[(0, 0)]] == 0
    # (1000,0): station 1 0.2 + 0.5 = 0.7 beats station 0 1 + 0.5
    assert cost[xy[(1000, 0)]] == pytest.approx(0.7) and src[xy[(1000, 0)]] == 1
    assert cost[xy[(1000, 1000)]] == pytest.approx(1.7) and src[xy[(1000, 1000)]] == 1


def test_equal_time_split_and_limit_cut():
    net = nw.build_network(cross(), speeds_kmh=[V60, V60])
    loc = nw.locate(net, [(500, 10), (1500, -5)], max_distance=100)
    res = nw.search(net, loc, offsets=[1.0, 0.2])
    parts = nw.reached_parts(res, limit=1.3)
    got = sorted((int(e), round(a, 6), round(b, 6), int(s)) for e, a, b, s in
                 zip(parts.edge, parts.f0, parts.f1, parts.source))
    # edge 0 (0,0)->(1000,0): station 0 from x=500 forward meets station 1 (at 1000 at 0.7)
    # where 1 + (x - 0.5) = 0.7 + (1 - x) -> x = 0.6; backward station 0 reaches x = 0.5 - 0.3 = 0.2
    # edge 1 (1000,0)->(2000,0): station 1 all of it (0.7 at 1000, 0.7 at 2000)
    # edge 2 (1000,0)->(1000,1000): station 1 up to 0.7 + y = 1.3 -> y = 0.6
    assert got == [(0, 0.2, 0.5, 0), (0, 0.5, 0.6, 0), (0, 0.6, 1.0, 1),
                   (1, 0.0, 0.5, 1), (1, 0.5, 1.0, 1), (2, 0.0, 0.6, 1)]
    np.testing.assert_allclose(parts.cost_far.max(), 1.3)
    assert parts.length(net).sum() == pytest.approx(300 + 100 + 400 + 1000 + 600)


def test_one_way_streets():
    # forward-only A->B, then B->C both ways
    lines = [line((0, 0), (1000, 0)), line((1000, 0), (2000, 0))]
    net = nw.build_network(lines, speeds_kmh=[V60, V60], oneway=[nw.FORWARD, nw.BOTH])
    at_c = nw.locate(net, [(2000, 0)])
    res = nw.search(net, at_c)
    assert np.isinf(res.node_cost()[0])  # cannot drive against the one-way street
    parts = nw.reached_parts(res)
    assert parts.length(net).sum() == pytest.approx(1000)
    at_a = nw.search(net, nw.locate(net, [(0, 0)]))
    assert at_a.node_cost()[2] == pytest.approx(2.0)
    # backward: only from B to A
    net_b = nw.build_network(lines, speeds_kmh=[V60, V60], oneway=[nw.BACKWARD, nw.BOTH])
    res = nw.search(net_b, nw.locate(net_b, [(2000, 0)]))
    assert res.node_cost()[0] == pytest.approx(2.0)
    # a station ON a forward-only street only drives forward from its point
    res = nw.search(net, nw.locate(net, [(400, 5)]), limit=10)
    parts = nw.reached_parts(res)
    assert parts.length(net).sum() == pytest.approx(600 + 1000)


def test_parallel_edges_keep_the_cheapest():
    fast = line((0, 0), (1000, 0))
    slow = line((0, 0), (500, 500), (1000, 0))  # a detour; middle vertex is its own node
    straight_slow = line((0, 0), (1000, 0))
    net = nw.build_network([fast, slow, straight_slow], speeds_kmh=[V60, V60, 6.0])
    res = nw.search(net, nw.locate(net, [(0, 0)]))
    end = int(np.flatnonzero((net.nodes == [1000, 0]).all(axis=1))[0])
    assert res.node_cost()[end] == pytest.approx(1.0)


def test_earliest_within_points_and_polygons():
    net = nw.build_network(cross(), speeds_kmh=[V60, V60])
    res = nw.search(net, nw.locate(net, [(500, 10), (1500, -5)]), offsets=[1.0, 0.2])
    # (1000, 500): road B within 200 m from y=300..700, earliest at y=300: 0.7 + 0.3
    # (1700, 150): road A chord x in 1700 ± sqrt(200² - 150²) = 1567.7..1832.3: 0.2 + 0.0677
    cost, src = nw.earliest_within(res, np.array([[1000, 500.0], [1700, 150], [3000, 3000]]), 200)
    np.testing.assert_allclose(cost[:2], [1.0, 0.2 + (1700 - np.sqrt(200**2 - 150**2) - 1500) / 1000])
    assert list(src) == [1, 1, -1] and np.isinf(cost[2])
    # a box 100 m east of road B: road points within 200 m of it start at
    # y = 400 - sqrt(200² - 100²) = 226.8 -> 0.7 + 0.2268 (the zone's arcs are polygonised: 1e-3)
    c, s = nw.earliest_within(res, np.array([shapely.box(1100, 400, 1300, 600)]), 200)
    assert c[0] == pytest.approx(0.7 + (400 - np.sqrt(200**2 - 100**2)) / 1000, abs=1e-3) and s[0] == 1
    # with a limit below that arrival, nothing
    c, _ = nw.earliest_within(res, np.array([[1000, 500.0]]), 200, limit=0.9)
    assert np.isinf(c[0])


def test_points_off_the_network_take_no_part():
    net = nw.build_network(cross(), speeds_kmh=[V60, V60])
    loc = nw.locate(net, [(500, 0), (9000, 9000)], max_distance=500)
    res = nw.search(net, loc, offsets=[0.0, 0.0])
    assert set(res.node_source()) == {0}
    with pytest.raises(ValueError):
        nw.search(net, loc, offsets=[-1.0, 0.0])


# ------------------------------------------------------------------ the contracted search

def wiggly_grid(side=12, spacing=150.0, vertices=8, seed=3):
    """A jittered grid of junctions; every link a road of ``vertices`` segments (shape vertices
    make the through nodes the contracted search skips)."""
    rng = np.random.default_rng(seed)
    gx, gy = np.meshgrid(np.arange(side), np.arange(side), indexing="ij")
    junctions = np.stack([gx.ravel(), gy.ravel()], 1) * spacing + rng.uniform(-20, 20, (side * side, 2))
    idx = np.arange(side * side).reshape(side, side)
    links = np.concatenate([np.stack([idx[:-1, :].ravel(), idx[1:, :].ravel()], 1),
                            np.stack([idx[:, :-1].ravel(), idx[:, 1:].ravel()], 1)])
    t = np.linspace(0, 1, vertices + 1)
    a, b = junctions[links[:, 0]], junctions[links[:, 1]]
    pts = a[:, None, :] + (b - a)[:, None, :] * t[None, :, None]
    wiggle = rng.normal(0, 4.0, pts.shape)
    wiggle[:, 0] = wiggle[:, -1] = 0
    return shapely.linestrings(pts + wiggle), rng


def test_contracted_search_gives_the_plain_search_bit_for_bit(monkeypatch):
    lines, rng = wiggly_grid()
    speeds = np.array([60.0, 50.0, 40.0])[rng.integers(0, 3, len(lines))]
    oneway = np.zeros(len(lines), dtype=np.int8)
    oneway[::7], oneway[3::11] = nw.FORWARD, nw.BACKWARD
    net = nw.build_network(lines, speeds_kmh=speeds, oneway=oneway)
    mid_edge = rng.uniform(100, 1500, (6, 2))
    on_vertex = net.nodes[[5, 40, 41]]  # stations exactly at vertices (through nodes or junctions)
    points = np.concatenate([mid_edge, on_vertex])
    loc = nw.locate(net, points, max_distance=200)
    used = []
    original = multi_source.contracted_search

    def counting(*args, **kwargs):
        found = original(*args, **kwargs)
        used.append(found is not None)
        return found

    monkeypatch.setattr(multi_source, "_CONTRACT_MIN_NODES", 0)
    for limit in (None, 2.0, 0.7):
        for offsets in (np.zeros(len(points)), rng.uniform(0, 1, len(points))):
            monkeypatch.setattr(multi_source, "contracted_search", counting)
            fast = nw.search(net, loc, offsets=offsets, limit=limit)
            monkeypatch.setattr(multi_source, "contracted_search", lambda *a, **k: None)
            plain = nw.search(net, loc, offsets=offsets, limit=limit)
            # the same floating-point values and winners, not merely close ones
            assert np.array_equal(fast.cost, plain.cost) and np.array_equal(fast.source, plain.source)
            for a, b in zip(nw.reached_parts_at(fast, [0.5, None]), nw.reached_parts_at(plain, [0.5, None])):
                assert np.array_equal(a.f0, b.f0) and np.array_equal(a.f1, b.f1) and np.array_equal(a.source, b.source)
    assert any(used)  # the contracted search did run (and is not always refused)


def test_contracted_search_refuses_exact_ties_between_stations(monkeypatch):
    # two stations at the same point with the same turnout: which one wins is the plain
    # search's visiting order, so the contracted search must leave the search to it
    lines, _ = wiggly_grid(side=6)
    net = nw.build_network(lines, speeds_kmh=np.full(len(lines), 50.0))
    loc = nw.locate(net, [(300, 310), (300, 310), (600, 450)], max_distance=200)
    monkeypatch.setattr(multi_source, "_CONTRACT_MIN_NODES", 0)
    answers = []
    original = multi_source.contracted_search
    monkeypatch.setattr(multi_source, "contracted_search", lambda *a, **k: answers.append(original(*a, **k)) or answers[-1])
    res = nw.search(net, loc, offsets=[0.0, 0.0, 0.3])
    assert answers == [None]
    different = nw.search(net, loc, offsets=[0.0, 0.1, 0.3])  # no tie: contracted
    assert answers[-1] is not None
    monkeypatch.setattr(multi_source, "contracted_search", lambda *a, **k: None)
    for got, offsets in ((res, [0.0, 0.0, 0.3]), (different, [0.0, 0.1, 0.3])):
        plain = nw.search(net, loc, offsets=offsets)
        assert np.array_equal(got.cost, plain.cost) and np.array_equal(got.source, plain.source)


def test_components_are_numbered_as_scipy_numbers_them():
    from scipy.sparse.csgraph import connected_components

    lines, _ = wiggly_grid(side=5)
    extra = [line((5000, 5000), (5010, 5000), (5020, 5000), (5000, 5000)),  # an isolated ring
             line((-900, -900), (-890, -900)), line((7000, 0), (7000, 0))]  # a stub; a point-like line
    net = nw.build_network(np.concatenate([np.array(extra, dtype=object), lines]),
                           oneway=np.r_[[nw.FORWARD, 0, 0], np.zeros(len(lines), dtype=np.int8)])
    count, label = nw.components(net)
    ref_count, ref_label = connected_components(net.matrix(), directed=True, connection="weak")
    assert count == ref_count and np.array_equal(label, ref_label)


def test_few_points_are_located_as_the_strtree_locates_them(monkeypatch):
    from riskatlas.core.network import snapping

    rng = np.random.default_rng(11)
    starts = rng.uniform(0, 5000, (400, 2))
    lines = shapely.linestrings(np.stack([starts, starts + rng.uniform(-300, 300, (400, 2))], 1))
    lines = np.concatenate([lines, [line((0, 0), (2500, 10), (5000, 0))]])  # one long multi-segment road
    net = nw.build_network(lines)
    points = rng.uniform(-200, 5200, (40, 2))
    fast = nw.locate(net, points, max_distance=150.0)
    monkeypatch.setattr(snapping, "FEW_POINTS", 0)  # every point through the STRtree
    tree = nw.locate(net, points, max_distance=150.0)
    assert fast.snapped.any() and not fast.snapped.all()
    for name in ("edge", "fraction", "distance", "snapped"):
        np.testing.assert_array_equal(getattr(fast, name), getattr(tree, name))
    np.testing.assert_array_equal(fast.xy, tree.xy)


def test_vertex_merging_numbers_nodes_in_coordinate_order():
    net = nw.build_network([line((5, 1), (0, 0)), line((0, 0), (0, 3)), line((5, 1), (5, 0))])
    np.testing.assert_array_equal(net.nodes, [[0, 0], [0, 3], [5, 0], [5, 1]])  # by x, then y
    assert net.n_edges == 3 and nw.components(net)[0] == 1


def test_point_targets_prefiltered_by_boxes_find_what_all_pairs_find():
    from riskatlas.core.network import near_roads

    rng = np.random.default_rng(3)
    gx, gy = np.meshgrid(np.arange(20), np.arange(20), indexing="ij")
    nodes = np.column_stack([gx.ravel(), gy.ravel()]) * 150.0 + rng.uniform(-30, 30, (400, 2))
    index = np.arange(400).reshape(20, 20)
    links = np.concatenate([np.stack([index[:-1].ravel(), index[1:].ravel()], 1),
                            np.stack([index[:, :-1].ravel(), index[:, 1:].ravel()], 1)])
    lines = shapely.linestrings(np.stack([nodes[links[:, 0]], nodes[links[:, 1]]], 1))
    net = nw.build_network(lines, speeds_kmh=np.full(len(lines), 30.0))
    result = nw.search(net, nw.locate(net, [[1500.0, 1500.0], [400.0, 2600.0]], max_distance=300.0), limit=4.0)
    points = rng.uniform(-100, 3100, (500, 2))
    cost, source = nw.earliest_within(result, points, 120.0)
    # every (point, edge) pair, no prefilter: the exact intervals and their lowest costs
    tgt, edge = np.repeat(np.arange(len(points)), net.n_edges), np.tile(np.arange(net.n_edges), len(points))
    pair, lo, hi = near_roads._point_intervals(net, points[tgt], edge, 120.0)
    c, s, rep = near_roads._lowest_on_intervals(result, edge[pair], lo, hi, result.limit)
    expected = np.full(len(points), np.inf)
    np.minimum.at(expected, tgt[pair][rep], c)
    np.testing.assert_array_equal(cost, expected)
    assert np.isfinite(cost).sum() > 50 and (~np.isfinite(cost)).sum() > 50
    # a point beyond a road's end but beside its line is not within reach of that road
    end_net = nw.build_network([line((0, 0), (100, 0))], speeds_kmh=[30.0])
    end_result = nw.search(end_net, nw.locate(end_net, [[0.0, 0.0]]))
    far, _ = nw.earliest_within(end_result, np.array([[250.0, 0.0], [150.0, 30.0]]), 100.0)
    assert not np.isfinite(far[0]) and np.isfinite(far[1])
