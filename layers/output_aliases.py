"""The aliases of every output field (``layers/outputs.py`` and the tables core builds), in Chinese and English:
an attribute table of a result reads in the run's language while the field names — what expressions, models
and other tools use — stay as they are. Applied to a result layer when QGIS loads it
(``processing/provenance.py``) and in the assessment's project (``assessment/project.py``).
"""
OUTPUT_ALIASES = {  # field -> (zh, en)
    # risk levels (four-colour map, hazard units, enterprise risk)
    "risk_level": ("风险等级", "Risk level"), "risk_label_zh": ("风险等级名称（中文）", "Risk level name (Chinese)"),
    "risk_label_en": ("风险等级名称（英文）", "Risk level name (English)"), "risk_colour": ("风险颜色", "Risk colour"),
    # validation and import reports
    "layer": ("图层", "Layer"), "feature_id": ("要素编号（fid）", "Feature id (fid)"),
    "feature_key": ("要素标识", "Feature key"), "field": ("字段", "Field"), "problem": ("问题类型", "Problem"),
    "severity": ("严重程度", "Severity"), "message": ("说明", "Message"), "section": ("部分", "Section"),
    "status": ("状态", "Status"), "row": ("行号", "Row"), "rows": ("所有行号", "Rows"), "count": ("数量", "Count"),
    "column": ("列", "Column"), "value": ("值", "Value"), "result": ("结果", "Result"),
    # hazard grading (GB 18218-2018)
    "unit_id": ("单元编号", "Unit id"), "n_substances": ("物质种数", "Substances"),
    "s_value": ("S 值（Σ q/Q）", "S value (Σ q/Q)"), "is_major": ("重大危险源", "Major hazard source"),
    "alpha": ("α 校正系数", "α correction factor"), "exposed_people": ("暴露人数", "People exposed"),
    "exposed_source": ("暴露人数来源", "People exposed from"), "boundary": ("暴露人数所用边界", "Boundary used"),
    "r_value": ("R 值", "R value"), "hazard_grade": ("危险源级别", "Hazard grade"),
    "grade_label_zh": ("级别名称", "Grade name"), "enterprise_id": ("所属企业", "Enterprise"),
    "record_fid": ("记录 fid", "Record fid"), "substance": ("物质名称", "Substance"),
    "substance_std": ("标准物质名称", "Standard substance name"), "table1_seq": ("表 1 序号", "Table 1 number"),
    "category": ("类别", "Category"), "q_t": ("实际存在量（t）", "Quantity (t)"),
    "crit_q_t": ("临界量（t）", "Critical quantity (t)"), "q_source": ("临界量来源", "Critical quantity from"),
    "beta": ("β 校正系数", "β correction factor"), "beta_source": ("β 来源", "β from"), "q_ratio": ("q/Q", "q/Q"),
    "beta_q_ratio": ("β·q/Q", "β·q/Q"),
    # enterprise risk and the four-colour map
    "risk_score": ("风险分值", "Risk score"), "score_level": ("分值对应等级", "Level from the score"),
    "hazard_level": ("危险源对应等级", "Level from hazard units"), "hazard_unit_id": ("危险源单元", "Hazard unit"),
    "level_source": ("等级来源", "Level from"), "risk_method": ("评价方法", "Method"),
    "risk_preset": ("分级预设", "Preset"), "n_level1": ("重大风险来源数", "Level 1 sources"),
    "n_level2": ("较大风险来源数", "Level 2 sources"), "n_level3": ("一般风险来源数", "Level 3 sources"),
    "n_level4": ("低风险来源数", "Level 4 sources"), "source_id": ("决定等级的来源", "Deciding source"),
    "source_layer": ("来源图层", "Source layer"), "source_fid": ("来源要素 fid", "Source fid"),
    "source_dist_m": ("至来源距离（米）", "Distance to the source (m)"), "cell_id": ("网格编号", "Cell id"),
    "col": ("列号", "Column"),
    # fire-station reach and resource coverage
    "road_fid": ("道路 fid", "Road fid"), "station_id": ("消防站编号", "Station id"),
    "arrival_min": ("到达时间（分钟）", "Arrival (min)"), "entry_min": ("驶入时间（分钟）", "Entered at (min)"),
    "length_m": ("长度（米）", "Length (m)"), "band_from_min": ("时段起（分钟）", "Band from (min)"),
    "band_to_min": ("时段止（分钟）", "Band to (min)"), "name": ("名称", "Name"), "class": ("站级", "Class"),
    "turnout_min": ("出动时间（分钟）", "Turnout (min)"), "on_network": ("已接入路网", "On the network"),
    "snap_dist_m": ("接入路网距离（米）", "Distance to the network (m)"),
    "reach_km2": ("可达面积（km²）", "Area reached (km²)"), "residents": ("人口", "Residents"),
    "residents_in_time": ("按时可达人口", "Residents reached in time"),
    "residents_in_time_pct": ("按时可达人口比例（%）", "Residents reached in time (%)"),
    "district_km2": ("辖区面积（km²）", "District area (km²)"), "district_source": ("辖区来源", "District from"),
    "class_limit_km2": ("站级辖区面积上限（km²）", "Class limit (km²)"),
    "exceeds_limit": ("超过上限", "Exceeds the limit"),
    "district_in_time_pct": ("辖区按时可达面积比例（%）", "District reached in time (%)"),
    "district_residents": ("辖区人口", "District residents"), "gap_id": ("未覆盖区编号", "Gap id"),
    "area_km2": ("面积（km²）", "Area (km²)"), "target_layer": ("目标图层", "Target layer"),
    "target_id": ("目标编号", "Target id"), "covered": ("按时到达", "Reached in time"),
    "resource_id": ("资源编号", "Resource id"), "resource_kind": ("资源类型", "Resource kind"),
    "key_targets": ("重点目标数", "Key targets"), "key_occupancy": ("重点目标人数", "Key targets' occupancy"),
    "town_id": ("镇街编号", "Township id"), "resources": ("资源数", "Resources"),
    "time_limit_min": ("时限（分钟）", "Time limit (min)"),
    "residents_reached": ("按时可达人口", "Residents reached"),
    "residents_left_out": ("未覆盖人口", "Residents left out"), "reached_pct": ("可达人口比例（%）", "Reached (%)"),
    "key_targets_left_out": ("未覆盖重点目标数", "Key targets left out"),
    "occupancy_left_out": ("未覆盖重点目标人数", "Occupancy left out"), "occupancy": ("人数", "Occupancy"),
    # fire-station siting and scenarios
    "rank": ("名次", "Rank"), "site_id": ("站址编号", "Site id"), "road_id": ("所在道路", "Road"),
    "added_residents": ("新增覆盖人口", "Residents added"), "added_targets": ("新增覆盖目标", "Targets added"),
    "added_weight": ("新增加权需求", "Weight added"), "residents_pct_after": ("累计覆盖率（%）", "Share after (%)"),
    "kind": ("类别", "Kind"), "demand_id": ("需求编号", "Demand id"),
    "arrival_limit_min": ("到达时限（分钟）", "Arrival limit (min)"),
    "coverable": ("候选站可达", "A candidate could reach it"), "measure": ("指标", "Measure"),
    "label": ("指标名称", "Label"), "before": ("变化前", "Before"), "after": ("变化后", "After"),
    "change": ("变化", "Change"), "unit": ("单位", "Unit"), "id": ("编号", "Id"),
    "covered_before": ("变化前按时可达人口", "Reached before"),
    "covered_after": ("变化后按时可达人口", "Reached after"),
    "covered_change": ("按时可达人口变化", "Change in residents reached"),
    "covered_pct_before": ("变化前可达比例（%）", "Reached before (%)"),
    "covered_pct_after": ("变化后可达比例（%）", "Reached after (%)"),
    "m2pc_before": ("变化前人均避难面积（m²/人）", "m² per resident before"),
    "m2pc_after": ("变化后人均避难面积（m²/人）", "m² per resident after"),
    "m2pc_change": ("人均避难面积变化（m²/人）", "Change in m² per resident"),
    "shelter_area_m2_before": ("变化前避难场所面积（m²）", "Shelter area before (m²)"),
    "shelter_area_m2_after": ("变化后避难场所面积（m²）", "Shelter area after (m²)"),
    "targets_gained": ("新增按时到达目标", "Targets now reached"),
    "targets_lost": ("不再按时到达目标", "Targets no longer reached"),
    # incident surroundings
    "incident_id": ("事件编号", "Incident id"), "ring_m": ("半径（米）", "Ring (m)"),
    "key_target_occupancy": ("重点目标人数", "Key targets' occupancy"), "enterprises": ("企业数", "Enterprises"),
    "hazard_units": ("危险源单元数", "Hazard units"),
    "shelter_spare_capacity": ("避难场所剩余容量（人）", "Shelters' spare capacity"),
    "responder_id": ("救援力量编号", "Responder id"), "distance_m": ("距离（米）", "Distance (m)"),
    # shelters per capita
    "counted_residents": ("计入人口", "Residents counted"),
    "shelters_in_reach": ("可达避难场所数", "Shelters in reach"),
    "no_shelter": ("无避难场所可达", "No shelter in reach"),
    "m2_per_capita": ("人均避难面积（m²/人）", "m² per resident"),
    "meets_target": ("达标", "Meets the target"), "deficit_m2": ("缺口面积（m²）", "Deficit (m²)"),
    "shelter_area_m2": ("避难场所面积（m²）", "Shelter area (m²)"), "shelter_count": ("避难场所数", "Shelters"),
    "reach_meeting_residents": ("服务范围法达标人口", "Residents meeting the target (catchment)"),
    "reach_no_shelter_residents": ("服务范围法无场所人口", "Residents with no shelter in reach (catchment)"),
    "reach_deficit_m2": ("服务范围法缺口面积（m²）", "Deficit by catchment (m²)"), "type": ("类型", "Type"),
    "eff_area_m2": ("有效面积（m²）", "Effective area (m²)"), "radius_m": ("服务半径（米）", "Service radius (m)"),
    "served_residents": ("服务人口", "Residents served"),
    "m2_per_served": ("人均面积（m²/人）", "m² per resident served"),
    "overloaded": ("超负荷", "Overloaded"), "over_capacity": ("超过容量", "Over capacity"),
    "below_min_area": ("面积低于下限", "Below the minimum area"),
}
PER_LAYER_SUFFIXES = {"_covered": ("{layer} 按时到达数", "{layer} reached in time"),  # fire-reach summary, per target
                      "_total": ("{layer} 总数", "{layer} in total")}  # layer


def output_alias(field, language):
    """The alias of an output field in ``language`` ('zh' or 'en'), or None when it has none."""
    index = 0 if language == "zh" else 1
    if field in OUTPUT_ALIASES:
        return OUTPUT_ALIASES[field][index]
    for suffix, words in PER_LAYER_SUFFIXES.items():
        if field.endswith(suffix) and len(field) > len(suffix):
            return words[index].format(layer=field[:-len(suffix)])
    return None


def apply_output_aliases(layer, language):
    """Give ``layer``'s fields that have no alias yet their output alias in ``language``."""
    fields = layer.fields()
    for index in range(fields.count()):
        field = fields.at(index)
        alias = output_alias(field.name(), language)
        if alias and not field.alias():
            layer.setFieldAlias(index, alias)
