"""Checks of the sample county's one-map layers (rescue teams, supply depots, key targets, natural hazards),
run by ``check_sample_county.py``. The 险情 grades are recomputed from their thresholds written out here
(国家突发地质灾害应急预案: ≥ 1000 people 特大型, ≥ 500 大型, ≥ 100 中型, else 小型), not with the plugin's code."""
import numpy as np
import shapely

LAYERS = {"rescue_teams": "rescue_teams", "supply_depots": "supply_depots", "key_targets": "key_targets",
          "natural_hazards": "natural_hazards"}


def _grade(people):
    return "extra_large" if people >= 1000 else "large" if people >= 500 else "medium" if people >= 100 else "small"


def check_one_map(frames, c):
    county = shapely.union_all(np.asarray(frames["townships"].geometry.values, dtype=object))
    roads = shapely.STRtree(np.asarray(frames["roads"].geometry.values, dtype=object))
    teams, depots = frames["rescue_teams"], frames["supply_depots"]
    targets, hazards = frames["key_targets"], frames["natural_hazards"]
    print("rescue_teams")
    c(20 <= len(teams) <= 60, f"rescue teams: {len(teams)} (tens)")
    c(teams["type"].nunique() >= 8, f"team types: {teams['type'].nunique()} kinds")
    print("    types:", teams["type"].value_counts().to_dict())
    print("supply_depots")
    c(10 <= len(depots) <= 60, f"supply depots: {len(depots)} (tens)")
    c(set(depots["level"]) == {"county", "township", "village"}, f"levels: {sorted(set(depots['level']))}")
    for name, frame in (("teams", teams), ("depots", depots)):
        _, dist = roads.query_nearest(np.asarray(frame.geometry.values, dtype=object), return_distance=True,
                                      all_matches=False)
        c(dist.max() <= 100, f"{name} within 100 m of a road (farthest {dist.max():.0f} m)")
    print("key_targets")
    c(200 <= len(targets) <= 600, f"key targets: {len(targets)} (hundreds)")
    c(targets["category"].nunique() >= 10 and (targets["occupancy"] > 0).all(),
      f"{targets['category'].nunique()} categories, occupancy given")
    print("    categories:", targets["category"].value_counts().to_dict())
    print("natural_hazards")
    c(30 <= len(hazards) <= 100, f"natural-hazard sites: {len(hazards)} (dozens)")
    given = hazards["danger_level"].notna().to_numpy()
    expected = np.array([_grade(p) for p in hazards["threatened"]], dtype=object)
    c((hazards["danger_level"].to_numpy()[given] == expected[given]).all(),
      "险情等级 as the threatened people give it (where given)")
    c(0 < (~given).sum() < 10, f"险情等级 empty for {(~given).sum()} sites (the preset fills them in)")
    c({"extra_large", "large", "medium", "small"} <= set(expected), "every 险情 grade occurs")
    for name, frame in LAYERS.items():
        geoms = np.asarray(frames[name].geometry.values, dtype=object)
        c(shapely.contains(county, geoms).all(), f"{name} inside the county")
        c(frames[name].iloc[:, 0].is_unique, f"{name} ids unique")
