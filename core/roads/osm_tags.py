"""OSM tags of a GDAL OSM import: the ``other_tags`` hstore string into columns.

GDAL's OSM driver keeps the tags it has no column for in ``other_tags``, written as an hstore
string: ``"maxspeed"=>"60","oneway"=>"yes"`` (a ``"`` or ``\\`` inside a key or value is escaped
with ``\\``). ``parse_other_tags`` pulls the asked keys out of a whole column at once (pandas'
vectorised regular expressions, no loop over roads).

Implied one-way roads (OpenStreetMap Wiki, Key:oneway): ``junction=roundabout`` (and
``circular``) are one-way in the digitising direction without an ``oneway`` tag, and so is
``highway=motorway`` (each carriageway is mapped as its own line); an explicit ``oneway`` wins.
"""
import re
from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt

IMPLIED_ONEWAY_JUNCTIONS = ("roundabout", "circular")
IMPLIED_ONEWAY_HIGHWAYS = ("motorway",)
_VALUE = r'"((?:[^"\\]|\\.)*)"'


def parse_other_tags(values: npt.ArrayLike, keys: Iterable[str]) -> dict[str, np.ndarray]:
    """{key: object array of the key's value per row (None where the row has no such tag)}."""
    import pandas as pd

    text = pd.Series(np.asarray(values, dtype=object).ravel(), dtype=object)
    present = text.map(lambda v: isinstance(v, str))
    strings = text.where(present, "").astype(str)
    out = {}
    for key in keys:
        escaped = re.escape(key.replace("\\", "\\\\").replace('"', '\\"'))
        found = strings.str.extract(rf'(?:^|,)\s*"{escaped}"\s*=>\s*{_VALUE}', expand=False)
        found = found.where(found.notna(), None)
        unescaped = found.map(lambda v: None if v is None else re.sub(r"\\(.)", r"\1", v))
        out[key] = unescaped.to_numpy(dtype=object)
    return out


def implied_oneway(oneway: Sequence[object], highway: Sequence[object] | None = None,
                   junction: Sequence[object] | None = None) -> np.ndarray:
    """The ``oneway`` values with OSM's implied one-way roads filled in ("yes" where no oneway
    tag is given and the junction or highway value implies one)."""
    values = np.asarray(oneway, dtype=object).copy()
    empty = np.array([v is None or (isinstance(v, str) and not v.strip()) for v in values], dtype=bool)
    implied = np.zeros(len(values), dtype=bool)
    for column, words in ((junction, IMPLIED_ONEWAY_JUNCTIONS), (highway, IMPLIED_ONEWAY_HIGHWAYS)):
        if column is not None:
            implied |= np.isin(np.array([str(v).strip().lower() if v is not None else "" for v in column],
                                        dtype=object), words)
    values[empty & implied] = "yes"
    return values
