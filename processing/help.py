"""Help texts of the algorithms (``HELP[algorithm id]()``), rendered from the tables the analyses use.

Each text is a translatable sentence template (context "Help", placeholders {0}, {1}, …); the
numbers, bands and code lists that fill it are rendered here from ``core.standards`` and
``layers.schemas`` at the moment the help is shown, in the UI language — so a help text never
restates a standard's number by hand, and the .ts holds no numbers to keep in step.
"""
from qgis.PyQt.QtCore import QCoreApplication

from ..core.standards import fire_stations as fs
from ..core.standards import gb18218
from ..core.standards.risk_levels import RISK_LEVELS
from ..core.standards.risk_presets import (AGGREGATION_RULES, CUMULATIVE_BASE3, CUT_SETS, DEFAULT_RADII_M,
                                           LEC_C_VALUES, LEC_E_VALUES, LEC_L_VALUES, MATRIX, MATRIX_RANGE)
from ..core.standards.shelters import DEFAULT_SHELTER_TYPES, NOT_WALKABLE_CLASSES, TARGET_M2_PER_CAPITA
from ..core.values import YES_NO_WORDS
from ..support.i18n import is_chinese


translate = QCoreApplication.translate


def _join(items, zh):
    return ("、" if zh else ", ").join(items)


def _list(items, zh):
    return ("；" if zh else "; ").join(items)


def number(value):
    return f"{value:g}"


# ---------------------------------------------------------------- tables rendered as text

def risk_levels_text(zh):
    """'1 重大风险 red, 2 较大风险 orange, …'"""
    return _join([f"{lv.level} {lv.label_zh} {lv.colour_name_zh if zh else lv.colour_name_en}" for lv in RISK_LEVELS],
                 zh)


def alpha_bands_text(zh):
    """GB 18218 Table 5: '≥ 100 → 2.0; 50–99 → 1.5; …; 0 → 0.5'."""
    parts, upper = [], None
    for band in gb18218.ALPHA_BANDS:  # highest first
        if upper is None:
            people = f"≥ {band.min_people}"
        elif upper - 1 == band.min_people:
            people = f"{band.min_people}"
        else:
            people = f"{band.min_people}–{upper - 1}"
        parts.append(f"{people} → {band.alpha:.1f}")
        upper = band.min_people
    return _list(parts, zh)


def grade_bands_text(zh):
    """GB 18218 Table 6: '一级 R ≥ 100; 二级 50 ≤ R < 100; …; 四级 R < 10'."""
    parts, upper = [], None
    for band in gb18218.GRADE_BANDS:  # most severe first
        if upper is None:
            parts.append(f"{band.label_zh} R ≥ {number(band.min_r)}")
        elif band.min_r == float("-inf"):
            parts.append(f"{band.label_zh} R < {number(upper)}")
        else:
            parts.append(f"{band.label_zh} {number(band.min_r)} ≤ R < {number(upper)}")
        upper = band.min_r
    return _list(parts, zh)


def grade_levels_text(preset, zh):
    """A grade → level preset: '一级 → 1 red, 二级 → 2 orange, …'."""
    levels = {lv.level: lv for lv in RISK_LEVELS}
    return _join([f"{band.label_zh} → {level} {levels[level].colour_name_zh if zh else levels[level].colour_name_en}"
                  for band, level in zip(gb18218.GRADE_BANDS, preset.grade_to_level)], zh)


def cut_sets_text(zh):
    """One line per PRESET option: '0 LEC: D ≥ 320 / 160 / 70: D ≥ 320 → 1; 160 ≤ D < 320 → 2; …'."""
    lines = []
    for index, cut_set in enumerate(CUT_SETS):
        bands = [f"{band} → {level}" for level, band in enumerate(cut_set.bands(), start=1)]
        if cut_set.method == MATRIX:
            bands[0] = "R " + bands[0]
        lines.append(f"{index} {cut_set.label}{'：' if zh else ': '}{_list(bands, zh)}")
    return "\n".join(lines)


def lec_values_text():
    return tuple(", ".join(number(v) for v in values) for values in (LEC_L_VALUES, LEC_E_VALUES, LEC_C_VALUES))


def class_limits_text(zh):
    """Station classes with the same limit together: 'special and class1 ≤ 7 km², class2 ≤ 4 km², …'."""
    groups = {}
    for limit in fs.STATION_CLASS_LIMITS:
        groups.setdefault(limit.max_district_km2, []).append(limit.name_zh if zh else limit.code)
    limits = [f"{('与' if zh else ' and ').join(names)} ≤ {number(km2)} km²" for km2, names in groups.items()]
    return _list(limits, zh) if zh else _join(limits, zh)


def speed_preset_text(preset, zh):
    """'expressway/trunk 60, primary/secondary 50, other 40 km/h' (classes at the 'other' speed fold in)."""
    groups = {}
    for road_class, speed in preset.speeds_kmh.items():
        if speed != preset.other_kmh:
            groups.setdefault(speed, []).append(fs.ROAD_CLASS_NAMES_ZH[road_class] if zh else road_class)
    parts = [f"{'/'.join(classes)} {number(speed)}" for speed, classes in groups.items()]
    other = translate("Help", "other")
    parts.append(f"{other} {number(preset.other_kmh)}")
    return _join(parts, zh) + " km/h"


def shelter_radii_text(zh):
    """'emergency 500 m, fixed_short 1000 m, …' from the default shelter type table."""
    return _join([f"{t.name_zh if zh else t.code} {number(t.radius_m)} m" for t in DEFAULT_SHELTER_TYPES], zh)


def counted_types_text(zh):
    return _join([t.name_zh if zh else t.code for t in DEFAULT_SHELTER_TYPES if t.counts_per_capita], zh)


def yes_no_words_text(zh):
    """'true/false, t/f, …, 是/否, …': the true and false words, pairwise as the table lists them
    (Chinese ones first in Chinese)."""
    true = [w for w, v in YES_NO_WORDS.items() if v]
    false = [w for w, v in YES_NO_WORDS.items() if not v]
    pairs = [f"{t}/{f}" for t, f in zip(true, false)]
    if zh:
        pairs = [p for p in pairs if not p.isascii()] + [p for p in pairs if p.isascii()]
    return _join(pairs, zh)


# ---------------------------------------------------------------- the help texts

def create_template():
    from qgis.core import QgsCoordinateReferenceSystem

    from ..layers.project import input_title
    from ..layers.schemas import ASSESSMENT_INPUTS, TEMPLATE_CRS

    zh = is_chinese()
    layers = _join([f"{input_title(i, 'zh' if zh else 'en')} ({i.layer})" for i in ASSESSMENT_INPUTS], zh)
    crs = QgsCoordinateReferenceSystem(TEMPLATE_CRS)
    return translate(
        "Help", "Writes an empty GeoPackage holding every layer Risk Atlas reads — {0} — with their fields, field "
        "aliases (Chinese or English) and default styles. Fill it from the bureau's ledgers, then run 'Validate "
        "input layers'.\n\n"
        "Use a projected CRS in metres (default {1}, {2}; choose the zone of your county)."
    ).format(layers, TEMPLATE_CRS, crs.description())


def validate_inputs():
    from ..layers.schemas import SCHEMAS

    quantity = SCHEMAS["hazard_sources"].field_by_name["quantity_t"]
    return translate(
        "Help", "Checks the input layers against the Risk Atlas schemas (the fields of the data template) and writes a "
        "report table and an HTML summary.\n\n"
        "Checks: empty layer; missing or geographic CRS (geographic layers are reprojected to a local projected "
        "CRS by the analyses: a warning); layers in different CRSs (warning: reprojected to the first layer's "
        "CRS); missing required fields; wrong field types (numbers stored as text are a warning when every value "
        "parses; yes/no fields take {1}, in any case); empty required values; null, invalid (warning: repaired) "
        "or wrongly typed geometries; duplicate ids; negative or implausible values (e.g. quantity above {0} t); "
        "unknown codes (shelter type, station class, road class, direction, hazard category); LEC values outside "
        "the LEC tables (warning); GBK-encoded shapefiles without a .cpg file (warning: set the layer's data "
        "source encoding to GBK).\n\n"
        "Every input is optional: give the layers you have. The algorithm succeeds even when errors are found, "
        "unless 'Fail when errors are found' is ticked. Input layers are never modified."
    ).format(f"{quantity.maximum:,.0f}", yes_no_words_text(is_chinese()))


def grade_hazard_sources():
    zh = is_chinese()
    preset = gb18218.GRADE_LEVEL_PRESETS[0]
    top = gb18218.GRADE_BANDS[0]
    return translate(
        "Help", "Identifies and grades major hazard sources after {0} from hazard records (one feature per unit and "
        "substance) and writes one feature per unit.\n\n"
        "Per record: q = design maximum quantity (t); Q = critical quantity from Table 1 by substance (CAS "
        "number, Chinese or English name or alias, e.g. 氯 / 液氯 / chlorine / 7782-50-5), else from Table 2 by "
        "the record's hazard category (e.g. W2, W5.2, J1; with several categories the lowest Q); β from Table 3 "
        "for its toxic gases, else Table 4 by category (several categories: the highest β).\n"
        "Per unit: S = Σ q/Q; S ≥ {1} makes it a major hazard source. α from the people within {2} m outside the "
        "unit: {3}. R = α · Σ β·q/Q. Grade: {4}. Every lower bound is included (R = {5} is {6}, S = {1} is "
        "major).\n"
        "Risk level (preset '{7}'): {8}; a unit with S < {1} is not a major hazard source (no grade) and is "
        "level {9}.\n\n"
        "Exposed people: the exposed-people field when given (records of one unit that disagree: the largest, "
        "with a warning); otherwise, with a population layer, residents apportioned by area over the {2} m ring "
        "around a polygon unit (or the {2} m disc around a point unit), rounded to whole people.\n\n"
        "A substance neither in Table 1 nor given a category is an error naming the unit and feature; an empty "
        "quantity counts as 0 t (warning); a negative one is an error. The second output lists every record with "
        "q, Q, β, q/Q and the table each value came from. The unit geometry is its records merged."
    ).format(gb18218.STANDARD, number(gb18218.MAJOR_S_THRESHOLD), number(gb18218.EXPOSURE_RADIUS_M),
             alpha_bands_text(zh), grade_bands_text(zh), number(top.min_r), top.label_zh, preset.name,
             grade_levels_text(preset, zh), preset.non_major)


def enterprise_risk():
    zh = is_chinese()
    low, high = MATRIX_RANGE
    return translate(
        "Help",
        "Scores every enterprise and classes the score into the four risk levels ({0}) with a named cut set.\n\n"
        "METHOD 0 LEC: D = L × E × C (likelihood, exposure, consequence; the LEC tables give L {1}; E {2}; C {3} "
        "— other values are used as given, with a warning). METHOD 1 risk matrix: R = likelihood × severity, "
        "both whole numbers {4}–{5}.\n"
        "PRESET (empty = the method's first preset); a level's lower bound is included:\n"
        "{6}\n"
        "Both LEC cut sets circulate in Chinese practice, and matrix cuts vary between provincial guides: choose "
        "the one your jurisdiction uses.\n\n"
        "HAZARD_UNITS (optional, the output of 'Grade major hazard sources'): an enterprise that owns a graded "
        "unit (HAZARD_ENTERPRISE_FIELD = its id) takes at least that unit's risk_level (就高: the higher risk "
        "wins). level_source says whether the score or a hazard unit set the level; hazard_unit_id names that "
        "unit.\n\n"
        "Output: the enterprises with risk_score, score_level, hazard_level, hazard_unit_id, risk_level, "
        "risk_label_zh, risk_label_en, risk_colour, level_source, risk_method, risk_preset. Empty or invalid "
        "scores are errors naming the feature and field."
    ).format(risk_levels_text(zh), *lec_values_text(), low, high, cut_sets_text(zh))


def four_colour_map():
    zh = is_chinese()
    rule = AGGREGATION_RULES[CUMULATIVE_BASE3]
    return translate(
        "Help", "The regional red-orange-yellow-blue safety-risk map (红橙黄蓝四色安全风险空间分布图): every area (UNITS "
        "polygons such as townships or communities, or else square cells of CELL_SIZE metres over EXTENT) gets "
        "a risk level {0} from the risk sources around it.\n\n"
        "Sources: ENTERPRISES and/or HAZARD_UNITS, any layers with a risk_level field 1..4 (the outputs of "
        "'Enterprise risk level' and 'Grade major hazard sources').\n"
        "RADII: influence radius in metres of a level 1, 2, 3 and 4 source (default {1}). A source reaches an "
        "area when the exact distance between them is less than its radius (no segmented buffers; an area "
        "exactly at the radius is not reached).\n"
        "AGGREGATION 0 (就高, default): the area takes the highest risk (lowest level number) of the sources "
        "reaching it; an area no source reaches is level 4 (low, blue).\n"
        "AGGREGATION 1 (cumulative score): every source reaching the area adds {2} for a source of level "
        "1 / 2 / 3 / 4; score ≥ {3} → level 1, ≥ {4} → 2, ≥ {5} → 3, otherwise 4 (lower bounds included). Three "
        "sources of one level weigh as one of the next higher level, so clusters escalate; an area is never "
        "lower than with AGGREGATION 0.\n\n"
        "Grid: the cells start at the lower-left corner of EXTENT (empty: the sources' extent grown by the "
        "largest radius) and the extent grows right and up to whole cells.\n"
        "Output fields: risk_level, risk_label_zh, risk_label_en, risk_colour, n_level1 … n_level4 (sources of "
        "each level reaching the area), source_id / source_layer / source_dist_m (the nearest source of the "
        "highest level reaching the area), risk_score (the cumulative score) and, with POPULATION, residents "
        "(apportioned by area; totals per level are reported in the log and as outputs).\n"
        "The map is styled with the four-colour palette; its legend reads {6} ({7} when QGIS runs in English)."
    ).format(risk_levels_text(zh), ",".join(number(r) for r in DEFAULT_RADII_M),
             " / ".join(number(w) for w in rule.weights), *(number(c) for c in rule.cuts),
             " / ".join(lv.label_zh for lv in RISK_LEVELS), " / ".join(lv.label_en for lv in RISK_LEVELS)) + "\n\n" + \
        translate(
            "Help", "OUTPUT_RASTER (grid only): the levels as a paletted GeoTIFF, one byte per cell — whole cells "
            "whose centre lies in STUDY_AREA (every cell when it is not given) hold their level, the others no "
            "data (0) — with the palette as its colour table and the legend in a .qml beside it. OUTPUT (the "
            "polygons) and OUTPUT_RASTER may each be left out, not both.")


def fire_station_reach():
    zh = is_chinese()
    return translate(
        "Help", "Which land, residents and targets each fire station reaches within TIME_LIMIT minutes of the dispatch "
        "order (建标152-2017 §14 / GB 51080-2015 §4.1: {0} min = turnout, conventionally {1} min, + driving), on "
        "the road network, and whether its district respects the class limit ({2}).\n\n"
        "Network as in QGIS's network analysis: every vertex is a node, lines join where they share a vertex, "
        "one-way values relative to the digitising direction. Speed per road: SPEED_FIELD when > 0, else the "
        "road class's preset speed ({3}), else DEFAULT_SPEED. A station enters at the nearest point of the "
        "nearest road (the off-road leg costs nothing); stations farther than SNAP_TOLERANCE are listed and left "
        "out. One search from all stations at once, each starting with its turnout time; roads are cut where two "
        "stations meet (equal time) and where time runs out. A suburban station (SUBURBAN_FIELD: {4}) has the "
        "suburban limit whatever its class.\n\n"
        "Land rule: land is reached when a reached road within ACCESS_DISTANCE is reached, at the earliest such "
        "time; where access zones overlap, the earlier arrival wins (no overlaps). It is evaluated on a grid of "
        "ACCESS_DISTANCE/8 (the log gives it), only near the roads reached. Districts: DISTRICTS (each polygon "
        "belongs to the station inside it), else the land each station reaches first with no time limit — "
        "computed only when some station has a class or the suburban flag to compare its district with (it "
        "takes a search of the whole network); otherwise the district fields stay empty. Residents: population "
        "apportioned by area.\n\n"
        "Outputs: reached roads (station_id, arrival_min = time the piece is fully reached), optionally the "
        "reached roads by time band (OUTPUT_EDGES_BANDS: one line per station and band of BAND_MIN minutes, "
        "band_from_min ≤ time < band_to_min, the last band ending at TIME_LIMIT), one area per station "
        "with reach_km2, residents, district_km2, class limit, exceeds_limit and the share of the district reached "
        "in time, gaps, targets' arrival time, a summary table and an HTML report."
    ).format(number(fs.TIME_RULE_MIN), number(fs.TURNOUT_CONVENTION_MIN), class_limits_text(zh),
             speed_preset_text(fs.SPEED_PRESETS[fs.DEFAULT_SPEED_PRESET], zh), yes_no_words_text(zh))


def shelter_per_capita():
    zh = is_chinese()
    return translate(
        "Help", "Effective shelter area per resident against the planning target (城镇人均固定避难场所面积 ≥ {0} m²), per "
        "township, per population cell and per shelter.\n\n"
        "METHOD 0 administrative: per unit (UNITS, e.g. townships), the effective area of the counted shelters "
        "whose centroid lies in the unit ÷ the unit's residents (population features apportioned by area "
        "overlap). OUTPUT = the units.\n"
        "METHOD 1 catchment (two-step floating catchment, 2SFCA): a shelter serves every population feature "
        "whose centroid is within RADIUS of its centroid (straight line, the radius included). Its served "
        "residents are the sum of those features' residents; each feature gets the sum, over the shelters in "
        "reach, of shelter area ÷ served residents. OUTPUT = the population features.\n"
        "METHOD 2 network catchment: the same with walking distance along ROADS (off-road legs to and from the "
        "roads included; roads whose 'class' is {1} are not walked along).\n\n"
        "deficit_m2 is the area still needed to reach TARGET; no_shelter flags residents beyond every shelter's "
        "radius; features without residents get no indicator (NULL). A value equal to the target meets it.\n"
        "OUTPUT_SHELTERS: each counted shelter's served residents (2SFCA demand; a resident in reach of several "
        "shelters counts at each), m² per served person, overloaded = fewer than TARGET m² per served person or "
        "more served residents than its capacity (CAPACITY_FIELD). With METHOD 0 these use the straight-line "
        "catchment.\n"
        "Summary table and HTML: per unit and county-wide indicator, share of residents meeting the target "
        "(METHOD 0: residents of units meeting it; 1–2: residents whose 2SFCA figure meets it), residents with "
        "no shelter in reach, total deficit.\n\n"
        "SHELTERS_2: a second shelter layer with the same fields (e.g. assembly points beside site polygons); the "
        "shelter load output then holds both (as centroid points when the geometry types differ).\n"
        "TYPES: which shelter types count (default {2}; the others do not count toward the per-capita "
        "indicator). RADIUS empty = each type's radius from the type table (GB 51143-2015 evacuation distances; "
        "central shelters as long-term ones): {3}. TYPE_TABLE: a CSV or JSON file replacing that table. "
        "AREA_FIELD empty = polygon area. URBAN_ONLY counts only residents whose 'urban' field is true, when the "
        "layer has it.\n\n"
        "Bad input stops with a message naming the layer, feature and field: missing or negative areas, unknown "
        "types, NULL or negative residents. Geographic layers are reprojected to a local projected CRS (said in "
        "the log); the other layers to the shelters' CRS."
    ).format(number(TARGET_M2_PER_CAPITA), "/".join(NOT_WALKABLE_CLASSES), counted_types_text(zh),
             shelter_radii_text(zh))


def full_assessment():
    from ..assessment.chain import STEPS

    steps = "\n".join(f"{n}. {translate('Chain', step.summary)}" for n, step in enumerate(STEPS, 1))
    return translate(
        "Help", "Runs the whole assessment on a county's layers in one go and writes everything into OUTPUT_FOLDER:\n"
        "{0}\n\n"
        "Files: risk_atlas_results.gpkg (every result layer and a provenance table: algorithm, version and "
        "parameters of each step), risk_atlas.qgz (a QGIS project with the layers styled and the atlas layouts), "
        "risk_atlas.pdf, png/ (one image per page) and HTML reports. The options have the same meaning and "
        "defaults as in the single algorithms. Input layers are never modified; the result GeoPackage appears "
        "only when every step succeeded."
    ).format(steps)


HELP = {
    "createtemplate": create_template,
    "validateinputs": validate_inputs,
    "gradehazardsources": grade_hazard_sources,
    "enterpriserisk": enterprise_risk,
    "fourcolourmap": four_colour_map,
    "firestationreach": fire_station_reach,
    "shelterpercapita": shelter_per_capita,
    "fullassessment": full_assessment,
}
