"""A built road network kept for the session (``NetworkCache``): the second query on the same roads with the
same speed parameters skips reading and building them. The caller makes the key (the roads' source, their
feature count and modification state, the speed and direction parameters); nothing here knows of QGIS."""
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any


class NetworkCache:
    """At most ``size`` entries, the least recently used dropped first."""

    def __init__(self, size: int = 4) -> None:
        self.size = size
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()

    def get(self, key: Hashable, build: Callable[[], Any]) -> tuple[Any, bool]:
        """(the entry of ``key``, True) when kept, else (``build()``, False) — kept for next time."""
        if key in self._entries:
            self._entries.move_to_end(key)
            return self._entries[key], True
        value = build()
        self._entries[key] = value
        while len(self._entries) > self.size:
            self._entries.popitem(last=False)
        return value, False

    def clear(self) -> None:
        self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)
