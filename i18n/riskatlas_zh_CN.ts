<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1">
<context>
    <name>CreateTemplate</name>
    <message>
        <location filename="../processing/alg_create_template.py" line="21" />
        <source>Create data template</source>
        <translation>创建数据模板</translation>
    </message>
    <message>
        <location filename="../processing/alg_create_template.py" line="24" />
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../processing/alg_create_template.py" line="27" />
        <source>Writes an empty GeoPackage holding every layer Risk Atlas reads — enterprises, hazard_sources, shelters (sites as polygons) and shelter_points (assembly points), fire_stations, population, roads and townships — with their fields, field aliases (Chinese or English) and default styles. Fill it from the bureau's ledgers, then run 'Validate input layers'.

Use a projected CRS in metres (default EPSG:4549, CGCS2000 / 3-degree Gauss-Krüger CM 120E; choose the zone of your county).</source>
        <translation>写出一个空的GeoPackage，包含风险图谱读取的全部图层——企业(enterprises)、危险源(hazard_sources)、避难场所（面：shelters；点：shelter_points）、消防站(fire_stations)、人口(population)、道路(roads)和镇街(townships)——及其字段、字段别名（中文或英文）和默认样式。请依据本局台账填写，然后运行“检查输入图层”。

请使用以米为单位的投影坐标系（默认EPSG:4549，CGCS2000 / 3度高斯-克吕格 中央经线120°E；请选择本县所在分带）。</translation>
    </message>
    <message>
        <location filename="../processing/alg_create_template.py" line="37" />
        <source>Coordinate reference system</source>
        <translation>坐标参考系</translation>
    </message>
    <message>
        <location filename="../processing/alg_create_template.py" line="39" />
        <source>Field alias language</source>
        <translation>字段别名语言</translation>
    </message>
    <message>
        <location filename="../processing/alg_create_template.py" line="39" />
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../processing/alg_create_template.py" line="39" />
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../processing/alg_create_template.py" line="42" />
        <source>Template GeoPackage</source>
        <translation>模板GeoPackage</translation>
    </message>
    <message>
        <location filename="../processing/alg_create_template.py" line="42" />
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../processing/alg_create_template.py" line="44" />
        <source>Template layers</source>
        <translation>模板图层</translation>
    </message>
    <message>
        <location filename="../processing/alg_create_template.py" line="56" />
        <source>The template CRS is geographic; analyses will reproject it. A projected CRS in metres is better.</source>
        <translation>模板坐标系为地理坐标系；分析时将重投影。建议使用以米为单位的投影坐标系。</translation>
    </message>
</context>
<context>
    <name>RiskAtlasAlgorithm</name>
    <message>
        <location filename="../processing/base.py" line="68" />
        <source>Cancelled: no output was written.</source>
        <translation>已取消：未写出任何结果。</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="101" />
        <source>Layer '{0}' has no coordinate reference system: set one in Layer Properties ▸ Source.</source>
        <translation>图层“{0}”没有坐标参考系：请在 图层属性 ▸ 源 中设置。</translation>
    </message>
</context>
<context>
    <name>RiskAtlasPlugin</name>
    <message>
        <location filename="../plugin.py" line="44" />
        <source>&amp;Risk Atlas</source>
        <translation>风险图谱(&amp;R)</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="46" />
        <source>Load sample county</source>
        <translation>加载示例县数据</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="52" />
        <source>Open the Risk Atlas toolbox</source>
        <translation>打开风险图谱工具箱</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="97" />
        <source>Risk Atlas</source>
        <translation>风险图谱</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="55" />
        <source>Missing Python packages — algorithms are disabled. See the message log (Risk Atlas) for install instructions.</source>
        <translation>缺少Python依赖包，算法已停用。安装说明见日志消息面板（Risk Atlas）。</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="97" />
        <source>Sample county loaded: {0} layers</source>
        <translation>已加载示例县：{0}个图层</translation>
    </message>
</context>
<context>
    <name>RiskAtlasProvider</name>
    <message>
        <location filename="../processing/provider.py" line="32" />
        <source>Risk Atlas</source>
        <translation>风险图谱</translation>
    </message>
    <message>
        <location filename="../processing/provider.py" line="35" />
        <source>Risk Atlas {0}</source>
        <translation>风险图谱 {0}</translation>
    </message>
</context>
<context>
    <name>ValidateInputs</name>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="34" />
        <source>Validate input layers</source>
        <translation>检查输入图层</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="37" />
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="40" />
        <source>Checks the input layers against the Risk Atlas schemas (the fields of the data template) and writes a report table and an HTML summary.

Checks: empty layer; missing or geographic CRS (geographic layers are reprojected to a local projected CRS by the analyses: a warning); layers in different CRSs (warning: reprojected to the first layer's CRS); missing required fields; wrong field types (numbers stored as text are a warning when every value parses); empty required values; null, invalid (warning: repaired) or wrongly typed geometries; duplicate ids; negative or implausible values (e.g. quantity above 1,000,000 t); unknown codes (shelter type, station class, road class, direction, hazard category); LEC values outside the LEC tables (warning); GBK-encoded shapefiles without a .cpg file (warning: set the layer's data source encoding to GBK).

Every input is optional: give the layers you have. The algorithm succeeds even when errors are found, unless 'Fail when errors are found' is ticked. Input layers are never modified.</source>
        <translation>按风险图谱数据规范（即数据模板的字段）检查输入图层，输出检查报告表和HTML摘要。

检查项：空图层；坐标系缺失或为地理坐标系（分析时会重投影到本地投影坐标系：警告）；各图层坐标系不一致（警告：重投影到第一个图层的坐标系）；缺少必填字段；字段类型错误（以文本存储的数字若全部可解析则为警告）；必填值为空；几何为空、无效（警告：将自动修复）或类型错误；编号重复；负值或不合理数值（如数量超过1,000,000吨）；未知代码（避难场所类型、消防站类别、道路等级、通行方向、危险性类别）；不在LEC取值表中的L/E/C值（警告）；缺少.cpg文件的GBK编码Shapefile（警告：请将图层数据源编码设为GBK）。

所有输入均为可选：提供已有图层即可。即使发现错误，算法仍成功完成，除非勾选“发现错误时终止”。输入图层不会被修改。</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="56" />
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="57" />
        <source>Hazard sources (one record per unit and substance)</source>
        <translation>危险源（每个单元每种物质一条记录）</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="58" />
        <source>Emergency shelters</source>
        <translation>应急避难场所</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="59" />
        <source>Emergency shelters, second layer (e.g. points beside polygons)</source>
        <translation>应急避难场所（第二图层，如面图层之外的点图层）</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="60" />
        <source>Fire stations</source>
        <translation>消防站</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="61" />
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="62" />
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="63" />
        <source>Townships</source>
        <translation>镇街</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="68" />
        <source>Fail when errors are found</source>
        <translation>发现错误时终止</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="70" />
        <source>Validation report</source>
        <translation>检查报告</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="72" />
        <source>Validation summary (HTML)</source>
        <translation>检查摘要（HTML）</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="72" />
        <source>HTML files (*.html)</source>
        <translation>HTML文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="74" />
        <source>Number of errors</source>
        <translation>错误数</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="75" />
        <source>Number of warnings</source>
        <translation>警告数</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="89" />
        <source>Give at least one input layer to validate.</source>
        <translation>请至少提供一个待检查的图层。</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="96" />
        <source>Checking {0} as {1}</source>
        <translation>正在按“{1}”检查{0}</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="110" />
        <source>the shapefile's text is GBK-encoded but it has no .cpg file: Chinese text shows garbled. Set Layer Properties ▸ Source ▸ Data source encoding to GBK, or add a .cpg file containing GBK</source>
        <translation>该Shapefile文字为GBK编码但缺少.cpg文件，中文会显示为乱码。请在 图层属性 ▸ 源 ▸ 数据源编码 中设为GBK，或添加内容为GBK的.cpg文件</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="128" />
        <source>Risk Atlas — input validation</source>
        <translation>风险图谱——输入数据检查</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="128" />
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="128" />
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="133" />
        <source>{0} errors, {1} warnings</source>
        <translation>{0}个错误，{1}个警告</translation>
    </message>
    <message>
        <location filename="../processing/alg_validate_inputs.py" line="135" />
        <source>{0} errors found in the input layers; see the report</source>
        <translation>输入图层中发现{0}个错误，详见检查报告</translation>
    </message>
</context>
</TS>