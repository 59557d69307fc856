"""riskatlas:shelterpercapita through Processing: a small layer with a hand-worked answer, bad
input, a geographic CRS, the styles, and the sample county."""
import os

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsRenderContext,
    QgsVectorLayer,
)


def layer_uri(gpkg, name):
    return f"{gpkg}|layername={name}"

ALG = "riskatlas:shelterpercapita"
X0, Y0 = 450_000.0, 3_000_000.0  # inside EPSG:4549's zone (CM 120°E)


def memory_layer(kind, fields, rows, name, crs="EPSG:4549"):
    layer = QgsVectorLayer(f"{kind}?crs={crs}&" + "&".join(f"field={f}" for f in fields), name, "memory")
    features = []
    for wkt, attributes in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes(attributes)
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def pt(x, y):
    return f"POINT({X0 + x} {Y0 + y})"


def square(x0, y0, x1, y1):
    return (f"POLYGON(({X0 + x0} {Y0 + y0}, {X0 + x1} {Y0 + y0}, {X0 + x1} {Y0 + y1}, {X0 + x0} {Y0 + y1}, "
            f"{X0 + x0} {Y0 + y0}))")


SHELTER_FIELDS = ["shelter_id:string", "type:string", "area_m2:double", "capacity:integer"]


def small_case():
    """The hand-worked case of tests/unit/test_shelter_capacity.py, as a polygon layer and a point
    layer: A (polygon, 3000 m², capacity 250) at (0,0); B (point, 600 m²) at (2000,0); an emergency
    point (not counted) at (5000,4800). Residents: 100 at (500,0), 200 at (1000,0), 400 at (2000,600),
    50 at (5000,5000). Radius 1000 m (short-term fixed). Expected m²/capita 10, 11, 1, 0."""
    sites = memory_layer("Polygon", SHELTER_FIELDS, [(square(-50, -50, 50, 50), ["A", "fixed_short", 3000.0, 250])],
                         "sites")
    points = memory_layer("Point", SHELTER_FIELDS, [(pt(2000, 0), ["B", "fixed_short", 600.0, None]),
                                                    (pt(5000, 4800), ["C", "emergency", 9000.0, None])], "points")
    population = memory_layer("Point", ["pop_id:string", "residents:double", "urban:boolean"],
                              [(pt(500, 0), ["p1", 100.0, True]), (pt(1000, 0), ["p2", 200.0, True]),
                               (pt(2000, 600), ["p3", 400.0, True]), (pt(5000, 5000), ["p4", 50.0, True]),
                               (pt(0, 3000), ["p5", 999.0, False])], "population")
    return sites, points, population


def outputs(**extra):
    return {"OUTPUT": "memory:", "OUTPUT_SHELTERS": "memory:", "OUTPUT_SUMMARY": "memory:", **extra}


def rows(layer, key):
    return {f[key]: {name: f[name] for name in layer.fields().names()} for f in layer.getFeatures()}


def test_small_case_catchment(run_algorithm, tmp_path):
    sites, points, population = small_case()
    html = tmp_path / "summary.html"
    result = run_algorithm(ALG, {"SHELTERS": sites, "SHELTERS_2": points, "POPULATION": population,
                                 "CAPACITY_FIELD": "capacity", **outputs(OUTPUT_HTML=str(html))})
    cells = rows(result["OUTPUT"], "pop_id")
    assert [cells[k]["m2_per_capita"] for k in ("p1", "p2", "p3", "p4")] == pytest.approx([10, 11, 1, 0])
    assert [cells[k]["meets_target"] for k in ("p1", "p2", "p3", "p4")] == [True, True, False, False]
    assert [cells[k]["deficit_m2"] for k in ("p1", "p2", "p3", "p4")] == pytest.approx([0, 0, 200, 75])
    assert cells["p4"]["no_shelter"] is True and cells["p1"]["no_shelter"] is False
    assert cells["p5"]["counted_residents"] == 0  # rural: not counted (URBAN_ONLY by default)
    assert cells["p5"]["residents"] == 999  # input fields are kept

    shelters = rows(result["OUTPUT_SHELTERS"], "shelter_id")
    assert set(shelters) == {"A", "B"}  # the emergency point does not count
    assert shelters["A"]["served_residents"] == 300 and shelters["A"]["m2_per_served"] == pytest.approx(10)
    assert shelters["A"]["overloaded"] is True and shelters["A"]["over_capacity"] is True  # 300 > 250
    assert shelters["B"]["m2_per_served"] == pytest.approx(1) and shelters["B"]["overloaded"] is True
    assert shelters["A"]["source_layer"] == "sites" and shelters["B"]["source_layer"] == "points"

    county = rows(result["OUTPUT_SUMMARY"], "scope")["county"]
    assert county["residents"] == 750 and county["shelter_area_m2"] == 3600
    assert county["m2_per_capita"] == pytest.approx(3600 / 750)
    assert result["SHARE_MEETING_TARGET"] == pytest.approx(0.4)
    assert result["RESIDENTS_NO_SHELTER"] == 50
    assert result["TOTAL_DEFICIT_M2"] == pytest.approx(275)
    assert result["SHELTERS_OVERLOADED"] == 2
    text = html.read_text(encoding="utf-8")
    assert "4.80" in text and "shelterpercapita" in text


def test_small_case_administrative_with_units(run_algorithm):
    sites, points, population = small_case()
    # U1 holds A, p1, p2 (and p5); U2 holds B, p3; p4 and the emergency point lie outside both
    units = memory_layer("Polygon", ["town_id:string", "name:string"],
                         [(square(-1000, -1000, 1500, 3500), ["T1", "甲镇"]),
                          (square(1500, -1000, 3000, 3500), ["T2", "乙镇"])], "townships")
    result = run_algorithm(ALG, {"SHELTERS": sites, "SHELTERS_2": points, "POPULATION": population, "UNITS": units,
                                 "METHOD": 0, "URBAN_ONLY": False, **outputs()})
    towns = rows(result["OUTPUT"], "town_id")
    # T1: 3000 m² / (100 + 200 + 999) residents; T2: 600 / 400 = 1.5 (the bound is included)
    assert towns["T1"]["residents"] == 1299 and towns["T1"]["shelter_area_m2"] == 3000
    assert towns["T1"]["m2_per_capita"] == pytest.approx(3000 / 1299)
    assert towns["T2"]["m2_per_capita"] == pytest.approx(1.5) and towns["T2"]["meets_target"] is True
    assert towns["T1"]["deficit_m2"] == 0 and towns["T2"]["deficit_m2"] == 0
    assert towns["T1"]["name"] == "甲镇"
    summary = rows(result["OUTPUT_SUMMARY"], "scope")
    # the county counts every resident, also p4 outside both units: 3600 m² / 1749 ≥ 1.5
    assert summary["county"]["residents"] == 1749 and summary["county"]["deficit_m2"] == pytest.approx(0)
    by_unit = {f["unit_id"]: f for f in result["OUTPUT_SUMMARY"].getFeatures() if f["scope"] == "unit"}
    assert by_unit["T2"]["unit_name"] == "乙镇" and by_unit["T2"]["m2_per_capita"] == pytest.approx(1.5)
    # share meeting (METHOD 0): residents of meeting units among residents inside units = 1699 / 1699
    assert result["SHARE_MEETING_TARGET"] == pytest.approx(1.0)


def test_parameters_parse_from_strings(run_algorithm):
    sites, points, population = small_case()
    result = run_algorithm(ALG, {"SHELTERS": sites, "SHELTERS_2": points, "POPULATION": population,
                                 "METHOD": "1", "RADIUS": "999", "TARGET": "1.5", "URBAN_ONLY": "false",
                                 "TYPES": "1,2,3,4", "AREA_FIELD": "area_m2", "TYPE_FIELD": "type",
                                 "POPULATION_FIELD": "residents", **outputs()})
    cells = rows(result["OUTPUT"], "pop_id")
    assert cells["p2"]["no_shelter"] is True  # 1000 m > 999 m
    assert cells["p1"]["m2_per_capita"] == pytest.approx(30)
    assert cells["p5"]["counted_residents"] == 999


def test_area_field_empty_means_polygon_area(run_algorithm):
    sites, _points, population = small_case()
    result = run_algorithm(ALG, {"SHELTERS": sites, "POPULATION": population, "AREA_FIELD": "", **outputs()})
    assert rows(result["OUTPUT_SHELTERS"], "shelter_id")["A"]["eff_area_m2"] == pytest.approx(10_000)


@pytest.mark.parametrize("layer_name, field, value, words", [
    ("points", "area_m2", None, ["points", "B (fid 1)", "area_m2", "empty"]),
    ("points", "area_m2", -3.0, ["points", "B (fid 1)", "area_m2", "negative"]),
    ("points", "type", "bunker", ["points", "B (fid 1)", "'type'", "unknown value 'bunker'"]),
    ("population", "residents", None, ["population", "p2 (fid 2)", "residents", "empty"]),
])
def test_bad_input_is_named(run_algorithm, layer_name, field, value, words):
    sites, points, population = small_case()
    layer = {"points": points, "population": population}[layer_name]
    index = layer.fields().indexOf(field)
    fid = 1 if layer_name == "points" else 2
    assert layer.dataProvider().changeAttributeValues({fid: {index: value}})
    with pytest.raises(QgsProcessingException) as error:
        run_algorithm(ALG, {"SHELTERS": sites, "SHELTERS_2": points, "POPULATION": population, **outputs()})
    for word in words:
        assert word in str(error.value)


def test_missing_units_or_roads_are_explained(run_algorithm):
    sites, _points, population = small_case()
    with pytest.raises(QgsProcessingException, match="UNITS"):
        run_algorithm(ALG, {"SHELTERS": sites, "POPULATION": population, "METHOD": 0, **outputs()})
    with pytest.raises(QgsProcessingException, match="ROADS"):
        run_algorithm(ALG, {"SHELTERS": sites, "POPULATION": population, "METHOD": 2, **outputs()})


def _to_wgs84(layer):
    transform = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    kind = {0: "Point", 2: "Polygon"}[layer.geometryType()]
    out = QgsVectorLayer(f"{kind}?crs=EPSG:4326", layer.name(), "memory")
    out.dataProvider().addAttributes(layer.fields().toList())
    out.updateFields()
    features = []
    for feature in layer.getFeatures():
        geometry = QgsGeometry(feature.geometry())
        geometry.transform(transform)
        copy = QgsFeature(out.fields())
        copy.setGeometry(geometry)
        copy.setAttributes(feature.attributes())
        features.append(copy)
    out.dataProvider().addFeatures(features)
    out.updateExtents()
    return out


def test_geographic_input_is_reprojected_and_said(run_algorithm):
    sites, points, population = small_case()

    class Log(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.lines = []

        def pushInfo(self, info):  # noqa: N802
            self.lines.append(info)

        def pushWarning(self, warning):  # noqa: N802
            self.lines.append(warning)

    log = Log()
    result = run_algorithm(ALG, {"SHELTERS": _to_wgs84(sites), "SHELTERS_2": _to_wgs84(points),
                                 "POPULATION": _to_wgs84(population), "RADIUS": 1100, **outputs()}, feedback=log)
    assert result["OUTPUT"].crs().authid() == "EPSG:4549"
    assert any("EPSG:4549" in line and "reprojected" in line for line in log.lines)
    cells = rows(result["OUTPUT"], "pop_id")
    assert [cells[k]["m2_per_capita"] for k in ("p1", "p2", "p3")] == pytest.approx([10, 11, 1], rel=1e-6)


def test_cancelled_run_writes_nothing(run_algorithm):
    sites, points, population = small_case()
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    try:
        result = run_algorithm(ALG, {"SHELTERS": sites, "POPULATION": population, **outputs()}, feedback=feedback)
    except QgsProcessingException:
        result = {}
    assert "OUTPUT" not in result or result["OUTPUT"] is None


def test_styles_classify_around_the_target(run_algorithm):
    from riskatlas.layers.shelter_style import style_per_capita, style_shelter_load

    sites, points, population = small_case()
    result = run_algorithm(ALG, {"SHELTERS": sites, "SHELTERS_2": points, "POPULATION": population, "RADIUS": 999,
                                 **outputs()})
    layer = result["OUTPUT"]
    style_per_capita(layer, 1.5, language="en")
    renderer = layer.renderer()
    context = QgsRenderContext()
    renderer.startRender(context, layer.fields())
    labels = {}
    for feature in layer.getFeatures():
        keys = renderer.legendKeysForFeature(feature, context)
        rule = [r for r in renderer.rootRule().descendants() if r.ruleKey() in keys]
        labels[feature["pop_id"]] = rule[0].label()
    renderer.stopRender(context)
    # p1 30 m², p3 exactly 1.5 (meets: bound included), p2 and p4 no shelter, p5 no (urban) residents
    assert labels["p1"].startswith("twice the target")
    assert labels["p3"].startswith("meets the target")
    assert labels["p2"] == labels["p4"] == "no shelter in reach"
    assert labels["p5"] == "no residents"
    load = result["OUTPUT_SHELTERS"]
    style_shelter_load(load, language="en")
    assert {c.label() for c in load.renderer().categories()} == {"overloaded", "not overloaded"}


# ---------------------------------------------------------------- the sample county

@pytest.fixture
def county_run(riskatlas_provider, sample_gpkg, tmp_path_factory):
    from qgis import processing
    from qgis.core import QgsProcessingContext

    folder = tmp_path_factory.mktemp("shelters")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    result = processing.run(ALG, {
        "SHELTERS": layer_uri(sample_gpkg, "shelters"), "SHELTERS_2": layer_uri(sample_gpkg, "shelter_points"),
        "POPULATION": layer_uri(sample_gpkg, "population"), "UNITS": layer_uri(sample_gpkg, "townships"),
        "METHOD": 0, "CAPACITY_FIELD": "capacity",
        "OUTPUT": str(folder / "towns.gpkg"), "OUTPUT_SHELTERS": str(folder / "load.gpkg"),
        "OUTPUT_SUMMARY": str(folder / "summary.gpkg"), "OUTPUT_HTML": str(folder / "summary.html")},
        context=context, feedback=QgsProcessingFeedback())
    return result, folder


def _sample_frames(sample_gpkg):
    from riskatlas.layers.convert import source_to_frame

    frames = {}
    for name in ("shelters", "shelter_points", "population", "townships"):
        layer = QgsVectorLayer(layer_uri(sample_gpkg, name), name, "ogr")
        assert layer.isValid()
        frames[name] = source_to_frame(layer, name).gdf
    return frames


def test_sample_county_per_township_indicator(county_run, sample_gpkg):
    """The per-township indicator against an independent computation with geopandas overlay
    (area-weighted urban residents, shelters by centroid)."""
    import geopandas as gpd
    import pandas as pd

    result, folder = county_run
    towns = QgsVectorLayer(f"{result['OUTPUT']}", "towns", "ogr")
    assert towns.isValid() and towns.featureCount() == 10
    frames = _sample_frames(sample_gpkg)
    townships = frames["townships"].reset_index(drop=True)
    population = frames["population"]
    urban = population[population["urban"].astype(bool)].copy()
    urban["cell_area"] = urban.geometry.area
    pieces = gpd.overlay(urban.reset_index(drop=True)[["residents", "cell_area", "geometry"]],
                         townships[["town_id", "geometry"]], how="intersection", keep_geom_type=True)
    pieces["share"] = pieces["residents"] * pieces.geometry.area / pieces["cell_area"]
    residents = pieces.groupby("town_id")["share"].sum()
    shelters = pd.concat([frames["shelters"], frames["shelter_points"]])
    fixed = shelters[shelters["type"].isin(["fixed_short", "fixed_medium", "fixed_long", "central"])]
    located = gpd.sjoin(gpd.GeoDataFrame(fixed[["area_m2"]], geometry=fixed.geometry.centroid, crs=fixed.crs),
                        townships[["town_id", "geometry"]], predicate="within")
    area = located.groupby("town_id")["area_m2"].sum()
    for feature in towns.getFeatures():
        town = feature["town_id"]
        assert feature["residents"] == pytest.approx(residents[town], rel=1e-9)
        assert feature["shelter_area_m2"] == pytest.approx(area.get(town, 0.0))
        expected = area.get(town, 0.0) / residents[town]
        assert feature["m2_per_capita"] == pytest.approx(expected, rel=1e-9)
        assert feature["meets_target"] == (expected >= 1.5)
        assert feature["deficit_m2"] == pytest.approx(max(0.0, 1.5 * residents[town] - area.get(town, 0.0)), abs=1e-6)
    assert os.path.getsize(folder / "summary.html") > 1000
    assert 0 < result["SHARE_MEETING_TARGET"] < 1  # the sample county mixes townships above and below 1.5


def test_sample_county_catchment_runs_with_defaults(run_algorithm, sample_gpkg):
    result = run_algorithm(ALG, {"SHELTERS": layer_uri(sample_gpkg, "shelters"),
                                 "SHELTERS_2": layer_uri(sample_gpkg, "shelter_points"),
                                 "POPULATION": layer_uri(sample_gpkg, "population"), **outputs()})
    cells = result["OUTPUT"]
    assert cells.featureCount() == QgsVectorLayer(layer_uri(sample_gpkg, "population"), "p", "ogr").featureCount()
    values = [f["m2_per_capita"] for f in cells.getFeatures() if f["counted_residents"] > 0]
    assert values and all(v >= 0 for v in values)
    assert result["RESIDENTS_NO_SHELTER"] >= 0 and result["SHELTERS_OVERLOADED"] >= 0


def test_type_table_file_replaces_the_radii(run_algorithm, tmp_path):
    from riskatlas.core.standards.shelters import write_shelter_standards

    path = tmp_path / "types.csv"
    write_shelter_standards(str(path))
    path.write_text(path.read_text(encoding="utf-8").replace(",True,1000.0,", ",True,999.0,"), encoding="utf-8")
    assert ",True,999.0," in path.read_text(encoding="utf-8")
    sites, points, population = small_case()
    result = run_algorithm(ALG, {"SHELTERS": sites, "SHELTERS_2": points, "POPULATION": population,
                                 "TYPE_TABLE": str(path), **outputs()})
    cells = rows(result["OUTPUT"], "pop_id")
    assert cells["p2"]["no_shelter"] is True  # 1000 m is beyond the table's 999 m
    assert rows(result["OUTPUT_SHELTERS"], "shelter_id")["A"]["radius_m"] == 999
    bad = tmp_path / "bad.csv"
    bad.write_text("code,counts_per_capita,radius_m\nfixed_short,true,-1\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="bad.csv row 1"):
        run_algorithm(ALG, {"SHELTERS": sites, "POPULATION": population, "TYPE_TABLE": str(bad), **outputs()})
