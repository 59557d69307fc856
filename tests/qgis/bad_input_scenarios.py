"""The bad-input matrix's rows for ``riskatlas:comparescenarios`` (issue 20): its inputs are results GeoPackages of
the full assessment, so the county gets one — written from the county's own layers (the townships as
``shelter_units``, the four-colour map, one station's reach area and the gap, the enterprises as ``reach_targets``)
— and the bad inputs spoil it: a layer missing, a file that is no GeoPackage, a ``covered`` that is not yes/no, a
duplicate target, no targets, a geographic CRS. ``extend`` adds them to ``bad_input_cases``' tables.
"""
import copy
import dataclasses
import os
from dataclasses import dataclass, replace

from bad_input_cases import (CRS, ERROR, OK, RISK_MAP, TOWNSHIPS, Algorithm, BadInput, Expect, I, Layer, R, S,
                             _duplicate, _empty, _set, _write_features, box, point)

E = ERROR


@dataclass
class ResultsLayer(Layer):
    """``reach_targets`` of a results GeoPackage, written with the other result layers the comparison reads
    (less ``missing``); ``form`` 'not_gpkg' writes text under the .gpkg name."""

    missing: tuple = ()
    companions: tuple = dataclasses.field(default_factory=tuple)

    def write(self, folder):
        from osgeo import ogr, osr

        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, "results.gpkg")
        if self.form == "not_gpkg":
            with open(path, "w", encoding="utf-8") as handle:
                handle.write("not a GeoPackage\n")
            return path, [path]
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(self.epsg)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        transform = None
        if self.epsg != CRS:
            source = osr.SpatialReference()
            source.ImportFromEPSG(CRS)
            source.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            transform = osr.CoordinateTransformation(source, srs)
        dataset = ogr.GetDriverByName("GPKG").CreateDataSource(path)
        for layer in (*self.companions, self):
            if layer.name not in self.missing:
                _write_features(replace(copy.deepcopy(layer), form="gpkg"), dataset, srs, transform, False)
        dataset = None
        return path, [path]


SHELTER_UNITS = Layer("shelter_units", "Polygon", [("town_id", S), ("name", S), ("residents", R),
                                                   ("shelter_area_m2", R), ("m2_per_capita", R)], [
    (wkt, {**{k: values[k] for k in ("town_id", "name")}, "residents": residents, "shelter_area_m2": area,
           "m2_per_capita": area / residents})
    for (wkt, values), residents, area in zip(TOWNSHIPS.rows, (2000.0, 1800.0), (2500.0, 3000.0))], "town_id", 21)
REACH_AREAS = Layer("reach_areas", "Polygon", [("station_id", S), ("name", S), ("residents", R)], [
    (box(0, 0, 2000, 2000), {"station_id": "FS01", "name": "城关站", "residents": 1600.0})], "station_id", 1)
REACH_GAPS = Layer("reach_gaps", "Polygon", [("gap_id", I), ("residents", R)], [
    (box(2000, 0, 4000, 2000), {"gap_id": 1, "residents": 1800.0})], "gap_id", 1)
RESULTS = ResultsLayer("reach_targets", "Point", [("target_layer", S), ("target_id", S), ("arrival_min", R),
                                                  ("covered", I)], [
    (point(x, y), {"target_layer": "enterprise_risk", "target_id": key, "arrival_min": minutes,
                   "covered": int(minutes <= 5.0)})
    for key, (x, y), minutes in (("E01", (600, 600), 2.5), ("E02", (1400, 1400), 4.0), ("E03", (2600, 600), 7.0),
                                 ("E04", (3400, 1400), 9.5))], "target_id", 11,
    companions=(SHELTER_UNITS, replace(copy.deepcopy(RISK_MAP), name="risk_map"), REACH_AREAS, REACH_GAPS))


def _missing(*names):
    return lambda layer: replace(copy.deepcopy(layer), missing=names)


def _form(form, **changes):
    return lambda layer: replace(copy.deepcopy(layer), form=form, **changes)


ONLY = ("comparescenarios",)
ALGORITHMS = (
    Algorithm("comparescenarios", {"BEFORE": "reach_targets", "AFTER": "reach_targets"}, {"LANGUAGE": "en"},
              {"OUTPUT_CHANGES": "changes.gpkg", "OUTPUT_TOWNSHIPS": "scenario_towns.gpkg",
               "OUTPUT_HTML": "scenarios.html", "OUTPUT_PAGE": "scenarios.pdf"}),
)
BAD_INPUTS = [
    BadInput("results missing layer", "missing layer", "reach_targets", _missing("shelter_units"), E,
             only=ONLY, override={"comparescenarios": Expect(ERROR, "shelter_units")}),
    BadInput("results missing layers, zh", "missing layer", "reach_targets", _missing("reach_areas", "reach_gaps"), E,
             only=ONLY, language="zh", parameters={"LANGUAGE": "zh"},
             override={"comparescenarios": Expect(ERROR, "reach_gaps")}),
    BadInput("results not a GeoPackage", "not a GeoPackage", "reach_targets", _form("not_gpkg"), E, only=ONLY,
             override={"comparescenarios": Expect(ERROR, "results.gpkg")}),
    BadInput("results covered not yes/no", "unknown code", "reach_targets", _set("E02", covered=7), E, ("E02",),
             "covered", only=ONLY),
    BadInput("results duplicate target", "duplicate ids", "reach_targets", _duplicate("E01", "E02"), E,
             ("E01", "E01"), "target_id", only=ONLY),
    BadInput("results no targets", "empty layer", "reach_targets", _empty, OK, only=ONLY),
    BadInput("results geographic CRS", "geographic CRS", "reach_targets", _form("gpkg", epsg=4490), OK, only=ONLY),
]


def extend(county, algorithms, bad_inputs, failing_input):
    county[RESULTS.name] = RESULTS
    algorithms.update({a.id: a for a in ALGORITHMS})
    bad_inputs.extend(BAD_INPUTS)
    failing_input["comparescenarios"] = "results covered not yes/no"
