"""riskatlas:firestationreach in real QGIS: agreement with native:serviceareafromlayer, invariants."""
import numpy as np
import pytest
import shapely
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsVectorLayer

from .conftest import layer_uri
from qgis_helpers import covered_network_length, layer_of as _layer, shapes as _shapes


def test_reached_length_agrees_with_native_service_area(run_algorithm, sample_gpkg):
    roads, stations = layer_uri(sample_gpkg, "roads"), layer_uri(sample_gpkg, "fire_stations")
    # turnout 0, one speed (50 km/h), both directions; native's time is in hours on 3.22
    native = run_algorithm("native:serviceareafromlayer", {
        "INPUT": roads, "STRATEGY": 1, "DEFAULT_DIRECTION": 2, "DEFAULT_SPEED": 50, "TOLERANCE": 0,
        "START_POINTS": stations, "TRAVEL_COST2": 5 / 60, "INCLUDE_BOUNDS": False, "OUTPUT_LINES": "memory:"})
    ours = run_algorithm("riskatlas:firestationreach", {
        "STATIONS": stations, "ROADS": roads, "SPEED_FIELD": "", "ROAD_CLASS_FIELD": "", "DIRECTION_FIELD": "",
        "DEFAULT_SPEED": 50, "TURNOUT_FIELD": "", "DEFAULT_TURNOUT": 0, "TIME_LIMIT": 5,
        "OUTPUT_EDGES": "memory:", "OUTPUT_AREAS": "memory:", "OUTPUT_GAPS": "memory:"})
    network = _shapes(QgsVectorLayer(roads, "roads", "ogr"))
    native_km = covered_network_length(network, _shapes(_layer(native, "OUTPUT_LINES"))) / 1000
    edges = _shapes(_layer(ours, "OUTPUT_EDGES"))
    ours_km = covered_network_length(network, edges) / 1000
    ours_field_km = sum(f["length_m"] for f in _layer(ours, "OUTPUT_EDGES").getFeatures()) / 1000
    print(f"reached network: native {native_km:.2f} km, riskatlas {ours_km:.2f} km "
          f"({100 * (ours_km - native_km) / native_km:+.3f} %)")
    assert ours_field_km == pytest.approx(ours_km, rel=1e-6)  # our pieces do not overlap
    assert native_km > 100
    assert ours_km == pytest.approx(native_km, rel=0.01)


def test_sample_county_run_invariants(run_algorithm, sample_gpkg, tmp_path):
    uri = lambda name: layer_uri(sample_gpkg, name)  # noqa: E731
    result = run_algorithm("riskatlas:firestationreach", {
        "STATIONS": uri("fire_stations"), "ROADS": uri("roads"), "STUDY_AREA": uri("townships"),
        "POPULATION": uri("population"), "TARGETS": [uri("enterprises"), uri("hazard_sources")],
        "OUTPUT_EDGES": "memory:", "OUTPUT_AREAS": "memory:", "OUTPUT_GAPS": "memory:",
        "OUTPUT_TARGETS": "memory:", "OUTPUT_SUMMARY": "memory:", "OUTPUT_HTML": str(tmp_path / "reach.html")})
    areas_layer = _layer(result, "OUTPUT_AREAS")
    areas = _shapes(areas_layer)
    assert areas_layer.featureCount() == 8
    overlap = sum(shapely.area(shapely.intersection(areas[i], areas[j]))
                  for i in range(len(areas)) for j in range(i + 1, len(areas)))
    assert overlap < 1.0  # m²
    gaps = _shapes(_layer(result, "OUTPUT_GAPS"))
    county = shapely.union_all(_shapes(QgsVectorLayer(uri("townships"), "t", "ogr")))
    # areas + gaps tile the study area
    assert (shapely.area(shapely.union_all(areas)) + shapely.area(shapely.union_all(gaps))) == pytest.approx(
        shapely.area(county), rel=1e-3)
    assert shapely.area(shapely.intersection(shapely.union_all(areas), shapely.union_all(gaps))) < 1.0
    features = {f["station_id"]: f for f in areas_layer.getFeatures()}
    assert features["FS01"]["class_limit_km2"] == 7.0 and features["FS05"]["class_limit_km2"] == 4.0
    assert features["FS08"]["class_limit_km2"] == 15.0  # suburban
    for f in features.values():
        assert 0 < f["reach_km2"] < 60
        assert f["residents"] >= 0
    edges = _layer(result, "OUTPUT_EDGES")
    assert max(f["arrival_min"] for f in edges.getFeatures()) <= 5.0 + 1e-9
    summary = {f["station_id"]: f for f in _layer(result, "OUTPUT_SUMMARY").getFeatures()}
    assert len(summary) == 9
    gap_residents = sum(f["residents"] for f in _layer(result, "OUTPUT_GAPS").getFeatures())
    assert summary["ALL"]["residents_in_time"] + gap_residents == pytest.approx(500_000, rel=1e-3)
    targets = _layer(result, "OUTPUT_TARGETS")
    assert targets.featureCount() == 2900 + 57
    text = (tmp_path / "reach.html").read_text(encoding="utf-8")
    assert "FS01" in text and "152-2017" in text


def _memory_layers(station_xy):
    roads = QgsVectorLayer("LineString?crs=EPSG:4549&field=speed_kmh:double", "roads", "memory")
    feature = QgsFeature(roads.fields())
    feature.setGeometry(QgsGeometry.fromWkt("LINESTRING(500000 3300000, 510000 3300000)"))
    feature.setAttributes([60.0])
    roads.dataProvider().addFeatures([feature])
    stations = QgsVectorLayer("Point?crs=EPSG:4549&field=station_id:string", "stations", "memory")
    features = []
    for i, (x, y) in enumerate(station_xy):
        f = QgsFeature(stations.fields())
        f.setGeometry(QgsGeometry.fromWkt(f"POINT({x} {y})"))
        f.setAttributes([f"S{i + 1}"])
        features.append(f)
    stations.dataProvider().addFeatures(features)
    return roads, stations


def test_far_station_is_reported_and_zero_speed_refused(run_algorithm):
    from qgis.core import QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        warnings = []

        def pushWarning(self, message):  # noqa: N802
            self.warnings.append(message)

    roads, stations = _memory_layers([(502000, 3300100), (505000, 3309000)])
    feedback = Feedback()
    result = run_algorithm("riskatlas:firestationreach", {
        "STATIONS": stations, "ROADS": roads, "OUTPUT_EDGES": "memory:", "OUTPUT_AREAS": "memory:",
        "OUTPUT_GAPS": "memory:"}, feedback=feedback)
    assert any("S2" in w and "SNAP_TOLERANCE" in w for w in feedback.warnings)
    edges = _layer(result, "OUTPUT_EDGES")
    assert {f["station_id"] for f in edges.getFeatures()} == {"S1"}
    # 5 min - 1 min turnout = 4 km each way from x = 2000 (the road starts at 0): 2 + 4 km
    assert sum(f["length_m"] for f in edges.getFeatures()) == pytest.approx(6000)
    roads.dataProvider().changeAttributeValues({1: {0: 0.0}})
    with pytest.raises(QgsProcessingException, match="speed_kmh"):
        run_algorithm("riskatlas:firestationreach", {
            "STATIONS": stations, "ROADS": roads, "OUTPUT_EDGES": "memory:", "OUTPUT_AREAS": "memory:",
            "OUTPUT_GAPS": "memory:"})


def test_suburban_flag_is_read_as_validation_reads_it(run_algorithm):
    """'否', 'n' and 'f' are false (the class limit applies), '是'/'Y' true (15 km²) — as validateinputs
    reads them; an unknown value stops with the station, layer and field named."""
    roads = QgsVectorLayer("LineString?crs=EPSG:4549&field=speed_kmh:double", "roads", "memory")
    feature = QgsFeature(roads.fields())
    feature.setGeometry(QgsGeometry.fromWkt("LINESTRING(500000 3300000, 530000 3300000)"))
    feature.setAttributes([60.0])
    roads.dataProvider().addFeatures([feature])
    flags = ["否", "n", "f", "是", "Y", None]
    stations = QgsVectorLayer("Point?crs=EPSG:4549&field=station_id:string&field=name:string&field=class:string"
                              "&field=suburban:string", "stations", "memory")
    features = []
    for i, flag in enumerate(flags):
        f = QgsFeature(stations.fields())
        f.setGeometry(QgsGeometry.fromWkt(f"POINT({501000 + 5000 * i} 3300000)"))
        f.setAttributes([f"S{i + 1}", f"站{i + 1}", "class2", flag])
        features.append(f)
    stations.dataProvider().addFeatures(features)
    validation = run_algorithm("riskatlas:validateinputs", {"FIRE_STATIONS": stations, "OUTPUT": "memory:"})
    assert validation["ERRORS"] == 0
    result = run_algorithm("riskatlas:firestationreach", {
        "STATIONS": stations, "ROADS": roads, "OUTPUT_EDGES": "memory:", "OUTPUT_AREAS": "memory:",
        "OUTPUT_GAPS": "memory:"})
    limits = {f["station_id"]: f["class_limit_km2"] for f in _layer(result, "OUTPUT_AREAS").getFeatures()}
    assert limits == {"S1": 4.0, "S2": 4.0, "S3": 4.0, "S4": 15.0, "S5": 15.0, "S6": 4.0}

    bad = next(stations.getFeatures()).id()
    stations.dataProvider().changeAttributeValues({bad: {3: "maybe"}})
    with pytest.raises(QgsProcessingException, match=rf"stations.*S1 \(fid {bad}\).*suburban"):
        run_algorithm("riskatlas:firestationreach", {
            "STATIONS": stations, "ROADS": roads, "OUTPUT_EDGES": "memory:", "OUTPUT_AREAS": "memory:",
            "OUTPUT_GAPS": "memory:"})


def _rtree_rows(path):
    """(features, rows of the layer's R-tree, SQLite's rtreecheck) of a one-layer GeoPackage."""
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        table, column = connection.execute("SELECT table_name, column_name FROM gpkg_geometry_columns").fetchone()
        features = connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        rtree = f"rtree_{table}_{column}"
        rows = connection.execute(f'SELECT count(*) FROM "{rtree}"').fetchone()[0]
        check = connection.execute(f"SELECT rtreecheck('{rtree}')").fetchone()[0]
    finally:
        connection.close()
    return features, rows, check


def test_geopackage_outputs_have_populated_rtrees_and_time_bands(run_algorithm, sample_gpkg, tmp_path):
    uri = lambda name: layer_uri(sample_gpkg, name)  # noqa: E731
    outputs = {name: str(tmp_path / f"{name.lower()}.gpkg") for name in (
        "OUTPUT_EDGES", "OUTPUT_EDGES_BANDS", "OUTPUT_AREAS", "OUTPUT_GAPS")}
    result = run_algorithm("riskatlas:firestationreach", {
        "STATIONS": uri("fire_stations"), "ROADS": uri("roads"), "STUDY_AREA": uri("townships"), "BAND_MIN": 2,
        **outputs})
    for name, path in outputs.items():
        features, rows, check = _rtree_rows(path)
        assert features > 0 and rows == features and check == "ok", name  # GDAL never built these: we did
    edges = QgsVectorLayer(result["OUTPUT_EDGES"], "edges", "ogr")
    bands = QgsVectorLayer(result["OUTPUT_EDGES_BANDS"], "bands", "ogr")
    by_station = {}
    for f in edges.getFeatures():
        by_station[f["station_id"]] = by_station.get(f["station_id"], 0.0) + f["length_m"]
    band_rows = [(f["station_id"], f["band_from_min"], f["band_to_min"], f["length_m"]) for f in bands.getFeatures()]
    assert {(a, b) for _s, a, b, _l in band_rows} <= {(0.0, 2.0), (2.0, 4.0), (4.0, 5.0)}
    assert bands.featureCount() < edges.featureCount() / 20  # compact: a few features per station
    for station, length in by_station.items():
        assert sum(l for s, _a, _b, l in band_rows if s == station) == pytest.approx(length, rel=1e-9)
    # each band's lines lie where the per-road output says the roads were reached in that band
    assert all(shapely.length(g) > 0 for g in _shapes(bands))


def _tables(path):
    """{table: (features, R-tree rows, rtreecheck)} of the feature tables of a GeoPackage."""
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        out = {}
        for table, column in connection.execute("SELECT table_name, column_name FROM gpkg_geometry_columns"):
            rtree = f"rtree_{table}_{column}"
            out[table] = (connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0],
                          connection.execute(f'SELECT count(*) FROM "{rtree}"').fetchone()[0],
                          connection.execute(f"SELECT rtreecheck('{rtree}')").fetchone()[0])
    finally:
        connection.close()
    return out


def test_outputs_into_one_geopackage_are_all_written_whole(run_algorithm, sample_gpkg, tmp_path):
    """The reached roads are filled in a second thread while the land rule runs; the areas and gaps then go
    into the same file (SQLite writes one connection at a time): every table whole, with its R-tree, and
    the same rows as when each output has a file of its own."""
    uri = lambda name: layer_uri(sample_gpkg, name)  # noqa: E731
    inputs = {"STATIONS": uri("fire_stations"), "ROADS": uri("roads"), "STUDY_AREA": uri("townships"), "BAND_MIN": 2}
    names = ("OUTPUT_EDGES", "OUTPUT_EDGES_BANDS", "OUTPUT_AREAS", "OUTPUT_GAPS")
    one = tmp_path / "one.gpkg"
    run_algorithm("riskatlas:firestationreach", {
        **inputs, **{name: f"ogr:dbname='{one}' table=\"{name.lower()}\" (geom)" for name in names}})
    apart = {name: str(tmp_path / f"{name.lower()}.gpkg") for name in names}
    run_algorithm("riskatlas:firestationreach", {**inputs, **apart})
    together = _tables(str(one))
    assert set(together) == {name.lower() for name in names}
    for name in names:
        features, rows, check = together[name.lower()]
        assert features > 0 and rows == features and check == "ok", name
        assert features == _rtree_rows(apart[name])[0], name


def test_cancelled_while_the_reached_roads_are_written_leaves_nothing(run_algorithm, sample_gpkg, tmp_path,
                                                                      monkeypatch):
    from qgis.core import QgsProcessingFeedback

    from riskatlas.processing.writing import Writing

    started = []
    fill_later = Writing._fill_later

    def counted(self, *args):
        started.append(args[1])
        return fill_later(self, *args)

    monkeypatch.setattr(Writing, "_fill_later", counted)  # (the real fill: only counted)
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda value: feedback.cancel() if value >= 45 else None)
    outputs = {name: str(tmp_path / f"{name.lower()}.gpkg") for name in ("OUTPUT_EDGES", "OUTPUT_AREAS",
                                                                          "OUTPUT_GAPS")}
    result = run_algorithm("riskatlas:firestationreach", {
        "STATIONS": layer_uri(sample_gpkg, "fire_stations"), "ROADS": layer_uri(sample_gpkg, "roads"), **outputs},
        feedback=feedback)
    assert result == {} and feedback.isCanceled()
    assert len(started) == 1  # the reached roads were being written when the run was cancelled
    assert sorted(p.name for p in tmp_path.iterdir()) == []
