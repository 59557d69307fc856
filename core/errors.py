"""Errors raised by core with enough context for a planner to find the bad record."""
from collections.abc import Iterable
from typing import Any


class InputError(ValueError):
    """Bad input that stops an analysis: names the layer, feature id(s) and field."""

    def __init__(self, message: str, layer: str | None = None, feature_ids: Iterable[Any] | None = None,
                 field: str | None = None) -> None:
        self.layer, self.field = layer, field
        self.feature_ids = list(feature_ids) if feature_ids is not None else []
        where = []
        if layer:
            where.append(f"layer '{layer}'")
        if self.feature_ids:
            shown = ", ".join(str(f) for f in self.feature_ids[:10])
            more = f" and {len(self.feature_ids) - 10} more" if len(self.feature_ids) > 10 else ""
            where.append(f"feature id {shown}{more}")
        if field:
            where.append(f"field '{field}'")
        self.message = message
        super().__init__(f"{'; '.join(where)}: {message}" if where else message)
