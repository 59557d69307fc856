"""Resource coverage (``riskatlas:resourcecoverage``): which land, residents and key targets rescue teams or
supply depots reach within a named time limit on the road network, and what each township leaves out.

Method: the fire-station reach engine (``core.fire_reach``, its docstring has the rules) with the resources
as its stations — one multi-source search with each resource's turnout as its start offset, the land rule
on a grid, residents by area-weighted apportioning, key targets by the land rule at the target itself —
so a resource's arrival at a point equals what ``riskatlas:firestationreach`` gives for a station there.
Time limits are named presets with their source (``core.standards.emergency_resources``); an arrival at
exactly the limit is in time. Per township (``townships``): residents reached and left out (the engine's
own counts placed in the townships by their residents), key targets and their occupancy left out, and
the resources stationed there.

Rooms: ``analysis`` (``resource_coverage`` and its inputs), ``townships`` (the per-township table).
"""
from .analysis import CoverageResult, KeyTargets, Resources, Townships, resource_coverage

__all__ = ["CoverageResult", "KeyTargets", "Resources", "Townships", "resource_coverage"]
