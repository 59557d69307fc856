"""The bad-input matrix as data: a small county (every input layer), the algorithms and what they read,
and the bad inputs — each a change to one layer of the county plus what the answer must name.

* ``COUNTY``: the layers of a small, valid county (4 km × 2 km, EPSG:4549). Feature ids are not row
  positions (``Layer.first_fid``), so a message naming a row position instead of the fid is caught.
* ``ALGORITHMS``: per algorithm, which parameter reads which layer of the county, its other parameters
  and its outputs. A new algorithm joins the matrix with a row here: every bad input of a layer it
  reads then runs on it (``cases()``).
* ``BAD_INPUTS``: one row per bad input (its class, the layer it spoils, how, and the expected answer
  per algorithm — an error, a counted warning, or documented handling — naming layer, feature and
  field). ``OUTPUT_CASES``: failures on the output side (existing files, tables added to an existing
  GeoPackage, cancellation, unwritable paths).

Pure data and small writers (GDAL's ogr): ``test_bad_input_matrix.py`` runs the cases.
"""
import copy
import os
import dataclasses
from dataclasses import dataclass, replace

CRS = 4549
X0, Y0 = 500000.0, 3300000.0

ERROR, WARNING, OK, REPORT = "error", "warning", "ok", "report"


def box(x0, y0, x1, y1):
    return (f"POLYGON(({X0 + x0} {Y0 + y0}, {X0 + x1} {Y0 + y0}, {X0 + x1} {Y0 + y1}, {X0 + x0} {Y0 + y1}, "
            f"{X0 + x0} {Y0 + y0}))")


def bowtie(x0, y0, size):
    """A self-intersecting polygon (invalid: 'Self-intersection')."""
    x1, y1 = x0 + size, y0 + size
    return (f"POLYGON(({X0 + x0} {Y0 + y0}, {X0 + x1} {Y0 + y1}, {X0 + x1} {Y0 + y0}, {X0 + x0} {Y0 + y1}, "
            f"{X0 + x0} {Y0 + y0}))")


def point(x, y):
    return f"POINT({X0 + x} {Y0 + y})"


def line(*xy):
    return "LINESTRING(" + ", ".join(f"{X0 + x} {Y0 + y}" for x, y in xy) + ")"


@dataclass
class Layer:
    """A layer of the county: name, geometry ('Point', 'LineString', 'Polygon'), fields [(name, type)]
    with type 'string' / 'real' / 'integer', rows [(wkt or None, {field: value})], the key field naming
    a feature in messages, and the fid of the first row."""

    name: str
    geometry: str
    fields: list
    rows: list
    key: str
    first_fid: int
    epsg: int = CRS  # None: no CRS
    form: str = "gpkg"  # gpkg | shp | shp_gbk (GBK text, no .cpg) | csv (Excel-style, x/y columns)

    def fid(self, position):
        return self.first_fid + position

    def fids_of(self, key):
        """The fids of the rows whose key is ``key``."""
        return [self.fid(i) for i, (_wkt, values) in enumerate(self.rows) if values.get(self.key) == key]

    def position_of(self, key):
        return next(i for i, (_wkt, values) in enumerate(self.rows) if values.get(self.key) == key)

    def set(self, key, **values):
        """A copy with ``values`` set on the (first) row of ``key``."""
        layer = copy.deepcopy(self)
        layer.rows[layer.position_of(key)][1].update(values)
        return layer

    def set_geometry(self, key, wkt):
        layer = copy.deepcopy(self)
        position = layer.position_of(key)
        layer.rows[position] = (wkt, layer.rows[position][1])
        return layer

    def retype(self, name, kind):
        layer = copy.deepcopy(self)
        layer.fields = [(n, kind if n == name else t) for n, t in layer.fields]
        return layer

    def drop_field(self, name):
        layer = copy.deepcopy(self)
        layer.fields = [(n, t) for n, t in layer.fields if n != name]
        for _wkt, values in layer.rows:
            values.pop(name, None)
        return layer

    def empty(self):
        return replace(copy.deepcopy(self), rows=[])

    def renamed(self, name):
        return replace(copy.deepcopy(self), name=name)


S, R, I = "string", "real", "integer"

TOWNSHIPS = Layer("townships", "Polygon", [("town_id", S), ("name", S), ("name_en", S)], [
    (box(0, 0, 2000, 2000), {"town_id": "T1", "name": "城关镇", "name_en": "Chengguan"}),
    (box(2000, 0, 4000, 2000), {"town_id": "T2", "name": "滨海镇", "name_en": "Binhai"}),
], "town_id", 21)

_RESIDENTS = (800, 600, 400, 200, 900, 700, 300, 100)
POPULATION = Layer("population", "Polygon", [("pop_id", S), ("residents", R), ("urban", S), ("township", S)], [
    (box(1000 * (i % 4), 1000 * (i // 4), 1000 * (i % 4) + 1000, 1000 * (i // 4) + 1000),
     {"pop_id": f"P{i + 1}", "residents": float(_RESIDENTS[i]), "urban": "是" if i % 2 == 0 else "否",
      "township": "T1" if i % 4 < 2 else "T2"}) for i in range(8)
], "pop_id", 31)

# a grid of roads between the nodes x = 500, 1500, 2500, 3500 and y = 500, 1500 (split at every node)
_XS, _YS = (500, 1500, 2500, 3500), (500, 1500)
_ROAD_LINES = ([line((a, y), (b, y)) for y in _YS for a, b in zip(_XS, _XS[1:])]
               + [line((x, 500), (x, 1500)) for x in _XS])
ROADS = Layer("roads", "LineString", [("road_id", S), ("name", S), ("class", S), ("speed_kmh", R), ("oneway", S)], [
    (wkt, {"road_id": f"R{i + 1:02d}", "name": f"路{i + 1}", "class": "primary" if i < 6 else "secondary",
           "speed_kmh": 40.0, "oneway": "both"}) for i, wkt in enumerate(_ROAD_LINES)
], "road_id", 41)

STATIONS = Layer("fire_stations", "Point", [("station_id", S), ("name", S), ("class", S), ("turnout_min", R),
                                            ("suburban", S)], [
    (point(1000, 500), {"station_id": "FS01", "name": "城关站", "class": "class1", "turnout_min": 1.0, "suburban": "否"}),
    (point(3000, 1500), {"station_id": "FS02", "name": "滨海站", "class": "class2", "turnout_min": 1.0,
                         "suburban": "否"}),
    (point(2500, 1000), {"station_id": "FS03", "name": "中心站", "class": "small", "turnout_min": 0.5,
                         "suburban": "否"}),
], "station_id", 5)

ENTERPRISES = Layer("enterprises", "Point", [
    ("ent_id", S), ("name", S), ("industry", S), ("lec_l", R), ("lec_e", R), ("lec_c", R), ("likelihood", I),
    ("severity", I), ("risk_level", I)], [
    (point(600, 600), {"ent_id": "E01", "name": "甲化工", "industry": "化工", "lec_l": 3.0, "lec_e": 6.0,
                       "lec_c": 15.0, "likelihood": 3, "severity": 4, "risk_level": 2}),
    (point(1400, 1400), {"ent_id": "E02", "name": "乙机械", "industry": "机械", "lec_l": 1.0, "lec_e": 3.0,
                         "lec_c": 7.0, "likelihood": 2, "severity": 2, "risk_level": 4}),
    (point(2600, 600), {"ent_id": "E03", "name": "丙仓储", "industry": "仓储", "lec_l": 6.0, "lec_e": 6.0,
                        "lec_c": 15.0, "likelihood": 4, "severity": 4, "risk_level": 1}),
    (point(3400, 1400), {"ent_id": "E04", "name": "丁食品", "industry": "食品", "lec_l": 1.0, "lec_e": 2.0,
                         "lec_c": 3.0, "likelihood": 1, "severity": 2, "risk_level": 4}),
], "ent_id", 11)

PLANTS = replace(copy.deepcopy(ENTERPRISES), rows=[
    (box(x - 100, y - 100, x + 100, y + 100), values) for (_wkt, values), (x, y) in
    zip(copy.deepcopy(ENTERPRISES.rows), ((600, 600), (1400, 1400), (2600, 600), (3400, 1400)))],
    geometry="Polygon", name="plants")

HAZARD_SOURCES = Layer("hazard_sources", "Polygon", [
    ("unit_id", S), ("unit_name", S), ("ent_id", S), ("substance", S), ("quantity_t", R), ("hazard_cat", S),
    ("exposed", I)], [
    (box(550, 550, 650, 650), {"unit_id": "HU01", "unit_name": "液氨罐区", "ent_id": "E01", "substance": "液氨",
                               "quantity_t": 15.0, "hazard_cat": None, "exposed": None}),
    (box(550, 550, 650, 650), {"unit_id": "HU01", "unit_name": "液氨罐区", "ent_id": "E01", "substance": "甲醇",
                               "quantity_t": 100.0, "hazard_cat": None, "exposed": None}),
    (box(2550, 550, 2650, 650), {"unit_id": "HU02", "unit_name": "氯气库", "ent_id": "E03", "substance": "氯",
                                 "quantity_t": 2.0, "hazard_cat": None, "exposed": None}),
], "unit_id", 12)

SHELTERS = Layer("shelters", "Polygon", [("shelter_id", S), ("name", S), ("type", S), ("area_m2", R),
                                         ("capacity", I), ("township", S)], [
    (box(900, 900, 1100, 1100), {"shelter_id": "S01", "name": "城关公园", "type": "fixed_short", "area_m2": 2500.0,
                                 "capacity": 1500, "township": "T1"}),
    (box(2900, 900, 3100, 1100), {"shelter_id": "S02", "name": "滨海广场", "type": "fixed_medium", "area_m2": 3000.0,
                                  "capacity": 2000, "township": "T2"}),
], "shelter_id", 51)

SHELTER_POINTS = Layer("shelter_points", "Point", [("shelter_id", S), ("name", S), ("type", S), ("area_m2", R),
                                                   ("capacity", I), ("township", S)], [
    (point(1500, 500), {"shelter_id": "S11", "name": "城关小学", "type": "emergency", "area_m2": 2200.0,
                        "capacity": 800, "township": "T1"}),
    (point(3500, 500), {"shelter_id": "S12", "name": "滨海中学", "type": "fixed_short", "area_m2": 2400.0,
                        "capacity": 900, "township": "T2"}),
], "shelter_id", 61)

RISK_MAP = Layer("risk_map", "Polygon", [("pop_id", S), ("risk_level", I), ("residents", R)], [
    (wkt, {"pop_id": values["pop_id"], "risk_level": 1 + i % 4, "residents": values["residents"]})
    for i, (wkt, values) in enumerate(POPULATION.rows)], "pop_id", 71)

COUNTY = {layer.name: layer for layer in (TOWNSHIPS, POPULATION, ROADS, STATIONS, ENTERPRISES, PLANTS, HAZARD_SOURCES,
                                          SHELTERS, SHELTER_POINTS, RISK_MAP)}


# ---------------------------------------------------------------- the algorithms and what they read

@dataclass(frozen=True)
class Expect:
    """What an answer must be: ``outcome`` ERROR (a QgsProcessingException), WARNING (the run succeeds
    with a warning), OK (documented handling, e.g. reprojection: the run succeeds) or REPORT (validateinputs:
    a finding of ``severity``); and what it must name: the layer, the features (by key: 'KEY (fid n)')
    and the field."""

    outcome: str
    layer: str = None
    features: tuple = ()
    field: str = None
    severity: str = None  # REPORT: 'error' or 'warning'


@dataclass
class Algorithm:
    """``inputs``: parameter -> county layer (a list: a multiple-layer parameter); ``outputs``: parameter ->
    file name in the run's output folder ('' = a folder) — the files whole or absent; ``slow``: a run that
    succeeds takes seconds (it runs the bad inputs it handles with a warning or as documented only when they
    say so: ``BadInput.slow``); ``bad_layer_only``: a bad input's run gives it the spoiled layer alone."""

    id: str
    inputs: dict
    parameters: dict = dataclasses.field(default_factory=dict)
    outputs: dict = dataclasses.field(default_factory=dict)
    slow: bool = False
    bad_layer_only: bool = False
    classes: tuple = None  # the input classes it applies to (None: every class)
    answers: dict = dataclasses.field(default_factory=dict)  # bad input name -> its own Expect (None: not run)
    feature_label: str = "{key} (fid {fid})"  # how its messages name a feature
    kept_on_failure: tuple = ()  # output files (patterns) a failed run writes on purpose: the report saying why
    runs: str = None  # the algorithm id it runs, when the row is a variant of another (default: ``id``)
    layers: tuple = None  # the county layers whose bad inputs it runs (None: every layer it reads)


ALGORITHMS = {a.id: a for a in (
    Algorithm("validateinputs", {"ENTERPRISES": "enterprises", "HAZARD_SOURCES": "hazard_sources",
                                 "SHELTERS": "shelters", "SHELTERS_2": "shelter_points",
                                 "FIRE_STATIONS": "fire_stations", "POPULATION": "population", "ROADS": "roads",
                                 "TOWNSHIPS": "townships"},
              {"METHOD": 0}, {"OUTPUT": "validation.gpkg", "OUTPUT_HTML": "validation.html"}, bad_layer_only=True),
    Algorithm("gradehazardsources", {"INPUT": "hazard_sources", "POPULATION": "population",
                                     "ENTERPRISES": "plants"},
              {}, {"OUTPUT": "hazard_units.gpkg", "DETAILS": "hazard_details.gpkg"}),
    Algorithm("enterpriserisk", {"INPUT": "enterprises"}, {"METHOD": 0}, {"OUTPUT": "enterprise_risk.gpkg"}),
    Algorithm("fourcolourmap", {"ENTERPRISES": "enterprises", "POPULATION": "population", "STUDY_AREA": "townships"},
              {"CELL_SIZE": 500, "RADII": "1000,500,300,100"}, {"OUTPUT": "risk_map.gpkg"}),
    Algorithm("firestationreach", {"STATIONS": "fire_stations", "ROADS": "roads", "STUDY_AREA": "townships",
                                   "POPULATION": "population", "TARGETS": ["enterprises"]},
              {"DEFAULT_SPEED": 40},
              {"OUTPUT_EDGES": "reach_edges.gpkg", "OUTPUT_AREAS": "reach_areas.gpkg", "OUTPUT_GAPS": "reach_gaps.gpkg",
               "OUTPUT_TARGETS": "reach_targets.gpkg", "OUTPUT_SUMMARY": "reach_summary.gpkg",
               "OUTPUT_HTML": "reach.html"}),
    Algorithm("firestationsiting", {"STATIONS": "fire_stations", "ROADS": "roads", "STUDY_AREA": "townships",
                                    "POPULATION": "population", "TARGETS": ["enterprises"]},
              {"DEFAULT_SPEED": 40, "CANDIDATE_SPACING": 4000, "NEW_STATIONS": 2},
              {"OUTPUT": "siting_sites.gpkg", "OUTPUT_UNCOVERED": "siting_uncovered.gpkg",
               "OUTPUT_SUMMARY": "siting_summary.gpkg"}),
    Algorithm("shelterpercapita", {"SHELTERS": "shelters", "SHELTERS_2": "shelter_points", "POPULATION": "population",
                                   "UNITS": "townships"},
              {"METHOD": 0, "URBAN_ONLY": False},
              {"OUTPUT": "shelter_units.gpkg", "OUTPUT_SHELTERS": "shelter_load.gpkg",
               "OUTPUT_SUMMARY": "shelter_summary.gpkg", "OUTPUT_HTML": "shelters.html"}),
    Algorithm("exportatlas", {"RISK_MAP": "risk_map", "TOWNSHIPS": "townships", "ENTERPRISES": "enterprises",
                              "FIRE_STATIONS": "fire_stations", "SHELTERS": "shelters"},
              {"PAGE_SIZE": "A4", "LANGUAGE": "en"}, {"OUTPUT": "atlas.pdf"}, slow=True),
    Algorithm("fullassessment", {"ENTERPRISES": "plants", "HAZARD_SOURCES": "hazard_sources", "SHELTERS": "shelters",
                                 "SHELTERS_2": "shelter_points", "FIRE_STATIONS": "fire_stations",
                                 "POPULATION": "population", "ROADS": "roads", "TOWNSHIPS": "townships"},
              {"CELL_SIZE": 500, "PAGE_SIZE": "A4", "LANGUAGE": "en"}, {"OUTPUT_FOLDER": ""}, slow=True,
              kept_on_failure=("validation.html", "import_*.html")),  # a raw ledger's import that stops: why
    Algorithm("incidentsurroundings", {"INCIDENTS": "plants", "POPULATION": "population",
                                       "ENTERPRISES": "enterprises", "SHELTERS": "shelters",
                                       "FIRE_STATIONS": "fire_stations", "ROADS": "roads"},
              {"INCIDENT_ID_FIELD": "ent_id", "DEFAULT_SPEED": 40, "RINGS": "500,1000", "LANGUAGE": "en"},
              {"OUTPUT_RINGS": "rings.gpkg", "OUTPUT_RESPONDERS": "responders.gpkg", "OUTPUT_BRIEF": "brief.pdf"},
              # what it counts around an incident: an empty layer counts 0 (a warning), a feature without geometry
              # is left out (a warning); the enterprises' ids are not read (they are only counted)
              answers={"enterprise empty layer": Expect(WARNING, "enterprises"),
                       "station empty layer": Expect(WARNING, "fire_stations"),
                       "population empty layer": Expect(WARNING, "population"),
                       "shelter null geometry": Expect(WARNING, "shelters", ("S02",)),
                       "enterprise duplicate id": Expect(OK)}),
    Algorithm("createtemplate", {}, {}, {"OUTPUT": "template.gpkg"}),
    # a ledger or layer imported as it is written: the layer rules (negative, absurd, duplicate, invalid
    # geometry …) are validateinputs' and the analyses' on the imported layer; the import answers for what it
    # reads (fields, numbers, codes, coordinates, encoding) and names ledger rows as a user sees them
    Algorithm("importlayer", {"INPUT": "hazard_sources"}, {"KIND": 1},
              {"OUTPUT": "imported.gpkg", "OUTPUT_HTML": "import.html"},
              classes=("missing field", "text in number field", "NaN", "1e300", "null geometry", "empty layer",
                       "missing CRS", "geographic CRS", "GBK shapefile", "Excel-style CSV", "missing path",
                       "unknown code", "Chinese names"),
              answers={"hazard quantity 1e300": Expect(OK),
                       "hazard exposed 1e300": Expect(WARNING, "hazard_sources", ("HU02",), "exposed"),
                       "hazard null geometry, exposure to estimate": None,
                       "hazard unknown category": Expect(WARNING, "hazard_sources", ("HU02",), "hazard_cat"),
                       "hazard unknown substance": Expect(OK),
                       "hazard Chinese names": Expect(OK), "hazard Chinese names, zh": Expect(OK),
                       "hazard Excel CSV with Chinese headers": Expect(ERROR, "hazard_sources")},
              feature_label="rows {fid}", kept_on_failure=("import.html",)),
)}


def readers(layer_name):
    """(algorithm id, parameter) of every algorithm reading the county layer ``layer_name``."""
    found = []
    for algorithm in ALGORITHMS.values():
        for parameter, name in algorithm.inputs.items():
            if name == layer_name or (isinstance(name, list) and layer_name in name):
                found.append((algorithm.id, parameter))
    return found


# ---------------------------------------------------------------- the bad inputs

@dataclass
class BadInput:
    """One bad input: ``layer`` of the county changed by ``change`` (a function of the Layer). ``expect``:
    the answer of every algorithm reading that layer (``names`` fills layer/features/field);
    ``report``: validateinputs' severity (None: not its business); ``only``/``override``: per algorithm;
    ``slow``: also run the slow algorithms (the atlas, the full assessment) when they succeed."""

    name: str
    klass: str
    layer: str
    change: object
    outcome: str
    features: tuple = ()
    field: str = None
    report: str = None
    only: tuple = None
    override: dict = dataclasses.field(default_factory=dict)
    slow: bool = False
    language: str = "en"
    parameters: dict = dataclasses.field(default_factory=dict)  # extra parameters of every run

    def expectation(self, algorithm_id, layer_name):
        algorithm = ALGORITHMS[algorithm_id]
        if algorithm.classes is not None and self.klass not in algorithm.classes:
            return None
        if algorithm_id in self.override:
            expect = self.override[algorithm_id]
        elif self.name in algorithm.answers:
            expect = algorithm.answers[self.name]
            expect = replace(expect, layer=layer_name) if expect is not None and expect.layer else expect
        elif algorithm_id == "validateinputs":
            expect = Expect(REPORT, layer_name, self.features, self.field, self.report) if self.report else None
        elif algorithm_id == "fullassessment" and self.report == "error":
            expect = Expect(ERROR, layer_name, self.features[:1], self.field)  # the validation stops it
        else:
            expect = Expect(self.outcome, layer_name, self.features, self.field)
        if expect is not None and ALGORITHMS[algorithm_id].slow and expect.outcome != ERROR and not self.slow:
            return None  # a slow success: only the bad inputs that ask for it
        return expect


def _set(layer_key, **values):
    return lambda layer: layer.set(layer_key, **values)


def _text(name, key, value):
    return lambda layer: layer.retype(name, S).set(key, **{name: value})


def _geometry(key, wkt):
    return lambda layer: layer.set_geometry(key, wkt)


def _form(form, **changes):
    return lambda layer: replace(copy.deepcopy(layer), form=form, **changes)


def _drop(name):
    return lambda layer: layer.drop_field(name)


def _empty(layer):
    return layer.empty()


def _duplicate(key, new_key_of):
    """The row of ``new_key_of`` takes the key ``key`` (two features share it)."""
    def change(layer):
        return layer.set(new_key_of, **{layer.key: key})
    return change


def _chinese(name, key, new_key, **values):
    """The layer renamed (Chinese), one feature's key Chinese, plus ``values`` on it."""
    def change(layer):
        layer = layer.renamed(name).set(key, **{layer.key: new_key})
        return layer.set(new_key, **values)
    return change


def _then(*changes):
    def change(layer):
        for step in changes:
            layer = step(layer)
        return layer
    return change


def _add_row(wkt, values):
    def change(layer):
        layer = copy.deepcopy(layer)
        layer.rows.append((wkt, values))
        return layer
    return change


GEOGRAPHIC = _form("gpkg", epsg=4490)  # reprojected on reading (the writer transforms the coordinates)
NO_CRS = _form("shp", epsg=None)
GBK = _form("shp_gbk")

E, W = ERROR, WARNING

BAD_INPUTS = [
    # ---- hazard sources (gradehazardsources INPUT)
    BadInput("hazard missing quantity field", "missing field", "hazard_sources", _drop("quantity_t"), E,
             field="quantity_t", report="error"),
    BadInput("hazard missing substance field", "missing field", "hazard_sources", _drop("substance"), E,
             field="substance", report="error"),
    BadInput("hazard quantity is text", "text in number field", "hazard_sources", _text("quantity_t", "HU02", "十吨"),
             E, ("HU02",), "quantity_t", report="error"),
    BadInput("hazard quantity null", "null", "hazard_sources", _set("HU02", quantity_t=None), W, ("HU02",),
             "quantity_t", report="warning"),
    BadInput("hazard quantity negative", "negative", "hazard_sources", _set("HU02", quantity_t=-5.0), E, ("HU02",),
             "quantity_t", report="error"),
    BadInput("hazard quantity 1e300", "1e300", "hazard_sources", _set("HU02", quantity_t=1e300), E, ("HU02",),
             "quantity_t", report="error"),
    BadInput("hazard quantity NaN", "NaN", "hazard_sources", _text("quantity_t", "HU02", "NaN"), E, ("HU02",),
             "quantity_t", report="error"),
    BadInput("hazard quantity inf", "NaN", "hazard_sources", _set("HU02", quantity_t=float("inf")), E, ("HU02",),
             "quantity_t", report="error"),
    BadInput("hazard quantity implausible", "plausibility", "hazard_sources", _set("HU02", quantity_t=400000.0), W,
             ("HU02",), "quantity_t", report="warning"),
    BadInput("hazard exposed negative", "negative", "hazard_sources", _set("HU02", exposed=-3), E, ("HU02",),
             "exposed", report="error"),
    BadInput("hazard exposed 1e300", "1e300", "hazard_sources", _text("exposed", "HU02", "1e300"), E, ("HU02",),
             "exposed", report="error"),
    BadInput("hazard null geometry, exposure from the plant", "null geometry", "hazard_sources",
             _geometry("HU02", None), W, ("HU02",), report="error"),
    BadInput("hazard null geometry, exposure to estimate", "null geometry", "hazard_sources",
             _geometry("HU02", None), E, ("HU02",), only=("gradehazardsources",), parameters={"ENTERPRISES": None}),
    BadInput("hazard invalid geometry", "invalid geometry", "hazard_sources", _geometry("HU02", bowtie(2550, 550, 100)),
             W, ("HU02",), report="warning", slow=True),
    BadInput("hazard empty layer", "empty layer", "hazard_sources", _empty, E, report="error"),
    BadInput("hazard geographic CRS", "geographic CRS", "hazard_sources", GEOGRAPHIC, OK, report="warning"),
    BadInput("hazard missing CRS", "missing CRS", "hazard_sources", NO_CRS, E, report="error"),
    BadInput("hazard duplicate unit and substance", "duplicate ids", "hazard_sources",
             _set("HU01", substance="甲醇"), E, ("HU01", "HU01"), "substance", report="error"),
    BadInput("hazard unknown substance", "unknown code", "hazard_sources", _set("HU02", substance="xyzzy"), E,
             ("HU02",), "substance", report="error"),
    BadInput("hazard unknown category", "unknown code", "hazard_sources", _set("HU02", hazard_cat="W99"), E,
             ("HU02",), "hazard_cat", report="error"),
    BadInput("hazard GBK shapefile", "GBK shapefile", "hazard_sources", GBK, W, report="warning", slow=True),
    BadInput("hazard Chinese names", "Chinese names", "hazard_sources",
             _chinese("危险源", "HU02", "二号库", quantity_t=-1.0), E, ("二号库",), "quantity_t", report="error"),
    BadInput("hazard Chinese names, zh", "Chinese names", "hazard_sources",
             _chinese("危险源", "HU02", "二号库", quantity_t=-1.0), E, ("二号库",), "quantity_t", report="error",
             language="zh"),
    BadInput("hazard Excel CSV with Chinese headers", "Excel-style CSV", "hazard_sources", _form("csv"), E,
             field="unit_id", report="error", override={"fullassessment": None}),
    BadInput("hazard Excel CSV with text numbers", "Excel-style CSV", "hazard_sources",
             _then(_text("quantity_t", "HU02", "见附件"), _form("csv_en")), E, ("HU02",), "quantity_t",
             report="error", override={"fullassessment": None}),
    BadInput("hazard missing path", "missing path", "hazard_sources", _form("missing"), E, report="error",
             override={"validateinputs": Expect(ERROR, "hazard_sources")}),

    # ---- enterprises (enterpriserisk INPUT, fourcolourmap ENTERPRISES, firestationreach TARGETS, exportatlas)
    BadInput("enterprise missing lec_c", "missing field", "enterprises", _drop("lec_c"), E, field="lec_c",
             report="error", only=("enterpriserisk", "validateinputs")),
    BadInput("enterprise missing severity, matrix method", "missing field", "enterprises", _drop("severity"), E,
             field="severity", report="error", only=("enterpriserisk", "validateinputs"),
             parameters={"METHOD": 1}),
    BadInput("enterprise lec_l is text", "text in number field", "enterprises", _text("lec_l", "E02", "高"), E,
             ("E02",), "lec_l", report="error", only=("enterpriserisk", "validateinputs")),
    BadInput("enterprise lec_e null", "null", "enterprises", _set("E03", lec_e=None), E, ("E03",), "lec_e",
             report="error", only=("enterpriserisk", "validateinputs")),
    BadInput("enterprise lec_c negative", "negative", "enterprises", _set("E03", lec_c=-7.0), E, ("E03",), "lec_c",
             report="error", only=("enterpriserisk", "validateinputs")),
    BadInput("enterprise lec_c 1e300", "1e300", "enterprises", _set("E03", lec_c=1e300), E, ("E03",), "lec_c",
             report="error", only=("enterpriserisk", "validateinputs")),
    BadInput("enterprise lec_l NaN", "NaN", "enterprises", _text("lec_l", "E03", "nan"), E, ("E03",), "lec_l",
             report="error", only=("enterpriserisk", "validateinputs")),
    BadInput("enterprise lec_l off the table", "plausibility", "enterprises", _set("E02", lec_l=2.0), W, ("E02",),
             "lec_l", report="warning", only=("enterpriserisk", "validateinputs")),
    BadInput("enterprise likelihood 6, matrix method", "1e300", "enterprises", _set("E02", likelihood=6), E, ("E02",),
             "likelihood", report="error", only=("enterpriserisk", "validateinputs"), parameters={"METHOD": 1}),
    BadInput("enterprise null geometry", "null geometry", "enterprises", _geometry("E02", None), W, ("E02",),
             report="error", override={"exportatlas": Expect(WARNING, "enterprises", ("E02",))}, slow=True),
    BadInput("enterprise empty layer", "empty layer", "enterprises", _empty, E, report="error",
             override={"firestationreach": Expect(OK), "firestationsiting": Expect(OK),
                       "exportatlas": Expect(OK)}),
    BadInput("enterprise empty layer, the map's extent given", "empty layer", "enterprises", _empty, W,
             only=("fourcolourmap",), parameters={"EXTENT": f"{X0},{X0 + 4000},{Y0},{Y0 + 2000} [EPSG:{CRS}]"}),
    BadInput("enterprise duplicate id", "duplicate ids", "enterprises", _duplicate("E01", "E02"), E, ("E01", "E01"),
             "ent_id", report="error", override={"firestationreach": Expect(OK), "firestationsiting": Expect(OK),
                                                "exportatlas": Expect(OK)}),
    BadInput("enterprise geographic CRS", "geographic CRS", "enterprises", GEOGRAPHIC, OK, report="warning"),
    BadInput("enterprise missing CRS", "missing CRS", "enterprises", NO_CRS, E, report="error"),
    BadInput("enterprise risk level 7", "unknown code", "enterprises", _set("E02", risk_level=7), E, ("E02",),
             "risk_level", only=("fourcolourmap", "exportatlas")),
    BadInput("enterprise risk level null", "null", "enterprises", _set("E02", risk_level=None), E, ("E02",),
             "risk_level", only=("fourcolourmap", "exportatlas"),
             override={"exportatlas": Expect(WARNING, "enterprises", ("E02",), "risk_level")}, slow=True),
    BadInput("enterprise GBK shapefile", "GBK shapefile", "enterprises", GBK, W, report="warning",
             only=("enterpriserisk", "validateinputs", "fourcolourmap", "firestationreach")),
    BadInput("enterprise Chinese names", "Chinese names", "enterprises", _chinese("企业", "E03", "丙企业", lec_c=-1.0), E,
             ("丙企业",), "lec_c", report="error", only=("enterpriserisk", "validateinputs")),
    BadInput("enterprise missing path", "missing path", "enterprises", _form("missing"), E, report="error",
             override={"firestationreach": None, "firestationsiting": None,
                       "validateinputs": Expect(ERROR, "enterprises")}),

    # ---- plant boundaries (gradehazardsources ENTERPRISES, the full assessment's ENTERPRISES)
    BadInput("plant invalid geometry", "invalid geometry", "plants", _geometry("E03", bowtie(2450, 450, 300)), W,
             ("E03",), report="warning", override={"fullassessment": None}),
    BadInput("plant duplicate id", "duplicate ids", "plants", _duplicate("E01", "E02"), E, ("E01", "E01"), "ent_id",
             report="error"),
    BadInput("plant null geometry", "null geometry", "plants", _geometry("E03", None), W, ("E03",), report="error"),

    # ---- fire stations (firestationreach STATIONS, exportatlas FIRE_STATIONS)
    BadInput("station turnout negative", "negative", "fire_stations", _set("FS02", turnout_min=-2.0), E, ("FS02",),
             "turnout_min", report="error", only=("firestationreach", "validateinputs", "fullassessment")),
    BadInput("station turnout text", "text in number field", "fire_stations", _text("turnout_min", "FS02", "两分钟"), E,
             ("FS02",), "turnout_min", report="error", only=("firestationreach", "validateinputs")),
    BadInput("station turnout 1e300", "1e300", "fire_stations", _set("FS02", turnout_min=1e300), E, ("FS02",),
             "turnout_min", report="error", only=("firestationreach", "validateinputs")),
    BadInput("station turnout NaN", "NaN", "fire_stations", _text("turnout_min", "FS02", "NaN"), E, ("FS02",),
             "turnout_min", report="error", only=("firestationreach", "validateinputs")),
    BadInput("station turnout implausible", "plausibility", "fire_stations", _set("FS02", turnout_min=4.0), W,
             ("FS02",), "turnout_min", report="warning", only=("firestationreach", "validateinputs")),
    BadInput("station null geometry", "null geometry", "fire_stations", _geometry("FS02", None), W, ("FS02",),
             report="error"),
    BadInput("station empty layer", "empty layer", "fire_stations", _empty, E, report="error",
             override={"exportatlas": Expect(OK)}),
    BadInput("station off the road network", "off the network", "fire_stations",
             _geometry("FS02", point(3000, 9000)), W, ("FS02",), only=("firestationreach",)),
    BadInput("every station off the road network", "off the network", "fire_stations",
             _then(_geometry("FS01", point(1000, 9000)), _geometry("FS02", point(3000, 9000)),
                   _geometry("FS03", point(3000, 9500))), E, only=("firestationreach",)),
    BadInput("station duplicate id", "duplicate ids", "fire_stations", _duplicate("FS01", "FS02"), E,
             ("FS01", "FS01"), "station_id", report="error", only=("firestationreach", "validateinputs")),
    BadInput("station unknown class", "unknown code", "fire_stations", _set("FS02", **{"class": "class9"}), W,
             ("FS02",), "class", report="warning", only=("firestationreach", "validateinputs")),
    BadInput("station suburban not yes/no", "unknown code", "fire_stations", _set("FS02", suburban="maybe"), E,
             ("FS02",), "suburban", report="error", only=("firestationreach", "validateinputs")),
    BadInput("station geographic CRS", "mixed CRS", "fire_stations", GEOGRAPHIC, OK, report="warning"),
    BadInput("station missing CRS", "missing CRS", "fire_stations", NO_CRS, E, report="error"),
    BadInput("station GBK shapefile", "GBK shapefile", "fire_stations", GBK, W, report="warning",
             only=("firestationreach", "validateinputs")),

    # ---- roads (firestationreach ROADS)
    BadInput("road speed negative", "negative", "roads", _set("R03", speed_kmh=-30.0), E, ("R03",), "speed_kmh",
             report="error"),
    BadInput("road speed text", "text in number field", "roads", _text("speed_kmh", "R03", "快"), E, ("R03",),
             "speed_kmh", report="error"),
    BadInput("road speed 1e300", "1e300", "roads", _set("R03", speed_kmh=1e300), E, ("R03",), "speed_kmh",
             report="error"),
    BadInput("road speed implausible", "plausibility", "roads", _set("R03", speed_kmh=130.0), W, ("R03",),
             "speed_kmh", report="warning"),
    BadInput("road null geometry", "null geometry", "roads", _geometry("R03", None), W, ("R03",), report="error"),
    BadInput("road empty layer", "empty layer", "roads", _empty, E, report="error"),
    BadInput("road network in two parts", "disconnected roads", "roads",
             _add_row(line((500, 8000), (1500, 8000)),
                      {"road_id": "R99", "name": "孤路", "class": "local", "speed_kmh": 30.0, "oneway": "both"}),
             W, ("R99",), only=("firestationreach",)),
    BadInput("road unknown class", "unknown code", "roads", _set("R03", **{"class": "dirt"}), W, ("R03",), "class",
             report="warning"),
    BadInput("road unknown direction", "unknown code", "roads", _set("R03", oneway="maybe"), W, ("R03",), "oneway",
             report="warning"),
    BadInput("road geographic CRS", "geographic CRS", "roads", GEOGRAPHIC, OK, report="warning"),
    BadInput("road missing CRS", "missing CRS", "roads", NO_CRS, E, report="error"),

    # ---- population (gradehazardsources, fourcolourmap, firestationreach, shelterpercapita POPULATION)
    BadInput("population missing residents field", "missing field", "population", _drop("residents"), E,
             field="residents", report="error"),
    BadInput("population residents text", "text in number field", "population", _text("residents", "P3", "很多"), E,
             ("P3",), "residents", report="error"),
    BadInput("population residents null", "null", "population", _set("P3", residents=None), E, ("P3",), "residents",
             report="error"),
    BadInput("population residents negative", "negative", "population", _set("P3", residents=-10.0), E, ("P3",),
             "residents", report="error"),
    BadInput("population residents 1e300", "1e300", "population", _set("P3", residents=1e300), E, ("P3",),
             "residents", report="error"),
    BadInput("population residents NaN", "NaN", "population", _text("residents", "P3", "NaN"), E, ("P3",),
             "residents", report="error"),
    BadInput("population residents implausible", "plausibility", "population", _set("P3", residents=300000.0), W,
             ("P3",), "residents", report="warning"),
    BadInput("population null geometry", "null geometry", "population", _geometry("P3", None), E, ("P3",),
             report="error"),
    BadInput("population invalid geometry", "invalid geometry", "population", _geometry("P3", bowtie(2000, 0, 1000)),
             W, ("P3",), report="warning"),
    BadInput("population empty layer", "empty layer", "population", _empty, E, report="error",
             override={"fourcolourmap": Expect(WARNING, "population"),
                       "firestationreach": Expect(WARNING, "population"),
                       "firestationsiting": Expect(WARNING, "population")}),
    BadInput("population urban flag unknown", "unknown code", "population", _set("P3", urban="maybe"), W, ("P3",),
             "urban", report="warning", only=("shelterpercapita", "validateinputs"),
             parameters={"URBAN_ONLY": True}),
    BadInput("population geographic CRS", "geographic CRS", "population", GEOGRAPHIC, OK, report="warning"),
    BadInput("population missing CRS", "missing CRS", "population", NO_CRS, E, report="error"),

    # ---- shelters (shelterpercapita SHELTERS, exportatlas SHELTERS)
    BadInput("shelter missing type field", "missing field", "shelters", _drop("type"), E, field="type",
             report="error", only=("shelterpercapita", "validateinputs", "fullassessment")),
    BadInput("shelter unknown type", "unknown code", "shelters", _set("S02", type="tent"), E, ("S02",), "type",
             report="error", only=("shelterpercapita", "validateinputs")),
    BadInput("shelter area null", "null", "shelters", _set("S02", area_m2=None), E, ("S02",), "area_m2",
             report="error", only=("shelterpercapita", "validateinputs")),
    BadInput("shelter area text", "text in number field", "shelters", _text("area_m2", "S02", "大"), E, ("S02",),
             "area_m2", report="error", only=("shelterpercapita", "validateinputs")),
    BadInput("shelter area negative", "negative", "shelters", _set("S02", area_m2=-1.0), E, ("S02",), "area_m2",
             report="error", only=("shelterpercapita", "validateinputs")),
    BadInput("shelter area 1e300", "1e300", "shelters", _set("S02", area_m2=1e300), E, ("S02",), "area_m2",
             report="error", only=("shelterpercapita", "validateinputs")),
    BadInput("shelter area implausible", "plausibility", "shelters", _set("S02", area_m2=2e6), W, ("S02",), "area_m2",
             report="warning", only=("shelterpercapita", "validateinputs")),
    BadInput("shelter capacity negative", "negative", "shelters", _set("S02", capacity=-5), E, ("S02",), "capacity",
             report="error", only=("shelterpercapita", "validateinputs"), parameters={"CAPACITY_FIELD": "capacity"}),
    BadInput("shelter null geometry", "null geometry", "shelters", _geometry("S02", None), E, ("S02",),
             report="error", override={"exportatlas": Expect(WARNING, "shelters", ("S02",))}),
    BadInput("shelter invalid geometry", "invalid geometry", "shelters", _geometry("S02", bowtie(2900, 900, 200)), W,
             ("S02",), report="warning", only=("shelterpercapita", "validateinputs")),
    BadInput("shelter empty layer", "empty layer", "shelters", _empty, W, report="error",
             override={"exportatlas": Expect(OK)}),
    BadInput("shelter empty layer, the only shelter layer", "empty layer", "shelters", _empty, W,
             only=("shelterpercapita",), parameters={"SHELTERS_2": None}),
    BadInput("shelter duplicate id", "duplicate ids", "shelters", _duplicate("S01", "S02"), E, ("S01", "S01"),
             "shelter_id", report="error", only=("shelterpercapita", "validateinputs")),
    BadInput("shelter geographic CRS", "geographic CRS", "shelters", GEOGRAPHIC, OK, report="warning"),
    BadInput("shelter missing CRS", "missing CRS", "shelters", NO_CRS, E, report="error"),
    BadInput("shelter points area negative", "negative", "shelter_points", _set("S12", area_m2=-1.0), E, ("S12",),
             "area_m2", report="error"),
    BadInput("shelter points null geometry", "null geometry", "shelter_points", _geometry("S12", None), E, ("S12",),
             report="error"),

    # ---- townships (firestationreach STUDY_AREA, shelterpercapita UNITS, exportatlas TOWNSHIPS)
    BadInput("township null geometry", "null geometry", "townships", _geometry("T2", None), E, ("T2",),
             report="error", override={"firestationreach": Expect(WARNING, "townships", ("T2",)),
                                       "firestationsiting": Expect(WARNING, "townships", ("T2",)),
                                       "fourcolourmap": Expect(WARNING, "townships", ("T2",))}),
    BadInput("township invalid geometry", "invalid geometry", "townships", _geometry("T2", bowtie(2000, 0, 2000)), W,
             ("T2",), report="warning"),
    BadInput("township empty layer", "empty layer", "townships", _empty, E, report="error",
             override={"firestationreach": Expect(WARNING, "townships"),
                       "firestationsiting": Expect(WARNING, "townships")}),
    BadInput("township missing name field", "missing field", "townships", _drop("name"), E, field="name",
             report="error", only=("exportatlas", "validateinputs", "fullassessment"), parameters={"LANGUAGE": "zh"}),
    BadInput("township GBK shapefile", "GBK shapefile", "townships", GBK, W, report="warning",
             only=("exportatlas", "validateinputs"), slow=True),
    BadInput("township geographic CRS", "geographic CRS", "townships", GEOGRAPHIC, OK, report="warning",
             only=("shelterpercapita", "firestationreach", "validateinputs")),
    BadInput("township missing CRS", "missing CRS", "townships", NO_CRS, E, report="error"),

    # ---- the four-colour map as the atlas reads it (exportatlas RISK_MAP)
    BadInput("risk map level null", "null", "risk_map", _set("P3", risk_level=None), E, ("P3",), "risk_level"),
    BadInput("risk map level 9", "unknown code", "risk_map", _set("P3", risk_level=9), E, ("P3",), "risk_level"),
    BadInput("risk map residents negative", "negative", "risk_map", _set("P3", residents=-5.0), E, ("P3",),
             "residents"),
    BadInput("risk map empty layer", "empty layer", "risk_map", _empty, E),
]


@dataclass
class Case:
    """One run of the matrix: an algorithm on the county with one bad input (or an output-side failure)."""

    id: str
    klass: str
    algorithm: str
    bad: BadInput = None  # None: an output-side case
    expect: Expect = None
    output_case: str = None  # OUTPUT_CASES key


# output-side failures: (name, what) — run on every algorithm with file outputs, with a bad input that fails it
OUTPUT_CASES = {
    "existing output kept on failure": "the output file exists; the run fails: it is left as it was",
    "table in an existing GeoPackage dropped on failure": "outputs go into an existing GeoPackage as new tables; "
                                                          "the run fails: no new table remains",
    "cancelled": "the run is cancelled at its first progress report: no output remains",
    "success leaves no temporary files": "a run that succeeds leaves its outputs whole and nothing else",
    "unwritable output": "the output folder cannot be created: a clear error, nothing written",
}
# a bad input that makes each algorithm fail (for the output-side cases)
FAILING_INPUT = {
    "validateinputs": "hazard quantity negative",  # with FAIL_ON_ERROR (the test's FAILING_PARAMETERS)
    "gradehazardsources": "hazard quantity negative",
    "enterpriserisk": "enterprise lec_c negative",
    "fourcolourmap": "enterprise risk level 7",
    "firestationreach": "station turnout negative",
    "firestationsiting": "road empty layer",
    "shelterpercapita": "shelter area negative",
    "exportatlas": "risk map level 9",
    "fullassessment": "hazard quantity negative",
    "createtemplate": None,
    "incidentsurroundings": "plant duplicate id",
    "importlayer": "hazard missing substance field",
}


def cases():
    """Every case of the matrix: each bad input on every algorithm reading its layer, then the output-side
    cases on every algorithm."""
    found, by_name = [], {b.name: b for b in BAD_INPUTS}
    for bad in BAD_INPUTS:
        for algorithm_id in dict.fromkeys(a for a, _parameter in readers(bad.layer)):  # once per algorithm
            if bad.only is not None and algorithm_id not in bad.only:
                continue
            if ALGORITHMS[algorithm_id].layers is not None and bad.layer not in ALGORITHMS[algorithm_id].layers:
                continue
            if algorithm_id == "fullassessment" and bad.layer == "enterprises":
                continue  # the full assessment reads its enterprises as plant boundaries ('plants')
            layer_name = bad.change(COUNTY[bad.layer]).name
            expect = bad.expectation(algorithm_id, layer_name)
            if expect is None:
                continue
            found.append(Case(f"{algorithm_id}: {bad.name}", bad.klass, algorithm_id, bad, expect))
    for algorithm_id in ALGORITHMS:
        failing = by_name.get(FAILING_INPUT.get(algorithm_id))
        for name in OUTPUT_CASES:
            fails = name in ("existing output kept on failure", "table in an existing GeoPackage dropped on failure")
            if fails and failing is None:
                continue
            if name == "table in an existing GeoPackage dropped on failure" and (
                    ALGORITHMS[algorithm_id].runs or algorithm_id) in ("exportatlas", "fullassessment", "createtemplate"):
                continue  # their outputs are files, not layers
            if name == "cancelled" and algorithm_id == "createtemplate":
                continue  # nothing to cancel: it writes one small file
            found.append(Case(f"{algorithm_id}: {name}", "output", algorithm_id, failing if fails else None, None,
                              name))
    return found


def write_layer(layer, folder):
    """Write ``layer`` in its form into ``folder``; returns (the parameter value, the files written)."""
    from osgeo import ogr, osr

    os.makedirs(folder, exist_ok=True)
    if hasattr(layer, "write"):  # a layer that writes itself (with others: a results GeoPackage)
        return layer.write(folder)
    if layer.form == "missing":
        return os.path.join(folder, "no_such_folder", f"{layer.name}.gpkg") + f"|layername={layer.name}", []
    if layer.form in ("csv", "csv_en"):
        return _write_csv(layer, folder)
    srs = None
    if layer.epsg:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(layer.epsg)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = None
    if layer.epsg and layer.epsg != CRS:
        source = osr.SpatialReference()
        source.ImportFromEPSG(CRS)
        source.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        transform = osr.CoordinateTransformation(source, srs)
    shapefile = layer.form.startswith("shp")
    path = os.path.join(folder, f"{layer.name}.shp" if shapefile else f"{layer.name}.gpkg")
    driver = ogr.GetDriverByName("ESRI Shapefile" if shapefile else "GPKG")
    from osgeo import gdal

    saved = gdal.GetConfigOption("SHAPE_ENCODING")  # QGIS sets it to "", which would keep GDAL from recoding
    gdal.SetConfigOption("SHAPE_ENCODING", None)
    try:
        _write_features(layer, driver.CreateDataSource(path), srs, transform, shapefile)
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", saved)
    base = os.path.splitext(path)[0]
    if layer.form == "shp_gbk":
        os.remove(base + ".cpg")
        with open(base + ".dbf", "r+b") as dbf:  # no code-page byte either, as old tools leave it
            dbf.seek(29)
            dbf.write(b"\0")
    files = [f for f in (base + ext for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg")) if os.path.exists(f)]
    if not shapefile:
        return f"{path}|layername={layer.name}", [path]
    return path, files


def _write_features(layer, dataset, srs, transform, shapefile):
    from osgeo import ogr

    geometry_types = {"Point": ogr.wkbPoint, "LineString": ogr.wkbLineString, "Polygon": ogr.wkbPolygon}
    options = ["ENCODING=CP936"] if layer.form == "shp_gbk" else (["ENCODING=UTF-8"] if shapefile else [])
    out = dataset.CreateLayer(layer.name, srs, geometry_types[layer.geometry], options=options)
    field_types = {S: ogr.OFTString, R: ogr.OFTReal, I: ogr.OFTInteger}
    for name, kind in layer.fields:
        definition = ogr.FieldDefn(name, field_types[kind])
        if shapefile and kind == S:
            definition.SetWidth(40)
        if shapefile and kind == R:
            definition.SetWidth(24)
            definition.SetPrecision(6)
        out.CreateField(definition)
    for position, (wkt, values) in enumerate(layer.rows):
        feature = ogr.Feature(out.GetLayerDefn())
        if not shapefile:
            feature.SetFID(layer.fid(position))
        for index, (name, _kind) in enumerate(layer.fields):  # by index: a shapefile launders long names
            value = values.get(name)
            if value is not None:
                feature.SetField(index, value)
        if wkt is not None:
            geometry = ogr.CreateGeometryFromWkt(wkt)
            if transform is not None:
                geometry.Transform(transform)
            feature.SetGeometry(geometry)
        out.CreateFeature(feature)
    dataset = out = None


def _write_csv(layer, folder):
    """An Excel-style CSV (UTF-8 with BOM, x/y columns): Chinese headers ('csv') or the fields' own ('csv_en')."""
    import shapely

    headers = {"unit_id": "单元编号", "unit_name": "单元名称", "ent_id": "企业编号", "substance": "物质名称",
               "quantity_t": "设计最大量(t)", "hazard_cat": "危险性类别", "exposed": "暴露人数"}
    names = [n for n, _t in layer.fields]
    shown = [headers.get(n, n) if layer.form == "csv" else n for n in names]
    path = os.path.join(folder, f"{layer.name}.csv")
    lines = [",".join(shown + ["x", "y"])]
    for wkt, values in layer.rows:
        centre = shapely.centroid(shapely.from_wkt(wkt))
        cells = ["" if values.get(n) is None else str(values[n]) for n in names]
        lines.append(",".join(cells + [f"{centre.x:.1f}", f"{centre.y:.1f}"]))
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        handle.write("\r\n".join(lines) + "\r\n")
    uri = f"file://{path}?type=csv&delimiter=,&xField=x&yField=y&crs=EPSG:{CRS}&detectTypes=yes"
    return ("delimitedtext", uri, layer.name), [path]


# the emergency one map's kinds and riskatlas:resourcecoverage (their rows in bad_input_one_map)
from bad_input_one_map import extend  # noqa: E402 (it builds on the definitions above)

extend(COUNTY, ALGORITHMS, BAD_INPUTS, FAILING_INPUT)

# the full assessment's planned stations and shelters (their rows in bad_input_proposed)
from bad_input_proposed import extend as extend_proposed  # noqa: E402

extend_proposed(COUNTY, ALGORITHMS, BAD_INPUTS, FAILING_INPUT)

# riskatlas:comparescenarios and its results GeoPackage (bad_input_scenarios)
from bad_input_scenarios import extend as extend_scenarios  # noqa: E402

extend_scenarios(COUNTY, ALGORITHMS, BAD_INPUTS, FAILING_INPUT)
