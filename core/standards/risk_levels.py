"""The four risk levels and their palette, defined once.

Levels follow the national four-colour convention (红橙黄蓝): 1 重大风险 red, 2 较大风险
orange, 3 一般风险 yellow, 4 低风险 blue. No standard fixes RGB values; the default palette
is a project choice (no standard gives RGB values) used by the QML styles, the legend and the atlas alike.
"""
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt


@dataclass(frozen=True)
class RiskLevel:
    level: int
    label_zh: str
    label_en: str
    colour: str  # hex RGB
    colour_name_zh: str
    colour_name_en: str


RISK_LEVELS = (
    RiskLevel(1, "重大风险", "Major risk", "#FF0000", "红", "red"),
    RiskLevel(2, "较大风险", "High risk", "#FF9900", "橙", "orange"),
    RiskLevel(3, "一般风险", "Moderate risk", "#FFFF00", "黄", "yellow"),
    RiskLevel(4, "低风险", "Low risk", "#0070C0", "蓝", "blue"),
)
LEVEL_BY_NUMBER = {lv.level: lv for lv in RISK_LEVELS}
LOWEST_RISK = 4  # the level of anything no source reaches
RISK_FIELDS = ("risk_level", "risk_label_zh", "risk_label_en", "risk_colour")


def risk_attributes(levels: npt.ArrayLike) -> dict[str, np.ndarray]:
    """Label and colour columns for an array of levels 1..4 (a dict of equal-length object arrays)."""
    levels = np.asarray(levels, dtype=int)
    bad = ~np.isin(levels, list(LEVEL_BY_NUMBER))
    if bad.any():
        raise ValueError(f"risk levels must be 1..4, got {sorted(set(levels[bad].tolist()))}")
    lookup = {name: np.array([getattr(LEVEL_BY_NUMBER[n], attr) for n in range(1, 5)], dtype=object)
              for name, attr in (("risk_label_zh", "label_zh"), ("risk_label_en", "label_en"),
                                 ("risk_colour", "colour"))}
    return {"risk_level": levels, **{name: values[levels - 1] for name, values in lookup.items()}}


def level_counts_text(levels: npt.ArrayLike) -> str:
    """'1 重大风险 Major risk: 3; …' — how many of ``levels`` (1..4) are at each level."""
    counts = np.bincount(np.asarray(levels, dtype=int), minlength=5)
    return "; ".join(f"{lv.level} {lv.label_zh} {lv.label_en}: {counts[lv.level]}" for lv in RISK_LEVELS)
