"""A ledger's mapped columns read into the schema's fields — step two of an import.

Per field, by its type in the layer schema (``field_types``: field → "string" / "int" /
"double" / "bool", from ``layers.schemas``):

* a field with a code table (``codes.has_code_table``) — station class, shelter type, oneway,
  standardisation grade, hazard category, yes/no fields — goes through ``codes.read_codes``:
  every distinct value that changed, is unknown, ambiguous or outside GB 18218 Table 2 gets a line;
* numbers go through ``core.values.parse_numbers`` (units of the field's dimension, thousands
  separators, full-width digits), times the unit factor of the header (万人 → 10000); values
  read only after such a step are reported per distinct value, unparseable ones too; an
  integer field refuses fractions;
* text (ids, names) is kept as written, stripped — ids stay text.

Unknown or unparseable values of a required field, and ambiguous values anywhere, stop the
import (error lines); elsewhere they become empty with a warning. Derived codes: a road's
Chinese class (``class_cn``) is read from the same column as its class when the table knows it.
A hazard record whose substance is empty, or not a GB 18218 Table 1 name while its CAS column
is, takes the CAS number.
"""
from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..standards.gb18218 import lookup_substance
from ..values import parse_numbers
from . import codes as cd
from . import report as rp
from .headers import HeaderMapping, required_fields
from .report import ReportLine, value_text
from .text import FIELD_DIMENSIONS

STRING, INT, DOUBLE, BOOL = "string", "int", "double", "bool"
DERIVED = {("roads", "class"): ("class_cn",)}  # codes read from the column of another field


def _changes_lines(kind: str, field: str, column: str, recoded: cd.Recoded, numbers: np.ndarray,
                   required: bool) -> list[ReportLine]:
    lines = []
    for change in recoded.changes:
        rows = tuple(int(numbers[i]) for i in change.rows)
        if change.status == cd.RECODED:
            severity = rp.INFO
        elif change.status == cd.NOT_LISTED_STATUS:
            severity = rp.WARNING
        else:
            severity = rp.ERROR if required or change.status == cd.AMBIGUOUS else rp.WARNING
        detail = " / ".join(map(str, change.candidates)) if change.candidates else change.note
        lines.append(ReportLine(rp.VALUE, change.status, severity, column, field, value_text(change.value),
                                value_text(change.code), rows, detail))
    return lines


def _numbers(kind: str, field: str, column: str, values: np.ndarray, factor: float, integer: bool,
             numbers: np.ndarray, required: bool) -> tuple[np.ndarray, list[ReportLine]]:
    parsed = parse_numbers(values, dimension=FIELD_DIMENSIONS.get(field))
    result = parsed.values * factor
    lines = []
    bad = parsed.invalid | np.isinf(result)  # infinity is no number (as validation says)
    result[np.isinf(result)] = np.nan
    if integer:
        fraction = np.isfinite(result) & (result != np.round(result))
        if fraction.any():
            lines += _distinct(rp.NOT_WHOLE, rp.ERROR if required else rp.WARNING, column, field, values,
                               fraction, numbers, result)
            result[fraction] = np.nan
        huge = np.isfinite(result) & (np.abs(result) >= 2.0 ** 53)  # beyond what a whole-number field holds exactly
        if huge.any():
            lines += _distinct(rp.TOO_LARGE, rp.ERROR if required else rp.WARNING, column, field, values,
                               huge, numbers, result)
            result[huge] = np.nan
    if bad.any():
        lines += _distinct(rp.UNPARSEABLE, rp.ERROR if required else rp.WARNING, column, field, values, bad,
                           numbers, result)
    rewritten = parsed.rewritten if parsed.rewritten is not None else np.zeros(len(values), dtype=bool)
    if rewritten.any():
        lines += _distinct(rp.READ, rp.INFO, column, field, values, rewritten, numbers, result)
    return result, lines


def _distinct(status: str, severity: str, column: str, field: str, values: np.ndarray, mask: np.ndarray,
              numbers: np.ndarray, result: np.ndarray) -> list[ReportLine]:
    """One line per distinct value of the masked rows."""
    texts = np.array([value_text(v) for v in values[mask]], dtype=object)
    rows, read = numbers[mask], result[mask]
    lines = []
    for text in dict.fromkeys(texts):
        where = texts == text
        first = read[where][0]
        shown = "" if np.isnan(first) else f"{first:.10g}"
        lines.append(ReportLine(rp.NUMBER, status, severity, column, field, text, shown,
                                tuple(int(r) for r in rows[where])))
    return lines


def _substance_from_cas(substance: np.ndarray, cas: np.ndarray, numbers: np.ndarray,
                        column: str) -> tuple[np.ndarray, list[ReportLine]]:
    known_name = np.array([s is not None and bool(lookup_substance(s)) for s in substance], dtype=bool)
    known_cas = np.array([c is not None and bool(lookup_substance(c)) for c in cas], dtype=bool)
    use = ~known_name & known_cas
    if not use.any():
        return substance, []
    result = substance.copy()
    result[use] = cas[use]
    lines = [ReportLine(rp.VALUE, rp.CAS_USED, rp.INFO, column, "substance", value_text(name), str(number),
                        tuple(int(r) for r in numbers[use & (substance == name) & (cas == number)]))
             for name, number in dict.fromkeys(zip(substance[use], cas[use]))]
    return result, lines


def _text(values: np.ndarray) -> np.ndarray:
    return np.array([None if v is None else value_text(v).strip() or None for v in values], dtype=object)


def read_columns(cells: np.ndarray, row_numbers: np.ndarray, mapping: HeaderMapping,
                 field_types: Mapping[str, str]) -> tuple[pd.DataFrame, list[ReportLine]]:
    """The schema fields (``field_types``) of the data rows, typed, and the report lines (module doc).

    Fields without a column are left out; derived code fields are added when read."""
    kind, required = mapping.kind, set(required_fields(mapping.kind))
    data: dict[str, object] = {}
    lines: list[ReportLine] = []
    for field, kind_of in field_types.items():
        column = mapping.field_columns.get(field)
        if column is None:
            continue
        header = mapping.columns[column].header
        values = cells[:, column]
        if cd.has_code_table(kind, field):
            recoded = cd.read_codes(kind, field, values)
            lines += _changes_lines(kind, field, header, recoded, row_numbers, field in required)
            data[field] = recoded.codes
            for derived in DERIVED.get((kind, field), ()):
                extra = cd.read_codes(kind, derived, values).codes
                if any(c is not None for c in extra):
                    data[derived] = extra
        elif kind_of in (INT, DOUBLE):
            numbers, found = _numbers(kind, field, header, values, mapping.factors.get(field, 1.0), kind_of == INT,
                                      row_numbers, field in required)
            lines += found
            data[field] = pd.array(numbers, dtype="Int64") if kind_of == INT else numbers
        else:
            data[field] = _text(values)
    if kind == "hazard_sources" and "cas" in mapping.field_columns and "substance" in data:
        cas_column = mapping.field_columns["cas"]
        data["substance"], found = _substance_from_cas(np.asarray(data["substance"], dtype=object),
                                                       _text(cells[:, cas_column]), row_numbers,
                                                       mapping.columns[cas_column].header)
        lines += found
    return pd.DataFrame(data, index=pd.RangeIndex(len(cells))), lines
