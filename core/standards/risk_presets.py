"""Named presets of the risk analyses (DESIGN §3: thresholds, radii and aggregation rules are named
presets, never literals scattered in code). Pure data without numpy, so that the Processing
algorithms can list them when QGIS loads the plugin.

Enterprise cut sets — LEC (作业条件危险性评价法, Graham–Kinney): D = L · E · C, classic classes
D > 320 极其危险, 160–320 高度危险, 70–160 显著危险, 20–70 一般危险, < 20 稍有危险; two incompatible
mappings onto the four colours circulate (DESIGN §4). Risk matrix: R = likelihood × severity
(each 1–5); cuts vary between provincial guides — two common cut sets are shipped; check them
against the guide your jurisdiction uses. Every cut set: score ≥ cuts[0] → level 1, ≥ cuts[1] → 2,
≥ cuts[2] → 3, otherwise 4 (a level's lower bound is included).

Four-colour map: influence radius (m) per level and the aggregation rules (documented in
``core.four_colour``).
"""
from dataclasses import dataclass

LEC, MATRIX = "lec", "matrix"


@dataclass(frozen=True)
class CutSet:
    """Score ≥ cuts[0] → level 1, ≥ cuts[1] → 2, ≥ cuts[2] → 3, else 4 (lower bounds included)."""

    name: str
    method: str
    cuts: tuple
    label: str
    description: str


CUT_SETS = (  # the order is the PRESET enum of riskatlas:enterpriserisk — append only
    CutSet("lec_320_160_70", LEC, (320, 160, 70), "LEC: D ≥ 320 / 160 / 70",
           "极其危险 D ≥ 320 → 1 重大; 高度危险 160 ≤ D < 320 → 2 较大; 显著危险 70 ≤ D < 160 → 3 一般; "
           "D < 70 → 4 低"),
    CutSet("lec_160_70_20", LEC, (160, 70, 20), "LEC: D ≥ 160 / 70 / 20",
           "D ≥ 160 → 1 重大; 70 ≤ D < 160 → 2 较大; 20 ≤ D < 70 → 3 一般; D < 20 → 4 低"),
    CutSet("matrix_5x5_20_15_9", MATRIX, (20, 15, 9), "Matrix 5×5: R ≥ 20 / 15 / 9",
           "R = L × S: 20–25 → 1 重大; 15–16 → 2 较大; 9–12 → 3 一般; 1–8 → 4 低"),
    CutSet("matrix_5x5_15_8_4", MATRIX, (15, 8, 4), "Matrix 5×5: R ≥ 15 / 8 / 4",
           "R = L × S: 15–25 → 1 重大; 8–12 → 2 较大; 4–6 → 3 一般; 1–3 → 4 低"),
)
CUT_SET_BY_NAME = {c.name: c for c in CUT_SETS}
DEFAULT_CUT_SET = {LEC: "lec_320_160_70", MATRIX: "matrix_5x5_20_15_9"}


# ---------------------------------------------------------------- four-colour map

DEFAULT_RADII_M = (1000.0, 500.0, 300.0, 100.0)  # influence radius of a level-1..4 source
HIGHEST_WINS, CUMULATIVE_BASE3 = 0, 1  # the AGGREGATION enum of riskatlas:fourcolourmap


@dataclass(frozen=True)
class AggregationRule:
    code: int
    name: str
    weights: tuple  # weight of a source of level 1..4 in the cumulative score
    cuts: tuple  # score ≥ cuts[0] → 1, ≥ cuts[1] → 2, ≥ cuts[2] → 3, else 4 (CUMULATIVE_BASE3 only)
    label: str
    description: str


AGGREGATION_RULES = (
    AggregationRule(HIGHEST_WINS, "highest_wins", (27, 9, 3, 1), (27, 9, 3), "Highest level wins (就高)",
                    "the highest level among the sources reaching the area; unreached areas are level 4"),
    AggregationRule(CUMULATIVE_BASE3, "cumulative_base3", (27, 9, 3, 1), (27, 9, 3),
                    "Cumulative score (27/9/3/1 per source; ≥ 27 / 9 / 3)",
                    "score = Σ 27 / 9 / 3 / 1 per source of level 1 / 2 / 3 / 4 reaching the area; "
                    "score ≥ 27 → 1, ≥ 9 → 2, ≥ 3 → 3, otherwise 4"),
)
