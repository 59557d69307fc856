"""Fixtures for tests that run the real QGIS (pytest-qgis, offscreen)."""
import os

import pytest
from qgis.core import QgsApplication

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE_GPKG = os.path.join(ROOT, "sample_data", "sample_county.gpkg")


@pytest.fixture(scope="session")
def riskatlas_provider(qgis_app):
    """QGIS Processing initialised and the Risk Atlas provider registered (as initProcessing does)."""
    from processing.core.Processing import Processing

    Processing.initialize()
    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("riskatlas")
    if provider is None:
        from riskatlas.processing.provider import RiskAtlasProvider

        provider = RiskAtlasProvider()
        assert registry.addProvider(provider)
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
