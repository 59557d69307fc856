"""Layer schemas, validation, and conversion between QGIS layers and GeoDataFrames.

Submodules that import qgis: convert, styling, gpkg, project. Pure ones: schemas, validation, encoding.
"""
