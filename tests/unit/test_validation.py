"""Each validation rule with a bad-input case (pure: GeoDataFrames as layers.convert produces them)."""
import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import LineString, Point, Polygon

from riskatlas.layers import validation as v
from riskatlas.layers.schemas import SCHEMAS

PROJECTED = v.CrsFacts(True, False, "EPSG:4549")


def stations(**overrides):
    data = {"station_id": ["S1", "S2", "S3"], "name": ["一站", "二站", "三站"], "name_en": [None] * 3,
            "class": ["class1", "class2", "small"], "turnout_min": [1.0, np.nan, 1.5],
            "suburban": [None, True, False]}
    geometry = [Point(0, 0), Point(100, 0), Point(200, 0)]
    data.update(overrides.pop("data", {}))
    gdf = gpd.GeoDataFrame(data, geometry=overrides.pop("geometry", geometry), index=pd.Index([1, 2, 3], name="fid"))
    return gdf


TYPES = {"station_id": "string", "name": "string", "name_en": "string", "class": "string",
         "turnout_min": "double", "suburban": "bool"}


def run(gdf, types=TYPES, crs=PROJECTED, kind="fire_stations"):
    return v.validate_layer(SCHEMAS[kind], "fire_stations", gdf, types, crs)


def problems(findings):
    return sorted({(f.problem, f.severity, f.feature_id, f.field) for f in findings}, key=str)


def test_clean_layer_has_no_findings():
    assert run(stations()) == []


def test_empty_layer_is_an_error():
    empty = stations().iloc[0:0]
    assert problems(run(empty)) == [("empty_layer", "error", None, None)]


def test_missing_crs_is_an_error_and_geographic_a_warning():
    assert ("missing_crs", "error", None, None) in problems(run(stations(), crs=v.CrsFacts(False, False, "")))
    assert ("geographic_crs", "warning", None, None) in problems(
        run(stations(), crs=v.CrsFacts(True, True, "EPSG:4490")))


def test_missing_required_field():
    gdf = stations().drop(columns=["class"])
    assert ("missing_field", "error", None, "class") in problems(run(gdf))


def test_null_required_value_names_the_feature():
    gdf = stations(data={"name": ["一站", "  ", None]})
    found = [f for f in run(gdf) if f.problem == "null_value"]
    assert sorted(f.feature_id for f in found) == [2, 3]
    assert all(f.field == "name" and f.severity == "error" for f in found)


def test_text_that_is_not_a_number_is_a_type_error():
    gdf = stations(data={"turnout_min": ["1", "abc", None]})
    found = run(gdf, types={**TYPES, "turnout_min": "string"})
    assert ("wrong_type", "error", 2, "turnout_min") in problems(found)


def test_numbers_stored_as_text_are_a_warning():
    gdf = stations(data={"turnout_min": ["1", "2.5", None]})
    assert problems(run(gdf, types={**TYPES, "turnout_min": "string"})) == [
        ("numbers_stored_as_text", "warning", None, "turnout_min")]


def test_unknown_code():
    # codes are case-insensitive; a station of unknown class is still analysed (no district limit): a warning
    gdf = stations(data={"class": ["class1", "class9", "SMALL"]})
    found = run(gdf)
    assert problems(found) == [("unknown_code", "warning", 2, "class")]
    assert "no district-area limit" in found[0].message and found[0].key == "S2"
    shelters = gpd.GeoDataFrame({"shelter_id": ["A", "B"], "name": ["a", "b"], "type": ["fixed_short", "tent"],
                                 "area_m2": [3000.0, 3000.0]}, geometry=[Point(0, 0), Point(1, 1)],
                                index=pd.Index([1, 2], name="fid"))
    found = v.validate_layer(SCHEMAS["shelters"], "s", shelters, {}, PROJECTED)
    assert problems(found) == [("unknown_code", "error", 2, "type")]  # an unknown shelter type stops the analysis


def test_several_hazard_categories_in_one_value():
    gdf = gpd.GeoDataFrame({"unit_id": ["U1", "U2"], "ent_id": ["E1", "E1"], "substance": ["x1", "x2"],
                            "quantity_t": [1.0, 1.0], "hazard_cat": ["W2, J3", "W2/W99"]},
                           geometry=[Point(0, 0)] * 2, index=pd.Index([10, 11], name="fid"))
    found = v.validate_layer(SCHEMAS["hazard_sources"], "hs", gdf, {}, PROJECTED)
    assert problems(found) == [("unknown_code", "error", 11, "hazard_cat")]


def test_substances_gb18218_cannot_resolve_are_errors_naming_the_unit():
    gdf = gpd.GeoDataFrame({"unit_id": ["U1", "U2"], "ent_id": ["E1", "E1"], "substance": ["氯", "xyzzy"],
                            "quantity_t": [1.0, 1.0]}, geometry=[Point(0, 0)] * 2,
                           index=pd.Index([10, 11], name="fid"))
    found = v.validate_layer(SCHEMAS["hazard_sources"], "hs", gdf, {}, PROJECTED)
    assert problems(found) == [("unknown_substance", "error", 11, "substance")]
    assert found[0].key == "U2" and "xyzzy" in found[0].message


def test_empty_quantity_counts_as_zero_with_a_warning_and_implausible_values_are_warned():
    gdf = gpd.GeoDataFrame({"unit_id": ["U1", "U2"], "ent_id": ["E1", "E1"], "substance": ["氯", "氨"],
                            "quantity_t": [np.nan, 2e5]}, geometry=[Point(0, 0)] * 2,
                           index=pd.Index([10, 11], name="fid"))
    found = v.validate_layer(SCHEMAS["hazard_sources"], "hs", gdf, {}, PROJECTED)
    assert problems(found) == [("implausible_value", "warning", 11, "quantity_t"),
                               ("null_value", "warning", 10, "quantity_t")]


def test_lec_fields_are_required_when_the_lec_method_is_chosen():
    gdf = gpd.GeoDataFrame({"ent_id": ["E1"], "name": ["a"], "industry": ["化工"], "lec_l": [3.0]},
                           geometry=[Point(0, 0)], index=pd.Index([1], name="fid"))
    assert v.validate_layer(SCHEMAS["enterprises"], "ent", gdf, {}, PROJECTED) == []
    found = v.validate_layer(SCHEMAS["enterprises"], "ent", gdf, {}, PROJECTED, method="lec")
    assert problems(found) == [("missing_field", "error", None, "lec_c"), ("missing_field", "error", None, "lec_e")]
    found = v.validate_layer(SCHEMAS["enterprises"], "ent", gdf, {}, PROJECTED, method="matrix")
    assert {f.field for f in found} == {"likelihood", "severity"}


def test_negative_and_absurd_values():
    gdf = stations(data={"turnout_min": [-1.0, 11.0, 10.0]})  # 10 is the inclusive maximum, above 3 implausible
    assert problems(run(gdf)) == [("absurd_value", "error", 2, "turnout_min"),
                                  ("implausible_value", "warning", 3, "turnout_min"),
                                  ("negative_value", "error", 1, "turnout_min")]
    text = run(stations(data={"turnout_min": ["1", "inf", None]}), types={**TYPES, "turnout_min": "string"})
    assert ("wrong_type", "error", 2, "turnout_min") in problems(text)  # infinity is no number


def test_hazard_quantity_above_a_million_tonnes_is_absurd():
    gdf = gpd.GeoDataFrame({"unit_id": ["U1", "U1"], "ent_id": ["E1", "E1"], "substance": ["氯", "氨"],
                            "quantity_t": [1e6, 1e6 + 1]}, geometry=[Point(0, 0)] * 2,
                           index=pd.Index([10, 11], name="fid"))
    found = v.validate_layer(SCHEMAS["hazard_sources"], "hs", gdf,
                             {"unit_id": "string", "ent_id": "string", "substance": "string",
                              "quantity_t": "double"}, PROJECTED)
    assert problems(found) == [("absurd_value", "error", 11, "quantity_t"),
                               ("implausible_value", "warning", 10, "quantity_t")]


def test_duplicate_ids_name_both_features():
    gdf = stations(data={"station_id": ["S1", "S1", "S3"]})
    found = [f for f in run(gdf) if f.problem == "duplicate_id"]
    assert sorted(f.feature_id for f in found) == [1, 2]
    assert {f.key for f in found} == {"S1"} and "duplicate station_id 'S1'" in found[0].message


def test_composite_key_of_hazard_records():
    """One record per unit × substance: the same substance twice in one unit is a duplicate."""
    gdf = gpd.GeoDataFrame({"unit_id": ["U1", "U1", "U2"], "ent_id": ["E1"] * 3, "substance": ["氯", "氯", "氯"],
                            "quantity_t": [1.0, 2.0, 3.0]}, geometry=[Point(0, 0)] * 3,
                           index=pd.Index([1, 2, 3], name="fid"))
    found = v.validate_layer(SCHEMAS["hazard_sources"], "hs", gdf, {}, PROJECTED)
    assert sorted(f.feature_id for f in found if f.problem == "duplicate_id") == [1, 2]


def test_null_empty_invalid_and_wrong_geometries():
    bowtie = Polygon([(0, 0), (1, 1), (1, 0), (0, 1)])
    gdf = stations(geometry=[None, Point(), LineString([(0, 0), (1, 1)])])
    found = problems(run(gdf))
    assert ("null_geometry", "error", 1, None) in found and ("null_geometry", "error", 2, None) in found
    assert ("wrong_geometry_type", "error", 3, None) in found
    pop = gpd.GeoDataFrame({"pop_id": ["P1"], "residents": [10.0]}, geometry=[bowtie],
                           index=pd.Index([5], name="fid"))
    found = v.validate_layer(SCHEMAS["population"], "pop", pop, {"pop_id": "string", "residents": "double"},
                             PROJECTED)
    assert problems(found) == [("invalid_geometry", "warning", 5, None)]
    assert "Self-intersection" in found[0].message


def test_lec_values_off_the_table_are_warnings():
    gdf = gpd.GeoDataFrame({"ent_id": ["E1", "E2"], "name": ["a", "b"], "industry": ["化工", "化工"],
                            "lec_l": [3.0, 4.0], "lec_e": [6.0, 6.0], "lec_c": [15.0, 15.0]},
                           geometry=[Point(0, 0), Point(1, 1)], index=pd.Index([1, 2], name="fid"))
    found = v.validate_layer(SCHEMAS["enterprises"], "ent", gdf, {}, PROJECTED)
    assert problems(found) == [("non_standard_value", "warning", 2, "lec_l")]


def test_bool_from_text_or_integers():
    gdf = stations(data={"suburban": ["是", "0", "maybe"]})
    assert problems(run(gdf, types={**TYPES, "suburban": "string"})) == [("wrong_type", "error", 3, "suburban")]


def test_mixed_crs_warns_for_layers_differing_from_the_first():
    found = v.check_mixed_crs([("a", PROJECTED), ("b", v.CrsFacts(True, True, "EPSG:4490")),
                               ("c", PROJECTED), ("d", v.CrsFacts(False, False, ""))])
    assert [(f.layer, f.problem, f.severity) for f in found] == [("b", "mixed_crs", "warning")]


def test_report_table_and_html():
    report = v.ValidationReport(run(stations(data={"class": ["x", "y", "small"]})))
    frame = report.to_frame()
    assert list(frame.columns) == ["layer", "feature_id", "feature_key", "field", "problem", "severity", "message"]
    report = v.ValidationReport(run(stations(data={"name": [None, None, "三站"]})))
    frame = report.to_frame()
    assert len(frame) == 2 and not report.ok and frame["feature_key"].tolist() == ["S1", "S2"]
    page = report.to_html(layers=[("fire_stations", 3)])
    assert "S1 (fid 1) · name: required value (名称) is empty" in page and "<td class='error'>2</td>" in page


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_every_schema_names_its_key_fields(kind):
    schema = SCHEMAS[kind]
    assert all(k in schema.field_by_name for k in schema.key)
    assert all(f.alias_zh and f.alias_en for f in schema.fields)
