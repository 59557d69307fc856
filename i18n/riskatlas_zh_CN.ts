<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1">
<context>
    <name>Chain</name>
    <message>
        <location filename="../assessment/chain.py" line="102" />
        <source>Validate the input layers (the chain stops when errors are found: see validation.html)</source>
        <translation>检查输入图层（发现错误即停止，详见 validation.html）</translation>
    </message>
    <message>
        <location filename="../assessment/chain.py" line="102" />
        <source>Grade hazard sources (GB 18218-2018; exposed residents estimated from POPULATION where a unit gives no exposed count)</source>
        <translation>重大危险源辨识与分级（GB 18218-2018；单元未填写暴露人数时，按人口图层 POPULATION 估算暴露的常住人口）</translation>
    </message>
    <message>
        <location filename="../assessment/chain.py" line="102" />
        <source>Enterprise risk (LEC or risk matrix; an enterprise owning a graded hazard unit takes at least its level)</source>
        <translation>企业风险评价（LEC法或风险矩阵法；拥有已分级危险源单元的企业至少取该单元的等级）</translation>
    </message>
    <message>
        <location filename="../assessment/chain.py" line="102" />
        <source>Fire-station reach (TIME_LIMIT minutes from dispatch on the road network, townships as study area, enterprises as targets)</source>
        <translation>消防站到达范围（在道路网上自接警出动起 TIME_LIMIT 分钟，以镇街为研究区，以企业为目标）</translation>
    </message>
    <message>
        <location filename="../assessment/chain.py" line="102" />
        <source>Shelter area per capita per township (administrative method, TARGET m² per resident)</source>
        <translation>各镇街人均避难场所面积（行政区法，目标为每人 TARGET m²）</translation>
    </message>
    <message>
        <location filename="../assessment/chain.py" line="102" />
        <source>Four-colour risk map on a grid of CELL_SIZE metres over the townships (highest level wins by default; a level's lower bound belongs to that level)</source>
        <translation>四色安全风险分布图（覆盖各镇街、边长 CELL_SIZE 米的网格，默认就高取值；等级下限值属于该等级）</translation>
    </message>
    <message>
        <location filename="../assessment/chain.py" line="102" />
        <source>The printed atlas (cover + one sheet per township)</source>
        <translation>打印图集（封面 + 每个镇街一页）</translation>
    </message>
</context>
<context>
    <name>CreateTemplate</name>
    <message>
        <location filename="../processing/alg_create_template.py" line="22" />
        <source>Create data template</source>
        <translation>创建数据模板</translation>
    </message>
    <message>
        <location filename="../processing/alg_create_template.py" line="26" />
        <source>Coordinate reference system</source>
        <translation>坐标参考系</translation>
    </message>
    <message>
        <location filename="../processing/alg_create_template.py" line="28" />
        <source>Field alias language</source>
        <translation>字段别名语言</translation>
    </message>
    <message>
        <location filename="../processing/alg_create_template.py" line="28" />
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../processing/alg_create_template.py" line="28" />
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../processing/alg_create_template.py" line="31" />
        <source>Template GeoPackage</source>
        <translation>模板GeoPackage</translation>
    </message>
    <message>
        <location filename="../processing/alg_create_template.py" line="31" />
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../processing/alg_create_template.py" line="33" />
        <source>Template layers</source>
        <translation>模板图层</translation>
    </message>
    <message>
        <location filename="../processing/alg_create_template.py" line="45" />
        <source>The template CRS is geographic; analyses will reproject it. A projected CRS in metres is better.</source>
        <translation>模板坐标系为地理坐标系；分析时将重投影。建议使用以米为单位的投影坐标系。</translation>
    </message>
</context>
<context>
    <name>EnterpriseRisk</name>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="16" />
        <source>Enterprise risk level (LEC or risk matrix)</source>
        <translation>企业风险等级（LEC法或风险矩阵）</translation>
    </message>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="19" />
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="20" />
        <source>Enterprise id field</source>
        <translation>企业编号字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="21" />
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="21" />
        <source>LEC (D = L × E × C)</source>
        <translation>LEC法（D = L × E × C）</translation>
    </message>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="21" />
        <source>Risk matrix (R = likelihood × severity)</source>
        <translation>风险矩阵（R = 可能性 × 严重性）</translation>
    </message>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="24" />
        <source>LEC likelihood L field</source>
        <translation>LEC 事故发生的可能性L字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="25" />
        <source>LEC exposure E field</source>
        <translation>LEC 暴露于危险环境的频繁程度E字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="26" />
        <source>LEC consequence C field</source>
        <translation>LEC 发生事故产生的后果C字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="31" />
        <source>Cut set (empty = the method's first)</source>
        <translation>分级界限（留空 = 该方法的第一套）</translation>
    </message>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="33" />
        <source>Graded hazard units (optional)</source>
        <translation>已分级的重大危险源单元（可选）</translation>
    </message>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="35" />
        <source>Enterprise id field of the hazard units</source>
        <translation>危险源单元的企业编号字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="37" />
        <source>Enterprises with risk level</source>
        <translation>企业风险等级结果</translation>
    </message>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="82" />
        <source>{0} enterprises scored with {1}; {2} raised by a hazard unit</source>
        <translation>已按 {1} 评定 {0} 家企业；其中 {2} 家因所属危险源单元而就高提级</translation>
    </message>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="73" />
        <source>{0}: input fields replaced by the results of the same name: {1}</source>
        <translation>{0}：以下输入字段被同名的计算结果替换：{1}</translation>
    </message>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="27" />
        <source>Matrix likelihood field ({0}–{1})</source>
        <translation>风险矩阵可能性字段（{0}–{1}）</translation>
    </message>
    <message>
        <location filename="../processing/alg_enterprise_risk.py" line="29" />
        <source>Matrix severity field ({0}–{1})</source>
        <translation>风险矩阵严重性字段（{0}–{1}）</translation>
    </message>
</context>
<context>
    <name>ExportAtlas</name>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="44" />
        <source>Export risk atlas (PDF)</source>
        <translation>导出安全风险分布图集（PDF）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="77" />
        <source>Four-colour risk map (risk_level, residents)</source>
        <translation>四色安全风险分布图（risk_level、residents）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="78" />
        <source>Enterprises with risk levels</source>
        <translation>企业（含风险等级）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="79" />
        <source>Graded hazard units</source>
        <translation>危险源单元分级结果</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="80" />
        <source>Emergency shelters</source>
        <translation>应急避难场所</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="81" />
        <source>Fire stations</source>
        <translation>消防站</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="82" />
        <source>Fire-station reach areas (5 minutes)</source>
        <translation>消防站5分钟可达范围</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="83" />
        <source>Reach gaps (land no station reaches in 5 minutes)</source>
        <translation>消防覆盖盲区（5分钟内无消防站可达）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="84" />
        <source>Shelter area per capita (per-township result)</source>
        <translation>人均避难场所面积（按镇街结果）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="85" />
        <source>Townships (one atlas page each)</source>
        <translation>镇街（每个镇街一页图）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="90" />
        <source>Township name field (not given: name, or name_en for an English atlas)</source>
        <translation>镇街名称字段（不指定：name，英文图集为 name_en）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="96" />
        <source>Atlas title (empty: 安全风险分布图集 / Safety Risk Atlas)</source>
        <translation>图集标题（留空：安全风险分布图集 / Safety Risk Atlas）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="96" />
        <source>Issuing organisation</source>
        <translation>编制单位</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="96" />
        <source>Date printed on the atlas (empty: today; YYYY-MM-DD is written out)</source>
        <translation>图集编制日期（留空：当天；YYYY-MM-DD 格式将写成“2024年6月7日”）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="100" />
        <source>Page size (landscape)</source>
        <translation>纸张大小（横向）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="103" />
        <source>Atlas language (zh: Chinese, en: English)</source>
        <translation>图集语言（zh：中文，en：英文）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="106" />
        <source>Risk atlas (PDF)</source>
        <translation>安全风险分布图集（PDF）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="106" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="108" />
        <source>Folder for one PNG per page</source>
        <translation>逐页 PNG 图片输出文件夹</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="113" />
        <source>Number of pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="121" />
        <source>{0} must be one of: {1}</source>
        <translation>{0} 必须是以下之一：{1}</translation>
    </message>
    <message>
        <location filename="../atlas/run.py" line="124" />
        <source>Give an output PDF file.</source>
        <translation>请指定输出的 PDF 文件。</translation>
    </message>
    <message>
        <location filename="../atlas/run.py" line="101" />
        <source>Could not write the atlas PDF: {0}</source>
        <translation>无法写出图集 PDF：{0}</translation>
    </message>
    <message>
        <location filename="../atlas/run.py" line="110" />
        <source>Could not write the PNG pages: {0}</source>
        <translation>无法写出 PNG 图片：{0}</translation>
    </message>
    <message>
        <location filename="../atlas/run.py" line="113" />
        <source>{0} PNG pages in {1}</source>
        <translation>{0} 页 PNG 图片已写入 {1}</translation>
    </message>
    <message>
        <location filename="../atlas/run.py" line="138" />
        <source>Risk atlas: {0} pages (cover + {1} townships), {2} paper, language {3}, written in {4:.1f} s: {5}</source>
        <translation>安全风险分布图集：共 {0} 页（封面 + {1} 个镇街），{2} 纸张，语言 {3}，用时 {4:.1f} 秒：{5}</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="148" />
        <source>Made by: {0}</source>
        <translation>生成方式：{0}</translation>
    </message>
    <message>
        <location filename="../atlas/run.py" line="126" />
        <source>The font 'WenQuanYi Zen Hei' is not installed: Chinese text may not show in the charts. Install fonts-wqy-zenhei (Debian) or the WenQuanYi font.</source>
        <translation>未安装“文泉驿正黑”（WenQuanYi Zen Hei）字体：统计图中的中文可能无法显示。请安装 fonts-wqy-zenhei（Debian）或文泉驿正黑字体。</translation>
    </message>
    <message>
        <location filename="../atlas/run.py" line="46" />
        <source>Township names for the English atlas are read from 'name_en'.</source>
        <translation>英文图集的镇街名称取自“name_en”字段。</translation>
    </message>
    <message>
        <location filename="../atlas/run.py" line="48" />
        <source>Layer '{0}' has no field '{1}' (NAME_FIELD).</source>
        <translation>图层“{0}”没有字段“{1}”（NAME_FIELD）。</translation>
    </message>
    <message>
        <location filename="../atlas/run.py" line="89" />
        <source>Templates: {0} and {1}</source>
        <translation>版式模板：{0} 和 {1}</translation>
    </message>
    <message>
        <location filename="../atlas/report.py" line="15" />
        <source>County: {0} residents in {1} townships — {2}</source>
        <translation>全县：{1} 个镇街常住人口 {0} 人 — {2}</translation>
    </message>
    <message>
        <location filename="../atlas/report.py" line="17" />
        <source>5-minute coverage: {0}; fixed-shelter area per resident: {1}; major hazard units: {2}</source>
        <translation>消防5分钟覆盖：{0}；人均固定避难场所面积：{1}；重大危险源：{2}</translation>
    </message>
    <message>
        <location filename="../atlas/report.py" line="24" />
        <source>{0} residents of the risk map lie outside every township and are not in the atlas figures.</source>
        <translation>四色图中有 {0} 名常住人口位于所有镇街之外，未计入图集统计。</translation>
    </message>
    <message>
        <location filename="../atlas/report.py" line="29" />
        <source>Cross-check: the reach gaps hold {0} residents; the atlas counts {1} residents not covered (from the risk map's residents).</source>
        <translation>核对：消防覆盖盲区图层记录 {0} 人；图集按四色图人口计算未覆盖 {1} 人。</translation>
    </message>
    <message>
        <location filename="../atlas/run.py" line="87" />
        <source>Could not write the atlas layers: {0}</source>
        <translation>无法写入图集图层：{0}</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="50" />
        <source>Prints the risk atlas as one PDF: a cover page for the county, then one sheet per township.

Cover: the four-colour risk map of the county with fire stations, shelters and major hazard units; a table of map units, area and residents per risk level; the share of residents within 5 minutes of a fire station; fixed-shelter area per resident against the target (TARGET, default {0} m² per resident; a value equal to the target meets it); major hazard units by grade (GB 18218-2018 一级–四级); a table of the townships; issuing organisation and date.

Each township sheet (a QGIS atlas on the townships): the four-colour map zoomed to the township with a location inset, legend (重大风险 red, 较大风险 orange, 一般风险 yellow, 低风险 blue), scale bar, north arrow and CRS note; the township's figures as on the cover; a chart of the risk-level shares of area and residents; the list of its major hazard units.

How the figures are made: residents of the four-colour map units are apportioned to each township by area; a unit is counted in the township it overlaps most; the 5-minute share is residents in the union of the reach areas (else outside the reach gaps) ÷ residents; shelter area and residents are taken from the per-township shelter result and judged against TARGET; hazard units and enterprises count in the township holding them. Risk levels are read from 'risk_level' (1 major … 4 low; a level's lower bound belongs to that level, as in the analyses that wrote them).

The pages come from the layout templates in the plugin's 'atlas/templates' folder (A3 or A4 landscape), which can be edited in the layout designer; a template saved in your profile's composer_templates folder as riskatlas_cover_a3.qpt, riskatlas_township_a3.qpt (or _a4) is used instead. Text is written as text (searchable) in the WenQuanYi Zen Hei font. Optionally every page is also written as a PNG image, and the atlas layers into a GeoPackage (ATLAS_LAYERS; the charts go into an 'atlas_charts' folder beside it), from which a project gets the atlas layouts. Input layers are never modified.</source>
        <translation>将安全风险分布图集输出为一个 PDF：一页县域封面，之后每个镇街一页。

封面：县域四色安全风险分布图，含消防站、应急避难场所和重大危险源；按风险等级统计的评估单元数、面积和常住人口；消防站5分钟可达人口比例；人均固定避难场所面积与目标的比较（TARGET，默认 {0} m²/人；等于目标即为达标）；按级别（GB 18218-2018 一级–四级）统计的重大危险源；镇街一览表；编制单位和日期。

每个镇街分图（以镇街为覆盖图层的 QGIS 图集）：缩放至本镇街的四色图及位置示意图、图例（重大风险 红、较大风险 橙、一般风险 黄、低风险 蓝）、比例尺、指北针和坐标系说明；与封面相同的本镇街统计；各风险等级面积和人口占比统计图；本镇街重大危险源清单。

统计方法：四色图评估单元的常住人口按面积分摊到各镇街；评估单元计入与其重叠面积最大的镇街；5分钟覆盖比例 = 位于各消防站可达范围并集内（无可达范围时：盲区以外）的人口 ÷ 常住人口；避难场所面积和人口取自按镇街计算的结果，并按 TARGET 判断是否达标；危险源单元和企业计入其所在镇街。风险等级读取“risk_level”字段（1 重大 … 4 低；各级下限值含于本级，与生成该图层的分析一致）。

页面来自插件“atlas/templates”文件夹中的版式模板（A3 或 A4 横向），可在版式设计器中编辑；如在用户配置目录的 composer_templates 文件夹中保存了 riskatlas_cover_a3.qpt、riskatlas_township_a3.qpt（或 _a4）模板，则优先使用。文字以文本形式（可检索）写入，字体为文泉驿正黑。可选择同时逐页输出 PNG 图片，并将图集图层写入 GeoPackage（ATLAS_LAYERS；统计图写入其旁边的“atlas_charts”文件夹），工程可据此获得图集版式。输入图层不会被修改。</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="93" />
        <source>Fixed-shelter target (m² per resident)</source>
        <translation>固定避难场所面积目标（m²/人）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="110" />
        <source>GeoPackage to keep the atlas layers in (for the atlas layouts in a project)</source>
        <translation>保存图集图层的 GeoPackage（供工程中的图集版式使用）</translation>
    </message>
    <message>
        <location filename="../processing/alg_export_atlas.py" line="110" />
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage 文件 (*.gpkg)</translation>
    </message>
</context>
<context>
    <name>FireStationReach</name>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="20" />
        <source>Fire-station reach (5-minute rule)</source>
        <translation>消防站5分钟可达分析</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="25" />
        <source>Fire stations</source>
        <translation>消防站</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="26" />
        <source>Station id field</source>
        <translation>消防站编号字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="27" />
        <source>Station class field</source>
        <translation>消防站类别字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="28" />
        <source>Turnout time field (min)</source>
        <translation>出动时间字段(分钟)</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="31" />
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="32" />
        <source>Speed field (km/h)</source>
        <translation>车速字段(km/h)</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="33" />
        <source>Road class field</source>
        <translation>道路等级字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="34" />
        <source>Speed preset by road class</source>
        <translation>按道路等级的车速预设</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="37" />
        <source>Default speed (km/h)</source>
        <translation>默认车速(km/h)</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="38" />
        <source>Direction field</source>
        <translation>通行方向字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="39" />
        <source>Value for forward direction</source>
        <translation>正向通行取值</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="39" />
        <source>Value for backward direction</source>
        <translation>反向通行取值</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="39" />
        <source>Value for both directions</source>
        <translation>双向通行取值</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="43" />
        <source>Snap tolerance (m)</source>
        <translation>捕捉容差(米)</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="44" />
        <source>Study area</source>
        <translation>研究区域</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="45" />
        <source>Official station districts</source>
        <translation>消防站法定辖区</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="46" />
        <source>Default turnout time (min)</source>
        <translation>默认出动时间(分钟)</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="48" />
        <source>Time limit from dispatch (min)</source>
        <translation>接警出动后的时间限值(分钟)</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="49" />
        <source>Access distance from roads (m)</source>
        <translation>道路两侧可达距离(米)</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="51" />
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="52" />
        <source>Residents field</source>
        <translation>常住人口字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="53" />
        <source>Targets (enterprises, hazard units)</source>
        <translation>目标(企业、危险源单元)</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="55" />
        <source>Node tolerance (m)</source>
        <translation>节点容差(米)</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="56" />
        <source>Reached roads</source>
        <translation>可达道路</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="59" />
        <source>Station reach areas</source>
        <translation>消防站可达范围</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="60" />
        <source>Gaps (reached by no station)</source>
        <translation>覆盖空白区</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="61" />
        <source>Targets' arrival time</source>
        <translation>目标到达时间</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="62" />
        <source>Summary table</source>
        <translation>汇总表</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="63" />
        <source>Summary report</source>
        <translation>汇总报告</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="124" />
        <source>Speeds: {0} roads from the speed field, {1} from the road-class preset, {2} at the default speed.</source>
        <translation>车速：{0} 条道路取自车速字段，{1} 条取自道路等级预设，{2} 条使用默认车速。</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="128" />
        <source>{0} roads have an empty speed: the class preset or DEFAULT_SPEED is used.</source>
        <translation>{0} 条道路车速为空：使用道路等级预设或 DEFAULT_SPEED。</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="131" />
        <source>{0} roads have an empty or unknown direction value: both directions are used.</source>
        <translation>{0} 条道路的通行方向为空或无法识别：按双向通行处理。</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="134" />
        <source>{0} multipart roads are split into their parts (parts join only where they share a vertex).</source>
        <translation>{0} 条多部件道路被拆分为各部件（部件仅在共享节点处相连）。</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="137" />
        <source>{0} roads without geometry are ignored.</source>
        <translation>{0} 条无几何的道路被忽略。</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="94" />
        <source>The study area layer is empty: the roads' extent is used.</source>
        <translation>研究区域图层为空：使用道路范围。</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="29" />
        <source>Suburban station field ({0:g} km²)</source>
        <translation>郊区站字段（{0:g} km²）</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="57" />
        <source>Time band width (min)</source>
        <translation>时间分段宽度（分钟）</translation>
    </message>
    <message>
        <location filename="../processing/alg_fire_station_reach.py" line="58" />
        <source>Reached roads by time band</source>
        <translation>按时间分段的可达道路</translation>
    </message>
</context>
<context>
    <name>FourColourMap</name>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="49" />
        <source>Four-colour risk map</source>
        <translation>四色安全风险空间分布图</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="30" />
        <source>Enterprises with risk_level</source>
        <translation>企业（含 risk_level 字段）</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="31" />
        <source>Enterprise id field</source>
        <translation>企业编号字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="32" />
        <source>Graded hazard units with risk_level</source>
        <translation>已分级的危险源单元（含 risk_level 字段）</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="33" />
        <source>Hazard unit id field</source>
        <translation>危险源单元编号字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="34" />
        <source>Map units (townships, communities; empty = square grid)</source>
        <translation>制图单元（镇街、社区；留空 = 正方形网格）</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="36" />
        <source>Grid cell size (m)</source>
        <translation>网格边长（m）</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="37" />
        <source>Grid extent (empty = the sources' extent grown by the largest radius)</source>
        <translation>网格范围（留空 = 风险源范围外扩最大影响半径）</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="39" />
        <source>Influence radii of levels 1, 2, 3, 4 (m)</source>
        <translation>1、2、3、4级风险源影响半径（m）</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="41" />
        <source>Aggregation</source>
        <translation>综合方式</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="41" />
        <source>Highest level wins (就高)</source>
        <translation>就高（取最高风险等级）</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="45" />
        <source>Population polygons (residents per class)</source>
        <translation>人口面图层（统计各等级常住人口）</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="47" />
        <source>Residents field</source>
        <translation>常住人口字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="54" />
        <source>Areas of level {0}</source>
        <translation>{0}级区域数</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="56" />
        <source>Residents of level {0}</source>
        <translation>{0}级区域常住人口</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="78" />
        <source>Give ENTERPRISES and/or HAZARD_UNITS (layers with risk_level).</source>
        <translation>请提供 ENTERPRISES 和/或 HAZARD_UNITS（含 risk_level 字段的图层）。</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="90" />
        <source>Map units: {0} polygons of {1} (CELL_SIZE and EXTENT are not used)</source>
        <translation>制图单元：{1} 的 {0} 个面（不使用 CELL_SIZE 和 EXTENT）</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="95" />
        <source>Grid: {0} cells of {1:g} m from ({2:.1f}, {3:.1f}) in {4}</source>
        <translation>网格：{0} 个边长 {1:g} m 的网格，起点 ({2:.1f}, {3:.1f})，坐标系 {4}</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="132" />
        <source>Level {0}: {1:,.0f} residents</source>
        <translation>{0}级：常住人口 {1:,.0f} 人</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="41" />
        <source>Cumulative score ({0} per source)</source>
        <translation>累计分值（每个风险源计 {0} 分）</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="48" />
        <source>Study area</source>
        <translation>研究区域</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="50" />
        <source>Four-colour risk map as a GeoTIFF (grid only)</source>
        <translation>四色风险图 GeoTIFF（仅格网）</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="82" />
        <source>Give OUTPUT and/or OUTPUT_RASTER.</source>
        <translation>请至少指定 OUTPUT 或 OUTPUT_RASTER 之一。</translation>
    </message>
    <message>
        <location filename="../processing/alg_four_colour_map.py" line="145" />
        <source>OUTPUT_RASTER needs the square grid (no UNITS): not written.</source>
        <translation>OUTPUT_RASTER 需要正方形格网（不能指定 UNITS）：未写出。</translation>
    </message>
</context>
<context>
    <name>FullAssessment</name>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="29" />
        <source>Full risk assessment (one run)</source>
        <translation>完整风险评估（一次运行）</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="38" />
        <source>Enterprise risk method</source>
        <translation>企业风险评价方法</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="38" />
        <source>LEC (D = L × E × C)</source>
        <translation>LEC法（D = L × E × C）</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="38" />
        <source>Risk matrix (likelihood × severity)</source>
        <translation>风险矩阵法（可能性 × 严重性）</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="42" />
        <source>Four-colour map grid cell size (m)</source>
        <translation>四色图网格边长（m）</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="44" />
        <source>Influence radii of levels 1, 2, 3, 4 (m)</source>
        <translation>1、2、3、4级风险源影响半径（m）</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="46" />
        <source>Fire-station time limit from dispatch (min)</source>
        <translation>消防站接警出动后到达时限（min）</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="48" />
        <source>Turnout time when a station gives none (min)</source>
        <translation>未填写时的出动准备时间（min）</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="50" />
        <source>Fixed-shelter area target (m² per resident)</source>
        <translation>人均固定避难场所面积目标（m²/人）</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="52" />
        <source>Shelter indicator counts urban residents only</source>
        <translation>避难场所指标仅统计城镇人口</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="55" />
        <source>Atlas title (empty: 安全风险分布图集 / Safety Risk Atlas)</source>
        <translation>图集标题（留空：安全风险分布图集 / Safety Risk Atlas）</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="55" />
        <source>Issuing organisation</source>
        <translation>编制单位</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="55" />
        <source>Date printed on the atlas (empty: today)</source>
        <translation>图集编制日期（留空：今天）</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="59" />
        <source>Page size (landscape)</source>
        <translation>纸张大小（横向）</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="62" />
        <source>Atlas language (zh: Chinese, en: English)</source>
        <translation>图集语言（zh：中文，en：英文）</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="65" />
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="66" />
        <source>Result GeoPackage</source>
        <translation>成果GeoPackage</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="67" />
        <source>QGIS project</source>
        <translation>QGIS工程</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="68" />
        <source>Risk atlas (PDF)</source>
        <translation>风险图集（PDF）</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="69" />
        <source>Major hazard sources</source>
        <translation>重大危险源数</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="70" />
        <source>Atlas pages</source>
        <translation>图集页数</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="71" />
        <source>Files and headline figures</source>
        <translation>成果文件与主要指标</translation>
    </message>
    <message>
        <location filename="../processing/alg_full_assessment.py" line="78" />
        <source>Give an output folder.</source>
        <translation>请指定输出文件夹。</translation>
    </message>
</context>
<context>
    <name>GradeHazardSources</name>
    <message>
        <location filename="../processing/alg_grade_hazard_sources.py" line="14" />
        <source>Grade major hazard sources (GB 18218-2018)</source>
        <translation>重大危险源分级（GB 18218-2018）</translation>
    </message>
    <message>
        <location filename="../processing/alg_grade_hazard_sources.py" line="17" />
        <source>Hazard-source records (one feature per unit and substance)</source>
        <translation>危险源记录（每个单元、每种物质一条要素）</translation>
    </message>
    <message>
        <location filename="../processing/alg_grade_hazard_sources.py" line="19" />
        <source>Unit id field</source>
        <translation>单元编号字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_grade_hazard_sources.py" line="20" />
        <source>Substance field (CAS number, Chinese or English name)</source>
        <translation>物质字段（CAS号、中文或英文名称）</translation>
    </message>
    <message>
        <location filename="../processing/alg_grade_hazard_sources.py" line="22" />
        <source>Design maximum quantity field (t)</source>
        <translation>设计最大量字段（t）</translation>
    </message>
    <message>
        <location filename="../processing/alg_grade_hazard_sources.py" line="23" />
        <source>Hazard category field (GB 18218 Table 2 code, e.g. W2)</source>
        <translation>危险性类别字段（GB 18218 表2符号，如 W2）</translation>
    </message>
    <message>
        <location filename="../processing/alg_grade_hazard_sources.py" line="27" />
        <source>Enterprise id field</source>
        <translation>企业编号字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_grade_hazard_sources.py" line="28" />
        <source>Population polygons (to estimate exposed people)</source>
        <translation>人口面图层（用于估算暴露人员）</translation>
    </message>
    <message>
        <location filename="../processing/alg_grade_hazard_sources.py" line="30" />
        <source>Residents field</source>
        <translation>常住人口字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_grade_hazard_sources.py" line="31" />
        <source>Graded hazard units</source>
        <translation>重大危险源分级结果（单元）</translation>
    </message>
    <message>
        <location filename="../processing/alg_grade_hazard_sources.py" line="32" />
        <source>Hazard record details (q, Q, β)</source>
        <translation>危险源记录明细（q、Q、β）</translation>
    </message>
    <message>
        <location filename="../processing/alg_grade_hazard_sources.py" line="33" />
        <source>Number of units</source>
        <translation>单元数</translation>
    </message>
    <message>
        <location filename="../processing/alg_grade_hazard_sources.py" line="34" />
        <source>Number of major hazard sources</source>
        <translation>重大危险源数</translation>
    </message>
    <message>
        <location filename="../processing/alg_grade_hazard_sources.py" line="87" />
        <source>{0} units, {1} major hazard sources (一级 {2}, 二级 {3}, 三级 {4}, 四级 {5})</source>
        <translation>共 {0} 个单元，其中重大危险源 {1} 个（一级 {2}，二级 {3}，三级 {4}，四级 {5}）</translation>
    </message>
    <message>
        <location filename="../processing/alg_grade_hazard_sources.py" line="25" />
        <source>Exposed people field (within {0:g} m outside the boundary)</source>
        <translation>暴露人员字段（边界外 {0:g} m 范围内）</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../processing/help.py" line="110" />
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="146" />
        <source>Writes an empty GeoPackage holding every layer Risk Atlas reads — {0} — with their fields, field aliases (Chinese or English) and default styles. Fill it from the bureau's ledgers, then run 'Validate input layers'.

Use a projected CRS in metres (default {1}, {2}; choose the zone of your county).</source>
        <translation>写出一个空的 GeoPackage，包含风险图谱读取的全部图层——{0}——及其字段、字段别名（中文或英文）和默认样式。请依据本局台账填写，然后运行“检查输入图层”。

请使用以米为单位的投影坐标系（默认 {1}，{2}；请选择本县所在分带）。</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="158" />
        <source>Checks the input layers against the Risk Atlas schemas (the fields of the data template) and writes a report table and an HTML summary.

Checks: empty layer; missing or geographic CRS (geographic layers are reprojected to a local projected CRS by the analyses: a warning); layers in different CRSs (warning: reprojected to the first layer's CRS); missing required fields; wrong field types (numbers stored as text are a warning when every value parses; yes/no fields take {1}, in any case); empty required values; null, invalid (warning: repaired) or wrongly typed geometries; duplicate ids; negative or implausible values (e.g. quantity above {0} t); unknown codes (shelter type, station class, road class, direction, hazard category); LEC values outside the LEC tables (warning); GBK-encoded shapefiles without a .cpg file (warning: set the layer's data source encoding to GBK).

Every input is optional: give the layers you have. The algorithm succeeds even when errors are found, unless 'Fail when errors are found' is ticked. Input layers are never modified.</source>
        <translation>按风险图谱数据规范（即数据模板的字段）检查输入图层，输出检查报告表和 HTML 摘要。

检查项：空图层；坐标系缺失或为地理坐标系（分析时会重投影到当地投影坐标系：警告）；各图层坐标系不一致（警告：重投影到第一个图层的坐标系）；缺少必填字段；字段类型错误（以文本存储的数字若全部可解析则为警告；是否类字段可填 {1}，不区分大小写）；必填值为空；几何为空、无效（警告：将自动修复）或类型错误；编号重复；负值或不合理数值（如数量超过 {0} 吨）；未知代码（避难场所类型、消防站类别、道路等级、通行方向、危险性类别）；不在 LEC 取值表中的 L/E/C 值（警告）；缺少 .cpg 文件的 GBK 编码 Shapefile（警告：请将图层数据源编码设为 GBK）。

所有输入均为可选：提供已有图层即可。即使发现错误，算法仍成功完成，除非勾选“发现错误时终止”。输入图层不会被修改。</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="178" />
        <source>Identifies and grades major hazard sources after {0} from hazard records (one feature per unit and substance) and writes one feature per unit.

Per record: q = design maximum quantity (t); Q = critical quantity from Table 1 by substance (CAS number, Chinese or English name or alias, e.g. 氯 / 液氯 / chlorine / 7782-50-5), else from Table 2 by the record's hazard category (e.g. W2, W5.2, J1; with several categories the lowest Q); β from Table 3 for its toxic gases, else Table 4 by category (several categories: the highest β).
Per unit: S = Σ q/Q; S ≥ {1} makes it a major hazard source. α from the people within {2} m outside the unit: {3}. R = α · Σ β·q/Q. Grade: {4}. Every lower bound is included (R = {5} is {6}, S = {1} is major).
Risk level (preset '{7}'): {8}; a unit with S &lt; {1} is not a major hazard source (no grade) and is level {9}.

Exposed people: the exposed-people field when given (records of one unit that disagree: the largest, with a warning); otherwise, with a population layer, residents apportioned by area over the {2} m ring around a polygon unit (or the {2} m disc around a point unit), rounded to whole people.

A substance neither in Table 1 nor given a category is an error naming the unit and feature; an empty quantity counts as 0 t (warning); a negative one is an error. The second output lists every record with q, Q, β, q/Q and the table each value came from. The unit geometry is its records merged.</source>
        <translation>依据 {0}，由危险源记录（每个单元、每种物质一条要素）辨识重大危险源并分级，每个单元输出一条要素。

每条记录：q = 设计最大量（t）；Q = 临界量，按物质查表1（CAS号、中文或英文名称或别名，如 氯 / 液氯 / chlorine / 7782-50-5），表1未列的按记录的危险性类别查表2（如 W2、W5.2、J1；有多个类别时取最低临界量）；β 对表3所列毒性气体查表3，其余按类别查表4（有多个类别时取最大 β）。
每个单元：S = Σ q/Q；S ≥ {1} 即为重大危险源。α 按单元边界外 {2} m 范围内的暴露人员确定：{3}。R = α · Σ β·q/Q。分级：{4}。各级下限均包含在内（R = {5} 为{6}，S = {1} 即为重大危险源）。
风险等级（预设 '{7}'）：{8}；S &lt; {1} 的单元不构成重大危险源（无级别），为 {9} 级。

暴露人员：优先取暴露人员字段（同一单元的记录数值不一致时取最大值并给出警告）；否则若提供人口图层，按面积比例分摊面单元外 {2} m 环带（点单元为 {2} m 圆）内的常住人口，取整到人。

既不在表1中又未给出类别的物质将报错并指明单元和要素；数量为空按 0 t 计（警告），为负数则报错。第二个输出逐条列出记录的 q、Q、β、q/Q 及各值所依据的表。单元几何为其各条记录的合并。</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="204" />
        <source>Scores every enterprise and classes the score into the four risk levels ({0}) with a named cut set.

METHOD 0 LEC: D = L × E × C (likelihood, exposure, consequence; the LEC tables give L {1}; E {2}; C {3} — other values are used as given, with a warning). METHOD 1 risk matrix: R = likelihood × severity, both whole numbers {4}–{5}.
PRESET (empty = the method's first preset); a level's lower bound is included:
{6}
Both LEC cut sets circulate in Chinese practice, and matrix cuts vary between provincial guides: choose the one your jurisdiction uses.

HAZARD_UNITS (optional, the output of 'Grade major hazard sources'): an enterprise that owns a graded unit (HAZARD_ENTERPRISE_FIELD = its id) takes at least that unit's risk_level (就高: the higher risk wins). level_source says whether the score or a hazard unit set the level; hazard_unit_id names that unit.

Output: the enterprises with risk_score, score_level, hazard_level, hazard_unit_id, risk_level, risk_label_zh, risk_label_en, risk_colour, level_source, risk_method, risk_preset. Empty or invalid scores are errors naming the feature and field.</source>
        <translation>计算每家企业的风险分值，并按命名的分级界限划入四个风险等级（{0}）。

METHOD 0 LEC法：D = L × E × C（可能性、暴露频繁程度、后果；LEC 取值表中 L 取 {1}，E 取 {2}，C 取 {3}——表外数值按原值使用并给出警告）。METHOD 1 风险矩阵：R = 可能性 × 严重性，二者均为 {4}–{5} 的整数。
PRESET（留空 = 该方法的第一套界限）；各级下限均包含在内：
{6}
两套 LEC 界限在国内实践中均有使用，风险矩阵界限也因各省导则而异：请选用本辖区采用的一套。

HAZARD_UNITS（可选，即“重大危险源分级”的输出）：拥有已分级单元的企业（HAZARD_ENTERPRISE_FIELD = 企业编号）至少取该单元的 risk_level（就高：取较高风险）。level_source 说明等级由分值还是危险源单元确定；hazard_unit_id 指明该单元。

输出：企业图层，新增 risk_score、score_level、hazard_level、hazard_unit_id、risk_level、risk_label_zh、risk_label_en、risk_colour、level_source、risk_method、risk_preset。分值为空或无效时报错，并指明要素和字段。</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="227" />
        <source>The regional red-orange-yellow-blue safety-risk map (红橙黄蓝四色安全风险空间分布图): every area (UNITS polygons such as townships or communities, or else square cells of CELL_SIZE metres over EXTENT) gets a risk level {0} from the risk sources around it.

Sources: ENTERPRISES and/or HAZARD_UNITS, any layers with a risk_level field 1..4 (the outputs of 'Enterprise risk level' and 'Grade major hazard sources').
RADII: influence radius in metres of a level 1, 2, 3 and 4 source (default {1}). A source reaches an area when the exact distance between them is less than its radius (no segmented buffers; an area exactly at the radius is not reached).
AGGREGATION 0 (就高, default): the area takes the highest risk (lowest level number) of the sources reaching it; an area no source reaches is level 4 (low, blue).
AGGREGATION 1 (cumulative score): every source reaching the area adds {2} for a source of level 1 / 2 / 3 / 4; score ≥ {3} → level 1, ≥ {4} → 2, ≥ {5} → 3, otherwise 4 (lower bounds included). Three sources of one level weigh as one of the next higher level, so clusters escalate; an area is never lower than with AGGREGATION 0.

Grid: the cells start at the lower-left corner of EXTENT (empty: the sources' extent grown by the largest radius) and the extent grows right and up to whole cells.
Output fields: risk_level, risk_label_zh, risk_label_en, risk_colour, n_level1 … n_level4 (sources of each level reaching the area), source_id / source_layer / source_dist_m (the nearest source of the highest level reaching the area), risk_score (the cumulative score) and, with POPULATION, residents (apportioned by area; totals per level are reported in the log and as outputs).
The map is styled with the four-colour palette; its legend reads {6} ({7} when QGIS runs in English).</source>
        <translation>区域红橙黄蓝四色安全风险空间分布图：每个区域（UNITS 面，如镇街或社区；否则为覆盖 EXTENT 的边长 CELL_SIZE 米的正方形网格）根据周边风险源确定风险等级：{0}。

风险源：ENTERPRISES 和/或 HAZARD_UNITS，即任何含 risk_level 字段（1..4）的图层（“企业风险等级”和“重大危险源分级”的输出）。
RADII：1、2、3、4级风险源的影响半径（米，默认 {1}）。风险源与区域之间的精确距离小于其影响半径时即影响该区域（不使用分段近似的缓冲区；距离恰好等于半径的区域不受影响）。
AGGREGATION 0（就高，默认）：区域取影响它的风险源中的最高风险（最小等级数）；不受任何风险源影响的区域为4级（低风险，蓝）。
AGGREGATION 1（累计分值）：每个影响该区域的风险源按 1 / 2 / 3 / 4 级分别计 {2} 分；分值 ≥ {3} → 1级，≥ {4} → 2级，≥ {5} → 3级，其余为4级（下限包含在内）。同一等级的三个风险源相当于高一级的一个风险源，因此风险源聚集时等级上升；区域等级不会低于 AGGREGATION 0 的结果。

网格：从 EXTENT 的左下角起算（留空：风险源范围外扩最大影响半径），范围向右、向上扩展为整格。
输出字段：risk_level、risk_label_zh、risk_label_en、risk_colour、n_level1 … n_level4（影响该区域的各级风险源数）、source_id / source_layer / source_dist_m（影响该区域的最高等级风险源中最近的一个）、risk_score（累计分值），提供 POPULATION 时还有 residents（按面积分摊；各等级合计写入日志并作为输出）。
结果按四色配色设置样式；图例为 {6}（QGIS 为英文界面时显示 {7}）。</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="290" />
        <source>Effective shelter area per resident against the planning target (城镇人均固定避难场所面积 ≥ {0} m²), per township, per population cell and per shelter.

METHOD 0 administrative: per unit (UNITS, e.g. townships), the effective area of the counted shelters whose centroid lies in the unit ÷ the unit's residents (population features apportioned by area overlap). OUTPUT = the units.
METHOD 1 catchment (two-step floating catchment, 2SFCA): a shelter serves every population feature whose centroid is within RADIUS of its centroid (straight line, the radius included). Its served residents are the sum of those features' residents; each feature gets the sum, over the shelters in reach, of shelter area ÷ served residents. OUTPUT = the population features.
METHOD 2 network catchment: the same with walking distance along ROADS (off-road legs to and from the roads included; roads whose 'class' is {1} are not walked along).

deficit_m2 is the area still needed to reach TARGET; no_shelter flags residents beyond every shelter's radius; features without residents get no indicator (NULL). A value equal to the target meets it.
OUTPUT_SHELTERS: each counted shelter's served residents (2SFCA demand; a resident in reach of several shelters counts at each), m² per served person, overloaded = fewer than TARGET m² per served person or more served residents than its capacity (CAPACITY_FIELD). With METHOD 0 these use the straight-line catchment.
Summary table and HTML: per unit and county-wide indicator, share of residents meeting the target (METHOD 0: residents of units meeting it; 1–2: residents whose 2SFCA figure meets it), residents with no shelter in reach, total deficit.

SHELTERS_2: a second shelter layer with the same fields (e.g. assembly points beside site polygons); the shelter load output then holds both (as centroid points when the geometry types differ).
TYPES: which shelter types count (default {2}; the others do not count toward the per-capita indicator). RADIUS empty = each type's radius from the type table (GB 51143-2015 evacuation distances; central shelters as long-term ones): {3}. TYPE_TABLE: a CSV or JSON file replacing that table. AREA_FIELD empty = polygon area. URBAN_ONLY counts only residents whose 'urban' field is true, when the layer has it.

Bad input stops with a message naming the layer, feature and field: missing or negative areas, unknown types, NULL or negative residents. Geographic layers are reprojected to a local projected CRS (said in the log); the other layers to the shelters' CRS.</source>
        <translation>按镇街、人口单元和避难场所计算人均有效避难面积，并与规划目标（城镇人均固定避难场所面积 ≥ {0} m²）比较。

METHOD 0 行政区法：对每个单元（UNITS，如镇街），质心位于单元内的计入避难场所的有效面积 ÷ 单元人口（人口要素按面积重叠比例分摊）。OUTPUT 为单元图层。
METHOD 1 服务半径法（两步移动搜索法 2SFCA）：避难场所服务质心与其质心直线距离不超过 RADIUS（含边界）的全部人口要素。其服务人口为这些要素人口之和；每个人口要素得到其可达各避难场所“有效面积 ÷ 服务人口”之和。OUTPUT 为人口要素图层。
METHOD 2 路网服务范围法：同上，但距离为沿道路（ROADS）的步行距离（含往返道路的离路段；'class' 为 {1} 的道路不可步行）。

deficit_m2 为达到 TARGET 仍缺的面积；no_shelter 标记所有避难场所服务半径之外的居民；无人口的要素不计算指标（NULL）。等于目标值即为达标。
OUTPUT_SHELTERS：每个计入避难场所的服务人口（2SFCA 需求；可达多个避难场所的居民在每个场所均计入）、服务人均面积；overloaded（超负荷）= 服务人均面积低于 TARGET，或服务人口超过容纳人数（CAPACITY_FIELD）。METHOD 0 时按直线服务半径计算。
汇总表与 HTML：各单元及全县人均指标、达标人口比例（METHOD 0：达标单元的人口；1–2：2SFCA 指标达标的人口）、服务范围外人口、面积缺口合计。

SHELTERS_2：字段相同的第二个避难场所图层（如场地面图层之外的点图层）；避难场所负荷输出同时包含两者（几何类型不同时输出为质心点）。
TYPES：计入的避难场所类型（默认为{2}；其他类型不计入人均指标）。RADIUS 为空时按类型表取服务半径（GB 51143-2015 避难疏散距离；中心避难场所同长期固定避难场所）：{3}。TYPE_TABLE：替换该类型表的 CSV 或 JSON 文件。AREA_FIELD 为空时取多边形面积。URBAN_ONLY：图层有 'urban' 字段时只计城镇人口。

输入有误时停止并给出图层、要素和字段：面积缺失或为负、未知类型、人口为空或为负。地理坐标系图层会重投影到当地投影坐标系（日志中说明）；其他图层重投影到避难场所图层的坐标系。</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="329" />
        <source>Runs the whole assessment on a county's layers in one go and writes everything into OUTPUT_FOLDER:
{0}

Files: risk_atlas_results.gpkg (every result layer and a provenance table: algorithm, version and parameters of each step), risk_atlas.qgz (a QGIS project with the layers styled and the atlas layouts), risk_atlas.pdf, png/ (one image per page) and HTML reports. The options have the same meaning and defaults as in the single algorithms. Input layers are never modified; the result GeoPackage appears only when every step succeeded.</source>
        <translation>一次完成县域风险评估，全部成果写入输出文件夹（OUTPUT_FOLDER）：
{0}

成果文件：risk_atlas_results.gpkg（全部成果图层，以及记录每一步所用算法、版本和参数的 provenance 表）、risk_atlas.qgz（已配置样式和图集布局的 QGIS 工程）、risk_atlas.pdf、png/（每页一幅图片）以及 HTML 报告。各选项的含义和默认值与单个算法相同。输入图层不会被修改；只有全部步骤成功后才会生成成果 GeoPackage。</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="252" />
        <source>OUTPUT_RASTER (grid only): the levels as a paletted GeoTIFF, one byte per cell — whole cells whose centre lies in STUDY_AREA (every cell when it is not given) hold their level, the others no data (0) — with the palette as its colour table and the legend in a .qml beside it. OUTPUT (the polygons) and OUTPUT_RASTER may each be left out, not both.</source>
        <translation>OUTPUT_RASTER（仅格网）：以调色板 GeoTIFF 输出风险等级，每个格网单元一个字节——中心点位于 STUDY_AREA 内的完整单元（未指定时为全部单元）取其等级，其余为无数据（0）；四色调色板写入其颜色表，图例写入同名 .qml 文件。OUTPUT（多边形）与 OUTPUT_RASTER 可以省略其一，但不能都省略。</translation>
    </message>
    <message>
        <location filename="../processing/help.py" line="261" />
        <source>Which land, residents and targets each fire station reaches within TIME_LIMIT minutes of the dispatch order (建标152-2017 §14 / GB 51080-2015 §4.1: {0} min = turnout, conventionally {1} min, + driving), on the road network, and whether its district respects the class limit ({2}).

Network as in QGIS's network analysis: every vertex is a node, lines join where they share a vertex, one-way values relative to the digitising direction. Speed per road: SPEED_FIELD when &gt; 0, else the road class's preset speed ({3}), else DEFAULT_SPEED. A station enters at the nearest point of the nearest road (the off-road leg costs nothing); stations farther than SNAP_TOLERANCE are listed and left out. One search from all stations at once, each starting with its turnout time; roads are cut where two stations meet (equal time) and where time runs out. A suburban station (SUBURBAN_FIELD: {4}) has the suburban limit whatever its class.

Land rule: land is reached when a reached road within ACCESS_DISTANCE is reached, at the earliest such time; where access zones overlap, the earlier arrival wins (no overlaps). It is evaluated on a grid of ACCESS_DISTANCE/8 (the log gives it), only near the roads reached. Districts: DISTRICTS (each polygon belongs to the station inside it), else the land each station reaches first with no time limit — computed only when some station has a class or the suburban flag to compare its district with (it takes a search of the whole network); otherwise the district fields stay empty. Residents: population apportioned by area.

Outputs: reached roads (station_id, arrival_min = time the piece is fully reached), optionally the reached roads by time band (OUTPUT_EDGES_BANDS: one line per station and band of BAND_MIN minutes, band_from_min ≤ time &lt; band_to_min, the last band ending at TIME_LIMIT), one area per station with reach_km2, residents, district_km2, class limit, exceeds_limit and the share of the district reached in time, gaps, targets' arrival time, a summary table and an HTML report.</source>
        <translation>计算各消防站在接警出动后 TIME_LIMIT 分钟内沿道路网络可到达的用地、常住人口和目标（建标152-2017 第十四条 / GB 51080-2015 §4.1：{0} 分钟 = 出动时间（通常为 {1} 分钟）+ 行车时间），并检查辖区面积是否符合类别限值（{2}）。

网络语义与 QGIS 网络分析一致：每个折点为节点，线在共享折点处相连，单行取值相对于数字化方向。每条道路的车速：SPEED_FIELD 大于 0 时取其值，否则取道路等级预设车速（{3}），否则取 DEFAULT_SPEED。消防站从最近道路的最近点进入网络（离路段不计时间）；距道路超过 SNAP_TOLERANCE 的消防站会被列出并排除。所有消防站一次性同时搜索，各以其出动时间起算；道路在两站同时到达处（等时点）及时间用尽处被截断。郊区站（SUBURBAN_FIELD 可填 {4}）不论类别，一律按郊区站限值检查。

用地规则：某处用地的到达时间为其 ACCESS_DISTANCE 范围内已到达道路的最早到达时间；可达范围重叠处归先到达的消防站（无重叠）。该规则在边长为 ACCESS_DISTANCE/8 的格网上计算（日志中注明格网大小），只在已到达道路附近计算。辖区：取 DISTRICTS（每个多边形归其内部的消防站），否则为不限时间时各站最先到达的用地——仅当有消防站给出类别或郊区标志、需要与辖区比较时才计算（需搜索整个网络）；否则辖区字段为空。常住人口按面积分摊。

输出：可达道路（station_id，arrival_min = 该段全部到达的时间）、可选的按时间分段可达道路（OUTPUT_EDGES_BANDS：每站每个 BAND_MIN 分钟时段一条线，band_from_min ≤ 时间 &lt; band_to_min，最后一段止于 TIME_LIMIT）、每站一个可达范围（reach_km2、residents、district_km2、类别限值、exceeds_limit 及辖区内按时可达比例）、覆盖空白区、目标到达时间、汇总表和 HTML 报告。</translation>
    </message>
</context>
<context>
    <name>InputLayers</name>
    <message>
        <location filename="../layers/schemas.py" line="217" />
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../layers/schemas.py" line="217" />
        <source>Hazard sources (one record per unit and substance)</source>
        <translation>危险源（每个单元每种物质一条记录）</translation>
    </message>
    <message>
        <location filename="../layers/schemas.py" line="217" />
        <source>Emergency shelters</source>
        <translation>应急避难场所</translation>
    </message>
    <message>
        <location filename="../layers/schemas.py" line="217" />
        <source>Emergency shelters, second layer (e.g. points beside polygons)</source>
        <translation>应急避难场所（第二图层，如面图层之外的点图层）</translation>
    </message>
    <message>
        <location filename="../layers/schemas.py" line="217" />
        <source>Fire stations</source>
        <translation>消防站</translation>
    </message>
    <message>
        <location filename="../layers/schemas.py" line="217" />
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../layers/schemas.py" line="217" />
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../layers/schemas.py" line="217" />
        <source>Townships</source>
        <translation>镇街</translation>
    </message>
</context>
<context>
    <name>RiskAtlasAlgorithm</name>
    <message>
        <location filename="../processing/base.py" line="139" />
        <source>Cancelled: no output was written.</source>
        <translation>已取消：未写出任何结果。</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="226" />
        <source>Layer '{0}' has no coordinate reference system: set one in Layer Properties ▸ Source.</source>
        <translation>图层“{0}”没有坐标参考系：请在 图层属性 ▸ 源 中设置。</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="38" />
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="39" />
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="40" />
        <source>Coverage</source>
        <translation>覆盖分析</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="41" />
        <source>Atlas</source>
        <translation>图集</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="172" />
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="253" />
        <source>Layer '{0}' has no field '{1}' ({2}).</source>
        <translation>图层“{0}”没有字段“{1}”（{2}）。</translation>
    </message>
</context>
<context>
    <name>RiskAtlasPlugin</name>
    <message>
        <location filename="../plugin.py" line="38" />
        <source>&amp;Risk Atlas</source>
        <translation>风险图谱(&amp;R)</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="40" />
        <source>Load sample county</source>
        <translation>加载示例县数据</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="89" />
        <source>Risk Atlas</source>
        <translation>风险图谱</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="50" />
        <source>Missing Python packages — algorithms are disabled. See the message log (Risk Atlas) for install instructions.</source>
        <translation>缺少Python依赖包，算法已停用。安装说明见日志消息面板（Risk Atlas）。</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="89" />
        <source>Sample county loaded: {0} layers</source>
        <translation>已加载示例县：{0}个图层</translation>
    </message>
</context>
<context>
    <name>RiskAtlasProvider</name>
    <message>
        <location filename="../processing/provider.py" line="58" />
        <source>Risk Atlas</source>
        <translation>风险图谱</translation>
    </message>
    <message>
        <location filename="../processing/provider.py" line="61" />
        <source>Risk Atlas {0}</source>
        <translation>风险图谱 {0}</translation>
    </message>
</context>
<context>
    <name>ShelterPerCapita</name>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="58" />
        <source>Shelter area per capita</source>
        <translation>人均避难场所面积</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="28" />
        <source>Shelters (points or polygons)</source>
        <translation>避难场所（点或面）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="29" />
        <source>Shelters, second layer (e.g. points beside polygons; same fields)</source>
        <translation>避难场所第二图层（如面图层之外的点；字段相同）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="31" />
        <source>Effective area field (m²; empty = polygon area)</source>
        <translation>有效避难面积字段（m²；为空则取多边形面积）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="33" />
        <source>Shelter type field</source>
        <translation>避难场所类型字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="35" />
        <source>Shelter types counted</source>
        <translation>计入的避难场所类型</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="39" />
        <source>Population (points or polygons)</source>
        <translation>人口（点或面）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="40" />
        <source>Residents field</source>
        <translation>人口数字段</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="41" />
        <source>Units (township polygons)</source>
        <translation>统计单元（镇街面）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="42" />
        <source>Count only urban residents (when the 'urban' field exists)</source>
        <translation>只计城镇人口（有 'urban' 字段时）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="44" />
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="44" />
        <source>Administrative (area in unit ÷ residents)</source>
        <translation>行政区法（单元内面积 ÷ 人口）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="44" />
        <source>Catchment, straight line (2SFCA)</source>
        <translation>服务半径法，直线距离（2SFCA）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="44" />
        <source>Network catchment, walking on roads (2SFCA)</source>
        <translation>路网服务范围法，沿道路步行（2SFCA）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="49" />
        <source>Service radius (m; empty = per type from the table)</source>
        <translation>服务半径（m；为空则按类型表）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="51" />
        <source>Target (m² per person)</source>
        <translation>目标（m²/人）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="52" />
        <source>Capacity field (people)</source>
        <translation>容纳人数字段（人）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="53" />
        <source>Roads (for the network method)</source>
        <translation>道路（路网方法用）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="54" />
        <source>Shelter type table (CSV or JSON; empty = built-in)</source>
        <translation>避难场所类型表（CSV或JSON；为空则用内置表）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="54" />
        <source>Tables (*.csv *.json)</source>
        <translation>表格 (*.csv *.json)</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="59" />
        <source>Shelter load</source>
        <translation>避难场所负荷</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="60" />
        <source>Shelter summary table</source>
        <translation>避难场所汇总表</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="61" />
        <source>Shelter summary (HTML)</source>
        <translation>避难场所汇总（HTML）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="62" />
        <source>County m² per capita</source>
        <translation>全县人均面积（m²）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="62" />
        <source>Share of residents meeting the target</source>
        <translation>达标人口比例</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="62" />
        <source>Residents with no shelter in reach</source>
        <translation>服务范围外人口</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="62" />
        <source>Total deficit (m²)</source>
        <translation>面积缺口合计（m²）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="62" />
        <source>County deficit (m²)</source>
        <translation>全县面积缺口（m²）</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="62" />
        <source>Overloaded shelters</source>
        <translation>超负荷避难场所数</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="146" />
        <source>AREA_FIELD is empty: effective area = polygon area</source>
        <translation>AREA_FIELD 为空：有效面积取多边形面积</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="148" />
        <source>The shelters have no '{0}' field: effective area = polygon area</source>
        <translation>避难场所图层没有 '{0}' 字段：有效面积取多边形面积</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="126" />
        <source>Shelter type table: {0}</source>
        <translation>避难场所类型表：{0}</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="135" />
        <source>TARGET must be more than 0 m² per person.</source>
        <translation>TARGET 必须大于 0 m²/人。</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="137" />
        <source>METHOD 0 (administrative) needs UNITS, e.g. the townships.</source>
        <translation>METHOD 0（行政区法）需要 UNITS，如镇街图层。</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="139" />
        <source>METHOD 2 (network) needs ROADS.</source>
        <translation>METHOD 2（路网法）需要 ROADS。</translation>
    </message>
    <message>
        <location filename="../processing/alg_shelter_per_capita.py" line="82" />
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
        <location filename="../processing/alg_shelter_per_capita.py" line="132" />
        <source>RADIUS must be more than 0 m (leave it empty for the per-type radii).</source>
        <translation>RADIUS 必须大于 0 m（留空则按类型取服务半径）。</translation>
    </message>
</context>
<context>
    <name>ValidateInputs</name>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="14" />
        <source>Validate input layers</source>
        <translation>检查输入图层</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="19" />
        <source>Fail when errors are found</source>
        <translation>发现错误时终止</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="21" />
        <source>Validation report</source>
        <translation>检查报告</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="22" />
        <source>Validation summary (HTML)</source>
        <translation>检查摘要（HTML）</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="23" />
        <source>Number of errors</source>
        <translation>错误数</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="24" />
        <source>Number of warnings</source>
        <translation>警告数</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="38" />
        <source>Give at least one input layer to validate.</source>
        <translation>请至少提供一个待检查的图层。</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="45" />
        <source>Checking {0} as {1}</source>
        <translation>正在按“{1}”检查{0}</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="58" />
        <source>the shapefile's text is GBK-encoded but it has no .cpg file: Chinese text shows garbled. Set Layer Properties ▸ Source ▸ Data source encoding to GBK, or add a .cpg file containing GBK</source>
        <translation>该Shapefile文字为GBK编码但缺少.cpg文件，中文会显示为乱码。请在 图层属性 ▸ 源 ▸ 数据源编码 中设为GBK，或添加内容为GBK的.cpg文件</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="69" />
        <source>Risk Atlas — input validation</source>
        <translation>风险图谱——输入数据检查</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="69" />
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="69" />
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="76" />
        <source>{0} errors, {1} warnings</source>
        <translation>{0}个错误，{1}个警告</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="78" />
        <source>{0} errors found in the input layers; see the report</source>
        <translation>输入图层中发现{0}个错误，详见检查报告</translation>
    </message>
</context>
</TS>