"""Every line core and the layer reading write to the Processing log that is not about bad input
(that is ``core.messages``): the progress steps and the run's figures, once. English templates with
named placeholders, translated in context "Log" (``i18n/riskatlas_zh_CN.ts``) where the algorithm writes
them (``processing/reading.py``: ``say_in_ui``), so a planner in a Chinese QGIS reads the whole log in Chinese.

A ``LogLine`` is the English text itself (a ``str``: tests, benchmarks and headless logs read it as
before) and carries its template and arguments to be said in another language.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .errors import QT_TRANSLATE_NOOP

CONTEXT = "Log"
Translate = Callable[[str], str]


class LogLine(str):
    """A log line: its English text, with ``template`` and ``arguments`` to say it in another language.
    An argument that is a ``LogLine`` itself is said in the same language."""

    template: str
    arguments: dict[str, Any]

    def __new__(cls, template: str, **arguments: Any) -> LogLine:
        line = super().__new__(cls, template.format(**arguments))
        line.template, line.arguments = template, arguments
        return line

    def __reduce__(self) -> tuple[Any, ...]:  # copy and pickle from the template (the text may hold braces)
        return _rebuilt, (self.template, self.arguments)

    def say(self, translate: Translate | None = None) -> str:
        """The line in the language of ``translate`` (a template's translation); English without one, or
        when a translation lost a placeholder."""
        if translate is None:
            return str(self)
        arguments = {name: value.say(translate) if isinstance(value, LogLine) else value
                     for name, value in self.arguments.items()}
        try:
            return translate(self.template).format(**arguments)
        except (KeyError, IndexError, ValueError):
            return str(self)


def _rebuilt(template: str, arguments: dict[str, Any]) -> LogLine:
    return LogLine(template, **arguments)


def say(line: Any, translate: Translate | None = None) -> str:
    """Any log line in the language of ``translate``: a ``LogLine`` said, a catalogue text below translated
    (a text that is not in the catalogue comes back unchanged), anything else as text."""
    if isinstance(line, LogLine):
        return line.say(translate)
    if translate is not None and isinstance(line, str):
        return translate(line)
    return str(line)


# ---------------------------------------------------------------- reading the layers (layers/convert.py)
LAYER_NOTE = QT_TRANSLATE_NOOP("Log", "{layer}: {note}")
REPROJECTED = QT_TRANSLATE_NOOP("Log", "reprojected from {source} to {target} ({description})")
ZM_DROPPED = QT_TRANSLATE_NOOP("Log", "Z/M values dropped from {count} features (analysis is planar)")
CURVES_SEGMENTISED = QT_TRANSLATE_NOOP("Log", "{count} curved geometries segmentised")
POINTS_AS_SQUARES = QT_TRANSLATE_NOOP("Log", "{count} points counted where they lie (squares of {side:g} m)")
RASTER_CELLS = QT_TRANSLATE_NOOP("Log", "{cells} populated cells of {rows} × {columns} (cell {dx:g} × {dy:g} in "
                                        "{crs}; nodata and 0 cells dropped), {residents:,.0f} residents")

# ---------------------------------------------------------------- how an output was made (processing/base.py)
PROVENANCE = QT_TRANSLATE_NOOP("Log", "provenance: {record}")

# ---------------------------------------------------------------- fire-station reach (core/fire_reach)
BUILDING_GRAPH = QT_TRANSLATE_NOOP("Log", "building the road graph")
PLACING_STATIONS = QT_TRANSLATE_NOOP("Log", "placing the stations on the network")
SEARCHING = QT_TRANSLATE_NOOP("Log", "searching the network from all stations at once")
CUTTING_ROADS = QT_TRANSLATE_NOOP("Log", "cutting the reached roads")
LAND_RULE = QT_TRANSLATE_NOOP("Log", "resolving the land each station reaches first")
AREAS_AND_GAPS = QT_TRANSLATE_NOOP("Log", "drawing areas and gaps")
DISTRICTS = QT_TRANSLATE_NOOP("Log", "districts: land each station reaches first with no time limit")
RESIDENTS = QT_TRANSLATE_NOOP("Log", "residents")
TARGETS = QT_TRANSLATE_NOOP("Log", "targets")
DONE = QT_TRANSLATE_NOOP("Log", "done")
ROAD_GRAPH = QT_TRANSLATE_NOOP("Log", "road graph: {nodes:,} nodes, {edges:,} edges, {parts} connected part(s)")
DEFAULT_TURNOUT_USED = QT_TRANSLATE_NOOP("Log", "{count} stations without a turnout time use DEFAULT_TURNOUT = "
                                                "{minutes:g} min")
LAND_GRID = QT_TRANSLATE_NOOP("Log", "land rule evaluated on a {cell:g} m grid ({rows:,} × {columns:,} cells)")
NO_DISTRICTS = QT_TRANSLATE_NOOP("Log", "districts not computed: no station has a class or the suburban flag to "
                                        "compare a district with (give DISTRICTS, or the stations' classes); the "
                                        "district fields are empty")

# ---------------------------------------------------------------- the atlas (atlas/tables.py)
RISK_MAP_DISSOLVED = QT_TRANSLATE_NOOP("Log", "risk map: {units} units drawn as {polygons} dissolved polygons (one "
                                              "per level)")

# ---------------------------------------------------------------- resource coverage (core/resource_coverage)
TOWNSHIPS = QT_TRANSLATE_NOOP("Log", "townships")

# ---------------------------------------------------------------- fire-station siting (core/siting)
CANDIDATES = QT_TRANSLATE_NOOP("Log", "candidates")
SITING_RESIDENTS = QT_TRANSLATE_NOOP("Log", "residents on the land-rule grid")
COVERAGE_OF_CANDIDATE = QT_TRANSLATE_NOOP("Log", "coverage of candidate {done:,} of {total:,}")
SOLVING = QT_TRANSLATE_NOOP("Log", "solving")
TABLES = QT_TRANSLATE_NOOP("Log", "tables")
CANDIDATES_GENERATED = QT_TRANSLATE_NOOP("Log", "{count:,} candidates generated along the roads every {spacing:g} m")
SITING_FIGURES = QT_TRANSLATE_NOOP("Log", "demand: {cells:,} grid cells of {cell:g} m with residents, {targets:,} "
                                          "targets; coverage matrix {rows:,} × {columns:,} ({entries:,} entries); "
                                          "solver saw {solver_rows:,} × {solver_columns:,}; {status} ({how})")
SOLVER_STATUS = {  # the siting result's status (core/siting/highs.py SolverStatus), as the log says it
    "optimal": QT_TRANSLATE_NOOP("Log", "optimal"),
    "time_limit": QT_TRANSLATE_NOOP("Log", "time limit reached: the best set found"),
    "greedy": QT_TRANSLATE_NOOP("Log", "no solution in time: the greedy set"),
    "trivial": QT_TRANSLATE_NOOP("Log", "nothing to optimise"),
}
# how the solver got there (SitingResult.message)
BOUND_MET_BY_SWAPS = QT_TRANSLATE_NOOP("Log", "Lagrangian bound met by the swap search")
BRANCH_AND_BOUND = QT_TRANSLATE_NOOP("Log", "Lagrangian bound {bound:,.1f}, {sites} sites after fixing, branch and "
                                            "bound over {sets:,} sets")
BRANCH_AND_BOUND_TIME_LIMIT = QT_TRANSLATE_NOOP("Log", "branch and bound: time limit ({sites} sites after fixing)")
LP_INTEGRAL = QT_TRANSLATE_NOOP("Log", "LP relaxation integral")
GREEDY_MEETS_BOUND = QT_TRANSLATE_NOOP("Log", "greedy cover meets the LP bound")
HIGHS_NO_SOLUTION = QT_TRANSLATE_NOOP("Log", "HiGHS found no solution in time: {message}")
COVER_ALL = QT_TRANSLATE_NOOP("Log", "P = {new_sites} ≥ {candidates} useful candidates: the fewest sites covering "
                                     "all coverable demand ({how})")
NO_NEW_STATION = QT_TRANSLATE_NOOP("Log", "no new station asked for")
NO_OPEN_DEMAND = QT_TRANSLATE_NOOP("Log", "no open coverable demand")


def solver_status(status: str) -> LogLine | str:
    """The siting status as the log says it (the code itself when unknown)."""
    template = SOLVER_STATUS.get(status)
    return LogLine(template) if template is not None else status
