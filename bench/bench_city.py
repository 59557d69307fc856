"""Benchmark: the full assessment (riskatlas:fullassessment, PDF atlas included) on a synthetic city
(``bench/city.py``: 3,000 km², 40 townships, ≈5 M residents, ~1 M road features, 30,000
enterprises, 500 hazard units, 300 shelters, 60 fire stations), 500 m map cells.

    .venv/bin/python bench/bench_city.py              # one run (targets: < 60 s, < 6 GB peak)
    .venv/bin/python bench/bench_city.py --repeat 3   # min / median of three

Each run is its own process under ``/usr/bin/time -v`` (its peak resident memory is the process's,
QGIS included); the run prints the time of every step of the chain (from the assessment's log
lines), and after the chain the project and the headline figures. The city's GeoPackage is written
once into a cache folder (not timed).
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

DATA_VERSION = 1


def city_path():
    folder = os.environ.get("RISKATLAS_BENCH_DATA") or os.path.join(tempfile.gettempdir(), "riskatlas-bench-data")
    os.makedirs(folder, exist_ok=True)
    return os.path.join(folder, f"city_v{DATA_VERSION}.gpkg")


def ensure_city():
    path = city_path()
    if not os.path.exists(path):
        from qgis.core import QgsApplication

        common.register_package()
        app = QgsApplication([], False)
        app.initQgis()
        import city

        started = time.perf_counter()
        counts = city.write_city(path)
        print(f"city written in {time.perf_counter() - started:.0f} s: "
              + ", ".join(f"{name} {count:,}" for name, count in counts.items()), flush=True)
        del app
    return path


def step_name(line):
    """The algorithm id of an assessment log line ('— Step 1 of 7: … (riskatlas:validateinputs)', or the
    older '— validate: riskatlas:validateinputs')."""
    if line.rstrip().endswith(")") and "(riskatlas:" in line:
        return line[line.rindex("(riskatlas:") + 1:line.rstrip().rindex(")")]
    return line.split(": ", 1)[-1].strip()


class RssSampler:
    """The process's resident memory sampled every 50 ms in a helper thread (/proc/self/statm): the peak of
    each stretch between ``mark`` calls. (Not VmHWM reset through clear_refs: that would also lower the
    figure /usr/bin/time -v reports for the whole run.)"""

    def __init__(self, interval=0.05):
        import threading

        self.page_mb = os.sysconf("SC_PAGE_SIZE") / 2**20
        self.peak, self.interval, self._stop = 0.0, interval, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def rss_mb(self):
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * self.page_mb

    def _run(self):
        while not self._stop.wait(self.interval):
            self.peak = max(self.peak, self.rss_mb())

    def mark(self):
        """The peak since the last mark (MB); starts the next stretch."""
        now = self.rss_mb()
        peak, self.peak = max(self.peak, now), now
        return peak

    def stop(self):
        self._stop.set()
        self._thread.join()


class StepFeedback:
    """A QgsProcessingFeedback that notes when each step of the chain starts (its '— step:' lines), and the
    peak resident memory of each step."""

    def __new__(cls):
        from qgis.core import QgsProcessingFeedback

        class _Feedback(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.start = time.perf_counter()
                self.steps, self.peaks, self.memory = [], [], RssSampler()

            def pushInfo(self, message):  # noqa: N802
                if message.startswith("— "):  # "— Step 1 of 7: Validate input layers (riskatlas:validateinputs)"
                    self.peaks.append(self.memory.mark())  # the peak of the step that ends here
                    self.steps.append((time.perf_counter() - self.start, step_name(message)))

        return _Feedback()


def run_once(data, folder):
    """The full assessment in this process; prints one RESULT line (JSON)."""
    common.start_qgis()
    from qgis import processing

    from riskatlas.layers.schemas import ASSESSMENT_INPUTS

    parameters = {i.parameter: f"{data}|layername={i.layer}" for i in ASSESSMENT_INPUTS if i.required}
    parameters.update(OUTPUT_FOLDER=folder, CELL_SIZE=500, LANGUAGE="zh", ORGANISATION="应急管理局")
    feedback = StepFeedback()
    started = time.perf_counter()
    result = processing.run("riskatlas:fullassessment", parameters, feedback=feedback)
    total = time.perf_counter() - started
    peaks = feedback.peaks[1:] + [feedback.memory.mark()]
    feedback.memory.stop()
    marks = feedback.steps + [(total, None)]
    steps = [(name, until - at, peak) for ((at, name), (until, _n), peak) in zip(marks[:-1], marks[1:], peaks)]
    steps[-1] = (steps[-1][0] + " (and the project)",) + tuple(steps[-1][1:])
    print("RESULT " + json.dumps({"seconds": total, "steps": steps, "pages": result["PAGES"],
                                  "pdf_mb": os.path.getsize(result["OUTPUT_PDF"]) / 2**20}), flush=True)
    os._exit(0)


def measured_run(data):
    """One run in a child process under /usr/bin/time -v: (result dict, peak RSS in MB)."""
    with tempfile.TemporaryDirectory(prefix="riskatlas-city-") as folder:
        command = ["/usr/bin/time", "-v", sys.executable, os.path.abspath(__file__), "--run", data, folder]
        completed = subprocess.run(command, capture_output=True, text=True,
                                   env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    lines = [line for line in completed.stdout.splitlines() if line.startswith("RESULT ")]
    if completed.returncode != 0 or not lines:
        raise SystemExit(f"the run failed:\n{completed.stdout[-3000:]}\n{completed.stderr[-3000:]}")
    peak_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", completed.stderr).group(1))
    return json.loads(lines[-1][len("RESULT "):]), peak_kb / 1024.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--run", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        run_once(*args.run)
    data = ensure_city()
    runs = [measured_run(data) for _ in range(args.repeat)]
    seconds = [r["seconds"] for r, _peak in runs]
    peaks = [peak for _r, peak in runs]
    best, best_peak = min(runs, key=lambda r: r[0]["seconds"])
    print(f"full assessment of the synthetic city ({os.path.basename(data)}), {args.repeat} run(s), "
          f"each its own process under /usr/bin/time -v")
    print(f"  CITY total: min {min(seconds):.1f} s, median {statistics.median(seconds):.1f} s "
          f"(runs {', '.join(f'{s:.1f}' for s in seconds)}; target < 60 s); peak RSS max {max(peaks):,.0f} MB "
          f"(target < 6,144 MB); {best['pages']} atlas pages, PDF {best['pdf_mb']:.1f} MB")
    print("  steps of the fastest run (time; peak resident memory during the step, sampled every 50 ms):")
    print(f"    {'time':>8}  {'peak RSS':>9}  step")
    for name, value, peak in best["steps"]:
        print(f"    {value:6.1f} s  {peak:6,.0f} MB  {name}")
    print(f"    {best['seconds']:6.1f} s  {max(peak for _n, _v, peak in best['steps']):6,.0f} MB  total "
          f"(/usr/bin/time -v of that run: {best_peak:,.0f} MB, QGIS included)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
