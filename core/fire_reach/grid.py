"""The square cell grid of the land rule: its layout, the cells inside the study area, and the
polygons of regions of equal label."""
from typing import Any

import numpy as np

from ..garbage_collector import collector_paused
from .results import ReachOptions

# A cell's key is (arrival time in TIME_QUANTUM steps) << SOURCE_BITS | station: the smallest key
# is the earliest arrival, ties going to the lowest station index.
EMPTY = 1 << 62  # no arrival (exact as a float64: ndimage's cval is a double)
SOURCE_BITS = 20
SOURCE_MASK = (1 << SOURCE_BITS) - 1
TIME_QUANTUM = 1e-6  # minutes
NONE, OUTSIDE = -1, -2  # labels: reached by no station; outside the study area


class LandGrid:
    """Square cells over the study area (padded by the access distance): lower-left corner
    (``x0``, ``y0``), cell side ``cell`` (m), ``shape`` (rows, columns)."""

    def __init__(self, x0: float, y0: float, cell: float, shape: tuple[int, int]) -> None:
        self.x0, self.y0, self.cell, self.shape = x0, y0, cell, shape

    @classmethod
    def for_area(cls, study: Any, access: float, options: ReachOptions) -> "LandGrid":
        """Cells of ``options.cell_m`` (default ``access`` / 8, at least 1 m; larger when the study
        area would need more than ``options.max_cells``) over the study area's bounds, padded
        by the access distance and a cell."""
        import shapely

        x0, y0, x1, y1 = shapely.bounds(study)
        cell = options.cell_m or max(access / 8.0, 1.0)
        cell = max(cell, np.sqrt((x1 - x0) * (y1 - y0) / options.max_cells))
        pad = cell * (np.ceil(access / cell) + 1)
        x0, y0, x1, y1 = x0 - pad, y0 - pad, x1 + pad, y1 + pad
        shape = (int(np.ceil((y1 - y0) / cell)), int(np.ceil((x1 - x0) / cell)))
        return cls(x0, y0, cell, shape)

    def centres(self) -> tuple[np.ndarray, np.ndarray]:
        """x of the column centres, y of the row centres."""
        h, w = self.shape
        xs = self.x0 + (np.arange(w) + 0.5) * self.cell
        ys = self.y0 + (np.arange(h) + 0.5) * self.cell
        return xs, ys

    def inside(self, study: Any) -> np.ndarray:
        """Per cell: whether its centre lies in the study polygon."""
        import shapely

        h, w = self.shape
        xs, ys = self.centres()
        if shapely.equals(study, shapely.envelope(study)):
            bx0, by0, bx1, by1 = shapely.bounds(study)
            return ((ys[:, None] >= by0) & (ys[:, None] <= by1)) & ((xs[None, :] >= bx0) & (xs[None, :] <= bx1))
        shapely.prepare(study)
        out = np.zeros(self.shape, dtype=bool)
        # blocks of cells: whole blocks inside the study area's interior or apart from it are
        # settled by one test of their centres' box; the centres of the others one by one
        size = 32
        r0 = np.arange(0, h, size)
        q0 = np.arange(0, w, size)
        r1, q1 = np.minimum(r0 + size, h), np.minimum(q0 + size, w)
        br, bq = np.meshgrid(np.arange(len(r0)), np.arange(len(q0)), indexing="ij")
        br, bq = br.ravel(), bq.ravel()
        boxes = shapely.box(xs[q0[bq]], ys[r0[br]], xs[q1[bq] - 1], ys[r1[br] - 1])
        solid = (r1[br] - r0[br] > 1) & (q1[bq] - q0[bq] > 1)  # boxes with an area
        within = solid & shapely.contains_properly(study, boxes)
        apart = solid & shapely.disjoint(study, boxes)
        for k in np.flatnonzero(within):
            out[r0[br[k]]:r1[br[k]], q0[bq[k]]:q1[bq[k]]] = True
        for k in np.flatnonzero(~within & ~apart):
            rows, cols = slice(r0[br[k]], r1[br[k]]), slice(q0[bq[k]], q1[bq[k]])
            gx, gy = np.meshgrid(xs[cols], ys[rows])
            out[rows, cols] = shapely.contains_xy(study, gx, gy)
        return out

    def cells(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(flat cell index, inside the grid) of points."""
        h, w = self.shape
        col = np.floor((x - self.x0) / self.cell).astype(np.int64)
        row = np.floor((y - self.y0) / self.cell).astype(np.int64)
        ok = (row >= 0) & (row < h) & (col >= 0) & (col < w)
        return row * w + col, ok

    def polygons(self, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(faces, label) of the regions of equal label (cell-edge polygons)."""
        import shapely

        h, w = self.shape
        pad = np.full((h + 2, w + 2), -99, dtype=np.int32)  # (labels are station numbers and small codes)
        pad[1:-1, 1:-1] = labels
        # vertical boundaries at x = x0 + j*cell between pad[:, j] and pad[:, j+1], rows 1..h: runs along rows;
        # horizontal ones at y = y0 + i*cell between pad[i] and pad[i+1]: runs along columns
        segs = [self._runs(pad[1:-1, :-1], pad[1:-1, 1:], vertical=True),
                self._runs(pad[:-1, 1:-1], pad[1:, 1:-1], vertical=False)]
        lines = np.concatenate(segs)
        if len(lines) == 0:
            return np.zeros(0, dtype=object), np.zeros(0, dtype=np.int64)
        with collector_paused():
            segments = shapely.linestrings(lines)
        faces = shapely.get_parts(shapely.polygonize(segments))
        pt = shapely.get_coordinates(shapely.point_on_surface(faces))
        col = np.clip(np.floor((pt[:, 0] - self.x0) / self.cell).astype(np.int64), 0, w - 1)
        row = np.clip(np.floor((pt[:, 1] - self.y0) / self.cell).astype(np.int64), 0, h - 1)
        return faces, labels[row, col]

    def _runs(self, a: np.ndarray, b: np.ndarray, vertical: bool) -> np.ndarray:
        """Boundary segments between the label arrays a and b (same shape: rows × columns) where
        they differ: maximal runs of cells with the same pair of labels, along a column
        (``vertical``) or along a row, line by line. Only the boundary cells are listed (one
        ``flatnonzero``): the runs are found among them."""
        diff = a != b
        at_row, at_col = np.divmod(np.flatnonzero(diff), diff.shape[1])
        if vertical:  # line = column, position = row: in column order
            order = np.argsort(at_col * diff.shape[0] + at_row, kind="stable")
            at_row, at_col = at_row[order], at_col[order]
            li, pos = at_col, at_row
        else:
            li, pos = at_row, at_col
        la, lb = a[at_row, at_col], b[at_row, at_col]
        goes_on = (li[1:] == li[:-1]) & (pos[1:] == pos[:-1] + 1) & (la[1:] == la[:-1]) & (lb[1:] == lb[:-1])
        start = np.ones(len(li), dtype=bool)
        start[1:] = ~goes_on
        end = np.ones(len(li), dtype=bool)
        end[:-1] = ~goes_on
        li, ps, pe = li[start], pos[start], pos[end]
        c = self.cell
        if vertical:  # line li = column boundary j (x), positions = rows
            x = self.x0 + li * c
            return np.stack([np.stack([x, self.y0 + ps * c], 1), np.stack([x, self.y0 + (pe + 1) * c], 1)], 1)
        y = self.y0 + li * c
        return np.stack([np.stack([self.x0 + ps * c, y], 1), np.stack([self.x0 + (pe + 1) * c, y], 1)], 1)
