"""OpenStreetMap lines (GDAL's OSM driver, its ``lines`` layer) imported as roads, with the tables the
fire-station reach uses (``core.roads``, ``core.standards.road_speeds``):

* ``expand_other_tags``: the tags GDAL keeps in ``other_tags`` (``"oneway"=>"yes","maxspeed"=>"60"``)
  become columns ``oneway``, ``maxspeed`` (and ``highway`` when the layer has no such column), so the
  synonym table maps them like any header; a roundabout's or a motorway's implied one-way is written
  out (``core.roads.implied_oneway``);
* ``non_roads``: the lines a roads import leaves out — no ``highway`` value (waterways, railways,
  power lines of the same layer) or a value the OSM speed table does not drive (footways, cycleways,
  steps, tracks …: speed 0 or not listed) — reported as one line per value, never guessed as roads.

A layer is treated as OSM when its class column's header is ``highway`` (the OSM key).
"""
import numpy as np

from . import report as rp
from .report import ReportLine
from .table import Columns, SourceTable

OSM_CLASS_HEADER = "highway"
EXPANDED_TAGS = ("highway", "oneway", "maxspeed")  # (junction is read for the implied one-way only)
NOT_A_ROAD = "not_a_road"  # report status (section ROW)


def expand_other_tags(table: SourceTable) -> SourceTable:
    """``table`` with the OSM tags of its ``other_tags`` column as columns of their own (a layer's
    table only: ``headers`` given); unchanged without such a column."""
    from ..roads import implied_oneway, parse_other_tags

    if table.headers is None or "other_tags" not in table.headers:
        return table
    headers = list(table.headers)
    rows = np.asarray(table.rows, dtype=object)
    if rows.ndim != 2:
        rows = np.array([list(r) + [None] * (len(headers) - len(r)) for r in table.rows], dtype=object)
    missing = [t for t in EXPANDED_TAGS if t not in headers]
    if not missing:
        return table
    tags = parse_other_tags(rows[:, headers.index("other_tags")], missing + ["junction"])
    if "oneway" in tags:
        highway = rows[:, headers.index("highway")] if "highway" in headers else tags.get("highway")
        junction = rows[:, headers.index("junction")] if "junction" in headers else tags["junction"]
        tags["oneway"] = implied_oneway(tags["oneway"], highway, junction)
    added = np.column_stack([tags[t] for t in missing]) if len(rows) else np.zeros((0, len(missing)), dtype=object)
    return SourceTable(np.hstack([rows, added]).astype(object), table.row_numbers, tuple(headers + missing))


def is_osm(columns: Columns) -> bool:
    """The roads' class column is OSM's ``highway``."""
    mapping = columns.mapping
    if columns.kind != "roads" or mapping is None or "class" not in mapping.field_columns:
        return False
    return str(columns.headers[mapping.field_columns["class"]]).strip().lower() == OSM_CLASS_HEADER


def non_roads(columns: Columns) -> tuple[np.ndarray, list[ReportLine]]:
    """(mask of the rows that are not roads for fire engines, report lines) of an OSM import."""
    from ..roads import class_speeds

    if columns.mapping is None:
        return np.zeros(len(columns.cells), dtype=bool), []
    values = columns.cells[:, columns.mapping.field_columns["class"]]
    left_out = class_speeds(values, "osm_highway").left_out
    lines = []
    text = np.array(["" if v is None else str(v).strip() for v in values], dtype=object)
    for value in sorted(set(text[left_out]), key=lambda v: (-int((text[left_out] == v).sum()), v)):
        rows = left_out & (text == value)
        lines.append(ReportLine(rp.ROW, NOT_A_ROAD, rp.INFO, column=OSM_CLASS_HEADER, field="class", value=value or "—",
                                rows=rp.rows_of(rows, columns.row_numbers)))
    return left_out, lines
