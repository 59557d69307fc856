"""Candidates generated along roads every CANDIDATE_SPACING metres."""
import numpy as np
import pytest
import shapely

from riskatlas.core.errors import InputError
from riskatlas.core.siting import CANDIDATE_SPACING_M, candidates_along_roads


def _xy(frame):
    return shapely.get_coordinates(frame.geometry.values).round(6).tolist()


def test_default_spacing_is_500_m():
    assert CANDIDATE_SPACING_M == 500.0


def test_points_exactly_at_spacing_on_a_straight_line():
    # 2000 m along x: 0, 500, 1000, 1500, 2000 (the end is an exact multiple, so it is included)
    frame = candidates_along_roads([shapely.LineString([(0, 0), (2000, 0)])])
    assert _xy(frame) == [[0, 0], [500, 0], [1000, 0], [1500, 0], [2000, 0]]
    assert frame["along_m"].tolist() == [0, 500, 1000, 1500, 2000]
    assert frame["road_id"].tolist() == [0] * 5
    # 1900 m: the last point is at 1500; a diagonal 3-4-5 line of 1000 m at spacing 250: every 150/200
    assert _xy(candidates_along_roads([shapely.LineString([(0, 0), (1900, 0)])])) == [[0, 0], [500, 0], [1000, 0],
                                                                                     [1500, 0]]
    diagonal = candidates_along_roads([shapely.LineString([(0, 0), (600, 800)])], spacing_m=250.0)
    assert _xy(diagonal) == [[0, 0], [150, 200], [300, 400], [450, 600], [600, 800]]


def test_spacing_follows_bends_and_short_roads_keep_their_start():
    # an L of 300 + 300 m at spacing 200: 0, 200 on the first leg, 400 → (300, 100), 600 → (300, 300)
    bend = candidates_along_roads([shapely.LineString([(0, 0), (300, 0), (300, 300)])], spacing_m=200.0)
    assert _xy(bend) == [[0, 0], [200, 0], [300, 100], [300, 300]]
    short = candidates_along_roads([shapely.LineString([(10, 10), (110, 10)])])
    assert _xy(short) == [[10, 10]]


def test_junction_duplicates_dropped_and_road_ids_kept():
    # roads "A" (0,0)–(1000,0) and "B" (1000,0)–(1000,1000) share (1000, 0); "C" starts 0.3 m off it,
    # which snaps to the same node of the 50 m grid (spacing / 10) as (1000, 0): one candidate there
    roads = [shapely.LineString([(0, 0), (1000, 0)]), shapely.LineString([(1000, 0), (1000, 1000)]),
             shapely.LineString([(1000.3, 0.0), (2000.3, 0.0)])]
    frame = candidates_along_roads(roads, road_ids=["A", "B", "C"])
    assert _xy(frame) == [[0, 0], [500, 0], [1000, 0], [1000, 500], [1000, 1000], [1500.3, 0], [2000.3, 0]]
    assert frame["road_id"].tolist() == ["A", "A", "A", "B", "B", "C", "C"]  # the junction stays with A
    assert frame["along_m"].tolist() == [0, 500, 1000, 500, 1000, 500, 1000]


def test_multilines_and_crs_and_empty_input():
    import geopandas as gpd

    roads = gpd.GeoSeries([shapely.MultiLineString([[(0, 0), (500, 0)], [(0, 5000), (0, 6000)]])], crs="EPSG:4547")
    frame = candidates_along_roads(roads, road_ids=[17])
    assert _xy(frame) == [[0, 0], [500, 0], [0, 5000], [0, 5500], [0, 6000]]
    assert frame["road_id"].tolist() == [17] * 5 and frame.crs.to_epsg() == 4547
    empty = candidates_along_roads([], spacing_m=100.0)
    assert len(empty) == 0 and list(empty.columns) == ["road_id", "along_m", "geometry"]
    skipped = candidates_along_roads([None, shapely.LineString()], spacing_m=100.0)
    assert len(skipped) == 0


@pytest.mark.parametrize("spacing", [0.0, -5.0, np.nan])
def test_bad_spacing(spacing):
    with pytest.raises(InputError):
        candidates_along_roads([shapely.LineString([(0, 0), (1, 0)])], spacing_m=spacing)


def test_non_lines_are_refused_by_position():
    with pytest.raises(InputError) as error:
        candidates_along_roads([shapely.LineString([(0, 0), (1, 0)]), shapely.Point(0, 0)])
    assert "feature id 1" in str(error.value)
