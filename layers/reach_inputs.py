"""The fire-station reach's inputs read from the layers: road speeds and directions, stations
(ids, turnout, class, suburban flag), residents, study area and targets — as the arrays
``core.fire_reach.fire_station_reach`` takes. Values are read with ``core.values`` (the rules
validateinputs applies); bad values are InputErrors naming layer, features and field.
"""
from dataclasses import dataclass

import numpy as np

from ..core import messages as m
from ..core.errors import InputError
from ..core.ledger.codes import AMBIGUOUS, UNKNOWN, read_codes
from ..core.values import id_strings, parse_numbers
from .outputs import TARGET_ID_FIELDS, first_present


def numbers(frame, name, what):
    """The field ``name`` of a LayerFrame as floats (NaN where empty); text that is not a number
    is an InputError with the message ``what`` (a core.messages template)."""
    parsed = parse_numbers(frame.gdf[name])
    if parsed.invalid.any():
        raise InputError(what, layer=frame.name, feature_ids=frame.gdf.index[parsed.invalid], field=name)
    return parsed.values


@dataclass
class RoadInputs:
    geoms: np.ndarray
    speeds: np.ndarray  # km/h
    directions: np.ndarray  # core.network FORWARD / BACKWARD / BOTH
    speed_origin: dict  # roads by where their speed came from: "field", "class", "default"
    unknown_directions: int
    multipart: int
    without_geometry: int


def road_inputs(roads, speed_field, class_field, direction_field, preset, default_speed, direction_values):
    """``direction_values``: the (forward, backward, both) values of the direction field."""
    import shapely

    from ..core import fire_reach as fr

    gdf = roads.gdf
    speeds, origin = fr.road_speeds(
        len(gdf), gdf[speed_field].to_numpy(dtype=object) if speed_field else None,
        gdf[class_field].to_numpy(dtype=object) if class_field else None,
        preset=preset, default_speed=default_speed, layer=roads.name, speed_field=speed_field,
        fids=gdf.index.to_numpy())
    if direction_field:
        directions, unknown = fr.direction_codes(gdf[direction_field].to_numpy(dtype=object), *direction_values)
    else:
        directions, unknown = np.zeros(len(gdf), dtype=np.int8), 0
    return RoadInputs(gdf.geometry.values, speeds, directions, origin, unknown,
                      int((shapely.get_num_geometries(gdf.geometry.values) > 1).sum()), int(gdf.geometry.isna().sum()))


@dataclass
class StationInputs:
    geoms: np.ndarray
    ids: np.ndarray  # text; "fid n" where a station has no id
    turnout: np.ndarray  # minutes, NaN where empty (the default turnout applies)
    classes: object  # class field values, or None
    suburban: object  # bool array, or None
    names: object


def station_inputs(stations, id_field, class_field, turnout_field, suburban_field):
    gdf = stations.gdf
    if id_field:
        ids = np.array([f"fid {fid}" if v is None else v for v, fid in zip(id_strings(gdf[id_field]), gdf.index)],
                       dtype=object)
    else:
        ids = gdf.index.astype(str).to_numpy(dtype=object)
    turnout = numbers(stations, turnout_field, m.TURNOUT_NOT_NUMBER) if turnout_field else np.full(len(gdf), np.nan)
    suburban = None
    if suburban_field:
        flags = read_codes("fire_stations", "suburban", gdf[suburban_field].to_numpy(dtype=object))
        invalid = np.isin(flags.status, (UNKNOWN, AMBIGUOUS))
        if invalid.any():
            raise InputError(m.SUBURBAN_NOT_YES_NO, layer=stations.name,
                             feature_ids=gdf.index[invalid], field=suburban_field)
        suburban = flags.codes == True  # noqa: E712 (empty: not suburban)
    return StationInputs(gdf.geometry.values, ids, turnout,
                         gdf[class_field].to_numpy(dtype=object) if class_field else None, suburban,
                         gdf["name"].to_numpy(dtype=object) if "name" in gdf.columns else None)


def residents(population, field):
    """(geometries, residents) of the population layer; negative residents are an InputError."""
    values = numbers(population, field, m.RESIDENTS_NOT_NUMBER)
    if (values < 0).any():
        raise InputError(m.RESIDENTS_NEGATIVE, layer=population.name,
                         feature_ids=population.gdf.index[values < 0], field=field)
    return population.gdf.geometry.values, values


def study_geometry(study):
    """The study area as one (valid) geometry, or None when the layer is empty."""
    import shapely

    if study is None or len(study.gdf) == 0:
        return None
    return shapely.union_all(shapely.make_valid(study.gdf.geometry.dropna().values))


def read_targets(layers, crs, transform_context, no_geometry):
    """([(layer name, geometries, ids)] of the target layers (QgsVectorLayers), in ``crs``; ids from the
    first of TARGET_ID_FIELDS a layer has, else its feature ids — and the Notices of reading them: invalid
    geometries repaired, features without geometry handled as ``no_geometry`` says (layers.checks)); a GBK
    shapefile without .cpg is read as GBK."""
    from ..core.errors import Notice
    from . import checks
    from .convert import read_text_as, source_to_frame
    from .encoding import gbk_without_declaration

    targets, notices = [], []
    for layer in layers:
        source = layer.source()
        name = source.split("layername=", 1)[1].split("|", 1)[0] if "layername=" in source else layer.name()
        if not layer.crs().isValid():
            raise InputError(m.MISSING_CRS, layer=name)
        frame = source_to_frame(layer, name, target_crs=crs, transform_context=transform_context)
        provider, path = layer.dataProvider(), source.split("|")[0]
        if provider is not None and provider.name() == "ogr" and gbk_without_declaration(path, provider.encoding()):
            read_text_as(frame, path, "CP936")
            notices.append(Notice(m.GBK_READ_AS_GBK, layer=name))
        frame.key = first_present(frame.gdf.columns, TARGET_ID_FIELDS)
        notices += checks.repair_geometries(frame) + checks.geometry_policy(frame, no_geometry)
        ids = frame.gdf[frame.key].to_numpy(dtype=object) if frame.key else frame.gdf.index.to_numpy()
        targets.append((name, frame.gdf.geometry.values, ids))
    return targets, notices
