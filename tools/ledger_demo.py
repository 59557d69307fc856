"""The ledger import shown on the sample county: a bureau's 3,000-row GCJ-02 企业台账 and its 重大危险源基本特征表
imported and run through the full assessment with no edit, the import report, and what the GCJ-02
correction does to the people exposed around each hazard unit.

    .venv/bin/python tools/ledger_demo.py --output /tmp/ledger-demo

Writes into the output folder: ``ledgers/`` (the workbooks, tools/make_ledgers.py), ``import/`` (the
enterprise ledger imported: GeoPackage, report table as CSV, HTML report), ``exposure.csv`` (per hazard
unit: exposed people with the ledger's coordinates taken as WGS 84 — COORDINATES=0 — and corrected from
GCJ-02 — COORDINATES=2 — and around the unit's true centre, by QGIS's native centroids of the sample's
unit polygons), ``assessment/`` (riskatlas:fullassessment on the raw ledgers) and ``summary.md``.
"""
import argparse
import csv
import importlib.util
import os
import sys
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "sample_data", "sample_county.gpkg")


def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(algorithm, parameters):
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return processing.run(algorithm, parameters, context=context, feedback=QgsProcessingFeedback())


def import_enterprises(ledger, folder):
    os.makedirs(folder, exist_ok=True)
    result = run("riskatlas:importlayer", {
        "INPUT": ledger, "COORDINATES": 2, "STUDY_AREA": f"{SAMPLE}|layername=townships",
        "OUTPUT": os.path.join(folder, "enterprises.gpkg"), "OUTPUT_REPORT": "TEMPORARY_OUTPUT",
        "OUTPUT_HTML": os.path.join(folder, "import_report.html")})
    report = result["OUTPUT_REPORT"]
    with open(os.path.join(folder, "import_report.csv"), "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(report.fields().names())
        for feature in report.getFeatures():
            writer.writerow(["" if v is None or (hasattr(v, "isNull") and v.isNull()) else v
                             for v in feature.attributes()])
    return result, [f["message"] for f in report.getFeatures()]


def exposure(hazard_ledger):
    """{unit: (exposed as WGS 84, exposed after the GCJ-02 correction, exposed at the true centre)}."""
    population = f"{SAMPLE}|layername=population"

    def graded(records):
        units = run("riskatlas:gradehazardsources", {"INPUT": records, "POPULATION": population, "EXPOSED_FIELD": "",
                                                     "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]  # people estimated
        return {f["unit_id"]: (f["exposed_people"], f["r_value"], f["hazard_grade"]) for f in units.getFeatures()}

    as_is, corrected = (graded(run("riskatlas:importlayer", {"INPUT": hazard_ledger, "COORDINATES": c,
                                                             "TARGET_CRS": "EPSG:4549",
                                                             "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]) for c in (0, 2))
    centres = run("native:centroids", {"INPUT": f"{SAMPLE}|layername=hazard_sources",
                                       "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    truth = {"0331082" + unit[2:].zfill(4): values for unit, values in graded(centres).items()}
    return {unit: (as_is[unit], corrected[unit], truth[unit]) for unit in corrected}


def main(argv=None):
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", required=True)
    args = parser.parse_args(argv)
    folder = os.path.abspath(args.output)
    common = _load("bench_common", os.path.join(ROOT, "bench", "common.py"))
    app = common.start_qgis()  # noqa: F841 (keeps QGIS alive)
    make_ledgers = _load("make_ledgers", os.path.join(ROOT, "tools", "make_ledgers.py"))
    enterprises, hazards, _truth = make_ledgers.write_ledgers(os.path.join(folder, "ledgers"))
    imported, messages = import_enterprises(enterprises, os.path.join(folder, "import"))
    exposed = exposure(hazards)
    with open(os.path.join(folder, "exposure.csv"), "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(("unit_id", "exposed_as_wgs84", "exposed_gcj02_corrected", "exposed_true_centre",
                         "r_as_wgs84", "r_corrected", "grade_as_wgs84", "grade_corrected"))
        for unit, (before, after, truth) in sorted(exposed.items()):
            writer.writerow((unit, before[0], after[0], truth[0], before[1], after[1], before[2], after[2]))
    from riskatlas.assessment.pipeline import sample_inputs

    parameters = {**sample_inputs(), "ENTERPRISES": enterprises, "HAZARD_SOURCES": hazards, "COORDINATES": 2,
                  "LANGUAGE": "zh", "ORGANISATION": "临海县应急管理局",
                  "OUTPUT_FOLDER": os.path.join(folder, "assessment")}
    summary = run("riskatlas:fullassessment", parameters)["SUMMARY"]
    write_summary(folder, imported, messages, exposed, summary)
    print(open(os.path.join(folder, "summary.md"), encoding="utf-8").read())
    return 0


def write_summary(folder, imported, messages, exposed, summary):
    moved = max(exposed.items(), key=lambda item: abs((item[1][0][0] or 0) - (item[1][1][0] or 0)))
    unit, (before, after, truth) = moved
    lines = ["# Ledger import on the sample county", "",
             f"Enterprise ledger: {imported['FEATURES']} rows imported as {imported['KIND_USED']}.", "",
             "## Import report (excerpt)", ""] + [f"- {m}" for m in messages[:40]] + [
             "", "## Exposure of one hazard unit before and after the GCJ-02 correction", "",
             f"Unit {unit}: {before[0]:.0f} people within 500 m with the ledger's GCJ-02 coordinates taken as WGS 84 "
             f"(R {before[1]:.1f}, grade {before[2]}); {after[0]:.0f} after the correction (R {after[1]:.1f}, grade "
             f"{after[2]}); {truth[0]:.0f} around the unit's true centre.", ""] + [
             f"Grade changed by the correction: {u} {b[0]:.0f} → {a[0]:.0f} people, R {b[1]:.1f} → {a[1]:.1f}, "
             f"grade {b[2]} → {a[2]}" for u, (b, a, _t) in sorted(exposed.items()) if b[2] != a[2]] + [
             "", f"Units whose corrected exposure equals the true centre's: "
             f"{sum(1 for b, a, t in exposed.values() if a[0] == t[0])} of {len(exposed)}.", "",
             "All units: exposure.csv", "", "## Full assessment on the raw ledgers", "", "```", summary, "```"]
    with open(os.path.join(folder, "summary.md"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    sys.exit(main())
