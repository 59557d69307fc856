"""Named presets of the risk analyses: thresholds, radii and aggregation rules are named presets
here, never literals scattered in code (see ARCHITECTURE.md). Pure data without numpy, so that
the Processing algorithms can list them (and render their help from them) when QGIS loads the
plugin.

Enterprise cut sets — LEC (作业条件危险性评价法, Graham–Kinney): D = L · E · C, classic classes
D > 320 极其危险, 160–320 高度危险, 70–160 显著危险, 20–70 一般危险, < 20 稍有危险; two incompatible
mappings onto the four colours circulate in Chinese practice. Risk matrix: R = likelihood × severity
(each 1–5); cuts vary between provincial guides — two common cut sets are shipped; check them
against the guide your jurisdiction uses. Every cut set: score ≥ cuts[0] → level 1, ≥ cuts[1] → 2,
≥ cuts[2] → 3, otherwise 4 (a level's lower bound is included).

Four-colour map: influence radius (m) per level and the aggregation rules (documented in
``core.four_colour``).
"""
from dataclasses import dataclass

LEC, MATRIX = "lec", "matrix"

# LEC tables (Graham–Kinney): the values each factor may take
LEC_L_VALUES = (0.1, 0.2, 0.5, 1, 3, 6, 10)  # likelihood (可能性)
LEC_E_VALUES = (0.5, 1, 2, 3, 6, 10)  # exposure frequency (暴露频繁程度)
LEC_C_VALUES = (1, 3, 7, 15, 40, 100)  # consequence (后果)
MATRIX_RANGE = (1, 5)  # likelihood and severity of the 5×5 risk matrix: whole numbers 1..5
LEVEL_SHORT_ZH = ("重大", "较大", "一般", "低")  # levels 1..4 as the cut-set descriptions name them


@dataclass(frozen=True)
class CutSet:
    """Score ≥ cuts[0] → level 1, ≥ cuts[1] → 2, ≥ cuts[2] → 3, else 4 (lower bounds included)."""

    name: str
    method: str
    cuts: tuple

    @property
    def symbol(self) -> str:
        return "D" if self.method == LEC else "R"

    @property
    def label(self) -> str:
        """The PRESET enum option, e.g. 'LEC: D ≥ 320 / 160 / 70'."""
        method = "LEC" if self.method == LEC else "Matrix 5×5"
        return f"{method}: {self.symbol} ≥ {' / '.join(f'{c:g}' for c in self.cuts)}"

    def bands(self) -> tuple[str, ...]:
        """Per level 1..4: the scores it takes, as text — 'D ≥ 320', '160 ≤ D < 320', 'D < 70' for LEC;
        the attainable products for the matrix ('20–25', '15–16', …)."""
        bounds = (None,) + tuple(self.cuts) + (None,)
        if self.method == MATRIX:
            low, high = MATRIX_RANGE
            products = sorted({a * b for a in range(low, high + 1) for b in range(low, high + 1)})
            texts = []
            for upper, lower in zip(bounds[:-1], bounds[1:]):
                inside = [p for p in products if (lower is None or p >= lower) and (upper is None or p < upper)]
                texts.append(f"{inside[0]}–{inside[-1]}" if len(inside) > 1 else f"{inside[0]}")
            return tuple(texts)
        d = self.symbol
        texts = []
        for upper, lower in zip(bounds[:-1], bounds[1:]):
            if upper is None:
                texts.append(f"{d} ≥ {lower:g}")
            elif lower is None:
                texts.append(f"{d} < {upper:g}")
            else:
                texts.append(f"{lower:g} ≤ {d} < {upper:g}")
        return tuple(texts)

    @property
    def description(self) -> str:
        """The whole rule in one line (provenance), e.g. 'D ≥ 320 → 1 重大; …; D < 70 → 4 低'."""
        prefix = "R = L × S: " if self.method == MATRIX else ""
        return prefix + "; ".join(f"{band} → {level} {short}" for level, (band, short)
                                  in enumerate(zip(self.bands(), LEVEL_SHORT_ZH), start=1))


CUT_SETS = (  # the order is the PRESET enum of riskatlas:enterpriserisk — append only
    CutSet("lec_320_160_70", LEC, (320, 160, 70)),  # the classic classes: 极其/高度/显著危险 and below
    CutSet("lec_160_70_20", LEC, (160, 70, 20)),
    CutSet("matrix_5x5_20_15_9", MATRIX, (20, 15, 9)),
    CutSet("matrix_5x5_15_8_4", MATRIX, (15, 8, 4)),
)
CUT_SET_BY_NAME = {c.name: c for c in CUT_SETS}
DEFAULT_CUT_SET = {LEC: "lec_320_160_70", MATRIX: "matrix_5x5_20_15_9"}


# ---------------------------------------------------------------- four-colour map

DEFAULT_RADII_M = (1000.0, 500.0, 300.0, 100.0)  # influence radius of a level-1..4 source
DEFAULT_CELL_SIZE_M = 500.0  # grid cell of the four-colour map when no map units are given
HIGHEST_WINS, CUMULATIVE_BASE3 = 0, 1  # the AGGREGATION enum of riskatlas:fourcolourmap


@dataclass(frozen=True)
class AggregationRule:
    code: int
    name: str
    weights: tuple  # weight of a source of level 1..4 in the cumulative score
    cuts: tuple  # score ≥ cuts[0] → 1, ≥ cuts[1] → 2, ≥ cuts[2] → 3, else 4 (CUMULATIVE_BASE3 only)

    @property
    def description(self) -> str:
        if self.code == HIGHEST_WINS:
            return "the highest level among the sources reaching the area; unreached areas are level 4"
        weights = " / ".join(f"{w:g}" for w in self.weights)
        cuts = ", ".join(f"≥ {c:g} → {level}" for level, c in enumerate(self.cuts, start=1))
        return (f"score = Σ {weights} per source of level 1 / 2 / 3 / 4 reaching the area; "
                f"score {cuts}, otherwise 4")


AGGREGATION_RULES = (
    AggregationRule(HIGHEST_WINS, "highest_wins", (27, 9, 3, 1), (27, 9, 3)),
    AggregationRule(CUMULATIVE_BASE3, "cumulative_base3", (27, 9, 3, 1), (27, 9, 3)),
)
