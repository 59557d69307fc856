"""The one code table: Chinese labels and their variants → the codes of ``layers.schemas``.

Every table lists, per code, the labels bureaus write; matching is on ``text.normalise_value``
(NFKC, so full-width and Ⅰ/Ⅱ → i/ii; case-folded; spaces dropped; brackets as ()). Labels that
could mean several codes are listed as ambiguous with their candidates: they are reported, never
guessed. Yes/no values (是/否, yes/no, true/false, 1/0) are not here: ``recode`` takes the
project's boolean parser as a callable.

Sources: station classes — 建标152-2017 (一级/二级普通消防站, 特勤消防站, 小型普通消防站; 消防救援站
is the name since the 2018 reform); shelter types — GB 51143-2015 §3.1.4, GB/T 44013-2024
(紧急, 固定: 短期/中期/长期, 中心); safety standardisation grades — 《企业安全生产标准化基本规范》
GB/T 33000-2016 and the grading rules (一级/二级/三级); road classes — JTG B01-2014 (高速公路,
一级…四级公路), the 公路行政等级 (国道, 省道, 县道, 乡道, 村道, 专用公路) and CJJ 37-2012 (快速路,
主干路, 次干路, 支路); OSM ``highway`` values.

Road classes, written out (``ROAD_CLASS_MAP``): the schema's six English classes are a
hierarchy for speeds and walking; the Chinese class is also kept as its own code
(``class_cn``) because several Chinese classes share an English one (一级公路, 国道 → trunk),
and the Chinese presets of issue 14 need the difference:

    高速公路 → expressway   一级公路 → trunk      二级公路 → primary    三级公路 → secondary
    四级公路 → tertiary     等外公路 → local
    国道 → trunk   省道 → primary   县道 → secondary   乡道 → tertiary   村道 → local
    快速路 → expressway (pedestrians are barred from its main lanes, as from 高速公路)
    主干路 → primary   次干路 → secondary   支路 → tertiary
    专用公路 → no English class (only ``class_cn``)
    codes 1–4 read as 一级…四级公路 (the technical grade); 1–4 of urban data (快速路…支路)
    need an explicit value map.
    OSM: motorway(_link) → expressway, trunk/primary/secondary/tertiary(_link) → the same,
    unclassified/residential/living_street/service/road/track → local; paths and footways →
    unknown (not driveable).
"""
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import product

from ..standards.fire_stations import (ROAD_CLASS_NAMES_EN, ROAD_CLASS_NAMES_ZH, ROAD_CLASSES, STATION_CLASS_LIMITS,
                                       STATION_CLASSES)
from ..standards.shelters import DEFAULT_SHELTER_TYPES
from .text import normalise_label

Code = str | bool  # a schema code: text, or True/False for the yes/no fields (urban, hazchem, suburban)


@dataclass(frozen=True)
class CodeTable:
    """``labels``: label → code (the codes themselves included); ``ambiguous``: label →
    candidate codes; ``true_code``/``false_code``: what a yes/no value means for a field that
    accepts one (None: booleans are not values of this field)."""

    name: str
    codes: tuple[Code, ...]
    labels: dict[str, Code]
    ambiguous: dict[str, tuple[Code, ...]] = field(default_factory=dict)
    true_code: Code | None = None
    false_code: Code | None = None
    source: str = ""
    names: dict[Code, tuple[str, str]] = field(default_factory=dict)  # code → (Chinese, English) display name

    def display(self, code: Code, language: str = "zh") -> str:
        """The name a drop-down shows for ``code`` (itself when the table names none)."""
        zh, en = self.names.get(code, (str(code), str(code)))
        return zh if language == "zh" else en


def _table(name: str, codes: Sequence[Code], labels_by_code: Mapping[Code, Iterable[str]],
           ambiguous: Mapping[str, Sequence[Code]] | None = None, true_code: Code | None = None,
           false_code: Code | None = None, source: str = "",
           names: Mapping[Code, tuple[str, str]] | None = None) -> CodeTable:
    """A table; the display ``names`` of each code are labels of it too (a drop-down's choice reads back)."""
    labels: dict[str, Code] = {}
    names = dict(names or {})
    for code, written in labels_by_code.items():
        for label in ((str(code),) if isinstance(code, str) else ()) + tuple(written) + names.get(code, ()):
            key = normalise_label(label)
            if labels.get(key, code) != code:
                raise ValueError(f"code table {name}: {label!r} means both {labels[key]} and {code}")
            labels[key] = code
    ambiguous_keys = {normalise_label(k): tuple(v) for k, v in (ambiguous or {}).items()}
    clash = set(ambiguous_keys) & set(labels)
    if clash:
        raise ValueError(f"code table {name}: {sorted(clash)} both definite and ambiguous")
    return CodeTable(name, tuple(codes), labels, ambiguous_keys, true_code, false_code, source, names)


def _station_labels(prefixes: Iterable[str], suffixes: Iterable[str]) -> tuple[str, ...]:
    return tuple(p + s for p, s in product(prefixes, suffixes))


_ORDINARY = ("", "站", "消防站", "普通站", "普通消防站", "消防救援站", "普通消防救援站", "类", "类站")
STATION_CLASS = _table(
    "station_class", STATION_CLASSES,
    {
        "special": _station_labels(("特勤",), ("", "站", "消防站", "消防救援站", "队", "中队", "类")),
        "class1": _station_labels(("一级", "1级", "i级"), _ORDINARY) + ("1",),
        "class2": _station_labels(("二级", "2级", "ii级"), _ORDINARY) + ("2",),
        "small": _station_labels(("小型",), _ORDINARY[:-2]),
    },
    ambiguous={"普通站": ("class1", "class2", "small"), "普通消防站": ("class1", "class2", "small"),
               "消防站": ("special", "class1", "class2", "small"),
               # a suburban station is an ordinary station of some class: the suburban field says 郊区
               "郊区站": ("class1", "class2", "small"), "郊区": ("class1", "class2", "small")},
    source="建标152-2017 城市消防站建设标准; GB 51080-2015",
    names={c.code: (c.name_zh, c.name_en) for c in STATION_CLASS_LIMITS if c.code in STATION_CLASSES})


def _term(term: str) -> tuple[str, ...]:
    return (f"{term}固定避难场所", f"固定避难场所({term})", f"固定({term})", f"{term}固定", f"固定{term}", term,
            f"{term}避难场所", f"{term}固定避难", f"{term}型", f"{term}型固定避难场所")


SHELTER_TYPE = _table(
    "shelter_type", tuple(t.code for t in DEFAULT_SHELTER_TYPES),
    {
        "emergency": ("紧急避难场所", "紧急", "紧急避难", "紧急避难点", "紧急型", "紧急避难场地", "紧急应急避难场所"),
        "fixed_short": _term("短期"), "fixed_medium": _term("中期"), "fixed_long": _term("长期"),
        "central": ("中心避难场所", "中心", "中心避难", "中心固定避难场所", "中心型", "中心应急避难场所"),
    },
    ambiguous={"固定": ("fixed_short", "fixed_medium", "fixed_long"),
               "固定避难场所": ("fixed_short", "fixed_medium", "fixed_long"),
               "固定避难": ("fixed_short", "fixed_medium", "fixed_long"),
               "应急避难场所": ("emergency", "fixed_short", "fixed_medium", "fixed_long", "central")},
    source="GB 51143-2015 §3.1.4; GB/T 44013-2024",
    names={t.code: (t.name_zh, t.name_en) for t in DEFAULT_SHELTER_TYPES})


def _grade(names: Iterable[str], digit: str) -> tuple[str, ...]:
    return (_station_labels(names, ("", "企业", "达标", "达标企业", "标准化"))
            + tuple(f"{p}{n}" for p, n in product(("安全生产标准化", "标准化"), names)) + (digit,))


STD_GRADE = _table(
    "std_grade", ("grade1", "grade2", "grade3", "none"),
    {
        "grade1": _grade(("一级", "1级", "i级"), "1"),
        "grade2": _grade(("二级", "2级", "ii级"), "2"),
        "grade3": _grade(("三级", "3级", "iii级"), "3") + ("小微企业三级",),
        "none": ("无", "无等级", "未达标", "不达标", "未评级", "未定级", "未评定", "未创建", "未开展", "暂无",
                 "未评审"),
    },
    source="GB/T 33000-2016; 企业安全生产标准化建设定级办法 (一级/二级/三级)",
    names={"grade1": ("一级", "Grade 1"), "grade2": ("二级", "Grade 2"), "grade3": ("三级", "Grade 3"),
           "none": ("无", "None")})

# Chinese road classes: class_cn code → (labels, the schema's English class or None).
ROAD_CLASS_MAP: dict[str, tuple[tuple[str, ...], str | None]] = {
    "hw_expressway": (("高速公路", "高速", "国家高速公路", "省级高速公路", "高速路"), "expressway"),
    "hw_class1": (("一级公路", "一级", "1级公路", "1级", "1"), "trunk"),
    "hw_class2": (("二级公路", "二级", "2级公路", "2级", "2"), "primary"),
    "hw_class3": (("三级公路", "三级", "3级公路", "3级", "3"), "secondary"),
    "hw_class4": (("四级公路", "四级", "4级公路", "4级", "4"), "tertiary"),
    "hw_substandard": (("等外公路", "等外", "等外路"), "local"),
    "admin_national": (("国道", "国道公路", "普通国道", "国省干线"), "trunk"),
    "admin_provincial": (("省道", "省道公路", "普通省道"), "primary"),
    "admin_county": (("县道", "县道公路", "县级公路"), "secondary"),
    "admin_township": (("乡道", "乡道公路", "乡级公路"), "tertiary"),
    "admin_village": (("村道", "村级公路", "村路", "通村公路"), "local"),
    "admin_special": (("专用公路",), None),
    "urban_expressway": (("快速路", "城市快速路", "快速干道", "城市快速干道"), "expressway"),
    "urban_arterial": (("主干路", "主干道", "城市主干路", "城市主干道", "主干"), "primary"),
    "urban_secondary": (("次干路", "次干道", "城市次干路", "城市次干道", "次干"), "secondary"),
    "urban_branch": (("支路", "城市支路", "街巷", "支路街巷"), "tertiary"),
}
OSM_HIGHWAY_CLASSES: dict[str, str] = {
    "motorway": "expressway", "motorway_link": "expressway", "trunk": "trunk", "trunk_link": "trunk",
    "primary": "primary", "primary_link": "primary", "secondary": "secondary", "secondary_link": "secondary",
    "tertiary": "tertiary", "tertiary_link": "tertiary", "unclassified": "local", "residential": "local",
    "living_street": "local", "service": "local", "road": "local", "track": "local",
}


def _road_labels() -> dict[Code, tuple[str, ...]]:
    by_code: dict[Code, tuple[str, ...]] = {code: () for code in ROAD_CLASSES}
    for labels, code in ROAD_CLASS_MAP.values():
        if code:
            by_code[code] += labels
    for osm, code in OSM_HIGHWAY_CLASSES.items():
        by_code[code] += (osm,)
    return by_code


ROAD_CLASS = _table("road_class", ROAD_CLASSES, _road_labels(),
                    source="JTG B01-2014; 公路行政等级; CJJ 37-2012; OSM highway=* (see ROAD_CLASS_MAP)",
                    names={code: (ROAD_CLASS_NAMES_ZH[code], ROAD_CLASS_NAMES_EN[code]) for code in ROAD_CLASSES})
ROAD_CLASS_CN = _table("road_class_cn", tuple(ROAD_CLASS_MAP),
                       {code: labels for code, (labels, _) in ROAD_CLASS_MAP.items()},
                       source="JTG B01-2014; 公路行政等级; CJJ 37-2012")

ONEWAY = _table(
    "oneway", ("both", "forward", "backward"),
    {
        "both": ("双向", "双行", "双向通行", "双向行驶", "双", "非单行", "b"),
        "forward": ("单行", "单向", "单行线", "单向通行", "单向行驶", "正向", "顺向", "顺行", "单行(正向)", "ft"),
        "backward": ("-1", "逆向", "反向", "逆行", "单行(逆向)", "单行(反向)", "reverse", "tf"),
    },
    ambiguous={"reversible": ("forward", "backward"), "alternating": ("forward", "backward"),
               "潮汐": ("forward", "backward"),
               # one letter: ESRI's F/T (from/to) or a boolean's f/t (false/true)?
               "f": ("forward", "both"), "t": ("backward", "forward")},
    true_code="forward", false_code="both",
    source="OSM oneway=yes/-1/no; ESRI FT/TF/B; 是否单行 是/否 through the boolean parser",
    names={"both": ("双向", "Both directions"), "forward": ("单行(正向)", "One-way, digitised direction"),
           "backward": ("单行(逆向)", "One-way, against digitising")})

URBAN = _table("urban", (True, False),
               {True: ("城镇", "城市", "城区", "镇区", "城镇人口", "城镇地区", "urban"),
                False: ("乡村", "农村", "乡村人口", "农村地区", "rural")},
               true_code=True, false_code=False, source="统计用城乡划分代码: 城镇 / 乡村",
               names={True: ("城镇", "Urban"), False: ("乡村", "Rural")})
_YES_NO_NAMES: dict[Code, tuple[str, str]] = {True: ("是", "Yes"), False: ("否", "No")}
HAZCHEM = _table("hazchem", (True, False),
                 {True: ("涉及", "涉危", "涉及危险化学品", "涉危化品"), False: ("不涉及", "不涉危", "未涉及")},
                 true_code=True, false_code=False, names=_YES_NO_NAMES)
SUBURBAN = _table("suburban", (True, False),
                  {True: ("郊区", "郊区站", "近郊", "近郊区", "城市边缘", "城市边缘地区", "suburban"),
                   False: ("城区", "市区", "城区站", "建成区")},
                  true_code=True, false_code=False, source="建标152-2017: 近郊区/城市边缘 15 km²",
                  names=_YES_NO_NAMES)

# (kind, field) → table. hazard_sources.hazard_cat has its own reader (hazard_labels).
TABLES: dict[tuple[str, str], CodeTable] = {
    ("fire_stations", "class"): STATION_CLASS,
    ("fire_stations", "suburban"): SUBURBAN,
    ("shelters", "type"): SHELTER_TYPE,
    ("shelter_points", "type"): SHELTER_TYPE,
    ("enterprises", "std_grade"): STD_GRADE,
    ("enterprises", "hazchem"): HAZCHEM,
    ("roads", "class"): ROAD_CLASS,
    ("roads", "class_cn"): ROAD_CLASS_CN,
    ("roads", "oneway"): ONEWAY,
    ("population", "urban"): URBAN,
}
