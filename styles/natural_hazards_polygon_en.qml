<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0-Białowieża" styleCategories="Symbology|Fields|Forms" labelsEnabled="0">
 <renderer-v2 type="categorizedSymbol" attr="danger_level" enableorderby="0" forceraster="0" symbollevels="0">
  <categories>
   <category value="extra_large" label="Extra-large" symbol="0" render="true"/>
   <category value="large" label="Large" symbol="1" render="true"/>
   <category value="medium" label="Medium" symbol="2" render="true"/>
   <category value="small" label="Small" symbol="3" render="true"/>
   <category value="" label="No danger grade" symbol="4" render="true"/>
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
        <Option type="QString" value="collapse" name="Rockfall / collapse"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="landslide" name="Landslide"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="debris_flow" name="Debris flow"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="ground_collapse" name="Ground collapse"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="ground_fissure" name="Ground fissure"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="land_subsidence" name="Land subsidence"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="unstable_slope" name="Unstable slope"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="flash_flood" name="Flash flood"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="waterlogging" name="Waterlogging point"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="other" name="Other"/>
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
        <Option type="QString" value="extra_large" name="Extra-large"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="large" name="Large"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="medium" name="Medium"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="small" name="Small"/>
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
        <Option type="QString" value="extra_large" name="Extra-large"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="large" name="Large"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="medium" name="Medium"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="small" name="Small"/>
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
        <Option type="QString" value="very_high" name="Very high"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="high" name="High"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="moderate" name="Moderate"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="low" name="Low"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
 </fieldConfiguration>
 <aliases>
  <alias field="hazard_id" name="Site id"/>
  <alias field="name" name="Name"/>
  <alias field="type" name="Hazard type"/>
  <alias field="township" name="Township"/>
  <alias field="households" name="Households threatened"/>
  <alias field="threatened" name="People threatened"/>
  <alias field="property_10k" name="Property threatened (10,000 yuan)"/>
  <alias field="danger_level" name="Danger grade"/>
  <alias field="scale_level" name="Size grade"/>
  <alias field="risk_grade" name="Risk grade (zones)"/>
 </aliases>
</qgis>
