"""The bad-input matrix's rows for the emergency "one map" (issue 18): the county's rescue teams, supply depots,
key targets and natural-hazard sites, ``riskatlas:resourcecoverage`` (teams; a depots variant) and the
four-colour map with natural hazards (a variant of fourcolourmap), and the bad inputs of the four kinds —
every input class that applies to them. ``extend`` adds them to ``bad_input_cases``' tables.
"""
from bad_input_cases import (
    ERROR,
    GBK,
    GEOGRAPHIC,
    NO_CRS,
    OK,
    WARNING,
    Algorithm,
    BadInput,
    Expect,
    I,
    Layer,
    R,
    S,
    _chinese,
    _drop,
    _duplicate,
    _empty,
    _form,
    _geometry,
    _set,
    _text,
    bowtie,
    box,
    point,
)

E, W = ERROR, WARNING

RESCUE_TEAMS = Layer("rescue_teams", "Point", [("team_id", S), ("name", S), ("type", S), ("headcount", I),
                                               ("turnout_min", R)], [
    (point(1500, 520), {"team_id": "RT01", "name": "城关抢险队", "type": "flood", "headcount": 40, "turnout_min": 5.0}),
    (point(3000, 1480), {"team_id": "RT02", "name": "滨海危化救援队", "type": "hazchem", "headcount": 25,
                         "turnout_min": 3.0}),
], "team_id", 81)

SUPPLY_DEPOTS = Layer("supply_depots", "Point", [("depot_id", S), ("name", S), ("level", S), ("stock_people", I),
                                                 ("turnout_min", R)], [
    (point(520, 1000), {"depot_id": "SD01", "name": "县救灾物资库", "level": "county", "stock_people": 5000,
                        "turnout_min": 30.0}),
    (point(3480, 1000), {"depot_id": "SD02", "name": "滨海物资点", "level": "township", "stock_people": 800,
                         "turnout_min": 15.0}),
], "depot_id", 91)

KEY_TARGETS = Layer("key_targets", "Point", [("target_id", S), ("name", S), ("category", S), ("occupancy", I)], [
    (point(800, 600), {"target_id": "KT01", "name": "城关小学", "category": "school", "occupancy": 900}),
    (point(2200, 1400), {"target_id": "KT02", "name": "县医院", "category": "hospital", "occupancy": 600}),
    (point(3600, 900), {"target_id": "KT03", "name": "滨海敬老院", "category": "care_home", "occupancy": 120}),
], "target_id", 101)

NATURAL_HAZARDS = Layer("natural_hazards", "Polygon", [("hazard_id", S), ("name", S), ("type", S),
                                                       ("threatened", I), ("danger_level", S)], [
    (box(100, 1700, 300, 1900), {"hazard_id": "NH01", "name": "后山滑坡", "type": "landslide", "threatened": 300,
                                 "danger_level": "large"}),
    (box(3700, 100, 3900, 300), {"hazard_id": "NH02", "name": "海堤内涝点", "type": "waterlogging", "threatened": 20,
                                 "danger_level": "small"}),
], "hazard_id", 111)

LAYERS = (RESCUE_TEAMS, SUPPLY_DEPOTS, KEY_TARGETS, NATURAL_HAZARDS)

COVERAGE_OUTPUTS = {"OUTPUT_AREAS": "resource_areas.gpkg", "OUTPUT_GAPS": "resource_gaps.gpkg",
                    "OUTPUT_TOWNSHIPS": "resource_towns.gpkg", "OUTPUT_TARGETS": "resource_targets.gpkg",
                    "OUTPUT_EDGES": "resource_edges.gpkg"}
ALGORITHMS = (
    Algorithm("resourcecoverage", {"RESOURCES": "rescue_teams", "ROADS": "roads", "STUDY_AREA": "townships",
                                   "POPULATION": "population", "KEY_TARGETS": "key_targets"},
              {"RESOURCE_KIND": 0, "DEFAULT_SPEED": 40}, COVERAGE_OUTPUTS,
              layers=("rescue_teams", "key_targets", "roads", "population")),
    Algorithm("resourcecoverage (depots)", {"RESOURCES": "supply_depots", "ROADS": "roads",
                                            "STUDY_AREA": "townships"},
              {"RESOURCE_KIND": 1, "DEFAULT_SPEED": 40},
              {"OUTPUT_AREAS": "depot_areas.gpkg", "OUTPUT_GAPS": "depot_gaps.gpkg",
               "OUTPUT_TOWNSHIPS": "depot_towns.gpkg"}, runs="resourcecoverage", layers=("supply_depots",)),
    Algorithm("fourcolourmap (natural hazards)", {"NATURAL_HAZARDS": "natural_hazards", "ENTERPRISES": "enterprises",
                                                  "STUDY_AREA": "townships"},
              {"CELL_SIZE": 500, "RADII": "1000,500,300,100"}, {"OUTPUT": "risk_map_natural.gpkg"},
              runs="fourcolourmap", layers=("natural_hazards",)),
)
# the one map's layers as validateinputs and the full assessment take them
INPUTS = {"RESCUE_TEAMS": "rescue_teams", "SUPPLY_DEPOTS": "supply_depots", "KEY_TARGETS": "key_targets",
          "NATURAL_HAZARDS": "natural_hazards"}

COVERAGE = ("resourcecoverage", "validateinputs", "fullassessment")
DEPOTS = ("resourcecoverage (depots)", "validateinputs")
NATURAL = ("fourcolourmap (natural hazards)", "validateinputs", "fullassessment")
VALIDATE = ("validateinputs",)

BAD_INPUTS = [
    # ---- rescue teams (resourcecoverage RESOURCES, validateinputs and the full assessment RESCUE_TEAMS)
    BadInput("team missing type field", "missing field", "rescue_teams", _drop("type"), OK, field="type",
             report="error", only=COVERAGE),  # the coverage does not need the type: the layer rules do
    BadInput("team turnout text", "text in number field", "rescue_teams", _text("turnout_min", "RT02", "五分钟"), E,
             ("RT02",), "turnout_min", report="error", only=COVERAGE),
    BadInput("team turnout negative", "negative", "rescue_teams", _set("RT02", turnout_min=-2.0), E, ("RT02",),
             "turnout_min", report="error", only=COVERAGE),
    BadInput("team turnout 1e300", "1e300", "rescue_teams", _set("RT02", turnout_min=1e300), E, ("RT02",),
             "turnout_min", report="error", only=COVERAGE),
    BadInput("team turnout NaN", "NaN", "rescue_teams", _text("turnout_min", "RT02", "NaN"), E, ("RT02",),
             "turnout_min", report="error", only=COVERAGE),
    BadInput("team turnout implausible", "plausibility", "rescue_teams", _set("RT02", turnout_min=90.0), W, ("RT02",),
             "turnout_min", report="warning", only=("resourcecoverage", "validateinputs")),
    BadInput("team headcount implausible", "plausibility", "rescue_teams", _set("RT02", headcount=20000), W,
             ("RT02",), "headcount", report="warning", only=VALIDATE),
    BadInput("team unknown type", "unknown code", "rescue_teams", _set("RT02", type="巡逻队"), E, ("RT02",), "type",
             report="error", only=COVERAGE),
    BadInput("team duplicate id", "duplicate ids", "rescue_teams", _duplicate("RT01", "RT02"), E, ("RT01", "RT01"),
             "team_id", report="error", only=COVERAGE),
    BadInput("team null geometry", "null geometry", "rescue_teams", _geometry("RT02", None), W, ("RT02",),
             report="error", only=COVERAGE),
    BadInput("team empty layer", "empty layer", "rescue_teams", _empty, E, only=("resourcecoverage",)),
    BadInput("team off the road network", "off the network", "rescue_teams", _geometry("RT02", point(3000, 9000)), W,
             ("RT02",), only=("resourcecoverage",)),
    BadInput("team geographic CRS", "geographic CRS", "rescue_teams", GEOGRAPHIC, OK, report="warning",
             only=("resourcecoverage", "validateinputs")),
    BadInput("team missing CRS", "missing CRS", "rescue_teams", NO_CRS, E, report="error", only=COVERAGE),
    BadInput("team GBK shapefile", "GBK shapefile", "rescue_teams", GBK, W, report="warning",
             only=("resourcecoverage", "validateinputs")),
    BadInput("team Chinese names", "Chinese names", "rescue_teams",
             _chinese("救援队伍", "RT02", "二号队", turnout_min=-1.0), E, ("二号队",), "turnout_min", report="error",
             only=COVERAGE),
    BadInput("team Chinese names, zh", "Chinese names", "rescue_teams",
             _chinese("救援队伍", "RT02", "二号队", turnout_min=-1.0), E, ("二号队",), "turnout_min", report="error",
             only=("resourcecoverage", "validateinputs"), language="zh"),
    BadInput("team missing path", "missing path", "rescue_teams", _form("missing"), E, report="error",
             only=COVERAGE, override={"validateinputs": Expect(ERROR, "rescue_teams")}),

    # ---- supply depots (the depots' coverage, validateinputs SUPPLY_DEPOTS)
    BadInput("depot unknown level", "unknown code", "supply_depots", _set("SD02", level="特级"), E, ("SD02",), "level",
             report="error", only=DEPOTS),
    BadInput("depot loading time negative", "negative", "supply_depots", _set("SD02", turnout_min=-5.0), E, ("SD02",),
             "turnout_min", report="error", only=DEPOTS),
    BadInput("depot loading time 1e300", "1e300", "supply_depots", _set("SD02", turnout_min=1e300), E, ("SD02",),
             "turnout_min", report="error", only=DEPOTS),
    BadInput("depot loading time text", "text in number field", "supply_depots",
             _text("turnout_min", "SD02", "半小时"), E, ("SD02",), "turnout_min", report="error", only=DEPOTS),
    BadInput("depot null geometry", "null geometry", "supply_depots", _geometry("SD02", None), W, ("SD02",),
             report="error", only=DEPOTS),
    BadInput("depot empty layer", "empty layer", "supply_depots", _empty, E, only=("resourcecoverage (depots)",)),
    BadInput("depot duplicate id", "duplicate ids", "supply_depots", _duplicate("SD01", "SD02"), E, ("SD01", "SD01"),
             "depot_id", report="error", only=DEPOTS),
    BadInput("depot missing CRS", "missing CRS", "supply_depots", NO_CRS, E, report="error", only=DEPOTS),

    # ---- key targets (resourcecoverage KEY_TARGETS, validateinputs and the full assessment KEY_TARGETS)
    BadInput("key target occupancy negative", "negative", "key_targets", _set("KT02", occupancy=-5), E, ("KT02",),
             "occupancy", report="error", only=COVERAGE),
    BadInput("key target occupancy text", "text in number field", "key_targets", _text("occupancy", "KT02", "很多"), E,
             ("KT02",), "occupancy", report="error", only=COVERAGE),
    BadInput("key target occupancy 1e300", "1e300", "key_targets", _text("occupancy", "KT02", "1e300"), E, ("KT02",),
             "occupancy", report="error", only=COVERAGE),
    BadInput("key target occupancy implausible", "plausibility", "key_targets", _set("KT02", occupancy=300000), W,
             ("KT02",), "occupancy", report="warning", only=("resourcecoverage", "validateinputs")),
    BadInput("key target unknown category", "unknown code", "key_targets", _set("KT02", category="酒吧街"), E,
             ("KT02",), "category", report="error", only=COVERAGE),
    BadInput("key target duplicate id", "duplicate ids", "key_targets", _duplicate("KT01", "KT02"), E,
             ("KT01", "KT01"), "target_id", report="error", only=COVERAGE),
    BadInput("key target null geometry", "null geometry", "key_targets", _geometry("KT02", None), W, ("KT02",),
             report="error", only=COVERAGE),
    BadInput("key target empty layer", "empty layer", "key_targets", _empty, W, only=("resourcecoverage",)),
    BadInput("key target geographic CRS", "mixed CRS", "key_targets", GEOGRAPHIC, OK, report="warning",
             only=("resourcecoverage", "validateinputs")),
    BadInput("key target missing CRS", "missing CRS", "key_targets", NO_CRS, E, report="error", only=COVERAGE),

    # ---- natural hazards (fourcolourmap NATURAL_HAZARDS, validateinputs and the full assessment)
    BadInput("hazard site unknown danger grade", "unknown code", "natural_hazards", _set("NH02", danger_level="巨型"),
             E, ("NH02",), "danger_level", report="error", only=NATURAL),
    BadInput("hazard site threatened negative", "negative", "natural_hazards", _set("NH02", threatened=-20), E,
             ("NH02",), "threatened", report="error", only=NATURAL),
    BadInput("hazard site threatened text", "text in number field", "natural_hazards",
             _text("threatened", "NH02", "二十人"), E, ("NH02",), "threatened", report="error", only=NATURAL),
    BadInput("hazard site threatened NaN", "NaN", "natural_hazards", _text("threatened", "NH02", "NaN"), E, ("NH02",),
             "threatened", report="error", only=NATURAL),
    BadInput("hazard site threatened 1e300", "1e300", "natural_hazards", _text("threatened", "NH02", "1e300"), E,
             ("NH02",), "threatened", report="error", only=NATURAL),
    BadInput("hazard site threatened implausible", "plausibility", "natural_hazards",
             _set("NH02", threatened=500000), W, ("NH02",), "threatened", report="warning",
             only=("fourcolourmap (natural hazards)", "validateinputs")),
    BadInput("hazard site nothing to grade by", "null", "natural_hazards",
             _set("NH02", danger_level=None, threatened=None), E, ("NH02",), "danger_level",
             only=("fourcolourmap (natural hazards)",)),
    BadInput("hazard site missing type field", "missing field", "natural_hazards", _drop("type"), OK, field="type",
             report="error", only=NATURAL),  # the map does not need the type: the layer rules do
    BadInput("hazard site duplicate id", "duplicate ids", "natural_hazards", _duplicate("NH01", "NH02"), E,
             ("NH01", "NH01"), "hazard_id", report="error", only=NATURAL),
    BadInput("hazard site null geometry", "null geometry", "natural_hazards", _geometry("NH02", None), W, ("NH02",),
             report="error", only=NATURAL),
    BadInput("hazard zone invalid geometry", "invalid geometry", "natural_hazards",
             _geometry("NH02", bowtie(3700, 100, 200)), W, ("NH02",), report="warning",
             only=("fourcolourmap (natural hazards)", "validateinputs")),
    BadInput("hazard site empty layer", "empty layer", "natural_hazards", _empty, W,
             only=("fourcolourmap (natural hazards)",)),
    BadInput("hazard site geographic CRS", "geographic CRS", "natural_hazards", GEOGRAPHIC, OK, report="warning",
             only=("fourcolourmap (natural hazards)", "validateinputs")),
    BadInput("hazard site missing CRS", "missing CRS", "natural_hazards", NO_CRS, E, report="error", only=NATURAL),
    BadInput("hazard site Chinese names, zh", "Chinese names", "natural_hazards",
             _chinese("地灾隐患点", "NH02", "二号点", threatened=-1), E, ("二号点",), "threatened", report="error",
             only=("fourcolourmap (natural hazards)", "validateinputs"), language="zh"),
]

FAILING_INPUT = {"resourcecoverage": "team turnout negative", "resourcecoverage (depots)": "depot unknown level",
                 "fourcolourmap (natural hazards)": "hazard site unknown danger grade"}


def extend(county, algorithms, bad_inputs, failing_input):
    """Add the one map's layers, algorithm rows, bad inputs and failing inputs to the matrix's tables."""
    county.update({layer.name: layer for layer in LAYERS})
    for algorithm in ALGORITHMS:
        algorithms[algorithm.id] = algorithm
    algorithms["validateinputs"].inputs.update(INPUTS)
    algorithms["fullassessment"].inputs.update(INPUTS)
    for bad in bad_inputs:  # an empty population: no residents are counted (a warning), as in firestationreach
        if bad.name == "population empty layer":
            bad.override["resourcecoverage"] = Expect(WARNING, "population")
    bad_inputs.extend(BAD_INPUTS)
    failing_input.update(FAILING_INPUT)
