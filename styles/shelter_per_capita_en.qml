<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0-Białowieża" styleCategories="Symbology" labelsEnabled="0">
 <renderer-v2 type="RuleRenderer" enableorderby="0" forceraster="0" symbollevels="0">
  <rules>
   <rule label="no residents" filter='"m2_per_capita" IS NULL' symbol="0"/>
   <rule label="no shelter in reach" filter='"no_shelter" AND "m2_per_capita" IS NOT NULL' symbol="1"/>
   <rule label="below half the target (&lt; 0.75 m²/person)" filter='NOT coalesce("no_shelter", false) AND "m2_per_capita" &lt; 0.75' symbol="2"/>
   <rule label="below the target (0.75–1.5 m²/person)" filter='NOT coalesce("no_shelter", false) AND "m2_per_capita" &gt;= 0.75 AND "m2_per_capita" &lt; 1.5' symbol="3"/>
   <rule label="meets the target (1.5–3 m²/person)" filter='NOT coalesce("no_shelter", false) AND "m2_per_capita" &gt;= 1.5 AND "m2_per_capita" &lt; 3.0' symbol="4"/>
   <rule label="twice the target or more (≥ 3 m²/person)" filter='NOT coalesce("no_shelter", false) AND "m2_per_capita" &gt;= 3.0' symbol="5"/>
  </rules>
  <symbols>
   <symbol type="fill" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleFill" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="color" value="238,238,238,255"/>
      <Option type="QString" name="outline_style" value="no"/>
      <Option type="QString" name="style" value="solid"/>
     </Option>
    </layer>
   </symbol>
   <symbol type="fill" name="1" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleFill" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="color" value="103,0,13,255"/>
      <Option type="QString" name="outline_style" value="no"/>
      <Option type="QString" name="style" value="solid"/>
     </Option>
    </layer>
   </symbol>
   <symbol type="fill" name="2" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleFill" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="color" value="215,25,28,255"/>
      <Option type="QString" name="outline_style" value="no"/>
      <Option type="QString" name="style" value="solid"/>
     </Option>
    </layer>
   </symbol>
   <symbol type="fill" name="3" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleFill" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="color" value="253,174,97,255"/>
      <Option type="QString" name="outline_style" value="no"/>
      <Option type="QString" name="style" value="solid"/>
     </Option>
    </layer>
   </symbol>
   <symbol type="fill" name="4" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleFill" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="color" value="166,217,106,255"/>
      <Option type="QString" name="outline_style" value="no"/>
      <Option type="QString" name="style" value="solid"/>
     </Option>
    </layer>
   </symbol>
   <symbol type="fill" name="5" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleFill" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="color" value="26,150,65,255"/>
      <Option type="QString" name="outline_style" value="no"/>
      <Option type="QString" name="style" value="solid"/>
     </Option>
    </layer>
   </symbol>
  </symbols>
 </renderer-v2>
</qgis>
