"""What every algorithm does with a layer it has read, before it computes: the same rules validateinputs
reports with (``layers.validation``), turned into a stop or a counted warning.

* ``repair_geometries``: invalid geometries made valid (``core.geometry.repair``), a warning naming them;
* ``geometry_policy`` / ``empty_policy``: features without geometry and empty layers, as the algorithm
  declares for the input (an error, left out or kept with a warning);
* ``checked_fields``: the field rules for the fields the algorithm uses — the first error stops the run
  (an ``InputError`` naming layer, features and field), warnings come back as ``Notice``s.

Pure (no qgis import): works on ``layers.convert.LayerFrame``s.
"""
import numpy as np
import shapely

from ..core import messages as m
from ..core.errors import InputError, Notice
from ..core.geometry import repair
from .schemas import ACCEPT, KEEP, KEY_FIELDS, LEAVE_OUT, QUIET, SCHEMAS, STOP, WARN  # noqa: F401 (the policies)
from .validation import ERROR, WARNING, check_fields


def key_column(frame, kind=None, chosen=None):
    """The field naming a feature in messages: ``chosen`` (an id-field parameter), else the kind's key field,
    else the first of the known key fields the layer has."""
    columns = frame.gdf.columns
    candidates = [chosen] + ([SCHEMAS[kind].key[0]] if kind in SCHEMAS else []) + list(KEY_FIELDS)
    return next((c for c in candidates if c and c in columns), None)


def keys(frame, mask=None):
    """The key of each feature (or of those in ``mask``) as text; None without a key field."""
    if not frame.key or frame.key not in frame.gdf.columns:
        return None
    values = frame.gdf[frame.key].astype(object).to_numpy()
    if mask is not None:
        values = values[np.asarray(mask, dtype=bool)]
    return np.array([None if v is None or (isinstance(v, float) and np.isnan(v)) else str(v).strip()
                     for v in values], dtype=object)


def repair_geometries(frame):
    """Repair the frame's invalid geometries in place (its own copy of the layer); a Notice per reason.
    Geometries that collapse when repaired become missing (then the no-geometry rule applies)."""
    geoms = np.asarray(frame.gdf.geometry.values, dtype=object)
    repaired, bad, collapsed = repair(geoms)
    if not bad.any():
        return []
    reasons = np.full(len(geoms), "", dtype=object)
    reasons[bad] = [r.split("[")[0].strip() for r in shapely.is_valid_reason(geoms[bad])]
    frame.gdf = frame.gdf.set_geometry(frame.gdf.geometry.__class__(repaired, index=frame.gdf.index,
                                                                     crs=frame.gdf.crs))
    notices = []
    for template, mask in ((m.GEOMETRY_REPAIRED, bad & ~collapsed), (m.GEOMETRY_COLLAPSED, collapsed)):
        if mask.any():
            shown = sorted(set(reasons[mask]))
            notices.append(Notice(template, layer=frame.name, feature_ids=frame.gdf.index[mask], keys=keys(frame, mask),
                                  reason="; ".join(shown[:3])))
    return notices


def geometry_policy(frame, policy):
    """Features without geometry: STOP (an InputError), LEAVE_OUT (dropped, a Notice), KEEP (a Notice) or QUIET."""
    geoms = np.asarray(frame.gdf.geometry.values, dtype=object)
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    if not missing.any() or policy == QUIET:
        return []
    where = dict(layer=frame.name, feature_ids=frame.gdf.index[missing], keys=keys(frame, missing))
    if policy == STOP:
        raise InputError(m.NO_GEOMETRY, **where)
    if policy == LEAVE_OUT:
        frame.gdf = frame.gdf[~missing]
        return [Notice(m.NO_GEOMETRY_LEFT_OUT, **where)]
    return [Notice(m.NO_GEOMETRY_KEPT, **where)]


def empty_policy(frame, policy, consequence=None):
    """An empty layer: STOP (an InputError), WARN (a Notice saying ``consequence``) or ACCEPT."""
    if len(frame.gdf) or policy == ACCEPT:
        return []
    if policy == STOP:
        raise InputError(m.EMPTY_LAYER, layer=frame.name)
    if consequence:
        return [Notice(m.EMPTY_LAYER_USED, layer=frame.name, consequence=consequence)]
    return [Notice(m.EMPTY_LAYER, layer=frame.name)]


def checked_fields(frame, kind, columns, required=(), method=None, fields=None):
    """The field rules of ``kind`` for the fields the algorithm uses (``columns``: {schema field: column};
    ``fields``: the schema fields to check, default those in ``columns``). The first error (all features
    with the same problem in the same field) raises an InputError; warnings come back as Notices."""
    columns = {name: column for name, column in columns.items() if column}
    chosen = set(fields if fields is not None else columns)
    schema = SCHEMAS[kind]
    findings = check_fields(schema, frame.name, frame.gdf, frame.field_types, columns, required, chosen, method,
                            required_only=True)
    errors = [f for f in findings if f.severity == ERROR]
    if errors:
        raise InputError(**_grouped(errors, frame)[0])
    return [Notice(**group) for group in _grouped([f for f in findings if f.severity == WARNING], frame)]


def _grouped(findings, frame):
    """InputError / Notice keyword arguments per (field, problem), in the findings' order: all the features
    with that problem, the first finding's message."""
    groups = {}
    for f in findings:
        groups.setdefault((f.field, f.problem), []).append(f)
    out = []
    for (field, _problem), group in groups.items():
        fids = [f.feature_id for f in group if f.feature_id is not None]
        arguments = {**(group[0].arguments or {}), "count": len(fids)}
        out.append(dict(template=group[0].template, layer=frame.name, feature_ids=fids or None, field=field,
                        keys=[f.key for f in group if f.feature_id is not None] if fids else None, **arguments))
    return out
