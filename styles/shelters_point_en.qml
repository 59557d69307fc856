<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0-Białowieża" styleCategories="Symbology|Fields|Forms" labelsEnabled="0">
 <renderer-v2 type="singleSymbol" enableorderby="0" forceraster="0" symbollevels="0">
  <symbols>
   <symbol type="marker" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="color" value="0,160,80,255"/>
      <Option type="QString" name="name" value="square"/>
      <Option type="QString" name="outline_color" value="255,255,255,255"/>
      <Option type="QString" name="outline_style" value="solid"/>
      <Option type="QString" name="size" value="3.2"/>
      <Option type="QString" name="size_unit" value="MM"/>
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
        <Option type="QString" value="emergency" name="Emergency shelter"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="fixed_short" name="Fixed shelter, short term"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="fixed_medium" name="Fixed shelter, medium term"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="fixed_long" name="Fixed shelter, long term"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="central" name="Central shelter"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
 </fieldConfiguration>
 <aliases>
  <alias field="shelter_id" name="Shelter id"/>
  <alias field="name" name="Name"/>
  <alias field="name_en" name="English or pinyin name"/>
  <alias field="type" name="Type"/>
  <alias field="area_m2" name="Effective area (m²)"/>
  <alias field="capacity" name="Capacity (people)"/>
  <alias field="township" name="Township"/>
 </aliases>
</qgis>
