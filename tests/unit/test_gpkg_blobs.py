"""layers.gpkg_blobs: single lines encoded from their coordinates are the bytes of the WKB path, row for row
(the QGIS sink itself is the peer in tests/qgis/test_bulk_io.py)."""
import numpy as np
import shapely

from riskatlas.layers.gpkg_blobs import _any_blobs, geometry_blobs


def _mixed_lines(rng, n):
    geoms = []
    for i in range(n):
        points = rng.uniform(-1e6, 1e6, (int(rng.integers(2, 7)), 2))
        kind = i % 9
        if kind < 5:
            geoms.append(shapely.linestrings(points))
        elif kind == 5:
            geoms.append(shapely.multilinestrings([shapely.linestrings(points)]))
        elif kind == 6:
            geoms.append(shapely.multilinestrings([shapely.linestrings(points), shapely.linestrings(points + 3)]))
        elif kind == 7:
            geoms.append(None if i % 2 else shapely.from_wkt("LINESTRING EMPTY"))
        else:
            geoms.append(shapely.linestrings(np.column_stack([points, points[:, 0]])))  # Z
    geoms.append(shapely.linestrings([[0.0, np.nan], [1.0, 2.0]]))  # NaN: through WKB, as shapely has it
    geoms.append(shapely.linestrings([[0.0, np.inf], [1.0, 2.0]]))
    return np.array(geoms, dtype=object)


def _same(ours, reference):
    assert ours[0] == reference[0]
    for got, expected in zip(ours[1:], reference[1:]):
        np.testing.assert_array_equal(got, expected)


def test_single_lines_from_coordinates_are_the_wkb_paths_bytes():
    rng = np.random.default_rng(3)
    geoms = _mixed_lines(rng, 2000)
    for layer_type in ("MULTILINESTRING", "LINESTRING"):
        rows = geoms if layer_type == "MULTILINESTRING" else np.array(
            [g for g in geoms if g is None or shapely.get_type_id(g) == 1], dtype=object)
        _same(geometry_blobs(rows, 4549, layer_type), _any_blobs(rows, 4549, layer_type))


def test_all_single_lines_and_none_at_all():
    lines = shapely.linestrings(np.random.default_rng(5).uniform(0, 100, (500, 3, 2)))
    _same(geometry_blobs(lines, 3857, "MULTILINESTRING"), _any_blobs(lines, 3857, "MULTILINESTRING"))
    blobs = geometry_blobs(lines, 3857, "MULTILINESTRING")[0]
    assert [shapely.from_wkb(b[40:]) for b in blobs[:3]] == [shapely.multilinestrings([g]) for g in lines[:3]]
    polygons = shapely.box(np.arange(5.0), 0, np.arange(5.0) + 1, 1)
    _same(geometry_blobs(polygons, 3857, "MULTIPOLYGON"), _any_blobs(polygons, 3857, "MULTIPOLYGON"))
    empty = np.zeros(0, dtype=object)
    _same(geometry_blobs(empty, 3857, "LINESTRING"), _any_blobs(empty, 3857, "LINESTRING"))
