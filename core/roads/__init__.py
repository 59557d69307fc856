"""Road attributes as bureaus and OpenStreetMap write them, read for the network analyses.

* ``osm_tags`` — the ``other_tags`` column of GDAL's OSM driver (``"maxspeed"=>"60","oneway"=>"yes"``)
  into columns; OSM's implied one-way roads;
* ``maxspeed`` — posted limits ("60", "60 km/h", "30 mph", "CN:urban" …) in km/h;
* ``speeds`` — a road's speed from its class through a speed table (``core.standards.road_speeds``),
  reading Chinese labels and codes through the one code table (``core.ledger``);
* ``directions`` — one-way values, each direction given as a list ("yes;1;true;是;单行").

Pure numpy/pandas: no qgis or Qt import.
"""
from .directions import DIRECTION_DEFAULTS, REVERSIBLE_VALUES, Directions, read_directions, split_values
from .maxspeed import IMPLICIT_MAXSPEED_KMH, MaxSpeeds, parse_maxspeed
from .osm_tags import implied_oneway, parse_other_tags
from .speeds import ClassSpeeds, RoadSpeeds, class_speeds, road_speeds

__all__ = ["DIRECTION_DEFAULTS", "IMPLICIT_MAXSPEED_KMH", "REVERSIBLE_VALUES", "ClassSpeeds", "Directions",
           "MaxSpeeds", "RoadSpeeds", "class_speeds", "implied_oneway", "parse_maxspeed", "parse_other_tags",
           "read_directions", "road_speeds", "split_values"]
