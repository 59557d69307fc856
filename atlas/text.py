"""Every word printed in the risk atlas, in Chinese and English, and how its numbers are written.

The atlas follows the LANGUAGE parameter, not QGIS's locale, so its text lives here as an
explicit zh/en table (one place) rather than in Qt translations. The layout templates carry no
literal text: their labels read layout variables ``@ra_<key>`` set from ``TEXT`` (see
``atlas/templates/README.md``) and preformatted attributes of the atlas layers.

No QGIS import: the table and the formatters are unit-tested on their own.
"""
import datetime
import math

from ..core import headline as H
from ..core.standards.risk_levels import RISK_LEVELS

# key: (zh, en)
TEXT = {
    "title": ("安全风险分布图集", "Safety Risk Atlas"),
    "cover_subtitle": ("红橙黄蓝四色安全风险空间分布图", "Four-colour safety risk map (red · orange · yellow · blue)"),
    "county_map": ("县域总图", "County overview"),
    "township_sheet": ("镇街分图", "Township sheet"),
    "legend": ("图例", "Legend"),
    "risk_levels": ("风险等级", "Risk level"),
    "fire_stations": ("消防站", "Fire station"),
    "shelters": ("应急避难场所", "Emergency shelter"),
    "existing_station": ("现有消防站", "Existing fire station"),
    "proposed_station": ("规划消防站", "Proposed fire station"),
    "existing_shelter": ("现有避难场所", "Existing shelter"),
    "proposed_shelter": ("规划避难场所", "Proposed shelter"),
    "major_units": ("重大危险源", "Major hazard unit"),
    "townships": ("镇街界线", "Township boundary"),
    "current_township": ("本镇街", "This township"),
    "figures": ("风险等级统计", "Figures by risk level"),
    "indicators": ("应急能力指标", "Emergency capacity"),
    "chart": ("各风险等级占比", "Share of each risk level"),
    "major_list": ("重大危险源清单", "Major hazard units"),
    "townships_table": ("镇街一览", "Townships"),
    "organisation": ("编制单位", "Issued by"),
    "date": ("编制日期", "Date"),
    "page": ("页", "Page"),
    "crs": ("坐标系：", "Coordinate reference system: "),
    "scale": ("比例尺", "Scale"),
    "overview": ("位置示意", "Location"),
    "table_layer": ("表格", "table"),
    "made_with": ("Risk Atlas {version} · QGIS {qgis}", "Risk Atlas {version} · QGIS {qgis}"),
    "run_label": ("方案", "Run"),
    "method_note": ("人口按面积分摊至评估单元；风险等级：下限值含于本级。",
                    "Residents apportioned to map units by area; a level's lower bound belongs to that level."),
    # table headings
    "col_level": ("风险等级", "Risk level"),
    "col_units": ("评估单元", "Map units"),
    "col_area": ("面积（km²）", "Area (km²)"),
    "col_residents": ("常住人口", "Residents"),
    "col_share": ("人口占比", "Share"),
    "col_enterprises": ("企业", "Enterprises"),
    "total": ("合计", "Total"),
    "col_unit_id": ("单元编号", "Unit"),
    "col_grade": ("级别", "Grade"),
    "col_r": ("R值", "R"),
    "col_enterprise": ("所属企业", "Enterprise"),
    "col_page": ("页码", "Page"),
    "col_township": ("镇街", "Township"),
    "col_high_share": ("重大+较大风险人口", "Major+high"),
    "col_cover5": ("5分钟覆盖率", "5-min cover"),
    "col_m2pc": ("人均避难面积", "Shelter m²/p."),
    # indicators
    # indicator lines (label with its colon, then the value)
    "cover5": ("消防站5分钟可达人口比例：", "Residents within 5 min of a fire station: "),
    "shelter": ("人均固定避难场所面积：", "Fixed-shelter area: "),
    "major": ("重大危险源：", "Major hazard units: "),
    "not_given": ("—（未提供）", "— (not given)"),
    "none": ("无", "none"),
    "no_major_units": ("本镇街无重大危险源", "No major hazard unit in this township"),
    "more_units": ("另有 {n} 个未列出", "{n} more not listed"),
    "uncovered": ("未覆盖 {n} 人", "{n} not covered"),
    "target": ("目标 ≥ {t}", "target ≥ {t}"),
    "meets": ("达标", "met"),
    "fails": ("未达标", "not met"),
    "deficit": ("缺口 {n} m²", "short by {n} m²"),
    "m2_per_capita": ("{v} m²/人", "{v} m²/person"),
    "units_total": ("共 {n} 个", "{n} in all"),
    "chart_area": ("面积", "Area"),
    "chart_residents": ("人口", "Residents"),
    "county_deficit": ("县域缺口 {n} m²", "county deficit {n} m²"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "page_of": ("第 {n} 页 / 共 {total} 页", "Page {n} of {total}"),
    # the fire-station page and the sheets' reach map
    "fire_page": ("消防站5分钟到达范围", "Fire stations: 5-minute reach"),
    "fire_subtitle": ("接警后5分钟内消防车可到达的范围与未覆盖区域",
                      "Land a fire engine reaches within 5 minutes of dispatch, and the gaps"),
    "reach_area": ("5分钟到达范围", "Reached within 5 min"),
    "reach_gap": ("未覆盖区域（5分钟内不可达）", "Gap: not reached within 5 min"),
    "reach_gap_short": ("未覆盖区域", "Gap (not reached)"),
    "fire_figures": ("消防覆盖", "Fire cover"),
    "covered": ("5分钟可达人口：", "Residents within 5 min: "),
    "not_covered": ("未覆盖人口：", "Residents not reached: "),
    "cover_share": ("可达人口比例：", "Share reached: "),
    "fire_towns": ("各镇街消防覆盖", "Fire cover by township"),
    "stations_table": ("消防站一览", "Fire stations"),
    "fire_note": ("可达人口比例 = 可达人口 ÷（可达人口 + 未覆盖人口），人口按到达分析网格分摊。"
                  "辖区面积：各站在无时限条件下最先到达的区域；“超出上限”表示辖区面积大于《城市消防站建设标准》"
                  "（建标152-2017）第十四条对该类站的规定，宜增设消防站或调整辖区。",
                  "Share reached = residents reached ÷ (reached + not reached), residents apportioned on the reach "
                  "analysis's grid. District: the land a station reaches first with no time limit; 'over the "
                  "limit' means the district is larger than 建标152-2017 §14 allows for the station's class: "
                  "another station or a smaller district is needed."),
    "reach_map": ("消防站5分钟到达", "Fire stations: 5-min reach"),
    # the shelter page and the sheets' shelter map
    "shelter_page": ("应急避难场所覆盖", "Emergency shelter coverage"),
    "shelter_subtitle": ("各镇街人均固定避难场所面积（目标 ≥ {t} m²/人）、服务范围与超负荷场所",
                         "Fixed-shelter area per resident by township (target ≥ {t} m²), service areas and "
                         "overloaded shelters"),
    "service_area": ("避难场所服务范围", "Shelter service area"),
    "shelter_ok": ("避难场所", "Shelter"),
    "shelter_overloaded": ("超负荷避难场所", "Overloaded shelter"),
    "shelter_figures": ("避难场所指标", "Shelter figures"),
    "m2pc_line": ("人均固定避难场所面积：", "Fixed-shelter area per resident: "),
    "shelter_basis": ("有效面积 {a} m² ÷ 计入人口 {r} 人", "effective area {a} m² ÷ residents counted {r}"),
    "county_deficit_line": ("县域缺口：", "County deficit: "),
    "total_deficit_line": ("各镇街缺口合计：", "Sum of township deficits: "),
    "overloaded_line": ("超负荷避难场所：", "Overloaded shelters: "),
    "shelter_towns": ("各镇街人均避难面积", "Shelter area per resident by township"),
    "overloaded_table": ("超负荷避难场所", "Overloaded shelters"),
    "no_overloaded": ("无超负荷避难场所", "No shelter is overloaded"),
    "more_listed": ("（共 {n} 处，另有 {more} 处未列出）", " ({n} in all; {more} more not listed)"),
    "shelter_note": ("超负荷：服务人口人均面积低于目标或服务人口超过容量。服务范围：按避难场所类型的服务半径"
                     "（GB 51143-2015）。",
                     "Overloaded: less than the target area per served resident, or more served residents than "
                     "its capacity. Service area: the radius of the shelter's type (GB 51143-2015)."),
    "shelter_map": ("避难场所覆盖", "Shelters"),
    "persons": ("人", "residents"),
    "shelter_count": ("处", "shelters"),
    # more table headings
    "col_covered": ("可达人口", "Reached"),
    "col_not_covered": ("未覆盖人口", "Not reached"),
    "col_cover_share": ("可达比例", "Share"),
    "col_station": ("消防站", "Station"),
    "col_class": ("类别", "Class"),
    "col_reach_km2": ("首到面积（km²）", "Reached (km²)"),
    "col_station_res": ("首到人口", "Residents"),
    "col_district": ("辖区面积（km²）", "District (km²)"),
    "col_limit": ("上限（km²）", "Limit (km²)"),
    "col_exceeds": ("超出上限", "Over limit"),
    "col_shelter_res": ("计入人口", "Residents"),
    "col_shelter_area": ("有效面积（m²）", "Area (m²)"),
    "col_meets": ("达标", "Meets"),
    "col_deficit": ("缺口（m²）", "Deficit (m²)"),
    "col_overloaded": ("超负荷", "Overloaded"),
    "col_shelter": ("避难场所", "Shelter"),
    "col_type": ("类型", "Type"),
    "col_served": ("服务人口", "Served"),
    "col_m2_served": ("人均（m²）", "m²/served"),
    # the resources page (rescue teams, supply depots, key targets) and natural hazards on the maps
    "resources_page": ("应急资源与重点目标", "Rescue forces, supplies and key targets"),
    "resources_subtitle": ("应急救援队伍、物资储备库的道路可达范围与未覆盖的人口和重点防护目标",
                           "Where rescue teams and supply depots reach on the roads, and the residents and key "
                           "targets left out"),
    "resources_figures": ("应急资源覆盖", "Resource coverage"),
    "resources_towns": ("各镇街应急资源覆盖", "Resource coverage by township"),
    "resources_targets": ("救援队伍未及时到达的重点目标", "Key targets rescue teams do not reach in time"),
    "no_left_out_targets": ("重点目标均可及时到达", "Every key target is reached in time"),
    "rescue_line": ("救援队伍：", "Rescue teams: "),
    "depot_line": ("物资储备库：", "Supply depots: "),
    "targets_line": ("重点防护目标：", "Key targets: "),
    "teams_count": ("{n} 支，{p} 人", "{n} teams, {p} members"),
    "depots_count": ("{n} 处，可保障 {p} 人", "{n} depots, supplies for {p} people"),
    "targets_count": ("{n} 处", "{n} sites"),
    "within_limit": ("{t} 分钟可达人口比例 {s}（未覆盖 {n} 人）", "{s} of residents within {t} min ({n} left out)"),
    "targets_left": ("救援队伍未及时到达 {n} 处（容纳 {p} 人）", "{n} not reached by rescue teams in time ({p} people)"),
    "resources_note": ("时限自调派起算，含出动（装车）时间，到达时间恰为时限视为及时；未覆盖区域为时限内无队伍"
                       "（储备库）可达、或距可达道路超过到达距离的土地；人口按分析网格分摊，再按人口分配至各镇街。",
                       "Time limits count from dispatch, turnout (loading) included; an arrival at exactly the limit "
                       "is in time. Left out: land no team (depot) reaches in time, or farther from a reached road than "
                       "the access distance; residents apportioned on the analysis's grid, then placed in the "
                       "townships by their residents."),
    "rescue_reach": ("救援队伍可达范围", "Reached by rescue teams"),
    "rescue_gap": ("救援队伍未覆盖区域", "Left out by rescue teams"),
    "rescue_teams": ("应急救援队伍", "Rescue team"),
    "supply_depots": ("应急物资储备库", "Supply depot"),
    "targets_left_out": ("未及时到达的重点目标", "Key target not reached in time"),
    "targets_reached": ("及时到达的重点目标", "Key target reached in time"),
    "natural_hazards": ("自然灾害隐患点", "Natural-hazard site"),
    "col_rescue_left": ("救援未覆盖人口", "Left out (rescue)"),
    "col_rescue_pct": ("救援可达比例", "Rescue cover"),
    "col_depot_left": ("物资未覆盖人口", "Left out (supplies)"),
    "col_targets_left": ("未及时到达目标", "Targets left out"),
    "col_target": ("重点目标", "Key target"),
    "col_category": ("类别", "Category"),
    "col_occupancy": ("容纳人数", "Occupancy"),
    "col_arrival": ("到达（分钟）", "Arrival (min)"),
    "unreachable": ("不可达", "not reached"),
    "sources_combined": ("　风险源：{k}", " · sources: {k}"),
    "cover_subtitle_short": ("红橙黄蓝四色安全风险空间分布图", "Four-colour safety risk map"),
    "kind_enterprises": ("企业", "enterprises"),
    "kind_hazard_units": ("重大危险源", "major hazard units"),
    "kind_natural_hazards": ("自然灾害隐患点/风险区", "natural hazards"),
}

GRADE_LABELS = {1: ("一级", "Grade I"), 2: ("二级", "Grade II"), 3: ("三级", "Grade III"), 4: ("四级", "Grade IV")}
GRADE_SHORT = {1: ("一级", "I"), 2: ("二级", "II"), 3: ("三级", "III"), 4: ("四级", "IV")}
LANGUAGES = ("zh", "en")


def text(key, language, **values):
    zh, en = TEXT[key]
    value = zh if language == "zh" else en
    return value.format(**values) if values else value


def yes_no(value, language):
    """是 / 否 (yes / no); '—' for None."""
    if value is None:
        return "—"
    return text("yes" if value else "no", language)


def level_label(level, language):
    entry = RISK_LEVELS[level - 1]
    return entry.label_zh if language == "zh" else entry.label_en


def grade_label(grade, language, short=False):
    table = GRADE_SHORT if short else GRADE_LABELS
    zh, en = table[int(grade)]
    return zh if language == "zh" else en


# ---------------------------------------------------------------- numbers

def integer(value):
    """12,345 (half up, ``core.headline``'s rule); '—' for None/NaN."""
    return H.integer_text(None if value is None else float(value))


def decimal(value, places=1):
    return H.decimal_text(None if value is None else float(value), places)


def percent(share, places=1):
    """0.8234 → '82.3%'; None → '—'."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "—"
    return f"{H.decimal_text(100.0 * float(share), places)}%"


def percent_of(numerator, denominator):
    """numerator ÷ denominator as '43.3%' (0.1 % from the unrounded ratio, as the headline figures)."""
    value = H.share_percent(numerator, denominator)
    return "—" if value is None else f"{H.percent_text(value)}%"


def area_km2(value):
    """Two decimals below 10 km², one above."""
    if value is None:
        return "—"
    return decimal(value, 2 if abs(value) < 10 else 1)


def format_date(value, language, today=None):
    """'' → today; an ISO date (YYYY-MM-DD) → '2024年6月7日' / '7 June 2024'; other text as given."""
    value = (value or "").strip()
    if not value:
        day = today or datetime.date.today()
    else:
        try:
            day = datetime.date.fromisoformat(value)
        except ValueError:
            return value
    if language == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # not strftime: that follows the machine's locale


# ---------------------------------------------------------------- figure texts

def coverage_text(figures, language):
    """'43.3%（未覆盖 283,513 人）': residents reached ÷ (reached + not reached), and those not reached."""
    if figures.covered_residents is None:
        return text("not_given", language)
    covered, uncovered = figures.covered_residents, figures.not_covered_residents
    share = percent_of(covered, covered + uncovered)
    return f"{share}（{text('uncovered', language, n=integer(uncovered))}）" if language == "zh" else \
        f"{share} ({text('uncovered', language, n=integer(uncovered))})"


def target_text(target):
    """The shelter target as printed: at least one decimal (1.5, 2.0, 1.25), so it reads as m² per person."""
    value = float(target)
    return f"{value:.1f}" if round(value, 1) == value else f"{value:g}"


def shelter_text(figures, language, target, county=False, with_deficit=True):
    """'0.50 m²/人（目标 ≥ 2.0，未达标，缺口 255 m²）': the area's m² per capita judged against ``target``
    (``figures.meets_target`` was computed against the same target); ``county``: the deficit is named
    the county deficit (``core.headline.FOOTNOTES``)."""
    if figures.m2_per_capita is None:
        return text("not_given", language)
    meets = figures.meets_target
    parts = [text("target", language, t=target_text(target))]
    if meets is not None:
        parts.append(text("meets" if meets else "fails", language))
    if meets is False and figures.deficit_m2 and with_deficit:
        parts.append(text("county_deficit" if county else "deficit", language, n=integer(figures.deficit_m2)))
    value = text("m2_per_capita", language, v=decimal(figures.m2_per_capita, 2))
    if language == "zh":
        return f"{value}（{'，'.join(parts)}）"
    return f"{value} ({', '.join(parts)})"


def major_text(figures, language):
    if figures.major_by_grade is None:
        return text("not_given", language)
    counts = [f"{grade_label(g, language, short=True)} {int(n)}" for g, n in zip((1, 2, 3, 4), figures.major_by_grade)]
    total = text("units_total", language, n=int(figures.major_by_grade.sum()))
    separator = " · "
    return f"{separator.join(counts)}（{total}）" if language == "zh" else f"{separator.join(counts)} ({total})"


def level_rows(figures, language):
    """Rows of the figures table: one per level, then the total. Values are formatted text."""
    rows = []
    ent = figures.enterprises_by_level
    for i, entry in enumerate(RISK_LEVELS):
        rows.append({
            "row": i + 1, "level": entry.level, "level_label": level_label(entry.level, language),
            "units": integer(figures.units[i]), "area_km2": area_km2(float(figures.area_by_level_km2[i])),
            "residents": integer(float(figures.residents_by_level[i])),
            "share": percent_of(float(figures.residents_by_level[i]), figures.residents),
            "enterprises": "—" if ent is None else integer(int(ent[i])),
        })
    rows.append({
        "row": 5, "level": None, "level_label": text("total", language),
        "units": integer(int(figures.units.sum())), "area_km2": area_km2(float(figures.area_by_level_km2.sum())),
        "residents": integer(figures.residents), "share": percent(1.0 if figures.residents > 0 else None),
        "enterprises": "—" if ent is None else integer(int(ent.sum())),
    })
    return rows


# CRS descriptions as QGIS writes them -> the Chinese name ({0}: the zone's number or central meridian)
CRS_NAMES_ZH = (
    (r"CGCS2000 / 3-degree Gauss-Kruger CM (\d+)E", "2000国家大地坐标系 3度带高斯-克吕格投影 中央经线{0}°E"),
    (r"CGCS2000 / 3-degree Gauss-Kruger zone (\d+)", "2000国家大地坐标系 3度带高斯-克吕格投影 第{0}带"),
    (r"CGCS2000 / Gauss-Kruger CM (\d+)E", "2000国家大地坐标系 6度带高斯-克吕格投影 中央经线{0}°E"),
    (r"CGCS2000 / Gauss-Kruger zone (\d+)", "2000国家大地坐标系 6度带高斯-克吕格投影 第{0}带"),
    (r"China Geodetic Coordinate System 2000", "2000国家大地坐标系"),
    (r"WGS 84 / UTM zone (\d+)N", "WGS 84 UTM投影 第{0}带（北半球）"),
    (r"WGS 84 / UTM zone (\d+)S", "WGS 84 UTM投影 第{0}带（南半球）"),
)


def crs_note(description, authid, language):
    """The map's CRS as the atlas prints it, in ``language``, with the separator before the scale:
    '坐标系：2000国家大地坐标系 3度带高斯-克吕格投影 中央经线120°E（EPSG:4549）　'. A CRS without a
    Chinese name keeps QGIS's description."""
    import re

    name = description or authid or ""
    if language == "zh":
        for pattern, chinese in CRS_NAMES_ZH:
            found = re.fullmatch(pattern, name)
            if found:
                name = chinese.format(*found.groups())
                break
        return f"{text('crs', language)}{name}（{authid}）　" if authid else f"{text('crs', language)}{name}　"
    return f"{text('crs', language)}{name} ({authid})   " if authid else f"{text('crs', language)}{name}   "
