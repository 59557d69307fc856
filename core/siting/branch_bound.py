"""MCLP on large coverage matrices, proven optimal: a good set, a Lagrangian bound, and a branch
and bound over the few sites the bound cannot rule out (``dual_bound`` for the first two).

The branch and bound takes the surviving sites in decreasing Lagrangian value c and adds them
in that order (each set once). A partial set S is dropped when no completion can beat the best
set found, by either bound:

* Lagrangian: Σ (w − u) + Σ_{j∈S} c_j + the next r values of c (r sites still to add);
* submodular: f(S) + the r largest of ρ̄_k = min_{j∈S} (g_k − W_jk) over the sites after the
  last one, g_k a site's own weight, W_jk the weight two sites cover together (ρ̄_k ≥ what k adds
  to S, as coverage only loses value when sites are added).

Measured on the sample county (2,007 candidates, 138,362 demand groups, P = 5): the bound met
the optimum, 142 sites survived the fixing, the search visited a few hundred sets.
"""
import time

import numpy as np
from scipy import sparse

from .. import log_lines as say
from .dual_bound import covered_weight, greedy_and_swaps, lagrangian_bound
from .highs import Outcome
from .problem import ReducedProblem

_TOLERANCE = 1e-9  # relative: a set this close to the best is no better


class _OutOfTime(Exception):
    pass


def max_cover_exact(reduced: ReducedProblem, p: int, time_limit_s: float | None = None) -> Outcome:
    """The best ``p`` columns of ``reduced`` (MCLP), proven optimal unless the time limit runs out
    (then the best set found, status "time_limit", with the Lagrangian bound)."""
    start = time.perf_counter()
    a = sparse.csc_matrix(reduced.matrix, dtype=np.float64)
    a.sort_indices()
    w = np.asarray(reduced.weights, dtype=np.float64)
    picked, value = greedy_and_swaps(a, w, p)
    left = None if time_limit_s is None else time_limit_s - (time.perf_counter() - start)
    lagrange = lagrangian_bound(a, w, picked, p, left)
    bound = lagrange.bound
    if bound <= value + _TOLERANCE * max(1.0, value):
        return Outcome(reduced.columns[picked], "optimal", say.LogLine(say.BOUND_MET_BY_SWAPS), value, value)
    survivors = np.flatnonzero(lagrange.with_site() > value + _TOLERANCE * max(1.0, value))
    deadline = None if time_limit_s is None else start + time_limit_s
    search = _Search(a, w, survivors, lagrange.site_value, lagrange.constant, p, value, deadline)
    try:
        search.run()
    except _OutOfTime:
        best = search.best_set if search.best_set is not None else picked
        return Outcome(reduced.columns[best], "time_limit",
                       say.LogLine(say.BRANCH_AND_BOUND_TIME_LIMIT, sites=len(survivors)),
                       max(search.best, value), bound)
    best = search.best_set if search.best_set is not None else picked
    best_value = covered_weight(a, w, best)
    return Outcome(reduced.columns[best], "optimal",
                   say.LogLine(say.BRANCH_AND_BOUND, bound=bound, sites=len(survivors), sets=search.nodes),
                   best_value, best_value)


class _Search:
    """The branch and bound of the module docstring over ``survivors``."""

    def __init__(self, a: sparse.csc_matrix, w: np.ndarray, survivors: np.ndarray, site_value: np.ndarray,
                 constant: float, p: int, incumbent: float, deadline: float | None) -> None:
        order = survivors[np.argsort(-site_value[survivors], kind="stable")]
        self.sites = order
        self.c = site_value[order]
        self.constant, self.p, self.deadline = constant, p, deadline
        sub = a[:, order]
        self.columns = [sub.indices[sub.indptr[k]:sub.indptr[k + 1]] for k in range(len(order))]
        self.gain = sub.T @ w
        self.pair = (sub.T @ sparse.diags(w) @ sub).toarray() if len(order) else np.zeros((0, 0))
        self.w = w
        self.covered = np.zeros(a.shape[0], dtype=bool)
        self.best, self.best_set = incumbent, None
        self.nodes = 0

    def _beaten(self, value: float) -> bool:
        """Whether ``value`` cannot beat the best set (within the tolerance)."""
        return value <= self.best + _TOLERANCE * max(1.0, self.best)

    def run(self) -> None:
        self._extend([], 0.0, 0.0, self.gain.astype(np.float64), -1)

    def _extend(self, chosen: list[int], value: float, c_sum: float, upper: np.ndarray, last: int) -> None:
        self.nodes += 1
        if self.deadline is not None and self.nodes % 64 == 0 and time.perf_counter() > self.deadline:
            raise _OutOfTime
        r = self.p - len(chosen)  # sites still to add, this one included
        m = len(self.sites)
        for k in range(last + 1, m):
            if self._beaten(self.constant + c_sum + self.c[k:k + r].sum()):
                break  # c decreases: no later site does better
            if upper[k] <= 0:
                continue
            if r > 1:
                after = np.minimum(upper[k + 1:], self.gain[k + 1:] - self.pair[k, k + 1:])
                rest = float(np.sort(after)[::-1][:r - 1].clip(min=0.0).sum())
            else:
                after, rest = None, 0.0
            if self._beaten(value + upper[k] + rest):
                continue
            rows = self.columns[k]
            new_rows = rows[~self.covered[rows]]
            added = float(self.w[new_rows].sum())
            if self._beaten(value + added + rest):
                continue
            if not self._beaten(value + added):
                self.best, self.best_set = value + added, self.sites[chosen + [k]]
            if r > 1 and after is not None:
                child = np.full(m, -1.0)
                child[k + 1:] = after
                self.covered[new_rows] = True
                self._extend(chosen + [k], value + added, c_sum + self.c[k], child, k)
                self.covered[new_rows] = False
