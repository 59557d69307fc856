"""Headline figures: the rounding rules and the figures of each analysis, worked by hand."""
import pytest

from riskatlas.core import headline as H


def test_shares_round_half_up_to_a_tenth_from_the_unrounded_ratio():
    assert H.percent_text(H.share_percent(1, 8)) == "12.5"  # 12.5 exactly
    assert H.percent_text(H.share_percent(433, 1000)) == "43.3"
    assert H.percent_text(H.share_percent(4325, 10000)) == "43.3"  # 43.25 is exact in binary: half up
    assert H.percent_text(H.share_percent(216_486.62, 500_000)) == "43.3"  # 43.297…
    assert H.share_percent(1, 0) is None and H.percent_text(None) == "—"


def test_integers_are_the_rounded_final_sum_not_a_sum_of_rounded_parts():
    parts = [0.4, 0.4, 0.4]  # each rounds to 0; the sum 1.2 rounds to 1
    assert H.integer_text(sum(parts)) == "1"
    assert H.integer_text(2.5) == "3" and H.integer_text(283_513.376) == "283,513"
    assert H.decimal_text(1.365, 2) == "1.37" and H.decimal_text(1.3649, 2) == "1.36"


def test_map_figures():
    figures = H.by_id(H.map_figures([158_651.2, 27_553.4, 30_554.0, 283_241.4], [544, 144, 197, 4_882]))
    assert figures["residents"].shown == "500,000"  # 158,651.2 + 27,553.4 + 30,554 + 283,241.4
    assert figures["residents_level_1"].shown == "158,651"
    assert figures["residents_share_level_1"].shown == "31.7%"  # 158,651.2 / 500,000 = 31.730 %
    assert figures["residents_share_level_4"].value == pytest.approx(56.64828)
    assert figures["map_cells"].shown == "5,767" and figures["map_cells_level_4"].shown == "4,882"
    assert figures["residents"].line("zh") == "常住人口：500,000 人"
    assert figures["residents_share_level_1"].line("en") == "Share of residents, major risk: 31.7%"


def test_reach_figures_share_of_reached_and_not_reached():
    figures = H.by_id(H.reach_figures(216_486.62, 283_513.38))
    assert figures["fire_residents_covered"].shown == "216,487"
    assert figures["fire_residents_not_covered"].shown == "283,513"
    assert figures["fire_cover_share"].shown == "43.3%"  # 216,486.62 / 500,000
    assert H.by_id(H.reach_figures(None, None))["fire_cover_share"].shown == "—"


def test_shelter_figures_name_both_deficits():
    figures = H.by_id(H.shelter_figures(100_000.0, 80_000.0, 1.5, 20_000.0, 26_500.4, 5))
    assert figures["shelter_m2_per_capita"].shown == "1.25"  # 100,000 / 80,000
    assert figures["shelter_county_deficit_m2"].shown == "20,000"
    assert figures["shelter_total_deficit_m2"].shown == "26,500"
    assert figures["shelters_overloaded"].shown == "5"
    assert figures["shelter_county_deficit_m2"].definition_zh == H.FOOTNOTES["shelter_deficit"][0]
    assert "县域缺口" in H.FOOTNOTES["shelter_deficit"][0] and "各镇街缺口合计" in H.FOOTNOTES["shelter_deficit"][0]


def test_major_figures():
    figures = H.by_id(H.major_figures([4, 4, 6, 5]))
    assert figures["major_units"].shown == "19" and figures["major_units_grade_3"].shown == "6"


def test_every_figure_has_both_languages():
    figures = (H.map_figures([1, 2, 3, 4], [1, 1, 1, 1]) + H.reach_figures(1, 2)
               + H.shelter_figures(1, 2, 1.5, 0, 0, 0) + H.major_figures([1, 0, 0, 0]))
    assert len({f.figure_id for f in figures}) == len(figures)
    for figure in figures:
        assert figure.label_zh and figure.label_en and figure.definition_zh and figure.definition_en
        assert figure.unit in H.UNITS
