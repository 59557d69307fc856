"""The atlas layers' contents, as (Geo)DataFrames: what the pages show, with texts preformatted.

No QGIS here: ``atlas.store`` writes these tables into a GeoPackage and opens them as layers.

* ``risk`` — the four-colour map for display: cut to the townships, dissolved by level when it is a
  fine grid (smaller, faster PDFs);
* ``coverage`` — the townships, one row per sheet: page number, figures, texts (``txt_…``) and the
  path of the sheet's chart (``chart_png``);
* ``figures`` — rows of the risk-level tables (cover and sheets, keyed by ``page_key``);
* ``major`` — major hazard units (representative points) for maps and lists;
* ``stations``, ``shelters`` — names to label the points and areas, ``proposed`` 1 on planned ones.
"""
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely

from ..core.log_lines import RISK_MAP_DISSOLVED, LogLine
from ..core.standards.risk_levels import RISK_LEVELS
from . import text as T

DISSOLVE_ABOVE = 1500  # risk maps with more units (grids) are drawn dissolved by level
LEVEL_NUMBERS = tuple(entry.level for entry in RISK_LEVELS)
COVERAGE_COLUMNS = (
    [("page_key", "string"), ("page_no", "int"), ("name", "string"), ("chart_png", "string"), ("residents", "double")]
    + [(f"res_l{lv}", "double") for lv in LEVEL_NUMBERS] + [(f"units_l{lv}", "int") for lv in LEVEL_NUMBERS]
    + [("area_km2", "double"), ("cover5_share", "double"), ("m2_per_capita", "double"), ("meets_target", "bool"),
       ("n_major", "int"), ("txt_residents", "string"), ("txt_high_share", "string"), ("txt_cover5", "string"),
       ("txt_cover5_pct", "string"), ("txt_shelter", "string"), ("txt_m2pc", "string"), ("txt_major", "string"),
       ("txt_major_note", "string"), ("txt_covered", "string"), ("txt_not_covered", "string"),
       ("txt_shelter_res", "string"), ("txt_shelter_area", "string"), ("txt_meets", "string"),
       ("txt_deficit", "string"), ("txt_overloaded", "string")])
FIGURE_COLUMNS = [("page_key", "string"), ("row", "int"), ("level", "int"), ("level_label", "string"),
                  ("units", "string"), ("area_km2", "string"), ("residents", "string"), ("share", "string"),
                  ("enterprises", "string")]
MAJOR_COLUMNS = [("page_key", "string"), ("unit_id", "string"), ("grade", "int"), ("grade_label", "string"),
                 ("r_value", "double"), ("txt_r", "string"), ("enterprise", "string"), ("map_label", "string")]


@dataclass
class Table:
    """One atlas layer's rows: ``columns`` (name, kind) and its geometry kind
    ('multipolygon', 'point', 'none', or None: as the frame's geometries)."""

    frame: pd.DataFrame
    columns: list
    geometry: str = None


def as_multipolygons(geoms):
    """Each geometry's polygonal parts as one MultiPolygon (None when it has none: lines and points
    left where a cell only touches the county)."""
    geoms = np.asarray(geoms, dtype=object)
    parts, first = shapely.get_parts(geoms, return_index=True)
    parts, second = shapely.get_parts(parts, return_index=True)  # members of collections, then of multi-parts
    index = first[second]
    keep = shapely.get_type_id(parts) == shapely.GeometryType.POLYGON
    out = np.full(len(geoms), None, dtype=object)
    shapely.multipolygons(parts[keep], indices=index[keep], out=out)
    return out


def county_outline(towns):
    """The union of the townships (valid, on a 1 cm grid): what the atlas draws inside."""
    return shapely.union_all(shapely.make_valid(np.asarray(towns.geometry.values, dtype=object)), grid_size=0.01)


def risk_display(risk, towns, log=None):
    """(GeoDataFrame of risk_level polygons cut to the townships, dissolved?)."""
    import geopandas as gpd

    county = county_outline(towns)
    if len(risk) <= DISSOLVE_ABOVE:
        display = risk[["risk_level", "geometry"]].copy()
        display["risk_level"] = display["risk_level"].astype(int)
        display["geometry"] = as_multipolygons(shapely.intersection(
            shapely.make_valid(np.asarray(display.geometry.values, dtype=object)), county))
        return display[~shapely.is_missing(np.asarray(display.geometry.values, dtype=object))], False
    levels = risk["risk_level"].astype(int).to_numpy()
    geoms = np.asarray(risk.geometry.values, dtype=object)
    parts, present = [], []
    for level in LEVEL_NUMBERS:  # four unions, one per level
        chosen = geoms[(levels == level) & ~shapely.is_missing(geoms)]
        if len(chosen):
            # the union without a precision grid (a quarter of the time for thousands of cells; OverlayNG
            # snaps by itself where it must), then cut to the county on the 1 cm grid
            parts.append(shapely.intersection(shapely.union_all(chosen), county, grid_size=0.01))
            present.append(level)
    if log is not None:
        log(LogLine(RISK_MAP_DISSOLVED, units=len(risk), polygons=len(present)))
    display = gpd.GeoDataFrame({"risk_level": present}, geometry=as_multipolygons(parts), crs=risk.crs)
    return display[~shapely.is_missing(np.asarray(display.geometry.values, dtype=object))], True


def _major_note(f, language, major_rows):
    """'（共 12 个，另有 4 个未列出）' under a sheet's list of major hazard units."""
    if f.major_by_grade is None or not f.n_major:
        return ""
    parts = [T.text("units_total", language, n=f.n_major)]
    if f.n_major > major_rows:
        parts.append(T.text("more_units", language, n=f.n_major - major_rows))
    return f"（{'，'.join(parts)}）" if language == "zh" else f" ({'; '.join(parts)})"


def _shelter_texts(f, language):
    given = f.m2_per_capita is not None
    return {
        "txt_shelter_res": T.integer(f.shelter_residents) if given else "—",
        "txt_shelter_area": T.integer(f.shelter_area_m2) if given else "—",
        "txt_meets": T.yes_no(f.meets_target, language) if f.meets_target is not None else "—",
        "txt_deficit": T.integer(f.total_deficit_m2) if f.total_deficit_m2 is not None else "—",
        "txt_overloaded": T.integer(f.shelters_overloaded) if f.shelters_overloaded is not None else "—",
    }


def coverage_rows(figures, language, chart_paths, major_rows, first_page=2):
    """One row per township sheet (pages ``first_page``, …): figures and their texts."""
    rows = []
    target = figures.shelter_target
    for i, f in enumerate(figures.townships):
        rows.append({
            "page_key": f.key, "page_no": i + first_page, "name": f.name, "chart_png": chart_paths[i],
            "residents": f.residents, **{f"res_l{lv}": float(f.residents_by_level[lv - 1]) for lv in LEVEL_NUMBERS},
            **{f"units_l{lv}": int(f.units[lv - 1]) for lv in LEVEL_NUMBERS},
            "area_km2": f.area_km2, "cover5_share": f.coverage_share, "m2_per_capita": f.m2_per_capita,
            "meets_target": f.meets_target, "n_major": f.n_major,
            "txt_residents": T.integer(f.residents),
            "txt_high_share": T.percent_of(float(f.residents_by_level[0] + f.residents_by_level[1]), f.residents),
            "txt_cover5": T.coverage_text(f, language),
            "txt_cover5_pct": "—" if f.covered_residents is None else T.percent_of(
                f.covered_residents, f.covered_residents + f.not_covered_residents),
            "txt_covered": T.integer(f.covered_residents), "txt_not_covered": T.integer(f.not_covered_residents),
            **_shelter_texts(f, language),
            "txt_shelter": T.shelter_text(f, language, target),
            "txt_m2pc": "—" if f.m2_per_capita is None else T.decimal(f.m2_per_capita, 2),
            "txt_major": T.major_text(f, language), "txt_major_note": _major_note(f, language, major_rows),
        })
    return pd.DataFrame(rows)


def figure_rows(figures, language):
    """The risk-level table rows of the cover (page_key 'county') and of every sheet."""
    return pd.DataFrame([{"page_key": f.key, **row} for f in [figures.county] + list(figures.townships)
                         for row in T.level_rows(f, language)])


def first_text(*values):
    """The first value that is non-empty text (NaN and None skipped)."""
    for value in values:
        if value is not None and value == value and str(value).strip():
            return str(value)
    return ""


def names(frame, language):
    """Feature names for map labels: 'name_en' in English when the layer has it, else 'name'."""
    columns = [c for c in (["name_en"] if language == "en" else []) + ["name"] if c in frame.columns]
    return np.array([first_text(*values) for values in zip(*(frame[c] for c in columns))] if columns
                    else [""] * len(frame), dtype=object)


def map_labels(major, enterprise):
    """Map labels of the major hazard units: the enterprise's name on its first unit of a sheet (the list
    is by grade, then R: its most serious one), the unit id when the enterprise is not known, else none."""
    labels, seen = [], set()
    for key, unit_id, name in zip(major["key"], major["unit_id"], enterprise):
        if name == "—":
            labels.append(str(unit_id))
        elif (key, name) in seen:
            labels.append(None)
        else:
            seen.add((key, name))
            labels.append(name)
    return labels


def major_frame(figures, language, crs):
    import geopandas as gpd

    major = figures.major_units
    empty = len(major) == 0
    enterprise = [first_text(en if language == "en" else None, n, e, "—")
                  for n, en, e in zip(major["enterprise_name"], major["enterprise_name_en"], major["enterprise_id"])]
    return gpd.GeoDataFrame({
        "page_key": np.array([], dtype=object) if empty else major["key"].astype(str).to_numpy(),
        "unit_id": np.array([], dtype=object) if empty else major["unit_id"].astype(str).to_numpy(),
        "grade": np.array([], dtype=int) if empty else major["grade"].astype(int).to_numpy(),
        "grade_label": [T.grade_label(g, language) for g in major["grade"]],
        "r_value": np.array([], dtype=float) if empty else major["r_value"].astype(float).to_numpy(),
        "txt_r": [T.decimal(v, 1) for v in major["r_value"]],
        "enterprise": enterprise,
        "map_label": map_labels(major, enterprise),
    }, geometry=[] if empty else shapely.points(major["x"].astype(float).to_numpy(),
                                                major["y"].astype(float).to_numpy()), crs=crs)


def atlas_tables(figures, frames, language, chart_paths, major_rows, log=None, first_page=2):
    """({key: Table}, risk map dissolved?) for the atlas layers (see the module docstring).

    ``frames``: GeoDataFrames in one CRS — 'risk_map', 'townships', optionally 'fire_stations' and
    'shelters'; ``chart_paths``: one chart PNG per township; ``major_rows``: rows a sheet lists;
    ``first_page``: the page number of the first township sheet."""
    import geopandas as gpd

    towns = frames["townships"]
    risk, dissolved = risk_display(frames["risk_map"], towns, log)
    coverage = gpd.GeoDataFrame(coverage_rows(figures, language, chart_paths, major_rows, first_page),
                                geometry=as_multipolygons(shapely.make_valid(towns.geometry.to_numpy())),
                                crs=towns.crs)
    tables = {
        "risk": Table(risk, [("risk_level", "int")], "multipolygon"),
        "coverage": Table(coverage, COVERAGE_COLUMNS, "multipolygon"),
        "figures": Table(figure_rows(figures, language), FIGURE_COLUMNS, "none"),
        "major": Table(major_frame(figures, language, towns.crs), MAJOR_COLUMNS, "point"),
    }
    for key, frame_key in (("stations", "fire_stations"), ("shelters", "shelters")):
        frame = frames.get(frame_key)
        if frame is not None:
            named = gpd.GeoDataFrame({"name": names(frame, language), "proposed": proposed_flags(frame)},
                                     geometry=frame.geometry.to_numpy(), crs=frame.crs)
            tables[key] = Table(named, [("name", "string"), ("proposed", "int")])
    return tables, dissolved


def proposed_flags(frame):
    """1 where a feature is a planned one (the full assessment's PROPOSED_STATIONS / PROPOSED_SHELTERS), else 0."""
    from ..core.scenario import PROPOSED
    from ..core.values import parse_numbers

    if PROPOSED not in frame.columns:
        return np.zeros(len(frame), dtype=np.int64)
    return (np.nan_to_num(parse_numbers(frame[PROPOSED]).values, nan=0.0) > 0).astype(np.int64)
