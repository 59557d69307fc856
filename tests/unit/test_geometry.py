"""core.geometry.repair: invalid geometries made valid, keeping their own dimension (the rule validateinputs
reports with and the algorithms apply)."""
import numpy as np
import shapely

from riskatlas.core.geometry import invalid, repair


def test_a_bowtie_becomes_its_two_triangles_and_valid_ones_are_untouched():
    bowtie = shapely.Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])
    square = shapely.box(0, 0, 1, 1)
    geoms = np.array([bowtie, square, None], dtype=object)
    out, repaired, collapsed = repair(geoms)
    assert repaired.tolist() == [True, False, False] and not collapsed.any()
    assert out[0].geom_type == "MultiPolygon" and out[0].area == 50.0 and out[1] is square and out[2] is None
    assert geoms[0] is bowtie  # the input array is not changed


def test_a_polygon_without_area_collapses():
    flat = shapely.Polygon([(0, 0), (1, 1), (2, 2), (0, 0)])
    out, repaired, collapsed = repair([flat, shapely.box(0, 0, 1, 1)])
    assert repaired.tolist() == [True, False] and collapsed.tolist() == [True, False] and out[0] is None
    assert invalid([flat, None, shapely.Point()]).tolist() == [True, False, False]
