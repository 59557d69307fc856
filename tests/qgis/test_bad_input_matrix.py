"""The bad-input matrix: every bad input of ``bad_input_cases`` on every algorithm that reads its layer, run
in-process through processing.run on a small county. Each run must end without a traceback, in the expected
answer (an error or a counted warning naming layer, feature 'KEY (fid n)' and field; documented handling;
validateinputs: a finding), with its inputs byte-identical (sha256) and its outputs whole or absent.

The module prints a summary (and writes it to $RISKATLAS_MATRIX_SUMMARY when set): cases, tracebacks, unclear
messages, modified inputs, half-written outputs — the last four must be 0.
"""
import fnmatch
import glob
import hashlib
import os
import re
import time
from collections import Counter

import pytest
from bad_input_cases import ALGORITHMS, COUNTY, ERROR, FAILING_INPUT, OK, REPORT, WARNING, cases, write_layer
from qgis_helpers import Language
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

CASES = cases()
OUTCOMES = []  # one dict per case run: id, algorithm, class, problems {kind: reason}
KINDS = ("traceback", "unclear", "modified input", "half-written output")
FAILING_PARAMETERS = {"validateinputs": {"FAIL_ON_ERROR": True}}
TEMPORARY = re.compile(r"(^partial-|-wal$|-shm$|-journal$)")


class RecordingFeedback(QgsProcessingFeedback):
    """Keeps the warnings and errors; cancels at the first progress report when asked."""

    def __init__(self, cancel=False):
        super().__init__()
        self.warnings, self.errors, self.infos = [], [], []
        if cancel:
            self.progressChanged.connect(lambda value: self.cancel() if value > 0 else None)

    def pushWarning(self, text):  # noqa: N802 (QGIS API)
        self.warnings.append(text)
        super().pushWarning(text)

    def reportError(self, text, fatalError=False):  # noqa: N802,N803
        self.errors.append(text)
        super().reportError(text, fatalError)

    def pushInfo(self, text):  # noqa: N802
        self.infos.append(text)
        super().pushInfo(text)


def sha256(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def file_hashes(paths):
    return {p: sha256(p) for p in paths if os.path.isfile(p)}


def all_files(folder):
    return sorted(p for p in glob.glob(os.path.join(folder, "**", "*"), recursive=True) if os.path.isfile(p))


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    """The county's layers written once: {layer name: (parameter value, files)}."""
    folder = str(tmp_path_factory.mktemp("county"))
    return {name: write_layer(layer, folder) for name, layer in COUNTY.items()}


@pytest.fixture(scope="module")
def summary(request):
    started = time.perf_counter()
    yield OUTCOMES
    text = summary_text(OUTCOMES, time.perf_counter() - started)
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line("\n" + text)
    target = os.environ.get("RISKATLAS_MATRIX_SUMMARY")
    if target:
        with open(target, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")


def summary_text(outcomes, seconds):
    counts = Counter(kind for o in outcomes for kind in o["problems"])
    lines = [f"bad-input matrix: {len(outcomes)} cases in {seconds:.0f} s "
             f"({len({o['algorithm'] for o in outcomes})} algorithms, {len({o['class'] for o in outcomes})} input "
             "classes)"]
    lines += [f"  {kind + 's':<22} {counts.get(kind, 0)}" for kind in KINDS]
    by_algorithm = Counter(o["algorithm"] for o in outcomes)
    bad_by_algorithm = Counter(o["algorithm"] for o in outcomes if o["problems"])
    lines.append("  per algorithm (cases / with a problem): " + ", ".join(
        f"{a} {n}/{bad_by_algorithm.get(a, 0)}" for a, n in sorted(by_algorithm.items())))
    by_class = Counter(o["class"] for o in outcomes)
    bad_by_class = Counter(o["class"] for o in outcomes if o["problems"])
    lines.append("  per input class (cases / with a problem): " + ", ".join(
        f"{c} {n}/{bad_by_class.get(c, 0)}" for c, n in sorted(by_class.items())))
    failing = [o for o in outcomes if o["problems"]]
    if failing:
        lines.append("  problems:")
        for o in failing:
            for kind, reason in o["problems"].items():
                lines.append(f"    [{kind}] {o['id']}: {reason}")
    return "\n".join(lines)


def _layer_for(case, name):
    layer = COUNTY[name]
    return case.bad.change(layer) if case.bad is not None and case.bad.layer == name else layer


def _value(value):
    """A parameter value: a delimited-text layer becomes a QgsVectorLayer, anything else stays a string."""
    if isinstance(value, tuple):
        _provider, uri, name = value
        layer = QgsVectorLayer(uri, name, "delimitedtext")
        assert layer.isValid(), uri
        return layer
    return value


def build_parameters(case, county, inputs_folder, out_folder):
    """(parameters, input files, the written bad layer or None)."""
    algorithm = ALGORITHMS[case.algorithm]
    parameters, files, written = {}, [], None
    for parameter, names in algorithm.inputs.items():
        if algorithm.bad_layer_only and case.bad is not None and case.bad.layer not in (
                names if isinstance(names, list) else [names]):
            continue
        values = []
        for name in (names if isinstance(names, list) else [names]):
            if case.bad is not None and case.bad.layer == name:
                written = _layer_for(case, name)
                value, new_files = write_layer(written, inputs_folder)
                files += new_files
            else:
                value, base_files = county[name]
                files += base_files
            values.append(_value(value))
        parameters[parameter] = values if isinstance(names, list) else values[0]
    parameters.update(algorithm.parameters)
    if case.bad is not None:
        parameters.update(case.bad.parameters)
    if case.output_case in ("existing output kept on failure", "table in an existing GeoPackage dropped on failure"):
        parameters.update(FAILING_PARAMETERS.get(case.algorithm, {}))
    for parameter, name in algorithm.outputs.items():
        parameters[parameter] = os.path.join(out_folder, name or "assessment")
    return parameters, files, written


def feature_labels(layer, expect, label="{key} (fid {fid})"):
    labels = []
    for key in dict.fromkeys(expect.features):
        labels += [label.format(key=key, fid=fid) for fid in fids_of(layer, key)]
    return labels


def fids_of(layer, key):
    """Feature ids as QGIS reads them: GeoPackage as written, shapefile rows from 0, CSV lines (the header is 1)."""
    positions = [i for i, (_wkt, values) in enumerate(layer.rows) if values.get(layer.key) == key]
    if layer.form.startswith("shp"):
        return positions
    if layer.form.startswith("csv"):
        return [p + 2 for p in positions]
    return [layer.fid(p) for p in positions]


def unnamed(text, expect, layer, label="{key} (fid {fid})"):
    """What ``text`` fails to name of the expected layer, features (as ``label`` names one) and field."""
    missing = []
    if expect.layer and expect.layer not in text:
        missing.append(f"layer '{expect.layer}'")
    if layer is not None:
        missing += [f"feature {name}" for name in feature_labels(layer, expect, label) if name not in text]
    if expect.field and expect.field not in text:
        missing.append(f"field '{expect.field}'")
    return missing


def untranslated(text, expect, layer):
    """True when the message, its names taken out, has no Chinese text (zh runs)."""
    rest = text
    for name in [expect.layer or "", *(k for k in expect.features)]:
        rest = rest.replace(name, "")
    return not re.search(r"[\u4e00-\u9fff]", rest)


def check_report(parameters, expect, layer):
    """validateinputs: a finding naming layer, feature (key and fid) and field with the expected severity."""
    import sqlite3

    with sqlite3.connect(parameters["OUTPUT"]) as db:
        table = db.execute("select table_name from gpkg_contents").fetchone()[0]
        columns = [r[1] for r in db.execute(f'pragma table_info("{table}")')]
        rows = [dict(zip(columns, r)) for r in db.execute(f'select * from "{table}"')]
    found = [r for r in rows if r["layer"] == expect.layer and r["severity"] == expect.severity
             and (not expect.field or expect.field in (r["field"] or "").split("+"))]
    if not found:
        return f"no {expect.severity} finding for layer '{expect.layer}' field '{expect.field}' " \
               f"(findings: {[(r['layer'], r['feature_id'], r['field'], r['severity']) for r in rows][:6]})"
    for key in dict.fromkeys(expect.features):
        for fid in fids_of(layer, key):
            rows_of_feature = [r for r in found if r["feature_id"] == fid]
            if not rows_of_feature:
                return f"no finding for feature {key} (fid {fid})"
            if "feature_key" not in columns or rows_of_feature[0]["feature_key"] != key:
                return f"the finding of fid {fid} does not name its key {key}"
    return None


def check_outputs(case, parameters, out_folder, before, succeeded, allowed_on_failure=()):
    """None when the outputs are whole (success) or absent / left as they were (failure); else the reason."""
    leftovers = [p for p in all_files(out_folder) if TEMPORARY.search(os.path.basename(p))]
    if leftovers:
        return "temporary files left: " + ", ".join(os.path.basename(p) for p in leftovers)
    if not succeeded:
        changed = [p for p in all_files(out_folder) if before.get(p) != sha256(p)
                   and not any(fnmatch.fnmatch(os.path.basename(p), kept) for kept in allowed_on_failure)]
        if case.output_case == "table in an existing GeoPackage dropped on failure":
            return _tables_left(parameters)
        return ("written although the run failed: " + ", ".join(os.path.relpath(p, out_folder) for p in changed)
                if changed else None)
    return _whole(case, parameters)


def _tables_left(parameters):
    import sqlite3

    gpkg = next(v for v in parameters.values() if isinstance(v, str) and v.startswith("ogr:dbname="))
    path = gpkg.split("'")[1]
    with sqlite3.connect(path) as db:
        tables = {r[0] for r in db.execute("select table_name from gpkg_contents")}
        kept = db.execute('select count(*) from "keep"').fetchone()[0]
    extra = tables - {"keep"}
    if extra or kept != 1:
        return f"tables left in the existing GeoPackage: {sorted(extra)} (kept rows {kept})"
    return None


def _whole(case, parameters):
    from osgeo import ogr

    algorithm = ALGORITHMS[case.algorithm]
    for name in algorithm.outputs:
        value = parameters[name]
        if value.startswith("ogr:dbname="):
            continue
        if case.algorithm == "fullassessment":
            expected = [os.path.join(value, f) for f in ("risk_atlas_results.gpkg", "risk_atlas.pdf",
                                                         "risk_atlas.qgz", "validation.html")]
        else:
            expected = [value]
        for path in expected:
            if not os.path.exists(path):
                return f"missing output {os.path.basename(path)}"
            if path.endswith(".gpkg"):
                dataset = ogr.Open(path)
                if dataset is None or dataset.GetLayerCount() == 0:
                    return f"output {os.path.basename(path)} does not open"
                dataset = None
            elif path.endswith(".pdf"):
                with open(path, "rb") as handle:
                    data = handle.read()
                if not (data.startswith(b"%PDF") and b"%%EOF" in data[-64:]):
                    return f"output {os.path.basename(path)} is not a whole PDF"
            elif path.endswith(".html"):
                with open(path, encoding="utf-8") as handle:
                    if "</html>" not in handle.read():
                        return f"output {os.path.basename(path)} is not a whole page"
    return None


def prepare_outputs(case, parameters, out_folder):
    """Set up the output side of an output case; returns the sha256 of what is there before the run."""
    os.makedirs(out_folder, exist_ok=True)
    algorithm = ALGORITHMS[case.algorithm]
    if case.output_case == "existing output kept on failure":
        for name, file_name in algorithm.outputs.items():
            if file_name.endswith(".gpkg"):
                _gpkg_with_one_table(parameters[name], "keep")
            elif file_name:
                with open(parameters[name], "w", encoding="utf-8") as handle:
                    handle.write("<html>an earlier report</html>" if file_name.endswith(".html") else "earlier")
            else:
                os.makedirs(parameters[name], exist_ok=True)
                with open(os.path.join(parameters[name], "risk_atlas.pdf"), "w") as handle:
                    handle.write("earlier")
    elif case.output_case == "table in an existing GeoPackage dropped on failure":
        existing = os.path.join(out_folder, "existing.gpkg")
        _gpkg_with_one_table(existing, "keep")
        for name, file_name in algorithm.outputs.items():
            if file_name.endswith(".gpkg"):
                table = os.path.splitext(file_name)[0]
                parameters[name] = f"ogr:dbname='{existing}' table=\"{table}\" (geom)"
    elif case.output_case == "unwritable output":
        blocker = os.path.join(out_folder, "blocker")
        with open(blocker, "w") as handle:
            handle.write("a file where a folder should be")
        for name, file_name in algorithm.outputs.items():
            parameters[name] = os.path.join(blocker, file_name or "assessment")
    return {p: sha256(p) for p in all_files(out_folder)}


def _gpkg_with_one_table(path, table):
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4549)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = dataset.CreateLayer(table, srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("note", ogr.OFTString))
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("note", "earlier")
    feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT(500000 3300000)"))
    layer.CreateFeature(feature)
    dataset = layer = None


def run_case(case, county, folder):
    from qgis import processing

    inputs_folder, out_folder = os.path.join(folder, "inputs"), os.path.join(folder, "out")
    parameters, files, written = build_parameters(case, county, inputs_folder, out_folder)
    before_inputs = file_hashes(files)
    before_outputs = prepare_outputs(case, parameters, out_folder)
    feedback = RecordingFeedback(cancel=case.output_case == "cancelled")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    error = None
    language = case.bad.language if case.bad is not None else "en"
    with Language(language):
        try:
            results = processing.run(f"riskatlas:{ALGORITHMS[case.algorithm].runs or case.algorithm}", parameters, context=context, feedback=feedback)
        except QgsProcessingException as exception:
            error, results = str(exception), None
        except Exception as exception:  # not QGIS's: a traceback in all but name
            error, results = f"Traceback (most recent call last): {type(exception).__name__}: {exception}", None
    del context
    problems = {}
    log = "\n".join(feedback.errors)
    if error is not None and ("Traceback (most recent call last)" in error or "Traceback" in log):
        problems["traceback"] = (error or log).strip().splitlines()[-1][:300]
    problems.update(judge(case, parameters, written, error, results, feedback))
    if file_hashes(files) != before_inputs:
        problems["modified input"] = "an input file changed"
    allowed = ALGORITHMS[case.algorithm].kept_on_failure  # the report the stop refers to
    half = check_outputs(case, parameters, out_folder, before_outputs, error is None and results is not None
                         and case.output_case != "cancelled", allowed)
    if half:
        problems["half-written output"] = half
    return problems


def judge(case, parameters, written, error, results, feedback):
    """The answer against the expectation: {'unclear': reason} or {}."""
    if case.output_case is not None:
        return _judge_output_case(case, error, feedback)
    expect = case.expect
    label = ALGORITHMS[case.algorithm].feature_label
    if expect.outcome == REPORT:
        if error is not None:
            return {"unclear": f"validateinputs failed: {error[:200]}"}
        reason = check_report(parameters, expect, written)
        return {"unclear": reason} if reason else {}
    if expect.outcome == ERROR:
        if error is None:
            return {"unclear": "no error (a silent result)" + (
                f"; warnings: {feedback.warnings[:2]}" if feedback.warnings else "")}
        missing = unnamed(error, expect, written, label)
        if missing:
            return {"unclear": f"does not name {', '.join(missing)}: {error[:300]!r}"}
        if case.bad.language == "zh" and untranslated(error, expect, written):
            return {"unclear": f"not in Chinese: {error[:200]!r}"}
        return {}
    if error is not None:
        return {"unclear": f"expected {expect.outcome}, got an error: {error[:300]!r}"}
    if expect.outcome == WARNING:
        if not any(not unnamed(w, expect, written, label) for w in feedback.warnings):
            return {"unclear": f"no warning naming {', '.join(unnamed('', expect, written, label))} "
                               f"(warnings: {[w[:160] for w in feedback.warnings][:3]})"}
    assert expect.outcome in (WARNING, OK)
    return {}


def _judge_output_case(case, error, feedback):
    if case.output_case in ("success leaves no temporary files",):
        return {"unclear": f"the run failed: {error[:300]!r}"} if error is not None else {}
    if case.output_case == "cancelled":
        return {}
    if case.output_case == "unwritable output":
        if error is None:
            return {"unclear": "no error although nothing could be written"}
        return {} if "blocker" in error else {"unclear": f"does not name the output path: {error[:200]!r}"}
    if error is None:
        return {"unclear": "the failing input did not fail the run"}
    return {}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input(case, county, summary, riskatlas_provider, tmp_path):
    problems = run_case(case, county, str(tmp_path))
    OUTCOMES.append({"id": case.id, "algorithm": case.algorithm, "class": case.klass, "problems": problems})
    assert not problems, problems


def test_every_algorithm_of_the_provider_is_in_the_matrix(riskatlas_provider):
    """A new algorithm joins the matrix (a row in bad_input_cases.ALGORITHMS)."""
    from riskatlas.processing.base import RiskAtlasAlgorithm

    ids = {a.name() for a in riskatlas_provider.algorithms() if isinstance(a, RiskAtlasAlgorithm)}
    assert set(a.runs or a.id for a in ALGORITHMS.values()) <= ids
    assert ids <= set(ALGORITHMS), f"add a row for {sorted(ids - set(ALGORITHMS))} to bad_input_cases.ALGORITHMS"
    assert set(FAILING_INPUT) == set(ALGORITHMS)


def test_the_case_table_is_consistent():
    names = [c.id for c in CASES]
    assert len(names) == len(set(names)), [n for n, k in Counter(names).items() if k > 1]
    assert len(CASES) >= 135
