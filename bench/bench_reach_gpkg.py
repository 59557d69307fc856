"""Benchmark: fire-station reach on networks shaped like a bureau's — one feature per segment,
GeoPackage in and out — against native:serviceareafromlayer, in the same process.

    .venv/bin/python bench/bench_reach_gpkg.py                  # 10k, 100k and 1M roads, 3 runs each
    .venv/bin/python bench/bench_reach_gpkg.py --sizes 100000 --repeat 5

Synthetic network (seeded): a jittered grid of junctions 150 m apart; every junction-to-junction
link is one road feature of one segment (two vertices), written in random order (as noded data
comes), speeds 60/50/40 km/h; stations are random points in the extent, turnout 1 min, limit
5 min, access distance 200 m: 10,000 roads × 5 stations, 100,000 × 20, 1,000,000 × 50. Inputs
are GeoPackage layers (written once into a cache folder, not timed); ours writes OUTPUT_EDGES,
OUTPUT_AREAS and OUTPUT_GAPS, native OUTPUT_LINES, all to new GeoPackages.

Each size runs in its own process (its own peak memory): one untimed warm-up run of each
algorithm on the 10k network, then ours and native alternately ``--repeat`` times; min and
median of each and their ratios are printed, with the steps of ours' fastest run. The stations
have no class, so no districts are computed (the district fields are empty); one more run gives
them a class (the districts are then computed: a search of the whole network and a nearest-road
labelling of the whole study area) and says what that costs.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

CRS = "EPSG:4549"
STATIONS = {10_000: 5, 100_000: 20, 1_000_000: 50}
DATA_VERSION = 1  # bump when the generator changes: the cache is keyed by it


def single_segment_roads(n_roads, seed=1, spacing=150.0):
    """(lines, speeds, rng): n_roads two-vertex lines of a jittered junction grid, random order."""
    import numpy as np
    import shapely

    rng = np.random.default_rng(seed)
    side = int(np.ceil(np.sqrt(n_roads / 2))) + 1
    gx, gy = np.meshgrid(np.arange(side), np.arange(side), indexing="ij")
    junctions = np.stack([gx.ravel(), gy.ravel()], 1) * spacing + 500_000.0
    junctions += rng.uniform(-0.2 * spacing, 0.2 * spacing, junctions.shape)
    idx = np.arange(side * side).reshape(side, side)
    links = np.concatenate([np.stack([idx[:-1, :].ravel(), idx[1:, :].ravel()], 1),
                            np.stack([idx[:, :-1].ravel(), idx[:, 1:].ravel()], 1)])
    links = links[rng.permutation(len(links))[:n_roads]]
    lines = shapely.linestrings(np.stack([junctions[links[:, 0]], junctions[links[:, 1]]], 1))
    speeds = np.array([60.0, 50.0, 40.0])[rng.integers(0, 3, len(lines))]
    return lines, speeds, rng


def data_path(n_roads):
    """The cached GeoPackage of a size (written on first use)."""
    folder = os.environ.get("RISKATLAS_BENCH_DATA") or os.path.join(tempfile.gettempdir(), "riskatlas-bench-data")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, f"single_segment_{n_roads}_v{DATA_VERSION}.gpkg")
    if not os.path.exists(path):
        write_network(path, n_roads, STATIONS.get(n_roads, max(5, n_roads // 20_000)))
    return path


def write_network(path, n_roads, n_stations):
    import geopandas as gpd
    import numpy as np
    import shapely

    from riskatlas.layers.gpkg import write_geopackage
    from riskatlas.layers.sinks import make_fields

    lines, speeds, rng = single_segment_roads(n_roads)
    x0, y0, x1, y1 = shapely.total_bounds(lines)
    points = shapely.points(rng.uniform([x0, y0], [x1, y1], (n_stations, 2)))
    roads = gpd.GeoDataFrame({"speed_kmh": speeds}, geometry=lines)
    stations = gpd.GeoDataFrame({"station_id": [f"S{i + 1}" for i in range(n_stations)],
                                 "turnout_min": np.ones(n_stations), "class_given": ["class1"] * n_stations},
                                geometry=points)
    write_geopackage(path, {
        "roads": (roads, make_fields([("speed_kmh", "double")]), None),
        "stations": (stations, make_fields([("station_id", "string"), ("turnout_min", "double"),
                                            ("class_given", "string")]), None)}, CRS)


def ours(path, folder, tag, feedback=None, classes=False):
    from qgis import processing

    parameters = {"STATIONS": f"{path}|layername=stations", "ROADS": f"{path}|layername=roads", "TIME_LIMIT": 5,
                  "ACCESS_DISTANCE": 200, "OUTPUT_EDGES": os.path.join(folder, f"edges_{tag}.gpkg"),
                  "OUTPUT_AREAS": os.path.join(folder, f"areas_{tag}.gpkg"),
                  "OUTPUT_GAPS": os.path.join(folder, f"gaps_{tag}.gpkg")}
    if classes:
        parameters["CLASS_FIELD"] = "class_given"
    return processing.run("riskatlas:firestationreach", parameters, feedback=feedback)


def native(path, folder, tag):
    from qgis import processing

    # time in hours on QGIS 3.22: 5 min of driving = 5/60 (native has no turnout)
    return processing.run("native:serviceareafromlayer", {
        "INPUT": f"{path}|layername=roads", "STRATEGY": 1, "SPEED_FIELD": "speed_kmh", "DEFAULT_SPEED": 50,
        "TOLERANCE": 0, "DEFAULT_DIRECTION": 2, "START_POINTS": f"{path}|layername=stations",
        "TRAVEL_COST2": 5 / 60, "INCLUDE_BOUNDS": False, "OUTPUT_LINES": os.path.join(folder, f"native_{tag}.gpkg")})


def timed(call):
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, result


def feature_count(path):
    from qgis.core import QgsVectorLayer

    return QgsVectorLayer(path, "out", "ogr").featureCount()


def run_size(n_roads, repeat):
    common.start_qgis()
    path, warm = data_path(n_roads), data_path(10_000)
    with tempfile.TemporaryDirectory(prefix="riskatlas-bench-reach-") as folder:
        ours(warm, folder, "warm")  # imports and first-call costs, for both
        native(warm, folder, "warm")
        before = common.peak_rss_mb()
        runs_ours, runs_native, steps = [], [], []
        for i in range(repeat):
            feedback = common.StepFeedback()
            seconds, result = timed(lambda: ours(path, folder, i, feedback))
            runs_ours.append(seconds)
            steps.append((seconds, feedback.steps))
            runs_native.append(timed(lambda: native(path, folder, i))[0])
        peak = common.peak_rss_mb()
        with_districts, _ = timed(lambda: ours(path, folder, "districts", classes=True))
        counts = {name: feature_count(result[name]) for name in ("OUTPUT_EDGES", "OUTPUT_AREAS", "OUTPUT_GAPS")}
        native_lines = feature_count(os.path.join(folder, "native_0.gpkg"))
    best, mid = min(runs_ours), statistics.median(runs_ours)
    best_n, mid_n = min(runs_native), statistics.median(runs_native)
    print(f"{n_roads:,} single-segment roads × {STATIONS.get(n_roads)} stations, 5 min, GeoPackage in/out; "
          f"{repeat} alternating runs each")
    print(f"  riskatlas:firestationreach (edges + areas + gaps): min {best:.3f} s, median {mid:.3f} s "
          f"(runs {', '.join(f'{v:.3f}' for v in runs_ours)}); {counts['OUTPUT_EDGES']:,} edge features, "
          f"{counts['OUTPUT_AREAS']} areas, {counts['OUTPUT_GAPS']} gaps")
    print(f"  native:serviceareafromlayer (lines only):           min {best_n:.3f} s, median {mid_n:.3f} s "
          f"(runs {', '.join(f'{v:.3f}' for v in runs_native)}); {native_lines:,} line features")
    print(f"  RATIO ours/native {n_roads:,}: min {best / best_n:.3f}, median {mid / mid_n:.3f}")
    print(f"  with computed districts (stations given a class): {with_districts:.3f} s "
          f"({with_districts - best:+.3f} s against the fastest run without)")
    print(f"  peak RSS {peak:.0f} MB (QGIS and the warm-up: {before:.0f} MB)")
    seconds, marks = min(steps, key=lambda s: s[0])
    marks = [(0.0, "reading the layers, speeds, stations")] + marks + [(seconds, None)]
    names = {"done": "writing the outputs (and their provenance)"}
    print("  steps of the fastest run:")
    for (at, message), (until, _next) in zip(marks[:-1], marks[1:]):
        print(f"    {until - at:6.3f} s  {names.get(message, message)}")
    sys.stdout.flush()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.size:
        run_size(args.size, args.repeat)
        os._exit(0)  # skip QGIS's slow teardown; results are printed
    common.register_package()
    from qgis.core import QgsApplication

    app = QgsApplication([], False)  # the data are written through QGIS
    app.initQgis()
    for size in (int(s) for s in args.sizes.split(",")):
        data_path(size)
    data_path(10_000)
    for size in (int(s) for s in args.sizes.split(",")):
        subprocess.run([sys.executable, os.path.abspath(__file__), "--size", str(size), "--repeat", str(args.repeat)],
                       check=True)
    os._exit(0)


if __name__ == "__main__":
    main()
