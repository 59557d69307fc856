"""The figures printed in the risk atlas (pure: GeoDataFrames in, numbers out).

``compute.atlas_figures`` overlays the analysis layers with the townships (how: its module
docstring); ``figures`` holds the result types; ``overlay`` the geometry and column helpers; ``reach`` and
``shelters`` the fire-coverage and shelter figures; ``headline`` the county's headline figures.
"""
from .compute import atlas_figures
from .figures import COUNTY_KEY, GRADES, LEVELS, AreaFigures, AtlasFigures
from .headline import headline_figures

__all__ = ["atlas_figures", "headline_figures", "AreaFigures", "AtlasFigures", "COUNTY_KEY", "GRADES", "LEVELS"]
