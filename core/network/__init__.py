"""Road network graph and search (moved from core/network.py; split by concern next)."""
from .graph import (BACKWARD, BOTH, FORWARD, METRES_PER_MINUTE_PER_KMH, Location, ReachedParts,  # noqa: F401
                    RoadNetwork, SearchResult, build_network, components, cost_at, earliest_within, edge_lines,
                    locate, reached_parts, reached_parts_at, search)
