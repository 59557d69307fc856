"""The one synonym table: column headers as bureaus write them → Risk Atlas field names.

Per layer kind (the kinds and fields of ``layers.schemas``; ``shelter_points`` shares the
shelters table) the schema's fields, each with the headers seen in county ledgers — 企业台账,
重大危险源基本特征表 (and 危险源清单), 消防站/消防救援站 lists, 应急避难场所 lists, census and
village population tables, road data (天地图 / 国土空间规划 classes and OSM tags), 镇街 tables —
plus their English names. Matching normalises both sides (``text.normalise_header``), so units
in brackets, full-width characters, spaces and case need no entries of their own.

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

SYNONYMS: dict[str, tuple[FieldSynonyms, ...]] = {
    "enterprises": ENTERPRISES, "hazard_sources": HAZARD_SOURCES, "shelters": SHELTERS, "shelter_points": SHELTERS,
    "fire_stations": FIRE_STATIONS, "population": POPULATION, "roads": ROADS, "townships": TOWNSHIPS,
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
}
AMBIGUOUS_HEADERS["shelter_points"] = AMBIGUOUS_HEADERS["shelters"]

# Kinds recognised from headers: shelter_points has the shelters' schema (the geometry tells them apart).
RECOGNISED_KINDS = ("enterprises", "hazard_sources", "shelters", "fire_stations", "population", "roads", "townships")
