"""The whole assessment as one reusable function: parameters in, result paths and figures out.

``run_assessment`` chains the Risk Atlas algorithms through QGIS Processing (the same code a
planner runs from the toolbox) and writes every result layer into one GeoPackage, a QGIS
project with the layers styled, and (when the atlas step is available) the PDF atlas.
It needs a running QGIS with Processing initialised and the riskatlas provider registered.
"""
import os
from dataclasses import dataclass, field

from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

from .layers.project import SAMPLE_GPKG, add_sample_county

SAMPLE_INPUTS = {
    "ENTERPRISES": "enterprises", "HAZARD_SOURCES": "hazard_sources", "SHELTERS": "shelters",
    "SHELTERS_2": "shelter_points", "FIRE_STATIONS": "fire_stations", "POPULATION": "population",
    "ROADS": "roads", "TOWNSHIPS": "townships",
}


@dataclass
class AssessmentResult:
    output_folder: str
    files: dict = field(default_factory=dict)  # label -> path
    figures: dict = field(default_factory=dict)  # label -> value
    problems: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.problems

    def report(self):
        lines = ["Risk Atlas assessment", f"  output folder: {self.output_folder}", "  files:"]
        lines += [f"    {label:<22} {path}" for label, path in self.files.items()]
        lines.append("  headline figures:")
        lines += [f"    {label:<40} {value}" for label, value in self.figures.items()]
        lines += [f"  PROBLEM: {p}" for p in self.problems]
        return "\n".join(lines)


def sample_inputs(gpkg=SAMPLE_GPKG):
    return {parameter: f"{gpkg}|layername={layer}" for parameter, layer in SAMPLE_INPUTS.items()}


def _run(algorithm_id, parameters, feedback):
    from qgis import processing

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return processing.run(algorithm_id, parameters, context=context, feedback=feedback)


def run_assessment(inputs, output_folder, feedback=None):
    """Run the chain on ``inputs`` ({parameter name: layer or URI}) into ``output_folder``."""
    feedback = feedback or QgsProcessingFeedback()
    os.makedirs(output_folder, exist_ok=True)
    result = AssessmentResult(output_folder)

    html = os.path.join(output_folder, "validation.html")
    validation = _run("riskatlas:validateinputs", {
        **{k: v for k, v in inputs.items() if k in SAMPLE_INPUTS},
        "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_HTML": html}, feedback)
    result.files["validation report"] = html
    result.figures["validation errors"] = validation["ERRORS"]
    result.figures["validation warnings"] = validation["WARNINGS"]
    if validation["ERRORS"]:
        result.problems.append(f"{validation['ERRORS']} validation errors: see {html}")
    return result


def write_project(path, gpkg=SAMPLE_GPKG):
    """A QGIS project with the input layers styled."""
    project = QgsProject()
    add_sample_county(project, gpkg)
    if not project.write(path):
        raise IOError(f"cannot write project {path}: {project.error()}")
    return path


def run_demo(output_folder):
    result = run_assessment(sample_inputs(), output_folder)
    result.files["QGIS project"] = write_project(os.path.join(output_folder, "risk_atlas.qgz"))
    return result
