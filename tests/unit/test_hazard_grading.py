"""Hazard-source grading on hand-worked examples (numbers worked in the comments)."""
import math

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from riskatlas.core.errors import InputError
from riskatlas.core.hazard_grading import HazardFields, grade_hazard_sources

CRS = "EPSG:4549"
FIELDS = HazardFields(category="hazard_cat", exposed="exposed", enterprise="ent_id")


def records(rows, geometries=None, index=None):
    """rows: (unit, substance, quantity, category, exposed, enterprise)."""
    columns = ["unit_id", "substance", "quantity_t", "hazard_cat", "exposed", "ent_id"]
    data = {c: [r[i] for r in rows] for i, c in enumerate(columns)}
    geometries = geometries or [shapely.Point(0, 0)] * len(rows)
    frame = gpd.GeoDataFrame(data, geometry=geometries, crs=CRS, index=index)
    frame["quantity_t"] = frame["quantity_t"].astype(float)
    frame["exposed"] = frame["exposed"].astype(float)
    frame.index.name = "fid"
    return frame


def unit(result, unit_id):
    return result.units.set_index("unit_id").loc[unit_id]


def test_worked_example_three_toxic_gases():
    # H2S 2 t: Q 5, β 5 → q/Q 0.4, βq/Q 2.0;  chlorine 1 t: Q 5, β 4 → 0.2, 0.8;
    # phosgene 0.3 t: Q 0.3, β 20 → 1.0, 20.0.  S = 1.6 (major).  102 people → α 2.0.
    # R = 2.0 × (2.0 + 0.8 + 20.0) = 45.6 → 三级 (10 ≤ R < 50) → level 3 (yellow).
    result = grade_hazard_sources(records([
        ("U1", "硫化氢", 2, None, 102, "E1"),
        ("U1", "液氯", 1, None, 102, "E1"),
        ("U1", "光气", 0.3, None, 102, "E1"),
    ]), FIELDS)
    row = unit(result, "U1")
    assert row["n_substances"] == 3
    assert row["s_value"] == pytest.approx(1.6)
    assert bool(row["is_major"])
    assert row["exposed_people"] == 102 and row["alpha"] == 2.0
    assert row["r_value"] == pytest.approx(45.6)
    assert row["hazard_grade"] == 3 and row["grade_label_zh"] == "三级"
    assert row["risk_level"] == 3 and row["risk_label_zh"] == "一般风险" and row["risk_colour"] == "#FFFF00"
    assert row["enterprise_id"] == "E1"
    detail = result.records.set_index("substance")
    assert detail.loc["液氯", ["crit_q_t", "beta", "q_ratio"]].tolist() == [5, 4, pytest.approx(0.2)]
    assert detail.loc["液氯", "q_source"] == "Table 1 #12" and detail.loc["液氯", "beta_source"] == "Table 3"
    assert detail.loc["光气", "beta_q_ratio"] == pytest.approx(20.0)


@pytest.mark.parametrize("tonnes,grade,level", [
    (62.5, 1, 1),   # chlorine 62.5 t: q/Q 12.5, β 4 → 50; α 2 → R = 100 → 一级 (lower bound included)
    (31.25, 2, 2),  # → 6.25 × 4 = 25; R = 50 → 二级
    (6.25, 3, 3),   # → 1.25 × 4 = 5;  R = 10 → 三级
    (6.0, 4, 4),    # → 1.2 × 4 = 4.8; R = 9.6 → 四级
])
def test_grade_boundaries(tonnes, grade, level):
    result = grade_hazard_sources(records([("U", "chlorine", tonnes, None, 100, "E")]), FIELDS)
    row = unit(result, "U")
    assert row["r_value"] == pytest.approx(2 * 4 * tonnes / 5)
    assert row["hazard_grade"] == grade and row["risk_level"] == level


def test_table2_category_path_and_s_exactly_one():
    # three gases not in Table 1, category W2 (Q 10, β 1.5): 7 + 2 + 1 t → S = 0.7 + 0.2 + 0.1 = 1 → major.
    # 40 people → α 1.2; R = 1.2 × 1.5 × 1 = 1.8 → 四级.
    result = grade_hazard_sources(records([
        ("U", "gas A", 7, "W2", 40, "E"), ("U", "gas B", 2, "W2", 40, "E"), ("U", "gas C", 1, "w2", 40, "E"),
    ]), FIELDS)
    row = unit(result, "U")
    assert bool(row["is_major"]) and row["hazard_grade"] == 4
    assert row["alpha"] == 1.2 and row["r_value"] == pytest.approx(1.8)
    assert set(result.records["q_source"]) == {"Table 2 W2"}
    assert set(result.records["beta_source"]) == {"Table 4 W2"}


def test_several_categories_lowest_q_highest_beta():
    # 'W5.3,J5': Q = min(1000, 500) = 500 (J5), β = max(1, 1) = 1;  'W2;J1': Q 5 (J1), β 4 (J1).
    result = grade_hazard_sources(records([
        ("U", "liquid X", 250, "W5.3,J5", 0, "E"), ("U", "gas Y", 1, "W2;J1", 0, "E"),
    ]), FIELDS)
    detail = result.records.set_index("substance")
    assert detail.loc["liquid X", ["crit_q_t", "beta"]].tolist() == [500, 1]
    assert detail.loc["gas Y", ["crit_q_t", "beta", "q_source", "beta_source"]].tolist() == [
        5, 4, "Table 2 J1", "Table 4 J1"]
    # S = 250/500 + 1/5 = 0.7 → not major: no grade, level 4; R = 0.5 × (0.5 + 0.8) = 0.65
    row = unit(result, "U")
    assert not bool(row["is_major"]) and math.isnan(row["hazard_grade"]) and row["risk_level"] == 4
    assert row["r_value"] == pytest.approx(0.65) and row["alpha"] == 0.5


def test_table1_q_wins_and_record_category_sets_beta():
    # methanol: Table 1 Q 500 even with a category; β from the record's W5.1 (1.5) instead of W5.3 (1).
    # ammonia is a Table 3 gas: β 2 whatever the record says.
    result = grade_hazard_sources(records([
        ("U", "methanol", 100, "W5.1", 0, "E"), ("U", "液氨", 1, "W2", 0, "E"), ("V", "甲醇", 100, None, 0, "E"),
    ]), FIELDS)
    detail = result.records
    assert detail["crit_q_t"].tolist() == [500, 10, 500]
    assert detail["beta"].tolist() == [1.5, 2, 1]
    assert detail["beta_source"].tolist() == ["Table 4 W5.1 (record category)", "Table 3",
                                              "Table 4 W5.3 (category of Table 1 #65)"]


def test_alias_resolution_counts_one_substance():
    # 氯 and 7782-50-5 are the same substance: one substance, quantities add (0.5 + 0.5 t → q/Q 0.2).
    result = grade_hazard_sources(records([("U", "氯", 0.5, None, 0, "E"), ("U", "7782-50-5", 0.5, None, 0, "E")]),
                                  FIELDS)
    row = unit(result, "U")
    assert row["n_substances"] == 1 and row["s_value"] == pytest.approx(0.2)


def test_unknown_substance_names_unit_and_feature():
    frame = records([("U1", "氯", 1, None, 0, "E"), ("U7", "unobtainium", 3, None, 0, "E")], index=[11, 12])
    with pytest.raises(InputError) as caught:
        grade_hazard_sources(frame, FIELDS, layer="hazard_sources")
    message = str(caught.value)
    assert "U7" in message and "unobtainium" in message and "12" in message and "hazard_sources" in message
    assert caught.value.feature_ids == [12] and caught.value.field == "substance"


def test_unknown_category_and_ambiguous_name_are_errors():
    with pytest.raises(InputError, match="unknown hazard category W99"):
        grade_hazard_sources(records([("U", "gas", 1, "W99", 0, "E")]), FIELDS)
    with pytest.raises(InputError, match="several rows"):
        grade_hazard_sources(records([("U", "硝化棉", 1, None, 0, "E")]), FIELDS)
    with pytest.raises(InputError, match="Table 4"):  # fluorine: Table 1, not Table 3, no category kept
        grade_hazard_sources(records([("U", "氟", 1, None, 0, "E")]), FIELDS)


def test_negative_and_null_quantities():
    with pytest.raises(InputError, match="negative") as caught:
        grade_hazard_sources(records([("U", "氯", -1, None, 0, "E")], index=[5]), FIELDS)
    assert caught.value.feature_ids == [5] and caught.value.field == "quantity_t"
    result = grade_hazard_sources(records([("U", "氯", np.nan, None, 0, "E"), ("U", "氨", 5, None, 0, "E")]), FIELDS)
    assert unit(result, "U")["s_value"] == pytest.approx(0.5)
    assert any("counted as 0 t" in w for w in result.warnings)


def test_missing_field_is_named():
    frame = records([("U", "氯", 1, None, 0, "E")]).drop(columns=["quantity_t"])
    with pytest.raises(InputError) as caught:
        grade_hazard_sources(frame, FIELDS)
    assert caught.value.field == "quantity_t"


def test_disagreeing_exposed_counts_take_largest_with_warning():
    # 40 and 120 people → 120 → α 2.0
    result = grade_hazard_sources(records([("U", "氯", 10, None, 40, "E"), ("U", "氨", 1, None, 120, "E")]), FIELDS)
    assert unit(result, "U")["exposed_people"] == 120 and unit(result, "U")["alpha"] == 2.0
    assert any("disagree" in w for w in result.warnings)


def test_records_of_one_unit_naming_two_enterprises_is_an_error():
    with pytest.raises(InputError, match="different enterprises"):
        grade_hazard_sources(records([("U", "氯", 1, None, 0, "E1"), ("U", "氨", 1, None, 0, "E2")]), FIELDS)


def population_square(residents=4000.0):
    # 2 km × 2 km centred on the origin: density = 4000 / 4e6 = 0.001 people per m²
    return gpd.GeoDataFrame({"residents": [residents]}, geometry=[shapely.box(-1000, -1000, 1000, 1000)], crs=CRS)


def test_exposed_people_estimated_ring_around_polygon_and_disc_around_point():
    # Polygon unit 100 m × 100 m: ring area = 4·100·500 + π·500² = 200 000 + 785 398 = 985 398 m²
    # → 985.4 people → 985.  Point unit: disc π·500² = 785 398 m² → 785.4 → 785.
    # (The segmented 500 m buffer loses < 80 m², i.e. < 0.08 people: the rounding is unaffected.)
    frame = records([("P", "氯", 10, None, np.nan, "E"), ("Q", "氯", 10, None, np.nan, "E")],
                    geometries=[shapely.box(-50, -50, 50, 50), shapely.Point(0, 0)])
    result = grade_hazard_sources(frame, FIELDS, population=population_square(), population_field="residents")
    assert unit(result, "P")["exposed_people"] == 985
    assert unit(result, "Q")["exposed_people"] == 785
    assert unit(result, "P")["exposed_source"] == "estimated"
    # 985 people → α 2; chlorine 10 t: q/Q 2, β 4 → R = 2 × 8 = 16 → 三级
    assert unit(result, "P")["r_value"] == pytest.approx(16.0)


def test_people_inside_the_plant_are_not_exposed():
    # all residents inside the unit polygon: the ring outside it holds nobody → 0 people → α 0.5
    frame = records([("P", "氯", 10, None, np.nan, "E")], geometries=[shapely.box(-300, -300, 300, 300)])
    population = gpd.GeoDataFrame({"residents": [500.0]}, geometry=[shapely.box(-100, -100, 100, 100)], crs=CRS)
    result = grade_hazard_sources(frame, FIELDS, population=population, population_field="residents")
    assert unit(result, "P")["exposed_people"] == 0 and unit(result, "P")["alpha"] == 0.5


def test_field_count_wins_over_estimate():
    frame = records([("P", "氯", 10, None, 3, "E")], geometries=[shapely.Point(0, 0)])
    result = grade_hazard_sources(frame, FIELDS, population=population_square(), population_field="residents")
    assert unit(result, "P")["exposed_people"] == 3 and unit(result, "P")["exposed_source"] == "field"


def test_major_unit_without_exposure_information_is_an_error():
    frame = records([("P", "氯", 10, None, np.nan, "E")], index=[9])
    with pytest.raises(InputError, match="no exposed-people count") as caught:
        grade_hazard_sources(frame, FIELDS)
    assert caught.value.feature_ids == [9]
    # a non-major unit needs no α: no error, α and R stay empty
    result = grade_hazard_sources(records([("P", "氯", 1, None, np.nan, "E")]), FIELDS)
    assert math.isnan(unit(result, "P")["alpha"]) and unit(result, "P")["risk_level"] == 4


def test_unit_geometry_is_the_merged_records():
    frame = records([("U", "氯", 1, None, 0, "E"), ("U", "氨", 1, None, 0, "E")],
                    geometries=[shapely.box(0, 0, 10, 10), shapely.box(10, 0, 20, 10)])
    result = grade_hazard_sources(frame, FIELDS)
    assert result.units.geometry.iloc[0].area == pytest.approx(200)
    assert result.units.geometry.iloc[0].equals(shapely.box(0, 0, 20, 10))


def test_numeric_unit_ids_become_text_and_input_is_not_modified():
    frame = records([(7, "氯", 1, None, 0, "E"), (7, "氨", 1, None, 0, "E")])
    frame["unit_id"] = frame["unit_id"].astype(float)
    before = frame.copy()
    result = grade_hazard_sources(frame, FIELDS)
    assert result.units["unit_id"].tolist() == ["7"]
    assert frame.equals(before)


def test_estimate_needs_a_geometry():
    frame = records([("P", "氯", 10, None, np.nan, "E")], geometries=[None], index=[4])
    with pytest.raises(InputError, match="no geometry") as caught:
        grade_hazard_sources(frame, FIELDS, population=population_square(), population_field="residents")
    assert caught.value.feature_ids == [4]


def test_exposed_people_are_counted_outside_the_plant_boundary():
    # GB 18218-2018 counts the people within 500 m outside the plant boundary (厂区边界).  Plant of enterprise
    # E1: 200 m × 200 m; its unit U1 is a point inside.  Residents: 484 on 2200 m × 2200 m = 1e-4 per m².
    # Plant: ring = 200² + 4·200·500 + π·500² − 200² = 400 000 + 785 398 = 1 185 398 m² → 118.5 → 119 people
    #        → α 2.0; chlorine 10 t: q/Q 2, β 4 → R = 2.0 × 8 = 16 (三级).
    # The unit's own boundary (a point): disc π·500² = 785 398 m² → 78.5 → 79 people → α 1.5, R = 12.
    # (The 64-segment buffer loses < 80 m²: < 0.01 people, the rounding is unaffected.)
    # E2 is a point (no plant boundary): its unit U2 keeps its own boundary, far from anyone: 0 people.
    frame = records([("U1", "氯", 10, None, np.nan, "E1"), ("U2", "氯", 10, None, np.nan, "E2")],
                    geometries=[shapely.Point(100, 100), shapely.Point(9000, 9000)])
    population = gpd.GeoDataFrame({"residents": [484.0]}, geometry=[shapely.box(-1000, -1000, 1200, 1200)], crs=CRS)
    plants = gpd.GeoDataFrame({"ent_id": ["E1", "E2"]}, geometry=[shapely.box(0, 0, 200, 200), shapely.Point(9000, 0)],
                              crs=CRS, index=pd.Index([7, 8], name="fid"))
    with_plants = grade_hazard_sources(frame, FIELDS, population=population, population_field="residents",
                                       plants=plants)
    u1 = unit(with_plants, "U1")
    assert (u1["boundary"], u1["exposed_people"], u1["alpha"]) == ("plant", 119, 2.0)
    assert u1["r_value"] == pytest.approx(16.0) and u1["hazard_grade"] == 3
    assert (unit(with_plants, "U2")["boundary"], unit(with_plants, "U2")["exposed_people"]) == ("unit", 0)
    assert any("without a polygon" in w and "E2 (fid 8)" in str(w) for w in with_plants.warnings)
    assert unit(with_plants, "U1").geometry.equals(shapely.Point(100, 100))  # the unit keeps its own geometry
    own = grade_hazard_sources(frame, FIELDS, population=population, population_field="residents")
    u1 = unit(own, "U1")
    assert (u1["boundary"], u1["exposed_people"], u1["alpha"]) == ("unit", 79, 1.5)
    assert u1["r_value"] == pytest.approx(12.0)


def test_plant_boundaries_need_unique_ids_and_a_unit_without_geometry_uses_its_plant():
    plants = gpd.GeoDataFrame({"ent_id": ["E1", "E1"]}, geometry=[shapely.box(0, 0, 200, 200)] * 2, crs=CRS,
                              index=pd.Index([3, 4], name="fid"))
    frame = records([("U1", "氯", 10, None, np.nan, "E1")], geometries=[None])
    population = gpd.GeoDataFrame({"residents": [484.0]}, geometry=[shapely.box(-1000, -1000, 1200, 1200)], crs=CRS)
    with pytest.raises(InputError, match="duplicate") as caught:
        grade_hazard_sources(frame, FIELDS, population=population, population_field="residents", plants=plants)
    assert caught.value.feature_ids == [3, 4] and "E1 (fid 3), E1 (fid 4)" in str(caught.value)
    result = grade_hazard_sources(frame, FIELDS, population=population, population_field="residents",
                                  plants=plants.iloc[:1])
    assert (unit(result, "U1")["boundary"], unit(result, "U1")["exposed_people"]) == ("plant", 119)


def test_an_empty_population_layer_cannot_estimate_exposure():
    empty = gpd.GeoDataFrame({"residents": []}, geometry=gpd.GeoSeries([], crs=CRS), crs=CRS)
    with pytest.raises(InputError, match="population layer to estimate it from is empty"):
        grade_hazard_sources(records([("P", "氯", 10, None, np.nan, "E")]), FIELDS, population=empty,
                             population_field="residents")


def test_invalid_unit_polygons_are_repaired_before_they_are_merged():
    bowtie = shapely.Polygon([(0, 0), (100, 100), (100, 0), (0, 100)])
    result = grade_hazard_sources(records([("U", "氯", 1, None, 0, "E"), ("U", "氨", 1, None, 0, "E")],
                                          geometries=[bowtie, shapely.box(200, 0, 300, 100)]), FIELDS)
    assert unit(result, "U").geometry.area == pytest.approx(5000 + 10000)
