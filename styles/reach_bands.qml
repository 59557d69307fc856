<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0-Białowieża" styleCategories="Symbology" labelsEnabled="0">
 <renderer-v2 type="graduatedSymbol" attr="band_to_min" graduatedMethod="GraduatedColor" enableorderby="0" forceraster="0" symbollevels="0">
  <ranges>
   <range lower="0.000000" upper="1.000000" label="0–1 min" symbol="0" render="true"/>
   <range lower="1.000000" upper="2.000000" label="1–2 min" symbol="1" render="true"/>
   <range lower="2.000000" upper="3.000000" label="2–3 min" symbol="2" render="true"/>
   <range lower="3.000000" upper="4.000000" label="3–4 min" symbol="3" render="true"/>
   <range lower="4.000000" upper="5.000000" label="4–5 min" symbol="4" render="true"/>
  </ranges>
  <symbols>
   <symbol type="line" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleLine" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="line_color" value="26,152,80,255"/>
      <Option type="QString" name="line_style" value="solid"/>
      <Option type="QString" name="line_width" value="0.8"/>
      <Option type="QString" name="line_width_unit" value="MM"/>
     </Option>
    </layer>
   </symbol>
   <symbol type="line" name="1" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleLine" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="line_color" value="145,207,96,255"/>
      <Option type="QString" name="line_style" value="solid"/>
      <Option type="QString" name="line_width" value="0.8"/>
      <Option type="QString" name="line_width_unit" value="MM"/>
     </Option>
    </layer>
   </symbol>
   <symbol type="line" name="2" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleLine" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="line_color" value="217,239,139,255"/>
      <Option type="QString" name="line_style" value="solid"/>
      <Option type="QString" name="line_width" value="0.8"/>
      <Option type="QString" name="line_width_unit" value="MM"/>
     </Option>
    </layer>
   </symbol>
   <symbol type="line" name="3" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleLine" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="line_color" value="254,224,139,255"/>
      <Option type="QString" name="line_style" value="solid"/>
      <Option type="QString" name="line_width" value="0.8"/>
      <Option type="QString" name="line_width_unit" value="MM"/>
     </Option>
    </layer>
   </symbol>
   <symbol type="line" name="4" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleLine" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="line_color" value="252,141,89,255"/>
      <Option type="QString" name="line_style" value="solid"/>
      <Option type="QString" name="line_width" value="0.8"/>
      <Option type="QString" name="line_width_unit" value="MM"/>
     </Option>
    </layer>
   </symbol>
  </symbols>
 </renderer-v2>
</qgis>
