"""Rescue teams and supply depots (应急救援队伍, 应急物资储备库): their types and levels, and the named time
limits of ``riskatlas:resourcecoverage``.

Sources:

* Team types — 应急管理部《"十四五"应急救援力量建设规划》(应急〔2022〕61号): 专业应急救援力量 (抗洪抢险,
  地方森林(草原)灭火, 地震和地质灾害救援, 生产安全事故救援 — 矿山, 危险化学品 … —, 航空应急救援), 社会应急
  力量, 基层应急救援力量 (乡镇街道、村居社区); 国家综合性消防救援队伍 and 地方专职消防队伍 beside them. The
  census's 综合减灾资源(能力)调查 (第一次全国自然灾害综合风险普查 2020–2022) lists the same families
  (综合性、政府专职和企业专职消防救援队伍; 危化/油气行业救援队伍; 社会应急力量 …, as county census reports
  count them); its form's own code list could not be checked here — the codes below are this plugin's.
* Depot levels — 建标121-2009《救灾物资储备库建设标准》 (中央级, 省级, 市级, 县级); 乡镇(街道) and 村(社区)
  储备点 as in 国家防灾减灾救灾委员会办公室《关于进一步加强应急抢险救灾物资保障体系和能力建设的指导意见》
  (2024: 县级储备库(点)全覆盖, 乡镇级储备库(点) in disaster-prone areas).

Time limits (``RESPONSE_PRESETS``; a limit counts from the dispatch order: turnout + driving, and an
arrival exactly at the limit is in time):

* ``rescue_30min`` — AQ 1008-2007《矿山救护规程》: 矿山救护队驻地至服务矿井的距离，以行车时间不超过 30 min
  为限, and the duty squad leaves within 1 min of the call (一经接到事故通知 … 要在 1 min 内登车出动): 1 min
  turnout + 30 min driving = 31 min. (The 2024《矿山救援规程》 replaced AQ 1008; check its text before a
  statutory use.) Used here for every professional team: no national driving-time rule exists for the
  other kinds.
* ``fire_5min`` — the fire-station rule (建标152-2017 第十四条: 5 min from dispatch, 1 min turnout), for
  comprehensive fire-rescue teams.
* ``rescue_60min`` — a project choice: a one-hour rescue circle for township and social teams (no national
  figure found).
* ``depot_county_6h`` — the 2024 指导意见 above: the first batch of supplies reaches the disaster area within
  6 h (县级), 8 h (市级), 10 h (省级) of the dispatch order; the county's figure. Within one county almost
  everything is reached in 6 h: the preset says whether the depots meet the national target.
* ``depot_60min``, ``depot_30min`` — project choices for planning the depots of a county (a county depot an
  hour away, a township point half an hour away); no national figure found.
"""
from dataclasses import dataclass

from .fire_stations import TIME_RULE_MIN, TURNOUT_CONVENTION_MIN

RESCUE_TEAMS, SUPPLY_DEPOTS = "rescue_teams", "supply_depots"  # the layer kinds a RESOURCE_KIND names
RESOURCE_KINDS = (RESCUE_TEAMS, SUPPLY_DEPOTS)  # the RESOURCE_KIND enum of riskatlas:resourcecoverage

TEAM_TYPES = (  # (code, 中文, English); the rescue_teams ``type`` field's codes
    ("fire_rescue", "综合性消防救援队伍", "Fire and rescue (comprehensive)"),
    ("professional_fire", "专职消防队", "Full-time fire brigade"),
    ("forest_fire", "森林(草原)灭火队伍", "Forest and grassland fire"),
    ("flood", "抗洪抢险队伍", "Flood fighting"),
    ("earthquake_geohazard", "地震和地质灾害救援队伍", "Earthquake and geohazard rescue"),
    ("mine", "矿山(隧道)救援队伍", "Mine and tunnel rescue"),
    ("hazchem", "危险化学品救援队伍", "Hazardous-chemicals rescue"),
    ("water", "水上救援队伍", "Water rescue"),
    ("aviation", "航空应急救援队伍", "Aviation rescue"),
    ("medical", "医疗救护队伍", "Medical rescue"),
    ("utility", "电力、供水、燃气抢修队伍", "Utility repair"),
    ("social", "社会应急力量", "Social rescue organisation"),
    ("grassroots", "基层应急救援队伍（乡镇、村居）", "Township or village rescue team"),
    ("enterprise", "企业专职救援队伍", "Enterprise rescue team"),
    ("other", "其他", "Other"),
)
TEAM_TYPE_CODES = tuple(code for code, _zh, _en in TEAM_TYPES)

DEPOT_LEVELS = (  # (code, 中文, English); the supply_depots ``level`` field's codes, highest first
    ("national", "中央级", "National"),
    ("provincial", "省级", "Provincial"),
    ("municipal", "市级", "Municipal"),
    ("county", "县级", "County"),
    ("township", "乡镇(街道)级", "Township"),
    ("village", "村(社区)级", "Village or community"),
)
DEPOT_LEVEL_CODES = tuple(code for code, _zh, _en in DEPOT_LEVELS)


PROJECT_CHOICE_EN = "project choice (no national figure found)"  # the source of a preset no standard sets
PROJECT_CHOICE_ZH = "项目设定（未找到国家规定的数值）"


@dataclass(frozen=True)
class ResponsePreset:
    """A named time limit: ``limit_min`` from the dispatch order (turnout + driving; an arrival at exactly
    the limit is in time) and the turnout of a resource that gives none (``turnout_min``)."""

    name: str
    kind: str  # RESCUE_TEAMS or SUPPLY_DEPOTS: the kind it is meant for
    limit_min: float
    turnout_min: float
    label_zh: str
    label_en: str
    source: str
    project_choice: bool = False

    def cited(self, zh: bool) -> str:
        """The source in the language asked for (a national source is cited as written)."""
        return (PROJECT_CHOICE_ZH if zh else PROJECT_CHOICE_EN) if self.project_choice else self.source


RESPONSE_PRESETS = (  # the order is the TIME_PRESET enum of riskatlas:resourcecoverage (after "by kind") — append only
    ResponsePreset("rescue_30min", RESCUE_TEAMS, 31.0, 1.0, "专业救援队伍：出动 1 分钟 + 行车 30 分钟",
                   "Professional teams: 1 min turnout + 30 min driving",
                   "AQ 1008-2007 矿山救护规程: 驻地至服务矿井行车时间 ≤ 30 min, 接警 1 min 内出动"),
    ResponsePreset("fire_5min", RESCUE_TEAMS, TIME_RULE_MIN, TURNOUT_CONVENTION_MIN, "消防救援：接警后 5 分钟",
                   "Fire and rescue: 5 min from dispatch", "建标152-2017 第十四条; GB 51080-2015 §4.1"),
    ResponsePreset("rescue_60min", RESCUE_TEAMS, 60.0, 1.0, "基层与社会救援力量：1 小时（项目设定）",
                   "Township and social teams: 1 hour (project choice)",
                   PROJECT_CHOICE_EN, project_choice=True),
    ResponsePreset("depot_60min", SUPPLY_DEPOTS, 60.0, 0.0, "物资储备库：1 小时运抵（项目设定）",
                   "Supply depots: delivered within 1 hour (project choice)",
                   PROJECT_CHOICE_EN, project_choice=True),
    ResponsePreset("depot_30min", SUPPLY_DEPOTS, 30.0, 0.0, "物资储备点：30 分钟运抵（项目设定）",
                   "Supply points: delivered within 30 minutes (project choice)",
                   PROJECT_CHOICE_EN, project_choice=True),
    ResponsePreset("depot_county_6h", SUPPLY_DEPOTS, 360.0, 0.0, "县级储备库：首批物资 6 小时内运抵",
                   "County depots: first supplies within 6 hours",
                   "国家防灾减灾救灾委员会办公室《关于进一步加强应急抢险救灾物资保障体系和能力建设的指导意见》"
                   "(2024): 首批应急物资县级 6 小时、市级 8 小时、省级 10 小时内运抵灾区"),
)
PRESET_BY_NAME = {p.name: p for p in RESPONSE_PRESETS}
DEFAULT_PRESET = {RESCUE_TEAMS: "rescue_30min", SUPPLY_DEPOTS: "depot_60min"}  # the TIME_PRESET "by kind"
