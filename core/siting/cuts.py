"""MCLP on large coverage matrices by submodular cuts (Nemhauser & Wolsey 1981), each master
problem solved with ``scipy.optimize.milp``.

Covered weight f(S) is monotone submodular, so for every set S and every set T:
f(T) ≤ f(S) + Σ_{j∈T} ρ_j(S), ρ_j(S) the weight site j adds to S. The master problem
max θ s.t. θ ≤ f(S_k) + Σ_j ρ_j(S_k) x_j (one cut per set S_k met so far), Σ x_j ≤ p, x binary,
has as few rows as cuts and as many columns as candidates — not the tens of thousands of demand
groups of the LP formulation, which HiGHS cannot solve in minutes at county scale. Its optimum θ*
bounds the MCLP optimum from above; the best f(S_k) found bounds it from below; each answer
x* not yet cut off gives a new cut. When they meet, the best set is proven optimal.
"""
import time

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from .highs import Outcome
from .problem import ReducedProblem

_TOLERANCE = 1e-7  # relative: θ* this close to the best value is optimal


def max_cover_by_cuts(reduced: ReducedProblem, p: int, time_limit_s: float | None = None) -> Outcome:
    """The best ``p`` columns of ``reduced`` (MCLP), proven optimal unless the time limit runs out
    (then the best set met, status "time_limit", with the last master's bound)."""
    a = sparse.csc_matrix(reduced.matrix)
    w = reduced.weights
    n_cols = a.shape[1]
    start = time.perf_counter()

    def value_and_gains(picked: np.ndarray) -> tuple[float, np.ndarray]:
        covered = np.asarray(a[:, picked].sum(axis=1)).reshape(-1) > 0 if len(picked) else np.zeros(a.shape[0], bool)
        open_weight = np.where(covered, 0.0, w)
        return float(w[covered].sum()), a.T @ open_weight

    cuts_rhs: list[float] = []
    cuts: list[np.ndarray] = []
    best_set, best_value = np.zeros(0, dtype=np.int64), 0.0
    picked = np.zeros(0, dtype=np.int64)
    for k in range(p + 1):  # first cuts: the empty set and the greedy prefixes
        value, gains = value_and_gains(picked)
        cuts_rhs.append(value)
        cuts.append(np.where(np.isin(np.arange(n_cols), picked), 0.0, gains))
        if value > best_value:
            best_set, best_value = picked, value
        if k < p:
            picked = np.append(picked, int(np.argmax(np.where(np.isin(np.arange(n_cols), picked), -1.0, gains))))
    bound = float(w.sum())
    iterations = 0
    while True:
        iterations += 1
        left = None if time_limit_s is None else time_limit_s - (time.perf_counter() - start)
        if left is not None and left <= 0:
            return Outcome(reduced.columns[best_set], "time_limit",
                           f"submodular cuts: time limit after {iterations} masters", best_value, bound)
        # variables [x (n_cols binary) | θ]; maximise θ: minimise −θ
        rows = np.column_stack([-np.asarray(cuts), np.ones(len(cuts))])
        constraints = [LinearConstraint(rows, -np.inf, np.asarray(cuts_rhs)),
                       LinearConstraint(np.append(np.ones(n_cols), 0.0)[None, :], -np.inf, p)]
        # presolve off: HiGHS 1.2 (scipy 1.10) presolve calls some of these small masters infeasible
        options: dict[str, float | bool] = {"presolve": False}
        if left is not None:
            options["time_limit"] = max(left, 1.0)
        res = milp(np.append(np.zeros(n_cols), -1.0), integrality=np.append(np.ones(n_cols), 0),
                   bounds=Bounds(np.zeros(n_cols + 1), np.append(np.ones(n_cols), w.sum())),
                   constraints=constraints, options=options)
        if res.x is None:
            return Outcome(reduced.columns[best_set], "time_limit", f"submodular cuts: {res.message}", best_value,
                           bound)
        if res.status == 0:
            bound = min(bound, float(-res.fun))
        picked = np.flatnonzero(res.x[:n_cols] > 0.5)
        value, gains = value_and_gains(picked)
        if value > best_value:
            best_set, best_value = picked, value
        if bound <= best_value * (1 + _TOLERANCE) + 1e-9:
            return Outcome(reduced.columns[best_set], "optimal", f"submodular cuts: proven in {iterations} masters",
                           best_value, best_value)
        cuts_rhs.append(value)
        gains[picked] = 0.0
        cuts.append(gains)
