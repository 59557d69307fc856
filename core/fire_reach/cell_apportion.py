"""Residents onto the cells of the land grid (area-weighted apportioning at the grid's resolution)."""
import numpy as np
import numpy.typing as npt

from .grid import LandGrid


def apportion_to_cells(grid: LandGrid, polygons: npt.ArrayLike, values: np.ndarray) -> np.ndarray:
    """Area-weighted apportioning onto the cells: each polygon's value spread evenly over
    the cells whose centre it contains (a polygon holding no centre gives its value to the
    cell of its representative point), so totals are kept exactly."""
    import shapely

    h, w = grid.shape
    out = np.zeros(grid.shape)
    polygons = np.asarray(polygons, dtype=object)
    ok = ~shapely.is_missing(polygons) & ~shapely.is_empty(polygons)
    b = shapely.bounds(polygons)
    b[~ok] = 0.0  # missing polygons have NaN bounds; they are skipped below
    c = grid.cell
    j0 = np.clip(np.ceil((b[:, 0] - grid.x0) / c - 0.5), 0, w).astype(np.int64)
    j1 = np.clip(np.floor((b[:, 2] - grid.x0) / c - 0.5), -1, w - 1).astype(np.int64)
    i0 = np.clip(np.ceil((b[:, 1] - grid.y0) / c - 0.5), 0, h).astype(np.int64)
    i1 = np.clip(np.floor((b[:, 3] - grid.y0) / c - 0.5), -1, h - 1).astype(np.int64)
    xs, ys = grid.centres()
    # axis-aligned rectangles (the usual population grid) contain exactly the centres
    # strictly inside their bounds: a block of cells, found by binary search
    rect = _rectangles(polygons) & ok
    # (within the window of cells tested for every polygon: j0..j1, i0..i1)
    a0 = np.maximum(np.searchsorted(xs, b[:, 0], side="right"), j0)
    a1 = np.minimum(np.searchsorted(xs, b[:, 2], side="left"), j1 + 1)
    c0 = np.maximum(np.searchsorted(ys, b[:, 1], side="right"), i0)
    c1 = np.minimum(np.searchsorted(ys, b[:, 3], side="left"), i1 + 1)
    lost = []
    for k in np.flatnonzero(ok & (values != 0)):
        if rect[k]:
            n = (a1[k] - a0[k]) * (c1[k] - c0[k]) if a1[k] > a0[k] and c1[k] > c0[k] else 0
            if n == 0:
                lost.append(k)
                continue
            out[c0[k]:c1[k], a0[k]:a1[k]] += values[k] / n  # (other cells of the box gain 0)
            continue
        if j1[k] < j0[k] or i1[k] < i0[k]:
            lost.append(k)
            continue
        gx, gy = np.meshgrid(xs[j0[k]:j1[k] + 1], ys[i0[k]:i1[k] + 1])
        inside = shapely.contains_xy(polygons[k], gx, gy)
        n = inside.sum()
        if n == 0:
            lost.append(k)
            continue
        out[i0[k]:i1[k] + 1, j0[k]:j1[k] + 1] += inside * (values[k] / n)
    if lost:
        pt = shapely.get_coordinates(shapely.point_on_surface(polygons[lost]))
        col = np.clip(np.floor((pt[:, 0] - grid.x0) / c).astype(np.int64), 0, w - 1)
        row = np.clip(np.floor((pt[:, 1] - grid.y0) / c).astype(np.int64), 0, h - 1)
        np.add.at(out, (row, col), values[lost])
    return out


def _rectangles(polygons: np.ndarray) -> np.ndarray:
    """Per geometry: True for a Polygon without holes whose ring is its bounding box's four
    corners joined by axis-parallel edges (then a point is inside iff it lies strictly within
    the bounds)."""
    import shapely

    out = np.zeros(len(polygons), dtype=bool)
    ok = ~shapely.is_missing(polygons)
    cand = np.flatnonzero(ok)
    cand = cand[(shapely.get_type_id(polygons[cand]) == 3)]
    cand = cand[(shapely.get_num_interior_rings(polygons[cand]) == 0)
                & (shapely.get_num_coordinates(polygons[cand]) == 5)]
    if len(cand) == 0:
        return out
    ring = shapely.get_coordinates(shapely.get_exterior_ring(polygons[cand])).reshape(len(cand), 5, 2)
    b = shapely.bounds(polygons[cand])
    x, y = ring[:, :, 0], ring[:, :, 1]
    corners = (((x == b[:, [0]]) | (x == b[:, [2]])) & ((y == b[:, [1]]) | (y == b[:, [3]]))).all(axis=1)
    dx, dy = np.diff(x, axis=1) != 0, np.diff(y, axis=1) != 0
    # each edge moves along one axis, and the axes alternate: the four corners in turn
    axis_parallel = (dx ^ dy).all(axis=1) & (dx[:, 1:] != dx[:, :-1]).all(axis=1)
    proper = (b[:, 0] < b[:, 2]) & (b[:, 1] < b[:, 3])
    out[cand] = corners & axis_parallel & proper
    return out
