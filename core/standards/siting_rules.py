"""Fire-station siting rules as data: setbacks from hazardous-chemical units and crowded places,
and the upwind/crosswind position (applied by ``core.siting.rules.filter_candidates``).

Sources and what could be checked (no official text was at hand; clause wording below is as
quoted by secondary copies, named so a reader can re-check it):

* 建标152-2017《城市消防站建设标准》第十五条 (选址):
  二、消防站执勤车辆主出入口 … 距医院、学校、幼儿园、托儿所、影剧院、商场、体育场馆、展览馆等
  公共建筑的主要疏散出口不应小于 50 m;
  三、辖区内有生产、贮存危险化学品单位的，消防站应设置在常年主导风向的上风或侧风处，其边界距上述
  危险部位一般不宜小于 **300 m**.
  The 300 m figure was found in two independent exam-preparation copies that quote 第十五条 of the
  2017 text (mtk.mxqe.com/shiti/1929494.html, m.owmt.cn/cfe/cfe1/moniti/909876/index-2.html),
  both also quoting the 2017-only wording (尽量靠近城市应急救援通道; 合建的小型站除外). Checked against
  secondary copies only, NOT against the official text.
* 建标152-2011 第十四条第三款 (the superseded text) says 一般不宜小于 **200 m** (copy at
  ascsdubai.com/jianchuankuaixun/1182.html); the 50 m clause is the same there.
* GB 51080-2015《城市消防规划规范》§4.1.5: 2 主出入口与医院、学校、幼儿园、托儿所、影剧院、商场、体育场馆、
  展览馆等人员密集场所的主要疏散出口的距离不应小于 50 m; 3 … 应设置在危险品场所或设施的常年主导风向的
  上风或侧风处，其用地边界距危险品部位不应小于 **200 m** (copy at 98tuji.com/3808.html). This is the
  code's floor (不应, "shall"); 建标152-2017's 300 m is the construction standard's "should
  generally" (一般不宜) figure. Both sets are kept; the default is the stricter 建标152-2017 set.
* GB 51054-2014《城市消防站设计规范》 (the station's building design code): no siting clause of it
  was found in the copies searched; no value here comes from it.

Rules as this plugin applies them (a candidate is a point where the station's main vehicle exit
would be, on a road):

* frontage (临街地段, 主、次干路): 建标152-2017 第十五条一 puts a station on a street frontage from
  which its engines can leave quickly; GB 51080-2015 §4.1.5-1 names the street: 主、次干路 (main and
  secondary arterials). Applied when candidates are generated (``FRONTAGE_ROAD_CLASSES``): of this
  plugin's road classes (``layers.schemas.ROAD_CLASSES``, a road's class read as the default speed
  preset reads it: labels and aliases of the road code table) trunk and primary are taken as 主干路,
  secondary as 次干路 — a mapping of this plugin; expressways (no frontage access), tertiary and
  local roads (支路) get no generated candidates. A planner's own candidate layer is not filtered by it.

* ``hazard_setback``: a candidate closer than ``distance_m`` to a hazardous-chemical unit's
  geometry (a point, or a polygon's outline; inside a polygon is distance 0) is refused. A
  candidate exactly at the setback is allowed (distance ≥ setback passes) — the standard's
  "不宜小于 300 m" admits 300 m itself.
* ``hazard_upwind`` (上风或侧风处): the standard gives no distance or angle, so this plugin
  defines it. With the prevailing wind blowing FROM ``wind_from_deg`` (meteorological
  convention: degrees clockwise from grid north; 0 = a north wind blowing towards the south),
  the downwind sector of a unit is every point reached by moving from some point of the unit,
  in a direction within ±``half_angle_deg`` (45°) of the downwind direction (wind_from + 180°),
  less than ``distance_m`` far. A candidate in the downwind sector of any unit is refused; so
  the upwind quadrant (±45° of wind_from) and the two crosswind quadrants pass. The sector's
  radius is a project choice: twice the set's setback (600 m for 建标152-2017, 400 m for
  GB 51080-2015). Boundary rule: a candidate exactly ``distance_m`` away passes (as with every
  distance); a candidate exactly on the sector's ±45° edge counts as downwind (the sector is
  closed on its sides), up to floating-point rounding.
* ``crowded_exit_setback``: a candidate closer than 50 m to a crowded place (school, hospital,
  kindergarten, cinema, market, stadium, exhibition hall: its main exit as a point, or its
  outline when a polygon is given — conservative) is refused; exactly 50 m passes.
"""
from dataclasses import dataclass
from typing import Iterable, Literal

CANDIDATE_SPACING_M = 500.0  # default spacing of candidates generated along the roads (a project choice)
FRONTAGE_ROAD_CLASSES = ("trunk", "primary", "secondary")  # 主、次干路 (GB 51080-2015 §4.1.5-1)
FRONTAGE_SOURCE = ("GB 51080-2015《城市消防规划规范》§4.1.5第1款: 消防站应设置在便于消防车辆迅速出动的主、次干路的"
                   "临街地段; 建标152-2017 第十五条第一款: 便于车辆迅速出动的临街地段")

RuleKind = Literal["hazard_setback", "hazard_downwind", "crowded_exit_setback"]

# what each kind of rule needs from the caller (the filter's argument names)
RULE_INPUTS: dict[str, tuple[str, ...]] = {
    "hazard_setback": ("hazard_units",),
    "hazard_downwind": ("hazard_units", "wind_from_deg"),
    "crowded_exit_setback": ("crowded_places",),
}
DOWNWIND_REACH_FACTOR = 2.0  # project choice: the downwind sector reaches twice the setback
DOWNWIND_HALF_ANGLE_DEG = 45.0  # ±45° of downwind; upwind ±45° and the crosswind quadrants pass


@dataclass(frozen=True)
class SitingRule:
    """One siting rule. ``distance_m``: refused when closer than this (≥ passes);
    ``half_angle_deg``: the downwind sector's half angle (downwind rules only); ``source``: the clause
    cited; ``note_zh`` / ``note_en``: what a reader should know about the value (how far it was checked,
    what is this plugin's own definition)."""

    rule_id: str
    kind: RuleKind
    description_zh: str
    description_en: str
    distance_m: float
    source: str
    half_angle_deg: float | None = None
    note_zh: str = ""
    note_en: str = ""

    def cited(self, zh: bool) -> str:
        """The source, then the note in the language asked for: '建标152-2017 …第三款; …'."""
        note = self.note_zh if zh else self.note_en
        return f"{self.source}{'；' if zh else '; '}{note}" if note else self.source


_JB152_2017 = "建标152-2017《城市消防站建设标准》第十五条"
_GB51080 = "GB 51080-2015《城市消防规划规范》§4.1.5"
_UNVERIFIED_ZH = "数值据 2017 年版的两份转载文本核对，未与正式文本核对；2011 年版第十四条为 200 m"
_UNVERIFIED_EN = ("value checked against two secondary copies of the 2017 text, not the official text; the 2011 text "
                  "第十四条 said 200 m")
_SECTOR_ZH = "扇区角度和半径（退距的 2 倍）为本插件的定义"
_SECTOR_EN = "sector angle and radius (2 × setback) are this plugin's definition"

JIANBIAO_152_2017_RULES = (
    SitingRule("hazard_setback", "hazard_setback",
               "消防站边界距生产、贮存危险化学品单位的危险部位一般不宜小于300 m",
               "Station at least 300 m from the hazardous parts of units producing or storing hazardous chemicals",
               300.0, f"{_JB152_2017}第三款", note_zh=_UNVERIFIED_ZH, note_en=_UNVERIFIED_EN),
    SitingRule("hazard_upwind", "hazard_downwind",
               "消防站应设置在危险化学品单位常年主导风向的上风或侧风处（本插件：下风向±45°、600 m 扇区内不选址）",
               "Station upwind or crosswind of hazardous-chemical units under the prevailing wind (this plugin: "
               "no site within the ±45° downwind sector out to 600 m)",
               DOWNWIND_REACH_FACTOR * 300.0,
               f"{_JB152_2017}第三款", DOWNWIND_HALF_ANGLE_DEG, note_zh=_SECTOR_ZH, note_en=_SECTOR_EN),
    SitingRule("crowded_exit_setback", "crowded_exit_setback",
               "消防站执勤车辆主出入口距医院、学校、幼儿园、托儿所、影剧院、商场、体育场馆、展览馆等公共建筑的"
               "主要疏散出口不应小于50 m",
               "Station's main vehicle exit at least 50 m from the main exits of hospitals, schools, kindergartens, "
               "cinemas, markets, stadiums, exhibition halls and other crowded places",
               50.0, f"{_JB152_2017}第二款; {_GB51080}第2款"),
)

GB_51080_2015_RULES = (
    SitingRule("hazard_setback", "hazard_setback",
               "消防站用地边界距危险品部位不应小于200 m",
               "Station's site boundary at least 200 m from the hazardous parts of flammable/explosive sites",
               200.0, f"{_GB51080}第3款", note_zh="亦见建标152-2011 第十四条第三款",
               note_en="also 建标152-2011 第十四条第三款"),
    SitingRule("hazard_upwind", "hazard_downwind",
               "消防站应设置在危险品场所或设施常年主导风向的上风或侧风处（本插件：下风向±45°、400 m 扇区内不选址）",
               "Station upwind or crosswind of hazardous sites under the prevailing wind (this plugin: no site "
               "within the ±45° downwind sector out to 400 m)",
               DOWNWIND_REACH_FACTOR * 200.0,
               f"{_GB51080}第3款", DOWNWIND_HALF_ANGLE_DEG, note_zh=_SECTOR_ZH, note_en=_SECTOR_EN),
    SitingRule("crowded_exit_setback", "crowded_exit_setback",
               "消防站执勤车辆的主出入口与人员密集场所的主要疏散出口的距离不应小于50 m",
               "Station's main vehicle exit at least 50 m from the main exits of crowded places",
               50.0, f"{_GB51080}第2款"),
)

SITING_RULE_SETS = {
    "jianbiao152_2017": JIANBIAO_152_2017_RULES,
    "gb51080_2015": GB_51080_2015_RULES,
}
DEFAULT_SITING_RULES = "jianbiao152_2017"


def siting_rules(rules: str | Iterable[SitingRule] = DEFAULT_SITING_RULES) -> tuple[SitingRule, ...]:
    """The rule tuple for a set name (``SITING_RULE_SETS``) or a given sequence of SitingRule."""
    if isinstance(rules, str):
        try:
            return SITING_RULE_SETS[rules]
        except KeyError:
            raise ValueError(f"unknown siting rule set {rules!r}; known: {sorted(SITING_RULE_SETS)}") from None
    rule_tuple = tuple(rules)
    for rule in rule_tuple:
        if rule.kind not in RULE_INPUTS:
            raise ValueError(f"siting rule {rule.rule_id!r}: unknown kind {rule.kind!r}")
        if not rule.distance_m >= 0:
            raise ValueError(f"siting rule {rule.rule_id!r}: distance must be ≥ 0, got {rule.distance_m}")
        if rule.kind == "hazard_downwind" and not 0 < (rule.half_angle_deg or 0) < 180:
            raise ValueError(f"siting rule {rule.rule_id!r}: half angle must be in (0°, 180°)")
    ids = [rule.rule_id for rule in rule_tuple]
    if len(set(ids)) != len(ids):
        raise ValueError(f"siting rule ids repeat: {ids}")
    return rule_tuple
