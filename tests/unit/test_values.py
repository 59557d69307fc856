"""core.values: one reading of yes/no words, numbers and ids for validation and every algorithm."""
import numpy as np
import pandas as pd
import pytest

from riskatlas.core import values as V
from riskatlas.layers import validation as v
from riskatlas.layers.schemas import SCHEMAS

TRUE_TEXT = ["是", "对", "有", "Y", "y", "yes", "YES", "t", "T", "true", "True", " 是 ", "1", "1.0"]
FALSE_TEXT = ["否", "错", "无", "N", "n", "no", "f", "F", "false", "FALSE", " 否", "0", "0.0"]


@pytest.mark.parametrize("text", TRUE_TEXT)
def test_true_words(text):
    assert V.to_bool(text) is True


@pytest.mark.parametrize("text", FALSE_TEXT)
def test_false_words(text):
    assert V.to_bool(text) is False


@pytest.mark.parametrize("value", ["maybe", "2", 2, -1, 0.5, "是的吧", "城镇"])
def test_anything_else_is_invalid_never_silently_true(value):
    with pytest.raises(ValueError):
        V.to_bool(value)


def test_urban_words_are_in_the_code_table():
    from riskatlas.core.ledger.codes import read_codes

    assert read_codes("population", "urban", ["城镇", "urban", "乡村", "农村", "Rural", "是"]).codes.tolist() == [
        True, True, False, False, False, True]
    assert V.yes_no("城镇") is None and V.yes_no("是") is True and V.yes_no("") is None


def test_parse_bools_on_a_mixed_column():
    parsed = V.parse_bools(pd.Series(["否", "n", "f", "是", None, "", 1, 0.0, True, np.nan, "maybe"],
                                     index=[10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]))
    assert parsed.values.tolist() == [False, False, False, True, False, False, True, False, True, False, False]
    assert parsed.blank.tolist() == [False] * 4 + [True, True] + [False] * 3 + [True, False]
    assert parsed.invalid.tolist() == [False] * 10 + [True]


def test_parse_bools_keeps_a_bool_column():
    parsed = V.parse_bools(np.array([True, False]))
    assert parsed.values.tolist() == [True, False] and not parsed.blank.any() and not parsed.invalid.any()


def test_parse_numbers():
    parsed = V.parse_numbers([" 12 ", "1e3", "-2.5", 7, None, "", "  ", np.nan, "twelve", "nan", True])
    assert parsed.values[:4].tolist() == [12.0, 1000.0, -2.5, 7.0]
    assert parsed.blank.tolist() == [False] * 4 + [True] * 4 + [False] * 3
    assert parsed.invalid.tolist() == [False] * 8 + [True, True, False]
    assert parsed.values[10] == 1.0
    numeric = V.parse_numbers(np.array([1.5, np.nan]))
    assert numeric.blank.tolist() == [False, True] and not numeric.invalid.any()


def test_number_text_steps_are_the_extension_point():
    grams = (lambda text: text.str.strip(), lambda text: text.str.replace("克", "", regex=False))
    assert V.parse_numbers(["12克"], steps=grams).values.tolist() == [12.0]
    assert V.parse_numbers(["12克"]).invalid.tolist() == [True]  # not a unit of the table


@pytest.mark.parametrize("text, number", [
    ("12吨", 12.0), ("12 t", 12.0), ("500kg", 0.5), ("500 千克", 0.5), ("1.2万吨", 12000.0),
    ("1,200", 1200.0), ("12,345,678.5", 12345678.5), ("１２", 12.0), ("１，２００．５", 1200.5), ("－３", -3.0),
    ("1.2万", 12000.0), ("2000㎡", 2000.0), ("2000m²", 2000.0), ("3亩", 2000.0), ("120人", 120.0),
    ("60km/h", 60.0), ("5分钟", 5.0), ("90秒", 1.5),
])
def test_numbers_as_ledgers_write_them(text, number):
    parsed = V.parse_numbers([text])
    assert parsed.values[0] == pytest.approx(number) and parsed.rewritten.tolist() == [True]


@pytest.mark.parametrize("text", ["1,2", "1,20", "12 克", "十二", "12吨吨", "1.2.3", "12, 5"])
def test_numbers_not_read(text):
    assert V.parse_numbers([text]).invalid.tolist() == [True]


def test_units_of_another_dimension_are_refused_when_the_field_says_which():
    parsed = V.parse_numbers(["12吨", "12人", "1.2万", "7"], dimension="mass")
    assert parsed.values[[0, 2, 3]].tolist() == [12.0, 12000.0, 7.0] and parsed.invalid.tolist() == [
        False, True, False, False]
    assert parsed.rewritten.tolist() == [True, False, True, False]


def test_single_values():
    assert V.to_number(" 3 ") == 3.0 and V.to_number("") is None and V.to_bool(None) is None
    with pytest.raises(ValueError):
        V.to_number("three")


def test_id_strings():
    assert V.id_strings(pd.Series([1.0, 2.5, np.nan])).tolist() == ["1", "2.5", None]
    assert V.id_strings(pd.Series([" FS01 ", "", None, 7], dtype=object)).tolist() == ["FS01", None, None, "7"]


def test_validation_accepts_exactly_the_values_the_parser_reads():
    import geopandas as gpd
    import shapely

    words = TRUE_TEXT + FALSE_TEXT + ["maybe", "2"]
    gdf = gpd.GeoDataFrame({"station_id": [f"S{i}" for i in range(len(words))], "name": "x", "class": "class1",
                            "suburban": words}, geometry=shapely.points(np.zeros((len(words), 2))))
    facts = v.CrsFacts(True, False, "EPSG:4549")
    found = v.validate_layer(SCHEMAS["fire_stations"], "stations", gdf, {"suburban": "string"}, facts)
    flagged = sorted(f.feature_id for f in found if f.field == "suburban")
    assert flagged == np.flatnonzero(V.parse_bools(words).invalid).tolist() == [len(words) - 2, len(words) - 1]


def test_parse_numbers_of_numbers_held_as_objects_reads_them_as_a_numeric_column():
    """A per-feature read gives numbers as objects: read as numbers (no text pass), the same result
    as the text path gives them, element by element."""
    held = np.array([60, 50.5, np.nan, 40], dtype=object)
    parsed = V.parse_numbers(held)
    one_by_one = [V.parse_numbers(np.array([value, "x"], dtype=object)) for value in held]
    assert parsed.values[[0, 1, 3]].tolist() == [60.0, 50.5, 40.0]
    assert parsed.blank.tolist() == [False, False, True, False] == [p.blank[0] for p in one_by_one]
    assert not parsed.invalid.any() and not parsed.rewritten.any()
    assert [p.values[0] for p in one_by_one if not p.blank[0]] == [60.0, 50.5, 40.0]
