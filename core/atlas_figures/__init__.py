"""The figures printed in the risk atlas (pure: GeoDataFrames in, numbers out).

``compute.atlas_figures`` overlays the analysis layers with the townships (how: its module
docstring); ``figures`` holds the result types; ``overlay`` the geometry and column helpers.
"""
from .compute import atlas_figures
from .figures import COUNTY_KEY, GRADES, LEVELS, AreaFigures, AtlasFigures

__all__ = ["atlas_figures", "AreaFigures", "AtlasFigures", "COUNTY_KEY", "GRADES", "LEVELS"]
