"""Shelter area per capita (moved from core/shelter_capacity.py and core/shelter_network.py; split next)."""
from .analysis import *  # noqa: F401,F403
from .analysis import _kdtree_pairs, _too_many_candidates  # noqa: F401
from .network_pairs import NOT_WALKABLE_CLASSES, network_pairs_function, walkable, walking_pairs  # noqa: F401
