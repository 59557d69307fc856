"""Every word of the HTML reports (fire-station reach, shelters), in Chinese and English.

The reports follow the algorithm's LANGUAGE parameter (else QGIS's UI language), not Qt's
translator, so their words live in this explicit zh/en table. Numbers are never in the words:
``{n}``-style placeholders take them. No QGIS import.
"""

WORDS = {
    # shared
    "yes": ("是", "yes"), "no": ("否", "no"), "total": ("合计", "Total"), "notes": ("说明", "Notes"),
    "warnings": ("注意", "Warnings"), "parameters": ("参数", "Parameters"), "provenance": ("来源", "Provenance"),
    "headline": ("主要数据", "Headline figures"),
    "headline_note": ("这些数据与图集 PDF、运行日志和结果 GeoPackage 的 headline_figures 表中的同名数据一致。",
                      "These figures are the ones the atlas PDF, the log and the headline_figures table of the results "
                      "GeoPackage print under the same names."),
    # fire-station reach
    "reach_title": ("消防站到达范围分析", "Fire-station reach"),
    "reach_intro": ("接警后 {t} 分钟内（出动时间 + 行车时间）沿道路网可到达的范围；到达道路 {roads} km；研究区 {study} km²；"
                    "未覆盖区域 {gaps} km²；陆域判定网格 {cell} m。站类上限：建标152-2017 第十四条，GB 51080-2015 §4.1。",
                    "Land reached within {t} minutes of dispatch (turnout + driving) along the roads; roads reached "
                    "{roads} km; study area {study} km²; gaps {gaps} km²; land-rule grid {cell} m. Class limits: "
                    "建标152-2017 §14, GB 51080-2015 §4.1."),
    "stations": ("各消防站", "Stations"),
    "speeds": ("采用车速", "Speeds used"),
    "speeds_note": ("车速表 {table}（{source}）。道路按车速来源分组：车速字段、限速 maxspeed × 系数、道路等级车速、默认车速；"
                    "不计入路网（left out）的道路消防车不行驶。",
                    "Speed table {table} ({source}). Roads by where their speed came from: the speed field, maxspeed × "
                    "the factor, the class's speed, the default speed; roads left out are not driven."),
    "col_speed_source": ("车速来源", "Source"), "col_road_class": ("道路等级", "Class"),
    "col_kmh": ("车速（km/h）", "km/h"), "col_roads": ("道路条数", "Roads"),
    "col_station": ("消防站", "Station"), "col_id": ("编号", "Id"), "col_class": ("类别", "Class"),
    "col_turnout": ("出动时间（分钟）", "Turnout (min)"), "col_on_network": ("接入路网", "On the roads"),
    "col_reach_km2": ("首到面积（km²）", "Reached first (km²)"), "col_residents": ("首到人口", "Residents reached"),
    "col_district_km2": ("辖区面积（km²）", "District (km²)"), "col_limit_km2": ("站类上限（km²）", "Class limit (km²)"),
    "col_exceeds": ("辖区超出上限", "District over the limit"),
    "col_district_pct": ("辖区按时到达面积比例", "District reached in time"),
    "col_district_res": ("辖区人口", "District residents"),
    "col_res_pct": ("辖区人口按时到达比例", "District residents reached"),
    "col_enterprises": ("覆盖企业 / 企业", "Enterprises covered / all"),
    "stations_note": ("每行一个消防站。首到面积与首到人口：该站在时限内最先到达的土地及其人口（各站之间不重叠，合计即全县可达人口）。"
                      "辖区：无时限条件下该站最先到达的土地（或给定的辖区）。辖区超出上限：辖区面积大于该类站的上限"
                      "（特勤站同一级站，郊区站 15 km²）。",
                      "One row per station. Reached first: the land the station reaches first within the time limit, "
                      "and its residents (no overlaps: the total is the county's residents within reach). District: "
                      "the land the station reaches first with no time limit (or the district given). Over the limit: "
                      "the district is larger than the class allows (special stations as class 1, suburban 15 km²)."),
    "all_exceed": ("全部 {n} 个消防站的辖区都超出上限：现有消防站不足以使每个辖区符合建标152-2017，需增设消防站或缩小辖区。",
                   "All {n} stations' districts are over their class limit: the county has too few stations for "
                   "districts that meet 建标152-2017 — more stations, or smaller districts, are needed."),
    "some_exceed": ("{n} 个消防站的辖区超出上限（见“辖区超出上限”一列）。",
                    "{n} stations' districts are over their class limit (column 'District over the limit')."),
    # shelters
    "shelter_title": ("人均避难场所面积分析", "Shelter area per resident"),
    "method": ("方法", "Method"), "target": ("目标", "Target"), "target_value": ("≥ {t} m²/人（等于目标即达标）",
                                                                              "≥ {t} m² per resident (equal meets it)"),
    "types_counted": ("计入的避难场所类型", "Shelter types counted"),
    "share_meeting": ("达标人口比例", "Share of residents meeting the target"),
    "no_shelter": ("服务范围外人口", "Residents with no shelter in reach"),
    "unreached": ("无人可达的避难场所", "Shelters nobody reaches"),
    "below_min": ("有效面积不足 {a} m² 的避难场所", "Shelters under the minimum site area ({a} m²)"),
    "method_0": ("行政区法：位于各镇街内的避难场所有效面积 ÷ 该镇街人口", "Administrative: effective area of the shelters "
                 "located in the unit ÷ its residents"),
    "method_1": ("两步移动搜索法（直线距离）", "Two-step floating catchment (straight line)"),
    "method_2": ("两步移动搜索法（沿道路步行距离）", "Two-step floating catchment (walking on roads)"),
    "units": ("各镇街", "Townships"),
    "col_unit_id": ("编号", "Id"), "col_unit": ("镇街", "Township"), "col_unit_res": ("计入人口", "Residents"),
    "col_area": ("有效面积（m²）", "Effective area (m²)"), "col_count": ("避难场所数", "Shelters"),
    "col_m2pc": ("人均面积（m²/人）", "m² per resident"), "col_meets": ("达标", "Meets the target"),
    "col_deficit": ("缺口（m²）", "Deficit (m²)"), "col_reach_share": ("服务范围内达标人口比例", "Residents meeting it "
                                                                                            "(catchment)"),
    "col_reach_none": ("服务范围外人口", "No shelter in reach"),
    "units_note": ("每行一个镇街：有效面积 ÷ 计入人口，与目标比较（等于目标即达标）；缺口 = 目标 × 人口 − 面积。"
                   "最后两列为按服务半径的两步移动搜索法结果，供参考。",
                   "One row per township: effective area ÷ residents counted, against the target (equal meets it); "
                   "deficit = target × residents − area. The last two columns are the catchment (2SFCA) figures, "
                   "for reference."),
    "overloaded": ("超负荷避难场所（{n}）", "Overloaded shelters ({n})"),
    "col_shelter": ("避难场所", "Shelter"), "col_type": ("类型", "Type"), "col_served": ("服务人口", "Residents served"),
    "col_per_served": ("人均面积（m²/人）", "m² per served resident"), "col_over_capacity": ("超出容量", "Over capacity"),
    "overloaded_note": ("超负荷：服务人口（服务半径内的人口，两步移动搜索法）人均面积低于目标，或服务人口超过容量。",
                        "Overloaded: less than the target area per served resident (residents within the service "
                        "radius, 2SFCA), or more served residents than its capacity."),
    "more_rows": ("另有 {n} 处，见避难场所负荷图层。", "{n} more in the shelter load layer."),
    "types": ("避难场所类型表", "Shelter types"),
    "col_code": ("代码", "Code"), "col_name_zh": ("名称", "Name (zh)"), "col_name_en": ("英文名称", "Name (en)"),
    "col_counts": ("计入人均指标", "Counts toward the indicator"), "col_radius": ("服务半径（m）", "Service radius (m)"),
    "col_source": ("依据", "Source"),
    "types_note": ("表：{source}。场地有效面积不应小于 {a} m²（GB 21734-2008）。",
                   "Table: {source}. Minimum site effective area {a} m² (GB 21734-2008)."),
    # scenario comparison (riskatlas:comparescenarios)
    "scn_title": ("方案对比：{before} → {after}", "Scenario comparison: {before} → {after}"),
    "scn_intro": ("对比两次全流程评估的结果。镇街的消防站{t}分钟可达人口：各次消防站到达分析本身的首到人口与未覆盖人口，"
                  "按四色图网格人口分摊到镇街（与各次图集镇街分图的数据相同，各镇街合计等于全县可达人口）；"
                  "人均固定避难场所面积：各次避难场所分析的镇街结果。变化小于 {r} 人或 {m} m²/人视为舍入误差，不列为变化。",
                  "Two runs of the full assessment compared. Residents within {t} min of a fire station per township: "
                  "each run's own reach analysis (residents reached first and the gaps) placed in the townships by "
                  "the four-colour map's residents — the figures of each run's township sheets, adding up to the "
                  "county's. Fixed-shelter m² per resident: each run's shelter analysis per township. Differences "
                  "below {r} residents or {m} m² per resident are rounding, not change."),
    "scn_limit": ("时限", "the time limit"),
    "scn_county": ("全县", "County"),
    "scn_covered": ("消防站按时可达人口", "Residents covered by fire stations in time"),
    "scn_share": ("可达人口比例", "Share of residents covered"),
    "scn_changes": ("覆盖发生变化的要素", "Features whose coverage changed"),
    "scn_towns": ("各镇街", "Townships"),
    "scn_list": ("变化清单", "Changes"),
    "scn_none": ("两次结果之间没有覆盖变化。", "No coverage changed between the two runs."),
    "scn_more": ("另有 {n} 项，见覆盖变化图层。", "{n} more in the coverage changes layer."),
    "scn_list_note": ("目标（企业、重点目标）：前后两次为到达时间（分钟，空 = 无法到达）；列出在一次中按时到达、另一次中未按时到达的目标。"
                      "镇街：可达人口；避难：人均面积（m²/人）。",
                      "Targets (enterprises, key targets): before and after are arrival minutes (empty: not reached); "
                      "listed when covered in time in one run and not in the other. Townships: residents covered; "
                      "shelters: m² per resident."),
    "scn_col_town": ("镇街", "Township"), "scn_col_residents": ("常住人口", "Residents"),
    "scn_col_name": ("名称", "Name"),
    "scn_before": ("变化前", "Before"), "scn_after": ("变化后", "After"), "scn_change": ("变化", "Change"),
    "scn_col_kind": ("类别", "Kind"), "scn_col_status": ("变化情况", "Status"),
    "scn_col_covered_b": ("可达人口（前）", "Covered (before)"), "scn_col_covered_a": ("可达人口（后）", "Covered (after)"),
    "scn_col_pct_b": ("覆盖率（前）", "Share (before)"), "scn_col_pct_a": ("覆盖率（后）", "Share (after)"),
    "scn_col_m2_b": ("人均避难面积（前）", "m²/person (before)"), "scn_col_m2_a": ("人均避难面积（后）", "m²/person (after)"),
    "scn_col_gained": ("新增覆盖目标", "Targets gained"), "scn_col_lost": ("失去覆盖目标", "Targets lost"),
    "scn_kind_township": ("镇街消防覆盖", "Township: fire cover"),
    "scn_kind_shelter_township": ("镇街人均避难面积", "Township: shelter m²/person"),
    "scn_kind_enterprise": ("企业", "Enterprise"), "scn_kind_hazard_unit": ("危险源单元", "Hazard unit"),
    "scn_kind_target": ("目标", "Target"), "scn_kind_key_target": ("重点目标（救援队伍）", "Key target (rescue teams)"),
    "scn_kind_key_target_supply": ("重点目标（物资储备）", "Key target (supply depots)"),
    "scn_status_gained": ("新增按时到达", "now covered"), "scn_status_lost": ("不再按时到达", "no longer covered"),
    "scn_status_better": ("改善", "better"), "scn_status_worse": ("变差", "worse"),
    "scn_status_added": ("仅变化后有", "only after"), "scn_status_removed": ("仅变化前有", "only before"),
}


def word(key, language, **values):
    zh, en = WORDS[key]
    text = zh if language == "zh" else en
    return text.format(**values) if values else text
