"""Population as bureaus hold it — a grid of residents per cell (WorldPop, 格网人口 GeoTIFF) or points
(villages, communities with 人口) — turned into the polygons every analysis takes, so that ``core``
keeps one path:

* a raster (band 1 = residents per cell) becomes one square polygon per cell (the cell's four
  corners, reprojected corner by corner as QGIS reprojects a polygon layer); cells that are nodata,
  NaN or 0 are dropped, a negative cell is an error. The result equals a run on the cells as
  polygons (QGIS's "Raster pixels to polygons").
* a point becomes a square of POINT_SQUARE_M around it: its residents count wholly where the
  point lies (a square across a boundary — within half a millimetre of it — is shared by area).

Read with GDAL (the library QGIS reads rasters with), never a second copy of it.
"""
import numpy as np

from ..core import log_lines as say
from ..core import messages as m
from ..core.errors import InputError
from .convert import LayerFrame
from .schemas import DOUBLE, POPULATION_POINT_SQUARE_M, STRING

POINT_SQUARE_M = POPULATION_POINT_SQUARE_M  # side (m) of the square a population point counts as (1 mm)
RESIDENTS, CELL_ID = "residents", "pop_id"


def _read_band(layer):
    """(values float64 2-D, geotransform) of band 1; nodata and NaN as NaN."""
    from osgeo import gdal

    if layer.providerType() != "gdal":
        raise InputError(m.GRID_NOT_GDAL, provider=layer.providerType(), layer=layer.name())
    dataset = gdal.Open(layer.dataProvider().dataSourceUri())
    if dataset is None:
        raise InputError(m.GRID_CANNOT_OPEN, layer=layer.name())
    transform = dataset.GetGeoTransform()
    if transform[2] or transform[4]:
        raise InputError(m.GRID_ROTATED, layer=layer.name())
    band = dataset.GetRasterBand(1)
    values = band.ReadAsArray().astype(np.float64)
    nodata = band.GetNoDataValue()
    if nodata is not None:
        values[values == nodata] = np.nan
    return values, transform


def _corner_points(xs, ys, source_crs, target_crs, transform_context):
    """The corner coordinates (x, y arrays) in ``target_crs``: one transform of them all at once."""
    import shapely
    from qgis.core import QgsCoordinateTransform, QgsGeometry

    if not target_crs.isValid() or source_crs == target_crs:
        return xs, ys
    points = shapely.multipoints(np.column_stack([xs, ys]))
    geometry = QgsGeometry()
    geometry.fromWkb(shapely.to_wkb(points))
    geometry.transform(QgsCoordinateTransform(source_crs, target_crs, transform_context))
    coords = shapely.get_coordinates(shapely.from_wkb(bytes(geometry.asWkb())))
    return coords[:, 0], coords[:, 1]


def raster_cells(layer, target_crs, transform_context, name=None):
    """A LayerFrame of the grid's populated cells: pop_id ("r<row>c<col>"), residents, the cell square
    in ``target_crs``; the index is the cell number (row × columns + column)."""
    import geopandas as gpd
    import pandas as pd
    import shapely

    name = name or layer.name()
    values, (x0, dx, _r1, y0, _r2, dy) = _read_band(layer)
    rows, cols = np.nonzero(np.isfinite(values) & (values != 0))
    residents = values[rows, cols]
    if (residents < 0).any():
        bad = residents < 0
        cells = [f"row {r} column {c}" for r, c in zip(rows[bad][:5], cols[bad][:5])]
        raise InputError(m.GRID_NEGATIVE, cells=", ".join(cells), layer=name, field="band 1")
    # the cells' corners, each transformed once: (rows + 1) × (cols + 1) grid points of the cells used
    corner_rows, corner_cols = np.unique(np.concatenate([rows, rows + 1])), np.unique(np.concatenate([cols, cols + 1]))
    gx, gy = np.meshgrid(x0 + corner_cols * dx, y0 + corner_rows * dy)
    tx, ty = _corner_points(gx.ravel(), gy.ravel(), layer.crs(), target_crs, transform_context)
    tx, ty = tx.reshape(gx.shape), ty.reshape(gx.shape)
    i0, i1 = np.searchsorted(corner_rows, rows), np.searchsorted(corner_rows, rows + 1)
    j0, j1 = np.searchsorted(corner_cols, cols), np.searchsorted(corner_cols, cols + 1)
    ring = np.stack([np.column_stack([tx[a, b], ty[a, b]]) for a, b in ((i0, j0), (i0, j1), (i1, j1), (i1, j0),
                                                                        (i0, j0))], axis=1)
    squares = shapely.polygons(ring)
    index = pd.Index((rows * values.shape[1] + cols).astype(np.int64), name="fid")
    data = pd.DataFrame({CELL_ID: np.char.add(np.char.add("r", rows.astype(str)), np.char.add("c", cols.astype(str))),
                         RESIDENTS: residents}, index=index)
    crs = target_crs if target_crs.isValid() else layer.crs()
    gdf = gpd.GeoDataFrame(data, geometry=gpd.GeoSeries(squares, index=index), crs=crs.authid() or crs.toWkt())
    notes = [say.LogLine(say.RASTER_CELLS, cells=len(gdf), rows=values.shape[0], columns=values.shape[1], dx=abs(dx),
                         dy=abs(dy), crs=layer.crs().authid(), residents=float(residents.sum()))]
    return LayerFrame(gdf, name, {CELL_ID: STRING, RESIDENTS: DOUBLE}, layer.crs(), crs, notes)


def has_points(frame):
    import shapely

    types = shapely.get_type_id(frame.gdf.geometry.values)
    return bool(np.isin(types, (0, 4)).any())


def points_as_squares(frame, side=POINT_SQUARE_M):
    """The frame with every point (and multipoint part) replaced by a square of ``side`` around it."""
    import shapely

    geoms = frame.gdf.geometry.values
    types = shapely.get_type_id(geoms)
    pointy = np.flatnonzero(np.isin(types, (0, 4)))
    parts, owner = shapely.get_parts(geoms[pointy], return_index=True)
    xy = shapely.get_coordinates(parts)
    half = side / 2.0
    squares = shapely.box(xy[:, 0] - half, xy[:, 1] - half, xy[:, 0] + half, xy[:, 1] + half)
    single = np.bincount(owner, minlength=len(pointy)) == 1
    new = np.empty(len(pointy), dtype=object)
    new[single] = squares[np.isin(owner, np.flatnonzero(single))]
    if (~single).any():
        many = np.isin(owner, np.flatnonzero(~single))
        new[~single] = shapely.multipolygons(squares[many], indices=np.searchsorted(
            np.flatnonzero(~single), owner[many]))
    out = frame.gdf.copy()
    column = out.geometry.name
    values = out[column].values.copy()
    values[pointy] = new
    out[column] = values
    return LayerFrame(out, frame.name, frame.field_types, frame.source_crs, frame.crs,
                      list(frame.notes) + [say.LogLine(say.POINTS_AS_SQUARES, count=len(pointy), side=side)])


def write_population_grid(raster_source, gpkg, layer_name, target_crs):
    """Write the populated cells of the raster ``raster_source`` (path or layer) into ``gpkg`` as the
    polygon layer ``layer_name`` (pop_id, residents) in ``target_crs``; returns the notes."""
    from qgis.core import QgsProject, QgsRasterLayer

    from ..support import compat
    from .gpkg import write_layer
    from .sinks import make_fields

    layer = raster_source if isinstance(raster_source, QgsRasterLayer) else QgsRasterLayer(raster_source, layer_name)
    if not layer.isValid():
        raise InputError(m.GRID_NOT_RASTER, layer=str(raster_source))
    frame = raster_cells(layer, target_crs, QgsProject.instance().transformContext())
    del layer  # a raster layer must not outlive QGIS's exit
    write_layer(gpkg, layer_name, frame.gdf, make_fields([(CELL_ID, STRING), (RESIDENTS, DOUBLE)]), frame.crs,
                compat.WKB_POLYGON)
    return frame.notes
