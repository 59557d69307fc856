"""The seven layer kinds Risk Atlas reads: fields, types, aliases, allowed values — in one place.

Pure data (no qgis import) so that validation, the template writer, the sample-county
generator and the tests all read the same definitions.
"""
from dataclasses import dataclass, field

from ..core.values import URBAN_WORDS

# Geometry kinds a layer accepts
POINT, LINE, POLYGON = "point", "line", "polygon"

# Field types, named as in QGIS's type families
INT, DOUBLE, STRING, BOOL = "int", "double", "string", "bool"

LEC_L_VALUES = (0.1, 0.2, 0.5, 1, 3, 6, 10)  # likelihood (可能性) in the LEC method
LEC_E_VALUES = (0.5, 1, 2, 3, 6, 10)  # exposure frequency (暴露频繁程度)
LEC_C_VALUES = (1, 3, 7, 15, 40, 100)  # consequence (后果)

HAZARD_CATEGORY_CODES = (
    "J1", "J2", "J3", "J4", "J5",
    "W1.1", "W1.2", "W1.3", "W2", "W3", "W4",
    "W5.1", "W5.2", "W5.3", "W5.4", "W6.1", "W6.2", "W7.1", "W7.2",
    "W8", "W9.1", "W9.2", "W10", "W11",
)  # GB 18218-2018 Table 2 categories
SHELTER_TYPES = ("emergency", "fixed_short", "fixed_medium", "fixed_long", "central")
STATION_CLASSES = ("special", "class1", "class2", "small")
ROAD_CLASSES = ("expressway", "trunk", "primary", "secondary", "tertiary", "local")
ONEWAY_VALUES = ("both", "forward", "backward")
STANDARDISATION_GRADES = ("grade1", "grade2", "grade3", "none")  # 安全生产标准化等级


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str
    alias_zh: str
    alias_en: str
    required: bool = False
    allowed: tuple = None  # allowed values (codes)
    minimum: float = None  # smallest sensible value (inclusive)
    maximum: float = None  # largest sensible value (inclusive); above it the value is absurd
    length: int = 0  # string width for the template (0 = unlimited)
    description: str = ""
    words: dict = None  # a bool field's true/false words (core.values; default YES_NO_WORDS)


@dataclass(frozen=True)
class LayerSchema:
    kind: str
    title_zh: str
    title_en: str
    geometries: tuple  # accepted geometry kinds
    fields: tuple
    key: tuple  # fields whose combined values identify a feature (duplicates are errors)
    description: str = ""
    field_by_name: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "field_by_name", {f.name: f for f in self.fields})

    @property
    def required_fields(self):
        return tuple(f for f in self.fields if f.required)


def _id(name, alias_zh, alias_en):
    return FieldSpec(name, STRING, alias_zh, alias_en, required=True, length=40)


def _name():
    return FieldSpec("name", STRING, "名称", "Name", required=True, length=100)


def _name_en():
    return FieldSpec("name_en", STRING, "英文/拼音名称", "English or pinyin name", length=100)


ENTERPRISES = LayerSchema(
    "enterprises", "企业", "Enterprises", (POINT, POLYGON),
    (
        _id("ent_id", "企业编号", "Enterprise id"),
        _name(),
        _name_en(),
        FieldSpec("industry", STRING, "行业", "Industry", required=True, length=60),
        FieldSpec("township", STRING, "所属镇街", "Township", length=60),
        FieldSpec("employees", INT, "从业人数", "Employees", minimum=0, maximum=200_000),
        FieldSpec("hazchem", BOOL, "涉及危险化学品", "Stores or uses hazardous chemicals"),
        FieldSpec("std_grade", STRING, "安全生产标准化等级", "Safety standardisation grade",
                  allowed=STANDARDISATION_GRADES, length=10),
        FieldSpec("lec_l", DOUBLE, "事故发生的可能性L", "LEC likelihood L", minimum=0.1, maximum=10,
                  description="LEC table values " + ", ".join(map(str, LEC_L_VALUES))),
        FieldSpec("lec_e", DOUBLE, "暴露于危险环境的频繁程度E", "LEC exposure E", minimum=0.5, maximum=10,
                  description="LEC table values " + ", ".join(map(str, LEC_E_VALUES))),
        FieldSpec("lec_c", DOUBLE, "发生事故产生的后果C", "LEC consequence C", minimum=1, maximum=100,
                  description="LEC table values " + ", ".join(map(str, LEC_C_VALUES))),
        FieldSpec("likelihood", INT, "可能性等级", "Matrix likelihood (1-5)", minimum=1, maximum=5),
        FieldSpec("severity", INT, "严重性等级", "Matrix severity (1-5)", minimum=1, maximum=5),
    ),
    key=("ent_id",),
)

HAZARD_SOURCES = LayerSchema(
    "hazard_sources", "危险源", "Hazard sources", (POINT, POLYGON),
    (
        _id("unit_id", "单元编号", "Unit id"),
        FieldSpec("unit_name", STRING, "单元名称", "Unit name", length=100),
        _id("ent_id", "企业编号", "Enterprise id"),
        FieldSpec("substance", STRING, "危险化学品名称或CAS号", "Substance name or CAS", required=True, length=80),
        FieldSpec("quantity_t", DOUBLE, "设计最大量(t)", "Design maximum quantity (t)", required=True,
                  minimum=0, maximum=1e6),
        FieldSpec("hazard_cat", STRING, "危险性类别", "Hazard category (GB 18218 Table 2)",
                  allowed=HAZARD_CATEGORY_CODES, length=8),
        FieldSpec("exposed", INT, "500m内暴露人数", "People within 500 m outside the boundary",
                  minimum=0, maximum=2_000_000),
    ),
    key=("unit_id", "substance"),
    description="One record per unit × substance (GB 18218-2018 生产单元/储存单元).",
)

SHELTERS = LayerSchema(
    "shelters", "应急避难场所", "Emergency shelters", (POINT, POLYGON),
    (
        _id("shelter_id", "避难场所编号", "Shelter id"),
        _name(),
        _name_en(),
        FieldSpec("type", STRING, "类型", "Type", required=True, allowed=SHELTER_TYPES, length=16),
        FieldSpec("area_m2", DOUBLE, "有效避难面积(m²)", "Effective area (m²)", required=True,
                  minimum=0, maximum=5e6),
        FieldSpec("capacity", INT, "容纳人数", "Capacity (people)", minimum=0, maximum=2_000_000),
        FieldSpec("township", STRING, "所属镇街", "Township", length=60),
    ),
    key=("shelter_id",),
)

FIRE_STATIONS = LayerSchema(
    "fire_stations", "消防站", "Fire stations", (POINT,),
    (
        _id("station_id", "消防站编号", "Station id"),
        _name(),
        _name_en(),
        FieldSpec("class", STRING, "消防站类别", "Station class", required=True, allowed=STATION_CLASSES,
                  length=10),
        FieldSpec("turnout_min", DOUBLE, "出动时间(min)", "Turnout time (min)", minimum=0, maximum=10),
        FieldSpec("suburban", BOOL, "郊区站", "Suburban station (15 km² limit)"),
    ),
    key=("station_id",),
)

POPULATION = LayerSchema(
    "population", "人口", "Population", (POLYGON,),
    (
        _id("pop_id", "人口单元编号", "Population unit id"),
        FieldSpec("residents", DOUBLE, "常住人口", "Residents", required=True, minimum=0, maximum=1e6),
        FieldSpec("urban", BOOL, "城镇", "Urban", words=URBAN_WORDS),
        FieldSpec("township", STRING, "所属镇街", "Township", length=60),
    ),
    key=("pop_id",),
)

ROADS = LayerSchema(
    "roads", "道路", "Roads", (LINE,),
    (
        _id("road_id", "道路编号", "Road id"),
        FieldSpec("name", STRING, "道路名称", "Road name", length=100),
        FieldSpec("class", STRING, "道路等级", "Road class", required=True, allowed=ROAD_CLASSES, length=12),
        FieldSpec("speed_kmh", DOUBLE, "车速(km/h)", "Speed (km/h)", minimum=1, maximum=150),
        FieldSpec("oneway", STRING, "通行方向", "Direction of travel", allowed=ONEWAY_VALUES, length=10),
    ),
    key=("road_id",),
)

TOWNSHIPS = LayerSchema(
    "townships", "镇街", "Townships", (POLYGON,),
    (
        _id("town_id", "镇街编号", "Township id"),
        _name(),
        _name_en(),
        FieldSpec("admin_code", STRING, "行政区划代码", "Administrative code", length=12),
    ),
    key=("town_id",),
)

SCHEMAS = {s.kind: s for s in (ENTERPRISES, HAZARD_SOURCES, SHELTERS, FIRE_STATIONS, POPULATION, ROADS, TOWNSHIPS)}
