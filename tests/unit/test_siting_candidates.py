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


def test_a_road_digitised_in_segments_is_spaced_as_one_chain():
    # four 300 m segments end to end along x (1200 m): one chain → points at 0, 500, 1000, on segments
    # 0 (0–300), 1 (300–600) and 3 (900–1200); along each segment: 0, 200, 100
    segments = [shapely.LineString([(300 * i, 0), (300 * (i + 1), 0)]) for i in range(4)]
    frame = candidates_along_roads(segments, road_ids=["s0", "s1", "s2", "s3"])
    assert sorted(_xy(frame)) == [[0, 0], [500, 0], [1000, 0]]
    by_x = frame.assign(x=frame.geometry.x).sort_values("x")
    assert by_x["road_id"].tolist() == ["s0", "s1", "s3"]
    assert by_x["along_m"].round(6).tolist() == [0, 200, 100]
    # without merging, each 300 m segment gets only its start: 0, 300, 600, 900
    unmerged = candidates_along_roads(segments, merge_chains=False)
    assert _xy(unmerged) == [[0, 0], [300, 0], [600, 0], [900, 0]]


def test_chains_stop_at_junctions_of_three_roads():
    # a T: west (−600,0)–(0,0), east (0,0)–(600,0), north (0,0)–(0,600) meet at (0, 0): no merging there,
    # so each arm is its own chain: (−600, 0), (−100, 0) | (0, 0), (500, 0) | (0, 0)dup, (0, 500)
    arms = [shapely.LineString([(-600, 0), (0, 0)]), shapely.LineString([(0, 0), (600, 0)]),
            shapely.LineString([(0, 0), (0, 600)])]
    frame = candidates_along_roads(arms)
    assert sorted(_xy(frame)) == [[-600, 0], [-100, 0], [0, 0], [0, 500], [500, 0]]
    assert frame.loc[frame.geometry.x.round(6).eq(0) & frame.geometry.y.round(6).eq(0), "road_id"].tolist() == [0]


def test_only_frontage_roads_get_candidates_when_classes_are_given():
    # GB 51080-2015 §4.1.5-1 主、次干路: trunk, primary, secondary; not expressway, tertiary, local, none
    classes = ["expressway", "trunk", "primary", "secondary", "tertiary", "local", None]
    roads = [shapely.LineString([(0, 1000 * i), (400, 1000 * i)]) for i in range(len(classes))]
    frame = candidates_along_roads(roads, road_classes=classes)
    assert frame["road_id"].tolist() == [1, 2, 3]
    assert len(candidates_along_roads(roads, road_classes=classes, allowed_classes=None)) == 7
    assert candidates_along_roads(roads, road_classes=classes, allowed_classes=["local"])["road_id"].tolist() == [5]
    with pytest.raises(InputError):
        candidates_along_roads(roads, road_classes=classes[:3])


def test_frontage_rule_reads_classes_through_the_road_code_table():
    # the speed presets' reading of a class: 主干路 primary, 次干路 secondary, 国道 trunk; 支路 and
    # 高速公路 (expressway) no frontage
    classes = ["主干路", "次干路", "国道", "支路", "高速公路", "Primary "]
    roads = [shapely.LineString([(0, 1000 * i), (400, 1000 * i)]) for i in range(len(classes))]
    assert candidates_along_roads(roads, road_classes=classes)["road_id"].tolist() == [0, 1, 2, 5]


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
    assert "feature fid 1" in str(error.value)
