"""Layer schemas, validation, and conversion between QGIS layers and GeoDataFrames (see ARCHITECTURE.md).

Pure submodules (no qgis import): schemas, outputs, validation, report_html, reach_inputs, atomic, encoding.
The others import qgis: convert, sinks, gpkg, template, project, shelter_io and the styling modules.
"""
