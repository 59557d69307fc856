"""The full assessment's "today + plan" scenario: planned fire stations or shelters added to the existing ones.

``add_planned`` returns the existing features followed by the planned ones, in the existing layer's columns plus
``proposed`` (0 on an existing feature, 1 on a planned one). A planned feature takes

* its id from the first of ``id_fields`` the planned layer has (fire-station siting's ``site_id``), else
  ``P1``, ``P2`` … by its ``rank`` (or its order);
* its name from its own ``name``, else the pattern by rank (规划站 1 / Proposed 1 …);
* every other field of the existing layer from its own field of that name, else ``defaults`` (e.g. a station's
  class), else empty (a station's empty turnout: the run's DEFAULT_TURNOUT applies).

It stops (``InputError`` naming layer, feature and field) when a field of ``needs`` is missing or empty on a planned
feature, when a number field holds no number, or when a planned id repeats or is already an existing feature's.
Pure: geopandas, numpy.
"""
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence, Tuple

import numpy as np

from . import messages
from .errors import InputError
from .values import id_strings, is_blank, parse_numbers

PROPOSED = "proposed"
NAME = "name"
RANK = "rank"


@dataclass(frozen=True)
class Planned:
    """A planned layer as read: ``frame`` (GeoDataFrame, index = feature ids, in the existing layer's CRS)."""

    frame: Any
    layer: str  # its name in messages
    id_fields: Tuple[str, ...]  # its id: the first of these it has
    name_pattern: str  # e.g. '规划站 {rank}'
    needs: Tuple[str, ...] = ()  # fields every planned feature must give
    aliases: Mapping[str, Tuple[str, str]] = field(default_factory=dict)  # field -> (zh, en), for messages
    defaults: Mapping[str, Any] = field(default_factory=dict)  # field -> value when the layer lacks it


def _ranks(frame: Any) -> np.ndarray:
    """Each planned feature's rank: its ``rank`` where given, else its position (1, 2 …)."""
    order = np.arange(1, len(frame) + 1, dtype=float)
    if RANK not in frame.columns:
        return order.astype(np.int64)
    ranks = parse_numbers(frame[RANK]).values
    return np.where(np.isfinite(ranks), ranks, order).astype(np.int64)


def _check_needs(planned: Planned, ids: np.ndarray) -> None:
    columns = planned.frame.columns
    for name in planned.needs:
        alias_zh, alias_en = planned.aliases.get(name, (name, name))
        if name not in columns:
            raise InputError(messages.REQUIRED_FIELD_MISSING, planned.layer, field=name, alias_zh=alias_zh,
                             alias_en=alias_en)
        empty = is_blank(planned.frame[name])
        if empty.any():
            raise InputError(messages.REQUIRED_VALUE_EMPTY, planned.layer, planned.frame.index[empty], name,
                             keys=ids[empty], alias_zh=alias_zh)


def planned_ids(planned: Planned) -> Tuple[np.ndarray, str | None]:
    """(the planned features' ids as text, the field they came from or None when made up as P1, P2 …)."""
    frame = planned.frame
    source = next((name for name in planned.id_fields if name in frame.columns), None)
    made = np.array([f"P{rank}" for rank in _ranks(frame)], dtype=object)
    if source is None:
        return made, None
    ids = id_strings(frame[source])
    return np.where(ids == None, made, ids).astype(object), source  # noqa: E711 (elementwise)


def _check_ids(planned: Planned, ids: np.ndarray, source: str | None, existing_ids: np.ndarray,
               existing_layer: str, key: str) -> None:
    where = source or key
    values, first, counts = np.unique(ids.astype(str), return_index=True, return_counts=True)
    if (counts > 1).any():
        repeated = values[counts > 1][0]
        rows = np.flatnonzero(ids.astype(str) == repeated)
        raise InputError(messages.DUPLICATE_KEY, planned.layer, planned.frame.index[rows], where, keys=ids[rows],
                         fields=where, value=repeated)
    taken = np.isin(ids.astype(str), np.asarray([str(v) for v in existing_ids if v is not None]))
    if taken.any():
        raise InputError(messages.PLANNED_ID_TAKEN, planned.layer, planned.frame.index[taken], where,
                         keys=ids[taken], value=ids[taken][0], existing=existing_layer)


def _column(planned: Planned, name: str, numeric: bool, ids: np.ndarray) -> np.ndarray:
    """The planned features' values for the existing field ``name`` (numbers read as numbers)."""
    frame = planned.frame
    if name not in frame.columns:
        default = planned.defaults.get(name)
        return np.full(len(frame), default, dtype=object)
    if not numeric:
        values = frame[name].astype(object)
        return values.where(~is_blank(values), planned.defaults.get(name)).to_numpy(dtype=object)
    parsed = parse_numbers(frame[name])
    if parsed.invalid.any():
        bad = parsed.invalid
        raise InputError(messages.NOT_A_NUMBER, planned.layer, frame.index[bad], name, keys=ids[bad],
                         value=frame[name].to_numpy(dtype=object)[bad][0])
    return np.where(parsed.blank, None, parsed.values).astype(object)


def add_planned(existing: Any, existing_layer: str, key: str, planned: Planned,
                numeric: Sequence[str] = ()) -> Any:
    """The existing features (GeoDataFrame ``existing``, id field ``key``) followed by the planned ones, with
    ``proposed`` 0/1 (module doc). ``numeric``: the existing layer's number fields."""
    import geopandas as gpd
    import pandas as pd

    ids, source = planned_ids(planned)
    _check_needs(planned, ids)
    existing_ids = id_strings(existing[key]) if key in existing.columns else np.zeros(0, dtype=object)
    _check_ids(planned, ids, source, existing_ids, existing_layer, key)
    ranks = _ranks(planned.frame)
    columns = [c for c in existing.columns if c != existing.geometry.name and c != PROPOSED]
    added = {}
    for name in columns:
        if name == key:
            added[name] = ids
        else:
            added[name] = _column(planned, name, name in numeric, ids)
    if NAME in columns:  # a planned feature without its own name: named by its rank
        pattern = np.array([planned.name_pattern.format(rank=r) for r in ranks], dtype=object)
        added[NAME] = np.where(is_blank(pd.Series(added[NAME], dtype=object)), pattern, added[NAME])
    old = pd.DataFrame({name: existing[name].astype(object).to_numpy() for name in columns})
    old[PROPOSED] = 0
    new = pd.DataFrame(added, columns=columns)
    new[PROPOSED] = 1
    geometry = np.concatenate([np.asarray(existing.geometry.values, dtype=object),
                               np.asarray(planned.frame.geometry.values, dtype=object)])
    joined = pd.concat([old, new], ignore_index=True)
    return gpd.GeoDataFrame(joined, geometry=gpd.GeoSeries(geometry, crs=existing.crs), crs=existing.crs)
