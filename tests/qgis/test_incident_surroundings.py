"""riskatlas:incidentsurroundings in real QGIS: a hand-worked road, the fire stations' arrival equal to
riskatlas:firestationreach's target arrival on the sample county, the rings' key targets against QGIS's own
buffer and count, the network kept for the session, the PDF brief."""
import pytest
from qgis.core import QgsFeatureRequest, QgsProcessingFeedback, QgsProcessingUtils, QgsVectorLayer

from .conftest import layer_uri
from qgis_helpers import memory_layer

CRS = "crs=EPSG:4549"


class Infos(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.infos = []

    def pushInfo(self, text):  # noqa: N802 (QGIS API)
        self.infos.append(text)
        super().pushInfo(text)


def _layer(result, key):
    value = result[key]
    return value if isinstance(value, QgsVectorLayer) else QgsProcessingUtils.mapLayerFromString(value, None)


def test_a_hand_worked_road(run_algorithm, tmp_path):
    """A 20 km road at 60 km/h (1 km/min) along y = 0; the incident 100 m off it at x = 5 km; station S at
    x = 0 (turnout 1 min), team T at x = 15 km (no turnout: DEFAULT_TURNOUT 2). The road within 200 m of the
    incident starts √(200² − 100²) = 173.2 m before x = 5 km: S arrives after 1 + 4.8268 min, T after
    2 + 9.8268 min. A school 400 m away (occupancy 300) counts in the 500 m ring, not in the 300 m one."""
    road = memory_layer(f"LineString?{CRS}&field=road_id:string&field=class:string&field=speed_kmh:double",
                        [("LINESTRING(500000 3300000, 520000 3300000)", ["R1", "primary", 60.0])], "roads")
    incident = memory_layer(f"Point?{CRS}&field=name:string", [("POINT(505000 3300100)", ["泄漏点"])], "incident")
    station = memory_layer(f"Point?{CRS}&field=station_id:string&field=name:string&field=turnout_min:double",
                           [("POINT(500000 3300010)", ["S", "一站", 1.0])], "fire_stations")
    team = memory_layer(f"Point?{CRS}&field=team_id:string&field=type:string&field=turnout_min:double",
                        [("POINT(515000 3299990)", ["T", "hazchem", None])], "rescue_teams")
    school = memory_layer(f"Point?{CRS}&field=target_id:string&field=category:string&field=occupancy:integer",
                          [("POINT(505400 3300100)", ["K1", "school", 300])], "key_targets")
    result = run_algorithm("riskatlas:incidentsurroundings", {
        "INCIDENTS": incident, "RINGS": "500,300", "KEY_TARGETS": school, "FIRE_STATIONS": station,
        "RESCUE_TEAMS": team, "ROADS": road, "DEFAULT_TURNOUT": 2, "OUTPUT_RINGS": "memory:",
        "OUTPUT_RESPONDERS": "memory:", "OUTPUT_BRIEF": str(tmp_path / "brief.pdf")})
    rings = {f["ring_m"]: (f["key_targets"], f["key_target_occupancy"]) for f in _layer(result, "OUTPUT_RINGS")
             .getFeatures()}
    assert rings == {300: (0, 0), 500: (1, 300)}
    responders = {f["responder_id"]: (f["kind"], f["arrival_min"], f["distance_m"])
                  for f in _layer(result, "OUTPUT_RESPONDERS").getFeatures()}
    approach = (5000 - (200 ** 2 - 100 ** 2) ** 0.5) / 1000
    assert responders["S"][:2] == ("fire_stations", pytest.approx(1 + approach))
    assert responders["T"][:2] == ("rescue_teams", pytest.approx(2 + 10 - (200 ** 2 - 100 ** 2) ** 0.5 / 1000))
    assert responders["S"][2] == pytest.approx((5000 ** 2 + 90 ** 2) ** 0.5)
    assert (tmp_path / "brief.pdf").read_bytes()[:5] == b"%PDF-"


def test_fire_stations_arrive_as_firestationreach_says_and_the_network_is_kept(run_algorithm, sample_gpkg):
    """Five hazard units' centroids as incidents: the first fire station and its arrival equal the target
    arrival of riskatlas:firestationreach (same roads, defaults); the second query uses the kept network."""
    units = QgsVectorLayer(layer_uri(sample_gpkg, "hazard_sources"), "hazard_sources", "ogr")
    points = memory_layer(f"Point?{CRS}&field=unit_id:string", [
        (f.geometry().centroid().asWkt(), [f["unit_id"]])
        for f in units.getFeatures(QgsFeatureRequest().setLimit(40))][::8], "incidents")
    reach = run_algorithm("riskatlas:firestationreach", {
        "STATIONS": layer_uri(sample_gpkg, "fire_stations"), "ROADS": layer_uri(sample_gpkg, "roads"),
        "TARGETS": [points], "OUTPUT_EDGES": "memory:", "OUTPUT_AREAS": "memory:", "OUTPUT_GAPS": "memory:",
        "OUTPUT_TARGETS": "memory:"})
    expected = {f["target_id"]: (f["station_id"], f["arrival_min"]) for f in _layer(reach, "OUTPUT_TARGETS")
                .getFeatures()}
    parameters = {"INCIDENTS": points, "INCIDENT_ID_FIELD": "unit_id",
                  "FIRE_STATIONS": layer_uri(sample_gpkg, "fire_stations"), "ROADS": layer_uri(sample_gpkg, "roads"),
                  "N_NEAREST": 1, "OUTPUT_RINGS": "memory:", "OUTPUT_RESPONDERS": "memory:"}
    first, second = Infos(), Infos()
    result = run_algorithm("riskatlas:incidentsurroundings", parameters, first)
    found = {f["incident_id"]: (f["responder_id"], f["arrival_min"]) for f in _layer(result, "OUTPUT_RESPONDERS")
             .getFeatures()}
    assert found.keys() == expected.keys() and len(found) == 5
    for key, (station, minutes) in expected.items():
        assert found[key][0] == station and found[key][1] == pytest.approx(minutes, abs=1e-6)
    run_algorithm("riskatlas:incidentsurroundings", parameters, second)
    assert any("kept from an earlier run" in line for line in second.infos)


def test_key_targets_in_the_rings_as_qgis_buffers_and_counts_them(run_algorithm, sample_gpkg):
    """One hazard unit: the key targets within 1000 and 3000 m as native:buffer (256 segments) and
    native:countpointsinpolygon count them."""
    incident = QgsVectorLayer(layer_uri(sample_gpkg, "hazard_sources") + "|subset=\"unit_id\" = 'HU001'",
                              "HU001", "ogr")
    key_targets = layer_uri(sample_gpkg, "key_targets")
    result = run_algorithm("riskatlas:incidentsurroundings", {
        "INCIDENTS": incident, "INCIDENT_ID_FIELD": "unit_id", "RINGS": "1000,3000", "KEY_TARGETS": key_targets,
        "OUTPUT_RINGS": "memory:", "OUTPUT_RESPONDERS": "memory:"})
    mine = {f["ring_m"]: f["key_targets"] for f in _layer(result, "OUTPUT_RINGS").getFeatures()}
    for distance in (1000, 3000):
        ring = run_algorithm("native:buffer", {"INPUT": incident, "DISTANCE": distance, "SEGMENTS": 256,
                                               "DISSOLVE": True, "OUTPUT": "memory:"})
        counted = run_algorithm("native:countpointsinpolygon", {"POLYGONS": ring["OUTPUT"], "POINTS": key_targets,
                                                               "FIELD": "n", "OUTPUT": "memory:"})
        assert mine[distance] == next(_layer(counted, "OUTPUT").getFeatures())["n"]
    assert mine[3000] > 0


def test_only_roads_that_cannot_change_unseen_are_kept(sample_gpkg, tmp_path):
    """A GeoPackage's roads are kept (keyed by file, size and time); memory roads, roads being edited and a
    selection are not. (Edited in a copy: the sample county is never opened for editing.)"""
    import shutil

    from riskatlas.layers.incident_io import network_key

    copy = shutil.copy(sample_gpkg, tmp_path / "county.gpkg")
    roads = QgsVectorLayer(layer_uri(str(copy), "roads"), "roads", "ogr")
    assert network_key(roads, roads.source(), ["60"]) is not None
    assert network_key(roads, roads.source(), ["60"]) != network_key(roads, roads.source(), ["50"])
    memory = memory_layer(f"LineString?{CRS}&field=road_id:string", [("LINESTRING(0 0, 1 1)", ["R1"])], "roads")
    assert network_key(memory, memory.source(), ["60"]) is None
    roads.startEditing()
    roads.deleteFeature(next(roads.getFeatures()).id())
    assert network_key(roads, roads.source(), ["60"]) is None
    roads.rollBack()


def test_population_as_a_grid_or_as_points(run_algorithm, tmp_path):
    """Population as bureaus have it (issue 14's contract holds here too). A 2 × 2 grid of 100 m cells holding
    100, 200, 300 and 400 residents, the incident at the corner the four cells share: a 60 m ring covers a
    quarter disc of each cell, π·60²/4 / 100² = 28.27 % of its residents — 282.7 in all; a 200 m ring covers
    the whole grid (1,000). Points count wholly where they lie: 50 residents 40 m away, 70 residents 150 m away."""
    import math

    from osgeo import gdal, osr

    path = str(tmp_path / "grid.tif")
    grid = gdal.GetDriverByName("GTiff").Create(path, 2, 2, 1, gdal.GDT_Float32)
    grid.SetGeoTransform((500000.0, 100.0, 0.0, 3300200.0, 0.0, -100.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4549)
    grid.SetProjection(srs.ExportToWkt())
    grid.GetRasterBand(1).WriteArray(__import__("numpy").array([[100.0, 200.0], [300.0, 400.0]]))
    grid = None
    incident = memory_layer(f"Point?{CRS}&field=name:string", [("POINT(500100 3300100)", ["泄漏点"])], "incident")
    result = run_algorithm("riskatlas:incidentsurroundings", {
        "INCIDENTS": incident, "RINGS": "60,200", "POPULATION_RASTER": path, "OUTPUT_RINGS": "memory:",
        "OUTPUT_RESPONDERS": "memory:"})
    residents = {f["ring_m"]: f["residents"] for f in _layer(result, "OUTPUT_RINGS").getFeatures()}
    assert residents[60] == pytest.approx(1000 * math.pi * 60 ** 2 / 4 / 100 ** 2, rel=5e-3)
    assert residents[200] == pytest.approx(1000)
    villages = memory_layer(f"Point?{CRS}&field=pop_id:string&field=residents:double",
                            [("POINT(500140 3300100)", ["V1", 50.0]), ("POINT(500100 3300250)", ["V2", 70.0])],
                            "population")
    result = run_algorithm("riskatlas:incidentsurroundings", {
        "INCIDENTS": incident, "RINGS": "60,200", "POPULATION": villages, "OUTPUT_RINGS": "memory:",
        "OUTPUT_RESPONDERS": "memory:"})
    residents = {f["ring_m"]: f["residents"] for f in _layer(result, "OUTPUT_RINGS").getFeatures()}
    assert residents == {60: pytest.approx(50), 200: pytest.approx(120)}
