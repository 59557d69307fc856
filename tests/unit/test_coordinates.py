"""core.geo: GCJ-02/BD-09 against the independent ``prcoords`` and published pairs; DMS text;
swapped lon/lat; points off the study area. Expected values are prcoords', published ones or
written by hand — never the module's own output."""
import math

import numpy as np
import prcoords
import pytest
import shapely

from riskatlas.core.geo import angles, lonlat, offsets

M_PER_DEG_LAT = 111_320.0  # local metric approximation: enough for centimetre-sized errors


def metres(lon_a, lat_a, lon_b, lat_b):
    """Distance in metres between nearby points (equirectangular approximation)."""
    dx = (np.asarray(lon_a) - lon_b) * M_PER_DEG_LAT * np.cos(np.radians(lat_b))
    dy = (np.asarray(lat_a) - lat_b) * M_PER_DEG_LAT
    return np.hypot(dx, dy)


@pytest.fixture(scope="module")
def china_points():
    """Random points over China's box (lon 73–136, lat 3–54) plus its corners and a few cities."""
    rng = np.random.default_rng(20240613)
    lon = np.concatenate([rng.uniform(73, 136, 4000), [73, 136, 73, 136, 116.397, 121.47, 87.62, 126.53]])
    lat = np.concatenate([rng.uniform(3, 54, 4000), [3, 3, 54, 54, 39.909, 31.23, 43.83, 45.80]])
    return lon, lat


def _peer(function, lon, lat):
    """prcoords takes and returns (lat, lon) one point at a time."""
    out = np.array([function((b, a)) for a, b in zip(lon, lat)])
    return out[:, 1], out[:, 0]


@pytest.mark.parametrize("ours, theirs", [
    (offsets.wgs84_to_gcj02, prcoords.wgs_gcj),
    (offsets.gcj02_to_bd09, prcoords.gcj_bd),
    (offsets.wgs84_to_bd09, prcoords.wgs_bd),
])
def test_forward_transforms_agree_with_prcoords(china_points, ours, theirs):
    lon, lat = china_points
    got_lon, got_lat = ours(lon, lat)
    ref_lon, ref_lat = _peer(theirs, lon, lat)
    assert np.abs(got_lon - ref_lon).max() <= 1e-6 and np.abs(got_lat - ref_lat).max() <= 1e-6
    moved = metres(got_lon, got_lat, lon, lat)
    assert np.median(moved) > 200 and moved.max() < 2500  # a real offset, of the known size


@pytest.mark.parametrize("ours, theirs", [
    (offsets.gcj02_to_wgs84, prcoords.gcj_wgs_bored),
    (offsets.bd09_to_gcj02, prcoords.bd_gcj_bored),
    (offsets.bd09_to_wgs84, prcoords.bd_wgs_bored),
])
def test_inverse_transforms_agree_with_prcoords_iterative_inverse(china_points, ours, theirs):
    lon, lat = china_points
    got_lon, got_lat = ours(lon, lat)
    ref_lon, ref_lat = _peer(theirs, lon, lat)
    assert np.abs(got_lon - ref_lon).max() <= 1e-6 and np.abs(got_lat - ref_lat).max() <= 1e-6


@pytest.mark.parametrize("forward, inverse", [
    (offsets.wgs84_to_gcj02, offsets.gcj02_to_wgs84),
    (offsets.gcj02_to_bd09, offsets.bd09_to_gcj02),
    (offsets.wgs84_to_bd09, offsets.bd09_to_wgs84),
])
def test_round_trips_within_a_tenth_of_a_millimetre_everywhere_in_china(china_points, forward, inverse):
    lon, lat = china_points
    back_lon, back_lat = inverse(*forward(lon, lat))
    assert metres(back_lon, back_lat, lon, lat).max() <= 1e-3  # brief: ≤ 0.1 m; the 1e-9° tolerance gives far less
    again_lon, again_lat = forward(*inverse(lon, lat))
    assert metres(again_lon, again_lat, lon, lat).max() <= 1e-3


def test_published_coordtransform_example():
    # wandergis/coordtransform test/app.js (the widely copied public formula), point 116.404, 39.915
    assert offsets.wgs84_to_gcj02(116.404, 39.915) == pytest.approx((116.41024449916938, 39.91640428150164), abs=1e-12)
    assert offsets.gcj02_to_bd09(116.404, 39.915) == pytest.approx((116.41036949371029, 39.92133699351021), abs=1e-12)
    # its BD-09 → GCJ-02 is the one-step approximation: ours (iterated) is within 1e-6° of it ...
    one_step = (116.39762729119315, 39.90865673957631)
    ours = offsets.bd09_to_gcj02(116.404, 39.915)
    assert ours == pytest.approx(one_step, abs=1e-6)
    # ... and exact where it is not: forward of ours gives the input back
    assert offsets.gcj02_to_bd09(*ours) == pytest.approx((116.404, 39.915), abs=1e-9)
    assert metres(*offsets.gcj02_to_bd09(*one_step), 116.404, 39.915) > 0.01


def test_published_gcoord_examples():
    # hujiulong/gcoord unit tests (toBeCloseTo 5 decimals): GCJ02 (123, 45)
    assert offsets.gcj02_to_bd09(123, 45) == pytest.approx((123.00636499, 45.00636899), abs=5e-6)
    assert offsets.gcj02_to_wgs84(123, 45) == pytest.approx((122.99395597, 44.99804071), abs=5e-6)


def test_vendor_pair_shows_why_the_inverse_iterates():
    # Alibaba Cloud 地址标准化 TransferCoord example: GCJ02 120.026268,30.279164 →
    # BD09 120.032768,30.285238 and WGS84 120.021519,30.281543 (6 decimals).
    gcj = (120.026268, 30.279164)
    assert offsets.gcj02_to_bd09(*gcj) == pytest.approx((120.032768, 30.285238), abs=5e-7)
    vendor_wgs = (120.021519, 30.281543)
    ours = offsets.gcj02_to_wgs84(*gcj)
    assert metres(*offsets.wgs84_to_gcj02(*ours), *gcj) < 1e-4  # ours maps back onto the input
    assert metres(*offsets.wgs84_to_gcj02(*vendor_wgs), *gcj) > 1.0  # the one-step answer is metres off
    assert 1.0 < metres(*ours, *vendor_wgs) < 3.0


@pytest.mark.parametrize("lon, lat", [(2.3522, 48.8566), (-74.006, 40.7128), (139.6917, 35.6895),
                                      (72.003, 39.0), (100.0, 55.83), (110.0, 0.8292)])
def test_outside_the_gcj_box_gcj02_equals_wgs84(lon, lat):
    assert offsets.wgs84_to_gcj02(lon, lat) == (lon, lat)
    assert offsets.gcj02_to_wgs84(lon, lat) == (lon, lat)
    assert offsets.to_wgs84(lon, lat, "gcj02") == (lon, lat)


def test_inverse_prefers_the_solution_inside_the_box():
    # 137.8348°E is just east of the box, but the WGS84 point 137.8298°E (inside) maps onto it:
    # the inverse returns that point, so every point inside the box round-trips
    assert offsets.wgs84_to_gcj02(137.8348, 35.0) == (137.8348, 35.0)
    back = offsets.gcj02_to_wgs84(137.8348, 35.0)
    assert bool(offsets.in_gcj02_area(*back))
    assert offsets.wgs84_to_gcj02(*back) == pytest.approx((137.8348, 35.0), abs=1e-9)


def test_box_edges_are_inside():
    # eviltransform/prcoords box, bounds included: 72.004 ≤ lon ≤ 137.8347, 0.8293 ≤ lat ≤ 55.8271
    assert bool(offsets.in_gcj02_area(137.8347, 55.8271)) and bool(offsets.in_gcj02_area(72.004, 0.8293))
    assert offsets.wgs84_to_gcj02(137.8347, 40.0)[0] != 137.8347


def test_nan_shapes_and_systems():
    lon = np.array([[116.4, np.nan], [121.5, 113.3]])
    lat = np.array([[39.9, 30.0], [np.nan, 23.1]])
    for function in (offsets.gcj02_to_wgs84, offsets.bd09_to_wgs84, offsets.wgs84_to_bd09):
        out_lon, out_lat = function(lon, lat)
        assert out_lon.shape == (2, 2)
        assert np.isnan(out_lon[0, 1]) and np.isnan(out_lat[1, 0]) and np.isfinite(out_lon[1, 1])
    assert offsets.to_wgs84(116.4, 39.9, "CGCS2000") == (116.4, 39.9)
    assert offsets.to_wgs84(116.4, 39.9, "BD-09") == offsets.bd09_to_wgs84(116.4, 39.9)
    with pytest.raises(ValueError, match="unknown coordinate system"):
        offsets.to_wgs84(116.4, 39.9, "mars")


DMS_CASES = [
    ("116°23'45.6\"E", 116 + 23 / 60 + 45.6 / 3600, "lon"),
    ("116度23分45.6秒", 116 + 23 / 60 + 45.6 / 3600, ""),
    ("N39°54′", 39.9, "lat"),
    ("39 54 27.6", 39 + 54 / 60 + 27.6 / 3600, ""),
    ("39:54:27.6", 39 + 54 / 60 + 27.6 / 3600, ""),
    ("39°54.46'", 39 + 54.46 / 60, ""),
    ("116.3975", 116.3975, ""),
    ("-33.5", -33.5, ""),
    ("S33 52", -(33 + 52 / 60), "lat"),
    ("W 74.006", -74.006, "lon"),
    ("东经116°23′45.6″", 116 + 23 / 60 + 45.6 / 3600, "lon"),
    ("北纬 39.9", 39.9, "lat"),
    ("１１６°２３′４５．６″Ｅ", 116 + 23 / 60 + 45.6 / 3600, "lon"),  # full-width digits and marks
    ("３９．９１", 39.91, ""),
    ("39°54'27.6''N", 39 + 54 / 60 + 27.6 / 3600, "lat"),  # two single quotes for seconds
    ("39°27\"", 39 + 27 / 3600, ""),
    ("e116.5", 116.5, "lon"),
]


@pytest.mark.parametrize("text, degrees, axis", DMS_CASES)
def test_dms_text(text, degrees, axis):
    parsed = angles.parse_angles([text])
    assert parsed.reasons[0] is None
    assert parsed.degrees[0] == pytest.approx(degrees, abs=1e-12)
    assert parsed.axis[0] == axis


@pytest.mark.parametrize("text, reason", [
    ("116.5°23'", "decimals before the last component"),
    ("39 61", "minutes ≥ 60"),
    ("39 30 60", "seconds ≥ 60"),
    ("N95", "beyond 90"),
    ("190", "beyond 180"),
    ("-33 S", "a sign and hemisphere S together"),
    ("N39 E116", "several hemisphere letters"),
    ("39N54", "hemisphere letter in the middle"),
    ("abc", "unexpected text"),
    ("23'", "minutes or seconds without degrees"),
    ("39.91 116.39", "decimals before the last component"),
    ("", "empty"),
])
def test_dms_refusals_say_why(text, reason):
    parsed = angles.parse_angles([text])
    assert math.isnan(parsed.degrees[0]) and reason in parsed.reasons[0]


def test_numbers_pass_through_and_column_order_is_kept():
    parsed = angles.parse_angles([116.4, None, "39°54'", float("nan"), 200.0, 39])
    assert parsed.degrees[0] == 116.4 and parsed.degrees[2] == pytest.approx(39.9) and parsed.degrees[5] == 39
    assert list(parsed.reasons[[1, 3]]) == ["empty", "empty"] and "180" in parsed.reasons[4]
    assert list(parsed.ok) == [True, False, True, False, False, True]


@pytest.mark.parametrize("cell, first, second", [
    ("116.39,39.91", 116.39, 39.91),
    ("116.39，39.91", 116.39, 39.91),  # full-width comma
    ("116.39；39.91", 116.39, 39.91),
    ("39.91 116.39", 39.91, 116.39),
    ("39 54 27.6 116 23 45.6", 39 + 54 / 60 + 27.6 / 3600, 116 + 23 / 60 + 45.6 / 3600),
    ("39°54′ 116°23′", 39.9, 116 + 23 / 60),
])
def test_pair_cells_without_letters_keep_their_order(cell, first, second):
    points = lonlat.parse_coordinates([cell])
    assert points.reasons[0] is None and not points.labelled[0]
    assert (points.lon[0], points.lat[0]) == pytest.approx((first, second), abs=1e-12)


@pytest.mark.parametrize("cell", ["N39°54′27.6″ E116°23′45.6″", "39.9N116.4E", "39°54'N, 116°24'E", "北纬39.9 东经116.4"])
def test_hemisphere_letters_put_values_on_their_axis(cell):
    points = lonlat.parse_coordinates([cell])
    assert points.reasons[0] is None and points.labelled[0] and points.label_swapped[0]
    assert points.lon[0] == pytest.approx(116.4, abs=0.01) and points.lat[0] == pytest.approx(39.9, abs=0.01)


@pytest.mark.parametrize("cell, reason", [
    ("116 23 39 54", "several ways"),  # 116°23′ + 39°54′ or 116° + 23°39′54″ ...
    ("116.39;39.91;12", "two values"),
    ("N39 N116", "not two coordinate values"),
    ("", "no coordinates"),
])
def test_pair_cells_refused(cell, reason):
    points = lonlat.parse_coordinates([cell])
    assert np.isnan(points.lon[0]) and reason in points.reasons[0]


def test_two_columns_with_letters_and_bad_cells():
    x = ["116.4", "N39.9", "E116.4", "abc", None, "116.4E"]
    y = ["39.9", "E116.4", "N39.9", "39.9", None, "39.9E"]
    points = lonlat.parse_coordinates(x, y)
    assert list(points.lon[:3]) == pytest.approx([116.4, 116.4, 116.4])
    assert list(points.lat[:3]) == pytest.approx([39.9, 39.9, 39.9])
    assert list(points.label_swapped[:3]) == [False, True, False]
    assert "X/longitude" in points.reasons[3] and points.reasons[4] == "no coordinates"
    assert points.reasons[5] == "both values name the same axis"


def test_swapped_rows_in_china_reported_per_row():
    lon = np.array([116.4, 39.9, 121.5, 31.2, np.nan, 10.0])
    lat = np.array([39.9, 116.4, 31.2, 121.5, 30.0, 10.0])
    check = lonlat.detect_swapped_lonlat(lon, lat)
    assert list(check.swapped) == [False, True, False, True, False, False]
    assert list(check.lon[:4]) == [116.4, 116.4, 121.5, 121.5] and list(check.lat[:4]) == [39.9, 39.9, 31.2, 31.2]
    assert list(check.outside) == [False, False, False, False, False, True]
    assert not check.ambiguous.any() and "mixed" in check.messages[0]


def test_whole_column_swapped():
    check = lonlat.detect_swapped_lonlat([39.9, 31.2], [116.4, 121.5])
    assert check.swapped.all() and check.majority == "swapped" and "mixed" not in check.messages[0]


def test_ambiguous_rows_follow_the_column_majority():
    # box lon 20–50, lat 10–40: (30, 35) fits both orders; (45, 20) only as given; (15, 45) and (12, 44) only swapped
    box = (20.0, 10.0, 50.0, 40.0)
    check = lonlat.detect_swapped_lonlat([30, 45, 15, 12], [35, 20, 45, 44], box=box)
    assert list(check.ambiguous) == [True, False, False, False]
    assert check.majority == "swapped" and list(check.swapped) == [True, False, True, True]
    assert any("both orders" in m and "2 swapped, 1 as given" in m for m in check.messages)
    check = lonlat.detect_swapped_lonlat([30, 45], [35, 20], box=box)
    assert list(check.swapped) == [False, False] and check.majority == "as given"


def test_rows_fixed_by_letters_are_never_swapped():
    check = lonlat.detect_swapped_lonlat([39.9, 39.9], [116.4, 116.4], fixed=[True, False])
    assert list(check.swapped) == [False, True] and list(check.outside) == [True, False]


def test_points_outside_a_study_area():
    area = [shapely.box(0, 0, 10, 10), shapely.box(20, 0, 30, 10), None]
    x = np.array([5, 10, 15, 25, np.nan, -0.001])
    y = np.array([5, 10, 5, 5, 5, 5])
    assert list(lonlat.points_outside(x, y, area)) == [False, False, True, False, False, True]
    assert list(lonlat.points_outside([5, 15], [5, 5], shapely.box(0, 0, 10, 10))) == [False, True]
