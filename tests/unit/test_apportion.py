"""Area-weighted apportioning on hand-drawn squares."""
import geopandas as gpd
import numpy as np
import pytest
import shapely

from riskatlas.core.apportion import apportion, apportion_column, overlap_pairs
from riskatlas.core.errors import InputError


def test_half_overlap_gets_half():
    # source 0..100 × 0..100 holds 100; target 50..150 × 0..100 covers half of it → 50
    assert apportion([100.0], [shapely.box(0, 0, 100, 100)], [shapely.box(50, 0, 150, 100)])[0] == pytest.approx(50)


def test_target_over_two_sources_and_overlapping_targets():
    sources = [shapely.box(0, 0, 100, 100), shapely.box(100, 0, 200, 100)]  # 100 and 40 people
    targets = [shapely.box(50, 0, 150, 100),  # half of each: 50 + 20 = 70
               shapely.box(0, 0, 200, 100),  # everything: 140 (overlaps the first target: its own share)
               shapely.box(0, 0, 25, 100),  # a quarter of the first: 25
               shapely.box(500, 500, 600, 600)]  # nothing: 0
    np.testing.assert_allclose(apportion([100.0, 40.0], sources, targets), [70, 140, 25, 0])


def test_touching_only_and_zero_area_sources_give_nothing():
    sources = [shapely.box(0, 0, 100, 100), shapely.Point(150, 50)]
    targets = [shapely.box(100, 0, 200, 100)]  # touches the first source along an edge; holds the point
    assert apportion([100.0, 7.0], sources, targets)[0] == 0


def test_invalid_source_is_repaired():
    # bow-tie: two triangles of 2 500 m² each; make_valid keeps both; target holds the left one → half
    bowtie = shapely.Polygon([(0, 0), (100, 100), (100, 0), (0, 100), (0, 0)])
    assert not bowtie.is_valid
    assert apportion([10.0], [bowtie], [shapely.box(0, 0, 50, 100)])[0] == pytest.approx(5)


def test_nan_and_length_mismatch_are_errors():
    with pytest.raises(ValueError):
        apportion([np.nan], [shapely.box(0, 0, 1, 1)], [shapely.box(0, 0, 1, 1)])
    with pytest.raises(ValueError):
        apportion([1.0, 2.0], [shapely.box(0, 0, 1, 1)], [shapely.box(0, 0, 1, 1)])


def test_empty_inputs():
    assert apportion([], [], [shapely.box(0, 0, 1, 1)]).tolist() == [0.0]
    assert len(overlap_pairs([], [])[0]) == 0


def test_apportion_column_nulls_and_negative():
    frame = gpd.GeoDataFrame({"residents": [100.0, np.nan]},
                             geometry=[shapely.box(0, 0, 100, 100), shapely.box(100, 0, 200, 100)])
    warnings = []
    assert apportion_column(frame, "residents", [shapely.box(0, 0, 200, 100)], warnings=warnings)[0] == 100
    assert "counted as 0" in warnings[0]
    frame.loc[1, "residents"] = -5
    with pytest.raises(InputError) as caught:
        apportion_column(frame, "residents", [shapely.box(0, 0, 1, 1)], layer="population")
    assert caught.value.feature_ids == [1] and caught.value.field == "residents"
    with pytest.raises(InputError):
        apportion_column(frame, "nope", [shapely.box(0, 0, 1, 1)])
