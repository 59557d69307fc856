"""Label grids as polygons: the areas each station reaches first, the gaps, the computed
districts; residents per label."""
from typing import Any

import numpy as np
import numpy.typing as npt

from ..network import RoadNetwork
from .grid import NONE, OUTSIDE, LandGrid
from .results import ReachOptions


def study_polygon(study_area: Any, net: RoadNetwork) -> Any:
    """The study area (made valid), or the box of the road nodes when none is given."""
    import shapely

    if study_area is not None and not shapely.is_empty(study_area):
        return shapely.make_valid(study_area) if not shapely.is_valid(study_area) else study_area
    x, y = net.nodes[:, 0], net.nodes[:, 1]
    return shapely.box(x.min(), y.min(), x.max(), y.max())


def label_geometries(grid: LandGrid, labels: np.ndarray, n_stations: int, study: Any, options: ReachOptions,
                     extra_labels: tuple[int, ...] = ()) -> np.ndarray:
    """One (multi)polygon per station label 0..n-1 (None when empty), plus one per extra label."""
    import shapely

    faces, label = grid.polygons(labels)
    if options.smooth and len(faces) and shapely.geos_version >= (3, 12, 0):
        # staircase edges smoothed as one coverage: neighbours keep sharing their edges
        faces = shapely.coverage_simplify(faces, grid.cell * 0.75, simplify_boundary=False)
    keep = label != OUTSIDE
    faces, label = _clip(faces[keep], label[keep], study)
    wanted = list(range(n_stations)) + list(extra_labels)
    out = np.array([None] * len(wanted), dtype=object)
    slot = {k: i for i, k in enumerate(wanted)}
    sel = np.isin(label, wanted)
    if sel.any():
        idx = np.array([slot[k] for k in label[sel]], dtype=np.int64)
        order = np.argsort(idx, kind="stable")
        uniq = np.unique(idx)
        # faces of one label never share an edge (there would be no boundary between them):
        # a multipolygon of them is valid without a union
        out[uniq] = shapely.multipolygons(faces[sel][order], indices=np.searchsorted(uniq, idx[order]))
    return out


def _clip(faces: np.ndarray, label: np.ndarray, study: Any) -> tuple[np.ndarray, np.ndarray]:
    """Faces clipped to the study area, as polygons (a face may fall apart into several)."""
    import shapely

    if len(faces) == 0:
        return faces, label
    if shapely.equals(study, shapely.envelope(study)):
        clipped = shapely.clip_by_rect(faces, *shapely.bounds(study))
    else:
        shapely.prepare(study)  # (``within(faces, study)`` would prepare nothing: the study is the 2nd)
        clipped = faces.copy()
        cut = ~shapely.contains_properly(study, faces)  # a face touching the boundary is cut: the same face
        if cut.any():
            clipped[cut] = shapely.intersection(faces[cut], study)
    parts, idx = shapely.get_parts(clipped, return_index=True)
    polys = (shapely.get_type_id(parts) == 3) & (shapely.area(parts) > 0)
    return parts[polys], label[idx[polys]]


def areas_and_gaps(grid: LandGrid, labels: np.ndarray, n_stations: int, study: Any,
                   options: ReachOptions) -> tuple[np.ndarray, np.ndarray]:
    """(area per station, None where it reaches nothing; the gap polygons) of a label grid."""
    import shapely

    geoms = label_geometries(grid, labels, n_stations, study, options, extra_labels=(NONE,))
    areas, gap = geoms[:n_stations], geoms[n_stations]
    gaps = shapely.get_parts(gap) if gap is not None else np.zeros(0, dtype=object)
    gaps = gaps[shapely.area(gaps) > 0] if len(gaps) else gaps
    return areas, gaps


def sum_by_label(labels: np.ndarray, cell_values: np.ndarray, n: int) -> np.ndarray:
    """Sum of the cell values per label 0..n-1."""
    sel = labels >= 0
    return np.bincount(labels[sel], weights=cell_values[sel], minlength=n)[:n]


def gap_residents(grid: LandGrid, labels: np.ndarray, cell_values: np.ndarray, gap_geoms: np.ndarray) -> np.ndarray:
    """Residents of each gap polygon: the cells of its connected gap region."""
    import shapely
    from scipy import ndimage

    if len(gap_geoms) == 0:
        return np.zeros(0)
    comp, n = ndimage.label(labels == NONE)
    per_comp = np.bincount(comp.ravel(), weights=cell_values.ravel(), minlength=n + 1)
    pt = shapely.get_coordinates(shapely.point_on_surface(gap_geoms))
    h, w = grid.shape
    col = np.clip(np.floor((pt[:, 0] - grid.x0) / grid.cell).astype(np.int64), 0, w - 1)
    row = np.clip(np.floor((pt[:, 1] - grid.y0) / grid.cell).astype(np.int64), 0, h - 1)
    ids = comp[row, col]
    out = per_comp[ids]
    # a region cut into several polygons by the study outline: share by area
    uniq, inv, counts = np.unique(ids, return_inverse=True, return_counts=True)
    if (counts > 1).any():
        area = shapely.area(gap_geoms)
        total = np.bincount(inv, weights=area)
        out = out * area / total[inv]
    return np.where(ids > 0, out, 0.0)


def fill_empty(geoms: npt.ArrayLike) -> np.ndarray:
    """The geometries with None replaced by an empty polygon."""
    import shapely

    geoms = np.asarray(geoms, dtype=object).copy()
    empty = np.array([g is None for g in geoms], dtype=bool)
    geoms[empty] = shapely.Polygon()
    return geoms


def as_multipolygons(geoms: npt.ArrayLike) -> np.ndarray:
    """MultiPolygons of the polygon parts of each geometry (empty where none)."""
    import shapely

    geoms = fill_empty(geoms)
    parts, idx = shapely.get_parts(geoms, return_index=True)
    out = np.array([shapely.MultiPolygon()] * len(geoms), dtype=object)
    if len(parts):
        order = np.argsort(idx, kind="stable")
        uniq, first = np.unique(idx[order], return_index=True)
        multis = shapely.multipolygons(parts[order], indices=np.searchsorted(uniq, idx[order]))
        out[uniq] = multis
    return out
