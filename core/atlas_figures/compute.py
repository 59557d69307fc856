"""The figures printed in the risk atlas: per township and for the county, by overlay.

Everything is computed from the analysis layers handed to the atlas, in one projected CRS:

* Four-colour map (RISK_MAP: polygons with ``risk_level`` 1..4 and ``residents``). Within a
  township, a level's residents are the map units' residents apportioned by area
  (residents × area(unit ∩ township) / area(unit)); its area is the area of unit ∩ township.
  A unit is *counted* in the one township it overlaps most (so grid cells on a boundary are
  counted once).
* 5-minute fire coverage (REACH_AREAS, else REACH_GAPS): residents in reach ÷ residents, the
  residents again taken from the four-colour map's units, apportioned by area to
  unit ∩ township ∩ (union of the reach areas) — or, with only the gaps, unit ∩ township
  minus the gaps.
* Fixed-shelter area per capita (SHELTER_UNITS, one result per township): a township takes the
  shelter units whose largest overlap it is; with one unit its ``m2_per_capita``,
  ``meets_target`` and ``deficit_m2`` are printed as given; with several (and for the county) the
  sums decide: Σ shelter_area_m2 ÷ Σ residents against the target (lower bound included) and
  deficit = max(0, target × Σ residents − Σ shelter_area_m2) — the county-wide shortfall, where
  one township's surplus offsets another's deficit.
* Major hazard units (HAZARD_UNITS with ``is_major`` true or a ``hazard_grade``) and enterprises
  (ENTERPRISES with ``risk_level``): each counted in the township holding its representative point.

The county's figures are the sums over the townships (so the cover equals the sum of the sheets);
``layer_totals`` keeps the layers' own totals so the caller can report any difference (e.g. map
units outside every township).
"""
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import shapely

from .errors import InputError
from .standards.risk_levels import RISK_LEVELS
from .standards.shelters import TARGET_M2_PER_CAPITA

LEVELS = tuple(lv.level for lv in RISK_LEVELS)  # 1..4
GRADES = (1, 2, 3, 4)  # GB 18218 一级..四级
COUNTY_KEY = "county"


@dataclass
class AreaFigures:
    """Figures of one township (or the county). Arrays are indexed by level / grade − 1."""

    key: str
    name: str
    area_km2: float
    units: np.ndarray  # map units counted here, per level
    area_by_level_km2: np.ndarray
    residents_by_level: np.ndarray
    enterprises_by_level: np.ndarray = None  # None: no enterprise layer given
    covered_residents: float = None  # None: no reach layer given
    shelter_area_m2: float = None  # None: no shelter result given (or none for this township)
    shelter_residents: float = None
    m2_per_capita: float = None
    meets_target: bool = None
    deficit_m2: float = None
    major_by_grade: np.ndarray = None  # None: no hazard-unit layer given

    @property
    def residents(self):
        return float(self.residents_by_level.sum())

    @property
    def coverage_share(self):
        if self.covered_residents is None or self.residents <= 0:
            return None
        return min(1.0, self.covered_residents / self.residents)

    @property
    def resident_shares(self):
        total = self.residents
        return self.residents_by_level / total if total > 0 else np.zeros(len(LEVELS))

    @property
    def area_shares(self):
        total = float(self.area_by_level_km2.sum())
        return self.area_by_level_km2 / total if total > 0 else np.zeros(len(LEVELS))

    @property
    def n_major(self):
        return None if self.major_by_grade is None else int(self.major_by_grade.sum())


@dataclass
class AtlasFigures:
    county: AreaFigures
    townships: list  # AreaFigures in the townships' order
    major_units: pd.DataFrame  # key, unit_id, grade, r_value, enterprise_id, x, y (representative point),
    #                            enterprise_name(_en); by township, grade, R descending
    layer_totals: dict = field(default_factory=dict)  # what the layers themselves hold, for cross-checks
    warnings: list = field(default_factory=list)


# ---------------------------------------------------------------- helpers

def _valid(geoms):
    geoms = np.asarray(geoms, dtype=object).copy()
    present = ~shapely.is_missing(geoms)
    bad = present & ~shapely.is_valid(geoms)
    if bad.any():
        geoms[bad] = shapely.make_valid(geoms[bad])
    return geoms


def _numbers(frame, column, layer, warnings, required=True, minimum=None):
    """A numeric column as float (NaN for empty); text and values below ``minimum`` are InputErrors."""
    if column not in frame.columns:
        if required:
            raise InputError("field not found", layer=layer, field=column)
        return None
    raw = frame[column]
    values = pd.to_numeric(raw, errors="coerce").astype(float)
    bad = values.isna() & raw.notna()
    if bad.any():
        raise InputError("value is not a number", layer=layer, feature_ids=frame.index[bad], field=column)
    if minimum is not None and (values < minimum).any():
        raise InputError(f"value below {minimum:g}", layer=layer, feature_ids=frame.index[values < minimum],
                         field=column)
    return values


def _levels(frame, layer, column="risk_level", allow_null=False):
    values = _numbers(frame, column, layer, [])
    known = values.isin(LEVELS)
    bad = ~known if not allow_null else (~known & values.notna())
    if bad.any():
        raise InputError("risk level must be 1, 2, 3 or 4", layer=layer, feature_ids=frame.index[bad], field=column)
    return values


def _truthy(series):
    """Booleans from a bool / 0-1 / 'true' column; empty → False."""
    def one(value):
        if value is None or (isinstance(value, float) and np.isnan(value)):
            return False
        if isinstance(value, str):
            return value.strip().lower() in ("1", "true", "t", "yes", "y")
        return bool(value)

    return np.array([one(v) for v in series.to_numpy(dtype=object)], dtype=bool)


def _township_of_points(points, townships):
    """Index of the township holding each point (−1: none); a point on a shared border → the first."""
    result = np.full(len(points), -1, dtype=np.intp)
    present = ~shapely.is_missing(points)
    if not present.any() or len(townships) == 0:
        return result
    tree = shapely.STRtree(townships)
    point_idx, town_idx = tree.query(points[present], predicate="intersects")
    order = np.lexsort((town_idx, point_idx))
    point_idx, town_idx = point_idx[order], town_idx[order]
    first = np.ones(len(point_idx), dtype=bool)
    first[1:] = point_idx[1:] != point_idx[:-1]
    where = np.flatnonzero(present)
    result[where[point_idx[first]]] = town_idx[first]
    return result


def _representative_points(geoms):
    out = np.empty(len(geoms), dtype=object)
    present = ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms) if len(geoms) else np.zeros(0, bool)
    out[:] = None
    if present.any():
        out[present] = shapely.point_on_surface(geoms[present])
    return out


def _largest_overlap(source_idx, target_idx, areas, n_sources):
    """For each source, the target it overlaps most (−1: none)."""
    result = np.full(n_sources, -1, dtype=np.intp)
    if len(source_idx) == 0:
        return result
    order = np.lexsort((-areas, source_idx))
    s, t = source_idx[order], target_idx[order]
    first = np.ones(len(s), dtype=bool)
    first[1:] = s[1:] != s[:-1]
    result[s[first]] = t[first]
    return result


def _covered_area(pieces, reach=None, gaps=None):
    """Area of each piece inside ``reach`` (or outside ``gaps``); boundary pieces only are intersected."""
    area = shapely.area(pieces)
    if reach is not None:
        inside_geom, outside = reach, False
    else:
        inside_geom, outside = gaps, True
    if inside_geom is None or shapely.is_empty(inside_geom):
        hit = np.zeros(len(pieces))
    else:
        shapely.prepare(inside_geom)
        within = shapely.contains(inside_geom, pieces)
        touches = shapely.intersects(inside_geom, pieces) & ~within
        hit = np.where(within, area, 0.0)
        if touches.any():
            hit[touches] = shapely.area(shapely.intersection(pieces[touches], inside_geom))
    return area - hit if outside else hit


def _polygonal_union(geoms):
    geoms = _valid(geoms)
    geoms = geoms[~shapely.is_missing(geoms)]
    if len(geoms) == 0:
        return None
    return shapely.union_all(geoms)


# ---------------------------------------------------------------- the computation

def atlas_figures(risk_map, townships, names, *, keys=None, hazard_units=None, enterprises=None,
                  reach_areas=None, reach_gaps=None, shelter_units=None, layer_names=None,
                  shelter_target=TARGET_M2_PER_CAPITA):
    """Figures for every township and the county (see the module docstring).

    ``risk_map``, ``townships`` and the optional layers are GeoDataFrames in one projected CRS
    (metres); ``names`` the township names (one per township row); ``keys`` stable page keys
    (default: the townships' index as text). ``layer_names`` maps 'risk_map', 'townships', … to
    the names used in error messages.
    """
    label = {"risk_map": "RISK_MAP", "townships": "TOWNSHIPS", "hazard_units": "HAZARD_UNITS",
             "enterprises": "ENTERPRISES", "reach_areas": "REACH_AREAS", "reach_gaps": "REACH_GAPS",
             "shelter_units": "SHELTER_UNITS"}
    label.update(layer_names or {})
    warnings = []

    town_geoms = _valid(townships.geometry.to_numpy())
    missing = shapely.is_missing(town_geoms) | shapely.is_empty(town_geoms)
    if missing.any():
        raise InputError("township without geometry: it cannot be a page of the atlas",
                         layer=label["townships"], feature_ids=townships.index[missing])
    n_towns = len(town_geoms)
    if n_towns == 0:
        raise InputError("no townships: the atlas needs at least one page", layer=label["townships"])
    keys = [str(k) for k in (townships.index if keys is None else keys)]
    names = ["" if n is None else str(n) for n in names]

    # four-colour map × townships
    levels = _levels(risk_map, label["risk_map"]).to_numpy().astype(int)
    residents = _numbers(risk_map, "residents", label["risk_map"], warnings, minimum=0)
    if residents.isna().any():
        warnings.append(f"{label['risk_map']}: {int(residents.isna().sum())} units with empty 'residents' "
                        "counted as 0")
    residents = residents.fillna(0.0).to_numpy()
    unit_geoms = _valid(risk_map.geometry.to_numpy())
    unit_area = shapely.area(unit_geoms)
    tree = shapely.STRtree(unit_geoms)
    town_idx, unit_idx = tree.query(town_geoms, predicate="intersects")
    pieces = shapely.intersection(unit_geoms[unit_idx], town_geoms[town_idx])
    piece_area = shapely.area(pieces)
    keep = piece_area > 0
    unit_idx, town_idx, pieces, piece_area = unit_idx[keep], town_idx[keep], pieces[keep], piece_area[keep]
    with np.errstate(invalid="ignore", divide="ignore"):
        fraction = np.where(unit_area[unit_idx] > 0, piece_area / unit_area[unit_idx], 0.0)
    piece_residents = residents[unit_idx] * fraction
    piece_level = levels[unit_idx]

    def per_town_level(values):
        table = np.zeros((n_towns, len(LEVELS)))
        np.add.at(table, (town_idx, piece_level - 1), values)
        return table

    residents_tl = per_town_level(piece_residents)
    area_tl = per_town_level(piece_area) / 1e6
    owner = _largest_overlap(unit_idx, town_idx, piece_area, len(unit_geoms))
    units_tl = np.zeros((n_towns, len(LEVELS)), dtype=int)
    counted = owner >= 0
    np.add.at(units_tl, (owner[counted], levels[counted] - 1), 1)

    layer_totals = {
        "risk_map_units": int(len(unit_geoms)),
        "risk_map_residents": float(residents.sum()),
        "risk_map_units_outside": int((~counted).sum()),
    }

    # 5-minute reach
    covered_t = None
    if reach_areas is not None or reach_gaps is not None:
        if reach_areas is not None:
            covered_area = _covered_area(pieces, reach=_polygonal_union(reach_areas.geometry.to_numpy()))
            source = "reach_areas"
        else:
            covered_area = _covered_area(pieces, gaps=_polygonal_union(reach_gaps.geometry.to_numpy()))
            source = "reach_gaps"
        with np.errstate(invalid="ignore", divide="ignore"):
            covered_fraction = np.where(unit_area[unit_idx] > 0, covered_area / unit_area[unit_idx], 0.0)
        covered_t = np.zeros(n_towns)
        np.add.at(covered_t, town_idx, residents[unit_idx] * covered_fraction)
        layer_totals["coverage_source"] = source
        if reach_gaps is not None and "residents" in reach_gaps.columns:
            gap_residents = _numbers(reach_gaps, "residents", label["reach_gaps"], warnings, minimum=0)
            layer_totals["reach_gap_residents"] = float(gap_residents.fillna(0).sum())

    # enterprises by level
    enterprises_tl = None
    if enterprises is not None:
        ent_levels = _levels(enterprises, label["enterprises"], allow_null=True)
        if ent_levels.isna().any():
            warnings.append(f"{label['enterprises']}: {int(ent_levels.isna().sum())} enterprises without a risk "
                            "level are not counted")
        town_of = _township_of_points(_representative_points(_valid(enterprises.geometry.to_numpy())), town_geoms)
        ok = (town_of >= 0) & ent_levels.notna().to_numpy()
        enterprises_tl = np.zeros((n_towns, len(LEVELS)), dtype=int)
        np.add.at(enterprises_tl, (town_of[ok], ent_levels.to_numpy()[ok].astype(int) - 1), 1)
        outside = int(((town_of < 0) & ent_levels.notna().to_numpy()).sum())
        layer_totals["enterprises"] = int(ent_levels.notna().sum())
        if outside:
            warnings.append(f"{label['enterprises']}: {outside} enterprises lie outside every township "
                            "and are not counted")

    # major hazard units
    major_tg = None
    major_rows = pd.DataFrame(columns=["key", "unit_id", "grade", "r_value", "enterprise_id", "x", "y",
                                       "enterprise_name", "enterprise_name_en"])
    if hazard_units is not None:
        layer = label["hazard_units"]
        grades = _numbers(hazard_units, "hazard_grade", layer, warnings, required=False)
        if grades is None:
            grades = pd.Series(np.nan, index=hazard_units.index)
        bad = grades.notna() & ~grades.isin(GRADES)
        if bad.any():
            raise InputError("hazard grade must be 1, 2, 3, 4 or empty", layer=layer,
                             feature_ids=hazard_units.index[bad], field="hazard_grade")
        major = (_truthy(hazard_units["is_major"]) if "is_major" in hazard_units.columns
                 else np.zeros(len(hazard_units), dtype=bool)) | grades.notna().to_numpy()
        ungraded = major & grades.isna().to_numpy()
        if ungraded.any():
            raise InputError("major hazard unit without a grade", layer=layer,
                             feature_ids=hazard_units.index[ungraded], field="hazard_grade")
        points = _representative_points(_valid(hazard_units.geometry.to_numpy()))
        town_of = _township_of_points(points, town_geoms)
        major_tg = np.zeros((n_towns, len(GRADES)), dtype=int)
        inside = major & (town_of >= 0)
        np.add.at(major_tg, (town_of[inside], grades.to_numpy()[inside].astype(int) - 1), 1)
        layer_totals["major_units"] = int(major.sum())
        outside = int((major & (town_of < 0)).sum())
        if outside:
            warnings.append(f"{layer}: {outside} major hazard units lie outside every township and are not counted")
        r_values = _numbers(hazard_units, "r_value", layer, warnings, required=False)
        enterprise_ids = (hazard_units["enterprise_id"] if "enterprise_id" in hazard_units.columns
                          else pd.Series(None, index=hazard_units.index, dtype=object))
        enterprise_names, enterprise_names_en = {}, {}
        if enterprises is not None and "ent_id" in enterprises.columns:
            ids = enterprises["ent_id"].astype(str)
            if "name" in enterprises.columns:
                enterprise_names = dict(zip(ids, enterprises["name"]))
            if "name_en" in enterprises.columns:
                enterprise_names_en = dict(zip(ids, enterprises["name_en"]))
        unit_ids = (hazard_units["unit_id"] if "unit_id" in hazard_units.columns
                    else pd.Series(hazard_units.index.astype(str), index=hazard_units.index))
        rows = pd.DataFrame({
            "key": [keys[t] for t in town_of[inside]],
            "town": town_of[inside],
            "unit_id": unit_ids.to_numpy(dtype=object)[inside],
            "grade": grades.to_numpy()[inside].astype(int),
            "r_value": (r_values.to_numpy()[inside] if r_values is not None else np.full(int(inside.sum()), np.nan)),
            "enterprise_id": enterprise_ids.to_numpy(dtype=object)[inside],
            "x": shapely.get_x(points[inside].astype(object)),
            "y": shapely.get_y(points[inside].astype(object)),
        })
        rows["enterprise_name"] = [enterprise_names.get(str(e)) if e is not None else None
                                   for e in rows["enterprise_id"]]
        rows["enterprise_name_en"] = [enterprise_names_en.get(str(e)) if e is not None else None
                                      for e in rows["enterprise_id"]]
        rows = rows.sort_values(["town", "grade", "r_value", "unit_id"], ascending=[True, True, False, True],
                                na_position="last", kind="mergesort")
        major_rows = rows.drop(columns="town").reset_index(drop=True)

    # shelter area per capita
    shelter = None
    if shelter_units is not None:
        layer = label["shelter_units"]
        area_m2 = _numbers(shelter_units, "shelter_area_m2", layer, warnings, minimum=0).fillna(0.0).to_numpy()
        res = _numbers(shelter_units, "residents", layer, warnings, minimum=0).fillna(0.0).to_numpy()
        per_cap = _numbers(shelter_units, "m2_per_capita", layer, warnings, required=False)
        deficit = _numbers(shelter_units, "deficit_m2", layer, warnings, required=False)
        meets = (_truthy(shelter_units["meets_target"]) if "meets_target" in shelter_units.columns else None)
        s_geoms = _valid(shelter_units.geometry.to_numpy())
        s_tree = shapely.STRtree(town_geoms)
        has_geom = ~shapely.is_missing(s_geoms)
        s_idx_local, t_idx = s_tree.query(s_geoms[has_geom], predicate="intersects")
        s_idx = np.flatnonzero(has_geom)[s_idx_local]
        overlaps = shapely.area(shapely.intersection(s_geoms[s_idx], town_geoms[t_idx]))
        # points (or lines) have no overlap area: fall back to "the township holding it"
        zero = overlaps <= 0
        overlaps = np.where(zero, 1e-9, overlaps)
        town_of = _largest_overlap(s_idx, t_idx, overlaps, len(s_geoms))
        unmatched = town_of < 0
        if unmatched.any():
            warnings.append(f"{layer}: {int(unmatched.sum())} shelter results match no township and are not used")
        shelter = {"area": np.zeros(n_towns), "residents": np.zeros(n_towns), "n": np.zeros(n_towns, dtype=int),
                   "per_cap": [None] * n_towns, "meets": [None] * n_towns, "deficit": np.zeros(n_towns),
                   "has_deficit": deficit is not None}
        for i, t in enumerate(town_of):
            if t < 0:
                continue
            shelter["area"][t] += area_m2[i]
            shelter["residents"][t] += res[i]
            shelter["n"][t] += 1
            if deficit is not None and not np.isnan(deficit.iloc[i]):
                shelter["deficit"][t] += deficit.iloc[i]
            if shelter["n"][t] == 1:
                given = None if per_cap is None else per_cap.iloc[i]
                shelter["per_cap"][t] = None if given is None or np.isnan(given) else float(given)
                shelter["meets"][t] = None if meets is None else bool(meets[i])
            else:  # several results in one township: the sums decide
                shelter["per_cap"][t] = shelter["meets"][t] = None
        layer_totals["shelter_area_m2"] = float(area_m2.sum())
        layer_totals["shelter_residents"] = float(res.sum())

    def figures(key, name, town_area, t_slice):
        f = AreaFigures(
            key=key, name=name, area_km2=town_area,
            units=units_tl[t_slice].sum(axis=0).astype(int),
            area_by_level_km2=area_tl[t_slice].sum(axis=0),
            residents_by_level=residents_tl[t_slice].sum(axis=0),
            enterprises_by_level=None if enterprises_tl is None else enterprises_tl[t_slice].sum(axis=0).astype(int),
            covered_residents=None if covered_t is None else float(covered_t[t_slice].sum()),
            major_by_grade=None if major_tg is None else major_tg[t_slice].sum(axis=0).astype(int),
        )
        if shelter is not None:
            n = int(shelter["n"][t_slice].sum())
            if n:
                f.shelter_area_m2 = float(shelter["area"][t_slice].sum())
                f.shelter_residents = float(shelter["residents"][t_slice].sum())
                f.deficit_m2 = float(shelter["deficit"][t_slice].sum()) if shelter["has_deficit"] else None
                single = [i for i in np.atleast_1d(np.arange(n_towns)[t_slice]) if shelter["n"][i]]
                if n == 1 and len(single) == 1 and shelter["per_cap"][single[0]] is not None:
                    f.m2_per_capita = shelter["per_cap"][single[0]]
                    f.meets_target = shelter["meets"][single[0]]
                elif f.shelter_residents > 0:  # several results (e.g. the county): the sums decide
                    f.m2_per_capita = f.shelter_area_m2 / f.shelter_residents
                    f.meets_target = bool(f.m2_per_capita >= shelter_target)
                    f.deficit_m2 = max(0.0, shelter_target * f.shelter_residents - f.shelter_area_m2)
        return f

    town_areas = shapely.area(town_geoms) / 1e6
    towns = [figures(keys[t], names[t], float(town_areas[t]), slice(t, t + 1)) for t in range(n_towns)]
    county = figures(COUNTY_KEY, "", float(town_areas.sum()), slice(None))
    return AtlasFigures(county, towns, major_rows, layer_totals, warnings)


def meets_target(figures, target):
    """Whether an area meets the per-capita target: the shelter layer's own verdict when it gave one,
    else the ratio compared with ``target`` (lower bound included). None when unknown."""
    if figures.meets_target is not None:
        return figures.meets_target
    if figures.m2_per_capita is None:
        return None
    return figures.m2_per_capita >= target
