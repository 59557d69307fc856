<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1">
<context>
    <name>AssessmentModel</name>
    <message>
        <location filename="../processing/model.py" line="49" />
        <source>Risk assessment as an editable model</source>
        <translation>风险评估（可编辑模型）</translation>
    </message>
</context>
<context>
    <name>Chain</name>
    <message>
        <location filename="../assessment/chain.py" line="108" />
        <source>Enterprise risk (LEC or risk matrix; an enterprise owning a graded hazard unit takes at least its level)</source>
        <translation>企业风险评价（LEC法或风险矩阵法；拥有已分级危险源单元的企业至少取该单元的等级）</translation>
    </message>
    <message>
        <location filename="../assessment/chain.py" line="108" />
        <source>The printed atlas (the county's four-colour, fire-station and shelter pages, then one sheet per township)</source>
        <translation>打印图集（县域四色图、消防站覆盖和避难场所覆盖页，之后每个镇街一页）</translation>
    </message>
    <message>
        <location filename="../assessment/chain.py" line="108" />
        <source>Fire-station reach (the time limit from dispatch, on the road network; townships as study area, enterprises as targets)</source>
        <translation>消防站到达范围（从接警出动起的时限，沿道路网络；镇街为研究范围，企业为目标）</translation>
    </message>
    <message>
        <location filename="../assessment/chain.py" line="108" />
        <source>Shelter area per capita per township (administrative method, against the fixed-shelter target)</source>
        <translation>各镇街人均避难场所面积（行政区法，对照固定避难场所面积目标）</translation>
    </message>
    <message>
        <location filename="../assessment/chain.py" line="108" />
        <source>Four-colour risk map on a square grid, cut to the townships (highest level wins by default; a level's lower bound belongs to that level)</source>
        <translation>在正方形网格上绘制四色风险图，并裁剪到镇街范围（默认就高；各等级下限属于该等级）</translation>
    </message>
    <message>
        <location filename="../assessment/chain.py" line="108" />
        <source>Validate the input layers with the rules of the steps below and the fields of the enterprise-risk method (the chain stops when errors are found: see validation.html)</source>
        <translation>按下列各步骤的规则检查输入图层，包括企业风险评估方法所需的字段（发现错误即停止，详见 validation.html）</translation>
    </message>
    <message>
        <location filename="../assessment/chain.py" line="108" />
        <source>Grade hazard sources (GB 18218-2018; exposed residents estimated from the population layer outside the plant boundary — the enterprise's polygon, else the unit's own — where a unit gives no exposed count)</source>
        <translation>重大危险源分级（GB 18218-2018；单元未给出暴露人数时，由人口图层估算厂区边界外的暴露人数——厂区边界取企业的面，否则取单元自身边界）</translation>
    </message>
    <message>
        <location filename="../assessment/chain.py" line="108" />
        <source>Rescue teams' coverage (their time limit from dispatch, on the road network; residents and key targets left out per township; when rescue teams are given)</source>
        <translation>应急救援队伍覆盖（自调派起的时限，按道路网络；各镇街未覆盖的人口和重点目标；提供救援队伍图层时运行）</translation>
    </message>
    <message>
        <location filename="../assessment/chain.py" line="108" />
        <source>Supply depots' coverage (as the rescue teams, with the depots' time limit; when supply depots are given)</source>
        <translation>应急物资储备库覆盖（同救援队伍，按储备库时限；提供储备库图层时运行）</translation>
    </message>
</context>
<context>
    <name>CompareScenarios</name>
    <message>
        <location filename="../processing/alg_compare_scenarios.py" line="17" />
        <source>Compare scenarios (before / after)</source>
        <translation>方案对比（变化前 / 变化后）</translation>
    </message>
    <message>
        <location filename="../processing/alg_compare_scenarios.py" line="23" />
        <source>Results before (GeoPackage of a full assessment)</source>
        <translation>变化前结果（全流程评估的 GeoPackage）</translation>
    </message>
    <message>
        <location filename="../processing/alg_compare_scenarios.py" line="23" />
        <source>Results after (GeoPackage of a full assessment)</source>
        <translation>变化后结果（全流程评估的 GeoPackage）</translation>
    </message>
    <message>
        <location filename="../processing/alg_compare_scenarios.py" line="26" />
        <source>Coverage changes</source>
        <translation>覆盖变化</translation>
    </message>
    <message>
        <location filename="../processing/alg_compare_scenarios.py" line="27" />
        <source>Townships before and after</source>
        <translation>各镇街变化前后</translation>
    </message>
    <message>
        <location filename="../processing/alg_compare_scenarios.py" line="28" />
        <source>Comparison report</source>
        <translation>对比报告</translation>
    </message>
    <message>
        <location filename="../processing/alg_compare_scenarios.py" line="29" />
        <source>Comparison page (PDF)</source>
        <translation>对比图页（PDF）</translation>
    </message>
    <message>
        <location filename="../processing/alg_compare_scenarios.py" line="29" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../processing/alg_compare_scenarios.py" line="32" />
        <source>Page size (landscape)</source>
        <translation>纸张大小（横向）</translation>
    </message>
    <message>
        <location filename="../processing/alg_compare_scenarios.py" line="36" />
        <source>Features whose coverage changed</source>
        <translation>覆盖发生变化的要素</translation>
    </message>
    <message>
        <location filename="../processing/alg_compare_scenarios.py" line="37" />
        <source>Residents covered in time, before</source>
        <translation>按时可达人口（变化前）</translation>
    </message>
    <message>
        <location filename="../processing/alg_compare_scenarios.py" line="38" />
        <source>Residents covered in time, after</source>
        <translation>按时可达人口（变化后）</translation>
    </message>
    <message>
        <location filename="../processing/alg_compare_scenarios.py" line="55" />
        <source>Before: {0} ({1}); after: {2} ({3})</source>
        <translation>变化前：{0}（{1}）；变化后：{2}（{3}）</translation>
    </message>
    <message>
        <location filename="../processing/alg_compare_scenarios.py" line="60" />
        <source>Layer '{0}' is in only one of the two runs: its targets are not compared.</source>
        <translation>图层“{0}”仅存在于其中一次结果中：其目标不参与对比。</translation>
    </message>
    <message>
        <location filename="../processing/alg_compare_scenarios.py" line="63" />
        <source>Residents covered by fire stations in time: {0:,.0f} before, {1:,.0f} after; {2} changes.</source>
        <translation>消防站按时可达人口：变化前 {0:,.0f}，变化后 {1:,.0f}；变化 {2} 项。</translation>
    </message>
</context>
<context>
    <name>CreateTemplate</name>
    <message>
        <location filename="../processing/alg_create_template.py" line="23" />
        <source>Create data template</source>
        <translation>创建数据模板</translation>
    </message>
    <message>
        <location filename="../processing/alg_create_template.py" line="27" />
        <source>Coordinate reference system</source>
        <translation>坐标参考系</translation>
    </message>
    <message>
        <location filename="../processing/alg_create_template.py" line="29" />
        <source>Field alias language</source>
        <translation>字段别名语言</translation>
    </message>
    <message>
        <location filename="../processing/alg_create_template.py" line="29" />
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../processing/alg_create_template.py" line="29" />
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../processing/alg_create_template.py" line="32" />
        <source>Template GeoPackage</source>
        <translation>模板GeoPackage</translation>
    </message>
    <message>
        <location filename="../processing/alg_create_template.py" line="32" />
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../processing/alg_create_template.py" line="37" />
        <source>Template layers</source>
        <translation>模板图层</translation>
    </message>
    <message>
        <location filename="../processing/alg_create_template.py" line="49" />
        <source>The template CRS is geographic; analyses will reproject it. A projected CRS in metres is better.</source>
        <translation>模板坐标系为地理坐标系；分析时将重投影。建议使用以米为单位的投影坐标系。</translation>
    </message>
    <message>
        <location filename="../processing/alg_create_template.py" line="34" />
        <source>Folder for Excel templates (one workbook per layer; optional)</source>
        <translation>Excel 模板输出文件夹（每个图层一个工作簿；可选）</translation>
    </message>
</context>
<context>
    <name>EnterpriseRisk</name>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="18" />
        <source>Enterprise risk level (LEC or risk matrix)</source>
        <translation>企业风险等级（LEC法或风险矩阵）</translation>
    </message>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="21" />
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="23" />
        <source>Enterprise id field</source>
        <translation>企业编号字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="24" />
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="24" />
        <source>LEC (D = L × E × C)</source>
        <translation>LEC法（D = L × E × C）</translation>
    </message>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="24" />
        <source>Risk matrix (R = likelihood × severity)</source>
        <translation>风险矩阵（R = 可能性 × 严重性）</translation>
    </message>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="27" />
        <source>LEC likelihood L field</source>
        <translation>LEC 事故发生的可能性L字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="28" />
        <source>LEC exposure E field</source>
        <translation>LEC 暴露于危险环境的频繁程度E字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="29" />
        <source>LEC consequence C field</source>
        <translation>LEC 发生事故产生的后果C字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="34" />
        <source>Cut set (empty = the method's first)</source>
        <translation>分级界限（留空 = 该方法的第一套）</translation>
    </message>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="36" />
        <source>Graded hazard units (optional)</source>
        <translation>已分级的重大危险源单元（可选）</translation>
    </message>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="38" />
        <source>Enterprise id field of the hazard units</source>
        <translation>危险源单元的企业编号字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="40" />
        <source>Enterprises with risk level</source>
        <translation>企业风险等级结果</translation>
    </message>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="92" />
        <source>{0} enterprises scored with {1}; {2} raised by a hazard unit</source>
        <translation>已按 {1} 评定 {0} 家企业；其中 {2} 家因所属危险源单元而就高提级</translation>
    </message>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="83" />
        <source>{0}: input fields replaced by the results of the same name: {1}</source>
        <translation>{0}：以下输入字段被同名的计算结果替换：{1}</translation>
    </message>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="30" />
        <source>Matrix likelihood field ({0}–{1})</source>
        <translation>风险矩阵可能性字段（{0}–{1}）</translation>
    </message>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="32" />
        <source>Matrix severity field ({0}–{1})</source>
        <translation>风险矩阵严重性字段（{0}–{1}）</translation>
    </message>
</context>
<context>
    <name>ExportAtlas</name>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="56" />
        <source>Export risk atlas (PDF)</source>
        <translation>导出安全风险分布图集（PDF）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="63" />
        <source>Four-colour risk map (risk_level, residents)</source>
        <translation>四色安全风险分布图（risk_level、residents）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="64" />
        <source>Enterprises with risk levels</source>
        <translation>企业（含风险等级）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="65" />
        <source>Graded hazard units</source>
        <translation>危险源单元分级结果</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="66" />
        <source>Emergency shelters</source>
        <translation>应急避难场所</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="67" />
        <source>Fire stations</source>
        <translation>消防站</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="68" />
        <source>Fire-station reach areas (5 minutes)</source>
        <translation>消防站5分钟可达范围</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="69" />
        <source>Reach gaps (land no station reaches in 5 minutes)</source>
        <translation>消防覆盖盲区（5分钟内无消防站可达）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="70" />
        <source>Shelter area per capita (per-township result)</source>
        <translation>人均避难场所面积（按镇街结果）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="72" />
        <source>Townships (one atlas page each)</source>
        <translation>镇街（每个镇街一页图）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="84" />
        <source>Township name field (not given: name, or name_en for an English atlas)</source>
        <translation>镇街名称字段（不指定：name，英文图集为 name_en）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="92" />
        <source>Atlas title (empty: 安全风险分布图集 / Safety Risk Atlas)</source>
        <translation>图集标题（留空：安全风险分布图集 / Safety Risk Atlas）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="92" />
        <source>Issuing organisation</source>
        <translation>编制单位</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="92" />
        <source>Date printed on the atlas (empty: today; YYYY-MM-DD is written out)</source>
        <translation>图集编制日期（留空：当天；YYYY-MM-DD 格式将写成“2024年6月7日”）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="97" />
        <source>Page size (landscape)</source>
        <translation>纸张大小（横向）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="100" />
        <source>Atlas language (zh: Chinese, en: English)</source>
        <translation>图集语言（zh：中文，en：英文）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="103" />
        <source>Risk atlas (PDF)</source>
        <translation>安全风险分布图集（PDF）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="103" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="105" />
        <source>Folder for one PNG per page</source>
        <translation>逐页 PNG 图片输出文件夹</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="110" />
        <source>Number of pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="118" />
        <source>{0} must be one of: {1}</source>
        <translation>{0} 必须是以下之一：{1}</translation>
    </message>
    <message>
        <location filename="../atlas/run.py" line="130" />
        <source>Give an output PDF file.</source>
        <translation>请指定输出的 PDF 文件。</translation>
    </message>
    <message>
        <location filename="../atlas/run.py" line="106" />
        <source>Could not write the atlas PDF: {0}</source>
        <translation>无法写出图集 PDF：{0}</translation>
    </message>
    <message>
        <location filename="../atlas/run.py" line="115" />
        <source>Could not write the PNG pages: {0}</source>
        <translation>无法写出 PNG 图片：{0}</translation>
    </message>
    <message>
        <location filename="../atlas/run.py" line="118" />
        <source>{0} PNG pages in {1}</source>
        <translation>{0} 页 PNG 图片已写入 {1}</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="162" />
        <source>Made by: {0}</source>
        <translation>生成方式：{0}</translation>
    </message>
    <message>
        <location filename="../atlas/run.py" line="48" />
        <source>Township names for the English atlas are read from 'name_en'.</source>
        <translation>英文图集的镇街名称取自“name_en”字段。</translation>
    </message>
    <message>
        <location filename="../atlas/run.py" line="50" />
        <source>Layer '{0}' has no field '{1}' (NAME_FIELD).</source>
        <translation>图层“{0}”没有字段“{1}”（NAME_FIELD）。</translation>
    </message>
    <message>
        <location filename="../atlas/report.py" line="33" />
        <source>{0} residents of the risk map lie outside every township and are not in the atlas figures.</source>
        <translation>四色图中有 {0} 名常住人口位于所有镇街之外，未计入图集统计。</translation>
    </message>
    <message>
        <location filename="../atlas/run.py" line="93" />
        <source>Could not write the atlas layers: {0}</source>
        <translation>无法写入图集图层：{0}</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="87" />
        <source>Fixed-shelter target (m² per resident)</source>
        <translation>固定避难场所面积目标（m²/人）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="107" />
        <source>GeoPackage to keep the atlas layers in (for the atlas layouts in a project)</source>
        <translation>保存图集图层的 GeoPackage（供工程中的图集版式使用）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="107" />
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage 文件 (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../atlas/report.py" line="26" />
        <source>Headline figures ({0} townships):</source>
        <translation>主要数据（{0} 个镇街）：</translation>
    </message>
    <message>
        <location filename="../atlas/report.py" line="38" />
        <source>{0} units of the risk map lie outside every township (give the fourcolourmap a STUDY_AREA to cut the map to the townships).</source>
        <translation>四色图中有 {0} 个单元位于所有镇街之外（为四色图算法设置 STUDY_AREA 可将图裁剪至镇街范围）。</translation>
    </message>
    <message>
        <location filename="../atlas/report.py" line="42" />
        <source>The reach layers hold no residents: the residents within 5 minutes are the risk map's residents inside the reach areas.</source>
        <translation>到达范围图层不含人口：5分钟可达人口取四色图位于到达范围内的人口。</translation>
    </message>
    <message>
        <location filename="../atlas/run.py" line="95" />
        <source>Templates: {0}</source>
        <translation>版式模板：{0}</translation>
    </message>
    <message>
        <location filename="../atlas/run.py" line="132" />
        <source>No Chinese font is installed (WenQuanYi Zen Hei, Microsoft YaHei, SimHei, PingFang SC, …): Chinese text may not show. Install fonts-wqy-zenhei (Debian) or the WenQuanYi font.</source>
        <translation>未安装中文字体（文泉驿正黑、微软雅黑、黑体、苹方等）：中文可能无法显示。请安装 fonts-wqy-zenhei（Debian）或文泉驿字体。</translation>
    </message>
    <message>
        <location filename="../atlas/run.py" line="144" />
        <source>Risk atlas: {0} pages ({1} county pages + {2} townships), {3} paper, language {4}, written in {5:.1f} s: {6}</source>
        <translation>安全风险分布图集：共 {0} 页（县域 {1} 页 + {2} 个镇街），{3} 纸张，语言 {4}，用时 {5:.1f} 秒：{6}</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="71" />
        <source>Shelter load (per-shelter result: service radius, overloaded)</source>
        <translation>避难场所负荷（逐场所结果：服务半径、是否超负荷）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="73" />
        <source>Natural-hazard sites and zones (drawn on the maps)</source>
        <translation>自然灾害隐患点/风险区（绘于地图）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="74" />
        <source>Rescue teams</source>
        <translation>应急救援队伍</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="75" />
        <source>Supply depots</source>
        <translation>应急物资储备库</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="76" />
        <source>Rescue teams' reach areas (resource coverage)</source>
        <translation>救援队伍到达范围（应急资源覆盖结果）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="77" />
        <source>Rescue teams' gaps (resource coverage)</source>
        <translation>救援队伍未覆盖区域（应急资源覆盖结果）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="78" />
        <source>Rescue-team coverage by township (resource coverage; prints the resources page)</source>
        <translation>各镇街救援队伍覆盖（应急资源覆盖结果；提供时打印应急资源页）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="79" />
        <source>Key targets' arrival by rescue teams (resource coverage)</source>
        <translation>重点目标救援到达时间（应急资源覆盖结果）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="80" />
        <source>Supply-depot coverage by township (resource coverage)</source>
        <translation>各镇街物资储备覆盖（应急资源覆盖结果）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="92" />
        <source>Run label (e.g. 现状, 现状+规划)</source>
        <translation>方案名称（如 现状、现状+规划）</translation>
    </message>
</context>
<context>
    <name>FireStationReach</name>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="28" />
        <source>Fire-station reach (5-minute rule)</source>
        <translation>消防站5分钟可达分析</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="31" />
        <source>Fire stations</source>
        <translation>消防站</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="32" />
        <source>Station id field</source>
        <translation>消防站编号字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="33" />
        <source>Station class field</source>
        <translation>消防站类别字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="34" />
        <source>Turnout time field (min)</source>
        <translation>出动时间字段(分钟)</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="38" />
        <source>Study area</source>
        <translation>研究区域</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="39" />
        <source>Official station districts</source>
        <translation>消防站法定辖区</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="42" />
        <source>Targets (enterprises, hazard units)</source>
        <translation>目标(企业、危险源单元)</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="45" />
        <source>Reached roads</source>
        <translation>可达道路</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="48" />
        <source>Station reach areas</source>
        <translation>消防站可达范围</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="49" />
        <source>Gaps (reached by no station)</source>
        <translation>覆盖空白区</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="50" />
        <source>Targets' arrival time</source>
        <translation>目标到达时间</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="51" />
        <source>Summary table</source>
        <translation>汇总表</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="52" />
        <source>Summary report</source>
        <translation>汇总报告</translation>
    </message>
    <message>
        <location filename="../layers/reach_inputs.py" line="272" />
        <source>{0} roads have an empty or unknown direction value: both directions are used.</source>
        <translation>{0} 条道路的通行方向为空或无法识别：按双向通行处理。</translation>
    </message>
    <message>
        <location filename="../layers/reach_inputs.py" line="279" />
        <source>{0} multipart roads are split into their parts (parts join only where they share a vertex).</source>
        <translation>{0} 条多部件道路被拆分为各部件（部件仅在共享节点处相连）。</translation>
    </message>
    <message>
        <location filename="../layers/reach_inputs.py" line="283" />
        <source>{0} roads without geometry are ignored.</source>
        <translation>{0} 条无几何的道路被忽略。</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="35" />
        <source>Suburban station field ({0:g} km²)</source>
        <translation>郊区站字段（{0:g} km²）</translation>
    </message>
    <message>
        <location filename="../layers/reach_inputs.py" line="245" />
        <source>Road classes read from '{0}' with the speed table {1}.</source>
        <translation>道路等级取自“{0}”，车速表为 {1}。</translation>
    </message>
    <message>
        <location filename="../layers/reach_inputs.py" line="248" />
        <source>Read from the OSM other_tags column: {0}.</source>
        <translation>从 OSM other_tags 列读取：{0}。</translation>
    </message>
    <message>
        <location filename="../layers/reach_inputs.py" line="250" />
        <source>Speeds: {0} roads from the speed field, {1} from maxspeed × {2:g}, {3} from the road-class table, {4} at the default speed; {5} left out ({6}).</source>
        <translation>车速：{0} 条道路取车速字段，{1} 条取限速 maxspeed × {2:g}，{3} 条取道路等级车速表，{4} 条取默认车速；{5} 条不计入路网（{6}）。</translation>
    </message>
    <message>
        <location filename="../layers/reach_inputs.py" line="256" />
        <source>The roads look like an OSM import (highway) but the speed table leaves no line out: footways, waterways and railways are driven too. Choose the speed preset of OSM highway classes.</source>
        <translation>道路看似 OSM 导入数据（highway），但车速表未排除任何线：人行道、河流和铁路也会被当作道路行驶。请选择“OSM 道路等级”车速预设。</translation>
    </message>
    <message>
        <location filename="../layers/reach_inputs.py" line="260" />
        <source>Speeds used (km/h × roads): {0}</source>
        <translation>采用的车速（km/h × 道路条数）：{0}</translation>
    </message>
    <message>
        <location filename="../layers/reach_inputs.py" line="264" />
        <source>{0} roads have an empty speed: maxspeed, the class table or DEFAULT_SPEED is used.</source>
        <translation>{0} 条道路车速为空：改用限速 maxspeed、道路等级车速表或 DEFAULT_SPEED。</translation>
    </message>
    <message>
        <location filename="../layers/reach_inputs.py" line="268" />
        <source>{0} roads have a maxspeed that is not understood: their class speed is used.</source>
        <translation>{0} 条道路的限速 maxspeed 无法识别：改用其道路等级车速。</translation>
    </message>
    <message>
        <location filename="../layers/reach_inputs.py" line="276" />
        <source>{0} reversible (tidal) roads are driven in both directions.</source>
        <translation>{0} 条潮汐（可变方向）道路按双向通行处理。</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="41" />
        <source>Population (polygons or points)</source>
        <translation>人口（面或点）</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="46" />
        <source>Time band width (min)</source>
        <translation>时间分段宽度（分钟）</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="47" />
        <source>Reached roads by time band</source>
        <translation>按时间分段的可达道路</translation>
    </message>
    <message>
        <location filename="../processing/reach_parameters.py" line="22" />
        <source>Default turnout time (min)</source>
        <translation>默认出动时间(分钟)</translation>
    </message>
    <message>
        <location filename="../processing/reach_parameters.py" line="24" />
        <source>Time limit from dispatch (min)</source>
        <translation>接警出动后的时间限值(分钟)</translation>
    </message>
    <message>
        <location filename="../layers/reach_inputs.py" line="32" />
        <source>class</source>
        <translation>道路等级</translation>
    </message>
    <message>
        <location filename="../layers/reach_inputs.py" line="30" />
        <source>field {field}</source>
        <translation>字段 {field}</translation>
    </message>
    <message>
        <location filename="../layers/reach_inputs.py" line="31" />
        <source>maxspeed × {factor:g}</source>
        <translation>限速 × {factor:g}</translation>
    </message>
    <message>
        <location filename="../layers/reach_inputs.py" line="33" />
        <source>left out</source>
        <translation>不计入路网</translation>
    </message>
</context>
<context>
    <name>FireStationSiting</name>
    <message>
        <location filename="../processing/alg_fire_station_siting.py" line="46" />
        <source>Fire-station siting (where to build)</source>
        <translation>消防站选址（新建站位）</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_siting.py" line="49" />
        <source>Existing fire stations (fixed)</source>
        <translation>现有消防站（位置不变）</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_siting.py" line="51" />
        <source>Station id field</source>
        <translation>站点编号字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_siting.py" line="52" />
        <source>Turnout time field (min)</source>
        <translation>出动时间字段（分钟）</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_siting.py" line="54" />
        <source>Study area</source>
        <translation>研究范围</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_siting.py" line="56" />
        <source>Population (polygons or points)</source>
        <translation>人口（面或点）</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_siting.py" line="57" />
        <source>Targets (enterprises, hazard units)</source>
        <translation>保护目标（企业、危险源单元）</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_siting.py" line="59" />
        <source>Candidate sites (empty: generated along the roads)</source>
        <translation>候选站址（为空：沿道路自动生成）</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_siting.py" line="61" />
        <source>Spacing of generated candidates (m)</source>
        <translation>自动生成候选站址的间距（m）</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_siting.py" line="63" />
        <source>Objective</source>
        <translation>优化目标</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_siting.py" line="63" />
        <source>MCLP: the best sites (as many as the new stations)</source>
        <translation>MCLP：最优站址（个数为新建站数）</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_siting.py" line="63" />
        <source>LSCP: the fewest sites for full cover</source>
        <translation>LSCP：全覆盖所需最少站址</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_siting.py" line="67" />
        <source>New stations (MCLP)</source>
        <translation>新建站数（MCLP）</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_siting.py" line="69" />
        <source>Time limits by risk level 1..4 (min, e.g. 4,5,5,5; empty: the time limit)</source>
        <translation>按风险等级1..4的时间要求（分钟，如 4,5,5,5；为空：采用时间要求）</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_siting.py" line="72" />
        <source>Demand weights</source>
        <translation>需求权重</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_siting.py" line="74" />
        <source>Crowded places' main exits (schools, hospitals, markets)</source>
        <translation>人员密集场所主要疏散出口（学校、医院、商场）</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_siting.py" line="76" />
        <source>Prevailing wind from (degrees from north)</source>
        <translation>常年主导风向（来向，自正北起算的度数）</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_siting.py" line="79" />
        <source>Chosen sites (ranked)</source>
        <translation>选定站址（排序）</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_siting.py" line="80" />
        <source>Demand still out of reach</source>
        <translation>仍未覆盖的需求</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_siting.py" line="81" />
        <source>Coverage before and after</source>
        <translation>选址前后覆盖情况</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_siting.py" line="111" />
        <source>Siting rule '{0}' skipped: its input ({1}) is not given.</source>
        <translation>选址规则“{0}”未执行：未提供其所需输入（{1}）。</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_siting.py" line="115" />
        <source>Siting rule '{0}': {1} candidates refused.</source>
        <translation>选址规则“{0}”：排除候选站址 {1} 个。</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_siting.py" line="82" />
        <source>Siting map page (PDF)</source>
        <translation>选址图页（PDF）</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_siting.py" line="82" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_siting.py" line="23" />
        <source>setback from hazardous-chemical units</source>
        <translation>与危险化学品单位的距离</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_siting.py" line="24" />
        <source>upwind or crosswind of hazardous-chemical units</source>
        <translation>位于危险化学品单位的上风或侧风向</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_siting.py" line="25" />
        <source>setback from crowded places' exits</source>
        <translation>与人员密集场所疏散出口的距离</translation>
    </message>
</context>
<context>
    <name>FourColourMap</name>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="67" />
        <source>Four-colour risk map</source>
        <translation>四色安全风险空间分布图</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="46" />
        <source>Enterprises with risk_level</source>
        <translation>企业（含 risk_level 字段）</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="48" />
        <source>Enterprise id field</source>
        <translation>企业编号字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="49" />
        <source>Graded hazard units with risk_level</source>
        <translation>已分级的危险源单元（含 risk_level 字段）</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="51" />
        <source>Hazard unit id field</source>
        <translation>危险源单元编号字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="53" />
        <source>Map units (townships, communities; empty = square grid)</source>
        <translation>制图单元（镇街、社区；留空 = 正方形网格）</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="55" />
        <source>Grid cell size (m)</source>
        <translation>网格边长（m）</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="56" />
        <source>Grid extent (empty = the sources' extent grown by the largest radius)</source>
        <translation>网格范围（留空 = 风险源范围外扩最大影响半径）</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="58" />
        <source>Influence radii of levels 1, 2, 3, 4 (m)</source>
        <translation>1、2、3、4级风险源影响半径（m）</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="60" />
        <source>Aggregation</source>
        <translation>综合方式</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="60" />
        <source>Highest level wins (就高)</source>
        <translation>就高（取最高风险等级）</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="72" />
        <source>Areas of level {0}</source>
        <translation>{0}级区域数</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="74" />
        <source>Residents of level {0}</source>
        <translation>{0}级区域常住人口</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="126" />
        <source>Map units: {0} polygons of {1} (CELL_SIZE and EXTENT are not used)</source>
        <translation>制图单元：{1} 的 {0} 个面（不使用 CELL_SIZE 和 EXTENT）</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="131" />
        <source>Grid: {0} cells of {1:g} m from ({2:.1f}, {3:.1f}) in {4}</source>
        <translation>网格：{0} 个边长 {1:g} m 的网格，起点 ({2:.1f}, {3:.1f})，坐标系 {4}</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="167" />
        <source>Level {0}: {1:,.0f} residents</source>
        <translation>{0}级：常住人口 {1:,.0f} 人</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="60" />
        <source>Cumulative score ({0} per source)</source>
        <translation>累计分值（每个风险源计 {0} 分）</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="65" />
        <source>Study area (e.g. the townships): the map is cut to it</source>
        <translation>研究区（如镇街）：结果裁剪至研究区</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="191" />
        <source>The study area layer '{0}' has no polygon.</source>
        <translation>研究区图层“{0}”中没有面要素。</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="192" />
        <source>Study area: {0}; areas crossing its boundary keep the level of the whole area and are cut to it (their residents are those of the part inside).</source>
        <translation>研究区：{0}；跨越其边界的单元保留整个单元的风险等级，并裁剪至研究区（人口为区内部分的人口）。</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="64" />
        <source>Population, polygons or points (residents per class)</source>
        <translation>人口，面或点（按风险等级统计常住人口）</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="105" />
        <source>Give ENTERPRISES and/or HAZARD_UNITS (layers with risk_level), or NATURAL_HAZARDS.</source>
        <translation>请提供 ENTERPRISES 和/或 HAZARD_UNITS（含 risk_level 的图层），或 NATURAL_HAZARDS。</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="113" />
        <source>Risk sources combined: {0}</source>
        <translation>参与叠加的风险源：{0}</translation>
    </message>
    <message>
        <location filename="../processing/natural_hazard_sources.py" line="14" />
        <source>Natural-hazard sites and zones (险情等级)</source>
        <translation>自然灾害隐患点/风险区（险情等级）</translation>
    </message>
    <message>
        <location filename="../processing/natural_hazard_sources.py" line="16" />
        <source>Natural-hazard id field</source>
        <translation>隐患点编号字段</translation>
    </message>
    <message>
        <location filename="../processing/natural_hazard_sources.py" line="18" />
        <source>Natural hazards' risk level</source>
        <translation>自然灾害隐患点的风险等级</translation>
    </message>
    <message>
        <location filename="../processing/natural_hazard_sources.py" line="35" />
        <source>Natural hazards: {0} sites and zones graded by '{1}' ({2} by their 险情等级, {3} from the people and property threatened, {4} by their 风险等级).</source>
        <translation>自然灾害隐患点：{0} 处隐患点/风险区按“{1}”定级（{2} 处按险情等级，{3} 处按威胁人数和威胁财产，{4} 处按风险等级）。</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="68" />
        <source>Four-colour risk map as a GeoTIFF (grid only)</source>
        <translation>四色风险图 GeoTIFF（仅格网）</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="110" />
        <source>Give OUTPUT and/or OUTPUT_RASTER.</source>
        <translation>请至少指定 OUTPUT 或 OUTPUT_RASTER 之一。</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="178" />
        <source>OUTPUT_RASTER needs the square grid (no UNITS): not written.</source>
        <translation>OUTPUT_RASTER 需要正方形格网（不能指定 UNITS）：未写出。</translation>
    </message>
</context>
<context>
    <name>FullAssessment</name>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="37" />
        <source>Full risk assessment (one run)</source>
        <translation>完整风险评估（一次运行）</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="55" />
        <source>Enterprise risk method</source>
        <translation>企业风险评价方法</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="55" />
        <source>LEC (D = L × E × C)</source>
        <translation>LEC法（D = L × E × C）</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="55" />
        <source>Risk matrix (likelihood × severity)</source>
        <translation>风险矩阵法（可能性 × 严重性）</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="59" />
        <source>Four-colour map grid cell size (m)</source>
        <translation>四色图网格边长（m）</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="61" />
        <source>Influence radii of levels 1, 2, 3, 4 (m)</source>
        <translation>1、2、3、4级风险源影响半径（m）</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="63" />
        <source>Fire-station time limit from dispatch (min)</source>
        <translation>消防站接警出动后到达时限（min）</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="65" />
        <source>Turnout time when a station gives none (min)</source>
        <translation>未填写时的出动准备时间（min）</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="67" />
        <source>Fixed-shelter area target (m² per resident)</source>
        <translation>人均固定避难场所面积目标（m²/人）</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="69" />
        <source>Shelter indicator counts urban residents only</source>
        <translation>避难场所指标仅统计城镇人口</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="72" />
        <source>Atlas title (empty: 安全风险分布图集 / Safety Risk Atlas)</source>
        <translation>图集标题（留空：安全风险分布图集 / Safety Risk Atlas）</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="72" />
        <source>Issuing organisation</source>
        <translation>编制单位</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="72" />
        <source>Date printed on the atlas (empty: today)</source>
        <translation>图集编制日期（留空：今天）</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="79" />
        <source>Page size (landscape)</source>
        <translation>纸张大小（横向）</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="82" />
        <source>Atlas language (zh: Chinese, en: English)</source>
        <translation>图集语言（zh：中文，en：英文）</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="85" />
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="88" />
        <source>Result GeoPackage</source>
        <translation>成果GeoPackage</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="89" />
        <source>QGIS project</source>
        <translation>QGIS工程</translation>
    </message>
    <message>
        <location filename="../processing/model.py" line="43" />
        <source>Risk atlas (PDF)</source>
        <translation>风险图集（PDF）</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="91" />
        <source>Major hazard sources</source>
        <translation>重大危险源数</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="92" />
        <source>Atlas pages</source>
        <translation>图集页数</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="93" />
        <source>Files and headline figures</source>
        <translation>成果文件与主要指标</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="142" />
        <source>Give an output folder.</source>
        <translation>请指定输出文件夹。</translation>
    </message>
    <message>
        <location filename="../assessment/desktop.py" line="46" />
        <source>Risk assessment results ({0})</source>
        <translation>风险评估结果（{0}）</translation>
    </message>
    <message>
        <location filename="../assessment/desktop.py" line="56" />
        <source>Risk assessment results</source>
        <translation>风险评估结果</translation>
    </message>
    <message>
        <location filename="../assessment/desktop.py" line="72" />
        <source>Risk Atlas</source>
        <translation>风险图谱</translation>
    </message>
    <message>
        <location filename="../assessment/desktop.py" line="72" />
        <source>Assessment finished: {0}</source>
        <translation>评估完成：{0}</translation>
    </message>
    <message>
        <location filename="../assessment/desktop.py" line="74" />
        <source>Open the atlas (PDF)</source>
        <translation>打开图集（PDF）</translation>
    </message>
    <message>
        <location filename="../assessment/desktop.py" line="74" />
        <source>Open the output folder</source>
        <translation>打开输出文件夹</translation>
    </message>
    <message>
        <location filename="../assessment/pipeline.py" line="106" />
        <source>— Step {0} of {1}: {2} ({3})</source>
        <translation>— 第 {0} 步（共 {1} 步）：{2}（{3}）</translation>
    </message>
    <message>
        <location filename="../assessment/pipeline.py" line="195" />
        <source>Missing input layers: {0}</source>
        <translation>缺少输入图层：{0}</translation>
    </message>
    <message>
        <location filename="../assessment/summary.py" line="22" />
        <source>Atlas pages (PNG)</source>
        <translation>图集页面（PNG）</translation>
    </message>
    <message>
        <location filename="../assessment/summary.py" line="23" />
        <source>Validation report</source>
        <translation>输入数据检查报告</translation>
    </message>
    <message>
        <location filename="../assessment/summary.py" line="24" />
        <source>Fire-station report</source>
        <translation>消防站到达分析报告</translation>
    </message>
    <message>
        <location filename="../assessment/summary.py" line="25" />
        <source>Shelter report</source>
        <translation>避难场所分析报告</translation>
    </message>
    <message>
        <location filename="../assessment/summary.py" line="32" />
        <source>Validation: errors / warnings</source>
        <translation>输入检查：错误 / 警告</translation>
    </message>
    <message>
        <location filename="../assessment/summary.py" line="33" />
        <source>Hazard units / major hazard sources</source>
        <translation>危险源单元 / 重大危险源</translation>
    </message>
    <message>
        <location filename="../assessment/summary.py" line="80" />
        <source>Risk Atlas assessment — output folder: {0}</source>
        <translation>风险图谱评估 — 输出文件夹：{0}</translation>
    </message>
    <message>
        <location filename="../assessment/summary.py" line="83" />
        <source>Files:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../assessment/summary.py" line="85" />
        <source>Headline figures:</source>
        <translation>主要数字：</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="148" />
        <source>Analysis done; the atlas is printed next, on QGIS's main thread.</source>
        <translation>分析完成；接下来在 QGIS 主线程上打印图集。</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="182" />
        <source>Cancelled: no output was written.</source>
        <translation>已取消：未写出任何结果。</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="184" />
        <source>The atlas could not be made: {0}</source>
        <translation>无法生成图集：{0}</translation>
    </message>
    <message>
        <location filename="../assessment/raw_inputs.py" line="109" />
        <source>— Importing {0}: {1}</source>
        <translation>— 导入{0}：{1}</translation>
    </message>
    <message>
        <location filename="../assessment/summary.py" line="27" />
        <source>Imported ledgers</source>
        <translation>导入的台账</translation>
    </message>
    <message>
        <location filename="../assessment/summary.py" line="29" />
        <source>Import report: {0}</source>
        <translation>导入报告：{0}</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="52" />
        <source>Coordinates of raw ledgers are</source>
        <translation>原始台账的坐标为</translation>
    </message>
    <message>
        <location filename="../assessment/pipeline.py" line="277" />
        <source>{0} errors in the input layers: see {1}. First: {2}</source>
        <translation>输入图层中有 {0} 个错误：请查看 {1}。前几个：{2}</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="119" />
        <source>Give POPULATION (polygons or points) or POPULATION_RASTER, one of them.</source>
        <translation>请给出 POPULATION（面或点）或 POPULATION_RASTER，二者取其一。</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="49" />
        <source>Population grid (raster, band 1 = residents per cell; instead of a population layer)</source>
        <translation>人口格网（栅格，第 1 波段 = 每格常住人口；代替人口图层）</translation>
    </message>
    <message>
        <location filename="../assessment/pipeline.py" line="232" />
        <source>— Step {0} of {1}: {2} left out ({3} not given)</source>
        <translation>— 第 {0}/{1} 步：{2} 未运行（未提供 {3}）</translation>
    </message>
    <message>
        <location filename="../assessment/proposed.py" line="103" />
        <source>{0}: {1} planned features added to {2} ({3} in all): {4}</source>
        <translation>{0}：{1} 个规划要素并入 {2}（共 {3} 个）：{4}</translation>
    </message>
    <message>
        <location filename="../assessment/summary.py" line="28" />
        <source>Stations and shelters of this run (existing and proposed)</source>
        <translation>本次运行的消防站和避难场所（现有及规划）</translation>
    </message>
    <message>
        <location filename="../assessment/summary.py" line="82" />
        <source>Run: {0}</source>
        <translation>方案：{0}</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="76" />
        <source>Run label (e.g. 现状, 现状+规划)</source>
        <translation>方案名称（如 现状、现状+规划）</translation>
    </message>
</context>
<context>
    <name>GradeHazardSources</name>
    <message>
        <location filename="../processing/alg_grade_hazard_sources.py" line="18" />
        <source>Grade major hazard sources (GB 18218-2018)</source>
        <translation>重大危险源分级（GB 18218-2018）</translation>
    </message>
    <message>
        <location filename="../processing/alg_grade_hazard_sources.py" line="21" />
        <source>Hazard-source records (one feature per unit and substance)</source>
        <translation>危险源记录（每个单元、每种物质一条要素）</translation>
    </message>
    <message>
        <location filename="../processing/alg_grade_hazard_sources.py" line="23" />
        <source>Unit id field</source>
        <translation>单元编号字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_grade_hazard_sources.py" line="24" />
        <source>Substance field (CAS number, Chinese or English name)</source>
        <translation>物质字段（CAS号、中文或英文名称）</translation>
    </message>
    <message>
        <location filename="../processing/alg_grade_hazard_sources.py" line="26" />
        <source>Design maximum quantity field (t)</source>
        <translation>设计最大量字段（t）</translation>
    </message>
    <message>
        <location filename="../processing/alg_grade_hazard_sources.py" line="27" />
        <source>Hazard category field (GB 18218 Table 2 code, e.g. W2)</source>
        <translation>危险性类别字段（GB 18218 表2符号，如 W2）</translation>
    </message>
    <message>
        <location filename="../processing/alg_grade_hazard_sources.py" line="31" />
        <source>Enterprise id field</source>
        <translation>企业编号字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_grade_hazard_sources.py" line="37" />
        <source>Graded hazard units</source>
        <translation>重大危险源分级结果（单元）</translation>
    </message>
    <message>
        <location filename="../processing/alg_grade_hazard_sources.py" line="38" />
        <source>Hazard record details (q, Q, β)</source>
        <translation>危险源记录明细（q、Q、β）</translation>
    </message>
    <message>
        <location filename="../processing/alg_grade_hazard_sources.py" line="39" />
        <source>Number of units</source>
        <translation>单元数</translation>
    </message>
    <message>
        <location filename="../processing/alg_grade_hazard_sources.py" line="40" />
        <source>Number of major hazard sources</source>
        <translation>重大危险源数</translation>
    </message>
    <message>
        <location filename="../processing/alg_grade_hazard_sources.py" line="102" />
        <source>{0} units, {1} major hazard sources (一级 {2}, 二级 {3}, 三级 {4}, 四级 {5})</source>
        <translation>共 {0} 个单元，其中重大危险源 {1} 个（一级 {2}，二级 {3}，三级 {4}，四级 {5}）</translation>
    </message>
    <message>
        <location filename="../processing/alg_grade_hazard_sources.py" line="29" />
        <source>Exposed people field (within {0:g} m outside the boundary)</source>
        <translation>暴露人员字段（边界外 {0:g} m 范围内）</translation>
    </message>
    <message>
        <location filename="../processing/alg_grade_hazard_sources.py" line="33" />
        <source>Enterprises (polygons: the plant boundaries)</source>
        <translation>企业（面：厂区边界）</translation>
    </message>
    <message>
        <location filename="../processing/alg_grade_hazard_sources.py" line="35" />
        <source>Enterprise id field of the enterprises</source>
        <translation>企业图层的企业编号字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_grade_hazard_sources.py" line="105" />
        <source>Exposed people counted outside the plant boundary for {0} units, outside the unit's own boundary for {1}</source>
        <translation>{0} 个单元按厂区边界外统计暴露人数，{1} 个单元按单元自身边界外统计</translation>
    </message>
    <message>
        <location filename="../processing/alg_grade_hazard_sources.py" line="32" />
        <source>Population, polygons or points (to estimate exposed people)</source>
        <translation>人口，面或点（用于估算暴露人数）</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../processing/help_tables.py" line="123" />
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="180" />
        <source>Scores every enterprise of {INPUT} and classes the score into the four risk levels ({0}) with a named cut set. Run {gradehazardsources} first when enterprises own major hazard sources.

{METHOD}: {METHOD_0}: D = L × E × C (likelihood, exposure, consequence; the LEC tables give L {1}; E {2}; C {3} — other values are used as given, with a warning). {METHOD_1}: R = likelihood × severity, both whole numbers {4}–{5}.
{PRESET}; a level's lower bound is included:
{6}
Both LEC cut sets circulate in Chinese practice, and matrix cuts vary between provincial guides: choose the one your jurisdiction uses.

{HAZARD_UNITS} (optional, what {gradehazardsources} writes): an enterprise that owns a graded unit ({HAZARD_ENTERPRISE_FIELD} = its id) takes at least that unit's risk_level (就高: the higher risk wins). level_source says whether the score or a hazard unit set the level; hazard_unit_id names that unit.

Output: the enterprises with risk_score, score_level, hazard_level, hazard_unit_id, risk_level, risk_label_zh, risk_label_en, risk_colour, level_source, risk_method, risk_preset. Empty or invalid scores are errors naming the feature and field. Next: {fourcolourmap} takes {OUTPUT}.</source>
        <translation>为{INPUT}中的每家企业评分，并按指定的分级标准将分值划分为四个风险等级（{0}）。企业拥有重大危险源时，请先运行{gradehazardsources}。

{METHOD}：{METHOD_0}：D = L × E × C（可能性、暴露频繁程度、后果；LEC 表给出 L {1}；E {2}；C {3} — 其他取值按原值使用并给出警告）。{METHOD_1}：R = 可能性 × 严重性，均为 {4}–{5} 的整数。
{PRESET}；各等级下限包含在内：
{6}
两种 LEC 分级标准在国内实践中都有使用，风险矩阵的分界各省导则也不尽相同：请选择本地区采用的标准。

{HAZARD_UNITS}（可选，即{gradehazardsources}的输出）：拥有已分级单元的企业（{HAZARD_ENTERPRISE_FIELD} = 企业编号）至少取该单元的 risk_level（就高）。level_source 说明等级来自分值还是危险源单元；hazard_unit_id 为该单元编号。

输出：企业图层加上 risk_score、score_level、hazard_level、hazard_unit_id、risk_level、risk_label_zh、risk_label_en、risk_colour、level_source、risk_method、risk_preset。分值为空或无效时报错，并指明要素和字段。下一步：{fourcolourmap}使用{OUTPUT}。</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="203" />
        <source>The regional red-orange-yellow-blue safety-risk map (红橙黄蓝四色安全风险空间分布图): every area gets a risk level {0} from the risk sources around it.

Run first: {enterpriserisk} and/or {gradehazardsources}. {ENTERPRISES} and {HAZARD_UNITS} are their outputs (any layer with a risk_level field 1..4); the enterprise layer as imported has no risk level and is refused.
Areas: the polygons of {UNITS}, or else square cells of {CELL_SIZE} over {EXTENT} (empty: the extent of {STUDY_AREA}, else the sources' extent grown by the largest radius; the cells start at its lower-left corner and it grows right and up to whole cells).
{RADII}: in metres, default {1}. A source reaches an area when the exact distance between them is less than its radius (no segmented buffers; an area exactly at the radius is not reached).
{AGGREGATION}: {AGGREGATION_0} (default): the area takes the highest risk (lowest level number) of the sources reaching it; an area no source reaches is level 4 (low, blue). {AGGREGATION_1}: every source reaching the area adds {2} for a source of level 1 / 2 / 3 / 4; score ≥ {3} → level 1, ≥ {4} → 2, ≥ {5} → 3, otherwise 4 (lower bounds included). Three sources of one level weigh as one of the next higher level, so clusters escalate; an area is never lower than with {AGGREGATION_0}.
{STUDY_AREA}: the areas are classified whole, then cut to it; an area crossing its boundary keeps the level of the whole area, and its geometry, area and residents are those of the part inside; areas outside are left out, so nothing of the map lies outside the study area.

Output fields: risk_level, risk_label_zh, risk_label_en, risk_colour, n_level1 … n_level4 (sources of each level reaching the area), source_id / source_layer / source_dist_m (the nearest source of the highest level reaching the area), risk_score (the cumulative score) and, with {POPULATION}, residents (apportioned by area; totals per level are reported in the log and as outputs). The map is styled with the four-colour palette; its legend reads {6} ({7} when QGIS runs in English). Next: {exportatlas}.</source>
        <translation>区域红橙黄蓝四色安全风险空间分布图：每个区域根据周边风险源确定风险等级 {0}。

请先运行{enterpriserisk}和/或{gradehazardsources}。{ENTERPRISES}和{HAZARD_UNITS}是它们的输出（任何含 risk_level 字段 1..4 的图层）；导入的原始企业图层没有风险等级，会被拒绝。
区域：{UNITS}中的面，否则为覆盖{EXTENT}、边长为{CELL_SIZE}的正方形网格（留空：{STUDY_AREA}的范围，否则为风险源范围外扩最大影响半径；网格从其左下角起算，范围向右、向上扩展为整格）。
{RADII}：单位为米，默认 {1}。风险源与区域之间的精确距离小于其影响半径时即影响该区域（不使用分段近似的缓冲区；距离恰好等于半径的区域不受影响）。
{AGGREGATION}：{AGGREGATION_0}（默认）：区域取影响它的风险源中的最高风险（最小等级数）；不受任何风险源影响的区域为4级（低风险，蓝）。{AGGREGATION_1}：每个影响该区域的风险源按 1 / 2 / 3 / 4 级分别计 {2} 分；分值 ≥ {3} → 1级，≥ {4} → 2级，≥ {5} → 3级，其余为4级（下限包含在内）。同一等级的三个风险源相当于高一级的一个风险源，因此风险源聚集时等级上升；区域等级不会低于{AGGREGATION_0}的结果。
{STUDY_AREA}：先按整个区域确定等级，再裁剪到该范围；跨越边界的区域保留整个区域的等级，其几何、面积和常住人口取范围内的部分；范围外的区域被删除，因此地图不会超出研究范围。

输出字段：risk_level、risk_label_zh、risk_label_en、risk_colour、n_level1 … n_level4（影响该区域的各级风险源数）、source_id / source_layer / source_dist_m（影响该区域的最高等级风险源中最近的一个）、risk_score（累计分值），给出{POPULATION}时还有 residents（按面积分摊；各等级合计写入日志并作为输出）。结果按四色配色设置样式；图例为 {6}（QGIS 为英文界面时显示 {7}）。下一步：{exportatlas}。</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="431" />
        <source>Effective shelter area per resident against the planning target (城镇人均固定避难场所面积 ≥ {0} m²), per township, per population cell and per shelter. Nothing needs to run first ({validateinputs} checks the layers).

{METHOD}: {METHOD_0}: per unit of {UNITS}, the effective area of the counted shelters whose centroid lies in the unit ÷ the unit's residents (population features apportioned by area overlap); the output is the units. {METHOD_1}: a shelter serves every population feature whose centroid is within {RADIUS} of its centroid (straight line, the radius included). Its served residents are the sum of those features' residents; each feature gets the sum, over the shelters in reach, of shelter area ÷ served residents; the output is the population features. {METHOD_2}: the same with walking distance along {ROADS} (off-road legs to and from the roads included; roads whose 'class' is {1} are not walked along).

deficit_m2 is the area still needed to reach {TARGET}; no_shelter flags residents beyond every shelter's radius; features without residents get no indicator (NULL). A value equal to the target meets it.
{OUTPUT_SHELTERS}: each counted shelter's served residents (a resident in reach of several shelters counts at each), m² per served person, overloaded = less than {TARGET} per served person or more served residents than {CAPACITY_FIELD}. With {METHOD_0} these use the straight-line catchment.
{OUTPUT_SUMMARY} and the HTML report: per unit and county-wide indicator, share of residents meeting the target, residents with no shelter in reach, total deficit.

{SHELTERS_2}: a second shelter layer with the same fields (e.g. assembly points beside site polygons); the shelter load output then holds both (as centroid points when the geometry types differ).
{TYPES}: default {2}; the others do not count toward the per-capita indicator. {RADIUS} empty = each type's radius from the type table (GB 51143-2015 evacuation distances; central shelters as long-term ones): {3}. {TYPE_TABLE}: a CSV or JSON file replacing that table. {AREA_FIELD} empty = polygon area. {URBAN_ONLY} counts only residents whose 'urban' field is true, when the layer has it.

Bad input stops with a message naming the layer, feature and field: missing or negative areas, unknown types, NULL or negative residents. Geographic layers are reprojected to a local projected CRS (said in the log); the other layers to the shelters' CRS. Next: {exportatlas}.</source>
        <translation>对照规划目标（城镇人均固定避难场所面积 ≥ {0} m²），按镇街、人口单元和避难场所计算人均有效避难面积。无需先运行其他算法（{validateinputs}可检查图层）。

{METHOD}：{METHOD_0}：对{UNITS}中的每个单元，计入的避难场所（中心点位于该单元内）有效面积之和 ÷ 单元常住人口（人口要素按面积重叠分摊）；输出为各单元。{METHOD_1}：避难场所服务中心点在其中心点{RADIUS}范围内的所有人口要素（直线距离，含半径处）。其服务人口为这些要素的常住人口之和；每个人口要素得到其可达避难场所的“面积 ÷ 服务人口”之和；输出为人口要素。{METHOD_2}：同上，但沿{ROADS}按步行距离计算（含往返道路的离路段；“class”为 {1} 的道路不可步行）。

deficit_m2 为达到{TARGET}尚缺的面积；no_shelter 标记所有避难场所服务半径之外的居民；没有常住人口的要素没有指标（NULL）。等于目标值即为达标。
{OUTPUT_SHELTERS}：每个计入的避难场所的服务人口（处于多个避难场所范围内的居民在每处都计入）、人均面积；overloaded = 人均面积低于{TARGET}或服务人口超过{CAPACITY_FIELD}。选择{METHOD_0}时这些按直线服务范围计算。
{OUTPUT_SUMMARY}和 HTML 报告：各单元及全县指标、达标人口比例、无避难场所可达的人口、总缺口。

{SHELTERS_2}：字段相同的第二个避难场所图层（如场地面旁的集合点）；避难场所负荷输出同时包含两者（几何类型不同时输出为中心点）。
{TYPES}：默认 {2}；其他类型不计入人均指标。{RADIUS}留空 = 按类型表取各类型的半径（GB 51143-2015 疏散距离；中心避难场所按长期固定避难场所）：{3}。{TYPE_TABLE}：替换该表的 CSV 或 JSON 文件。{AREA_FIELD}留空 = 面积取多边形面积。{URBAN_ONLY}：图层有“urban”字段时只计入其为真的居民。

错误输入会停止运行并指明图层、要素和字段：面积缺失或为负、类型未知、常住人口为 NULL 或为负。地理坐标系图层重投影到本地投影坐标系（写入日志）；其他图层重投影到避难场所图层的坐标系。下一步：{exportatlas}。</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="70" />
        <source>Writes an empty GeoPackage holding every layer Risk Atlas reads — {0} — with their fields, field aliases (in the language chosen in {ALIAS_LANGUAGE}), drop-down value maps for the coded fields and default styles. This is where to begin with a county's own data: fill the layers from the bureau's ledgers, then run {validateinputs}.

Choose a projected CRS in metres in {CRS} (default {1}, {2}; choose the zone of your county).

{OUTPUT_XLSX_FOLDER} (optional): also one Excel workbook per layer, to fill in Excel — headers in the language chosen in {ALIAS_LANGUAGE}, drop-down lists for the coded fields, number checks and an instructions sheet. Bring a filled workbook in with {importlayer} (needs the Python package openpyxl).</source>
        <translation>写出一个空的 GeoPackage，包含风险图谱读取的全部图层 — {0} — 及其字段、字段别名（语言按{ALIAS_LANGUAGE}）、代码字段的下拉选项（值映射）和默认样式。使用本县数据时从这里开始：按台账填入各图层，然后运行{validateinputs}。

在{CRS}中选择以米为单位的投影坐标系（默认 {1}，{2}；请选择本县所在的投影带）。

{OUTPUT_XLSX_FOLDER}（可选）：另为每个图层写出一个 Excel 工作簿，供在 Excel 中填写 — 列名语言按{ALIAS_LANGUAGE}，代码字段带下拉列表，并有数值校验和填表说明页。填好的工作簿用{importlayer}导入（需要 Python 包 openpyxl）。</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="514" />
        <source>Runs the whole assessment on a county's layers in one go — nothing needs to run first — and writes everything into {OUTPUT_FOLDER}:
{0}

The dialog pre-selects the project's layer of each kind (by name, in Chinese or English, or by its fields); a layer that looks like another kind stops the run with a message naming both. The default output folder is kept: beside the saved project, else a dated folder under RiskAtlas in your home folder.

Files: risk_atlas_results.gpkg (every result layer and a provenance table: algorithm, version and parameters of each step), risk_atlas.qgz (a QGIS project with the layers styled and the atlas layouts), risk_atlas.pdf, png/ (one image per page) and HTML reports. In QGIS the results are added to the current project as one styled group, and the message bar offers a button that opens the PDF.

Raw ledgers: an input may be an Excel or CSV ledger or a layer with the bureau's own headers. It is imported first as {importlayer} does ({COORDINATES} says whether its longitude/latitude are WGS 84, GCJ-02 or BD-09) into imported_inputs.gpkg, with a report import_&lt;layer&gt;.html; the mapping used is printed, and anything ambiguous stops the run and keeps only that report.

The analysis runs in the background (QGIS stays usable); the atlas is printed afterwards. Cancel stops the run at its next progress step and leaves no file of it behind; when the inputs have errors the run stops after the check and keeps only validation.html, which lists them. The options have the same meaning and defaults as in the single algorithms. Input layers are never modified.</source>
        <translation>一次运行完成一个县的全部评估 — 无需先运行其他算法 — 并将所有结果写入{OUTPUT_FOLDER}：
{0}

对话框会预先选中项目中各种类的图层（按中文或英文图层名称，或按字段识别）；若所选图层看起来是另一种类，运行停止，并说明两种种类。默认输出文件夹会保留：位于已保存项目的旁边，否则为主目录下 RiskAtlas 中带日期的文件夹。

文件：risk_atlas_results.gpkg（全部结果图层及来源记录表：各步骤的算法、版本和参数）、risk_atlas.qgz（设置好样式和图集版式的 QGIS 项目）、risk_atlas.pdf、png/（每页一张图片）和 HTML 报告。在 QGIS 中，结果作为一个已设置样式的图层组加入当前项目，消息栏提供打开 PDF 的按钮。

原始台账：输入可以是 Excel 或 CSV 台账，或使用本局自有表头的图层。它会先按{importlayer}的方式导入（{COORDINATES}说明其经纬度是 WGS 84、GCJ-02 还是 BD-09），写入 imported_inputs.gpkg，并生成报告 import_&lt;图层&gt;.html；日志列出所用的列映射，任何歧义都会使运行停止，只保留该报告。

分析在后台运行（QGIS 可继续使用）；之后打印图集。“取消”在下一个进度步骤停止运行，不留下本次运行的任何文件；输入数据有错误时，运行在检查后停止，只保留列出这些错误的 validation.html。各选项的含义和默认值与单独的算法相同。输入图层不会被修改。</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="119" />
        <source>Run this first (a ledger in the bureau's own format: {importlayer} before it): it checks the input layers against the Risk Atlas schemas (the fields of the data template) and writes a report table and an HTML summary. Every input is optional: give the layers you have. The dialog pre-selects the project's layer of each kind; a layer that looks like another kind (by its fields or its name) stops the run before anything is checked.

The rules are the ones the analyses apply to the same values (an error here stops the analysis there, a warning is repaired or used as given there too), plus the fields the method chosen in {METHOD} needs (LEC: lec_l, lec_e, lec_c; matrix: likelihood, severity). Checks: empty layer; missing or geographic CRS (geographic layers are reprojected to a local projected CRS by the analyses: a warning); layers in different CRSs (warning: reprojected to the first layer's CRS); missing required fields; wrong field types (numbers stored as text are a warning when every value parses; infinity is no number; yes/no fields take {1}, in any case); empty required values (an empty quantity counts as 0 t: a warning); null, invalid (warning: repaired) or wrongly typed geometries; duplicate ids; negative values, values beyond the largest possible (errors, e.g. quantity above {0} t) and implausibly large ones (warnings, e.g. quantity above {2} t); unknown or ambiguous codes — Chinese names of the code table count as their codes: {3} … — (shelter type and hazard category: errors; station class, road class, direction and the urban flag: warnings, as the analyses use them anyway); substances GB 18218-2018 cannot resolve; LEC values outside the LEC tables (warning); GBK-encoded shapefiles without a .cpg file (warning: set the layer's data source encoding to GBK). Each finding names the layer, the feature (its id, then its fid) and the field.

The algorithm succeeds even when errors are found, unless {FAIL_ON_ERROR} is ticked (then it writes nothing). Input layers are never modified. Next: {fullassessment}, or the analyses one by one.</source>
        <translation>请首先运行本算法（本局自有格式的台账请先运行{importlayer}）：按风险图谱的图层结构（数据模板的字段）检查输入图层，写出报告表和 HTML 摘要。每个输入都是可选的：有哪些图层就给哪些。对话框会预先选中项目中各种类的图层；若所选图层看起来是另一种类（按字段或名称判断），运行在检查前停止。

检查规则与各项分析对同一取值所用的规则相同（此处的错误在分析中同样会终止运行，此处的警告在分析中同样会被修复或按原值使用），另加{METHOD}中所选方法需要的字段（LEC：lec_l、lec_e、lec_c；风险矩阵：likelihood、severity）。检查项：空图层；缺少坐标系或为地理坐标系（分析时重投影到本地投影坐标系：警告）；图层坐标系不一致（警告：重投影到第一个图层的坐标系）；缺少必填字段；字段类型错误（以文本存储的数字若全部可解析则为警告；无穷大不算数值；是/否字段可填 {1}，不区分大小写）；必填值为空（数量为空按 0 t 计：警告）；几何为空、无效（警告：自动修复）或类型错误；编号重复；负值、超出最大可能值的取值（错误，例如数量超过 {0} t）以及不合常理的过大值（警告，例如数量超过 {2} t）；未知或有歧义的代码 — 代码表中的中文名称视同其代码：{3} … —（避难场所类型和危险性类别：错误；消防站类别、道路等级、通行方向和城镇标记：警告，分析时仍会使用）；GB 18218-2018 无法识别的物质；不在 LEC 表中的 LEC 取值（警告）；没有 .cpg 文件的 GBK 编码 shapefile（警告：请将图层数据源编码设为 GBK）。每条检查结果均指明图层、要素（先编号，后 fid）和字段。

即使发现错误，算法也会成功结束，除非勾选了{FAIL_ON_ERROR}（此时不写出任何结果）。输入图层不会被修改。下一步：{fullassessment}，或逐个运行各项分析。</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="150" />
        <source>Identifies and grades major hazard sources after {0} from {INPUT} and writes one feature per unit. Run {validateinputs} first.

Per record: q = design maximum quantity (t); Q = critical quantity from Table 1 by substance (CAS number, Chinese or English name or alias, e.g. 氯 / 液氯 / chlorine / 7782-50-5), else from Table 2 by the record's hazard category (e.g. W2, W5.2, J1; with several categories the lowest Q); β from Table 3 for its toxic gases, else Table 4 by category (several categories: the highest β).
Per unit: S = Σ q/Q; S ≥ {1} makes it a major hazard source. α from the people within {2} m outside the plant boundary (厂区边界): {3}. R = α · Σ β·q/Q. Grade: {4}. Every lower bound is included (R = {5} is {6}, S = {1} is major).
Risk level (preset '{7}'): {8}; a unit with S &lt; {1} is not a major hazard source (no grade) and is level {9}.

Exposed people: {EXPOSED_FIELD} when given (records of one unit that disagree: the largest, with a warning); otherwise, with {POPULATION}, residents apportioned by area over the {2} m ring outside the boundary, rounded to whole people. The boundary is the plant's when the unit's enterprise ({ENTERPRISE_FIELD}) is a polygon in {ENTERPRISES} (matched by {ENTERPRISES_ID_FIELD}), else the unit's own (a polygon unit: its ring; a point unit: the {2} m disc); the field 'boundary' says which (plant or unit).

A substance neither in Table 1 nor given a category is an error naming the unit and feature; an empty quantity counts as 0 t (warning); a negative one is an error. {DETAILS} lists every record with q, Q, β, q/Q and the table each value came from. The unit geometry is its records merged. Next: {enterpriserisk} and {fourcolourmap} take {OUTPUT}.</source>
        <translation>依据 {0}，由{INPUT}辨识并分级重大危险源，每个单元输出一个要素。请先运行{validateinputs}。

每条记录：q = 设计最大量（t）；Q = 按物质查表1的临界量（CAS 号、中英文名称或别名，如 氯 / 液氯 / chlorine / 7782-50-5），否则按记录的危险性类别查表2（如 W2、W5.2、J1；有多个类别时取最小 Q）；β：有毒气体查表3，否则按类别查表4（多个类别取最大 β）。
每个单元：S = Σ q/Q；S ≥ {1} 即为重大危险源。α 按厂区边界外 {2} m 范围内的人数确定：{3}。R = α · Σ β·q/Q。分级：{4}。各级下限包含在内（R = {5} 为{6}，S = {1} 为重大危险源）。
风险等级（预设“{7}”）：{8}；S &lt; {1} 的单元不是重大危险源（无分级），为 {9} 级。

暴露人数：给出{EXPOSED_FIELD}时取其值（同一单元的记录不一致时取最大值并警告）；否则在给出{POPULATION}时，按面积分摊边界外 {2} m 环带内的常住人口，取整。单元所属企业（{ENTERPRISE_FIELD}）在{ENTERPRISES}中为面（按{ENTERPRISES_ID_FIELD}匹配）时，边界取厂区边界，否则取单元自身边界（面状单元为其外环带；点状单元为 {2} m 圆）；“boundary”字段注明所用边界（plant 厂区或 unit 单元）。

物质既不在表1中又没有给出类别时报错，并指明单元和要素；数量为空按 0 t 计（警告）；数量为负报错。{DETAILS}列出每条记录的 q、Q、β、q/Q 及各值的来源表。单元几何为其各记录合并。下一步：{enterpriserisk}和{fourcolourmap}使用{OUTPUT}。</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="585" />
        <source>an error</source>
        <translation>报错</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="583" />
        <source>left out with a warning</source>
        <translation>剔除并警告</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="584" />
        <source>kept with a warning</source>
        <translation>保留并警告</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="584" />
        <source>kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="585" />
        <source>a warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="586" />
        <source>accepted</source>
        <translation>接受</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="587" />
        <source>Bad input: a value the layer rules refuse (a missing field, text in a number field, a negative value or one beyond the largest possible, an unknown code, a duplicate id) stops the run with a message naming the layer, the feature (its id, then its fid) and the field, as validateinputs reports it; implausibly large values are used with a warning. Invalid geometries are repaired (make valid) with a warning naming the features. Features without geometry — {0}. An empty layer — {1}. Input layers are never modified; the outputs are written whole or not at all (a failed or cancelled run leaves none).</source>
        <translation>错误输入：图层规则不接受的值（缺少字段、数值字段中的文字、负值或超出最大可能值、未知代码、重复编号）将终止运行，提示信息指明图层、要素（先编号，后 fid）和字段，与“检查输入图层”的报告一致；不合常理的过大值照常使用并给出警告。无效几何会被修复（make valid），并给出指明要素的警告。无几何的要素——{0}。空图层——{1}。输入图层不会被修改；输出要么完整写出，要么完全不写（失败或取消的运行不留下任何输出）。</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="85" />
        <source>Turns a bureau's own ledger — Excel (xlsx; the first sheet, or 'file.xlsx|layername=sheet'), CSV (UTF-8 or GBK), a shapefile (GBK without .cpg is detected), GeoJSON or a GeoPackage layer — into a layer of one Risk Atlas kind, in the schema the other algorithms read. Nothing needs to run first; next: {validateinputs}, then {fullassessment} (which also imports raw ledgers itself).

Headers: the header row is found within the first rows (a merged title row above it is skipped); every column is read as text first (credit codes and leading zeros survive); headers are matched through one synonym table of Chinese and English variants ({0} …); {FIELD_MAP} wins over it (full-width ＝ and ； accepted; 源列=- drops a column). {KIND}: left empty, the headers say which kind the ledger is.
Values: coded fields go through one code table, the same validation and every algorithm use — {1}; yes/no fields take {2}; numbers may carry units (12吨, 500 kg, 1.2万人), thousands separators (1,200) and full-width digits.
Places: longitude/latitude columns (one or two; decimals or 度分秒; recognised, or {X_FIELD} and {Y_FIELD}), a WKT column, or the layer's geometry. {COORDINATES}: {COORDINATES_0} is the default; {COORDINATES_2} and {COORDINATES_3} are converted to WGS 84 by the public formula with an iterative inverse (a point's round trip is below a millimetre); exchanged longitude/latitude are found and swapped back per row; projected coordinate columns need {SOURCE_CRS}. The output is in {TARGET_CRS}, by default the CGCS2000 3-degree Gauss-Krüger zone of the centre of {STUDY_AREA} (else of the data); places outside {STUDY_AREA} are listed.

Report ({OUTPUT_REPORT} and {OUTPUT_HTML}, in the UI language): every mapped, unmapped and ambiguous header and every recoded, unknown or unparseable value, by the row number Excel shows (a layer: the feature id). Nothing is guessed: an ambiguous header or value, a missing required field or an unknown kind stops the import and says what to set; only its report is written then. Values are imported as written: the layer rules (negative values, values beyond the largest possible, duplicate ids, invalid geometries …) are {validateinputs}' and the analyses'. {OUTPUT} carries drop-down value maps for its coded fields and is styled as its kind.</source>
        <translation>把本局自己的台账 — Excel（xlsx；默认第一个工作表，或写作“文件.xlsx|layername=工作表”）、CSV（UTF-8 或 GBK）、Shapefile（可识别无 .cpg 的 GBK 编码）、GeoJSON 或 GeoPackage 图层 — 转换为风险图谱某一种类的图层，字段符合其他算法读取的数据规范。无需先运行其他算法；下一步：{validateinputs}，然后{fullassessment}（它也能自行导入原始台账）。

列名：在前几行中查找表头行（跳过其上方的合并标题行）；所有列先按文本读取（统一社会信用代码、前导零不丢失）；表头通过统一的中英文同义词表匹配（{0} …）；{FIELD_MAP}优先于同义词表（可用全角＝和；；源列=- 表示舍弃该列）。{KIND}：留空时由表头判断台账的种类。
取值：代码字段经统一的代码表转换，检查输入图层和各算法使用同一张表 — {1}；是/否字段可填 {2}；数字可带单位（12吨、500 kg、1.2万人）、千分位（1,200）和全角数字。
位置：经度/纬度列（一列或两列；小数或度分秒；自动识别，或用{X_FIELD}和{Y_FIELD}指定）、WKT 列，或图层自身的几何。{COORDINATES}：默认为{COORDINATES_0}；{COORDINATES_2}和{COORDINATES_3}按公开公式并用迭代反算转换为 WGS 84（单点往返误差小于 1 毫米）；逐行发现并纠正经纬度颠倒；投影坐标列需指定{SOURCE_CRS}。输出坐标系为{TARGET_CRS}，默认取{STUDY_AREA}中心所在的 CGCS2000 3 度分带高斯-克吕格投影（否则按数据中心）；列出{STUDY_AREA}以外的位置。

报告（{OUTPUT_REPORT}和{OUTPUT_HTML}，使用界面语言）：列出每个已映射、未映射和有歧义的表头，以及每个经转换、未知或无法解析的值，行号与 Excel 显示一致（图层则为要素编号）。不做任何猜测：表头或取值有歧义、缺少必填字段或无法识别种类时，导入停止并说明需要设置什么，此时只写出报告。取值按原样导入：图层规则（负值、超出最大可能值的取值、编号重复、无效几何 …）由{validateinputs}和各项分析检查。{OUTPUT}的代码字段带有下拉选项（值映射），并按其种类设置样式。</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="598" />
        <source>Population: {POPULATION} polygons (residents apportioned by area) or points (each point's residents counted wholly where it lies: a point counts as a {0:g} mm square), or instead {POPULATION_RASTER}, a grid whose band 1 holds residents per cell (WorldPop, 格网人口): each cell counts as its square, nodata and 0 cells are dropped, and the result equals a run on the cells as polygons. Give one or the other.</source>
        <translation>人口：{POPULATION}可为面（常住人口按面积分摊）或点（每个点的常住人口全部计入其所在位置：点按边长 {0:g} 毫米的正方形计算）；也可改用{POPULATION_RASTER}，即第 1 波段为每格常住人口的格网（WorldPop、格网人口）：每个格元按其正方形计算，无数据和 0 值格元被舍弃，结果与以格元多边形运行相同。二者取其一。</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="610" />
        <source>Roads: an OSM import (GDAL's 'lines' layer) is read as it is — highway is the class, oneway and maxspeed come out of other_tags (roundabouts and motorways one-way unless tagged), and the lines the OSM speed table does not drive (footways, steps, waterways and railways without highway …) are left out and counted; the OSM value stays beside the class (highway), a Chinese class beside it as class_cn, and a posted limit or design speed (限速, 设计速度) goes to maxspeed, which {firestationreach} multiplies by its speed table's factor. Population: polygons, or points (villages, communities with 人口 and coordinates) counted where they lie.</source>
        <translation>道路：OSM 导入数据（GDAL 的 lines 图层）可直接读取——highway 即道路等级，oneway 和 maxspeed 取自 other_tags（环岛和高速公路未另行标注时按单行处理），OSM 车速表不行驶的线（人行道、台阶、无 highway 的河流和铁路等）不导入并计数；OSM 原值保留在等级旁（highway），中文等级保留为 class_cn，限速或设计速度（限速、设计速度）写入 maxspeed，{firestationreach}按其车速表的系数折算。人口：面，或点（带人口和坐标的村、社区），点的人口全部计入其所在位置。</translation>
    </message>
    <message>
        <location filename="../processing/help_tables.py" line="110" />
        <source>{0} ({1:g} × design speed; maxspeed × {2:g})</source>
        <translation>{0}（{1:g} × 设计速度；限速 × {2:g}）</translation>
    </message>
    <message>
        <location filename="../processing/help_tables.py" line="122" />
        <source>left out: {0}</source>
        <translation>不计入路网：{0}</translation>
    </message>
    <message>
        <location filename="../processing/help_tables.py" line="124" />
        <source>other and none: left out</source>
        <translation>其他及无等级：不计入路网</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="231" />
        <source>Natural hazards: {NATURAL_HAZARDS} (自然灾害隐患点 / 风险区: points or polygons with the fields of the data template) are risk sources beside the work-safety ones; each gets its level 1..4 by {HAZARD_LEVEL_PRESET}:
{0}
险情等级 (国家突发地质灾害应急预案; the more severe of people threatened and potential loss, lower bounds included): {1}. A site with no value the preset reads stops the run, naming it. source_layer is natural_hazards where a site or zone set an area's level, and the log says how many sources of each kind were combined; {exportatlas} prints which kinds set the map's levels.</source>
        <translation>自然灾害：{NATURAL_HAZARDS}（自然灾害隐患点/风险区：点或面，字段同数据模板）与安全生产风险源一并作为风险源；每处按{HAZARD_LEVEL_PRESET}确定风险等级 1–4：
{0}
险情等级（《国家突发地质灾害应急预案》；威胁人数与潜在经济损失取较严重者，下限值含于本级）：{1}。按所选预设无可定级数值的隐患点将停止运行并指明该要素。由隐患点/风险区决定等级的评估单元，其 source_layer 为 natural_hazards；日志列出各类风险源的个数；{exportatlas}在图集中注明决定风险等级的风险源类型。</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="294" />
        <source>Which land, residents and key targets {RESOURCES} reach within a named time limit on {ROADS}, and what each township of {STUDY_AREA} leaves out — the emergency "one map"'s coverage of rescue forces and supplies. Nothing needs to run first ({validateinputs} checks the layers); {exportatlas} prints the result on the atlas's resources page.

{RESOURCE_KIND}: rescue teams (应急救援队伍) or supply depots (应急物资储备库); it picks the id field and the time limit of {TIME_PRESET}'s first option. The limits count from the dispatch order — turnout (or loading) + driving; an arrival at exactly the limit is in time:
{0}
{TIME_LIMIT} and {DEFAULT_TURNOUT}, when given, replace the preset's. Each resource starts with its own turnout ({TURNOUT_FIELD}) where it gives one.

The engine is {firestationreach}'s, with the resources as its stations: the same network (speeds, directions, {SNAP_TOLERANCE}), one search from all resources at once, the same land rule within {ACCESS_DISTANCE}, residents of {POPULATION} apportioned by area, and a key target's arrival taken at the target itself — so the times equal {firestationreach}'s for a station at the same place.

Outputs: each resource's reach area (the land it reaches first in time: its residents and the key targets there), the gaps (land reached by none in time, with the residents and key targets in them), per township (the polygons of {STUDY_AREA}) the residents reached and left out — the analysis's own counts, placed in the townships by their residents, so they add up to its totals —, the key targets and their occupancy ({OCCUPANCY_FIELD}) left out, and every key target's arrival time. Bad input (negative turnout or occupancy, unknown team types or depot levels) stops with a message naming the layer, feature and field.</source>
        <translation>{RESOURCES}在{ROADS}上于指定时限内可到达的土地、人口和重点目标，以及{STUDY_AREA}各镇街未覆盖的部分——应急“一张图”中救援力量和物资的覆盖。无需先运行其他算法（可先用{validateinputs}检查图层）；{exportatlas}在图集的应急资源页打印结果。

{RESOURCE_KIND}：应急救援队伍或应急物资储备库；据此确定编号字段和{TIME_PRESET}第一项的时限。时限自调派起算——出动（或装车）+ 行车；到达时间恰为时限视为及时：
{0}
如填写{TIME_LIMIT}和{DEFAULT_TURNOUT}，则替代预设值。各资源有出动时间（{TURNOUT_FIELD}）的，按其自身出动时间起算。

计算引擎即{firestationreach}的引擎，以资源为“站点”：相同的道路网络（车速、通行方向、{SNAP_TOLERANCE}）、所有资源一次同时搜索、{ACCESS_DISTANCE}内的同一到达规则、{POPULATION}按面积分摊的人口，重点目标的到达时间在目标本身处计算——因此同一位置的到达时间与{firestationreach}完全一致。

输出：每个资源的到达范围（其最先在时限内到达的土地，及其中的人口和重点目标）、未覆盖区域（时限内无资源可达的土地，及其中的人口和重点目标）、各镇街（{STUDY_AREA}的面）可达与未覆盖的人口——即分析本身的人口，按人口分配至各镇街，合计等于分析总数——、未及时到达的重点目标及其容纳人数（{OCCUPANCY_FIELD}），以及每个重点目标的到达时间。不合规输入（负的出动时间或容纳人数、未知的队伍类型或储备库级别）将停止运行，并指明图层、要素和字段。</translation>
    </message>
    <message>
        <location filename="../processing/help_tables.py" line="164" />
        <source>{0} min from dispatch, turnout {1} min</source>
        <translation>自调派起 {0} 分钟，出动 {1} 分钟</translation>
    </message>
    <message>
        <location filename="../processing/help_tables.py" line="174" />
        <source>people</source>
        <translation>人</translation>
    </message>
    <message>
        <location filename="../processing/help_tables.py" line="174" />
        <source>10,000 yuan</source>
        <translation>万元</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="329" />
        <source>Where new fire stations should go. {STATIONS} stay where they are; new sites are chosen among {CANDIDATES} (empty: points along the main and secondary roads every {CANDIDATE_SPACING}). Coverage is exactly {firestationreach}'s land rule with the same road, speed, direction and turnout parameters: land within {ACCESS_DISTANCE} of a road reached within {TIME_LIMIT} of the dispatch order; so the figures after equal {firestationreach} run on the existing and the chosen stations. A new station has {DEFAULT_TURNOUT}.

{OBJECTIVE}: {OBJECTIVE_0} (maximal covering location problem, MCLP) or {OBJECTIVE_1} (location set covering, LSCP: every resident and weighted target some candidate can reach; what none reaches is listed). Demand: residents of {POPULATION} on the land-rule grid, and {TARGETS} with their risk_level: {TIER_LIMITS} gives minutes per risk level 1..4 (e.g. 4,5,5,5), {WEIGHT_PRESET} their weight in residents per level 1 / 2 / 3 / 4 (a project choice, no standard weighs siting demand): {0}. Solved exactly with HiGHS (scipy.optimize.milp); within {2} s, else the best set found with its gap.

Siting rules (a candidate breaking one is never chosen; a rule whose input is missing is skipped with a warning): {1}. The hazard rules apply to {TARGETS} layers of hazard sources or graded hazard units, the wind rule needs {PREVAILING_WIND_FROM}, the exit rule {CROWDED_PLACES}. The {3} m setback is the 2017 text as two secondary copies give it (the 2011 text: {4} m), not checked against the official text.

Outputs: {OUTPUT} (rank = greedy order within the optimal set, added_residents and added_targets = each site's marginal gain in that order, summing to the total), {OUTPUT_UNCOVERED} (residents' regions and targets still out of reach, arrival_limit_min, coverable = some candidate could reach it) and {OUTPUT_SUMMARY} (before / after).</source>
        <translation>新建消防站应建在哪里。{STATIONS}位置不变；新站址从{CANDIDATES}中选取（为空：沿主、次干路每隔{CANDIDATE_SPACING}生成的点）。覆盖完全采用{firestationreach}的用地规则及相同的道路、车速、方向和出动参数：接警后{TIME_LIMIT}内到达的道路{ACCESS_DISTANCE}范围内的用地；因此选址后的数字与对现有站和选定站运行{firestationreach}的结果一致。新站的出动时间为{DEFAULT_TURNOUT}。

{OBJECTIVE}：{OBJECTIVE_0}（最大覆盖选址问题，MCLP）或{OBJECTIVE_1}（集合覆盖选址问题，LSCP：覆盖任一候选站址可达的全部人口和加权目标；均不可达者列出）。需求：{POPULATION}中的常住人口（按用地规则网格），以及{TARGETS}（按其 risk_level）：{TIER_LIMITS}给出风险等级1..4各自的分钟数（如 4,5,5,5），{WEIGHT_PRESET}给出每个目标按等级1 / 2 / 3 / 4折合的人数（本插件的设定，无标准规定选址需求权重）：{0}。用 HiGHS（scipy.optimize.milp）精确求解；限时{2}秒，超时则给出已找到的最好方案及其差距。

选址规则（违反任一规则的候选站址不会被选中；缺少输入的规则跳过并给出警告）：{1}。危险源规则适用于{TARGETS}中的危险源或危险源分级单元图层，风向规则需要{PREVAILING_WIND_FROM}，疏散出口规则需要{CROWDED_PLACES}。{3} m 间距取自两份2017年版本的二手文本（2011年版为{4} m），未与正式文本核对。

输出：{OUTPUT}（rank = 最优站址组内的贪心顺序，added_residents 和 added_targets = 按此顺序各站址的边际增量，合计等于总增量）、{OUTPUT_UNCOVERED}（仍未覆盖的人口区域和目标，arrival_limit_min，coverable = 是否有候选站址可达）和{OUTPUT_SUMMARY}（选址前后对比）。</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="368" />
        <source>What surrounds an incident (周边分析), in seconds: for each feature of {INCIDENTS} — a point, a hazard unit or an enterprise polygon — the residents, key targets, enterprises, hazard units and shelters within {RINGS}, and the nearest fire stations, rescue teams and supply depots with their arrival. Nothing needs to run first; every layer but {INCIDENTS} is optional.

Rings are cumulative: the ring of r metres is the buffer of r around the incident (a disc for a point), and a feature counts when it is within r of the incident (on the ring counts). The incident's own feature (the same geometry, e.g. the hazard unit the incident is) is not counted; a hazard unit's substance rows count once (by unit_id). Residents: {POPULATION} apportioned by area within each ring. Key targets: their number and occupancy ({OCCUPANCY_FIELD}). Shelters: spare capacity = capacity ({CAPACITY_FIELD}; without one, the effective area ÷ {0} m² per person) − the residents {shelterpercapita} assigns to the shelter (its catchment method, defaults), never below 0.

Responders: the {N_NEAREST} of each kind that arrive first on {ROADS}, with the rules of {firestationreach}: each starts after its turnout ({TURNOUT_FIELD}, else {DEFAULT_TURNOUT}), enters the network within {SNAP_TOLERANCE} and arrives when it reaches a road point within {ACCESS_DISTANCE} of the incident — so a fire station's arrival is {firestationreach}'s target arrival for the same point. distance_m is the straight-line distance. Without {ROADS} the nearest in a straight line are listed, without times. The road network is kept for the session: a second query on the same roads and parameters skips building it.

Outputs: the rings (one row per incident and ring: incident_id, ring_m, residents, key_targets, key_target_occupancy, enterprises, hazard_units, shelter_spare_capacity), the responders (incident_id, kind, rank, responder_id, name, arrival_min, distance_m) and, when {OUTPUT_BRIEF} is given, a one-page PDF brief per incident in the language of {LANGUAGE}: the map with the rings, the ring table and the responders.</source>
        <translation>事件周边分析，数秒内完成：对 {INCIDENTS} 的每个要素（一个点、一个危险源单元或一个企业面），统计 {RINGS} 内的常住人口、重点防护目标、企业、危险源单元和避难场所，并给出最近的消防站、救援队伍和物资储备库及其到达时间。无需先运行其他算法；除 {INCIDENTS} 外的图层都可不填。

圈层是累计的：r 米圈层是事件周围 r 米的缓冲区（点事件为圆），要素与事件的距离 ≤ r 即计入（恰在圈上也计入）。事件本身的要素（相同几何，如事件所在的危险源单元）不计入；同一危险源单元的多条物质记录只计一次（按 unit_id）。常住人口：{POPULATION} 在各圈层内按面积分摊。重点防护目标：个数及容纳人数（{OCCUPANCY_FIELD}）。避难场所：剩余容量 = 容量（{CAPACITY_FIELD}；未填时为有效面积 ÷ 每人 {0} m²）− {shelterpercapita} 分配给该场所的居民（服务范围法，默认参数），不低于 0。

救援力量：在 {ROADS} 上最先到达的每类 {N_NEAREST} 个，规则同 {firestationreach}：各自在出动时间（{TURNOUT_FIELD}，未填用 {DEFAULT_TURNOUT}）后出发，在 {SNAP_TOLERANCE} 内接入路网，到达距事件 {ACCESS_DISTANCE} 内的道路点即为到达——因此消防站的到达时间与 {firestationreach} 对同一点的目标到达时间相同。distance_m 为直线距离。未给出 {ROADS} 时按直线距离列出最近者，不给时间。路网在本次会话中保留：同一道路和参数的第二次查询无需重建。

输出：圈层（每个事件每个圈层一行：incident_id、ring_m、residents、key_targets、key_target_occupancy、enterprises、hazard_units、shelter_spare_capacity）、救援力量（incident_id、kind、rank、responder_id、name、arrival_min、distance_m），以及给出 {OUTPUT_BRIEF} 时每个事件一页的 PDF 简报（语言按 {LANGUAGE}）：含圈层地图、圈层统计表和救援力量表。</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="241" />
        <source>{OUTPUT_RASTER}: the levels as a paletted GeoTIFF, one byte per cell — whole cells whose centre lies in {STUDY_AREA} (every cell when it is not given) hold their level, the others no data (0) — with the palette as its colour table and the legend in a .qml beside it. {OUTPUT} and {OUTPUT_RASTER} may each be left out, not both.</source>
        <translation>{OUTPUT_RASTER}：以调色板 GeoTIFF 输出风险等级，每个格网单元一个字节——中心点位于{STUDY_AREA}内的完整单元（未指定时为全部单元）取其等级，其余为无数据（0）；四色调色板写入其颜色表，图例写入同名 .qml 文件。{OUTPUT}与{OUTPUT_RASTER}可以省略其一，但不能都省略。</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="250" />
        <source>Which land, residents and targets each of {STATIONS} reaches within {TIME_LIMIT} of the dispatch order (建标152-2017 §14 / GB 51080-2015 §4.1: {0} min = turnout, conventionally {1} min, + driving) on {ROADS}, and whether its district respects the class limit ({2}). For {TARGETS} run {enterpriserisk} (and {gradehazardsources}) first: their outputs are the usual targets.

Network as in QGIS's network analysis: every vertex is a node, lines join where they share a vertex, one-way values relative to the digitising direction ({DIRECTION_FIELD}). Speed per road: {SPEED_FIELD} when &gt; 0, else a parseable posted limit ({MAXSPEED_FIELD}: a number, with or without a unit, or a national default: {5}; several values: the lowest) × the table's maxspeed factor, else the road class's speed from {SPEED_PRESET} (or {SPEED_TABLE}), else {DEFAULT_SPEED}. No standard gives fire-engine speeds: option 0 is a project preset ({3}); options 1–3 are {6} × the design speed of JTG B01-2014 and CJJ 37-2012 (a project factor: fire engines drive below design speed). {SPEED_PRESET_1}: {7}. {SPEED_PRESET_2} (codes 1–4 = 一级…四级): {8}. {SPEED_PRESET_3} (codes 1–4 = 快速路…支路): {9}. A class at 0 is left out of the network. The log, the HTML report and the outputs' provenance list the speeds used.
Directions: {VALUE_FORWARD} / {VALUE_BACKWARD} / {VALUE_BOTH} are lists separated by ; (OSM yes / -1 / no, 是 / 否, 单行 / 双向 …); other values are read through the code table; reversible (潮汐) roads are driven both ways and counted. A GDAL OSM 'lines' layer works as it is: highway, oneway, maxspeed and junction are read from its other_tags column (roundabouts and motorways are one-way unless tagged otherwise).
A station enters at the nearest point of the nearest road (the off-road leg costs nothing); stations farther than {SNAP_TOLERANCE} are listed and left out. One search from all stations at once, each starting with its turnout time ({TURNOUT_FIELD}, else {DEFAULT_TURNOUT}); roads are cut where two stations meet (equal time) and where time runs out. A suburban station ({SUBURBAN_FIELD}: {4}) has the suburban limit whatever its class.

Land rule: land is reached when a reached road within {ACCESS_DISTANCE} is reached, at the earliest such time; where access zones overlap, the earlier arrival wins (no overlaps). It is evaluated on a grid of one eighth of that distance (the log gives it), only near the roads reached. Districts: {DISTRICTS} (each polygon belongs to the station inside it), else the land each station reaches first with no time limit — computed only when some station has a class or the suburban flag to compare its district with (it takes a search of the whole network); otherwise the district fields stay empty. Residents: {POPULATION} (polygons apportioned by area, points counted where they lie) or {POPULATION_RASTER}; {STUDY_AREA} bounds the land (e.g. the townships).

Outputs: reached roads (station_id, arrival_min = time the piece is fully reached), optionally the reached roads by time band ({OUTPUT_EDGES_BANDS}: one line per station and band of {BAND_MIN}, band_from_min ≤ time &lt; band_to_min, the last band ending at {TIME_LIMIT}), one area per station with reach_km2, residents, district_km2, class limit, exceeds_limit and the share of the district reached in time, gaps, targets' arrival time, a summary table and an HTML report. Next: {exportatlas}.</source>
        <translation>计算{STATIONS}中各消防站在接警出动后{TIME_LIMIT}内沿{ROADS}可到达的用地、常住人口和目标（建标152-2017 第十四条 / GB 51080-2015 §4.1：{0} 分钟 = 出动时间（通常为 {1} 分钟）+ 行车时间），并检查辖区面积是否符合类别限值（{2}）。{TARGETS}请先运行{enterpriserisk}（及{gradehazardsources}）：其输出就是常用的目标。

网络语义与 QGIS 网络分析一致：每个折点为节点，线在共享折点处相连，单行取值相对于数字化方向（{DIRECTION_FIELD}）。每条道路的车速：{SPEED_FIELD}大于 0 时取其值；否则取可识别的限速（{MAXSPEED_FIELD}：数字，可带单位，或国家默认限速：{5}；多个取值时取最小）乘以车速表的限速系数；否则取{SPEED_PRESET}（或{SPEED_TABLE}）中该道路等级的车速；否则取{DEFAULT_SPEED}。消防车车速无标准规定：选项 0 为项目预设（{3}）；选项 1–3 为 JTG B01-2014 与 CJJ 37-2012 设计速度的 {6} 倍（项目取定的系数：消防车行驶低于设计速度）。{SPEED_PRESET_1}：{7}。{SPEED_PRESET_2}（代码 1–4 = 一级…四级）：{8}。{SPEED_PRESET_3}（代码 1–4 = 快速路…支路）：{9}。车速为 0 的等级不计入路网。日志、HTML 报告及输出的来源记录列出所用车速。
通行方向：{VALUE_FORWARD} / {VALUE_BACKWARD} / {VALUE_BOTH}为以 ; 分隔的取值列表（OSM yes / -1 / no、是 / 否、单行 / 双向 …）；其他取值按代码表识别；潮汐（可变方向）道路按双向通行并计数。GDAL OSM 驱动的 lines 图层可直接使用：从其 other_tags 列读取 highway、oneway、maxspeed 和 junction（环岛和高速公路未另行标注时按单行处理）。
消防站从最近道路的最近点进入网络（离路段不计时间）；距道路超过{SNAP_TOLERANCE}的消防站会被列出并排除。所有消防站一次性同时搜索，各以其出动时间起算（{TURNOUT_FIELD}，否则{DEFAULT_TURNOUT}）；道路在两站同时到达处（等时点）及时间用尽处被截断。郊区站（{SUBURBAN_FIELD}：{4}）不论类别，一律按郊区站限值检查。

用地规则：某处用地的到达时间为其{ACCESS_DISTANCE}范围内已到达道路的最早到达时间；可达范围重叠处归先到达的消防站（无重叠）。该规则在边长为该距离八分之一的格网上计算（日志中注明），只在已到达道路附近计算。辖区：取{DISTRICTS}（每个多边形归其内部的消防站），否则为不限时间时各站最先到达的用地——仅当有消防站给出类别或郊区标志、需要与辖区比较时才计算（需搜索整个网络）；否则辖区字段为空。常住人口：{POPULATION}（面按面积分摊，点全部计入其所在位置）或{POPULATION_RASTER}；{STUDY_AREA}限定用地范围（如镇街）。

输出：可达道路（station_id，arrival_min = 该段全部到达的时间）、可选的按时间分段可达道路（{OUTPUT_EDGES_BANDS}：每站每个{BAND_MIN}时段一条线，band_from_min ≤ 时间 &lt; band_to_min，最后一段止于{TIME_LIMIT}）、每站一个可达范围（reach_km2、residents、district_km2、类别限值、exceeds_limit 及辖区内按时可达比例）、覆盖空白区、目标到达时间、汇总表和 HTML 报告。下一步：{exportatlas}。</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="399" />
        <source>What changes between two plans: {BEFORE} and {AFTER} are the results GeoPackages (risk_atlas_results.gpkg) of two runs of {fullassessment} — e.g. today, and today with proposed fire stations or a new shelter. Run {fullassessment} twice first (the same county, townships and time limit). A run is named by the run label stored in its provenance table, else by its folder or file name; a GeoPackage without the result layers is refused, naming the layers it lacks.

Per township ({OUTPUT_TOWNSHIPS}, matched by town_id): residents covered by fire stations within the time limit before and after (covered_before, covered_after, covered_change, the shares of residents covered) — each run's own reach analysis (residents each station reaches first, and the gaps) placed in the townships by the four-colour map's residents, the figures of each run's township sheets, adding up to the county's residents covered — and the fixed-shelter m² per resident of each run's shelter analysis (m2pc_before, m2pc_after, m2pc_change); targets_gained / targets_lost count the targets in the township that gained or lost coverage.

{OUTPUT_CHANGES}: one point per feature whose coverage changed (kind, id, name, before, after, change, unit, status). Kinds: enterprise (and hazard_unit, target: the fire-station reach's targets), key_target (the rescue teams' key targets) and key_target_supply (the supply depots'), when both runs have them: listed when covered in time (arrival ≤ the run's time limit, as the run's analysis judged it) in one run and not in the other; before and after are the arrival minutes (empty: not reached at all); status gained or lost, added or removed for a target only one run has. township: residents covered changed by at least {0}; shelter_township: m² per resident changed by at least {1} (smaller differences are rounding); status better or worse. Targets lie at their own points, townships at a point on their surface, so one point layer holds every kind (the geometry of {AFTER}).

{OUTPUT_HTML}: the county's figures, the townships' table and the list of changes. {OUTPUT_PAGE} (optional): one page in the atlas's style on {PAGE_SIZE} — townships shaded by the change in residents covered, the new stations' reach outlined, targets that gained or lost coverage marked, and the townships' before / after table. Both in the language of {LANGUAGE}.</source>
        <translation>方案对比：{BEFORE} 与 {AFTER} 为两次 {fullassessment} 的结果 GeoPackage（risk_atlas_results.gpkg），例如现状，以及现状加拟建消防站或新增避难场所。请先运行两次 {fullassessment}（同一县域、镇街与时限）。每次结果以其 provenance 表中保存的运行名称命名，没有时以所在文件夹或文件名命名；缺少结果图层的 GeoPackage 将被拒绝，并列出所缺图层。

各镇街（{OUTPUT_TOWNSHIPS}，按 town_id 对应）：变化前后消防站在时限内可达的人口（covered_before、covered_after、covered_change 及可达人口比例）——取各次消防站到达分析本身的结果（各站首到人口与未覆盖区域人口），按四色图网格人口分摊到镇街，即各次图集镇街分图上的数据，各镇街合计等于全县可达人口；以及各次避难场所分析的人均固定避难场所面积（m2pc_before、m2pc_after、m2pc_change）；targets_gained / targets_lost 为镇街内新增或失去按时覆盖的目标数。

{OUTPUT_CHANGES}：每个覆盖发生变化的要素一个点（kind、id、name、before、after、change、unit、status）。类别：enterprise（以及 hazard_unit、target：消防站到达分析的目标）、key_target（救援队伍的重点目标）与 key_target_supply（物资储备库的重点目标），两次结果都有时才对比：在一次中按时到达（到达时间 ≤ 该次时限，以该次分析的判定为准）、另一次中未按时到达的目标列出；before 与 after 为到达时间（分钟，空 = 无法到达）；status 为 gained 或 lost，仅一次有的目标为 added 或 removed。township：可达人口变化至少 {0} 人；shelter_township：人均面积变化至少 {1} m²/人（更小的差异视为舍入误差）；status 为 better 或 worse。目标位于其自身位置，镇街取其面内一点，因此一个点图层即可容纳所有类别（采用 {AFTER} 的几何）。

{OUTPUT_HTML}：全县数据、各镇街表格与变化清单。{OUTPUT_PAGE}（可选）：按图集样式在 {PAGE_SIZE} 上输出一页——按可达人口变化为镇街着色，勾出新增消防站的到达范围，标出新增或失去按时覆盖的目标，并附各镇街变化前后表格。两者均采用 {LANGUAGE} 指定的语言。</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="358" />
        <source>{OUTPUT_PAGE} (optional): the siting page for the atlas — one A4 landscape PDF page in the atlas's style, in {LANGUAGE}: the existing stations, the chosen sites with their rank, the demand still out of reach (hatched where a candidate could reach it, solid where none can), the coverage before and after, and the chosen sites ranked with the residents each adds. {OUTPUT} goes as it is into {fullassessment} as its proposed fire stations (today + plan).</source>
        <translation>{OUTPUT_PAGE}（可选）：供图集使用的选址图页 — 一页 A4 横向 PDF，与图集风格一致，语言按{LANGUAGE}：现有消防站、选定站址及其名次、仍未覆盖的需求（候选站可达处为斜线，无候选站可达处为实色）、新建前后的覆盖情况，以及按名次列出的选定站址和各自新增的覆盖人口。{OUTPUT}可原样作为{fullassessment}的规划消防站使用（现状+规划）。</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="466" />
        <source>Prints the risk atlas as one PDF: the county's pages, then one sheet per township of {TOWNSHIPS}. Run first: {fourcolourmap} ({RISK_MAP}), and for the other layers {enterpriserisk}, {gradehazardsources}, {firestationreach} and {shelterpercapita} — or run {fullassessment}, which makes all of them and this atlas in one go.

County pages: the four-colour risk map with fire stations, shelters and major hazard units, a table of map units, area and residents per risk level, the three indicators, a table of the townships, {ORGANISATION} and {DATE}; with {REACH_AREAS}, the fire-station page (stations, the land each reaches within the time limit, the gaps hatched in red, coverage per township, the stations' districts against their class limit); with {SHELTER_UNITS}, the shelter page (fixed-shelter area per resident per township against {TARGET}, default {0} m² per resident, a value equal to the target meets it; with {SHELTER_LOAD} the shelters' service areas and the overloaded shelters).

Each township sheet (a QGIS atlas on the townships, named by {NAME_FIELD}): the four-colour map zoomed to the township with a location inset, legend ({1}), scale bar, north arrow and CRS note, and compact maps of its fire-station reach and its shelters; the township's figures as on the cover; a chart of the risk-level shares of area and residents; the list of its major hazard units (GB 18218-2018 一级–四级).

How the figures are made: residents of the four-colour map units are apportioned to each township by area; a unit is counted in the township it overlaps most; residents reached in time and not covered are those of the reach analysis (the residents of {REACH_AREAS} and {REACH_GAPS}, placed in the townships by the map's residents); shelter area and residents are taken from {SHELTER_UNITS} and judged against {TARGET}; hazard units and enterprises count in the township holding them. The county's headline figures are logged and written as table headline_figures beside the atlas layers. Risk levels are read from 'risk_level' (1 major … 4 low; a level's lower bound belongs to that level, as in the analyses that wrote them).

The pages come from the layout templates in the plugin's 'atlas/templates' folder ({PAGE_SIZE}, landscape), which can be edited in the layout designer; a template saved in your profile's composer_templates folder as riskatlas_cover_a3.qpt, riskatlas_township_a3.qpt (or _a4) is used instead. Text is written as text (searchable), in {LANGUAGE}, in a Chinese font this machine has (WenQuanYi Zen Hei, Microsoft YaHei, SimHei, PingFang SC, …). Optionally every page is also written as a PNG image ({OUTPUT_PNG_FOLDER}), and the atlas layers into {ATLAS_LAYERS} (the charts go into an 'atlas_charts' folder beside it), from which a project gets the atlas layouts. {RUN_LABEL} is printed with the issuer on the cover and the sheets and at the foot of every page. Fire stations and shelters whose field 'proposed' is 1 (the planned ones of {fullassessment}) are drawn hollow, with their own legend entries. Input layers are never modified.</source>
        <translation>将风险图集打印为一个 PDF：全县各页，然后{TOWNSHIPS}中每个镇街一页。请先运行{fourcolourmap}（{RISK_MAP}），其他图层请先运行{enterpriserisk}、{gradehazardsources}、{firestationreach}和{shelterpercapita} — 或运行{fullassessment}，一次生成全部结果和本图集。

全县各页：全县四色风险图及消防站、避难场所和重大危险源单元，各风险等级的网格数、面积和常住人口表，三项指标，镇街一览表，{ORGANISATION}和{DATE}；给出{REACH_AREAS}时有消防站页（消防站、各站时限内可达的用地、红色斜线表示的覆盖空白、各镇街覆盖情况、各站辖区与类别限值的比较）；给出{SHELTER_UNITS}时有避难场所页（各镇街人均固定避难场所面积对照{TARGET}，默认每人 {0} m²，等于目标值即为达标；给出{SHELTER_LOAD}时还有各避难场所的服务范围和超负荷的避难场所）。

每个镇街一页（QGIS 图集，按{NAME_FIELD}命名）：缩放至该镇街的四色风险图及位置示意图、图例（{1}）、比例尺、指北针和坐标系说明，以及该镇街消防站到达和避难场所的小图；与封面相同的该镇街数字；按面积和常住人口的风险等级构成图；该镇街的重大危险源单元列表（GB 18218-2018 一级–四级）。

数字的计算方法：四色图各单元的常住人口按面积分摊到各镇街；单元计入与其重叠最多的镇街；按时可达和未覆盖的常住人口取自消防站到达分析（{REACH_AREAS}和{REACH_GAPS}的常住人口，按四色图的人口分布落到各镇街）；避难场所面积和常住人口取自{SHELTER_UNITS}，并对照{TARGET}判断；危险源单元和企业计入其所在镇街。全县主要数字写入日志，并作为 headline_figures 表写在图集图层旁。风险等级读取“risk_level”（1 重大 … 4 低；各等级下限属于该等级，与生成它们的分析一致）。

页面来自插件“atlas/templates”文件夹中的版式模板（{PAGE_SIZE}，横向），可在版式设计器中编辑；若在个人配置的 composer_templates 文件夹中保存了 riskatlas_cover_a3.qpt、riskatlas_township_a3.qpt（或 _a4），则使用这些模板。文字以文本形式写出（可搜索），语言按{LANGUAGE}，使用本机已有的中文字体（文泉驿正黑、微软雅黑、黑体、苹方等）。还可将每页另存为 PNG 图片（{OUTPUT_PNG_FOLDER}），并将图集图层写入{ATLAS_LAYERS}（图表存入其旁边的“atlas_charts”文件夹），项目可由此重建图集版式。{RUN_LABEL}印在封面和各镇街分图的编制单位旁以及每页页脚。字段 proposed 为 1 的消防站和避难场所（{fullassessment}的规划要素）以空心符号绘制，图例中单列。输入图层不会被修改。</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="545" />
        <source>Today + plan: {PROPOSED_STATIONS} and {PROPOSED_SHELTERS} are added to {FIRE_STATIONS} and {SHELTERS} for this run only. They are written together with the existing ones into scenario_inputs.gpkg in the output folder (field proposed: 1 planned, 0 existing), which every step reads; the input layers are not modified. The chosen sites of {firestationsiting} are taken as they are: a planned station takes its id from station_id, else site_id (else P1, P2 … by rank), its name from name, else 规划站 1, 2 … by rank (Proposed station 1 … in an English run), its class from class, else {0} ({1}), and its turnout from turnout_min, else {DEFAULT_TURNOUT}. A planned shelter needs {2} (a missing field or value stops the run, naming the layer, the feature and the field) and joins the shelters of its geometry (polygons: {SHELTERS}, points: {SHELTERS_2}). A planned id that an existing station or shelter already has stops the run. The atlas draws planned stations and shelters hollow (规划消防站, 规划避难场所 in the legends). The Processing model has no planned layers (a model cannot add optional layers to others simply): merge them into the existing layers before running it.

{RUN_LABEL} is printed with the issuer on the cover and the sheets and at the foot of every page, and written into the run_label column of the results' provenance table.</source>
        <translation>现状+规划：{PROPOSED_STATIONS}和{PROPOSED_SHELTERS}仅在本次运行中并入{FIRE_STATIONS}和{SHELTERS}。它们与现有要素一起写入输出文件夹中的 scenario_inputs.gpkg（字段 proposed：1 为规划，0 为现有），各步骤均读取该文件；输入图层不会被修改。{firestationsiting}的选定站址可原样使用：规划消防站的编号取 station_id，否则取 site_id（再否则按名次编为 P1、P2 …），名称取 name，否则按名次命名为 规划站 1、2 …（英文运行为 Proposed station 1 …），类别取 class，否则为 {0}（{1}），出动时间取 turnout_min，否则为{DEFAULT_TURNOUT}。规划避难场所须有 {2}（缺少字段或取值时运行停止，并指明图层、要素和字段），并入相同几何类型的避难场所（面：{SHELTERS}，点：{SHELTERS_2}）。规划要素的编号与现有消防站或避难场所重复时运行停止。图集以空心符号绘制规划消防站和规划避难场所（图例为“规划消防站”“规划避难场所”）。处理工具模型不含规划图层（模型难以简单地把可选图层并入其他图层）：运行模型前请先将其并入现有图层。

{RUN_LABEL}印在封面和各镇街分图的编制单位旁以及每页页脚，并写入结果 provenance 表的 run_label 列。</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="566" />
        <source>The assessment chain as an editable Processing model — the same steps, algorithms and defaults as {fullassessment}:
{0}

Open it in the Model Designer to change a step, add one or save a copy for your bureau. Unlike {fullassessment} it writes each result where you choose, and makes no project and no HTML reports; it has no planned stations or shelters (add them to the existing layers first) and no run label.</source>
        <translation>以可编辑的处理工具模型表示的评估流程 — 步骤、算法和默认值与{fullassessment}相同：
{0}

在模型设计器中打开，可修改或增加步骤，或另存一份本单位的副本。与{fullassessment}不同，它将每个结果写到您指定的位置，不生成项目和 HTML 报告；也不含规划消防站和规划避难场所（请先将其并入现有图层）以及方案名称。</translation>
    </message>
</context>
<context>
    <name>ImportLayer</name>
    <message>
        <location filename="../processing/alg_import_layer.py" line="28" />
        <source>Import ledger or layer</source>
        <translation>导入台账/图层</translation>
    </message>
    <message>
        <location filename="../processing/alg_import_layer.py" line="32" />
        <source>Ledger or layer (xlsx, csv, shapefile, GeoJSON, GeoPackage layer)</source>
        <translation>台账或图层（xlsx、csv、Shapefile、GeoJSON、GeoPackage 图层）</translation>
    </message>
    <message>
        <location filename="../processing/alg_import_layer.py" line="37" />
        <source>Layer kind (empty: recognised from the headers)</source>
        <translation>图层类型（留空：根据表头识别）</translation>
    </message>
    <message>
        <location filename="../processing/alg_import_layer.py" line="40" />
        <source>Column mapping (源列=field;源列=field; wins over the recognised headers)</source>
        <translation>列映射（源列=field;源列=field；优先于自动识别的表头）</translation>
    </message>
    <message>
        <location filename="../processing/alg_import_layer.py" line="43" />
        <source>Coordinates are</source>
        <translation>坐标为</translation>
    </message>
    <message>
        <location filename="../processing/alg_import_layer.py" line="47" />
        <source>CRS of projected coordinate columns (or of a layer without one)</source>
        <translation>投影坐标列的坐标系（或无坐标系图层的坐标系）</translation>
    </message>
    <message>
        <location filename="../processing/alg_import_layer.py" line="49" />
        <source>Longitude / X column (empty: recognised)</source>
        <translation>经度 / X 列（留空：自动识别）</translation>
    </message>
    <message>
        <location filename="../processing/alg_import_layer.py" line="49" />
        <source>Latitude / Y column (empty: recognised)</source>
        <translation>纬度 / Y 列（留空：自动识别）</translation>
    </message>
    <message>
        <location filename="../processing/alg_import_layer.py" line="52" />
        <source>Output CRS (empty: the CGCS2000 Gauss-Krüger zone of the study area or the data)</source>
        <translation>输出坐标系（留空：研究区或数据所在的 CGCS2000 高斯-克吕格分带）</translation>
    </message>
    <message>
        <location filename="../processing/alg_import_layer.py" line="55" />
        <source>Study area (places outside it are listed)</source>
        <translation>研究区（列出其范围外的位置）</translation>
    </message>
    <message>
        <location filename="../processing/alg_import_layer.py" line="57" />
        <source>Imported layer</source>
        <translation>导入的图层</translation>
    </message>
    <message>
        <location filename="../processing/alg_import_layer.py" line="58" />
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <location filename="../processing/alg_import_layer.py" line="59" />
        <source>Import report (HTML)</source>
        <translation>导入报告（HTML）</translation>
    </message>
    <message>
        <location filename="../processing/alg_import_layer.py" line="60" />
        <source>Layer kind imported</source>
        <translation>导入的图层类型</translation>
    </message>
    <message>
        <location filename="../processing/alg_import_layer.py" line="61" />
        <source>Features written</source>
        <translation>写出的要素数</translation>
    </message>
    <message>
        <location filename="../processing/alg_import_layer.py" line="97" />
        <source>Cannot import: {0}</source>
        <translation>无法导入：{0}</translation>
    </message>
    <message>
        <location filename="../processing/alg_import_layer.py" line="113" />
        <source> See the report: {0}</source>
        <translation> 详见报告：{0}</translation>
    </message>
    <message>
        <location filename="../processing/alg_import_layer.py" line="114" />
        <source>The import stopped: nothing was written.</source>
        <translation>导入已停止：未写出任何结果。</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <location filename="../layers/ledger_crs.py" line="17" />
        <source>As the source says (a table without CRS: WGS 84)</source>
        <translation>按数据源（无坐标系的表格：WGS 84）</translation>
    </message>
    <message>
        <location filename="../layers/ledger_crs.py" line="17" />
        <source>WGS 84 (GPS)</source>
        <translation>WGS 84（GPS 定位）</translation>
    </message>
    <message>
        <location filename="../layers/ledger_crs.py" line="17" />
        <source>GCJ-02 (AMap, Tencent)</source>
        <translation>GCJ-02（高德、腾讯）</translation>
    </message>
    <message>
        <location filename="../layers/ledger_crs.py" line="17" />
        <source>BD-09 (Baidu)</source>
        <translation>BD-09（百度）</translation>
    </message>
    <message>
        <location filename="../layers/ledger_crs.py" line="17" />
        <source>CGCS2000 geographic</source>
        <translation>CGCS2000 地理坐标</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="22" />
        <source>Read {value}.</source>
        <translation>读取 {value}。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="23" />
        <source>Text encoding: {value}.</source>
        <translation>文本编码：{value}。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="24" />
        <source>Layer kind {result} (as KIND says).</source>
        <translation>图层类型 {result}（按 KIND 指定）。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="25" />
        <source>Layer kind {result}, recognised from the headers (required fields found: {detail}).</source>
        <translation>图层类型 {result}，根据表头识别（必填字段匹配：{detail}）。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="27" />
        <source>The headers do not say which kind of layer this is (best matches: {detail}): set KIND.</source>
        <translation>无法从表头判断图层类型（最接近：{detail}）：请设置 KIND。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="29" />
        <source>The headers fit several kinds equally ({detail}): set KIND.</source>
        <translation>表头同样符合多种图层类型（{detail}）：请设置 KIND。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="31" />
        <source>Header row: row {rows} ({detail} headers recognised).</source>
        <translation>表头行：第 {rows} 行（识别出 {detail} 个表头）。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="33" />
        <source>No header recognised in the first {detail} rows: set KIND, or name the columns with FIELD_MAP.</source>
        <translation>前 {detail} 行中没有可识别的表头：请设置 KIND，或用 FIELD_MAP 指明各列。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="36" />
        <source>Column '{column}' → {field}.</source>
        <translation>列“{column}” → {field}。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="37" />
        <source>Column '{column}' recognised ({field}): not imported.</source>
        <translation>列“{column}”已识别（{field}）：不导入。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="38" />
        <source>Column '{column}' → {field} (similar header).</source>
        <translation>列“{column}” → {field}（相近表头）。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="39" />
        <source>Column '{column}' → {field} (FIELD_MAP).</source>
        <translation>列“{column}” → {field}（FIELD_MAP）。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="40" />
        <source>Column '{column}' left out (FIELD_MAP).</source>
        <translation>列“{column}”已舍弃（FIELD_MAP）。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="41" />
        <source>Column '{column}' not used: FIELD_MAP takes its field from another column.</source>
        <translation>列“{column}”未使用：FIELD_MAP 从另一列取该字段。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="43" />
        <source>Column '{column}' is not a Risk Atlas field: not imported.</source>
        <translation>列“{column}”不是风险图谱字段：不导入。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="45" />
        <source>Column '{column}' could be {detail}: say which with FIELD_MAP, e.g. {result}</source>
        <translation>列“{column}”可能是 {detail}：请用 FIELD_MAP 指明，例如 {result}</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="47" />
        <source>Column '{column}': the unit {detail} does not fit {field}: correct the header or set FIELD_MAP.</source>
        <translation>列“{column}”：单位 {detail} 与 {field} 不符：请更正表头或设置 FIELD_MAP。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="50" />
        <source>FIELD_MAP: {detail}</source>
        <translation>列映射 FIELD_MAP：{detail}</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="51" />
        <source>No column for the required field {field}: name it with FIELD_MAP (源列={code}).</source>
        <translation>必填字段 {field} 没有对应的列：请用 FIELD_MAP 指明（源列={code}）。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="53" />
        <source>Rows {rows} skipped: every required field is empty (a total line or a note?).</source>
        <translation>已跳过第 {rows} 行：所有必填字段均为空（合计行或备注？）。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="55" />
        <source>Empty rows {rows} skipped.</source>
        <translation>已跳过空行：第 {rows} 行。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="59" />
        <source>{field}: '{value}' read as {result} (rows {rows}).</source>
        <translation>{field}：“{value}”读作 {result}（第 {rows} 行）。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="60" />
        <source>{field}: '{value}' is not a number (rows {rows}); it is left empty.</source>
        <translation>{field}：“{value}”不是数字（第 {rows} 行）；留空。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="62" />
        <source>{field}: '{value}' is not a whole number (rows {rows}); it is left empty.</source>
        <translation>{field}：“{value}”不是整数（第 {rows} 行）；留空。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="66" />
        <source>{field}: '{value}' → {result} (rows {rows}).</source>
        <translation>{field}：“{value}” → {result}（第 {rows} 行）。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="67" />
        <source>{field}: '{value}' is not a known value (rows {rows}); known values: {choices}.</source>
        <translation>{field}：“{value}”不是已知取值（第 {rows} 行）；可用取值：{choices}。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="69" />
        <source>{field}: '{value}' could be {detail} (rows {rows}): write which in the ledger.</source>
        <translation>{field}：“{value}”可能是 {detail}（第 {rows} 行）：请在台账中写明。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="71" />
        <source>{field}: '{value}' is not a category of GB 18218 Table 2 (rows {rows}); left empty.</source>
        <translation>{field}：“{value}”不属于 GB 18218 表 2 的类别（第 {rows} 行）；留空。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="73" />
        <source>substance: '{value}' is read by its CAS number {result} (rows {rows}).</source>
        <translation>substance：“{value}”按其 CAS 号 {result} 读取（第 {rows} 行）。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="75" />
        <source>Coordinates from {column}, read as {value}.</source>
        <translation>坐标取自 {column}，按 {value} 读取。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="77" />
        <source>No coordinates (rows {rows}): written without geometry.</source>
        <translation>无坐标（第 {rows} 行）：写出时无几何。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="79" />
        <source>Coordinates not read ({detail}, e.g. '{value}', rows {rows}): written without geometry.</source>
        <translation>坐标无法读取（{detail}，例如“{value}”，第 {rows} 行）：写出时无几何。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="81" />
        <source>Longitude and latitude exchanged in rows {rows}: swapped back.</source>
        <translation>第 {rows} 行经纬度颠倒：已纠正。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="83" />
        <source>Rows {rows} lie outside China in either order: left as written.</source>
        <translation>第 {rows} 行无论怎样排列都不在中国境内：保持原样。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="85" />
        <source>{column} hold projected coordinates (e.g. {value}), not degrees: set SOURCE_CRS.</source>
        <translation>{column} 中是投影坐标（例如 {value}），不是经纬度：请设置 SOURCE_CRS。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="87" />
        <source>{count} places converted from {value} to WGS 84; moved {mean} m on average ({low}–{high} m).</source>
        <translation>{count} 个位置由 {value} 转换为 WGS 84；平均移动 {mean} 米（{low}–{high} 米）。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="89" />
        <source>Rows {rows} lie outside the study area.</source>
        <translation>第 {rows} 行位于研究区外。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="91" />
        <source>Geometry (WKT) not read (e.g. '{value}', rows {rows}): written without geometry.</source>
        <translation>几何（WKT）无法读取（例如“{value}”，第 {rows} 行）：写出时无几何。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="93" />
        <source>Written in {result} ({value}).</source>
        <translation>写出坐标系：{result}（{value}）。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="94" />
        <source>SOURCE_CRS {value} is projected: COORDINATES must then be 0 (as the source says).</source>
        <translation>SOURCE_CRS {value} 为投影坐标系：此时 COORDINATES 必须为 0（按数据源）。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="96" />
        <source>The layer has no coordinate reference system: set SOURCE_CRS or COORDINATES.</source>
        <translation>该图层没有坐标参考系：请设置 SOURCE_CRS 或 COORDINATES。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="98" />
        <source>The geometries are {value}; this kind takes {detail}.</source>
        <translation>几何类型为 {value}；该图层类型只接受 {detail}。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="101" />
        <source>{count} places converted from {value} to WGS 84.</source>
        <translation>{count} 个位置由 {value} 转换为 WGS 84。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="173" />
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="173" />
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="173" />
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="173" />
        <source>Values read</source>
        <translation>取值转换</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="173" />
        <source>Source and places</source>
        <translation>数据源与位置</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="182" />
        <source>Risk Atlas — import report</source>
        <translation>风险图谱——导入报告</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="185" />
        <source>Source</source>
        <translation>数据源</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="185" />
        <source>Layer kind</source>
        <translation>图层类型</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="185" />
        <source>Rows read</source>
        <translation>读取行数</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="185" />
        <source>Errors / warnings</source>
        <translation>错误 / 警告</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="190" />
        <source>Nothing was written: settle the errors below, then run the import again.</source>
        <translation>未写出任何结果：请处理下列错误后重新导入。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="192" />
        <source>Rows</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="192" />
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="213" />
        <source>… and {0} more</source>
        <translation>……另有 {0} 条</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="64" />
        <source>{field}: '{value}' is too large for a whole-number field (rows {rows}); it is left empty.</source>
        <translation>{field}：“{value}”超出整数字段的范围（第 {rows} 行）；留空。</translation>
    </message>
    <message>
        <location filename="../layers/ledger_report.py" line="56" />
        <source>{count} OSM lines with highway '{value}' are not roads for fire engines (the OSM speed table leaves them out): not imported (rows {rows}).</source>
        <translation>{count} 条 highway 为“{value}”的 OSM 线不是消防车行驶的道路（OSM 车速表不计入）：未导入（行 {rows}）。</translation>
    </message>
</context>
<context>
    <name>IncidentSurroundings</name>
    <message>
        <location filename="../processing/alg_incident_surroundings.py" line="43" />
        <source>Incident surroundings</source>
        <translation>事件周边分析</translation>
    </message>
    <message>
        <location filename="../processing/alg_incident_surroundings.py" line="47" />
        <source>Incidents (points, hazard units or enterprise polygons)</source>
        <translation>事件（点、危险源单元或企业面）</translation>
    </message>
    <message>
        <location filename="../processing/alg_incident_surroundings.py" line="50" />
        <source>Incident id field (empty: the feature id)</source>
        <translation>事件编号字段（空：要素编号）</translation>
    </message>
    <message>
        <location filename="../processing/alg_incident_surroundings.py" line="51" />
        <source>Rings (m)</source>
        <translation>圈层 (m)</translation>
    </message>
    <message>
        <location filename="../processing/alg_incident_surroundings.py" line="53" />
        <source>Key targets (crowded places)</source>
        <translation>重点防护目标（人员密集场所）</translation>
    </message>
    <message>
        <location filename="../processing/alg_incident_surroundings.py" line="55" />
        <source>Occupancy field (people)</source>
        <translation>容纳人数字段（人）</translation>
    </message>
    <message>
        <location filename="../processing/alg_incident_surroundings.py" line="57" />
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../processing/alg_incident_surroundings.py" line="58" />
        <source>Hazard units (graded, or the hazard sources: by unit_id)</source>
        <translation>危险源单元（已分级的，或危险源图层：按 unit_id）</translation>
    </message>
    <message>
        <location filename="../processing/alg_incident_surroundings.py" line="61" />
        <source>Shelters</source>
        <translation>避难场所</translation>
    </message>
    <message>
        <location filename="../processing/alg_incident_surroundings.py" line="62" />
        <source>Shelter capacity field (people)</source>
        <translation>避难场所容量字段（人）</translation>
    </message>
    <message>
        <location filename="../processing/alg_incident_surroundings.py" line="64" />
        <source>Fire stations</source>
        <translation>消防站</translation>
    </message>
    <message>
        <location filename="../processing/alg_incident_surroundings.py" line="65" />
        <source>Rescue teams</source>
        <translation>救援队伍</translation>
    </message>
    <message>
        <location filename="../processing/alg_incident_surroundings.py" line="66" />
        <source>Supply depots</source>
        <translation>物资储备库</translation>
    </message>
    <message>
        <location filename="../processing/alg_incident_surroundings.py" line="67" />
        <source>Nearest responders of each kind</source>
        <translation>每类最近的救援力量数</translation>
    </message>
    <message>
        <location filename="../processing/alg_incident_surroundings.py" line="70" />
        <source>Turnout time field (min)</source>
        <translation>出动时间字段 (min)</translation>
    </message>
    <message>
        <location filename="../processing/alg_incident_surroundings.py" line="71" />
        <source>Default turnout time (min)</source>
        <translation>默认出动时间 (min)</translation>
    </message>
    <message>
        <location filename="../processing/alg_incident_surroundings.py" line="75" />
        <source>Rings</source>
        <translation>圈层</translation>
    </message>
    <message>
        <location filename="../processing/alg_incident_surroundings.py" line="76" />
        <source>Nearest responders</source>
        <translation>最近的救援力量</translation>
    </message>
    <message>
        <location filename="../processing/alg_incident_surroundings.py" line="77" />
        <source>Incident brief (PDF)</source>
        <translation>事件简报 (PDF)</translation>
    </message>
    <message>
        <location filename="../processing/alg_incident_surroundings.py" line="77" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../processing/incident_steps.py" line="24" />
        <source>No roads: the nearest responders are listed by straight-line distance, without arrival times.</source>
        <translation>未给出道路：按直线距离列出最近的救援力量，不计到达时间。</translation>
    </message>
    <message>
        <location filename="../processing/incident_steps.py" line="41" />
        <source>Road network kept from an earlier run of this session: {0:,} nodes, {1:,} edges.</source>
        <translation>路网沿用本次会话先前的构建：{0:,} 个节点，{1:,} 条边。</translation>
    </message>
    <message>
        <location filename="../processing/incident_steps.py" line="41" />
        <source>Road network built: {0:,} nodes, {1:,} edges (kept for the next run of this session).</source>
        <translation>路网已构建：{0:,} 个节点，{1:,} 条边（本次会话的下一次运行将沿用）。</translation>
    </message>
    <message>
        <location filename="../processing/incident_steps.py" line="84" />
        <source>{0} within {1:g} m: {2:,.0f} residents, {3:,.0f} key targets ({4:,.0f} people), {5:,.0f} enterprises, {6:,.0f} hazard units, shelters' spare capacity {7:,.0f}.</source>
        <translation>{0} 周边 {1:g} m 内：常住人口 {2:,.0f}，重点防护目标 {3:,.0f} 个（容纳 {4:,.0f} 人），企业 {5:,.0f} 家，危险源单元 {6:,.0f} 个，避难场所剩余容量 {7:,.0f} 人。</translation>
    </message>
    <message>
        <location filename="../processing/alg_incident_surroundings.py" line="52" />
        <source>Population (polygons or points)</source>
        <translation>人口（面或点）</translation>
    </message>
</context>
<context>
    <name>InputError</name>
    <message>
        <location filename="../core/errors.py" line="23" />
        <source>layer '{layer}'</source>
        <translation>图层“{layer}”</translation>
    </message>
    <message>
        <location filename="../core/errors.py" line="24" />
        <source>feature {features}</source>
        <translation>要素 {features}</translation>
    </message>
    <message>
        <location filename="../core/errors.py" line="25" />
        <source>features {features}</source>
        <translation>要素 {features}</translation>
    </message>
    <message>
        <location filename="../core/errors.py" line="26" />
        <source>{shown} and {more} more</source>
        <translation>{shown} 等（另有 {more} 个）</translation>
    </message>
    <message>
        <location filename="../core/errors.py" line="27" />
        <source>field '{field}'</source>
        <translation>字段“{field}”</translation>
    </message>
    <message>
        <location filename="../core/errors.py" line="28" />
        <source>; </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../core/errors.py" line="29" />
        <source>{where}: {what}</source>
        <translation>{where}：{what}</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="12" />
        <source>the layer has no features</source>
        <translation>图层没有要素</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="13" />
        <source>the layer has no features: {consequence}</source>
        <translation>图层没有要素：{consequence}</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="14" />
        <source>the layer has no coordinate reference system; set it in Layer Properties ▸ Source</source>
        <translation>图层没有坐标参考系；请在 图层属性 ▸ 源 中设置</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="16" />
        <source>geographic CRS {authid}: the analysis reprojects it to a local projected CRS (CGCS2000 3-degree Gauss-Krüger zone in China)</source>
        <translation>地理坐标系 {authid}：分析时将重投影到当地投影坐标系（在中国为 CGCS2000 3度高斯-克吕格分带）</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="18" />
        <source>CRS {authid} differs from {first}'s {first_authid}; it is reprojected to {first_authid}</source>
        <translation>坐标系 {authid} 与“{first}”的 {first_authid} 不同；将重投影到 {first_authid}</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="20" />
        <source>the shapefile's text is GBK-encoded but it has no .cpg file: it is read as GBK here. Add a .cpg file containing GBK (or set Layer Properties ▸ Source ▸ Data source encoding to GBK) so that QGIS shows its Chinese text</source>
        <translation>该 Shapefile 的文字为 GBK 编码，但没有 .cpg 文件：此处按 GBK 读取。请添加内容为 GBK 的 .cpg 文件（或在 图层属性 ▸ 源 ▸ 数据源编码 中设为 GBK），以便 QGIS 正确显示中文</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="24" />
        <source>field not found (fields: {available})</source>
        <translation>字段不存在（现有字段：{available}）</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="25" />
        <source>required field ({alias_zh} / {alias_en}) is missing</source>
        <translation>缺少必填字段（{alias_zh} / {alias_en}）</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="26" />
        <source>field ({alias_zh} / {alias_en}) is missing: the {method} method needs it</source>
        <translation>缺少字段（{alias_zh} / {alias_en}）：{method} 方法需要该字段</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="28" />
        <source>required value ({alias_zh}) is empty</source>
        <translation>必填值（{alias_zh}）为空</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="29" />
        <source>empty value ({alias_zh}) counted as {value:g}</source>
        <translation>空值（{alias_zh}）按 {value:g} 计</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="30" />
        <source>must be a number, found '{value}'</source>
        <translation>应为数值，实为“{value}”</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="31" />
        <source>must be a finite number, found '{value}'</source>
        <translation>应为有限数值，实为“{value}”</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="32" />
        <source>must be a whole number, found {value:g}</source>
        <translation>应为整数，实为 {value:g}</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="33" />
        <source>must be true/false (是/否, yes/no, 1/0), found '{value}'</source>
        <translation>应为是/否（是/否、yes/no、1/0），实为“{value}”</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="34" />
        <source>'{value}' is not true/false (是/否, yes/no, 1/0): {consequence}</source>
        <translation>“{value}”不是是/否值（是/否、yes/no、1/0）：{consequence}</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="35" />
        <source>must be a text field (it is {kind})</source>
        <translation>应为文本字段（实为 {kind}）</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="36" />
        <source>a text field holding numbers: it is read as numbers</source>
        <translation>文本字段中存放的是数值：按数值读取</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="37" />
        <source>unknown value '{value}' (allowed: {allowed})</source>
        <translation>未知取值“{value}”（允许：{allowed}）</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="38" />
        <source>unknown value '{value}' (allowed: {allowed}): {consequence}</source>
        <translation>未知取值“{value}”（允许：{allowed}）：{consequence}</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="39" />
        <source>'{value}' could be {candidates}: write which one</source>
        <translation>“{value}”可能是 {candidates}：请写明是哪一个</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="40" />
        <source>'{value}' could be {candidates}: {consequence}</source>
        <translation>“{value}”可能是 {candidates}：{consequence}</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="41" />
        <source>'{value}' is not a category of GB 18218 Table 2: the record is graded without it</source>
        <translation>“{value}”不是 GB 18218 表 2 中的类别：该记录不按此类别分级</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="43" />
        <source>{value:g} is negative</source>
        <translation>{value:g} 为负数</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="44" />
        <source>{value:g} is below {minimum:g}</source>
        <translation>{value:g} 小于 {minimum:g}</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="45" />
        <source>{value:g} is beyond the largest possible value {maximum:g}</source>
        <translation>{value:g} 超出最大可能值 {maximum:g}</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="46" />
        <source>{value:g} is above {plausible:g}, more than is plausible: check it (used as given)</source>
        <translation>{value:g} 大于 {plausible:g}，不合常理：请核实（按原值使用）</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="48" />
        <source>{value:g} is not one of the LEC table values ({values}): used as given</source>
        <translation>{value:g} 不是 LEC 表中的取值（{values}）：按原值使用</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="50" />
        <source>duplicate {fields} '{value}': each feature needs its own</source>
        <translation>{fields} 重复“{value}”：每个要素应有各自的编号</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="51" />
        <source>feature has no geometry</source>
        <translation>要素没有几何</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="52" />
        <source>features without geometry are left out</source>
        <translation>无几何的要素被剔除</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="53" />
        <source>features without geometry are kept, without a location</source>
        <translation>无几何的要素予以保留（无位置）</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="54" />
        <source>geometry is a {found}, expected {expected}</source>
        <translation>几何类型为 {found}，应为 {expected}</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="55" />
        <source>invalid geometry ({reason}); it will be repaired (make valid) before analysis</source>
        <translation>无效几何（{reason}）；分析前将被修复（make valid）</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="57" />
        <source>invalid geometry repaired (make valid): {reason}</source>
        <translation>无效几何已修复（make valid）：{reason}</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="58" />
        <source>invalid geometry that collapses when repaired ({reason}): the feature is left out</source>
        <translation>无效几何修复后退化（{reason}）：该要素被剔除</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="62" />
        <source>{option} must be a number &gt; 0{unit}, got {value}</source>
        <translation>{option} 应为大于 0 的数值{unit}，实为 {value}</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="63" />
        <source>{option} must be a number ≥ 0{unit}, got {value}</source>
        <translation>{option} 应为不小于 0 的数值{unit}，实为 {value}</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="64" />
        <source>{option} must be a whole number ≥ 0, got {value}</source>
        <translation>{option} 应为不小于 0 的整数，实为 {value}</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="65" />
        <source>{option} must be one of {choices}, got {value}</source>
        <translation>{option} 应为 {choices} 之一，实为 {value}</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="66" />
        <source>radii must be four non-negative numbers in metres for levels 1..4, e.g. 1000,500,300,100; got '{value}'</source>
        <translation>影响半径应为 1–4 级的四个非负数（米），例如 1000,500,300,100；实为“{value}”</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="68" />
        <source>the grid would have {cells:,} cells (limit {limit:,}): use a larger cell size or a smaller extent</source>
        <translation>格网将有 {cells:,} 个单元（上限 {limit:,}）：请增大单元尺寸或缩小范围</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="70" />
        <source>{what} needs the layer {parameter}</source>
        <translation>{what} 需要图层 {parameter}</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="71" />
        <source>the {method} method needs the fields {fields}</source>
        <translation>{method} 方法需要字段 {fields}</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="72" />
        <source>preset '{preset}' is a {preset_method} preset, not for the {method} method</source>
        <translation>预设“{preset}”属于 {preset_method}，不适用于 {method} 方法</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="74" />
        <source>{given} {what} for {expected} {of}</source>
        <translation>{given} 个 {what}，对应 {expected} 个 {of}</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="79" />
        <source>quantity is not a number</source>
        <translation>设计最大量不是数值</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="80" />
        <source>quantity is negative</source>
        <translation>设计最大量为负数</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="81" />
        <source>records with an empty quantity counted as 0 t</source>
        <translation>设计最大量为空的记录按 0 t 计</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="82" />
        <source>unit id is empty</source>
        <translation>单元编号为空</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="83" />
        <source>substance is empty</source>
        <translation>物质名称为空</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="84" />
        <source>unknown hazard category {codes} (GB 18218-2018 Table 2 codes: {known}); unit {units}</source>
        <translation>未知危险性类别 {codes}（GB 18218-2018 表2代码：{known}）；单元 {units}</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="86" />
        <source>substance '{substance}' matches several rows of GB 18218-2018 Table 1 ({rows}): write the full name of the row; unit {units}</source>
        <translation>物质“{substance}”对应 GB 18218-2018 表1 的多行（{rows}）：请填写该行的全称；单元 {units}</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="88" />
        <source>substance '{substance}' (GB 18218-2018 Table 1 #{seq} {name}) is not a Table 3 toxic gas: give its hazard category so that β can be taken from Table 4; unit {units}</source>
        <translation>物质“{substance}”（GB 18218-2018 表1 第{seq}项 {name}）不是表3中的毒性气体：请填写其危险性类别，以便按表4取 β；单元 {units}</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="91" />
        <source>substance '{substance}' is not in GB 18218-2018 Table 1 and no hazard category is given (give one in the category field, e.g. W2 or J3); unit {units}</source>
        <translation>物质“{substance}”不在 GB 18218-2018 表1 中，且未给出危险性类别（请在类别字段中填写，如 W2 或 J3）；单元 {units}</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="94" />
        <source>exposed people is not a number</source>
        <translation>暴露人数不是数值</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="95" />
        <source>exposed people is negative</source>
        <translation>暴露人数为负数</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="96" />
        <source>records of {count} unit(s) disagree on the exposed people ({units}): the largest count is used</source>
        <translation>{count} 个单元的各条记录暴露人数不一致（{units}）：取最大值</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="98" />
        <source>unit(s) {units} have no geometry to estimate exposed people from</source>
        <translation>单元 {units} 没有可用于估算暴露人数的几何</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="100" />
        <source>major hazard unit(s) {units} have no exposed-people count and no population layer was given to estimate it (α needs it)</source>
        <translation>重大危险源单元 {units} 没有暴露人数，且未提供用于估算的人口图层（计算 α 需要）</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="102" />
        <source>unit(s) {units} have no exposed-people count and the population layer to estimate it from is empty</source>
        <translation>单元 {units} 没有暴露人数，而用于估算的人口图层为空</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="104" />
        <source>records of unit(s) {units} name different enterprises</source>
        <translation>单元 {units} 的各条记录所属企业不一致</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="105" />
        <source>units of {count} enterprise id(s) not in the enterprises layer ({ids}): the units' own boundaries are used</source>
        <translation>{count} 个企业编号不在企业图层中（{ids}）：其单元按自身边界计算</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="107" />
        <source>{count} enterprise(s) without a polygon (a point, or no geometry): their units' own boundaries are used</source>
        <translation>{count} 个企业没有面几何（为点或无几何）：其单元按自身边界计算</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="111" />
        <source>value is not a number</source>
        <translation>值不是数值</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="112" />
        <source>value is negative</source>
        <translation>值为负数</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="113" />
        <source>value below {minimum:g}</source>
        <translation>值小于 {minimum:g}</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="114" />
        <source>features with an empty value counted as 0</source>
        <translation>值为空的要素按 0 计</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="115" />
        <source>residents is NULL; enter 0 where nobody lives</source>
        <translation>常住人口为空（NULL）；无人居住处请填 0</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="116" />
        <source>residents value is negative</source>
        <translation>常住人口为负数</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="117" />
        <source>residents value is not a number</source>
        <translation>常住人口不是数值</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="120" />
        <source>LEC factor {factor} is empty or not a number</source>
        <translation>LEC 因子 {factor} 为空或不是数值</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="121" />
        <source>LEC factor {factor} must be positive</source>
        <translation>LEC 因子 {factor} 应为正数</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="122" />
        <source>values of LEC factor {factor} not among the LEC table values {values} (used as given)</source>
        <translation>LEC 因子 {factor} 的取值不在 LEC 表值 {values} 之中（按原值使用）</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="124" />
        <source>matrix {factor} is empty or not a number</source>
        <translation>风险矩阵 {factor} 为空或不是数值</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="125" />
        <source>matrix {factor} must be a whole number {low}–{high}</source>
        <translation>风险矩阵 {factor} 应为 {low}–{high} 的整数</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="126" />
        <source>risk level must be 1, 2, 3 or 4</source>
        <translation>风险等级应为 1、2、3 或 4</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="127" />
        <source>enterprise id is empty (needed to attach hazard units)</source>
        <translation>企业编号为空（关联危险源单元需要）</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="128" />
        <source>enterprise id is not unique (needed to attach hazard units)</source>
        <translation>企业编号不唯一（关联危险源单元需要）</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="130" />
        <source>units that name no enterprise are not attached to one</source>
        <translation>未注明所属企业的单元不关联到企业</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="131" />
        <source>units of {count} enterprise id(s) not in {enterprises} ({ids}) are ignored</source>
        <translation>所属企业编号不在“{enterprises}”中的 {count} 个企业的单元被忽略（{ids}）</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="141" />
        <source>features without geometry cannot be placed and are ignored</source>
        <translation>无几何的要素无法定位，已忽略</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="143" />
        <source>input fields replaced by the map's own: {fields}</source>
        <translation>输入字段被四色图的同名字段替换：{fields}</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="151" />
        <source>the road layer has no features</source>
        <translation>道路图层没有要素</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="152" />
        <source>the road layer has no line with length</source>
        <translation>道路图层没有长度大于零的线</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="153" />
        <source>the station layer has no features</source>
        <translation>消防站图层没有要素</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="154" />
        <source>stations without a location are left out</source>
        <translation>无位置的消防站被剔除</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="155" />
        <source>turnout time is negative</source>
        <translation>出动时间为负数</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="156" />
        <source>turnout time is not a number</source>
        <translation>出动时间不是数值</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="157" />
        <source>stations farther than SNAP_TOLERANCE = {tolerance:g} m from any road are left out ({distances})</source>
        <translation>距任何道路超过 SNAP_TOLERANCE = {tolerance:g} m 的消防站被剔除（{distances}）</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="159" />
        <source>no station lies within SNAP_TOLERANCE = {tolerance:g} m of a road</source>
        <translation>没有消防站位于道路 SNAP_TOLERANCE = {tolerance:g} m 范围内</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="161" />
        <source>turnout ≥ TIME_LIMIT: these stations reach nothing in time</source>
        <translation>出动时间 ≥ TIME_LIMIT：这些消防站在时限内无法到达任何地方</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="162" />
        <source>{parts} network part(s) not connected to any station's part ({km:.1f} km of road) are never reached; check the junctions there (lines join only where they share a vertex)</source>
        <translation>{parts} 个路网部分与任何消防站所在部分不连通（道路 {km:.1f} km），永远无法到达；请检查该处的路口（线只在共用节点处相连）</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="166" />
        <source>speed is not a number</source>
        <translation>车速不是数值</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="167" />
        <source>speed is zero or negative: give a speed &gt; 0 km/h, or leave it empty to use the road class's preset speed or DEFAULT_SPEED (delete the road to close it)</source>
        <translation>车速为零或负数：请填写大于 0 km/h 的车速，或留空以使用道路等级的预设车速或 DEFAULT_SPEED（如需封闭道路请删除该路段）</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="170" />
        <source>suburban must be true or false (是/否, 郊区/城区, yes/no, 1/0)</source>
        <translation>郊区站应为是/否（是/否、郊区/城区、yes/no、1/0）</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="172" />
        <source>{count} population features with an empty residents value counted as 0</source>
        <translation>{count} 个常住人口为空的人口要素按 0 计</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="174" />
        <source>no district polygon contains these stations: {stations}</source>
        <translation>没有辖区面包含这些消防站：{stations}</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="175" />
        <source>{count} district polygon(s) contain more than one station: each of those stations is given the whole district</source>
        <translation>{count} 个辖区面包含不止一个消防站：这些消防站均取整个辖区</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="177" />
        <source>{count} district polygon(s) contain no station and are not used</source>
        <translation>{count} 个辖区面不含消防站，未使用</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="178" />
        <source>no class limit for stations of unknown class: {stations} (classes: {classes}; or the suburban flag)</source>
        <translation>类别未知的消防站没有辖区面积上限：{stations}（类别：{classes}；或郊区站标记）</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="182" />
        <source>shelter type is empty</source>
        <translation>避难场所类型为空</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="183" />
        <source>unknown shelter type(s) {types}; known types: {known}</source>
        <translation>未知避难场所类型 {types}；已知类型：{known}</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="184" />
        <source>TYPES names unknown shelter type(s) {types}; known: {known}</source>
        <translation>TYPES 中含未知避难场所类型 {types}；已知：{known}</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="185" />
        <source>values are not numbers</source>
        <translation>值不是数值</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="186" />
        <source>effective area is missing (NULL); fill it in or leave AREA_FIELD empty to use the polygon area</source>
        <translation>有效避难面积缺失（NULL）；请填写，或将 AREA_FIELD 留空以使用面的面积</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="188" />
        <source>effective area is negative</source>
        <translation>有效避难面积为负数</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="189" />
        <source>shelter has no polygon area (a point or line): set AREA_FIELD to the effective-area field</source>
        <translation>避难场所没有面面积（为点或线）：请将 AREA_FIELD 设为有效面积字段</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="191" />
        <source>capacity is negative</source>
        <translation>容纳人数为负数</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="192" />
        <source>shelters without a capacity: only their area per served person is checked</source>
        <translation>避难场所没有容纳人数：仅核查其人均面积</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="194" />
        <source>counted shelters have less than {minimum:g} m² effective area (GB 21734-2008 minimum site area)</source>
        <translation>计入的避难场所有效面积小于 {minimum:g} m²（GB 21734-2008 场址最小面积）</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="196" />
        <source>population features without a known urban flag are counted as not urban</source>
        <translation>城镇标记未知的人口要素按非城镇计</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="198" />
        <source>no '{name}' field: all residents counted (URBAN_ONLY needs it)</source>
        <translation>没有“{name}”字段：计入全部常住人口（URBAN_ONLY 需要该字段）</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="199" />
        <source>{count} counted shelter(s) lie outside every unit and are not in any unit's area: {shelters}</source>
        <translation>{count} 个计入的避难场所位于所有单元之外，不计入任何单元的面积：{shelters}</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="201" />
        <source>{residents:.0f} residents lie outside every unit and are in no unit's figures</source>
        <translation>{residents:.0f} 名常住人口位于所有单元之外，不计入任何单元的统计</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="203" />
        <source>no shelter of the counted types: every resident falls short of the target</source>
        <translation>没有计入类型的避难场所：所有居民均未达标</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="207" />
        <source>township without geometry: it cannot be a page of the atlas</source>
        <translation>镇街没有几何：无法作为图集的一页</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="209" />
        <source>no townships: the atlas needs at least one page</source>
        <translation>没有镇街：图集至少需要一页</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="210" />
        <source>hazard grade must be 1, 2, 3, 4 or empty</source>
        <translation>危险源级别应为 1、2、3、4 或空</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="211" />
        <source>major hazard unit without a grade</source>
        <translation>重大危险源单元没有级别</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="213" />
        <source>enterprises without a risk level are not counted</source>
        <translation>没有风险等级的企业不计入</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="214" />
        <source>enterprises outside every township (or without a location) are not counted</source>
        <translation>位于所有镇街之外（或无位置）的企业不计入</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="216" />
        <source>major hazard units outside every township (or without a location) are not counted</source>
        <translation>位于所有镇街之外（或无位置）的重大危险源单元不计入</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="218" />
        <source>shelter results that match no township are not used</source>
        <translation>无法对应到镇街的避难场所结果未使用</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="220" />
        <source>overloaded shelters outside every township are not counted</source>
        <translation>位于所有镇街之外的超负荷避难场所不计入</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="222" />
        <source>{layers}: {residents:,.0f} residents lie outside every township and are not in the atlas figures</source>
        <translation>{layers}：{residents:,.0f} 名常住人口位于所有镇街之外，不计入图集统计</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="233" />
        <source>prevailing wind direction must be a finite number of degrees, got {value}</source>
        <translation>主导风向应为有限的度数，实为 {value}</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="235" />
        <source>geometry is missing or empty</source>
        <translation>几何缺失或为空</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="236" />
        <source>candidates must be single points</source>
        <translation>候选点应为单点</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="237" />
        <source>roads must be lines</source>
        <translation>道路应为线</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="238" />
        <source>demand weight must be a finite number ≥ 0</source>
        <translation>需求权重应为不小于 0 的有限数值</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="239" />
        <source>'{name}' must be finite</source>
        <translation>“{name}”应为有限数值</translation>
    </message>
    <message>
        <location filename="../layers/schemas.py" line="96" />
        <source>no district-area limit is checked for the station</source>
        <translation>不检查该消防站的辖区面积上限</translation>
    </message>
    <message>
        <location filename="../layers/schemas.py" line="97" />
        <source>the speed preset's speed for other roads is used</source>
        <translation>采用车速预设中“其他道路”的车速</translation>
    </message>
    <message>
        <location filename="../layers/schemas.py" line="98" />
        <source>both directions are used</source>
        <translation>按双向通行处理</translation>
    </message>
    <message>
        <location filename="../layers/schemas.py" line="99" />
        <source>counted as not urban</source>
        <translation>按非城镇计</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_siting.py" line="36" />
        <source>the roads' extent is used</source>
        <translation>使用道路范围</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="22" />
        <source>the districts are computed</source>
        <translation>自动计算辖区</translation>
    </message>
    <message>
        <location filename="../processing/alg_resource_coverage.py" line="34" />
        <source>no residents are counted</source>
        <translation>不统计常住人口</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="37" />
        <source>every area counts 0 residents</source>
        <translation>所有区域的常住人口均计为 0</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="28" />
        <source>no shelter area is counted: every resident falls short of the target</source>
        <translation>不计入任何避难场所面积：所有居民均未达标</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="245" />
        <source>field not found (nor among the OSM other_tags)</source>
        <translation>未找到字段（OSM other_tags 中也没有）</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="246" />
        <source>a population grid must be a raster file GDAL reads (this layer's provider is {provider})</source>
        <translation>人口格网须为 GDAL 可读的栅格文件（此图层的数据提供者为 {provider}）</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="248" />
        <source>the population grid cannot be opened</source>
        <translation>无法打开人口格网</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="249" />
        <source>the population grid is rotated: warp it to a north-up grid first</source>
        <translation>人口格网带旋转：请先重投影（warp）为正北朝上的格网</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="250" />
        <source>residents per cell is negative ({cells})</source>
        <translation>格网单元人口为负数（{cells}）</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="251" />
        <source>the population grid cannot be read as a raster</source>
        <translation>无法将人口格网读取为栅格</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="135" />
        <source>no risk source (enterprise, hazard unit or natural-hazard site) to place: every area is level 4 (低风险, low risk) — check the ENTERPRISES, HAZARD_UNITS and NATURAL_HAZARDS layers</source>
        <translation>没有可落图的风险源（企业、危险源单元或自然灾害隐患点）：所有区域均为4级（低风险）——请检查 ENTERPRISES、HAZARD_UNITS 和 NATURAL_HAZARDS 图层</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="138" />
        <source>no risk source (enterprise, hazard unit or natural-hazard site) to place, and no EXTENT or UNITS to map: give the sources, or the area to map</source>
        <translation>没有可落图的风险源（企业、危险源单元或自然灾害隐患点），也未给出 EXTENT 或 UNITS：请提供风险源或制图范围</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="146" />
        <source>no value to grade the site by (preset '{preset}' reads {needs})</source>
        <translation>没有可用于定级的值（预设“{preset}”读取 {needs}）</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="147" />
        <source>{count} key target(s) lie outside every township and are not counted per township</source>
        <translation>{count} 个重点目标不在任何镇街内，未计入各镇街统计</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="33" />
        <source>no natural-hazard site is combined</source>
        <translation>不叠加自然灾害隐患点</translation>
    </message>
    <message>
        <location filename="../processing/alg_resource_coverage.py" line="32" />
        <source>the roads' extent is used, no township rows</source>
        <translation>使用道路范围，不输出分镇街统计</translation>
    </message>
    <message>
        <location filename="../processing/alg_resource_coverage.py" line="36" />
        <source>no key targets are counted</source>
        <translation>不统计重点目标</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="240" />
        <source>TIER_LIMITS must be four minutes &gt; 0 for risk levels 1 to 4, separated by commas (e.g. 4,5,5,5), got {value}</source>
        <translation>TIER_LIMITS 须为风险等级1至4的四个大于0的分钟数，以逗号分隔（如 4,5,5,5），实际为 {value}</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="242" />
        <source>no candidate site is left after the siting rules: give CANDIDATES, a smaller CANDIDATE_SPACING, or check the rules' inputs</source>
        <translation>按选址规则筛选后没有剩余候选站址：请提供 CANDIDATES、减小 CANDIDATE_SPACING，或检查规则的输入</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_siting.py" line="39" />
        <source>candidates are generated along the roads</source>
        <translation>将沿道路自动生成候选站址</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_siting.py" line="41" />
        <source>no place is kept clear of</source>
        <translation>不执行与人员密集场所的间距规则</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="76" />
        <source>RINGS must be distances in metres &gt; 0, e.g. 500,1000,3000; got '{value}'</source>
        <translation>RINGS 须为大于 0 的距离（米），如 500,1000,3000；实际为“{value}”</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="226" />
        <source>{count} responder(s) farther than SNAP_TOLERANCE ({tolerance:g} m) from the roads have no arrival time: {distances}</source>
        <translation>{count} 个救援力量距道路超过 SNAP_TOLERANCE（{tolerance:g} m），无到达时间：{distances}</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="229" />
        <source>no road within ACCESS_DISTANCE ({distance:g} m) of the incident: no responder has an arrival time</source>
        <translation>事件 ACCESS_DISTANCE（{distance:g} m）内无道路：所有救援力量均无到达时间</translation>
    </message>
    <message>
        <location filename="../processing/alg_incident_surroundings.py" line="25" />
        <source>it counts 0 in every ring</source>
        <translation>各圈层均计为 0</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="260" />
        <source>{path} is not a results GeoPackage of the full assessment (riskatlas:fullassessment): it has no layer '{missing}' ({title})</source>
        <translation>{path} 不是全流程评估（riskatlas:fullassessment）的结果 GeoPackage：缺少图层“{missing}”（{title}）</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="263" />
        <source>{path} cannot be opened as a GeoPackage: give the results GeoPackage of a full assessment (risk_atlas_results.gpkg)</source>
        <translation>{path} 无法作为 GeoPackage 打开：请选择全流程评估的结果 GeoPackage（risk_atlas_results.gpkg）</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="265" />
        <source>'covered' must be true/false (1/0)</source>
        <translation>“covered”必须为是/否（1/0）</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="254" />
        <source>id '{value}' is already an existing feature's in {existing}: give the planned one its own</source>
        <translation>编号“{value}”已被 {existing} 中的现有要素使用：请为规划要素另设编号</translation>
    </message>
    <message>
        <location filename="../core/messages.py" line="256" />
        <source>planned {geometry} features cannot be added: the shelters given (SHELTERS, SHELTERS_2) are of another geometry and both are used</source>
        <translation>无法并入规划的{geometry}要素：已给出的避难场所图层（SHELTERS、SHELTERS_2）均为其他几何类型且都已使用</translation>
    </message>
</context>
<context>
    <name>InputLayers</name>
    <message>
        <location filename="../layers/schemas.py" line="336" />
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../layers/schemas.py" line="336" />
        <source>Hazard sources (one record per unit and substance)</source>
        <translation>危险源（每个单元每种物质一条记录）</translation>
    </message>
    <message>
        <location filename="../layers/schemas.py" line="336" />
        <source>Emergency shelters</source>
        <translation>应急避难场所</translation>
    </message>
    <message>
        <location filename="../layers/schemas.py" line="336" />
        <source>Emergency shelters, second layer (e.g. points beside polygons)</source>
        <translation>应急避难场所（第二图层，如面图层之外的点图层）</translation>
    </message>
    <message>
        <location filename="../layers/schemas.py" line="336" />
        <source>Fire stations</source>
        <translation>消防站</translation>
    </message>
    <message>
        <location filename="../layers/schemas.py" line="336" />
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../layers/schemas.py" line="336" />
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../layers/schemas.py" line="336" />
        <source>Townships</source>
        <translation>镇街</translation>
    </message>
    <message>
        <location filename="../layers/schemas.py" line="336" />
        <source>Rescue teams</source>
        <translation>应急救援队伍</translation>
    </message>
    <message>
        <location filename="../layers/schemas.py" line="336" />
        <source>Supply depots</source>
        <translation>应急物资储备库</translation>
    </message>
    <message>
        <location filename="../layers/schemas.py" line="336" />
        <source>Key targets (crowded places)</source>
        <translation>重点防护目标（人员密集场所）</translation>
    </message>
    <message>
        <location filename="../layers/schemas.py" line="336" />
        <source>Natural-hazard sites and zones</source>
        <translation>自然灾害隐患点/风险区</translation>
    </message>
    <message>
        <location filename="../layers/schemas.py" line="388" />
        <source>Proposed fire stations (added to the existing ones; e.g. the chosen sites of fire-station siting)</source>
        <translation>规划消防站（并入现有消防站；如消防站选址的选定站址）</translation>
    </message>
    <message>
        <location filename="../layers/schemas.py" line="388" />
        <source>Proposed emergency shelters (added to the existing ones)</source>
        <translation>规划应急避难场所（并入现有避难场所）</translation>
    </message>
</context>
<context>
    <name>Log</name>
    <message>
        <location filename="../core/log_lines.py" line="56" />
        <source>{layer}: {note}</source>
        <translation>{layer}：{note}</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="57" />
        <source>reprojected from {source} to {target} ({description})</source>
        <translation>已从 {source} 重投影到 {target}（{description}）</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="58" />
        <source>Z/M values dropped from {count} features (analysis is planar)</source>
        <translation>{count} 个要素的 Z/M 值已舍去（分析为平面分析）</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="60" />
        <source>{count} curved geometries segmentised</source>
        <translation>{count} 个曲线几何已转为折线</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="61" />
        <source>{count} points counted where they lie (squares of {side:g} m)</source>
        <translation>{count} 个点按所在位置计入（边长 {side:g} 米的方块）</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="62" />
        <source>{cells} populated cells of {rows} × {columns} (cell {dx:g} × {dy:g} in {crs}; nodata and 0 cells dropped), {residents:,.0f} residents</source>
        <translation>{rows} × {columns} 个像元中有人口的 {cells} 个（像元 {dx:g} × {dy:g}，{crs}；已舍去无数据和 0 值像元），共 {residents:,.0f} 人</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="66" />
        <source>building the road graph</source>
        <translation>构建道路网络</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="67" />
        <source>placing the stations on the network</source>
        <translation>将站点接入路网</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="68" />
        <source>searching the network from all stations at once</source>
        <translation>从全部站点同时搜索路网</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="69" />
        <source>cutting the reached roads</source>
        <translation>截取可达路段</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="70" />
        <source>resolving the land each station reaches first</source>
        <translation>确定各站最先到达的用地</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="71" />
        <source>drawing areas and gaps</source>
        <translation>绘制可达范围与未覆盖区域</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="72" />
        <source>districts: land each station reaches first with no time limit</source>
        <translation>辖区：不限时间时各站最先到达的用地</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="73" />
        <source>residents</source>
        <translation>统计人口</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="74" />
        <source>targets</source>
        <translation>统计保护目标</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="75" />
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="76" />
        <source>road graph: {nodes:,} nodes, {edges:,} edges, {parts} connected part(s)</source>
        <translation>道路网络：{nodes:,} 个节点，{edges:,} 条边，{parts} 个连通部分</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="77" />
        <source>{count} stations without a turnout time use DEFAULT_TURNOUT = {minutes:g} min</source>
        <translation>{count} 个站点未给出出动时间，采用默认出动时间 {minutes:g} 分钟</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="79" />
        <source>land rule evaluated on a {cell:g} m grid ({rows:,} × {columns:,} cells)</source>
        <translation>用地规则在 {cell:g} 米网格上计算（{rows:,} × {columns:,} 个网格）</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="80" />
        <source>districts not computed: no station has a class or the suburban flag to compare a district with (give DISTRICTS, or the stations' classes); the district fields are empty</source>
        <translation>未计算辖区：没有消防站给出站级或郊区标记，无从与辖区面积标准比较（可提供辖区图层 DISTRICTS，或消防站的站级）；辖区字段为空</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="89" />
        <source>townships</source>
        <translation>按镇街汇总</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="92" />
        <source>candidates</source>
        <translation>生成候选站址</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="93" />
        <source>residents on the land-rule grid</source>
        <translation>将人口分配到用地规则网格</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="94" />
        <source>coverage of candidate {done:,} of {total:,}</source>
        <translation>计算候选站址覆盖：{done:,} / {total:,}</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="95" />
        <source>solving</source>
        <translation>求解</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="96" />
        <source>tables</source>
        <translation>生成结果表</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="97" />
        <source>{count:,} candidates generated along the roads every {spacing:g} m</source>
        <translation>沿道路每隔 {spacing:g} 米生成候选站址 {count:,} 个</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="98" />
        <source>demand: {cells:,} grid cells of {cell:g} m with residents, {targets:,} targets; coverage matrix {rows:,} × {columns:,} ({entries:,} entries); solver saw {solver_rows:,} × {solver_columns:,}; {status} ({how})</source>
        <translation>需求：{cells:,} 个有人口的 {cell:g} 米网格，{targets:,} 个保护目标；覆盖矩阵 {rows:,} × {columns:,}（{entries:,} 个非零项）；求解规模 {solver_rows:,} × {solver_columns:,}；{status}（{how}）</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="102" />
        <source>optimal</source>
        <translation>最优解</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="103" />
        <source>time limit reached: the best set found</source>
        <translation>达到时限：给出已找到的最好方案</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="104" />
        <source>no solution in time: the greedy set</source>
        <translation>时限内未求得解：给出贪心方案</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="105" />
        <source>nothing to optimise</source>
        <translation>无需优化</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="108" />
        <source>Lagrangian bound met by the swap search</source>
        <translation>交换搜索的结果达到拉格朗日上界</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="109" />
        <source>Lagrangian bound {bound:,.1f}, {sites} sites after fixing, branch and bound over {sets:,} sets</source>
        <translation>拉格朗日上界 {bound:,.1f}，固定后余 {sites} 个站址，分支定界共检查 {sets:,} 个组合</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="111" />
        <source>branch and bound: time limit ({sites} sites after fixing)</source>
        <translation>分支定界：达到时限（固定后余 {sites} 个站址）</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="112" />
        <source>LP relaxation integral</source>
        <translation>线性松弛的解即为整数解</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="113" />
        <source>greedy cover meets the LP bound</source>
        <translation>贪心覆盖达到线性规划下界</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="114" />
        <source>HiGHS found no solution in time: {message}</source>
        <translation>HiGHS 在时限内未求得解：{message}</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="115" />
        <source>P = {new_sites} ≥ {candidates} useful candidates: the fewest sites covering all coverable demand ({how})</source>
        <translation>新建站数 P = {new_sites} ≥ 有效候选站址数 {candidates}：改求覆盖全部可覆盖需求的最少站址（{how}）</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="117" />
        <source>no new station asked for</source>
        <translation>未要求新建站</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="118" />
        <source>no open coverable demand</source>
        <translation>没有尚未覆盖且可被覆盖的需求</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="59" />
        <source>provenance: {record}</source>
        <translation>来源记录：{record}</translation>
    </message>
    <message>
        <location filename="../core/log_lines.py" line="85" />
        <source>risk map: {units} units drawn as {polygons} dissolved polygons (one per level)</source>
        <translation>风险图：{units} 个单元合并为 {polygons} 个面（每个等级一个）</translation>
    </message>
</context>
<context>
    <name>ResourceCoverage</name>
    <message>
        <location filename="../processing/alg_resource_coverage.py" line="40" />
        <source>Rescue teams and supply depots: coverage</source>
        <translation>应急救援队伍与物资储备库覆盖</translation>
    </message>
    <message>
        <location filename="../processing/alg_resource_coverage.py" line="44" />
        <source>Rescue teams or supply depots</source>
        <translation>应急救援队伍或物资储备库</translation>
    </message>
    <message>
        <location filename="../processing/alg_resource_coverage.py" line="45" />
        <source>The layer holds</source>
        <translation>图层内容</translation>
    </message>
    <message>
        <location filename="../processing/alg_resource_coverage.py" line="45" />
        <source>Rescue teams</source>
        <translation>应急救援队伍</translation>
    </message>
    <message>
        <location filename="../processing/alg_resource_coverage.py" line="45" />
        <source>Supply depots</source>
        <translation>应急物资储备库</translation>
    </message>
    <message>
        <location filename="../processing/alg_resource_coverage.py" line="48" />
        <source>Id field (empty: team_id or depot_id)</source>
        <translation>编号字段（为空：team_id 或 depot_id）</translation>
    </message>
    <message>
        <location filename="../processing/alg_resource_coverage.py" line="49" />
        <source>Turnout or loading time field (min)</source>
        <translation>出动或装车时间字段（分钟）</translation>
    </message>
    <message>
        <location filename="../processing/alg_resource_coverage.py" line="52" />
        <source>Time limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../processing/alg_resource_coverage.py" line="52" />
        <source>By the layer's kind ({0})</source>
        <translation>按图层类型（{0}）</translation>
    </message>
    <message>
        <location filename="../processing/alg_resource_coverage.py" line="56" />
        <source>Time limit from dispatch (min; empty: the preset's)</source>
        <translation>自调派起的时限（分钟；为空：按预设）</translation>
    </message>
    <message>
        <location filename="../processing/alg_resource_coverage.py" line="58" />
        <source>Turnout when a resource gives none (min; empty: the preset's)</source>
        <translation>未填出动时间时的出动时间（分钟；为空：按预设）</translation>
    </message>
    <message>
        <location filename="../processing/alg_resource_coverage.py" line="61" />
        <source>Townships (study area; one row each)</source>
        <translation>镇街（研究范围；每个镇街一行）</translation>
    </message>
    <message>
        <location filename="../processing/alg_resource_coverage.py" line="64" />
        <source>Population (polygons or points)</source>
        <translation>人口（面或点）</translation>
    </message>
    <message>
        <location filename="../processing/alg_resource_coverage.py" line="65" />
        <source>Key targets (crowded places)</source>
        <translation>重点防护目标（人员密集场所）</translation>
    </message>
    <message>
        <location filename="../processing/alg_resource_coverage.py" line="67" />
        <source>Key target id field</source>
        <translation>重点目标编号字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_resource_coverage.py" line="68" />
        <source>Occupancy field (people)</source>
        <translation>容纳人数字段（人）</translation>
    </message>
    <message>
        <location filename="../processing/alg_resource_coverage.py" line="71" />
        <source>Reach areas</source>
        <translation>到达范围</translation>
    </message>
    <message>
        <location filename="../processing/alg_resource_coverage.py" line="72" />
        <source>Gaps (reached by none in time)</source>
        <translation>未覆盖区域（时限内均不可达）</translation>
    </message>
    <message>
        <location filename="../processing/alg_resource_coverage.py" line="73" />
        <source>Coverage by township</source>
        <translation>各镇街覆盖</translation>
    </message>
    <message>
        <location filename="../processing/alg_resource_coverage.py" line="74" />
        <source>Key targets' arrival time</source>
        <translation>重点目标到达时间</translation>
    </message>
    <message>
        <location filename="../processing/alg_resource_coverage.py" line="75" />
        <source>Reached roads</source>
        <translation>可达道路</translation>
    </message>
    <message>
        <location filename="../processing/alg_resource_coverage.py" line="76" />
        <source>Residents reached in time</source>
        <translation>时限内可达人口</translation>
    </message>
    <message>
        <location filename="../processing/alg_resource_coverage.py" line="76" />
        <source>Residents left out</source>
        <translation>未覆盖人口</translation>
    </message>
    <message>
        <location filename="../processing/alg_resource_coverage.py" line="76" />
        <source>Key targets left out</source>
        <translation>未及时到达的重点目标</translation>
    </message>
    <message>
        <location filename="../processing/alg_resource_coverage.py" line="76" />
        <source>Time limit used (min)</source>
        <translation>采用的时限（分钟）</translation>
    </message>
    <message>
        <location filename="../processing/alg_resource_coverage.py" line="131" />
        <source>Time limit: {0:g} min from dispatch ({1}; source: {2}); turnout when none is given: {3:g} min.</source>
        <translation>时限：自调派起 {0:g} 分钟（{1}；依据：{2}）；未填出动时间时按 {3:g} 分钟。</translation>
    </message>
    <message>
        <location filename="../processing/alg_resource_coverage.py" line="157" />
        <source>The layer '{0}' looks like {1}, but the layer kind chosen is {2}.</source>
        <translation>图层“{0}”看起来是{1}，但所选的图层类型为{2}。</translation>
    </message>
    <message>
        <location filename="../processing/alg_resource_coverage.py" line="173" />
        <source>Left out per township: {0}</source>
        <translation>各镇街未覆盖人口：{0}</translation>
    </message>
</context>
<context>
    <name>RiskAtlasAlgorithm</name>
    <message>
        <location filename="../processing/base.py" line="205" />
        <source>Cancelled: no output was written.</source>
        <translation>已取消：未写出任何结果。</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="345" />
        <source>Layer '{0}' has no coordinate reference system: set one in Layer Properties ▸ Source.</source>
        <translation>图层“{0}”没有坐标参考系：请在 图层属性 ▸ 源 中设置。</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="49" />
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="50" />
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="51" />
        <source>Coverage</source>
        <translation>覆盖分析</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="52" />
        <source>Atlas</source>
        <translation>图集</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="272" />
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="372" />
        <source>Layer '{0}' has no field '{1}' ({2}).</source>
        <translation>图层“{0}”没有字段“{1}”（{2}）。</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="279" />
        <source>Language of the reports (zh: Chinese, en: English)</source>
        <translation>报告语言（zh：中文，en：英文）</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="48" />
        <source>Assessment</source>
        <translation>风险评估</translation>
    </message>
    <message>
        <location filename="../processing/preselect.py" line="114" />
        <source>The {0} layer chosen ('{1}') looks like {2}, judging by its fields. Choose the {0} layer.</source>
        <translation>选择的{0}图层“{1}”看起来是{2}（从字段判断）。请选择{0}图层。</translation>
    </message>
    <message>
        <location filename="../processing/preselect.py" line="117" />
        <source>The {0} layer chosen ('{1}') looks like {2}, judging by its name. Choose the {0} layer.</source>
        <translation>选择的{0}图层“{1}”看起来是{2}（从图层名称判断）。请选择{0}图层。</translation>
    </message>
    <message>
        <location filename="../processing/preselect.py" line="121" />
        <source>It has no {0} field.</source>
        <translation>该图层没有 {0} 字段。</translation>
    </message>
    <message>
        <location filename="../processing/preselect.py" line="128" />
        <source>{0} is what '{1}' writes: run it first.</source>
        <translation>{0}由“{1}”生成：请先运行该算法。</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="212" />
        <source>File error: {0}</source>
        <translation>文件错误：{0}</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="181" />
        <source>{0}: no layer can be opened from {1}</source>
        <translation>{0}：无法从 {1} 打开图层</translation>
    </message>
    <message>
        <location filename="../processing/population.py" line="17" />
        <source>Residents field</source>
        <translation>常住人口字段</translation>
    </message>
    <message>
        <location filename="../processing/population.py" line="19" />
        <source>Population grid (raster, band 1 = residents per cell; instead of a population layer)</source>
        <translation>人口格网（栅格，第 1 波段 = 每格常住人口；代替人口图层）</translation>
    </message>
    <message>
        <location filename="../processing/population.py" line="31" />
        <source>Give POPULATION or POPULATION_RASTER, not both.</source>
        <translation>POPULATION 与 POPULATION_RASTER 只能给出其一。</translation>
    </message>
    <message>
        <location filename="../processing/population.py" line="36" />
        <source>POPULATION_RASTER cannot be read as a raster layer.</source>
        <translation>POPULATION_RASTER 无法作为栅格图层读取。</translation>
    </message>
    <message>
        <location filename="../processing/population.py" line="45" />
        <source>Give POPULATION (polygons or points) or POPULATION_RASTER.</source>
        <translation>请给出 POPULATION（面或点）或 POPULATION_RASTER。</translation>
    </message>
</context>
<context>
    <name>RiskAtlasPlugin</name>
    <message>
        <location filename="../plugin.py" line="45" />
        <source>&amp;Risk Atlas</source>
        <translation>风险图谱(&amp;R)</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="46" />
        <source>Load sample county</source>
        <translation>加载示例县数据</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="140" />
        <source>Risk Atlas</source>
        <translation>风险图谱</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="60" />
        <source>Missing Python packages — algorithms are disabled. See the message log (Risk Atlas) for install instructions.</source>
        <translation>缺少Python依赖包，算法已停用。安装说明见日志消息面板（Risk Atlas）。</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="54" />
        <source>User manual</source>
        <translation>使用手册</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="133" />
        <source>Could not copy the sample county: {0}</source>
        <translation>无法复制示例县数据：{0}</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="140" />
        <source>Sample county loaded: {0} layers from {1}</source>
        <translation>已加载示例县数据：{0} 个图层，来自 {1}</translation>
    </message>
</context>
<context>
    <name>RiskAtlasProvider</name>
    <message>
        <location filename="../processing/provider.py" line="67" />
        <source>Risk Atlas</source>
        <translation>风险图谱</translation>
    </message>
    <message>
        <location filename="../processing/provider.py" line="70" />
        <source>Risk Atlas {0}</source>
        <translation>风险图谱 {0}</translation>
    </message>
</context>
<context>
    <name>RoadParameters</name>
    <message>
        <location filename="../processing/road_parameters.py" line="29" />
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../processing/road_parameters.py" line="31" />
        <source>Speed field (km/h)</source>
        <translation>车速字段(km/h)</translation>
    </message>
    <message>
        <location filename="../processing/road_parameters.py" line="32" />
        <source>Road class field</source>
        <translation>道路等级字段</translation>
    </message>
    <message>
        <location filename="../processing/road_parameters.py" line="33" />
        <source>Speed preset by road class</source>
        <translation>按道路等级的车速预设</translation>
    </message>
    <message>
        <location filename="../processing/road_parameters.py" line="36" />
        <source>Posted limit field (maxspeed, e.g. 60, 60 km/h, 30 mph)</source>
        <translation>限速字段（maxspeed，如 60、60 km/h、30 mph）</translation>
    </message>
    <message>
        <location filename="../processing/road_parameters.py" line="39" />
        <source>Speed table (CSV or JSON; replaces the speed preset)</source>
        <translation>车速表（CSV 或 JSON；取代车速预设）</translation>
    </message>
    <message>
        <location filename="../processing/road_parameters.py" line="39" />
        <source>Tables (*.csv *.json)</source>
        <translation>表格 (*.csv *.json)</translation>
    </message>
    <message>
        <location filename="../processing/road_parameters.py" line="44" />
        <source>Default speed (km/h)</source>
        <translation>默认车速(km/h)</translation>
    </message>
    <message>
        <location filename="../processing/road_parameters.py" line="46" />
        <source>Direction field</source>
        <translation>通行方向字段</translation>
    </message>
    <message>
        <location filename="../processing/road_parameters.py" line="47" />
        <source>Values for forward direction (separated by ;)</source>
        <translation>正向通行取值（以 ; 分隔）</translation>
    </message>
    <message>
        <location filename="../processing/road_parameters.py" line="47" />
        <source>Values for backward direction (separated by ;)</source>
        <translation>反向通行取值（以 ; 分隔）</translation>
    </message>
    <message>
        <location filename="../processing/road_parameters.py" line="47" />
        <source>Values for both directions (separated by ;)</source>
        <translation>双向通行取值（以 ; 分隔）</translation>
    </message>
    <message>
        <location filename="../processing/road_parameters.py" line="52" />
        <source>Snap tolerance (m)</source>
        <translation>捕捉容差(米)</translation>
    </message>
    <message>
        <location filename="../processing/road_parameters.py" line="77" />
        <source>Speed table: {0}</source>
        <translation>车速表：{0}</translation>
    </message>
    <message>
        <location filename="../processing/road_parameters.py" line="59" />
        <source>Access distance from roads (m)</source>
        <translation>道路两侧可达距离(米)</translation>
    </message>
    <message>
        <location filename="../processing/road_parameters.py" line="65" />
        <source>Node tolerance (m)</source>
        <translation>节点容差(米)</translation>
    </message>
</context>
<context>
    <name>ShelterPerCapita</name>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="71" />
        <source>Shelter area per capita</source>
        <translation>人均避难场所面积</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="39" />
        <source>Shelters (points or polygons)</source>
        <translation>避难场所（点或面）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="41" />
        <source>Shelters, second layer (e.g. points beside polygons; same fields)</source>
        <translation>避难场所第二图层（如面图层之外的点；字段相同）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="43" />
        <source>Effective area field (m²; empty = polygon area)</source>
        <translation>有效避难面积字段（m²；为空则取多边形面积）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="45" />
        <source>Shelter type field</source>
        <translation>避难场所类型字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="47" />
        <source>Shelter types counted</source>
        <translation>计入的避难场所类型</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="51" />
        <source>Population (points or polygons)</source>
        <translation>人口（点或面）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="52" />
        <source>Units (township polygons)</source>
        <translation>统计单元（镇街面）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="54" />
        <source>Count only urban residents (when the 'urban' field exists)</source>
        <translation>只计城镇人口（有 'urban' 字段时）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="56" />
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="56" />
        <source>Administrative (area in unit ÷ residents)</source>
        <translation>行政区法（单元内面积 ÷ 人口）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="56" />
        <source>Catchment, straight line (2SFCA)</source>
        <translation>服务半径法，直线距离（2SFCA）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="56" />
        <source>Network catchment, walking on roads (2SFCA)</source>
        <translation>路网服务范围法，沿道路步行（2SFCA）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="61" />
        <source>Service radius (m; empty = per type from the table)</source>
        <translation>服务半径（m；为空则按类型表）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="63" />
        <source>Target (m² per person)</source>
        <translation>目标（m²/人）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="64" />
        <source>Capacity field (people)</source>
        <translation>容纳人数字段（人）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="65" />
        <source>Roads (for the network method)</source>
        <translation>道路（路网方法用）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="67" />
        <source>Shelter type table (CSV or JSON; empty = built-in)</source>
        <translation>避难场所类型表（CSV或JSON；为空则用内置表）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="67" />
        <source>Tables (*.csv *.json)</source>
        <translation>表格 (*.csv *.json)</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="72" />
        <source>Shelter load</source>
        <translation>避难场所负荷</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="73" />
        <source>Shelter summary table</source>
        <translation>避难场所汇总表</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="74" />
        <source>Shelter summary (HTML)</source>
        <translation>避难场所汇总（HTML）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="76" />
        <source>County m² per capita</source>
        <translation>全县人均面积（m²）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="76" />
        <source>Share of residents meeting the target</source>
        <translation>达标人口比例</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="76" />
        <source>Residents with no shelter in reach</source>
        <translation>服务范围外人口</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="76" />
        <source>Total deficit (m²)</source>
        <translation>面积缺口合计（m²）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="76" />
        <source>County deficit (m²)</source>
        <translation>全县面积缺口（m²）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="76" />
        <source>Overloaded shelters</source>
        <translation>超负荷避难场所数</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="175" />
        <source>AREA_FIELD is empty: effective area = polygon area</source>
        <translation>AREA_FIELD 为空：有效面积取多边形面积</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="177" />
        <source>The shelters have no '{0}' field: effective area = polygon area</source>
        <translation>避难场所图层没有 '{0}' 字段：有效面积取多边形面积</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="155" />
        <source>Shelter type table: {0}</source>
        <translation>避难场所类型表：{0}</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="164" />
        <source>TARGET must be more than 0 m² per person.</source>
        <translation>TARGET 必须大于 0 m²/人。</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="166" />
        <source>METHOD 0 (administrative) needs UNITS, e.g. the townships.</source>
        <translation>METHOD 0（行政区法）需要 UNITS，如镇街图层。</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="168" />
        <source>METHOD 2 (network) needs ROADS.</source>
        <translation>METHOD 2（路网法）需要 ROADS。</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="96" />
        <source>Shelters are in a geographic CRS (degrees): analysed in {0}.</source>
        <translation>避难场所图层为地理坐标系（度）：在 {0} 中分析。</translation>
    </message>
    <message>
        <location filename="../layers/shelter_io.py" line="106" />
        <source>{0} roads of class {1} are not walked along</source>
        <translation>{0} 条 {1} 类道路不计入步行路网</translation>
    </message>
    <message>
        <location filename="../layers/shelter_io.py" line="109" />
        <source>Building the walking network from {0} road features</source>
        <translation>由 {0} 条道路构建步行路网</translation>
    </message>
    <message>
        <location filename="../layers/shelter_io.py" line="118" />
        <source>{0} population features are farther than the largest radius from every road: no shelter in reach</source>
        <translation>{0} 个人口要素距所有道路超过最大服务半径：无可达避难场所</translation>
    </message>
    <message>
        <location filename="../layers/shelter_io.py" line="122" />
        <source>{0} shelters are farther than their radius from every road: they serve nobody</source>
        <translation>{0} 处避难场所距所有道路超过其服务半径：无服务人口</translation>
    </message>
    <message>
        <location filename="../layers/shelter_io.py" line="55" />
        <source>{0}: input fields {1} are replaced by the results</source>
        <translation>{0}：输入字段 {1} 被计算结果替换</translation>
    </message>
    <message>
        <location filename="../layers/shelter_io.py" line="57" />
        <source>Shelter load: polygons and points written as centroid points</source>
        <translation>避难场所负荷：面和点统一输出为质心点</translation>
    </message>
    <message>
        <location filename="../layers/shelter_io.py" line="133" />
        <source>Method: {0}</source>
        <translation>方法：{0}</translation>
    </message>
    <message>
        <location filename="../layers/shelter_io.py" line="134" />
        <source>Residents counted: {0:,.0f}; counted shelter area: {1:,.0f} m² in {2} shelters</source>
        <translation>计入人口：{0:,.0f}；计入避难面积：{1:,.0f} m²，共 {2} 处避难场所</translation>
    </message>
    <message>
        <location filename="../layers/shelter_io.py" line="138" />
        <source>County: {0:.2f} m² per capita (target {1:g}): {2}</source>
        <translation>全县：人均 {0:.2f} m²（目标 {1:g}）：{2}</translation>
    </message>
    <message>
        <location filename="../layers/shelter_io.py" line="131" />
        <source>meets the target</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../layers/shelter_io.py" line="131" />
        <source>below the target</source>
        <translation>未达标</translation>
    </message>
    <message>
        <location filename="../layers/shelter_io.py" line="140" />
        <source>Share of residents meeting the target: {0:.1%}</source>
        <translation>达标人口比例：{0:.1%}</translation>
    </message>
    <message>
        <location filename="../layers/shelter_io.py" line="142" />
        <source>Residents with no shelter in reach: {0:,.0f}</source>
        <translation>服务范围外人口：{0:,.0f}</translation>
    </message>
    <message>
        <location filename="../layers/shelter_io.py" line="144" />
        <source>Total deficit: {0:,.0f} m²; overloaded shelters: {1} of {2}</source>
        <translation>面积缺口合计：{0:,.0f} m²；超负荷避难场所：{1}/{2}</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="161" />
        <source>RADIUS must be more than 0 m (leave it empty for the per-type radii).</source>
        <translation>RADIUS 必须大于 0 m（留空则按类型取服务半径）。</translation>
    </message>
    <message>
        <location filename="../core/shelter_capacity/analysis.py" line="25" />
        <source>administrative</source>
        <translation>行政区法</translation>
    </message>
    <message>
        <location filename="../core/shelter_capacity/analysis.py" line="26" />
        <source>catchment (2SFCA, straight line)</source>
        <translation>服务半径法（2SFCA，直线距离）</translation>
    </message>
    <message>
        <location filename="../core/shelter_capacity/analysis.py" line="27" />
        <source>network catchment (2SFCA, walking)</source>
        <translation>路网服务范围法（2SFCA，沿道路步行）</translation>
    </message>
</context>
<context>
    <name>ValidateInputs</name>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="21" />
        <source>Validate input layers</source>
        <translation>检查输入图层</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="30" />
        <source>Fail when errors are found</source>
        <translation>发现错误时终止</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="32" />
        <source>Validation report</source>
        <translation>检查报告</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="33" />
        <source>Validation summary (HTML)</source>
        <translation>检查摘要（HTML）</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="34" />
        <source>Number of errors</source>
        <translation>错误数</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="35" />
        <source>Number of warnings</source>
        <translation>警告数</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="43" />
        <source>Give at least one input layer to validate.</source>
        <translation>请至少提供一个待检查的图层。</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="63" />
        <source>Checking {0} as {1}</source>
        <translation>正在按“{1}”检查{0}</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="89" />
        <source>Risk Atlas — input validation</source>
        <translation>风险图谱——输入数据检查</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="99" />
        <source>{0} errors, {1} warnings</source>
        <translation>{0}个错误，{1}个警告</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="27" />
        <source>Enterprise risk method (its fields are checked)</source>
        <translation>企业风险评估方法（检查其所需字段）</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="27" />
        <source>LEC (D = L × E × C)</source>
        <translation>LEC法（D = L × E × C）</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="27" />
        <source>Risk matrix (likelihood × severity)</source>
        <translation>风险矩阵法（可能性 × 严重性）</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="101" />
        <source>{0} errors found in the input layers; first: {1}</source>
        <translation>输入图层中发现 {0} 个错误；前几个：{1}</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <location filename="../layers/messages.py" line="14" />
        <source>empty layer</source>
        <translation>空图层</translation>
    </message>
    <message>
        <location filename="../layers/messages.py" line="15" />
        <source>no coordinate reference system</source>
        <translation>无坐标参照系</translation>
    </message>
    <message>
        <location filename="../layers/messages.py" line="16" />
        <source>geographic coordinate reference system</source>
        <translation>地理坐标系</translation>
    </message>
    <message>
        <location filename="../layers/messages.py" line="17" />
        <source>different coordinate reference systems</source>
        <translation>坐标系不一致</translation>
    </message>
    <message>
        <location filename="../layers/messages.py" line="18" />
        <source>missing field</source>
        <translation>缺少字段</translation>
    </message>
    <message>
        <location filename="../layers/messages.py" line="19" />
        <source>wrong field type</source>
        <translation>字段类型错误</translation>
    </message>
    <message>
        <location filename="../layers/messages.py" line="20" />
        <source>numbers stored as text</source>
        <translation>数字存为文本</translation>
    </message>
    <message>
        <location filename="../layers/messages.py" line="21" />
        <source>empty required value</source>
        <translation>必填值为空</translation>
    </message>
    <message>
        <location filename="../layers/messages.py" line="22" />
        <source>no geometry</source>
        <translation>无几何</translation>
    </message>
    <message>
        <location filename="../layers/messages.py" line="23" />
        <source>invalid geometry</source>
        <translation>几何无效</translation>
    </message>
    <message>
        <location filename="../layers/messages.py" line="24" />
        <source>wrong geometry type</source>
        <translation>几何类型错误</translation>
    </message>
    <message>
        <location filename="../layers/messages.py" line="25" />
        <source>duplicate id</source>
        <translation>编号重复</translation>
    </message>
    <message>
        <location filename="../layers/messages.py" line="26" />
        <source>negative value</source>
        <translation>负值</translation>
    </message>
    <message>
        <location filename="../layers/messages.py" line="27" />
        <source>value out of range</source>
        <translation>取值超出范围</translation>
    </message>
    <message>
        <location filename="../layers/messages.py" line="29" />
        <source>implausible value</source>
        <translation>取值不合理</translation>
    </message>
    <message>
        <location filename="../layers/messages.py" line="31" />
        <source>unknown code</source>
        <translation>未知代码</translation>
    </message>
    <message>
        <location filename="../layers/messages.py" line="32" />
        <source>value not in the LEC table</source>
        <translation>不在 LEC 表中的取值</translation>
    </message>
    <message>
        <location filename="../layers/messages.py" line="33" />
        <source>GBK shapefile without .cpg</source>
        <translation>GBK 编码的 shapefile 缺少 .cpg</translation>
    </message>
    <message>
        <location filename="../layers/messages.py" line="35" />
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../layers/messages.py" line="36" />
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../layers/messages.py" line="37" />
        <source>note</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../layers/messages.py" line="43" />
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../layers/messages.py" line="40" />
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../layers/messages.py" line="41" />
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../layers/messages.py" line="42" />
        <source>Features</source>
        <translation>要素数</translation>
    </message>
    <message>
        <location filename="../layers/messages.py" line="44" />
        <source>… {0} more</source>
        <translation>…… 另有 {0} 条</translation>
    </message>
    <message>
        <location filename="../layers/messages.py" line="45" />
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <location filename="../layers/messages.py" line="28" />
        <source>value beyond the largest possible</source>
        <translation>超出最大可能值</translation>
    </message>
    <message>
        <location filename="../layers/messages.py" line="30" />
        <source>substance GB 18218-2018 cannot resolve</source>
        <translation>GB 18218-2018 无法识别的物质</translation>
    </message>
</context>
</TS>