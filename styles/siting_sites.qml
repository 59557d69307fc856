<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0-Białowieża" styleCategories="Symbology|Labeling" labelsEnabled="1">
 <renderer-v2 type="singleSymbol" enableorderby="0" forceraster="0" symbollevels="0">
  <symbols>
   <symbol type="marker" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="color" value="192,0,0,0"/>
      <Option type="QString" name="name" value="star"/>
      <Option type="QString" name="outline_color" value="192,0,0,255"/>
      <Option type="QString" name="outline_style" value="solid"/>
      <Option type="QString" name="outline_width" value="0.8"/>
      <Option type="QString" name="outline_width_unit" value="MM"/>
      <Option type="QString" name="size" value="7"/>
      <Option type="QString" name="size_unit" value="MM"/>
     </Option>
    </layer>
   </symbol>
  </symbols>
 </renderer-v2>
 <labeling type="simple">
  <settings calloutType="simple">
   <text-style allowHtml="0" blendMode="0" capitalization="0" fieldName='"rank"' fontFamily="WenQuanYi Zen Hei" fontItalic="0" fontKerning="1" fontLetterSpacing="0" fontSize="12" fontSizeUnit="Point" fontStrikeout="0" fontUnderline="0" fontWeight="50" fontWordSpacing="0" isExpression="1" multilineHeight="1" namedStyle="" textColor="128,0,0,255" textOpacity="1" textOrientation="horizontal" useSubstitutions="0">
    <families>
     <family name="WenQuanYi Zen Hei"/>
     <family name="文泉驿正黑"/>
     <family name="文泉驛正黑"/>
     <family name="Microsoft YaHei"/>
     <family name="微软雅黑"/>
     <family name="Microsoft YaHei UI"/>
     <family name="SimHei"/>
     <family name="黑体"/>
     <family name="PingFang SC"/>
     <family name="苹方-简"/>
     <family name="苹方"/>
     <family name="蘋方-簡"/>
     <family name="Heiti SC"/>
     <family name="黑体-简"/>
     <family name="黑體-簡"/>
     <family name="STHeiti"/>
     <family name="华文黑体"/>
     <family name="華文黑體"/>
     <family name="SimSun"/>
     <family name="宋体"/>
     <family name="新宋体"/>
     <family name="NSimSun"/>
     <family name="WenQuanYi Micro Hei"/>
     <family name="文泉驿微米黑"/>
     <family name="文泉驛微米黑"/>
     <family name="Source Han Sans SC"/>
     <family name="思源黑体"/>
     <family name="Source Han Sans CN"/>
     <family name="Source Han Sans"/>
     <family name="Noto Sans CJK SC"/>
     <family name="Noto Sans SC"/>
    </families>
    <text-buffer bufferBlendMode="0" bufferColor="255,255,255,255" bufferDraw="1" bufferJoinStyle="128" bufferNoFill="1" bufferOpacity="1" bufferSize="0.8" bufferSizeUnits="MM"/>
    <text-mask maskEnabled="0" maskJoinStyle="128" maskOpacity="1" maskSize="1.5" maskSizeUnits="MM" maskType="0" maskedSymbolLayers=""/>
    <background shapeBlendMode="0" shapeBorderColor="128,128,128,255" shapeBorderWidth="0" shapeBorderWidthUnit="MM" shapeDraw="0" shapeFillColor="255,255,255,255" shapeJoinStyle="64" shapeOffsetUnit="MM" shapeOffsetX="0" shapeOffsetY="0" shapeOpacity="1" shapeRadiiUnit="MM" shapeRadiiX="0" shapeRadiiY="0" shapeRotation="0" shapeRotationType="0" shapeSVGFile="" shapeSizeType="0" shapeSizeUnit="MM" shapeSizeX="0" shapeSizeY="0" shapeType="0">
     <symbol type="fill" name="fillSymbol" alpha="1" clip_to_extent="1" force_rhr="0">
      <layer class="SimpleFill" enabled="1" locked="0" pass="0">
       <Option type="Map">
        <Option type="QString" name="color" value="255,255,255,255"/>
        <Option type="QString" name="outline_color" value="128,128,128,255"/>
        <Option type="QString" name="outline_style" value="no"/>
        <Option type="QString" name="outline_width" value="0"/>
        <Option type="QString" name="outline_width_unit" value="MM"/>
        <Option type="QString" name="style" value="solid"/>
       </Option>
      </layer>
     </symbol>
    </background>
    <shadow shadowBlendMode="6" shadowColor="0,0,0,255" shadowDraw="0" shadowOffsetAngle="135" shadowOffsetDist="1" shadowOffsetGlobal="1" shadowOffsetUnit="MM" shadowOpacity="0.7" shadowRadius="1.5" shadowRadiusAlphaOnly="0" shadowRadiusUnit="MM" shadowScale="100" shadowUnder="0"/>
   </text-style>
   <text-format addDirectionSymbol="0" autoWrapLength="0" decimals="3" formatNumbers="0" leftDirectionSymbol="&lt;" multilineAlign="3" placeDirectionSymbol="0" plussign="0" reverseDirectionSymbol="0" rightDirectionSymbol="&gt;" useMaxLineLengthForAutoWrap="1" wrapChar=""/>
   <placement centroidInside="0" centroidWhole="0" distUnits="MM" fitInPolygonOnly="0" geometryGenerator="" geometryGeneratorEnabled="0" geometryGeneratorType="PointGeometry" layerType="UnknownGeometry" lineAnchorClipping="0" lineAnchorPercent="0.5" lineAnchorType="0" maxCurvedCharAngleIn="25" maxCurvedCharAngleOut="-25" offsetType="0" offsetUnits="MM" overrunDistance="0" overrunDistanceUnit="MM" placementFlags="10" polygonPlacementFlags="2" predefinedPositionOrder="TR,TL,BR,BL,R,L,TSR,BSR" preserveRotation="1" quadOffset="4" repeatDistance="0" repeatDistanceUnits="MM" rotationAngle="0" rotationUnit="AngleDegrees" xOffset="0" yOffset="0" placement="6" dist="1" priority="10"/>
   <rendering displayAll="0" drawLabels="1" fontLimitPixelSize="0" fontMaxPixelSize="10000" fontMinPixelSize="0" labelPerPart="0" limitNumLabels="0" maxNumLabels="2000" mergeLines="0" minFeatureSize="0" obstacle="1" obstacleFactor="1" obstacleType="1" scaleMax="0" scaleMin="0" scaleVisibility="0" unplacedVisibility="0" upsidedownLabels="0" zIndex="0"/>
  </settings>
 </labeling>
</qgis>
