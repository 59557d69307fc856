"""The whole assessment: parameters in, result paths and figures out.

``Assessment`` runs the chain of ``assessment/chain.py`` through QGIS Processing — validate →
grade hazard sources → enterprise risk → fire-station reach → shelter per capita →
four-colour map → atlas — writing every result layer into one GeoPackage (with a
``provenance`` table: which algorithm, version and parameters made each layer), a QGIS project
with the layers styled and the atlas layouts inside, the PDF atlas, PNG previews and HTML reports.

It runs in two phases so that the analysis can run in Processing's background task and the atlas
(print layouts) on the main thread afterwards: ``analyse()`` (every step but the atlas) and
``finish()`` (the atlas, then every file put in place). Until ``finish`` ends, the run's files
have temporary names beside their final ones (``partial-…``: the GeoPackage, the reports, the PDF,
the PNG folder and the project — one ``layers.atomic.OutputSet``, the write path of every algorithm):
``discard()`` — on cancel or failure — removes them all, so a run leaves its files whole or not at all
(validation.html stays when the inputs have errors: it says which). Raw ledgers among the inputs are
imported first, as the analysis phase's first part (``raw_inputs``: ``imported_inputs.gpkg`` and
``import_<layer>.html``, staged like the rest; an import that stops keeps only its report). Cancelling
stops before the next step starts, and inside a step at its next
progress report. It needs a running QGIS with Processing and the riskatlas provider;
``riskatlas:fullassessment`` and ``make demo`` call it (``run_assessment`` runs both phases).
"""
import datetime
import gc
import json
import os
from dataclasses import dataclass, field

from qgis.core import (
    NULL,
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingMultiStepFeedback,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..layers.atomic import OutputSet
from ..layers.project import SAMPLE_GPKG
from ..layers.schemas import ASSESSMENT_INPUTS, PROPOSED_INPUTS, REQUIRED_INPUTS, RESULT_BY_NAME, RESULT_LAYERS
from ..processing.base import Cancelled
from ..processing.reading import layer_note
from ..support.i18n import file_language, plugin_version, ui_language
from .chain import DEFAULT_OPTIONS, STEPS, Extent, Fixed, Input, Option, Result, skipped_results
from .proposed import SCENARIO_GPKG, add_proposed
from .raw_inputs import IMPORTED_GPKG, ImportStopped, import_raw_inputs, raw_inputs
from .summary import FIGURE_LABELS, read_headline_figures, run_figures, summary_lines

RESULT_GPKG = "risk_atlas_results.gpkg"
POPULATION_GRID = "population_grid"  # POPULATION_RASTER's populated cells, the POPULATION every step reads
PROJECT_FILE = "risk_atlas.qgz"
ATLAS_STEP = STEPS[-1]  # the printed atlas: print layouts, on the main thread
CHART_FOLDER = "atlas_charts"  # written beside the results GeoPackage by the atlas step

translate = QCoreApplication.translate


def _tr(text):
    return QCoreApplication.translate("FullAssessment", text)


@dataclass
class AssessmentResult:
    output_folder: str
    files: dict = field(default_factory=dict)  # summary.FILE_LABELS key -> path
    layers: dict = field(default_factory=dict)  # result layer name -> URI in the result GeoPackage
    figures: list = field(default_factory=list)  # [(figure id, label, value)] (assessment/summary.py)
    major_hazard_units: int = 0
    pages: int = 0
    run_label: str = ""  # RUN_LABEL: on the atlas and in the provenance table

    def report(self):
        """The summary, one readable line each, in the UI language."""
        return "\n".join(summary_lines(self))


def sample_inputs(gpkg=SAMPLE_GPKG):
    return {i.parameter: f"{gpkg}|layername={i.layer}" for i in ASSESSMENT_INPUTS}


class _Runner:
    """Runs algorithms one after another, writing sinks into one GeoPackage and logging provenance."""

    def __init__(self, gpkg, context, feedback, provenance, files=None):
        self.gpkg, self.context, self.feedback, self.provenance = gpkg, context, feedback, provenance
        self.files = files  # the run's layers.atomic.OutputSet: staged paths are logged as their final ones

    def sink(self, table, geometry=True):
        return f"ogr:dbname='{self.gpkg}' table=\"{table}\"" + (" (geom)" if geometry else "")

    def uri(self, table):
        return f"{self.gpkg}|layername={table}"

    def run(self, number, step, parameters):
        """Run chain step ``number``; stops (Cancelled) before it starts and after it when cancelled."""
        from qgis import processing

        from ..layers.gpkg import quiet_gdal

        if self.feedback.isCanceled():
            raise Cancelled()
        algorithm = QgsApplication.processingRegistry().algorithmById(step.algorithm)
        shown = algorithm.displayName() if algorithm is not None else step.title
        self.feedback.pushInfo(translate("FullAssessment", "— Step {0} of {1}: {2} ({3})").format(number + 1, len(STEPS), shown,
                                                                          step.algorithm))
        with quiet_gdal():
            results = processing.run(step.algorithm, parameters, context=self.context, feedback=self.feedback,
                                     is_child_algorithm=True)
        if self.feedback.isCanceled():
            raise Cancelled()
        self.log(step.title, step.algorithm, parameters)
        return results

    def log(self, step, algorithm_id, parameters):
        """A provenance row: the step's parameters, the files named as they will be once renamed into place."""
        def final(value):
            for staged, target in (self.files.staged if self.files is not None else {}).items():
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


# the provenance table; riskatlas:comparescenarios reads run_label (RUN_LABEL, the same on every row)
PROVENANCE_COLUMNS = ("step", "algorithm", "parameters", "version", "run_at", "run_label")


def _write_provenance(gpkg, rows, run_label=""):
    import pandas as pd

    from ..layers.gpkg import write_layer
    from ..layers.sinks import make_fields
    from ..support import compat

    frame = pd.DataFrame([{**row, "run_label": run_label or ""} for row in rows], columns=list(PROVENANCE_COLUMNS))
    fields = make_fields([(name, "string") for name in frame.columns])
    write_layer(gpkg, "provenance", frame, fields, QgsVectorLayer(f"{gpkg}|layername=risk_map").crs(),
                compat.WKB_NO_GEOMETRY)


def step_parameters(step, runner, given, options, html):
    """The algorithm parameters of a chain step: its wiring resolved against this run (inputs left
    out, results of steps left out and options without a value are left out), its result layers as
    sinks in the GeoPackage."""
    parameters = {}
    skipped = skipped_results(given)
    for name, source in step.wiring.items():
        if isinstance(source, Input):
            value = given.get(source.parameter)
        elif isinstance(source, Result):
            value = None if source.layer in skipped else runner.uri(source.layer)
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


class Assessment:
    """One run of the chain on ``inputs`` ({parameter: layer URI}, see layers.schemas.ASSESSMENT_INPUTS)
    into ``output_folder``, in two phases (module doc). ``project_path``: also write a QGIS project."""

    def __init__(self, inputs, output_folder, options=None, project_path=None):
        self.options = {**DEFAULT_OPTIONS, **{k: v for k, v in (options or {}).items() if v is not None}}
        self.given = {k: v for k, v in inputs.items() if v not in (None, "")}
        self.population_raster = self.given.pop("POPULATION_RASTER", None)
        self.proposed = {i.parameter: self.given.pop(i.parameter) for i in PROPOSED_INPUTS if i.parameter in self.given}
        self.scenario = None  # the staged scenario_inputs.gpkg, once planned layers were added (assessment/proposed.py)
        if self.population_raster is not None and "POPULATION" in self.given:
            raise QgsProcessingException(translate("FullAssessment", "Give POPULATION (polygons or points) or "
                                                                     "POPULATION_RASTER, one of them."))
        missing = [name for name in REQUIRED_INPUTS if name not in self.given
                   and not (name == "POPULATION" and self.population_raster is not None)]
        if missing:
            raise QgsProcessingException(translate("FullAssessment", "Missing input layers: {0}").format(", ".join(missing)))
        self.folder, self.project_path = output_folder, project_path
        self.gpkg = os.path.join(output_folder, RESULT_GPKG)
        self.partial_gpkg = None
        self.folder_existed = os.path.isdir(output_folder)
        self.files = OutputSet()  # every file of the run, staged beside its target until finish()
        self.html = {s.report: os.path.join(output_folder, f"{s.report}.html") for s in STEPS if s.report}
        self.staged_html = {}
        self.outputs, self.provenance = {}, []
        self.imports = {}  # parameter -> import report (its final path), once raw ledgers were imported
        self.imported = None  # the staged imported_inputs.gpkg
        self.step_count = len(STEPS)  # progress shares: the chain's steps (and the imports, as one)
        self.result = AssessmentResult(output_folder, run_label=self.options["RUN_LABEL"] or "")

    def _html(self):
        return self.staged_html

    def analyse(self, feedback, context):
        """Every step before the atlas, into the staged GeoPackage and reports."""
        os.makedirs(self.folder, exist_ok=True)
        self.partial_gpkg = self.files.file(self.gpkg)
        self.staged_html = {key: self.files.file(path) for key, path in self.html.items()}
        self.files.created(os.path.join(self.folder, CHART_FOLDER))  # the atlas charts, beside the GeoPackage
        raw = raw_inputs(self.given, int(self.options["COORDINATES"] or 0))
        self.step_count = len(STEPS) + bool(raw)
        steps = QgsProcessingMultiStepFeedback(self.step_count, feedback)
        if raw:
            self._import(raw, steps, context)
        runner = _Runner(self.partial_gpkg, context, steps, self.provenance, self.files)
        if self.population_raster is not None:
            self.given["POPULATION"] = _population_grid(self.population_raster, runner, self.given["TOWNSHIPS"],
                                                        feedback)
        if self.proposed:
            self._add_proposed(runner, feedback)
        for number, step in enumerate(STEPS[:-1]):
            steps.setCurrentStep(number + bool(raw))
            if step.needs and not self.given.get(step.needs):
                steps.pushInfo(translate("FullAssessment", "— Step {0} of {1}: {2} left out ({3} not given)").format(
                    number + 1, len(STEPS), step.title, step.needs))
                continue
            parameters = step_parameters(step, runner, self.given, self.options, self._html())
            self.outputs[step.key] = runner.run(number, step, parameters)
            if step.stops_on_errors and self.outputs[step.key]["ERRORS"]:
                self._stop_on_errors(step)
        self.result.figures = run_figures(self.outputs)
        self.result.major_hazard_units = int(self.outputs["grade"]["MAJOR_UNITS"])

    def _import(self, raw, feedback, context):
        """The raw ledgers into the staged imported_inputs.gpkg (raw_inputs); an import that stops keeps
        its report (it says which mapping to set) and nothing else of the run."""
        self.imported = self.files.file(os.path.join(self.folder, IMPORTED_GPKG))
        try:
            self.given, self.imports = import_raw_inputs(
                self.given, raw, self.imported, lambda name: self.files.file(os.path.join(self.folder, name)),
                int(self.options["COORDINATES"] or 0), context, feedback)
            self.imports = {parameter: self.files.final(report) for parameter, report in self.imports.items()}
        except ImportStopped as stopped:
            message = str(stopped)
            if stopped.report:
                report = self.files.final(stopped.report)
                self.files.commit(only=[report])
                message = message.replace(stopped.report, report)
            self.discard()
            raise QgsProcessingException(message) from stopped

    def _add_proposed(self, runner, feedback):
        """The planned stations and shelters added to the existing ones (assessment/proposed.py), logged."""
        self.scenario = self.files.file(os.path.join(self.folder, SCENARIO_GPKG))
        before = dict(self.given)
        self.given = add_proposed(self.given, self.proposed, self.scenario, file_language(self.options["LANGUAGE"]),
                                  feedback.pushInfo)
        sources = {p: v.source() if isinstance(v, QgsVectorLayer) else str(v) for p, v in self.proposed.items()}
        runner.log("proposed", "riskatlas:fullassessment", {**sources, **{p: uri for p, uri in self.given.items()
                                                                          if before.get(p) != uri}})

    def _stop_on_errors(self, step):
        """Keep the step's report (it lists the errors) and nothing else of the run; the message names the
        first errors."""
        report = self.html[step.report]
        first = _first_errors(f"{self.partial_gpkg}|layername={step.outputs['OUTPUT']}")
        self.files.commit(only=[report])
        self.discard()
        raise QgsProcessingException(translate("FullAssessment", "{0} errors in the input layers: see {1}. First: "
                                                                 "{2}").format(self.outputs[step.key]["ERRORS"], report,
                                                                               "; ".join(first)))

    def finish(self, feedback, context):
        """The atlas (on the main thread: print layouts), then every file in place and the project."""
        steps = QgsProcessingMultiStepFeedback(self.step_count, feedback)
        steps.setCurrentStep(self.step_count - 1)
        runner = _Runner(self.partial_gpkg, context, steps, self.provenance, self.files)
        parameters = step_parameters(ATLAS_STEP, runner, self.given, self.options, self._html())
        for name, (file, _o, _l) in ATLAS_STEP.files.items():
            path = os.path.join(self.folder, file)
            parameters[name] = self.files.file(path) if os.path.splitext(file)[1] else self.files.folder(path)
        parameters["ATLAS_LAYERS"] = self.partial_gpkg  # the project's atlas layouts are rebuilt from these
        self.outputs[ATLAS_STEP.key] = runner.run(len(STEPS) - 1, ATLAS_STEP, parameters)
        self.result.pages = int(self.outputs[ATLAS_STEP.key]["PAGES"])
        self.result.figures += read_headline_figures(self.partial_gpkg, ui_language())  # the atlas step wrote them
        self.result.figures.append(("atlas_pages", _tr(FIGURE_LABELS["atlas_pages"]), self.result.pages))
        _write_provenance(self.partial_gpkg, self.provenance, self.options["RUN_LABEL"])
        # close every connection to the partial GeoPackage (flushing its WAL) before it is renamed
        context.temporaryLayerStore().removeAllMapLayers()
        gc.collect()
        if feedback is not None and feedback.isCanceled():
            raise Cancelled()
        if self.project_path:
            self._write_project()
        self._put_in_place()
        return self.result

    def _write_project(self):
        """The project, written from the staged GeoPackage with its paths pointing at the final one."""
        from qgis.core import QgsPathResolver

        from .project import write_project

        staged = AssessmentResult(self.folder, files={"gpkg": self.partial_gpkg})
        staged_files = self.files.staged  # every staged file (the GeoPackage, the imported inputs) by its final name

        def final_paths(path):
            for temporary, final in staged_files.items():
                path = path.replace(temporary, final)
            return path

        writer = QgsPathResolver.setPathWriter(final_paths)
        try:
            write_project(self.files.file(self.project_path), self.given, staged, target=self.options["TARGET"],
                          language=file_language(self.options["LANGUAGE"]))
        finally:
            QgsPathResolver.removePathWriter(writer)

    def _put_in_place(self):
        self.files.commit()
        self.partial_gpkg = None
        files = {"gpkg": self.gpkg, "pdf": os.path.join(self.folder, ATLAS_STEP.files["OUTPUT"][0]),
                 "png": os.path.join(self.folder, ATLAS_STEP.files["OUTPUT_PNG_FOLDER"][0]), **self.html}
        if self.project_path:
            files["project"] = self.project_path
        files.update(self._imports_in_place())
        self.result.files = files
        skipped = skipped_results(self.given)
        self.result.layers = {r.name: f"{self.gpkg}|layername={r.name}" for r in RESULT_LAYERS
                              if r.name not in skipped}
        if self.population_raster is not None:  # the project shows the grid the steps read
            self.given["POPULATION"] = self.result.layers[POPULATION_GRID] = f"{self.gpkg}|layername={POPULATION_GRID}"

    def _imports_in_place(self):
        """The imported inputs and their reports (now in place); the inputs then name the final file."""
        files = {}
        if self.scenario is not None:
            final = os.path.join(self.folder, SCENARIO_GPKG)
            self.given = {p: uri.replace(self.scenario, final) for p, uri in self.given.items()}
            files["scenario"] = final
        if not self.imports:
            return files
        final = os.path.join(self.folder, IMPORTED_GPKG)
        self.given = {p: uri.replace(self.imported, final) for p, uri in self.given.items()}
        files["imported"] = final
        for parameter, report in self.imports.items():
            if os.path.exists(report):
                files[f"import_{parameter}"] = report
        return files

    def discard(self):
        """Remove every file of this run that is not in place yet (the run was cancelled or failed)."""
        self.files.rollback()
        self.partial_gpkg = None
        if not self.folder_existed and os.path.isdir(self.folder) and not os.listdir(self.folder):
            os.rmdir(self.folder)  # this run made it, and nothing of the run is left in it


def _first_errors(report_uri, count=3):
    """The first errors of a validation report table, as 'layer · KEY (fid n) · field: message'."""
    from ..core.errors import feature_label

    layer = QgsVectorLayer(report_uri, "validation_report", "ogr")
    lines = []
    for feature in layer.getFeatures():
        if feature["severity"] != "error":
            continue
        fid, key, field = (None if v is None or v == NULL else v
                           for v in (feature["feature_id"], feature["feature_key"], feature["field"]))
        where = [feature["layer"]] + ([feature_label(fid, key)] if fid is not None else []) + (
            [field] if field is not None else [])
        lines.append(" · ".join(str(w) for w in where) + f": {feature['message']}")
        if len(lines) == count:
            break
    del layer
    return lines


def _population_grid(raster, runner, townships, feedback):
    """POPULATION_RASTER's populated cells written into the GeoPackage (in the townships' projected CRS):
    every step reads them as POPULATION. Returns their URI."""
    from ..layers.convert import analysis_crs
    from ..layers.population_inputs import write_population_grid

    layer = townships if isinstance(townships, QgsVectorLayer) else QgsVectorLayer(townships, "townships", "ogr")
    crs = analysis_crs(layer.crs(), layer.extent())
    for note in write_population_grid(raster, runner.gpkg, POPULATION_GRID, crs):
        feedback.pushInfo(layer_note("POPULATION_RASTER", note))
    source = raster.source() if hasattr(raster, "source") else str(raster)
    runner.log("population grid", "riskatlas:fullassessment", {"POPULATION_RASTER": source, "OUTPUT": POPULATION_GRID,
                                                               "TARGET_CRS": crs.authid()})
    return runner.uri(POPULATION_GRID)


def run_assessment(inputs, output_folder, options=None, feedback=None, context=None, project_path=None):
    """Both phases of an ``Assessment`` in one go (on the main thread); files whole or not at all."""
    feedback = feedback or QgsProcessingFeedback()
    if context is None:
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
    assessment = Assessment(inputs, output_folder, options, project_path)
    try:
        assessment.analyse(feedback, context)
        return assessment.finish(feedback, context)
    except BaseException:
        context.temporaryLayerStore().removeAllMapLayers()  # lets go of the staged GeoPackage first
        gc.collect()
        assessment.discard()
        raise


def run_demo(output_folder):
    """``make demo``: riskatlas:fullassessment on the sample county into ``output_folder``.

    Returns the algorithm's results (SUMMARY holds the files and headline figures)."""
    from qgis import processing

    parameters = {**sample_inputs(), "OUTPUT_FOLDER": output_folder, "LANGUAGE": "zh",
                  "ORGANISATION": "临海县应急管理局"}
    return processing.run("riskatlas:fullassessment", parameters)
