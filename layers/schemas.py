"""What Risk Atlas reads and writes, in one place: the layer kinds (fields, types, aliases, allowed
values), the assessment's input layers and its result layers.

Pure data (no qgis import) so that validation, the template writer, the sample-county
generator, the algorithms, the assessment and the tests all read the same definitions. Code
lists that a standard or a preset defines (station classes, shelter types, hazard categories,
LEC values, road classes) are imported from ``core.standards``, never copied.
"""
from dataclasses import dataclass, field

from ..core.standards.emergency_resources import DEPOT_LEVEL_CODES, TEAM_TYPE_CODES
from ..core.standards.fire_stations import ROAD_CLASSES, STATION_CLASSES, TIME_RULE_MIN
from ..core.standards.gb18218 import CATEGORY_CODES as HAZARD_CATEGORY_CODES
from ..core.standards.gb18218 import EXPOSURE_RADIUS_M
from ..core.standards.key_targets import KEY_TARGET_CODES
from ..core.standards.natural_hazards import DANGER_GRADE_CODES, HAZARD_TYPE_CODES, RISK_GRADE_CODES
from ..core.standards.risk_presets import LEC, LEC_C_VALUES, LEC_E_VALUES, LEC_L_VALUES, MATRIX, MATRIX_RANGE
from ..core.standards.shelters import DEFAULT_SHELTER_TYPES


def QT_TRANSLATE_NOOP(context, text):  # noqa: N802 (the name pylupdate5 looks for; translated where shown)
    return text


# Geometry kinds a layer accepts
POINT, LINE, POLYGON = "point", "line", "polygon"

# Field types, named as in QGIS's type families
INT, DOUBLE, STRING, BOOL = "int", "double", "string", "bool"

# What an algorithm does with an input's features without geometry, and with an empty input layer
# (processing.base.Reads; applied by layers.checks)
STOP, LEAVE_OUT, KEEP, QUIET = "error", "left out", "kept", "quiet"
WARN, ACCEPT = "warning", "ok"

SHELTER_TYPES = tuple(t.code for t in DEFAULT_SHELTER_TYPES)
ONEWAY_BOTH, ONEWAY_FORWARD, ONEWAY_BACKWARD = "both", "forward", "backward"  # relative to digitising
ONEWAY_VALUES = (ONEWAY_BOTH, ONEWAY_FORWARD, ONEWAY_BACKWARD)
STANDARDISATION_GRADES = ("grade1", "grade2", "grade3", "none")  # 安全生产标准化等级


@dataclass(frozen=True)
class FieldSpec:
    """One field of a layer kind, and the rules its values follow — the same for validateinputs and for every
    algorithm reading the field (``layers.validation``): empty, type, range, codes."""

    name: str
    type: str
    alias_zh: str
    alias_en: str
    required: bool = False
    allowed: tuple = None  # allowed values (codes)
    minimum: float = None  # smallest sensible value (inclusive)
    maximum: float = None  # largest possible value (inclusive); above it the value is absurd: an error
    length: int = 0  # string width for the template (0 = unlimited)
    description: str = ""
    plausible: float = None  # above it (up to ``maximum``) a value is implausible: a counted warning
    empty_counts_as: float = None  # a required number whose empty value counts as this (a warning, not an error)
    unknown_means: str = None  # an unknown code / word is used anyway (a warning saying this), not an error


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


def _lec(name, alias_zh, alias_en, values):
    """An LEC factor: its range is the LEC table's (values between table values are warned about)."""
    return FieldSpec(name, DOUBLE, alias_zh, alias_en, minimum=min(values), maximum=max(values),
                     description="LEC table values " + ", ".join(map(str, values)))


# what an unknown code means where the analyses use it anyway (translated where shown, context "InputError")
UNKNOWN_CLASS_NO_LIMIT = QT_TRANSLATE_NOOP("InputError", "no district-area limit is checked for the station")
UNKNOWN_ROAD_CLASS_SPEED = QT_TRANSLATE_NOOP("InputError", "the speed preset's speed for other roads is used")
UNKNOWN_DIRECTION_BOTH = QT_TRANSLATE_NOOP("InputError", "both directions are used")
UNKNOWN_URBAN_NOT_URBAN = QT_TRANSLATE_NOOP("InputError", "counted as not urban")


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
        FieldSpec("employees", INT, "从业人数", "Employees", minimum=0, maximum=200_000, plausible=50_000),
        FieldSpec("hazchem", BOOL, "涉及危险化学品", "Stores or uses hazardous chemicals"),
        FieldSpec("std_grade", STRING, "安全生产标准化等级", "Safety standardisation grade",
                  allowed=STANDARDISATION_GRADES, length=10),
        _lec("lec_l", "事故发生的可能性L", "LEC likelihood L", LEC_L_VALUES),
        _lec("lec_e", "暴露于危险环境的频繁程度E", "LEC exposure E", LEC_E_VALUES),
        _lec("lec_c", "发生事故产生的后果C", "LEC consequence C", LEC_C_VALUES),
        FieldSpec("likelihood", INT, "可能性等级", "Matrix likelihood ({0}-{1})".format(*MATRIX_RANGE),
                  minimum=MATRIX_RANGE[0], maximum=MATRIX_RANGE[1]),
        FieldSpec("severity", INT, "严重性等级", "Matrix severity ({0}-{1})".format(*MATRIX_RANGE),
                  minimum=MATRIX_RANGE[0], maximum=MATRIX_RANGE[1]),
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
                  minimum=0, maximum=1e6, plausible=1e5, empty_counts_as=0.0),
        FieldSpec("hazard_cat", STRING, "危险性类别", "Hazard category (GB 18218 Table 2)",
                  allowed=HAZARD_CATEGORY_CODES, length=8),
        FieldSpec("exposed", INT, f"{EXPOSURE_RADIUS_M:g}m内暴露人数",
                  f"People within {EXPOSURE_RADIUS_M:g} m outside the boundary",
                  minimum=0, maximum=2_000_000, plausible=100_000),
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
                  minimum=0, maximum=5e6, plausible=1e6),
        FieldSpec("capacity", INT, "容纳人数", "Capacity (people)", minimum=0, maximum=2_000_000, plausible=500_000),
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
                  length=10, unknown_means=UNKNOWN_CLASS_NO_LIMIT),
        FieldSpec("turnout_min", DOUBLE, "出动时间(min)", "Turnout time (min)", minimum=0, maximum=10, plausible=3),
        FieldSpec("suburban", BOOL, "郊区站", "Suburban station (15 km² limit)"),
    ),
    key=("station_id",),
)

POPULATION = LayerSchema(
    "population", "人口", "Population", (POLYGON, POINT),  # points: villages, communities (counted where they lie)
    (
        _id("pop_id", "人口单元编号", "Population unit id"),
        FieldSpec("residents", DOUBLE, "常住人口", "Residents", required=True, minimum=0, maximum=1e6, plausible=2e5),
        FieldSpec("urban", BOOL, "城镇", "Urban", unknown_means=UNKNOWN_URBAN_NOT_URBAN),
        FieldSpec("township", STRING, "所属镇街", "Township", length=60),
    ),
    key=("pop_id",),
)

POPULATION_POINT_SQUARE_M = 0.001  # a population point counts as a square of this side (m): wholly where it lies

ROADS = LayerSchema(
    "roads", "道路", "Roads", (LINE,),
    (
        _id("road_id", "道路编号", "Road id"),
        FieldSpec("name", STRING, "道路名称", "Road name", length=100),
        FieldSpec("class", STRING, "道路等级", "Road class", required=True, allowed=ROAD_CLASSES, length=12,
                  unknown_means=UNKNOWN_ROAD_CLASS_SPEED),
        FieldSpec("speed_kmh", DOUBLE, "车速(km/h)", "Speed (km/h)", minimum=1, maximum=150, plausible=120),
        FieldSpec("maxspeed", STRING, "限速", "Posted limit (maxspeed)", length=20,
                  description="posted limit or design speed (60, 60 km/h, 30 mph, CN:urban): × the speed table's "
                              "factor when speed_kmh is empty"),
        FieldSpec("oneway", STRING, "通行方向", "Direction of travel", allowed=ONEWAY_VALUES, length=10,
                  unknown_means=UNKNOWN_DIRECTION_BOTH),
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

# ---------------------------------------------------------------- the emergency "one map" (issue 18)
# Field lists after the census's 综合减灾资源(能力)调查 and 承灾体调查 (第一次全国自然灾害综合风险普查
# 2020–2022) and the 地质灾害隐患点 registers; the forms' exact columns could not be checked, the code lists
# and their sources are in core.standards.emergency_resources, key_targets and natural_hazards.

RESCUE_TEAMS = LayerSchema(
    "rescue_teams", "应急救援队伍", "Rescue teams", (POINT,),
    (
        _id("team_id", "队伍编号", "Team id"),
        _name(),
        _name_en(),
        FieldSpec("type", STRING, "队伍类型", "Team type", required=True, allowed=TEAM_TYPE_CODES, length=24),
        FieldSpec("headcount", INT, "队伍人数", "Members", minimum=0, maximum=100_000, plausible=5000),
        FieldSpec("vehicles", INT, "车辆数", "Vehicles", minimum=0, maximum=10_000),
        FieldSpec("equipment", STRING, "主要装备", "Main equipment", length=200),
        FieldSpec("turnout_min", DOUBLE, "出动时间(min)", "Turnout time (min)", minimum=0, maximum=120, plausible=60),
        FieldSpec("affiliation", STRING, "所属单位", "Run by", length=100),
        FieldSpec("township", STRING, "所属镇街", "Township", length=60),
    ),
    key=("team_id",),
    description="One record per team at its station (驻地).",
)

SUPPLY_DEPOTS = LayerSchema(
    "supply_depots", "应急物资储备库", "Supply depots", (POINT,),
    (
        _id("depot_id", "储备库编号", "Depot id"),
        _name(),
        _name_en(),
        FieldSpec("level", STRING, "储备库级别", "Depot level", required=True, allowed=DEPOT_LEVEL_CODES, length=16),
        FieldSpec("area_m2", DOUBLE, "库房面积(m²)", "Storage area (m²)", minimum=0, maximum=1e6),
        FieldSpec("stock", STRING, "主要储备物资", "Main stock", length=200),
        FieldSpec("stock_people", INT, "可保障人数", "People the stock supports", minimum=0, maximum=10_000_000),
        FieldSpec("turnout_min", DOUBLE, "出库装车时间(min)", "Loading time (min)", minimum=0, maximum=720),
        FieldSpec("township", STRING, "所属镇街", "Township", length=60),
    ),
    key=("depot_id",),
)

KEY_TARGETS = LayerSchema(
    "key_targets", "重点防护目标", "Key targets", (POINT, POLYGON),
    (
        _id("target_id", "目标编号", "Target id"),
        _name(),
        _name_en(),
        FieldSpec("category", STRING, "场所类别", "Category", required=True, allowed=KEY_TARGET_CODES, length=16),
        FieldSpec("occupancy", INT, "最大容纳人数", "Occupancy (people)", minimum=0, maximum=1_000_000,
                  plausible=100_000),  # the largest stadiums hold about 100,000
        FieldSpec("township", STRING, "所属镇街", "Township", length=60),
    ),
    key=("target_id",),
    description="人员密集场所 and other targets to protect (消防法 第七十三条; the census's 公共服务设施).",
)

NATURAL_HAZARDS = LayerSchema(
    "natural_hazards", "自然灾害隐患点", "Natural-hazard sites", (POINT, POLYGON),
    (
        _id("hazard_id", "隐患点编号", "Site id"),
        _name(),
        FieldSpec("type", STRING, "灾害类型", "Hazard type", required=True, allowed=HAZARD_TYPE_CODES, length=20),
        FieldSpec("township", STRING, "所属镇街", "Township", length=60),
        FieldSpec("households", INT, "威胁户数", "Households threatened", minimum=0, maximum=1_000_000),
        FieldSpec("threatened", INT, "威胁人数", "People threatened", minimum=0, maximum=10_000_000,
                  plausible=100_000),  # 100× the 特大型 bound of 1000 people
        FieldSpec("property_10k", DOUBLE, "威胁财产(万元)", "Property threatened (10,000 yuan)", minimum=0,
                  maximum=1e8),
        FieldSpec("danger_level", STRING, "险情等级", "Danger grade", allowed=DANGER_GRADE_CODES, length=12),
        FieldSpec("scale_level", STRING, "规模等级", "Size grade", allowed=DANGER_GRADE_CODES, length=12),
        FieldSpec("risk_grade", STRING, "风险等级", "Risk grade (zones)", allowed=RISK_GRADE_CODES, length=10),
    ),
    key=("hazard_id",),
    description="自然灾害隐患点 (points) or 风险区 (polygons); the level of each comes from its 险情等级 or "
                "风险等级 (core.standards.natural_hazards).",
)

SCHEMAS = {s.kind: s for s in (ENTERPRISES, HAZARD_SOURCES, SHELTERS, FIRE_STATIONS, POPULATION, ROADS, TOWNSHIPS,
                               RESCUE_TEAMS, SUPPLY_DEPOTS, KEY_TARGETS, NATURAL_HAZARDS)}

# fields a method needs beyond the kind's required ones: (kind, method) -> field names
METHOD_FIELDS = {
    ("enterprises", LEC): ("lec_l", "lec_e", "lec_c"),
    ("enterprises", MATRIX): ("likelihood", "severity"),
}
KEY_FIELDS = tuple(dict.fromkeys(s.key[0] for s in SCHEMAS.values()))  # a feature's key in messages, by kind

# The kinds riskatlas:importlayer writes, in the order of its KIND enum (append only): the schema
# kinds, with the shelters' assembly points (shelter_points: the shelters' schema) after shelters.
IMPORT_KINDS = ("enterprises", "hazard_sources", "shelters", "shelter_points", "fire_stations", "population",
                "roads", "townships", "rescue_teams", "supply_depots", "key_targets", "natural_hazards")


def schema_of(kind):
    """The LayerSchema of a kind of IMPORT_KINDS (shelter_points: the shelters' schema)."""
    return SCHEMAS["shelters" if kind == "shelter_points" else kind]


# ---------------------------------------------------------------- the assessment's layers

@dataclass(frozen=True)
class AssessmentInput:
    """One input layer of the assessment: its parameter (fullassessment, validateinputs, the model),
    its layer in the template and the sample county, its kind, and where it sits in a project."""

    parameter: str
    layer: str  # layer name in the data template and the sample GeoPackage
    kind: str  # a SCHEMAS key
    label: str  # English parameter label (translated in context "InputLayers")
    template_geometry: str  # POINT / LINE / POLYGON: the template's (and sample's) geometry
    stack: int  # position in a project's layer tree, 0 = bottom
    required: bool = True  # the full assessment needs it
    hint_zh: str = ""  # added to the kind's title when two inputs share a kind
    hint_en: str = ""

    @property
    def schema(self):
        return SCHEMAS[self.kind]


ASSESSMENT_INPUTS = (  # parameter order of fullassessment and validateinputs
    AssessmentInput("ENTERPRISES", "enterprises", "enterprises",
                    QT_TRANSLATE_NOOP("InputLayers", "Enterprises"), POINT, 4),
    AssessmentInput("HAZARD_SOURCES", "hazard_sources", "hazard_sources",
                    QT_TRANSLATE_NOOP("InputLayers", "Hazard sources (one record per unit and substance)"),
                    POLYGON, 5),
    AssessmentInput("SHELTERS", "shelters", "shelters", QT_TRANSLATE_NOOP("InputLayers", "Emergency shelters"),
                    POLYGON, 3),
    AssessmentInput("SHELTERS_2", "shelter_points", "shelters",
                    QT_TRANSLATE_NOOP("InputLayers", "Emergency shelters, second layer (e.g. points beside polygons)"),
                    POINT, 6, required=False, hint_zh="点", hint_en="points"),
    AssessmentInput("FIRE_STATIONS", "fire_stations", "fire_stations",
                    QT_TRANSLATE_NOOP("InputLayers", "Fire stations"), POINT, 7),
    AssessmentInput("POPULATION", "population", "population", QT_TRANSLATE_NOOP("InputLayers", "Population"),
                    POLYGON, 0),
    AssessmentInput("ROADS", "roads", "roads", QT_TRANSLATE_NOOP("InputLayers", "Roads"), LINE, 2),
    AssessmentInput("TOWNSHIPS", "townships", "townships", QT_TRANSLATE_NOOP("InputLayers", "Townships"),
                    POLYGON, 1),
    # the emergency "one map" (optional: a county without them runs as before)
    AssessmentInput("RESCUE_TEAMS", "rescue_teams", "rescue_teams", QT_TRANSLATE_NOOP("InputLayers", "Rescue teams"),
                    POINT, 11, required=False),
    AssessmentInput("SUPPLY_DEPOTS", "supply_depots", "supply_depots",
                    QT_TRANSLATE_NOOP("InputLayers", "Supply depots"), POINT, 10, required=False),
    AssessmentInput("KEY_TARGETS", "key_targets", "key_targets",
                    QT_TRANSLATE_NOOP("InputLayers", "Key targets (crowded places)"), POINT, 9, required=False),
    AssessmentInput("NATURAL_HAZARDS", "natural_hazards", "natural_hazards",
                    QT_TRANSLATE_NOOP("InputLayers", "Natural-hazard sites and zones"), POINT, 8, required=False),
)
INPUT_BY_PARAMETER = {i.parameter: i for i in ASSESSMENT_INPUTS}
TEMPLATE_CRS = "EPSG:4549"  # the data template's default CRS (CGCS2000 / 3-degree GK CM 120E, the sample county's)
REQUIRED_INPUTS = tuple(i.parameter for i in ASSESSMENT_INPUTS if i.required)


@dataclass(frozen=True)
class ProposedInput:
    """A planned layer of the full assessment's "today + plan" scenario: its features are added to the existing
    ``adds_to`` input(s) of the same kind for the run (``assessment/proposed.py``); the inputs are never modified.
    Not a layer of the data template, the sample county or the model."""

    parameter: str
    kind: str  # a SCHEMAS key: the fields the added features take
    adds_to: tuple  # ASSESSMENT_INPUTS parameters (shelters: the first of the same geometry, else SHELTERS_2)
    label: str  # English parameter label (translated in context "InputLayers")
    geometries: tuple
    needs: tuple = ()  # fields the planned features must have (an InputError naming layer, feature, field)
    id_fields: tuple = ()  # the planned layer's id: the first of these it has (else P1, P2 … by rank or order)

    @property
    def schema(self):
        return SCHEMAS[self.kind]


PROPOSED_INPUTS = (
    # the chosen sites of riskatlas:firestationsiting (rank, site_id, road_id, …) are taken as they are
    ProposedInput("PROPOSED_STATIONS", "fire_stations", ("FIRE_STATIONS",),
                  QT_TRANSLATE_NOOP("InputLayers", "Proposed fire stations (added to the existing ones; e.g. the "
                                                   "chosen sites of fire-station siting)"),
                  (POINT,), id_fields=("station_id", "site_id", "id")),
    ProposedInput("PROPOSED_SHELTERS", "shelters", ("SHELTERS", "SHELTERS_2"),
                  QT_TRANSLATE_NOOP("InputLayers", "Proposed emergency shelters (added to the existing ones)"),
                  (POINT, POLYGON), needs=("area_m2", "type"), id_fields=("shelter_id", "site_id", "id")),
)
PROPOSED_FIELD = "proposed"  # 1 on a planned feature, 0 on an existing one, in the run's merged layers


def inputs_bottom_to_top():
    return tuple(sorted(ASSESSMENT_INPUTS, key=lambda i: i.stack))


@dataclass(frozen=True)
class ResultLayer:
    """One layer of the assessment's result GeoPackage."""

    name: str
    title_zh: str
    title_en: str
    geometry: bool = True  # False: a table
    project: int = None  # position in the project's results group from the top; None: not added
    visible: bool = False  # checked in the project
    optional: bool = False  # written only when its step's input is given (the resource coverage)


RESULT_LAYERS = (  # in the order the assessment writes them
    ResultLayer("validation_report", "输入数据检查报告", "Validation report", geometry=False),
    ResultLayer("hazard_units", "重大危险源分级", "Graded hazard units", project=1, visible=True),
    ResultLayer("hazard_details", "危险源物质明细", "Hazard record details", geometry=False),
    ResultLayer("enterprise_risk", "企业风险等级", "Enterprise risk levels", project=2),
    ResultLayer("reach_edges", "消防到达道路", "Reached roads", project=5),
    ResultLayer("reach_areas", f"消防站{TIME_RULE_MIN:g}分钟到达范围", f"Fire-station {TIME_RULE_MIN:g}-minute reach",
                project=3),
    ResultLayer("reach_gaps", "消防未覆盖区域", "Fire reach gaps", project=4),
    ResultLayer("reach_targets", "目标到达时间", "Targets' arrival time"),
    ResultLayer("reach_summary", "消防站汇总", "Fire-station summary", geometry=False),
    ResultLayer("shelter_units", "镇街人均避难场所面积", "Shelter area per capita", project=6),
    ResultLayer("shelter_load", "避难场所负荷", "Shelter load", project=7),
    ResultLayer("shelter_summary", "避难场所汇总", "Shelter summary", geometry=False),
    ResultLayer("rescue_areas", "救援队伍到达范围", "Rescue teams' reach", project=8, optional=True),
    ResultLayer("rescue_gaps", "救援队伍未覆盖区域", "Rescue teams' gaps", project=9, optional=True),
    ResultLayer("rescue_towns", "各镇街救援队伍覆盖", "Rescue-team coverage by township", optional=True),
    ResultLayer("rescue_targets", "重点目标救援到达时间", "Key targets: rescue arrival", project=10, optional=True),
    ResultLayer("depot_areas", "物资储备库到达范围", "Supply depots' reach", project=11, optional=True),
    ResultLayer("depot_gaps", "物资储备库未覆盖区域", "Supply depots' gaps", project=12, optional=True),
    ResultLayer("depot_towns", "各镇街物资储备覆盖", "Supply-depot coverage by township", optional=True),
    ResultLayer("depot_targets", "重点目标物资到达时间", "Key targets: supply arrival", optional=True),
    ResultLayer("risk_map", "四色安全风险分布图", "Four-colour risk map", project=0, visible=True),
)
RESULT_BY_NAME = {r.name: r for r in RESULT_LAYERS}


def project_results():
    """The result layers a project shows, top to bottom."""
    return tuple(sorted((r for r in RESULT_LAYERS if r.project is not None), key=lambda r: r.project))


def import_kind_title(kind, zh):
    """'企业 (enterprises)': an IMPORT_KINDS entry as riskatlas:importlayer's KIND lists it (the shelters'
    points with the hint the assessment gives them)."""
    schema = schema_of(kind)
    title = schema.title_zh if zh else schema.title_en
    if kind == "shelter_points":
        points = INPUT_BY_PARAMETER["SHELTERS_2"]
        title += f"（{points.hint_zh}）" if zh else f" ({points.hint_en})"
    return f"{title} ({kind})"
