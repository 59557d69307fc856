"""Shelter area per capita: administrative ratio and two-step floating catchment (2SFCA).

Pure numpy / scipy / shapely / pandas (no QGIS). Units: metres and m².

Methods (``METHOD`` of ``riskatlas:shelterpercapita``):

0. administrative — per unit (township): effective area of the counted shelters whose centroid
   lies in the unit ÷ the unit's residents (population features apportioned by area overlap;
   points by location). ``deficit_m2 = max(0, TARGET·residents − area)``.
1. catchment — 2SFCA (Luo & Wang 2003) with straight-line distance between the centroid of a
   population feature and the centroid of a shelter. A shelter j with effective area S_j serves
   every population feature i with d_ij ≤ r_j (inclusive):

       D_j = Σ_{i: d_ij ≤ r_j} P_i            (served residents, "2SFCA demand")
       R_j = S_j / D_j                         (m² per served person)
       A_i = Σ_{j: d_ij ≤ r_j} R_j             (m² per capita at i)

   ``deficit_m2 = max(0, (TARGET − A_i)·P_i)``; a feature with no shelter in reach has
   A_i = 0 and is flagged ``no_shelter``; a feature with no residents gets no indicator (NaN).
2. network — the same with walking distance on the road network (``core.network``).

Straight-line reach uses a grid of cells over the population points (``cell_grid.CellGrid``): per shelter
and row of cells, the cells wholly inside its circle are taken as blocks and only the points of
the cells its edge crosses are tested (distance ≤ radius, inclusive). ``two_step_fca`` sums the
blocks without listing their pairs; ``catchment_pairs`` lists every pair. Walking reach is a
bounded multi-source network search. The two sums are sparse matrix–vector products: no dense
n×m matrix is ever built.

Rooms: ``inputs`` (shelter and population layers checked), ``fca`` (2SFCA), ``cell_grid`` (the
straight-line pair search), ``network_pairs`` (walking pairs on the road network), ``administrative``
(the ratio per unit), ``load`` (load per shelter), ``analysis`` (``analyse_shelters``).
"""
from .administrative import administrative_ratio, apportion_to_units, units_of_points
from .analysis import (METHOD_ADMINISTRATIVE, METHOD_CATCHMENT, METHOD_NAMES, METHOD_NETWORK, ShelterAnalysis,
                       analyse_shelters)
from .cell_grid import kdtree_pairs as _kdtree_pairs
from .fca import MEETS_TOLERANCE, FcaResult, catchment_pairs, coverage_figures, fca_from_pairs, two_step_fca
from .inputs import (PopulationInput, ShelterInput, centroids_xy, combine_shelters,
                     prepare_population, prepare_shelters)
from .network_pairs import NOT_WALKABLE_CLASSES, network_pairs_function, walkable, walking_pairs

__all__ = ["METHOD_ADMINISTRATIVE", "METHOD_CATCHMENT", "METHOD_NAMES", "METHOD_NETWORK", "MEETS_TOLERANCE",
           "NOT_WALKABLE_CLASSES", "FcaResult", "PopulationInput",
           "ShelterAnalysis", "ShelterInput", "_kdtree_pairs", "administrative_ratio", "analyse_shelters",
           "apportion_to_units", "catchment_pairs", "centroids_xy", "combine_shelters", "coverage_figures",
           "fca_from_pairs", "network_pairs_function", "prepare_population", "prepare_shelters", "two_step_fca",
           "units_of_points", "walkable", "walking_pairs"]
