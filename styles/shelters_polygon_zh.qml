<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0-Białowieża" styleCategories="Symbology|Fields|Forms" labelsEnabled="0">
 <renderer-v2 type="singleSymbol" enableorderby="0" forceraster="0" symbollevels="0">
  <symbols>
   <symbol type="fill" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleFill" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="color" value="0,160,80,144"/>
      <Option type="QString" name="outline_color" value="0,96,48,255"/>
      <Option type="QString" name="outline_style" value="solid"/>
      <Option type="QString" name="outline_width" value="0.4"/>
      <Option type="QString" name="outline_width_unit" value="MM"/>
      <Option type="QString" name="style" value="solid"/>
     </Option>
    </layer>
   </symbol>
  </symbols>
 </renderer-v2>
 <fieldConfiguration>
  <field configurationFlags="None" name="type">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" value="emergency" name="紧急避难场所"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="fixed_short" name="短期固定避难场所"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="fixed_medium" name="中期固定避难场所"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="fixed_long" name="长期固定避难场所"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="central" name="中心避难场所"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
 </fieldConfiguration>
 <aliases>
  <alias field="shelter_id" name="避难场所编号"/>
  <alias field="name" name="名称"/>
  <alias field="name_en" name="英文/拼音名称"/>
  <alias field="type" name="类型"/>
  <alias field="area_m2" name="有效避难面积(m²)"/>
  <alias field="capacity" name="容纳人数"/>
  <alias field="township" name="所属镇街"/>
 </aliases>
</qgis>
