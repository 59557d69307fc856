<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0-Białowieża" styleCategories="Symbology|Fields|Forms" labelsEnabled="0">
 <renderer-v2 type="singleSymbol" enableorderby="0" forceraster="0" symbollevels="0">
  <symbols>
   <symbol type="fill" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleFill" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="color" value="21,101,192,112"/>
      <Option type="QString" name="outline_color" value="21,101,192,255"/>
      <Option type="QString" name="outline_style" value="solid"/>
      <Option type="QString" name="outline_width" value="0.3"/>
      <Option type="QString" name="outline_width_unit" value="MM"/>
      <Option type="QString" name="style" value="solid"/>
     </Option>
    </layer>
   </symbol>
  </symbols>
 </renderer-v2>
 <fieldConfiguration>
  <field configurationFlags="None" name="category">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" value="school" name="School"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="kindergarten" name="Nursery or kindergarten"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="hospital" name="Hospital or health centre"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="care_home" name="Care home or welfare home"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="culture" name="Library, museum or other public cultural venue"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="hotel" name="Hotel"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="market" name="Shopping centre or market"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="transport" name="Passenger station, pier or airport"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="stadium" name="Stadium or hall"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="entertainment" name="Public entertainment venue"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="tourism" name="Tourist site"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="religious" name="Religious venue"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="workshop" name="Labour-intensive workshop or dormitory"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="other" name="Other"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
 </fieldConfiguration>
 <aliases>
  <alias field="target_id" name="Target id"/>
  <alias field="name" name="Name"/>
  <alias field="name_en" name="English or pinyin name"/>
  <alias field="category" name="Category"/>
  <alias field="occupancy" name="Occupancy (people)"/>
  <alias field="township" name="Township"/>
 </aliases>
</qgis>
