"""Apply the fire-station siting rules (``core.standards.siting_rules``) to candidate points.

All distances are planar, in the units of the (projected, metric) CRS the caller works in; the
wind direction is relative to grid north of that CRS (the grid convergence of a Gauss-Krüger
zone, a degree or two, is far below the precision of a "prevailing wind").
"""
import math
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np
import numpy.typing as npt
import shapely

from .. import messages as m
from ..errors import InputError
from ..standards.siting_rules import DEFAULT_SITING_RULES, RULE_INPUTS, SitingRule, siting_rules

_ARC_STEP_DEG = 15.0  # the downwind sector's arc is drawn circumscribed, in steps of at most this


@dataclass(frozen=True)
class CandidateFilter:
    """What ``filter_candidates`` kept and why.

    ``kept``: True for candidates every applied rule lets pass. ``violations``: per applied rule,
    True where the candidate breaks it (one candidate may break several). ``removed_by_rule``: the
    count of candidates breaking each applied rule. ``skipped_rules``: rules not applied because
    their input is missing, with the missing argument names in ``missing_inputs`` (the caller warns).
    """

    kept: np.ndarray
    violations: dict[str, np.ndarray]
    removed_by_rule: dict[str, int]
    skipped_rules: tuple[str, ...]
    missing_inputs: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def removed(self) -> int:
        return int((~self.kept).sum())


def filter_candidates(candidates: npt.ArrayLike, hazard_units: npt.ArrayLike | None = None,
                      crowded_places: npt.ArrayLike | None = None, wind_from_deg: float | None = None,
                      rules: str | Sequence[SitingRule] = DEFAULT_SITING_RULES,
                      layer: str = "candidates") -> CandidateFilter:
    """Test candidate points against the siting rules (see ``core.standards.siting_rules`` for the
    rules, their sources and boundary rules: a candidate exactly at a setback passes).

    ``candidates``: point geometries (array-like or GeoSeries). ``hazard_units``: geometries of the
    hazardous-chemical units (points or polygons), ``crowded_places``: geometries of the crowded
    places' main exits (points) or outlines; ``None`` = not given, so the rules needing them are
    skipped — an EMPTY sequence is given and removes nothing. ``wind_from_deg``: the prevailing
    wind's FROM direction, degrees clockwise from grid north (``None`` skips the upwind rule).
    ``rules``: a set name of ``SITING_RULE_SETS`` or a sequence of ``SitingRule``.
    """
    rule_set = siting_rules(rules)
    points = _geometries(candidates, layer, points_only=True)
    hazards = None if hazard_units is None else _geometries(hazard_units, "hazard units")
    crowded = None if crowded_places is None else _geometries(crowded_places, "crowded places")
    wind = None if wind_from_deg is None else _wind(wind_from_deg)
    given = {"hazard_units": hazards is not None, "crowded_places": crowded is not None,
             "wind_from_deg": wind is not None}
    violations: dict[str, np.ndarray] = {}
    skipped: list[str] = []
    missing_inputs: dict[str, tuple[str, ...]] = {}
    for rule in rule_set:
        missing = tuple(name for name in RULE_INPUTS[rule.kind] if not given[name])
        if missing:
            skipped.append(rule.rule_id)
            missing_inputs[rule.rule_id] = missing
            continue
        violations[rule.rule_id] = _broken(rule, points, hazards, crowded, wind)
    kept = np.ones(len(points), dtype=bool)
    for broken in violations.values():
        kept &= ~broken
    removed = {rule_id: int(broken.sum()) for rule_id, broken in violations.items()}
    return CandidateFilter(kept, violations, removed, tuple(skipped), missing_inputs)


def _broken(rule: SitingRule, points: np.ndarray, hazards: np.ndarray | None, crowded: np.ndarray | None,
            wind_from_deg: float | None) -> np.ndarray:
    """True for each point breaking ``rule`` (whose inputs the caller checked are given)."""
    if rule.kind == "hazard_downwind":
        if hazards is None or wind_from_deg is None or rule.half_angle_deg is None:
            raise ValueError(f"siting rule {rule.rule_id!r}: hazard units, wind and half angle needed")
        return downwind_of(points, hazards, wind_from_deg, rule.distance_m, rule.half_angle_deg)
    others = hazards if rule.kind == "hazard_setback" else crowded
    if others is None:
        raise ValueError(f"siting rule {rule.rule_id!r}: its places are needed")
    return closer_than(points, others, rule.distance_m)


def closer_than(points: npt.ArrayLike, others: npt.ArrayLike, distance_m: float) -> np.ndarray:
    """True for each point strictly closer than ``distance_m`` to any of ``others`` (exactly at the
    distance is not closer)."""
    points = np.asarray(points, dtype=object)
    result = np.zeros(len(points), dtype=bool)
    if len(points) == 0 or len(others) == 0 or distance_m <= 0:
        return result
    point_idx, other_idx = shapely.STRtree(others).query(points, predicate="dwithin", distance=distance_m)
    near = shapely.distance(points[point_idx], np.asarray(others, dtype=object)[other_idx]) < distance_m
    result[point_idx[near]] = True
    return result


def downwind_of(points: npt.ArrayLike, units: npt.ArrayLike, wind_from_deg: float, reach_m: float,
                half_angle_deg: float) -> np.ndarray:
    """True for each point in the downwind sector of any unit: some point h of the unit lies less
    than ``reach_m`` from the point, in a direction (seen from the point) within ±``half_angle_deg``
    of ``wind_from_deg`` — i.e. the point is downwind of h. Evaluated exactly: the upwind sector is
    drawn at each point (straight sides exact, arc circumscribed), intersected with the unit, and
    the distance to that intersection must be < ``reach_m``."""
    points = np.asarray(points, dtype=object)
    units = np.asarray(units, dtype=object)
    result = np.zeros(len(points), dtype=bool)
    if len(points) == 0 or len(units) == 0 or reach_m <= 0:
        return result
    point_idx, unit_idx = shapely.STRtree(units).query(points, predicate="dwithin", distance=reach_m)
    if len(point_idx) == 0:
        return result
    xy = shapely.get_coordinates(points)
    sectors = upwind_sectors(xy, wind_from_deg, reach_m, half_angle_deg)
    upwind_parts = shapely.intersection(units[unit_idx], sectors[point_idx])
    distance = shapely.distance(points[point_idx], upwind_parts)  # NaN where the intersection is empty
    with np.errstate(invalid="ignore"):
        hit = distance < reach_m
    result[point_idx[hit]] = True
    return result


def upwind_sectors(xy: np.ndarray, wind_from_deg: float, reach_m: float, half_angle_deg: float) -> np.ndarray:
    """At each (x, y): the polygon apex → arc → apex of the sector opening towards ``wind_from_deg``
    (clockwise from north) with half angle ``half_angle_deg``; its arc is circumscribed around the
    circle of radius ``reach_m`` (every edge tangent), so the polygon contains the whole sector."""
    steps = max(1, math.ceil(2 * half_angle_deg / _ARC_STEP_DEG))
    step = math.radians(2 * half_angle_deg / steps)
    outer = reach_m / math.cos(step / 2)  # vertex radius that makes each arc edge tangent at reach_m
    centre = math.radians(wind_from_deg)
    arc = centre + math.radians(half_angle_deg) - step * np.arange(steps + 1)  # from one side to the other
    # ends of the arc at exactly ±half angle on the sector's sides, beyond reach: the sides stay exact
    radii = np.full(steps + 1, outer)
    dx, dy = radii * np.sin(arc), radii * np.cos(arc)  # bearing clockwise from north: x = sin, y = cos
    ring = np.concatenate([[0.0], dx, [0.0]]), np.concatenate([[0.0], dy, [0.0]])
    n = len(xy)
    coords = np.empty((n, len(ring[0]), 2))
    coords[:, :, 0] = xy[:, :1] + ring[0]
    coords[:, :, 1] = xy[:, 1:2] + ring[1]
    return shapely.polygons(coords)


def _wind(value: float | str) -> float:
    try:
        degrees = float(value)
    except (TypeError, ValueError):
        raise InputError(m.WIND_NOT_NUMBER, value=repr(value)) from None
    if not math.isfinite(degrees):
        raise InputError(m.WIND_NOT_NUMBER, value=repr(value))
    return degrees % 360.0


def _geometries(values: npt.ArrayLike, layer: str, points_only: bool = False) -> np.ndarray:
    geoms = np.asarray(getattr(values, "values", values), dtype=object)
    if geoms.ndim != 1:
        geoms = geoms.reshape(-1)
    bad = np.flatnonzero(shapely.is_missing(geoms) | shapely.is_empty(geoms)) if len(geoms) else []
    if len(bad):
        raise InputError(m.GEOMETRY_MISSING, layer=layer, feature_ids=bad)
    if points_only and len(geoms):
        not_point = np.flatnonzero(shapely.get_type_id(geoms) != 0)
        if len(not_point):
            raise InputError(m.CANDIDATES_NOT_POINTS, layer=layer, feature_ids=not_point)
    return geoms
