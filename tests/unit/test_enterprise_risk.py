"""Enterprise scores, cut-set presets (lower bounds included) and the 就高 combination with hazard units."""
import numpy as np
import pandas as pd
import pytest

from riskatlas.core.enterprise_risk import (CUT_SET_BY_NAME, CUT_SETS, LEC, MATRIX, enterprise_risk,
                                            levels_for)
from riskatlas.core.errors import InputError


def test_presets_are_named_and_ordered():
    assert [c.name for c in CUT_SETS] == ["lec_320_160_70", "lec_160_70_20", "matrix_5x5_20_15_9",
                                          "matrix_5x5_15_8_4"]
    assert [c.cuts for c in CUT_SETS] == [(320, 160, 70), (160, 70, 20), (20, 15, 9), (15, 8, 4)]


@pytest.mark.parametrize("preset,scores,levels", [
    ("lec_320_160_70", [400, 320, 319.9, 160, 159.9, 70, 69.9, 20, 0.1], [1, 1, 2, 2, 3, 3, 4, 4, 4]),
    ("lec_160_70_20", [400, 320, 160, 159.9, 70, 69.9, 20, 19.9, 0.1], [1, 1, 1, 2, 2, 3, 3, 4, 4]),
    ("matrix_5x5_20_15_9", [25, 20, 16, 15, 12, 9, 8, 1], [1, 1, 2, 2, 3, 3, 4, 4]),
    ("matrix_5x5_15_8_4", [25, 16, 15, 12, 8, 6, 4, 3, 1], [1, 1, 1, 2, 2, 3, 3, 4, 4]),
])
def test_cut_boundaries(preset, scores, levels):
    assert levels_for(scores, CUT_SET_BY_NAME[preset]).tolist() == levels


def enterprises():
    frame = pd.DataFrame({
        "ent_id": ["A", "B", "C", "D", "E"],
        # D = L·E·C: 10·6·7 = 420; 3·6·15 = 270; 10·1·7 = 70; 3·3·7 = 63; 1·2·7 = 14
        "lec_l": [10, 3, 10, 3, 1], "lec_e": [6, 6, 1, 3, 2], "lec_c": [7, 15, 7, 7, 7],
        # R = L·S: 4·5 = 20; 3·5 = 15; 3·3 = 9; 2·4 = 8; 1·3 = 3
        "likelihood": [4, 3, 3, 2, 1], "severity": [5, 5, 3, 4, 3],
    }, index=pd.Index([10, 11, 12, 13, 14], name="fid"))
    return frame


LEC_FIELDS = ("lec_l", "lec_e", "lec_c")
MATRIX_FIELDS = ("likelihood", "severity")


def test_lec_both_presets():
    first = enterprise_risk(enterprises(), "ent_id", LEC, "lec_320_160_70", lec_fields=LEC_FIELDS).table
    assert first["risk_score"].tolist() == pytest.approx([420, 270, 70, 63, 14])
    assert first["risk_level"].tolist() == [1, 2, 3, 4, 4]
    second = enterprise_risk(enterprises(), "ent_id", LEC, "lec_160_70_20", lec_fields=LEC_FIELDS).table
    assert second["risk_level"].tolist() == [1, 1, 2, 3, 4]
    assert set(second["risk_preset"]) == {"lec_160_70_20"} and set(second["risk_method"]) == {"lec"}
    assert set(second["level_source"]) == {"score"}


def test_matrix_both_presets_and_default():
    table = enterprise_risk(enterprises(), "ent_id", MATRIX, matrix_fields=MATRIX_FIELDS).table
    assert table["risk_score"].tolist() == [20, 15, 9, 8, 3]
    assert table["risk_level"].tolist() == [1, 2, 3, 4, 4]
    assert set(table["risk_preset"]) == {"matrix_5x5_20_15_9"}
    table = enterprise_risk(enterprises(), "ent_id", MATRIX, "matrix_5x5_15_8_4", matrix_fields=MATRIX_FIELDS).table
    assert table["risk_level"].tolist() == [1, 1, 2, 2, 4]
    assert table["risk_label_zh"].tolist() == ["重大风险", "重大风险", "较大风险", "较大风险", "低风险"]


def test_bad_values_name_features_and_fields():
    frame = enterprises()
    frame.loc[12, "lec_l"] = np.nan
    with pytest.raises(InputError) as caught:
        enterprise_risk(frame, "ent_id", LEC, lec_fields=LEC_FIELDS, layer="enterprises")
    assert caught.value.feature_ids == [12] and caught.value.field == "lec_l"
    frame = enterprises()
    frame.loc[13, "severity"] = 6
    with pytest.raises(InputError, match="1–5") as caught:
        enterprise_risk(frame, "ent_id", MATRIX, matrix_fields=MATRIX_FIELDS)
    assert caught.value.feature_ids == [13] and caught.value.field == "severity"
    frame = enterprises()
    frame.loc[10, "lec_c"] = 0
    with pytest.raises(InputError, match="positive"):
        enterprise_risk(frame, "ent_id", LEC, lec_fields=LEC_FIELDS)


def test_off_table_lec_values_warn():
    frame = enterprises()
    frame.loc[10, "lec_l"] = 8
    result = enterprise_risk(frame, "ent_id", LEC, lec_fields=LEC_FIELDS)
    assert any("lec_l" in w for w in result.warnings)
    assert result.table.loc[10, "risk_score"] == 8 * 6 * 7


def test_preset_must_fit_method():
    with pytest.raises(InputError, match="LEC preset"):
        enterprise_risk(enterprises(), "ent_id", MATRIX, "lec_320_160_70", matrix_fields=MATRIX_FIELDS)


def units():
    return pd.DataFrame({"unit_id": ["u1", "u2", "u3", "u4", "u5"], "enterprise_id": ["C", "C", "A", "ZZ", None],
                         "risk_level": [2, 1, 3, 1, 1]}, index=[1, 2, 3, 4, 5])


def test_highest_level_wins_with_hazard_units():
    # LEC first preset: A 1, B 2, C 3, D 4, E 4.  C owns u1 (2) and u2 (1) → 1 from hazard unit u2.
    # A (1) owns u3 (3) → stays 1 from its score.  ZZ is unknown, u5 has no owner: warnings.
    result = enterprise_risk(enterprises(), "ent_id", LEC, lec_fields=LEC_FIELDS, units=units())
    table = result.table
    assert table["risk_level"].tolist() == [1, 2, 1, 4, 4]
    assert table["score_level"].tolist() == [1, 2, 3, 4, 4]
    assert table["level_source"].tolist() == ["score", "score", "hazard_unit", "score", "score"]
    assert table.loc[12, "hazard_unit_id"] == "u2" and table.loc[12, "hazard_level"] == 1
    assert table.loc[10, "hazard_level"] == 3
    assert np.isnan(table.loc[11, "hazard_level"]) and table.loc[11, "hazard_unit_id"] is None
    assert any("ZZ" in w for w in result.warnings) and any("name no enterprise" in w for w in result.warnings)


def test_duplicate_enterprise_ids_with_units_is_an_error():
    frame = enterprises()
    frame.loc[14, "ent_id"] = "A"
    with pytest.raises(InputError, match="not unique") as caught:
        enterprise_risk(frame, "ent_id", LEC, lec_fields=LEC_FIELDS, units=units())
    assert caught.value.feature_ids == [10, 14]


def test_bad_unit_level_is_an_error():
    bad = units()
    bad.loc[3, "risk_level"] = 7
    with pytest.raises(InputError) as caught:
        enterprise_risk(enterprises(), "ent_id", LEC, lec_fields=LEC_FIELDS, units=bad, units_layer="graded")
    assert caught.value.feature_ids == [3] and caught.value.layer == "graded"
