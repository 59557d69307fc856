"""An import from cells to a layer of one kind: read (``core.ledger.read_ledger``), place (offsets
removed, reprojected to the target CRS), check against the study area, and frame the result in
the layer schema — everything ``riskatlas:importlayer`` and the full assessment's raw inputs need
before writing. Nothing is written here.
"""
from dataclasses import dataclass, field

import numpy as np

from ..core.ledger import report as rp
from ..core.ledger.importer import LedgerRead, read_ledger
from ..core.ledger.points import correct_shapes
from ..core.ledger.report import ReportLine
from .ledger_crs import WGS84, coordinate_setting, default_target, lonlat_centre, qgs_crs, transform_geometries
from .schemas import IMPORT_KINDS, schema_of

FIELD_TYPES = {kind: {f.name: f.type for f in schema_of(kind).fields} for kind in IMPORT_KINDS}
_GEOMETRY_KIND = {0: "point", 4: "point", 1: "line", 5: "line", 3: "polygon", 6: "polygon"}


@dataclass
class ImportOptions:
    kind: object = None  # an IMPORT_KINDS name, or None: recognise
    field_map: object = None
    coordinates: int = 0  # index of ledger_crs.COORDINATE_CHOICES
    source_crs: object = None  # QgsCoordinateReferenceSystem or None
    x_field: object = None
    y_field: object = None
    target_crs: object = None  # QgsCoordinateReferenceSystem or None: the zone of the study area / data
    study_area: object = None  # shapely polygons in EPSG:4326, or None


@dataclass
class ImportResult:
    """``frame``: a GeoDataFrame of the schema fields (+ derived codes) in ``target_crs``, None when
    the import stops; ``lines``: the whole report (source notes first)."""

    source: str
    kind: object
    read: LedgerRead
    frame: object
    target_crs: object
    lines: list = field(default_factory=list)

    @property
    def stops(self):
        return any(line.stops for line in self.lines)


def _stop(result, status, **values):
    result.lines.append(ReportLine(rp.COORDINATE, status, rp.ERROR, **values))
    return result


def run_import(source, options):
    """Import ``source`` (a ``ledger_source.LedgerSource``) with ``options`` (``ImportOptions``)."""
    import shapely

    setting = coordinate_setting(options.coordinates, options.source_crs, source.crs, source.geometries is None)
    read = read_ledger(source.table, FIELD_TYPES, options.kind, options.field_map, options.x_field,
                       options.y_field, setting.system, places=source.geometries is None)
    notes = [ReportLine(rp.SOURCE, status, rp.INFO, value=value) for status, value in source.notes]
    result = ImportResult(source.name, read.kind, read, None, None, notes + list(read.lines))
    if setting.problem:
        return _stop(result, "projected_with_offset", value=options.source_crs.authid())
    if result.stops:
        return result
    geoms, from_crs = _places(source, read, setting, result)
    if geoms is None:
        return result
    kinds = {_GEOMETRY_KIND.get(int(t)) for t in shapely.get_type_id(geoms[_present(geoms)])}
    allowed = set(schema_of(read.kind).geometries)
    if not kinds <= allowed:
        return _stop(result, "wrong_geometry", value=" / ".join(sorted(k or "?" for k in kinds)),
                     detail=" / ".join(sorted(allowed)))
    if from_crs.isGeographic() and _beyond_degrees(geoms):
        return _stop(result, "looks_projected", column=source.name, value=_beyond_degrees(geoms))
    target = _target(options, geoms, from_crs, result)
    geoms = transform_geometries(geoms, from_crs, target)
    _study_area(options, geoms, target, read.row_numbers, result)
    result.frame, result.target_crs = _frame(read, geoms, target), target
    return result


def _beyond_degrees(geoms):
    """A coordinate of the geometries beyond ±180° / ±90° (metres labelled as degrees), or ''."""
    import shapely

    xy = shapely.get_coordinates(geoms[_present(geoms)]) if len(geoms) else np.zeros((0, 2))
    far = (np.abs(xy[:, 0]) > 180) | (np.abs(xy[:, 1]) > 90)
    return f"{xy[far][0, 0]:.1f}, {xy[far][0, 1]:.1f}" if far.any() else ""


def _present(geoms):
    import shapely

    return ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)


def _places(source, read, setting, result):
    """(geometries of the kept rows, their CRS once offsets are removed) or (None, None) after a stop line."""
    import shapely

    if source.geometries is not None:
        position = {number: i for i, number in enumerate(source.table.row_numbers)}
        geoms = np.asarray(source.geometries, dtype=object)[[position[int(n)] for n in read.row_numbers]]
        layer_crs = source.crs
        if setting.crs is None and layer_crs is None:
            _stop(result, "no_crs")
            return None, None
        missing = ~_present(geoms)
        if missing.any():  # said, as for a ledger row without coordinates
            result.lines.append(ReportLine(rp.COORDINATE, rp.NO_COORDINATES, rp.WARNING,
                                           rows=rp.rows_of(missing, read.row_numbers)))
        if setting.offset:
            if layer_crs is not None and not layer_crs.isGeographic():
                geoms = transform_geometries(geoms, layer_crs, qgs_crs(WGS84))
            geoms = correct_shapes(geoms, setting.offset)
            result.lines.append(ReportLine(rp.COORDINATE, rp.CONVERTED, rp.INFO, value=setting.offset, result="wgs84",
                                           detail=f"{int(_present(geoms).sum())}|||"))
        return geoms, qgs_crs(setting.crs) if setting.crs else layer_crs
    if read.points is not None:
        x, y = read.points.x, read.points.y
        ok = np.isfinite(x) & np.isfinite(y)
        geoms = np.full(len(x), None, dtype=object)
        geoms[ok] = shapely.points(x[ok], y[ok])
        return geoms, qgs_crs(setting.crs)
    geoms = read.shapes
    if setting.offset:
        geoms = correct_shapes(geoms, setting.offset)
    return geoms, qgs_crs(setting.crs)


def _target(options, geoms, from_crs, result):
    import shapely

    how = "given"
    target = options.target_crs if options.target_crs is not None and options.target_crs.isValid() else None
    if target is None and options.study_area is not None and len(options.study_area):
        centre = shapely.centroid(shapely.union_all(shapely.make_valid(options.study_area)))
        target, how = default_target((centre.x, centre.y)), "study_area"
    if target is None:
        centre = lonlat_centre(geoms, from_crs)
        if centre is None:
            target, how = from_crs, "source"
        elif not from_crs.isGeographic():
            target, how = from_crs, "source"
        else:
            target, how = default_target(centre), "data"
    result.lines.append(ReportLine(rp.COORDINATE, rp.TARGET_CRS, rp.INFO, result=target.authid(),
                                   value=target.description(), detail=how))
    return target


def _study_area(options, geoms, target, row_numbers, result):
    import shapely

    from ..core.geo import points_outside

    if options.study_area is None or not len(options.study_area):
        return
    area = transform_geometries(options.study_area, qgs_crs(WGS84), target)
    present = _present(geoms)
    xy = np.full((len(geoms), 2), np.nan)
    if present.any():
        xy[present] = shapely.get_coordinates(shapely.point_on_surface(geoms[present]))
    outside = points_outside(xy[:, 0], xy[:, 1], area)
    if outside.any():
        result.lines.append(ReportLine(rp.COORDINATE, rp.OUTSIDE_STUDY_AREA, rp.WARNING,
                                       rows=rp.rows_of(outside, row_numbers)))


def output_fields(kind, frame_columns=()):
    """(name, type) of the imported layer: the schema's fields, then derived codes present (class_cn)."""
    from .schemas import STRING

    schema = schema_of(kind)
    extra = [(name, STRING) for name in frame_columns if name not in schema.field_by_name and name != "geometry"]
    return tuple((f.name, f.type) for f in schema.fields) + tuple(extra)


def _frame(read, geoms, target):
    import geopandas as gpd
    import pandas as pd

    schema = schema_of(read.kind)
    data = {}
    for spec in schema.fields:
        data[spec.name] = read.frame[spec.name] if spec.name in read.frame.columns else pd.Series(
            [None] * len(read.frame), dtype=object)
    for name in read.frame.columns:
        data.setdefault(name, read.frame[name])
    frame = pd.DataFrame(data, index=pd.RangeIndex(len(read.frame)))
    crs = target.authid() if target.authid().upper().startswith("EPSG:") else target.toWkt()
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(geoms, index=frame.index), crs=crs)

