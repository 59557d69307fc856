"""Road network graph and multi-source shortest-path search (pure: numpy, scipy, shapely).

Network semantics follow QGIS's network analysis (``QgsGraphBuilder`` / service area), so
results can be compared with ``native:serviceareafromlayer``:

* every line vertex is a graph node; vertices closer than ``node_tolerance`` are one node
  (so lines join where they share a vertex); multipart lines are split into their parts;
* each segment between consecutive vertices is an edge, with its length (m) and, when
  speeds are given, its travel time in minutes (else its cost is its length in metres);
* one-way rules are relative to the digitising direction ("forward" = from the first to the
  last vertex);
* a point (a fire station, a shelter) enters the network at the nearest point of the nearest
  segment; the off-road leg costs nothing; the segment is split there (QGIS's tied points).

Rooms (one job each): ``graph`` (build_network, chains, components, edge_lines), ``snapping``
(locate), ``multi_source`` (search), ``contracted`` (the same search on the contracted graph,
checked bit for bit), ``reached`` (reached_parts: cutting edges at meeting and limit points),
``near_roads`` (earliest_within: the land rule), ``each_source`` (search_each: an
independent bounded search from each of many points, for siting), ``backward`` (arrivals_at: every
responder's arrival at a place, searching back from it). All coordinates are planar, in metres (the
caller reprojects). This package's names below are the stable API (also used by the shelter
analysis; keep it backwards compatible).
"""
from .backward import arrivals_at, arrivals_from, times_to_places
from .each_source import search_each
from .graph import (BACKWARD, BOTH, FORWARD, METRES_PER_MINUTE_PER_KMH, RoadNetwork, build_network, components,
                    edge_lines)
from .multi_source import SearchResult, search
from .near_roads import earliest_within, within_distance
from .reached import ReachedParts, cost_at, reached_parts, reached_parts_at
from .snapping import Location, locate

__all__ = ["BACKWARD", "BOTH", "FORWARD", "METRES_PER_MINUTE_PER_KMH", "Location", "ReachedParts", "RoadNetwork",
           "SearchResult", "arrivals_at", "arrivals_from", "build_network", "components", "cost_at", "earliest_within",
           "edge_lines", "locate", "reached_parts", "reached_parts_at", "search", "search_each", "times_to_places",
           "within_distance"]
