"""The regional four-colour risk map (红橙黄蓝四色安全风险空间分布图).

Sources (enterprises, graded hazard units: anything with ``risk_level`` 1..4) influence the areas
(townships / communities, or square grid cells) lying within the influence radius of their level.
"Within" is the exact planar distance between the source geometry and the area, strictly less
than the radius (no segmented buffers): an area touching the circle of radius r exactly is not
reached. Radii are a preset per level (default 1000, 500, 300, 100 m for levels 1..4).

Aggregation rules (named presets in ``core.standards.risk_presets``):

* ``HIGHEST_WINS`` (0, 就高, default): an area takes the highest risk (lowest level number) among
  the sources reaching it; an area no source reaches is level 4 (低风险, blue).
* ``CUMULATIVE_BASE3`` (1): each source reaching the area adds a weight by its level — 27 (level 1),
  9 (2), 3 (3), 1 (4) — and the sum is classed with lower bounds included: score ≥ 27 → level 1,
  ≥ 9 → 2, ≥ 3 → 3, otherwise 4. Three sources of one level weigh as much as one source of the
  next higher level, so clusters escalate (three level-2 sources make level 1). An area is never
  lower than under HIGHEST_WINS (its highest source alone reaches that level's threshold).

Per area the map reports the level, labels and colour, the number of sources per level reaching
it (``n_level1`` … ``n_level4``), the source that set the level (``source_id``, ``source_layer``,
``source_dist_m``: among the sources of the highest level reaching the area, the nearest; ties →
the first source), the cumulative ``risk_score`` and, with population polygons, ``residents``
(apportioned by area).

Study area (optional, e.g. the county's townships): the areas are classified whole, then cut to the
study area — an area crossing its boundary keeps the level computed for the whole area, while its
geometry, and so its residents (apportioned after the cut), are those of the part inside; areas
wholly outside are dropped. Nothing of the map lies outside the study area.

Grid: cells of ``cell_size`` metres start at the extent's lower-left corner; the extent grows
right and up to whole cells (it is never cut). ``cell_id`` counts row by row from the bottom-left.
A grid made by ``square_grid`` is searched by arithmetic (the cells around each source) instead of
an STRtree; the pairs, distances and so the map are exactly the same.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
import pandas as pd
import shapely

from . import messages as m
from .apportion import apportion_column
from .errors import InputError, Notice, Warnings
from .standards.risk_levels import LOWEST_RISK, risk_attributes
from .standards.risk_presets import (AGGREGATION_RULES, CUMULATIVE_BASE3, DEFAULT_RADII_M,  # noqa: F401 (re-exported)
                                     HIGHEST_WINS, AggregationRule)

if TYPE_CHECKING:
    import geopandas as gpd

GridLayout = tuple[float, float, float, int, int]  # square_grid's (xmin, ymin, cell size, columns, rows)

MAX_CELLS = 5_000_000
GRID_ATTR = "riskatlas_grid"  # square_grid's layout (xmin, ymin, cell size, columns, rows), in DataFrame.attrs


def parse_radii(text: Any) -> tuple[float, ...]:
    """Four influence radii (m) for levels 1..4 from '1000,500,300,100' (commas, semicolons or spaces)."""
    if isinstance(text, (list, tuple)):
        pieces = list(text)
    else:
        pieces = [p for p in str(text or "").replace(";", ",").replace(" ", ",").split(",") if p.strip()]
    try:
        radii = tuple(float(p) for p in pieces)
    except ValueError:
        raise InputError(m.RADII, value=text) from None
    if len(radii) != 4 or any(not math.isfinite(r) or r < 0 for r in radii):
        raise InputError(m.RADII, value=text)
    return radii


def snapped_extent(xmin: float, ymin: float, xmax: float, ymax: float,
                   cell_size: float) -> tuple[float, float, float, float, int, int]:
    """(xmin, ymin, xmax, ymax, n_cols, n_rows): the extent grown right/up to whole cells."""
    if not (cell_size > 0 and math.isfinite(cell_size)):
        raise InputError(m.OPTION_POSITIVE, option="CELL_SIZE", unit=" m", value=cell_size)
    n_cols = max(1, math.ceil((xmax - xmin) / cell_size - 1e-9))
    n_rows = max(1, math.ceil((ymax - ymin) / cell_size - 1e-9))
    return xmin, ymin, xmin + n_cols * cell_size, ymin + n_rows * cell_size, n_cols, n_rows


def square_grid(extent: tuple[float, float, float, float], cell_size: float, crs: Any = None,
                max_cells: int = MAX_CELLS) -> gpd.GeoDataFrame:
    """GeoDataFrame of square cells (cell_id, row, col) covering ``extent`` = (xmin, ymin, xmax, ymax)."""
    import geopandas as gpd

    xmin, ymin, _xmax, _ymax, n_cols, n_rows = snapped_extent(*extent, cell_size)
    if n_cols * n_rows > max_cells:
        raise InputError(m.TOO_MANY_CELLS, cells=n_cols * n_rows, limit=max_cells)
    row, col, x0, y0 = _cell_origins(xmin, ymin, cell_size, n_cols, n_rows)
    cells = shapely.box(x0, y0, x0 + cell_size, y0 + cell_size)
    grid = gpd.GeoDataFrame({"cell_id": np.arange(1, len(cells) + 1), "row": row, "col": col},
                            geometry=gpd.GeoSeries(cells, crs=crs), crs=crs)
    grid.attrs[GRID_ATTR] = (xmin, ymin, float(cell_size), n_cols, n_rows)
    return grid


def _cell_origins(xmin: float, ymin: float, cell_size: float, n_cols: int,
                  n_rows: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """row, col and lower-left corner of every cell, row by row from the bottom-left (as square_grid)."""
    row = np.repeat(np.arange(n_rows), n_cols)
    col = np.tile(np.arange(n_cols), n_rows)
    return row, col, xmin + col * cell_size, ymin + row * cell_size


def grid_layout(areas: Any) -> GridLayout | None:
    """square_grid's layout of ``areas`` — (xmin, ymin, cell size, columns, rows) — when every area's
    bounding box is exactly the cell square_grid puts at its position, else None. (The layout is
    recorded by square_grid and checked here, so a subset or an edited copy of a grid is simply
    treated as arbitrary polygons.)"""
    layout = getattr(areas, "attrs", {}).get(GRID_ATTR)
    if layout is None:
        return None
    xmin, ymin, cell_size, n_cols, n_rows = layout
    if len(areas) != n_cols * n_rows:
        return None
    _row, _col, x0, y0 = _cell_origins(xmin, ymin, cell_size, n_cols, n_rows)
    bounds = shapely.bounds(areas.geometry.to_numpy())
    expected = np.column_stack([x0, y0, x0 + cell_size, y0 + cell_size])
    return layout if np.array_equal(bounds, expected) else None


@dataclass
class Sources:
    """Risk sources as arrays: geometry, level 1..4, id text and the layer each came from."""

    geometry: np.ndarray
    level: np.ndarray
    source_id: np.ndarray
    layer: np.ndarray

    @classmethod
    def concat(cls, parts: Iterable[Sources | None]) -> Sources:
        """The sources of several layers as one (None entries skipped)."""
        parts = [p for p in parts if p is not None]
        if not parts:
            return cls(np.zeros(0, dtype=object), np.zeros(0, dtype=int), np.zeros(0, dtype=object),
                       np.zeros(0, dtype=object))
        names = ("geometry", "level", "source_id", "layer")
        return cls(*(np.concatenate([getattr(p, n) for p in parts]) for n in names))


def sources_from_frame(gdf: gpd.GeoDataFrame, layer: str, level_field: str = "risk_level", id_field: str | None = None,
                       warnings: Warnings | None = None) -> Sources:
    """Sources from a GeoDataFrame with a level field; ids from ``id_field`` (else the feature id).
    Empty or invalid levels are errors; features without geometry are skipped with a warning."""
    from .values import id_strings, parse_numbers

    warnings = [] if warnings is None else warnings
    if level_field not in gdf.columns:
        raise InputError(m.FIELD_NOT_FOUND, layer=layer, field=level_field,
                         available=", ".join(str(c) for c in gdf.columns if c != "geometry"))
    if id_field and id_field not in gdf.columns:
        raise InputError(m.FIELD_NOT_FOUND, layer=layer, field=id_field,
                         available=", ".join(str(c) for c in gdf.columns if c != "geometry"))
    keys = id_strings(gdf[id_field]) if id_field else None
    levels = pd.Series(parse_numbers(gdf[level_field]).values, index=gdf.index)
    bad = (levels.isna() | ~levels.isin([1, 2, 3, 4])).to_numpy()
    if bad.any():
        raise InputError(m.RISK_LEVEL_RANGE, layer=layer, feature_ids=gdf.index[bad], field=level_field,
                         keys=None if keys is None else keys[bad])
    geoms = gdf.geometry.to_numpy()
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    if missing.any():
        warnings.append(Notice(m.SOURCES_WITHOUT_GEOMETRY, layer=layer, feature_ids=gdf.index[missing],
                               keys=None if keys is None else keys[missing]))
    if id_field:
        ids = keys
        ids = np.where(pd.isna(ids), gdf.index.astype(str).to_numpy(dtype=object), ids)
    else:
        ids = gdf.index.astype(str).to_numpy(dtype=object)
    keep = ~missing
    return Sources(geoms[keep], levels.to_numpy(dtype=int)[keep], np.asarray(ids, dtype=object)[keep],
                   np.full(int(keep.sum()), layer, dtype=object))


def reach_pairs(sources: Sources, areas: npt.ArrayLike, radii: Sequence[float],
                feedback: Callable[[int], Any] | None = None,
                grid: GridLayout | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(source index, area index, distance) of every source whose exact distance to an area is less than
    the radius of its level. Candidates from an STRtree 'dwithin' query — or, when the areas are a
    square_grid (``grid`` = its layout, see ``grid_layout``), from the cells around each source, found
    by arithmetic — then the exact distance (GEOS) and the strict check, the same for both."""
    areas = np.asarray(areas, dtype=object)
    tree: Any = shapely.STRtree(areas) if grid is None else None
    src_parts, area_parts, dist_parts = [], [], []
    for level in (1, 2, 3, 4):
        radius = radii[level - 1]
        chosen = np.flatnonzero(sources.level == level)
        if radius <= 0 or len(chosen) == 0:
            continue
        if grid is None:
            query_idx, area_idx = tree.query(sources.geometry[chosen], predicate="dwithin", distance=radius)
        else:
            query_idx, area_idx = _grid_candidates(sources.geometry[chosen], radius, grid)
            # the tree's own predicate (GEOS prepared 'distance within', the source prepared), so that both
            # paths keep the same pairs even where it and GEOS's distance disagree in the last bit
            within = _prepared_dwithin(sources.geometry[chosen], query_idx, areas[area_idx], radius)
            query_idx, area_idx = query_idx[within], area_idx[within]
        src_idx = chosen[query_idx]
        dist = shapely.distance(sources.geometry[src_idx], areas[area_idx])
        keep = dist < radius
        src_parts.append(src_idx[keep])
        area_parts.append(area_idx[keep])
        dist_parts.append(dist[keep])
        if feedback is not None:
            feedback(level)
    if not src_parts:
        empty = np.zeros(0, dtype=np.intp)
        return empty, empty, np.zeros(0)
    return np.concatenate(src_parts), np.concatenate(area_parts), np.concatenate(dist_parts)


def _prepared_dwithin(geometries: np.ndarray, index: np.ndarray, others: np.ndarray, radius: float) -> np.ndarray:
    """shapely.dwithin(geometries[index], others, radius) with ``geometries`` prepared, as an STRtree
    'dwithin' query evaluates it; geometries this call prepares are unprepared again."""
    newly = ~shapely.is_prepared(geometries)
    shapely.prepare(geometries[newly])
    try:
        return shapely.dwithin(geometries[index], others, radius)
    finally:
        shapely.destroy_prepared(geometries[newly])


def _grid_candidates(geometries: np.ndarray, radius: float, grid: GridLayout) -> tuple[np.ndarray, np.ndarray]:
    """(geometry index, cell index) of the grid cells that may lie within ``radius`` of each geometry:
    every cell whose rectangle is within ``radius`` of the geometry's bounding box (plus a rounding
    margin). The distance between bounding boxes never exceeds the distance between the geometries,
    so no cell within ``radius`` is missed; the exact check follows in reach_pairs."""
    xmin, ymin, size, n_cols, n_rows = grid
    bounds = shapely.bounds(geometries)
    finite = np.isfinite(bounds).all(axis=1)
    bounds = np.where(finite[:, None], bounds, 0.0)
    with np.errstate(invalid="ignore"):
        c0 = np.floor((bounds[:, 0] - radius - xmin) / size) - 1
        c1 = np.floor((bounds[:, 2] + radius - xmin) / size) + 1
        r0 = np.floor((bounds[:, 1] - radius - ymin) / size) - 1
        r1 = np.floor((bounds[:, 3] + radius - ymin) / size) + 1
    c0, r0 = np.clip(c0, 0, n_cols).astype(np.int64), np.clip(r0, 0, n_rows).astype(np.int64)
    c1, r1 = np.clip(c1, -1, n_cols - 1).astype(np.int64), np.clip(r1, -1, n_rows - 1).astype(np.int64)
    widths = np.where(finite, np.maximum(c1 - c0 + 1, 0), 0)
    counts = widths * np.maximum(r1 - r0 + 1, 0)
    geom_idx = np.repeat(np.arange(len(geometries)), counts)
    offset = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    width = widths[geom_idx]
    col = c0[geom_idx] + offset % np.maximum(width, 1)
    row = r0[geom_idx] + offset // np.maximum(width, 1)
    # the distance between the cell's rectangle and the geometry's bounding box, as square_grid places cells
    cx0, cy0 = xmin + col * size, ymin + row * size
    b = bounds[geom_idx]
    dx = np.maximum(np.maximum(cx0 - b[:, 2], b[:, 0] - (cx0 + size)), 0.0)
    dy = np.maximum(np.maximum(cy0 - b[:, 3], b[:, 1] - (cy0 + size)), 0.0)
    scale = max(abs(xmin), abs(ymin), abs(xmin + n_cols * size), abs(ymin + n_rows * size),
                float(np.abs(bounds).max(initial=0.0)))
    keep = np.hypot(dx, dy) <= radius + 1e-6 + 1e-12 * scale
    return geom_idx[keep], (row * n_cols + col)[keep]


@dataclass
class MapResult:
    """``four_colour_map``'s result: the classified areas, the summary by level, warnings, the rule."""

    areas: gpd.GeoDataFrame  # the areas with the map's fields
    summary: pd.DataFrame  # indexed by level 1..4: areas, residents
    warnings: Warnings = field(default_factory=list)
    rule: AggregationRule | None = None


MAP_COLUMNS = ("risk_level", "risk_label_zh", "risk_label_en", "risk_colour", "n_level1", "n_level2", "n_level3",
               "n_level4", "source_id", "source_layer", "source_dist_m", "risk_score")


def classify_areas(n_areas: int, sources: Sources, src_idx: np.ndarray, area_idx: np.ndarray, dist: np.ndarray,
                   rule: AggregationRule) -> dict[str, np.ndarray]:
    """The map's columns (a dict of arrays, one value per area) from the reach pairs."""
    levels = sources.level[src_idx]
    counts = np.bincount(area_idx * 4 + (levels - 1), minlength=n_areas * 4).reshape(n_areas, 4)
    weights = np.asarray(rule.weights, dtype=float)
    score = np.bincount(area_idx, weights=weights[levels - 1], minlength=n_areas).astype(float)

    # the setting source: per area, highest level first, then nearest, then first source
    order = np.lexsort((src_idx, dist, levels, area_idx))
    first_areas, first_pos = np.unique(area_idx[order], return_index=True)
    setter = order[first_pos]
    best_level = np.full(n_areas, LOWEST_RISK, dtype=int)
    best_level[first_areas] = levels[setter]
    source_id = np.full(n_areas, None, dtype=object)
    source_layer = np.full(n_areas, None, dtype=object)
    source_dist = np.full(n_areas, np.nan)
    source_id[first_areas] = sources.source_id[src_idx[setter]]
    source_layer[first_areas] = sources.layer[src_idx[setter]]
    source_dist[first_areas] = dist[setter]

    if rule.code == CUMULATIVE_BASE3:
        final = np.full(n_areas, LOWEST_RISK, dtype=int)
        rounded = np.round(score, 9)
        for level in (3, 2, 1):
            final[rounded >= rule.cuts[level - 1]] = level
    else:
        final = best_level
    columns = dict(risk_attributes(final))
    for level in (1, 2, 3, 4):
        columns[f"n_level{level}"] = counts[:, level - 1]
    columns.update(source_id=source_id, source_layer=source_layer, source_dist_m=source_dist, risk_score=score)
    return columns


def clip_to_study_area(geoms: npt.ArrayLike, study_area: Any) -> tuple[np.ndarray, np.ndarray]:
    """(index of the areas kept, their geometries cut to ``study_area``): areas wholly inside are kept
    as they are, areas crossing the boundary keep their polygonal part inside (a Polygon or a
    MultiPolygon), areas with no area inside (outside, or only touching the boundary) are dropped."""
    geoms = np.asarray(geoms, dtype=object)
    study = shapely.make_valid(study_area)
    shapely.prepare(study)
    inside = shapely.contains(study, geoms)
    crossing = np.flatnonzero(~inside & shapely.intersects(study, geoms))
    clipped = geoms.copy()
    if len(crossing):
        clipped[crossing] = _polygonal(shapely.intersection(geoms[crossing], study))
    keep = inside.copy()
    keep[crossing] = ~shapely.is_missing(clipped[crossing]) & (shapely.area(clipped[crossing]) > 0)
    kept = np.flatnonzero(keep)
    return kept, clipped[kept]


def _polygonal(geoms: np.ndarray) -> np.ndarray:
    """The polygonal parts of each geometry: a Polygon when there is one, a MultiPolygon when there
    are several, None when there are none (lines or points where an area only touches the boundary)."""
    parts, owner = shapely.get_parts(geoms, return_index=True)
    parts, second = shapely.get_parts(parts, return_index=True)  # collections hold multi-parts
    owner = owner[second]
    polygons = shapely.get_type_id(parts) == shapely.GeometryType.POLYGON
    parts, owner = parts[polygons], owner[polygons]
    out = np.full(len(geoms), None, dtype=object)
    counts = np.bincount(owner, minlength=len(geoms))
    single = counts[owner] == 1
    out[owner[single]] = parts[single]
    if (~single).any():
        multi = np.full(len(geoms), None, dtype=object)
        shapely.multipolygons(parts[~single], indices=owner[~single], out=multi)
        out[counts > 1] = multi[counts > 1]
    return out


def four_colour_map(areas: gpd.GeoDataFrame, sources: Sources, radii: Sequence[float] = DEFAULT_RADII_M,
                    aggregation: int = HIGHEST_WINS, population: gpd.GeoDataFrame | None = None,
                    population_field: str = "residents", population_layer: str = "population",
                    progress: Callable[[float], Any] | None = None, study_area: Any = None) -> MapResult:
    """Classify ``areas`` (GeoDataFrame of polygons; its columns are kept, the map's columns replace
    any of the same name) by ``sources`` (a Sources); with ``study_area`` (a polygonal shapely
    geometry) cut the classified areas to it (module docstring). Returns a MapResult."""
    warnings: Warnings = []
    rule = AGGREGATION_RULES[aggregation]
    radii = parse_radii(radii)
    geoms = areas.geometry.to_numpy()
    src_idx, area_idx, dist = reach_pairs(sources, geoms, radii,
                                          feedback=(lambda level: progress(20 * level)) if progress else None,
                                          grid=grid_layout(areas))
    columns = classify_areas(len(areas), sources, src_idx, area_idx, dist, rule)
    clashes = [c for c in list(columns) + ["residents"] if c in areas.columns]
    if clashes:
        warnings.append(Notice(m.FIELDS_REPLACED, fields=", ".join(clashes)))
    kept = np.arange(len(areas))
    if study_area is not None:  # levels are those of the whole areas; geometry and residents of the part inside
        kept, geoms = clip_to_study_area(geoms, study_area)
        columns = {name: np.asarray(values)[kept] for name, values in columns.items()}
    # the output frame is built once, in its final column order: the areas' own columns, the map's, the
    # residents, the geometry last
    geometry_name = areas.geometry.name
    kept_areas = areas if study_area is None else areas.iloc[kept]
    data = {name: kept_areas[name] for name in areas.columns if name not in clashes and name != geometry_name}
    data.update(columns)
    summary = pd.DataFrame({"areas": np.bincount(columns["risk_level"], minlength=5)[1:]}, index=[1, 2, 3, 4])
    summary.index.name = "risk_level"
    if population is not None:
        residents = apportion_column(population, population_field, geoms, population_layer, warnings)
        data["residents"] = residents
        summary["residents"] = np.bincount(columns["risk_level"], weights=residents, minlength=5)[1:]
    if progress:
        progress(100)
    data[geometry_name] = areas.geometry if study_area is None else geoms
    out = type(areas)(data, geometry=geometry_name, crs=areas.crs, index=kept_areas.index)
    out.attrs.update({k: v for k, v in areas.attrs.items() if study_area is None or k != GRID_ATTR})
    return MapResult(out, summary, warnings, rule)
