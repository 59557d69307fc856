"""The fast read and write paths give what the per-feature QGIS paths give, to the bit.

Reading: the same layers read column by column (GDAL's Arrow stream) and feature by feature
(QGIS) → identical frames: feature ids, columns and their dtypes, NULLs, geometry WKB, notes.
Writing: the same frames written through a QGIS feature sink and in bulk → identical GeoPackage
rows (fid, geometry blob bytes, values and their SQLite types), extent, feature count, triggers
and R-tree, which holds one box per feature. Through an algorithm: the bulk writer is a strategy of the one
write path (staged files renamed, tables in an existing GeoPackage, everything removed when the run fails).
"""
import os
import sqlite3

import numpy as np
import pandas as pd
import pytest
import shapely
from osgeo import ogr, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsProcessingContext,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingUtils,
    QgsVectorLayer,
)

from riskatlas.layers import arrow_read, convert, gpkg_bulk
from riskatlas.layers.atomic import gpkg_tables
from riskatlas.layers.convert import field_kind, source_to_frame
from riskatlas.layers.sinks import make_fields, prepare_bulk, write_to_sink
from riskatlas.support import compat

SAMPLE = os.path.join(os.path.dirname(__file__), "..", "..", "sample_data", "sample_county.gpkg")
SAMPLE_LAYERS = ("townships", "population", "roads", "enterprises", "hazard_sources", "shelters", "shelter_points",
                 "fire_stations")


def assert_same_frames(fast, slow):
    assert fast.gdf.index.equals(slow.gdf.index) and fast.gdf.index.name == slow.gdf.index.name == "fid"
    assert list(fast.gdf.columns) == list(slow.gdf.columns)
    assert fast.field_types == slow.field_types and fast.notes == slow.notes
    attributes = [c for c in slow.gdf.columns if c != "geometry"]
    pd.testing.assert_frame_equal(pd.DataFrame(fast.gdf[attributes]), pd.DataFrame(slow.gdf[attributes]),
                                  check_exact=True)
    fast_geoms, slow_geoms = fast.gdf.geometry.values, slow.gdf.geometry.values
    assert (shapely.is_missing(fast_geoms) == shapely.is_missing(slow_geoms)).all()
    assert list(shapely.to_wkb(fast_geoms)) == list(shapely.to_wkb(slow_geoms))


def read_both(layer, name="layer", target_crs=None):
    kinds = {f.name(): field_kind(f) for f in layer.fields()}
    transform = None
    if target_crs is not None:
        from qgis.core import QgsCoordinateTransform, QgsProject

        transform = QgsCoordinateTransform(layer.crs(), target_crs, QgsProject.instance().transformContext())
    assert convert._read_columnar(layer, layer.fields(), kinds, transform) is not None, "not read by columns"
    fast = source_to_frame(layer, name, target_crs=target_crs)
    slow = source_to_frame(layer, name, target_crs=target_crs, request=QgsFeatureRequest())  # feature by feature
    return fast, slow


@pytest.mark.parametrize("layer_name", SAMPLE_LAYERS)
def test_sample_county_layers_read_alike(qgis_app, layer_name):
    layer = QgsVectorLayer(f"{SAMPLE}|layername={layer_name}", layer_name, "ogr")
    fast, slow = read_both(layer, layer_name)
    assert len(fast.gdf) == layer.featureCount() > 0
    assert_same_frames(fast, slow)


def _ogr_layer(path, name, geom_type, fields, rows, epsg=4549, driver="GPKG", options=()):
    """An OGR layer from (wkt or None, {field: value}) rows."""
    data_source = ogr.Open(path, 1) if os.path.exists(path) else ogr.GetDriverByName(driver).CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    layer = data_source.CreateLayer(name, srs, geom_type, options=list(options))
    for field_name, field_type, sub_type in fields:
        definition = ogr.FieldDefn(field_name, field_type)
        definition.SetSubType(sub_type)
        layer.CreateField(definition)
    for wkt, values in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for key, value in values.items():
            if value is None:
                continue
            if isinstance(value, tuple):
                feature.SetField(key, *value)
            else:
                feature.SetField(key, value)
        if wkt is not None:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    del layer, data_source


MIXED_FIELDS = [("name", ogr.OFTString, ogr.OFSTNone), ("n", ogr.OFTInteger, ogr.OFSTNone),
                ("big", ogr.OFTInteger64, ogr.OFSTNone), ("x", ogr.OFTReal, ogr.OFSTNone),
                ("ok", ogr.OFTInteger, ogr.OFSTBoolean), ("day", ogr.OFTDate, ogr.OFSTNone),
                ("full", ogr.OFTInteger, ogr.OFSTNone)]
MIXED_ROWS = [
    ("LINESTRING (0 0, 10 0)", {"name": "甲路", "n": 1, "big": 2 ** 40, "x": 1.5, "ok": 1, "day": (2024, 5, 1, 0, 0, 0, 0), "full": 7}),
    ("MULTILINESTRING ((0 0, 0 5), (1 1, 2 2))", {"name": None, "n": None, "big": 3, "x": None, "ok": None, "day": None, "full": 8}),
    (None, {"name": "", "n": -4, "big": None, "x": -0.0, "ok": 0, "day": (1999, 12, 31, 0, 0, 0, 0), "full": 9}),
    ("LINESTRING EMPTY", {"name": "乙", "n": 5, "big": 5, "x": 1e300, "ok": 1, "full": 10}),
    ("LINESTRING Z (5 5 1, 6 6 2)", {"name": "x y", "n": 0, "big": -1, "x": 2.25, "ok": 0, "full": 11}),
]


def test_gpkg_with_nulls_empties_multi_z_dates_and_booleans_reads_alike(qgis_app, tmp_path):
    path = str(tmp_path / "mixed.gpkg")
    _ogr_layer(path, "roads", ogr.wkbMultiLineString, MIXED_FIELDS, MIXED_ROWS)
    layer = QgsVectorLayer(f"{path}|layername=roads", "roads", "ogr")
    fast, slow = read_both(layer, "roads")
    assert_same_frames(fast, slow)
    gdf = fast.gdf
    assert gdf["ok"].tolist() == [True, None, False, True, False]  # the GeoPackage booleans, also on GDAL 3.6.2
    assert np.isnan(gdf["n"].iloc[1]) and gdf["full"].dtype == np.int64
    assert gdf.geometry.iloc[0].geom_type == "MultiLineString"  # single parts made multi, as QGIS does
    assert gdf.geometry.iloc[2] is None and gdf.geometry.iloc[3] is None
    assert fast.notes == ["Z/M values dropped from 1 features (analysis is planar)"]


def test_geographic_layer_reprojected_alike(qgis_app, tmp_path):
    path = str(tmp_path / "geo.gpkg")
    rows = [(f"POINT ({121.0 + i * 0.013} {28.5 + i * 0.007})", {"name": f"p{i}"}) for i in range(50)]
    _ogr_layer(path, "pts", ogr.wkbPoint, [("name", ogr.OFTString, ogr.OFSTNone)], rows, epsg=4490)
    layer = QgsVectorLayer(f"{path}|layername=pts", "pts", "ogr")
    fast, slow = read_both(layer, "pts", target_crs=QgsCoordinateReferenceSystem("EPSG:4549"))
    assert fast.reprojected and fast.gdf.geometry.iloc[0].x > 500_000
    assert_same_frames(fast, slow)


def test_shapefiles_read_by_columns_only_when_their_text_is_plain(qgis_app, tmp_path):
    fields = [("name", ogr.OFTString, ogr.OFSTNone), ("n", ogr.OFTInteger, ogr.OFSTNone)]
    ascii_path = str(tmp_path / "ascii.shp")
    _ogr_layer(ascii_path, "ascii", ogr.wkbLineString, fields,
               [("LINESTRING (0 0, 1 1)", {"name": "a", "n": 1}), ("LINESTRING (2 2, 3 5, 4 4)", {"name": None, "n": 2})],
               driver="ESRI Shapefile")
    layer = QgsVectorLayer(ascii_path, "ascii", "ogr")
    fast, slow = read_both(layer, "ascii")
    assert_same_frames(fast, slow)
    assert fast.gdf.geometry.iloc[0].geom_type == "MultiLineString"  # QGIS reads shapefile lines as multi
    utf8_path = str(tmp_path / "utf8.shp")
    _ogr_layer(utf8_path, "utf8", ogr.wkbPoint, fields, [("POINT (1 2)", {"name": "消防站", "n": 3})],
               driver="ESRI Shapefile", options=["ENCODING=UTF-8"])
    assert os.path.exists(str(tmp_path / "utf8.cpg"))
    fast, slow = read_both(QgsVectorLayer(utf8_path, "utf8", "ogr"), "utf8")
    assert_same_frames(fast, slow)
    assert fast.gdf["name"].tolist() == ["消防站"]
    # GBK text without a .cpg: QGIS's encoding setting decides, so feature by feature
    gbk_path = str(tmp_path / "gbk.shp")
    _ogr_layer(gbk_path, "gbk", ogr.wkbPoint, fields, [("POINT (1 2)", {"n": 3})], driver="ESRI Shapefile")
    dbf_path = tmp_path / "gbk.dbf"
    data = bytearray(dbf_path.read_bytes())
    header_length = int.from_bytes(data[8:10], "little")
    data[header_length + 1:header_length + 5] = "消防".encode("gbk")  # GBK bytes in the text field
    data[29] = 0  # no language driver either
    dbf_path.write_bytes(bytes(data))
    for side in ("gbk.cpg", "gbk.CPG"):
        if (tmp_path / side).exists():
            (tmp_path / side).unlink()
    gbk_layer = QgsVectorLayer(gbk_path, "gbk", "ogr")
    assert arrow_read.plain_file_layer(gbk_layer) is None


def test_filtered_selected_and_edited_layers_are_read_feature_by_feature(qgis_app, tmp_path):
    import shutil

    copy = str(tmp_path / "county.gpkg")  # editing opens the file for writing: never the sample itself
    shutil.copy(SAMPLE, copy)
    layer = QgsVectorLayer(f"{copy}|layername=fire_stations", "fire_stations", "ogr")
    assert arrow_read.plain_file_layer(layer) is not None
    selected = QgsProcessingFeatureSourceDefinition(layer.id(), True)
    assert convert.bulk_layer(selected, layer) is None
    limited = QgsProcessingFeatureSourceDefinition(layer.id(), False, 3)
    assert convert.bulk_layer(limited, layer) is None
    assert convert.bulk_layer(layer.source(), layer) is layer
    filtered = QgsVectorLayer(f"{copy}|layername=fire_stations|subset=\"class\" = 'special'", "f", "ogr")
    assert arrow_read.plain_file_layer(filtered) is None
    memory = QgsVectorLayer("Point?crs=EPSG:4549", "m", "memory")
    assert arrow_read.plain_file_layer(memory) is None
    edited = QgsVectorLayer(f"{copy}|layername=fire_stations", "edited", "ogr")
    edited.startEditing()
    edited.changeAttributeValue(next(edited.getFeatures()).id(), 1, "changed")
    assert arrow_read.plain_file_layer(edited) is None
    edited.rollBack()


def test_invalid_geometry_read_as_it_is_by_columns_as_by_features(qgis_app, tmp_path):
    """QGIS's validity check is skipped on both paths (the algorithms repair with a warning, layers.checks)."""
    path = str(tmp_path / "bow.gpkg")
    bow = "POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))"
    _ogr_layer(path, "bow", ogr.wkbPolygon, [], [(bow, {})])
    layer = QgsVectorLayer(f"{path}|layername=bow", "bow", "ogr")
    fast, slow = read_both(layer, "bow")
    assert_same_frames(fast, slow)
    assert fast.gdf.geometry.iloc[0].equals_exact(shapely.from_wkt(bow), 0) and not fast.gdf.geometry.iloc[0].is_valid


# ------------------------------------------------------------------------------ writing

def _frames():
    lines = pd.DataFrame({
        "i": [1, 2, 3, 4, 5], "fi": [1.0, np.nan, 3.0, 4.0, 5.0], "d": [1.5, np.nan, -2.25, 0.1, 1e300],
        "s": ["a", None, "丙", "", "x"], "b": np.array([True, None, False, True, False], dtype=object)})
    import geopandas as gpd

    return [
        ("lines", gpd.GeoDataFrame(lines, geometry=shapely.from_wkt([
            "LINESTRING (0 0, 1 1)", "MULTILINESTRING ((0 0, 2 2), (5 5, 6 7))", None, "MULTILINESTRING EMPTY",
            "LINESTRING (3 3, 4 9, 10 0)"])),
         [("i", "int"), ("fi", "int"), ("d", "double"), ("s", "string"), ("b", "bool")], compat.WKB_MULTILINESTRING),
        ("polygons", gpd.GeoDataFrame({"i": [1, 2, 3]}, geometry=shapely.from_wkt([
            "POLYGON ((0 0, 10 0, 10 10, 0 0), (1 0.5, 2 0.5, 2 1, 1 0.5))",
            "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))", "POLYGON EMPTY"])),
         [("i", "int")], compat.WKB_MULTIPOLYGON),
        ("points", gpd.GeoDataFrame({"i": [1, 2, 3]}, geometry=shapely.from_wkt(["POINT (1 2)", None, "POINT (-3.5 1e7)"])),
         [("i", "int")], compat.WKB_POINT),
        ("table", pd.DataFrame({"i": [1, 2], "s": ["a", None]}), [("i", "int"), ("s", "string")], compat.WKB_NO_GEOMETRY),
        # single lines (written from their coordinates, gpkg_blobs), among others, in both kinds of line layer
        ("single lines", gpd.GeoDataFrame({"i": range(8)}, geometry=shapely.from_wkt([
            "LINESTRING (0 0, 1 1)", "MULTILINESTRING ((-5.5 2e6, 7 3, 1e-9 -4))", "LINESTRING Z (1 2 3, 4 5 6)",
            "LINESTRING (9 9, 8 8, 7 9, 6 6, 5 5)", None, "MULTILINESTRING ((0 0, 2 2), (5 5, 6 7))",
            "LINESTRING (523456.789 3456789.123, 523457.5 3456790.25)", "LINESTRING EMPTY"])),
         [("i", "int")], compat.WKB_MULTILINESTRING),
        ("single lines, no multi", gpd.GeoDataFrame({"i": range(6)}, geometry=shapely.from_wkt([
            "LINESTRING (0 0, 1 1)", "LINESTRING (3 3, 4 9, 10 0)", "LINESTRING Z (1 2 3, 4 5 6)", None,
            "LINESTRING (523456.789 3456789.123, 523457.5 3456790.25)", "LINESTRING (0 0, 1 1)"])),
         [("i", "int")], compat.WKB_LINESTRING),
    ]


def _table_state(path):
    connection = sqlite3.connect(path)
    table = connection.execute("SELECT table_name FROM gpkg_contents").fetchone()[0]
    columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
    state = {
        "rows": connection.execute(f'SELECT * FROM "{table}" ORDER BY fid').fetchall(),
        "types": connection.execute(f'SELECT {", ".join(f"typeof({c})" for c in columns)} FROM "{table}"').fetchall(),
        "extent": connection.execute("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents").fetchall(),
        "count": connection.execute("SELECT feature_count FROM gpkg_ogr_contents").fetchall(),
        "triggers": sorted(sql.replace(table, "T") for (sql,) in connection.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger'")),
    }
    rtree = f"rtree_{table}_geom"
    if connection.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (rtree,)).fetchone():
        state["rtree"] = connection.execute(f'SELECT * FROM "{rtree}" ORDER BY id').fetchall()
        state["rtreecheck"] = connection.execute(f"SELECT rtreecheck('{rtree}')").fetchone()[0]
    connection.close()
    return state


@pytest.mark.parametrize("case", range(6))
def test_bulk_written_layer_is_what_the_qgis_sink_writes(qgis_app, tmp_path, case):
    name, frame, specs, wkb_type = _frames()[case]
    fields = make_fields(specs)
    states = {}
    for mode in ("qgis", "bulk"):
        path = str(tmp_path / f"{mode}.gpkg")
        sink, destination = QgsProcessingUtils.createFeatureSink(path, QgsProcessingContext(), fields, wkb_type,
                                                                 QgsCoordinateReferenceSystem("EPSG:4549"))
        if mode == "qgis":
            write_to_sink(frame, sink, fields)
            del sink
        else:
            del sink
            assert gpkg_bulk.fill(*gpkg_bulk.geopackage_target(destination), prepare_bulk(frame, fields)) == len(frame)
        states[mode] = _table_state(path)
    assert states["bulk"] == states["qgis"]
    if "rtree" in states["bulk"]:
        assert states["bulk"]["rtreecheck"] == "ok"


def test_rtree_is_bulk_loaded_as_sqlite_would_store_it(tmp_path):
    from riskatlas.layers import gpkg_rtree

    rng = np.random.default_rng(17)
    for n in (0, 1, 51, 52, 2601, 20_000):
        x, y, w = rng.uniform(-1e6, 1e6, n), rng.uniform(3e6, 4e6, n), rng.uniform(0, 500, n)
        ids = rng.permutation(n) + 1
        connection = sqlite3.connect(str(tmp_path / f"r{n}.sqlite"), isolation_level=None)
        connection.execute("CREATE VIRTUAL TABLE built USING rtree(id, minx, maxx, miny, maxy)")
        connection.execute("CREATE VIRTUAL TABLE packed USING rtree(id, minx, maxx, miny, maxy)")
        connection.execute("BEGIN")
        connection.executemany("INSERT INTO built VALUES (?, ?, ?, ?, ?)",
                               zip(ids.tolist(), x.tolist(), (x + w).tolist(), y.tolist(), (y + w).tolist()))
        gpkg_rtree.load(connection, "packed", ids, x, x + w, y, y + w)
        connection.execute("COMMIT")
        rows = {t: connection.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in ("built", "packed")}
        assert rows["packed"] == rows["built"]  # the same 32-bit boxes, rounded outward
        assert connection.execute("SELECT rtreecheck('packed')").fetchone()[0] == "ok"
        query = "SELECT id FROM {} WHERE minx <= 100 AND maxx >= -5000 AND miny <= 3500000 AND maxy >= 3400000 ORDER BY id"
        assert connection.execute(query.format("packed")).fetchall() == connection.execute(query.format("built")).fetchall()
        connection.execute("INSERT INTO packed VALUES (99999999, 0, 1, 0, 1)")  # SQLite keeps editing it
        for (row_id,) in connection.execute("SELECT id FROM packed LIMIT 30").fetchall():
            connection.execute("DELETE FROM packed WHERE id = ?", (row_id,))
        assert connection.execute("SELECT rtreecheck('packed')").fetchone()[0] == "ok"
        connection.close()


def test_gpkg_boolean_column_of_nulls_only_reads_alike(qgis_app, tmp_path):
    # GDAL's SQL result types an all-NULL CAST column as text: still NULL booleans, as QGIS reads them
    path = str(tmp_path / "nulls.gpkg")
    _ogr_layer(path, "pts", ogr.wkbPoint, [("ok", ogr.OFTInteger, ogr.OFSTBoolean), ("n", ogr.OFTInteger, ogr.OFSTNone)],
               [("POINT (1 2)", {"n": 1}), ("POINT (3 4)", {"n": 2})])
    fast, slow = read_both(QgsVectorLayer(f"{path}|layername=pts", "pts", "ogr"), "pts")
    assert_same_frames(fast, slow)
    assert fast.gdf["ok"].tolist() == [None, None]


# ------------------------------------------------------------------------------ the one write path

REACH_SINKS = ("OUTPUT_EDGES", "OUTPUT_AREAS", "OUTPUT_GAPS", "OUTPUT_EDGES_BANDS")


def _reach_parameters(outputs):
    uri = lambda name: f"{SAMPLE}|layername={name}"  # noqa: E731
    return {"STATIONS": uri("fire_stations"), "ROADS": uri("roads"), "STUDY_AREA": uri("townships"), **outputs}


def _filled_in_bulk(monkeypatch):
    """The tables ``gpkg_bulk.fill`` filled during the test (a spy on our own writer)."""
    filled, fill = [], gpkg_bulk.fill

    def spy(path, table, prepared, geometry=True):
        filled.append((os.path.basename(path), table))
        return fill(path, table, prepared, geometry)

    monkeypatch.setattr(gpkg_bulk, "fill", spy)
    return filled


def _rtree_rows(path, table):
    with sqlite3.connect(path) as db:
        (geometry_column,) = db.execute("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?",
                                        (table,)).fetchone()
        rtree = f"rtree_{table}_{geometry_column}"
        indexed = db.execute(f'SELECT count(*) FROM "{rtree}"').fetchone()[0]
        non_empty = db.execute(f'SELECT count(*) FROM "{table}" WHERE "{geometry_column}" IS NOT NULL AND '
                               f'substr("{geometry_column}", 4, 1) NOT IN (X\'11\', X\'13\')').fetchone()[0]
        check = db.execute(f"SELECT rtreecheck('{rtree}')").fetchone()[0]
        provenance = db.execute("SELECT count(*) FROM gpkg_metadata_reference WHERE table_name = ?",
                                (table,)).fetchone()[0]
    return indexed, non_empty, check, provenance


def test_bulk_writes_go_through_the_staged_outputs(run_algorithm, tmp_path, monkeypatch):
    """GeoPackage files: filled in bulk under their staged names, renamed into place with populated R-trees and
    their provenance; nothing temporary left."""
    filled = _filled_in_bulk(monkeypatch)
    outputs = {name: str(tmp_path / f"{name.lower()}.gpkg") for name in REACH_SINKS}
    result = run_algorithm("riskatlas:firestationreach", _reach_parameters(outputs))
    assert sorted(os.listdir(tmp_path)) == sorted(os.path.basename(p) for p in outputs.values())
    assert len(filled) == len(REACH_SINKS) and all(name.startswith("partial-") for name, _table in filled)
    for name, path in outputs.items():
        assert result[name].split("|")[0] == path
        table = os.path.splitext(os.path.basename(path))[0]
        indexed, non_empty, check, provenance = _rtree_rows(path, table)
        assert indexed == non_empty > 0 and check == "ok" and provenance >= 1, name


def test_bulk_tables_in_an_existing_geopackage(run_algorithm, tmp_path, monkeypatch):
    """Tables of an existing GeoPackage: filled in bulk in place, R-trees populated; the other tables kept."""
    existing = str(tmp_path / "existing.gpkg")
    _ogr_layer(existing, "keep", ogr.wkbPoint, [], [("POINT (500000 3300000)", {})])
    filled = _filled_in_bulk(monkeypatch)
    outputs = {name: f"ogr:dbname='{existing}' table=\"{name.lower()}\" (geom)" for name in REACH_SINKS}
    run_algorithm("riskatlas:firestationreach", _reach_parameters(outputs))
    assert sorted(table for _name, table in filled) == sorted(name.lower() for name in REACH_SINKS)
    assert os.listdir(tmp_path) == ["existing.gpkg"]
    for name in REACH_SINKS:
        indexed, non_empty, check, _provenance = _rtree_rows(existing, name.lower())
        assert indexed == non_empty > 0 and check == "ok", name
    assert gpkg_tables(existing) == {"keep", *(name.lower() for name in REACH_SINKS)}


@pytest.mark.parametrize("where", ["files", "existing GeoPackage"])
def test_a_run_failing_after_its_bulk_writes_leaves_nothing(run_algorithm, tmp_path, monkeypatch, where):
    """The HTML report cannot be written (a file stands where its folder should be) after every sink was filled
    in bulk: the files are removed, the tables dropped, the existing GeoPackage left as it was."""
    from qgis.core import QgsProcessingException

    filled = _filled_in_bulk(monkeypatch)
    existing = str(tmp_path / "existing.gpkg")
    _ogr_layer(existing, "keep", ogr.wkbPoint, [], [("POINT (500000 3300000)", {})])
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be")
    if where == "files":
        outputs = {name: str(tmp_path / f"{name.lower()}.gpkg") for name in REACH_SINKS}
    else:
        outputs = {name: f"ogr:dbname='{existing}' table=\"{name.lower()}\" (geom)" for name in REACH_SINKS}
    with pytest.raises(QgsProcessingException):
        run_algorithm("riskatlas:firestationreach", _reach_parameters({**outputs,
                                                                       "OUTPUT_HTML": str(blocker / "reach.html")}))
    assert len(filled) == len(REACH_SINKS)  # it failed after the bulk writes
    assert sorted(os.listdir(tmp_path)) == ["blocker", "existing.gpkg"]
    assert gpkg_tables(existing) == {"keep"}


def test_a_table_the_bulk_fill_refuses_is_written_through_qgis(run_algorithm, tmp_path, monkeypatch):
    """When the bulk fill finds a table not as it expects (here: told so), the rows go through QGIS's provider
    instead — the same features as a bulk fill writes (the provider's fid column left to the provider): the
    reached roads, filled in the run's writer thread, once the run waits for its writes; the areas at once."""
    fill, refused = gpkg_bulk.fill, []

    def refusing(path, table, prepared, geometry=True):
        if table in ("output_edges", "output_areas") and table not in refused:
            refused.append(table)
            raise gpkg_bulk.NotBulk("not as expected (test)")
        return fill(path, table, prepared, geometry)

    bulk = {name: str(tmp_path / "bulk" / f"{name.lower()}.gpkg") for name in REACH_SINKS}
    os.makedirs(tmp_path / "bulk")
    run_algorithm("riskatlas:firestationreach", _reach_parameters(bulk))
    monkeypatch.setattr(gpkg_bulk, "fill", refusing)
    outputs = {name: str(tmp_path / f"{name.lower()}.gpkg") for name in REACH_SINKS}
    result = run_algorithm("riskatlas:firestationreach", _reach_parameters(outputs))
    assert sorted(refused) == ["output_areas", "output_edges"]
    for name in ("OUTPUT_EDGES", "OUTPUT_AREAS"):
        written = QgsVectorLayer(result[name], "written", "ogr")
        expected = QgsVectorLayer(bulk[name], "expected", "ogr")
        assert written.featureCount() == expected.featureCount() > 0, name
        rows = sorted((f["station_id"], round(f.geometry().length() + f.geometry().area(), 6))
                      for f in written.getFeatures())
        assert rows == sorted((f["station_id"], round(f.geometry().length() + f.geometry().area(), 6))
                              for f in expected.getFeatures()), name
