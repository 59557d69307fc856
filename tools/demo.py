"""`make demo`: the Risk Atlas assessment on the sample county, written to output/.

Runs in a headless QGIS (the same algorithms a planner runs from the toolbox) and prints
where each file is and the headline figures.
"""
import argparse
import warnings
import importlib.util
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    warnings.filterwarnings("ignore", category=DeprecationWarning)  # shapely.geos via geopandas 1.0, setapi
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", default=os.path.join(ROOT, "output"))
    args = parser.parse_args()
    started = time.perf_counter()
    common = _load("bench_common", os.path.join(ROOT, "bench", "common.py"))
    app = common.start_qgis()  # noqa: F841 (keeps QGIS alive)
    with warnings.catch_warnings():  # QGIS resets the warning filters; geopandas 1.0 imports shapely.geos
        warnings.simplefilter("ignore", DeprecationWarning)
        import geopandas  # noqa: F401
    from riskatlas.assessment.pipeline import run_demo

    results = run_demo(os.path.abspath(args.output))
    print(results["SUMMARY"])
    print(f"demo finished in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
