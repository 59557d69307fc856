"""The fire-station reach's inputs read from the layers: road speeds and directions, stations
(ids, turnout, class, suburban flag), residents, study area and targets — as the arrays
``core.fire_reach.fire_station_reach`` takes. Values are read with ``core.values`` (the rules
validateinputs applies); bad values are InputErrors naming layer, features and field.
"""
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from ..core import messages as m
from ..core.errors import QT_TRANSLATE_NOOP, InputError
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


OSM_TAGS = ("highway", "oneway", "maxspeed", "junction")  # read from GDAL's other_tags when not columns
ROLE_FALLBACKS = {"class": ("class_cn", "highway")}  # other class columns: the Chinese class code, OSM's highway
SPEED_ORIGINS = {  # where a road's speed came from, as the log and the record name it (core.roads ORIGINS)
    "field": QT_TRANSLATE_NOOP("FireStationReach", "field {field}"),
    "maxspeed": QT_TRANSLATE_NOOP("FireStationReach", "maxspeed × {factor:g}"),
    "class": QT_TRANSLATE_NOOP("FireStationReach", "class"),
    "left_out": QT_TRANSLATE_NOOP("FireStationReach", "left out"),
}


@dataclass
class RoadInputs:
    geoms: np.ndarray  # the roads kept (those the speed table does not leave out)
    fids: np.ndarray  # their feature ids
    speeds: np.ndarray  # km/h
    directions: np.ndarray  # core.network FORWARD / BACKWARD / BOTH
    speed: object  # core.roads.RoadSpeeds of every road (origins, the speeds used per class)
    unknown_directions: int
    reversible: int  # reversible roads (driven both ways)
    multipart: int
    without_geometry: int
    fields: dict  # role ("speed", "class", "direction", "maxspeed") -> field used, or None
    from_tags: tuple  # roles read from the other_tags column

    @property
    def speed_origin(self):
        return self.speed.counts

    @cached_property
    def _speeds_counted(self):
        return self.speed.used()  # counted once: the log and the provenance both ask

    def speeds_used_in(self, translate=None):
        """Rows (what, class, km/h, roads) of the speeds a run used: the speed field, maxspeed × factor, each
        class's table speed, DEFAULT_SPEED and the roads left out (km/h 0); ``what`` in the language of
        ``translate`` (context FireStationReach), English without."""
        tr = translate or (lambda text: text)
        names = {"field": tr(SPEED_ORIGINS["field"]).format(field=self.fields.get("speed")),
                 "maxspeed": tr(SPEED_ORIGINS["maxspeed"]).format(factor=self.speed.preset.maxspeed_factor),
                 "class": tr(SPEED_ORIGINS["class"]), "default": "DEFAULT_SPEED",
                 "left_out": tr(SPEED_ORIGINS["left_out"])}
        return [(names[origin], key, round(kmh, 3), count) for origin, key, kmh, count in self._speeds_counted]

    @property
    def speeds_used(self):
        """``speeds_used_in`` in English: for the HTML report and the provenance record."""
        return self.speeds_used_in()


def osm_tags(roads):
    """{tag: values} of OSM_TAGS from the layer's ``other_tags`` column (GDAL's OSM driver); {} without it."""
    from ..core.roads import parse_other_tags

    if "other_tags" not in roads.gdf.columns:
        return {}
    return parse_other_tags(roads.gdf["other_tags"].to_numpy(dtype=object), OSM_TAGS)


def road_fields(roads, requested, tags, preset=None):
    """{role: field or tag name, or None}. ``requested``: {role: (name or None, given explicitly)}.
    A name the layer lacks is looked up among the OSM tags; an explicitly given name found nowhere is
    an error. A class field left to its default is, among the default, ``class_cn`` and ``highway``
    (those the layer has), the one whose values ``preset``'s table reads best (an imported layer
    carries the English class beside the Chinese class code or the OSM value)."""
    columns = set(roads.gdf.columns)
    chosen = {}
    for role, (name, explicit) in requested.items():
        candidates = (name,) if explicit else (name,) + ROLE_FALLBACKS.get(role, ())
        found = [c for c in dict.fromkeys(candidates) if c and (c in columns or c in tags)]
        if explicit and name and not found:
            raise InputError(m.FIELD_NOT_FOUND_NOR_OSM, layer=roads.name, field=name)
        chosen[role] = _best_class_field(roads, found, tags, preset) if role == "class" and len(found) > 1 else (
            found[0] if found else None)
    return chosen


def _best_class_field(roads, names, tags, preset):
    """The field of ``names`` with the most values that a row of the speed table matches; on a tie the
    more specific one (``highway``, ``class_cn`` over the English class)."""
    from ..core.roads import class_speeds
    from ..core.standards.road_speeds import OTHER_ROW

    if preset is None:
        return names[0]

    def matched(name):
        values = roads.gdf[name].to_numpy(dtype=object) if name in roads.gdf.columns else tags[name]
        keys = class_speeds(values, preset).keys
        return int(((keys != None) & (keys != OTHER_ROW)).sum())  # noqa: E711 (elementwise)

    scores = [matched(name) for name in names]
    return names[len(scores) - 1 - scores[::-1].index(max(scores))]


def road_inputs(roads, fields, preset, default_speed, direction_values, tags=None):
    """``fields``: road_fields' {role: name}; ``preset``: a core SpeedPreset (or its name);
    ``direction_values``: the (forward, backward, both) value lists of the direction field."""
    import shapely

    from ..core import roads as rd

    gdf, tags = roads.gdf, tags or {}

    def column(name):
        if name and name in gdf.columns:
            return gdf[name].to_numpy(dtype=object)
        return tags.get(name) if name else None

    def values(role):
        return column(fields.get(role))

    speed_name = fields.get("speed")  # a numeric speed column stays numeric: nothing to parse
    numeric_speed = speed_name in gdf.columns and gdf[speed_name].dtype.kind in "biuf"
    speed_values = gdf[speed_name].to_numpy() if numeric_speed else values("speed")
    speed = rd.road_speeds(len(gdf), speed_values, values("class"), preset, default_speed, roads.name, speed_name,
                           gdf.index.to_numpy(), maxspeed_values=values("maxspeed"))
    direction = values("direction")
    if direction is not None and fields.get("class") == "highway":  # OSM: roundabouts and motorways
        direction = rd.implied_oneway(direction, values("class"), column("junction"))
    if direction is not None:
        read = rd.read_directions(direction, *direction_values)
        directions, unknown, reversible = read.codes, read.unknown, read.reversible
    else:
        directions, unknown, reversible = np.zeros(len(gdf), dtype=np.int8), 0, 0
    kept = speed.kept
    geoms = gdf.geometry.values
    return RoadInputs(geoms[kept], gdf.index.to_numpy()[kept], speed.speeds[kept], directions[kept], speed, unknown,
                      reversible, int((shapely.get_num_geometries(geoms[kept]) > 1).sum()),
                      int(gdf.geometry.isna().to_numpy()[kept].sum()), dict(fields),
                      tuple(r for r, n in fields.items() if n and n not in gdf.columns))


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


def read_targets(layers, crs, transform_context, no_geometry, frames=None):
    """([(layer name, geometries, ids)] of the target layers (QgsVectorLayers), in ``crs``; ids from the
    first of TARGET_ID_FIELDS a layer has, else its feature ids — and the Notices of reading them: invalid
    geometries repaired, features without geometry handled as ``no_geometry`` says (layers.checks)); a GBK
    shapefile without .cpg is read as GBK. ``frames``: a list to which each layer's LayerFrame is added."""
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
        if frames is not None:
            frames.append(frame)
    return targets, notices


def road_report(network, count):
    """(info lines, warnings) about the roads as read: fields used, the speeds used, directions."""
    from qgis.PyQt.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    origin, speed, info, warnings = network.speed.counts, network.speed, [], []
    if network.fields.get("class"):
        info.append(translate("FireStationReach", "Road classes read from '{0}' with the speed table {1}.").format(
            network.fields["class"], speed.preset.name))
    if network.from_tags:
        info.append(translate("FireStationReach", "Read from the OSM other_tags column: {0}.").format(
            ", ".join(network.fields[role] for role in network.from_tags)))
    info.append(translate(
        "FireStationReach", "Speeds: {0} roads from the speed field, {1} from maxspeed × {2:g}, {3} from the "
        "road-class table, {4} at the default speed; {5} left out ({6}).").format(
        origin["field"], origin["maxspeed"], speed.preset.maxspeed_factor, origin["class"], origin["default"],
        origin["left_out"], speed.preset.name))
    if network.fields.get("class") == "highway" and not origin["left_out"]:
        warnings.append(translate(
            "FireStationReach", "The roads look like an OSM import (highway) but the speed table leaves no line out: "
            "footways, waterways and railways are driven too. Choose the speed preset of OSM highway classes."))
    used = network.speeds_used_in(lambda text: translate("FireStationReach", text))
    info.append(translate("FireStationReach", "Speeds used (km/h × roads): {0}").format("; ".join(
        f"{what}{' ' + key if key else ''} {kmh:g} × {roads}" for what, key, kmh, roads in used[:40])
        + ("; …" if len(used) > 40 else "")))
    if network.fields.get("speed") and origin["field"] < count - origin["left_out"]:
        warnings.append(translate(
            "FireStationReach", "{0} roads have an empty speed: maxspeed, the class table or DEFAULT_SPEED is "
            "used.").format(count - origin["left_out"] - origin["field"]))
    if speed.maxspeed is not None and speed.maxspeed.count("unknown"):
        warnings.append(translate(
            "FireStationReach", "{0} roads have a maxspeed that is not understood: their class speed is used.")
            .format(speed.maxspeed.count("unknown")))
    if network.unknown_directions:
        warnings.append(translate(
            "FireStationReach", "{0} roads have an empty or unknown direction value: both directions are used.")
            .format(network.unknown_directions))
    if network.reversible:
        warnings.append(translate("FireStationReach", "{0} reversible (tidal) roads are driven in both directions.")
                        .format(network.reversible))
    if network.multipart:
        info.append(translate(
            "FireStationReach", "{0} multipart roads are split into their parts (parts join only where they share "
            "a vertex).").format(network.multipart))
    if network.without_geometry:
        warnings.append(translate("FireStationReach", "{0} roads without geometry are ignored.")
                        .format(network.without_geometry))
    return info, warnings
