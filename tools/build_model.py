"""Writes models/risk_atlas_assessment.model3 — the assessment chain of assessment/chain.py as a
Processing model — and the chain table in README.md.

The model is what `riskatlas:fullassessment` does, drawn in the Model Designer's terms so that
a planner can open it (Processing toolbox ▸ Risk Atlas ▸ Models ▸ right-click ▸ Edit Model…),
see every step and adapt it — change a radius, add a buffer, swap the grid for townships.
Inputs become model parameters, options the algorithms' defaults (LANGUAGE and ORGANISATION stay
parameters), the result layers later steps read and the atlas PDF model outputs; every step
waits for the validation, which stops the model when it finds errors. Steps that need an optional
input (``Step.needs``: the rescue teams' and supply depots' coverage) are not in the model: a model
cannot leave a step out when its input is missing (run resourcecoverage on its own, or the full
assessment, for them).

Run: .venv/bin/python tools/build_model.py [--readme-only]   (the model needs QGIS; the provider loads it.)
"""
import importlib.util
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODEL_PATH = os.path.join(ROOT, "models", "risk_atlas_assessment.model3")
README = os.path.join(ROOT, "README.md")
README_MARKERS = ("<!-- chain table: tools/build_model.py writes it from assessment/chain.py -->",
                  "<!-- end of chain table -->")


def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _model_parameters(model, chain, schemas):
    """Every assessment input and the options the model exposes, as model parameters (a column at x=120)."""
    from qgis.core import (QgsProcessingModelParameter, QgsProcessingParameterEnum,
                           QgsProcessingParameterFeatureSource, QgsProcessingParameterString)
    from qgis.PyQt.QtCore import QPointF

    from riskatlas.processing.alg_export_atlas import LANGUAGES
    from riskatlas.processing.base import source_types

    definitions = [QgsProcessingParameterFeatureSource(i.parameter, i.label, source_types(i.schema.geometries),
                                                       optional=not i.required) for i in schemas.ASSESSMENT_INPUTS]
    definitions += [QgsProcessingParameterEnum("LANGUAGE", "Atlas language", list(LANGUAGES), defaultValue="zh",
                                               usesStaticStrings=True),
                    QgsProcessingParameterString("ORGANISATION", "Issuing organisation", "", optional=True)]
    assert {d.name() for d in definitions[-2:]} == {n for n, o in chain.OPTIONS.items() if o.in_model}
    for row, definition in enumerate(definitions):
        component = QgsProcessingModelParameter(definition.name())
        component.setPosition(QPointF(120, 60 + 70 * row))
        model.addModelParameter(definition, component)


def _child(model, step, row, chain, schemas):
    """The chain step as a child algorithm wired as the chain says."""
    from qgis.core import (QgsApplication, QgsProcessingModelChildAlgorithm,
                           QgsProcessingModelChildDependency, QgsProcessingModelChildParameterSource as Source,
                           QgsProcessingModelOutput)
    from qgis.PyQt.QtCore import QPointF

    child = QgsProcessingModelChildAlgorithm(step.algorithm)
    child.setChildId(step.key)
    child.setDescription(step.summary.split(" (")[0])
    x, y = (720, 320) if step.key == "atlas" else (420, 80 + 110 * row)
    child.setPosition(QPointF(x, y))
    left_out = {layer for s in chain.STEPS if s.needs for layer in s.results()}
    for parameter, source in step.wiring.items():
        if isinstance(source, (chain.Input, chain.Extent)):
            child.addParameterSources(parameter, [Source.fromModelParameter(source.parameter)])
        elif isinstance(source, chain.Result) and source.layer in left_out:
            continue  # a step the model leaves out (it needs an optional input)
        elif isinstance(source, chain.Result):
            producer, output = chain.producer(source.layer)
            child.addParameterSources(parameter, [Source.fromChildOutput(producer.key, output)])
        elif isinstance(source, chain.Option) and chain.OPTIONS[source.name].in_model:
            child.addParameterSources(parameter, [Source.fromModelParameter(source.name)])
        elif isinstance(source, chain.Option) and chain.OPTIONS[source.name].default is not None:
            child.addParameterSources(parameter, [Source.fromStaticValue(chain.OPTIONS[source.name].default)])
        elif isinstance(source, chain.Fixed):
            child.addParameterSources(parameter, [Source.fromStaticValue(source.value)])
    if step.stops_on_errors:
        child.addParameterSources("FAIL_ON_ERROR", [Source.fromStaticValue(True)])
    elif step.key != chain.STEPS[0].key:
        child.setDependencies([QgsProcessingModelChildDependency(chain.STEPS[0].key)])
    # the Model Designer wants every mandatory parameter set: give the algorithm's own defaults
    definition = QgsApplication.processingRegistry().algorithmById(step.algorithm)
    for parameter in definition.parameterDefinitions():
        if parameter.name() not in child.parameterSources() and not parameter.isDestination() \
                and parameter.defaultValue() is not None:
            child.addParameterSources(parameter.name(), [Source.fromStaticValue(parameter.defaultValue())])
    outputs = {}
    read_later = {s.layer for later in chain.STEPS for s in later.wiring.values() if isinstance(s, chain.Result)}
    shown = [(parameter, layer, schemas.RESULT_BY_NAME[layer].title_en) for parameter, layer in step.outputs.items()
             if layer in read_later]
    shown += [(parameter, name, label) for parameter, (_file, name, label) in step.files.items() if name]
    for number, (parameter, name, label) in enumerate(shown):
        output = QgsProcessingModelOutput(name, label)
        output.setChildId(step.key)
        output.setChildOutputName(parameter)
        output.setPosition(QPointF(x + 240, y + 30 * number))
        outputs[name] = output
    child.setModelOutputs(outputs)
    model.addChildAlgorithm(child)


def build():
    from qgis.core import QgsProcessingModelAlgorithm

    from riskatlas.assessment import chain
    from riskatlas.layers import schemas

    chain.check()
    model = QgsProcessingModelAlgorithm("Risk atlas assessment (model)", "Models", "riskatlas")
    model.setName("riskatlasassessmentmodel")
    model.setHelpContent({
        "ALG_DESC": "The Risk Atlas assessment as an editable model, step by step as 'Full risk assessment' "
                    "runs it, with the same algorithms and defaults: "
                    + "; ".join(f"{n}. {s.summary}" for n, s in enumerate((s for s in chain.STEPS if not s.needs), 1))
                    + ". Open it in the Model Designer to adapt a step.",
        "ALG_CREATOR": "Risk Atlas"})
    _model_parameters(model, chain, schemas)
    for row, step in enumerate(s for s in chain.STEPS if not s.needs):  # a model cannot leave a step out
        _child(model, step, row, chain, schemas)
    return model


def update_readme(path=README):
    """Put the chain table (assessment.chain.markdown_table) between the README's markers."""
    from riskatlas.assessment.chain import markdown_table

    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    start, end = (re.escape(marker) for marker in README_MARKERS)
    new, count = re.subn(f"{start}\n(?:.*?\n)?{end}", lambda _m: f"{README_MARKERS[0]}\n{markdown_table()}\n"
                         f"{README_MARKERS[1]}", text, flags=re.S)
    if count != 1:
        sys.exit(f"{path}: the chain table markers are missing")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(new)


def main():
    common = _load("bench_common", os.path.join(ROOT, "bench", "common.py"))
    if "--readme-only" in sys.argv:
        common.register_package()
        update_readme()
        return
    app = common.start_qgis()  # noqa: F841
    model = build()
    ok, errors = model.validate() if hasattr(model, "validate") else (True, [])
    if not ok:
        sys.exit("model invalid: " + "; ".join(errors))
    os.makedirs(os.path.dirname(MODEL_PATH), exist_ok=True)
    if not model.toFile(MODEL_PATH):
        sys.exit(f"cannot write {MODEL_PATH}")
    update_readme()
    print(MODEL_PATH)


if __name__ == "__main__":
    main()
