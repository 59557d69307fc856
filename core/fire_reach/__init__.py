"""Fire-station reach: the 5-minute rule on the road network (pure: numpy, scipy, shapely, pandas).

Standards (data in ``core.standards.fire_stations``, pinned by tests):

* 建标152-2017《城市消防站建设标准》第十四条 and GB 51080-2015《城市消防规划规范》§4.1: a station
  should reach the edge of its district within 5 min of the dispatch order (conventionally
  1 min turnout + 4 min driving). District area: 一级普通站 ≤ 7 km², 二级普通站 ≤ 4 km²,
  小型普通站 ≤ 2 km², a station on the city's edge/suburbs (郊区) ≤ 15 km²; 特勤站 with a
  district as 一级 (7 km²).
* No fire-engine speed is standardised: speeds by road class are named presets or a user's table
  (``core.standards.road_speeds``: the project's 60/50/40, and OSM / JTG B01-2014 / CJJ 37-2012
  classes at 0.7 × design speed); roads are read by ``core.roads`` (maxspeed, class, direction).

Method (``fire_station_reach``):

1. The road graph (``core.network``): every vertex a node, segments as edges costed in minutes
   from the road's speed (SPEED_FIELD when > 0, else a posted limit × the table's factor, else its
   class's table speed, else DEFAULT_SPEED; classes at 0 are left out), one-way rules relative to
   the digitising direction.
2. Stations enter at the nearest point of the nearest road (within SNAP_TOLERANCE; farther ones
   are listed and left out); ONE multi-source Dijkstra with each station's turnout as its start
   offset gives the first-arriving station and time at every node; every edge is cut at the
   equal-time point of two arrivals and where the time limit runs out (``reached_parts``).
3. Land (OUTPUT_AREAS / OUTPUT_GAPS). The rule: a point of land is reached at the earliest time
   any reached road point within ACCESS_DISTANCE of it is reached (the off-road leg costs
   nothing), by the station arriving there. So where the access zones of two stations' roads
   overlap, the earlier arrival wins; areas never overlap. The rule is evaluated on a grid of
   square cells (``cell_m``, ACCESS_DISTANCE/8 = 25 m by default, larger for very big study
   areas; reported): reached road points are binned into cells, a disc-shaped minimum filter
   of radius ACCESS_DISTANCE gives every cell its earliest arrival, and the cells are turned
   into polygons whose staircase edges are smoothed as one coverage (``coverage_simplify``,
   so neighbours still share edges), then clipped exactly to the study area. Measured on a
   dense network, buffering each station's reached roads with GEOS took ~4 s per station —
   the grid keeps a county in well under a second; its resolution is the price.
4. Districts: given (DISTRICTS: each polygon belongs to the station inside it) or computed as
   the land each station reaches first with no time limit: every cell of the study area goes
   to the station that first reaches the road nearest to it (a network Voronoi).
5. Residents by area-weighted apportioning of the population polygons (``core.apportion``; points
   and raster cells arrive as small squares and cell squares, made in ``layers``).
6. Targets: the land rule at the target itself (a polygon: any road point within
   ACCESS_DISTANCE of its outline) with no time limit, evaluated exactly.

Rooms: ``inputs`` (road speeds, one-way codes), ``analysis`` (``fire_station_reach``, the steps
above), ``results`` (options, station table, result), ``edges`` (reached roads as features),
``grid`` / ``road_samples`` / ``land_rule`` (the land rule on a cell grid), ``regions`` (label
grids as polygons), ``districts``, ``cell_apportion`` (residents onto cells), ``targets``,
``tables`` (areas, gaps, summary).
"""
from ..standards.fire_stations import (CLASS_LIMIT_BY_CODE, DEFAULT_SPEED_PRESET, SPEED_PRESETS,
                                       STATION_CLASS_LIMITS, TIME_RULE_MIN, TURNOUT_CONVENTION_MIN, SpeedPreset,
                                       StationClassLimit, class_limit_km2)
from .analysis import ALGORITHM_NOTE, fire_station_reach
from .inputs import _number, direction_codes, road_speeds
from .results import ReachOptions, ReachResult
from .tables import class_limits

__all__ = ["ALGORITHM_NOTE", "CLASS_LIMIT_BY_CODE", "DEFAULT_SPEED_PRESET", "SPEED_PRESETS",
           "STATION_CLASS_LIMITS", "TIME_RULE_MIN", "TURNOUT_CONVENTION_MIN", "ReachOptions", "ReachResult",
           "SpeedPreset", "StationClassLimit", "_number", "class_limit_km2", "class_limits", "direction_codes",
           "fire_station_reach", "road_speeds"]
