"""Demand weights of fire-station siting by risk level (the WEIGHT_PRESET enum, in this order).

No Chinese standard weighs demand for siting: the presets are this project's choice, in the
manner of FireCARES / NFPA 1710 practice of counting higher-risk occupancies more (a "risk tier"
with its own weight and response target). A weight is in resident-equivalents: a target of
level 1 (重大风险) under "risk_weighted" counts as 1,000 residents. Targets without a risk level
count as level 4. Residents always count 1 each.
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class WeightPreset:
    name: str
    label_zh: str
    label_en: str
    by_level: tuple[float, float, float, float]  # weight of one target of risk level 1, 2, 3, 4
    source: str


_CHOICE = "project choice (no standard weighs siting demand); tiers after FireCARES / NFPA 1710 practice"

WEIGHT_PRESETS = (
    WeightPreset("residents_only", "仅常住人口", "Residents only", (0.0, 0.0, 0.0, 0.0), _CHOICE),
    WeightPreset("risk_weighted", "人口 + 按风险等级加权的企业与危险源", "Residents + targets weighted by risk level",
                 (1000.0, 300.0, 100.0, 30.0), _CHOICE),
    WeightPreset("targets_equal", "人口 + 每个企业与危险源计100人", "Residents + every target as 100 residents",
                 (100.0, 100.0, 100.0, 100.0), _CHOICE),
)
WEIGHT_PRESET_BY_NAME = {p.name: p for p in WEIGHT_PRESETS}
UNKNOWN_LEVEL = 4  # a target without a risk level is weighed (and timed) as level 4


def target_weight(preset: str, level: int | None) -> float:
    """One target's weight under ``preset`` (a level outside 1..4 or None: level 4)."""
    table = WEIGHT_PRESET_BY_NAME[preset].by_level
    return table[(level if level in (1, 2, 3, 4) else UNKNOWN_LEVEL) - 1]
