"""Every message about bad input a planner may see, once: English templates with named placeholders,
translated in context "InputError" (``i18n/riskatlas_zh_CN.ts``). Core raises ``InputError(TEMPLATE, layer=…,
feature_ids=…, field=…, **arguments)`` and counts warnings as ``Notice``s (``core.errors``); the layer rules
(``layers/validation.py``) report with the same templates, so validateinputs and the algorithms say the
same thing about the same value.

Where (layer, features, field) is never written into a template: ``core.errors`` adds it.
"""
from .errors import QT_TRANSLATE_NOOP

# ---------------------------------------------------------------- layers, fields, values (the layer rules)
EMPTY_LAYER = QT_TRANSLATE_NOOP("InputError", "the layer has no features")
EMPTY_LAYER_USED = QT_TRANSLATE_NOOP("InputError", "the layer has no features: {consequence}")
MISSING_CRS = QT_TRANSLATE_NOOP("InputError", "the layer has no coordinate reference system; set it in Layer "
                                              "Properties ▸ Source")
GEOGRAPHIC_CRS = QT_TRANSLATE_NOOP("InputError", "geographic CRS {authid}: the analysis reprojects it to a local "
                                                 "projected CRS (CGCS2000 3-degree Gauss-Krüger zone in China)")
MIXED_CRS = QT_TRANSLATE_NOOP("InputError", "CRS {authid} differs from {first}'s {first_authid}; it is reprojected "
                                            "to {first_authid}")
GBK_READ_AS_GBK = QT_TRANSLATE_NOOP("InputError", "the shapefile's text is GBK-encoded but it has no .cpg file: it is "
                                                  "read as GBK here. Add a .cpg file containing GBK (or set Layer "
                                                  "Properties ▸ Source ▸ Data source encoding to GBK) so that QGIS "
                                                  "shows its Chinese text")
FIELD_NOT_FOUND = QT_TRANSLATE_NOOP("InputError", "field not found (fields: {available})")
REQUIRED_FIELD_MISSING = QT_TRANSLATE_NOOP("InputError", "required field ({alias_zh} / {alias_en}) is missing")
METHOD_FIELD_MISSING = QT_TRANSLATE_NOOP("InputError", "field ({alias_zh} / {alias_en}) is missing: the {method} "
                                                       "method needs it")
REQUIRED_VALUE_EMPTY = QT_TRANSLATE_NOOP("InputError", "required value ({alias_zh}) is empty")
EMPTY_COUNTED_AS = QT_TRANSLATE_NOOP("InputError", "empty value ({alias_zh}) counted as {value:g}")
NOT_A_NUMBER = QT_TRANSLATE_NOOP("InputError", "must be a number, found '{value}'")
NOT_FINITE = QT_TRANSLATE_NOOP("InputError", "must be a finite number, found '{value}'")
NOT_WHOLE = QT_TRANSLATE_NOOP("InputError", "must be a whole number, found {value:g}")
NOT_YES_NO = QT_TRANSLATE_NOOP("InputError", "must be true/false (是/否, yes/no, 1/0), found '{value}'")
NOT_YES_NO_USED = QT_TRANSLATE_NOOP("InputError", "'{value}' is not true/false (是/否, yes/no, 1/0): {consequence}")
NOT_TEXT = QT_TRANSLATE_NOOP("InputError", "must be a text field (it is {kind})")
NUMBERS_AS_TEXT = QT_TRANSLATE_NOOP("InputError", "a text field holding numbers: it is read as numbers")
UNKNOWN_CODE = QT_TRANSLATE_NOOP("InputError", "unknown value '{value}' (allowed: {allowed})")
UNKNOWN_CODE_USED = QT_TRANSLATE_NOOP("InputError", "unknown value '{value}' (allowed: {allowed}): {consequence}")
AMBIGUOUS_CODE = QT_TRANSLATE_NOOP("InputError", "'{value}' could be {candidates}: write which one")
AMBIGUOUS_CODE_USED = QT_TRANSLATE_NOOP("InputError", "'{value}' could be {candidates}: {consequence}")
CATEGORY_NOT_LISTED = QT_TRANSLATE_NOOP("InputError", "'{value}' is not a category of GB 18218 Table 2: the record "
                                                      "is graded without it")
NEGATIVE = QT_TRANSLATE_NOOP("InputError", "{value:g} is negative")
BELOW_MINIMUM = QT_TRANSLATE_NOOP("InputError", "{value:g} is below {minimum:g}")
BEYOND_MAXIMUM = QT_TRANSLATE_NOOP("InputError", "{value:g} is beyond the largest possible value {maximum:g}")
IMPLAUSIBLE = QT_TRANSLATE_NOOP("InputError", "{value:g} is above {plausible:g}, more than is plausible: check it "
                                              "(used as given)")
OFF_LEC_TABLE = QT_TRANSLATE_NOOP("InputError", "{value:g} is not one of the LEC table values ({values}): used as "
                                                "given")
DUPLICATE_KEY = QT_TRANSLATE_NOOP("InputError", "duplicate {fields} '{value}': each feature needs its own")
NO_GEOMETRY = QT_TRANSLATE_NOOP("InputError", "feature has no geometry")
NO_GEOMETRY_LEFT_OUT = QT_TRANSLATE_NOOP("InputError", "features without geometry are left out")
NO_GEOMETRY_KEPT = QT_TRANSLATE_NOOP("InputError", "features without geometry are kept, without a location")
WRONG_GEOMETRY = QT_TRANSLATE_NOOP("InputError", "geometry is a {found}, expected {expected}")
INVALID_GEOMETRY = QT_TRANSLATE_NOOP("InputError", "invalid geometry ({reason}); it will be repaired (make valid) "
                                                   "before analysis")
GEOMETRY_REPAIRED = QT_TRANSLATE_NOOP("InputError", "invalid geometry repaired (make valid): {reason}")
GEOMETRY_COLLAPSED = QT_TRANSLATE_NOOP("InputError", "invalid geometry that collapses when repaired ({reason}): "
                                                     "the feature is left out")

# ---------------------------------------------------------------- options given to an analysis
OPTION_POSITIVE = QT_TRANSLATE_NOOP("InputError", "{option} must be a number > 0{unit}, got {value}")
OPTION_NOT_NEGATIVE = QT_TRANSLATE_NOOP("InputError", "{option} must be a number ≥ 0{unit}, got {value}")
OPTION_WHOLE = QT_TRANSLATE_NOOP("InputError", "{option} must be a whole number ≥ 0, got {value}")
OPTION_CHOICE = QT_TRANSLATE_NOOP("InputError", "{option} must be one of {choices}, got {value}")
RADII = QT_TRANSLATE_NOOP("InputError", "radii must be four non-negative numbers in metres for levels 1..4, e.g. "
                                        "1000,500,300,100; got '{value}'")
TOO_MANY_CELLS = QT_TRANSLATE_NOOP("InputError", "the grid would have {cells:,} cells (limit {limit:,}): use a larger "
                                                 "cell size or a smaller extent")
NEEDS_LAYER = QT_TRANSLATE_NOOP("InputError", "{what} needs the layer {parameter}")
NEEDS_FIELDS = QT_TRANSLATE_NOOP("InputError", "the {method} method needs the fields {fields}")
PRESET_OF_OTHER_METHOD = QT_TRANSLATE_NOOP("InputError", "preset '{preset}' is a {preset_method} preset, not for the "
                                                         "{method} method")
LENGTHS_DIFFER = QT_TRANSLATE_NOOP("InputError", "{given} {what} for {expected} {of}")

RINGS = QT_TRANSLATE_NOOP("InputError", "RINGS must be distances in metres > 0, e.g. 500,1000,3000; got '{value}'")

# ---------------------------------------------------------------- hazard sources (GB 18218-2018)
QUANTITY_NOT_NUMBER = QT_TRANSLATE_NOOP("InputError", "quantity is not a number")
QUANTITY_NEGATIVE = QT_TRANSLATE_NOOP("InputError", "quantity is negative")
QUANTITY_EMPTY_COUNTED_0 = QT_TRANSLATE_NOOP("InputError", "records with an empty quantity counted as 0 t")
UNIT_ID_EMPTY = QT_TRANSLATE_NOOP("InputError", "unit id is empty")
SUBSTANCE_EMPTY = QT_TRANSLATE_NOOP("InputError", "substance is empty")
UNKNOWN_CATEGORY = QT_TRANSLATE_NOOP("InputError", "unknown hazard category {codes} (GB 18218-2018 Table 2 codes: "
                                                   "{known}); unit {units}")
SUBSTANCE_AMBIGUOUS = QT_TRANSLATE_NOOP("InputError", "substance '{substance}' matches several rows of GB 18218-2018 "
                                                      "Table 1 ({rows}): write the full name of the row; unit {units}")
SUBSTANCE_NEEDS_CATEGORY = QT_TRANSLATE_NOOP("InputError", "substance '{substance}' (GB 18218-2018 Table 1 #{seq} "
                                                           "{name}) is not a Table 3 toxic gas: give its hazard "
                                                           "category so that β can be taken from Table 4; unit {units}")
SUBSTANCE_UNKNOWN = QT_TRANSLATE_NOOP("InputError", "substance '{substance}' is not in GB 18218-2018 Table 1 and no "
                                                    "hazard category is given (give one in the category field, e.g. "
                                                    "W2 or J3); unit {units}")
EXPOSED_NOT_NUMBER = QT_TRANSLATE_NOOP("InputError", "exposed people is not a number")
EXPOSED_NEGATIVE = QT_TRANSLATE_NOOP("InputError", "exposed people is negative")
EXPOSED_DISAGREE = QT_TRANSLATE_NOOP("InputError", "records of {count} unit(s) disagree on the exposed people "
                                                   "({units}): the largest count is used")
UNITS_WITHOUT_GEOMETRY = QT_TRANSLATE_NOOP("InputError", "unit(s) {units} have no geometry to estimate exposed people "
                                                         "from")
EXPOSED_UNKNOWN = QT_TRANSLATE_NOOP("InputError", "major hazard unit(s) {units} have no exposed-people count and no "
                                                  "population layer was given to estimate it (α needs it)")
EXPOSED_FROM_EMPTY_POPULATION = QT_TRANSLATE_NOOP("InputError", "unit(s) {units} have no exposed-people count and the "
                                                                "population layer to estimate it from is empty")
UNIT_ENTERPRISES_DIFFER = QT_TRANSLATE_NOOP("InputError", "records of unit(s) {units} name different enterprises")
PLANT_NOT_FOUND = QT_TRANSLATE_NOOP("InputError", "units of {count} enterprise id(s) not in the enterprises layer "
                                                  "({ids}): the units' own boundaries are used")
PLANT_NOT_POLYGON = QT_TRANSLATE_NOOP("InputError", "{count} enterprise(s) without a polygon (a point, or no "
                                                    "geometry): their units' own boundaries are used")

# ---------------------------------------------------------------- population and apportioning
VALUE_NOT_NUMBER = QT_TRANSLATE_NOOP("InputError", "value is not a number")
VALUE_NEGATIVE = QT_TRANSLATE_NOOP("InputError", "value is negative")
VALUE_BELOW = QT_TRANSLATE_NOOP("InputError", "value below {minimum:g}")
EMPTY_COUNTED_0 = QT_TRANSLATE_NOOP("InputError", "features with an empty value counted as 0")
RESIDENTS_NULL = QT_TRANSLATE_NOOP("InputError", "residents is NULL; enter 0 where nobody lives")
RESIDENTS_NEGATIVE = QT_TRANSLATE_NOOP("InputError", "residents value is negative")
RESIDENTS_NOT_NUMBER = QT_TRANSLATE_NOOP("InputError", "residents value is not a number")

# ---------------------------------------------------------------- enterprises (LEC, risk matrix)
LEC_EMPTY = QT_TRANSLATE_NOOP("InputError", "LEC factor {factor} is empty or not a number")
LEC_NOT_POSITIVE = QT_TRANSLATE_NOOP("InputError", "LEC factor {factor} must be positive")
LEC_OFF_TABLE = QT_TRANSLATE_NOOP("InputError", "values of LEC factor {factor} not among the LEC table values "
                                                "{values} (used as given)")
MATRIX_EMPTY = QT_TRANSLATE_NOOP("InputError", "matrix {factor} is empty or not a number")
MATRIX_RANGE = QT_TRANSLATE_NOOP("InputError", "matrix {factor} must be a whole number {low}–{high}")
RISK_LEVEL_RANGE = QT_TRANSLATE_NOOP("InputError", "risk level must be 1, 2, 3 or 4")
ENTERPRISE_ID_EMPTY = QT_TRANSLATE_NOOP("InputError", "enterprise id is empty (needed to attach hazard units)")
ENTERPRISE_ID_NOT_UNIQUE = QT_TRANSLATE_NOOP("InputError", "enterprise id is not unique (needed to attach hazard "
                                                           "units)")
UNITS_WITHOUT_ENTERPRISE = QT_TRANSLATE_NOOP("InputError", "units that name no enterprise are not attached to one")
UNITS_OF_UNKNOWN_ENTERPRISES = QT_TRANSLATE_NOOP("InputError", "units of {count} enterprise id(s) not in "
                                                               "{enterprises} ({ids}) are ignored")

# ---------------------------------------------------------------- the four-colour map
NO_RISK_SOURCES = QT_TRANSLATE_NOOP("InputError", "no risk source (enterprise, hazard unit or natural-hazard site) "
                                                  "to place: every area is level 4 (低风险, low risk) — check the "
                                                  "ENTERPRISES, HAZARD_UNITS and NATURAL_HAZARDS layers")
NO_RISK_SOURCES_NOTHING_TO_MAP = QT_TRANSLATE_NOOP("InputError", "no risk source (enterprise, hazard unit or "
                                                                 "natural-hazard site) to place, and no EXTENT or "
                                                                 "UNITS to map: give the sources, or the area to map")
SOURCES_WITHOUT_GEOMETRY = QT_TRANSLATE_NOOP("InputError", "features without geometry cannot be placed and are "
                                                           "ignored")
FIELDS_REPLACED = QT_TRANSLATE_NOOP("InputError", "input fields replaced by the map's own: {fields}")

# ---------------------------------------------------------------- natural hazards, the resource coverage
NO_HAZARD_GRADE = QT_TRANSLATE_NOOP("InputError", "no value to grade the site by (preset '{preset}' reads {needs})")
KEY_TARGETS_OUTSIDE_TOWNSHIPS = QT_TRANSLATE_NOOP("InputError", "{count} key target(s) lie outside every township and "
                                                                "are not counted per township")

# ---------------------------------------------------------------- fire-station reach
ROADS_EMPTY = QT_TRANSLATE_NOOP("InputError", "the road layer has no features")
ROADS_WITHOUT_LENGTH = QT_TRANSLATE_NOOP("InputError", "the road layer has no line with length")
STATIONS_EMPTY = QT_TRANSLATE_NOOP("InputError", "the station layer has no features")
STATIONS_WITHOUT_LOCATION = QT_TRANSLATE_NOOP("InputError", "stations without a location are left out")
TURNOUT_NEGATIVE = QT_TRANSLATE_NOOP("InputError", "turnout time is negative")
TURNOUT_NOT_NUMBER = QT_TRANSLATE_NOOP("InputError", "turnout time is not a number")
STATIONS_OFF_ROADS = QT_TRANSLATE_NOOP("InputError", "stations farther than SNAP_TOLERANCE = {tolerance:g} m from any "
                                                     "road are left out ({distances})")
NO_STATION_ON_ROADS = QT_TRANSLATE_NOOP("InputError", "no station lies within SNAP_TOLERANCE = {tolerance:g} m of a "
                                                      "road")
STATIONS_TOO_LATE = QT_TRANSLATE_NOOP("InputError", "turnout ≥ TIME_LIMIT: these stations reach nothing in time")
NETWORK_PARTS_UNREACHED = QT_TRANSLATE_NOOP("InputError", "{parts} network part(s) not connected to any station's "
                                                          "part ({km:.1f} km of road) are never reached; check the "
                                                          "junctions there (lines join only where they share a "
                                                          "vertex)")
SPEED_NOT_NUMBER = QT_TRANSLATE_NOOP("InputError", "speed is not a number")
SPEED_NOT_POSITIVE = QT_TRANSLATE_NOOP("InputError", "speed is zero or negative: give a speed > 0 km/h, or leave it "
                                                     "empty to use the road class's preset speed or DEFAULT_SPEED "
                                                     "(delete the road to close it)")
SUBURBAN_NOT_YES_NO = QT_TRANSLATE_NOOP("InputError", "suburban must be true or false (是/否, 郊区/城区, yes/no, "
                                                      "1/0)")
POPULATION_EMPTY_COUNTED_0 = QT_TRANSLATE_NOOP("InputError", "{count} population features with an empty residents "
                                                             "value counted as 0")
DISTRICTS_MISSING = QT_TRANSLATE_NOOP("InputError", "no district polygon contains these stations: {stations}")
DISTRICTS_SHARED = QT_TRANSLATE_NOOP("InputError", "{count} district polygon(s) contain more than one station: each of "
                                                   "those stations is given the whole district")
DISTRICTS_UNUSED = QT_TRANSLATE_NOOP("InputError", "{count} district polygon(s) contain no station and are not used")
STATIONS_UNKNOWN_CLASS = QT_TRANSLATE_NOOP("InputError", "no class limit for stations of unknown class: {stations} "
                                                         "(classes: {classes}; or the suburban flag)")

# ---------------------------------------------------------------- shelters
TYPE_EMPTY = QT_TRANSLATE_NOOP("InputError", "shelter type is empty")
UNKNOWN_SHELTER_TYPES = QT_TRANSLATE_NOOP("InputError", "unknown shelter type(s) {types}; known types: {known}")
TYPES_OPTION_UNKNOWN = QT_TRANSLATE_NOOP("InputError", "TYPES names unknown shelter type(s) {types}; known: {known}")
VALUES_NOT_NUMBERS = QT_TRANSLATE_NOOP("InputError", "values are not numbers")
AREA_NULL = QT_TRANSLATE_NOOP("InputError", "effective area is missing (NULL); fill it in or leave AREA_FIELD empty to "
                                            "use the polygon area")
AREA_NEGATIVE = QT_TRANSLATE_NOOP("InputError", "effective area is negative")
AREA_NOT_POLYGON = QT_TRANSLATE_NOOP("InputError", "shelter has no polygon area (a point or line): set AREA_FIELD to "
                                                   "the effective-area field")
CAPACITY_NEGATIVE = QT_TRANSLATE_NOOP("InputError", "capacity is negative")
CAPACITY_MISSING = QT_TRANSLATE_NOOP("InputError", "shelters without a capacity: only their area per served person "
                                                   "is checked")
BELOW_MIN_SITE_AREA = QT_TRANSLATE_NOOP("InputError", "counted shelters have less than {minimum:g} m² effective area "
                                                      "(GB 21734-2008 minimum site area)")
URBAN_FLAG_UNKNOWN = QT_TRANSLATE_NOOP("InputError", "population features without a known urban flag are counted as "
                                                     "not urban")
NO_URBAN_FIELD = QT_TRANSLATE_NOOP("InputError", "no '{name}' field: all residents counted (URBAN_ONLY needs it)")
SHELTERS_OUTSIDE_UNITS = QT_TRANSLATE_NOOP("InputError", "{count} counted shelter(s) lie outside every unit and are "
                                                         "not in any unit's area: {shelters}")
RESIDENTS_OUTSIDE_UNITS = QT_TRANSLATE_NOOP("InputError", "{residents:.0f} residents lie outside every unit and are in "
                                                          "no unit's figures")
NO_COUNTED_SHELTER = QT_TRANSLATE_NOOP("InputError", "no shelter of the counted types: every resident falls short of "
                                                     "the target")

# ---------------------------------------------------------------- atlas figures
TOWNSHIP_WITHOUT_GEOMETRY = QT_TRANSLATE_NOOP("InputError", "township without geometry: it cannot be a page of the "
                                                            "atlas")
NO_TOWNSHIPS = QT_TRANSLATE_NOOP("InputError", "no townships: the atlas needs at least one page")
HAZARD_GRADE_RANGE = QT_TRANSLATE_NOOP("InputError", "hazard grade must be 1, 2, 3, 4 or empty")
MAJOR_WITHOUT_GRADE = QT_TRANSLATE_NOOP("InputError", "major hazard unit without a grade")

ENTERPRISES_WITHOUT_LEVEL = QT_TRANSLATE_NOOP("InputError", "enterprises without a risk level are not counted")
ENTERPRISES_OUTSIDE_TOWNSHIPS = QT_TRANSLATE_NOOP("InputError", "enterprises outside every township (or without a "
                                                                "location) are not counted")
UNITS_OUTSIDE_TOWNSHIPS = QT_TRANSLATE_NOOP("InputError", "major hazard units outside every township (or without a "
                                                          "location) are not counted")
SHELTER_RESULTS_OUTSIDE_TOWNSHIPS = QT_TRANSLATE_NOOP("InputError", "shelter results that match no township are not "
                                                                    "used")
OVERLOADED_OUTSIDE_TOWNSHIPS = QT_TRANSLATE_NOOP("InputError", "overloaded shelters outside every township are not "
                                                               "counted")
REACH_RESIDENTS_OUTSIDE_TOWNSHIPS = QT_TRANSLATE_NOOP("InputError", "{layers}: {residents:,.0f} residents lie outside "
                                                                    "every township and are not in the atlas figures")

# ---------------------------------------------------------------- incident surroundings
RESPONDERS_OFF_ROADS = QT_TRANSLATE_NOOP("InputError", "{count} responder(s) farther than SNAP_TOLERANCE "
                                                       "({tolerance:g} m) from the roads have no arrival time: "
                                                       "{distances}")
INCIDENT_OFF_ROADS = QT_TRANSLATE_NOOP("InputError", "no road within ACCESS_DISTANCE ({distance:g} m) of the "
                                                     "incident: no responder has an arrival time")

# ---------------------------------------------------------------- siting
WIND_NOT_NUMBER = QT_TRANSLATE_NOOP("InputError", "prevailing wind direction must be a finite number of degrees, got "
                                                  "{value}")
GEOMETRY_MISSING = QT_TRANSLATE_NOOP("InputError", "geometry is missing or empty")
CANDIDATES_NOT_POINTS = QT_TRANSLATE_NOOP("InputError", "candidates must be single points")
ROADS_NOT_LINES = QT_TRANSLATE_NOOP("InputError", "roads must be lines")
WEIGHT_NOT_VALID = QT_TRANSLATE_NOOP("InputError", "demand weight must be a finite number ≥ 0")
VALUES_NOT_FINITE = QT_TRANSLATE_NOOP("InputError", "'{name}' must be finite")
TIER_LIMITS_NOT_VALID = QT_TRANSLATE_NOOP("InputError", "TIER_LIMITS must be four minutes > 0 for risk levels 1 to 4, "
                                                        "separated by commas (e.g. 4,5,5,5), got {value}")
NO_CANDIDATES_LEFT = QT_TRANSLATE_NOOP("InputError", "no candidate site is left after the siting rules: "
                                                     "give CANDIDATES, a smaller CANDIDATE_SPACING, or check the "
                                                     "rules' inputs")
FIELD_NOT_FOUND_NOR_OSM = QT_TRANSLATE_NOOP("InputError", "field not found (nor among the OSM other_tags)")
GRID_NOT_GDAL = QT_TRANSLATE_NOOP("InputError", "a population grid must be a raster file GDAL reads (this layer's "
                                                "provider is {provider})")
GRID_CANNOT_OPEN = QT_TRANSLATE_NOOP("InputError", "the population grid cannot be opened")
GRID_ROTATED = QT_TRANSLATE_NOOP("InputError", "the population grid is rotated: warp it to a north-up grid first")
GRID_NEGATIVE = QT_TRANSLATE_NOOP("InputError", "residents per cell is negative ({cells})")
GRID_NOT_RASTER = QT_TRANSLATE_NOOP("InputError", "the population grid cannot be read as a raster")

# ---------------------------------------------------------------- planned layers (assessment/proposed.py)
PLANNED_ID_TAKEN = QT_TRANSLATE_NOOP("InputError", "id '{value}' is already an existing feature's in {existing}: give "
                                                   "the planned one its own")
PLANNED_NO_SLOT = QT_TRANSLATE_NOOP("InputError", "planned {geometry} features cannot be added: the shelters given "
                                                  "(SHELTERS, SHELTERS_2) are of another geometry and both are used")

# ---------------------------------------------------------------- scenarios (comparescenarios)
NOT_RESULTS_GEOPACKAGE = QT_TRANSLATE_NOOP("InputError", "{path} is not a results GeoPackage of the full assessment "
                                                         "(riskatlas:fullassessment): it has no layer '{missing}' "
                                                         "({title})")
RESULTS_NOT_GEOPACKAGE = QT_TRANSLATE_NOOP("InputError", "{path} cannot be opened as a GeoPackage: give the results "
                                                         "GeoPackage of a full assessment (risk_atlas_results.gpkg)")
COVERED_NOT_YES_NO = QT_TRANSLATE_NOOP("InputError", "'covered' must be true/false (1/0)")
