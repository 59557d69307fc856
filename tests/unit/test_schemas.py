"""layers.schemas holds every layer kind, the assessment's inputs and results once; code lists come
from the standards tables (never copies), and derived texts equal what was once typed by hand."""
from riskatlas.core.standards import fire_stations as fs
from riskatlas.core.standards import gb18218
from riskatlas.core.standards.risk_presets import AGGREGATION_RULES, CUT_SET_BY_NAME
from riskatlas.core.standards.shelters import DEFAULT_STANDARDS
from riskatlas.layers import schemas as s


def test_code_lists_are_the_standards_tables():
    assert s.STATION_CLASSES == ("special", "class1", "class2", "small")
    assert all(fs.class_limit_km2(code) for code in s.STATION_CLASSES)
    assert fs.SUBURBAN not in s.STATION_CLASSES
    assert s.SHELTER_TYPES == DEFAULT_STANDARDS.codes
    assert s.HAZARD_CATEGORY_CODES is gb18218.CATEGORY_CODES
    field = {f.name: f for schema in s.SCHEMAS.values() for f in schema.fields}
    assert field["class"].allowed in (s.STATION_CLASSES, s.ROAD_CLASSES)
    assert s.SCHEMAS["roads"].field_by_name["class"].allowed is fs.ROAD_CLASSES
    assert s.SCHEMAS["shelters"].field_by_name["type"].allowed == s.SHELTER_TYPES


def test_the_one_map_kinds_are_appended_in_order_with_the_standards_code_lists():
    from riskatlas.core.standards import emergency_resources as er
    from riskatlas.core.standards import key_targets as kt
    from riskatlas.core.standards import natural_hazards as nh

    assert list(s.SCHEMAS)[-4:] == ["rescue_teams", "supply_depots", "key_targets", "natural_hazards"]
    assert s.SCHEMAS["rescue_teams"].field_by_name["type"].allowed is er.TEAM_TYPE_CODES
    assert s.SCHEMAS["supply_depots"].field_by_name["level"].allowed is er.DEPOT_LEVEL_CODES
    assert s.SCHEMAS["key_targets"].field_by_name["category"].allowed is kt.KEY_TARGET_CODES
    hazards = s.SCHEMAS["natural_hazards"].field_by_name
    assert hazards["danger_level"].allowed is nh.DANGER_GRADE_CODES and hazards["type"].allowed is nh.HAZARD_TYPE_CODES
    assert hazards["risk_grade"].allowed is nh.RISK_GRADE_CODES
    assert [f.name for f in s.SCHEMAS["rescue_teams"].required_fields] == ["team_id", "name", "type"]
    assert {"headcount", "equipment", "turnout_min"} <= set(s.SCHEMAS["rescue_teams"].field_by_name)
    assert {"level", "stock", "stock_people"} <= set(s.SCHEMAS["supply_depots"].field_by_name)
    assert {"category", "occupancy"} <= set(s.SCHEMAS["key_targets"].field_by_name)
    assert {"type", "threatened", "danger_level"} <= set(hazards)


def test_the_default_speed_preset_covers_every_road_class():
    assert tuple(fs.SPEED_PRESETS[fs.DEFAULT_SPEED_PRESET].speeds_kmh) == fs.ROAD_CLASSES
    assert list(fs.SPEED_PRESETS)[0] == fs.DEFAULT_SPEED_PRESET  # option 0 of SPEED_PRESET


def test_assessment_inputs():
    assert [i.parameter for i in s.ASSESSMENT_INPUTS] == [
        "ENTERPRISES", "HAZARD_SOURCES", "SHELTERS", "SHELTERS_2", "FIRE_STATIONS", "POPULATION", "ROADS", "TOWNSHIPS",
        "RESCUE_TEAMS", "SUPPLY_DEPOTS", "KEY_TARGETS", "NATURAL_HAZARDS"]  # the one-map layers appended, optional
    assert s.REQUIRED_INPUTS == ("ENTERPRISES", "HAZARD_SOURCES", "SHELTERS", "FIRE_STATIONS", "POPULATION",
                                 "ROADS", "TOWNSHIPS")
    assert sorted(i.stack for i in s.ASSESSMENT_INPUTS) == list(range(len(s.ASSESSMENT_INPUTS)))
    assert len({i.layer for i in s.ASSESSMENT_INPUTS}) == len(s.ASSESSMENT_INPUTS)
    for layer in s.ASSESSMENT_INPUTS:
        assert layer.kind in s.SCHEMAS and layer.label
        assert layer.template_geometry in layer.schema.geometries


def test_result_layers():
    names = [r.name for r in s.RESULT_LAYERS]
    assert len(set(names)) == len(names)
    shown = [r.name for r in s.project_results()]
    assert shown == ["risk_map", "hazard_units", "enterprise_risk", "reach_areas", "reach_gaps", "reach_edges",
                     "shelter_units", "shelter_load", "rescue_areas", "rescue_gaps", "rescue_targets", "depot_areas",
                     "depot_gaps"]
    assert all(s.RESULT_BY_NAME[n].geometry for n in shown)
    assert s.RESULT_BY_NAME["reach_areas"].title_zh == "消防站5分钟到达范围"


def test_cut_set_texts_are_rendered_from_the_cuts():
    assert CUT_SET_BY_NAME["lec_320_160_70"].label == "LEC: D ≥ 320 / 160 / 70"
    assert CUT_SET_BY_NAME["lec_160_70_20"].description == (
        "D ≥ 160 → 1 重大; 70 ≤ D < 160 → 2 较大; 20 ≤ D < 70 → 3 一般; D < 20 → 4 低")
    assert CUT_SET_BY_NAME["matrix_5x5_20_15_9"].bands() == ("20–25", "15–16", "9–12", "1–8")
    assert CUT_SET_BY_NAME["matrix_5x5_15_8_4"].description == (
        "R = L × S: 15–25 → 1 重大; 8–12 → 2 较大; 4–6 → 3 一般; 1–3 → 4 低")
    assert AGGREGATION_RULES[1].description == (
        "score = Σ 27 / 9 / 3 / 1 per source of level 1 / 2 / 3 / 4 reaching the area; "
        "score ≥ 27 → 1, ≥ 9 → 2, ≥ 3 → 3, otherwise 4")
