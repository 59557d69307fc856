"""Atlas figures and texts on a hand-worked example (no QGIS).

Two townships side by side, A = [0,100]×[0,100] and B = [100,200]×[0,100] (metres). Map units:
U1 [0,50]×[0,100] level 1, 100 residents (all in A); U2 [60,160]×[0,100] level 2, 200 residents
(40 % of its area in A → 80, 60 % in B → 120; counted in B, its larger overlap); U3 [160,200]×[0,100]
level 4, 50 residents (B); U4 [200,250]×[0,100] level 3, 30 residents (touches B only: outside).
Reach: [0,100]×[0,50] — half of U1 (50 residents) and 2000 of U2's 10 000 m² (40) → A 90 of 180.
"""
import datetime

import geopandas as gpd
import numpy as np
import pytest
import shapely

from riskatlas.core.atlas_figures import COUNTY_KEY, atlas_figures
from riskatlas.core.errors import InputError
from riskatlas.atlas import text as T

A = shapely.box(0, 0, 100, 100)
B = shapely.box(100, 0, 200, 100)


def _towns():
    return gpd.GeoDataFrame({"name": ["甲镇", "乙镇"]}, geometry=[A, B], index=[7, 9])


def _risk():
    return gpd.GeoDataFrame({"risk_level": [1, 2, 4, 3], "residents": [100.0, 200.0, 50.0, 30.0]},
                            geometry=[shapely.box(0, 0, 50, 100), shapely.box(60, 0, 160, 100),
                                      shapely.box(160, 0, 200, 100), shapely.box(200, 0, 250, 100)])


def _hazards():
    return gpd.GeoDataFrame({
        "unit_id": ["H1", "H2", "H3", "H4"], "hazard_grade": [1.0, 3.0, np.nan, 2.0],
        "is_major": [True, True, False, True], "r_value": [150.0, 20.0, 1.0, 60.0],
        "enterprise_id": ["E1", "E2", "E1", None]},
        geometry=[shapely.Point(10, 10), shapely.box(120, 10, 130, 20), shapely.Point(20, 20),
                  shapely.Point(300, 300)])


def _enterprises():
    return gpd.GeoDataFrame({"ent_id": ["E1", "E2", "E3", "E4"], "name": ["一厂", "二厂", "三厂", "四厂"],
                             "name_en": ["Works 1", "Works 2", "Works 3", "Works 4"],
                             "risk_level": [1, 3, None, 2]},
                            geometry=shapely.points([(5, 5), (150, 50), (150, 60), (500, 500)]))


def _shelters():
    return gpd.GeoDataFrame({"residents": [180.0, 170.0], "shelter_area_m2": [360.0, 85.0],
                             "m2_per_capita": [2.0, 0.5], "meets_target": [True, False],
                             "deficit_m2": [0.0, 170.0]}, geometry=[A, B])


@pytest.fixture
def figures():
    return atlas_figures(_risk(), _towns(), ["甲镇", "乙镇"], hazard_units=_hazards(), enterprises=_enterprises(),
                         reach_areas=gpd.GeoDataFrame(geometry=[shapely.box(0, 0, 100, 50)]),
                         shelter_units=_shelters())


def test_residents_area_and_units_per_level(figures):
    a, b = figures.townships
    assert (a.key, b.key) == ("7", "9")
    np.testing.assert_allclose(a.residents_by_level, [100, 80, 0, 0])
    np.testing.assert_allclose(b.residents_by_level, [0, 120, 0, 50])
    np.testing.assert_allclose(a.area_by_level_km2 * 1e6, [5000, 4000, 0, 0])
    np.testing.assert_allclose(b.area_by_level_km2 * 1e6, [0, 6000, 0, 4000])
    assert a.units.tolist() == [1, 0, 0, 0] and b.units.tolist() == [0, 1, 0, 1]
    county = figures.county
    assert county.key == COUNTY_KEY
    np.testing.assert_allclose(county.residents_by_level, [100, 200, 0, 50])
    assert county.units.tolist() == [1, 1, 0, 1]
    assert figures.layer_totals["risk_map_units_outside"] == 1
    assert figures.layer_totals["risk_map_residents"] == 380.0
    np.testing.assert_allclose(a.resident_shares, [100 / 180, 80 / 180, 0, 0])


def test_coverage_from_reach_areas_and_from_gaps_agree(figures):
    a, b = figures.townships
    assert a.covered_residents == pytest.approx(90.0)
    assert a.coverage_share == pytest.approx(0.5)
    assert b.coverage_share == pytest.approx(0.0)
    assert figures.county.coverage_share == pytest.approx(90 / 350)
    gaps = gpd.GeoDataFrame({"residents": [260.0]},
                            geometry=[shapely.union(shapely.box(0, 50, 200, 100), shapely.box(100, 0, 200, 50))])
    by_gaps = atlas_figures(_risk(), _towns(), ["甲镇", "乙镇"], reach_gaps=gaps)
    assert by_gaps.townships[0].covered_residents == pytest.approx(90.0)
    assert by_gaps.county.covered_residents == pytest.approx(90.0)
    assert by_gaps.layer_totals["reach_gap_residents"] == 260.0


def test_coverage_from_the_reach_analysis_residents_placed_by_the_map():
    # the reach analysis says 70 residents are in time in R = [40,120]×[0,100]. Map residents under R:
    # U1 [40,50] 1,000 m² × 0.02 = 20 (A), U2 [60,100] 4,000 m² × 0.02 = 80 (A), U2 [100,120] 2,000 m² ×
    # 0.02 = 40 (B): 140 → A gets 70 × 100/140 = 50, B 70 × 40/140 = 20. Gaps: 30 residents over U3 (B);
    # 5 residents in a gap outside both townships are lost (and said).
    reach = gpd.GeoDataFrame({"residents": [70.0]}, geometry=[shapely.box(40, 0, 120, 100)])
    gaps = gpd.GeoDataFrame({"residents": [30.0, 5.0]},
                            geometry=[shapely.box(160, 0, 200, 100), shapely.box(300, 0, 400, 100)])
    result = atlas_figures(_risk(), _towns(), ["甲镇", "乙镇"], reach_areas=reach, reach_gaps=gaps)
    a, b = result.townships
    assert (a.covered_residents, a.not_covered_residents) == pytest.approx((50.0, 0.0))
    assert (b.covered_residents, b.not_covered_residents) == pytest.approx((20.0, 30.0))
    county = result.county
    assert (county.covered_residents, county.not_covered_residents) == pytest.approx((70.0, 30.0))
    assert county.coverage_share == pytest.approx(0.7)
    assert result.layer_totals["coverage_source"] == "reach_residents"
    assert any("5 residents lie outside every township" in w for w in result.warnings)
    assert T.coverage_text(county, "zh") == "70.0%（未覆盖 30 人）"


def test_major_units_by_grade_and_list(figures):
    a, b = figures.townships
    assert a.major_by_grade.tolist() == [1, 0, 0, 0]
    assert b.major_by_grade.tolist() == [0, 0, 1, 0]
    assert figures.county.major_by_grade.tolist() == [1, 0, 1, 0]
    assert figures.layer_totals["major_units"] == 3
    assert any("outside every township" in w for w in figures.warnings)
    rows = figures.major_units
    assert rows["unit_id"].tolist() == ["H1", "H2"]
    assert rows["key"].tolist() == ["7", "9"]
    assert rows["enterprise_name"].tolist() == ["一厂", "二厂"]
    assert rows["enterprise_name_en"].tolist() == ["Works 1", "Works 2"]


def test_enterprises_by_level(figures):
    a, b = figures.townships
    assert a.enterprises_by_level.tolist() == [1, 0, 0, 0]
    assert b.enterprises_by_level.tolist() == [0, 0, 1, 0]
    assert any("without a risk level" in w for w in figures.warnings)


def test_shelter_figures_per_township_and_summed_for_the_county(figures):
    a, b = figures.townships
    assert figures.shelter_target == 1.5
    assert (a.m2_per_capita, a.meets_target, a.deficit_m2) == (2.0, True, 0.0)
    assert (b.m2_per_capita, b.meets_target, b.deficit_m2) == (0.5, False, 170.0)  # 1.5 × 170 − 85
    county = figures.county
    assert county.m2_per_capita == pytest.approx(445 / 350)
    assert county.meets_target is False
    assert county.deficit_m2 == pytest.approx(1.5 * 350 - 445)  # county-wide: A's surplus offsets B's deficit
    lower = atlas_figures(_risk(), _towns(), ["a", "b"], shelter_units=_shelters(), shelter_target=445 / 350)
    assert lower.county.meets_target is True and lower.county.deficit_m2 == pytest.approx(0.0)  # bound included


def test_shelter_figures_are_judged_against_the_atlas_target_not_the_layers_verdict():
    """The layer says A meets and B misses 1.5; against 2.0, A (exactly 2.0) still meets (lower bound
    included), B is short by 2.0 × 170 − 85 = 255 m², the county by 2.0 × 350 − 445 = 255 m²."""
    figures = atlas_figures(_risk(), _towns(), ["a", "b"], shelter_units=_shelters(), shelter_target=2.0)
    a, b = figures.townships
    assert (a.meets_target, a.deficit_m2) == (True, 0.0)
    assert (b.meets_target, b.deficit_m2) == (False, 255.0)
    assert figures.county.meets_target is False and figures.county.deficit_m2 == pytest.approx(255.0)
    assert T.shelter_text(b, "zh", figures.shelter_target) == "0.50 m²/人（目标 ≥ 2.0，未达标，缺口 255 m²）"
    assert T.shelter_text(a, "en", figures.shelter_target) == "2.00 m²/person (target ≥ 2.0, met)"
    stricter = atlas_figures(_risk(), _towns(), ["a", "b"], shelter_units=_shelters(), shelter_target=2.5)
    assert stricter.townships[0].meets_target is False and stricter.townships[0].deficit_m2 == 90.0


def test_target_text():
    assert [T.target_text(t) for t in (1.5, 2.0, 2, 1.25, 10.0)] == ["1.5", "2.0", "2.0", "1.25", "10.0"]


def test_bad_risk_level_names_the_feature():
    risk = _risk()
    risk.loc[2, "risk_level"] = 5
    with pytest.raises(InputError) as error:
        atlas_figures(risk, _towns(), ["a", "b"], layer_names={"risk_map": "grid"})
    assert "grid" in str(error.value) and "2" in str(error.value) and "risk_level" in str(error.value)


def test_major_unit_without_grade_is_an_error():
    hazards = _hazards()
    hazards.loc[0, "hazard_grade"] = np.nan
    with pytest.raises(InputError, match="without a grade"):
        atlas_figures(_risk(), _towns(), ["a", "b"], hazard_units=hazards)


def test_township_without_geometry_is_an_error():
    towns = _towns()
    towns.loc[9, "geometry"] = None
    with pytest.raises(InputError, match="without geometry"):
        atlas_figures(_risk(), towns, ["a", "b"])


# ---------------------------------------------------------------- texts

def test_number_formats():
    assert T.integer(12345.5) == "12,346" and T.integer(0.4) == "0" and T.integer(None) == "—"
    assert T.percent(0.8234) == "82.3%" and T.percent(None) == "—"
    assert T.area_km2(6.194) == "6.19" and T.area_km2(114.25) == "114.3"  # half up, as every figure


def test_dates():
    assert T.format_date("2024-06-07", "zh") == "2024年6月7日"
    assert T.format_date("2024-06-07", "en") == "7 June 2024"
    assert T.format_date("二〇二四年六月", "zh") == "二〇二四年六月"
    assert T.format_date("", "zh", today=datetime.date(2025, 1, 2)) == "2025年1月2日"


def test_indicator_texts(figures):
    a, b = figures.townships
    assert T.coverage_text(a, "zh") == "50.0%（未覆盖 90 人）"
    assert T.coverage_text(a, "en") == "50.0% (90 not covered)"
    assert T.shelter_text(b, "zh", 1.5) == "0.50 m²/人（目标 ≥ 1.5，未达标，缺口 170 m²）"
    assert T.shelter_text(a, "en", 1.5) == "2.00 m²/person (target ≥ 1.5, met)"
    assert T.major_text(figures.county, "zh") == "一级 1 · 二级 0 · 三级 1 · 四级 0（共 2 个）"
    empty = atlas_figures(_risk(), _towns(), ["a", "b"]).county
    assert T.coverage_text(empty, "en") == T.shelter_text(empty, "en", 1.5) == "— (not given)"


def test_level_rows(figures):
    rows = T.level_rows(figures.townships[0], "zh")
    assert [r["level_label"] for r in rows] == ["重大风险", "较大风险", "一般风险", "低风险", "合计"]
    assert [r["residents"] for r in rows] == ["100", "80", "0", "0", "180"]
    assert rows[0]["share"] == "55.6%" and rows[-1]["share"] == "100.0%"
    assert rows[-1]["units"] == "1" and rows[0]["enterprises"] == "1"


def test_every_text_has_both_languages():
    for key, (zh, en) in T.TEXT.items():
        assert zh and en, key


def test_covered_area_by_tiles_is_the_area_inside_the_whole_reach():
    from riskatlas.core.atlas_figures import overlay

    rng = np.random.default_rng(8)
    centres = rng.uniform(0, 20_000, (60, 2))
    reach = shapely.union_all(shapely.buffer(shapely.points(centres), rng.uniform(300, 1500, 60), quad_segs=32))
    x, y = np.meshgrid(np.arange(0, 20_000, 250.0), np.arange(0, 20_000, 250.0))
    pieces = shapely.box(x.ravel(), y.ravel(), x.ravel() + 250, y.ravel() + 250)
    expected = shapely.area(shapely.intersection(pieces, reach))  # each piece against the whole reach
    got = overlay.covered_area(pieces, reach=reach)
    np.testing.assert_allclose(got, expected, rtol=1e-9, atol=1e-6)
    assert (got == 0).any() and (got == 62_500.0).any() and ((got > 0) & (got < 62_500.0)).any()
    outside = overlay.covered_area(pieces, gaps=reach)
    np.testing.assert_allclose(outside, 62_500.0 - expected, rtol=1e-9, atol=1e-6)


def test_the_crs_note_in_the_atlas_language():
    """The PDF's CRS note (issue 15): Chinese names for the CGCS2000 Gauss-Krüger and UTM families."""
    assert T.crs_note("CGCS2000 / 3-degree Gauss-Kruger CM 120E", "EPSG:4549", "zh") == \
        "坐标系：2000国家大地坐标系 3度带高斯-克吕格投影 中央经线120°E（EPSG:4549）　"
    assert T.crs_note("CGCS2000 / Gauss-Kruger zone 20", "EPSG:4498", "zh").startswith(
        "坐标系：2000国家大地坐标系 6度带高斯-克吕格投影 第20带")
    assert T.crs_note("WGS 84 / UTM zone 50N", "EPSG:32650", "zh") == "坐标系：WGS 84 UTM投影 第50带（北半球）（EPSG:32650）　"
    assert T.crs_note("CGCS2000 / 3-degree Gauss-Kruger CM 120E", "EPSG:4549", "en") == \
        "Coordinate reference system: CGCS2000 / 3-degree Gauss-Kruger CM 120E (EPSG:4549)   "
    assert T.crs_note("Some local grid", "", "zh") == "坐标系：Some local grid　"


@pytest.mark.parametrize("step", [None, 0.05])  # plain, and densified past CLIP_FIRST_VERTICES (clipped first)
def test_overlap_area_of_pieces_inside_touching_crossing_and_in_a_hole(step):
    import numpy as np
    import shapely

    from riskatlas.core.atlas_figures import overlay
    from riskatlas.core.geometry import CLIP_FIRST_VERTICES, pair_overlap_area

    polygon = shapely.Polygon([(0, 0), (10, 0), (10, 10), (0, 10)], [[(4, 4), (6, 4), (6, 6), (4, 6)]])
    if step:
        polygon = shapely.segmentize(polygon, step)
        assert shapely.get_num_coordinates(polygon) > CLIP_FIRST_VERTICES
    other = shapely.box(20, 0, 30, 10)
    pieces = shapely.box([1, 0, -1, 3, 4.5, 9, 25], [1, 0, -1, 3, 4.5, 9, 5], [2, 1, 1, 5, 5.5, 11, 26],
                         [2, 1, 1, 5, 5.5, 10, 6])
    index = np.array([0, 0, 0, 0, 0, 0, 1])
    # inside 1; touching the outer edge 1; a quarter over the corner 1; over the hole's corner 4 − 1;
    # in the hole 0; half outside 1 of 2; inside the second polygon 1
    expected = [1.0, 1.0, 1.0, 3.0, 0.0, 1.0, 1.0]
    polygons = np.array([polygon, other], dtype=object)
    got = overlay.overlap_area(pieces, polygons, index)
    assert np.allclose(got, expected, rtol=0, atol=1e-9)
    swapped = pair_overlap_area(polygons[index], pieces)  # the big one as the piece: clipped the other way
    assert np.allclose(swapped, expected, rtol=0, atol=1e-9)
