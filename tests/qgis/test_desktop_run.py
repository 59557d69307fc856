"""The full assessment as the desktop runs it (issue 15): analysis in Processing's background task
and the atlas on the main thread, its results added to the project as one styled group with the
PDF offered on the message bar, the summary in readable lines, and cancel that leaves nothing."""
import os
import threading
import time

import pytest
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsLayerTreeGroup,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
)

from riskatlas.layers.project import add_sample_county
from riskatlas.layers.schemas import ASSESSMENT_INPUTS, project_results

pytestmark = pytest.mark.usefixtures("riskatlas_provider")
MAIN_THREAD = threading.get_ident()


class Recorder(QgsProcessingFeedback):
    """Keeps what a run reports, with the thread it came from; cancels when a message starts with
    ``cancel_at`` or once progress passes ``cancel_above`` percent."""

    def __init__(self, cancel_at=None, cancel_above=None):
        super().__init__()
        self.cancel_at, self.cancel_above, self.infos, self.errors = cancel_at, cancel_above, [], []
        self.cancelled_at = None
        if cancel_above is not None:
            self.progressChanged.connect(self._progress)

    def _progress(self, percent):
        if percent > self.cancel_above and not self.isCanceled():
            self.cancelled_at = f"{percent:.1f} %"
            self.cancel()

    def pushInfo(self, info):  # noqa: N802 (QGIS API)
        self.infos.append((info, threading.get_ident()))
        if self.cancel_at and info.startswith(self.cancel_at) and not self.isCanceled():
            self.cancelled_at = info
            self.cancel()

    def reportError(self, error, fatalError=False):  # noqa: N802
        self.errors.append(error)

    def steps(self):
        return [text for text, _thread in self.infos if text.startswith("— Step ")]


@pytest.fixture
def county(qgis_new_project, sample_gpkg):
    layers = add_sample_county(QgsProject.instance(), path=sample_gpkg)
    by_table = {layer.source().split("layername=")[1]: layer for layer in layers}
    return {i.parameter: by_table[i.layer].id() for i in ASSESSMENT_INPUTS}


def desktop_context():
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return context


def files_under(folder):
    return sorted(os.path.relpath(os.path.join(d, f), folder) for d, _s, fs in os.walk(folder) for f in fs)


def run_in_task(parameters, feedback, timeout=600):
    """Run the full assessment as the algorithm dialog does: a QgsProcessingAlgRunnerTask."""
    algorithm = QgsApplication.processingRegistry().algorithmById("riskatlas:fullassessment")
    context = desktop_context()
    task = QgsProcessingAlgRunnerTask(algorithm, parameters, context, feedback)
    done = {}
    task.executed.connect(lambda ok, results: done.update(ok=ok, results=results))
    QgsApplication.taskManager().addTask(task)
    started = time.monotonic()
    while "ok" not in done and time.monotonic() - started < timeout:
        QgsApplication.processEvents()
        time.sleep(0.01)
    assert "ok" in done, "the task did not finish"
    return done["ok"], done["results"], context


def test_analysis_in_the_background_task_then_the_atlas_on_the_main_thread(county, tmp_path):
    folder = tmp_path / "run"
    feedback = Recorder()
    ok, results, _context = run_in_task({**county, "OUTPUT_FOLDER": str(folder), "LANGUAGE": "en"}, feedback)
    assert ok and feedback.errors == []
    threads = [thread for text, thread in feedback.infos if text.startswith("— Step ")]
    assert len(threads) == 9  # the sample county has rescue teams and supply depots: all nine steps
    assert all(thread != MAIN_THREAD for thread in threads[:8])  # the analysis: Processing's worker thread
    assert threads[8] == MAIN_THREAD  # the atlas: print layouts on the main thread (postProcessAlgorithm)
    import subprocess

    info = subprocess.run(["pdfinfo", results["OUTPUT_PDF"]], capture_output=True, text=True, check=True).stdout
    assert f"Pages:           {results['PAGES']}" in info and results["PAGES"] > 10  # county pages + townships
    # the dialog prints the results as a dict after the log: no multi-line SUMMARY there, the log has it
    assert "SUMMARY" not in results
    assert any(text.startswith("  Risk atlas (PDF): ") for text, _thread in feedback.infos)
    assert not [f for f in files_under(folder) if "partial-" in f]


def test_results_join_the_project_as_one_styled_group_with_the_pdf_offered(county, tmp_path, qgis_iface):
    """As after a run from the dialog: Processing loads what the run asked to load."""
    from qgis.PyQt.QtWidgets import QPushButton

    from riskatlas.support import compat

    algorithm = QgsApplication.processingRegistry().createAlgorithmById("riskatlas:fullassessment")
    parameters = {**county, "OUTPUT_FOLDER": str(tmp_path / "run"), "LANGUAGE": "zh"}
    context, feedback = desktop_context(), Recorder()
    results, ok = algorithm.run(parameters, context, feedback)
    assert ok
    compat.handle_algorithm_results(algorithm, context, feedback, parameters)
    root = QgsProject.instance().layerTreeRoot()
    groups = [node for node in root.children() if isinstance(node, QgsLayerTreeGroup)
              and node.name() == "Risk assessment results (run)"]
    assert len(groups) == 1
    names = [node.layer().name() for node in groups[0].findLayers()]
    assert names == [r.title_en for r in project_results()]  # the UI language (English here), in order
    gpkg = results["OUTPUT_GPKG"]
    assert all(node.layer().source().startswith(gpkg) for node in groups[0].findLayers())
    risk_map = groups[0].findLayers()[0].layer()
    assert risk_map.renderer().type() == "categorizedSymbol" and len(risk_map.renderer().categories()) == 4
    outside = [layer for layer in QgsProject.instance().mapLayers().values()
               if layer.source().startswith(gpkg) and groups[0].findLayer(layer.id()) is None]
    assert outside == []  # no stray copy of a result layer outside the group
    items = [item for item in qgis_iface.messageBar().items() if str(tmp_path / "run") in item.text()]
    assert len(items) == 1 and items[0].level() == Qgis.Success
    buttons = {b.text(): b.property("riskatlas_path") for b in items[0].findChildren(QPushButton)}
    assert buttons == {"Open the atlas (PDF)": results["OUTPUT_PDF"], "Open the output folder": str(tmp_path / "run")}
    qgis_iface.messageBar().clearWidgets()
    # the summary: readable lines in the UI language, not a dict
    summary = results["SUMMARY"].splitlines()
    assert summary[0].startswith("Risk Atlas assessment — output folder:")
    assert any(line.startswith("  Risk atlas (PDF): ") for line in summary)
    assert any(line.startswith("  Hazard units / major hazard sources: 28 / 19") for line in summary)
    assert all(line in [text for text, _t in feedback.infos] for line in summary)


def test_the_message_bar_item_opens_the_pdf_and_the_folder(tmp_path):
    from qgis.PyQt.QtWidgets import QPushButton

    from riskatlas.assessment.desktop import pdf_message
    from riskatlas.assessment.pipeline import AssessmentResult

    result = AssessmentResult(str(tmp_path), files={"pdf": str(tmp_path / "risk_atlas.pdf")})
    item = pdf_message(result)
    buttons = {b.text(): b.property("riskatlas_path") for b in item.findChildren(QPushButton)}
    assert buttons == {"Open the atlas (PDF)": str(tmp_path / "risk_atlas.pdf"),
                       "Open the output folder": str(tmp_path)}


def test_cancel_at_a_step_no_later_step_starts_and_nothing_is_left(county, tmp_path, run_algorithm):
    folder = tmp_path / "run"
    feedback = Recorder(cancel_at="— Step 3 of 9")
    results = run_algorithm("riskatlas:fullassessment", {**county, "OUTPUT_FOLDER": str(folder)}, feedback)
    assert results == {}
    assert [s[:14] for s in feedback.steps()] == ["— Step 1 of 9:", "— Step 2 of 9:", "— Step 3 of 9:"]
    assert "Cancelled: no output was written." in feedback.errors
    assert not folder.exists()  # the run made the folder: nothing of it is left


def test_cancel_inside_a_step_stops_at_its_next_progress_report(county, tmp_path, run_algorithm):
    folder = tmp_path / "run"
    folder.mkdir()
    (folder / "notes.txt").write_text("the planner's own file")
    feedback = Recorder(cancel_above=40.0)  # inside step 4 of 9 (fire-station reach: 33.3–44.4 %)
    run_algorithm("riskatlas:fullassessment", {**county, "OUTPUT_FOLDER": str(folder)}, feedback)
    assert feedback.cancelled_at is not None
    assert len(feedback.steps()) == 4  # step 5 never started
    assert files_under(folder) == ["notes.txt"]


def test_cancel_while_the_atlas_prints_leaves_nothing(county, tmp_path):
    """The desktop path: cancelled during the atlas, on the main thread after the background analysis."""
    folder = tmp_path / "run"
    feedback = Recorder(cancel_at="— Step 9 of 9")
    ok, results, _context = run_in_task({**county, "OUTPUT_FOLDER": str(folder)}, feedback)
    assert feedback.cancelled_at is not None
    assert "OUTPUT_PDF" not in results
    assert any("Cancelled" in error for error in feedback.errors)
    assert not folder.exists()


def test_input_errors_stop_the_run_and_keep_only_the_validation_report(county, tmp_path, run_algorithm):
    from qgis.core import QgsProcessingException, QgsVectorLayer

    broken = QgsVectorLayer("Point?crs=EPSG:4549&field=station_id:string&field=name:string&field=class:string",
                            "消防站", "memory")
    QgsProject.instance().addMapLayer(broken)
    folder = tmp_path / "run"
    with pytest.raises(QgsProcessingException, match="validation.html"):
        run_algorithm("riskatlas:fullassessment", {**county, "FIRE_STATIONS": broken.id(),
                                                   "OUTPUT_FOLDER": str(folder)})
    assert files_under(folder) == ["validation.html"]
