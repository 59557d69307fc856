"""Kept for the import in processing/alg_shelter_per_capita.py: the walking pairs live in
``core.shelter_capacity.network_pairs`` (import them from ``core.shelter_capacity``)."""
from .shelter_capacity.network_pairs import NOT_WALKABLE_CLASSES, network_pairs_function, walkable, walking_pairs

__all__ = ["NOT_WALKABLE_CLASSES", "network_pairs_function", "walkable", "walking_pairs"]
