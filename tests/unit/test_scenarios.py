"""core.scenarios on a hand-worked pair of runs.

Two townships side by side, T1 = [0, 1000] × [0, 1000] and T2 = [1000, 2000] × [0, 1000], each one four-colour
map cell (T1 1,000 residents, T2 2,000: uniform densities 0.001 and 0.002 per m²).

BEFORE: station A reaches first x ∈ [0, 500] (its analysis counts 400 residents), the gap is x ∈ [500, 2000]
(2,600). The gap's residents go to the townships by the map's residents under it: T1 0.5 km² × 1,000/km² = 500,
T2 2,000 → T1 2,600 × 500/2,500 = 520, T2 2,080. Covered: T1 400, T2 0.
AFTER: a new station B reaches x ∈ [1000, 1500] (900 residents); gaps x ∈ [500, 1000] ∪ [1500, 2000] (1,700:
T1 500 : T2 1,000 → 566.67 / 1,133.33). Covered: T1 400 (no change), T2 900 (+900).
Shelters: T1 1.2 m²/p. both; T2 1.0 → 1.6 (a new shelter).
Targets (fire-station reach): E1 in T1 covered both; E2 in T2 7.5 min → 4.2 (gained); E3 in T2 4.9 → 5.1 (lost);
E4 only AFTER (added). Rescue targets only in AFTER: not compared.
"""
import math

import geopandas as gpd
import numpy as np
import pytest
import shapely

from riskatlas.core.errors import InputError
from riskatlas.core.scenarios import Run, compare_runs, township_figures


def box(x0, x1):
    return shapely.box(x0, 0, x1, 1000)


def towns(m2pc_t2):
    return gpd.GeoDataFrame({"town_id": ["T1", "T2"], "name": ["一镇", "二镇"], "residents": [1000.0, 2000.0],
                             "shelter_area_m2": [1200.0, 2000.0 * m2pc_t2], "m2_per_capita": [1.2, m2pc_t2]},
                            geometry=[box(0, 1000), box(1000, 2000)])


RISK_MAP = gpd.GeoDataFrame({"risk_level": [4, 4], "residents": [1000.0, 2000.0]},
                            geometry=[box(0, 1000), box(1000, 2000)])


def reach_targets(rows):
    return gpd.GeoDataFrame({"target_layer": ["enterprise_risk"] * len(rows), "target_id": [r[0] for r in rows],
                             "arrival_min": [r[1] for r in rows], "covered": [r[2] for r in rows]},
                            geometry=[shapely.Point(r[3], 500) for r in rows])


def before_run():
    return Run("today", {
        "shelter_units": towns(1.0), "risk_map": RISK_MAP,
        "reach_areas": gpd.GeoDataFrame({"station_id": ["A"], "residents": [400.0]}, geometry=[box(0, 500)]),
        "reach_gaps": gpd.GeoDataFrame({"residents": [2600.0]}, geometry=[box(500, 2000)]),
        "reach_targets": reach_targets([("E1", 3.0, True, 200), ("E2", 7.5, False, 1200), ("E3", 4.9, True, 1800)]),
        "enterprise_risk": gpd.GeoDataFrame({"ent_id": ["E1", "E2", "E3"], "name": ["甲厂", "乙厂", "丙厂"]},
                                            geometry=[None] * 3)}, town_key="town_id")


def after_run():
    return Run("plus B", {
        "shelter_units": towns(1.6), "risk_map": RISK_MAP,
        "reach_areas": gpd.GeoDataFrame({"station_id": ["A", "B"], "name": ["甲站", "乙站"], "residents": [400.0, 900.0]},
                                        geometry=[box(0, 500), box(1000, 1500)]),
        "reach_gaps": gpd.GeoDataFrame({"residents": [1700.0]},
                                       geometry=[shapely.union(box(500, 1000), box(1500, 2000))]),
        "reach_targets": reach_targets([("E1", 3.0, True, 200), ("E2", 4.2, True, 1200), ("E3", 5.1, False, 1800),
                                        ("E4", 3.0, True, 1900)]),
        "rescue_targets": gpd.GeoDataFrame({"target_id": ["K1"], "name": ["学校"], "arrival_min": [9.0],
                                            "covered": [True]}, geometry=[shapely.Point(100, 100)])},
        town_key="town_id")


def test_township_figures_follow_the_reach_residents():
    figures = township_figures(before_run())
    assert figures["covered"].tolist() == pytest.approx([400.0, 0.0])
    assert figures["not_covered"].tolist() == pytest.approx([520.0, 2080.0])
    after = township_figures(after_run())
    assert after["covered"].tolist() == pytest.approx([400.0, 900.0])
    assert after["not_covered"].tolist() == pytest.approx([1700 * 500 / 1500, 1700 * 1000 / 1500])
    assert after["m2_per_capita"].tolist() == pytest.approx([1.2, 1.6])


def test_townships_before_and_after():
    comparison = compare_runs(before_run(), after_run())
    towns_ = comparison.townships
    assert towns_["town_id"].tolist() == ["T1", "T2"]
    assert towns_["covered_before"].tolist() == pytest.approx([400.0, 0.0])
    assert towns_["covered_after"].tolist() == pytest.approx([400.0, 900.0])
    assert towns_["covered_change"].tolist() == pytest.approx([0.0, 900.0])
    assert towns_["covered_pct_before"].tolist() == pytest.approx([100 * 400 / 920, 0.0])
    assert towns_["covered_pct_after"].tolist() == pytest.approx([100 * 400 / (400 + 1700 / 3), 100 * 900 / (900 + 1700 * 2 / 3)])
    assert towns_["m2pc_change"].tolist() == pytest.approx([0.0, 0.6])
    assert towns_["targets_gained"].tolist() == [0, 1]
    assert towns_["targets_lost"].tolist() == [0, 1]
    assert comparison.totals["covered_before"] == pytest.approx(400.0)
    assert comparison.totals["covered_after"] == pytest.approx(1300.0)
    assert comparison.new_stations["station_id"].tolist() == ["B"]


def test_changes_are_the_features_whose_coverage_changed():
    comparison = compare_runs(before_run(), after_run())
    changes = comparison.changes
    rows = {(r.kind, r.id): r for r in changes.itertuples()}
    assert set(rows) == {("township", "T2"), ("shelter_township", "T2"), ("enterprise", "E2"), ("enterprise", "E3"),
                         ("enterprise", "E4")}
    assert (rows["township", "T2"].before, rows["township", "T2"].after) == pytest.approx((0.0, 900.0))
    assert rows["township", "T2"].status == "better" and rows["township", "T2"].unit == "residents"
    assert rows["shelter_township", "T2"].change == pytest.approx(0.6)
    assert (rows["enterprise", "E2"].before, rows["enterprise", "E2"].after, rows["enterprise", "E2"].status) == (
        7.5, 4.2, "gained")
    assert rows["enterprise", "E3"].status == "lost" and rows["enterprise", "E3"].name == "丙厂"
    assert rows["enterprise", "E4"].status == "added" and math.isnan(rows["enterprise", "E4"].before)
    # one point layer: a target at its own point, a township at a point on its surface
    assert set(shapely.get_type_id(changes.geometry.to_numpy())) == {0}
    assert shapely.contains(box(1000, 2000), rows["township", "T2"].geometry)
    assert rows["enterprise", "E2"].geometry.equals(shapely.Point(1200, 500))
    assert comparison.compared == ("reach_targets",) and comparison.skipped == ("rescue_targets",)
    assert changes["kind"].tolist()[:2] == ["township", "shelter_township"]  # townships first


def test_identical_runs_change_nothing():
    comparison = compare_runs(after_run(), after_run())
    assert len(comparison.changes) == 0
    assert np.allclose(comparison.townships["covered_change"], 0.0)


def test_a_difference_below_half_a_resident_is_rounding():
    after = after_run()
    after.layers["reach_areas"] = after.layers["reach_areas"].assign(residents=[400.3, 900.0])
    before = after_run()
    changes = compare_runs(before, after).changes
    assert ("township", "T1") not in {(r.kind, r.id) for r in changes.itertuples()}


def test_a_covered_value_that_is_not_yes_or_no_is_named():
    after = after_run()
    after.layers["reach_targets"] = after.layers["reach_targets"].assign(covered=[True, "maybe", False, True])
    with pytest.raises(InputError) as error:
        compare_runs(before_run(), after)
    text = str(error.value)
    assert "reach_targets" in text and "E2 (fid 1)" in text and "covered" in text


def test_a_duplicate_target_is_named():
    before = before_run()
    before.layers["reach_targets"] = before.layers["reach_targets"].assign(target_id=["E1", "E1", "E3"])
    with pytest.raises(InputError) as error:
        compare_runs(before, after_run())
    assert "reach_targets" in str(error.value) and "E1 (fid 0)" in str(error.value)
