"""The risk algorithms in real QGIS: hand-made layers, string parameters (as qgis_process passes
them), errors, styling, and on the sample county the comparison with QGIS's own tools."""
import math

import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)

from .conftest import layer_uri

CRS = "EPSG:4549"
X0, Y0 = 500000.0, 3300000.0  # a point in EPSG:4549 (CGCS2000 / 3-degree GK CM 120E)


def memory_layer(geometry, fields, rows, name):
    """rows: (wkt, {field: value})."""
    spec = "&".join(f"field={n}:{t}" for n, t in fields)
    layer = QgsVectorLayer(f"{geometry}?crs={CRS}&{spec}", name, "memory")
    features = []
    for wkt, values in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        for key, value in values.items():
            feature[key] = value
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    return layer


def rows_of(path_or_layer):
    layer = path_or_layer if isinstance(path_or_layer, QgsVectorLayer) else QgsVectorLayer(path_or_layer, "out", "ogr")
    assert layer.isValid()
    names = layer.fields().names()
    return [dict(zip(names, [None if v is None or (hasattr(v, "isNull") and v.isNull()) else v
                             for v in f.attributes()]), _geometry=f.geometry()) for f in layer.getFeatures()]


HAZARD_FIELDS = (("unit_id", "string"), ("substance", "string"), ("quantity_t", "double"), ("hazard_cat", "string"),
                 ("exposed", "integer"), ("ent_id", "string"))


def hazard_layer(rows, name="hazard_sources"):
    return memory_layer("Point", HAZARD_FIELDS, [
        (f"POINT({X0 + dx} {Y0})", dict(zip(("unit_id", "substance", "quantity_t", "hazard_cat", "exposed", "ent_id"),
                                          values))) for dx, values in rows], name)


def test_grade_worked_example_and_details(run_algorithm, tmp_path):
    # H2S 2 t (Q 5, β 5), chlorine 1 t (Q 5, β 4), phosgene 0.3 t (Q 0.3, β 20): S = 0.4 + 0.2 + 1 = 1.6;
    # 102 people → α 2; R = 2 × (2 + 0.8 + 20) = 45.6 → 三级 → level 3.  U2: methanol 100 t → S 0.2, level 4.
    layer = hazard_layer([(0, ("U1", "H2S", 2.0, None, 102, "E1")), (0, ("U1", "液氯", 1.0, None, 102, "E1")),
                          (0, ("U1", "75-44-5", 0.3, None, 102, "E1")), (900, ("U2", "甲醇", 100.0, None, 5, "E2"))])
    out, details = str(tmp_path / "units.gpkg"), str(tmp_path / "details.gpkg")
    results = run_algorithm("riskatlas:gradehazardsources", {"INPUT": layer, "OUTPUT": out, "DETAILS": details})
    assert results["UNITS"] == 2 and results["MAJOR_UNITS"] == 1
    units = {r["unit_id"]: r for r in rows_of(out)}
    u1 = units["U1"]
    assert u1["s_value"] == pytest.approx(1.6) and u1["alpha"] == 2.0 and u1["r_value"] == pytest.approx(45.6)
    assert u1["hazard_grade"] == 3 and u1["grade_label_zh"] == "三级" and u1["is_major"] is True
    assert (u1["risk_level"], u1["risk_label_zh"], u1["risk_label_en"], u1["risk_colour"]) == (
        3, "一般风险", "Moderate risk", "#FFFF00")
    assert u1["enterprise_id"] == "E1" and u1["n_substances"] == 3
    u2 = units["U2"]
    assert u2["hazard_grade"] is None and u2["risk_level"] == 4 and u2["is_major"] is False
    assert u2["_geometry"].asPoint().x() == pytest.approx(X0 + 900)
    detail = {r["substance"]: r for r in rows_of(details)}
    assert (detail["75-44-5"]["crit_q_t"], detail["75-44-5"]["beta"], detail["75-44-5"]["q_ratio"]) == (0.3, 20, 1)
    assert detail["75-44-5"]["substance_std"] == "碳酰氯" and detail["75-44-5"]["table1_seq"] == 6
    assert detail["甲醇"]["beta_source"] == "Table 4 W5.3 (category of Table 1 #65)"
    assert len(detail) == 4 and not layer.fields().indexOf("risk_level") >= 0  # input untouched


def test_grade_unknown_substance_names_unit_and_feature(run_algorithm, tmp_path):
    layer = hazard_layer([(0, ("U1", "氯", 1.0, None, 0, "E1")), (0, ("U9", "mystery gas", 3.0, None, 0, "E1"))])
    bad_fid = [f.id() for f in layer.getFeatures()][1]
    with pytest.raises(QgsProcessingException) as caught:
        run_algorithm("riskatlas:gradehazardsources", {"INPUT": layer, "OUTPUT": str(tmp_path / "u.gpkg")})
    message = str(caught.value)
    assert "mystery gas" in message and f"U9 (fid {bad_fid})" in message
    assert "hazard_sources" in message and "substance" in message
    assert not (tmp_path / "u.gpkg").exists()  # nothing written


def test_grade_missing_field_is_named(run_algorithm, tmp_path):
    layer = hazard_layer([(0, ("U1", "氯", 1.0, None, 0, "E1"))])
    with pytest.raises(QgsProcessingException, match="field 'tonnes'"):
        run_algorithm("riskatlas:gradehazardsources", {"INPUT": layer, "QUANTITY_FIELD": "tonnes",
                                                       "OUTPUT": str(tmp_path / "u.gpkg")})


def test_grade_estimates_exposure_from_population(run_algorithm, tmp_path):
    # point unit, no exposed count; 4000 residents over 2 km × 2 km → 0.001 / m²; 500 m disc: 785.4 → 785.
    layer = hazard_layer([(0, ("U1", "氯", 10.0, None, None, "E1"))])
    population = memory_layer("Polygon", (("residents", "double"),), [
        (f"POLYGON(({X0 - 1000} {Y0 - 1000},{X0 + 1000} {Y0 - 1000},{X0 + 1000} {Y0 + 1000},"
         f"{X0 - 1000} {Y0 + 1000},{X0 - 1000} {Y0 - 1000}))", {"residents": 4000.0})], "population")
    out = str(tmp_path / "units.gpkg")
    run_algorithm("riskatlas:gradehazardsources", {"INPUT": layer, "POPULATION": population, "OUTPUT": out})
    (unit,) = rows_of(out)
    assert unit["exposed_people"] == 785 and unit["exposed_source"] == "estimated" and unit["alpha"] == 2.0


def test_grade_counts_exposure_outside_the_plant_boundary(run_algorithm, tmp_path):
    # As tests/unit/test_hazard_grading.py works it: plant 200 m × 200 m around the point unit, 1e-4 residents
    # per m²: the ring outside the plant holds 119 people (α 2.0, R 16); the unit's own 500 m disc 79 (α 1.5).
    layer = hazard_layer([(100, ("U1", "氯", 10.0, None, None, "E1"))])
    population = memory_layer("Polygon", (("residents", "double"),), [
        (f"POLYGON(({X0 - 1000} {Y0 - 1000},{X0 + 1200} {Y0 - 1000},{X0 + 1200} {Y0 + 1200},"
         f"{X0 - 1000} {Y0 + 1200},{X0 - 1000} {Y0 - 1000}))", {"residents": 484.0})], "population")
    plants = memory_layer("Polygon", (("ent_id", "string"), ("name", "string")), [
        (f"POLYGON(({X0} {Y0 - 100},{X0 + 200} {Y0 - 100},{X0 + 200} {Y0 + 100},{X0} {Y0 + 100},{X0} {Y0 - 100}))",
         {"ent_id": "E1", "name": "甲化工"})], "enterprises")
    out = str(tmp_path / "units.gpkg")
    run_algorithm("riskatlas:gradehazardsources", {"INPUT": layer, "POPULATION": population, "ENTERPRISES": plants,
                                                   "OUTPUT": out})
    (unit,) = rows_of(out)
    assert (unit["boundary"], unit["exposed_people"], unit["alpha"]) == ("plant", 119, 2.0)
    assert unit["r_value"] == pytest.approx(16.0) and unit["hazard_grade"] == 3
    run_algorithm("riskatlas:gradehazardsources", {"INPUT": layer, "POPULATION": population, "OUTPUT": out})
    (unit,) = rows_of(out)
    assert (unit["boundary"], unit["exposed_people"], unit["alpha"]) == ("unit", 79, 1.5)


ENTERPRISE_FIELDS = (("ent_id", "string"), ("lec_l", "double"), ("lec_e", "double"), ("lec_c", "double"),
                     ("likelihood", "integer"), ("severity", "integer"))


def enterprise_layer():
    # D = 10·6·7 = 420 → 1; 3·3·7 = 63 → 4 (first LEC preset); R = 3·5 = 15, 2·4 = 8
    return memory_layer("Point", ENTERPRISE_FIELDS, [
        (f"POINT({X0} {Y0})", dict(ent_id="A", lec_l=10, lec_e=6, lec_c=7, likelihood=3, severity=5)),
        (f"POINT({X0 + 5000} {Y0})", dict(ent_id="B", lec_l=3, lec_e=3, lec_c=7, likelihood=2, severity=4)),
    ], "enterprises")


def test_enterprise_risk_lec_matrix_and_hazard_units(run_algorithm, tmp_path):
    out = str(tmp_path / "lec.gpkg")
    run_algorithm("riskatlas:enterpriserisk", {"INPUT": enterprise_layer(), "OUTPUT": out})
    rows = {r["ent_id"]: r for r in rows_of(out)}
    assert rows["A"]["risk_score"] == 420 and rows["A"]["risk_level"] == 1 and rows["B"]["risk_level"] == 4
    assert rows["B"]["risk_preset"] == "lec_320_160_70" and rows["B"]["lec_l"] == 3  # input fields kept
    # matrix with the second preset given as a string (as qgis_process passes it): 15 → 1, 8 → 2
    out = str(tmp_path / "matrix.gpkg")
    run_algorithm("riskatlas:enterpriserisk", {"INPUT": enterprise_layer(), "METHOD": "1", "PRESET": "3",
                                               "OUTPUT": out})
    rows = {r["ent_id"]: r for r in rows_of(out)}
    assert (rows["A"]["risk_level"], rows["B"]["risk_level"]) == (1, 2)
    # B owns a level-2 hazard unit: 就高 → 2 (level_source hazard_unit)
    units = memory_layer("Point", (("unit_id", "string"), ("enterprise_id", "string"), ("risk_level", "integer")),
                         [(f"POINT({X0 + 5000} {Y0})", dict(unit_id="HU1", enterprise_id="B", risk_level=2))], "units")
    out = str(tmp_path / "combined.gpkg")
    run_algorithm("riskatlas:enterpriserisk", {"INPUT": enterprise_layer(), "HAZARD_UNITS": units, "OUTPUT": out})
    rows = {r["ent_id"]: r for r in rows_of(out)}
    assert (rows["B"]["risk_level"], rows["B"]["level_source"], rows["B"]["hazard_unit_id"]) == (2, "hazard_unit",
                                                                                                  "HU1")
    assert rows["B"]["score_level"] == 4 and rows["A"]["level_source"] == "score"


def test_enterprise_risk_preset_for_the_wrong_method(run_algorithm, tmp_path):
    with pytest.raises(QgsProcessingException, match="LEC preset"):
        run_algorithm("riskatlas:enterpriserisk", {"INPUT": enterprise_layer(), "METHOD": 1, "PRESET": 0,
                                                   "OUTPUT": str(tmp_path / "x.gpkg")})


def strip_sources():
    # level 2 (radius 500) 200 m west of a 5-cell strip of 100 m cells; level 3 (radius 300) 50 m east of it
    return memory_layer("Point", (("ent_id", "string"), ("risk_level", "integer")), [
        (f"POINT({X0 - 200} {Y0 + 50})", dict(ent_id="A", risk_level=2)),
        (f"POINT({X0 + 550} {Y0 + 50})", dict(ent_id="B", risk_level=3)),
    ], "enterprises")


def test_four_colour_grid_with_string_parameters(run_algorithm, tmp_path):
    # cells 0..4 (x 0-100, …, 400-500): A at 200, 300, 400, 500 (not < 500), 600 m → cells 0-2;
    # B at 550, 350, 250, 150, 50 m → cells 2-4.  Levels: 2, 2, 2, 3, 3.
    out = str(tmp_path / "map.gpkg")
    results = run_algorithm("riskatlas:fourcolourmap", {
        "ENTERPRISES": strip_sources(), "CELL_SIZE": "100", "RADII": "1000,500,300,100", "AGGREGATION": "0",
        "EXTENT": f"{X0},{X0 + 500},{Y0},{Y0 + 100} [{CRS}]", "OUTPUT": out})
    rows = sorted(rows_of(out), key=lambda r: r["cell_id"])
    assert [r["risk_level"] for r in rows] == [2, 2, 2, 3, 3]
    assert [r["source_id"] for r in rows] == ["A", "A", "A", "B", "B"]
    assert [r["n_level3"] for r in rows] == [0, 0, 1, 1, 1]
    assert rows[0]["_geometry"].boundingBox() == QgsRectangle(X0, Y0, X0 + 100, Y0 + 100)
    assert (results["AREAS_LEVEL_2"], results["AREAS_LEVEL_3"], results["AREAS_LEVEL_4"]) == (3, 2, 0)


def test_four_colour_geotiff_paletted_levels_and_study_area(run_algorithm, tmp_path):
    """The strip of test_four_colour_grid_with_string_parameters (levels 2, 2, 2, 3, 3) as a GeoTIFF:
    band values = levels, the colour table = the palette, the .qml legend beside it; with a study area
    covering the centres of cells 1..3 only, cells 0 and 4 are no data (0)."""
    from osgeo import gdal
    from qgis.core import QgsRasterLayer

    from riskatlas.core.standards.risk_levels import RISK_LEVELS

    extent = f"{X0},{X0 + 500},{Y0},{Y0 + 100} [{CRS}]"
    study = memory_layer("Polygon", (("name", "string"),), [
        (f"POLYGON(({X0 + 120} {Y0}, {X0 + 380} {Y0}, {X0 + 380} {Y0 + 100}, {X0 + 120} {Y0 + 100}, {X0 + 120} {Y0}))",
         dict(name="s"))], "study")
    for name, extra, expected, counts in (("whole", {}, [2, 2, 2, 3, 3], (3, 2)),
                                          ("study", {"STUDY_AREA": study}, [0, 2, 2, 3, 0], (2, 1))):
        tif = str(tmp_path / f"{name}.tif")
        results = run_algorithm("riskatlas:fourcolourmap", {
            "ENTERPRISES": strip_sources(), "CELL_SIZE": "100", "RADII": "1000,500,300,100", "EXTENT": extent,
            "OUTPUT_RASTER": tif, **extra})
        assert results["OUTPUT_RASTER"] == tif and "OUTPUT" not in results  # the raster alone
        assert (results["AREAS_LEVEL_2"], results["AREAS_LEVEL_3"]) == counts  # (the study area cuts the map)
        dataset = gdal.Open(tif)
        band = dataset.GetRasterBand(1)
        assert band.ReadAsArray().tolist() == [expected]
        assert band.GetNoDataValue() == 0 and dataset.GetGeoTransform() == (X0, 100.0, 0.0, Y0 + 100, 0.0, -100.0)
        table = band.GetRasterColorTable()
        for level in RISK_LEVELS:
            hex_colour = "#%02X%02X%02X" % table.GetColorEntry(level.level)[:3]
            assert hex_colour == level.colour.upper()
        del band, dataset
        layer = QgsRasterLayer(tif, "map", "gdal")
        assert layer.isValid() and layer.renderer().type() == "paletted"  # the .qml beside it
        assert [c.label for c in layer.renderer().classes()][:2] in (["Major risk", "High risk"], ["重大风险", "较大风险"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["study.qml", "study.tif", "whole.qml", "whole.tif"]


def test_four_colour_study_area_cuts_the_map(run_algorithm, tmp_path):
    # the strip of test_four_colour_grid_with_string_parameters (levels 2, 2, 2, 3, 3), cut to a study area
    # x 0..250: cells 0 and 1 whole, cell 2 cut to x 200..250 (it keeps level 2: A is 400 m from the whole
    # cell, 400 m from the cut part too — and B, level 3, reaches the whole cell at 250 m but its cut part
    # only at 300 m, not < 300: the whole cell's count stays), cells 3 and 4 dropped. The grid follows the
    # study area's extent when EXTENT is empty. Population: 10 residents per 100 m² over x 0..500, so the
    # cut cell holds 50 × 100 m² → 500 residents.
    study = memory_layer("Polygon", (("name", "string"),), [
        (f"POLYGON(({X0} {Y0},{X0 + 250} {Y0},{X0 + 250} {Y0 + 100},{X0} {Y0 + 100},{X0} {Y0}))",
         dict(name="county"))], "county")
    population = memory_layer("Polygon", (("residents", "double"),), [
        (f"POLYGON(({X0} {Y0},{X0 + 500} {Y0},{X0 + 500} {Y0 + 100},{X0} {Y0 + 100},{X0} {Y0}))",
         dict(residents=5000.0))], "population")
    out = str(tmp_path / "cut.gpkg")
    results = run_algorithm("riskatlas:fourcolourmap", {
        "ENTERPRISES": strip_sources(), "CELL_SIZE": 100, "RADII": "1000,500,300,100", "STUDY_AREA": study,
        "POPULATION": population, "OUTPUT": out})
    rows = sorted(rows_of(out), key=lambda r: r["cell_id"])
    assert [r["cell_id"] for r in rows] == [1, 2, 3]
    assert [r["risk_level"] for r in rows] == [2, 2, 2]
    assert rows[2]["n_level3"] == 1  # counted for the whole cell
    assert [round(r["_geometry"].area()) for r in rows] == [10000, 10000, 5000]
    assert rows[2]["_geometry"].boundingBox() == QgsRectangle(X0 + 200, Y0, X0 + 250, Y0 + 100)
    assert [round(r["residents"], 6) for r in rows] == [1000.0, 1000.0, 500.0]
    assert (results["AREAS_LEVEL_2"], results["RESIDENTS_LEVEL_2"]) == (3, pytest.approx(2500.0))


def test_four_colour_large_grid_is_written_whole_in_chunks(run_algorithm, tmp_path):
    """13,000 cells: more than one write chunk, so the output goes through the pipelined writer (features
    made in a helper thread, reused between chunks). Every cell, to a GeoPackage and to memory, against
    distances worked here with numpy: A (level 2, radius 500) at (−200, 50), B (level 3, radius 300) at
    (550, 50), 10 m cells over 1,300 m × 1,000 m; exact ties (e.g. 300-400-500 m triangles) are not reached."""
    import numpy as np

    from riskatlas.layers.sinks import frame_to_features, write_to_sink

    n_cols, n_rows, cell = 130, 100, 10.0
    extent = f"{X0},{X0 + n_cols * cell},{Y0},{Y0 + n_rows * cell} [{CRS}]"
    outputs = {}
    for kind, destination in (("gpkg", str(tmp_path / "large.gpkg")), ("memory", "TEMPORARY_OUTPUT")):
        results = run_algorithm("riskatlas:fourcolourmap", {
            "ENTERPRISES": strip_sources(), "CELL_SIZE": cell, "RADII": "1000,500,300,100", "EXTENT": extent,
            "OUTPUT": destination})
        layer = results["OUTPUT"] if isinstance(results["OUTPUT"], QgsVectorLayer) else QgsVectorLayer(
            results["OUTPUT"], "out", "ogr")
        outputs[kind] = (rows_of(layer), results)

    row = np.repeat(np.arange(n_rows), n_cols)
    col = np.tile(np.arange(n_cols), n_rows)
    x0, y0 = col * cell, row * cell

    def distance(px, py):  # point to cell rectangle, cells relative to (X0, Y0)
        dx = np.maximum.reduce([x0 - px, px - (x0 + cell), np.zeros_like(x0)])
        dy = np.maximum.reduce([y0 - py, py - (y0 + cell), np.zeros_like(y0)])
        return np.hypot(dx, dy)

    d_a, d_b = distance(-200.0, 50.0), distance(550.0, 50.0)
    level = np.where(d_a < 500, 2, np.where(d_b < 300, 3, 4))
    assert ((d_a == 500) | (d_b == 300)).any()  # the strict rule is exercised at exact ties
    for kind, (rows, results) in outputs.items():
        assert len(rows) == n_cols * n_rows, kind
        assert [r["cell_id"] for r in rows] == list(range(1, n_cols * n_rows + 1)), kind  # written in order
        assert [r["risk_level"] for r in rows] == level.tolist(), kind
        assert [r["n_level2"] for r in rows] == (d_a < 500).astype(int).tolist(), kind
        assert [r["n_level3"] for r in rows] == (d_b < 300).astype(int).tolist(), kind
        assert [r["source_id"] for r in rows] == [{2: "A", 3: "B", 4: None}[v] for v in level.tolist()], kind
        for i in (0, 1, n_cols, len(rows) // 2, len(rows) - 1):  # every feature kept its own geometry
            assert rows[i]["_geometry"].boundingBox() == QgsRectangle(
                X0 + x0[i], Y0 + y0[i], X0 + x0[i] + cell, Y0 + y0[i] + cell), (kind, i)
        assert [results[f"AREAS_LEVEL_{v}"] for v in (2, 3, 4)] == [int((level == v).sum()) for v in (2, 3, 4)]
    assert [{k: v for k, v in r.items() if k not in ("_geometry", "fid")} for r in outputs["gpkg"][0]] == [
        {k: v for k, v in r.items() if k != "_geometry"} for r in outputs["memory"][0]]

    # a sink written in Python keeps the very QgsFeature objects it is given: the pipelined writer must
    # then hand it new features (no reuse), each equal to the one-shot conversion
    import geopandas as gpd
    import shapely

    from riskatlas.layers.sinks import make_fields

    frame = gpd.GeoDataFrame({"cell_id": np.arange(1, 2501), "label": [f"c{i}" if i % 3 else None for i in range(2500)],
                              "score": np.where(np.arange(2500) % 4 == 0, np.nan, np.arange(2500) / 7)},
                             geometry=shapely.box(x0[:2500], y0[:2500], x0[:2500] + cell, y0[:2500] + cell))
    fields = make_fields((("cell_id", "int"), ("label", "string"), ("score", "double")))

    class ListSink:
        def __init__(self):
            self.features = []

        def addFeatures(self, features, flags=None):
            self.features.extend(features)
            return True

        def addFeature(self, feature, flags=None):
            self.features.append(feature)
            return True

    sink = ListSink()
    assert write_to_sink(frame, sink, fields, chunk=1000) == 2500
    expected = frame_to_features(frame, fields)
    assert len({id(f) for f in sink.features}) == 2500
    assert [f.attributes() for f in sink.features] == [f.attributes() for f in expected]
    assert [f.geometry().asWkb() for f in sink.features] == [f.geometry().asWkb() for f in expected]


def test_four_colour_units_and_cumulative(run_algorithm, tmp_path):
    towns = memory_layer("Polygon", (("town_id", "string"),), [
        (f"POLYGON(({X0} {Y0},{X0 + 300} {Y0},{X0 + 300} {Y0 + 100},{X0} {Y0 + 100},{X0} {Y0}))", dict(town_id="T1")),
    ], "townships")
    sources = memory_layer("Point", (("ent_id", "string"), ("risk_level", "integer")), [
        (f"POINT({X0 - 10} {Y0 + 10 * i})", dict(ent_id=f"S{i}", risk_level=2)) for i in range(3)], "enterprises")
    out = str(tmp_path / "towns.gpkg")
    run_algorithm("riskatlas:fourcolourmap", {"ENTERPRISES": sources, "UNITS": towns, "AGGREGATION": 1,
                                              "OUTPUT": out})
    (town,) = rows_of(out)
    # three level-2 sources → 3 × 9 = 27 → level 1 under the cumulative rule
    assert town["town_id"] == "T1" and town["risk_score"] == 27 and town["risk_level"] == 1


def test_four_colour_needs_a_source_and_valid_radii(run_algorithm, tmp_path):
    with pytest.raises(QgsProcessingException, match="ENTERPRISES and/or HAZARD_UNITS"):
        run_algorithm("riskatlas:fourcolourmap", {"OUTPUT": str(tmp_path / "m.gpkg")})
    with pytest.raises(QgsProcessingException, match="radii"):
        run_algorithm("riskatlas:fourcolourmap", {"ENTERPRISES": strip_sources(), "RADII": "1000,500",
                                                  "OUTPUT": str(tmp_path / "m.gpkg")})


@pytest.mark.parametrize("algorithm,parameters", [
    ("riskatlas:gradehazardsources", lambda: {"INPUT": hazard_layer([(0, ("U1", "氯", 1.0, None, 0, "E1"))])}),
    ("riskatlas:enterpriserisk", lambda: {"INPUT": enterprise_layer()}),
    ("riskatlas:fourcolourmap", lambda: {"ENTERPRISES": strip_sources(), "CELL_SIZE": 100}),
])
def test_cancelled_run_writes_nothing(run_algorithm, tmp_path, algorithm, parameters):
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    out = tmp_path / "out.gpkg"
    results = run_algorithm(algorithm, {**parameters(), "OUTPUT": str(out)}, feedback=feedback)
    assert results == {} and not out.exists()


def test_output_is_styled_and_records_provenance(riskatlas_provider, tmp_path):
    """Loaded into a project (as the toolbox does), the map gets the four-colour renderer and provenance."""
    from processing.core.Processing import Processing
    from riskatlas.support.compat import handle_algorithm_results

    project = QgsProject.instance()
    context = QgsProcessingContext()
    context.setProject(project)
    feedback = QgsProcessingFeedback()
    parameters = {"ENTERPRISES": strip_sources(), "CELL_SIZE": 100,
                  "EXTENT": f"{X0},{X0 + 500},{Y0},{Y0 + 100} [{CRS}]",
                  "OUTPUT": QgsProcessingOutputLayerDefinition(str(tmp_path / "styled.gpkg"), project)}
    Processing.runAlgorithm("riskatlas:fourcolourmap", parameters, feedback=feedback, context=context,
                            onFinish=lambda alg, ctx, fb: handle_algorithm_results(alg, ctx, fb, parameters))
    layers = [layer for layer in project.mapLayers().values() if layer.source().startswith(str(tmp_path))]
    assert len(layers) == 1
    layer = layers[0]
    renderer = layer.renderer()
    assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "risk_level"
    assert [c.value() for c in renderer.categories()] == [1, 2, 3, 4]
    assert [c.symbol().color().name() for c in renderer.categories()] == ["#ff0000", "#ff9900", "#ffff00", "#0070c0"]
    assert {c.label() for c in renderer.categories()} in ({"重大风险", "较大风险", "一般风险", "低风险"},
                                                          {"Major risk", "High risk", "Moderate risk", "Low risk"})
    assert any('"riskatlas:fourcolourmap"' in entry for entry in layer.metadata().history())
    project.removeMapLayer(layer)


# ---------------------------------------------------------------- the sample county


@pytest.fixture(scope="module")
def county_chain(sample_gpkg, qgis_processing_ready, tmp_path_factory):
    """grade → enterprise risk → four-colour map (500 m grid) on the sample county."""
    from qgis import processing
    from qgis.core import QgsApplication

    from . import conftest

    if QgsApplication.processingRegistry().providerById("riskatlas") is None:  # as the riskatlas_provider fixture
        from riskatlas.processing.provider import RiskAtlasProvider

        provider = RiskAtlasProvider()
        assert QgsApplication.processingRegistry().addProvider(provider)
        conftest._KEEP_ALIVE.append(provider)
    folder = tmp_path_factory.mktemp("county")

    def run(algorithm, parameters):
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        return processing.run(algorithm, parameters, context=context, feedback=QgsProcessingFeedback())

    units = run("riskatlas:gradehazardsources", {
        "INPUT": layer_uri(sample_gpkg, "hazard_sources"), "POPULATION": layer_uri(sample_gpkg, "population"),
        "OUTPUT": str(folder / "units.gpkg")})["OUTPUT"]
    enterprises = run("riskatlas:enterpriserisk", {
        "INPUT": layer_uri(sample_gpkg, "enterprises"), "HAZARD_UNITS": units,
        "OUTPUT": str(folder / "enterprises.gpkg")})["OUTPUT"]
    # extent: the townships' bounds snapped outward to multiples of 500 m, so that width and height are
    # whole cells (the grid is not grown) and native:creategrid, which starts at the top-left corner,
    # lays out exactly the same cells as our grid, which starts at the lower-left corner
    townships = QgsVectorLayer(layer_uri(sample_gpkg, "townships"), "townships", "ogr")
    box = townships.extent()
    cell = 500.0
    extent = (math.floor(box.xMinimum() / cell) * cell, math.floor(box.yMinimum() / cell) * cell,
              math.ceil(box.xMaximum() / cell) * cell, math.ceil(box.yMaximum() / cell) * cell)
    extent_text = f"{extent[0]},{extent[2]},{extent[1]},{extent[3]} [{CRS}]"
    result = run("riskatlas:fourcolourmap", {
        "ENTERPRISES": enterprises, "HAZARD_UNITS": units, "CELL_SIZE": cell, "EXTENT": extent_text,
        "POPULATION": layer_uri(sample_gpkg, "population"), "OUTPUT": str(folder / "map.gpkg")})
    return dict(units=units, enterprises=enterprises, map=result["OUTPUT"], results=result, extent=extent,
                extent_text=extent_text, cell=cell, folder=folder, run=run)


def test_sample_county_grades_hand_checked(county_chain):
    units = {r["unit_id"]: r for r in rows_of(county_chain["units"])}
    # HU001: 液氯 80 t → 80/5 = 16, β 4 → 64; 1333-74-0 (hydrogen) 5 t → 5/5 = 1, β 1.5 (W2) → 1.5;
    # S = 17; 150 people → α 2; R = 2 × 65.5 = 131 → 一级
    assert units["HU001"]["s_value"] == pytest.approx(17) and units["HU001"]["r_value"] == pytest.approx(131)
    assert units["HU001"]["hazard_grade"] == 1 and units["HU001"]["risk_level"] == 1
    # HU009: 液氯 8 t → 1.6, β 4 → 6.4; 350 people → α 2; R = 12.8 → 三级
    assert units["HU009"]["r_value"] == pytest.approx(12.8) and units["HU009"]["hazard_grade"] == 3
    # HU014: solvent W5.3 1800 t → 1800/1000 = 1.8, β 1; oxidiser W9.2 150 t → 150/200 = 0.75, β 1;
    # S = 2.55; 0 people → α 0.5; R = 0.5 × 2.55 = 1.275 → 四级
    assert units["HU014"]["s_value"] == pytest.approx(2.55) and units["HU014"]["r_value"] == pytest.approx(1.275)
    assert units["HU014"]["hazard_grade"] == 4
    # HU018: 液氨 5 t → 5/10 = 0.5 < 1: not a major hazard source → no grade, level 4
    assert units["HU018"]["is_major"] is False and units["HU018"]["hazard_grade"] is None
    assert units["HU018"]["risk_level"] == 4
    # every unit without an exposed count got an estimate; every graded unit has a level matching its grade
    for unit in units.values():
        assert unit["exposed_source"] in ("field", "estimated") and unit["exposed_people"] >= 0
        assert unit["risk_level"] == (unit["hazard_grade"] or 4)


def test_sample_county_enterprises_take_their_units_level(county_chain):
    units = [r for r in rows_of(county_chain["units"]) if r["hazard_grade"] is not None]
    enterprises = {r["ent_id"]: r for r in rows_of(county_chain["enterprises"])}
    for unit in units:
        assert enterprises[unit["enterprise_id"]]["risk_level"] <= unit["risk_level"]
    assert {r["level_source"] for r in enterprises.values()} <= {"score", "hazard_unit"}


def test_sample_county_map_equals_native_qgis_chain(county_chain):
    """native:creategrid + native:buffer (per-level distance) + qgis:joinbylocationsummary (minimum level)
    give the same map. Native buffers are polygons with SEGMENTS vertices per quarter circle inscribed in the
    true circle, so a cell whose exact distance d to a source lies in [r − s, r], s = r·(1 − cos(π/(4·SEGMENTS)))
    the sagitta, could be judged differently (and d = r exactly: 'intersects' on a touching buffer vs our
    strict '<'). With 256 segments s < 5 mm at r = 1000 m; the test first proves that no source–cell pair falls
    in that band, so the comparison is exact."""
    import numpy as np
    import shapely

    run = county_chain["run"]
    segments = 256
    radii = {1: 1000.0, 2: 500.0, 3: 300.0, 4: 100.0}
    folder = county_chain["folder"]

    cells = rows_of(county_chain["map"])
    sources = rows_of(county_chain["enterprises"]) + rows_of(county_chain["units"])
    cell_geoms = np.array([shapely.from_wkb(bytes(c["_geometry"].asWkb())) for c in cells])
    src_geoms = np.array([shapely.from_wkb(bytes(s["_geometry"].asWkb())) for s in sources])
    src_levels = np.array([s["risk_level"] for s in sources])
    tree = shapely.STRtree(cell_geoms)
    for level, radius in radii.items():
        chosen = np.flatnonzero(src_levels == level)
        pairs = tree.query(src_geoms[chosen], predicate="dwithin", distance=radius + 1)
        distances = shapely.distance(src_geoms[chosen][pairs[0]], cell_geoms[pairs[1]])
        sagitta = radius * (1 - math.cos(math.pi / (4 * segments)))
        ambiguous = (distances >= radius - sagitta - 1e-6) & (distances <= radius + 1e-6)
        assert not ambiguous.any(), f"level {level}: a cell lies within the buffer's segmentation error"

    expression = ('CASE WHEN "risk_level" = 1 THEN 1000 WHEN "risk_level" = 2 THEN 500 '
                  'WHEN "risk_level" = 3 THEN 300 ELSE 100 END')
    from qgis.core import QgsProperty

    buffers = []
    for name in ("enterprises", "units"):
        buffers.append(run("native:buffer", {
            "INPUT": county_chain[name], "DISTANCE": QgsProperty.fromExpression(expression), "SEGMENTS": segments,
            "END_CAP_STYLE": 0, "JOIN_STYLE": 0, "MITER_LIMIT": 2, "DISSOLVE": False,
            "OUTPUT": str(folder / f"buffer_{name}.gpkg")})["OUTPUT"])
    merged = run("native:mergevectorlayers", {"LAYERS": buffers, "CRS": CRS,
                                              "OUTPUT": str(folder / "buffers.gpkg")})["OUTPUT"]
    grid = run("native:creategrid", {"TYPE": 2, "EXTENT": county_chain["extent_text"], "HSPACING": 500,
                                     "VSPACING": 500, "HOVERLAY": 0, "VOVERLAY": 0, "CRS": CRS,
                                     "OUTPUT": str(folder / "native_grid.gpkg")})["OUTPUT"]
    joined = run("qgis:joinbylocationsummary", {"INPUT": grid, "JOIN": merged, "PREDICATE": [0],
                                                "JOIN_FIELDS": ["risk_level"], "SUMMARIES": [2],
                                                "DISCARD_NONMATCHING": False,
                                                "OUTPUT": str(folder / "native_map.gpkg")})["OUTPUT"]

    def key(geometry):
        box = geometry.boundingBox()
        return round(box.xMinimum(), 3), round(box.yMinimum(), 3)

    native = {key(r["_geometry"]): (r["risk_level_min"] if r["risk_level_min"] is not None else 4)
              for r in rows_of(joined)}
    ours = {key(c["_geometry"]): c["risk_level"] for c in cells}
    assert len(ours) == len(cells) == len(native)
    assert ours.keys() == native.keys()
    differing = [k for k in ours if ours[k] != native[k]]
    assert not differing, f"{len(differing)} cells differ, e.g. {differing[:5]}"
    counts = {level: sum(1 for v in ours.values() if v == level) for level in (1, 2, 3, 4)}
    assert all(counts[level] > 0 for level in (1, 2, 3, 4)), counts  # every rule was exercised
    assert counts == {level: county_chain["results"][f"AREAS_LEVEL_{level}"] for level in (1, 2, 3, 4)}


def test_sample_county_residents_per_class_add_up(county_chain, sample_gpkg):
    # the grid covers every population polygon: the apportioned residents of the four classes add up to
    # the county's residents (summed here by QGIS itself)
    population = QgsVectorLayer(layer_uri(sample_gpkg, "population"), "population", "ogr")
    total = sum(f["residents"] for f in population.getFeatures())
    per_class = [county_chain["results"][f"RESIDENTS_LEVEL_{level}"] for level in (1, 2, 3, 4)]
    assert sum(per_class) == pytest.approx(total, rel=1e-9)
    cells = rows_of(county_chain["map"])
    assert sum(c["residents"] for c in cells if c["risk_level"] == 1) == pytest.approx(per_class[0], rel=1e-9)
