"""The plugin loads through classFactory + initProcessing in real QGIS and registers its provider."""
from qgis.core import QgsApplication


def test_class_factory_and_init_processing(qgis_app, qgis_iface):
    import riskatlas

    registry = QgsApplication.processingRegistry()
    if registry.providerById("riskatlas") is not None:  # registered by other tests' fixture
        registry.removeProvider(registry.providerById("riskatlas"))
    plugin = riskatlas.classFactory(qgis_iface)
    plugin.initProcessing()
    try:
        provider = QgsApplication.processingRegistry().providerById("riskatlas")
        assert provider is not None
        assert provider.name() in ("Risk Atlas", "风险图谱")
        ids = {a.id() for a in provider.algorithms()}
        assert "riskatlas:validateinputs" in ids
        assert "riskatlas:createtemplate" in ids
    finally:
        plugin.unload()
    assert QgsApplication.processingRegistry().providerById("riskatlas") is None
