"""The land rule on the grid: per cell the earliest arrival at any reached road point within the
access distance (disc-shaped minimum filters, made exact in the ring where cell binning could
err), and the station of the nearest reached road (the computed districts)."""
import threading
from collections.abc import Callable
from typing import Any

import numpy as np

from ..network import ReachedParts, RoadNetwork
from .disc_filters import TileFilters, shifted_into
from .grid import EMPTY, NONE, SOURCE_MASK, LandGrid
from .road_samples import key_grid, road_keys, sample_roads


TILE = 256  # cells: the land rule runs tile by tile, on the tiles near reached roads only


def earliest_key_within(grid: LandGrid, net: RoadNetwork, parts: ReachedParts, distance: float,
                        workers: int = 1) -> np.ndarray:
    """Per cell: min key (time, station) of the reached road points within ``distance``.

    Road points are binned into cells, so a disc filter measured between cell centres is
    off by up to a cell. Whether a cell is reached is therefore decided exactly (its
    centre's distance to the nearest road point, cKDTree) in the ring where a disc half a
    cell diagonal smaller and one that much larger disagree; which station (the earliest
    key) comes from the disc of radius ``distance``.

    The filters run on square tiles of the grid (each with a margin as wide as the largest
    disc, so every cell sees what it would see on the whole grid) and only on the tiles
    within that reach of a reached road cell: the work grows with the land reached, not with
    the study area. The two discs only tell whether any road cell is that near (boolean
    dilations, sharing the horizontal filters of the first), and the cKDTree holds only the
    road points near the ring. With ``workers`` > 1 the tiles are shared among that many threads
    (each writes its own tiles only; numpy lets go of the GIL)."""
    idx, key, point_cell, px, py = sample_roads(grid, net, parts, with_points=True)
    keys = key_grid(grid, idx, key)
    r, slack = distance / grid.cell, np.sqrt(0.5)
    r_in, r_out = max(r - slack, 0.0), r + slack
    mid = np.full(grid.shape, EMPTY, dtype=np.int64)
    if not len(idx):
        return mid
    margin = int(np.ceil(r_out)) + 1
    widths_min, widths_in, widths_out = disc_widths(r), disc_widths(r_in), disc_widths(r_out)
    dilated = set(widths_in) | set(widths_out)
    widths = set(widths_min) | dilated
    tile_shape = (min(TILE + 2 * margin, grid.shape[0]), min(TILE + 2 * margin, grid.shape[1]))
    buffers = threading.local()  # one TileFilters per thread, reused tile after tile
    n_cols = grid.shape[1]

    def tile(window: tuple[slice, slice], core: tuple[slice, slice], at: tuple[slice, slice]) -> np.ndarray:
        """mid over the tile (EMPTY beyond the outer disc); the flat indices of its ring cells."""
        filters = getattr(buffers, "filters", None)
        if filters is None:
            filters = buffers.filters = TileFilters(tile_shape, max(widths))
        rows = filters.horizontal_min(keys[window], widths)
        spread = filters.road_within(rows, dilated)
        outer = filters.disc_any(spread, widths_out)[at].copy()
        disc = filters.disc_min(rows, widths_min)[at]
        mid[core] = np.where(outer, disc, EMPTY)
        outer &= ~filters.disc_any(spread, widths_in)[at]  # the ring: outer disc, not inner
        ring_rows, ring_cols = np.nonzero(outer)
        return (ring_rows + core[0].start) * n_cols + ring_cols + core[1].start

    tiles = _tiles_near(grid.shape, idx, margin)
    if workers > 1 and len(tiles) > 1:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="riskatlas-land") as pool:
            ring = [done.result() for done in [pool.submit(tile, *t) for t in tiles]]
    else:
        ring = [tile(*t) for t in tiles]
    ring_cells = np.concatenate(ring)
    rows, cols = np.divmod(ring_cells, n_cols)
    if len(rows):
        ring_grid = np.zeros(grid.shape, dtype=bool)
        ring_grid.flat[ring_cells] = True
        near = _near_in_ring(grid, ring_grid, rows, cols, point_cell, px, py, distance)
        label = mid[rows, cols]
        need = near & (label == EMPTY)
        if need.any():
            label[need] = disc_min_at(grid, keys, r_out, rows[need], cols[need])
        mid[rows, cols] = np.where(near, label, EMPTY)
    return mid


def reached_within(grid: LandGrid, net: RoadNetwork, parts: ReachedParts, distance: float,
                   wanted: np.ndarray | None = None) -> np.ndarray:
    """Per cell: whether a reached road point lies within ``distance`` — exactly
    ``earliest_key_within(...) < EMPTY`` (the same samples, discs and exact ring), without the
    keys: cells within the inner disc of a road cell, and the ring's cells whose centre is
    within ``distance`` of a road point. ``wanted`` (per cell): only these cells of the ring are
    tested, the others left False. (Fire-station siting asks this of every candidate.)"""
    _, _, point_cell, px, py = sample_roads(grid, net, parts, with_points=True)
    road = np.zeros(grid.shape[0] * grid.shape[1], dtype=bool)
    road[point_cell[point_cell >= 0]] = True
    road = road.reshape(grid.shape)
    if not road.any():
        return road
    r, slack = distance / grid.cell, np.sqrt(0.5)
    inner = disc_any(road, max(r - slack, 0.0), {})
    ring = disc_any(road, r + slack, {}) & ~inner
    if wanted is not None:
        ring &= wanted
    rows, cols = np.nonzero(ring)
    if len(rows):
        inner[rows, cols] = _near_in_ring(grid, ring, rows, cols, point_cell, px, py, distance)
    return inner


def _near_in_ring(grid: LandGrid, ring: np.ndarray, rows: np.ndarray, cols: np.ndarray, point_cell: np.ndarray,
                  px: np.ndarray, py: np.ndarray, distance: float) -> np.ndarray:
    """Per ring cell (``rows``, ``cols``): whether its centre lies within ``distance`` of a road
    sample point (cKDTree over the points in cells near the ring only)."""
    from scipy import ndimage
    from scipy.spatial import cKDTree

    xs, ys = grid.centres()
    # road points that can lie within ``distance`` of a ring cell's centre: in a cell at
    # most r + half a diagonal away (a square of cells around the ring is a superset)
    half = int(np.ceil(distance / grid.cell + np.sqrt(0.5))) + 1
    around = ndimage.maximum_filter1d(ring.view(np.uint8), 2 * half + 1, axis=1, mode="constant")
    around = ndimage.maximum_filter1d(around, 2 * half + 1, axis=0, mode="constant").astype(bool)
    near_ring = np.flatnonzero(np.append(around.ravel(), False)[point_cell])  # (-1: the False)
    pts = np.column_stack([px[near_ring], py[near_ring]])
    if not len(pts):
        return np.zeros(len(rows), dtype=bool)
    d, _ = cKDTree(pts).query(np.column_stack([xs[cols], ys[rows]]), distance_upper_bound=distance)
    return np.isfinite(d)


def _tiles_near(shape: tuple[int, int], road_cells: np.ndarray,
                margin: int) -> list[tuple[tuple[slice, slice], tuple[slice, slice], tuple[slice, slice]]]:
    """The TILE × TILE tiles of a grid within ``margin`` cells of a road cell (flat indices):
    per tile (its window with the margin, the tile, the tile within the window)."""
    h, w = shape
    tiles_y, tiles_x = -(-h // TILE), -(-w // TILE)
    has_road = np.zeros((tiles_y, tiles_x), dtype=bool)
    has_road[(road_cells // w) // TILE, (road_cells % w) // TILE] = True
    reach = -(-margin // TILE)  # tiles a margin can cross
    near = np.zeros_like(has_road)
    for dy in range(-reach, reach + 1):
        for dx in range(-reach, reach + 1):
            near[max(dy, 0):tiles_y + min(dy, 0), max(dx, 0):tiles_x + min(dx, 0)] |= \
                has_road[max(-dy, 0):tiles_y + min(-dy, 0), max(-dx, 0):tiles_x + min(-dx, 0)]
    out = []
    for ty, tx in zip(*np.nonzero(near)):
        r0, r1 = ty * TILE, min((ty + 1) * TILE, h)
        c0, c1 = tx * TILE, min((tx + 1) * TILE, w)
        wr0, wr1, wc0, wc1 = max(r0 - margin, 0), min(r1 + margin, h), max(c0 - margin, 0), min(c1 + margin, w)
        out.append(((slice(wr0, wr1), slice(wc0, wc1)), (slice(r0, r1), slice(c0, c1)),
                    (slice(r0 - wr0, r1 - wr0), slice(c0 - wc0, c1 - wc0))))
    return out


def nearest_road_label(grid: LandGrid, net: RoadNetwork, parts: ReachedParts) -> np.ndarray:
    """Per cell: the station of the nearest reached road cell (-1 when none)."""
    from scipy import ndimage

    keys = road_keys(grid, net, parts, step=0.9)  # every cell a road crosses still gets a sample
    empty = keys == EMPTY
    if empty.all():
        return np.full(grid.shape, NONE, dtype=np.int64)
    rows, cols = ndimage.distance_transform_edt(empty, return_distances=False, return_indices=True)
    key = keys[rows, cols]
    return (key & SOURCE_MASK).astype(np.int64)


def disc_widths(r: float) -> list[int]:
    """Half-widths of the disc of radius r cells, per row offset 0..floor(r)."""
    return [int(np.floor(np.sqrt(max(r * r - dy * dy, 0.0)))) for dy in range(int(np.floor(r)) + 1)]


def disc_min(keys: np.ndarray, r: float, rows: dict[int, np.ndarray] | None = None) -> np.ndarray:
    """Minimum over a disc of radius r cells: the cells (dy, dx) with |dy| ≤ floor(r) and
    |dx| ≤ w(|dy|) = floor(sqrt(r² - dy²)). One horizontal 1-D minimum filter per distinct
    half-width w (``rows``: those already computed, filled in), then the minimum of those
    rows shifted by ±dy."""
    from scipy import ndimage

    widths = disc_widths(r)
    rows = {} if rows is None else rows
    for w in set(widths) - set(rows):
        rows[w] = ndimage.minimum_filter1d(keys, 2 * w + 1, axis=1, mode="constant", cval=EMPTY) if w else keys
    return _shifted(rows, widths, np.minimum)


def _shifted(rows: dict[int, np.ndarray], widths: list[int], combine: Callable[..., Any]) -> np.ndarray:
    """combine() over dy of rows[widths[|dy|]] shifted by dy (the rectangles of a disc)."""
    return shifted_into(np.empty_like(rows[widths[0]]), rows, widths, combine)


def disc_any(road: np.ndarray, r: float, rows: dict[int, np.ndarray]) -> np.ndarray:
    """Whether any ``road`` cell lies in the disc of radius r: ``disc_min(keys, r) <
    EMPTY`` for road = keys < EMPTY. ``rows``: horizontal minimum filters of keys by
    half-width (reused where there; their ``< EMPTY`` is the horizontal dilation)."""
    from scipy import ndimage

    widths = disc_widths(r)
    spread: dict[int, np.ndarray] = {}
    for w in set(widths):
        if w in rows:
            spread[w] = rows[w] < EMPTY
        else:
            spread[w] = ndimage.maximum_filter1d(road.view(np.uint8), 2 * w + 1, axis=1, mode="constant",
                                                 cval=0).view(bool)
    return _shifted(spread, widths, np.logical_or)


def disc_offsets(r: float) -> list[tuple[int, int]]:
    """(dy, dx) of the cells of the disc of radius r, as ``disc_min`` covers it."""
    return [(sy * dy, sx * dx) for dy, w in enumerate(disc_widths(r)) for dx in range(w + 1)
            for sy in ((1, -1) if dy else (1,)) for sx in ((1, -1) if dx else (1,))]


def disc_min_at(grid: LandGrid, keys: np.ndarray, r: float, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """``disc_min(keys, r)[rows, cols]`` for a few cells."""
    h, w = grid.shape
    dy, dx = np.array(disc_offsets(r), dtype=np.int64).T
    out = np.full(len(rows), EMPTY, dtype=np.int64)
    chunk = max(1, 4_000_000 // len(dy))
    for i in range(0, len(rows), chunk):
        rr, cc = rows[i:i + chunk, None] + dy, cols[i:i + chunk, None] + dx
        ok = (rr >= 0) & (rr < h) & (cc >= 0) & (cc < w)
        values = np.where(ok, keys[np.clip(rr, 0, h - 1), np.clip(cc, 0, w - 1)], EMPTY)
        out[i:i + chunk] = values.min(axis=1)
    return out
