<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0-Białowieża" styleCategories="Symbology" labelsEnabled="0">
 <renderer-v2 type="RuleRenderer" enableorderby="0" forceraster="0" symbollevels="0">
  <rules>
   <rule label="Still out of reach (a candidate could reach)" filter='"coverable"' symbol="0"/>
   <rule label="No candidate reaches" filter='NOT "coverable"' symbol="1"/>
  </rules>
  <symbols>
   <symbol type="fill" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleFill" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="color" value="227,74,51,89"/>
      <Option type="QString" name="outline_style" value="no"/>
      <Option type="QString" name="style" value="solid"/>
     </Option>
    </layer>
   </symbol>
   <symbol type="fill" name="1" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleFill" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="color" value="120,0,0,153"/>
      <Option type="QString" name="outline_style" value="no"/>
      <Option type="QString" name="style" value="solid"/>
     </Option>
    </layer>
   </symbol>
  </symbols>
 </renderer-v2>
</qgis>
