"""Where new fire stations should go: MCLP and LSCP on a coverage matrix, solved exactly with
HiGHS through ``scipy.optimize`` (``linprog`` and ``milp``; scipy ≥ 1.9, no new dependency).

Inputs (both objectives):

* ``coverage`` — sparse boolean matrix A, demand × candidates: A[i, j] when candidate j reaches
  demand unit i within demand i's own time limit. Per-tier limits (e.g. 4 min for major-risk
  units, 5 min for residents) are applied UPSTREAM, when A is built: each row uses its demand's
  tier limit, so the solver never sees times.
* ``weights`` — w ≥ 0 per demand unit (residents, or risk-weighted targets). Demand of weight 0
  counts for nothing in either objective.
* ``covered_now`` — demand the existing stations already cover. Existing stations are fixed:
  never moved or removed; their demand needs no new site and stays covered.

Objectives:

* MCLP (maximal covering): choose at most P new sites maximising the weighted demand covered;
  with y_i ∈ [0, 1] for open demand and binary x_j: max Σ w_i y_i, y_i ≤ Σ_j A_ij x_j, Σ x_j ≤ P
  (y need not be declared integer: with integral x an optimal y is integral).
* LSCP (location set covering): the fewest new sites covering every open demand of weight > 0
  that some candidate covers; min Σ x_j, Σ_j A_ij x_j ≥ 1. Demand no candidate covers is reported
  as ``unreachable`` and left out, so the problem is never infeasible.

Before solving, the problem is reduced (``problem.reduce_problem``): covered, uncoverable and
zero-weight demand dropped; candidates covering nothing or a strict subset of another's demand
dropped; identical rows and columns merged; for LSCP also rows implied by others (a large MCLP:
only the open demand and the candidates reaching it, ``problem.open_part``). The solve
(``highs``) takes the LP relaxation by interior point first — often integral, hence optimal —
and runs ``milp``'s branch and bound only when it is not. A large MCLP (a county's hundred
thousand demand groups) goes instead to ``branch_bound``: a greedy-and-swaps set, a Lagrangian
bound from a small LP around it, the sites that bound rules out fixed, and a branch and bound
over the rest. A time limit (default 60 s) returns the best set found, with status "time_limit"
and the proven bound.

After solving, the chosen sites are ranked (``ranking.rank_sites``): rank 1 adds the most, each
site's marginal gain counted after the existing stations and higher-ranked sites; sites adding
nothing are dropped (so MCLP may return fewer than P sites). When P is at least the number of
useful candidates, MCLP's optimum is "everything coverable", and the fewest sites achieving it
(the LSCP answer) are returned.
"""
import time
from dataclasses import dataclass
from typing import Any, Literal, Mapping

import numpy as np
import numpy.typing as npt
from scipy import sparse

from .. import log_lines as say
from .. import messages as m
from ..errors import InputError
from . import highs
from .branch_bound import max_cover_exact
from .highs import SolverStatus
from .problem import CoverageProblem, coverage_problem, open_part, prune_for_max_cover, reduce_problem
from .ranking import rank_sites

Objective = Literal["MCLP", "LSCP"]
EXACT_ABOVE_NNZ = 200_000  # larger MCLPs by a Lagrangian bound and branch and bound (HiGHS takes minutes there)
DEFAULT_TIME_LIMIT_S = 60.0  # set cover at county scale can take HiGHS hours to prove; report the gap


@dataclass(frozen=True)
class SitingResult:
    """A siting answer. Demand indices are rows of the coverage matrix, sites its columns.

    ``chosen``: candidate indices in rank order; ``added_weight`` / ``added[name]``: marginal gains
    in that order (sum = total gain); ``covered_before`` / ``covered_after``: per demand unit;
    ``weight_before`` / ``weight_after``: weighted demand covered; ``uncovered``: demand not covered
    after (any weight); ``unreachable``: the part of it no candidate can cover. ``objective_value``:
    the solver's objective (MCLP: weight added; LSCP: number of sites); ``bound``: the best proven
    bound on it (MCLP: no choice adds more; LSCP: no fewer sites suffice), equal to it when optimal;
    ``gap``: their relative difference. ``reduced_shape``: the (demand, candidates) size the solver
    saw; ``seconds``: wall time of the whole call.
    """

    objective: Objective
    chosen: np.ndarray
    added_weight: np.ndarray
    added: dict[str, np.ndarray]
    covered_before: np.ndarray
    covered_after: np.ndarray
    weight_before: float
    weight_after: float
    uncovered: np.ndarray
    unreachable: np.ndarray
    status: SolverStatus
    message: str
    objective_value: float
    bound: float
    new_sites_requested: int | None
    reduced_shape: tuple[int, int]
    seconds: float

    @property
    def total_gain(self) -> float:
        return self.weight_after - self.weight_before

    @property
    def gap(self) -> float:
        if self.objective_value == 0:
            return 0.0 if self.bound == 0 else float("inf")
        return abs(self.bound - self.objective_value) / abs(self.objective_value)


def solve_mclp(coverage: sparse.spmatrix | npt.ArrayLike, weights: npt.ArrayLike,
               covered_now: npt.ArrayLike | None = None, new_sites: int = 3, *,
               extra_weights: Mapping[str, npt.ArrayLike] | None = None,
               time_limit_s: float | None = DEFAULT_TIME_LIMIT_S, mip_rel_gap: float = 0.0) -> SitingResult:
    """The best ``new_sites`` (P) new sites for weighted covered demand (see the module docstring).
    ``extra_weights``: other per-demand vectors (e.g. ``{"residents": …, "targets": …}``) whose
    marginal gains are reported beside ``added_weight``. ``time_limit_s``: for the solver (None: no
    limit; when it runs out the best set found is returned with status "time_limit");
    ``mip_rel_gap``: HiGHS's relative optimality gap (0: proven optimal)."""
    start = time.perf_counter()
    if not isinstance(new_sites, (int, np.integer, float)) or not np.isfinite(new_sites) \
            or int(new_sites) != new_sites or new_sites < 0:
        raise InputError(m.OPTION_WHOLE, option="new stations", value=repr(new_sites))
    new_sites = int(new_sites)
    problem = coverage_problem(coverage, weights, covered_now)
    extra = _extra_weights(extra_weights, problem.n_demand)
    large = problem.coverage.nnz > EXACT_ABOVE_NNZ and mip_rel_gap == 0
    reduced = open_part(problem) if large else reduce_problem(problem)
    n_rows, n_cols = reduced.shape
    pruned = prune_for_max_cover(problem, new_sites) if 0 < new_sites < n_cols and not large else None
    if pruned is not None:
        reduced_pruned = reduce_problem(pruned)
        if reduced_pruned.shape[1] > new_sites:
            reduced = reduced_pruned
    if new_sites == 0 or n_rows == 0:
        outcome = _trivial(say.NO_NEW_STATION if new_sites == 0 else say.NO_OPEN_DEMAND)
    elif new_sites >= n_cols:  # every useful candidate fits: cover all, with the fewest sites
        outcome = highs.set_cover(reduce_problem(problem, set_cover=True), time_limit_s, mip_rel_gap)
        total = float(reduced.weights.sum())
        outcome = highs.Outcome(outcome.picked, outcome.status,
                                say.LogLine(say.COVER_ALL, new_sites=new_sites, candidates=n_cols,
                                            how=outcome.message), total, total)
    elif large:
        outcome = max_cover_exact(reduced, new_sites, time_limit_s)
    else:
        outcome = highs.max_cover(reduced, new_sites, time_limit_s, mip_rel_gap)
    return _result("MCLP", problem, reduced.shape, outcome, new_sites, extra, start)


def solve_lscp(coverage: sparse.spmatrix | npt.ArrayLike, weights: npt.ArrayLike,
               covered_now: npt.ArrayLike | None = None, *, extra_weights: Mapping[str, npt.ArrayLike] | None = None,
               time_limit_s: float | None = DEFAULT_TIME_LIMIT_S, mip_rel_gap: float = 0.0) -> SitingResult:
    """The fewest new sites so that every demand of weight > 0 that is covered now or coverable by
    some candidate is covered (see the module docstring); the rest is ``unreachable``. Options as
    ``solve_mclp``."""
    start = time.perf_counter()
    problem = coverage_problem(coverage, weights, covered_now)
    extra = _extra_weights(extra_weights, problem.n_demand)
    reduced = reduce_problem(problem, set_cover=True)
    if reduced.shape[0] == 0:
        outcome = _trivial(say.NO_OPEN_DEMAND)
    else:
        outcome = highs.set_cover(reduced, time_limit_s, mip_rel_gap)
    return _result("LSCP", problem, reduced.shape, outcome, None, extra, start)


def solve_siting(objective: Objective, coverage: sparse.spmatrix | npt.ArrayLike, weights: npt.ArrayLike,
                 covered_now: npt.ArrayLike | None = None, new_sites: int = 3, **options: Any) -> SitingResult:
    """``solve_mclp`` or ``solve_lscp`` by name ("MCLP" / "LSCP"; ``new_sites`` only for MCLP)."""
    if objective == "MCLP":
        return solve_mclp(coverage, weights, covered_now, new_sites, **options)
    if objective == "LSCP":
        return solve_lscp(coverage, weights, covered_now, **options)
    raise ValueError(f"unknown siting objective {objective!r}: 'MCLP' or 'LSCP'")


def _trivial(message: str) -> highs.Outcome:
    return highs.Outcome(np.zeros(0, dtype=np.int64), "trivial", say.LogLine(message), 0.0, 0.0)


def _result(objective: Objective, problem: CoverageProblem, reduced_shape: tuple[int, int], outcome: highs.Outcome,
            new_sites: int | None, extra: dict[str, np.ndarray], start: float) -> SitingResult:
    ranking = rank_sites(problem, outcome.picked, extra)
    w = problem.weights
    after = ranking.covered_after
    return SitingResult(
        objective=objective, chosen=ranking.sites, added_weight=ranking.added_weight, added=ranking.added,
        covered_before=problem.covered_now.copy(), covered_after=after,
        weight_before=float(w[problem.covered_now].sum()), weight_after=float(w[after].sum()),
        uncovered=np.flatnonzero(~after), unreachable=problem.unreachable, status=outcome.status,
        message=outcome.message, objective_value=float(outcome.objective), bound=float(outcome.bound),
        new_sites_requested=new_sites, reduced_shape=reduced_shape, seconds=time.perf_counter() - start)


def _extra_weights(extra_weights: Mapping[str, npt.ArrayLike] | None, n_demand: int) -> dict[str, np.ndarray]:
    """The extra per-demand vectors as float arrays, checked (one finite value per demand unit)."""
    extra: dict[str, np.ndarray] = {}
    for name, given in (extra_weights or {}).items():
        values = np.asarray(given, dtype=float).reshape(-1)
        if len(values) != n_demand:
            raise InputError(m.LENGTHS_DIFFER, given=len(values), what=f"values of '{name}'", expected=n_demand,
                             of="demand units")
        bad = np.flatnonzero(~np.isfinite(values))
        if len(bad):
            raise InputError(m.VALUES_NOT_FINITE, layer="demand", feature_ids=bad, name=name)
        extra[name] = values
    return extra
