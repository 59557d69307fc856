"""Area-weighted apportioning (areal interpolation) of counts from source polygons to target areas.

A source polygon's value is assumed spread evenly over its area: a target receives
value × area(source ∩ target) / area(source) from every source it overlaps. Targets may overlap
one another (each gets its own share, e.g. the 500 m rings of neighbouring hazard units), so the
shares need not add up to the sources' total. Used for exposed people around hazard units,
residents per map cell or township, and by the coverage analyses.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
import shapely

from .geometry import overlap_areas
from .geometry import valid as _valid

if TYPE_CHECKING:
    import geopandas as gpd

    from .errors import Warnings


def overlap_pairs(source_polygons: npt.ArrayLike,
                  target_polygons: npt.ArrayLike) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(source index, target index, overlap area) for every source/target pair whose interiors overlap."""
    sources = _valid(source_polygons)
    targets = _valid(target_polygons)
    if len(sources) == 0 or len(targets) == 0:
        empty = np.zeros(0, dtype=np.intp)
        return empty, empty, np.zeros(0)
    tree = shapely.STRtree(sources)
    target_idx, source_idx = tree.query(targets, predicate="intersects")
    areas = overlap_areas(sources, source_idx, targets, target_idx)
    keep = areas > 0
    return source_idx[keep], target_idx[keep], areas[keep]


def apportion(values: npt.ArrayLike, source_polygons: npt.ArrayLike, target_polygons: npt.ArrayLike) -> np.ndarray:
    """Share of ``values`` (one per source polygon) falling in each target polygon (float array, one
    per target). Invalid geometries are repaired (make_valid) for the computation; sources without
    area contribute nothing; a NaN value is an error (the caller decides what a null means)."""
    values = np.asarray(values, dtype=float)
    if len(values) != len(source_polygons):
        raise ValueError("apportion: one value per source polygon is needed")
    if np.isnan(values).any():
        raise ValueError("apportion: values contain NaN")
    result = np.zeros(len(target_polygons))
    sources = _valid(source_polygons)
    source_idx, target_idx, overlap = overlap_pairs(sources, target_polygons)
    if len(source_idx) == 0:
        return result
    source_area = shapely.area(sources)
    share = values[source_idx] * overlap / source_area[source_idx]
    np.add.at(result, target_idx, share)
    return result


def apportion_column(frame: gpd.GeoDataFrame, field: str, targets: npt.ArrayLike, layer: str = "population",
                     warnings: Warnings | None = None) -> np.ndarray:
    """A numeric column of a polygon GeoDataFrame (e.g. residents) apportioned by area to ``targets``.

    Empty values count as 0 (a warning is appended to ``warnings``); text that is not a number and
    negative values are InputErrors naming the layer, features and field."""
    import pandas as pd

    from . import messages as m
    from .errors import InputError, Notice
    from .values import parse_numbers

    warnings = [] if warnings is None else warnings
    if field not in frame.columns:
        raise InputError(m.FIELD_NOT_FOUND, layer=layer, field=field,
                         available=", ".join(str(c) for c in frame.columns if c != "geometry"))
    parsed = parse_numbers(frame[field])
    values = pd.Series(parsed.values, index=frame.index)
    bad = parsed.invalid
    if bad.any():
        raise InputError(m.VALUE_NOT_NUMBER, layer=layer, feature_ids=frame.index[bad], field=field)
    if (values < 0).any():
        raise InputError(m.VALUE_NEGATIVE, layer=layer, feature_ids=frame.index[values < 0], field=field)
    if values.isna().any():
        warnings.append(Notice(m.EMPTY_COUNTED_0, layer=layer, feature_ids=frame.index[values.isna()], field=field))
    return apportion(values.fillna(0.0).to_numpy(), frame.geometry.to_numpy(), np.asarray(targets, dtype=object))
