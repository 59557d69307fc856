"""Fire-station siting, pure: candidates along roads, siting rules, and the MCLP / LSCP solver.

* ``candidates.candidates_along_roads`` — candidate points every CANDIDATE_SPACING m along roads;
* ``rules.filter_candidates`` — the siting rules of ``core.standards.siting_rules``;
* ``solve.solve_mclp`` / ``solve.solve_lscp`` — the sites, ranked, on a coverage matrix built
  upstream (one row per demand unit, within its own tier's time limit).
"""
from .candidates import CANDIDATE_SPACING_M, candidates_along_roads
from .problem import CoverageProblem, ReducedProblem, coverage_problem, reduce_problem
from .ranking import Ranking, rank_sites
from .rules import CandidateFilter, closer_than, downwind_of, filter_candidates
from .solve import SitingResult, solve_lscp, solve_mclp, solve_siting

__all__ = [
    "CANDIDATE_SPACING_M", "CandidateFilter", "CoverageProblem", "Ranking", "ReducedProblem", "SitingResult",
    "candidates_along_roads", "closer_than", "coverage_problem", "downwind_of", "filter_candidates",
    "rank_sites", "reduce_problem", "solve_lscp", "solve_mclp", "solve_siting",
]
