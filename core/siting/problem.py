"""The coverage problem of fire-station siting: validation and reduction before the solver.

The coverage matrix ``A`` (demand × candidates, boolean) is built upstream: ``A[i, j]`` is True
when candidate j reaches demand unit i within demand i's OWN time limit (its risk tier's limit
minus turnout). Per-tier limits therefore never reach the solver: one matrix carries them.
"""
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse

from .. import messages as m
from ..errors import InputError

_SIGNATURE_SEED = 20240917  # fixed: the reduction is deterministic
_MAX_DOMINANCE_ROUNDS = 8  # dropping columns can make rows dominated and back; a few rounds settle it
_DOMINANCE_BLOCK = 500  # columns per overlap product
_DOMINANCE_WORK = 2e8  # multiply-adds above which subset tests are skipped (≈ a few seconds)


@dataclass(frozen=True)
class CoverageProblem:
    """Validated inputs. ``coverage``: CSR boolean (demand × candidates), explicit zeros removed."""

    coverage: sparse.csr_matrix
    weights: np.ndarray
    covered_now: np.ndarray

    @property
    def n_demand(self) -> int:
        return self.coverage.shape[0]

    @property
    def n_candidates(self) -> int:
        return self.coverage.shape[1]

    @property
    def unreachable(self) -> np.ndarray:
        """Demand not covered now that no candidate covers (never makes a problem infeasible)."""
        return np.flatnonzero(~self.covered_now & (np.diff(self.coverage.indptr) == 0))


@dataclass(frozen=True)
class ReducedProblem:
    """The problem the solver sees. Demand rows: still open (not covered now, coverable, weight > 0),
    identical rows merged (weights summed). Candidate columns: covering some open demand, not
    dominated (a column whose demand is a strict subset of another's is never needed: the other
    does at least as well; identical columns keep the lowest candidate index). For the set cover
    (LSCP) also dominated rows are dropped: covering a row whose candidates are a subset of
    another row's covers that one too. ``columns[k]``: original candidate index of column k."""

    matrix: sparse.csc_matrix  # float 0/1, as the solver takes it
    weights: np.ndarray
    columns: np.ndarray

    @property
    def shape(self) -> tuple[int, int]:
        return self.matrix.shape


def coverage_problem(coverage: sparse.spmatrix | npt.ArrayLike, weights: npt.ArrayLike,
                     covered_now: npt.ArrayLike | None = None) -> CoverageProblem:
    """Check and normalise the inputs (InputError naming the bad demand positions)."""
    if not sparse.issparse(coverage):
        coverage = sparse.csr_matrix(np.asarray(coverage, dtype=bool))
    matrix = sparse.csr_matrix(coverage, dtype=bool)
    matrix.eliminate_zeros()
    matrix.sort_indices()
    n_demand = matrix.shape[0]
    w = np.asarray(weights, dtype=float).reshape(-1)
    if len(w) != n_demand:
        raise InputError(m.LENGTHS_DIFFER, given=len(w), what="demand weights", expected=n_demand,
                         of="demand units (coverage rows)")
    bad = np.flatnonzero(~np.isfinite(w) | (w < 0))
    if len(bad):
        raise InputError(m.WEIGHT_NOT_VALID, layer="demand", feature_ids=bad)
    if covered_now is None:
        now = np.zeros(n_demand, dtype=bool)
    else:
        now = np.asarray(covered_now, dtype=bool).reshape(-1)
        if len(now) != n_demand:
            raise InputError(m.LENGTHS_DIFFER, given=len(now), what="'covered now' flags", expected=n_demand,
                             of="demand units")
    return CoverageProblem(matrix, w, now)


def open_part(problem: CoverageProblem) -> ReducedProblem:
    """Only the open demand (not covered now, weight > 0, covered by some candidate) and the
    candidates covering some of it: what a large MCLP's branch and bound takes (its rows are
    already the demand's groups; the dominance tests would cost it more than they save)."""
    a = problem.coverage
    open_rows = ~problem.covered_now & (np.diff(a.indptr) > 0) & (problem.weights > 0)
    sub = sparse.csc_matrix(a[open_rows], dtype=np.float64)
    columns = np.flatnonzero(np.diff(sub.indptr) > 0)
    return ReducedProblem(sub[:, columns], problem.weights[open_rows], columns)


def reduce_problem(problem: CoverageProblem, set_cover: bool = False) -> ReducedProblem:
    """Drop what cannot change the optimum and merge what is identical (see ReducedProblem).
    ``set_cover``: reduce for LSCP (rows dominated by other rows dropped too)."""
    a = problem.coverage
    open_rows = ~problem.covered_now & (np.diff(a.indptr) > 0) & (problem.weights > 0)
    sub = sparse.csc_matrix(a[open_rows], dtype=np.float64)
    weights = problem.weights[open_rows]
    columns = np.arange(a.shape[1])
    for _ in range(_MAX_DOMINANCE_ROUNDS):
        useful = ~_dominated_columns(sub)
        sub, columns = sub[:, useful], columns[useful]
        rows_dropped = _dominated_rows(sub) if set_cover else np.zeros(sub.shape[0], dtype=bool)
        sub, weights = sub[~rows_dropped], weights[~rows_dropped]
        if useful.all() and not rows_dropped.any():
            break
    sub = sub.tocsr()
    row_group = _identical_groups(sub.T.tocsc())  # rows of sub are the columns of its transpose
    rows_kept, group_of_row = np.unique(row_group, return_inverse=True)
    merged_weights = np.bincount(group_of_row.reshape(-1), weights=weights, minlength=len(rows_kept))
    return ReducedProblem(sparse.csc_matrix(sub[rows_kept]), merged_weights, columns)


def _dominated_columns(m: sparse.csc_matrix) -> np.ndarray:
    """Columns covering nothing, identical to a column of lower index, or covering a strict subset
    of another column's rows (the subset test only within the work budget)."""
    size = np.diff(m.indptr)
    dropped = (size == 0) | (_identical_groups(m) != np.arange(m.shape[1]))
    return dropped | _strict_subsets(m, size)


def _dominated_rows(m: sparse.csc_matrix) -> np.ndarray:
    """Rows whose candidate set strictly contains another row's (set cover only)."""
    rows = sparse.csc_matrix(m.T)  # the rows of m as columns
    return _strict_supersets(rows, np.diff(rows.indptr))


def _strict_subsets(m: sparse.csc_matrix, size: np.ndarray) -> np.ndarray:
    """Columns whose rows are a strict subset of another column's."""
    return _subset_pairs(m, size, drop_smaller=True)


def _strict_supersets(m: sparse.csc_matrix, size: np.ndarray) -> np.ndarray:
    """Columns whose rows strictly contain another column's."""
    return _subset_pairs(m, size, drop_smaller=False)


def _subset_pairs(m: sparse.csc_matrix, size: np.ndarray, drop_smaller: bool) -> np.ndarray:
    """Pairs (j, k) with S_j ⊂ S_k strictly, from the overlap counts |S_j ∩ S_k| = (mᵀm)_jk, computed
    in blocks of columns to bound memory. Skipped (nothing marked) when the product would cost more
    than ``_DOMINANCE_WORK`` multiply-adds: the reduction is an aid, never a requirement."""
    marked = np.zeros(m.shape[1], dtype=bool)
    row_degree = np.diff(m.tocsr().indptr).astype(np.float64)
    if float((row_degree ** 2).sum()) > _DOMINANCE_WORK:
        return marked
    transposed = sparse.csr_matrix(m.T)
    for first in range(0, m.shape[1], _DOMINANCE_BLOCK):
        overlap = (transposed[first:first + _DOMINANCE_BLOCK] @ m).tocoo()
        j, k = overlap.row + first, overlap.col
        subset = (overlap.data == size[j]) & (size[k] > size[j])
        marked[(k if not drop_smaller else j)[subset]] = True
    return marked


def _identical_groups(m: sparse.spmatrix) -> np.ndarray:
    """For each column of ``m``: the position of the first column identical to it. Columns are
    grouped by two random-projection signatures (identical columns have bit-identical sums), then
    every column is checked against its group's first, so a signature collision cannot merge
    different columns (an exact grouping takes over then)."""
    m = sparse.csc_matrix(m, dtype=np.float64)
    m.sort_indices()
    n_cols = m.shape[1]
    if n_cols == 0:
        return np.zeros(0, dtype=np.int64)
    rng = np.random.default_rng(_SIGNATURE_SEED)
    signature = np.column_stack([m.T @ rng.random(m.shape[0]), m.T @ rng.random(m.shape[0]),
                                 np.diff(m.indptr)])
    _, first, inverse = np.unique(signature, axis=0, return_index=True, return_inverse=True)
    representative = first[inverse.reshape(-1)]
    if abs(m - m[:, representative]).sum() == 0:
        return representative
    return _identical_groups_exact(m)


def _identical_groups_exact(m: sparse.csc_matrix) -> np.ndarray:
    first_of: dict[bytes, int] = {}
    representative = np.empty(m.shape[1], dtype=np.int64)
    for j in range(m.shape[1]):
        key = m.indices[m.indptr[j]:m.indptr[j + 1]].tobytes()
        representative[j] = first_of.setdefault(key, j)
    return representative


def prune_for_max_cover(problem: CoverageProblem, p: int) -> CoverageProblem | None:
    """The problem without the candidates no optimal set of ``p`` sites can hold, or None when
    none can be dropped. Coverage is submodular: a set's added weight is at most the sum of its
    sites' single gains g_j, so a site j is in a set at least as good as the greedy one (value V)
    only if g_j + (the p − 1 largest gains of the other sites) ≥ V. Dropping the others changes
    no optimum; a county's hundred thousand demand groups shrink to those the plausible sites
    reach, which is what lets HiGHS prove optimality in seconds."""
    a = problem.coverage
    open_rows = ~problem.covered_now & (problem.weights > 0)
    w = np.where(open_rows, problem.weights, 0.0)
    csc = sparse.csc_matrix(a, dtype=np.float64)
    gain = csc.T @ w
    if p <= 0 or p >= np.count_nonzero(gain):
        return None
    open_weight, value = w.copy(), 0.0
    for _ in range(p):  # the greedy value (an incumbent)
        step = csc.T @ open_weight
        best = int(np.argmax(step))
        if step[best] <= 0:
            break
        value += float(step[best])
        open_weight[csc.indices[csc.indptr[best]:csc.indptr[best + 1]]] = 0.0
    top = np.sort(gain)[::-1][:p]  # the p largest single gains
    others = np.where(gain >= top[-1], top[:p - 1].sum() - gain + top[-1] if p > 1 else 0.0, top[:p - 1].sum())
    # (for a site among the p largest, the p − 1 largest of the others are the p largest less itself)
    keep = gain + others >= value * (1 - 1e-9)
    if keep.all():
        return None
    matrix = sparse.csr_matrix(a @ sparse.diags(keep.astype(np.float64)), dtype=bool)
    matrix.eliminate_zeros()
    return CoverageProblem(matrix, problem.weights, problem.covered_now)
