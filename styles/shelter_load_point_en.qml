<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0-Białowieża" styleCategories="Symbology" labelsEnabled="0">
 <renderer-v2 type="categorizedSymbol" attr="overloaded" enableorderby="0" forceraster="0" symbollevels="0">
  <categories>
   <category value="true" label="overloaded" symbol="0" render="true"/>
   <category value="false" label="not overloaded" symbol="1" render="true"/>
  </categories>
  <symbols>
   <symbol type="marker" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="color" value="178,24,43,255"/>
      <Option type="QString" name="name" value="triangle"/>
      <Option type="QString" name="outline_color" value="255,255,255,255"/>
      <Option type="QString" name="outline_style" value="solid"/>
      <Option type="QString" name="outline_width" value="0.5"/>
      <Option type="QString" name="outline_width_unit" value="MM"/>
      <Option type="QString" name="size" value="3.6"/>
      <Option type="QString" name="size_unit" value="MM"/>
     </Option>
    </layer>
   </symbol>
   <symbol type="marker" name="1" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="color" value="26,150,65,255"/>
      <Option type="QString" name="name" value="square"/>
      <Option type="QString" name="outline_color" value="255,255,255,255"/>
      <Option type="QString" name="outline_style" value="solid"/>
      <Option type="QString" name="outline_width" value="0.5"/>
      <Option type="QString" name="outline_width_unit" value="MM"/>
      <Option type="QString" name="size" value="3.6"/>
      <Option type="QString" name="size_unit" value="MM"/>
     </Option>
    </layer>
   </symbol>
  </symbols>
 </renderer-v2>
</qgis>
