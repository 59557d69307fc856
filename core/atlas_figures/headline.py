"""The headline figures (``core.headline``) of an atlas: the county's figures, which add up the sheets."""
from __future__ import annotations

from ..headline import HeadlineFigure, major_figures, map_figures, reach_figures, resource_figures, shelter_figures
from .figures import AtlasFigures


def headline_figures(figures: AtlasFigures) -> list[HeadlineFigure]:
    """The county's headline figures, for the analyses the atlas was given."""
    county = figures.county
    result = map_figures(county.residents_by_level.tolist(), county.units.tolist())
    if county.covered_residents is not None:
        result += reach_figures(county.covered_residents, county.not_covered_residents)
    if county.shelter_area_m2 is not None:
        county_deficit = max(0.0, figures.shelter_target * (county.shelter_residents or 0.0) - county.shelter_area_m2)
        result += shelter_figures(county.shelter_area_m2, county.shelter_residents, figures.shelter_target,
                                  county_deficit, county.total_deficit_m2, county.shelters_overloaded)
    if county.major_by_grade is not None:
        result += major_figures(county.major_by_grade.tolist())
    for prefix, given in figures.resources.items():  # the resource coverage, when given
        result += resource_figures(prefix, given.residents_reached, given.residents_left_out, given.time_limit_min,
                                   given.key_targets_left_out)
    return result
