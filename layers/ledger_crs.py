"""Coordinate systems of an import: what COORDINATES and SOURCE_CRS say the coordinates are, the
target CRS (the CGCS2000 Gauss-Krüger zone of the study area or of the data), and reprojection of
whole geometry arrays through GDAL's OSR (the PROJ that QGIS uses; one call per array).
"""
from dataclasses import dataclass

import numpy as np

from ..core.crs import local_projected_epsg

def QT_TRANSLATE_NOOP(context, text):  # noqa: N802 (the name pylupdate5 looks for; translated in coordinate_labels)
    return text


# COORDINATES enum of riskatlas:importlayer and riskatlas:fullassessment, in its order
COORDINATE_CHOICES = ("source", "wgs84", "gcj02", "bd09", "cgcs2000")
COORDINATE_LABELS = (QT_TRANSLATE_NOOP("ImportReport", "As the source says (a table without CRS: WGS 84)"),
                     QT_TRANSLATE_NOOP("ImportReport", "WGS 84 (GPS)"),
                     QT_TRANSLATE_NOOP("ImportReport", "GCJ-02 (AMap, Tencent)"),
                     QT_TRANSLATE_NOOP("ImportReport", "BD-09 (Baidu)"),
                     QT_TRANSLATE_NOOP("ImportReport", "CGCS2000 geographic"))
WGS84, CGCS2000_GEOGRAPHIC = "EPSG:4326", "EPSG:4490"
_GEOGRAPHIC = {"wgs84": WGS84, "gcj02": WGS84, "bd09": WGS84, "cgcs2000": CGCS2000_GEOGRAPHIC}


@dataclass(frozen=True)
class CoordinateSetting:
    """How to read places: ``system`` of coordinate columns ("wgs84", "gcj02", "bd09", "cgcs2000";
    None: projected numbers), ``offset`` (web-map offset to remove from geometries: "gcj02", "bd09"
    or None), ``crs`` (authid or WKT of the coordinates once the offset is removed; None: the
    layer's own) and ``problem`` (why the setting cannot work, or None)."""

    system: object
    offset: object
    crs: object
    problem: object = None


def coordinate_labels():
    """The COORDINATES options in the UI language."""
    from qgis.PyQt.QtCore import QCoreApplication

    return [QCoreApplication.translate("ImportReport", label) for label in COORDINATE_LABELS]


def coordinate_setting(choice, source_crs=None, layer_crs=None, table=True):
    """The setting for COORDINATES ``choice`` (an index of COORDINATE_CHOICES), SOURCE_CRS
    ``source_crs`` (a QgsCoordinateReferenceSystem or None) and a vector layer's own CRS (``table``
    False: the source has geometries, and without any CRS it cannot be placed)."""
    name = COORDINATE_CHOICES[choice]
    given = source_crs if source_crs is not None and source_crs.isValid() else None
    if name == "source":
        crs = given or (layer_crs if layer_crs is not None and layer_crs.isValid() else None)
        if crs is None:
            # a table without CRS: WGS84; a layer without one: nothing to go by
            return CoordinateSetting("wgs84", None, WGS84) if table else CoordinateSetting("wgs84", None, None)
        return CoordinateSetting("wgs84" if crs.isGeographic() else None, None, _wkt(crs))
    if given is not None and not given.isGeographic():
        return CoordinateSetting(None, None, None, "projected_with_offset")
    return CoordinateSetting(name, name if name in ("gcj02", "bd09") else None, _GEOGRAPHIC[name])


def _wkt(crs):
    return crs.authid() if crs.authid().upper().startswith("EPSG:") else crs.toWkt()


def qgs_crs(text):
    """A QgsCoordinateReferenceSystem from an authid or WKT."""
    from qgis.core import QgsCoordinateReferenceSystem

    return QgsCoordinateReferenceSystem(text) if text.upper().startswith("EPSG:") else \
        QgsCoordinateReferenceSystem.fromWkt(text)


def _osr(crs):
    from osgeo import osr

    reference = osr.SpatialReference()
    authid = crs.authid()
    if authid.upper().startswith("EPSG:"):
        reference.ImportFromEPSG(int(authid.split(":")[1]))
    else:
        reference.ImportFromWkt(crs.toWkt())
    reference.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return reference


def transform_geometries(geoms, from_crs, to_crs):
    """Geometries (shapely array) from one QgsCoordinateReferenceSystem to another, every vertex at once."""
    import shapely
    from osgeo import osr

    geoms = np.asarray(geoms, dtype=object)
    if from_crs == to_crs or not len(geoms):
        return geoms
    transform = osr.CoordinateTransformation(_osr(from_crs), _osr(to_crs))

    def move(xy):
        if not len(xy):
            return xy
        return np.asarray(transform.TransformPoints(np.ascontiguousarray(xy, dtype=np.float64).tolist()))[:, :2]

    return shapely.transform(geoms, move)


def lonlat_centre(geoms, crs):
    """(lon, lat) of the middle of the geometries' representative points (median), or None."""
    import shapely

    geoms = np.asarray(geoms, dtype=object)
    present = geoms[~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)] if len(geoms) else geoms
    if not len(present):
        return None
    points = transform_geometries(shapely.point_on_surface(present), crs, qgs_crs(WGS84))
    xy = shapely.get_coordinates(points)
    xy = xy[np.isfinite(xy).all(axis=1)]
    return (float(np.median(xy[:, 0])), float(np.median(xy[:, 1]))) if len(xy) else None


def default_target(centre):
    """The CGCS2000 3° Gauss-Krüger zone (or UTM zone outside China) of a (lon, lat) centre."""
    from qgis.core import QgsCoordinateReferenceSystem

    return QgsCoordinateReferenceSystem(f"EPSG:{local_projected_epsg(*centre)}")
