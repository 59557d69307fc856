"""Four-colour map on small hand-drawn layouts (distances worked in the comments)."""
import geopandas as gpd
import numpy as np
import pytest
import shapely

from riskatlas.core.errors import InputError
from riskatlas.core.four_colour import (CUMULATIVE_BASE3, HIGHEST_WINS, Sources, four_colour_map, parse_radii,
                                        snapped_extent, sources_from_frame, square_grid)

CRS = "EPSG:4549"
RADII = (1000, 500, 300, 100)


def sources(*items, layer="enterprises"):
    """items: (geometry, level, id)."""
    frame = gpd.GeoDataFrame({"risk_level": [i[1] for i in items], "ent_id": [i[2] for i in items]},
                             geometry=[i[0] for i in items], crs=CRS)
    return sources_from_frame(frame, layer, id_field="ent_id")


def strip():
    """Five 100 m cells in a row: x 0..500, y 0..100 (cell k spans x = 100k .. 100k + 100)."""
    return square_grid((0, 0, 500, 100), 100, crs=CRS)


def test_grid_starts_lower_left_and_grows_to_whole_cells():
    grid = square_grid((0, 0, 950, 420), 100, crs=CRS)
    assert len(grid) == 10 * 5  # 950 → 10 columns, 420 → 5 rows (the extent is never cut)
    assert grid.geometry.iloc[0].equals(shapely.box(0, 0, 100, 100))  # cell_id 1 at the lower-left corner
    assert grid.geometry.iloc[-1].equals(shapely.box(900, 400, 1000, 500))
    assert tuple(grid.total_bounds) == (0, 0, 1000, 500)
    assert grid["cell_id"].tolist()[:3] == [1, 2, 3] and grid["row"].iloc[10] == 1 and grid["col"].iloc[10] == 0
    # an extent of exact multiples stays as it is, even when the division is inexact in binary
    assert snapped_extent(0, 0, 0.7, 0.3, 0.1)[4:] == (7, 3)
    assert snapped_extent(500, 1000, 1500, 1500, 500) == (500, 1000, 1500, 1500, 2, 1)


def test_grid_limit():
    with pytest.raises(InputError, match="cells"):
        square_grid((0, 0, 1e6, 1e6), 1, max_cells=1000)


def test_strict_distance_and_highest_level_wins():
    # level 2 (radius 500) at (-200, 50): distances to the cells 200, 300, 400, 500, 600 → cells 0-2 only
    # (cell 3 is at exactly 500: not < 500). Level 3 (radius 300) at (550, 50): distances 550, 350, 250,
    # 150, 50 → cells 2-4.  Cell 2 has both: level 2 wins.
    src = sources((shapely.Point(-200, 50), 2, "A"), (shapely.Point(550, 50), 3, "B"))
    result = four_colour_map(strip(), src, RADII)
    areas = result.areas
    assert areas["risk_level"].tolist() == [2, 2, 2, 3, 3]
    assert areas["n_level2"].tolist() == [1, 1, 1, 0, 0]
    assert areas["n_level3"].tolist() == [0, 0, 1, 1, 1]
    assert areas["source_id"].tolist() == ["A", "A", "A", "B", "B"]
    assert areas["source_dist_m"].tolist() == [200, 300, 400, 150, 50]
    assert areas["risk_colour"].tolist() == ["#FF9900"] * 3 + ["#FFFF00"] * 2
    assert result.summary["areas"].tolist() == [0, 3, 2, 0]


def test_corner_distance_is_euclidean():
    # a level-4 source (radius 100) at (-60, -80) is exactly 100 m from the corner
    # (0, 0) of cell 0 → not reached; at (-60, -79) it is 99.4 m away → reached.
    at_radius = four_colour_map(strip(), sources((shapely.Point(-60, -80), 4, "X")), RADII).areas
    assert at_radius["n_level4"].tolist() == [0, 0, 0, 0, 0] and at_radius["source_id"].isna().all()
    inside = four_colour_map(strip(), sources((shapely.Point(-60, -79), 4, "X")), RADII).areas
    assert inside["n_level4"].tolist() == [1, 0, 0, 0, 0] and inside["risk_level"].tolist() == [4] * 5
    assert inside["source_id"].iloc[0] == "X"


def test_areas_reached_by_nothing_are_low_and_empty_sources():
    result = four_colour_map(strip(), Sources.concat([]), RADII)
    assert result.areas["risk_level"].tolist() == [4] * 5
    assert result.areas["risk_label_zh"].tolist() == ["低风险"] * 5
    assert result.areas["source_id"].isna().all() and (result.areas["risk_score"] == 0).all()


def test_nearest_source_of_the_highest_level_sets_the_area():
    # two level-1 sources 300 m and 100 m left of cell 0; one level-2 source inside it
    src = sources((shapely.Point(-300, 50), 1, "far"), (shapely.Point(-100, 50), 1, "near"),
                  (shapely.Point(50, 50), 2, "inside"))
    areas = four_colour_map(strip(), src, RADII).areas
    assert areas["source_id"].iloc[0] == "near" and areas["source_dist_m"].iloc[0] == 100
    assert areas["n_level1"].iloc[0] == 2 and areas["n_level2"].iloc[0] == 1


def test_units_polygons_and_polygon_sources():
    # two townships; a polygon hazard unit (level 1) inside the west one; a level-3 point 250 m east of
    # the east township (radius 300 → reached); a level-2 point 600 m from both (radius 500 → none).
    towns = gpd.GeoDataFrame({"town_id": ["W", "E"], "name": ["西镇", "东镇"]},
                             geometry=[shapely.box(0, 0, 1000, 1000), shapely.box(3000, 0, 4000, 1000)], crs=CRS)
    src = Sources.concat([
        sources((shapely.box(100, 100, 200, 200), 1, "unit-1"), layer="hazard_units"),
        sources((shapely.Point(4250, 500), 3, "e3"), (shapely.Point(2000, 1500), 2, "far")),
    ])
    result = four_colour_map(towns, src, RADII)
    areas = result.areas.set_index("town_id")
    assert areas.loc["W", "risk_level"] == 1 and areas.loc["W", "source_layer"] == "hazard_units"
    assert areas.loc["W", "source_dist_m"] == 0
    assert areas.loc["E", "risk_level"] == 3 and areas.loc["E", "source_id"] == "e3"
    assert areas.loc["W", "name"] == "西镇"  # the units' own fields are kept
    assert areas["n_level2"].tolist() == [0, 0]


def test_cumulative_rule():
    # cell 0 reached by three level-2 sources → 27 → level 1; cell 4 by two level-2 → 18 → level 2;
    # cell 2 by three level-4 sources (radius 100) → 3 → level 3; nothing else reaches cells 1 and 3.
    src = sources((shapely.Point(-10, 10), 2, "a"), (shapely.Point(-10, 50), 2, "b"),
                  (shapely.Point(-10, 90), 2, "c"),
                  (shapely.Point(590, 50), 2, "d"), (shapely.Point(590, 60), 2, "e"),
                  (shapely.Point(250, 50), 4, "f"), (shapely.Point(250, 60), 4, "g"), (shapely.Point(250, 70), 4, "h"))
    radii = (1000, 95, 300, 40)  # level-2 radius 95: a-c reach only cell 0, d-e only cell 4; level-4 radius 40
    cumulative = four_colour_map(strip(), src, radii, aggregation=CUMULATIVE_BASE3).areas
    assert cumulative["risk_score"].tolist() == [27, 0, 3, 0, 18]
    assert cumulative["risk_level"].tolist() == [1, 4, 3, 4, 2]
    highest = four_colour_map(strip(), src, radii, aggregation=HIGHEST_WINS).areas
    assert highest["risk_level"].tolist() == [2, 4, 4, 4, 2]
    assert (cumulative["risk_level"] <= highest["risk_level"]).all()


def test_zero_radius_reaches_nothing():
    areas = four_colour_map(strip(), sources((shapely.Point(50, 50), 1, "in")), (0, 500, 300, 100)).areas
    assert areas["risk_level"].tolist() == [4] * 5 and areas["n_level1"].sum() == 0


def test_residents_by_area_and_class():
    # 1000 residents spread over x 0..200: 500 in cell 0 (level 2), 500 in cell 1 (level 2); cell 2..4 none
    population = gpd.GeoDataFrame({"residents": [1000.0]}, geometry=[shapely.box(0, 0, 200, 100)], crs=CRS)
    src = sources((shapely.Point(-200, 50), 2, "A"))
    result = four_colour_map(strip(), src, RADII, population=population)
    np.testing.assert_allclose(result.areas["residents"], [500, 500, 0, 0, 0])
    np.testing.assert_allclose(result.summary["residents"], [0, 1000, 0, 0])


def test_bad_levels_and_radii():
    frame = gpd.GeoDataFrame({"risk_level": [1, 5]}, geometry=[shapely.Point(0, 0)] * 2, crs=CRS, index=[3, 4])
    with pytest.raises(InputError) as caught:
        sources_from_frame(frame, "enterprises")
    assert caught.value.feature_ids == [4] and caught.value.field == "risk_level"
    assert parse_radii("1000,500,300,100") == (1000, 500, 300, 100)
    assert parse_radii("1000; 500 300,100") == (1000, 500, 300, 100)
    for bad in ("1000,500,300", "a,b,c,d", "1000,500,-1,100"):
        with pytest.raises(InputError):
            parse_radii(bad)


def test_sources_without_geometry_are_skipped_with_a_warning():
    frame = gpd.GeoDataFrame({"risk_level": [1, 2]}, geometry=[shapely.Point(0, 0), None], crs=CRS)
    warnings = []
    src = sources_from_frame(frame, "enterprises", warnings=warnings)
    assert len(src.level) == 1 and "without geometry" in warnings[0]
    assert src.source_id.tolist() == ["0"]  # no id field: the feature id


def test_input_fields_of_the_same_name_are_replaced_with_a_warning():
    towns = gpd.GeoDataFrame({"risk_level": [9]}, geometry=[shapely.box(0, 0, 10, 10)], crs=CRS)
    result = four_colour_map(towns, Sources.concat([]), RADII)
    assert result.areas["risk_level"].tolist() == [4] and "risk_level" in result.warnings[0]


def test_grid_cells_are_found_by_arithmetic_with_the_same_pairs_as_the_tree():
    """A square_grid is searched without an STRtree (cells around each source by arithmetic). The pairs
    must be exactly those of the STRtree 'dwithin' query followed by the strict distance check, also
    where GEOS's 'distance within' and its distance disagree in the last bit (e.g. 0.1 m cells)."""
    from riskatlas.core.four_colour import grid_layout, reach_pairs

    def pairs(result):
        return sorted(zip(*(part.tolist() for part in result)))

    # pinned: distance 0.9999999999999999 < 1, yet GEOS's dwithin(1.0) is false, so the tree drops the pair
    grid = square_grid((0, 0, 3, 1), 0.1, crs=CRS)
    lone = Sources(np.array([shapely.Point(0.9, 0.05)]), np.array([4]), np.array(["P"], dtype=object),
                   np.array(["x"], dtype=object))
    cells = grid.geometry.to_numpy()
    by_tree = pairs(reach_pairs(lone, cells, (1, 1, 1, 1.0)))
    assert by_tree == pairs(reach_pairs(lone, cells, (1, 1, 1, 1.0), grid=grid_layout(grid)))
    assert len(by_tree) > 0 and 19 not in [area for _, area, _ in by_tree]  # cell x 1.9-2.0, y 0-0.1

    rng = np.random.default_rng(7)
    for trial in range(120):
        size = float(rng.choice([0.1, 1, 7.5, 33.3, 100]))
        x0, y0 = float(rng.choice([0, -123.4, 500000])), float(rng.choice([0, 77.7, 3300000]))
        n_cols, n_rows = int(rng.integers(1, 30)), int(rng.integers(1, 30))
        grid = square_grid((x0, y0, x0 + n_cols * size, y0 + n_rows * size), size, crs=CRS)
        layout = grid_layout(grid)
        assert layout is not None
        n = 40  # points, boxes and lines on a lattice of half and quarter cells: many exact ties
        x = x0 + rng.integers(-8, n_cols + 8, n) * size * rng.choice([1, 0.5, 0.25], n)
        y = y0 + rng.integers(-8, n_rows + 8, n) * size * rng.choice([1, 0.5, 0.25], n)
        kind = rng.integers(0, 3, n)
        geometries = np.array([shapely.Point(a, b) if k == 0 else shapely.box(a, b, a + 1.5 * size, b + 0.5 * size)
                               if k == 1 else shapely.LineString([(a, b), (a + 3 * size, b + 2 * size)])
                               for a, b, k in zip(x, y, kind)], dtype=object)
        src = Sources(geometries, rng.integers(1, 5, n), np.array([str(i) for i in range(n)], dtype=object),
                      np.full(n, "x", dtype=object))
        radii = tuple(float(r) * size for r in rng.choice([0, 1, 2.5, 3, 5, 10], 4))
        cells = grid.geometry.to_numpy()
        assert pairs(reach_pairs(src, cells, radii)) == pairs(reach_pairs(src, cells, radii, grid=layout)), trial
        assert not shapely.is_prepared(geometries).any()  # the sources are left as they were

    # a subset or an edited copy of a grid is no longer taken for one
    grid = square_grid((0, 0, 500, 300), 100, crs=CRS)
    assert grid_layout(grid) == (0, 0, 100.0, 5, 3)
    assert grid_layout(grid.iloc[1:]) is None
    moved = grid.copy()
    moved.geometry.values[4] = shapely.box(400, 0, 500, 101)
    assert grid_layout(moved) is None
    assert grid_layout(gpd.GeoDataFrame(geometry=grid.geometry.to_list(), crs=CRS)) is None  # no layout recorded


def test_study_area_clips_cells_keeping_the_whole_cells_level():
    # cells x 0-100 (A), 100-200 (B), 200-300 (C); the study area is x 0..150, so A is inside, B is cut to
    # x 100..150 and C is outside. A level-1 source (radius 30 m here) at (190, 50) lies in B: B is
    # level 1 (distance 0) although its part inside, x ≤ 150, is 40 m away; C (10 m) is level 1 too but
    # dropped; A (90 m) is level 4. One population polygon over x 0..300 holds 3,000 residents, spread
    # evenly (0.1 per m²): A gets 10,000 m² × 0.1 = 1,000; the cut B 5,000 m² × 0.1 = 500.
    grid = square_grid((0, 0, 300, 100), 100, crs=CRS)
    population = gpd.GeoDataFrame({"residents": [3000.0]}, geometry=[shapely.box(0, 0, 300, 100)], crs=CRS)
    src = sources((shapely.Point(190, 50), 1, "S"))
    result = four_colour_map(grid, src, (30, 20, 10, 5), population=population,
                             study_area=shapely.box(0, 0, 150, 100))
    areas = result.areas
    assert areas["cell_id"].tolist() == [1, 2]
    assert areas["risk_level"].tolist() == [4, 1]
    assert areas["source_dist_m"].iloc[1] == 0.0  # the level set by the whole cell
    assert shapely.area(areas.geometry.to_numpy()).tolist() == [10_000.0, 5_000.0]
    assert areas.geometry.iloc[1].equals(shapely.box(100, 0, 150, 100))
    assert areas["residents"].tolist() == pytest.approx([1000.0, 500.0])
    assert result.summary["areas"].tolist() == [1, 0, 0, 1]
    assert result.summary["residents"].tolist() == pytest.approx([500.0, 0.0, 0.0, 1000.0])


def test_study_area_drops_cells_that_only_touch_it_and_keeps_multipart_cuts():
    # the study area is two 40 m wide bands (x 0..40 and x 60..100) plus a square that only touches
    # cell B's edge at x = 100: A is cut into two parts (a MultiPolygon of 2 × 4,000 m²), B is dropped
    study = shapely.union_all([shapely.box(0, 0, 40, 100), shapely.box(60, 0, 100, 100),
                               shapely.box(-50, 0, 0, 100)])
    grid = square_grid((0, 0, 200, 100), 100, crs=CRS)
    result = four_colour_map(grid, sources((shapely.Point(500, 500), 4, "far")), RADII, study_area=study)
    assert result.areas["cell_id"].tolist() == [1]
    cut = result.areas.geometry.iloc[0]
    assert cut.geom_type == "MultiPolygon" and len(cut.geoms) == 2 and cut.area == 8_000.0
