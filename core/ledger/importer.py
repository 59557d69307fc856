"""A ledger read into one Risk Atlas layer kind: columns, values and places, with the report.

``read_ledger`` runs the three steps — ``table.locate_columns`` (header row, kind, mapping, data
rows), ``columns.read_columns`` (typed schema fields through the code table and the number
reader), ``points.read_points`` / ``points.read_shapes`` (places) — and gathers every report
line. Nothing is guessed: when a line ``stops`` (ambiguous header or value, missing required
field, unknown kind, coordinates that are not degrees …) the caller writes the report and no
layer. Reprojection and writing are the caller's (``layers``).
"""
from collections.abc import Mapping
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from . import osm_roads
from . import report as rp
from .columns import read_columns
from .points import Points, coordinate_columns, read_points, read_shapes
from .report import ReportLine
from .table import Columns, SourceTable, locate_columns


@dataclass(frozen=True)
class LedgerRead:
    """``frame``: the schema fields of the data rows kept (index 0..n-1); ``row_numbers``: each
    row's number as the user sees it; ``points`` or ``shapes`` when the table gave places
    (None when the caller has geometries of its own); ``lines``: the report."""

    kind: str | None
    columns: Columns
    frame: pd.DataFrame
    row_numbers: np.ndarray
    points: Points | None
    shapes: np.ndarray | None
    lines: tuple[ReportLine, ...]

    @property
    def stops(self) -> bool:
        return any(line.stops for line in self.lines)

    @property
    def problems(self) -> tuple[ReportLine, ...]:
        return tuple(line for line in self.lines if line.stops)


def read_ledger(table: SourceTable, field_types: Mapping[str, Mapping[str, str]], kind: str | None = None,
                field_map: str | None = None, x_field: str | None = None, y_field: str | None = None,
                system: str | None = "wgs84", places: bool = True) -> LedgerRead:
    """Read ``table`` (see module doc).

    ``field_types``: per kind, the schema's {field: "string" / "int" / "double" / "bool"};
    ``kind`` None: recognised from the headers; ``system``: what coordinate columns hold
    ("wgs84", "gcj02", "bd09", "cgcs2000"; None: projected coordinates of the source CRS);
    ``places`` False: the caller has geometries (a vector layer), coordinate columns are not read."""
    columns = locate_columns(osm_roads.expand_other_tags(table), kind, field_map, x_field, y_field)
    lines = list(columns.lines)
    if columns.kind is None or columns.mapping is None:
        return LedgerRead(None, columns, pd.DataFrame(), columns.row_numbers, None, None, tuple(lines))
    osm = osm_roads.is_osm(columns)
    if osm:  # OSM lines: only the roads the OSM speed table drives
        drop, drop_lines = osm_roads.non_roads(columns)
        lines += drop_lines
        columns = replace(columns, cells=columns.cells[~drop], row_numbers=columns.row_numbers[~drop])
    assert columns.kind is not None and columns.mapping is not None  # (checked above; replace keeps them)
    frame, value_lines = read_columns(columns.cells, columns.row_numbers, columns.mapping,
                                      field_types[columns.kind])
    lines += value_lines
    if osm:  # the OSM value itself beside the class it reads as (the OSM speed preset tells links apart)
        frame[osm_roads.OSM_CLASS_HEADER] = [rp.value_text(v) or None for v in
                                             columns.cells[:, columns.mapping.field_columns["class"]]]
    points, shapes = None, None
    if places:
        if coordinate_columns(columns.mapping):
            points = read_points(columns.cells, columns.row_numbers, columns.mapping, system)
            lines += points.lines
            lines.append(ReportLine(rp.COORDINATE, rp.COORDINATE_COLUMNS, rp.INFO, " / ".join(
                columns.mapping.columns[c].header for c in coordinate_columns(columns.mapping)), value=system or ""))
        elif "wkt" in columns.mapping.field_columns:
            shapes, shape_lines = read_shapes(columns.cells, columns.row_numbers, columns.mapping)
            lines += shape_lines
        else:
            lines.append(ReportLine(rp.COORDINATE, rp.NO_COORDINATES, rp.ERROR))
    return LedgerRead(columns.kind, columns, frame, columns.row_numbers, points, shapes, tuple(lines))
