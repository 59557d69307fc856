<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0-Białowieża" styleCategories="Symbology|Fields" labelsEnabled="0">
 <renderer-v2 type="graduatedSymbol" attr="residents" graduatedMethod="GraduatedColor" enableorderby="0" forceraster="0" symbollevels="0">
  <ranges>
   <range lower="0.000000" upper="50.000000" label="0 – 50" symbol="0" render="true"/>
   <range lower="50.000000" upper="200.000000" label="50 – 200" symbol="1" render="true"/>
   <range lower="200.000000" upper="800.000000" label="200 – 800" symbol="2" render="true"/>
   <range lower="800.000000" upper="3000.000000" label="800 – 3000" symbol="3" render="true"/>
   <range lower="3000.000000" upper="1000000000.000000" label="≥ 3000" symbol="4" render="true"/>
  </ranges>
  <symbols>
   <symbol type="fill" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleFill" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="color" value="247,247,247,255"/>
      <Option type="QString" name="outline_style" value="no"/>
      <Option type="QString" name="style" value="solid"/>
     </Option>
    </layer>
   </symbol>
   <symbol type="fill" name="1" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleFill" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="color" value="217,217,217,255"/>
      <Option type="QString" name="outline_style" value="no"/>
      <Option type="QString" name="style" value="solid"/>
     </Option>
    </layer>
   </symbol>
   <symbol type="fill" name="2" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleFill" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="color" value="189,189,189,255"/>
      <Option type="QString" name="outline_style" value="no"/>
      <Option type="QString" name="style" value="solid"/>
     </Option>
    </layer>
   </symbol>
   <symbol type="fill" name="3" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleFill" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="color" value="150,150,150,255"/>
      <Option type="QString" name="outline_style" value="no"/>
      <Option type="QString" name="style" value="solid"/>
     </Option>
    </layer>
   </symbol>
   <symbol type="fill" name="4" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleFill" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="color" value="99,99,99,255"/>
      <Option type="QString" name="outline_style" value="no"/>
      <Option type="QString" name="style" value="solid"/>
     </Option>
    </layer>
   </symbol>
  </symbols>
 </renderer-v2>
 <aliases>
  <alias field="pop_id" name="Population unit id"/>
  <alias field="residents" name="Residents"/>
  <alias field="urban" name="Urban"/>
  <alias field="township" name="Township"/>
 </aliases>
</qgis>
