"""The four-colour map as a paletted GeoTIFF (OUTPUT_RASTER): one byte per grid cell.

A cell holds its level 1..4 when its centre lies in the study area (the whole grid when there is
none), 0 (no data) elsewhere. The GeoTIFF carries the palette as its colour table (any GIS shows
the four colours) and a ``.qml`` beside it gives QGIS the legend (level labels in zh or en).
Written through GDAL (``osgeo.gdal``, the library QGIS reads it with) at the path the run's one
write path gives (``layers.atomic.OutputSet``: a temporary name, renamed with its .qml when the run
completes, removed when it fails). Measured for 150,000 cells: a few milliseconds, where
the same cells as GeoPackage polygons take ~0.3 s and QGIS's own writer ~2.5 s.
"""
import os
from xml.sax.saxutils import quoteattr

import numpy as np

from ..core.standards.risk_levels import RISK_LEVELS

NODATA = 0


def level_grid(rows, cols, levels, n_rows, n_cols, inside=None):
    """(n_rows, n_cols) uint8 array, row 0 at the top: the levels at (row, col) (row 0 at the
    bottom, as ``core.four_colour.square_grid`` counts), NODATA where ``inside`` is False."""
    grid = np.zeros((n_rows, n_cols), dtype=np.uint8)
    values = np.asarray(levels, dtype=np.uint8)
    if inside is not None:
        values = np.where(np.asarray(inside, dtype=bool), values, NODATA).astype(np.uint8)
    grid[n_rows - 1 - np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)] = values
    return grid


def centres_inside(layout, rows, cols, study):
    """Whether each cell's centre lies in ``study`` (a shapely polygon; None: every cell)."""
    import shapely

    if study is None:
        return None
    xmin, ymin, cell, _n_cols, _n_rows = layout
    shapely.prepare(study)
    return shapely.contains_xy(study, xmin + (np.asarray(cols) + 0.5) * cell, ymin + (np.asarray(rows) + 0.5) * cell)


def paletted_qml(language):
    """A QGIS style for the raster: a paletted renderer on band 1 with the four levels' colours and labels."""
    entries = "\n".join(
        f'        <paletteEntry value="{lv.level}" color="{lv.colour.lower()}" alpha="255" '
        f'label={quoteattr(lv.label_zh if language == "zh" else lv.label_en)}/>' for lv in RISK_LEVELS)
    return ("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
            '<qgis styleCategories="AllStyleCategories" version="3.22">\n'
            "  <pipe>\n"
            '    <rasterrenderer type="paletted" band="1" opacity="1" alphaBand="-1" nodataColor="">\n'
            "      <rasterTransparency/>\n"
            "      <colorPalette>\n"
            f"{entries}\n"
            "      </colorPalette>\n"
            "    </rasterrenderer>\n"
            "  </pipe>\n"
            "</qgis>\n")


def write_level_raster(path, grid, layout, crs_wkt, language):
    """Write the level grid (``level_grid``) of a square grid ``layout`` (xmin, ymin, cell size,
    columns, rows) as a paletted GeoTIFF at ``path`` (closed when this returns), and its style as
    ``<path without .tif>.qml``."""
    from osgeo import gdal

    xmin, ymin, cell, n_cols, n_rows = layout
    dataset = gdal.GetDriverByName("GTiff").Create(path, int(n_cols), int(n_rows), 1, gdal.GDT_Byte,
                                                   ["COMPRESS=DEFLATE", "TILED=YES"])
    if dataset is None:
        raise IOError(f"cannot create {path}: {gdal.GetLastErrorMsg()}")
    dataset.SetGeoTransform((xmin, cell, 0.0, ymin + n_rows * cell, 0.0, -cell))
    if crs_wkt:
        dataset.SetProjection(crs_wkt)
    band = dataset.GetRasterBand(1)
    band.SetNoDataValue(NODATA)
    table = gdal.ColorTable()
    table.SetColorEntry(NODATA, (0, 0, 0, 0))
    for level in RISK_LEVELS:
        colour = level.colour.lstrip("#")
        table.SetColorEntry(level.level, tuple(int(colour[i:i + 2], 16) for i in (0, 2, 4)) + (255,))
    band.SetRasterColorTable(table)
    band.SetRasterColorInterpretation(gdal.GCI_PaletteIndex)
    band.WriteArray(grid)
    band.FlushCache()
    del band, dataset  # closes the file before it is renamed
    with open(os.path.splitext(path)[0] + ".qml", "w", encoding="utf-8") as handle:
        handle.write(paletted_qml(language))
    return path


def write_grid_raster(path, grid, areas, study, crs_wkt, language):
    """The four-colour map of a square grid (``grid``: what ``core.four_colour.square_grid`` made;
    ``areas``: the map, with row, col and risk_level) as a GeoTIFF; cells whose centre is outside
    the ``study`` polygon (or None) are no data. False when ``grid`` is no square grid."""
    from ..core.four_colour import grid_layout

    layout = grid_layout(grid)
    if layout is None:
        return False
    rows, cols = areas["row"].to_numpy(), areas["col"].to_numpy()
    levels = level_grid(rows, cols, areas["risk_level"].to_numpy(), layout[4], layout[3],
                        centres_inside(layout, rows, cols, study))
    write_level_raster(path, levels, layout, crs_wkt, language)
    return True
