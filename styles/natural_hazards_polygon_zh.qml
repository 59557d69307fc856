<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0-Białowieża" styleCategories="Symbology|Fields|Forms" labelsEnabled="0">
 <renderer-v2 type="categorizedSymbol" attr="danger_level" enableorderby="0" forceraster="0" symbollevels="0">
  <categories>
   <category value="extra_large" label="特大型" symbol="0" render="true"/>
   <category value="large" label="大型" symbol="1" render="true"/>
   <category value="medium" label="中型" symbol="2" render="true"/>
   <category value="small" label="小型" symbol="3" render="true"/>
   <category value="" label="险情等级未填" symbol="4" render="true"/>
  </categories>
  <symbols>
   <symbol type="fill" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleFill" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="color" value="255,0,0,144"/>
      <Option type="QString" name="outline_color" value="90,58,0,255"/>
      <Option type="QString" name="outline_style" value="solid"/>
      <Option type="QString" name="outline_width" value="0.4"/>
      <Option type="QString" name="outline_width_unit" value="MM"/>
      <Option type="QString" name="style" value="solid"/>
     </Option>
    </layer>
   </symbol>
   <symbol type="fill" name="1" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleFill" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="color" value="255,153,0,144"/>
      <Option type="QString" name="outline_color" value="90,58,0,255"/>
      <Option type="QString" name="outline_style" value="solid"/>
      <Option type="QString" name="outline_width" value="0.4"/>
      <Option type="QString" name="outline_width_unit" value="MM"/>
      <Option type="QString" name="style" value="solid"/>
     </Option>
    </layer>
   </symbol>
   <symbol type="fill" name="2" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleFill" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="color" value="255,255,0,144"/>
      <Option type="QString" name="outline_color" value="90,58,0,255"/>
      <Option type="QString" name="outline_style" value="solid"/>
      <Option type="QString" name="outline_width" value="0.4"/>
      <Option type="QString" name="outline_width_unit" value="MM"/>
      <Option type="QString" name="style" value="solid"/>
     </Option>
    </layer>
   </symbol>
   <symbol type="fill" name="3" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleFill" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="color" value="0,112,192,144"/>
      <Option type="QString" name="outline_color" value="90,58,0,255"/>
      <Option type="QString" name="outline_style" value="solid"/>
      <Option type="QString" name="outline_width" value="0.4"/>
      <Option type="QString" name="outline_width_unit" value="MM"/>
      <Option type="QString" name="style" value="solid"/>
     </Option>
    </layer>
   </symbol>
   <symbol type="fill" name="4" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleFill" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="color" value="158,158,158,128"/>
      <Option type="QString" name="outline_color" value="90,58,0,255"/>
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
        <Option type="QString" value="collapse" name="崩塌"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="landslide" name="滑坡"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="debris_flow" name="泥石流"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="ground_collapse" name="地面塌陷"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="ground_fissure" name="地裂缝"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="land_subsidence" name="地面沉降"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="unstable_slope" name="不稳定斜坡"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="flash_flood" name="山洪"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="waterlogging" name="内涝积水点"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="other" name="其他"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="danger_level">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" value="extra_large" name="特大型"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="large" name="大型"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="medium" name="中型"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="small" name="小型"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="scale_level">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" value="extra_large" name="特大型"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="large" name="大型"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="medium" name="中型"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="small" name="小型"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="risk_grade">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" value="very_high" name="极高"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="high" name="高"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="moderate" name="中"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="low" name="低"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
 </fieldConfiguration>
 <aliases>
  <alias field="hazard_id" name="隐患点编号"/>
  <alias field="name" name="名称"/>
  <alias field="type" name="灾害类型"/>
  <alias field="township" name="所属镇街"/>
  <alias field="households" name="威胁户数"/>
  <alias field="threatened" name="威胁人数"/>
  <alias field="property_10k" name="威胁财产(万元)"/>
  <alias field="danger_level" name="险情等级"/>
  <alias field="scale_level" name="规模等级"/>
  <alias field="risk_grade" name="风险等级"/>
 </aliases>
</qgis>
