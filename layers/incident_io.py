"""The incident surroundings' inputs read from the layers (incidents, the counted layers, the responders) as
``core.incident`` takes them, and the road network kept for the session (``network_for``: the key says which
roads with which speed rules a built network belongs to)."""
import os

import numpy as np

from ..core import messages as m
from ..core.errors import InputError
from ..core.incident import Counted, NetworkCache, Responders
from ..core.values import id_strings, parse_numbers
from .reach_inputs import numbers

NETWORK_CACHE = NetworkCache(size=4)  # the session's built road networks
NAME_FIELDS = ("name", "unit_name", "name_zh")  # an incident's name, the first of these it has
COUNTED_KEY = {"HAZARD_UNITS": "unit_id"}  # a unit's substance rows (hazard_sources) count once


def incident_inputs(frame, id_field):
    """(geometries, ids, fids) of the incidents: ids from ``id_field`` (default the fid); features with one id
    and one geometry (a hazard unit's substance rows) are one incident, one id at two places an InputError;
    those without geometry are left out (READS says so)."""
    import shapely

    gdf = frame.gdf
    geoms = gdf.geometry.values
    located = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    ids = (np.array([f"fid {fid}" if v is None else v for v, fid in zip(id_strings(gdf[id_field]), gdf.index)],
                    dtype=object) if id_field else gdf.index.astype(str).to_numpy(dtype=object))
    ids, geoms, fids = ids[located], np.asarray(geoms[located], dtype=object), gdf.index.to_numpy()[located]
    _unique, first, group = np.unique(ids.astype(str), return_index=True, return_inverse=True)
    other = ~shapely.equals(geoms, geoms[first[group]])
    if other.any():  # one id, two places: which is the incident?
        same = np.isin(group, group[other])
        raise InputError(m.DUPLICATE_KEY, layer=frame.name, feature_ids=fids[same], keys=ids[same],
                         field=id_field, fields=id_field, value=ids[other][0])
    first = np.sort(first)
    return geoms[first], ids[first], fids[first]


def incident_names(frame, ids, fids):
    """{incident id: its name} from the first of NAME_FIELDS the incidents have (for the brief's title)."""
    gdf = frame.gdf
    field = next((f for f in NAME_FIELDS if f in gdf.columns), None)
    if field is None:
        return {}
    return {str(i): str(name) for i, name in zip(ids, gdf.loc[fids, field]) if name is not None and name == name}


def counted(frame, name, value_field=None):
    """A layer counted in the rings (``core.incident.Counted``), ``value_field`` summed (NaN where empty)."""
    if frame is None:
        return None
    values = numbers(frame, value_field, "value") if value_field else None
    key = COUNTED_KEY.get(name)
    keys = frame.gdf[key].astype(str).to_numpy() if key and key in frame.gdf.columns else None
    return Counted(frame.gdf.geometry.values, values, keys)


def responders(frame, kind, id_field, turnout_field):
    """``core.incident.Responders`` of a LayerFrame (turnout NaN where empty: the default applies)."""
    from .resource_inputs import ids

    if frame is None:
        return None
    gdf = frame.gdf
    turnout = (parse_numbers(gdf[turnout_field]).values if turnout_field and turnout_field in gdf.columns
               else np.full(len(gdf), np.nan))
    names = gdf["name"].to_numpy(dtype=object) if "name" in gdf.columns else None
    return Responders(kind, gdf.geometry.values, ids(frame, id_field), turnout, names, frame.name, gdf.index.to_numpy())


def network_key(layer, parameter_value, settings):
    """What a built network depends on: the roads' file (its size and time), the features chosen, their count,
    and ``settings`` (speed, direction and node parameters). None — never kept — for roads that can change
    unseen: unsaved edits, a selection, a source that is no file (memory, database)."""
    if layer is None or layer.isModified() or getattr(parameter_value, "selectedFeaturesOnly", False):
        return None
    path = layer.source().split("|")[0]
    if not os.path.isfile(path):
        return None
    stamp = (os.path.getsize(path), os.stat(path).st_mtime_ns)
    return (layer.source(), layer.subsetString(), str(parameter_value), layer.featureCount(), stamp,
            layer.crs().authid(), tuple(settings))


def network_for(key, build):
    """(the entry built by ``build()`` for ``key``, whether it was kept from an earlier run)."""
    if key is None:
        return build(), False
    return NETWORK_CACHE.get(key, build)
