"""The import report as data: one ``ReportLine`` per header, distinct value, coordinate problem or
skipped row, by the row numbers a user sees (Excel rows, CSV lines, feature ids).

Lines carry codes and values, not sentences: ``layers`` turns each (section, status) into a
message in the UI language. ``compress_rows`` writes row lists the way a spreadsheet user reads
them ("4–2903, 2907").
"""
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

INFO, WARNING, ERROR = "info", "warning", "error"

# sections
KIND, HEADER, VALUE, NUMBER, COORDINATE, ROW = "kind", "header", "value", "number", "coordinate", "row"

# statuses beyond those of headers.py / codes.py
RECOGNISED, GIVEN, NOT_RECOGNISED, AMBIGUOUS_KIND = "recognised", "given", "not_recognised", "ambiguous_kind"
NO_HEADER, MISSING_REQUIRED, FIELD_MAP_PROBLEM, UNIT = "no_header", "missing_required", "field_map", "unit"
READ, UNPARSEABLE, NOT_WHOLE, TOO_LARGE = "read", "unparseable", "not_whole", "too_large"
SKIPPED_EMPTY, SKIPPED_NO_KEY, CAS_USED = "skipped_empty", "skipped_no_key", "cas_used"
NO_COORDINATES, COORDINATE_COLUMNS, BAD_COORDINATES, SWAPPED, OUTSIDE_BOX = (
    "no_coordinates", "coordinate_columns", "bad_coordinates", "swapped", "outside_box")
LOOKS_PROJECTED, CONVERTED, OUTSIDE_STUDY_AREA, BAD_WKT = (
    "looks_projected", "converted", "outside_study_area", "bad_wkt")
TARGET_CRS, SOURCE, ENCODING = "target_crs", "source", "encoding"


@dataclass(frozen=True)
class ReportLine:
    """One line of the import report.

    ``rows``: the user's row numbers it concerns (empty for a header or the whole table);
    ``value``: as written; ``result``: what it became; ``detail``: codes or numbers that complete
    the message (candidates "class1 / class2", a unit, a FIELD_MAP hint, a count)."""

    section: str
    status: str
    severity: str
    column: str = ""
    field: str = ""
    value: str = ""
    result: str = ""
    rows: tuple[int, ...] = ()
    detail: str = ""

    @property
    def stops(self) -> bool:
        return self.severity == ERROR


def compress_rows(rows: Iterable[int], limit: int = 0) -> str:
    """'4–7, 9, 12–13' (an en dash for runs); ``limit`` > 0 shows that many runs then '… (n rows)'."""
    numbers = sorted(set(int(r) for r in rows))
    if not numbers:
        return ""
    runs: list[tuple[int, int]] = []
    start = previous = numbers[0]
    for number in numbers[1:]:
        if number != previous + 1:
            runs.append((start, previous))
            start = number
        previous = number
    runs.append((start, previous))
    shown = runs[:limit] if limit > 0 else runs
    text = ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in shown)
    if len(shown) < len(runs):
        text += f", … ({len(numbers)} rows)"
    return text


def rows_of(mask: np.ndarray, row_numbers: Sequence[int]) -> tuple[int, ...]:
    """The user's row numbers where ``mask`` is True."""
    return tuple(int(r) for r in np.asarray(row_numbers)[np.asarray(mask, dtype=bool)])


def value_text(value: object) -> str:
    """A cell as report text ('' for None)."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
