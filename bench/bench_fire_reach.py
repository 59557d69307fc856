"""Benchmark: riskatlas:firestationreach against native:serviceareafromlayer, same run.

    .venv/bin/python bench/bench_fire_reach.py            # both cases (the large one in a child process)
    .venv/bin/python bench/bench_fire_reach.py small      # 100,000 edges × 20 stations vs native
    .venv/bin/python bench/bench_fire_reach.py large      # 1,000,000 edges × 50 stations: time, memory

Synthetic network: a jittered grid of junctions 150 m apart; every junction-to-junction link is
one road feature of 10 segments (wiggled vertices), so "edges" = graph edges (segments), as in
QGIS's graph builder; speeds 60/50/40 km/h by feature. Stations are random points in the
extent, turnout 1 min, limit 5 min. Inputs are memory layers, outputs memory layers; building
the inputs is not timed.

Fair timing of the small case: one untimed warm-up run of each algorithm (the first run of
native:serviceareafromlayer in a process is ~0.7 s slower), then ours and native alternately,
best of 5 each, so both meet the same machine state.
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

SEGMENTS_PER_ROAD = 10


def synthetic_roads(n_edges, seed=1, spacing=150.0):
    import numpy as np
    import shapely

    rng = np.random.default_rng(seed)
    n_links = n_edges // SEGMENTS_PER_ROAD
    side = int(np.ceil(np.sqrt(n_links / 2))) + 1
    gx, gy = np.meshgrid(np.arange(side), np.arange(side), indexing="ij")
    junctions = np.stack([gx.ravel(), gy.ravel()], 1) * spacing + 500_000.0
    junctions += rng.uniform(-0.2 * spacing, 0.2 * spacing, junctions.shape)
    idx = np.arange(side * side).reshape(side, side)
    links = np.concatenate([np.stack([idx[:-1, :].ravel(), idx[1:, :].ravel()], 1),
                            np.stack([idx[:, :-1].ravel(), idx[:, 1:].ravel()], 1)])[:n_links]
    a, b = junctions[links[:, 0]], junctions[links[:, 1]]
    t = np.linspace(0, 1, SEGMENTS_PER_ROAD + 1)
    pts = a[:, None, :] + (b - a)[:, None, :] * t[None, :, None]
    wiggle = rng.normal(0, 0.03 * spacing, pts.shape)
    wiggle[:, 0] = wiggle[:, -1] = 0
    lines = shapely.linestrings(pts + wiggle)
    speeds = np.array([60.0, 50.0, 40.0])[rng.integers(0, 3, len(lines))]
    return lines, speeds, rng


def memory_layers(n_edges, n_stations):
    import shapely
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    lines, speeds, rng = synthetic_roads(n_edges)
    roads = QgsVectorLayer("LineString?crs=EPSG:4549&field=speed_kmh:double", "roads", "memory")
    features = []
    for wkb, speed in zip(shapely.to_wkb(lines), speeds):
        f = QgsFeature(roads.fields())
        g = QgsGeometry()
        g.fromWkb(wkb)
        f.setGeometry(g)
        f.setAttributes([float(speed)])
        features.append(f)
    roads.dataProvider().addFeatures(features)
    x0, y0, x1, y1 = shapely.total_bounds(lines)
    stations = QgsVectorLayer("Point?crs=EPSG:4549&field=station_id:string&field=turnout_min:double",
                              "stations", "memory")
    pts = rng.uniform([x0, y0], [x1, y1], (n_stations, 2))
    st = []
    for i, (x, y) in enumerate(pts):
        f = QgsFeature(stations.fields())
        f.setGeometry(QgsGeometry.fromWkt(f"POINT({x} {y})"))
        f.setAttributes([f"S{i + 1}", 1.0])
        st.append(f)
    stations.dataProvider().addFeatures(st)
    return roads, stations


def ours(roads, stations, feedback=None):
    from qgis import processing

    return processing.run("riskatlas:firestationreach", {
        "STATIONS": stations, "ROADS": roads, "TIME_LIMIT": 5, "ACCESS_DISTANCE": 200,
        "OUTPUT_EDGES": "memory:", "OUTPUT_AREAS": "memory:", "OUTPUT_GAPS": "memory:"}, feedback=feedback)


def native(roads, stations):
    from qgis import processing

    # time in hours on QGIS 3.22: 5 min of driving = 5/60 (native has no turnout)
    return processing.run("native:serviceareafromlayer", {
        "INPUT": roads, "STRATEGY": 1, "SPEED_FIELD": "speed_kmh", "DEFAULT_SPEED": 50, "TOLERANCE": 0,
        "DEFAULT_DIRECTION": 2, "START_POINTS": stations, "TRAVEL_COST2": 5 / 60, "INCLUDE_BOUNDS": False,
        "OUTPUT_LINES": "memory:"})


def small(rounds=5):
    common.start_qgis()
    roads, stations = memory_layers(100_000, 20)
    ours(roads, stations)  # warm-up (imports, first-call costs) for both
    native(roads, stations)
    # same machine state for both: alternate the runs, best of ``rounds`` each
    t_ours, t_native = [], []
    for _ in range(rounds):
        with common.Timer() as t:
            result = ours(roads, stations)
        t_ours.append(t.seconds)
        with common.Timer() as t:
            native(roads, stations)
        t_native.append(t.seconds)
    best_ours, best_native = min(t_ours), min(t_native)
    print(f"100,000 edges ({roads.featureCount():,} roads) × 20 stations, 5 min; "
          f"best of {rounds} alternating runs each")
    print(f"  riskatlas:firestationreach (edges + areas + gaps): {best_ours:.3f} s "
          f"({result['OUTPUT_EDGES'].featureCount():,} edge features, {result['OUTPUT_GAPS'].featureCount()} gaps; "
          f"runs {', '.join(f'{v:.3f}' for v in t_ours)})")
    print(f"  native:serviceareafromlayer (lines only):           {best_native:.3f} s "
          f"(runs {', '.join(f'{v:.3f}' for v in t_native)})")
    import statistics

    print(f"  RATIO ours/native (10-segment roads, memory I/O): min {best_ours / best_native:.3f}, median "
          f"{statistics.median(t_ours) / statistics.median(t_native):.3f} (target ≤ 0.1)")


def large():
    common.start_qgis()
    roads, stations = memory_layers(1_000_000, 50)
    ours(*memory_layers(1000, 2))  # warm-up (imports)
    before = common.peak_rss_mb()
    feedback = common.StepFeedback()
    with common.Timer() as t:
        result = ours(roads, stations, feedback)
    print(f"1,000,000 edges ({roads.featureCount():,} roads) × 50 stations, 5 min")
    print(f"  riskatlas:firestationreach: {t.seconds:.2f} s (target < 10 s); peak RSS {common.peak_rss_mb():.0f} MB "
          f"(inputs built: {before:.0f} MB; target < 2048 MB)")
    print(f"  {result['OUTPUT_EDGES'].featureCount():,} edge features, {result['OUTPUT_GAPS'].featureCount()} gaps")
    # each step runs from its progress message to the next one
    names = {"targets": "targets, tables (areas, overlaps)", "done": "writing the outputs"}
    marks = [(0.0, "reading the layers")] + feedback.steps + [(t.seconds, None)]
    for (at, message), (until, _next) in zip(marks[:-1], marks[1:]):
        print(f"    {until - at:5.2f} s  {names.get(message, message)}")


if __name__ == "__main__":
    which = sys.argv[1] if len(sys.argv) > 1 else "all"
    if which == "small":
        small()
    elif which == "large":
        large()
    else:
        for case in ("small", "large"):  # separate processes: separate peak memory
            subprocess.run([sys.executable, os.path.abspath(__file__), case], check=True)
