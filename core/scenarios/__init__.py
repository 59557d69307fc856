"""Scenarios: what changed between two runs of the full assessment (``riskatlas:comparescenarios``).

``runs``: a run's result layers and its per-township figures (the ones its atlas prints); ``compare``: the
townships' before/after figures and the features whose coverage changed.
"""
from .compare import (CHANGE_COLUMNS, KINDS, M2PC_TOLERANCE, RESIDENTS_TOLERANCE, STATUSES, TOWNSHIP_COLUMNS,
                      Comparison, compare_runs)
from .runs import (DEPOT_TARGETS, ENTERPRISES, REACH_AREAS, REACH_GAPS, REACH_TARGETS, RESCUE_TARGETS, RISK_MAP,
                   TOWNSHIPS, Run, township_figures)

REQUIRED_LAYERS = (RISK_MAP, TOWNSHIPS, REACH_AREAS, REACH_GAPS, REACH_TARGETS)  # a run cannot be compared without
OPTIONAL_LAYERS = (RESCUE_TARGETS, DEPOT_TARGETS, ENTERPRISES)  # read when present

__all__ = ["CHANGE_COLUMNS", "KINDS", "M2PC_TOLERANCE", "RESIDENTS_TOLERANCE", "STATUSES", "TOWNSHIP_COLUMNS",
           "Comparison", "compare_runs", "Run", "township_figures", "REQUIRED_LAYERS", "OPTIONAL_LAYERS",
           "DEPOT_TARGETS", "ENTERPRISES", "REACH_AREAS", "REACH_GAPS", "REACH_TARGETS", "RESCUE_TARGETS", "RISK_MAP",
           "TOWNSHIPS"]
