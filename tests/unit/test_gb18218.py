"""GB 18218-2018 tables pinned value by value (typed here from the standard's text, not read from core)."""
import math

import numpy as np
import pytest

from riskatlas.core.standards import gb18218 as gb

# Table 1: row → (first CAS or None, Q in t), as printed in GB 18218-2018.
TABLE1_Q = {
    1: ("7664-41-7", 10), 2: ("7783-41-7", 1), 3: ("10102-44-0", 1), 4: ("7446-09-5", 20), 5: ("7782-41-4", 1),
    6: ("75-44-5", 0.3), 7: ("75-21-8", 10), 8: ("50-00-0", 5), 9: ("7803-51-2", 1), 10: ("7783-06-4", 5),
    11: ("7647-01-0", 20), 12: ("7782-50-5", 5), 13: (None, 20), 14: ("7784-42-1", 1), 15: ("7803-52-3", 1),
    16: ("7783-07-5", 1), 17: ("74-83-9", 10), 18: ("75-86-5", 20), 19: ("107-02-8", 20), 20: ("7664-39-3", 1),
    21: ("106-89-8", 20), 22: ("3132-64-7", 20), 23: ("26471-62-5", 100), 24: ("10025-67-9", 1),
    25: ("74-90-8", 1), 26: ("7446-11-9", 75), 27: ("107-11-9", 20), 28: ("7726-95-6", 20), 29: ("151-56-4", 20),
    30: ("624-83-9", 0.75), 31: ("18810-58-7", 0.5), 32: ("13424-46-9", 0.5), 33: ("628-86-4", 0.5),
    34: ("28653-16-9", 5), 35: ("118-96-7", 5), 36: ("55-63-0", 1), 37: ("9004-70-0", 1), 38: ("9004-70-0", 1),
    39: ("9004-70-0", 10), 40: ("9004-70-0", 50), 41: ("9004-70-0", 50), 42: ("9004-70-0", 50),
    43: ("6484-52-2", 5), 44: ("6484-52-2", 50), 45: (None, 200), 46: ("7757-79-1", 1000), 47: ("106-99-0", 5),
    48: ("115-10-6", 50), 49: ("74-82-8", 50), 50: ("75-01-4", 50), 51: ("1333-74-0", 5), 52: ("68476-85-7", 50),
    53: ("74-89-5", 5), 54: ("74-86-2", 1), 55: ("74-85-1", 50), 56: ("7782-44-7", 200), 57: ("71-43-2", 50),
    58: ("100-42-5", 500), 59: ("67-64-1", 500), 60: ("107-13-1", 50), 61: ("75-15-0", 50), 62: ("110-82-7", 500),
    63: ("75-56-9", 10), 64: ("108-88-3", 500), 65: ("67-56-1", 500), 66: ("86290-81-5", 200), 67: ("64-17-5", 500),
    68: ("60-29-7", 10), 69: ("141-78-6", 500), 70: ("110-54-3", 500), 71: ("79-21-0", 10), 72: ("1338-23-4", 10),
    73: ("12185-10-3", 50), 74: (None, 1), 75: ("19624-22-7", 1), 76: ("17014-71-0", 20), 77: ("1313-60-6", 20),
    78: ("3811-04-9", 100), 79: ("7775-09-9", 100), 80: ("52583-42-3", 20), 81: ("7697-37-2", 100),
    82: ("506-93-4", 50), 83: ("75-20-7", 100), 84: ("7440-09-7", 1), 85: ("7440-23-5", 10),
}

TABLE2_Q = {"J1": 5, "J2": 50, "J3": 50, "J4": 50, "J5": 500, "W1.1": 1, "W1.2": 10, "W1.3": 50, "W2": 10,
            "W3": 150, "W4": 50, "W5.1": 10, "W5.2": 50, "W5.3": 1000, "W5.4": 5000, "W6.1": 10, "W6.2": 50,
            "W7.1": 10, "W7.2": 50, "W8": 50, "W9.1": 50, "W9.2": 200, "W10": 200, "W11": 200}

TABLE3_BETA = {"carbon monoxide": 2, "sulfur dioxide": 2, "ammonia": 2, "ethylene oxide": 2, "hydrogen chloride": 3,
               "methyl bromide": 3, "chlorine": 4, "hydrogen sulfide": 5, "hydrogen fluoride": 5,
               "nitrogen dioxide": 10, "hydrogen cyanide": 10, "phosgene": 20, "phosphine": 20,
               "methyl isocyanate": 20}

TABLE4_BETA = {"J1": 4, "J2": 1, "J3": 2, "J4": 2, "J5": 1, "W1.1": 2, "W1.2": 2, "W1.3": 2, "W2": 1.5, "W3": 1,
               "W4": 1, "W5.1": 1.5, "W5.2": 1, "W5.3": 1, "W5.4": 1, "W6.1": 1.5, "W6.2": 1, "W7.1": 1.5,
               "W7.2": 1, "W8": 1, "W9.1": 1, "W9.2": 1, "W10": 1, "W11": 1}

# the Table 1 values checked against the standard's text, by CAS (or name where the standard prints no CAS)
DESIGN_Q = {"7664-41-7": 10, "7782-50-5": 5, "7783-06-4": 5, "1333-74-0": 5, "74-90-8": 1, "7664-39-3": 1,
            "75-44-5": 0.3, "67-56-1": 500, "71-43-2": 50, "108-88-3": 500, "67-64-1": 500, "64-17-5": 500,
            "液化石油气": 50, "汽油": 200, "天然气": 50, "甲烷": 50, "74-86-2": 1, "74-85-1": 50, "75-01-4": 50,
            "7446-09-5": 20, "75-21-8": 10, "106-99-0": 5, "115-10-6": 50,
            # the other Table 3 gases, from the standard's Table 1
            "一氧化碳": 20, "7647-01-0": 20, "74-83-9": 10, "10102-44-0": 1, "7803-51-2": 1, "624-83-9": 0.75}


def test_table1_every_row_pinned():
    assert [e.seq for e in gb.TABLE1] == list(range(1, 86))
    for entry in gb.TABLE1:
        cas, q = TABLE1_Q[entry.seq]
        assert entry.q_t == q, entry
        assert (entry.cas[0] if entry.cas else None) == cas, entry


def test_table1_cas_check_digits():
    for entry in gb.TABLE1:
        for cas in entry.cas:
            digits = cas.replace("-", "")
            body, check = digits[:-1], int(digits[-1])
            assert sum(int(d) * (i + 1) for i, d in enumerate(reversed(body))) % 10 == check, cas


@pytest.mark.parametrize("key,q", sorted(DESIGN_Q.items()))
def test_design_list_of_critical_quantities(key, q):
    (entry,) = gb.lookup_substance(key)
    assert entry.q_t == q


def test_table2_table4_pinned():
    assert {e.code: e.q_t for e in gb.TABLE2} == TABLE2_Q
    assert {e.code: e.beta for e in gb.TABLE4} == TABLE4_BETA
    assert gb.CATEGORY_CODES == tuple(TABLE2_Q)


def test_table3_pinned_and_linked_to_table1():
    assert {e.name_en: e.beta for e in gb.TABLE3} == TABLE3_BETA
    for entry in gb.TABLE3:
        (row,) = gb.lookup_substance(entry.name_zh)
        assert row.seq == entry.table1_seq
        (row,) = gb.lookup_substance(entry.name_en)
        assert row.seq == entry.table1_seq


def test_categories_kept_beside_q_for_design_substances():
    expected = {"液化石油气": "W2", "天然气": "W2", "氢": "W2", "乙烯": "W2", "乙炔": "W2", "1,3-丁二烯": "W2",
                "二甲醚": "W2", "氯乙烯": "W2", "汽油": "W5.1"}
    for name, code in expected.items():
        (entry,) = gb.lookup_substance(name)
        assert entry.category == code
        assert gb.TABLE4_BY_CODE[entry.category].beta == 1.5
    for name in ("甲醇", "乙醇", "苯", "甲苯", "丙酮"):  # flammable liquids at ambient conditions: β 1
        (entry,) = gb.lookup_substance(name)
        assert gb.TABLE4_BY_CODE[entry.category].beta == 1


@pytest.mark.parametrize("people,alpha", [(0, 0.5), (1, 1.0), (29, 1.0), (30, 1.2), (49, 1.2), (50, 1.5),
                                          (99, 1.5), (100, 2.0), (102, 2.0), (10000, 2.0)])
def test_alpha_bands(people, alpha):
    assert gb.alpha_for([people])[0] == alpha


def test_alpha_bands_table():
    assert [(b.min_people, b.alpha) for b in gb.ALPHA_BANDS] == [(100, 2.0), (50, 1.5), (30, 1.2), (1, 1.0), (0, 0.5)]


@pytest.mark.parametrize("r,grade", [(1000, 1), (100, 1), (99.99, 2), (50, 2), (49.99, 3), (10, 3), (9.99, 4),
                                     (0, 4)])
def test_grade_bands(r, grade):
    assert gb.grade_for([r])[0] == grade


def test_grade_band_table_and_float_sums():
    assert [(b.grade, b.min_r) for b in gb.GRADE_BANDS] == [(1, 100), (2, 50), (3, 10), (4, -math.inf)]
    assert 0.7 + 0.2 + 0.1 < 1  # the float sum misses 1 …
    assert gb.is_major([0.7 + 0.2 + 0.1])[0]  # … but S = 1 on paper is major
    assert not gb.is_major([0.999])[0]
    assert gb.grade_for([(0.7 + 0.2 + 0.1) * 100])[0] == 1


@pytest.mark.parametrize("text", ["氯", "液氯", "氯气", "chlorine", "Chlorine", " CHLORINE ", "7782-50-5",
                                  "７７８２－５０－５", "Cl2"])
def test_alias_resolution_chlorine(text):
    (entry,) = gb.lookup_substance(text)
    assert entry.seq == 12 and entry.q_t == 5


def test_alias_resolution_other_names():
    assert gb.lookup_substance("光气")[0].seq == 6
    assert gb.lookup_substance("LPG")[0].seq == 52
    assert gb.lookup_substance("gasoline")[0].seq == 66 and gb.lookup_substance("Petrol")[0].seq == 66
    assert gb.lookup_substance("74-98-6")[0].seq == 52  # propane, listed with LPG
    assert gb.lookup_substance("8006-14-2")[0].seq == 49
    assert gb.lookup_substance("carbon monoxide")[0].seq == 13
    assert gb.lookup_substance("煤气(CO,CO和H2、CH4的混合物等)")[0].seq == 13
    assert gb.lookup_substance("氯化氢（无水）")[0].seq == 11  # full-width brackets
    assert gb.lookup_substance("盐酸") == ()  # hydrochloric acid is not anhydrous HCl
    assert gb.lookup_substance("unobtainium") == ()
    assert gb.lookup_substance(None) == ()


def test_only_expected_keys_are_ambiguous():
    ambiguous = {k for k, v in gb.SUBSTANCE_INDEX.items() if len(v) > 1}
    assert ambiguous == {"硝化棉", "nitrocellulose", "9004-70-0", "硝酸铵", "ammoniumnitrate", "6484-52-2"}
    assert [e.seq for e in gb.lookup_substance("硝化棉")] == [37, 38, 39, 40, 41]


def test_parse_categories():
    assert gb.parse_categories("W2") == (("W2",), ())
    assert gb.parse_categories("w5.2") == (("W5.2",), ())
    assert gb.parse_categories("W2, J3") == (("W2", "J3"), ())
    assert gb.parse_categories("W2/J3；W2") == (("W2", "J3"), ())
    assert gb.parse_categories("X9") == ((), ("X9",))
    assert gb.parse_categories(None) == ((), ())
    assert gb.parse_categories(float("nan")) == ((), ())


def test_several_categories_lowest_q_highest_beta():
    assert gb.table2_q(("W5.3", "J5")) == (500, "J5")
    assert gb.table4_beta(("W2", "J1")) == (4, "J1")
    assert gb.table4_beta(("W5.3", "W5.4")) == (1, "W5.3")


def test_bands_are_vectorised():
    np.testing.assert_array_equal(gb.alpha_for([0, 30, 100]), [0.5, 1.2, 2.0])
    np.testing.assert_array_equal(gb.grade_for([5, 10, 50, 100]), [4, 3, 2, 1])
