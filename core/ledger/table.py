"""A ledger table's header row, layer kind, column mapping and data rows — step one of an import.

``SourceTable`` holds the cells as read (text, every column: credit codes and leading zeros
survive) and each row's number as the user sees it. ``locate_columns``:

1. the header row among the first rows (``recognise.detect_header_row``; a merged title row
   loses), unless the source names its columns itself (a vector layer's fields);
2. the kind: as given, else recognised from the headers (``recognise.recognise_kind``); not
   recognised or tied → a stopping line with the ranking;
3. the mapping (``headers.map_headers``) with the explicit FIELD_MAP, and X_FIELD / Y_FIELD as
   explicit x / y columns; every column gets a line (mapped, unmapped, ambiguous …);
4. the data rows: rows below the header, without empty rows and without rows whose every required
   field is empty (a total line, a footnote), each skip reported.
"""
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from . import headers as hd
from . import report as rp
from .recognise import HeaderRow, KindGuess, detect_header_row, recognise_kind
from .report import ReportLine
from .synonyms import SYNONYMS


@dataclass(frozen=True)
class SourceTable:
    """Cells as read and the row numbers a user sees. ``headers`` given: the rows are data rows
    under those headers (a vector layer's field names); None: the header row is searched."""

    rows: Sequence[Sequence[object]] | np.ndarray  # a list of rows, or a (rows × columns) object array
    row_numbers: Sequence[int]
    headers: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Columns:
    """What ``locate_columns`` found; ``kind`` None when it stopped before knowing it."""

    kind: str | None
    guess: KindGuess | None
    header_row: HeaderRow | None
    headers: tuple[str, ...]
    mapping: hd.HeaderMapping | None
    cells: np.ndarray  # (data rows × columns) object array of the cells kept
    row_numbers: np.ndarray  # per data row
    lines: tuple[ReportLine, ...]


def _cell(value: object) -> object:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, str):
        text = value.strip()
        return text or None
    return value


_CELL = np.frompyfunc(_cell, 1, 1)


def _grid(rows: Sequence[Sequence[object]] | np.ndarray, width: int) -> np.ndarray:
    """The cells as a (rows × width) object array, text stripped, empty text as None."""
    grid = np.full((len(rows), width), None, dtype=object)
    if isinstance(rows, np.ndarray) and rows.ndim == 2:
        grid[:, :rows.shape[1]] = rows[:, :width]
    else:
        for i, row in enumerate(rows):
            cells = list(row)[:width]
            grid[i, :len(cells)] = cells
    return _CELL(grid).astype(object) if grid.size else grid


def _width(rows: Sequence[Sequence[object]] | np.ndarray) -> int:
    if isinstance(rows, np.ndarray) and rows.ndim == 2:
        return int(rows.shape[1])
    return max((len(r) for r in rows), default=0)


def _kind(headers: Sequence[str], kind: str | None) -> tuple[str | None, KindGuess | None, list[ReportLine]]:
    if kind:
        return kind, None, [ReportLine(rp.KIND, rp.GIVEN, rp.INFO, result=kind)]
    guess = recognise_kind(headers)
    ranking = "; ".join(f"{k} {share:.0%}" for k, share, _ in guess.ranking[:3])
    if guess.kind:
        return guess.kind, guess, [ReportLine(rp.KIND, rp.RECOGNISED, rp.INFO, result=guess.kind, detail=ranking)]
    status = rp.AMBIGUOUS_KIND if guess.ambiguous else rp.NOT_RECOGNISED
    detail = " / ".join(guess.tied) if guess.ambiguous else ranking
    return None, guess, [ReportLine(rp.KIND, status, rp.ERROR, detail=detail)]


def _field_map(field_map: str | None, x_field: str | None, y_field: str | None) -> dict[str, str]:
    mapping = hd.parse_field_map(field_map)
    for column, target in ((x_field, "x"), (y_field, "y")):
        if column:
            mapping[str(column)] = target
    return mapping


_HEADER_SEVERITY = {hd.EXPLICIT: rp.INFO, hd.EXACT: rp.INFO, hd.FUZZY: rp.INFO, hd.IGNORED: rp.INFO,
                    hd.SUPERSEDED: rp.INFO, hd.UNMAPPED: rp.WARNING, hd.AMBIGUOUS: rp.ERROR,
                    hd.UNIT_CONFLICT: rp.ERROR}


def mapping_lines(mapping: hd.HeaderMapping) -> list[ReportLine]:
    """One line per column, then the FIELD_MAP problems and the required fields without a column."""
    lines = []
    hint = mapping.field_map_hint()
    for match in mapping.columns:
        if not match.header.strip():
            continue
        detail, field = "", match.field or ""
        if match.how == hd.AMBIGUOUS:
            detail = " / ".join(match.candidates)
        elif match.how == hd.UNIT_CONFLICT:
            detail, field = match.unit or "", " / ".join(match.candidates)
        elif match.factor != 1.0:
            detail = f"{match.unit} ×{match.factor:g}"
        lines.append(ReportLine(rp.HEADER, match.how, _HEADER_SEVERITY[match.how], column=match.header, field=field,
                                result=hint if match.how == hd.AMBIGUOUS else "", detail=detail))
    lines += [ReportLine(rp.HEADER, rp.FIELD_MAP_PROBLEM, rp.ERROR, detail=p) for p in mapping.problems]
    lines += [ReportLine(rp.HEADER, rp.MISSING_REQUIRED, rp.ERROR, field=f) for f in mapping.missing_required]
    return lines


def _data_rows(cells: np.ndarray, numbers: np.ndarray, mapping: hd.HeaderMapping,
               lines: list[ReportLine]) -> tuple[np.ndarray, np.ndarray]:
    """Rows kept: not empty, and with at least one required field filled."""
    empty = np.array([all(v is None for v in row) for row in cells], dtype=bool) if len(cells) else np.zeros(0, bool)
    required = [mapping.field_columns[f] for f in hd.required_fields(mapping.kind) if f in mapping.field_columns]
    no_key = ~empty
    if required:
        no_key &= np.all(np.equal(cells[:, required], None), axis=1)
    else:
        no_key[:] = False
    if no_key.any():
        lines.append(ReportLine(rp.ROW, rp.SKIPPED_NO_KEY, rp.WARNING, rows=rp.rows_of(no_key, numbers)))
    if empty.any():
        lines.append(ReportLine(rp.ROW, rp.SKIPPED_EMPTY, rp.INFO, rows=rp.rows_of(empty, numbers)))
    keep = ~empty & ~no_key
    return cells[keep], numbers[keep]


def locate_columns(table: SourceTable, kind: str | None = None, field_map: str | None = None,
                   x_field: str | None = None, y_field: str | None = None) -> Columns:
    """Header row, kind, mapping and data rows of ``table`` (see module doc). Raises ValueError
    for FIELD_MAP text that cannot be parsed and KeyError for an unknown ``kind``."""
    if kind is not None and kind not in SYNONYMS:
        raise KeyError(f"unknown layer kind {kind!r}")
    explicit = _field_map(field_map, x_field, y_field)
    rows = table.rows if isinstance(table.rows, np.ndarray) else list(table.rows)
    numbers = np.asarray(list(table.row_numbers), dtype=np.int64)
    header_row = None
    if table.headers is not None:
        headers, data, data_numbers = tuple(table.headers), rows, numbers
    else:
        header_row = detect_header_row(rows, kind)
        if header_row.index is None:
            line = ReportLine(rp.HEADER, rp.NO_HEADER, rp.ERROR, detail=str(len(header_row.counts)))
            return Columns(None, None, None, (), None, np.zeros((0, 0), dtype=object), numbers[:0], (line,))
        headers = header_row.headers
        data, data_numbers = rows[header_row.data_start:], numbers[header_row.data_start:]
        lines = [ReportLine(rp.HEADER, rp.RECOGNISED, rp.INFO, rows=tuple(
            int(n) for n in numbers[header_row.index:header_row.data_start]), detail=str(header_row.recognised))]
    lines = [] if table.headers is not None else lines
    found_kind, guess, kind_lines = _kind(headers, kind)
    lines = kind_lines + lines
    width = max(len(headers), _width(data))
    headers = tuple(headers) + ("",) * (width - len(headers))
    cells = _grid(data, width)
    if found_kind is None:
        return Columns(None, guess, header_row, headers, None, cells, data_numbers, tuple(lines))
    mapping = hd.map_headers(headers, found_kind, explicit)
    lines += mapping_lines(mapping)
    cells, data_numbers = _data_rows(cells, data_numbers, mapping, lines)
    return Columns(found_kind, guess, header_row, headers, mapping, cells, data_numbers, tuple(lines))
