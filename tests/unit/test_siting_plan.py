"""core.siting.plan on a hand-worked network; MCLP by the Lagrangian bound and branch and bound against exhaustive search;
network.search_each against one multi-source search per point."""
import itertools

import numpy as np
import pytest
import shapely
from scipy import sparse

from riskatlas.core import network as nw
from riskatlas.core.fire_reach import ReachOptions
from riskatlas.core.siting import solve as solve_module
from riskatlas.core.siting.plan import SitingTargets, plan_sites, tier_limits
from riskatlas.core.errors import InputError

# A straight road from x = 0 to x = 6000 m at 36 km/h (600 m/min), both ways. Time limit 5 min,
# turnout 1 min: 4 min of driving = 2400 m. Existing station at x = 0 reaches [0, 2400];
# candidate A at x = 1500 reaches [0, 3900]; candidate B at x = 6000 reaches [3600, 6000].
# Land within 200 m of a reached road point counts (ACCESS_DISTANCE).
ROAD = shapely.LineString([(0, 0), (6000, 0)])
STUDY = shapely.box(0, -1000, 6000, 1000)
CANDIDATES = np.array([shapely.Point(1500, 0), shapely.Point(6000, 0)], dtype=object)
# residents: 100 in the square x 4300..4400 (nearest point A reaches: 3900, 400 m away; B reaches it)
POPULATION = np.array([shapely.box(4300, 0, 4400, 100)], dtype=object)
# targets: T1 only A reaches (2700 is beyond the station's 2400 and before B's 3600); T2 300 m off the
# road (beyond the access distance): nobody reaches it; T3 the station reaches now
TARGETS = SitingTargets(np.array([shapely.Point(2700, 100), shapely.Point(5000, 300), shapely.Point(1000, 50)],
                                 dtype=object), np.array(["T1", "T2", "T3"], dtype=object),
                        np.array(["hazard_units"] * 3, dtype=object), np.array([1, 1, 4]))


def _plan(**extra):
    arguments = dict(candidates=CANDIDATES, candidate_ids=["A", "B"], study_area=STUDY, population=POPULATION,
                     residents=np.array([100.0]), targets=TARGETS, new_sites=1, options=ReachOptions())
    arguments.update(extra)
    return plan_sites(np.array([ROAD], dtype=object), np.array([36.0]), None, np.array([[0.0, 0.0]]),
                      np.array([1.0]), **arguments)


def test_hand_worked_network_residents_only_picks_b():
    plan = _plan()
    assert list(plan.sites["site_id"]) == ["B"]
    assert plan.sites["added_residents"].iloc[0] == pytest.approx(100.0, abs=0.5)
    summary = plan.summary.set_index("measure")
    assert summary.loc["residents covered", "before"] == 0
    assert summary.loc["residents covered", "after"] == pytest.approx(100, abs=1)
    assert summary.loc["targets covered", "before"] == 1  # T3, by the existing station
    assert summary.loc["fire stations", "after"] == 2


def test_hand_worked_network_risk_weights_pick_a_for_the_major_target():
    plan = _plan(weight_preset="risk_weighted")
    assert list(plan.sites["site_id"]) == ["A"]
    assert plan.sites["added_targets"].iloc[0] == 1
    uncovered = plan.uncovered
    t2 = uncovered[uncovered["demand_id"] == "T2"].iloc[0]
    assert not t2["coverable"] and t2["arrival_limit_min"] == 5.0 and t2["risk_level"] == 1
    assert set(uncovered["demand_id"]) == {"T2", "R1"}  # the residents A leaves, T2


def test_hand_worked_tier_limit_shortens_the_major_targets_time():
    plan = _plan(weight_preset="risk_weighted", limits_by_level=(2.5, 5, 5, 5))
    # 1.5 min of driving = 900 m: A reaches [600, 2400]; T1's nearest road point within 200 m is
    # x ≈ 2527: out of reach, so the residents decide: B
    assert list(plan.sites["site_id"]) == ["B"]


def test_candidates_of_both_kinds_need_the_siting_rules():
    hazard = np.array([shapely.Point(1600, 0)], dtype=object)  # 100 m from A
    plan = _plan(weight_preset="risk_weighted", hazard_units=hazard)
    assert list(plan.sites["site_id"]) == ["B"]
    assert plan.rules.removed_by_rule["hazard_setback"] == 1
    assert "crowded_exit_setback" in plan.rules.skipped_rules


def test_tier_limits_text():
    assert tier_limits("", 5) == (5, 5, 5, 5)
    assert tier_limits("4,5，5,6", 5) == (4, 5, 5, 6)
    for bad in ("4,5,5", "a,b,c,d", "0,5,5,5"):
        with pytest.raises(InputError):
            tier_limits(bad, 5)


def test_search_each_equals_a_search_from_each_point_alone():
    rng = np.random.default_rng(3)
    lines = [shapely.LineString(rng.random((4, 2)) * 2000) for _ in range(30)]
    net = nw.build_network(np.array(lines, dtype=object), np.full(30, 40.0), np.zeros(30, dtype=np.int8))
    points = rng.random((7, 2)) * 2000
    loc = nw.locate(net, points)
    seen = dict(nw.search_each(net, loc, 1.0, 3.0, block=3))
    assert sorted(seen) == list(np.flatnonzero(loc.snapped))
    for k, result in seen.items():
        one = nw.Location(loc.edge[[k]], loc.fraction[[k]], loc.distance[[k]], loc.snapped[[k]], loc.xy[[k]])
        alone = nw.search(net, one, offsets=[1.0], limit=3.0)
        a = nw.reached_parts(result, 3.0)
        b = nw.reached_parts(alone, 3.0)
        assert a.length(net).sum() == pytest.approx(b.length(net).sum(), rel=1e-9)


def _brute(dense, w, p):
    best = 0.0
    for combo in itertools.combinations(range(dense.shape[1]), min(p, dense.shape[1])):
        best = max(best, w[dense[:, list(combo)].any(axis=1)].sum())
    return best


@pytest.mark.parametrize("seed", range(40))  # about a quarter need the branch and bound (the bound alone: the rest)
def test_mclp_by_branch_and_bound_equals_exhaustive_search(seed, monkeypatch):
    monkeypatch.setattr(solve_module, "EXACT_ABOVE_NNZ", -1)  # every MCLP by the Lagrangian bound and branch and bound
    rng = np.random.default_rng(seed)
    n_demand, n_cand = int(rng.integers(10, 60)), int(rng.integers(5, 13))
    dense = rng.random((n_demand, n_cand)) < rng.uniform(0.1, 0.5)
    w = np.round(rng.random(n_demand) * 50, 2)
    for p in (1, 2, 3, 4, 5):
        result = solve_module.solve_mclp(sparse.csr_matrix(dense), w, None, p)
        assert result.status in ("optimal", "trivial")
        assert result.total_gain == pytest.approx(_brute(dense, w, p), abs=1e-9)


def test_summary_measures_named_in_both_languages():
    from riskatlas.core.siting.tables import MEASURE_LABELS, measure_label

    assert measure_label("residents covered", "zh") == "可达人口（人）"
    assert measure_label("residents covered", "en") == "Residents reached"
    assert measure_label("targets of risk level 2 covered", "zh") == "风险等级 2 的可达目标（个）"
    assert measure_label("targets of risk level 2 covered", "en") == "Targets of risk level 2 reached"
    assert measure_label("targets of risk level x covered", "zh") == "targets of risk level x covered"  # not a level
    assert measure_label("something else", "zh") == "something else"
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in zh) for zh, _en in MEASURE_LABELS.values())
