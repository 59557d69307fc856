<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0-Białowieża" styleCategories="Symbology|Fields" labelsEnabled="0">
 <renderer-v2 type="singleSymbol" enableorderby="0" forceraster="0" symbollevels="0">
  <symbols>
   <symbol type="marker" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="color" value="192,0,0,255"/>
      <Option type="QString" name="name" value="triangle"/>
      <Option type="QString" name="outline_color" value="0,0,0,255"/>
      <Option type="QString" name="outline_style" value="solid"/>
      <Option type="QString" name="size" value="3"/>
      <Option type="QString" name="size_unit" value="MM"/>
     </Option>
    </layer>
   </symbol>
  </symbols>
 </renderer-v2>
 <aliases>
  <alias field="unit_id" name="单元编号"/>
  <alias field="unit_name" name="单元名称"/>
  <alias field="ent_id" name="企业编号"/>
  <alias field="substance" name="危险化学品名称或CAS号"/>
  <alias field="quantity_t" name="设计最大量(t)"/>
  <alias field="hazard_cat" name="危险性类别"/>
  <alias field="exposed" name="500m内暴露人数"/>
 </aliases>
</qgis>
