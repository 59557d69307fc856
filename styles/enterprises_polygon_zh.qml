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
        <Option type="QString" value="grade1" name="一级"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="grade2" name="二级"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="grade3" name="三级"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="none" name="无"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
 </fieldConfiguration>
 <aliases>
  <alias field="ent_id" name="企业编号"/>
  <alias field="name" name="名称"/>
  <alias field="name_en" name="英文/拼音名称"/>
  <alias field="industry" name="行业"/>
  <alias field="township" name="所属镇街"/>
  <alias field="employees" name="从业人数"/>
  <alias field="hazchem" name="涉及危险化学品"/>
  <alias field="std_grade" name="安全生产标准化等级"/>
  <alias field="lec_l" name="事故发生的可能性L"/>
  <alias field="lec_e" name="暴露于危险环境的频繁程度E"/>
  <alias field="lec_c" name="发生事故产生的后果C"/>
  <alias field="likelihood" name="可能性等级"/>
  <alias field="severity" name="严重性等级"/>
 </aliases>
</qgis>
