"""The one synonym table: column headers as bureaus write them → Risk Atlas field names.

Per layer kind (the kinds and fields of ``layers.schemas``; ``shelter_points`` shares the
shelters table) the schema's fields, each with the headers seen in county ledgers — 企业台账,
重大危险源基本特征表 (and 危险源清单), 消防站/消防救援站 lists, 应急避难场所 lists, census and
village population tables, road data (天地图 / 国土空间规划 classes and OSM tags), 镇街 tables,
应急救援队伍 and 救灾物资储备库(点) lists, 人员密集场所 registers and 地质灾害隐患点 registers (the census's
综合减灾资源 and 隐患 tables) — plus their English names. Matching normalises both sides
(``text.normalise_header``), so units in brackets, full-width characters, spaces and case need no entries of their own.

Auxiliary fields (``schema=False``) are columns recognised so they are neither reported as
unknown nor mistaken for a schema field: coordinates (``x``/``y``, or ``xy`` for one cell with
both), the CAS number beside a chemical's name, the ledger's own R value, critical quantity
and grade, addresses and contacts. The importer uses or drops them.

``required`` mirrors ``layers.schemas`` (core does not import layers; a test pins the two
together). Generic headers (名称, 编号, 类型, name, id) match exactly but, in the fuzzy rule,
only as the end of a header (``GENERIC``).
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class FieldSynonyms:
    field: str
    synonyms: tuple[str, ...]
    required: bool = False
    schema: bool = True  # False: an auxiliary column, not a field of the layer schema


def _f(field: str, *synonyms: str, required: bool = False) -> FieldSynonyms:
    return FieldSynonyms(field, (field,) + synonyms, required)


def _aux(field: str, *synonyms: str) -> FieldSynonyms:
    return FieldSynonyms(field, (field,) + synonyms, False, schema=False)


GENERIC = frozenset({"名称", "编号", "编码", "代码", "类型", "类别", "等级", "name", "id", "code", "type", "class"})

_TOWNSHIP = _f("township", "所属镇街", "镇街", "所属乡镇", "所属乡镇(街道)", "乡镇(街道)", "乡镇街道", "乡镇/街道",
               "所在镇街", "所在乡镇", "所属街道", "镇(街道)", "所属镇(街道)", "所在乡镇(街道)", "乡镇", "街道",
               "所属镇街名称", "乡镇名称", "街道名称", "属地", "属地镇街", "township", "town")
_X = _aux("x", "经度", "东经", "经度坐标", "x坐标", "横坐标", "lng", "lon", "long", "longitude", "point_x",
          "经度(东经)")
_Y = _aux("y", "纬度", "北纬", "纬度坐标", "y坐标", "纵坐标", "lat", "latitude", "point_y", "纬度(北纬)")
_XY = _aux("xy", "经纬度", "坐标", "经纬度坐标", "位置坐标", "地理坐标", "坐标位置", "中心点坐标", "location", "lnglat",
           "coordinates")
_WKT = _aux("wkt", "几何", "几何(wkt)", "几何图形", "空间位置(wkt)", "geometry", "geom", "the_geom", "wkt_geom")
_POINT = (_X, _Y, _XY, _WKT)
_SERIAL = _aux("serial", "序号", "编号序号", "no", "no.", "序", "行号")
_ADDRESS = _aux("address", "地址", "详细地址", "所在地址", "位置", "具体位置", "注册地址", "经营地址", "生产经营地址",
                "单位地址", "企业地址", "坐落位置", "地点")
_CONTACT = _aux("contact", "联系人", "联系电话", "联系方式", "电话", "手机", "负责人", "主要负责人", "法定代表人",
                "安全负责人", "安全管理人员", "值班电话")
_REMARKS = _aux("remarks", "备注", "说明", "其他", "备注说明")
_COMMON = (_SERIAL, _ADDRESS, _CONTACT, _REMARKS)

ENTERPRISES = (
    _f("ent_id", "统一社会信用代码", "社会信用代码", "统一信用代码", "信用代码", "统一社会信用代码证号",
       "社会统一信用代码", "企业编号", "企业编码", "企业代码", "单位编号", "单位代码", "编号", "enterprise_id",
       "credit_code", "uscc", "id", required=True),
    _f("name", "企业名称", "单位名称", "企业全称", "单位全称", "公司名称", "生产经营单位名称", "生产经营单位",
       "企业单位名称", "企业(单位)名称", "名称", "ent_name", required=True),
    _f("name_en", "英文名称", "拼音名称", "英文/拼音名称", "英文或拼音名称", "english_name", "English or pinyin name"),
    _f("industry", "行业", "行业类别", "行业类型", "所属行业", "行业分类", "国民经济行业分类", "国民经济行业类别",
       "行业门类", "行业领域", "所属行业类别", "行业类别名称", required=True),
    _TOWNSHIP,
    _f("employees", "从业人数", "职工人数", "从业人员数", "从业人员", "员工人数", "职工总数", "从业人员数量",
       "在岗职工人数", "员工数", "职工人数合计", "从业人员总数"),
    _f("hazchem", "是否涉及危险化学品", "涉及危险化学品", "是否涉及危化品", "涉及危化品", "是否涉危", "涉危化品",
       "涉危", "是否涉及危险化学品企业", "涉及危险化学品(是/否)", "Stores or uses hazardous chemicals",
       "hazardous chemicals"),
    _f("std_grade", "安全生产标准化等级", "标准化等级", "安全标准化等级", "安全生产标准化达标等级", "标准化达标等级",
       "安全生产标准化级别", "安全生产标准化", "标准化达标级别", "安全生产标准化建设等级",
       "Safety standardisation grade"),
    _f("lec_l", "l", "l值", "可能性l", "事故发生的可能性", "事故发生的可能性l", "发生事故的可能性", "LEC likelihood L"),
    _f("lec_e", "e", "e值", "暴露频繁程度e", "暴露于危险环境的频繁程度", "暴露于危险环境的频繁程度e", "频繁程度",
       "LEC exposure E"),
    _f("lec_c", "c", "c值", "后果c", "发生事故产生的后果", "发生事故产生的后果c", "事故后果", "LEC consequence C"),
    _f("likelihood", "可能性等级", "可能性", "可能性(l)", "可能性级别", "Matrix likelihood (1-5)"),
    _f("severity", "严重性等级", "严重性", "严重程度", "后果严重性", "严重性级别", "Matrix severity (1-5)"),
    _aux("org_code", "组织机构代码", "组织机构代码证号", "工商注册号", "注册号"),
    _aux("risk_level_ledger", "风险等级", "安全风险等级", "风险级别", "企业风险等级", "风险分级"),
) + _POINT + _COMMON

HAZARD_SOURCES = (
    _f("unit_id", "重大危险源编码", "重大危险源编号", "重大危险源代码", "危险源编码", "危险源编号", "危险源代码",
       "单元编号", "单元编码", "单元代码", "重大危险源备案编号", "备案编号", "编号", "id", required=True),
    _f("unit_name", "重大危险源名称", "危险源名称", "单元名称", "生产单元名称", "储存单元名称", "生产单元", "储存单元",
       "装置/设施名称", "装置设施名称", "装置名称"),
    _f("ent_id", "统一社会信用代码", "社会信用代码", "统一信用代码", "信用代码", "企业编号", "企业编码", "企业代码",
       "所属企业编号", "所属企业统一社会信用代码", "单位编号", "enterprise_id", required=True),
    _f("substance", "危险化学品名称", "化学品名称", "危化品名称", "物质名称", "危险物质名称", "危险化学品", "品名",
       "危险化学品名称或cas号", "主要危险化学品", "涉及的危险化学品", "危险化学品品名", "Substance name or CAS",
       "substance name", required=True),
    _f("quantity_t", "单元内存量", "设计最大量", "最大储量", "最大存量", "设计最大储量", "设计最大存量", "最大储存量",
       "设计储存量", "储存量", "存量", "在线量", "最大在线量", "数量", "quantity", "Design maximum quantity (t)",
       "maximum quantity", required=True),
    _f("hazard_cat", "危险性类别", "危险类别", "危险性分类", "危险化学品类别", "危险化学品分类", "危险性", "类别",
       "gb18218类别", "hazard_category", "category"),
    _f("exposed", "厂区边界外500m范围内人数估算值", "厂区边界外500米范围内人数估算值", "厂区边界外500m范围内人数",
       "厂区边界外500米范围内人数", "500m范围内人数估算值", "500米范围内人数估算值", "500m范围内人数",
       "500米范围内人数", "500m内暴露人数", "500米内暴露人数", "周边500m人数", "周边500米人数", "周边500m范围内人数",
       "周边500米范围内人数", "暴露人数", "exposed_people", "People within 500 m outside the boundary",
       "exposed people"),
    _aux("ent_name", "企业名称", "单位名称", "企业全称", "公司名称", "生产经营单位名称", "所属企业", "所属企业名称"),
    _aux("cas", "cas号", "cas编号", "cas码", "casno", "cas_no", "cas", "cas登记号"),
    _aux("r_value", "r值", "r", "重大危险源辨识r值", "分级r值", "r值计算结果"),
    _aux("critical_q_t", "临界量", "临界量q", "q值", "critical_quantity"),
    _aux("grade_ledger", "重大危险源级别", "重大危险源等级", "危险源级别", "级别", "等级"),
    _aux("s_value", "s值", "辨识指标", "s", "q/q"),
    _aux("alpha", "α", "α值", "校正系数α", "暴露人员校正系数"),
    _aux("beta", "β", "β值", "校正系数β"),
) + _POINT + _COMMON

SHELTERS = (
    _f("shelter_id", "避难场所编号", "应急避难场所编号", "场所编号", "避难场所编码", "场所编码", "场所代码", "编号",
       "id", required=True),
    _f("name", "避难场所名称", "应急避难场所名称", "场所名称", "名称", required=True),
    _f("name_en", "英文名称", "拼音名称", "英文/拼音名称", "english_name", "English or pinyin name"),
    _f("type", "类型", "避难场所类型", "场所类型", "避难场所类别", "场所类别", "类别", "避难场所种类", "shelter_type",
       required=True),
    _f("area_m2", "有效避难面积", "有效面积", "避难面积", "有效避难用地面积", "有效使用面积", "可用避难面积",
       "有效避难场地面积", "area", "Effective area (m²)", "effective area", required=True),
    _f("capacity", "可容纳人数", "容纳人数", "可容纳避难人数", "可安置人数", "避难人数", "容纳人口", "容量",
       "设计容纳人数"),
    _TOWNSHIP,
    _aux("total_area", "占地面积", "总面积", "用地面积", "建筑面积"),
) + _POINT + _COMMON

FIRE_STATIONS = (
    _f("station_id", "消防站编号", "消防站编码", "站点编号", "队站编号", "编号", "id", required=True),
    _f("name", "消防站名称", "消防救援站名称", "救援站名称", "队站名称", "站名", "名称", "消防站", required=True),
    _f("name_en", "英文名称", "拼音名称", "英文/拼音名称", "english_name", "English or pinyin name"),
    _f("class", "消防站类别", "消防站等级", "消防站类型", "站级", "建设等级", "类别", "等级", "类型", "队站类别",
       "建设类别", "station_class", required=True),
    _f("turnout_min", "出动时间", "出车时间", "接警出动时间", "出动用时", "turnout", "Turnout time (min)",
       "turnout time"),
    _f("suburban", "郊区站", "是否郊区站", "郊区", "是否郊区", "是否位于郊区", "近郊区站", "城市边缘站",
       "Suburban station (15 km² limit)", "suburban station"),
) + _POINT + _COMMON

POPULATION = (
    _f("pop_id", "人口单元编号", "统计单元编号", "网格编号", "村(社区)编码", "村居编码", "行政村编码", "社区编码",
       "单元编号", "编号", "id", "Population unit id", required=True),
    _f("residents", "常住人口", "人口", "人口数", "常住人口数", "总人口", "常住人口总数", "人口总数", "人数",
       "population", "pop", required=True),
    _f("urban", "城镇", "是否城镇", "城乡属性", "城乡分类", "城乡", "城乡类型", "城镇/乡村", "is_urban"),
    _TOWNSHIP,
    _aux("name", "名称", "村(社区)名称", "村居名称", "村名", "社区名称", "行政村名称", "村(社区)"),
    _aux("registered", "户籍人口", "户籍人口数"),
) + _POINT + _COMMON

ROADS = (
    _f("road_id", "道路编号", "路段编号", "道路编码", "路段编码", "编号", "osm_id", "id", required=True),
    _f("name", "道路名称", "路名", "路段名称", "路线名称", "名称", "Road name"),
    _f("class", "道路等级", "道路类别", "道路类型", "道路分类", "公路等级", "技术等级", "公路技术等级", "行政等级",
       "公路行政等级", "等级", "类别", "类型", "highway", "fclass", "road_class", required=True),
    _f("speed_kmh", "车速", "速度", "通行速度", "消防车速", "行车速度", "speed"),
    _f("maxspeed", "限速", "最高限速", "限速值", "设计速度", "设计车速", "max_speed", "speed_limit", "Posted limit"),
    _f("oneway", "通行方向", "单行", "是否单行", "单向", "单双向", "单行线", "方向", "行车方向", "direction", "dir",
       "Direction of travel"),
    _aux("other_tags", "other_tags"),
    _aux("route_code", "路线编号", "路线代码", "路线编码", "ref"),
    _aux("lanes", "车道数", "lanes"),
    _aux("width", "路宽", "宽度", "路面宽度", "width"),
    _WKT,
) + _COMMON

TOWNSHIPS = (
    _f("town_id", "镇街编号", "乡镇编号", "镇街编码", "乡镇编码", "街道编号", "编号", "id", "Township id",
       required=True),
    _f("name", "镇街名称", "乡镇名称", "乡镇(街道)名称", "街道名称", "镇街", "乡镇", "乡镇(街道)", "名称",
       required=True),
    _f("name_en", "英文名称", "拼音名称", "英文/拼音名称", "english_name", "English or pinyin name"),
    _f("admin_code", "行政区划代码", "区划代码", "行政代码", "统计用区划代码", "行政区划编码", "乡镇代码", "adcode",
       "xzqdm", "Administrative code"),
    _aux("area_km2", "面积", "行政区面积", "辖区面积"),
    _WKT,
) + _COMMON

_TURNOUT = ("出动时间", "出车时间", "接警出动时间", "出动用时", "turnout", "Turnout time (min)", "turnout time")

RESCUE_TEAMS = (
    _f("team_id", "队伍编号", "队伍编码", "救援队伍编号", "队伍代码", "编号", "id", "Team id", required=True),
    _f("name", "队伍名称", "救援队伍名称", "应急救援队伍名称", "队名", "名称", required=True),
    _f("name_en", "英文名称", "拼音名称", "英文/拼音名称", "english_name", "English or pinyin name"),
    _f("type", "队伍类型", "队伍类别", "救援队伍类型", "队伍性质", "专业类别", "专业类型", "救援类别", "类型",
       "类别", "team_type", "Team type", required=True),
    _f("headcount", "队伍人数", "人数", "队员人数", "总人数", "在编人数", "救援人员数", "人员数量", "members",
       "Members"),
    _f("vehicles", "车辆数", "车辆数量", "救援车辆", "车辆", "Vehicles"),
    _f("equipment", "主要装备", "装备", "主要装备及数量", "装备情况", "主要装备器材", "Main equipment"),
    _f("turnout_min", *_TURNOUT),
    _f("affiliation", "所属单位", "主管单位", "依托单位", "管理单位", "主管部门", "Run by"),
    _TOWNSHIP,
) + _POINT + _COMMON

SUPPLY_DEPOTS = (
    _f("depot_id", "储备库编号", "储备库编码", "储备点编号", "仓库编号", "编号", "id", "Depot id", required=True),
    _f("name", "储备库名称", "储备点名称", "储备库(点)名称", "仓库名称", "名称", required=True),
    _f("name_en", "英文名称", "拼音名称", "英文/拼音名称", "english_name", "English or pinyin name"),
    _f("level", "储备库级别", "储备库等级", "级别", "等级", "层级", "储备层级", "Depot level", required=True),
    _f("area_m2", "库房面积", "仓库面积", "储存面积", "仓储面积", "建筑面积", "库容面积", "面积", "Storage area (m²)",
       "storage area"),
    _f("stock", "主要储备物资", "储备物资", "物资种类", "储备品种", "储备物资种类", "物资", "Main stock"),
    _f("stock_people", "可保障人数", "可保障紧急转移安置人数", "保障人数", "可救助人数", "保障人口",
       "People the stock supports"),
    _f("turnout_min", "出库装车时间", "出库时间", "装车时间", "出库用时", "调运准备时间", "Loading time (min)",
       "loading time"),
    _TOWNSHIP,
    _aux("manager", "管理单位", "主管单位", "所属单位", "管理部门"),
) + _POINT + _COMMON

KEY_TARGETS = (
    _f("target_id", "目标编号", "场所编号", "单位编号", "设施编号", "编号", "id", "Target id", required=True),
    _f("name", "场所名称", "单位名称", "目标名称", "设施名称", "名称", required=True),
    _f("name_en", "英文名称", "拼音名称", "英文/拼音名称", "english_name", "English or pinyin name"),
    _f("category", "场所类别", "场所类型", "单位类别", "单位类型", "目标类别", "目标类型", "设施类别", "设施类型",
       "人员密集场所类别", "类别", "类型", "Category", required=True),
    _f("occupancy", "最大容纳人数", "容纳人数", "设计容纳人数", "核定人数", "可容纳人数", "在场人数", "在校人数",
       "在校师生人数", "师生人数", "床位数", "人数", "Occupancy (people)", "occupancy"),
    _TOWNSHIP,
) + _POINT + _COMMON

NATURAL_HAZARDS = (
    _f("hazard_id", "隐患点编号", "统一编号", "灾害点编号", "隐患点统一编号", "野外编号", "风险区编号", "编号", "id",
       "Site id", required=True),
    _f("name", "隐患点名称", "灾害点名称", "风险区名称", "名称", "点名", required=True),
    _f("type", "灾害类型", "隐患类型", "灾种", "灾害种类", "地质灾害类型", "类型", "Hazard type", required=True),
    _TOWNSHIP,
    _f("households", "威胁户数", "受威胁户数", "威胁住户", "Households threatened"),
    _f("threatened", "威胁人数", "受威胁人数", "威胁人口", "受威胁人口", "需搬迁转移人数", "威胁人员",
       "People threatened"),
    _f("property_10k", "威胁财产", "受威胁财产", "威胁资产", "潜在经济损失", "威胁财产(万元)",
       "Property threatened (10,000 yuan)"),
    _f("danger_level", "险情等级", "险情级别", "险情分级", "险情", "Danger grade"),
    _f("scale_level", "规模等级", "规模级别", "灾害规模等级", "Size grade"),
    _f("risk_grade", "风险等级", "风险级别", "风险区等级", "Risk grade (zones)"),
    _aux("volume_m3", "规模", "体积", "方量"),
    _aux("stability", "稳定性", "稳定性现状", "发展趋势"),
) + _POINT + _COMMON

SYNONYMS: dict[str, tuple[FieldSynonyms, ...]] = {
    "enterprises": ENTERPRISES, "hazard_sources": HAZARD_SOURCES, "shelters": SHELTERS, "shelter_points": SHELTERS,
    "fire_stations": FIRE_STATIONS, "population": POPULATION, "roads": ROADS, "townships": TOWNSHIPS,
    "rescue_teams": RESCUE_TEAMS, "supply_depots": SUPPLY_DEPOTS, "key_targets": KEY_TARGETS,
    "natural_hazards": NATURAL_HAZARDS,
}
# Headers that name no single field of the kind: always reported as ambiguous with these candidates.
AMBIGUOUS_HEADERS: dict[str, dict[str, tuple[str, ...]]] = {
    "enterprises": {"代码": ("ent_id", "org_code"), "等级": ("std_grade", "risk_level_ledger")},
    "hazard_sources": {"名称": ("unit_name", "substance", "ent_name"), "代码": ("unit_id", "ent_id"),
                       "企业": ("ent_id", "ent_name")},
    "shelters": {"面积": ("area_m2", "total_area"), "场地面积": ("area_m2", "total_area")},
    "fire_stations": {},
    "population": {},
    "roads": {},
    "townships": {"代码": ("town_id", "admin_code"), "编码": ("town_id", "admin_code")},
    "rescue_teams": {},
    "supply_depots": {},
    "key_targets": {},
    "natural_hazards": {"等级": ("danger_level", "scale_level", "risk_grade"),
                        "级别": ("danger_level", "scale_level", "risk_grade")},
}
AMBIGUOUS_HEADERS["shelter_points"] = AMBIGUOUS_HEADERS["shelters"]

# Kinds recognised from headers: shelter_points has the shelters' schema (the geometry tells them apart).
RECOGNISED_KINDS = ("enterprises", "hazard_sources", "shelters", "fire_stations", "population", "roads", "townships",
                    "rescue_teams", "supply_depots", "key_targets", "natural_hazards")
