"""The whole assessment as one reusable function: parameters in, result paths and figures out.

``run_assessment`` runs the chain of ``assessment/chain.py`` through QGIS Processing — validate →
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

from ..layers.atomic import atomic_output
from ..layers.project import SAMPLE_GPKG
from ..layers.schemas import ASSESSMENT_INPUTS, REQUIRED_INPUTS, RESULT_BY_NAME, RESULT_LAYERS
from ..support.i18n import is_chinese, plugin_version
from .chain import DEFAULT_OPTIONS, STEP_BY_KEY, STEPS, Extent, Fixed, Input, Option, Result

RESULT_GPKG = "risk_atlas_results.gpkg"
POPULATION_GRID = "population_grid"  # POPULATION_RASTER's populated cells, the POPULATION every step reads


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
    return {i.parameter: f"{gpkg}|layername={i.layer}" for i in ASSESSMENT_INPUTS}


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

    from ..layers.sinks import make_fields
    from ..layers.gpkg import write_layer
    from ..support import compat

    frame = pd.DataFrame(rows, columns=["step", "algorithm", "parameters", "version", "run_at"])
    fields = make_fields([(name, "string") for name in frame.columns])
    write_layer(gpkg, "provenance", frame, fields, QgsVectorLayer(f"{gpkg}|layername=risk_map").crs(),
                compat.WKB_NO_GEOMETRY)


def step_parameters(step, runner, given, options, html):
    """The algorithm parameters of a chain step: its wiring resolved against this run (inputs left
    out and options without a value are left out), its result layers as sinks in the GeoPackage."""
    parameters = {}
    for name, source in step.wiring.items():
        if isinstance(source, Input):
            value = given.get(source.parameter)
        elif isinstance(source, Result):
            value = runner.uri(source.layer)
        elif isinstance(source, Option):
            value = options[source.name]
        elif isinstance(source, Extent):
            value = _extent_string(given[source.parameter])
        else:
            value = source.value if isinstance(source, Fixed) else source
        if value is not None:
            parameters[name] = value
    for name, layer in step.outputs.items():
        parameters[name] = runner.sink(layer, geometry=RESULT_BY_NAME[layer].geometry)
    if step.report:
        parameters["OUTPUT_HTML"] = html[step.report]
    return parameters


def run_assessment(inputs, output_folder, options=None, feedback=None, context=None,
                   project_path=None):
    """Run the chain on ``inputs`` ({parameter: layer or URI}, see layers.schemas.ASSESSMENT_INPUTS)
    into ``output_folder``.

    Writes ``risk_atlas_results.gpkg``, ``validation.html``, ``fire_station_reach.html``,
    ``shelters.html``, ``risk_atlas.pdf``, ``png/`` (one PNG per atlas page) and, when
    ``project_path`` is given, a QGIS project with every layer styled and the atlas layouts.
    The GeoPackage is written under a temporary name and renamed only when every step succeeded.
    """
    options = {**DEFAULT_OPTIONS, **{k: v for k, v in (options or {}).items() if v is not None}}
    given = {k: v for k, v in inputs.items() if v not in (None, "")}
    raster = given.pop("POPULATION_RASTER", None)
    if raster is not None and "POPULATION" in given:
        raise QgsProcessingException("give POPULATION or POPULATION_RASTER, not both")
    missing = [name for name in REQUIRED_INPUTS if name not in given and not (name == "POPULATION" and raster)]
    if missing:
        raise QgsProcessingException(f"missing input layers: {', '.join(missing)}")
    feedback = feedback or QgsProcessingFeedback()
    if context is None:
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
    os.makedirs(output_folder, exist_ok=True)
    final_gpkg = os.path.join(output_folder, RESULT_GPKG)
    result = AssessmentResult(output_folder)
    html = {s.report: os.path.join(output_folder, f"{s.report}.html") for s in STEPS if s.report}
    with atomic_output(final_gpkg) as partial_gpkg:
        steps = QgsProcessingMultiStepFeedback(len(STEPS), feedback)
        runner = _Runner(partial_gpkg, context, steps)
        if raster is not None:
            given["POPULATION"] = _population_grid(raster, runner, given["TOWNSHIPS"], feedback)
        _run_steps(runner, steps, given, options, html, result, output_folder)
        _write_provenance(partial_gpkg, runner.provenance)
        # close every connection to the partial GeoPackage (flushing its WAL) before it is renamed
        context.temporaryLayerStore().removeAllMapLayers()
        gc.collect()
    atlas_files = STEP_BY_KEY["atlas"].files
    result.files.update({"results GeoPackage": final_gpkg,
                         "PDF atlas": os.path.join(output_folder, atlas_files["OUTPUT"][0]),
                         "PNG pages": os.path.join(output_folder, atlas_files["OUTPUT_PNG_FOLDER"][0]),
                         "validation report": html["validation"], "fire-station report": html["fire_station_reach"],
                         "shelter report": html["shelters"]})
    result.layers = {r.name: f"{final_gpkg}|layername={r.name}" for r in RESULT_LAYERS}
    if raster is not None:
        given["POPULATION"] = result.layers[POPULATION_GRID] = f"{final_gpkg}|layername={POPULATION_GRID}"
    if project_path:
        from .project import write_project

        result.files["QGIS project"] = write_project(project_path, given, result,
                                                     target=options["TARGET"], language=options["LANGUAGE"]
                                                     or ("zh" if is_chinese() else "en"))
    return result


def _population_grid(raster, runner, townships, feedback):
    """POPULATION_RASTER's populated cells written into the GeoPackage (in the townships' projected CRS):
    every step reads them as POPULATION. Returns their URI."""
    from ..layers.convert import analysis_crs
    from ..layers.population_inputs import write_population_grid

    layer = townships if isinstance(townships, QgsVectorLayer) else QgsVectorLayer(townships, "townships", "ogr")
    crs = analysis_crs(layer.crs(), layer.extent())
    for note in write_population_grid(raster, runner.gpkg, POPULATION_GRID, crs):
        feedback.pushInfo(f"POPULATION_RASTER: {note}")
    source = raster.source() if hasattr(raster, "source") else str(raster)
    runner.log("population grid", "riskatlas:fullassessment", {"POPULATION_RASTER": source, "OUTPUT": POPULATION_GRID,
                                                               "TARGET_CRS": crs.authid()})
    return runner.uri(POPULATION_GRID)


def _run_steps(runner, steps, given, options, html, result, output_folder):
    """The chain's steps in order; headline figures into ``result``."""
    outputs = {}
    for number, step in enumerate(STEPS):
        steps.setCurrentStep(number)
        parameters = step_parameters(step, runner, given, options, html)
        parameters.update(_step_files(step, output_folder))
        if step.key == "atlas":
            parameters["ATLAS_LAYERS"] = runner.gpkg  # the project's atlas layouts are rebuilt from these
        outputs[step.key] = runner.run(step.title, step.algorithm, parameters)
        if step.stops_on_errors and outputs[step.key]["ERRORS"]:
            raise QgsProcessingException(
                f"{outputs[step.key]['ERRORS']} errors in the input layers: see {html[step.report]}")
    _headline_figures(result.figures, outputs, runner)
    result.figures["atlas pages"] = outputs["atlas"]["PAGES"]


def _step_files(step, output_folder):
    """A step's file outputs in the output folder (a folder output starts empty)."""
    files = {}
    for parameter, (name, _output_id, _label) in step.files.items():
        path = os.path.join(output_folder, name)
        if os.path.isdir(path):
            shutil.rmtree(path)
        files[parameter] = path
    return files


def _headline_figures(figures, outputs, runner):
    """The figures ``make demo`` prints: the validation and grading counts, then the headline figures the
    atlas step wrote into the results GeoPackage (table headline_figures: the ones its PDF prints)."""
    validation, graded = outputs["validate"], outputs["grade"]
    figures["validation errors / warnings"] = f"{validation['ERRORS']} / {validation['WARNINGS']}"
    figures["hazard units / major hazard sources"] = f"{graded['UNITS']} / {graded['MAJOR_UNITS']}"
    figures.update(read_headline_figures(runner.gpkg, "zh" if is_chinese() else "en"))


def read_headline_figures(gpkg, language):
    """{label: 'shown unit'} of the headline_figures table of ``gpkg`` (in its order), in ``language``."""
    from ..core.headline import HeadlineFigure

    layer = QgsVectorLayer(f"{gpkg}|layername=headline_figures", "headline_figures", "ogr")
    lines = {}
    for feature in layer.getFeatures():
        values = {name: feature[name] for name in ("figure_id", "unit", "shown", "label_zh", "label_en",
                                                   "definition_zh", "definition_en")}
        value = feature["value"]
        figure = HeadlineFigure(value=None if value is None or value != value else float(value), **values)
        label, _separator, shown = figure.line(language).partition("：" if language == "zh" else ": ")
        lines[label] = shown
    del layer
    return lines


def run_demo(output_folder):
    """``make demo``: riskatlas:fullassessment on the sample county into ``output_folder``.

    Returns the algorithm's results (SUMMARY holds the files and headline figures)."""
    from qgis import processing

    parameters = {**sample_inputs(), "OUTPUT_FOLDER": output_folder, "LANGUAGE": "zh",
                  "ORGANISATION": "临海县应急管理局"}
    return processing.run("riskatlas:fullassessment", parameters)
