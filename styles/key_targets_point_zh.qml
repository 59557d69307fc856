<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0-Białowieża" styleCategories="Symbology|Fields|Forms" labelsEnabled="0">
 <renderer-v2 type="singleSymbol" enableorderby="0" forceraster="0" symbollevels="0">
  <symbols>
   <symbol type="marker" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
    <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="color" value="21,101,192,255"/>
      <Option type="QString" name="name" value="circle"/>
      <Option type="QString" name="outline_color" value="255,255,255,255"/>
      <Option type="QString" name="outline_style" value="solid"/>
      <Option type="QString" name="size" value="2.2"/>
      <Option type="QString" name="size_unit" value="MM"/>
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
        <Option type="QString" value="school" name="学校"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="kindergarten" name="托儿所、幼儿园"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="hospital" name="医院、医疗卫生机构"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="care_home" name="养老院、福利院"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="culture" name="图书馆、博物馆、展览馆等公共文化场所"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="hotel" name="宾馆、饭店"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="market" name="商场、超市、集贸市场"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="transport" name="客运车站、码头、机场"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="stadium" name="体育场馆、会堂"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="entertainment" name="公共娱乐场所"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="tourism" name="旅游景区"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="religious" name="宗教活动场所"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="workshop" name="劳动密集型企业车间、员工集体宿舍"/>
       </Option>
       <Option type="Map">
        <Option type="QString" value="other" name="其他"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
 </fieldConfiguration>
 <aliases>
  <alias field="target_id" name="目标编号"/>
  <alias field="name" name="名称"/>
  <alias field="name_en" name="英文/拼音名称"/>
  <alias field="category" name="场所类别"/>
  <alias field="occupancy" name="最大容纳人数"/>
  <alias field="township" name="所属镇街"/>
 </aliases>
</qgis>
