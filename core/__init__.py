"""Pure analysis: formulas, standards tables and algorithms on GeoDataFrames and numpy arrays.

No qgis or Qt import may appear anywhere below this package.
"""
