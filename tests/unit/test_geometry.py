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


def _square_with_hole(vertices_apart=0.05):
    """10 × 10 with a 2 × 2 hole at (4, 4): area 96; segmentized to hundreds of vertices."""
    square = shapely.Polygon([(0, 0), (10, 0), (10, 10), (0, 10)], [[(4, 4), (6, 4), (6, 6), (4, 6)]])
    return shapely.segmentize(square, vertices_apart)


def test_is_box_only_for_axis_aligned_rectangles():
    from riskatlas.core.geometry import is_box

    shapes = [shapely.box(0, 0, 2, 1), shapely.Polygon([(0, 0), (1, 1), (0, 2), (-1, 1)]),  # a rotated square
              shapely.Polygon([(0, 0), (2, 0), (2, 1), (0, 2)]), _square_with_hole(5.0),
              shapely.Polygon([(0, 0), (1, 0), (0, 1)]), shapely.MultiPolygon([shapely.box(0, 0, 1, 1)]), None]
    assert is_box(np.array(shapes, dtype=object)).tolist() == [True, False, False, False, False, False, False]


def test_subdivide_tiles_the_polygon_in_parts_of_few_vertices():
    """A regular 1,024-gon of radius 5 with a 2 × 2 square hole: area 512·25·sin(2π/1024) − 4."""
    from riskatlas.core.geometry import subdivide

    disc = shapely.Point(5, 5).buffer(5, quad_segs=256)
    polygon = shapely.Polygon(disc.exterior.coords, [[(4, 4), (6, 4), (6, 6), (4, 6)]])
    area = 512 * 25 * np.sin(2 * np.pi / 1024) - 4
    parts, owner = subdivide([shapely.box(20, 0, 21, 1), polygon], 100)
    assert (shapely.get_num_coordinates(parts) <= 100).all() and len(parts) >= 1024 // 100
    assert owner.tolist().count(0) == 1 and parts[owner == 0][0].equals(shapely.box(20, 0, 21, 1))
    mine = parts[owner == 1]
    assert abs(shapely.area(mine).sum() - area) < 1e-9  # no part overlaps another,
    assert shapely.union_all(mine).symmetric_difference(polygon).area < 1e-9  # and together they are the polygon


def test_overlap_areas_of_a_many_vertex_polygon_over_a_grid():
    """The cells of a unit grid over the square with a hole: 1 each, 0 in the hole's four cells; half-cell
    triangles (no boxes: the general overlay) half that; cells half outside 0.5 — the polygon is in more
    pairs than SUBDIVIDE_PAIRS, so it is cut into parts first."""
    from riskatlas.core.geometry import SUBDIVIDE_PAIRS, overlap_areas, pair_overlap_area

    xs, ys = np.meshgrid(np.arange(10.0), np.arange(10.0))
    xs, ys = xs.ravel(), ys.ravel()
    cells = shapely.box(xs, ys, xs + 1, ys + 1)
    triangles = shapely.polygons(np.stack([np.stack([xs, ys], 1), np.stack([xs + 1, ys], 1),
                                           np.stack([xs, ys + 1], 1)], 1))
    straddling = shapely.box([9.5, -0.5], [0.0, 3.0], [10.5, 0.5], [1.0, 4.0])
    first = np.concatenate([cells, triangles, straddling])
    in_hole = (xs >= 4) & (xs < 6) & (ys >= 4) & (ys < 6)
    expected = np.concatenate([np.where(in_hole, 0.0, 1.0), np.where(in_hole, 0.0, 0.5), [0.5, 0.5]])
    second = np.array([_square_with_hole()], dtype=object)
    first_idx, second_idx = np.arange(len(first)), np.zeros(len(first), dtype=np.int64)
    assert len(first) > SUBDIVIDE_PAIRS
    got = overlap_areas(first, first_idx, second, second_idx)
    assert np.allclose(got, expected, rtol=0, atol=1e-9)
    swapped = overlap_areas(second, second_idx, first, first_idx)  # the repeated polygon on either side
    assert np.allclose(swapped, expected, rtol=0, atol=1e-9)
    assert np.allclose(pair_overlap_area(first, second[second_idx]), expected, rtol=0, atol=1e-9)
