"""Benchmark: `make demo` on the sample county, against version 0.1's demo in the same run.

    .venv/bin/python bench/bench_demo.py             # 3 runs of each, alternating
    .venv/bin/python bench/bench_demo.py --repeat 5

Each run is a fresh process, as `make demo` is (QGIS start-up included), and the figure is the one the
demo prints, ``demo finished in``. Three cases:

* ``today``: the whole demo as it is now (nine steps, fourteen pages, PNG pages too);
* ``v0.1 steps``: the same with the one-map layers (rescue teams, supply depots, key targets, natural
  hazards) not given — the steps and pages version 0.1 had, plus the fire-station and shelter pages
  added since (13 pages against its 11);
* ``v0.1``: version 0.1's own demo (commit 8cc4d64, checked out into a temporary git worktree and run
  with this checkout's .venv). Left out, with a note, where the checkout has no git history.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
V01 = "8cc4d64"
SUBSET = """
import os, sys, time
started = time.perf_counter()
sys.path.insert(0, {bench!r})
import common
app = common.start_qgis()
from qgis import processing
from riskatlas.assessment.pipeline import sample_inputs
parameters = {{**sample_inputs(), "OUTPUT_FOLDER": sys.argv[1], "LANGUAGE": "zh", "ORGANISATION": "临海县应急管理局"}}
for name in ("RESCUE_TEAMS", "SUPPLY_DEPOTS", "KEY_TARGETS", "NATURAL_HAZARDS"):
    parameters.pop(name)
processing.run("riskatlas:fullassessment", parameters)
print(f"demo finished in {{time.perf_counter() - started:.1f}} s")
os._exit(0)
"""


def seconds(command, cwd):
    """The ``demo finished in`` figure of one run (fresh process)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    found = re.search(r"demo finished in ([0-9.]+) s", out.stdout)
    if out.returncode != 0 or not found:
        raise SystemExit(f"{' '.join(command)} failed:\n{out.stdout[-2000:]}\n{out.stderr[-2000:]}")
    return float(found.group(1))


def version_01(folder):
    """A worktree of version 0.1 using this checkout's .venv, or None (no git history here)."""
    path = os.path.join(folder, "v01")
    made = subprocess.run(["git", "worktree", "add", "--detach", path, V01], cwd=ROOT, capture_output=True, text=True)
    if made.returncode != 0:
        print(f"v0.1 not run: no commit {V01} in this checkout ({made.stderr.strip()})")
        return None
    os.symlink(os.path.join(ROOT, ".venv"), os.path.join(path, ".venv"))
    for ts in (f for f in os.listdir(os.path.join(path, "i18n")) if f.endswith(".ts")):
        subprocess.run(["lrelease", "-silent", ts, "-qm", ts[:-3] + ".qm"], cwd=os.path.join(path, "i18n"),
                       capture_output=True)
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    python = os.path.join(ROOT, ".venv", "bin", "python")
    with tempfile.TemporaryDirectory(prefix="riskatlas-bench-demo-") as folder:
        subset = os.path.join(folder, "subset.py")
        with open(subset, "w", encoding="utf-8") as handle:
            handle.write(SUBSET.format(bench=HERE))
        old = version_01(folder)
        cases = {"today": ([python, "tools/demo.py", "--output", os.path.join(folder, "today")], ROOT),
                 "v0.1 steps": ([python, subset, os.path.join(folder, "subset")], ROOT)}
        if old:
            cases["v0.1"] = ([python, "tools/demo.py", "--output", os.path.join(folder, "v01_out")], old)
        try:
            runs = {name: [] for name in cases}
            for _ in range(args.repeat):
                for name, (command, cwd) in cases.items():
                    runs[name].append(seconds(command, cwd))
        finally:
            if old:
                subprocess.run(["git", "worktree", "remove", "--force", old], cwd=ROOT, capture_output=True)
    for name, values in runs.items():
        print(f"{name:>11}: min {min(values):.1f} s, median {statistics.median(values):.1f} s  ({values})")
    if "v0.1" in runs:
        ratio = statistics.median(runs["v0.1 steps"]) / statistics.median(runs["v0.1"])
        print(f"demo ratio (v0.1's steps today / v0.1, medians): {ratio:.2f}  target: below 1")


if __name__ == "__main__":
    sys.exit(main())
