<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0-Białowieża" styleCategories="Symbology|Fields|Forms" labelsEnabled="0">
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
 <fieldConfiguration>
  <field configurationFlags="None" name="hazard_cat">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" value="J1" name="J1"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="J2" name="J2"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="J3" name="J3"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="J4" name="J4"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="J5" name="J5"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="W1.1" name="W1.1"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="W1.2" name="W1.2"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="W1.3" name="W1.3"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="W2" name="W2"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="W3" name="W3"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="W4" name="W4"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="W5.1" name="W5.1"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="W5.2" name="W5.2"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="W5.3" name="W5.3"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="W5.4" name="W5.4"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="W6.1" name="W6.1"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="W6.2" name="W6.2"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="W7.1" name="W7.1"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="W7.2" name="W7.2"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="W8" name="W8"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="W9.1" name="W9.1"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="W9.2" name="W9.2"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="W10" name="W10"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="W11" name="W11"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
 </fieldConfiguration>
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
