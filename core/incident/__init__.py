"""What surrounds an incident (周边分析): people, key targets, enterprises, hazard units and shelters within
distance rings, and the nearest responders on the road network with their arrival times (pure: numpy, scipy,
shapely, pandas).

Method (``riskatlas:incidentsurroundings``):

* Rings are cumulative: ring r is the buffer of r metres around the incident's geometry (a disc for a point).
  A feature counts in a ring when it intersects it — its distance to the incident is ≤ r (inclusive, exact:
  GEOS ``dwithin``). The incident's own feature (an identical geometry in a counted layer, e.g. the hazard
  unit the incident is) is not counted in its own rings.
* Residents: the population polygons apportioned by area to the ring (``core.apportion``, as the exposure
  and the reach analyses do; the ring drawn with 32 segments per quarter circle).
* Key targets: their number and summed occupancy (empty occupancy counts 0). Enterprises and hazard units:
  their number (secondary-accident risk).
* Shelters: spare capacity = capacity − the residents the shelter-per-capita analysis assigns to it (its
  2SFCA served residents, ``core.shelter_capacity`` METHOD 1 with its defaults); a shelter without a capacity
  holds its effective area ÷ the per-capita target; an overloaded shelter has no spare capacity (0, never
  negative); shelters of types the analysis does not count have no residents assigned.
* Responders (fire stations, rescue teams, supply depots) on the road network: each arrives after its
  turnout (DEFAULT_TURNOUT where empty) plus the driving time to the nearest road point within the access
  distance of the incident — the land rule of ``riskatlas:firestationreach`` (its snapping, turnout and
  access rules), so a fire station's arrival equals that analysis's OUTPUT_TARGETS arrival for the same
  point when the station is the first there. One search back from each incident (``core.network.backward``)
  gives every responder's time. The N nearest of each kind by arrival are listed; ``distance_m`` is the
  straight-line distance. Without roads the N nearest by straight-line distance are listed, without times.

Rooms: ``rings`` (parse RINGS, the ring table), ``shelters`` (spare capacity per shelter), ``responders``
(the nearest responders), ``cache`` (a built network kept for the session).
"""
from .cache import NetworkCache
from .responders import Responders, nearest_responders
from .rings import Counted, parse_rings, ring_geometries, ring_table
from .shelters import spare_capacity

__all__ = ["Counted", "NetworkCache", "Responders", "nearest_responders", "parse_rings", "ring_geometries",
           "ring_table", "spare_capacity"]
