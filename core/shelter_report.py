"""Summary of a shelter-per-capita analysis: the table rows (per unit + county) and a bilingual
HTML page. Pure (pandas, no QGIS)."""
import html
import math

import numpy as np
import pandas as pd

from .shelter_capacity import METHOD_ADMINISTRATIVE

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


def _number(value, digits=0):
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return "—"
    return f"{value:,.{digits}f}"


def _yes_no(value):
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return "✔ 达标 meets" if bool(value) else "✘ 未达标 short"


def summary_html(analysis, table, title="Risk Atlas — shelter area per capita 人均避难场所面积",
                 parameters=None, warnings=(), provenance=None, shelter_labels=None):
    """A self-contained HTML page: headline figures, per-unit table, overloaded shelters, notes.
    ``shelter_labels``: {shelters index: text} naming the shelters (default: the index)."""
    s = analysis.summary
    target = analysis.target
    esc = html.escape
    out = [f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{esc(title)}</title>",
           "<style>body{font-family:'WenQuanYi Zen Hei','Noto Sans CJK SC',sans-serif;margin:2em;}"
           "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:3px 8px;text-align:right}"
           "th{background:#eee}td.l,th.l{text-align:left}.bad{color:#b00}.good{color:#080}</style></head><body>",
           f"<h1>{esc(title)}</h1>"]
    method_note = {
        0: "0 行政区法 administrative: area of shelters located in the unit ÷ its residents",
        1: "1 两步移动搜索法 2SFCA, straight-line catchment",
        2: "2 两步移动搜索法 2SFCA, walking distance on roads",
    }[analysis.method]
    county_class = "good" if s["county_meets_target"] else "bad"
    share = s["share_meeting_target"]
    share_text = "—" if math.isnan(share) else f"{100 * share:.1f} %"
    out.append("<table>")
    for label, value in (
        ("方法 Method", esc(method_note)),
        ("目标 Target", f"{target:g} m²/人 per person"),
        ("计入的避难场所类型 Shelter types counted", esc(", ".join(sorted(set(analysis.shelters["type"]))) or "—")),
        ("计入人口 Residents counted" + (" (城镇 urban only)" if s["urban_only"] else ""), _number(s["residents"])),
        ("有效避难面积 Effective shelter area (m²)", _number(s["shelter_area_m2"])),
        ("全县人均面积 County m² per capita",
         f"<span class='{county_class}'>{_number(s['county_m2_per_capita'], 2)} — "
         f"{_yes_no(s['county_meets_target'])}</span>"),
        ("全县面积缺口 County deficit (m²)", _number(s["county_deficit_m2"])),
        ("达标人口比例 Share of residents meeting the target", share_text),
        ("服务范围外人口 Residents with no shelter in reach", _number(s["residents_no_shelter"])),
        ("缺口合计 Total deficit (m²)" + (" Σ units" if analysis.method == METHOD_ADMINISTRATIVE else " Σ cells"),
         _number(s["total_deficit_m2"])),
        ("超负荷避难场所 Overloaded shelters", f"{s['shelters_overloaded']} / {s['shelters_counted']}"),
        ("无人可达的避难场所 Shelters nobody reaches", str(s["shelters_unreached"])),
        ("有效面积不足2000 m² Shelters under the minimum site area", str(s["shelters_below_min_area"])),
    ):
        out.append(f"<tr><th class='l'>{label}</th><td class='l'>{value}</td></tr>")
    out.append("</table>")

    units = table[table["scope"] == "unit"]
    if len(units):
        out.append("<h2>镇街 Units</h2><table><tr><th class='l'>编号 id</th><th class='l'>名称 name</th>"
                   "<th>人口 residents</th><th>面积 area m²</th><th>场所数 shelters</th><th>人均 m²/person</th>"
                   "<th>达标 meets</th><th>缺口 deficit m²</th><th>服务范围内达标人口比例 share meeting (reach)</th>"
                   "<th>服务范围外人口 no shelter in reach</th></tr>")
        for _i, row in units.iterrows():
            cls = "good" if row["meets_target"] is True else "bad" if row["meets_target"] is False else ""
            share_cell = "—" if pd.isna(row["reach_share_meeting"]) else f"{100 * row['reach_share_meeting']:.1f} %"
            out.append(
                f"<tr><td class='l'>{esc(str(row['unit_id'] or ''))}</td>"
                f"<td class='l'>{esc(str(row['unit_name'] or ''))}</td>"
                f"<td>{_number(row['residents'])}</td><td>{_number(row['shelter_area_m2'])}</td>"
                f"<td>{row['shelter_count']}</td><td class='{cls}'>{_number(row['m2_per_capita'], 2)}</td>"
                f"<td class='{cls}'>{_yes_no(row['meets_target'])}</td><td>{_number(row['deficit_m2'])}</td>"
                f"<td>{share_cell}</td><td>{_number(row['reach_no_shelter_residents'])}</td></tr>")
        out.append("</table>")

    overloaded = analysis.shelters[analysis.shelters["overloaded"]].sort_values("m2_per_served")
    if len(overloaded):
        out.append(f"<h2>超负荷避难场所 Overloaded shelters ({len(overloaded)})</h2><table><tr><th class='l'>避难场所 shelter</th>"
                   "<th class='l'>类型 type</th><th>面积 area m²</th><th>服务人口 served</th><th>m²/人 per served</th>"
                   "<th>超出容量 over capacity</th></tr>")
        for fid, row in overloaded.head(50).iterrows():
            over = row["over_capacity"]
            over_text = "—" if over is pd.NA or over is None else ("是 yes" if bool(over) else "否 no")
            label = (shelter_labels or {}).get(fid, fid)
            out.append(f"<tr><td class='l'>{esc(str(label))}</td><td class='l'>{esc(str(row['type']))}</td>"
                       f"<td>{_number(row['eff_area_m2'])}</td>"
                       f"<td>{_number(row['served_residents'])}</td><td>{_number(row['m2_per_served'], 2)}</td>"
                       f"<td>{over_text}</td></tr>")
        out.append("</table>")
        if len(overloaded) > 50:
            out.append(f"<p>… {len(overloaded) - 50} more in the shelters output.</p>")

    standards = analysis.standards
    out.append("<h2>避难场所类型表 Shelter types</h2><table><tr><th class='l'>code</th><th class='l'>名称</th>"
               "<th class='l'>name</th><th>计入人均 counts</th><th>服务半径 radius m</th><th class='l'>source</th></tr>")
    for t in standards.types:
        out.append(f"<tr><td class='l'>{esc(t.code)}</td><td class='l'>{esc(t.name_zh)}</td>"
                   f"<td class='l'>{esc(t.name_en)}</td>"
                   f"<td>{'是 yes' if t.counts_per_capita else '否 no'}</td><td>{t.radius_m:g}</td>"
                   f"<td class='l'>{esc(t.radius_source)}</td></tr>")
    out.append(f"</table><p>Table: {esc(str(standards.source))}. Minimum site effective area "
               f"{standards.min_site_area_m2:g} m² (GB 21734-2008).</p>")
    if warnings:
        out.append("<h2>注意 Warnings</h2><ul>" + "".join(f"<li>{esc(w)}</li>" for w in warnings) + "</ul>")
    if parameters:
        out.append("<h2>参数 Parameters</h2><table>" + "".join(
            f"<tr><th class='l'>{esc(str(k))}</th><td class='l'>{esc(str(v))}</td></tr>" for k, v in parameters.items())
            + "</table>")
    if provenance:
        out.append(f"<p style='color:#777;font-size:smaller'>{esc(provenance)}</p>")
    out.append("</body></html>")
    return "\n".join(out)
