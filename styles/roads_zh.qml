<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0-Białowieża" styleCategories="Symbology|Fields|Forms" labelsEnabled="0">
 <renderer-v2 type="categorizedSymbol" attr="class" enableorderby="0" forceraster="0" symbollevels="0">
  <categories>
   <category value="expressway" label="高速" symbol="0" render="true"/>
   <category value="trunk" label="干线" symbol="1" render="true"/>
   <category value="primary" label="主干" symbol="2" render="true"/>
   <category value="secondary" label="次干" symbol="3" render="true"/>
   <category value="tertiary" label="支路" symbol="4" render="true"/>
   <category value="local" label="地方道路" symbol="5" render="true"/>
  </categories>
  <symbols>
   <symbol type="line" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleLine" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="line_color" value="224,112,0,255"/>
      <Option type="QString" name="line_style" value="solid"/>
      <Option type="QString" name="line_width" value="1.2"/>
      <Option type="QString" name="line_width_unit" value="MM"/>
     </Option>
    </layer>
   </symbol>
   <symbol type="line" name="1" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleLine" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="line_color" value="224,160,0,255"/>
      <Option type="QString" name="line_style" value="solid"/>
      <Option type="QString" name="line_width" value="0.9"/>
      <Option type="QString" name="line_width_unit" value="MM"/>
     </Option>
    </layer>
   </symbol>
   <symbol type="line" name="2" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleLine" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="line_color" value="208,176,96,255"/>
      <Option type="QString" name="line_style" value="solid"/>
      <Option type="QString" name="line_width" value="0.7"/>
      <Option type="QString" name="line_width_unit" value="MM"/>
     </Option>
    </layer>
   </symbol>
   <symbol type="line" name="3" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleLine" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="line_color" value="176,176,176,255"/>
      <Option type="QString" name="line_style" value="solid"/>
      <Option type="QString" name="line_width" value="0.5"/>
      <Option type="QString" name="line_width_unit" value="MM"/>
     </Option>
    </layer>
   </symbol>
   <symbol type="line" name="4" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleLine" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="line_color" value="200,200,200,255"/>
      <Option type="QString" name="line_style" value="solid"/>
      <Option type="QString" name="line_width" value="0.35"/>
      <Option type="QString" name="line_width_unit" value="MM"/>
     </Option>
    </layer>
   </symbol>
   <symbol type="line" name="5" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleLine" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="line_color" value="221,221,221,255"/>
      <Option type="QString" name="line_style" value="solid"/>
      <Option type="QString" name="line_width" value="0.2"/>
      <Option type="QString" name="line_width_unit" value="MM"/>
     </Option>
    </layer>
   </symbol>
  </symbols>
 </renderer-v2>
 <fieldConfiguration>
  <field configurationFlags="None" name="class">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" value="expressway" name="高速"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="trunk" name="干线"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="primary" name="主干"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="secondary" name="次干"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="tertiary" name="支路"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="local" name="地方道路"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field configurationFlags="None" name="oneway">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" value="both" name="双向"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="forward" name="单行(正向)"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="backward" name="单行(逆向)"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
 </fieldConfiguration>
 <aliases>
  <alias field="road_id" name="道路编号"/>
  <alias field="name" name="道路名称"/>
  <alias field="class" name="道路等级"/>
  <alias field="speed_kmh" name="车速(km/h)"/>
  <alias field="maxspeed" name="限速"/>
  <alias field="oneway" name="通行方向"/>
 </aliases>
</qgis>
