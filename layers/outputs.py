"""The fields of every output layer, and the joins that make output tables from an input layer and
a core result. Pure (pandas, geopandas, shapely): the algorithms turn these specs into QgsFields
(``layers.sinks.make_fields``) and write the frames to their sinks.

Field specs are (name, kind) with kinds as in ``layers.schemas``: int / double / string / bool.
"""
from dataclasses import dataclass, field

from .schemas import BOOL, DOUBLE, INT, STRING

RISK_FIELDS = (("risk_level", INT), ("risk_label_zh", STRING), ("risk_label_en", STRING), ("risk_colour", STRING))

# riskatlas:validateinputs
VALIDATION_REPORT_FIELDS = (("layer", STRING), ("feature_id", INT), ("feature_key", STRING), ("field", STRING),
                            ("problem", STRING), ("severity", STRING), ("message", STRING))

# riskatlas:importlayer's report (one row per report line; row = the first row number a user sees)
IMPORT_REPORT_FIELDS = (("section", STRING), ("severity", STRING), ("status", STRING), ("row", INT), ("rows", STRING),
                        ("count", INT), ("column", STRING), ("field", STRING), ("value", STRING), ("result", STRING),
                        ("message", STRING))

# riskatlas:gradehazardsources
HAZARD_UNIT_FIELDS = (("unit_id", STRING), ("n_substances", INT), ("s_value", DOUBLE), ("is_major", BOOL),
                      ("alpha", DOUBLE), ("exposed_people", DOUBLE), ("exposed_source", STRING), ("boundary", STRING),
                      ("r_value", DOUBLE), ("hazard_grade", INT), ("grade_label_zh", STRING))
HAZARD_DETAIL_FIELDS = (("record_fid", INT), ("unit_id", STRING), ("substance", STRING), ("substance_std", STRING),
                        ("table1_seq", INT), ("category", STRING), ("q_t", DOUBLE), ("crit_q_t", DOUBLE),
                        ("q_source", STRING), ("beta", DOUBLE), ("beta_source", STRING), ("q_ratio", DOUBLE),
                        ("beta_q_ratio", DOUBLE))

# riskatlas:enterpriserisk (added to the enterprises' own fields)
ENTERPRISE_RISK_FIELDS = (("risk_score", DOUBLE), ("score_level", INT), ("hazard_level", INT),
                          ("hazard_unit_id", STRING)) + RISK_FIELDS + (
    ("level_source", STRING), ("risk_method", STRING), ("risk_preset", STRING))

# riskatlas:fourcolourmap (added to the map units' fields; a grid gets GRID_FIELDS first)
RISK_MAP_FIELDS = RISK_FIELDS + (
    ("n_level1", INT), ("n_level2", INT), ("n_level3", INT), ("n_level4", INT), ("source_id", STRING),
    ("source_layer", STRING), ("source_dist_m", DOUBLE), ("risk_score", DOUBLE))
GRID_FIELDS = (("cell_id", INT), ("row", INT), ("col", INT))

# riskatlas:firestationreach
REACH_EDGE_FIELDS = (("road_fid", INT), ("station_id", STRING), ("arrival_min", DOUBLE), ("entry_min", DOUBLE),
                     ("length_m", DOUBLE))
REACH_BAND_FIELDS = (("station_id", STRING), ("band_from_min", DOUBLE), ("band_to_min", DOUBLE), ("length_m", DOUBLE))
REACH_AREA_FIELDS = (("station_id", STRING), ("name", STRING), ("class", STRING), ("turnout_min", DOUBLE),
                     ("on_network", BOOL), ("snap_dist_m", DOUBLE), ("reach_km2", DOUBLE), ("residents", DOUBLE),
                     ("district_km2", DOUBLE), ("district_source", STRING), ("class_limit_km2", DOUBLE),
                     ("exceeds_limit", BOOL), ("district_in_time_pct", DOUBLE), ("district_residents", DOUBLE))
REACH_GAP_FIELDS = (("gap_id", INT), ("area_km2", DOUBLE), ("residents", DOUBLE))
REACH_TARGET_FIELDS = (("target_layer", STRING), ("target_id", STRING), ("arrival_min", DOUBLE),
                       ("station_id", STRING), ("covered", BOOL))

# riskatlas:resourcecoverage (rescue teams or supply depots)
RESOURCE_EDGE_FIELDS = (("road_fid", INT), ("resource_id", STRING), ("arrival_min", DOUBLE), ("entry_min", DOUBLE),
                        ("length_m", DOUBLE))
RESOURCE_AREA_FIELDS = (("resource_id", STRING), ("name", STRING), ("resource_kind", STRING), ("category", STRING),
                        ("turnout_min", DOUBLE), ("on_network", BOOL), ("snap_dist_m", DOUBLE), ("reach_km2", DOUBLE),
                        ("residents", DOUBLE), ("key_targets", INT), ("key_occupancy", DOUBLE))
RESOURCE_GAP_FIELDS = (("gap_id", INT), ("area_km2", DOUBLE), ("residents", DOUBLE), ("key_targets", INT),
                       ("key_occupancy", DOUBLE))
RESOURCE_TOWN_FIELDS = (("town_id", STRING), ("name", STRING), ("area_km2", DOUBLE), ("resources", INT),
                        ("time_limit_min", DOUBLE), ("residents", DOUBLE), ("residents_reached", DOUBLE),
                        ("residents_left_out", DOUBLE), ("reached_pct", DOUBLE), ("key_targets", INT),
                        ("key_targets_left_out", INT), ("occupancy_left_out", DOUBLE))
RESOURCE_TARGET_FIELDS = (("target_id", STRING), ("name", STRING), ("category", STRING), ("occupancy", DOUBLE),
                          ("arrival_min", DOUBLE), ("resource_id", STRING), ("covered", BOOL))

# riskatlas:firestationsiting
SITING_SITE_FIELDS = (("rank", INT), ("site_id", STRING), ("road_id", STRING), ("added_residents", DOUBLE),
                      ("added_targets", INT), ("added_weight", DOUBLE), ("residents_pct_after", DOUBLE))
SITING_UNCOVERED_FIELDS = (("kind", STRING), ("layer", STRING), ("demand_id", STRING), ("risk_level", INT),
                           ("residents", DOUBLE), ("arrival_limit_min", DOUBLE), ("coverable", BOOL))
SITING_SUMMARY_FIELDS = (("measure", STRING), ("label", STRING),  # label: the measure in the run's language
                         ("before", DOUBLE), ("after", DOUBLE), ("change", DOUBLE),
                         ("unit", STRING))

# riskatlas:comparescenarios (core.scenarios: CHANGE_COLUMNS, TOWNSHIP_COLUMNS)
SCENARIO_CHANGE_FIELDS = (("kind", STRING), ("id", STRING), ("name", STRING), ("before", DOUBLE), ("after", DOUBLE),
                          ("change", DOUBLE), ("unit", STRING), ("status", STRING))
SCENARIO_TOWNSHIP_FIELDS = (("town_id", STRING), ("name", STRING), ("residents", DOUBLE), ("covered_before", DOUBLE),
                            ("covered_after", DOUBLE), ("covered_change", DOUBLE), ("covered_pct_before", DOUBLE),
                            ("covered_pct_after", DOUBLE), ("m2pc_before", DOUBLE), ("m2pc_after", DOUBLE),
                            ("m2pc_change", DOUBLE), ("shelter_area_m2_before", DOUBLE),
                            ("shelter_area_m2_after", DOUBLE), ("targets_gained", INT), ("targets_lost", INT))

# riskatlas:shelterpercapita (added to the population features, the units or the shelters)
# riskatlas:incidentsurroundings (one row per incident × ring; one per incident × responder)
INCIDENT_RING_FIELDS = (("incident_id", STRING), ("ring_m", DOUBLE), ("residents", DOUBLE), ("key_targets", INT),
                        ("key_target_occupancy", DOUBLE), ("enterprises", INT), ("hazard_units", INT),
                        ("shelter_spare_capacity", DOUBLE))
INCIDENT_RESPONDER_FIELDS = (("incident_id", STRING), ("kind", STRING), ("rank", INT), ("responder_id", STRING),
                             ("name", STRING), ("arrival_min", DOUBLE), ("distance_m", DOUBLE))

SHELTER_POPULATION_FIELDS = (("counted_residents", DOUBLE), ("shelters_in_reach", INT), ("no_shelter", BOOL),
                             ("m2_per_capita", DOUBLE), ("meets_target", BOOL), ("deficit_m2", DOUBLE))
SHELTER_UNIT_FIELDS = (("residents", DOUBLE), ("shelter_area_m2", DOUBLE), ("shelter_count", INT),
                       ("m2_per_capita", DOUBLE), ("meets_target", BOOL), ("deficit_m2", DOUBLE),
                       ("reach_meeting_residents", DOUBLE), ("reach_no_shelter_residents", DOUBLE),
                       ("reach_deficit_m2", DOUBLE))
SHELTER_LOAD_FIELDS = (("eff_area_m2", DOUBLE), ("radius_m", DOUBLE), ("served_residents", DOUBLE),
                       ("m2_per_served", DOUBLE), ("overloaded", BOOL), ("over_capacity", BOOL),
                       ("below_min_area", BOOL))
UNIT_ID_FIELDS = ("town_id", "admin_code", "id", "code")  # a unit's id, the first of these it has
UNIT_NAME_FIELDS = ("name", "name_zh", "name_en")
TARGET_ID_FIELDS = ("ent_id", "unit_id", "shelter_id", "station_id", "target_id", "hazard_id", "id")  # a reach target's id


def reach_summary_fields(summary):
    """Specs of the fire-station summary table (its columns depend on the targets given)."""
    specs = []
    for column in summary.columns:
        if column.endswith(("_covered", "_total")):
            kind = INT
        elif summary[column].dtype.kind == "f":
            kind = DOUBLE
        else:
            kind = BOOL if column in ("on_network", "exceeds_limit") else STRING
        specs.append((column, kind))
    return specs


def as_nullable_int(series):
    """A float column holding whole numbers and NaN as pandas Int64 (written as integers / NULL)."""
    return series.round().astype("Int64")


def first_present(columns, names):
    """The first of ``names`` among ``columns``, or None."""
    return next((name for name in names if name in columns), None)


# ---------------------------------------------------------------- input fields + results

def output_specs(field_types, columns):
    """Specs of an output that keeps a layer's fields (``field_types``: {name: kind}) and adds
    ``columns``: same-named input fields give way; kinds QGIS writes poorly (dates…) become text."""
    names = {c for c, _k in columns}
    specs = [(name, kind if kind in (INT, DOUBLE, STRING, BOOL) else STRING)
             for name, kind in field_types.items() if name not in names]
    return specs + list(columns)


def join_results(frame, field_types, result, columns):
    """``frame`` (a layer's features) with ``result``'s ``columns`` joined on the index; returns the
    joined frame and the input fields it replaced. Fields of kinds not written as such become text."""
    names = [c for c, _k in columns]
    replaced = [c for c in names if c in frame.columns]
    joined = frame.drop(columns=replaced).join(result[names])
    for name, kind in field_types.items():
        if name in joined.columns and name not in names and kind not in (INT, DOUBLE, STRING, BOOL):
            joined[name] = joined[name].map(lambda v: None if v is None else str(v))
    return joined, replaced


@dataclass
class ShelterRows:
    frame: object  # the counted shelters with their input fields and the load columns
    specs: list
    replaced: dict = field(default_factory=dict)  # layer name -> input fields replaced by results
    as_centroids: bool = False  # polygons and points written together as centroid points


def shelter_rows(layers, result, columns=SHELTER_LOAD_FIELDS):
    """The counted shelters of ``layers`` (LayerFrames) with ``result``'s load columns. Two layers go
    out together with ``source_layer``/``source_fid`` (feature ids repeat across layers); polygons and
    points together as centroid points."""
    import geopandas as gpd
    import pandas as pd
    import shapely

    names = [c for c, _k in columns]
    if len(layers) == 1:
        joined, replaced = join_results(layers[0].gdf.loc[result.index], layers[0].field_types, result, columns)
        return ShelterRows(joined, output_specs(layers[0].field_types, columns), {layers[0].name: replaced})
    parts, rows = [], ShelterRows(None, None)
    for k, layer in enumerate(layers):
        picked = result[result["source_layer"] == k]
        frame = layer.gdf.loc[picked["source_fid"].to_numpy()]
        part, rows.replaced[layer.name] = join_results(frame, layer.field_types, picked.set_index(frame.index),
                                                       columns)
        part = part.drop(columns=[c for c in ("fid", "source_fid") if c in part.columns])
        part.insert(0, "source_layer", layer.name)
        part.insert(1, "source_fid", picked["source_fid"].to_numpy())
        parts.append(part)
    frame = gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), geometry="geometry", crs=parts[0].crs)
    kinds = {t for t in shapely.get_type_id(frame.geometry.values) if t >= 0}
    if not (kinds <= {0, 4} or kinds <= {3, 6}):
        frame = frame.set_geometry(shapely.centroid(frame.geometry.values))
        rows.as_centroids = True
    specs, seen = [("source_layer", STRING), ("source_fid", INT)], {"source_layer", "source_fid", "fid"}
    for layer in layers:
        for spec in output_specs(layer.field_types, columns)[:-len(columns)]:
            if spec[0] not in seen and spec[0] not in names:
                specs.append(spec)
                seen.add(spec[0])
    frame = frame.drop(columns=[c for c in frame.columns if c not in seen and c != "geometry" and c not in names])
    rows.frame, rows.specs = frame, specs + [c for c in columns if c[0] not in seen]
    return rows
