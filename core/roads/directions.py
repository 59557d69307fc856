"""One-way values: which direction a road may be driven, from the direction field.

Each direction is given as a list of values separated by ``;`` (or ``；``), e.g. forward
``forward;yes;1;true;是;单行`` (the VALUE_FORWARD default; OSM ``oneway=yes``), backward
``backward;-1`` (OSM ``oneway=-1``: one-way against the digitising direction), both
``both;no;0;false;否;双向``. Values are compared after NFKC, case-folding and dropping spaces
(``core.ledger.text.normalise_value``). A value in none of the lists is read through the one code
table (``core.ledger.codes.read_codes``: 单向/双行/FT/TF …, yes/no words through ``core.values``); what is still not
known means both directions (QGIS's default) and is counted.

Reversible roads (OSM ``oneway=reversible``/``alternating``, 潮汐车道) change direction by the time
of day: they are driven both ways (an emergency vehicle may use either) and counted, so that the
caller can warn.
"""
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ..ledger.text import normalise_value
from ..network import BACKWARD, BOTH, FORWARD

DIRECTION_DEFAULTS = {"forward": "forward;yes;1;true;是;单行", "backward": "backward;-1",
                      "both": "both;no;0;false;否;双向"}  # VALUE_FORWARD / VALUE_BACKWARD / VALUE_BOTH
REVERSIBLE_VALUES = ("reversible", "alternating", "潮汐", "潮汐车道", "可变车道")
_CODES = {"forward": FORWARD, "backward": BACKWARD, "both": BOTH}


@dataclass(frozen=True)
class Directions:
    """network FORWARD/BACKWARD/BOTH per road; ``unknown``: values read as both directions for want
    of a meaning (empty ones included); ``reversible``: reversible roads (driven both ways)."""

    codes: np.ndarray
    unknown: int
    reversible: int


def split_values(values: object) -> tuple[str, ...]:
    """The values of one direction: a list, or a text with ``;``/``；`` between values."""
    if values is None:
        return ()
    if isinstance(values, str):
        items: Iterable[object] = values.replace("；", ";").split(";")
    elif isinstance(values, Iterable):
        items = values
    else:
        items = (values,)
    return tuple(t for t in (str(v).strip() for v in items) if t)


def _table_codes(keys: np.ndarray) -> np.ndarray:
    """Codes ("forward", "backward", "both" or None) of values outside the lists, by the code table
    (with the project's one yes/no reader)."""
    from ..ledger.codes import read_codes

    return read_codes("roads", "oneway", keys).codes


def read_directions(values: Sequence[object] | npt.ArrayLike, forward: object = DIRECTION_DEFAULTS["forward"],
                    backward: object = DIRECTION_DEFAULTS["backward"],
                    both: object = DIRECTION_DEFAULTS["both"]) -> Directions:
    """Directions of the roads from their direction values (see module doc)."""
    import pandas as pd

    # each distinct value normalised once (a million roads hold a handful); missing values are ''
    codes, distinct = pd.factorize(np.asarray(values, dtype=object).ravel())
    normalised = np.array([normalise_value(v) for v in distinct] + [""], dtype=object)
    keys = normalised[codes]  # code -1 (missing): the '' at the end
    listed: dict[str, str] = {}
    for code, words in (("both", both), ("backward", backward), ("forward", forward)):  # forward wins a clash
        listed.update({normalise_value(w): code for w in split_values(words)})
    unique, inverse = np.unique(keys, return_inverse=True) if len(keys) else (keys, np.zeros(0, dtype=np.intp))
    named = np.array([listed.get(k) for k in unique], dtype=object)
    reversible = np.isin(unique, [normalise_value(w) for w in REVERSIBLE_VALUES]) & (named == None)  # noqa: E711
    rest = (named == None) & ~reversible & (unique != "")  # noqa: E711
    if rest.any():
        named[rest] = _table_codes(unique[rest])
    codes = np.array([_CODES.get(c, BOTH) if c is not None else BOTH for c in named], dtype=np.int8)
    known = (named != None) | reversible  # noqa: E711
    return Directions(codes[inverse].astype(np.int8), int((~known[inverse]).sum()), int(reversible[inverse].sum()))
