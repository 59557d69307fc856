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
from dataclasses import dataclass, field

from qgis.core import (
    NULL,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingMultiStepFeedback,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..atlas.run import CHART_FOLDER
from ..layers.atomic import OutputSet
from ..layers.project import SAMPLE_GPKG
from ..layers.schemas import ASSESSMENT_INPUTS, REQUIRED_INPUTS, RESULT_BY_NAME, RESULT_LAYERS
from ..support.i18n import is_chinese, plugin_version
from .chain import DEFAULT_OPTIONS, STEP_BY_KEY, STEPS, Extent, Fixed, Input, Option, Result

RESULT_GPKG = "risk_atlas_results.gpkg"


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

    def __init__(self, gpkg, context, feedback, outputs=None):
        self.gpkg, self.context, self.feedback = gpkg, context, feedback
        self.provenance = []
        self.outputs = outputs  # the run's layers.atomic.OutputSet: staged paths are logged as their final ones

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
            raise QgsProcessingException(QCoreApplication.translate("RiskAtlasAlgorithm",
                                                                    "Cancelled: no output was written."))
        self.log(step, algorithm_id, parameters)
        return results

    def log(self, step, algorithm_id, parameters):
        """A provenance row: the step's parameters, the files named as they will be once renamed into place."""
        def final(value):
            for staged, target in (self.outputs.staged if self.outputs is not None else {}).items():
                value = value.replace(staged, target)
            return value

        plain = {k: (final(v) if isinstance(v, str) else v if isinstance(v, (int, float, bool)) or v is None
                     else final(str(v))) for k, v in parameters.items()}
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
    Every file is written under a temporary name (``layers.atomic.OutputSet``) and renamed only when every
    step succeeded; a run that stops or is cancelled leaves none (but validation.html when the validation
    stopped it: the message points there).
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
    final_gpkg = os.path.join(output_folder, RESULT_GPKG)
    result = AssessmentResult(output_folder)
    html = {s.report: os.path.join(output_folder, f"{s.report}.html") for s in STEPS if s.report}
    given = {k: v for k, v in inputs.items() if v not in (None, "")}
    outputs = OutputSet()
    try:
        staged = _Staged(outputs, outputs.file(final_gpkg), {key: outputs.file(path) for key, path in html.items()},
                         html)
        outputs.created(os.path.join(output_folder, CHART_FOLDER))  # the atlas charts, beside the GeoPackage
        steps = QgsProcessingMultiStepFeedback(len(STEPS), feedback)
        runner = _Runner(staged.gpkg, context, steps, outputs)
        _run_steps(runner, steps, given, options, staged, result, output_folder)
        _write_provenance(staged.gpkg, runner.provenance)
        if project_path:
            _write_project(project_path, given, staged, final_gpkg, options, result)
        _release(context)  # every connection to the staged GeoPackage closed (its WAL flushed) before renaming
        outputs.commit()
    except BaseException:
        _release(context)
        outputs.rollback()
        raise
    atlas_files = STEP_BY_KEY["atlas"].files
    result.files.update({"results GeoPackage": final_gpkg,
                         "PDF atlas": os.path.join(output_folder, atlas_files["OUTPUT"][0]),
                         "PNG pages": os.path.join(output_folder, atlas_files["OUTPUT_PNG_FOLDER"][0]),
                         "validation report": html["validation"], "fire-station report": html["fire_station_reach"],
                         "shelter report": html["shelters"]})
    if project_path:
        result.files["QGIS project"] = project_path
    result.layers = {r.name: f"{final_gpkg}|layername={r.name}" for r in RESULT_LAYERS}
    return result


@dataclass
class _Staged:
    """Where a run writes before its files are renamed into place: the GeoPackage, the reports ({report: path})."""

    outputs: object  # layers.atomic.OutputSet
    gpkg: str
    html: dict
    final_html: dict


def _release(context):
    context.temporaryLayerStore().removeAllMapLayers()
    gc.collect()


def _write_project(project_path, given, staged, final_gpkg, options, result):
    """The project, written from the staged GeoPackage with its paths pointing at the final one."""
    from qgis.core import QgsPathResolver

    from .project import write_project

    staged_result = AssessmentResult(result.output_folder, files={"results GeoPackage": staged.gpkg})
    writer = QgsPathResolver.setPathWriter(lambda path: path.replace(staged.gpkg, final_gpkg))
    try:
        write_project(staged.outputs.file(project_path), given, staged_result, target=options["TARGET"],
                      language=options["LANGUAGE"] or ("zh" if is_chinese() else "en"))
    finally:
        QgsPathResolver.removePathWriter(writer)


def _run_steps(runner, steps, given, options, staged, result, output_folder):
    """The chain's steps in order; headline figures into ``result``."""
    outputs = {}
    for number, step in enumerate(STEPS):
        steps.setCurrentStep(number)
        parameters = step_parameters(step, runner, given, options, staged.html)
        parameters.update(_step_files(step, output_folder, staged.outputs))
        if step.key == "atlas":
            parameters["ATLAS_LAYERS"] = runner.gpkg  # the project's atlas layouts are rebuilt from these
        outputs[step.key] = runner.run(step.title, step.algorithm, parameters)
        if step.stops_on_errors and outputs[step.key]["ERRORS"]:
            staged.outputs.commit(only=[staged.final_html[step.report]])  # the report the message points to
            raise QgsProcessingException(QCoreApplication.translate(
                "RiskAtlasAlgorithm", "{0} errors in the input layers: see {1}. First: {2}").format(
                outputs[step.key]["ERRORS"], staged.final_html[step.report],
                "; ".join(_first_errors(runner.uri(step.outputs["OUTPUT"])))))
    _headline_figures(result.figures, outputs, runner)
    result.figures["atlas pages"] = outputs["atlas"]["PAGES"]


def _first_errors(report_uri, count=3):
    """The first errors of a validation report table, as 'layer · KEY (fid n) · field: message'."""
    from ..core.errors import feature_label

    layer = QgsVectorLayer(report_uri, "validation_report", "ogr")
    lines = []
    for feature in layer.getFeatures():
        if feature["severity"] != "error":
            continue
        fid, field = feature["feature_id"], feature["field"]
        where = [feature["layer"]]
        if fid not in (None, NULL):
            where.append(feature_label(fid, None if feature["feature_key"] in (None, NULL) else feature["feature_key"]))
        if field not in (None, NULL):
            where.append(field)
        lines.append(" · ".join(str(w) for w in where) + f": {feature['message']}")
        if len(lines) == count:
            break
    del layer
    return lines


def _step_files(step, output_folder, outputs):
    """A step's file outputs, written under temporary names in the output folder (``outputs``: the run's
    OutputSet; a folder output starts empty)."""
    files = {}
    for parameter, (name, _output_id, _label) in step.files.items():
        path = os.path.join(output_folder, name)
        files[parameter] = outputs.folder(path) if not os.path.splitext(name)[1] else outputs.file(path)
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
