"""The resources page's county figures: rescue teams' and supply depots' coverage, from the per-township tables
of ``riskatlas:resourcecoverage`` (its residents reached and left out add up to its own totals)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

import numpy as np

from . import overlay

if TYPE_CHECKING:
    import pandas as pd

RESCUE, DEPOTS = "rescue", "depot"  # the figures' prefixes


@dataclass
class ResourceFigures:
    """One kind's county figures (sums over the townships' rows)."""

    prefix: str
    time_limit_min: Optional[float]
    resources: int
    residents_reached: Optional[float]
    residents_left_out: Optional[float]
    key_targets: int
    key_targets_left_out: int
    occupancy_left_out: Optional[float]

    @property
    def share(self) -> Optional[float]:
        if self.residents_reached is None or self.residents_left_out is None:
            return None
        total = self.residents_reached + self.residents_left_out
        return self.residents_reached / total if total > 0 else None


def _sum(frame: pd.DataFrame, column: str, layer: str) -> Optional[float]:
    values = overlay.optional_numbers(frame, column, layer, minimum=0)
    if values is None or values.isna().all():
        return None
    return float(values.fillna(0.0).sum())


def resource_figures(prefix: str, towns: pd.DataFrame, layer: str) -> ResourceFigures:
    """The county figures of one resourcecoverage per-township table (``towns``)."""
    limits = overlay.optional_numbers(towns, "time_limit_min", layer, minimum=0)
    limit = None if limits is None or limits.isna().all() else float(np.nanmax(limits.to_numpy(dtype=float)))
    return ResourceFigures(
        prefix, limit, int(_sum(towns, "resources", layer) or 0), _sum(towns, "residents_reached", layer),
        _sum(towns, "residents_left_out", layer), int(_sum(towns, "key_targets", layer) or 0),
        int(_sum(towns, "key_targets_left_out", layer) or 0), _sum(towns, "occupancy_left_out", layer))
