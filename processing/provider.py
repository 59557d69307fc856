"""The Risk Atlas Processing provider (id ``riskatlas``).

Algorithms are discovered from the ``alg_*.py`` modules of this package: each defines one
RiskAtlasAlgorithm subclass named in its module-level ``ALGORITHM``. Processing models
(``models/*.model3``, built by tools/build_model.py) are added too, so planners can open the
assessment chain in the Model Designer.
"""
import importlib
import os
import pkgutil

from qgis.core import QgsProcessingModelAlgorithm, QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..support.i18n import PLUGIN_DIR, plugin_version


def algorithm_classes():
    package = __name__.rsplit(".", 1)[0]
    classes = []
    for info in sorted(pkgutil.iter_modules([os.path.dirname(__file__)]), key=lambda i: i.name):
        if info.name.startswith("alg_"):
            module = importlib.import_module(f"{package}.{info.name}")
            classes.append(module.ALGORITHM)
    return classes


def models():
    folder = os.path.join(PLUGIN_DIR, "models")
    loaded = []
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        if name.endswith(".model3"):
            model = QgsProcessingModelAlgorithm()
            if model.fromFile(os.path.join(folder, name)):
                loaded.append(model)
    return loaded


class RiskAtlasProvider(QgsProcessingProvider):
    def id(self):
        return "riskatlas"

    def name(self):
        return QCoreApplication.translate("RiskAtlasProvider", "Risk Atlas")

    def longName(self):
        return QCoreApplication.translate("RiskAtlasProvider", "Risk Atlas {0}").format(plugin_version())

    def icon(self):
        return QIcon(os.path.join(PLUGIN_DIR, "icon.svg"))

    def svgIconPath(self):
        return os.path.join(PLUGIN_DIR, "icon.svg")

    def versionInfo(self):
        return plugin_version()

    def loadAlgorithms(self):
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
        for model in models():
            self.addAlgorithm(model)
