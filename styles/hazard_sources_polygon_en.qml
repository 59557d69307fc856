<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0-Białowieża" styleCategories="Symbology|Fields" labelsEnabled="0">
 <renderer-v2 type="singleSymbol" enableorderby="0" forceraster="0" symbollevels="0">
  <symbols>
   <symbol type="fill" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleFill" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="color" value="192,0,0,128"/>
      <Option type="QString" name="outline_color" value="128,0,0,255"/>
      <Option type="QString" name="outline_style" value="solid"/>
      <Option type="QString" name="outline_width" value="0.4"/>
      <Option type="QString" name="outline_width_unit" value="MM"/>
      <Option type="QString" name="style" value="solid"/>
     </Option>
    </layer>
   </symbol>
  </symbols>
 </renderer-v2>
 <aliases>
  <alias field="unit_id" name="Unit id"/>
  <alias field="unit_name" name="Unit name"/>
  <alias field="ent_id" name="Enterprise id"/>
  <alias field="substance" name="Substance name or CAS"/>
  <alias field="quantity_t" name="Design maximum quantity (t)"/>
  <alias field="hazard_cat" name="Hazard category (GB 18218 Table 2)"/>
  <alias field="exposed" name="People within 500 m outside the boundary"/>
 </aliases>
</qgis>
