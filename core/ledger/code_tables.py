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
from dataclasses import dataclass, field, replace
from itertools import product

from ..standards.emergency_resources import DEPOT_LEVEL_CODES, DEPOT_LEVELS, TEAM_TYPE_CODES, TEAM_TYPES
from ..standards.fire_stations import (ROAD_CLASS_NAMES_EN, ROAD_CLASS_NAMES_ZH, ROAD_CLASSES, STATION_CLASS_LIMITS,
                                       STATION_CLASSES)
from ..standards.key_targets import KEY_TARGET_CATEGORIES, KEY_TARGET_CODES
from ..standards.natural_hazards import (DANGER_GRADE_CODES, DANGER_GRADES, DANGER_SOURCE, HAZARD_TYPE_CODES,
                                         NATURAL_HAZARD_TYPES, RISK_GRADE_CODES, RISK_GRADES)
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

# ---------------------------------------------------------------- the emergency "one map" (issue 18)
# The codes are the standards tables' (core.standards.emergency_resources, key_targets, natural_hazards);
# each code's Chinese and English names there are its drop-down's names (and so labels too).

def _names(rows: Iterable[tuple[str, ...]]) -> dict[Code, tuple[str, str]]:
    """{code: (Chinese, English)} of a standards table's rows (code, 中文, English, …)."""
    return {row[0]: (row[1], row[2]) for row in rows}


TEAM_TYPE = _table("team_type", TEAM_TYPE_CODES, {
    "fire_rescue": ("消防救援站", "消防救援队", "消防救援", "国家综合性消防救援队伍", "综合性消防救援队伍",
                    "消防救援大队", "消防救援中队", "特勤站"),
    "professional_fire": ("专职消防队", "政府专职消防队", "专职消防", "企业专职消防队", "乡镇专职消防队"),
    "forest_fire": ("森林消防", "森林消防队", "森林灭火", "森林灭火队", "扑火队", "半专业扑火队", "森林草原灭火",
                    "森林(草原)灭火"),
    "flood": ("防汛抢险", "抗洪抢险", "防汛抢险队", "抗洪抢险队", "防汛", "水利抢险", "防汛抗旱"),
    "earthquake_geohazard": ("地震救援", "地震灾害紧急救援队", "地质灾害救援", "地灾救援", "地震和地质灾害救援",
                             "地震救援队"),
    "mine": ("矿山救援", "矿山救护队", "矿山救护", "隧道救援", "矿山(隧道)救援", "矿山救援队"),
    "hazchem": ("危化救援", "危险化学品救援", "危化品救援", "危险化学品应急救援队", "油气救援", "危化/油气",
                "危化/油气行业救援队伍"),
    "water": ("水上救援", "水域救援", "水上搜救", "海上搜救", "水上救援队"),
    "aviation": ("航空救援", "航空应急救援"),
    "medical": ("医疗救护", "医疗救援", "卫生应急", "紧急医学救援", "医疗救护队"),
    "utility": ("电力抢修", "供电抢修", "供水抢修", "燃气抢修", "市政抢修", "电力应急", "通信保障"),
    "social": ("社会救援", "蓝天救援队", "应急志愿者", "志愿者", "社会组织", "社会救援队"),
    "grassroots": ("乡镇综合应急救援队", "乡镇(街道)应急救援队", "基层应急救援队", "村(社区)应急救援队",
                   "镇街综合应急救援队", "基层应急救援力量"),
    "enterprise": ("企业专职救援队", "企业救援队", "企业应急救援队"),
    "other": ("其它",),
}, source="应急〔2022〕61号《“十四五”应急救援力量建设规划》; 自然灾害综合风险普查 综合减灾资源",
    names=_names(TEAM_TYPES))

DEPOT_LEVEL = _table("depot_level", DEPOT_LEVEL_CODES, {
    "national": ("中央", "国家级", "中央储备库", "国家储备库"),
    "provincial": ("省", "省级储备库"),
    "municipal": ("市", "地市级", "市级储备库"),
    "county": ("县", "区级", "县(区)级", "县(市、区)级", "县级储备库"),
    "township": ("乡镇", "乡镇级", "街道", "镇级", "乡镇(街道)", "乡镇储备点", "乡镇(街道)储备点"),
    "village": ("村级", "社区", "村(社区)", "村居", "村(社区)储备点"),
}, source="建标121-2009 救灾物资储备库建设标准; 国家防灾减灾救灾委员会办公室 2024 指导意见",
    names=_names(DEPOT_LEVELS))

KEY_TARGET_CATEGORY = _table("key_target_category", KEY_TARGET_CODES, {
    "school": ("中学", "小学", "中小学", "高中", "初中", "大学", "高校", "职业学校", "学校教学楼"),
    "kindergarten": ("幼儿园", "托儿所", "托育机构"),
    "hospital": ("医院", "卫生院", "医疗卫生机构", "社区卫生服务中心", "门诊楼", "病房楼"),
    "care_home": ("养老院", "福利院", "敬老院", "养老机构", "社会福利院", "提供住宿的社会服务机构", "养老服务机构"),
    "culture": ("图书馆", "博物馆", "展览馆", "文化馆", "美术馆", "公共文化场所", "影剧院"),
    "hotel": ("宾馆", "饭店", "酒店", "星级饭店", "旅馆"),
    "market": ("商场", "超市", "集贸市场", "农贸市场", "百货店", "购物中心", "商品交易市场"),
    "transport": ("客运站", "汽车站", "火车站", "客运码头", "码头", "机场", "高铁站", "客运车站"),
    "stadium": ("体育场馆", "体育馆", "体育场", "会堂", "礼堂", "体育中心"),
    "entertainment": ("公共娱乐场所", "娱乐场所", "歌舞厅", "影院", "电影院", "ktv", "网吧"),
    "tourism": ("旅游景区", "景区", "景点", "风景区"),
    "religious": ("宗教活动场所", "寺庙", "寺院", "教堂", "宗教场所"),
    "workshop": ("劳动密集型企业", "生产车间", "员工宿舍", "集体宿舍", "劳动密集型企业车间"),
    "other": ("其它",),
}, source="消防法 第七十三条; 自然灾害综合风险普查 公共服务设施",
    names=_names(KEY_TARGET_CATEGORIES))

HAZARD_TYPE = _table("natural_hazard_type", HAZARD_TYPE_CODES, {
    "collapse": ("危岩", "山体崩塌", "崩塌(危岩)", "危岩体"),
    "landslide": ("山体滑坡", "滑坡体"),
    "debris_flow": ("泥石流沟",),
    "ground_collapse": ("塌陷", "岩溶塌陷", "采空塌陷", "采空区塌陷"),
    "ground_fissure": ("裂缝",),
    "land_subsidence": ("沉降",),
    "unstable_slope": ("斜坡", "不稳定边坡", "高陡边坡", "边坡"),
    "flash_flood": ("山洪灾害", "山洪沟", "山洪危险区", "山洪灾害危险区"),
    "waterlogging": ("内涝", "积水点", "易涝点", "内涝点", "城市内涝"),
    "other": ("其它",),
}, source="地质灾害防治条例 第二条; 山洪灾害调查评价; 城市内涝积水点",
    names=_names(NATURAL_HAZARD_TYPES))


def _grade_labels(name: str, roman: str, digit: str) -> tuple[str, ...]:
    return (name, name[:-1], f"{name}险情", f"{name}地质灾害险情", roman.lower(), f"{roman.lower()}级",
            f"{digit}级")


DANGER_LEVEL = _table("danger_level", DANGER_GRADE_CODES,
                      {g.code: _grade_labels(g.name_zh, g.roman, d)
                       for g, d in zip(DANGER_GRADES, ("一", "二", "三", "四"))},
                      source=DANGER_SOURCE, names={g.code: (g.name_zh, g.name_en) for g in DANGER_GRADES})
SCALE_LEVEL = replace(DANGER_LEVEL, name="scale_level", source="地质灾害规模等级 (特大型/大型/中型/小型)")
RISK_GRADE = _table("risk_grade", RISK_GRADE_CODES, {
    "very_high": ("极高风险", "极高风险区", "极高危险区"),
    "high": ("高风险", "高风险区", "高危险区"),
    "moderate": ("中风险", "中风险区", "中等", "中等风险", "较高"),
    "low": ("低风险", "低风险区"),
}, source="自然灾害综合风险普查 地质灾害风险调查评价 (极高/高/中/低)",
    names=_names(RISK_GRADES))

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
    ("rescue_teams", "type"): TEAM_TYPE,
    ("supply_depots", "level"): DEPOT_LEVEL,
    ("key_targets", "category"): KEY_TARGET_CATEGORY,
    ("natural_hazards", "type"): HAZARD_TYPE,
    ("natural_hazards", "danger_level"): DANGER_LEVEL,
    ("natural_hazards", "scale_level"): SCALE_LEVEL,
    ("natural_hazards", "risk_grade"): RISK_GRADE,
}
