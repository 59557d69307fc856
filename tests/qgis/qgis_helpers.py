"""Small builders shared by the QGIS tests (importable: tests/qgis/conftest.py puts this folder on sys.path)."""
from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer


def memory_layer(definition, rows, name="mem"):
    """A memory layer from a provider URI ("Point?crs=EPSG:4549&field=id:string") and (wkt, attributes) rows."""
    layer = QgsVectorLayer(definition, name, "memory")
    features = []
    for wkt, attributes in rows:
        feature = QgsFeature(layer.fields())
        if wkt is not None:
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes(attributes)
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    return layer
