"""styles/*.qml load in QGIS onto a planner's own layer and classify its features as documented."""
import os
import re

import pytest
from qgis.core import (
    QgsFeature,
    QgsMapLayer,
    QgsRenderContext,
    QgsVectorLayer,
)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
STYLES = os.path.join(ROOT, "styles")
GEOMETRY = {"point": "Point", "polygon": "Polygon", "line": "LineString"}
LINE_STYLES = ("roads", "reach_edges")
POINT_STYLES = ("fire_stations", "reach_targets", "siting_sites")


def _geometry(name):
    for kind in ("point", "polygon"):
        if f"_{kind}" in name:
            return kind
    if name.startswith(LINE_STYLES):
        return "line"
    return "point" if name.startswith(POINT_STYLES) else "polygon"


def _layer(geometry, fields, rows=()):
    layer = QgsVectorLayer(f"{GEOMETRY[geometry]}?crs=EPSG:4547{fields}", "mine", "memory")
    features = []
    for values in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes(list(values))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def _load(layer, name):
    message, ok = layer.loadNamedStyle(os.path.join(STYLES, name))
    assert ok, (name, message)


def _classes(layer):
    """The legend label each feature is drawn under."""
    renderer = layer.renderer()
    context = QgsRenderContext()
    renderer.startRender(context, layer.fields())
    labels = {item.ruleKey(): item.label() for item in renderer.legendSymbolItems()}
    result = [[labels[key] for key in renderer.legendKeysForFeature(feature, context) if key in labels]
              for feature in layer.getFeatures()]  # (a rule renderer also names its root rule, not in the legend)
    renderer.stopRender(context)
    return result


@pytest.mark.parametrize("name", sorted(f for f in os.listdir(STYLES) if f.endswith(".qml")))
def test_every_style_loads(name):
    layer = _layer(_geometry(name), "&field=name:string")
    _load(layer, name)
    assert layer.renderer() is not None and layer.renderer().legendSymbolItems()


def test_the_four_colour_style_on_a_planners_layer():
    layer = _layer("polygon", "&field=risk_level:integer", [(4,), (1,), (3,), (2,)])
    _load(layer, "risk_levels_polygon_zh.qml")
    categories = layer.renderer().categories()
    assert [c.symbol().color().name() for c in categories] == ["#ff0000", "#ff9900", "#ffff00", "#0070c0"]
    assert _classes(layer) == [["低风险"], ["重大风险"], ["一般风险"], ["较大风险"]]


def test_per_capita_classes_include_their_lower_bound():
    """Target 1.5: 0.74 is below half the target, 0.75 below the target, 1.5 meets it, 3.0 is twice."""
    layer = _layer("polygon", "&field=m2_per_capita:double&field=no_shelter:boolean",
                   [(None, False), (0.74, False), (0.75, False), (1.5, False), (3.0, False), (2.0, True)])
    _load(layer, "shelter_per_capita_en.qml")
    assert _classes(layer) == [["no residents"], ["below half the target (< 0.75 m²/person)"],
                               ["below the target (0.75–1.5 m²/person)"], ["meets the target (1.5–3 m²/person)"],
                               ["twice the target or more (≥ 3 m²/person)"], ["no shelter in reach"]]


def test_siting_uncovered_by_whether_a_candidate_could_reach_it():
    layer = _layer("polygon", "&field=coverable:boolean", [(True,), (False,)])
    _load(layer, "siting_uncovered_en.qml")
    assert _classes(layer) == [["Still out of reach (a candidate could reach)"], ["No candidate reaches"]]


def test_boolean_categories_and_labels_and_aliases():
    layer = _layer("point", "&field=overloaded:boolean", [(True,), (False,)])
    _load(layer, "shelter_load_point_zh.qml")
    assert _classes(layer) == [["超负荷"], ["未超负荷"]]
    stations = _layer("point", "&field=station_id:string&field=name:string")
    _load(stations, "fire_stations_zh.qml")
    assert stations.labelsEnabled() and stations.labeling().settings().fieldName == '"name"'
    assert stations.labeling().settings().format().font().family() == "WenQuanYi Zen Hei"
    assert stations.attributeAlias(stations.fields().indexOf("name")) == "名称"


def test_loading_a_style_file_equals_the_algorithms_style():
    """The file and the style an algorithm applies are one: same renderer and labels after loading."""
    from qgis.PyQt.QtXml import QDomDocument
    from riskatlas.layers.styling import STYLE_BY_KIND

    def exported(layer):
        document = QDomDocument()
        layer.exportNamedStyle(document, categories=QgsMapLayer.Symbology | QgsMapLayer.Labeling)
        return document.toString()

    from_file = _layer("polygon", "&field=name:string")
    _load(from_file, "townships_en.qml")
    from_code = _layer("polygon", "&field=name:string")
    STYLE_BY_KIND["townships"](from_code, language="en")
    def strip(text):  # symbol layers get a fresh random id on 3.40: compare everything else
        text = re.sub(r"id=(&quot;|\")\{[0-9a-f-]{36}\}(&quot;|\")", "id=", text)
        return "\n".join(sorted(line.strip() for line in text.splitlines()))

    assert strip(exported(from_file)) == strip(exported(from_code))
