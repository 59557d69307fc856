"""riskatlas:firestationreach on a real OSM extract (Helsinki, GDAL's OSM driver, the raw 'lines' layer)
with the OSM preset, against QGIS's native:serviceareafromlayer on speeds and directions worked out here
by hand from the tags (the table's numbers: 0.7 × the design speed; maxspeed × 0.7)."""
import html as html_text
import json
import re

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsVectorLayer

from osm_data import helsinki_pbf
from qgis_helpers import covered_network_length, layer_of, memory_layer, shapes

# highway value -> km/h of the OSM preset, written out by hand: 0.7 × design speed
EXPECTED_KMH = {"motorway": 84, "motorway_link": 56, "trunk": 70, "trunk_link": 42, "primary": 56, "primary_link": 42,
                "secondary": 28, "secondary_link": 21, "tertiary": 21, "tertiary_link": 14, "unclassified": 14,
                "residential": 28, "living_street": 14, "service": 14, "road": 14}
LIMIT_MIN = 3.0
CRS = "EPSG:3067"  # ETRS-TM35FIN, Finland's projected CRS


def _tag(tags, key):
    found = re.search(rf'(?:^|,)"{re.escape(key)}"=>"([^"]*)"', tags or "")
    return found.group(1) if found else None


@pytest.fixture(scope="module")
def osm_lines(qgis_processing_ready):
    """The 'lines' layer of the extract, reprojected to EPSG:3067 (a memory layer keeping other_tags)."""
    from qgis import processing

    lines = QgsVectorLayer(f"{helsinki_pbf()}|layername=lines", "lines", "ogr")
    assert lines.isValid()  # (the OSM driver does not know its feature count before reading)
    projected = processing.run("native:reprojectlayer", {"INPUT": lines, "TARGET_CRS": QgsCoordinateReferenceSystem(
        CRS), "OUTPUT": "memory:"})["OUTPUT"]
    assert projected.featureCount() > 2000
    return projected


def _reference_roads(lines):
    """The drivable lines with a speed (km/h) and a direction code worked out from the tags by hand."""
    rows, counts = [], {"maxspeed": 0, "class": 0, "oneway": 0, "left_out": 0}
    for feature in lines.getFeatures():
        highway, tags = feature["highway"], feature["other_tags"]
        if highway not in EXPECTED_KMH:
            counts["left_out"] += 1
            continue
        maxspeed = _tag(tags, "maxspeed")
        speed = 0.7 * float(maxspeed) if maxspeed and maxspeed.isdigit() else EXPECTED_KMH[highway]
        counts["maxspeed" if maxspeed and maxspeed.isdigit() else "class"] += 1
        oneway = _tag(tags, "oneway")
        if oneway is None and _tag(tags, "junction") in ("roundabout", "circular"):
            oneway = "yes"
        direction = {"yes": "f", "-1": "b"}.get(oneway, "x")
        counts["oneway"] += direction != "x"
        rows.append((feature.geometry().asWkt(), [speed, direction]))
    layer = memory_layer(f"LineString?crs={CRS}&field=speed:double&field=dir:string", rows, "reference")
    return layer, counts


def _stations(lines):
    """Three stations: the first vertex of the first primary, secondary and residential street."""
    rows, seen = [], set()
    for feature in lines.getFeatures():
        if feature["highway"] in ("primary", "secondary", "residential") and feature["highway"] not in seen:
            seen.add(feature["highway"])
            point = feature.geometry().vertexAt(0)
            rows.append((f"POINT({point.x()} {point.y()})", [f"S{len(rows) + 1}"]))
    assert len(rows) == 3
    return memory_layer(f"Point?crs={CRS}&field=station_id:string", rows, "stations")


def test_osm_lines_reach_agrees_with_native_service_area(run_algorithm, osm_lines, tmp_path):
    reference, counts = _reference_roads(osm_lines)
    assert counts["maxspeed"] > 500 and counts["class"] > 100 and counts["oneway"] > 100 and counts["left_out"] > 1000
    stations = _stations(osm_lines)
    native = run_algorithm("native:serviceareafromlayer", {
        "INPUT": reference, "STRATEGY": 1, "SPEED_FIELD": "speed", "DEFAULT_SPEED": 1,
        "DIRECTION_FIELD": "dir", "VALUE_FORWARD": "f", "VALUE_BACKWARD": "b", "VALUE_BOTH": "x",
        "DEFAULT_DIRECTION": 2, "TOLERANCE": 0, "START_POINTS": stations, "TRAVEL_COST2": LIMIT_MIN / 60,
        "INCLUDE_BOUNDS": False, "OUTPUT_LINES": "memory:"})
    html = str(tmp_path / "reach.html")
    ours = run_algorithm("riskatlas:firestationreach", {
        "STATIONS": stations, "ROADS": osm_lines, "SPEED_PRESET": 1, "TURNOUT_FIELD": "", "DEFAULT_TURNOUT": 0,
        "TIME_LIMIT": LIMIT_MIN, "OUTPUT_EDGES": "memory:", "OUTPUT_AREAS": "memory:", "OUTPUT_GAPS": "memory:",
        "OUTPUT_HTML": html})
    network = shapes(reference)
    native_km = covered_network_length(network, shapes(layer_of(native, "OUTPUT_LINES"))) / 1000
    ours_km = covered_network_length(network, shapes(layer_of(ours, "OUTPUT_EDGES"))) / 1000
    print(f"Helsinki, {LIMIT_MIN:g} min: native {native_km:.3f} km, riskatlas {ours_km:.3f} km")
    assert native_km > 5
    assert ours_km == pytest.approx(native_km, rel=0.01)
    report = open(html, encoding="utf-8").read()
    assert "Speeds used" in report and "maxspeed × 0.7" in report and "osm_highway" in report
    record = json.loads(html_text.unescape(re.search(r"<pre>(.*)</pre>", report, re.S).group(1)))
    footways = sum(1 for f in osm_lines.getFeatures() if f["highway"] == "footway")
    assert ["left out", "footway", 0.0, footways] in record["speeds_used"]
    assert record["speed_preset"] == "osm_highway"


def test_sample_county_osm_copy_reaches_what_todays_roads_reach(run_algorithm, sample_gpkg, tmp_path):
    """Classes and oneway rewritten to OSM values and the speeds moved into maxspeed: with a speed table
    giving the OSM values today's speeds (posted limits at factor 1) the result is today's."""
    from qgis_helpers import OSM_STYLE_SPEED_TABLE, osm_style_roads

    table = tmp_path / "osm_as_today.csv"
    table.write_text(OSM_STYLE_SPEED_TABLE, encoding="utf-8")
    common = {"STATIONS": f"{sample_gpkg}|layername=fire_stations", "POPULATION": f"{sample_gpkg}|layername=population",
              "STUDY_AREA": f"{sample_gpkg}|layername=townships", "OUTPUT_EDGES": "memory:",
              "OUTPUT_AREAS": "memory:", "OUTPUT_GAPS": "memory:", "OUTPUT_SUMMARY": "memory:"}
    today = run_algorithm("riskatlas:firestationreach", {**common, "ROADS": f"{sample_gpkg}|layername=roads"})
    osm = run_algorithm("riskatlas:firestationreach", {**common, "ROADS": osm_style_roads(sample_gpkg),
                                                       "SPEED_TABLE": str(table)})
    fields = ("reach_km2", "residents_in_time", "district_km2", "district_residents", "residents_in_time_pct")
    summaries = [{f["station_id"]: [f[name] for name in fields] for f in layer_of(r, "OUTPUT_SUMMARY").getFeatures()}
                 for r in (today, osm)]
    assert summaries[0].keys() == summaries[1].keys() and len(summaries[0]) == 9
    for station, values in summaries[0].items():
        assert summaries[1][station] == pytest.approx(values, rel=1e-9), station
    lengths = [sum(f["length_m"] for f in layer_of(r, "OUTPUT_EDGES").getFeatures()) for r in (today, osm)]
    assert lengths[1] == pytest.approx(lengths[0], rel=1e-9)
    print("sample county today / OSM copy:", summaries[0]["ALL"], summaries[1]["ALL"], lengths)


def test_osm_lines_with_the_template_preset_are_warned_about(run_algorithm, osm_lines):
    from qgis.core import QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.warnings = []

        def pushWarning(self, message):  # noqa: N802
            self.warnings.append(message)

    feedback = Feedback()
    run_algorithm("riskatlas:firestationreach", {
        "STATIONS": _stations(osm_lines), "ROADS": osm_lines, "OUTPUT_EDGES": "memory:", "OUTPUT_AREAS": "memory:",
        "OUTPUT_GAPS": "memory:"}, feedback=feedback)
    assert any("speed preset of OSM highway classes" in w for w in feedback.warnings)


def test_imported_osm_lines_reach_what_the_raw_lines_reach(run_algorithm, osm_lines, tmp_path):
    """riskatlas:importlayer keeps the roads the OSM speed table drives, with oneway and maxspeed from
    other_tags and the OSM value beside the class; the OSM preset then reaches on the imported layer
    exactly what it reaches on the raw lines."""
    imported = run_algorithm("riskatlas:importlayer", {"INPUT": osm_lines, "OUTPUT": str(tmp_path / "roads.gpkg")})
    roads = QgsVectorLayer(imported["OUTPUT"], "roads", "ogr")
    drivable = [f for f in osm_lines.getFeatures() if f["highway"] in EXPECTED_KMH]
    assert imported["KIND_USED"] == "roads" and roads.featureCount() == len(drivable)
    tagged_forward = sum(1 for f in drivable if _tag(f["other_tags"], "oneway") == "yes"
                         or (_tag(f["other_tags"], "oneway") is None
                             and _tag(f["other_tags"], "junction") in ("roundabout", "circular")))
    values = [(f["class"], f["highway"], f["oneway"], f["maxspeed"]) for f in roads.getFeatures()]
    assert sum(1 for v in values if v[2] == "forward") == tagged_forward
    assert {v[1] for v in values} == {f["highway"] for f in drivable}
    assert sum(1 for v in values if v[3]) == sum(1 for f in drivable if _tag(f["other_tags"], "maxspeed"))
    stations = _stations(osm_lines)
    common = {"STATIONS": stations, "SPEED_PRESET": 1, "TURNOUT_FIELD": "", "DEFAULT_TURNOUT": 0,
              "TIME_LIMIT": LIMIT_MIN, "OUTPUT_EDGES": "memory:", "OUTPUT_AREAS": "memory:", "OUTPUT_GAPS": "memory:"}
    lengths = [sum(f["length_m"] for f in layer_of(run_algorithm("riskatlas:firestationreach", {
        **common, "ROADS": layer}), "OUTPUT_EDGES").getFeatures()) for layer in (osm_lines, roads)]
    del roads
    assert lengths[0] > 5000 and lengths[1] == pytest.approx(lengths[0], rel=1e-9)
