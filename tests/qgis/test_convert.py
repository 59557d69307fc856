"""QGIS layer ⇄ GeoDataFrame conversion with the real QGIS providers."""
import math

import numpy as np
import pytest
from qgis_helpers import memory_layer
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
)

from riskatlas.layers.convert import analysis_crs, source_to_frame
from riskatlas.layers.sinks import make_fields
from riskatlas.layers.gpkg import write_geopackage




@pytest.fixture
def mixed_polygons(qgis_app):
    return memory_layer(
        "MultiPolygonZ?crs=EPSG:4549&field=name:string&field=n:integer&field=x:double&field=ok:boolean",
        [("MultiPolygonZ(((0 0 5, 10 0 5, 10 10 5, 0 0 5)),((20 20 1, 30 20 1, 30 30 1, 20 20 1)))", ["甲", 1, 1.5, True]),
         (None, [None, None, None, None]),
         ("MultiPolygonZ(((0 0 0, 1 0 0, 1 1 0, 0 0 0)))", ["乙", 3, None, False])])


def test_read_keeps_ids_nulls_multipart_and_drops_z(mixed_polygons):
    frame = source_to_frame(mixed_polygons, "mem")
    gdf = frame.gdf
    assert gdf.index.tolist() == [f.id() for f in mixed_polygons.getFeatures()]
    assert gdf.index.name == "fid"
    assert gdf["name"].tolist() == ["甲", None, "乙"]
    assert np.isnan(gdf["n"].iloc[1]) and gdf["n"].iloc[2] == 3  # nullable ints become float with NaN
    assert np.isnan(gdf["x"].iloc[2]) and gdf["x"].iloc[0] == 1.5
    assert gdf["ok"].tolist() == [True, None, False]
    assert gdf.geometry.iloc[1] is None
    assert gdf.geometry.iloc[0].geom_type == "MultiPolygon" and len(gdf.geometry.iloc[0].geoms) == 2
    assert not shapely.has_z(gdf.geometry.iloc[0])
    assert gdf.geometry.iloc[0].area == pytest.approx(100.0)  # two triangles of 50 m²
    assert any("Z/M values dropped" in note for note in frame.notes)
    assert frame.field_types == {"name": "string", "n": "int", "x": "double", "ok": "bool"}


def test_selected_features_only_through_a_request(mixed_polygons):
    first = next(mixed_polygons.getFeatures()).id()
    request = QgsFeatureRequest().setFilterFids([first])
    frame = source_to_frame(mixed_polygons, "mem", request=request)
    assert frame.gdf.index.tolist() == [first]


def test_geographic_input_is_reprojected_to_the_local_gauss_kruger_zone(qgis_app):
    layer = memory_layer("Point?crs=EPSG:4490&field=id:string", [("Point(121.2 28.9)", ["a"])])
    frame = source_to_frame(layer, "pts")
    assert frame.crs.authid() == "EPSG:4549"  # CM 120E is the nearest 3° meridian to 121.2
    assert frame.reprojected and "reprojected from EPSG:4490" in frame.notes[0]
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4490"),
                                       QgsCoordinateReferenceSystem("EPSG:4549"), QgsProject.instance())
    expected = transform.transform(QgsPointXY(121.2, 28.9))
    point = frame.gdf.geometry.iloc[0]
    assert (point.x, point.y) == pytest.approx((expected.x(), expected.y()), abs=1e-6)
    assert 500_000 < point.x < 620_000  # east of the central meridian, false easting 500 km
    assert frame.gdf.crs is None  # the CRS is QGIS's, on the LayerFrame: no pyproj (it crashed 3.40 in a thread)


def test_projected_input_is_kept(qgis_app):
    layer = memory_layer("Point?crs=EPSG:4549", [("Point(1 2)", [])])
    assert analysis_crs(layer.crs(), layer.extent()) == layer.crs()
    assert source_to_frame(layer, "p").notes == []


def test_round_trip_through_a_geopackage(mixed_polygons, tmp_path):
    frame = source_to_frame(mixed_polygons, "mem")
    fields = make_fields([("name", "string", "名称"), ("n", "int"), ("x", "double"), ("ok", "bool")])
    path = tmp_path / "round.gpkg"
    write_geopackage(str(path), {"polys": (frame.gdf, fields, None)}, "EPSG:4549")
    back = QgsVectorLayer(f"{path}|layername=polys", "polys", "ogr")
    assert back.isValid() and back.featureCount() == 3
    again = source_to_frame(back, "polys").gdf
    assert again["name"].tolist() == ["甲", None, "乙"]
    assert again["ok"].tolist() == [True, None, False]
    assert np.allclose(again["x"].to_numpy(dtype=float), frame.gdf["x"].to_numpy(dtype=float), equal_nan=True)
    assert again.geometry.iloc[1] is None
    for a, b in ((again.geometry.iloc[0], frame.gdf.geometry.iloc[0]), (again.geometry.iloc[2], frame.gdf.geometry.iloc[2])):
        assert shapely.equals_exact(a, b, tolerance=0)
    assert not (tmp_path / "round.gpkg-wal").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["round.gpkg"]  # the temporary file was renamed away


def test_failed_write_leaves_no_partial_file(mixed_polygons, tmp_path):
    frame = source_to_frame(mixed_polygons, "mem")
    fields = make_fields([("name", "string"), ("missing_column", "int")])
    with pytest.raises(KeyError, match="missing_column"):
        write_geopackage(str(tmp_path / "bad.gpkg"), {"polys": (frame.gdf, fields, None)}, "EPSG:4549")
    assert list(tmp_path.iterdir()) == []


def test_curved_geometry_is_segmentised(qgis_app):
    layer = memory_layer("CompoundCurve?crs=EPSG:4549", [("CompoundCurve(CircularString(0 0, 1 1, 2 0))", [])])
    frame = source_to_frame(layer, "curve")
    line = frame.gdf.geometry.iloc[0]
    assert line.geom_type == "LineString" and len(line.coords) > 3
    assert line.length == pytest.approx(math.pi, rel=1e-2)  # half a circle of radius 1
