"""Shelter 2SFCA (METHOD 1) against pysal ``access``: 100,000 population features × 2,000 shelters.

Same inputs for every case: one seeded random county (60 km × 60 km, residents 1–2999 per
feature, shelter areas 2,000–100,000 m², radius 1,500 m), float64 coordinates. Each case runs in
its own child process (so its peak memory is its own): an untimed warm-up call on a slice of the
data (imports, first-call set-up), then ``--repeat`` timed calls; the best is the figure, the
median and the first call are printed too. The cases run ``--rounds`` times, interleaved, and the
best round counts (the machine may be shared).

What is timed:

* ``ours``        ``two_step_fca`` from the raw coordinate arrays: the whole METHOD 1 — reach
                  search (radius inclusive) and the 2SFCA sums. It never lists the pairs: cells of
                  the population grid wholly inside a shelter's circle are summed as blocks.
* ``ours_pairs``  ``catchment_pairs`` + ``fca_from_pairs`` from the raw coordinates: every pair
                  listed with its distance (what access needs as input), then the sums.
* ``ours_sums``   ``fca_from_pairs`` given the same pair table as access: the 2SFCA step alone.
* ``ours_gdf``    ``analyse_shelters`` on point GeoDataFrames: validation, centroids, METHOD 1,
                  per-feature and per-shelter figures and the summary — the whole core.
* ``access``      ``Access(...)`` + ``two_stage_fca(max_cost=radius, normalize=False)`` given a
                  cost table of only the pairs within the radius (a dense 2×10⁸ table does not fit;
                  access's own ``create_euclidean_distance`` builds that dense cross join for
                  points). Building that table from the coordinates (``cKDTree`` on both sets,
                  ``sparse_distance_matrix``, DataFrame) is timed separately, best of the same
                  number of calls, and counted only in the "both from raw coordinates" ratio.

Memory, per case: the rise of the process's peak resident memory (VmHWM, reset just before the
timed calls) over its resident memory with the data loaded, and the peak of the Python/numpy
allocations during one call (``tracemalloc``, a separate untimed call; it does not see the C++
allocations of ``cKDTree``).

Values are checked equal: every variant of ours against access within 1e-9 m² per person on the
features access reaches, 0 where access has none (access leaves them out: NaN).

Run ``.venv/bin/python bench/bench_shelters.py`` (``--demand/--supply/--radius`` to change sizes,
``--repeat/--rounds``); ``--search-options`` times the exact radius-pair searches considered for
METHOD 1 in one process (k-d tree variants, the cell grid) on the same data.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc

import numpy as np

if __package__:
    from . import common
else:  # run as a script: bench/ is sys.path[0]
    import common

SEED = 20240425
SIZE_M = 60_000.0
CASES = ("ours", "ours_pairs", "ours_sums", "ours_gdf", "access")
TOLERANCE = 1e-9  # m² per person


def make_case(n_demand, n_supply, seed=SEED):
    rng = np.random.default_rng(seed)
    demand_xy = rng.uniform(0, SIZE_M, (n_demand, 2))
    supply_xy = rng.uniform(0, SIZE_M, (n_supply, 2))
    demand = rng.integers(1, 3000, n_demand).astype(np.float64)
    supply = rng.uniform(2_000, 100_000, n_supply)
    return demand_xy, demand, supply_xy, supply


def status_mb(key):
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def reset_peak_rss():
    """Reset VmHWM to the current RSS (Linux ≥ 4.0); False where that is not allowed."""
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")
        return True
    except OSError:
        return False


def measure(call, repeat):
    """Timed calls (after the caller's warm-up), then one untimed call under tracemalloc."""
    base_rss = status_mb("VmRSS")
    reset = reset_peak_rss()
    seconds, result = [], None
    for _ in range(repeat):
        result = None
        start = time.perf_counter()
        result = call()
        seconds.append(time.perf_counter() - start)
    peak_rss = status_mb("VmHWM")
    result = None
    tracemalloc.start()
    result = call()
    traced_peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return result, {"seconds": min(seconds), "median_seconds": statistics.median(seconds), "first_seconds": seconds[0],
                    "rss_before_mb": base_rss, "peak_rss_mb": peak_rss,
                    "peak_rise_mb": peak_rss - base_rss if reset else None, "traced_peak_mb": traced_peak}


def access_pair_table(demand_xy, supply_xy, radius):
    """access's cost table: only the pairs within the radius (cKDTree, inclusive), as a DataFrame."""
    import pandas as pd
    from scipy.spatial import cKDTree

    found = cKDTree(demand_xy).sparse_distance_matrix(cKDTree(supply_xy), radius, output_type="ndarray")
    return pd.DataFrame({"origin": found["i"].astype(np.int64), "dest": found["j"].astype(np.int64),
                         "cost": found["v"]})


def run_case(case, args, out_path):
    common.register_package()
    n_demand, n_supply, radius, repeat = args.demand, args.supply, args.radius, args.repeat
    demand_xy, demand, supply_xy, supply = make_case(n_demand, n_supply)
    warm = (slice(0, min(n_demand, 1000)), slice(0, min(n_supply, 20)))
    info = {"case": case}
    if case == "ours":
        from riskatlas.core.shelter_capacity import two_step_fca

        two_step_fca(demand_xy[warm[0]], demand[warm[0]], supply_xy[warm[1]], supply[warm[1]], radius)
        result, timing = measure(lambda: two_step_fca(demand_xy, demand, supply_xy, supply, radius), repeat)
        values, info["pairs"] = result.m2_per_capita, int(result.n_pairs)
    elif case == "ours_pairs":
        from riskatlas.core.shelter_capacity import catchment_pairs, fca_from_pairs

        def call(d_xy=demand_xy, d=demand, s_xy=supply_xy, s=supply):
            di, si, _dist = catchment_pairs(d_xy, s_xy, radius)
            return fca_from_pairs(di, si, d, s)

        call(demand_xy[warm[0]], demand[warm[0]], supply_xy[warm[1]], supply[warm[1]])
        result, timing = measure(call, repeat)
        values, info["pairs"] = result.m2_per_capita, int(result.n_pairs)
    elif case == "ours_sums":
        from riskatlas.core.shelter_capacity import fca_from_pairs

        table = access_pair_table(demand_xy, supply_xy, radius)  # untimed: the same pairs access gets
        di, si = table["origin"].to_numpy(), table["dest"].to_numpy()
        fca_from_pairs(di[:100], si[:100], demand, supply)
        result, timing = measure(lambda: fca_from_pairs(di, si, demand, supply), repeat)
        values, info["pairs"] = result.m2_per_capita, int(result.n_pairs)
    elif case == "ours_gdf":
        import geopandas as gpd
        import pandas as pd
        import shapely

        from riskatlas.core.shelter_capacity import analyse_shelters

        population = gpd.GeoDataFrame({"residents": demand}, geometry=shapely.points(demand_xy), crs="EPSG:4549")
        shelters = gpd.GeoDataFrame({"type": np.full(n_supply, "fixed_medium", dtype=object), "area_m2": supply},
                                    geometry=shapely.points(supply_xy), crs="EPSG:4549")
        population.index = pd.Index(np.arange(n_demand), name="fid")
        shelters.index = pd.Index(np.arange(n_supply), name="fid")
        analyse_shelters(shelters.iloc[warm[1]], population.iloc[warm[0]], radius=radius)
        result, timing = measure(lambda: analyse_shelters(shelters, population, radius=radius), repeat)
        values, info["pairs"] = result.population["m2_per_capita"].to_numpy(), int(result.summary["pairs_in_reach"])
    elif case == "access":
        import pandas as pd
        from access import Access

        demand_df = pd.DataFrame({"residents": demand}, index=pd.Index(np.arange(n_demand), name="geoid"))
        supply_df = pd.DataFrame({"area": supply}, index=pd.Index(np.arange(n_supply), name="geoid"))

        def call(cost_df):
            peer = Access(demand_df=demand_df, demand_value="residents", supply_df=supply_df, supply_value="area",
                          cost_df=cost_df, cost_origin="origin", cost_dest="dest", cost_name="cost")
            return peer.two_stage_fca(name="fca", max_cost=radius, normalize=False)["fca_area"]

        call(access_pair_table(demand_xy[warm[0]], supply_xy[warm[1]], radius))  # warm imports
        building = []
        for _ in range(repeat):
            start = time.perf_counter()
            cost_df = access_pair_table(demand_xy, supply_xy, radius)
            building.append(time.perf_counter() - start)
        info["pair_table_seconds"] = min(building)
        info["pairs"] = len(cost_df)
        gap = np.abs(cost_df["cost"].to_numpy() - radius)
        info["min_gap_to_radius_m"] = float(gap.min()) if len(gap) else None
        series, timing = measure(lambda: call(cost_df), repeat)
        values = series.reindex(np.arange(n_demand)).to_numpy()  # NaN where no shelter is in reach
    else:
        raise SystemExit(f"unknown case {case}")
    info.update(timing)
    np.save(out_path, values)
    print(json.dumps(info))


def child(case, args, folder):
    out = os.path.join(folder, f"{case}.npy")
    command = [sys.executable, os.path.abspath(__file__), "--case", case, "--demand", str(args.demand),
               "--supply", str(args.supply), "--radius", str(args.radius), "--repeat", str(args.repeat),
               "--out", out]
    completed = subprocess.run(command, capture_output=True, text=True)
    if completed.returncode != 0:
        raise SystemExit(f"case {case} failed:\n{completed.stderr}")
    info = json.loads(completed.stdout.strip().splitlines()[-1])
    return info, np.load(out)


def search_options(args):
    """Exact radius-pair searches for METHOD 1, timed in this process (best of --repeat)."""
    common.register_package()
    from scipy.spatial import cKDTree

    from riskatlas.core.shelter_capacity import _kdtree_pairs, catchment_pairs, two_step_fca

    demand_xy, demand, supply_xy, supply = make_case(args.demand, args.supply)
    r = args.radius
    wide = r * (1 + 1e-9) + 1e-9

    def filtered(di, si):  # distance as sqrt(dx² + dy²), the radius inclusive
        delta = demand_xy[di] - supply_xy[si]
        dist = np.sqrt(delta[:, 0] * delta[:, 0] + delta[:, 1] * delta[:, 1])
        keep = dist <= r
        return di[keep], si[keep], dist[keep]

    def sdm_demand_first():
        found = cKDTree(demand_xy).sparse_distance_matrix(cKDTree(supply_xy), wide, output_type="ndarray")
        keep = found["v"] <= r
        return found["i"][keep].astype(np.int64), found["j"][keep].astype(np.int64), found["v"][keep]

    def ball_on_shelters():  # tree on the 2,000 shelters, 100,000 ball queries
        hits = cKDTree(supply_xy).query_ball_point(demand_xy, wide, return_sorted=False, workers=-1)
        lens = np.fromiter(map(len, hits), np.int64, len(hits))
        si = np.fromiter((j for row in hits for j in row), np.int64, int(lens.sum()))
        return filtered(np.repeat(np.arange(len(hits)), lens), si)

    def ball_on_population():  # tree on the 100,000 points, 2,000 ball queries
        hits = cKDTree(demand_xy).query_ball_point(supply_xy, wide, return_sorted=False, workers=-1)
        lens = np.fromiter(map(len, hits), np.int64, len(hits))
        di = np.concatenate([np.asarray(row, np.int64) for row in hits])
        return filtered(di, np.repeat(np.arange(len(hits)), lens))

    options = (
        ("k-d trees, sparse_distance_matrix (shelter tree first; before)",
         lambda: _kdtree_pairs(demand_xy, supply_xy, r)),
        ("k-d trees, sparse_distance_matrix (population tree first)", sdm_demand_first),
        ("k-d tree on shelters, query_ball_point × population, workers=-1", ball_on_shelters),
        ("k-d tree on population, query_ball_point × shelters, workers=-1", ball_on_population),
        ("cell grid, every pair listed (catchment_pairs; now)", lambda: catchment_pairs(demand_xy, supply_xy, r)),
    )
    reference = None
    print(f"exact pair searches, radius {r:g} m inclusive, best of {args.repeat} (this process):")
    for label, call in options:
        call()
        seconds = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            di, si, dist = call()
            seconds.append(time.perf_counter() - start)
        pairs = set(zip(di.tolist(), si.tolist()))
        reference = pairs if reference is None else reference
        print(f"  {label:66s} {min(seconds) * 1e3:8.1f} ms  {len(di):,} pairs"
              f"{'' if pairs == reference else '  DIFFERENT PAIRS'}")
    two_step_fca(demand_xy, demand, supply_xy, supply, r)
    seconds = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        result = two_step_fca(demand_xy, demand, supply_xy, supply, r)
        seconds.append(time.perf_counter() - start)
    print(f"  {'cell grid, inner cells as blocks + sums (two_step_fca; METHOD 1)':66s} {min(seconds) * 1e3:8.1f} ms  "
          f"{result.n_pairs:,} pairs counted (search and sums)")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demand", type=int, default=100_000)
    parser.add_argument("--supply", type=int, default=2_000)
    parser.add_argument("--radius", type=float, default=1_500.0)
    parser.add_argument("--repeat", type=int, default=7, help="timed calls per case (best counts)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved runs of every case (best counts)")
    parser.add_argument("--search-options", action="store_true", help="time the exact pair searches considered")
    parser.add_argument("--case", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        run_case(args.case, args, args.out)
        return 0
    if args.search_options:
        return search_options(args)
    print(f"shelter 2SFCA (METHOD 1): {args.demand:,} population features × {args.supply:,} shelters, "
          f"radius {args.radius:g} m; each case in its own process, best of {args.repeat} calls, "
          f"best of {args.rounds} interleaved rounds")
    runs, values = {case: [] for case in CASES}, {}
    with tempfile.TemporaryDirectory() as folder:
        for _round in range(args.rounds):
            for case in CASES:
                info, values[case] = child(case, args, folder)  # the same values every round
                runs[case].append(info)
    infos = {}
    for case, case_runs in runs.items():  # the best round; first calls and the pair table: best of the rounds
        infos[case] = dict(min(case_runs, key=lambda info: info["seconds"]))
        infos[case]["first_seconds"] = min(info["first_seconds"] for info in case_runs)
        if case == "access":
            infos[case]["pair_table_seconds"] = min(info["pair_table_seconds"] for info in case_runs)
    peer, peer_values = infos["access"], values["access"]
    reached = ~np.isnan(peer_values)
    ours = [case for case in CASES if case != "access"]
    diffs = {case: float(np.abs(values[case][reached] - peer_values[reached]).max(initial=0.0)) for case in ours}
    unreached_ok = all(bool((values[case][~reached] == 0).all()) for case in ours)
    pairs_ok = all(infos[case]["pairs"] == peer["pairs"] for case in CASES)
    gap = peer["min_gap_to_radius_m"]
    ties = "" if gap is None else (f"; closest distance to the radius {gap:.2e} m, so no tie decides anything"
                                   if gap > 1e-6 else "; pairs at exactly the radius: both keep them")
    print(f"pairs within the radius: {infos['ours']['pairs']:,} (access given {peer['pairs']:,}{ties})")
    labels = {"ours": "ours: two_step_fca (METHOD 1, from coordinates)",
              "ours_pairs": "ours: catchment_pairs + fca_from_pairs (coords)",
              "ours_sums": "ours: fca_from_pairs (the same pairs given)",
              "ours_gdf": "ours: analyse_shelters (GeoDataFrames, all)",
              "access": "pysal access two_stage_fca (pairs given)"}
    print(f"  {'':50s} {'best':>8s} {'median':>8s} {'first':>8s}   peak RSS  rise over data  traced peak")
    for case in CASES:
        info = infos[case]
        rise = "n/a" if info["peak_rise_mb"] is None else f"+{info['peak_rise_mb']:.0f} MB"
        print(f"  {labels[case]:50s} {info['seconds']:7.4f}s {info['median_seconds']:7.4f}s"
              f" {info['first_seconds']:7.4f}s"
              f" {info['peak_rss_mb']:7.0f} MB {rise:>10s} {info['traced_peak_mb']:9.1f} MB")
    build = peer["pair_table_seconds"]
    print(f"  {'access: building its pair table (cKDTree + DataFrame)':50s} {build:7.4f}s  (not in access's row)")
    best = {case: infos[case]["seconds"] for case in CASES}
    method1 = best["access"] / best["ours"]
    print("ratio access / ours (best times; the issue's target is ≥ 10× for the first line):")
    print(f"  METHOD 1 from coordinates vs access given the pairs:      {method1:6.1f}×  "
          f"({'target met' if method1 >= 10 else 'below the 10× target'})")
    rounds_ours = sorted(info["seconds"] for info in runs["ours"])
    rounds_access = sorted(info["seconds"] for info in runs["access"])
    print(f"  RATIO 2SFCA METHOD 1 / access over {len(rounds_ours)} rounds: min {method1:.1f}×, median "
          f"{statistics.median(rounds_access) / statistics.median(rounds_ours):.1f}× (ours per round "
          f"{', '.join(f'{v * 1e3:.1f}' for v in rounds_ours)} ms; access {', '.join(f'{v * 1e3:.1f}' for v in rounds_access)} ms)")
    both = (best["access"] + build) / best["ours"]
    print(f"  both from coordinates (access's pair table counted):      {both:6.1f}×")
    print(f"  listing every pair, then the sums, vs access given pairs: {best['access'] / best['ours_pairs']:6.1f}×")
    print(f"  same pairs given to both (the 2SFCA sums only):           {best['access'] / best['ours_sums']:6.1f}×")
    print(f"  whole core (analyse_shelters) vs access given the pairs:  {best['access'] / best['ours_gdf']:6.1f}×")
    first = {case: infos[case]["first_seconds"] for case in CASES}
    print(f"  first calls only (cold allocator), METHOD 1 vs access:    {first['access'] / first['ours']:6.1f}×")
    equal = max(diffs.values()) <= TOLERANCE and unreached_ok and pairs_ok
    print(f"values: max |ours − access| = {max(diffs.values()):.2e} m²/person over {int(reached.sum()):,} reached "
          f"features (each of ours: {', '.join(f'{c} {d:.1e}' for c, d in diffs.items())}); "
          f"{int((~reached).sum()):,} with no shelter in reach: ours 0, access none — "
          f"{'EQUAL' if equal else 'DIFFERENT'}")
    return 0 if equal else 1


if __name__ == "__main__":
    sys.exit(main())
