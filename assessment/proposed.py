"""The full assessment's "today + plan" scenario: PROPOSED_STATIONS and PROPOSED_SHELTERS (layers.schemas.
PROPOSED_INPUTS) added to the existing fire stations and shelters before the chain runs, so that every step sees
one stations layer and one shelters layer.

The merged layers (``core.scenario.add_planned``: the existing features, then the planned ones, with ``proposed``
0/1) are written into ``scenario_inputs.gpkg`` in the output folder — staged with the run's other files, whole or
absent — and the run's FIRE_STATIONS / SHELTERS (or SHELTERS_2) name them. The input layers are only read. A planned
shelter joins the given shelters of its geometry (SHELTERS, else SHELTERS_2); when none is of its geometry and
SHELTERS_2 is free, the planned shelters become SHELTERS_2. The Processing model has no planned layers (a model
cannot merge optional layers simply): its help says so.
"""
import gc
import os

from qgis.core import QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

from ..core import messages
from ..core.errors import InputError
from ..core.scenario import PROPOSED, Planned, add_planned
from ..core.standards.fire_stations import PLANNED_STATION_CLASS
from ..layers.schemas import BOOL, DOUBLE, INPUT_BY_PARAMETER, INT, PROPOSED_INPUTS, STRING

SCENARIO_GPKG = "scenario_inputs.gpkg"
NAME_PATTERNS = {  # a planned feature without a name, by its rank
    "fire_stations": ("规划站 {rank}", "Proposed station {rank}"),
    "shelters": ("规划避难场所 {rank}", "Proposed shelter {rank}"),
}
DEFAULTS = {"fire_stations": {"class": PLANNED_STATION_CLASS}, "shelters": {}}


def _layer(value, name=None):
    """A QgsVectorLayer of an input value (a layer, or a URI the ogr provider opens), named as messages name it: its
    table, else its file."""
    if isinstance(value, QgsVectorLayer):
        return value
    path, _bar, options = str(value).partition("|")
    table = next((o.split("=", 1)[1] for o in options.split("|") if o.startswith("layername=")), None)
    return QgsVectorLayer(value, name or table or os.path.splitext(os.path.basename(path))[0], "ogr")


def _is_polygon(layer):
    from ..support import compat

    return layer.geometryType() == compat.GEOMETRY_POLYGON


def _slot(planned_input, planned_layer, given):
    """The assessment input the planned layer is added to (a parameter), or a new SHELTERS_2 (None, parameter)."""
    if len(planned_input.adds_to) == 1:
        return planned_input.adds_to[0], planned_input.adds_to[0]
    for parameter in planned_input.adds_to:
        if given.get(parameter) and _is_polygon(_layer(given[parameter])) == _is_polygon(planned_layer):
            return parameter, parameter
    free = planned_input.adds_to[-1]
    if not given.get(free):
        return planned_input.adds_to[0], free  # the planned ones alone, in the first one's fields
    geometry = "polygon" if _is_polygon(planned_layer) else "point"
    raise InputError(messages.PLANNED_NO_SLOT, planned_layer.name(), geometry=geometry)


GPKG_FID = "fid"  # a GeoPackage's own feature id: the merged layer numbers its features anew


def _fields(frame):
    kinds = {INT: INT, DOUBLE: DOUBLE, BOOL: BOOL}
    return [(name, kinds.get(kind, STRING)) for name, kind in frame.field_types.items()
            if name in frame.gdf.columns and name not in (GPKG_FID, PROPOSED)]


def add_proposed(given, proposed, gpkg, language, log):
    """``given`` ({parameter: URI}) with the stations and shelters that ``proposed`` ({PROPOSED_* parameter: layer or
    URI}) adds to, replaced by merged layers written into ``gpkg``. ``log(text)``: a line for the run's log. Raises
    ``InputError`` naming the planned layer, feature and field (core.scenario)."""
    from ..layers.convert import source_to_frame
    from ..layers.gpkg import quiet_gdal, write_layer
    from ..layers.sinks import make_fields, wkb_type_for

    result = dict(given)
    for item in (i for i in PROPOSED_INPUTS if proposed.get(i.parameter)):
        planned_layer = _layer(proposed[item.parameter])
        fields_of, target = _slot(item, planned_layer, result)
        existing_layer = _layer(result[fields_of])
        existing = source_to_frame(existing_layer, existing_layer.name())
        existing.gdf = existing.gdf.drop(columns=[c for c in (GPKG_FID,) if c in existing.gdf.columns])
        if target != fields_of:  # a new SHELTERS_2 of the planned ones only, in the shelters' fields
            existing.gdf = existing.gdf.iloc[0:0]
        planned = source_to_frame(planned_layer, planned_layer.name(), target_crs=existing.crs)
        schema = item.schema
        pattern = NAME_PATTERNS[item.kind][0 if language == "zh" else 1]
        aliases = {name: (schema.field_by_name[name].alias_zh, schema.field_by_name[name].alias_en)
                   for name in item.needs}
        specs = _fields(existing) + [(PROPOSED, INT)]
        numeric = [name for name, kind in specs if kind in (INT, DOUBLE)]
        merged = add_planned(existing.gdf, existing_layer.name(), schema.key[0],
                             Planned(planned.gdf, planned_layer.name(), item.id_fields, pattern, item.needs, aliases,
                                     DEFAULTS[item.kind]), numeric)
        table = INPUT_BY_PARAMETER[target].layer  # fire_stations, shelters, shelter_points: as in the template
        with quiet_gdal():
            write_layer(gpkg, table, merged, make_fields(specs), existing.crs,
                        wkb_type_for(merged, existing_layer.wkbType()))
        result[target] = f"{gpkg}|layername={table}"
        log(QCoreApplication.translate("FullAssessment", "{0}: {1} planned features added to {2} ({3} in all): {4}").format(
            item.parameter, len(planned.gdf), target, len(merged), result[target]))
        del existing_layer, planned_layer
    gc.collect()  # closes the scenario GeoPackage (it is renamed when the run ends)
    return result
