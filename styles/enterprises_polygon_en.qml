<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0-Białowieża" styleCategories="Symbology|Fields|Forms" labelsEnabled="0">
 <renderer-v2 type="singleSymbol" enableorderby="0" forceraster="0" symbollevels="0">
  <symbols>
   <symbol type="fill" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleFill" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="color" value="127,127,127,255"/>
      <Option type="QString" name="outline_color" value="64,64,64,255"/>
      <Option type="QString" name="outline_style" value="solid"/>
      <Option type="QString" name="outline_width" value="0.1"/>
      <Option type="QString" name="outline_width_unit" value="MM"/>
      <Option type="QString" name="style" value="solid"/>
     </Option>
    </layer>
   </symbol>
  </symbols>
 </renderer-v2>
 <fieldConfiguration>
  <field configurationFlags="None" name="std_grade">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" value="grade1" name="Grade 1"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="grade2" name="Grade 2"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="grade3" name="Grade 3"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="none" name="None"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
 </fieldConfiguration>
 <aliases>
  <alias field="ent_id" name="Enterprise id"/>
  <alias field="name" name="Name"/>
  <alias field="name_en" name="English or pinyin name"/>
  <alias field="industry" name="Industry"/>
  <alias field="township" name="Township"/>
  <alias field="employees" name="Employees"/>
  <alias field="hazchem" name="Stores or uses hazardous chemicals"/>
  <alias field="std_grade" name="Safety standardisation grade"/>
  <alias field="lec_l" name="LEC likelihood L"/>
  <alias field="lec_e" name="LEC exposure E"/>
  <alias field="lec_c" name="LEC consequence C"/>
  <alias field="likelihood" name="Matrix likelihood (1-5)"/>
  <alias field="severity" name="Matrix severity (1-5)"/>
 </aliases>
</qgis>
