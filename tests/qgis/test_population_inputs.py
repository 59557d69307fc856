"""POPULATION_RASTER and population points: a raster counts as its cells as polygons (QGIS's own
native:pixelstopolygons is the peer), a point wholly where it lies (tiny squares at the points; and
per township the sum of the points inside, counted here by hand)."""
import numpy as np
import pytest
import shapely
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

from qgis_helpers import layer_of, memory_layer, rasterise_population, shapes

REL = 1e-9


@pytest.fixture(scope="module")
def grid(tmp_path_factory, sample_gpkg):
    """The sample county's population rasterised at 100 m, and the same cells as polygons by QGIS."""
    from qgis import processing

    folder = tmp_path_factory.mktemp("grid")
    tif, total = rasterise_population(sample_gpkg, folder / "population_100m.tif")
    cells = processing.run("native:pixelstopolygons", {"INPUT_RASTER": tif, "RASTER_BAND": 1, "FIELD_NAME": "VALUE",
                                                       "OUTPUT": "memory:"})["OUTPUT"]
    populated = processing.run("native:extractbyexpression", {"INPUT": cells, "EXPRESSION": '"VALUE" <> 0',
                                                              "OUTPUT": "memory:"})["OUTPUT"]
    return tif, populated, total


def _uri(gpkg, name):
    return f"{gpkg}|layername={name}"


def _graded_units(run_algorithm, gpkg):
    graded = run_algorithm("riskatlas:gradehazardsources", {"INPUT": _uri(gpkg, "hazard_sources"),
                                                            "POPULATION": _uri(gpkg, "population"), "OUTPUT": "memory:"})
    return layer_of(graded, "OUTPUT")


def _numbers(result, names):
    return np.array([result[n] for n in names], dtype=float)


def test_shelter_per_capita_from_a_raster_equals_its_cells(run_algorithm, sample_gpkg, grid, qgis_processing_ready):
    tif, cells, total = grid
    names = ("COUNTY_M2_PER_CAPITA", "SHARE_MEETING_TARGET", "RESIDENTS_NO_SHELTER", "TOTAL_DEFICIT_M2",
             "COUNTY_DEFICIT_M2")
    for method in (0, 1):
        base = {"SHELTERS": _uri(sample_gpkg, "shelters"), "SHELTERS_2": _uri(sample_gpkg, "shelter_points"),
                "UNITS": _uri(sample_gpkg, "townships"), "METHOD": method, "URBAN_ONLY": False,
                "OUTPUT": "memory:", "OUTPUT_SHELTERS": "memory:", "OUTPUT_SUMMARY": "memory:"}
        raster = run_algorithm("riskatlas:shelterpercapita", {**base, "POPULATION_RASTER": tif})
        polygons = run_algorithm("riskatlas:shelterpercapita", {**base, "POPULATION": cells,
                                                                "POPULATION_FIELD": "VALUE"})
        np.testing.assert_allclose(_numbers(raster, names), _numbers(polygons, names), rtol=REL)
        assert raster["COUNTY_M2_PER_CAPITA"] > 0
    counted = sum(f["VALUE"] for f in cells.getFeatures())
    assert counted == pytest.approx(total, rel=1e-9)  # the raster holds every resident


def test_reach_four_colour_and_grading_from_a_raster_equal_its_cells(run_algorithm, sample_gpkg, grid):
    tif, cells, _total = grid
    as_raster, as_cells = {"POPULATION_RASTER": tif}, {"POPULATION": cells, "POPULATION_FIELD": "VALUE"}
    reach = {"STATIONS": _uri(sample_gpkg, "fire_stations"), "ROADS": _uri(sample_gpkg, "roads"),
             "STUDY_AREA": _uri(sample_gpkg, "townships"), "OUTPUT_EDGES": "memory:", "OUTPUT_AREAS": "memory:",
             "OUTPUT_GAPS": "memory:", "OUTPUT_SUMMARY": "memory:"}
    runs = [run_algorithm("riskatlas:firestationreach", {**reach, **p}) for p in (as_raster, as_cells)]
    sums = [{f["station_id"]: (f["residents_in_time"], f["district_residents"])
             for f in layer_of(r, "OUTPUT_SUMMARY").getFeatures()} for r in runs]
    assert sums[0].keys() == sums[1].keys()
    for station in sums[0]:
        assert sums[0][station] == pytest.approx(sums[1][station], rel=REL), station
    colour = {"HAZARD_UNITS": _graded_units(run_algorithm, sample_gpkg), "OUTPUT": "memory:"}  # (a grid)
    levels = [f"RESIDENTS_LEVEL_{k}" for k in (1, 2, 3, 4)]
    maps = [run_algorithm("riskatlas:fourcolourmap", {**colour, **p}) for p in (as_raster, as_cells)]
    np.testing.assert_allclose(_numbers(maps[0], levels), _numbers(maps[1], levels), rtol=REL)
    grading = [run_algorithm("riskatlas:gradehazardsources", {"INPUT": _uri(sample_gpkg, "hazard_sources"),
                                                              "EXPOSED_FIELD": "", "OUTPUT": "memory:", **p})
               for p in (as_raster, as_cells)]
    exposed = [{f["unit_id"]: f["exposed_people"] for f in layer_of(g, "OUTPUT").getFeatures()} for g in grading]
    assert exposed[0] == pytest.approx(exposed[1], rel=REL) and sum(exposed[0].values()) > 0


def test_a_raster_in_degrees_equals_its_cells_reprojected_by_qgis(run_algorithm, sample_gpkg, grid, tmp_path):
    from osgeo import gdal
    from qgis import processing

    tif, _cells, _total = grid
    degrees = str(tmp_path / "population_wgs84.tif")
    gdal.Warp(degrees, tif, dstSRS="EPSG:4326", xRes=0.001, yRes=0.001, resampleAlg="near")
    cells = processing.run("native:pixelstopolygons", {"INPUT_RASTER": degrees, "RASTER_BAND": 1,
                                                       "FIELD_NAME": "VALUE", "OUTPUT": "memory:"})["OUTPUT"]
    base = {"SHELTERS": _uri(sample_gpkg, "shelters"), "UNITS": _uri(sample_gpkg, "townships"), "METHOD": 0,
            "URBAN_ONLY": False, "OUTPUT": "memory:", "OUTPUT_SHELTERS": "memory:", "OUTPUT_SUMMARY": "memory:"}
    runs = [run_algorithm("riskatlas:shelterpercapita", {**base, **p})
            for p in ({"POPULATION_RASTER": degrees}, {"POPULATION": cells, "POPULATION_FIELD": "VALUE"})]
    per_unit = [{f["town_id"]: f["residents"] for f in layer_of(r, "OUTPUT").getFeatures()} for r in runs]
    assert per_unit[0] == pytest.approx(per_unit[1], rel=REL) and sum(per_unit[0].values()) > 100_000


def _population_points(gpkg):
    """One point per populated polygon, on its surface, with its residents — the points closer than 1 m
    to a township boundary left out (a point counts as a 1 mm square: one within half a millimetre of a
    boundary is shared by area, a case this test does not look at)."""
    layer = QgsVectorLayer(_uri(gpkg, "population"), "population", "ogr")
    borders = shapely.union_all(shapely.boundary(shapes(QgsVectorLayer(_uri(gpkg, "townships"), "t", "ogr"))))
    rows = [(f.geometry().pointOnSurface().asWkt(), [f["pop_id"], f["residents"]])
            for f in layer.getFeatures() if f["residents"]]
    far = shapely.distance(shapely.from_wkt([wkt for wkt, _ in rows]), borders) > 1.0
    rows = [row for row, keep in zip(rows, far) if keep]
    assert len(rows) > 5000
    return memory_layer("Point?crs=EPSG:4549&field=pop_id:string&field=residents:double", rows, "villages")


def test_points_count_wholly_where_they_lie(run_algorithm, sample_gpkg):
    points = _population_points(sample_gpkg)
    side = 0.001  # layers.population_inputs.POINT_SQUARE_M
    squares = memory_layer("Polygon?crs=EPSG:4549&field=pop_id:string&field=residents:double", [
        (shapely.box(p.x() - side / 2, p.y() - side / 2, p.x() + side / 2, p.y() + side / 2).wkt, [f["pop_id"], f["residents"]])
        for f in points.getFeatures() for p in [f.geometry().asPoint()]], "squares")
    colour = {"HAZARD_UNITS": _graded_units(run_algorithm, sample_gpkg), "UNITS": _uri(sample_gpkg, "townships"),
              "OUTPUT": "memory:"}
    runs = [run_algorithm("riskatlas:fourcolourmap", {**colour, "POPULATION": layer}) for layer in (points, squares)]
    levels = [f"RESIDENTS_LEVEL_{k}" for k in (1, 2, 3, 4)]
    np.testing.assert_allclose(_numbers(runs[0], levels), _numbers(runs[1], levels), rtol=REL)
    # per township: the residents of the points inside it, counted here
    towns = QgsVectorLayer(_uri(sample_gpkg, "townships"), "townships", "ogr")
    town_shapes, town_ids = shapes(towns), [f["town_id"] for f in towns.getFeatures()]
    xy = shapes(points)
    residents = np.array([f["residents"] for f in points.getFeatures()])
    expected = {t: float(residents[shapely.contains(s, xy)].sum()) for t, s in zip(town_ids, town_shapes)}
    got = {f["town_id"]: f["residents"] for f in layer_of(runs[0], "OUTPUT").getFeatures()}
    assert got == pytest.approx(expected, rel=REL)
    reach = {"STATIONS": _uri(sample_gpkg, "fire_stations"), "ROADS": _uri(sample_gpkg, "roads"),
             "OUTPUT_EDGES": "memory:", "OUTPUT_AREAS": "memory:", "OUTPUT_GAPS": "memory:", "OUTPUT_SUMMARY": "memory:"}
    sums = [{f["station_id"]: f["residents_in_time"] for f in layer_of(run_algorithm(
        "riskatlas:firestationreach", {**reach, "POPULATION": layer}), "OUTPUT_SUMMARY").getFeatures()}
        for layer in (points, squares)]
    assert sums[0] == pytest.approx(sums[1], rel=REL)


def test_population_given_twice_or_negative_is_refused(run_algorithm, sample_gpkg, grid, tmp_path):
    from osgeo import gdal

    tif, cells, _total = grid
    base = {"SHELTERS": _uri(sample_gpkg, "shelters"), "OUTPUT": "memory:", "OUTPUT_SHELTERS": "memory:",
            "OUTPUT_SUMMARY": "memory:"}
    with pytest.raises(QgsProcessingException, match="not both"):
        run_algorithm("riskatlas:shelterpercapita", {**base, "POPULATION_RASTER": tif, "POPULATION": cells})
    with pytest.raises(QgsProcessingException, match="POPULATION_RASTER"):
        run_algorithm("riskatlas:shelterpercapita", base)
    negative = str(tmp_path / "negative.tif")
    gdal.Translate(negative, tif, scaleParams=[[0, 1, 0, -1]])
    with pytest.raises(QgsProcessingException, match="negative"):
        run_algorithm("riskatlas:shelterpercapita", {**base, "POPULATION_RASTER": negative})


def test_full_assessment_takes_one_population(run_algorithm, sample_gpkg, grid, tmp_path):
    tif, _cells, _total = grid
    layers = {p: _uri(sample_gpkg, n) for p, n in (("ENTERPRISES", "enterprises"), ("HAZARD_SOURCES", "hazard_sources"),
                                                    ("SHELTERS", "shelters"), ("FIRE_STATIONS", "fire_stations"),
                                                    ("ROADS", "roads"), ("TOWNSHIPS", "townships"))}

    class Feedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.errors = []

        def reportError(self, error, fatalError=False):  # noqa: N802,N803 (QGIS API)
            self.errors.append(error)

    for population in ({}, {"POPULATION": _uri(sample_gpkg, "population"), "POPULATION_RASTER": tif}):
        feedback = Feedback()
        with pytest.raises(QgsProcessingException):  # refused before anything runs (prepareAlgorithm)
            run_algorithm("riskatlas:fullassessment", {**layers, **population, "OUTPUT_FOLDER": str(tmp_path)},
                          feedback=feedback)
        assert any("POPULATION_RASTER, one of them" in e for e in feedback.errors), feedback.errors
    assert not list(tmp_path.iterdir())  # nothing written


def test_the_assessment_writes_the_grid_it_reads(sample_gpkg, grid, tmp_path):
    from qgis.core import QgsCoordinateReferenceSystem

    from riskatlas.layers.population_inputs import write_population_grid

    tif, cells, total = grid
    gpkg = str(tmp_path / "grid.gpkg")
    write_population_grid(tif, gpkg, "population_grid", QgsCoordinateReferenceSystem("EPSG:4549"))
    written = QgsVectorLayer(f"{gpkg}|layername=population_grid", "grid", "ogr")
    count, residents = written.featureCount(), sum(f["residents"] for f in written.getFeatures())
    names = {f.name() for f in written.fields()}
    del written  # (no layer outlives the test)
    assert count == cells.featureCount() and residents == pytest.approx(total, rel=REL)
    assert names >= {"pop_id", "residents"}


def test_a_village_table_imports_as_population_points(run_algorithm, sample_gpkg, tmp_path):
    """村(社区) rows with 常住人口 and WGS84 coordinates: importlayer recognises population points (the
    urban flag through the code table), and shelterpercapita counts them as the points they are."""
    import csv

    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject

    points = _population_points(sample_gpkg)
    to_wgs = QgsCoordinateTransform(points.crs(), QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    rows = []
    for number, feature in enumerate(points.getFeatures()):
        lonlat = to_wgs.transform(QgsPointXY(feature.geometry().asPoint()))
        rows.append([f"V{number:05d}", f"村{number}", f"{feature['residents']:g}", f"{lonlat.x():.9f}",
                     f"{lonlat.y():.9f}", "城镇" if number % 3 else "乡村"])
    table = tmp_path / "villages.csv"
    with open(table, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["村(社区)编码", "村(社区)名称", "常住人口", "经度", "纬度", "城乡属性"]] + rows)
    imported = run_algorithm("riskatlas:importlayer", {"INPUT": str(table), "TARGET_CRS": "EPSG:4549",
                                                       "OUTPUT": str(tmp_path / "villages.gpkg")})
    layer = QgsVectorLayer(imported["OUTPUT"], "villages", "ogr")
    features = list(layer.getFeatures())
    assert imported["KIND_USED"] == "population" and len(features) == len(rows)
    assert {f.geometry().type() for f in features} == {0}  # points
    assert sum(f["residents"] for f in features) == pytest.approx(sum(float(r[2]) for r in rows), rel=REL)
    assert sum(1 for f in features if f["urban"]) == sum(1 for r in rows if r[5] == "城镇")
    base = {"SHELTERS": _uri(sample_gpkg, "shelters"), "UNITS": _uri(sample_gpkg, "townships"), "METHOD": 0,
            "URBAN_ONLY": False, "OUTPUT": "memory:", "OUTPUT_SHELTERS": "memory:", "OUTPUT_SUMMARY": "memory:"}
    runs = [run_algorithm("riskatlas:shelterpercapita", {**base, "POPULATION": source}) for source in (layer, points)]
    del layer, features
    per_unit = [{f["town_id"]: f["residents"] for f in layer_of(r, "OUTPUT").getFeatures()} for r in runs]
    assert per_unit[0] == pytest.approx(per_unit[1], rel=REL)
