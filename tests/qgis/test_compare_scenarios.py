"""riskatlas:comparescenarios in real QGIS: the sample county's full assessment as it is (the session's run) against
the same with one more fire station (a copy of the stations layer with FS09 in 白沙镇, the township no station
reaches). The expected figures come from the two results GeoPackages directly, computed here with shapely:

* residents covered per township — each run's reach areas' residents (firestationreach's own) placed in the
  townships by the four-colour map's residents under each area; they add up to firestationreach's own county
  figure (reach_summary's ALL row) in each run;
* the enterprises whose coverage changed — those whose ``covered`` in reach_targets differs between the runs.
"""
import os
import subprocess

import numpy as np
import pytest
import shapely
from qgis.core import QgsProcessingException, QgsVectorLayer

from .conftest import SAMPLE_GPKG, run_full_assessment

NEW_STATION = (472750.0, 3307750.0)  # the densest population cell of 白沙镇 (T06); the station goes on the road there


def read(gpkg, layer):
    """(geometries, {field: values}) of a GeoPackage layer, through GDAL."""
    from osgeo import ogr

    dataset = ogr.Open(gpkg)
    source = dataset.GetLayerByName(layer)
    names = [source.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(source.GetLayerDefn().GetFieldCount())]
    geoms, values = [], {n: [] for n in names}
    for feature in source:
        geometry = feature.GetGeometryRef()
        geoms.append(shapely.from_wkb(bytes(geometry.ExportToWkb())) if geometry is not None else None)
        for n in names:
            values[n].append(feature[n])
    return np.array(geoms, dtype=object), values


def stations_with_one_more(folder):
    """A copy of the sample's fire stations with FS09 on the road nearest NEW_STATION (the sample is not touched)."""
    from osgeo import ogr

    source = ogr.Open(SAMPLE_GPKG)
    roads = source.GetLayerByName("roads")
    x, y = NEW_STATION
    roads.SetSpatialFilterRect(x - 800, y - 800, x + 800, y + 800)
    lines = [shapely.from_wkb(bytes(f.GetGeometryRef().ExportToWkb())) for f in roads]
    target = shapely.Point(NEW_STATION)
    nearest = min(lines, key=lambda line: shapely.distance(line, target))
    spot = shapely.line_interpolate_point(nearest, shapely.line_locate_point(nearest, target))
    path = os.path.join(folder, "fire_stations_plus.gpkg")
    copy = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = copy.CopyLayer(source.GetLayerByName("fire_stations"), "fire_stations")
    feature = ogr.Feature(layer.GetLayerDefn())
    for name, value in (("station_id", "FS09"), ("name", "白沙消防站（拟建）"), ("class", "class2"),
                        ("turnout_min", 1.0), ("suburban", 0)):
        feature.SetField(name, value)
    feature.SetGeometry(ogr.CreateGeometryFromWkt(spot.wkt))
    layer.CreateFeature(feature)
    copy = None
    return f"{path}|layername=fire_stations"


@pytest.fixture(scope="module")
def runs(tmp_path_factory, sample_assessment):
    folder = tmp_path_factory.mktemp("plus_station")
    after = run_full_assessment(folder / "plus_station", {"FIRE_STATIONS": stations_with_one_more(str(folder))})
    return sample_assessment["OUTPUT_GPKG"], after["OUTPUT_GPKG"]


@pytest.fixture(scope="module")
def compared(runs, tmp_path_factory, qgis_processing_ready):
    from qgis import processing
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProject

    assert QgsApplication.processingRegistry().providerById("riskatlas") is not None
    out = tmp_path_factory.mktemp("compared")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    result = processing.run("riskatlas:comparescenarios", {
        "BEFORE": runs[0], "AFTER": runs[1], "OUTPUT_CHANGES": str(out / "changes.gpkg"),
        "OUTPUT_TOWNSHIPS": str(out / "towns.gpkg"), "OUTPUT_HTML": str(out / "report.html"),
        "OUTPUT_PAGE": str(out / "page.pdf"), "LANGUAGE": "zh"}, context=context, feedback=QgsProcessingFeedback())
    return result


def expected_covered(gpkg):
    """{town_id: residents covered}: each reach area's residents split over the townships in proportion to the
    four-colour map's residents under it (map cell residents × the cell's share inside area ∩ township)."""
    towns, town_values = read(gpkg, "shelter_units")
    cells, cell_values = read(gpkg, "risk_map")
    areas, area_values = read(gpkg, "reach_areas")
    cell_residents = np.array(cell_values["residents"], dtype=float)
    cell_area = shapely.area(cells)
    covered = np.zeros(len(towns))
    for area, residents in zip(areas, area_values["residents"]):
        if area is None or not residents:
            continue
        weights = _weights(cells, cell_residents, cell_area, towns, area)
        covered += residents * weights / weights.sum()
    return dict(zip(town_values["town_id"], covered))


def _weights(cells, cell_residents, cell_area, towns, area):
    """Per township: the map residents inside ``area`` (cells apportioned by area)."""
    near = np.flatnonzero(shapely.intersects(cells, area))
    inside = shapely.intersection(cells[near], area)
    out = np.zeros(len(towns))
    for t, town in enumerate(towns):
        share = shapely.area(shapely.intersection(inside, town)) / cell_area[near]
        out[t] = float(np.sum(cell_residents[near] * share))
    return out


def reach_total(gpkg):
    _geoms, values = read(gpkg, "reach_summary")
    return values["residents_in_time"][values["station_id"].index("ALL")]


def test_residents_covered_per_township(runs, compared):
    towns, values = read(compared["OUTPUT_TOWNSHIPS"], "towns")
    by_id = {t: i for i, t in enumerate(values["town_id"])}
    before, after = expected_covered(runs[0]), expected_covered(runs[1])
    assert set(by_id) == set(before) == set(after)
    for town, i in by_id.items():
        assert values["covered_before"][i] == pytest.approx(before[town], rel=1e-6, abs=1e-3), town
        assert values["covered_after"][i] == pytest.approx(after[town], rel=1e-6, abs=1e-3), town
        assert values["covered_change"][i] == pytest.approx(after[town] - before[town], rel=1e-6, abs=1e-3), town
    # firestationreach's own county figure in each run
    assert sum(values["covered_before"]) == pytest.approx(reach_total(runs[0]), rel=1e-9)
    assert sum(values["covered_after"]) == pytest.approx(reach_total(runs[1]), rel=1e-9)
    assert compared["COVERED_AFTER"] - compared["COVERED_BEFORE"] == pytest.approx(
        reach_total(runs[1]) - reach_total(runs[0]), rel=1e-9)
    baisha = by_id["T06"]
    assert values["covered_before"][baisha] == pytest.approx(0.0, abs=0.5)
    assert values["covered_change"][baisha] > 5000  # the new station's township gains the most


def test_the_enterprises_listed_are_those_whose_coverage_differs(runs, compared):
    def covered(gpkg):
        _geoms, values = read(gpkg, "reach_targets")
        return {i: (bool(c), m) for i, c, m in zip(values["target_id"], values["covered"], values["arrival_min"])}

    before, after = covered(runs[0]), covered(runs[1])
    differs = {i for i in before if before[i][0] != after[i][0]}
    assert differs, "the new station covers some enterprise"
    _points, changes = read(compared["OUTPUT_CHANGES"], "changes")
    listed = {i: k for i, k, kind in zip(changes["id"], range(len(changes["id"])), changes["kind"])
              if kind == "enterprise"}
    assert set(listed) == differs
    for target, row in listed.items():
        assert changes["status"][row] == ("gained" if after[target][0] else "lost")
        assert changes["before"][row] == pytest.approx(before[target][1])
        assert changes["after"][row] == pytest.approx(after[target][1])
    assert compared["CHANGES"] == len(changes["id"])


def test_the_page_names_both_runs_in_chinese(compared):
    text = subprocess.run(["pdftotext", compared["OUTPUT_PAGE"], "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "方案对比" in text and "白沙镇" in text
    assert "sample_assessment" in text.replace("\n", "") or "plus_station" in text
    with open(compared["OUTPUT_HTML"], encoding="utf-8") as handle:
        page = handle.read()
    assert "白沙镇" in page and "</html>" in page


def test_a_geopackage_that_is_not_a_results_geopackage(runs, run_algorithm, tmp_path):
    with pytest.raises(QgsProcessingException) as error:
        run_algorithm("riskatlas:comparescenarios", {
            "BEFORE": SAMPLE_GPKG, "AFTER": runs[1], "OUTPUT_CHANGES": str(tmp_path / "c.gpkg"),
            "OUTPUT_TOWNSHIPS": str(tmp_path / "t.gpkg"), "LANGUAGE": "en"})
    text = str(error.value)
    assert "not a results GeoPackage of the full assessment" in text and "'risk_map'" in text
    assert "sample_county.gpkg" in text
    assert not os.path.exists(tmp_path / "c.gpkg") and not os.path.exists(tmp_path / "t.gpkg")
    assert QgsVectorLayer(f"{runs[1]}|layername=reach_targets", "t", "ogr").featureCount() > 0  # inputs untouched
