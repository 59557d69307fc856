"""Fixtures for tests that run the real QGIS (pytest-qgis, offscreen)."""
import os
import sys

import pytest
from qgis.core import QgsApplication

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_KEEP_ALIVE = []
HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:  # for qgis_helpers and atlas_standins (importlib mode imports no siblings)
    sys.path.append(HERE)
SAMPLE_GPKG = os.path.join(ROOT, "sample_data", "sample_county.gpkg")


@pytest.fixture(scope="session", autouse=True)
def english_qgis_locale(qgis_app):
    """Tests run QGIS in English (tests that need Chinese switch it themselves). pytest-qgis keeps
    its QGIS profile in .qgis-settings between runs, so this also undoes what an interrupted run left."""
    from qgis.core import QgsSettings

    settings = QgsSettings()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "en_US")


@pytest.fixture(scope="session")
def qgis_processing_ready(qgis_app):
    from processing.core.Processing import Processing

    Processing.initialize()


@pytest.fixture
def riskatlas_provider(qgis_processing_ready):
    """The Risk Atlas provider registered (as initProcessing does); re-registered if a test removed it."""
    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("riskatlas")
    if provider is None:
        from riskatlas.processing.provider import RiskAtlasProvider

        provider = RiskAtlasProvider()
        assert registry.addProvider(provider)
        _KEEP_ALIVE.append(provider)  # a Python provider dies with its last Python reference
    return provider


@pytest.fixture
def run_algorithm(riskatlas_provider):
    """processing.run with a fresh context; returns the results dict."""
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    def run(algorithm_id, parameters, feedback=None):
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        return processing.run(algorithm_id, parameters, context=context,
                              feedback=feedback or QgsProcessingFeedback())

    return run


@pytest.fixture(scope="session")
def sample_gpkg():
    assert os.path.exists(SAMPLE_GPKG), "sample_data/sample_county.gpkg missing: run make sample-data"
    return SAMPLE_GPKG


def layer_uri(gpkg, name):
    return f"{gpkg}|layername={name}"


def run_full_assessment(folder, replaced=None, language="zh"):
    """riskatlas:fullassessment on the sample county into ``folder`` (``replaced``: {parameter: layer uri} instead
    of the sample's); returns its results."""
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    from riskatlas.layers.schemas import ASSESSMENT_INPUTS

    if QgsApplication.processingRegistry().providerById("riskatlas") is None:
        from riskatlas.processing.provider import RiskAtlasProvider

        provider = RiskAtlasProvider()
        QgsApplication.processingRegistry().addProvider(provider)
        _KEEP_ALIVE.append(provider)
    parameters = {i.parameter: layer_uri(SAMPLE_GPKG, i.layer) for i in ASSESSMENT_INPUTS}
    parameters.update(replaced or {})
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return processing.run("riskatlas:fullassessment", {**parameters, "OUTPUT_FOLDER": str(folder),
                                                       "LANGUAGE": language}, context=context,
                          feedback=QgsProcessingFeedback())


@pytest.fixture(scope="session")
def sample_assessment(tmp_path_factory, qgis_processing_ready):
    """The full assessment on the sample county as it is (every input, Chinese), run once per session."""
    return run_full_assessment(tmp_path_factory.mktemp("sample_assessment"))
