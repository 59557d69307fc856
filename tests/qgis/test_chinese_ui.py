"""The algorithm dialog in Chinese, rendered offscreen; and the plugin's missing-dependency message."""
import os
import subprocess
import sys

from qgis.core import QgsApplication

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_algorithm_dialog_renders_in_chinese(tmp_path):
    """The real Processing algorithm dialog, in a GUI QgsApplication (offscreen) with QGIS set to zh_CN,
    in its own process (the test session's QGIS runs without widgets)."""
    shot = os.environ.get("RISKATLAS_SCREENSHOT") or str(tmp_path / "dialog_zh.png")
    completed = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "screenshot_dialog.py"),
                                "riskatlas:fullassessment", "zh_CN", shot], capture_output=True, text=True,
                               timeout=300, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    shown = completed.stdout.splitlines()
    assert "完整风险评估（一次运行）" in shown, completed.stdout + completed.stderr
    assert "企业" in shown and "消防站" in shown and "输出文件夹" in shown
    assert os.path.getsize(shot) > 10_000


def test_missing_dependencies_message_in_the_gui(qgis_iface, monkeypatch):
    import riskatlas

    monkeypatch.setitem(sys.modules, "geopandas", None)
    registry = QgsApplication.processingRegistry()
    if registry.providerById("riskatlas") is not None:
        registry.removeProvider(registry.providerById("riskatlas"))
    shown = []
    monkeypatch.setattr(qgis_iface.messageBar(), "pushMessage", lambda *args: shown.append(args))
    plugin = riskatlas.classFactory(qgis_iface)
    plugin.initGui()
    try:
        assert len(shown) == 1
        assert "Missing Python packages" in shown[0][1] or "缺少Python依赖包" in shown[0][1]
        algorithm = registry.algorithmById("riskatlas:validateinputs")
        ok, message = algorithm.canExecute()
        assert not ok and "geopandas >= 1.0 (not installed)" in message and "OSGeo4W" in message
        assert len(plugin.actions) >= 2  # the menu is there
    finally:
        plugin.unload()
