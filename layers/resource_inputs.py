"""The inputs of the resource coverage read from the layers: rescue teams or supply depots, key targets and
townships — as the arrays ``core.resource_coverage`` takes. Reusable by any analysis of these kinds (the
incident surroundings read the same). Values are read with ``core.values`` and coded fields through the
one code table (``core.ledger``); bad values are InputErrors naming layer, features and field.
"""
import numpy as np

from ..core import messages as m
from ..core.errors import InputError
from ..core.ledger.code_tables import TABLES
from ..core.ledger.codes import AMBIGUOUS, UNKNOWN, recode
from ..core.resource_coverage import KeyTargets, Resources, Townships
from ..core.standards.emergency_resources import RESCUE_TEAMS
from ..core.values import id_strings
from .outputs import UNIT_ID_FIELDS, UNIT_NAME_FIELDS, first_present
from .reach_inputs import numbers

CATEGORY_FIELD = {"rescue_teams": "type", "supply_depots": "level", "key_targets": "category"}  # the coded field
ID_FIELD = {"rescue_teams": "team_id", "supply_depots": "depot_id", "key_targets": "target_id"}


def ids(frame, field):
    """Ids as text from ``field`` (the feature id where empty, 'fid n'), else the feature ids."""
    gdf = frame.gdf
    if not field:
        return gdf.index.astype(str).to_numpy(dtype=object)
    return np.array([f"fid {fid}" if v is None else v for v, fid in zip(id_strings(gdf[field]), gdf.index)],
                    dtype=object)


def coded_column(frame, kind):
    """{the kind's coded field: it} when the layer has it (for the layer rules), else {}."""
    name = CATEGORY_FIELD[kind]
    return {name: name} if name in frame.gdf.columns else {}


def codes(frame, kind, field):
    """The codes of a coded field (labels such as 防汛抢险 or 县级 read through the code table); None where
    empty; an unknown or ambiguous value is an InputError. None when the layer has no such field."""
    if not field or field not in frame.gdf.columns:
        return None
    values = frame.gdf[field].to_numpy(dtype=object)
    recoded = recode(kind, CATEGORY_FIELD[kind], values)
    bad = np.isin(recoded.status, (UNKNOWN, AMBIGUOUS))
    if bad.any():
        shown = ", ".join(sorted({str(v) for v in values[bad]})[:5])
        raise InputError(m.UNKNOWN_CODE, layer=frame.name, feature_ids=frame.gdf.index[bad], field=field, value=shown,
                         allowed=", ".join(TABLES[(kind, CATEGORY_FIELD[kind])].codes))
    return recoded.codes


def _names(gdf):
    return gdf["name"].to_numpy(dtype=object) if "name" in gdf.columns else None


def resource_inputs(frame, kind=RESCUE_TEAMS, id_field=None, turnout_field=None):
    """Rescue teams or supply depots (``kind``) of a LayerFrame; turnout NaN where empty (the default
    applies); a negative turnout is an InputError."""
    turnout = numbers(frame, turnout_field, m.TURNOUT_NOT_NUMBER) if turnout_field else np.full(len(frame.gdf), np.nan)
    negative = turnout < 0
    if negative.any():
        raise InputError(m.NEGATIVE, layer=frame.name, feature_ids=frame.gdf.index[negative], field=turnout_field,
                         value=float(turnout[negative][0]))
    return Resources(frame.gdf.geometry.values, ids(frame, id_field), turnout, _names(frame.gdf),
                     codes(frame, kind, CATEGORY_FIELD[kind]), kind, frame.name, turnout_field)


def key_target_inputs(frame, id_field=None, occupancy_field=None):
    """Key targets of a LayerFrame; occupancy NaN where empty; a negative one is an InputError."""
    gdf = frame.gdf
    occupancy = numbers(frame, occupancy_field, m.VALUE_NOT_NUMBER) if occupancy_field else np.full(len(gdf), np.nan)
    negative = occupancy < 0
    if negative.any():
        raise InputError(m.NEGATIVE, layer=frame.name, feature_ids=gdf.index[negative], field=occupancy_field,
                         value=float(occupancy[negative][0]))
    return KeyTargets(gdf.geometry.values, ids(frame, id_field), _names(gdf),
                      codes(frame, "key_targets", CATEGORY_FIELD["key_targets"]), occupancy)


def township_inputs(frame):
    """The study area's polygons as townships: ids from the first of UNIT_ID_FIELDS they have (else the
    feature ids), names from the first of UNIT_NAME_FIELDS (else the ids)."""
    import shapely

    gdf = frame.gdf
    keep = ~(shapely.is_missing(gdf.geometry.values) | shapely.is_empty(gdf.geometry.values))
    id_field = first_present(gdf.columns, UNIT_ID_FIELDS)
    town_ids = ids(frame, id_field)
    name_field = first_present(gdf.columns, UNIT_NAME_FIELDS)
    names = np.array([n if n is not None and n == n else i for n, i in
                      zip(gdf[name_field].to_numpy(dtype=object) if name_field else town_ids, town_ids)], dtype=object)
    return Townships(gdf.geometry.values[keep], town_ids[keep], names[keep])
