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


def test_gui_menu_and_load_sample_county(qgis_app, qgis_iface, qgis_new_project, sample_gpkg, tmp_path, monkeypatch):
    import os

    import riskatlas
    from qgis.core import QgsProject

    monkeypatch.setenv("HOME", str(tmp_path))  # the sample's copy goes to ~/RiskAtlas

    registry = QgsApplication.processingRegistry()
    if registry.providerById("riskatlas") is not None:
        registry.removeProvider(registry.providerById("riskatlas"))
    plugin = riskatlas.classFactory(qgis_iface)
    plugin.initGui()
    try:
        texts = [action.text() for action in plugin.actions]
        assert texts[0] in ("Load sample county", "加载示例县数据")
        # every menu entry has its own icon: sample county, each algorithm, the manual
        icons = [a.svgIconPath() for a in plugin.provider.algorithms()]
        assert len(set(icons)) == len(icons) and all(os.path.exists(i) for i in icons)
        assert len(plugin.actions) == len(plugin.provider.algorithms()) - 1 + 2  # the model is not in the menu
        assert not any(action.icon().isNull() for action in plugin.actions)
        assert any(t.startswith(("Validate input layers", "检查输入图层")) for t in texts)
        plugin.load_sample_county()
        copy = tmp_path / "RiskAtlas" / "sample_county.gpkg"
        assert copy.exists()  # the planner's own copy, not the plugin folder's file
        sources = {layer.source().split("|")[0] for layer in QgsProject.instance().mapLayers().values()}
        assert sources == {str(copy)} and os.path.getsize(copy) == os.path.getsize(sample_gpkg)
        names = {layer.source().split("layername=")[1] for layer in QgsProject.instance().mapLayers().values()}
        assert names == {"enterprises", "hazard_sources", "shelters", "shelter_points", "fire_stations",
                         "population", "roads", "townships", "rescue_teams", "supply_depots", "key_targets",
                         "natural_hazards"}
        roads = next(l for l in QgsProject.instance().mapLayers().values() if l.source().endswith("=roads"))
        assert roads.renderer().type() == "categorizedSymbol"
    finally:
        plugin.unload()
