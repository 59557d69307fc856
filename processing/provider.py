"""The Risk Atlas Processing provider (id ``riskatlas``).

Algorithms are discovered from the ``alg_*.py`` modules of this package: each defines one
RiskAtlasAlgorithm subclass named in its module-level ``ALGORITHM``.
"""
import importlib
import os
import pkgutil

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..i18n_support import PLUGIN_DIR, plugin_version


def algorithm_classes():
    package = __name__.rsplit(".", 1)[0]
    classes = []
    for info in sorted(pkgutil.iter_modules([os.path.dirname(__file__)]), key=lambda i: i.name):
        if info.name.startswith("alg_"):
            module = importlib.import_module(f"{package}.{info.name}")
            classes.append(module.ALGORITHM)
    return classes


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
