"""Writes models/risk_atlas_assessment.model3: the assessment chain as a Processing model.

The model is what `riskatlas:fullassessment` does, drawn in the Model Designer's terms so that
a planner can open it (Processing toolbox ▸ Risk Atlas ▸ Models ▸ right-click ▸ Edit Model…),
see every step and adapt it — change a radius, add a buffer, swap the grid for townships.
Run: .venv/bin/python tools/build_model.py   (needs QGIS; the provider loads the file.)
"""
import importlib.util
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODEL_PATH = os.path.join(ROOT, "models", "risk_atlas_assessment.model3")


def build():
    from qgis.core import (
        QgsApplication,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource as Source,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterEnum,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterString,
    )
    from qgis.PyQt.QtCore import QPointF

    from riskatlas.support import compat

    model = QgsProcessingModelAlgorithm("Risk atlas assessment (model)", "Models", "riskatlas")
    model.setName("riskatlasassessmentmodel")
    model.setHelpContent({
        "ALG_DESC": "The Risk Atlas assessment as an editable model: grade hazard sources (GB 18218-2018) → "
                    "enterprise risk (LEC) → four-colour map (500 m grid over the townships) → fire-station "
                    "reach (5 min) → shelter area per capita per township → printed atlas. Same algorithms and "
                    "defaults as 'Full risk assessment'; open it in the Model Designer to adapt a step.",
        "ALG_CREATOR": "Risk Atlas"})
    inputs = (("ENTERPRISES", "Enterprises", compat.SOURCE_POINT), ("HAZARD_SOURCES", "Hazard sources",
              compat.SOURCE_ANY_GEOMETRY), ("SHELTERS", "Emergency shelters", compat.SOURCE_ANY_GEOMETRY),
              ("FIRE_STATIONS", "Fire stations", compat.SOURCE_POINT), ("POPULATION", "Population",
              compat.SOURCE_POLYGON), ("ROADS", "Roads", compat.SOURCE_LINE), ("TOWNSHIPS", "Townships",
              compat.SOURCE_POLYGON))
    for i, (name, label, kind) in enumerate(inputs):
        component = QgsProcessingModelParameter(name)
        component.setPosition(QPointF(120, 60 + 70 * i))
        model.addModelParameter(QgsProcessingParameterFeatureSource(name, label, [kind]), component)
    component = QgsProcessingModelParameter("LANGUAGE")
    component.setPosition(QPointF(120, 60 + 70 * len(inputs)))
    model.addModelParameter(QgsProcessingParameterEnum("LANGUAGE", "Atlas language", ["zh", "en"],
                                                       defaultValue="zh", usesStaticStrings=True), component)
    component = QgsProcessingModelParameter("ORGANISATION")
    component.setPosition(QPointF(120, 60 + 70 * (len(inputs) + 1)))
    model.addModelParameter(QgsProcessingParameterString("ORGANISATION", "Issuing organisation", "", optional=True),
                            component)

    def child(child_id, algorithm, description, x, y, sources, outputs=(), statics=None):
        step = QgsProcessingModelChildAlgorithm(algorithm)
        step.setChildId(child_id)
        step.setDescription(description)
        step.setPosition(QPointF(x, y))
        for parameter, source in sources.items():
            step.addParameterSources(parameter, [source])
        for parameter, value in (statics or {}).items():
            step.addParameterSources(parameter, [Source.fromStaticValue(value)])
        # the Model Designer wants every mandatory parameter set: give the algorithm's own defaults
        definition = QgsApplication.processingRegistry().algorithmById(algorithm)
        for parameter in definition.parameterDefinitions():
            name = parameter.name()
            if name in sources or name in (statics or {}) or parameter.isDestination():
                continue
            if parameter.defaultValue() is not None:
                step.addParameterSources(name, [Source.fromStaticValue(parameter.defaultValue())])
        model_outputs = {}
        for output_name, child_output, label in outputs:
            output = QgsProcessingModelOutput(output_name, label)
            output.setChildId(child_id)
            output.setChildOutputName(child_output)
            output.setPosition(QPointF(x + 220, y + 40))
            model_outputs[output_name] = output
        step.setModelOutputs(model_outputs)
        model.addChildAlgorithm(step)

    p = Source.fromModelParameter
    c = Source.fromChildOutput
    child("grade", "riskatlas:gradehazardsources", "Grade hazard sources (GB 18218-2018)", 420, 80,
          {"INPUT": p("HAZARD_SOURCES"), "POPULATION": p("POPULATION")},
          [("hazard_units", "OUTPUT", "Graded hazard units")])
    child("enterprises", "riskatlas:enterpriserisk", "Enterprise risk (LEC)", 420, 200,
          {"INPUT": p("ENTERPRISES"), "HAZARD_UNITS": c("grade", "OUTPUT")},
          [("enterprise_risk", "OUTPUT", "Enterprise risk levels")], {"METHOD": 0})
    child("map", "riskatlas:fourcolourmap", "Four-colour risk map", 420, 320,
          {"ENTERPRISES": c("enterprises", "OUTPUT"), "HAZARD_UNITS": c("grade", "OUTPUT"),
           "EXTENT": p("TOWNSHIPS"), "POPULATION": p("POPULATION")},
          [("risk_map", "OUTPUT", "Four-colour risk map")], {"CELL_SIZE": 500.0, "RADII": "1000,500,300,100",
                                                            "AGGREGATION": 0})
    child("reach", "riskatlas:firestationreach", "Fire-station reach (5 min)", 420, 440,
          {"STATIONS": p("FIRE_STATIONS"), "ROADS": p("ROADS"), "STUDY_AREA": p("TOWNSHIPS"),
           "POPULATION": p("POPULATION")},
          [("reach_areas", "OUTPUT_AREAS", "Fire-station reach areas"), ("reach_gaps", "OUTPUT_GAPS", "Reach gaps")],
          {"TIME_LIMIT": 5.0})
    child("shelters", "riskatlas:shelterpercapita", "Shelter area per capita (per township)", 420, 560,
          {"SHELTERS": p("SHELTERS"), "POPULATION": p("POPULATION"), "UNITS": p("TOWNSHIPS")},
          [("shelter_units", "OUTPUT", "Shelter area per capita")], {"METHOD": 0, "TARGET": 1.5})
    child("atlas", "riskatlas:exportatlas", "Printed risk atlas", 720, 320,
          {"RISK_MAP": c("map", "OUTPUT"), "ENTERPRISES": c("enterprises", "OUTPUT"),
           "HAZARD_UNITS": c("grade", "OUTPUT"), "SHELTERS": p("SHELTERS"), "FIRE_STATIONS": p("FIRE_STATIONS"),
           "REACH_AREAS": c("reach", "OUTPUT_AREAS"), "REACH_GAPS": c("reach", "OUTPUT_GAPS"),
           "SHELTER_UNITS": c("shelters", "OUTPUT"), "TOWNSHIPS": p("TOWNSHIPS"), "LANGUAGE": p("LANGUAGE"),
           "ORGANISATION": p("ORGANISATION")},
          [("atlas_pdf", "OUTPUT", "Risk atlas (PDF)")], {"PAGE_SIZE": "A3"})
    return model


def main():
    spec = importlib.util.spec_from_file_location("bench_common", os.path.join(ROOT, "bench", "common.py"))
    common = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(common)
    app = common.start_qgis()  # noqa: F841
    model = build()
    ok, errors = model.validate() if hasattr(model, "validate") else (True, [])
    if not ok:
        sys.exit("model invalid: " + "; ".join(errors))
    os.makedirs(os.path.dirname(MODEL_PATH), exist_ok=True)
    if not model.toFile(MODEL_PATH):
        sys.exit(f"cannot write {MODEL_PATH}")
    print(MODEL_PATH)


if __name__ == "__main__":
    main()
