"""The whole assessment as one reusable function: parameters in, result paths and figures out.

``run_assessment`` chains the Risk Atlas algorithms through QGIS Processing — validate →
grade hazard sources → enterprise risk → fire-station reach → shelter per capita →
four-colour map → atlas — writing every result layer into one GeoPackage (with a
``provenance`` table: which algorithm, version and parameters made each layer), a QGIS project
with the layers styled and the atlas layouts inside, the PDF atlas and PNG previews.
It needs a running QGIS with Processing initialised and the riskatlas provider registered;
``riskatlas:fullassessment`` and ``make demo`` call it.
"""
import datetime
import gc
import json
import os
import shutil
from dataclasses import dataclass, field

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingMultiStepFeedback,
    QgsProject,
    QgsVectorLayer,
)

from ..core.fire_reach import TIME_RULE_MIN, TURNOUT_CONVENTION_MIN
from ..core.standards.risk_presets import DEFAULT_CELL_SIZE_M, DEFAULT_RADII_M
from ..core.standards.shelters import TARGET_M2_PER_CAPITA
from ..support.i18n import is_chinese, plugin_version
from ..layers.project import SAMPLE_GPKG
from ..layers.schemas import ASSESSMENT_INPUTS, REQUIRED_INPUTS, RESULT_LAYERS

INPUT_LAYERS = {i.parameter: i.layer for i in ASSESSMENT_INPUTS}  # parameter -> sample-county layer name

# options passed through to the algorithms, with the algorithms' own defaults
DEFAULT_OPTIONS = {
    "METHOD": 0,  # enterpriserisk METHOD: 0 LEC, 1 matrix
    "PRESET": None,  # enterpriserisk PRESET index (None: the method's first cut set)
    "CELL_SIZE": DEFAULT_CELL_SIZE_M,  # fourcolourmap grid cell (m)
    "RADII": ",".join(f"{r:g}" for r in DEFAULT_RADII_M),  # fourcolourmap radii for levels 1..4 (m)
    "AGGREGATION": 0,  # fourcolourmap: 0 highest level wins (就高)
    "TIME_LIMIT": TIME_RULE_MIN,  # firestationreach minutes from dispatch
    "DEFAULT_TURNOUT": TURNOUT_CONVENTION_MIN,  # firestationreach turnout when a station gives none
    "TARGET": TARGET_M2_PER_CAPITA,  # shelterpercapita m² per person
    "URBAN_ONLY": True,  # shelterpercapita counts urban residents
    "TITLE": "",  # exportatlas (empty: the atlas default)
    "ORGANISATION": "",
    "DATE": "",
    "PAGE_SIZE": "A3",  # A3 or A4 landscape
    "LANGUAGE": None,  # "zh" or "en"; None: QGIS's locale
}



@dataclass
class AssessmentResult:
    output_folder: str
    files: dict = field(default_factory=dict)  # label -> path
    layers: dict = field(default_factory=dict)  # result layer name -> URI in the result GeoPackage
    figures: dict = field(default_factory=dict)  # label -> value

    def report(self):
        lines = ["Risk Atlas assessment", f"  output folder: {self.output_folder}", "  files:"]
        lines += [f"    {label:<24} {path}" for label, path in self.files.items()]
        lines.append("  headline figures:")
        lines += [f"    {label:<52} {value}" for label, value in self.figures.items()]
        return "\n".join(lines)


def sample_inputs(gpkg=SAMPLE_GPKG):
    return {parameter: f"{gpkg}|layername={layer}" for parameter, layer in INPUT_LAYERS.items()}


class _Runner:
    """Runs algorithms one after another, writing sinks into one GeoPackage and logging provenance."""

    def __init__(self, gpkg, context, feedback):
        self.gpkg, self.context, self.feedback = gpkg, context, feedback
        self.provenance = []

    def sink(self, table, geometry=True):
        return f"ogr:dbname='{self.gpkg}' table=\"{table}\"" + (" (geom)" if geometry else "")

    def uri(self, table):
        return f"{self.gpkg}|layername={table}"

    def run(self, step, algorithm_id, parameters):
        from qgis import processing

        self.feedback.pushInfo(f"— {step}: {algorithm_id}")
        from ..layers.gpkg import quiet_gdal

        with quiet_gdal():
            results = processing.run(algorithm_id, parameters, context=self.context, feedback=self.feedback,
                                     is_child_algorithm=True)
        if self.feedback.isCanceled():
            raise QgsProcessingException("Cancelled")
        self.log(step, algorithm_id, parameters)
        return results

    def log(self, step, algorithm_id, parameters):
        plain = {k: (v if isinstance(v, (str, int, float, bool)) or v is None else str(v))
                 for k, v in parameters.items()}
        self.provenance.append({"step": step, "algorithm": algorithm_id, "parameters": json.dumps(plain,
                                ensure_ascii=False), "version": plugin_version(),
                                "run_at": datetime.datetime.now().isoformat(timespec="seconds")})


def _extent_string(uri):
    layer = QgsVectorLayer(uri, "extent", "ogr")
    extent = layer.extent()
    return f"{extent.xMinimum()},{extent.xMaximum()},{extent.yMinimum()},{extent.yMaximum()} [{layer.crs().authid()}]"


def _write_provenance(gpkg, rows):
    import pandas as pd

    from ..layers.convert import make_fields
    from ..layers.gpkg import write_layer
    from ..support import compat

    frame = pd.DataFrame(rows, columns=["step", "algorithm", "parameters", "version", "run_at"])
    fields = make_fields([(name, "string") for name in frame.columns])
    write_layer(gpkg, "provenance", frame, fields, QgsVectorLayer(f"{gpkg}|layername=risk_map").crs(),
                compat.WKB_NO_GEOMETRY)


def run_assessment(inputs, output_folder, options=None, feedback=None, context=None,
                   project_path=None):
    """Run the chain on ``inputs`` ({parameter: layer or URI}, see INPUT_LAYERS) into ``output_folder``.

    Writes ``risk_atlas_results.gpkg``, ``validation.html``, ``fire_station_reach.html``,
    ``shelters.html``, ``risk_atlas.pdf``, ``png/`` (one PNG per atlas page) and, when
    ``project_path`` is given, a QGIS project with every layer styled and the atlas layouts.
    The GeoPackage is written under a temporary name and renamed only when every step succeeded.
    """
    options = {**DEFAULT_OPTIONS, **{k: v for k, v in (options or {}).items() if v is not None}}
    missing = [name for name in REQUIRED_INPUTS if inputs.get(name) in (None, "")]
    if missing:
        raise QgsProcessingException(f"missing input layers: {', '.join(missing)}")
    feedback = feedback or QgsProcessingFeedback()
    if context is None:
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
    os.makedirs(output_folder, exist_ok=True)
    final_gpkg = os.path.join(output_folder, "risk_atlas_results.gpkg")
    partial_gpkg = os.path.join(output_folder, "partial-risk_atlas_results.gpkg")  # QGIS finds no driver for a dot-file
    if os.path.exists(partial_gpkg):
        os.remove(partial_gpkg)
    steps = QgsProcessingMultiStepFeedback(7, feedback)
    runner = _Runner(partial_gpkg, context, steps)
    result = AssessmentResult(output_folder)
    html = {name: os.path.join(output_folder, f"{name}.html") for name in ("validation", "fire_station_reach",
                                                                            "shelters")}
    given = {k: v for k, v in inputs.items() if v not in (None, "")}

    steps.setCurrentStep(0)
    validation = runner.run("validate", "riskatlas:validateinputs", {
        **{k: v for k, v in given.items() if k in INPUT_LAYERS},
        "OUTPUT": runner.sink("validation_report", geometry=False), "OUTPUT_HTML": html["validation"]})
    result.figures["validation errors / warnings"] = f"{validation['ERRORS']} / {validation['WARNINGS']}"
    if validation["ERRORS"]:
        raise QgsProcessingException(
            f"{validation['ERRORS']} errors in the input layers: see {html['validation']}")

    steps.setCurrentStep(1)
    graded = runner.run("grade hazard sources", "riskatlas:gradehazardsources", {
        "INPUT": given["HAZARD_SOURCES"], "POPULATION": given["POPULATION"],
        "OUTPUT": runner.sink("hazard_units"), "DETAILS": runner.sink("hazard_details")})
    result.figures["hazard units / major hazard sources"] = f"{graded['UNITS']} / {graded['MAJOR_UNITS']}"

    steps.setCurrentStep(2)
    enterprise_parameters = {"INPUT": given["ENTERPRISES"], "METHOD": options["METHOD"],
                             "HAZARD_UNITS": runner.uri("hazard_units"), "OUTPUT": runner.sink("enterprise_risk")}
    if options["PRESET"] is not None:
        enterprise_parameters["PRESET"] = options["PRESET"]
    runner.run("enterprise risk", "riskatlas:enterpriserisk", enterprise_parameters)

    steps.setCurrentStep(3)
    runner.run("fire-station reach", "riskatlas:firestationreach", {
        "STATIONS": given["FIRE_STATIONS"], "ROADS": given["ROADS"], "STUDY_AREA": given["TOWNSHIPS"],
        "POPULATION": given["POPULATION"], "TARGETS": runner.uri("enterprise_risk"),
        "TIME_LIMIT": options["TIME_LIMIT"], "DEFAULT_TURNOUT": options["DEFAULT_TURNOUT"],
        "OUTPUT_EDGES": runner.sink("reach_edges"), "OUTPUT_AREAS": runner.sink("reach_areas"),
        "OUTPUT_GAPS": runner.sink("reach_gaps"), "OUTPUT_TARGETS": runner.sink("reach_targets"),
        "OUTPUT_SUMMARY": runner.sink("reach_summary", geometry=False), "OUTPUT_HTML": html["fire_station_reach"]})

    steps.setCurrentStep(4)
    shelter_parameters = {
        "SHELTERS": given["SHELTERS"], "POPULATION": given["POPULATION"], "UNITS": given["TOWNSHIPS"],
        "METHOD": 0, "TARGET": options["TARGET"], "URBAN_ONLY": options["URBAN_ONLY"],
        "OUTPUT": runner.sink("shelter_units"), "OUTPUT_SHELTERS": runner.sink("shelter_load"),
        "OUTPUT_SUMMARY": runner.sink("shelter_summary", geometry=False), "OUTPUT_HTML": html["shelters"]}
    if given.get("SHELTERS_2"):
        shelter_parameters["SHELTERS_2"] = given["SHELTERS_2"]
    shelters = runner.run("shelter area per capita", "riskatlas:shelterpercapita", shelter_parameters)

    steps.setCurrentStep(5)
    risk_map = runner.run("four-colour map", "riskatlas:fourcolourmap", {
        "ENTERPRISES": runner.uri("enterprise_risk"), "HAZARD_UNITS": runner.uri("hazard_units"),
        "EXTENT": _extent_string(given["TOWNSHIPS"]),
        "CELL_SIZE": options["CELL_SIZE"], "RADII": options["RADII"], "AGGREGATION": options["AGGREGATION"],
        "POPULATION": given["POPULATION"], "OUTPUT": runner.sink("risk_map")})
    for level, label in ((1, "重大风险 major"), (2, "较大风险 high"), (3, "一般风险 moderate"), (4, "低风险 low")):
        result.figures[f"map cells / residents, {label}"] = (
            f"{int(risk_map[f'AREAS_LEVEL_{level}'])} / {risk_map[f'RESIDENTS_LEVEL_{level}']:,.0f}")
    _reach_figures(result.figures, runner.uri("reach_summary"))
    _copy_numbers(result.figures, shelters, "shelters")

    steps.setCurrentStep(6)
    pdf = os.path.join(output_folder, "risk_atlas.pdf")
    png_folder = os.path.join(output_folder, "png")
    if os.path.isdir(png_folder):
        shutil.rmtree(png_folder)
    language = options["LANGUAGE"] or ("zh" if is_chinese() else "en")
    atlas_parameters = {
        "RISK_MAP": runner.uri("risk_map"), "ENTERPRISES": runner.uri("enterprise_risk"),
        "HAZARD_UNITS": runner.uri("hazard_units"), "SHELTERS": given["SHELTERS"],
        "FIRE_STATIONS": given["FIRE_STATIONS"], "REACH_AREAS": runner.uri("reach_areas"),
        "REACH_GAPS": runner.uri("reach_gaps"), "SHELTER_UNITS": runner.uri("shelter_units"),
        "TOWNSHIPS": given["TOWNSHIPS"], "TITLE": options["TITLE"], "ORGANISATION": options["ORGANISATION"],
        "DATE": options["DATE"], "PAGE_SIZE": options["PAGE_SIZE"], "LANGUAGE": language,
        "OUTPUT": pdf, "OUTPUT_PNG_FOLDER": png_folder}
    build = _atlas(runner, atlas_parameters, os.path.join(output_folder, "atlas_charts"))
    result.figures["atlas pages"] = build.pages
    _write_provenance(partial_gpkg, runner.provenance)

    # close every connection to the partial GeoPackage (flushing its WAL) before renaming it
    context.temporaryLayerStore().removeAllMapLayers()
    gc.collect()
    for suffix in ("-wal", "-shm"):
        if os.path.exists(partial_gpkg + suffix):
            raise QgsProcessingException(f"{partial_gpkg} is still open; results left under that name")
    os.replace(partial_gpkg, final_gpkg)
    result.files.update({"results GeoPackage": final_gpkg, "PDF atlas": pdf, "PNG pages": png_folder,
                         "validation report": html["validation"], "fire-station report": html["fire_station_reach"],
                         "shelter report": html["shelters"]})
    result.layers = {r.name: f"{final_gpkg}|layername={r.name}" for r in RESULT_LAYERS}
    if project_path:
        from .project import write_project

        result.files["QGIS project"] = write_project(project_path, given, result, build,
                                                     target=options["TARGET"], language=language)
    return result


def _atlas(runner, parameters, chart_folder):
    """The exportatlas algorithm's own steps, kept open so its layouts can go into the project."""
    from qgis.core import QgsApplication

    from ..atlas import layout as atlas_layout

    algorithm = QgsApplication.processingRegistry().createAlgorithmById("riskatlas:exportatlas")
    ok, message = algorithm.checkParameterValues(parameters, runner.context)
    if not ok:
        raise QgsProcessingException(message)
    runner.feedback.pushInfo("— atlas: riskatlas:exportatlas")
    build = algorithm.prepare(parameters, runner.context, runner.feedback, chart_folder=chart_folder)
    atlas_layout.export_pdf(build, parameters["OUTPUT"], runner.feedback)
    atlas_layout.export_png(build, parameters["OUTPUT_PNG_FOLDER"], runner.feedback)
    runner.log("atlas", "riskatlas:exportatlas", parameters)
    return build


def _reach_figures(figures, summary_uri):
    """County-wide line ('ALL') of the fire-station summary table."""
    layer = QgsVectorLayer(summary_uri, "reach_summary", "ogr")
    for feature in layer.getFeatures():
        if feature["station_id"] == "ALL":
            figures["fire-station reach: residents within the time limit"] = (
                f"{feature['residents_in_time']:,.0f} ({feature['residents_in_time_pct']:.1f} %)")
            figures["fire-station reach: area reached (km²)"] = round(feature["reach_km2"], 1)
            figures["fire-station reach: enterprises covered"] = (
                f"{feature['enterprise_risk_covered']} of {feature['enterprise_risk_total']}")
    del layer


def _copy_numbers(figures, results, prefix):
    for key, value in results.items():
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            figures[f"{prefix}: {key.lower()}"] = round(value, 3) if isinstance(value, float) else value


def run_demo(output_folder):
    """``make demo``: riskatlas:fullassessment on the sample county into ``output_folder``.

    Returns the algorithm's results (SUMMARY holds the files and headline figures)."""
    from qgis import processing

    parameters = {**sample_inputs(), "OUTPUT_FOLDER": output_folder, "LANGUAGE": "zh",
                  "ORGANISATION": "临海县应急管理局"}
    return processing.run("riskatlas:fullassessment", parameters)
