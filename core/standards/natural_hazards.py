"""Natural-hazard sites and zones (自然灾害隐患点 / 风险区): their types, the 险情等级 (danger grade) with its
thresholds, the risk grades of zones, and the named presets that turn them into the four risk levels.

Sources:

* Types — 《地质灾害防治条例》(国务院令第394号, 2003) 第二条: 地质灾害 are 山体崩塌、滑坡、泥石流、地面
  塌陷、地裂缝、地面沉降; 不稳定斜坡 (unstable slope) is the hidden-danger class the 隐患点 registers
  (地质灾害隐患点) add; 山洪 (flash-flood danger zones, 水利部's 山洪灾害调查评价) and 内涝积水点
  (waterlogging points) are the flood hazards the city "one map"s show beside them.
* 险情等级 — 《国家突发地质灾害应急预案》(国务院办公厅, 2006) §1 地质灾害险情和灾情分级, repeated in the
  provincial and county plans (e.g. 龙里县突发性地质灾害应急预案 2015 §1.3; 酒泉市突发地质灾害应急预案 2017
  §1.3 writes "1000人(含)以上"): a danger threatening (受灾害威胁，需搬迁转移) ≥ 1000 people or a potential
  economic loss ≥ 1亿元 is 特大型 (I级); 500–1000 people or 5000万–1亿元 大型 (II级); 100–500 people or
  500万–5000万元 中型 (III级); fewer than 100 people and less than 500万元 小型 (IV级). "或": the higher of
  the two criteria sets the grade. Boundary rule: a lower bound belongs to its grade (1000 people is 特大型,
  "以上" includes the number as in 酒泉's text). DZ/T 0286-2015《地质灾害危险性评估规范》 carries a table of
  险情 grades too; its values could not be checked here (they are cited as the same in public copies).
* 风险等级 of zones — the census's geohazard risk survey (第一次全国自然灾害综合风险普查 2020–2022,
  自然资源部 地质灾害风险调查评价) grades 风险区 极高 / 高 / 中 / 低; the form itself could not be
  checked here (the four grades are as published by provinces' census results).

Mapping onto the four colours (``LEVEL_PRESETS``) is a project choice, as for GB 18218's grades
(``gb18218.GRADE_LEVEL_PRESETS``): one grade, one level, 特大型 red … 小型 blue.
"""
from dataclasses import dataclass

NATURAL_HAZARD_TYPES = (  # (code, 中文, English); the ``type`` field's codes
    ("collapse", "崩塌", "Rockfall / collapse"),
    ("landslide", "滑坡", "Landslide"),
    ("debris_flow", "泥石流", "Debris flow"),
    ("ground_collapse", "地面塌陷", "Ground collapse"),
    ("ground_fissure", "地裂缝", "Ground fissure"),
    ("land_subsidence", "地面沉降", "Land subsidence"),
    ("unstable_slope", "不稳定斜坡", "Unstable slope"),
    ("flash_flood", "山洪", "Flash flood"),
    ("waterlogging", "内涝积水点", "Waterlogging point"),
    ("other", "其他", "Other"),
)
HAZARD_TYPE_CODES = tuple(code for code, _zh, _en in NATURAL_HAZARD_TYPES)
GEOHAZARD_TYPES = HAZARD_TYPE_CODES[:7]  # 地质灾害 (条例 第二条, and unstable slopes)


@dataclass(frozen=True)
class DangerGrade:
    """A 险情等级: the grade of a site threatening at least ``min_people`` people or at least
    ``min_loss_10k`` 万元 (the lower bounds belong to the grade)."""

    code: str
    name_zh: str
    name_en: str
    roman: str
    min_people: float
    min_loss_10k: float  # 万元 (10,000 yuan)


DANGER_GRADES = (  # the ``danger_level`` field's codes, most severe first
    DangerGrade("extra_large", "特大型", "Extra-large", "I", 1000, 10000),
    DangerGrade("large", "大型", "Large", "II", 500, 5000),
    DangerGrade("medium", "中型", "Medium", "III", 100, 500),
    DangerGrade("small", "小型", "Small", "IV", 0, 0),
)
DANGER_GRADE_CODES = tuple(g.code for g in DANGER_GRADES)
DANGER_SOURCE = "《国家突发地质灾害应急预案》(2006) 地质灾害险情分级"

RISK_GRADES = (  # the ``risk_grade`` field's codes (风险区), most severe first
    ("very_high", "极高", "Very high"),
    ("high", "高", "High"),
    ("moderate", "中", "Moderate"),
    ("low", "低", "Low"),
)
RISK_GRADE_CODES = tuple(code for code, _zh, _en in RISK_GRADES)


RECORDED, FROM_THREAT, FROM_RISK_GRADE = "recorded", "threat", "risk_grade"  # where a site's grade came from


@dataclass(frozen=True)
class LevelPreset:
    """How a site or zone gets its risk level 1..4 (``core.natural_hazards.hazard_levels``).

    ``order``: the readings tried in turn — RECORDED (its 险情等级), FROM_THREAT (the grade its 威胁人数
    and 威胁财产 give by ``DANGER_GRADES``), FROM_RISK_GRADE (a zone's 风险等级); the first that has a value
    wins. ``levels``: grade code → level."""

    name: str
    label_zh: str
    label_en: str
    order: tuple
    levels: dict


_DANGER_LEVELS = {g.code: level for g, level in zip(DANGER_GRADES, (1, 2, 3, 4))}
_RISK_LEVELS = {code: level for (code, _zh, _en), level in zip(RISK_GRADES, (1, 2, 3, 4))}

LEVEL_PRESETS = (  # the order is the HAZARD_LEVEL_PRESET enum of riskatlas:fourcolourmap — append only
    LevelPreset("danger_grade", "险情等级（空缺时按威胁人数、威胁财产定级）",
                "Danger grade (where empty: from threatened people and property)",
                (RECORDED, FROM_THREAT), _DANGER_LEVELS),
    LevelPreset("threat", "按威胁人数、威胁财产重新定级", "Graded again from threatened people and property",
                (FROM_THREAT,), _DANGER_LEVELS),
    LevelPreset("risk_grade", "风险区风险等级优先（极高/高/中/低），其次险情等级",
                "Zones' risk grade first (very high … low), then the danger grade",
                (FROM_RISK_GRADE, RECORDED, FROM_THREAT), {**_DANGER_LEVELS, **_RISK_LEVELS}),
)
LEVEL_PRESET_BY_NAME = {p.name: p for p in LEVEL_PRESETS}
DEFAULT_LEVEL_PRESET = "danger_grade"
