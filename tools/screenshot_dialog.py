"""Render a Risk Atlas algorithm dialog to PNG, offscreen, in a given locale.

Usage: .venv/bin/python tools/screenshot_dialog.py ALGORITHM_ID LOCALE OUT.png
Uses a throw-away QGIS profile (QGIS_CUSTOM_CONFIG_PATH) so the user's settings are untouched.
Prints the algorithm name from the dialog's window title and the parameter labels it shows.
"""
import importlib.util
import os
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main(algorithm_id, locale, out_path):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QGIS_CUSTOM_CONFIG_PATH"] = tempfile.mkdtemp(prefix="riskatlas-profile-")
    from qgis.core import QgsApplication, QgsSettings

    app = QgsApplication([], True)
    app.initQgis()
    settings = QgsSettings()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", locale)
    sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
    from processing.core.Processing import Processing

    Processing.initialize()
    spec = importlib.util.spec_from_file_location("root_conftest", os.path.join(ROOT, "conftest.py"))
    spec.loader.exec_module(importlib.util.module_from_spec(spec))
    import riskatlas

    plugin = riskatlas.classFactory(None)
    plugin.initProcessing()  # installs the translator for the locale, registers the provider
    from processing.gui.AlgorithmDialog import AlgorithmDialog
    from qgis.PyQt.QtWidgets import QLabel

    algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
    dialog = AlgorithmDialog(algorithm)
    dialog.resize(1150, 800)
    dialog.show()
    for _ in range(5):
        app.processEvents()
    dialog.grab().save(out_path)
    from riskatlas.support.compat import algorithm_dialog_names

    print(algorithm_dialog_names(dialog.windowTitle()))
    for label in dialog.findChildren(QLabel):
        if label.text().strip():
            print(label.text())
    dialog.close()
    plugin.unload()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
