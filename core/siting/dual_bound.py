"""A good MCLP set and a proven bound on the best one, for large coverage matrices.

The set: the greedy choice improved by swaps (one site out, the best other in, while the
covered weight grows). The bound: Lagrangian. For any u with 0 ≤ u_i ≤ w_i, every set T of
at most p sites covers at most Σ_i (w_i − u_i) + Σ_{j∈T} c_j, c = Aᵀu (a demand row counts
w_i − u_i when covered and u_i through each site covering it) — hence at most
Σ (w − u) + the p largest c_j. The best u is the LP relaxation's dual; near a good set S it
has a known shape (complementary slackness): u_i = w_i on rows S leaves open, 0 on rows S
covers twice or more, free on rows exactly one site of S covers. Only those free values go to
HiGHS (``linprog``): a small LP, whose bound on a county's problem met the optimum exactly.
The same c fix sites out (reduced-cost fixing): a site k is in no set better than a value V
when Σ (w − u) + c_k + (the p − 1 largest other c) ≤ V.
"""
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.optimize import linprog

_MAX_SWAP_ROUNDS = 100


@dataclass(frozen=True)
class LagrangianBound:
    """``bound``: no set of ``p`` sites covers more; ``site_value``: c per site; ``constant``:
    Σ (w − u); ``p``: the number of sites it bounds."""

    bound: float
    site_value: np.ndarray
    constant: float
    p: int

    def with_site(self) -> np.ndarray:
        """Per site k: the bound on every set of at most ``p`` sites holding k (k plus the
        p − 1 largest c of the other sites; c ≥ 0)."""
        c = self.site_value
        if self.p <= 1:
            return self.constant + c
        top = np.concatenate([np.sort(c)[::-1][:self.p], np.zeros(max(self.p - len(c), 0))])
        # a site at least as large as the (p − 1)-th: the top p less itself (ties alike)
        others = np.where(c >= top[self.p - 2], top.sum() - c, top[:self.p - 1].sum())
        return self.constant + c + others


def covered_weight(a: sparse.csc_matrix, w: np.ndarray, picked: np.ndarray) -> float:
    """Weight of the rows some picked column covers."""
    if len(picked) == 0:
        return 0.0
    return float(w[_times_covered(a, picked) > 0].sum())


def _times_covered(a: sparse.csc_matrix, picked: np.ndarray) -> np.ndarray:
    return np.asarray(a[:, picked].sum(axis=1)).reshape(-1)


def greedy_and_swaps(a: sparse.csc_matrix, w: np.ndarray, p: int) -> tuple[np.ndarray, float]:
    """Greedy ``p`` columns (most open weight first), then best swaps until none improves."""
    picked = np.zeros(0, dtype=np.int64)
    open_weight = w.copy()
    for _ in range(p):
        gain = a.T @ open_weight
        gain[picked] = -1.0
        best = int(np.argmax(gain))
        if gain[best] <= 0:
            break
        picked = np.append(picked, best)
        open_weight[a.indices[a.indptr[best]:a.indptr[best + 1]]] = 0.0
    value = covered_weight(a, w, picked)
    for _ in range(_MAX_SWAP_ROUNDS if len(picked) == p else 0):
        move, move_value = None, value
        for i in range(len(picked)):
            rest = np.delete(picked, i)
            covered = _times_covered(a, rest) > 0
            gain = a.T @ np.where(covered, 0.0, w)
            gain[picked] = -1.0
            k = int(np.argmax(gain))
            candidate = float(w[covered].sum()) + float(gain[k])
            if candidate > move_value * (1 + 1e-12) + 1e-12:
                move, move_value = np.append(rest, k), candidate
        if move is None:
            break
        picked, value = move, covered_weight(a, w, move)
    return picked, value


def lagrangian_bound(a: sparse.csc_matrix, w: np.ndarray, picked: np.ndarray, p: int,
                     time_limit_s: float | None = None) -> LagrangianBound:
    """The bound of the module docstring, its free values chosen by an LP around ``picked``:
    minimise Σ_once (w_i − u_i) + p·λ + Σ_k μ_k subject to λ + μ_k ≥ c_k, μ ≥ 0, 0 ≤ u_once ≤ w.
    When the LP fails, the free values are 0 (a weaker bound, still valid)."""
    n_rows, n_cols = a.shape
    times = _times_covered(a, picked) if len(picked) else np.zeros(n_rows)
    u = np.where(times == 0, w, 0.0)
    once = np.flatnonzero(times == 1)
    fixed_part = a.T @ u  # c from the rows whose u is fixed
    if len(once):
        b = sparse.csr_matrix(a[once]).T  # sites × once-covered rows
        objective = np.concatenate([-np.ones(len(once)), [float(p)], np.ones(n_cols)])
        rows = sparse.hstack([b, -np.ones((n_cols, 1)), -sparse.identity(n_cols)], format="csr")
        bounds = np.column_stack([np.concatenate([np.zeros(len(once)), [-np.inf], np.zeros(n_cols)]),
                                  np.concatenate([w[once], [np.inf], np.full(n_cols, np.inf)])])
        options = {} if time_limit_s is None else {"time_limit": max(float(time_limit_s), 1.0)}
        lp = linprog(objective, A_ub=rows, b_ub=-fixed_part, bounds=bounds, method="highs-ds", options=options)
        if lp.status == 0:
            u[once] = np.clip(lp.x[:len(once)], 0.0, w[once])
    c = a.T @ u
    constant = float((w - u).sum())
    top = np.sort(c)[::-1][:p]
    return LagrangianBound(constant + float(top.sum()), c, constant, p)
