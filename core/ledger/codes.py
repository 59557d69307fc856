"""Recode ledger values through the code table: ``recode(kind, field, values)``.

Per value, in this order: empty (None, '', '/', '-' …) → None, status ``empty``; an explicit
``extra`` value map (user's choice) wins; a code of the table as written → ``code``; a label
of the table → ``recoded``; the label without a bracketed remark ("三级(小微)" → 三级) →
``recoded``; a label listed as ambiguous → ``ambiguous`` with candidates; a yes/no value read
by the ``boolean`` callable (the project's one boolean parser, ``core.values``) for fields
that take one (oneway yes → forward) → ``recoded``; otherwise ``unknown``. Unknown and
ambiguous values give None: they are reported, never guessed.

``hazard_sources.hazard_cat`` is read by ``hazard_labels.read_hazard_categories``: several
categories in one cell are joined with "," ("W5.1,J3"; ``gb18218.parse_categories`` reads that).
"""
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ..standards.gb18218 import CATEGORY_CODES
from .code_tables import TABLES, Code, CodeTable
from .hazard_labels import NOT_LISTED, read_hazard_categories
from .text import normalise_value

CODE, RECODED, EMPTY, AMBIGUOUS, UNKNOWN, NOT_LISTED_STATUS = (
    "code", "recoded", "empty", "ambiguous", "unknown", "not_listed")
Boolean = Callable[[object], bool | None]
# What one distinct value becomes: (code or None, status, candidate codes, note).
Outcome = tuple[object, str, tuple[object, ...], str]


@dataclass(frozen=True)
class ValueChange:
    """One distinct value of the column: what it became, why, and on which rows (0-based)."""

    value: object
    code: object
    status: str
    rows: tuple[int, ...]
    candidates: tuple[object, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Recoded:
    """``codes`` (object array, None where empty/unknown/ambiguous), ``status`` per row and
    ``changes``: one ``ValueChange`` per distinct value that is not already a code."""

    codes: np.ndarray
    status: np.ndarray
    changes: tuple[ValueChange, ...]

    def count(self, status: str) -> int:
        return int((self.status == status).sum())

    @property
    def problems(self) -> tuple[ValueChange, ...]:
        return tuple(c for c in self.changes if c.status in (UNKNOWN, AMBIGUOUS))


def has_code_table(kind: str, field: str) -> bool:
    return (kind, field) in TABLES or (kind, field) == ("hazard_sources", "hazard_cat")


def code_choices(kind: str, field: str, language: str = "zh") -> tuple[tuple[str, Code], ...]:
    """(display name, code) of every code of ``kind.field``, in table order: the drop-down of a
    value map or an Excel template. Each name reads back as its code through ``recode``."""
    table = TABLES.get((kind, field))
    if table is None:
        if not has_code_table(kind, field):
            raise KeyError(f"no code table for {kind}.{field}")
        return tuple((code, code) for code in CATEGORY_CODES)
    return tuple((table.display(code, language), code) for code in table.codes)


def code_of(kind: str, field: str, value: object) -> object:
    """The code of one value through ``read_codes`` (None when empty, unknown or ambiguous)."""
    return read_codes(kind, field, np.array([value], dtype=object)).codes[0]


def read_codes(kind: str, field: str, values: npt.ArrayLike, extra: Mapping[str, object] | None = None) -> Recoded:
    """``recode`` with the project's one yes/no reader (``core.values.yes_no``): how validation and
    every algorithm read a coded field."""
    from ..values import yes_no

    return recode(kind, field, values, boolean=yes_no, extra=extra)


def _lookup(table: CodeTable, key: str, extra: Mapping[str, object], boolean: Boolean | None, raw: object) -> Outcome:
    """(code, status, candidates, note) of one normalised value."""
    if key in extra:
        return extra[key], RECODED, (), "value map"
    if key in table.labels:
        code = table.labels[key]
        return code, CODE if isinstance(code, str) and key == code.casefold() else RECODED, (), ""
    bare = re.sub(r"\([^()]*\)", "", key)
    if bare and bare != key and bare in table.labels:
        return table.labels[bare], RECODED, (), "bracketed remark ignored"
    if key in table.ambiguous:
        return None, AMBIGUOUS, table.ambiguous[key], f"{raw} could be {' / '.join(map(str, table.ambiguous[key]))}"
    if table.true_code is not None and boolean is not None:
        flag = boolean(raw)
        if flag is not None:
            return (table.true_code if flag else table.false_code), RECODED, (), "yes/no value"
    return None, UNKNOWN, (), f"{raw} is not a known {table.name} value"


def _hazard(raw: object) -> Outcome:
    reading = read_hazard_categories(raw)
    if reading.ambiguous:
        text = "; ".join(f"{piece}: {' / '.join('not listed' if c == NOT_LISTED else c for c in cs)}"
                         for piece, cs in reading.ambiguous)
        return None, AMBIGUOUS, tuple(c for _, cs in reading.ambiguous for c in cs), text
    if reading.unknown:
        return None, UNKNOWN, (), f"{raw} is not a hazard category"
    if not reading.codes:
        return None, NOT_LISTED_STATUS, (), "not a GB 18218 Table 2 category: " + "; ".join(reading.not_listed)
    code = ",".join(reading.codes)
    exact = normalise_value(raw) == code.casefold()
    note = ("other classes not in Table 2 dropped: " + "; ".join(reading.not_listed)) if reading.not_listed else ""
    return code, CODE if exact and not note else RECODED, (), note


def _normalised_keys(cells: np.ndarray, keep: set[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``np.unique(keys, return_index=True, return_inverse=True)`` of the cells' normalised keys.
    A text column (a road layer's million "both") is normalised once per distinct value; the
    result is the same as normalising every cell."""
    import pandas as pd

    if len(cells) > 1000 and pd.api.types.infer_dtype(cells, skipna=True) in ("string", "empty"):
        raw_codes, distinct = pd.factorize(cells, use_na_sentinel=True)
        if all(v is None for v in cells[raw_codes < 0]):  # (NaN, NA: other missing marks, cell by cell)
            distinct_keys = np.array([normalise_value(v, keep) for v in distinct] + [normalise_value(None, keep)],
                                     dtype=object)
            unique, key_of_distinct = np.unique(distinct_keys, return_inverse=True)
            inverse = key_of_distinct[raw_codes]  # code -1 (None) takes the last entry
            first_cell = np.full(len(distinct_keys), len(cells), dtype=np.int64)
            first_cell[raw_codes[::-1]] = np.arange(len(cells))[::-1]  # first cell of each distinct value
            first = np.full(len(unique), len(cells), dtype=np.int64)
            np.minimum.at(first, key_of_distinct, first_cell)
            return unique, first, inverse
    keys = np.array([normalise_value(v, keep) for v in cells], dtype=object)
    return np.unique(keys, return_index=True, return_inverse=True)


def recode(kind: str, field: str, values: npt.ArrayLike, boolean: Boolean | None = None,
           extra: Mapping[str, object] | None = None) -> Recoded:
    """Codes for a column of ``kind.field`` from its ledger values (see module doc).

    ``boolean``: a callable reading yes/no values (→ True/False, None when not one); ``extra``:
    a value map {label: code} that wins over the table. Raises KeyError when the field has no
    code table (``has_code_table``)."""
    if not has_code_table(kind, field):
        raise KeyError(f"no code table for {kind}.{field}")
    table = TABLES.get((kind, field))
    extra_keys = {normalise_value(k): v for k, v in (extra or {}).items()}
    cells = np.asarray(values, dtype=object).ravel()
    keep = set(table.labels) if table is not None else set()
    codes = np.full(len(cells), None, dtype=object)
    status = np.full(len(cells), EMPTY, dtype="<U10")
    changes: list[ValueChange] = []
    if len(cells):
        unique, first, inverse = _normalised_keys(cells, keep)
        for u, (key, at) in enumerate(zip(unique, first)):
            if not key:
                continue
            raw = cells[at]
            if table is None and key not in extra_keys:
                code, how, candidates, note = _hazard(raw)
            else:
                code, how, candidates, note = _lookup(table or CodeTable("", (), {}), key, extra_keys, boolean, raw)
            rows = np.flatnonzero(inverse == u)
            codes[rows], status[rows] = code, how
            if how != CODE:
                changes.append(ValueChange(raw, code, how, tuple(int(r) for r in rows), tuple(candidates), note))
    return Recoded(codes, status, tuple(changes))
