"""The headline figures of an assessment: one set, computed once, printed the same everywhere.

Each figure is computed from the analysis that owns it and printed from here — by the log, the atlas
PDF, the HTML reports and the ``headline_figures`` table of the results GeoPackage — so that they
cannot disagree:

* the four-colour map (``four_colour``, cut to the townships): residents and map cells per level;
* the fire-station reach (``fire_reach``): residents reached within the time limit and those in the
  gaps (both apportioned by the analysis's own grid), the share from the two;
* the shelter analysis (``shelter_capacity``, per township): shelter area, residents counted,
  m² per resident, the county deficit and the sum of the townships' deficits, overloaded shelters;
* the graded hazard units (``hazard_grading``): major hazard units per grade;
* the resource coverage (``resource_coverage``, when given): residents rescue teams / supply depots reach
  within their time limit and those left out, the share, key targets left out.

Rounding (the ``shown`` text): a share is rounded to 0.1 % from the unrounded ratio; residents and
m² are the integers of the final (unrounded) sum; m² per resident has two decimals — always half
up, never a sum of rounded parts. ``value`` keeps the unrounded number.

Where two figures answer a similar question with different definitions — the county deficit and
the sum of the townships' deficits; the map cells and the map units apportioned to townships —
both are named and ``FOOTNOTES`` says how they differ.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Optional, Sequence

from .standards.risk_levels import RISK_LEVELS

GRADE_NAMES = {1: ("一级", "grade I"), 2: ("二级", "grade II"), 3: ("三级", "grade III"), 4: ("四级", "grade IV")}
UNITS = {  # unit: (zh, en) as printed after the value
    "residents": ("人", "residents"), "percent": ("%", "%"), "m2": ("m²", "m²"),
    "m2_per_resident": ("m²/人", "m²/resident"), "cells": ("个", "cells"), "units": ("个", "units"),
    "shelters": ("处", "shelters"), "targets": ("处", "targets"),
}
FOOTNOTES = {
    "shelter_deficit": (
        "县域缺口 = 目标 × 全县计入人口 − 全县固定避难场所有效面积（一个镇街的富余可抵另一镇街的不足）；"
        "各镇街缺口合计 = 未达标镇街各自缺口之和（不相互抵扣），故大于或等于县域缺口。",
        "County deficit = target × the county's residents counted − the county's fixed-shelter area (one "
        "township's surplus offsets another's shortfall); sum of township deficits = the deficits of the "
        "townships below the target added up (no offsetting), so it is at least the county deficit."),
    "map_units": (
        "四色图网格已裁剪至镇街范围；全县网格数为图上网格个数。镇街分图中，跨镇街界的网格计入重叠面积最大的镇街，"
        "其面积与人口按面积分摊到各镇街。",
        "The four-colour map's cells are cut to the townships; the county's cell count is the cells on the "
        "map. On a township sheet a cell crossing a township boundary is counted in the township it overlaps "
        "most, while its area and residents are apportioned to the townships by area."),
}


@dataclass(frozen=True)
class HeadlineFigure:
    figure_id: str
    value: Optional[float]  # unrounded; None when the analysis was not run
    unit: str  # a key of UNITS
    shown: str  # as printed (rounded by the rules of the module docstring)
    label_zh: str
    label_en: str
    definition_zh: str
    definition_en: str

    def label(self, language: str) -> str:
        return self.label_zh if language == "zh" else self.label_en

    def unit_text(self, language: str) -> str:
        zh, en = UNITS[self.unit]
        return zh if language == "zh" else en

    def line(self, language: str) -> str:
        """'label：shown unit' as the log prints it."""
        bare = self.unit == "percent" or self.value is None
        shown = self.shown if bare else f"{self.shown} {self.unit_text(language)}"
        return f"{self.label(language)}{'：' if language == 'zh' else ': '}{shown}"


# ---------------------------------------------------------------- rounding

def _half_up(value: float, places: int) -> Decimal:
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def integer_text(value: Optional[float]) -> str:
    """12,345 for 12,344.5 (half up, of the value as given); '—' for None or NaN."""
    if value is None or value != value:
        return "—"
    return f"{int(_half_up(value, 0)):,}"


def decimal_text(value: Optional[float], places: int = 2) -> str:
    if value is None or value != value:
        return "—"
    return f"{_half_up(value, places):,.{places}f}"


def share_percent(numerator: Optional[float], denominator: Optional[float]) -> Optional[float]:
    """100 × numerator ÷ denominator, unrounded (None without a positive denominator)."""
    if numerator is None or denominator is None or not denominator > 0:
        return None
    return 100.0 * float(numerator) / float(denominator)


def percent_text(percent: Optional[float]) -> str:
    """'43.3' for 43.2973 (0.1 %, half up); '—' for None."""
    return decimal_text(percent, 1)


# ---------------------------------------------------------------- figures by analysis

def _figure(figure_id: str, value: Optional[float], unit: str, shown: str, label: tuple,
            definition: tuple) -> HeadlineFigure:
    return HeadlineFigure(figure_id, None if value is None else float(value), unit, shown, label[0], label[1],
                          definition[0], definition[1])


def _count(figure_id: str, value: Optional[float], unit: str, label: tuple, definition: tuple) -> HeadlineFigure:
    return _figure(figure_id, value, unit, integer_text(value), label, definition)


def _share(figure_id: str, numerator: Optional[float], denominator: Optional[float], label: tuple,
           definition: tuple) -> HeadlineFigure:
    percent = share_percent(numerator, denominator)
    return _figure(figure_id, percent, "percent", percent_text(percent) + ("%" if percent is not None else ""),
                   label, definition)


def map_figures(residents_by_level: Sequence[float], cells_by_level: Sequence[int]) -> list[HeadlineFigure]:
    """Residents (and their share) and map cells per risk level, from the four-colour map."""
    total = float(sum(float(v) for v in residents_by_level))
    figures = [_count("residents", total, "residents", ("常住人口", "Residents"), (
        "人口图层按面积分摊至四色图网格（已裁剪至镇街范围）后的全县合计。",
        "The population layer apportioned by area to the four-colour map's cells (cut to the townships), "
        "summed over the county."))]
    for entry, residents in zip(RISK_LEVELS, residents_by_level):
        zh, en = entry.label_zh, entry.label_en
        figures.append(_count(f"residents_level_{entry.level}", residents, "residents", (
            f"{zh}人口", f"Residents, {en.lower()}"), (
            f"位于{zh}网格内的常住人口（网格人口按面积分摊）。",
            f"Residents of the cells at level {entry.level} ({en.lower()}), apportioned by area.")))
        figures.append(_share(f"residents_share_level_{entry.level}", residents, total, (
            f"{zh}人口占比", f"Share of residents, {en.lower()}"), (
            f"{zh}人口 ÷ 常住人口。", f"Residents at level {entry.level} ÷ all residents.")))
    figures.append(_count("map_cells", float(sum(int(c) for c in cells_by_level)), "cells", (
        "四色图网格数", "Four-colour map cells"), (FOOTNOTES["map_units"][0], FOOTNOTES["map_units"][1])))
    for entry, cells in zip(RISK_LEVELS, cells_by_level):
        figures.append(_count(f"map_cells_level_{entry.level}", float(cells), "cells", (
            f"{entry.label_zh}网格数", f"Map cells, {entry.label_en.lower()}"), (
            f"四色图上{entry.label_zh}的网格个数（裁剪至镇街范围）。",
            f"Cells of the four-colour map at level {entry.level}, cut to the townships.")))
    return figures


def reach_figures(covered: Optional[float], not_covered: Optional[float],
                  time_limit: Optional[float] = None) -> list[HeadlineFigure]:
    """Residents within the time limit of a fire station, those in the gaps and the share, from the
    fire-station reach analysis (its areas' and gaps' residents)."""
    limit = "5" if time_limit is None else f"{time_limit:g}"
    total = None if covered is None or not_covered is None else float(covered) + float(not_covered)
    return [
        _count("fire_residents_covered", covered, "residents", (
            f"消防站{limit}分钟可达人口", f"Residents within {limit} min of a fire station"), (
            f"消防站到达分析中，接警后{limit}分钟内可到达范围内的常住人口（人口按分析网格分摊）。",
            f"Residents of the land a fire station reaches within {limit} minutes of dispatch, as the reach "
            "analysis apportions them (on its grid).")),
        _count("fire_residents_not_covered", not_covered, "residents", (
            f"消防站{limit}分钟未覆盖人口", f"Residents not reached within {limit} min"), (
            "消防站到达分析中，未覆盖区域（任何消防站均不能按时到达）内的常住人口。",
            "Residents of the gaps: land no fire station reaches in time.")),
        _share("fire_cover_share", covered, total, (
            f"消防站{limit}分钟可达人口比例", f"Share of residents within {limit} min"), (
            "可达人口 ÷（可达人口 + 未覆盖人口）。",
            "Residents reached ÷ (residents reached + residents not covered).")),
    ]


def shelter_figures(area_m2: Optional[float], residents: Optional[float], target: float,
                    county_deficit_m2: Optional[float], total_deficit_m2: Optional[float],
                    overloaded: Optional[int] = None) -> list[HeadlineFigure]:
    """Fixed-shelter area per resident against ``target`` and the two deficits, from the shelter analysis."""
    per_capita = area_m2 / residents if area_m2 is not None and residents else None
    figures = [
        _count("shelter_area_m2", area_m2, "m2", ("固定避难场所有效面积", "Fixed-shelter effective area"), (
            "计入人均指标的避难场所有效面积合计。", "Effective area of the shelters counted toward the indicator.")),
        _count("shelter_residents", residents, "residents", ("避难指标计入人口", "Residents counted (shelters)"), (
            "人均避难场所面积指标计入的常住人口（默认仅城镇人口）。",
            "Residents the shelter indicator counts (urban residents only by default).")),
        _figure("shelter_m2_per_capita", per_capita, "m2_per_resident", decimal_text(per_capita, 2), (
            "人均固定避难场所面积", "Fixed-shelter area per resident"), (
            f"有效面积 ÷ 计入人口，目标 ≥ {target:g} m²/人（等于目标即达标）。",
            f"Effective area ÷ residents counted; target ≥ {target:g} m² per resident (equal meets it).")),
        _count("shelter_county_deficit_m2", county_deficit_m2, "m2", ("县域避难面积缺口", "County shelter deficit"),
               FOOTNOTES["shelter_deficit"]),
        _count("shelter_total_deficit_m2", total_deficit_m2, "m2", (
            "各镇街避难面积缺口合计", "Sum of township shelter deficits"), FOOTNOTES["shelter_deficit"]),
    ]
    if overloaded is not None:
        figures.append(_count("shelters_overloaded", float(overloaded), "shelters", (
            "超负荷避难场所", "Overloaded shelters"), (
            "服务人口人均面积低于目标或服务人口超过容量的避难场所。",
            "Shelters whose area per served resident is below the target, or which serve more residents than "
            "their capacity.")))
    return figures


def major_figures(by_grade: Sequence[int]) -> list[HeadlineFigure]:
    """Major hazard units (GB 18218-2018) in all and per grade."""
    figures = [_count("major_units", float(sum(int(n) for n in by_grade)), "units", (
        "重大危险源", "Major hazard units"), ("GB 18218-2018 辨识为重大危险源的单元个数。",
                                              "Units identified as major hazard units by GB 18218-2018."))]
    for grade, count in zip(sorted(GRADE_NAMES), by_grade):
        zh, en = GRADE_NAMES[grade]
        figures.append(_count(f"major_units_grade_{grade}", float(count), "units", (
            f"{zh}重大危险源", f"Major hazard units, {en}"), (
            f"GB 18218-2018 分级为{zh}的重大危险源个数。", f"Major hazard units of {en} (GB 18218-2018).")))
    return figures


RESOURCE_NAMES = {"rescue": ("救援队伍", "a rescue team", "Rescue teams"),
                  "depot": ("物资储备库", "a supply depot", "Supply depots")}


def resource_figures(prefix: str, reached: Optional[float], left_out: Optional[float],
                     time_limit: Optional[float], key_targets_left_out: Optional[int]) -> list[HeadlineFigure]:
    """Residents within the time limit of a rescue team (``prefix`` 'rescue') or a supply depot ('depot'), those
    left out, the share, and the key targets left out, from the resource coverage (its own residents)."""
    zh, en_one, en_all = RESOURCE_NAMES[prefix]
    limit = "—" if time_limit is None else f"{time_limit:g}"
    total = None if reached is None or left_out is None else float(reached) + float(left_out)
    return [
        _count(f"{prefix}_residents_reached", reached, "residents", (
            f"{zh}{limit}分钟可达人口", f"Residents within {limit} min of {en_one}"), (
            f"应急资源覆盖分析中，{zh}在{limit}分钟（自调派起，含出动时间）内可到达范围内的常住人口。",
            f"Residents of the land {en_one} reaches within {limit} minutes of dispatch (turnout included), as the "
            "coverage analysis apportions them.")),
        _count(f"{prefix}_residents_left_out", left_out, "residents", (
            f"{zh}{limit}分钟未覆盖人口", f"Residents left out by {en_all.lower()} ({limit} min)"), (
            f"应急资源覆盖分析中，任何{zh}均不能在时限内到达区域的常住人口。",
            f"Residents of the land no {en_one[2:]} reaches in time.")),
        _share(f"{prefix}_cover_share", reached, total, (
            f"{zh}{limit}分钟可达人口比例", f"Share of residents within {limit} min of {en_one}"), (
            "可达人口 ÷（可达人口 + 未覆盖人口）。", "Residents reached ÷ (residents reached + residents left out).")),
        _count(f"{prefix}_key_targets_left_out", None if key_targets_left_out is None else float(key_targets_left_out),
               "targets", (f"{zh}未及时到达的重点目标", f"Key targets {en_all.lower()} do not reach in time"), (
                   "人员密集场所等重点防护目标中，到达时间超过时限的个数（在目标本身按到达规则计）。",
                   "Key targets (crowded places) whose arrival, taken at the target itself, is later than the "
                   "limit.")),
    ]


def by_id(figures: Sequence[HeadlineFigure]) -> dict[str, HeadlineFigure]:
    return {figure.figure_id: figure for figure in figures}
