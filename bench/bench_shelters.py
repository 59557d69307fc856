"""Shelter 2SFCA (METHOD 1) against pysal ``access``: 100,000 population features × 2,000 shelters.

Both run in the same invocation, each in its own child process (so peak memory is its own), on
the same seeded random county (60 km × 60 km, residents 1–3000 per feature, shelter areas
2,000–100,000 m², radius 1,500 m).

* ours: ``core.shelter_capacity.two_step_fca`` on the coordinate arrays — the k-d tree pair search
  (``sparse_distance_matrix``, radius inclusive) and the sparse sums; ``fca_from_pairs`` given
  the same pair table as access (the like-for-like 2SFCA step); and ``analyse_shelters`` on point
  GeoDataFrames (validation, centroids, per-feature and summary figures) — the whole core.
* access: ``Access(...).two_stage_fca(max_cost=radius, normalize=False)``. A dense 2×10⁸ cost
  table does not fit, so access is given only the pairs within the radius, built beforehand
  with a cKDTree and NOT counted in its time (building the Access object and running
  two_stage_fca are).

Values are checked equal (max |difference| ≤ 1e-9 m² per person). Run:
``.venv/bin/python bench/bench_shelters.py`` (``--demand/--supply/--radius`` to change sizes).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

if __package__:
    from . import common
else:  # run as a script: bench/ is sys.path[0]
    import common

SEED = 20240425
SIZE_M = 60_000.0


def make_case(n_demand, n_supply, seed=SEED):
    rng = np.random.default_rng(seed)
    demand_xy = rng.uniform(0, SIZE_M, (n_demand, 2))
    supply_xy = rng.uniform(0, SIZE_M, (n_supply, 2))
    demand = rng.integers(1, 3000, n_demand).astype(np.float64)
    supply = rng.uniform(2_000, 100_000, n_supply)
    return demand_xy, demand, supply_xy, supply


def rss_now_mb():
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def run_case(case, n_demand, n_supply, radius, out_path):
    common.register_package()
    demand_xy, demand, supply_xy, supply = make_case(n_demand, n_supply)
    info = {"case": case}
    if case == "ours":
        from riskatlas.core.shelter_capacity import two_step_fca

        two_step_fca(demand_xy[:100], demand[:100], supply_xy[:10], supply[:10], radius)  # warm imports
        base = rss_now_mb()
        with common.Timer() as timer:
            result = two_step_fca(demand_xy, demand, supply_xy, supply, radius)
        values = result.m2_per_capita
        info["pairs"] = int(result.n_pairs)
    elif case == "ours_pairs":
        from scipy.spatial import cKDTree

        from riskatlas.core.shelter_capacity import fca_from_pairs

        # untimed, as for access: the same pair table
        found = cKDTree(demand_xy).sparse_distance_matrix(cKDTree(supply_xy), radius, output_type="ndarray")
        di, si = found["i"].astype(np.int64), found["j"].astype(np.int64)
        fca_from_pairs(di[:10], si[:10], demand, supply)
        base = rss_now_mb()
        with common.Timer() as timer:
            result = fca_from_pairs(di, si, demand, supply)
        values = result.m2_per_capita
        info["pairs"] = int(result.n_pairs)
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
        analyse_shelters(shelters.iloc[:10], population.iloc[:100], radius=radius)  # warm imports
        base = rss_now_mb()
        with common.Timer() as timer:
            result = analyse_shelters(shelters, population, radius=radius)
        values = result.population["m2_per_capita"].to_numpy()
        info["pairs"] = int(result.summary["pairs_in_reach"])
    elif case == "access":
        import pandas as pd
        from access import Access
        from scipy.spatial import cKDTree

        # untimed in access's own figure: the pairs within the radius, as access's cost table
        with common.Timer() as building:
            found = cKDTree(demand_xy).sparse_distance_matrix(cKDTree(supply_xy), radius, output_type="ndarray")
            cost_df = pd.DataFrame({"origin": found["i"].astype(np.int64), "dest": found["j"].astype(np.int64),
                                    "cost": found["v"]})
        info["pair_table_seconds"] = building.seconds
        demand_df = pd.DataFrame({"residents": demand}, index=pd.Index(np.arange(n_demand), name="geoid"))
        supply_df = pd.DataFrame({"area": supply}, index=pd.Index(np.arange(n_supply), name="geoid"))
        info["pairs"] = len(cost_df)
        info["min_gap_to_radius_m"] = float(np.abs(found["v"] - radius).min()) if len(found) else None
        base = rss_now_mb()
        with common.Timer() as timer:
            peer = Access(demand_df=demand_df, demand_value="residents", supply_df=supply_df, supply_value="area",
                          cost_df=cost_df, cost_origin="origin", cost_dest="dest", cost_name="cost")
            series = peer.two_stage_fca(name="fca", max_cost=radius, normalize=False)["fca_area"]
        values = series.reindex(np.arange(n_demand)).to_numpy()  # NaN where no shelter is in reach
    else:
        raise SystemExit(f"unknown case {case}")
    info.update(seconds=timer.seconds, peak_rss_mb=common.peak_rss_mb(), rss_before_mb=base)
    np.save(out_path, values)
    print(json.dumps(info))


def child(case, args, folder):
    out = os.path.join(folder, f"{case}.npy")
    command = [sys.executable, os.path.abspath(__file__), "--case", case, "--demand", str(args.demand),
               "--supply", str(args.supply), "--radius", str(args.radius), "--out", out]
    completed = subprocess.run(command, capture_output=True, text=True, check=True)
    info = json.loads(completed.stdout.strip().splitlines()[-1])
    return info, np.load(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demand", type=int, default=100_000)
    parser.add_argument("--supply", type=int, default=2_000)
    parser.add_argument("--radius", type=float, default=1_500.0)
    parser.add_argument("--case")
    parser.add_argument("--out")
    args = parser.parse_args()
    if args.case:
        run_case(args.case, args.demand, args.supply, args.radius, args.out)
        return 0
    print(f"shelter 2SFCA: {args.demand:,} population features × {args.supply:,} shelters, radius {args.radius:g} m")
    with tempfile.TemporaryDirectory() as folder:
        ours, ours_values = child("ours", args, folder)
        algebra, algebra_values = child("ours_pairs", args, folder)
        full, full_values = child("ours_gdf", args, folder)
        peer, peer_values = child("access", args, folder)
    reached = ~np.isnan(peer_values)
    diff = max(np.abs(v[reached] - peer_values[reached]).max() for v in (ours_values, algebra_values, full_values))
    unreached_ok = all(bool((v[~reached] == 0).all()) for v in (ours_values, algebra_values, full_values))
    print(f"pairs within the radius: {ours['pairs']:,} (access given {peer['pairs']:,}; closest distance to the "
          f"radius {peer['min_gap_to_radius_m']:.2e} m, so no ties)")
    rows = (("ours: two_step_fca (pair search + sparse sums)", ours),
            ("ours: fca_from_pairs (same pairs given)", algebra),
            ("ours: analyse_shelters (GeoDataFrames, all)", full),
            ("pysal access two_stage_fca (pairs given)", peer))
    for label, info in rows:
        print(f"  {label:47s} {info['seconds']:8.3f} s   peak RSS {info['peak_rss_mb']:7.0f} MB "
              f"(+{info['peak_rss_mb'] - info['rss_before_mb']:.0f} MB over the loaded data)")
    print(f"  (building access's pair table, not in its time: {peer['pair_table_seconds']:.3f} s)")
    print("ratio access / ours (target ≥ 10×):")
    print(f"  METHOD 1 incl. our pair search vs access given the pairs: {peer['seconds'] / ours['seconds']:6.1f}×")
    print(f"  same pairs given to both (the 2SFCA sums only):           {peer['seconds'] / algebra['seconds']:6.1f}×")
    print(f"  both including the pair search/table:                     "
          f"{(peer['seconds'] + peer['pair_table_seconds']) / ours['seconds']:6.1f}×")
    print(f"  whole core (analyse_shelters) vs access given the pairs:  {peer['seconds'] / full['seconds']:6.1f}×")
    print(f"values: max |ours − access| = {diff:.2e} m²/person over {int(reached.sum()):,} reached features; "
          f"{int((~reached).sum()):,} with no shelter in reach: ours 0, access none — "
          f"{'EQUAL' if diff <= 1e-9 and unreached_ok else 'DIFFERENT'}")
    return 0 if diff <= 1e-9 and unreached_ok else 1


if __name__ == "__main__":
    sys.exit(main())
