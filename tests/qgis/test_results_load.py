"""Results load into the project as the algorithm dialog loads them (QGIS's handleAlgorithmResults): temporary
outputs — the dialog's default — and files alike, without QGIS's "not correctly generated" error."""
import pytest
from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProcessingOutputLayerDefinition, QgsProject

from .conftest import layer_uri

OUTPUTS = {"OUTPUT_EDGES": "reached roads", "OUTPUT_AREAS": "reach areas", "OUTPUT_GAPS": "gaps"}


class Errors(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.errors = []

    def reportError(self, error, fatalError=False):  # noqa: N802 (QGIS API)
        self.errors.append(error)
        super().reportError(error, fatalError)


@pytest.mark.parametrize("destination", ["TEMPORARY_OUTPUT", "file"])
def test_results_load_as_the_dialog_loads_them(riskatlas_provider, sample_gpkg, tmp_path, destination):
    from processing.core.Processing import Processing
    from riskatlas.support.compat import handle_algorithm_results

    project = QgsProject.instance()
    before = set(project.mapLayers())
    context = QgsProcessingContext()
    context.setProject(project)
    feedback = Errors()
    parameters = {"STATIONS": layer_uri(sample_gpkg, "fire_stations"), "ROADS": layer_uri(sample_gpkg, "roads"),
                  "OUTPUT_HTML": str(tmp_path / "reach.html")}
    for name in OUTPUTS:
        target = "TEMPORARY_OUTPUT" if destination == "TEMPORARY_OUTPUT" else str(tmp_path / f"{name}.gpkg")
        parameters[name] = QgsProcessingOutputLayerDefinition(target, project)
    Processing.runAlgorithm("riskatlas:firestationreach", parameters, feedback=feedback, context=context,
                            onFinish=lambda alg, ctx, fb: handle_algorithm_results(alg, ctx, fb, parameters))
    added = [project.mapLayer(i) for i in set(project.mapLayers()) - before]
    try:
        assert not feedback.errors, feedback.errors
        assert len(added) == len(OUTPUTS) and all(layer.isValid() and layer.featureCount() > 0 for layer in added)
    finally:
        project.removeMapLayers([layer.id() for layer in added])
