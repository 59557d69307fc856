"""Benchmark: riskatlas:incidentsurroundings on the sample county — one hazard unit (HU001), every layer
given, rings 500/1000/3000 m, 3 responders of each kind — cold (the road network built) and warm (kept from
the first run: the duty officer's second query), the PDF brief apart; next to the QGIS peer for the same
answers: native:buffer + native:countpointsinpolygon for the key targets and enterprises of each ring and
native:shortestpathlayertopoint from the fire stations, rescue teams and depots to the incident.

    .venv/bin/python bench/bench_incident.py

Target: the warm query under 2 s. Best of 5 (warm) and of 3 (peer); outputs are memory layers.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

SAMPLE = os.path.join(common.ROOT, "sample_data", "sample_county.gpkg")
RINGS = (500, 1000, 3000)


def uri(name, subset=None):
    return f"{SAMPLE}|layername={name}" + (f"|subset={subset}" if subset else "")


def parameters(brief=None):
    return {"INCIDENTS": uri("hazard_sources", "\"unit_id\" = 'HU001'"), "INCIDENT_ID_FIELD": "unit_id",
            "RINGS": ",".join(map(str, RINGS)), "POPULATION": uri("population"), "KEY_TARGETS": uri("key_targets"),
            "ENTERPRISES": uri("enterprises"), "HAZARD_UNITS": uri("hazard_sources"), "SHELTERS": uri("shelters"),
            "FIRE_STATIONS": uri("fire_stations"), "RESCUE_TEAMS": uri("rescue_teams"), "DEPOTS": uri("supply_depots"),
            "ROADS": uri("roads"), "OUTPUT_RINGS": "memory:", "OUTPUT_RESPONDERS": "memory:",
            **({"OUTPUT_BRIEF": brief} if brief else {})}


def ours(brief=None):
    from qgis import processing

    return processing.run("riskatlas:incidentsurroundings", parameters(brief))


def peer():
    """The same counts and routes with QGIS's own tools."""
    from qgis import processing
    from qgis.core import QgsVectorLayer

    incident = QgsVectorLayer(uri("hazard_sources", "\"unit_id\" = 'HU001'"), "HU001", "ogr")
    centre = next(incident.getFeatures()).geometry().centroid().asPoint()
    for distance in RINGS:
        ring = processing.run("native:buffer", {"INPUT": incident, "DISTANCE": distance, "SEGMENTS": 32,
                                                "DISSOLVE": True, "OUTPUT": "memory:"})["OUTPUT"]
        for points in ("key_targets", "enterprises"):
            processing.run("native:countpointsinpolygon", {"POLYGONS": ring, "POINTS": uri(points), "FIELD": "n",
                                                           "OUTPUT": "memory:"})
    for layer in ("fire_stations", "rescue_teams", "supply_depots"):
        processing.run("native:shortestpathlayertopoint", {
            "INPUT": uri("roads"), "STRATEGY": 1, "DIRECTION_FIELD": "oneway", "VALUE_FORWARD": "forward",
            "VALUE_BACKWARD": "backward", "VALUE_BOTH": "both", "DEFAULT_DIRECTION": 2, "SPEED_FIELD": "speed_kmh",
            "DEFAULT_SPEED": 30, "TOLERANCE": 0, "START_POINTS": uri(layer),
            "END_POINT": f"{centre.x()},{centre.y()} [EPSG:4549]", "OUTPUT": "memory:"})


def best(function, rounds):
    times = []
    for _ in range(rounds):
        with common.Timer() as timer:
            function()
        times.append(timer.seconds)
    return min(times)


def main():
    import tempfile

    common.start_qgis()
    from riskatlas.layers.incident_io import NETWORK_CACHE

    NETWORK_CACHE.clear()
    with common.Timer() as cold:
        ours()
    warm = best(ours, 5)
    peer()  # warm-up (first-call costs)
    native = best(peer, 3)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "brief.pdf")
        with_brief = best(lambda: ours(path), 2)
    print("riskatlas:incidentsurroundings, sample county, HU001, rings 500/1000/3000 m, 3 responders per kind")
    print(f"  cold (network built)          {cold.seconds:6.2f} s")
    print(f"  warm (network kept)           {warm:6.2f} s   target < 2 s: {'met' if warm < 2 else 'NOT met'}")
    print(f"  warm + PDF brief              {with_brief:6.2f} s   (the brief {with_brief - warm:.2f} s)")
    print(f"  peer: native buffer + count ×3 rings, shortest path ×3 layers  {native:6.2f} s")
    print(f"  ratio warm / peer             {warm / native:6.2f}")
    print(f"  ratio cold / peer             {cold.seconds / native:6.2f}")


if __name__ == "__main__":
    main()
