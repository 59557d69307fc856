"""Help texts of the algorithms (``HELP[algorithm id](algorithm)``), in the words the dialog shows.

Each text is a translatable sentence template (context "Help"). Numbers, bands and code lists are
positional placeholders ({0}, {1} …) rendered from ``core.standards`` and ``layers.schemas`` when the
help is shown (``help_tables``); parameters are named placeholders ({TIME_LIMIT}) filled with the
parameter's label as the dialog shows it, quoted, and an option of a choice with ``{NAME_i}``;
other algorithms are named placeholders ({enterpriserisk}) filled with their display names — so a
help text never shows a parameter code nor restates a standard's number by hand. Each says what to
run first.
"""
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication

from ..core.standards import fire_stations as fs
from ..core.standards import gb18218
from ..core.standards.risk_levels import RISK_LEVELS
from ..core.standards.risk_presets import (AGGREGATION_RULES, CUMULATIVE_BASE3, DEFAULT_RADII_M, MATRIX_RANGE)
from ..core.standards.shelters import NOT_WALKABLE_CLASSES, TARGET_M2_PER_CAPITA
from ..layers.schemas import POPULATION_POINT_SQUARE_M
from ..support.i18n import is_chinese
from .help_tables import (_join, _list, alpha_bands_text, class_limits_text, code_examples_text,  # noqa: F401
                          code_names_text, counted_types_text, cut_sets_text, grade_bands_text, grade_levels_text,
                          header_examples_text, lec_values_text, maxspeed_text, number, risk_levels_text,
                          shelter_radii_text, speed_preset_text, speed_table_text, yes_no_words_text)
from .help_tables import danger_grades_text, hazard_level_presets_text, response_presets_text

translate = QCoreApplication.translate


def QT_TRANSLATE_NOOP(context, text):  # noqa: N802 (the name pylupdate5 looks for; translated in _render)
    return text

ALGORITHM_IDS = ("createtemplate", "validateinputs", "gradehazardsources", "enterpriserisk", "fourcolourmap",
                 "firestationreach", "firestationsiting", "shelterpercapita", "resourcecoverage", "exportatlas",
                 "fullassessment", "importlayer", "incidentsurroundings", "comparescenarios")


def _quoted(text):
    return f"“{text}”"


def words(algorithm_id, algorithm=None):
    """{parameter: its label, quoted; parameter_i: its i-th option; algorithm id: its display name}."""
    registry = QgsApplication.processingRegistry()
    algorithm = algorithm or registry.algorithmById(f"riskatlas:{algorithm_id}")
    found = {}
    for other in ALGORITHM_IDS:
        registered = registry.algorithmById(f"riskatlas:{other}")
        found[other] = _quoted(registered.displayName() if registered is not None else other)
    if algorithm is not None:
        for definition in algorithm.parameterDefinitions():
            found[definition.name()] = _quoted(definition.description())
            for index, option in enumerate(getattr(definition, "options", lambda: [])() or []):
                found[f"{definition.name()}_{index}"] = _quoted(option)
    return found


def _render(algorithm_id, algorithm, template, *numbers):
    return translate("Help", template).format(*numbers, **words(algorithm_id, algorithm))


def create_template(algorithm=None):
    from qgis.core import QgsCoordinateReferenceSystem

    from ..layers.project import input_title
    from ..layers.schemas import ASSESSMENT_INPUTS, TEMPLATE_CRS

    zh = is_chinese()
    layers = _join([f"{input_title(i, 'zh' if zh else 'en')} ({i.layer})" for i in ASSESSMENT_INPUTS], zh)
    return _render("createtemplate", algorithm,
                   QT_TRANSLATE_NOOP("Help", "Writes an empty GeoPackage holding every layer Risk Atlas reads — {0} — with their fields, field "
                   "aliases (in the language chosen in {ALIAS_LANGUAGE}), drop-down value maps for the coded fields and "
                   "default styles. This is where to begin with a county's own data: fill the layers from the bureau's "
                   "ledgers, then run {validateinputs}.\n\n"
                   "Choose a projected CRS in metres in {CRS} (default {1}, {2}; choose the zone of your county).\n\n"
                   "{OUTPUT_XLSX_FOLDER} (optional): also one Excel workbook per layer, to fill in Excel — headers in "
                   "the language chosen in {ALIAS_LANGUAGE}, drop-down lists for the coded fields, number checks and an "
                   "instructions sheet. Bring a filled workbook in with {importlayer} (needs the Python package "
                   "openpyxl)."),
                   layers, TEMPLATE_CRS, QgsCoordinateReferenceSystem(TEMPLATE_CRS).description())


def import_layer(algorithm=None):
    zh = is_chinese()
    return _render(
        "importlayer", algorithm,
        QT_TRANSLATE_NOOP("Help", "Turns a bureau's own ledger — Excel (xlsx; the first sheet, or 'file.xlsx|layername=sheet'), CSV "
        "(UTF-8 or GBK), a shapefile (GBK without .cpg is detected), GeoJSON or a GeoPackage layer — into a layer "
        "of one Risk Atlas kind, in the schema the other algorithms read. Nothing needs to run first; next: "
        "{validateinputs}, then {fullassessment} (which also imports raw ledgers itself).\n\n"
        "Headers: the header row is found within the first rows (a merged title row above it is skipped); every "
        "column is read as text first (credit codes and leading zeros survive); headers are matched through one "
        "synonym table of Chinese and English variants ({0} …); {FIELD_MAP} wins over it (full-width ＝ and ； "
        "accepted; 源列=- drops a column). {KIND}: left empty, the headers say which kind the ledger is.\n"
        "Values: coded fields go through one code table, the same validation and every algorithm use — {1}; "
        "yes/no fields take {2}; numbers may carry units (12吨, 500 kg, 1.2万人), thousands separators (1,200) "
        "and full-width digits.\n"
        "Places: longitude/latitude columns (one or two; decimals or 度分秒; recognised, or {X_FIELD} and "
        "{Y_FIELD}), a WKT column, or the layer's geometry. {COORDINATES}: {COORDINATES_0} is the default; "
        "{COORDINATES_2} and {COORDINATES_3} are converted to WGS 84 "
        "by the public formula with an iterative inverse (a point's round trip is below a millimetre); exchanged longitude/latitude are "
        "found and swapped back per row; projected coordinate columns need {SOURCE_CRS}. The output is in "
        "{TARGET_CRS}, by default the CGCS2000 3-degree Gauss-Krüger zone of the centre of {STUDY_AREA} (else of "
        "the data); places outside {STUDY_AREA} are listed.\n\n"
        "Report ({OUTPUT_REPORT} and {OUTPUT_HTML}, in the UI language): every mapped, unmapped and ambiguous "
        "header and every recoded, unknown or unparseable value, by the row number Excel shows (a layer: the "
        "feature id). Nothing is guessed: an ambiguous header or value, a missing required field or an unknown "
        "kind stops the import and says what to set; only its report is written then. Values are imported as "
        "written: the layer rules (negative values, values beyond the largest possible, duplicate ids, invalid "
        "geometries …) are {validateinputs}' and the analyses'. {OUTPUT} carries drop-down value maps for its "
        "coded fields and is styled as its kind."),
        header_examples_text(), code_examples_text(zh), yes_no_words_text(zh))


def validate_inputs(algorithm=None):
    from ..layers.schemas import SCHEMAS

    quantity = SCHEMAS["hazard_sources"].field_by_name["quantity_t"]
    return _render(
        "validateinputs", algorithm,
        QT_TRANSLATE_NOOP("Help", "Run this first (a ledger in the bureau's own format: {importlayer} before it): it checks the "
        "input layers against the Risk Atlas schemas (the fields of the data template) and writes a report table and an HTML summary. Every input is optional: give the layers you "
        "have. The dialog pre-selects the project's layer of each kind; a layer that looks like another kind (by "
        "its fields or its name) stops the run before anything is checked.\n\n"
        "The rules are the ones the analyses apply to the same values (an error here stops the analysis there, "
        "a warning is repaired or used as given there too), plus the fields the method chosen in {METHOD} needs "
        "(LEC: lec_l, lec_e, lec_c; matrix: likelihood, severity). Checks: empty layer; missing or geographic "
        "CRS (geographic layers are reprojected to a local projected CRS by the analyses: a warning); layers in "
        "different CRSs (warning: reprojected to the first layer's CRS); missing required fields; wrong field "
        "types (numbers stored as text are a warning when every value parses; infinity is no number; yes/no "
        "fields take {1}, in any case); empty required values (an empty quantity counts as 0 t: a warning); "
        "null, invalid (warning: repaired) or wrongly typed geometries; duplicate ids; negative values, values "
        "beyond the largest possible (errors, e.g. quantity above {0} t) and implausibly large ones (warnings, "
        "e.g. quantity above {2} t); unknown or ambiguous codes — Chinese names of the code table count as their "
        "codes: {3} … — (shelter type and hazard category: errors; station class, road class, direction and the "
        "urban flag: warnings, as the analyses use them anyway); substances GB 18218-2018 cannot resolve; LEC "
        "values outside the LEC tables (warning); GBK-encoded shapefiles without a .cpg file (warning: set the "
        "layer's data source encoding to GBK). Each finding names the layer, the feature (its id, then its fid) "
        "and the field.\n\n"
        "The algorithm succeeds even when errors are found, unless {FAIL_ON_ERROR} is ticked (then it writes "
        "nothing). Input layers are never modified. Next: {fullassessment}, or the analyses one by one."),
        f"{quantity.maximum:,.0f}", yes_no_words_text(is_chinese()), f"{quantity.plausible:,.0f}",
        code_names_text(is_chinese()))


def grade_hazard_sources(algorithm=None):
    zh = is_chinese()
    preset = gb18218.GRADE_LEVEL_PRESETS[0]
    top = gb18218.GRADE_BANDS[0]
    return _render(
        "gradehazardsources", algorithm,
        QT_TRANSLATE_NOOP("Help", "Identifies and grades major hazard sources after {0} from {INPUT} and writes one feature per unit. Run {validateinputs} first.\n\n"
        "Per record: q = design maximum quantity (t); Q = critical quantity from Table 1 by substance (CAS "
        "number, Chinese or English name or alias, e.g. 氯 / 液氯 / chlorine / 7782-50-5), else from Table 2 by "
        "the record's hazard category (e.g. W2, W5.2, J1; with several categories the lowest Q); β from Table 3 "
        "for its toxic gases, else Table 4 by category (several categories: the highest β).\n"
        "Per unit: S = Σ q/Q; S ≥ {1} makes it a major hazard source. α from the people within {2} m outside the "
        "plant boundary (厂区边界): {3}. R = α · Σ β·q/Q. Grade: {4}. Every lower bound is included (R = {5} is "
        "{6}, S = {1} is major).\n"
        "Risk level (preset '{7}'): {8}; a unit with S < {1} is not a major hazard source (no grade) and is "
        "level {9}.\n\n"
        "Exposed people: {EXPOSED_FIELD} when given (records of one unit that disagree: the largest, with a "
        "warning); otherwise, with {POPULATION}, residents apportioned by area over the {2} m ring outside the "
        "boundary, rounded to whole people. The boundary is the plant's when the unit's enterprise "
        "({ENTERPRISE_FIELD}) is a polygon in {ENTERPRISES} (matched by {ENTERPRISES_ID_FIELD}), else the unit's "
        "own (a polygon unit: its ring; a point unit: the {2} m disc); the field 'boundary' says which (plant "
        "or unit).\n\n"
        "A substance neither in Table 1 nor given a category is an error naming the unit and feature; an empty "
        "quantity counts as 0 t (warning); a negative one is an error. {DETAILS} lists every record with q, Q, β, "
        "q/Q and the table each value came from. The unit geometry is its records merged. Next: "
        "{enterpriserisk} and {fourcolourmap} take {OUTPUT}."),
        gb18218.STANDARD, number(gb18218.MAJOR_S_THRESHOLD), number(gb18218.EXPOSURE_RADIUS_M),
        alpha_bands_text(zh), grade_bands_text(zh), number(top.min_r), top.label_zh, preset.name,
        grade_levels_text(preset, zh), preset.non_major)


def enterprise_risk(algorithm=None):
    zh = is_chinese()
    low, high = MATRIX_RANGE
    return _render(
        "enterpriserisk", algorithm,
        QT_TRANSLATE_NOOP("Help", "Scores every enterprise of {INPUT} and classes the score into the four risk levels ({0}) with a named "
        "cut set. Run {gradehazardsources} first when enterprises own major hazard sources.\n\n"
        "{METHOD}: {METHOD_0}: D = L × E × C (likelihood, exposure, consequence; the LEC tables give L {1}; E {2}; "
        "C {3} — other values are used as given, with a warning). {METHOD_1}: R = likelihood × severity, both "
        "whole numbers {4}–{5}.\n"
        "{PRESET}; a level's lower bound is included:\n"
        "{6}\n"
        "Both LEC cut sets circulate in Chinese practice, and matrix cuts vary between provincial guides: choose "
        "the one your jurisdiction uses.\n\n"
        "{HAZARD_UNITS} (optional, what {gradehazardsources} writes): an enterprise that owns a graded unit "
        "({HAZARD_ENTERPRISE_FIELD} = its id) takes at least that unit's risk_level (就高: the higher risk wins). "
        "level_source says whether the score or a hazard unit set the level; hazard_unit_id names that unit.\n\n"
        "Output: the enterprises with risk_score, score_level, hazard_level, hazard_unit_id, risk_level, "
        "risk_label_zh, risk_label_en, risk_colour, level_source, risk_method, risk_preset. Empty or invalid "
        "scores are errors naming the feature and field. Next: {fourcolourmap} takes {OUTPUT}."),
        risk_levels_text(zh), *lec_values_text(), low, high, cut_sets_text(zh))


def four_colour_map(algorithm=None):
    zh = is_chinese()
    rule = AGGREGATION_RULES[CUMULATIVE_BASE3]
    return _render(
        "fourcolourmap", algorithm,
        QT_TRANSLATE_NOOP("Help", "The regional red-orange-yellow-blue safety-risk map (红橙黄蓝四色安全风险空间分布图): every area gets a "
        "risk level {0} from the risk sources around it.\n\n"
        "Run first: {enterpriserisk} and/or {gradehazardsources}. {ENTERPRISES} and {HAZARD_UNITS} are their "
        "outputs (any layer with a risk_level field 1..4); the enterprise layer as imported has no risk level and "
        "is refused.\n"
        "Areas: the polygons of {UNITS}, or else square cells of {CELL_SIZE} over {EXTENT} (empty: the extent of "
        "{STUDY_AREA}, else the sources' extent grown by the largest radius; the cells start at its lower-left "
        "corner and it grows right and up to whole cells).\n"
        "{RADII}: in metres, default {1}. A source reaches an area when the exact distance between them is less "
        "than its radius (no segmented buffers; an area exactly at the radius is not reached).\n"
        "{AGGREGATION}: {AGGREGATION_0} (default): the area takes the highest risk (lowest level number) of the "
        "sources reaching it; an area no source reaches is level 4 (low, blue). {AGGREGATION_1}: every source "
        "reaching the area adds {2} for a source of level 1 / 2 / 3 / 4; score ≥ {3} → level 1, ≥ {4} → 2, "
        "≥ {5} → 3, otherwise 4 (lower bounds included). Three sources of one level weigh as one of the next "
        "higher level, so clusters escalate; an area is never lower than with {AGGREGATION_0}.\n"
        "{STUDY_AREA}: the areas are classified whole, then cut to it; an area crossing its boundary keeps the "
        "level of the whole area, and its geometry, area and residents are those of the part inside; areas "
        "outside are left out, so nothing of the map lies outside the study area.\n\n"
        "Output fields: risk_level, risk_label_zh, risk_label_en, risk_colour, n_level1 … n_level4 (sources of "
        "each level reaching the area), source_id / source_layer / source_dist_m (the nearest source of the "
        "highest level reaching the area), risk_score (the cumulative score) and, with {POPULATION}, residents "
        "(apportioned by area; totals per level are reported in the log and as outputs). The map is styled with "
        "the four-colour palette; its legend reads {6} ({7} when QGIS runs in English). Next: {exportatlas}."),
        risk_levels_text(zh), ",".join(number(r) for r in DEFAULT_RADII_M),
        " / ".join(number(w) for w in rule.weights), *(number(c) for c in rule.cuts),
        " / ".join(lv.label_zh for lv in RISK_LEVELS), " / ".join(lv.label_en for lv in RISK_LEVELS)) \
        + "\n\n" + _render(
        "fourcolourmap", algorithm,
        QT_TRANSLATE_NOOP("Help", "Natural hazards: {NATURAL_HAZARDS} (自然灾害隐患点 / 风险区: points or polygons with the fields of the "
        "data template) are risk sources beside the work-safety ones; each gets its level 1..4 by "
        "{HAZARD_LEVEL_PRESET}:\n{0}\n"
        "险情等级 (国家突发地质灾害应急预案; the more severe of people threatened and potential loss, lower bounds "
        "included): {1}. A site with no value the preset reads stops the run, naming it. source_layer is "
        "natural_hazards where a site or zone set an area's level, and the log says how many sources of each "
        "kind were combined; {exportatlas} prints which kinds set the map's levels."),
        hazard_level_presets_text(zh), danger_grades_text(zh)) \
        + "\n\n" + _render("fourcolourmap", algorithm, QT_TRANSLATE_NOOP(
            "Help", "{OUTPUT_RASTER}: the levels as a paletted GeoTIFF, one byte per cell — whole cells "
            "whose centre lies in {STUDY_AREA} (every cell when it is not given) hold their level, the others no "
            "data (0) — with the palette as its colour table and the legend in a .qml beside it. {OUTPUT} and "
            "{OUTPUT_RASTER} may each be left out, not both."))


def fire_station_reach(algorithm=None):
    zh = is_chinese()
    return _render(
        "firestationreach", algorithm,
        QT_TRANSLATE_NOOP("Help", "Which land, residents and targets each of {STATIONS} reaches within {TIME_LIMIT} of the dispatch order "
        "(建标152-2017 §14 / GB 51080-2015 §4.1: {0} min = turnout, conventionally {1} min, + driving) on "
        "{ROADS}, and whether its district respects the class limit ({2}). For {TARGETS} run {enterpriserisk} "
        "(and {gradehazardsources}) first: their outputs are the usual targets.\n\n"
        "Network as in QGIS's network analysis: every vertex is a node, lines join where they share a vertex, "
        "one-way values relative to the digitising direction ({DIRECTION_FIELD}). Speed per road: {SPEED_FIELD} "
        "when > 0, else a parseable posted limit ({MAXSPEED_FIELD}: a number, with or without a unit, or a "
        "national default: {5}; several values: the lowest) × the table's maxspeed factor, else the road class's "
        "speed from {SPEED_PRESET} (or {SPEED_TABLE}), else {DEFAULT_SPEED}. No standard gives fire-engine "
        "speeds: option 0 is a project preset ({3}); options 1–3 are {6} × the design speed of JTG B01-2014 and "
        "CJJ 37-2012 (a project factor: fire engines drive below design speed). {SPEED_PRESET_1}: {7}. "
        "{SPEED_PRESET_2} (codes 1–4 = 一级…四级): {8}. {SPEED_PRESET_3} (codes 1–4 = 快速路…支路): {9}. A class at "
        "0 is left out of the network. The log, the HTML report and the outputs' provenance list the speeds used.\n"
        "Directions: {VALUE_FORWARD} / {VALUE_BACKWARD} / {VALUE_BOTH} are lists separated by ; (OSM yes / -1 / no, "
        "是 / 否, 单行 / 双向 …); other values are read through the code table; reversible (潮汐) roads are driven "
        "both ways and counted. A GDAL OSM 'lines' layer works as it is: highway, oneway, maxspeed and junction are "
        "read from its other_tags column (roundabouts and motorways are one-way unless tagged otherwise).\n"
        "A station enters at the nearest point of the nearest road (the off-road leg costs nothing); stations "
        "farther than {SNAP_TOLERANCE} are listed and left out. One search from all stations at once, each starting "
        "with its turnout time ({TURNOUT_FIELD}, else {DEFAULT_TURNOUT}); roads are cut where two stations meet "
        "(equal time) and where time runs out. A suburban station ({SUBURBAN_FIELD}: {4}) has the suburban limit "
        "whatever its class.\n\n"
        "Land rule: land is reached when a reached road within {ACCESS_DISTANCE} is reached, at the earliest such "
        "time; where access zones overlap, the earlier arrival wins (no overlaps). It is evaluated on a grid of "
        "one eighth of that distance (the log gives it), only near the roads reached. Districts: {DISTRICTS} (each "
        "polygon belongs to the station inside it), else the land each station reaches first with no time limit — "
        "computed only when some station has a class or the suburban flag to compare its district with (it takes "
        "a search of the whole network); otherwise the district fields stay empty. Residents: {POPULATION} "
        "(polygons apportioned by area, points counted where they lie) or {POPULATION_RASTER}; {STUDY_AREA} bounds "
        "the land (e.g. the townships).\n\n"
        "Outputs: reached roads (station_id, arrival_min = time the piece is fully reached), optionally the reached "
        "roads by time band ({OUTPUT_EDGES_BANDS}: one line per station and band of {BAND_MIN}, band_from_min ≤ "
        "time < band_to_min, the last band ending at {TIME_LIMIT}), one area per station "
        "with reach_km2, residents, district_km2, class limit, exceeds_limit and the share of the district reached "
        "in time, gaps, targets' arrival time, a summary table and an HTML report. Next: {exportatlas}."),
        number(fs.TIME_RULE_MIN), number(fs.TURNOUT_CONVENTION_MIN), class_limits_text(zh),
        speed_preset_text(fs.SPEED_PRESETS[fs.DEFAULT_SPEED_PRESET], zh), yes_no_words_text(zh), maxspeed_text(),
        number(fs.FIRE_ENGINE_FACTOR), *(speed_table_text(p, zh) for p in list(fs.SPEED_PRESETS.values())[1:4]))


def resource_coverage(algorithm=None):
    zh = is_chinese()
    return _render(
        "resourcecoverage", algorithm,
        QT_TRANSLATE_NOOP("Help", "Which land, residents and key targets {RESOURCES} reach within a named time limit on {ROADS}, and what "
        "each township of {STUDY_AREA} leaves out — the emergency \"one map\"'s coverage of rescue forces and "
        "supplies. Nothing needs to run first ({validateinputs} checks the layers); {exportatlas} prints the "
        "result on the atlas's resources page.\n\n"
        "{RESOURCE_KIND}: rescue teams (应急救援队伍) or supply depots (应急物资储备库); it picks the id field and "
        "the time limit of {TIME_PRESET}'s first option. The limits count from the dispatch order — turnout (or "
        "loading) + driving; an arrival at exactly the limit is in time:\n{0}\n"
        "{TIME_LIMIT} and {DEFAULT_TURNOUT}, when given, replace the preset's. Each resource starts with its own "
        "turnout ({TURNOUT_FIELD}) where it gives one.\n\n"
        "The engine is {firestationreach}'s, with the resources as its stations: the same network (speeds, "
        "directions, {SNAP_TOLERANCE}), one search from all resources at once, the same land rule within "
        "{ACCESS_DISTANCE}, residents of {POPULATION} apportioned by area, and a key target's arrival taken at "
        "the target itself — so the times equal {firestationreach}'s for a station at the same place.\n\n"
        "Outputs: each resource's reach area (the land it reaches first in time: its residents and the key "
        "targets there), the gaps (land reached by none in time, with the residents and key targets in them), "
        "per township (the polygons of {STUDY_AREA}) the residents reached and left out — the analysis's own "
        "counts, placed in the townships by their residents, so they add up to its totals —, the key targets "
        "and their occupancy ({OCCUPANCY_FIELD}) left out, and every key target's arrival time. Bad input "
        "(negative turnout or occupancy, unknown team types or depot levels) stops with a message naming the "
        "layer, feature and field."),
        response_presets_text(zh))


def fire_station_siting(algorithm=None):
    from ..core.standards.siting_rules import SITING_RULE_SETS, DEFAULT_SITING_RULES
    from ..core.siting.solve import DEFAULT_TIME_LIMIT_S
    from ..core.standards.siting_weights import WEIGHT_PRESETS

    zh = is_chinese()
    rules = _list([f"{r.description_zh}（{r.cited(zh)}）" if zh else f"{r.description_en} ({r.cited(zh)})"
                   for r in SITING_RULE_SETS[DEFAULT_SITING_RULES]], zh)
    weights = _list([f"{p.label_zh if zh else p.label_en}: " + " / ".join(number(w) for w in p.by_level)
                     for p in WEIGHT_PRESETS], zh)
    return _render(
        "firestationsiting", algorithm,
        QT_TRANSLATE_NOOP("Help", "Where new fire stations should go. {STATIONS} stay where they are; new sites "
        "are chosen among {CANDIDATES} (empty: points along the main and secondary roads every "
        "{CANDIDATE_SPACING}). Coverage is exactly {firestationreach}'s land rule with the same road, speed, "
        "direction and turnout parameters: land within {ACCESS_DISTANCE} of a road reached within "
        "{TIME_LIMIT} of the dispatch order; so the figures after equal {firestationreach} run on the existing "
        "and the chosen stations. A new station has {DEFAULT_TURNOUT}.\n\n"
        "{OBJECTIVE}: {OBJECTIVE_0} (maximal covering location problem, MCLP) or {OBJECTIVE_1} (location set "
        "covering, LSCP: every resident and weighted target some candidate can reach; what none reaches is "
        "listed). Demand: residents of {POPULATION} on the land-rule grid, and {TARGETS} with their "
        "risk_level: {TIER_LIMITS} gives minutes per risk level 1..4 (e.g. 4,5,5,5), {WEIGHT_PRESET} their "
        "weight in residents per level 1 / 2 / 3 / 4 (a project choice, no standard weighs siting demand): {0}. "
        "Solved exactly with HiGHS (scipy.optimize.milp); within {2} s, else the best set found with its gap.\n\n"
        "Siting rules (a candidate breaking one is never chosen; a rule whose input is missing is skipped with "
        "a warning): {1}. The hazard rules apply to {TARGETS} layers of hazard sources or graded hazard units, "
        "the wind rule needs {PREVAILING_WIND_FROM}, the exit rule {CROWDED_PLACES}. The {3} m setback is the "
        "2017 text as two secondary copies give it (the 2011 text: {4} m), not checked against the official "
        "text.\n\n"
        "Outputs: {OUTPUT} (rank = greedy order within the optimal set, added_residents and added_targets = "
        "each site's marginal gain in that order, summing to the total), {OUTPUT_UNCOVERED} (residents' regions "
        "and targets still out of reach, arrival_limit_min, coverable = some candidate could reach it) and "
        "{OUTPUT_SUMMARY} (before / after)."), weights, rules, number(DEFAULT_TIME_LIMIT_S),
        number(SITING_RULE_SETS[DEFAULT_SITING_RULES][0].distance_m), number(SITING_RULE_SETS["gb51080_2015"][0].distance_m)) \
        + "\n\n" + siting_page_note(algorithm)


def siting_page_note(algorithm=None):
    """fire-station siting's OUTPUT_PAGE (atlas/siting_page.py) and where its sites go next."""
    return _render(
        "firestationsiting", algorithm,
        QT_TRANSLATE_NOOP("Help", "{OUTPUT_PAGE} (optional): the siting page for the atlas — one A4 landscape PDF "
        "page in the atlas's style, in {LANGUAGE}: the existing stations, the chosen sites with their rank, the "
        "demand still out of reach (hatched where a candidate could reach it, solid where none can), the coverage "
        "before and after, and the chosen sites ranked with the residents each adds. {OUTPUT} goes as it is into "
        "{fullassessment} as its proposed fire stations (today + plan)."))


def incident_surroundings(algorithm=None):
    return _render(
        "incidentsurroundings", algorithm,
        QT_TRANSLATE_NOOP("Help", "What surrounds an incident (周边分析), in seconds: for each feature of {INCIDENTS} — "
        "a point, a hazard unit or an enterprise polygon — the residents, key targets, enterprises, hazard units "
        "and shelters within {RINGS}, and the nearest fire stations, rescue teams and supply depots with their "
        "arrival. Nothing needs to run first; every layer but {INCIDENTS} is optional.\n\n"
        "Rings are cumulative: the ring of r metres is the buffer of r around the incident (a disc for a point), "
        "and a feature counts when it is within r of the incident (on the ring counts). The incident's own "
        "feature (the same geometry, e.g. the hazard unit the incident is) is not counted; a hazard unit's "
        "substance rows count once (by unit_id). Residents: {POPULATION} apportioned by area within each ring. "
        "Key targets: their number and occupancy ({OCCUPANCY_FIELD}). Shelters: spare capacity = capacity "
        "({CAPACITY_FIELD}; without one, the effective area ÷ {0} m² per person) − the residents "
        "{shelterpercapita} assigns to the shelter (its catchment method, defaults), never below 0.\n\n"
        "Responders: the {N_NEAREST} of each kind that arrive first on {ROADS}, with the rules of "
        "{firestationreach}: each starts after its turnout ({TURNOUT_FIELD}, else {DEFAULT_TURNOUT}), enters "
        "the network within {SNAP_TOLERANCE} and arrives when it reaches a road point within "
        "{ACCESS_DISTANCE} of the incident — so a fire station's arrival is {firestationreach}'s target arrival "
        "for the same point. distance_m is the straight-line distance. Without {ROADS} the nearest in a "
        "straight line are listed, without times. The road network is kept for the session: a second query on "
        "the same roads and parameters skips building it.\n\n"
        "Outputs: the rings (one row per incident and ring: incident_id, ring_m, residents, key_targets, "
        "key_target_occupancy, enterprises, hazard_units, shelter_spare_capacity), the responders (incident_id, "
        "kind, rank, responder_id, name, arrival_min, distance_m) and, when {OUTPUT_BRIEF} is given, a one-page "
        "PDF brief per incident in the language of {LANGUAGE}: the map with the rings, the ring table and the "
        "responders."),
        number(TARGET_M2_PER_CAPITA))


def compare_scenarios(algorithm=None):
    from ..core.scenarios import M2PC_TOLERANCE, RESIDENTS_TOLERANCE

    return _render(
        "comparescenarios", algorithm,
        QT_TRANSLATE_NOOP("Help", "What changes between two plans: {BEFORE} and {AFTER} are the results GeoPackages "
        "(risk_atlas_results.gpkg) of two runs of {fullassessment} — e.g. today, and today with proposed fire "
        "stations or a new shelter. Run {fullassessment} twice first (the same county, townships and time limit). "
        "A run is named by the run label stored in its provenance table, else by its folder or file name; a "
        "GeoPackage without the result layers is refused, naming the layers it lacks.\n\n"
        "Per township ({OUTPUT_TOWNSHIPS}, matched by town_id): residents covered by fire stations within the "
        "time limit before and after (covered_before, covered_after, covered_change, the shares of residents "
        "covered) — each run's own reach analysis (residents each station reaches first, and the gaps) placed in "
        "the townships by the four-colour map's residents, the figures of each run's township sheets, adding up to "
        "the county's residents covered — and the fixed-shelter m² per resident of each run's shelter analysis "
        "(m2pc_before, m2pc_after, m2pc_change); targets_gained / targets_lost count the targets in the township "
        "that gained or lost coverage.\n\n"
        "{OUTPUT_CHANGES}: one point per feature whose coverage changed (kind, id, name, before, after, change, "
        "unit, status). Kinds: enterprise (and hazard_unit, target: the fire-station reach's targets), key_target "
        "(the rescue teams' key targets) and key_target_supply (the supply depots'), when both runs have them: "
        "listed when covered in time (arrival ≤ the run's time limit, as the run's analysis judged it) in one run "
        "and not in the other; before and after are the arrival minutes (empty: not reached at all); status gained "
        "or lost, added or removed for a target only one run has. township: residents covered changed by at least "
        "{0}; shelter_township: m² per resident changed by at least {1} (smaller differences are rounding); status "
        "better or worse. Targets lie at their own points, townships at a point on their surface, so one point "
        "layer holds every kind (the geometry of {AFTER}).\n\n"
        "{OUTPUT_HTML}: the county's figures, the townships' table and the list of changes. {OUTPUT_PAGE} (optional): "
        "one page in the atlas's style on {PAGE_SIZE} — townships shaded by the change in residents covered, the "
        "new stations' reach outlined, targets that gained or lost coverage marked, and the townships' "
        "before / after table. Both in the language of {LANGUAGE}."),
        number(RESIDENTS_TOLERANCE), number(M2PC_TOLERANCE))


def shelter_per_capita(algorithm=None):
    zh = is_chinese()
    return _render(
        "shelterpercapita", algorithm,
        QT_TRANSLATE_NOOP("Help", "Effective shelter area per resident against the planning target (城镇人均固定避难场所面积 ≥ {0} m²), per "
        "township, per population cell and per shelter. Nothing needs to run first ({validateinputs} checks the "
        "layers).\n\n"
        "{METHOD}: {METHOD_0}: per unit of {UNITS}, the effective area of the counted shelters whose centroid "
        "lies in the unit ÷ the unit's residents (population features apportioned by area overlap); the output "
        "is the units. {METHOD_1}: a shelter serves every population feature whose centroid is within "
        "{RADIUS} of its centroid (straight line, the radius included). Its served residents are the sum of "
        "those features' residents; each feature gets the sum, over the shelters in reach, of shelter area ÷ "
        "served residents; the output is the population features. {METHOD_2}: the same with walking distance "
        "along {ROADS} (off-road legs to and from the roads included; roads whose 'class' is {1} are not walked "
        "along).\n\n"
        "deficit_m2 is the area still needed to reach {TARGET}; no_shelter flags residents beyond every shelter's "
        "radius; features without residents get no indicator (NULL). A value equal to the target meets it.\n"
        "{OUTPUT_SHELTERS}: each counted shelter's served residents (a resident in reach of several shelters "
        "counts at each), m² per served person, overloaded = less than {TARGET} per served person or more served "
        "residents than {CAPACITY_FIELD}. With {METHOD_0} these use the straight-line catchment.\n"
        "{OUTPUT_SUMMARY} and the HTML report: per unit and county-wide indicator, share of residents meeting the "
        "target, residents with no shelter in reach, total deficit.\n\n"
        "{SHELTERS_2}: a second shelter layer with the same fields (e.g. assembly points beside site polygons); "
        "the shelter load output then holds both (as centroid points when the geometry types differ).\n"
        "{TYPES}: default {2}; the others do not count toward the per-capita indicator. {RADIUS} empty = each "
        "type's radius from the type table (GB 51143-2015 evacuation distances; central shelters as long-term "
        "ones): {3}. {TYPE_TABLE}: a CSV or JSON file replacing that table. {AREA_FIELD} empty = polygon area. "
        "{URBAN_ONLY} counts only residents whose 'urban' field is true, when the layer has it.\n\n"
        "Bad input stops with a message naming the layer, feature and field: missing or negative areas, unknown "
        "types, NULL or negative residents. Geographic layers are reprojected to a local projected CRS (said in "
        "the log); the other layers to the shelters' CRS. Next: {exportatlas}."),
        number(TARGET_M2_PER_CAPITA), "/".join(NOT_WALKABLE_CLASSES), counted_types_text(zh),
        shelter_radii_text(zh))


def export_atlas(algorithm=None):
    zh = is_chinese()
    return _render(
        "exportatlas", algorithm,
        QT_TRANSLATE_NOOP("Help", "Prints the risk atlas as one PDF: the county's pages, then one sheet per township of "
        "{TOWNSHIPS}. Run first: {fourcolourmap} ({RISK_MAP}), and for the other layers {enterpriserisk}, "
        "{gradehazardsources}, {firestationreach} and {shelterpercapita} — or run {fullassessment}, which "
        "makes all of them and this atlas in one go.\n\n"
        "County pages: the four-colour risk map with fire stations, shelters and major hazard units, a table of "
        "map units, area and residents per risk level, the three indicators, a table of the townships, "
        "{ORGANISATION} and {DATE}; with {REACH_AREAS}, the fire-station page (stations, the land each reaches "
        "within the time limit, the gaps hatched in red, coverage per township, the stations' districts against "
        "their class limit); with {SHELTER_UNITS}, the shelter page (fixed-shelter area per resident per township "
        "against {TARGET}, default {0} m² per resident, a value equal to the target meets it; with "
        "{SHELTER_LOAD} the shelters' service areas and the overloaded shelters).\n\n"
        "Each township sheet (a QGIS atlas on the townships, named by {NAME_FIELD}): the four-colour map zoomed "
        "to the township with a location inset, legend ({1}), scale bar, north arrow and CRS note, and compact "
        "maps of its fire-station reach and its shelters; the township's figures as on the cover; a chart of the "
        "risk-level shares of area and residents; the list of its major hazard units (GB 18218-2018 一级–四级).\n\n"
        "How the figures are made: residents of the four-colour map units are apportioned to each township by "
        "area; a unit is counted in the township it overlaps most; residents reached in time and not covered are "
        "those of the reach analysis (the residents of {REACH_AREAS} and {REACH_GAPS}, placed in the townships by "
        "the map's residents); shelter area and residents are taken from {SHELTER_UNITS} and judged against "
        "{TARGET}; hazard units and enterprises count in the township holding them. The county's headline "
        "figures are logged and written as table headline_figures beside the atlas layers. Risk levels are read "
        "from 'risk_level' (1 major … 4 low; a level's lower bound belongs to that level, as in the analyses "
        "that wrote them).\n\n"
        "The pages come from the layout templates in the plugin's 'atlas/templates' folder ({PAGE_SIZE}, "
        "landscape), which can be edited in the layout designer; a template saved in your profile's "
        "composer_templates folder as riskatlas_cover_a3.qpt, riskatlas_township_a3.qpt (or _a4) is used "
        "instead. Text is written as text (searchable), in {LANGUAGE}, in a Chinese font this machine has "
        "(WenQuanYi Zen Hei, Microsoft YaHei, SimHei, PingFang SC, …). Optionally every page is also written as "
        "a PNG image ({OUTPUT_PNG_FOLDER}), and the atlas layers into {ATLAS_LAYERS} (the charts go into an "
        "'atlas_charts' folder beside it), from which a project gets the atlas layouts. {RUN_LABEL} is printed "
        "with the issuer on the cover and the sheets and at the foot of every page. Fire "
        "stations and shelters whose field 'proposed' is 1 (the planned ones of {fullassessment}) are drawn "
        "hollow, with their own legend entries. Input layers are never modified."),
        number(TARGET_M2_PER_CAPITA), _join([f"{lv.label_zh} {lv.colour_name_zh if zh else lv.colour_name_en}"
                                             for lv in RISK_LEVELS], zh))


def _chain_steps(model=False):
    """The chain's steps, numbered; the model's (``model``) leave out the steps that need an optional input."""
    from ..assessment.chain import STEPS

    steps = [step for step in STEPS if not (model and step.needs)]
    return "\n".join(f"{n}. {translate('Chain', step.summary)}" for n, step in enumerate(steps, 1))


def full_assessment(algorithm=None):
    return _render(
        "fullassessment", algorithm,
        QT_TRANSLATE_NOOP("Help", "Runs the whole assessment on a county's layers in one go — nothing needs to run first — and writes "
        "everything into {OUTPUT_FOLDER}:\n"
        "{0}\n\n"
        "The dialog pre-selects the project's layer of each kind (by name, in Chinese or English, or by its "
        "fields); a layer that looks like another kind stops the run with a message naming both. The default "
        "output folder is kept: beside the saved project, else a dated folder under RiskAtlas in your home "
        "folder.\n\n"
        "Files: risk_atlas_results.gpkg (every result layer and a provenance table: algorithm, version and "
        "parameters of each step), risk_atlas.qgz (a QGIS project with the layers styled and the atlas layouts), "
        "risk_atlas.pdf, png/ (one image per page) and HTML reports. In QGIS the results are added to the "
        "current project as one styled group, and the message bar offers a button that opens the PDF.\n\n"
        "Raw ledgers: an input may be an Excel or CSV ledger or a layer with the bureau's own headers. It is "
        "imported first as {importlayer} does ({COORDINATES} says whether its longitude/latitude are WGS 84, "
        "GCJ-02 or BD-09) into imported_inputs.gpkg, with a report import_<layer>.html; the mapping used is "
        "printed, and anything ambiguous stops the run and keeps only that report.\n\n"
        "The analysis runs in the background (QGIS stays usable); the atlas is printed afterwards. Cancel stops "
        "the run at its next progress step and leaves no file of it behind; when the inputs have errors the run "
        "stops after the check and keeps only validation.html, which lists them. The options have the same "
        "meaning and defaults as in the single algorithms. Input layers are never modified."),
        _chain_steps()) + "\n\n" + planned_note()


def planned_note(algorithm=None):
    """The full assessment's planned stations and shelters and its RUN_LABEL (assessment/proposed.py)."""
    from ..core.standards.fire_stations import CLASS_LIMIT_BY_CODE, PLANNED_STATION_CLASS
    from ..layers.schemas import PROPOSED_INPUTS

    planned_class = CLASS_LIMIT_BY_CODE[PLANNED_STATION_CLASS]
    shelter_needs = next(i for i in PROPOSED_INPUTS if i.parameter == "PROPOSED_SHELTERS").needs
    return _render(
        "fullassessment", algorithm,
        QT_TRANSLATE_NOOP("Help", "Today + plan: {PROPOSED_STATIONS} and {PROPOSED_SHELTERS} are added to "
        "{FIRE_STATIONS} and {SHELTERS} for this run only. They are written together with the existing ones into "
        "scenario_inputs.gpkg in the output folder (field proposed: 1 planned, 0 existing), which every step "
        "reads; the input layers are not modified. The chosen sites of {firestationsiting} are taken as they "
        "are: a planned station takes its id from station_id, else site_id (else P1, P2 … by rank), its name "
        "from name, else 规划站 1, 2 … by rank (Proposed station 1 … in an English run), its class from class, "
        "else {0} ({1}), and its turnout from turnout_min, else {DEFAULT_TURNOUT}. A planned shelter needs {2} "
        "(a missing field or value stops the run, naming the layer, the feature and the field) and joins the "
        "shelters of its geometry (polygons: {SHELTERS}, points: {SHELTERS_2}). A planned id that an existing "
        "station or shelter already has stops the run. The atlas draws planned stations and shelters hollow "
        "(规划消防站, 规划避难场所 in the legends). The Processing model has no planned layers (a model cannot add "
        "optional layers to others simply): merge them into the existing layers before running it.\n\n"
        "{RUN_LABEL} is printed with the issuer on the cover and the sheets and at the "
        "foot of every page, and written into the run_label column of the results' provenance table."),
        planned_class.code, planned_class.name_zh if is_chinese() else planned_class.name_en,
        _join(list(shelter_needs), is_chinese()))


def assessment_model(algorithm=None):
    return _render(
        "fullassessment", algorithm,
        QT_TRANSLATE_NOOP("Help", "The assessment chain as an editable Processing model — the same steps, algorithms and defaults as "
        "{fullassessment}:\n"
        "{0}\n\n"
        "Open it in the Model Designer to change a step, add one or save a copy for your bureau. Unlike "
        "{fullassessment} it writes each result where you choose, and makes no project and no HTML reports; it "
        "has no planned stations or shelters (add them to the existing layers first) and no run label."),
        _chain_steps(model=True))


def bad_input_text(reads, label):
    """How an algorithm treats bad input, from its READS ({parameter: processing.reading.Reads}; ``label``:
    a parameter's shown name)."""
    from ..layers.schemas import ACCEPT, KEEP, LEAVE_OUT, QUIET, STOP, WARN

    zh = is_chinese()
    geometry = {STOP: translate("Help", "an error"), LEAVE_OUT: translate("Help", "left out with a warning"),
                KEEP: translate("Help", "kept with a warning"), QUIET: translate("Help", "kept")}
    empty = {STOP: translate("Help", "an error"), WARN: translate("Help", "a warning"),
             ACCEPT: translate("Help", "accepted")}
    return translate(
        "Help", "Bad input: a value the layer rules refuse (a missing field, text in a number field, a negative "
        "value or one beyond the largest possible, an unknown code, a duplicate id) stops the run with a message "
        "naming the layer, the feature (its id, then its fid) and the field, as validateinputs reports it; "
        "implausibly large values are used with a warning. Invalid geometries are repaired (make valid) with a "
        "warning naming the features. Features without geometry — {0}. An empty layer — {1}. Input layers are "
        "never modified; the outputs are written whole or not at all (a failed or cancelled run leaves none)."
    ).format(_list([f"{label(name)}: {geometry[r.no_geometry]}" for name, r in reads.items()], zh),
             _list([f"{label(name)}: {empty[r.empty]}" for name, r in reads.items()], zh))
def population_note(algorithm_id, algorithm=None):
    """The paragraph every algorithm with a population ends with."""
    return _render(
        algorithm_id, algorithm,
        QT_TRANSLATE_NOOP("Help", "Population: {POPULATION} polygons (residents apportioned by area) or points (each "
                          "point's residents counted wholly where it lies: a point counts as a {0:g} mm square), or "
                          "instead {POPULATION_RASTER}, a grid whose band 1 holds residents per cell (WorldPop, "
                          "格网人口): each cell counts as its square, nodata and 0 cells are dropped, and the result "
                          "equals a run on the cells as polygons. Give one or the other."),
        POPULATION_POINT_SQUARE_M * 1000)


def import_roads_population_note(algorithm=None):
    """What importlayer does with roads and population (the reach's tables)."""
    return _render(
        "importlayer", algorithm,
        QT_TRANSLATE_NOOP("Help", "Roads: an OSM import (GDAL's 'lines' layer) is read as it is — highway is the "
                          "class, oneway and maxspeed come out of other_tags (roundabouts and motorways one-way "
                          "unless tagged), and the lines the OSM speed table does not drive (footways, steps, "
                          "waterways and railways without highway …) are left out and counted; the OSM value stays "
                          "beside the class (highway), a Chinese class beside it as class_cn, and a posted limit or "
                          "design speed (限速, 设计速度) goes to maxspeed, which {firestationreach} multiplies by its "
                          "speed table's factor. Population: polygons, or points (villages, communities with 人口 "
                          "and coordinates) counted where they lie.")).strip()


def _with_population(algorithm_id, help_text):
    return lambda algorithm=None: help_text(algorithm) + "\n\n" + population_note(algorithm_id, algorithm)


HELP = {
    "createtemplate": create_template,
    "validateinputs": validate_inputs,
    "gradehazardsources": _with_population("gradehazardsources", grade_hazard_sources),
    "enterpriserisk": enterprise_risk,
    "fourcolourmap": _with_population("fourcolourmap", four_colour_map),
    "firestationreach": fire_station_reach,
    "firestationsiting": _with_population("firestationsiting", fire_station_siting),
    "shelterpercapita": _with_population("shelterpercapita", shelter_per_capita),
    "resourcecoverage": _with_population("resourcecoverage", resource_coverage),
    "exportatlas": export_atlas,
    "fullassessment": _with_population("fullassessment", full_assessment),
    "importlayer": lambda algorithm=None: import_layer(algorithm) + "\n\n" + import_roads_population_note(algorithm),
    "incidentsurroundings": _with_population("incidentsurroundings", incident_surroundings),
    "comparescenarios": compare_scenarios,
}
