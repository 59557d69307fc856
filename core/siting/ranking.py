"""Rank chosen sites: the greedy order within a chosen set, with each site's marginal gain."""
from dataclasses import dataclass
from typing import Mapping

import numpy as np
import numpy.typing as npt
from scipy import sparse

from .problem import CoverageProblem

_TIE_RTOL = 1e-9  # gains this close are a tie (sums of the same weights in another order)


@dataclass(frozen=True)
class Ranking:
    """``sites``: candidate indices in rank order (rank 1 first); ``added_weight[k]``: weighted
    demand site k newly covers after the existing stations and sites ranked before it;
    ``added[name][k]``: the same for each extra weight vector; ``covered_after``: demand covered
    by the existing stations or any ranked site. Sites adding nothing are left out."""

    sites: np.ndarray
    added_weight: np.ndarray
    added: dict[str, np.ndarray]
    covered_after: np.ndarray


def rank_sites(problem: CoverageProblem, sites: npt.ArrayLike,
               extra_weights: Mapping[str, npt.ArrayLike] | None = None, drop_useless: bool = True) -> Ranking:
    """Greedy order within ``sites``: at each step the site adding the most weighted demand not yet
    covered (ties: lowest candidate index). The marginal gains sum to the total gain of the set.
    With ``drop_useless`` the order stops where the best remaining site adds no weight: those
    sites cover only demand already covered (or of weight 0), so dropping them loses nothing."""
    site_ids = np.unique(np.asarray(sites, dtype=np.int64))  # ascending: ties go to the lowest index
    extra = {name: np.asarray(values, dtype=float).reshape(-1) for name, values in (extra_weights or {}).items()}
    block = sparse.csc_matrix(problem.coverage[:, site_ids], dtype=np.float64)
    covered = problem.covered_now.copy()
    weights = problem.weights
    order: list[int] = []
    gains: list[float] = []
    extra_gains: dict[str, list[float]] = {name: [] for name in extra}
    remaining = np.ones(len(site_ids), dtype=bool)
    for _ in range(len(site_ids)):
        open_weight = np.where(covered, 0.0, weights)
        site_gain = np.where(remaining, block.T @ open_weight, -np.inf)
        best = site_gain.max()
        if drop_useless and best <= 0:
            break
        pick = int(np.flatnonzero(site_gain >= best - _TIE_RTOL * abs(best))[0])
        rows = block.indices[block.indptr[pick]:block.indptr[pick + 1]]
        newly = rows[~covered[rows]]
        covered[newly] = True
        remaining[pick] = False
        order.append(int(site_ids[pick]))
        gains.append(float(weights[newly].sum()))
        for name, values in extra.items():
            extra_gains[name].append(float(values[newly].sum()))
    return Ranking(np.asarray(order, dtype=np.int64), np.asarray(gains, dtype=float),
                   {name: np.asarray(values, dtype=float) for name, values in extra_gains.items()}, covered)
