"""How fast 取消 stops the full assessment (issue 15) — measured, not asserted.

The assessment runs as the algorithm dialog runs it: a QgsProcessingAlgRunnerTask (the analysis in
Processing's worker thread, the atlas on the main thread afterwards). A timer on the main thread
cancels it after t seconds, as a click on 取消 does; the latency is the time from the cancel to
the task reporting back. Each run also checks that nothing of it is left in its output folder.

    .venv/bin/python bench/bench_cancel.py [--times 0.5,1,2,4,6,8,10]
"""
import argparse
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402


def one_run(parameters, cancel_after):
    """(cancelled during which step, latency s, files left) of a run cancelled after ``cancel_after`` s;
    cancel_after None: the whole run (seconds it took)."""
    from qgis.core import QgsApplication, QgsProcessingAlgRunnerTask, QgsProcessingContext, QgsProcessingFeedback
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import QTimer

    class Feedback(QgsProcessingFeedback):
        step = "—"

        def pushInfo(self, info):  # noqa: N802 (QGIS API)
            if info.startswith("— Step "):
                self.step = info.split(":")[0].replace("— ", "")

    algorithm = QgsApplication.processingRegistry().algorithmById("riskatlas:fullassessment")
    context, feedback = QgsProcessingContext(), Feedback()
    context.setProject(QgsProject.instance())
    task = QgsProcessingAlgRunnerTask(algorithm, parameters, context, feedback)
    marks = {"start": time.perf_counter()}
    task.executed.connect(lambda ok, results: marks.setdefault("end", time.perf_counter()))

    def cancel():
        marks["cancel"], marks["step"] = time.perf_counter(), feedback.step
        feedback.cancel()

    if cancel_after is not None:
        QTimer.singleShot(int(cancel_after * 1000), cancel)
    QgsApplication.taskManager().addTask(task)
    while "end" not in marks:
        QgsApplication.processEvents()
        time.sleep(0.002)
    folder = parameters["OUTPUT_FOLDER"]
    left = sum(len(files) for _d, _s, files in os.walk(folder)) if os.path.isdir(folder) else 0
    if cancel_after is None:
        return "—", marks["end"] - marks["start"], left
    if "cancel" not in marks:  # finished before the timer fired
        return "finished first", 0.0, left
    return marks["step"], marks["end"] - marks["cancel"], left


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--times", default="0.5,1,2,3,4,6,8,10")
    args = parser.parse_args()
    os.environ["QGIS_CUSTOM_CONFIG_PATH"] = tempfile.mkdtemp(prefix="riskatlas-bench-")
    app = common.start_qgis()  # noqa: F841
    from riskatlas.assessment.pipeline import sample_inputs

    work = tempfile.mkdtemp(prefix="riskatlas-cancel-")
    inputs = sample_inputs()
    _step, whole, _left = one_run({**inputs, "OUTPUT_FOLDER": os.path.join(work, "whole")}, None)
    print(f"whole run (no cancel): {whole:.1f} s")
    print(f"{'cancel after':>12}  {'during':<16} {'latency':>9}  files left")
    for seconds in (float(t) for t in args.times.split(",")):
        folder = os.path.join(work, f"t{seconds:g}")
        step, latency, left = one_run({**inputs, "OUTPUT_FOLDER": folder}, seconds)
        print(f"{seconds:>10.1f} s  {step:<16} {latency * 1000:>7.0f} ms  {left}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
