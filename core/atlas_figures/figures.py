"""What the atlas prints for one township (or the county), and for the whole atlas."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import numpy as np
import pandas as pd

from ..standards.risk_levels import RISK_LEVELS

LEVELS: tuple[int, ...] = tuple(lv.level for lv in RISK_LEVELS)  # 1..4
GRADES: tuple[int, ...] = (1, 2, 3, 4)  # GB 18218 一级..四级
COUNTY_KEY = "county"
MAJOR_COLUMNS = ("key", "unit_id", "grade", "r_value", "enterprise_id", "x", "y", "enterprise_name",
                 "enterprise_name_en")


@dataclass
class AreaFigures:
    """Figures of one township (or the county). Arrays are indexed by level / grade − 1.

    An optional figure is None when its layer was not given (or holds nothing for this area)."""

    key: str
    name: str
    area_km2: float
    units: np.ndarray  # map units counted here, per level (int)
    area_by_level_km2: np.ndarray
    residents_by_level: np.ndarray
    enterprises_by_level: Optional[np.ndarray] = None
    covered_residents: Optional[float] = None  # reached within the fire-station time limit
    not_covered_residents: Optional[float] = None  # not reached (the reach analysis's gaps)
    shelter_area_m2: Optional[float] = None
    shelter_residents: Optional[float] = None
    m2_per_capita: Optional[float] = None
    meets_target: Optional[bool] = None  # against AtlasFigures.shelter_target, lower bound included
    deficit_m2: Optional[float] = None  # target × residents − area, this area as a whole
    total_deficit_m2: Optional[float] = None  # the townships' own deficits added up (the county: no offsetting)
    shelters_overloaded: Optional[int] = None
    major_by_grade: Optional[np.ndarray] = None

    @property
    def residents(self) -> float:
        return float(self.residents_by_level.sum())

    @property
    def coverage_share(self) -> Optional[float]:
        """Residents reached ÷ (reached + not reached), unrounded (``core.headline`` rounds it)."""
        if self.covered_residents is None or self.not_covered_residents is None:
            return None
        total = self.covered_residents + self.not_covered_residents
        return self.covered_residents / total if total > 0 else None

    @property
    def resident_shares(self) -> np.ndarray:
        total = self.residents
        return self.residents_by_level / total if total > 0 else np.zeros(len(LEVELS))

    @property
    def area_shares(self) -> np.ndarray:
        total = float(self.area_by_level_km2.sum())
        return self.area_by_level_km2 / total if total > 0 else np.zeros(len(LEVELS))

    @property
    def n_major(self) -> Optional[int]:
        return None if self.major_by_grade is None else int(self.major_by_grade.sum())


@dataclass
class AtlasFigures:
    county: AreaFigures
    townships: list[AreaFigures]  # in the townships' order
    major_units: pd.DataFrame  # MAJOR_COLUMNS; (x, y) the representative point; by township, grade, R descending
    shelter_target: float  # m² per resident the shelter figures are judged against
    layer_totals: dict = field(default_factory=dict)  # what the layers themselves hold, for cross-checks
    warnings: list = field(default_factory=list)  # text or core.errors.Notice
    resources: dict = field(default_factory=dict)  # "rescue" / "depot" -> resources.ResourceFigures (given ones)
    source_kinds: tuple = ()  # the risk map's source_layer values: the kinds that set its levels
