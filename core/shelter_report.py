"""Summary of a shelter-per-capita analysis: the table rows (per unit + county). Pure (pandas, no
QGIS); the HTML page made from it is ``layers.report_html.shelter_page``."""
import numpy as np
import pandas as pd

SUMMARY_COLUMNS = (
    # (name, kind) — kinds as in layers.schemas: int / double / string / bool
    ("scope", "string"), ("unit_fid", "int"), ("unit_id", "string"), ("unit_name", "string"),
    ("residents", "double"), ("shelter_area_m2", "double"), ("shelter_count", "int"),
    ("m2_per_capita", "double"), ("target_m2", "double"), ("meets_target", "bool"), ("deficit_m2", "double"),
    ("reach_meeting_residents", "double"), ("reach_share_meeting", "double"),
    ("reach_no_shelter_residents", "double"), ("reach_deficit_m2", "double"),
)


def summary_table(analysis, unit_ids=None, unit_names=None):
    """One row per unit (when units were given) and a final 'county' row.

    Columns ``m2_per_capita``/``meets_target``/``deficit_m2``: the administrative ratio (area of the
    shelters located in the unit ÷ its residents; county: all counted area ÷ all counted residents).
    ``reach_*``: the catchment figures of the residents (2SFCA), apportioned to units by area.
    """
    s = analysis.summary
    target = analysis.target
    rows = []
    if analysis.units is not None:
        u = analysis.units
        ids = unit_ids if unit_ids is not None else pd.Series(u.index.astype(str), index=u.index)
        names = unit_names if unit_names is not None else pd.Series([None] * len(u), index=u.index)
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.where(u["residents"] > 0, u["reach_meeting_residents"] / u["residents"], np.nan)
        for k, fid in enumerate(u.index):
            rows.append({
                "scope": "unit", "unit_fid": int(fid), "unit_id": ids.loc[fid], "unit_name": names.loc[fid],
                "residents": u["residents"].iat[k], "shelter_area_m2": u["shelter_area_m2"].iat[k],
                "shelter_count": int(u["shelter_count"].iat[k]), "m2_per_capita": u["m2_per_capita"].iat[k],
                "target_m2": target, "meets_target": u["meets_target"].iat[k], "deficit_m2": u["deficit_m2"].iat[k],
                "reach_meeting_residents": u["reach_meeting_residents"].iat[k],
                "reach_share_meeting": share[k],
                "reach_no_shelter_residents": u["reach_no_shelter_residents"].iat[k],
                "reach_deficit_m2": u["reach_deficit_m2"].iat[k],
            })
    residents = s["residents"]
    rows.append({
        "scope": "county", "unit_fid": None, "unit_id": None, "unit_name": None,
        "residents": residents, "shelter_area_m2": s["shelter_area_m2"], "shelter_count": s["shelters_counted"],
        "m2_per_capita": s["county_m2_per_capita"], "target_m2": target,
        "meets_target": s["county_meets_target"] if residents > 0 else None, "deficit_m2": s["county_deficit_m2"],
        "reach_meeting_residents": s["reach_meeting_residents"],
        "reach_share_meeting": s["reach_meeting_residents"] / residents if residents > 0 else np.nan,
        "reach_no_shelter_residents": s["residents_no_shelter"], "reach_deficit_m2": s["reach_deficit_m2"],
    })
    frame = pd.DataFrame(rows, columns=[c for c, _k in SUMMARY_COLUMNS])
    frame["unit_fid"] = pd.array(frame["unit_fid"], dtype="Int64")
    frame["meets_target"] = pd.array(frame["meets_target"], dtype="boolean")
    return frame
